"""One image through the whole pipeline: analyse, quantize, map, encode, and measure the file.

The CLI and the window both call these functions. Every statistic is measured on the encoded
output decoded back, never estimated.
"""

from __future__ import annotations

import math
import os
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import engine
from .engine.colorspace import srgb8_to_oklab
from .engine.histogram import pack_rgb
from .imaging import (
    SAVE_FORMATS,
    ImageSaveError,
    LoadedImage,
    decode_output,
    dither_indices,
    encode_indexed,
    load_image,
    write_atomic,
)

DELTA_E_NAME = "Oklab ΔE×100"


@dataclass(frozen=True)
class Options:
    """How to compress: K, output format, clustering colour space, dithering, random seed."""

    k: int = 16
    fmt: str = "png"
    color_space: str = "rgb"
    dither: bool = False
    seed: int = 0

    def __post_init__(self) -> None:
        if not isinstance(self.k, int) or not 1 <= self.k <= engine.MAX_K:
            raise ValueError(f"k={self.k!r} should be an integer between 1 and {engine.MAX_K}")
        if self.fmt not in SAVE_FORMATS:
            raise ValueError(f"fmt={self.fmt!r} is not one of {', '.join(SAVE_FORMATS)}")
        if self.color_space not in engine.COLOR_SPACES:
            raise ValueError(
                f"color_space={self.color_space!r} is not one of {', '.join(engine.COLOR_SPACES)}"
            )


@dataclass(frozen=True)
class Stats:
    """Truthful figures of one compression, measured on the encoded file read back.

    Byte counts are exact. ``palette_index_bytes`` is the original write-up's figure: every
    pixel stored as a ceil(log2 n)-bit index into an n-entry palette of 3-byte colours, with no
    file format around it. ``seconds`` is the quantization alone (analysis, k-means and
    mapping), without decoding or encoding.
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

    palette : ndarray of shape (n_entries, 3), uint8, as written (transparent entry included)
    counts : ndarray of shape (n_entries,), int64, pixels using each entry
    decoded : ndarray of shape (height, width, 3), uint8, the output file decoded back
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

    @property
    def default_name(self) -> str:
        """``<stem>_k<K>.<ext>``, the output file name."""
        return output_name(self.source, self.options.k, self.options.fmt)


def output_name(source: str | os.PathLike[str], k: int, fmt: str) -> str:
    """``<stem>_k<K>.<ext>`` for an input file."""
    return f"{Path(source).stem}_k{k}.{fmt}"


def palette_index_bytes(n_pixels: int, n_entries: int) -> int:
    """Bare palette + index bytes: ceil(n_pixels * ceil(log2 n_entries) / 8) + 3 * n_entries."""
    bits = math.ceil(math.log2(n_entries)) if n_entries > 1 else 0
    return math.ceil(n_pixels * bits / 8) + 3 * n_entries


def compress(
    image: LoadedImage,
    options: Options,
    *,
    analysis: engine.Analysis | None = None,
    progress: engine.ProgressCallback | None = None,
    should_stop: engine.StopCheck | None = None,
) -> Result:
    """Compress a loaded image and measure the result.

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

    Returns
    -------
    Result
    """
    seconds = 0.0
    if analysis is None:
        analysis = engine.analyse(image.rgb, image.alpha)
        seconds += analysis.seconds
    quantization = engine.quantize(
        analysis,
        options.k,
        color_space=options.color_space,
        seed=options.seed,
        progress=progress,
        should_stop=should_stop,
    )
    seconds += quantization.seconds
    _check_stop(should_stop)
    start = time.perf_counter()
    palette = quantization.palette
    if options.dither and palette.shape[0] > 1:
        indices = dither_indices(image.rgb, palette)
        transparent_index = None
        if analysis.histogram.has_transparency:
            transparent_index = int(palette.shape[0])
            indices[analysis.histogram.inverse.reshape(analysis.shape) < 0] = transparent_index
    else:
        indices, transparent_index = engine.indexed_image(analysis, quantization)
    seconds += time.perf_counter() - start
    if transparent_index is not None:
        palette = np.vstack([palette, np.zeros((1, 3), np.uint8)])
    if palette.shape[0] == 0:  # every pixel transparent: one transparent entry
        palette = np.zeros((1, 3), np.uint8)
    counts = _index_counts(indices, palette.shape[0])
    _check_stop(should_stop)

    encoded = encode_indexed(
        palette, indices, options.fmt,
        transparent_index=transparent_index, icc_profile=image.icc_profile,
    )  # fmt: skip
    _check_stop(should_stop)
    decoded, _ = decode_output(encoded)
    _check_stop(should_stop)
    stats = _measure(
        image, analysis, options, palette, decoded, encoded, quantization.iterations, seconds
    )
    notices = image.notices
    if image.alpha is not None and _partly_transparent(image.alpha):
        notices += (PARTLY_TRANSPARENT_NOTICE,)
    return Result(
        source=image.path,
        options=options,
        encoded=encoded,
        palette=palette,
        counts=counts,
        transparent_index=transparent_index,
        decoded=decoded,
        stats=stats,
        notices=notices,
    )


PARTLY_TRANSPARENT_NOTICE = (
    "partly transparent pixels were saved fully opaque (a palette image keeps only "
    "fully transparent pixels)"
)


def _partly_transparent(alpha: np.ndarray) -> bool:
    """Whether some alpha value lies strictly between 0 and 255."""
    return bool(np.any(alpha - np.uint8(1) < 254))  # 1..254 -> 0..253; 0 wraps to 255


def _check_stop(should_stop: engine.StopCheck | None) -> None:
    """Raise ``engine.Cancelled`` when the caller asks to stop."""
    if should_stop is not None and should_stop():
        raise engine.Cancelled


def _measure(
    image: LoadedImage,
    analysis: engine.Analysis,
    options: Options,
    palette: np.ndarray,
    decoded: np.ndarray,
    encoded: bytes,
    iterations: int,
    seconds: float,
) -> Stats:
    """Statistics of the decoded output against the input, over the pixels that carry colour.

    ΔE and the colour count come from the decoded pixels, matched to the written palette
    (a lossless file decodes to palette colours only); the input's Oklab values come from its
    distinct colours, so only ``n_colors + n_entries`` colours are converted, not every pixel.
    """
    hist = analysis.histogram
    opaque = None if image.alpha is None else hist.inverse >= 0
    flat_decoded = decoded.reshape(-1, 3)
    entry_of_pixel = _palette_positions(flat_decoded, palette)
    if opaque is not None:
        original = image.rgb.reshape(-1, 3)[opaque][None]
        decoded_opaque = flat_decoded[opaque][None]
    else:
        original, decoded_opaque = image.rgb, decoded
    mse = engine.mse(original, decoded_opaque) if original.size else 0.0
    if entry_of_pixel is None:  # not palette colours only: measure pixel by pixel
        colors = _count_colors(decoded_opaque)
        delta_e = engine.mean_delta_e_ok(original, decoded_opaque) if original.size else 0.0
    else:
        used = entry_of_pixel if opaque is None else entry_of_pixel[opaque]
        colors = int(np.count_nonzero(_index_counts(used, palette.shape[0])))
        delta_e = _mean_delta_e(hist, opaque, palette, entry_of_pixel)
    n_entries = colors + (1 if hist.has_transparency else 0)
    return Stats(
        width=image.width,
        height=image.height,
        k=options.k,
        colors=colors,
        input_bytes=image.file_bytes,
        raw_bytes=image.width * image.height * 3,
        palette_index_bytes=palette_index_bytes(image.width * image.height, max(n_entries, 1)),
        output_bytes=len(encoded),
        mse=mse,
        psnr=engine.psnr(mse),
        mean_delta_e=delta_e,
        iterations=iterations,
        seconds=seconds,
    )


_PIXELS_PER_BLOCK = 1 << 20


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


def _index_counts(indices: np.ndarray, n_entries: int) -> np.ndarray:
    """Pixels per palette entry, shape (n_entries,) int64, in chunks of 8 M pixels.

    np.bincount copies its input to intp: 8 bytes per pixel at once would be 400 MB for a
    50-megapixel image.
    """
    flat = indices.ravel()
    counts = np.zeros(n_entries, dtype=np.int64)
    step = 1 << 23
    for start in range(0, flat.size, step):
        counts += np.bincount(flat[start : start + step], minlength=n_entries)
    return counts


def compress_file(path: str | os.PathLike[str], options: Options) -> Result:
    """Load an image file and compress it (raises ImageLoadError with a plain reason)."""
    return compress(load_image(path), options)


def save(result: Result, path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
    """Write the encoded output atomically; never onto its source, never over a file unasked.

    Without `overwrite`, a file that appears at `path` while the output is being written
    (another program saving there) is kept and the save fails: the output takes the name
    only if it is still free (see ``write_atomic``).

    Raises
    ------
    ImageSaveError
        naming the file and the reason; the target and the source are left as they were and
        no partial or temporary file remains.
    """
    target = Path(path)
    if _same_file(target, result.source):
        raise ImageSaveError(target, "this is the original image; choose another name")
    if target.exists() and not overwrite:
        raise ImageSaveError(target, "a file with this name already exists")
    write_atomic(target, result.encoded, overwrite=overwrite)
    return target


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False
