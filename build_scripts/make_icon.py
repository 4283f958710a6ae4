"""Draw the app icon (kmeans_gui/data/icon.png) and export the per-platform icons made from it.

``python build_scripts/make_icon.py`` redraws ``kmeans_gui/data/icon.png`` (committed): a 4x4 grid of
rounded palette swatches on a rounded dark tile, drawn at 4x and scaled down for smooth edges.
The PyInstaller spec calls :func:`export_platform_icons` at build time to make the Windows
``.ico`` and the macOS ``.icns`` from that one image, so there is one source for every icon.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
ICON_PNG = ROOT / "kmeans_gui" / "data" / "icon.png"
SIZE = 512
SUPERSAMPLE = 4

# Sixteen swatches, row by row: a warm-to-cool run like a photo's K=16 palette, so the icon
# reads as "a palette" and stays legible at 16x16.
PALETTE = (
    "#3b1f14", "#6b3a1f", "#a0582a", "#d9893b",
    "#f2c14e", "#f7e3a1", "#c9d66b", "#7fb069",
    "#3f8f6b", "#2a6f7f", "#3e8ed0", "#8fc1e8",
    "#e8eef2", "#9aa5b1", "#5b6b8c", "#2b2d52",
)  # fmt: skip
BACKGROUND = "#1d2027"

# Windows .ico sizes, and the macOS .icns sizes Pillow writes (it keeps those it can make).
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def draw_icon(size: int = SIZE) -> Image.Image:
    """Return the icon as a square RGBA image of `size` pixels."""
    big = size * SUPERSAMPLE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    margin = big * 0.04
    draw.rounded_rectangle(
        (margin, margin, big - margin, big - margin), radius=big * 0.18, fill=BACKGROUND
    )
    inner = big * 0.14  # the grid's distance from the image edge
    gap = big * 0.035
    cell = (big - 2 * inner - 3 * gap) / 4
    for index, colour in enumerate(PALETTE):
        row, col = divmod(index, 4)
        x0 = inner + col * (cell + gap)
        y0 = inner + row * (cell + gap)
        draw.rounded_rectangle((x0, y0, x0 + cell, y0 + cell), radius=cell * 0.22, fill=colour)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def export_platform_icons(source: Path, out_dir: Path) -> tuple[Path, Path]:
    """Write ``kmeans-gui.ico`` (Windows) and ``kmeans-gui.icns`` (macOS) made from `source`.

    Returns
    -------
    (ico, icns) : the paths written, inside `out_dir`
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    ico = out_dir / "kmeans-gui.ico"
    icns = out_dir / "kmeans-gui.icns"
    with Image.open(source) as im:
        im = im.convert("RGBA")
        im.save(ico, format="ICO", sizes=ICO_SIZES)
        im.save(icns, format="ICNS")
    return ico, icns


def main() -> int:
    """Redraw kmeans_gui/data/icon.png."""
    draw_icon().save(ICON_PNG, optimize=True)
    print(f"wrote {ICON_PNG.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
