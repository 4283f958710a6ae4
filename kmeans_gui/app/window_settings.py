"""The window's remembered state: the options, geometry and layout, the views' choices (the
keys are declared in :mod:`.settings`)."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QSplitter

from .. import sweep
from ..compress import Options
from . import backdrop, settings
from .compare import CompareViews
from .controls import Controls


def restore(
    window: QMainWindow, controls: Controls, splitter: QSplitter, views: CompareViews
) -> None:
    """Put back the options, the window's geometry and layout, and the views' choices."""
    store = settings.store()
    controls.blockSignals(True)
    controls.set_options(
        Options(
            k=settings.K.get(store),
            fmt=settings.FORMAT.get(store),
            color_space=settings.COLOR_SPACE.get(store),
            dither=(
                settings.DITHER.get(store)
                if store.contains(settings.DITHER.key)
                else 100 * settings.OLD_DITHER.get(store)
            ),
            metadata=settings.METADATA.get(store),
        )
    )
    controls.keep_dates.setChecked(settings.KEEP_DATES.get(store))
    controls.blockSignals(False)
    geometry = settings.GEOMETRY.get(store)
    if geometry.isEmpty() or not window.restoreGeometry(geometry):
        window.resize(1400, 860)
    state = settings.WINDOW_STATE.get(store)
    if not state.isEmpty():
        window.restoreState(state)
    sizes = settings.SPLITTER.get(store)
    if not sizes.isEmpty():
        splitter.restoreState(sizes)
    views.grid.set_ks(sweep.parse_ks(settings.GRID_KS.get(store)))
    views.chart.set_quality_metric(settings.CHART_METRIC.get(store))
    views.set_view(settings.VIEW.get(store))
    backdrop.set_backdrop(settings.BACKDROP.get(store))
    backdrop_action = getattr(window, "backdrop_actions", {}).get(backdrop.backdrop())
    if backdrop_action is not None:
        backdrop_action.setChecked(True)


def save(window: QMainWindow, controls: Controls, splitter: QSplitter, views: CompareViews) -> None:
    """Remember what :func:`restore` puts back (on close)."""
    store = settings.store()
    options = controls.options()
    settings.K.set(options.k, store)
    settings.FORMAT.set(options.fmt, store)
    settings.COLOR_SPACE.set(options.color_space, store)
    settings.DITHER.set(options.dither, store)
    settings.METADATA.set(options.metadata, store)
    settings.KEEP_DATES.set(controls.keep_dates.isChecked(), store)
    settings.GEOMETRY.set(window.saveGeometry(), store)
    settings.WINDOW_STATE.set(window.saveState(), store)
    settings.SPLITTER.set(splitter.saveState(), store)
    settings.GRID_KS.set(" ".join(map(str, views.grid.ks())), store)
    settings.CHART_METRIC.set(views.chart.quality_metric(), store)
    settings.VIEW.set(views.view(), store)
    settings.BACKDROP.set(backdrop.backdrop(), store)
    store.sync()
