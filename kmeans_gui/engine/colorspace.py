"""sRGB <-> Oklab conversions (Björn Ottosson's Oklab, D65), vectorised over (..., 3) arrays."""

from __future__ import annotations

import numpy as np

COLOR_SPACES = ("rgb", "oklab")

_RGB_TO_LMS = np.array(
    [
        [0.4122214708, 0.5363325363, 0.0514459929],
        [0.2119034982, 0.6806995451, 0.1073969566],
        [0.0883024619, 0.2817188376, 0.6299787005],
    ]
)
_LMS_TO_LAB = np.array(
    [
        [0.2104542553, 0.7936177850, -0.0040720468],
        [1.9779984951, -2.4285922050, 0.4505937099],
        [0.0259040371, 0.7827717662, -0.8086757660],
    ]
)
_LAB_TO_LMS = np.linalg.inv(_LMS_TO_LAB)
_LMS_TO_RGB = np.linalg.inv(_RGB_TO_LMS)

_COLOURS_PER_BLOCK = 1 << 16

# sRGB transfer function for every 8-bit code, computed once.
_codes = np.arange(256) / 255.0
_SRGB_TO_LINEAR_LUT = np.where(_codes <= 0.04045, _codes / 12.92, ((_codes + 0.055) / 1.055) ** 2.4)


def check_color_space(color_space: str) -> str:
    """Return ``color_space`` if it is known, else raise ValueError naming it."""
    if color_space not in COLOR_SPACES:
        raise ValueError(f"color_space={color_space!r} is not one of {', '.join(COLOR_SPACES)}")
    return color_space


def srgb8_to_oklab(rgb: np.ndarray, dtype: type[np.floating] = np.float64) -> np.ndarray:
    """Convert 8-bit sRGB colours to Oklab.

    Parameters
    ----------
    rgb : ndarray of shape (..., 3), dtype uint8
    dtype : the result's dtype; computed in float64, stored as this (float32: half the
        memory, for figures that need no more precision)

    Returns
    -------
    lab : ndarray of shape (..., 3), dtype ``dtype``; L in [0, 1], a and b roughly in
        [-0.4, 0.4].
    """
    rgb = np.asarray(rgb, dtype=np.uint8)
    flat = rgb.reshape(-1, 3)
    lab = np.empty(flat.shape, dtype=dtype)
    # In blocks: converting all at once held four float64 copies (96 bytes per colour).
    for start in range(0, flat.shape[0], _COLOURS_PER_BLOCK):
        block = flat[start : start + _COLOURS_PER_BLOCK]
        lab[start : start + block.shape[0]] = _linear_to_oklab(_SRGB_TO_LINEAR_LUT[block])
    return lab.reshape(rgb.shape)


def srgb_float_to_oklab(rgb: np.ndarray) -> np.ndarray:
    """Convert non-integer sRGB values in 0..255 (e.g. centroids), shape (..., 3), to Oklab."""
    c = np.clip(np.asarray(rgb, dtype=np.float64) / 255.0, 0.0, 1.0)
    linear = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return _linear_to_oklab(linear)


def oklab_to_srgb_float(lab: np.ndarray) -> np.ndarray:
    """Convert Oklab, shape (..., 3), to sRGB values in 0..255 (float64, clipped to the gamut)."""
    lms = np.asarray(lab, dtype=np.float64) @ _LAB_TO_LMS.T
    linear = np.clip((lms**3) @ _LMS_TO_RGB.T, 0.0, 1.0)
    srgb = np.where(linear <= 0.0031308, 12.92 * linear, 1.055 * linear ** (1 / 2.4) - 0.055)
    return srgb * 255.0


def to_space(rgb8: np.ndarray, color_space: str) -> np.ndarray:
    """Return 8-bit sRGB colours, shape (..., 3), in the clustering space as float64."""
    if color_space == "oklab":
        return srgb8_to_oklab(rgb8)
    return np.asarray(rgb8, dtype=np.float64)


def from_space(points: np.ndarray, color_space: str) -> np.ndarray:
    """Return points of the clustering space, shape (..., 3), as sRGB floats in 0..255."""
    if color_space == "oklab":
        return oklab_to_srgb_float(points)
    return np.clip(np.asarray(points, dtype=np.float64), 0.0, 255.0)


def _linear_to_oklab(linear: np.ndarray) -> np.ndarray:
    lms = linear @ _RGB_TO_LMS.T
    return np.cbrt(lms) @ _LMS_TO_LAB.T
