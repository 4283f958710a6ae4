"""Every QSettings key of the app, declared once with its type and default.

User preferences (``preferences/...``) are kept apart from remembered window state
(``window/...``). Tests and scripts call :func:`use_file` to keep them in a file of their own.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from .. import engine
from ..imaging import SAVE_FORMATS
from ..sweep import parse_ks

ORGANIZATION = "kmeans-gui"
APPLICATION = "kmeans-gui"
MAX_RECENT_FILES = 10

T = TypeVar("T")

_settings_file: Path | None = None


def use_file(path: str | os.PathLike[str] | None) -> None:
    """Keep settings in an INI file at `path` (None: back to the user's settings)."""
    global _settings_file
    _settings_file = None if path is None else Path(path)


def store() -> QSettings:
    """The QSettings every key reads and writes: the user's INI file, or the one `use_file` set."""
    if _settings_file is not None:
        return QSettings(str(_settings_file), QSettings.Format.IniFormat)
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One key: its type, its default, and which stored values are acceptable.

    A stored value of the wrong type or failing `valid` reads as the default, so a hand-edited
    or old settings file never breaks the app.
    """

    key: str
    type: type
    default: T
    valid: Callable[[Any], bool] | None = None

    def get(self, settings: QSettings | None = None) -> T:
        """The stored value, or the default."""
        s = settings if settings is not None else store()
        try:
            value = s.value(self.key, self.default, type=self.type)
        except (TypeError, ValueError):
            return self.default
        if value is None or not isinstance(value, self.type):
            return self.default
        if self.valid is not None and not self.valid(value):
            return self.default
        return value  # type: ignore[no-any-return]

    def set(self, value: T, settings: QSettings | None = None) -> None:
        """Store a value."""
        s = settings if settings is not None else store()
        s.setValue(self.key, value)


def _valid_ks(text: str) -> bool:
    """Whether a stored K list parses (see ``sweep.parse_ks``)."""
    try:
        parse_ks(text)
    except ValueError:
        return False
    return True


# User preferences ----------------------------------------------------------------------------
K = Setting("preferences/k", int, 16, lambda v: 2 <= v <= engine.MAX_K)
COLOR_SPACE = Setting("preferences/color_space", str, "rgb", lambda v: v in engine.COLOR_SPACES)
DITHER = Setting("preferences/dither", bool, False)
FORMAT = Setting("preferences/format", str, "png", lambda v: v in SAVE_FORMATS)
OPEN_FOLDER = Setting("preferences/open_folder", str, "")
SAVE_FOLDER = Setting("preferences/save_folder", str, "")
RECENT_FILES = Setting(
    "preferences/recent_files", list, [], lambda v: all(isinstance(p, str) for p in v)
)
STARTED_BEFORE = Setting("preferences/started_before", bool, False)
GRID_KS = Setting("preferences/grid_ks", str, "2 4 8 16 32 64 128 256", _valid_ks)
VIEW = Setting(
    "preferences/view", str, "side", lambda v: v in ("side", "split", "difference", "grid", "chart")
)
CHART_METRIC = Setting("preferences/chart_metric", str, "psnr", lambda v: v in ("psnr", "delta_e"))

# Window state --------------------------------------------------------------------------------
GEOMETRY = Setting("window/geometry", QByteArray, QByteArray())
WINDOW_STATE = Setting("window/state", QByteArray, QByteArray())
SPLITTER = Setting("window/splitter", QByteArray, QByteArray())

PREFERENCES = (
    K,
    COLOR_SPACE,
    DITHER,
    FORMAT,
    OPEN_FOLDER,
    SAVE_FOLDER,
    RECENT_FILES,
    STARTED_BEFORE,
    GRID_KS,
    VIEW,
    CHART_METRIC,
)
WINDOW = (GEOMETRY, WINDOW_STATE, SPLITTER)


def add_recent_file(path: str | os.PathLike[str], settings: QSettings | None = None) -> list[str]:
    """Put a file first in the recent files (at most MAX_RECENT_FILES); return the new list."""
    entry = str(Path(path))
    files = [entry] + [p for p in RECENT_FILES.get(settings) if p != entry]
    files = files[:MAX_RECENT_FILES]
    RECENT_FILES.set(files, settings)
    return files
