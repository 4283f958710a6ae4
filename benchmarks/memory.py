"""Peak resident memory of this process on Linux: reset the high-water mark, read it back.

``ru_maxrss`` is not used for the measurement: on Linux a process inherits, at ``exec``, the
peak of the process that spawned it, so a worker started from a large harness would report
the harness's peak. The ``VmHWM`` line of ``/proc/self/status`` is the peak of this process's
own memory map, and writing ``5`` to ``/proc/self/clear_refs`` (Linux >= 4.0) resets it, so
several configurations can be measured one after the other in one worker.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import resource
import sys

_STATUS = "/proc/self/status"


def _status_bytes(key: str) -> int | None:
    """A ``kB`` line of /proc/self/status in bytes; None where there is no /proc."""
    try:
        with open(_STATUS, encoding="ascii") as status:
            for line in status:
                if line.startswith(key):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def current_rss() -> int | None:
    """Resident set size now, in bytes (None without /proc)."""
    return _status_bytes("VmRSS:")


def peak_rss() -> int:
    """Peak resident set size of this process, in bytes (``VmHWM``, else ``ru_maxrss``)."""
    peak = _status_bytes("VmHWM:")
    if peak is not None:
        return peak
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(maxrss if sys.platform == "darwin" else maxrss * 1024)


def reset_peak() -> bool:
    """Reset the peak to the current resident size; False where the kernel does not allow it."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as clear_refs:
            clear_refs.write("5")
    except OSError:
        return False
    return True


def release_free_memory() -> None:
    """Collect garbage and hand freed heap pages back to the OS (glibc ``malloc_trim``).

    Without this, memory freed by an earlier configuration stays resident, counts in the next
    baseline, and is reused unseen, so the next peak would be underestimated.
    """
    gc.collect()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def _malloc_trim():  # noqa: ANN202 - a ctypes function or None
    name = ctypes.util.find_library("c")
    if not name:
        return None
    try:
        return ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):
        return None


class PeakMeter:
    """Peak resident memory above a baseline taken at :meth:`start`.

    Attributes
    ----------
    resettable : bool
        Whether the peak could be reset at start. When False, the figure is valid only for the
        first measurement in a fresh process (the harness then starts one process per
        measurement).
    """

    def __init__(self) -> None:
        self.baseline = 0
        self.resettable = False

    def start(self) -> None:
        """Take the baseline (after releasing free memory) and reset the peak to it."""
        release_free_memory()
        rss = current_rss()
        self.baseline = rss if rss is not None else peak_rss()
        self.resettable = reset_peak()

    def above_baseline(self) -> int:
        """Peak since :meth:`start` minus the baseline, in bytes (>= 0)."""
        return max(0, peak_rss() - self.baseline)
