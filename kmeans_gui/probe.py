"""The pixel count of an image file from its header alone (Pillow at the edge), for the
batch's memory budget: nothing is decoded."""

from __future__ import annotations

import warnings
from pathlib import Path

from PIL import Image


def header_pixels(path: Path) -> int | None:
    """Width x height read from the file's header, or None when the header cannot be read
    (the file's own load then says why)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(path) as im:
                width, height = im.size
    except Exception:  # any unreadable header: the worker's load names the reason
        return None
    return width * height
