"""The once-per-image analysis every K reuses: the colour histogram and its binned levels."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from . import alpha as rgba
from .alpha_histogram import build_rgba_histogram
from .colorspace import to_space
from .histogram import ColorHistogram, bin_means, build_histogram, coarser_bins, pack_rgb

# Bits per channel of the binned reductions, coarse to fine: the coarsest seeds the search
# (at most 32768 weighted points), each finer one starts from the previous one's centres.
_LEVEL_BITS = (5, 6, 7)


@dataclass
class Analysis:
    """The once-per-image analysis that every K reuses: the colour histogram and its reductions.

    Create with :func:`analyse`. The per-colour-space data is computed on first use and cached.
    """

    histogram: ColorHistogram
    seconds: float
    _levels: dict[str, list[Level]] = field(default_factory=dict, repr=False)

    @property
    def shape(self) -> tuple[int, int]:
        """(height, width) of the analysed image."""
        return self.histogram.shape

    @property
    def n_colors(self) -> int:
        """Number of distinct colours (RGBA values with partly transparent pixels)."""
        return int(self.histogram.colors.shape[0])

    @property
    def has_alpha(self) -> bool:
        """Whether some pixel is partly transparent: palettes are then RGBA, shape (n, 4)."""
        return self.histogram.alphas is not None

    def colors(self) -> np.ndarray:
        """The distinct colours, shape (n_colors, 3) uint8, or RGBA (n_colors, 4) uint8."""
        hist = self.histogram
        if hist.alphas is None:
            return hist.colors
        return np.column_stack([hist.colors, hist.alphas])

    def levels(self, color_space: str) -> list[Level]:
        """Weighted point sets in a colour space, coarse to fine, the exact distinct colours last.

        A binned level is kept only if it has at most half as many points as the next finer
        one. Computed on first use and cached.
        """
        if color_space not in self._levels:
            self._levels[color_space] = _build_levels(self.histogram, color_space)
        return self._levels[color_space]

    def points(self, color_space: str) -> np.ndarray:
        """The exact distinct colours in a colour space, shape (n_colors, 3) ((n_colors, 4) with
        alpha): float32 in RGB (8-bit integers) and with alpha, float64 in Oklab."""
        return self.levels(color_space)[-1].points


@dataclass(frozen=True)
class Level:
    """One weighted point set of the coarse-to-fine search.

    points : ndarray of shape (n, 3), float64, in the clustering space ((n, 4) with alpha);
        float32 for the exact RGB colours (integers, exact) and RGBA values
    weights : ndarray of shape (n,), float64, pixel counts
    parent : ndarray of shape (n,), intp, or None for the coarsest level
        The point of the next coarser level whose bin holds each point.
    offset : ndarray of shape (n,), float32, or None
        Distance from each point to its parent point, rounded up.
    """

    points: np.ndarray
    weights: np.ndarray
    parent: np.ndarray | None = None
    offset: np.ndarray | None = None


@dataclass
class _Binned:
    """A level while the levels are built: its points and their bins' codes."""

    points: np.ndarray
    weights: np.ndarray
    codes: np.ndarray  # intp, each point's bin code (0xRRGGBB for the exact colours)
    bits: int  # bits per channel of the codes
    parent: np.ndarray | None = None  # each point's bin in the next coarser kept level


def _build_levels(hist: ColorHistogram, color_space: str) -> list[Level]:
    if hist.alphas is not None:
        chain_rgba = rgba.binned_chain(hist, color_space)
        levels = [Level(chain_rgba[0][0], chain_rgba[0][1])]
        for (coarse_points, _, _), (points, weights, parent) in zip(
            chain_rgba, chain_rgba[1:], strict=False
        ):
            assert parent is not None
            levels.append(Level(points, weights, parent, _offsets(points, coarse_points, parent)))
        return levels
    # Finest first. Each binned level is binned from the finer kept one (the same bins as
    # binning its colours, with the same weighted means), so the big exact level is binned once.
    codes = pack_rgb(hist.colors).astype(np.intp).ravel()
    # RGB points are 8-bit integers, exact in float32: half the memory of float64 (12 bytes a
    # colour), the same palettes. Oklab stays float64 (its nearest entries must be exact).
    if color_space == "rgb":
        exact_points = hist.colors.astype(np.float32)
    else:
        exact_points = to_space(hist.colors, color_space)
    chain = [_Binned(exact_points, hist.counts.astype(np.float64), codes, 8)]
    for bits in reversed(_LEVEL_BITS):
        fine = chain[-1]
        bin_of, bin_codes = coarser_bins(fine.codes, fine.bits, bits)
        if bin_codes.size * 2 <= fine.points.shape[0]:
            fine.parent = bin_of
            bin_points, bin_weights = bin_means(fine.points, fine.weights, bin_of, bin_codes.size)
            chain.append(_Binned(bin_points, bin_weights, bin_codes, bits))
    chain.reverse()
    levels = [Level(chain[0].points, chain[0].weights)]
    for coarse, fine in zip(chain, chain[1:], strict=False):
        assert fine.parent is not None
        offset = _offsets(fine.points, coarse.points, fine.parent)
        levels.append(Level(fine.points, fine.weights, fine.parent, offset))
    return levels


# Points per block where a pass over the distinct colours makes (n, d) float64 temporaries.
POINT_BLOCK = 1 << 16


def _offsets(points: np.ndarray, coarse_points: np.ndarray, parent: np.ndarray) -> np.ndarray:
    """Distance from each point to its parent point, float32 rounded up (bounds widened by it
    stay sound), computed in blocks."""
    offset = np.empty(points.shape[0], dtype=np.float32)
    for start in range(0, points.shape[0], POINT_BLOCK):
        stop = start + POINT_BLOCK
        diff = points[start:stop] - coarse_points[parent[start:stop]]
        exact = np.sqrt(np.einsum("ij,ij->i", diff, diff))
        rounded = exact.astype(np.float32)
        offset[start:stop] = np.where(rounded < exact, np.nextafter(rounded, np.inf), rounded)
    return offset


def analyse(rgb: np.ndarray, alpha: np.ndarray | None = None) -> Analysis:
    """Build the colour histogram of an image, the expensive step done once per image.

    Parameters
    ----------
    rgb : ndarray of shape (height, width, 3), dtype uint8
    alpha : ndarray of shape (height, width), dtype uint8, optional
        Pixels with alpha 0 are transparent: they get their own palette entry when mapped and
        do not pull the colour centres. When some alpha lies between 0 and 255, the
        histogram counts RGBA values and palettes are RGBA (see :mod:`.alpha`).

    Returns
    -------
    Analysis
    """
    rgb = np.asarray(rgb)
    if rgb.ndim != 3 or rgb.shape[2] != 3 or rgb.dtype != np.uint8:
        raise ValueError(
            f"rgb should be an (height, width, 3) uint8 array, got shape={rgb.shape} "
            f"dtype={rgb.dtype}"
        )
    if rgb.shape[0] == 0 or rgb.shape[1] == 0:
        raise ValueError(f"rgb has no pixels: shape={rgb.shape}")
    opaque = None
    if alpha is not None:
        alpha = np.asarray(alpha)
        if alpha.shape != rgb.shape[:2]:
            raise ValueError(f"alpha shape={alpha.shape} should be {rgb.shape[:2]}")
        if rgba.has_partial_alpha(alpha):
            start = time.perf_counter()
            histogram = build_rgba_histogram(rgb, alpha)
            return Analysis(histogram=histogram, seconds=time.perf_counter() - start)
        opaque = alpha > 0
        if opaque.all():
            opaque = None
    start = time.perf_counter()
    histogram = build_histogram(rgb, opaque)
    return Analysis(histogram=histogram, seconds=time.perf_counter() - start)
