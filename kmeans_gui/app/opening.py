"""Opening images: the Open dialogs, paste, drag and drop, Open Recent, and refusing the rest."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import unquote_to_bytes

from PySide6.QtCore import QMimeData, QObject, QUrl, Slot
from PySide6.QtGui import QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QMainWindow, QMenu

from ..files import find_images, shown_name
from ..formats import is_image_path
from . import dialogs, settings
from .i18n import tr, translate


def absolute(path: str | os.PathLike[str]) -> Path:
    """An absolute path, symbolic links kept (the name the user sees)."""
    return Path(os.path.abspath(os.fspath(path)))


def local_path(url: QUrl) -> str:
    """The file path of a local URL. On Linux and macOS it is made from the URL's
    percent-encoded bytes: a name that is not UTF-8 (``%FF``) keeps its bytes, which
    ``toLocalFile`` would turn into U+FFFD, a file that does not exist."""
    if os.name != "posix":
        return url.toLocalFile()
    return os.fsdecode(unquote_to_bytes(url.path(QUrl.ComponentFormattingOption.FullyEncoded)))


class Opening(QObject):
    """File ▸ Open…, Open Folder…, Open Recent, Edit ▸ Paste Image and drops, for `window`.

    `add(paths)` is the window's: it lists the images not yet opened, shows the first and
    schedules their compression. Pasted or dropped picture data is kept as PNG files in a
    folder of its own until :meth:`close`.
    """

    def __init__(self, window: QMainWindow, add: Callable[[list[Path]], None]) -> None:
        super().__init__(window)
        self._window = window
        self._add = add
        self._paste_dir: Path | None = None
        self._paste_count = 0

    def open(
        self, paths: Iterable[str | os.PathLike[str]], refused: list[str], remember: bool = True
    ) -> list[Path]:
        """Open image files and the images inside folders; refuse the rest with one message
        (`refused` may hold reasons found before). See ``MainWindow.open_paths``."""
        opened: list[Path] = []
        named_files: list[Path] = []
        for raw in paths:
            path = absolute(raw)
            if path.is_dir():
                found = [absolute(p) for p in find_images([path])]
                if not found:
                    refused.append(
                        translate("Opening", "{name}: no images in this folder").format(
                            name=shown_name(path)
                        )
                    )
                opened.extend(found)
            elif not path.exists():
                refused.append(
                    translate("Opening", "{name}: no such file").format(name=shown_name(path))
                )
            elif not is_image_path(path):
                refused.append(
                    translate("Opening", "{name}: not an image file").format(name=shown_name(path))
                )
            else:
                opened.append(path)
                named_files.append(path)
        opened = list(dict.fromkeys(opened))
        if named_files and remember:
            settings.add_recent_files(named_files)  # written in the background (settings)
        if opened and remember:
            settings.OPEN_FOLDER.set(str(opened[0].parent))
        self._add(opened)
        if refused:
            self._refuse(refused)
        return opened

    def _start_folder(self) -> str:
        folder = settings.OPEN_FOLDER.get()
        return folder if folder and Path(folder).is_dir() else dialogs.pictures_folder()

    @Slot()
    def open_dialog(self) -> None:
        """File ▸ Open…"""
        paths = dialogs.open_files(self._window, self._start_folder())
        if paths:
            self.open(paths, [])

    @Slot()
    def open_folder_dialog(self) -> None:
        """File ▸ Open Folder…"""
        folder = dialogs.open_folder(self._window, self._start_folder())
        if folder:
            self.open([folder], [])

    @Slot()
    def paste(self) -> None:
        """Edit ▸ Paste Image: image files (URLs) or image data from the clipboard."""
        mime = QGuiApplication.clipboard().mimeData()
        if mime is not None and mime.hasUrls():
            files = [local_path(u) for u in mime.urls() if u.isLocalFile()]
            if files:
                self.open(files, [])
                return
        image = QGuiApplication.clipboard().image()
        if image.isNull():
            self._window.statusBar().showMessage(
                translate("Opening", "The clipboard holds no image."), 5000
            )
            return
        self._open_image_data(image)

    def _open_image_data(self, image: QImage) -> None:
        """Keep a pasted or dropped picture as a PNG file for the session, and open it."""
        if self._paste_dir is None:
            self._paste_dir = Path(tempfile.mkdtemp(prefix="kmeans-gui-paste-"))
        self._paste_count += 1
        path = self._paste_dir / f"Pasted image {self._paste_count}.png"
        if not image.save(str(path), "PNG", 90):  # type: ignore[call-overload]  # 90: fast zlib level, lossless anyway
            dialogs.error(
                self._window,
                translate("Opening", "Could Not Paste"),
                translate("Opening", "The clipboard image could not be stored."),
            )
            return
        self.open([path], [], remember=False)

    @staticmethod
    def accepts(mime: QMimeData) -> bool:
        """Whether a drag carries something to open (files, folders or picture data)."""
        return mime.hasUrls() or mime.hasImage()

    def drop(self, event: QDropEvent) -> None:
        """Open what is dropped: local files and folders, or picture data."""
        mime = event.mimeData()
        if mime.hasUrls():
            urls = mime.urls()
            files = [local_path(u) for u in urls if u.isLocalFile()]
            remote = [u.fileName() or u.toDisplayString() for u in urls if not u.isLocalFile()]
            event.acceptProposedAction()
            self.open(
                files,
                [
                    translate("Opening", "{name}: not a local file").format(name=name)
                    for name in remote
                ],
            )
        elif mime.hasImage():
            event.acceptProposedAction()
            self._open_image_data(QImage(mime.imageData()))
        else:
            event.ignore()

    def _refuse(self, reasons: list[str]) -> None:
        shown = "\n".join(reasons[:15])
        if len(reasons) > 15:
            shown += "\n" + tr("… and %n more", "", len(reasons) - 15)
        self._window.statusBar().showMessage(
            translate("Opening", "Not opened: {reasons}").format(reasons="; ".join(reasons)), 10000
        )
        dialogs.notify(
            self._window,
            translate("Opening", "Not Opened"),
            translate("Opening", "These were not opened:\n\n{reasons}").format(reasons=shown),
        )

    def fill_recent_menu(self, menu: QMenu) -> None:
        """Open Recent: the recent files that still exist, and Clear Menu."""
        menu.clear()
        files = [Path(p) for p in settings.RECENT_FILES.get() if Path(p).exists()]
        for i, path in enumerate(files, start=1):
            action = menu.addAction(f"&{i % 10} {shown_name(path)}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open([p], []))
        if not files:
            menu.addAction(translate("Opening", "No recent files")).setEnabled(False)
        menu.addSeparator()
        menu.addAction(translate("Opening", "&Clear Menu"), lambda: settings.RECENT_FILES.set([]))

    def close(self) -> None:
        """Delete the pasted pictures' folder (at the end of the session)."""
        if self._paste_dir is not None:
            shutil.rmtree(self._paste_dir, ignore_errors=True)
            self._paste_dir = None
