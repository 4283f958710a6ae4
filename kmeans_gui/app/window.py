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
from pathlib import Path

import numpy as np
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

from .. import __version__, sweep
from ..compress import Options, Result
from ..files import ImageSaveError, find_images, human_bytes, shown_name
from ..formats import is_image_path
from ..goals import Goal
from ..palette_files import save_palette
from . import dialogs, settings
from .compare import VIEW_NAMES, CompareViews
from .controls import Controls
from .goals_panel import GoalPanel
from .imagelist import DONE, ERROR, WAITING, WORKING, ImageList
from .jobs import (
    GoalOutcome,
    GoalRequest,
    GoalStep,
    HeatOutcome,
    HeatRequest,
    SweepCell,
    SweepOutcome,
    SweepRequest,
)
from .opened import OpenedImage
from .palette import PaletteView
from .saving import Saving
from .signals import emit
from .stats import FORMAT_NAMES, StatsPanel, ratio_text
from .views import ImagePair
from .worker import Loaded, Outcome, QuickPreview, Request, Worker, preload_imports

logger = logging.getLogger(__name__)

APP_NAME = "kmeans-gui"
DROP_HINT = "Drop photos or folders here\nor use File ▸ Open… (Ctrl+O)"


class MainWindow(QMainWindow):
    """Photos in a list; the current one as original and compressed previews, with figures.

    ``open_paths(paths)`` opens images; ``compression_finished(path, k)`` is emitted on the
    GUI thread when a compressed preview is shown. ``compression_progress(iteration,
    inertia)`` and ``compression_cancelled(path)`` pass on the worker's signals, also on the
    GUI thread.
    """

    compression_finished = Signal(str, int)
    quick_preview_shown = Signal(str, int)  # image path, K: a first look before the result
    compression_progress = Signal(int, float)  # iteration, inertia of the running k-means
    compression_cancelled = Signal(str)  # image path
    sweep_cell_shown = Signal(int, bool)  # K, measured at full resolution
    heat_map_shown = Signal(str, int)  # image path, K
    goal_finished = Signal(str, int, bool)  # image path, K chosen, goal met
    goals_done = Signal()  # every image of a goal search is done (or it was stopped)
    save_all_finished = Signal(str)  # the folder
    _run_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        self._images: dict[Path, OpenedImage] = {}
        self._next_id = 0
        self._running: Request | SweepRequest | GoalRequest | HeatRequest | None = None
        self._running_iteration: tuple[int, float] | None = None
        self._running_loaded = False
        self._cancel_reason = ""  # why the running job was cancelled: "", "user", "superseded"
        self._cancel_reason_was = ""
        self._pending: Request | None = None  # the preview to compute next (at most one)
        self._saving = Saving(
            self, self._images, self._start_next,
            lambda folder: emit(self.save_all_finished, folder),
        )  # fmt: skip
        self._background: deque[Path] = deque()  # images to compress once, in list order
        self._wanted: tuple[Path, Options] | None = None  # what the compressed view should show
        self._shown: tuple[Path, Options] | None = None
        # While a quick preview covers the compressed view: the image it covered, to put back
        # if that compression is cancelled (path, image).
        self._covered: tuple[Path, QImage] | None = None
        self._shown_result: Result | None = None
        self._shown_original: Path | None = None
        self._closing = False
        self._paste_dir: Path | None = None
        self._paste_count = 0
        self._goals: deque[GoalRequest] = deque()  # goal searches waiting, in list order
        self._goal_panel: GoalPanel | None = None

        preload_imports()  # here, not in the worker's first jobs: imports hold the GIL
        self._build_widgets()
        self._create_actions()
        self._create_menus()
        self._start_worker()
        self._restore_settings()
        self._controls.options_changed.connect(self._on_options_changed)
        self._list.current_path_changed.connect(self._on_current_changed)
        self._views.k_clicked.connect(self.set_k)
        self._views.wanted_changed.connect(self._on_views_changed)
        self._palette.copied.connect(
            lambda text: self.statusBar().showMessage(f"Copied {text} to the clipboard.", 5000)
        )
        self._views.set_current_k(self.options().k)
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
        box_layout.addWidget(self._palette, 1)
        self._export_palette_button = QPushButton("E&xport Palette…", self)
        self._export_palette_button.setToolTip(
            "Save the palette as GIMP .gpl, Adobe .act, JSON or a hex list (Ctrl+E)"
        )
        box_layout.addWidget(self._export_palette_button, 0, Qt.AlignmentFlag.AlignRight)
        self._views = CompareViews(self._pair, self)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self._stats)
        side_layout.addWidget(self._palette_box, 1)

        self._splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self._splitter.addWidget(self._list)
        self._splitter.addWidget(self._views)
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
            "metadataBox": (self._controls.metadata, "Metadata kept"),
            "keepDatesCheckBox": (self._controls.keep_dates, "Keep the original's file dates"),
            "originalView": (self._pair.original, "Original image"),
            "compressedView": (self._pair.compressed, "Compressed image"),
            "statsPanel": (self._stats, "Statistics"),
            "paletteView": (self._palette, "Palette"),
            "progressBar": (self._progress, "Progress"),
            "cancelButton": (self._cancel_button, "Cancel"),
            "saveButton": (self._save_button, "Save"),
            "viewTabs": (self._views, "Views: side by side, split, difference, K grid, chart"),
            "splitView": (self._views.split, "Original and compressed split by a divider"),
            "differenceView": (self._views.difference, "Per-pixel colour difference"),
            "kGrid": (self._views.grid, "The image at several K"),
            "sizeQualityChart": (self._views.chart, "File size and quality against K"),
            "exportPaletteButton": (self._export_palette_button, "Export the palette"),
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
        self.fit_action = a("&Fit to Window", self._views.fit, ["Ctrl+0"], "Fit the images")
        self.actual_action = a("&Actual Size (100%)", self._views.actual_size, ["Ctrl+1"],
                               "One image pixel per screen pixel")  # fmt: skip
        self.zoom_in_action = a("Zoom &In", self._views.zoom_in, ["Ctrl++", "Ctrl+="], "Zoom in")
        self.zoom_out_action = a("Zoom &Out", self._views.zoom_out, ["Ctrl+-"], "Zoom out")
        self.view_actions = []
        for i, (key, name) in enumerate(VIEW_NAMES.items(), start=1):
            action = a(f"&{i} {name}", lambda _=False, key=key: self._views.set_view(key),
                       [f"Alt+{i}"], f"Show the {name.lower()} view")  # fmt: skip
            self.view_actions.append(action)
        self.export_palette_action = a(
            "E&xport Palette…", self.export_palette, ["Ctrl+E"],
            "Save the palette on screen as .gpl, .act, .json or .txt",
        )  # fmt: skip
        self.goal_action = a(
            "Find K for a &Goal…", self.show_goal_panel, ["Ctrl+G"],
            "The smallest K meeting a PSNR or ΔE target, or the best K under a file size",
        )  # fmt: skip
        self._export_palette_button.clicked.connect(self.export_palette)
        self.about_action = a("&About kmeans-gui", self.about, [], "Version and licence")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self._save_button.clicked.connect(self.save)
        self._save_button.setToolTip("Save the compressed image on screen (Ctrl+S)")
        self._cancel_button.clicked.connect(self.cancel)
        self._fit_button.clicked.connect(self._views.fit)
        self._actual_button.clicked.connect(self._views.actual_size)

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
        file_menu.addAction(self.export_palette_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addAction(self.paste_action)
        image_menu = bar.addMenu("&Compress")
        image_menu.addAction(self.k_up_action)
        image_menu.addAction(self.k_down_action)
        image_menu.addAction(self.goal_action)
        image_menu.addSeparator()
        image_menu.addAction(self.cancel_action)
        view_menu = bar.addMenu("&View")
        for action in self.view_actions:
            view_menu.addAction(action)
        view_menu.addSeparator()
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
        self._worker.previewed.connect(self._on_previewed)
        self._worker.progress.connect(self._on_progress)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._worker.cancelled.connect(self._on_cancelled)
        self._worker.sweep_cell.connect(self._on_sweep_cell)
        self._worker.goal_step.connect(self._on_goal_step)
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
                metadata=settings.METADATA.get(store),
            )
        )
        self._controls.keep_dates.setChecked(settings.KEEP_DATES.get(store))
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
        self._views.grid.set_ks(sweep.parse_ks(settings.GRID_KS.get(store)))
        self._views.chart.set_quality_metric(settings.CHART_METRIC.get(store))
        self._views.set_view(settings.VIEW.get(store))

    def _save_settings(self) -> None:
        store = settings.store()
        options = self.options()
        settings.K.set(options.k, store)
        settings.FORMAT.set(options.fmt, store)
        settings.COLOR_SPACE.set(options.color_space, store)
        settings.DITHER.set(options.dither, store)
        settings.METADATA.set(options.metadata, store)
        settings.KEEP_DATES.set(self._controls.keep_dates.isChecked(), store)
        settings.GEOMETRY.set(self.saveGeometry(), store)
        settings.WINDOW_STATE.set(self.saveState(), store)
        settings.SPLITTER.set(self._splitter.saveState(), store)
        settings.GRID_KS.set(" ".join(map(str, self._views.grid.ks())), store)
        settings.CHART_METRIC.set(self._views.chart.quality_metric(), store)
        settings.VIEW.set(self._views.view(), store)
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
        return self._running is None and not (
            self._pending or self._saving.jobs or self._background or self._goals
        )

    def views(self) -> CompareViews:
        """The view switcher and its views (side by side, split, difference, K grid, chart)."""
        return self._views

    def measured_results(self, path: str | os.PathLike[str]) -> dict[Options, Result]:
        """The full compressions of an image the sweep and goal seeking made, by options."""
        return dict(self._images[_absolute(path)].measured)

    def chosen_k(self, path: str | os.PathLike[str]) -> int | None:
        """The K goal seeking chose for an image (Save All uses it), if any."""
        return self._images[_absolute(path)].chosen_k

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
                    refused.append(f"{shown_name(path)}: no images in this folder")
                opened.extend(found)
            elif not path.exists():
                refused.append(f"{shown_name(path)}: no such file")
            elif not is_image_path(path):
                refused.append(f"{shown_name(path)}: not an image file")
            else:
                opened.append(path)
                named_files.append(path)
        opened = list(dict.fromkeys(opened))
        for path in opened:
            if path not in self._images:
                self._images[path] = OpenedImage(path)
                self._list.add(path)
                self._background.append(path)
        if named_files and remember:
            settings.add_recent_files(named_files)  # written in the background (settings)
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
            action = self._recent_menu.addAction(f"&{i % 10} {shown_name(path)}")
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
        self._controls.set_image_size(None if path is None else self._images[path].size)
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
        if image.chosen_k is not None and image.chosen_k != self.options().k:
            self.set_k(image.chosen_k)  # this image's own K, from goal seeking
        self._request_preview()

    @Slot()
    def _on_options_changed(self) -> None:
        k = self.options().k
        path = self.current_path()
        image = self._images.get(path) if path is not None else None
        if image is not None and image.chosen_k is not None:
            image.chosen_k = k  # the user's choice for this image now
        self._views.set_current_k(k)
        self._update_captions()
        self._request_preview()

    @Slot()
    def _on_views_changed(self) -> None:
        """Another view, or other K values in the grid: maybe another job is wanted now."""
        running = self._running
        if isinstance(running, (SweepRequest, HeatRequest)) and not self._views.still_wanted(
            running, self.current_path(), self.options()
        ):
            self._cancel_running("superseded")
        self._start_next()

    def _drop_preview(self) -> None:
        """Want no preview: forget the pending one, stop the running one."""
        self._wanted = None
        self._pending = None
        running = self._running
        if isinstance(running, (SweepRequest, HeatRequest)) or (
            isinstance(running, Request) and running.keep and running.save_to is None
        ):
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
        if isinstance(running, (SweepRequest, HeatRequest)) and not self._views.still_wanted(
            running, path, options
        ):
            self._cancel_running("superseded")  # the views ask for it again when needed
        if self._shown == self._wanted:
            self._pending = None
            if isinstance(running, Request) and running.keep and running.save_to is None:
                self._cancel_running("superseded")
            self._update_captions()
            return
        if (
            isinstance(running, Request)
            and running.save_to is None
            and (running.path, running.options) == self._wanted
            and not self._cancel_reason
        ):
            self._pending = None  # the running job is the one wanted
            return
        image = self._images[path]
        reuse = image.reusable(options)
        self._pending = Request(-1, path, options, keep=True, reuse=reuse)
        if running is None:
            self._start_next()
        elif isinstance(running, HeatRequest) or (
            isinstance(running, SweepRequest) and running.measure
        ):
            self._cancel_running("superseded")  # the preview first; the views' job resumes
        elif isinstance(running, Request) and running.save_to is None and not self._cancel_reason:
            if not running.keep:  # a background job: do it again later
                self._background.appendleft(running.path)
            self._cancel_running("superseded")
        self._update_captions()

    def _cancel_running(self, reason: str) -> None:
        if self._running is not None and not self._cancel_reason:
            self._cancel_reason = reason
            self._worker.cancel(self._running.id)

    def _start_next(self) -> None:
        """Send the next job to the worker when it is free: the preview, saves, goal searches,
        what the view shown needs (K sweep, heat map), then the rest of the list."""
        if self._running is not None or self._closing:
            return
        request: Request | SweepRequest | GoalRequest | HeatRequest | None = None
        if self._pending is not None:
            # The K grid's quick previews (about a second, even at 12 MP) before a full-size
            # compression, when the grid or the chart is on screen.
            request = self._quick_views_job()
            if request is None:
                request, self._pending = self._pending, None
        elif self._saving.jobs:
            request = self._saving.jobs.popleft()
        elif self._goals:
            request = self._goals.popleft()
        elif (job := self._views_job()) is not None:
            request = job
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
        if (
            isinstance(request, Request)
            and image is not None
            and request.reuse is None
            and image.state != ERROR
        ):
            self._set_state(image, WORKING)
        self._update_status()
        emit(self._run_requested, request)

    def _quick_views_job(self) -> SweepRequest | None:
        """The quick pass of the K sweep the view shown needs, if any (no full-size K)."""
        job = self._views_job()
        if isinstance(job, SweepRequest) and job.quick:
            return dataclasses.replace(job, measure=())
        return None

    def _views_job(self) -> SweepRequest | HeatRequest | None:
        """What the view shown needs for the image on screen (see CompareViews.wanted_job)."""
        path = self.current_path()
        if path is None or self._images[path].state == ERROR:
            return None
        shown = self._shown_result if self._shown and self._shown[0] == path else None
        return self._views.wanted_job(path, self.options(), shown)

    def _finish_running(self) -> Request | SweepRequest | GoalRequest | HeatRequest | None:
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
        if path == self.current_path():
            self._controls.set_image_size(image.size)
        if path == self.current_path() and self._shown_original != path:
            self._pair.original.set_image(loaded.original)
            self._shown_original = path
            self._pair.sync_from(self._pair.compressed)
            self._pair.compressed.set_message("Compressing…")
            self._update_captions()

    @Slot(object)
    def _on_previewed(self, preview: QuickPreview) -> None:
        """Show a quick preview in the compressed view until the result replaces it."""
        request = preview.request
        if self._closing or (request.path, request.options) != self._wanted:
            return
        if request.path != self.current_path() or self._shown_original != request.path:
            return
        if self._covered is None or self._covered[0] != request.path:
            self._covered = (request.path, self._pair.compressed.image())
        self._pair.compressed.set_image(preview.image, scale=preview.scale)
        self._pair.sync_from(self._pair.original)
        self._pair.compressed.set_message(f"Quick preview of K = {request.options.k}; compressing…")
        emit(self.quick_preview_shown, str(request.path), request.options.k)

    @Slot(int, float)
    def _on_progress(self, iteration: int, inertia: float) -> None:
        if self._closing:
            return
        self._running_iteration = (iteration, inertia)
        self._update_status()
        emit(self.compression_progress, iteration, inertia)

    @Slot(object)
    def _on_finished(self, outcome: Outcome | SweepOutcome | GoalOutcome | HeatOutcome) -> None:
        if self._closing:
            return
        request = self._finish_running()
        if request is None:
            return
        if not isinstance(outcome, Outcome):
            self._job_finished(outcome)
            self._start_next()
            return
        image = self._images.get(request.path)
        result = outcome.result
        if image is not None:
            image.result = result
            self._set_state(image, DONE)
        if request.save_to is not None:
            self._saving.finished(request, outcome)
        wanted = (request.path, request.options) == self._wanted
        if outcome.compressed is not None and wanted and request.path == self.current_path():
            if self._shown_original != request.path and outcome.original is not None:
                # A background job made current after it had loaded the image.
                self._pair.original.set_image(outcome.original)
                self._shown_original = request.path
            self._pair.compressed.set_image(outcome.compressed)
            self._pair.sync_from(self._pair.original)
            self._covered = None
            self._shown = (request.path, request.options)
            self._shown_result = result
            self._stats.show_result(result, image.file_format if image else "")
            self._palette.set_palette(result.palette, result.counts, result.transparent_index)
            colours = len(result.counts) - (result.transparent_index is not None)
            self._palette_box.setTitle(f"Palette: {colours} colours, areas by pixel share")
            self._views.result_shown(result)
            self._update_captions()
            self._update_actions()
            s = result.stats
            self.statusBar().showMessage(
                f"{shown_name(request.path)}: K = {s.k}, {human_bytes(s.output_bytes)} "
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
        if not isinstance(request, Request):
            self._job_failed(request, reason)
            self._start_next()
            return
        image = self._images.get(request.path)
        if request.save_to is not None:
            self._saving.finished(request, None, reason)
        if image is not None and request.reuse is None:
            image.error = reason
            self._set_state(image, ERROR, reason)
            self._background = deque(p for p in self._background if p != request.path)
            if request.path == self.current_path():
                self._wanted = None
                self._show_error(image)
        self.statusBar().showMessage(f"{shown_name(request.path)}: {reason}", 10000)
        self._start_next()

    @Slot()
    def _on_cancelled(self) -> None:
        if self._closing:
            return
        request = self._finish_running()
        if request is None:
            return
        if not isinstance(request, Request):
            if isinstance(request, GoalRequest):
                self._goal_line(f"{shown_name(request.path)}: stopped.")
                if self._cancel_reason_was == "user":
                    self._goals_stopped()
            if self._cancel_reason_was == "user":
                self.statusBar().showMessage("Cancelled.", 5000)
            self._start_next()
            self._finish_goals_if_done()
            return
        image = self._images.get(request.path)
        if image is not None and image.state == WORKING:
            self._set_state(image, DONE if image.result else WAITING)
        if request.save_to is not None:
            self._saving.finished(request, None, "cancelled")
        elif (
            self._cancel_reason_was != "user"
            and image is not None
            and image.result is None
            and request.path not in self._background
        ):
            self._background.append(request.path)
        if self._cancel_reason_was == "user":
            self.statusBar().showMessage("Cancelled.", 5000)
            if (
                self._covered is not None
                and self._covered[0] == request.path == self.current_path()
            ):
                # Take the quick preview of the cancelled K away: back to what it covered.
                covered = self._covered[1]
                self._pair.compressed.set_image(None if covered.isNull() else covered)
                self._pair.sync_from(self._pair.original)
                self._covered = None
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
        self._goals.clear()
        self._views.stop()
        self._wanted = self._shown
        if self._running is not None:
            self._cancel_reason = ""  # a user cancel overrides a superseding one
            self._cancel_running("user")
        self._saving.cancel(self._running)
        self._update_status()

    def shutdown(self) -> None:
        """Stop the worker and its thread, waiting for the running job to notice (idempotent)."""
        if self._closing:
            return
        self._closing = True
        self._pending = None
        self._saving.jobs.clear()
        self._background.clear()
        self._goals.clear()
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
        self._saving.save(
            self._shown_result, self.options().fmt, self._controls.keep_dates.isChecked()
        )

    @Slot()
    def save_all(self) -> None:
        """File ▸ Save All…: write every done image into a folder with the current settings."""
        done = [i for p in self._list.paths() if (i := self._images[p]).state == DONE and i.result]
        self._saving.save_all(done, self.options(), self._controls.keep_dates.isChecked())

    # ------------------------------------------------------------------------------------
    # Showing
    # ------------------------------------------------------------------------------------
    def _set_state(self, image: OpenedImage, state: str, detail: str = "") -> None:
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
        self._views.result_shown(None)
        self._update_captions()
        self._update_actions()

    def _show_error(self, image: OpenedImage) -> None:
        self._show_nothing(f"{shown_name(image.path)} cannot be opened:\n{image.error}")
        self._stats.clear(f"{shown_name(image.path)}: {image.error}")

    def _update_title(self) -> None:
        path = self.current_path()
        self.setWindowTitle(f"{shown_name(path)} — {APP_NAME}" if path else APP_NAME)
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
        if not isinstance(running, Request):
            self._job_label.setText(self._job_text(running))
        elif running.save_to is not None:
            what = self._saving.progress_text(running)
        else:
            what = f"{shown_name(running.path)}, K = {running.options.k}"
            if running.reuse is not None:
                what += ": decoding"
            elif not self._running_loaded:
                what += ": loading"
            elif self._running_iteration is None:
                what += ": analysing colours, seeding k-means"
            else:
                what += f": k-means iteration {self._running_iteration[0]}"
        if isinstance(running, Request):
            self._job_label.setText(what)

    def _job_text(self, job: SweepRequest | GoalRequest | HeatRequest) -> str:
        """What a comparison job is doing, for the status bar."""
        name = shown_name(job.path)
        if not self._running_loaded and not isinstance(job, HeatRequest):
            return f"{name}: loading"
        if isinstance(job, HeatRequest):
            return f"{name}, K = {job.options.k}: ΔE heat map"
        if isinstance(job, GoalRequest):
            return f"{name}: seeking {job.goal.describe()}"
        if job.quick:
            return f"{name}: K grid previews (K = {', '.join(map(str, job.quick))})"
        return f"{name}: K grid, measuring K = {', '.join(map(str, job.measure))} at full size"

    def _update_actions(self) -> None:
        has_result = self._shown_result is not None
        self.save_action.setEnabled(has_result)
        self._save_button.setEnabled(has_result)
        self.save_all_action.setEnabled(bool(self._images))
        self.export_palette_action.setEnabled(has_result)
        self._export_palette_button.setEnabled(has_result)

    # ------------------------------------------------------------------------------------
    # Comparison jobs: K sweep, heat map, goal seeking
    # ------------------------------------------------------------------------------------
    def _job_finished(self, outcome: SweepOutcome | GoalOutcome | HeatOutcome) -> None:
        if isinstance(outcome, HeatOutcome):
            if self._views.take_heat(outcome, self._shown_result):
                emit(self.heat_map_shown, str(outcome.request.path), outcome.request.options.k)
        elif isinstance(outcome, GoalOutcome):
            self._goal_found(outcome)

    def _job_failed(self, job: SweepRequest | GoalRequest | HeatRequest, reason: str) -> None:
        self.statusBar().showMessage(f"{shown_name(job.path)}: {reason}", 10000)
        if isinstance(job, GoalRequest):
            self._goal_line(f"{shown_name(job.path)}: {reason}")
            self._finish_goals_if_done()
        else:
            self._views.stop()  # not again and again: until something changes

    @Slot(object)
    def _on_sweep_cell(self, cell: SweepCell) -> None:
        if self._closing:
            return
        image = self._images.get(cell.path)
        if image is not None and cell.result is not None:
            image.remember(cell.result)
        if self._views.take_cell(cell):
            emit(self.sweep_cell_shown, cell.k, cell.measured)

    def goal_panel(self) -> GoalPanel:
        """The goal-seeking panel (made on first use)."""
        if self._goal_panel is None:
            panel = GoalPanel(self)
            panel.start_requested.connect(self.seek_goal)
            panel.stop_requested.connect(self.stop_goals)
            self._goal_panel = panel
        return self._goal_panel

    @Slot()
    def show_goal_panel(self) -> None:
        """Compress ▸ Find K for a Goal…"""
        panel = self.goal_panel()
        panel.show()
        panel.raise_()
        panel.activateWindow()

    @Slot(object, int, int, bool)
    def seek_goal(
        self, goal: Goal, k_min: int = 2, k_max: int = 256, every_image: bool = False
    ) -> int:
        """Find the K meeting `goal` for the image on screen, or for every image of the list.

        Each image gets its own K (shown when it is selected, used by Save All); when no K
        meets the goal, the nearest is kept and the panel says so. Returns how many searches
        were queued; ``goal_finished(path, k, met)`` follows for each, then ``goals_done``.
        """
        current = self.current_path()
        if every_image:
            paths = [p for p in self._list.paths() if self._images[p].state != ERROR]
        else:
            paths = (
                [current] if current is not None and self._images[current].state != ERROR else []
            )
        panel = self.goal_panel()
        if not paths:
            panel.add_line("No image to search: open one first.")
            return 0
        options = self.options()
        self._goals.extend(
            GoalRequest(-1, p, options, goal, k_min, k_max, keep=p == current) for p in paths
        )
        panel.set_running(True)
        panel.add_line(
            f"Seeking {goal.describe()} for {len(paths)} image(s), K between {k_min} and {k_max}…"
        )
        running = self._running
        if isinstance(running, (SweepRequest, HeatRequest)):
            self._cancel_running("superseded")
        self._start_next()
        return len(paths)

    @Slot()
    def stop_goals(self) -> None:
        """Stop goal seeking: the waiting searches and the running one."""
        self._goals.clear()
        if isinstance(self._running, GoalRequest):
            self._cancel_reason = ""
            self._cancel_running("user")
        else:
            self._goals_stopped()

    def _goals_stopped(self) -> None:
        self._goals.clear()
        if self._goal_panel is not None:
            self._goal_panel.set_running(False)
        emit(self.goals_done)

    def _goal_line(self, text: str) -> None:
        if self._goal_panel is not None:
            self._goal_panel.add_line(text)

    def _finish_goals_if_done(self) -> None:
        if self._goals or isinstance(self._running, GoalRequest):
            return
        if self._goal_panel is not None and not self._goal_panel.find_button.isEnabled():
            self._goal_panel.add_line("Done.")
            self._goals_stopped()

    @Slot(object)
    def _on_goal_step(self, step: GoalStep) -> None:
        if self._closing:
            return
        s = step.stats
        verdict = "meets it" if step.request.goal.met_by(s) else "does not"
        self._goal_line(
            f"  {shown_name(step.request.path)}: K = {step.k}: {human_bytes(s.output_bytes)}, "
            f"PSNR {s.psnr:.2f} dB, ΔE {s.mean_delta_e:.2f} — {verdict}"
        )
        self._job_label.setText(
            f"{shown_name(step.request.path)}: seeking {step.request.goal.describe()}, "
            f"tried K = {step.k}"
        )

    def _goal_found(self, outcome: GoalOutcome) -> None:
        request = outcome.request
        image = self._images.get(request.path)
        k = outcome.result.options.k
        if image is not None:
            for result in outcome.results.values():
                image.remember(result)
            image.chosen_k = k
            image.goal_record = {
                "goal": request.goal.describe(),
                "goal_met": outcome.met,
                "k_tried": sorted(outcome.results),
            }
            if request.path != self.current_path() or image.result is None:
                image.result = outcome.result
            s = outcome.result.stats
            met = "goal met" if outcome.met else "goal NOT met, nearest"
            self._set_state(image, DONE, f"K={k} ({met}) · {human_bytes(s.output_bytes)}")
        line = f"{shown_name(request.path)}: {outcome.message}."
        if outcome.result.stats.larger_than_input:
            line += " Its file is LARGER than the original: Save offers to keep the original."
        self._goal_line(line)
        if not outcome.met:
            self.statusBar().showMessage(f"{shown_name(request.path)}: {outcome.message}", 15000)
        if request.path == self.current_path():
            self.set_k(k)  # shown from the measured result: only its file is decoded
        emit(self.goal_finished, str(request.path), k, outcome.met)
        self._finish_goals_if_done()

    # ------------------------------------------------------------------------------------
    # Palette export
    # ------------------------------------------------------------------------------------
    @Slot()
    def export_palette(self) -> None:
        """File ▸ Export Palette…: the palette on screen as .gpl, .act, .json or .txt."""
        result = self._shown_result
        if result is None:
            self.statusBar().showMessage("No palette yet: wait for the compressed image.", 5000)
            return
        palette, counts = result.palette, result.counts
        if result.transparent_index is not None:  # colours only, not the transparent entry
            palette = np.delete(palette, result.transparent_index, axis=0)
            counts = np.delete(counts, result.transparent_index)
        folder = settings.SAVE_FOLDER.get()
        if not folder or not Path(folder).is_dir():
            folder = dialogs.pictures_folder()
        suggested = Path(folder) / f"{result.source.stem}_k{result.options.k}.gpl"
        chosen = dialogs.save_palette_file(self, str(suggested))
        if not chosen:
            return
        target = Path(chosen)
        if target.exists() and not dialogs.confirm_overwrite(self, target):
            return
        try:
            save_palette(target, palette, counts=counts)
        except (ImageSaveError, ValueError) as exc:
            logger.warning("exporting the palette to %s failed", target, exc_info=exc)
            dialogs.error(self, "Could Not Export", f"Could not export the palette:\n{exc}")
            return
        settings.SAVE_FOLDER.set(str(target.parent))
        self.statusBar().showMessage(
            f"Exported {len(palette)} colours to {shown_name(target)}.", 8000
        )

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
