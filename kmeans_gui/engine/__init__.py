"""The compression engine: colour histogram, weighted k-means, colour spaces, metrics.

Pure NumPy and the standard library; it never imports Qt or Pillow.
"""

from .alpha import has_partial_alpha
from .analysis import Analysis, analyse
from .colorspace import COLOR_SPACES
from .dither import dither_rgba
from .histogram import ColorHistogram, build_histogram, count_colors
from .kmeans import Cancelled, ProgressCallback, StopCheck
from .mapping import MAX_K, indexed_image, map_to_palette, remap
from .metrics import (
    composited_delta_e_map,
    composited_errors,
    delta_e_map,
    mean_delta_e_ok,
    mse,
    psnr,
)
from .palette_worth import EntryWorth, entry_worth
from .quantizer import (
    PaletteFit,
    Quantization,
    find_palette,
    quantize,
    quantize_to_palette,
)
from .shared_palette import shared_palette, summed_analysis
from .ssim import luma, luma_table, mean_ssim, mean_ssim_indexed

__all__ = [
    "COLOR_SPACES",
    "MAX_K",
    "Analysis",
    "Cancelled",
    "EntryWorth",
    "ColorHistogram",
    "PaletteFit",
    "ProgressCallback",
    "StopCheck",
    "Quantization",
    "analyse",
    "build_histogram",
    "composited_delta_e_map",
    "composited_errors",
    "count_colors",
    "delta_e_map",
    "dither_rgba",
    "entry_worth",
    "find_palette",
    "has_partial_alpha",
    "indexed_image",
    "luma",
    "luma_table",
    "map_to_palette",
    "mean_delta_e_ok",
    "mean_ssim",
    "mean_ssim_indexed",
    "mse",
    "psnr",
    "quantize",
    "quantize_to_palette",
    "remap",
    "shared_palette",
    "summed_analysis",
]
