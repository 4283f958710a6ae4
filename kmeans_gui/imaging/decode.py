"""Encoded outputs read back, to measure what was actually written."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image

from . import strips
from .encode import PIL_FORMATS
from .modes import to_rgb_alpha

_OUTPUT_FORMATS = tuple(PIL_FORMATS.values())


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
            rgb, alpha, _, _ = to_rgb_alpha(im, None)
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
