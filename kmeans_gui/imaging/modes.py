"""A decoded Pillow image of any mode made upright 8-bit sRGB arrays (RGB and optional alpha)."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image, ImageOps

from . import strips


def apply_orientation(im: Image.Image) -> tuple[Image.Image, str | None]:
    """Return `im` turned upright according to its EXIF orientation, and a notice if that failed."""
    try:
        # In place: without an orientation to apply, a copy would cost a full image for nothing.
        ImageOps.exif_transpose(im, in_place=True)
    except Exception:  # malformed EXIF must not make an otherwise good photo unreadable
        return im, "the EXIF orientation could not be read; the image is shown as stored"
    return im, None


_ALPHA_MODES = frozenset({"LA", "La", "PA", "RGBA", "RGBa"})


class UnsupportedModeError(Exception):
    """An image whose pixel mode cannot be turned into RGB; str() is the plain-words reason."""


def _icc_colour_space(profile: bytes) -> bytes:
    """Return the colour space signature of an ICC profile (``b"RGB "``, ``b"CMYK"``...)."""
    return profile[16:20] if len(profile) >= 20 else b""


DEEP_NOTICE = "image with more than 8 bits per channel reduced to 8 bits"


def has_deep_colour(im: Image.Image) -> bool:
    """Whether Pillow will read more than 8 bits per colour sample into 8-bit RGB(A).

    Asked before ``load()``: the tiles say it (raw modes "RGB;16B", SGI's 16-bit decoder, a
    PPM maximum above 255), or pillow-heif's bit depth; the mode does not. Greyscale 16-bit
    images have their own modes (I;16...) and are reduced, with the notice, in to_rgb_alpha.
    """
    if im.mode not in ("RGB", "RGBA"):
        return False
    if int(im.info.get("bit_depth") or 8) > 8:  # HEIF/AVIF through pillow-heif
        return True
    for tile in getattr(im, "tile", ()):  # every opened file has tiles (ImageFile)
        codec, args = tile[0], tile[3]
        # 16 bits a sample ("RGB;16B", "RGBA;16L"...), not 16 bits a pixel (BMP's "BGR;16")
        if any(f";16{order}" in str(args) for order in "BLN") or codec == "SGI16":
            return True
        if codec in ("ppm", "ppm_plain") and isinstance(args, tuple) and int(args[1]) > 255:
            return True
    return False


def to_rgb_alpha(
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
            raise UnsupportedModeError(f"has an unsupported colour mode ({mode})") from exc

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
