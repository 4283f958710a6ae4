"""The report columns of one compression (its K and measured figures): the rows that
``kmeans-compress --report FILE`` and the window's Save All write (:mod:`.batch_report`)."""

from __future__ import annotations

import math

from .compress import Result

RESULT_COLUMNS = (
    "k", "width", "height", "colors", "input_bytes", "output_bytes", "raw_bytes",
    "palette_index_bytes", "ratio_to_input", "larger_than_input", "mse", "psnr",
    "mean_delta_e_oklab", "ssim", "effort", "iterations", "seconds", "format", "color_space",
    "dither", "metadata",
)  # fmt: skip
"""The keys of result_record, in order: the columns of a streamed CSV report."""


def result_record(result: Result) -> dict[str, object]:
    """The report columns of one compression: K, its measured statistics and its options."""
    s = result.stats
    return {
        "k": result.options.k,
        "width": s.width,
        "height": s.height,
        "colors": s.colors,
        "input_bytes": s.input_bytes,
        "output_bytes": s.output_bytes,
        "raw_bytes": s.raw_bytes,
        "palette_index_bytes": s.palette_index_bytes,
        "ratio_to_input": round(s.ratio_to_input, 4),
        "larger_than_input": s.larger_than_input,
        "mse": round(s.mse, 4),
        "psnr": None if math.isinf(s.psnr) else round(s.psnr, 3),
        "mean_delta_e_oklab": round(s.mean_delta_e, 4),
        "ssim": None if math.isnan(s.ssim) else round(s.ssim, 5),
        "effort": s.effort,
        "iterations": s.iterations,
        "seconds": round(s.seconds, 4),
        "format": result.options.fmt,
        "color_space": result.options.color_space,
        "dither": result.options.dither,
        "metadata": result.metadata,
    }


def valid_utf8(value: object) -> object:
    """`value`, with any text made valid UTF-8: bytes of a file name that were not (Linux allows
    them; Python keeps them as surrogate escapes) become U+FFFD."""
    if isinstance(value, str):
        return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    if isinstance(value, list):
        return [valid_utf8(item) for item in value]
    return value
