"""The window's widgets alone: the K control, the palette layout, the statistics panel, the
zooming and panning previews; and the signal helper they emit through."""

from __future__ import annotations

import sys

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QObject, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QSlider

from kmeans_gui.app.controls import K_STEPS, Controls, k_at, next_k, step_of
from kmeans_gui.app.palette import PaletteView, squarify
from kmeans_gui.app.qimage import array_to_qimage
from kmeans_gui.app.signals import emit
from kmeans_gui.app.stats import StatsPanel, ratio_text
from kmeans_gui.app.views import ImagePair
from kmeans_gui.compress import Options, compress
from kmeans_gui.imaging import load_image

pytestmark = pytest.mark.usefixtures("settings_file")


# -- K control -------------------------------------------------------------------------------
def test_k_steps_make_small_k_easy():
    assert K_STEPS[0] == 2 and K_STEPS[-1] == 256
    assert list(K_STEPS) == sorted(set(K_STEPS))
    assert all(k_at(step_of(k)) == k for k in range(2, 33))  # one step per K up to 32
    assert sum(1 for k in K_STEPS if k <= 32) > len(K_STEPS) / 2
    for k in range(2, 257):
        assert k_at(step_of(k)) <= k
    assert next_k(16, 1) == 17 and next_k(16, -1) == 15
    assert next_k(33, 1) == 36 and next_k(33, -1) == 32
    assert next_k(256, 1) == 256 and next_k(2, -1) == 2


def test_slider_and_spin_box_follow_each_other(qtbot):
    controls = Controls()
    qtbot.addWidget(controls)
    slider = controls.k_slider
    with qtbot.waitSignal(controls.options_changed):
        slider.setValue(8)
    assert controls.k() == slider.value() == 8
    slider.setValue(slider.maximum())
    assert controls.k() == slider.value() == 256
    slider.setValue(64)
    assert controls.k() == 64 and k_at(slider.step()) == 64
    controls.k_spin.setValue(37)  # between two steps: kept, the handle at the step below
    assert controls.k() == slider.value() == 37 and k_at(slider.step()) == 36
    slider.triggerAction(QSlider.SliderAction.SliderSingleStepAdd)  # as the Right key does
    assert controls.k() == 40
    slider.triggerAction(QSlider.SliderAction.SliderToMinimum)
    assert controls.k() == slider.minimum() == 2
    controls.set_k(33)
    controls.step_k(1)
    assert controls.k() == 36
    options = controls.options()
    assert options.k == 36 and options.fmt == "png" and options.color_space == "rgb"


# -- palette and stats -----------------------------------------------------------------------
def test_squarify_areas_are_proportional_and_tile_the_rectangle():
    values = [50, 20, 10, 10, 5, 3, 1, 1, 0]
    rect = QRectF(0, 0, 300, 120)
    rects = squarify(values, rect)
    total = sum(values)
    for value, r in zip(values, rects, strict=True):
        assert r.width() * r.height() == pytest.approx(value / total * 300 * 120, rel=1e-6)
        if value:
            assert rect.adjusted(-1e-6, -1e-6, 1e-6, 1e-6).contains(r)
    assert rects[-1].isEmpty()


def test_palette_view_swatches_by_share(qtbot):
    view = PaletteView()
    qtbot.addWidget(view)
    view.resize(200, 100)
    palette = np.array([[255, 0, 0], [0, 0, 255], [0, 0, 0]], np.uint8)
    view.set_palette(palette, np.array([10, 30, 60]), transparent_index=2)
    entries = view.entries()
    assert [c for _, c in entries] == [60, 30, 10]
    areas = [r.width() * r.height() for r in view.swatch_rects()]
    assert areas[0] > areas[1] > areas[2]
    assert view.tooltip_text(0).startswith("transparent")
    assert view.tooltip_text(1).startswith("#0000ff — 30.0 %")
    centre = view.swatch_rects()[2].center()
    assert view.swatch_at(centre) == 2
    view.grab()  # paints without warnings
    view.clear()
    assert view.entries() == []


def test_ratio_text_says_larger_plainly():
    assert ratio_text(3.0) == "3.00× smaller"
    assert ratio_text(0.5) == "2.00× larger"


def test_stats_panel_starts_empty_and_says_plainly_when_larger(qtbot, tmp_path):
    panel = StatsPanel()
    qtbot.addWidget(panel)
    assert set(panel.values().values()) == {"—"}
    rng = np.random.default_rng(3)
    Image.fromarray(rng.integers(0, 256, (64, 64, 3), dtype=np.uint8)).save(
        tmp_path / "noise.jpg", quality=20
    )
    result = compress(load_image(tmp_path / "noise.jpg"), Options(k=256))
    assert result.stats.larger_than_input
    panel.show_result(result, "JPEG")
    values = panel.values()
    assert values["vs_original"].startswith("LARGER: ") and "× larger" in values["vs_original"]
    assert values["original"].endswith("(JPEG)")
    assert "larger than the original file" in panel.note()


# -- synchronised views --------------------------------------------------------------------
def test_views_zoom_and_pan_together(qtbot):
    pair = ImagePair()
    qtbot.addWidget(pair)
    pair.resize(800, 400)
    pair.show()
    qtbot.waitExposed(pair)
    rgb = np.random.default_rng(0).integers(0, 256, (600, 900, 3), dtype=np.uint8)
    pair.original.set_image(array_to_qimage(rgb, display=True))
    pair.compressed.set_image(array_to_qimage(rgb, display=True))
    assert pair.is_fit()
    fitted = pair.original.scale_factor()
    assert fitted < 1 and pair.compressed.scale_factor() == pytest.approx(fitted)

    viewport = pair.original.viewport()
    centre = QPointF(viewport.rect().center())
    wheel = QWheelEvent(
        centre, QPointF(viewport.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, 240),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
        False,
    )  # fmt: skip
    pair.original.wheelEvent(wheel)
    assert pair.original.scale_factor() == pytest.approx(fitted * 1.25**2)
    assert pair.compressed.scale_factor() == pytest.approx(pair.original.scale_factor())
    assert not pair.is_fit()

    pair.actual_size()
    assert pair.original.scale_factor() == pair.compressed.scale_factor() == 1.0
    pair.original.horizontalScrollBar().setValue(123)
    pair.original.verticalScrollBar().setValue(45)
    assert pair.compressed.horizontalScrollBar().value() == 123
    assert pair.compressed.verticalScrollBar().value() == 45
    pair.compressed.horizontalScrollBar().setValue(7)  # panning either view moves both
    assert pair.original.horizontalScrollBar().value() == 7

    pair.zoom_in()
    assert pair.compressed.scale_factor() == pytest.approx(1.25)
    pair.fit()
    assert pair.is_fit() and pair.original.scale_factor() == pytest.approx(fitted)


# -- signals ---------------------------------------------------------------------------------
class _Emitter(QObject):
    value = Signal(int)


def test_emit_does_not_wear_down_true():
    """PySide6 6.12's SignalInstance.emit drops a reference to True on each call (fatal on
    CPython < 3.12 once it reaches zero); `emit` gives it back."""
    emitter = _Emitter()
    received = []
    emitter.value.connect(received.append)
    before = sys.getrefcount(True)
    for i in range(2000):
        emit(emitter.value, i)
    assert received == list(range(2000))
    assert sys.getrefcount(True) >= before - 50


def test_views_stack_for_wide_images_and_sit_side_by_side_for_tall_ones(qtbot):
    pair = ImagePair()
    qtbot.addWidget(pair)
    pair.resize(900, 800)
    pair.show()
    qtbot.waitExposed(pair)
    wide = array_to_qimage(np.zeros((200, 1200, 3), np.uint8), display=True)
    pair.original.set_image(wide)
    pair.compressed.set_image(wide)
    assert pair.is_stacked()
    tall = array_to_qimage(np.zeros((1200, 500, 3), np.uint8), display=True)
    pair.original.set_image(tall)
    pair.compressed.set_image(tall)
    assert not pair.is_stacked()
