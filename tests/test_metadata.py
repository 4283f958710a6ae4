"""Photo metadata (issue #15): EXIF, XMP and PNG text carried into PNG and WebP, filtered per
mode, bounded in size, and never a reason for an image to fail. Real files, read back by Pillow."""

from __future__ import annotations

import io
import os
import struct
import tracemalloc
import zlib
from pathlib import Path
from xml.etree import ElementTree

import numpy as np
import pytest
from camera_photos import (
    DATE_TAKEN,
    EXIF_IFD,
    GPS_IFD,
    IFD1,
    MAKE,
    MODEL,
    ORIENTATION,
    QUADRANTS,
    TAKEN,
    XMP,
    XMP_WITH_GPS,
    camera_exif,
    camera_photo,
    upright,
)
from PIL import ExifTags, Image, PngImagePlugin

from kmeans_gui import metadata
from kmeans_gui.cli import main
from kmeans_gui.compress import Options, compress, compress_file, save
from kmeans_gui.imaging import load_image
from kmeans_gui.metadata import GIF_NOTICE, MAX_EXIF_BYTES, MAX_TEXT_BYTES, MAX_XMP_BYTES


def read_back(path: Path) -> tuple[Image.Exif, bytes | None, np.ndarray]:
    with Image.open(path) as im:
        im.load()
        return im.getexif(), im.info.get("xmp"), np.asarray(im.convert("RGB"))


def assert_upright(pixels: np.ndarray) -> None:
    assert pixels.shape == (24, 40, 3)
    for (top, left), colour in zip([(6, 10), (6, 30), (18, 10), (18, 30)], QUADRANTS, strict=True):
        assert np.abs(pixels[top, left].astype(int) - colour).max() <= 12


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_with_chunks(path: Path, *chunks: bytes) -> Path:
    """A PNG of the upright image with `chunks` put in before its image data."""
    buffer = io.BytesIO()
    Image.fromarray(upright()).save(buffer, "PNG")
    data = buffer.getvalue()
    at = data.index(b"IDAT") - 4
    path.write_bytes(data[:at] + b"".join(chunks) + data[at:])
    return path


def png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    pos, found = 8, []
    while pos < len(data):
        (length,) = struct.unpack_from(">I", data, pos)
        found.append((data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]))
        pos += 12 + length
    return found


# -- EXIF ------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["png", "webp"])
@pytest.mark.parametrize("mode", ["keep", "no-location"])
def test_camera_exif_round_trips_upright(tmp_path, fmt, mode):
    src = camera_photo(tmp_path / "photo.jpg")
    result = compress_file(src, Options(k=4, fmt=fmt, metadata=mode))
    out = save(result, tmp_path / f"out.{fmt}")
    exif, _, pixels = read_back(out)
    assert exif[ExifTags.Base.Make] == MAKE and exif[ExifTags.Base.Model] == MODEL
    assert exif.get_ifd(EXIF_IFD)[DATE_TAKEN] == TAKEN
    assert exif[ORIENTATION] == 1
    assert_upright(pixels)  # the pixels were turned; the tag no longer turns them again
    # the pixel dimensions follow the turned image (stored 24 x 40, upright 40 x 24)
    assert exif.get_ifd(EXIF_IFD)[ExifTags.Base.ExifImageWidth] == 40
    assert exif.get_ifd(EXIF_IFD)[ExifTags.Base.ExifImageHeight] == 24
    location = exif.get_ifd(GPS_IFD)
    if mode == "keep":
        assert location[ExifTags.GPS.GPSLatitude] == (48.0, 51.0, 30.0)
        assert result.metadata == "EXIF"
    else:
        assert location == {} and GPS_IFD not in exif
        assert result.metadata == "EXIF; GPS location removed"
    assert result.stats.output_bytes == out.stat().st_size  # the figures include the metadata


@pytest.mark.parametrize("fmt", ["png", "webp"])
def test_strip_writes_no_metadata_but_keeps_the_colour_profile(tmp_path, fmt):
    from PIL import ImageCms

    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    src = camera_photo(tmp_path / "photo.png", "PNG", icc_profile=icc)
    result = compress_file(src, Options(k=4, fmt=fmt, metadata="strip"))
    out = save(result, tmp_path / f"out.{fmt}")
    exif, xmp, pixels = read_back(out)
    assert len(exif) == 0 and xmp is None
    with Image.open(out) as im:
        assert im.info.get("icc_profile") == icc
    assert_upright(pixels)
    assert result.metadata == "colour profile; metadata stripped"


def test_a_photo_without_metadata_says_none(tmp_path):
    src = tmp_path / "plain.png"
    Image.fromarray(upright()).save(src)
    result = compress_file(src, Options(k=4))
    assert result.metadata == "none"
    assert not any(kind in (b"eXIf", b"iTXt") for kind, _ in png_chunks(result.encoded))


def test_the_embedded_thumbnail_is_dropped(tmp_path):
    thumb = io.BytesIO()
    Image.new("RGB", (16, 16), "red").save(thumb, "JPEG")
    thumbnail = thumb.getvalue()
    tiff = camera_exif(gps=False).tobytes()[6:]
    # Append IFD1 (the thumbnail's directory) and the thumbnail; link IFD0 to it.
    order = "<" if tiff.startswith(b"II") else ">"
    (count,) = struct.unpack_from(order + "H", tiff, 8)
    next_at = 8 + 2 + 12 * count
    ifd1_at = len(tiff)
    entries = [(259, 3, 1, 6 << 16 if order == ">" else 6),
               (513, 4, 1, ifd1_at + 2 + 3 * 12 + 4), (514, 4, 1, len(thumbnail))]  # fmt: skip
    ifd1 = struct.pack(order + "H", 3) + b"".join(struct.pack(order + "HHII", *e) for e in entries)
    tiff = tiff[:next_at] + struct.pack(order + "I", ifd1_at) + tiff[next_at + 4 :]
    raw = b"Exif\0\0" + tiff + ifd1 + b"\0\0\0\0" + thumbnail
    src = camera_photo(tmp_path / "thumb.jpg", exif=raw)
    with Image.open(src) as im:
        assert im.getexif().get_ifd(IFD1)[514] == len(thumbnail)  # the input has one
    out = save(compress_file(src, Options(k=4, metadata="keep")), tmp_path / "out.png")
    exif, _, _ = read_back(out)
    assert exif[ExifTags.Base.Model] == MODEL and exif[ORIENTATION] == 1
    assert exif.get_ifd(IFD1) == {}
    assert thumbnail[2:200] not in out.read_bytes()


def test_tiff_storage_tags_are_not_carried(tmp_path):
    src = camera_photo(tmp_path / "photo.tif", "TIFF", compression="tiff_lzw")
    result = compress_file(src, Options(k=4, fmt="webp", metadata="keep"))
    exif, _, pixels = read_back(save(result, tmp_path / "out.webp"))
    # Pillow turns such a TIFF upright itself while decoding, and drops its orientation tag
    assert exif[ExifTags.Base.Make] == MAKE and exif[ExifTags.Base.Model] == MODEL
    assert exif.get(ORIENTATION, 1) == 1
    for tag in (256, 257, 259, 273, 279):  # width, height, compression, strips
        assert tag not in exif
    assert_upright(pixels)


@pytest.mark.parametrize(
    "raw",
    [b"Exif\0\0this is not a TIFF header at all", b"Exif\0\0II*\0\xff\xff\xff\x7f" + b"\0" * 20],
    ids=["bad header", "IFD beyond the data"],
)
def test_malformed_exif_is_dropped_with_a_notice_and_the_image_written(tmp_path, raw, capsys):
    src = camera_photo(tmp_path / "bad.jpg", exif=raw)
    image = load_image(src)
    assert "the EXIF data are malformed: not kept" in image.notices
    assert image.metadata.exif is None
    result = compress(image, Options(k=4, fmt="png", metadata="keep"))
    assert "the EXIF data are malformed: not kept" in result.notices
    assert not any(kind == b"eXIf" for kind, _ in png_chunks(result.encoded))
    out_dir = tmp_path / "out"
    assert main([str(src), "-k", "4", "-o", str(out_dir), "--metadata", "keep"]) == 0
    assert "bad.jpg: note: the EXIF data are malformed: not kept" in capsys.readouterr().err
    with Image.open(out_dir / "bad_k4.png") as im:
        assert im.size == (24, 40) and len(im.getexif()) == 0  # as stored: no orientation read


def test_exif_over_the_limit_is_dropped_with_a_notice(tmp_path):
    exif = camera_exif()
    exif.get_ifd(EXIF_IFD)[ExifTags.Base.UserComment] = b"ASCII\0\0\0" + b"x" * MAX_EXIF_BYTES
    src = camera_photo(tmp_path / "big.png", "PNG", exif=exif)
    image = load_image(src)
    assert f"EXIF over the {MAX_EXIF_BYTES // 1024} KB limit: not kept" in image.notices
    assert image.metadata.exif is None
    assert_upright(image.rgb)


# -- XMP -------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["png", "webp"])
@pytest.mark.parametrize("mode", ["keep", "no-location"])
def test_xmp_is_kept_byte_for_byte(tmp_path, fmt, mode):
    src = camera_photo(tmp_path / "photo.jpg", xmp=XMP)
    result = compress_file(src, Options(k=4, fmt=fmt, metadata=mode))
    _, xmp, _ = read_back(save(result, tmp_path / f"out.{fmt}"))
    assert xmp == XMP
    if fmt == "png":  # an uncompressed iTXt chunk, as the XMP specification asks
        chunks = dict(png_chunks(result.encoded))
        assert chunks[b"iTXt"] == b"XML:com.adobe.xmp\0\0\0\0\0" + XMP


def test_xmp_loses_its_gps_and_its_orientation_turns_to_1(tmp_path):
    src = camera_photo(tmp_path / "photo.webp", "WEBP", lossless=True, xmp=XMP_WITH_GPS)
    kept = compress_file(src, Options(k=4, fmt="png", metadata="keep"))
    _, xmp, _ = read_back(save(kept, tmp_path / "kept.png"))
    assert xmp == XMP_WITH_GPS.replace(b'tiff:Orientation="6"', b'tiff:Orientation="1"')
    shared = compress_file(src, Options(k=4, fmt="png", metadata="no-location"))
    _, xmp, pixels = read_back(save(shared, tmp_path / "shared.png"))
    assert b"GPS" not in xmp
    root = ElementTree.fromstring(xmp)  # still well-formed XML
    text = ElementTree.tostring(root, encoding="unicode")
    assert "Paris" in text and "2024-05-06T07:08:09" in text and 'Orientation="1"' in text
    assert_upright(pixels)
    assert shared.metadata == "EXIF, XMP; GPS location removed"


def test_xmp_whose_gps_cannot_be_removed_is_left_out_when_sharing(tmp_path):
    # GPS in a default namespace, which the remover does not follow: the check catches it
    odd = XMP_WITH_GPS.replace(b"<ex:GPSVersionID>2.2.0.0</ex:GPSVersionID>",
                               b'<GPSVersionID xmlns="http://ns.adobe.com/exif/1.0/">'
                               b"2.2.0.0</GPSVersionID>")  # fmt: skip
    src = camera_photo(tmp_path / "photo.jpg", xmp=odd)
    result = compress_file(src, Options(k=4, fmt="png"))
    _, xmp, _ = read_back(save(result, tmp_path / "out.png"))
    assert xmp is None
    assert "XMP not kept: its GPS location could not be removed safely" in result.notices
    kept = compress_file(src, Options(k=4, fmt="png", metadata="keep"))
    assert b"<GPSVersionID xmlns=" in read_back(save(kept, tmp_path / "kept.png"))[1]


def test_xmp_over_the_limit_is_dropped_with_a_notice(tmp_path):
    big = XMP.replace(b" " * 200, b" " * (MAX_XMP_BYTES + 1))
    src = camera_photo(tmp_path / "photo.webp", "WEBP", lossless=True, xmp=big)
    result = compress_file(src, Options(k=4, fmt="webp", metadata="keep"))
    assert "XMP over the 1 MB limit: not kept" in result.notices
    exif, xmp, _ = read_back(save(result, tmp_path / "out.webp"))
    assert xmp is None and exif[ExifTags.Base.Make] == MAKE


# -- PNG text --------------------------------------------------------------------------------
def text_chunks() -> list[bytes]:
    return [
        chunk(b"tEXt", b"Title\0Morning coffee"),
        chunk(b"zTXt", b"Author\0\0" + zlib.compress("Zoë Ünal".encode("latin-1"))),
        chunk(b"iTXt", b"Copyright\0\0\0fr\0Droits\0" + "© 2024 Zoë ☕".encode()),
        chunk(b"iTXt", b"Description\0\x01\0\0\0" + zlib.compress(b"a long text " * 50)),
    ]


def test_png_text_chunks_are_kept_as_written(tmp_path):
    src = png_with_chunks(tmp_path / "texts.png", *text_chunks())
    result = compress_file(src, Options(k=4, fmt="png"))
    written = png_chunks(result.encoded)
    for original in text_chunks():
        kind, data = original[4:8], original[8:-4]
        assert (kind, data) in written
    with Image.open(io.BytesIO(result.encoded)) as im:
        im.load()
        assert im.text["Title"] == "Morning coffee" and im.text["Author"] == "Zoë Ünal"
        assert im.text["Copyright"] == "© 2024 Zoë ☕" and im.text["Copyright"].lang == "fr"
    assert result.metadata == "4 text fields"
    stripped = compress_file(src, Options(k=4, fmt="png", metadata="strip"))
    assert not any(kind in (b"tEXt", b"zTXt", b"iTXt") for kind, _ in png_chunks(stripped.encoded))
    webp = compress_file(src, Options(k=4, fmt="webp"))
    assert metadata.WEBP_TEXT_NOTICE in webp.notices


def test_a_compressed_text_bomb_is_refused_within_bounded_memory(tmp_path):
    bomb = zlib.compress(b"\0" * 200_000_000, 9)  # 200 MB of text in ~200 KB
    src = png_with_chunks(tmp_path / "bomb.png", chunk(b"zTXt", b"Comment\0\0" + bomb),
                          chunk(b"tEXt", b"Title\0still kept"))  # fmt: skip
    tracemalloc.start()
    try:
        image = load_image(src)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8_000_000  # the file itself is ~0.2 MB; the text would have been 200 MB
    assert (
        "PNG text: 1 chunk expanding beyond the 256 KB limit (a decompression bomb), not kept"
        in image.notices
    )
    assert_upright(image.rgb)
    result = compress(image, Options(k=4))
    assert [data for kind, data in png_chunks(result.encoded) if kind == b"tEXt"] == [
        b"Title\0still kept"
    ]


def test_bad_text_chunks_do_not_stop_the_image(tmp_path):
    bad_crc = bytearray(chunk(b"tEXt", b"Title\0broken"))
    bad_crc[-1] ^= 0xFF
    chunks = [
        bytes(bad_crc),
        chunk(b"zTXt", b"Author\0\x07" + zlib.compress(b"unknown method")),
        chunk(b"iTXt", b"Note\0\x01\0\0\0" + b"not zlib data"),
        chunk(b"tEXt", b"Good\0kept"),
    ]
    with pytest.raises(Exception):  # noqa: B017 - Pillow alone refuses such a file
        Image.open(png_with_chunks(tmp_path / "raw.png", *chunks)).load()
    image = load_image(tmp_path / "raw.png")
    assert "PNG text: 3 chunks malformed, not kept" in image.notices
    assert [t.keyword for t in image.metadata.texts] == ["Good"]
    bad_exif = bytearray(chunk(b"eXIf", camera_exif().tobytes()[6:]))
    bad_exif[-2] ^= 0xFF
    image = load_image(png_with_chunks(tmp_path / "exif.png", bytes(bad_exif)))
    assert "the EXIF data are malformed: not kept" in image.notices
    assert image.metadata.exif is None
    assert_upright(image.rgb)


def test_text_beyond_the_total_limit_is_dropped(tmp_path):
    piece = MAX_TEXT_BYTES // 3
    chunks = [chunk(b"tEXt", f"Part{i}\0".encode() + b"y" * piece) for i in range(5)]
    image = load_image(png_with_chunks(tmp_path / "many.png", *chunks))
    assert [t.keyword for t in image.metadata.texts] == ["Part0", "Part1", "Part2"]
    assert any("2 chunks over the limit" in notice for notice in image.notices)


def test_at_most_64_text_chunks_are_read(tmp_path):
    chunks = [chunk(b"tEXt", f"Note{i}\0short".encode()) for i in range(70)]
    image = load_image(png_with_chunks(tmp_path / "notes.png", *chunks))
    assert len(image.metadata.texts) == metadata.MAX_TEXT_CHUNKS == 64
    assert any(notice.startswith("PNG text: 6 chunks over the limit") for notice in image.notices)


def test_imagemagick_raw_exif_profile_becomes_exif(tmp_path):
    tiff = camera_exif().tobytes()
    hexed = f"\nexif\n{len(tiff)}\n".encode() + tiff.hex().encode()
    src = png_with_chunks(tmp_path / "im.png", chunk(b"zTXt", b"Raw profile type exif\0\0"
                                                     + zlib.compress(hexed)))  # fmt: skip
    result = compress_file(src, Options(k=4, metadata="keep"))
    exif, _, _ = read_back(save(result, tmp_path / "out.png"))
    assert exif[ExifTags.Base.Model] == MODEL and exif[ORIENTATION] == 1
    assert not any(kind == b"zTXt" for kind, _ in png_chunks(result.encoded))


def test_pillow_reads_our_png_chunks_as_its_own_writer_would_write_them(tmp_path):
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    src = tmp_path / "pillow.png"
    Image.fromarray(upright()).save(src, pnginfo=info, exif=camera_exif(orientation=1))
    result = compress_file(src, Options(k=4, metadata="keep"))
    exif, xmp, _ = read_back(save(result, tmp_path / "out.png"))
    assert xmp == XMP and exif[ExifTags.Base.Make] == MAKE


# -- GIF, dates, the command line --------------------------------------------------------------
def test_gif_says_once_that_it_holds_no_metadata(tmp_path, capsys):
    a = camera_photo(tmp_path / "a.jpg")
    b = camera_photo(tmp_path / "b.jpg")
    out = tmp_path / "out"
    assert main([str(a), str(b), "-k", "4", "-o", str(out), "--format", "gif"]) == 0
    err = capsys.readouterr().err
    assert err.count(GIF_NOTICE) == 1
    result = compress_file(a, Options(k=4, fmt="gif"))
    assert result.metadata == "none: GIF holds no metadata" and GIF_NOTICE in result.notices


@pytest.mark.parametrize("mode", ["keep", "no-location", "strip"])
def test_cli_metadata_modes(tmp_path, mode, capsys):
    src = camera_photo(tmp_path / "photo.jpg", xmp=XMP_WITH_GPS)
    out = tmp_path / "out"
    assert main([str(src), "-k", "4", "-o", str(out), "--format", "webp", "--metadata", mode,
                 "--json"]) == 0  # fmt: skip
    exif, xmp, pixels = read_back(out / "photo_k4.webp")
    assert_upright(pixels)
    has_gps = bool(exif.get_ifd(GPS_IFD)) or (xmp is not None and b"GPS" in xmp)
    assert has_gps == (mode == "keep")
    assert (exif.get(ExifTags.Base.Model) == MODEL) == (mode != "strip")
    record = [line for line in capsys.readouterr().out.splitlines() if line.startswith("{")]
    assert ('"metadata": "EXIF, XMP"' in record[0]) == (mode == "keep")


def test_default_mode_is_no_location():
    assert Options().metadata == "no-location"
    with pytest.raises(ValueError, match="metadata='all'"):
        Options(metadata="all")


def test_keep_dates_gives_the_output_the_input_modification_time(tmp_path):
    src = camera_photo(tmp_path / "photo.jpg")
    taken = 1_500_000_000_123_456_789  # 2017, in nanoseconds
    os.utime(src, ns=(taken, taken))
    out = tmp_path / "out"
    assert main([str(src), "-k", "4", "-o", str(out), "--keep-dates"]) == 0
    assert (out / "photo_k4.png").stat().st_mtime_ns == src.stat().st_mtime_ns
    assert main([str(src), "-k", "4", "-o", str(out), "--force"]) == 0
    assert (out / "photo_k4.png").stat().st_mtime_ns != src.stat().st_mtime_ns
