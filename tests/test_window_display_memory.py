"""What the window keeps to show an image (issue #13: a 100-megapixel photo within 2 GB).

The views paint the worker's compact QImages themselves: the original over the decoded array
(3 bytes per pixel, no copy), the result over the file's own indices (1 byte per pixel), the
heat map over its scale's 256 levels; no 32-bit copy, no QPixmap. The peak at 100 megapixels
is measured by benchmarks/window_memory.py.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QGraphicsPixmapItem

from kmeans_gui import engine
from kmeans_gui.app import heatmap, job_context
from kmeans_gui.app.imageitem import highlight_veil
from kmeans_gui.app.qimage import qimage_to_array
from kmeans_gui.imaging import decode_output, load_image

TIMEOUT = 60_000
WIDTH, HEIGHT = 301, 200  # an odd width: rows of 903 bytes, not padded to 4


def _address(image: QImage) -> int:
    return np.frombuffer(image.constBits(), dtype=np.uint8).ctypes.data


def _shown(qtbot, window, path: Path, k: int = 16):
    def check(shown_path: str, shown_k: int) -> bool:
        return shown_path == str(path) and shown_k == k

    window.resize(1300, 850)
    window.show()
    with qtbot.waitSignal(window.compression_finished, timeout=TIMEOUT, check_params_cb=check):
        window.set_k(k)
        window.open_paths([path])
    return window.shown_result()


@pytest.fixture
def photo(tmp_path) -> Path:
    """A smooth photo-like image with many colours."""
    y, x = np.mgrid[0:HEIGHT, 0:WIDTH]
    rgb = np.dstack([x * 255 // WIDTH, y * 255 // HEIGHT, (x + y) * 255 // (WIDTH + HEIGHT)])
    path = tmp_path / "photo.png"
    Image.fromarray(rgb.astype(np.uint8)).save(path)
    return path


def test_the_views_show_compact_images_and_no_copies(qtbot, window, photo):
    result = _shown(qtbot, window, photo)
    pair = window.views().pair
    original, compressed = pair.original.image(), pair.compressed.image()
    # The original is the worker's decoded array itself: 3 bytes per pixel, no copy.
    assert original.format() == QImage.Format.Format_RGB888
    assert original.sizeInBytes() == WIDTH * HEIGHT * 3
    cached = window._scheduler.worker._cache.get(photo, True, lambda: False)
    assert _address(original) == cached.image.rgb.ctypes.data
    assert np.array_equal(qimage_to_array(original), load_image(photo).rgb)
    # The result is the file's palette and indices: 1 byte per pixel, the file's colours.
    assert compressed.format() == QImage.Format.Format_Indexed8
    assert compressed.sizeInBytes() == WIDTH * HEIGHT
    assert compressed.colorCount() == result.palette.shape[0]
    decoded, alpha = decode_output(result.encoded)
    assert alpha is None
    assert np.array_equal(qimage_to_array(compressed), decoded)
    # The views paint those QImages, never a QPixmap copy; the split view shares them too.
    window.views().set_view("split")
    split = window.views().split
    qtbot.waitUntil(lambda: not split.image().isNull(), timeout=TIMEOUT)
    assert split._item.image().cacheKey() == compressed.cacheKey()
    assert split._left.image().cacheKey() == original.cacheKey()
    for view in (pair.original, pair.compressed, split):
        assert not any(isinstance(i, QGraphicsPixmapItem) for i in view.scene().items())


def test_the_heat_map_is_one_byte_per_pixel(qtbot, window, photo):
    result = _shown(qtbot, window, photo)
    with qtbot.waitSignal(window.heat_map_shown, timeout=TIMEOUT):
        window.views().set_view("difference")
    heat = window.views().difference.image()
    assert heat.format() == QImage.Format.Format_Indexed8
    assert heat.sizeInBytes() == WIDTH * HEIGHT and heat.colorCount() == 256
    expected = engine.delta_e_map(load_image(photo).rgb, decode_output(result.encoded)[0])
    lightness = qimage_to_array(heat).astype(int) @ np.array([299, 587, 114])
    assert lightness.flat[int(np.argmax(expected))] == lightness.max()


def test_a_transparent_result_shows_the_files_own_opacity(qtbot, window, tmp_path):
    rng = np.random.default_rng(3)
    rgb = rng.integers(0, 256, (HEIGHT, WIDTH, 3), dtype=np.uint8)
    alpha = np.full((HEIGHT, WIDTH), 255, np.uint8)
    alpha[:, :50] = 0  # a transparent band: a transparent palette entry
    path = tmp_path / "band.png"
    Image.fromarray(np.dstack([rgb, alpha]), "RGBA").save(path)
    result = _shown(qtbot, window, path)
    compressed = window.views().pair.compressed.image()
    assert compressed.format() == QImage.Format.Format_Indexed8
    assert result.transparent_index is not None
    shown = qimage_to_array(compressed)
    decoded, decoded_alpha = decode_output(result.encoded)
    assert np.array_equal(shown[..., 3], decoded_alpha)
    assert np.all(shown[:, :50, 3] == 0) and np.all(shown[:, 50:, 3] == 255)
    assert np.array_equal(shown[:, 50:, :3], decoded[:, 50:])


def test_the_highlight_veil_reads_the_indexed_image_without_a_copy():
    indices = np.array([[0, 1, 2], [2, 1, 0]], dtype=np.uint8)
    image = QImage(indices, 3, 2, 3, QImage.Format.Format_Indexed8)
    image.setColorTable([0xFF102030, 0xFF405060, 0x00405060])  # entry 2: the same, transparent
    veil = highlight_veil(image, (0x40, 0x50, 0x60))
    assert veil.format() == QImage.Format.Format_Indexed8
    assert _address(veil) == _address(image)
    clear = qimage_to_array(veil)[..., 3] == 0
    assert clear.tolist() == [[False, True, False], [False, True, False]]
    rgb = QImage(3, 1, QImage.Format.Format_RGB888)  # other formats: a 1-bit mask
    rgb.fill(0x405060)
    mask = highlight_veil(rgb, (0x40, 0x50, 0x60))
    assert mask.depth() == 1 and np.all(qimage_to_array(mask)[..., 3] == 0)


def test_heat_levels_place_values_on_the_scale_in_blocks(monkeypatch):
    values = np.array([[0.0, 0.25, 1.0, 4.0, 9.0]], dtype=np.float32).repeat(7, axis=0)
    monkeypatch.setattr(heatmap, "_BLOCK_VALUES", 10)  # two rows per block
    levels = heatmap.heat_levels(values, 4.0)
    assert levels.dtype == np.uint8 and levels.shape == values.shape
    assert levels[0].tolist() == [0, 64, 128, 255, 255]  # square root of value / top
    assert np.all(levels == levels[0])


def test_the_window_refuses_translucent_images_above_its_own_limit(
    qtbot, window, tmp_path, monkeypatch
):
    monkeypatch.setattr(job_context, "WINDOW_TRANSLUCENT_PIXELS", 1000)
    rng = np.random.default_rng(4)
    rgb = rng.integers(0, 256, (40, 40, 3), dtype=np.uint8)
    ramp = np.tile(np.linspace(0, 255, 40).astype(np.uint8), (40, 1))
    translucent = tmp_path / "shadow.png"
    Image.fromarray(np.dstack([rgb, ramp]), "RGBA").save(translucent)
    original = translucent.read_bytes()
    cutout = tmp_path / "cutout.png"  # only fully transparent pixels: not limited
    Image.fromarray(np.dstack([rgb, np.where(ramp > 127, 255, 0).astype(np.uint8)])).save(cutout)
    assert load_image(translucent).alpha is not None  # the command line reads it
    window.open_paths([translucent, cutout])
    qtbot.waitUntil(window.is_idle, timeout=TIMEOUT)
    state, message = window.state(translucent)
    assert state == "error" and "\n" not in message
    assert message.startswith("is 1600 pixels with partly transparent pixels")
    assert "limit for such images in the window is 1000 pixels" in message
    assert message.endswith("kmeans-compress reads up to 16 megapixels")
    assert translucent.read_bytes() == original
    assert window.state(cutout)[0] == "done"
