"""Save effort fast against max: bytes, seconds, and the cost of the SSIM figure (issue #20).

Cases as in benchmarks/png_encoders.py: EveningGlow, DarkestHour and OneStandsOut (2560x1600)
at K = 4, 16, 64, 256 (``make bench``'s photos and K), quantized once by the engine, and
the 12.3 MP photo (Autumn, ColorfulCups and Kite side by side) at K = 16. For each case:

- ``fast``: the app's writer (png.py), and ``max``: ``effort.smaller_png`` on that file, as
  the app saves with effort max (the sample's choice of rows, libdeflate 12, pixels checked);
- each way ``png_max.smallest_png`` can write the rows, forced: ``packed`` (unfiltered),
  ``filtered neighbour`` and ``filtered luminance`` (per-row filters, palette in that
  order), ``8-bit``;
- ``oxipng`` (pyoxipng, if installed): level 2 with its palette sorting and four filter
  strategies, libdeflate 12 inside; ``zopfli`` (if installed and --zopfli): 15 iterations
  on the packed rows (photos at K = 4 and 16 only: minutes per file);
- ``pngquant --nofs K`` on the same photo (its own quantization: its file is the peer the
  target compares with, as in ``make bench``).

For the 12.3 MP photo at K = 16 the app's own steps are timed: fast encode, max (compress
with effort max: everything after the k-means), and the SSIM of the file read back
(``engine.measure_ssim.file_ssim``), and the whole command (``kmeans-compress -k 16 --effort
max``, then ``fast``, from start-up to exit, as a user runs it: wall and CPU seconds, the load
average). Every file is decoded and checked against the case's pixels.

    python benchmarks/png_effort.py [--json out.json] [--zopfli] [--no-big] [--no-photos]
                                    [--command N]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import kmeans_gui  # noqa: F401  (one BLAS thread, as the app runs)

# isort: split
import numpy as np
import png_encoders as pe
from PIL import Image

from kmeans_gui import engine
from kmeans_gui.compress import (
    Options,
    encode_and_measure,
    quantize_image,
    with_effort,
)
from kmeans_gui.effort import smaller_png
from kmeans_gui.engine.measure_ssim import file_ssim
from kmeans_gui.imaging import decode_palette_output, encode_indexed, load_image, png_max

FORCED = {
    "packed": dict(rows="packed"),
    "filtered neighbour": dict(rows="filtered", palette_order="neighbour"),
    "filtered luminance": dict(rows="filtered", palette_order="luminance"),
    "8-bit": dict(rows="8-bit"),
}


def pngquant_bytes(photo: str, k: int, folder: Path) -> int:
    src = folder / f"{photo}.png"
    if not src.exists():
        Image.fromarray(load_image(pe.CORPUS / f"{photo}.jpg").rgb).save(src)
    out = folder / f"{photo}_pngquant{k}.png"
    subprocess.run(
        ["pngquant", "--nofs", "--force", "--output", str(out), str(k), "--", str(src)],
        check=True,
    )
    return out.stat().st_size


def timed(fn):
    start, cpu = time.perf_counter(), time.process_time()
    value = fn()
    return value, time.perf_counter() - start, time.process_time() - cpu


def one_case(case: pe.Case, zopfli: bool) -> dict[str, object]:
    fast, fast_s, _ = timed(lambda: encode_indexed(case.palette, case.indices, "png"))
    row: dict[str, object] = dict(case=case.name, k=case.k, fast=len(fast), fast_s=fast_s)
    (best, reason), max_s, max_cpu = timed(lambda: smaller_png(fast))
    pe.check(best, case)
    row.update(max=len(best), max_s=max_s, max_cpu=max_cpu, fallback=reason)
    indices = decode_palette_output(fast)[1]
    for name, kwargs in FORCED.items():
        if name == "8-bit" and pe.png.bit_depth(len(case.palette)) == 8:
            continue
        data, seconds, _ = timed(lambda kw=kwargs: png_max.smallest_png(fast, indices, **kw))
        pe.check(data, case)
        row[name], row[f"{name}_s"] = len(data), seconds
    try:
        import oxipng

        data, seconds, _ = timed(
            lambda: pe.oxipng_raw(
                level=2, palette_reduction=True, deflate=oxipng.Deflaters.libdeflater(12),
                filter=[oxipng.RowFilter.NoOp, oxipng.RowFilter.MinSum,
                        oxipng.RowFilter.Entropy, oxipng.RowFilter.Bigrams],
            )(case.palette, case.indices, 8)
        )  # fmt: skip
        pe.check(data, case)
        row["oxipng"], row["oxipng_s"] = len(data), seconds
    except ImportError:
        pass
    if zopfli and case.k <= 16:
        import zopfli.zlib

        bits = pe.png.bit_depth(len(case.palette))
        lines = pe.png.scanlines(case.indices, bits).tobytes()
        stream, seconds, _ = timed(lambda: zopfli.zlib.compress(lines, numiterations=15))
        data = pe.png_file(case.palette, case.indices.shape[1], case.indices.shape[0], bits, stream)
        pe.check(data, case)
        row["zopfli"], row["zopfli_s"] = len(data), seconds
    return row


def big_photo_timings(path: Path, k: int = 16) -> dict[str, float]:
    """Seconds of the app's steps on the 12.3 MP photo at K = `k` (one run each)."""
    image = load_image(path)
    analysis = engine.analyse(image.rgb, image.alpha)
    quantized = quantize_image(image, Options(k=k), analysis=analysis)
    fast, fast_s, fast_cpu = timed(
        lambda: encode_indexed(quantized.palette, quantized.indices, "png")
    )
    written = decode_palette_output(fast)
    ssim, ssim_s, ssim_cpu = timed(lambda: file_ssim(analysis, written, np.zeros(0)))
    max_quantized = quantize_image(image, Options(k=k, effort="max"), analysis=analysis)
    fast_result, measured_s, measured_cpu = timed(
        lambda: encode_and_measure(image, quantized, pixels=False)
    )
    result, max_s, max_cpu = timed(lambda: encode_and_measure(image, max_quantized, pixels=False))
    # The window's Save at effort max: the fast result on screen rewritten.
    _, rewrite_s, rewrite_cpu = timed(lambda: with_effort(fast_result, "max"))
    return dict(
        k=k, fast_encode_s=fast_s, fast_encode_cpu=fast_cpu, ssim_s=ssim_s, ssim_cpu=ssim_cpu,
        ssim=ssim, encode_measure_fast_s=measured_s, encode_measure_fast_cpu=measured_cpu,
        encode_measure_max_s=max_s, max_cpu=max_cpu, rewrite_s=rewrite_s,
        rewrite_cpu=rewrite_cpu, fast_bytes=len(fast), max_bytes=result.stats.output_bytes,
        max_effort=result.stats.effort,
    )  # fmt: skip


def busy_cpu_seconds() -> float:
    """CPU seconds every process of the machine has run since boot (Linux /proc/stat)."""
    fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(f) for f in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def command_timings(path: Path, runs: int, k: int = 16) -> list[dict[str, object]]:
    """The whole command, ``kmeans-compress <path> -k <k> --effort max`` (then ``fast``), from
    start-up to exit, `runs` times each, alternating: wall seconds, CPU seconds of the
    process (user + system, all its threads), the load average just before, and the CPU
    seconds other processes ran meanwhile (the load average lags: this says whether the two
    cores were really free)."""
    timings: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as out, tempfile.TemporaryDirectory() as cache:
        # Compiled modules, as an installed copy has them (this machine sets
        # PYTHONDONTWRITEBYTECODE, which made every run compile the package: 0.1 s), kept out
        # of the source tree; the first two runs, which write them, are not counted.
        env = dict(os.environ)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = cache
        for effort in ["max", "fast"] * (runs + 1):
            load = os.getloadavg()[0]
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            busy = busy_cpu_seconds()
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "kmeans_gui.cli", str(path), "-k", str(k),
                 "--effort", effort, "-o", out, "--force", "-q"],
                check=True, env=env,
            )  # fmt: skip
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            others = busy_cpu_seconds() - busy - cpu
            size = (Path(out) / f"{path.stem}_k{k}.png").stat().st_size
            timings.append(
                dict(effort=effort, wall_s=wall, cpu_s=cpu, load=load, others_cpu_s=others,
                     bytes=size)
            )  # fmt: skip
            print(json.dumps(timings[-1]), flush=True)
    return timings[2:]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", type=Path)
    parser.add_argument("--zopfli", action="store_true")
    parser.add_argument("--no-big", action="store_true")
    parser.add_argument("--no-photos", action="store_true")
    parser.add_argument(
        "--command",
        type=int,
        default=3,
        metavar="N",
        help="time the whole command on the 12.3 MP photo N times (0: not)",
    )
    args = parser.parse_args()
    load_before = os.getloadavg()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for case in [] if args.no_photos else pe.load_cases(["photos"]):
            row = one_case(case, args.zopfli)
            row["pngquant"] = pngquant_bytes(case.name, case.k, Path(tmp))
            rows.append(row)
            print(json.dumps(row), flush=True)
        big, command = None, []
        if not args.no_big or args.command:
            from kgrid_speed import twelve_megapixel_photo

            photo = twelve_megapixel_photo(Path(tmp))
            command = command_timings(photo, args.command)
            if not args.no_big:
                big = big_photo_timings(photo)
                print(json.dumps(big), flush=True)
    load_after = os.getloadavg()
    print(f"\nload average before {load_before[0]:.2f}, after {load_after[0]:.2f}\n")
    summarise(rows, big, command)
    if args.json:
        args.json.write_text(
            json.dumps(dict(rows=rows, big=big, command=command, load=[load_before, load_after]))
        )
    return 0


def summarise(
    rows: list[dict[str, object]],
    big: dict[str, float] | None,
    command: list[dict[str, object]],
) -> None:
    names = ["fast", "max", *FORCED, "oxipng", "zopfli"]
    names = [n for n in names if any(n in r for r in rows)]
    if rows:
        print(
            "| photo | K | pngquant bytes | " + " | ".join(f"{n} / pngquant" for n in names) + " |"
        )
        print("| --- | ---: | ---: |" + " ---: |" * len(names))
    for r in rows:
        cells = [
            f"{int(r[n]) / int(r['pngquant']):.3f}" if n in r else ""
            for n in names  # type: ignore[call-overload]
        ]
        print(f"| {r['case']} | {r['k']} | {int(r['pngquant']):,d} | " + " | ".join(cells) + " |")  # type: ignore[call-overload]
    ks = sorted({int(r["k"]) for r in rows})  # type: ignore[call-overload]
    for n in names:
        by_k = []
        for k in ks:
            ratios = [int(r[n]) / int(r["pngquant"]) for r in rows if r["k"] == k and n in r]  # type: ignore[call-overload]
            by_k.append(f"K={k} {statistics.geometric_mean(ratios):.3f}" if ratios else "")
        every = [int(r[n]) / int(r["pngquant"]) for r in rows if n in r]  # type: ignore[call-overload]
        print(f"{n}: geometric mean {statistics.geometric_mean(every):.3f}; " + ", ".join(by_k))
    if big:
        print(
            f"\n12.3 MP at K={big['k']}: fast encode {big['fast_encode_s']:.2f} s "
            f"(CPU {big['fast_encode_cpu']:.2f}), SSIM {big['ssim_s']:.2f} s "
            f"(CPU {big['ssim_cpu']:.2f}), encode+measure fast "
            f"{big['encode_measure_fast_s']:.2f} s, "
            f"max {big['encode_measure_max_s']:.2f} s (CPU {big['max_cpu']:.2f}), "
            f"Save's rewrite at max {big['rewrite_s']:.2f} s (CPU {big['rewrite_cpu']:.2f}); "
            f"bytes {big['fast_bytes']:,d} -> "
            f"{big['max_bytes']:,d} ({big['max_effort']})"
        )
    for effort in ("max", "fast"):
        runs = [r for r in command if r["effort"] == effort]
        if runs:
            print(
                f"kmeans-compress -k 16 --effort {effort}, whole command: wall "
                + ", ".join(f"{r['wall_s']:.2f}" for r in runs)
                + " s; CPU "
                + ", ".join(f"{r['cpu_s']:.2f}" for r in runs)
                + " s; load average "
                + ", ".join(f"{r['load']:.1f}" for r in runs)
                + "; other processes' CPU s meanwhile "
                + ", ".join(f"{r['others_cpu_s']:.2f}" for r in runs)
                + f"; {runs[0]['bytes']:,d} bytes"
            )


if __name__ == "__main__":
    sys.exit(main())
