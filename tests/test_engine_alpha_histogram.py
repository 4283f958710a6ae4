"""The RGBA histogram (runs, hash table) equals the brute-force count of the RGBA codes."""

from __future__ import annotations

import numpy as np
import pytest

from kmeans_gui.engine import alpha_histogram
from kmeans_gui.engine.alpha_histogram import build_rgba_histogram, rgba_codes
from kmeans_gui.engine.histogram import unpack_rgb


def _brute_force(rgb: np.ndarray, alpha: np.ndarray):
    """Distinct visible values by np.unique of alpha << 24 | 0xRRGGBB; -1 for alpha 0."""
    c = rgb.reshape(-1, 3).astype(np.uint32)
    a = alpha.reshape(-1).astype(np.uint32)
    codes = a << 24 | c[:, 0] << 16 | c[:, 1] << 8 | c[:, 2]
    visible = a > 0
    distinct, inverse_visible, counts = np.unique(
        codes[visible], return_inverse=True, return_counts=True
    )
    inverse = np.full(codes.size, -1, dtype=np.int64)
    inverse[visible] = inverse_visible.ravel()
    return codes, distinct, counts, inverse


def _drawing(height: int, width: int, rng: np.random.Generator):
    """Flat shapes with soft edges: long runs of equal pixels, as in logos and screenshots."""
    y, x = np.mgrid[0:height, 0:width]
    rgb = np.zeros((height, width, 3), dtype=np.uint8)
    rgb[..., 0] = (x // 37 * 40) % 256
    rgb[..., 1] = (y // 23 * 60) % 256
    rgb[..., 2] = 200
    alpha = np.clip((x - width // 4) * 3, 0, 255).astype(np.uint8)
    alpha[: height // 3] = 255
    # Transparent pixels carry colours of their own: all of them still count as one "clear".
    clear = alpha == 0
    rgb[clear] = rng.integers(0, 256, (int(clear.sum()), 3), dtype=np.uint8)
    return rgb, alpha


def _noise(height: int, width: int, rng: np.random.Generator):
    """Nearly every pixel its own value: no runs, the pixels themselves are looked up."""
    rgb = rng.integers(0, 256, (height, width, 3), dtype=np.uint8)
    alpha = rng.integers(0, 256, (height, width), dtype=np.uint8)
    return rgb, alpha


def _few(height: int, width: int, rng: np.random.Generator):
    """A few values in random order: short runs, a tiny table."""
    rgb = (rng.integers(0, 3, (height, width, 3)) * 120).astype(np.uint8)
    alpha = (rng.integers(0, 4, (height, width)) * 85).astype(np.uint8)
    return rgb, alpha


def _half_noise(height: int, width: int, rng: np.random.Generator):
    """Runs in the top half, noise in the bottom one: the halves, counted on two threads,
    take the two ways (runs, pixels)."""
    rgb, alpha = _drawing(height, width, rng)
    noisy_rgb, noisy_alpha = _noise(height, width, rng)
    rgb[height // 2 :] = noisy_rgb[height // 2 :]
    alpha[height // 2 :] = noisy_alpha[height // 2 :]
    return rgb, alpha


@pytest.mark.parametrize("make", [_drawing, _noise, _few, _half_noise])
@pytest.mark.parametrize("shape", [(1, 1), (1, 7), (5, 3), (120, 90), (700, 800)])
def test_rgba_histogram_is_the_brute_force_count(make, shape):
    rng = np.random.default_rng(sum(shape))
    rgb, alpha = make(*shape, rng)
    alpha.flat[0] = 128  # at least one partly transparent pixel
    codes, distinct, counts, inverse = _brute_force(rgb, alpha)
    assert np.array_equal(rgba_codes(rgb, alpha), codes)
    hist = build_rgba_histogram(rgb, alpha)
    assert hist.shape == shape
    assert hist.inverse.dtype == np.int32 and hist.counts.dtype == np.int64
    assert np.array_equal(hist.colors, unpack_rgb(distinct & 0xFFFFFF))
    assert np.array_equal(hist.alphas, (distinct >> 24).astype(np.uint8))
    assert np.array_equal(hist.counts, counts)
    assert np.array_equal(hist.inverse, inverse)


@pytest.mark.parametrize("clear_rows", [0, 10])
def test_rgba_histogram_beyond_the_hash_table_sorts(monkeypatch, clear_rows):
    """More distinct values than the table takes: the np.unique count, the same histogram."""
    rng = np.random.default_rng(5)
    rgb, alpha = _noise(60, 50, rng)
    alpha |= 1
    alpha[:clear_rows] = 0
    monkeypatch.setattr(alpha_histogram, "_MAX_HASHED", 100)
    _, distinct, counts, inverse = _brute_force(rgb, alpha)
    hist = build_rgba_histogram(rgb, alpha)
    assert np.array_equal(hist.counts, counts)
    assert np.array_equal(hist.inverse, inverse)
    assert np.array_equal(hist.alphas, (distinct >> 24).astype(np.uint8))


def test_rgba_codes_of_a_strided_image():
    """Views (a crop) are packed like the contiguous copy."""
    rng = np.random.default_rng(9)
    rgb, alpha = _noise(40, 60, rng)
    crop_rgb, crop_alpha = rgb[5:30, 7:50], alpha[5:30, 7:50]
    expected = _brute_force(np.ascontiguousarray(crop_rgb), np.ascontiguousarray(crop_alpha))[0]
    assert np.array_equal(rgba_codes(crop_rgb, crop_alpha), expected)
