"""The window shows transparency (issue #14): a backdrop behind transparent previews (in the
side-by-side and split views), swatches with alpha, palette files with alpha."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QColor

from kmeans_gui.app import backdrop
from kmeans_gui.app.palette import PaletteView
from kmeans_gui.app.qimage import array_to_qimage, qimage_to_array
from kmeans_gui.app.splitview import SplitView
from kmeans_gui.app.views import ImageView
from kmeans_gui.palette_files import decode_palette, encode_palette

LIGHT = (255, 255, 255)
DARK = (204, 204, 204)


@pytest.fixture(autouse=True)
def _checker_again():
    yield
    backdrop.set_backdrop("checker")


def _transparent_image(width=160, height=120, alpha=0):
    """A red image whose left half has opacity `alpha` and right half is opaque."""
    rgb = np.zeros((height, width, 3), np.uint8)
    rgb[...] = (220, 30, 30)
    a = np.full((height, width), 255, np.uint8)
    a[:, : width // 2] = alpha
    return array_to_qimage(rgb, a, display=True)


def _shown(qtbot, view, image):
    view.resize(200, 160)
    view.show()
    qtbot.waitExposed(view)
    view.set_image(image)
    view.set_scale(1.0)
    view.centerOn(view._item)
    return view


def _grab(view) -> np.ndarray:
    return qimage_to_array(view.viewport().grab().toImage())[..., :3]


def _image_box(view):
    rect = view.mapFromScene(view._item.sceneBoundingRect()).boundingRect()
    return rect.top(), rect.left(), rect.bottom(), rect.right()


def test_checkerboard_behind_a_transparent_image_then_white_then_black(qtbot):
    view = _shown(qtbot, ImageView(), _transparent_image())
    qtbot.addWidget(view)
    top, left, bottom, right = _image_box(view)
    pixels = _grab(view)
    # Inside the transparent half: light and dark squares of backdrop.SQUARE pixels.
    patch = pixels[
        top + 2 : top + 2 + 4 * backdrop.SQUARE, left + 2 : left + 2 + 4 * backdrop.SQUARE
    ]
    colours = {tuple(int(v) for v in p) for p in patch.reshape(-1, 3)}
    assert colours == {LIGHT, DARK}
    light = np.all(patch == LIGHT, axis=2)
    assert 0.4 < light.mean() < 0.6
    # Two pixels one square apart along a row have opposite colours.
    row = light[backdrop.SQUARE // 2]
    assert row[1] != row[1 + backdrop.SQUARE]
    # The opaque half is the image's own red, and outside the image is no checkerboard.
    assert tuple(pixels[(top + bottom) // 2, right - 5]) == (220, 30, 30)
    assert tuple(pixels[2, 2]) not in (LIGHT, DARK) or left <= 2
    backdrop.set_backdrop("white")
    assert tuple(_grab(view)[top + 3, left + 3]) == LIGHT
    backdrop.set_backdrop("black")
    assert tuple(_grab(view)[top + 3, left + 3]) == (0, 0, 0)


def test_half_transparent_pixels_blend_with_the_backdrop(qtbot):
    view = _shown(qtbot, ImageView(), _transparent_image(alpha=128))
    qtbot.addWidget(view)
    top, left, _, _ = _image_box(view)
    backdrop.set_backdrop("white")
    on_white = _grab(view)[top + 3, left + 3].astype(int)
    backdrop.set_backdrop("black")
    on_black = _grab(view)[top + 3, left + 3].astype(int)
    assert abs(on_white[1] - (30 * 0.5 + 255 * 0.5)) < 4  # green over white
    assert abs(on_black[0] - 220 * 0.5) < 4  # red over black


def test_split_view_does_not_show_one_side_through_the_other(qtbot):
    view = SplitView()
    qtbot.addWidget(view)
    view.resize(200, 160)
    view.show()
    qtbot.waitExposed(view)
    transparent = _transparent_image()
    opaque_blue = array_to_qimage(np.full((120, 160, 3), (20, 40, 200), np.uint8), display=True)
    view.set_images(transparent, opaque_blue)
    view.set_scale(1.0)
    view.set_divider(0.9)
    backdrop.set_backdrop("white")
    top, left, _, _ = _image_box(view)
    # Left of the divider the original's transparent half shows the backdrop, not the blue.
    assert tuple(_grab(view)[top + 3, left + 3]) == LIGHT


def test_swatches_show_alpha_over_a_checkerboard(qtbot):
    view = PaletteView()
    qtbot.addWidget(view)
    view.resize(200, 100)
    palette = np.array([[255, 0, 0, 255], [0, 0, 255, 0], [0, 0, 0, 128]], np.uint8)
    view.set_palette(palette, np.array([50, 30, 20]), transparent_index=1)
    image = qimage_to_array(view.grab().toImage())[..., :3]
    rect = view.swatch_rects()[2].toRect()
    patch = image[rect.top() + 2 : rect.bottom() - 1, rect.left() + 2 : rect.right() - 1]
    values, counts = np.unique(patch.reshape(-1, 3), axis=0, return_counts=True)
    two = values[np.argsort(-counts)[:2]]
    # Half-opaque black over the two checker greys: two distinct mid greys make most of it
    # (the share's label is drawn over the middle).
    assert np.sort(counts)[-2:].sum() > 0.7 * counts.sum()
    assert two[0, 0] != two[1, 0] and np.all((two > 60) & (two < 150))
    assert view.hex_of(2) == "#00000080"
    assert "50 % opaque" in view.tooltip_text(2)
    assert QColor(view.hex_of(0)).name() == "#ff0000"


@pytest.mark.parametrize("fmt", ["gpl", "json", "txt"])
def test_palette_files_carry_alpha(fmt):
    palette = np.array([[10, 20, 30, 255], [200, 100, 0, 64]], np.uint8)
    back = decode_palette(encode_palette(palette, fmt, counts=np.array([3, 1])), fmt)
    np.testing.assert_array_equal(back, palette)


def test_gpl_with_alpha_uses_the_rgba_channels_header_and_act_drops_alpha():
    palette = np.array([[10, 20, 30, 255], [200, 100, 0, 64]], np.uint8)
    text = encode_palette(palette, "gpl").decode()
    assert "Channels: RGBA" in text.splitlines()[:4]
    assert "200 100   0  64" in text
    np.testing.assert_array_equal(
        decode_palette(encode_palette(palette, "act"), "act"), palette[:, :3]
    )
    opaque = encode_palette(palette[:1], "gpl").decode()
    assert "Channels" not in opaque  # an opaque palette stays a plain GIMP palette


def test_window_shows_a_transparent_logo_with_its_alpha_and_composited_figures(
    qtbot, tmp_path, monkeypatch
):
    """End to end in the real window (worker QThread): the compressed preview keeps partial
    alpha, the statistics are the composited figures of the file, swatches carry alpha."""
    from PIL import Image

    from benchmarks.rgba_images import logo
    from kmeans_gui.app import MainWindow, dialogs, settings

    settings.use_file(tmp_path / "settings.ini")
    for name in ("error", "notify"):
        monkeypatch.setattr(dialogs, name, lambda *args: None)
    rgb, alpha = logo(240, 120)
    path = tmp_path / "logo.png"
    Image.fromarray(np.dstack([rgb, alpha]), "RGBA").save(path)
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    try:
        with qtbot.waitSignal(window.compression_finished, timeout=60_000):
            window.open_paths([path])
        compressed = qimage_to_array(window.views().pair.compressed.image())
        shown_alpha = compressed[..., 3]
        assert np.any((shown_alpha > 0) & (shown_alpha < 255))  # the soft shadow is shown
        assert np.all(shown_alpha[alpha == 0] == 0)
        result = window.shown_result()
        assert result.palette.shape[1] == 4
        assert 0 < result.stats.mse < 30 and result.stats.psnr > 33
        alphas = window.findChild(PaletteView, "paletteView")._alphas
        assert any(0 < a < 255 for a in alphas)
        window.backdrop_actions["black"].trigger()  # View ▸ Black Behind Transparency
        assert backdrop.backdrop() == "black"
    finally:
        window.close()
        settings.use_file(None)
