"""Pillow at the edge: load photos as sRGB arrays and save palette images as PNG, GIF or WebP.

``load`` reads files (within ``limits``, reasons from ``refusals``, pixels through ``modes`` and
``strips``; JPEG 2000 in a child process, ``isolated``); ``encode`` writes PNG (``png``, and
``png_max`` for save effort max), GIF and WebP; ``decode`` reads outputs back to measure them.
"""

from __future__ import annotations

from .decode import decode_output, decode_palette_output
from .encode import dither_indices, encode_indexed
from .limits import (
    MAX_FILE_BYTES,
    MAX_PIXELS,
    MAX_TRANSLUCENT_PIXELS,
    decode_seconds,
    too_translucent_reason,
)
from .load import LoadedImage, load_image
from .modes import DEEP_NOTICE
from .plugins import preload

__all__ = [
    "DEEP_NOTICE",
    "MAX_FILE_BYTES",
    "MAX_PIXELS",
    "MAX_TRANSLUCENT_PIXELS",
    "LoadedImage",
    "decode_output",
    "decode_palette_output",
    "decode_seconds",
    "dither_indices",
    "encode_indexed",
    "load_image",
    "preload",
    "too_translucent_reason",
]
