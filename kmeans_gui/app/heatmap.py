"""Colours for a ΔE heat map: a dark-to-bright scale whose brightness grows with the value.

The scale is square-root: a photo's typical differences (ΔE 1 to 5) are small next to its
largest one (20 to 50 at a few edge pixels), and on a linear scale they all looked black.
"""

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
_BLOCK_VALUES = 1 << 20  # values scaled at a time
HEAT_LUT: np.ndarray = (
    np.stack(
        [np.interp(np.linspace(0, 1, _LEVELS), _STOPS, _COLOURS[:, c]) for c in range(3)], axis=1
    )
    .round()
    .astype(np.uint8)
)
"""ndarray of shape (256, 3), uint8: the scale from 0 (no difference) to the top value."""


def nice_top(maximum: float) -> float:
    """The top of the scale: 1, 1.5, 2, 3, 5 or 7.5 times a power of ten, >= `maximum` (and 1)."""
    if not math.isfinite(maximum) or maximum <= 1.0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(maximum))
    for step in (1.0, 1.5, 2.0, 3.0, 5.0, 7.5, 10.0):
        if step * power >= maximum:
            return step * power
    return 10.0 * power


def heat_levels(values: np.ndarray, top: float) -> np.ndarray:
    """Every value's place on the colour scale (``HEAT_LUT``): 0 black to 255 at `top` and
    above, by the square root of value / top: monotonic, so the largest value is the
    brightest. Worked out in blocks of rows, so that the float temporaries stay small.

    Parameters
    ----------
    values : ndarray of shape (height, width), float
    top : float > 0

    Returns
    -------
    ndarray of shape (height, width), uint8
    """
    levels = np.empty(values.shape, dtype=np.uint8)
    rows = max(1, _BLOCK_VALUES // max(values.shape[1], 1))
    for start in range(0, values.shape[0], rows):
        block = values[start : start + rows] * np.float32(1.0 / top)
        np.clip(block, 0.0, 1.0, out=block)
        np.sqrt(block, out=block)
        block *= np.float32(_LEVELS - 1)
        np.rint(block, out=block)
        levels[start : start + rows] = block
    return levels


def scale_position(value: float, top: float) -> float:
    """Where a value sits along the colour scale, 0..1 (the inverse of the square root)."""
    return math.sqrt(min(max(value / top, 0.0), 1.0)) if top > 0 else 0.0
