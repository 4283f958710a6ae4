"""Find a K-colour palette for an analysed image (``analysis``), for any K, and the nearest
entry of each distinct colour; every pixel's index is made in :mod:`.mapping`."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from . import alpha as rgba
from . import schedule
from .analysis import POINT_BLOCK, Analysis
from .colorspace import check_color_space, from_space, to_space
from .held import seed_around
from .histogram import pack_rgb
from .kmeans import (
    Bounds,
    ProgressCallback,
    StopCheck,
    kmeans_plusplus,
)
from .mapping import MAX_K, entry_points, nearest_entries
from .seeding import greedy_plusplus


@dataclass(frozen=True)
class Quantization:
    """A palette found by k-means and the palette index of every distinct colour.

    Attributes
    ----------
    palette : ndarray of shape (n_entries, 3), dtype uint8
        The distinct palette colours, most used first; ``n_entries <= k``. Straight RGBA,
        shape (n_entries, 4), when the analysis has partly transparent pixels.
    color_labels : ndarray of shape (n_colors,), dtype uint8
        For each distinct colour of the analysis, the index of its nearest palette colour;
        with alpha, ``n_entries`` for a value nearest to full transparency, which shares the
        transparent pixels' entry (see :func:`indexed_image`).
    counts : ndarray of shape (n_entries,), dtype int64
        Pixels mapped to each palette colour.
    k : int, the K asked for
    color_space : str, "rgb" or "oklab"
    iterations : int, Lloyd assignment steps made in all phases
    inertia : float, mean squared distance of a pixel to its palette colour, in the clustering
        space (0-255 RGB units or Oklab units)
    seconds : float, time spent in :func:`quantize`
    """

    palette: np.ndarray
    color_labels: np.ndarray
    counts: np.ndarray
    k: int
    color_space: str
    iterations: int
    inertia: float
    seconds: float


@dataclass(frozen=True)
class PaletteFit:
    """The palette k-means found, before any pixel is mapped to it.

    palette : ndarray of shape (n_entries, 3), dtype uint8, distinct colours, n_entries <= k
        (straight RGBA, shape (n_entries, 4), for an analysis with alpha)
    iterations : int, Lloyd iterations made in all levels
    seconds : float
    """

    palette: np.ndarray
    iterations: int
    seconds: float
    # The first n_fixed rows are locked colours: kept in the result even when no pixel uses them.
    n_fixed: int = 0
    # When the search ended on the exact colours and rounding merged no centres: the float
    # centres (one per palette row) and their bounds, which make the exact mapping cheap.
    warm_start: tuple[np.ndarray, Bounds] | None = field(default=None, repr=False)


def find_palette(
    analysis: Analysis,
    k: int,
    *,
    color_space: str = "rgb",
    seed: int = 0,
    n_init: int | None = None,
    max_iter: int = 50,
    tol: float = 1e-4,
    refine: bool = True,
    fixed: np.ndarray | None = None,
    start: np.ndarray | None = None,
    max_points: int | None = None,
    progress: ProgressCallback | None = None,
    should_stop: StopCheck | None = None,
) -> PaletteFit:
    """Find at most ``k`` palette colours by weighted k-means over the image's distinct colours.

    The search is seeded with ``n_init`` weighted k-means++ initialisations on the seeding
    level, the coarsest with 150 points per centre among those of at most 65,536 points (see
    ``schedule.SEED_POINTS_PER_K``), keeping the one with the lowest inertia after a few
    Lloyd steps; it is converged there, and refined level by level down to the exact distinct
    colours (for K <= 32 with many colours, down to the finest binned level: see
    ``schedule.EXACT_MIN_K``). With at most ``k`` distinct colours the palette is exactly those
    colours. With transparent pixels, one palette index is reserved for them, so at most
    ``min(k, 255)`` colours are found. With partly transparent pixels the palette is RGBA and
    the transparent entry counts in K: at most ``k - 1`` entries are found (at least one).

    Parameters
    ----------
    analysis : Analysis, from :func:`analyse`
    k : int in 1..256
    color_space : "rgb" or "oklab", the space the clustering runs in; the palette is sRGB
    seed : int, makes the result deterministic
    n_init : int >= 1, optional
        Number of k-means++ initialisations tried. Default: 3 for k <= 32, else 1 (on the
        corpus, more initialisations changed the MSE at K >= 64 by under 0.5%, in either
        direction, for a large share of the time); 1 when ``refine`` is False, and for
        partly transparent images.
    max_iter : int >= 1, maximum Lloyd iterations on the seeding level (finer levels do fewer;
        with partly transparent pixels at most ``alpha.SEED_LEVEL_MAX_ITER``)
    tol : float >= 0, relative inertia tolerance that ends a level (with partly transparent
        pixels at least ``alpha.LARGE_K_TOL`` from ``alpha.LARGE_K`` colours)
    refine : bool
        False gives a quick palette for a preview: the search converges on the seeding level
        (usually the 5-bit bins) and stops there.
        On the 12.3 MP test photo its MSE was 1-2% above the refined palette's, for a third
        of the time or less.
    fixed : ndarray of shape (m, 3), uint8, optional
        Locked colours: held while k-means places the other ``k - m`` centres, and in the
        palette exactly (its first rows). Opaque images only.
    start : ndarray of shape (j, 3), uint8, optional
        Where the free centres start (a palette after an edit), the rest seeded by k-means++
        around these and the fixed ones; one initialisation is then made. Opaque images only.
    max_points : int, optional
        Refine no further than the finest level of at most this many points (the seeding
        level at least): for histograms of millions of colours (a shared palette's), where
        the finer levels cost seconds.
    progress : callable(iteration, inertia), optional, called after every Lloyd iteration
    should_stop : callable() -> bool, optional; True makes the call raise ``Cancelled``

    Returns
    -------
    PaletteFit
    """
    if not isinstance(k, (int, np.integer)) or not 1 <= k <= MAX_K:
        raise ValueError(f"k={k!r} should be an integer between 1 and {MAX_K}")
    check_color_space(color_space)
    fixed_colors = _given_colors(analysis, fixed, "locked")
    start_colors = _given_colors(analysis, start, "starting")
    if n_init is None:
        # One for partly transparent images: on the benchmark drawings at K = 16 three took
        # 20% more time for no lower error and larger files (TRIED.md).
        several = refine and k <= schedule.SMALL_K and start is None and not analysis.has_alpha
        n_init = 3 if several else 1
    if n_init < 1:
        raise ValueError(f"n_init={n_init} should be >= 1")
    if max_iter < 1:
        raise ValueError(f"max_iter={max_iter} should be >= 1")
    if tol < 0:
        raise ValueError(f"tol={tol} should be >= 0")
    clock = time.perf_counter()
    hist = analysis.histogram
    k_colors = min(int(k), MAX_K - 1) if hist.has_transparency else int(k)
    if analysis.has_alpha and hist.has_transparency:
        k_colors = max(int(k) - 1, 1)
    n_fixed = fixed_colors.shape[0]
    if n_fixed > k_colors:
        raise ValueError(
            f"{n_fixed} locked colours do not fit in k={k}"
            + (" (one entry is the transparent pixels')" if k_colors < k else "")
        )
    if analysis.n_colors <= k_colors:
        everything = _unique_rows(np.vstack([fixed_colors, analysis.colors()]))
        if everything.shape[0] <= k_colors:
            return PaletteFit(everything, 0, time.perf_counter() - clock, n_fixed=n_fixed)
    given = _unique_rows(np.vstack([fixed_colors, start_colors]))[:k_colors]
    levels = analysis.levels(color_space)
    if analysis.has_alpha:
        first = schedule.seeding_level_rgba(levels, k_colors)
        if k_colors >= rgba.LARGE_K:
            tol = max(tol, rgba.LARGE_K_TOL)
    elif analysis.n_colors <= k_colors:
        first = len(levels) - 1  # few colours but locked ones besides them
    else:
        first = schedule.seeding_level(levels, k_colors)
    last = len(levels) if refine else first + 1
    if (
        last == len(levels)
        and first < last - 1
        and not schedule.exact_iterations_pay(levels, k_colors, analysis.has_alpha)
    ):
        last -= 1
    if max_points is not None:
        affordable = [i + 1 for i in range(first, last) if levels[i].points.shape[0] <= max_points]
        last = max(affordable, default=first + 1)
    seed_level = levels[first]
    rng = np.random.default_rng(seed)
    iterations = 0
    best = None
    for _ in range(n_init):
        if given.shape[0]:
            seeds = seed_around(
                seed_level.points,
                seed_level.weights,
                to_space(given, color_space),
                k_colors,
                rng,
                should_stop,
            )
        elif analysis.has_alpha:
            seeds = greedy_plusplus(
                seed_level.points, seed_level.weights, k_colors, rng, rgba.SEED_TRIALS, should_stop
            )
        else:
            seeds = kmeans_plusplus(
                seed_level.points, seed_level.weights, k_colors, rng, should_stop
            )
        trial = schedule.run_lloyd(
            analysis.has_alpha,
            True,
            seed_level.points,
            seed_level.weights,
            seeds,
            max_iter=schedule.TRIAL_ITERATIONS,
            tol=tol,
            should_stop=should_stop,
            n_held=n_fixed,
        )
        iterations += trial.iterations
        if best is None or trial.inertia < best.inertia:
            best = trial
    assert best is not None
    fit = best
    for i, level in enumerate(levels[first:last]):
        bounds = fit.bounds  # the best trial's, on this level: no fresh first assignment
        if i > 0:
            assert level.parent is not None and level.offset is not None
            bounds = fit.bounds.inherit(level.parent, level.offset)
        fit = schedule.run_lloyd(
            analysis.has_alpha,
            i == 0,
            level.points,
            level.weights,
            fit.centers,
            max_iter=schedule.level_max_iter(max_iter, i, level is levels[-1], analysis.has_alpha),
            tol=tol,
            progress=progress,
            should_stop=should_stop,
            iteration_offset=iterations,
            bounds=bounds,
            n_held=n_fixed,
        )
        iterations += fit.iterations
    if analysis.has_alpha:
        rounded = rgba.palette_from_points(fit.centers, color_space)
        if hist.has_transparency and rounded[:, 3].any():
            rounded = rounded[rounded[:, 3] > 0]  # the transparent entry stands for these
    else:
        rounded = np.rint(from_space(fit.centers, color_space)).astype(np.uint8)
        rounded[:n_fixed] = fixed_colors  # exactly, whatever the colour space's rounding
    palette = _unique_rows(rounded)
    warm_start = None
    same_rows = palette.shape[0] == fit.centers.shape[0]
    if last == len(levels) and same_rows:
        warm_start = (fit.centers, fit.bounds)
    elif analysis.has_alpha and last == len(levels) - 1 and same_rows:
        # Ended on the finest bins: their bounds, widened to the exact values, still hold.
        exact = levels[-1]
        assert exact.parent is not None and exact.offset is not None
        warm_start = (fit.centers, fit.bounds.inherit(exact.parent, exact.offset))
    return PaletteFit(
        palette, iterations, time.perf_counter() - clock, n_fixed, warm_start=warm_start
    )


def _given_colors(analysis: Analysis, colors: np.ndarray | None, name: str) -> np.ndarray:
    """Validated distinct ``fixed`` or ``start`` colours, shape (m, 3) uint8 (m may be 0)."""
    if colors is None:
        return np.zeros((0, 4 if analysis.has_alpha else 3), np.uint8)
    if analysis.has_alpha:
        raise ValueError(
            f"{name} colours need an opaque image: this one has partly transparent pixels, "
            "and its palette is RGBA"
        )
    array = np.asarray(colors)
    if array.ndim != 2 or array.shape[1] != 3 or array.dtype != np.uint8:
        raise ValueError(
            f"{name} colours should be an (m, 3) uint8 array, got shape={array.shape} "
            f"dtype={array.dtype}"
        )
    return _unique_rows(array)


def quantize(
    analysis: Analysis,
    k: int,
    *,
    color_space: str = "rgb",
    seed: int = 0,
    n_init: int | None = None,
    max_iter: int = 50,
    tol: float = 1e-4,
    fixed: np.ndarray | None = None,
    start: np.ndarray | None = None,
    progress: ProgressCallback | None = None,
    should_stop: StopCheck | None = None,
) -> Quantization:
    """Find a palette of at most ``k`` colours and map every distinct colour to its nearest.

    Parameters are those of :func:`find_palette` (with ``refine=True``).

    Returns
    -------
    Quantization
    """
    clock = time.perf_counter()
    fit = find_palette(
        analysis,
        k,
        color_space=color_space,
        seed=seed,
        n_init=n_init,
        max_iter=max_iter,
        tol=tol,
        fixed=fixed,
        start=start,
        progress=progress,
        should_stop=should_stop,
    )
    return _result(analysis, fit, k, color_space, clock)


def quantize_to_palette(
    analysis: Analysis, palette: np.ndarray, *, color_space: str = "rgb"
) -> Quantization:
    """Map every distinct colour to its nearest colour of a given palette (no k-means).

    Parameters
    ----------
    analysis : Analysis, from :func:`analyse`
    palette : ndarray of shape (n, 3), uint8, 1 <= n <= 256 (255 when the image has
        transparent pixels); repeated rows count once
    color_space : "rgb" or "oklab", where "nearest" is measured

    Returns
    -------
    Quantization whose palette holds the given colours that some pixel uses, most used first
    """
    clock = time.perf_counter()
    check_color_space(color_space)
    colors = _given_colors(analysis, palette, "given palette")
    limit = MAX_K - 1 if analysis.histogram.has_transparency else MAX_K
    if not 1 <= colors.shape[0] <= limit:
        raise ValueError(
            f"the palette has {colors.shape[0]} distinct colours; it should have 1..{limit}"
            + (" (one entry is the transparent pixels')" if limit < MAX_K else "")
        )
    fit = PaletteFit(colors, 0, 0.0)
    return _result(analysis, fit, colors.shape[0], color_space, clock)


def _result(
    analysis: Analysis,
    fit: PaletteFit,
    k: int,
    color_space: str,
    clock: float,
) -> Quantization:
    """Map every distinct colour to its exact nearest palette colour; order the palette by use.
    ``clock`` is the ``time.perf_counter()`` at which the quantization began."""
    hist = analysis.histogram
    palette = fit.palette
    if palette.shape[0] == 0:
        labels = np.zeros(0, dtype=np.intp)
        inertia = 0.0
    else:
        labels, dist2 = nearest_entries(analysis, palette, color_space, fit.warm_start)
        if dist2 is None:
            points = analysis.points(color_space)
            entries = entry_points(analysis, palette, color_space)
            total = 0.0
            for start in range(0, points.shape[0], POINT_BLOCK):
                stop = start + POINT_BLOCK
                diff = points[start:stop] - entries[labels[start:stop]]
                total += float(np.einsum("ij,ij->i", diff, diff) @ hist.counts[start:stop])
        else:
            total = float(dist2 @ hist.counts)
        inertia = total / max(hist.n_opaque, 1)
    # With alpha, label n_entries is the transparent entry: counted, never a palette colour.
    counts = np.zeros(palette.shape[0] + 1, dtype=np.int64)
    for start in range(0, labels.size, POINT_BLOCK):  # no float64 copy of all the counts
        stop = start + POINT_BLOCK
        counts += np.bincount(
            labels[start:stop], weights=hist.counts[start:stop], minlength=counts.size
        ).astype(np.int64)
    used = counts[: palette.shape[0]] > 0
    used[: fit.n_fixed] = True  # locked colours stay, used or not
    order = np.argsort(-counts[: palette.shape[0]], kind="stable")
    order = order[used[order]]
    # uint8 labels (at most 256 entries, the transparent one included): 1 byte a colour.
    rank = np.empty(palette.shape[0] + 1, dtype=np.uint8)
    rank[order] = np.arange(order.size)
    if palette.shape[0] < 256:  # the transparent entry's label (with alpha: <= 255 entries)
        rank[palette.shape[0]] = order.size
    return Quantization(
        palette=palette[order],
        color_labels=rank[labels],
        counts=counts[order],
        k=int(k),
        color_space=color_space,
        iterations=fit.iterations,
        inertia=inertia,
        seconds=time.perf_counter() - clock,
    )


def _unique_rows(palette: np.ndarray) -> np.ndarray:
    """Distinct rows of an (n, 3) or (n, 4) uint8 array, first occurrences kept in order."""
    codes = rgba.pack_rgba(palette) if palette.shape[1] == 4 else pack_rgb(palette)
    _, first = np.unique(codes, return_index=True)
    return palette[np.sort(first)]
