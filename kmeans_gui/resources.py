"""The one place that knows where the app's runtime data lives: ``kmeans_gui/data``.

Read through :mod:`importlib.resources`, so it is found wherever the package is: a source
checkout, a wheel installed by pip or pipx, or a PyInstaller bundle (the spec copies the files
to ``kmeans_gui/data`` inside it).
"""

from __future__ import annotations

import atexit
from contextlib import ExitStack
from functools import cache
from importlib.resources import as_file, files
from pathlib import Path

DATA_PACKAGE = "kmeans_gui"
DATA_FOLDER = "data"
SAMPLE_SUFFIXES = {".png", ".jpg", ".jpeg"}


@cache
def resources_dir() -> Path:
    """Return the folder of the runtime data as a real path (Qt and Pillow need file names).

    Installed packages are plain folders; were the package imported from a zip file,
    the data would be extracted once to a temporary folder removed at exit.
    """
    data = files(DATA_PACKAGE) / DATA_FOLDER
    if isinstance(data, Path):
        return data
    stack = ExitStack()
    atexit.register(stack.close)
    return stack.enter_context(as_file(data))


def resource_path(*parts: str) -> Path:
    """Return the path of a runtime resource, e.g. ``resource_path("samples", "coffee.png")``."""
    return resources_dir().joinpath(*parts)


def sample_photos() -> list[Path]:
    """Return the bundled sample photographs, sorted by name."""
    folder = resource_path("samples")
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in SAMPLE_SUFFIXES)
