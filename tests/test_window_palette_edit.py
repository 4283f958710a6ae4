"""Palette control in the window (#19): swatches sized by cost, hover highlight, lock, delete,
merge, change and pick colours, import, undo and redo, dithering strength. On the real window
(offscreen), on a small photo, waiting on conditions, never on fixed delays."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent

from kmeans_gui import engine
from kmeans_gui import palette_edits as edits
from kmeans_gui.app import MainWindow, settings
from kmeans_gui.app.qimage import qimage_to_array
from kmeans_gui.compress import Options
from kmeans_gui.imaging import decode_output
from kmeans_gui.palette_files import encode_palette
from kmeans_gui.resources import resource_path

TIMEOUT = 60_000


pytestmark = pytest.mark.usefixtures("settings_file")


@pytest.fixture
def window(window):
    """conftest's window, shown at 1300 x 850: the palette panel lays out and paints."""
    window.resize(1300, 850)
    window.show()
    return window


@pytest.fixture(scope="module")
def coffee(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("palette") / "coffee_small.png"
    with Image.open(resource_path("samples", "coffee.png")) as im:
        im.convert("RGB").resize((120, 80), Image.Resampling.LANCZOS).save(path)
    return path


def shown_with(qtbot, window: MainWindow, options: Options):
    """Wait until the result on screen is the one for these options; return it."""
    qtbot.waitUntil(
        lambda: (r := window.shown_result()) is not None and r.options == options,
        timeout=TIMEOUT,
    )
    result = window.shown_result()
    assert result is not None
    return result


def open_and_wait(qtbot, window: MainWindow, path: Path, k: int = 12):
    window.set_k(k)
    window.open_paths([path])
    return shown_with(qtbot, window, Options(k=k))


def colours(result) -> list[tuple[int, int, int]]:
    return edits.colours_of(result.palette)


def test_edits_undo_and_redo_recompress_and_measure_the_file(qtbot, window, coffee):
    first = open_and_wait(qtbot, window, coffee)
    view, editor = window._ui.palette, window.palette_editor()
    assert view.has_costs()  # the worker sent each entry's cost with the result

    view.set_selected_entries([0, 1])
    assert editor.lock_action.isEnabled() and editor.merge_action.isEnabled()
    editor.lock_action.trigger()
    locked = shown_with(qtbot, window, window.options())
    assert set(locked.options.palette) == {colours(first)[0], colours(first)[1]}
    assert {colours(first)[0], colours(first)[1]} <= set(colours(locked))
    decoded, _ = decode_output(locked.encoded)  # the figures are the file's
    assert locked.stats.output_bytes == len(locked.encoded)
    assert len(np.unique(decoded.reshape(-1, 3), axis=0)) == locked.stats.colors

    view.set_selected_entries([5])
    editor.delete_action.trigger()
    deleted = shown_with(qtbot, window, window.options())
    assert deleted.options.k == 11 == window._ui.controls.k()
    assert deleted.palette.shape[0] == 11

    view.set_selected_entries([3, 4])
    editor.merge_action.trigger()
    merged = shown_with(qtbot, window, window.options())
    assert merged.options.k == 10 and merged.palette.shape[0] == 10

    assert editor.undo_action.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Shift+Z" in [s.toString() for s in editor.redo_action.shortcuts()]
    for expected in (deleted, locked, first):
        editor.undo_action.trigger()
        again = shown_with(qtbot, window, expected.options)
        assert np.array_equal(again.palette, expected.palette)
    assert window._ui.controls.k() == 12 and window.options() == Options(k=12)
    editor.redo_action.trigger()
    assert np.array_equal(shown_with(qtbot, window, locked.options).palette, locked.palette)


def test_hovering_a_swatch_highlights_its_pixels(qtbot, window, coffee):
    open_and_wait(qtbot, window, coffee)
    view, compressed = window._ui.palette, window._ui.pair.compressed
    rect = view.swatch_rects()[0]
    move = QMouseEvent(
        QMouseEvent.Type.MouseMove, QPointF(rect.center()), QPointF(rect.center()),
        Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    view.mouseMoveEvent(move)
    assert compressed.highlighted()
    veil = compressed._veil.image()
    pixels = qimage_to_array(window.compressed_image())[..., :3]
    own = np.all(pixels == np.array(view.entries()[0][0]), axis=2)
    clear = qimage_to_array(veil)[..., 3] == 0
    assert np.array_equal(clear, own) and own.sum() == view.entries()[0][1]
    view.leaveEvent(None)
    assert not compressed.highlighted()


def test_swatches_sized_by_cost(qtbot, window, coffee):
    result = open_and_wait(qtbot, window, coffee)
    panel = window._ui.palette_panel
    panel.size_by.setCurrentIndex(1)
    assert "cost if removed" in panel.box.title()
    view = panel.view
    worth = engine.entry_worth(engine.analyse(np.asarray(Image.open(coffee).convert("RGB"))),
                               result.palette)  # fmt: skip
    areas = [r.width() * r.height() for r in view.swatch_rects()]
    costs = [worth.delta_e_rise[view.entry_of(i)] for i in range(len(areas))]
    assert costs == sorted(costs, reverse=True)
    assert areas[0] / areas[-1] == pytest.approx(costs[0] / costs[-1], rel=0.05)
    panel.size_by.setCurrentIndex(0)
    assert [c for _, c in view.entries()] == sorted(result.counts.tolist(), reverse=True)


def test_change_a_colour_and_pick_one_from_the_original(qtbot, window, coffee):
    first = open_and_wait(qtbot, window, coffee)
    editor = window.palette_editor()
    editor.set_colour(2, (255, 0, 255))
    changed = shown_with(qtbot, window, window.options())
    assert (255, 0, 255) in colours(changed) and (255, 0, 255) in changed.options.palette
    editor.pick_action.trigger()
    original = window._ui.pair.original
    original.fit()
    target = original.mapFromScene(original._item.mapToScene(QPointF(10.5, 10.5)))
    with qtbot.waitSignal(original.picked) as clicked:
        qtbot.mouseClick(original.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(target))
    x, y = clicked.args
    assert abs(x - 10) <= 1 and abs(y - 10) <= 1
    picked = shown_with(qtbot, window, window.options())
    colour = original.image().pixelColor(x, y)
    rgb = (colour.red(), colour.green(), colour.blue())
    assert rgb in colours(picked) and picked.options.k == first.options.k + 1
    assert not editor.picking


@pytest.mark.parametrize("exact", [True, False])
def test_import_a_palette_map_exactly_or_lock(qtbot, window, coffee, tmp_path, exact):
    open_and_wait(qtbot, window, coffee)
    given = np.array([[20, 20, 20], [200, 180, 150], [120, 70, 40], [250, 250, 250]], np.uint8)
    path = tmp_path / "mine.gpl"
    path.write_bytes(encode_palette(given, "gpl"))
    window._ui.palette_panel.import_file(path, exact=exact)
    result = shown_with(qtbot, window, window.options())
    pixels = qimage_to_array(window.compressed_image())[..., :3].reshape(-1, 3)
    used = {tuple(c) for c in np.unique(pixels, axis=0).tolist()}
    if exact:
        assert used <= {tuple(c) for c in given.tolist()}
        assert result.options.exact_palette and not window.palette_editor().lock_action.isEnabled()
    else:
        assert set(edits.colours_of(given)) <= set(colours(result)) and result.options.k == 12


def test_dithering_strength_from_the_slider(qtbot, window, coffee):
    open_and_wait(qtbot, window, coffee)
    controls = window._ui.controls
    controls.dither_slider.setValue(40)
    assert controls.dither.value() == 40
    result = shown_with(qtbot, window, Options(k=12, dither=40))
    assert result.options.dither == 40 and not window._ui.palette.has_costs()
    controls.dither.setValue(0)
    shown_with(qtbot, window, Options(k=12))


def test_palette_panel_screenshot(qtbot, window, coffee, tmp_path):
    open_and_wait(qtbot, window, coffee)
    view = window._ui.palette
    view.set_selected_entries([1])
    window.palette_editor().lock_action.trigger()
    shown_with(qtbot, window, window.options())
    view.set_selected_entries([0, 2])
    shot = window._ui.palette_box.grab()
    assert not shot.isNull()
    shot.save(str(tmp_path / "palette_panel.png"))


def test_shared_palette_for_selected_images_compares_and_applies(qtbot, window, coffee, tmp_path):
    other = tmp_path / "other.png"
    with Image.open(coffee) as im:
        Image.fromarray(255 - np.asarray(im)[:, ::-1]).save(other)  # other colours
    open_and_wait(qtbot, window, coffee)
    window.open_paths([other])
    shown_with(qtbot, window, Options(k=12))
    listed = window._ui.image_list
    for i in range(listed.count()):
        listed.item(i).setSelected(True)
    assert set(listed.selected_paths()) == {coffee, other}
    shared = window.shared_palettes
    shared.start()
    qtbot.waitUntil(lambda: shared.dialog is not None and shared.dialog.isVisible(),
                    timeout=TIMEOUT)  # fmt: skip
    outcome = shared.dialog.outcome
    palette = {tuple(c) for c in outcome.palette.tolist()}
    assert shared.dialog.table.rowCount() == 2 and outcome.palette.shape[0] <= 12
    analyses = [engine.analyse(np.asarray(Image.open(p).convert("RGB"))) for p in (coffee, other)]
    assert np.array_equal(outcome.palette, engine.shared_palette(analyses, 12).palette)
    for row in outcome.rows:
        assert set(colours(row.shared)) <= palette and row.own.options == Options(k=12)
        assert row.shared.stats.psnr < row.own.stats.psnr  # one palette for both costs quality
        assert f"{row.shared.stats.psnr:.2f} dB" in [
            shared.dialog.table.item(r, 2).text() for r in range(2)
        ]
    shared.dialog.accept()
    result = shown_with(qtbot, window, window.options())
    assert result.options.exact_palette and set(colours(result)) <= palette
    window.palette_editor().undo_action.trigger()
    shown_with(qtbot, window, Options(k=12))


def test_save_all_writes_each_image_with_its_own_palette(
    qtbot, window, coffee, tmp_path, dialog_calls
):
    other = tmp_path / "other.png"
    with Image.open(coffee) as im:
        im.rotate(180).save(other)
    window.set_k(12)
    window.open_paths([coffee, other])  # the first is shown: the palette goes to coffee
    shown_with(qtbot, window, Options(k=12))
    given = np.array([[20, 20, 20], [200, 180, 150], [120, 70, 40], [250, 250, 250]], np.uint8)
    path = tmp_path / "mine.gpl"
    path.write_bytes(encode_palette(given, "gpl"))
    window._ui.palette_panel.import_file(path, exact=True)
    shown_with(qtbot, window, window.options())
    qtbot.waitUntil(window.is_idle, timeout=TIMEOUT)
    out = tmp_path / "out"
    out.mkdir()
    dialog_calls["answers"]["choose_folder"] = str(out)
    settings.SAVE_EFFORT.set("fast")
    with qtbot.waitSignal(window.save_all_finished, timeout=TIMEOUT):
        window.save_all()
    saved = {p.name: p for p in out.glob("*.png")}
    # The import made K = 4 (the controls' K, for both); only coffee has the given colours.
    assert set(saved) == {f"{coffee.stem}_k4.png", "other_k4.png"}
    with Image.open(saved[f"{coffee.stem}_k4.png"]) as im:
        used = {c for _, c in im.convert("RGB").getcolors(256)}
    assert used <= {tuple(c) for c in given.tolist()}
    with Image.open(saved["other_k4.png"]) as im:
        used = {c for _, c in im.convert("RGB").getcolors(256)}
    assert not used <= {tuple(c) for c in given.tolist()}  # k-means colours of its own
