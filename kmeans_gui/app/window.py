"""The main window: it puts its parts together, follows the image on screen and the options,
and offers the API the tests and the self-test drive.

Widgets are made in :mod:`.window_ui`, actions and menus in :mod:`.actions`; opening is
:mod:`.opening`'s, saving and palette export :mod:`.saving`'s, goal seeking
:mod:`.goal_seeking`'s. What to compute is asked by :mod:`.wanted_jobs`, which job runs next
is :mod:`.scheduler`'s, and what comes back goes where :mod:`.job_results` says. The window
never computes.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QThread, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent, QImage
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from ..compress import Options, Result
from ..files import shown_name
from ..goals import Goal
from . import actions, dialogs, removing, window_settings
from .compare import CompareViews
from .goal_seeking import GoalSeeking
from .goals_panel import GoalPanel
from .i18n import size_text, translate
from .imagelist import DONE, ERROR
from .job_results import JobResults
from .opened import OpenedImage
from .opening import Opening, absolute
from .palette_edit import PaletteChoice, PaletteEditor
from .save_all import SaveAll
from .saving import Saving
from .scheduler import Scheduler
from .shared_job import SharedPalettes
from .showing import Showing
from .stats import ratio_text
from .wanted_jobs import WantedJobs
from .window_ui import DROP_HINT, WindowUi
from .worker import Worker, preload_imports

APP_NAME = "kmeans-gui"


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
        ui = self._ui = WindowUi(self, lambda job: self._saving.progress_text(job))
        self._show = Showing(
            self, ui.pair, ui.stats, ui.palette, ui.palette_box, ui.views,
            lambda: self._images.get(path) if (path := self.current_path()) else None,
        )  # fmt: skip
        self._edits = ui.palette_panel.editor
        self._edits.attach(self._show.on_screen, ui.controls.options)
        self._wanted = WantedJobs(
            self._images,
            ui.views,
            self._show,
            lambda: (self.current_path(), self.options()),
            self.options_for,
        )
        self._scheduler = Scheduler(self._wanted.views_job, self._wanted.background_job, self)
        self._wanted.attach(self._scheduler)
        self._saving = Saving(self, self._scheduler)
        self._save_all = SaveAll(self, self._images, ui.image_list)
        self._save_all.finished.connect(self.save_all_finished)
        self._save_all.running_changed.connect(self.update_status)
        self._opening = Opening(self, self._add_images)
        self._goals = GoalSeeking(
            self, self._images, self._scheduler, self._set_state, ui.status.label
        )
        self._goals.finished.connect(self.goal_finished)
        self._goals.done.connect(self.goals_done)
        JobResults(
            self, ui, self._images, self._scheduler, self._show, self._saving, self._goals,
            self._set_state,
        )  # fmt: skip
        self._removing = removing.Removing(
            ui.image_list, self._images, self._scheduler, ui.views, self._goals, self.update_actions
        )
        removing.create_actions(self, self._removing, ui.image_list)
        actions.create_actions(self)
        actions.create_menus(self, lambda: self._opening.fill_recent_menu(self.recent_menu))
        ui.palette_panel.add_menus(self.menuBar())
        self._edits.edited.connect(self._on_palette_edited)
        self.shared_palettes = SharedPalettes(
            self, self._scheduler, self._edits, self._images, ui.image_list.selected_paths,
            self.options_for, ui.controls.options, lambda t: self.statusBar().showMessage(t, 8000),
        )  # fmt: skip
        ui.palette_panel.shared_action.triggered.connect(self.shared_palettes.start)
        self._edits.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        ui.export_palette_button.clicked.connect(self.export_palette)
        ui.save_button.clicked.connect(self.save)
        ui.status.cancel_button.clicked.connect(self.cancel)
        ui.fit_button.clicked.connect(ui.views.fit)
        ui.actual_button.clicked.connect(ui.views.actual_size)
        window_settings.restore(self, ui.controls, ui.splitter, ui.views)
        ui.controls.options_changed.connect(self._on_options_changed)
        ui.image_list.current_path_changed.connect(self._on_current_changed)
        ui.views.k_clicked.connect(self.set_k)
        ui.views.wanted_changed.connect(self._wanted.views_changed)
        ui.palette.copied.connect(
            lambda text: self.statusBar().showMessage(
                translate("Window", "Copied {text} to the clipboard.").format(text=text), 5000
            )
        )
        ui.views.set_current_k(self.options().k)
        self.update_actions()

    # ------------------------------------------------------------------------------------
    # Public API
    # ------------------------------------------------------------------------------------
    def options(self) -> Options:
        """The options of the image on screen: the controls', with its palette edits."""
        return self.options_for(self.current_path())

    def options_for(self, path: Path | None) -> Options:
        """The options an image is compressed with: the controls', with its palette edits."""
        return self._edits.options_for(path, self._ui.controls.options())

    def palette_editor(self) -> PaletteEditor:
        """The palette edits (lock, delete, merge...) and their undo stacks."""
        return self._edits

    def set_k(self, k: int) -> None:
        """Choose K, as the slider or spin box would."""
        self._ui.controls.set_k(k)

    def step_k(self, steps: int) -> None:
        """The next larger (1) or smaller (-1) K of the slider's steps, as + and - do."""
        self._ui.controls.step_k(steps)

    def images(self) -> list[Path]:
        """The opened images, in list order."""
        return self._ui.image_list.paths()

    def current_path(self) -> Path | None:
        """The image on screen."""
        return self._ui.image_list.current_path()

    def state(self, path: str | os.PathLike[str]) -> tuple[str, str]:
        """(state, detail) of an opened image: waiting, working, done or error."""
        image = self._images[absolute(path)]
        return image.state, image.error

    def shown_result(self) -> Result | None:
        """The compression whose preview, figures and palette are on screen (without pixels)."""
        return self._show.result

    def compressed_image(self) -> QImage:
        """The compressed preview on screen (a null QImage when none)."""
        return self._ui.pair.compressed.image()

    def is_idle(self) -> bool:
        """True when no job runs or waits (Save All included)."""
        return self._scheduler.is_idle() and not self._save_all.running()

    def views(self) -> CompareViews:
        """The view switcher and its views (side by side, split, difference, K grid, chart)."""
        return self._ui.views

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
                self._ui.image_list.add(path)
                self._scheduler.queue_background(path)
        if opened:
            self._ui.image_list.set_current_path(opened[0])
        self.update_actions()
        self._scheduler.start_next()

    def remove_images(self, paths: Iterable[str | os.PathLike[str]]) -> int:
        """Take images out of the list (their running job is cancelled); returns how many."""
        return self._removing.remove(absolute(p) for p in paths)

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
    # Following the image on screen and the options
    # ------------------------------------------------------------------------------------
    @Slot(object)
    def _on_current_changed(self, path: Path | None) -> None:
        if self._scheduler.closing:
            return
        self._update_title()
        self.update_actions()
        self._ui.controls.set_image_size(None if path is None else self._images[path].size)
        self._edits.set_current(path)
        if path is None:
            self._show_nothing(translate("Window", DROP_HINT))
            self._wanted.drop_preview()
            return
        image = self._images[path]
        if self._show.original != path:
            self._show_nothing(translate("Window", "Loading…"))
        if image.state == ERROR:
            self._wanted.drop_preview()
            self._show_error(image)
            return
        if image.chosen_k is not None and image.chosen_k != self.options().k:
            self.set_k(image.chosen_k)  # this image's own K, from goal seeking
        self._wanted.request_preview()

    @Slot(object, object)
    def _on_palette_edited(self, path: Path, choice: PaletteChoice) -> None:
        """An edit, undo or redo of a palette: its K on the controls, then the new result."""
        if path == self.current_path():
            self._ui.controls.blockSignals(True)
            self._ui.controls.set_k(choice.k)
            self._ui.controls.blockSignals(False)
            self._on_options_changed()

    @Slot()
    def _on_options_changed(self) -> None:
        path = self.current_path()
        self._edits.k_changed(path, self._ui.controls.k())
        k = self.options().k
        image = self._images.get(path) if path is not None else None
        if image is not None and image.chosen_k is not None:
            image.chosen_k = k  # the user's choice for this image now
        self._ui.views.set_current_k(k)
        self._show.update_captions()
        self._wanted.request_preview()

    # ------------------------------------------------------------------------------------
    # Showing
    # ------------------------------------------------------------------------------------
    def _set_state(self, image: OpenedImage, state: str, detail: str = "") -> None:
        image.state = state
        if state == DONE and image.result is not None and not detail:
            s = image.result.stats
            detail = f"K={s.k} · {size_text(s.output_bytes)} · {ratio_text(s.ratio_to_input, 1)}"
        self._ui.image_list.set_state(image.path, state, detail)

    def _show_nothing(self, message: str) -> None:
        self._show.nothing(message)
        self.update_actions()

    def _show_error(self, image: OpenedImage) -> None:
        self._show.error(image)
        self.update_actions()

    def _update_title(self) -> None:
        path = self.current_path()
        self.setWindowTitle(f"{shown_name(path)} — {APP_NAME}" if path else APP_NAME)
        self.setWindowFilePath(str(path) if path else "")

    @Slot()
    def update_status(self) -> None:
        """Keep the status bar and Cancel true to the running job."""
        running = self._scheduler.running
        self._ui.status.show(running)
        self.cancel_action.setEnabled(running is not None or self._save_all.running())
        if running is None:
            self._show.update_captions()

    def update_actions(self) -> None:
        """Enable what needs a result on screen (Save, Export Palette), an image on screen
        (Remove from List) or any image (Save All, Clear List)."""
        has_result = self._show.result is not None
        self.save_action.setEnabled(has_result)
        self.save_all_action.setEnabled(bool(self._images))
        self.remove_action.setEnabled(self.current_path() is not None)
        self.clear_list_action.setEnabled(bool(self._images))
        self.export_palette_action.setEnabled(has_result)
        self._ui.set_has_result(has_result)

    # ------------------------------------------------------------------------------------
    # Cancel and close
    # ------------------------------------------------------------------------------------
    @Slot()
    def cancel(self) -> None:
        """Stop the running job and forget the waiting ones (Esc, Cancel button)."""
        self._ui.views.stop()
        self._show.wanted = self._show.shown
        self._scheduler.cancel()
        self._save_all.cancel()
        self.update_status()

    def shutdown(self) -> None:
        """Stop the worker and its thread, waiting for the running job to notice (idempotent)."""
        self._save_all.shutdown()
        self._scheduler.shutdown()
        self._opening.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._scheduler.closing:
            window_settings.save(self, self._ui.controls, self._ui.splitter, self._ui.views)
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
            self._show.result, self.options().fmt, self._ui.controls.keep_dates.isChecked()
        )

    @Slot()
    def save_all(self) -> None:
        """File ▸ Save All…: write every done image into a folder with the current settings."""
        done = [i for p in self.images() if (i := self._images[p]).state == DONE and i.result]
        self._save_all.start(
            done, self._ui.controls.options(), self._ui.controls.keep_dates.isChecked(),
            self._edits.options_for,
        )  # fmt: skip

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
        dialogs.about_app(self, APP_NAME)
