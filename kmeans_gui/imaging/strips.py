"""The pixels of a decoded Pillow image as 8-bit sRGB NumPy arrays, converted strip by strip.

Converting a 100-megapixel image whole would hold full-size intermediates beside the result:
a second Pillow image and its byte string (4 bytes per pixel each) for an 8-bit image, and
several float64 copies (8 bytes per pixel each) for a 16-bit, 32-bit or floating-point one.
Strips of ``STRIP_PIXELS`` pixels bound them to a few megabytes. Used by ``imaging`` only,
which owns Pillow; the images are passed in.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np

STRIP_PIXELS = 1 << 21
"""Pixels converted at a time (RGBA strips: 8 MB; float64 strips: 16 MB each)."""

INTEGER_MODES = frozenset({"I;16", "I;16L", "I;16B", "I;16N", "I"})
"""Pillow's modes of 16-bit and 32-bit integer greyscale data."""

Image = Any  # a PIL.Image.Image; typed loosely so that this module does not import Pillow


def _strips(im: Image) -> Iterator[tuple[int, int, Image]]:
    """(top, bottom, strip image) over the rows of `im`, ``STRIP_PIXELS`` pixels or so each."""
    width, height = im.size
    rows = max(1, STRIP_PIXELS // max(width, 1))
    for top in range(0, height, rows):
        bottom = min(top + rows, height)
        yield top, bottom, im.crop((0, top, width, bottom))  # keeps palette and transparency


def rgb_alpha(im: Image, with_alpha: bool) -> tuple[np.ndarray, np.ndarray | None]:
    """The pixels of `im` as new RGB and alpha arrays, through Pillow's ``convert``.

    Returns
    -------
    rgb : ndarray of shape (H, W, 3), dtype uint8, C-contiguous
    alpha : ndarray of shape (H, W), dtype uint8, or None when `with_alpha` is False

    Raises
    ------
    ValueError
        When Pillow cannot convert the image's mode to RGB(A).
    """
    width, height = im.size
    mode = "RGBA" if with_alpha else "RGB"
    rgb = np.empty((height, width, 3), dtype=np.uint8)
    alpha = np.empty((height, width), dtype=np.uint8) if with_alpha else None
    for top, bottom, strip in _strips(im):
        values = np.asarray(strip if strip.mode == mode else strip.convert(mode))
        rgb[top:bottom] = values[:, :, :3]
        if alpha is not None:
            alpha[top:bottom] = values[:, :, 3]
    return rgb, alpha


def palette_indices(im: Image) -> np.ndarray:
    """The pixel values of a palette image (mode P), shape (H, W) uint8, a new writable array.

    ``np.array(im)`` would hold Pillow's byte string of the image beside its copy.
    """
    width, height = im.size
    indices = np.empty((height, width), dtype=np.uint8)
    for top, bottom, strip in _strips(im):
        indices[top:bottom] = np.asarray(strip)
    return indices


def grey_from_integers(im: Image) -> tuple[np.ndarray, bool]:
    """Grey RGB of a 16-bit or 32-bit integer image (a mode of ``INTEGER_MODES``).

    Values are taken as 0..65535, clipped to that range and scaled with rounding
    (``round(v / 257)``).

    Returns
    -------
    rgb : ndarray of shape (H, W, 3), dtype uint8, C-contiguous, the three channels equal
    clipped : bool, whether some value lay outside 0..65535
    """
    width, height = im.size
    rgb = np.empty((height, width, 3), dtype=np.uint8)
    clipped = False
    for top, bottom, strip in _strips(im):
        values = np.asarray(strip)
        clipped = clipped or bool(values.min() < 0 or values.max() > 65535)
        rgb[top:bottom] = np.rint(np.clip(values, 0, 65535) / 257.0).astype(np.uint8)[..., None]
    return rgb, clipped


def grey_from_floats(im: Image) -> tuple[np.ndarray, bool]:
    """Grey RGB of a floating-point image (mode F).

    NaN becomes 0 (and infinities the extreme values). When every value lies in 0..1 they
    are scaled by 255; otherwise they are taken as 0..255 and clipped. Rounded to integers.

    Returns
    -------
    rgb : ndarray of shape (H, W, 3), dtype uint8, C-contiguous, the three channels equal
    unit_range : bool, whether the values were taken as 0..1
    """
    width, height = im.size
    low, high = np.inf, -np.inf
    for _, _, strip in _strips(im):  # first pass: the range decides the scale
        values = _finite(strip)
        low, high = min(low, float(values.min())), max(high, float(values.max()))
    unit_range = low >= 0.0 and high <= 1.0
    rgb = np.empty((height, width, 3), dtype=np.uint8)
    for top, bottom, strip in _strips(im):
        values = _finite(strip)
        if unit_range:
            values *= 255.0
        rgb[top:bottom] = np.rint(np.clip(values, 0.0, 255.0, out=values)).astype(np.uint8)[
            ..., None
        ]
    return rgb, unit_range


def _finite(strip: Image) -> np.ndarray:
    """A float strip as float64 with NaN as 0 and infinities as the extreme float64 values."""
    return np.nan_to_num(np.asarray(strip, dtype=np.float64), nan=0.0, copy=False)
