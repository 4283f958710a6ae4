"""Partly transparent images against pngquant and libimagequant (issue #14): error, bytes, time.

Usage (from the repository root; ``make bench`` runs it after ``run.py``)::

    python benchmarks/rgba_bench.py              # writes benchmarks/rgba_results.json
    python benchmarks/rgba_bench.py --repeat 1   # one timed run each instead of the best of 3

The three images are drawn by ``benchmarks/rgba_images.py`` (nothing downloaded): a logo with
a soft shadow, an icon sheet with glows, a window screenshot with a translucent panel. At each
K every peer's result is decoded to RGBA and measured the same way, with the app's figure
(``engine.composited_errors``: the worse MSE of the image composited over black and over
white). Bytes: ours is the app's PNG file, pngquant's its own file, libimagequant's palette
and indices written by the app's PNG writer in the app's entry order (libimagequant makes no
file). Time: the best of ``--repeat`` runs of the quantization alone (analysis, k-means,
mapping; no PNG I/O) for ours and libimagequant, wall and CPU (process time: on a machine
loaded by other jobs the wall times of the same work move 2-10x, the CPU times far less);
pngquant is a separate program, so its time includes reading and writing its PNG files and
is listed for information.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# kmeans_gui before NumPy, as the app and the CLI import them: it sets one OpenBLAS thread
# (see kmeans_gui/__init__.py). Imported after NumPy, the engine ran with OpenBLAS's threads
# fighting its own two and took 2-5x as long (the figures of #14's first run).
import kmeans_gui  # noqa: E402, F401, I001
import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

from benchmarks.rgba_images import icon_sheet, logo, screenshot  # noqa: E402
from benchmarks.report import write_section  # noqa: E402
from kmeans_gui import engine  # noqa: E402
from kmeans_gui.compress import Options, compress  # noqa: E402
from kmeans_gui.imaging import encode_indexed, load_image  # noqa: E402
from kmeans_gui.transparency import see_through_first  # noqa: E402

KS = (16, 64, 256)
IMAGES = {
    "logo": lambda: logo(1200, 600),
    "icons": lambda: icon_sheet(16, 8, 96),
    "screenshot": lambda: screenshot(1600, 1000),
}
RESULTS = ROOT / "benchmarks" / "rgba_results.json"
RESULTS_MD = ROOT / "benchmarks" / "RESULTS.md"
BEGIN = "<!-- Written by benchmarks/rgba_bench.py down to its end marker. -->"
END = "<!-- End of the part written by benchmarks/rgba_bench.py. -->"


def _error(rgb: np.ndarray, alpha: np.ndarray, rgba_out: np.ndarray) -> float:
    flat = rgba_out.reshape(-1, 4)
    mse, _ = engine.composited_errors(
        rgb.reshape(-1, 3), alpha.reshape(-1), flat[:, :3], flat[:, 3]
    )
    return mse


def _decode(data: bytes) -> np.ndarray:
    import io

    with Image.open(io.BytesIO(data)) as im:
        return np.asarray(im.convert("RGBA"))


def _best(run, repeat: int) -> tuple[float, float, object]:
    """The best wall time and the best CPU time (this process, all threads) of `repeat` runs,
    and the last result."""
    best, best_cpu, out = math.inf, math.inf, None
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        out = run()
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
    return best, best_cpu, out


def _ours(path: Path, rgb, alpha, k: int, repeat: int) -> dict:
    image = load_image(path)

    def quantize():
        analysis = engine.analyse(image.rgb, image.alpha)
        q = engine.quantize(analysis, k)
        return engine.indexed_image(analysis, q)

    seconds, cpu, _ = _best(quantize, repeat)
    result = compress(image, Options(k=k))
    return {"seconds": seconds, "cpu_seconds": cpu, "bytes": len(result.encoded),
            "mse": _error(rgb, alpha, _decode(result.encoded)),
            "figure_mse": result.stats.mse}  # fmt: skip


def _libimagequant(rgb, alpha, k: int, repeat: int) -> dict:
    import imagequant

    height, width = alpha.shape
    raw = np.dstack([rgb, alpha]).tobytes()

    def quantize():
        return imagequant.quantize_raw_rgba_bytes(
            raw, width, height, dithering_level=0.0, max_colors=k
        )

    seconds, cpu, (data, palette) = _best(quantize, repeat)
    entries = np.array(palette, dtype=np.uint8).reshape(-1, 4)
    indices = np.frombuffer(data, dtype=np.uint8).reshape(height, width)
    # The app's entry order (see-through first, short tRNS), as for ours.
    ordered, ordered_indices, _, _ = see_through_first(entries, indices, None, None)
    encoded = encode_indexed(ordered, ordered_indices, "png")
    return {"seconds": seconds, "cpu_seconds": cpu, "bytes": len(encoded),
            "mse": _error(rgb, alpha, entries[indices])}  # fmt: skip


def _pngquant(path: Path, rgb, alpha, k: int, workdir: Path) -> dict:
    out = workdir / f"pngquant_{path.stem}_{k}.png"
    start = time.perf_counter()
    subprocess.run(
        ["pngquant", "--nofs", "--force", "--output", str(out), str(k), "--", str(path)],
        check=True, capture_output=True,
    )  # fmt: skip
    seconds = time.perf_counter() - start
    data = out.read_bytes()
    return {"seconds": seconds, "bytes": len(data), "mse": _error(rgb, alpha, _decode(data))}


def _version(command: list[str]) -> str:
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError:
        return "not installed"
    return (done.stdout or done.stderr).strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed runs, best kept (3)")
    parser.add_argument("--out", type=Path, default=RESULTS, help="results JSON file")
    parser.add_argument(
        "--markdown", type=Path, default=RESULTS_MD, help="RESULTS.md to write its section into"
    )
    args = parser.parse_args(argv)
    try:
        import imagequant  # noqa: F401

        have_liq = True
    except ImportError:
        have_liq = False
        print("libimagequant (imagequant) is not installed: skipped (make bench installs it)")
    have_pngquant = _version(["pngquant", "--version"]) != "not installed"
    if not have_pngquant:
        print("pngquant is not installed: skipped (apt-get install pngquant)")
    rows = []
    with tempfile.TemporaryDirectory(prefix="rgba-bench-") as tmp:
        workdir = Path(tmp)
        for name, draw in IMAGES.items():
            rgb, alpha = draw()
            path = workdir / f"{name}.png"
            Image.fromarray(np.dstack([rgb, alpha]), "RGBA").save(path)
            for k in KS:
                row = {"image": name, "width": alpha.shape[1], "height": alpha.shape[0], "k": k,
                       "ours": _ours(path, rgb, alpha, k, args.repeat)}  # fmt: skip
                if have_pngquant:
                    row["pngquant"] = _pngquant(path, rgb, alpha, k, workdir)
                if have_liq:
                    row["libimagequant"] = _libimagequant(rgb, alpha, k, args.repeat)
                rows.append(row)
                print(_line(row), flush=True)
    summary = _summary(rows)
    payload = {
        "date": time.strftime("%Y-%m-%d"),
        "cpus": os.cpu_count(),
        "pngquant": "pngquant " + _version(["pngquant", "--version"]),
        "load_average": [round(x, 1) for x in os.getloadavg()],
        "rows": rows,
        "summary": summary,
    }
    args.out.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    write_section(args.markdown, markdown(payload), BEGIN, END)
    print(json.dumps(summary, indent=1))
    return 0


def markdown(payload: dict) -> str:
    """The RESULTS.md section of a run."""
    lines = [
        "## Partly transparent images (issue #14)",
        "",
        f"`benchmarks/rgba_bench.py`, run of {payload['date']} ({payload['cpus']} CPUs, "
        f"{payload['pngquant']}; load average at the end {payload.get('load_average')}, "
        "from other jobs on the machine: times are noisy, compare them within a row). "
        "Images drawn by `benchmarks/rgba_images.py`. Error: the app's figure for every "
        "result, `engine.composited_errors` (MSE of the image composited over black and over "
        "white, the worse), on the decoded RGBA. Bytes: ours is the app's PNG; pngquant's "
        "its own file; libimagequant's palette and indices written by the app's PNG writer, "
        "in the app's entry order. Time: best of the runs of the quantization alone (ours, "
        "libimagequant), wall seconds in the table; pngquant's includes its PNG reading and "
        "writing (a program).",
        "",
        "| image | K | MSE ours | pngquant | libimagequant | bytes ours | pngquant | "
        "libimagequant | s ours | pngquant | libimagequant |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in payload["rows"]:
        peers = [row.get(p) for p in ("ours", "pngquant", "libimagequant")]
        cells = [f"{row['image']} ({row['width']}×{row['height']})", str(row["k"])]
        cells += [f"{p['mse']:.3f}" if p else "—" for p in peers]
        cells += [f"{p['bytes']:,}" if p else "—" for p in peers]
        cells += [f"{p['seconds']:.3f}" if p else "—" for p in peers]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "Geometric means of ours / peer (below 1: ours is lower; CPU: the process's "
              "CPU seconds, all threads, best of the same runs: ours runs on two threads, so "
              "its CPU time is at least its wall time on an idle machine):", "",
              "| K | MSE / pngquant | bytes / pngquant | MSE / libimagequant | "
              "time / libimagequant | CPU / libimagequant |",
              "| --- | ---: | ---: | ---: | ---: | ---: |"]  # fmt: skip
    for k, f in payload["summary"].items():
        cells = [k] + [
            f"{f[key]:.2f}" if key in f else "—"
            for key in ("mse/pngquant", "bytes/pngquant", "mse/libimagequant",
                        "time/libimagequant", "cpu/libimagequant")
        ]  # fmt: skip
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def _line(row: dict) -> str:
    parts = [f"{row['image']:<10} K={row['k']:<3}"]
    for peer in ("ours", "pngquant", "libimagequant"):
        if peer in row:
            r = row[peer]
            parts.append(f"{peer} mse {r['mse']:8.3f} {r['bytes']:>8} B {r['seconds']:6.3f} s")
    return " | ".join(parts)


def _gmean(values: list[float]) -> float:
    return float(math.exp(np.mean(np.log(np.maximum(values, 1e-12)))))


def _summary(rows: list[dict]) -> dict:
    """Geometric means of the ratios ours / peer, per K and over all."""
    out: dict[str, dict[str, float]] = {}
    for k in (*KS, "all"):
        chosen = [r for r in rows if k == "all" or r["k"] == k]
        figures: dict[str, float] = {}
        for peer in ("pngquant", "libimagequant"):
            pairs = [(r["ours"], r[peer]) for r in chosen if peer in r]
            if not pairs:
                continue
            figures[f"mse/{peer}"] = _gmean([o["mse"] / max(p["mse"], 1e-9) for o, p in pairs])
            figures[f"bytes/{peer}"] = _gmean([o["bytes"] / p["bytes"] for o, p in pairs])
            figures[f"time/{peer}"] = _gmean([o["seconds"] / p["seconds"] for o, p in pairs])
            if all("cpu_seconds" in p for _, p in pairs):
                figures[f"cpu/{peer}"] = _gmean(
                    [o["cpu_seconds"] / p["cpu_seconds"] for o, p in pairs]
                )
        out[str(k)] = figures
    return out


if __name__ == "__main__":
    raise SystemExit(main())
