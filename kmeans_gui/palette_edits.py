"""Palette edits as new compression options: lock, delete, merge, change or add colours,
import a palette (no Qt: the window's undoable commands apply these).

Every edit starts from the palette on screen (opaque colours, the transparent entry left out)
and gives the :class:`~kmeans_gui.compress.Options` whose compression makes the edited
palette: locked colours go to ``palette`` (held exactly while k-means refits the others), the
others to ``start`` (where the refit begins), and K follows the number of colours. On an
imported palette mapped exactly (``exact_palette``) the edits change that palette itself.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

import numpy as np

from . import engine
from .compress import Options

Colour = tuple[int, int, int]
MIN_COLOURS = 2
"""Fewest colours an edit may leave (the window's smallest K)."""


def colours_of(palette: np.ndarray) -> list[Colour]:
    """The rows of an (n, 3) uint8 palette as colour tuples."""
    return [(int(r), int(g), int(b)) for r, g, b in np.asarray(palette)[:, :3].tolist()]


def locked_colours(options: Options) -> set[Colour]:
    """The colours these options hold fixed (all of them for an exact palette)."""
    return set(options.palette)


def _refit(options: Options, colours: Sequence[Colour], locked: Iterable[Colour]) -> Options:
    """Options making a palette of ``colours``: ``locked`` held, the others where k-means
    starts; or, for an exact palette, exactly ``colours``."""
    colours = list(dict.fromkeys(colours))
    if options.exact_palette:
        return dataclasses.replace(options, k=len(colours), palette=tuple(colours), start=())
    held = [c for c in colours if c in set(locked)]
    free = [c for c in colours if c not in set(held)]
    return dataclasses.replace(
        options, k=len(colours), palette=tuple(held), start=tuple(free), exact_palette=False
    )


def toggle_lock(options: Options, palette: np.ndarray, entries: Sequence[int]) -> Options:
    """Lock the chosen entries, or unlock them when all of them are locked already."""
    colours = colours_of(palette)
    chosen = {colours[i] for i in entries}
    locked = locked_colours(options) & set(colours)
    locked = locked - chosen if chosen <= locked else locked | chosen
    return _refit(options, colours, locked)


def delete(options: Options, palette: np.ndarray, entries: Sequence[int]) -> Options:
    """Remove the chosen entries: K goes down by as many, and the rest is refit."""
    colours = colours_of(palette)
    chosen = {colours[i] for i in entries}
    kept = [c for c in colours if c not in chosen]
    if len(kept) < MIN_COLOURS:
        raise ValueError(f"a palette keeps at least {MIN_COLOURS} colours")
    return _refit(options, kept, locked_colours(options))


def merge(
    options: Options, palette: np.ndarray, counts: np.ndarray, entries: Sequence[int]
) -> Options:
    """Replace the chosen entries (two or more) by their mean weighted by pixel counts; the
    merged colour is free (refit with the others) unless all of them were locked."""
    if len(set(entries)) < 2:
        raise ValueError("merging takes two colours or more")
    colours = colours_of(palette)
    chosen = sorted(set(entries))
    weights = np.asarray(counts, np.float64)[chosen]
    rows = np.asarray(palette, np.float64)[chosen, :3]
    mean = rows.mean(axis=0) if weights.sum() <= 0 else weights @ rows / weights.sum()
    merged: Colour = tuple(int(v) for v in np.rint(mean))  # type: ignore[assignment]
    locked = locked_colours(options)
    all_locked = all(colours[i] in locked for i in chosen)
    kept = [c for i, c in enumerate(colours) if i not in chosen]
    kept.insert(min(chosen), merged)
    locked = (locked - {colours[i] for i in chosen}) | ({merged} if all_locked else set())
    return _refit(options, kept, locked)


def set_colour(options: Options, palette: np.ndarray, entry: int, colour: Colour) -> Options:
    """Give one entry a chosen colour, which is locked (kept as chosen when the rest is refit)."""
    colours = colours_of(palette)
    old = colours[entry]
    colours[entry] = colour
    return _refit(options, colours, (locked_colours(options) - {old}) | {colour})


def add(options: Options, palette: np.ndarray, colour: Colour) -> Options:
    """Add a colour (picked from the original, say), locked: K goes up by one."""
    colours = colours_of(palette)
    if colour in colours:
        return _refit(options, colours, locked_colours(options) | {colour})
    if len(colours) >= engine.MAX_K:
        raise ValueError(f"a palette holds at most {engine.MAX_K} colours")
    return _refit(options, [*colours, colour], locked_colours(options) | {colour})


def imported(options: Options, palette: np.ndarray, exact: bool) -> Options:
    """An imported palette: map to exactly its colours, or lock them and let k-means fill up to
    K (K grows to the palette's size if it is smaller)."""
    colours = tuple(dict.fromkeys(colours_of(palette)))
    if not colours:
        raise ValueError("the palette holds no colours")
    if exact:
        return dataclasses.replace(
            options, k=len(colours), palette=colours, exact_palette=True, start=()
        )
    return dataclasses.replace(
        options, k=max(options.k, len(colours)), palette=colours, exact_palette=False, start=()
    )


def for_new_k(options: Options, k: int) -> Options:
    """The options after K was changed by hand: locked colours stay (those that fit), the
    starting colours and an exact palette's mapping are dropped."""
    locked = options.palette if not options.exact_palette else ()
    return dataclasses.replace(
        options, k=k, palette=tuple(locked[:k]), exact_palette=False, start=()
    )
