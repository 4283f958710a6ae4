"""Progress of a batch on stderr: a line that rewrites itself on a terminal, one line per file
otherwise (logs), nothing with --quiet. Every other message of the batch goes through `say`,
which clears the terminal line first so that the two never mix."""

from __future__ import annotations

import os
import shutil
import time
from typing import TextIO

from .files import shown_name

# A terminal line is redrawn at most this often (a batch of tiny files would flood it).
_REDRAW_SECONDS = 0.1


def clock(seconds: float) -> str:
    """Seconds as ``m:ss`` or ``h:mm:ss``."""
    s = max(0, round(seconds))
    h, m = divmod(s // 60, 60)
    return f"{h}:{m:02}:{s % 60:02}" if h else f"{m}:{s % 60:02}"


class Progress:
    """Shows ``done/total``, the elapsed time, the time left and the file being compressed.

    mode : "terminal" (one line rewritten in place), "lines" (one line per file) or "off".
    """

    def __init__(self, total: int, stream: TextIO, mode: str) -> None:
        self.total = total
        self.stream = stream
        self.mode = mode
        self.done = 0
        self.started = time.monotonic()
        self._worked = 0  # files done by compressing (skipped ones take no time)
        self._shown = False
        self._drawn_at = 0.0
        self._last = ""
        self._current = ""

    @staticmethod
    def mode_for(stream: TextIO, quiet: bool) -> str:
        if quiet:
            return "off"
        isatty = getattr(stream, "isatty", None)
        return "terminal" if isatty is not None and isatty() else "lines"

    def say(self, text: str, stream: TextIO | None = None) -> None:
        """Print a message line (a note, an error; a JSON line to stdout) above the progress
        line, which is redrawn below it."""
        self._clear()
        print(text, file=stream or self.stream, flush=True)
        if self.mode == "terminal" and self._last:
            self._draw(self._last)

    def file_started(self, path: str | os.PathLike[str]) -> None:
        """A file is being compressed (shown on the terminal line)."""
        if self.mode == "terminal":
            name = shown_name(path)
            self._current = name
            self._last = f"{self._counts()}  {name}"
            self._draw(self._last)

    def file_done(self, path: str | os.PathLike[str], what: str, worked: bool = True) -> None:
        """One more file finished: `what` happened to it ("-> a_k16.png 0.31x", "skipped")."""
        name = shown_name(path)
        self.done += 1
        self._worked += worked
        if self.mode == "lines":
            print(f"[{self.done}/{self.total}] {name}: {what}", file=self.stream, flush=True)
        elif self.mode == "terminal":
            now = time.monotonic()
            self._last = f"{self._counts()}  {self._current or name}"
            if now - self._drawn_at >= _REDRAW_SECONDS or self.done == self.total:
                self._draw(self._last)

    def finish(self) -> None:
        """Leave the terminal line clean for what follows."""
        self._clear()

    def _counts(self) -> str:
        elapsed = time.monotonic() - self.started
        left = ""
        if self._worked > 0 and self.done < self.total:
            left = f"  ~{clock(elapsed / self._worked * (self.total - self.done))} left"
        percent = 100 * self.done // max(1, self.total)
        return f"[{self.done}/{self.total}] {percent:3}%  {clock(elapsed)} elapsed{left}"

    def _draw(self, line: str) -> None:
        width = shutil.get_terminal_size((80, 24)).columns - 1
        if len(line) > width:
            line = line[: max(0, width - 1)] + "…"
        self.stream.write("\r" + line + "\x1b[K")
        self.stream.flush()
        self._shown = True
        self._drawn_at = time.monotonic()

    def _clear(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False
