"""The window's actions and menus, built in one place (as MusicBrainz Picard's actions.py does).

Each action is one row of :data:`ACTIONS`: the window attribute it becomes, its text, the
window method it triggers, its shortcuts and its tip. :func:`create_actions` makes them (also
added to the window, so that shortcuts work with the menu bar hidden); :func:`create_menus`
lays them out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from . import backdrop
from .compare import VIEW_NAMES
from .saving import add_effort_menu

if TYPE_CHECKING:
    from .window import MainWindow

_Keys = tuple["QKeySequence.StandardKey | str", ...]


@dataclass(frozen=True)
class _Spec:
    attribute: str  # window.<attribute> holds the action
    text: str
    slot: str  # a window method ("views.fit": of window.views(); "step_k(1)": with 1)
    shortcuts: _Keys = ()
    tip: str = ""
    role: QAction.MenuRole | None = None


ACTIONS: tuple[_Spec, ...] = (
    _Spec("open_action", "&Open…", "open_dialog", ("Ctrl+O",), "Open image files"),
    _Spec("open_folder_action", "Open &Folder…", "open_folder_dialog",
          ("Ctrl+Shift+O",), "Open every image of a folder"),
    _Spec("paste_action", "&Paste Image", "paste", (QKeySequence.StandardKey.Paste,),
          "Open the image or image files on the clipboard"),
    _Spec("save_action", "&Save…", "save", ("Ctrl+S",),
          "Save the compressed image on screen"),
    _Spec("save_all_action", "Save &All…", "save_all", ("Ctrl+Shift+S",),
          "Save every done image of the list into a folder with the current settings"),
    _Spec("quit_action", "&Quit", "close", ("Ctrl+Q",), "Quit",
          QAction.MenuRole.QuitRole),
    _Spec("k_up_action", "&More Colours", "step_k(1)", ("+", "="),
          "Next larger K"),
    _Spec("k_down_action", "&Fewer Colours", "step_k(-1)", ("-",),
          "Next smaller K"),
    _Spec("cancel_action", "&Cancel", "cancel", ("Esc",),
          "Stop the running compression"),
    _Spec("fit_action", "&Fit to Window", "views.fit", ("Ctrl+0",), "Fit the images"),
    _Spec("actual_action", "&Actual Size (100%)", "views.actual_size", ("Ctrl+1",),
          "One image pixel per screen pixel"),
    _Spec("zoom_in_action", "Zoom &In", "views.zoom_in", ("Ctrl++", "Ctrl+="),
          "Zoom in"),
    _Spec("zoom_out_action", "Zoom &Out", "views.zoom_out", ("Ctrl+-",), "Zoom out"),
    _Spec("export_palette_action", "E&xport Palette…", "export_palette", ("Ctrl+E",),
          "Save the palette on screen as .gpl, .act, .json or .txt"),
    _Spec("goal_action", "Find K for a &Goal…", "show_goal_panel", ("Ctrl+G",),
          "The smallest K meeting a PSNR, ΔE or SSIM target, or the best K under a file size"),
    _Spec("about_action", "&About kmeans-gui", "about", (), "Version and licence",
          QAction.MenuRole.AboutRole),
)  # fmt: skip

MENUS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("&File", ("open_action", "open_folder_action", "recent", "-", "save_action",
               "save_all_action", "effort", "export_palette_action", "-", "quit_action")),
    ("&Edit", ("paste_action",)),
    ("&Compress", ("k_up_action", "k_down_action", "goal_action", "-", "cancel_action")),
    ("&View", ("views", "-", "fit_action", "actual_action", "zoom_in_action", "zoom_out_action",
               "-", "backdrops")),
    ("&Help", ("about_action",)),
)  # fmt: skip
"""Each menu's entries: action attributes, "-" a separator, "recent" the Open Recent menu,
"views" the view switcher's actions, "backdrops" what is drawn behind transparent pixels."""


def _action(
    window: MainWindow, text: str, slot: Callable[..., object], shortcuts: _Keys = (), tip: str = ""
) -> QAction:
    action = QAction(text, window)
    keys = [QKeySequence(k) for k in shortcuts]
    if keys:
        action.setShortcuts(keys)
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.triggered.connect(slot)
    window.addAction(action)  # shortcuts work even with the menu bar hidden
    return action


def _slot(window: MainWindow, name: str) -> Callable[[], object]:
    """The window's method `name` (see _Spec.slot)."""
    if name.endswith(")"):
        name, argument = name[:-1].split("(")
        method = getattr(window, name)
        return lambda: method(int(argument))
    owner, _, name = name.rpartition(".")
    return getattr(window.views() if owner == "views" else window, name)


def create_actions(window: MainWindow) -> None:
    """Make every action of :data:`ACTIONS` as a window attribute, and ``window.view_actions``
    (Alt+1… for the views)."""
    for spec in ACTIONS:
        action = _action(window, spec.text, _slot(window, spec.slot), spec.shortcuts, spec.tip)
        if spec.role is not None:
            action.setMenuRole(spec.role)
        setattr(window, spec.attribute, action)
    views = window.views()
    window.view_actions = [
        _action(window, f"&{i} {name}", lambda _=False, key=key: views.set_view(key),
                (f"Alt+{i}",), f"Show the {name.lower()} view")
        for i, (key, name) in enumerate(VIEW_NAMES.items(), start=1)
    ]  # fmt: skip
    group = QActionGroup(window)
    window.backdrop_actions = {}
    for key, name in backdrop.BACKDROPS.items():
        action = _action(window, f"{name} Behind Transparency",
                         lambda _=False, key=key: backdrop.set_backdrop(key), (),
                         f"Show transparent pixels over {name.lower()}")  # fmt: skip
        action.setCheckable(True)
        action.setChecked(key == backdrop.backdrop())
        group.addAction(action)
        window.backdrop_actions[key] = action


def create_menus(window: MainWindow, fill_recent: Callable[[], None]) -> None:
    """The menu bar of :data:`MENUS`; Open Recent is filled by `fill_recent` when it opens."""
    bar = window.menuBar()
    for title, entries in MENUS:
        menu = bar.addMenu(title)
        for entry in entries:
            if entry == "-":
                menu.addSeparator()
            elif entry == "recent":
                window.recent_menu = menu.addMenu("Open &Recent")
                window.recent_menu.aboutToShow.connect(fill_recent)
            elif entry == "effort":
                add_effort_menu(menu)
            elif entry == "views":
                for action in window.view_actions:
                    menu.addAction(action)
            elif entry == "backdrops":
                for action in window.backdrop_actions.values():
                    menu.addAction(action)
            else:
                menu.addAction(getattr(window, entry))
