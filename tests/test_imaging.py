"""Tests for kmeans_gui.imaging: loading every pixel mode, encoding and decoding palettes."""

from __future__ import annotations

import errno
import io
import pickle
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageCms, ImageOps, features

from kmeans_gui import imaging
from kmeans_gui.files import ImageLoadError, ImageSaveError, write_atomic
from kmeans_gui.formats import SAVE_FORMATS
from kmeans_gui.imaging import (
    MAX_PIXELS,
    LoadedImage,
    decode_output,
    dither_indices,
    encode_indexed,
    load_image,
)
from kmeans_gui.imaging.modes import to_rgb_alpha

RNG_SEED = 1234


def save(im: Image.Image, path: Path, fmt: str | None = None, **options: object) -> Path:
    """Save a Pillow image and return its path."""
    im.save(path, format=fmt, **options)
    return path


def srgb_profile() -> bytes:
    """Return the bytes of an sRGB ICC profile made by LittleCMS."""
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def mode_of(path: Path) -> str:
    """Return the Pillow mode a file opens in."""
    with Image.open(path) as im:
        return im.mode


def png_bit_depth(data: bytes) -> int:
    """Return the bit depth byte of a PNG's IHDR chunk."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    return data[24]


def random_palette_image(k: int, shape: tuple[int, int] = (9, 13)) -> tuple[np.ndarray, np.ndarray]:
    """Return a (K, 3) uint8 palette of distinct colours and (H, W) indices using all of them."""
    rng = np.random.default_rng(RNG_SEED + k)
    codes = rng.choice(1 << 24, size=k, replace=False)
    palette = np.stack([(codes >> 16) & 255, (codes >> 8) & 255, codes & 255], axis=1)
    palette = palette.astype(np.uint8)
    indices = rng.integers(0, k, size=shape)
    indices.flat[:k] = np.arange(k)
    return palette, indices


# --------------------------------------------------------------------------------------------
# load_image: modes
# --------------------------------------------------------------------------------------------


def test_rgb_png_round_trip(tmp_path: Path) -> None:
    rgb = np.random.default_rng(RNG_SEED).integers(0, 256, (5, 7, 3), dtype=np.uint8)
    path = save(Image.fromarray(rgb), tmp_path / "rgb.png")

    loaded = load_image(path)

    assert isinstance(loaded, LoadedImage)
    np.testing.assert_array_equal(loaded.rgb, rgb)
    assert loaded.rgb.dtype == np.uint8 and loaded.rgb.flags.c_contiguous
    assert loaded.alpha is None
    assert (loaded.width, loaded.height) == (7, 5)
    assert loaded.format == "PNG"
    assert loaded.file_bytes == path.stat().st_size
    assert loaded.path == path
    assert loaded.icc_profile is None
    assert loaded.notices == ()


def test_accepts_str_path(tmp_path: Path) -> None:
    path = save(Image.new("RGB", (2, 2), (1, 2, 3)), tmp_path / "s.png")
    assert load_image(str(path)).rgb[0, 0].tolist() == [1, 2, 3]


def test_mode_1(tmp_path: Path) -> None:
    im = Image.new("1", (3, 2), 0)
    im.putpixel((1, 0), 1)
    loaded = load_image(save(im, tmp_path / "bw.png"))
    expected = np.zeros((2, 3, 3), np.uint8)
    expected[0, 1] = 255
    np.testing.assert_array_equal(loaded.rgb, expected)
    assert loaded.alpha is None


def test_mode_l(tmp_path: Path) -> None:
    grey = np.array([[0, 17, 128], [200, 254, 255]], np.uint8)
    loaded = load_image(save(Image.fromarray(grey), tmp_path / "grey.png"))
    np.testing.assert_array_equal(loaded.rgb, np.repeat(grey[:, :, None], 3, axis=2))
    assert loaded.alpha is None


def test_mode_la(tmp_path: Path) -> None:
    grey = np.array([[10, 20], [30, 40]], np.uint8)
    alpha = np.array([[0, 255], [128, 255]], np.uint8)
    im = Image.merge("LA", [Image.fromarray(grey), Image.fromarray(alpha)])
    loaded = load_image(save(im, tmp_path / "la.png"))
    np.testing.assert_array_equal(loaded.rgb, np.repeat(grey[:, :, None], 3, axis=2))
    np.testing.assert_array_equal(loaded.alpha, alpha)


def test_mode_p(tmp_path: Path) -> None:
    palette, indices = random_palette_image(5)
    im = Image.frombytes("P", indices.shape[::-1], indices.astype(np.uint8).tobytes())
    im.putpalette(palette.tobytes())
    loaded = load_image(save(im, tmp_path / "p.png"))
    np.testing.assert_array_equal(loaded.rgb, palette[indices])
    assert loaded.alpha is None


def test_mode_p_with_transparency_index(tmp_path: Path) -> None:
    palette, indices = random_palette_image(4)
    im = Image.frombytes("P", indices.shape[::-1], indices.astype(np.uint8).tobytes())
    im.putpalette(palette.tobytes())
    loaded = load_image(save(im, tmp_path / "pt.png", transparency=2))
    np.testing.assert_array_equal(loaded.rgb, palette[indices])
    np.testing.assert_array_equal(loaded.alpha, np.where(indices == 2, 0, 255))


def test_mode_p_with_per_entry_alpha(tmp_path: Path) -> None:
    palette, indices = random_palette_image(3)
    im = Image.frombytes("P", indices.shape[::-1], indices.astype(np.uint8).tobytes())
    im.putpalette(palette.tobytes())
    loaded = load_image(save(im, tmp_path / "pa.png", transparency=bytes([255, 100, 0])))
    np.testing.assert_array_equal(loaded.alpha, np.array([255, 100, 0], np.uint8)[indices])


def test_mode_p_with_unused_transparency_is_opaque(tmp_path: Path) -> None:
    im = Image.new("P", (2, 2), 0)
    im.putpalette(bytes([9, 8, 7, 1, 2, 3]))
    loaded = load_image(save(im, tmp_path / "p.png", transparency=1))
    assert loaded.alpha is None
    assert loaded.rgb[1, 1].tolist() == [9, 8, 7]


def test_mode_pa(tmp_path: Path) -> None:
    im = Image.new("PA", (2, 1))
    im.putpalette(bytes([10, 20, 30, 200, 100, 50]))
    im.putpixel((0, 0), (0, 255))
    im.putpixel((1, 0), (1, 60))
    loaded = load_image(save(im, tmp_path / "pa.tif"))
    assert loaded.rgb.tolist() == [[[10, 20, 30], [200, 100, 50]]]
    assert loaded.alpha.tolist() == [[255, 60]]


def test_mode_rgba(tmp_path: Path) -> None:
    rgba = np.random.default_rng(RNG_SEED).integers(0, 256, (4, 6, 4), dtype=np.uint8)
    loaded = load_image(save(Image.fromarray(rgba), tmp_path / "rgba.png"))
    np.testing.assert_array_equal(loaded.rgb, rgba[:, :, :3])
    np.testing.assert_array_equal(loaded.alpha, rgba[:, :, 3])
    assert loaded.rgb.flags.c_contiguous and loaded.alpha.flags.c_contiguous


def test_rgba_fully_opaque_has_no_alpha(tmp_path: Path) -> None:
    loaded = load_image(save(Image.new("RGBA", (3, 3), (5, 6, 7, 255)), tmp_path / "o.png"))
    assert loaded.alpha is None
    assert loaded.rgb[2, 2].tolist() == [5, 6, 7]


@pytest.mark.parametrize("fmt", ["TIFF", "JPEG"])
def test_mode_cmyk(tmp_path: Path, fmt: str) -> None:
    im = Image.new("CMYK", (4, 1))
    for x, value in enumerate([(0, 0, 0, 0), (255, 0, 0, 0), (0, 0, 0, 255), (0, 255, 255, 0)]):
        im.putpixel((x, 0), value)
    loaded = load_image(save(im, tmp_path / f"cmyk.{fmt.lower()}", fmt, quality=100))
    expected = np.array([[[255, 255, 255], [0, 255, 255], [0, 0, 0], [255, 0, 0]]])
    tolerance = 0 if fmt == "TIFF" else 40  # JPEG is lossy and subsamples colour
    assert np.abs(loaded.rgb.astype(int) - expected).max() <= tolerance
    assert any("CMYK" in notice for notice in loaded.notices)


def test_mode_ycbcr_jpeg(tmp_path: Path) -> None:
    loaded = load_image(save(Image.new("RGB", (8, 8), (200, 30, 90)), tmp_path / "y.jpg"))
    assert loaded.format == "JPEG"
    assert np.abs(loaded.rgb.astype(int) - [200, 30, 90]).max() <= 4


def test_mode_i16_png(tmp_path: Path) -> None:
    values = np.array([[0, 128, 257 * 50, 65535, 257 * 100 + 128]], np.uint16)
    path = save(Image.fromarray(values), tmp_path / "deep.png")
    assert mode_of(path) == "I;16"  # the test really exercises 16-bit input

    loaded = load_image(path)

    expected = np.array([[0, 0, 50, 255, 100]], np.uint8)  # round(v / 257)
    np.testing.assert_array_equal(loaded.rgb, np.repeat(expected[:, :, None], 3, axis=2))
    assert imaging.DEEP_NOTICE in loaded.notices


def test_16_bit_colour_png_gets_the_notice(tmp_path: Path) -> None:
    values = (np.arange(4 * 5 * 3).reshape(4, 5, 3) * 1000).astype(">u2")
    rows = b"".join(b"\0" + row.tobytes() for row in values)  # filter byte 0, then samples

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    path = tmp_path / "deep_colour.png"  # Pillow writes no 16-bit RGB PNG: made by hand
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 5, 4, 16, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )
    assert mode_of(path) == "RGB"  # Pillow hides the depth in the mode

    loaded = load_image(path)

    assert np.abs(loaded.rgb.astype(int) - values / 257).max() <= 1
    assert imaging.DEEP_NOTICE in loaded.notices
    eight_bit = save(Image.fromarray(loaded.rgb), tmp_path / "eight.png")
    assert imaging.DEEP_NOTICE not in load_image(eight_bit).notices


def test_mode_i16b_tiff(tmp_path: Path) -> None:
    values = np.array([[0, 257 * 7, 65535]], dtype=">u2")
    im = Image.frombytes("I;16B", (3, 1), values.tobytes())
    loaded = load_image(save(im, tmp_path / "deep.tif"))
    assert loaded.rgb[0, :, 0].tolist() == [0, 7, 255]


def test_mode_i_tiff(tmp_path: Path) -> None:
    values = np.array([[-5, 0, 257 * 20, 65535, 70000]], np.int32)
    path = save(Image.fromarray(values), tmp_path / "int.tif")
    assert mode_of(path) == "I"

    loaded = load_image(path)

    assert loaded.rgb[0, :, 0].tolist() == [0, 0, 20, 255, 255]
    assert np.array_equal(loaded.rgb[..., 0], loaded.rgb[..., 2])
    assert any("clipped" in notice for notice in loaded.notices)


def test_mode_f_tiff_unit_range_is_scaled(tmp_path: Path) -> None:
    values = np.array([[0.0, 0.5, 1.0, np.nan]], np.float32)
    path = save(Image.fromarray(values), tmp_path / "float.tif")
    assert mode_of(path) == "F"
    assert load_image(path).rgb[0, :, 1].tolist() == [0, 128, 255, 0]


def test_mode_f_tiff_wide_range_is_clipped(tmp_path: Path) -> None:
    values = np.array([[-3.0, 2.0, 99.4, 300.0]], np.float32)
    loaded = load_image(save(Image.fromarray(values), tmp_path / "float.tif"))
    assert loaded.rgb[0, :, 1].tolist() == [0, 2, 99, 255]


def test_colour_key_transparency_in_rgb_png(tmp_path: Path) -> None:
    im = Image.new("RGB", (2, 1), (1, 2, 3))
    im.putpixel((1, 0), (40, 50, 60))
    loaded = load_image(save(im, tmp_path / "key.png", transparency=(40, 50, 60)))
    assert loaded.alpha.tolist() == [[255, 0]]


def test_unsupported_mode_is_a_load_error(tmp_path: Path, monkeypatch) -> None:
    path = save(Image.new("L", (2, 2)), tmp_path / "odd.png")

    def refuse(self: Image.Image, *args: object, **kwargs: object) -> Image.Image:
        raise ValueError("conversion not supported")

    monkeypatch.setattr(Image.Image, "convert", refuse)
    assert_load_error(path, "unsupported colour mode (L)")


# --------------------------------------------------------------------------------------------
# load_image: orientation, ICC, frames, HEIF/AVIF
# --------------------------------------------------------------------------------------------


def oriented_image(orientation: int) -> tuple[Image.Image, Image.Exif]:
    """A 40x20 white image with a red 10x10 block in its stored top-left corner."""
    im = Image.new("RGB", (40, 20), (255, 255, 255))
    im.paste((255, 0, 0), (0, 0, 10, 10))
    exif = Image.Exif()
    exif[0x0112] = orientation
    return im, exif


@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])
def test_exif_orientation_6_is_applied(tmp_path: Path, fmt: str) -> None:
    im, exif = oriented_image(6)
    path = save(im, tmp_path / f"rotated.{fmt.lower()}", fmt, exif=exif, quality=95)

    loaded = load_image(path)

    # Orientation 6: the stored image is shown turned 90 degrees clockwise.
    assert loaded.rgb.shape == (40, 20, 3)
    assert (loaded.width, loaded.height) == (20, 40)
    top_right = loaded.rgb[5, 15].astype(int)
    top_left = loaded.rgb[5, 5].astype(int)
    assert np.abs(top_right - [255, 0, 0]).max() <= 10
    assert np.abs(top_left - [255, 255, 255]).max() <= 10
    assert loaded.rgb.flags.c_contiguous


def test_exif_orientation_3(tmp_path: Path) -> None:
    im, exif = oriented_image(3)
    loaded = load_image(save(im, tmp_path / "upside_down.png", exif=exif))
    assert loaded.rgb.shape == (20, 40, 3)
    assert loaded.rgb[-1, -1].tolist() == [255, 0, 0]
    assert loaded.rgb[0, 0].tolist() == [255, 255, 255]


def test_icc_profile_is_kept(tmp_path: Path) -> None:
    profile = srgb_profile()
    path = save(Image.new("RGB", (3, 3), (9, 9, 9)), tmp_path / "icc.png", icc_profile=profile)
    assert load_image(path).icc_profile == profile


def test_icc_profile_kept_for_jpeg(tmp_path: Path) -> None:
    profile = srgb_profile()
    path = save(Image.new("RGB", (8, 8)), tmp_path / "icc.jpg", icc_profile=profile)
    assert load_image(path).icc_profile == profile


def test_non_rgb_icc_profile_is_not_kept() -> None:
    fake_grey_profile = bytes(16) + b"GRAY" + bytes(108)
    im = Image.new("L", (2, 2), 77)
    rgb, alpha, icc, _ = to_rgb_alpha(im, fake_grey_profile)
    assert icc is None
    assert rgb[0, 0].tolist() == [77, 77, 77] and alpha is None


def test_animated_gif_first_frame_and_notice(tmp_path: Path) -> None:
    colours = [(255, 0, 0), (0, 255, 0), (0, 0, 255)]
    frames = [Image.new("RGB", (6, 4), c) for c in colours]
    path = tmp_path / "anim.gif"
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=100, loop=0)

    loaded = load_image(path)

    assert loaded.rgb.shape == (4, 6, 3)
    assert (loaded.rgb == np.array(colours[0], np.uint8)).all()
    assert "animated GIF: first of 3 frames used" in loaded.notices


def test_multipage_tiff_notice(tmp_path: Path) -> None:
    pages = [Image.new("L", (2, 2), v) for v in (10, 20)]
    path = tmp_path / "pages.tif"
    pages[0].save(path, save_all=True, append_images=pages[1:])
    loaded = load_image(path)
    assert loaded.rgb[0, 0].tolist() == [10, 10, 10]
    assert "multi-page TIFF: first of 2 pages used" in loaded.notices


def gradient(height: int = 32, width: int = 48) -> np.ndarray:
    """A smooth (H, W, 3) uint8 gradient that lossy codecs reproduce closely."""
    y, x = np.mgrid[0:height, 0:width]
    return np.stack([x * 255 // (width - 1), y * 255 // (height - 1), np.full_like(x, 128)], axis=2)


def test_heif_round_trip(tmp_path: Path) -> None:
    import pillow_heif

    rgb = gradient().astype(np.uint8)
    pillow_heif.register_heif_opener()
    path = tmp_path / "photo.heic"
    try:
        Image.fromarray(rgb).save(path, format="HEIF", quality=95)
    except (OSError, KeyError, ValueError, RuntimeError):
        # No HEIF encoder in this build: at least show that AVIF (same container family) loads.
        path = save(Image.fromarray(rgb), tmp_path / "photo.avif", "AVIF", quality=95)
        loaded = load_image(path)
        assert loaded.format == "AVIF"
    else:
        loaded = load_image(path)
        assert loaded.format == "HEIF"
    assert loaded.rgb.shape == rgb.shape
    assert np.abs(loaded.rgb.astype(int) - rgb).mean() < 6


def test_avif_load(tmp_path: Path) -> None:
    assert features.check("avif"), "this Pillow build cannot read AVIF"
    rgb = gradient().astype(np.uint8)
    path = save(Image.fromarray(rgb), tmp_path / "photo.avif", "AVIF", quality=95)
    loaded = load_image(path)
    assert loaded.format == "AVIF"
    assert loaded.rgb.shape == rgb.shape
    assert np.abs(loaded.rgb.astype(int) - rgb).mean() < 6


def test_source_file_is_unchanged_and_not_held_open(tmp_path: Path) -> None:
    path = save(Image.new("RGB", (4, 4), (1, 1, 1)), tmp_path / "keep.png")
    before = path.read_bytes()
    load_image(path)
    assert path.read_bytes() == before
    path.unlink()  # would fail on Windows if a handle were left open
    assert not path.exists()


# --------------------------------------------------------------------------------------------
# load_image: errors
# --------------------------------------------------------------------------------------------


def assert_load_error(path: Path, *fragments: str, **kwargs: object) -> ImageLoadError:
    """Load `path`, expecting an ImageLoadError naming the file and containing `fragments`."""
    with pytest.raises(ImageLoadError) as info:
        load_image(path, **kwargs)
    error = info.value
    assert str(error).startswith(f"{path.name}: ")
    assert error.path == path
    for fragment in fragments:
        assert fragment in error.reason
    return error


def test_missing_file(tmp_path: Path) -> None:
    assert_load_error(tmp_path / "missing.jpg", "does not exist")


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "x.jpg"
    folder.mkdir()
    assert_load_error(folder, "folder")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.png"
    path.write_bytes(b"")
    assert_load_error(path, "is empty (0 bytes)")


def test_text_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.jpg"
    path.write_text("shopping list: eggs, milk\n", encoding="utf-8")
    assert_load_error(path, "is not an image Pillow can read", "text")


def test_pdf_file(tmp_path: Path) -> None:
    path = tmp_path / "scan.png"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    assert_load_error(path, "is not an image Pillow can read", "PDF")


def test_random_bytes(tmp_path: Path) -> None:
    path = tmp_path / "noise.bmp"
    path.write_bytes(bytes(np.random.default_rng(RNG_SEED).integers(128, 256, 300, np.uint8)))
    assert_load_error(path, "is not an image Pillow can read")


@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
@pytest.mark.parametrize("keep", [0.5, 40])
def test_truncated(tmp_path: Path, fmt: str, keep: float) -> None:
    rgb = np.random.default_rng(RNG_SEED).integers(0, 256, (64, 64, 3), dtype=np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, fmt)
    data = buffer.getvalue()
    path = tmp_path / f"cut.{fmt.lower()}"
    path.write_bytes(data[: int(len(data) * keep) if keep < 1 else int(keep)])
    assert_load_error(path, "is truncated or corrupt")


def test_oversized_is_refused_before_decoding(tmp_path: Path, monkeypatch) -> None:
    path = save(Image.new("RGB", (20, 20)), tmp_path / "big.png")
    monkeypatch.setattr(Image.Image, "load", lambda self: pytest.fail("decoded an oversized image"))
    error = assert_load_error(path, "400 pixels", "the limit is 100 pixels", max_pixels=100)
    assert "20 x 20" in error.reason


def test_decompression_bomb_is_refused_with_the_limit(tmp_path: Path) -> None:
    # Pillow's own guard, aligned with MAX_PIXELS, fires inside Image.open for this header.
    assert Image.MAX_IMAGE_PIXELS == MAX_PIXELS
    path = save(Image.new("1", (12_000, 10_000)), tmp_path / "bomb.png")
    assert_load_error(path, "120.0 megapixels", "the limit is 100 megapixels")


def test_permission_denied(tmp_path: Path, monkeypatch) -> None:
    path = save(Image.new("RGB", (2, 2)), tmp_path / "locked.png")

    def deny(self: Path) -> bytes:
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", deny)
    assert_load_error(path, "permission denied")


def test_decoder_crash_becomes_load_error(tmp_path: Path, monkeypatch) -> None:
    path = save(Image.new("RGB", (2, 2)), tmp_path / "odd.png")

    def broken_load(self: Image.Image) -> None:
        raise SyntaxError("broken PNG file")

    monkeypatch.setattr(Image.Image, "load", broken_load)
    assert_load_error(path, "is truncated or corrupt")


def test_keyboard_interrupt_is_not_swallowed(tmp_path: Path, monkeypatch) -> None:
    path = save(Image.new("RGB", (2, 2)), tmp_path / "ok.png")

    def interrupt(self: Image.Image) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(Image.Image, "load", interrupt)
    with pytest.raises(KeyboardInterrupt):
        load_image(path)


@pytest.mark.parametrize("bad", [0, -1, MAX_PIXELS + 1, 2.5, True])
def test_max_pixels_validation(tmp_path: Path, bad: object) -> None:
    with pytest.raises(ValueError, match="max_pixels="):
        load_image(tmp_path / "any.png", max_pixels=bad)


def test_errors_are_picklable(tmp_path: Path) -> None:
    for cls in (ImageLoadError, ImageSaveError):
        error = pickle.loads(pickle.dumps(cls(tmp_path / "a.png", "is odd")))
        assert str(error) == "a.png: is odd"
        assert error.reason == "is odd"


# --------------------------------------------------------------------------------------------
# encode_indexed / decode_output
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("k", "depth"), [(1, 1), (2, 1), (3, 2), (4, 2), (16, 4), (17, 8), (256, 8)]
)
def test_png_smallest_bit_depth(k: int, depth: int) -> None:
    """Random indices do not compress: the packed depth wins, with exactly K entries."""
    palette, indices = random_palette_image(k, (17, 19))
    data = encode_indexed(palette, indices, "png")
    assert png_bit_depth(data) == depth
    with Image.open(io.BytesIO(data)) as im:
        assert im.mode == "P"
        assert len(im.getpalette()) == 3 * k
    rgb, alpha = decode_output(data)
    np.testing.assert_array_equal(rgb, palette[indices])
    assert alpha is None


def test_png_is_smaller_than_pillows() -> None:
    """A smooth noisy field in 16 colours whose palette order says nothing of their
    likeness (as k-means gives them): our packed, unfiltered rows beat Pillow's packed rows
    (which it filters) and its 8-bit rows (the app's writer kept the smaller of the two)."""
    palette = np.arange(16 * 3, dtype=np.uint8).reshape(16, 3) * 5
    y, x = np.mgrid[0:300, 0:400]
    rng = np.random.default_rng(RNG_SEED)
    field = 7.5 + 7.5 * np.sin(x / 37.0) * np.cos(y / 23.0) + rng.normal(0, 0.6, x.shape)
    indices = rng.permutation(16).astype(np.uint8)[np.clip(np.rint(field), 0, 15).astype(int)]
    data = encode_indexed(palette, indices, "png")
    pillows = []
    for entries in (palette, np.vstack([palette, palette[-1:]])):  # 4-bit, then 8-bit rows
        buffer = io.BytesIO()
        _palette_image_of(entries, indices).save(buffer, "PNG", optimize=True)
        pillows.append(len(buffer.getvalue()))
    assert png_bit_depth(data) == 4
    assert len(data) < min(pillows)
    rgb, _ = decode_output(data)
    np.testing.assert_array_equal(rgb, palette[indices])


def _palette_image_of(palette: np.ndarray, indices: np.ndarray) -> Image.Image:
    im = Image.frombytes("P", indices.shape[::-1], indices.astype(np.uint8).tobytes())
    im.putpalette(palette.tobytes())
    return im


@pytest.mark.parametrize("fmt", SAVE_FORMATS)
@pytest.mark.parametrize("k", [2, 7, 256])
def test_encode_decode_exact(fmt: str, k: int) -> None:
    palette, indices = random_palette_image(k, (23, 31))
    data = encode_indexed(palette, indices, fmt)
    rgb, alpha = decode_output(data)
    assert rgb.dtype == np.uint8 and rgb.shape == (23, 31, 3)
    np.testing.assert_array_equal(rgb, palette[indices])
    assert alpha is None


@pytest.mark.parametrize("fmt", SAVE_FORMATS)
def test_transparency_round_trip(fmt: str) -> None:
    palette, indices = random_palette_image(6, (10, 12))
    data = encode_indexed(palette, indices, fmt, transparent_index=3)
    rgb, alpha = decode_output(data)
    assert alpha is not None and alpha.dtype == np.uint8
    np.testing.assert_array_equal(alpha, np.where(indices == 3, 0, 255))
    np.testing.assert_array_equal(rgb, palette[indices])


def test_png_transparency_chunk_is_short() -> None:
    palette, indices = random_palette_image(16)
    data = encode_indexed(palette, indices, "png", transparent_index=0)
    start = data.index(b"tRNS")
    assert int.from_bytes(data[start - 4 : start], "big") == 1  # one alpha byte, for entry 0


@pytest.mark.parametrize("fmt", ["png", "webp"])
def test_icc_profile_is_written(fmt: str) -> None:
    profile = srgb_profile()
    palette, indices = random_palette_image(4)
    data = encode_indexed(palette, indices, fmt, icc_profile=profile)
    with Image.open(io.BytesIO(data)) as im:
        assert im.info.get("icc_profile") == profile


def test_gif_ignores_icc_profile() -> None:
    palette, indices = random_palette_image(4)
    data = encode_indexed(palette, indices, "gif", icc_profile=srgb_profile())
    np.testing.assert_array_equal(decode_output(data)[0], palette[indices])


def test_webp_is_lossless_rgb_without_transparency() -> None:
    palette, indices = random_palette_image(5)
    data = encode_indexed(palette, indices, "webp")
    assert data[:4] == b"RIFF" and data[8:16] == b"WEBPVP8L"  # VP8L = lossless bitstream


@pytest.mark.parametrize("fmt", SAVE_FORMATS)
def test_encode_reads_strided_indices_and_leaves_them_alone(fmt: str) -> None:
    # The palette image reads the index array in place (no copy): a view with strides must
    # come out as its own pixels, and the caller's array must stay as it was.
    palette, indices = random_palette_image(5, (31, 46))
    view = indices.T[::2]  # (23, 31), neither C- nor F-contiguous
    before = view.copy()
    data = encode_indexed(palette, view, fmt)
    np.testing.assert_array_equal(decode_output(data)[0], palette[view])
    np.testing.assert_array_equal(view, before)


def test_encode_accepts_other_integer_dtypes_and_upper_case_format() -> None:
    palette, indices = random_palette_image(3)
    data = encode_indexed(palette.astype(np.int64), indices.astype(np.int16), "PNG")
    np.testing.assert_array_equal(decode_output(data)[0], palette[indices])


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"fmt": "jpeg"}, "fmt='jpeg' is not one of png, gif, webp"),
        ({"palette": np.zeros((0, 3), np.uint8)}, "K=0"),
        ({"palette": np.zeros((257, 3), np.uint8)}, "K=257"),
        ({"palette": np.zeros((4, 5), np.uint8)}, "shape=(4, 5)"),
        ({"palette": np.zeros((4, 3), np.float64)}, "dtype=float64"),
        ({"palette": np.full((4, 3), 300)}, "0..255"),
        ({"indices": np.full((2, 2), 4)}, "K=4"),
        ({"indices": np.full((2, 2), -1)}, "-1"),
        ({"indices": np.zeros((2, 2), np.float32)}, "dtype=float32"),
        ({"indices": np.zeros((0, 2), np.uint8)}, "shape=(0, 2)"),
        ({"indices": np.zeros(4, np.uint8)}, "shape=(4,)"),
        ({"transparent_index": 4}, "transparent_index=4"),
        ({"transparent_index": -1}, "transparent_index=-1"),
        ({"transparent_index": 1.0}, "transparent_index=1.0"),
    ],
)
def test_encode_validation(kwargs: dict[str, object], message: str) -> None:
    arguments: dict[str, object] = {
        "palette": np.zeros((4, 3), np.uint8),
        "indices": np.zeros((2, 2), np.uint8),
        "fmt": "png",
    }
    arguments.update(kwargs)
    with pytest.raises(ValueError) as info:
        encode_indexed(**arguments)
    assert message in str(info.value)


def test_decode_output_rejects_garbage() -> None:
    with pytest.raises(ValueError, match="cannot be decoded"):
        decode_output(b"not an image")


def test_decode_output_opaque_rgba_has_no_alpha() -> None:
    buffer = io.BytesIO()
    Image.new("RGBA", (2, 2), (1, 2, 3, 255)).save(buffer, "PNG")
    rgb, alpha = decode_output(buffer.getvalue())
    assert alpha is None and rgb[0, 0].tolist() == [1, 2, 3]


# --------------------------------------------------------------------------------------------
# dither_indices
# --------------------------------------------------------------------------------------------


def test_dither_indices_are_within_palette() -> None:
    rng = np.random.default_rng(RNG_SEED)
    rgb = rng.integers(0, 256, (40, 50, 3), dtype=np.uint8)
    for k in (1, 2, 3, 17, 255, 256):
        palette, _ = random_palette_image(k)
        indices = dither_indices(rgb, palette)
        assert indices.shape == (40, 50) and indices.dtype == np.uint8
        assert int(indices.max()) < k


def test_dither_avoids_palette_padding_colour() -> None:
    # Black pixels against a palette without black: no index beyond K may appear.
    palette = np.array([[200, 0, 0], [0, 200, 0], [0, 0, 200]], np.uint8)
    indices = dither_indices(np.zeros((20, 20, 3), np.uint8), palette)
    assert int(indices.max()) < 3


def test_dither_reproduces_mid_grey_on_average() -> None:
    grey = 128
    rgb = np.full((64, 64, 3), grey, np.uint8)
    palette = np.array([[0, 0, 0], [255, 255, 255]], np.uint8)

    mapped = palette[dither_indices(rgb, palette)]

    assert abs(mapped.mean() - grey) < 3
    # Plain nearest-colour mapping gives a single colour for the whole image.
    distances = ((rgb[:, :, None, :].astype(int) - palette[None, None]) ** 2).sum(axis=3)
    assert np.unique(distances.argmin(axis=2)).size == 1


def test_dither_exact_colours_are_kept() -> None:
    palette, indices = random_palette_image(8, (12, 12))
    np.testing.assert_array_equal(
        palette[dither_indices(palette[indices], palette)], palette[indices]
    )


@pytest.mark.parametrize(
    ("rgb", "message"),
    [
        (np.zeros((4, 4), np.uint8), "shape=(4, 4)"),
        (np.zeros((4, 4, 3), np.float32), "dtype=float32"),
        (np.zeros((0, 4, 3), np.uint8), "shape=(0, 4, 3)"),
    ],
)
def test_dither_validation(rgb: np.ndarray, message: str) -> None:
    with pytest.raises(ValueError) as info:
        dither_indices(rgb, np.zeros((2, 3), np.uint8))
    assert message in str(info.value)


def test_encode_then_write_then_load(tmp_path: Path) -> None:
    palette, indices = random_palette_image(12, (15, 20))
    profile = srgb_profile()
    for fmt in SAVE_FORMATS:
        target = tmp_path / f"result.{fmt}"
        write_atomic(target, encode_indexed(palette, indices, fmt, icc_profile=profile))
        loaded = load_image(target)
        np.testing.assert_array_equal(loaded.rgb, palette[indices])
        assert loaded.icc_profile == (None if fmt == "gif" else profile)


def test_unreadable_orientation_is_a_notice(tmp_path: Path, monkeypatch) -> None:
    path = save(Image.new("RGB", (3, 2), (4, 5, 6)), tmp_path / "exif.png")

    def broken(image: Image.Image) -> Image.Image:
        raise SyntaxError("bad EXIF")

    monkeypatch.setattr(ImageOps, "exif_transpose", broken)
    loaded = load_image(path)
    assert loaded.rgb.shape == (2, 3, 3)
    assert any("orientation" in notice for notice in loaded.notices)


def test_decoder_warnings_become_notices(tmp_path: Path, monkeypatch) -> None:
    import warnings

    path = save(Image.new("RGB", (2, 2)), tmp_path / "warn.png")
    original = Image.Image.load

    def warn_then_load(self: Image.Image):
        warnings.warn("Corrupt EXIF data", UserWarning, stacklevel=1)
        return original(self)

    monkeypatch.setattr(Image.Image, "load", warn_then_load)
    loaded = load_image(path)
    assert "note from the decoder: Corrupt EXIF data" in loaded.notices
