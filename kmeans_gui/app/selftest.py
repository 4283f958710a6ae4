"""``kmeans-gui --self-test``: a smoke test of the app as built, from source or from the bundle.

It shows the main window and waits for its first compressed preview of a bundled sample photo,
shows the Chart view (whose chart library, imported then, a bundle could lack), then compresses
that photo at two K values with the app's
:class:`~kmeans_gui.app.worker.Worker` in a QThread of its own, saves the results to a
temporary folder, reads them back with Pillow and checks them. It prints one ASCII line and
returns 0, or prints ``self-test FAILED: <reason>`` on stderr and returns 1. A Qt warning or an
exception raised in a slot (which Qt would only print) is a failure too. User settings are
never touched: the window uses a settings file in the temporary folder.

A windowed Windows program has no console (``sys.stdout`` is None): there the exit status
tells, and ``--self-test-report FILE`` writes the same line to FILE (UTF-8).

Start-up time: when the environment variable ``KMEANS_GUI_LAUNCHED_AT`` holds the
``time.time()`` at which a launcher started the process, the times in the line are counted
from then (``build_scripts/measure_startup.py`` does this); otherwise from the start of the
self-test.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, cast

from ..files import ImageSaveError, write_atomic

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

SAMPLE = "coffee.png"
K_VALUES = (8, 32)
JOB_TIMEOUT_MS = 120_000
LAUNCH_ENV = "KMEANS_GUI_LAUNCHED_AT"

# Qt warnings that say something about the machine, not about the app or the bundle.
_HARMLESS_QT_WARNINGS = (
    "This plugin does not support propagateSizeHints()",  # the offscreen platform plugin
    "QStandardPaths: XDG_RUNTIME_DIR not set",  # running as root or in a container
    "QStandardPaths: wrong permissions on runtime directory",
)


class SelfTestError(Exception):
    """A check that failed; ``str()`` is the reason, in one line."""


class _Trouble:
    """Qt warnings and exceptions raised in slots, collected while the self-test runs."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def qt_message(self, msg_type: object, _context: object, message: str) -> None:
        from PySide6.QtCore import QtMsgType

        if msg_type in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
            return
        if not message.startswith(_HARMLESS_QT_WARNINGS):
            print(message, file=sys.stderr, flush=True)
            self.problems.append(f"Qt warned: {message}")

    def exception(self, exc_type: type[BaseException], exc: BaseException, tb: object) -> None:
        traceback.print_exception(exc_type, exc, cast("TracebackType | None", tb))
        self.problems.append(f"{exc_type.__name__} in a slot: {exc}")

    def check(self) -> None:
        """Raise SelfTestError for the first problem seen."""
        if self.problems:
            raise SelfTestError(self.problems[0])


def prepare_environment() -> None:
    """Run headless on Linux without a display (call before the QApplication is made).

    An explicit ``QT_QPA_PLATFORM`` always wins.
    """
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def run(report: Path | None = None) -> int:
    """Run the self-test in the running QApplication; print one line; return the exit status.

    With `report`, the line is also written to that file (replaced atomically), so that it
    can be read where there is no console; failing to write it fails the self-test.
    """
    _tolerate_unencodable_output()
    status, line = _run_catching()
    print(line, file=sys.stdout if status == 0 else sys.stderr, flush=True)
    if report is not None:
        try:
            write_atomic(report, (line + "\n").encode("utf-8"))
        except ImageSaveError as exc:  # it names the file and the reason
            print(f"self-test FAILED: cannot write the report: {exc}", file=sys.stderr)
            return 1
    return status


def _tolerate_unencodable_output() -> None:
    """Never crash on a character the output's encoding lacks (a cp1252 pipe on Windows).

    The self-test's own line is ASCII; a path in a failure reason may not be.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)  # None in a windowed Windows program
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def _run_catching() -> tuple[int, str]:
    """(0, the ok line) or (1, the FAILED line)."""
    from PySide6.QtCore import qInstallMessageHandler

    trouble = _Trouble()
    previous_handler = qInstallMessageHandler(trouble.qt_message)
    previous_hook = sys.excepthook
    sys.excepthook = trouble.exception  # PySide reports exceptions raised in slots here
    try:
        return 0, _self_test(trouble)
    except SelfTestError as exc:
        return 1, f"self-test FAILED: {exc}"
    except Exception as exc:  # a bug or a broken bundle: the traceback helps
        traceback.print_exc()
        return 1, f"self-test FAILED: {type(exc).__name__}: {exc}"
    finally:
        sys.excepthook = previous_hook
        qInstallMessageHandler(previous_handler)


def _self_test(trouble: _Trouble) -> str:
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from ..resources import resource_path
    from . import settings

    app = QApplication.instance()
    if app is None:
        raise SelfTestError("no QApplication (run() needs one)")
    sample = resource_path("samples", SAMPLE)
    if not sample.is_file():
        raise SelfTestError(f"the bundled sample {sample} is missing")
    with tempfile.TemporaryDirectory(prefix="kmeans-gui-self-test-") as tmp:
        folder = Path(tmp)
        settings.use_file(folder / "settings.ini")
        try:
            timing = _exercise_window(sample, trouble)
            _check_translations()
            saved = [_compress_in_worker(sample, k, folder, trouble) for k in K_VALUES]
            _check_child_decode(sample, folder)
        finally:
            settings.use_file(None)
        figures = [_check_output(sample, k, path) for k, path in zip(K_VALUES, saved, strict=True)]
    (size_low, psnr_low), (size_high, psnr_high) = figures
    if psnr_high < psnr_low:
        raise SelfTestError(
            f"PSNR fell from {psnr_low:.1f} dB at K={K_VALUES[0]} "
            f"to {psnr_high:.1f} dB at K={K_VALUES[1]}"
        )
    trouble.check()
    parts = ", ".join(
        f"K={k} -> {size / 1024:.1f} KiB PSNR {psnr:.1f} dB"
        for k, (size, psnr) in zip(K_VALUES, figures, strict=True)
    )
    return f"self-test ok: {SAMPLE} {parts}; {timing} ({QGuiApplication.platformName()})"


def _check_translations() -> None:
    """Every language shipped has the app's catalogue and Qt's own (its dialogs' buttons)."""
    from PySide6.QtCore import QCoreApplication

    from . import i18n

    QT_BUTTONS = "QPlatformTheme"  # Qt's catalogue (not a literal: lupdate leaves it to Qt's)
    try:
        for language in i18n.LANGUAGES:
            if language == "en":
                continue
            i18n.install(language)
            if i18n.translate("Actions", "&File") == "&File":
                raise SelfTestError(f"the window's {language} translation is missing")
            if QCoreApplication.translate(QT_BUTTONS, "Cancel") == "Cancel":
                raise SelfTestError(
                    f"Qt's {language} translation (qtbase_{language}.qm) is missing"
                )
    finally:
        i18n.install()


def _exercise_window(sample: Path, trouble: _Trouble) -> str:
    """Show the main window, open `sample` in it, wait for its first compressed preview, close.

    Returns how long the window took to be shown and to show that preview.
    """
    from .window import MainWindow

    launched_at = os.environ.get(LAUNCH_ENV)
    start = float(launched_at) if launched_at else time.time()
    window = MainWindow()
    previews: list[tuple[str, int]] = []
    window.compression_finished.connect(lambda path, k: previews.append((path, k)))
    try:
        window.show()
        _wait_until(
            lambda: window.windowHandle() is not None and window.windowHandle().isExposed(),
            10_000, "the main window was not shown within 10 s", trouble,
        )  # fmt: skip
        shown = time.time() - start
        window.open_paths([sample])
        _wait_until(
            lambda: bool(previews), JOB_TIMEOUT_MS,
            f"the window showed no compressed preview of {sample.name} "
            f"within {JOB_TIMEOUT_MS // 1000} s", trouble,
        )  # fmt: skip
        preview = time.time() - start
        _show_chart(window, trouble)
    finally:
        window.close()  # saves its settings (into the temporary file) and stops its worker
        window.deleteLater()
    since = "after launch" if launched_at else "after the self-test started"
    return f"window shown {shown:.2f} s, first preview {preview:.2f} s {since}"


def _show_chart(window: QWidget, trouble: _Trouble) -> None:
    """Switch the window to its Chart view and wait until the chart is drawn.

    The chart imports pyqtgraph on first show, and pyqtgraph imports Qt modules of its own
    (QtOpenGL): a bundle that left one out fails here rather than in front of a user.
    """
    from PySide6.QtWidgets import QTabWidget

    from .chart import SizeQualityChart

    tabs = window.findChild(QTabWidget, "viewTabs")
    chart = window.findChild(SizeQualityChart, "sizeQualityChart")
    if tabs is None or chart is None:
        raise SelfTestError("the window has no Chart view")
    tabs.setCurrentWidget(chart)
    _wait_until(
        lambda: chart.plot_widget() is not None, 30_000, "the chart was not drawn within 30 s",
        trouble,
    )  # fmt: skip


def _wait_until(done: Callable[[], bool], timeout_ms: int, reason: str, trouble: _Trouble) -> None:
    """Process events until `done()`; raise SelfTestError(reason) after `timeout_ms`.

    Stops early, with its reason, on the first Qt warning or exception in a slot.
    """
    from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop

    deadline = QDeadlineTimer(timeout_ms)
    while not done():
        trouble.check()
        if deadline.hasExpired():
            raise SelfTestError(reason)
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.002)
    trouble.check()


def _compress_in_worker(sample: Path, k: int, folder: Path, trouble: _Trouble) -> Path:
    """Compress and save `sample` at K=k with the app's Worker in a QThread; return the file."""
    from PySide6.QtCore import QObject, Qt, QThread, Signal

    from ..compress import Options
    from .worker import Outcome, Request, Worker

    class Sender(QObject):
        send = Signal(object)

    thread = QThread()
    thread.setObjectName("self-test worker")
    worker = Worker()
    worker.moveToThread(thread)
    thread.finished.connect(worker.deleteLater)
    sender = Sender()
    sender.send.connect(worker.run)  # queued: the job runs in `thread`
    job_threads: list[int] = []
    worker.loaded.connect(
        lambda _: job_threads.append(threading.get_ident()), Qt.ConnectionType.DirectConnection
    )
    answers: list[tuple[str, object]] = []
    worker.finished.connect(lambda outcome: answers.append(("finished", outcome)))
    worker.failed.connect(lambda reason: answers.append(("failed", reason)))
    worker.cancelled.connect(lambda: answers.append(("cancelled", None)))

    target = folder / f"{sample.stem}_k{k}.png"
    thread.start()
    try:
        sender.send.emit(Request(id=1, path=sample, options=Options(k=k), save_to=target))
        _wait_until(
            lambda: bool(answers), JOB_TIMEOUT_MS,
            f"K={k}: no answer from the worker within {JOB_TIMEOUT_MS // 1000} s", trouble,
        )  # fmt: skip
    finally:
        worker.cancel(1)
        thread.quit()
        thread.wait()

    kind, value = answers[0]
    if kind != "finished":
        raise SelfTestError(f"K={k}: the worker {kind}" + (f": {value}" if value else ""))
    if not job_threads or job_threads[0] == threading.main_thread().ident:
        raise SelfTestError(f"K={k}: the job did not run in the worker thread")
    if not isinstance(value, Outcome):
        raise SelfTestError(f"K={k}: the worker answered {value!r}")
    if value.save_error is not None:
        raise SelfTestError(f"K={k}: saving failed: {value.save_error}")
    if value.saved_to is None:
        raise SelfTestError(f"K={k}: the worker did not save the result")
    return value.saved_to


def _check_child_decode(sample: Path, folder: Path) -> None:
    """Decode a JPEG 2000 copy of the sample, which runs in a child process (a bundle must be
    able to start one: ``multiprocessing.freeze_support``), and check its pixels."""
    import numpy as np
    from PIL import Image

    from ..imaging import load_image

    original = load_image(sample)
    copy = folder / "sample.jp2"
    Image.fromarray(original.rgb).save(copy)  # lossless (the reversible wavelet)
    decoded = load_image(copy, timeout=60)
    if not np.array_equal(decoded.rgb, original.rgb):
        raise SelfTestError("a JPEG 2000 decoded in a child process differs from its source")


def _check_output(sample: Path, k: int, path: Path) -> tuple[int, float]:
    """Read a saved result back and check it; return (file bytes, PSNR in dB).

    Raises SelfTestError unless it is a palette PNG of the sample's size with at most K colours.
    """
    from PIL import Image

    from .. import engine
    from ..imaging import load_image

    size = path.stat().st_size if path.is_file() else 0
    if size <= 0:
        raise SelfTestError(f"K={k}: {path.name} is missing or empty")
    with Image.open(path) as im:
        im.load()
        if im.format != "PNG" or im.mode != "P":
            raise SelfTestError(f"K={k}: {path.name} is {im.format} {im.mode}, not a palette PNG")
        # Distinct palette colours: for K <= 16 the writer may pad the palette to 17 entries
        # (repeating a colour) to get 8-bit rows, when that file is smaller.
        palette = im.getpalette() or []
        colours = len({tuple(palette[i : i + 3]) for i in range(0, len(palette), 3)})
        used = len(im.getcolors(256) or [])
    if not 1 <= used <= colours <= k:
        raise SelfTestError(f"K={k}: {path.name} has {colours} palette colours, {used} used")
    original = load_image(sample)
    output = load_image(path)
    if output.rgb.shape != original.rgb.shape:
        raise SelfTestError(
            f"K={k}: {path.name} is {output.width}x{output.height}, "
            f"the sample {original.width}x{original.height}"
        )
    return size, engine.psnr(engine.mse(original.rgb, output.rgb))
