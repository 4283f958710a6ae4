"""The shared pipeline: options, truthful statistics, transparency, dithering, ICC, saving."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image, ImageCms

from kmeans_gui import engine
from kmeans_gui.compress import Options, compress, output_name, palette_index_bytes, save
from kmeans_gui.files import ImageSaveError
from kmeans_gui.imaging import load_image


def _gradient(path, size=(48, 32), mode="RGB", **save_args):
    y, x = np.mgrid[0 : size[1], 0 : size[0]]
    rgb = np.stack([x * 5 % 256, y * 7 % 256, (x * y) % 256], axis=-1).astype(np.uint8)
    Image.fromarray(rgb).convert(mode).save(path, **save_args)
    return path


def test_palette_index_bytes_is_the_write_ups_formula():
    assert palette_index_bytes(1000, 16) == 1000 * 4 // 8 + 48
    assert palette_index_bytes(1001, 2) == 126 + 6  # ceil(1001 / 8) bytes of 1-bit indices
    assert palette_index_bytes(10, 1) == 3  # one colour needs no index bits
    assert palette_index_bytes(10, 17) == 50 // 8 + 1 + 51  # ceil(log2 17) = 5 bits


def test_index_counts_add_up_over_several_chunks():
    from kmeans_gui.compress import _index_counts

    indices = (np.arange(2_500_003) % 7).astype(np.uint8).reshape(-1, 1)  # 3 chunks of 1 M
    counts = _index_counts(indices, 9)
    assert counts.dtype == np.int64 and counts.shape == (9,)
    np.testing.assert_array_equal(counts, np.bincount(indices.ravel(), minlength=9))


def test_statistics_match_the_decoded_file(tmp_path):
    image = load_image(_gradient(tmp_path / "g.png"))
    result = compress(image, Options(k=6))
    with Image.open(io.BytesIO(result.encoded)) as im:
        decoded = np.asarray(im.convert("RGB"))
    np.testing.assert_array_equal(decoded, result.decoded)
    s = result.stats
    assert s.output_bytes == len(result.encoded)
    assert s.mse == pytest.approx(np.mean((image.rgb.astype(float) - decoded) ** 2))
    assert s.psnr == pytest.approx(engine.psnr(s.mse))
    assert s.colors == len(np.unique(decoded.reshape(-1, 3), axis=0)) <= 6
    assert result.counts.sum() == 48 * 32
    assert s.ratio_to_input == pytest.approx(image.file_bytes / len(result.encoded))
    assert result.default_name == output_name(image.path, 6, "png") == "g_k6.png"


def test_output_name_numbers_names_already_taken():
    taken = {"a_k16.png", "a-2_k16.png"}
    assert output_name("x/a.jpg", 16, "png", taken.__contains__) == "a-3_k16.png"
    assert output_name("x/a.jpg", 8, "png", taken.__contains__) == "a_k8.png"
    assert output_name("x/a.jpg", 16, "gif", taken.__contains__) == "a_k16.gif"


def test_output_larger_than_a_tiny_input_is_reported(tmp_path):
    path = tmp_path / "tiny.png"
    Image.new("RGB", (1, 1), (10, 20, 30)).save(path, optimize=True)
    image = load_image(path)
    result = compress(image, Options(k=4, fmt="webp"))
    assert result.stats.colors == 1
    assert result.stats.larger_than_input == (len(result.encoded) > path.stat().st_size)


def test_transparent_pixels_get_one_transparent_entry(tmp_path):
    rgba = np.zeros((20, 20, 4), np.uint8)
    rgba[..., 0] = np.arange(20)[None, :] * 12
    rgba[..., 3] = 255
    rgba[:5, :, :3] = (255, 0, 255)  # a colour only the transparent pixels have
    rgba[:5, :, 3] = 0
    path = tmp_path / "alpha.png"
    Image.fromarray(rgba, "RGBA").save(path)
    result = compress(load_image(path), Options(k=4))
    assert result.transparent_index == len(result.palette) - 1
    with Image.open(io.BytesIO(result.encoded)) as im:
        out = np.asarray(im.convert("RGBA"))
    assert (out[:5, :, 3] == 0).all()
    assert (out[5:, :, 3] == 255).all()
    assert not np.any(np.all(result.palette[:-1] == (255, 0, 255), axis=1))
    # Composited figures over all pixels: the transparent rows are transparent in the file
    # too, so they add no error, whatever colour they hide.
    opaque = rgba[5:, :, :3].astype(float)
    assert result.stats.mse == pytest.approx(np.sum((opaque - out[5:, :, :3]) ** 2) / (3 * 20 * 20))


def test_dithering_mixes_palette_colours(tmp_path):
    path = tmp_path / "grey.png"
    ramp = np.tile(np.linspace(0, 255, 64).astype(np.uint8), (16, 1))
    Image.fromarray(ramp, "L").save(path)
    image = load_image(path)
    plain = compress(image, Options(k=2))
    dithered = compress(image, Options(k=2, dither=True))
    assert dithered.stats.colors <= 2
    # Error diffusion keeps local means: between the two palette greys, column means follow
    # the ramp far better than plain nearest-colour mapping, which makes two flat bands.
    low, high = sorted(dithered.palette[:, 0].astype(float))
    target = ramp.mean(axis=0)
    inside = (target > low) & (target < high)
    err_plain = np.abs(plain.decoded[..., 0].mean(axis=0) - target)[inside].mean()
    err_dither = np.abs(dithered.decoded[..., 0].mean(axis=0) - target)[inside].mean()
    assert err_dither < err_plain / 2


def test_icc_profile_is_written_into_the_output(tmp_path):
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    path = _gradient(tmp_path / "icc.png", icc_profile=profile)
    result = compress(load_image(path), Options(k=8))
    with Image.open(io.BytesIO(result.encoded)) as im:
        assert im.info.get("icc_profile") == profile


def test_save_is_atomic_and_refuses_the_source_and_existing_files(tmp_path):
    src = _gradient(tmp_path / "src.png")
    before = src.read_bytes()
    result = compress(load_image(src), Options(k=4))
    with pytest.raises(ImageSaveError, match="original image"):
        save(result, src, overwrite=True)
    assert src.read_bytes() == before
    target = save(result, tmp_path / result.default_name)
    assert target.read_bytes() == result.encoded
    with pytest.raises(ImageSaveError, match="already exists"):
        save(result, target)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize(
    "kwargs, bad",
    [({"k": 0}, "k=0"), ({"k": 300}, "k=300"), ({"fmt": "jpg"}, "'jpg'"),
     ({"color_space": "hsv"}, "'hsv'")],
)  # fmt: skip
def test_options_are_validated(kwargs, bad):
    with pytest.raises(ValueError, match=bad):
        Options(**kwargs)


@pytest.mark.parametrize("dither", [False, True])
@pytest.mark.parametrize("fmt", ["png", "gif", "webp"])
def test_delta_e_and_colour_count_equal_the_pixel_by_pixel_figures(tmp_path, dither, fmt):
    """The fast paths (per distinct colour from the file's palette and indices; decoded pixels
    matched to the palette) are exact."""
    rgba = np.zeros((30, 40, 4), np.uint8)
    y, x = np.mgrid[0:30, 0:40]
    rgba[..., 0], rgba[..., 1], rgba[..., 2] = x * 6, y * 8, (x * y) % 256
    rgba[..., 3] = 255
    rgba[:4, :10, 3] = 0  # some fully transparent pixels
    path = tmp_path / "a.png"
    Image.fromarray(rgba, "RGBA").save(path)
    image = load_image(path)
    result = compress(image, Options(k=6, fmt=fmt, dither=dither))
    with Image.open(io.BytesIO(result.encoded)) as written:
        out = np.asarray(written.convert("RGBA"))
    assert np.array_equal(out[..., :3], result.decoded)
    # The composited figures: the worse of the image over black and over white, all pixels
    # (binary alpha here, so the composites are whole 8-bit values).
    mses, delta_es = [], []
    for background in (0, 255):
        seen_in = np.where(rgba[..., 3:] > 0, rgba[..., :3], background).astype(np.uint8)
        seen_out = np.where(out[..., 3:] > 0, out[..., :3], background).astype(np.uint8)
        mses.append(engine.mse(seen_in, seen_out))
        delta_es.append(engine.mean_delta_e_ok(seen_in, seen_out))
    assert result.stats.mean_delta_e == pytest.approx(max(delta_es), rel=1e-9)
    visible = out[..., 3] > 0
    assert result.stats.colors == len(np.unique(out[visible], axis=0))
    assert result.stats.mse == pytest.approx(max(mses), rel=1e-12)


@pytest.mark.parametrize("dither", [False, True])
def test_counts_are_the_pixels_of_each_entry(tmp_path, dither):
    rgba = np.zeros((30, 40, 4), np.uint8)
    y, x = np.mgrid[0:30, 0:40]
    rgba[..., 0], rgba[..., 1], rgba[..., 2] = x * 6, y * 8, (x * y) % 256
    rgba[..., 3] = 255
    rgba[:4, :10, 3] = 0
    path = tmp_path / "a.png"
    Image.fromarray(rgba, "RGBA").save(path)
    result = compress(load_image(path), Options(k=5, dither=dither))
    with Image.open(io.BytesIO(result.encoded)) as im:
        indices = np.asarray(im)
    expected = np.bincount(indices.ravel(), minlength=len(result.palette))
    np.testing.assert_array_equal(result.counts, expected)
    assert result.counts.dtype == np.int64
