"""Save effort "max": a palette PNG rewritten smaller, the same pixels, more CPU.

The fast writer (png.py: zlib-ng level 9 in strips on every core) makes the files of the
live preview and the K grid. For a file saved once, ``smallest_png`` rewrites its image data
(``deflate_rows`` makes it from the indices alone, so it can start before the fast file is
written; ``with_rows`` puts it into that file):

- **deflate**: libdeflate at level 12 (its near-optimal parsing), in one stream;
- **rows**: packed rows unfiltered, or filtered row by row (each row's PNG filter chosen by
  the smallest sum of absolute values, as libpng does) with the palette reordered, or 8-bit
  rows for fewer than 256 entries: whichever a sample of rows (16 of every 128, deflated at
  level 9) deflates smallest;
- **palette order**: only for filtered rows (unfiltered deflate does not depend on which
  number a colour has): by luminance, or by neighbour similarity (start from the most used
  entry, then repeatedly the unplaced entry most often found next to the last one placed,
  counted on the sampled rows); both are tried. Luminance won where filtered rows won
  (textures, dark photos at K = 64).

Every other chunk (IHDR but for its bit depth, iCCP, tRNS permuted with the palette, any
metadata) is kept as it was. Measured choices and rejected options (oxipng, zopfli):
benchmarks/TRIED.md and "Save effort" in benchmarks/RESULTS.md.
"""

from __future__ import annotations

import os
import struct
import zlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import deflate
import numpy as np

from .png import adaptive_filter, bit_depth, scanlines

__all__ = [
    "EFFORTS",
    "LEVEL",
    "PALETTE_ORDERS",
    "ROWS",
    "DeflatedRows",
    "deflate_rows",
    "entry_alpha",
    "luminance_order",
    "neighbour_order",
    "smallest_png",
    "with_rows",
]

EFFORTS: tuple[str, ...] = ("fast", "max")
"""Save efforts: "fast" is png.py's writer, "max" this module's."""

LEVEL = 12
"""libdeflate level of the stream kept (12: its slowest and smallest)."""

ROWS: tuple[str, ...] = ("packed", "filtered", "8-bit")
"""How rows may be written: packed unfiltered, packed filtered (palette reordered), 8-bit."""

PALETTE_ORDERS: tuple[str, ...] = ("luminance", "neighbour")
"""Palette orders tried for filtered rows."""

_SAMPLE_PERIOD, _SAMPLE_ROWS, _SAMPLE_LEVEL = 128, 16, 9
_IDAT_BYTES = 1 << 18
_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_INDEXED_BY_ENTRY = {b"bKGD", b"hIST", b"sPLT"}  # chunks that name palette entries


def luminance_order(indices: np.ndarray, palette: np.ndarray) -> np.ndarray:
    """The palette entries from dark to light (BT.601 luma), ``order[new] = old``."""
    luma = palette.astype(np.float64) @ np.array([0.299, 0.587, 0.114])
    return np.argsort(luma, kind="stable")


def neighbour_order(indices: np.ndarray, palette: np.ndarray) -> np.ndarray:
    """An order of the palette entries that puts entries often side by side next to each other.

    Parameters
    ----------
    indices : ndarray of shape (H, W), uint8
    palette : ndarray of shape (n_entries, 3), uint8

    Returns
    -------
    ndarray of shape (n_entries,), intp: ``order[new] = old`` entry.
    """
    n_entries = palette.shape[0]
    pairs = np.zeros((n_entries, n_entries), np.int64)
    for a, b in ((indices[:, :-1], indices[:, 1:]), (indices[:-1], indices[1:])):
        codes = a.astype(np.intp) * n_entries + b
        pairs += np.bincount(codes.ravel(), minlength=n_entries * n_entries).reshape(
            n_entries, n_entries
        )
    pairs += pairs.T
    np.fill_diagonal(pairs, -1)
    use = np.bincount(indices.ravel(), minlength=n_entries)
    order = [int(np.argmax(use))]
    placed = np.zeros(n_entries, bool)
    placed[order[0]] = True
    for _ in range(n_entries - 1):
        score = np.where(placed, -2, pairs[order[-1]])
        best = np.flatnonzero(score == score.max())
        order.append(int(best[np.argmax(use[best])]))  # ties: the most used
        placed[order[-1]] = True
    return np.array(order, np.intp)


def _chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """(kind, body) of every chunk of a PNG file."""
    if not data.startswith(_SIGNATURE):
        raise ValueError("not a PNG file")
    chunks, at = [], len(_SIGNATURE)
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        chunks.append((data[at + 4 : at + 8], data[at + 8 : at + 8 + length]))
        at += 12 + length
    return chunks


def entry_alpha(data: bytes, n_entries: int) -> np.ndarray:
    """The alpha of each palette entry of a PNG file (its tRNS chunk; 255 without one).

    Returns ndarray of shape (n_entries,), uint8.
    """
    alpha = np.full(n_entries, 255, np.uint8)
    for kind, body in _chunks(data):
        if kind == b"tRNS":
            values = np.frombuffer(body, np.uint8)[:n_entries]
            alpha[: values.size] = values
    return alpha


def _chunk(kind: bytes, body: bytes) -> bytes:
    crc = zlib.crc32(body, zlib.crc32(kind))
    return b"".join([struct.pack(">I", len(body)), kind, body, struct.pack(">I", crc)])


def _filtered(lines: np.ndarray, skip_first: bool) -> np.ndarray:
    """Rows filtered adaptively (png.adaptive_filter), 256 at a time; with `skip_first`, the
    first row only serves as the row above the others and is left out."""
    out = np.empty_like(lines)
    for top in range(0, lines.shape[0], 256):
        previous = lines[top - 1, 1:] if top else None
        out[top : top + 256] = adaptive_filter(lines[top : top + 256], previous)
    return out[1:] if skip_first else out


@dataclass(frozen=True)
class DeflatedRows:
    """The image data of an effort max file: the zlib stream of its rows, their bit depth, and
    the palette order they index (``order[new] = old``), or None for the file's own order."""

    stream: bytes
    depth: int
    order: np.ndarray | None


def deflate_rows(
    palette: np.ndarray,
    indices: np.ndarray,
    *,
    reorderable: bool = True,
    rows: str | None = None,
    palette_order: str | None = None,
) -> DeflatedRows:
    """The rows of a palette image written as small as this module can (the module says how).

    libdeflate releases the GIL, so the caller may run this in a thread beside other work
    (``effort.start_max_rows``); the samples are deflated on two threads.

    Parameters
    ----------
    palette : ndarray of shape (n_entries, 3), uint8
        The palette as the file holds it (PLTE).
    indices : ndarray of shape (H, W), uint8
        Every pixel's palette entry.
    reorderable : bool, default True
        Whether filtered rows may reorder the palette (False when the file has chunks that
        name palette entries).
    rows : {"packed", "filtered", "8-bit"}, optional
        Write the rows this way; by default, whichever of `ROWS` deflates a sample of rows
        smallest.
    palette_order : {"luminance", "neighbour"}, optional
        The palette order of filtered rows; by default both are tried.
    """
    n = palette.shape[0]
    bits = bit_depth(n)
    wanted = ROWS if rows is None else (rows,)
    height = indices.shape[0]
    bands = [(top, min(top + _SAMPLE_ROWS, height)) for top in range(0, height, _SAMPLE_PERIOD)]
    # (palette order or None, bit depth, the rows' bytes of rows[start:stop] of the image)
    candidates: list[tuple[np.ndarray | None, int, Callable[[int, int], np.ndarray]]] = []
    if "packed" in wanted:
        candidates.append((None, bits, lambda a, b: scanlines(indices[a:b], bits)))
    orders = PALETTE_ORDERS if palette_order is None else (palette_order,)
    if "filtered" in wanted and reorderable and n > 1:
        # the neighbour order counts the sampled rows' neighbours: 1/8 of the work
        sampled = np.concatenate([indices[a:b] for a, b in bands])
        for name in orders:
            reorder = (neighbour_order if name == "neighbour" else luminance_order)(
                sampled, palette
            )
            new_of_old = np.empty(n, np.uint8)
            new_of_old[reorder] = np.arange(n, dtype=np.uint8)

            def filtered(start: int, stop: int, new_of_old: np.ndarray = new_of_old) -> np.ndarray:
                first = max(start - 1, 0)  # the row above, which the filters look at
                lines = scanlines(new_of_old[indices[first:stop]], bits)
                return _filtered(lines, first < start)

            candidates.append((reorder, bits, filtered))
    if "8-bit" in wanted and bits < 8:
        candidates.append((None, 8, lambda a, b: scanlines(indices[a:b], 8)))
    if not candidates:
        raise ValueError(f"rows={rows!r} cannot be written for this file")
    if len(candidates) > 1:

        def sample_size(make: Callable[[int, int], np.ndarray]) -> int:
            sample = b"".join(make(a, b).tobytes() for a, b in bands)
            return len(deflate.zlib_compress(sample, _SAMPLE_LEVEL))

        with ThreadPoolExecutor(max_workers=min(2, os.cpu_count() or 1)) as pool:
            sizes = list(pool.map(sample_size, [make for _, _, make in candidates]))
        candidates = [candidates[int(np.argmin(sizes))]]
    order, depth, make = candidates[0]
    stream = bytes(deflate.zlib_compress(make(0, height).tobytes(), LEVEL))
    return DeflatedRows(stream, depth, order)


def with_rows(data: bytes, rows: DeflatedRows) -> bytes:
    """``data``, a palette PNG file, with its image data replaced by `rows` (its palette and
    tRNS reordered with them); every other chunk is kept as it was.

    Raises ValueError when the file is not a palette PNG of that many entries, or when `rows`
    reorder the palette and the file has chunks that name palette entries.
    """
    chunks = _chunks(data)
    header = chunks[0][1]
    if chunks[0][0] != b"IHDR" or header[9] != 3:
        raise ValueError("not a palette PNG file")
    palette = next(np.frombuffer(b, np.uint8).reshape(-1, 3) for k, b in chunks if k == b"PLTE")
    n, order = palette.shape[0], rows.order
    if order is not None and (
        order.shape != (n,) or any(kind in _INDEXED_BY_ENTRY for kind, _ in chunks)
    ):
        raise ValueError("the palette of this file cannot be reordered so")
    stream = rows.stream
    out = [_SIGNATURE]
    for kind, body in chunks:
        if kind == b"IHDR":
            body = body[:8] + bytes([rows.depth]) + body[9:]
        elif kind == b"PLTE" and order is not None:
            body = palette[order].tobytes()
        elif kind == b"tRNS" and order is not None:
            alpha = np.full(n, 255, np.uint8)
            alpha[: len(body)] = np.frombuffer(body, np.uint8)
            body = alpha[order].tobytes().rstrip(b"\xff") or b"\xff"
        elif kind == b"IDAT":
            if stream:
                out += [
                    _chunk(b"IDAT", stream[at : at + _IDAT_BYTES])
                    for at in range(0, len(stream), _IDAT_BYTES)
                ]
                stream = b""
            continue
        out.append(_chunk(kind, body))
    return b"".join(out)


def smallest_png(
    data: bytes,
    indices: np.ndarray,
    *,
    rows: str | None = None,
    palette_order: str | None = None,
) -> bytes:
    """``data``, a palette PNG file, with its image data written as small as this module can.

    Parameters
    ----------
    data : bytes
        A palette PNG (colour type 3) as png.py writes it.
    indices : ndarray of shape (H, W), uint8
        Its pixels' palette entries, as decoded from it.
    rows, palette_order : see :func:`deflate_rows`

    Returns
    -------
    bytes
        A PNG file of the same pixels (the caller checks that, and keeps the smaller file).
    """
    chunks = _chunks(data)
    if chunks[0][0] != b"IHDR" or chunks[0][1][9] != 3:
        raise ValueError("not a palette PNG file")
    palette = next(np.frombuffer(b, np.uint8).reshape(-1, 3) for k, b in chunks if k == b"PLTE")
    reorderable = not any(kind in _INDEXED_BY_ENTRY for kind, _ in chunks)
    deflated = deflate_rows(
        palette, indices, reorderable=reorderable, rows=rows, palette_order=palette_order
    )
    return with_rows(data, deflated)
