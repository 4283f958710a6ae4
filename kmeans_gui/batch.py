"""A batch of files: compressed in this process or in worker processes, each output saved and
its report row written as it finishes, skipped when it exists already (resumable runs).

The workers only compress; this process plans the names, saves, writes the report and prints,
so an output and its report row are always written together (Ctrl+C is held between them).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .batch_report import ReportWriter
from .compress import Options, compress_file, save_encoded
from .files import ImageLoadError, ImageSaveError, human_bytes, shown_name
from .goals import Goal, seek
from .imaging import load_image
from .layout import Existing, Planned, Source
from .logs import setup_logging
from .metadata import GIF_NOTICE
from .probe import header_pixels
from .progress import Progress
from .report import result_record
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
        record.update(result_record(result))
        record["error"] = None
        outcome.encoded = result.encoded
        outcome.k = result.options.k
        outcome.larger = result.stats.larger_than_input
        outcome.notices = result.notices
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
    """Runs the jobs of a batch and keeps its outputs, report rows and counts together."""

    def __init__(
        self,
        sources: list[Source],
        plans: list[Planned],
        options: Options,
        goal: Goal | None,
        settings: Settings,
        progress: Progress,
        report: ReportWriter | None,
        log_path: Path | None,
    ) -> None:
        self.sources, self.plans = sources, plans
        self.options, self.goal, self.settings = options, goal, settings
        self.progress, self.report, self.log_path = progress, report, log_path
        self.counts = Counts()
        self.finished: list[dict[str, object]] = []  # records with figures, for the table
        self._inputs = {os.path.abspath(s.path) for s in sources}
        self._said: set[str] = set()

    def run(self) -> Counts:
        """Compress every input not skipped; Ctrl+C leaves finished outputs and their rows."""
        existing = Existing()
        jobs = []
        for i, source in enumerate(self.sources):
            k = None if self.goal is not None else self.options.k
            found = existing.find(self.plans[i], k)
            target = None if k is None else self.plans[i].target(k)
            if target is not None and os.path.abspath(target) in self._inputs:
                self._failed(i, f"{shown_name(target)}: the output would replace an input file")
            elif found is not None and self.settings.skip_existing:
                self._skipped(i, found)
            elif found is not None and not self.settings.force:
                self._failed(i, f"{shown_name(found)}: a file with this name already exists")
            else:
                jobs.append(Job(i, source.path, self.options, self.goal, self.log_path))
        with contextlib.closing(self._outcomes(jobs)) as outcomes:  # Ctrl+C ends the workers
            for outcome in outcomes:
                self._finish(outcome)
        return self.counts

    def _outcomes(self, jobs: list[Job]) -> Generator[Outcome, None, None]:
        started: Callable[[Job], None] = lambda job: self.progress.file_started(  # noqa: E731
            shown_name(job.path)
        )
        n = min(self.settings.jobs, len(jobs))
        if n <= 1:
            for job in jobs:
                started(job)
                yield compress_job(job)
            return
        pool = WorkerPool(n, _worker_job, _crashed)
        try:
            yield from pool.run(jobs, self._cost, self.settings.memory_budget, started)
        except BaseException:
            pool.terminate()
            raise
        pool.close()

    @staticmethod
    def _cost(job: Job) -> int:
        return (header_pixels(job.path) or 0) * BYTES_PER_PIXEL

    def _finish(self, outcome: Outcome) -> None:
        record, plan = outcome.record, self.plans[outcome.index]
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
        try:
            with interrupts_held():  # a written output always has its report row
                if written:
                    make_folder(plan.folder)
                    save_encoded(path, outcome.encoded, target, overwrite=self.settings.force,
                                 keep_dates=self.settings.keep_dates)  # fmt: skip
                self._record(record)
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
        self.progress.file_done(name, f"{shown}, {figures}")

    def _skipped(self, index: int, found: Path) -> None:
        path = self.sources[index].path
        record: dict[str, object] = {"input": str(path), "output": str(found), "status": "skipped"}
        record.update(k=self.options.k if self.goal is None else None, error=None)  # K unknown
        self.counts.skipped += 1
        self._record(record)
        self.progress.file_done(shown_name(path), f"skipped, {shown_name(found)} exists",
                                worked=False)  # fmt: skip

    def _failed(self, index: int, error: str, record: dict[str, object] | None = None) -> None:
        path = self.sources[index].path
        record = dict(record or {"input": str(path), "k": self.options.k})
        record.update(output=None, status="failed", error=error)
        self.counts.failed += 1
        self.progress.say(f"error: {error}")
        self._record(record)
        self.progress.file_done(shown_name(path), "failed")

    def _record(self, record: dict[str, object]) -> None:
        """Write the report row and the --json line of one finished file."""
        if self.report is not None:
            self.report.add(record)
        if self.settings.json:
            self.progress.say(json.dumps(record), sys.stdout)
