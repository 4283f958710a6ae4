"""The SSIM of a written file against its input, from the file read back (a figure shown).

Both images' luma come from tables: the input's from its distinct colours (the analysis),
the file's from its palette entries, so no full-size float image is made for a palette file
(``mean_ssim_indexed``). Pixels that are fully transparent in the input are 0 in both
images, so they count as identical.
"""

from __future__ import annotations

import weakref

import numpy as np

from .analysis import Analysis
from .ssim import luma, luma_table, mean_ssim, mean_ssim_indexed

__all__ = ["file_ssim"]

_INPUT_LUMA: dict[int, np.ndarray] = {}


def file_ssim(
    analysis: Analysis,
    written: tuple[np.ndarray, np.ndarray] | None,
    decoded: np.ndarray,
) -> float:
    """Mean SSIM (``mean_ssim``) of the input's luma and the written file's.

    Parameters
    ----------
    analysis : Analysis
        The input's analysis (its distinct colours and every pixel's colour).
    written : (palette, indices), optional
        The file read back as a palette image: (n, 3) uint8 entries and (height, width)
        uint8 indices; None when it is not one (WebP).
    decoded : ndarray of shape (height, width, 3), uint8
        The file's pixels; used only when ``written`` is None.

    Returns
    -------
    float, NaN for an image narrower or lower than the 11-pixel window.
    """
    hist = analysis.histogram
    colour_of_pixel = hist.inverse.reshape(analysis.shape)
    x_table = _input_luma(analysis)
    transparent = colour_of_pixel < 0 if hist.has_transparency else None
    if written is not None:
        palette, indices = written
        y_table = luma_table(palette)
        if transparent is not None:
            y_table[np.unique(indices[transparent])] = 0.0  # the transparent entry
        return mean_ssim_indexed(x_table, colour_of_pixel, y_table, indices)
    y = luma(decoded)
    if transparent is not None:
        y[transparent] = 0.0
    return mean_ssim(np.take(x_table, colour_of_pixel).astype(np.float32), y)


def _input_luma(analysis: Analysis) -> np.ndarray:
    """Luma of the analysis's distinct colours and a last 0 for transparent pixels (whose
    colour number is -1), made once per analysis (the same for every K) and forgotten with it."""
    key = id(analysis)
    table = _INPUT_LUMA.get(key)
    if table is None:
        # float32, as the SSIM computes: at most 2^24 colours, 64 MB
        colours = analysis.histogram.colors
        table = np.zeros(colours.shape[0] + 1, dtype=np.float32)
        table[:-1] = luma_table(colours, np.float32)
        _INPUT_LUMA[key] = table
        weakref.finalize(analysis, _INPUT_LUMA.pop, key, None)
    return table
