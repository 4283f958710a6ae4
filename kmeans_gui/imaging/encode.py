"""Palette images encoded as PNG (our writer), GIF or WebP (Pillow's), and Floyd-Steinberg
dithering onto a palette."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image

from ..formats import SAVE_FORMATS
from ..metadata import Carried
from ..transparency import threshold_alpha
from . import strips
from .png import palette_png

PIL_FORMATS = {"png": "PNG", "gif": "GIF", "webp": "WEBP"}
"""Pillow's name of each output format."""


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
    im.save(buffer, format=PIL_FORMATS[fmt], **options)
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
