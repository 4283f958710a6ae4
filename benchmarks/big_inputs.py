"""The 100-megapixel inputs of ``big_photo_memory.py``: one file per kind of pixel data read.

Each is built once into a cache folder (``$KMEANS_BIG_INPUTS``, else the temporary folder) from
the benchmark corpus photos (``bash ../shared/bench/corpus.sh``; never committed). The 16-bit
and floating-point files are written here byte by byte (TIFF, PNG, ICO headers), since Pillow
writes none of them at 16 bits per colour channel.
"""

from __future__ import annotations

import io
import os
import struct
import sys
import tempfile
import zlib
from collections.abc import Callable
from pathlib import Path

import numpy as np

CORPUS = Path(os.environ.get("KMEANS_CORPUS", Path.home() / ".cache" / "kmeans-gui-corpus"))
FOLDER = Path(os.environ.get("KMEANS_BIG_INPUTS", Path(tempfile.gettempdir()) / "kmeans-gui-big"))
PHOTO_SIZE = (12247, 8165)  # 99,996,755 pixels, 3:2
SQUARE = (10000, 10000)  # exactly the 100-megapixel limit
_ROWS = 500  # rows converted and written at a time


def corpus_canvas(width: int, height: int) -> np.ndarray:
    """An (height, width, 3) uint8 photo tiled 4 x 4 from the corpus photos, mirrored in turn."""
    from PIL import Image, ImageOps

    photos = sorted(CORPUS.glob("*.jpg"))
    if not photos:
        sys.exit(f"no corpus photos in {CORPUS}: run `bash ../shared/bench/corpus.sh` first")
    canvas = np.empty((height, width, 3), dtype=np.uint8)
    xs = np.linspace(0, width, 5).astype(int)
    ys = np.linspace(0, height, 5).astype(int)
    n = 0
    for r in range(4):
        for c in range(4):
            with Image.open(photos[n % len(photos)]) as im:
                tile = im.convert("RGB").resize((xs[c + 1] - xs[c], ys[r + 1] - ys[r]))
            if n // len(photos) % 2:
                tile = ImageOps.mirror(tile)
            canvas[ys[r] : ys[r + 1], xs[c] : xs[c + 1]] = np.asarray(tile)
            n += 1
    return canvas


def _alpha(height: int, width: int) -> np.ndarray:
    """An alpha plane: a transparent band on the left, a partly transparent ramp, then opaque."""
    ramp = np.clip(np.linspace(-64, 400, width), 0, 255).astype(np.uint8)
    return np.broadcast_to(ramp, (height, width))


def _tiff(path: Path, width: int, height: int, samples: int, bits: int, float_: bool,
          rows: Callable[[int, int], np.ndarray]) -> None:  # fmt: skip
    """Write an uncompressed little-endian TIFF of one strip; ``rows(top, bottom)`` gives the
    samples of those rows as an array of the right dtype."""
    photometric = 2 if samples >= 3 else 1
    entries: list[tuple[int, int, int, int | bytes]] = []  # tag, type, count, value or data
    per = struct.pack(f"<{samples}H", *([bits] * samples))
    fmt = struct.pack(f"<{samples}H", *([3 if float_ else 1] * samples))
    data_bytes = width * height * samples * bits // 8
    entries += [(256, 4, 1, width), (257, 4, 1, height),
                (258, 3, samples, per if samples > 2 else bits), (259, 3, 1, 1),
                (262, 3, 1, photometric), (273, 4, 1, 0), (277, 3, 1, samples),
                (278, 4, 1, height), (279, 4, 1, data_bytes), (284, 3, 1, 1)]  # fmt: skip
    if samples == 4:
        entries.append((338, 3, 1, 2))  # unassociated alpha
    entries.append((339, 3, samples, fmt if samples > 2 else (3 if float_ else 1)))
    ifd_size = 2 + 12 * len(entries) + 4
    extra_at = 8 + ifd_size
    extras = b""
    packed = []
    for tag, typ, count, value in entries:
        if isinstance(value, bytes):
            packed.append(struct.pack("<HHII", tag, typ, count, extra_at + len(extras)))
            extras += value
        elif typ == 3:
            packed.append(struct.pack("<HHIHH", tag, typ, count, value, 0))
        else:
            packed.append(struct.pack("<HHII", tag, typ, count, value))
    data_at = extra_at + len(extras)
    packed[5] = struct.pack("<HHII", 273, 4, 1, data_at)
    with open(path, "wb") as out:
        out.write(b"II" + struct.pack("<HI", 42, 8))
        out.write(struct.pack("<H", len(entries)) + b"".join(packed) + struct.pack("<I", 0))
        out.write(extras)
        for top in range(0, height, _ROWS):
            out.write(np.ascontiguousarray(rows(top, min(top + _ROWS, height))).tobytes())


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png16(path: Path, width: int, height: int, colour_type: int,
           rows: Callable[[int, int], np.ndarray]) -> None:  # fmt: skip
    """Write a 16-bit PNG (colour type 0 grey, 2 RGB, 6 RGBA); ``rows`` gives big-endian samples."""
    z = zlib.compressobj(1)
    with open(path, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n")
        out.write(_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 16, colour_type, 0, 0, 0)))
        for top in range(0, height, _ROWS):
            samples = width * {0: 1, 2: 3, 6: 4}[colour_type]
            block = rows(top, min(top + _ROWS, height)).astype(">u2").reshape(-1, samples)
            filtered = np.hstack([np.zeros((block.shape[0], 1), np.uint8), block.view(np.uint8)])
            out.write(_chunk(b"IDAT", z.compress(filtered.tobytes())))
        out.write(_chunk(b"IDAT", z.flush()))
        out.write(_chunk(b"IEND", b""))


def build(name: str) -> Path:
    """The cached input `name` (one of INPUTS), built if missing."""
    make, suffix = INPUTS[name]
    FOLDER.mkdir(parents=True, exist_ok=True)
    path = FOLDER / f"100mp-{name}{suffix}"
    if not path.exists():
        tmp = path.with_name(f".{path.name}.tmp")
        make(tmp)
        os.replace(tmp, path)
    return path


def _photo(path: Path) -> None:
    from PIL import Image

    Image.fromarray(corpus_canvas(*PHOTO_SIZE)).save(path, format="JPEG", quality=92)


def _cmyk_jpeg(path: Path) -> None:
    """A CMYK JPEG (no colour profile): Pillow holds CMYK at 4 bytes per pixel."""
    from PIL import Image

    Image.fromarray(corpus_canvas(*SQUARE)).convert("CMYK").save(path, format="JPEG", quality=90)


def _rgb16_tiff(path: Path) -> None:
    w, h = SQUARE
    rgb = corpus_canvas(w, h)
    _tiff(path, w, h, 3, 16, False, lambda a, b: rgb[a:b].astype("<u2") * 257)


def _rgba16_tiff(path: Path) -> None:
    """The largest file the app accepts at 100 MP: 800 MB of 16-bit RGBA samples."""
    w, h = SQUARE
    rgb = corpus_canvas(w, h)
    alpha = _alpha(h, w)

    def rows(a: int, b: int) -> np.ndarray:
        return np.dstack([rgb[a:b], alpha[a:b]]).astype("<u2") * 257

    _tiff(path, w, h, 4, 16, False, rows)


def _rgb16_png(path: Path) -> None:
    w, h = SQUARE
    rgb = corpus_canvas(w, h)
    _png16(path, w, h, 2, lambda a, b: rgb[a:b].astype(np.uint16) * 257)


def _grey(w: int, h: int) -> np.ndarray:
    rgb = corpus_canvas(w, h)
    return (rgb @ np.array([0.299, 0.587, 0.114])).astype(np.float32)  # 0..255


def _grey16_png(path: Path) -> None:
    w, h = SQUARE
    grey = _grey(w, h)
    _png16(path, w, h, 0, lambda a, b: np.rint(grey[a:b] * 257.0))


def _float_tiff(path: Path) -> None:
    """Mode F, values 0..1 (scaled by 255 on loading: both passes over the values)."""
    w, h = SQUARE
    grey = _grey(w, h)
    _tiff(path, w, h, 1, 32, True, lambda a, b: (grey[a:b] / 255.0).astype("<f4"))


def _int32_tiff(path: Path) -> None:
    """Mode I (32-bit signed integers), values 0..65535 with a few outside that range."""
    w, h = SQUARE
    grey = _grey(w, h)

    def rows(a: int, b: int) -> np.ndarray:
        values = np.rint(grey[a:b] * 257.0).astype("<i4")
        values[:, :10] = -5  # clipped on loading
        return values

    _tiff(path, w, h, 1, 32, False, rows)


def _palette_png(path: Path) -> None:
    """A 256-colour palette image whose entry 0 is transparent (tRNS): read as RGBA."""
    from PIL import Image

    w, h = SQUARE
    rgb = Image.fromarray(corpus_canvas(w, h))
    small = rgb.resize((w // 8, h // 8)).quantize(256)
    im = rgb.quantize(palette=small, dither=Image.Dither.NONE)
    im.save(path, format="PNG", compress_level=1, transparency=0)


def _rgba_png(path: Path) -> None:
    from PIL import Image

    w, h = SQUARE
    rgba = np.dstack([corpus_canvas(w, h), _alpha(h, w)])
    Image.fromarray(rgba, "RGBA").save(path, format="PNG", compress_level=1)


def _ico_1bit(path: Path) -> None:
    """A PNG-in-ICO of a 10000 x 10000 1-bit image (the ICO header says 256 x 256): ~15 KB."""
    from PIL import Image, ImageDraw

    w, h = SQUARE
    im = Image.new("1", (w, h), 0)
    draw = ImageDraw.Draw(im)
    for i in range(0, w, 997):
        draw.rectangle((i, i // 2, i + 400, i // 2 + 300), fill=1)
    png = io.BytesIO()
    im.save(png, format="PNG")
    data = png.getvalue()
    header = struct.pack("<HHH", 0, 1, 1)
    entry = struct.pack("<BBBBHHII", 0, 0, 0, 0, 1, 32, len(data), 6 + 16)
    path.write_bytes(header + entry + data)


def _all_colours(path: Path) -> None:
    """4096 x 4096 pixels holding each of the 16,777,216 colours once, shuffled: the most
    distinct colours any image can have (per-colour arrays at their largest)."""
    from PIL import Image

    codes = np.random.default_rng(0).permutation(1 << 24).astype(np.uint32)
    rgb = np.stack([codes >> 16, codes >> 8, codes], axis=-1).astype(np.uint8)
    Image.fromarray(rgb.reshape(4096, 4096, 3)).save(path, format="PNG", compress_level=1)


def _rgba_noise(path: Path) -> None:
    """RGBA noise at the limit for partly transparent images (kmeans_gui.imaging.limits
    MAX_TRANSLUCENT_PIXELS, 4000 x 4000): nearly every pixel a distinct RGBA value."""
    from PIL import Image

    rng = np.random.default_rng(0)
    rgba = rng.integers(0, 256, (4000, 4000, 4), dtype=np.uint8)
    rgba[..., 3] |= 1  # no fully transparent pixel: every value is clustered
    Image.fromarray(rgba, "RGBA").save(path, format="PNG", compress_level=1)


INPUTS: dict[str, tuple[Callable[[Path], None], str]] = {
    "photo": (_photo, ".jpg"),
    "cmyk-jpeg": (_cmyk_jpeg, ".jpg"),
    "rgb16-tiff": (_rgb16_tiff, ".tif"),
    "rgba16-tiff": (_rgba16_tiff, ".tif"),
    "rgb16-png": (_rgb16_png, ".png"),
    "grey16-png": (_grey16_png, ".png"),
    "float-tiff": (_float_tiff, ".tif"),
    "int32-tiff": (_int32_tiff, ".tif"),
    "palette-png": (_palette_png, ".png"),
    "rgba-png": (_rgba_png, ".png"),
    "ico-1bit": (_ico_1bit, ".ico"),
    "all-colours": (_all_colours, ".png"),
    "rgba-noise-16mp": (_rgba_noise, ".png"),
}
"""Input name -> (builder, file suffix)."""
