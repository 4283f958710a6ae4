"""Property tests of quantize/indexed_image on small random images (Hypothesis)."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from kmeans_gui.engine import analyse, indexed_image, quantize
from kmeans_gui.engine.colorspace import srgb8_to_oklab

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MAGENTA = np.array([255, 0, 255], dtype=np.uint8)

color_spaces = st.sampled_from(["rgb", "oklab"])
ks = st.integers(1, 40)
seeds = st.integers(0, 2**32 - 1)


@st.composite
def images(draw, max_side: int = 12) -> np.ndarray:
    """(h, w, 3) uint8 images, 1..max_side a side, built from few or many source colours."""
    height = draw(st.integers(1, max_side))
    width = draw(st.integers(1, max_side))
    n_source = draw(st.one_of(st.integers(1, 4), st.integers(5, height * width + 4)))
    source = draw(arrays(np.uint8, (n_source, 3)))
    which = draw(arrays(np.intp, (height, width), elements=st.integers(0, n_source - 1)))
    return source[which]


def distinct_colours(pixels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    colours, counts = np.unique(pixels.reshape(-1, 3), axis=0, return_counts=True)
    return colours, counts


def sorted_rows(a: np.ndarray) -> np.ndarray:
    return np.unique(a, axis=0) if a.size else a.reshape(0, 3)


def assert_nearest(pixels: np.ndarray, palette: np.ndarray, chosen: np.ndarray, space: str):
    """Every pixel's palette entry is at the minimum distance over the whole palette.

    RGB: exact integer squared distances. Oklab: float64 distances, 1e-9 relative tolerance.
    """
    pixels = pixels.reshape(-1, 3)
    chosen = chosen.ravel()
    for start in range(0, pixels.shape[0], 4096):  # bounded memory on larger images
        block, picked_index = pixels[start : start + 4096], chosen[start : start + 4096]
        rows = np.arange(block.shape[0])
        if space == "rgb":
            diff = block[:, None, :].astype(np.int64) - palette[None, :, :].astype(np.int64)
            d2 = np.einsum("ijk,ijk->ij", diff, diff)
            np.testing.assert_array_equal(d2[rows, picked_index], d2.min(axis=1))
            continue
        p = srgb8_to_oklab(block)
        c = srgb8_to_oklab(palette)
        d2 = np.sum((p[:, None, :] - c[None, :, :]) ** 2, axis=2)
        picked = d2[rows, picked_index]
        best = d2.min(axis=1)
        worse = np.flatnonzero(picked > best * (1 + 1e-9))
        if worse.size:
            i = worse[0]
            raise AssertionError(
                f"{worse.size} pixels not mapped to their nearest Oklab palette colour "
                f"({palette.shape[0]} entries), e.g. {block[i].tolist()} got "
                f"{palette[picked_index[i]].tolist()} at d2={float(picked[i])!r} but "
                f"{palette[np.argmin(d2[i])].tolist()} is at d2={float(best[i])!r}"
            )


@SETTINGS
@given(image=images(), k=ks, seed=seeds, space=color_spaces)
def test_palette_is_small_distinct_uint8(image, k, seed, space) -> None:
    q = quantize(analyse(image), k, color_space=space, seed=seed)
    assert q.palette.dtype == np.uint8
    assert q.palette.ndim == 2 and q.palette.shape[1] == 3
    assert 1 <= q.palette.shape[0] <= k
    assert np.unique(q.palette, axis=0).shape[0] == q.palette.shape[0]
    assert np.all(q.counts > 0)
    assert np.all(np.diff(q.counts) <= 0), "most used first"
    assert q.k == k and q.color_space == space
    assert np.isfinite(q.inertia) and q.inertia >= 0


@SETTINGS
@given(image=images(), k=ks, seed=seeds, space=color_spaces)
def test_every_pixel_gets_its_nearest_palette_colour(image, k, seed, space) -> None:
    analysis = analyse(image)
    q = quantize(analysis, k, color_space=space, seed=seed)
    indices, transparent = indexed_image(analysis, q)
    assert transparent is None
    assert indices.shape == image.shape[:2] and indices.dtype == np.uint8
    assert indices.max() < q.palette.shape[0]
    output = q.palette[indices]
    # Each output pixel is a palette colour, and the nearest one.
    assert_nearest(image, q.palette, indices, space)
    assert output.shape == image.shape


@SETTINGS
@given(image=images(), k=ks, seed=seeds, space=color_spaces)
def test_counts_match_the_indices(image, k, seed, space) -> None:
    analysis = analyse(image)
    q = quantize(analysis, k, color_space=space, seed=seed)
    indices, _ = indexed_image(analysis, q)
    assert q.counts.dtype == np.int64
    assert int(q.counts.sum()) == image.shape[0] * image.shape[1]
    np.testing.assert_array_equal(
        q.counts, np.bincount(indices.ravel(), minlength=q.palette.shape[0])
    )


@SETTINGS
@given(image=images(), k=ks, seed=seeds, space=color_spaces)
def test_same_seed_same_result(image, k, seed, space) -> None:
    first = quantize(analyse(image), k, color_space=space, seed=seed)
    analysis = analyse(image)
    second = quantize(analysis, k, color_space=space, seed=seed)
    np.testing.assert_array_equal(first.palette, second.palette)
    np.testing.assert_array_equal(first.counts, second.counts)
    np.testing.assert_array_equal(
        indexed_image(analysis, first)[0], indexed_image(analysis, second)[0]
    )
    # The cached analysis gives the same answer the second time too.
    third = quantize(analysis, k, color_space=space, seed=seed)
    np.testing.assert_array_equal(first.palette, third.palette)


@SETTINGS
@given(
    colour=arrays(np.uint8, 3),
    height=st.integers(1, 12),
    width=st.integers(1, 12),
    k=st.integers(1, 256),
    seed=seeds,
    space=color_spaces,
)
def test_one_colour_image_gives_that_colour(colour, height, width, k, seed, space) -> None:
    image = np.broadcast_to(colour, (height, width, 3)).copy()
    analysis = analyse(image)
    q = quantize(analysis, k, color_space=space, seed=seed)
    np.testing.assert_array_equal(q.palette, colour[None, :])
    np.testing.assert_array_equal(q.counts, [height * width])
    assert np.all(indexed_image(analysis, q)[0] == 0)


@st.composite
def two_colour_images(draw) -> tuple[np.ndarray, np.ndarray]:
    colours = draw(arrays(np.uint8, (2, 3)).filter(lambda c: not np.array_equal(c[0], c[1])))
    shape = (draw(st.integers(1, 12)), draw(st.integers(2, 12)))
    mask = draw(arrays(bool, shape))
    mask.flat[0], mask.flat[-1] = True, False  # both colours occur
    return np.where(mask[..., None], colours[0], colours[1]).astype(np.uint8), colours


@SETTINGS
@given(pair=two_colour_images(), k=st.integers(2, 256), seed=seeds, space=color_spaces)
def test_two_colour_image_gives_both_colours(pair, k, seed, space) -> None:
    image, colours = pair
    analysis = analyse(image)
    q = quantize(analysis, k, color_space=space, seed=seed)
    np.testing.assert_array_equal(sorted_rows(q.palette), sorted_rows(colours))
    output = q.palette[indexed_image(analysis, q)[0]]
    np.testing.assert_array_equal(output, image)


@SETTINGS
@given(image=images(), extra=st.integers(0, 30), seed=seeds, space=color_spaces)
def test_k_above_distinct_colours_keeps_them_exactly(image, extra, seed, space) -> None:
    colours, counts = distinct_colours(image)
    k = min(colours.shape[0] + extra, 256)
    analysis = analyse(image)
    q = quantize(analysis, k, color_space=space, seed=seed)
    assert q.palette.shape == colours.shape
    np.testing.assert_array_equal(sorted_rows(q.palette), colours)
    # counts follow the palette: look each palette colour up in the distinct colours.
    where = [int(np.flatnonzero(np.all(colours == c, axis=1))[0]) for c in q.palette]
    np.testing.assert_array_equal(q.counts, counts[where])
    np.testing.assert_array_equal(q.palette[indexed_image(analysis, q)[0]], image)
    # Exact in RGB; in Oklab nearest_center's float32 |c|**2 - 2p.c + |p|**2 leaves up to
    # about 1e-7 (float32 epsilon times |L|**2) where the true value is 0.
    assert q.inertia == 0.0 if space == "rgb" else 0.0 <= q.inertia < 1e-6


@st.composite
def images_with_alpha(draw) -> tuple[np.ndarray, np.ndarray]:
    """Images whose pixels are fully opaque or fully transparent (the RGB path; partly
    transparent images take the RGBA path, tests/test_transparency.py)."""
    image = draw(images())
    # Magenta marks transparent pixels only: no opaque pixel may have that colour.
    is_magenta = np.all(image == MAGENTA, axis=2)
    image[is_magenta] = [254, 0, 255]
    alpha = draw(arrays(np.uint8, image.shape[:2], elements=st.sampled_from([0, 0, 255])))
    if not (alpha == 0).any():
        alpha.flat[draw(st.integers(0, alpha.size - 1))] = 0
    image[alpha == 0] = MAGENTA
    return image, alpha


@SETTINGS
@given(pair=images_with_alpha(), k=ks, seed=seeds, space=color_spaces)
def test_transparent_pixels_get_their_own_index_and_pull_nothing(pair, k, seed, space) -> None:
    image, alpha = pair
    opaque = alpha > 0
    analysis = analyse(image, alpha)
    q = quantize(analysis, k, color_space=space, seed=seed)
    indices, transparent = indexed_image(analysis, q)
    assert transparent == q.palette.shape[0]
    assert np.all(indices[~opaque] == transparent)
    assert np.all(indices[opaque] < transparent)
    assert int(q.counts.sum()) == int(opaque.sum())
    if not opaque.any():
        assert q.palette.shape == (0, 3)
        return
    assert not np.all(q.palette == MAGENTA, axis=1).any()
    # Exactly the result for the opaque pixels alone, laid out as a (1, n) image.
    alone = analyse(image[opaque][None, :, :])
    expected = quantize(alone, k, color_space=space, seed=seed)
    np.testing.assert_array_equal(q.palette, expected.palette)
    np.testing.assert_array_equal(q.counts, expected.counts)
    np.testing.assert_array_equal(indices[opaque], indexed_image(alone, expected)[0][0])
    assert_nearest(image[opaque], q.palette, indices[opaque], space)


@settings(max_examples=10, deadline=None)
@given(
    height=st.integers(17, 24),
    width=st.integers(17, 24),
    seed=seeds,
    space=color_spaces,
)
def test_transparency_leaves_room_for_its_index(height, width, seed, space) -> None:
    rng = np.random.default_rng(seed)
    image = rng.integers(0, 256, (height, width, 3), dtype=np.uint8)
    alpha = np.full((height, width), 255, dtype=np.uint8)
    alpha[rng.random((height, width)) < 0.1] = 0
    alpha[0, 0] = 0
    analysis = analyse(image, alpha)
    q = quantize(analysis, 256, color_space=space, seed=seed)
    indices, transparent = indexed_image(analysis, q)
    assert q.palette.shape[0] <= 255
    assert transparent == q.palette.shape[0]
    assert np.all(indices[alpha == 0] == transparent)
    assert np.all(indices[alpha > 0] < transparent)


def test_transparency_with_exactly_256_opaque_colours() -> None:
    codes = np.random.default_rng(0).choice(1 << 24, 256, replace=False)
    all_colours = np.stack([codes >> 16, (codes >> 8) & 255, codes & 255], -1).astype(np.uint8)
    image = np.zeros((17, 16, 3), dtype=np.uint8)
    image[:16] = all_colours.reshape(16, 16, 3)
    alpha = np.full((17, 16), 255, dtype=np.uint8)
    alpha[16] = 0
    analysis = analyse(image, alpha)
    assert analysis.n_colors == 256
    q = quantize(analysis, 256)
    indices, transparent = indexed_image(analysis, q)
    assert q.palette.shape[0] <= 255 and transparent == q.palette.shape[0]
    assert np.all(indices[16] == transparent)
    assert np.all(indices[:16] < transparent)
    # Without transparency the same 256 colours all fit in the palette.
    q_opaque = quantize(analyse(image[:16]), 256)
    np.testing.assert_array_equal(sorted_rows(q_opaque.palette), sorted_rows(all_colours))


def test_oklab_mapping_is_exact_on_a_larger_image() -> None:
    """Nearest in Oklab, checked in float64 on 65536 random pixels (1e-9 relative)."""
    image = np.random.default_rng(1).integers(0, 256, (256, 256, 3), dtype=np.uint8)
    analysis = analyse(image)
    for k in (16, 64, 200):
        q = quantize(analysis, k, color_space="oklab", seed=0)
        assert_nearest(image, q.palette, indexed_image(analysis, q)[0], "oklab")
