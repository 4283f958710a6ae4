"""Tests for the colour histogram, the Oklab conversions and the quality metrics."""

from __future__ import annotations

import math

import numpy as np
import pytest

from kmeans_gui.engine import histogram as histogram_module
from kmeans_gui.engine import mean_delta_e_ok, mse, psnr
from kmeans_gui.engine.colorspace import (
    oklab_to_srgb_float,
    srgb8_to_oklab,
    srgb_float_to_oklab,
)
from kmeans_gui.engine.histogram import (
    binned_reduction,
    build_histogram,
    count_colors,
    pack_rgb,
    unpack_rgb,
)


def codes_of(image: np.ndarray) -> np.ndarray:
    """0xRRGGBB of every pixel, computed here by arithmetic rather than by pack_rgb."""
    rgb = image.reshape(-1, 3).astype(np.int64)
    return rgb[:, 0] * 65536 + rgb[:, 1] * 256 + rgb[:, 2]


def expected_histogram(image: np.ndarray, opaque: np.ndarray | None = None):
    codes = codes_of(image)
    kept = codes if opaque is None else codes[opaque.ravel()]
    distinct, inverse, counts = np.unique(kept, return_inverse=True, return_counts=True)
    colours = np.stack([distinct // 65536, distinct // 256 % 256, distinct % 256], axis=1)
    full_inverse = np.full(codes.size, -1, dtype=np.int64)
    full_inverse[np.ones(codes.size, bool) if opaque is None else opaque.ravel()] = inverse
    return colours.astype(np.uint8), counts, full_inverse


@pytest.fixture
def dense_calls(monkeypatch):
    """Record the calls of the dense (2**24 tables) path of build_histogram."""
    calls = []
    original = histogram_module._count_dense

    def spy(pixels, mask=None):
        calls.append(pixels.shape[0] if mask is None else int(mask.sum()))  # pixels counted
        return original(pixels, mask)

    monkeypatch.setattr(histogram_module, "_count_dense", spy)
    return calls


def check_histogram(hist, image, opaque=None) -> None:
    colours, counts, inverse = expected_histogram(image, opaque)
    assert hist.colors.dtype == np.uint8 and hist.counts.dtype == np.int64
    assert hist.inverse.dtype == np.int32
    np.testing.assert_array_equal(hist.colors, colours)
    np.testing.assert_array_equal(hist.counts, counts)
    np.testing.assert_array_equal(hist.inverse, inverse)
    assert hist.shape == image.shape[:2]
    assert hist.n_pixels == image.shape[0] * image.shape[1]
    assert hist.n_opaque == (hist.n_pixels if opaque is None else int(opaque.sum()))
    assert hist.has_transparency == (opaque is not None and not opaque.all())
    # The inverse rebuilds every opaque pixel.
    flat = image.reshape(-1, 3)
    kept = hist.inverse >= 0
    np.testing.assert_array_equal(hist.colors[hist.inverse[kept]], flat[kept])


def test_dense_path_equals_unique(dense_calls) -> None:
    image = np.random.default_rng(0).integers(0, 256, (1024, 1024, 3), dtype=np.uint8)
    hist = build_histogram(image)
    assert dense_calls == [1 << 20]
    check_histogram(hist, image)


def test_dense_path_in_several_blocks_equals_unique(dense_calls, monkeypatch) -> None:
    # The codes are packed in blocks per thread and the counts cast in blocks: small, odd
    # block sizes give several of each per thread on a 1.1-megapixel image, the last partial.
    monkeypatch.setattr(histogram_module, "_PACK_BLOCK", 70_001)
    monkeypatch.setattr(histogram_module, "_COUNT_BLOCK", 100_000)
    rng = np.random.default_rng(3)
    image = rng.integers(0, 40, (1100, 1024, 3), dtype=np.uint8)  # many repeats
    opaque = rng.random(image.shape[:2]) > 0.01
    assert opaque.sum() >= 1 << 20  # the dense path too
    check_histogram(build_histogram(image), image)
    check_histogram(build_histogram(image, opaque), image, opaque)
    assert len(dense_calls) == 2


@pytest.mark.parametrize("shape", [(1100, 1024), (30, 40)])  # the table path, then unique
def test_count_colors_equals_unique(monkeypatch, shape: tuple[int, int]) -> None:
    monkeypatch.setattr(histogram_module, "_PACK_BLOCK", 70_001)  # several blocks, one partial
    image = np.random.default_rng(5).integers(0, 48, (*shape, 3), dtype=np.uint8)
    expected = np.unique(image.reshape(-1, 3), axis=0).shape[0]
    assert count_colors(image) == expected


def test_dense_path_with_transparent_pixels(dense_calls) -> None:
    rng = np.random.default_rng(1)
    image = rng.integers(0, 64, (1030, 1024, 3), dtype=np.uint8)  # many repeats
    opaque = np.ones(image.shape[:2], dtype=bool)
    opaque[rng.integers(0, 1030, 3000), rng.integers(0, 1024, 3000)] = False
    assert opaque.sum() >= 1 << 20
    hist = build_histogram(image, opaque)
    assert len(dense_calls) == 1
    check_histogram(hist, image, opaque)


def test_dense_path_leaves_out_colours_only_transparent_pixels_have(dense_calls) -> None:
    # The opaque pixels use values 0..63; the transparent ones hold colours of their own,
    # spread over several blocks, which must be neither colours nor counted.
    rng = np.random.default_rng(2)
    image = rng.integers(0, 64, (1100, 1024, 3), dtype=np.uint8)
    opaque = np.ones(image.shape[:2], dtype=bool)
    rows, cols = rng.integers(0, 1100, 5000), rng.integers(0, 1024, 5000)
    opaque[rows, cols] = False
    image[rows, cols] = rng.integers(64, 256, (5000, 3), dtype=np.uint8)
    hist = build_histogram(image, opaque)
    assert dense_calls == [int(opaque.sum())]
    assert int(hist.colors.max()) < 64
    assert hist.n_opaque == int(opaque.sum()) and hist.counts.min() >= 1
    assert (hist.inverse < 0).sum() == (~opaque).sum()
    check_histogram(hist, image, opaque)


@pytest.mark.parametrize("seed", range(3))
def test_sorting_path_equals_unique(dense_calls, seed: int) -> None:
    rng = np.random.default_rng(seed)
    image = rng.integers(0, 256, (37, 53, 3), dtype=np.uint8)
    image[rng.random((37, 53)) < 0.5] = image[0, 0]  # a frequent colour
    check_histogram(build_histogram(image), image)
    opaque = rng.random((37, 53)) < 0.7
    check_histogram(build_histogram(image, opaque), image, opaque)
    assert dense_calls == []


def test_all_transparent_histogram_is_empty() -> None:
    image = np.full((3, 4, 3), 7, dtype=np.uint8)
    hist = build_histogram(image, np.zeros((3, 4), dtype=bool))
    assert hist.colors.shape == (0, 3) and hist.counts.shape == (0,)
    assert np.all(hist.inverse == -1) and hist.n_opaque == 0 and hist.has_transparency


def test_pack_is_0xrrggbb() -> None:
    assert int(pack_rgb(np.array([1, 2, 3], dtype=np.uint8))) == 0x010203
    assert int(pack_rgb(np.array([255, 255, 255], dtype=np.uint8))) == 0xFFFFFF
    assert pack_rgb(np.zeros((2, 5, 3), dtype=np.uint8)).shape == (2, 5)


def test_pack_unpack_round_trip() -> None:
    codes = np.arange(1 << 24, dtype=np.uint32)
    colours = unpack_rgb(codes)
    assert colours.dtype == np.uint8 and colours.shape == (1 << 24, 3)
    np.testing.assert_array_equal(pack_rgb(colours), codes)
    image = np.random.default_rng(0).integers(0, 256, (9, 11, 3), dtype=np.uint8)
    np.testing.assert_array_equal(unpack_rgb(pack_rgb(image)), image)


@pytest.mark.parametrize("bits", range(1, 9))
def test_binned_reduction_keeps_weight_and_means_stay_in_their_bins(bits: int) -> None:
    rng = np.random.default_rng(bits)
    colours = np.unique(rng.integers(0, 256, (3000, 3), dtype=np.uint8), axis=0)
    points = colours.astype(np.float64)
    weights = rng.integers(1, 100, colours.shape[0])
    bin_points, bin_weights, bin_of = binned_reduction(colours, points, weights, bits)
    assert bin_weights.sum() == pytest.approx(weights.sum(), rel=1e-12)
    assert np.all(bin_weights > 0)
    n_bins = bin_points.shape[0]
    assert bin_of.shape == (colours.shape[0],) and bin_of.max() == n_bins - 1
    top = colours.astype(np.int64) >> (8 - bits)
    # Same bin if and only if the same top bits.
    first = np.zeros(n_bins, dtype=np.intp)
    first[bin_of[::-1]] = np.arange(colours.shape[0])[::-1]
    np.testing.assert_array_equal(top, top[first][bin_of])
    assert np.unique(top, axis=0).shape[0] == n_bins
    # Each bin's point is the weighted mean of its colours, inside the bin's RGB cube.
    low = (top[first] << (8 - bits)).astype(np.float64)
    high = low + (1 << (8 - bits)) - 1
    assert np.all(bin_points >= low - 1e-9) and np.all(bin_points <= high + 1e-9)
    sums = np.zeros((n_bins, 3))
    mass = np.zeros(n_bins)
    np.add.at(sums, bin_of, weights[:, None] * points)
    np.add.at(mass, bin_of, weights)
    np.testing.assert_allclose(bin_points, sums / mass[:, None], rtol=1e-12)
    np.testing.assert_array_equal(bin_weights, mass)


@pytest.mark.parametrize("bits", [0, 9, -1])
def test_binned_reduction_rejects_bad_bits(bits: int) -> None:
    colours = np.zeros((1, 3), dtype=np.uint8)
    with pytest.raises(ValueError, match=f"bits={bits}"):
        binned_reduction(colours, colours.astype(float), np.ones(1), bits)


# ---------------------------------------------------------------------------------------------
# Oklab.


def test_oklab_of_white_and_black() -> None:
    white = srgb8_to_oklab(np.array([255, 255, 255], dtype=np.uint8))
    np.testing.assert_allclose(white, [1.0, 0.0, 0.0], atol=1e-6)
    black = srgb8_to_oklab(np.array([0, 0, 0], dtype=np.uint8))
    np.testing.assert_allclose(black, [0.0, 0.0, 0.0], atol=1e-12)


def test_oklab_of_primaries_matches_ottosson() -> None:
    # Values from Björn Ottosson's "A perceptual color space for image processing" (2020).
    colours = np.array([[255, 0, 0], [0, 255, 0], [0, 0, 255]], dtype=np.uint8)
    expected = [
        [0.627955, 0.224863, 0.125846],
        [0.866440, -0.233888, 0.179498],
        [0.452014, -0.032457, -0.311528],
    ]
    np.testing.assert_allclose(srgb8_to_oklab(colours), expected, atol=1e-4)


def test_oklab_greys_have_no_chroma_and_rise_in_lightness() -> None:
    greys = np.repeat(np.arange(256, dtype=np.uint8)[:, None], 3, axis=1)
    lab = srgb8_to_oklab(greys)
    np.testing.assert_allclose(lab[:, 1:], 0.0, atol=1e-6)
    assert np.all(np.diff(lab[:, 0]) > 0)


def test_srgb_oklab_round_trip() -> None:
    rng = np.random.default_rng(0)
    corners = np.array(np.meshgrid([0, 255], [0, 255], [0, 255])).reshape(3, -1).T
    colours = np.vstack([corners, rng.integers(0, 256, (200_000, 3))]).astype(np.uint8)
    back = oklab_to_srgb_float(srgb8_to_oklab(colours))
    np.testing.assert_allclose(back, colours.astype(np.float64), rtol=0, atol=1e-6 * 255)


def test_float_and_8_bit_conversions_agree() -> None:
    colours = np.random.default_rng(1).integers(0, 256, (5000, 3), dtype=np.uint8)
    np.testing.assert_allclose(
        srgb_float_to_oklab(colours.astype(np.float64)), srgb8_to_oklab(colours), atol=1e-12
    )


# ---------------------------------------------------------------------------------------------
# Metrics.


def test_identical_images_have_zero_error() -> None:
    image = np.random.default_rng(0).integers(0, 256, (300, 7, 3), dtype=np.uint8)
    assert mse(image, image.copy()) == 0.0
    assert psnr(mse(image, image)) == math.inf
    assert mean_delta_e_ok(image, image.copy()) == 0.0


def test_mse_and_psnr_of_a_small_example() -> None:
    original = np.array([[[0, 0, 0], [10, 20, 30]]], dtype=np.uint8)
    result = np.array([[[1, 2, 3], [10, 20, 30]]], dtype=np.uint8)
    # (1 + 4 + 9 + 0 + 0 + 0) / 6 values
    assert mse(original, result) == pytest.approx(14 / 6, rel=1e-15)
    assert mse(result, original) == pytest.approx(14 / 6, rel=1e-15)
    assert psnr(14 / 6) == pytest.approx(10 * math.log10(255**2 / (14 / 6)), rel=1e-15)


def test_mse_does_not_wrap_uint8_and_spans_blocks() -> None:
    original = np.zeros((600, 2, 3), dtype=np.uint8)
    result = original.copy()
    result[599, 1] = [255, 0, 0]  # in the last row block
    result[0, 0] = [0, 0, 255]
    assert mse(original, result) == pytest.approx(2 * 255**2 / (600 * 2 * 3), rel=1e-15)
    assert mse(result, original) == mse(original, result)
    assert psnr(255.0**2) == pytest.approx(0.0, abs=1e-12)


def test_mean_delta_e_ok_is_symmetric_and_scaled() -> None:
    rng = np.random.default_rng(2)
    a = rng.integers(0, 256, (270, 5, 3), dtype=np.uint8)
    b = rng.integers(0, 256, (270, 5, 3), dtype=np.uint8)
    assert mean_delta_e_ok(a, b) == pytest.approx(mean_delta_e_ok(b, a), rel=1e-12)
    assert mean_delta_e_ok(a, b) > 0
    # One pixel of two goes black -> white: 100 * |Oklab white - Oklab black| / 2 pixels.
    black = np.zeros((1, 2, 3), dtype=np.uint8)
    half_white = black.copy()
    half_white[0, 1] = 255
    assert mean_delta_e_ok(black, half_white) == pytest.approx(50.0, abs=1e-4)
    # Per pixel it is the Euclidean Oklab distance, averaged.
    d = np.linalg.norm(srgb8_to_oklab(a) - srgb8_to_oklab(b), axis=2)
    assert mean_delta_e_ok(a, b) == pytest.approx(100 * d.mean(), rel=1e-12)


@pytest.mark.parametrize("metric", [mse, mean_delta_e_ok])
def test_metrics_reject_mismatched_shapes(metric) -> None:
    with pytest.raises(ValueError, match=r"\(2, 3, 3\)"):
        metric(np.zeros((2, 3, 3), np.uint8), np.zeros((3, 2, 3), np.uint8))
