"""The one shape of every worker job: ``job.run(context, report)`` (as superqt's workers run).

A job (a compression, a K sweep, goal seeking, a ΔE map) is a frozen request with an ``id``, a
``path`` and a ``run`` method. The worker calls ``run`` in its thread with a
:class:`JobContext` (the cached image and analysis, the stop check) and a :class:`Report` (the
signals that carry progress back to the GUI thread), and emits what it returns as the outcome.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtGui import QImage

from .. import engine, sweep
from ..compress import Options
from ..files import ImageLoadError
from ..imaging import MAX_TRANSLUCENT_PIXELS, LoadedImage, load_image, too_translucent_reason
from .file_pixels import FilePixels
from .qimage import display_qimage, thumbnail
from .signals import emit

WINDOW_TRANSLUCENT_PIXELS = 12_000_000
"""The window's limit for images with partly transparent pixels, below the command line's
16 MP: it keeps the image, its analysis and what it shows between K, and RGBA noise at 16 MP
(every pixel its own RGBA value) peaked at 2.1-2.2 GB in it (benchmarks/window_memory.py)."""

THUMBNAIL_SIZE = 112  # twice the list's 56-pixel icons: sharp at 200 % display scaling
"""Largest side of the thumbnails sent with :class:`Loaded`, in pixels."""


class Job(Protocol):
    """A request the worker runs: ``Worker.cancel(id)`` stops every job up to `id`."""

    @property
    def id(self) -> int: ...

    @property
    def path(self) -> Path: ...

    def run(self, context: JobContext, report: Report) -> object:
        """Do the work in the worker's thread and return the outcome; raise
        ``engine.Cancelled`` when ``context.should_stop()`` says so."""
        ...


@dataclass(frozen=True)
class Loaded:
    """What the worker sends once it has the image: its size, a preview and a thumbnail.

    ``original`` is made by ``display_qimage``: the decoded array itself when opaque.
    """

    request: Any  # the job that loaded it (a worker.Request or a comparison job)
    width: int
    height: int
    file_bytes: int
    format: str
    notices: tuple[str, ...]
    original: QImage
    thumbnail: QImage


@dataclass
class CachedImage:
    """A decoded image and its analysis (made on first use), cached for a new K.

    ``preview`` is the downscaled copy the K sweep works on; ``shown`` the options and file
    pixels of the last compressed image shown (for its ΔE heat map; the QImage on screen
    reads the same arrays).
    """

    image: LoadedImage
    original: QImage
    thumbnail: QImage
    analysis: engine.Analysis | None = None
    preview: sweep.Preview | None = None
    shown: tuple[Options, FilePixels] | None = None


class ImageCache:
    """The last `size` images decoded, by path, modification time and size."""

    def __init__(self, size: int = 2) -> None:
        self._entries: OrderedDict[tuple[str, int, int], CachedImage] = OrderedDict()
        self._size = size

    def get(self, path: Path, keep: bool, should_stop: engine.StopCheck) -> CachedImage:
        """The cached image of `path`, loaded when new or changed (kept only with `keep`).

        Raises ImageLoadError with the reason (also when missing); Cancelled when asked to stop.
        """
        try:
            st = os.stat(path)
        except OSError:
            st = None
        key = (str(path), st.st_mtime_ns, st.st_size) if st is not None else None
        if key is not None and key in self._entries:
            self._entries.move_to_end(key)
            return self._entries[key]
        image = load_image(path, should_stop=should_stop)
        pixels = image.width * image.height
        if pixels > WINDOW_TRANSLUCENT_PIXELS and engine.has_partial_alpha(image.alpha):
            reason = too_translucent_reason(pixels, WINDOW_TRANSLUCENT_PIXELS, "in the window")
            limit = f"{MAX_TRANSLUCENT_PIXELS / 1e6:g}"
            raise ImageLoadError(path, f"{reason}; kmeans-compress reads up to {limit} megapixels")
        original = display_qimage(image.rgb, image.alpha)
        entry = CachedImage(image, original, thumbnail(original, THUMBNAIL_SIZE))
        if key is not None and keep:
            for stale in [k for k in self._entries if k[0] == key[0]]:
                del self._entries[stale]
            self._entries[key] = entry
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)
        return entry


@dataclass(frozen=True)
class JobContext:
    """What a job may use in the worker's thread: the image cache and its stop check."""

    cache: ImageCache
    should_stop: engine.StopCheck

    def check(self) -> None:
        """Raise ``engine.Cancelled`` when the job was asked to stop."""
        if self.should_stop():
            raise engine.Cancelled

    def image(self, path: Path, keep: bool = True) -> CachedImage:
        """The decoded image of `path` (from the cache when unchanged)."""
        return self.cache.get(path, keep, self.should_stop)

    def analysis(self, entry: CachedImage) -> engine.Analysis:
        """The image's colour analysis, made once per cached image."""
        if entry.analysis is None:
            entry.analysis = engine.analyse(entry.image.rgb, entry.image.alpha)
        return entry.analysis

    def preview(self, entry: CachedImage) -> sweep.Preview:
        """The image's downscaled copy for the K sweep and quick previews, made once."""
        if entry.preview is None:
            entry.preview = sweep.make_preview(entry.image.rgb, entry.image.alpha)
        return entry.preview


class Report:
    """How a running job talks to the GUI thread: each method emits one of the worker's
    signals (`signals` maps a name to its SignalInstance)."""

    def __init__(self, signals: dict[str, Any]) -> None:
        self._signals = signals

    def loaded(self, job: Job, entry: CachedImage) -> None:
        """The image is decoded: its size, a display copy and a thumbnail."""
        image = entry.image
        emit(
            self._signals["loaded"],
            Loaded(
                job, image.width, image.height, image.file_bytes, image.format,
                image.notices, entry.original, entry.thumbnail,
            ),
        )  # fmt: skip

    def send(self, name: str, *args: object) -> None:
        """Emit the worker signal `name` (previewed, progress, sweep_cell, goal_step)."""
        emit(self._signals[name], *args)

    def progress(self, iteration: int, inertia: float) -> None:
        """A k-means iteration (the engine's progress callback)."""
        emit(self._signals["progress"], iteration, inertia)

    def sender(self, name: str) -> Callable[[Any], None]:
        """A one-argument callable that emits the signal `name`."""
        signal = self._signals[name]
        return lambda value: emit(signal, value)
