"""Why a file cannot be read, in plain words: what it seems to be, from its first bytes."""

from __future__ import annotations

from PIL import Image

from ..formats import READ_FORMATS
from .plugins import register_heif

_KNOWN_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"BM", "BMP"),
)


def unidentified_reason(data: bytes) -> str:
    """Explain why Pillow did not recognise `data`, naming the kind of file when obvious."""
    head = data[:512]
    brand = head[8:12] if head[4:8] == b"ftyp" else b""
    if brand in (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1") and not (
        register_heif()
    ):
        return "is a HEIF/HEIC photo, but HEIF support (pillow-heif) is not installed"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "is truncated or corrupt (it starts like a WebP file)"
    if brand:
        return "is truncated or corrupt (it starts like a HEIF/AVIF file)"
    for signature, kind in _KNOWN_SIGNATURES:
        if head.startswith(signature):
            return f"is truncated or corrupt (it starts like a {kind} file)"
    if head[:2] == b"PF" and head[2:3].isspace():  # Pillow reads only greyscale ("Pf") PFM
        return "is a colour PFM (floating-point) image, which is not read; greyscale PFM is"
    refused = _refused_format(head)
    if refused:
        return f"is {refused}, which is not read"
    base = "is not an image Pillow can read"
    if head.startswith(b"%PDF"):
        return f"{base} (it is a PDF document)"
    if head.startswith(b"PK\x03\x04"):
        return f"{base} (it is a ZIP archive or office document)"
    lowered = head.lstrip().lower()
    if lowered.startswith(b"<svg") or (lowered.startswith(b"<?xml") and b"<svg" in lowered):
        return f"{base} (it is an SVG drawing; only pixel images are supported)"
    if lowered.startswith((b"<!doctype html", b"<html")):
        return f"{base} (it is a web page)"
    if len(data) < _SMALLEST_IMAGE:
        return f"is too small to be an image ({len(data)} byte{'s' if len(data) > 1 else ''})"
    if _looks_like_text(head):
        return f"{base} (it is a text file)"
    return base


_SMALLEST_IMAGE = 8
"""Bytes below which no format the app reads holds an image (a plain PBM "P1 1 1 0" has 8)."""

_REFUSED_NAMES = {"EPS": "an EPS file", "WMF": "a Windows metafile"}


def _refused_format(head: bytes) -> str | None:
    """The kind of file `head` starts, when Pillow knows it but the app does not read it.

    Asks only each format's signature check (bytes against bytes); nothing is decoded.
    """
    Image.init()
    for fmt, (_, accept) in Image.OPEN.items():
        if fmt in READ_FORMATS or accept is None:
            continue
        try:
            recognised = bool(accept(head[:16]))
        except Exception:  # a signature check that cannot read this prefix: not its format
            continue
        if recognised:
            return _REFUSED_NAMES.get(fmt, f"a file in the {fmt} format")
    return None


def _looks_like_text(head: bytes) -> bool:
    """Return whether `head` (the start of a file) decodes as text without control characters."""
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        # a multi-byte character may be cut at the end of `head`
        try:
            text = head[:-3].decode("utf-8")
        except UnicodeDecodeError:
            return False
    return all(ch.isprintable() or ch in "\t\n\r\f" for ch in text)


_BOMB_REASON = (
    "holds a compressed colour profile or other chunk that expands beyond the safe limit "
    "(a decompression bomb); it is not read"
)


def value_error_reason(exc: ValueError) -> str:
    """The reason for a ValueError from a decoder: a decompression bomb, or a corrupt file."""
    if "decompressed data too large" in str(exc).lower():
        return _BOMB_REASON
    return "is truncated or corrupt"
