"""The view switcher (Side by side | Split | Difference | K grid | Chart) and what each view
needs from the worker: the K sweep of the image on screen, the ΔE heat map of its result.

The window asks :meth:`CompareViews.wanted_job` for the next job when the worker is free, and
passes back what the worker sends; this module only keeps state and shows it.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QTabWidget, QWidget

from ..compress import Options, Result
from .chart import ChartPoint, SizeQualityChart
from .controls import format_name
from .diffview import DifferenceView
from .i18n import QT_TRANSLATE_NOOP, integer, number, size_text, translate
from .jobs import HeatOutcome, HeatRequest, SweepCell, SweepRequest
from .kgrid import KGrid
from .signals import emit
from .splitview import SplitView
from .stats import effort_name, effort_text_of, ssim_text
from .views import ImagePair

SIDE, SPLIT, DIFFERENCE, GRID, CHART = "side", "split", "difference", "grid", "chart"
VIEW_NAMES = {
    SIDE: QT_TRANSLATE_NOOP("Views", "Side by side"),
    SPLIT: QT_TRANSLATE_NOOP("Views", "Split"),
    DIFFERENCE: QT_TRANSLATE_NOOP("Views", "Difference"),
    GRID: QT_TRANSLATE_NOOP("Views", "K grid"),
    CHART: QT_TRANSLATE_NOOP("Views", "Chart"),
}
"""The views' names in English: shown through :func:`view_name`."""


def view_name(key: str) -> str:
    """A view's name in the window's language."""
    return translate("Views", VIEW_NAMES[key])


def _base(options: Options) -> Options:
    """The options a sweep is made for: every field but K (which each cell sets)."""
    return dataclasses.replace(options, k=2)


@dataclass
class _Sweep:
    """The sweep of one image with one set of options: its cells so far."""

    path: Path
    base: Options
    ks: tuple[int, ...]
    quick: dict[int, SweepCell] = field(default_factory=dict)
    measured: dict[int, SweepCell] = field(default_factory=dict)
    stopped: bool = False  # the user cancelled it: wait for a change before going on

    def cell(self, k: int) -> SweepCell | None:
        return self.measured.get(k) or self.quick.get(k)

    def missing_quick(self) -> tuple[int, ...]:
        return tuple(k for k in self.ks if k not in self.quick and k not in self.measured)

    def missing_measured(self) -> tuple[int, ...]:
        return tuple(k for k in self.ks if k not in self.measured)


class CompareViews(QTabWidget):
    """The five views of the image on screen, as tabs.

    ``k_clicked(k)``: a grid cell or a chart point was clicked. ``wanted_changed``: the view
    shown changed, or its sweep's K values: the window should look for work.
    """

    k_clicked = Signal(int)
    wanted_changed = Signal()

    def __init__(self, pair: ImagePair, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("viewTabs")
        self.setDocumentMode(True)
        self.pair = pair
        self.split = SplitView(self)
        self.split.setObjectName("splitView")
        self.difference = DifferenceView(self)
        self.difference.setObjectName("differenceView")
        self.grid = KGrid(self)
        self.grid.setObjectName("kGrid")
        self.chart = SizeQualityChart(self)
        self.chart.setObjectName("sizeQualityChart")
        self._widgets = {
            SIDE: pair,
            SPLIT: self.split,
            DIFFERENCE: self.difference,
            GRID: self.grid,
            CHART: self.chart,
        }
        tips = {
            SIDE: translate("Views", "Original and compressed side by side"),
            SPLIT: translate(
                "Views",
                "Original and compressed in one view: drag the divider; X swaps, hold Space "
                "for the original",
            ),
            DIFFERENCE: translate("Views", "Heat map of the colour difference (ΔE) at every pixel"),
            GRID: translate("Views", "The image at several K at once; click one to choose its K"),
            CHART: translate("Views", "File size and quality against K, with the suggested K"),
        }
        for key, widget in self._widgets.items():
            index = self.addTab(widget, view_name(key))
            self.setTabToolTip(index, tips[key])
            widget.setAccessibleDescription(tips[key])
        self.setAccessibleName(translate("Views", "Views"))
        self.split.setAccessibleName(translate("Views", "Split view of original and compressed"))
        self.difference.setAccessibleName(translate("Views", "Difference heat map"))
        self.grid.setAccessibleName(translate("Views", "K grid"))
        self.chart.setAccessibleName(translate("Views", "Size and quality chart"))
        self._sweep: _Sweep | None = None
        self._heat_key: tuple[Path, Options] | None = None
        self._heat_stopped = False
        self._split_dirty = True
        self._what = ""
        self.grid.k_clicked.connect(self.k_clicked)
        self.chart.k_clicked.connect(self.k_clicked)
        self.grid.ks_edited.connect(self._ks_edited)
        self.chart.metric_box.currentIndexChanged.connect(self._update_grid_status)
        self.currentChanged.connect(self._view_changed)
        for view in pair.views():
            view.image_changed.connect(self._pair_changed)

    # -- which view ---------------------------------------------------------------------------
    def view(self) -> str:
        """The key of the view shown: side, split, difference, grid or chart."""
        return list(self._widgets)[max(self.currentIndex(), 0)]

    def set_view(self, key: str) -> None:
        """Show a view by its key."""
        self.setCurrentWidget(self._widgets[key])

    @Slot(int)
    def _view_changed(self, _: int) -> None:
        if self.view() == SPLIT and self._split_dirty:
            self._update_split()
        if self._sweep is not None and self.view() in (GRID, CHART):
            self._sweep.stopped = False  # coming back resumes a cancelled sweep
        if self.view() == DIFFERENCE:
            self._heat_stopped = False
        emit(self.wanted_changed)

    # -- zoom, for the view shown ---------------------------------------------------------------
    def _zoomable(self):
        view = self.view()
        if view == SPLIT:
            return _SingleView(self.split)
        if view == DIFFERENCE:
            return _SingleView(self.difference.view)
        if view == GRID:
            return self.grid
        return self.pair

    @Slot()
    def fit(self) -> None:
        """Fit the image(s) of the view shown."""
        self._zoomable().fit()

    @Slot()
    def actual_size(self) -> None:
        """100% in the view shown."""
        self._zoomable().actual_size()

    @Slot()
    def zoom_in(self) -> None:
        """Zoom in the view shown."""
        self._zoomable().zoom_in()

    @Slot()
    def zoom_out(self) -> None:
        """Zoom out the view shown."""
        self._zoomable().zoom_out()

    # -- split view -----------------------------------------------------------------------------
    @Slot()
    def _pair_changed(self) -> None:
        self._split_dirty = True
        if self.view() == SPLIT:
            self._update_split()

    def _update_split(self) -> None:
        self._split_dirty = False
        compressed = self.pair.compressed.image()
        self.split.set_images(self.pair.original.image(), compressed)
        self.split.set_message(self.pair.compressed.message() if compressed.isNull() else "")

    # -- the current K --------------------------------------------------------------------------
    def set_current_k(self, k: int) -> None:
        """Mark the K on the slider in the grid and the chart."""
        self.grid.set_current_k(k)
        self.chart.set_current_k(k)

    # -- jobs -----------------------------------------------------------------------------------
    def wanted_job(
        self, path: Path | None, options: Options, shown: Result | None
    ) -> SweepRequest | HeatRequest | None:
        """The job the view shown needs next for the image on screen, if any.

        `shown` is the result on screen (its options may lag behind `options`).
        """
        view = self.view()
        if path is None:
            return None
        if view == DIFFERENCE:
            if shown is None or shown.source != path or self._heat_stopped:
                return None
            key = (path, shown.options)
            if key == self._heat_key:
                return None
            return HeatRequest(-1, path, shown.options, shown)
        if view not in (GRID, CHART):
            return None
        state = self._sweep_for(path, options)
        if state.stopped:
            return None
        quick = state.missing_quick()
        measure = state.missing_measured()[:1]  # one K per job: others get their turn between
        if not quick and not measure:
            return None
        return SweepRequest(-1, path, state.base, quick=quick, measure=measure)

    def still_wanted(
        self, job: SweepRequest | HeatRequest, path: Path | None, options: Options
    ) -> bool:
        """Whether a running job is still what the view shown needs."""
        if isinstance(job, HeatRequest):
            return self.view() == DIFFERENCE and job.path == path
        return (
            self.view() in (GRID, CHART)
            and job.path == path
            and job.options == _base(options)
            and self._sweep is not None
            and set(job.quick + job.measure) <= set(self._sweep.ks)
        )

    def stop(self) -> None:
        """The user cancelled: make no more sweep or heat map until something changes."""
        if self._sweep is not None:
            self._sweep.stopped = True
        self._heat_stopped = True
        self._update_grid_status()

    def _sweep_for(self, path: Path, options: Options) -> _Sweep:
        base = _base(options)
        ks = self.grid.ks()
        state = self._sweep
        if state is None or state.path != path or state.base != base:
            self._sweep = state = _Sweep(path, base, ks)
            self._what = f"{format_name(base.fmt)}, {base.color_space.upper()}"
            self.grid.clear(translate("Views", "computing…"))
            self.chart.set_points([])
            self._update_grid_status()
        elif state.ks != ks:
            state.ks = ks
            self._refill()
        return state

    @Slot(tuple)
    def _ks_edited(self, ks: tuple[int, ...]) -> None:
        if self._sweep is not None:
            self._sweep.ks = ks
            self._sweep.stopped = False
            self._refill()
        emit(self.wanted_changed)

    def _refill(self) -> None:
        """Show every cell the sweep has for the grid's K values."""
        state = self._sweep
        self.grid.clear(translate("Views", "computing…"))
        if state is not None:
            for k in state.ks:
                cell = state.cell(k)
                if cell is not None:
                    self._show_cell(cell)
        self._update_chart()
        self._update_grid_status()

    def take_cell(self, cell: SweepCell) -> bool:
        """Show a cell the worker sent, if it belongs to the sweep shown; True if it did."""
        state = self._sweep
        if state is None or cell.path != state.path or _base(cell.options) != state.base:
            return False
        if cell.measured:
            state.measured[cell.k] = cell
        elif cell.k not in state.measured:
            state.quick[cell.k] = cell
        else:
            return True
        self._show_cell(cell)
        self._update_chart()
        self._update_grid_status()
        return True

    def _show_cell(self, cell: SweepCell) -> None:
        stats = cell.stats
        png = cell.options.fmt == "png"
        if stats is not None:
            effort = f" ({effort_name(stats.effort)})" if png else ""
            caption = translate(
                "Views", "K = {k} · {size}{effort} · PSNR {psnr} dB · ΔE {delta_e} · SSIM {ssim}"
            ).format(
                k=cell.k,
                size=size_text(stats.output_bytes),
                effort=effort,
                psnr=number(stats.psnr, 2),
                delta_e=number(stats.mean_delta_e, 2),
                ssim=ssim_text(stats.ssim),
            )
            if stats.larger_than_input:
                caption += translate("Views", " · LARGER than the original")
            tip = translate(
                "Views",
                "Measured on the {format} file at full resolution: {colours} colours, "
                "{bytes} bytes{effort}. The picture is a {preview} preview with this K's "
                "palette.",
            ).format(
                format=format_name(cell.options.fmt),
                colours=stats.colors,
                bytes=integer(stats.output_bytes),
                effort=effort_text_of(stats.effort) if png else "",
                preview=self._preview_note(cell),
            )
        else:
            caption = translate(
                "Views", "K = {k} · preview: PSNR ≈ {psnr} dB · ΔE ≈ {delta_e} · size: measuring…"
            ).format(k=cell.k, psnr=number(cell.psnr, 1), delta_e=number(cell.mean_delta_e, 2))
            tip = translate(
                "Views",
                "Quick estimate on a {preview} preview with an unrefined palette; the file size "
                "and exact figures follow once this K is compressed at full resolution.",
            ).format(preview=self._preview_note(cell))
        self.grid.set_cell(cell.k, cell.image, caption, cell.measured, tip)

    @staticmethod
    def _preview_note(cell: SweepCell) -> str:
        return f"{cell.image.width()} × {cell.image.height()}"

    def _update_chart(self) -> None:
        state = self._sweep
        points = []
        if state is not None:
            for k in state.ks:
                cell = state.cell(k)
                if cell is None:
                    continue
                stats = cell.stats
                points.append(ChartPoint(
                    k, stats.output_bytes if stats else None, cell.psnr, cell.mean_delta_e,
                    stats is not None, stats.ssim if stats else math.nan,
                ))  # fmt: skip
        self.chart.set_points(points)

    @Slot()
    def _update_grid_status(self) -> None:
        state = self._sweep
        if state is None:
            self.grid.status.setText("")
            return
        quick = sum(1 for k in state.ks if state.cell(k) is not None)
        measured = sum(1 for k in state.ks if k in state.measured)
        n = len(state.ks)
        text = translate(
            "Views", "{name} ({what}): previews {quick} of {count}, measured {measured} of {count}"
        ).format(name=state.path.name, what=self._what, quick=quick, measured=measured, count=n)
        if state.stopped and measured < n:
            text += translate("Views", " — stopped; switch views or change the K values to go on")
        suggestion = self.chart.suggested_k()
        if suggestion is not None:
            text += translate("Views", " · suggested K = {k}").format(k=suggestion)
        self.grid.status.setText(text)

    def forget(self, paths: set[Path]) -> None:
        """Images that left the list: their sweep, chart and heat map go."""
        if self._sweep is not None and self._sweep.path in paths:
            self._sweep = None
            self.grid.clear()
            self.chart.set_points([])
            self._update_grid_status()
        if self._heat_key is not None and self._heat_key[0] in paths:
            self.result_shown(None)

    def sweep_cells(self) -> dict[int, SweepCell]:
        """The cells of the sweep shown, measured ones first, by K."""
        state = self._sweep
        if state is None:
            return {}
        return {k: cell for k in state.ks if (cell := state.cell(k)) is not None}

    # -- the heat map ---------------------------------------------------------------------------
    def take_heat(self, outcome: HeatOutcome, shown: Result | None) -> bool:
        """Show a heat map if it is of the result on screen; True if it was."""
        request = outcome.request
        if shown is None or shown.source != request.path or shown.options != request.options:
            return False
        self._heat_key = (request.path, request.options)
        o = request.options
        self.difference.set_heat(
            outcome.image, outcome.maximum, outcome.at, outcome.mean, outcome.top,
            f"K = {o.k}, {format_name(o.fmt)}",
        )  # fmt: skip
        return True

    def result_shown(self, shown: Result | None) -> None:
        """The result on screen changed: the heat map of the old one is marked stale."""
        if shown is None:
            self._heat_key = None
            self.difference.clear(
                translate("Views", "Difference: waiting for the compressed image")
            )
        elif self._heat_key != (shown.source, shown.options):
            self.difference.set_message(translate("Views", "computing the ΔE map…"))


class _SingleView:
    """fit/actual_size/zoom_in/zoom_out for one ImageView."""

    def __init__(self, view) -> None:
        self.view = view

    def fit(self) -> None:
        self.view.fit()

    def actual_size(self) -> None:
        self.view.actual_size()

    def zoom_in(self) -> None:
        from .views import ZOOM_STEP

        self.view.set_scale(self.view.scale_factor() * ZOOM_STEP)

    def zoom_out(self) -> None:
        from .views import ZOOM_STEP

        self.view.set_scale(self.view.scale_factor() / ZOOM_STEP)
