"""The output file on screen, read back as written: palette and indices, or pixels.

The window shows what the file holds, with the opacity it gives each entry (PNG's tRNS, GIF's
transparent index). A palette file (PNG, GIF) is shown as its indices with the palette as
colour table, 1 byte per pixel: 100 MB at 100 megapixels, where 32-bit pixels took 400 MB
and their QPixmap copy 400 MB more (issue #13). WebP, which Pillow reads as pixels, is shown
as the decoded array itself when opaque.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtGui import QImage

from ..engine.measure import palette_pixels
from ..imaging import decode_output, decode_palette_output
from .qimage import display_qimage, indexed_qimage


@dataclass(frozen=True)
class FilePixels:
    """An output file's pixels: ``palette`` (n, 4) straight RGBA entries and ``indices``
    (H, W) uint8 for a palette file, else ``rgb`` (H, W, 3) uint8 and ``alpha`` (H, W) uint8
    (None when opaque). Never written to: the QImages shown read the same arrays."""

    palette: np.ndarray | None = None
    indices: np.ndarray | None = None
    rgb: np.ndarray | None = None
    alpha: np.ndarray | None = None

    def qimage(self) -> QImage:
        """The file as the window shows it, over these arrays (no copy, except the 32-bit
        premultiplied copy of a WebP file with transparency)."""
        if self.palette is not None and self.indices is not None:
            return indexed_qimage(self.indices, self.palette)
        assert self.rgb is not None
        return display_qimage(self.rgb, self.alpha)

    def pixels(self) -> tuple[np.ndarray, np.ndarray | None]:
        """RGB (H, W, 3) and alpha (H, W) (None when opaque), as ``decode_output`` gives them."""
        if self.palette is None or self.indices is None:
            assert self.rgb is not None
            return self.rgb, self.alpha
        rgb = palette_pixels(np.ascontiguousarray(self.palette[:, :3]), self.indices)
        alphas = self.palette[:, 3]
        alpha = None if bool(np.all(alphas == 255)) else alphas[self.indices]
        return rgb, alpha


def read_back(encoded: bytes) -> FilePixels:
    """Decode an output file (PNG, GIF or WebP, as ``encode_indexed`` writes them).

    Raises ValueError if `encoded` cannot be decoded.
    """
    file = decode_palette_output(encoded, with_alpha=True)
    if file is not None:
        return FilePixels(palette=file[0], indices=file[1])
    rgb, alpha = decode_output(encoded)
    return FilePixels(rgb=rgb, alpha=alpha)
