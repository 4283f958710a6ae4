"""`kmeans-gui [PHOTO...]`: start the desktop window."""

from __future__ import annotations

import argparse
import gc
import multiprocessing
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QStandardPaths, QTimer
from PySide6.QtGui import QFileOpenEvent, QIcon
from PySide6.QtWidgets import QApplication

from .. import __version__, logs
from ..resources import resource_path, sample_photos
from . import i18n, selftest, settings, theme
from .window import APP_NAME, MainWindow

SAMPLE = "coffee.png"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``kmeans-gui``."""
    parser = argparse.ArgumentParser(
        prog="kmeans-gui",
        description="Compress photos by K-means colour quantization, in a window.",
    )
    parser.add_argument("photos", nargs="*", metavar="PHOTO", help="image files or folders to open")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--self-test", action="store_true",
        help="check this installation: compress a bundled photo, print one line and quit "
        "(exit status 0 when it passed)",
    )  # fmt: skip
    parser.add_argument(
        "--self-test-report", metavar="FILE", type=Path,
        help="run the self-test and also write its line to FILE (for a program without console)",
    )  # fmt: skip
    # For scripts (README screenshot, benchmarks): a settings file of their own, and a
    # screenshot of the window once the first compressed preview is shown, then quit.
    parser.add_argument("--settings", metavar="FILE", help=argparse.SUPPRESS)
    parser.add_argument("--screenshot", metavar="PNG", help=argparse.SUPPRESS)
    parser.add_argument("--size", metavar="WxH", help=argparse.SUPPRESS)
    parser.add_argument("--dark", action="store_true", help=argparse.SUPPRESS)  # Fusion, dark
    return parser


def app_icon() -> QIcon:
    """The app icon, from the same source image as the .desktop entry and the packaged icons."""
    return QIcon(str(resource_path("icon.png")))


def freeze_startup_objects() -> None:
    """Exempt every object alive after start-up from Python's cyclic garbage collector.

    A full collection walks all of Qt's bindings and the modules (some 47 000 objects): 50 to
    90 ms with the GIL held, a visible stall of the GUI thread whenever one happens while a
    photo is compressed. Objects made later are collected as usual.
    """
    gc.collect()
    gc.freeze()


class FileOpenHandler(QObject):
    """Opens in the window the files that macOS hands the app as QFileOpenEvent.

    Finder's "Open With", a drop on the Dock icon and double-clicking a document the app is
    registered for send such an event to the QApplication instead of passing arguments.
    Install it with ``app.installEventFilter(FileOpenHandler(window))``.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)  # lives as long as the window
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            path = event.file()
            if path:
                self._window.open_paths([path])
                return True
        return super().eventFilter(watched, event)


def log_folder() -> str:
    """Where the log goes: ``<AppDataLocation>/logs`` (set the application name first)."""
    location = QStandardPaths.StandardLocation.AppDataLocation
    return str(Path(QStandardPaths.writableLocation(location)) / "logs")


def startup_paths(photos: Sequence[str]) -> list[str]:
    """What to open at start: the photos named, else the sample photo on a first start only."""
    first_start = not settings.STARTED_BEFORE.get()
    settings.STARTED_BEFORE.set(True)
    if photos:
        return list(photos)
    if first_start:
        sample = resource_path("samples", SAMPLE)
        return [str(sample if sample.exists() else sample_photos()[0])]
    return []


def main(argv: Sequence[str] | None = None) -> int:
    """Run the window until it is closed; returns the exit status."""
    # In a packaged app, a decoding child process (kmeans_gui.isolated) starts here: run it.
    multiprocessing.freeze_support()
    args_in = list(sys.argv[1:] if argv is None else argv)
    if any(arg.startswith("--self-test") for arg in args_in):
        selftest.prepare_environment()  # headless when there is no display
    QApplication.setOrganizationName(settings.ORGANIZATION)
    QApplication.setApplicationName(settings.APPLICATION)
    QApplication.setApplicationVersion(__version__)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([APP_NAME, *args_in])
    # Qt takes its own options (-platform, -style...) out of the arguments it was given.
    args = build_parser().parse_args(app.arguments()[1:] if existing is None else args_in)
    if args.settings:
        settings.use_file(args.settings)
    i18n.install()  # the Language setting, else the system's language
    if args.dark:
        theme.use_dark(app)
    else:
        theme.follow_platform(app)
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("kmeans-gui")
    if args.self_test or args.self_test_report:
        return selftest.run(args.self_test_report)
    logs.setup_logging(log_folder())
    logs.install_excepthook()  # a bug in a slot: in the log, with its traceback

    window = MainWindow()
    if sys.platform == "darwin":
        # Only there: a filter on the QApplication sees every event of every widget, and
        # running Python for each would make the GUI thread wait for the GIL all the time.
        app.installEventFilter(FileOpenHandler(window))
    freeze_startup_objects()
    if args.size:
        width, height = (int(v) for v in args.size.lower().split("x"))
        window.resize(width, height)
    window.show()
    paths = startup_paths(args.photos)
    if paths:
        window.open_paths(paths, remember=bool(args.photos))  # the sample is not remembered
    if args.screenshot:
        _screenshot_when_shown(app, window, args.screenshot)
    app.aboutToQuit.connect(window.shutdown)
    # Ctrl+C in the terminal ends the app at once (Python cannot run its handler inside Qt's loop).
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    return app.exec()


def _screenshot_when_shown(app: QApplication, window: MainWindow, target: str) -> None:
    """Save a picture of the window a moment after the first compressed preview, then quit."""

    shot: list[str] = []

    def shoot() -> None:
        if shot:
            return
        shot.append(target)
        window.grab().save(target)
        window.close()
        app.quit()

    window.compression_finished.connect(lambda *_: QTimer.singleShot(700, shoot))
    QTimer.singleShot(180_000, app.quit)  # never hang a script


if __name__ == "__main__":
    sys.exit(main())
