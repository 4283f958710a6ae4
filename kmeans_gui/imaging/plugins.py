"""Pillow's decoders: the HEIF opener registered once, the formats read, and which decoders
hold Python's lock."""

from __future__ import annotations

import functools

from PIL import Image

from ..formats import READ_FORMATS


@functools.cache
def register_heif() -> bool:
    """Register pillow-heif's HEIC/HEIF opener once; return whether it is available."""
    try:
        import pillow_heif
    except ImportError:
        return False
    pillow_heif.register_heif_opener()
    return True


@functools.cache
def read_formats() -> tuple[str, ...]:
    """The formats of READ_FORMATS that this installation's Pillow can open."""
    register_heif()
    Image.init()
    return tuple(fmt for fmt in READ_FORMATS if fmt in Image.OPEN)


def preload() -> None:
    """Import every image codec now (Pillow's plugins, the HEIF opener) rather than at first use.

    For the window: importing holds Python's GIL for some 60 ms, which would stall the GUI
    thread if the worker thread did it while loading its first image.
    """
    register_heif()
    Image.init()


def holds_the_gil(data: bytes) -> bool:
    """Whether Pillow would decode `data` holding Python's lock throughout (JPEG 2000)."""
    Image.init()
    accept = Image.OPEN["JPEG2000"][1]
    return accept is not None and bool(accept(data[:16]))
