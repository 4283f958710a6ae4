"""Keep PySide6 6.12.0's reference-count bug from aborting the app on Python 3.10 and 3.11.

With PySide6 6.12.0 on Python < 3.12, every call of a Qt method that returns nothing
(``setText``, ``setValue``, ``showMessage``...) drops one reference to ``None``. The window
makes about 18 such calls per move of the K slider; from the ~14,000 references ``None`` has
after start-up, some 1,600 moves bring it to zero and Python aborts ("Fatal Python error:
none_dealloc: deallocating None"). PySide6 6.11.2 does not do this, and on Python 3.12+
``None`` is immortal, so neither is affected.

:func:`protect_none` measures the bug rather than trusting version numbers, and where it is
present gives ``None`` 2**40 extra references: at 18 per slider move, more than any session
can use up. pyproject.toml also keeps 6.12.0 out of new installs on Python < 3.12.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject

EXTRA_REFERENCES = 1 << 40

_protected = False


def none_references_lost_per_call(calls: int = 64) -> float:
    """References to None that one void Qt method call loses (0.0 where all is well)."""
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(calls):
        probe.setObjectName("probe")
    return max(0.0, (before - sys.getrefcount(None)) / calls)


def protect_none() -> bool:
    """Give None extra references if this PySide6 loses them; return whether that was done.

    Only on CPython release builds, where the reference count is the object's first field
    (checked against ``sys.getrefcount`` before anything is written). Idempotent.
    """
    global _protected
    if _protected:
        return True
    if sys.implementation.name != "cpython" or hasattr(sys, "gettotalrefcount"):
        return False  # another layout of the object header: leave it alone
    if none_references_lost_per_call() < 0.5:
        return False
    count = ctypes.c_ssize_t.from_address(id(None))
    observed = sys.getrefcount(None)
    if abs(count.value - observed) > 2:  # not the field we think it is
        return False
    count.value += EXTRA_REFERENCES
    _protected = True
    return True
