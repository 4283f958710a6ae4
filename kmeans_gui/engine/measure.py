"""Figures of a written file against its input: MSE, colours, mean Oklab ΔE×100, pixel counts.

The file comes in decoded (by the caller, who owns the codecs): as palette and indices when
it is a palette file, else as pixels. Figures are taken per distinct input colour when every
pixel of a colour has one entry in the file, else pixel by pixel; both in blocks, so that no
full-size temporary is made. Images with alpha: see ``measure_alpha``.
"""

from __future__ import annotations

import weakref

import numpy as np

from . import parallel
from .analysis import Analysis
from .colorspace import srgb8_to_oklab
from .histogram import ColorHistogram, count_colors, pack_rgb
from .metrics import mean_delta_e_ok, mse

Figures = tuple[float, int, float]
"""(MSE, colour count, mean Oklab ΔE×100) over the pixels that carry colour."""

NO_PIXELS = np.zeros((0, 0, 3), dtype=np.uint8)
"""An empty (0, 0, 3) image: what a result keeps when only its file and figures are wanted."""

PIXELS_PER_BLOCK = 1 << 20
_COLOURS_PER_BLOCK = 1 << 16


def figures_by_colour(
    analysis: Analysis,
    color_labels: np.ndarray | None,
    encoded: np.ndarray,
    palette: np.ndarray,
    indices: np.ndarray,
) -> Figures | None:
    """Figures of a palette file against the input, computed once per distinct input colour.

    Parameters
    ----------
    analysis : Analysis
        The input's.
    color_labels : ndarray of shape (n_colors,), or None
        The entry of each distinct colour that `encoded` was made from (None: dithered).
    encoded : ndarray of shape (height, width), uint8
        The indices that were encoded.
    palette : ndarray of shape (n, 3), uint8
        The file's entries.
    indices : ndarray of shape (height, width), uint8
        The file's entry of every pixel.

    Returns
    -------
    Figures, or None when some colour's pixels have different entries in the file
    (dithering): then measure pixel by pixel (:func:`figures_by_pixel`).

    Exact when all pixels of each input colour have one entry in the file: checked by
    comparing the file's indices with the ones encoded, or else entry by entry.
    """
    hist = analysis.histogram
    if hist.n_opaque == 0:
        return 0.0, 0, 0.0
    if color_labels is not None and equal_in_blocks(indices, encoded):
        entry_of_colour = color_labels
    else:
        found = entry_of_each_colour(hist, indices)
        if found is None:
            return None
        entry_of_colour = found
    used = np.unique(entry_of_colour)
    colors = int(np.unique(pack_rgb(palette[used])).size)
    lab_in, lab_out = _colours_in_oklab(analysis), srgb8_to_oklab(palette)
    squares, distances = 0, 0.0
    # By blocks of colours: whole-size differences took 56 bytes per colour.
    for start in range(0, entry_of_colour.size, _COLOURS_PER_BLOCK):
        entry = entry_of_colour[start : start + _COLOURS_PER_BLOCK]
        counts = hist.counts[start : start + _COLOURS_PER_BLOCK]
        colours = hist.colors[start : start + _COLOURS_PER_BLOCK]
        diff = colours.astype(np.int64) - palette[entry]
        squares += int(counts @ np.einsum("ij,ij->i", diff, diff))
        if lab_in is None:
            lab = srgb8_to_oklab(colours, np.float32) - lab_out[entry]
        else:
            lab = lab_in[start : start + _COLOURS_PER_BLOCK] - lab_out[entry]
        distances += float(counts @ np.sqrt(np.einsum("ij,ij->i", lab, lab)))
    mse_value = squares / (3 * hist.n_opaque)
    delta_e = 100.0 * distances / hist.n_opaque
    return mse_value, colors, delta_e


def equal_in_blocks(a: np.ndarray, b: np.ndarray) -> bool:
    """``np.array_equal`` of two same-shape arrays without a full-size bool array."""
    if a.shape != b.shape:
        return False
    a, b = a.reshape(-1), b.reshape(-1)
    return all(
        np.array_equal(a[start : start + PIXELS_PER_BLOCK], b[start : start + PIXELS_PER_BLOCK])
        for start in range(0, a.size, PIXELS_PER_BLOCK)
    )


def entry_of_each_colour(hist: ColorHistogram, indices: np.ndarray) -> np.ndarray | None:
    """The file's entry of each input colour, shape (n_colors,) uint8, or None when some
    colour's pixels have different entries (dithering). Block by block: whole-image copies of
    the opaque pixels' colours and entries would take 5 bytes per pixel, and np.take's intp
    copy of the colours 8 more."""
    inverse, entries = hist.inverse, indices.reshape(-1)
    entry_of_colour = np.zeros(hist.colors.shape[0], np.uint8)

    def blocks():
        for start in range(0, inverse.size, PIXELS_PER_BLOCK):
            colour = inverse[start : start + PIXELS_PER_BLOCK]
            entry = entries[start : start + PIXELS_PER_BLOCK]
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
_KEPT_OKLAB = 1 << 21


def _colours_in_oklab(analysis: Analysis) -> np.ndarray | None:
    """The analysis's distinct colours in Oklab, shape (n_colors, 3) float32, made once per
    analysis (the same for every K) and forgotten with it; None above ``_KEPT_OKLAB`` colours
    (converted per block instead: the window keeps the analysis between K, and 16.7 million
    colours' table took 200 MB at the next K's peak, issue #13)."""
    if analysis.n_colors > _KEPT_OKLAB:
        return None
    key = id(analysis)
    lab = _OKLAB_OF_COLOURS.get(key)
    if lab is None:
        # float32: half the memory (12 bytes a colour); ΔE needs no more precision
        lab = srgb8_to_oklab(analysis.histogram.colors, np.float32)
        _OKLAB_OF_COLOURS[key] = lab
        weakref.finalize(analysis, _OKLAB_OF_COLOURS.pop, key, None)
    return lab


def figures_by_pixel(
    rgb: np.ndarray, alpha: np.ndarray | None, analysis: Analysis, palette: np.ndarray,
    decoded: np.ndarray,
) -> Figures:  # fmt: skip
    """Figures of the decoded output against the input, over the pixels that carry colour.

    rgb, decoded : ndarray of shape (height, width, 3), uint8, the input and the file decoded
    alpha : ndarray of shape (height, width), uint8, or None; only whether it is None counts
        here (the analysis knows which pixels are transparent)
    palette : ndarray of shape (n, 3), uint8, the palette written

    ΔE and the colour count come from the decoded pixels, matched to the written palette
    (a lossless file decodes to palette colours only); the input's Oklab values come from its
    distinct colours, so only ``n_colors + n_entries`` colours are converted, not every pixel.
    """
    hist = analysis.histogram
    opaque = None if alpha is None else hist.inverse >= 0
    flat_decoded = decoded.reshape(-1, 3)
    entry_of_pixel = _palette_positions(flat_decoded, palette)
    mse_value = opaque_mse(rgb, decoded, opaque)
    if entry_of_pixel is None:  # not palette colours only: measure pixel by pixel
        if opaque is not None:
            original = rgb.reshape(-1, 3)[opaque][None]
            decoded_opaque = flat_decoded[opaque][None]
        else:
            original, decoded_opaque = rgb, decoded
        colors = count_colors(decoded_opaque)
        delta_e = mean_delta_e_ok(original, decoded_opaque) if original.size else 0.0
    else:
        used = entry_of_pixel if opaque is None else entry_of_pixel[opaque]
        colors = int(np.count_nonzero(index_counts(used, palette.shape[0])))
        delta_e = _mean_delta_e(hist, opaque, palette, entry_of_pixel)
    return mse_value, colors, delta_e


def opaque_mse(original: np.ndarray, decoded: np.ndarray, opaque: np.ndarray | None) -> float:
    """``metrics.mse`` over the pixels where `opaque` (flat, bool) is True, block by block:
    copies of the opaque pixels would take 6 bytes per pixel. 0 without opaque pixels."""
    if opaque is None:
        return mse(original, decoded)
    a, b = original.reshape(-1, 3), decoded.reshape(-1, 3)
    total, count = 0, 0
    for start in range(0, opaque.size, PIXELS_PER_BLOCK):
        keep = opaque[start : start + PIXELS_PER_BLOCK]
        diff = a[start : start + PIXELS_PER_BLOCK][keep].astype(np.int32)
        diff -= b[start : start + PIXELS_PER_BLOCK][keep]
        total += int(np.einsum("ij,ij->", diff, diff, dtype=np.int64))
        count += diff.size
    return total / count if count else 0.0


def palette_pixels(palette: np.ndarray, indices: np.ndarray) -> np.ndarray:
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
    for start in range(0, pixels.shape[0], PIXELS_PER_BLOCK):
        block = pack_rgb(pixels[start : start + PIXELS_PER_BLOCK])
        found = np.minimum(np.searchsorted(sorted_codes, block), len(codes) - 1)
        if not np.array_equal(sorted_codes[found], block):
            return None
        positions[start : start + block.size] = order[found]
    return positions


def _mean_delta_e(
    hist: ColorHistogram,
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
    for start in range(0, hist.inverse.size, PIXELS_PER_BLOCK):
        colour = hist.inverse[start : start + PIXELS_PER_BLOCK]
        entry = entry_of_pixel[start : start + PIXELS_PER_BLOCK]
        if opaque is not None:
            keep = opaque[start : start + PIXELS_PER_BLOCK]
            colour, entry = colour[keep], entry[keep]
        diff = np.take(lab_in, colour, axis=0) - np.take(lab_out, entry, axis=0)
        total += float(np.sqrt(np.square(diff) @ np.ones(3)).sum())
    return 100.0 * total / hist.n_opaque


def entry_counts(
    analysis: Analysis,
    n_entries: int,
    color_labels: np.ndarray | None,
    indices: np.ndarray,
    transparent_index: int | None,
) -> np.ndarray:
    """Pixels per palette entry, shape (n_entries,) int64: from the colours' entries
    (`color_labels`) and counts when known (a sum over the distinct colours), else by counting
    the (height, width) `indices`; the fully transparent pixels count for `transparent_index`."""
    if color_labels is None:
        return index_counts(indices, n_entries)
    hist = analysis.histogram
    # float64 sums of integer counts are exact below 2**53 pixels; by blocks of colours (whole,
    # the intp labels and float64 counts np.bincount makes took 16 bytes a colour)
    length = max(n_entries, int(color_labels.max(initial=0)) + 1)
    counts = np.zeros(length, dtype=np.int64)
    for start in range(0, color_labels.size, _COLOURS_PER_BLOCK):
        block = slice(start, start + _COLOURS_PER_BLOCK)
        weights = hist.counts[block]
        counts += np.bincount(color_labels[block], weights=weights, minlength=length).astype(
            np.int64
        )
    if transparent_index is not None:
        counts[transparent_index] += hist.n_pixels - hist.n_opaque
    return counts


def index_counts(indices: np.ndarray, n_entries: int) -> np.ndarray:
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
