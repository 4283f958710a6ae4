"""Floyd–Steinberg dithering onto a palette, at any strength, with or without alpha.

Pillow's converter dithers colour only and at full strength, so images with alpha, and any
strength below 100 %, are dithered here: the error (scaled by the strength) is diffused in
the premultiplied RGBA space k-means works in (see :mod:`.alpha`; opaque pixels have alpha
255). Each pixel takes its error from its left neighbour and the three above it, so all
pixels on a line ``x + 2 * y = t`` are independent: they are done together, one NumPy step
per such line (width + 2 * height steps) instead of one Python step per pixel. Such a line
is a strided slice of the flat image, and each step's error is kept by row for the next
three steps, so a step reads and writes slices rather than gathering and scattering its
pixels (float32; 3x faster than gathers in float64 on a 1200 x 600 logo).
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
        np.float32(strength * share) for share in (_RIGHT, _DOWN_LEFT, _DOWN, _DOWN_RIGHT)
    )
    pixels = rgba_points(rgb.reshape(-1, 3), alpha.reshape(-1), "rgb").astype(np.float32)
    ceiling = rgba_points(np.full((1, 3), 255, np.uint8), np.full(1, 255, np.uint8), "rgb")[0]
    ceiling = ceiling.astype(np.float32)
    entries = palette_points(palette, "rgb").astype(np.float32)
    # -2 * entries and their norms in one product, as nearest.distance_blocks does.
    extended = np.empty((5, entries.shape[0]), dtype=np.float32)
    extended[:4] = -2.0 * entries.T
    extended[4] = np.einsum("ij,ij->i", entries, entries)
    clear = (alpha == 0).reshape(-1)
    gives = (~clear).astype(np.float32)  # fully transparent pixels give no error
    transparent_index = int(palette.shape[0]) if clear.any() else None
    chosen_all = np.zeros(height * width, dtype=np.uint8)
    # The error each of the last three steps left, by row; row 0 of each buffer is a zero row
    # above the image, so "the row above" is a plain slice.
    errors = [np.zeros((height + 1, 4), dtype=np.float32) for _ in range(3)]
    block = np.ones((height, 5), dtype=np.float32)
    for t in range(width + 2 * (height - 1)):
        # The pixels (y, x = t - 2y) of this step: flat indices t + y * (width - 2), a strided
        # view of the image. Each takes its error from its left neighbour (step t - 1, same
        # row) and from the three above it (steps t - 1, t - 2, t - 3, the row above).
        first, last = max(0, (t - width + 2) // 2), min(height - 1, t // 2) + 1
        along: slice | np.ndarray
        if width > 2:
            along = slice(t + first * (width - 2), t + (last - 1) * (width - 2) + 1, width - 2)
        else:  # a step of 0 or -1 between the pixels: indices instead of a slice
            along = np.arange(first, last) * (width - 2) + t
        previous, two_back, three_back = errors[(t - 1) % 3], errors[(t - 2) % 3], errors[t % 3]
        values = pixels[along] + right * previous[first + 1 : last + 1]
        values += down_left * previous[first:last]
        values += down * two_back[first:last]
        values += down_right * three_back[first:last]
        np.clip(values, 0.0, ceiling, out=values)
        rows = block[: last - first]
        rows[:, :4] = values
        chosen = np.argmin(rows @ extended, axis=1)
        chosen_all[along] = chosen
        if strength == 0.0:
            continue  # the error buffers stay zero
        values -= entries[chosen]
        values *= gives[along, None]
        three_back.fill(0.0)  # becomes this step's buffer
        three_back[first + 1 : last + 1] = values
    indices = chosen_all.reshape(height, width)
    if transparent_index is not None:
        indices[clear.reshape(height, width)] = transparent_index
    return indices, transparent_index
