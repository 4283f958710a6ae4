"""What a compression is asked for and what it gives: options, measured figures, the result,
and the output's name."""

from __future__ import annotations

import dataclasses
import math
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .. import engine
from ..effort import EFFORTS
from ..engine.measure import NO_PIXELS
from ..files import fitting_stem
from ..formats import SAVE_FORMATS
from ..metadata import DEFAULT_METADATA, METADATA_MODES

DELTA_E_NAME = "Oklab ΔE×100"


@dataclass(frozen=True)
class Options:
    """How to compress: K, output format, clustering colour space, dithering strength (percent
    of Floyd–Steinberg's error passed on: 0 none, 100 full), random seed, which metadata the
    file keeps (one of ``metadata.METADATA_MODES``), the encoder's effort ("fast", or "max":
    smaller PNG files for more time), and given palette colours: with ``exact_palette`` the
    image is mapped to ``palette`` alone (no k-means), else those colours are locked while
    k-means finds the rest up to K, starting from ``start`` (a palette after an edit)."""

    k: int = 16
    fmt: str = "png"
    color_space: str = "rgb"
    dither: int = 0
    seed: int = 0
    metadata: str = DEFAULT_METADATA
    effort: str = "fast"
    palette: tuple[tuple[int, int, int], ...] = ()
    exact_palette: bool = False
    start: tuple[tuple[int, int, int], ...] = ()

    def __post_init__(self) -> None:
        if isinstance(self.dither, bool):  # on/off, as before strengths: on is full strength
            object.__setattr__(self, "dither", 100 if self.dither else 0)
        if not isinstance(self.dither, int) or not 0 <= self.dither <= 100:
            raise ValueError(f"dither={self.dither!r} should be a whole percentage, 0..100")
        if self.exact_palette and not self.palette:
            raise ValueError("exact_palette needs palette colours")
        if not isinstance(self.k, int) or not 1 <= self.k <= engine.MAX_K:
            raise ValueError(f"k={self.k!r} should be an integer between 1 and {engine.MAX_K}")
        if self.fmt not in SAVE_FORMATS:
            raise ValueError(f"fmt={self.fmt!r} is not one of {', '.join(SAVE_FORMATS)}")
        if self.color_space not in engine.COLOR_SPACES:
            raise ValueError(
                f"color_space={self.color_space!r} is not one of {', '.join(engine.COLOR_SPACES)}"
            )
        if self.metadata not in METADATA_MODES:
            raise ValueError(
                f"metadata={self.metadata!r} is not one of {', '.join(METADATA_MODES)}"
            )
        if self.effort not in EFFORTS:
            raise ValueError(f"effort={self.effort!r} is not one of {', '.join(EFFORTS)}")


@dataclass(frozen=True)
class Stats:
    """Truthful figures of one compression, measured on the encoded file read back.

    Byte counts are exact. ``palette_index_bytes`` is the original write-up's figure: every
    pixel stored as a ceil(log2 n)-bit index into an n-entry palette of 3-byte colours, with no
    file format around it. ``seconds`` is the quantization alone (analysis, k-means and
    mapping), without decoding or encoding. ``ssim`` is the mean SSIM of the luma (NaN below
    11 x 11 pixels); ``effort`` the encoder effort the file was written with.
    """

    width: int
    height: int
    k: int
    colors: int
    input_bytes: int
    raw_bytes: int
    palette_index_bytes: int
    output_bytes: int
    mse: float
    psnr: float
    mean_delta_e: float
    iterations: int
    seconds: float
    ssim: float = math.nan
    effort: str = "fast"

    @property
    def pixels(self) -> int:
        """Number of pixels."""
        return self.width * self.height

    @property
    def ratio_to_input(self) -> float:
        """How many times smaller the output file is than the input file (< 1: larger)."""
        return self.input_bytes / self.output_bytes

    @property
    def palette_index_ratio(self) -> float:
        """Raw 24-bit bytes over palette+index bytes: the write-up's "~6x" figure."""
        return self.raw_bytes / max(self.palette_index_bytes, 1)

    @property
    def larger_than_input(self) -> bool:
        """True when the output file is larger than the input file."""
        return self.output_bytes > self.input_bytes


@dataclass(frozen=True)
class Result:
    """A compressed image: the encoded bytes, what they decode to, and their statistics.

    palette : ndarray of shape (n_entries, 3), uint8, as written (transparent entry included);
        straight RGBA, shape (n_entries, 4), for an image with partly transparent pixels
    counts : ndarray of shape (n_entries,), int64, pixels using each entry
    decoded : ndarray of shape (height, width, 3), uint8, the output file decoded back
    metadata : what the file keeps of the original's metadata, in words ("EXIF, XMP; GPS
        location removed")
    """

    source: Path
    options: Options
    encoded: bytes
    palette: np.ndarray
    counts: np.ndarray
    transparent_index: int | None
    decoded: np.ndarray
    stats: Stats
    notices: tuple[str, ...]
    metadata: str = ""

    def colour_entries(self) -> tuple[np.ndarray, np.ndarray]:
        """The palette and its pixel counts without the transparent entry: the colours shown
        and exported, shapes (n_colours, 3 or 4) and (n_colours,)."""
        if self.transparent_index is None:
            return self.palette, self.counts
        return (
            np.delete(self.palette, self.transparent_index, axis=0),
            np.delete(self.counts, self.transparent_index),
        )

    @property
    def default_name(self) -> str:
        """``<stem>_k<K>.<ext>``, the output file name."""
        return output_name(self.source, self.options.k, self.options.fmt)


def without_pixels(result: Result) -> Result:
    """The same result with an empty ``decoded`` array, to keep its figures and file cheaply."""
    return dataclasses.replace(result, decoded=NO_PIXELS)


def output_name(
    source: str | os.PathLike[str],
    k: int,
    fmt: str,
    taken: Callable[[str], bool] | None = None,
) -> str:
    """``<stem>_k<K>.<ext>`` for an input file, or ``<stem>-2_k<K>.<ext>``, ``-3``... when
    `taken` says the name is already used (the CLI and Save All, for inputs from different
    folders that share a stem). A stem too long for a file name is shortened."""
    stem = Path(source).stem
    name, n = f"{fitting_stem(stem, f'_k{k}.{fmt}')}_k{k}.{fmt}", 2
    while taken is not None and taken(name):
        tail = f"-{n}_k{k}.{fmt}"
        name, n = f"{fitting_stem(stem, tail)}{tail}", n + 1
    return name


def palette_index_bytes(n_pixels: int, n_entries: int) -> int:
    """Bare palette + index bytes: ceil(n_pixels * ceil(log2 n_entries) / 8) + 3 * n_entries."""
    bits = math.ceil(math.log2(n_entries)) if n_entries > 1 else 0
    return math.ceil(n_pixels * bits / 8) + 3 * n_entries
