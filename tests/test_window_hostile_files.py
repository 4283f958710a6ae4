"""Issue #13 in the window: a decode in progress does not hold up closing, very thin images
are shown without Qt warnings (the suite fails on any), a format that cannot hold the image
says so, and the formats the CLI reads are the ones the window opens."""

from __future__ import annotations

import multiprocessing
import os
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from PySide6.QtWidgets import QComboBox, QListWidget

from kmeans_gui.app import MainWindow, dialogs
from kmeans_gui.formats import IMAGE_EXTENSIONS

TIMEOUT = 60_000

pytestmark = pytest.mark.usefixtures("settings_file")


def noise(path: Path, size: tuple[int, int]) -> Path:
    rng = np.random.default_rng(3)
    Image.fromarray(rng.integers(0, 256, (size[1], size[0], 3), dtype=np.uint8)).save(path)
    return path


def decoding_children() -> list[multiprocessing.Process]:
    return [p for p in multiprocessing.active_children() if p.name == "kmeans-decode"]


def test_closing_during_a_decode_returns_at_once(qtbot, dialog_calls, slow_jpeg2000):
    w = MainWindow()
    qtbot.addWidget(w)
    w.open_paths([slow_jpeg2000])
    qtbot.waitUntil(lambda: bool(decoding_children()), timeout=TIMEOUT)
    started = time.perf_counter()
    w.close()
    assert time.perf_counter() - started < 2
    assert w.worker_thread.isFinished()
    assert decoding_children() == []  # the decode was stopped, not left running


def test_the_gui_thread_runs_during_a_long_decode(qtbot, window, slow_jpeg2000):
    """JPEG 2000 decodes holding Python's lock: in a child process, so the window keeps going."""
    ticks: list[float] = []
    window.open_paths([slow_jpeg2000])
    qtbot.waitUntil(lambda: bool(decoding_children()), timeout=TIMEOUT)
    while decoding_children() and len(ticks) < 20:
        qtbot.wait(50)
        ticks.append(time.perf_counter())
    gaps = np.diff(ticks)
    assert len(ticks) >= 10 and gaps.max() < 1.0, gaps


def test_very_thin_images_are_shown_without_warnings(qtbot, window, tmp_path):
    window.show()
    window.resize(1200, 800)
    for size in ((1, 100_000), (65_535, 1)):
        path = noise(tmp_path / f"{size[0]}x{size[1]}.png", size)
        with qtbot.waitSignal(window.compression_finished, timeout=TIMEOUT):
            window.open_paths([path])
        for view in ("split", "difference", "grid", "side"):
            window.views().set_view(view)
            qtbot.wait(400)  # painted: a warning there would fail the test


def test_a_format_that_cannot_hold_the_image_is_marked(qtbot, window, tmp_path):
    wide = noise(tmp_path / "wide.png", (16_384, 2))
    small = noise(tmp_path / "small.png", (40, 30))
    box = window.findChild(QComboBox, "formatBox")
    webp = box.findData("webp")
    name = box.itemText(webp)
    with qtbot.waitSignal(window.compression_finished, timeout=TIMEOUT):
        window.open_paths([wide])
    item = box.model().item(webp)
    assert not item.isEnabled()
    assert item.text() == f"{name} — too large for this image"
    assert item.toolTip().startswith("WebP holds at most 16,383 pixels per side")
    with qtbot.waitSignal(window.compression_finished, timeout=TIMEOUT):
        window.open_paths([small])
    assert box.model().item(webp).isEnabled() and box.itemText(webp) == name


def test_the_window_opens_every_format_the_cli_reads(window, tmp_path):
    patterns = dialogs.image_filter().split(";;")[0]
    for ext in IMAGE_EXTENSIONS:
        assert f"*{ext}" in patterns
    for name in ("layers.psd", "hdr.pfm", "icon.icns", "texture.dds", "pointer.cur"):
        (tmp_path / name).write_bytes(b"placeholder")
    opened = window.open_paths(sorted(tmp_path.glob("*.*")))
    assert sorted(p.name for p in opened) == [
        "hdr.pfm", "icon.icns", "layers.psd", "pointer.cur", "texture.dds"
    ]  # fmt: skip


def test_names_that_are_not_utf8_or_hold_control_characters(qtbot, window, tmp_path):
    """A QString cannot hold a Linux name that is not UTF-8: the list keeps the paths itself."""
    folder = os.fsencode(tmp_path)
    good = Path(os.fsdecode(os.path.join(folder, b"caf\xe9\nnew line.png")))
    bad = Path(os.fsdecode(os.path.join(folder, b"br\xffken.png")))
    noise(good, (30, 20))
    bad.write_bytes(b"not an image")
    with qtbot.waitSignal(window.compression_finished, timeout=TIMEOUT):
        window.open_paths([good, bad])
    qtbot.waitUntil(lambda: window.state(bad)[0] == "error", timeout=TIMEOUT)
    assert window.images() == [good, bad]
    assert window.current_path() == good
    rows = window.findChild(QListWidget, "imageList")
    assert rows.item(0).text().startswith("caf\ufffd\\nnew line.png\n")
    assert rows.item(1).text().startswith("br\ufffdken.png\n")


def test_a_dropped_file_whose_name_is_not_utf8_opens(qtbot, window, tmp_path):
    """A file manager drops ``file:///...%FF...``; toLocalFile made that U+FFFD: no such file."""
    from urllib.parse import quote_from_bytes

    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    path = Path(os.fsdecode(os.path.join(os.fsencode(tmp_path), b"caf\xe9 photo.png")))
    noise(path, (30, 20))
    mime = QMimeData()
    mime.setUrls([QUrl.fromEncoded(b"file://" + quote_from_bytes(os.fsencode(path)).encode())])
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    with qtbot.waitSignal(window.compression_finished, timeout=TIMEOUT):
        window.dropEvent(event)
    assert window.images() == [path]
    assert window.state(path)[0] == "done"
