"""The sweep in the window: the hostile corpus (tests/hostile_corpus.py) dropped on the window
as a file manager drops files, every image compressed in the background, then Save All.

Every image must end done or in error with a one-line reason (no traceback, no hang), files
that are not images are refused at once, Qt prints no warning (the suite fails on any), the
originals are unchanged and Save All writes outputs that decode.
"""

from __future__ import annotations

import json
import os
from urllib.parse import quote_from_bytes

import pytest
from hostile_corpus import ERROR, OK, make_corpus
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from test_hostile_corpus import replaced, reported_figures_match, tree_state

from kmeans_gui.app import dialogs
from kmeans_gui.formats import is_image_path

TIMEOUT = 600_000


def drop(window, paths) -> None:
    """Drop local files and folders on the window, as a file manager does (names that are not
    UTF-8 percent-encoded byte for byte)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromEncoded(b"file://" + quote_from_bytes(os.fsencode(p)).encode())
                  for p in paths])  # fmt: skip
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    window.dropEvent(event)


@pytest.mark.usefixtures("settings_file")
def test_the_window_over_the_hostile_corpus(qtbot, window, dialog_calls, tmp_path, monkeypatch):
    cases = make_corpus(tmp_path / "corpus")
    folder = tmp_path / "corpus"
    named = [c for c in cases if not c.scanned and c.path.name != "._resource fork.png"]
    before = tree_state(folder)
    window.set_k(8)
    drop(window, [folder, *(c.path for c in named)])

    opened = set(window.images())
    expected = {c.path for c in cases if c.scanned} | {
        c.path for c in named if is_image_path(c.path) and c.path.exists() and not c.path.is_dir()
    }
    assert opened == expected
    refused = dialog_calls["notify"][0][1]  # the one message naming what was not opened
    for case in named:
        if case.path not in opened:
            assert case.path.name in refused, case.path

    def settled() -> bool:
        return all(window.state(p)[0] in ("done", "error") for p in opened) and window.is_idle()

    qtbot.waitUntil(settled, timeout=TIMEOUT)
    by_path = {c.path: c for c in cases}
    for path in opened:
        state, detail = window.state(path)
        if state == "error":
            assert by_path[path].expect != OK, (path, detail)
            assert detail and "\n" not in detail and "unexpected" not in detail, (path, detail)
        else:
            assert by_path[path].expect != ERROR, path

    out = tmp_path / "out"
    out.mkdir()
    dialog_calls["answers"]["choose_folder"] = str(out)
    monkeypatch.setattr(dialogs, "ask_keep_originals", lambda *args: dialogs.SAVE_LARGER)
    with qtbot.waitSignal(window.save_all_finished, timeout=TIMEOUT):
        window.save_all()
    done = [p for p in opened if window.state(p)[0] == "done"]
    outputs = [p for p in out.iterdir() if not p.name.startswith("kmeans-gui-report")]
    assert len(outputs) == len(done)
    records = json.loads((out / "kmeans-gui-report.json").read_text("utf-8"))
    # reports hold names with U+FFFD for bytes that are not UTF-8
    files = {replaced(str(p)): p for p in outputs}
    assert sorted(r["output"] for r in records) == sorted(files)
    by_name = {replaced(str(c.path)): c for c in cases}
    for record in records:  # the figures Save All reports are those of the file read back
        reported_figures_match(record, by_name[record["input"]], files[record["output"]])
    assert tree_state(folder) == before


ODD_ONES = ("sizes/", "colours/", "png/grey+alpha", "png/interlaced 1x1", "jpeg/cmyk",
            "jpeg/orientation 5", "tiff/float32 nan", "other/plain.pbm", "icon/cursor")  # fmt: skip


@pytest.mark.usefixtures("settings_file")
def test_every_view_shows_the_odd_images_without_warnings(qtbot, window, tmp_path):
    """Tiny, thin, single-colour, transparent, deep and rotated images on screen in every view:
    painted in the offscreen window, where any Qt warning fails the test."""
    cases = make_corpus(tmp_path / "corpus")
    root = tmp_path / "corpus"
    odd = [c.path for c in cases if c.expect == OK and c.scanned
           and c.path.relative_to(root).as_posix().startswith(ODD_ONES)]  # fmt: skip
    assert len(odd) >= 20
    window.show()
    window.resize(1100, 750)
    window.set_k(4)
    for path in odd:
        window.open_paths([path])
        qtbot.waitUntil(lambda p=path: window.state(p)[0] == "done"
                        and window.shown_result() is not None
                        and window.shown_result().source == p, timeout=TIMEOUT)  # fmt: skip
        for view in ("split", "difference", "grid", "chart", "side"):
            window.views().set_view(view)
            qtbot.wait(60)
    qtbot.waitUntil(window.is_idle, timeout=TIMEOUT)
