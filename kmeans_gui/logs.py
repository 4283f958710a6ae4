"""The log file: the detail behind every error the user sees, rotated in the app-data folder.

The user reads one line naming the file and the reason; the log keeps the traceback and the
underlying cause (Pillow's exception, the OS error number). No Qt here: the window passes
the folder ``QStandardPaths`` gives it, the command line uses :func:`default_log_folder`.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import threading
from pathlib import Path
from types import TracebackType

__all__ = [
    "ENV_FOLDER",
    "LOG_NAME",
    "default_log_folder",
    "install_excepthook",
    "log_file",
    "setup_logging",
]

LOG_NAME = "kmeans-gui.log"
MAX_BYTES = 1_000_000
"""Size at which the log is rotated (kmeans-gui.log -> kmeans-gui.log.1 ...)."""
BACKUP_COUNT = 3
"""Rotated files kept beside the current one."""
ENV_FOLDER = "KMEANS_GUI_LOG_DIR"
"""Environment variable naming the log folder; when set it wins over every other choice."""

_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"
_lock = threading.Lock()
_handler: logging.handlers.RotatingFileHandler | None = None

# Without a log file (none set up, or its folder unwritable) records go nowhere, never to
# the user's terminal: Python's last-resort handler would print tracebacks on stderr.
logging.getLogger("kmeans_gui").addHandler(logging.NullHandler())


def default_log_folder() -> Path:
    """The platform's folder for this app's logs, when no Qt is there to say.

    ``$KMEANS_GUI_LOG_DIR`` if set; else ``%LOCALAPPDATA%\\kmeans-gui\\Logs`` on Windows,
    ``~/Library/Logs/kmeans-gui`` on macOS, ``$XDG_STATE_HOME/kmeans-gui`` (by default
    ``~/.local/state/kmeans-gui``) elsewhere.
    """
    override = os.environ.get(ENV_FOLDER)
    if override:
        return Path(override)
    home = Path.home()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return (Path(base) if base else home / "AppData" / "Local") / "kmeans-gui" / "Logs"
    if sys.platform == "darwin":
        return home / "Library" / "Logs" / "kmeans-gui"
    state = os.environ.get("XDG_STATE_HOME")
    return (Path(state) if state else home / ".local" / "state") / "kmeans-gui"


def setup_logging(folder: str | os.PathLike[str] | None = None) -> Path | None:
    """Send the ``kmeans_gui`` loggers (INFO and above) to ``<folder>/kmeans-gui.log``.

    The file is rotated at ``MAX_BYTES``, keeping ``BACKUP_COUNT`` older ones. Calling again
    with the same folder does nothing; with another, the log moves there.

    Parameters
    ----------
    folder : str or os.PathLike, optional
        Where the log goes (created if missing). ``$KMEANS_GUI_LOG_DIR``, when set, wins;
        :func:`default_log_folder` when None.

    Returns
    -------
    Path or None
        The log file, or None when the folder cannot be created or the file opened: the
        program then runs without a log rather than failing.
    """
    global _handler
    override = os.environ.get(ENV_FOLDER)
    chosen = Path(override) if override else Path(folder) if folder else default_log_folder()
    path = (chosen / LOG_NAME).absolute()
    logger = logging.getLogger("kmeans_gui")
    with _lock:
        if _handler is not None and Path(_handler.baseFilename) == path:
            return path
        try:
            chosen.mkdir(parents=True, exist_ok=True)
            # A Linux file name that is not UTF-8 (surrogate escapes) is logged escaped.
            handler = logging.handlers.RotatingFileHandler(
                path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8",
                errors="backslashreplace",
            )  # fmt: skip
        except OSError:
            return None
        handler.setFormatter(logging.Formatter(_FORMAT))
        handler.setLevel(logging.INFO)
        if _handler is not None:
            logger.removeHandler(_handler)
            _handler.close()
        _handler = handler
        logger.addHandler(handler)
        if logger.level == logging.NOTSET or logger.level > logging.INFO:
            logger.setLevel(logging.INFO)
    return path


def log_file() -> Path | None:
    """The file the log is written to, or None before :func:`setup_logging` succeeded."""
    handler = _handler
    return Path(handler.baseFilename) if handler is not None else None


def install_excepthook() -> None:
    """Also write uncaught exceptions (a bug in a Qt slot, say) to the log, with traceback.

    The previous ``sys.excepthook`` still runs after, so they are printed as before.
    """
    previous = sys.excepthook
    if getattr(previous, "_kmeans_gui_logs", False):
        return

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if not issubclass(kind, KeyboardInterrupt):
            logging.getLogger("kmeans_gui").critical(
                "uncaught exception", exc_info=(kind, value, tb)
            )
        previous(kind, value, tb)

    hook._kmeans_gui_logs = True  # type: ignore[attr-defined]
    sys.excepthook = hook
