"""Partly transparent images (issue #14): RGBA palettes, tRNS, GIF threshold, WebP RGBA,
RGBA dithering, and composited figures that see alpha."""

from __future__ import annotations

import dataclasses
import io
import struct

import numpy as np
import pytest
from PIL import Image

from benchmarks.rgba_images import logo
from kmeans_gui import engine
from kmeans_gui.compress import Options, compress, encode_and_measure, quantize_image
from kmeans_gui.imaging import load_image
from kmeans_gui.transparency import GIF_ALPHA_NOTICE


@pytest.fixture(scope="module")
def logo_file(tmp_path_factory):
    """A 300 x 150 logo with anti-aliased shapes and a soft drop shadow, as a PNG file."""
    rgb, alpha = logo(300, 150)
    path = tmp_path_factory.mktemp("logo") / "logo.png"
    Image.fromarray(np.dstack([rgb, alpha]), "RGBA").save(path)
    return path


def _rgba(data: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(data)) as im:
        return np.asarray(im.convert("RGBA"))


def _over(rgba: np.ndarray, background: float) -> np.ndarray:
    a = rgba[..., 3:].astype(float) / 255
    return rgba[..., :3] * a + background * (1 - a)


def _chunks(data: bytes) -> dict[bytes, bytes]:
    chunks, at = {}, 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        chunks[data[at + 4 : at + 8]] = data[at + 8 : at + 8 + length]
        at += 12 + length
    return chunks


def test_logo_keeps_its_shadow_and_alpha_histogram(logo_file):
    image = load_image(logo_file)
    result = compress(image, Options(k=16))
    out = _rgba(result.encoded)
    alpha_in, alpha_out = image.alpha.astype(int), out[..., 3].astype(int)
    # The alpha histogram (16 bins) keeps its shape: every bin within 2% of the pixels.
    bins_in = np.histogram(alpha_in, bins=16, range=(0, 256))[0] / alpha_in.size
    bins_out = np.histogram(alpha_out, bins=16, range=(0, 256))[0] / alpha_out.size
    assert np.abs(bins_in - bins_out).max() < 0.02
    # The shadow (pixels at most half opaque) is nowhere opaque, and stays a shadow.
    shadow = (alpha_in > 0) & (alpha_in <= 128)
    assert shadow.sum() > 1000
    assert alpha_out[shadow].max() < 255
    assert np.abs(alpha_out[shadow] - alpha_in[shadow]).mean() < 8
    assert np.all(alpha_out[alpha_in == 0] == 0)
    # Over white, the figure: it was 4,629 with partial alpha saved opaque.
    seen = np.mean((_over(np.dstack([image.rgb, image.alpha]), 255) - _over(out, 255)) ** 2)
    assert seen < 30
    assert result.palette.shape[1] == 4 and result.palette.shape[0] <= 16


@pytest.mark.parametrize("k", [2, 4, 16, 64, 256])
def test_trns_holds_only_the_entries_that_are_not_opaque(logo_file, k):
    result = compress(load_image(logo_file), Options(k=k))
    chunks = _chunks(result.encoded)
    entries = len(chunks[b"PLTE"]) // 3
    trns = np.frombuffer(chunks[b"tRNS"], np.uint8)
    assert entries <= k and trns.size <= k
    assert np.all(trns < 255)  # the see-through entries come first, then only opaque ones
    assert np.array_equal(trns, result.palette[: trns.size, 3])
    assert np.all(result.palette[trns.size :, 3] == 255)


def test_opaque_images_keep_the_rgb_path(tmp_path):
    """An opaque image never enters the RGBA machinery: its analysis, palette and file are
    those of its RGB pixels alone (byte-identical output to before #14 was checked against
    the previous commit on the sample photos, see the report of #14)."""
    rng = np.random.default_rng(3)
    rgb = rng.integers(0, 256, (40, 50, 3), dtype=np.uint8)
    rgb[:, :25] //= 16
    plain = engine.analyse(rgb)
    with_alpha = engine.analyse(rgb, np.full((40, 50), 255, np.uint8))
    assert not plain.has_alpha and not with_alpha.has_alpha
    a, b = engine.quantize(plain, 16), engine.quantize(with_alpha, 16)
    assert a.palette.shape == (16, 3)
    np.testing.assert_array_equal(a.palette, b.palette)
    Image.fromarray(rgb).save(tmp_path / "rgb.png")
    Image.fromarray(np.dstack([rgb, np.full((40, 50), 255, np.uint8)])).save(tmp_path / "a.png")
    one = compress(load_image(tmp_path / "rgb.png"), Options(k=16))
    two = compress(load_image(tmp_path / "a.png"), Options(k=16))
    assert one.encoded == two.encoded and b"tRNS" not in _chunks(one.encoded)
    # Opaque figures are the plain ones: composited over black and white they are the same.
    mse = engine.mse(rgb, one.decoded)
    assert one.stats.mse == pytest.approx(mse, rel=1e-12)


def test_figures_of_a_result_with_destroyed_alpha_are_bad(logo_file):
    image = load_image(logo_file)
    quantized = quantize_image(image, Options(k=64))
    good = encode_and_measure(image, quantized)
    # The same palette with every entry made opaque, measured by the same code on its file.
    opaque = quantized.palette.copy()
    opaque[:, 3] = 255
    destroyed = encode_and_measure(image, dataclasses.replace(quantized, palette=opaque))
    assert b"tRNS" not in _chunks(destroyed.encoded)
    assert good.stats.psnr > 38 and good.stats.mean_delta_e < 1.0
    assert destroyed.stats.psnr < 15 and destroyed.stats.mean_delta_e > 10
    # The figure is the worse of the composites over black and over white.
    out = _rgba(destroyed.encoded).astype(float)
    src = np.dstack([image.rgb, image.alpha]).astype(float)
    worst = max(np.mean((_over(src, bg) - _over(out, bg)) ** 2) for bg in (0.0, 255.0))
    assert destroyed.stats.mse == pytest.approx(worst, rel=1e-9)


def test_composited_errors_of_opaque_values_are_the_plain_figures():
    rng = np.random.default_rng(0)
    a = rng.integers(0, 256, (1, 500, 3), dtype=np.uint8)
    b = rng.integers(0, 256, (1, 500, 3), dtype=np.uint8)
    full = np.full(500, 255, np.uint8)
    mse, delta_e = engine.composited_errors(a[0], full, b[0], full)
    assert mse == pytest.approx(engine.mse(a, b), rel=1e-12)
    assert delta_e == pytest.approx(engine.mean_delta_e_ok(a, b), rel=1e-9)


def test_gif_thresholds_alpha_and_says_so_once(logo_file):
    image = load_image(logo_file)
    result = compress(image, Options(k=32, fmt="gif"))
    assert result.notices.count(GIF_ALPHA_NOTICE) == 1
    out = _rgba(result.encoded)
    assert set(np.unique(out[..., 3])) <= {0, 255}
    # Every input pixel at most 25% opaque is transparent, every one at least 75% opaque is not.
    assert np.all(out[..., 3][image.alpha <= 64] == 0)
    assert np.all(out[..., 3][image.alpha >= 192] == 255)
    png = compress(image, Options(k=32))
    assert GIF_ALPHA_NOTICE not in png.notices
    # The figures see what GIF lost: worse than the PNG's.
    assert result.stats.mse > 5 * png.stats.mse


def test_webp_keeps_rgba(logo_file):
    image = load_image(logo_file)
    webp = compress(image, Options(k=32, fmt="webp"))
    png = compress(image, Options(k=32))
    np.testing.assert_array_equal(_rgba(webp.encoded), _rgba(png.encoded))
    assert webp.stats.mse == pytest.approx(png.stats.mse, rel=1e-9)


def test_rgba_dithering_keeps_local_alpha_and_the_transparent_background():
    # A horizontal alpha ramp of one colour, and a fully transparent band that must stay so.
    rgb = np.full((24, 64, 3), (200, 40, 20), np.uint8)
    alpha = np.tile(np.linspace(0, 255, 64).astype(np.uint8), (24, 1))
    alpha[:, :4] = 0
    palette = np.array([[200, 40, 20, 255], [200, 40, 20, 80]], np.uint8)
    indices, transparent = engine.dither_rgba(rgb, alpha, palette)
    assert transparent == 2
    assert np.all(indices[alpha == 0] == 2)
    lookup = np.append(palette[:, 3], 0).astype(float)
    out_alpha = lookup[indices]
    # Column means follow the ramp (error diffusion), unlike nearest mapping (two bands).
    error = np.abs(out_alpha.mean(axis=0) - alpha.mean(axis=0))[8:]
    assert error.mean() < 12
    nearest = np.abs(
        lookup[np.argmin(np.abs(alpha[..., None] - lookup[None, None]), axis=2)].mean(axis=0)
        - alpha.mean(axis=0)
    )[8:]
    assert error.mean() < 0.6 * nearest.mean()


def test_dithered_rgba_compression_is_measured_pixel_by_pixel(logo_file):
    image = load_image(logo_file)
    result = compress(image, Options(k=16, dither=True))
    out = _rgba(result.encoded).astype(float)
    src = np.dstack([image.rgb, image.alpha]).astype(float)
    worst = max(np.mean((_over(src, bg) - _over(out, bg)) ** 2) for bg in (0.0, 255.0))
    assert result.stats.mse == pytest.approx(worst, rel=1e-9)
    assert np.all(out[..., 3][image.alpha == 0] == 0)


def test_heat_map_sees_alpha():
    rng = np.random.default_rng(1)
    a = rng.integers(0, 256, (20, 30, 3), dtype=np.uint8)
    b = rng.integers(0, 256, (20, 30, 3), dtype=np.uint8)
    opaque = np.full((20, 30), 255, np.uint8)
    np.testing.assert_allclose(
        engine.composited_delta_e_map(a, opaque, b, opaque), engine.delta_e_map(a, b), rtol=1e-5
    )
    # Same colours, alpha lost: the plain map sees nothing, the composited one the loss.
    alpha = np.tile(np.linspace(0, 255, 30).astype(np.uint8), (20, 1))
    lost = engine.composited_delta_e_map(a, alpha, a, opaque)
    assert np.all(engine.delta_e_map(a, a) == 0)
    assert lost[:, 0].min() > 5 and np.all(lost[:, -1] == 0)


def test_colour_entries_leave_out_the_transparent_entry(tmp_path):
    rng = np.random.default_rng(5)
    rgb = rng.integers(0, 256, (30, 40, 3), dtype=np.uint8)
    alpha = np.full((30, 40), 255, np.uint8)
    alpha[:, :10] = 0  # a fully transparent band: one transparent entry, no RGBA palette
    Image.fromarray(np.dstack([rgb, alpha]), "RGBA").save(tmp_path / "band.png")
    result = compress(load_image(tmp_path / "band.png"), Options(k=8))
    assert result.transparent_index is not None and result.palette.shape == (9, 3)
    palette, counts = result.colour_entries()
    assert palette.shape == (8, 3) and counts.shape == (8,)
    assert counts.sum() == 30 * 30  # the opaque pixels
    shown = {tuple(c) for c in result.decoded[:, 10:].reshape(-1, 3)}
    assert shown == {tuple(c) for c in palette}
    Image.fromarray(rgb).save(tmp_path / "opaque.png")
    opaque = compress(load_image(tmp_path / "opaque.png"), Options(k=8))
    assert opaque.transparent_index is None
    assert opaque.colour_entries() == (opaque.palette, opaque.counts)


def _serial_floyd_steinberg(rgb, alpha, palette):
    """Plain Floyd–Steinberg, pixel by pixel, in premultiplied RGBA (float64): the reference."""
    from kmeans_gui.engine.alpha import palette_points, rgba_points

    height, width = alpha.shape
    work = rgba_points(rgb.reshape(-1, 3), alpha.reshape(-1), "rgb").reshape(height, width, 4)
    ceiling = rgba_points(np.full((1, 3), 255, np.uint8), np.full(1, 255, np.uint8), "rgb")[0]
    entries = palette_points(palette, "rgb")
    indices = np.full((height, width), len(palette), np.uint8)
    for y in range(height):
        for x in range(width):
            if alpha[y, x] == 0:
                continue
            value = np.clip(work[y, x], 0.0, ceiling)
            chosen = int(np.argmin(((entries - value) ** 2).sum(axis=1)))
            indices[y, x] = chosen
            error = value - entries[chosen]
            for dy, dx, share in ((0, 1, 7), (1, -1, 3), (1, 0, 5), (1, 1, 1)):
                if y + dy < height and 0 <= x + dx < width:
                    work[y + dy, x + dx] += error * share / 16
    return indices


@pytest.mark.parametrize("shape", [(1, 37), (37, 1), (9, 2), (5, 3), (23, 41)])
def test_rgba_dithering_is_floyd_steinberg(shape):
    # The diagonal-wavefront dithering against the per-pixel algorithm: the same choices but
    # for near ties that float32 rounding may break the other way.
    rng = np.random.default_rng(sum(shape))
    rgb = rng.integers(0, 256, shape + (3,), dtype=np.uint8)
    alpha = rng.integers(0, 256, shape, dtype=np.uint8)
    alpha[rng.random(shape) < 0.2] = 0
    palette = rng.integers(0, 256, (12, 4), dtype=np.uint8)
    indices, transparent = engine.dither_rgba(rgb, alpha, palette)
    expected = _serial_floyd_steinberg(rgb, alpha, palette)
    assert transparent == len(palette)
    assert np.mean(indices == expected) >= 0.99
    assert np.all(indices[alpha == 0] == len(palette))
