"""Quality metrics between an original and a quantized image: MSE, PSNR and Oklab ΔE."""

from __future__ import annotations

import math

import numpy as np

from .colorspace import srgb8_to_oklab

# Pixels per block: the Oklab conversion makes several float64 temporaries of a block.
_PIXELS_PER_BLOCK = 1 << 18


def mse(original: np.ndarray, result: np.ndarray) -> float:
    """Mean squared error per channel in 0-255 units.

    Parameters
    ----------
    original, result : ndarray of shape (height, width, 3), dtype uint8

    Returns
    -------
    float, mean over all pixels and the three channels of (original - result)**2
    """
    _check_pair(original, result)
    total = 0
    for a, b in _blocks(original, result):
        diff = a.astype(np.int32) - b.astype(np.int32)
        total += int(np.einsum("ijk,ijk->", diff, diff, dtype=np.int64))
    return total / original.size


def psnr(mse_value: float) -> float:
    """Peak signal-to-noise ratio in dB for 8-bit images; ``inf`` for identical images."""
    if mse_value <= 0:
        return math.inf
    return 10.0 * math.log10(255.0**2 / mse_value)


def mean_delta_e_ok(original: np.ndarray, result: np.ndarray) -> float:
    """Mean Oklab ΔE (Euclidean distance in Oklab, times 100) over all pixels.

    Scaled by 100 so that 1.0 is about one just-noticeable difference, like CIE ΔE units.

    Parameters
    ----------
    original, result : ndarray of shape (height, width, 3), dtype uint8
    """
    _check_pair(original, result)
    total = 0.0
    for a, b in _blocks(original, result):
        d = srgb8_to_oklab(a) - srgb8_to_oklab(b)
        total += float(np.sqrt(np.einsum("ijk,ijk->ij", d, d)).sum())
    return 100.0 * total / (original.shape[0] * original.shape[1])


def delta_e_map(original: np.ndarray, result: np.ndarray) -> np.ndarray:
    """Oklab ΔE (times 100, as :func:`mean_delta_e_ok`) of every pixel: a difference heat map.

    Parameters
    ----------
    original, result : ndarray of shape (height, width, 3), dtype uint8

    Returns
    -------
    ndarray of shape (height, width), dtype float32; its mean is ``mean_delta_e_ok``.
    """
    _check_pair(original, result)
    out = np.empty(original.shape[:2], dtype=np.float32)
    rows = max(1, _PIXELS_PER_BLOCK // max(original.shape[1], 1))
    starts = range(0, original.shape[0], rows)
    for start, (a, b) in zip(starts, _blocks(original, result), strict=True):
        d = srgb8_to_oklab(a) - srgb8_to_oklab(b)
        out[start : start + rows] = 100.0 * np.sqrt(np.einsum("ijk,ijk->ij", d, d))
    return out


def _check_pair(original: np.ndarray, result: np.ndarray) -> None:
    if original.shape != result.shape or original.ndim != 3 or original.shape[2] != 3:
        raise ValueError(
            f"images should both have shape (height, width, 3); got {original.shape} "
            f"and {result.shape}"
        )


def _blocks(a: np.ndarray, b: np.ndarray):
    rows = max(1, _PIXELS_PER_BLOCK // max(a.shape[1], 1))
    for start in range(0, a.shape[0], rows):
        yield a[start : start + rows], b[start : start + rows]
