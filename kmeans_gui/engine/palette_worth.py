"""What each palette entry is worth: its share of the pixels, and what removing it would cost.

Removing an entry sends each of its colours to the next-nearest entry. The rise of the
image's MSE and mean Oklab ΔE that this causes is the entry's cost. The next-nearest entry
of a colour whose nearest is ``j`` lies within ``2 r_j + g_j`` of entry ``j`` (``r_j``: the
farthest colour of ``j``, ``g_j``: the gap to ``j``'s nearest other entry), by the triangle
inequality; so the colours are grouped by nearest entry and by distance band to it, and each
group is searched among its candidates only, which at K=256 are a small part of the palette.
The passes over the colours go by cache-sized blocks, on two threads.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np

from . import parallel
from .analysis import Analysis
from .colorspace import check_color_space, srgb8_to_oklab
from .nearest import nearest_center, row_sq_norms

# Colours per block of the per-colour passes (cache-sized); also the fewest each of two
# threads gets (a colour costs about 150 ns here, a thread about 0.1 ms to start).
_BLOCK = 1 << 15
# Colours searched at a time (each takes about 60 bytes while searched); up to _KEPT_OKLAB
# distinct colours, their Oklab values are kept with the analysis (float64 levels, about 50
# bytes a colour), above it converted per block (an image of all 16.7 M colours: issue #13).
_COLOURS_PER_BLOCK = 1 << 20
_KEPT_OKLAB = 1 << 21
# Groups per entry by distance to it (see _next_nearest): more bands, fewer candidates but
# more Python steps, which the two threads take turns at (12.3 MP, K=256: 2 bands 49 ms, 4: 55).
_BANDS = 2
_BAND_QUANTILES = (0.8,)


@dataclass(frozen=True)
class EntryWorth:
    """Share and cost of every entry of a palette an opaque image is mapped to.

    counts : ndarray of shape (n,), int64, pixels mapped to each entry
    shares : ndarray of shape (n,), float64, ``counts`` over the coloured pixels (sum 1)
    mse_rise : ndarray of shape (n,), float64
        How much the image's MSE (per channel, 0-255 units, over the coloured pixels) would
        rise if the entry were removed and its colours went to their next-nearest entry;
        ``inf`` for the only entry of a one-colour palette.
    delta_e_rise : ndarray of shape (n,), float64, the same for the mean Oklab ΔE×100
    """

    counts: np.ndarray
    shares: np.ndarray
    mse_rise: np.ndarray
    delta_e_rise: np.ndarray


def entry_worth(
    analysis: Analysis,
    palette: np.ndarray,
    *,
    color_space: str = "rgb",
    labels: np.ndarray | None = None,
    colors_oklab: np.ndarray | None = None,
) -> EntryWorth:
    """Share and removal cost of every palette entry (see :class:`EntryWorth`).

    Parameters
    ----------
    analysis : Analysis of an opaque image (no partly transparent pixels)
    palette : ndarray of shape (n, 3), uint8, distinct colours, 1 <= n <= 256
    color_space : "rgb" or "oklab", where "nearest" and "next-nearest" are measured (the
        space the image was mapped in)
    labels : ndarray of shape (n_colors,), intp, optional
        Each distinct colour's nearest entry (``Quantization.color_labels``); searched if None.
    colors_oklab : ndarray of shape (n_colors, 3), float64, optional
        The analysis's distinct colours in Oklab; if None, the analysis's own (made on first
        use and kept with it: later calls on the same analysis skip the conversion), or for
        more than 2 million colours in RGB converted block by block, not kept.

    Returns
    -------
    EntryWorth
    """
    check_color_space(color_space)
    if analysis.has_alpha:
        raise ValueError(
            "palette costs need an opaque image: this one has partly transparent pixels"
        )
    palette = np.asarray(palette)
    if palette.ndim != 2 or palette.shape[1] != 3 or not 1 <= palette.shape[0] <= 256:
        raise ValueError(f"palette shape={palette.shape} should be (n, 3) with n in 1..256")
    hist = analysis.histogram
    if colors_oklab is None and (color_space == "oklab" or analysis.n_colors <= _KEPT_OKLAB):
        colors_oklab = analysis.points("oklab")  # kept: later calls skip the conversion
    palette_oklab = srgb8_to_oklab(palette)
    exact_rgb = color_space == "rgb"
    entries = palette.astype(np.uint8) if exact_rgb else palette_oklab
    n = palette.shape[0]
    totals = np.zeros((3, n))  # each entry's pixels, and its rises times pixels
    for start in range(0, hist.colors.shape[0], _COLOURS_PER_BLOCK):
        block = slice(start, start + _COLOURS_PER_BLOCK)
        colours = hist.colors[block]
        lab = srgb8_to_oklab(colours) if colors_oklab is None else colors_oklab[block]
        points = colours if exact_rgb else lab
        own = nearest_center(points, entries)[0] if labels is None else labels[block]
        colors = _Colors(colours, lab, hist.counts[block], points, own)
        totals += _sums(colors, _Palette(palette, palette_oklab, entries))
    coloured = max(hist.n_opaque, 1)
    counts = totals[0].astype(np.int64)
    if n == 1:
        infinite = np.full(1, np.inf)
        return EntryWorth(counts, counts / coloured, infinite, infinite.copy())
    mse_rise = totals[1] / (3 * coloured)
    delta_e_rise = 100.0 * totals[2] / coloured
    return EntryWorth(counts, counts / coloured, mse_rise, delta_e_rise)


@dataclass(frozen=True)
class _Colors:
    """Distinct colours: RGB ``rgb`` (uint8), Oklab ``lab``, pixel ``counts``, ``points`` (one
    of the two, the space of the search) and each one's nearest entry ``labels``."""

    rgb: np.ndarray
    lab: np.ndarray
    counts: np.ndarray
    points: np.ndarray
    labels: np.ndarray


@dataclass(frozen=True)
class _Palette:
    """The palette in RGB (uint8), in Oklab, and in the space of the search (``entries``)."""

    rgb: np.ndarray
    lab: np.ndarray
    entries: np.ndarray


def _sums(colors: _Colors, palette: _Palette) -> np.ndarray:
    """Each entry's pixels, squared-RGB rise times pixels and Oklab rise times pixels, summed
    over ``colors``: shape (3, n)."""
    n = palette.rgb.shape[0]
    labels, exact_rgb = colors.labels, colors.points is colors.rgb
    if n == 1:
        return np.stack([np.bincount(labels, colors.counts, 1), np.zeros(1), np.zeros(1)])
    own_sq = np.empty(labels.size)

    def own_distances(part: slice) -> None:
        points = _columns(colors.points[part])
        _sq_dist(points, palette.entries, labels[part], out=own_sq[part])

    _per_block(own_distances, labels.size)
    second, second_sq = _next_nearest(colors.points, palette.entries, labels, own_sq)
    sums: dict[int, np.ndarray] = {}  # by block, added in block order at the end

    def rises(part: slice) -> None:
        own, other = labels[part], second[part]
        lab = _columns(colors.lab[part])
        lab_rise = np.sqrt(_sq_dist(lab, palette.lab, other))
        lab_rise -= np.sqrt(_sq_dist(lab, palette.lab, own))
        if exact_rgb:
            rgb_rise = second_sq[part] - own_sq[part]
        else:
            rgb = _columns(colors.rgb[part])
            rgb_rise = _sq_dist(rgb, palette.rgb, other) - _sq_dist(rgb, palette.rgb, own)
        weights = colors.counts[part].astype(np.float64)
        rgb_rise *= weights
        lab_rise *= weights
        sums[part.start] = np.stack(
            [np.bincount(own, weights=w, minlength=n) for w in (weights, rgb_rise, lab_rise)]
        )

    _per_block(rises, labels.size)
    return np.sum([sums[block] for block in sorted(sums)], axis=0)


def _per_block(work: Callable[[slice], None], n: int) -> None:
    """``work(part)`` over cache-sized slices of ``range(n)``, on two threads when large."""
    parallel.split_range(n, lambda start, stop: _blocks(work, start, stop), min_split=_BLOCK)


def _blocks(work: Callable[[slice], None], start: int, stop: int) -> None:
    """``work(part)`` over cache-sized slices of ``range(start, stop)``, in turn."""
    for first in range(start, stop, _BLOCK):
        work(slice(first, min(first + _BLOCK, stop)))


def _next_nearest(
    points: np.ndarray, entries: np.ndarray, labels: np.ndarray, own_sq: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Nearest entry other than ``labels[i]`` for every point (lowest index on ties).

    The points are grouped by nearest entry and by distance band to it: the closer a group's
    points are to their entry, the fewer candidates it has (the module docstring's bound).
    Each thread groups and searches its own part of the points.

    Parameters
    ----------
    points : ndarray of shape (m, d), uint8 (exact integer distances) or float64
    entries : ndarray of shape (n, d), same kind, 2 <= n <= 256
    labels : ndarray of shape (m,), intp, each point's nearest entry
    own_sq : ndarray of shape (m,), float64, squared distance to it

    Returns
    -------
    second : ndarray of shape (m,), intp
    second_sq : ndarray of shape (m,), float64, squared distance to it (exact for uint8)
    """
    m = points.shape[0]
    if m == 0:
        return np.zeros(0, np.intp), np.zeros(0)
    e = entries.astype(np.float64)
    n = e.shape[0]
    norms = row_sq_norms(e)
    gaps = np.sqrt(np.maximum(norms[:, None] - 2.0 * (e @ e.T) + norms[None, :], 0.0))
    np.fill_diagonal(gaps, np.inf)
    others = np.argsort(gaps, axis=1)[:, : n - 1]  # each entry's others, nearest first
    second = np.empty(m, dtype=np.intp)
    second_sq = np.empty(m, dtype=np.float64)

    def search(start: int, stop: int) -> None:
        part = slice(start, stop)
        order, found, found_sq = _search_part(
            points[part], entries, labels[part], own_sq[part], gaps, others
        )
        second[part][order] = found
        second_sq[part][order] = found_sq

    parallel.split_range(m, search, min_split=_BLOCK)
    return second, second_sq


def _search_part(
    points: np.ndarray,
    entries: np.ndarray,
    labels: np.ndarray,
    own_sq: np.ndarray,
    gaps: np.ndarray,
    others: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`_next_nearest` on one thread, given the entries' gaps and others by gap: the
    order the points were searched in, and each one's next-nearest entry and squared distance
    in that order."""
    m = points.shape[0]
    n = entries.shape[0]
    nearest_gap = gaps.min(axis=1)
    # Band edges at quantiles of the squared distance to the own entry (of a sample).
    edges = np.quantile(own_sq[:: max(1, m // 4096)], _BAND_QUANTILES)
    key = labels.astype(np.uint16) * np.uint16(_BANDS)
    for edge in edges:
        key += own_sq > edge  # the band: how many edges lie below
    order = np.argsort(key, kind="stable")  # a radix sort for 16-bit keys
    starts = np.searchsorted(key[order], np.arange(n * _BANDS + 1))
    groups = np.flatnonzero(starts[1:] > starts[:-1])
    reach = np.zeros(n * _BANDS)  # the farthest point of each group from its entry
    reach[groups] = np.sqrt(np.maximum.reduceat(own_sq[order], starts[groups]))
    slack = 1e-7 * (1.0 + float(np.abs(entries).max()))
    # Each group's candidates: the first ``among[g]`` of its entry's others, nearest first.
    entry = groups // _BANDS
    bound = 2.0 * reach[groups] + nearest_gap[entry] + slack
    among = np.count_nonzero(np.take_along_axis(gaps, others, 1)[entry] <= bound[:, None], 1)
    tasks = _Tasks(np.append(starts[groups], m), entry, others, among)
    search = _exact_search if np.issubdtype(points.dtype, np.integer) else _float_search
    return order, *search(np.take(points, order, axis=0), entries, tasks)


@dataclass(frozen=True)
class _Tasks:
    """Groups of points, sorted by group, for a search of each one's nearest candidate.

    starts : ndarray of shape (g + 1,), intp, where each group begins (and the end)
    entry : ndarray of shape (g,), intp, each group's own entry
    others : ndarray of shape (n, n - 1), intp, each entry's other entries, nearest first
    among : ndarray of shape (g,), intp, how many of ``others[entry]`` are each group's
        candidates
    """

    starts: np.ndarray
    entry: np.ndarray
    others: np.ndarray
    among: np.ndarray

    def candidates(self, group: int) -> np.ndarray:
        return self.others[self.entry[group], : self.among[group]]

    def within(self, start: int, stop: int) -> Iterator[tuple[int, int, int]]:
        """Each group that has rows in ``start:stop``, and those rows."""
        first = int(np.searchsorted(self.starts, start, side="right")) - 1
        last = int(np.searchsorted(self.starts, stop, side="left"))
        bounds = self.starts[first : last + 1].tolist()
        for group, (begin, end) in enumerate(itertools.pairwise(bounds), first):
            begin, end = max(begin, start), min(end, stop)
            if begin < end:
                yield group, begin, end


def _exact_search(
    points: np.ndarray, entries: np.ndarray, tasks: _Tasks
) -> tuple[np.ndarray, np.ndarray]:
    """The nearest candidate of every point and its squared distance, for 8-bit points
    sorted by group (see :func:`_next_nearest`).

    One product per group gives ``256 (|c|^2 - 2 p.c) + c's index`` for every candidate
    ``c``: integers below 2**53, exact in float64, whose minimum carries both the distance and
    the lowest index among ties, so no argmin over the candidates is needed.
    """
    m, dim = points.shape
    e = entries.astype(np.float64)
    # Each entry as -512 c and its offset; the points as coordinates and a 1, by block.
    extended_entries = np.empty((e.shape[0], dim + 1))
    np.multiply(e, -512.0, out=extended_entries[:, :dim])
    extended_entries[:, dim] = 256.0 * np.einsum("ij,ij->i", e, e) + np.arange(e.shape[0])
    by_entry = extended_entries[tasks.others]  # each entry's others' rows, nearest first
    candidates = [by_entry[j, :count] for j, count in zip(tasks.entry, tasks.among, strict=True)]
    found = np.empty(m, dtype=np.intp)
    found_sq = np.empty(m)

    def search(part: slice) -> None:
        extended_points = np.ones((dim + 1, part.stop - part.start))
        extended_points[:dim] = points[part].T
        best = np.empty(part.stop - part.start)
        # np.dot, not @: BLAS without the GIL, the two threads' products overlap.
        for group, begin, end in tasks.within(part.start, part.stop):
            rows = slice(begin - part.start, end - part.start)
            d = np.dot(candidates[group], extended_points[:, rows])
            np.minimum.reduce(d, axis=0, out=best[rows])
        second = np.remainder(best, 256.0)
        found[part] = second
        best -= second
        best /= 256.0
        for coordinate in extended_points[:dim]:  # + |p|^2
            best += np.square(coordinate)
        found_sq[part] = best

    _blocks(search, 0, m)
    return found, found_sq


def _float_search(
    points: np.ndarray, entries: np.ndarray, tasks: _Tasks
) -> tuple[np.ndarray, np.ndarray]:
    """The nearest candidate of every point and its squared distance, for float64 points
    sorted by group (see :func:`_next_nearest`)."""
    dim = points.shape[1]
    # One product per group gives |c|^2 - 2 p.c: the entries as -2 c and a row of |c|^2.
    extended_entries = np.empty((dim + 1, entries.shape[0]))
    np.multiply(entries.T, -2.0, out=extended_entries[:dim])
    extended_entries[dim] = row_sq_norms(entries)
    found = np.empty(points.shape[0], dtype=np.intp)
    found_sq = np.empty(points.shape[0])

    def search(part: slice) -> None:
        for group, begin, end in tasks.within(part.start, part.stop):
            among = np.sort(tasks.candidates(group))  # index order: ties go to the lowest
            d = np.dot(points[begin:end], extended_entries[:dim, among])  # not @: see above
            d += extended_entries[dim, among]
            best = np.argmin(d, axis=1)
            found[begin:end] = among[best]
            found_sq[begin:end] = d[np.arange(best.size), best]
        found_sq[part] += row_sq_norms(points[part])
        np.maximum(found_sq[part], 0.0, out=found_sq[part])

    _blocks(search, 0, points.shape[0])
    return found, found_sq


def _columns(points: np.ndarray) -> np.ndarray:
    """Points of shape (b, d) as d contiguous float64 rows: shape (d, b)."""
    return np.array(points.T, dtype=np.float64, order="C")


def _sq_dist(
    columns: np.ndarray, entries: np.ndarray, which: np.ndarray, out: np.ndarray | None = None
) -> np.ndarray:
    """Squared Euclidean distance from every point to ``entries[which]``, as float64.

    ``columns`` holds the points' coordinates as rows (see :func:`_columns`): channel by
    channel, the gathers are of one value each, far faster than of (n, 3) rows.
    """
    out = np.empty(which.size) if out is None else out
    out.fill(0.0)
    channel = np.empty(which.size)
    table = entries.T.astype(np.float64)
    for c in range(columns.shape[0]):
        np.take(table[c], which, out=channel)
        np.subtract(columns[c], channel, out=channel)
        np.square(channel, out=channel)
        out += channel
    return out
