"""Pillow at the edge: load photos as sRGB arrays and save palette images as PNG, GIF or WebP."""

from __future__ import annotations

import functools
import io
import os
import re
import stat
import threading
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from . import strips
from .engine import Cancelled, has_partial_alpha
from .files import ImageLoadError, ImageSaveError, write_atomic
from .formats import IMAGE_EXTENSIONS, READ_FORMATS, SAVE_FORMATS, is_image_path
from .isolated import decode_in_process
from .metadata import NO_METADATA, Carried, PhotoMetadata, read_metadata, screen_png
from .png import palette_png
from .transparency import threshold_alpha

__all__ = [
    "IMAGE_EXTENSIONS",
    "MAX_FILE_BYTES",
    "MAX_PIXELS",
    "SAVE_FORMATS",
    "ImageLoadError",
    "ImageSaveError",
    "LoadedImage",
    "decode_output",
    "decode_palette_output",
    "dither_indices",
    "encode_indexed",
    "is_image_path",
    "load_image",
    "preload",
    "write_atomic",
]

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
# open. This module is the only one that imports Pillow, so it owns this setting.
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


_PIL_SAVE_FORMAT = {"png": "PNG", "gif": "GIF", "webp": "WEBP"}
_OUTPUT_FORMATS = tuple(_PIL_SAVE_FORMAT.values())


@dataclass(frozen=True)
class LoadedImage:
    """A decoded image and what is known about its file.

    Attributes
    ----------
    path : Path
        The file the image was read from.
    rgb : ndarray of shape (H, W, 3), dtype uint8
        sRGB-encoded values with the EXIF orientation applied; C-contiguous.
    alpha : ndarray of shape (H, W), dtype uint8, or None
        Opacity (255 = opaque); None when the image has no alpha or it is all 255.
    icc_profile : bytes or None
        The source's RGB ICC profile, to be written into outputs. None when the file had
        none, or had a non-RGB profile (greyscale, CMYK), which cannot describe RGB output.
    file_bytes : int
        Size of the file on disk.
    format : str
        Pillow's format name, e.g. ``"JPEG"``.
    notices : tuple of str
        Plain-words notes for the user, e.g. ``"animated GIF: first of 12 frames used"``.
    metadata : PhotoMetadata
        The file's EXIF, XMP and PNG text, made ready for upright outputs.
    """

    path: Path
    rgb: np.ndarray
    alpha: np.ndarray | None
    icc_profile: bytes | None
    file_bytes: int
    format: str
    notices: tuple[str, ...] = ()
    metadata: PhotoMetadata = NO_METADATA

    @property
    def width(self) -> int:
        """Width in pixels (W)."""
        return int(self.rgb.shape[1])

    @property
    def height(self) -> int:
        """Height in pixels (H)."""
        return int(self.rgb.shape[0])


# --------------------------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------------------------


@functools.cache
def _register_heif() -> bool:
    """Register pillow-heif's HEIC/HEIF opener once; return whether it is available."""
    try:
        import pillow_heif
    except ImportError:
        return False
    pillow_heif.register_heif_opener()
    return True


@functools.cache
def _read_formats() -> tuple[str, ...]:
    """The formats of READ_FORMATS that this installation's Pillow can open."""
    _register_heif()
    Image.init()
    return tuple(fmt for fmt in READ_FORMATS if fmt in Image.OPEN)


def preload() -> None:
    """Import every image codec now (Pillow's plugins, the HEIF opener) rather than at first use.

    For the window: importing holds Python's GIL for some 60 ms, which would stall the GUI
    thread if the worker thread did it while loading its first image.
    """
    _register_heif()
    Image.init()


def load_image(
    path: str | os.PathLike[str],
    *,
    max_pixels: int = MAX_PIXELS,
    should_stop: Callable[[], bool] | None = None,
    timeout: float | None = None,
) -> LoadedImage:
    """Read an image file into an sRGB array, applying its EXIF orientation.

    The file is read once into memory and decoded from there, so it is never held open.
    Only the first frame of an animated or multi-page file is used (a notice says so).

    Parameters
    ----------
    path : str or os.PathLike
        The image file.
    max_pixels : int, default MAX_PIXELS
        Images with more pixels (width * height) are refused before being decoded.
        May lower the app's limit, not raise it.
    should_stop : callable, optional
        Polled while the file decodes; when it returns True, ``engine.Cancelled`` is raised
        at once (the decode finishes in the background and is dropped).
    timeout : float, optional
        Seconds the decode may take (default DECODE_SECONDS); after that the file is
        refused with a message and the decode is abandoned in the background.

    Returns
    -------
    LoadedImage
        ``rgb`` of shape (H, W, 3) uint8, ``alpha`` of shape (H, W) uint8 or None, and metadata.

    Raises
    ------
    ImageLoadError
        For any file that cannot be read or decoded; the message names the file and the
        reason in plain words. Only the formats of ``formats.READ_FORMATS`` are decoded: a
        file of another kind (EPS, PDF...) is refused without being handed to its decoder.
    engine.Cancelled
        When `should_stop` asked for it.
    ValueError
        If `max_pixels` is not an integer in [1, MAX_PIXELS].

    Notes
    -----
    Mode conversions: 1, L, P, LA, PA, RGBA, CMYK, YCbCr... go through Pillow's ``convert``
    (palette or colour-key transparency becomes alpha). 16-bit integer modes (I;16, I;16B,
    and I, which Pillow uses for 16-bit and 32-bit integer data) are taken as 0..65535,
    clipped to that range and scaled to 0..255 with rounding (``round(v / 257)``).
    Floating-point images (F) whose values all lie in 0..1 are scaled by 255; otherwise the
    values are taken as 0..255 and clipped; NaN becomes 0.
    """
    if isinstance(max_pixels, bool) or not isinstance(max_pixels, (int, np.integer)):
        raise ValueError(f"max_pixels={max_pixels!r} should be an integer")
    if not 1 <= max_pixels <= MAX_PIXELS:
        raise ValueError(f"max_pixels={max_pixels} should be between 1 and {MAX_PIXELS}")
    path = Path(os.fspath(path))
    data = _read_file(path)
    _register_heif()
    clock = DecodeClock(None if timeout is None else float(timeout))
    if _holds_the_gil(data):
        return decode_in_process(path, data, int(max_pixels), clock, should_stop)
    return _decode_in_time(path, data, int(max_pixels), clock, should_stop)


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


def _holds_the_gil(data: bytes) -> bool:
    """Whether Pillow would decode `data` holding Python's lock throughout (JPEG 2000)."""
    Image.init()
    accept = Image.OPEN["JPEG2000"][1]
    return accept is not None and bool(accept(data[:16]))


def _decode_in_time(
    path: Path,
    data: bytes,
    max_pixels: int,
    clock: DecodeClock,
    should_stop: Callable[[], bool] | None,
) -> LoadedImage:
    """`_decode_file` in a daemon thread, given up at the clock's limit or when asked to stop.

    A decoder stuck in C code cannot be interrupted; it is left to finish (or not) in the
    background, and being a daemon thread it never keeps the program from exiting.
    """
    outcome: list[LoadedImage | BaseException] = []

    def decode() -> None:
        try:
            outcome.append(_decode_file(path, data, max_pixels, on_size=declared))
        except BaseException as exc:  # handed to the waiting thread
            outcome.append(exc)

    def declared(pixels: int) -> None:
        clock.pixels = pixels

    thread = threading.Thread(target=decode, name="kmeans-decode", daemon=True)
    thread.start()
    while thread.is_alive():
        thread.join(0.05)
        if should_stop is not None and should_stop():
            raise Cancelled()
        if thread.is_alive() and clock.expired():
            raise ImageLoadError(path, clock.reason())
    result = outcome[0]
    if isinstance(result, BaseException):
        raise result
    return result


def _read_file(path: Path) -> bytes:
    """Return the whole content of a regular file, raising ImageLoadError otherwise."""
    try:
        st = path.stat()
        if stat.S_ISDIR(st.st_mode):
            raise ImageLoadError(path, "is a folder, not a file")
        if not stat.S_ISREG(st.st_mode):
            raise ImageLoadError(path, "is not a regular file")
        if st.st_size > MAX_FILE_BYTES:
            raise ImageLoadError(
                path,
                f"is {st.st_size / 1e9:.1f} GB; the limit for an image file is "
                f"{MAX_FILE_BYTES / 1e9:g} GB",
            )
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ImageLoadError(path, "does not exist") from exc
    except IsADirectoryError as exc:
        raise ImageLoadError(path, "is a folder, not a file") from exc
    except PermissionError as exc:
        raise ImageLoadError(path, "cannot be read (permission denied)") from exc
    except OSError as exc:
        raise ImageLoadError(path, f"cannot be read ({exc.strerror or exc})") from exc
    if not data:
        raise ImageLoadError(path, "is empty (0 bytes)")
    return data


def _decode_file(
    path: Path, data: bytes, max_pixels: int, on_size: Callable[[int], object] | None = None
) -> LoadedImage:
    """Decode `data` (the content of `path`); every failure becomes ImageLoadError.

    `on_size(pixels)` is called once the header has told the size, before the pixels are
    decoded (the caller's time limit depends on it).
    """
    notices: list[str] = []
    readable, png_texts = screen_png(data)  # refused PNG text chunks never reach Pillow
    try:
        # Pillow's decompression-bomb warning becomes an error; its other warnings ("Corrupt
        # EXIF data"...) become notices. catch_warnings is process-wide: under concurrent loads
        # a filter may briefly be missed, but the size check below still refuses large images.
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(readable), formats=_read_formats()) as im:
                width, height = im.size
                if on_size is not None:
                    on_size(width * height)
                if width < 1 or height < 1:
                    raise ImageLoadError(path, f"has no pixels ({width} x {height})")
                if width * height > max_pixels:
                    raise ImageLoadError(
                        path, _too_large_reason(width * height, max_pixels, (width, height))
                    )
                fmt = im.format or "unknown"
                n_frames = getattr(im, "n_frames", 1)
                if n_frames > 1:
                    notices.append(_frames_notice(fmt, n_frames))
                if _has_deep_colour(im):
                    notices.append(DEEP_NOTICE)
                im.load()  # full decode of frame 0 here, so truncation is detected
                icc = im.info.get("icc_profile") or None
                metadata = read_metadata(im, png_texts)
                notices.extend(metadata.notices)
                im, orientation_notice = _apply_orientation(im)
                if orientation_notice:
                    notices.append(orientation_notice)
                rgb, alpha, icc, mode_notices = _to_rgb_alpha(im, icc)
                notices.extend(mode_notices)
                if width * height > MAX_TRANSLUCENT_PIXELS and has_partial_alpha(alpha):
                    raise ImageLoadError(path, _too_translucent_reason(width * height))
        for warning in caught:
            if issubclass(warning.category, UserWarning):
                note = f"note from the decoder: {warning.message}"
                if note not in notices:
                    notices.append(note)
            else:  # deprecations and the like are for developers: pass them on
                warnings.warn_explicit(
                    warning.message, warning.category, warning.filename, warning.lineno
                )
    except ImageLoadError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageLoadError(path, _too_large_reason(_pixels_in(str(exc)), max_pixels)) from exc
    except UnidentifiedImageError as exc:
        raise ImageLoadError(path, _unidentified_reason(data)) from exc
    except MemoryError as exc:
        raise ImageLoadError(path, "is too large to decode in the available memory") from exc
    except ValueError as exc:
        raise ImageLoadError(path, _value_error_reason(exc)) from exc
    except _UnsupportedModeError as exc:
        raise ImageLoadError(path, str(exc)) from exc
    except Exception as exc:  # Pillow raises OSError, SyntaxError, ValueError, EOFError...
        raise ImageLoadError(path, "is truncated or corrupt") from exc
    return LoadedImage(
        path=path,
        rgb=rgb,
        alpha=alpha,
        icc_profile=icc,
        file_bytes=len(data),
        format=fmt,
        notices=tuple(notices),
        metadata=metadata,
    )


def _too_translucent_reason(pixels: int) -> str:
    return (
        f"is {_describe_pixels(pixels)} with partly transparent pixels; the limit for such "
        f"images is {_describe_limit(MAX_TRANSLUCENT_PIXELS)} (their RGBA palettes need "
        "far more memory than opaque ones)"
    )


def _describe_pixels(pixels: int) -> str:
    """Return e.g. ``"120.0 megapixels"`` or ``"400 pixels"``."""
    return f"{pixels / 1e6:.1f} megapixels" if pixels >= 100_000 else f"{pixels} pixels"


def _describe_limit(pixels: int) -> str:
    """Return e.g. ``"100 megapixels"`` or ``"100 pixels"``."""
    return f"{pixels / 1e6:g} megapixels" if pixels >= 100_000 else f"{pixels} pixels"


def _too_large_reason(pixels: int | None, limit: int, size: tuple[int, int] | None = None) -> str:
    """Return the reason for refusing an image of `pixels` pixels (None when unknown)."""
    if pixels is None:
        return f"is larger than the limit of {_describe_limit(limit)}"
    dims = f"{size[0]} x {size[1]} pixels, " if size else ""
    return f"is {dims}{_describe_pixels(pixels)}; the limit is {_describe_limit(limit)}"


def _pixels_in(message: str) -> int | None:
    """Extract the pixel count from Pillow's decompression-bomb message, if present."""
    match = re.search(r"\((\d+) pixels\)", message)
    return int(match.group(1)) if match else None


def _frames_notice(fmt: str, n_frames: int) -> str:
    """Return the notice for a file holding several frames or pages."""
    if fmt in ("TIFF", "PDF"):
        return f"multi-page {fmt}: first of {n_frames} pages used"
    if fmt in ("GIF", "PNG", "WEBP", "AVIF", "FLI"):
        return f"animated {fmt}: first of {n_frames} frames used"
    return f"{fmt} file with {n_frames} images: the first one used"


def _apply_orientation(im: Image.Image) -> tuple[Image.Image, str | None]:
    """Return `im` turned upright according to its EXIF orientation, and a notice if that failed."""
    try:
        # In place: without an orientation to apply, a copy would cost a full image for nothing.
        ImageOps.exif_transpose(im, in_place=True)
    except Exception:  # malformed EXIF must not make an otherwise good photo unreadable
        return im, "the EXIF orientation could not be read; the image is shown as stored"
    return im, None


_KNOWN_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"BM", "BMP"),
)


def _unidentified_reason(data: bytes) -> str:
    """Explain why Pillow did not recognise `data`, naming the kind of file when obvious."""
    head = data[:512]
    brand = head[8:12] if head[4:8] == b"ftyp" else b""
    if brand in (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1") and not (
        _register_heif()
    ):
        return "is a HEIF/HEIC photo, but HEIF support (pillow-heif) is not installed"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "is truncated or corrupt (it starts like a WebP file)"
    if brand:
        return "is truncated or corrupt (it starts like a HEIF/AVIF file)"
    for signature, kind in _KNOWN_SIGNATURES:
        if head.startswith(signature):
            return f"is truncated or corrupt (it starts like a {kind} file)"
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
    if _looks_like_text(head):
        return f"{base} (it is a text file)"
    return base


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


_ALPHA_MODES = frozenset({"LA", "La", "PA", "RGBA", "RGBa"})


class _UnsupportedModeError(Exception):
    """An image whose pixel mode cannot be turned into RGB; str() is the plain-words reason."""


def _icc_colour_space(profile: bytes) -> bytes:
    """Return the colour space signature of an ICC profile (``b"RGB "``, ``b"CMYK"``...)."""
    return profile[16:20] if len(profile) >= 20 else b""


DEEP_NOTICE = "image with more than 8 bits per channel reduced to 8 bits"


def _has_deep_colour(im: Image.Image) -> bool:
    """Whether Pillow will read more than 8 bits per colour sample into 8-bit RGB(A).

    Asked before ``load()``: the tiles say it (raw modes "RGB;16B", SGI's 16-bit decoder, a
    PPM maximum above 255), or pillow-heif's bit depth; the mode does not. Greyscale 16-bit
    images have their own modes (I;16...) and are reduced, with the notice, in _to_rgb_alpha.
    """
    if im.mode not in ("RGB", "RGBA"):
        return False
    if int(im.info.get("bit_depth") or 8) > 8:  # HEIF/AVIF through pillow-heif
        return True
    for tile in getattr(im, "tile", ()):  # every opened file has tiles (ImageFile)
        codec, args = tile[0], tile[3]
        if ";16" in str(args) or codec == "SGI16":
            return True
        if codec in ("ppm", "ppm_plain") and isinstance(args, tuple) and int(args[1]) > 255:
            return True
    return False


_BOMB_REASON = (
    "holds a compressed colour profile or other chunk that expands beyond the safe limit "
    "(a decompression bomb); it is not read"
)


def _value_error_reason(exc: ValueError) -> str:
    """The reason for a ValueError from a decoder: a decompression bomb, or a corrupt file."""
    if "decompressed data too large" in str(exc).lower():
        return _BOMB_REASON
    return "is truncated or corrupt"


def _to_rgb_alpha(
    im: Image.Image, icc: bytes | None
) -> tuple[np.ndarray, np.ndarray | None, bytes | None, list[str]]:
    """Convert a loaded image to sRGB-encoded RGB and optional alpha.

    Parameters
    ----------
    im : PIL.Image.Image
        A loaded image of any mode.
    icc : bytes or None
        Its ICC profile.

    Returns
    -------
    rgb : ndarray of shape (H, W, 3), dtype uint8, C-contiguous
    alpha : ndarray of shape (H, W), dtype uint8, or None when absent or all 255
    icc : bytes or None
        The profile to keep with `rgb`: None when the source profile was not an RGB one.
    notices : list of str
    """
    notices: list[str] = []
    mode = im.mode
    if icc is not None and _icc_colour_space(icc) != b"RGB ":
        converted = _convert_with_profile(im, icc) if mode in ("CMYK", "L") else None
        if converted is not None:
            im, mode = converted, converted.mode
        elif mode == "CMYK":
            notices.append("CMYK colours converted to RGB without their colour profile")
        icc = None
    elif mode == "CMYK":
        notices.append("CMYK colours converted to RGB")

    alpha: np.ndarray | None = None
    if mode in strips.INTEGER_MODES:
        rgb, clipped = strips.grey_from_integers(im)
        if clipped:
            notices.append("32-bit values outside 0..65535 were clipped")
        notices.append(DEEP_NOTICE)
    elif mode == "F":
        rgb, unit_range = strips.grey_from_floats(im)
        if unit_range:
            notices.append("floating-point values 0..1 scaled to 0..255")
        else:
            notices.append("floating-point values taken as 0..255 (clipped)")
    else:
        # LA, La, PA, RGBA, RGBa, and palette / colour-key transparency in 1, L, P, RGB
        with_alpha = mode in _ALPHA_MODES or "transparency" in im.info
        try:
            rgb, alpha = strips.rgb_alpha(im, with_alpha)
        except ValueError as exc:
            raise _UnsupportedModeError(f"has an unsupported colour mode ({mode})") from exc

    rgb = np.ascontiguousarray(rgb, dtype=np.uint8)
    if alpha is not None and bool(np.all(alpha == 255)):
        alpha = None
    return rgb, alpha, icc, notices


def _convert_with_profile(im: Image.Image, icc: bytes) -> Image.Image | None:
    """Convert a CMYK or greyscale image to sRGB through its ICC profile; None if that fails."""
    try:
        from PIL import ImageCms

        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        srgb = ImageCms.createProfile("sRGB")
        converted = ImageCms.profileToProfile(im, source, srgb, outputMode="RGB")
    except Exception:  # no LittleCMS, or a profile it cannot use: fall back to plain convert
        return None
    return converted


# --------------------------------------------------------------------------------------------
# Encoding, dithering, decoding
# --------------------------------------------------------------------------------------------


def _check_palette(palette: object) -> np.ndarray:
    """Validate a palette; return it as a C-contiguous (K, 3) or RGBA (K, 4) uint8 array."""
    if not isinstance(palette, np.ndarray):
        raise TypeError(f"palette should be a NumPy array, got {type(palette).__name__}")
    if palette.ndim != 2 or palette.shape[1] not in (3, 4):
        raise ValueError(f"palette shape={palette.shape} should be (K, 3) or (K, 4)")
    k = palette.shape[0]
    if not 1 <= k <= 256:
        raise ValueError(f"palette has K={k} colours; it should have 1 to 256")
    if palette.dtype != np.uint8:
        if not np.issubdtype(palette.dtype, np.integer):
            raise ValueError(f"palette dtype={palette.dtype} should be uint8")
        if palette.min() < 0 or palette.max() > 255:
            raise ValueError(
                f"palette values range {palette.min()}..{palette.max()} should be within 0..255"
            )
    return np.ascontiguousarray(palette, dtype=np.uint8)


def _check_indices(indices: object, k: int) -> np.ndarray:
    """Validate an index image for a K-colour palette; return it as (H, W) uint8."""
    if not isinstance(indices, np.ndarray):
        raise TypeError(f"indices should be a NumPy array, got {type(indices).__name__}")
    if indices.ndim != 2 or indices.size == 0:
        raise ValueError(f"indices shape={indices.shape} should be (H, W) with H, W >= 1")
    if not np.issubdtype(indices.dtype, np.integer):
        raise ValueError(f"indices dtype={indices.dtype} should be an integer type")
    low, high = int(indices.min()), int(indices.max())
    if low < 0 or high >= k:
        raise ValueError(f"indices range {low}..{high} should be within [0, K={k})")
    return np.ascontiguousarray(indices, dtype=np.uint8)


def _palette_image(palette: np.ndarray, indices: np.ndarray | None = None) -> Image.Image:
    """Build a mode "P" image whose palette has exactly K entries.

    Parameters
    ----------
    palette : ndarray of shape (K, 3), dtype uint8
    indices : ndarray of shape (H, W), dtype uint8, optional
        Pixel values; a 1x1 image of index 0 when omitted. The image shares its memory, so
        it must not change while the image is in use.
    """
    if indices is None:
        indices = np.zeros((1, 1), dtype=np.uint8)
    height, width = indices.shape
    # The image reads the array's memory (read-only) instead of a copy: a 12-megapixel
    # tobytes() copy held Python's GIL for 10-35 ms, stalling the window's thread meanwhile.
    im = Image.frombuffer("P", (width, height), np.ascontiguousarray(indices), "raw", "P", 0, 1)
    im.putpalette(palette.tobytes(), rawmode="RGB")
    return im


def encode_indexed(
    palette: np.ndarray,
    indices: np.ndarray,
    fmt: str = "png",
    *,
    transparent_index: int | None = None,
    icc_profile: bytes | None = None,
    metadata: Carried | None = None,
) -> bytes:
    """Encode a palette image as PNG, GIF or WebP bytes.

    Parameters
    ----------
    palette : ndarray of shape (K, 3), dtype uint8
        The colours, 1 <= K <= 256 (any integer dtype with values in 0..255 is accepted), or
        straight RGBA entries, shape (K, 4): PNG writes their opacities in a tRNS chunk (up
        to the last entry that is not opaque: put those first), WebP writes RGBA, GIF keeps
        one fully transparent entry for all entries below ``GIF_ALPHA_THRESHOLD`` and makes
        the others opaque.
    indices : ndarray of shape (H, W), integer dtype
        Palette index of each pixel, in [0, K).
    fmt : {"png", "gif", "webp"}
        Output format (case-insensitive).
    transparent_index : int, optional
        Palette entry whose pixels are fully transparent.
    icc_profile : bytes, optional
        ICC profile to embed (PNG and WebP; GIF cannot carry one, so it is dropped).
    metadata : Carried, optional
        EXIF, XMP and text to embed (PNG: eXIf, iTXt and text chunks; WebP: EXIF and XMP
        chunks; GIF holds none).

    Returns
    -------
    bytes
        The encoded file. PNG: a K-entry palette at the smallest bit depth (1, 2, 4 or 8 bits
        per pixel), 8-bit rows unfiltered and packed rows filtered or not, whichever a sample
        deflates smaller, zlib-ng at level 9 (see `kmeans_gui.png`). GIF keeps the
        palette (Pillow drops unused entries on small images). WebP is lossless RGB/RGBA with
        the exact colours kept even under transparent pixels.

    Raises
    ------
    ValueError, TypeError
        For a bad argument; the message names the bad value.
    """
    fmt_id = fmt.lower() if isinstance(fmt, str) else fmt
    if fmt_id not in SAVE_FORMATS:
        raise ValueError(f"fmt={fmt!r} is not one of {', '.join(SAVE_FORMATS)}")
    palette = _check_palette(palette)
    k = palette.shape[0]
    indices = _check_indices(indices, k)
    if transparent_index is not None:
        if isinstance(transparent_index, bool) or not isinstance(
            transparent_index, (int, np.integer)
        ):
            raise ValueError(f"transparent_index={transparent_index!r} should be an int or None")
        if not 0 <= transparent_index < k:
            raise ValueError(f"transparent_index={transparent_index} should be within [0, K={k})")
        transparent_index = int(transparent_index)
    if icc_profile is not None and not isinstance(icc_profile, (bytes, bytearray)):
        raise TypeError(f"icc_profile should be bytes or None, got {type(icc_profile).__name__}")
    if metadata is not None and not isinstance(metadata, Carried):
        raise TypeError(f"metadata should be Carried or None, got {type(metadata).__name__}")
    return _encode_indexed(
        palette, indices, fmt_id, transparent_index, icc_profile, metadata or Carried()
    )


def _encode_indexed(
    palette: np.ndarray,
    indices: np.ndarray,
    fmt: str,
    transparent_index: int | None,
    icc_profile: bytes | None,
    metadata: Carried,
) -> bytes:
    """Encode validated arguments (see `encode_indexed`): PNG by our writer, GIF and WebP by
    Pillow's."""
    if palette.shape[1] == 4 and fmt == "gif":
        palette, indices, transparent_index = threshold_alpha(palette, indices)
    if fmt == "png":
        rgba = palette.shape[1] == 4
        return palette_png(
            np.ascontiguousarray(palette[:, :3]), indices,
            transparent_index=None if rgba else transparent_index,
            alphas=np.ascontiguousarray(palette[:, 3]) if rgba else None,
            icc_profile=None if icc_profile is None else bytes(icc_profile),
            extra_chunks=metadata.png_chunks(),
        )  # fmt: skip
    options: dict[str, object] = {}
    if fmt == "webp":
        rgb = palette[indices]
        if transparent_index is None or palette.shape[1] == 4:
            im = Image.fromarray(rgb)
        else:
            alpha = np.where(indices == transparent_index, 0, 255).astype(np.uint8)
            im = Image.fromarray(np.ascontiguousarray(np.dstack([rgb, alpha])))
        # method=6 made files 2.8% smaller than method=4 on a 4 MP corpus photo at K=16, and
        # took 14 times as long (29 s instead of 2.1 s): too slow for a live preview.
        options.update(lossless=True, exact=True, method=4, quality=100)
        options.update(metadata.webp_options())
    else:
        im = _palette_image(palette, indices)
        if transparent_index is not None:
            options["transparency"] = transparent_index
    if icc_profile and fmt == "webp":
        options["icc_profile"] = bytes(icc_profile)
    buffer = io.BytesIO()
    im.save(buffer, format=_PIL_SAVE_FORMAT[fmt], **options)
    return buffer.getvalue()


def dither_indices(rgb: np.ndarray, palette: np.ndarray) -> np.ndarray:
    """Map each pixel to a palette colour with Floyd–Steinberg error diffusion.

    Uses Pillow's C implementation, which diffuses the error in RGB space.

    Parameters
    ----------
    rgb : ndarray of shape (H, W, 3), dtype uint8
        The image.
    palette : ndarray of shape (K, 3), dtype uint8
        The colours, 1 <= K <= 256.

    Returns
    -------
    ndarray of shape (H, W), dtype uint8
        Palette indices, all < K.
    """
    if not isinstance(rgb, np.ndarray):
        raise TypeError(f"rgb should be a NumPy array, got {type(rgb).__name__}")
    if rgb.ndim != 3 or rgb.shape[2] != 3 or rgb.shape[0] == 0 or rgb.shape[1] == 0:
        raise ValueError(f"rgb shape={rgb.shape} should be (H, W, 3) with H, W >= 1")
    if rgb.dtype != np.uint8:
        raise ValueError(f"rgb dtype={rgb.dtype} should be uint8")
    palette = _check_palette(palette)
    k = palette.shape[0]
    # Pillow maps only onto the palette's K entries, so no padding is needed.
    reference = _palette_image(palette)
    image = Image.fromarray(np.ascontiguousarray(rgb))
    dithered = image.quantize(palette=reference, dither=Image.Dither.FLOYDSTEINBERG)
    del image  # its 4 bytes per pixel, before the indices are copied out
    result = strips.palette_indices(dithered)
    if result.size and int(result.max()) >= k:  # guards against a change in Pillow
        raise RuntimeError(f"Pillow returned index {int(result.max())} for a K={k} palette")
    return result


def decode_output(data: bytes) -> tuple[np.ndarray, np.ndarray | None]:
    """Decode an encoded output file, to measure what was actually written.

    Parameters
    ----------
    data : bytes
        A PNG, GIF or WebP file as produced by `encode_indexed` (any image Pillow reads works).

    Returns
    -------
    rgb : ndarray of shape (H, W, 3), dtype uint8
    alpha : ndarray of shape (H, W), dtype uint8, or None when fully opaque

    Raises
    ------
    ValueError
        If `data` cannot be decoded.
    """
    try:
        with Image.open(io.BytesIO(data), formats=_OUTPUT_FORMATS) as im:
            im.load()
            rgb, alpha, _, _ = _to_rgb_alpha(im, None)
    except Exception as exc:
        raise ValueError(f"the encoded data ({len(data)} bytes) cannot be decoded: {exc}") from exc
    return rgb, alpha


def decode_palette_output(
    data: bytes, *, with_alpha: bool = False
) -> tuple[np.ndarray, np.ndarray] | None:
    """Decode an encoded palette file (PNG, GIF) to its palette and indices, as written.

    Cheaper to measure than `decode_output`'s pixels: the file's colours are its palette
    entries, so figures can be taken per entry rather than per pixel.

    Parameters
    ----------
    data : bytes
        A file as produced by `encode_indexed`.
    with_alpha : bool
        Return RGBA entries, shape (n, 4), with the opacity the file gives each (its PNG
        tRNS chunk or GIF transparent index; 255 for the others).

    Returns
    -------
    palette : ndarray of shape (n, 3), dtype uint8
        The file's palette entries.
    indices : ndarray of shape (H, W), dtype uint8
        Every pixel's entry, all < n.

    None when the file is not a palette image (WebP), or has an index beyond its palette.

    Raises
    ------
    ValueError
        If `data` cannot be decoded.
    """
    try:
        with Image.open(io.BytesIO(data), formats=_OUTPUT_FORMATS) as im:
            im.load()
            if im.mode != "P" or im.palette is None or im.palette.mode != "RGB":
                return None
            palette = np.array(im.getpalette("RGB"), dtype=np.uint8).reshape(-1, 3)
            indices = strips.palette_indices(im)
            if with_alpha:
                palette = _with_entry_alphas(palette, im.info.get("transparency"))
    except Exception as exc:
        raise ValueError(f"the encoded data ({len(data)} bytes) cannot be decoded: {exc}") from exc
    if indices.size and int(indices.max()) >= palette.shape[0]:
        return None
    return palette, indices


def _with_entry_alphas(palette: np.ndarray, transparency: object) -> np.ndarray:
    """(n, 4) entries: the palette with Pillow's ``info["transparency"]`` as opacities."""
    alphas = np.full(palette.shape[0], 255, dtype=np.uint8)
    if isinstance(transparency, (bytes, bytearray)):
        given = np.frombuffer(bytes(transparency), dtype=np.uint8)[: palette.shape[0]]
        alphas[: given.size] = given
    elif isinstance(transparency, int) and 0 <= transparency < palette.shape[0]:
        alphas[transparency] = 0
    return np.column_stack([palette, alphas])
