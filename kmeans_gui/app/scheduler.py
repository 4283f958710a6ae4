"""The scheduler: which job the worker does next, and the worker's thread.

It owns the :class:`~.worker.Worker`, its QThread, the job ids, the running job and why it
was cancelled, and the queues, in the order they go to the worker:

1. the preview the window wants (at most one; the quick K grid pass of the view shown first),
2. save jobs (Save), 3. goal searches, 4. the job the view shown needs (K sweep,
heat map), 5. the opened images not yet compressed, in list order.

It knows nothing of widgets: the window gives it two callables (what the view shown needs,
the background job for a path) and listens to its signals, all on the GUI thread. After
:meth:`shutdown` nothing more is sent or reported.
"""

from __future__ import annotations

import dataclasses
import sys
from collections import deque
from collections.abc import Callable, Collection, Iterable
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from .job_context import Job
from .jobs import GoalRequest, HeatRequest, SweepRequest
from .signals import emit
from .worker import Request, Worker


class CancelReason(Enum):
    """Why the running job was asked to stop."""

    USER = "user"  # Cancel, Esc, Stop: nothing of it is done again
    SUPERSEDED = "superseded"  # something else is wanted first; it may be sent again later
    REMOVED = "removed"  # its image left the list: nothing of it is done again


def _is_preview(job: Job | None) -> bool:
    """A compression for the screen (not a background, save or comparison job)."""
    return isinstance(job, Request) and job.keep and job.save_to is None


class Scheduler(QObject):
    """Sends one job at a time to the worker and reports what comes back.

    Parameters
    ----------
    views_job : callable(before_preview) -> job or None
        What the view shown needs next; with ``before_preview`` only its quick pass (a K
        sweep without full-size K), or None.
    background_job : callable(path) -> job or None
        The job for an image of the background queue, or None when it needs none any more.

    Signals (GUI thread): ``started(job)``; ``idle()`` when nothing is left to send;
    ``loaded``, ``previewed``, ``progress``, ``sweep_cell``, ``goal_step`` as the worker's;
    then exactly one of ``finished(job, outcome)``, ``failed(job, reason)`` or
    ``cancelled(job, reason)`` (a :class:`CancelReason`, or None when the worker stopped it
    on its own); the next job is sent after the handlers ran.
    """

    started = Signal(object)
    idle = Signal()
    loaded = Signal(object)
    previewed = Signal(object)
    progress = Signal(int, float)
    sweep_cell = Signal(object)
    goal_step = Signal(object)
    finished = Signal(object, object)
    failed = Signal(object, str)
    cancelled = Signal(object, object)
    _run_requested = Signal(object)

    def __init__(
        self,
        views_job: Callable[[bool], Job | None] = lambda before_preview: None,
        background_job: Callable[[Path], Job | None] = lambda path: None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._views_job = views_job
        self._background_job = background_job
        self._next_id = 0
        self._running: Job | None = None
        self._cancel_reason: CancelReason | None = None
        self._pending: Request | None = None
        self._saves: deque[Request] = deque()
        self._goals: deque[Job] = deque()  # goal searches, and other long tasks (#19)
        self._background: deque[Path] = deque()
        self._closing = False

        self._thread = QThread(self)
        self._thread.setObjectName("kmeans-worker")
        self._worker = Worker()
        self._worker.moveToThread(self._thread)
        self._thread.finished.connect(self._worker.deleteLater)
        self._run_requested.connect(self._worker.run)
        for name in ("loaded", "previewed", "sweep_cell", "goal_step"):
            getattr(self._worker, name).connect(getattr(self, f"_pass_{name}"))
        self._worker.progress.connect(self._pass_progress)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._worker.cancelled.connect(self._on_cancelled)
        self._thread.start()

    # -- state ----------------------------------------------------------------------------------
    @property
    def worker(self) -> Worker:
        """The worker (it lives in `worker_thread`)."""
        return self._worker

    @property
    def worker_thread(self) -> QThread:
        """The thread the worker runs in."""
        return self._thread

    @property
    def running(self) -> Job | None:
        """The job the worker is doing, if any."""
        return self._running

    @property
    def cancel_reason(self) -> CancelReason | None:
        """Why the running job was asked to stop (None: it was not)."""
        return self._cancel_reason

    @property
    def closing(self) -> bool:
        """True once :meth:`shutdown` began."""
        return self._closing

    def is_idle(self) -> bool:
        """True when no job runs or waits."""
        return self._running is None and not (
            self._pending or self._saves or self._background or self._goals
        )

    def seeking_goals(self) -> bool:
        """Whether a goal search runs or waits."""
        waiting = any(isinstance(job, GoalRequest) for job in self._goals)
        return waiting or isinstance(self._running, GoalRequest)

    def in_background(self, path: Path) -> bool:
        """Whether `path` waits in the background queue."""
        return path in self._background

    # -- queues ---------------------------------------------------------------------------------
    def want_preview(self, request: Request | None) -> None:
        """The compression the window wants on screen (None: the one shown is right).

        At most one waits; a newer one replaces it. A running preview of something else, a
        heat map or a full-size sweep is cancelled so that this one runs first (a background
        compression is queued again, first).
        """
        running = self._running
        if request is None:
            self._pending = None
            if _is_preview(running):
                self.cancel_running(CancelReason.SUPERSEDED)
            return
        if (
            isinstance(running, Request)
            and running.save_to is None
            and (running.path, running.options) == (request.path, request.options)
            and self._cancel_reason is None
        ):
            self._pending = None  # the running job is the one wanted
            return
        self._pending = request
        if running is None:
            self.start_next()
        elif isinstance(running, HeatRequest) or (
            isinstance(running, SweepRequest) and running.measure
        ):
            self.cancel_running(CancelReason.SUPERSEDED)  # the preview first; the views' resumes
        elif (
            isinstance(running, Request) and running.save_to is None and self._cancel_reason is None
        ):
            if not running.keep:  # a background job: do it again later
                self._background.appendleft(running.path)
            self.cancel_running(CancelReason.SUPERSEDED)

    def drop_preview(self) -> None:
        """Want no preview: forget the waiting one, stop a running one and the views' job."""
        self._pending = None
        running = self._running
        if isinstance(running, (SweepRequest, HeatRequest)) or _is_preview(running):
            self.cancel_running(CancelReason.SUPERSEDED)

    def supersede_views_job(
        self, still_wanted: Callable[[SweepRequest | HeatRequest], bool]
    ) -> None:
        """Cancel a running sweep or heat map that `still_wanted` says the views no longer need."""
        running = self._running
        if isinstance(running, (SweepRequest, HeatRequest)) and not still_wanted(running):
            self.cancel_running(CancelReason.SUPERSEDED)

    def queue_saves(self, requests: Iterable[Request]) -> None:
        """Save jobs (File ▸ Save…), after the preview and before anything else."""
        self._saves.extend(requests)
        self.start_next()

    def queue_goals(self, requests: Iterable[GoalRequest]) -> None:
        """Goal searches, in order; a running sweep or heat map makes way for them."""
        self._goals.extend(requests)
        if isinstance(self._running, (SweepRequest, HeatRequest)):
            self.cancel_running(CancelReason.SUPERSEDED)
        self.start_next()

    def queue_task(self, job: Job) -> None:
        """A long task the user asked for (a shared palette): run as goal searches are."""
        self.queue_goals([job])  # type: ignore[list-item]

    def stop_goals(self) -> bool:
        """Forget the waiting goal searches and stop the running one (True if one ran)."""
        self._goals.clear()
        if isinstance(self._running, GoalRequest):
            self.cancel_running(CancelReason.USER)
            return True
        return False

    def queue_background(self, path: Path) -> None:
        """An image to compress once, when nothing else waits."""
        self._background.append(path)

    def drop_background(self, path: Path) -> None:
        """No background compression for `path` (it cannot be read)."""
        self._background = deque(p for p in self._background if p != path)

    def forget(self, paths: Collection[Path]) -> None:
        """Images that left the list: drop their waiting jobs and stop their running one."""
        gone = set(paths)
        if self._pending is not None and self._pending.path in gone:
            self._pending = None
        self._saves = deque(job for job in self._saves if job.path not in gone)
        self._goals = deque(job for job in self._goals if job.path not in gone)
        self._background = deque(path for path in self._background if path not in gone)
        if self._running is not None and self._running.path in gone:
            self.cancel_running(CancelReason.REMOVED)

    # -- running --------------------------------------------------------------------------------
    def cancel_running(self, reason: CancelReason) -> None:
        """Ask the running job to stop; a user's cancel overrides a superseding one."""
        if self._running is None:
            return
        if self._cancel_reason is None or reason is not CancelReason.SUPERSEDED:
            self._cancel_reason = reason
            self._worker.cancel(self._running.id)

    def cancel(self) -> None:
        """Stop the running job and forget every waiting one (Cancel, Esc)."""
        self._pending = None
        self._saves.clear()
        self._goals.clear()
        self._background.clear()
        self.cancel_running(CancelReason.USER)

    def start_next(self) -> None:
        """Send the next job to the worker when it is free (see the module's order)."""
        if self._running is not None or self._closing:
            return
        job: Job | None = None
        if self._pending is not None:
            # The K grid's quick previews (about a second, even at 12 MP) before a full-size
            # compression, when the grid or the chart is on screen.
            job = self._views_job(True)
            if job is None:
                job, self._pending = self._pending, None
        elif self._saves:
            job = self._saves.popleft()
        elif self._goals:
            job = self._goals.popleft()
        elif (views := self._views_job(False)) is not None:
            job = views
        else:
            while self._background and job is None:
                job = self._background_job(self._background.popleft())
        if job is None:
            emit(self.idle)
            return
        self._next_id += 1
        job = dataclasses.replace(job, id=self._next_id)  # type: ignore[type-var]
        self._running = job
        self._cancel_reason = None
        emit(self.started, job)
        emit(self._run_requested, job)

    def shutdown(self) -> None:
        """Stop the worker and its thread, waiting for the running job to notice (idempotent)."""
        if self._closing:
            return
        self._closing = True
        self._pending = None
        self._saves.clear()
        self._background.clear()
        self._goals.clear()
        self._worker.cancel(sys.maxsize)
        self._thread.quit()
        self._thread.wait()

    def _finish_running(self) -> tuple[Job | None, CancelReason | None]:
        job, self._running = self._running, None
        reason, self._cancel_reason = self._cancel_reason, None
        return job, reason

    # -- the worker's signals -------------------------------------------------------------------
    @Slot(object)
    def _on_finished(self, outcome: object) -> None:
        if self._closing:
            return
        job, _ = self._finish_running()
        if job is not None:
            emit(self.finished, job, outcome)
            self.start_next()

    @Slot(str)
    def _on_failed(self, reason: str) -> None:
        if self._closing:
            return
        job, _ = self._finish_running()
        if job is not None:
            emit(self.failed, job, reason)
            self.start_next()

    @Slot()
    def _on_cancelled(self) -> None:
        if self._closing:
            return
        job, reason = self._finish_running()
        if job is not None:
            emit(self.cancelled, job, reason)
            self.start_next()

    @Slot(object)
    def _pass_loaded(self, loaded: object) -> None:
        if not self._closing:
            emit(self.loaded, loaded)

    @Slot(object)
    def _pass_previewed(self, preview: object) -> None:
        if not self._closing:
            emit(self.previewed, preview)

    @Slot(object)
    def _pass_sweep_cell(self, cell: object) -> None:
        if not self._closing:
            emit(self.sweep_cell, cell)

    @Slot(object)
    def _pass_goal_step(self, step: object) -> None:
        if not self._closing:
            emit(self.goal_step, step)

    @Slot(int, float)
    def _pass_progress(self, iteration: int, inertia: float) -> None:
        if not self._closing:
            emit(self.progress, iteration, inertia)
