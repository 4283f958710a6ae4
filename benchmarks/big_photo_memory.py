"""Peak memory of 100-megapixel inputs through load -> compress -> save (target <= 2.0 GB).

Builds one 100 MP file per kind of pixel data (``big_inputs.py``: an 8-bit RGB JPEG photo,
a CMYK JPEG, 16-bit RGB and RGBA TIFF, 16-bit RGB and greyscale PNG, float32 and int32
greyscale TIFF, a palette PNG with a transparent entry, an RGBA PNG, a 19 KB ICO holding a
1-bit 100 MP PNG)
from the benchmark corpus photos (``bash ../shared/bench/corpus.sh``; GPL wallpapers, never
committed), then runs each configuration (K=16 and 256, RGB and Oklab, with and without
dithering) in a fresh subprocess that does what ``kmeans-compress`` does for one file (no
decoded copy of the output is kept; ``--pixels`` keeps it, as the window does) and
reports its own peak resident memory (``VmHWM`` of /proc/self/status, which a process does not
inherit at exec, unlike ``ru_maxrss``; ``ru_maxrss`` where there is no /proc) and the time of
each stage. ``--trace`` also runs it under tracemalloc and prints the largest Python-visible
peak by stage (NumPy arrays are traced; Pillow's decoder buffers are not); ``--where`` samples
the resident size every millisecond and prints the app's stack at each stage's highest.

    python benchmarks/big_photo_memory.py [--input photo --input float-tiff | --photo PATH]
        [--k 16 --k 64] [--color-space rgb] [--dither {no,yes,both}] [--trace] [--where] [--json]
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

TARGET_MB = 2000


class PeakSampler:
    """Where the peak is: a thread that reads the resident size every millisecond and keeps
    the main thread's stack (kmeans_gui's frames) at the highest one of each stage."""

    def __init__(self) -> None:
        import threading

        self.main = threading.main_thread().ident
        self.page = os.sysconf("SC_PAGE_SIZE")
        self.top, self.stack = 0, ""
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        import traceback

        with open("/proc/self/statm", "rb") as statm:
            while not self.done.wait(0.001):
                statm.seek(0)
                rss = int(statm.read().split()[1]) * self.page
                if rss > self.top:
                    frame = sys._current_frames().get(self.main)
                    frames = traceback.extract_stack(frame)
                    ours = [f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in frames
                            if "kmeans_gui" in f.filename]  # fmt: skip
                    self.top, self.stack = rss, " < ".join(reversed(ours[-4:]))

    def take(self) -> dict[str, object]:
        """The highest resident size since the last call and the stack then; starts afresh."""
        found = {"sampled_mb": round(self.top / 1e6), "at": self.stack}
        self.top, self.stack = 0, ""
        return found


def child(
    photo: Path, k: int, color_space: str, dither: bool, trace: bool, where: bool, pixels: bool
) -> dict:
    """One configuration in this (fresh) process: the CLI's steps, timed, with the peak."""
    from benchmarks.memory import current_rss, peak_rss
    from kmeans_gui.compress import Options, compress, save
    from kmeans_gui.imaging import load_image

    if trace:
        import tracemalloc

        tracemalloc.start()
    sampler = PeakSampler() if where else None
    stages: dict[str, dict[str, object]] = {}
    baseline = current_rss() or peak_rss()

    def stage(name: str, start: float) -> None:
        entry: dict[str, object] = {"seconds": round(time.perf_counter() - start, 2),
                                    "peak_mb": round(peak_rss() / 1e6)}  # fmt: skip
        if sampler is not None:
            entry.update(sampler.take())
        if trace:
            entry["traced_peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 1e6)
            tracemalloc.reset_peak()
        stages[name] = entry

    start = time.perf_counter()
    image = load_image(photo)
    stage("load", start)
    start = time.perf_counter()
    options = Options(k=k, color_space=color_space, dither=dither)
    result = compress(image, options, pixels=pixels)  # False: as compress_file (the CLI)
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


def run_child(
    photo: Path, k: int, color_space: str, dither: bool, trace: bool, where: bool, pixels: bool
) -> dict:
    """Run :func:`child` in a fresh interpreter and return its report."""
    command = [sys.executable, __file__, "--child", "--photo", str(photo), "--k", str(k),
               "--color-space", color_space]  # fmt: skip
    if dither:
        command += ["--dither", "yes"]
    if trace:
        command.append("--trace")
    if where:
        command.append("--where")
    if pixels:
        command.append("--pixels")
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return {"photo": str(photo), "k": k, "color_space": color_space, "dither": dither,
                "error": done.stderr.strip().splitlines()[-1:]}  # fmt: skip
    return json.loads(done.stdout.splitlines()[-1])


def _print(name: str, path: Path, reports: list[dict]) -> None:
    ok = [r for r in reports if "error" not in r]
    size = path.stat().st_size
    mp = f"{ok[0]['megapixels']} MP, " if ok else ""
    print(f"{name} ({path.name}: {mp}{size / 1e6:,.1f} MB file)")
    for r in reports:
        label = f"K={r['k']} {r['color_space']}{' dither' if r['dither'] else ''}"
        if "error" in r:
            print(f"  {label:<18} failed: {r['error']}")
            continue
        stages = ", ".join(
            f"{stage} {s['seconds']} s -> {s['peak_mb']} MB"
            + (f" (traced {s['traced_peak_mb']} MB)" if "traced_peak_mb" in s else "")
            + (f" [{s['sampled_mb']} MB at {s['at']}]" if "at" in s else "")
            for stage, s in r["stages"].items()
        )
        print(f"  {label:<18} peak {r['peak_mb']:>5} MB   {stages}")


def main(argv: list[str] | None = None) -> int:
    from benchmarks.big_inputs import INPUTS, build

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", choices=tuple(INPUTS), action="append",
                        help="a built 100 MP input (default: all)")  # fmt: skip
    parser.add_argument("--photo", type=Path, help="any image file instead of the built inputs")
    parser.add_argument("--k", type=int, action="append", help="K values (default 16 and 256)")
    parser.add_argument("--color-space", choices=("rgb", "oklab"), action="append")
    parser.add_argument("--dither", choices=("no", "yes", "both"), default="both")
    parser.add_argument("--trace", action="store_true", help="also trace NumPy allocations")
    parser.add_argument("--where", action="store_true",
                        help="also sample where in kmeans_gui each stage peaks")  # fmt: skip
    parser.add_argument("--pixels", action="store_true",
                        help="keep the decoded output, as the window does")  # fmt: skip
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    ks = args.k or [16, 256]
    spaces = args.color_space or ["rgb", "oklab"]
    dithers = {"no": [False], "yes": [True], "both": [False, True]}[args.dither]
    if args.child:
        flags = (args.trace, args.where, args.pixels)
        print(json.dumps(child(args.photo, ks[0], spaces[0], dithers[0], *flags)))
        return 0
    if args.photo:
        inputs = {args.photo.name: args.photo}
    else:
        inputs = {name: build(name) for name in args.input or INPUTS}
    configs = [(k, s, d) for d in dithers for k in ks for s in spaces]
    runs: dict[str, list[dict]] = {}
    base = None
    for name, path in inputs.items():
        flags = (args.trace, args.where, args.pixels)
        runs[name] = [run_child(path, k, s, d, *flags) for k, s, d in configs]
        base = base or next((r["baseline_mb"] for r in runs[name] if "error" not in r), None)
        if not args.json:
            _print(name, path, runs[name])
    peaks = [r["peak_mb"] for reports in runs.values() for r in reports if "error" not in r]
    worst = max(peaks, default=0)
    failed = any("error" in r for reports in runs.values() for r in reports)
    if args.json:
        print(json.dumps({"target_mb": TARGET_MB, "worst_peak_mb": worst, "runs": runs}))
    else:
        print(f"interpreter and libraries {base} MB; worst peak {worst} MB (target <= "
              f"{TARGET_MB} MB): {'OK' if worst <= TARGET_MB else 'OVER THE TARGET'}"
              f"{'; some runs failed' if failed else ''}")  # fmt: skip
    return 0 if worst <= TARGET_MB and not failed else 1


if __name__ == "__main__":
    sys.exit(main())
