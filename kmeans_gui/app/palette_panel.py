"""The palette panel: the swatches, how they are sized, the edit buttons, import and export.

Hovering a swatch highlights its pixels in the compressed view; the eyedropper takes a colour
from the original view. The edits themselves are :class:`.palette_edit.PaletteEditor`'s.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMenuBar,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..palette_files import READ_EXTENSIONS, PaletteFileError, load_palette
from .i18n import tr, translate
from .palette import PaletteView
from .palette_edit import PaletteEditor
from .views import ImagePair

IMPORT_PATTERNS = " ".join(f"*.{e}" for e in READ_EXTENSIONS)


class PalettePanel(QObject):
    """Builds the palette group box and wires its view to the image pair and the editor.

    ``box`` is the widget to place; ``view`` the swatches; ``export_button`` is connected by
    the window (it owns saving); ``editor`` makes the edits (``editor.attach`` says where the
    image on screen comes from).
    """

    def __init__(self, window: QWidget, pair: ImagePair) -> None:
        super().__init__(window)
        self._window = window
        self._pair = pair
        self.view = PaletteView(window)
        self.editor = PaletteEditor(window, self.view)
        self.box = QGroupBox(translate("Showing", "Palette"), window)
        self.size_by = QComboBox(window)
        self.size_by.addItem(translate("PalettePanel", "pixel share"), "share")
        self.size_by.addItem(translate("PalettePanel", "cost if removed"), "cost")
        self.size_by.setToolTip(
            translate(
                "PalettePanel",
                "Swatch areas: each colour's share of the pixels, or how much the mean ΔE would "
                "rise if it were removed (its pixels going to their next-nearest colour)",
            )
        )
        self.size_by.setAccessibleName(translate("PalettePanel", "Swatch areas by"))
        size_label = QLabel(translate("PalettePanel", "Sized by:"), window)
        size_label.setBuddy(self.size_by)
        self.import_button = QPushButton(translate("PalettePanel", "&Import…"), window)
        self.import_button.setToolTip(
            translate(
                "PalettePanel",
                "Use a palette file (.gpl, .act, .json, .txt, .hex): map the image to exactly its "
                "colours, or lock them and let k-means add the rest up to K",
            )
        )
        self.export_button = QPushButton(translate("PalettePanel", "E&xport…"), window)
        self.export_button.setToolTip(
            translate(
                "Window", "Save the palette as GIMP .gpl, Adobe .act, JSON or a hex list (Ctrl+E)"
            )
        )
        top = QHBoxLayout()
        top.addWidget(size_label)
        top.addWidget(self.size_by, 1)
        buttons = QGridLayout()
        buttons.setSpacing(2)
        for i, action in enumerate(self.editor.actions()):
            button = QToolButton(window)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            buttons.addWidget(button, 0, i)
        bottom = QHBoxLayout()
        bottom.addWidget(self.import_button)
        bottom.addStretch(1)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self.box)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addLayout(bottom)

        self.view.hovered.connect(self._highlight)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.size_by.currentIndexChanged.connect(self._size_by_changed)
        self.shared_action = QAction(
            translate("PalettePanel", "&Shared Palette for Selected Images…"), window
        )
        self.shared_action.setStatusTip(
            translate(
                "PalettePanel",
                "One palette for the images selected in the list (Ctrl+click), compared with "
                "each image's own",
            )
        )
        self.size_action = QAction(translate("PalettePanel", "Si&ze Swatches by Cost"), window)
        self.size_action.setCheckable(True)
        self.size_action.toggled.connect(lambda on: self.size_by.setCurrentIndex(int(on)))
        self.size_by.currentIndexChanged.connect(lambda i: self.size_action.setChecked(bool(i)))
        self.import_button.clicked.connect(self.import_palette)
        self.editor.pick_action.toggled.connect(pair.original.set_picking)
        pair.original.picked.connect(self._picked)

    def add_menus(self, bar: QMenuBar) -> None:
        """Undo and Redo first in the Edit menu, and a Palette menu before Help."""
        for menu_action in bar.actions():
            menu = menu_action.menu()
            if isinstance(menu, QMenu) and menu_action.text() == "&Edit":
                first = menu.actions()[0] if menu.actions() else None
                menu.insertActions(first, [self.editor.undo_action, self.editor.redo_action])  # type: ignore[arg-type]
                menu.insertSeparator(first)  # type: ignore[arg-type]
        palette = QMenu(translate("PalettePanel", "&Palette"), bar)
        palette.addActions(self.editor.actions())
        palette.addSeparator()
        palette.addAction(translate("PalettePanel", "&Import…"), self.import_palette)
        palette.addAction(self.shared_action)
        palette.addSeparator()
        palette.addAction(self.size_action)
        bar.insertMenu(bar.actions()[-1], palette)

    @Slot(int)
    def _highlight(self, entry: int) -> None:
        """Hovering a swatch: its pixels stand out in the compressed view."""
        compressed = self._pair.compressed
        if entry < 0 or not self.view.entries():
            compressed.set_highlight(None)
            return
        swatch = next(i for i in range(len(self.view.entries())) if self.view.entry_of(i) == entry)
        compressed.set_highlight(self.view.entries()[swatch][0])

    @Slot(int)
    def _size_by_changed(self, _index: int) -> None:
        self.view.set_size_by(self.size_by.currentData())
        self.update_title()

    def update_title(self) -> None:
        """'Palette: 16 colours, areas by pixel share' (or by cost)."""
        count = self.view.colour_count()
        if count == 0:
            self.box.setTitle(translate("Showing", "Palette"))
            return
        by_cost = self.view.has_costs() and self.view.size_by() == "cost"
        self.box.setTitle(
            tr("Palette: %n colour(s), areas by cost if removed", "", count)
            if by_cost
            else tr("Palette: %n colour(s), areas by pixel share", "", count)
        )

    @Slot(int, int)
    def _picked(self, x: int, y: int) -> None:
        colour = self._pair.original.image().pixelColor(x, y)
        self.editor.add_colour((colour.red(), colour.green(), colour.blue()))

    @Slot(object)
    def _context_menu(self, point) -> None:
        swatch = self.view.swatch_at(point)
        if swatch is not None and self.view.entry_of(swatch) not in self.view.selected_entries():
            self.view.set_selected_entries([self.view.entry_of(swatch)])
        menu = QMenu(self.view)
        if swatch is not None:
            menu.addAction(
                translate("PalettePanel", "Copy Hex Value"), lambda: self.view.copy_hex(swatch)
            )
            menu.addSeparator()
        for action in self.editor.actions():
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.editor.undo_action)
        menu.addAction(self.editor.redo_action)
        menu.popup(self.view.mapToGlobal(point))

    @Slot()
    def import_palette(self) -> None:
        """Palette ▸ Import…: a palette file, then how to use it."""
        name, _ = QFileDialog.getOpenFileName(
            self._window,
            translate("PalettePanel", "Import Palette"),
            "",
            translate("PalettePanel", "Palettes ({patterns});;All files (*)").format(
                patterns=IMPORT_PATTERNS
            ),
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path, exact: bool | None = None) -> None:
        """Read a palette file and use it; ``exact`` None asks how (map exactly or lock)."""
        try:
            palette = load_palette(path)
        except PaletteFileError as exc:
            QMessageBox.warning(self._window, translate("PalettePanel", "Import Palette"), str(exc))
            return
        if palette.shape[1] == 4:
            if (palette[:, 3] < 255).any():
                QMessageBox.warning(
                    self._window, translate("PalettePanel", "Import Palette"),
                    translate("PalettePanel", "{name}: holds colours that are not opaque; "
                              "imported palettes are opaque colours only").format(name=path.name),
                )  # fmt: skip
                return
            palette = palette[:, :3]
        if exact is None:
            box = QMessageBox(self._window)
            box.setWindowTitle(translate("PalettePanel", "Import Palette"))
            box.setText(
                tr("Use the %n colour(s) of {name}:", "", palette.shape[0]).format(name=path.name)
            )
            mapped = box.addButton(
                translate("PalettePanel", "Map Exactly"), QMessageBox.ButtonRole.AcceptRole
            )
            locked = box.addButton(
                translate("PalettePanel", "Lock and Fill to K"), QMessageBox.ButtonRole.AcceptRole
            )
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            if box.clickedButton() not in (mapped, locked):
                return
            exact = box.clickedButton() is mapped
        self.editor.import_palette(palette, exact)
