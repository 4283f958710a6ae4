"""Worker processes for a batch: N spawned processes, each fed one job at a time through its
own pipe, and a job started only when its memory cost fits the budget left.

Each worker holds the only child end of its pipe, so when the parent dies (even by SIGKILL)
the worker's next read or write fails and it exits: no orphan keeps computing for nobody.
Workers ignore Ctrl+C; the parent decides, and ends them. They are not daemons, so that a
worker may start its own decoding child (``kmeans_gui.isolated``).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, Generic, TypeVar, cast

J = TypeVar("J")
R = TypeVar("R")

_STOP_SECONDS = 5.0
_STOP_POLL_SECONDS = 0.2


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def engine_threads(jobs: int) -> int:
    """Engine threads per worker so that jobs x threads does not exceed the cores."""
    return max(1, cores() // max(1, jobs))


def _worker_main(conn: Connection, threads: int, target: Callable[[Any], Any]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from .engine import parallel

    parallel.set_threads(threads)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        if job is None:
            return
        result = target(job)
        try:
            conn.send(result)
        except OSError:
            return


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection


class WorkerPool(Generic[J, R]):
    """Runs ``target(job)`` for each job in `jobs` worker processes (spawn start method).

    Parameters
    ----------
    jobs : int
        The number of processes.
    target : callable
        A module-level function (it is pickled by name) from a job to its result.
    crashed : callable
        ``crashed(job, exitcode)`` gives the result of a job whose worker died (killed by the
        system for lack of memory, say); a new worker takes its place.
    """

    def __init__(
        self, jobs: int, target: Callable[[J], R], crashed: Callable[[J, int | None], R]
    ) -> None:
        self._context = multiprocessing.get_context("spawn")
        self._target = target
        self._crashed = crashed
        self._threads = engine_threads(jobs)
        self._workers: list[_Worker] = []
        try:
            for _ in range(jobs):
                self._workers.append(self._start())
        except BaseException:
            self.terminate()
            raise

    def _start(self) -> _Worker:
        parent_end, child_end = self._context.Pipe()
        process = self._context.Process(
            target=_worker_main,
            args=(child_end, self._threads, self._target),
            name="kmeans-compress-worker",
        )
        process.start()
        child_end.close()  # the worker holds the only child end: see the module docstring
        return _Worker(process, parent_end)

    def run(
        self,
        jobs: Iterable[J],
        cost: Callable[[J], int],
        budget: int,
        started: Callable[[J], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> Iterator[R]:
        """Yield the result of each job as it finishes (not in order).

        A job starts when a worker is idle and ``cost(job)`` fits in `budget` minus the costs
        of the running jobs; a job dearer than the whole budget runs when nothing else does.
        Jobs start in the order given. Once `should_stop()` is true (asked every
        `_STOP_POLL_SECONDS`) nothing more is yielded; the caller ends the busy workers.
        """
        waiting = deque(jobs)
        idle = list(self._workers)
        busy: dict[Connection, tuple[_Worker, J, int]] = {}
        used = 0
        timeout = None if should_stop is None else _STOP_POLL_SECONDS
        while waiting or busy:
            if should_stop is not None and should_stop():
                return
            while waiting and idle:
                job = waiting[0]
                price = cost(job)
                if busy and used + price > budget:
                    break
                waiting.popleft()
                worker = idle.pop()
                try:
                    worker.conn.send(job)
                except OSError:  # it died while idle: a new one takes the job
                    worker = self._replace(worker)
                    worker.conn.send(job)
                busy[worker.conn] = (worker, job, price)
                used += price
                if started is not None:
                    started(job)
            for ready in wait(list(busy), timeout):
                # Not an isinstance check: Windows' pipe ends are PipeConnection objects.
                conn = cast(Connection, ready)
                worker, job, price = busy.pop(conn)
                used -= price
                try:
                    result = conn.recv()
                except (EOFError, OSError):
                    worker.process.join(_STOP_SECONDS)
                    result = self._crashed(job, worker.process.exitcode)
                    worker = self._replace(worker)
                idle.append(worker)
                yield result

    def _replace(self, dead: _Worker) -> _Worker:
        dead.process.join(_STOP_SECONDS)
        dead.conn.close()
        self._workers.remove(dead)
        worker = self._start()
        self._workers.append(worker)
        return worker

    def close(self) -> None:
        """Stop the workers: idle ones are asked to leave, any still busy is terminated."""
        for worker in self._workers:
            with contextlib.suppress(OSError):
                worker.conn.send(None)
        for worker in self._workers:
            worker.process.join(_STOP_SECONDS)
            if worker.process.is_alive():
                worker.process.terminate()
                worker.process.join(_STOP_SECONDS)
            worker.conn.close()
        self._workers = []

    def terminate(self) -> None:
        """End every worker now (Ctrl+C): their files are not finished."""
        for worker in self._workers:
            worker.process.terminate()
        for worker in self._workers:
            worker.process.join(_STOP_SECONDS)
            worker.conn.close()
        self._workers = []
