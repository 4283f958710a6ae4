"""Save effort max (imaging/png_max.py, effort.py, compress.with_effort): same pixels, never
larger."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image, ImageCms, PngImagePlugin

from kmeans_gui.compress import Options, compress, with_effort
from kmeans_gui.effort import smaller_png
from kmeans_gui.imaging import LoadedImage, decode_output, encode_indexed, load_image, png_max


def photo(height: int, width: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float64)
    rgb = np.stack(
        [128 + 100 * np.sin(xx / 9 + yy / 31), 128 + 90 * np.cos(yy / 13), 255 * xx / width],
        axis=-1,
    )
    return np.clip(rgb + rng.normal(0, 8, rgb.shape), 0, 255).astype(np.uint8)


def texture(height: int, width: int) -> np.ndarray:
    """Fine repeating stripes: where filtered rows win."""
    yy, xx = np.mgrid[0:height, 0:width]
    level = ((xx + 2 * yy) % 7 * 36).astype(np.uint8)
    return np.dstack([level, 255 - level, (xx % 5 * 50).astype(np.uint8)])


def loaded(tmp_path, rgb: np.ndarray, alpha: np.ndarray | None = None, icc: bool = False):
    path = tmp_path / "in.png"
    im = Image.fromarray(rgb if alpha is None else np.dstack([rgb, alpha]))
    extra = {}
    if icc:
        extra["icc_profile"] = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    im.save(path, **extra)
    return load_image(path)


def pixels(data: bytes) -> tuple[np.ndarray, np.ndarray | None]:
    return decode_output(data)


@pytest.mark.parametrize(
    ("make", "k"),
    [
        (lambda: photo(120, 200, 0), 2),
        (lambda: photo(120, 200, 1), 16),
        (lambda: photo(90, 333, 2), 200),
        (lambda: texture(128, 256), 8),
    ],
)
def test_max_decodes_to_the_same_pixels_and_is_never_larger(tmp_path, make, k: int) -> None:
    image = loaded(tmp_path, make())
    fast = compress(image, Options(k=k))
    best = compress(image, Options(k=k, effort="max"))
    assert fast.stats.effort == "fast" and best.options.effort == "max"
    before, after = pixels(fast.encoded), pixels(best.encoded)
    np.testing.assert_array_equal(before[0], after[0])
    assert before[1] is None and after[1] is None
    assert len(best.encoded) <= len(fast.encoded)
    assert best.stats.output_bytes == len(best.encoded)
    if len(best.encoded) < len(fast.encoded):
        assert best.stats.effort == "max"
    else:
        assert best.stats.effort == "fast" and any("effort fast" in n for n in best.notices)
    # the figures are the pixels', so both efforts have the same
    assert (best.stats.mse, best.stats.ssim, best.stats.colors) == (
        fast.stats.mse, fast.stats.ssim, fast.stats.colors,
    )  # fmt: skip


def test_max_is_smaller_on_a_photo_and_keeps_icc_and_transparency(tmp_path) -> None:
    rgb = photo(160, 240, 3)
    alpha = np.full(rgb.shape[:2], 255, np.uint8)
    alpha[:20, :30] = 0
    image = loaded(tmp_path, rgb, alpha, icc=True)
    fast = compress(image, Options(k=32))
    best = with_effort(fast, "max")
    assert best.stats.effort == "max"
    assert len(best.encoded) < len(fast.encoded)
    before, after = pixels(fast.encoded), pixels(best.encoded)
    np.testing.assert_array_equal(before[0], after[0])
    np.testing.assert_array_equal(before[1], after[1])
    with Image.open(io.BytesIO(best.encoded)) as im:
        assert im.info.get("icc_profile") == image.icc_profile


def test_max_keeps_the_photo_metadata_and_text_chunks(tmp_path) -> None:
    path = tmp_path / "meta.png"
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"  # Make
    exif[0x0110] = "Model 7"  # Model
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "kept by both efforts")
    Image.fromarray(photo(96, 128, 6)).save(path, exif=exif, pnginfo=info)
    image = load_image(path)
    fast = compress(image, Options(k=16, metadata="keep"))
    best = with_effort(fast, "max")
    assert best.stats.effort == "max" and len(best.encoded) < len(fast.encoded)
    with Image.open(io.BytesIO(fast.encoded)) as a, Image.open(io.BytesIO(best.encoded)) as b:
        assert dict(b.getexif()) == dict(a.getexif()) and b.getexif()[0x0110] == "Model 7"
        assert b.info.get("Comment") == a.info.get("Comment") == "kept by both efforts"


def test_a_file_max_cannot_shrink_is_kept_and_said(tmp_path) -> None:
    image = loaded(tmp_path, photo(64, 64, 4))
    already = compress(image, Options(k=8, effort="max"))
    assert already.stats.effort == "max"
    again, reason = smaller_png(already.encoded)
    assert again == already.encoded
    assert reason is not None and "effort fast file was kept" in reason


def test_filtered_rows_with_a_reordered_palette_keep_every_pixel() -> None:
    rgb = texture(64, 96)
    palette = np.unique(rgb.reshape(-1, 3), axis=0)[:16]
    indices = np.random.default_rng(0).integers(0, 16, (64, 96)).astype(np.uint8)
    indices[:, ::2] = indices[:, 1::2]
    fast = encode_indexed(palette, indices, "png", transparent_index=3)
    for rows in png_max.ROWS:
        for order in ("neighbour", "luminance"):
            rewritten = png_max.smallest_png(fast, indices, rows=rows, palette_order=order)
            np.testing.assert_array_equal(pixels(fast)[0], pixels(rewritten)[0])
            np.testing.assert_array_equal(pixels(fast)[1], pixels(rewritten)[1])
            assert rewritten[24] == (8 if rows == "8-bit" else 4)  # IHDR bit depth


def test_neighbour_order_is_a_permutation_that_joins_neighbours() -> None:
    indices = np.array([[0, 3, 0, 3, 1, 2, 1, 2]] * 4, np.uint8)
    order = png_max.neighbour_order(indices, np.zeros((4, 3), np.uint8))
    assert sorted(order.tolist()) == [0, 1, 2, 3]
    position = {entry: i for i, entry in enumerate(order.tolist())}
    assert abs(position[0] - position[3]) == 1 and abs(position[1] - position[2]) == 1


def test_effort_is_checked(tmp_path) -> None:
    with pytest.raises(ValueError, match="effort='best'"):
        Options(effort="best")
    image: LoadedImage = loaded(tmp_path, photo(16, 16, 5))
    with pytest.raises(ValueError, match="effort"):
        with_effort(compress(image, Options(k=4)), "slow")


def test_the_pixel_check_sees_a_changed_colour_a_changed_alpha_and_a_split_entry() -> None:
    from kmeans_gui.effort import _same_pixels
    from kmeans_gui.imaging import decode_palette_output

    palette = np.array([[0, 0, 0], [255, 0, 0], [0, 255, 0], [9, 9, 9]], np.uint8)
    indices = np.tile(np.arange(4, dtype=np.uint8), (8, 4))
    base = encode_indexed(palette, indices, "png", transparent_index=3)
    read = decode_palette_output(base)
    assert _same_pixels(base, read, base, read)
    reordered = png_max.smallest_png(base, indices, rows="filtered", palette_order="luminance")
    assert _same_pixels(base, read, reordered, decode_palette_output(reordered))
    other_colour = palette.copy()
    other_colour[1] = [254, 0, 0]
    for changed in (
        encode_indexed(other_colour, indices, "png", transparent_index=3),  # a colour
        encode_indexed(palette, indices, "png", transparent_index=2),  # an alpha
    ):
        assert not _same_pixels(base, read, changed, decode_palette_output(changed))
    split = indices.copy()
    split[0, 0] = 3  # one pixel of entry 0 moved to another entry
    changed = encode_indexed(palette, split, "png", transparent_index=3)
    assert not _same_pixels(base, read, changed, decode_palette_output(changed))


def test_rows_made_beside_the_fast_file_that_cannot_fit_it_are_made_again() -> None:
    """Rows started before the file existed (``start_max_rows``, as ``compress`` does) that
    reorder the palette of a file with a chunk naming palette entries: made again from the
    file, the pixels checked, and the file still smaller."""
    from kmeans_gui.effort import start_max_rows

    palette = np.unique(texture(64, 96).reshape(-1, 3), axis=0)[:16]
    yy, xx = np.mgrid[0:96, 0:160]
    speckles = np.random.default_rng(1).random(xx.shape) < 0.05
    indices = ((xx + 2 * yy) % 7 * 2 + speckles).astype(np.uint8)  # stripes: max is smaller
    plain = encode_indexed(palette, indices, "png")
    at = plain.index(b"PLTE") - 4
    fast = plain[:at] + png_max._chunk(b"hIST", bytes(32)) + plain[at:]  # names entries
    forced = png_max.deflate_rows(palette, indices, rows="filtered", palette_order="luminance")
    assert forced.order is not None
    with pytest.raises(ValueError, match="cannot be reordered"):
        png_max.with_rows(fast, forced)
    started = start_max_rows(palette, indices)
    from concurrent.futures import Future

    reordering: Future[png_max.DeflatedRows] = Future()
    reordering.set_result(forced)
    for rows in (started, reordering):
        best, reason = smaller_png(fast, rows=rows)
        assert reason is None and len(best) < len(fast) and b"hIST" in best
        np.testing.assert_array_equal(pixels(fast)[0], pixels(best)[0])


def test_max_of_a_partly_transparent_image_keeps_every_colour_and_opacity(tmp_path) -> None:
    """``compress`` at max (rows deflated beside the fast file) with an RGBA palette."""
    rgb = texture(96, 160)
    xx = np.mgrid[0:96, 0:160][1]
    alpha = np.clip(xx * 3 - 40, 0, 255).astype(np.uint8)  # a soft edge: partly transparent
    image = loaded(tmp_path, rgb, alpha)
    fast = compress(image, Options(k=24))
    best = compress(image, Options(k=24, effort="max"))
    assert best.palette.shape[1] == 4 and len(best.encoded) <= len(fast.encoded)
    before, after = pixels(fast.encoded), pixels(best.encoded)
    np.testing.assert_array_equal(before[0], after[0])
    np.testing.assert_array_equal(before[1], after[1])
    assert before[1] is not None and ((before[1] > 0) & (before[1] < 255)).any()
    assert best.stats.effort == "max" and len(best.encoded) < len(fast.encoded)
