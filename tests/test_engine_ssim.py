"""SSIM (engine/ssim.py) against scikit-image's reference implementation."""

from __future__ import annotations

import math

import numpy as np
import pytest
from skimage.metrics import structural_similarity

from kmeans_gui import engine
from kmeans_gui.engine import ssim


def reference(x: np.ndarray, y: np.ndarray) -> float:
    """scikit-image with the parameters of Wang et al. (2004), as the engine computes it."""
    return float(
        structural_similarity(
            x.astype(np.float64),
            y.astype(np.float64),
            gaussian_weights=True,
            sigma=1.5,
            use_sample_covariance=False,
            data_range=255,
            K1=0.01,
            K2=0.03,
        )
    )


def photo_like(height: int, width: int, seed: int) -> np.ndarray:
    """Smooth colour gradients with edges and some grain, uint8 RGB."""
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float64)
    rgb = np.stack(
        [
            128 + 100 * np.sin(xx / (7 + seed) + yy / 23),
            128 + 90 * np.cos(yy / (11 + seed)) * (xx > width / 3),
            255 * xx / width * (yy < 2 * height / 3),
        ],
        axis=-1,
    )
    rgb += rng.normal(0, 6, rgb.shape)
    return np.clip(rgb, 0, 255).astype(np.uint8)


def quantized(rgb: np.ndarray, k: int) -> np.ndarray:
    analysis = engine.analyse(rgb)
    q = engine.quantize(analysis, k)
    indices, _ = engine.indexed_image(analysis, q)
    return q.palette[indices]


@pytest.mark.parametrize(
    ("height", "width", "k", "seed"),
    [
        (11, 11, 4, 0),  # exactly one window
        (64, 97, 2, 1),
        (150, 300, 8, 2),  # several tiles, both threads
        (333, 517, 32, 3),  # three rows of tiles, the last cut short
        (40, 1100, 16, 4),  # three columns of tiles, the last cut short
    ],
)
def test_mean_ssim_matches_scikit_image(height: int, width: int, k: int, seed: int) -> None:
    original = photo_like(height, width, seed)
    result = quantized(original, k)
    x, y = engine.luma(original), engine.luma(result)
    ours = engine.mean_ssim(x, y)
    assert ours == pytest.approx(reference(x, y), abs=1e-4)
    assert 0.0 < ours < 1.0


def test_mean_ssim_of_noise_and_of_identical_images() -> None:
    rng = np.random.default_rng(5)
    x = rng.integers(0, 256, (120, 90)).astype(np.float32)
    y = np.clip(x + rng.normal(0, 40, x.shape), 0, 255).astype(np.float32)
    assert engine.mean_ssim(x, y) == pytest.approx(reference(x, y), abs=1e-4)
    assert engine.mean_ssim(x, x) == pytest.approx(1.0, abs=1e-6)
    flat = np.full((30, 30), 77.0, np.float32)
    assert engine.mean_ssim(flat, flat) == pytest.approx(1.0, abs=1e-6)


def test_luma_table_and_luma_agree_with_bt601() -> None:
    rgb = photo_like(20, 30, 0)
    expected = rgb.astype(np.float64) @ np.array([0.299, 0.587, 0.114])
    np.testing.assert_allclose(engine.luma(rgb), expected, atol=1e-3)
    colours = rgb.reshape(-1, 3)
    np.testing.assert_allclose(engine.luma_table(colours), expected.reshape(-1), atol=1e-9)


def test_mean_ssim_refuses_mismatched_shapes_and_is_nan_below_the_window() -> None:
    with pytest.raises(ValueError, match="one shape"):
        engine.mean_ssim(np.zeros((20, 20)), np.zeros((20, 21)))
    assert math.isnan(engine.mean_ssim(np.zeros((10, 50)), np.zeros((10, 50))))
    assert ssim.SSIM_WINDOW == 11


def test_mean_ssim_indexed_equals_the_images_it_describes() -> None:
    original = photo_like(90, 700, 6)
    analysis = engine.analyse(original)
    q = engine.quantize(analysis, 8)
    indices, _ = engine.indexed_image(analysis, q)
    colour_of_pixel = analysis.histogram.inverse.reshape(original.shape[:2])
    x_table = engine.luma_table(analysis.histogram.colors)
    y_table = engine.luma_table(q.palette)
    indexed = engine.mean_ssim_indexed(x_table, colour_of_pixel, y_table, indices)
    x, y = engine.luma(original), engine.luma(q.palette[indices])
    assert indexed == pytest.approx(reference(x, y), abs=1e-4)
    assert indexed == pytest.approx(engine.mean_ssim(x, y), abs=1e-6)
