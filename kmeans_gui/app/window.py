"""The main window: it schedules work on the worker thread and shows results; it never computes."""

from __future__ import annotations

import dataclasses
import logging
import os
import shutil
import sys
import tempfile
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QThread, Signal, Slot, qVersion
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QImage,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from .. import __version__, imaging
from ..cli import find_images, human_bytes
from ..compress import Options, Result, output_name, save
from ..imaging import SAVE_FORMATS, ImageSaveError, is_image_path
from . import dialogs, settings
from .controls import Controls
from .imagelist import DONE, ERROR, WAITING, WORKING, ImageList
from .palette import PaletteView
from .signals import emit
from .stats import FORMAT_NAMES, StatsPanel, ratio_text
from .views import ImagePair
from .worker import Loaded, Outcome, Request, Worker

logger = logging.getLogger(__name__)

APP_NAME = "kmeans-gui"
DROP_HINT = "Drop photos or folders here\nor use File ▸ Open… (Ctrl+O)"


@dataclass
class _Image:
    """What the window knows about one opened image."""

    path: Path
    state: str = WAITING
    error: str = ""
    result: Result | None = None  # the latest compression, without pixels
    size: tuple[int, int] | None = None
    file_format: str = ""


@dataclass
class _SaveAll:
    """Progress of a Save All."""

    folder: Path
    total: int
    saved: int = 0
    errors: list[str] = field(default_factory=list)


class MainWindow(QMainWindow):
    """Photos in a list; the current one as original and compressed previews, with figures.

    ``open_paths(paths)`` opens images; ``compression_finished(path, k)`` is emitted on the
    GUI thread when a compressed preview is shown. ``compression_progress(iteration,
    inertia)`` and ``compression_cancelled(path)`` pass on the worker's signals, also on the
    GUI thread.
    """

    compression_finished = Signal(str, int)
    compression_progress = Signal(int, float)  # iteration, inertia of the running k-means
    compression_cancelled = Signal(str)  # image path
    _run_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        self._images: dict[Path, _Image] = {}
        self._next_id = 0
        self._running: Request | None = None
        self._running_iteration: tuple[int, float] | None = None
        self._running_loaded = False
        self._cancel_reason = ""  # why the running job was cancelled: "", "user", "superseded"
        self._cancel_reason_was = ""
        self._pending: Request | None = None  # the preview to compute next (at most one)
        self._saves: deque[Request] = deque()
        self._background: deque[Path] = deque()  # images to compress once, in list order
        self._wanted: tuple[Path, Options] | None = None  # what the compressed view should show
        self._shown: tuple[Path, Options] | None = None
        self._shown_result: Result | None = None
        self._shown_original: Path | None = None
        self._save_all: _SaveAll | None = None
        self._closing = False
        self._paste_dir: Path | None = None
        self._paste_count = 0

        imaging.preload()  # here, not in the worker's first job: imports hold the GIL
        self._build_widgets()
        self._create_actions()
        self._create_menus()
        self._start_worker()
        self._restore_settings()
        self._controls.options_changed.connect(self._on_options_changed)
        self._list.current_path_changed.connect(self._on_current_changed)
        self._update_actions()

    # ------------------------------------------------------------------------------------
    # Building
    # ------------------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self._controls = Controls(self)
        self._save_button = QPushButton("&Save…", self)
        self._fit_button = QPushButton("Fit", self)
        self._actual_button = QPushButton("100%", self)
        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self._controls, 1)
        top.addSpacing(12)
        top.addWidget(self._fit_button)
        top.addWidget(self._actual_button)
        top.addSpacing(12)
        top.addWidget(self._save_button)

        self._list = ImageList(self)
        self._pair = ImagePair(self)
        self._stats = StatsPanel(self)
        self._palette = PaletteView(self)
        self._palette_box = QGroupBox("Palette", self)
        box_layout = QVBoxLayout(self._palette_box)
        box_layout.addWidget(self._palette)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self._stats)
        side_layout.addWidget(self._palette_box, 1)

        self._splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self._splitter.addWidget(self._list)
        self._splitter.addWidget(self._pair)
        self._splitter.addWidget(side)
        self._splitter.setStretchFactor(0, 0)
        self._splitter.setStretchFactor(1, 1)
        self._splitter.setStretchFactor(2, 0)
        self._splitter.setSizes([270, 780, 350])
        self._splitter.setChildrenCollapsible(False)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(top)
        layout.addWidget(self._splitter, 1)
        self.setCentralWidget(central)

        self._job_label = QLabel("", self)
        self._progress = QProgressBar(self)
        self._progress.setFixedWidth(160)
        self._progress.setTextVisible(False)
        self._progress.setRange(0, 1)
        self._cancel_button = QPushButton("Cancel", self)
        self._cancel_button.setToolTip("Stop the running compression (Esc)")
        status = self.statusBar()
        status.addPermanentWidget(self._job_label)
        status.addPermanentWidget(self._progress)
        status.addPermanentWidget(self._cancel_button)

        named = {
            "imageList": (self._list, "Opened images"),
            "kSlider": (self._controls.k_slider, "Number of colours K"),
            "kSpinBox": (self._controls.k_spin, "Number of colours K"),
            "colorSpaceBox": (self._controls.color_space, "Colour space"),
            "ditherCheckBox": (self._controls.dither, "Dithering"),
            "formatBox": (self._controls.fmt, "File format"),
            "originalView": (self._pair.original, "Original image"),
            "compressedView": (self._pair.compressed, "Compressed image"),
            "statsPanel": (self._stats, "Statistics"),
            "paletteView": (self._palette, "Palette"),
            "progressBar": (self._progress, "Progress"),
            "cancelButton": (self._cancel_button, "Cancel"),
            "saveButton": (self._save_button, "Save"),
        }
        for name, (widget, accessible) in named.items():
            widget.setObjectName(name)
            widget.setAccessibleName(name)
            widget.setAccessibleDescription(accessible)
        self._pair.original.set_message(DROP_HINT)
        self._list.setToolTip("Opened images: drop photos or folders anywhere on the window")
        self._fit_button.setToolTip("Fit the images to the window (Ctrl+0)")
        self._actual_button.setToolTip("One image pixel per screen pixel (Ctrl+1)")

    def _action(
        self, text: str, slot, shortcuts: Iterable[QKeySequence | str] = (), tip: str = ""
    ) -> QAction:  # noqa: ANN001 - a bound method
        action = QAction(text, self)
        keys = [QKeySequence(k) if isinstance(k, str) else k for k in shortcuts]
        if keys:
            action.setShortcuts(keys)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even with the menu bar hidden
        return action

    def _create_actions(self) -> None:
        a = self._action
        self.open_action = a("&Open…", self.open_dialog, ["Ctrl+O"], "Open image files")
        self.open_folder_action = a(
            "Open &Folder…",
            self.open_folder_dialog,
            ["Ctrl+Shift+O"],
            "Open every image of a folder",
        )
        self.paste_action = a(
            "&Paste Image", self.paste, [QKeySequence.StandardKey.Paste],
            "Open the image or image files on the clipboard",
        )  # fmt: skip
        self.save_action = a("&Save…", self.save, ["Ctrl+S"], "Save the compressed image on screen")
        self.save_all_action = a(
            "Save &All…", self.save_all, ["Ctrl+Shift+S"],
            "Save every done image of the list into a folder with the current settings",
        )  # fmt: skip
        self.quit_action = a("&Quit", self.close, ["Ctrl+Q"], "Quit")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.k_up_action = a("&More Colours", lambda: self._controls.step_k(1), ["+", "="],
                             "Next larger K")  # fmt: skip
        self.k_down_action = a("&Fewer Colours", lambda: self._controls.step_k(-1), ["-"],
                               "Next smaller K")  # fmt: skip
        self.cancel_action = a("&Cancel", self.cancel, ["Esc"], "Stop the running compression")
        self.fit_action = a("&Fit to Window", self._pair.fit, ["Ctrl+0"], "Fit the images")
        self.actual_action = a("&Actual Size (100%)", self._pair.actual_size, ["Ctrl+1"],
                               "One image pixel per screen pixel")  # fmt: skip
        self.zoom_in_action = a("Zoom &In", self._pair.zoom_in, ["Ctrl++", "Ctrl+="], "Zoom in")
        self.zoom_out_action = a("Zoom &Out", self._pair.zoom_out, ["Ctrl+-"], "Zoom out")
        self.about_action = a("&About kmeans-gui", self.about, [], "Version and licence")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self._save_button.clicked.connect(self.save)
        self._save_button.setToolTip("Save the compressed image on screen (Ctrl+S)")
        self._cancel_button.clicked.connect(self.cancel)
        self._fit_button.clicked.connect(self._pair.fit)
        self._actual_button.clicked.connect(self._pair.actual_size)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.open_folder_action)
        self._recent_menu = file_menu.addMenu("Open &Recent")
        self._recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.save_action)
        file_menu.addAction(self.save_all_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addAction(self.paste_action)
        image_menu = bar.addMenu("&Compress")
        image_menu.addAction(self.k_up_action)
        image_menu.addAction(self.k_down_action)
        image_menu.addSeparator()
        image_menu.addAction(self.cancel_action)
        view_menu = bar.addMenu("&View")
        for action in (self.fit_action, self.actual_action, self.zoom_in_action,
                       self.zoom_out_action):  # fmt: skip
            view_menu.addAction(action)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.about_action)

    def _start_worker(self) -> None:
        self._worker_thread = QThread(self)
        self._worker_thread.setObjectName("kmeans-worker")
        self._worker = Worker()
        self._worker.moveToThread(self._worker_thread)
        self._worker_thread.finished.connect(self._worker.deleteLater)
        self._run_requested.connect(self._worker.run)
        self._worker.loaded.connect(self._on_loaded)
        self._worker.progress.connect(self._on_progress)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._worker.cancelled.connect(self._on_cancelled)
        self._worker_thread.start()

    def _restore_settings(self) -> None:
        store = settings.store()
        self._controls.blockSignals(True)
        self._controls.set_options(
            Options(
                k=settings.K.get(store),
                fmt=settings.FORMAT.get(store),
                color_space=settings.COLOR_SPACE.get(store),
                dither=settings.DITHER.get(store),
            )
        )
        self._controls.blockSignals(False)
        geometry = settings.GEOMETRY.get(store)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1400, 860)
        state = settings.WINDOW_STATE.get(store)
        if not state.isEmpty():
            self.restoreState(state)
        splitter = settings.SPLITTER.get(store)
        if not splitter.isEmpty():
            self._splitter.restoreState(splitter)

    def _save_settings(self) -> None:
        store = settings.store()
        options = self.options()
        settings.K.set(options.k, store)
        settings.FORMAT.set(options.fmt, store)
        settings.COLOR_SPACE.set(options.color_space, store)
        settings.DITHER.set(options.dither, store)
        settings.GEOMETRY.set(self.saveGeometry(), store)
        settings.WINDOW_STATE.set(self.saveState(), store)
        settings.SPLITTER.set(self._splitter.saveState(), store)
        store.sync()

    # ------------------------------------------------------------------------------------
    # Public API
    # ------------------------------------------------------------------------------------
    def options(self) -> Options:
        """The options the controls show."""
        return self._controls.options()

    def set_k(self, k: int) -> None:
        """Choose K, as the slider or spin box would."""
        self._controls.set_k(k)

    def images(self) -> list[Path]:
        """The opened images, in list order."""
        return self._list.paths()

    def current_path(self) -> Path | None:
        """The image on screen."""
        return self._list.current_path()

    def state(self, path: str | os.PathLike[str]) -> tuple[str, str]:
        """(state, detail) of an opened image: waiting, working, done or error."""
        image = self._images[_absolute(path)]
        return image.state, image.error

    def shown_result(self) -> Result | None:
        """The compression whose preview, figures and palette are on screen (without pixels)."""
        return self._shown_result

    def compressed_image(self) -> QImage:
        """The compressed preview on screen (a null QImage when none)."""
        return self._pair.compressed.image()

    def is_idle(self) -> bool:
        """True when no job runs or waits."""
        return self._running is None and not (self._pending or self._saves or self._background)

    @property
    def worker(self) -> Worker:
        """The worker (it lives in `worker_thread`; connect to its signals, call ``cancel``)."""
        return self._worker

    @property
    def worker_thread(self) -> QThread:
        """The thread the worker runs in."""
        return self._worker_thread

    def open_paths(
        self, paths: Iterable[str | os.PathLike[str]], *, remember: bool = True
    ) -> list[Path]:
        """Open image files and the images inside folders; refuse the rest with a message.

        Returns the images opened (already opened ones included), the first of which is
        shown. Reading and compressing them happens in the worker. With `remember`, the
        files go to Open Recent and their folder becomes the open dialogs' start (not so for
        the sample photo opened on a first start, nor for pasted images).
        """
        return self._open(paths, [], remember)

    def _open(
        self, paths: Iterable[str | os.PathLike[str]], refused: list[str], remember: bool = True
    ) -> list[Path]:
        """open_paths, with reasons already found for refusing other items (one message)."""
        opened: list[Path] = []
        named_files: list[Path] = []
        for raw in paths:
            path = _absolute(raw)
            if path.is_dir():
                found = [_absolute(p) for p in find_images([path])]
                if not found:
                    refused.append(f"{path.name}: no images in this folder")
                opened.extend(found)
            elif not path.exists():
                refused.append(f"{path.name}: no such file")
            elif not is_image_path(path):
                refused.append(f"{path.name}: not an image file")
            else:
                opened.append(path)
                named_files.append(path)
        opened = list(dict.fromkeys(opened))
        for path in opened:
            if path not in self._images:
                self._images[path] = _Image(path)
                self._list.add(path)
                self._background.append(path)
        if named_files and remember:
            store = settings.store()
            for path in reversed(named_files):
                settings.add_recent_file(path, store)
        if opened:
            if remember:
                settings.OPEN_FOLDER.set(str(opened[0].parent))
            self._list.set_current_path(opened[0])
        if refused:
            self._refuse(refused)
        self._update_actions()
        self._start_next()
        return opened

    # ------------------------------------------------------------------------------------
    # Opening: dialogs, drops, clipboard
    # ------------------------------------------------------------------------------------
    def _start_folder(self) -> str:
        folder = settings.OPEN_FOLDER.get()
        return folder if folder and Path(folder).is_dir() else dialogs.pictures_folder()

    @Slot()
    def open_dialog(self) -> None:
        """File ▸ Open…"""
        paths = dialogs.open_files(self, self._start_folder())
        if paths:
            self.open_paths(paths)

    @Slot()
    def open_folder_dialog(self) -> None:
        """File ▸ Open Folder…"""
        folder = dialogs.open_folder(self, self._start_folder())
        if folder:
            self.open_paths([folder])

    @Slot()
    def paste(self) -> None:
        """Edit ▸ Paste Image: image files (URLs) or image data from the clipboard."""
        mime = QGuiApplication.clipboard().mimeData()
        if mime is not None and mime.hasUrls():
            files = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
            if files:
                self.open_paths(files)
                return
        image = QGuiApplication.clipboard().image()
        if image.isNull():
            self.statusBar().showMessage("The clipboard holds no image.", 5000)
            return
        self._open_image_data(image)

    def _open_image_data(self, image: QImage) -> None:
        """Keep a pasted or dropped picture as a PNG file for the session, and open it."""
        if self._paste_dir is None:
            self._paste_dir = Path(tempfile.mkdtemp(prefix="kmeans-gui-paste-"))
        self._paste_count += 1
        path = self._paste_dir / f"Pasted image {self._paste_count}.png"
        if not image.save(str(path), "PNG", 90):  # 90: fast zlib level, lossless anyway
            dialogs.error(self, "Could not paste", "The clipboard image could not be stored.")
            return
        self.open_paths([path], remember=False)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        mime = event.mimeData()
        if mime.hasUrls() or mime.hasImage():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt override
        self.dragEnterEvent(event)  # type: ignore[arg-type]

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        mime = event.mimeData()
        if mime.hasUrls():
            urls = mime.urls()
            files = [u.toLocalFile() for u in urls if u.isLocalFile()]
            remote = [u.fileName() or u.toDisplayString() for u in urls if not u.isLocalFile()]
            event.acceptProposedAction()
            self._open(files, [f"{name}: not a local file" for name in remote])
        elif mime.hasImage():
            event.acceptProposedAction()
            self._open_image_data(QImage(mime.imageData()))
        else:
            event.ignore()

    def _refuse(self, reasons: list[str]) -> None:
        shown = "\n".join(reasons[:15])
        if len(reasons) > 15:
            shown += f"\n… and {len(reasons) - 15} more"
        self.statusBar().showMessage(f"Not opened: {'; '.join(reasons)}", 10000)
        dialogs.notify(self, "Not Opened", f"These were not opened:\n\n{shown}")

    @Slot()
    def _fill_recent_menu(self) -> None:
        self._recent_menu.clear()
        files = [Path(p) for p in settings.RECENT_FILES.get() if Path(p).exists()]
        for i, path in enumerate(files, start=1):
            action = self._recent_menu.addAction(f"&{i % 10} {path.name}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_paths([p]))
        if not files:
            self._recent_menu.addAction("No recent files").setEnabled(False)
        self._recent_menu.addSeparator()
        self._recent_menu.addAction("&Clear Menu", lambda: settings.RECENT_FILES.set([]))

    # ------------------------------------------------------------------------------------
    # Scheduling
    # ------------------------------------------------------------------------------------
    @Slot(object)
    def _on_current_changed(self, path: Path | None) -> None:
        if self._closing:
            return
        self._update_title()
        self._update_actions()
        if path is None:
            self._show_nothing(DROP_HINT)
            self._drop_preview()
            return
        image = self._images[path]
        if self._shown_original != path:
            self._show_nothing("Loading…")
        if image.state == ERROR:
            self._drop_preview()
            self._show_error(image)
            return
        self._request_preview()

    @Slot()
    def _on_options_changed(self) -> None:
        self._update_captions()
        self._request_preview()

    def _drop_preview(self) -> None:
        """Want no preview: forget the pending one, stop the running one."""
        self._wanted = None
        self._pending = None
        running = self._running
        if running is not None and running.keep and running.save_to is None:
            self._cancel_running("superseded")

    def _request_preview(self) -> None:
        """Ask for the compressed preview of the current image with the current options.

        At most one request waits; a newer one replaces it, and the running preview is
        cancelled when it is not the wanted one. Results that are not wanted are not shown.
        """
        path = self.current_path()
        if path is None or self._closing or self._images[path].state == ERROR:
            return
        options = self.options()
        self._wanted = (path, options)
        running = self._running
        if self._shown == self._wanted:
            self._pending = None
            if running is not None and running.keep and running.save_to is None:
                self._cancel_running("superseded")
            self._update_captions()
            return
        if (
            running is not None
            and running.save_to is None
            and (running.path, running.options) == self._wanted
            and not self._cancel_reason
        ):
            self._pending = None  # the running job is the one wanted
            return
        image = self._images[path]
        reuse = image.result if image.result and image.result.options == options else None
        self._pending = Request(-1, path, options, keep=True, reuse=reuse)
        if running is None:
            self._start_next()
        elif running.save_to is None and not self._cancel_reason:
            if not running.keep:  # a background job: do it again later
                self._background.appendleft(running.path)
            self._cancel_running("superseded")
        self._update_captions()

    def _cancel_running(self, reason: str) -> None:
        if self._running is not None and not self._cancel_reason:
            self._cancel_reason = reason
            self._worker.cancel(self._running.id)

    def _start_next(self) -> None:
        """Send the next job to the worker when it is free: preview, saves, then the list."""
        if self._running is not None or self._closing:
            return
        request: Request | None = None
        if self._pending is not None:
            request, self._pending = self._pending, None
        elif self._saves:
            request = self._saves.popleft()
        else:
            while self._background:
                path = self._background.popleft()
                image = self._images.get(path)
                if image is not None and image.state == WAITING:
                    request = Request(-1, path, self.options(), keep=False)
                    break
        if request is None:
            self._update_status()
            return
        self._next_id += 1
        request = dataclasses.replace(request, id=self._next_id)
        self._running = request
        self._running_iteration = None
        self._running_loaded = False
        self._cancel_reason = ""
        image = self._images.get(request.path)
        if image is not None and request.reuse is None and image.state != ERROR:
            self._set_state(image, WORKING)
        self._update_status()
        emit(self._run_requested, request)

    def _finish_running(self) -> Request | None:
        request, self._running = self._running, None
        self._cancel_reason_was = self._cancel_reason
        self._cancel_reason = ""
        return request

    # ------------------------------------------------------------------------------------
    # Worker signals
    # ------------------------------------------------------------------------------------
    @Slot(object)
    def _on_loaded(self, loaded: Loaded) -> None:
        if self._closing:
            return
        path = loaded.request.path
        self._running_loaded = True
        self._update_status()
        image = self._images.get(path)
        if image is None:
            return
        image.size = (loaded.width, loaded.height)
        image.file_format = loaded.format
        self._list.set_thumbnail(path, loaded.thumbnail)
        if path == self.current_path() and self._shown_original != path:
            self._pair.original.set_image(loaded.original)
            self._shown_original = path
            self._pair.sync_from(self._pair.compressed)
            self._pair.compressed.set_message("Compressing…")
            self._update_captions()

    @Slot(int, float)
    def _on_progress(self, iteration: int, inertia: float) -> None:
        if self._closing:
            return
        self._running_iteration = (iteration, inertia)
        self._update_status()
        emit(self.compression_progress, iteration, inertia)

    @Slot(object)
    def _on_finished(self, outcome: Outcome) -> None:
        if self._closing:
            return
        request = self._finish_running()
        if request is None:
            return
        image = self._images.get(request.path)
        result = outcome.result
        if image is not None:
            image.result = result
            self._set_state(image, DONE)
        if request.save_to is not None:
            self._saved(request, outcome)
        wanted = (request.path, request.options) == self._wanted
        if outcome.compressed is not None and wanted and request.path == self.current_path():
            if self._shown_original != request.path and outcome.original is not None:
                # A background job made current after it had loaded the image.
                self._pair.original.set_image(outcome.original)
                self._shown_original = request.path
            self._pair.compressed.set_image(outcome.compressed)
            self._pair.sync_from(self._pair.original)
            self._shown = (request.path, request.options)
            self._shown_result = result
            self._stats.show_result(result, image.file_format if image else "")
            self._palette.set_palette(result.palette, result.counts, result.transparent_index)
            colours = len(result.counts) - (result.transparent_index is not None)
            self._palette_box.setTitle(f"Palette: {colours} colours, areas by pixel share")
            self._update_captions()
            self._update_actions()
            s = result.stats
            self.statusBar().showMessage(
                f"{request.path.name}: K = {s.k}, {human_bytes(s.output_bytes)} "
                f"{FORMAT_NAMES.get(result.options.fmt, result.options.fmt)}, "
                f"PSNR {s.psnr:.2f} dB, k-means and mapping {s.seconds:.2f} s",
                15000,
            )
            emit(self.compression_finished, str(request.path), request.options.k)
        self._start_next()

    @Slot(str)
    def _on_failed(self, reason: str) -> None:
        if self._closing:
            return
        request = self._finish_running()
        if request is None:
            return
        image = self._images.get(request.path)
        if request.save_to is not None:
            self._saved(request, None, reason)
        if image is not None and request.reuse is None:
            image.error = reason
            self._set_state(image, ERROR, reason)
            self._background = deque(p for p in self._background if p != request.path)
            if request.path == self.current_path():
                self._wanted = None
                self._show_error(image)
        self.statusBar().showMessage(f"{request.path.name}: {reason}", 10000)
        self._start_next()

    @Slot()
    def _on_cancelled(self) -> None:
        if self._closing:
            return
        request = self._finish_running()
        if request is None:
            return
        image = self._images.get(request.path)
        if image is not None and image.state == WORKING:
            self._set_state(image, DONE if image.result else WAITING)
        if request.save_to is not None:
            self._saved(request, None, "cancelled")
        elif (
            self._cancel_reason_was != "user"
            and image is not None
            and image.result is None
            and request.path not in self._background
        ):
            self._background.append(request.path)
        if self._cancel_reason_was == "user":
            self.statusBar().showMessage("Cancelled.", 5000)
            if request.path == self.current_path() and self._shown is None:
                self._pair.compressed.set_message("Cancelled: change K or select the image again")
        self._start_next()
        emit(self.compression_cancelled, str(request.path))

    # ------------------------------------------------------------------------------------
    # Cancel and close
    # ------------------------------------------------------------------------------------
    @Slot()
    def cancel(self) -> None:
        """Stop the running job and forget the waiting ones (Esc, Cancel button)."""
        self._pending = None
        self._background.clear()
        if self._saves or (self._save_all and self._running and self._running.save_to):
            self._saves.clear()
        self._wanted = self._shown
        if self._running is not None:
            self._cancel_reason = ""  # a user cancel overrides a superseding one
            self._cancel_running("user")
        self._finish_save_all_if_done()
        self._update_status()

    def shutdown(self) -> None:
        """Stop the worker and its thread, waiting for the running job to notice (idempotent)."""
        if self._closing:
            return
        self._closing = True
        self._pending = None
        self._saves.clear()
        self._background.clear()
        self._worker.cancel(sys.maxsize)
        self._worker_thread.quit()
        self._worker_thread.wait()
        if self._paste_dir is not None:
            shutil.rmtree(self._paste_dir, ignore_errors=True)
            self._paste_dir = None

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self._closing:
            self._save_settings()
            self.hide()  # the window goes at once, even if a stage must still finish
            self.shutdown()
        event.accept()

    # ------------------------------------------------------------------------------------
    # Saving
    # ------------------------------------------------------------------------------------
    @Slot()
    def save(self) -> None:
        """File ▸ Save…: write the compressed image on screen."""
        result = self._shown_result
        if result is None:
            self.statusBar().showMessage("Nothing to save yet: wait for the compressed image.")
            return
        folder = settings.SAVE_FOLDER.get()
        if not folder or not Path(folder).is_dir():
            folder = dialogs.pictures_folder()
        fmt = self.options().fmt
        suggested = Path(folder) / output_name(result.source, result.options.k, fmt)
        chosen, chosen_fmt = dialogs.save_file(self, str(suggested), fmt)
        if not chosen:
            return
        target = Path(chosen)
        extension = target.suffix.lower().lstrip(".")
        if extension in SAVE_FORMATS:
            fmt = extension
        else:
            fmt = chosen_fmt or fmt
            target = target.with_name(f"{target.name}.{fmt}")
        overwrite = False
        if target.exists():
            if not dialogs.confirm_overwrite(self, target):
                self.statusBar().showMessage(f"Not saved: {target.name} was kept.", 5000)
                return
            overwrite = True
        settings.SAVE_FOLDER.set(str(target.parent))
        if fmt == result.options.fmt:
            try:
                save(result, target, overwrite=overwrite)
            except ImageSaveError as exc:
                logger.warning("saving %s: %s", exc.path, exc.reason, exc_info=exc)
                dialogs.error(self, "Could Not Save", f"Could not save {exc.path}:\n{exc.reason}.")
                return
            self.statusBar().showMessage(
                f"Saved {target.name} ({human_bytes(len(result.encoded))}).", 8000
            )
            return
        # Another format than the one on screen: the worker encodes it, then saves.
        options = dataclasses.replace(result.options, fmt=fmt)
        self._saves.append(
            Request(-1, result.source, options, keep=False, save_to=target, overwrite=overwrite)
        )
        self._start_next()

    @Slot()
    def save_all(self) -> None:
        """File ▸ Save All…: write every done image into a folder with the current settings."""
        done = [i for p in self._list.paths() if (i := self._images[p]).state == DONE and i.result]
        if not done:
            self.statusBar().showMessage("No compressed images to save yet.", 5000)
            return
        folder = settings.SAVE_FOLDER.get()
        start = folder if folder and Path(folder).is_dir() else dialogs.pictures_folder()
        chosen = dialogs.choose_folder(self, start)
        if not chosen:
            return
        target_folder = Path(chosen)
        options = self.options()
        targets: list[tuple[_Image, Path]] = []
        used: set[str] = set()
        for image in done:
            name = output_name(image.path, options.k, options.fmt)
            stem, suffix, n = Path(name).stem, Path(name).suffix, 2
            while name in used:  # two photos with one name from different folders
                name, n = f"{stem}-{n}{suffix}", n + 1
            used.add(name)
            targets.append((image, target_folder / name))
        existing = [t.name for _, t in targets if t.exists()]
        overwrite = False
        if existing:
            answer = dialogs.confirm_overwrite_many(self, existing)
            if answer is None:
                return
            overwrite = answer
            if not overwrite:
                targets = [(i, t) for i, t in targets if not t.exists()]
        settings.SAVE_FOLDER.set(str(target_folder))
        if not targets:
            self.statusBar().showMessage("Nothing saved: every file already exists.", 5000)
            return
        self._save_all = _SaveAll(target_folder, len(targets))
        for image, target in targets:
            assert image.result is not None
            reuse = image.result if image.result.options == options else None
            self._saves.append(
                Request(-1, image.path, options, keep=False, reuse=reuse, save_to=target,
                        overwrite=overwrite)
            )  # fmt: skip
        self._start_next()

    def _saved(self, request: Request, outcome: Outcome | None, reason: str = "") -> None:
        """Account for a finished save job."""
        error = reason or (outcome.save_error if outcome else "") or ""
        if self._save_all is not None:
            if error:
                name = request.save_to.name if request.save_to else request.path.name
                self._save_all.errors.append(error if ":" in error else f"{name}: {error}")
            else:
                self._save_all.saved += 1
            self._finish_save_all_if_done()
            return
        if error == "cancelled":
            self.statusBar().showMessage("Not saved: cancelled.", 5000)
        elif error:
            dialogs.error(self, "Could Not Save", error)
        elif outcome is not None and outcome.saved_to is not None:
            self.statusBar().showMessage(f"Saved {outcome.saved_to.name}.", 8000)

    def _finish_save_all_if_done(self) -> None:
        batch = self._save_all
        if batch is None:
            return
        running_save = self._running is not None and self._running.save_to is not None
        if self._saves or (running_save and batch.saved + len(batch.errors) < batch.total):
            return
        self._save_all = None
        message = f"Saved {batch.saved} of {batch.total} images into {batch.folder}."
        self.statusBar().showMessage(message, 10000)
        if batch.errors:
            dialogs.notify(
                self, "Some Images Were Not Saved", message + "\n\n" + "\n".join(batch.errors)
            )

    # ------------------------------------------------------------------------------------
    # Showing
    # ------------------------------------------------------------------------------------
    def _set_state(self, image: _Image, state: str, detail: str = "") -> None:
        image.state = state
        if state == DONE and image.result is not None and not detail:
            s = image.result.stats
            detail = f"K={s.k} · {human_bytes(s.output_bytes)} · {ratio_text(s.ratio_to_input, 1)}"
        self._list.set_state(image.path, state, detail)

    def _show_nothing(self, message: str) -> None:
        self._pair.original.set_image(None)
        self._pair.compressed.set_image(None)
        self._pair.original.set_message(message)
        self._shown = None
        self._shown_result = None
        self._shown_original = None
        self._stats.clear()
        self._palette.clear()
        self._palette_box.setTitle("Palette")
        self._update_captions()
        self._update_actions()

    def _show_error(self, image: _Image) -> None:
        self._show_nothing(f"{image.path.name} cannot be opened:\n{image.error}")
        self._stats.clear(f"{image.path.name}: {image.error}")

    def _update_title(self) -> None:
        path = self.current_path()
        self.setWindowTitle(f"{path.name} — {APP_NAME}" if path else APP_NAME)
        self.setWindowFilePath(str(path) if path else "")

    def _update_captions(self) -> None:
        path = self.current_path()
        image = self._images.get(path) if path else None
        original = "Original"
        if image is not None and image.size is not None and self._shown_original == path:
            w, h = image.size
            original += f": {w} × {h}"
            if image.result is not None:
                original += f", {human_bytes(image.result.stats.input_bytes)}"
            if image.file_format:
                original += f" {image.file_format}"
        self._pair.original_caption.setText(original)
        compressed = "Compressed"
        if self._shown_result is not None:
            o = self._shown_result.options
            compressed += (
                f": K = {o.k}, {FORMAT_NAMES.get(o.fmt, o.fmt)}, "
                f"{human_bytes(self._shown_result.stats.output_bytes)}"
            )
        if self._wanted is not None and self._wanted != self._shown:
            compressed += f"   (computing K = {self._wanted[1].k}…)"
        self._pair.compressed_caption.setText(compressed)

    def _update_status(self) -> None:
        running = self._running
        busy = running is not None
        self._cancel_button.setEnabled(busy)
        self.cancel_action.setEnabled(busy)
        if not busy:
            self._progress.setRange(0, 1)
            self._progress.setValue(0)
            self._progress.setVisible(False)
            self._job_label.setText("")
            self._update_captions()
            return
        assert running is not None
        self._progress.setVisible(True)
        self._progress.setRange(0, 0)  # busy: the number of iterations is not known ahead
        if running.save_to is not None:
            what = f"Saving {running.save_to.name}"
            if self._save_all is not None:
                done = self._save_all.saved + len(self._save_all.errors) + 1
                what = f"Saving {done} of {self._save_all.total}: {running.save_to.name}"
        else:
            what = f"{running.path.name}, K = {running.options.k}"
            if running.reuse is not None:
                what += ": decoding"
            elif not self._running_loaded:
                what += ": loading"
            elif self._running_iteration is None:
                what += ": analysing colours, seeding k-means"
            else:
                what += f": k-means iteration {self._running_iteration[0]}"
        self._job_label.setText(what)

    def _update_actions(self) -> None:
        has_result = self._shown_result is not None
        self.save_action.setEnabled(has_result)
        self._save_button.setEnabled(has_result)
        self.save_all_action.setEnabled(bool(self._images))

    # ------------------------------------------------------------------------------------
    # Help
    # ------------------------------------------------------------------------------------
    @Slot()
    def about(self) -> None:
        """Help ▸ About."""
        dialogs.about(
            self,
            f"About {APP_NAME}",
            f"<h3>{APP_NAME} {__version__}</h3>"
            "<p>Compress photos by K-means colour quantization: every pixel becomes one of K "
            "palette colours, stored as an indexed PNG, a GIF or a lossless WebP.</p>"
            "<p>Licence: MIT. The bundled sample photos carry their own licences "
            "(CC0 / public domain).</p>"
            f"<p>Qt {qVersion()} (LGPL v3) through PySide6 {pyside_version}.</p>",
        )


def _absolute(path: str | os.PathLike[str]) -> Path:
    """An absolute path, symbolic links kept (the name the user sees)."""
    return Path(os.path.abspath(os.fspath(path)))
