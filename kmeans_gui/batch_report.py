"""A batch report written as files finish, so that an interrupted or killed run leaves one.

``.csv`` and ``.jsonl`` rows are appended with one ``write`` each and flushed to the system
at once: a kill of the process (even SIGKILL) leaves every finished row and no partial one.
``.json`` (one array) cannot be appended to: it is rewritten atomically at most once a second
and at the end, so a killed run leaves a valid file missing at most the last second's rows.
"""

from __future__ import annotations

import csv
import io
import json
import os
import time
from pathlib import Path

from .files import ImageSaveError, write_atomic
from .report import RESULT_COLUMNS, valid_utf8

GOAL_COLUMNS = ("goal", "goal_met", "k_tried")
JSON_REWRITE_SECONDS = 1.0


def columns(with_goal: bool) -> list[str]:
    """The CSV columns, in order: the input, what became of it, then the measured figures."""
    head = ["input", "output", "status", "k"]
    figures = [c for c in RESULT_COLUMNS if c != "k"]
    return head + (list(GOAL_COLUMNS) if with_goal else []) + figures + ["error"]


class ReportWriter:
    """Rows of a batch report, written as they come (see the module docstring).

    Raises ValueError for an extension other than .csv, .jsonl or .json, and ImageSaveError
    when the file cannot be written.
    """

    def __init__(self, path: Path, with_goal: bool) -> None:
        self.path = path
        self.kind = path.suffix.lower()
        if self.kind not in (".csv", ".jsonl", ".json"):
            raise ValueError(f"report {path.name}: the extension should be .csv, .jsonl or .json")
        self._columns = columns(with_goal)
        self._records: list[dict[str, object]] = []
        self._written_at = 0.0
        self._fd: int | None = None
        if self.kind == ".json":
            self._rewrite()
            return
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0)
            self._fd = os.open(path, flags, 0o666)
        except OSError as exc:
            raise ImageSaveError(path, exc.strerror or str(exc)) from exc
        if self.kind == ".csv":
            self._write(self._csv_line(dict(zip(self._columns, self._columns, strict=True))))

    def add(self, record: dict[str, object]) -> None:
        """Write one row now (.json: at the next rewrite, at most a second later)."""
        clean = {key: valid_utf8(value) for key, value in record.items()}
        if self.kind == ".json":
            self._records.append(clean)
            if time.monotonic() - self._written_at >= JSON_REWRITE_SECONDS:
                self._rewrite()
        elif self.kind == ".jsonl":
            self._write(json.dumps(clean, ensure_ascii=False) + "\n")
        else:
            self._write(self._csv_line(clean))

    def close(self) -> None:
        """Write what is pending (.json) and close the file."""
        if self.kind == ".json":
            self._rewrite()
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def _csv_line(self, row: dict[str, object]) -> str:
        buffer = io.StringIO()
        writer = csv.DictWriter(
            buffer, fieldnames=self._columns, lineterminator="\n", extrasaction="ignore"
        )
        writer.writerow(row)
        return buffer.getvalue()

    def _write(self, text: str) -> None:
        assert self._fd is not None
        data = memoryview(text.encode())
        try:
            while data:
                data = data[os.write(self._fd, data) :]
        except OSError as exc:
            raise ImageSaveError(self.path, exc.strerror or str(exc)) from exc

    def _rewrite(self) -> None:
        data = json.dumps(self._records, indent=2, ensure_ascii=False).encode()
        write_atomic(self.path, data)
        self._written_at = time.monotonic()
