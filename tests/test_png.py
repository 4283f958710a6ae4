"""Tests for kmeans_gui.imaging.png: scanline packing, the strip-wise deflate, the chunks."""

from __future__ import annotations

import io
import struct
import zlib

import numpy as np
import pytest
from PIL import Image

from kmeans_gui.imaging import png


def chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """(type, data) of every chunk of a PNG file, checking each CRC."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    found, pos = [], 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length : pos + 12 + length])
        assert crc == zlib.crc32(body, zlib.crc32(kind))
        found.append((kind, body))
        pos += 12 + length
    return found


@pytest.mark.parametrize(("n", "bits"), [(1, 1), (2, 1), (3, 2), (4, 2), (5, 4), (16, 4), (17, 8)])
def test_bit_depth(n: int, bits: int) -> None:
    assert png.bit_depth(n) == bits


@pytest.mark.parametrize("bits", [1, 2, 4, 8])
@pytest.mark.parametrize("width", [1, 3, 7, 8, 9, 33])
def test_scanlines_match_pillows_packing(bits: int, width: int) -> None:
    indices = np.random.default_rng(width).integers(0, 1 << bits, (5, width), dtype=np.uint8)
    rawmode = {1: "P;1", 2: "P;2", 4: "P;4", 8: "P"}[bits]
    lines = png.scanlines(indices, bits)
    assert lines.shape == (5, 1 + -(-width * bits // 8))
    assert not lines[:, 0].any()  # filter type None on every row
    unpacked = Image.frombytes("P", (width, 5), lines[:, 1:].tobytes(), "raw", rawmode)
    np.testing.assert_array_equal(np.asarray(unpacked), indices)


@pytest.mark.parametrize("size", [0, 1, 1000, png.MIN_STRIP_BYTES * 3 + 17, 5_000_000])
def test_deflate_is_one_zlib_stream(size: int) -> None:
    rng = np.random.default_rng(size)
    data = (rng.integers(0, 4, size, dtype=np.uint8) * (rng.random(size) < 0.3)).tobytes()
    stream = png.deflate(data)
    assert zlib.decompress(stream) == data  # zlib checks the header and the Adler-32


def test_deflate_does_not_depend_on_the_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    data = np.random.default_rng(0).integers(0, 3, 4_000_000, dtype=np.uint8).tobytes()
    many = png.deflate(data)
    monkeypatch.setattr(png.os, "cpu_count", lambda: 1)
    assert png.deflate(data) == many


def test_strips_cost_little() -> None:
    """Eight strips (each primed with the previous 32 KB) against one whole stream."""
    y, x = np.mgrid[0:1000, 0:3000]
    data = ((x // 9 + y // 13 + (x * y) // 1031) % 16).astype(np.uint8).tobytes()
    whole = zlib.compress(data, 9)
    stripped = png.deflate(data)
    assert len(stripped) < len(whole) * 1.01


def test_palette_png_chunks() -> None:
    palette = np.array([[1, 2, 3], [4, 5, 6], [7, 8, 9]], np.uint8)
    indices = np.array([[0, 1, 2, 1, 0]], np.uint8)
    data = png.palette_png(palette, indices, transparent_index=2, icc_profile=b"profile")
    found = chunks(data)
    assert [kind for kind, _ in found] == [b"IHDR", b"iCCP", b"PLTE", b"tRNS", b"IDAT", b"IEND"]
    assert found[0][1] == struct.pack(">IIBBBBB", 5, 1, 2, 3, 0, 0, 0)
    assert found[1][1].startswith(b"ICC Profile\0\0")
    assert zlib.decompress(found[1][1][13:]) == b"profile"
    assert found[2][1] == palette.tobytes()
    assert found[3][1] == b"\xff\xff\0"
    with Image.open(io.BytesIO(data)) as im:
        assert im.info["icc_profile"] == b"profile" and im.info["transparency"] == 2
        np.testing.assert_array_equal(np.asarray(im), indices)


def test_large_image_round_trip_in_several_idat_chunks() -> None:
    rng = np.random.default_rng(7)
    palette = rng.integers(0, 256, (200, 3), dtype=np.uint8)
    indices = rng.integers(0, 200, (900, 1100), dtype=np.uint8)
    data = png.palette_png(palette, indices)
    assert sum(kind == b"IDAT" for kind, _ in chunks(data)) > 1
    with Image.open(io.BytesIO(data)) as im:
        np.testing.assert_array_equal(np.asarray(im), indices)


def _textured(height: int, width: int, k: int) -> np.ndarray:
    """Indices with vertical structure and noise, where filters matter."""
    rng = np.random.default_rng(height + width + k)
    y, x = np.mgrid[0:height, 0:width]
    field = (x // 3 + (y // 40) * 5 + (rng.random((height, width)) < 0.1)) % k
    return field.astype(np.uint8)


@pytest.mark.parametrize("method", png.PACKED_METHODS)
def test_every_packed_method_round_trips(monkeypatch: pytest.MonkeyPatch, method) -> None:
    """An image large enough to be sampled, filtered in several bands of rows."""
    monkeypatch.setattr(png, "PACKED_METHODS", (method,))
    indices = _textured(700, 3001, 4)  # 2-bit rows of 751 bytes: 0.5 MB
    assert png.scanlines(indices, 2).nbytes >= png.EXACT_BYTES
    palette = np.arange(12, dtype=np.uint8).reshape(4, 3) * 20
    data = png.palette_png(palette, indices)
    rows = zlib.decompress(b"".join(body for kind, body in chunks(data) if kind == b"IDAT"))
    filters = np.frombuffer(rows, np.uint8).reshape(700, -1)[:, 0]
    assert (filters == 0).all() != method[0]  # adaptive filtering used some filter
    with Image.open(io.BytesIO(data)) as im:
        np.testing.assert_array_equal(np.asarray(im), indices)


def test_adaptive_filter_continues_from_the_row_above() -> None:
    lines = png.scanlines(_textured(40, 101, 16), 4)
    whole = png.adaptive_filter(lines)
    np.testing.assert_array_equal(png.adaptive_filter(lines[17:], lines[16, 1:]), whole[17:])


def test_small_packed_images_get_the_smallest_method(monkeypatch: pytest.MonkeyPatch) -> None:
    indices = _textured(120, 500, 4)
    palette = np.arange(12, dtype=np.uint8).reshape(4, 3)
    best = png.palette_png(palette, indices)
    for method in png.PACKED_METHODS:
        monkeypatch.setattr(png, "PACKED_METHODS", (method,))
        assert len(best) <= len(png.palette_png(palette, indices))
