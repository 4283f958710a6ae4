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
from PySide6.QtWidgets import QMenu

from . import backdrop, i18n, settings
from .compare import VIEW_NAMES, view_name
from .i18n import QT_TRANSLATE_NOOP, translate

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
    _Spec(
        "open_action",
        QT_TRANSLATE_NOOP("Actions", "&Open…"),
        "open_dialog",
        ("Ctrl+O",),
        QT_TRANSLATE_NOOP("Actions", "Open image files"),
    ),
    _Spec(
        "open_folder_action",
        QT_TRANSLATE_NOOP("Actions", "Open &Folder…"),
        "open_folder_dialog",
        ("Ctrl+Shift+O",),
        QT_TRANSLATE_NOOP("Actions", "Open every image of a folder"),
    ),
    _Spec(
        "paste_action",
        QT_TRANSLATE_NOOP("Actions", "&Paste Image"),
        "paste",
        (QKeySequence.StandardKey.Paste,),
        QT_TRANSLATE_NOOP("Actions", "Open the image or image files on the clipboard"),
    ),
    _Spec(
        "save_action",
        QT_TRANSLATE_NOOP("Actions", "&Save…"),
        "save",
        ("Ctrl+S",),
        QT_TRANSLATE_NOOP("Actions", "Save the compressed image on screen"),
    ),
    _Spec(
        "save_all_action",
        QT_TRANSLATE_NOOP("Actions", "Save &All…"),
        "save_all",
        ("Ctrl+Shift+S",),
        QT_TRANSLATE_NOOP(
            "Actions", "Save every done image of the list into a folder with the current settings"
        ),
    ),
    _Spec(
        "quit_action",
        QT_TRANSLATE_NOOP("Actions", "&Quit"),
        "close",
        ("Ctrl+Q",),
        QT_TRANSLATE_NOOP("Actions", "Quit"),
        QAction.MenuRole.QuitRole,
    ),
    _Spec(
        "k_up_action",
        QT_TRANSLATE_NOOP("Actions", "&More Colours"),
        "step_k(1)",
        ("+", "="),
        QT_TRANSLATE_NOOP("Actions", "Next larger K"),
    ),
    _Spec(
        "k_down_action",
        QT_TRANSLATE_NOOP("Actions", "&Fewer Colours"),
        "step_k(-1)",
        ("-",),
        QT_TRANSLATE_NOOP("Actions", "Next smaller K"),
    ),
    _Spec(
        "cancel_action",
        QT_TRANSLATE_NOOP("Actions", "&Cancel"),
        "cancel",
        ("Esc",),
        QT_TRANSLATE_NOOP("Actions", "Stop the running compression"),
    ),
    _Spec(
        "fit_action",
        QT_TRANSLATE_NOOP("Actions", "&Fit to Window"),
        "views.fit",
        ("Ctrl+0",),
        QT_TRANSLATE_NOOP("Actions", "Fit the images"),
    ),
    _Spec(
        "actual_action",
        QT_TRANSLATE_NOOP("Actions", "&Actual Size (100%)"),
        "views.actual_size",
        ("Ctrl+1",),
        QT_TRANSLATE_NOOP("Actions", "One image pixel per device pixel of the screen"),
    ),
    _Spec(
        "zoom_in_action",
        QT_TRANSLATE_NOOP("Actions", "Zoom &In"),
        "views.zoom_in",
        ("Ctrl++", "Ctrl+="),
        QT_TRANSLATE_NOOP("Actions", "Zoom in"),
    ),
    _Spec(
        "zoom_out_action",
        QT_TRANSLATE_NOOP("Actions", "Zoom &Out"),
        "views.zoom_out",
        ("Ctrl+-",),
        QT_TRANSLATE_NOOP("Actions", "Zoom out"),
    ),
    _Spec(
        "export_palette_action",
        QT_TRANSLATE_NOOP("Actions", "E&xport Palette…"),
        "export_palette",
        ("Ctrl+E",),
        QT_TRANSLATE_NOOP("Actions", "Save the palette on screen as .gpl, .act, .json or .txt"),
    ),
    _Spec(
        "goal_action",
        QT_TRANSLATE_NOOP("Actions", "Find K for a &Goal…"),
        "show_goal_panel",
        ("Ctrl+G",),
        QT_TRANSLATE_NOOP(
            "Actions",
            "The smallest K meeting a PSNR, ΔE or SSIM target, or the best K under a file size",
        ),
    ),
    _Spec(
        "about_action",
        QT_TRANSLATE_NOOP("Actions", "&About kmeans-gui"),
        "about",
        (),
        QT_TRANSLATE_NOOP("Actions", "Version and licence"),
        QAction.MenuRole.AboutRole,
    ),
)

MENUS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        QT_TRANSLATE_NOOP("Actions", "&File"),
        (
            "open_action",
            "open_folder_action",
            "recent",
            "-",
            "save_action",
            "save_all_action",
            "effort",
            "export_palette_action",
            "-",
            "quit_action",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "&Edit"),
        ("paste_action", "-", "remove_action", "clear_list_action"),
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "&Compress"),
        ("k_up_action", "k_down_action", "goal_action", "-", "cancel_action"),
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "&View"),
        (
            "views",
            "-",
            "fit_action",
            "actual_action",
            "zoom_in_action",
            "zoom_out_action",
            "-",
            "backdrops",
            "-",
            "language",
        ),
    ),
    (QT_TRANSLATE_NOOP("Actions", "&Help"), ("about_action",)),
)
"""Each menu's entries: action attributes, "-" a separator, "recent" the Open Recent menu,
"views" the view switcher's actions, "backdrops" what is drawn behind transparent pixels,
"language" the Language menu."""


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
        action = _action(
            window,
            translate("Actions", spec.text),
            _slot(window, spec.slot),
            spec.shortcuts,
            translate("Actions", spec.tip) if spec.tip else "",
        )
        if spec.role is not None:
            action.setMenuRole(spec.role)
        setattr(window, spec.attribute, action)
    views = window.views()
    window.view_actions = [
        _action(
            window,
            f"&{i} {view_name(key)}",
            lambda _=False, key=key: views.set_view(key),
            (f"Alt+{i}",),
            translate("Actions", "Show the view “{view}”").format(view=view_name(key)),
        )
        for i, key in enumerate(VIEW_NAMES, start=1)
    ]
    group = QActionGroup(window)
    window.backdrop_actions = {}
    for key, name in backdrop.BACKDROPS.items():
        text = translate("Actions", name)
        action = _action(window, text, lambda _=False, key=key: backdrop.set_backdrop(key), (),
                         text)  # fmt: skip
        action.setCheckable(True)
        action.setChecked(key == backdrop.backdrop())
        group.addAction(action)
        window.backdrop_actions[key] = action


def create_menus(window: MainWindow, fill_recent: Callable[[], None]) -> None:
    """The menu bar of :data:`MENUS`; Open Recent is filled by `fill_recent` when it opens."""
    bar = window.menuBar()
    for title, entries in MENUS:
        menu = bar.addMenu(translate("Actions", title))
        for entry in entries:
            if entry == "-":
                menu.addSeparator()
            elif entry == "recent":
                window.recent_menu = menu.addMenu(translate("Actions", "Open &Recent"))
                window.recent_menu.aboutToShow.connect(fill_recent)
            elif entry == "effort":
                add_effort_menu(menu)
            elif entry == "language":
                add_language_menu(menu, window)
            elif entry == "views":
                for action in window.view_actions:
                    menu.addAction(action)
            elif entry == "backdrops":
                for action in window.backdrop_actions.values():
                    menu.addAction(action)
            else:
                menu.addAction(getattr(window, entry))


def add_effort_menu(menu: QMenu) -> QActionGroup:
    """File ▸ Save Effort: fast or max, the PNG effort of Save and Save All (remembered in
    ``settings.SAVE_EFFORT``)."""
    submenu = menu.addMenu(translate("Actions", "Save &Effort"))
    group = QActionGroup(submenu)
    choices = {
        "fast": (
            translate("Actions", "&Fast"),
            translate("Actions", "Write PNG files as the preview was encoded (quick)"),
        ),
        "max": (
            translate("Actions", "&Max: Smallest PNG"),
            translate(
                "Actions",
                "Rewrite PNG files smaller, the same pixels, for about ten times the time",
            ),
        ),
    }
    for effort, (text, tip) in choices.items():
        action = group.addAction(text)
        action.setCheckable(True)
        action.setData(effort)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.setChecked(settings.SAVE_EFFORT.get() == effort)
        submenu.addAction(action)
    group.triggered.connect(lambda action: settings.SAVE_EFFORT.set(action.data()))
    return group


def add_language_menu(menu: QMenu, window: MainWindow) -> QActionGroup:
    """View ▸ Language: the system's or one of the languages shipped (remembered in
    ``settings.LANGUAGE``; it applies at the next start, when every text is made anew)."""
    submenu = menu.addMenu(translate("Actions", "&Language"))
    group = QActionGroup(submenu)
    for code in ("", *i18n.LANGUAGES):
        action = group.addAction(i18n.language_name(code))
        action.setCheckable(True)
        action.setData(code)
        action.setChecked(settings.LANGUAGE.get() == code)
        submenu.addAction(action)

    def chosen(action: QAction) -> None:
        settings.LANGUAGE.set(action.data())
        window.statusBar().showMessage(
            translate("Actions", "The language changes when kmeans-gui is started again."), 10000
        )

    group.triggered.connect(chosen)
    return group
