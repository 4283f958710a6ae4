"""Every dialog the window opens, as small functions that tests replace with monkeypatch.

The blocking ones go through Qt's static ``QFileDialog``/``QMessageBox`` functions, so tests
may patch either this module or those. ``notify`` never blocks: it is used for messages that
follow a drop or a background job.
"""

from __future__ import annotations

from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QStandardPaths, Qt, qVersion
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from .. import __version__
from ..formats import IMAGE_EXTENSIONS, SAVE_FORMATS
from ..palette_files import PALETTE_FORMATS
from .i18n import QT_TRANSLATE_NOOP, integer, tr, translate

FORMAT_FILTERS: dict[str, str] = {
    "png": QT_TRANSLATE_NOOP("Dialogs", "PNG, indexed colour (*.png)"),
    "gif": "GIF (*.gif)",
    "webp": QT_TRANSLATE_NOOP("Dialogs", "WebP, lossless (*.webp)"),
}
"""The Save dialog's filters in English (shown translated, see :func:`_filters`)."""
assert set(FORMAT_FILTERS) == set(SAVE_FORMATS)

PALETTE_FILTERS: dict[str, str] = {
    "gpl": QT_TRANSLATE_NOOP("Dialogs", "GIMP palette (*.gpl)"),
    "act": QT_TRANSLATE_NOOP("Dialogs", "Adobe Color Table (*.act)"),
    "json": QT_TRANSLATE_NOOP("Dialogs", "JSON list of colours (*.json)"),
    "txt": QT_TRANSLATE_NOOP("Dialogs", "Hex colours, one per line (*.txt)"),
}
assert set(PALETTE_FILTERS) == set(PALETTE_FORMATS)

KEEP_ORIGINAL, SAVE_LARGER = "original", "larger"


def _filters(filters: dict[str, str]) -> dict[str, str]:
    """File dialog filters in the window's language, by format."""
    return {key: translate("Dialogs", text) for key, text in filters.items()}


def _more(names: list[str]) -> str:
    """The first ten names, one a line, and how many more there are."""
    shown = "\n".join(names[:10])
    if len(names) > 10:
        shown += "\n" + tr("… and %n more", "", len(names) - 10)
    return shown


def pictures_folder() -> str:
    """The user's Pictures folder (their home folder when there is none)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
    return folder if folder and Path(folder).is_dir() else str(Path.home())


def image_filter() -> str:
    """File dialog filter for every image the app reads, then all files."""
    patterns = " ".join(f"*{ext}" for ext in sorted(IMAGE_EXTENSIONS))
    return translate("Dialogs", "Images ({patterns});;All files (*)").format(patterns=patterns)


def open_files(parent: QWidget, start: str) -> list[str]:
    """Ask for image files to open; [] when cancelled."""
    paths, _ = QFileDialog.getOpenFileNames(
        parent, translate("Dialogs", "Open Images"), start, image_filter()
    )
    return list(paths)


def open_folder(parent: QWidget, start: str) -> str:
    """Ask for a folder of images to open; "" when cancelled."""
    return QFileDialog.getExistingDirectory(parent, translate("Dialogs", "Open Folder"), start)


def save_file(parent: QWidget, suggested: str, fmt: str) -> tuple[str, str]:
    """Ask where to save, suggesting a path and a format; ("", "") when cancelled.

    Returns the chosen path and the format id of the chosen filter. The dialog does not ask
    about overwriting: the window does, with ``confirm_overwrite``.
    """
    shown = _filters(FORMAT_FILTERS)
    path, chosen = QFileDialog.getSaveFileName(
        parent,
        translate("Dialogs", "Save Compressed Image"),
        suggested,
        ";;".join(shown.values()),
        shown[fmt],
        QFileDialog.Option.DontConfirmOverwrite,
    )
    chosen_fmt = next((f for f, text in shown.items() if text == chosen), fmt)
    return path, chosen_fmt if path else ""


def save_palette_file(parent: QWidget, suggested: str) -> str:
    """Ask where to export the palette (.gpl, .act, .json or .txt); "" when cancelled.

    A name without one of those extensions gets the chosen filter's.
    """
    fmt = Path(suggested).suffix.lower().lstrip(".")
    fmt = fmt if fmt in PALETTE_FILTERS else "gpl"
    shown = _filters(PALETTE_FILTERS)
    path, chosen = QFileDialog.getSaveFileName(
        parent,
        translate("Dialogs", "Export Palette"),
        suggested,
        ";;".join(shown.values()),
        shown[fmt],
    )
    if not path:
        return ""
    if Path(path).suffix.lower().lstrip(".") not in PALETTE_FILTERS:
        ext = next((f for f, text in shown.items() if text == chosen), fmt)
        path = f"{path}.{ext}"
    return path


def save_original_file(parent: QWidget, suggested: str, suffix: str) -> str:
    """Ask where to put a copy of the original file; "" when cancelled."""
    pattern = f"*{suffix}" if suffix else "*"
    path, _ = QFileDialog.getSaveFileName(
        parent,
        translate("Dialogs", "Keep the Original"),
        suggested,
        translate("Dialogs", "The original's type ({pattern});;All files (*)").format(
            pattern=pattern
        ),
        "",
        QFileDialog.Option.DontConfirmOverwrite,
    )
    return path


def ask_keep_original(parent: QWidget, name: str, output_bytes: int, input_bytes: int) -> str:
    """The compressed file is larger than the original: keep (copy) the original instead?

    Returns KEEP_ORIGINAL, SAVE_LARGER, or "" to save nothing.
    """
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        translate("Dialogs", "Larger Than the Original"),
        translate(
            "Dialogs",
            "The compressed “{name}” would be {output} bytes, larger than the original file "
            "({input} bytes).\n\nKeep a copy of the original instead?",
        ).format(name=name, output=integer(output_bytes), input=integer(input_bytes)),
        QMessageBox.StandardButton.Cancel,
        parent,
    )
    return _keep_or_save(
        box, translate("Dialogs", "Keep the Original"), translate("Dialogs", "Save the Larger File")
    )


def ask_keep_originals(parent: QWidget, names: list[str]) -> str:
    """Some results are larger than their originals: copy those originals instead?

    Returns KEEP_ORIGINAL, SAVE_LARGER, or "" to save nothing.
    """
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        translate("Dialogs", "Larger Than the Originals"),
        tr("%n compressed file(s) would be larger than their original:", "", len(names))
        + f"\n{_more(names)}\n\n"
        + translate("Dialogs", "Keep copies of those originals instead?"),
        QMessageBox.StandardButton.Cancel,
        parent,
    )
    return _keep_or_save(
        box,
        translate("Dialogs", "Keep the Originals"),
        translate("Dialogs", "Save the Larger Files"),
    )


def _keep_or_save(box: QMessageBox, keep_text: str, larger_text: str) -> str:
    """Add the keep/save-larger buttons to ``box``, run it, and say which was clicked."""
    keep = box.addButton(keep_text, QMessageBox.ButtonRole.AcceptRole)
    larger = box.addButton(larger_text, QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(keep)
    box.exec()
    clicked = box.clickedButton()
    return KEEP_ORIGINAL if clicked is keep else SAVE_LARGER if clicked is larger else ""


def choose_folder(parent: QWidget, start: str) -> str:
    """Ask for the folder that Save All writes into; "" when cancelled."""
    return QFileDialog.getExistingDirectory(
        parent, translate("Dialogs", "Save All Into Folder"), start
    )


def confirm_overwrite(parent: QWidget, path: Path) -> bool:
    """Ask whether an existing file may be replaced."""
    answer = QMessageBox.question(
        parent,
        translate("Dialogs", "Replace File?"),
        translate(
            "Dialogs", "“{name}” already exists in “{folder}”.\nDo you want to replace it?"
        ).format(name=path.name, folder=path.parent),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def confirm_overwrite_many(parent: QWidget, names: list[str]) -> bool | None:
    """Ask what to do with existing files: True replaces them, False skips them, None cancels."""
    answer = QMessageBox.question(
        parent,
        translate("Dialogs", "Replace Files?"),
        tr("%n file(s) already exist:", "", len(names))
        + f"\n{_more(names)}\n\n"
        + translate("Dialogs", "Yes replaces them, No skips them, Cancel saves nothing."),
        QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No
        | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    if answer == QMessageBox.StandardButton.Yes:
        return True
    if answer == QMessageBox.StandardButton.No:
        return False
    return None


def error(parent: QWidget, title: str, text: str) -> None:
    """Tell about an error the user's action ran into (blocks until dismissed)."""
    QMessageBox.critical(parent, title, text)


def notify(parent: QWidget, title: str, text: str) -> QMessageBox:
    """Show a warning without blocking (window-modal); returns the box."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def about_text(app_name: str) -> tuple[str, str]:
    """(title, text) of the About box: the version, what the app does, the licences."""

    text = translate(
        "Dialogs",
        "<h3>{app} {version}</h3><p>Compress photos by K-means colour quantization: every "
        "pixel becomes one of K palette colours, stored as an indexed PNG, a GIF or a lossless "
        "WebP.</p><p>Licence: MIT. The bundled sample photos carry their own licences (CC0 / "
        "public domain).</p><p>Qt {qt} (LGPL v3) through PySide6 {pyside}.</p>",
    ).format(app=app_name, version=__version__, qt=qVersion(), pyside=pyside_version)
    return translate("Dialogs", "About {app}").format(app=app_name), text


def about(parent: QWidget, title: str, text: str) -> None:
    """The About box."""
    QMessageBox.about(parent, title, text)


def about_app(parent: QWidget, app_name: str) -> None:
    """Help ▸ About: the version, what the app does, the licences, the Qt it runs on."""
    about(parent, *about_text(app_name))
