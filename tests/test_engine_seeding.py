"""The RGBA path's seeding (engine/seeding.py): distinct points, deterministic, and as good as
the one-centre-per-step greedy k-means++ it replaces there."""

from __future__ import annotations

import numpy as np
import pytest

from kmeans_gui.engine import Cancelled
from kmeans_gui.engine.alpha import rgba_points
from kmeans_gui.engine.kmeans import kmeans_plusplus
from kmeans_gui.engine.nearest import nearest_center
from kmeans_gui.engine.seeding import greedy_plusplus


def _rgba_values(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Distinct clustering points of random RGBA values (blobs), with pixel counts."""
    rng = np.random.default_rng(seed)
    centres = rng.integers(0, 256, (40, 4))
    values = centres[rng.integers(0, 40, n)] + rng.integers(-12, 13, (n, 4))
    values = np.unique(np.clip(values, 1, 255).astype(np.uint8), axis=0)
    points = rgba_points(values[:, :3], values[:, 3], "rgb", np.float32)
    return points, rng.integers(1, 500, points.shape[0]).astype(np.float64)


def _inertia(points: np.ndarray, weights: np.ndarray, centres: np.ndarray) -> float:
    return float(nearest_center(points.astype(np.float64), centres)[1] @ weights)


@pytest.mark.parametrize("k", [1, 2, 16, 64, 255])
def test_seeds_are_distinct_points_and_deterministic(k):
    points, weights = _rgba_values(6000, k)
    a = greedy_plusplus(points, weights, k, np.random.default_rng(3), 3)
    b = greedy_plusplus(points, weights, k, np.random.default_rng(3), 3)
    np.testing.assert_array_equal(a, b)
    assert a.shape == (k, 4) and a.dtype == np.float64
    matches = np.all(a[:, None, :] == points[None, :, :].astype(np.float64), axis=2)
    assert np.all(matches.sum(axis=1) == 1), "every centre is one of the points"
    assert np.unique(a, axis=0).shape[0] == k, "centres are distinct"


@pytest.mark.parametrize("k", [16, 64, 255])
def test_seeds_are_as_good_as_one_centre_per_step(k):
    """Centres chosen several at a time (from K = 16 on) cost at most 10% more inertia than
    the sequential greedy k-means++, averaged over seeds."""
    points, weights = _rgba_values(20000, 1)
    ours, sequential = [], []
    for seed in range(4):
        batched = greedy_plusplus(points, weights, k, np.random.default_rng(seed), 3)
        one_by_one = kmeans_plusplus(
            points.astype(np.float64), weights, k, np.random.default_rng(seed), None, 3
        )
        ours.append(_inertia(points, weights, batched))
        sequential.append(_inertia(points, weights, one_by_one))
    assert np.mean(ours) <= 1.10 * np.mean(sequential)


def test_fewer_distinct_points_than_centres_takes_every_point():
    points = np.repeat(np.arange(5, dtype=np.float32)[:, None] * 10, 4, axis=1)
    points = np.vstack([points, points])  # 10 points, 5 distinct
    weights = np.ones(10)
    centres = greedy_plusplus(points, weights, 8, np.random.default_rng(0), 3)
    assert centres.shape == (8, 4)
    assert np.unique(centres, axis=0).shape[0] == 5


def test_seeding_can_be_cancelled():
    points, weights = _rgba_values(3000, 2)
    with pytest.raises(Cancelled):
        greedy_plusplus(points, weights, 64, np.random.default_rng(0), 3, lambda: True)
