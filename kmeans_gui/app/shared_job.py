"""One palette for the selected images: the worker's job (k-means on their summed colour
histograms, then each image compressed with it and with its own palette, both measured on
the encoded files) and the dialog that compares them and applies the shared palette."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..compress import Options, Result, compress
from ..files import ImageSaveError, shown_name
from ..shared import shared_palette_of
from .i18n import number, size_text, tr, translate
from .imagelist import ERROR
from .job_context import JobContext, Report
from .jobs import without_pixels
from .opened import OpenedImage
from .palette_edit import PaletteChoice, PaletteEditor
from .scheduler import Scheduler


@dataclass(frozen=True)
class SharedRow:
    """One image with its own palette and with the shared one (results without pixels)."""

    path: Path
    own: Result
    shared: Result


@dataclass(frozen=True)
class SharedOutcome:
    request: SharedRequest
    palette: np.ndarray  # (n, 3) uint8
    rows: tuple[SharedRow, ...]


@dataclass(frozen=True)
class SharedRequest:
    """Find one palette for `paths` with `base` options (K, colour space, seed, locked
    colours), and compress each image with it and with its own options (`own`)."""

    id: int
    path: Path  # the first image: named in a failure message
    paths: tuple[Path, ...]
    own: tuple[Options, ...]
    base: Options

    def run(self, context: JobContext, report: Report) -> SharedOutcome:
        del report
        analyses = []
        for path in self.paths:
            entry = context.image(path, keep=False)
            analyses.append(context.analysis(entry))
            context.check()
        try:
            palette = shared_palette_of(analyses, self.base)
        except ValueError as exc:
            raise ImageSaveError(self.path, f"no shared palette: {exc}") from exc
        del analyses
        colours = tuple((int(r), int(g), int(b)) for r, g, b in palette.tolist())
        rows = []
        for path, own in zip(self.paths, self.own, strict=True):
            entry = context.image(path, keep=False)
            analysis = context.analysis(entry)
            exact = dataclasses.replace(
                own, k=len(colours), palette=colours, exact_palette=True, start=()
            )
            results = [
                without_pixels(compress(entry.image, options, analysis=analysis, pixels=False,
                                        should_stop=context.should_stop))
                for options in (own, exact)
            ]  # fmt: skip
            rows.append(SharedRow(path, *results))
        return SharedOutcome(self, palette, tuple(rows))


class SharedPaletteDialog(QDialog):
    """Each image's figures with its own palette and with the shared one; Apply gives every
    image the shared palette (`apply(outcome)`, undoable per image)."""

    def __init__(
        self, parent: QWidget, outcome: SharedOutcome, apply: Callable[[SharedOutcome], None]
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("SharedPalette", "Shared Palette"))
        self.outcome = outcome
        n = outcome.palette.shape[0]
        intro = QLabel(
            tr(
                "One palette of {colours} colours for these %n image(s) (k-means on all their "
                "pixels together). Figures measured on each encoded file:",
                "",
                len(outcome.rows),
            ).format(colours=n),
            self,
        )
        intro.setWordWrap(True)
        headers = [translate("SharedPalette", "Image"), translate("SharedPalette", "Own PSNR"),
                   translate("SharedPalette", "Shared PSNR"), translate("SharedPalette", "Own ΔE"),
                   translate("SharedPalette", "Shared ΔE"), translate("SharedPalette", "Own size"),
                   translate("SharedPalette", "Shared size")]  # fmt: skip
        self.table = QTableWidget(len(outcome.rows), len(headers), self)
        self.table.setObjectName("sharedPaletteTable")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, entry in enumerate(outcome.rows):
            own, shared = entry.own.stats, entry.shared.stats
            cells = [shown_name(entry.path), f"{number(own.psnr, 2)} dB",
                     f"{number(shared.psnr, 2)} dB", number(own.mean_delta_e, 2),
                     number(shared.mean_delta_e, 2), size_text(own.output_bytes),
                     size_text(shared.output_bytes)]  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(self)
        self.apply_button = buttons.addButton(
            translate("SharedPalette", "Apply to These Images"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.accepted.connect(lambda: apply(outcome))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(760, 160 + 30 * len(outcome.rows))


class SharedPalettes:
    """Palette ▸ Shared Palette for Selected Images: queues the job, shows the comparison,
    applies the palette (one undoable edit per image) and keeps the results for reuse.

    `selected()` gives the images chosen (at least two), `options_for(path)` each image's
    options, `base()` the controls' options, `images` the window's opened images (their
    ``remember``), `say(text)` the status bar.
    """

    def __init__(
        self, window: QWidget, scheduler: Scheduler, editor: PaletteEditor,
        images: Mapping[Path, OpenedImage], selected: Callable[[], list[Path]],
        options_for: Callable[[Path], Options], base: Callable[[], Options],
        say: Callable[[str], None],
    ) -> None:  # fmt: skip
        self._window, self._scheduler, self._editor = window, scheduler, editor
        self._images, self._selected, self._options_for = images, selected, options_for
        self._base, self._say = base, say
        self.dialog: SharedPaletteDialog | None = None
        scheduler.finished.connect(self._finished)

    def start(self) -> None:
        paths = [p for p in self._selected() if self._images[p].state != ERROR]
        if len(paths) < 2:
            self._say(
                translate(
                    "SharedPalette",
                    "Select two images or more in the list (Ctrl+click) for a shared palette",
                )
            )
            return
        base = dataclasses.replace(self._base(), start=(), exact_palette=False, palette=())
        own = tuple(self._options_for(p) for p in paths)
        self._scheduler.queue_task(SharedRequest(-1, paths[0], tuple(paths), own, base))
        self._say(tr("Finding one palette for %n image(s)…", "", len(paths)))

    def _finished(self, _job: object, outcome: object) -> None:
        if not isinstance(outcome, SharedOutcome):
            return
        for row in outcome.rows:
            image = self._images.get(row.path)
            if image is not None:
                image.remember(row.own)
                image.remember(row.shared)
        self.dialog = SharedPaletteDialog(self._window, outcome, self.apply)
        self.dialog.open()

    def apply(self, outcome: SharedOutcome) -> None:
        """Every image of the outcome gets the shared palette (undoable per image)."""
        for row in outcome.rows:
            if row.path in self._images:
                before = PaletteChoice.of(self._options_for(row.path))
                after = PaletteChoice.of(row.shared.options)
                self._editor.push(
                    row.path, before, after, translate("SharedPalette", "Shared palette")
                )
