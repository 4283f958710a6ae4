"""The compression controls: K (slider and spin box), colour space, dithering strength, file
format, the metadata kept and whether saved files keep their original's dates."""

from __future__ import annotations

import bisect

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from .. import engine
from ..compress import Options
from ..formats import SAVE_FORMATS, format_limit_problem
from ..metadata import METADATA_MODES
from .i18n import QT_TRANSLATE_NOOP, translate
from .signals import emit

MIN_K = 2
MAX_K = engine.MAX_K

K_STEPS: tuple[int, ...] = (
    tuple(range(2, 33))  # every K up to 32: half the slider
    + tuple(range(36, 65, 4))
    + tuple(range(72, 129, 8))
    + tuple(range(144, 257, 16))
)
"""The K of each slider step: every K up to 32, so that small K are easy to reach, then steps
growing with K (a change from 200 to 201 colours is invisible)."""

COLOR_SPACE_NAMES = {"rgb": "RGB", "oklab": QT_TRANSLATE_NOOP("Controls", "Oklab (perceptual)")}
FORMAT_NAMES = {
    "png": QT_TRANSLATE_NOOP("Controls", "PNG (indexed)"),
    "gif": "GIF",
    "webp": QT_TRANSLATE_NOOP("Controls", "WebP (lossless)"),
}
METADATA_NAMES = {
    "keep": QT_TRANSLATE_NOOP("Controls", "All"),
    "no-location": QT_TRANSLATE_NOOP("Controls", "All but location"),
    "strip": QT_TRANSLATE_NOOP("Controls", "None"),
}
"""Entries of the boxes, in English: shown through ``translate("Controls", ...)``."""


def format_name(key: str) -> str:
    """The file format's entry in the Format box, in the window's language."""
    return translate("Controls", FORMAT_NAMES.get(key, key))


def k_at(step: int) -> int:
    """The K of a slider step (0 is K = 2)."""
    return K_STEPS[min(max(step, 0), len(K_STEPS) - 1)]


def step_of(k: int) -> int:
    """The slider step of the largest K_STEPS value not above K."""
    return max(bisect.bisect_right(K_STEPS, k) - 1, 0)


def next_k(k: int, direction: int) -> int:
    """The next slider step above (direction 1) or below (-1) K, within 2..256."""
    if direction > 0:
        i = bisect.bisect_right(K_STEPS, k)
        return K_STEPS[min(i, len(K_STEPS) - 1)]
    i = bisect.bisect_left(K_STEPS, k) - 1
    return K_STEPS[max(i, 0)]


class KSlider(QSlider):
    """A slider over the K_STEPS whose Python API speaks K, not steps.

    Qt moves the handle step by step (``QSlider.valueChanged`` carries the step index), but
    ``value()``, ``setValue(k)``, ``minimum()`` and ``maximum()`` are in K, and
    ``k_changed(int)`` carries the K. ``setValue`` takes any K in 2..256: one between two steps
    is kept exactly, with the handle at the step below it.
    """

    k_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        super().setRange(0, len(K_STEPS) - 1)
        self.setSingleStep(1)
        self.setPageStep(4)
        self.setTracking(True)
        self._k = K_STEPS[0]
        self._setting = False
        super().valueChanged.connect(self._step_changed)

    def value(self) -> int:
        """The chosen K."""
        return self._k

    def setValue(self, k: int) -> None:
        """Choose a K (clamped to 2..256); the handle goes to its step."""
        k = min(max(int(k), MIN_K), MAX_K)
        self._setting = True
        try:
            super().setValue(step_of(k))
        finally:
            self._setting = False
        if k != self._k:
            self._k = k
            emit(self.k_changed, k)

    def minimum(self) -> int:
        """The smallest K."""
        return MIN_K

    def maximum(self) -> int:
        """The largest K."""
        return MAX_K

    def step(self) -> int:
        """The index of the handle's step in K_STEPS."""
        return super().value()

    @Slot(int)
    def _step_changed(self, step: int) -> None:
        if self._setting:
            return
        k = k_at(step)
        if k != self._k:
            self._k = k
            emit(self.k_changed, k)


class Controls(QWidget):
    """Two rows of controls; ``options_changed`` fires on every change of the compression's
    options, K included (not on Keep dates, which only matters when saving)."""

    options_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.k_slider = KSlider(self)
        self.k_slider.setMinimumWidth(180)
        self.k_spin = QSpinBox(self)
        self.k_spin.setRange(MIN_K, MAX_K)
        self.k_spin.setKeyboardTracking(False)
        self.k_spin.setAccelerated(True)
        k_tip = translate(
            "Controls",
            "K: the number of palette colours (2–256). Every K up to 32 has its own slider "
            "position; above, the slider steps by 4, 8 or 16, and the box takes any K. "
            "Keys: + and −.",
        )
        self.k_slider.setToolTip(k_tip)
        self.k_spin.setToolTip(k_tip)
        k_label = QLabel(translate("Controls", "&K colours:"), self)
        k_label.setBuddy(self.k_slider)

        self.color_space = QComboBox(self)
        for key in engine.COLOR_SPACES:
            self.color_space.addItem(translate("Controls", COLOR_SPACE_NAMES.get(key, key)), key)
        self.color_space.setToolTip(
            translate(
                "Controls",
                "Where k-means measures colour distance: RGB, or Oklab, a perceptual space "
                "(often better on skies and skin). The palette is sRGB either way.",
            )
        )
        cs_label = QLabel(translate("Controls", "Colour &space:"), self)
        cs_label.setBuddy(self.color_space)

        # Dithering strength: a slider that commits on release (each value is a new result)
        # and a spin box that follows it; 0 is off.
        self.dither = QSpinBox(self)
        self.dither.setRange(0, 100)
        self.dither.setSingleStep(10)
        self.dither.setSuffix(" %")
        self.dither.setSpecialValueText(translate("Controls", "Off"))
        self.dither_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.dither_slider.setRange(0, 100)
        self.dither_slider.setPageStep(25)
        self.dither_slider.setTracking(False)
        self.dither_slider.setFixedWidth(90)
        for widget in (self.dither, self.dither_slider):
            widget.setToolTip(
                translate(
                    "Controls",
                    "Floyd–Steinberg error diffusion, as a share of each pixel's error passed "
                    "on: smoother gradients, but noisier pixels that compress less well. 100 % "
                    "is the classic full dithering; lower strengths take longer to compute.",
                )
            )
        dither_label = QLabel(translate("Controls", "&Dithering:"), self)
        dither_label.setBuddy(self.dither)

        self.fmt = QComboBox(self)
        for key in SAVE_FORMATS:
            self.fmt.addItem(format_name(key), key)
        self.fmt.setToolTip(
            translate(
                "Controls", "The file format: the statistics show this format's real file size."
            )
        )
        fmt_label = QLabel(translate("Controls", "&Format:"), self)
        fmt_label.setBuddy(self.fmt)

        self.metadata = QComboBox(self)
        for key in METADATA_MODES:
            self.metadata.addItem(translate("Controls", METADATA_NAMES.get(key, key)), key)
        self.metadata.setToolTip(
            translate(
                "Controls",
                "The photo's metadata (EXIF: camera, date taken; XMP; PNG text) kept in the "
                "compressed file: all of it, all but the GPS location (for copies to share), "
                "or none. GIF holds none. The colour profile is always kept.",
            )
        )
        metadata_label = QLabel(translate("Controls", "&Metadata:"), self)
        metadata_label.setBuddy(self.metadata)
        self.keep_dates = QCheckBox(translate("Controls", "Keep da&tes"), self)
        self.keep_dates.setToolTip(
            translate(
                "Controls",
                "Saved files get the original file's modification date, so that photo "
                "libraries sorted by date keep them in place.",
            )
        )
        self._name_for_screen_readers()

        # Two rows: how the colours are found, then the file that is written.
        quantizing = QHBoxLayout()
        quantizing.setSpacing(6)
        quantizing.addWidget(k_label)
        quantizing.addWidget(self.k_slider, 1)
        quantizing.addWidget(self.k_spin)
        quantizing.addSpacing(12)
        quantizing.addWidget(cs_label)
        quantizing.addWidget(self.color_space)
        quantizing.addSpacing(12)
        quantizing.addWidget(dither_label)
        quantizing.addWidget(self.dither_slider)
        quantizing.addWidget(self.dither)
        file_row = QHBoxLayout()
        file_row.setSpacing(6)
        file_row.addWidget(fmt_label)
        file_row.addWidget(self.fmt)
        file_row.addSpacing(12)
        file_row.addWidget(metadata_label)
        file_row.addWidget(self.metadata)
        file_row.addSpacing(12)
        file_row.addWidget(self.keep_dates)
        file_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(quantizing)
        layout.addLayout(file_row)

        self.k_slider.k_changed.connect(self._slider_moved)
        self.k_spin.valueChanged.connect(self._spin_changed)
        self.color_space.currentIndexChanged.connect(self.options_changed)
        self.dither.valueChanged.connect(self._dither_changed)
        self.dither_slider.valueChanged.connect(self.dither.setValue)
        self.fmt.currentIndexChanged.connect(self.options_changed)
        self.metadata.currentIndexChanged.connect(self.options_changed)

    def _name_for_screen_readers(self) -> None:
        """Accessible names in words (a screen reader says them), descriptions from the tips."""
        named = (
            (self.k_slider, translate("Controls", "Number of colours K, slider")),
            (self.k_spin, translate("Controls", "Number of colours K")),
            (self.color_space, translate("Controls", "Colour space")),
            (self.dither, translate("Controls", "Dithering strength")),
            (self.dither_slider, translate("Controls", "Dithering strength, slider")),
            (self.fmt, translate("Controls", "File format")),
            (self.metadata, translate("Controls", "Metadata kept")),
            (self.keep_dates, translate("Controls", "Keep the original's file dates")),
        )
        for widget, name in named:
            widget.setAccessibleName(name)
            widget.setAccessibleDescription(widget.toolTip())

    # -- K --------------------------------------------------------------------------------
    def k(self) -> int:
        """The chosen K (the spin box's value, which the slider follows)."""
        return self.k_spin.value()

    def set_k(self, k: int) -> None:
        """Choose a K (clamped to 2..256)."""
        self.k_spin.setValue(min(max(int(k), MIN_K), MAX_K))

    @Slot()
    def step_k(self, direction: int) -> None:
        """Go to the next slider step up (1) or down (-1)."""
        self.set_k(next_k(self.k(), direction))

    @Slot(int)
    def _slider_moved(self, k: int) -> None:
        self.k_spin.setValue(k)

    @Slot(int)
    def _spin_changed(self, k: int) -> None:
        self.k_slider.blockSignals(True)
        self.k_slider.setValue(k)
        self.k_slider.blockSignals(False)
        emit(self.options_changed)

    @Slot(int)
    def _dither_changed(self, strength: int) -> None:
        self.dither_slider.blockSignals(True)
        self.dither_slider.setValue(strength)
        self.dither_slider.blockSignals(False)
        emit(self.options_changed)

    # -- the rest ---------------------------------------------------------------------------
    def options(self, seed: int = 0) -> Options:
        """The chosen options."""
        return Options(
            k=self.k(),
            fmt=self.fmt.currentData(),
            color_space=self.color_space.currentData(),
            dither=self.dither.value(),
            seed=seed,
            metadata=self.metadata.currentData(),
        )

    def set_options(self, options: Options) -> None:
        """Show options (emits ``options_changed`` once at most per control that changed)."""
        self.set_k(options.k)
        self.color_space.setCurrentIndex(max(self.color_space.findData(options.color_space), 0))
        self.dither.setValue(options.dither)
        self.set_format(options.fmt)
        self.metadata.setCurrentIndex(max(self.metadata.findData(options.metadata), 0))

    def set_format(self, fmt: str) -> None:
        """Choose the file format."""
        self.fmt.setCurrentIndex(max(self.fmt.findData(fmt), 0))

    def set_image_size(self, size: tuple[int, int] | None) -> None:
        """Mark the formats that cannot hold an image of `size` (width, height): their entry
        is greyed and says why; None (no image, or not read yet) marks none."""
        model = self.fmt.model()
        assert isinstance(model, QStandardItemModel)  # QComboBox's own model
        for row in range(self.fmt.count()):
            key = self.fmt.itemData(row)
            problem = None if size is None else format_limit_problem(key, *size)
            item = model.item(row)
            item.setEnabled(problem is None)
            item.setText(
                translate("Controls", "{format} — too large for this image").format(
                    format=format_name(key)
                )
                if problem
                else format_name(key)
            )
            item.setToolTip(problem or "")
