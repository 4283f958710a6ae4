"""Partly transparent test images, drawn here with NumPy (nothing downloaded, nothing committed).

Three kinds of image a palette PNG is used for: a logo with anti-aliased shapes and a soft
drop shadow, a sheet of icons with glows, and a screenshot of a window with rounded corners,
a shadow and a translucent panel. Each returns ``(rgb, alpha)``: (h, w, 3) and (h, w) uint8.
The tests draw small ones; ``benchmarks/rgba_bench.py`` draws them at full size.
"""

from __future__ import annotations

import numpy as np

_SUPERSAMPLE = 4  # edge coverage from a 4 x 4 grid of samples per pixel


def _coverage(height: int, width: int, inside) -> np.ndarray:
    """Fraction of each pixel inside a shape, float64 (h, w); ``inside(y, x)`` tests points."""
    s = _SUPERSAMPLE
    y, x = np.mgrid[0 : height * s, 0 : width * s].astype(np.float64)
    hits = inside((y + 0.5) / s, (x + 0.5) / s).astype(np.float64)
    return hits.reshape(height, s, width, s).mean(axis=(1, 3))


def _blur(plane: np.ndarray, radius: int) -> np.ndarray:
    """Three box blurs of ``radius`` along each axis (about a Gaussian), same shape."""
    out = plane.astype(np.float64)
    for axis in (0, 1):
        for _ in range(3):
            pad = [(0, 0), (0, 0)]
            pad[axis] = (radius + 1, radius)
            padded = np.pad(out, pad, mode="constant")
            sums = np.cumsum(padded, axis=axis)
            upper = np.take(sums, np.arange(2 * radius + 1, sums.shape[axis]), axis=axis)
            lower = np.take(sums, np.arange(0, sums.shape[axis] - 2 * radius - 1), axis=axis)
            out = (upper - lower) / (2 * radius + 1)
    return out


def _over(dst_rgb, dst_a, src_rgb, src_a):
    """Porter-Duff "over" of straight float RGBA layers (colours 0..255, alpha 0..1)."""
    out_a = src_a + dst_a * (1 - src_a)
    safe = np.where(out_a > 0, out_a, 1)[..., None]
    out_rgb = (src_rgb * src_a[..., None] + dst_rgb * (dst_a * (1 - src_a))[..., None]) / safe
    return out_rgb, out_a


def _to_uint8(rgb: np.ndarray, alpha: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    a8 = np.rint(np.clip(alpha, 0, 1) * 255).astype(np.uint8)
    rgb8 = np.rint(np.clip(rgb, 0, 255)).astype(np.uint8)
    rgb8[a8 == 0] = 0
    return rgb8, a8


def _gradient(h: int, w: int, top: tuple, bottom: tuple) -> np.ndarray:
    t = np.linspace(0, 1, h)[:, None, None]
    return np.broadcast_to(
        np.array(top, float) * (1 - t) + np.array(bottom, float) * t, (h, w, 3)
    ).copy()


def logo(width: int = 600, height: int = 300) -> tuple[np.ndarray, np.ndarray]:
    """A logo: a gradient disc, a rounded bar and a ring, with a soft black drop shadow."""
    s = width / 600
    shapes = [
        (lambda y, x: (x - 150 * s) ** 2 + (y - 140 * s) ** 2 < (95 * s) ** 2,
         _gradient(height, width, (255, 120, 40), (200, 30, 90))),
        (lambda y, x: (np.abs(x - 390 * s) < 150 * s - 30 * s)
         & (np.abs(y - 110 * s) < 40 * s)
         | ((np.abs(x - 390 * s) - 120 * s) ** 2 + (y - 110 * s) ** 2 < (40 * s) ** 2)
         & (np.abs(y - 110 * s) < 40 * s),
         _gradient(height, width, (40, 110, 220), (20, 60, 140))),
        (lambda y, x: np.abs(np.hypot(x - 390 * s, y - 210 * s) - 45 * s) < 12 * s,
         _gradient(height, width, (60, 190, 120), (20, 130, 80))),
    ]  # fmt: skip
    rgb = np.zeros((height, width, 3))
    alpha = np.zeros((height, width))
    cover = np.zeros((height, width))
    for inside, _ in shapes:
        cover = np.maximum(cover, _coverage(height, width, inside))
    shift = max(1, int(round(12 * s)))
    shadow = np.zeros_like(cover)
    shadow[shift:, shift:] = cover[:-shift, :-shift]
    shadow = 0.55 * _blur(shadow, max(1, int(round(8 * s))))
    rgb, alpha = _over(rgb, alpha, np.zeros((height, width, 3)), shadow)
    for inside, fill in shapes:
        rgb, alpha = _over(rgb, alpha, fill, _coverage(height, width, inside))
    return _to_uint8(rgb, alpha)


def icon_sheet(
    columns: int = 8, rows: int = 4, size: int = 64, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """A sheet of icons: rounded squares and discs of many hues, each with a coloured glow."""
    rng = np.random.default_rng(seed)
    rgb = np.zeros((rows * size, columns * size, 3))
    alpha = np.zeros((rows * size, columns * size))
    c0 = size / 2
    half = size * 0.3
    disc = _coverage(size, size, lambda y, x: np.hypot(y - c0, x - c0) < half)
    square = _coverage(size, size, lambda y, x: np.hypot(
        np.maximum(np.abs(y - c0) - half * 0.6, 0), np.maximum(np.abs(x - c0) - half * 0.6, 0)
    ) < half * 0.4)  # fmt: skip
    dot = _coverage(size, size, lambda y, x: np.hypot(y - c0, x - c0) < size * 0.08)
    for r in range(rows):
        for c in range(columns):
            shape = disc if (r + c) % 2 else square
            hue = rng.uniform(0, 255, 3)
            tile_rgb, tile_a = np.zeros((size, size, 3)), np.zeros((size, size))
            glow = 0.6 * _blur(shape, max(1, size // 12))
            tile_rgb, tile_a = _over(tile_rgb, tile_a, np.broadcast_to(hue, (size, size, 3)), glow)
            fill = _gradient(size, size, tuple(np.minimum(hue + 80, 255)), tuple(hue * 0.6))
            tile_rgb, tile_a = _over(tile_rgb, tile_a, fill, shape)
            white = np.full((size, size, 3), 255.0)
            tile_rgb, tile_a = _over(tile_rgb, tile_a, white, 0.85 * dot)
            rgb[r * size : (r + 1) * size, c * size : (c + 1) * size] = tile_rgb
            alpha[r * size : (r + 1) * size, c * size : (c + 1) * size] = tile_a
    return _to_uint8(rgb, alpha)


def screenshot(width: int = 800, height: int = 500) -> tuple[np.ndarray, np.ndarray]:
    """A window screenshot: rounded corners, a soft shadow, text-like rows and a sidebar, and
    a translucent panel (70% opaque) over its lower right."""
    margin = max(4, width // 40)
    radius = max(3, width // 60)

    def window(y, x):
        dy = np.maximum(np.maximum(margin + radius - y, y - (height - margin - radius)), 0)
        dx = np.maximum(np.maximum(margin + radius - x, x - (width - margin - radius)), 0)
        return np.hypot(dy, dx) < radius

    body = _coverage(height, width, window)
    shadow = np.zeros_like(body)
    off = max(1, margin // 3)
    shadow[off:, :] = body[:-off, :]
    shadow = 0.5 * _blur(shadow, max(1, margin // 2))
    rgb, alpha = _over(np.zeros((height, width, 3)), np.zeros((height, width)),
                       np.zeros((height, width, 3)), shadow)  # fmt: skip
    content = _gradient(height, width, (246, 247, 250), (228, 232, 240))
    y, x = np.mgrid[0:height, 0:width]
    content[(x < width // 4)] = (52, 58, 72)  # sidebar
    line = max(3, height // 40)
    text = ((y // line) % 3 == 1) & (x > width // 4 + margin) & (x < width * 0.9)
    text &= np.sin(x / 7.0) + np.sin(x / 3.1 + y) > -0.3
    content[text] = (40, 40, 48)
    title = y < margin + height // 12
    content[title] = (70, 110, 200)
    # A picture in the page: smooth colour fields, as a photo or chart thumbnail has.
    picture = (x > width * 0.3) & (x < width * 0.5) & (y > height * 0.2) & (y < height * 0.6)
    u, v = x / width, y / height
    photo = np.stack([128 + 120 * np.sin(9 * u + 2 * v), 128 + 110 * np.sin(7 * v + 1),
                      128 + 100 * np.cos(5 * u * v + 3 * u)], axis=-1)  # fmt: skip
    content[picture] = photo[picture]
    rgb, alpha = _over(rgb, alpha, content, body)
    panel = _coverage(height, width, lambda yy, xx: (xx > width * 0.55) & (xx < width * 0.92)
                      & (yy > height * 0.45) & (yy < height * 0.88))  # fmt: skip
    panel_rgb = np.broadcast_to(np.array([30.0, 34, 44]), (height, width, 3))
    rgb, alpha = _over(rgb, alpha, panel_rgb, 0.7 * panel * body)
    # The translucent panel shows what is under the window: the screenshot keeps it see-through.
    alpha = np.where(panel * body > 0, np.minimum(alpha, 0.75 + 0.25 * (1 - panel)), alpha)
    return _to_uint8(rgb, alpha)


IMAGES = {"logo": logo, "icons": icon_sheet, "screenshot": screenshot}
