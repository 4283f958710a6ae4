"""What the window knows about each opened image: its state, latest result and kept results."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..compress import Options, Result
from .imagelist import WAITING

MEASURED_PER_IMAGE = 32  # results kept per image from sweeps and goals, for reuse


@dataclass
class OpenedImage:
    """One opened image (a row of the list)."""

    path: Path
    state: str = WAITING
    error: str = ""
    result: Result | None = None  # the latest compression, without pixels
    size: tuple[int, int] | None = None
    file_format: str = ""
    # Full compressions made by the K sweep or goal seeking (without pixels), by options:
    # showing one of them again only decodes its file.
    measured: dict[Options, Result] = field(default_factory=dict)
    chosen_k: int | None = None  # this image's own K, from goal seeking
    goal_record: dict[str, object] = field(default_factory=dict)  # its report columns

    def remember(self, result: Result) -> None:
        """Keep a full compression for reuse (the oldest go beyond MEASURED_PER_IMAGE)."""
        self.measured.pop(result.options, None)
        self.measured[result.options] = result
        while len(self.measured) > MEASURED_PER_IMAGE:
            del self.measured[next(iter(self.measured))]

    def reusable(self, options: Options) -> Result | None:
        """A full compression with these options already made, if any."""
        if self.result is not None and self.result.options == options:
            return self.result
        return self.measured.get(options)
