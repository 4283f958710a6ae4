"""Colour histogram of an image: its distinct colours, their pixel counts, and binned reductions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from . import parallel

# From this many pixels dense tables over the 2**24 codes beat sorting the packed codes.
_DENSE_THRESHOLD = 1 << 20
# Pixels packed per step of the dense path: their intp codes (512 KB) stay in cache for the
# packing and the one operation that uses them.
_PACK_BLOCK = 1 << 16


@dataclass(frozen=True)
class ColorHistogram:
    """The distinct colours of an image (fully transparent pixels apart) and their pixel counts.

    Attributes
    ----------
    colors : ndarray of shape (n_colors, 3), dtype uint8
        Distinct colours, sorted by their packed 24-bit code (0xRRGGBB); with ``alphas``, the
        colour part of each distinct RGBA value (a colour may then repeat).
    counts : ndarray of shape (n_colors,), dtype int64
        Number of pixels of each colour; all >= 1.
    inverse : ndarray of shape (n_pixels,), dtype int32
        For every pixel (row-major), the index of its colour in ``colors``, or -1 for a
        transparent pixel, which belongs to no colour.
    shape : tuple (height, width)
    alphas : ndarray of shape (n_colors,), dtype uint8, or None
        The opacity (1..255) of each distinct value, for images with partly transparent
        pixels (see :mod:`.alpha`); None when every colour is opaque.
    """

    colors: np.ndarray
    counts: np.ndarray
    inverse: np.ndarray
    shape: tuple[int, int]
    alphas: np.ndarray | None = None

    @property
    def n_pixels(self) -> int:
        """Number of pixels in the image, transparent ones included."""
        return int(self.inverse.size)

    @property
    def n_opaque(self) -> int:
        """Number of pixels that carry a colour (not fully transparent)."""
        return int(self.counts.sum())

    @property
    def has_transparency(self) -> bool:
        """Whether some pixel is fully transparent."""
        return self.n_opaque < self.n_pixels


def pack_rgb(rgb: np.ndarray) -> np.ndarray:
    """Pack colours of shape (..., 3) uint8 into 24-bit codes 0xRRGGBB, shape (...), uint32."""
    rgb = np.asarray(rgb, dtype=np.uint8)
    codes = rgb[..., 0].astype(np.uint32)  # in place from here: no full-size temporaries
    codes <<= 8
    codes |= rgb[..., 1]
    codes <<= 8
    codes |= rgb[..., 2]
    return codes


def unpack_rgb(codes: np.ndarray) -> np.ndarray:
    """Inverse of :func:`pack_rgb`: codes of shape (...) to colours of shape (..., 3) uint8."""
    codes = np.asarray(codes, dtype=np.uint32)
    return np.stack([(codes >> 16) & 0xFF, (codes >> 8) & 0xFF, codes & 0xFF], axis=-1).astype(
        np.uint8
    )


def build_histogram(rgb: np.ndarray, opaque: np.ndarray | None = None) -> ColorHistogram:
    """Count the distinct colours of an image.

    Parameters
    ----------
    rgb : ndarray of shape (height, width, 3), dtype uint8
    opaque : ndarray of shape (height, width), dtype bool, optional
        False marks fully transparent pixels, which are left out of the histogram.

    Returns
    -------
    ColorHistogram
    """
    height, width = rgb.shape[:2]
    pixels = np.asarray(rgb, dtype=np.uint8).reshape(-1, 3)
    mask = None if opaque is None else np.asarray(opaque, dtype=bool).ravel()
    n_kept = pixels.shape[0] if mask is None else int(np.count_nonzero(mask))
    if n_kept >= _DENSE_THRESHOLD:
        # Transparent pixels are skipped block by block: no copy of the opaque ones is made.
        distinct, counts, inverse = _count_dense(pixels, mask)
    else:
        kept = pixels if mask is None else pixels[mask]
        distinct, unique_inverse, counts = np.unique(
            pack_rgb(kept), return_inverse=True, return_counts=True
        )
        inverse_kept = unique_inverse.astype(np.int32, copy=False).ravel()
        if mask is None:
            inverse = inverse_kept
        else:
            inverse = np.full(pixels.shape[0], -1, dtype=np.int32)
            inverse[mask] = inverse_kept
    return ColorHistogram(
        colors=unpack_rgb(distinct),
        counts=counts.astype(np.int64, copy=False),
        inverse=inverse,
        shape=(int(height), int(width)),
    )


def _count_dense(
    pixels: np.ndarray, mask: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Histogram of (n, 3) uint8 colours through dense tables over the 2**24 codes (linear time).

    Pixels where the (n,) bool `mask` is False are left out and numbered -1.

    The colours present are marked in a 16 MB bool table, numbered through a 64 MB int32
    lookup table, and each pixel's number is looked up; the counts are a bincount of those
    numbers, whose table (8 bytes per distinct colour) stays in cache for a photo's few
    hundred thousand colours, where a bincount of the codes filled 128 MB at random. The
    codes are packed block by block, twice (to mark, then to look up), into a small buffer
    per thread: an array of every pixel's intp code (98 MB on a 12-megapixel photo, and page
    faults on each fresh one) is never made. Every pass runs on two threads (see
    :mod:`.parallel`).
    """
    distinct = np.flatnonzero(seen_codes(pixels, mask))
    inverse = numbered_codes(pixels, distinct, mask)
    counts = label_counts(inverse, distinct.size, skip_negative=mask is not None)
    return distinct.astype(np.uint32), counts, inverse


def numbered_codes(pixels: np.ndarray, distinct: np.ndarray, mask: np.ndarray | None) -> np.ndarray:
    """The position in ``distinct`` (sorted codes) of every pixel's code, as int32; -1 where
    `mask` is False."""
    lookup = np.empty(1 << 24, dtype=np.int32)
    lookup[distinct] = np.arange(distinct.size, dtype=np.int32)
    inverse = np.empty(pixels.shape[0], dtype=np.int32)

    def number(codes: np.ndarray, first: int, last: int) -> None:
        np.take(lookup, codes, out=inverse[first:last], mode="clip")
        if mask is not None:  # the codes of left-out pixels may not be in the lookup table
            inverse[first:last][~mask[first:last]] = -1

    each_code_block(pixels, number)
    return inverse


def seen_codes(pixels: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
    """A bool table over the 2**24 codes, True where some of the (n, 3) uint8 pixels (those
    where `mask` is True) has it."""
    seen = np.zeros(1 << 24, dtype=bool)

    def mark(codes: np.ndarray, first: int, last: int) -> None:
        seen[codes if mask is None else codes[mask[first:last]]] = True

    each_code_block(pixels, mark)
    return seen


def each_code_block(pixels: np.ndarray, use: Callable[[np.ndarray, int, int], None]) -> None:
    """Call ``use(codes, first, last)`` with the intp codes 0xRRGGBB of ``pixels[first:last]``.

    Blocks of ``_PACK_BLOCK`` pixels, split between two threads, each packing into its own
    buffer (reused for the next block: ``use`` must not keep it). Two threads may ``use``
    at once; marking the same entry True from both is fine.
    """

    def run(start: int, stop: int) -> None:
        buffer = np.empty(min(_PACK_BLOCK, stop - start), dtype=np.intp)
        for first in range(start, stop, _PACK_BLOCK):
            last = min(first + _PACK_BLOCK, stop)
            codes = buffer[: last - first]
            rows = pixels[first:last]
            np.copyto(codes, rows[:, 0])
            codes <<= 8
            codes |= rows[:, 1]
            codes <<= 8
            codes |= rows[:, 2]
            use(codes, first, last)

    parallel.split_range(pixels.shape[0], run)


# Labels cast to intp per bincount by label_counts: 16 MB per thread, or one table's worth
# with more labels, so that the O(n_labels) table of each block costs less than its labels.
_COUNT_BLOCK = 1 << 21
# Above this many labels the counts are made on one thread: two would hold two tables.
_COUNT_SPLIT_LABELS = 1 << 20


def label_counts(labels: np.ndarray, n_labels: int, skip_negative: bool = False) -> np.ndarray:
    """``np.bincount(labels, minlength=n_labels)`` of int32 labels, on two threads; with
    `skip_negative`, labels of -1 are not counted.

    Each thread casts its blocks to intp in one buffer (np.bincount would cast the whole
    array at once: 8 bytes per pixel). np.bincount holds the GIL while it scans a block for
    its largest value (1-2 ms per 2 M labels here), so the blocks are not made larger than
    they need to be.
    """
    step = max(_COUNT_BLOCK, n_labels)
    parts: list[np.ndarray] = []

    def count(start: int, stop: int) -> None:
        total = None
        buffer = np.empty(min(step, stop - start), dtype=np.intp)
        for first in range(start, stop, step):
            last = min(first + step, stop)
            block = buffer[: last - first]
            np.copyto(block, labels[first:last], casting="safe")
            if skip_negative:  # -1 counted in bin 0, then dropped
                block += 1
                counted = np.bincount(block, minlength=n_labels + 1)[1:]
            else:
                counted = np.bincount(block, minlength=n_labels)
            if total is None:
                total = counted
            else:
                total += counted
        parts.append(np.zeros(n_labels, dtype=np.int64) if total is None else total)

    if n_labels > _COUNT_SPLIT_LABELS:
        count(0, labels.size)
    else:
        parallel.split_range(labels.size, count)
    for part in parts[1:]:
        parts[0] += part
    return parts[0]


def count_colors(rgb: np.ndarray) -> int:
    """Number of distinct colours in an (..., 3) uint8 array, in bounded extra memory.

    Parameters
    ----------
    rgb : ndarray of shape (..., 3), dtype uint8

    Returns
    -------
    int
    """
    flat = np.asarray(rgb, dtype=np.uint8).reshape(-1, 3)
    if flat.shape[0] < _DENSE_THRESHOLD:
        return int(np.unique(pack_rgb(flat)).size)
    return int(np.count_nonzero(seen_codes(flat)))


def bin_colors(colors: np.ndarray, bits: int) -> tuple[np.ndarray, int]:
    """The bin of every colour when colours sharing the top ``bits`` bits of each channel merge.

    Parameters
    ----------
    colors : ndarray of shape (n, 3), dtype uint8
    bits : int in 1..8

    Returns
    -------
    bin_of : ndarray of shape (n,), intp, bins numbered in increasing order of their code
    n_bins : int, number of occupied bins
    """
    codes = pack_rgb(colors).astype(np.intp).ravel()
    bin_of, bin_codes = coarser_bins(codes, 8, bits)
    return bin_of, int(bin_codes.size)


def coarser_bins(codes: np.ndarray, bits: int, to_bits: int) -> tuple[np.ndarray, np.ndarray]:
    """Merge bins of ``bits`` bits per channel into the bins of their top ``to_bits`` bits.

    A bin's code packs its channels' top bits as ``r << 2 * bits | g << bits | b``; at 8 bits
    that is the colour's 0xRRGGBB. Binning a binned level again gives the same bins as binning
    its colours, from fewer points.

    Parameters
    ----------
    codes : ndarray of shape (n,), intp, codes at ``bits`` bits per channel
    bits : int in 1..8
    to_bits : int in 1..bits

    Returns
    -------
    bin_of : ndarray of shape (n,), intp, the coarse bins numbered in increasing code order
    bin_codes : ndarray of shape (n_bins,), intp, the occupied coarse bins' codes, increasing
    """
    if not 1 <= bits <= 8:
        raise ValueError(f"bits={bits} should be between 1 and 8")
    if not 1 <= to_bits <= bits:
        raise ValueError(f"bits={to_bits} should be between 1 and the codes' {bits} bits")
    drop = bits - to_bits
    mask = (1 << bits) - 1
    coarse = (codes >> (2 * bits + drop)) << (2 * to_bits)
    coarse |= ((codes >> (bits + drop)) & (mask >> drop)) << to_bits
    coarse |= (codes & mask) >> drop
    # A dense table over the 2**(3*to_bits) possible bins: linear time, no sort.
    occupied = np.zeros(1 << (3 * to_bits), dtype=bool)
    occupied[coarse] = True
    bin_codes = np.flatnonzero(occupied)
    number = np.empty(occupied.size, dtype=np.intp)
    number[bin_codes] = np.arange(bin_codes.size)
    return number[coarse], bin_codes


def bin_means(
    points: np.ndarray, weights: np.ndarray, bin_of: np.ndarray, n_bins: int
) -> tuple[np.ndarray, np.ndarray]:
    """Weighted mean point and total weight of every bin.

    Parameters
    ----------
    points : ndarray of shape (n, 3), float
    weights : ndarray of shape (n,)
    bin_of : ndarray of shape (n,), intp, from :func:`bin_colors` or :func:`coarser_bins`
    n_bins : int

    Returns
    -------
    bin_points : ndarray of shape (n_bins, 3), float64
    bin_weights : ndarray of shape (n_bins,), float64
    """
    w = np.asarray(weights, dtype=np.float64)
    bin_weights = np.bincount(bin_of, weights=w, minlength=n_bins)
    sums = np.stack(
        [np.bincount(bin_of, weights=w * points[:, j], minlength=n_bins) for j in range(3)],
        axis=1,
    )
    return sums / bin_weights[:, None], bin_weights


def binned_reduction(
    colors: np.ndarray, points: np.ndarray, weights: np.ndarray, bits: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Merge colours that share the top ``bits`` bits of each channel into one weighted point.

    Parameters
    ----------
    colors : ndarray of shape (n, 3), dtype uint8
        The colours that decide the bins.
    points : ndarray of shape (n, 3), float
        The same colours in the clustering space; each bin's point is their weighted mean.
    weights : ndarray of shape (n,)
        Pixel counts.
    bits : int in 1..8

    Returns
    -------
    bin_points : ndarray of shape (n_bins, 3), float64
    bin_weights : ndarray of shape (n_bins,), float64
    bin_of : ndarray of shape (n,), intp, the bin of each colour
    """
    bin_of, n_bins = bin_colors(colors, bits)
    bin_points, bin_weights = bin_means(points, weights, bin_of, n_bins)
    return bin_points, bin_weights, bin_of
