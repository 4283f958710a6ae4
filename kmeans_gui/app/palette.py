"""The palette as swatches whose areas are the colours' pixel shares (a squarified treemap).

Swatches large enough carry their share in per cent; clicking one copies its hex value.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QMouseEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ..palette_files import to_hex
from .i18n import integer, number, translate
from .signals import emit

LABEL_MIN_WIDTH = 34  # smallest swatch (px) that gets its share written in it


def squarify(values: Sequence[float], rect: QRectF) -> list[QRectF]:
    """Cut `rect` into one rectangle per value, with areas proportional to the values.

    Bruls, Huizing and van Wijk's squarified treemap: rows are filled while that keeps their
    rectangles closer to squares. `values` should be sorted largest first; zeros get empty
    rectangles.
    """
    total = float(sum(values))
    out = [QRectF() for _ in values]
    if total <= 0 or rect.isEmpty():
        return out
    scale = rect.width() * rect.height() / total
    items = [(i, v * scale) for i, v in enumerate(values) if v > 0]
    x, y, w, h = rect.x(), rect.y(), rect.width(), rect.height()
    while items:
        short = min(w, h)
        row = [items[0]]
        rest = 1
        while rest < len(items) and _worst([*row, items[rest]], short) <= _worst(row, short):
            row.append(items[rest])
            rest += 1
        items = items[rest:]
        area = sum(a for _, a in row)
        if w >= h:  # a column on the left
            width = area / h if h else 0.0
            top = y
            for i, a in row:
                height = a / width if width else 0.0
                out[i] = QRectF(x, top, width, height)
                top += height
            x, w = x + width, max(w - width, 0.0)
        else:  # a row at the top
            height = area / w if w else 0.0
            left = x
            for i, a in row:
                width = a / height if height else 0.0
                out[i] = QRectF(left, y, width, height)
                left += width
            y, h = y + height, max(h - height, 0.0)
    return out


def _worst(row: list[tuple[int, float]], short: float) -> float:
    """The largest aspect ratio in a row laid along a side of length `short`."""
    area = sum(a for _, a in row)
    if area <= 0 or short <= 0:
        return float("inf")
    side2 = short * short
    return max(max(side2 * a / (area * area), area * area / (side2 * a)) for _, a in row)


class PaletteView(QWidget):
    """Swatches sized by pixel share; hover one for its colour and share, click to copy it.

    ``copied(text)`` after a click put a colour's hex value (``#rrggbb``) on the clipboard.
    """

    copied = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colors: list[tuple[int, int, int]] = []
        self._alphas: list[int] = []
        self._counts: list[int] = []
        self._transparent: int | None = None
        self._rects: list[QRectF] = []
        self.setMinimumSize(120, 90)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(translate("Palette", "Click a colour to copy its hex value"))
        self.setAccessibleName(translate("Palette", "Palette"))
        self.setAccessibleDescription(self.toolTip())

    def sizeHint(self) -> QSize:
        return QSize(260, 160)

    def set_palette(
        self, palette: np.ndarray, counts: np.ndarray, transparent_index: int | None = None
    ) -> None:
        """Show a palette.

        Parameters
        ----------
        palette : ndarray of shape (n, 3), uint8, or (n, 4) straight RGBA: an entry that is
            not opaque is drawn over a checkerboard
        counts : ndarray of shape (n,), pixels of each entry
        transparent_index : int, optional, the entry of transparent pixels
        """
        order = np.argsort(-np.asarray(counts), kind="stable")
        self._colors = [tuple(int(c) for c in palette[i, :3]) for i in order]  # type: ignore[misc]
        self._alphas = [int(palette[i, 3]) if palette.shape[1] == 4 else 255 for i in order]
        self._counts = [int(counts[i]) for i in order]
        self._transparent = (
            None
            if transparent_index is None
            else int(np.flatnonzero(order == transparent_index)[0])
        )
        self._layout()
        self.update()

    def clear(self) -> None:
        """No palette."""
        self._colors, self._alphas, self._counts = [], [], []
        self._transparent, self._rects = None, []
        self.update()

    def entries(self) -> list[tuple[tuple[int, int, int], int]]:
        """(colour, pixel count) of every swatch, largest first."""
        return list(zip(self._colors, self._counts, strict=True))

    def swatch_rects(self) -> list[QRectF]:
        """Where each swatch is drawn, in the order of `entries`."""
        return list(self._rects)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._layout()

    def _layout(self) -> None:
        self._rects = squarify(self._counts, QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        background = self.palette().color(QPalette.ColorRole.Window)
        if not self._colors:
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, translate("Palette", "No palette yet")
            )
            return
        painter.setPen(QPen(background, 1))
        for i, (rect, rgb) in enumerate(zip(self._rects, self._colors, strict=True)):
            if rect.isEmpty():
                continue
            if i == self._transparent:
                self._checker(painter, rect)
                painter.setBrush(Qt.BrushStyle.NoBrush)
            elif self._alphas[i] < 255:
                self._checker(painter, rect)
                painter.setBrush(QColor(*rgb, self._alphas[i]))
            else:
                painter.setBrush(QColor(*rgb))
            painter.drawRect(rect)
        self._draw_shares(painter)

    def _draw_shares(self, painter: QPainter) -> None:
        """The share in per cent, in the swatches wide and tall enough for it."""
        total = max(sum(self._counts), 1)
        metrics = painter.fontMetrics()
        for i, (rect, rgb) in enumerate(zip(self._rects, self._colors, strict=True)):
            text = f"{100.0 * self._counts[i] / total:.0f}%"
            if rect.width() < max(LABEL_MIN_WIDTH, metrics.horizontalAdvance(text) + 6):
                continue
            if rect.height() < metrics.height() + 2:
                continue
            light = (
                i == self._transparent or (0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]) > 140
            )
            painter.setPen(QColor(0, 0, 0, 190) if light else QColor(255, 255, 255, 220))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    @staticmethod
    def _checker(painter: QPainter, rect: QRectF) -> None:
        painter.save()
        painter.setClipRect(rect)
        painter.fillRect(rect, QColor(255, 255, 255))
        step = 6
        y = int(rect.top())
        row = 0
        while y < rect.bottom():
            x = int(rect.left()) + (step if row % 2 else 0)
            while x < rect.right():
                painter.fillRect(QRectF(x, y, step, step), QColor(204, 204, 204))
                x += 2 * step
            y += step
            row += 1
        painter.restore()

    def swatch_at(self, point: QPointF) -> int | None:
        """The index (in `entries`) of the swatch under a point, if any."""
        for i, rect in enumerate(self._rects):
            if rect.contains(point):
                return i
        return None

    def hex_of(self, index: int) -> str:
        """``#rrggbb`` of a swatch, ``#rrggbbaa`` when not opaque ("transparent" for the
        transparent entry)."""
        if index == self._transparent:
            return "transparent"
        return to_hex((*self._colors[index], self._alphas[index]))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.swatch_at(event.position())
        if event.button() != Qt.MouseButton.LeftButton or index is None:
            super().mousePressEvent(event)
            return
        if index == self._transparent:
            return
        text = self.hex_of(index)
        QGuiApplication.clipboard().setText(text)
        emit(self.copied, text)
        event.accept()

    def tooltip_text(self, index: int) -> str:
        """'#rrggbb — 12.3 % of pixels' for a swatch."""
        total = max(sum(self._counts), 1)
        share = 100.0 * self._counts[index] / total
        if index == self._transparent:
            name, tail = translate("Palette", "transparent"), ""
        else:
            name, tail = self.hex_of(index), translate("Palette", "; click to copy")
        opacity = ""
        if index != self._transparent and self._alphas[index] < 255:
            opacity = translate("Palette", ", {percent} % opaque").format(
                percent=number(100 * self._alphas[index] / 255, 0)
            )
        return translate("Palette", "{name}{opacity} — {share} % of pixels ({count}){tail}").format(
            name=name,
            opacity=opacity,
            share=number(share, 1),
            count=integer(self._counts[index]),
            tail=tail,
        )

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            index = self.swatch_at(QPointF(event.pos()))  # type: ignore[attr-defined]
            if index is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip_text(index), self)  # type: ignore[attr-defined]
            return True
        return super().event(event)
