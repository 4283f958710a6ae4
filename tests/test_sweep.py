"""The K sweep's pure parts: the per-pixel ΔE map, the preview, quick cells, K lists, the knee."""

from __future__ import annotations

import numpy as np
import pytest

from kmeans_gui import engine, sweep


def _image(height: int = 40, width: int = 60, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width]
    rgb = np.stack([x * 255 // (width - 1), y * 255 // (height - 1), (x + y) % 256], axis=-1)
    return np.clip(rgb + rng.integers(-15, 16, rgb.shape), 0, 255).astype(np.uint8)


def test_delta_e_map_is_per_pixel_and_its_mean_is_the_mean_delta_e(monkeypatch):
    original = _image()
    result = original.copy()
    result[..., 0] //= 2
    result[7, 11] = 255 - original[7, 11]  # the largest difference, at one known pixel
    monkeypatch.setattr(engine.metrics, "_PIXELS_PER_BLOCK", 100)  # several blocks of rows
    heat = engine.delta_e_map(original, result)
    assert heat.shape == (40, 60) and heat.dtype == np.float32
    assert np.unravel_index(np.argmax(heat), heat.shape) == (7, 11)
    assert heat.mean(dtype=np.float64) == pytest.approx(
        engine.mean_delta_e_ok(original, result), rel=1e-5
    )
    assert not engine.delta_e_map(original, original).any()
    with pytest.raises(ValueError, match="shape"):
        engine.delta_e_map(original, original[:-1])


def test_parse_ks_sorts_drops_repeats_and_names_bad_values():
    assert sweep.parse_ks("16, 2 4;4  8") == (2, 4, 8, 16)
    for bad in ("", "1", "300", "x", "2.5"):
        with pytest.raises(ValueError):
            sweep.parse_ks(bad)
    with pytest.raises(ValueError, match="at most"):
        sweep.parse_ks(" ".join(str(k) for k in range(2, 40)))


def test_preview_is_block_means_of_the_image():
    rgb = _image(41, 63)
    preview = sweep.make_preview(rgb, max_pixels=300)
    assert preview.factor == 3 and preview.rgb.shape == (41 // 3, 63 // 3, 3)
    assert preview.rgb.shape[0] * preview.rgb.shape[1] <= 300
    block = rgb[3:6, 6:9].reshape(-1, 3).astype(np.float64).mean(axis=0)
    assert np.abs(preview.rgb[1, 2] - block).max() <= 0.5
    assert sweep.make_preview(rgb, max_pixels=10**6).factor == 1


@pytest.mark.parametrize("k", [2, 8, 64])
def test_quick_cell_has_at_most_k_colours_and_measures_what_it_maps(k):
    preview = sweep.make_preview(_image(), max_pixels=10**6)
    cell = sweep.quick_cell(preview, k)
    assert cell.palette.shape[0] <= k and cell.indices.shape == preview.rgb.shape[:2]
    mapped = cell.palette[cell.indices]
    assert cell.psnr == pytest.approx(engine.psnr(engine.mse(preview.rgb, mapped)))
    assert cell.mean_delta_e == pytest.approx(engine.mean_delta_e_ok(preview.rgb, mapped), rel=1e-4)


def test_quick_cell_leaves_transparent_pixels_out():
    rgb = _image()
    alpha = np.full(rgb.shape[:2], 255, np.uint8)
    alpha[:, :10] = 0
    preview = sweep.make_preview(rgb, alpha, max_pixels=10**6)
    cell = sweep.quick_cell(preview, 4)
    assert cell.transparent_index == cell.palette.shape[0]
    assert (cell.indices[:, :10] == cell.transparent_index).all()
    assert np.isfinite(cell.psnr)


def test_knee_is_where_more_bytes_stop_buying_quality():
    sizes = [92, 192, 405, 594, 889, 1313, 1903, 2752]  # measured on the 12 MP photo, KB
    psnr = [15.1, 18.3, 22.5, 25.6, 28.5, 31.3, 34.0, 36.5]
    assert sweep.knee(sizes, psnr) == 4  # K = 32
    assert sweep.knee([1, 2, 3], [1, 2, 3]) is None  # a straight line has no knee
    assert sweep.knee([1, 2], [1, 2]) is None
