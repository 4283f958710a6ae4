"""Map an analysed image to a palette: the exact nearest entry of every distinct colour, then
every pixel's index through the histogram's inverse."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from . import alpha as rgba
from . import parallel
from .analysis import Analysis, analyse
from .colorspace import check_color_space, to_space
from .histogram import ColorHistogram
from .kmeans import Bounds
from .nearest import nearest_center, nearest_center_warm, row_sq_norms

if TYPE_CHECKING:
    from .quantizer import Quantization

MAX_K = 256  # palette entries: an index is one byte


def indexed_image(analysis: Analysis, quantization: Quantization) -> tuple[np.ndarray, int | None]:
    """Palette index of every pixel, nearest palette colour for each.

    Returns
    -------
    indices : ndarray of shape (height, width), dtype uint8
    transparent_index : int or None
        ``len(quantization.palette)`` when the image has transparent pixels, which get that
        index; the caller appends a transparent entry to the palette. None otherwise.
    """
    return _gather(analysis.histogram, quantization.color_labels, quantization.palette.shape[0])


def map_to_palette(
    analysis: Analysis, palette: np.ndarray, color_space: str = "rgb"
) -> tuple[np.ndarray, int | None]:
    """Nearest palette index for every pixel of an analysed image (a preview, say).

    Parameters
    ----------
    analysis : Analysis of the image to map
    palette : ndarray of shape (n_entries, 3), dtype uint8, 1 <= n_entries <= 256
        or (n_entries, 4) straight RGBA: then, and for an analysis with alpha, the nearest
        entry is found in premultiplied RGBA (see :mod:`.alpha`)
    color_space : "rgb" or "oklab", where "nearest" is measured

    Returns
    -------
    indices : ndarray of shape (height, width), dtype uint8
    transparent_index : int or None, as for :func:`indexed_image`
    """
    check_color_space(color_space)
    palette = np.asarray(palette, dtype=np.uint8)
    if palette.ndim != 2 or palette.shape[1] not in (3, 4):
        raise ValueError(f"palette shape={palette.shape} should be (n_entries, 3 or 4)")
    if not 1 <= palette.shape[0] <= MAX_K:
        raise ValueError(f"palette has {palette.shape[0]} entries; it should have 1..{MAX_K}")
    labels, _ = nearest_entries(analysis, palette, color_space)
    return _gather(analysis.histogram, labels, palette.shape[0])


def remap(rgb: np.ndarray, palette: np.ndarray, color_space: str = "rgb") -> np.ndarray:
    """Nearest palette index, shape (height, width) uint8, for every pixel of an RGB image."""
    return map_to_palette(analyse(rgb), palette, color_space)[0]


def nearest_entries(
    analysis: Analysis,
    palette: np.ndarray,
    color_space: str,
    warm_start: tuple[np.ndarray, Bounds] | None = None,
) -> tuple[np.ndarray, np.ndarray | None]:
    """Index of the exact nearest palette entry for every distinct colour of an analysis.

    Also the squared distance to it in the clustering space when the search made them all
    (not after a warm start, which settles most colours by their bounds), else None.
    """
    if analysis.has_alpha or palette.shape[1] == 4:
        return _nearest_rgba_entries(analysis, palette, color_space, warm_start)
    # RGB searches run on the uint8 colours themselves: the exact float32 path.
    exact_rgb = color_space == "rgb"
    points = analysis.histogram.colors if exact_rgb else analysis.points(color_space)
    entries = palette if exact_rgb else to_space(palette, color_space)
    if warm_start is not None:
        centers, bounds = warm_start
        return nearest_center_warm(points, entries, centers, bounds), None
    return nearest_center(points, entries)


def _nearest_rgba_entries(
    analysis: Analysis,
    palette: np.ndarray,
    color_space: str,
    warm_start: tuple[np.ndarray, Bounds] | None,
) -> tuple[np.ndarray, np.ndarray | None]:
    """:func:`nearest_entries` in premultiplied RGBA. When the image has transparent pixels,
    their entry (the origin) is a candidate too, label ``len(palette)``: it is always there,
    and the faintest values are best sent to it."""
    points = _analysis_rgba_points(analysis, color_space)
    entries = rgba.palette_points(palette, color_space)
    if warm_start is None:
        if not analysis.histogram.has_transparency:
            return nearest_center(points, entries)
        return nearest_center(points, np.vstack([entries, np.zeros((1, 4))]))
    centers, bounds = warm_start
    labels = nearest_center_warm(points, entries, centers, bounds)
    if analysis.histogram.has_transparency:
        # The transparent entry is the origin: a value goes to it when it is strictly nearer
        # than its nearest palette entry (a tie keeps the lower index, as a full search would).
        diff = points - entries[labels]
        to_entry = np.einsum("ij,ij->i", diff, diff)
        labels[row_sq_norms(points) < to_entry] = palette.shape[0]
    return labels, None


def _analysis_rgba_points(analysis: Analysis, color_space: str) -> np.ndarray:
    """The analysis's distinct values as premultiplied RGBA points (opaque ones at alpha 255)."""
    if analysis.has_alpha:
        return analysis.points(color_space)
    hist = analysis.histogram
    return rgba.rgba_points(hist.colors, np.full(hist.colors.shape[0], 255, np.uint8), color_space)


def entry_points(analysis: Analysis, palette: np.ndarray, color_space: str) -> np.ndarray:
    """The palette in the analysis's clustering space; with alpha, the transparent entry last."""
    if not analysis.has_alpha:
        return to_space(palette, color_space)
    return np.vstack([rgba.palette_points(palette, color_space), np.zeros((1, 4))])


def _gather(
    hist: ColorHistogram, labels: np.ndarray, n_entries: int
) -> tuple[np.ndarray, int | None]:
    """Per-pixel indices from per-colour labels; transparent pixels get index ``n_entries``."""
    lookup = labels.astype(np.uint8)
    transparent_index = None
    if hist.has_transparency:
        transparent_index = int(n_entries)
        lookup = np.append(lookup, np.uint8(transparent_index))
    inverse = hist.inverse
    indices = np.empty(inverse.size, dtype=np.uint8)
    # mode='wrap' sends the inverse's -1 to the last (transparent) entry.
    parallel.take(lookup, inverse, out=indices, mode="wrap")
    return indices.reshape(hist.shape), transparent_index
