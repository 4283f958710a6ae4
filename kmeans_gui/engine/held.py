"""Palettes around given colours: locked colours kept exactly, and warm starts after an edit.

k-means++ seeding continues from the given centres (each new centre is drawn with probability
proportional to ``w * d**2`` to the nearest centre so far, given ones included), and Lloyd then
holds the locked ones (``kmeans.lloyd(..., n_held=...)``).
"""

from __future__ import annotations

import numpy as np

from .kmeans import Cancelled, StopCheck
from .nearest import nearest_center


def seed_around(
    points: np.ndarray,
    weights: np.ndarray,
    given: np.ndarray,
    k: int,
    rng: np.random.Generator,
    should_stop: StopCheck | None = None,
) -> np.ndarray:
    """``given`` centres followed by greedy weighted k-means++ picks up to ``k`` centres.

    Assumes prior validation: ``len(given) <= k`` and all weights > 0.

    Parameters
    ----------
    points : ndarray of shape (n, d), float64
    weights : ndarray of shape (n,), float64
    given : ndarray of shape (m, d), float64
    k : int, the number of centres wanted
    rng : numpy.random.Generator

    Returns
    -------
    centers : ndarray of shape (k', d), float64, ``given`` first; k' < k only when every point
        already coincides with a centre
    """
    n_trials = 2 + int(np.log(max(k, 1)))
    centers = [np.asarray(given, dtype=np.float64)]
    if given.shape[0]:
        closest = nearest_center(points, given)[1]
    else:
        first = rng.choice(points.shape[0], p=weights / weights.sum())
        centers.append(points[first : first + 1])
        closest = np.sum((points - points[first]) ** 2, axis=1)
    for _ in range(k - sum(c.shape[0] for c in centers)):
        if should_stop is not None and should_stop():
            raise Cancelled
        potential = weights * closest
        total = potential.sum()
        if total <= 0.0:
            break  # every point coincides with a centre
        candidates = np.searchsorted(np.cumsum(potential), rng.uniform(0.0, total, n_trials))
        candidates = np.minimum(candidates, points.shape[0] - 1)
        trial = np.sum((points[None, :, :] - points[candidates][:, None, :]) ** 2, axis=2)
        trial = np.minimum(closest[None, :], trial)
        best = int(np.argmin(trial @ weights))
        centers.append(points[candidates[best] : candidates[best] + 1])
        closest = trial[best]
    return np.vstack(centers)
