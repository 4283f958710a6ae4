"""Decoding in a separate process, for decoders that hold Python's lock while they run.

Pillow's JPEG 2000 decoder keeps the GIL for the whole decode (it pulls its input through
Python), so a decode in a thread would freeze every other thread (the window's included)
and could not be given up. Here it runs in a child process that can be killed; the pixels come
back through shared memory. Neither Qt nor Pillow is imported by the parent side.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.shared_memory import SharedMemory
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ..engine import Cancelled
from ..files import ImageLoadError

if TYPE_CHECKING:
    from .limits import DecodeClock
    from .load import LoadedImage

_POLL_SECONDS = 0.05


def decode_in_process(
    path: Path,
    data: bytes,
    max_pixels: int,
    clock: DecodeClock,
    should_stop: Callable[[], bool] | None,
) -> LoadedImage:
    """``load.decode_file(path, data, max_pixels)`` in a child process.

    Raises ImageLoadError at the clock's limit (the child tells the declared size first), and
    ``engine.Cancelled`` as soon as `should_stop()` says so; the child is killed in both cases.
    """
    context = multiprocessing.get_context("spawn")  # no fork of a threaded (Qt) process
    ours, theirs = context.Pipe()
    child = context.Process(
        target=_decode_child, args=(path, data, max_pixels, theirs), daemon=True,
        name="kmeans-decode",
    )  # fmt: skip
    child.start()
    theirs.close()
    try:
        while True:
            while not ours.poll(_POLL_SECONDS):
                if should_stop is not None and should_stop():
                    raise Cancelled()
                if clock.expired():
                    raise ImageLoadError(path, clock.reason())
                if not child.is_alive() and not ours.poll():
                    raise ImageLoadError(path, "made the decoder stop unexpectedly")
            try:
                kind, payload = ours.recv()
            except EOFError as exc:
                raise ImageLoadError(path, "made the decoder stop unexpectedly") from exc
            if kind != "size":
                break
            clock.pixels = payload
        if kind == "error":
            raise payload
        image = _received(payload)
        ours.send("done")  # the child may now free the shared memory
        child.join(5.0)
        return image
    finally:
        if child.is_alive():  # given up, or stuck: the decode is killed
            child.kill()
            child.join()
        ours.close()


def _received(payload: dict) -> LoadedImage:
    """The LoadedImage the child described, its arrays copied out of shared memory."""
    from .load import LoadedImage

    fields = dict(payload)
    memory = SharedMemory(name=fields.pop("memory"))
    try:
        offset = 0
        for name in ("rgb", "alpha"):
            shape = fields[name]
            if shape is None:
                continue
            count = int(np.prod(shape))
            view = np.ndarray(shape, np.uint8, buffer=memory.buf, offset=offset)
            fields[name] = view.copy()
            del view  # the mapping cannot close while an array still refers to it
            offset += count
    finally:
        memory.close()
    return LoadedImage(**fields)


def _decode_child(path: Path, data: bytes, max_pixels: int, conn: Connection) -> None:
    """In the child: decode, put the pixels in shared memory, wait for the parent's copy."""
    from .load import decode_file

    try:
        image = decode_file(path, data, max_pixels, on_size=lambda n: conn.send(("size", n)))
    except BaseException as exc:  # ImageLoadError and the rest: the parent raises it
        conn.send(("error", exc if isinstance(exc, ImageLoadError) else _unexpected(path, exc)))
        return
    arrays = [image.rgb] + ([image.alpha] if image.alpha is not None else [])
    memory = SharedMemory(create=True, size=max(1, sum(a.nbytes for a in arrays)))
    try:
        offset = 0
        for array in arrays:
            view = np.ndarray(array.shape, np.uint8, buffer=memory.buf, offset=offset)
            view[...] = array
            del view  # the mapping cannot close while an array still refers to it
            offset += array.nbytes
        payload = {
            "memory": memory.name,
            "path": image.path,
            "rgb": image.rgb.shape,
            "alpha": None if image.alpha is None else image.alpha.shape,
            "icc_profile": image.icc_profile,
            "file_bytes": image.file_bytes,
            "format": image.format,
            "notices": image.notices,
            "metadata": image.metadata,
        }
        del arrays, image
        conn.send(("image", payload))
        conn.recv()  # "done": the parent has its copy
    except (EOFError, OSError):
        pass  # the parent gave up: nothing to hand over
    finally:
        memory.close()
        memory.unlink()


def _unexpected(path: Path, exc: BaseException) -> ImageLoadError:
    if isinstance(exc, MemoryError):
        return ImageLoadError(path, "is too large to decode in the available memory")
    return ImageLoadError(path, "is truncated or corrupt")
