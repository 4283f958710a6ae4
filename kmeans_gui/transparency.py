"""Transparency between the engine and the files: RGBA palettes ordered for a short tRNS
chunk, GIF's single transparent entry, and the composited figures of images with alpha.

The figures of an image with any transparency are the worse of those of the image
composited over black and over white, over all its pixels (``engine.composited_errors``).
"""

from __future__ import annotations

import numpy as np

from . import engine
from .engine import parallel
from .engine.alpha import pack_rgba

# GIF keeps one fully transparent entry: entries less opaque than this become it.
GIF_ALPHA_THRESHOLD = 128
GIF_ALPHA_NOTICE = (
    "GIF keeps only fully transparent pixels: partly transparent pixels were made fully "
    "transparent (below 50% opacity) or fully opaque; PNG and WebP keep them"
)


def threshold_alpha(
    palette: np.ndarray, indices: np.ndarray
) -> tuple[np.ndarray, np.ndarray, int | None]:
    """An RGBA palette image as GIF can hold it: opaque entries and one transparent entry.

    Parameters
    ----------
    palette : ndarray of shape (K, 4), uint8, straight RGBA
    indices : ndarray of shape (H, W), uint8, values < K

    Returns
    -------
    palette : ndarray of shape (K', 3), uint8, the entries of opacity >= GIF_ALPHA_THRESHOLD,
        then one transparent entry (black) if any entry was below it
    indices : ndarray of shape (H, W), uint8, remapped
    transparent_index : int or None, the transparent entry
    """
    clear = palette[:, 3] < GIF_ALPHA_THRESHOLD
    if not clear.any():
        return np.ascontiguousarray(palette[:, :3]), indices, None
    kept = np.flatnonzero(~clear)
    lookup = np.full(palette.shape[0], kept.size, dtype=np.uint8)
    lookup[kept] = np.arange(kept.size)
    rgb = np.vstack([palette[kept, :3], np.zeros((1, 3), np.uint8)])
    return rgb, _remap(lookup, indices), int(kept.size)


def see_through_first(
    palette: np.ndarray,
    indices: np.ndarray,
    color_labels: np.ndarray | None,
    transparent_index: int | None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray | None, int | None]:
    """Reorder an RGBA palette so that every entry that is not opaque comes first: the PNG
    tRNS chunk then holds only those. Within both groups entries go by opacity, then by
    luminance: neighbouring pixels then tend to have near indices, which PNG's filters
    store in fewer bytes (2.9% smaller files than by use on the three benchmark drawings at
    K = 16, 64, 256; the screenshot at K = 16 10% smaller).

    Returns the palette, indices, colour labels and transparent index, renumbered.
    """
    luminance = palette[:, :3].astype(np.int64) @ np.array([299, 587, 114])
    order = np.lexsort((luminance, palette[:, 3], palette[:, 3] == 255))
    if np.array_equal(order, np.arange(order.size)):
        return palette, indices, color_labels, transparent_index
    rank = np.empty(order.size, dtype=np.intp)
    rank[order] = np.arange(order.size)
    labels = None if color_labels is None else rank.astype(np.uint8)[color_labels]
    transparent = None if transparent_index is None else int(rank[transparent_index])
    return palette[order], _remap(rank.astype(np.uint8), indices), labels, transparent


def _remap(lookup: np.ndarray, indices: np.ndarray) -> np.ndarray:
    """``lookup[indices]`` for (H, W) uint8 indices, on two threads."""
    out = np.empty(indices.size, dtype=np.uint8)
    parallel.take(lookup, np.ascontiguousarray(indices).reshape(-1).astype(np.intp), out=out)
    return out.reshape(indices.shape)


def figures_by_colour(
    histogram: engine.ColorHistogram,
    entry_of_colour: np.ndarray,
    transparent_entry: int | None,
    palette: np.ndarray,
) -> tuple[float, int, float]:
    """(MSE, colour count, mean Oklab ΔE×100), composited, of a palette file whose entries
    are known for every distinct input value, computed once per value.

    histogram : the input's, with or without ``alphas``
    entry_of_colour : ndarray of shape (n_colors,), the file's entry of each distinct value
    transparent_entry : the file's entry of the fully transparent pixels (None if none are)
    palette : ndarray of shape (n, 4), uint8, the file's RGBA entries
    """
    n_clear = histogram.n_pixels - histogram.n_opaque
    colors_in = histogram.colors
    alphas_in = histogram.alphas
    if alphas_in is None:
        alphas_in = np.full(colors_in.shape[0], 255, dtype=np.uint8)
    # uint8 entries (a palette has at most 256): an intp copy took 8 bytes a value
    entries = np.asarray(entry_of_colour, dtype=np.uint8)
    weights = histogram.counts
    if n_clear:
        colors_in = np.vstack([colors_in, np.zeros((1, 3), np.uint8)])
        alphas_in = np.append(alphas_in, np.uint8(0))
        clear_entry = 0 if transparent_entry is None else transparent_entry
        entries = np.append(entries, np.uint8(clear_entry))
        weights = np.append(weights, n_clear)
    out = palette[entries]
    mse, delta_e = engine.composited_errors(colors_in, alphas_in, out[:, :3], out[:, 3], weights)
    visible = np.unique(entries[weights > 0])
    visible = visible[palette[visible, 3] > 0]
    colors = int(np.unique(pack_rgba(palette[visible])).size)
    return mse, colors, delta_e


def figures_by_pixel(
    rgb: np.ndarray, alpha: np.ndarray | None, decoded: np.ndarray, decoded_alpha: np.ndarray | None
) -> tuple[float, int, float]:
    """(MSE, colour count, mean Oklab ΔE×100), composited, of a decoded file against the
    input, pixel by pixel (dithered results, WebP).

    rgb, decoded : ndarray of shape (H, W, 3), uint8; alpha, decoded_alpha : (H, W) or None
    """
    n = rgb.shape[0] * rgb.shape[1]
    opaque = np.full(n, 255, dtype=np.uint8)
    alpha_in = opaque if alpha is None else alpha.reshape(-1)
    alpha_out = opaque if decoded_alpha is None else decoded_alpha.reshape(-1)
    flat_out = decoded.reshape(-1, 3)
    mse, delta_e = engine.composited_errors(rgb.reshape(-1, 3), alpha_in, flat_out, alpha_out)
    visible = alpha_out > 0
    values = np.column_stack([flat_out[visible], alpha_out[visible]])
    colors = int(np.unique(pack_rgba(values)).size)
    return mse, colors, delta_e
