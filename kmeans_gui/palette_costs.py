"""What each colour of a compressed image's palette is worth, for the palette panel."""

from __future__ import annotations

import numpy as np

from . import engine
from .compress import Options, Result


def result_costs(
    analysis: engine.Analysis, result: Result, labels: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray] | None:
    """(MSE rise, mean ΔE rise) if each entry of the result's palette were removed (see
    ``engine.entry_worth``), in the palette's order; the transparent entry, if any, gets 0.

    None for results the figures would misdescribe or that have none: dithered results (the
    costs are those of the nearest-colour mapping), partly transparent images (RGBA palettes)
    and one-colour palettes. ``labels`` (``Quantized.color_labels``: each distinct colour's
    entry) spare the search for them.
    """
    palette = result.palette
    if result.options.dither or palette.shape[1] != 3 or analysis.has_alpha:
        return None
    colours = np.ones(palette.shape[0], bool)
    if result.transparent_index is not None:
        colours[result.transparent_index] = False
    if np.count_nonzero(colours) < 2:
        return None
    worth = engine.entry_worth(
        analysis, palette[colours], color_space=result.options.color_space, labels=labels
    )
    mse, delta_e = np.zeros(palette.shape[0]), np.zeros(palette.shape[0])
    mse[colours], delta_e[colours] = worth.mse_rise, worth.delta_e_rise
    return mse, delta_e


def quick_palette(
    analysis: engine.Analysis, options: Options, should_stop: engine.StopCheck | None = None
) -> np.ndarray:
    """The quick palette of a preview (``find_palette(refine=False)``) as the options ask:
    around locked colours, from starting ones, or a given palette itself."""
    given = np.array(options.palette, np.uint8).reshape(-1, 3)
    if options.exact_palette:
        return given
    fit = engine.find_palette(
        analysis, options.k, color_space=options.color_space, seed=options.seed, refine=False,
        fixed=given if given.size else None,
        start=np.array(options.start, np.uint8).reshape(-1, 3) if options.start else None,
        should_stop=should_stop,
    )  # fmt: skip
    return fit.palette
