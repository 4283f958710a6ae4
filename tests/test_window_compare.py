"""Comparing K values in the window (issue #5): K grid, chart, split and difference views,
palette copy and export, goal seeking, keeping the original, the Save All report.

Headless (offscreen), on small images (the bundled coffee photo at 120 x 80), waiting on
signals and conditions with generous timeouts, never on fixed delays.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSlider

from kmeans_gui import engine, sweep
from kmeans_gui.app import MainWindow, dialogs
from kmeans_gui.app.palette import PaletteView
from kmeans_gui.app.qimage import qimage_to_array
from kmeans_gui.compress import Options, compress
from kmeans_gui.goals import Goal
from kmeans_gui.imaging import decode_output, load_image
from kmeans_gui.palette_files import PALETTE_FORMATS, decode_palette
from kmeans_gui.resources import resource_path

TIMEOUT = 60_000  # ms: generous; each job takes well under a second on these images
K_RANGE = (2, 24)

pytestmark = pytest.mark.usefixtures("settings_file")


# -- fixtures and helpers --------------------------------------------------------------------
@pytest.fixture
def answers(monkeypatch):
    """Replace every dialog; tests set the answers; calls are recorded under "calls"."""
    given: dict[str, object] = {
        "save_file": ("", ""),
        "choose_folder": "",
        "confirm_overwrite": False,
        "confirm_overwrite_many": None,
        "save_palette_file": "",
        "save_original_file": "",
        "ask_keep_original": "",
        "ask_keep_originals": "",
        "calls": {},
    }

    def fake(name):
        def record(*args):
            given["calls"].setdefault(name, []).append(args[1:])  # type: ignore[union-attr]
            return given.get(name)

        return record

    for name in ("open_files", "open_folder", "save_file", "choose_folder", "confirm_overwrite",
                 "confirm_overwrite_many", "error", "notify", "about", "save_palette_file",
                 "save_original_file", "ask_keep_original", "ask_keep_originals"):  # fmt: skip
        monkeypatch.setattr(dialogs, name, fake(name))
    return given


@pytest.fixture
def window(qtbot, answers):
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1300, 850)
    w.show()
    yield w
    w.close()
    assert not w.worker_thread.isRunning()


@pytest.fixture(scope="module")
def coffee(tmp_path_factory) -> Path:
    """A known photo whose quality rises steadily with K: the bundled sample at 120 x 80."""
    path = tmp_path_factory.mktemp("compare") / "coffee_small.png"
    with Image.open(resource_path("samples", "coffee.png")) as im:
        im.convert("RGB").resize((120, 80), Image.Resampling.LANCZOS).save(path)
    return path


@pytest.fixture(scope="module")
def scan(coffee):
    """Every K of K_RANGE compressed and measured directly: the brute-force reference."""
    image = load_image(coffee)
    analysis = engine.analyse(image.rgb)
    return {
        k: compress(image, Options(k=k), analysis=analysis).stats
        for k in range(K_RANGE[0], K_RANGE[1] + 1)
    }


def slider(window: MainWindow) -> QSlider:
    return window.findChild(QSlider, "kSlider")


def open_and_wait(qtbot, window: MainWindow, path: Path, k: int = 16) -> None:
    def check(shown_path: str, shown_k: int) -> bool:
        return shown_path == str(path) and shown_k == k

    with qtbot.waitSignal(window.compression_finished, timeout=TIMEOUT, check_params_cb=check):
        window.open_paths([path])


def wait_sweep_measured(qtbot, window: MainWindow) -> None:
    grid = window.views().grid
    qtbot.waitUntil(lambda: all(cell.measured for cell in grid.cells()), timeout=TIMEOUT)


def distinct_colours(image) -> int:
    pixels = qimage_to_array(image)[..., :3].reshape(-1, 3)
    return len(np.unique(pixels, axis=0))


def _between(values) -> float:
    """A threshold strictly between two measured values, so the answer is unambiguous."""
    ordered = sorted(set(values))
    mid = len(ordered) // 2
    return (ordered[mid - 1] + ordered[mid]) / 2


# -- K grid ----------------------------------------------------------------------------------
def test_k_grid_fills_with_eight_results_within_their_k(qtbot, window, coffee):
    open_and_wait(qtbot, window, coffee)
    shown: list[tuple[int, bool]] = []
    window.sweep_cell_shown.connect(lambda k, measured: shown.append((k, measured)))
    window.views().set_view("grid")
    wait_sweep_measured(qtbot, window)
    grid = window.views().grid
    assert grid.ks() == sweep.DEFAULT_KS
    cells = window.views().sweep_cells()
    assert sorted(cells) == list(sweep.DEFAULT_KS)
    for k, cell in cells.items():
        assert cell.measured and cell.result is not None
        assert cell.result.stats.colors <= k
        assert len(cell.palette) <= k
        assert distinct_colours(grid.cell(k).view.image()) <= k
        caption = grid.cell(k).caption.text()
        assert caption.startswith(f"K = {k} · ")
        # the measured size says its effort, and the SSIM is the file's
        assert "(fast)" in caption and f"SSIM {cell.result.stats.ssim:.4f}" in caption
    # Every cell first showed its quick preview, then its measured figures.
    quick = [k for k, measured in shown if not measured]
    assert sorted(quick) == list(sweep.DEFAULT_KS)
    assert shown.index((2, False)) < shown.index((2, True))
    # The measured results are kept for reuse: picking one of these K only decodes a file.
    assert set(window.measured_results(coffee)) >= {Options(k=k) for k in sweep.DEFAULT_KS}


def test_clicking_a_cell_sets_the_slider_and_the_k_values_are_editable(qtbot, window, coffee):
    open_and_wait(qtbot, window, coffee)
    window.views().set_view("grid")
    grid = window.views().grid
    qtbot.waitUntil(lambda: not grid.cell(4).view.image().isNull(), timeout=TIMEOUT)
    viewport = grid.cell(4).view.viewport()
    with qtbot.waitSignal(window.compression_finished, timeout=TIMEOUT):
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=viewport.rect().center())
    assert slider(window).value() == 4
    assert window.shown_result().options.k == 4
    assert grid.cell(4).caption.font().bold()  # the current K is marked
    grid.ks_edit.setText("3, 5 7")
    grid.ks_edit.editingFinished.emit()
    assert grid.ks() == (3, 5, 7)
    qtbot.waitUntil(lambda: all(c.measured for c in grid.cells()), timeout=TIMEOUT)
    assert sorted(window.views().sweep_cells()) == [3, 5, 7]
    grid.ks_edit.setText("1 2")  # K = 1 is refused, and the grid stays as it was
    grid.ks_edit.editingFinished.emit()
    assert grid.ks() == (3, 5, 7) and "Not changed" in grid.status.text()


# -- chart -----------------------------------------------------------------------------------
def test_chart_points_are_the_engines_figures_and_a_click_sets_k(qtbot, window, coffee):
    open_and_wait(qtbot, window, coffee)
    window.views().set_view("chart")
    wait_sweep_measured(qtbot, window)
    chart = window.views().chart
    points = chart.points()
    assert [p.k for p in points] == list(sweep.DEFAULT_KS)
    image = load_image(coffee)
    for point in points:
        expected = compress(image, Options(k=point.k)).stats
        assert point.measured
        assert point.output_bytes == expected.output_bytes
        assert point.psnr == pytest.approx(expected.psnr, rel=1e-9)
        assert point.mean_delta_e == pytest.approx(expected.mean_delta_e, rel=1e-9)
        assert point.ssim == pytest.approx(expected.ssim, abs=1e-9)
    chart.set_quality_metric("ssim")  # the right axis can show SSIM
    assert chart.quality_metric() == "ssim"
    ssim_knee = sweep.knee([float(p.output_bytes) for p in points], [p.ssim for p in points])
    assert chart.suggested_k() == (None if ssim_knee is None else points[ssim_knee].k)
    assert "SSIM" in chart.summary.text() or ssim_knee is None
    chart.set_quality_metric("psnr")
    sizes = [float(p.output_bytes) for p in points]
    knee = sweep.knee(sizes, [p.psnr for p in points])
    assert chart.suggested_k() == (None if knee is None else points[knee].k)
    plot = chart.plot_widget()
    assert plot is not None
    qtbot.waitUntil(lambda: plot.viewport().width() > 100, timeout=TIMEOUT)
    where = chart.scene_position(8)
    with qtbot.waitSignal(window.compression_finished, timeout=TIMEOUT):
        qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert slider(window).value() == 8


# -- goal seeking ----------------------------------------------------------------------------
def test_goal_seeking_in_the_window_finds_the_smallest_k_a_scan_finds(qtbot, window, coffee, scan):
    open_and_wait(qtbot, window, coffee)
    target = _between([s.psnr for s in scan.values()])
    expected = min(k for k, s in scan.items() if s.psnr >= target)
    panel = window.goal_panel()
    panel.psnr_radio.setChecked(True)  # as the user would
    panel.psnr.setValue(target)
    panel.k_min.setValue(K_RANGE[0])
    panel.k_max.setValue(K_RANGE[1])
    with qtbot.waitSignal(window.goal_finished, timeout=TIMEOUT) as blocker:
        panel.find_button.click()
    assert blocker.args == [str(coffee), expected, True]
    qtbot.waitUntil(lambda: window.shown_result().options.k == expected, timeout=TIMEOUT)
    assert slider(window).value() == expected
    assert window.shown_result().stats.psnr >= target
    assert "smallest K that meets" in panel.text()
    assert window.chosen_k(coffee) == expected


def test_ssim_goal_in_the_window_finds_the_smallest_k_a_scan_finds(qtbot, window, coffee, scan):
    open_and_wait(qtbot, window, coffee)
    # A target the spin box holds exactly (4 decimals), strictly between two measured SSIMs
    # and met by every K from the smallest meeting it (bisection's precondition).
    ordered = sorted({s.ssim for s in scan.values()})
    middle = len(ordered) // 2
    for low, high in zip(ordered[middle:-1], ordered[middle + 1 :], strict=True):
        target = round((low + high) / 2, 4)
        meeting = [k for k, s in scan.items() if s.ssim >= target]
        if low < target < high and meeting == list(range(min(meeting), K_RANGE[1] + 1)):
            break
    else:
        raise AssertionError("no usable SSIM target on this image")
    panel = window.goal_panel()
    panel.ssim_radio.setChecked(True)
    panel.ssim.setValue(target)
    assert panel.ssim.value() == target
    panel.k_min.setValue(K_RANGE[0])
    panel.k_max.setValue(K_RANGE[1])
    assert panel.goal() == Goal(min_ssim=target)
    with qtbot.waitSignal(window.goal_finished, timeout=TIMEOUT) as blocker:
        panel.find_button.click()
    assert blocker.args == [str(coffee), min(meeting), True]
    assert "SSIM ≥" in panel.text()


def test_an_unreachable_goal_says_so_and_keeps_the_nearest(qtbot, window, coffee):
    open_and_wait(qtbot, window, coffee)
    with qtbot.waitSignal(window.goal_finished, timeout=TIMEOUT) as blocker:
        window.seek_goal(Goal(min_psnr=200.0), 2, 8)
    assert blocker.args == [str(coffee), 8, False]
    assert "no K meets PSNR ≥ 200 dB; kept the nearest, K=8" in window.goal_panel().text()


def test_size_goal_for_every_image_gives_each_its_own_k(qtbot, window, coffee, scan, tmp_path):
    second = tmp_path / "second.png"
    with Image.open(coffee) as im:
        im.transpose(Image.Transpose.FLIP_LEFT_RIGHT).rotate(7).save(second)
    window.open_paths([coffee, second])
    qtbot.waitUntil(window.is_idle, timeout=TIMEOUT)
    limit = int(_between([s.output_bytes for s in scan.values()]))
    found: dict[str, int] = {}
    window.goal_finished.connect(lambda path, k, met: found.__setitem__(path, k))
    with qtbot.waitSignal(window.goals_done, timeout=TIMEOUT):
        window.seek_goal(Goal(max_bytes=limit), *K_RANGE, every_image=True)
    assert set(found) == {str(coffee), str(second)}
    k = found[str(coffee)]
    assert scan[k].output_bytes <= limit < scan[k + 1].output_bytes  # the largest K that fits
    assert window.chosen_k(second) == found[str(second)]


# -- palette ---------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", PALETTE_FORMATS)
def test_exported_palette_files_parse_back_to_the_same_colours(
    qtbot, window, coffee, answers, tmp_path, fmt
):
    open_and_wait(qtbot, window, coffee)
    answers["save_palette_file"] = str(tmp_path / f"coffee.{fmt}")
    window.export_palette()
    palette = window.shown_result().palette
    assert len(palette) == 16
    np.testing.assert_array_equal(decode_palette((tmp_path / f"coffee.{fmt}").read_bytes(), fmt),
                                  palette)  # fmt: skip


def test_clicking_a_swatch_selects_it_and_double_clicking_copies_its_hex_value(
    qtbot, window, coffee
):
    open_and_wait(qtbot, window, coffee)
    view = window.findChild(PaletteView, "paletteView")
    (colour, _count), rect = view.entries()[0], view.swatch_rects()[0]
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert view.selected_entries() == [view.entry_of(0)]
    qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert QGuiApplication.clipboard().text() == "#{:02x}{:02x}{:02x}".format(*colour)
    assert "%" in view.tooltip_text(0)


# -- split and difference views -------------------------------------------------------------
def test_split_view_divider_drags_and_keys_flip_and_hold(qtbot, window, coffee):
    open_and_wait(qtbot, window, coffee)
    window.views().set_view("split")
    split = window.views().split
    qtbot.waitUntil(lambda: not split.image().isNull(), timeout=TIMEOUT)
    viewport = split.viewport()
    y = viewport.height() // 2
    assert split.divider() == 0.5 and split.left_label() == "Original"
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=QPoint(split.divider_x(), y))
    qtbot.mouseMove(viewport, QPoint(viewport.width() // 4, y))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=QPoint(viewport.width() // 4, y))
    assert split.divider() == pytest.approx(0.25, abs=0.01)
    # Left of the divider the original, right of it the compressed image.
    assert split._left.image() == window.views().pair.original.image()
    split.setFocus()
    qtbot.keyClick(split, Qt.Key.Key_X)
    assert split.is_swapped() and split.left_label() == "Compressed"
    qtbot.keyPress(split, Qt.Key.Key_Space)
    assert split.is_showing_original() and split.left_label() == ""
    qtbot.keyRelease(split, Qt.Key.Key_Space)
    assert not split.is_showing_original() and split.left_label() == "Compressed"


def test_difference_view_heat_map_is_brightest_at_the_largest_delta_e(qtbot, window, coffee):
    open_and_wait(qtbot, window, coffee)
    with qtbot.waitSignal(window.heat_map_shown, timeout=TIMEOUT):
        window.views().set_view("difference")
    result = window.shown_result()
    decoded, _ = decode_output(result.encoded)
    expected = engine.delta_e_map(load_image(coffee).rgb, decoded)
    y, x = np.unravel_index(int(np.argmax(expected)), expected.shape)
    maximum, at = window.views().difference.maximum()
    assert at == (x, y)
    assert maximum == pytest.approx(float(expected.max()), rel=1e-6)
    heat = qimage_to_array(window.views().difference.image())[..., :3].astype(int)
    lightness = heat @ np.array([299, 587, 114])
    assert lightness[y, x] == lightness.max()
    assert "largest" in window.views().difference.caption.text()


# -- saving ----------------------------------------------------------------------------------
def save_all_into(qtbot, window, answers, out: Path, paths: list[Path]) -> Path:
    """Open `paths`, wait until they are compressed, then Save All into the new folder `out`."""
    window.open_paths(paths)
    qtbot.waitUntil(window.is_idle, timeout=TIMEOUT)
    out.mkdir()
    answers["choose_folder"] = str(out)
    with qtbot.waitSignal(window.save_all_finished, timeout=TIMEOUT):
        window.save_all()
    return out


def test_save_all_writes_the_report_beside_the_images(qtbot, window, coffee, answers, tmp_path):
    second = tmp_path / "b.png"
    with Image.open(coffee) as im:
        im.rotate(90, expand=True).save(second)
    out = save_all_into(qtbot, window, answers, tmp_path / "out", [coffee, second])
    # Rows are written as files finish (worker processes: in any order).
    rows = sorted(csv.DictReader((out / "kmeans-gui-report.csv").open()), key=lambda r: r["input"])
    records = sorted(json.loads((out / "kmeans-gui-report.json").read_text()),
                     key=lambda r: r["input"])  # fmt: skip
    assert sorted(Path(r["input"]).name for r in rows) == ["b.png", "coffee_small.png"]
    assert [r["input"] for r in records] == [r["input"] for r in rows]
    for row, record in zip(rows, records, strict=True):
        assert int(row["k"]) == record["k"] == 16
        assert Path(record["output"]).exists()
        assert record["output_bytes"] == Path(record["output"]).stat().st_size
        assert record["error"] is None and record["status"] == row["status"] == "done"
        assert float(row["psnr"]) == record["psnr"] > 0


def test_save_all_numbers_photos_that_share_a_name_as_the_cli_does(
    qtbot, window, coffee, answers, tmp_path
):
    other = tmp_path / "elsewhere" / coffee.name  # the same name, from another folder
    other.parent.mkdir()
    with Image.open(coffee) as im:
        im.rotate(180).save(other)
    out = save_all_into(qtbot, window, answers, tmp_path / "out", [coffee, other])
    records = json.loads((out / "kmeans-gui-report.json").read_text())
    records.sort(key=lambda r: Path(r["output"]).name)
    stem = coffee.stem
    assert [Path(r["output"]).name for r in records] == [f"{stem}-2_k16.png", f"{stem}_k16.png"]
    assert [Path(r["input"]) for r in records] == [other, coffee]
    for record in records:
        with Image.open(record["output"]) as saved, Image.open(record["input"]) as source:
            assert saved.mode == "P" and saved.size == source.size


def test_a_result_larger_than_its_original_offers_to_keep_the_original(
    qtbot, window, answers, tmp_path
):
    rng = np.random.default_rng(3)
    noisy = tmp_path / "noisy.jpg"
    Image.fromarray(rng.integers(0, 256, (64, 64, 3), dtype=np.uint8)).save(noisy, quality=10)
    open_and_wait(qtbot, window, noisy)
    assert window.shown_result().stats.larger_than_input
    # Save: keep the original instead, copied where the user says.
    answers["ask_keep_original"] = dialogs.KEEP_ORIGINAL
    answers["save_original_file"] = str(tmp_path / "kept.jpg")
    window.save()
    assert (tmp_path / "kept.jpg").read_bytes() == noisy.read_bytes()
    assert "save_file" not in answers["calls"]  # nothing larger was written
    # Save All: asked once; the original is copied and the report says so.
    out = tmp_path / "out"
    out.mkdir()
    answers["choose_folder"] = str(out)
    answers["ask_keep_originals"] = dialogs.KEEP_ORIGINAL
    with qtbot.waitSignal(window.save_all_finished, timeout=TIMEOUT):
        window.save_all()
    assert answers["calls"]["ask_keep_originals"] == [(["noisy_k16.png"],)]
    assert (out / "noisy.jpg").read_bytes() == noisy.read_bytes()
    assert not (out / "noisy_k16.png").exists()
    (record,) = json.loads((out / "kmeans-gui-report.json").read_text())
    assert record["status"] == "original kept" and record["larger_than_input"] is True
    assert record["output"] == str(out / "noisy.jpg")
    assert record["output"] == str(out / "noisy.jpg")
