"""A graphics item that paints a QImage as it is, and the veil that singles out one colour.

A QGraphicsPixmapItem would hold a QPixmap: a second copy of the image in 4 bytes per pixel
(400 MB for a 100-megapixel photo, issue #13). Painting the QImage itself keeps the compact
formats the worker makes (``Format_RGB888`` over the decoded array, ``Format_Indexed8`` for a
palette file); Qt converts only the pixels on screen while it paints.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsItem

VEIL = QColor(0, 0, 0, 185).rgba()  # over the pixels of other colours
CLEAR = QColor(0, 0, 0, 0).rgba()


class ImageItem(QGraphicsItem):
    """A QImage in a graphics scene, with its top-left corner at the item's origin."""

    def __init__(self, parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self._image = QImage()
        self._mode = Qt.TransformationMode.FastTransformation

    def image(self) -> QImage:
        """The image painted (a null QImage when none)."""
        return self._image

    def set_image(self, image: QImage | None) -> None:
        """Paint `image` from now on (None: nothing)."""
        self.prepareGeometryChange()
        self._image = QImage() if image is None else image
        self.update()

    def transformationMode(self) -> Qt.TransformationMode:
        """Smooth (bilinear) or fast (nearest pixel) when the view scales the image."""
        return self._mode

    def setTransformationMode(self, mode: Qt.TransformationMode) -> None:
        """Paint scaled images smoothly or with crisp pixels."""
        if mode != self._mode:
            self._mode = mode
            self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self._image.width(), self._image.height())

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self._image.isNull():
            return
        smooth = self._mode == Qt.TransformationMode.SmoothTransformation
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, smooth)
        painter.drawImage(QPointF(0, 0), self._image)


def highlight_veil(image: QImage, rgb: tuple[int, int, int]) -> QImage:
    """A veil to paint over `image`: dark over every pixel of another colour than `rgb`,
    clear over the pixels of that colour (those of a palette entry, to make them stand out).

    An ``Format_Indexed8`` image gets a veil of the same size that reads `image`'s own pixels
    with another colour table, no copy (so `image` must outlive it); other formats a 1-bit
    mask (1/32 of a 32-bit image).
    """
    target = QColor(*rgb).rgb() & 0xFFFFFF
    if image.format() == QImage.Format.Format_Indexed8:
        veil = QImage(
            image.constBits(), image.width(), image.height(), image.bytesPerLine(),
            QImage.Format.Format_Indexed8,
        )  # fmt: skip
        veil.setColorTable(
            [CLEAR if (c & 0xFFFFFF) == target and c >> 24 else VEIL for c in image.colorTable()]
        )
        return veil
    mask = image.createMaskFromColor(0xFF000000 | target, Qt.MaskMode.MaskInColor)
    mask.setColorTable([VEIL, CLEAR])
    return mask
