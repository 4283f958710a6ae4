"""Batch reports: one row per image (its K and measured figures), written as CSV or JSON.

``kmeans-compress --report FILE`` and the window's Save All write the same rows.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
from pathlib import Path

from .compress import Result
from .files import write_atomic

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


def write_report(path: str | os.PathLike[str], records: list[dict[str, object]]) -> Path:
    """Write one row per image as CSV or JSON (by the extension), atomically.

    CSV columns are every key of every record, in the order first seen.

    Raises
    ------
    ValueError
        when the extension is neither .csv nor .json.
    ImageSaveError
        when the file cannot be written.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    records = [{key: _utf8(value) for key, value in record.items()} for record in records]
    if suffix == ".json":
        data = json.dumps(records, indent=2, ensure_ascii=False).encode()
    elif suffix == ".csv":
        columns: list[str] = []
        for record in records:
            columns += [key for key in record if key not in columns]
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
        data = buffer.getvalue().encode()
    else:
        raise ValueError(f"report {target.name}: the extension should be .csv or .json")
    write_atomic(target, data)
    return target


def _utf8(value: object) -> object:
    """`value`, with any text made valid UTF-8: bytes of a file name that were not (Linux allows
    them; Python keeps them as surrogate escapes) become U+FFFD."""
    if isinstance(value, str):
        return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    if isinstance(value, list):
        return [_utf8(item) for item in value]
    return value
