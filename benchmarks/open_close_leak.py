"""Does the window leak? Resident memory and threads across 100 open/close cycles.

Each cycle makes a MainWindow, opens a photo, waits for its compressed preview, closes the
window and lets Qt delete it. Resident memory (VmRSS, after a garbage collection and
``malloc_trim``) is read after a few warm-up cycles (Qt's caches, fonts, the first imports)
and again at the end; the growth between them, per cycle, is what a leak would show as. A
leaked decoded photo would cost its full size per cycle (11 MB for the default 1.9 MP photo),
a leaked window some MB. The samples every 25 cycles show the allocator's noise (tens of MB
up and down as freed memory is reused or returned), against which only a steady rise counts.
Also counts Python threads, OS threads and live QThread objects.

    python benchmarks/open_close_leak.py [--cycles 100] [--warmup 10] [--photo PATH] [--json]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402
from PySide6.QtCore import (  # noqa: E402
    QCoreApplication,
    QEvent,
    QEventLoop,
    QThread,
    QTimer,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication  # noqa: E402

from benchmarks.memory import current_rss, release_free_memory  # noqa: E402
from kmeans_gui.app import MainWindow, settings  # noqa: E402

TIMEOUT_MS = 120_000


def synthetic_photo(path: Path, size: tuple[int, int] = (1600, 1200)) -> Path:
    """Gradients and noise, many colours (1.9 MP by default)."""
    width, height = size
    rng = np.random.default_rng(3)
    y, x = np.mgrid[0:height, 0:width]
    rgb = np.stack([x * 255 // (width - 1), y * 255 // (height - 1),
                    (x + y) * 127 // (width + height - 2)], axis=-1)  # fmt: skip
    rgb = np.clip(rgb + rng.integers(-24, 25, rgb.shape), 0, 255).astype(np.uint8)
    Image.fromarray(rgb).save(path)
    return path


def os_threads() -> int:
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return -1


def live_qthreads() -> int:
    gc.collect()
    return sum(isinstance(o, QThread) for o in gc.get_objects())


def wait_for(signal, timeout_ms: int = TIMEOUT_MS) -> None:  # noqa: ANN001 - a bound signal
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)


def one_cycle(app: QApplication, photo: Path) -> None:
    window = MainWindow()
    window.show()
    start = time.monotonic()
    window.open_paths([photo])
    wait_for(window.compression_finished)
    if time.monotonic() - start > TIMEOUT_MS / 1000:
        sys.exit("no preview within the timeout")
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()


def measure() -> dict[str, float]:
    release_free_memory()
    return {
        "rss_mb": (current_rss() or 0) / 1e6,
        "python_threads": threading.active_count(),
        "os_threads": os_threads(),
        "qthreads": live_qthreads(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=100)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--photo", type=Path, help="default: a synthetic 1600x1200 photo")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    previous = qInstallMessageHandler(None)

    def quiet(kind, context, message):  # noqa: ANN001 - Qt's handler signature
        if "propagateSizeHints" not in message:  # the offscreen platform's, on every show()
            previous(kind, context, message)

    qInstallMessageHandler(quiet)
    with tempfile.TemporaryDirectory() as folder:
        settings.use_file(Path(folder) / "settings.ini")
        photo = args.photo or synthetic_photo(Path(folder) / "photo.png")
        started = time.perf_counter()
        for _ in range(args.warmup):
            one_cycle(app, photo)
        before = measure()
        samples = [before["rss_mb"]]
        for i in range(args.cycles):
            one_cycle(app, photo)
            if (i + 1) % 25 == 0:
                samples.append(measure()["rss_mb"])
        after = measure()
        seconds = time.perf_counter() - started
    growth = after["rss_mb"] - before["rss_mb"]
    report = {
        "photo": str(args.photo or "synthetic 1600x1200"),
        "cycles": args.cycles,
        "warmup": args.warmup,
        "rss_before_mb": round(before["rss_mb"], 1),
        "rss_after_mb": round(after["rss_mb"], 1),
        "rss_growth_mb": round(growth, 1),
        "growth_per_cycle_kb": round(growth * 1000 / args.cycles, 1),
        "rss_every_25_cycles_mb": [round(s, 1) for s in samples],
        "threads_before_after": {
            k: (before[k], after[k]) for k in ("python_threads", "os_threads", "qthreads")
        },  # fmt: skip
        "seconds": round(seconds, 1),
    }
    if args.json:
        print(json.dumps(report))
    else:
        print(f"{args.cycles} open/close cycles of a window with {report['photo']} "
              f"(after {args.warmup} warm-up cycles, {report['seconds']} s):")  # fmt: skip
        print(f"  resident memory {report['rss_before_mb']} -> {report['rss_after_mb']} MB: "
              f"{growth:+.1f} MB, {report['growth_per_cycle_kb']:+.1f} KB per cycle")  # fmt: skip
        print(f"  every 25 cycles: {report['rss_every_25_cycles_mb']} MB")
        for name, (b, a) in report["threads_before_after"].items():
            print(f"  {name}: {b} -> {a}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
