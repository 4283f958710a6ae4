"""The RGBA path's binned levels: each is the exact values grouped by the top bits of their
four channels, with each group's weighted mean and total weight (brute force)."""

from __future__ import annotations

import numpy as np
import pytest

from benchmarks.rgba_images import icon_sheet, logo
from kmeans_gui import engine
from kmeans_gui.engine.alpha import pack_rgba, rgba_points


@pytest.mark.parametrize("color_space", ["rgb", "oklab"])
@pytest.mark.parametrize("draw", [lambda: logo(240, 120), lambda: icon_sheet(4, 3, 48)])
def test_each_level_bins_the_exact_values(draw, color_space):
    rgb, alpha = draw()
    analysis = engine.analyse(rgb, alpha)
    hist = analysis.histogram
    levels = analysis.levels(color_space)
    assert len(levels) >= 2
    values = np.column_stack([hist.colors, hist.alphas])
    codes = pack_rgba(values)
    exact = rgba_points(hist.colors, hist.alphas, color_space)
    weights = hist.counts.astype(np.float64)
    np.testing.assert_allclose(levels[-1].points, exact, rtol=1e-6, atol=1e-4)
    # The point of every level that holds each exact value, through the parents.
    holder = np.arange(codes.size)
    previous_groups = codes.size
    for depth in range(len(levels) - 1, 0, -1):
        holder = levels[depth].parent[holder]
        level = levels[depth - 1]
        n = level.points.shape[0]
        assert n * 2 <= previous_groups, "a kept level halves the points at least"
        previous_groups = n
        # The grouping is binning by the top bits of each channel, at one of the depths.
        pairs = {
            bits: np.unique(
                np.column_stack(
                    [codes & np.uint32(((0xFF << (8 - bits)) & 0xFF) * 0x01010101), holder]
                ),
                axis=0,
            )  # fmt: skip
            for bits in range(1, 8)
        }
        assert any(p.shape[0] == n and np.unique(p[:, 0]).size == n for p in pairs.values()), (
            "one bin per point, and each bin in one point"
        )
        total = np.bincount(holder, weights=weights, minlength=n)
        np.testing.assert_allclose(level.weights, total)
        means = (
            np.stack(
                [np.bincount(holder, weights=weights * exact[:, j], minlength=n) for j in range(4)],
                axis=1,
            )
            / total[:, None]
        )
        np.testing.assert_allclose(level.points, means, rtol=1e-6, atol=1e-6)
