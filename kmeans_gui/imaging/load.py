"""Image files read into sRGB arrays: limits checked first, the decode in a thread (or a child
process) given up at its time limit, every failure a one-line reason."""

from __future__ import annotations

import io
import os
import stat
import threading
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, UnidentifiedImageError

from ..engine import Cancelled, has_partial_alpha
from ..files import ImageLoadError
from ..metadata import NO_METADATA, PhotoMetadata, read_metadata, screen_png
from .isolated import decode_in_process
from .limits import (
    MAX_FILE_BYTES,
    MAX_PIXELS,
    MAX_TRANSLUCENT_PIXELS,
    DecodeClock,
    pixels_in,
    too_large_reason,
    too_translucent_reason,
)
from .modes import (
    DEEP_NOTICE,
    UnsupportedModeError,
    apply_orientation,
    has_deep_colour,
    to_rgb_alpha,
)
from .plugins import holds_the_gil, read_formats, register_heif
from .refusals import unidentified_reason, value_error_reason


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
    register_heif()
    clock = DecodeClock(None if timeout is None else float(timeout))
    if holds_the_gil(data):
        return decode_in_process(path, data, int(max_pixels), clock, should_stop)
    return _decode_in_time(path, data, int(max_pixels), clock, should_stop)


def _decode_in_time(
    path: Path,
    data: bytes,
    max_pixels: int,
    clock: DecodeClock,
    should_stop: Callable[[], bool] | None,
) -> LoadedImage:
    """`decode_file` in a daemon thread, given up at the clock's limit or when asked to stop.

    A decoder stuck in C code cannot be interrupted; it is left to finish (or not) in the
    background, and being a daemon thread it never keeps the program from exiting.
    """
    outcome: list[LoadedImage | BaseException] = []

    def decode() -> None:
        try:
            outcome.append(decode_file(path, data, max_pixels, on_size=declared))
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


def decode_file(
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
            with Image.open(io.BytesIO(readable), formats=read_formats()) as im:
                width, height = im.size
                if on_size is not None:
                    on_size(width * height)
                if width < 1 or height < 1:
                    raise ImageLoadError(path, f"has no pixels ({width} x {height})")
                if width * height > max_pixels:
                    raise ImageLoadError(
                        path, too_large_reason(width * height, max_pixels, (width, height))
                    )
                fmt = im.format or "unknown"
                n_frames = getattr(im, "n_frames", 1)
                if n_frames > 1:
                    notices.append(_frames_notice(fmt, n_frames))
                if has_deep_colour(im):
                    notices.append(DEEP_NOTICE)
                im.load()  # full decode of frame 0 here, so truncation is detected
                icc = im.info.get("icc_profile") or None
                metadata = read_metadata(im, png_texts)
                notices.extend(metadata.notices)
                im, orientation_notice = apply_orientation(im)
                if orientation_notice:
                    notices.append(orientation_notice)
                rgb, alpha, icc, mode_notices = to_rgb_alpha(im, icc)
                notices.extend(mode_notices)
                if width * height > MAX_TRANSLUCENT_PIXELS and has_partial_alpha(alpha):
                    raise ImageLoadError(path, too_translucent_reason(width * height))
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
        raise ImageLoadError(path, too_large_reason(pixels_in(str(exc)), max_pixels)) from exc
    except UnidentifiedImageError as exc:
        raise ImageLoadError(path, unidentified_reason(data)) from exc
    except MemoryError as exc:
        raise ImageLoadError(path, "is too large to decode in the available memory") from exc
    except ValueError as exc:
        raise ImageLoadError(path, value_error_reason(exc)) from exc
    except UnsupportedModeError as exc:
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


def _frames_notice(fmt: str, n_frames: int) -> str:
    """Return the notice for a file holding several frames or pages."""
    if fmt in ("TIFF", "PDF"):
        return f"multi-page {fmt}: first of {n_frames} pages used"
    if fmt in ("GIF", "PNG", "WEBP", "AVIF", "FLI"):
        return f"animated {fmt}: first of {n_frames} frames used"
    return f"{fmt} file with {n_frames} images: the first one used"
