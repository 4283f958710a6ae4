"""engine.measure's block-by-block helpers give the whole-array answers, whichever block holds
it."""

from __future__ import annotations

import numpy as np
import pytest

from kmeans_gui import engine
from kmeans_gui.engine import measure, measure_alpha


@pytest.fixture
def small_blocks(monkeypatch):
    monkeypatch.setattr(measure, "PIXELS_PER_BLOCK", 1000)
    monkeypatch.setattr(measure, "_COLOURS_PER_BLOCK", 7)


def test_equal_in_blocks_sees_a_difference_in_the_last_block(small_blocks) -> None:
    a = np.random.default_rng(0).integers(0, 256, (45, 100), dtype=np.int64).astype(np.uint8)
    b = a.copy()
    assert measure.equal_in_blocks(a, b)
    b[-1, -1] ^= 1
    assert not measure.equal_in_blocks(a, b)
    assert not measure.equal_in_blocks(a, b[:, :50])


def test_opaque_mse_equals_the_mse_of_the_opaque_pixels(small_blocks) -> None:
    rng = np.random.default_rng(1)
    original = rng.integers(0, 256, (45, 100, 3), dtype=np.int64).astype(np.uint8)
    decoded = rng.integers(0, 256, (45, 100, 3), dtype=np.int64).astype(np.uint8)
    opaque = rng.random(4500) < 0.7
    expected = engine.mse(
        original.reshape(-1, 3)[opaque][None], decoded.reshape(-1, 3)[opaque][None]
    )
    assert measure.opaque_mse(original, decoded, opaque) == expected
    assert measure.opaque_mse(original, decoded, np.zeros(4500, bool)) == 0.0


def test_entry_of_each_colour_across_blocks(small_blocks) -> None:
    rng = np.random.default_rng(2)
    rgb = rng.integers(0, 6, (45, 100, 3), dtype=np.int64).astype(np.uint8)
    alpha = np.where(rng.random((45, 100)) < 0.2, 0, 255).astype(np.uint8)
    hist = engine.analyse(rgb, alpha).histogram
    entry_of_colour = rng.integers(0, 16, hist.colors.shape[0], dtype=np.int64).astype(np.uint8)
    indices = np.where(hist.inverse >= 0, entry_of_colour[hist.inverse], 3).astype(np.uint8)
    found = measure.entry_of_each_colour(hist, indices.reshape(45, 100))
    np.testing.assert_array_equal(found, entry_of_colour)
    # One pixel of a colour given another entry (as dithering does), in a late block: None.
    late = int(np.flatnonzero(hist.inverse >= 0)[-1])
    indices[late] = (indices[late] + 1) % 16
    assert measure.entry_of_each_colour(hist, indices.reshape(45, 100)) is None


def test_entries_of_values_checks_the_transparent_pixels_in_every_block(small_blocks) -> None:
    rng = np.random.default_rng(3)
    rgb = rng.integers(0, 6, (45, 100, 3), dtype=np.int64).astype(np.uint8)
    alpha = np.where(rng.random((45, 100)) < 0.2, 0, 255).astype(np.uint8)
    analysis = engine.analyse(rgb, alpha)
    hist = analysis.histogram
    entry_of_colour = rng.integers(0, 16, hist.colors.shape[0], dtype=np.int64).astype(np.uint8)
    indices = np.where(hist.inverse >= 0, entry_of_colour[hist.inverse], 16).astype(np.uint8)
    indices = indices.reshape(45, 100)
    entries, clear = measure_alpha.entries_of_values(hist, None, None, None, indices)
    np.testing.assert_array_equal(entries, entry_of_colour)
    assert clear == 16
    last_clear = int(np.flatnonzero(hist.inverse < 0)[-1])  # in the last blocks
    indices.reshape(-1)[last_clear] = 15
    assert measure_alpha.entries_of_values(hist, None, None, None, indices) is None


def test_index_counts_add_up_over_several_chunks():
    indices = (np.arange(2_500_003) % 7).astype(np.uint8).reshape(-1, 1)  # 3 chunks of 1 M
    counts = measure.index_counts(indices, 9)
    assert counts.dtype == np.int64 and counts.shape == (9,)
    np.testing.assert_array_equal(counts, np.bincount(indices.ravel(), minlength=9))


def test_figures_by_colour_without_the_kept_oklab_table(small_blocks, monkeypatch) -> None:
    rng = np.random.default_rng(4)
    rgb = rng.integers(0, 40, (45, 100, 3), dtype=np.int64).astype(np.uint8)
    palette = rng.integers(0, 256, (16, 3), dtype=np.int64).astype(np.uint8)
    kept = engine.analyse(rgb)
    labels = rng.integers(0, 16, kept.n_colors, dtype=np.int64).astype(np.uint8)
    indices = labels[kept.histogram.inverse].reshape(45, 100)
    expected = measure.figures_by_colour(kept, labels, indices, palette, indices)
    assert id(kept) in measure._OKLAB_OF_COLOURS
    # Above the colours kept, the Oklab values are converted block by block: same figures.
    monkeypatch.setattr(measure, "_KEPT_OKLAB", 10)
    converted = engine.analyse(rgb)
    figures = measure.figures_by_colour(converted, labels, indices, palette, indices)
    assert figures == expected and id(converted) not in measure._OKLAB_OF_COLOURS
