"""Palette edits in the window: lock, delete, merge, change or pick colours, import a palette;
each an undoable command (Qt's undo framework, one stack per image).

An edit changes the options the image on screen is compressed with (see
:mod:`kmeans_gui.palette_edits`): the window then schedules it as after a K change, so the
result, statistics and file size are measured on the encoded file as always.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction, QColor, QKeySequence, QUndoCommand, QUndoGroup, QUndoStack
from PySide6.QtWidgets import QColorDialog, QWidget

from .. import palette_edits as edits
from ..compress import Options, Result
from .i18n import tr, translate
from .palette import PaletteView
from .signals import emit


@dataclass(frozen=True)
class PaletteChoice:
    """The palette part of an image's options: locked or given colours, where a refit starts,
    whether the image is mapped exactly to the given colours, and the K they make."""

    k: int
    palette: tuple[tuple[int, int, int], ...] = ()
    start: tuple[tuple[int, int, int], ...] = ()
    exact_palette: bool = False

    @classmethod
    def of(cls, options: Options) -> PaletteChoice:
        return cls(options.k, options.palette, options.start, options.exact_palette)

    def applied(self, options: Options) -> Options:
        return dataclasses.replace(
            options, k=self.k, palette=self.palette, start=self.start,
            exact_palette=self.exact_palette,
        )  # fmt: skip


class _Edit(QUndoCommand):
    """One palette edit of one image: redo gives it the new choice, undo the old one."""

    def __init__(
        self, editor: PaletteEditor, path: Path, before: PaletteChoice, after: PaletteChoice,
        text: str,
    ) -> None:  # fmt: skip
        super().__init__(text)
        self._editor, self._path, self._before, self._after = editor, path, before, after

    def redo(self) -> None:
        self._editor.apply(self._path, self._after)

    def undo(self) -> None:
        self._editor.apply(self._path, self._before)


class PaletteEditor(QObject):
    """The palette edits of every image, their undo stacks and the window's edit actions.

    ``current`` gives the image on screen and its result (None when there is none);
    ``base_options`` the controls' options. ``edited(path, choice)`` says an image's palette
    choice changed (by an edit, an undo or a redo): the window shows its K and recompresses
    it. ``message(text)`` is for the status bar (why an edit cannot be made).
    """

    edited = Signal(object, object)
    message = Signal(str)

    def __init__(self, parent: QWidget, view: PaletteView) -> None:
        super().__init__(parent)
        self._window = parent
        self._view = view
        self._current: Callable[[], tuple[Path, Result] | None] = lambda: None
        self._base_options: Callable[[], Options] = Options
        self._choices: dict[Path, PaletteChoice] = {}
        self.undo_group = QUndoGroup(self)
        self._stacks: dict[Path, QUndoStack] = {}
        self.picking = False
        self._create_actions(parent)
        view.selection_changed.connect(self.update_actions)
        self.update_actions()

    def attach(
        self,
        current: Callable[[], tuple[Path, Result] | None],
        base_options: Callable[[], Options],
    ) -> None:
        """Where the image on screen with its result, and the controls' options, come from."""
        self._current, self._base_options = current, base_options
        self.update_actions()

    # -- actions -----------------------------------------------------------------------------
    def _create_actions(self, parent: QWidget) -> None:
        def action(text: str, tip: str, slot: Callable[[], None], keys: str = "") -> QAction:
            made = QAction(text, parent)
            made.setToolTip(tip)
            made.setStatusTip(tip)
            if keys:
                made.setShortcut(QKeySequence(keys))
            made.triggered.connect(slot)
            return made

        self.lock_action = action(
            translate("PaletteEdit", "&Lock"),
            translate("PaletteEdit", "Lock the selected colours (or unlock them): kept exactly "
                      "while the others are refit (L)"), self.toggle_lock, "L",
        )  # fmt: skip
        self.delete_action = action(
            translate("PaletteEdit", "&Delete"),
            translate("PaletteEdit", "Remove the selected colours (K goes down) and refit the "
                      "others (Del)"), self.delete, "Del",
        )  # fmt: skip
        self.merge_action = action(
            translate("PaletteEdit", "&Merge"),
            translate("PaletteEdit", "Merge the selected colours into their weighted mean and "
                      "refit (M)"), self.merge, "M",
        )  # fmt: skip
        self.colour_action = action(
            translate("PaletteEdit", "&Colour…"),
            translate("PaletteEdit", "Give the selected colour a colour of your choice (kept "
                      "locked)"), self.change_colour,
        )  # fmt: skip
        self.pick_action = action(
            translate("PaletteEdit", "&Pick"),
            translate("PaletteEdit", "Add a colour from the original: click a point of the "
                      "original image (K goes up; the colour is locked)"), self.start_picking,
        )  # fmt: skip
        self.pick_action.setCheckable(True)
        self.undo_action = self.undo_group.createUndoAction(
            parent, translate("PaletteEdit", "&Undo")
        )
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = self.undo_group.createRedoAction(
            parent, translate("PaletteEdit", "&Redo")
        )
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])

    def actions(self) -> list[QAction]:
        """The edit actions, in the order of the palette panel's buttons."""
        return [self.lock_action, self.delete_action, self.merge_action, self.colour_action,
                self.pick_action]  # fmt: skip

    @Slot()
    def update_actions(self) -> None:
        """Enable what the selection and the result on screen allow."""
        shown = self._editable()
        selected = self._view.selected_entries() if shown is not None else []
        exact = shown is not None and shown[1].options.exact_palette
        n = 0 if shown is None else self._colour_count(shown[1])
        self.lock_action.setEnabled(bool(selected) and not exact)
        self.delete_action.setEnabled(bool(selected) and n - len(selected) >= edits.MIN_COLOURS)
        self.merge_action.setEnabled(len(selected) >= 2)
        self.colour_action.setEnabled(len(selected) == 1)
        self.pick_action.setEnabled(shown is not None and n < 256)

    # -- choices -----------------------------------------------------------------------------
    def options_for(self, path: Path | None, options: Options) -> Options:
        """``options`` with the palette choice made for this image, if any."""
        choice = None if path is None else self._choices.get(path)
        return options if choice is None else choice.applied(options)

    def choice(self, path: Path) -> PaletteChoice | None:
        """The palette choice of an image (None: the controls' K, k-means alone)."""
        return self._choices.get(path)

    def k_changed(self, path: Path | None, k: int) -> None:
        """K was changed by hand: locked colours stay (if they fit), the rest is k-means."""
        if path is None or path not in self._choices or self._choices[path].k == k:
            return
        choice = PaletteChoice.of(edits.for_new_k(self.options_for(path, self._base_options()), k))
        if choice.palette:
            self._choices[path] = choice
        else:
            del self._choices[path]

    def forget(self, path: Path) -> None:
        """An image left the list: its choice and undo history go."""
        self._choices.pop(path, None)
        stack = self._stacks.pop(path, None)
        if stack is not None:
            self.undo_group.removeStack(stack)
            stack.deleteLater()

    def set_current(self, path: Path | None) -> None:
        """The image on screen changed: its undo stack becomes the active one."""
        self.undo_group.setActiveStack(None if path is None else self._stack(path))  # type: ignore[arg-type]
        self.stop_picking()
        self.update_actions()

    def apply(self, path: Path, choice: PaletteChoice) -> None:
        """Give an image a palette choice (from an edit, an undo or a redo)."""
        base = PaletteChoice(choice.k)
        if choice == base:
            self._choices.pop(path, None)
        else:
            self._choices[path] = choice
        emit(self.edited, path, choice)

    def _stack(self, path: Path) -> QUndoStack:
        stack = self._stacks.get(path)
        if stack is None:
            stack = QUndoStack(self)
            self._stacks[path] = stack
            self.undo_group.addStack(stack)
        return stack

    # -- the edits ---------------------------------------------------------------------------
    def _editable(self) -> tuple[Path, Result] | None:
        shown = self._current()
        if shown is None or shown[1].palette.shape[1] != 3:
            return None
        return shown

    @staticmethod
    def _colour_count(result: Result) -> int:
        return result.palette.shape[0] - (result.transparent_index is not None)

    def _push(self, text: str, make: Callable[[Options, np.ndarray, np.ndarray], Options]) -> None:
        shown = self._editable()
        if shown is None:
            emit(
                self.message,
                translate(
                    "PaletteEdit", "Palette edits need an image whose palette is opaque colours"
                ),
            )
            return
        path, result = shown
        palette, counts = result.colour_entries()
        before = result.options
        try:
            after = make(before, palette, counts)
        except ValueError as exc:
            emit(self.message, f"{text}: {exc}")
            return
        self._view.set_selected_entries([])
        self._stack(path).push(_Edit(self, path, PaletteChoice.of(before),
                                     PaletteChoice.of(after), text))  # fmt: skip

    def push(self, path: Path, before: PaletteChoice, after: PaletteChoice, text: str) -> None:
        """An undoable change of any image's palette choice (a shared palette, say)."""
        self._stack(path).push(_Edit(self, path, before, after, text))

    def _entries(self) -> list[int]:
        """The selected entries among the opaque colours (the transparent one is never)."""
        shown = self._current()
        if shown is None:
            return []
        transparent = shown[1].transparent_index
        return [e - (transparent is not None and e > transparent)
                for e in self._view.selected_entries()]  # fmt: skip

    @Slot()
    def toggle_lock(self) -> None:
        entries = self._entries()
        self._push(
            translate("PaletteEdit", "Lock colours"),
            lambda o, p, _c: edits.toggle_lock(o, p, entries),
        )

    @Slot()
    def delete(self) -> None:
        entries = self._entries()
        self._push(tr("Delete %n colour(s)", "", len(entries)),
                   lambda o, p, _c: edits.delete(o, p, entries))  # fmt: skip

    @Slot()
    def merge(self) -> None:
        entries = self._entries()
        self._push(
            translate("PaletteEdit", "Merge colours"), lambda o, p, c: edits.merge(o, p, c, entries)
        )

    @Slot()
    def change_colour(self) -> None:
        entries = self._entries()
        shown = self._editable()
        if len(entries) != 1 or shown is None:
            return
        old = shown[1].palette[self._view.selected_entries()[0]]
        chosen = QColorDialog.getColor(QColor(*[int(v) for v in old[:3]]), self._window,
                                       translate("PaletteEdit", "Palette Colour"))  # fmt: skip
        if chosen.isValid():
            self.set_colour(entries[0], (chosen.red(), chosen.green(), chosen.blue()))

    def set_colour(self, entry: int, colour: tuple[int, int, int]) -> None:
        """Give an opaque entry (index among the opaque colours) a colour, locked."""
        self._push(
            translate("PaletteEdit", "Change colour"),
            lambda o, p, _c: edits.set_colour(o, p, entry, colour),
        )

    def add_colour(self, colour: tuple[int, int, int]) -> None:
        """Add a colour to the palette on screen, locked (K goes up by one)."""
        self.stop_picking()
        self._push(translate("PaletteEdit", "Add colour"), lambda o, p, _c: edits.add(o, p, colour))

    def import_palette(self, palette: np.ndarray, exact: bool) -> None:
        """Use an imported palette: map exactly to it, or lock it and fill up to K."""
        text = (
            translate("PaletteEdit", "Map to imported palette")
            if exact
            else translate("PaletteEdit", "Lock imported palette")
        )
        self._push(text, lambda o, _p, _c: edits.imported(o, palette, exact))

    @Slot()
    def start_picking(self) -> None:
        """Eyedropper: the next click on the original adds its colour."""
        self.picking = self.pick_action.isChecked()
        if self.picking:
            emit(
                self.message,
                translate(
                    "PaletteEdit",
                    "Click a point of the original image to add its colour (Esc: stop)",
                ),
            )

    def stop_picking(self) -> None:
        self.picking = False
        self.pick_action.setChecked(False)
