"""What each palette entry is worth: its share of the pixels, and what removing it would cost.

Removing an entry sends each of its colours to the next-nearest entry. The rise of the
image's MSE and mean Oklab ΔE that this causes is the entry's cost. The next-nearest entry
of a colour whose nearest is ``j`` lies within ``2 r_j + g_j`` of entry ``j`` (``r_j``: the
farthest colour of ``j``, ``g_j``: the gap to ``j``'s nearest other entry), by the triangle
inequality; so each entry's colours are searched among those candidates only, which at K=256
are a small part of the palette.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .analysis import Analysis
from .colorspace import check_color_space, srgb8_to_oklab
from .nearest import nearest_center, row_sq_norms

# Colours searched at a time; up to this many distinct colours, their Oklab values are kept
# with the analysis (float64 levels, about 50 bytes a colour), above it converted per call.
_COLOURS_PER_BLOCK = 1 << 20
_KEPT_OKLAB = 1 << 21
# Groups per entry by distance to it (see _next_nearest); more bands, more Python steps.
_BANDS = 4
_BAND_QUANTILES = (0.3, 0.6, 0.85)


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
    counts = np.zeros(n)
    mse_rise, delta_e_rise = np.zeros(n), np.zeros(n)
    # By blocks of colours: each colour's search took about 140 bytes (2.3 GB for an image
    # of all 16.7 million colours, on top of the window's other work: issue #13).
    for start in range(0, hist.colors.shape[0], _COLOURS_PER_BLOCK):
        block = slice(start, start + _COLOURS_PER_BLOCK)
        colours = hist.colors[block]
        lab = srgb8_to_oklab(colours) if colors_oklab is None else colors_oklab[block]
        points = colours if exact_rgb else lab
        own = nearest_center(points, entries)[0] if labels is None else labels[block]
        weights = hist.counts[block].astype(np.float64)
        counts += np.bincount(own, weights=weights, minlength=n)
        if n == 1:
            continue
        rgb_rise, lab_rise = _rises(colours, lab, palette, palette_oklab, points, entries, own)
        mse_rise += np.bincount(own, weights=weights * rgb_rise, minlength=n)
        delta_e_rise += np.bincount(own, weights=weights * lab_rise, minlength=n)
    coloured = max(hist.n_opaque, 1)
    shares = counts / coloured
    if n == 1:
        infinite = np.full(1, np.inf)
        return EntryWorth(counts.astype(np.int64), shares, infinite, infinite.copy())
    return EntryWorth(
        counts.astype(np.int64), shares, mse_rise / (3 * coloured), 100.0 * delta_e_rise / coloured
    )


def _rises(
    colours: np.ndarray,
    lab: np.ndarray,
    palette: np.ndarray,
    palette_oklab: np.ndarray,
    points: np.ndarray,
    entries: np.ndarray,
    labels: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Squared RGB distance and Oklab distance rises of sending each colour (RGB `colours`,
    Oklab `lab`) from its entry `labels` to its next-nearest one, searched among `entries`
    (the palette in the space of `points`)."""
    if points is colours:
        own_sq = _sq_rgb(colours, palette, labels)
    else:
        own_sq = np.square(_dist(lab, palette_oklab, labels))
    second, second_sq = _next_nearest(points, entries, labels, own_sq)
    if points is colours:
        lab_rise = _dist(lab, palette_oklab, second)
        lab_rise -= _dist(lab, palette_oklab, labels)
        return second_sq - own_sq, lab_rise
    rgb_rise = _sq_rgb(colours, palette, second) - _sq_rgb(colours, palette, labels)
    return rgb_rise, np.sqrt(second_sq) - np.sqrt(own_sq)


def _next_nearest(
    points: np.ndarray, entries: np.ndarray, labels: np.ndarray, own_sq: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Nearest entry other than ``labels[i]`` for every point (lowest index on ties).

    The points are grouped by nearest entry and by distance band to it: the closer a group's
    points are to their entry, the fewer candidates it has (the module docstring's bound).

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
    m, dim = points.shape
    if m == 0:
        return np.zeros(0, np.intp), np.zeros(0)
    exact = np.issubdtype(points.dtype, np.integer)
    dtype = np.float32 if exact else np.float64
    e = entries.astype(np.float64)
    n = e.shape[0]
    norms = row_sq_norms(e)
    gaps = np.sqrt(np.maximum(norms[:, None] - 2.0 * (e @ e.T) + norms[None, :], 0.0))
    np.fill_diagonal(gaps, np.inf)
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
    slack = 1e-7 * (1.0 + float(np.abs(e).max()))
    # One product per group gives |c|^2 - 2 p.c: the points get a column of ones, the entries
    # -2 c and a row of |c|^2 (integers below 2**24 for uint8 colours: exact in float32).
    extended_points = np.ones((m, dim + 1), dtype)
    extended_points[:, :dim] = points[order]
    extended_entries = np.empty((dim + 1, n), dtype)
    np.multiply(entries.T, -2.0, out=extended_entries[:dim], dtype=dtype)
    extended_entries[dim] = np.einsum("ij,ij->i", e, e)
    by_group = np.empty(m, dtype=np.intp)
    by_group_sq = np.empty(m, dtype=np.float64)
    for group in groups:
        j = group // _BANDS
        first, last = starts[group], starts[group + 1]
        candidates = np.flatnonzero(gaps[j] <= 2.0 * reach[group] + nearest_gap[j] + slack)
        d = extended_points[first:last] @ extended_entries[:, candidates]
        best = np.argmin(d, axis=1)
        by_group[first:last] = candidates[best]
        by_group_sq[first:last] = d[np.arange(best.size), best]
    second = np.empty(m, dtype=np.intp)
    second_sq = np.empty(m, dtype=np.float64)
    second[order] = by_group
    second_sq[order] = by_group_sq
    if exact:
        wide = points.astype(np.int32)
        second_sq += np.einsum("ij,ij->i", wide, wide)
    else:
        second_sq += row_sq_norms(points)
    return second, np.maximum(second_sq, 0.0)


def _sq_rgb(colors: np.ndarray, palette: np.ndarray, which: np.ndarray) -> np.ndarray:
    """Squared RGB distance, exact integers as float64, from every colour to ``palette[which]``."""
    diff = colors.astype(np.int32) - palette[which].astype(np.int32)
    return np.einsum("ij,ij->i", diff, diff).astype(np.float64)


def _dist(points: np.ndarray, entries: np.ndarray, which: np.ndarray) -> np.ndarray:
    """Euclidean distance from every point to ``entries[which]``."""
    diff = points - entries[which]
    return np.sqrt(np.einsum("ij,ij->i", diff, diff))
