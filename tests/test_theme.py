"""Light and dark palettes: chart axes and curves, the heat-map legend's numbers, captions and
the warning red stay readable (WCAG contrast 4.5:1) in Fusion's light and dark palettes."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from kmeans_gui.app import theme
from kmeans_gui.app.chart import ChartPoint, SizeQualityChart
from kmeans_gui.app.diffview import HeatLegend
from kmeans_gui.app.qimage import qimage_to_array

READABLE = 4.5


@pytest.fixture(params=["light", "dark"])
def palette(request, qapp):
    """The application in Fusion with a light or the dark palette (restored afterwards)."""
    before_style, before_palette = qapp.style().name(), qapp.palette()
    qapp.setStyle("Fusion")
    chosen = theme.dark_palette() if request.param == "dark" else qapp.style().standardPalette()
    qapp.setPalette(chosen)
    yield chosen
    qapp.setStyle(before_style)
    qapp.setPalette(before_palette)


def test_the_dark_palette_is_dark_and_the_light_one_is_not(qapp):
    assert theme.is_dark(theme.dark_palette())
    QApplication.setStyle("Fusion")
    assert not theme.is_dark(qapp.style().standardPalette())


def test_warning_red_is_readable_on_window_and_base(palette):
    red = theme.warning_colour(palette)
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        assert theme.contrast(red, palette.color(role)) >= READABLE, (red.name(), role)
    # The red of the light palette would not do on the dark one (why it changes).
    dark_window = theme.dark_palette().color(QPalette.ColorRole.Window)
    assert theme.contrast(QColor(theme.WARNING_ON_LIGHT), dark_window) < 3


def test_chart_axes_legend_and_curves_are_readable(qtbot, palette):
    chart = SizeQualityChart()
    qtbot.addWidget(chart)
    chart.resize(700, 400)
    chart.show()
    qtbot.waitUntil(lambda: chart.plot_widget() is not None)
    chart.set_points(
        [ChartPoint(k, 1000 * k, 20 + k / 10, 5 - k / 100, True, 0.9) for k in (2, 8, 32, 128)]
    )
    background = chart.plot_widget().backgroundBrush().color()
    assert background == palette.color(QPalette.ColorRole.Base)
    item = chart.plot_widget().getPlotItem()
    assert theme.contrast(chart.axis_text_colour(), background) >= READABLE
    for side in ("left", "right"):  # the y labels in their curve's colour
        label = QColor(item.getAxis(side).labelStyle["color"])
        assert theme.contrast(label, background) >= READABLE, side
    legend_text = chart._legend.opts["labelTextColor"]
    assert theme.contrast(legend_text, background) >= READABLE


def test_heat_legend_numbers_are_drawn_readably(qtbot, palette):
    legend = HeatLegend()
    qtbot.addWidget(legend)
    legend.resize(400, 30)
    legend.set_top(30.0)
    legend.show()
    pixels = qimage_to_array(legend.grab().toImage())[14:, :, :3].astype(float)
    window = palette.color(QPalette.ColorRole.Window)
    drawn = [QColor(*map(int, p)) for p in pixels.reshape(-1, 3)[::7]]
    # The numbers under the colour bar: some pixel of them is as readable as body text.
    best = max(theme.contrast(c, window) for c in drawn)
    assert best >= READABLE
    assert np.ptp(pixels) > 0  # something is drawn at all


def test_captions_follow_the_palette(qtbot, palette):
    caption = QLabel("Original")
    qtbot.addWidget(caption)
    text = caption.palette().color(QPalette.ColorRole.WindowText)
    assert theme.contrast(text, caption.palette().color(QPalette.ColorRole.Window)) >= READABLE
