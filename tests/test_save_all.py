"""The window's Save All runs on the command line's batch machinery (issue #18): the same files
as kmeans-compress, worker processes, its progress in the status bar and on each row of the
list, the report written as files finish, and Cancel leaving only finished files.

The real window (offscreen), real worker processes and real files; dialogs are answered by the
``dialog_calls`` fixture.
"""

from __future__ import annotations

import csv
import json
import multiprocessing
from pathlib import Path

import numpy as np
from PIL import Image
from PySide6.QtCore import QThread, QTimer
from PySide6.QtWidgets import QLabel, QListWidget, QProgressBar

from kmeans_gui.app import settings
from kmeans_gui.cli import main as cli_main

TIMEOUT = 120_000  # ms: worker processes start on a loaded machine


def noise(path: Path, size: int, seed: int) -> Path:
    """Random colours: slow to quantize at a large K (seconds at 1200 x 1200, effort max)."""
    rng = np.random.default_rng(seed)
    Image.fromarray(rng.integers(0, 256, (size, size, 3), dtype=np.uint8)).save(path)
    return path


def gradient(path: Path, seed: int) -> Path:
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:40, 0:60]
    rgb = np.stack([x * 4, y * 6, (x + y) * 2], axis=-1) + rng.integers(0, 30, (40, 60, 3))
    Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8)).save(path)
    return path


def open_all(qtbot, window, paths: list[Path]) -> None:
    window.open_paths(paths)
    qtbot.waitUntil(lambda: all(window.state(p)[0] == "done" for p in paths), timeout=TIMEOUT)


class Watcher:
    """Reads the rows of the list and the Save All progress bar every 5 ms while it runs."""

    def __init__(self, window) -> None:
        self.rows: list[list[str]] = []
        self.bars: list[tuple[bool, int, int]] = []
        self.labels: list[str] = []
        self._list = window.findChild(QListWidget, "imageList")
        self._bar = window.findChild(QProgressBar, "saveAllProgress")
        self._label = window.findChild(QLabel, "saveAllLabel")
        self._timer = QTimer()
        self._timer.timeout.connect(self._look)
        self._timer.start(5)

    def _look(self) -> None:
        self.rows.append([self._list.item(i).text() for i in range(self._list.count())])
        self.bars.append((not self._bar.isHidden(), self._bar.value(), self._bar.maximum()))
        self.labels.append(self._label.text())

    def stop(self) -> None:
        self._timer.stop()


def test_save_all_writes_the_files_of_the_command_line_and_its_report(
    qtbot, window, tmp_path, dialog_calls
):
    settings.SAVE_EFFORT.set("fast")
    paths = [gradient(tmp_path / f"{name}.png", seed) for seed, name in enumerate("abc")]
    other = tmp_path / "elsewhere"
    other.mkdir()
    paths.append(gradient(other / "a.png", 9))  # the same name as the first: a-2, as the CLI
    window.set_k(6)
    open_all(qtbot, window, paths)
    out, cli_out = tmp_path / "out", tmp_path / "cli"
    out.mkdir()
    dialog_calls["answers"]["choose_folder"] = str(out)
    with qtbot.waitSignal(window.save_all_finished, timeout=TIMEOUT):
        window.save_all()
    o = window.options()
    assert cli_main([*map(str, paths), "-k", str(o.k), "-o", str(cli_out), "--format", o.fmt,
                     "--color-space", o.color_space, "--metadata", o.metadata, "-j", "2",
                     "--quiet"]) == 0  # fmt: skip
    names = sorted(p.name for p in cli_out.iterdir())
    assert names == ["a-2_k6.png", "a_k6.png", "b_k6.png", "c_k6.png"]
    for name in names:
        assert (out / name).read_bytes() == (cli_out / name).read_bytes()
    rows = list(csv.DictReader((out / "kmeans-gui-report.csv").open(encoding="utf-8")))
    records = json.loads((out / "kmeans-gui-report.json").read_text(encoding="utf-8"))
    assert sorted(r["input"] for r in rows) == sorted(map(str, paths))
    assert sorted(r["input"] for r in records) == sorted(map(str, paths))
    for record in records:
        assert record["status"] == "done" and record["error"] is None
        assert record["output_bytes"] == Path(record["output"]).stat().st_size
    list_widget = window.findChild(QListWidget, "imageList")
    texts = [list_widget.item(i).text() for i in range(list_widget.count())]
    assert all("Save All: saved: " in text for text in texts), texts
    assert "Saved 4 of 4 images" in window.statusBar().currentMessage()


def test_save_all_progress_shows_in_the_status_bar_and_on_each_row(
    qtbot, window, tmp_path, dialog_calls
):
    paths = [noise(tmp_path / f"n{i}.png", 500, i) for i in range(3)]
    window.set_k(64)
    open_all(qtbot, window, paths)
    out = tmp_path / "out"
    out.mkdir()
    dialog_calls["answers"]["choose_folder"] = str(out)
    watcher = Watcher(window)
    with qtbot.waitSignal(window.save_all_finished, timeout=TIMEOUT):
        window.save_all()
        assert not window.is_idle()  # Save All is a job of the window's
    watcher.stop()
    seen = {text.split("\n")[-1] for row in watcher.rows for text in row}
    assert "Save All: waiting to save" in seen
    assert "Save All: saving…" in seen
    assert {f"Save All: saved: n{i}_k64.png" for i in range(3)} <= seen
    shown = [(value, maximum) for visible, value, maximum in watcher.bars if visible]
    assert shown and all(maximum == 3 for _, maximum in shown)
    values = [value for value, _ in shown]
    assert values == sorted(values) and values[0] < 3  # it counted up while files finished
    assert any(text.startswith("Save All: 0 of 3 done; saving n") for text in watcher.labels)
    assert window.findChild(QProgressBar, "saveAllProgress").isHidden()  # gone after
    assert window.is_idle()


def test_cancelling_save_all_leaves_finished_files_only(qtbot, window, tmp_path, dialog_calls):
    paths = [noise(tmp_path / f"n{i}.png", 1000, i) for i in range(3)]
    window.set_k(128)
    open_all(qtbot, window, paths)
    out = tmp_path / "out"
    out.mkdir()
    dialog_calls["answers"]["choose_folder"] = str(out)
    settings.SAVE_EFFORT.set("max")  # slower still: none of the results is reused
    list_widget = window.findChild(QListWidget, "imageList")
    with qtbot.waitSignal(window.save_all_finished, timeout=TIMEOUT):
        window.save_all()
        qtbot.waitUntil(
            lambda: any("saving…" in list_widget.item(i).text() for i in range(3)),
            timeout=TIMEOUT,
        )
        window.cancel_action.trigger()  # Esc
    qtbot.waitUntil(lambda: not multiprocessing.active_children(), timeout=TIMEOUT)
    records = json.loads((out / "kmeans-gui-report.json").read_text(encoding="utf-8"))
    written = {Path(r["output"]).name for r in records if r["status"] == "done"}
    images = {p.name for p in out.iterdir() if p.suffix == ".png"}
    assert images == written  # every image in the folder is a finished one, with its row
    assert len(written) < 3  # stopped before the end
    for name in written:
        with Image.open(out / name) as im:
            im.load()  # complete
    assert sorted(p.name for p in out.iterdir()) == sorted(
        images | {"kmeans-gui-report.csv", "kmeans-gui-report.json"}
    )  # no partial or temporary file
    texts = [list_widget.item(i).text() for i in range(3)]
    assert sum("Save All: not saved: cancelled" in text for text in texts) == 3 - len(written)
    assert "stopped" in window.statusBar().currentMessage()


def test_the_window_works_during_save_all_and_closing_ends_its_workers(
    qtbot, window, tmp_path, dialog_calls
):
    paths = [noise(tmp_path / f"n{i}.png", 1000, i) for i in range(2)]
    window.set_k(128)
    open_all(qtbot, window, paths)
    out = tmp_path / "out"
    out.mkdir()
    dialog_calls["answers"]["choose_folder"] = str(out)
    settings.SAVE_EFFORT.set("max")  # nothing reused: both are compressed in worker processes
    list_widget = window.findChild(QListWidget, "imageList")
    window.save_all()
    qtbot.waitUntil(lambda: "saving…" in list_widget.item(0).text(), timeout=TIMEOUT)
    with qtbot.waitSignal(window.compression_finished, timeout=TIMEOUT):
        window.set_k(8)  # the window keeps working meanwhile: a new preview
    window.close()
    assert not multiprocessing.active_children()  # ended and joined before close returned
    assert not window.findChild(QThread, "kmeans-save-all").isRunning()
    records = json.loads((out / "kmeans-gui-report.json").read_text(encoding="utf-8"))
    reports = {"kmeans-gui-report.csv", "kmeans-gui-report.json"}
    finished = {Path(r["output"]).name for r in records}
    assert {p.name for p in out.iterdir()} == reports | finished  # nothing partial or temporary
