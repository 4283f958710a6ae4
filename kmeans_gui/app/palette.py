"""The palette as swatches whose areas are the colours' pixel shares (a squarified treemap).

Swatches large enough carry their share in per cent; they can be sized by what removing
them would cost instead, selected for the palette edits (:mod:`.palette_edit`), and
double-clicked to copy their hex value.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QPolygonF,
)
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
    """Swatches sized by pixel share (or by cost); hover one for its colour, share and cost.

    Click selects a swatch (Ctrl+click adds or removes one); double-click copies its hex
    value. Locked colours carry a corner mark.

    ``hovered(entry)`` names the palette entry under the pointer (-1: none);
    ``selection_changed()`` after the selection changed; ``copied(text)`` after a colour's
    hex value (``#rrggbb``) went to the clipboard.
    """

    copied = Signal(str)
    hovered = Signal(int)
    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colors: list[tuple[int, int, int]] = []
        self._alphas: list[int] = []
        self._counts: list[int] = []
        self._entry: list[int] = []  # the palette entry of each swatch
        self._sizes_shown: list[float] = []  # each swatch's area key
        self._palette_rows = np.zeros((0, 3), np.uint8)
        self._all_counts = np.zeros(0, np.int64)
        self._all_costs: tuple[np.ndarray, np.ndarray] | None = None
        self._transparent_entry: int | None = None
        self._costs: list[tuple[float, float]] | None = None  # (MSE, ΔE) rise per swatch
        self._locked: set[tuple[int, int, int]] = set()
        self._selected: set[int] = set()  # palette entries
        self._size_by = "share"
        self._transparent: int | None = None
        self._hover: int | None = None
        self._rects: list[QRectF] = []
        self.setMinimumSize(120, 90)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setToolTip(
            translate(
                "Palette", "Click a colour to select it, Ctrl+click for more; double-click copies"
            )
        )
        self.setAccessibleName(translate("Palette", "Palette"))
        self.setAccessibleDescription(self.toolTip())

    def sizeHint(self) -> QSize:
        return QSize(260, 160)

    def set_palette(
        self,
        palette: np.ndarray,
        counts: np.ndarray,
        transparent_index: int | None = None,
        costs: tuple[np.ndarray, np.ndarray] | None = None,
        locked: Sequence[tuple[int, int, int]] = (),
    ) -> None:
        """Show a palette.

        Parameters
        ----------
        palette : ndarray of shape (n, 3), uint8, or (n, 4) straight RGBA: an entry that is
            not opaque is drawn over a checkerboard
        counts : ndarray of shape (n,), pixels of each entry
        transparent_index : int, optional, the entry of transparent pixels
        costs : (mse_rise, delta_e_rise), each of shape (n,), optional: what removing each
            entry would cost (``engine.entry_worth``; the transparent entry's are ignored)
        locked : colours shown as locked
        """
        if not np.array_equal(self._palette_rows, palette):
            self._selected = set()  # other colours: the selection named the old ones
        self._palette_rows = np.asarray(palette)
        self._all_counts = np.asarray(counts)
        self._all_costs = costs
        self._transparent_entry = transparent_index
        self._locked = {tuple(int(v) for v in c) for c in locked}  # type: ignore[misc]
        self._order()
        emit(self.selection_changed)  # what the edits may do depends on the palette too

    def _order(self) -> None:
        """Swatches sorted by the size key, largest first (squarify wants that)."""
        palette, counts = self._palette_rows, self._all_counts
        size = self._sizes(counts)
        order = np.argsort(-size, kind="stable")
        self._entry = [int(i) for i in order]
        self._colors = [tuple(int(c) for c in palette[i, :3]) for i in order]  # type: ignore[misc]
        self._alphas = [int(palette[i, 3]) if palette.shape[1] == 4 else 255 for i in order]
        self._counts = [int(counts[i]) for i in order]
        self._sizes_shown = [float(size[i]) for i in order]
        self._costs = None
        if self._all_costs is not None:
            mse, delta_e = self._all_costs
            self._costs = [(float(mse[i]), float(delta_e[i])) for i in order]
        self._transparent = (
            None
            if self._transparent_entry is None
            else int(np.flatnonzero(order == self._transparent_entry)[0])
        )
        self._layout()
        self.update()

    def _sizes(self, counts: np.ndarray) -> np.ndarray:
        """Each entry's area: its pixel count, or its ΔE cost (finite, the transparent 0)."""
        if self._size_by != "cost" or self._all_costs is None:
            return counts.astype(np.float64)
        cost = np.array(self._all_costs[1], dtype=np.float64)
        cost = np.where(np.isfinite(cost), np.maximum(cost, 0.0), 0.0)
        if self._transparent_entry is not None and self._transparent_entry < cost.size:
            cost[self._transparent_entry] = 0.0
        if cost.size < counts.size:
            cost = np.append(cost, np.zeros(counts.size - cost.size))
        return cost if cost.sum() > 0 else counts.astype(np.float64)

    def set_size_by(self, key: str) -> None:
        """Swatch areas by "share" of the pixels or by "cost" (the ΔE rise if removed)."""
        if key not in ("share", "cost"):
            raise ValueError(f"key={key!r} should be 'share' or 'cost'")
        self._size_by = key
        if self._entry:
            self._order()

    def size_by(self) -> str:
        return self._size_by

    def colour_count(self) -> int:
        """Swatches that are colours (the transparent entry is not)."""
        return len(self._entry) - (self._transparent is not None)

    def has_costs(self) -> bool:
        """Whether the palette on screen came with its entries' costs."""
        return self._all_costs is not None

    def clear(self) -> None:
        """No palette."""
        self._colors, self._alphas, self._counts, self._entry = [], [], [], []
        self._sizes_shown = []
        self._costs, self._selected, self._hover = None, set(), None
        self._transparent, self._rects = None, []
        self._palette_rows = np.zeros((0, 3), np.uint8)
        self.update()
        emit(self.selection_changed)

    def entries(self) -> list[tuple[tuple[int, int, int], int]]:
        """(colour, pixel count) of every swatch, in the order drawn (largest first)."""
        return list(zip(self._colors, self._counts, strict=True))

    def entry_of(self, swatch: int) -> int:
        """The palette entry a swatch (index in `entries`) shows."""
        return self._entry[swatch]

    def swatch_rects(self) -> list[QRectF]:
        """Where each swatch is drawn, in the order of `entries`."""
        return list(self._rects)

    def selected_entries(self) -> list[int]:
        """The selected palette entries, in entry order."""
        return sorted(self._selected)

    def set_selected_entries(self, entries: Sequence[int]) -> None:
        """Select these palette entries (the transparent one cannot be)."""
        chosen = {
            int(e) for e in entries if e != self._transparent_entry and 0 <= e < len(self._entry)
        }
        if chosen != self._selected:
            self._selected = chosen
            self.update()
            emit(self.selection_changed)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._layout()

    def _layout(self) -> None:
        area = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        self._rects = squarify(self._sizes_shown, area)

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
        self._draw_marks(painter)

    def _draw_marks(self, painter: QPainter) -> None:
        """Locked swatches get a corner triangle; selected ones a double outline."""
        highlight = self.palette().color(QPalette.ColorRole.Highlight)
        for i, rect in enumerate(self._rects):
            if rect.isEmpty():
                continue
            light = self._is_light(i)
            if self._colors[i] in self._locked and i != self._transparent:
                side = min(10.0, rect.width() / 2, rect.height() / 2)
                corner = QPolygonF(
                    [rect.topRight(), rect.topRight() - QPointF(side, 0),
                     rect.topRight() + QPointF(0, side)]
                )  # fmt: skip
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(0, 0, 0, 200) if light else QColor(255, 255, 255, 220))
                painter.drawPolygon(corner)
            if self._entry[i] in self._selected:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(highlight, 3))
                painter.drawRect(rect.adjusted(1.5, 1.5, -1.5, -1.5))
                painter.setPen(QPen(QColor(0, 0, 0) if light else QColor(255, 255, 255), 1))
                painter.drawRect(rect.adjusted(3.5, 3.5, -3.5, -3.5))

    def _is_light(self, i: int) -> bool:
        rgb = self._colors[i]
        return i == self._transparent or (0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]) > 140

    def _draw_shares(self, painter: QPainter) -> None:
        """The share in per cent, in the swatches wide and tall enough for it."""
        total = max(sum(self._counts), 1)
        metrics = painter.fontMetrics()
        for i, rect in enumerate(self._rects):
            text = f"{100.0 * self._counts[i] / total:.0f}%"
            if rect.width() < max(LABEL_MIN_WIDTH, metrics.horizontalAdvance(text) + 6):
                continue
            if rect.height() < metrics.height() + 2:
                continue
            light = self._is_light(i)
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
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        adding = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if index is None or index == self._transparent:
            if not adding:
                self.set_selected_entries([])
            return
        entry = self._entry[index]
        if adding:
            self.set_selected_entries(sorted(self._selected ^ {entry}))
        else:
            self.set_selected_entries([entry])
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        index = self.swatch_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and index is not None:
            self.copy_hex(index)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def copy_hex(self, index: int) -> None:
        """Put a swatch's hex value on the clipboard (not the transparent entry's)."""
        if index == self._transparent:
            return
        text = self.hex_of(index)
        QGuiApplication.clipboard().setText(text)
        emit(self.copied, text)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self.swatch_at(event.position())
        self._set_hover(index)
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._set_hover(None)
        super().leaveEvent(event)

    def _set_hover(self, index: int | None) -> None:
        if index == self._transparent:
            index = None
        if index != self._hover:
            self._hover = index
            emit(self.hovered, -1 if index is None else self._entry[index])

    def tooltip_text(self, index: int) -> str:
        """'#rrggbb — 12.3 % of pixels', what removing it costs, and whether it is locked."""
        total = max(sum(self._counts), 1)
        share = 100.0 * self._counts[index] / total
        name = (
            translate("Palette", "transparent")
            if index == self._transparent
            else self.hex_of(index)
        )
        opacity = ""
        if index != self._transparent and self._alphas[index] < 255:
            opacity = translate("Palette", ", {percent} % opaque").format(
                percent=number(100 * self._alphas[index] / 255, 0)
            )
        text = translate("Palette", "{name}{opacity} — {share} % of pixels ({count})").format(
            name=name, opacity=opacity, share=number(share, 1), count=integer(self._counts[index])
        )
        if index == self._transparent:
            return text
        if self._costs is not None:
            mse, delta_e = self._costs[index]
            text += "\n" + (
                translate("Palette", "removing it: the only colour")
                if not np.isfinite(mse)
                else translate("Palette", "removing it: MSE +{mse}, mean ΔE +{delta_e}").format(
                    mse=number(mse, 3), delta_e=number(delta_e, 3)
                )
            )
        if self._colors[index] in self._locked:
            text += "\n" + translate("Palette", "locked: kept as it is when the palette is refit")
        return text

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            index = self.swatch_at(QPointF(event.pos()))  # type: ignore[attr-defined]
            if index is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip_text(index), self)  # type: ignore[attr-defined]
            return True
        return super().event(event)
