"""Outputs written: atomically, never onto their source nor over a file unasked, with the
source's dates on request."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from ..files import ImageSaveError, save_reason, write_atomic
from .results import Result

logger = logging.getLogger(__name__)


def save(
    result: Result,
    path: str | os.PathLike[str],
    *,
    overwrite: bool = False,
    keep_dates: bool = False,
) -> Path:
    """Write the encoded output atomically; never onto its source, never over a file unasked.

    Without `overwrite`, a file that appears at `path` while the output is being written
    (another program saving there) is kept and the save fails: the output takes the name
    only if it is still free (see ``write_atomic``). With `keep_dates`, the output gets the
    source file's modification and access times (see :func:`copy_dates`).

    Raises
    ------
    ImageSaveError
        naming the file and the reason; the target and the source are left as they were and
        no partial or temporary file remains.
    """
    return save_encoded(
        result.source, result.encoded, path, overwrite=overwrite, keep_dates=keep_dates
    )


def save_encoded(
    source: str | os.PathLike[str],
    encoded: bytes,
    path: str | os.PathLike[str],
    *,
    overwrite: bool = False,
    keep_dates: bool = False,
) -> Path:
    """`save` of encoded bytes (a batch's worker process sends back only those)."""
    source = Path(source)
    target = Path(path)
    try:
        same, exists = _same_file(target, source), target.exists()
    except OSError as exc:  # a name too long for the file system, a loop of links...
        raise ImageSaveError(target, save_reason(exc)) from exc
    if same:
        raise ImageSaveError(target, "this is the original image; choose another name")
    if exists and not overwrite:
        raise ImageSaveError(target, "a file with this name already exists")
    write_atomic(target, encoded, overwrite=overwrite)
    if keep_dates:
        copy_dates(source, target)
    return target


def copy_dates(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> bool:
    """Give `target` the modification and access times of `source` (to the nanosecond where
    the file system keeps them); return whether that was done.

    Creation times are left alone: Linux cannot set them. A failure (the source gone, a
    file system that refuses) is logged, never raised: the file is written already.
    """
    try:
        st = os.stat(source)
        os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))
    except OSError as exc:
        logger.warning("dates of %s not copied to %s: %s", source, target, exc)
        return False
    return True


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False
