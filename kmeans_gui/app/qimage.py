"""The one adapter between NumPy arrays and QImage: explicit pixel formats, explicit copies.

``array_to_qimage`` makes QImages that own their pixels: allocated by Qt, the array copied in,
so the array may be freed or changed afterwards. ``shared_rgb_qimage`` and ``indexed_qimage``
show an array without a copy (the 100-megapixel images the window shows, issue #13): PySide
keeps the array alive while any QImage uses it, and neither side may write to it afterwards.
QImage (unlike QPixmap) may be made in any thread. The copy is done by NumPy in bands of
rows rather than by one long QImage call, because PySide6 keeps the GIL during QImage calls:
a 12-megapixel ``QImage.copy()`` or ``convertToFormat()`` in the worker would stall the GUI
thread for 30-40 ms.
"""

from __future__ import annotations

import sys

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter

_BAND_BYTES = 4 << 20  # copy about 4 MB at a time, then let other threads have the GIL


def array_to_qimage(
    rgb: np.ndarray, alpha: np.ndarray | None = None, *, display: bool = False
) -> QImage:
    """Copy an RGB (or RGB + alpha) array into a new QImage.

    Parameters
    ----------
    rgb : ndarray of shape (height, width, 3), dtype uint8
    alpha : ndarray of shape (height, width), dtype uint8, optional
        Straight (not premultiplied) opacity, 255 = opaque.
    display : bool
        False: ``Format_RGB888``, or ``Format_RGBA8888`` with alpha (byte order R, G, B, A).
        True: the formats Qt paints fastest, ``Format_RGB32`` or
        ``Format_ARGB32_Premultiplied`` (32-bit 0xAARRGGBB words), for small previews; a
        full-size image is shown with :func:`display_qimage` instead.

    Returns
    -------
    QImage
        Owning its memory.
    """
    _check_rgb(rgb)
    height, width = rgb.shape[:2]
    if alpha is not None and (alpha.shape != (height, width) or alpha.dtype != np.uint8):
        raise ValueError(
            f"alpha shape={alpha.shape} dtype={alpha.dtype} should be ({height}, {width}) uint8"
        )
    if display:
        fmt = (
            QImage.Format.Format_RGB32
            if alpha is None
            else QImage.Format.Format_ARGB32_Premultiplied
        )
        # Bytes of a native-endian 0xAARRGGBB word.
        order = (2, 1, 0, 3) if sys.byteorder == "little" else (1, 2, 3, 0)
    else:
        fmt = QImage.Format.Format_RGB888 if alpha is None else QImage.Format.Format_RGBA8888
        order = (0, 1, 2, 3)
    channels = 3 if fmt == QImage.Format.Format_RGB888 else 4
    image = QImage(width, height, fmt)
    if image.isNull():
        raise MemoryError(f"no memory for a {width} x {height} image")
    stride = image.bytesPerLine()
    buffer = np.frombuffer(image.bits(), dtype=np.uint8, count=height * stride)
    pixels = buffer.reshape(height, stride)[:, : width * channels].reshape(height, width, channels)
    band = max(1, _BAND_BYTES // (width * channels))
    for top in range(0, height, band):
        rows = slice(top, top + band)
        out = pixels[rows]
        if alpha is not None and display:  # premultiplied
            a = alpha[rows].astype(np.uint16)
            for c in range(3):
                out[..., order[c]] = (rgb[rows, :, c] * a + 127) // 255
        else:
            for c in range(3):
                out[..., order[c]] = rgb[rows, :, c]
        if channels == 4:
            out[..., order[3]] = 255 if alpha is None else alpha[rows]
    return image


def shared_rgb_qimage(rgb: np.ndarray) -> QImage:
    """A ``Format_RGB888`` QImage showing `rgb` itself, 0 bytes more (a copy in the 32-bit
    format Qt paints fastest would take 4 bytes per pixel).

    Parameters
    ----------
    rgb : ndarray of shape (height, width, 3), dtype uint8
        Not written afterwards (by either side) while the QImage lives.
    """
    _check_rgb(rgb)
    height, width = rgb.shape[:2]
    rows = np.ascontiguousarray(rgb).view()
    rows.flags.writeable = False
    return QImage(rows, width, height, width * 3, QImage.Format.Format_RGB888)


def indexed_qimage(indices: np.ndarray, palette: np.ndarray) -> QImage:
    """A ``Format_Indexed8`` QImage of palette entries, showing `indices` itself (1 byte per
    pixel, where a 32-bit copy would take 4).

    Parameters
    ----------
    indices : ndarray of shape (height, width), dtype uint8
        Every pixel's entry, all < n; not written afterwards while the QImage lives.
    palette : ndarray of shape (n, 3) or straight RGBA (n, 4), dtype uint8, n <= 256
    """
    if indices.ndim != 2 or indices.dtype != np.uint8 or 0 in indices.shape:
        raise ValueError(
            f"indices shape={indices.shape} dtype={indices.dtype} should be (height, width) uint8"
        )
    if palette.ndim != 2 or palette.shape[1] not in (3, 4) or not 0 < palette.shape[0] <= 256:
        raise ValueError(f"palette shape={palette.shape} should be (n, 3) or (n, 4), n <= 256")
    height, width = indices.shape
    rows = np.ascontiguousarray(indices).view()
    rows.flags.writeable = False
    image = QImage(rows, width, height, width, QImage.Format.Format_Indexed8)
    entries = palette.astype(np.uint32)
    alphas = entries[:, 3] if palette.shape[1] == 4 else np.full(len(entries), 255, np.uint32)
    table = (alphas << 24) | (entries[:, 0] << 16) | (entries[:, 1] << 8) | entries[:, 2]
    image.setColorTable([int(v) for v in table])
    return image


def display_qimage(rgb: np.ndarray, alpha: np.ndarray | None = None) -> QImage:
    """An image to show at its full size, with the least memory: `rgb` itself when opaque
    (``shared_rgb_qimage``), else a premultiplied 32-bit copy (``array_to_qimage``)."""
    if alpha is None:
        return shared_rgb_qimage(rgb)
    return array_to_qimage(rgb, alpha, display=True)


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


def _check_rgb(rgb: np.ndarray) -> None:
    if not isinstance(rgb, np.ndarray) or rgb.dtype != np.uint8:
        raise TypeError(f"rgb should be a uint8 NumPy array, got {getattr(rgb, 'dtype', rgb)!r}")
    if rgb.ndim != 3 or rgb.shape[2] != 3 or rgb.shape[0] == 0 or rgb.shape[1] == 0:
        raise ValueError(f"rgb shape={rgb.shape} should be (height, width, 3) with pixels")


def thumbnail(image: QImage, size: int) -> QImage:
    """A smooth downscale fitting in a `size` x `size` square (images never grow), centred on
    a transparent square canvas.

    Square, so that an icon made of it never scales a side to zero: a 1 x 100000 image would
    otherwise give an empty icon (and Qt warnings when it is painted).
    """
    if image.width() <= size and image.height() <= size:
        return _squared(image.copy())
    # Two steps: a fast halving to about twice the size, then a smooth pass, as good and
    # far faster on 12-megapixel photos than one smooth pass.
    coarse = image
    if max(image.width(), image.height()) > 4 * size:
        coarse = image.scaled(
            *_fitted(image, 4 * size), Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.FastTransformation,
        )  # fmt: skip
    return _squared(
        coarse.scaled(
            *_fitted(image, size),
            Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )  # fmt: skip
    )


def _fitted(image: QImage, size: int) -> tuple[int, int]:
    """Width and height of `image` scaled to fit a `size` square, each at least 1."""
    scale = size / max(image.width(), image.height())
    return max(1, round(image.width() * scale)), max(1, round(image.height() * scale))


def _squared(image: QImage) -> QImage:
    """`image` centred on a transparent square of its longer side (itself when square)."""
    side = max(image.width(), image.height())
    if image.width() == image.height():
        return image
    canvas = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    canvas.fill(Qt.GlobalColor.transparent)
    painter = QPainter(canvas)
    painter.drawImage((side - image.width()) // 2, (side - image.height()) // 2, image)
    painter.end()
    return canvas
