"""Two threads for the passes over every pixel.

NumPy releases the GIL inside its array loops (casts, ufuncs, ``take``, ``bincount``), so an
O(pixels) pass split into halves runs on two cores. The calling thread does one part itself
and a shared pool thread the other; nothing here waits on another task, so concurrent
callers cannot deadlock, they only queue.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import numpy as np

# Two parts at most: the target machines have two cores or more, and the passes split here
# are bound by memory bandwidth beyond that.
WORKERS = max(1, min(2, os.cpu_count() or 1))
# Below this many items a pass is not split: a thread hand-off costs tens of microseconds.
MIN_SPLIT = 1 << 18

_pool = ThreadPoolExecutor(max_workers=max(1, WORKERS - 1), thread_name_prefix="kmeans-engine")


def split_range(n: int, work: Callable[[int, int], None], min_split: int = MIN_SPLIT) -> None:
    """Call ``work(start, stop)`` over contiguous parts of ``range(n)``, in parallel.

    ``work`` must only write to its own part of any shared output. An exception raised by
    any part is raised here, after every part has finished.
    """
    if WORKERS == 1 or n < 2 * min_split:
        work(0, n)
        return
    step = -(-n // WORKERS)
    parts = [(start, min(start + step, n)) for start in range(0, n, step)]
    futures = [_pool.submit(work, start, stop) for start, stop in parts[1:]]
    try:
        work(*parts[0])
    finally:
        for future in futures:
            future.exception()  # waits; the first failure is raised below
    for future in futures:
        future.result()


def take(table: np.ndarray, indices: np.ndarray, out: np.ndarray, mode: str = "clip") -> None:
    """``np.take(table, indices, out=out, mode=mode)`` over 1-D arrays, on two threads.

    ``mode`` is "clip" or "wrap" ("wrap" sends -1 to the last entry): with the default
    "raise", ``np.take`` would buffer ``out``.
    """

    def part(start: int, stop: int) -> None:
        np.take(table, indices[start:stop], out=out[start:stop], mode=mode)

    split_range(out.size, part)
