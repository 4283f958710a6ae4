"""Palette files: GIMP .gpl, Adobe .act and a hex/JSON list, written and read back."""

from __future__ import annotations

import json
import os
import struct
from pathlib import Path

import numpy as np

from .files import write_atomic

PALETTE_FORMATS = ("gpl", "act", "json", "txt")
"""File extensions: GIMP palette, Adobe Color Table, JSON list, one hex colour per line."""


def to_hex(color: np.ndarray | tuple[int, int, int]) -> str:
    """``#rrggbb`` for one colour."""
    r, g, b = (int(c) for c in color)
    return f"#{r:02x}{g:02x}{b:02x}"


def encode_palette(
    palette: np.ndarray, fmt: str, *, name: str = "kmeans_gui", counts: np.ndarray | None = None
) -> bytes:
    """Serialise a palette.

    Parameters
    ----------
    palette : ndarray of shape (n, 3), uint8, 1 <= n <= 256
    fmt : one of PALETTE_FORMATS
    name : palette name written into .gpl and .json
    counts : ndarray of shape (n,), optional; pixel counts, written as shares into .json
    """
    palette = _check(palette)
    if fmt == "gpl":
        lines = ["GIMP Palette", f"Name: {name}", f"Columns: {min(len(palette), 16)}", "#"]
        lines += [f"{r:3d} {g:3d} {b:3d}\t{to_hex((r, g, b))}" for r, g, b in palette.tolist()]
        return ("\n".join(lines) + "\n").encode()
    if fmt == "act":
        table = np.zeros((256, 3), np.uint8)
        table[: len(palette)] = palette
        # 768 bytes of colours, then the colour count and "no transparent index" (0xFFFF).
        return table.tobytes() + struct.pack(">HH", len(palette), 0xFFFF)
    if fmt == "json":
        entries: list[dict[str, object]] = [{"hex": to_hex(c), "rgb": c} for c in palette.tolist()]
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
    palette : ndarray of shape (n, 3), uint8
    """
    if fmt == "gpl":
        text = data.decode("utf-8", "replace").splitlines()
        if not text or text[0].strip() != "GIMP Palette":
            raise ValueError("not a GIMP palette: the first line is not 'GIMP Palette'")
        colours = []
        for line in text[1:]:
            parts = line.split()
            if len(parts) >= 3 and all(p.isdigit() for p in parts[:3]):
                colours.append([int(p) for p in parts[:3]])
        return np.array(colours, np.uint8).reshape(-1, 3)
    if fmt == "act":
        if len(data) not in (768, 772):
            raise ValueError(f"an .act file has 768 or 772 bytes, not {len(data)}")
        table = np.frombuffer(data[:768], np.uint8).reshape(256, 3)
        count = struct.unpack(">H", data[768:770])[0] if len(data) == 772 else 256
        return table[:count].copy()
    if fmt == "json":
        entries = json.loads(data)["colors"]
        return np.array([e["rgb"] for e in entries], np.uint8).reshape(-1, 3)
    if fmt == "txt":
        lines = [ln.strip().lstrip("#") for ln in data.decode().splitlines() if ln.strip()]
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
    if palette.ndim != 2 or palette.shape[1] != 3 or not 1 <= palette.shape[0] <= 256:
        raise ValueError(f"palette should have shape (n, 3) with n in 1..256, got {palette.shape}")
    return palette.astype(np.uint8)
