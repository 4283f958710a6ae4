"""Tests for the window's parts: QImage adapter, settings, K steps, palette layout, views."""

from __future__ import annotations

import sys
import threading

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QByteArray, QObject, QPoint, QPointF, QRectF, QSettings, Qt, Signal
from PySide6.QtGui import QImage, QWheelEvent
from PySide6.QtWidgets import QSlider

from kmeans_gui.app import qimage, settings
from kmeans_gui.app.controls import K_STEPS, Controls, k_at, next_k, step_of
from kmeans_gui.app.palette import PaletteView, squarify
from kmeans_gui.app.qimage import array_to_qimage, qimage_to_array, thumbnail
from kmeans_gui.app.signals import emit
from kmeans_gui.app.stats import StatsPanel, ratio_text
from kmeans_gui.app.views import ImagePair
from kmeans_gui.compress import Options, compress
from kmeans_gui.imaging import load_image


@pytest.fixture(autouse=True)
def settings_file(tmp_path):
    settings.use_file(tmp_path / "settings.ini")
    yield tmp_path / "settings.ini"
    settings.use_file(None)


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


# -- settings --------------------------------------------------------------------------------
def test_settings_defaults_round_trip_and_bad_values(settings_file):
    assert settings.K.get() == 16
    assert settings.RECENT_FILES.get() == []
    assert settings.DITHER.get() == 0
    settings.K.set(40)
    settings.DITHER.set(60)
    settings.RECENT_FILES.set(["/a.png"])
    settings.GEOMETRY.set(QByteArray(b"\x01\x02"))
    store = settings.store()
    store.sync()
    assert settings.K.get() == 40
    assert settings.DITHER.get() == 60
    assert settings.RECENT_FILES.get() == ["/a.png"]
    assert bytes(settings.GEOMETRY.get().data()) == b"\x01\x02"
    store.setValue(settings.K.key, 999)
    store.setValue(settings.COLOR_SPACE.key, "hsv")
    store.setValue(settings.DITHER.key, 150)
    assert settings.DITHER.get(store) == 0
    assert settings.K.get(store) == 16
    assert settings.COLOR_SPACE.get(store) == "rgb"
    assert settings_file.exists()


def test_settings_are_written_off_the_calling_thread_and_read_back_at_once(
    settings_file, monkeypatch
):
    # QSettings syncs every write with fdatasync: not on the window's thread.
    writers = []
    write = settings._Writer._write

    def spy(self, *args):
        writers.append(threading.current_thread())
        write(self, *args)

    monkeypatch.setattr(settings._Writer, "_write", spy)
    settings.K.set(40)
    settings.add_recent_files(["/a.png", "/b.png"])
    assert settings.K.get() == 40  # before or after the write: the same answer
    assert settings.RECENT_FILES.get() == ["/a.png", "/b.png"]
    settings.flush()
    assert writers and all(t is not threading.current_thread() for t in writers)
    on_disk = QSettings(str(settings_file), QSettings.Format.IniFormat)
    assert settings.K.get(on_disk) == 40
    assert settings.RECENT_FILES.get(on_disk) == ["/a.png", "/b.png"]


def test_store_comes_after_the_background_writes(settings_file):
    for k in range(20, 40):
        settings.K.set(k)
    store = settings.store()  # waits: what it writes is not overwritten by an older value
    settings.K.set(50, store)
    del store
    assert settings.K.get() == 50
    settings.flush()
    assert settings.K.get() == 50


def test_every_key_is_declared_once_and_groups_are_apart():
    keys = [s.key for s in settings.PREFERENCES + settings.WINDOW]
    assert len(keys) == len(set(keys))
    assert all(k.startswith("preferences/") for k in (s.key for s in settings.PREFERENCES))
    assert all(k.startswith("window/") for k in (s.key for s in settings.WINDOW))


def test_recent_files_most_recent_first_without_duplicates():
    for name in ["a", "b", "a"] + [f"f{i}" for i in range(12)]:
        files = settings.add_recent_file(f"/x/{name}.png")
    assert len(files) == settings.MAX_RECENT_FILES
    assert files[0] == "/x/f11.png"
    assert len(set(files)) == len(files)


# -- K control -------------------------------------------------------------------------------
def test_k_steps_make_small_k_easy():
    assert K_STEPS[0] == 2 and K_STEPS[-1] == 256
    assert list(K_STEPS) == sorted(set(K_STEPS))
    assert all(k_at(step_of(k)) == k for k in range(2, 33))  # one step per K up to 32
    assert sum(1 for k in K_STEPS if k <= 32) > len(K_STEPS) / 2
    for k in range(2, 257):
        assert k_at(step_of(k)) <= k
    assert next_k(16, 1) == 17 and next_k(16, -1) == 15
    assert next_k(33, 1) == 36 and next_k(33, -1) == 32
    assert next_k(256, 1) == 256 and next_k(2, -1) == 2


def test_slider_and_spin_box_follow_each_other(qtbot):
    controls = Controls()
    qtbot.addWidget(controls)
    slider = controls.k_slider
    with qtbot.waitSignal(controls.options_changed):
        slider.setValue(8)
    assert controls.k() == slider.value() == 8
    slider.setValue(slider.maximum())
    assert controls.k() == slider.value() == 256
    slider.setValue(64)
    assert controls.k() == 64 and k_at(slider.step()) == 64
    controls.k_spin.setValue(37)  # between two steps: kept, the handle at the step below
    assert controls.k() == slider.value() == 37 and k_at(slider.step()) == 36
    slider.triggerAction(QSlider.SliderAction.SliderSingleStepAdd)  # as the Right key does
    assert controls.k() == 40
    slider.triggerAction(QSlider.SliderAction.SliderToMinimum)
    assert controls.k() == slider.minimum() == 2
    controls.set_k(33)
    controls.step_k(1)
    assert controls.k() == 36
    options = controls.options()
    assert options.k == 36 and options.fmt == "png" and options.color_space == "rgb"


# -- palette and stats -----------------------------------------------------------------------
def test_squarify_areas_are_proportional_and_tile_the_rectangle():
    values = [50, 20, 10, 10, 5, 3, 1, 1, 0]
    rect = QRectF(0, 0, 300, 120)
    rects = squarify(values, rect)
    total = sum(values)
    for value, r in zip(values, rects, strict=True):
        assert r.width() * r.height() == pytest.approx(value / total * 300 * 120, rel=1e-6)
        if value:
            assert rect.adjusted(-1e-6, -1e-6, 1e-6, 1e-6).contains(r)
    assert rects[-1].isEmpty()


def test_palette_view_swatches_by_share(qtbot):
    view = PaletteView()
    qtbot.addWidget(view)
    view.resize(200, 100)
    palette = np.array([[255, 0, 0], [0, 0, 255], [0, 0, 0]], np.uint8)
    view.set_palette(palette, np.array([10, 30, 60]), transparent_index=2)
    entries = view.entries()
    assert [c for _, c in entries] == [60, 30, 10]
    areas = [r.width() * r.height() for r in view.swatch_rects()]
    assert areas[0] > areas[1] > areas[2]
    assert view.tooltip_text(0).startswith("transparent")
    assert view.tooltip_text(1).startswith("#0000ff — 30.0 %")
    centre = view.swatch_rects()[2].center()
    assert view.swatch_at(centre) == 2
    view.grab()  # paints without warnings
    view.clear()
    assert view.entries() == []


def test_ratio_text_says_larger_plainly():
    assert ratio_text(3.0) == "3.00× smaller"
    assert ratio_text(0.5) == "2.00× larger"


def test_stats_panel_starts_empty_and_says_plainly_when_larger(qtbot, tmp_path):
    panel = StatsPanel()
    qtbot.addWidget(panel)
    assert set(panel.values().values()) == {"—"}
    rng = np.random.default_rng(3)
    Image.fromarray(rng.integers(0, 256, (64, 64, 3), dtype=np.uint8)).save(
        tmp_path / "noise.jpg", quality=20
    )
    result = compress(load_image(tmp_path / "noise.jpg"), Options(k=256))
    assert result.stats.larger_than_input
    panel.show_result(result, "JPEG")
    values = panel.values()
    assert values["vs_original"].startswith("LARGER: ") and "× larger" in values["vs_original"]
    assert values["original"].endswith("(JPEG)")
    assert "larger than the original file" in panel.note()


# -- synchronised views --------------------------------------------------------------------
def test_views_zoom_and_pan_together(qtbot):
    pair = ImagePair()
    qtbot.addWidget(pair)
    pair.resize(800, 400)
    pair.show()
    qtbot.waitExposed(pair)
    rgb = np.random.default_rng(0).integers(0, 256, (600, 900, 3), dtype=np.uint8)
    pair.original.set_image(array_to_qimage(rgb, display=True))
    pair.compressed.set_image(array_to_qimage(rgb, display=True))
    assert pair.is_fit()
    fitted = pair.original.scale_factor()
    assert fitted < 1 and pair.compressed.scale_factor() == pytest.approx(fitted)

    viewport = pair.original.viewport()
    centre = QPointF(viewport.rect().center())
    wheel = QWheelEvent(
        centre, QPointF(viewport.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, 240),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
        False,
    )  # fmt: skip
    pair.original.wheelEvent(wheel)
    assert pair.original.scale_factor() == pytest.approx(fitted * 1.25**2)
    assert pair.compressed.scale_factor() == pytest.approx(pair.original.scale_factor())
    assert not pair.is_fit()

    pair.actual_size()
    assert pair.original.scale_factor() == pair.compressed.scale_factor() == 1.0
    pair.original.horizontalScrollBar().setValue(123)
    pair.original.verticalScrollBar().setValue(45)
    assert pair.compressed.horizontalScrollBar().value() == 123
    assert pair.compressed.verticalScrollBar().value() == 45
    pair.compressed.horizontalScrollBar().setValue(7)  # panning either view moves both
    assert pair.original.horizontalScrollBar().value() == 7

    pair.zoom_in()
    assert pair.compressed.scale_factor() == pytest.approx(1.25)
    pair.fit()
    assert pair.is_fit() and pair.original.scale_factor() == pytest.approx(fitted)


# -- signals ---------------------------------------------------------------------------------
class _Emitter(QObject):
    value = Signal(int)


def test_emit_does_not_wear_down_true():
    """PySide6 6.12's SignalInstance.emit drops a reference to True on each call (fatal on
    CPython < 3.12 once it reaches zero); `emit` gives it back."""
    emitter = _Emitter()
    received = []
    emitter.value.connect(received.append)
    before = sys.getrefcount(True)
    for i in range(2000):
        emit(emitter.value, i)
    assert received == list(range(2000))
    assert sys.getrefcount(True) >= before - 50


def test_views_stack_for_wide_images_and_sit_side_by_side_for_tall_ones(qtbot):
    pair = ImagePair()
    qtbot.addWidget(pair)
    pair.resize(900, 800)
    pair.show()
    qtbot.waitExposed(pair)
    wide = array_to_qimage(np.zeros((200, 1200, 3), np.uint8), display=True)
    pair.original.set_image(wide)
    pair.compressed.set_image(wide)
    assert pair.is_stacked()
    tall = array_to_qimage(np.zeros((1200, 500, 3), np.uint8), display=True)
    pair.original.set_image(tall)
    pair.compressed.set_image(tall)
    assert not pair.is_stacked()


def test_the_old_dithering_checkbox_setting_becomes_full_strength(settings_file, qtbot):
    from kmeans_gui.app import MainWindow

    store = settings.store()
    store.setValue(settings.OLD_DITHER.key, True)
    store.sync()
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.options().dither == 100
    window.close()
