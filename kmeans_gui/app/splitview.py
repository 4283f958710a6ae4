"""Original and compressed in one view, split by a divider that the mouse drags.

X swaps the sides; holding Space shows the original alone until it is released. The divider
stays where it is on screen while the image is zoomed and panned under it.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QWidget

from . import backdrop
from .i18n import translate
from .imageitem import ImageItem
from .signals import emit
from .views import ImageView

GRAB_PIXELS = 8  # how near the divider a press grabs it
FLIP_KEY = Qt.Key.Key_X
HOLD_KEY = Qt.Key.Key_Space


class SplitView(ImageView):
    """An ImageView showing the original left of the divider and the compressed image right.

    ``divider()`` is the divider's place as a share of the view's width (0..1).
    """

    divider_moved = Signal(float)
    sides_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._original = QImage()
        self._compressed = QImage()
        self._divider = 0.5
        self._swapped = False
        self._holding = False
        self._dragging = False
        # The left image inside a rectangle that clips it at the divider.
        self._clip = _BackdropRect()
        self._clip.setPen(Qt.PenStyle.NoPen)
        self._clip.setFlag(QGraphicsItem.GraphicsItemFlag.ItemClipsChildrenToShape, True)
        self._left = ImageItem(self._clip)
        self._left.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self._clip)
        self._clip.setZValue(1)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.horizontalScrollBar().valueChanged.connect(self._update_clip)
        self.verticalScrollBar().valueChanged.connect(self._update_clip)
        self.setToolTip(
            translate(
                "SplitView",
                "Drag the divider to compare; X swaps the sides; hold Space to see the original",
            )
        )

    # -- content --------------------------------------------------------------------------
    def set_images(self, original: QImage | None, compressed: QImage | None) -> None:
        """Show an original and its compressed image (None: not there yet)."""
        # The same QImages as the side-by-side views show: no copies.
        self._original = QImage() if original is None else original
        self._compressed = QImage() if compressed is None else compressed
        base = compressed if compressed is not None and not compressed.isNull() else original
        super().set_image(base)
        self._refresh()

    def _refresh(self) -> None:
        """Put the right images where the sides and the held key say."""
        left, right = self._original, self._compressed
        if self._swapped:
            left, right = right, left
        if self._holding or right.isNull():
            left, right = QImage(), self._original
        self._item.set_image(right)
        self._left.set_image(left)
        self._left.setTransformationMode(self._item.transformationMode())
        self._update_clip()

    # -- the divider ----------------------------------------------------------------------
    def divider(self) -> float:
        """The divider's place, as a share of the view's width."""
        return self._divider

    def set_divider(self, share: float) -> None:
        """Move the divider (clamped to 0..1)."""
        share = min(max(float(share), 0.0), 1.0)
        if share != self._divider:
            self._divider = share
            self._update_clip()
            emit(self.divider_moved, share)

    def divider_x(self) -> int:
        """The divider's x in viewport pixels."""
        return round(self._divider * self.viewport().width())

    def is_swapped(self) -> bool:
        """True when the compressed image is on the left."""
        return self._swapped

    def swap(self) -> None:
        """Exchange the sides."""
        self._swapped = not self._swapped
        self._refresh()
        emit(self.sides_changed)

    def is_showing_original(self) -> bool:
        """True while the original is shown alone (Space held)."""
        return self._holding

    def set_showing_original(self, holding: bool) -> None:
        """Show the original alone (True) or the split again (False)."""
        if holding != self._holding:
            self._holding = holding
            self._refresh()
            emit(self.sides_changed)

    def left_label(self) -> str:
        """What is left of the divider: "Original" or "Compressed" (or "" when alone)."""
        if self._holding:
            return ""
        return "Compressed" if self._swapped else "Original"

    def _update_clip(self, *_: object) -> None:
        if self._item.image().isNull():
            self._clip.setRect(QRectF())
            return
        scene_x = self.mapToScene(self.divider_x(), 0).x()
        rect = self._item.boundingRect()
        width = min(max(scene_x, rect.left()), rect.right()) - rect.left()
        self._clip.setRect(QRectF(rect.left(), rect.top(), width, rect.height()))
        self._left.setTransformationMode(self._item.transformationMode())
        self.viewport().update()

    # -- Qt events ------------------------------------------------------------------------
    def _near_divider(self, x: float) -> bool:
        return not self._holding and abs(x - self.divider_x()) <= GRAB_PIXELS

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._near_divider(event.position().x()):
            self._dragging = True
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        x = event.position().x()
        if self._dragging:
            self.set_divider(x / max(self.viewport().width(), 1))
            event.accept()
            return
        if self._near_divider(x):
            self.viewport().setCursor(Qt.CursorShape.SplitHCursor)
        else:
            self.viewport().unsetCursor()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._dragging and event.button() == Qt.MouseButton.LeftButton:
            self._dragging = False
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == FLIP_KEY and not event.modifiers():
            if not event.isAutoRepeat():
                self.swap()
            event.accept()
            return
        if event.key() == HOLD_KEY and not event.modifiers():
            if not event.isAutoRepeat():
                self.set_showing_original(True)
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == HOLD_KEY and not event.isAutoRepeat():
            self.set_showing_original(False)
            event.accept()
            return
        super().keyReleaseEvent(event)

    def focusOutEvent(self, event) -> None:
        self.set_showing_original(False)  # a release that went elsewhere
        super().focusOutEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_clip()

    def wheelEvent(self, event) -> None:
        super().wheelEvent(event)
        self._update_clip()

    def _apply_scale(self, factor: float) -> None:
        super()._apply_scale(factor)
        self._update_clip()

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        super().drawForeground(painter, rect)
        if self._item.image().isNull():
            return
        painter.save()
        painter.resetTransform()
        height = self.viewport().height()
        metrics = painter.fontMetrics()
        if self._holding:
            self._label(
                painter, QPointF(8, 8), translate("SplitView", "Original (Space held)"), metrics
            )
            painter.restore()
            return
        x = self.divider_x()
        painter.setPen(QPen(QColor(255, 255, 255, 220), 2))
        painter.drawLine(x, 0, x, height)
        painter.setPen(QPen(QColor(0, 0, 0, 120), 1))
        painter.drawLine(x + 1, 0, x + 1, height)
        handle = QRectF(x - 7, height / 2 - 18, 14, 36)
        painter.setBrush(QColor(255, 255, 255, 230))
        painter.setPen(QPen(QColor(0, 0, 0, 140), 1))
        painter.drawRoundedRect(handle, 4, 4)
        left = self.left_label()
        right = "Original" if left == "Compressed" else "Compressed"
        left, right = translate("Views", left), translate("Views", right)
        self._label(
            painter, QPointF(x - 8 - metrics.horizontalAdvance(left) - 12, 8), left, metrics
        )
        self._label(painter, QPointF(x + 8, 8), right, metrics)
        painter.restore()

    @staticmethod
    def _label(painter: QPainter, at: QPointF, text: str, metrics) -> None:
        box = QRectF(at.x(), at.y(), metrics.horizontalAdvance(text) + 12, metrics.height() + 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 150))
        painter.drawRoundedRect(box, 3, 3)
        painter.setPen(QColor("white"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


class _BackdropRect(QGraphicsRectItem):
    """The left side's clip: it paints the backdrop, so that the compressed image under it
    does not show through the original's transparent pixels."""

    def paint(self, painter: QPainter, option, widget=None) -> None:
        views = self.scene().views() if self.scene() is not None else []
        scale = views[0].transform().m11() if views else 1.0
        backdrop.paint(painter, self.rect(), scale)
