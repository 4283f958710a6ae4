"""A batch of files: compressed in this process or in worker processes, each output saved and
its report row written as it finishes, skipped when it exists already (resumable runs).

The workers only compress; this process plans the names, saves, writes the report and prints,
so an output and its report row are always written together (Ctrl+C is held between them).
The command line and the window's Save All both run their files through :class:`Batch`.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TextIO

from .compress import Options, Result, compress_file, copy_dates, save_encoded
from .files import ImageLoadError, ImageSaveError, human_bytes, shown_name, write_atomic
from .goals import Goal, seek
from .imaging import load_image
from .layout import Existing, Planned, Source
from .logs import setup_logging
from .metadata import GIF_NOTICE
from .probe import header_pixels
from .report import result_record, valid_utf8
from .workers import WorkerPool

logger = logging.getLogger("kmeans_gui.cli")

BYTES_PER_PIXEL = 28
"""Memory a file costs while it is compressed, per pixel: the 50-megapixel photo peaked at
1.31 GB in one process, 37 MB of it the interpreter (benchmarks/RESULTS.md)."""


def default_memory_budget() -> int:
    """Half the physical memory (4 GB where it cannot be read)."""
    try:
        return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") // 2
    except (AttributeError, ValueError, OSError):
        return 4_000_000_000


@dataclass(frozen=True)
class Settings:
    """What the command line asked of the batch, beyond the compression options."""

    force: bool = False
    skip_existing: bool = False
    skip_larger: bool = False
    keep_dates: bool = False
    json: bool = False
    jobs: int = 1
    memory_budget: int = 4_000_000_000
    # Compress in worker processes even one job at a time (the window: Cancel ends them at
    # once, and its own threads stay free of the work).
    processes: bool = False
    # An output larger than its original is replaced by a copy of the original, under the
    # original's name in the output folder (the window's Save All).
    keep_original_if_larger: bool = False


@dataclass(frozen=True)
class Known:
    """What the caller knows of an input already (the window does): its own options (its K from
    goal seeking, its palette edits), a result made with exactly those options (saved as it
    is, not compressed again), and columns of its own for the report (its goal search)."""

    options: Options | None = None
    result: Result | None = None
    columns: Mapping[str, object] = field(default_factory=dict)


class BatchProgress(Protocol):
    """What a batch tells of its progress (kmeans_gui.progress.Progress; the window's Save All)."""

    def say(self, text: str, stream: TextIO | None = None) -> None: ...

    def file_started(self, path: Path) -> None: ...

    def file_done(self, path: Path, what: str, worked: bool = True) -> None: ...


class RecordSink(Protocol):
    """Where each finished file's report record goes (a report file; the window's list)."""

    def add(self, record: dict[str, object]) -> None: ...


@dataclass(frozen=True)
class Job:
    """One file for a worker."""

    index: int
    path: Path
    options: Options
    goal: Goal | None
    log_path: Path | None


@dataclass
class Outcome:
    """What a worker made of a job: the record of the report and, on success, the bytes."""

    index: int
    record: dict[str, object]
    encoded: bytes | None = None
    k: int = 0
    larger: bool = False
    notices: tuple[str, ...] = ()
    messages: list[str] = field(default_factory=list)


@dataclass
class Counts:
    """The final summary: outputs written, skipped as existing, larger, failed."""

    done: int = 0
    skipped: int = 0
    larger: int = 0
    failed: int = 0

    def summary(self) -> str:
        return (
            f"{self.done} done, {self.skipped} skipped, {self.larger} larger, {self.failed} failed"
        )


def _succeeded(outcome: Outcome, result: Result) -> Outcome:
    """`outcome` with the file and figures of `result`."""
    outcome.record.update(result_record(result))
    outcome.record["error"] = None
    outcome.encoded = result.encoded
    outcome.k = result.options.k
    outcome.larger = result.stats.larger_than_input
    outcome.notices = result.notices
    return outcome


def compress_job(job: Job) -> Outcome:
    """Compress one file (in a worker or here); every failure becomes the record's error."""
    name = shown_name(job.path)
    record: dict[str, object] = {"input": str(job.path), "output": None, "k": job.options.k}
    outcome = Outcome(job.index, record, k=job.options.k)
    try:
        if job.goal is None:
            result = compress_file(job.path, job.options)
        else:
            found = seek(load_image(job.path), job.options, job.goal)
            record.update(goal=job.goal.describe(), goal_met=found.met,
                          k_tried=sorted(found.tried))  # fmt: skip
            outcome.messages.append(f"{name}: {'' if found.met else 'note: '}{found.message}")
            result = found.result
        _succeeded(outcome, result)
    except (ImageLoadError, ImageSaveError) as exc:  # unreadable, or beyond the format's limits
        record["error"] = str(exc)
        logger.warning("%s: %s", job.path, exc.reason, exc_info=exc)
    except MemoryError as exc:
        record["error"] = f"{name}: not enough memory for this image"
        logger.error("%s: out of memory", job.path, exc_info=exc)
    except Exception as exc:  # a bug: say so on one line, keep going, the log has the rest
        detail = " ".join(f"{type(exc).__name__}: {exc}".split())
        where = f"; details in {job.log_path}" if job.log_path else ""
        record["error"] = f"{name}: unexpected error ({detail}){where}"
        logger.exception("%s: unexpected error", job.path)
    return outcome


def _worker_job(job: Job) -> Outcome:
    setup_logging()
    return compress_job(job)


def _crashed(job: Job, exitcode: int | None) -> Outcome:
    how = f"signal {-exitcode}" if exitcode is not None and exitcode < 0 else f"code {exitcode}"
    record: dict[str, object] = {"input": str(job.path), "output": None, "k": job.options.k}
    record["error"] = (f"{shown_name(job.path)}: the worker process ended ({how}), "
                       "out of memory perhaps")  # fmt: skip
    return Outcome(job.index, record)


@contextlib.contextmanager
def interrupts_held() -> Iterator[None]:
    """Hold Ctrl+C (SIGINT) until the block has run, then raise KeyboardInterrupt."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, _frame: received.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if received:
        raise KeyboardInterrupt


def make_folder(folder: Path) -> None:
    """Create an output folder, raising ImageSaveError in plain words when that fails."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:
        raise ImageSaveError(folder, "is a file, not a folder") from exc
    except PermissionError as exc:
        raise ImageSaveError(folder, "cannot be created (permission denied)") from exc
    except OSError as exc:
        raise ImageSaveError(folder, f"cannot be created ({exc.strerror or exc})") from exc


class Batch:
    """Runs the jobs of a batch and keeps its outputs, report rows and counts together.

    Each finished file's record goes to every one of `reports`; `known` holds what the caller
    knows of some inputs already, by their position (see :class:`Known`).
    """

    def __init__(
        self,
        sources: list[Source],
        plans: list[Planned],
        options: Options,
        goal: Goal | None,
        settings: Settings,
        progress: BatchProgress,
        reports: Sequence[RecordSink],
        log_path: Path | None,
        known: Mapping[int, Known] | None = None,
    ) -> None:
        self.sources, self.plans = sources, plans
        self.options, self.goal, self.settings = options, goal, settings
        self.progress, self.reports, self.log_path = progress, reports, log_path
        self.known = known or {}
        self.counts = Counts()
        self.finished: list[dict[str, object]] = []  # records with figures, for the table
        self._inputs = {os.path.abspath(s.path) for s in sources}
        self._said: set[str] = set()

    def options_of(self, index: int) -> Options:
        """The options of an input: its own if it has them, else the batch's."""
        own = self.known[index].options if index in self.known else None
        return self.options if own is None else own

    def run(self, should_stop: Callable[[], bool] | None = None) -> Counts:
        """Compress every input not skipped; Ctrl+C, or `should_stop` turning true (asked at
        least every 0.2 s), ends the workers and leaves only finished outputs and their rows."""
        existing = Existing()
        jobs, ready = [], []
        for i, source in enumerate(self.sources):
            options = self.options_of(i)
            k = None if self.goal is not None else options.k
            found = existing.find(self.plans[i], k)
            target = None if k is None else self.plans[i].target(k)
            if target is not None and os.path.abspath(target) in self._inputs:
                self._failed(i, f"{shown_name(target)}: the output would replace an input file")
            elif found is not None and self.settings.skip_existing:
                self._skipped(i, found)
            elif found is not None and not self.settings.force:
                self._failed(i, f"{shown_name(found)}: a file with this name already exists")
            else:
                job = Job(i, source.path, options, self.goal, self.log_path)
                result = self.known[i].result if i in self.known else None
                if result is not None and self.goal is None and result.options == options:
                    ready.append(_succeeded(Outcome(i, {"input": str(source.path),
                                                        "output": None}), result))  # fmt: skip
                else:
                    jobs.append(job)
        outcomes = self._outcomes(ready, jobs, should_stop)
        with contextlib.closing(outcomes):  # Ctrl+C, a stop: the workers end
            for outcome in outcomes:
                self._finish(outcome)
                if should_stop is not None and should_stop():
                    break
        return self.counts

    def _outcomes(
        self, ready: list[Outcome], jobs: list[Job], should_stop: Callable[[], bool] | None
    ) -> Generator[Outcome, None, None]:
        started: Callable[[Job], None] = lambda job: self.progress.file_started(  # noqa: E731
            job.path
        )
        for outcome in ready:
            self.progress.file_started(self.sources[outcome.index].path)
            yield outcome
        n = min(self.settings.jobs, len(jobs))
        if n == 0 or (n == 1 and not self.settings.processes):
            for job in jobs:
                started(job)
                yield compress_job(job)
            return
        pool = WorkerPool(n, _worker_job, _crashed)
        try:
            yield from pool.run(jobs, self._cost, self.settings.memory_budget, started, should_stop)
        except BaseException:
            pool.terminate()
            raise
        if should_stop is not None and should_stop():
            pool.terminate()  # the running jobs: abandoned, nothing of them is written
        else:
            pool.close()

    @staticmethod
    def _cost(job: Job) -> int:
        return (header_pixels(job.path) or 0) * BYTES_PER_PIXEL

    def _finish(self, outcome: Outcome) -> None:
        record, plan = outcome.record, self.plans[outcome.index]
        record.setdefault("k", outcome.k)
        path = self.sources[outcome.index].path
        name = shown_name(path)
        for message in outcome.messages:
            self.progress.say(message)
        if outcome.encoded is None:
            self._failed(outcome.index, str(record["error"]), record)
            return
        target = plan.target(outcome.k)
        if plan.clashed:
            self.progress.say(f"{name}: note: written as {shown_name(target)} (another input "
                              "has the same name)")  # fmt: skip
        elif plan.shortened(outcome.k):
            self.progress.say(f"{name}: note: written as {shown_name(target)} (the name was "
                              "too long for a file name)")  # fmt: skip
        record["output"] = str(target)
        if os.path.abspath(target) in self._inputs:
            self._failed(outcome.index, f"{shown_name(target)}: the output would replace an "
                         "input file", record)  # fmt: skip
            return
        written = not (outcome.larger and self.settings.skip_larger)
        if not written:
            record["output"] = None
            self.progress.say(f"{name}: note: not written, the output would be larger "
                              "than the original (--skip-larger)")  # fmt: skip
        record = {**record, "status": "larger" if outcome.larger else "done"}
        original = outcome.larger and self.settings.keep_original_if_larger
        if original:
            target = plan.folder / path.name
            record.update(output=str(target), status="original kept")
        try:
            with interrupts_held():  # a written output always has its report row
                if original:
                    make_folder(plan.folder)
                    self._copy_original(path, target)
                elif written:
                    make_folder(plan.folder)
                    save_encoded(path, outcome.encoded, target, overwrite=self.settings.force,
                                 keep_dates=self.settings.keep_dates)  # fmt: skip
                self._record(outcome.index, record)
        except ImageSaveError as exc:
            self._failed(outcome.index, str(exc), {**record, "output": None})
            return
        for notice in outcome.notices:
            if notice == GIF_NOTICE:
                if notice not in self._said:
                    self.progress.say(f"note: {notice}")
                self._said.add(notice)
            else:
                self.progress.say(f"{name}: note: {notice}")
        figures = f"{human_bytes(int(record['input_bytes']))} -> "  # type: ignore[call-overload]
        figures += f"{human_bytes(int(record['output_bytes']))}"  # type: ignore[call-overload]
        if outcome.larger:
            self.counts.larger += 1
            sizes = f"{record['output_bytes']} > {record['input_bytes']} bytes"
            self.progress.say(f"{name}: note: the output is LARGER than the original ({sizes})")
        else:
            self.counts.done += 1
        self.finished.append(record)
        shown = shown_name(target) if written else "not written"
        if original:
            shown = f"the original kept as {shown}"
        self.progress.file_done(path, f"{shown}, {figures}")

    def _copy_original(self, source: Path, target: Path) -> None:
        """Copy the original file to `target` (the larger output's place), atomically."""
        try:
            if target.exists() and target.samefile(source):
                return  # it is there already
            if target.exists() and not self.settings.force:
                raise ImageSaveError(target, "a file with this name already exists")
            write_atomic(target, source.read_bytes(), overwrite=self.settings.force)
        except OSError as exc:
            raise ImageSaveError(
                target, f"the original could not be copied ({exc.strerror or exc})"
            ) from exc
        if self.settings.keep_dates:
            copy_dates(source, target)

    def _skipped(self, index: int, found: Path) -> None:
        path = self.sources[index].path
        record: dict[str, object] = {"input": str(path), "output": str(found), "status": "skipped"}
        record.update(k=self.options_of(index).k if self.goal is None else None, error=None)
        self.counts.skipped += 1
        self._record(index, record)
        self.progress.file_done(path, f"skipped, {shown_name(found)} exists",
                                worked=False)  # fmt: skip

    def _failed(self, index: int, error: str, record: dict[str, object] | None = None) -> None:
        path = self.sources[index].path
        record = dict(record or {"input": str(path), "k": self.options_of(index).k})
        record.update(output=None, status="failed", error=error)
        self.counts.failed += 1
        self.progress.say(f"error: {error}")
        self._record(index, record)
        self.progress.file_done(path, "failed")

    def _record(self, index: int, record: dict[str, object]) -> None:
        """Write the report rows and the --json line of one finished file."""
        if index in self.known and self.known[index].columns:
            record = {**record, **self.known[index].columns}
        for report in self.reports:
            report.add(record)
        if self.settings.json:  # valid UTF-8 as in the reports: bytes that were not are U+FFFD
            line = {key: valid_utf8(value) for key, value in record.items()}
            self.progress.say(json.dumps(line), sys.stdout)
