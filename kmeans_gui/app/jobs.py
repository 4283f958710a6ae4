"""The comparison jobs the worker does besides compressing: a K sweep, goal seeking, a ΔE map.

Each job is a request (sent by the scheduler) whose ``run(context, report)`` the worker calls in
its thread (:mod:`.job_context`), a function doing the work with the image and its cached
analysis, and an outcome (sent back with ``Worker.finished``). The functions compute with the
engine and only make QImages; they never touch a widget.
"""

from __future__ import annotations

import dataclasses
import math
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtGui import QImage

from .. import engine, sweep
from ..compress import (
    Options,
    Result,
    Stats,
    encode_and_measure,
    quantize_image,
    without_pixels,
)
from ..goals import Goal, seek
from ..imaging import LoadedImage
from .file_pixels import read_back
from .heatmap import HEAT_LUT, heat_levels, nice_top
from .job_context import JobContext, Report
from .qimage import array_to_qimage, indexed_qimage


# -- the K sweep -------------------------------------------------------------------------------
@dataclass(frozen=True)
class SweepRequest:
    """Compress an image at several K for the K grid and the chart (``options.k`` is ignored).

    quick : K values for the quick pass (preview palette, mapped and measured on the preview)
    measure : K values to compress at full resolution and measure (the real file size)
    """

    id: int
    path: Path
    options: Options
    quick: tuple[int, ...] = ()
    measure: tuple[int, ...] = ()

    def run(self, context: JobContext, report: Report) -> SweepOutcome:
        """The sweep on the cached image, its analysis and its downscaled preview."""
        entry = context.image(self.path)
        report.loaded(self, entry)
        analysis = context.analysis(entry)
        context.check()
        return run_sweep(
            self, entry.image, analysis, context.preview(entry), report.sender("sweep_cell"),
            context.should_stop,
        )  # fmt: skip


@dataclass(frozen=True)
class SweepCell:
    """One K of a sweep, sent with ``Worker.sweep_cell`` as soon as it is done.

    image : the preview mapped to the palette, in a display format
    psnr, mean_delta_e : measured on the preview (quick) or on the encoded file (measured)
    result : the full-resolution compression without pixels (measured), else None
    """

    path: Path
    options: Options
    image: QImage
    palette: np.ndarray
    counts: np.ndarray
    psnr: float
    mean_delta_e: float
    result: Result | None
    seconds: float

    @property
    def k(self) -> int:
        """The K asked for."""
        return self.options.k

    @property
    def measured(self) -> bool:
        """Whether the figures are the real file's (else the quick preview's)."""
        return self.result is not None

    @property
    def stats(self) -> Stats | None:
        """The full compression's figures, when measured."""
        return None if self.result is None else self.result.stats


@dataclass(frozen=True)
class SweepOutcome:
    """A sweep that went through every K it was sent with."""

    request: SweepRequest


def run_sweep(
    request: SweepRequest,
    image: LoadedImage,
    analysis: engine.Analysis,
    preview: sweep.Preview,
    send: Callable[[SweepCell], None],
    should_stop: engine.StopCheck,
) -> SweepOutcome:
    """Do the quick pass, then the measured one, sending one cell per K as it is done."""
    options = request.options
    for k in request.quick:
        _stop(should_stop)
        cell = sweep.quick_cell(
            preview, k, color_space=options.color_space, seed=options.seed, should_stop=should_stop
        )
        counts = np.bincount(cell.indices.ravel(), minlength=cell.palette.shape[0])
        send(SweepCell(
            request.path, dataclasses.replace(options, k=k),
            preview_image(preview, cell.indices, cell.palette, cell.transparent_index),
            cell.palette, counts[: cell.palette.shape[0]], cell.psnr, cell.mean_delta_e, None,
            cell.seconds,
        ))  # fmt: skip
    if request.measure:
        # Each K's file is encoded, decoded and measured in a second thread while the next K's
        # k-means runs in this one (zlib-ng and Pillow's decoder release the GIL).
        with ThreadPoolExecutor(max_workers=1) as pool:
            pending: tuple[Options, float, Future[Result]] | None = None
            for k in request.measure:
                _stop(should_stop)
                start = time.perf_counter()
                k_options = dataclasses.replace(options, k=k)
                quantized = quantize_image(
                    image, k_options, analysis=analysis, should_stop=should_stop
                )
                if pending is not None:
                    send(_measured_cell(request, preview, *pending))
                pending = (k_options, start, pool.submit(
                    encode_and_measure, image, quantized, should_stop=should_stop, pixels=False
                ))  # fmt: skip
            if pending is not None:
                send(_measured_cell(request, preview, *pending))
    return SweepOutcome(request)


def _measured_cell(
    request: SweepRequest,
    preview: sweep.Preview,
    options: Options,
    start: float,
    encoding: Future[Result],
) -> SweepCell:
    """The cell of a K compressed at full resolution, once its file is measured."""
    result = encoding.result()
    colours, _ = result.colour_entries()
    colours = colours if colours.shape[0] else np.zeros((1, colours.shape[1]), np.uint8)
    indices, transparent = sweep.preview_indices(preview, colours, options.color_space)
    s = result.stats
    return SweepCell(
        request.path, options, preview_image(preview, indices, colours, transparent),
        result.palette, result.counts, s.psnr, s.mean_delta_e, result,
        time.perf_counter() - start,
    )  # fmt: skip


def preview_image(
    preview: sweep.Preview, indices: np.ndarray, palette: np.ndarray, transparent: int | None
) -> QImage:
    """The preview's indices as a display QImage (transparent pixels fully transparent; an
    RGBA palette's entries with their opacity)."""
    channels = palette.shape[1]
    lookup = palette
    if transparent is not None:
        lookup = np.vstack([palette, np.zeros((1, channels), np.uint8)])
    if channels == 4:
        pixels = lookup[indices]
        return array_to_qimage(pixels[..., :3], np.ascontiguousarray(pixels[..., 3]), display=True)
    alpha = None
    if transparent is not None:
        alpha = np.where(indices == transparent, np.uint8(0), np.uint8(255))
    return array_to_qimage(lookup[indices], alpha, display=True)


# -- goal seeking ------------------------------------------------------------------------------
@dataclass(frozen=True)
class GoalRequest:
    """Find the K that meets a goal for one image (``options.k`` is ignored).

    keep : keep the image and its analysis in the worker's cache (the image on screen)
    """

    id: int
    path: Path
    options: Options
    goal: Goal
    k_min: int = 2
    k_max: int = engine.MAX_K
    keep: bool = True

    def run(self, context: JobContext, report: Report) -> GoalOutcome:
        """Goal seeking on the cached image and its analysis."""
        entry = context.image(self.path, self.keep)
        report.loaded(self, entry)
        analysis = context.analysis(entry)
        context.check()
        return run_goal(
            self, entry.image, analysis, report.sender("goal_step"), context.should_stop
        )


@dataclass(frozen=True)
class GoalStep:
    """One K measured while seeking, sent with ``Worker.goal_step``."""

    request: GoalRequest
    k: int
    stats: Stats


@dataclass(frozen=True)
class GoalOutcome:
    """The K chosen (its result without pixels), whether it meets the goal, every K measured.

    results : every compression made on the way, without pixels, by K (the window keeps them,
    so that showing any of these K again only decodes its file)
    """

    request: GoalRequest
    result: Result
    met: bool
    message: str
    results: dict[int, Result]


def run_goal(
    request: GoalRequest,
    image: LoadedImage,
    analysis: engine.Analysis,
    send: Callable[[GoalStep], None],
    should_stop: engine.StopCheck,
) -> GoalOutcome:
    """Seek the goal by measured bisection (``goals.seek``), sending every K measured."""
    results: dict[int, Result] = {}

    def on_result(result: Result) -> None:
        results[result.options.k] = without_pixels(result)
        send(GoalStep(request, result.options.k, result.stats))

    found = seek(
        image, request.options, request.goal, analysis=analysis, k_min=request.k_min,
        k_max=request.k_max, on_result=on_result, should_stop=should_stop,
    )  # fmt: skip
    chosen = results[found.result.options.k]
    return GoalOutcome(request, chosen, found.met, found.message, results)


# -- the ΔE heat map ---------------------------------------------------------------------------
@dataclass(frozen=True)
class HeatRequest:
    """The per-pixel ΔE between an image and a compression of it (``result``, no pixels)."""

    id: int
    path: Path
    options: Options
    result: Result

    def run(self, context: JobContext, report: Report) -> HeatOutcome:
        """The map against the file on screen, else the result's file read back."""
        entry = context.image(self.path)
        if entry.shown is not None and entry.shown[0] == self.options:
            file = entry.shown[1]
        else:
            file = read_back(self.result.encoded)
        decoded, decoded_alpha = file.pixels()  # the heat map sees the file's alpha
        return run_heat(self, entry.image, decoded, context.should_stop, decoded_alpha)


@dataclass(frozen=True)
class HeatOutcome:
    """A ΔE heat map (``Format_Indexed8`` over the scale's colours), and its figures.

    maximum : the largest ΔE×100; at : its pixel (x, y), the first in reading order
    mean : the mean over the pixels that carry colour; top : the ΔE of the brightest colour
    """

    request: HeatRequest
    image: QImage
    maximum: float
    at: tuple[int, int]
    mean: float
    top: float


def run_heat(
    request: HeatRequest,
    image: LoadedImage,
    decoded: np.ndarray,
    should_stop: engine.StopCheck,
    decoded_alpha: np.ndarray | None = None,
) -> HeatOutcome:
    """Measure ΔE at every pixel and colour it: ``engine.delta_e_map``, or for an image with
    transparency ``engine.composited_delta_e_map``, which sees alpha as the figures do."""
    _stop(should_stop)
    if image.alpha is not None:
        opaque = np.full(image.alpha.shape, 255, np.uint8)
        delta = engine.composited_delta_e_map(
            image.rgb, image.alpha, decoded, opaque if decoded_alpha is None else decoded_alpha
        )
    else:
        delta = engine.delta_e_map(image.rgb, decoded)
    mean = float(delta.mean(dtype=np.float64))
    _stop(should_stop)
    flat = int(np.argmax(delta))
    y, x = divmod(flat, delta.shape[1])
    maximum = float(delta.flat[flat])
    top = nice_top(maximum)
    picture = indexed_qimage(heat_levels(delta, top), HEAT_LUT)
    return HeatOutcome(request, picture, maximum, (x, y), mean if math.isfinite(mean) else 0.0, top)


def _stop(should_stop: engine.StopCheck) -> None:
    if should_stop():
        raise engine.Cancelled
