"""The sizes and times an image may take: refused beyond them, with the reason in plain words."""

from __future__ import annotations

import re
import time

from PIL import Image

MAX_PIXELS: int = 100_000_000
"""The app's stated pixel limit; larger images are refused before they are decoded."""

MAX_TRANSLUCENT_PIXELS: int = 16_000_000
"""The limit for images with partly transparent pixels, whose RGBA palettes (engine/alpha.py,
float64 points per distinct RGBA value) take about 100 bytes per pixel when dithered: a 25 MP
one peaked at 2.7 GB, over the 2.0 GB the app allows itself (benchmarks/RESULTS.md)."""

MAX_FILE_BYTES: int = 1_000_000_000
"""Larger files are refused before they are read (the whole file is read into memory): a
100-megapixel image takes at most 800 MB even as uncompressed 16-bit RGBA TIFF."""

# Pillow's own decompression-bomb guard (also applied to GIF frames, ICO entries...) is aligned
# with the app's limit: its default (~89.5 megapixels) would refuse images the app promises to
# open. Set here, with the limit, for every use of Pillow in the app.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

DECODE_SECONDS: float = 120.0
"""The most any decode may take; after it the file is abandoned with a message (crafted or
damaged files can make a decoder loop: mutated JPEG 2000 files did, in a fuzzing run)."""


def decode_seconds(pixels: int | None) -> float:
    """The time limit for decoding an image whose header declares `pixels` (None: not read
    yet): 10 s, plus 2 s per megapixel, at most DECODE_SECONDS. JPEG 2000, the slowest decoder
    here, took 7 s for 16 megapixels on a loaded 2-core machine (the limit there: 42 s)."""
    if pixels is None:
        return 10.0
    return min(DECODE_SECONDS, 10.0 + 2.0 * pixels / 1e6)


class DecodeClock:
    """The time limit of one decode: `fixed` seconds, or `decode_seconds` of the size its
    header declares once known (``pixels``, set by the decoding side)."""

    def __init__(self, fixed: float | None = None) -> None:
        self.fixed = fixed
        self.pixels: int | None = None
        self._start = time.monotonic()

    def seconds(self) -> float:
        """The limit as it stands."""
        return self.fixed if self.fixed is not None else decode_seconds(self.pixels)

    def expired(self) -> bool:
        """Whether the decode has run over its limit."""
        return time.monotonic() - self._start >= self.seconds()

    def reason(self) -> str:
        """The message for a decode abandoned at its limit."""
        return f"took longer than {self.seconds():g} s to decode and was abandoned"


def too_translucent_reason(
    pixels: int, limit: int = MAX_TRANSLUCENT_PIXELS, where: str = ""
) -> str:
    """Why an image of `pixels` with partly transparent pixels is refused; `where` names a
    front end with a lower `limit` than the app's ("in the window")."""
    return (
        f"is {_describe_pixels(pixels)} with partly transparent pixels; the limit for such "
        f"images{' ' + where if where else ''} is {_describe_limit(limit)} (their RGBA "
        "palettes need far more memory than opaque ones)"
    )


def _describe_pixels(pixels: int) -> str:
    """Return e.g. ``"120.0 megapixels"`` or ``"400 pixels"``."""
    return f"{pixels / 1e6:.1f} megapixels" if pixels >= 100_000 else f"{pixels} pixels"


def _describe_limit(pixels: int) -> str:
    """Return e.g. ``"100 megapixels"`` or ``"100 pixels"``."""
    return f"{pixels / 1e6:g} megapixels" if pixels >= 100_000 else f"{pixels} pixels"


def too_large_reason(pixels: int | None, limit: int, size: tuple[int, int] | None = None) -> str:
    """Return the reason for refusing an image of `pixels` pixels (None when unknown)."""
    if pixels is None:
        return f"is larger than the limit of {_describe_limit(limit)}"
    dims = f"{size[0]} x {size[1]} pixels, " if size else ""
    return f"is {dims}{_describe_pixels(pixels)}; the limit is {_describe_limit(limit)}"


def pixels_in(message: str) -> int | None:
    """Extract the pixel count from Pillow's decompression-bomb message, if present."""
    match = re.search(r"\((\d+) pixels\)", message)
    return int(match.group(1)) if match else None
