"""The one adapter between NumPy arrays and QImage: explicit pixel formats, explicit copies.

Every QImage made here owns its pixels (``.copy()``), so the array it came from may be freed
or changed afterwards. QImage (unlike QPixmap) may be made in any thread.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage


def array_to_qimage(rgb: np.ndarray, alpha: np.ndarray | None = None) -> QImage:
    """Copy an RGB (or RGB + alpha) array into a QImage that owns its memory.

    Parameters
    ----------
    rgb : ndarray of shape (height, width, 3), dtype uint8
    alpha : ndarray of shape (height, width), dtype uint8, optional
        Straight (not premultiplied) opacity, 255 = opaque.

    Returns
    -------
    QImage
        ``Format_RGB888`` without alpha, ``Format_RGBA8888`` with it.
    """
    if not isinstance(rgb, np.ndarray) or rgb.dtype != np.uint8:
        raise TypeError(f"rgb should be a uint8 NumPy array, got {getattr(rgb, 'dtype', rgb)!r}")
    if rgb.ndim != 3 or rgb.shape[2] != 3 or rgb.shape[0] == 0 or rgb.shape[1] == 0:
        raise ValueError(f"rgb shape={rgb.shape} should be (height, width, 3) with pixels")
    height, width = rgb.shape[:2]
    if alpha is None:
        pixels = np.ascontiguousarray(rgb)
        fmt = QImage.Format.Format_RGB888
    else:
        if alpha.shape != (height, width) or alpha.dtype != np.uint8:
            raise ValueError(
                f"alpha shape={alpha.shape} dtype={alpha.dtype} should be ({height}, {width}) uint8"
            )
        pixels = np.empty((height, width, 4), dtype=np.uint8)
        pixels[..., :3] = rgb
        pixels[..., 3] = alpha
        fmt = QImage.Format.Format_RGBA8888
    image = QImage(pixels.data, width, height, pixels.strides[0], fmt)
    return image.copy()  # the copy owns its memory; `pixels` may go


def qimage_to_array(image: QImage) -> np.ndarray:
    """Copy a QImage's pixels into a new array.

    Returns
    -------
    ndarray of shape (height, width, 3), dtype uint8, for an image without alpha channel;
    of shape (height, width, 4) (straight RGBA) for one with an alpha channel.
    """
    if image.isNull():
        raise ValueError("the image is empty")
    channels = 4 if image.hasAlphaChannel() else 3
    fmt = QImage.Format.Format_RGBA8888 if channels == 4 else QImage.Format.Format_RGB888
    converted = image.convertToFormat(fmt)
    height, width, stride = converted.height(), converted.width(), converted.bytesPerLine()
    buffer = np.frombuffer(converted.constBits(), dtype=np.uint8, count=height * stride)
    rows = buffer.reshape(height, stride)[:, : width * channels]
    return rows.reshape(height, width, channels).copy()


def for_display(image: QImage) -> QImage:
    """Convert to the format QPixmap uses natively, so ``QPixmap.fromImage`` is a plain copy.

    Converting a 12-megapixel RGB888 image costs some 50 ms, so it is done here, in the
    worker thread, rather than inside ``QPixmap.fromImage`` on the GUI thread.
    """
    fmt = (
        QImage.Format.Format_ARGB32_Premultiplied
        if image.hasAlphaChannel()
        else QImage.Format.Format_RGB32
    )
    return image.convertToFormat(fmt)


def thumbnail(image: QImage, size: int) -> QImage:
    """A smooth downscale fitting in a `size` x `size` square (images never grow)."""
    if image.width() <= size and image.height() <= size:
        return image.copy()
    # Two steps: a fast halving to about twice the size, then a smooth pass, as good and
    # far faster on 12-megapixel photos than one smooth pass.
    coarse = image
    if max(image.width(), image.height()) > 4 * size:
        coarse = image.scaled(
            4 * size, 4 * size, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.FastTransformation,
        )  # fmt: skip
    return coarse.scaled(
        size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
