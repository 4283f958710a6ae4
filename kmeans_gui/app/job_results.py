"""What comes back from the scheduler's jobs, and where it goes: image states in the list,
previews and figures on screen, the views, goal seeking, saving and the window's signals."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from ..files import shown_name
from .goal_seeking import GoalSeeking
from .i18n import translate
from .imagelist import DONE, ERROR, WAITING, WORKING
from .job_context import Job, Loaded
from .jobs import GoalOutcome, GoalRequest, HeatOutcome, SweepCell
from .opened import OpenedImage
from .saving import Saving
from .scheduler import CancelReason, Scheduler
from .showing import Showing
from .signals import emit
from .window_ui import WindowUi
from .worker import Outcome, QuickPreview, Request

if TYPE_CHECKING:
    from .window import MainWindow


class JobResults(QObject):
    """Listens to `scheduler` for `window` and emits the window's signals (see MainWindow).

    `set_state(image, state, detail)` shows an image's state in the list.
    """

    def __init__(
        self,
        window: MainWindow,
        ui: WindowUi,
        images: Mapping[Path, OpenedImage],
        scheduler: Scheduler,
        show: Showing,
        saving: Saving,
        goals: GoalSeeking,
        set_state: Callable[..., None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._ui = ui
        self._images = images
        self._scheduler = scheduler
        self._show = show
        self._saving = saving
        self._goals = goals
        self._set_state = set_state
        s = scheduler
        s.started.connect(self._on_started)
        s.idle.connect(window.update_status)
        s.loaded.connect(self._on_loaded)
        s.previewed.connect(self._on_previewed)
        s.progress.connect(self._on_progress)
        s.finished.connect(self._on_finished)
        s.failed.connect(self._on_failed)
        s.cancelled.connect(self._on_cancelled)
        s.sweep_cell.connect(self._on_sweep_cell)
        s.goal_step.connect(goals.on_step)

    def _say(self, message: str, milliseconds: int) -> None:
        self._window.statusBar().showMessage(message, milliseconds)

    @Slot(object)
    def _on_started(self, job: Job) -> None:
        self._ui.status.started()
        image = self._images.get(job.path)
        if (
            isinstance(job, Request)
            and image is not None
            and job.reuse is None
            and image.state != ERROR
        ):
            self._set_state(image, WORKING)
        self._window.update_status()

    @Slot(object)
    def _on_loaded(self, loaded: Loaded) -> None:
        path = loaded.request.path
        self._ui.status.loaded()
        self._window.update_status()
        image = self._images.get(path)
        if image is None:
            return
        image.size = (loaded.width, loaded.height)
        image.file_format = loaded.format
        self._ui.image_list.set_thumbnail(path, loaded.thumbnail)
        if path == self._window.current_path():
            self._ui.controls.set_image_size(image.size)
        self._show.loaded(loaded)

    @Slot(object)
    def _on_previewed(self, preview: QuickPreview) -> None:
        if self._show.quick_preview(preview):
            request = preview.request
            emit(self._window.quick_preview_shown, str(request.path), request.options.k)

    @Slot(int, float)
    def _on_progress(self, iteration: int, inertia: float) -> None:
        self._ui.status.iterated(iteration)
        self._window.update_status()
        emit(self._window.compression_progress, iteration, inertia)

    @Slot(object, object)
    def _on_finished(self, job: Job, outcome: object) -> None:
        if isinstance(outcome, HeatOutcome):
            if self._ui.views.take_heat(outcome, self._show.result):
                request = outcome.request
                emit(self._window.heat_map_shown, str(request.path), request.options.k)
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
            self._window.update_actions()
            emit(self._window.compression_finished, str(request.path), request.options.k)

    @Slot(object, str)
    def _on_failed(self, job: Job, reason: str) -> None:
        message = f"{shown_name(job.path)}: {reason}"
        if not isinstance(job, Request):
            self._say(message, 10000)
            if isinstance(job, GoalRequest):
                self._goals.failed(job, reason)
            else:
                self._ui.views.stop()  # not again and again: until something changes
            return
        if job.save_to is not None:
            self._saving.finished(job, None, reason)
        image = self._images.get(job.path)
        if image is not None and job.reuse is None:
            image.error = reason
            self._set_state(image, ERROR, reason)
            self._scheduler.drop_background(job.path)
            if job.path == self._window.current_path():
                self._show.wanted = None
                self._show.error(image)
                self._window.update_actions()
        self._say(message, 10000)

    @Slot(object, object)
    def _on_cancelled(self, job: Job, reason: CancelReason | None) -> None:
        by_user = reason is CancelReason.USER
        if not isinstance(job, Request):
            if isinstance(job, GoalRequest):
                self._goals.cancelled(job, reason)
            if by_user:
                self._say(translate("Window", "Cancelled."), 5000)
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
            self._say(translate("Window", "Cancelled."), 5000)
            self._show.cancelled(job.path)
        self._scheduler.start_next()
        emit(self._window.compression_cancelled, str(job.path))

    @Slot(object)
    def _on_sweep_cell(self, cell: SweepCell) -> None:
        image = self._images.get(cell.path)
        if image is not None and cell.result is not None:
            image.remember(cell.result)
        if self._ui.views.take_cell(cell):
            emit(self._window.sweep_cell_shown, cell.k, cell.measured)
