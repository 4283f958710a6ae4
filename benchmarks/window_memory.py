"""Peak memory of the desktop window opening and compressing the largest accepted photo (#13).

Starts the real main window (offscreen unless QT_QPA_PLATFORM says otherwise) in a fresh
process, opens one input of ``big_inputs.py`` (default: the 100-megapixel JPEG photo, the
largest the app accepts), waits for its result at K = 16, then moves K to 256 and waits again,
as a user would. It reports the process's peak resident memory (``VmHWM``) after each step:
what the window holds besides the CLI's work (the decoded original, previews, thumbnails,
the analysis kept for the next K). Each input runs in its own process.

    python benchmarks/window_memory.py [--input photo --input all-colours] [--json]
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
JOB_TIMEOUT_MS = 1_800_000


def child(photo: Path, ks: list[int]) -> dict:
    """Open `photo` in a fresh window, wait for each K in turn; the peaks after each step."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import kmeans_gui  # noqa: F401  (first: one BLAS thread, as the app runs)

    # isort: split
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from benchmarks.memory import current_rss, peak_rss
    from kmeans_gui.app import MainWindow, settings
    from kmeans_gui.app.main import freeze_startup_objects

    app = QApplication.instance() or QApplication([sys.argv[0]])
    steps: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        settings.use_file(Path(tmp) / "settings.ini")
        window = MainWindow()
        freeze_startup_objects()  # as kmeans-gui does
        window.resize(1400, 860)
        window.show()
        app.processEvents()
        steps.append({"step": "window shown", "peak_mb": round(peak_rss() / 1e6)})
        for i, k in enumerate(ks):
            loop = QEventLoop()
            shown: list[int] = []

            def finished(
                _path: str, shown_k: int, k: int = k, loop: QEventLoop = loop, shown: list = shown
            ) -> None:
                if shown_k == k:
                    shown.append(k)
                    loop.quit()

            window.compression_finished.connect(finished)
            QTimer.singleShot(JOB_TIMEOUT_MS, loop.quit)
            idle = QTimer()  # a refused file: no result comes, the window goes idle
            idle.timeout.connect(lambda loop=loop: window.is_idle() and loop.quit())
            idle.start(3000)
            start = time.perf_counter()
            window.set_k(k)
            if i == 0:
                window.open_paths([photo])
            loop.exec()
            idle.stop()
            window.compression_finished.disconnect(finished)
            steps.append({
                "step": f"{'open, ' if i == 0 else ''}K={k}",
                "shown": bool(shown),
                "seconds": round(time.perf_counter() - start, 1),
                "peak_mb": round(peak_rss() / 1e6),
                "resident_mb": round((current_rss() or 0) / 1e6),
            })  # fmt: skip
        window.close()
        app.processEvents()
        settings.use_file(None)
    return {"photo": str(photo), "steps": steps, "peak_mb": round(peak_rss() / 1e6)}


def main(argv: list[str] | None = None) -> int:
    from benchmarks.big_inputs import INPUTS, build

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", choices=tuple(INPUTS), action="append",
                        help="a built input of big_inputs.py (default: photo)")  # fmt: skip
    parser.add_argument("--photo", type=Path, help="any image file instead")
    parser.add_argument("--k", type=int, action="append", help="K values in turn (16, 256)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    ks = args.k or [16, 256]
    if args.child:
        print(json.dumps(child(args.photo, ks)))
        return 0
    photos = [args.photo] if args.photo else [build(n) for n in args.input or ["photo"]]
    reports = []
    for photo in photos:
        command = [sys.executable, __file__, "--child", "--photo", str(photo)]
        command += [arg for k in ks for arg in ("--k", str(k))]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            reports.append({"photo": str(photo), "error": done.stderr.strip().splitlines()[-1:]})
        else:
            reports.append(json.loads(done.stdout.splitlines()[-1]))
        report = reports[-1]
        if not args.json:
            print(photo.name)
            if "error" in report:
                print(f"  failed: {report['error']}")
                continue
            for step in report["steps"]:
                extra = f" {step['seconds']} s" if "seconds" in step else ""
                missing = "" if step.get("shown", True) else " (no result: refused or timed out)"
                print(f"  {step['step']:<16} peak {step['peak_mb']:>5} MB{extra}{missing}")
    worst = max((r["peak_mb"] for r in reports if "peak_mb" in r), default=0)
    failed = any("error" in r or not all(s.get("shown", True) for s in r["steps"])
                 for r in reports)  # fmt: skip
    if args.json:
        print(json.dumps({"target_mb": TARGET_MB, "worst_peak_mb": worst, "runs": reports}))
    else:
        verdict = "OK" if worst <= TARGET_MB else "OVER THE TARGET"
        print(f"worst window peak {worst} MB (target <= {TARGET_MB} MB): {verdict}"
              f"{'; some runs failed' if failed else ''}")  # fmt: skip
    return 0 if worst <= TARGET_MB and not failed else 1


if __name__ == "__main__":
    sys.exit(main())
