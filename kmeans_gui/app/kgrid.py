"""The K grid: the same image at several K side by side, zoomed and panned together.

Each cell shows the preview mapped to that K's palette and a caption with its figures: first
the quick pass's, measured on the preview, then the real file's once it is compressed at full
resolution. Clicking a cell (without dragging) asks for its K.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QImage, QKeyEvent, QMouseEvent, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from .. import sweep
from .i18n import translate
from .signals import emit
from .views import ZOOM_STEP, ImageView

CLICK_SLOP = 4  # pixels a press may move and still be a click
CAPTION_LINES = 2


class CellView(ImageView):
    """An ImageView that tells a click (press and release in place) from a drag; Enter or
    Space on the focused cell is a click too."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pressed_at: QPoint | None = None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._pressed_at = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        start, self._pressed_at = self._pressed_at, None
        super().mouseReleaseEvent(event)
        if (
            event.button() == Qt.MouseButton.LeftButton
            and start is not None
            and (event.position().toPoint() - start).manhattanLength() <= CLICK_SLOP
        ):
            emit(self.clicked)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            if not event.isAutoRepeat():
                emit(self.clicked)
            event.accept()
            return
        super().keyPressEvent(event)


class GridCell(QFrame):
    """One K: a caption above its picture; the current K is framed."""

    def __init__(self, k: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.k = k
        self.measured = False
        self.setFrameShape(QFrame.Shape.Box)
        self.setLineWidth(2)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        lines = self.caption.fontMetrics().lineSpacing() * CAPTION_LINES
        self.caption.setFixedHeight(lines + 2)
        self.view = CellView(self)
        self.view.setMinimumSize(60, 40)
        self.view.set_message(translate("KGrid", "waiting…"))
        self.view.setToolTip(
            translate(
                "KGrid", "Click (or Enter) to use K = {k}; wheel zooms and dragging pans every cell"
            ).format(k=k)
        )
        self.view.setAccessibleDescription(self.view.toolTip())
        self.set_caption(f"K = {k}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(3, 2, 3, 3)
        layout.setSpacing(1)
        layout.addWidget(self.caption)
        layout.addWidget(self.view, 1)
        self._current: bool | None = None
        self.set_current(False)

    def set_caption(self, caption: str) -> None:
        """The caption, also the name a screen reader gives the cell's picture."""
        self.caption.setText(caption)
        self.view.setAccessibleName(
            translate("KGrid", "K grid cell: {caption}").format(caption=caption)
        )

    def set_current(self, current: bool) -> None:
        """Frame the cell in the highlight colour when it is the K on the slider."""
        if current == self._current:
            return  # a style sheet re-polishes the cell: ~1 ms of the GUI thread per cell
        self._current = current
        role = QPalette.ColorRole.Highlight if current else QPalette.ColorRole.Window
        colour = self.palette().color(role).name()
        self.setStyleSheet(f"GridCell {{ border: 2px solid {colour}; }}")
        font = self.caption.font()
        font.setBold(current)
        self.caption.setFont(font)


class ViewGroup:
    """Keeps several ImageViews at one zoom and one scroll position (same-size images)."""

    def __init__(self) -> None:
        self._views: list[ImageView] = []
        self._syncing = False

    def add(self, view: ImageView) -> None:
        """Add a view: its wheel zoom and scrolling are followed by the others."""
        self._views.append(view)
        view.user_zoomed.connect(lambda v=view: self.follow(v))
        view.horizontalScrollBar().valueChanged.connect(lambda _=0, v=view: self._scrolled(v))
        view.verticalScrollBar().valueChanged.connect(lambda _=0, v=view: self._scrolled(v))

    def clear(self) -> None:
        """Forget every view."""
        self._views.clear()

    def views(self) -> list[ImageView]:
        """The views, in the order added."""
        return list(self._views)

    def follow(self, source: ImageView) -> None:
        """Give every other view `source`'s zoom and scroll position."""
        if self._syncing:
            return
        self._syncing = True
        try:
            for view in self._views:
                if view is source:
                    continue
                if source.is_fitting():
                    view.fit()
                else:
                    view.set_scale(source.scale_factor())
                view.horizontalScrollBar().setValue(source.horizontalScrollBar().value())
                view.verticalScrollBar().setValue(source.verticalScrollBar().value())
        finally:
            self._syncing = False

    def _scrolled(self, source: ImageView) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            for view in self._views:
                if view is not source:
                    view.horizontalScrollBar().setValue(source.horizontalScrollBar().value())
                    view.verticalScrollBar().setValue(source.verticalScrollBar().value())
        finally:
            self._syncing = False

    def fit(self) -> None:
        """Fit every view."""
        for view in self._views:
            view.fit()

    def set_scale(self, factor: float) -> None:
        """Zoom every view to `factor`, about the first view's centre."""
        if not self._views:
            return
        first = self._views[0]
        centre = first.mapToScene(first.viewport().rect().center())
        for view in self._views:
            view.set_scale(factor)
            view.centerOn(centre)

    def scale_factor(self) -> float:
        """The common zoom (1 without views)."""
        return self._views[0].scale_factor() if self._views else 1.0


class KGrid(QWidget):
    """Cells for a set of K values (editable in the line above them).

    ``k_clicked(k)`` when a cell is clicked; ``ks_edited(tuple)`` when the user enters a new
    set of K values (already checked with ``sweep.parse_ks``).
    """

    k_clicked = Signal(int)
    ks_edited = Signal(tuple)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ks: tuple[int, ...] = ()
        self._cells: dict[int, GridCell] = {}
        self._group = ViewGroup()
        self._aspect = 4 / 3
        self._current_k: int | None = None
        self.ks_edit = QLineEdit(self)
        self.ks_edit.setObjectName("gridKs")
        self.ks_edit.setAccessibleName(translate("KGrid", "K values of the grid"))
        self.ks_edit.setToolTip(
            translate(
                "KGrid",
                "The K values of the grid, 2–256, separated by spaces or commas (at most "
                "{count}); Enter applies them",
            ).format(count=sweep.MAX_CELLS)
        )
        self.ks_edit.setAccessibleDescription(self.ks_edit.toolTip())
        self.ks_edit.editingFinished.connect(self._ks_entered)
        width = self.ks_edit.fontMetrics().horizontalAdvance("2 4 8 16 32 64 128 256 ")
        self.ks_edit.setMinimumWidth(width + 16)
        self.status = QLabel("", self)
        self.status.setObjectName("gridStatus")
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        label = QLabel(translate("KGrid", "K &values:"), self)
        label.setBuddy(self.ks_edit)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(label)
        top.addWidget(self.ks_edit)
        top.addSpacing(12)
        top.addWidget(self.status, 1)
        self._area = QWidget(self)
        self._grid = QGridLayout(self._area)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self._area, 1)
        self._area.installEventFilter(self)
        self.set_ks(sweep.DEFAULT_KS)

    # -- the K values -----------------------------------------------------------------------
    def ks(self) -> tuple[int, ...]:
        """The K values of the cells, ascending."""
        return self._ks

    def set_ks(self, ks: tuple[int, ...]) -> None:
        """Make one empty cell per K (does not emit ``ks_edited``)."""
        ks = tuple(sorted(set(ks)))
        self.ks_edit.setText(" ".join(map(str, ks)))
        if ks == self._ks:
            return
        self._ks = ks
        for cell in self._cells.values():
            self._grid.removeWidget(cell)
            cell.deleteLater()
        self._cells = {}
        self._group.clear()
        for k in ks:
            cell = GridCell(k, self._area)
            cell.view.clicked.connect(lambda k=k: emit(self.k_clicked, k))
            self._group.add(cell.view)
            self._cells[k] = cell
        self._place()
        self.set_current_k(self._current_k)

    @Slot()
    def _ks_entered(self) -> None:
        try:
            ks = sweep.parse_ks(self.ks_edit.text())
        except ValueError as exc:
            self.status.setText(translate("KGrid", "Not changed: {reason}").format(reason=exc))
            self.ks_edit.setText(" ".join(map(str, self._ks)))
            return
        if ks != self._ks:
            self.set_ks(ks)
            emit(self.ks_edited, ks)

    # -- cells --------------------------------------------------------------------------------
    def cell(self, k: int) -> GridCell:
        """The cell of a K."""
        return self._cells[k]

    def cells(self) -> list[GridCell]:
        """Every cell, by ascending K."""
        return [self._cells[k] for k in self._ks]

    def clear(self, message: str = "") -> None:
        """Empty every cell ("": the message says it waits)."""
        message = message or translate("KGrid", "waiting…")
        for cell in self._cells.values():
            cell.view.set_image(None)
            cell.view.set_message(message)
            cell.set_caption(f"K = {cell.k}")
            cell.caption.setToolTip("")
            cell.measured = False

    def set_cell(self, k: int, image: QImage, caption: str, measured: bool, tip: str = "") -> None:
        """Show a K's picture and its figures."""
        cell = self._cells.get(k)
        if cell is None:
            return
        fitting = self._group.views()[0].is_fitting() if self._group.views() else True
        cell.view.set_image(image)
        cell.set_caption(caption)
        cell.caption.setToolTip(tip)
        cell.measured = measured
        if image.height() > 0 and abs(image.width() / image.height() - self._aspect) > 1e-3:
            self._aspect = image.width() / image.height()
            self._place()
        others = [
            c.view for c in self._cells.values() if c is not cell and not c.view.image().isNull()
        ]
        if others and not fitting:
            self._group.follow(others[0])
        elif not fitting:
            cell.view.fit()

    def set_current_k(self, k: int | None) -> None:
        """Frame the cell of the K on the slider, if the grid has it."""
        self._current_k = k
        for cell_k, cell in self._cells.items():
            cell.set_current(cell_k == k)

    # -- zoom ---------------------------------------------------------------------------------
    @Slot()
    def fit(self) -> None:
        """Fit every cell's picture."""
        self._group.fit()

    @Slot()
    def actual_size(self) -> None:
        """One preview pixel per device pixel of the screen."""
        self._group.set_scale(1.0 / self.devicePixelRatioF())

    @Slot()
    def zoom_in(self) -> None:
        """Zoom every cell in one step."""
        self._group.set_scale(self._group.scale_factor() * ZOOM_STEP)

    @Slot()
    def zoom_out(self) -> None:
        """Zoom every cell out one step."""
        self._group.set_scale(self._group.scale_factor() / ZOOM_STEP)

    # -- layout -------------------------------------------------------------------------------
    def columns(self) -> int:
        """How many columns the cells are laid out in."""
        return self._columns_for(self._area.width(), self._area.height())

    def _columns_for(self, width: int, height: int) -> int:
        """The column count that shows the pictures largest in a width x height area."""
        n = len(self._ks)
        if n == 0:
            return 1
        caption = self.fontMetrics().lineSpacing() * CAPTION_LINES + 12
        best, best_scale = 1, -1.0
        for cols in range(1, n + 1):
            rows = math.ceil(n / cols)
            cell_w = max(width / cols - 10, 1)
            cell_h = max(height / rows - caption, 1)
            scale = min(cell_w / self._aspect, cell_h)  # picture height that fits
            if scale > best_scale * 1.0001:
                best, best_scale = cols, scale
        return best

    def _place(self) -> None:
        cols = self.columns()
        for cell in self._cells.values():
            self._grid.removeWidget(cell)
        for i, k in enumerate(self._ks):
            self._grid.addWidget(self._cells[k], i // cols, i % cols)
        for c in range(self._grid.columnCount()):
            self._grid.setColumnStretch(c, 1 if c < cols else 0)
        for r in range(self._grid.rowCount()):
            self._grid.setRowStretch(r, 1 if r < math.ceil(len(self._ks) / cols) else 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._area and event.type() == QEvent.Type.Resize and self._ks:
            index = self._grid.indexOf(self._cells[self._ks[-1]])
            column = self._grid.getItemPosition(index)[1]  # type: ignore[index]
            if (len(self._ks) - 1) % self.columns() != column:
                self._place()
        return super().eventFilter(watched, event)
