"""The image formats the app reads and writes, and the limits of the ones it writes.

One table serves the loader (Pillow is asked to try only these formats), folder scans and
the window's file dialog. Neither Qt nor Pillow is imported here.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = [
    "IMAGE_EXTENSIONS",
    "READ_FORMATS",
    "SAVE_FORMATS",
    "format_limit_problem",
    "is_image_path",
]

READ_FORMATS: dict[str, tuple[str, ...]] = {
    "PNG": (".png", ".apng"),
    "JPEG": (".jpg", ".jpeg", ".jpe", ".jfif", ".mpo"),  # MPO (phone 3D/depth) opens as JPEG
    "GIF": (".gif",),
    "WEBP": (".webp",),
    "BMP": (".bmp",),
    "DIB": (".dib",),
    "TIFF": (".tif", ".tiff"),
    "HEIF": (".heic", ".heif", ".hif"),
    "AVIF": (".avif",),
    "PPM": (".ppm", ".pgm", ".pbm", ".pnm", ".pfm"),
    "TGA": (".tga",),
    "ICO": (".ico",),
    "CUR": (".cur",),  # Windows cursors: ICO's layout
    "PCX": (".pcx",),
    "QOI": (".qoi",),
    "JPEG2000": (".jp2", ".j2k", ".jpx"),
    "PSD": (".psd",),
    "SGI": (".sgi", ".rgb", ".bw"),
    "ICNS": (".icns",),
    "DDS": (".dds",),
}
"""Pillow format ids the loader opens, with their file extensions (lower case, with the dot).

Only raster formats decoded inside the process: never EPS/PS (Pillow runs Ghostscript on
them), PDF, WMF/EMF or anything else that hands the file to a helper program.
"""

IMAGE_EXTENSIONS: frozenset[str] = frozenset(
    ext for extensions in READ_FORMATS.values() for ext in extensions
)
"""File extensions treated as images when scanning folders and in the open dialog."""

SAVE_FORMATS: tuple[str, ...] = ("png", "gif", "webp")
"""Output format ids; each is also the file extension (``.png``, ``.gif``, ``.webp``)."""

_FORMAT_NAMES = {"png": "PNG", "gif": "GIF", "webp": "WebP"}

MAX_SIDE: dict[str, int] = {"png": 2**31 - 1, "gif": 65_535, "webp": 16_383}
"""The largest width or height each output format can hold (PNG's is beyond the pixel limit)."""


def is_image_path(path: str | os.PathLike[str]) -> bool:
    """Return whether `path` has an image file extension (case-insensitive).

    macOS resource-fork companions (``._name.jpg``) are not images and return False.
    """
    p = Path(os.fspath(path))
    return p.suffix.lower() in IMAGE_EXTENSIONS and not p.name.startswith("._")


def format_limit_problem(fmt: str, width: int, height: int) -> str | None:
    """Why a `width` x `height` image cannot be saved as `fmt`, in plain words; None if it can.

    The reason names the limit and the formats that can hold the image, e.g.
    ``"WebP holds at most 16,383 pixels per side and this image is 20,000 x 300; save it as
    PNG or GIF"``.
    """
    limit = MAX_SIDE[fmt]
    if width <= limit and height <= limit:
        return None
    others = [
        _FORMAT_NAMES[other]
        for other in SAVE_FORMATS
        if other != fmt and width <= MAX_SIDE[other] and height <= MAX_SIDE[other]
    ]
    return (
        f"{_FORMAT_NAMES[fmt]} holds at most {limit:,} pixels per side and this image is "
        f"{width:,} x {height:,}; save it as {' or '.join(others)}"
    )
