"""How long does the GUI thread stall while a 12-megapixel photo is compressed? (target < 50 ms)

Starts the main window (offscreen unless QT_QPA_PLATFORM says otherwise), opens a 12 MP
photo (/tmp/big.png, or one built from three corpus photos side by side), changes K several
times (one by one, then a burst of slider moves that the window coalesces), and meanwhile
records the gaps between the ticks of a 5 ms QTimer on the GUI thread. Prints the longest gap
(the longest stall), a few percentiles, and what the window was doing at the worst ones.

    python benchmarks/gui_responsiveness.py [PHOTO] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import kmeans_gui  # noqa: E402,F401  (first: it sets one BLAS thread before NumPy loads)

# isort: split
import numpy as np  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel  # noqa: E402

from kmeans_gui.app import MainWindow, settings  # noqa: E402
from kmeans_gui.app.main import freeze_startup_objects  # noqa: E402

TICK_MS = 5
TARGET_MS = 50
BIG = Path("/tmp/big.png")
CORPUS = Path.home() / ".cache" / "kmeans-gui-corpus"
JOB_TIMEOUT_MS = 600_000


def twelve_megapixel_photo(folder: Path) -> Path:
    """/tmp/big.png, or three 2560x1600 corpus photos side by side (7680x1600, 12.3 MP)."""
    if BIG.exists():
        return BIG
    from PIL import Image

    photos = sorted(CORPUS.glob("*.jpg"))[:3]
    if len(photos) < 3:
        sys.exit(f"no {BIG} and fewer than 3 photos in {CORPUS}")
    parts = [np.asarray(Image.open(p).convert("RGB").resize((2560, 1600))) for p in photos]
    path = folder / "big.png"
    Image.fromarray(np.hstack(parts)).save(path)
    return path


class StallMeter:
    """Records the gaps between the ticks of a fast timer on the GUI thread."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.gaps: list[tuple[float, str]] = []
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.last = 0

    def start(self) -> None:
        self.clock.start()
        self.last = self.clock.nsecsElapsed()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def tick(self) -> None:
        now = self.clock.nsecsElapsed()
        gap_ms = (now - self.last) / 1e6
        self.last = now
        if gap_ms > 20:  # say what the window was doing at the longer gaps
            labels = [w.text() for w in self.window.statusBar().findChildren(QLabel) if w.text()]
            self.gaps.append((gap_ms, " | ".join(labels)[:90]))
        else:
            self.gaps.append((gap_ms, ""))


def wait_for_k(window: MainWindow, k: int) -> float:
    """Run the event loop until the preview for K is shown; return the seconds waited."""
    loop = QEventLoop()
    start = time.perf_counter()

    def shown(_path: str, shown_k: int) -> None:
        if shown_k == k:
            loop.quit()

    window.compression_finished.connect(shown)
    QTimer.singleShot(JOB_TIMEOUT_MS, loop.quit)
    loop.exec()
    window.compression_finished.disconnect(shown)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("photo", nargs="?", type=Path, help="default /tmp/big.png")
    parser.add_argument("--json", action="store_true", help="one JSON line")
    args = parser.parse_args()

    app = QApplication.instance() or QApplication([sys.argv[0]])
    with tempfile.TemporaryDirectory() as tmp:
        settings.use_file(Path(tmp) / "settings.ini")
        photo = args.photo or twelve_megapixel_photo(Path(tmp))
        window = MainWindow()
        freeze_startup_objects()  # as kmeans-gui does
        window.resize(1400, 860)
        window.show()
        meter = StallMeter(window)
        meter.start()
        steps: list[tuple[str, float]] = []
        window.set_k(16)
        window.open_paths([photo])
        steps.append(("open, K=16", wait_for_k(window, 16)))
        for k in (8, 32):
            window.set_k(k)
            steps.append((f"K={k}", wait_for_k(window, k)))
        for k in (20, 24, 28, 12):  # a burst of slider moves: only the last is computed
            window.set_k(k)
            app.processEvents()
        steps.append(("burst 20,24,28 -> K=12", wait_for_k(window, 12)))
        meter.stop()
        window.close()
        app.processEvents()
        settings.use_file(None)

    gaps = np.array([g for g, _ in meter.gaps])
    worst = sorted(meter.gaps, reverse=True)[:5]
    record = {
        "photo": str(photo),
        "ticks": int(gaps.size),
        "max_stall_ms": round(float(gaps.max()), 1),
        "p99_ms": round(float(np.percentile(gaps, 99)), 1),
        "p999_ms": round(float(np.percentile(gaps, 99.9)), 1),
        "over_50ms": int((gaps > TARGET_MS).sum()),
        "steps_s": {name: round(s, 2) for name, s in steps},
    }
    if args.json:
        print(json.dumps(record))
    else:
        print(f"photo: {photo}")
        for name, seconds in steps:
            print(f"  {name:<24} {seconds:6.2f} s until the preview was shown")
        print(
            f"ticks: {gaps.size} of {TICK_MS} ms;  p99 {record['p99_ms']} ms;  p99.9 "
            f"{record['p999_ms']} ms;  gaps over {TARGET_MS} ms: {record['over_50ms']}"
        )
        print("longest gaps:")
        for gap, doing in worst:
            print(f"  {gap:6.1f} ms  {doing}")
        verdict = "OK" if record["max_stall_ms"] < TARGET_MS else "OVER TARGET"
        worst_ms = record["max_stall_ms"]
        print(f"max GUI-thread stall: {worst_ms} ms (target < {TARGET_MS} ms): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
