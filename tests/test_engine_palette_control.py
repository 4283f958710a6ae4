"""Palette control in the engine (#19): entry costs, locked colours, given palettes, shared
palettes and dither strength, each against a brute-force recomputation."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from kmeans_gui import engine
from kmeans_gui.engine import palette_worth, parallel
from kmeans_gui.engine.colorspace import to_space
from kmeans_gui.engine.kmeans import lloyd
from kmeans_gui.resources import resource_path


def photo(width: int = 96) -> np.ndarray:
    """The sample photo scaled to ``width`` pixels wide: a few thousand real colours."""
    with Image.open(resource_path("samples", "coffee.png")) as im:
        im = im.convert("RGB")
        return np.asarray(im.resize((width, width * im.height // im.width)))


def brute_nearest(points: np.ndarray, entries: np.ndarray) -> np.ndarray:
    """Nearest entry of every point by full float64 differences (lowest index on ties)."""
    d2 = np.sum((points[:, None, :] - entries[None, :, :]) ** 2, axis=2)
    return np.argmin(d2, axis=1)


# ---------------------------------------------------------------------------------------------
# Each entry's worth


@pytest.mark.parametrize("color_space", ["rgb", "oklab"])
@pytest.mark.parametrize("k", [2, 9, 40])
def test_entry_costs_equal_brute_force_removal(color_space, k):
    rgb = photo()
    analysis = engine.analyse(rgb)
    q = engine.quantize(analysis, k, color_space=color_space)
    worth = engine.entry_worth(analysis, q.palette, color_space=color_space, labels=q.color_labels)
    hist = analysis.histogram
    base = q.palette[q.color_labels][hist.inverse].reshape(rgb.shape)
    base_mse, base_de = engine.mse(rgb, base), engine.mean_delta_e_ok(rgb, base)
    points = to_space(hist.colors, color_space)
    for j in range(q.palette.shape[0]):
        others = np.delete(np.arange(q.palette.shape[0]), j)
        labels = q.color_labels.copy()
        moved = labels == j
        entries = to_space(q.palette[others], color_space)
        labels[moved] = others[brute_nearest(points[moved], entries)]
        removed = q.palette[labels][hist.inverse].reshape(rgb.shape)
        assert worth.mse_rise[j] == pytest.approx(engine.mse(rgb, removed) - base_mse, abs=1e-9)
        assert worth.delta_e_rise[j] == pytest.approx(
            engine.mean_delta_e_ok(rgb, removed) - base_de, abs=1e-9
        )
        assert worth.counts[j] == int(np.count_nonzero(q.color_labels[hist.inverse] == j))
    assert worth.shares.sum() == pytest.approx(1.0)
    assert np.all(worth.mse_rise >= 0) and np.all(worth.delta_e_rise >= -1e-12)


@pytest.mark.parametrize("color_space", ["rgb", "oklab"])
def test_entry_costs_in_small_blocks_on_two_threads_are_the_same(monkeypatch, color_space):
    """Blocks that cut groups, and the split between two threads, change nothing."""
    analysis = engine.analyse(photo(160))
    q = engine.quantize(analysis, 48, color_space=color_space)
    whole = engine.entry_worth(analysis, q.palette, color_space=color_space, labels=q.color_labels)
    monkeypatch.setattr(palette_worth, "_BLOCK", 97)
    monkeypatch.setattr(parallel, "WORKERS", 2)
    monkeypatch.setattr(parallel, "MIN_SPLIT", 300)
    assert analysis.n_colors > 4 * 300
    split = engine.entry_worth(analysis, q.palette, color_space=color_space, labels=q.color_labels)
    np.testing.assert_array_equal(split.counts, whole.counts)
    np.testing.assert_allclose(split.mse_rise, whole.mse_rise, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(split.delta_e_rise, whole.delta_e_rise, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("color_space", ["rgb", "oklab"])
def test_entry_costs_by_blocks_of_colours_equal_one_block(color_space, monkeypatch):
    analysis = engine.analyse(photo())
    q = engine.quantize(analysis, 12, color_space=color_space)
    assert analysis.n_colors > 10 * 100
    for labels in (q.color_labels, None):
        whole = engine.entry_worth(analysis, q.palette, color_space=color_space, labels=labels)
        # Blocks of 100 colours, and in RGB the Oklab values converted per block, not kept.
        with monkeypatch.context() as patch:
            patch.setattr(palette_worth, "_COLOURS_PER_BLOCK", 100)
            patch.setattr(palette_worth, "_KEPT_OKLAB", 0)
            fresh = engine.analyse(photo())
            blocks = engine.entry_worth(fresh, q.palette, color_space=color_space, labels=labels)
        assert ("oklab" in fresh._levels) == (color_space == "oklab")
        np.testing.assert_array_equal(blocks.counts, whole.counts)
        np.testing.assert_allclose(blocks.mse_rise, whole.mse_rise, rtol=1e-12)
        np.testing.assert_allclose(blocks.delta_e_rise, whole.delta_e_rise, rtol=1e-9, atol=1e-12)


def test_entry_costs_search_the_labels_themselves_when_not_given():
    analysis = engine.analyse(photo())
    palette = engine.quantize(analysis, 12).palette
    labels = brute_nearest(analysis.histogram.colors.astype(float), palette.astype(float))
    given = engine.entry_worth(analysis, palette, labels=labels)
    searched = engine.entry_worth(analysis, palette)
    np.testing.assert_allclose(searched.mse_rise, given.mse_rise)
    np.testing.assert_array_equal(searched.counts, given.counts)


def test_entry_costs_of_one_colour_and_refusals():
    analysis = engine.analyse(photo())
    worth = engine.entry_worth(analysis, np.array([[128, 128, 128]], np.uint8))
    assert worth.shares.tolist() == [1.0] and np.isinf(worth.mse_rise[0])
    alpha = np.full(photo().shape[:2], 128, np.uint8)
    with pytest.raises(ValueError, match="partly transparent"):
        engine.entry_worth(engine.analyse(photo(), alpha), np.zeros((2, 3), np.uint8))


# ---------------------------------------------------------------------------------------------
# Locked colours: weighted Lloyd with held centres


def reference_held_lloyd(points, weights, centers, n_held, iterations):
    """Plain weighted Lloyd whose first ``n_held`` centres never move (no empty free cluster
    arises in the test's data)."""
    centers = centers.copy()
    for _ in range(iterations):
        labels = brute_nearest(points, centers)
        for j in range(n_held, centers.shape[0]):
            members = labels == j
            assert members.any()
            centers[j] = weights[members] @ points[members] / weights[members].sum()
    return centers


def test_lloyd_with_held_centres_equals_brute_force():
    rng = np.random.default_rng(3)
    points = rng.normal(size=(400, 3)) * 40 + 128
    weights = rng.integers(1, 20, 400).astype(np.float64)
    start = points[rng.choice(400, 7, replace=False)]
    start[:2] = [[0.0, 0.0, 0.0], [130.0, 120.0, 128.0]]  # held; the first is far from all
    result = lloyd(points, weights, start, max_iter=6, tol=0.0, n_held=2)
    expected = reference_held_lloyd(points, weights, start, 2, result.iterations)
    np.testing.assert_allclose(result.centers, expected, rtol=1e-9, atol=1e-9)
    np.testing.assert_array_equal(result.centers[:2], start[:2])


@pytest.mark.parametrize("color_space", ["rgb", "oklab"])
@pytest.mark.parametrize("k", [4, 16, 64])
def test_locked_colours_are_in_the_result_exactly(color_space, k):
    analysis = engine.analyse(photo())
    fixed = np.array([[255, 0, 255], [12, 200, 40], [250, 250, 250]], np.uint8)
    q = engine.quantize(analysis, k, color_space=color_space, fixed=fixed)
    rows = {tuple(c) for c in q.palette.tolist()}
    assert all(tuple(c) in rows for c in fixed.tolist())  # magenta is used by no pixel
    assert q.palette.shape[0] <= k
    # Locked colours cost quality: never better than the free search (same seed).
    free = engine.quantize(analysis, k, color_space=color_space)
    assert q.inertia >= free.inertia * 0.999


def test_locked_colours_that_fill_k_are_the_palette_and_too_many_are_refused():
    analysis = engine.analyse(photo())
    fixed = np.array([[0, 0, 0], [255, 255, 255], [128, 64, 32]], np.uint8)
    q = engine.quantize(analysis, 3, fixed=fixed)
    assert sorted(q.palette.tolist()) == sorted(fixed.tolist())
    with pytest.raises(ValueError, match="3 locked colours do not fit in k=2"):
        engine.find_palette(analysis, 2, fixed=fixed)


def test_locked_colours_on_an_image_with_few_colours():
    rgb = np.zeros((4, 4, 3), np.uint8)
    rgb[2:] = 200
    fixed = np.array([[10, 10, 10], [90, 0, 0]], np.uint8)
    fit = engine.find_palette(engine.analyse(rgb), 3, fixed=fixed)
    assert fit.palette[:2].tolist() == fixed.tolist() and fit.palette.shape[0] == 3


def test_a_refit_from_an_edited_palette_keeps_k_and_starts_there():
    analysis = engine.analyse(photo())
    q = engine.quantize(analysis, 16)
    start = np.delete(q.palette, 3, axis=0)  # delete entry 3
    fit = engine.find_palette(analysis, 15, start=start, refine=False)
    assert fit.palette.shape[0] == 15
    assert fit.iterations < engine.find_palette(analysis, 15, refine=False).iterations + 20


# ---------------------------------------------------------------------------------------------
# A given palette, mapped exactly


@pytest.mark.parametrize("color_space", ["rgb", "oklab"])
def test_mapping_to_a_given_palette_uses_only_its_colours_nearest_first(color_space):
    rgb = photo()
    analysis = engine.analyse(rgb)
    palette = np.random.default_rng(1).integers(0, 256, (20, 3), dtype=np.uint8)
    q = engine.quantize_to_palette(analysis, palette, color_space=color_space)
    indices, transparent = engine.indexed_image(analysis, q)
    assert transparent is None
    out = q.palette[indices].reshape(-1, 3)
    given = {tuple(c) for c in palette.tolist()}
    assert {tuple(c) for c in np.unique(out, axis=0).tolist()} <= given
    expected = palette[brute_nearest(to_space(rgb.reshape(-1, 3), color_space),
                                     to_space(palette, color_space))]  # fmt: skip
    assert np.array_equal(out, expected)


def test_a_given_palette_is_refused_when_too_long_or_rgba():
    analysis = engine.analyse(photo())
    with pytest.raises(ValueError, match="257 distinct colours"):
        many = np.stack([np.arange(257) % 256, np.arange(257) // 256, np.zeros(257)], axis=1)
        engine.quantize_to_palette(analysis, many.astype(np.uint8))
    with pytest.raises(ValueError, match=r"\(m, 3\) uint8"):
        engine.quantize_to_palette(analysis, np.zeros((3, 4), np.uint8))


# ---------------------------------------------------------------------------------------------
# One palette for several images


@pytest.mark.parametrize("k", [5, 32])
def test_shared_palette_equals_kmeans_on_the_joined_images(k):
    images = [photo(96), photo(64)[:, ::-1], np.full((7, 9, 3), 30, np.uint8)]
    alphas = [None, None, np.zeros((7, 9), np.uint8)]
    alphas[2][3:] = 255  # part transparent, part opaque
    alphas = [np.full(im.shape[:2], 255, np.uint8) if a is None else a
              for im, a in zip(images, alphas, strict=True)]  # fmt: skip
    analyses = [engine.analyse(im, a) for im, a in zip(images, alphas, strict=True)]
    joined = np.concatenate([im.reshape(1, -1, 3) for im in images], axis=1)
    joined_alpha = np.concatenate([a.reshape(1, -1) for a in alphas], axis=1)
    reference = engine.find_palette(engine.analyse(joined, joined_alpha), k)
    shared = engine.shared_palette(analyses, k, max_points=None)
    np.testing.assert_array_equal(shared.palette, reference.palette)
    capped = engine.find_palette(engine.analyse(joined, joined_alpha), k, max_points=2000)
    np.testing.assert_array_equal(engine.shared_palette(analyses, k, max_points=2000).palette,
                                  capped.palette)  # fmt: skip
    # The summed histogram is the joined image's.
    summed = engine.summed_analysis(analyses).histogram
    expected = engine.analyse(joined, joined_alpha).histogram
    np.testing.assert_array_equal(summed.colors, expected.colors)
    np.testing.assert_array_equal(summed.counts, expected.counts)
    assert summed.has_transparency


def test_shared_palette_refuses_partly_transparent_images():
    rgb = photo(32)
    with pytest.raises(ValueError, match="partly transparent"):
        engine.shared_palette([engine.analyse(rgb, np.full(rgb.shape[:2], 9, np.uint8))], 4)
    with pytest.raises(ValueError, match="at least one image"):
        engine.shared_palette([], 4)


# ---------------------------------------------------------------------------------------------
# Dither strength


def test_dither_strength_zero_is_the_nearest_entry_and_full_is_the_old_dithering():
    rgb = photo(64)
    alpha = np.full(rgb.shape[:2], 255, np.uint8)
    alpha[:5, :5] = 0
    alpha[10:20, 10:20] = 120
    analysis = engine.analyse(rgb, alpha)
    palette = engine.quantize(analysis, 8).palette
    none, t0 = engine.dither_rgba(rgb, alpha, palette, strength=0.0)
    assert t0 == palette.shape[0]
    expected, _ = engine.map_to_palette(analysis, palette)
    assert np.array_equal(none, expected)
    full_default, _ = engine.dither_rgba(rgb, alpha, palette)
    full, _ = engine.dither_rgba(rgb, alpha, palette, strength=1.0)
    half, _ = engine.dither_rgba(rgb, alpha, palette, strength=0.5)
    assert np.array_equal(full, full_default)
    assert not np.array_equal(half, full) and not np.array_equal(half, none)
    # The weaker the diffusion, the fewer pixels leave their nearest entry.
    changed = [np.count_nonzero(x != none) for x in (half, full)]
    assert 0 < changed[0] < changed[1]
    with pytest.raises(ValueError, match="strength=1.5"):
        engine.dither_rgba(rgb, alpha, palette, strength=1.5)
