"""How the coarse-to-fine palette search spends its work: the level it is seeded on, the
iterations each level gets, whether the exact colours are iterated, and which Lloyd runs."""

from __future__ import annotations

import numpy as np

from . import alpha as rgba
from .analysis import Level
from .kmeans import LloydResult, lloyd
from .lloyd_dense import DENSE_MAX_DISTANCES, DENSE_MAX_DISTANCES_REFINING, lloyd_dense

# Lloyd iterations on each finer binned level, and on the exact distinct colours. A finer level
# starts near convergence, and later iterations there move the centres by tiny amounts for a
# pass over up to millions of colours: on the 12-megapixel corpus photo, 10 instead of 3 exact
# iterations lowered the MSE by about 1% at K=64..256 and took three times as long.
REFINE_MAX_ITER = 10
EXACT_MAX_ITER = 3
# Below this K the search stops on the finest binned level unless the exact colours are few:
# at K=16 the exact iterations took ~40% of the search on the corpus photos for MSE gains of
# 0.02-0.2%, while at K=64..256 they gain 0.3-9% (most where the binned levels are coarse).
EXACT_MIN_K = 33
EXACT_CHEAP_COLORS = 1 << 16
# The search is seeded on the coarsest level with this many points per centre, among the
# levels of at most SEED_MAX_POINTS points (else the finest of those): k-means++ on coarse
# bins misses structure. On the three corpus photos at K=16 and 64 (3 seeds each) this took
# the MSE from 1.003 to 0.996 times scikit-learn's (geometric mean), for a third more time;
# the 12.3 MP photo's levels are too large to change at any K.
SEED_POINTS_PER_K = 150
SEED_MAX_POINTS = 1 << 16
# Up to this K several k-means++ initialisations are tried by default.
SMALL_K = 32
# Lloyd iterations tried on the reduced set for each initialisation before keeping the best.
TRIAL_ITERATIONS = 4


def seeding_level(levels: list[Level], k: int) -> int:
    """Index of the level the search is seeded on (see SEED_POINTS_PER_K)."""
    affordable = [
        i for i, level in enumerate(levels)
        if k < level.points.shape[0] <= SEED_MAX_POINTS
    ]  # fmt: skip
    if not affordable:
        return next(i for i, level in enumerate(levels) if level.points.shape[0] > k)
    enough = SEED_POINTS_PER_K * k
    return next((i for i in affordable if levels[i].points.shape[0] >= enough), affordable[-1])


def seeding_level_rgba(levels: list[Level], k: int) -> int:
    """Index of the level an RGBA search is seeded on (see alpha.SEED_POINTS_PER_K)."""
    enough = rgba.SEED_POINTS_PER_K * k
    return next((i for i, level in enumerate(levels) if level.points.shape[0] >= enough),
                len(levels) - 1)  # fmt: skip


def exact_iterations_pay(levels: list[Level], k: int, with_alpha: bool) -> bool:
    """Whether Lloyd iterations on the exact colours are worth their time (see EXACT_MIN_K).

    With partly transparent pixels, the other way round: below ``EXACT_MIN_K`` only. On the
    benchmark drawings the finest RGBA bins are nearly the exact values; from K = 33 their
    iterations were a fifth of the time for composited MSE / pngquant 0.945 -> 0.937 at
    K = 256 (TRIED.md), and at K = 16 they cost little and kept the files small.
    """
    if with_alpha:
        return k < EXACT_MIN_K
    return k >= EXACT_MIN_K or levels[-1].points.shape[0] <= EXACT_CHEAP_COLORS


def run_lloyd(
    with_alpha: bool,
    seeding: bool,
    points: np.ndarray,
    weights: np.ndarray,
    centers: np.ndarray,
    **options,
) -> LloydResult:
    """:func:`.kmeans.lloyd`, or on the RGBA path's small sets :func:`.lloyd_dense.lloyd_dense`
    (which needs no bounds and holds no centres: RGBA palettes have no locked colours).
    ``seeding``: the level the search was seeded on, where no inherited bounds help."""
    limit = DENSE_MAX_DISTANCES if seeding else DENSE_MAX_DISTANCES_REFINING
    if with_alpha and points.shape[0] * centers.shape[0] <= limit:
        options.pop("bounds", None)
        options.pop("n_held", None)
        return lloyd_dense(points, weights, centers, **options)
    return lloyd(points, weights, centers, **options)


def level_max_iter(max_iter: int, position: int, exact: bool, with_alpha: bool) -> int:
    """Iteration cap of a level: ``max_iter`` where the search was seeded, less on finer ones."""
    if position == 0:
        return min(max_iter, rgba.SEED_LEVEL_MAX_ITER) if with_alpha else max_iter
    return min(max_iter, EXACT_MAX_ITER if exact else REFINE_MAX_ITER)
