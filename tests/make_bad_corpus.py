"""Generate the corpus of bad and awkward inputs of issue #7 into a folder (nothing downloaded).

    python tests/make_bad_corpus.py FOLDER

The tests build it once per session (the ``bad_corpus`` fixture in conftest.py); each
:class:`Case` says what loading the file must do: fail with a reason, or succeed with a
given size, alpha, ICC profile or notice. "Unreadable" (no permission) cannot be a file
property when tests run as root, so that case is a readable file flagged ``unreadable``,
which the tests make unreadable by patching the read.
"""

from __future__ import annotations

import errno
import io
import struct
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageCms, PngImagePlugin

BIG_SIZE = (1600, 1200)
"""The legitimate photo refused under a lowered limit (1.92 megapixels)."""
LOWERED_LIMIT = 1_000_000
HUGE_SIZE = (10240, 10240)
"""A valid greyscale PNG of 104.9 megapixels, above the app's 100-megapixel limit."""
BOMB_SIZE = (20000, 20000)
"""What the bomb's header claims (400 megapixels); its data are a few bytes."""


@dataclass(frozen=True)
class Case:
    """One file of the corpus and what loading it must do.

    Attributes
    ----------
    key : str
        Short identifier (test ids).
    path : Path
    error : str or None
        Part of the reason when the file must be refused; None when it must load.
    size : (width, height) or None
        Expected size of the loaded image (upright).
    alpha : bool
        Whether the loaded image has an alpha channel.
    icc : bool
        Whether the loaded image keeps an ICC profile.
    notice : str or None
        Part of a notice the loaded image must carry.
    colors : int or None
        Number of distinct colours in the image, when small.
    unreadable : bool
        The tests must make this file unreadable (permission denied).
    """

    key: str
    path: Path
    error: str | None = None
    size: tuple[int, int] | None = None
    alpha: bool = False
    icc: bool = False
    notice: str | None = None
    colors: int | None = None
    unreadable: bool = False

    @property
    def loads(self) -> bool:
        """Whether the file must load (without the simulated permission problem)."""
        return self.error is None and not self.unreadable


def photo_array(width: int, height: int, seed: int = 0) -> np.ndarray:
    """A photo-like (height, width, 3) uint8 image: gradients plus noise."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width]
    rgb = np.stack(
        [x * 255 // max(width - 1, 1), y * 255 // max(height - 1, 1),
         (x + y) * 127 // max(width + height - 2, 1)], axis=-1,
    )  # fmt: skip
    rgb = rgb + rng.integers(-16, 17, rgb.shape)
    return np.clip(rgb, 0, 255).astype(np.uint8)


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png(width: int, height: int, colour_type: int, idat: bytes) -> bytes:
    """A PNG file of 8-bit samples from its IHDR values and compressed IDAT data."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", idat)
            + _png_chunk(b"IEND", b""))  # fmt: skip


def bomb_png() -> bytes:
    """A decompression bomb: the header claims 20000 x 20000 RGB, the data are tiny."""
    return _png(*BOMB_SIZE, 2, zlib.compress(b"\x00" * 64))


def huge_png() -> bytes:
    """A valid 10240 x 10240 greyscale PNG (every row present), streamed through zlib."""
    width, height = HUGE_SIZE
    row = b"\x00" + bytes(range(256)) * (width // 256)  # filter byte, then a ramp
    packer = zlib.compressobj(1)
    idat = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    return _png(width, height, 0, idat)


def _encoded(image: Image.Image, fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def _exif_orientation(orientation: int) -> bytes:
    exif = Image.Exif()
    exif[0x0112] = orientation
    return exif.tobytes()


def _frames(n: int, size: tuple[int, int] = (24, 16)) -> list[Image.Image]:
    colours = [(220, 40, 40), (40, 200, 60), (30, 60, 230), (240, 200, 20)]
    return [Image.new("RGB", size, colours[i % len(colours)]) for i in range(n)]


def make_corpus(folder: str | Path) -> dict[str, Case]:
    """Write every case into `folder` (created); return the cases by key."""
    root = Path(folder)
    root.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []

    def add(key: str, name: str, data: bytes, **expect: object) -> None:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        cases.append(Case(key, path, **expect))  # type: ignore[arg-type]

    rgb = photo_array(64, 48)
    png = _encoded(Image.fromarray(rgb), "PNG")
    jpeg = _encoded(Image.fromarray(rgb), "JPEG", quality=90)

    # Not images, empty, truncated, mislabelled, unreadable, awkward names.
    add("text", "notes.txt", b"Shopping list:\n- milk\n- bread\n",
        error="it is a text file")  # fmt: skip
    add("pdf", "invoice.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n",
        error="it is a PDF document")  # fmt: skip
    folder_case = root / "x.jpg"
    folder_case.mkdir(exist_ok=True)
    cases.append(Case("folder", folder_case, error="is a folder"))
    add("empty", "empty.png", b"", error="is empty (0 bytes)")
    add("random", "noise.png", np.random.default_rng(5).bytes(3000),
        error="is not an image")  # fmt: skip
    add("truncated_jpeg", "cut.jpg", jpeg[: len(jpeg) // 2], error="truncated or corrupt")
    add("truncated_png", "cut.png", png[: len(png) // 2], error="truncated or corrupt")
    add("png_named_jpg", "really a png.jpg", png, size=(64, 48))
    add("jpeg_named_png", "really a jpeg.png", jpeg, size=(64, 48))
    add("unreadable", "locked.png", png, size=(64, 48), unreadable=True)
    add("non_ascii", "Fotos für Oma/été 2024 ☀.png", png, size=(64, 48))

    # Hostile (issue #13): PostScript behind an image name (an endless loop, were it run),
    # zlib bombs in a PNG's text chunk (dropped, issue #15) and colour-profile chunk (refused).
    add("eps", "logo.png", b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 64 48\n{ } loop\n",
        error="is an EPS file, which is not read")  # fmt: skip
    add("dos_eps", "scan.tif", b"\xc5\xd0\xd3\xc6" + bytes(28) + b"%!PS-Adobe-3.0\n{ } loop\n",
        error="is an EPS file, which is not read")  # fmt: skip
    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", "x" * 30_000_000, zip=True)
    add("text_bomb", "text bomb.png", _encoded(Image.fromarray(rgb), "PNG", pnginfo=text),
        size=(64, 48), notice="(a decompression bomb), not kept")  # fmt: skip
    add("icc_bomb", "profile bomb.png",
        _encoded(Image.fromarray(rgb), "PNG", icc_profile=bytes(30_000_000)),
        error="(a decompression bomb)")  # fmt: skip

    # Big inputs.
    add("bomb", "bomb.png", bomb_png(), error="the limit is 100 megapixels")
    add("huge", "huge.png", huge_png(), error="the limit is 100 megapixels")
    add("big", "big.jpg", _encoded(Image.fromarray(photo_array(*BIG_SIZE, seed=3)), "JPEG"),
        size=BIG_SIZE)  # fmt: skip

    # Tiny, few colours, unusual modes.
    add("1x1", "1x1.png", _encoded(Image.new("RGB", (1, 1), (10, 120, 200)), "PNG"),
        size=(1, 1), colors=1)  # fmt: skip
    add("1xN", "1x40.png", _encoded(Image.fromarray(photo_array(1, 40, seed=1)), "PNG"),
        size=(1, 40))  # fmt: skip
    add("Nx1", "40x1.png", _encoded(Image.fromarray(photo_array(40, 1, seed=2)), "PNG"),
        size=(40, 1))  # fmt: skip
    add("very_tall", "1x100000.png", _encoded(Image.fromarray(photo_array(1, 100_000)), "PNG"),
        size=(1, 100_000))  # fmt: skip
    add("very_wide", "65535x1.png", _encoded(Image.fromarray(photo_array(65_535, 1)), "PNG"),
        size=(65_535, 1))  # fmt: skip
    add("single_colour", "grey wall.png", _encoded(Image.new("RGB", (30, 20), (90, 90, 90)),
        "PNG"), size=(30, 20), colors=1)  # fmt: skip
    three = np.zeros((20, 30, 3), np.uint8)
    three[:, 10:20] = (200, 30, 30)
    three[:, 20:] = (30, 30, 200)
    add("three_colours", "three colours.png", _encoded(Image.fromarray(three), "PNG"),
        size=(30, 20), colors=3)  # fmt: skip
    add("grey", "grey.jpg", _encoded(Image.fromarray(rgb[:, :, 1]), "JPEG"), size=(64, 48))
    grey16 = (np.arange(64 * 48, dtype=np.uint16).reshape(48, 64) * 21).astype(np.uint16)
    add("grey16", "grey16.png", _encoded(Image.fromarray(grey16), "PNG"), size=(64, 48),
        notice="more than 8 bits")  # fmt: skip
    deep = photo_array(64, 48).astype(">u2")
    add("ppm16", "deep.ppm", b"P6 64 48 65535\n" + (deep * 257 + 3).tobytes(), size=(64, 48),
        notice="more than 8 bits")  # fmt: skip
    add("ppm10", "ten bit.ppm", b"P6 64 48 1023\n" + (deep * 4).tobytes(), size=(64, 48),
        notice="more than 8 bits")  # fmt: skip
    floats = np.linspace(0, 1, 64 * 48, dtype="<f4").tobytes()
    add("pfm", "float.pfm", b"Pf\n64 48\n-1.0\n" + floats, size=(64, 48),
        notice="floating-point")  # fmt: skip
    add("cmyk", "cmyk.jpg", _encoded(Image.fromarray(rgb).convert("CMYK"), "JPEG"),
        size=(64, 48), notice="CMYK")  # fmt: skip
    palette_image = Image.fromarray(rgb).quantize(8)
    palette_image.info["transparency"] = 0
    add("palette_transparent", "palette transparent.png",
        _encoded(palette_image, "PNG", transparency=0), size=(64, 48), alpha=True)  # fmt: skip
    rgba = np.dstack([rgb, np.tile(np.linspace(0, 255, 64).astype(np.uint8), (48, 1))])
    add("semi_transparent", "semi transparent.png", _encoded(Image.fromarray(rgba), "PNG"),
        size=(64, 48), alpha=True, notice="partly transparent")  # fmt: skip

    # Animations: the first frame, with a notice.
    first, *rest = _frames(3)
    add("animated_gif", "animated.gif",
        _encoded(first, "GIF", save_all=True, append_images=rest, duration=100, loop=0),
        size=(24, 16), notice="first of 3 frames", colors=1)  # fmt: skip
    first, *rest = _frames(3)
    add("animated_webp", "animated.webp",
        _encoded(first, "WEBP", save_all=True, append_images=rest, duration=100,
                 lossless=True),
        size=(24, 16), notice="first of 3 frames", colors=1)  # fmt: skip
    first, *rest = _frames(3)
    add("animated_png", "animated.png",
        _encoded(first, "PNG", save_all=True, append_images=rest, duration=100),
        size=(24, 16), notice="first of 3 frames", colors=1)  # fmt: skip

    # Orientation and colour profile.
    stored = photo_array(40, 30, seed=4)
    stored[:6, :6] = (255, 0, 0)  # a red mark in the stored top-left corner
    for orientation in (6, 8):
        add(f"exif{orientation}", f"rotated {orientation}.jpg",
            _encoded(Image.fromarray(stored), "JPEG", quality=95,
                     exif=_exif_orientation(orientation)),
            size=(30, 40))  # fmt: skip
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    add("icc", "with profile.jpg",
        _encoded(Image.fromarray(rgb), "JPEG", icc_profile=srgb), size=(64, 48),
        icc=True)  # fmt: skip
    return {case.key: case for case in cases}


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python tests/make_bad_corpus.py FOLDER")
    for case in make_corpus(sys.argv[1]).values():
        print(f"{case.key:<20} {case.path.name:<28} "
              f"{'error: ' + case.error if case.error else 'loads'}")  # fmt: skip


def make_unreadable(monkeypatch, *paths: Path) -> None:
    """Refuse to read `paths` as the OS does without permission (tests run as root)."""
    refused = {Path(p).absolute() for p in paths}
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.absolute() in refused:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
