"""Weighted k-means on a small set of weighted points: k-means++ seeding and Lloyd iterations.

The points are the distinct colours of an image (or binned reductions of them) and the
weights their pixel counts, so one weighted Lloyd step equals one Lloyd step over all pixels.

Empty-cluster rule: when a centre ends an assignment step with no weight, it is moved to the
point with the largest weighted squared distance ``w * d**2`` to its own centre, taking points
in decreasing order so that two empty centres never land on the same point. If no point is
left with ``d > 0`` (there are fewer distinct points than centres), the empty centre is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from . import parallel
from .nearest import distance_blocks, half_gaps, row_sq_norms, split_rows

ProgressCallback = Callable[[int, float], None]
StopCheck = Callable[[], bool]

# Points per block of the bound checks in Lloyd steps.
_POINT_BLOCK = 1 << 18
# Points per nearest-centre search of a Lloyd step: large enough to split between threads.
_SEARCH_BLOCK = 1 << 21
# Relative error allowed for a float32 squared distance (a few float32 epsilons, with margin).
_FLOAT32_SLACK = 1e-5


class Cancelled(Exception):
    """Raised inside the engine when the caller's ``should_stop()`` returned True."""


@dataclass
class LloydResult:
    """Outcome of :func:`lloyd`.

    centers : ndarray of shape (k', 3), float64, k' <= k (empty clusters may be dropped)
    labels : ndarray of shape (n,), intp, index of each point's centre
    inertia : float, sum of w * d**2
    iterations : int, number of iterations made
    bounds : Bounds, Hamerly's bounds valid for ``centers``, to warm-start a finer level
    """

    centers: np.ndarray
    labels: np.ndarray
    inertia: float
    iterations: int
    bounds: Bounds


@dataclass
class Bounds:
    """Hamerly's bounds for every point, shape (n,) each.

    upper : float64, >= distance from the point to the centre ``labels`` names
    lower : float64, <= distance from the point to every other centre
    """

    labels: np.ndarray
    upper: np.ndarray
    lower: np.ndarray

    def inherit(self, parent: np.ndarray, offset: np.ndarray) -> Bounds:
        """Bounds for finer points, each ``offset`` away from its coarse point ``parent``.

        By the triangle inequality the coarse point's bounds widened by the offset hold.
        """
        return Bounds(
            np.take(self.labels, parent),
            np.take(self.upper, parent) + offset,
            np.take(self.lower, parent) - offset,
        )


def kmeans_plusplus(
    points: np.ndarray,
    weights: np.ndarray,
    k: int,
    rng: np.random.Generator,
    should_stop: StopCheck | None = None,
    n_trials: int | None = None,
) -> np.ndarray:
    """Weighted greedy k-means++ seeding (Arthur & Vassilvitskii; greedy trials as scikit-learn).

    Assumes prior validation: ``1 <= k <= n`` and all weights > 0.

    Parameters
    ----------
    points : ndarray of shape (n, d), float64
    weights : ndarray of shape (n,), float64
    k : int
    rng : numpy.random.Generator
    n_trials : int, optional, candidates tried per centre (default ``2 + int(log(k))``)

    Returns
    -------
    centers : ndarray of shape (k, d), float64, chosen among ``points``
    """
    n = points.shape[0]
    if n_trials is None:
        n_trials = 2 + int(np.log(k))
    # Seeding only samples by distance: float32 trial distances are precise enough, twice as fast.
    points32 = points.astype(np.float32)
    points32_t = np.ascontiguousarray(points32.T)
    norms = np.einsum("ij,ij->i", points32, points32)
    chosen = np.empty(k, dtype=np.intp)
    chosen[0] = rng.choice(n, p=weights / weights.sum())
    weights32 = weights.astype(np.float32)
    closest = np.sum((points32 - points32[chosen[0]]) ** 2, axis=1)
    for i in range(1, k):
        if should_stop is not None and should_stop():
            raise Cancelled
        potential = weights * closest
        total = potential.sum()
        if total <= 0.0:
            # Every point already coincides with a centre: take unused points in order.
            unused = np.setdiff1d(np.arange(n), chosen[:i], assume_unique=False)
            chosen[i:] = unused[: k - i]
            break
        cumulative = np.cumsum(potential)
        candidates = np.searchsorted(cumulative, rng.uniform(0.0, total, n_trials))
        candidates = np.minimum(candidates, n - 1)
        trial_d = norms[candidates][:, None] - 2.0 * (points32[candidates] @ points32_t) + norms
        trial_closest = np.minimum(closest[None, :], np.maximum(trial_d, 0.0))
        best = int(np.argmin(trial_closest @ weights32))
        chosen[i] = candidates[best]
        closest = trial_closest[best]
        closest[chosen[i]] = 0.0  # exactly, whatever the float32 rounding
    return points[chosen].copy()


def lloyd(
    points: np.ndarray,
    weights: np.ndarray,
    centers: np.ndarray,
    *,
    max_iter: int,
    tol: float,
    progress: ProgressCallback | None = None,
    should_stop: StopCheck | None = None,
    iteration_offset: int = 0,
    bounds: Bounds | None = None,
    n_held: int = 0,
) -> LloydResult:
    """Weighted Lloyd iterations from the given centres, with Hamerly's bounds.

    Each iteration moves every centre to the weighted mean of its points, then reassigns the
    points. Hamerly's bounds (an upper bound on the distance to the own centre, a lower bound
    on the distance to the second-nearest) skip the points that provably keep their centre,
    which is most of them after the first few iterations; the result equals plain Lloyd's.
    Stops when no label changed, when the inertia improved by no more than ``tol`` times
    itself, or after ``max_iter`` iterations.

    Each cluster's weight, weighted coordinate sum and weighted squared norm are kept up to
    date by the points that changed cluster, so an iteration costs O(changed) for the means
    and O(k) for the inertia, besides the bound checks (see :class:`_ClusterSums`).

    Parameters
    ----------
    points : ndarray of shape (n, d), float64
    weights : ndarray of shape (n,), float64, all > 0
    centers : ndarray of shape (k, d), float64
    max_iter : int >= 1
    tol : float >= 0, relative tolerance on the inertia
    progress : callable(iteration, inertia), optional, called after every iteration
    should_stop : callable() -> bool, optional, checked before every iteration; True raises
        Cancelled
    iteration_offset : int, added to the iteration number reported to ``progress``
    bounds : Bounds, optional
        Valid bounds for ``centers`` (e.g. inherited from a coarser level); they spare the
        first full assignment. Updated in place (no copy of three per-point arrays): pass a
        copy to keep them.
    n_held : int, the first ``n_held`` centres never move (locked palette colours); they may
        end with no points, and are never moved or dropped by the empty-cluster rule

    Returns
    -------
    LloydResult
    """
    centers = np.array(centers, dtype=np.float64)
    if bounds is None:
        labels, upper, lower = _assign_top2(points, centers)
    else:
        labels, upper, lower = bounds.labels, bounds.upper, bounds.lower
        _reassign(points, centers, labels, upper, lower)
    sums = _ClusterSums(points, weights, labels, centers.shape[0])
    previous_inertia = inertia = np.inf
    iteration = 0
    while iteration < max_iter:
        if should_stop is not None and should_stop():
            raise Cancelled
        iteration += 1
        if sums.all_filled(n_held):
            new_centers = sums.means()
            new_centers[:n_held] = centers[:n_held]
            shift = np.sqrt(row_sq_norms(new_centers - centers))
            centers = new_centers
            for start in range(0, labels.size, _POINT_BLOCK):  # no whole-size temporary
                upper[start : start + _POINT_BLOCK] += np.take(
                    shift, labels[start : start + _POINT_BLOCK]
                )
            lower -= shift.max()
            moved, previous = _reassign(points, centers, labels, upper, lower)
            sums.move(moved, previous, labels[moved])
            n_changed = moved.size
        else:
            # The empty-cluster rule moves or drops centres: start the bounds afresh.
            means = sums.means()
            means[:n_held] = centers[:n_held]
            centers, labels = _relocate_empty(points, weights, labels, upper, means)
            labels, upper, lower = _assign_top2(points, centers)
            sums = _ClusterSums(points, weights, labels, centers.shape[0])
            n_changed = -1
        inertia = sums.inertia(centers)
        if progress is not None:
            progress(iteration_offset + iteration, inertia)
        if n_changed == 0 or previous_inertia - inertia <= tol * inertia:
            break
        previous_inertia = inertia
    return LloydResult(centers, labels, inertia, iteration, Bounds(labels, upper, lower))


class _ClusterSums:
    """Per-cluster weight, weighted coordinate sum and weighted squared norm of the points.

    The means are ``sums / mass``, and the inertia for any centres ``c`` follows in O(k):
    ``sum(sq) - 2 sum(c . sums) + sum(mass |c|**2)``. After a reassignment only the points
    that changed cluster are moved, unless many did: then (and at the start) everything is
    summed afresh, which also keeps the rounding of repeated updates from piling up.
    """

    # Above this share of points changing cluster, summing afresh is as cheap.
    _REFRESH_SHARE = 0.125

    def __init__(self, points: np.ndarray, weights: np.ndarray, labels: np.ndarray, k: int):
        self._points = points
        self._weights = weights
        self._k = k
        self._labels = labels
        self._refresh()

    def _refresh(self) -> None:
        labels, k = self._labels, self._k
        self.count = np.bincount(labels, minlength=k)
        self.mass = np.bincount(labels, weights=self._weights, minlength=k)
        self.sums = self._sum_coordinates(labels, self._points, self._weights)
        # The weighted squared norms by blocks: kept per point they took 8 bytes a point.
        self.sq = np.zeros(k)
        for start in range(0, labels.size, _POINT_BLOCK):
            block = slice(start, start + _POINT_BLOCK)
            self.sq += np.bincount(labels[block], weights=self._squares(block), minlength=k)

    def _squares(self, which: slice | np.ndarray) -> np.ndarray:
        """``w * |p|**2`` of the points ``which`` selects."""
        return self._weights[which] * row_sq_norms(self._points[which])

    def _sum_coordinates(
        self, labels: np.ndarray, points: np.ndarray, weights: np.ndarray
    ) -> np.ndarray:
        return np.stack(
            [
                np.bincount(labels, weights=weights * points[:, j], minlength=self._k)
                for j in range(points.shape[1])
            ],
            axis=1,
        )

    def move(self, moved: np.ndarray, previous: np.ndarray, current: np.ndarray) -> None:
        """Account for the points ``moved`` from clusters ``previous`` to ``current``."""
        if moved.size == 0:
            return
        if moved.size > self._REFRESH_SHARE * self._labels.size:
            self._refresh()  # self._labels is the caller's array, already updated
            return
        k = self._k
        w = self._weights[moved]
        p = self._points[moved]
        sq = self._squares(moved)
        self.count += np.bincount(current, minlength=k)
        self.count -= np.bincount(previous, minlength=k)
        self.mass += np.bincount(current, weights=w, minlength=k)
        self.mass -= np.bincount(previous, weights=w, minlength=k)
        self.sums += self._sum_coordinates(current, p, w)
        self.sums -= self._sum_coordinates(previous, p, w)
        self.sq += np.bincount(current, weights=sq, minlength=k)
        self.sq -= np.bincount(previous, weights=sq, minlength=k)
        # A cluster that lost every point keeps a rounding residue: make it exactly empty.
        gone = self.count == 0
        self.mass[gone] = 0.0
        self.sums[gone] = 0.0
        self.sq[gone] = 0.0

    def all_filled(self, n_held: int = 0) -> bool:
        """Whether every cluster but the first ``n_held`` (held centres) has some weight."""
        return bool(np.all(self.mass[n_held:] > 0))

    def means(self) -> np.ndarray:
        """Mean of every cluster; NaN rows for empty ones."""
        with np.errstate(invalid="ignore", divide="ignore"):
            return self.sums / self.mass[:, None]

    def inertia(self, centers: np.ndarray) -> float:
        """Sum of w * |p - c|**2 over the points, each with its cluster's centre."""
        cross = float(np.einsum("ij,ij->", centers, self.sums))
        value = float(self.sq.sum()) - 2.0 * cross + float(self.mass @ row_sq_norms(centers))
        return max(value, 0.0)


def _assign_top2(
    points: np.ndarray, centers: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Nearest centre, its distance, and the distance to the second-nearest, for every point."""
    k = centers.shape[0]
    n = points.shape[0]
    labels = np.empty(n, dtype=np.intp)
    second = np.full(n, np.inf, dtype=np.float64)

    def search(first: int, last: int) -> None:
        part = points[first:last]
        for start, stop, d in distance_blocks(part, centers, np.float32):
            start, stop = first + start, first + stop
            best = np.argmin(d, axis=1, out=labels[start:stop])
            if k > 1:
                rows = np.arange(stop - start)
                d[rows, best] = np.inf
                # A second argmin and a gather read d once, like d.min(axis=1), in 0.6x its time.
                second[start:stop] = d[rows, np.argmin(d, axis=1)]

    parallel.split_range(n, search, min_split=split_rows(k))
    # The distance to the own centre is recomputed exactly in float64. The second-nearest one
    # is the float32 |c|^2 - 2p.c of the product plus |p|^2 in float64; its rounding error is
    # below a few float32 epsilons of the terms' magnitude: the lower bound gives that much
    # away to stay sound.
    p_norm = row_sq_norms(points)
    upper = np.sqrt(row_sq_norms(points - np.take(centers, labels, axis=0)))
    slack = _FLOAT32_SLACK * (p_norm + row_sq_norms(centers).max()) + 1e-9
    second += p_norm
    lower = np.sqrt(np.maximum(second - slack, 0.0))
    return labels, upper, lower


def _reassign(
    points: np.ndarray,
    centers: np.ndarray,
    labels: np.ndarray,
    upper: np.ndarray,
    lower: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Hamerly's assignment step, in place.

    The bound checks run in blocks of points, and the points they leave are searched in
    blocks too: whole-size temporaries took some 60 bytes a point on the exact colours.

    Returns
    -------
    moved : ndarray of intp, the points whose label changed
    previous : ndarray of intp, their labels before
    """
    nothing = np.zeros(0, dtype=np.intp)
    if centers.shape[0] == 1:
        return nothing, nothing
    gaps = half_gaps(centers)
    found = []
    for start in range(0, labels.size, _POINT_BLOCK):
        stop = start + _POINT_BLOCK
        bound = np.maximum(np.take(gaps, labels[start:stop]), lower[start:stop])
        suspects = np.flatnonzero(upper[start:stop] > bound)
        if suspects.size == 0:
            continue
        bound = bound[suspects]
        suspects += start
        diff = points[suspects] - np.take(centers, labels[suspects], axis=0)
        tightened = np.sqrt(row_sq_norms(diff))
        upper[suspects] = tightened
        found.append(suspects[tightened > bound])
    suspects = np.concatenate(found) if found else nothing
    moved, previous = [nothing], [nothing]
    for start in range(0, suspects.size, _SEARCH_BLOCK):
        block = suspects[start : start + _SEARCH_BLOCK]
        new_labels, new_upper, new_lower = _assign_top2(points[block], centers)
        before = labels[block]
        changed = new_labels != before
        labels[block] = new_labels
        upper[block] = new_upper
        lower[block] = new_lower
        moved.append(block[changed])
        previous.append(before[changed])
    return np.concatenate(moved), np.concatenate(previous)


def _relocate_empty(
    points: np.ndarray,
    weights: np.ndarray,
    labels: np.ndarray,
    upper: np.ndarray,
    means: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """The module docstring's empty-cluster rule, for centres whose mean is NaN (no weight).

    ``upper`` bounds each point's distance to its centre (the rule's ``d``). Returns the new
    centres (the empty ones moved to donor points, or dropped when points run out) and the
    labels with the donors assigned to the centres they became.
    """
    k = means.shape[0]
    new_centers = means.copy()
    empty = np.flatnonzero(np.isnan(means[:, 0]))
    contribution = weights * upper**2
    order = np.argsort(-contribution, kind="stable")
    donors = order[contribution[order] > 0][: empty.size]
    new_centers[empty[: donors.size]] = points[donors]
    labels = labels.copy()
    labels[donors] = empty[: donors.size]
    if donors.size < empty.size:
        keep = np.ones(k, dtype=bool)
        keep[empty[donors.size :]] = False
        remap = np.cumsum(keep) - 1
        new_centers = new_centers[keep]
        labels = remap[labels]
    return new_centers, labels
