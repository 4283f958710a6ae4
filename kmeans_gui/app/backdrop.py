"""What is drawn behind transparent pixels in every image view: a checkerboard, white or black.

One choice for all views (``set_backdrop``); the checkerboard's squares keep their size on
screen whatever the zoom, as in image editors.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPixmap, QTransform
from PySide6.QtWidgets import QGraphicsView

from .i18n import QT_TRANSLATE_NOOP

BACKDROPS = {
    "checker": QT_TRANSLATE_NOOP("Actions", "Checkerboard Behind Transparency"),
    "white": QT_TRANSLATE_NOOP("Actions", "White Behind Transparency"),
    "black": QT_TRANSLATE_NOOP("Actions", "Black Behind Transparency"),
}
"""Backdrop keys and their menu entries (in English; translated in :mod:`.actions`)."""

SQUARE = 8  # checkerboard square, screen pixels
LIGHT, DARK = QColor(255, 255, 255), QColor(204, 204, 204)

_current = "checker"


class _Notifier(QObject):
    changed = Signal()


_notifier: _Notifier | None = None


def _changes() -> _Notifier:
    global _notifier
    if _notifier is None:
        _notifier = _Notifier()
    return _notifier


def backdrop() -> str:
    """The backdrop key in use."""
    return _current


def set_backdrop(key: str) -> None:
    """Use another backdrop in every view."""
    global _current
    if key not in BACKDROPS:
        raise ValueError(f"backdrop={key!r} is not one of {', '.join(BACKDROPS)}")
    _current = key
    _changes().changed.emit()


def register(view: QGraphicsView) -> None:
    """Repaint `view` when the backdrop changes (Qt drops the connection with the view)."""
    _changes().changed.connect(view.viewport().update)


def _checker_brush() -> QBrush:
    tile = QPixmap(2 * SQUARE, 2 * SQUARE)
    tile.fill(LIGHT)
    painter = QPainter(tile)
    painter.fillRect(0, 0, SQUARE, SQUARE, DARK)
    painter.fillRect(SQUARE, SQUARE, SQUARE, SQUARE, DARK)
    painter.end()
    return QBrush(tile)


def paint(painter: QPainter, area: QRectF, scale: float) -> None:
    """Fill `area` (scene coordinates, viewed at `scale` screen pixels per unit)."""
    if _current == "white":
        painter.fillRect(area, LIGHT)
    elif _current == "black":
        painter.fillRect(area, QColor(0, 0, 0))
    else:
        brush = _checker_brush()
        brush.setTransform(QTransform.fromScale(1 / max(scale, 1e-6), 1 / max(scale, 1e-6)))
        painter.fillRect(area, brush)
