"""The worker that loads, analyses, compresses and saves images in its own QThread.

The scheduler sends one job at a time (``run``) and waits for exactly one of
``finished(outcome)``, ``failed(str)`` or ``cancelled()`` before sending the next; ``loaded``
and ``progress`` may come before. Every job runs as ``job.run(context, report)``
(:mod:`.job_context`): a :class:`Request` (compress, optionally save), or one of the comparison
jobs of :mod:`.jobs` (a K sweep, which also sends ``sweep_cell`` per K; goal seeking, which
sends ``goal_step`` per K tried; a ΔE heat map). Only QImages and plain data cross back to the
GUI thread.
"""

from __future__ import annotations

import importlib
import logging
import threading
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QImage

from .. import engine, imaging, logs, sweep  # noqa: F401 - logs: no records until a log is set up
from ..compress import (
    Options,
    Result,
    encode_and_measure,
    quantize_image,
    save,
    with_effort,
    without_pixels,
)
from ..files import ImageLoadError, ImageSaveError
from ..imaging import LoadedImage
from ..palette_costs import quick_palette, result_costs
from .file_pixels import read_back
from .job_context import CachedImage, ImageCache, Job, JobContext, Loaded, Report
from .jobs import preview_image
from .signals import emit

__all__ = ["Loaded", "Outcome", "QuickPreview", "Request", "Worker", "preload_imports"]

logger = logging.getLogger(__name__)

QUICK_PREVIEW_PIXELS = 2_000_000
"""From this many pixels a compression for the screen first sends a :class:`QuickPreview`:
below it, the full result comes about as fast."""


def preload_imports() -> None:
    """Import now, in the calling (GUI) thread, what the worker's first jobs would import.

    An import holds Python's GIL while a C extension sets itself up, stalling the window if
    the worker does it mid-job: Pillow's codecs (``imaging.preload``, ~60 ms), and
    numpy.random, which NumPy imports on first use (the engine's k-means seeding) with
    OpenSSL's hashlib and several C extensions of 10-20 ms each, 60-90 ms in all here.
    """
    imaging.preload()
    importlib.import_module("numpy.random")


@dataclass(frozen=True)
class Request:
    """One job for the worker.

    Attributes
    ----------
    id : int
        Increasing with every request; ``Worker.cancel(id)`` stops every job up to it.
    path : Path
        The image file.
    options : Options
        How to compress it.
    keep : bool
        Keep the decoded image and its analysis in the worker's cache (for the image on
        screen, whose K changes often).
    reuse : Result, optional
        A result already computed with these options: its file is decoded instead of
        compressing again.
    save_to : Path, optional
        Also write the result there; ``overwrite`` says whether an existing file may go.
    keep_dates : bool
        The saved file gets the original file's modification time.
    """

    id: int
    path: Path
    options: Options
    keep: bool = True
    reuse: Result | None = None
    save_to: Path | None = None
    overwrite: bool = False
    keep_dates: bool = False

    def run(self, context: JobContext, report: Report) -> Outcome:
        """Compress (or decode the result to reuse), then save when asked."""
        return _compress_job(self, context, report)


@dataclass(frozen=True)
class QuickPreview:
    """A first look at a compression while it runs: a quick palette (``engine.find_palette``
    with ``refine=False`` on the image's analysis) mapped onto the downscaled preview.

    ``image`` is in display format; each of its pixels stands for ``scale`` x ``scale``
    pixels of the image.
    """

    request: Request
    image: QImage
    scale: int


@dataclass(frozen=True)
class Outcome:
    """A finished job.

    ``result`` has no pixels (``decoded`` is empty): the window keeps the results of many
    images, and their pixels only as ``compressed``, for the one on screen. ``compressed`` and
    ``original`` (display format, as in :class:`Loaded`) are None for a job that only saved
    an earlier result. ``save_error`` is the reason a requested save failed, in plain words.
    """

    request: Request
    result: Result
    compressed: QImage | None
    original: QImage | None = None
    saved_to: Path | None = None
    save_error: str | None = None
    # (MSE rise, ΔE rise) of removing each palette entry, for the palette panel, or None.
    costs: tuple[np.ndarray, np.ndarray] | None = None


class Worker(QObject):
    """Does the jobs the window sends, one at a time, in the thread it was moved to.

    Every job runs the same way: ``job.run(context, report)`` (see :mod:`.job_context`). The
    worker caches the decoded image and its ``engine.Analysis`` for the last `cache_size`
    images (by path, modification time and size), so that a new K costs only the k-means, the
    encoding and the measuring.
    """

    loaded = Signal(object)
    previewed = Signal(object)  # a QuickPreview, before a compression's finished
    progress = Signal(int, float)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    sweep_cell = Signal(object)  # a jobs.SweepCell, during a sweep
    goal_step = Signal(object)  # a jobs.GoalStep, during goal seeking

    def __init__(self, cache_size: int = 2) -> None:
        super().__init__()
        self._cache = ImageCache(cache_size)
        self._cancelled_up_to = -1
        self._lock = threading.Lock()
        self._report = Report(
            {
                "loaded": self.loaded, "previewed": self.previewed, "progress": self.progress,
                "sweep_cell": self.sweep_cell, "goal_step": self.goal_step,
            }
        )  # fmt: skip

    def cancel(self, up_to: int) -> None:
        """Stop the running job, and any later sent, whose id is at most `up_to`.

        Safe to call from any thread: the job sees it at its next k-means iteration or stage.
        """
        with self._lock:
            self._cancelled_up_to = max(self._cancelled_up_to, up_to)

    def _stopped(self, job: Job) -> bool:
        with self._lock:
            return job.id <= self._cancelled_up_to

    @Slot(object)
    def run(self, job: Job) -> None:
        """Do one job and emit exactly one of finished, failed or cancelled."""
        context = JobContext(self._cache, lambda: self._stopped(job))
        try:
            context.check()
            emit(self.finished, job.run(context, self._report))
        except engine.Cancelled:
            emit(self.cancelled)
        except (ImageLoadError, ImageSaveError) as exc:  # a save error here: a format's limit
            logger.warning("%s: %s", job.path, exc.reason, exc_info=exc)
            emit(self.failed, exc.reason)
        except MemoryError as exc:
            logger.error("%s: out of memory", job.path, exc_info=exc)
            emit(self.failed, "not enough memory for this image")
        except Exception as exc:  # a bug: say so in the window and keep the worker alive
            logger.exception("%s: unexpected error", job.path)
            detail = " ".join(f"{type(exc).__name__}: {exc}".split())
            emit(self.failed, f"unexpected error ({detail}); the details are in the log")


def _compress_job(request: Request, context: JobContext, report: Report) -> Outcome:
    """Request.run: compress (or decode a result to reuse), then maybe save."""
    reuse = request.reuse
    if reuse is not None and reuse.options != request.options:
        # Another save effort only rewrites the file (same pixels, nothing to recompute).
        same_but_effort = replace(request.options, effort=reuse.options.effort)
        if reuse.options == same_but_effort and request.save_to is not None:
            reuse = with_effort(reuse, request.options.effort, should_stop=context.should_stop)
        else:
            reuse = None
    if reuse is not None and request.save_to is not None and not request.keep:
        # Saving a result computed before: nothing to load, decode or compress.
        return _saved(request, reuse, None)
    entry = context.image(request.path, request.keep)
    image = entry.image
    report.loaded(request, entry)
    context.check()
    labels = None  # each distinct colour's palette entry, when compressed here
    if reuse is not None:
        result = reuse
    else:
        if entry.analysis is None:
            context.analysis(entry)
            context.check()
        if _wants_preview(request, image):
            _send_preview(request, entry, context, report)
        quantized = quantize_image(
            image, request.options, analysis=entry.analysis,
            progress=report.progress, should_stop=context.should_stop,
        )  # fmt: skip
        labels = quantized.color_labels
        result = encode_and_measure(image, quantized, should_stop=context.should_stop, pixels=False)
    context.check()
    # The file as written, shown over its own palette and indices (see file_pixels).
    file = read_back(result.encoded)
    if request.keep and request.save_to is None:
        entry.shown = (request.options, file)
    compressed = file.qimage()
    if request.keep and request.save_to is None and entry.analysis is not None:
        costs = result_costs(entry.analysis, result, labels)  # for the palette panel
        return Outcome(request, without_pixels(result), compressed, entry.original, costs=costs)
    return _saved(request, without_pixels(result), compressed, entry.original)


def _saved(
    request: Request, result: Result, compressed: QImage | None, original: QImage | None = None
) -> Outcome:
    if request.save_to is None:
        return Outcome(request, result, compressed, original)
    try:
        saved = save(
            result, request.save_to, overwrite=request.overwrite, keep_dates=request.keep_dates
        )
    except ImageSaveError as exc:
        logger.warning("saving %s: %s", request.save_to, exc.reason, exc_info=exc)
        return Outcome(request, result, compressed, original, save_error=str(exc))
    return Outcome(request, result, compressed, original, saved_to=saved)


def _send_preview(
    request: Request, entry: CachedImage, context: JobContext, report: Report
) -> None:
    """Emit a QuickPreview: the quick palette of the analysis, on the cached preview."""
    assert entry.analysis is not None
    preview = context.preview(entry)
    options = request.options
    palette = quick_palette(entry.analysis, options, context.should_stop)
    if palette.shape[0] == 0:  # every pixel transparent: nothing to preview
        return
    indices, transparent = sweep.preview_indices(preview, palette, options.color_space)
    image = preview_image(preview, indices, palette, transparent)
    report.send("previewed", QuickPreview(request, image, preview.factor))


def _wants_preview(request: Request, image: LoadedImage) -> bool:
    """Whether a compression for the screen is slow enough to show a quick preview first.

    Not for dithered results, which the undithered preview would misrepresent.
    """
    return (
        request.keep
        and request.save_to is None
        and not request.options.dither
        and image.width * image.height >= QUICK_PREVIEW_PIXELS
    )
