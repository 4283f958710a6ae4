"""Where a batch writes: output names from a suffix template, folder trees, name clashes.

Every output name is planned from the list of inputs alone, before anything is compressed,
so that a second run of the same command plans the same names (``--skip-existing``).
Neither Qt nor Pillow is imported here.
"""

from __future__ import annotations

import os
import re
import string
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .files import fitting_stem
from .formats import is_image_path

DEFAULT_SUFFIX = "_k{k}"
_FIELDS = ("k", "format")


@dataclass(frozen=True)
class Source:
    """An input file and the folder argument it was found in (None: given as a file)."""

    path: Path
    root: Path | None = None


def find_sources(inputs: Sequence[str | os.PathLike[str]]) -> list[Source]:
    """Files as given; folders expanded to the images inside them (recursively, sorted).

    A file named twice (``a.png ./a.png``, or a folder and a file in it) is listed once, where
    it first comes; links are other names and stay."""
    sources: list[Source] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and is_image_path(p))
            sources += [Source(p, path) for p in found]
        else:
            sources.append(Source(path))
    seen: set[str] = set()
    unique = []
    for source in sources:
        key = os.path.normcase(os.path.abspath(source.path))
        if key not in seen:
            seen.add(key)
            unique.append(source)
    return unique


def check_suffix(suffix: str) -> str:
    """`suffix` if it is a valid template (fields ``{k}`` and ``{format}`` only, no folder
    separator); raises ValueError naming the problem otherwise."""
    try:
        fields = [name for _, name, spec, _ in string.Formatter().parse(suffix) if name is not None]
    except ValueError as exc:
        raise ValueError(f"--suffix {suffix!r}: {exc}") from None
    unknown = [name for name in fields if name not in _FIELDS]
    if unknown:
        raise ValueError(
            f"--suffix {suffix!r}: unknown field {{{unknown[0]}}}; use {{k}} or {{format}}"
        )
    if "/" in suffix or os.sep in suffix or (os.altsep and os.altsep in suffix) or "\0" in suffix:
        raise ValueError(f"--suffix {suffix!r}: a suffix cannot hold a folder separator")
    return suffix


@dataclass(frozen=True)
class Planned:
    """The output of one input: its folder and stem, to which the suffix and format are added
    once K is known (goal seeking finds K while it compresses)."""

    folder: Path
    stem: str
    suffix: str
    fmt: str
    clashed: bool = False  # the stem got "-2", "-3"... because another input has the same one
    number: str = ""  # that "-2", "-3"... at the end of the stem

    def name(self, k: int) -> str:
        """The output's name at K; the stem is shortened (its number kept) when the name
        would be too long for a file name."""
        tail = f"{self.number}{self.suffix.format(k=k, format=self.fmt)}.{self.fmt}"
        base = self.stem[: len(self.stem) - len(self.number)]
        return f"{fitting_stem(base, tail)}{tail}"

    def shortened(self, k: int) -> bool:
        """Whether the input's name was cut to make the output's at K."""
        return not self.name(k).startswith(self.stem)

    def target(self, k: int) -> Path:
        return self.folder / self.name(k)

    def pattern(self) -> re.Pattern[str]:
        """The names this output can have whatever K is."""
        parts = []
        for literal, field, _, _ in string.Formatter().parse(self.suffix):
            parts.append(re.escape(literal))
            if field == "k":
                parts.append(r"\d+")
            elif field == "format":
                parts.append(re.escape(self.fmt))
        return re.compile(re.escape(self.stem) + "".join(parts) + re.escape(f".{self.fmt}"))


class Layout:
    """Plans the output of each input of a batch.

    Parameters
    ----------
    output_dir : Path or None
        The folder of the outputs; None writes each output beside its input (--in-place-dir).
    keep_tree : bool
        Mirror each input's folders below the folder argument it was found in.
    suffix, fmt : str
        The name template after the stem (see check_suffix) and the output format.
    """

    def __init__(self, output_dir: Path | None, keep_tree: bool, suffix: str, fmt: str) -> None:
        self.output_dir = output_dir
        self.keep_tree = keep_tree
        self.suffix = check_suffix(suffix)
        self.fmt = fmt

    def folder_of(self, source: Source) -> Path:
        if self.output_dir is None:
            return source.path.parent
        if self.keep_tree and source.root is not None:
            return self.output_dir / source.path.parent.relative_to(source.root)
        return self.output_dir

    def plan(self, sources: Sequence[Source]) -> list[Planned]:
        """One Planned per source, in order; a stem already planned in the same folder gets
        ``-2``, ``-3``... (the first input keeps the plain name)."""
        taken: set[tuple[str, str]] = set()
        plans = []
        for source in sources:
            folder = self.folder_of(source)
            key = os.path.normcase(os.path.abspath(folder))
            stem, n, number = source.path.stem, 2, ""
            while (key, stem) in taken:
                number, n = f"-{n}", n + 1
                stem = f"{source.path.stem}{number}"
            taken.add((key, stem))
            plans.append(Planned(folder, stem, self.suffix, self.fmt, n > 2, number))
        return plans


def outputs_of_others(
    sources: Sequence[Source], plans: Sequence[Planned], output_dir: Path | None = None
) -> set[int]:
    """Positions of folder-found inputs that are outputs of an earlier run: named as the
    planned output of another input in the same folder (written beside their inputs), or
    inside `output_dir` when that folder lies within the input folder they were found in."""
    found = set()
    if output_dir is not None:
        out = Path(os.path.abspath(output_dir))
        for i, source in enumerate(sources):
            if source.root is None:
                continue
            root = Path(os.path.abspath(source.root))
            inside = Path(os.path.abspath(source.path)).is_relative_to(out)
            if out != root and out.is_relative_to(root) and inside:
                found.add(i)
    patterns: dict[str, list[tuple[int, re.Pattern[str]]]] = {}
    for i, plan in enumerate(plans):
        patterns.setdefault(os.path.abspath(plan.folder), []).append((i, plan.pattern()))
    for i, source in enumerate(sources):
        if source.root is None:
            continue
        here = patterns.get(os.path.abspath(source.path.parent), [])
        if any(j != i and p.fullmatch(source.path.name) for j, p in here):
            found.add(i)
    return found


class Existing:
    """Which planned outputs exist already; folder listings are read once and cached."""

    def __init__(self) -> None:
        self._names: dict[Path, set[str]] = {}

    def _listing(self, folder: Path) -> set[str]:
        if folder not in self._names:
            try:
                self._names[folder] = set(os.listdir(folder))
            except OSError:
                self._names[folder] = set()
        return self._names[folder]

    def find(self, plan: Planned, k: int | None) -> Path | None:
        """The existing output of `plan` at K (any K when `k` is None), or None."""
        names = self._listing(plan.folder)
        if k is not None:
            name = plan.name(k)
            return plan.folder / name if name in names else None
        pattern = plan.pattern()
        matches = sorted(n for n in names if pattern.fullmatch(n))
        return plan.folder / matches[0] if matches else None
