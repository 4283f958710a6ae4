"""Quality and size of one result: MSE, PSNR, mean Oklab ΔE, encoded palette-PNG bytes.

MSE and PSNR are ``kmeans_gui.engine.mse`` / ``psnr`` over every pixel. The mean ΔE is
``kmeans_gui.engine.mean_delta_e_ok``, evaluated over the distinct (input colour, palette
index) pairs instead of all pixels and weighted by their pixel counts: pairs with the same
count are passed to it together and their mean is weighted by count x number of pairs. That is
the same mean over pixels (tests/test_benchmarks.py checks it) at a tenth of the cost.
Bytes are ``kmeans_gui.imaging.encode_indexed(palette, indices, "png")``, the app's PNG writer,
for every peer alike, except pngquant, whose own file is measured.
"""

from __future__ import annotations

import math
import time
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from kmeans_gui import engine
from kmeans_gui.effort import smaller_png
from kmeans_gui.imaging import encode_indexed


def mean_delta_e(
    colors: np.ndarray, inverse: np.ndarray, palette: np.ndarray, indices: np.ndarray
) -> float:
    """Mean Oklab ΔE×100 over the pixels of an image and its palette version.

    Parameters
    ----------
    colors : ndarray of shape (n_colors, 3), uint8, the image's distinct colours
    inverse : ndarray of shape (n_pixels,), int32, each pixel's index into ``colors``
    palette : ndarray of shape (n_entries, 3), uint8
    indices : ndarray of shape (height, width), uint8, n_pixels = height * width

    Returns
    -------
    float, equal to ``engine.mean_delta_e_ok(colors[inverse], palette[indices])``
    """
    pairs = inverse.astype(np.int64) * 256 + indices.ravel()
    unique, counts = np.unique(pairs, return_counts=True)
    order = np.argsort(counts, kind="stable")
    unique, counts = unique[order], counts[order]
    original = colors[unique // 256]
    mapped = palette[unique % 256]
    starts = np.flatnonzero(np.r_[True, counts[1:] != counts[:-1]])
    ends = np.r_[starts[1:], counts.size]
    total = 0.0
    for start, end in zip(starts, ends, strict=True):
        group = engine.mean_delta_e_ok(original[None, start:end], mapped[None, start:end])
        total += group * float(counts[start]) * float(end - start)
    return total / float(inverse.size)


def read_png(path: str) -> tuple[np.ndarray, np.ndarray]:
    """Palette (n, 3) uint8 and indices (height, width) uint8 of a palette PNG file."""
    with Image.open(path) as im:
        im.load()
        if im.mode != "P":
            raise ValueError(f"{path} is mode {im.mode}, not a palette image")
        palette = np.asarray(im.getpalette("RGB"), dtype=np.uint8).reshape(-1, 3)
        return palette, np.asarray(im, dtype=np.uint8)


def evaluate(image_array: str, result: str, *, max_effort: bool = False) -> dict[str, Any]:
    """Figures of one result file (.npz of palette and indices, or a PNG written by a peer).

    Returns
    -------
    dict with mse, psnr, delta_e, colors (palette entries used), and png_bytes (the app's
    writer) or, for a peer's own PNG file, own_png_bytes; with `max_effort`, also
    png_bytes_max, the file the app saves with effort max (``effort.smaller_png``), and
    max_seconds, the time that took.
    """
    stem = image_array[: -len(".npy")]
    rgb = np.load(image_array, mmap_mode="r")
    inverse = np.load(stem + ".inverse.npy")
    colors = np.load(stem + ".colors.npy")
    figures: dict[str, Any] = {}
    if result.endswith(".npz"):
        with np.load(result) as data:
            palette, indices = data["palette"], data["indices"]
    else:
        palette, indices = read_png(result)
        figures["own_png_bytes"] = Path(result).stat().st_size
    used = np.unique(indices)
    palette = palette[: int(used[-1]) + 1]
    mse = engine.mse(np.asarray(rgb), palette[indices])
    figures.update(
        mse=mse,
        psnr=engine.psnr(mse) if mse > 0 else math.inf,
        delta_e=mean_delta_e(colors, inverse, palette, indices),
        colors=int(used.size),
    )
    if "own_png_bytes" not in figures:  # a peer's own file is measured as it is
        fast = encode_indexed(palette, indices, "png")
        figures["png_bytes"] = len(fast)
        if max_effort:
            start = time.perf_counter()
            figures["png_bytes_max"] = len(smaller_png(fast)[0])
            figures["max_seconds"] = time.perf_counter() - start
    return figures
