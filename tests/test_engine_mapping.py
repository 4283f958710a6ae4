"""The final mapping reuses Lloyd's bounds; it must still give every colour its nearest entry."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from kmeans_gui import engine
from kmeans_gui.engine.colorspace import to_space
from kmeans_gui.resources import resource_path


@pytest.fixture(scope="module")
def photo_analysis():
    with Image.open(resource_path("samples", "coffee.png")) as im:
        rgb = np.asarray(im.convert("RGB"))
    return engine.analyse(rgb)


@pytest.mark.parametrize("color_space", ["rgb", "oklab"])
@pytest.mark.parametrize("k", [7, 64, 256])
def test_warm_started_mapping_is_the_brute_force_nearest(photo_analysis, color_space, k):
    fit = engine.find_palette(photo_analysis, k, color_space=color_space)
    # From K=33 the search ends on the exact colours and its bounds are carried into the
    # mapping (the warm path); below, the mapping searches from scratch (the cold path).
    assert (fit.warm_start is not None) == (k >= 33)
    q = engine.quantize(photo_analysis, k, color_space=color_space)
    points = to_space(photo_analysis.histogram.colors, color_space)
    entries = to_space(q.palette, color_space)
    # Brute force in float64, in chunks: squared distance to every entry.
    chosen = np.empty(len(points))
    best = np.empty(len(points))
    for start in range(0, len(points), 4096):
        block = points[start : start + 4096]
        d2 = ((block[:, None, :] - entries[None, :, :]) ** 2).sum(axis=2)
        best[start : start + 4096] = d2.min(axis=1)
        labels = q.color_labels[start : start + 4096]
        chosen[start : start + 4096] = d2[np.arange(len(block)), labels]
    if color_space == "rgb":
        np.testing.assert_array_equal(chosen, best)  # integer distances: exactly
    else:
        np.testing.assert_allclose(chosen, best, rtol=0, atol=1e-12)


@pytest.mark.parametrize("k", [4, 16, 64, 256])
def test_quick_palette_stops_on_the_seeding_level_and_stays_close(photo_analysis, k):
    levels = photo_analysis.levels("rgb")
    seeding = next(level for level in levels if level.points.shape[0] > k)
    assert seeding is not levels[-1]  # the sample photo has a coarser level to stop on
    quick = engine.find_palette(photo_analysis, k, refine=False)
    again = engine.find_palette(photo_analysis, k, refine=False)
    full = engine.find_palette(photo_analysis, k)
    np.testing.assert_array_equal(quick.palette, again.palette)  # deterministic
    assert 1 <= quick.palette.shape[0] <= k and quick.warm_start is None
    assert quick.iterations < full.iterations  # no finer level was visited

    def mse(palette: np.ndarray) -> float:
        indices, _ = engine.map_to_palette(photo_analysis, palette)
        hist = photo_analysis.histogram
        pixels = hist.colors[hist.inverse].astype(float)
        return float(np.mean((pixels - palette[indices.ravel()]) ** 2))

    # A preview's palette: close to the refined one's quality, never far off.
    assert mse(full.palette) <= mse(quick.palette) * 1.001
    assert mse(quick.palette) <= 1.15 * mse(full.palette)


@pytest.mark.parametrize("k", [16, 64, 256])
def test_rgba_mapping_with_a_transparent_entry_is_the_brute_force_nearest(k):
    # A partly transparent image with fully transparent pixels: the warm-started mapping
    # must still pick, among the palette and the transparent entry (the origin), the nearest.
    from kmeans_gui.engine import alpha as rgba

    rng = np.random.default_rng(k)
    rgb = rng.integers(0, 256, (120, 160, 3), dtype=np.uint8)
    alpha = np.clip(rng.normal(128, 90, (120, 160)), 0, 255).astype(np.uint8)
    alpha[:, :20] = 0
    analysis = engine.analyse(rgb, alpha)
    assert analysis.has_alpha and analysis.histogram.has_transparency
    fit = engine.find_palette(analysis, k)
    assert fit.warm_start is not None  # the path under test
    q = engine.quantize(analysis, k)
    points = analysis.points("rgb").astype(np.float64)  # the values as clustered (float32)
    entries = np.vstack([rgba.palette_points(q.palette, "rgb"), np.zeros((1, 4))])
    d2 = ((points[:, None, :] - entries[None, :, :]) ** 2).sum(axis=2)
    chosen = d2[np.arange(len(points)), q.color_labels]
    np.testing.assert_allclose(chosen, d2.min(axis=1), rtol=1e-12, atol=1e-9)


def test_rgba_warm_mapping_searches_few_values_and_stays_exact(monkeypatch):
    # The inherited bounds alone left 63-78% of the drawings' exact values to search at
    # K = 256; with each one's distance to its own entry, under half are searched.
    from benchmarks.rgba_images import icon_sheet
    from kmeans_gui.engine import alpha as rgba
    from kmeans_gui.engine import nearest

    searched = []
    full_search = nearest.nearest_center

    def counted(points, centers):
        searched.append(points.shape[0])
        return full_search(points, centers)

    monkeypatch.setattr(nearest, "nearest_center", counted)
    analysis = engine.analyse(*icon_sheet(16, 8, 96))
    q = engine.quantize(analysis, 256)
    n_values = analysis.histogram.colors.shape[0]
    assert searched and sum(searched) < 0.5 * n_values
    points = analysis.points("rgb").astype(np.float64)
    entries = np.vstack([rgba.palette_points(q.palette, "rgb"), np.zeros((1, 4))])
    for start in range(0, n_values, 4096):
        block = points[start : start + 4096]
        d2 = ((block[:, None, :] - entries[None, :, :]) ** 2).sum(axis=2)
        chosen = d2[np.arange(len(block)), q.color_labels[start : start + 4096]]
        np.testing.assert_allclose(chosen, d2.min(axis=1), rtol=1e-12, atol=1e-9)
