"""Tests for kmeans_gui.engine.kmeans: weighted Lloyd vs brute force, bounds, seeding, rules."""

from __future__ import annotations

import time

import numpy as np
import pytest

from kmeans_gui.engine import Cancelled, analyse, quantize, quantize_to_palette
from kmeans_gui.engine.colorspace import srgb8_to_oklab, to_space
from kmeans_gui.engine.histogram import bin_colors
from kmeans_gui.engine.kmeans import _ClusterSums, kmeans_plusplus, lloyd
from kmeans_gui.engine.nearest import nearest_center

# ---------------------------------------------------------------------------------------------
# Brute-force references, float64, written from the docstrings and not from the implementation.


def brute_assign(points: np.ndarray, centers: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Nearest centre (lowest index on ties) and squared distance, by full float64 differences."""
    d2 = np.sum((points[:, None, :] - centers[None, :, :]) ** 2, axis=2)
    labels = np.argmin(d2, axis=1)
    return labels, d2[np.arange(points.shape[0]), labels]


def reference_lloyd(
    points: np.ndarray, weights: np.ndarray, centers: np.ndarray, *, max_iter: int, tol: float
) -> tuple[np.ndarray, np.ndarray, int]:
    """Plain weighted Lloyd with the empty-cluster rule of the kmeans module docstring."""
    centers = np.array(centers, dtype=np.float64)
    labels, d2 = brute_assign(points, centers)
    previous = np.inf
    iteration = 0
    while iteration < max_iter:
        k = centers.shape[0]
        new = centers.copy()
        empty = []
        for j in range(k):
            members = labels == j
            mass = weights[members].sum()
            if mass > 0:
                new[j] = (weights[members, None] * points[members]).sum(axis=0) / mass
            else:
                empty.append(j)
        if empty:
            contribution = weights * d2
            order = np.argsort(-contribution, kind="stable")
            donors = [i for i in order if contribution[i] > 0][: len(empty)]
            for j, i in zip(empty, donors, strict=False):  # donors may run out
                new[j] = points[i]
            dropped = empty[len(donors) :]
            new = np.delete(new, dropped, axis=0)
        centers = new
        iteration += 1
        new_labels, d2 = brute_assign(points, centers)
        changed = bool(empty) or bool(np.any(new_labels != labels))
        labels = new_labels
        inertia = float(d2 @ weights)
        if not changed or previous - inertia <= tol * inertia:
            break
        previous = inertia
    return centers, labels, iteration


def pixel_lloyd_step(pixels: np.ndarray, centers: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """One Lloyd step over every pixel (unweighted): assign, then mean of each cluster."""
    labels, _ = brute_assign(pixels, centers)
    new = np.empty_like(centers)
    for j in range(centers.shape[0]):
        members = pixels[labels == j]
        assert members.shape[0] > 0, "test setup left a cluster empty"
        new[j] = members.mean(axis=0)
    return new, labels


def repeated_colour_image(seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A 30x30 image drawn from 20 colours: its pixels, distinct colours and their counts."""
    rng = np.random.default_rng(seed)
    source = rng.integers(0, 256, (20, 3), dtype=np.uint8)
    image = source[rng.integers(0, 20, (30, 30))]
    pixels = image.reshape(-1, 3).astype(np.float64)
    colors, counts = np.unique(image.reshape(-1, 3), axis=0, return_counts=True)
    return pixels, colors.astype(np.float64), counts.astype(np.float64)


def initial_centres(colors: np.ndarray, k: int, seed: int) -> np.ndarray:
    """k distinct colours of the set plus noise far smaller than their gaps: no empty cluster."""
    rng = np.random.default_rng(seed + 1000)
    chosen = colors[rng.choice(colors.shape[0], k, replace=False)]
    return chosen + rng.uniform(-0.3, 0.3, chosen.shape)


def random_weighted_points(seed: int, n: int = 500) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    return rng.uniform(0, 255, (n, 3)), rng.integers(1, 50, n).astype(np.float64)


def clustered_image(seed: int, size: int = 128) -> np.ndarray:
    """Noisy blobs around 40 colours: many distinct colours that the binned levels reduce."""
    rng = np.random.default_rng(seed)
    base = rng.integers(0, 256, (40, 3))
    noisy = base[rng.integers(0, 40, (size, size))] + rng.integers(-12, 13, (size, size, 3))
    return np.clip(noisy, 0, 255).astype(np.uint8)


# ---------------------------------------------------------------------------------------------
# The weighted step over distinct colours is the Lloyd step over all pixels.


@pytest.mark.parametrize("seed", range(5))
def test_one_weighted_step_equals_one_pixel_step(seed: int) -> None:
    pixels, colors, counts = repeated_colour_image(seed)
    centres = initial_centres(colors, 6, seed)
    expected, _ = pixel_lloyd_step(pixels, centres)
    result = lloyd(colors, counts, centres, max_iter=1, tol=0.0)
    assert result.iterations == 1
    np.testing.assert_allclose(result.centers, expected, rtol=1e-9, atol=1e-9)


@pytest.mark.parametrize("seed", range(5))
def test_five_weighted_steps_equal_five_pixel_steps(seed: int) -> None:
    pixels, colors, counts = repeated_colour_image(seed)
    centres = initial_centres(colors, 7, seed)
    expected = centres
    labels = None
    for _ in range(5):
        expected, new_labels = pixel_lloyd_step(pixels, expected)
        if labels is not None and np.array_equal(labels, new_labels):
            break
        labels = new_labels
    result = lloyd(colors, counts, centres, max_iter=5, tol=0.0)
    np.testing.assert_allclose(result.centers, expected, rtol=1e-9, atol=1e-9)
    # The result's labels are the nearest centres of the distinct colours.
    np.testing.assert_array_equal(result.labels, brute_assign(colors, result.centers)[0])
    inertia = float(brute_assign(colors, result.centers)[1] @ counts)
    assert result.inertia == pytest.approx(inertia, rel=1e-9)


# ---------------------------------------------------------------------------------------------
# Hamerly's bounds give the result of plain Lloyd.


@pytest.mark.parametrize("seed", range(6))
def test_lloyd_equals_brute_force_lloyd(seed: int) -> None:
    points, weights = random_weighted_points(seed)
    rng = np.random.default_rng(seed)
    centres = points[rng.choice(points.shape[0], 12, replace=False)]
    expected, expected_labels, expected_iterations = reference_lloyd(
        points, weights, centres, max_iter=100, tol=0.0
    )
    result = lloyd(points, weights, centres, max_iter=100, tol=0.0)
    np.testing.assert_allclose(result.centers, expected, rtol=1e-9, atol=1e-9)
    np.testing.assert_array_equal(result.labels, expected_labels)
    assert result.iterations == expected_iterations


@pytest.mark.parametrize(("k", "seed"), [(48, 0), (64, 1), (150, 2), (256, 3)])
def test_lloyd_with_many_centres_equals_brute_force_lloyd(k: int, seed: int) -> None:
    points, weights = random_weighted_points(seed, n=4000)
    rng = np.random.default_rng(seed)
    centres = points[rng.choice(points.shape[0], k, replace=False)]
    expected, expected_labels, expected_iterations = reference_lloyd(
        points, weights, centres, max_iter=30, tol=0.0
    )
    result = lloyd(points, weights, centres, max_iter=30, tol=0.0)
    np.testing.assert_allclose(result.centers, expected, rtol=1e-9, atol=1e-9)
    np.testing.assert_array_equal(result.labels, expected_labels)
    assert result.iterations == expected_iterations
    # The bounds it hands on hold: upper >= own distance, lower <= every other distance.
    d = np.sqrt(((points[:, None, :] - result.centers[None]) ** 2).sum(axis=2))
    rows = np.arange(points.shape[0])
    assert np.all(result.bounds.upper >= d[rows, result.labels] - 1e-9)
    d[rows, result.labels] = np.inf
    assert np.all(result.bounds.lower <= d.min(axis=1) + 1e-9)


@pytest.mark.parametrize("seed", range(4))
def test_lloyd_with_tolerance_stops_like_brute_force(seed: int) -> None:
    points, weights = random_weighted_points(seed + 50)
    rng = np.random.default_rng(seed)
    centres = points[rng.choice(points.shape[0], 12, replace=False)]
    expected, _, expected_iterations = reference_lloyd(
        points, weights, centres, max_iter=100, tol=1e-3
    )
    result = lloyd(points, weights, centres, max_iter=100, tol=1e-3)
    assert result.iterations == expected_iterations
    np.testing.assert_allclose(result.centers, expected, rtol=1e-9, atol=1e-9)


@pytest.mark.parametrize("color_space", ["rgb", "oklab"])
@pytest.mark.parametrize("seed", range(3))
def test_levels_are_the_binned_colours(color_space: str, seed: int) -> None:
    """Each binned level is its colours' bins at 5, 6 or 7 bits, with their weighted means."""
    analysis = analyse(clustered_image(seed, size=256))
    hist = analysis.histogram
    levels = analysis.levels(color_space)
    assert len(levels) >= 2, "test image should give at least one binned level"
    exact = levels[-1]
    np.testing.assert_allclose(exact.points, to_space(hist.colors, color_space), rtol=0, atol=0)
    np.testing.assert_array_equal(exact.weights, hist.counts)
    # The point of every level each exact colour falls in, by the parent links.
    ancestor = np.arange(hist.colors.shape[0])
    bits_seen = []
    for fine, coarse in zip(levels[::-1], levels[-2::-1], strict=False):
        assert fine.parent is not None and fine.offset is not None
        ancestor = fine.parent[ancestor]
        bits = next(
            (b for b in (5, 6, 7) if np.array_equal(ancestor, bin_colors(hist.colors, b)[0])),
            None,
        )
        assert bits is not None, "a level's points should be the bins of some 5, 6 or 7 bits"
        bits_seen.append(bits)
        sums = np.zeros_like(coarse.points)
        mass = np.zeros(coarse.points.shape[0])
        np.add.at(sums, ancestor, hist.counts[:, None] * exact.points)
        np.add.at(mass, ancestor, hist.counts)
        np.testing.assert_allclose(coarse.points, sums / mass[:, None], rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(coarse.weights, mass, rtol=1e-12)
        distance = np.sqrt(np.sum((fine.points - coarse.points[fine.parent]) ** 2, axis=1))
        # float32, rounded up: never below the distance (the bounds widened by it stay sound)
        assert fine.offset.dtype == np.float32 and np.all(fine.offset >= distance)
        np.testing.assert_allclose(fine.offset, distance, rtol=2e-7, atol=1e-12)
        # Kept only with at most half as many points as the finer level.
        assert 2 * coarse.points.shape[0] <= fine.points.shape[0]
    assert bits_seen == sorted(bits_seen, reverse=True) and len(set(bits_seen)) == len(bits_seen)


@pytest.mark.parametrize("color_space", ["rgb", "oklab"])
@pytest.mark.parametrize("seed", range(3))
def test_inherited_bounds_give_plain_lloyd(color_space: str, seed: int) -> None:
    analysis = analyse(clustered_image(seed))
    levels = analysis.levels(color_space)
    assert len(levels) >= 2, "test image should give at least one binned level"
    coarse = levels[0]
    rng = np.random.default_rng(seed)
    centres = kmeans_plusplus(coarse.points, coarse.weights, 12, rng)
    fit = lloyd(coarse.points, coarse.weights, centres, max_iter=30, tol=0.0)
    for level in levels[1:]:
        bounds = fit.bounds.inherit(level.parent, level.offset)
        warm = lloyd(level.points, level.weights, fit.centers, max_iter=8, tol=0.0, bounds=bounds)
        cold = lloyd(level.points, level.weights, fit.centers, max_iter=8, tol=0.0)
        expected, expected_labels, _ = reference_lloyd(
            level.points, level.weights, fit.centers, max_iter=8, tol=0.0
        )
        np.testing.assert_allclose(warm.centers, expected, rtol=1e-9, atol=1e-12)
        np.testing.assert_allclose(cold.centers, expected, rtol=1e-9, atol=1e-12)
        np.testing.assert_array_equal(warm.labels, expected_labels)
        assert warm.iterations == cold.iterations
        fit = warm


@pytest.mark.parametrize("scale", [1.0, 255.0])
@pytest.mark.parametrize("seed", range(3))
# (3000, 16) is searched in one thread, (12000, 256) in two (see nearest.split_rows).
@pytest.mark.parametrize(("n", "k"), [(3000, 16), (12000, 256)])
def test_returned_bounds_hold(scale: float, seed: int, n: int, k: int) -> None:
    """Bounds docstring: upper >= distance to own centre, lower <= distance to every other."""
    rng = np.random.default_rng(seed)
    points = rng.uniform(0, scale, (n, 3))
    weights = rng.integers(1, 20, n).astype(np.float64)
    centres = points[rng.choice(n, k, replace=False)]
    for max_iter in (1, 3):
        result = lloyd(points, weights, centres, max_iter=max_iter, tol=0.0)
        d = np.sqrt(np.sum((points[:, None, :] - result.centers[None, :, :]) ** 2, axis=2))
        rows = np.arange(points.shape[0])
        bounds = result.bounds
        # Allow float64 rounding (1e-12 relative), nothing more.
        assert np.all(bounds.upper >= d[rows, bounds.labels] * (1 - 1e-12))
        # The labels are the nearest centres, up to the float32 search's rounding (the slack
        # the bounds allow for, kmeans._FLOAT32_SLACK, of |p|**2 + max |c|**2).
        slack = 1e-5 * (np.sum(points**2, axis=1) + np.max(np.sum(result.centers**2, axis=1)))
        assert np.all(d[rows, bounds.labels] ** 2 <= d.min(axis=1) ** 2 + slack)
        d[rows, bounds.labels] = np.inf
        nearest_other = d.min(axis=1)
        too_high = bounds.lower > nearest_other * (1 + 1e-12)
        assert not too_high.any(), (
            f"{too_high.sum()} lower bounds exceed the distance to the nearest other centre, "
            f"by up to {np.max(bounds.lower - nearest_other):.3g}"
        )


# ---------------------------------------------------------------------------------------------
# The empty-cluster rule of the module docstring.


def two_blobs() -> tuple[np.ndarray, np.ndarray]:
    points = np.array(
        [[0, 0, 0], [1, 0, 0], [9, 0, 0], [0, 4, 0], [100, 100, 100], [101, 100, 100]]
        + [[100, 106, 100]],
        dtype=np.float64,
    )
    # Without weights [9,0,0] is farthest from its centre; with them [0,4,0] weighs most.
    weights = np.array([1, 1, 1, 10, 1, 1, 1], dtype=np.float64)
    return points, weights


def test_empty_centre_moves_to_largest_weighted_squared_distance() -> None:
    points, weights = two_blobs()
    centres = np.array([[0, 0, 0], [100, 100, 100], [-1000, -1000, -1000]], dtype=np.float64)
    _, d2 = brute_assign(points, centres)
    contribution = weights * d2
    donor = int(np.argmax(contribution))
    assert donor == 3 and int(np.argmax(d2)) != donor  # the weights decide
    result = lloyd(points, weights, centres, max_iter=1, tol=0.0)
    assert result.centers.shape == (3, 3)
    np.testing.assert_array_equal(result.centers[2], points[donor])
    # The other centres are the weighted means of their clusters before the donor left.
    first = np.arange(7) < 4
    np.testing.assert_allclose(
        result.centers[0], (weights[first, None] * points[first]).sum(0) / weights[first].sum()
    )
    np.testing.assert_allclose(result.centers[1], points[4:].mean(axis=0))
    assert result.labels[donor] == 2


def test_two_empty_centres_take_distinct_points_in_decreasing_order() -> None:
    points, weights = two_blobs()
    centres = np.array([[0, 0, 0], [100, 100, 100], [-1000, 0, 0], [0, -1000, 0]], dtype=np.float64)
    _, d2 = brute_assign(points, centres)
    order = np.argsort(-(weights * d2), kind="stable")
    result = lloyd(points, weights, centres, max_iter=1, tol=0.0)
    assert result.centers.shape == (4, 3)
    np.testing.assert_array_equal(result.centers[2], points[order[0]])
    np.testing.assert_array_equal(result.centers[3], points[order[1]])
    assert not np.array_equal(result.centers[2], result.centers[3])


def test_empty_centres_are_dropped_when_points_run_out() -> None:
    points = np.array([[10, 20, 30], [200, 10, 10], [50, 250, 90]], dtype=np.float64)
    weights = np.array([3.0, 1.0, 2.0])
    centres = np.vstack([points, [[-500, -500, -500], [900, 900, 900]]])
    result = lloyd(points, weights, centres, max_iter=5, tol=0.0)
    assert result.centers.shape == (3, 3)
    assert np.all(np.isfinite(result.centers))
    np.testing.assert_array_equal(result.centers, points)
    np.testing.assert_array_equal(result.labels, [0, 1, 2])
    assert result.inertia == 0.0


@pytest.mark.parametrize("seed", range(5))
def test_more_centres_than_points_converges_without_nan(seed: int) -> None:
    rng = np.random.default_rng(seed)
    points = rng.integers(0, 256, (3, 3)).astype(np.float64)
    weights = rng.integers(1, 10, 3).astype(np.float64)
    centres = rng.uniform(0, 255, (6, 3))
    result = lloyd(points, weights, centres, max_iter=50, tol=0.0)
    assert np.all(np.isfinite(result.centers))
    assert result.centers.shape[0] <= 3
    assert result.labels.max() < result.centers.shape[0]
    assert result.inertia == pytest.approx(float(brute_assign(points, result.centers)[1] @ weights))


# ---------------------------------------------------------------------------------------------
# nearest_center and kmeans_plusplus.


@pytest.mark.parametrize("seed", range(5))
def test_nearest_center_is_exact_for_8_bit_colours(seed: int) -> None:
    rng = np.random.default_rng(seed)
    colours = rng.integers(0, 256, (20000, 3), dtype=np.uint8)
    palette = rng.integers(0, 256, (int(rng.integers(1, 257)), 3), dtype=np.uint8)
    labels, dist2 = nearest_center(colours.astype(np.float64), palette.astype(np.float64))
    d2 = np.sum(
        (colours[:, None, :].astype(np.int64) - palette[None, :, :].astype(np.int64)) ** 2, axis=2
    )
    rows = np.arange(colours.shape[0])
    np.testing.assert_array_equal(d2[rows, labels], d2.min(axis=1))
    np.testing.assert_array_equal(labels, np.argmin(d2, axis=1))  # ties: lowest index
    np.testing.assert_array_equal(dist2, d2.min(axis=1))


def test_nearest_center_ties_go_to_lowest_index() -> None:
    palette = np.array([[10, 0, 0], [0, 0, 0], [20, 0, 0], [10, 0, 0]], dtype=np.float64)
    colours = np.array([[5, 0, 0], [15, 0, 0], [10, 0, 0]], dtype=np.float64)
    labels, dist2 = nearest_center(colours, palette)
    np.testing.assert_array_equal(labels, [0, 0, 0])
    np.testing.assert_array_equal(dist2, [25, 25, 0])


@pytest.mark.parametrize("seed", range(4))
def test_kmeans_plusplus_is_deterministic_and_picks_points(seed: int) -> None:
    rng = np.random.default_rng(seed)
    colours = np.unique(rng.integers(0, 256, (300, 3), dtype=np.uint8), axis=0)
    points = srgb8_to_oklab(colours) if seed % 2 else colours.astype(np.float64)
    weights = rng.integers(1, 100, points.shape[0]).astype(np.float64)
    for k in (1, 2, 17, 64):
        a = kmeans_plusplus(points, weights, k, np.random.default_rng(seed + 7))
        b = kmeans_plusplus(points, weights, k, np.random.default_rng(seed + 7))
        np.testing.assert_array_equal(a, b)
        assert a.shape == (k, 3)
        matches = np.all(a[:, None, :] == points[None, :, :], axis=2)
        assert np.all(matches.sum(axis=1) == 1), "every centre is one of the points"
        assert np.unique(a, axis=0).shape[0] == k, "centres are distinct"


@pytest.mark.parametrize("n", [1, 2, 5, 30])
def test_kmeans_plusplus_with_k_equal_to_n_takes_every_point(n: int) -> None:
    rng = np.random.default_rng(n)
    colours = np.unique(rng.integers(0, 256, (n * 3, 3), dtype=np.uint8), axis=0)[:n]
    points = colours.astype(np.float64)
    weights = rng.integers(1, 5, n).astype(np.float64)
    centres = kmeans_plusplus(points, weights, n, np.random.default_rng(0))
    np.testing.assert_array_equal(np.unique(centres, axis=0), np.unique(points, axis=0))


# ---------------------------------------------------------------------------------------------
# Progress, cancellation and validation through quantize.


def many_colour_analysis():
    return analyse(np.random.default_rng(3).integers(0, 256, (40, 40, 3), dtype=np.uint8))


def test_progress_reports_increasing_iterations_and_finite_inertia() -> None:
    calls: list[tuple[int, float]] = []
    q = quantize(
        many_colour_analysis(), 8, seed=1, progress=lambda i, inertia: calls.append((i, inertia))
    )
    assert calls
    iterations = [i for i, _ in calls]
    assert all(isinstance(i, int) for i in iterations)
    assert all(b > a for a, b in zip(iterations, iterations[1:], strict=False)), iterations
    assert iterations[-1] == q.iterations
    assert all(np.isfinite(inertia) and inertia >= 0 for _, inertia in calls)


@pytest.mark.parametrize("color_space", ["rgb", "oklab"])
def test_should_stop_true_raises_cancelled(color_space: str) -> None:
    with pytest.raises(Cancelled):
        quantize(many_colour_analysis(), 8, color_space=color_space, should_stop=lambda: True)


class StopAfter:
    """A should_stop() that answers True from its (n + 1)-th call on, counting its calls."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.calls = 0

    def __call__(self) -> bool:
        self.calls += 1
        return self.calls > self.n


def test_should_stop_flipping_after_three_calls_raises_cancelled() -> None:
    with pytest.raises(Cancelled):
        quantize(many_colour_analysis(), 8, should_stop=StopAfter(3))


def test_should_stop_is_honoured_at_every_check() -> None:
    analysis = many_colour_analysis()
    counter = StopAfter(10**9)
    quantize(analysis, 8, seed=2, should_stop=counter)
    total = counter.calls  # number of checks in an uncancelled run
    assert total > 3
    for n in sorted({0, 1, total // 3, total // 2, total - 2, total - 1}):
        with pytest.raises(Cancelled):
            quantize(analysis, 8, seed=2, should_stop=StopAfter(n))
    quantize(analysis, 8, seed=2, should_stop=StopAfter(total))  # the last check passes


@pytest.mark.parametrize(
    ("kwargs", "shown"),
    [
        ({"k": 0}, "k=0"),
        ({"k": 257}, "k=257"),
        ({"k": 2.5}, "k=2.5"),
        ({"k": -3}, "k=-3"),
        ({"k": 4, "color_space": "hsv"}, "hsv"),
        ({"k": 4, "n_init": 0}, "n_init=0"),
        ({"k": 4, "max_iter": 0}, "max_iter=0"),
        ({"k": 4, "tol": -1.0}, "tol=-1.0"),
    ],
)
def test_quantize_rejects_bad_arguments_naming_them(kwargs: dict, shown: str) -> None:
    analysis = analyse(np.zeros((2, 2, 3), dtype=np.uint8))
    with pytest.raises(ValueError, match=shown.replace(".", r"\.")):
        quantize(analysis, **kwargs)


@pytest.mark.parametrize(
    ("image", "shown"),
    [
        (np.zeros((4, 4), dtype=np.uint8), "(4, 4)"),
        (np.zeros((4, 4, 4), dtype=np.uint8), "(4, 4, 4)"),
        (np.zeros((4, 4, 3), dtype=np.float64), "float64"),
        (np.zeros((4, 4, 3), dtype=np.int64), "int64"),
        (np.zeros((0, 4, 3), dtype=np.uint8), "(0, 4, 3)"),
    ],
)
def test_analyse_rejects_bad_images_naming_them(image: np.ndarray, shown: str) -> None:
    with pytest.raises(ValueError) as info:
        analyse(image)
    assert shown in str(info.value)


def test_analyse_rejects_alpha_of_wrong_shape() -> None:
    with pytest.raises(ValueError) as info:
        analyse(np.zeros((4, 5, 3), dtype=np.uint8), np.zeros((5, 4), dtype=np.uint8))
    assert "(5, 4)" in str(info.value)


@pytest.mark.parametrize("seed", range(4))
def test_cluster_sums_kept_up_to_date_equal_sums_made_afresh(seed: int) -> None:
    points, weights = random_weighted_points(seed, n=400)
    rng = np.random.default_rng(seed)
    k = 6
    labels = rng.integers(0, k, points.shape[0])
    sums = _ClusterSums(points, weights, labels, k)

    def move(moved: np.ndarray, to: np.ndarray) -> None:
        previous = labels[moved].copy()
        labels[moved] = to
        changed = to != previous
        sums.move(moved[changed], previous[changed], to[changed])

    for _ in range(30):  # a few points at a time: the incremental path
        moved = rng.choice(points.shape[0], rng.integers(1, 20), replace=False)
        move(moved, rng.integers(0, k, moved.size))
    fresh = _ClusterSums(points, weights, labels.copy(), k)
    np.testing.assert_allclose(sums.mass, fresh.mass, rtol=1e-12)
    np.testing.assert_allclose(sums.sums, fresh.sums, rtol=1e-12)
    np.testing.assert_allclose(sums.sq, fresh.sq, rtol=1e-12)
    centres = rng.uniform(0, 255, (k, 3))
    expected = float(weights @ np.sum((points - centres[labels]) ** 2, axis=1))
    assert sums.inertia(centres) == pytest.approx(expected, rel=1e-9)
    # Empty cluster 2 a few points at a time: it ends exactly empty, its mean NaN.
    members = np.flatnonzero(labels == 2)
    for part in np.array_split(members, max(1, members.size // 10)):
        move(part, np.full(part.size, 3))
    assert sums.mass[2] == 0 and np.all(sums.sums[2] == 0) and not sums.all_filled()
    assert np.all(np.isnan(sums.means()[2]))


@pytest.mark.parametrize("color_space", ["rgb", "oklab"])
def test_search_in_small_blocks_gives_the_same_palette(monkeypatch, color_space: str) -> None:
    """The Lloyd steps and the mapping work in blocks of points (bounded memory): blocks of a
    few hundred points must give exactly what one block gives."""
    from kmeans_gui.engine import analysis, kmeans, nearest, quantizer

    image = clustered_image(3, size=160)
    whole = quantize(analyse(image), 64, color_space=color_space)
    monkeypatch.setattr(kmeans, "_POINT_BLOCK", 300)
    monkeypatch.setattr(nearest, "_WARM_BLOCK", 500)
    monkeypatch.setattr(kmeans, "_SEARCH_BLOCK", 200)
    monkeypatch.setattr(quantizer, "POINT_BLOCK", 400)
    monkeypatch.setattr(analysis, "POINT_BLOCK", 400)
    blocks = quantize(analyse(image), 64, color_space=color_space)
    np.testing.assert_array_equal(blocks.palette, whole.palette)
    np.testing.assert_array_equal(blocks.color_labels, whole.color_labels)
    assert blocks.iterations == whole.iterations
    assert blocks.inertia == pytest.approx(whole.inertia, rel=1e-12)


@pytest.mark.parametrize("given_palette", [False, True])
def test_quantization_seconds_is_the_time_it_took(given_palette: bool) -> None:
    # A block loop once reused the clock's name: the reported time came out negative.
    rng = np.random.default_rng(3)
    image = rng.integers(0, 256, size=(300, 400, 3), dtype=np.uint8)
    analysis = analyse(image)
    before = time.perf_counter()
    if given_palette:
        result = quantize_to_palette(analysis, image[0, :8])
    else:
        result = quantize(analysis, 16)
    took = time.perf_counter() - before
    assert 0.0 < result.seconds <= took
