"""One image compressed and measured, for both front ends: ``results`` (options, figures, the
result, output names), ``pipeline`` (quantize, encode, measure the file read back) and
``writing`` (outputs saved). The CLI and the window both call these functions."""

from __future__ import annotations

from .pipeline import (
    Quantized,
    compress,
    compress_file,
    encode_and_measure,
    quantize_image,
    with_effort,
)
from .results import (
    DELTA_E_NAME,
    Options,
    Result,
    Stats,
    output_name,
    palette_index_bytes,
    without_pixels,
)
from .writing import copy_dates, save, save_encoded

__all__ = [
    "DELTA_E_NAME",
    "Options",
    "Quantized",
    "Result",
    "Stats",
    "compress",
    "compress_file",
    "copy_dates",
    "encode_and_measure",
    "output_name",
    "palette_index_bytes",
    "quantize_image",
    "save",
    "save_encoded",
    "with_effort",
    "without_pixels",
]
