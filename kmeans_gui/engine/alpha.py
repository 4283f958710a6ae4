"""Partly transparent images: their clustering points, binned levels and RGBA palettes.

An image takes this path when some pixel's alpha lies strictly between 0 and 255; opaque
images, and images whose pixels are only fully opaque or fully transparent, keep the RGB path.
K-means then runs on 4-D points: the colour in the clustering space premultiplied by the
opacity (a nearly transparent pixel's colour hardly matters, as on screen) and the opacity
scaled by ``ALPHA_WEIGHT`` (so edges and shadows keep their shape). Fully transparent pixels
stay out of the histogram (:mod:`.alpha_histogram`) and share one palette entry, as on the
RGB path.
"""

from __future__ import annotations

import numpy as np

from .colorspace import from_space, to_space
from .histogram import (
    ColorHistogram,
    pack_rgb,
)

# Weight of the opacity against one premultiplied colour channel. An opacity error shows in
# all three channels of the image composited over a light background, so it counts about
# as three channels' errors: sqrt(3). Measured on the benchmark images (TRIED.md).
ALPHA_WEIGHT = float(np.sqrt(3.0))
# Bits per channel of the binned levels, fine to coarse (as analysis._LEVEL_BITS); with four
# channels the 7- and 6-bit bins rarely halve the points, coarser ones seed the search.
_LEVEL_BITS = (7, 6, 5, 4, 3)
# The search is seeded on the coarsest level with at least this many points per centre (see
# schedule.SEED_POINTS_PER_K for opaque images), else on the finest level. TRIED.md.
SEED_POINTS_PER_K = 16
# Greedy k-means++ candidates per centre (2 + log K on the opaque path): at K = 256 the
# seeding was most of the search; 3 gave the same MSE within noise (TRIED.md).
SEED_TRIALS = 3
# Lloyd iterations on the seeding level after the first four (50 for opaque images): at
# K = 256 the screenshot's 9,480 bins took 21 of them (26 of its 86 CPU ms) for MSE gains that
# the finer levels make anyway (0.937 either way, 10 instead of 50: 0.62 -> 0.56 of
# libimagequant's CPU time).
SEED_LEVEL_MAX_ITER = 10
# From this K the levels stop when the inertia improves by less than ``LARGE_K_TOL`` times
# itself (1e-4 below): at K = 256 the last iterations moved it by 0.1-0.3% each for little
# (composited MSE / pngquant 0.945 -> 0.947, CPU / libimagequant 0.57 -> 0.49-0.51; TRIED.md).
LARGE_K = 128
LARGE_K_TOL = 3e-3
# Values per block in passes over the distinct values that make float64 temporaries.
_BLOCK = 1 << 16


def has_partial_alpha(alpha: np.ndarray | None) -> bool:
    """Whether some opacity lies strictly between 0 and 255."""
    if alpha is None:
        return False
    flat = np.asarray(alpha, dtype=np.uint8).reshape(-1)
    step = 1 << 22  # in blocks: no full-size temporaries on a 100 MP image
    return any(
        bool(np.any(flat[i : i + step] - np.uint8(1) < 254))  # 0 wraps to 255
        for i in range(0, flat.size, step)
    )


def _alpha_scale(color_space: str) -> float:
    """The opacity coordinate of a fully opaque point: ALPHA_WEIGHT times the colour range."""
    return ALPHA_WEIGHT * (1.0 if color_space == "oklab" else 255.0)


def rgba_points(
    colors: np.ndarray,
    alphas: np.ndarray,
    color_space: str,
    dtype: type[np.floating] = np.float64,
) -> np.ndarray:
    """Clustering points of straight RGBA values: premultiplied colour and weighted opacity.

    Parameters
    ----------
    colors : ndarray of shape (n, 3), dtype uint8
    alphas : ndarray of shape (n,), dtype uint8
    color_space : "rgb" or "oklab"
    dtype : the result's dtype (computed in float64, in blocks of 65,536 values)

    Returns
    -------
    ndarray of shape (n, 4), ``dtype``
    """
    points = np.empty((colors.shape[0], 4), dtype=dtype)
    scale = _alpha_scale(color_space)
    for start in range(0, colors.shape[0], _BLOCK):
        stop = start + _BLOCK
        opacity = np.asarray(alphas[start:stop], dtype=np.float64) / 255.0
        points[start:stop, :3] = to_space(colors[start:stop], color_space) * opacity[:, None]
        points[start:stop, 3] = opacity * scale
    return points


def palette_points(palette: np.ndarray, color_space: str) -> np.ndarray:
    """Clustering points of a palette, shape (n, 3) (opaque) or (n, 4) uint8: (n, 4) float64."""
    palette = np.asarray(palette, dtype=np.uint8)
    alphas = palette[:, 3] if palette.shape[1] == 4 else np.full(palette.shape[0], 255, np.uint8)
    return rgba_points(palette[:, :3], alphas, color_space)


def palette_from_points(points: np.ndarray, color_space: str) -> np.ndarray:
    """Straight RGBA palette entries, shape (n, 4) uint8, of clustering points (n, 4).

    An entry whose opacity rounds to 0 is (0, 0, 0, 0).
    """
    opacity = np.clip(points[:, 3] / _alpha_scale(color_space), 0.0, 1.0)
    alphas = np.rint(opacity * 255.0)
    visible = alphas > 0
    colour = np.zeros((points.shape[0], 3), dtype=np.float64)
    colour[visible] = from_space(
        points[visible, :3] / opacity[visible, None], color_space
    )  # fmt: skip
    palette = np.empty((points.shape[0], 4), dtype=np.uint8)
    palette[:, :3] = np.rint(np.clip(colour, 0.0, 255.0))
    palette[:, 3] = alphas
    return palette


def pack_rgba(palette: np.ndarray) -> np.ndarray:
    """0xAARRGGBB codes, shape (n,) uint32, of (n, 4) uint8 entries."""
    codes = pack_rgb(palette[:, :3])
    codes |= palette[:, 3].astype(np.uint32) << 24
    return codes


def binned_chain(
    hist: ColorHistogram, color_space: str
) -> list[tuple[np.ndarray, np.ndarray, np.ndarray | None]]:
    """The weighted point sets of the coarse-to-fine search, coarsest first, exact values last.

    Each is ``(points (n, 4), weights (n,) float64, parent)`` (points float64, float32 for the
    exact values), ``parent`` the index in the previous (coarser) set of the bin holding each
    point, None for the coarsest. Values sharing the top bits of all four channels merge into
    their weighted mean; a binned set is kept only if it has at most half as many points as
    the finer one kept before it.

    Bins nest, so each set of bins is made from the finer one (its codes masked to fewer bits
    and counted), and each kept set's means from the finer kept set's: the passes shrink with
    the sets instead of going over every exact value for each.
    """
    assert hist.alphas is not None
    weights = hist.counts.astype(np.float64)
    # float32 exact values (the k-means sums are float64): 16 bytes a value instead of 32.
    points = rgba_points(hist.colors, hist.alphas, color_space, np.float32)
    # Finest first: [points, weights, parent (filled when the next coarser set is kept)].
    sets: list[list] = [[points, weights, None]]
    codes = pack_rgba(np.column_stack([hist.colors, hist.alphas]))
    to_bins = None  # the bin of each point of the last kept set; None: the same numbering
    for bits in _LEVEL_BITS:
        mask = ((0xFF << (8 - bits)) & 0xFF) * 0x01010101  # the top bits of each channel
        codes, inverse = np.unique(codes & np.uint32(mask), return_inverse=True)
        inverse = inverse.ravel()
        to_bins = inverse if to_bins is None else inverse[to_bins]
        finer_points, finer_weights, _ = sets[-1]
        if codes.size * 2 > finer_weights.size:
            continue
        bin_weights = np.bincount(to_bins, weights=finer_weights, minlength=codes.size)
        sums = np.stack(
            [np.bincount(to_bins, weights=finer_weights * finer_points[:, j],
                         minlength=codes.size) for j in range(4)],
            axis=1,
        )  # fmt: skip
        sets[-1][2] = to_bins.astype(np.intp)
        sets.append([sums / bin_weights[:, None], bin_weights, None])
        to_bins = None
    return [(set_points, set_weights, parent) for set_points, set_weights, parent in sets[::-1]]
