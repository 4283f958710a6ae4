"""Generate a corpus of a few hundred odd, awkward and hostile image files (nothing downloaded).

    python tests/hostile_corpus.py FOLDER

Every format the app reads, in its modes, bit depths and layouts (PNG 1/2/4/8/16-bit, tRNS,
interlaced, APNG; JPEG grey/CMYK/progressive/EXIF orientations/ICC/huge EXIF; GIF animated,
interlaced, local palettes; WebP lossy/lossless/animated/alpha; TIFF pages, depths,
compressions, tiles, LAB, YCbCr; BMP depths, RLE, top-down, bit fields; ICO/CUR; PSD; PNM
plain and binary; TGA; QOI; DDS; SGI; PCX; ICNS; JPEG 2000; AVIF/HEIF), tiny and thin sizes,
files cut at many points, headers that lie about the size, broken CRCs, huge chunks, wrong or
missing extensions and awkward names. Each :class:`Case` says whether the file must compress
(``"ok"``), must be refused (``"error"``) or may do either (``"either"``: a damaged file that
a decoder may still read); the sweep (tests/test_hostile_corpus.py) checks the rest.
"""

from __future__ import annotations

import io
import os
import struct
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageCms

OK, ERROR, EITHER = "ok", "error", "either"


@dataclass(frozen=True)
class Case:
    """One file of the corpus: its path (bytes allowed in the name) and what it must do."""

    path: Path
    expect: str  # OK, ERROR or EITHER
    scanned: bool  # found by a folder scan (an image extension); else named on the command line


def photo(width: int, height: int, seed: int = 0) -> np.ndarray:
    """A small photo-like (height, width, 3) uint8 image: gradients plus noise."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width]
    rgb = np.stack(
        [x * 255 // max(width - 1, 1), y * 255 // max(height - 1, 1),
         (x + y) * 127 // max(width + height - 2, 1)], axis=-1,
    )  # fmt: skip
    return np.clip(rgb + rng.integers(-20, 21, rgb.shape), 0, 255).astype(np.uint8)


def encoded(image: Image.Image, fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def chunk(kind: bytes, data: bytes, crc: int | None = None) -> bytes:
    crc = zlib.crc32(kind + data) if crc is None else crc
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def raw_png(width: int, height: int, depth: int, colour: int, rows: bytes, *extra: bytes,
            interlace: int = 0) -> bytes:  # fmt: skip
    """A PNG from raw filtered scanlines (filter bytes included) and extra chunks before IDAT."""
    ihdr = struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, interlace)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + b"".join(extra)
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))  # fmt: skip


def scanlines(samples: np.ndarray) -> bytes:
    """Rows of big-endian samples (H, W*C) with filter byte 0 each."""
    return b"".join(b"\x00" + row.tobytes() for row in samples)


def adam7_png(rgb: np.ndarray) -> bytes:
    """An interlaced (Adam7) 8-bit RGB PNG, which Pillow cannot write."""
    passes = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2),
              (0, 1, 1, 2))  # fmt: skip
    data = b""
    for x0, y0, dx, dy in passes:
        sub = rgb[y0::dy, x0::dx]
        if sub.size:
            data += scanlines(sub.reshape(sub.shape[0], -1))
    h, w = rgb.shape[:2]
    return raw_png(w, h, 8, 2, data, interlace=1)


def bmp(width: int, height: int, bpp: int, pixel_rows: bytes, *, compression: int = 0,
        palette: bytes = b"", masks: bytes = b"", header_size: int = 40) -> bytes:  # fmt: skip
    """A BMP file from its parts (`height` negative for top-down rows)."""
    info = struct.pack("<IiiHHIIiiII", header_size, width, height, 1, bpp, compression,
                       len(pixel_rows), 2835, 2835, len(palette) // 4, 0)  # fmt: skip
    info += masks + bytes(header_size - len(info) - len(masks))
    offset = 14 + len(info) + len(palette)
    header = b"BM" + struct.pack("<IHHI", offset + len(pixel_rows), 0, 0, offset)
    return header + info + palette + pixel_rows


def bmp_rows(rows: list[bytes]) -> bytes:
    return b"".join(r + bytes(-len(r) % 4) for r in rows)


def psd(rgb: np.ndarray, height: int | None = None) -> bytes:
    """A minimal 8-bit RGB PSD, raw image data (Pillow cannot write PSD)."""
    h, w = rgb.shape[:2]
    header = b"8BPS" + struct.pack(">H6xHIIHH", 1, 3, height or h, w, 8, 3)
    planes = b"".join(rgb[:, :, c].tobytes() for c in range(3))
    return header + struct.pack(">I", 0) * 3 + struct.pack(">H", 0) + planes


def cur(image: Image.Image) -> bytes:
    """A Windows cursor: an ICO whose type field is 2 (Pillow reads, cannot write CUR)."""
    data = bytearray(encoded(image, "ICO", sizes=[image.size], bitmap_format="bmp"))
    data[2:4] = struct.pack("<H", 2)
    return bytes(data)


def tga(width: int, height: int, image_type: int, bpp: int, pixels: bytes, descriptor: int = 0,
        colour_map: bytes = b"") -> bytes:  # fmt: skip
    entries = len(colour_map) // 3
    return (struct.pack("<BBBHHBHHHHBB", 0, 1 if entries else 0, image_type, 0, entries,
                        24 if entries else 0, 0, 0, width, height, bpp, descriptor)
            + colour_map + pixels)  # fmt: skip


def exif_with(orientation: int, extra: bytes = b"") -> bytes:
    exif = Image.Exif()
    exif[0x0112] = orientation
    if extra:
        exif[0x010E] = extra.decode("latin-1")  # ImageDescription
    return exif.tobytes()


def make_corpus(folder: str | os.PathLike[str]) -> list[Case]:
    """Write every case into `folder` (created); return them."""
    root = Path(folder)
    root.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []

    def add(name: str | bytes, data: bytes, expect: str = OK) -> Path:
        path = Path(os.fsdecode(os.path.join(os.fsencode(root), os.fsencode(name))))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        from kmeans_gui.formats import is_image_path

        cases.append(Case(path, expect, is_image_path(path)))
        return path

    rgb = photo(48, 32)
    image = Image.fromarray(rgb)
    rgba = np.dstack([rgb, np.tile(np.linspace(0, 255, 48).astype(np.uint8), (32, 1))])
    image_a = Image.fromarray(rgba)
    grey = rgb[:, :, 1]
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()

    # ---- PNG: modes, bit depths, transparency, interlacing, animation ----
    for mode in ("1", "L", "LA", "P", "RGB", "RGBA", "I;16"):
        add(f"png/mode {mode.replace(';', '_')}.png", encoded(image_a.convert(mode), "PNG"))
    for bits in (1, 2, 4):
        quant = image.quantize(2**bits)
        add(f"png/palette {bits}-bit.png", encoded(quant, "PNG", bits=bits))
        add(f"png/palette {bits}-bit trns.png", encoded(quant, "PNG", bits=bits, transparency=0))
    quant = image.quantize(64)
    add("png/palette trns table.png",
        encoded(quant, "PNG", transparency=bytes(range(0, 256, 4))))  # fmt: skip
    add("png/grey trns.png", encoded(image.convert("L"), "PNG", transparency=100))
    add("png/rgb trns.png", encoded(image, "PNG", transparency=tuple(int(v) for v in rgb[0, 0])))
    for depth in (1, 2, 4):  # low-depth greyscale, written raw
        per_byte = 8 // depth
        w = 40
        levels = (np.arange(w) * (2**depth) // w).astype(np.uint8)
        packed = np.zeros((8, (w + per_byte - 1) // per_byte), np.uint8)
        for i in range(w):
            packed[:, i // per_byte] |= levels[i] << (8 - depth * (i % per_byte + 1))
        add(f"png/grey {depth}-bit.png", raw_png(w, 8, depth, 0, scanlines(packed)))
    deep = rgb.astype(">u2") * 257 + 5
    add("png/rgb 16-bit.png", raw_png(48, 32, 16, 2, scanlines(deep.reshape(32, -1))))
    deep_a = rgba.astype(">u2") * 257
    add("png/rgba 16-bit.png", raw_png(48, 32, 16, 6, scanlines(deep_a.reshape(32, -1))))
    grey_a = np.dstack([grey, rgba[:, :, 3]]).astype(">u2") * 257
    add("png/grey+alpha 16-bit.png", raw_png(48, 32, 16, 4, scanlines(grey_a.reshape(32, -1))))
    add("png/grey 16-bit trns.png",
        raw_png(48, 32, 16, 0, scanlines(grey.astype(">u2") * 257),
                chunk(b"tRNS", struct.pack(">H", int(grey[0, 0]) * 257))))  # fmt: skip
    add("png/interlaced.png", adam7_png(rgb))
    add("png/interlaced 1x1.png", adam7_png(rgb[:1, :1]))
    add("png/interlaced 3x2.png", adam7_png(rgb[:2, :3]))
    frames = [Image.fromarray(photo(24, 16, seed=s)) for s in range(4)]
    add("png/apng.png", encoded(frames[0], "PNG", save_all=True, append_images=frames[1:],
                                duration=80, disposal=1, blend=1))  # fmt: skip
    add("png/apng.apng", encoded(frames[0], "PNG", save_all=True, append_images=frames[1:]))
    add("png/apng rgba.png", encoded(image_a, "PNG", save_all=True,
                                     append_images=[image_a.rotate(180)]))  # fmt: skip
    # Damaged or hostile PNGs.
    good = encoded(image, "PNG")
    ihdr_end = 8 + 25
    bad_crc = bytearray(good)
    bad_crc[ihdr_end - 1] ^= 0xFF
    add("png/bad IHDR crc.png", bytes(bad_crc), EITHER)
    idat_at = good.index(b"IDAT")
    bad_idat = bytearray(good)
    bad_idat[idat_at + 10] ^= 0x55
    add("png/bad IDAT data.png", bytes(bad_idat), EITHER)
    text_at = good.index(b"IDAT") - 4
    huge_text = chunk(b"tEXt", b"Comment\x00" + b"x" * 20_000_000)
    with_chunk = good[:text_at] + huge_text + good[text_at:]
    add("png/huge text chunk.png", with_chunk, EITHER)
    with_icc = good[:text_at] + chunk(b"iCCP", b"p\x00\x00" + zlib.compress(b"junk" * 1000)) \
        + good[text_at:]  # fmt: skip
    add("png/garbage icc.png", with_icc)
    add("png/real icc.png", encoded(image, "PNG", icc_profile=srgb))
    unknown = good[:text_at] + chunk(b"zzZz", bytes(3_000_000)) + good[text_at:]
    add("png/huge unknown chunk.png", unknown, EITHER)
    many = good[:text_at] + b"".join(chunk(b"tEXt", b"k%d\x00v" % i) for i in range(5000)) \
        + good[text_at:]  # fmt: skip
    add("png/5000 text chunks.png", many, EITHER)
    for label, (w, h) in {"0x0": (0, 0), "0 wide": (0, 32), "2^31 wide": (2**31 - 1, 1),
                          "bigger than data": (96, 64), "smaller than data": (24, 16),
                          "bomb 60000x60000": (60000, 60000)}.items():  # fmt: skip
        ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
        lie = good[:8] + chunk(b"IHDR", ihdr) + good[ihdr_end:]
        add(f"png/header lies {label}.png", lie, EITHER if "smaller" in label else ERROR)
    add("png/bad depth.png", raw_png(4, 4, 7, 2, bytes(4 * 13)), ERROR)
    add("png/bad colour type.png", raw_png(4, 4, 8, 5, bytes(4 * 13)), ERROR)
    add("png/no IDAT.png", good[:text_at] + chunk(b"IEND", b""), ERROR)
    add("png/no IEND.png", good[: good.index(b"IEND") - 4], EITHER)
    add("png/signature only.png", good[:8], ERROR)

    # ---- JPEG ----
    add("jpeg/baseline.jpg", encoded(image, "JPEG", quality=85))
    add("jpeg/grey.jpg", encoded(image.convert("L"), "JPEG"))
    add("jpeg/cmyk.jpg", encoded(image.convert("CMYK"), "JPEG"))
    add("jpeg/progressive.jpg", encoded(image, "JPEG", progressive=True))
    add("jpeg/444.jpg", encoded(image, "JPEG", subsampling=0))
    add("jpeg/restart markers.jpg", encoded(image, "JPEG", restart_marker_blocks=1))
    add("jpeg/optimised.jpg", encoded(image, "JPEG", optimize=True))
    add("jpeg/with icc.jpg", encoded(image, "JPEG", icc_profile=srgb))
    add("jpeg/garbage icc.jpg", encoded(image, "JPEG", icc_profile=b"not a profile" * 30))
    marked = rgb.copy()
    marked[:5, :5] = (255, 0, 0)
    for orientation in range(0, 10):
        add(f"jpeg/orientation {orientation}.jpg",
            encoded(Image.fromarray(marked), "JPEG", exif=exif_with(orientation)))  # fmt: skip
    add("jpeg/huge exif.jpg", encoded(image, "JPEG", exif=exif_with(6, b"x" * 60_000)))
    add("jpeg/bad exif.jpg", encoded(image, "JPEG", exif=b"Exif\x00\x00MM\x00*garbage" * 10))
    # Metadata that loops, lies or explodes (EXIF IFDs pointing at themselves, a count of
    # 2^31, an XML entity expansion in XMP, a CMYK JPEG's unusable profile).
    exif_loop = _exif_loop()
    for fmt, ext in (("JPEG", "jpg"), ("PNG", "png"), ("WEBP", "webp")):
        data = b"Exif\x00\x00" + exif_loop if fmt == "JPEG" else exif_loop
        add(f"jpeg/exif loop.{ext}", encoded(image, fmt, exif=data))
    lying_count = struct.pack("<H", 1) + struct.pack("<HHII", 0x010E, 2, 0x7FFFFFFF, 100)
    add("jpeg/exif huge count.jpg",
        encoded(image, "JPEG", exif=b"Exif\x00\x00II*\x00\x08\x00\x00\x00" + lying_count
                + bytes(4)))  # fmt: skip
    add("jpeg/xmp entity bomb.jpg", encoded(image, "JPEG", xmp=_xmp_entity_bomb()))
    add("jpeg/cmyk garbage icc.jpg",
        encoded(image.convert("CMYK"), "JPEG", icc_profile=b"garbage" * 50))  # fmt: skip
    jpeg = encoded(image, "JPEG")
    sof = jpeg.index(b"\xff\xc0")
    lie = bytearray(jpeg)
    lie[sof + 5 : sof + 9] = struct.pack(">HH", 65000, 65000)
    add("jpeg/header lies 65000x65000.jpg", bytes(lie), ERROR)
    lie[sof + 5 : sof + 9] = struct.pack(">HH", 0, 48)
    add("jpeg/header lies 0 high.jpg", bytes(lie), EITHER)
    add("jpeg/only SOI.jpg", b"\xff\xd8", ERROR)
    add("jpeg/mpo.mpo", encoded(image, "MPO", save_all=True, append_images=[image.rotate(90)]))

    # ---- GIF ----
    add("gif/still.gif", encoded(image.quantize(32), "GIF"))
    add("gif/interlaced.gif", encoded(image.quantize(32), "GIF", interlace=True))
    add("gif/transparent.gif", encoded(image.quantize(32), "GIF", transparency=3))
    gif_frames = [Image.fromarray(photo(24, 16, seed=s)).quantize(16 + s) for s in range(4)]
    add("gif/animated local palettes.gif",
        encoded(gif_frames[0], "GIF", save_all=True, append_images=gif_frames[1:],
                duration=50, loop=0, disposal=2, optimize=False))  # fmt: skip
    add("gif/animated offset frames.gif",
        encoded(Image.new("P", (30, 30)), "GIF", save_all=True,
                append_images=[Image.new("P", (10, 10), 5)], optimize=True))  # fmt: skip
    add("gif/1x1.gif", encoded(Image.new("P", (1, 1), 0), "GIF"))
    gif = encoded(image.quantize(32), "GIF")
    lie = bytearray(gif)
    lie[6:10] = struct.pack("<HH", 65535, 65535)
    add("gif/header lies 65535x65535.gif", bytes(lie), EITHER)
    add("gif/no trailer.gif", gif[:-1], EITHER)

    # ---- WebP ----
    add("webp/lossy.webp", encoded(image, "WEBP", quality=60))
    add("webp/lossless.webp", encoded(image, "WEBP", lossless=True))
    add("webp/lossy alpha.webp", encoded(image_a, "WEBP", quality=60))
    add("webp/lossless alpha.webp", encoded(image_a, "WEBP", lossless=True))
    add("webp/animated.webp", encoded(frames[0], "WEBP", save_all=True,
                                      append_images=frames[1:], duration=60))  # fmt: skip
    add("webp/all transparent.webp",
        encoded(Image.new("RGBA", (20, 20), (0, 0, 0, 0)), "WEBP", lossless=True))  # fmt: skip
    add("webp/riff only.webp", b"RIFF\x04\x00\x00\x00WEBP", ERROR)

    # ---- TIFF ----
    for compression in ("raw", "tiff_lzw", "tiff_adobe_deflate", "packbits", "jpeg",
                        "tiff_deflate"):  # fmt: skip
        add(f"tiff/{compression}.tif", encoded(image, "TIFF", compression=compression))
    add("tiff/group4 1-bit.tif", encoded(image.convert("1"), "TIFF", compression="group4"))
    add("tiff/group3 1-bit.tif", encoded(image.convert("1"), "TIFF", compression="group3"))
    add("tiff/1-bit.tif", encoded(image.convert("1"), "TIFF"))
    add("tiff/grey.tif", encoded(image.convert("L"), "TIFF"))
    add("tiff/palette.tif", encoded(image.quantize(16), "TIFF"))
    add("tiff/rgba.tif", encoded(image_a, "TIFF"))
    add("tiff/cmyk.tif", encoded(image.convert("CMYK"), "TIFF"))
    add("tiff/lab.tif", encoded(image.convert("LAB"), "TIFF"))
    add("tiff/ycbcr jpeg.tif", encoded(image, "TIFF", compression="jpeg"))
    add("tiff/16-bit grey.tif", encoded(Image.fromarray(grey.astype(np.uint16) * 257), "TIFF"))
    add("tiff/float32.tif", encoded(Image.fromarray(grey.astype(np.float32) / 255), "TIFF"))
    add("tiff/float32 hdr.tif", encoded(Image.fromarray(grey.astype(np.float32) * 40), "TIFF"))
    nan = grey.astype(np.float32)
    nan[::3] = np.nan
    nan[1::5] = np.inf
    add("tiff/float32 nan inf.tif", encoded(Image.fromarray(nan), "TIFF"))
    add("tiff/int32.tif", encoded(Image.fromarray(grey.astype(np.int32) * 70000 - 5), "TIFF"))
    add("tiff/tiled.tif", encoded(image, "TIFF", tile=(16, 16)))
    add("tiff/multipage.tif", encoded(frames[0], "TIFF", save_all=True, append_images=frames[1:]))
    add("tiff/rgb 16-bit.tif", _tiff_rgb16(48, 32, (rgb.astype("<u2") * 257).tobytes()))
    tif = encoded(image, "TIFF")
    add("tiff/header lies.tif", tif[:8] + b"\xff" * 4 + tif[12:], EITHER)
    add("tiff/ifd loop.tif", b"II*\x00\x08\x00\x00\x00\x00\x00\x08\x00\x00\x00", ERROR)

    # ---- BMP ----
    for mode, name in (("1", "1-bit"), ("P", "8-bit"), ("RGB", "24-bit")):
        src = image.quantize(16) if mode == "P" else image.convert(mode)
        add(f"bmp/{name}.bmp", encoded(src, "BMP"))
    add("bmp/32-bit rgba.bmp", encoded(image_a, "BMP"))
    pal16 = bytes(np.column_stack([np.arange(16) * 17] * 3 + [np.zeros(16)])
                  .astype(np.uint8).tobytes())  # fmt: skip
    idx = (np.arange(40) % 16).astype(np.uint8)
    rows4 = [bytes((idx[0::2] << 4) | idx[1::2])] * 12
    add("bmp/4-bit.bmp", bmp(40, 12, 4, bmp_rows(rows4), palette=pal16))
    pal256 = bytes(np.column_stack([np.arange(256)] * 3 + [np.zeros(256)]).astype(np.uint8))
    rle8 = b"".join(bytes([40, y * 6]) + b"\x00\x00" for y in range(12)) + b"\x00\x01"
    add("bmp/rle8.bmp", bmp(40, 12, 8, rle8, compression=1, palette=pal256))
    rle4 = b"".join(bytes([40, 0x3C]) + b"\x00\x00" for _ in range(12)) + b"\x00\x01"
    add("bmp/rle4.bmp", bmp(40, 12, 4, rle4, compression=2, palette=pal16))
    add("bmp/rle8 overrun.bmp", bmp(4, 4, 8, b"\xff\x07" * 40 + b"\x00\x01", compression=1,
                                    palette=pal256), EITHER)  # fmt: skip
    bgr_rows = [rgb[y, :, ::-1].tobytes() for y in range(32)]
    add("bmp/top-down.bmp", bmp(48, -32, 24, bmp_rows(bgr_rows)))
    rgb565 = ((rgb[:, :, 0].astype(np.uint16) >> 3) << 11 | (rgb[:, :, 1].astype(np.uint16) >> 2)
              << 5 | rgb[:, :, 2].astype(np.uint16) >> 3)  # fmt: skip
    masks565 = struct.pack("<III", 0xF800, 0x07E0, 0x001F)
    add("bmp/16-bit 565.bmp", bmp(48, 32, 16, bmp_rows([r.astype("<u2").tobytes()
                                                       for r in rgb565[::-1]]),
                                  compression=3, masks=masks565, header_size=52))  # fmt: skip
    add("bmp/16-bit 555.bmp", bmp(48, 32, 16, bmp_rows([bytes(96)] * 32)))
    bgra = np.dstack([rgba[:, :, 2], rgba[:, :, 1], rgba[:, :, 0], rgba[:, :, 3]])
    masks_a = struct.pack("<IIII", 0xFF0000, 0xFF00, 0xFF, 0xFF000000)
    add("bmp/32-bit v5 alpha.bmp", bmp(48, 32, 32, bgra[::-1].tobytes(), compression=3,
                                       masks=masks_a, header_size=124))  # fmt: skip
    add("bmp/header lies 30000x30000.bmp", bmp(30000, 30000, 24, b"\x00" * 100), ERROR)
    add("bmp/header lies negative width.bmp", bmp(-48, 32, 24, bytes(4608)), ERROR)

    # ---- ICO / CUR / ICNS ----
    icon = Image.fromarray(photo(64, 64, seed=9))
    add("icon/multi size.ico", encoded(icon, "ICO", sizes=[(16, 16), (32, 32), (64, 64)]))
    add("icon/rgba.ico", encoded(image_a.resize((32, 32)), "ICO", sizes=[(32, 32)]))
    add("icon/cursor.cur", cur(icon.resize((32, 32))))
    add("icon/icon.icns", encoded(icon, "ICNS"))

    # ---- PSD, PNM, PFM, TGA, QOI, DDS, SGI, PCX, JPEG 2000, AVIF, HEIF ----
    add("other/rgb.psd", psd(rgb))
    add("other/header lies.psd", psd(rgb, height=30000), ERROR)
    add("other/binary.ppm", encoded(image, "PPM"))
    add("other/binary.pgm", encoded(image.convert("L"), "PPM"))
    add("other/binary.pbm", encoded(image.convert("1"), "PPM"))
    add("other/plain.ppm", b"P3\n# comment\n3 2\n255\n" + b" ".join(b"%d" % v for v in
                                                                  rgb[:2, :3].ravel()))  # fmt: skip
    add("other/plain.pgm", b"P2 3 2 15\n0 5 10\n15 7 3\n")
    add("other/plain.pbm", b"P1\n4 2\n0 1 0 1\n1 0 1 0\n")
    add("other/plain 16-bit.pgm", b"P2 3 2 65535\n0 5000 10000\n65535 7 3\n")
    add("other/binary 16-bit.pgm", b"P5 48 32 65535\n" + (grey.astype(">u2") * 257).tobytes())
    add("other/binary 16-bit.ppm", b"P6 48 32 65535\n" + deep.tobytes())
    add("other/maxval 0.ppm", b"P6 2 2 0\n" + bytes(12), ERROR)
    add("other/header lies.ppm", b"P6 60000 60000 255\n" + bytes(100), ERROR)
    add("other/float.pfm", b"Pf\n48 32\n-1.0\n" + (grey.astype("<f4") / 255).tobytes())
    add("other/colour.pfm", b"PF\n48 32\n1.0\n" + (rgb.astype(">f4") / 255).tobytes(), ERROR)
    add("other/rgb.tga", encoded(image, "TGA"))
    add("other/rle.tga", encoded(image_a, "TGA", compression="tga_rle"))
    add("other/grey.tga", encoded(image.convert("L"), "TGA"))
    add("other/palette.tga", encoded(image.quantize(16), "TGA"))
    add("other/top-left origin.tga", tga(48, 32, 2, 24, rgb[:, :, ::-1].tobytes(), 0x20))
    add("other/header lies.tga", tga(65535, 65535, 2, 24, bytes(30)), ERROR)
    add("other/rgb.qoi", encoded(image, "QOI"))
    add("other/rgba.qoi", encoded(image_a, "QOI"))
    add("other/rgb.dds", encoded(image, "DDS"))
    add("other/rgba.dds", encoded(image_a, "DDS"))
    add("other/rgb.sgi", encoded(image, "SGI"))
    add("other/grey.bw", encoded(image.convert("L"), "SGI"))
    add("other/rgb.pcx", encoded(image, "PCX"))
    add("other/palette.pcx", encoded(image.quantize(16), "PCX"))
    add("other/image.jp2", encoded(image, "JPEG2000"))
    add("other/image.j2k", encoded(image_a, "JPEG2000"))
    add("other/image.avif", encoded(image, "AVIF"))
    add("other/alpha.avif", encoded(image_a, "AVIF"))
    try:
        import pillow_heif

        pillow_heif.register_heif_opener()
        add("other/image.heic", encoded(image, "HEIF"))
    except ImportError:
        pass

    # ---- sizes and colours ----
    for w, h in ((1, 1), (1, 57), (57, 1), (2, 1), (1, 2), (3000, 1), (1, 3000)):
        add(f"sizes/{w}x{h}.png", encoded(Image.fromarray(photo(w, h, seed=w + h)), "PNG"))
    for fmt in ("jpg", "gif", "webp", "bmp", "tif", "tga", "qoi", "ico"):
        pillow_format = {"jpg": "JPEG", "tif": "TIFF"}.get(fmt, fmt.upper())
        add(f"sizes/1x1.{fmt}", encoded(Image.new("RGB", (1, 1), (200, 10, 10)), pillow_format))
    add("colours/one colour.png", encoded(Image.new("RGB", (30, 20), (7, 7, 7)), "PNG"))
    two = np.zeros((20, 30, 3), np.uint8)
    two[:, 15:] = 255
    add("colours/two colours.png", encoded(Image.fromarray(two), "PNG"))
    add("colours/five colours.gif", encoded(Image.fromarray(two).quantize(5), "GIF"))
    add("colours/all transparent.png",
        encoded(Image.new("RGBA", (20, 20), (255, 0, 0, 0)), "PNG"))  # fmt: skip
    add("colours/all transparent palette.png",
        encoded(Image.new("P", (20, 20), 0), "PNG", transparency=0))  # fmt: skip
    add("colours/one pixel transparent.png",
        encoded(Image.new("RGBA", (1, 1), (0, 0, 0, 0)), "PNG"))  # fmt: skip
    alpha_only = np.zeros((20, 30, 4), np.uint8)
    alpha_only[:, :, 3] = np.linspace(0, 255, 30).astype(np.uint8)
    add("colours/black alpha ramp.png", encoded(Image.fromarray(alpha_only), "PNG"))
    add(
        "colours/many colours.png",
        encoded(
            Image.fromarray(np.random.default_rng(1).integers(0, 256, (64, 64, 3), dtype=np.uint8)),
            "PNG",
        ),
    )

    # ---- truncated at many points, 0 bytes, 1 byte ----
    samples = {"png": good, "jpg": jpeg, "gif": gif, "webp": encoded(image, "WEBP"),
               "tif": tif, "bmp": encoded(image, "BMP"), "psd": psd(rgb),
               "qoi": encoded(image, "QOI"), "ico": encoded(icon, "ICO")}  # fmt: skip
    for ext, data in samples.items():
        add(f"cut/empty.{ext}", b"", ERROR)
        add(f"cut/one byte.{ext}", data[:1], ERROR)
        for fraction in (0.02, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99):
            cut = max(2, int(len(data) * fraction))
            add(f"cut/{ext} cut at {cut} of {len(data)}.{ext}", data[:cut], EITHER)

    # ---- wrong or missing extensions, not images ----
    add("names/png named.jpg", good)
    add("names/jpeg named.gif", jpeg)
    add("names/webp named.bmp", encoded(image, "WEBP"))
    add("names/gif named.webp", gif)
    add("names/tiff named.png", tif)
    add("names/PHOTO.JPG", jpeg)
    add("names/no extension", good)
    add("names/jpeg no extension", jpeg)
    add("names/text.png", b"hello\n", ERROR)
    add("names/html.jpg", b"<!DOCTYPE html><html></html>", ERROR)
    add("names/svg.png", b"<svg xmlns='http://www.w3.org/2000/svg'/>", ERROR)
    add("names/zip.png", b"PK\x03\x04" + bytes(40), ERROR)
    add("names/eps.jpg", b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 8 8\n{} loop\n", ERROR)
    add("names/pdf.png", b"%PDF-1.4\n1 0 obj<<>>endobj\n", ERROR)
    add("names/fli.gif", struct.pack("<IHHHHH", 128, 0xAF11, 1, 8, 8, 8) + bytes(116), ERROR)
    add("names/random bytes.tif", np.random.default_rng(2).bytes(5000), ERROR)
    add("names/zeros.png", bytes(5000), ERROR)
    add("names/with spaces  and  tabs\t.png", good)
    add("names/ünïcödé 写真 🌄.png", good)
    add("names/new\nline.png", good)
    add("names/escape \x1b[31mred.png", good)
    add(b"names/invalid utf-8 \xff\xfe.png", good)
    add(b"names/broken \xe9 and bad \xff.jpg", b"junk", ERROR)
    add("names/-leading dash.png", good)
    add("names/--help.png", good)
    add("names/.hidden.png", good)
    add("names/._resource fork.png", b"\x00\x05\x16\x07" + bytes(60), ERROR)
    add("names/" + "long" * 59 + ".png", good)  # 240 bytes: output names still fit in 255
    add("names/" + "é" * 124 + ".png", good)  # 252 bytes in UTF-8
    add("names/dots.in.the.name..png", good)
    add("names/trailing space .png", good)
    add("mixed/readme.txt", b"notes\n", ERROR)
    add("mixed/photo.JPEG", jpeg)
    add("mixed/sub/deeper/image.png", good)
    add("mixed/sub/notes.md", b"# notes\n", ERROR)

    # ---- not plain files: links, a pipe, a folder named like an image ----
    links = root / "links"
    links.mkdir()
    (links / "link to photo.png").symlink_to(root / "png" / "mode RGB.png")
    cases.append(Case(links / "link to photo.png", OK, True))
    for name, target in (("dangling.png", "nowhere.png"), ("loop.png", "loop.png")):
        (links / name).symlink_to(target)
        cases.append(Case(links / name, ERROR, False))
    (links / "up").symlink_to("..")  # a folder scan must not loop
    os.mkfifo(links / "pipe.png")  # reading it would wait for ever
    cases.append(Case(links / "pipe.png", ERROR, False))
    (links / "folder.png").mkdir()
    cases.append(Case(links / "folder.png", ERROR, False))
    return cases


def _exif_loop() -> bytes:
    """EXIF (a TIFF structure) whose IFD0, Exif IFD, GPS IFD and next IFD all point at IFD0."""
    entries = [(0x0112, 3, 1, 6), (0x8769, 4, 1, 8), (0x8825, 4, 1, 8)]
    ifd = struct.pack("<H", len(entries)) + b"".join(struct.pack("<HHII", *e) for e in entries)
    return b"II*\x00" + struct.pack("<I", 8) + ifd + struct.pack("<I", 8)


def _xmp_entity_bomb() -> bytes:
    """XMP whose GPS value is an entity expanding to 10^9 characters ("billion laughs")."""
    names = "abcdefghi"  # each entity ten of the one before: 10^9 characters at the last
    entities = ['<!ENTITY a "aaaaaaaaaa">']
    for before, name in zip(names[:-1], names[1:], strict=True):
        entities.append(f'<!ENTITY {name} "{("&" + before + ";") * 10}">')
    return (f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><!DOCTYPE a [{"".join(entities)}]>'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            '<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" '
            'exif:GPSLatitude="&i;"/></rdf:RDF></x:xmpmeta>').encode()  # fmt: skip


def _tiff_rgb16(width: int, height: int, data: bytes) -> bytes:
    """A little-endian 16-bit-per-sample RGB TIFF, one strip (Pillow cannot write it)."""
    entries = [(256, 3, 1, width), (257, 3, 1, height), (258, 3, 3, 0), (259, 3, 1, 1),
               (262, 3, 1, 2), (273, 4, 1, 0), (277, 3, 1, 3), (278, 3, 1, height),
               (279, 4, 1, len(data)), (284, 3, 1, 1)]  # fmt: skip
    ifd_size = 2 + 12 * len(entries) + 4
    bits_at = 8 + ifd_size
    data_at = bits_at + 6
    ifd = struct.pack("<H", len(entries))
    for tag, kind, count, value in entries:
        value = {258: bits_at, 273: data_at}.get(tag, value)
        packed = struct.pack("<HI", value, 0)[:4] if kind == 3 and count == 1 else (
            struct.pack("<I", value))  # fmt: skip
        ifd += struct.pack("<HHI", tag, kind, count) + packed
    ifd += struct.pack("<I", 0)
    return b"II*\x00" + struct.pack("<I", 8) + ifd + struct.pack("<HHH", 16, 16, 16) + data


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python tests/hostile_corpus.py FOLDER")
    made = make_corpus(sys.argv[1])
    for case in made:
        print(f"{case.expect:<7} {'scan' if case.scanned else 'name'}  {case.path}")
    print(f"{len(made)} files", file=sys.stderr)
