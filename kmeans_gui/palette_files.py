"""Palette files: GIMP .gpl, Adobe .act and a hex/JSON list, written and read back.

RGBA palettes (images with partly transparent pixels) keep their alpha in .gpl (the
"Channels: RGBA" extension Aseprite reads and writes: a fourth column), .json and .txt
(``#rrggbbaa``); an .act file has no place for it (see ``ACT_DROPS_ALPHA``).
"""

from __future__ import annotations

import json
import os
import struct
from pathlib import Path

import numpy as np

from .files import write_atomic

PALETTE_FORMATS = ("gpl", "act", "json", "txt")
"""File extensions: GIMP palette, Adobe Color Table, JSON list, one hex colour per line."""


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


def decode_palette(data: bytes, fmt: str) -> np.ndarray:
    """Read a palette written by :func:`encode_palette` (or another program) back.

    Returns
    -------
    palette : ndarray of shape (n, 3), uint8, or (n, 4) RGBA when the file holds alpha
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
        return np.array(colours, np.uint8).reshape(-1, channels)
    if fmt == "act":
        if len(data) not in (768, 772):
            raise ValueError(f"an .act file has 768 or 772 bytes, not {len(data)}")
        table = np.frombuffer(data[:768], np.uint8).reshape(256, 3)
        count = struct.unpack(">H", data[768:770])[0] if len(data) == 772 else 256
        return table[:count].copy()
    if fmt == "json":
        entries = json.loads(data)["colors"]
        if any("alpha" in e for e in entries):
            rgba = [[*e["rgb"], e.get("alpha", 255)] for e in entries]
            return np.array(rgba, np.uint8).reshape(-1, 4)
        return np.array([e["rgb"] for e in entries], np.uint8).reshape(-1, 3)
    if fmt == "txt":
        lines = [ln.strip().lstrip("#") for ln in data.decode().splitlines() if ln.strip()]
        if any(len(h) == 8 for h in lines):
            lines = [h if len(h) == 8 else h + "ff" for h in lines]
            return np.array(
                [[int(h[i : i + 2], 16) for i in (0, 2, 4, 6)] for h in lines], np.uint8
            )
        return np.array([[int(h[i : i + 2], 16) for i in (0, 2, 4)] for h in lines], np.uint8)
    raise ValueError(f"fmt={fmt!r} is not one of {', '.join(PALETTE_FORMATS)}")


def save_palette(
    path: str | os.PathLike[str], palette: np.ndarray, *, counts: np.ndarray | None = None
) -> Path:
    """Write a palette file atomically; the format follows the extension (.gpl .act .json .txt)."""
    target = Path(path)
    fmt = target.suffix.lower().lstrip(".")
    write_atomic(target, encode_palette(palette, fmt, name=target.stem, counts=counts))
    return target


def _check(palette: np.ndarray) -> np.ndarray:
    palette = np.asarray(palette)
    if palette.ndim != 2 or palette.shape[1] not in (3, 4) or not 1 <= palette.shape[0] <= 256:
        raise ValueError(
            f"palette should have shape (n, 3) or (n, 4) with n in 1..256, got {palette.shape}"
        )
    return palette.astype(np.uint8)
