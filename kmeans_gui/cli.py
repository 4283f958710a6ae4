"""`kmeans-compress`: the batch command line, a thin layer over compress + imaging."""

from __future__ import annotations

import argparse
import math
import multiprocessing
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from . import engine
from .batch import Batch, Settings, default_memory_budget
from .batch_report import ReportWriter
from .compress import DELTA_E_NAME, Options
from .effort import EFFORTS
from .files import ImageSaveError, human_bytes, shown_name
from .formats import SAVE_FORMATS
from .goals import Goal, parse_size
from .layout import DEFAULT_SUFFIX, Layout, find_sources, outputs_of_others
from .logs import setup_logging
from .metadata import DEFAULT_METADATA, METADATA_MODES
from .palette_files import PaletteFileError, load_palette
from .progress import Progress
from .shared import shared_options
from .streams import readers_may_leave
from .workers import cores

FIGURES_HELP = (
    "Figures are measured on the output file read back. MSE (0-255 units, per channel), PSNR "
    "and mean Oklab ΔE×100 compare every pixel; for an image with transparency both images "
    "are composited over black and over white and the worse of the two figures is given, so "
    "lost or changed alpha shows in the figures. Partly transparent pixels are kept (PNG: "
    "palette with tRNS; WebP: RGBA); GIF keeps only fully transparent pixels and says so."
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``kmeans-compress``."""
    parser = argparse.ArgumentParser(
        prog="kmeans-compress",
        description="Compress photos to K-colour palette images by k-means colour quantization.",
        epilog=FIGURES_HELP,
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="image files or folders")
    parser.add_argument(
        "-k", type=int, default=16, metavar="K",
        help=f"number of colours, 1..{engine.MAX_K} (default 16)",
    )  # fmt: skip
    parser.add_argument(
        "-o", "--output-dir", type=Path, metavar="OUTDIR",
        help="folder for <stem>_k<K>.<ext> outputs (default ./output)",
    )  # fmt: skip
    parser.add_argument("--format", choices=SAVE_FORMATS, default="png", help="default png")
    parser.add_argument(
        "--color-space", choices=engine.COLOR_SPACES, default="rgb",
        help="space the clustering runs in (default rgb; oklab is perceptual)",
    )  # fmt: skip
    parser.add_argument(
        "--dither", nargs="?", type=_percent, const=100, default=0, metavar="N",
        help="Floyd-Steinberg dithering at N %% strength, 0..100 (--dither alone: 100; "
        "default 0, none)",
    )  # fmt: skip
    parser.add_argument(
        "--metadata", choices=METADATA_MODES, default=DEFAULT_METADATA,
        help="EXIF, XMP and PNG text kept in the output: all (keep), all but the GPS "
        "location (no-location, the default), or none (strip)",
    )  # fmt: skip
    parser.add_argument(
        "--keep-dates", action="store_true",
        help="give each output the modification time of its input",
    )  # fmt: skip
    parser.add_argument(
        "--seed",
        type=_whole_number(0),
        default=0,
        help="random seed, a whole number >= 0 (default 0)",
    )
    parser.add_argument(
        "--effort", choices=EFFORTS, default="fast",
        help="PNG encoder effort (default fast; max: libdeflate 12 and the best rows of a "
        "sample, 4-15%% smaller files for about ten times the encoding time, same pixels)",
    )  # fmt: skip
    parser.add_argument(
        "--force", action="store_true", help="overwrite existing output files (never an input)"
    )
    parser.add_argument(
        "--json", action="store_true", help="one JSON object per input per line, as each finishes"
    )
    parser.add_argument(
        "--report", type=Path, metavar="FILE",
        help="also write one row per image to FILE as each finishes (.csv, .jsonl or .json)",
    )  # fmt: skip
    _add_palette_arguments(parser)
    _add_batch_arguments(parser)
    parser.add_argument(
        "--skip-larger", action="store_true",
        help="do not write outputs that would be larger than their original",
    )  # fmt: skip
    goals = parser.add_argument_group(
        "goal seeking (instead of -k: each K tried is compressed and measured)"
    )
    target = goals.add_mutually_exclusive_group()
    target.add_argument(
        "--target-psnr",
        type=_finite_float,
        metavar="DB",
        help="smallest K whose PSNR is at least DB",
    )
    target.add_argument(
        "--target-ssim", type=_finite_float, metavar="S",
        help="smallest K whose SSIM (luma, Wang et al. 2004) is at least S, e.g. 0.95",
    )  # fmt: skip
    target.add_argument(
        "--max-delta-e", type=_finite_float, metavar="DE",
        help="smallest K whose mean Oklab ΔE×100 is at most DE",
    )  # fmt: skip
    target.add_argument(
        "--max-size", metavar="SIZE", help="largest K whose file fits in SIZE (e.g. 200KB, 1.5MB)"
    )
    parser.add_argument("--version", action=_VersionAction)
    return parser


class _VersionAction(argparse.Action):
    """``--version``: prints the program's version and exits; the version is read only then."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS) -> None:
        super().__init__(
            option_strings, dest, nargs=0, default=argparse.SUPPRESS,
            help="show program's version number and exit",
        )  # fmt: skip

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        from . import __version__

        print(f"{parser.prog} {__version__}")
        parser.exit()


def _add_palette_arguments(parser: argparse.ArgumentParser) -> None:
    """Given and shared palettes (issue #19)."""
    group = parser.add_argument_group("palettes (.gpl, .act, .json, .txt or .hex files)")
    given = group.add_mutually_exclusive_group()
    given.add_argument(
        "--palette", type=Path, metavar="FILE",
        help="map every image to exactly the colours of FILE (no k-means; -k is ignored)",
    )  # fmt: skip
    given.add_argument(
        "--lock-palette", type=Path, metavar="FILE",
        help="keep the colours of FILE in every palette; k-means finds the rest up to K",
    )  # fmt: skip
    group.add_argument(
        "--shared-palette", action="store_true",
        help="one palette of K colours for all the inputs (k-means on their colours "
        "together), each image mapped to it",
    )  # fmt: skip


def _add_batch_arguments(parser: argparse.ArgumentParser) -> None:
    """Where outputs go, resuming, parallel processes and progress (issue #18)."""
    batch = parser.add_argument_group("batches")
    batch.add_argument(
        "--suffix", default=DEFAULT_SUFFIX, metavar="TEXT",
        help="added to each input's stem, with {k} and {format} filled in (default _k{k})",
    )  # fmt: skip
    place = batch.add_mutually_exclusive_group()
    place.add_argument(
        "--keep-tree", action="store_true",
        help="mirror the folders below each input folder under OUTDIR",
    )  # fmt: skip
    place.add_argument(
        "--in-place-dir", action="store_true",
        help="write each output beside its input (never over the input itself)",
    )  # fmt: skip
    batch.add_argument(
        "--skip-existing", action="store_true",
        help="an existing output counts as done (skipped): an interrupted run does the rest",
    )  # fmt: skip
    batch.add_argument(
        "-j", "--jobs", type=_whole_number(1), default=cores(), metavar="N",
        help=f"files compressed at once, in N processes (default: the cores, {cores()})",
    )  # fmt: skip
    batch.add_argument(
        "--memory-budget", type=parse_size, default=default_memory_budget(), metavar="SIZE",
        help="files run at once only while their estimated memory fits in SIZE "
        "(default: half the memory)",
    )  # fmt: skip
    batch.add_argument(
        "-q", "--quiet", action="store_true",
        help="no progress, no table, no summary: only errors and notes (and --json lines)",
    )  # fmt: skip


def _whole_number(minimum: int) -> Callable[[str], int]:
    """argparse type: a whole number >= `minimum` (-j from 1; --seed from 0, as NumPy's
    generators take no negative seed)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"{value} should be {minimum} or more")
        return value

    return parse


def _percent(text: str) -> int:
    """argparse type of --dither: a whole number 0..100."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"{value} should be between 0 and 100")
    return value


def _finite_float(text: str) -> float:
    """argparse type of the goals' numbers: a finite number (not nan, not inf)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"{text!r} is not a finite number")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns 0 when every input succeeded, 1 otherwise, 2 on bad usage.

    Each failed input gets one line on stderr naming the file and the reason; the detail
    (traceback, underlying error) goes to the log file (see ``kmeans_gui.logs``). 130 when
    interrupted (Ctrl+C): the output being written is removed, finished ones are kept.
    """
    # In a packaged app, a decoding child process (kmeans_gui.isolated) starts here: run it.
    multiprocessing.freeze_support()
    for stream in (sys.stdout, sys.stderr):
        # A file name the console cannot encode (☀ on a cp1252 console) must not crash a report.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    parser = build_parser()
    args = parser.parse_args(argv)
    with readers_may_leave():  # `... --json | head -1`: the batch goes on, quietly
        try:
            return _run(parser, args)
        except KeyboardInterrupt:
            print("kmeans-compress: interrupted", file=sys.stderr)
            return 130


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    log_path = setup_logging()
    try:
        given_colours = _given_palette(args)
        options = Options(
            k=len(given_colours) if args.palette else args.k, fmt=args.format,
            color_space=args.color_space, dither=args.dither, seed=args.seed,
            effort=args.effort, metadata=args.metadata, palette=given_colours,
            exact_palette=args.palette is not None,
        )  # fmt: skip
        goal = _goal(args)
        if goal is not None and (args.palette or args.shared_palette):
            raise ValueError("a goal seeks K: it cannot be used with --palette or --shared-palette")
        if "" in args.inputs:  # Path("") is the current folder: never compress it unasked
            raise ValueError("an INPUT is an empty name (an unset shell variable?)")
        if args.in_place_dir and args.output_dir is not None:
            raise ValueError("--in-place-dir writes beside each input: give no -o")
        output_dir = None if args.in_place_dir else (args.output_dir or Path("output"))
        layout = Layout(output_dir, args.keep_tree, args.suffix, args.format)
    except ValueError as exc:
        parser.error(str(exc))
    sources = find_sources(args.inputs)
    if not sources:
        given = ", ".join(shown_name(item) + ("/" if Path(item).is_dir() else "")
                          for item in args.inputs)  # fmt: skip
        parser.error(f"no image files found in {given}")
    plans = layout.plan(sources)
    dropped = outputs_of_others(sources, plans, output_dir)
    if dropped:
        print(f"note: {len(dropped)} files left out: they are the outputs of other inputs",
              file=sys.stderr)  # fmt: skip
        sources = [s for i, s in enumerate(sources) if i not in dropped]
        plans = layout.plan(sources)
    if args.shared_palette:
        try:
            options = shared_options([source.path for source in sources], options)
        except ValueError as exc:
            print(f"error: --shared-palette: {exc}", file=sys.stderr)
            return 1
    failures = 0
    for item in map(Path, args.inputs):
        if item.is_dir() and not any(s.path.is_relative_to(item) for s in sources):
            failures += 1
            print(f"error: {shown_name(item)}: is a folder with no images in it", file=sys.stderr)
    settings = Settings(
        force=args.force, skip_existing=args.skip_existing, skip_larger=args.skip_larger,
        keep_dates=args.keep_dates, json=args.json, jobs=args.jobs,
        memory_budget=args.memory_budget,
    )  # fmt: skip
    many = len(sources) > 1
    mode = Progress.mode_for(sys.stderr, args.quiet or not many)
    progress = Progress(len(sources), sys.stderr, mode)
    try:
        report = None if args.report is None else ReportWriter(args.report, goal is not None)
    except (ImageSaveError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    reports = [] if report is None else [report]
    batch = Batch(sources, plans, options, goal, settings, progress, reports, log_path)
    try:
        counts = batch.run()
    finally:
        progress.finish()
        if report is not None:
            report.close()
    if not args.json and not args.quiet and batch.finished:
        order = {str(source.path): i for i, source in enumerate(sources)}
        print(_table(sorted(batch.finished, key=lambda record: order[str(record["input"])])))
    if many and not args.quiet:
        print(f"kmeans-compress: {counts.summary()}", file=sys.stderr)
    return 1 if failures or counts.failed else 0


def _given_palette(args: argparse.Namespace) -> tuple[tuple[int, int, int], ...]:
    """The colours of --palette or --lock-palette, as Options holds them (ValueError: why not)."""
    path = args.palette or args.lock_palette
    if path is None:
        return ()
    try:
        palette = load_palette(path)
    except PaletteFileError as exc:
        raise ValueError(str(exc)) from None
    if palette.shape[1] == 4:
        if (palette[:, 3] < 255).any():
            raise ValueError(
                f"{shown_name(path)}: holds colours that are not opaque; given palettes are "
                "opaque colours only"
            )
        palette = palette[:, :3]
    colours = tuple(dict.fromkeys(tuple(int(v) for v in row) for row in palette.tolist()))
    if args.lock_palette is not None and len(colours) > args.k:
        raise ValueError(f"{shown_name(path)}: {len(colours)} colours do not fit in K={args.k}")
    return colours  # type: ignore[return-value]


def _goal(args: argparse.Namespace) -> Goal | None:
    if args.target_psnr is not None:
        return Goal(min_psnr=args.target_psnr)
    if args.target_ssim is not None:
        return Goal(min_ssim=args.target_ssim)
    if args.max_delta_e is not None:
        return Goal(max_delta_e=args.max_delta_e)
    if args.max_size is not None:
        return Goal(max_bytes=parse_size(args.max_size))
    return None


_HEADERS = [
    "file", "size", "K", "colours", "input", "output", "vs input",
    "raw 24-bit", "palette+index", "PSNR dB", DELTA_E_NAME, "SSIM", "effort", "iters",
    "seconds",
]  # fmt: skip


def _row(record: dict[str, object]) -> list[str]:
    """A table row from a report record (the figures measured in the worker)."""
    r = record
    larger = " LARGER" if r["larger_than_input"] else ""
    ratio = int(r["raw_bytes"]) / max(1, int(r["palette_index_bytes"]))  # type: ignore[call-overload]
    psnr = r["psnr"]
    return [
        shown_name(str(r["input"])),
        f"{r['width']}x{r['height']}",
        str(r["k"]),
        str(r["colors"]),
        human_bytes(int(r["input_bytes"])),  # type: ignore[call-overload]
        human_bytes(int(r["output_bytes"])),  # type: ignore[call-overload]
        f"{r['ratio_to_input']:.2f}x{larger}",
        human_bytes(int(r["raw_bytes"])),  # type: ignore[call-overload]
        f"{human_bytes(int(r['palette_index_bytes']))} ({ratio:.1f}x)",  # type: ignore[call-overload]
        "inf" if psnr is None else f"{psnr:.2f}",
        f"{r['mean_delta_e_oklab']:.2f}",
        "n/a" if r.get("ssim") is None else f"{r['ssim']:.4f}",
        str(r.get("effort", "")),
        str(r["iterations"]),
        f"{r['seconds']:.2f}",
    ]


def _table(records: list[dict[str, object]]) -> str:
    rows = [_row(record) for record in records]
    widths = [max(len(r[i]) for r in [_HEADERS, *rows]) for i in range(len(_HEADERS))]
    lines = ["  ".join(h.ljust(w) for h, w in zip(_HEADERS, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
