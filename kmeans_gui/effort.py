"""Save effort: rewrite an encoded PNG with effort "max", keeping it only if it is smaller and
decodes to the very same pixels (imaging/png_max.py says how)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future

import numpy as np

from .imaging import decode_palette_output
from .imaging.png_max import (
    EFFORTS,
    DeflatedRows,
    deflate_rows,
    entry_alpha,
    smallest_png,
    with_rows,
)

__all__ = ["EFFORTS", "smaller_png", "start_max_rows"]


def start_max_rows(palette: np.ndarray, indices: np.ndarray) -> Future[DeflatedRows]:
    """The rows of effort max (``png_max.deflate_rows``) made in a thread of their own.

    libdeflate releases the GIL for the seconds its level 12 takes, so the caller encodes and
    measures the fast file meanwhile, then hands the result to :func:`smaller_png`.
    ``palette`` (n_entries, 3 or 4) and ``indices`` (H, W) are the image as the fast file
    will hold it; they must not change until the result is ready.
    """
    future: Future[DeflatedRows] = Future()
    future.set_running_or_notify_cancel()
    rgb = np.ascontiguousarray(palette[:, :3])

    def run() -> None:
        try:
            future.set_result(deflate_rows(rgb, indices))
        except BaseException as exc:  # handed to whoever asks for the result
            future.set_exception(exc)

    # A daemon thread: a command stopped by Ctrl+C exits without waiting for libdeflate.
    threading.Thread(target=run, name="kmeans-effort-max", daemon=True).start()
    return future


def smaller_png(
    encoded: bytes,
    should_stop: Callable[[], bool] | None = None,
    *,
    written: tuple[np.ndarray, np.ndarray] | None = None,
    rows: Future[DeflatedRows] | None = None,
) -> tuple[bytes, str | None]:
    """The file of effort max for a palette PNG written at effort fast, and why not.

    Returns ``(max-effort file, None)`` when that file is smaller and decodes to the same
    pixels and transparency; otherwise ``(encoded, reason)``, the fast file kept, and the
    reason in words. Other files (GIF, WebP) come back as they are, with no reason.
    ``written`` is ``encoded`` decoded to palette and indices, when the caller has it;
    ``rows``, the rows of :func:`start_max_rows` for the same image, when it started them.
    """
    if not encoded.startswith(b"\x89PNG"):
        return encoded, None
    if written is None:
        written = decode_palette_output(encoded)
        if written is None:
            return encoded, None
    if should_stop is not None and should_stop():
        return encoded, None
    candidate = None
    if rows is not None:
        try:
            candidate = with_rows(encoded, rows.result())
        except ValueError:  # a palette that cannot be reordered: made again below
            candidate = None
    if candidate is None:
        candidate = smallest_png(encoded, written[1])
    if should_stop is not None and should_stop():
        return encoded, None
    if len(candidate) >= len(encoded):
        return encoded, "effort max made no smaller file here, so the effort fast file was kept"
    rewritten = decode_palette_output(candidate)
    if rewritten is None or not _same_pixels(encoded, written, candidate, rewritten):
        # never expected: a file of other pixels is never kept
        return encoded, "effort max changed some pixels, so the effort fast file was kept"
    return candidate, None


def _same_pixels(
    a: bytes, a_read: tuple[np.ndarray, np.ndarray], b: bytes, b_read: tuple[np.ndarray, np.ndarray]
) -> bool:
    """Whether two palette PNGs decode to the same colour and opacity at every pixel.

    Their palettes may be ordered differently: every entry of ``a`` must become one entry of
    ``b`` (pixel by pixel) with the same colour and alpha, so no RGBA image is ever made.
    """
    (palette_a, indices_a), (palette_b, indices_b) = a_read, b_read
    if indices_a.shape != indices_b.shape:
        return False
    alpha_a, alpha_b = entry_alpha(a, 256), entry_alpha(b, 256)
    if (
        np.array_equal(palette_a, palette_b)
        and np.array_equal(alpha_a, alpha_b)
        and np.array_equal(indices_a, indices_b)
    ):
        return True  # the same palette and indices (no reordering): 2 ms, not 100, at 12 MP
    entry_in_b = np.zeros(256, np.uint8)
    entry_in_b[indices_a.ravel()] = indices_b.ravel()
    if not np.array_equal(np.take(entry_in_b, indices_a), indices_b):
        return False  # one entry of a became several of b
    used = np.flatnonzero(np.bincount(indices_a.ravel(), minlength=256))
    return bool(
        np.array_equal(palette_a[used], palette_b[entry_in_b[used]])
        and np.array_equal(alpha_a[used], alpha_b[entry_in_b[used]])
    )
