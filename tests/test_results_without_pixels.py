"""The command line and goal seeking keep no decoded copy of each output, and lose nothing by it.

Their results carry the encoded file and its figures; the decoded pixels (3 bytes per pixel,
300 MB at 100 megapixels) are left out. The file and every figure must be those of a result
with pixels, and the pixels that are kept must be those of the file.
"""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from kmeans_gui.compress import Options, compress, compress_file
from kmeans_gui.goals import Goal, seek
from kmeans_gui.imaging import load_image


def _figures(stats):
    """Every figure but the time taken."""
    return dataclasses.replace(stats, seconds=0.0)


def _photo_like(path: Path, transparent: bool) -> Path:
    """A 64 x 48 image of smooth colour gradients and noise (many colours), optionally with a
    transparent corner."""
    rng = np.random.default_rng(7)
    y, x = np.mgrid[0:48, 0:64]
    rgb = np.stack([x * 4, y * 5, (x + y) * 2], axis=2) + rng.integers(0, 24, (48, 64, 3))
    rgb = np.clip(rgb, 0, 255).astype(np.uint8)
    if transparent:
        alpha = np.full((48, 64), 255, np.uint8)
        alpha[:10, :10] = 0
        Image.fromarray(np.dstack([rgb, alpha]), "RGBA").save(path)
    else:
        Image.fromarray(rgb).save(path)
    return path


@pytest.mark.parametrize("dither", [False, True])
@pytest.mark.parametrize("transparent", [False, True])
def test_compress_file_has_the_file_and_figures_of_compress(tmp_path, dither, transparent):
    path = _photo_like(tmp_path / "p.png", transparent)
    options = Options(k=12, dither=dither)

    cli = compress_file(path, options)
    full = compress(load_image(path), options)

    assert cli.decoded.size == 0
    assert cli.encoded == full.encoded
    assert _figures(cli.stats) == _figures(full.stats)
    np.testing.assert_array_equal(cli.counts, full.counts)
    with Image.open(io.BytesIO(full.encoded)) as im:  # the pixels kept are the file's
        np.testing.assert_array_equal(full.decoded, np.asarray(im.convert("RGB")))


def test_goal_seeking_results_have_no_pixels_and_the_figures_of_their_k(tmp_path):
    image = load_image(_photo_like(tmp_path / "p.png", False))

    found = seek(image, Options(), Goal(min_psnr=30.0), k_min=2, k_max=64)

    assert found.result.decoded.size == 0
    direct = compress(image, Options(k=found.result.options.k))
    assert found.result.encoded == direct.encoded
    assert _figures(found.result.stats) == _figures(direct.stats)
