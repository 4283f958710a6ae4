"""Floyd–Steinberg dithering onto a palette, at any strength, with or without alpha.

Pillow's converter dithers colour only and at full strength, so images with alpha, and any
strength below 100 %, are dithered here: the error (scaled by the strength) is diffused in
the premultiplied RGBA space k-means works in (see :mod:`.alpha`; opaque pixels have alpha
255). Each pixel takes its error from its left neighbour and the three above it, so all
pixels on a line ``x + 2 * y = t`` are independent: they are done together, one NumPy step
per such line (width + 2 * height steps) instead of one Python step per pixel.
"""

from __future__ import annotations

import numpy as np

from .alpha import palette_points, rgba_points

_RIGHT, _DOWN_LEFT, _DOWN, _DOWN_RIGHT = 7 / 16, 3 / 16, 5 / 16, 1 / 16


def dither_rgba(
    rgb: np.ndarray,
    alpha: np.ndarray | None,
    palette: np.ndarray,
    color_space: str = "rgb",
    strength: float = 1.0,
) -> tuple[np.ndarray, int | None]:
    """Map every pixel to a palette entry with Floyd–Steinberg error diffusion on RGBA.

    Fully transparent pixels take the transparent entry and neither give nor take error, so
    no colour leaks into the transparent background.

    Parameters
    ----------
    rgb : ndarray of shape (H, W, 3), uint8
    alpha : ndarray of shape (H, W), uint8, or None for an opaque image
    palette : ndarray of shape (n, 4), uint8, straight RGBA (or (n, 3), opaque), n <= 255
        when the image has fully transparent pixels, else n <= 256
    color_space : accepted for symmetry with the mapping; the error is diffused in
        premultiplied RGB, as Pillow's converter does in RGB
    strength : float in 0..1, the share of each pixel's error passed on (0: the nearest
        entry, no dithering; 1: full Floyd–Steinberg)

    Returns
    -------
    indices : ndarray of shape (H, W), uint8
    transparent_index : int or None, ``n`` when the image has fully transparent pixels, which
        get that index (the caller appends a transparent entry)
    """
    del color_space
    if not 0.0 <= strength <= 1.0:
        raise ValueError(f"strength={strength} should be between 0 and 1")
    if alpha is None:
        alpha = np.full(rgb.shape[:2], 255, np.uint8)
    height, width = alpha.shape
    right, down_left, down, down_right = (
        strength * share for share in (_RIGHT, _DOWN_LEFT, _DOWN, _DOWN_RIGHT)
    )
    work = rgba_points(rgb.reshape(-1, 3), alpha.reshape(-1), "rgb").reshape(height, width, 4)
    ceiling = rgba_points(np.full((1, 3), 255, np.uint8), np.full(1, 255, np.uint8), "rgb")[0]
    entries = palette_points(palette, "rgb")
    clear = alpha == 0
    transparent_index = int(palette.shape[0]) if clear.any() else None
    entry_norms = np.einsum("ij,ij->i", entries, entries)
    indices = np.empty((height, width), dtype=np.uint8)
    if transparent_index is not None:
        indices[clear] = transparent_index
    ys_all = np.arange(height)
    for t in range(width + 2 * (height - 1)):
        ys = ys_all[(t - 2 * ys_all >= 0) & (t - 2 * ys_all < width)]
        xs = t - 2 * ys
        keep = ~clear[ys, xs]
        ys, xs = ys[keep], xs[keep]
        if ys.size == 0:
            continue
        values = np.clip(work[ys, xs], 0.0, ceiling)
        distances = entry_norms[None, :] - 2.0 * (values @ entries.T)
        chosen = np.argmin(distances, axis=1)
        indices[ys, xs] = chosen
        error = values - entries[chosen]
        if strength == 0.0:
            continue
        _spread(work, clear, ys, xs + 1, error * right)
        _spread(work, clear, ys + 1, xs - 1, error * down_left)
        _spread(work, clear, ys + 1, xs, error * down)
        _spread(work, clear, ys + 1, xs + 1, error * down_right)
    return indices, transparent_index


def _spread(
    work: np.ndarray, clear: np.ndarray, ys: np.ndarray, xs: np.ndarray, error: np.ndarray
) -> None:
    """Add ``error`` to the pixels (ys, xs) that exist and are not fully transparent.

    The pixels of one step never share a neighbour in one direction, so a plain add is safe.
    """
    inside = (ys < work.shape[0]) & (xs >= 0) & (xs < work.shape[1])
    ys, xs, error = ys[inside], xs[inside], error[inside]
    open_ = ~clear[ys, xs]
    work[ys[open_], xs[open_]] += error[open_]
