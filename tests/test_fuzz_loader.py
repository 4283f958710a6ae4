"""Fuzz the image loader with Hypothesis-mutated bytes of small valid PNG, JPEG, GIF and WebP
files: it either returns a valid image or raises ImageLoadError, never anything else.

The examples load with ``max_pixels`` at 1 megapixel: a mutated header may claim up to the
app's 100 megapixels, which Pillow would allocate before finding the data missing; the code
path is the same below the limit and the test stays fast (about 10 s).
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from kmeans_gui.files import ImageLoadError
from kmeans_gui.imaging import load_image

FUZZ_LIMIT = 1 << 20


def _encoded(image: Image.Image, fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def _seeds() -> dict[str, bytes]:
    rng = np.random.default_rng(11)
    rgb = rng.integers(0, 256, (10, 12, 3), dtype=np.uint8)
    rgb[:5] = (200, 40, 40)
    image = Image.fromarray(rgb)
    rgba = Image.fromarray(np.dstack([rgb, np.full((10, 12), 128, np.uint8)]))
    frames = [Image.new("RGB", (8, 6), c) for c in ((255, 0, 0), (0, 0, 255))]
    return {
        "png": _encoded(image, "PNG"),
        "png-palette": _encoded(image.quantize(6), "PNG", transparency=0),
        "png-rgba": _encoded(rgba, "PNG"),
        "jpeg": _encoded(image, "JPEG", quality=80),
        "jpeg-progressive": _encoded(image, "JPEG", progressive=True),
        "gif": _encoded(frames[0], "GIF", save_all=True, append_images=frames[1:]),
        "webp-lossless": _encoded(rgba, "WEBP", lossless=True),
        "webp-lossy": _encoded(image, "WEBP", quality=50),
    }


SEEDS = _seeds()
_FOLDER = Path(tempfile.mkdtemp(prefix="kmeans-gui-fuzz-"))


@st.composite
def mutated(draw: st.DrawFn, seed: bytes) -> bytes:
    """`seed` with a few flipped, overwritten, inserted or deleted bytes, maybe truncated."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["flip", "set", "insert", "delete", "truncate"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "flip" and data:
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "set" and data:
            data[at] = draw(st.sampled_from([0x00, 0xFF, 0x7F, 0x80, draw(st.integers(0, 255))]))
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 16))]
        elif kind == "truncate":
            del data[at:]
    return bytes(data)


def check_load(data: bytes, name: str) -> None:
    path = _FOLDER / name
    path.write_bytes(data)
    try:
        image = load_image(path, max_pixels=FUZZ_LIMIT)
    except ImageLoadError as exc:
        assert str(exc).startswith(f"{name}: ") and exc.reason
        assert "\n" not in str(exc)
        return
    rgb = image.rgb
    assert isinstance(rgb, np.ndarray) and rgb.dtype == np.uint8
    assert rgb.ndim == 3 and rgb.shape[2] == 3 and rgb.shape[0] >= 1 and rgb.shape[1] >= 1
    assert rgb.flags.c_contiguous
    if image.alpha is not None:
        assert image.alpha.shape == rgb.shape[:2] and image.alpha.dtype == np.uint8
    assert all(isinstance(n, str) and "\n" not in n for n in image.notices)


@pytest.mark.parametrize("kind", sorted(SEEDS))
def test_seeds_load(kind: str) -> None:
    image = load_image_bytes(SEEDS[kind], f"seed.{kind}")
    assert image.rgb.shape[:2] in ((10, 12), (6, 8))


def load_image_bytes(data: bytes, name: str):
    path = _FOLDER / name
    path.write_bytes(data)
    return load_image(path)


@pytest.mark.parametrize("kind", sorted(SEEDS))
def test_mutated_files_raise_only_image_load_errors(kind: str) -> None:
    @settings(max_examples=150, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
    @given(data=mutated(SEEDS[kind]))
    def run(data: bytes) -> None:
        check_load(data, f"fuzzed {kind}.img")

    run()
