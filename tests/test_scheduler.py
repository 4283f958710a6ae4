"""Tests of the scheduler alone (no window, no widget): a real Worker in a real QThread.

Which job goes first, superseding, why a job stopped (CancelReason), and closing while a job
runs. A job is held back by a gate in front of the real ``load_image`` (every kind of job
loads its image first) until the test opens it, or the job is cancelled.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from kmeans_gui import engine
from kmeans_gui.app import job_context
from kmeans_gui.app.jobs import GoalOutcome, GoalRequest, SweepOutcome, SweepRequest
from kmeans_gui.app.scheduler import CancelReason, Scheduler
from kmeans_gui.app.worker import Outcome, Request
from kmeans_gui.compress import Options
from kmeans_gui.goals import Goal

TIMEOUT = 30_000  # ms


def photo(path: Path, seed: int = 0) -> Path:
    """A small image with many colours."""
    rng = np.random.default_rng(seed)
    Image.fromarray(rng.integers(0, 256, (24, 32, 3), dtype=np.uint8)).save(path)
    return path


class Gate:
    """Holds the jobs on the `held` paths in the worker until :meth:`open` (or a cancel)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *held: Path) -> None:
        self.held = set(held)
        self.opened = threading.Event()
        self.waiting = threading.Event()  # a held job is waiting at the gate
        real = job_context.load_image

        def gated(path, *, should_stop=None, **kwargs):
            if Path(path) in self.held and not self.opened.is_set():
                self.waiting.set()
                deadline = time.monotonic() + 60
                while not self.opened.wait(0.002):
                    if should_stop():
                        raise engine.Cancelled
                    if time.monotonic() > deadline:
                        raise RuntimeError("the gate was never opened")
            return real(path, should_stop=should_stop, **kwargs)

        monkeypatch.setattr(job_context, "load_image", gated)

    def wait_held(self, qtbot) -> None:
        qtbot.waitUntil(self.waiting.is_set, timeout=TIMEOUT)

    def open(self) -> None:
        self.opened.set()


class Record:
    """Every signal of a scheduler, in order, as (name, job, detail)."""

    def __init__(self, scheduler: Scheduler) -> None:
        self.events: list[tuple[str, object, object]] = []
        scheduler.started.connect(lambda job: self.events.append(("started", job, None)))
        scheduler.finished.connect(lambda job, out: self.events.append(("finished", job, out)))
        scheduler.failed.connect(lambda job, why: self.events.append(("failed", job, why)))
        scheduler.cancelled.connect(lambda job, why: self.events.append(("cancelled", job, why)))

    def of(self, name: str) -> list[tuple[object, object]]:
        return [(job, detail) for kind, job, detail in self.events if kind == name]

    def ended(self) -> int:
        return sum(kind in ("finished", "failed", "cancelled") for kind, _, _ in self.events)


@pytest.fixture
def make_scheduler(qtbot):
    made: list[Scheduler] = []

    def make(**callables) -> Scheduler:
        scheduler = Scheduler(**callables)
        made.append(scheduler)
        return scheduler

    yield make
    for scheduler in made:
        scheduler.shutdown()
        assert scheduler.worker_thread.isFinished()


def compress_at_k4(path: Path) -> Request:
    """The background job of every scheduler here."""
    return Request(-1, path, Options(k=4), keep=False)


@pytest.fixture
def scheduler(make_scheduler) -> Scheduler:
    """A scheduler with nothing for the views, compressing background images at K=4."""
    return make_scheduler(background_job=compress_at_k4)


@pytest.fixture
def record(scheduler) -> Record:
    """Every signal of `scheduler`, from its start."""
    return Record(scheduler)


def test_jobs_go_in_order_preview_saves_goals_views_background(
    qtbot, make_scheduler, tmp_path, monkeypatch
):
    first, waiting, goal, save, preview = (
        photo(tmp_path / f"{name}.png", seed) for seed, name in
        enumerate(["first", "waiting", "goal", "save", "preview"])
    )  # fmt: skip
    gate = Gate(monkeypatch, first)
    views = [SweepRequest(-1, preview, Options(k=4), quick=(2, 3))]
    scheduler = make_scheduler(
        views_job=lambda before_preview: None if before_preview or not views else views.pop(),
        background_job=compress_at_k4,
    )
    record = Record(scheduler)
    scheduler.queue_saves([Request(-1, first, Options(k=4), keep=False, save_to=tmp_path / "1")])
    gate.wait_held(qtbot)
    scheduler.queue_background(waiting)
    scheduler.queue_goals([GoalRequest(-1, goal, Options(), Goal(min_psnr=20.0), 2, 8)])
    scheduler.queue_saves([Request(-1, save, Options(k=4), keep=False, save_to=tmp_path / "2")])
    scheduler.want_preview(Request(-1, preview, Options(k=5)))
    assert not scheduler.is_idle() and len(record.of("started")) == 1
    gate.open()
    qtbot.waitUntil(scheduler.is_idle, timeout=TIMEOUT)

    started = [job for job, _ in record.of("started")]
    assert [(type(job).__name__, job.path.stem) for job in started] == [
        ("Request", "first"), ("Request", "preview"), ("Request", "save"),
        ("GoalRequest", "goal"), ("SweepRequest", "preview"), ("Request", "waiting"),
    ]  # fmt: skip
    assert [job.id for job in started] == sorted({job.id for job in started})  # new ids
    outcomes = [out for _, out in record.of("finished")]
    assert [type(out) for out in outcomes] == [
        Outcome, Outcome, Outcome, GoalOutcome, SweepOutcome, Outcome,
    ]  # fmt: skip
    assert (tmp_path / "1").exists() and (tmp_path / "2").exists()
    assert not record.of("cancelled") and not record.of("failed")


def test_a_new_preview_supersedes_the_running_one(qtbot, scheduler, record, tmp_path, monkeypatch):
    old, new = photo(tmp_path / "old.png"), photo(tmp_path / "new.png", 1)
    gate = Gate(monkeypatch, old)
    scheduler.want_preview(Request(-1, old, Options(k=4)))
    gate.wait_held(qtbot)
    running = scheduler.running
    scheduler.want_preview(Request(-1, new, Options(k=6)))
    assert scheduler.cancel_reason is CancelReason.SUPERSEDED
    qtbot.waitUntil(lambda: record.ended() == 2, timeout=TIMEOUT)
    assert record.of("cancelled") == [(running, CancelReason.SUPERSEDED)]
    ((job, outcome),) = record.of("finished")
    assert job.path == new and outcome.result.options.k == 6
    assert scheduler.is_idle() and scheduler.cancel_reason is None


def test_a_superseded_background_job_runs_again_after_the_preview(
    qtbot, scheduler, record, tmp_path, monkeypatch
):
    waiting, shown = photo(tmp_path / "waiting.png"), photo(tmp_path / "shown.png", 1)
    gate = Gate(monkeypatch, waiting)
    scheduler.queue_background(waiting)
    scheduler.start_next()
    gate.wait_held(qtbot)
    scheduler.want_preview(Request(-1, shown, Options(k=4)))
    gate.open()
    qtbot.waitUntil(scheduler.is_idle, timeout=TIMEOUT)
    assert [(job.path.stem, why) for job, why in record.of("cancelled")] == [
        ("waiting", CancelReason.SUPERSEDED)
    ]
    assert [job.path.stem for job, _ in record.of("finished")] == ["shown", "waiting"]


def test_the_same_preview_asked_again_is_not_restarted(
    qtbot, scheduler, record, tmp_path, monkeypatch
):
    path = photo(tmp_path / "p.png")
    gate = Gate(monkeypatch, path)
    scheduler.want_preview(Request(-1, path, Options(k=4)))
    gate.wait_held(qtbot)
    scheduler.want_preview(Request(-1, path, Options(k=4)))
    assert scheduler.cancel_reason is None
    gate.open()
    qtbot.waitUntil(scheduler.is_idle, timeout=TIMEOUT)
    assert len(record.of("started")) == 1 and len(record.of("finished")) == 1


def test_a_users_cancel_overrides_superseding_and_forgets_the_queues(
    qtbot, scheduler, record, tmp_path, monkeypatch
):
    held, other = photo(tmp_path / "held.png"), photo(tmp_path / "other.png", 1)
    gate = Gate(monkeypatch, held)
    scheduler.want_preview(Request(-1, held, Options(k=4)))
    gate.wait_held(qtbot)
    scheduler.queue_background(other)
    scheduler.queue_goals([GoalRequest(-1, other, Options(), Goal(min_psnr=20.0), 2, 8)])
    scheduler.want_preview(Request(-1, other, Options(k=8)))  # supersedes the running one
    assert scheduler.cancel_reason is CancelReason.SUPERSEDED
    scheduler.cancel()
    assert scheduler.cancel_reason is CancelReason.USER
    qtbot.waitUntil(lambda: record.ended() == 1, timeout=TIMEOUT)
    assert [(job.path.stem, why) for job, why in record.of("cancelled")] == [
        ("held", CancelReason.USER)
    ]
    assert scheduler.is_idle() and len(record.of("started")) == 1  # nothing else ran


def test_stopping_goals_cancels_the_running_search_for_the_user(
    qtbot, scheduler, record, tmp_path, monkeypatch
):
    first, second = photo(tmp_path / "first.png"), photo(tmp_path / "second.png", 1)
    gate = Gate(monkeypatch, first, second)
    goal = Goal(min_psnr=60.0)
    scheduler.queue_goals(GoalRequest(-1, p, Options(), goal, 2, 8) for p in (first, second))
    gate.wait_held(qtbot)
    assert scheduler.seeking_goals()
    assert scheduler.stop_goals()  # one ran
    qtbot.waitUntil(lambda: record.ended() == 1, timeout=TIMEOUT)
    assert [(job.path.stem, why) for job, why in record.of("cancelled")] == [
        ("first", CancelReason.USER)
    ]
    assert not scheduler.seeking_goals() and not scheduler.stop_goals()


def test_an_unreadable_file_fails_and_the_next_job_runs(qtbot, scheduler, record, tmp_path):
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"not a PNG at all")
    good = photo(tmp_path / "good.png")
    scheduler.queue_background(good)
    scheduler.want_preview(Request(-1, bad, Options(k=4)))
    qtbot.waitUntil(scheduler.is_idle, timeout=TIMEOUT)
    ((job, reason),) = record.of("failed")
    assert job.path == bad and reason
    assert [job.path for job, _ in record.of("finished")] == [good]


def test_closing_during_a_job_stops_it_and_reports_nothing_more(
    qtbot, scheduler, record, tmp_path, monkeypatch
):
    held, later = photo(tmp_path / "held.png"), photo(tmp_path / "later.png", 1)
    gate = Gate(monkeypatch, held)
    scheduler.want_preview(Request(-1, held, Options(k=4)))
    gate.wait_held(qtbot)
    scheduler.queue_background(later)
    started = time.monotonic()
    scheduler.shutdown()  # the held job notices the cancel: shutdown returns
    assert time.monotonic() - started < 10
    assert scheduler.closing and scheduler.worker_thread.isFinished()
    qtbot.wait(100)  # the worker's last signals, queued for this thread, are dropped
    scheduler.start_next()
    scheduler.want_preview(Request(-1, later, Options(k=4)))
    assert record.ended() == 0 and len(record.of("started")) == 1
    scheduler.shutdown()  # idempotent
