"""SSIM, the structural similarity of Wang et al. (2004), on luminance, in NumPy.

As the paper defines it and scikit-image's ``structural_similarity(gaussian_weights=True,
sigma=1.5, use_sample_covariance=False, data_range=255)`` computes it: local means,
variances and covariance under an 11x11 Gaussian window (sigma 1.5), K1 = 0.01, K2 = 0.03,
and the mean of the SSIM map over the pixels whose window lies inside the image.

The image is cut into tiles of 128 x 512 outputs whose four maps (x, y, x² + y², xy) fit in
the CPU's cache; each is filtered down then across by products with a banded matrix of the
taps, 32 outputs at a time, in float32 after centring the values (the variances keep their
precision: within 1e-6 of scikit-image's float64 result). The tiles are shared between two
threads. The products need OpenBLAS on one thread, as kmeans_gui sets it before NumPy loads
(see kmeans_gui/__init__.py): with OpenBLAS's own threads on top of these two, the same work
took 12 times the CPU.
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


def _band(weights: np.ndarray, outputs: int) -> np.ndarray:
    """The (outputs + 2 * RADIUS, outputs) matrix whose column j holds the taps at rows
    j..j + 2 * RADIUS: ``a @ band`` filters ``outputs`` values of each row of ``a``."""
    band = np.zeros((outputs + 2 * RADIUS, outputs), dtype=weights.dtype)
    for j in range(outputs):
        band[j : j + 2 * RADIUS + 1, j] = weights
    return band


# Outputs per matrix product: 42 taps' worth of inputs each (32 + 2 * RADIUS), few wasted
# multiplications by zero, and a block that stays in cache. TRIED.md.
_BAND_OUTPUTS = 32
_BAND = _band(_WEIGHTS, _BAND_OUTPUTS)
_BAND_T = np.ascontiguousarray(_BAND.T)


def _filter(a: np.ndarray, axis: int) -> np.ndarray:
    """Valid Gaussian filtering of the 3-D ``a`` along ``axis`` (1 or 2), as products with a
    banded matrix, ``_BAND_OUTPUTS`` outputs at a time (the BLAS kernel does the taps in
    1.5-1.7 times less time than 11 shifted multiply-adds)."""
    shape = list(a.shape)
    n_out = shape[axis] - 2 * RADIUS
    shape[axis] = n_out
    out = np.empty(shape, dtype=a.dtype)
    for start in range(0, n_out, _BAND_OUTPUTS):
        count = min(_BAND_OUTPUTS, n_out - start)
        inputs = slice(start, start + count + 2 * RADIUS)
        if axis == 2:
            np.matmul(a[:, :, inputs], _BAND[: count + 2 * RADIUS, :count],
                      out=out[:, :, start : start + count])  # fmt: skip
        else:
            np.matmul(_BAND_T[:count, : count + 2 * RADIUS], a[:, inputs, :],
                      out=out[:, start : start + count, :])  # fmt: skip
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
    mu_x, mu_y, squares, xy = _filter(_filter(stack, 1), 2)
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
    centre = _centre(data_range)

    def tile(rows: slice, cols: slice) -> tuple[np.ndarray, np.ndarray]:
        return x[rows, cols].astype(np.float32) - centre, y[rows, cols].astype(np.float32) - centre

    return _mean_ssim(tile, x.shape, data_range)


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
    # The tables centred once: each tile's lookups are then its centred values.
    xt = np.asarray(x_table, np.float32) - _centre(data_range)
    yt = np.asarray(y_table, np.float32) - _centre(data_range)
    return _mean_ssim(
        lambda rows, cols: (np.take(xt, x_index[rows, cols]), np.take(yt, y_index[rows, cols])),
        x_index.shape,
        data_range,
    )


def _centre(data_range: float) -> np.float32:
    """The value subtracted from x and y: variances from smaller squares, less cancellation."""
    return np.float32(data_range / 2)


def _mean_ssim(
    tile: Callable[[slice, slice], tuple[np.ndarray, np.ndarray]],
    shape: tuple[int, ...],
    data_range: float,
) -> float:
    """Mean SSIM of the images whose rectangles ``tile(rows, cols)`` gives (x and y, as float32
    less ``_centre(data_range)``)."""
    height, width = shape
    if height < SSIM_WINDOW or width < SSIM_WINDOW:
        return math.nan
    rows_out, cols_out = height - 2 * RADIUS, width - 2 * RADIUS
    tiles = [
        (top, left) for top in range(0, rows_out, _TILE[0]) for left in range(0, cols_out, _TILE[1])
    ]
    sums = [0.0] * len(tiles)
    centre = _centre(data_range)

    def work(first: int, stop: int) -> None:
        for i in range(first, stop):
            top, left = tiles[i]
            rows = slice(top, min(top + _TILE[0], rows_out) + 2 * RADIUS)
            cols = slice(left, min(left + _TILE[1], cols_out) + 2 * RADIUS)
            x, y = tile(rows, cols)
            sums[i] = _ssim_sum(x, y, data_range, float(centre))

    split_range(len(tiles), work, min_split=1)
    return math.fsum(sums) / (rows_out * cols_out)
