"""The main window's widgets and their layout, made in one place (as Qt Designer's ``setupUi``
does): controls and buttons above, the image list, the views and the figures side by side."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from .compare import CompareViews
from .controls import Controls
from .i18n import QT_TRANSLATE_NOOP, translate
from .imagelist import ImageList
from .job_status import JobStatus
from .palette_panel import PalettePanel
from .stats import StatsPanel
from .views import ImagePair
from .worker import Request

DROP_HINT = QT_TRANSLATE_NOOP("Window", "Drop photos or folders here\nor use File ▸ Open… (Ctrl+O)")
"""The message where the original goes when no image is open (in English: translate it)."""


class WindowUi:
    """Makes the widgets of `window` and lays them out; each is an attribute.

    `status` (the running job in the status bar) is made last; what it says of a save job is
    asked of `save_text` (see :class:`~.job_status.JobStatus`).
    """

    def __init__(self, window: QMainWindow, save_text: Callable[[Request], str]) -> None:
        self.controls = Controls(window)
        # Made in reading order, the order Tab goes in (see _order_tabs).
        self.fit_button = QPushButton(translate("Window", "Fit"), window)
        self.actual_button = QPushButton("100%", window)
        self.save_button = QPushButton(translate("Window", "&Save…"), window)
        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self.controls, 1)
        top.addSpacing(12)
        top.addWidget(self.fit_button)
        top.addWidget(self.actual_button)
        top.addSpacing(12)
        top.addWidget(self.save_button)

        self.image_list = ImageList(window)
        self.pair = ImagePair(window)
        self.views = CompareViews(self.pair, window)
        self.stats = StatsPanel(window)
        self.palette_panel = PalettePanel(window, self.pair)
        self.palette = self.palette_panel.view
        self.palette_box = self.palette_panel.box
        self.export_palette_button = self.palette_panel.export_button
        side = QWidget(window)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.stats)
        side_layout.addWidget(self.palette_box, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, window)
        self.splitter.addWidget(self.image_list)
        self.splitter.addWidget(self.views)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([270, 780, 350])
        self.splitter.setChildrenCollapsible(False)

        central = QWidget(window)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        window.setCentralWidget(central)
        self.status = JobStatus(window.statusBar(), save_text)
        self._name_widgets()
        self._add_tips()
        self._order_tabs(window)

    def _name_widgets(self) -> None:
        """Object names (tests find the widgets by them); the names a screen reader says are
        in words, most given by the widgets' own modules, the rest here."""
        named = {
            "imageList": self.image_list,
            "kSlider": self.controls.k_slider,
            "kSpinBox": self.controls.k_spin,
            "colorSpaceBox": self.controls.color_space,
            "ditherSpinBox": self.controls.dither,
            "ditherSlider": self.controls.dither_slider,
            "formatBox": self.controls.fmt,
            "metadataBox": self.controls.metadata,
            "keepDatesCheckBox": self.controls.keep_dates,
            "originalView": self.pair.original,
            "compressedView": self.pair.compressed,
            "statsPanel": self.stats,
            "paletteView": self.palette,
            "progressBar": self.status.progress,
            "cancelButton": self.status.cancel_button,
            "saveButton": self.save_button,
            "viewTabs": self.views,
            "splitView": self.views.split,
            "differenceView": self.views.difference,
            "kGrid": self.views.grid,
            "sizeQualityChart": self.views.chart,
            "exportPaletteButton": self.export_palette_button,
            "importPaletteButton": self.palette_panel.import_button,
            "paletteSizeBox": self.palette_panel.size_by,
        }
        for name, widget in named.items():
            widget.setObjectName(name)
        self.stats.setAccessibleName(translate("Window", "Statistics"))
        self.save_button.setAccessibleName(translate("Window", "Save the compressed image"))
        self.fit_button.setAccessibleName(translate("Window", "Fit to window"))
        self.actual_button.setAccessibleName(translate("Window", "Actual size, 100%"))
        self.export_palette_button.setAccessibleName(translate("Window", "Export the palette"))

    def _add_tips(self) -> None:
        self.pair.original.set_message(translate("Window", DROP_HINT))
        self.fit_button.setToolTip(translate("Window", "Fit the images to the window (Ctrl+0)"))
        self.actual_button.setToolTip(
            translate("Window", "One image pixel per device pixel of the screen (Ctrl+1)")
        )
        self.save_button.setToolTip(
            translate("Window", "Save the compressed image on screen (Ctrl+S)")
        )
        for button in (self.save_button, self.fit_button, self.actual_button):
            button.setAccessibleDescription(button.toolTip())

    def _order_tabs(self, window: QMainWindow) -> None:
        """Tab goes as the eye reads: the controls, the zoom and Save buttons, the list, the
        views (their tabs, then what the view shown holds), the palette's panel, Cancel.
        Creation order gives all but the two previews, made before the tabs they sit in."""
        window.setTabOrder(self.views.tabBar(), self.pair.original)
        window.setTabOrder(self.pair.original, self.pair.compressed)

    def set_has_result(self, has_result: bool) -> None:
        """Save and Export Palette need a compressed image on screen."""
        self.save_button.setEnabled(has_result)
        self.export_palette_button.setEnabled(has_result)
