"""Freed memory goes back to the system at once (glibc on Linux), so that peaks do not add up.

glibc's malloc serves a block from the heap once a block of that size has been freed (its
"dynamic mmap threshold" rises to the freed size, up to 32 MB), and freed heap memory stays
with the process. With the strips and blocks of a 100-megapixel image (Pillow's 16 MB image
blocks, 1-16 MB NumPy blocks on two threads) the process held up to 12 bytes per pixel of
freed memory: 1.2 GB at 100 megapixels (benchmarks/TRIED.md). A fixed threshold keeps every
block from 4 MB up in its own mapping, returned when freed; smaller ones stay on the heap.
Fresh mappings cost page faults: 4-5% more CPU time on a 12.3 MP photo, so the threshold is
fixed only once an image of ``BIG_IMAGE_PIXELS`` or more is compressed.
"""

from __future__ import annotations

import ctypes
import sys

_M_MMAP_THRESHOLD = -3  # mallopt's parameter number, from glibc's <malloc.h>
MMAP_THRESHOLD = 4 << 20
BIG_IMAGE_PIXELS = 25_000_000


def return_freed_memory() -> bool:
    """Fix glibc's mmap threshold at ``MMAP_THRESHOLD``; True when done (glibc only)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        # The process's own symbols, libc's among them (find_library would run ldconfig).
        mallopt = ctypes.CDLL(None).mallopt  # glibc; musl has none
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD))
