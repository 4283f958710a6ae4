"""What the window shows of the image on screen: original and compressed previews, their
captions, the figures and the palette, and which compression is wanted and which is shown."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QGroupBox, QMainWindow

from ..compress import Options, Result
from ..files import shown_name
from .compare import CompareViews
from .controls import format_name
from .i18n import number, size_text, tr, translate
from .job_context import Loaded
from .opened import OpenedImage
from .palette import PaletteView
from .stats import StatsPanel
from .views import ImagePair
from .worker import Outcome, QuickPreview


class Showing:
    """Drives the window's image widgets; `current()` is the image on screen, if any.

    wanted : (path, options) the compressed view should show; shown : those it shows
    result : the compression on screen (without pixels); original : the path whose original
    is on screen
    """

    def __init__(
        self,
        window: QMainWindow,
        pair: ImagePair,
        stats: StatsPanel,
        palette: PaletteView,
        palette_box: QGroupBox,
        views: CompareViews,
        current: Callable[[], OpenedImage | None],
    ) -> None:
        self._window = window
        self._pair = pair
        self._stats = stats
        self._palette = palette
        self._palette_box = palette_box
        self._views = views
        self._current = current
        self.wanted: tuple[Path, Options] | None = None
        self.shown: tuple[Path, Options] | None = None
        self.result: Result | None = None
        self.original: Path | None = None
        # While a quick preview covers the compressed view: the image it covered, to put back
        # if that compression is cancelled (path, image).
        self._covered: tuple[Path, QImage] | None = None

    def on_screen(self) -> tuple[Path, Result] | None:
        """The image on screen and the result shown for it, if any."""
        path = self._current_path()
        if path is None or self.result is None or self.shown is None or self.shown[0] != path:
            return None
        return path, self.result

    def _current_path(self) -> Path | None:
        image = self._current()
        return None if image is None else image.path

    def nothing(self, message: str) -> None:
        """No image: `message` where the original would be."""
        self._pair.original.set_image(None)
        self._pair.compressed.set_image(None)
        self._pair.original.set_message(message)
        self.shown = None
        self.result = None
        self.original = None
        self._stats.clear()
        self._palette.clear()
        self._palette_box.setTitle(translate("Showing", "Palette"))
        self._views.result_shown(None)
        self.update_captions()

    def error(self, image: OpenedImage) -> None:
        """An image that cannot be opened: the reason."""
        self.nothing(
            translate("Showing", "{name} cannot be opened:\n{reason}").format(
                name=shown_name(image.path), reason=image.error
            )
        )
        self._stats.clear(f"{shown_name(image.path)}: {image.error}")

    def loaded(self, loaded: Loaded) -> None:
        """The original of the image on screen, once the worker has decoded it."""
        path = loaded.request.path
        if path == self._current_path() and self.original != path:
            self._pair.original.set_image(loaded.original)
            self.original = path
            self._pair.sync_from(self._pair.compressed)
            self._pair.compressed.set_message(translate("Showing", "Compressing…"))
            self.update_captions()

    def quick_preview(self, preview: QuickPreview) -> bool:
        """Show a quick preview in the compressed view until the result replaces it (True if
        shown: it is the one wanted, for the original on screen)."""
        request = preview.request
        if (request.path, request.options) != self.wanted:
            return False
        if request.path != self._current_path() or self.original != request.path:
            return False
        if self._covered is None or self._covered[0] != request.path:
            self._covered = (request.path, self._pair.compressed.image())
        self._pair.compressed.set_image(preview.image, scale=preview.scale)
        self._pair.sync_from(self._pair.original)
        self._pair.compressed.set_message(
            translate("Showing", "Quick preview of K = {k}; compressing…").format(
                k=request.options.k
            )
        )
        return True

    def outcome(self, outcome: Outcome) -> bool:
        """Show a compression when it is the one wanted for the image on screen (True if so)."""
        request = outcome.request
        wanted = (request.path, request.options) == self.wanted
        image = self._current()
        if outcome.compressed is None or not wanted or image is None or image.path != request.path:
            return False
        if self.original != request.path and outcome.original is not None:
            # A background job made current after it had loaded the image.
            self._pair.original.set_image(outcome.original)
            self.original = request.path
        result = outcome.result
        self._pair.compressed.set_image(outcome.compressed)
        self._pair.sync_from(self._pair.original)
        self._covered = None
        self.shown = (request.path, request.options)
        self.result = result
        self._stats.show_result(result, image.file_format)
        self._palette.set_palette(
            result.palette, result.counts, result.transparent_index, outcome.costs,
            result.options.palette,
        )  # fmt: skip
        colours = len(result.counts) - (result.transparent_index is not None)
        by_cost = self._palette.size_by() == "cost" and outcome.costs
        self._palette_box.setTitle(
            tr("Palette: %n colour(s), areas by cost if removed", "", colours)
            if by_cost
            else tr("Palette: %n colour(s), areas by pixel share", "", colours)
        )
        self._views.result_shown(result)
        self.update_captions()
        s = result.stats
        self._window.statusBar().showMessage(
            translate(
                "Showing",
                "{name}: K = {k}, {size} {format}, PSNR {psnr} dB, k-means and mapping {time} s",
            ).format(
                name=shown_name(request.path),
                k=s.k,
                size=size_text(s.output_bytes),
                format=format_name(result.options.fmt),
                psnr=number(s.psnr, 2),
                time=number(s.seconds, 2),
            ),
            15000,
        )
        return True

    def cancelled(self, path: Path) -> None:
        """The user cancelled the compression of `path`: the quick preview of the cancelled K
        goes, back to what it covered."""
        if path != self._current_path():
            return
        if self._covered is not None and self._covered[0] == path:
            covered = self._covered[1]
            self._pair.compressed.set_image(None if covered.isNull() else covered)
            self._pair.sync_from(self._pair.original)
            self._covered = None
        if self.shown is None:
            self._pair.compressed.set_message(
                translate("Showing", "Cancelled: change K or select the image again")
            )

    def update_captions(self) -> None:
        """The captions above the previews: sizes, format, K, and the K being computed."""
        image = self._current()
        original = translate("Views", "Original")
        if image is not None and image.size is not None and self.original == image.path:
            w, h = image.size
            original += f": {w} × {h}"
            if image.result is not None:
                original += f", {size_text(image.result.stats.input_bytes)}"
            if image.file_format:
                original += f" {image.file_format}"
        self._pair.original_caption.setText(original)
        compressed = translate("Views", "Compressed")
        if self.result is not None:
            o = self.result.options
            compressed += (
                f": K = {o.k}, {format_name(o.fmt)}, {size_text(self.result.stats.output_bytes)}"
            )
        computing = ""
        if self.wanted is not None and self.wanted != self.shown:
            computing = translate("Showing", "(computing K = {k}…)").format(k=self.wanted[1].k)
            compressed += f"   {computing}"
        self._pair.compressed_caption.setText(compressed)
        # What a screen reader says of the two previews: the image, its K, its size.
        name = f" — {shown_name(image.path)}" if image is not None else ""
        self._pair.original.setAccessibleName(original + name)
        self._pair.compressed.setAccessibleName(compressed + name)
