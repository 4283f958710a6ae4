"""Strip-by-strip conversion of 16-bit, 32-bit and floating-point images (imaging/strips.py).

Each file is loaded twice: in strips of a few rows, and in one strip (the whole image at
once, as the loader converted it before strips). The pixels must be the same, and equal to
the documented formula applied to the whole image.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from kmeans_gui import imaging
from kmeans_gui.imaging import load_image, strips

WIDTH, HEIGHT = 7, 9


def _load_both(path: Path, monkeypatch: pytest.MonkeyPatch, expected_mode: str):
    with Image.open(path) as im:
        assert im.mode == expected_mode  # the test really exercises this mode
    monkeypatch.setattr(strips, "STRIP_PIXELS", 2 * WIDTH)  # strips of two rows: 5 strips
    in_strips = load_image(path)
    monkeypatch.setattr(strips, "STRIP_PIXELS", WIDTH * HEIGHT)
    whole = load_image(path)
    return in_strips, whole


def _grey(expected: np.ndarray) -> np.ndarray:
    return np.repeat(expected.astype(np.uint8)[:, :, None], 3, axis=2)


def _integer_reference(values: np.ndarray) -> np.ndarray:
    return _grey(np.rint(np.clip(values.astype(np.float64), 0, 65535) / 257.0))


def _float_reference(values: np.ndarray) -> np.ndarray:
    finite = np.nan_to_num(values.astype(np.float64), nan=0.0)
    if finite.min() >= 0.0 and finite.max() <= 1.0:
        finite = finite * 255.0
    return _grey(np.rint(np.clip(finite, 0.0, 255.0)))


def test_i16_png_in_strips_matches_the_whole_image(tmp_path, monkeypatch) -> None:
    values = np.random.default_rng(1).integers(0, 65536, (HEIGHT, WIDTH)).astype(np.uint16)
    values[0, :3] = [0, 128, 65535]  # the ends of the range and a rounding boundary
    path = tmp_path / "deep.png"
    Image.fromarray(values).save(path)

    in_strips, whole = _load_both(path, monkeypatch, "I;16")

    np.testing.assert_array_equal(in_strips.rgb, whole.rgb)
    np.testing.assert_array_equal(in_strips.rgb, _integer_reference(values))
    assert in_strips.rgb.flags.c_contiguous
    assert in_strips.notices == whole.notices == (imaging.DEEP_NOTICE,)


def test_i16b_tiff_in_strips_matches_the_whole_image(tmp_path, monkeypatch) -> None:
    values = np.random.default_rng(2).integers(0, 65536, (HEIGHT, WIDTH)).astype(">u2")
    path = tmp_path / "deep.tif"
    Image.frombytes("I;16B", (WIDTH, HEIGHT), values.tobytes()).save(path)

    in_strips, whole = _load_both(path, monkeypatch, "I;16B")

    np.testing.assert_array_equal(in_strips.rgb, whole.rgb)
    np.testing.assert_array_equal(in_strips.rgb, _integer_reference(values))


def test_i32_tiff_clipping_is_noticed_in_any_strip(tmp_path, monkeypatch) -> None:
    values = np.random.default_rng(3).integers(0, 65536, (HEIGHT, WIDTH)).astype(np.int32)
    values[HEIGHT - 1, WIDTH - 1] = 70000  # outside 0..65535, in the last strip only
    values[HEIGHT - 1, 0] = -5
    path = tmp_path / "int.tif"
    Image.fromarray(values).save(path)

    in_strips, whole = _load_both(path, monkeypatch, "I")

    np.testing.assert_array_equal(in_strips.rgb, whole.rgb)
    np.testing.assert_array_equal(in_strips.rgb, _integer_reference(values))
    assert "32-bit values outside 0..65535 were clipped" in in_strips.notices
    assert in_strips.notices == whole.notices


def test_i32_tiff_within_range_has_no_clipping_notice(tmp_path, monkeypatch) -> None:
    values = np.full((HEIGHT, WIDTH), 257 * 9, np.int32)
    path = tmp_path / "int.tif"
    Image.fromarray(values).save(path)

    in_strips, _ = _load_both(path, monkeypatch, "I")

    assert in_strips.rgb.tolist() == _grey(np.full((HEIGHT, WIDTH), 9)).tolist()
    assert not any("clipped" in notice for notice in in_strips.notices)


def test_float_tiff_unit_range_in_strips_matches_the_whole_image(tmp_path, monkeypatch) -> None:
    values = np.random.default_rng(4).random((HEIGHT, WIDTH)).astype(np.float32)
    values[2, 3] = np.nan
    values[0, 0], values[HEIGHT - 1, WIDTH - 1] = 0.0, 1.0
    path = tmp_path / "float.tif"
    Image.fromarray(values).save(path)

    in_strips, whole = _load_both(path, monkeypatch, "F")

    np.testing.assert_array_equal(in_strips.rgb, whole.rgb)
    np.testing.assert_array_equal(in_strips.rgb, _float_reference(values))
    assert in_strips.rgb[2, 3].tolist() == [0, 0, 0]  # NaN
    assert "floating-point values 0..1 scaled to 0..255" in in_strips.notices


def test_float_scale_is_decided_by_the_whole_image_not_each_strip(tmp_path, monkeypatch) -> None:
    # Every strip but the last holds values within 0..1; one value of 3.0 in the last strip
    # means the whole image is taken as 0..255.
    values = np.random.default_rng(5).random((HEIGHT, WIDTH)).astype(np.float32)
    values[HEIGHT - 1, WIDTH - 1] = 3.0
    values[1, 1], values[4, 4] = np.inf, -np.inf
    path = tmp_path / "float.tif"
    Image.fromarray(values).save(path)

    in_strips, whole = _load_both(path, monkeypatch, "F")

    np.testing.assert_array_equal(in_strips.rgb, whole.rgb)
    np.testing.assert_array_equal(in_strips.rgb, _float_reference(values))
    assert in_strips.rgb[HEIGHT - 1, WIDTH - 1, 0] == 3  # not 3 * 255 clipped to 255
    assert in_strips.rgb[0, :, 0].max() <= 1  # 0..1 values taken as 0..255, in every strip
    assert in_strips.rgb[1, 1, 0] == 255 and in_strips.rgb[4, 4, 0] == 0  # +inf, -inf
    assert "floating-point values taken as 0..255 (clipped)" in in_strips.notices
