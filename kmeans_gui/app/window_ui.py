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
from .imagelist import ImageList
from .job_status import JobStatus
from .palette_panel import PalettePanel
from .stats import StatsPanel
from .views import ImagePair
from .worker import Request

DROP_HINT = "Drop photos or folders here\nor use File ▸ Open… (Ctrl+O)"


class WindowUi:
    """Makes the widgets of `window` and lays them out; each is an attribute.

    `status` (the running job in the status bar) is made last; what it says of a save job is
    asked of `save_text` (see :class:`~.job_status.JobStatus`).
    """

    def __init__(self, window: QMainWindow, save_text: Callable[[Request], str]) -> None:
        self.controls = Controls(window)
        self.save_button = QPushButton("&Save…", window)
        self.fit_button = QPushButton("Fit", window)
        self.actual_button = QPushButton("100%", window)
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
        self.stats = StatsPanel(window)
        self.palette_panel = PalettePanel(window, self.pair)
        self.palette = self.palette_panel.view
        self.palette_box = self.palette_panel.box
        self.export_palette_button = self.palette_panel.export_button
        self.views = CompareViews(self.pair, window)
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

    def _name_widgets(self) -> None:
        """Object and accessible names (tests and screen readers find the widgets by them)."""
        named = {
            "imageList": (self.image_list, "Opened images"),
            "kSlider": (self.controls.k_slider, "Number of colours K"),
            "kSpinBox": (self.controls.k_spin, "Number of colours K"),
            "colorSpaceBox": (self.controls.color_space, "Colour space"),
            "ditherSpinBox": (self.controls.dither, "Dithering strength"),
            "ditherSlider": (self.controls.dither_slider, "Dithering strength"),
            "formatBox": (self.controls.fmt, "File format"),
            "metadataBox": (self.controls.metadata, "Metadata kept"),
            "keepDatesCheckBox": (self.controls.keep_dates, "Keep the original's file dates"),
            "originalView": (self.pair.original, "Original image"),
            "compressedView": (self.pair.compressed, "Compressed image"),
            "statsPanel": (self.stats, "Statistics"),
            "paletteView": (self.palette, "Palette"),
            "progressBar": (self.status.progress, "Progress"),
            "cancelButton": (self.status.cancel_button, "Cancel"),
            "saveButton": (self.save_button, "Save"),
            "viewTabs": (self.views, "Views: side by side, split, difference, K grid, chart"),
            "splitView": (self.views.split, "Original and compressed split by a divider"),
            "differenceView": (self.views.difference, "Per-pixel colour difference"),
            "kGrid": (self.views.grid, "The image at several K"),
            "sizeQualityChart": (self.views.chart, "File size and quality against K"),
            "exportPaletteButton": (self.export_palette_button, "Export the palette"),
            "importPaletteButton": (self.palette_panel.import_button, "Import a palette"),
            "paletteSizeBox": (self.palette_panel.size_by, "Swatch areas by share or cost"),
        }
        for name, (widget, accessible) in named.items():
            widget.setObjectName(name)
            widget.setAccessibleName(name)
            widget.setAccessibleDescription(accessible)

    def _add_tips(self) -> None:
        self.pair.original.set_message(DROP_HINT)
        self.image_list.setToolTip("Opened images: drop photos or folders anywhere on the window")
        self.fit_button.setToolTip("Fit the images to the window (Ctrl+0)")
        self.actual_button.setToolTip("One image pixel per screen pixel (Ctrl+1)")
        self.save_button.setToolTip("Save the compressed image on screen (Ctrl+S)")

    def set_has_result(self, has_result: bool) -> None:
        """Save and Export Palette need a compressed image on screen."""
        self.save_button.setEnabled(has_result)
        self.export_palette_button.setEnabled(has_result)
