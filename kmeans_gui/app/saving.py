"""Save and Export Palette: where to write (asked in dialogs) and the save jobs (Save All is
:mod:`.save_all`'s)."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

from PySide6.QtWidgets import QMainWindow

from ..compress import Result, copy_dates, output_name, save
from ..files import ImageSaveError, shown_name, write_atomic
from ..formats import SAVE_FORMATS
from ..palette_files import ACT_DROPS_ALPHA, has_alpha, save_palette
from . import dialogs, settings
from .i18n import size_text, tr, translate
from .scheduler import Scheduler
from .stats import effort_text
from .worker import Outcome, Request

logger = logging.getLogger(__name__)


class Saving:
    """File ▸ Save… and Export Palette… for the main window.

    Writes what is already encoded at once; anything else becomes a save job on the
    `scheduler`, which sends it to the worker when no preview waits; the window reports it
    back through `finished`. `window` is the dialogs' parent; its status bar shows the outcome.
    """

    def __init__(self, window: QMainWindow, scheduler: Scheduler) -> None:
        self._window = window
        self._scheduler = scheduler

    def _say(self, message: str, milliseconds: int = 0) -> None:
        self._window.statusBar().showMessage(message, milliseconds)

    # ------------------------------------------------------------------------------------
    # Save
    # ------------------------------------------------------------------------------------
    def save(self, result: Result | None, fmt: str, keep_dates: bool = False) -> None:
        """Write `result` (the compressed image on screen) where the user says, as `fmt` unless
        the chosen name says otherwise; a result larger than its original offers the original.
        With `keep_dates` the file gets the original's modification time."""
        if result is None:
            self._say(translate("Saving", "Nothing to save yet: wait for the compressed image."))
            return
        folder = settings.SAVE_FOLDER.get()
        if not folder or not Path(folder).is_dir():
            folder = dialogs.pictures_folder()
        if result.stats.larger_than_input:
            answer = dialogs.ask_keep_original(
                self._window, result.default_name, result.stats.output_bytes,
                result.stats.input_bytes,
            )  # fmt: skip
            if answer == dialogs.KEEP_ORIGINAL:
                self._save_original(result.source, Path(folder), keep_dates)
            if answer != dialogs.SAVE_LARGER:
                return
        suggested = Path(folder) / output_name(result.source, result.options.k, fmt)
        chosen, chosen_fmt = dialogs.save_file(self._window, str(suggested), fmt)
        if not chosen:
            return
        target = Path(chosen)
        extension = target.suffix.lower().lstrip(".")
        if extension in SAVE_FORMATS:
            fmt = extension
        else:
            fmt = chosen_fmt or fmt
            target = target.with_name(f"{target.name}.{fmt}")
        overwrite = False
        if target.exists():
            if not dialogs.confirm_overwrite(self._window, target):
                self._say(
                    translate("Saving", "Not saved: {name} was kept.").format(
                        name=shown_name(target)
                    ),
                    5000,
                )
                return
            overwrite = True
        settings.SAVE_FOLDER.set(str(target.parent))
        effort = settings.SAVE_EFFORT.get()
        if fmt == result.options.fmt and (fmt != "png" or effort == result.stats.effort):
            try:
                save(result, target, overwrite=overwrite, keep_dates=keep_dates)
            except ImageSaveError as exc:
                logger.warning("saving %s: %s", exc.path, exc.reason, exc_info=exc)
                dialogs.error(
                    self._window,
                    translate("Saving", "Could Not Save"),
                    translate("Saving", "Could not save {path}:\n{reason}.").format(
                        path=exc.path, reason=exc.reason
                    ),
                )
                return
            written = f"{size_text(len(result.encoded))}{effort_text(result)}"
            self._say(
                translate("Saving", "Saved {name} ({written}).").format(
                    name=shown_name(target), written=written
                ),
                8000,
            )
            return
        # Another format or effort than the file on screen: the worker encodes it, then saves
        # (another effort only rewrites the file: same pixels).
        options = dataclasses.replace(result.options, fmt=fmt, effort=effort)
        self._scheduler.queue_saves([
            Request(-1, result.source, options, keep=False, reuse=result, save_to=target,
                    overwrite=overwrite, keep_dates=keep_dates)
        ])  # fmt: skip

    def _save_original(self, source: Path, folder: Path, keep_dates: bool) -> None:
        """Copy the original file where the user says (instead of a larger compressed one)."""
        chosen = dialogs.save_original_file(self._window, str(folder / source.name), source.suffix)
        if not chosen:
            return
        target = Path(chosen)
        try:
            if target.exists() and target.samefile(source):
                self._say(
                    translate("Saving", "Kept the original {name} where it is.").format(
                        name=shown_name(source)
                    )
                )
                return
            overwrite = False
            if target.exists():
                if not dialogs.confirm_overwrite(self._window, target):
                    return
                overwrite = True
            write_atomic(target, source.read_bytes(), overwrite=overwrite)
            if keep_dates:
                copy_dates(source, target)
        except (ImageSaveError, OSError) as exc:
            logger.warning("copying %s to %s failed", source, target, exc_info=exc)
            dialogs.error(
                self._window,
                translate("Saving", "Could Not Copy"),
                translate("Saving", "Could not copy the original to {target}:\n{reason}").format(
                    target=target, reason=exc
                ),
            )
            return
        settings.SAVE_FOLDER.set(str(target.parent))
        self._say(
            f"Kept the original: copied {shown_name(source)} to {target} "
            "(the compressed one was larger).",
            10000,
        )

    # ------------------------------------------------------------------------------------
    # Save jobs: progress and outcome
    # ------------------------------------------------------------------------------------
    def progress_text(self, running: Request) -> str:
        """What the running save job is doing, for the status bar."""
        assert running.save_to is not None
        return translate("Saving", "Saving {name}").format(name=shown_name(running.save_to))

    def finished(self, request: Request, outcome: Outcome | None, reason: str = "") -> None:
        """Account for a save job that ended: `outcome` when it ran, else the `reason`."""
        error = reason or (outcome.save_error if outcome else "") or ""
        if error == "cancelled":
            self._say(translate("Saving", "Not saved: cancelled."), 5000)
        elif error:
            dialogs.error(self._window, translate("Saving", "Could Not Save"), error)
        elif outcome is not None and outcome.saved_to is not None:
            written = f"{size_text(outcome.result.stats.output_bytes)}{effort_text(outcome.result)}"
            name = shown_name(outcome.saved_to)
            message = translate("Saving", "Saved {name} ({written}).").format(
                name=name, written=written
            )
            if outcome.result.stats.larger_than_input:
                message = translate(
                    "Saving", "Saved {name}: LARGER than the original file."
                ).format(name=name)
            self._say(message, 10000)

    # ------------------------------------------------------------------------------------
    # Export Palette
    # ------------------------------------------------------------------------------------
    def export_palette(self, result: Result | None) -> None:
        """Write the palette of `result` (on screen) as .gpl, .act, .json or .txt, where the
        user says (its colours only, not the transparent entry)."""
        if result is None:
            self._say(translate("Saving", "No palette yet: wait for the compressed image."), 5000)
            return
        palette, counts = result.colour_entries()
        folder = settings.SAVE_FOLDER.get()
        if not folder or not Path(folder).is_dir():
            folder = dialogs.pictures_folder()
        suggested = Path(folder) / f"{result.source.stem}_k{result.options.k}.gpl"
        chosen = dialogs.save_palette_file(self._window, str(suggested))
        if not chosen:
            return
        target = Path(chosen)
        if target.exists() and not dialogs.confirm_overwrite(self._window, target):
            return
        try:
            save_palette(target, palette, counts=counts)
        except (ImageSaveError, ValueError) as exc:
            logger.warning("exporting the palette to %s failed", target, exc_info=exc)
            dialogs.error(
                self._window,
                translate("Saving", "Could Not Export"),
                translate("Saving", "Could not export the palette:\n{reason}").format(reason=exc),
            )
            return
        settings.SAVE_FOLDER.set(str(target.parent))
        note = ""
        if target.suffix.lower() == ".act" and has_alpha(palette):
            note = translate("Saving", " ({reason}; .gpl and .json keep it)").format(
                reason=ACT_DROPS_ALPHA
            )
        self._say(
            tr("Exported %n colour(s) to {name}{note}.", "", len(palette)).format(
                name=shown_name(target), note=note
            ),
            8000,
        )
