"""Palette control (issue #19): entry costs, refits after an edit, shared palettes.

Usage (from the repository root; ``make bench`` runs it)::

    python benchmarks/palette_bench.py            # writes benchmarks/palette_results.json
                                                  # and its section of RESULTS.md
    python benchmarks/palette_bench.py --repeat 3 # the median of 3 timed runs (default 5)

The three targets of the issue, each timed after the analyses, which every K reuses:

- every entry's cost (``engine.entry_worth``) at K=256 on the 12.3 MP photo (the three corpus
  photos of ``images.LARGE_SOURCES`` side by side), with the colour labels of the result, as
  the window computes them (target: 50 ms); the first call also makes the Oklab values of the
  analysis's colours, which the analysis keeps;
- a refit after a lock, a delete and a merge, to the quick preview as the worker makes it
  (``find_palette(refine=False)`` on the analysis, then the downscaled preview mapped to the
  palette), beside a new K's quick preview today (target: 100 ms);
- a shared palette over 20 photos of 2-5 MP (the 11 corpus photos, 4.1 MP each, and 9 of them
  scaled to 1920x1200, 2.3 MP) at K = 16, 64 and 256 (target: 2 s).

Times are CPU seconds of the process (``time.process_time``, every thread's), the median of
the runs, with the wall-clock median beside: the machine is shared, and under load the wall
clock counts the other jobs' turns too. The load average is recorded; compare within a run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# First: importing kmeans_gui before NumPy gives OpenBLAS one thread, as in the app and the
# command line. With NumPy's default threads the skinny products ran 5-40 times slower here.
import kmeans_gui  # noqa: E402, F401, I001
import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

from benchmarks.images import CORPUS_PHOTOS, LARGE_SOURCES, corpus_folder  # noqa: E402
from benchmarks.report import write_section  # noqa: E402
from kmeans_gui import engine, sweep  # noqa: E402
from kmeans_gui.engine.nearest import nearest_center  # noqa: E402
from kmeans_gui.imaging import load_image  # noqa: E402

RESULTS = ROOT / "benchmarks" / "palette_results.json"
RESULTS_MD = ROOT / "benchmarks" / "RESULTS.md"
BEGIN = "<!-- Written by benchmarks/palette_bench.py down to its end marker. -->"
END = "<!-- End of the part written by benchmarks/palette_bench.py. -->"
SHARED_KS = (16, 64, 256)


def timed(run: Callable[[], object], repeat: int, scale: float = 1.0) -> dict[str, float]:
    """Median CPU time and median wall-clock time of ``repeat`` runs, in seconds times ``scale``."""
    cpu, wall = [], []
    for _ in range(repeat):
        start, start_wall = time.process_time(), time.perf_counter()
        run()
        cpu.append(time.process_time() - start)
        wall.append(time.perf_counter() - start_wall)
    return {"cpu": scale * statistics.median(cpu), "wall": scale * statistics.median(wall)}


def large_photo(folder: Path) -> np.ndarray:
    return np.concatenate([load_image(folder / f"{n}.jpg").rgb for n in LARGE_SOURCES], axis=1)


def costs_and_refits(folder: Path, repeat: int) -> dict:
    rgb = large_photo(folder)
    analysis = engine.analyse(rgb)
    quantization = engine.quantize(analysis, 256)
    palette, labels = quantization.palette, quantization.color_labels

    def costs() -> None:
        engine.entry_worth(analysis, palette, labels=labels)

    def costs_cold() -> None:
        engine.entry_worth(analysis, palette)

    mapping = timed(lambda: engine.quantize_to_palette(analysis, palette), repeat, 1000)
    preview = sweep.make_preview(rgb)
    quick = engine.find_palette(analysis, 256, refine=False).palette

    def preview_of(**fit: object) -> Callable[[], None]:
        def run() -> None:
            k = int(fit.pop("k", 256))  # type: ignore[call-overload]
            found = engine.find_palette(analysis, k, refine=False, **fit)  # type: ignore[arg-type]
            fit["k"] = k
            sweep.preview_indices(preview, found.palette)

        return run

    merged = quick.copy()
    pair = quick[[3, 4]].astype(np.float64)
    merged[3] = np.rint(pair.mean(axis=0)).astype(np.uint8)  # equal weights: the bench's merge
    merged = np.delete(merged, 4, axis=0)
    row = {
        "image": f"{' + '.join(LARGE_SOURCES)} side by side",
        "pixels": int(rgb.shape[0] * rgb.shape[1]),
        "colors": analysis.n_colors,
        "first_costs_ms": timed(costs, 1, 1000),
        "costs_ms": timed(costs, repeat, 1000),
        "costs_without_labels_ms": timed(costs_cold, repeat, 1000),
        "exact_mapping_ms": mapping,
        "new_k_preview_ms": timed(preview_of(k=255), repeat, 1000),
        "lock_preview_ms": timed(preview_of(fixed=quick[:16], start=quick[16:]), repeat, 1000),
        "delete_preview_ms": timed(preview_of(k=255, start=quick[1:]), repeat, 1000),
        "merge_preview_ms": timed(preview_of(k=255, start=merged), repeat, 1000),
    }
    return row


def twenty_photos(folder: Path) -> list[np.ndarray]:
    photos = [load_image(folder / f"{n}.jpg").rgb for n in CORPUS_PHOTOS]
    scaled = [
        np.asarray(Image.fromarray(p).resize((1920, 1200), Image.Resampling.LANCZOS))
        for p in photos[:9]
    ]
    return photos + scaled


def shared(folder: Path, repeat: int) -> list[dict]:
    photos = twenty_photos(folder)
    pixels = [p.shape[0] * p.shape[1] for p in photos]
    analyses = [engine.analyse(p) for p in photos]
    del photos
    summed = engine.summed_analysis(analyses)
    coarser = 1 << 15  # the 5-bit bins, for comparison

    def mse(palette) -> float:
        """MSE per channel of all the photos' pixels mapped to the palette."""
        _, d2 = nearest_center(summed.histogram.colors, palette)
        return float(d2 @ summed.histogram.counts) / (3 * summed.histogram.n_opaque)

    rows = []
    for k in SHARED_KS:
        rows.append(
            {
                "k": k,
                "images": len(analyses),
                "colors": summed.n_colors,
                "megapixels": [round(min(pixels) / 1e6, 1), round(max(pixels) / 1e6, 1)],
                "seconds": timed(lambda k=k: engine.shared_palette(analyses, k), repeat),
                "summing_seconds": timed(lambda: engine.summed_analysis(analyses), repeat),
                "mse": mse(engine.shared_palette(analyses, k).palette),
                "coarser_seconds": timed(
                    lambda k=k: engine.shared_palette(analyses, k, max_points=coarser), 1
                ),
                "coarser_mse": mse(engine.shared_palette(analyses, k, max_points=coarser).palette),
            }
        )
    return rows


def both(t: dict[str, float], digits: int) -> str:
    """``cpu | wall`` table cells."""
    return f"{t['cpu']:.{digits}f} | {t['wall']:.{digits}f}"


def markdown(payload: dict) -> str:
    r = payload["costs"]
    lines = [
        "## Palette control (issue #19)",
        "",
        f"`benchmarks/palette_bench.py`, run of {payload['date']} ({payload['cpus']} CPUs; "
        f"load average before {payload['load_before']} and after {payload['load_after']}, "
        "from other jobs on the machine). Median of "
        f"{payload['repeat']} runs, each after the analyses (made once per image). CPU: the "
        "process's CPU time (`time.process_time`, every thread's), the figure to compare with "
        "a target; wall: the clock, which under load counts the other jobs' turns too.",
        "",
        f"**Costs** on {r['image']} ({r['pixels'] / 1e6:.1f} MP, {r['colors']:,} distinct "
        "colours), K=256, every entry's share, MSE rise and ΔE rise (target 50 ms):",
        "",
        "| what | CPU ms | wall ms |",
        "| --- | ---: | ---: |",
        "| every entry's cost, given the result's labels (the window; the analysis keeps its "
        "colours' Oklab values from the first call on) "
        f"| {both(r['costs_ms'], 0)} |",
        f"| the same, the first call on the analysis | {both(r['first_costs_ms'], 0)} |",
        f"| the same, labels searched | {both(r['costs_without_labels_ms'], 0)} |",
        "| for scale: mapping the image exactly to the palette "
        f"| {both(r['exact_mapping_ms'], 0)} |",
        "",
        "**Refits to the quick preview** (quick palette on the analysis, then the preview "
        "mapped to it; target 100 ms, as for a new K):",
        "",
        "| edit at K=256 | CPU ms | wall ms |",
        "| --- | ---: | ---: |",
        f"| a new K (255), for reference | {both(r['new_k_preview_ms'], 0)} |",
        f"| lock 16 colours, refit the other 240 | {both(r['lock_preview_ms'], 0)} |",
        f"| delete one (K 255, from the other 255) | {both(r['delete_preview_ms'], 0)} |",
        f"| merge two (K 255, from the merged palette) | {both(r['merge_preview_ms'], 0)} |",
        "",
        "**Shared palette** over 20 photos of "
        f"{payload['shared'][0]['megapixels'][0]}-{payload['shared'][0]['megapixels'][1]} MP "
        f"(the 11 corpus photos and 9 of them at 1920x1200; {payload['shared'][0]['colors']:,} "
        "colours together), after their analyses (target 2 s). The search stops on the 6-bit "
        "bins (`SHARED_MAX_POINTS`); the 5-bit bins beside it, for what the coarser level "
        "saves and loses (one run). MSE: all the photos' pixels mapped to the palette.",
        "",
        "| K | CPU s | wall s | of which summing the histograms, CPU s | MSE "
        "| 5-bit: CPU s | MSE |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in payload["shared"]:
        lines.append(
            f"| {row['k']} | {both(row['seconds'], 2)} | {row['summing_seconds']['cpu']:.2f} | "
            f"{row['mse']:.2f} | {row['coarser_seconds']['cpu']:.2f} | {row['coarser_mse']:.2f} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="folder of the corpus photos (default: corpus.sh)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per figure")
    parser.add_argument("--no-markdown", action="store_true", help="leave RESULTS.md alone")
    args = parser.parse_args(argv)
    folder = corpus_folder(args.corpus)
    load_before = [round(x, 1) for x in os.getloadavg()]
    payload = {
        "date": date.today().isoformat(),
        "cpus": os.cpu_count(),
        "repeat": args.repeat,
        "load_before": load_before,
        "costs": costs_and_refits(folder, args.repeat),
        "shared": shared(folder, args.repeat),
        "load_after": [round(x, 1) for x in os.getloadavg()],
    }
    RESULTS.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    text = markdown(payload)
    if not args.no_markdown:
        write_section(RESULTS_MD, text, BEGIN, END)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
