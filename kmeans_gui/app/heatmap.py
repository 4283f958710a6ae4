"""Colours for a ΔE heat map: a dark-to-bright scale whose brightness grows with the value."""

from __future__ import annotations

import math

import numpy as np

# Control points of an inferno-like scale (black, purple, red, orange, pale yellow): its
# lightness rises steadily, so the brightest pixel is the largest difference, also in grey.
_STOPS = np.array([0.0, 0.25, 0.5, 0.75, 1.0])
_COLOURS = np.array(
    [[0, 0, 4], [87, 16, 110], [188, 55, 84], [249, 142, 9], [252, 255, 164]], dtype=np.float64
)
_LEVELS = 256
HEAT_LUT: np.ndarray = (
    np.stack(
        [np.interp(np.linspace(0, 1, _LEVELS), _STOPS, _COLOURS[:, c]) for c in range(3)], axis=1
    )
    .round()
    .astype(np.uint8)
)
"""ndarray of shape (256, 3), uint8: the scale from 0 (no difference) to the top value."""


def nice_top(maximum: float) -> float:
    """The top of the scale: 1, 2 or 5 times a power of ten, at least `maximum` (and 1)."""
    if not math.isfinite(maximum) or maximum <= 1.0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(maximum))
    for step in (1.0, 2.0, 5.0, 10.0):
        if step * power >= maximum:
            return step * power
    return 10.0 * power


def heat_colors(values: np.ndarray, top: float) -> np.ndarray:
    """Colour every value of a map, 0 black to `top` pale yellow (larger values clipped).

    Parameters
    ----------
    values : ndarray of shape (height, width), float
    top : float > 0

    Returns
    -------
    ndarray of shape (height, width, 3), uint8
    """
    scaled = np.clip(values * np.float32((_LEVELS - 1) / top), 0, _LEVELS - 1)
    return HEAT_LUT[np.rint(scaled).astype(np.uint8)]
