"""Save, Save All and Export Palette: where to write (asked in dialogs), the save jobs, the batch
report."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PySide6.QtWidgets import QMainWindow

from ..compress import Options, Result, copy_dates, output_name, save
from ..files import ImageSaveError, shown_name, write_atomic
from ..formats import SAVE_FORMATS
from ..palette_files import ACT_DROPS_ALPHA, has_alpha, save_palette
from ..report import result_record, write_report
from . import dialogs, settings
from .i18n import size_text, tr, translate
from .opened import OpenedImage
from .scheduler import Scheduler
from .stats import effort_text
from .worker import Outcome, Request

logger = logging.getLogger(__name__)

REPORT_NAME = "kmeans-gui-report"  # Save All writes <folder>/kmeans-gui-report.csv and .json


@dataclass
class _Batch:
    """Progress of a Save All."""

    folder: Path
    total: int
    saved: int = 0
    kept: int = 0  # originals copied instead of larger results
    errors: list[str] = field(default_factory=list)
    records: list[dict[str, object]] = field(default_factory=list)  # the report's rows
    report_stem: str = REPORT_NAME

    def finished(self) -> int:
        return self.saved + self.kept + len(self.errors)


class Saving:
    """File ▸ Save…, Save All… and Export Palette… for the main window.

    Writes what is already encoded at once; anything else becomes a save job on the
    `scheduler`, which sends it to the worker when no preview waits; the window reports it
    back through `finished`. A Save All ends with its report beside the images and
    ``batch_done(folder)``.

    Parameters
    ----------
    window : QMainWindow
        The dialogs' parent; its status bar shows the outcome.
    images : mapping of Path to OpenedImage
        The window's opened images (read: results to reuse, goal-seeking report columns).
    scheduler : Scheduler
        Runs the save jobs.
    batch_done : callable taking the folder
        Called when a Save All has ended.
    """

    def __init__(
        self,
        window: QMainWindow,
        images: Mapping[Path, OpenedImage],
        scheduler: Scheduler,
        batch_done: Callable[[str], None],
    ) -> None:
        self._window = window
        self._images = images
        self._scheduler = scheduler
        self._batch_done = batch_done
        self._batch: _Batch | None = None

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
            translate(
                "Saving",
                "Kept the original: copied {name} to {target} (the compressed one was larger).",
            ).format(name=shown_name(source), target=target),
            10000,
        )

    # ------------------------------------------------------------------------------------
    # Save All
    # ------------------------------------------------------------------------------------
    def save_all(
        self,
        done: list[OpenedImage],
        options: Options,
        keep_dates: bool = False,
        options_for: Callable[[Path, Options], Options] | None = None,
    ) -> None:
        """Write every image of `done` into a folder the user picks, each at its own K from goal
        seeking or else at ``options.k``, with a CSV and JSON report beside them; with
        `keep_dates` each file gets its original's modification time; `options_for(path,
        options)` gives an image its own palette edits."""
        if not done:
            self._say(translate("Saving", "No compressed images to save yet."), 5000)
            return
        folder = settings.SAVE_FOLDER.get()
        start = folder if folder and Path(folder).is_dir() else dialogs.pictures_folder()
        chosen = dialogs.choose_folder(self._window, start)
        if not chosen:
            return
        target_folder = Path(chosen)
        targets: list[tuple[OpenedImage, Path]] = []
        used: set[str] = set()
        for image in done:
            k = image.chosen_k if image.chosen_k is not None else options.k
            if options_for is not None:  # palette edits may have changed K
                k = options_for(image.path, dataclasses.replace(options, k=k)).k
            name = output_name(image.path, k, options.fmt, used.__contains__)
            used.add(name)
            targets.append((image, target_folder / name))
        reports = [target_folder / f"{REPORT_NAME}{suffix}" for suffix in (".csv", ".json")]
        existing = [shown_name(t) for _, t in targets if t.exists()] + [
            shown_name(r) for r in reports if r.exists()
        ]
        overwrite = False
        report_stem = REPORT_NAME
        if existing:
            answer = dialogs.confirm_overwrite_many(self._window, existing)
            if answer is None:
                return
            overwrite = answer
            if not overwrite:
                targets = [(i, t) for i, t in targets if not t.exists()]
                n = 2
                while any(r.with_stem(report_stem).exists() for r in reports):
                    report_stem, n = f"{REPORT_NAME}-{n}", n + 1
        settings.SAVE_FOLDER.set(str(target_folder))
        if not targets:
            self._say(translate("Saving", "Nothing saved: every file already exists."), 5000)
            return
        jobs = []
        options = dataclasses.replace(options, effort=settings.SAVE_EFFORT.get())
        for image, target in targets:
            own = (
                options
                if image.chosen_k is None
                else dataclasses.replace(options, k=image.chosen_k)
            )
            own = own if options_for is None else options_for(image.path, own)
            # The window's results are at effort fast; the worker rewrites them at another.
            fast = dataclasses.replace(own, effort="fast")
            jobs.append((image, target, own, image.reusable(fast)))
        # Never write a file larger than its original unasked: ask about those known to be;
        # the others turn out larger only once compressed, and then keep their original.
        larger = [
            shown_name(t) for _, t, _, r in jobs if r is not None and r.stats.larger_than_input
        ]
        keep_original = True
        if larger:
            keep = dialogs.ask_keep_originals(self._window, larger)
            if not keep:
                return
            keep_original = keep == dialogs.KEEP_ORIGINAL
        self._batch = _Batch(target_folder, len(jobs), report_stem=report_stem)
        self._scheduler.queue_saves(
            Request(-1, image.path, own, keep=False, reuse=reuse, save_to=target,
                    overwrite=overwrite, keep_original_if_larger=keep_original,
                    keep_dates=keep_dates)
            for image, target, own, reuse in jobs
        )  # fmt: skip

    # ------------------------------------------------------------------------------------
    # Save jobs: progress and outcome
    # ------------------------------------------------------------------------------------
    def progress_text(self, running: Request) -> str:
        """What the running save job is doing, for the status bar."""
        assert running.save_to is not None
        if self._batch is None:
            return translate("Saving", "Saving {name}").format(name=shown_name(running.save_to))
        done, total = self._batch.finished() + 1, self._batch.total
        return translate("Saving", "Saving {done} of {total}: {name}").format(
            done=done, total=total, name=shown_name(running.save_to)
        )

    def finished(self, request: Request, outcome: Outcome | None, reason: str = "") -> None:
        """Account for a save job that ended: `outcome` when it ran, else the `reason`."""
        error = reason or (outcome.save_error if outcome else "") or ""
        if self._batch is not None:
            if error:
                name = request.save_to.name if request.save_to else request.path.name
                self._batch.errors.append(error if ":" in error else f"{name}: {error}")
            elif outcome is not None and outcome.kept_original is not None:
                self._batch.kept += 1
            else:
                self._batch.saved += 1
            self._batch.records.append(self._report_record(request, outcome, error))
            self.end_batch_if_done()
            return
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

    def cancel(self, running: object) -> None:
        """After Cancel (the scheduler forgot the waiting save jobs): `running` is the running
        job, whose own cancellation comes back through `finished`. A Save All with nothing left
        ends."""
        self.end_batch_if_done(running)

    def _report_record(
        self, request: Request, outcome: Outcome | None, error: str
    ) -> dict[str, object]:
        """One row of the Save All report: the columns of kmeans-compress --report."""
        output = None
        if outcome is not None and not error:
            output = outcome.saved_to or outcome.kept_original
        record: dict[str, object] = {
            "input": str(request.path),
            "output": None if output is None else str(output),
            "k": request.options.k,
        }
        image = self._images.get(request.path)
        if image is not None:
            record.update(image.goal_record)
        if outcome is not None:
            record.update(result_record(outcome.result))
        record["kept_original"] = outcome is not None and outcome.kept_original is not None
        record["error"] = error or None
        return record

    def end_batch_if_done(self, running: object = None) -> None:
        """End the Save All when none of its jobs waits or runs: its report, its summary."""
        batch = self._batch
        if batch is None:
            return
        running_save = isinstance(running, Request) and running.save_to is not None
        if self._scheduler.saves_waiting() or (running_save and batch.finished() < batch.total):
            return
        self._batch = None
        message = tr("Saved {saved} of %n image(s) into {folder}.", "", batch.total)
        message = message.format(saved=batch.saved, folder=batch.folder)
        if batch.kept:
            message += translate(
                "Saving", " Kept the original of {kept} (their compressed file was larger): copied."
            ).format(kept=batch.kept)
        if batch.records:
            try:
                for suffix in (".csv", ".json"):
                    written = write_report(
                        batch.folder / f"{batch.report_stem}{suffix}", batch.records
                    )
                message += translate("Saving", " Report: {name} and .json.").format(
                    name=written.with_suffix(".csv").name
                )
            except (ImageSaveError, ValueError) as exc:
                batch.errors.append(translate("Saving", "the report: {reason}").format(reason=exc))
        self._say(message, 10000)
        self._batch_done(str(batch.folder))
        if batch.errors:
            dialogs.notify(
                self._window,
                translate("Saving", "Some Images Were Not Saved"),
                message + "\n\n" + "\n".join(batch.errors),
            )

    # ------------------------------------------------------------------------------------
    # Export Palette
    # ------------------------------------------------------------------------------------
    def export_palette(self, result: Result | None) -> None:
        """Write the palette of `result` (on screen) as .gpl, .act, .json or .txt, where the
        user says (its colours only, not the transparent entry)."""
        if result is None:
            self._say(translate("Saving", "No palette yet: wait for the compressed image."), 5000)
            return
        palette, counts = result.palette, result.counts
        if result.transparent_index is not None:
            palette = np.delete(palette, result.transparent_index, axis=0)
            counts = np.delete(counts, result.transparent_index)
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
