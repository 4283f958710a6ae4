"""One palette for several images: k-means on the sum of their colour histograms.

Summing the per-image histograms (already made by each image's analysis) gives the histogram
of all their pixels together, so the shared palette is the one k-means finds for the images
side by side, without building that image.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from .analysis import Analysis
from .histogram import ColorHistogram, pack_rgb, unpack_rgb
from .quantizer import PaletteFit, find_palette

# A shared palette is refined no further than a level of at most this many points: the 6-bit
# bins when there are no more. On 20 photos of 2-5 MP (2.4 million colours together, 98,661
# 6-bit bins) they took 0.4-1.0 s of CPU at K = 16-256 for an MSE 0.1-1.7 % below the 5-bit
# bins' (benchmarks/RESULTS.md and TRIED.md, "Palette control").
SHARED_MAX_POINTS = 1 << 17


def shared_palette(analyses: Sequence[Analysis], k: int, **options: Any) -> PaletteFit:
    """Find at most ``k`` colours for all the analysed images together.

    Parameters
    ----------
    analyses : Analysis of each image, at least one; opaque images or images whose
        transparency is all-or-nothing (partly transparent pixels are refused)
    k : int in 1..256
    **options : the keyword arguments of :func:`find_palette` (color_space, seed, fixed...);
        ``max_points`` is ``SHARED_MAX_POINTS`` unless given

    Returns
    -------
    PaletteFit, equal to ``find_palette`` on the analysis of the images joined into one
    """
    options.setdefault("max_points", SHARED_MAX_POINTS)
    return find_palette(summed_analysis(analyses), k, **options)


def summed_analysis(analyses: Sequence[Analysis]) -> Analysis:
    """An analysis whose histogram is the sum of the images' histograms, to find a palette
    with; it has no pixel map (its ``inverse`` is a read-only row of -1: nothing to map)."""
    if not analyses:
        raise ValueError("a shared palette needs at least one image")
    if any(a.has_alpha for a in analyses):
        raise ValueError(
            "a shared palette needs images without partly transparent pixels "
            "(their palettes are RGBA)"
        )
    start = sum(a.seconds for a in analyses)
    codes = np.concatenate([pack_rgb(a.histogram.colors) for a in analyses]).astype(np.intp)
    counts = np.concatenate([a.histogram.counts for a in analyses]).astype(np.float64)
    # A dense table over the 2**24 codes sums them in linear time, in code order.
    table = np.bincount(codes, weights=counts, minlength=1 << 24)
    distinct = np.flatnonzero(table)
    n_pixels = sum(a.histogram.n_pixels for a in analyses)
    histogram = ColorHistogram(
        colors=unpack_rgb(distinct),
        counts=table[distinct].astype(np.int64),
        inverse=np.broadcast_to(np.int32(-1), (n_pixels,)),
        shape=(1, n_pixels),
    )
    return Analysis(histogram=histogram, seconds=start)
