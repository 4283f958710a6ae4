"""The statistics panel: the engine's measured figures for the compressed image on screen."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QSizePolicy, QWidget

from ..compress import Result
from ..files import human_bytes, shown_name

FORMAT_NAMES = {"png": "PNG", "gif": "GIF", "webp": "WebP"}

# (key, label, tooltip); the order of the rows.
ROWS: tuple[tuple[str, str, str], ...] = (
    ("image", "Image", "The file on screen."),
    ("dimensions", "Dimensions", "Width × height in pixels, and megapixels."),
    ("original", "Original file", "Size of the file you opened, and its format."),
    ("raw", "Raw 24-bit", "Width × height × 3 bytes: the pixels with no compression at all."),
    (
        "palette_index",
        "Palette + index",
        "Every pixel stored as a ⌈log₂ n⌉-bit index into n palette colours of 3 bytes, with "
        "no file format around it; the ratio is raw 24-bit over this.",
    ),
    (
        "encoded",
        "Encoded file",
        "Size of the compressed file in the chosen format, as written, and the PNG effort it "
        "was written with (the preview's is fast; File ▸ Save Effort sets the one Save uses).",
    ),
    (
        "vs_original",
        "vs original file",
        "Original file size over encoded file size. A photo that was a JPEG is often smaller "
        "than any lossless palette file: then the encoded file is larger, and this says so.",
    ),
    ("colors", "Colours", "Distinct colours in the encoded image, and the K asked for."),
    ("psnr", "PSNR", "Peak signal-to-noise ratio against the original, in dB (higher is closer)."),
    (
        "delta_e",
        "Mean ΔE",
        "Mean colour difference in Oklab, ×100: about 1 is just noticeable, over 5 is clear.",
    ),
    (
        "ssim",
        "SSIM",
        "Structural similarity of the luma (Wang et al. 2004; Gaussian window, 11 × 11): 1 is "
        "identical; closer to what people judge than PSNR. n/a below 11 × 11 pixels.",
    ),
    (
        "metadata",
        "Metadata",
        "What the encoded file keeps of the original's metadata (EXIF, XMP, PNG text, colour "
        "profile), as chosen under Metadata.",
    ),
    ("iterations", "Iterations", "Lloyd iterations of the k-means."),
    (
        "time",
        "Time",
        "K-means and mapping. Not counted: the colour analysis (once per image, reused for "
        "every K), decoding, encoding and measuring.",
    ),
)


def ssim_text(ssim: float) -> str:
    """ "0.9312", or "n/a" for an image smaller than SSIM's window."""
    return "n/a" if math.isnan(ssim) else f"{ssim:.4f}"


def effort_text(result: Result) -> str:
    """ ", effort fast" / ", effort max" for a PNG file; nothing for GIF and WebP."""
    return f", effort {result.stats.effort}" if result.options.fmt == "png" else ""


def ratio_text(ratio: float, digits: int = 2) -> str:
    """ "3.10× smaller" / "1.80× larger" for an original/new size ratio."""
    if ratio >= 1:
        return f"{ratio:.{digits}f}× smaller"
    return f"{1 / ratio:.{digits}f}× larger"


class StatsPanel(QGroupBox):
    """A two-column form of figures; every value is selectable text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Statistics", parent)
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        layout.setHorizontalSpacing(10)
        layout.setVerticalSpacing(4)
        self._values: dict[str, QLabel] = {}
        self._names: dict[str, QLabel] = {}
        for key, label, tip in ROWS:
            name = QLabel(label + ":", self)
            name.setToolTip(tip)
            value = QLabel("—", self)
            value.setObjectName(f"stat_{key}")
            value.setToolTip(tip)
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
        psnr = "identical" if math.isinf(s.psnr) else f"{s.psnr:.2f} dB"
        vs = ratio_text(s.ratio_to_input)
        texts = {
            "image": shown_name(result.source),
            "dimensions": f"{s.width} × {s.height} px ({s.pixels / 1e6:.2f} MP)",
            "original": human_bytes(s.input_bytes) + source_format,
            "raw": human_bytes(s.raw_bytes),
            "palette_index": (
                f"{human_bytes(s.palette_index_bytes)} ({s.palette_index_ratio:.1f}× smaller "
                "than raw)"
            ),
            "encoded": f"{human_bytes(s.output_bytes)} ({fmt}{effort_text(result)})",
            "vs_original": vs if not s.larger_than_input else f"LARGER: {vs} than the original",
            "colors": f"{s.colors} (K = {s.k})",
            "psnr": psnr,
            "delta_e": f"{s.mean_delta_e:.2f}",
            "ssim": ssim_text(s.ssim),
            "metadata": result.metadata or "—",
            "iterations": str(s.iterations),
            "time": f"{s.seconds:.2f} s",
        }
        for key, text in texts.items():
            self._values[key].setText(text)
        warn = "color: #c0392b; font-weight: bold;" if s.larger_than_input else ""
        self._values["vs_original"].setStyleSheet(warn)
        self._names["vs_original"].setStyleSheet(warn)
        notes = list(result.notices)
        if s.larger_than_input:
            notes.append(
                f"The {fmt} file is larger than the original file: a palette image is lossless, "
                "and a photo's original JPEG is often smaller."
            )
        self._note.setText("\n".join(notes))
