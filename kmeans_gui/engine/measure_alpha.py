"""Figures of a written file against an input with transparency, composited: the worse of
those over black and over white, over all its pixels (``metrics.composited_errors``)."""

from __future__ import annotations

import numpy as np

from . import measure
from .alpha import pack_rgba
from .histogram import ColorHistogram
from .measure import Figures, entry_of_each_colour, equal_in_blocks
from .metrics import composited_errors


def entries_of_values(
    hist: ColorHistogram,
    color_labels: np.ndarray | None,
    transparent_index: int | None,
    encoded: np.ndarray,
    indices: np.ndarray,
) -> tuple[np.ndarray, int | None] | None:
    """The file's entry of every distinct input value and of the transparent pixels, or None
    when pixels of one value have different entries (dithering).

    color_labels, transparent_index : the entries `encoded` was made from (labels None:
        dithered)
    encoded, indices : ndarray of shape (height, width), uint8, the indices encoded and the
        file's
    """
    if color_labels is not None and equal_in_blocks(indices, encoded):
        return color_labels, transparent_index
    entry_of_colour = entry_of_each_colour(hist, indices)
    if entry_of_colour is None:
        return None
    # Block by block: whole-image masks and copies took 14 bytes per pixel (np.take's intp).
    flat, clear_entry, block = indices.reshape(-1), None, measure.PIXELS_PER_BLOCK
    for start in range(0, flat.size, block):
        clear = flat[start : start + block][hist.inverse[start : start + block] < 0]
        if clear.size:
            clear_entry = int(clear[0]) if clear_entry is None else clear_entry
            if np.any(clear != clear_entry):
                return None
    return entry_of_colour, clear_entry


def figures_by_colour(
    histogram: ColorHistogram,
    entry_of_colour: np.ndarray,
    transparent_entry: int | None,
    palette: np.ndarray,
) -> Figures:
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
    mse, delta_e = composited_errors(colors_in, alphas_in, out[:, :3], out[:, 3], weights)
    visible = np.unique(entries[weights > 0])
    visible = visible[palette[visible, 3] > 0]
    colors = int(np.unique(pack_rgba(palette[visible])).size)
    return mse, colors, delta_e


def figures_by_pixel(
    rgb: np.ndarray, alpha: np.ndarray | None, decoded: np.ndarray, decoded_alpha: np.ndarray | None
) -> Figures:
    """(MSE, colour count, mean Oklab ΔE×100), composited, of a decoded file against the
    input, pixel by pixel (dithered results, WebP).

    rgb, decoded : ndarray of shape (H, W, 3), uint8; alpha, decoded_alpha : (H, W) or None
    """
    n = rgb.shape[0] * rgb.shape[1]
    opaque = np.full(n, 255, dtype=np.uint8)
    alpha_in = opaque if alpha is None else alpha.reshape(-1)
    alpha_out = opaque if decoded_alpha is None else decoded_alpha.reshape(-1)
    flat_out = decoded.reshape(-1, 3)
    mse, delta_e = composited_errors(rgb.reshape(-1, 3), alpha_in, flat_out, alpha_out)
    visible = alpha_out > 0
    values = np.column_stack([flat_out[visible], alpha_out[visible]])
    colors = int(np.unique(pack_rgba(values)).size)
    return mse, colors, delta_e
