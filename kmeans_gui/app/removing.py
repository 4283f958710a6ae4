"""Taking images out of the list: Edit ▸ Remove from List (Delete on the list, or its context
menu) and Clear List. Their waiting jobs are dropped and a running one is cancelled."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from .compare import CompareViews
from .goal_seeking import GoalSeeking
from .i18n import translate
from .imagelist import ImageList
from .opened import OpenedImage
from .scheduler import Scheduler
from .signals import emit


def create_actions(window: QMainWindow, removing: Removing, image_list: ImageList) -> None:
    """``window.remove_action`` (Delete, only while the list has the focus, so that Delete in
    a text field or the palette stays theirs) and ``window.clear_list_action``, also the
    list's context menu."""
    remove = QAction(translate("Actions", "Re&move from List"), window)
    remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
    remove.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    remove.triggered.connect(removing.remove_selected)
    clear = QAction(translate("Actions", "C&lear List"), window)
    clear.triggered.connect(removing.clear)
    tips = (
        (remove, translate("Actions", "Take the selected images out of the list (the files stay)")),
        (clear, translate("Actions", "Take every image out of the list (the files stay)")),
    )
    for action, tip in tips:
        action.setToolTip(tip)
        action.setStatusTip(tip)
        image_list.addAction(action)
    image_list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    window.remove_action, window.clear_list_action = remove, clear  # type: ignore[attr-defined]


class Removing:
    """Removes images from the window: the list, the opened images and their jobs.

    `changed()` is called afterwards (the window updates its title and actions).
    """

    def __init__(
        self,
        image_list: ImageList,
        images: dict[Path, OpenedImage],
        scheduler: Scheduler,
        views: CompareViews,
        goals: GoalSeeking,
        changed: Callable[[], None],
    ) -> None:
        self._list = image_list
        self._images = images
        self._scheduler = scheduler
        self._views = views
        self._goals = goals
        self._changed = changed

    def remove(self, paths: Iterable[Path]) -> int:
        """Take images out of the list; returns how many were there."""
        gone = {path for path in paths if path in self._images}
        if not gone:
            return 0
        self._scheduler.forget(gone)  # before the list moves on: nothing of them runs again
        self._views.forget(gone)
        before = self._list.current_path()
        self._list.blockSignals(True)  # one change of the image on screen, at the end
        try:
            for path in gone:
                self._list.remove(path)
        finally:
            self._list.blockSignals(False)
        for path in gone:
            del self._images[path]
        after = self._list.current_path()
        if after != before:
            emit(self._list.current_path_changed, after)  # the window shows it (or nothing)
        self._goals.finish_if_done()
        self._changed()
        self._scheduler.start_next()
        return len(gone)

    def remove_selected(self) -> int:
        """Edit ▸ Remove from List (Delete in the list): the selected images."""
        return self.remove(self._list.selected_paths())

    def clear(self) -> int:
        """Edit ▸ Clear List: every image."""
        return self.remove(self._list.paths())
