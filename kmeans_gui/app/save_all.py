"""File ▸ Save All…: every done image of the list into a folder, by the command line's batch
machinery (:mod:`kmeans_gui.batch`): the same output names, worker processes on every core,
each output and its report row written as it finishes. Its progress shows in the status bar
and on each image's row of the list; Cancel stops it, leaving only finished files."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar, QPushButton

from ..batch import Batch, Counts, Known, Settings, default_memory_budget
from ..batch_report import ReportWriter
from ..compress import Options
from ..files import ImageSaveError, shown_name
from ..layout import DEFAULT_SUFFIX, Layout, Source
from ..logs import log_file
from ..workers import cores
from . import dialogs, settings
from .i18n import QT_TRANSLATE_NOOP, tr, translate
from .imagelist import ImageList
from .opened import OpenedImage
from .signals import emit

logger = logging.getLogger(__name__)

REPORT_NAME = "kmeans-gui-report"  # Save All writes <folder>/kmeans-gui-report.csv and .json

# What a row of the list says of its image while and after a Save All, by the report's status.
_FINISHED = {
    "done": QT_TRANSLATE_NOOP("SaveAll", "saved"),
    "larger": QT_TRANSLATE_NOOP("SaveAll", "saved, LARGER than the original"),
    "original kept": QT_TRANSLATE_NOOP("SaveAll", "original kept (smaller)"),
    "skipped": QT_TRANSLATE_NOOP("SaveAll", "kept the existing file"),
    "failed": QT_TRANSLATE_NOOP("SaveAll", "not saved"),
}


def _waiting() -> str:
    return translate("SaveAll", "waiting to save")


def _saving() -> str:
    return translate("SaveAll", "saving…")


class _Run(QObject):
    """Runs a :class:`Batch` in its own thread; it is the batch's progress and record sink,
    and passes both on as signals (received on the GUI thread)."""

    started = Signal(object)  # the input's Path
    file_finished = Signal(object)  # its report record
    said = Signal(str)  # a note or an error line
    ended = Signal(object)  # Counts, or None after an unexpected error

    def __init__(self, stop: threading.Event, reports: list[ReportWriter]) -> None:
        super().__init__()
        self.batch: Batch | None = None  # given before the thread starts
        self._stop = stop
        self._reports = reports

    @Slot()
    def run(self) -> None:
        assert self.batch is not None
        counts: Counts | None = None
        try:
            counts = self.batch.run(self._stop.is_set)
        except Exception:  # a bug: the log has it; the window says the Save All ended
            logger.exception("Save All failed")
        finally:
            for report in self._reports:
                try:
                    report.close()
                except ImageSaveError as exc:
                    emit(self.said, f"error: the report: {exc}")
        emit(self.ended, counts)

    # -- the batch's progress (see kmeans_gui.progress.Progress) and record sink ---------------
    def say(self, text: str, stream: TextIO | None = None) -> None:
        emit(self.said, text)

    def file_started(self, path: Path) -> None:
        emit(self.started, path)

    def file_done(self, path: Path, what: str, worked: bool = True) -> None:
        pass  # the record (add) says more

    def add(self, record: dict[str, object]) -> None:
        emit(self.file_finished, dict(record))


class SaveAll(QObject):
    """Save All for the main window; ``running_changed()`` when one starts and when it ends,
    then ``finished(folder)``.

    Parameters
    ----------
    window : QMainWindow
        The dialogs' parent; the status bar shows the progress (a label, a bar and Cancel).
    images : mapping of Path to OpenedImage
        The window's opened images (their own K, results to save as they are, goal columns).
    image_list : ImageList
        Each image's row shows how its save goes.
    """

    finished = Signal(str)
    running_changed = Signal()  # a Save All started or ended

    def __init__(
        self, window: QMainWindow, images: Mapping[Path, OpenedImage], image_list: ImageList
    ) -> None:
        super().__init__(window)
        self._window = window
        self._images = images
        self._list = image_list
        status_bar = window.statusBar()
        self.label = QLabel("", status_bar)
        self.progress = QProgressBar(status_bar)
        self.progress.setFixedWidth(160)
        self.progress.setFormat("%v / %m")
        self.cancel_button = QPushButton(translate("SaveAll", "Stop Saving"), status_bar)
        self.cancel_button.setToolTip(
            translate("SaveAll", "Stop Save All: finished files stay, nothing partial does")
        )
        self.cancel_button.clicked.connect(self.cancel)
        named = {
            "saveAllLabel": (self.label, translate("SaveAll", "What Save All is doing")),
            "saveAllProgress": (self.progress, translate("SaveAll", "Save All: files finished")),
            "saveAllCancelButton": (self.cancel_button, translate("SaveAll", "Stop Save All")),
        }
        for name, (widget, accessible) in named.items():
            widget.setObjectName(name)
            widget.setAccessibleName(accessible)
            status_bar.addPermanentWidget(widget)
            widget.setVisible(False)
        self._thread: QThread | None = None
        self._stop = threading.Event()
        self._folder = Path()
        self._inputs: dict[str, Path] = {}
        self._finished = 0
        self._running: list[Path] = []  # the files being compressed now
        self._statuses: dict[str, int] = {}
        self._errors: list[str] = []
        self._report_names = ""

    def running(self) -> bool:
        """Whether a Save All runs."""
        return self._thread is not None

    def start(
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
        if self.running():
            self._say(
                translate("SaveAll", "Save All is still running: wait for it, or stop it."), 5000
            )
            return
        if not done:
            self._say(translate("Saving", "No compressed images to save yet."), 5000)
            return
        folder = settings.SAVE_FOLDER.get()
        start = folder if folder and Path(folder).is_dir() else dialogs.pictures_folder()
        chosen = dialogs.choose_folder(self._window, start)
        if not chosen:
            return
        target_folder = Path(chosen)
        options = replace(options, effort=settings.SAVE_EFFORT.get())
        sources = [Source(image.path) for image in done]
        plans = Layout(target_folder, False, DEFAULT_SUFFIX, options.fmt).plan(sources)
        owns = []
        for image in done:
            own = options if image.chosen_k is None else replace(options, k=image.chosen_k)
            owns.append(own if options_for is None else options_for(image.path, own))
        targets = [plan.target(own.k) for plan, own in zip(plans, owns, strict=True)]
        reports = [target_folder / f"{REPORT_NAME}{suffix}" for suffix in (".csv", ".json")]
        existing = [shown_name(t) for t in targets + reports if t.exists()]
        overwrite, report_stem = False, REPORT_NAME
        if existing:
            answer = dialogs.confirm_overwrite_many(self._window, existing)
            if answer is None:
                return
            overwrite = answer
            if not overwrite:
                if all(t.exists() for t in targets):
                    settings.SAVE_FOLDER.set(str(target_folder))
                    self._say(
                        translate("Saving", "Nothing saved: every file already exists."), 5000
                    )
                    return
                n = 2
                while any(r.with_stem(report_stem).exists() for r in reports):
                    report_stem, n = f"{REPORT_NAME}-{n}", n + 1
        settings.SAVE_FOLDER.set(str(target_folder))
        known, larger = {}, []
        for i, (image, own) in enumerate(zip(done, owns, strict=True)):
            known[i] = Known(options=own, result=image.reusable(own), columns=image.goal_record)
            # The window's results are at effort fast; max only makes the file smaller.
            fast = image.reusable(replace(own, effort="fast"))
            if fast is not None and fast.stats.larger_than_input:
                larger.append(shown_name(targets[i]))
        # Never write a file larger than its original unasked: ask about those known to be;
        # the others turn out larger only once compressed, and then keep their original.
        keep_original = True
        if larger:
            keep = dialogs.ask_keep_originals(self._window, larger)
            if not keep:
                return
            keep_original = keep == dialogs.KEEP_ORIGINAL
        try:
            writers = [
                ReportWriter(r.with_stem(report_stem), any(i.goal_record for i in done))
                for r in reports
            ]
        except (ImageSaveError, ValueError) as exc:
            dialogs.error(
                self._window,
                translate("Saving", "Could Not Save"),
                translate("SaveAll", "Could not write the report:\n{reason}").format(reason=exc),
            )
            return
        batch_settings = Settings(
            force=overwrite, skip_existing=not overwrite, keep_dates=keep_dates,
            jobs=cores(), memory_budget=default_memory_budget(), processes=True,
            keep_original_if_larger=keep_original,
        )  # fmt: skip
        run = _Run(self._stop, writers)
        run.batch = Batch(
            sources, plans, options, None, batch_settings, run, [*writers, run], log_file(),
            known=known,
        )  # fmt: skip
        self._begin(target_folder, done, report_stem)
        self._start_thread(run)

    def _begin(self, folder: Path, done: list[OpenedImage], report_stem: str) -> None:
        self._folder = folder
        self._inputs = {str(image.path): image.path for image in done}
        self._finished = 0
        self._running = []
        self._statuses = {}
        self._errors = []
        self._report_names = f"{report_stem}.csv"
        self._stop.clear()
        for path in self._list.paths():
            self._list.set_save_state(path, _waiting() if str(path) in self._inputs else "")
        self.progress.setRange(0, len(done))
        self.progress.setValue(0)
        self.label.setText(
            tr("Saving %n image(s) into {folder}…", "", len(done)).format(folder=shown_name(folder))
        )
        for widget in (self.label, self.progress, self.cancel_button):
            widget.setVisible(True)
        self.cancel_button.setEnabled(True)

    def _start_thread(self, run: _Run) -> None:
        thread = self._thread = QThread(self)
        thread.setObjectName("kmeans-save-all")
        run.moveToThread(thread)
        thread.started.connect(run.run)
        run.started.connect(self._on_file_started)
        run.file_finished.connect(self._on_file_finished)
        run.said.connect(self._on_said)
        run.ended.connect(self._on_ended)
        thread.finished.connect(run.deleteLater)
        thread.start()
        emit(self.running_changed)

    @Slot()
    def cancel(self) -> None:
        """Stop the Save All: running files are abandoned (nothing partial is left), finished
        files and their report rows stay."""
        if self.running() and not self._stop.is_set():
            self._stop.set()
            self.cancel_button.setEnabled(False)
            self.label.setText(translate("SaveAll", "Stopping Save All…"))

    def shutdown(self) -> None:
        """Stop a running Save All and wait for its thread (on close)."""
        if self._thread is not None:
            self._stop.set()
            self._thread.quit()
            self._thread.wait()

    # -- progress, on the GUI thread ----------------------------------------------------------
    def _show_counts(self) -> None:
        """The label: files finished, and the ones being compressed now (in parallel)."""
        text = translate("SaveAll", "Save All: {done} of {total} done").format(
            done=self._finished, total=self.progress.maximum()
        )
        if self._running:
            text += translate("SaveAll", "; saving {names}").format(
                names=", ".join(shown_name(p) for p in self._running)
            )
        self.label.setText(text)

    @Slot(object)
    def _on_file_started(self, path: Path) -> None:
        self._list.set_save_state(path, _saving())
        self._running.append(path)
        self._show_counts()

    @Slot(object)
    def _on_file_finished(self, record: dict[str, object]) -> None:
        self._finished += 1
        self.progress.setValue(self._finished)
        status = str(record.get("status"))
        self._statuses[status] = self._statuses.get(status, 0) + 1
        path = self._inputs.get(str(record.get("input")))
        if path in self._running:
            self._running.remove(path)
        self._show_counts()
        if path is None:
            return
        text = translate("SaveAll", _FINISHED[status]) if status in _FINISHED else status
        if record.get("output") and status != "failed":
            text += f": {shown_name(str(record['output']))}"
        if record.get("error"):
            text += f": {record['error']}"
        self._list.set_save_state(path, text)

    @Slot(str)
    def _on_said(self, text: str) -> None:
        if text.startswith("error: "):
            self._errors.append(text.removeprefix("error: "))

    @Slot(object)
    def _on_ended(self, counts: Counts | None) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread = None
        cancelled = self._stop.is_set()
        for path in self._inputs.values():
            if self._list.save_state(path) in (_waiting(), _saving()):
                cancelled_text = translate("SaveAll", "not saved: cancelled")
                self._list.set_save_state(path, cancelled_text if cancelled else "")
        for widget in (self.label, self.progress, self.cancel_button):
            widget.setVisible(False)
        emit(self.running_changed)
        total = len(self._inputs)
        saved = self._statuses.get("done", 0) + self._statuses.get("larger", 0)
        if cancelled:
            message = tr("Save All stopped: saved {saved} of %n image(s) into {folder}.", "", total)
        else:
            message = tr("Saved {saved} of %n image(s) into {folder}.", "", total)
        message = message.format(saved=saved, folder=self._folder)
        if counts is None:
            self._errors.append(
                translate("SaveAll", "Save All stopped by an unexpected error (details in the log)")
            )
        kept = self._statuses.get("original kept", 0)
        if kept:
            message += translate(
                "Saving", " Kept the original of {kept} (their compressed file was larger): copied."
            ).format(kept=kept)
        skipped = self._statuses.get("skipped", 0)
        if skipped:
            message += tr(" Kept %n existing file(s).", "", skipped)
        message += translate("Saving", " Report: {name} and .json.").format(name=self._report_names)
        self._say(message, 10000)
        emit(self.finished, str(self._folder))
        if self._errors:
            dialogs.notify(
                self._window,
                translate("Saving", "Some Images Were Not Saved"),
                message + "\n\n" + "\n".join(self._errors),
            )

    def _say(self, message: str, milliseconds: int = 0) -> None:
        self._window.statusBar().showMessage(message, milliseconds)
