"""Does the SSIM stall a GUI thread? A 5 ms ticker's gaps while a worker thread measures it.

The window measures every result in its worker thread; the GUI thread needs Python's GIL
between its events. This runs the SSIM of a 12.3 MP result at K = 16 (the app's
``engine.measure_ssim.file_ssim``, three times) in a worker thread while the main thread
ticks every 5 ms, and compares the ticker's gaps with those during the fast PNG encode of the same
result (which the window has always done there) and with nothing running. Rounds alternate;
the load average is printed: on a busy machine the gaps are mostly the OS's.

    python benchmarks/ssim_stall.py [PHOTO] [--rounds N]    (default /tmp/big.png)
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import kmeans_gui  # noqa: F401  (first: one BLAS thread, as the app runs)

# isort: split
import numpy as np

from kmeans_gui import engine
from kmeans_gui.compress import Options, quantize_image
from kmeans_gui.engine.measure_ssim import file_ssim
from kmeans_gui.imaging import decode_palette_output, encode_indexed, load_image

TICK_S = 0.005


def ticker_gaps(work: Callable[[], object], repeats: int = 3) -> np.ndarray:
    """Gaps (ms) of a 5 ms ticker on this thread while `work` runs `repeats` times in another."""
    done = threading.Event()

    def worker() -> None:
        for _ in range(repeats):
            work()
        done.set()

    thread = threading.Thread(target=worker)
    gaps, last = [], time.perf_counter()
    thread.start()
    while not done.is_set():
        time.sleep(TICK_S)
        now = time.perf_counter()
        gaps.append((now - last) * 1000)
        last = now
    thread.join()
    return np.array(gaps)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("photo", nargs="?", type=Path, default=Path("/tmp/big.png"))
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    image = load_image(args.photo)
    analysis = engine.analyse(image.rgb, image.alpha)
    quantized = quantize_image(image, Options(k=16), analysis=analysis)
    encoded = encode_indexed(quantized.palette, quantized.indices, "png")
    written = decode_palette_output(encoded)
    works: dict[str, Callable[[], object]] = {
        "nothing": lambda: time.sleep(1.0),
        "SSIM": lambda: file_ssim(analysis, written, np.zeros((0, 0, 3), np.uint8)),
        "fast PNG encode": lambda: encode_indexed(quantized.palette, quantized.indices, "png"),
    }
    print(f"load average before {os.getloadavg()[0]:.2f}")
    for round_ in range(args.rounds):
        for name, work in works.items():
            gaps = ticker_gaps(work)
            print(
                f"round {round_ + 1}, {name:16s} longest gap {gaps.max():6.1f} ms, "
                f"p99.9 {np.percentile(gaps, 99.9):6.1f}, p99 {np.percentile(gaps, 99):5.1f} "
                f"({gaps.size} ticks)",
                flush=True,
            )
    print(f"load average after {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
