"""Quality metrics between an original and a quantized image: MSE, PSNR and Oklab ΔE,
and their composited form for images with transparency."""

from __future__ import annotations

import math

import numpy as np

from .colorspace import srgb8_to_oklab, srgb_float_to_oklab

# Pixels per block: the Oklab conversion makes several float64 temporaries of a block.
_PIXELS_PER_BLOCK = 1 << 18


def mse(original: np.ndarray, result: np.ndarray) -> float:
    """Mean squared error per channel in 0-255 units.

    Parameters
    ----------
    original, result : ndarray of shape (height, width, 3), dtype uint8

    Returns
    -------
    float, mean over all pixels and the three channels of (original - result)**2
    """
    _check_pair(original, result)
    total = 0
    for a, b in _blocks(original, result):
        diff = a.astype(np.int32) - b.astype(np.int32)
        total += int(np.einsum("ijk,ijk->", diff, diff, dtype=np.int64))
    return total / original.size


def psnr(mse_value: float) -> float:
    """Peak signal-to-noise ratio in dB for 8-bit images; ``inf`` for identical images."""
    if mse_value <= 0:
        return math.inf
    return 10.0 * math.log10(255.0**2 / mse_value)


def mean_delta_e_ok(original: np.ndarray, result: np.ndarray) -> float:
    """Mean Oklab ΔE (Euclidean distance in Oklab, times 100) over all pixels.

    Scaled by 100 so that 1.0 is about one just-noticeable difference, like CIE ΔE units.

    Parameters
    ----------
    original, result : ndarray of shape (height, width, 3), dtype uint8
    """
    _check_pair(original, result)
    total = 0.0
    for a, b in _blocks(original, result):
        d = srgb8_to_oklab(a) - srgb8_to_oklab(b)
        total += float(np.sqrt(np.einsum("ijk,ijk->ij", d, d)).sum())
    return 100.0 * total / (original.shape[0] * original.shape[1])


def delta_e_map(original: np.ndarray, result: np.ndarray) -> np.ndarray:
    """Oklab ΔE (times 100, as :func:`mean_delta_e_ok`) of every pixel: a difference heat map.

    Parameters
    ----------
    original, result : ndarray of shape (height, width, 3), dtype uint8

    Returns
    -------
    ndarray of shape (height, width), dtype float32; its mean is ``mean_delta_e_ok``.
    """
    _check_pair(original, result)
    out = np.empty(original.shape[:2], dtype=np.float32)
    rows = max(1, _PIXELS_PER_BLOCK // max(original.shape[1], 1))
    starts = range(0, original.shape[0], rows)
    for start, (a, b) in zip(starts, _blocks(original, result), strict=True):
        d = srgb8_to_oklab(a) - srgb8_to_oklab(b)
        out[start : start + rows] = 100.0 * np.sqrt(np.einsum("ijk,ijk->ij", d, d))
    return out


def _check_pair(original: np.ndarray, result: np.ndarray) -> None:
    if original.shape != result.shape or original.ndim != 3 or original.shape[2] != 3:
        raise ValueError(
            f"images should both have shape (height, width, 3); got {original.shape} "
            f"and {result.shape}"
        )


def _blocks(a: np.ndarray, b: np.ndarray):
    rows = max(1, _PIXELS_PER_BLOCK // max(a.shape[1], 1))
    for start in range(0, a.shape[0], rows):
        yield a[start : start + rows], b[start : start + rows]


def composited_errors(
    colors_a: np.ndarray,
    alphas_a: np.ndarray,
    colors_b: np.ndarray,
    alphas_b: np.ndarray,
    weights: np.ndarray | None = None,
) -> tuple[float, float]:
    """(MSE, mean Oklab ΔE×100) of RGBA values against others, composited: the worse of the
    figures over a black and over a white background.

    The definition of every figure of an image with transparency: each value is shown over
    black (its premultiplied colour) and over white, and the error of the pair is measured on
    what is seen; a pixel whose opacity changed shows the change on one of the two, so a
    result with wrong alpha never gets a good figure. For opaque values both composites are
    the colours themselves: :func:`mse` and :func:`mean_delta_e_ok`.

    Parameters
    ----------
    colors_a, colors_b : ndarray of shape (n, 3), uint8, straight (not premultiplied) colours
    alphas_a, alphas_b : ndarray of shape (n,), uint8, opacities (0 = fully transparent)
    weights : ndarray of shape (n,), optional, pixels per pair (1 each by default)

    Returns
    -------
    mse : float, per channel in 0-255 units, the larger of the black and white composites'
    delta_e : float, the larger of the two composites' weighted mean ΔE
    """
    n = colors_a.shape[0]
    # The weights are made float64 block by block (a whole copy took 8 bytes a value).
    w = np.ones(n, dtype=np.uint8) if weights is None else np.asarray(weights)
    total = float(w.sum(dtype=np.float64))
    if n == 0 or total == 0:
        return 0.0, 0.0
    sq = np.zeros(2)
    de = np.zeros(2)
    for start in range(0, n, _PIXELS_PER_BLOCK):
        part = slice(start, start + _PIXELS_PER_BLOCK)
        w_part = w[part].astype(np.float64)
        oa = np.asarray(alphas_a[part], dtype=np.float64)[:, None] / 255.0
        ob = np.asarray(alphas_b[part], dtype=np.float64)[:, None] / 255.0
        pa = np.asarray(colors_a[part], dtype=np.float64) * oa
        pb = np.asarray(colors_b[part], dtype=np.float64) * ob
        for i, background in enumerate((0.0, 255.0)):
            ca = pa + background * (1.0 - oa)
            cb = pb + background * (1.0 - ob)
            diff = ca - cb
            sq[i] += float(w_part @ np.einsum("ij,ij->i", diff, diff))
            lab = srgb_float_to_oklab(ca) - srgb_float_to_oklab(cb)
            de[i] += float(w_part @ np.sqrt(np.einsum("ij,ij->i", lab, lab)))
    return float(sq.max()) / (3.0 * total), 100.0 * float(de.max()) / total


def composited_delta_e_map(
    rgb_a: np.ndarray, alpha_a: np.ndarray, rgb_b: np.ndarray, alpha_b: np.ndarray
) -> np.ndarray:
    """Oklab ΔE×100 of every pixel of two RGBA images, composited: the larger of the pixel's
    ΔE over black and over white (see :func:`composited_errors`); a heat map that sees alpha.

    Parameters
    ----------
    rgb_a, rgb_b : ndarray of shape (height, width, 3), uint8, straight colours
    alpha_a, alpha_b : ndarray of shape (height, width), uint8

    Returns
    -------
    ndarray of shape (height, width), dtype float32
    """
    _check_pair(rgb_a, rgb_b)
    height, width = rgb_a.shape[:2]
    out = np.empty(height * width, dtype=np.float32)
    flat = [rgb_a.reshape(-1, 3), alpha_a.reshape(-1), rgb_b.reshape(-1, 3), alpha_b.reshape(-1)]
    for start in range(0, height * width, _PIXELS_PER_BLOCK):
        part = slice(start, start + _PIXELS_PER_BLOCK)
        ca, aa, cb, ab = (np.asarray(x[part], dtype=np.float64) for x in flat)
        oa, ob = aa[:, None] / 255.0, ab[:, None] / 255.0
        worst = np.zeros(ca.shape[0])
        for background in (0.0, 255.0):
            lab = srgb_float_to_oklab(ca * oa + background * (1 - oa)) - srgb_float_to_oklab(
                cb * ob + background * (1 - ob)
            )
            np.maximum(worst, np.sqrt(np.einsum("ij,ij->i", lab, lab)), out=worst)
        out[part] = 100.0 * worst
    return out.reshape(height, width)
