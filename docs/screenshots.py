"""Remake README's screenshots (docs/screenshot.png, kgrid.png, chart.png) from the real window.

Run under a virtual X server so that the window is drawn as on a desktop:

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/screenshots.py

(Debian/Ubuntu: ``apt-get install xvfb libxcb-cursor0``.) Uses a settings file of its own, so
the user's recent files and window layout are neither used nor changed.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kmeans_gui.app import settings
from kmeans_gui.app.window import MainWindow
from kmeans_gui.resources import resource_path

DOCS = Path(__file__).resolve().parent
SAMPLES = ("coffee.png", "astronaut.png", "chelsea.png")
SETTLE_MS = 800  # let the last repaint land before grabbing


def main() -> int:
    app = QApplication(sys.argv)
    settings.use_file(str(Path(tempfile.mkdtemp()) / "screenshots.ini"))
    window = MainWindow()
    window.resize(1400, 860)
    window.show()
    measured: set[int] = set()

    def grab(name: str) -> None:
        window.grab().save(str(DOCS / name))
        print(f"wrote {DOCS / name}")

    def side_by_side() -> None:
        grab("screenshot.png")
        window.resize(1600, 1000)
        window.sweep_cell_shown.connect(grid_cell)
        window.views().set_view("grid")

    def grid_cell(k: int, full_size: bool) -> None:
        if full_size:
            measured.add(k)
            if len(measured) == len(window.views().grid.ks()):
                QTimer.singleShot(SETTLE_MS, grid_then_chart)

    def grid_then_chart() -> None:
        grab("kgrid.png")
        window.views().set_view("chart")
        QTimer.singleShot(2 * SETTLE_MS, chart)

    def chart() -> None:
        grab("chart.png")
        window.close()
        app.quit()

    def when_idle() -> None:
        if window.is_idle():
            QTimer.singleShot(SETTLE_MS, side_by_side)
        else:
            QTimer.singleShot(100, when_idle)

    window.open_paths([resource_path("samples", name) for name in SAMPLES])
    QTimer.singleShot(500, when_idle)
    QTimer.singleShot(180_000, app.quit)  # never hang
    app.exec()
    window.shutdown()
    return 0 if measured else 1


if __name__ == "__main__":
    sys.exit(main())
