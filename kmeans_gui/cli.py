"""`kmeans-compress`: the batch command line, a thin layer over compress + imaging."""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import math
import multiprocessing
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

from . import __version__, engine
from .compress import DELTA_E_NAME, Options, Result, compress_file, output_name, save
from .files import ImageLoadError, ImageSaveError, find_images, human_bytes, shown_name
from .formats import SAVE_FORMATS
from .goals import Goal, parse_size, seek
from .imaging import load_image
from .logs import setup_logging
from .metadata import DEFAULT_METADATA, GIF_NOTICE, METADATA_MODES
from .report import result_record as _record
from .report import write_report

logger = logging.getLogger("kmeans_gui.cli")  # not __name__: "__main__" under python -m


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``kmeans-compress``."""
    parser = argparse.ArgumentParser(
        prog="kmeans-compress",
        description="Compress photos to K-colour palette images by k-means colour quantization.",
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="image files or folders")
    parser.add_argument(
        "-k", type=int, default=16, metavar="K",
        help=f"number of colours, 1..{engine.MAX_K} (default 16)",
    )  # fmt: skip
    parser.add_argument(
        "-o", "--output-dir", type=Path, default=Path("output"), metavar="OUTDIR",
        help="folder for <stem>_k<K>.<ext> outputs (default ./output)",
    )  # fmt: skip
    parser.add_argument("--format", choices=SAVE_FORMATS, default="png", help="default png")
    parser.add_argument(
        "--color-space", choices=engine.COLOR_SPACES, default="rgb",
        help="space the clustering runs in (default rgb; oklab is perceptual)",
    )  # fmt: skip
    parser.add_argument("--dither", action="store_true", help="Floyd-Steinberg dithering")
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
        "--seed", type=_seed, default=0, help="random seed, a whole number >= 0 (default 0)"
    )
    parser.add_argument(
        "--force", action="store_true", help="overwrite existing output files (never an input)"
    )
    parser.add_argument("--json", action="store_true", help="one JSON object per input per line")
    parser.add_argument(
        "--report", type=Path, metavar="FILE",
        help="also write one row per image to FILE (.csv or .json)",
    )  # fmt: skip
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
        "--max-delta-e", type=_finite_float, metavar="DE",
        help="smallest K whose mean Oklab ΔE×100 is at most DE",
    )  # fmt: skip
    target.add_argument(
        "--max-size", metavar="SIZE", help="largest K whose file fits in SIZE (e.g. 200KB, 1.5MB)"
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _seed(text: str) -> int:
    """argparse type of --seed: a whole number >= 0 (NumPy's generators take no negative seed)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value} is negative; use a number >= 0")
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
    try:
        return _run(parser, args)
    except KeyboardInterrupt:
        print("kmeans-compress: interrupted", file=sys.stderr)
        return 130


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    log_path = setup_logging()
    try:
        options = Options(
            k=args.k, fmt=args.format, color_space=args.color_space,
            dither=args.dither, seed=args.seed, metadata=args.metadata,
        )  # fmt: skip
        goal = _goal(args)
    except ValueError as exc:
        parser.error(str(exc))
    inputs = list(find_images(args.inputs))
    if not inputs:
        given = ", ".join(shown_name(item) + ("/" if Path(item).is_dir() else "")
                          for item in args.inputs)  # fmt: skip
        parser.error(f"no image files found in {given}")
    failures = 0
    for item in map(Path, args.inputs):
        if item.is_dir() and not any(p.is_relative_to(item) for p in inputs):
            failures += 1
            print(f"error: {shown_name(item)}: is a folder with no images in it", file=sys.stderr)
    records: list[dict[str, object]] = []
    try:
        failures += _compress_all(inputs, options, goal, args, records, log_path)
    except KeyboardInterrupt:
        if args.report is not None:  # the rows of what finished
            _write_report(args.report, records)
        raise
    if args.report is not None and not _write_report(args.report, records):
        return 1
    return 1 if failures else 0


def _compress_all(
    inputs: list[Path],
    options: Options,
    goal: Goal | None,
    args: argparse.Namespace,
    records: list[dict[str, object]],
    log_path: Path | None,
) -> int:
    """Compress and save each input, appending its record; returns the number that failed."""
    failures = 0
    input_set = {p.resolve() for p in inputs}
    written: set[Path] = set()  # outputs of this run: a later input never replaces one
    rows: list[list[str]] = []
    said: set[str] = set()  # notices said once per run
    for path in inputs:
        name = shown_name(path)
        record: dict[str, object] = {"input": str(path), "output": None, "k": options.k}
        try:
            result = _compress_one(path, options, goal, record)
            target = args.output_dir / output_name(
                path, result.options.k, result.options.fmt,
                lambda name: (args.output_dir / name).resolve() in written,
            )  # fmt: skip
            if target.name != result.default_name:
                print(f"{name}: note: written as {shown_name(target)} "
                      f"({shown_name(result.default_name)} is the output of another input)",
                      file=sys.stderr)  # fmt: skip
            record["output"] = str(target)
            if target.resolve() in input_set:
                raise ImageSaveError(target, "the output would replace an input file")
            record.update(_record(result))
            record["error"] = None
            if result.stats.larger_than_input and args.skip_larger:
                record["output"] = None
                print(f"{name}: note: not written, the output would be larger "
                      "than the original (--skip-larger)", file=sys.stderr)  # fmt: skip
            else:
                _make_folder(args.output_dir)
                with _interrupts_held():  # a written output always has its report row
                    save(result, target, overwrite=args.force, keep_dates=args.keep_dates)
                    written.add(target.resolve())
                    records.append(record)
            for notice in result.notices:
                if notice == GIF_NOTICE:
                    if notice not in said:
                        print(f"note: {notice}", file=sys.stderr)
                    said.add(notice)
                else:
                    print(f"{name}: note: {notice}", file=sys.stderr)
            if result.stats.larger_than_input:
                print(f"{name}: note: the output is LARGER than the original "
                      f"({result.stats.output_bytes} > {result.stats.input_bytes} bytes)",
                      file=sys.stderr)  # fmt: skip
            rows.append(_row(path, result))
        except (ImageLoadError, ImageSaveError) as exc:
            failures += 1
            record["output"] = None
            record["error"] = str(exc)
            print(f"error: {exc}", file=sys.stderr)
            logger.warning("%s: %s", path, exc.reason, exc_info=exc)
        except MemoryError as exc:
            failures += 1
            record["output"] = None
            record["error"] = f"{name}: not enough memory for this image"
            print(f"error: {record['error']}", file=sys.stderr)
            logger.error("%s: out of memory", path, exc_info=exc)
        except Exception as exc:  # a bug: say so on one line, keep going, the log has the rest
            failures += 1
            record["output"] = None
            detail = " ".join(f"{type(exc).__name__}: {exc}".split())
            record["error"] = f"{name}: unexpected error ({detail})"
            where = f"; details in {log_path}" if log_path else ""
            print(f"error: {record['error']}{where}", file=sys.stderr)
            logger.exception("%s: unexpected error", path)
        if not records or records[-1] is not record:
            records.append(record)
        if args.json:
            print(json.dumps(record), flush=True)
    if not args.json and rows:
        print(_table(rows))
    return failures


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """Hold Ctrl+C (SIGINT) until the block has run, then raise KeyboardInterrupt."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, _frame: received.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if received:
        raise KeyboardInterrupt


def _write_report(path: Path, records: list[dict[str, object]]) -> bool:
    """Write the report; on failure say why on stderr and return False."""
    try:
        write_report(path, records)
    except (ImageSaveError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return False
    return True


def _make_folder(folder: Path) -> None:
    """Create the output folder, raising ImageSaveError in plain words when that fails."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:
        raise ImageSaveError(folder, "is a file, not a folder") from exc
    except PermissionError as exc:
        raise ImageSaveError(folder, "cannot be created (permission denied)") from exc
    except OSError as exc:
        raise ImageSaveError(folder, f"cannot be created ({exc.strerror or exc})") from exc


def _goal(args: argparse.Namespace) -> Goal | None:
    if args.target_psnr is not None:
        return Goal(min_psnr=args.target_psnr)
    if args.max_delta_e is not None:
        return Goal(max_delta_e=args.max_delta_e)
    if args.max_size is not None:
        return Goal(max_bytes=parse_size(args.max_size))
    return None


def _compress_one(
    path: Path, options: Options, goal: Goal | None, record: dict[str, object]
) -> Result:
    """Compress one file at options.k, or at the K the goal asks for (noted in the record)."""
    if goal is None:
        return compress_file(path, options)
    found = seek(load_image(path), options, goal)
    record["goal"] = goal.describe()
    record["goal_met"] = found.met
    record["k_tried"] = sorted(found.tried)
    stream = sys.stderr
    print(f"{shown_name(path)}: {'' if found.met else 'note: '}{found.message}", file=stream)
    return found.result


_HEADERS = [
    "file", "size", "K", "colours", "input", "output", "vs input",
    "raw 24-bit", "palette+index", "PSNR dB", DELTA_E_NAME, "iters", "seconds",
]  # fmt: skip


def _row(path: Path, result: Result) -> list[str]:
    s = result.stats
    vs_input = f"{s.ratio_to_input:.2f}x" + (" LARGER" if s.larger_than_input else "")
    return [
        shown_name(path),
        f"{s.width}x{s.height}",
        str(s.k),
        str(s.colors),
        human_bytes(s.input_bytes),
        human_bytes(s.output_bytes),
        vs_input,
        human_bytes(s.raw_bytes),
        f"{human_bytes(s.palette_index_bytes)} ({s.palette_index_ratio:.1f}x)",
        "inf" if math.isinf(s.psnr) else f"{s.psnr:.2f}",
        f"{s.mean_delta_e:.2f}",
        str(s.iterations),
        f"{s.seconds:.2f}",
    ]


def _table(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in [_HEADERS, *rows]) for i in range(len(_HEADERS))]
    lines = ["  ".join(h.ljust(w) for h, w in zip(_HEADERS, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
