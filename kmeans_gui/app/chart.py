"""The size-versus-quality chart: encoded bytes and PSNR (or ΔE) against K for one image.

Drawn with pyqtgraph, imported when the chart is first shown (it takes about half a second to
import, which the window's start should not pay). K is on a log₂ axis, the file size on the
left axis, the quality on the right; the current K is a dashed line, the knee of the
size-versus-quality curve a star with the suggested K. Clicking near a K sets it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from .. import sweep
from . import theme
from .i18n import QT_TRANSLATE_NOOP, number, size_text, translate
from .signals import emit

METRICS = {
    "psnr": QT_TRANSLATE_NOOP("Chart", "PSNR (dB)"),
    "delta_e": QT_TRANSLATE_NOOP("Chart", "mean ΔE"),
    "ssim": "SSIM",
}
CURVES = ("size", "quality", "knee")  # their colours: theme.chart_colour
HIGHER_IS_BETTER = {"psnr": True, "delta_e": False, "ssim": True}
CLICK_REACH = 0.5  # in log₂ K: a click this near a K's column picks it


@dataclass(frozen=True)
class ChartPoint:
    """The figures of one K: ``output_bytes`` is None until the real file was measured;
    ``ssim`` is NaN until then (previews have no SSIM)."""

    k: int
    output_bytes: int | None
    psnr: float
    mean_delta_e: float
    measured: bool
    ssim: float = math.nan

    def quality(self, metric: str) -> float:
        """PSNR, mean ΔE or SSIM, by metric name (see METRICS)."""
        return {"psnr": self.psnr, "delta_e": self.mean_delta_e, "ssim": self.ssim}[metric]

    def figure(self, metric: str) -> str:
        """The metric in words, e.g. "PSNR 31.2 dB"."""
        if metric == "psnr":
            return translate("Chart", "PSNR {psnr} dB").format(psnr=number(self.psnr, 1))
        if metric == "ssim":
            return f"SSIM {number(self.ssim, 4)}"
        return f"ΔE {number(self.mean_delta_e, 2)}"


def suggested_k(points: list[ChartPoint], metric: str = "psnr") -> int | None:
    """The K at the knee of the measured size-versus-quality curve (see ``sweep.knee``)."""
    measured = sorted(
        (p for p in points if p.output_bytes is not None and math.isfinite(p.quality(metric))),
        key=lambda p: p.k,
    )
    sign = 1.0 if HIGHER_IS_BETTER[metric] else -1.0
    quality = [sign * p.quality(metric) for p in measured]
    index = sweep.knee([float(p.output_bytes or 0) for p in measured], quality)
    return None if index is None else measured[index].k


class SizeQualityChart(QWidget):
    """The chart, a metric chooser and a line saying what the chart suggests."""

    k_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: dict[int, ChartPoint] = {}
        self._current_k: int | None = None
        self._plot: Any = None  # pyqtgraph's PlotWidget, made on first show
        self._items: dict[str, Any] = {}
        self.metric_box = QComboBox(self)
        self.metric_box.setObjectName("chartMetric")
        for key, name in METRICS.items():
            self.metric_box.addItem(translate("Chart", name), key)
        self.metric_box.setAccessibleName(translate("Chart", "Quality measure of the chart"))
        self.metric_box.currentIndexChanged.connect(self._redraw)
        self.summary = QLabel("", self)
        self.summary.setObjectName("chartSummary")
        self.summary.setWordWrap(True)
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        label = QLabel(translate("Chart", "&Quality:"), self)
        label.setBuddy(self.metric_box)
        top.addWidget(label)
        top.addWidget(self.metric_box)
        top.addSpacing(12)
        top.addWidget(self.summary, 1)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addLayout(top)
        self._placeholder = QLabel(translate("Chart", "Computing the K sweep…"), self)
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout.addWidget(self._placeholder, 1)

    # -- data ---------------------------------------------------------------------------------
    def quality_metric(self) -> str:
        """The quality plotted: "psnr", "delta_e" or "ssim"."""
        return str(self.metric_box.currentData())

    def set_quality_metric(self, metric: str) -> None:
        """Plot PSNR ("psnr"), mean ΔE ("delta_e") or SSIM ("ssim")."""
        self.metric_box.setCurrentIndex(max(self.metric_box.findData(metric), 0))

    def points(self) -> list[ChartPoint]:
        """The points plotted, by ascending K."""
        return [self._points[k] for k in sorted(self._points)]

    def set_points(self, points: list[ChartPoint]) -> None:
        """Replace every point."""
        self._points = {p.k: p for p in points}
        self._redraw()

    def set_current_k(self, k: int | None) -> None:
        """Mark the K on the slider."""
        self._current_k = k
        self._redraw()

    def suggested_k(self) -> int | None:
        """The K at the knee, when enough points are measured."""
        return suggested_k(self.points(), self.quality_metric())

    def plot_widget(self) -> Any:
        """pyqtgraph's PlotWidget (None until the chart was first shown)."""
        return self._plot

    # -- drawing ------------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        if self._plot is None:
            self._build()
        super().showEvent(event)

    def _build(self) -> None:
        import pyqtgraph as pg

        self._pg = pg
        background = self.palette().color(QPalette.ColorRole.Base)
        foreground = self.palette().color(QPalette.ColorRole.Text)
        plot = pg.PlotWidget(self, background=background)
        plot.setAccessibleName(translate("Chart", "Chart of file size and quality against K"))
        plot.setObjectName("chartPlot")
        item = plot.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        item.showGrid(x=True, y=False, alpha=0.2)
        item.setLabel("bottom", translate("Chart", "K (colours, log scale)"))
        item.showAxis("right")
        quality_box = pg.ViewBox()
        quality_box.setMouseEnabled(x=False, y=False)
        item.scene().addItem(quality_box)
        item.getAxis("right").linkToView(quality_box)
        quality_box.setXLink(item)

        def follow() -> None:
            quality_box.setGeometry(item.vb.sceneBoundingRect())
            quality_box.linkedViewChanged(item.vb, quality_box.XAxis)

        item.vb.sigResized.connect(follow)
        self._follow = follow
        legend = item.addLegend(offset=(10, 10), labelTextColor=foreground)
        # Colours are set by _apply_colours, also when the palette changes (light, dark).
        size_pen = quality_pen = pg.mkPen(foreground, width=2)
        self._items = {
            "size": item.plot([], [], pen=size_pen, symbol="s", symbolSize=8,
                              symbolBrush=foreground, symbolPen=size_pen,
                              name=translate("Chart", "file size")),
            "quality": pg.PlotDataItem([], [], pen=quality_pen, name=translate("Chart", "quality")),
            "measured": pg.ScatterPlotItem(symbol="o", size=9, pen=quality_pen,
                                           brush=pg.mkBrush(foreground), hoverable=True,
                                           tip=self._tip),
            "quick": pg.ScatterPlotItem(symbol="o", size=9, pen=quality_pen,
                                        brush=pg.mkBrush(background), hoverable=True,
                                        tip=self._tip),
            "knee": pg.ScatterPlotItem(symbol="star", size=22, pen=pg.mkPen(foreground),
                                       brush=pg.mkBrush(foreground)),
            "current": pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(
                foreground, width=1, style=Qt.PenStyle.DashLine), label="K = {value}",
                labelOpts={"position": 0.95, "color": foreground}),
            "knee_label": pg.TextItem("", color=foreground, anchor=(0.5, 1.4)),
        }  # fmt: skip
        for name in ("quality", "measured", "quick", "knee", "knee_label"):
            quality_box.addItem(self._items[name])
        item.addItem(self._items["current"], ignoreBounds=True)
        legend.addItem(self._items["quality"], "")
        self._legend = legend
        self._quality_box = quality_box
        plot.scene().sigMouseClicked.connect(self._clicked)
        self._plot = plot
        self._apply_colours()
        self._layout.replaceWidget(self._placeholder, plot)
        self._placeholder.deleteLater()
        self._redraw()
        follow()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and self._plot is not None:
            self._apply_colours()  # a light/dark switch while the chart exists
            self._redraw()
        super().changeEvent(event)

    def _apply_colours(self) -> None:
        """Background, axes, legend and the current-K line in the palette's colours."""
        pg = self._pg
        background = self.palette().color(QPalette.ColorRole.Base)
        foreground = self.palette().color(QPalette.ColorRole.Text)
        self._plot.setBackground(background)
        item = self._plot.getPlotItem()
        for name in ("left", "bottom", "right"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(foreground))
            axis.setTextPen(pg.mkPen(foreground))
        # The text pens colour the axis labels too: the two y labels take their curve's colour.
        size, quality, knee = (theme.chart_colour(self.palette(), c) for c in CURVES)
        item.setLabel("left", translate("Chart", "encoded file"), units="B", color=size.name())
        size_pen, quality_pen = pg.mkPen(size, width=2), pg.mkPen(quality, width=2)
        self._items["size"].setPen(size_pen)
        self._items["size"].setSymbolPen(size_pen)
        self._items["size"].setSymbolBrush(size)
        self._items["quality"].setPen(quality_pen)
        self._items["measured"].setPen(quality_pen)
        self._items["measured"].setBrush(pg.mkBrush(quality))
        self._items["quick"].setPen(quality_pen)
        self._items["knee"].setPen(pg.mkPen(knee))
        self._items["knee"].setBrush(pg.mkBrush(knee))
        self._items["knee_label"].setColor(knee)
        self._legend.setLabelTextColor(foreground)
        self._items["quick"].setBrush(pg.mkBrush(background))
        current = self._items["current"]
        current.setPen(pg.mkPen(foreground, width=1, style=Qt.PenStyle.DashLine))
        current.label.setColor(foreground)

    def axis_text_colour(self) -> QColor:
        """The colour of the chart's axis ticks and labels (for tests)."""
        return self._plot.getPlotItem().getAxis("bottom").textPen().color()

    @Slot()
    def _redraw(self) -> None:
        points = self.points()
        metric = self.quality_metric()
        suggestion = self.suggested_k()
        self._update_summary(points, metric, suggestion)
        if self._plot is None:
            return
        pg = self._pg
        item = self._plot.getPlotItem()
        x = [math.log2(p.k) for p in points]
        sized = [p for p in points if p.output_bytes is not None]
        self._items["size"].setData([math.log2(p.k) for p in sized],
                                    [float(p.output_bytes or 0) for p in sized])  # fmt: skip
        quality = [p.quality(metric) for p in points]
        finite = [(xi, q) for xi, q in zip(x, quality, strict=True) if math.isfinite(q)]
        self._items["quality"].setData([f[0] for f in finite], [f[1] for f in finite])
        for name, measured in (("measured", True), ("quick", False)):
            chosen = [(math.log2(p.k), p.quality(metric), p.k) for p in points
                      if p.measured == measured and math.isfinite(p.quality(metric))]  # fmt: skip
            self._items[name].setData(
                x=[c[0] for c in chosen], y=[c[1] for c in chosen], data=[c[2] for c in chosen]
            )
        label = translate("Chart", METRICS[metric])
        colour = theme.chart_colour(self.palette(), "quality")
        item.setLabel("right", label, color=colour.name())
        quick = any(not p.measured for p in points)
        self._legend.getLabel(self._items["quality"]).setText(
            translate("Chart", "{metric} (hollow: preview estimate)").format(metric=label)
            if quick
            else label
        )
        ticks = [(math.log2(p.k), str(p.k)) for p in points]
        item.getAxis("bottom").setTicks([ticks, []] if ticks else None)
        if points:
            item.setXRange(min(x) - 0.3, max(x) + 0.3, padding=0)
        knee = self._points.get(suggestion) if suggestion is not None else None
        if knee is not None and math.isfinite(knee.quality(metric)):
            position = (math.log2(knee.k), knee.quality(metric))
            self._items["knee"].setData([position[0]], [position[1]])
            self._items["knee_label"].setText(
                translate("Chart", "suggested K = {k}").format(k=knee.k)
            )
            self._items["knee_label"].setPos(*position)
        else:
            self._items["knee"].setData([], [])
            self._items["knee_label"].setText("")
        current = self._items["current"]
        if self._current_k is not None:
            current.setValue(math.log2(self._current_k))
            current.label.setFormat(f"K = {self._current_k}")
            current.setVisible(True)
        else:
            current.setVisible(False)
        self._quality_box.enableAutoRange(axis=pg.ViewBox.YAxis)
        item.enableAutoRange(axis=pg.ViewBox.YAxis)

    def _update_summary(
        self, points: list[ChartPoint], metric: str, suggestion: int | None
    ) -> None:
        measured = [p for p in points if p.output_bytes is not None]
        if not points:
            self.summary.setText("")
            return
        parts = [
            translate("Chart", "{measured} of {count} K measured at full resolution").format(
                measured=len(measured), count=len(points)
            )
        ]
        if suggestion is not None:
            p = self._points[suggestion]
            parts.append(
                translate(
                    "Chart",
                    "suggested K = {k} ({size}, {figure}): past the knee, more bytes buy "
                    "little quality",
                ).format(k=suggestion, size=size_text(p.output_bytes or 0), figure=p.figure(metric))
            )
        self.summary.setText("; ".join(parts))

    def _tip(self, x: float, y: float, data: object) -> str:
        """The hover text of a quality point: its K and figures."""
        try:
            point = self._points.get(int(data))  # type: ignore[call-overload]
        except (TypeError, ValueError):
            point = None
        if point is None:
            return ""
        size = (
            size_text(point.output_bytes)
            if point.output_bytes is not None
            else translate("Chart", "size not measured yet")
        )
        where = "" if point.measured else translate("Chart", " (preview estimate)")
        ssim = f", SSIM {number(point.ssim, 4)}" if math.isfinite(point.ssim) else ""
        return translate(
            "Chart",
            "K = {k}: {size}, PSNR {psnr} dB, ΔE {delta_e}{ssim}{where}\nclick to use this K",
        ).format(
            k=point.k,
            size=size,
            psnr=number(point.psnr, 2),
            delta_e=number(point.mean_delta_e, 2),
            ssim=ssim,
            where=where,
        )

    # -- clicks -------------------------------------------------------------------------------
    def _clicked(self, event: Any) -> None:
        if self._plot is None or event.button() != Qt.MouseButton.LeftButton:
            return
        vb = self._plot.getPlotItem().vb
        if not vb.sceneBoundingRect().contains(event.scenePos()):
            return
        x = vb.mapSceneToView(event.scenePos()).x()
        k = self.k_near(x)
        if k is not None:
            event.accept()
            emit(self.k_clicked, k)

    def k_near(self, log2_k: float) -> int | None:
        """The plotted K nearest to a place on the K axis (log₂ K), if near enough."""
        if not self._points:
            return None
        k = min(self._points, key=lambda k: abs(math.log2(k) - log2_k))
        return k if abs(math.log2(k) - log2_k) <= CLICK_REACH else None

    def scene_position(self, k: int) -> Any:
        """Where a K's quality point is in the plot's viewport (for tests and tools)."""
        point = self._points[k]
        scene = self._quality_box.mapViewToScene(
            self._pg.Point(math.log2(k), point.quality(self.quality_metric()))
        )
        return self._plot.mapFromScene(scene)
