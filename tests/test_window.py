"""Tests of the main window: opening and dropping, live K, background work, saving, closing.

Headless (offscreen). Waits are on signals with generous timeouts, never on fixed delays.
"""

from __future__ import annotations

import errno
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import (
    QAction,
    QDragEnterEvent,
    QDropEvent,
    QFileOpenEvent,
    QGuiApplication,
    QImage,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsView,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSlider,
    QWidget,
)

from kmeans_gui import engine
from kmeans_gui.app import MainWindow, settings
from kmeans_gui.app import main as app_main
from kmeans_gui.app import worker as worker_module
from kmeans_gui.app.qimage import qimage_to_array
from kmeans_gui.compress import Options, compress
from kmeans_gui.imaging import decode_output, load_image
from kmeans_gui.resources import resource_path

pytestmark = pytest.mark.usefixtures("settings_file")

TIMEOUT = 30_000  # ms: generous, the jobs take well under a second
COFFEE = resource_path("samples", "coffee.png")


# -- helpers ---------------------------------------------------------------------------------
def photo(path: Path, size: tuple[int, int] = (48, 32), seed: int = 0) -> Path:
    """A small image with many colours: gradients and noise."""
    width, height = size
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width]
    rgb = np.stack([x * 255 // max(width - 1, 1), y * 255 // max(height - 1, 1),
                    (x + y) * 127 // max(width + height - 2, 1)], axis=-1)  # fmt: skip
    rgb = np.clip(rgb + rng.integers(-20, 21, rgb.shape), 0, 255).astype(np.uint8)
    Image.fromarray(rgb).save(path)
    return path


def noise(path: Path, size: int) -> Path:
    """An image of random colours: every pixel a distinct colour, slow to quantize at K=256."""
    rng = np.random.default_rng(7)
    Image.fromarray(rng.integers(0, 256, (size, size, 3), dtype=np.uint8)).save(path)
    return path


def drop(window: MainWindow, urls: list[QUrl], target: QWidget | None = None) -> tuple[bool, bool]:
    """Drag URLs over a widget of the window and drop them; return whether both were accepted.

    Qt passes the drag from the widget under the pointer up to the first that takes it, as it
    would for a drag from a file manager.
    """
    mime = QMimeData()
    mime.setUrls(urls)
    target = target if target is not None else window
    point = QPoint(target.width() // 2, target.height() // 2)  # QPoint: every PySide6 >= 6.5
    action, button, mods = (Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)  # fmt: skip
    enter = QDragEnterEvent(point, action, mime, button, mods)
    QApplication.sendEvent(target, enter)
    dropped = QDropEvent(point, action, mime, button, mods)
    QApplication.sendEvent(target, dropped)
    return enter.isAccepted(), dropped.isAccepted()


def wait_shown(qtbot, window: MainWindow, path: Path, k: int):
    """Wait for the compressed preview of (path, k)."""

    def check(shown_path: str, shown_k: int) -> bool:
        return shown_path == str(path) and shown_k == k

    return qtbot.waitSignal(window.compression_finished, timeout=TIMEOUT, check_params_cb=check)


def wait_idle(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(window.is_idle, timeout=TIMEOUT)


def slider(window: MainWindow) -> QSlider:
    return window.findChild(QSlider, "kSlider")


def distinct_colours(image: QImage) -> int:
    pixels = qimage_to_array(image)[..., :3].reshape(-1, 3)
    return len(np.unique(pixels, axis=0))


def engine_stats(path: Path, options: Options):
    return compress(load_image(path), options).stats


def same_stats(a, b) -> bool:
    fields = [f for f in a.__dataclass_fields__ if f != "seconds"]
    return all(getattr(a, f) == getattr(b, f) for f in fields)


# -- the window ------------------------------------------------------------------------------
def test_window_has_the_named_widgets_and_no_dialogs(window, dialog_calls):
    expected = {
        "imageList": QListWidget, "kSlider": QSlider, "originalView": QGraphicsView,
        "compressedView": QGraphicsView, "statsPanel": QWidget, "paletteView": QWidget,
        "progressBar": QProgressBar, "cancelButton": QPushButton, "saveButton": QPushButton,
    }  # fmt: skip
    for name, cls in expected.items():
        widget = window.findChild(cls, name)
        assert widget is not None, name
        # A screen reader says words, not the object name (tests/test_app_access.py).
        assert widget.accessibleName() and widget.accessibleName() != name, name
    assert window.windowTitle() == "kmeans-gui"
    assert set(dialog_calls) == {"answers"}
    assert window.worker_thread.isRunning()
    assert window.options() == Options(k=16)
    assert not window.findChild(QPushButton, "saveButton").isEnabled()


def test_open_paths_shows_original_compressed_stats_and_palette(qtbot, window):
    with wait_shown(qtbot, window, COFFEE, 16):
        opened = window.open_paths([COFFEE])
    assert opened == [COFFEE]
    assert window.windowTitle().startswith("coffee.png")
    assert window.state(COFFEE) == ("done", "")
    assert not window.findChild(QGraphicsView, "originalView").image().isNull()
    assert distinct_colours(window.compressed_image()) <= 16
    values = window.findChild(QWidget, "statsPanel").values()
    assert values["dimensions"].startswith("600 × 400")
    assert values["colors"] == "16 (K = 16)"
    assert len(window.findChild(QWidget, "paletteView").entries()) == 16
    assert window.findChild(QPushButton, "saveButton").isEnabled()
    assert settings.RECENT_FILES.get() == [str(COFFEE)]


# -- drag and drop ---------------------------------------------------------------------------
def test_dropping_files_opens_them(qtbot, window, tmp_path):
    a, b = photo(tmp_path / "a.png"), photo(tmp_path / "b.jpg", seed=1)
    viewport = window.findChild(QGraphicsView, "compressedView").viewport()
    with wait_shown(qtbot, window, a, 16):
        accepted = drop(
            window, [QUrl.fromLocalFile(str(a)), QUrl.fromLocalFile(str(b))], target=viewport
        )
    assert accepted == (True, True)
    assert window.images() == [a, b]
    assert window.current_path() == a
    wait_idle(qtbot, window)  # the second is compressed in the background
    assert window.state(b)[0] == "done"


def test_dropping_a_folder_opens_its_images(qtbot, window, tmp_path):
    folder = tmp_path / "photos"
    (folder / "sub").mkdir(parents=True)
    photo(folder / "x.png")
    photo(folder / "sub" / "y.png", seed=2)
    (folder / "notes.txt").write_text("not an image")
    image_list = window.findChild(QListWidget, "imageList").viewport()
    with wait_shown(qtbot, window, folder / "sub" / "y.png", 16):
        drop(window, [QUrl.fromLocalFile(str(folder))], target=image_list)
    assert window.images() == [folder / "sub" / "y.png", folder / "x.png"]


def test_non_image_drops_are_refused_and_the_rest_opens(qtbot, window, tmp_path, dialog_calls):
    good = photo(tmp_path / "good.png")
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    empty = tmp_path / "empty"
    empty.mkdir()
    urls = [QUrl.fromLocalFile(str(p)) for p in (text, good, empty)]
    urls.append(QUrl("https://example.com/cat.jpg"))
    with wait_shown(qtbot, window, good, 16):
        drop(window, urls)
    assert window.images() == [good]
    (message,) = [args[1] for args in dialog_calls["notify"]]
    assert "notes.txt: not an image file" in message
    assert "empty: no images in this folder" in message
    assert "cat.jpg: not a local file" in message


def test_only_non_images_opens_nothing(window, tmp_path, dialog_calls):
    text = tmp_path / "a.txt"
    text.write_text("x")
    assert window.open_paths([text, tmp_path / "missing.png"]) == []
    assert window.images() == []
    assert "missing.png: no such file" in dialog_calls["notify"][0][1]


def test_a_broken_image_shows_its_error_without_a_dialog(qtbot, window, tmp_path, dialog_calls):
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\nthis is not really a png")
    window.open_paths([broken])
    qtbot.waitUntil(lambda: window.state(broken)[0] == "error", timeout=TIMEOUT)
    assert window.state(broken)[1]  # the reason
    assert "cannot be opened" in window.findChild(QGraphicsView, "originalView").message()
    assert "error" not in dialog_calls and "notify" not in dialog_calls


# -- K, live preview, coalescing -------------------------------------------------------------
def test_slider_preview_has_at_most_k_colours_and_the_engine_stats(qtbot, window):
    with wait_shown(qtbot, window, COFFEE, 16):
        window.open_paths([COFFEE])
    with wait_shown(qtbot, window, COFFEE, 8):
        slider(window).setValue(8)
    assert window.options().k == 8
    result = window.shown_result()
    assert result is not None and result.options.k == 8
    assert distinct_colours(window.compressed_image()) <= 8
    expected = engine_stats(COFFEE, Options(k=8))
    assert same_stats(result.stats, expected)
    values = window.findChild(QWidget, "statsPanel").values()
    assert values["psnr"] == f"{expected.psnr:.2f} dB"
    assert values["iterations"] == str(expected.iterations)
    assert len(window.findChild(QWidget, "paletteView").entries()) == expected.colors


def test_rapid_slider_moves_end_with_the_last_k_and_show_no_stale_result(qtbot, window, tmp_path):
    path = photo(tmp_path / "p.png", size=(160, 120))
    with wait_shown(qtbot, window, path, 16):
        window.open_paths([path])
    shown: list[int] = []
    window.compression_finished.connect(lambda _p, k: shown.append(k))
    with wait_shown(qtbot, window, path, 12):
        for position in range(3, 13):
            slider(window).setValue(position)
    wait_idle(qtbot, window)
    assert shown == [12]
    assert window.shown_result().options.k == 12
    assert distinct_colours(window.compressed_image()) <= 12


def test_options_change_the_preview(qtbot, window, tmp_path):
    path = photo(tmp_path / "p.png")
    with wait_shown(qtbot, window, path, 16):
        window.open_paths([path])
    with wait_shown(qtbot, window, path, 16):
        window.findChild(QWidget, "colorSpaceBox").setCurrentIndex(1)
    assert window.shown_result().options.color_space == "oklab"
    with wait_shown(qtbot, window, path, 16):
        window.findChild(QWidget, "formatBox").setCurrentIndex(1)
    assert window.shown_result().options.fmt == "gif"
    assert window.shown_result().encoded[:3] == b"GIF"


def test_analysis_is_reused_for_a_new_k(qtbot, window, tmp_path, monkeypatch):
    path = photo(tmp_path / "p.png")
    analyses = []
    real = engine.analyse
    monkeypatch.setattr(worker_module.engine, "analyse", lambda *a: analyses.append(1) or real(*a))
    with wait_shown(qtbot, window, path, 16):
        window.open_paths([path])
    for k in (4, 5):
        with wait_shown(qtbot, window, path, k):
            window.set_k(k)
    assert len(analyses) == 1


def test_selecting_an_image_being_compressed_in_the_background_shows_it(
    qtbot, window, tmp_path, monkeypatch
):
    a, b = photo(tmp_path / "a.png"), photo(tmp_path / "b.png", seed=5)
    release = threading.Event()
    real = worker_module.quantize_image

    def gated(image, options, **kwargs):
        while image.path == b and not release.is_set():
            if kwargs["should_stop"]():
                raise engine.Cancelled
            time.sleep(0.002)
        return real(image, options, **kwargs)

    monkeypatch.setattr(worker_module, "quantize_image", gated)
    with wait_shown(qtbot, window, a, 16):
        window.open_paths([a, b])
    qtbot.waitUntil(lambda: window._images[b].size is not None, timeout=TIMEOUT)  # loaded
    window.findChild(QListWidget, "imageList").setCurrentRow(1)  # the running job is wanted
    with wait_shown(qtbot, window, b, 16):
        release.set()
    assert not window.findChild(QGraphicsView, "originalView").image().isNull()
    assert window.state(b) == ("done", "")


def test_keyboard_shortcuts_and_k_keys(qtbot, window):
    shortcuts = {
        window.open_action: "Ctrl+O", window.save_action: "Ctrl+S",
        window.save_all_action: "Ctrl+Shift+S", window.quit_action: "Ctrl+Q",
        window.k_up_action: "+", window.k_down_action: "-", window.cancel_action: "Esc",
    }  # fmt: skip
    for action, key in shortcuts.items():
        assert QKeySequence(key) in action.shortcuts(), key
    window.k_up_action.trigger()
    assert window.options().k == 17
    window.k_down_action.trigger()
    window.k_down_action.trigger()
    assert window.options().k == 15


def test_about_box_has_version_and_licence(window, dialog_calls):
    window.about_action.trigger()
    (title, text) = dialog_calls["about"][0]
    assert "0." in text and "MIT" in text


# -- cancel ----------------------------------------------------------------------------------
def blocking_compress(image, options, *, analysis=None, progress=None, should_stop=None):
    """A stand-in for the k-means stage (quantize_image) that reports an iteration and waits
    to be cancelled."""
    progress(1, 100.0)
    deadline = time.monotonic() + 60
    while not should_stop():
        if time.monotonic() > deadline:
            raise RuntimeError("never cancelled")
        time.sleep(0.002)
    raise engine.Cancelled


def test_cancel_stops_the_worker(qtbot, window, tmp_path, monkeypatch):
    path = photo(tmp_path / "p.png")
    monkeypatch.setattr(worker_module, "quantize_image", blocking_compress)
    with qtbot.waitSignal(window.compression_progress, timeout=TIMEOUT):
        window.open_paths([path])
    cancel = window.findChild(QPushButton, "cancelButton")
    assert cancel.isEnabled()
    assert window.findChild(QProgressBar, "progressBar").maximum() == 0  # busy
    with qtbot.waitSignal(window.compression_cancelled, timeout=TIMEOUT):
        cancel.click()
    assert window.state(path)[0] == "waiting"
    assert window.is_idle() and not cancel.isEnabled()
    assert window.worker_thread.isRunning()  # the worker takes the next job
    monkeypatch.undo()
    with wait_shown(qtbot, window, path, 9):
        window.set_k(9)


def test_cancel_stops_the_real_engine(qtbot, window, tmp_path):
    path = noise(tmp_path / "noise.png", 400)
    window.set_k(256)
    iterations: list[int] = []
    window.compression_progress.connect(lambda i, _: iterations.append(i))
    with qtbot.waitSignal(window.compression_progress, timeout=TIMEOUT):
        window.open_paths([path])
    with qtbot.waitSignal(window.compression_cancelled, timeout=TIMEOUT):
        window.cancel_action.trigger()
    assert window.shown_result() is None
    assert window.state(path)[0] == "waiting"


# -- saving ----------------------------------------------------------------------------------
@pytest.fixture
def shown(qtbot, window):
    with wait_shown(qtbot, window, COFFEE, 16):
        window.open_paths([COFFEE])
    return window


def test_save_writes_a_valid_palette_file(shown, tmp_path, dialog_calls):
    settings.SAVE_EFFORT.set("fast")  # the file on screen, written at once
    target = tmp_path / "out" / "mine.png"
    target.parent.mkdir()
    dialog_calls["answers"]["save_file"] = (str(target), "png")
    shown.findChild(QPushButton, "saveButton").click()
    suggested, fmt = dialog_calls["save_file"][0]
    assert Path(suggested).name == "coffee_k16.png" and fmt == "png"
    assert target.read_bytes() == shown.shown_result().encoded
    with Image.open(target) as im:
        assert im.format == "PNG" and im.mode == "P"
        assert len(im.convert("RGB").getcolors(256)) <= 16
    assert settings.SAVE_FOLDER.get() == str(target.parent)
    shown.save_action.trigger()  # the next dialog starts in the last-used folder
    assert Path(dialog_calls["save_file"][1][0]) == target.parent / "coffee_k16.png"


def test_save_refuses_to_overwrite_without_confirmation(shown, tmp_path, dialog_calls):
    settings.SAVE_EFFORT.set("fast")  # the file on screen, written at once
    target = tmp_path / "exists.png"
    target.write_bytes(b"keep me")
    dialog_calls["answers"]["save_file"] = (str(target), "png")
    dialog_calls["answers"]["confirm_overwrite"] = False
    shown.save_action.trigger()
    assert dialog_calls["confirm_overwrite"][0][0] == target
    assert target.read_bytes() == b"keep me"
    dialog_calls["answers"]["confirm_overwrite"] = True
    shown.save_action.trigger()
    assert target.read_bytes() == shown.shown_result().encoded


def test_save_error_is_a_dialog_not_a_crash(shown, tmp_path, dialog_calls, refuse_new_files):
    settings.SAVE_EFFORT.set("fast")  # the file on screen, written at once
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    # root ignores permissions: refuse as the OS would
    refuse_new_files(folder, PermissionError(errno.EACCES, "Permission denied"))
    dialog_calls["answers"]["save_file"] = (str(folder / "x.png"), "png")
    shown.save_action.trigger()
    (title, text) = dialog_calls["error"][0]
    assert "not writable" in text
    assert not (folder / "x.png").exists()
    folder.chmod(0o700)


def test_save_with_effort_max_rewrites_the_file_in_the_worker(qtbot, shown, tmp_path, dialog_calls):
    on_screen = shown.shown_result()
    assert on_screen.stats.effort == "fast"
    assert settings.SAVE_EFFORT.get() == "max"  # the default
    efforts = {a.data(): a for a in shown.findChildren(QAction) if a.data() in ("fast", "max")}
    assert efforts["max"].isChecked() and not efforts["fast"].isChecked()
    target = tmp_path / "max.png"
    dialog_calls["answers"]["save_file"] = (str(target), "png")
    shown.save_action.trigger()
    wait_idle(qtbot, shown)
    written = target.read_bytes()
    assert len(written) < len(on_screen.encoded)
    np.testing.assert_array_equal(decode_output(written)[0], decode_output(on_screen.encoded)[0])
    assert "effort max" in shown.statusBar().currentMessage()
    assert shown.shown_result() is on_screen  # what is shown is unchanged
    efforts["fast"].trigger()  # File ▸ Save Effort ▸ Fast, remembered
    assert settings.SAVE_EFFORT.get() == "fast"
    dialog_calls["answers"]["confirm_overwrite"] = True
    shown.save_action.trigger()
    assert target.read_bytes() == on_screen.encoded


def test_save_in_another_format_encodes_it_in_the_worker(qtbot, shown, tmp_path, dialog_calls):
    target = tmp_path / "c.gif"
    dialog_calls["answers"]["save_file"] = (str(target), "gif")
    shown.save_action.trigger()
    wait_idle(qtbot, shown)
    with Image.open(target) as im:
        assert im.format == "GIF"
    assert "error" not in dialog_calls


def test_save_all_writes_every_done_image(qtbot, window, tmp_path, dialog_calls):
    a, b = photo(tmp_path / "a.png"), photo(tmp_path / "b.png", seed=3)
    window.open_paths([a, b])
    wait_idle(qtbot, window)
    with wait_shown(qtbot, window, a, 6):
        window.set_k(6)  # b was compressed at K=16: Save All recomputes it at K=6
    out = tmp_path / "out"
    out.mkdir()
    (out / "b_k6.png").write_bytes(b"old")
    dialog_calls["answers"]["choose_folder"] = str(out)
    dialog_calls["answers"]["confirm_overwrite_many"] = False  # skip existing files
    window.save_all_action.trigger()
    wait_idle(qtbot, window)
    assert dialog_calls["confirm_overwrite_many"][0][0] == ["b_k6.png"]
    assert (out / "b_k6.png").read_bytes() == b"old"
    with Image.open(out / "a_k6.png") as im:
        assert im.mode == "P" and len(im.convert("RGB").getcolors(256)) <= 6
    dialog_calls["answers"]["confirm_overwrite_many"] = True
    window.save_all_action.trigger()
    wait_idle(qtbot, window)
    with Image.open(out / "b_k6.png") as im:
        assert len(im.convert("RGB").getcolors(256)) <= 6
    assert window.state(b) == ("done", "")


# -- closing ---------------------------------------------------------------------------------
def test_closing_during_a_job_stops_the_thread(qtbot, window, tmp_path, monkeypatch):
    monkeypatch.setattr(worker_module, "quantize_image", blocking_compress)
    with qtbot.waitSignal(window.compression_progress, timeout=TIMEOUT):
        window.open_paths([photo(tmp_path / "p.png")])
    window.close()
    assert window.worker_thread.isFinished() and not window.worker_thread.isRunning()


def test_closing_during_a_real_job_stops_the_thread(qtbot, window, tmp_path):
    window.set_k(256)
    with qtbot.waitSignal(window.compression_progress, timeout=TIMEOUT):
        window.open_paths([noise(tmp_path / "n.png", 400)])
    window.close()
    assert window.worker_thread.isFinished()


def test_settings_are_remembered(qtbot, window, tmp_path, dialog_calls):
    window.set_k(40)
    window.findChild(QWidget, "ditherSpinBox").setValue(100)
    window.resize(700, 500)
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.options() == Options(k=40, dither=True)
    assert again.size().width() == 700
    again.close()


def test_first_start_opens_the_sample_and_later_starts_do_not(qtbot, window):
    assert app_main.startup_paths([]) == [str(COFFEE)]
    assert app_main.startup_paths([]) == []
    assert app_main.startup_paths(["x.png"]) == ["x.png"]
    with wait_shown(qtbot, window, COFFEE, 16):
        window.open_paths([COFFEE], remember=False)  # as main() opens the sample
    assert settings.OPEN_FOLDER.get() == "" and settings.RECENT_FILES.get() == []


def test_a_file_open_event_opens_the_file(qtbot, window, tmp_path):
    """macOS's "Open With" and Dock drops arrive as a QFileOpenEvent sent to the QApplication."""
    path = photo(tmp_path / "café à Zürich.png")
    app = QApplication.instance()
    handler = app_main.FileOpenHandler(window)
    app.installEventFilter(handler)
    try:
        with wait_shown(qtbot, window, path, 16):
            QApplication.postEvent(app, QFileOpenEvent(str(path)))
    finally:
        app.removeEventFilter(handler)
    assert window.images() == [path]
    assert settings.RECENT_FILES.get() == [str(path)]


def test_paste_opens_a_clipboard_image(qtbot, window):
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkCyan)
    QGuiApplication.clipboard().setImage(image)
    window.paste_action.trigger()
    (path,) = window.images()
    assert path.name == "Pasted image 1.png"
    assert settings.RECENT_FILES.get() == []  # a temporary file is not worth remembering
    wait_idle(qtbot, window)
    assert window.state(path)[0] == "done"
    window.close()
    assert not path.exists()  # the session's pasted files are removed


def test_open_dialogs_start_in_the_last_folder(window, tmp_path, dialog_calls):
    a = photo(tmp_path / "a.png")
    dialog_calls["answers"]["open_files"] = [str(a)]
    window.open_action.trigger()
    assert window.images() == [a]
    window.open_folder_action.trigger()
    assert dialog_calls["open_folder"][0][0] == str(tmp_path)


def test_status_shows_progress_while_working(qtbot, window, tmp_path, monkeypatch):
    monkeypatch.setattr(worker_module, "quantize_image", blocking_compress)
    with qtbot.waitSignal(window.compression_progress, timeout=TIMEOUT):
        window.open_paths([photo(tmp_path / "p.png")])
    qtbot.waitUntil(
        lambda: "iteration 1" in " ".join(label.text() for label in window.findChildren(QLabel)),
        timeout=TIMEOUT,
    )
    window.cancel()
    wait_idle(qtbot, window)


def test_a_large_photo_shows_a_quick_preview_then_the_result(qtbot, window, tmp_path, monkeypatch):
    # From QUICK_PREVIEW_PIXELS (2 MP) a compression first sends a quick preview; a 1.1 MP
    # photo with the threshold lowered takes the same path, with a preview 3 times smaller.
    monkeypatch.setattr(worker_module, "QUICK_PREVIEW_PIXELS", 1_000_000)
    path = photo(tmp_path / "large.png", size=(1200, 900))
    with wait_shown(qtbot, window, path, 16):
        window.open_paths([path])
    seen = []

    def on_preview(shown_path: str, k: int) -> None:
        view = window.findChild(QWidget, "compressedView")
        seen.append((shown_path, k, distinct_colours(view.image()), view.image().size(),
                     view.sceneRect().size().toSize(), view.message(),
                     window.shown_result().options.k))  # fmt: skip

    window.quick_preview_shown.connect(on_preview)
    with wait_shown(qtbot, window, path, 8):
        slider(window).setValue(8)
    assert len(seen) == 1
    shown_path, k, colours, preview_size, scene_size, message, result_k = seen[0]
    assert (shown_path, k) == (str(path), 8)
    assert colours <= 8 and "Quick preview" in message
    assert result_k == 16  # the result on screen is still the last one until K=8 is done
    # A 400 x 300 preview drawn at the photo's size, in step with the original view.
    assert (preview_size.width(), preview_size.height()) == (400, 300)
    assert (scene_size.width(), scene_size.height()) == (1200, 900)
    view = window.findChild(QWidget, "compressedView")
    assert (view.image().width(), view.image().height()) == (1200, 900)
    assert view.message() == "" and distinct_colours(view.image()) <= 8
    # Dithered results are not previewed (the preview would not look like them).
    window.quick_preview_shown.disconnect(on_preview)
    previews = []
    window.quick_preview_shown.connect(lambda p, k: previews.append(k))
    with wait_shown(qtbot, window, path, 8):
        window.findChild(QWidget, "ditherSpinBox").setValue(100)
    assert previews == []


def test_cancelling_after_a_quick_preview_puts_the_shown_result_back(
    qtbot, window, tmp_path, monkeypatch
):
    monkeypatch.setattr(worker_module, "QUICK_PREVIEW_PIXELS", 1_000_000)
    path = photo(tmp_path / "large.png", size=(1200, 900))
    with wait_shown(qtbot, window, path, 16):
        window.open_paths([path])
    view = window.findChild(QWidget, "compressedView")
    before = qimage_to_array(view.image())
    window.quick_preview_shown.connect(lambda _p, _k: window.cancel())
    with qtbot.waitSignal(window.compression_cancelled, timeout=TIMEOUT):
        slider(window).setValue(8)
    wait_idle(qtbot, window)
    # The K=16 result is on screen again, full size, with no preview message over it.
    assert window.shown_result().options.k == 16
    assert (view.image().width(), view.image().height()) == (1200, 900)
    np.testing.assert_array_equal(qimage_to_array(view.image()), before)
    assert "Quick preview" not in view.message()
