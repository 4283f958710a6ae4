"""SSIM, the structural similarity of Wang et al. (2004), on luminance, in NumPy.

As the paper defines it and scikit-image's ``structural_similarity(gaussian_weights=True,
sigma=1.5, use_sample_covariance=False, data_range=255)`` computes it: local means,
variances and covariance under an 11x11 Gaussian window (sigma 1.5), K1 = 0.01, K2 = 0.03,
and the mean of the SSIM map over the pixels whose window lies inside the image.

The image is cut into tiles of 128 x 512 outputs whose four maps (x, y, x² + y², xy) fit in
the CPU's cache; each is filtered down then across, with symmetric taps added in pairs, in
float32 after centring the values (the variances keep their precision: within 1e-6 of
scikit-image's float64 result). The tiles are shared between two threads. No BLAS: small
matrix products there start OpenBLAS's own threads, which on a busy 2-core machine made
the same work 10 times slower.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from .parallel import split_range

__all__ = ["LUMA_WEIGHTS", "SSIM_WINDOW", "luma", "luma_table", "mean_ssim", "mean_ssim_indexed"]

SIGMA = 1.5
RADIUS = 5  # int(3.5 * sigma + 0.5): scikit-image's (and SciPy's default) truncation
SSIM_WINDOW = 2 * RADIUS + 1
K1, K2 = 0.01, 0.03
LUMA_WEIGHTS = (0.299, 0.587, 0.114)
"""Luma of 8-bit sR'G'B' (ITU-R BT.601, as MATLAB's rgb2gray and Pillow's "L" mode)."""

_TILE = 128, 512  # output rows and columns of a tile: its four maps fit the CPU cache


def luma_table(colors: np.ndarray, dtype: type[np.floating] = np.float64) -> np.ndarray:
    """Luma of each colour, shape (n,) ``dtype``, from an (n, 3) uint8 array of colours.

    Computed in float64 in blocks of 65,536 colours (all at once took 32 bytes a colour).
    """
    flat = np.asarray(colors, np.uint8).reshape(-1, 3)
    out = np.empty(flat.shape[0], dtype=dtype)
    weights = np.array(LUMA_WEIGHTS)
    for start in range(0, flat.shape[0], 1 << 16):
        out[start : start + (1 << 16)] = flat[start : start + (1 << 16)] @ weights
    return out


def luma(rgb: np.ndarray) -> np.ndarray:
    """Luma of an (height, width, 3) uint8 image, shape (height, width) float32."""
    out = np.empty(rgb.shape[:2], np.float32)
    flat_in, flat_out = rgb.reshape(-1, 3), out.reshape(-1)

    def work(start: int, stop: int) -> None:
        part = flat_in[start:stop]
        target = flat_out[start:stop]
        np.multiply(part[:, 0], np.float32(LUMA_WEIGHTS[0]), out=target)
        for channel in (1, 2):
            target += part[:, channel] * np.float32(LUMA_WEIGHTS[channel])

    split_range(flat_out.size, work)
    return out


def _gaussian() -> np.ndarray:
    x = np.arange(-RADIUS, RADIUS + 1, dtype=np.float64)
    w = np.exp(-(x**2) / (2 * SIGMA**2))
    return w / w.sum()


_WEIGHTS = _gaussian().astype(np.float32)


def _filter(a: np.ndarray, weights: np.ndarray, axis: int) -> np.ndarray:
    """Valid Gaussian filtering of ``a`` along ``axis``: the centre tap plus each symmetric
    pair of taps added first (6 products instead of 11)."""
    n_out = a.shape[axis] - 2 * RADIUS

    def shifted(k: int) -> np.ndarray:
        where = [slice(None)] * a.ndim
        where[axis] = slice(RADIUS + k, RADIUS + k + n_out)
        return a[tuple(where)]

    out = shifted(0) * weights[RADIUS]
    pair = np.empty_like(out)
    for k in range(1, RADIUS + 1):
        np.add(shifted(-k), shifted(k), out=pair)
        pair *= weights[RADIUS + k]
        out += pair
    return out


def _ssim_sum(x: np.ndarray, y: np.ndarray, data_range: float, centre: float) -> float:
    """Sum of the SSIM map over the valid pixels of a tile (2 * RADIUS more each way than
    its output), from ``x`` and ``y`` less ``centre``.

    Four maps are filtered, not five: the variances appear only as their sum, so
    E[x² + y²] stands for E[x²] and E[y²].
    """
    rows, width = x.shape
    stack = np.empty((4, rows, width), np.float32)
    stack[0], stack[1] = x, y
    np.multiply(x, x, out=stack[2])
    stack[2] += y * y
    np.multiply(x, y, out=stack[3])
    mu_x, mu_y, squares, xy = _filter(_filter(stack, _WEIGHTS, 1), _WEIGHTS, 2)
    c1 = (K1 * data_range) ** 2
    c2 = (K2 * data_range) ** 2
    # Variances and covariance from the centred means, the luminance term from the true
    # ones (the centred means plus `centre`).
    product = mu_x * mu_y
    means_squared = mu_x * mu_x
    means_squared += mu_y * mu_y
    xy -= product
    xy *= 2
    xy += c2  # 2 covariance + C2
    squares -= means_squared
    squares += c2  # variance of x + variance of y + C2
    total = mu_x + mu_y
    total *= centre
    product += total
    product *= 2
    product += 2 * centre * centre + c1  # 2 mu_x mu_y + C1, true means
    means_squared += total
    means_squared += total
    means_squared += 2 * centre * centre + c1  # mu_x² + mu_y² + C1, true means
    product *= xy
    means_squared *= squares
    product /= means_squared
    return float(np.sum(product, dtype=np.float64))


def mean_ssim(x: np.ndarray, y: np.ndarray, data_range: float = 255.0) -> float:
    """Mean SSIM of two greyscale images (Gaussian window, sigma 1.5, 11x11; K1, K2 = 0.01, 0.03).

    Parameters
    ----------
    x, y : ndarray of shape (height, width), float
        The reference and the distorted image, e.g. the ``luma`` of each, in
        0..``data_range``.
    data_range : float
        The values' dynamic range (255 for 8-bit data).

    Returns
    -------
    float
        The mean over the (height - 10) x (width - 10) pixels whose window fits the image;
        NaN when the image is smaller than the window (11 pixels) in either direction.
    """
    x, y = np.asarray(x), np.asarray(y)
    if x.shape != y.shape or x.ndim != 2:
        raise ValueError(f"x and y should be 2-D of one shape, got {x.shape} and {y.shape}")
    return _mean_ssim(lambda rows, cols: (x[rows, cols], y[rows, cols]), x.shape, data_range)


def mean_ssim_indexed(
    x_table: np.ndarray,
    x_index: np.ndarray,
    y_table: np.ndarray,
    y_index: np.ndarray,
    data_range: float = 255.0,
) -> float:
    """``mean_ssim(x_table[x_index], y_table[y_index])`` without either image in memory.

    For images made of few values, such as an image's distinct colours and a palette image's
    entries: each tile looks its values up, so no full-size float image is ever made.

    Parameters
    ----------
    x_table, y_table : ndarray of shape (n,) and (m,), float
        The values (e.g. ``luma_table`` of the colours).
    x_index, y_index : ndarray of shape (height, width), integer
        Positions in the tables; negative ones count from the end, as in ``np.take``.
    """
    if x_index.shape != y_index.shape or x_index.ndim != 2:
        raise ValueError(
            f"x_index and y_index should be 2-D of one shape, got {x_index.shape} and "
            f"{y_index.shape}"
        )
    xt = np.asarray(x_table, np.float32)
    yt = np.asarray(y_table, np.float32)
    return _mean_ssim(
        lambda rows, cols: (np.take(xt, x_index[rows, cols]), np.take(yt, y_index[rows, cols])),
        x_index.shape,
        data_range,
    )


def _mean_ssim(
    tile: Callable[[slice, slice], tuple[np.ndarray, np.ndarray]],
    shape: tuple[int, ...],
    data_range: float,
) -> float:
    """Mean SSIM of the images whose rectangles ``tile(rows, cols)`` gives (x and y)."""
    height, width = shape
    if height < SSIM_WINDOW or width < SSIM_WINDOW:
        return math.nan
    rows_out, cols_out = height - 2 * RADIUS, width - 2 * RADIUS
    tiles = [
        (top, left) for top in range(0, rows_out, _TILE[0]) for left in range(0, cols_out, _TILE[1])
    ]
    sums = [0.0] * len(tiles)
    centre = np.float32(data_range / 2)  # variances from smaller squares: less cancellation

    def work(first: int, stop: int) -> None:
        for i in range(first, stop):
            top, left = tiles[i]
            rows = slice(top, min(top + _TILE[0], rows_out) + 2 * RADIUS)
            cols = slice(left, min(left + _TILE[1], cols_out) + 2 * RADIUS)
            x, y = tile(rows, cols)
            xt = x.astype(np.float32) - centre
            yt = y.astype(np.float32) - centre
            sums[i] = _ssim_sum(xt, yt, data_range, float(centre))

    split_range(len(tiles), work, min_split=1)
    return math.fsum(sums) / (rows_out * cols_out)
