"""The statistics panel: the engine's measured figures for the compressed image on screen."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QSizePolicy, QWidget

from ..compress import Result
from ..files import shown_name
from . import theme
from .i18n import QT_TRANSLATE_NOOP, number, size_text, translate

FORMAT_NAMES = {"png": "PNG", "gif": "GIF", "webp": "WebP"}

# (key, label, tooltip); the order of the rows.
ROWS: tuple[tuple[str, str, str], ...] = (
    (
        "image",
        QT_TRANSLATE_NOOP("Stats", "Image"),
        QT_TRANSLATE_NOOP(
            "Stats",
            "The file on screen.",
        ),
    ),
    (
        "dimensions",
        QT_TRANSLATE_NOOP("Stats", "Dimensions"),
        QT_TRANSLATE_NOOP(
            "Stats",
            "Width × height in pixels, and megapixels.",
        ),
    ),
    (
        "original",
        QT_TRANSLATE_NOOP("Stats", "Original file"),
        QT_TRANSLATE_NOOP(
            "Stats",
            "Size of the file you opened, and its format.",
        ),
    ),
    (
        "raw",
        QT_TRANSLATE_NOOP("Stats", "Raw 24-bit"),
        QT_TRANSLATE_NOOP(
            "Stats",
            "Width × height × 3 bytes: the pixels with no compression at all.",
        ),
    ),
    (
        "palette_index",
        QT_TRANSLATE_NOOP("Stats", "Palette + index"),
        QT_TRANSLATE_NOOP(
            "Stats",
            "Every pixel stored as a ⌈log₂ n⌉-bit index into n palette colours of 3 "
            "bytes, with no file format around it; the ratio is raw 24-bit over this.",
        ),
    ),
    (
        "encoded",
        QT_TRANSLATE_NOOP("Stats", "Encoded file"),
        QT_TRANSLATE_NOOP(
            "Stats",
            "Size of the compressed file in the chosen format, as written, and the "
            "PNG effort it was written with (the preview's is fast; File ▸ Save "
            "Effort sets the one Save uses).",
        ),
    ),
    (
        "vs_original",
        QT_TRANSLATE_NOOP("Stats", "vs original file"),
        QT_TRANSLATE_NOOP(
            "Stats",
            "Original file size over encoded file size. A photo that was a JPEG is "
            "often smaller than any lossless palette file: then the encoded file is "
            "larger, and this says so.",
        ),
    ),
    (
        "colors",
        QT_TRANSLATE_NOOP("Stats", "Colours"),
        QT_TRANSLATE_NOOP(
            "Stats",
            "Distinct colours in the encoded image, and the K asked for.",
        ),
    ),
    (
        "psnr",
        QT_TRANSLATE_NOOP("Stats", "PSNR"),
        QT_TRANSLATE_NOOP(
            "Stats",
            "Peak signal-to-noise ratio against the original, in dB (higher is closer).",
        ),
    ),
    (
        "delta_e",
        QT_TRANSLATE_NOOP("Stats", "Mean ΔE"),
        QT_TRANSLATE_NOOP(
            "Stats",
            "Mean colour difference in Oklab, ×100: about 1 is just noticeable, over 5 is clear.",
        ),
    ),
    (
        "ssim",
        QT_TRANSLATE_NOOP("Stats", "SSIM"),
        QT_TRANSLATE_NOOP(
            "Stats",
            "Structural similarity of the luma (Wang et al. 2004; Gaussian window, 11 "
            "× 11): 1 is identical; closer to what people judge than PSNR. n/a below "
            "11 × 11 pixels.",
        ),
    ),
    (
        "metadata",
        QT_TRANSLATE_NOOP("Stats", "Metadata"),
        QT_TRANSLATE_NOOP(
            "Stats",
            "What the encoded file keeps of the original's metadata (EXIF, XMP, PNG "
            "text, colour profile), as chosen under Metadata.",
        ),
    ),
    (
        "iterations",
        QT_TRANSLATE_NOOP("Stats", "Iterations"),
        QT_TRANSLATE_NOOP(
            "Stats",
            "Lloyd iterations of the k-means.",
        ),
    ),
    (
        "time",
        QT_TRANSLATE_NOOP("Stats", "Time"),
        QT_TRANSLATE_NOOP(
            "Stats",
            "K-means and mapping. Not counted: the colour analysis (once per image, "
            "reused for every K), decoding, encoding and measuring.",
        ),
    ),
)


def ssim_text(ssim: float) -> str:
    """ "0.9312", or "n/a" for an image smaller than SSIM's window."""
    return translate("Stats", "n/a") if math.isnan(ssim) else number(ssim, 4)


def effort_text(result: Result) -> str:
    """ ", effort fast" / ", effort max" for a PNG file; nothing for GIF and WebP."""
    return effort_text_of(result.stats.effort) if result.options.fmt == "png" else ""


def effort_text_of(effort: str) -> str:
    """ ", effort fast" / ", effort max", in the window's language."""
    return translate("Stats", ", effort {effort}").format(effort=effort_name(effort))


def effort_name(effort: str) -> str:
    """ "fast" or "max", in the window's language."""
    return {"fast": translate("Stats", "fast"), "max": translate("Stats", "max")}.get(
        effort, effort
    )


def ratio_text(ratio: float, digits: int = 2) -> str:
    """ "3.10× smaller" / "1.80× larger" for an original/new size ratio."""
    if ratio >= 1:
        return translate("Stats", "{ratio}× smaller").format(ratio=number(ratio, digits))
    return translate("Stats", "{ratio}× larger").format(ratio=number(1 / ratio, digits))


class StatsPanel(QGroupBox):
    """A two-column form of figures; every value is selectable text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("Stats", "Statistics"), parent)
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        layout.setHorizontalSpacing(10)
        layout.setVerticalSpacing(4)
        self._values: dict[str, QLabel] = {}
        self._names: dict[str, QLabel] = {}
        for key, label, tip in ROWS:
            label, tip = translate("Stats", label), translate("Stats", tip)
            name = QLabel(translate("Stats", "{label}:").format(label=label), self)
            name.setToolTip(tip)
            value = QLabel("—", self)
            value.setObjectName(f"stat_{key}")
            value.setToolTip(tip)
            value.setAccessibleName(label)
            value.setAccessibleDescription(tip)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            value.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            layout.addRow(name, value)
            self._values[key] = value
            self._names[key] = name
        self._note = QLabel("", self)
        self._note.setWordWrap(True)
        self._note.setObjectName("stat_note")
        layout.addRow(self._note)
        self.clear()

    def values(self) -> dict[str, str]:
        """The text of every row, by key (see ROWS)."""
        return {key: label.text() for key, label in self._values.items()}

    def note(self) -> str:
        """The line under the figures (notices, errors)."""
        return self._note.text()

    def clear(self, note: str = "") -> None:
        """Dashes everywhere, and an optional line under them."""
        for key, label in self._values.items():
            label.setText("—")
            label.setStyleSheet("")
            self._names[key].setStyleSheet("")
        self._note.setText(note)

    def show_result(self, result: Result, file_format: str = "") -> None:
        """Fill in the figures of a compression."""
        s = result.stats
        fmt = FORMAT_NAMES.get(result.options.fmt, result.options.fmt.upper())
        source_format = f" ({file_format})" if file_format else ""
        psnr = (
            translate("Stats", "identical")
            if math.isinf(s.psnr)
            else translate("Stats", "{psnr} dB").format(psnr=number(s.psnr, 2))
        )
        vs = ratio_text(s.ratio_to_input)
        size = size_text
        texts = {
            "image": shown_name(result.source),
            "dimensions": translate("Stats", "{width} × {height} px ({megapixels} MP)").format(
                width=s.width, height=s.height, megapixels=number(s.pixels / 1e6, 2)
            ),
            "original": size(s.input_bytes) + source_format,
            "raw": size(s.raw_bytes),
            "palette_index": translate("Stats", "{size} ({ratio}× smaller than raw)").format(
                size=size(s.palette_index_bytes), ratio=number(s.palette_index_ratio, 1)
            ),
            "encoded": f"{size(s.output_bytes)} ({fmt}{effort_text(result)})",
            "vs_original": vs
            if not s.larger_than_input
            else translate("Stats", "LARGER: {ratio} than the original").format(ratio=vs),
            "colors": f"{s.colors} (K = {s.k})",
            "psnr": psnr,
            "delta_e": number(s.mean_delta_e, 2),
            "ssim": ssim_text(s.ssim),
            "metadata": result.metadata or "—",
            "iterations": str(s.iterations),
            "time": translate("Stats", "{seconds} s").format(seconds=number(s.seconds, 2)),
        }
        for key, text in texts.items():
            self._values[key].setText(text)
        warn = theme.warning_style(self.palette()) if s.larger_than_input else ""
        self._values["vs_original"].setStyleSheet(warn)
        self._names["vs_original"].setStyleSheet(warn)
        notes = list(result.notices)
        if s.larger_than_input:
            notes.append(
                translate(
                    "Stats",
                    "The {format} file is larger than the original file: a palette image is "
                    "lossless, and a photo's original JPEG is often smaller.",
                ).format(format=fmt)
            )
        self._note.setText("\n".join(notes))
