"""What the window asks the scheduler to compute: the preview of the image on screen with the
current options, the job of the view shown (K sweep, heat map), the background compressions."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from pathlib import Path

from ..compress import Options
from .compare import CompareViews
from .imagelist import ERROR, WAITING
from .jobs import HeatRequest, SweepRequest
from .opened import OpenedImage
from .scheduler import Scheduler
from .showing import Showing
from .worker import Request


class WantedJobs:
    """Keeps the scheduler's wishes true to the image on screen and the options.

    `current()` is the image on screen (path, options) or None, `options_for(path)` the options
    of any image (the controls', with its palette edits); :meth:`views_job` and
    :meth:`background_job` are the scheduler's two questions (see :class:`.Scheduler`), so it
    is given to this object once made (:meth:`attach`).
    """

    def __init__(
        self,
        images: Mapping[Path, OpenedImage],
        views: CompareViews,
        show: Showing,
        current: Callable[[], tuple[Path | None, Options]],
        options_for: Callable[[Path], Options],
    ) -> None:
        self._images = images
        self._views = views
        self._show = show
        self._current = current
        self._options_for = options_for
        self._scheduler: Scheduler | None = None

    def attach(self, scheduler: Scheduler) -> None:
        """The scheduler to ask (it asks this object back through views_job, background_job)."""
        self._scheduler = scheduler

    @property
    def scheduler(self) -> Scheduler:
        assert self._scheduler is not None, "attach() the scheduler first"
        return self._scheduler

    def views_changed(self) -> None:
        """Another view, or other K values in the grid: maybe another job is wanted now."""
        path, options = self._current()
        self.scheduler.supersede_views_job(lambda j: self._views.still_wanted(j, path, options))
        self.scheduler.start_next()

    def drop_preview(self) -> None:
        """Want no preview: forget the pending one, stop the running one."""
        self._show.wanted = None
        self.scheduler.drop_preview()

    def request_preview(self) -> None:
        """Ask for the compressed preview of the current image with the current options.

        At most one request waits; a newer one replaces it, and the running preview is
        cancelled when it is not the wanted one. Results that are not wanted are not shown.
        """
        path, options = self._current()
        if path is None or self.scheduler.closing or self._images[path].state == ERROR:
            return
        self._show.wanted = (path, options)
        # The views ask for their job again when needed.
        self.scheduler.supersede_views_job(lambda j: self._views.still_wanted(j, path, options))
        if self._show.shown == self._show.wanted:
            self.scheduler.want_preview(None)
        else:
            reuse = self._images[path].reusable(options)
            self.scheduler.want_preview(Request(-1, path, options, keep=True, reuse=reuse))
        self._show.update_captions()

    def views_job(self, before_preview: bool) -> SweepRequest | HeatRequest | None:
        """What the view shown needs for the image on screen (see CompareViews.wanted_job);
        `before_preview`: only the quick pass of a K sweep (no full-size K)."""
        path, options = self._current()
        if path is None or self._images[path].state == ERROR:
            return None
        shown = self._show.result if self._show.shown and self._show.shown[0] == path else None
        job = self._views.wanted_job(path, options, shown)
        if not before_preview:
            return job
        if isinstance(job, SweepRequest) and job.quick:
            return dataclasses.replace(job, measure=())
        return None

    def background_job(self, path: Path) -> Request | None:
        """Compress an opened image once, when nothing else waits (unless already done)."""
        image = self._images.get(path)
        if image is not None and image.state == WAITING:
            return Request(-1, path, self._options_for(path), keep=False)
        return None
