"""One image through the whole pipeline: analyse, quantize, map, encode, and measure the file.

Every statistic is measured on the encoded output decoded back (``engine.measure``), never
estimated.
"""

from __future__ import annotations

import dataclasses
import os
import time
from concurrent.futures import Future
from dataclasses import dataclass

import numpy as np

from .. import allocator, engine, transparency
from ..effort import EFFORTS, smaller_png, start_max_rows
from ..engine import measure, measure_alpha
from ..engine.measure_ssim import file_ssim
from ..files import ImageSaveError
from ..formats import format_limit_problem
from ..imaging import (
    LoadedImage,
    decode_output,
    decode_palette_output,
    dither_indices,
    encode_indexed,
    load_image,
)
from ..imaging.png_max import DeflatedRows
from .results import Options, Result, Stats, palette_index_bytes


@dataclass(frozen=True)
class Quantized:
    """An image mapped to its palette, not yet encoded: the first half of :func:`compress`.

    palette : ndarray of shape (n_entries, 3), uint8, as it will be written (transparent
        entry included); (n_entries, 4) RGBA, entries that are not opaque first, when the
        image has partly transparent pixels
    indices : ndarray of shape (height, width), uint8, every pixel's entry
    color_labels : ndarray of shape (n_colors,), the entry of each distinct colour of the
        analysis (``indices`` were made from them), or None when dithered
    iterations, seconds : the k-means iterations, and the time of the analysis (when made
        here), k-means and mapping
    """

    options: Options
    analysis: engine.Analysis
    palette: np.ndarray
    indices: np.ndarray
    transparent_index: int | None
    color_labels: np.ndarray | None
    iterations: int
    seconds: float


def compress(
    image: LoadedImage,
    options: Options,
    *,
    analysis: engine.Analysis | None = None,
    progress: engine.ProgressCallback | None = None,
    should_stop: engine.StopCheck | None = None,
    pixels: bool = True,
) -> Result:
    """Compress a loaded image and measure the result.

    The same as ``encode_and_measure(image, quantize_image(image, options, ...), pixels=...)``.

    Parameters
    ----------
    image : LoadedImage
    options : Options
    analysis : engine.Analysis, optional
        The image's analysis from an earlier call (``engine.analyse(image.rgb, image.alpha)``);
        reusing it makes a new K cheap. Its time is then not counted again.
    progress, should_stop : see :func:`kmeans_gui.engine.quantize`
        ``should_stop`` is also asked between the stages after k-means (mapping, encoding,
        measuring), so a cancelled call raises ``engine.Cancelled`` without finishing them.
    pixels : bool, default True
        False leaves the result's ``decoded`` empty (see :func:`encode_and_measure`).

    Returns
    -------
    Result
    """
    quantized = quantize_image(
        image, options, analysis=analysis, progress=progress, should_stop=should_stop
    )
    return encode_and_measure(image, quantized, should_stop=should_stop, pixels=pixels)


def quantize_image(
    image: LoadedImage,
    options: Options,
    *,
    analysis: engine.Analysis | None = None,
    progress: engine.ProgressCallback | None = None,
    should_stop: engine.StopCheck | None = None,
) -> Quantized:
    """The first half of :func:`compress` (same parameters): k-means, then every pixel's entry.

    Raises ImageSaveError at once, before any work, when the output format cannot hold an
    image this large (WebP: 16,383 pixels per side), naming the limit and what to pick.
    """
    problem = format_limit_problem(options.fmt, image.width, image.height)
    if problem is not None:
        raise ImageSaveError(image.path, problem)
    if image.width * image.height >= allocator.BIG_IMAGE_PIXELS:
        allocator.return_freed_memory()
    seconds = 0.0
    if analysis is None:
        analysis = engine.analyse(image.rgb, image.alpha)
        seconds += analysis.seconds
    try:
        quantization = _quantization(analysis, options, progress, should_stop)
    except GivenPaletteError as exc:
        raise ImageSaveError(image.path, str(exc)) from exc
    seconds += quantization.seconds
    _check_stop(should_stop)
    start = time.perf_counter()
    palette = quantization.palette
    labels: np.ndarray | None = quantization.color_labels
    strength = options.dither
    if strength and palette.shape[0] > 1 and (analysis.has_alpha or strength < 100):
        # The engine's diffusion: alpha, or a strength Pillow's converter does not have.
        indices, transparent_index = engine.dither_rgba(
            image.rgb, image.alpha, palette, options.color_space, strength / 100
        )
        labels = None
    elif strength and palette.shape[0] > 1:
        indices = dither_indices(image.rgb, palette)
        transparent_index, labels = None, None
        if analysis.histogram.has_transparency:
            transparent_index = int(palette.shape[0])
            indices[analysis.histogram.inverse.reshape(analysis.shape) < 0] = transparent_index
    else:
        indices, transparent_index = engine.indexed_image(analysis, quantization)
    seconds += time.perf_counter() - start
    channels = palette.shape[1]
    if transparent_index is not None:
        palette = np.vstack([palette, np.zeros((1, channels), np.uint8)])
    if palette.shape[0] == 0:  # every pixel transparent: one transparent entry
        palette = np.zeros((1, channels), np.uint8)
    if channels == 4:
        palette, indices, labels, transparent_index = transparency.see_through_first(
            palette, indices, labels, transparent_index
        )
    return Quantized(
        options, analysis, palette, indices, transparent_index, labels, quantization.iterations,
        seconds,
    )  # fmt: skip


class GivenPaletteError(ValueError):
    """Given palette colours that cannot be used for an image (the reason in words)."""


def _quantization(
    analysis: engine.Analysis,
    options: Options,
    progress: engine.ProgressCallback | None,
    should_stop: engine.StopCheck | None,
) -> engine.Quantization:
    """K-means as the options say: free, around locked colours, or none (a given palette).

    Raises GivenPaletteError when the given colours do not fit this image (partly transparent
    pixels, more locked colours than K).
    """
    given = np.array(options.palette, np.uint8).reshape(-1, 3)
    if given.size and analysis.has_alpha:
        raise GivenPaletteError(
            "has partly transparent pixels: locked or imported colours need an image whose "
            "pixels are opaque (or fully transparent)"
        )
    limit = engine.MAX_K - 1 if analysis.histogram.has_transparency else engine.MAX_K
    if options.exact_palette and len(set(options.palette)) > limit:
        raise GivenPaletteError(
            f"has transparent pixels, which take one of the 256 entries: the palette's "
            f"{len(set(options.palette))} colours do not fit"
        )
    if not options.exact_palette and len(set(options.palette)) > min(options.k, limit):
        raise GivenPaletteError(
            f"{len(set(options.palette))} locked colours do not fit in K={options.k}"
            + (" (one entry is the transparent pixels')" if limit < options.k else "")
        )
    if options.exact_palette:
        return engine.quantize_to_palette(analysis, given, color_space=options.color_space)
    return engine.quantize(
        analysis,
        options.k,
        color_space=options.color_space,
        seed=options.seed,
        fixed=given if given.size else None,
        start=np.array(options.start, np.uint8).reshape(-1, 3) if options.start else None,
        progress=progress,
        should_stop=should_stop,
    )


def encode_and_measure(
    image: LoadedImage,
    quantized: Quantized,
    *,
    should_stop: engine.StopCheck | None = None,
    pixels: bool = True,
) -> Result:
    """The second half of :func:`compress`: encode, decode the file, and measure it.

    Encoding and decoding run mostly outside Python's GIL, so this can overlap the next
    :func:`quantize_image` in another thread (the K sweep does). With ``pixels=False`` the
    result's ``decoded`` is empty (shape (0, 0, 3)), as ``without_pixels`` would leave it,
    for a caller that keeps only the file and its figures; the figures are the same.
    """
    palette, indices = quantized.palette, quantized.indices
    counts = measure.entry_counts(
        quantized.analysis, palette.shape[0], quantized.color_labels, indices,
        quantized.transparent_index,
    )  # fmt: skip
    _check_stop(should_stop)
    fmt = quantized.options.fmt
    # Effort max: its rows are deflated in a thread (seconds of libdeflate, without the GIL)
    # while the fast file is written and measured here; they become the file kept after.
    max_rows = (
        start_max_rows(palette, indices)
        if quantized.options.effort == "max" and fmt == "png"
        else None
    )
    carried = image.metadata.carried(quantized.options.metadata)
    encoded = encode_indexed(
        palette, indices, fmt, transparent_index=quantized.transparent_index,
        icc_profile=image.icc_profile, metadata=carried,
    )  # fmt: skip
    _check_stop(should_stop)
    figures, ssim, decoded, written = _measure(image, quantized, encoded, should_stop, pixels)
    stats = _stats(image, quantized, encoded, *figures, ssim=ssim)
    notices = image.notices + carried.notices + carried.format_notices(fmt)
    if fmt == "gif" and quantized.analysis.has_alpha:
        notices += (transparency.GIF_ALPHA_NOTICE,)
    result = Result(
        source=image.path,
        options=quantized.options,
        encoded=encoded,
        palette=palette,
        counts=counts,
        transparent_index=quantized.transparent_index,
        decoded=decoded,
        stats=stats,
        notices=notices,
        metadata=carried.describe(fmt, icc_profile=bool(image.icc_profile)),
    )
    return with_effort(
        result, quantized.options.effort, should_stop=should_stop, written=written, rows=max_rows
    )


def with_effort(
    result: Result,
    effort: str,
    *,
    should_stop: engine.StopCheck | None = None,
    written: tuple[np.ndarray, np.ndarray] | None = None,
    rows: Future[DeflatedRows] | None = None,
) -> Result:
    """`result` saved with `effort`: for "max", its PNG file rewritten smaller (imaging/png_max.py).

    The pixels never change, so the figures measured on the fast file hold; the file size and
    ``stats.effort`` are those of the file kept. When effort max gives no smaller file, the
    fast one is kept, ``stats.effort`` stays "fast" and a notice says so. GIF and WebP files
    are the same at both efforts. ``written``: the file decoded to palette and indices, if
    the caller has it; ``rows``: the max rows already started (``effort.start_max_rows``).
    """
    if effort not in EFFORTS:
        raise ValueError(f"effort={effort!r} is not one of {', '.join(EFFORTS)}")
    options = dataclasses.replace(result.options, effort=effort)
    if effort != "max" or result.stats.effort == "max" or result.options.fmt != "png":
        return dataclasses.replace(result, options=options)
    encoded, reason = smaller_png(result.encoded, should_stop, written=written, rows=rows)
    _check_stop(should_stop)
    if reason is not None:
        return dataclasses.replace(result, options=options, notices=(*result.notices, reason))
    stats = dataclasses.replace(result.stats, output_bytes=len(encoded), effort="max")
    return dataclasses.replace(result, options=options, encoded=encoded, stats=stats)


# Figures, SSIM, decoded pixels, the file as (palette, indices) or None.
_Measured = tuple[measure.Figures, float, np.ndarray, tuple[np.ndarray, np.ndarray] | None]


def _measure(
    image: LoadedImage,
    quantized: Quantized,
    encoded: bytes,
    should_stop: engine.StopCheck | None,
    pixels: bool,
) -> _Measured:
    """Figures, SSIM, decoded pixels and the file as palette and indices, of the file read
    back: per distinct input colour (or RGBA value) when the file's entries follow them, else
    pixel by pixel. With alpha the figures are composited (``engine.measure_alpha``) and
    SSIM compares luma only (alpha aside)."""
    with_alpha = image.alpha is not None
    file = decode_palette_output(encoded, with_alpha=with_alpha)
    written = None if file is None else (np.ascontiguousarray(file[0][:, :3]), file[1])
    figures = None if file is None else _figures_by_colour(quantized, *file)
    _check_stop(should_stop)
    decoded_alpha = None
    if written is not None and (figures is not None or not with_alpha):
        wanted = pixels or figures is None  # the pixel-by-pixel figures need them
        decoded = measure.palette_pixels(*written) if wanted else measure.NO_PIXELS
    else:
        decoded, decoded_alpha = decode_output(encoded)
    ssim = file_ssim(quantized.analysis, written, decoded)
    _check_stop(should_stop)
    if figures is None and with_alpha:
        figures = measure_alpha.figures_by_pixel(image.rgb, image.alpha, decoded, decoded_alpha)
    elif figures is None:
        figures = measure.figures_by_pixel(
            image.rgb, image.alpha, quantized.analysis, quantized.palette, decoded
        )
    return figures, ssim, decoded if pixels else measure.NO_PIXELS, written


def _figures_by_colour(
    quantized: Quantized, palette: np.ndarray, indices: np.ndarray
) -> measure.Figures | None:
    """The figures of a palette file, (n, 3) or RGBA (n, 4) `palette` and (H, W) `indices`,
    per distinct input value; None when its entries do not follow them (dithering)."""
    labels, encoded = quantized.color_labels, quantized.indices
    if palette.shape[1] == 3:
        return measure.figures_by_colour(quantized.analysis, labels, encoded, palette, indices)
    hist = quantized.analysis.histogram
    entries = measure_alpha.entries_of_values(
        hist, labels, quantized.transparent_index, encoded, indices
    )
    return None if entries is None else measure_alpha.figures_by_colour(hist, *entries, palette)


def _check_stop(should_stop: engine.StopCheck | None) -> None:
    """Raise ``engine.Cancelled`` when the caller asks to stop."""
    if should_stop is not None and should_stop():
        raise engine.Cancelled


def _stats(
    image: LoadedImage, quantized: Quantized, encoded: bytes, mse: float, colors: int,
    delta_e: float, *, ssim: float,
) -> Stats:  # fmt: skip
    n_entries = colors + (1 if quantized.analysis.histogram.has_transparency else 0)
    return Stats(
        width=image.width,
        height=image.height,
        k=quantized.options.k,
        colors=colors,
        input_bytes=image.file_bytes,
        raw_bytes=image.width * image.height * 3,
        palette_index_bytes=palette_index_bytes(image.width * image.height, max(n_entries, 1)),
        output_bytes=len(encoded),
        mse=mse,
        psnr=engine.psnr(mse),
        mean_delta_e=delta_e,
        iterations=quantized.iterations,
        seconds=quantized.seconds,
        ssim=ssim,
    )


def compress_file(path: str | os.PathLike[str], options: Options) -> Result:
    """Load an image file and compress it (raises ImageLoadError with a plain reason).

    For the command line, which keeps the file and its figures: the result's ``decoded`` is
    empty (see :func:`encode_and_measure`), 300 MB less at 100 megapixels.
    """
    return compress(load_image(path), options, pixels=False)
