"""Lloyd by full searches (engine/lloyd_dense.py) makes the same steps as Lloyd with bounds."""

from __future__ import annotations

import numpy as np
import pytest

from kmeans_gui.engine import Cancelled
from kmeans_gui.engine.kmeans import lloyd
from kmeans_gui.engine.lloyd_dense import lloyd_dense


def _points(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    centres = rng.uniform(0, 400, (12, 4))
    points = centres[rng.integers(0, 12, n)] + rng.normal(0, 25, (n, 4))
    return points.astype(np.float32), rng.integers(1, 300, n).astype(np.float64)


@pytest.mark.parametrize("k", [2, 16, 60])
@pytest.mark.parametrize("max_iter", [1, 4, 50])
@pytest.mark.parametrize("n", [1500, 9000])  # 9,000 x 60: the search split between threads
def test_the_same_centres_labels_and_iterations_as_bounded_lloyd(n, k, max_iter):
    points, weights = _points(n, k)
    start = points[np.random.default_rng(k).choice(points.shape[0], k, replace=False)]
    ours = lloyd_dense(points, weights, start, max_iter=max_iter, tol=1e-4)
    theirs = lloyd(points, weights, start, max_iter=max_iter, tol=1e-4)
    # Both are exact Lloyd steps; the float32 searches may settle a near-tie either way,
    # after which the two paths may part by a point or two over many iterations.
    assert np.count_nonzero(ours.labels != theirs.labels) <= 0.002 * points.shape[0]
    assert ours.inertia == pytest.approx(theirs.inertia, rel=1e-3)
    assert abs(ours.iterations - theirs.iterations) <= (0 if max_iter < 50 else 2)
    if max_iter < 50 and n < 5000:
        np.testing.assert_array_equal(ours.labels, theirs.labels)
        np.testing.assert_allclose(ours.centers, theirs.centers, rtol=1e-9, atol=1e-9)
        assert ours.inertia == pytest.approx(theirs.inertia, rel=1e-6)
    # Its bounds hold for its centres: a finer level may start from them.
    d = np.sqrt(((points[:, None, :].astype(np.float64) - ours.centers[None]) ** 2).sum(axis=2))
    own = d[np.arange(points.shape[0]), ours.bounds.labels]
    assert np.all(ours.bounds.upper >= own - 1e-9)
    d[np.arange(points.shape[0]), ours.bounds.labels] = np.inf
    assert np.all(ours.bounds.lower <= d.min(axis=1) + 1e-9)


def test_an_empty_cluster_goes_to_the_empty_cluster_rule():
    points, weights = _points(400, 3)
    # A centre far from every point gets none: the bounded Lloyd moves it to a point.
    start = np.vstack([points[:5].astype(np.float64), [[5000.0, 5000.0, 5000.0, 5000.0]]])
    result = lloyd_dense(points, weights, start, max_iter=20, tol=1e-4)
    expected = lloyd(points, weights, start, max_iter=20, tol=1e-4)
    assert result.centers.shape == (6, 4)
    assert np.all(np.abs(result.centers) < 1000)
    assert result.inertia == pytest.approx(expected.inertia, rel=1e-6)


def test_progress_and_cancelling():
    points, weights = _points(500, 4)
    seen: list[int] = []
    lloyd_dense(points, weights, points[:8], max_iter=30, tol=0.0,
                progress=lambda i, inertia: seen.append(i), iteration_offset=10)  # fmt: skip
    assert seen and seen == list(range(11, 11 + len(seen)))
    with pytest.raises(Cancelled):
        lloyd_dense(points, weights, points[:8], max_iter=5, tol=0.0, should_stop=lambda: True)
