"""The benchmark images: corpus photos, the 12.3 MP side-by-side photo, the 1 MP downscale.

Every image is decoded once with the app's own loader (``kmeans_gui.imaging.load_image``)
and stored as a ``.npy`` array that every peer's worker loads: all peers see the same decoded
pixels, and no decode time is measured. pngquant reads a PNG file of the same pixels.
"""

from __future__ import annotations

import math
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from kmeans_gui import engine
from kmeans_gui.imaging import load_image

ROOT = Path(__file__).resolve().parent.parent
CORPUS_SCRIPT = ROOT.parent / "shared" / "bench" / "corpus.sh"
CORPUS_PHOTOS = (
    "Autumn", "BytheWater", "ColdRipple", "ColorfulCups", "DarkestHour", "EveningGlow",
    "FallenLeaf", "Kite", "OneStandsOut", "Path", "summer_1am",
)  # fmt: skip
# The full run's photos: three not in the side-by-side image, far apart in colour statistics
# (a sunset with many hues, a smooth dark-blue gradient, a textured green).
DEFAULT_PHOTOS = ("EveningGlow", "DarkestHour", "OneStandsOut")
# The 12.3 MP photo: these three side by side (3 x 2560 = 7680 by 1600).
LARGE_SOURCES = ("Autumn", "ColorfulCups", "Kite")
# The photo scaled down to at most 1 megapixel for the original write-up's method.
SMALL_SOURCE = "Autumn"
SMALL_PIXELS = 1_000_000


@dataclass(frozen=True)
class BenchImage:
    """One image of the run.

    id : short name used in file names and results.json
    kind : "photo" (corpus photo, counted in the corpus means), "large" (the 12.3 MP photo)
        or "small" (the <= 1 MP downscale)
    sources : the files it was made from, for the memory measurement that decodes them itself
    array : the .npy file of its (height, width, 3) uint8 pixels
    png : a PNG file of the same pixels (pngquant's input), or None
    """

    id: str
    label: str
    kind: str
    width: int
    height: int
    sources: tuple[str, ...]
    array: Path
    png: Path | None

    @property
    def pixels(self) -> int:
        """width * height."""
        return self.width * self.height


def corpus_folder(explicit: str | None) -> Path:
    """The corpus folder: ``explicit``, else $KMEANS_CORPUS, else what corpus.sh prints."""
    if explicit:
        return Path(explicit)
    if os.environ.get("KMEANS_CORPUS"):
        return Path(os.environ["KMEANS_CORPUS"])
    if not CORPUS_SCRIPT.exists():
        raise SystemExit(f"no corpus: {CORPUS_SCRIPT} not found; pass --corpus DIR or --image FILE")
    done = subprocess.run(["bash", str(CORPUS_SCRIPT)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"corpus.sh failed ({done.returncode}): {done.stderr.strip()}")
    return Path(done.stdout.strip().splitlines()[-1])


def _decode(path: Path) -> np.ndarray:
    return load_image(path).rgb


def _store(
    workdir: Path, image_id: str, label: str, kind: str, rgb: np.ndarray,
    sources: tuple[str, ...], with_png: bool,
) -> BenchImage:  # fmt: skip
    array = workdir / f"{image_id}.npy"
    np.save(array, rgb)
    hist = engine.build_histogram(rgb)
    np.save(workdir / f"{image_id}.inverse.npy", hist.inverse)
    np.save(workdir / f"{image_id}.colors.npy", hist.colors)
    png = None
    if with_png:
        png = workdir / f"{image_id}.png"
        Image.fromarray(rgb).save(png, compress_level=1)
    return BenchImage(
        image_id, label, kind, int(rgb.shape[1]), int(rgb.shape[0]), sources, array, png
    )


def prepare_corpus(
    folder: Path, photos: list[str], large: bool, small: bool, workdir: Path, with_png: bool
) -> list[BenchImage]:
    """Decode the chosen corpus photos and build the 12.3 MP and the 1 MP images from it."""
    images = []
    for name in photos:
        path = folder / f"{name}.jpg"
        images.append(_store(workdir, name, name, "photo", _decode(path), (str(path),), with_png))
    if large:
        paths = tuple(str(folder / f"{name}.jpg") for name in LARGE_SOURCES)
        parts = [_decode(Path(p)) for p in paths]
        rgb = np.concatenate(parts, axis=1)
        del parts
        label = f"{' + '.join(LARGE_SOURCES)} side by side"
        images.append(_store(workdir, "large", label, "large", rgb, paths, with_png))
    if small:
        path = folder / f"{SMALL_SOURCE}.jpg"
        rgb = _decode(path)
        rgb = downscale(rgb, SMALL_PIXELS)
        label = f"{SMALL_SOURCE} scaled down to 1 MP"
        images.append(_store(workdir, "small", label, "small", rgb, (str(path),), with_png))
    return images


def prepare_files(paths: list[str], workdir: Path, with_png: bool) -> list[BenchImage]:
    """Images given on the command line: each is a "photo"; the largest also hosts the
    large-image measurements."""
    images = []
    for i, name in enumerate(paths):
        path = Path(name)
        image_id = f"img{i}_{path.stem}"
        images.append(
            _store(workdir, image_id, path.name, "photo", _decode(path), (str(path),), with_png)
        )
    return images


def downscale(rgb: np.ndarray, max_pixels: int) -> np.ndarray:
    """The image scaled (Lanczos) to the largest size with at most ``max_pixels`` pixels."""
    height, width = rgb.shape[:2]
    if width * height <= max_pixels:
        return rgb
    scale = math.sqrt(max_pixels / (width * height))
    new_w, new_h = int(width * scale), int(height * scale)
    while new_w * new_h > max_pixels:
        new_w -= 1
    return np.asarray(Image.fromarray(rgb).resize((new_w, new_h), Image.Resampling.LANCZOS))


def preview(rgb: np.ndarray, width: int) -> np.ndarray:
    """A ``width``-pixel-wide copy (area average), as a window would show the image."""
    height = max(1, round(rgb.shape[0] * width / rgb.shape[1]))
    if width >= rgb.shape[1]:
        return rgb
    return np.asarray(Image.fromarray(rgb).resize((width, height), Image.Resampling.BOX))
