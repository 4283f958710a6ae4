"""Peak memory of one 50-megapixel photo through load -> compress -> save (target < 1.5 GB).

Builds a ~50 MP JPEG (8660 x 5774, a 3:2 camera size) by tiling the benchmark corpus photos
(``bash ../shared/bench/corpus.sh``; GPL wallpapers, never committed), then runs each
configuration in a fresh subprocess that does what ``kmeans-compress`` does for one file and
reports its own peak resident memory (``VmHWM`` of /proc/self/status, which a process does not
inherit at exec, unlike ``ru_maxrss``; ``ru_maxrss`` where there is no /proc) and the time of
each stage. ``--trace`` also runs it under tracemalloc and prints the largest Python-visible
peak by stage (NumPy arrays are traced; Pillow's decoder buffers are not).

    python benchmarks/big_photo_memory.py [--photo PATH] [--k 16 --k 64] [--trace] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

CORPUS = Path(os.environ.get("KMEANS_CORPUS", Path.home() / ".cache" / "kmeans-gui-corpus"))
TARGET_MB = 1500
SIZE = (8660, 5774)  # 50.0 megapixels, 3:2
CACHED = Path(tempfile.gettempdir()) / "kmeans-gui-50mp.jpg"


def fifty_megapixel_photo(path: Path = CACHED) -> Path:
    """A 50 MP JPEG tiled from corpus photos (4 x 4 tiles of 2165 x 1443.5, mirrored in turn)."""
    if path.exists():
        return path
    import numpy as np
    from PIL import Image, ImageOps

    photos = sorted(CORPUS.glob("*.jpg"))
    if not photos:
        sys.exit(f"no corpus photos in {CORPUS}: run `bash ../shared/bench/corpus.sh` first")
    width, height = SIZE
    canvas = np.empty((height, width, 3), dtype=np.uint8)
    cols, rows = 4, 4
    xs = np.linspace(0, width, cols + 1).astype(int)
    ys = np.linspace(0, height, rows + 1).astype(int)
    n = 0
    for r in range(rows):
        for c in range(cols):
            with Image.open(photos[n % len(photos)]) as im:
                tile = im.convert("RGB").resize((xs[c + 1] - xs[c], ys[r + 1] - ys[r]))
            if n // len(photos) % 2:
                tile = ImageOps.mirror(tile)
            canvas[ys[r] : ys[r + 1], xs[c] : xs[c + 1]] = np.asarray(tile)
            n += 1
    tmp = path.with_suffix(".tmp.jpg")
    Image.fromarray(canvas).save(tmp, quality=92)
    os.replace(tmp, path)
    return path


def child(photo: Path, k: int, color_space: str, dither: bool, trace: bool) -> dict:
    """One configuration in this (fresh) process: the CLI's steps, timed, with the peak."""
    from benchmarks.memory import current_rss, peak_rss
    from kmeans_gui.compress import Options, compress, save
    from kmeans_gui.imaging import load_image

    if trace:
        import tracemalloc

        tracemalloc.start()
    stages: dict[str, dict[str, float]] = {}
    baseline = current_rss() or peak_rss()

    def stage(name: str, start: float) -> None:
        entry = {"seconds": round(time.perf_counter() - start, 2),
                 "peak_mb": round(peak_rss() / 1e6)}  # fmt: skip
        if trace:
            entry["traced_peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 1e6)
            tracemalloc.reset_peak()
        stages[name] = entry

    start = time.perf_counter()
    image = load_image(photo)
    stage("load", start)
    start = time.perf_counter()
    result = compress(image, Options(k=k, color_space=color_space, dither=dither))
    stage("compress", start)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as out:
        save(result, Path(out) / result.default_name)
    stage("save", start)
    return {
        "photo": str(photo),
        "megapixels": round(image.width * image.height / 1e6, 1),
        "k": k,
        "color_space": color_space,
        "dither": dither,
        "baseline_mb": round(baseline / 1e6),
        "peak_mb": round(peak_rss() / 1e6),
        "stages": stages,
        "psnr": round(result.stats.psnr, 2),
        "output_bytes": result.stats.output_bytes,
    }


def run_child(photo: Path, k: int, color_space: str, dither: bool, trace: bool) -> dict:
    """Run :func:`child` in a fresh interpreter and return its report."""
    command = [sys.executable, __file__, "--child", "--photo", str(photo), "--k", str(k),
               "--color-space", color_space]  # fmt: skip
    if dither:
        command.append("--dither")
    if trace:
        command.append("--trace")
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"the measurement failed:\n{done.stderr}")
    return json.loads(done.stdout.splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photo", type=Path, help="a big photo (default: built from the corpus)")
    parser.add_argument("--k", type=int, action="append", help="K values (default 16 and 256)")
    parser.add_argument("--color-space", choices=("rgb", "oklab"), action="append")
    parser.add_argument("--dither", action="store_true", help="also measure with dithering")
    parser.add_argument("--trace", action="store_true", help="also trace NumPy allocations")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    ks = args.k or [16, 256]
    spaces = args.color_space or ["rgb", "oklab"]
    if args.child:
        report = child(args.photo, ks[0], spaces[0], args.dither, args.trace)
        print(json.dumps(report))
        return 0
    photo = args.photo or fifty_megapixel_photo()
    configs = [(k, s, False) for k in ks for s in spaces]
    if args.dither:
        configs.append((ks[0], spaces[0], True))
    reports = [run_child(photo, k, s, d, args.trace) for k, s, d in configs]
    worst = max(r["peak_mb"] for r in reports)
    if args.json:
        print(json.dumps({"target_mb": TARGET_MB, "worst_peak_mb": worst, "runs": reports}))
    else:
        first = reports[0]
        base = first["baseline_mb"]
        print(f"{photo.name}: {first['megapixels']} MP; peak resident memory per run "
              f"(target < {TARGET_MB} MB; interpreter and libraries {base} MB)")  # fmt: skip
        for r in reports:
            stages = ", ".join(
                f"{name} {s['seconds']} s -> {s['peak_mb']} MB"
                + (f" (traced {s['traced_peak_mb']} MB)" if "traced_peak_mb" in s else "")
                for name, s in r["stages"].items()
            )
            label = f"K={r['k']} {r['color_space']}{' dither' if r['dither'] else ''}"
            print(f"  {label:<18} peak {r['peak_mb']:>5} MB   {stages}")
        print(f"worst peak {worst} MB: {'OK' if worst < TARGET_MB else 'OVER THE TARGET'}")
    return 0 if worst < TARGET_MB else 1


if __name__ == "__main__":
    sys.exit(main())
