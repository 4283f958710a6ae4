"""Save effort: rewrite an encoded PNG with effort "max", keeping it only if it is smaller and
decodes to the very same pixels (png_max.py says how)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .imaging import decode_output, decode_palette_output
from .png_max import EFFORTS, smallest_png

__all__ = ["EFFORTS", "smaller_png"]


def smaller_png(
    encoded: bytes, should_stop: Callable[[], bool] | None = None
) -> tuple[bytes, str | None]:
    """The file of effort max for a palette PNG written at effort fast, and why not.

    Returns ``(max-effort file, None)`` when that file is smaller and decodes to the same
    pixels and transparency; otherwise ``(encoded, reason)``, the fast file kept, and the
    reason in words. Other files (GIF, WebP) come back as they are, with no reason.
    """
    written = decode_palette_output(encoded)
    if written is None or not encoded.startswith(b"\x89PNG"):
        return encoded, None
    candidate = smallest_png(encoded, written[1])
    if should_stop is not None and should_stop():
        return encoded, None
    if len(candidate) >= len(encoded):
        return encoded, "effort max made no smaller file here, so the effort fast file was kept"
    before, after = decode_output(encoded), decode_output(candidate)
    same = np.array_equal(before[0], after[0]) and (
        (before[1] is None and after[1] is None)
        or (before[1] is not None and after[1] is not None and np.array_equal(before[1], after[1]))
    )
    if not same:  # never expected: a file of other pixels is never kept
        return encoded, "effort max changed some pixels, so the effort fast file was kept"
    return candidate, None
