"""Every QSettings key of the app, declared once with its type and default.

User preferences (``preferences/...``) are kept apart from remembered window state
(``window/...``). Tests and scripts call :func:`use_file` to keep them in a file of their own.

``Setting.set`` without a QSettings object writes in a thread of its own: QSettings commits
every write of its INI file with ``fdatasync`` (through QSaveFile), which took 30 to 330 ms
on a busy disk, all of it a frozen window when its thread did it (opening a photo records it
in the recent files). Values still on their way are read back from memory meanwhile; code
that takes a QSettings object from :func:`store` first waits for them to be written.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from .. import engine
from ..effort import EFFORTS
from ..formats import SAVE_FORMATS
from ..metadata import DEFAULT_METADATA, METADATA_MODES
from ..sweep import parse_ks

ORGANIZATION = "kmeans-gui"
APPLICATION = "kmeans-gui"
MAX_RECENT_FILES = 10

T = TypeVar("T")

logger = logging.getLogger(__name__)

_settings_file: Path | None = None


def use_file(path: str | os.PathLike[str] | None) -> None:
    """Keep settings in an INI file at `path` (None: back to the user's settings).

    Waits for the writes made so far (each goes to the file that was in use when it was made).
    """
    global _settings_file
    flush()
    _settings_file = None if path is None else Path(path)


def store() -> QSettings:
    """The QSettings every key reads and writes: the user's INI file, or the one `use_file` set.

    Waits for the background writes first, so that the object sees them and what is written
    through it comes after them.
    """
    flush()
    return _open(_settings_file)


def _open(file: Path | None) -> QSettings:
    if file is not None:
        return QSettings(str(file), QSettings.Format.IniFormat)
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


class _Writer:
    """Writes settings one at a time in a thread of its own, keeping unwritten values readable.

    QSettings.sync() lets go of Python's GIL while it writes and syncs the file, so the window
    runs on meanwhile.
    """

    def __init__(self) -> None:
        self._executor: ThreadPoolExecutor | None = None
        self._last: Future[None] | None = None
        self._pending: dict[tuple[Path | None, str], object] = {}
        self._lock = threading.Lock()

    def set(self, key: str, value: object) -> None:
        """Write ``key`` = ``value`` to the settings file in use, soon."""
        file = _settings_file
        with self._lock:
            self._pending[(file, key)] = value
            if self._executor is None:
                self._executor = ThreadPoolExecutor(1, thread_name_prefix="kmeans-settings")
            self._last = self._executor.submit(self._write, file, key, value)

    def pending(self, key: str) -> tuple[bool, object]:
        """(True, value) when a value of ``key`` for the file in use is not written yet."""
        with self._lock:
            found = (_settings_file, key) in self._pending
            return found, self._pending.get((_settings_file, key))

    def flush(self) -> None:
        """Wait until every value set so far is written."""
        with self._lock:
            last = self._last
        if last is not None:
            last.result()

    def _write(self, file: Path | None, key: str, value: object) -> None:
        try:
            settings = _open(file)
            settings.setValue(key, value)
            settings.sync()
            if settings.status() != QSettings.Status.NoError:
                logger.warning("settings: %s not written to %s", key, settings.fileName())
        except Exception:  # a bug: in the log; the writer goes on with the next value
            logger.exception("settings: writing %s", key)
        finally:
            with self._lock:
                if self._pending.get((file, key)) is value:
                    del self._pending[(file, key)]


_writer = _Writer()


def flush() -> None:
    """Wait until every setting set so far is written to its file."""
    _writer.flush()


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
        """The stored value (or the one set and not written yet), or the default."""
        if settings is None:
            waiting, value = _writer.pending(self.key)
            if waiting:  # a copy of a list: the pending one is the writer's
                return self._checked(list(value) if isinstance(value, list) else value)
        s = settings if settings is not None else _open(_settings_file)
        try:
            value = s.value(self.key, self.default, type=self.type)
        except (TypeError, ValueError):
            return self.default
        return self._checked(value)

    def _checked(self, value: object) -> T:
        if value is None or not isinstance(value, self.type):
            return self.default
        if self.valid is not None and not self.valid(value):
            return self.default
        return value  # type: ignore[return-value]

    def set(self, value: T, settings: QSettings | None = None) -> None:
        """Store a value: through `settings` at once, or without it in the writer's thread.

        Text a QString cannot hold (a Linux file name that is not UTF-8) is not stored: Qt
        would drop its odd bytes and remember the name of another file. A list loses those
        items; a lone text leaves the stored value as it was.
        """
        if isinstance(value, list):
            value = [v for v in value if _storable(v)]  # type: ignore[assignment]
        elif not _storable(value):
            return
        if settings is None:
            _writer.set(self.key, value)
        else:
            settings.setValue(self.key, value)


def _storable(value: object) -> bool:
    """Whether `value` survives QSettings: not text holding surrogate-escaped bytes."""
    if not isinstance(value, str):
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


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
DITHER = Setting("preferences/dither_strength", int, 0, lambda v: 0 <= v <= 100)
OLD_DITHER = Setting("preferences/dither", bool, False)  # on/off before strengths: on is 100
FORMAT = Setting("preferences/format", str, "png", lambda v: v in SAVE_FORMATS)
METADATA = Setting("preferences/metadata", str, DEFAULT_METADATA, lambda v: v in METADATA_MODES)
KEEP_DATES = Setting("preferences/keep_dates", bool, False)
OPEN_FOLDER = Setting("preferences/open_folder", str, "")
SAVE_FOLDER = Setting("preferences/save_folder", str, "")
RECENT_FILES: Setting[list] = Setting(
    "preferences/recent_files", list, [], lambda v: all(isinstance(p, str) for p in v)
)
STARTED_BEFORE = Setting("preferences/started_before", bool, False)
GRID_KS = Setting("preferences/grid_ks", str, "2 4 8 16 32 64 128 256", _valid_ks)
VIEW = Setting(
    "preferences/view", str, "side", lambda v: v in ("side", "split", "difference", "grid", "chart")
)
CHART_METRIC = Setting(
    "preferences/chart_metric", str, "psnr", lambda v: v in ("psnr", "delta_e", "ssim")
)
# The PNG effort Save and Save All write with (previews and the K grid are always "fast").
SAVE_EFFORT = Setting("preferences/save_effort", str, "max", lambda v: v in EFFORTS)
BACKDROP = Setting(
    "preferences/backdrop", str, "checker", lambda v: v in ("checker", "white", "black")
)
# The window's language: "" follows the system; else one of the languages shipped (it applies
# at the next start; i18n.LANGUAGES names them).
LANGUAGE_CODES = ("en", "de", "fr", "es")
LANGUAGE = Setting("preferences/language", str, "", lambda v: v == "" or v in LANGUAGE_CODES)

# Window state --------------------------------------------------------------------------------
GEOMETRY = Setting("window/geometry", QByteArray, QByteArray())
WINDOW_STATE = Setting("window/state", QByteArray, QByteArray())
SPLITTER = Setting("window/splitter", QByteArray, QByteArray())

PREFERENCES = (
    K,
    COLOR_SPACE,
    DITHER,
    FORMAT,
    METADATA,
    KEEP_DATES,
    OPEN_FOLDER,
    SAVE_FOLDER,
    RECENT_FILES,
    STARTED_BEFORE,
    GRID_KS,
    VIEW,
    CHART_METRIC,
    BACKDROP,
    SAVE_EFFORT,
    LANGUAGE,
)
WINDOW = (GEOMETRY, WINDOW_STATE, SPLITTER)


def add_recent_files(
    paths: Iterable[str | os.PathLike[str]], settings: QSettings | None = None
) -> list[str]:
    """Put files first in the recent files, in the order given, in one write; return the list."""
    entries = list(dict.fromkeys(str(Path(p)) for p in paths))
    files = entries + [p for p in RECENT_FILES.get(settings) if p not in entries]
    files = files[:MAX_RECENT_FILES]
    RECENT_FILES.set(files, settings)
    return files
