"""Remake README's screenshots (docs/screenshot.png, kgrid.png, chart.png, difference.png) from
the real window.

Run under a virtual X server so that the window is drawn as on a desktop:

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/screenshots.py
    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/screenshots.py --dark
    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/screenshots.py --language de

``--dark`` (Fusion with the dark palette) writes ``*-dark.png`` (not the K grid), ``--language
de`` only ``screenshot-de.png``.

(Debian/Ubuntu: ``apt-get install xvfb libxcb-cursor0``.) Uses a settings file of its own, so
the user's recent files and window layout are neither used nor changed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kmeans_gui.app import i18n, settings, theme
from kmeans_gui.app.window import MainWindow
from kmeans_gui.resources import resource_path

DOCS = Path(__file__).resolve().parent
SAMPLES = ("coffee.png", "astronaut.png", "chelsea.png")
SETTLE_MS = 800  # let the last repaint land before grabbing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dark", action="store_true", help="Fusion with the dark palette")
    parser.add_argument("--language", default="en", help="de, fr, es or en (the default)")
    args = parser.parse_args()
    suffix = ("-dark" if args.dark else "") + ("" if args.language == "en" else f"-{args.language}")
    app = QApplication(sys.argv[:1])
    settings.use_file(str(Path(tempfile.mkdtemp()) / "screenshots.ini"))
    i18n.install(args.language)
    if args.dark:
        theme.use_dark(app)
    window = MainWindow()
    window.resize(1400, 860)
    window.show()
    measured: set[int] = set()

    def grab(name: str) -> None:
        if (suffix and name == "kgrid.png") or (args.language != "en" and name != "screenshot.png"):
            return  # README shows these variants only
        target = DOCS / name.replace(".png", f"{suffix}.png")
        window.grab().save(str(target))
        print(f"wrote {target}")

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
        window.heat_map_shown.connect(lambda *_: QTimer.singleShot(SETTLE_MS, difference))
        window.views().set_view("difference")

    def difference() -> None:
        grab("difference.png")
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
