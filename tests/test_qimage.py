"""The one adapter between NumPy arrays and QImage: round trips, owned memory, formats."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from kmeans_gui.app import qimage
from kmeans_gui.app.qimage import (
    array_to_qimage,
    display_qimage,
    indexed_qimage,
    qimage_to_array,
    shared_rgb_qimage,
    thumbnail,
)


# -- ndarray <-> QImage -------------------------------------------------------------------------
@pytest.mark.parametrize("width", [1, 3, 5, 64])  # odd widths: rows padded to 4 bytes in QImage
@pytest.mark.parametrize("band_bytes", [50, 4 << 20])  # copied in several bands, or one
def test_rgb_array_round_trips_through_qimage(width, band_bytes, monkeypatch):
    monkeypatch.setattr(qimage, "_BAND_BYTES", band_bytes)
    rgb = np.random.default_rng(width).integers(0, 256, (7, width, 3), dtype=np.uint8)
    image = array_to_qimage(rgb)
    assert image.format() == QImage.Format.Format_RGB888
    assert (image.width(), image.height()) == (width, 7)
    assert np.array_equal(qimage_to_array(image), rgb)
    shown = array_to_qimage(rgb, display=True)
    assert np.array_equal(qimage_to_array(shown), rgb)


def test_rgba_array_round_trips_through_qimage():
    rng = np.random.default_rng(1)
    rgb = rng.integers(0, 256, (5, 9, 3), dtype=np.uint8)
    alpha = rng.integers(0, 256, (5, 9), dtype=np.uint8)
    image = array_to_qimage(rgb, alpha)
    assert image.format() == QImage.Format.Format_RGBA8888
    back = qimage_to_array(image)
    assert back.shape == (5, 9, 4)
    assert np.array_equal(back[..., :3], rgb) and np.array_equal(back[..., 3], alpha)


def test_qimage_owns_its_memory():
    rgb = np.full((4, 4, 3), 200, dtype=np.uint8)
    image = array_to_qimage(rgb)
    rgb[:] = 0
    del rgb
    assert image.pixelColor(2, 2).red() == 200


def _address(image: QImage) -> int:
    return np.frombuffer(image.constBits(), dtype=np.uint8).ctypes.data


@pytest.mark.parametrize("width", [1, 5, 64])
def test_shared_rgb_qimage_shows_the_array_itself(width):
    rgb = np.random.default_rng(width).integers(0, 256, (6, width, 3), dtype=np.uint8)
    expected = rgb.copy()
    image = shared_rgb_qimage(rgb)
    assert image.format() == QImage.Format.Format_RGB888
    assert image.sizeInBytes() == 6 * width * 3  # no 32-bit copy, rows not padded
    assert _address(image) == rgb.ctypes.data
    del rgb  # PySide keeps the array alive while the QImage uses it
    assert np.array_equal(qimage_to_array(image), expected)
    assert display_qimage(expected).format() == QImage.Format.Format_RGB888
    alpha = np.full(expected.shape[:2], 128, np.uint8)  # with alpha: a premultiplied copy
    assert display_qimage(expected, alpha).format() == QImage.Format.Format_ARGB32_Premultiplied


def test_indexed_qimage_shows_the_indices_with_the_palette_as_colour_table():
    indices = np.array([[0, 1, 2], [2, 2, 1]], dtype=np.uint8)
    palette = np.array([[255, 0, 0, 255], [0, 255, 0, 0], [0, 0, 255, 128]], dtype=np.uint8)
    image = indexed_qimage(indices, palette)
    assert image.format() == QImage.Format.Format_Indexed8 and image.sizeInBytes() == 6
    assert _address(image) == indices.ctypes.data
    back = qimage_to_array(image)
    assert np.array_equal(back, palette[indices])  # straight RGBA entries, alpha included
    opaque = qimage_to_array(indexed_qimage(indices, palette[:, :3]))
    assert np.array_equal(opaque, palette[:, :3][indices])
    with pytest.raises(ValueError):
        indexed_qimage(indices.astype(np.int32), palette)
    with pytest.raises(ValueError):
        indexed_qimage(indices, np.zeros((257, 3), np.uint8))


def test_qimage_from_qt_converts_to_array():
    image = QImage(3, 2, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.red)
    array = qimage_to_array(image)
    assert array.shape == (2, 3, 4)
    assert array[0, 0].tolist() == [255, 0, 0, 255]
    opaque = QImage(3, 2, QImage.Format.Format_RGB32)
    opaque.fill(Qt.GlobalColor.blue)
    assert qimage_to_array(opaque)[1, 2].tolist() == [0, 0, 255]


def test_adapter_rejects_bad_arrays():
    with pytest.raises(TypeError):
        array_to_qimage(np.zeros((2, 2, 3), dtype=np.float32))
    with pytest.raises(ValueError):
        array_to_qimage(np.zeros((2, 2), dtype=np.uint8))
    with pytest.raises(ValueError):
        array_to_qimage(np.zeros((2, 2, 3), np.uint8), np.zeros((3, 2), np.uint8))
    with pytest.raises(ValueError):
        qimage_to_array(QImage())


def test_display_format_and_thumbnail():
    rgb = np.zeros((300, 900, 3), dtype=np.uint8)
    rgb[:, 450:] = (10, 200, 30)
    image = array_to_qimage(rgb)
    shown = array_to_qimage(rgb, display=True)
    assert shown.format() == QImage.Format.Format_RGB32
    assert shown.pixelColor(800, 10).getRgb() == (10, 200, 30, 255)
    assert np.array_equal(qimage_to_array(shown), rgb)
    small = thumbnail(image, 96)  # 96 x 32, centred on a transparent square
    assert (small.width(), small.height()) == (96, 96)
    assert small.pixelColor(90, 48).getRgb() == (10, 200, 30, 255)
    assert small.pixelColor(90, 10).alpha() == 0 and small.pixelColor(90, 85).alpha() == 0
    thin = thumbnail(array_to_qimage(np.zeros((100_000, 1, 3), np.uint8)), 96)
    assert (thin.width(), thin.height()) == (96, 96)
    assert thin.pixelColor(47, 50).alpha() == 255  # the one-pixel column is kept, not lost
    alpha = np.full((300, 900), 255, np.uint8)
    alpha[0, 0] = 0
    alpha[0, 1] = 128
    rgb[0, 1] = (200, 100, 50)
    shown = array_to_qimage(rgb, alpha, display=True)
    assert shown.format() == QImage.Format.Format_ARGB32_Premultiplied
    back = qimage_to_array(shown)  # un-premultiplied by Qt
    assert back[0, 0, 3] == 0 and back[0, 1, 3] == 128
    assert np.abs(back[0, 1, :3].astype(int) - (200, 100, 50)).max() <= 2
    assert np.array_equal(back[1:, :, :3], rgb[1:])
