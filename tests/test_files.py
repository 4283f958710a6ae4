"""Tests for kmeans_gui.files: which paths are images, and atomic writes."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from kmeans_gui.files import ImageSaveError, write_atomic
from kmeans_gui.formats import IMAGE_EXTENSIONS, SAVE_FORMATS, is_image_path


def test_is_image_path() -> None:
    for name in ["a.png", "B.JPG", "c.jpeg", "d.heic", "e.HEIF", "f.avif", "g.tiff", "h.webp"]:
        assert is_image_path(name), name
    for name in ["a.txt", "b", "c.png.tmp", ".c.png.x1.tmp", "._d.jpg", "e.pdf", "folder/"]:
        assert not is_image_path(name), name
    assert is_image_path(Path("x") / "photo.Gif")
    assert all(ext.startswith(".") and ext == ext.lower() for ext in IMAGE_EXTENSIONS)
    assert {f".{fmt}" for fmt in SAVE_FORMATS} <= IMAGE_EXTENSIONS


def leftovers(folder: Path) -> list[str]:
    """Temporary files left in `folder` by write_atomic."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_write_atomic_creates_file(tmp_path: Path) -> None:
    target = tmp_path / "out.png"
    write_atomic(target, b"first")
    assert target.read_bytes() == b"first"
    assert leftovers(tmp_path) == []
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_write_atomic_replaces_and_keeps_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.png"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomic(str(target), b"new content")
    assert target.read_bytes() == b"new content"
    assert target.stat().st_mode & 0o777 == 0o640
    assert leftovers(tmp_path) == []


def test_write_atomic_disk_full_keeps_previous_content(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "out.png"
    target.write_bytes(b"previous")

    def full(src: object, dst: object, **dir_fds: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(ImageSaveError) as info:
        write_atomic(target, b"new")
    assert str(info.value) == "out.png: the disk is full"
    assert info.value.path == target
    assert target.read_bytes() == b"previous"
    assert leftovers(tmp_path) == []


def test_write_atomic_failure_while_writing_leaves_no_file(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "new.gif"

    def refuse(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", refuse)
    with pytest.raises(ImageSaveError, match=r"new\.gif: input/output error"):
        write_atomic(target, b"data")
    assert not target.exists()
    assert leftovers(tmp_path) == []


def test_write_atomic_unwritable_folder(tmp_path: Path, monkeypatch) -> None:
    # Tests may run as root, where permission bits do not stop writes: simulate EACCES for
    # new files, named (O_CREAT) or unnamed (O_TMPFILE on the folder itself).
    real_open = os.open
    tmpfile = getattr(os, "O_TMPFILE", -1)

    def deny(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if flags & os.O_CREAT or flags & tmpfile == tmpfile:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    with pytest.raises(ImageSaveError, match="out.webp: the folder is not writable"):
        write_atomic(tmp_path / "out.webp", b"data")


def test_write_atomic_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ImageSaveError, match="out.png: the folder does not exist"):
        write_atomic(tmp_path / "nowhere" / "out.png", b"data")


def test_write_atomic_interrupt_cleans_up(tmp_path: Path, monkeypatch) -> None:
    def interrupt(src: object, dst: object, **dir_fds: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "out.png", b"data")
    assert list(tmp_path.iterdir()) == []
