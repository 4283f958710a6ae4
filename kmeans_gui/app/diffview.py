"""The difference view: a heat map of the per-pixel ΔE between original and compressed."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from .heatmap import HEAT_LUT, scale_position
from .i18n import number, translate
from .views import ImageView

MARKER_RADIUS = 9.0


def _short(value: float) -> str:
    """A legend number: at most three significant digits, the locale's decimal separator."""
    if value >= 100 or value == int(value):
        decimals = 0
    else:
        decimals = 1 if value >= 10 else 2 if value >= 1 else 3
    text = number(value, decimals)
    return text.rstrip("0").rstrip(QLocale().decimalPoint()) if decimals else text


class HeatLegend(QWidget):
    """The colour scale from 0 to the top value, with its numbers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._top = 0.0
        self.setFixedHeight(30)
        self.setMinimumWidth(160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(translate("DifferenceView", "Colour scale of the heat map"))

    def set_top(self, top: float) -> None:
        """The ΔE of the brightest colour (0: no scale)."""
        self._top = top
        self.update()

    def paintEvent(self, event) -> None:
        if self._top <= 0:
            return
        painter = QPainter(self)
        metrics = painter.fontMetrics()
        bar = QRectF(0, 0, self.width() - 1, 12)
        gradient = QLinearGradient(bar.topLeft(), bar.topRight())
        for i in range(0, len(HEAT_LUT), 16):
            gradient.setColorAt(i / (len(HEAT_LUT) - 1), QColor(*HEAT_LUT[i].tolist()))
        gradient.setColorAt(1.0, QColor(*HEAT_LUT[-1].tolist()))
        painter.fillRect(bar, gradient)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.WindowText)))
        y = int(bar.bottom()) + metrics.ascent() + 2
        painter.drawText(0, y, "0")
        for share in (0.05, 0.25):  # a square-root scale: these sit at 22% and 50%
            text = _short(self._top * share)
            x = scale_position(self._top * share, self._top) * self.width()
            painter.drawText(int(x - metrics.horizontalAdvance(text) / 2), y, text)
        top = f"{_short(self._top)} ΔE"
        painter.drawText(self.width() - metrics.horizontalAdvance(top) - 1, y, top)


class DifferenceView(QWidget):
    """A caption, the heat map (zoom and pan as the other views) and its colour scale.

    The pixel with the largest ΔE is ringed.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel(translate("DifferenceView", "Difference"), self)
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.view = ImageView(self)
        self.view.setAccessibleName(translate("DifferenceView", "Difference heat map"))
        self.legend = HeatLegend(self)
        self._marker = QGraphicsEllipseItem()
        pen = QPen(QColor(0, 200, 255), 2)
        pen.setCosmetic(True)
        self._marker.setPen(pen)
        self._marker.setRect(
            QRectF(-MARKER_RADIUS, -MARKER_RADIUS, 2 * MARKER_RADIUS, 2 * MARKER_RADIUS)
        )
        self._marker.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self._marker.setVisible(False)
        self._marker.setZValue(2)
        self.view.scene().addItem(self._marker)
        self._maximum = 0.0
        self._at: tuple[int, int] | None = None
        self._mean = 0.0
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(QLabel(translate("DifferenceView", "ΔE×100 per pixel:"), self))
        bottom.addWidget(self.legend, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self.clear(translate("DifferenceView", "Difference: waiting for the compressed image"))

    def clear(self, message: str) -> None:
        """No heat map; a message instead."""
        self.view.set_image(None)
        self.view.set_message(message)
        self.legend.set_top(0.0)
        self._marker.setVisible(False)
        self._at = None
        self.caption.setText(translate("DifferenceView", "Difference"))
        self.view.setAccessibleName(translate("DifferenceView", "Difference heat map"))

    def set_message(self, message: str) -> None:
        """A message over the heat map (e.g. while a new one is computed)."""
        self.view.set_message(message)

    def set_heat(
        self, image: QImage, maximum: float, at: tuple[int, int], mean: float, top: float,
        what: str = "",
    ) -> None:  # fmt: skip
        """Show a heat map, its largest ΔE at pixel `at` = (x, y), its mean and scale top."""
        self.view.set_image(image)
        self.legend.set_top(top)
        self._maximum, self._at, self._mean = maximum, at, mean
        self._marker.setPos(at[0] + 0.5, at[1] + 0.5)  # a ring of constant size on screen
        self._marker.setVisible(True)
        what = f": {what}" if what else ""
        self.caption.setText(
            translate(
                "DifferenceView",
                "Difference{what} — mean ΔE {mean}, largest {largest} at ({x}, {y}) (ringed)",
            ).format(what=what, mean=number(mean, 2), largest=number(maximum, 1), x=at[0], y=at[1])
        )
        self.view.setAccessibleName(self.caption.text())

    def maximum(self) -> tuple[float, tuple[int, int] | None]:
        """(largest ΔE, its pixel (x, y)) of the heat map shown; (0, None) when none."""
        return self._maximum, self._at

    def image(self) -> QImage:
        """The heat map shown (a null QImage when none)."""
        return self.view.image()
