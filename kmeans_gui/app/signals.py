"""`emit(signal, *args)`: emit a Qt signal from Python, working around a PySide6 refcount bug.

PySide6 6.12.0's ``SignalInstance.emit`` returns ``True`` without taking a reference to it,
so each call from Python lowers ``True``'s reference count by one. On CPython before 3.12,
where ``True`` is not immortal, a long session (a progress signal per k-means iteration)
eventually frees ``True`` and aborts the interpreter ("bool_dealloc: deallocating True or
False"). At first use we measure whether this PySide6 has the bug; if so every emit gives the
reference back. Every signal the app emits from Python goes through here.

Kept although pyproject.toml keeps 6.12.0 out on Python < 3.12: ~60 calls use it, and it only
measures (one probe) until a PySide6 with the bug appears, e.g. installed outside pip.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_PROBE_EMITS = 64
_steals_reference: bool | None = None


class _Probe(QObject):
    ping = Signal()


def emit_steals_reference() -> bool:
    """Whether ``SignalInstance.emit`` drops a reference to its result (measured once)."""
    global _steals_reference
    if _steals_reference is None:
        probe = _Probe()
        before = sys.getrefcount(True)
        for _ in range(_PROBE_EMITS):
            probe.ping.emit()
        lost = before - sys.getrefcount(True)
        _steals_reference = lost >= _PROBE_EMITS - 2  # other threads may move it a little
        if _steals_reference:
            for _ in range(lost):  # give back what the probe took
                ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
    return _steals_reference


def emit(signal: SignalInstance, *args: Any) -> None:
    """Emit `signal` with `args` (use instead of ``signal.emit(*args)``)."""
    result: object = signal.emit(*args)  # type: ignore[func-returns-value]  # True/False on 6.12
    if emit_steals_reference() and (result is True or result is False):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))
