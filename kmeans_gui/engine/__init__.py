"""The compression engine: colour histogram, weighted k-means, colour spaces, metrics.

Pure NumPy and the standard library; it never imports Qt or Pillow.
"""

from .colorspace import COLOR_SPACES
from .histogram import ColorHistogram, build_histogram
from .kmeans import Cancelled, ProgressCallback, StopCheck
from .metrics import mean_delta_e_ok, mse, psnr
from .quantizer import MAX_K, Analysis, Quantization, analyse, indexed_image, quantize, remap

__all__ = [
    "COLOR_SPACES",
    "MAX_K",
    "Analysis",
    "Cancelled",
    "ColorHistogram",
    "ProgressCallback",
    "StopCheck",
    "Quantization",
    "analyse",
    "build_histogram",
    "indexed_image",
    "mean_delta_e_ok",
    "mse",
    "psnr",
    "quantize",
    "remap",
]
