"""One image through the whole pipeline: analyse, quantize, map, encode, and measure the file.

The CLI and the window both call these functions. Every statistic is measured on the encoded
output decoded back, never estimated.
"""

from __future__ import annotations

import dataclasses
import logging
import math
import os
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import allocator, engine, transparency
from .effort import EFFORTS, smaller_png
from .engine import parallel
from .engine.colorspace import srgb8_to_oklab
from .engine.histogram import pack_rgb
from .files import ImageSaveError, write_atomic
from .formats import SAVE_FORMATS, format_limit_problem
from .imaging import (
    LoadedImage,
    decode_output,
    decode_palette_output,
    dither_indices,
    encode_indexed,
    load_image,
)
from .measure_ssim import file_ssim
from .metadata import DEFAULT_METADATA, METADATA_MODES

logger = logging.getLogger(__name__)

DELTA_E_NAME = "Oklab ΔE×100"
_NO_PIXELS = np.zeros((0, 0, 3), dtype=np.uint8)


@dataclass(frozen=True)
class Options:
    """How to compress: K, output format, clustering colour space, dithering strength (percent
    of Floyd–Steinberg's error passed on: 0 none, 100 full), random seed, which metadata the
    file keeps (one of ``metadata.METADATA_MODES``), the encoder's effort ("fast", or "max":
    smaller PNG files for more time), and given palette colours: with ``exact_palette`` the
    image is mapped to ``palette`` alone (no k-means), else those colours are locked while
    k-means finds the rest up to K, starting from ``start`` (a palette after an edit)."""

    k: int = 16
    fmt: str = "png"
    color_space: str = "rgb"
    dither: int = 0
    seed: int = 0
    metadata: str = DEFAULT_METADATA
    effort: str = "fast"
    palette: tuple[tuple[int, int, int], ...] = ()
    exact_palette: bool = False
    start: tuple[tuple[int, int, int], ...] = ()

    def __post_init__(self) -> None:
        if isinstance(self.dither, bool):  # on/off, as before strengths: on is full strength
            object.__setattr__(self, "dither", 100 if self.dither else 0)
        if not isinstance(self.dither, int) or not 0 <= self.dither <= 100:
            raise ValueError(f"dither={self.dither!r} should be a whole percentage, 0..100")
        if self.exact_palette and not self.palette:
            raise ValueError("exact_palette needs palette colours")
        if not isinstance(self.k, int) or not 1 <= self.k <= engine.MAX_K:
            raise ValueError(f"k={self.k!r} should be an integer between 1 and {engine.MAX_K}")
        if self.fmt not in SAVE_FORMATS:
            raise ValueError(f"fmt={self.fmt!r} is not one of {', '.join(SAVE_FORMATS)}")
        if self.color_space not in engine.COLOR_SPACES:
            raise ValueError(
                f"color_space={self.color_space!r} is not one of {', '.join(engine.COLOR_SPACES)}"
            )
        if self.metadata not in METADATA_MODES:
            raise ValueError(
                f"metadata={self.metadata!r} is not one of {', '.join(METADATA_MODES)}"
            )
        if self.effort not in EFFORTS:
            raise ValueError(f"effort={self.effort!r} is not one of {', '.join(EFFORTS)}")


@dataclass(frozen=True)
class Stats:
    """Truthful figures of one compression, measured on the encoded file read back.

    Byte counts are exact. ``palette_index_bytes`` is the original write-up's figure: every
    pixel stored as a ceil(log2 n)-bit index into an n-entry palette of 3-byte colours, with no
    file format around it. ``seconds`` is the quantization alone (analysis, k-means and
    mapping), without decoding or encoding. ``ssim`` is the mean SSIM of the luma (NaN below
    11 x 11 pixels); ``effort`` the encoder effort the file was written with.
    """

    width: int
    height: int
    k: int
    colors: int
    input_bytes: int
    raw_bytes: int
    palette_index_bytes: int
    output_bytes: int
    mse: float
    psnr: float
    mean_delta_e: float
    iterations: int
    seconds: float
    ssim: float = math.nan
    effort: str = "fast"

    @property
    def pixels(self) -> int:
        """Number of pixels."""
        return self.width * self.height

    @property
    def ratio_to_input(self) -> float:
        """How many times smaller the output file is than the input file (< 1: larger)."""
        return self.input_bytes / self.output_bytes

    @property
    def ratio_to_raw(self) -> float:
        """How many times smaller the output file is than raw 24-bit pixels."""
        return self.raw_bytes / self.output_bytes

    @property
    def palette_index_ratio(self) -> float:
        """Raw 24-bit bytes over palette+index bytes: the write-up's "~6x" figure."""
        return self.raw_bytes / max(self.palette_index_bytes, 1)

    @property
    def larger_than_input(self) -> bool:
        """True when the output file is larger than the input file."""
        return self.output_bytes > self.input_bytes


@dataclass(frozen=True)
class Result:
    """A compressed image: the encoded bytes, what they decode to, and their statistics.

    palette : ndarray of shape (n_entries, 3), uint8, as written (transparent entry included);
        straight RGBA, shape (n_entries, 4), for an image with partly transparent pixels
    counts : ndarray of shape (n_entries,), int64, pixels using each entry
    decoded : ndarray of shape (height, width, 3), uint8, the output file decoded back
    metadata : what the file keeps of the original's metadata, in words ("EXIF, XMP; GPS
        location removed")
    """

    source: Path
    options: Options
    encoded: bytes
    palette: np.ndarray
    counts: np.ndarray
    transparent_index: int | None
    decoded: np.ndarray
    stats: Stats
    notices: tuple[str, ...]
    metadata: str = ""

    @property
    def default_name(self) -> str:
        """``<stem>_k<K>.<ext>``, the output file name."""
        return output_name(self.source, self.options.k, self.options.fmt)


def output_name(
    source: str | os.PathLike[str],
    k: int,
    fmt: str,
    taken: Callable[[str], bool] | None = None,
) -> str:
    """``<stem>_k<K>.<ext>`` for an input file, or ``<stem>-2_k<K>.<ext>``, ``-3``... when
    `taken` says the name is already used (the CLI and Save All, for inputs from different
    folders that share a stem)."""
    stem = Path(source).stem
    name, n = f"{stem}_k{k}.{fmt}", 2
    while taken is not None and taken(name):
        name, n = f"{stem}-{n}_k{k}.{fmt}", n + 1
    return name


def palette_index_bytes(n_pixels: int, n_entries: int) -> int:
    """Bare palette + index bytes: ceil(n_pixels * ceil(log2 n_entries) / 8) + 3 * n_entries."""
    bits = math.ceil(math.log2(n_entries)) if n_entries > 1 else 0
    return math.ceil(n_pixels * bits / 8) + 3 * n_entries


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
    counts = _entry_counts(quantized)
    _check_stop(should_stop)
    fmt = quantized.options.fmt
    carried = image.metadata.carried(quantized.options.metadata)
    encoded = encode_indexed(
        palette, indices, fmt, transparent_index=quantized.transparent_index,
        icc_profile=image.icc_profile, metadata=carried,
    )  # fmt: skip
    _check_stop(should_stop)
    if image.alpha is None:
        measured = _measure_opaque(image, quantized, encoded, should_stop, pixels)
    else:
        measured = _measure_with_alpha(image, quantized, encoded, should_stop, pixels)
    figures, ssim, decoded, written = measured
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
    return with_effort(result, quantized.options.effort, should_stop=should_stop, written=written)


def with_effort(
    result: Result,
    effort: str,
    *,
    should_stop: engine.StopCheck | None = None,
    written: tuple[np.ndarray, np.ndarray] | None = None,
) -> Result:
    """`result` saved with `effort`: for "max", its PNG file rewritten smaller (imaging/png_max.py).

    The pixels never change, so the figures measured on the fast file hold; the file size and
    ``stats.effort`` are those of the file kept. When effort max gives no smaller file, the
    fast one is kept, ``stats.effort`` stays "fast" and a notice says so. GIF and WebP files
    are the same at both efforts. ``written``: the file decoded to palette and indices, if
    the caller has it.
    """
    if effort not in EFFORTS:
        raise ValueError(f"effort={effort!r} is not one of {', '.join(EFFORTS)}")
    options = dataclasses.replace(result.options, effort=effort)
    if effort != "max" or result.stats.effort == "max" or result.options.fmt != "png":
        return dataclasses.replace(result, options=options)
    encoded, reason = smaller_png(result.encoded, should_stop, written=written)
    _check_stop(should_stop)
    if reason is not None:
        return dataclasses.replace(result, options=options, notices=(*result.notices, reason))
    stats = dataclasses.replace(result.stats, output_bytes=len(encoded), effort="max")
    return dataclasses.replace(result, options=options, encoded=encoded, stats=stats)


# (MSE, colours, ΔE), SSIM, decoded pixels, the file as (palette, indices) or None.
_Measured = tuple[tuple[float, int, float], float, np.ndarray, tuple[np.ndarray, np.ndarray] | None]


def _measure_opaque(
    image: LoadedImage,
    quantized: Quantized,
    encoded: bytes,
    should_stop: engine.StopCheck | None,
    pixels: bool,
) -> _Measured:
    """Figures, SSIM, decoded pixels and the file as palette and indices, of an opaque
    image's file (composited figures equal the plain ones there: computed without alpha)."""
    written = decode_palette_output(encoded)
    figures = None if written is None else _figures_by_colour(quantized, *written)
    if figures is None or pixels:
        decoded = decode_output(encoded)[0] if written is None else _palette_pixels(*written)
    else:
        decoded = _NO_PIXELS
    _check_stop(should_stop)
    ssim = file_ssim(quantized.analysis, written, decoded)
    _check_stop(should_stop)
    if figures is None:  # dithered, or not a palette file: pixel by pixel
        figures = _figures_by_pixel(image, quantized.analysis, quantized.palette, decoded)
        if not pixels:
            decoded = _NO_PIXELS
    return figures, ssim, decoded, written


def _measure_with_alpha(
    image: LoadedImage,
    quantized: Quantized,
    encoded: bytes,
    should_stop: engine.StopCheck | None,
    pixels: bool,
) -> _Measured:
    """As :func:`_measure_opaque` for an image with transparency: composited figures (see
    :mod:`.transparency`), per distinct input value when the file's entries follow them,
    else pixel by pixel. SSIM compares luma only (alpha aside)."""
    written_rgba = decode_palette_output(encoded, with_alpha=True)
    written = None
    figures = None
    if written_rgba is not None:
        written = (np.ascontiguousarray(written_rgba[0][:, :3]), written_rgba[1])
        entries = _entries_of_values(quantized, written[1])
        if entries is not None:
            figures = transparency.figures_by_colour(
                quantized.analysis.histogram, *entries, written_rgba[0]
            )
    _check_stop(should_stop)
    if figures is not None and written is not None:
        decoded = _palette_pixels(*written) if pixels else _NO_PIXELS
        return figures, file_ssim(quantized.analysis, written, decoded), decoded, written
    decoded, decoded_alpha = decode_output(encoded)
    ssim = file_ssim(quantized.analysis, written, decoded)
    _check_stop(should_stop)
    figures = transparency.figures_by_pixel(image.rgb, image.alpha, decoded, decoded_alpha)
    return figures, ssim, decoded if pixels else _NO_PIXELS, written


def _entries_of_values(
    quantized: Quantized, indices: np.ndarray
) -> tuple[np.ndarray, int | None] | None:
    """The file's entry of every distinct input value and of the transparent pixels, or None
    when pixels of one value have different entries (dithering)."""
    hist = quantized.analysis.histogram
    if quantized.color_labels is not None and _equal_in_blocks(indices, quantized.indices):
        return quantized.color_labels, quantized.transparent_index
    entry_of_colour = _entry_of_each_colour(hist, indices)
    if entry_of_colour is None:
        return None
    # Block by block: whole-image masks and copies took 14 bytes per pixel (np.take's intp).
    flat, clear_entry = indices.reshape(-1), None
    for start in range(0, flat.size, _PIXELS_PER_BLOCK):
        clear = flat[start : start + _PIXELS_PER_BLOCK][
            hist.inverse[start : start + _PIXELS_PER_BLOCK] < 0
        ]
        if clear.size:
            clear_entry = int(clear[0]) if clear_entry is None else clear_entry
            if np.any(clear != clear_entry):
                return None
    return entry_of_colour, clear_entry


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


def _figures_by_colour(
    quantized: Quantized, palette: np.ndarray, indices: np.ndarray
) -> tuple[float, int, float] | None:
    """(MSE, colour count, mean Oklab ΔE×100) of a palette file against the input, over the
    pixels that carry colour, computed once per distinct input colour.

    palette : ndarray of shape (n, 3), uint8, the file's entries
    indices : ndarray of shape (height, width), uint8, the file's entry of every pixel

    Exact when all pixels of each input colour have one entry in the file: checked by
    comparing the file's indices with the ones encoded (made from one entry per colour), or
    else entry by entry. None when they do not (dithering), for the pixel-by-pixel figures.
    """
    hist = quantized.analysis.histogram
    if hist.n_opaque == 0:
        return 0.0, 0, 0.0
    labels = quantized.color_labels
    if labels is not None and _equal_in_blocks(indices, quantized.indices):
        entry_of_colour = labels
    else:
        found = _entry_of_each_colour(hist, indices)
        if found is None:
            return None
        entry_of_colour = found
    used = np.unique(entry_of_colour)
    colors = int(np.unique(pack_rgb(palette[used])).size)
    lab_in, lab_out = _colours_in_oklab(quantized.analysis), srgb8_to_oklab(palette)
    squares, distances = 0, 0.0
    # By blocks of colours: whole-size differences took 56 bytes per colour.
    for start in range(0, entry_of_colour.size, _COLOURS_PER_BLOCK):
        entry = entry_of_colour[start : start + _COLOURS_PER_BLOCK]
        counts = hist.counts[start : start + _COLOURS_PER_BLOCK]
        diff = hist.colors[start : start + _COLOURS_PER_BLOCK].astype(np.int64) - palette[entry]
        squares += int(counts @ np.einsum("ij,ij->i", diff, diff))
        lab = lab_in[start : start + _COLOURS_PER_BLOCK] - lab_out[entry]
        distances += float(counts @ np.sqrt(np.einsum("ij,ij->i", lab, lab)))
    mse = squares / (3 * hist.n_opaque)
    delta_e = 100.0 * distances / hist.n_opaque
    return mse, colors, delta_e


_COLOURS_PER_BLOCK = 1 << 16


def _equal_in_blocks(a: np.ndarray, b: np.ndarray) -> bool:
    """``np.array_equal`` of two same-shape arrays without a full-size bool array."""
    if a.shape != b.shape:
        return False
    a, b = a.reshape(-1), b.reshape(-1)
    return all(
        np.array_equal(a[start : start + _PIXELS_PER_BLOCK], b[start : start + _PIXELS_PER_BLOCK])
        for start in range(0, a.size, _PIXELS_PER_BLOCK)
    )


def _entry_of_each_colour(hist: engine.ColorHistogram, indices: np.ndarray) -> np.ndarray | None:
    """The file's entry of each input colour, shape (n_colors,) uint8, or None when some
    colour's pixels have different entries (dithering). Block by block: whole-image copies of
    the opaque pixels' colours and entries would take 5 bytes per pixel, and np.take's intp
    copy of the colours 8 more."""
    inverse, entries = hist.inverse, indices.reshape(-1)
    entry_of_colour = np.zeros(hist.colors.shape[0], np.uint8)

    def blocks():
        for start in range(0, inverse.size, _PIXELS_PER_BLOCK):
            colour = inverse[start : start + _PIXELS_PER_BLOCK]
            entry = entries[start : start + _PIXELS_PER_BLOCK]
            if hist.has_transparency:
                keep = colour >= 0
                colour, entry = colour[keep], entry[keep]
            yield colour, entry

    for colour, entry in blocks():
        entry_of_colour[colour] = entry
    if all(np.array_equal(entry_of_colour[colour], entry) for colour, entry in blocks()):
        return entry_of_colour
    return None


_OKLAB_OF_COLOURS: dict[int, np.ndarray] = {}


def _colours_in_oklab(analysis: engine.Analysis) -> np.ndarray:
    """The analysis's distinct colours in Oklab, shape (n_colors, 3) float64, made once per
    analysis (the same for every K) and forgotten with it."""
    key = id(analysis)
    lab = _OKLAB_OF_COLOURS.get(key)
    if lab is None:
        lab = srgb8_to_oklab(analysis.histogram.colors)
        _OKLAB_OF_COLOURS[key] = lab
        weakref.finalize(analysis, _OKLAB_OF_COLOURS.pop, key, None)
    return lab


def _figures_by_pixel(
    image: LoadedImage, analysis: engine.Analysis, palette: np.ndarray, decoded: np.ndarray
) -> tuple[float, int, float]:
    """(MSE, colour count, mean Oklab ΔE×100) of the decoded output against the input, over
    the pixels that carry colour.

    ΔE and the colour count come from the decoded pixels, matched to the written palette
    (a lossless file decodes to palette colours only); the input's Oklab values come from its
    distinct colours, so only ``n_colors + n_entries`` colours are converted, not every pixel.
    """
    hist = analysis.histogram
    opaque = None if image.alpha is None else hist.inverse >= 0
    flat_decoded = decoded.reshape(-1, 3)
    entry_of_pixel = _palette_positions(flat_decoded, palette)
    mse = _opaque_mse(image.rgb, decoded, opaque)
    if entry_of_pixel is None:  # not palette colours only: measure pixel by pixel
        if opaque is not None:
            original = image.rgb.reshape(-1, 3)[opaque][None]
            decoded_opaque = flat_decoded[opaque][None]
        else:
            original, decoded_opaque = image.rgb, decoded
        colors = _count_colors(decoded_opaque)
        delta_e = engine.mean_delta_e_ok(original, decoded_opaque) if original.size else 0.0
    else:
        used = entry_of_pixel if opaque is None else entry_of_pixel[opaque]
        colors = int(np.count_nonzero(_index_counts(used, palette.shape[0])))
        delta_e = _mean_delta_e(hist, opaque, palette, entry_of_pixel)
    return mse, colors, delta_e


_PIXELS_PER_BLOCK = 1 << 20


def _opaque_mse(original: np.ndarray, decoded: np.ndarray, opaque: np.ndarray | None) -> float:
    """``engine.mse`` over the pixels where `opaque` (flat, bool) is True, block by block:
    copies of the opaque pixels would take 6 bytes per pixel. 0 without opaque pixels."""
    if opaque is None:
        return engine.mse(original, decoded)
    a, b = original.reshape(-1, 3), decoded.reshape(-1, 3)
    total, count = 0, 0
    for start in range(0, opaque.size, _PIXELS_PER_BLOCK):
        keep = opaque[start : start + _PIXELS_PER_BLOCK]
        diff = a[start : start + _PIXELS_PER_BLOCK][keep].astype(np.int32)
        diff -= b[start : start + _PIXELS_PER_BLOCK][keep]
        total += int(np.einsum("ij,ij->", diff, diff, dtype=np.int64))
        count += diff.size
    return total / count if count else 0.0


def _palette_pixels(palette: np.ndarray, indices: np.ndarray) -> np.ndarray:
    """``palette[indices]``, shape (height, width, 3) uint8, without np.take's intp copy of
    the indices (800 MB for 100 megapixels)."""
    pixels = np.empty((*indices.shape, 3), dtype=np.uint8)
    parallel.take(palette, indices.reshape(-1), pixels.reshape(-1, 3))
    return pixels


def _palette_positions(pixels: np.ndarray, palette: np.ndarray) -> np.ndarray | None:
    """Index into ``palette`` of every (n, 3) pixel, or None if some pixel is not in it."""
    codes = pack_rgb(palette)
    order = np.argsort(codes, kind="stable")
    sorted_codes = codes[order]
    # uint8 for up to 256 entries: intp would be 400 MB for a 50-megapixel photo.
    positions = np.empty(pixels.shape[0], dtype=np.uint8 if len(codes) <= 256 else np.intp)
    for start in range(0, pixels.shape[0], _PIXELS_PER_BLOCK):
        block = pack_rgb(pixels[start : start + _PIXELS_PER_BLOCK])
        found = np.minimum(np.searchsorted(sorted_codes, block), len(codes) - 1)
        if not np.array_equal(sorted_codes[found], block):
            return None
        positions[start : start + block.size] = order[found]
    return positions


def _mean_delta_e(
    hist: engine.ColorHistogram,
    opaque: np.ndarray | None,
    palette: np.ndarray,
    entry_of_pixel: np.ndarray,
) -> float:
    """Mean Oklab ΔE×100 over opaque pixels: input colour of each pixel vs its decoded entry."""
    if hist.n_opaque == 0:
        return 0.0
    lab_in = srgb8_to_oklab(hist.colors)
    lab_out = srgb8_to_oklab(palette)
    total = 0.0
    for start in range(0, hist.inverse.size, _PIXELS_PER_BLOCK):
        colour = hist.inverse[start : start + _PIXELS_PER_BLOCK]
        entry = entry_of_pixel[start : start + _PIXELS_PER_BLOCK]
        if opaque is not None:
            keep = opaque[start : start + _PIXELS_PER_BLOCK]
            colour, entry = colour[keep], entry[keep]
        diff = np.take(lab_in, colour, axis=0) - np.take(lab_out, entry, axis=0)
        total += float(np.sqrt(np.square(diff) @ np.ones(3)).sum())
    return 100.0 * total / hist.n_opaque


def _count_colors(rgb: np.ndarray) -> int:
    """Number of distinct colours in an (..., 3) uint8 array."""
    return engine.count_colors(rgb)


def _entry_counts(quantized: Quantized) -> np.ndarray:
    """Pixels per palette entry, shape (n_entries,) int64: from the colours' entries and counts
    when known (a sum over the distinct colours), else by counting the indices."""
    n_entries = quantized.palette.shape[0]
    labels = quantized.color_labels
    if labels is None:
        return _index_counts(quantized.indices, n_entries)
    hist = quantized.analysis.histogram
    # float64 sums of integer counts are exact below 2**53 pixels
    counts = np.bincount(labels, weights=hist.counts, minlength=n_entries).astype(np.int64)
    if quantized.transparent_index is not None:
        counts[quantized.transparent_index] += hist.n_pixels - hist.n_opaque
    return counts


def _index_counts(indices: np.ndarray, n_entries: int) -> np.ndarray:
    """Pixels per palette entry, shape (n_entries,) int64, in chunks of 1 M pixels.

    np.bincount copies its input to intp (8 bytes per pixel at once would be 400 MB for a
    50-megapixel image) and scans it for its largest value while holding Python's GIL: an
    8 M-pixel chunk kept the window's thread waiting 5-11 ms on an idle 2-core machine and
    30-35 ms on a busy one, a 1 M-pixel chunk at most 3 ms.
    """
    flat = indices.ravel()
    counts = np.zeros(n_entries, dtype=np.int64)
    step = 1 << 20
    for start in range(0, flat.size, step):
        counts += np.bincount(flat[start : start + step], minlength=n_entries)
    return counts


def compress_file(path: str | os.PathLike[str], options: Options) -> Result:
    """Load an image file and compress it (raises ImageLoadError with a plain reason).

    For the command line, which keeps the file and its figures: the result's ``decoded`` is
    empty (see :func:`encode_and_measure`), 300 MB less at 100 megapixels.
    """
    return compress(load_image(path), options, pixels=False)


def save(
    result: Result,
    path: str | os.PathLike[str],
    *,
    overwrite: bool = False,
    keep_dates: bool = False,
) -> Path:
    """Write the encoded output atomically; never onto its source, never over a file unasked.

    Without `overwrite`, a file that appears at `path` while the output is being written
    (another program saving there) is kept and the save fails: the output takes the name
    only if it is still free (see ``write_atomic``). With `keep_dates`, the output gets the
    source file's modification and access times (see :func:`copy_dates`).

    Raises
    ------
    ImageSaveError
        naming the file and the reason; the target and the source are left as they were and
        no partial or temporary file remains.
    """
    return save_encoded(
        result.source, result.encoded, path, overwrite=overwrite, keep_dates=keep_dates
    )


def save_encoded(
    source: str | os.PathLike[str],
    encoded: bytes,
    path: str | os.PathLike[str],
    *,
    overwrite: bool = False,
    keep_dates: bool = False,
) -> Path:
    """`save` of encoded bytes (a batch's worker process sends back only those)."""
    source = Path(source)
    target = Path(path)
    if _same_file(target, source):
        raise ImageSaveError(target, "this is the original image; choose another name")
    if target.exists() and not overwrite:
        raise ImageSaveError(target, "a file with this name already exists")
    write_atomic(target, encoded, overwrite=overwrite)
    if keep_dates:
        copy_dates(source, target)
    return target


def copy_dates(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> bool:
    """Give `target` the modification and access times of `source` (to the nanosecond where
    the file system keeps them); return whether that was done.

    Creation times are left alone: Linux cannot set them. A failure (the source gone, a
    file system that refuses) is logged, never raised: the file is written already.
    """
    try:
        st = os.stat(source)
        os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))
    except OSError as exc:
        logger.warning("dates of %s not copied to %s: %s", source, target, exc)
        return False
    return True


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False
