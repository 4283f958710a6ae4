"""The K sweep behind the K grid and the size-versus-quality chart: pure NumPy, no Qt.

A sweep compresses one image at several K values, reusing its analysis, in two passes:

quick
    A palette from ``engine.find_palette(refine=False)`` on the analysis of a downscaled
    preview (at most ``PREVIEW_PIXELS``), mapped onto that preview (``engine.map_to_palette``)
    and measured there: the grid's pictures and a first PSNR and ΔE within seconds. No file
    size: a preview's encoded size is not the photo's (it was 1.3 to 1.9 times the real size
    per pixel on the 12 MP test photo), so none is shown.
measured
    ``compress()`` at full resolution for each K: the real encoded size, PSNR and ΔE, measured
    on the encoded file read back, exactly as Save and the command line get them. The cell's
    picture is then the refined palette mapped onto the preview.
"""

from __future__ import annotations

import math
import re
import time
from dataclasses import dataclass

import numpy as np

from . import engine
from .engine.colorspace import srgb8_to_oklab

DEFAULT_KS: tuple[int, ...] = (2, 4, 8, 16, 32, 64, 128, 256)
"""The K values of the grid unless the user chooses others."""

MAX_CELLS = 16
PREVIEW_PIXELS = 250_000
"""Largest preview the quick pass works on (a 12 MP photo is shrunk 8 times each way)."""

_BAND_ROWS = 256  # preview rows made at a time: bounds the uint16 temporaries


def parse_ks(text: str) -> tuple[int, ...]:
    """K values from text like ``"2, 4 8;16"``: sorted, without repeats, each in 2..256.

    Raises
    ------
    ValueError
        naming the text, when a value is not a whole number in 2..256 or there are more than
        ``MAX_CELLS`` values or none.
    """
    parts = [p for p in re.split(r"[\s,;]+", text.strip()) if p]
    if not parts:
        raise ValueError("give at least one K, e.g. 2 4 8 16")
    values: set[int] = set()
    for part in parts:
        if not part.isdigit() or not 2 <= int(part) <= engine.MAX_K:
            raise ValueError(f"K={part!r} should be a whole number between 2 and {engine.MAX_K}")
        values.add(int(part))
    if len(values) > MAX_CELLS:
        raise ValueError(f"{len(values)} K values: the grid shows at most {MAX_CELLS}")
    return tuple(sorted(values))


@dataclass(frozen=True)
class Preview:
    """A downscaled copy of an image, its analysis and its Oklab colours, made once.

    rgb : ndarray of shape (h, w, 3), uint8, the mean colour of each factor x factor block
    alpha : ndarray of shape (h, w), uint8, or None; the mean opacity of each block
    analysis : engine.Analysis of ``rgb`` (and ``alpha``)
    factor : int, original pixels per preview pixel along each side
    lab : ndarray of shape (h, w, 3), float32, ``rgb`` in Oklab (for ΔE)
    """

    rgb: np.ndarray
    alpha: np.ndarray | None
    analysis: engine.Analysis
    factor: int
    lab: np.ndarray

    @property
    def opaque(self) -> np.ndarray | None:
        """Mask of the pixels that carry colour, shape (h, w) bool; None when all do."""
        if self.alpha is None:
            return None
        mask = self.alpha > 0
        return None if mask.all() else mask


def make_preview(
    rgb: np.ndarray, alpha: np.ndarray | None = None, max_pixels: int = PREVIEW_PIXELS
) -> Preview:
    """Shrink an image by a whole factor to at most `max_pixels` and analyse it.

    Each preview pixel is the rounded mean of a factor x factor block; the last rows and
    columns that do not fill a block (fewer than `factor`) are left out.

    Parameters
    ----------
    rgb : ndarray of shape (height, width, 3), uint8
    alpha : ndarray of shape (height, width), uint8, optional
    max_pixels : int >= 1
    """
    height, width = rgb.shape[:2]
    factor = max(1, math.ceil(math.sqrt(height * width / max(max_pixels, 1))))
    factor = min(factor, height, width)
    small = _shrink(rgb, factor)
    small_alpha = None if alpha is None else _shrink(alpha[..., None], factor)[..., 0]
    if small_alpha is not None and factor > 1 and not engine.has_partial_alpha(alpha):
        # Block means blur a hard edge into partial alpha: keep the image's own kind of
        # transparency, so that the preview takes the same path as the image.
        small_alpha = np.where(small_alpha > 0, np.uint8(255), np.uint8(0))
    analysis = engine.analyse(small, small_alpha)
    lab = srgb8_to_oklab(small).astype(np.float32)
    return Preview(small, small_alpha, analysis, factor, lab)


def _shrink(pixels: np.ndarray, factor: int) -> np.ndarray:
    """Block means of an (h, w, c) uint8 array, by bands of rows."""
    if factor == 1:
        return np.ascontiguousarray(pixels)
    h, w, c = pixels.shape[0] // factor, pixels.shape[1] // factor, pixels.shape[2]
    out = np.empty((h, w, c), np.uint8)
    half = factor * factor // 2
    for top in range(0, h, _BAND_ROWS):
        rows = min(_BAND_ROWS, h - top)
        block = pixels[top * factor : (top + rows) * factor, : w * factor]
        sums = block.reshape(rows, factor, w, factor, c).sum(axis=(1, 3), dtype=np.uint32)
        out[top : top + rows] = (sums + half) // (factor * factor)
    return out


@dataclass(frozen=True)
class QuickCell:
    """One K of the quick pass, measured on the preview.

    palette : ndarray of shape (n, 3), uint8, n <= k
    indices : ndarray of shape (h, w), uint8, the preview mapped to the palette
    transparent_index : int or None, the index of transparent preview pixels (not in palette)
    psnr, mean_delta_e : float, of the preview against the mapped preview
    seconds : float, palette search, mapping and measuring
    """

    k: int
    palette: np.ndarray
    indices: np.ndarray
    transparent_index: int | None
    psnr: float
    mean_delta_e: float
    seconds: float


def quick_cell(
    preview: Preview,
    k: int,
    *,
    color_space: str = "rgb",
    seed: int = 0,
    should_stop: engine.StopCheck | None = None,
) -> QuickCell:
    """A quick palette of at most `k` colours for the preview, mapped and measured."""
    start = time.perf_counter()
    fit = engine.find_palette(
        preview.analysis, k, color_space=color_space, seed=seed, refine=False,
        should_stop=should_stop,
    )  # fmt: skip
    palette = fit.palette if fit.palette.shape[0] else np.zeros((1, fit.palette.shape[1]), np.uint8)
    indices, transparent_index = engine.map_to_palette(preview.analysis, palette, color_space)
    psnr, delta_e = measure(preview, palette, indices)
    seconds = time.perf_counter() - start
    return QuickCell(k, palette, indices, transparent_index, psnr, delta_e, seconds)


def preview_indices(
    preview: Preview, palette: np.ndarray, color_space: str = "rgb"
) -> tuple[np.ndarray, int | None]:
    """The preview mapped to a palette (a full compression's colours, say); see map_to_palette."""
    return engine.map_to_palette(preview.analysis, palette, color_space)


def measure(preview: Preview, palette: np.ndarray, indices: np.ndarray) -> tuple[float, float]:
    """(PSNR in dB, mean Oklab ΔE×100) of the preview mapped to `palette`; for a preview with
    transparency composited, as the files are measured (see ``engine.composited_errors``).

    palette : ndarray of shape (n, 3), uint8, or (n, 4) straight RGBA
    indices : ndarray of shape (h, w), uint8; values >= n are fully transparent
    """
    if preview.alpha is not None:
        lookup = np.zeros((palette.shape[0] + 1, 4), np.uint8)
        lookup[:-1, : palette.shape[1]] = palette
        lookup[:-1, 3] = palette[:, 3] if palette.shape[1] == 4 else 255
        out = lookup[np.minimum(indices, palette.shape[0])].reshape(-1, 4)
        mse, delta_e = engine.composited_errors(
            preview.rgb.reshape(-1, 3), preview.alpha.reshape(-1), out[:, :3], out[:, 3]
        )
        return engine.psnr(mse), delta_e
    mask = preview.opaque
    rgb, lab, idx = preview.rgb, preview.lab, indices
    if mask is not None:
        rgb, lab, idx = rgb[mask][None], lab[mask][None], indices[mask][None]
    if idx.size == 0:
        return math.inf, 0.0
    mapped = palette[idx]
    mse = engine.mse(rgb, mapped)
    palette_lab = srgb8_to_oklab(palette).astype(np.float32)
    d = lab - palette_lab[idx]
    delta_e = 100.0 * float(np.sqrt(np.einsum("...k,...k->...", d, d)).mean(dtype=np.float64))
    return engine.psnr(mse), delta_e


def knee(sizes: list[float], quality: list[float]) -> int | None:
    """Index of the knee of a size-versus-quality curve: where more bytes stop buying quality.

    Both axes are scaled to 0..1 over their range and the point farthest above the straight
    line from the first point to the last is the knee (Satopää et al.'s "Kneedle"). `quality`
    must grow with better results (pass ``-ΔE`` for ΔE). Points are taken in the order given
    (by K). None with fewer than 3 points, or when no point lies clearly above the line.
    """
    if len(sizes) < 3 or len(sizes) != len(quality):
        return None
    x = np.asarray(sizes, dtype=np.float64)
    y = np.asarray(quality, dtype=np.float64)
    if not (np.isfinite(x).all() and np.isfinite(y).all()):
        return None
    span_x, span_y = x[-1] - x[0], y[-1] - y[0]
    if span_x <= 0 or span_y <= 0:
        return None
    above = (y - y[0]) / span_y - (x - x[0]) / span_x
    best = int(np.argmax(above))
    return best if above[best] > 0.02 else None
