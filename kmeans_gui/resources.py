"""The one place that knows where bundled resources live (source tree or PyInstaller bundle)."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """Return the folder holding `resources/`, whether run from source or frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Return the path of a bundled resource, e.g. ``resource_path("samples", "coffee.png")``."""
    return resources_dir().joinpath(*parts)


def sample_photos() -> list[Path]:
    """Return the bundled sample photographs, sorted by name."""
    folder = resource_path("samples")
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in {".png", ".jpg", ".jpeg"})
