"""The log file: rotated, in the platform's folder, and no error when it cannot be written."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from kmeans_gui import logs


def test_the_log_is_rotated(log_dir, monkeypatch):
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    path = logs.setup_logging()
    assert path == log_dir / "kmeans-gui.log" and logs.log_file() == path
    assert logs.setup_logging() == path  # idempotent: one handler
    logger = logging.getLogger("kmeans_gui.test")
    for i in range(100):
        logger.warning("line %d %s", i, "x" * 50)
    names = sorted(p.name for p in log_dir.iterdir())
    assert names == ["kmeans-gui.log", "kmeans-gui.log.1", "kmeans-gui.log.2", "kmeans-gui.log.3"]
    assert all(p.stat().st_size <= 2_100 for p in log_dir.iterdir())


def test_the_log_folder_follows_the_platform(monkeypatch, tmp_path):
    monkeypatch.delenv(logs.ENV_FOLDER)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_STATE_HOME", raising=False)
    monkeypatch.setattr(logs.sys, "platform", "linux")
    assert logs.default_log_folder() == tmp_path / ".local" / "state" / "kmeans-gui"
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert logs.default_log_folder() == tmp_path / "state" / "kmeans-gui"
    monkeypatch.setattr(logs.sys, "platform", "darwin")
    assert logs.default_log_folder() == tmp_path / "Library" / "Logs" / "kmeans-gui"
    monkeypatch.setattr(logs.sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    assert logs.default_log_folder() == tmp_path / "Local" / "kmeans-gui" / "Logs"


def test_an_unwritable_log_folder_is_no_error(tmp_path, monkeypatch, log_dir):
    log_dir.parent.joinpath("blocked").write_bytes(b"")
    monkeypatch.setenv(logs.ENV_FOLDER, str(log_dir.parent / "blocked" / "logs"))
    assert logs.setup_logging() is None


def test_a_name_that_is_not_utf8_is_logged_escaped(log_dir, capsys):
    """A Linux file name with undecodable bytes reaches the log; no logging error on stderr."""
    path = logs.setup_logging()
    name = os.fsdecode(b"br\xffken \xe9.jpg")
    logging.getLogger("kmeans_gui.test").warning("%s: %s", Path(name), "is not an image")
    logging.getLogger("kmeans_gui").handlers[-1].flush()
    assert "br\\udcffken \\udce9.jpg: is not an image" in path.read_text("utf-8")
    assert capsys.readouterr().err == ""
