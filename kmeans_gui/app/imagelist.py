"""The list of opened images: thumbnail, name and state (waiting, working, done, error)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QIcon, QImage, QPalette, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from ..files import shown_name, shown_text
from . import theme
from .i18n import QT_TRANSLATE_NOOP, translate
from .signals import emit

WAITING, WORKING, DONE, ERROR = "waiting", "working", "done", "error"
STATES = (WAITING, WORKING, DONE, ERROR)

ICON_SIZE = 56
_PATH_ROLE = Qt.ItemDataRole.UserRole
_STATE_ROLE = Qt.ItemDataRole.UserRole + 1
_LABELS = {
    WAITING: QT_TRANSLATE_NOOP("ImageList", "waiting"),
    WORKING: QT_TRANSLATE_NOOP("ImageList", "working…"),
    DONE: QT_TRANSLATE_NOOP("ImageList", "done"),
    ERROR: QT_TRANSLATE_NOOP("ImageList", "error"),
}


class ImageList(QListWidget):
    """One row per image; the current row is the image on screen.

    A row reads: the name; the state; its detail (K, size and ratio, or the reason for an
    error), or instead how a Save All goes for it (:meth:`set_save_state`).

    ``current_path_changed(object)`` carries the new current path, or None.
    """

    current_path_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        # Several rows may be selected (for a shared palette); the current row is on screen.
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setUniformItemSizes(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAcceptDrops(False)  # drops go to the window
        self.setSpacing(2)
        self.setAccessibleName(translate("ImageList", "Opened images"))
        self.setToolTip(
            translate("ImageList", "Opened images: drop photos or folders anywhere on the window")
        )
        self.setAccessibleDescription(self.toolTip())
        self._items: dict[Path, QListWidgetItem] = {}
        self._paths: list[Path] = []  # by the number each item holds
        self._shown: dict[Path, tuple[str, str]] = {}  # state, detail
        self._saving: dict[Path, str] = {}  # what a Save All did or does with it
        self._placeholder = self._blank_icon()
        self.currentItemChanged.connect(self._on_current_changed)

    def _blank_icon(self) -> QIcon:
        pixmap = QPixmap(ICON_SIZE, ICON_SIZE)
        pixmap.fill(self.palette().color(QPalette.ColorRole.Mid))
        return QIcon(pixmap)

    def add(self, path: Path) -> QListWidgetItem:
        """Add an image in the waiting state (or return its row if already there)."""
        if path in self._items:
            return self._items[path]
        item = QListWidgetItem(self._placeholder, "")
        # A number, not the path: a QString cannot hold a Linux name that is not UTF-8.
        item.setData(_PATH_ROLE, len(self._paths))
        self._paths.append(path)
        item.setSizeHint(
            QSize(ICON_SIZE + 180, max(ICON_SIZE, 3 * self.fontMetrics().height()) + 8)
        )
        self.addItem(item)
        self._items[path] = item
        self.set_state(path, WAITING)
        return item

    def remove(self, path: Path) -> None:
        """Take an image out of the list (the next one becomes current, if it was)."""
        item = self._items.pop(path, None)
        if item is not None:
            self.takeItem(self.row(item))

    def paths(self) -> list[Path]:
        """Every image, in list order."""
        return [self._path_of(self.item(i)) for i in range(self.count())]

    def current_path(self) -> Path | None:
        """The image on screen."""
        item = self.currentItem()
        return None if item is None else self._path_of(item)

    def selected_paths(self) -> list[Path]:
        """The selected images, in list order."""
        return [p for p in self.paths() if self._items[p].isSelected()]

    def set_current_path(self, path: Path) -> None:
        """Make an image current."""
        self.setCurrentItem(self._items[path])

    def set_state(self, path: Path, state: str, detail: str = "") -> None:
        """Show an image's state, with a detail line (the reason for an error)."""
        if state not in STATES:
            raise ValueError(f"state={state!r} should be one of {', '.join(STATES)}")
        item = self._items.get(path)
        if item is None:
            return
        item.setData(_STATE_ROLE, state)
        self._shown[path] = (state, detail)
        self._write(path, item)
        if state == ERROR:
            item.setForeground(theme.warning_colour(self.palette()))
        else:
            item.setData(Qt.ItemDataRole.ForegroundRole, None)

    def set_save_state(self, path: Path, text: str) -> None:
        """Show how a Save All goes for an image ("saving…", "saved: a_k16.png"...) in place of
        its detail line; "" shows the detail again."""
        item = self._items.get(path)
        if item is None:
            return
        if text:
            self._saving[path] = text
        else:
            self._saving.pop(path, None)
        self._write(path, item)

    def save_state(self, path: Path) -> str:
        """What :meth:`set_save_state` last said of an image ("" if nothing)."""
        return self._saving.get(path, "")

    def _write(self, path: Path, item: QListWidgetItem) -> None:
        state, detail = self._shown.get(path, (WAITING, ""))
        label = translate("ImageList", _LABELS[state])
        saving = self._saving.get(path, "")
        save_all = translate("ImageList", "Save All: {progress}")
        third = save_all.format(progress=saving) if saving else detail
        item.setText(f"{shown_name(path)}\n{label}" + (f"\n{third}" if third else ""))
        tip = f"{shown_text(str(path))}\n{label}" + (f": {detail}" if detail else "")
        item.setToolTip(tip + ("\n" + save_all.format(progress=saving) if saving else ""))

    def set_thumbnail(self, path: Path, image: QImage) -> None:
        """Show a thumbnail (made in the worker; only the small QPixmap is made here)."""
        item = self._items.get(path)
        if item is not None and not image.isNull():
            item.setIcon(QIcon(QPixmap.fromImage(image)))

    @Slot(QListWidgetItem, QListWidgetItem)
    def _on_current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        emit(self.current_path_changed, None if current is None else self._path_of(current))

    def _path_of(self, item: QListWidgetItem) -> Path:
        return self._paths[int(item.data(_PATH_ROLE))]
