"""Greedy weighted k-means++ seeding with one small product per centre and sampling by blocks.

The steps of :func:`.kmeans.kmeans_plusplus` made a dozen passes over the points each (a
float64 cumulative sum alone was a third of them), which at K = 256 on the RGBA path's
seeding level (4,000-10,000 points) made the seeding a quarter of the search. Here a
candidate's squared distances to every point are one matrix product of the points extended
by ``(1, |p|**2)`` with the candidate's ``(-2c, |c|**2, 1)``, and a point is drawn by
sampling a block of 64 points from the blocks' sums, then a point inside it. The opaque path
keeps :func:`.kmeans.kmeans_plusplus`: its palettes stay the same.
"""

from __future__ import annotations

import numpy as np

from .kmeans import Cancelled, StopCheck
from .nearest import row_sq_norms

# Centres chosen together in one step: one per this many already chosen (at least one). The
# first centres, which place the large structure, are chosen one by one; at K = 256 the 255
# steps of one centre each took 70-130 us apiece (a dozen NumPy calls), 52 steps here.
_BATCH_SHARE = 8


def greedy_plusplus(
    points: np.ndarray,
    weights: np.ndarray,
    k: int,
    rng: np.random.Generator,
    n_trials: int,
    should_stop: StopCheck | None = None,
) -> np.ndarray:
    """Weighted greedy k-means++ (each centre the best of ``n_trials`` points drawn with
    probability proportional to ``w * d**2`` to the nearest centre so far).

    Assumes prior validation: ``1 <= k <= n``, ``n_trials >= 1`` and all weights > 0.
    Distances are float32, as the sampling needs no more.

    Parameters
    ----------
    points : ndarray of shape (n, d), float
    weights : ndarray of shape (n,), float64
    k : int
    rng : numpy.random.Generator
    n_trials : int, candidates tried per centre
    should_stop : callable() -> bool, optional; True raises Cancelled

    Returns
    -------
    centers : ndarray of shape (k, d), float64, chosen among ``points``
    """
    n, dim = points.shape
    points32 = np.asarray(points, dtype=np.float32)
    norms = row_sq_norms(points32)
    # Columns (p, 1, |p|**2): a row (-2c, |c|**2, 1) times them is |p - c|**2 for every p.
    extended = np.empty((dim + 2, n), dtype=np.float32)
    extended[:dim] = points32.T
    extended[dim] = 1.0
    extended[dim + 1] = norms
    weights32 = weights.astype(np.float32)

    def distances(candidates: np.ndarray) -> np.ndarray:
        rows = np.empty((candidates.size, dim + 2), dtype=np.float32)
        np.multiply(points32[candidates], -2.0, out=rows[:, :dim])
        rows[:, dim] = norms[candidates]
        rows[:, dim + 1] = 1.0
        return rows @ extended

    chosen = np.empty(k, dtype=np.intp)
    chosen[0] = rng.choice(n, p=weights / weights.sum())
    closest = distances(chosen[:1])[0]
    closest[chosen[0]] = 0.0
    found = 1
    while found < k:
        if should_stop is not None and should_stop():
            raise Cancelled
        batch = min(k - found, max(1, found // _BATCH_SHARE))
        cumulative = np.cumsum(weights * np.maximum(closest, 0.0))
        total = cumulative[-1]
        if total <= 0.0:
            # Every point already coincides with a centre: take unused points in order.
            unused = np.setdiff1d(np.arange(n), chosen[:found])
            chosen[found:] = unused[: k - found]
            break
        # side="right": the first point whose cumulative sum exceeds a target, whose own
        # potential is > 0 (never a centre already chosen).
        targets = rng.random(batch * n_trials) * total
        candidates = np.minimum(np.searchsorted(cumulative, targets, side="right"), n - 1)
        trial = distances(candidates)
        np.minimum(trial, closest, out=trial)
        scores = (trial @ weights32).reshape(batch, n_trials)
        rows = np.arange(batch) * n_trials + np.argmin(scores, axis=1)
        # Two trials of the batch may have drawn the same point: it is taken once.
        _, first = np.unique(candidates[rows], return_index=True)
        rows = rows[np.sort(first)]
        new = candidates[rows]
        chosen[found : found + new.size] = new
        found += new.size
        closest = trial[rows].min(axis=0)
        closest[new] = 0.0  # exactly, whatever the float32 rounding
    return np.asarray(points, dtype=np.float64)[chosen]
