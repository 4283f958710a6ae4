"""Issue #7 in the window: every bad input shows its reason and the app stays up; hasty use
(200 slider moves in two seconds, opening and saving while a job runs, closing mid-job) ends
showing what was last asked for, and leaks no threads.

Headless; dialogs are replaced (no test ever blocks on one). Waits are on signals.
"""

from __future__ import annotations

import gc
import os
import random
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from make_bad_corpus import make_unreadable
from PIL import Image
from PySide6.QtCore import QCoreApplication, QEvent, QThread
from PySide6.QtWidgets import QApplication, QGraphicsView, QListWidget, QSlider, QWidget

from kmeans_gui.app import MainWindow, settings
from kmeans_gui.app.qimage import qimage_to_array

TIMEOUT = 60_000
pytestmark = pytest.mark.usefixtures("settings_file")


def photo(path: Path, size=(160, 120), seed=0) -> Path:
    rng = np.random.default_rng(seed)
    rgb = rng.integers(0, 256, (size[1], size[0], 3), dtype=np.uint8)
    rgb[: size[1] // 2] //= 4  # some structure, many colours
    Image.fromarray(rgb).save(path)
    return path


def wait_shown(qtbot, window, path: Path, k: int):
    return qtbot.waitSignal(
        window.compression_finished, timeout=TIMEOUT,
        check_params_cb=lambda p, shown_k: p == str(path) and shown_k == k,
    )  # fmt: skip


def wait_idle(qtbot, window) -> None:
    qtbot.waitUntil(window.is_idle, timeout=TIMEOUT)


def colours(window) -> int:
    pixels = qimage_to_array(window.compressed_image())[..., :3].reshape(-1, 3)
    return len(np.unique(pixels, axis=0))


# -- bad inputs ------------------------------------------------------------------------------
def test_every_bad_input_shows_its_reason_and_the_app_stays_up(
    qtbot, window, bad_corpus, dialog_calls, monkeypatch
):
    make_unreadable(monkeypatch, bad_corpus["unreadable"].path)
    window.open_paths([c.path for c in bad_corpus.values()])
    wait_idle(qtbot, window)
    # Refused at once, by name: not image files, and a folder without images.
    (message,) = [args[1] for args in dialog_calls["notify"]]
    assert "notes.txt: not an image file" in message
    assert "invoice.pdf: not an image file" in message
    assert "x.jpg: no images in this folder" in message
    image_list = window.findChild(QListWidget, "imageList")
    view = window.findChild(QGraphicsView, "originalView")
    listed = set(window.images())
    for case in bad_corpus.values():
        if case.key in ("text", "pdf", "folder"):
            assert case.path not in listed
            continue
        state, detail = window.state(case.path)
        if case.loads:
            assert state == "done", (case.key, detail)
            continue
        expected = case.error or "permission denied"
        assert state == "error" and expected in detail, (case.key, state, detail)
        image_list.setCurrentRow(window.images().index(case.path))
        assert f"{case.path.name} cannot be opened" in view.message(), case.key
        assert expected in view.message(), case.key
    assert "error" not in dialog_calls  # errors are shown in place, no modal box per file
    # Still up: a good image is shown and a new K computed.
    good = bad_corpus["non_ascii"].path
    with wait_shown(qtbot, window, good, 5):
        image_list.setCurrentRow(window.images().index(good))
        window.set_k(5)
    assert colours(window) <= 5


# -- hasty use -------------------------------------------------------------------------------
def test_200_slider_moves_in_two_seconds_end_with_the_last_k(qtbot, window, tmp_path):
    path = photo(tmp_path / "p.png", size=(400, 300))
    with wait_shown(qtbot, window, path, 16):
        window.open_paths([path])
    slider = window.findChild(QSlider, "kSlider")
    rng = random.Random(7)
    slowest = 0.0
    start = time.perf_counter()
    for i in range(200):
        before = time.perf_counter()
        slider.setValue(rng.randint(2, 256))
        slowest = max(slowest, time.perf_counter() - before)
        qtbot.wait(max(0, int((start + (i + 1) * 0.01 - time.perf_counter()) * 1000)))
    elapsed = time.perf_counter() - start
    last_k = window.options().k
    if last_k == 16:  # the preview already on screen would need no new job
        last_k = 17
        slider.setValue(last_k)
    with wait_shown(qtbot, window, path, last_k):
        pass
    wait_idle(qtbot, window)
    assert elapsed < 4.0  # the GUI thread was never blocked for long...
    assert slowest < 0.25  # ...nor by a single move
    assert window.shown_result().options.k == last_k
    assert colours(window) <= last_k
    assert window.findChild(QWidget, "statsPanel").values()["colors"].endswith(f"(K = {last_k})")


def test_opening_new_images_while_a_job_runs(qtbot, window, tmp_path):
    slow = photo(tmp_path / "slow.png", size=(500, 500))
    window.set_k(256)
    with qtbot.waitSignal(window.compression_progress, timeout=TIMEOUT):
        window.open_paths([slow])
    a, b = photo(tmp_path / "a.png", seed=1), photo(tmp_path / "b.png", seed=2)
    with wait_shown(qtbot, window, a, 256):
        window.open_paths([a, b])
    assert window.current_path() == a
    wait_idle(qtbot, window)
    assert [window.state(p)[0] for p in (slow, a, b)] == ["done", "done", "done"]
    assert window.shown_result().source == a


def test_save_while_a_job_runs_saves_what_is_on_screen(qtbot, window, tmp_path, dialog_calls):
    settings.SAVE_EFFORT.set("fast")  # written at once, not queued
    path = photo(tmp_path / "p.png", size=(500, 500))
    with wait_shown(qtbot, window, path, 16):
        window.open_paths([path])
    on_screen = window.shown_result()
    with qtbot.waitSignal(window.compression_progress, timeout=TIMEOUT):
        window.set_k(256)  # a long job starts
    target = tmp_path / "saved.png"
    dialog_calls["answers"]["save_file"] = (str(target), "png")
    window.save_action.trigger()
    assert target.read_bytes() == on_screen.encoded  # K = 16, as shown
    gif = tmp_path / "saved.gif"
    dialog_calls["answers"]["save_file"] = (str(gif), "gif")
    window.save_action.trigger()  # another format: queued behind the running job
    with wait_shown(qtbot, window, path, 256):
        pass
    wait_idle(qtbot, window)
    with Image.open(gif) as im:
        assert im.format == "GIF" and len(im.convert("RGB").getcolors(256)) <= 16
    assert "error" not in dialog_calls
    assert window.shown_result().options.k == 256
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_closing_mid_job_stops_the_thread_and_writes_nothing(qtbot, dialog_calls, tmp_path):
    w = MainWindow()
    qtbot.addWidget(w)
    path = photo(tmp_path / "p.png", size=(500, 500))
    w.set_k(256)
    with qtbot.waitSignal(w.compression_progress, timeout=TIMEOUT):
        w.open_paths([path])
    target = tmp_path / "out.gif"
    dialog_calls["answers"]["save_file"] = (str(target), "gif")
    started = time.perf_counter()
    w.close()
    assert time.perf_counter() - started < 5
    assert w.worker_thread.isFinished()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.png", "settings.ini"]


# -- leaks -----------------------------------------------------------------------------------
def _live_qthreads() -> list[QThread]:
    gc.collect()
    return [o for o in gc.get_objects() if isinstance(o, QThread)]


def _os_threads() -> list[str] | None:
    """Names of this process's OS threads, but Qt's idle pool ones (they expire by themselves);
    None where /proc is missing."""
    try:
        tasks = os.listdir("/proc/self/task")
    except OSError:
        return None
    names = []
    for task in tasks:
        try:
            with open(f"/proc/self/task/{task}/comm", encoding="utf-8") as comm:
                names.append(comm.read().strip())
        except OSError:  # ended meanwhile
            continue
    return sorted(n for n in names if n != "Thread (pooled)")


def _python_threads() -> int:
    """Threads Python started. Not the placeholders ("Dummy-n") that Python keeps for threads
    it did not start (the worker's QThread) once Python code ran in them: a short-lived
    engine thread given the same thread id later removes that placeholder, so their number
    varies without any thread left behind (the OS threads are counted apart, below)."""
    dummy = threading._DummyThread  # type: ignore[attr-defined]
    return sum(not isinstance(t, dummy) for t in threading.enumerate())


def _destroy(window: MainWindow) -> None:
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


def test_open_close_cycles_leak_no_threads(qtbot, dialog_calls, tmp_path):
    path = photo(tmp_path / "p.png")
    cycle = 0

    def one_cycle(mid_job: bool) -> None:
        nonlocal cycle
        cycle += 1
        w = MainWindow()
        w.set_k(256 if mid_job else 8)
        if mid_job:
            with qtbot.waitSignal(w.compression_progress, timeout=TIMEOUT):
                w.open_paths([photo(tmp_path / f"big{cycle}.png", size=(400, 400))])
        else:
            with wait_shown(qtbot, w, path, 8):
                w.open_paths([path])
        _destroy(w)

    one_cycle(False)  # first window: Qt's own threads (timers, fonts...) start here
    threads, os_threads, qthreads = _python_threads(), _os_threads(), len(_live_qthreads())
    for i in range(5):
        one_cycle(mid_job=bool(i % 2))
    assert _python_threads() == threads
    # A finished QThread's OS thread may take a moment more to go (seconds on a loaded
    # machine); a leaked one never goes, so a longer wait does not hide a leak.
    qtbot.waitUntil(lambda: _os_threads() == os_threads, timeout=30_000)
    assert "kmeans-worker" not in (_os_threads() or [])
    live = _live_qthreads()
    assert len(live) <= qthreads
    assert not any(t.isRunning() for t in live if t is not QThread.currentThread())


def test_a_bug_in_a_job_is_one_line_in_the_window_and_a_traceback_in_the_log(
    qtbot, window, tmp_path, monkeypatch
):
    import logging

    from kmeans_gui import logs
    from kmeans_gui.app import worker as worker_module

    monkeypatch.setenv(logs.ENV_FOLDER, str(tmp_path / "logs"))
    log_file = logs.setup_logging()

    def buggy(*args, **kwargs):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(worker_module, "quantize_image", buggy)
    path = photo(tmp_path / "p.png")
    window.open_paths([path])
    qtbot.waitUntil(lambda: window.state(path)[0] == "error", timeout=TIMEOUT)
    detail = window.state(path)[1]
    assert detail == "unexpected error (RuntimeError: boom second line); the details are in the log"
    text = log_file.read_text(encoding="utf-8")
    assert "ERROR kmeans_gui.app.worker" in text and str(path) in text
    assert "Traceback (most recent call last)" in text and 'raise RuntimeError("boom' in text
    logging.getLogger("kmeans_gui").removeHandler(logs._handler)
    logs._handler.close()
    logs._handler = None
