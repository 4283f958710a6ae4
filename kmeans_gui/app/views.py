"""The original and compressed previews side by side, zoomed and panned together."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QImage,
    QPainter,
    QPalette,
    QPen,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGraphicsScene,
    QGraphicsView,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from . import backdrop
from .i18n import translate
from .imageitem import ImageItem, highlight_veil
from .signals import emit

SPACING = 6
ZOOM_STEP = 1.25
MIN_SCALE = 1 / 64
MAX_SCALE = 32.0


class ImageView(QGraphicsView):
    """One image in a scroll area, with a message in place of the image when there is none.

    Wheel zooms about the pointer and dragging pans; ``user_zoomed`` tells the pair.
    """

    user_zoomed = Signal()
    image_changed = Signal()
    picked = Signal(int, int)  # image pixel clicked while picking (see set_picking)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self._item = ImageItem()  # the QImage itself: no QPixmap copy (issue #13)
        self._item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self._scene.addItem(self._item)
        # A veil over every pixel but one colour's (see set_highlight), scaled with the image.
        self._veil = ImageItem(self._item)
        self._veil.setVisible(False)
        self._picking = False
        self._image = QImage()
        self._message = ""
        self._fitting = True
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAcceptDrops(False)  # drops go to the window
        self.setBackgroundBrush(self.palette().color(QPalette.ColorRole.Window).darker(115))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(120, 120)
        backdrop.register(self)

    def image(self) -> QImage:
        """The image shown (a null QImage when none)."""
        return self._image

    def set_image(self, image: QImage | None, scale: float = 1.0) -> None:
        """Show an image (None: no image); the message is cleared.

        A ``scale`` above 1 shows a downscaled stand-in (a quick preview) drawn at the size of
        the image it stands for, so that zoom and pan stay in step with the other view.
        """
        self._image = QImage() if image is None else image
        self._veil.setVisible(False)
        self._veil.set_image(None)  # it may read the image it veiled
        self._item.setScale(scale)
        if image is None or image.isNull():
            self._item.set_image(None)
            self._scene.setSceneRect(QRectF())
        else:
            self._item.set_image(image)
            self._scene.setSceneRect(QRectF(0, 0, image.width() * scale, image.height() * scale))
            if self._fitting:
                self.fit()
            self._update_smoothing()
        self._message = ""
        self.viewport().update()
        emit(self.image_changed)

    def set_highlight(self, rgb: tuple[int, int, int] | None) -> None:
        """Dim every pixel of another colour than ``rgb`` (a palette entry's pixels stand
        out); None shows the image as it is."""
        if rgb is None or self._image.isNull():
            self._veil.setVisible(False)
            return
        self._veil.set_image(highlight_veil(self._image, rgb))
        self._veil.setVisible(True)

    def highlighted(self) -> bool:
        """Whether a colour's pixels are highlighted."""
        return self._veil.isVisible()

    def set_picking(self, on: bool) -> None:
        """While on, a click emits ``picked(x, y)`` with the image pixel under it."""
        self._picking = on
        self.setDragMode(
            QGraphicsView.DragMode.NoDrag if on else QGraphicsView.DragMode.ScrollHandDrag
        )
        self.viewport().setCursor(
            Qt.CursorShape.CrossCursor if on else Qt.CursorShape.OpenHandCursor
        )

    def mousePressEvent(self, event) -> None:
        if self._picking and event.button() == Qt.MouseButton.LeftButton:
            point = self._item.mapFromScene(self.mapToScene(event.position().toPoint()))
            x, y = int(point.x()), int(point.y())
            if 0 <= x < self._image.width() and 0 <= y < self._image.height():
                emit(self.picked, x, y)
            event.accept()
            return
        super().mousePressEvent(event)

    def set_message(self, text: str) -> None:
        """A line of text drawn over the view (e.g. "Compressing…"); "" removes it."""
        self._message = text
        self.viewport().update()

    def message(self) -> str:
        """The message shown over the view."""
        return self._message

    def scale_factor(self) -> float:
        """Logical (device-independent) pixels per image pixel."""
        return self.transform().m11()

    def actual_scale(self) -> float:
        """The scale of 100%: one image pixel per device pixel of the screen (at 200 % display
        scaling, half a logical pixel)."""
        return 1.0 / self.devicePixelRatioF()

    def device_scale(self) -> float:
        """Device pixels per image pixel (1 at 100%)."""
        return self.scale_factor() * self.devicePixelRatioF()

    def actual_size(self) -> None:
        """100%: one image pixel per device pixel (and stop fitting)."""
        self.set_scale(self.actual_scale())

    def set_scale(self, factor: float) -> None:
        """Zoom to `factor` screen pixels per image pixel (and stop fitting)."""
        self._fitting = False
        self._apply_scale(factor)

    def is_fitting(self) -> bool:
        """Whether the image is fitted to the view, also after a resize or a new image."""
        return self._fitting

    def fit(self) -> None:
        """Zoom so that the whole image fits (never above 100%: one image pixel per device
        pixel), and keep it fitted."""
        self._fitting = True
        if self._image.isNull():
            return
        view = self.viewport().rect()
        extent = self._scene.sceneRect()
        factor = min(
            view.width() / max(extent.width(), 1.0),
            view.height() / max(extent.height(), 1.0),
            self.actual_scale(),
        )
        self._apply_scale(factor)
        self.centerOn(self._item)

    def _apply_scale(self, factor: float) -> None:
        factor = min(max(factor, MIN_SCALE), MAX_SCALE)
        self.setTransform(QTransform.fromScale(factor, factor))
        self._update_smoothing()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._fitting:
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if not steps or self._image.isNull():
            return
        factor = min(max(self.scale_factor() * ZOOM_STEP**steps, MIN_SCALE), MAX_SCALE)
        relative = factor / self.scale_factor()
        self._fitting = False
        self.scale(relative, relative)  # about the pointer (AnchorUnderMouse)
        self._update_smoothing()
        emit(self.user_zoomed)
        event.accept()

    def _update_smoothing(self) -> None:
        # Smooth when shrinking; crisp pixels at 100% and when enlarging, to see the palette's
        # effect and dithering (a downscaled stand-in is always smoothed: its pixels are not
        # the image's). Measured in device pixels, so also at 150 or 200 % display scaling.
        smooth = self.device_scale() < 1.0 - 1e-9 or self._item.scale() != 1.0
        self._item.setTransformationMode(
            Qt.TransformationMode.SmoothTransformation
            if smooth
            else Qt.TransformationMode.FastTransformation
        )

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        """The view's background, and the backdrop (see :mod:`.backdrop`) under the image."""
        super().drawBackground(painter, rect)
        if not self._item.image().isNull():
            area = self._item.sceneBoundingRect().intersected(QRectF(rect))
            if not area.isEmpty():
                backdrop.paint(painter, area, self.scale_factor())

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.viewport().update()  # the focus ring

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.viewport().update()

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        if self.hasFocus():  # a visible focus for keyboard users (the view has no frame)
            painter.save()
            painter.resetTransform()
            pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 3)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.viewport().rect().adjusted(1, 1, -2, -2))
            painter.restore()
        if not self._message:
            return
        painter.save()
        painter.resetTransform()
        box = self.viewport().rect().adjusted(12, 12, -12, -12)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        if not self._image.isNull():  # over an image: a readable band
            metrics = painter.fontMetrics()
            band = metrics.boundingRect(
                box, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._message
            ).adjusted(-10, -6, 10, 6)
            painter.fillRect(band, QColor(0, 0, 0, 150))
            painter.setPen(QColor("white"))
        painter.drawText(
            box, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._message
        )
        painter.restore()


class ImagePair(QWidget):
    """Original and compressed views, captioned, with one zoom and one scroll position.

    Fit-to-window is the default and holds while the window is resized; wheel zoom on
    either view, ``actual_size`` or the zoom steps leave it until ``fit`` is called. The two
    views sit side by side, or one above the other when that shows the image larger (wide
    photos in a tall window).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.original = ImageView(self)
        self.compressed = ImageView(self)
        self.original_caption = QLabel(translate("Views", "Original"), self)
        self.compressed_caption = QLabel(translate("Views", "Compressed"), self)
        self.original.setAccessibleName(translate("Views", "Original image"))
        self.compressed.setAccessibleName(translate("Views", "Compressed image"))
        for caption in (self.original_caption, self.compressed_caption):
            caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._box.setSpacing(SPACING)
        for caption, view in (
            (self.original_caption, self.original),
            (self.compressed_caption, self.compressed),
        ):
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(caption)
            column.addWidget(view, 1)
            self._box.addLayout(column, 1)
            view.image_changed.connect(self._choose_direction)
        self._syncing = False
        for source, target in ((self.original, self.compressed), (self.compressed, self.original)):
            source.user_zoomed.connect(lambda s=source, t=target: self._follow_zoom(s, t))
            for bar, other in (
                (source.horizontalScrollBar(), target.horizontalScrollBar()),
                (source.verticalScrollBar(), target.verticalScrollBar()),
            ):
                bar.valueChanged.connect(lambda value, o=other: self._follow_scroll(o, value))

    def views(self) -> tuple[ImageView, ImageView]:
        """(original, compressed)."""
        return self.original, self.compressed

    def is_stacked(self) -> bool:
        """Whether the views are one above the other (rather than side by side)."""
        return self._box.direction() == QBoxLayout.Direction.TopToBottom

    def _choose_direction(self) -> None:
        """Side by side or stacked: whichever fits the image larger (by a margin, to settle)."""
        image = self.original.image()
        if image.isNull():
            image = self.compressed.image()
        if image.isNull() or self.width() <= 0 or self.height() <= 0:
            return
        caption = self.original_caption.sizeHint().height() + 2
        width, height = self.width(), self.height()
        iw, ih = image.width(), image.height()
        side = min((width - SPACING) / 2 / iw, (height - caption) / ih)
        stacked = min(width / iw, ((height - SPACING) / 2 - caption) / ih)
        # Switch only for a clear gain, so that a resize near the tie does not flip-flop.
        stack = side <= stacked * 1.1 if self.is_stacked() else stacked > side * 1.1
        direction = QBoxLayout.Direction.TopToBottom if stack else QBoxLayout.Direction.LeftToRight
        if direction != self._box.direction():
            self._box.setDirection(direction)

    def is_fit(self) -> bool:
        """Whether the views fit the image to the window."""
        return self.original.is_fitting()

    @Slot()
    def fit(self) -> None:
        """Fit both images to their views, and keep fitting on resize."""
        for view in self.views():
            view.fit()

    @Slot()
    def actual_size(self) -> None:
        """One image pixel per device pixel of the screen."""
        self._set_scale(self.original.actual_scale())

    @Slot()
    def zoom_in(self) -> None:
        """Zoom in one step."""
        self._set_scale(self.original.scale_factor() * ZOOM_STEP)

    @Slot()
    def zoom_out(self) -> None:
        """Zoom out one step."""
        self._set_scale(self.original.scale_factor() / ZOOM_STEP)

    def sync_from(self, source: ImageView) -> None:
        """Give the other view `source`'s zoom and scroll position (after a new image)."""
        target = self.compressed if source is self.original else self.original
        if source.is_fitting():
            target.fit()
        else:
            self._follow_zoom(source, target)

    def _set_scale(self, factor: float) -> None:
        centre = self.original.mapToScene(self.original.viewport().rect().center())
        for view in self.views():
            view.set_scale(factor)
            view.centerOn(centre)

    def _follow_zoom(self, source: ImageView, target: ImageView) -> None:
        target.set_scale(source.scale_factor())
        self._follow_scroll(target.horizontalScrollBar(), source.horizontalScrollBar().value())
        self._follow_scroll(target.verticalScrollBar(), source.verticalScrollBar().value())

    def _follow_scroll(self, bar, value: int) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            bar.setValue(value)
        finally:
            self._syncing = False

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._choose_direction()
