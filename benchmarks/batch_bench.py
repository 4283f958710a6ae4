"""A batch of 108 photos (issue #18): `kmeans-compress -j 2` against `parallel -j2 pngquant`,
-j 1 against -j 2, and the peak memory of the process tree with -j 2 on ten 50 MP photos.

The photos are the benchmark corpus (``bash /work/shared/bench/corpus.sh``; GPL wallpapers,
never committed) resized to ten sizes (long side 400 to 1920 px) and saved as PNG in a
temporary folder. Whole jobs are timed from start to exit (process start-up included).
pngquant (GPL, benchmark only) runs as ``parallel -j2 pngquant --nofs --force K`` (no dithering,
like ours by default). Memory: every process of the command's group is read from /proc every
50 ms; the sum of each one's own peak (VmHWM) bounds the tree's peak from above.

    python benchmarks/batch_bench.py [--quick]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

CORPUS = Path(os.environ.get("KMEANS_CORPUS", Path.home() / ".cache" / "kmeans-gui-corpus"))
LONG_SIDES = (400, 480, 640, 800, 960, 1120, 1280, 1440, 1600, 1920)
PHOTOS = Path(tempfile.gettempdir()) / "kmeans-batch-photos"  # kept between runs, not committed
COMMAND = [sys.executable, "-m", "kmeans_gui.cli"]


def make_batch(folder: Path, sides=LONG_SIDES) -> list[Path]:
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for source in sorted(CORPUS.glob("*.jpg")):
        with Image.open(source) as im:
            rgb = im.convert("RGB")
        for side in sides:
            scale = side / max(rgb.size)
            size = (round(rgb.width * scale), round(rgb.height * scale))
            path = folder / f"{source.stem}-{side}.png"
            if not path.exists():
                rgb.resize(size, Image.Resampling.LANCZOS).save(path)
            made.append(path)
    return made


def timed(argv: list[str], **kwargs) -> float:
    started = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   **kwargs)  # fmt: skip
    return time.perf_counter() - started


def _group_memory(pgid: int, peaks: dict[int, int]) -> int:
    """Resident kB of the group now; each process's own peak (VmHWM, kB) kept in `peaks`."""
    now = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            if os.getpgid(int(entry)) != pgid:
                continue
            with open(f"/proc/{entry}/status") as status:
                fields = dict(line.split(":", 1) for line in status if ":" in line)
        except (OSError, ProcessLookupError):
            continue
        if "VmHWM" in fields:
            peaks[int(entry)] = max(peaks.get(int(entry), 0), int(fields["VmHWM"].split()[0]))
            now += int(fields["VmRSS"].split()[0])
    return now


def tree_peak(argv: list[str]) -> tuple[float, float, float]:
    """(seconds, max sampled resident MB of the tree, sum of per-process peaks MB)."""
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)  # fmt: skip
    peaks: dict[int, int] = {}
    sampled = 0
    while process.poll() is None:
        sampled = max(sampled, _group_memory(process.pid, peaks))
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    assert process.returncode == 0, process.returncode
    return seconds, sampled / 1024, sum(peaks.values()) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 sizes, no 50 MP run")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kmeans-batch-"))
    try:
        batch = PHOTOS / ("quick" if args.quick else "all")
        photos = make_batch(batch, LONG_SIDES[::3] if args.quick else LONG_SIDES)
        megapixels = sum(_pixels(p) for p in photos) / 1e6
        print(f"{len(photos)} PNG photos, {megapixels:.0f} MP in all; machine shared with "
              f"other jobs (load average {os.getloadavg()[0]:.1f} at start)")  # fmt: skip
        for k in (16, 64):
            ours = {}
            for jobs in (1, 2):
                out = work / f"ours-{k}-{jobs}"
                ours[jobs] = timed([*COMMAND, str(batch), "-o", str(out), "-k", str(k),
                                    "-j", str(jobs), "--quiet"])  # fmt: skip
            out = work / f"pngquant-{k}"
            out.mkdir()
            pngquant = ["pngquant", "--nofs", "--force", "--output", f"{out}/{{/.}}.png", str(k)]
            theirs = timed(["parallel", "-j2", *pngquant, "{}", ":::", *map(str, photos)])
            ours_bytes = sum(p.stat().st_size for p in (work / f"ours-{k}-2").iterdir())
            their_bytes = sum(p.stat().st_size for p in out.iterdir())
            print(f"K={k}: ours -j2 {ours[2]:.1f} s, -j1 {ours[1]:.1f} s, "
                  f"parallel -j2 pngquant {theirs:.1f} s | time ours -j2 / pngquant "
                  f"{ours[2] / theirs:.2f}x | -j1 / -j2 {ours[1] / ours[2]:.2f}x | bytes ours / "
                  f"pngquant {ours_bytes / their_bytes:.2f}x")  # fmt: skip
        if not args.quick:
            from big_photo_memory import fifty_megapixel_photo

            big = work / "big"
            big.mkdir()
            source = fifty_megapixel_photo()
            for i in range(10):
                shutil.copyfile(source, big / f"fifty-{i}.jpg")
            seconds, sampled, bound = tree_peak([*COMMAND, str(big), "-o", str(work / "big-out"),
                                                 "-k", "64", "-j", "2", "--quiet"])  # fmt: skip
            print(f"ten 50 MP photos, -j 2, K=64: {seconds:.0f} s; process tree resident at "
                  f"most {sampled:.0f} MB sampled, sum of per-process peaks {bound:.0f} MB "
                  f"(target < 3000 MB)")  # fmt: skip
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _pixels(path: Path) -> int:
    from PIL import Image

    with Image.open(path) as im:
        return im.width * im.height


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.default_int_handler)
    main()
