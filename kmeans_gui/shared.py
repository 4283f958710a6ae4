"""One palette for several images: each image analysed, the palette found on their summed
colour histograms, and the options that map every image to it exactly."""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import Sequence

import numpy as np

from . import engine
from .compress import Options
from .files import ImageLoadError
from .imaging import load_image

logger = logging.getLogger(__name__)


def shared_palette_of(analyses: Sequence[engine.Analysis], options: Options) -> np.ndarray:
    """The palette (n, 3) uint8 of at most ``options.k`` colours shared by the analysed
    images; ``options.palette`` colours are locked in it. ValueError says why not (partly
    transparent images, too many locked colours)."""
    fixed = np.array(options.palette, np.uint8).reshape(-1, 3) if options.palette else None
    fit = engine.shared_palette(
        analyses, options.k, color_space=options.color_space, seed=options.seed, fixed=fixed
    )
    return fit.palette


def shared_options(paths: Sequence[str | os.PathLike[str]], options: Options) -> Options:
    """``options`` turned into "map exactly to the palette shared by these images".

    Images that cannot be read are left out here (compressing them reports why).
    Raises ValueError when no image could be read, or the palette cannot be made.
    """
    analyses = []
    for path in paths:
        try:
            image = load_image(path)
        except ImageLoadError as exc:
            logger.info("shared palette: %s left out: %s", path, exc.reason)
            continue
        # Only the summed histogram is kept: not each image's pixel map.
        analyses.append(engine.summed_analysis([engine.analyse(image.rgb, image.alpha)]))
    if not analyses:
        raise ValueError("no input could be read")
    palette = shared_palette_of(analyses, options)
    colours = tuple((int(r), int(g), int(b)) for r, g, b in palette.tolist())
    return dataclasses.replace(
        options, k=len(colours), palette=colours, exact_palette=True, start=()
    )
