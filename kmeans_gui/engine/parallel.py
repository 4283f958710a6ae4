"""Two threads for the passes over every pixel.

NumPy releases the GIL inside its array loops (casts, ufuncs, ``take``, fancy indexing, the
counting loop of ``bincount`` but not its scan for the largest value), so an O(pixels) pass
split into halves runs on two cores. The calling thread does one part itself
and a short-lived helper thread the other: starting a thread costs about 0.1 ms against tens
of milliseconds for a pass, and nothing outlives the call.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import Literal

import numpy as np

# Two parts at most: the target machines have two cores or more, and the passes split here
# are bound by memory bandwidth beyond that.
WORKERS = max(1, min(2, os.cpu_count() or 1))
# Below this many items a pass is not split.
MIN_SPLIT = 1 << 18
# Indices cast per block by take(): 2 MB of intp, in cache next to their share of the output.
_CAST_BLOCK = 1 << 18


def set_threads(n: int) -> None:
    """Split the passes into at most `n` parts (a batch's worker processes share the cores)."""
    global WORKERS
    WORKERS = max(1, min(2, int(n)))


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
    failures: list[BaseException] = []

    def run(start: int, stop: int) -> None:
        try:
            work(start, stop)
        except BaseException as exc:  # handed to the caller below
            failures.append(exc)

    helpers = [
        threading.Thread(target=run, args=part, name="kmeans-engine", daemon=True)
        for part in parts[1:]
    ]
    for helper in helpers:
        helper.start()
    try:
        work(*parts[0])
    finally:
        for helper in helpers:
            helper.join()
    if failures:
        raise failures[0]


def take(
    table: np.ndarray,
    indices: np.ndarray,
    out: np.ndarray,
    mode: Literal["clip", "wrap"] = "clip",
) -> None:
    """``np.take(table, indices, out=out, mode=mode)`` over 1-D arrays, on two threads.

    ``mode`` is "clip" or "wrap" ("wrap" sends -1 to the last entry): with the default
    "raise", ``np.take`` would buffer ``out``. Indices of another dtype than intp (the int32
    pixel-to-colour inverse, say) are cast in cache-sized blocks into one small buffer per
    thread: ``np.take`` would copy them all to a new intp array first, which took as long as
    the gather itself (12.3 M indices: 29 ms -> 14 ms).
    """
    if indices.dtype == np.intp:

        def part(start: int, stop: int) -> None:
            np.take(table, indices[start:stop], out=out[start:stop], mode=mode)

    else:

        def part(start: int, stop: int) -> None:
            buffer = np.empty(min(_CAST_BLOCK, stop - start), dtype=np.intp)
            for first in range(start, stop, _CAST_BLOCK):
                last = min(first + _CAST_BLOCK, stop)
                block = buffer[: last - first]
                np.copyto(block, indices[first:last], casting="safe")
                np.take(table, block, out=out[first:last], mode=mode)

    split_range(out.size, part)
