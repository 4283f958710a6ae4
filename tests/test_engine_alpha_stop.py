"""The RGBA path's stop at large K: levels end when the inertia improves by under
``alpha.LARGE_K_TOL`` times itself, for fewer iterations at nearly the same inertia."""

from __future__ import annotations

import pytest

from benchmarks.rgba_images import icon_sheet, screenshot
from kmeans_gui import engine
from kmeans_gui.engine import alpha


@pytest.mark.parametrize("draw", [lambda: icon_sheet(6, 4, 64), lambda: screenshot(480, 300)])
def test_large_k_stops_earlier_at_nearly_the_same_inertia(draw, monkeypatch):
    rgb, transparency = draw()
    k = 200
    assert k >= alpha.LARGE_K
    fast = engine.quantize(engine.analyse(rgb, transparency), k)
    monkeypatch.setattr(alpha, "LARGE_K_TOL", 0.0)  # the default tolerance (1e-4) only
    full = engine.quantize(engine.analyse(rgb, transparency), k)
    assert fast.iterations < full.iterations
    assert fast.inertia <= full.inertia * 1.02


def test_small_k_keeps_the_default_tolerance(monkeypatch):
    rgb, transparency = icon_sheet(6, 4, 64)
    k = alpha.LARGE_K // 2
    before = engine.quantize(engine.analyse(rgb, transparency), k)
    monkeypatch.setattr(alpha, "LARGE_K_TOL", 1.0)  # would stop every level at once
    after = engine.quantize(engine.analyse(rgb, transparency), k)
    assert after.iterations == before.iterations
    assert (after.palette == before.palette).all()
