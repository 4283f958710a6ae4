"""Files for both front ends: the errors that name a file, names fit to show, atomic writes,
folder scans and byte counts. Neither Qt nor Pillow is imported here."""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import secrets
import stat
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from .formats import is_image_path

__all__ = [
    "FileProblem",
    "ImageLoadError",
    "ImageSaveError",
    "find_images",
    "fitting_stem",
    "human_bytes",
    "shown_name",
    "write_atomic",
]


def shown_name(path: str | os.PathLike[str]) -> str:
    """The file name of `path` fit for one line of text, a table cell or a CSV/JSON report.

    Bytes that are not valid UTF-8 (Linux allows them) become U+FFFD, and control characters
    (a newline in a name...) are escaped as ``\\n``, ``\\x1b``...
    """
    name = Path(os.fspath(path)).name or str(path)
    return shown_text(name)


def shown_text(text: str) -> str:
    """`text` with undecodable bytes replaced and control characters escaped (see shown_name)."""
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode() for ch in text)


NAME_MAX_BYTES = 255
"""The longest file name the common file systems take (ext4, APFS, NTFS: 255 bytes or units)."""


def fitting_stem(stem: str, tail: str) -> str:
    """`stem`, cut on a character boundary so that ``stem + tail`` is at most NAME_MAX_BYTES
    bytes in the file-system encoding (an output name made from a long input name)."""
    room = NAME_MAX_BYTES - len(os.fsencode(tail))
    while stem and len(os.fsencode(stem)) > room:
        stem = stem[:-1]
    return stem


class FileProblem(Exception):
    """A file the app cannot read or write, with the reason in plain words for the user.

    ``str()`` is ``f"{shown_name(path)}: {reason}"``: one line, whatever the name holds.
    """

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(self.path, reason)  # args stay (path, reason): picklable

    def __str__(self) -> str:
        return f"{shown_name(self.path)}: {self.reason}"


class ImageLoadError(FileProblem):
    """A file that cannot be opened as an image."""


class ImageSaveError(FileProblem):
    """A file that cannot be written."""


def find_images(inputs: Sequence[str | os.PathLike[str]]) -> Iterator[Path]:
    """Files as given; folders expanded to the images inside them (recursively, sorted)."""
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and is_image_path(p))
        else:
            yield path


def human_bytes(n: int) -> str:
    """Bytes in B/KB/MB/GB (powers of 1000), e.g. 1234567 -> '1.23 MB'."""
    value = float(n)
    for unit in ("B", "KB", "MB"):
        if value < 1000:
            return f"{n} B" if unit == "B" else f"{value:.3g} {unit}"
        value /= 1000
    return f"{value:.3g} GB"


# ---------------------------------------------------------------------------------------------
# Atomic writes
# ---------------------------------------------------------------------------------------------

TEMP_PREFIX, TEMP_SUFFIX = ".kmeans-", ".tmp"
"""Our temporary files are named ``.kmeans-<12 hex digits>.tmp``: short, so that any output
name that fits the file system can be written, and recognisable, so that stale ones (left by a
killed process) can be removed."""

STALE_SECONDS = 600
"""Temporary files of ours older than this are left over from a killed process."""

_SAVE_REASONS = {
    errno.EACCES: "the folder is not writable",
    errno.EPERM: "the folder is not writable",
    errno.EROFS: "the disk is read-only",
    errno.ENOSPC: "the disk is full",
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "the folder does not exist",
    errno.EISDIR: "a folder with that name is in the way",
    errno.ENAMETOOLONG: "the file name is too long",
    errno.EEXIST: "a file with this name already exists",
}
if hasattr(errno, "EDQUOT"):
    _SAVE_REASONS[errno.EDQUOT] = "the disk quota is exceeded"


def save_reason(exc: OSError) -> str:
    """Return a plain-words reason for a failed write."""
    reason = _SAVE_REASONS.get(exc.errno) if exc.errno is not None else None
    return reason or (exc.strerror or str(exc) or type(exc).__name__).rstrip(".").lower()


def _current_umask() -> int:
    """Return the process umask, without changing it when /proc tells us (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: str | os.PathLike[str], data: bytes, *, overwrite: bool = True) -> None:
    """Write `data` to `path` so that the file is either fully written or left untouched.

    On Linux the data go to an unnamed file in the target's folder (``O_TMPFILE``), which is
    flushed to disk and then linked in: a killed process leaves nothing visible. Elsewhere (or
    on file systems without it) they go to a short temporary file ``.kmeans-*.tmp`` that then
    takes the name; stale ones of ours are removed the first time a folder is written to. A new
    file gets the usual permissions (0o666 minus the umask); an existing file keeps its own.

    Parameters
    ----------
    path : str or os.PathLike
        The target file.
    data : bytes
        The content.
    overwrite : bool, default True
        Whether an existing file at `path` may be replaced. When False, a file that exists
        at the moment the name is taken (even one created by someone else while `data` was
        being written) is kept and ImageSaveError is raised: the name is taken with a hard
        link, or where the file system has none, an ``O_EXCL`` placeholder, both of which
        fail rather than replace.

    Raises
    ------
    ImageSaveError
        If the file cannot be written; the message names the file and the reason. The
        target's previous content (or absence) is kept and no temporary file is left.
    """
    path = Path(os.fspath(path))
    folder = path.parent
    _remove_stale_temporaries(folder.resolve())
    try:
        previous_mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        previous_mode = None
    mode = previous_mode if previous_mode is not None else 0o666 & ~_current_umask()
    try:
        if _write_unnamed(folder, path, data, mode, overwrite):
            return
        _write_named(folder, path, data, mode, overwrite)
    except OSError as exc:
        raise ImageSaveError(path, save_reason(exc)) from exc
    finally:
        _fsync_folder(folder)


def _write_all(fd: int, data: bytes, mode: int) -> None:
    """Write `data` to the open file `fd`, set its permissions and flush it to disk."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)
    os.fsync(fd)


def _write_unnamed(folder: Path, path: Path, data: bytes, mode: int, overwrite: bool) -> bool:
    """Write through an ``O_TMPFILE`` file; False (nothing done) where there is none."""
    if not hasattr(os, "O_TMPFILE"):
        return False
    try:
        fd = os.open(folder, os.O_TMPFILE | os.O_WRONLY | getattr(os, "O_CLOEXEC", 0), 0o600)
    except OSError as exc:
        if exc.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL):
            return False  # the file system has no unnamed files
        raise
    try:
        _write_all(fd, data, mode)
        # linkat() follows the /proc link to the open file only when given a folder fd.
        folder_fd = os.open(folder, os.O_RDONLY)
        try:
            return _link_in(f"/proc/self/fd/{fd}", folder_fd, path.name, overwrite)
        finally:
            os.close(folder_fd)
    finally:
        os.close(fd)


def _link_in(unnamed: str, folder_fd: int, name: str, overwrite: bool) -> bool:
    """Give the unnamed file `name` in the folder; False when the file system cannot link."""
    if not overwrite:
        try:
            os.link(unnamed, name, dst_dir_fd=folder_fd)  # atomic, fails when the name exists
        except FileExistsError:
            raise
        except OSError:
            return False  # no hard links here: the named way
        return True
    while True:  # a fresh temporary name, then renamed over the target
        tmp = f"{TEMP_PREFIX}{secrets.token_hex(6)}{TEMP_SUFFIX}"
        try:
            os.link(unnamed, tmp, dst_dir_fd=folder_fd)
        except FileExistsError:
            continue
        except OSError as exc:
            if exc.errno in (errno.EPERM, errno.EOPNOTSUPP, errno.EMLINK, errno.EXDEV):
                return False
            raise
        break
    try:
        os.replace(tmp, name, src_dir_fd=folder_fd, dst_dir_fd=folder_fd)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp, dir_fd=folder_fd)
        raise
    return True


def _write_named(folder: Path, path: Path, data: bytes, mode: int, overwrite: bool) -> None:
    """Write through a named temporary file ``.kmeans-*.tmp`` in `folder`."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        tmp = folder / f"{TEMP_PREFIX}{secrets.token_hex(6)}{TEMP_SUFFIX}"
        try:
            fd = os.open(tmp, flags, 0o600)
        except FileExistsError:
            continue
        break
    try:
        try:
            _write_all(fd, data, mode)
        finally:
            os.close(fd)
        if not hasattr(os, "fchmod"):
            os.chmod(tmp, mode)
        if overwrite:
            os.replace(tmp, path)
        else:
            _publish_new(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _publish_new(tmp: Path, path: Path) -> None:
    """Give the finished file `tmp` the name `path` only if no file has that name.

    Raises FileExistsError, leaving the existing file alone, when the name is taken.
    """
    try:
        os.link(tmp, path)  # atomic, and fails when the name exists
    except FileExistsError:
        raise
    except OSError:
        # No hard links here (FAT, exFAT, some network shares): claim the name with an empty
        # placeholder, which only we can have created, then replace it with the full file.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
        try:
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(path)
            raise
    else:
        with contextlib.suppress(OSError):  # the data are safe under `path` already
            os.unlink(tmp)


@functools.lru_cache(maxsize=256)
def _remove_stale_temporaries(folder: Path) -> None:
    """Remove temporary files of ours in `folder` left by a killed process (once per folder)."""
    cutoff = time.time() - STALE_SECONDS
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if not (name.startswith(TEMP_PREFIX) and name.endswith(TEMP_SUFFIX)):
            continue
        with contextlib.suppress(OSError):
            if entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < cutoff:
                os.unlink(entry.path)


def _fsync_folder(folder: Path) -> None:
    """Flush a folder's entry list to disk where the OS allows it (best effort)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
