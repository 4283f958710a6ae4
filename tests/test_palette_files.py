"""Palette files (.gpl, .act, .json, .txt): written, read back to the same colours, each as its
format says."""

from __future__ import annotations

import json
import os

import numpy as np
import pytest

from kmeans_gui.palette_files import PALETTE_FORMATS, decode_palette, encode_palette, save_palette


@pytest.mark.parametrize("fmt", PALETTE_FORMATS)
@pytest.mark.parametrize("n", [1, 2, 16, 256])
def test_palette_files_parse_back_to_the_same_colours(tmp_path, fmt, n):
    rng = np.random.default_rng(n)
    palette = rng.integers(0, 256, (n, 3), dtype=np.uint8)
    path = save_palette(tmp_path / f"p.{fmt}", palette, counts=np.arange(1, n + 1))
    np.testing.assert_array_equal(decode_palette(path.read_bytes(), fmt), palette)


def test_palette_file_contents_follow_their_formats():
    palette = np.array([[255, 0, 16], [1, 2, 3]], np.uint8)
    gpl = encode_palette(palette, "gpl", name="demo").decode()
    assert gpl.startswith("GIMP Palette\nName: demo\n")
    assert "255   0  16\t#ff0010" in gpl
    act = encode_palette(palette, "act")
    assert len(act) == 772 and act[:6] == bytes([255, 0, 16, 1, 2, 3])
    assert act[768:] == bytes([0, 2, 0xFF, 0xFF])  # count 2, no transparent index
    doc = json.loads(encode_palette(palette, "json", counts=np.array([3, 1])))
    assert doc["colors"][0] == {"hex": "#ff0010", "rgb": [255, 0, 16], "share": 0.75}
    assert encode_palette(palette, "txt").decode() == "#ff0010\n#010203\n"


@pytest.mark.parametrize("kind", ["pipe", "folder"])
def test_a_palette_that_is_not_a_regular_file_is_refused_at_once(tmp_path, kind):
    """``--palette colours.gpl`` naming a pipe waited for a writer for ever."""
    from kmeans_gui.palette_files import PaletteFileError, load_palette

    path = tmp_path / "colours.gpl"
    os.mkfifo(path) if kind == "pipe" else path.mkdir()
    with pytest.raises(PaletteFileError) as caught:
        load_palette(path)
    assert str(caught.value) == "colours.gpl: is not a regular file: not a palette"
