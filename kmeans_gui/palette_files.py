"""Palette files: GIMP .gpl, Adobe .act and a hex/JSON list, written and read back.

RGBA palettes (images with partly transparent pixels) keep their alpha in .gpl (the
"Channels: RGBA" extension Aseprite reads and writes: a fourth column), .json and .txt
(``#rrggbbaa``); an .act file has no place for it (see ``ACT_DROPS_ALPHA``).
"""

from __future__ import annotations

import json
import os
import stat
import struct
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .files import FileProblem, write_atomic

PALETTE_FORMATS = ("gpl", "act", "json", "txt")
"""File extensions: GIMP palette, Adobe Color Table, JSON list, one hex colour per line."""

READ_EXTENSIONS = {"gpl": "gpl", "act": "act", "json": "json", "txt": "txt", "hex": "txt"}
"""Extensions :func:`load_palette` reads, and the format of each (.hex: Lospec's hex list)."""

# A palette file larger than this is not a palette (an .act is 772 bytes, a .gpl of 256 a few KB).
_MAX_FILE_BYTES = 1 << 20


class PaletteFileError(FileProblem):
    """A palette file that cannot be read: ``str()`` names the file and the reason."""


ACT_DROPS_ALPHA = "an .act file cannot hold alpha: the colours were exported without it"


def to_hex(color: np.ndarray | tuple[int, ...]) -> str:
    """``#rrggbb`` for one colour, ``#rrggbbaa`` for an RGBA entry that is not opaque."""
    values = [int(c) for c in color]
    if len(values) == 4 and values[3] == 255:
        values = values[:3]
    return "#" + "".join(f"{v:02x}" for v in values)


def has_alpha(palette: np.ndarray) -> bool:
    """Whether a palette is RGBA with some entry that is not opaque."""
    return palette.shape[1] == 4 and bool(np.any(palette[:, 3] < 255))


def encode_palette(
    palette: np.ndarray, fmt: str, *, name: str = "kmeans_gui", counts: np.ndarray | None = None
) -> bytes:
    """Serialise a palette.

    Parameters
    ----------
    palette : ndarray of shape (n, 3), uint8, 1 <= n <= 256, or (n, 4) straight RGBA
    fmt : one of PALETTE_FORMATS
    name : palette name written into .gpl and .json
    counts : ndarray of shape (n,), optional; pixel counts, written as shares into .json
    """
    palette = _check(palette)
    alpha = has_alpha(palette)
    if not alpha:
        palette = palette[:, :3]
    if fmt == "gpl":
        lines = ["GIMP Palette", f"Name: {name}", f"Columns: {min(len(palette), 16)}"]
        lines += ["Channels: RGBA"] if alpha else []
        lines.append("#")
        lines += [
            " ".join(f"{v:3d}" for v in entry) + f"\t{to_hex(entry)}" for entry in palette.tolist()
        ]
        return ("\n".join(lines) + "\n").encode()
    if fmt == "act":
        table = np.zeros((256, 3), np.uint8)
        table[: len(palette)] = palette[:, :3]
        # 768 bytes of colours, then the colour count and "no transparent index" (0xFFFF).
        return table.tobytes() + struct.pack(">HH", len(palette), 0xFFFF)
    if fmt == "json":
        entries: list[dict[str, object]] = [
            {"hex": to_hex(c), "rgb": c[:3]} | ({"alpha": c[3]} if alpha else {})
            for c in palette.tolist()
        ]
        if counts is not None:
            total = float(np.sum(counts)) or 1.0
            for entry, count in zip(entries, np.asarray(counts).tolist(), strict=True):
                entry["share"] = round(count / total, 6)
        return (json.dumps({"name": name, "colors": entries}, indent=2) + "\n").encode()
    if fmt == "txt":
        return ("\n".join(to_hex(c) for c in palette) + "\n").encode()
    raise ValueError(f"fmt={fmt!r} is not one of {', '.join(PALETTE_FORMATS)}")


def load_palette(path: str | os.PathLike[str]) -> np.ndarray:
    """Read a palette file (.gpl, .act, .json, .txt or .hex), the format by its extension.

    Returns
    -------
    palette : ndarray of shape (n, 3), uint8, 1 <= n <= 256, or (n, 4) RGBA when the file
        holds alpha

    Raises
    ------
    PaletteFileError naming the file and the reason (unknown extension, unreadable, not in
    the format, no colours, more than 256, a value out of range)
    """
    fmt = READ_EXTENSIONS.get(Path(path).suffix.lower().lstrip("."))
    if fmt is None:
        known = ", ".join("." + ext for ext in READ_EXTENSIONS)
        raise PaletteFileError(path, f"not a palette file: its extension is not one of {known}")
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a pipe or a device would never end
            raise PaletteFileError(path, "is not a regular file: not a palette")
        with open(path, "rb") as stream:
            data = stream.read(_MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise PaletteFileError(path, f"cannot be read: {exc.strerror or exc}") from exc
    if len(data) > _MAX_FILE_BYTES:
        raise PaletteFileError(path, "is larger than 1 MB: not a palette")
    try:
        palette = decode_palette(data, fmt)
    except (ValueError, KeyError, TypeError, IndexError, OverflowError) as exc:
        reason = exc.args[0] if isinstance(exc, ValueError) and exc.args else "bad contents"
        raise PaletteFileError(path, f"not a readable {fmt} palette: {reason}") from exc
    if palette.shape[0] == 0:
        raise PaletteFileError(path, "holds no colours")
    if palette.shape[0] > 256:
        raise PaletteFileError(path, f"holds {palette.shape[0]} colours; at most 256 fit")
    return palette


def decode_palette(data: bytes, fmt: str) -> np.ndarray:
    """Read a palette written by :func:`encode_palette` (or another program) back.

    Returns
    -------
    palette : ndarray of shape (n, 3), uint8, or (n, 4) RGBA when the file holds alpha

    Raises
    ------
    ValueError saying what is wrong (also for values outside 0..255)
    """
    if fmt == "gpl":
        text = data.decode("utf-8", "replace").splitlines()
        if not text or text[0].strip() != "GIMP Palette":
            raise ValueError("not a GIMP palette: the first line is not 'GIMP Palette'")
        channels = 4 if any(ln.strip() == "Channels: RGBA" for ln in text[1:5]) else 3
        colours = []
        for line in text[1:]:
            parts = line.split()
            if len(parts) >= channels and all(p.isdigit() for p in parts[:channels]):
                colours.append([int(p) for p in parts[:channels]])
        return _bytes(colours, channels)
    if fmt == "act":
        if len(data) not in (768, 772):
            raise ValueError(f"an .act file has 768 or 772 bytes, not {len(data)}")
        table = np.frombuffer(data[:768], np.uint8).reshape(256, 3)
        count = struct.unpack(">H", data[768:770])[0] if len(data) == 772 else 256
        return table[:count].copy()
    if fmt == "json":
        try:
            entries = json.loads(data)["colors"]
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise ValueError("not JSON") from None
        except (KeyError, TypeError):
            raise ValueError('no "colors" list') from None
        if not isinstance(entries, list) or not all(
            isinstance(e, dict) and isinstance(e.get("rgb"), list) and len(e["rgb"]) == 3
            for e in entries
        ):
            raise ValueError('every colour should have an "rgb" list of three numbers')
        if any("alpha" in e for e in entries):
            return _bytes([[*e["rgb"], e.get("alpha", 255)] for e in entries], 4)
        return _bytes([e["rgb"] for e in entries], 3)
    if fmt == "txt":
        text = data.decode("utf-8", "replace").splitlines()
        # Comment lines (";" or "//") and blank lines are skipped.
        lines = [ln.strip().lstrip("#") for ln in text]
        lines = [h for h in lines if h and not h.startswith((";", "//"))]
        for h in lines:
            if len(h) not in (6, 8) or any(c not in "0123456789abcdefABCDEF" for c in h):
                raise ValueError(f"{h[:20]!r} is not a hex colour (rrggbb or rrggbbaa)")
        if any(len(h) == 8 for h in lines):
            lines = [h if len(h) == 8 else h + "ff" for h in lines]
            return _bytes([[int(h[i : i + 2], 16) for i in (0, 2, 4, 6)] for h in lines], 4)
        return _bytes([[int(h[i : i + 2], 16) for i in (0, 2, 4)] for h in lines], 3)
    raise ValueError(f"fmt={fmt!r} is not one of {', '.join(PALETTE_FORMATS)}")


def save_palette(
    path: str | os.PathLike[str], palette: np.ndarray, *, counts: np.ndarray | None = None
) -> Path:
    """Write a palette file atomically; the format follows the extension (.gpl .act .json .txt)."""
    target = Path(path)
    fmt = target.suffix.lower().lstrip(".")
    write_atomic(target, encode_palette(palette, fmt, name=target.stem, counts=counts))
    return target


def _bytes(colours: Sequence[Sequence[object]], channels: int) -> np.ndarray:
    """Colour rows as an (n, channels) uint8 array; ValueError for a value not in 0..255."""
    for row in colours:
        for value in row:
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 255:
                raise ValueError(f"{value!r} is not a whole number in 0..255")
    return np.array(colours, np.uint8).reshape(-1, channels)


def _check(palette: np.ndarray) -> np.ndarray:
    palette = np.asarray(palette)
    if palette.ndim != 2 or palette.shape[1] not in (3, 4) or not 1 <= palette.shape[0] <= 256:
        raise ValueError(
            f"palette should have shape (n, 3) or (n, 4) with n in 1..256, got {palette.shape}"
        )
    return palette.astype(np.uint8)
