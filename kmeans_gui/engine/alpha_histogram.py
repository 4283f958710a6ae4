"""The histogram of a partly transparent image: its distinct RGBA values, their pixel counts
and the value of every pixel, found through runs of equal pixels and a small hash table.

Every pixel's 32-bit code 0xAARRGGBB is packed in one pass. Drawn images (logos, icons,
screenshots) repeat a pixel along a row many times over, so the codes are reduced to runs
when that halves them at least; the distinct values are the sorted distinct codes, and each
run's (or pixel's) value is looked up in an open-addressing table a few times the size of
the distinct values, which stays in the processor's caches where tables over 2**24 colours
did not. Fully transparent pixels, whatever colour they carry, get -1.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import parallel
from .histogram import ColorHistogram, label_counts, unpack_rgb

# Runs of equal pixels replace the pixels when there are at most this share as many runs.
_RUN_SHARE = 0.5
# Values per block of a lookup: its hashes and candidates (some 30 bytes a value) stay in cache.
_BLOCK = 1 << 15
# Above this many distinct values (in the two halves together) the table leaves the caches:
# sorting the codes is as fast.
_MAX_HASHED = 1 << 20
# Fibonacci hashing: the top bits of the code times 2**64 / golden ratio.
_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)
_OPAQUE_BIT = 1 << 24  # the smallest code with a non-zero alpha


def build_rgba_histogram(rgb: np.ndarray, alpha: np.ndarray) -> ColorHistogram:
    """Count the distinct RGBA values of an image; fully transparent pixels are left out.

    Parameters
    ----------
    rgb : ndarray of shape (height, width, 3), dtype uint8
    alpha : ndarray of shape (height, width), dtype uint8

    Returns
    -------
    ColorHistogram with ``alphas`` set; values sorted by opacity, then by colour code.
    """
    height, width = alpha.shape
    codes = rgba_codes(rgb, alpha)
    # Two halves of the image, each on its own thread: its runs and their distinct codes;
    # then, after the table is made from all of them, its numbers and counts.
    parts: dict[int, _Part] = {}

    def reduce(start: int, stop: int) -> None:
        parts[start] = _Part.of(codes[start:stop])

    parallel.split_range(codes.size, reduce)
    if sum(part.distinct.size for part in parts.values()) > _MAX_HASHED:
        parts.clear()  # before the sort's own copies
        counts, inverse, visible = _count_by_sorting(codes)
    else:
        distinct = _sorted_distinct(np.concatenate([parts[s].distinct for s in sorted(parts)]))
        n_clear = int(np.searchsorted(distinct, _OPAQUE_BIT))
        n_values = distinct.size - n_clear
        # Transparent codes come first in the sorted order: all of them are numbered -1.
        numbers = np.arange(-n_clear, n_values, dtype=np.int32)
        numbers[:n_clear] = -1
        table = _CodeTable(distinct, numbers)
        inverse = codes.view(np.int32)  # each part's codes are replaced by their numbers
        part_counts: list[np.ndarray] = []

        def number(start: int, stop: int) -> None:
            part_counts.append(parts[start].number(table, inverse[start:stop], n_values))

        parallel.split_range(codes.size, number)  # the same parts as above
        counts = np.add.reduce(part_counts, dtype=np.int64)
        visible = distinct[n_clear:]
    return ColorHistogram(
        colors=unpack_rgb(visible & 0xFFFFFF),
        counts=counts,
        inverse=inverse,
        shape=(int(height), int(width)),
        alphas=(visible >> 24).astype(np.uint8),
    )


@dataclass
class _Part:
    """A range of the pixels: its runs (or its codes) and their distinct codes."""

    values: np.ndarray  # the code of each run, or the range's codes themselves (a view)
    lengths: np.ndarray | None  # each run's length; None when the runs did not pay
    distinct: np.ndarray

    @classmethod
    def of(cls, codes: np.ndarray) -> _Part:
        runs = _runs(codes)
        values, lengths = (codes, None) if runs is None else runs
        return cls(values, lengths, _sorted_distinct(values))

    def number(self, table: _CodeTable, out: np.ndarray, n_values: int) -> np.ndarray:
        """Write each pixel's number into ``out`` (int32, the range's own codes' memory) and
        return the range's counts of the ``n_values`` visible values."""
        if self.lengths is None:
            table.find(self.values, out=out)  # block by block, in place
            return label_counts(out, n_values, skip_negative=True)
        run_numbers = np.empty(self.values.size, dtype=np.int32)
        table.find(self.values, out=run_numbers)
        out[:] = np.repeat(run_numbers, self.lengths)
        counts = np.bincount(run_numbers + 1, weights=self.lengths, minlength=n_values + 1)
        return counts[1:].astype(np.int64)


def rgba_codes(rgb: np.ndarray, alpha: np.ndarray) -> np.ndarray:
    """The code 0xAARRGGBB of every pixel, shape (height * width,), uint32, on two threads.

    Parameters
    ----------
    rgb : ndarray of shape (height, width, 3), dtype uint8
    alpha : ndarray of shape (height, width), dtype uint8
    """
    data = np.ascontiguousarray(rgb, dtype=np.uint8).reshape(-1)
    flat_alpha = np.ascontiguousarray(alpha, dtype=np.uint8).reshape(-1)
    n = flat_alpha.size
    codes = np.empty(n, dtype=np.uint32)
    if n == 0:
        return codes
    # Pixel i's bytes R, G, B end at byte 3i + 2, so the big-endian word read from byte 3i - 1
    # is (byte before, R, G, B): its low 24 bits are 0xRRGGBB. The words of pixels 1.. are
    # 3 bytes apart in the image itself; no channel is copied on its own.
    words = np.ndarray((n - 1,), dtype=">u4", buffer=data, offset=2, strides=(3,))
    red, green, blue = (int(c) for c in data[:3])
    codes[0] = red << 16 | green << 8 | blue

    def pack(start: int, stop: int) -> None:
        top = np.empty(min(_BLOCK, stop - start), dtype=np.uint32)
        for first in range(start, stop, _BLOCK):
            last = min(first + _BLOCK, stop)
            skip = 1 if first == 0 else 0  # pixel 0 has no byte before it: done above
            low = codes[first + skip : last]
            np.bitwise_and(words[first + skip - 1 : last - 1], 0xFFFFFF, out=low)
            block = top[: last - first]
            np.left_shift(flat_alpha[first:last], 24, out=block, dtype=np.uint32)
            codes[first:last] |= block

    parallel.split_range(n, pack)
    return codes


def _runs(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """The code and length of every run of equal codes, or None when the runs are not fewer
    than ``_RUN_SHARE`` times the codes (photographs, noise)."""
    changes = np.empty(codes.size, dtype=bool)
    changes[:1] = True
    np.not_equal(codes[1:], codes[:-1], out=changes[1:])
    if np.count_nonzero(changes) > _RUN_SHARE * codes.size:
        return None
    starts = np.flatnonzero(changes)
    del changes
    lengths = np.diff(starts, append=codes.size)
    return codes[starts], lengths


def _sorted_distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values of a uint32 array, increasing (a sort of a copy: NumPy's vectorised
    sort of 32-bit integers; ``np.unique`` sorts the same way)."""
    ordered = np.sort(values)
    first = np.empty(ordered.size, dtype=bool)
    first[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    return ordered[first]


def _count_by_sorting(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Counts, the int32 inverse (written over ``codes``) and the visible distinct codes by
    ``np.unique``, for images of more than ``_MAX_HASHED`` distinct values."""
    visible = codes >= _OPAQUE_BIT
    every = bool(visible.all())  # then no copy of the codes (peak memory of RGBA noise)
    distinct, inverse_visible, counts = np.unique(
        codes if every else codes[visible], return_inverse=True, return_counts=True
    )
    inverse = codes.view(np.int32)
    if every:
        inverse[:] = inverse_visible.ravel()
    else:
        inverse[visible] = inverse_visible.ravel()
        inverse[~visible] = -1
    return counts.astype(np.int64), inverse, distinct


class _CodeTable:
    """An open-addressing hash table (linear probing) from distinct uint32 codes to numbers.

    Its size is the power of two at least 8 times the number of codes, so that most codes
    sit in their home slot and a lookup probes once (4 times: the icon sheet's 518,000 runs
    took 4.9 ms to look up instead of 3.6). Every looked-up code must be in it.
    """

    def __init__(self, codes: np.ndarray, numbers: np.ndarray):
        bits = max(int(codes.size).bit_length() + 3, 8)
        self._shift = np.uint64(64 - bits)
        self._mask = (1 << bits) - 1
        slot = self._hash(codes)
        owner = np.full(1 << bits, -1, dtype=np.intp)
        pending = np.arange(codes.size)
        while pending.size:
            # Each pending code tries its slot; of several trying a free slot one wins. The
            # others move one slot on, so every slot between a code's home and its slot is
            # taken: a lookup finds the code before it could reach an empty slot.
            tried = slot[pending]
            free = owner[tried] < 0
            owner[tried[free]] = pending[free]
            pending = pending[owner[tried] != pending]
            slot[pending] = (slot[pending] + 1) & self._mask
        # Empty slots hold code 0's entry: no lookup reaches them (see above).
        np.maximum(owner, 0, out=owner)
        self._codes = codes[owner]
        self._numbers = numbers[owner]

    def _hash(self, codes: np.ndarray) -> np.ndarray:
        """Home slot of each code, intp."""
        hashed = codes.astype(np.uint64)
        hashed *= _MULTIPLIER
        hashed >>= self._shift
        return hashed.view(np.intp)

    def find(self, codes: np.ndarray, out: np.ndarray) -> None:
        """Write the number of each code into ``out`` (int32, same length; it may be the
        codes' own memory: each block is written after it was read)."""
        for first in range(0, codes.size, _BLOCK):
            last = min(first + _BLOCK, codes.size)
            block = codes[first:last]
            slot = self._hash(block)
            numbers = np.take(self._numbers, slot)
            misses = np.flatnonzero(np.take(self._codes, slot) != block)
            while misses.size:
                tried = (slot[misses] + 1) & self._mask
                slot[misses] = tried
                numbers[misses] = self._numbers[tried]
                misses = misses[self._codes[tried] != block[misses]]
            out[first:last] = numbers
