"""The main window: it builds the widgets and shows results; the scheduler runs the jobs.

Actions and menus are built in :mod:`.actions`, opening in :mod:`.opening`, saving and palette
export in :mod:`.saving`, goal seeking in :mod:`.goal_seeking`; which job runs next is
:mod:`.scheduler`'s. The window never computes.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QThread, Signal, Slot, qVersion
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent, QImage
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QMainWindow,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..compress import Options, Result
from ..files import human_bytes, shown_name
from ..goals import Goal
from . import actions, dialogs, removing, window_settings
from .compare import CompareViews
from .controls import Controls
from .goal_seeking import GoalSeeking
from .goals_panel import GoalPanel
from .imagelist import DONE, ERROR, WAITING, WORKING, ImageList
from .job_context import Job, Loaded
from .job_status import JobStatus
from .jobs import GoalOutcome, GoalRequest, HeatOutcome, HeatRequest, SweepCell, SweepRequest
from .opened import OpenedImage
from .opening import Opening, absolute
from .palette import PaletteView
from .saving import Saving
from .scheduler import CancelReason, Scheduler
from .showing import Showing
from .signals import emit
from .stats import StatsPanel, ratio_text
from .views import ImagePair
from .worker import Outcome, QuickPreview, Request, Worker, preload_imports

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

    # Made by actions.create_actions and create_menus.
    open_action: QAction
    open_folder_action: QAction
    paste_action: QAction
    remove_action: QAction
    clear_list_action: QAction
    save_action: QAction
    save_all_action: QAction
    quit_action: QAction
    k_up_action: QAction
    k_down_action: QAction
    cancel_action: QAction
    fit_action: QAction
    actual_action: QAction
    zoom_in_action: QAction
    zoom_out_action: QAction
    export_palette_action: QAction
    goal_action: QAction
    about_action: QAction
    view_actions: list[QAction]
    backdrop_actions: dict[str, QAction]
    recent_menu: QMenu

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        self._images: dict[Path, OpenedImage] = {}

        preload_imports()  # here, not in the worker's first jobs: imports hold the GIL
        self._build_widgets()
        self._show = Showing(
            self, self._pair, self._stats, self._palette, self._palette_box, self._views,
            lambda: self._images.get(path) if (path := self.current_path()) else None,
        )  # fmt: skip
        self._scheduler = Scheduler(self._views_job, self._background_job, self)
        self._saving = Saving(
            self, self._images, self._scheduler,
            lambda folder: emit(self.save_all_finished, folder),
        )  # fmt: skip
        self._opening = Opening(self, self._add_images)
        self._goals = GoalSeeking(
            self, self._images, self._scheduler, self._set_state, self._status.label
        )
        self._goals.finished.connect(self.goal_finished)
        self._goals.done.connect(self.goals_done)
        self._removing = removing.Removing(
            self._list, self._images, self._scheduler, self._views, self._saving, self._goals,
            self._update_actions,
        )  # fmt: skip
        self._connect_scheduler()
        actions.create_actions(self)
        actions.create_menus(self, lambda: self._opening.fill_recent_menu(self.recent_menu))
        removing.attach(self._list, self.remove_action, self.clear_list_action)
        self._connect_buttons()
        window_settings.restore(self, self._controls, self._splitter, self._views)
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

        self._status = JobStatus(self.statusBar(), lambda job: self._saving.progress_text(job))

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
            "progressBar": (self._status.progress, "Progress"),
            "cancelButton": (self._status.cancel_button, "Cancel"),
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

    def _connect_buttons(self) -> None:
        self._export_palette_button.clicked.connect(self.export_palette)
        self._save_button.clicked.connect(self.save)
        self._save_button.setToolTip("Save the compressed image on screen (Ctrl+S)")
        self._status.cancel_button.clicked.connect(self.cancel)
        self._fit_button.clicked.connect(self._views.fit)
        self._actual_button.clicked.connect(self._views.actual_size)

    def _connect_scheduler(self) -> None:
        s = self._scheduler
        s.started.connect(self._on_started)
        s.idle.connect(self._update_status)
        s.loaded.connect(self._on_loaded)
        s.previewed.connect(self._on_previewed)
        s.progress.connect(self._on_progress)
        s.finished.connect(self._on_finished)
        s.failed.connect(self._on_failed)
        s.cancelled.connect(self._on_cancelled)
        s.sweep_cell.connect(self._on_sweep_cell)
        s.goal_step.connect(self._goals.on_step)

    # ------------------------------------------------------------------------------------
    # Public API
    # ------------------------------------------------------------------------------------
    def options(self) -> Options:
        """The options the controls show."""
        return self._controls.options()

    def set_k(self, k: int) -> None:
        """Choose K, as the slider or spin box would."""
        self._controls.set_k(k)

    def step_k(self, steps: int) -> None:
        """The next larger (1) or smaller (-1) K of the slider's steps, as + and - do."""
        self._controls.step_k(steps)

    def images(self) -> list[Path]:
        """The opened images, in list order."""
        return self._list.paths()

    def current_path(self) -> Path | None:
        """The image on screen."""
        return self._list.current_path()

    def state(self, path: str | os.PathLike[str]) -> tuple[str, str]:
        """(state, detail) of an opened image: waiting, working, done or error."""
        image = self._images[absolute(path)]
        return image.state, image.error

    def shown_result(self) -> Result | None:
        """The compression whose preview, figures and palette are on screen (without pixels)."""
        return self._show.result

    def compressed_image(self) -> QImage:
        """The compressed preview on screen (a null QImage when none)."""
        return self._pair.compressed.image()

    def is_idle(self) -> bool:
        """True when no job runs or waits."""
        return self._scheduler.is_idle()

    def views(self) -> CompareViews:
        """The view switcher and its views (side by side, split, difference, K grid, chart)."""
        return self._views

    def measured_results(self, path: str | os.PathLike[str]) -> dict[Options, Result]:
        """The full compressions of an image the sweep and goal seeking made, by options."""
        return dict(self._images[absolute(path)].measured)

    def chosen_k(self, path: str | os.PathLike[str]) -> int | None:
        """The K goal seeking chose for an image (Save All uses it), if any."""
        return self._images[absolute(path)].chosen_k

    @property
    def worker(self) -> Worker:
        """The worker (it lives in `worker_thread`; connect to its signals, call ``cancel``)."""
        return self._scheduler.worker

    @property
    def worker_thread(self) -> QThread:
        """The thread the worker runs in."""
        return self._scheduler.worker_thread

    def open_paths(
        self, paths: Iterable[str | os.PathLike[str]], *, remember: bool = True
    ) -> list[Path]:
        """Open image files and the images inside folders; refuse the rest with a message.

        Returns the images opened (already opened ones included), the first of which is
        shown. Reading and compressing them happens in the worker. With `remember`, the
        files go to Open Recent and their folder becomes the open dialogs' start (not so for
        the sample photo opened on a first start, nor for pasted images).
        """
        return self._opening.open(paths, [], remember)

    @Slot()
    def open_dialog(self) -> None:
        """File ▸ Open…"""
        self._opening.open_dialog()

    @Slot()
    def open_folder_dialog(self) -> None:
        """File ▸ Open Folder…"""
        self._opening.open_folder_dialog()

    @Slot()
    def paste(self) -> None:
        """Edit ▸ Paste Image: image files (URLs) or image data from the clipboard."""
        self._opening.paste()

    def _add_images(self, opened: list[Path]) -> None:
        """List the images not yet opened, queue them for compression, show the first."""
        for path in opened:
            if path not in self._images:
                self._images[path] = OpenedImage(path)
                self._list.add(path)
                self._scheduler.queue_background(path)
        if opened:
            self._list.set_current_path(opened[0])
        self._update_actions()
        self._scheduler.start_next()

    def remove_images(self, paths: Iterable[str | os.PathLike[str]]) -> int:
        """Take images out of the list (their running job is cancelled); returns how many."""
        return self._removing.remove(absolute(p) for p in paths)

    @Slot()
    def remove_current(self) -> None:
        """Edit ▸ Remove from List (Delete in the list, or its context menu)."""
        self._removing.remove_current()

    @Slot()
    def clear_list(self) -> None:
        """Edit ▸ Clear List."""
        self._removing.clear()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if Opening.accepts(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.dragEnterEvent(event)  # type: ignore[arg-type]

    def dropEvent(self, event: QDropEvent) -> None:
        self._opening.drop(event)

    # ------------------------------------------------------------------------------------
    # What to compute: the scheduler's jobs
    # ------------------------------------------------------------------------------------
    @Slot(object)
    def _on_current_changed(self, path: Path | None) -> None:
        if self._scheduler.closing:
            return
        self._update_title()
        self._update_actions()
        self._controls.set_image_size(None if path is None else self._images[path].size)
        if path is None:
            self._show_nothing(DROP_HINT)
            self._drop_preview()
            return
        image = self._images[path]
        if self._show.original != path:
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
        self._show.update_captions()
        self._request_preview()

    @Slot()
    def _on_views_changed(self) -> None:
        """Another view, or other K values in the grid: maybe another job is wanted now."""
        path, options = self.current_path(), self.options()
        self._scheduler.supersede_views_job(lambda j: self._views.still_wanted(j, path, options))
        self._scheduler.start_next()

    def _drop_preview(self) -> None:
        """Want no preview: forget the pending one, stop the running one."""
        self._show.wanted = None
        self._scheduler.drop_preview()

    def _request_preview(self) -> None:
        """Ask for the compressed preview of the current image with the current options.

        At most one request waits; a newer one replaces it, and the running preview is
        cancelled when it is not the wanted one. Results that are not wanted are not shown.
        """
        path = self.current_path()
        if path is None or self._scheduler.closing or self._images[path].state == ERROR:
            return
        options = self.options()
        self._show.wanted = (path, options)
        # The views ask for their job again when needed.
        self._scheduler.supersede_views_job(lambda j: self._views.still_wanted(j, path, options))
        if self._show.shown == self._show.wanted:
            self._scheduler.want_preview(None)
        else:
            reuse = self._images[path].reusable(options)
            self._scheduler.want_preview(Request(-1, path, options, keep=True, reuse=reuse))
        self._show.update_captions()

    def _views_job(self, before_preview: bool) -> SweepRequest | HeatRequest | None:
        """What the view shown needs for the image on screen (see CompareViews.wanted_job);
        `before_preview`: only the quick pass of a K sweep (no full-size K)."""
        path = self.current_path()
        if path is None or self._images[path].state == ERROR:
            return None
        shown = self._show.result if self._show.shown and self._show.shown[0] == path else None
        job = self._views.wanted_job(path, self.options(), shown)
        if not before_preview:
            return job
        if isinstance(job, SweepRequest) and job.quick:
            return dataclasses.replace(job, measure=())
        return None

    def _background_job(self, path: Path) -> Request | None:
        """Compress an opened image once, when nothing else waits (unless already done)."""
        image = self._images.get(path)
        if image is not None and image.state == WAITING:
            return Request(-1, path, self.options(), keep=False)
        return None

    # ------------------------------------------------------------------------------------
    # What comes back
    # ------------------------------------------------------------------------------------
    @Slot(object)
    def _on_started(self, job: Job) -> None:
        self._status.started()
        image = self._images.get(job.path)
        if (
            isinstance(job, Request)
            and image is not None
            and job.reuse is None
            and image.state != ERROR
        ):
            self._set_state(image, WORKING)
        self._update_status()

    @Slot(object)
    def _on_loaded(self, loaded: Loaded) -> None:
        path = loaded.request.path
        self._status.loaded()
        self._update_status()
        image = self._images.get(path)
        if image is None:
            return
        image.size = (loaded.width, loaded.height)
        image.file_format = loaded.format
        self._list.set_thumbnail(path, loaded.thumbnail)
        if path == self.current_path():
            self._controls.set_image_size(image.size)
        self._show.loaded(loaded)

    @Slot(object)
    def _on_previewed(self, preview: QuickPreview) -> None:
        if self._show.quick_preview(preview):
            emit(self.quick_preview_shown, str(preview.request.path), preview.request.options.k)

    @Slot(int, float)
    def _on_progress(self, iteration: int, inertia: float) -> None:
        self._status.iterated(iteration)
        self._update_status()
        emit(self.compression_progress, iteration, inertia)

    @Slot(object, object)
    def _on_finished(self, job: Job, outcome: object) -> None:
        if isinstance(outcome, HeatOutcome):
            if self._views.take_heat(outcome, self._show.result):
                emit(self.heat_map_shown, str(outcome.request.path), outcome.request.options.k)
        elif isinstance(outcome, GoalOutcome):
            self._goals.found(outcome)
        elif isinstance(outcome, Outcome):
            self._compression_finished(outcome)

    def _compression_finished(self, outcome: Outcome) -> None:
        request = outcome.request
        image = self._images.get(request.path)
        if image is not None:
            image.result = outcome.result
            self._set_state(image, DONE)
        if request.save_to is not None:
            self._saving.finished(request, outcome)
        if self._show.outcome(outcome):
            self._update_actions()
            emit(self.compression_finished, str(request.path), request.options.k)

    @Slot(object, str)
    def _on_failed(self, job: Job, reason: str) -> None:
        message = f"{shown_name(job.path)}: {reason}"
        if not isinstance(job, Request):
            self.statusBar().showMessage(message, 10000)
            if isinstance(job, GoalRequest):
                self._goals.failed(job, reason)
            else:
                self._views.stop()  # not again and again: until something changes
            return
        if job.save_to is not None:
            self._saving.finished(job, None, reason)
        image = self._images.get(job.path)
        if image is not None and job.reuse is None:
            image.error = reason
            self._set_state(image, ERROR, reason)
            self._scheduler.drop_background(job.path)
            if job.path == self.current_path():
                self._show.wanted = None
                self._show_error(image)
        self.statusBar().showMessage(message, 10000)

    @Slot(object, object)
    def _on_cancelled(self, job: Job, reason: CancelReason | None) -> None:
        by_user = reason is CancelReason.USER
        if not isinstance(job, Request):
            if isinstance(job, GoalRequest):
                self._goals.cancelled(job, reason)
            if by_user:
                self.statusBar().showMessage("Cancelled.", 5000)
            self._scheduler.start_next()
            self._goals.finish_if_done()
            return
        image = self._images.get(job.path)
        if image is not None and image.state == WORKING:
            self._set_state(image, DONE if image.result else WAITING)
        if job.save_to is not None:
            self._saving.finished(job, None, "cancelled")
        elif (
            not by_user
            and image is not None
            and image.result is None
            and not self._scheduler.in_background(job.path)
        ):
            self._scheduler.queue_background(job.path)
        if by_user:
            self.statusBar().showMessage("Cancelled.", 5000)
            self._show.cancelled(job.path)
        self._scheduler.start_next()
        emit(self.compression_cancelled, str(job.path))

    @Slot(object)
    def _on_sweep_cell(self, cell: SweepCell) -> None:
        image = self._images.get(cell.path)
        if image is not None and cell.result is not None:
            image.remember(cell.result)
        if self._views.take_cell(cell):
            emit(self.sweep_cell_shown, cell.k, cell.measured)

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
        self._show.nothing(message)
        self._update_actions()

    def _show_error(self, image: OpenedImage) -> None:
        self._show.error(image)
        self._update_actions()

    def _update_title(self) -> None:
        path = self.current_path()
        self.setWindowTitle(f"{shown_name(path)} — {APP_NAME}" if path else APP_NAME)
        self.setWindowFilePath(str(path) if path else "")

    @Slot()
    def _update_status(self) -> None:
        running = self._scheduler.running
        self._status.show(running)
        self.cancel_action.setEnabled(running is not None)
        if running is None:
            self._show.update_captions()

    def _update_actions(self) -> None:
        has_result = self._show.result is not None
        self.save_action.setEnabled(has_result)
        self._save_button.setEnabled(has_result)
        self.save_all_action.setEnabled(bool(self._images))
        self.remove_action.setEnabled(self.current_path() is not None)
        self.clear_list_action.setEnabled(bool(self._images))
        self.export_palette_action.setEnabled(has_result)
        self._export_palette_button.setEnabled(has_result)

    # ------------------------------------------------------------------------------------
    # Cancel and close
    # ------------------------------------------------------------------------------------
    @Slot()
    def cancel(self) -> None:
        """Stop the running job and forget the waiting ones (Esc, Cancel button)."""
        self._views.stop()
        self._show.wanted = self._show.shown
        self._scheduler.cancel()
        self._saving.cancel(self._scheduler.running)
        self._update_status()

    def shutdown(self) -> None:
        """Stop the worker and its thread, waiting for the running job to notice (idempotent)."""
        self._scheduler.shutdown()
        self._opening.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._scheduler.closing:
            window_settings.save(self, self._controls, self._splitter, self._views)
            self.hide()  # the window goes at once, even if a stage must still finish
            self.shutdown()
        event.accept()

    # ------------------------------------------------------------------------------------
    # Saving, goal seeking, help
    # ------------------------------------------------------------------------------------
    @Slot()
    def save(self) -> None:
        """File ▸ Save…: write the compressed image on screen."""
        self._saving.save(
            self._show.result, self.options().fmt, self._controls.keep_dates.isChecked()
        )

    @Slot()
    def save_all(self) -> None:
        """File ▸ Save All…: write every done image into a folder with the current settings."""
        done = [i for p in self._list.paths() if (i := self._images[p]).state == DONE and i.result]
        self._saving.save_all(done, self.options(), self._controls.keep_dates.isChecked())

    @Slot()
    def export_palette(self) -> None:
        """File ▸ Export Palette…: the palette on screen as .gpl, .act, .json or .txt."""
        self._saving.export_palette(self._show.result)

    def goal_panel(self) -> GoalPanel:
        """The goal-seeking panel (made on first use)."""
        return self._goals.panel()

    @Slot()
    def show_goal_panel(self) -> None:
        """Compress ▸ Find K for a Goal…"""
        self._goals.show_panel()

    def seek_goal(
        self, goal: Goal, k_min: int = 2, k_max: int = 256, every_image: bool = False
    ) -> int:
        """Find the K meeting `goal` for the image on screen, or for every image of the list.

        Each image gets its own K (shown when it is selected, used by Save All); when no K
        meets the goal, the nearest is kept and the panel says so. Returns how many searches
        were queued; ``goal_finished(path, k, met)`` follows for each, then ``goals_done``.
        """
        return self._goals.seek(goal, k_min, k_max, every_image)

    @Slot()
    def stop_goals(self) -> None:
        """Stop goal seeking: the waiting searches and the running one."""
        self._goals.stop()

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
