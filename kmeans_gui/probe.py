"""The pixel count of an image file from its header alone (Pillow at the edge), for the
batch's memory budget: nothing is decoded."""

from __future__ import annotations

import os
import stat
import warnings
from pathlib import Path

from PIL import Image

from .imaging.plugins import read_formats


def header_pixels(path: Path) -> int | None:
    """Width x height read from the file's header, or None when the header cannot be read
    (the file's own load then says why).

    Only regular files are opened (a named pipe would wait for a writer for ever), and only
    as the formats the app reads.
    """
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(path, formats=read_formats()) as im:
                width, height = im.size
    except Exception:  # any unreadable header: the worker's load names the reason
        return None
    return width * height
