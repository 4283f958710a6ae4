"""Accessibility and removing images: every interactive widget has a name and a role a screen
reader can say (Qt's accessibility interface), the previews and K grid cells say what they
show, the whole workflow runs from the keyboard with a visible focus, and images leave the
list by Delete, the context menu or Clear List, their running job cancelled cleanly."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFileDialog,
    QGraphicsView,
    QLineEdit,
    QTabBar,
    QWidget,
)

from kmeans_gui.app import MainWindow, settings
from kmeans_gui.app.kgrid import CellView
from kmeans_gui.app.qimage import qimage_to_array

TIMEOUT = 60_000
INTERACTIVE = (
    QAbstractButton, QComboBox, QAbstractSlider, QAbstractSpinBox, QLineEdit,
    QAbstractItemView, QGraphicsView, QTabBar,
)  # fmt: skip
OFFSCREEN_LIMITS = "This plugin does not support (raise|grabbing)"  # file dialogs offscreen


@pytest.fixture(autouse=True)
def settings_file(tmp_path):
    settings.use_file(tmp_path / "settings.ini")
    settings.SAVE_EFFORT.set("fast")
    yield
    settings.use_file(None)


@pytest.fixture
def window(qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1300, 850)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
    assert not w.worker_thread.isRunning()


def photo(path: Path, width: int = 96, height: int = 64, seed: int = 0) -> Path:
    """Gradients and noise: many colours."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width]
    rgb = np.stack([x * 255 // (width - 1), y * 255 // (height - 1), (x + y) % 256], axis=-1)
    rgb = np.clip(rgb + rng.integers(-30, 31, rgb.shape), 0, 255).astype(np.uint8)
    Image.fromarray(rgb).save(path)
    return path


def interactive_widgets(window: QWidget) -> list[QWidget]:
    """The widgets a person operates, not the parts Qt builds inside them (a spin box's text
    field, a combo box's popup list)."""
    found = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or not widget.isVisible():
            continue
        parent = widget.parentWidget()
        inner = isinstance(parent, (QAbstractSpinBox, QComboBox)) or (
            isinstance(widget, QAbstractItemView) and widget.window() is not window
        )
        if not inner and widget.objectName() != "qt_menubar_ext_button":
            found.append(widget)
    return found


def accessible(widget: QWidget) -> tuple[str, QAccessible.Role]:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None and interface.isValid(), widget
    return interface.text(QAccessible.Text.Name), interface.role()


def in_words(name: str, widget: QWidget) -> bool:
    """A name a person would say: not the object name, nor an identifier like "kSlider"."""
    return (
        bool(name.strip())
        and name != widget.objectName()
        and not re.fullmatch(r"[a-z]+([A-Z][a-z]*)+|\w+_\w+", name)
    )


@pytest.mark.qt_log_ignore(OFFSCREEN_LIMITS)
def test_every_interactive_widget_has_a_name_in_words_and_a_role(qtbot, window, tmp_path):
    window.open_paths([photo(tmp_path / "gradient.png")])
    with qtbot.waitSignal(window.compression_finished, timeout=TIMEOUT):
        pass
    checked = 0
    for view in ("side", "split", "difference", "grid", "chart"):
        window.views().set_view(view)
        qtbot.waitUntil(lambda: window.views().currentWidget().isVisible())
        if view == "chart":
            qtbot.waitUntil(lambda: window.views().chart.plot_widget() is not None)
        for widget in interactive_widgets(window):
            name, role = accessible(widget)
            assert role != QAccessible.Role.NoRole, widget
            # A combo box's name on Linux is its value (its label comes by relation); the name
            # the other platforms read is the accessibleName property.
            said = widget.accessibleName() if isinstance(widget, QComboBox) else name
            assert in_words(said, widget), (view, type(widget).__name__, widget.objectName(), said)
            checked += 1
    assert checked > 60
    window.show_goal_panel()  # the one dialog of the window's own
    panel = window.goal_panel()
    qtbot.waitExposed(panel)
    assert len(interactive_widgets(panel)) > 10
    for widget in interactive_widgets(panel):
        name, role = accessible(widget)
        assert role != QAccessible.Role.NoRole and in_words(name, widget), widget.objectName()


def test_previews_and_grid_cells_say_image_k_and_size(qtbot, window, tmp_path):
    path = photo(tmp_path / "gradient.png")
    window.open_paths([path])
    with qtbot.waitSignal(window.compression_finished, timeout=TIMEOUT):
        pass
    views = window.views()
    original, _ = accessible(views.pair.original)
    compressed, _ = accessible(views.pair.compressed)
    size = window.shown_result().stats.output_bytes
    assert "gradient.png" in original and "96 × 64" in original
    assert "gradient.png" in compressed and "K = 16" in compressed
    assert re.search(r"\d+(\.\d+)? (B|KB)", compressed), compressed
    assert str(size // 1000) in compressed or f"{size} B" in compressed
    views.set_view("grid")
    cell = views.grid.cell(8)
    qtbot.waitUntil(lambda: cell.measured, timeout=TIMEOUT)
    name, _ = accessible(cell.view)
    assert name.startswith("K grid cell: K = 8 · ") and re.search(r"\d (B|KB)", name), name


dialogs_seen: list[list[str]] = []  # what went wrong in each dialog walked (empty: nothing)


def walk_dialog(qtbot, text: str) -> None:
    """When a file dialog opens: type `text` into its file name and press Enter."""

    tries = [100]  # 5 s for the dialog to open and take the focus (activation comes later)

    def type_in() -> None:
        dialog = QApplication.activeModalWidget()
        field = QApplication.focusWidget()
        has_focus = isinstance(field, QLineEdit) and field.window() is dialog
        if not (isinstance(dialog, QFileDialog) and has_focus):
            tries[0] -= 1
            if tries[0] > 0:
                QTimer.singleShot(50, type_in)
            elif isinstance(dialog, QFileDialog):
                typed.append(f"the file name field has no focus: {field}")
                dialog.reject()  # fail, not hang
            return
        qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # replace
        qtbot.keyClicks(field, text)
        if field.text() != text:
            typed.append(f"typed {field.text()!r}")
        qtbot.keyClick(field, Qt.Key.Key_Return)

    typed: list[str] = []
    dialogs_seen.append(typed)

    QTimer.singleShot(50, type_in)


def back_to(qtbot, window) -> None:
    # Offscreen, focus does not come back by itself when a dialog closes (a desktop does it).
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def ring_drawn(view: QGraphicsView) -> bool:
    """Whether the view's focus ring (the palette's highlight) runs along its top edge."""
    shot = qimage_to_array(view.viewport().grab().toImage())
    highlight = view.palette().color(QPalette.ColorRole.Highlight)
    top = shot[2, 10:-10, :3].astype(int)
    want = np.array([highlight.red(), highlight.green(), highlight.blue()])
    return bool(np.all(np.abs(top - want).max(axis=1) <= 2))


@pytest.mark.qt_log_ignore(OFFSCREEN_LIMITS)
def test_keyboard_only_workflow(qtbot, window, tmp_path):
    """Open, change K, switch views, pick a grid cell, save, cancel: keys only."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    source = photo(tmp_path / "walk.png", 900, 600)
    # Open: Ctrl+O, the file's name, Enter.
    walk_dialog(qtbot, str(source))
    with qtbot.waitSignal(window.compression_finished, timeout=2 * TIMEOUT) as opened:
        press(qtbot, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)  # returns when closed
        assert dialogs_seen[-1] == [] and window.images() == [source], dialogs_seen[-1]
    assert opened.args == [str(source), 16]
    back_to(qtbot, window)
    # Change K: Alt+K goes to the K slider (its label's mnemonic), Right is the next K.
    press(qtbot, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    assert focused().objectName() == "kSlider"
    with qtbot.waitSignal(window.compression_finished, timeout=TIMEOUT) as changed:
        press(qtbot, Qt.Key.Key_Right)
    assert changed.args[1] == 17
    # Switch views: Alt+4 is the K grid; Tab reaches its cells, each with a visible focus.
    press(qtbot, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    assert window.views().view() == "grid"
    for _ in range(40):
        press(qtbot, Qt.Key.Key_Tab)
        if isinstance(focused(), CellView) and focused().parentWidget().k == 8:
            break
    cell = focused()
    assert isinstance(cell, CellView) and cell.parentWidget().k == 8
    qtbot.waitUntil(lambda: ring_drawn(cell))
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not ring_drawn(cell))  # the ring follows the focus
    press(qtbot, Qt.Key.Key_Backtab)
    # Pick a grid cell: Enter uses its K.
    with qtbot.waitSignal(window.compression_finished, timeout=TIMEOUT) as picked:
        press(qtbot, Qt.Key.Key_Return)
    assert picked.args[1] == 8 and window.options().k == 8
    # Save: Ctrl+S, a name, Enter.
    target = tmp_path / "walk_k8.png"
    walk_dialog(qtbot, str(target))
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialogs_seen[-1] == []

    def saved() -> None:
        assert target.exists(), (window.statusBar().currentMessage(), dialogs_seen[-1])

    qtbot.waitUntil(saved, timeout=TIMEOUT)
    assert Image.open(target).mode == "P"
    back_to(qtbot, window)
    # Cancel: back to side by side (Alt+1), End asks for K = 256 (seconds on this image), and
    # Esc stops it once its k-means runs.
    press(qtbot, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    press(qtbot, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    with qtbot.waitSignal(window.compression_progress, timeout=TIMEOUT):
        press(qtbot, Qt.Key.Key_End)
    with qtbot.waitSignal(window.compression_cancelled, timeout=TIMEOUT) as cancelled:
        press(qtbot, Qt.Key.Key_Escape)
    assert cancelled.args == [str(source)]
    qtbot.waitUntil(window.is_idle, timeout=TIMEOUT)
    assert window.shown_result().options.k == 8  # what was on screen stays


# -- removing images ---------------------------------------------------------------------------
def test_delete_in_the_list_removes_the_image_and_shows_the_next(qtbot, window, tmp_path):
    first, second = photo(tmp_path / "a.png", seed=1), photo(tmp_path / "b.png", seed=2)
    window.open_paths([first, second])
    qtbot.waitUntil(window.is_idle, timeout=TIMEOUT)
    image_list = window.findChild(QAbstractItemView, "imageList")
    image_list.setFocus()
    qtbot.waitUntil(image_list.hasFocus)
    assert window.current_path() == first
    with qtbot.waitSignal(window.compression_finished, timeout=TIMEOUT) as shown:
        qtbot.keyClick(image_list, Qt.Key.Key_Delete)
    assert window.images() == [second] and shown.args[0] == str(second)
    assert first.exists()  # only the list changes
    # Delete elsewhere is the field's own: the K grid's text keeps it.
    window.views().set_view("grid")
    field = window.views().grid.ks_edit
    field.setFocus()
    field.setCursorPosition(0)
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    assert window.images() == [second] and not field.text().startswith("2 ")


def test_context_menu_and_clear_list(qtbot, window, tmp_path):
    paths = [photo(tmp_path / f"{i}.png", seed=i) for i in range(3)]
    window.open_paths(paths)
    image_list = window.findChild(QAbstractItemView, "imageList")
    assert image_list.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    menu = [a.text() for a in image_list.actions()]
    assert menu == [window.remove_action.text(), window.clear_list_action.text()]
    window.clear_list_action.trigger()
    assert window.images() == []
    qtbot.waitUntil(window.is_idle, timeout=TIMEOUT)
    assert not window.remove_action.isEnabled() and not window.clear_list_action.isEnabled()
    assert not window.save_all_action.isEnabled()
    assert window.compressed_image().isNull() and window.windowTitle() == "kmeans-gui"
    # The same photos open again as new.
    with qtbot.waitSignal(window.compression_finished, timeout=TIMEOUT):
        window.open_paths(paths[:1])
    assert window.images() == paths[:1]


def test_removing_an_image_cancels_its_running_job_cleanly(qtbot, window, tmp_path):
    slow = photo(tmp_path / "slow.png", 1600, 1200)
    window.set_k(256)
    with qtbot.waitSignal(window.compression_progress, timeout=TIMEOUT):
        window.open_paths([slow])  # k-means iterates: the job runs
    with qtbot.waitSignal(window.compression_cancelled, timeout=TIMEOUT) as cancelled:
        assert window.remove_images([slow]) == 1
    assert cancelled.args == [str(slow)]
    qtbot.waitUntil(window.is_idle, timeout=TIMEOUT)
    assert window.images() == [] and window.shown_result() is None
    assert "Cancelled" not in window.statusBar().currentMessage()  # not the user's Cancel
    # The worker goes on with the next image as before.
    window.set_k(8)
    other = photo(tmp_path / "other.png")
    with qtbot.waitSignal(window.compression_finished, timeout=TIMEOUT) as done:
        window.open_paths([other])
    assert done.args == [str(other), 8]
