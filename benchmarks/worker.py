"""One measurement in its own process: ``python -m benchmarks.worker MODE ...``, JSON on stdout.

Modes
-----
measure : one peer on one image for several K: timed runs and the peak memory of the first run
sweep : ours on one image: analysis once, then every K (the re-quantize and K-sweep targets)
compress-memory : ours on image files decoded here: peak memory above the decoded image
seeds : one peer on one image for several K and seeds: the MSE of each (target 2)

Each process measures one thing, so no peer's allocations, imports or threads affect another.
NumPy is imported only where needed: the pngquant worker stays a small process (see peers.py).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
import traceback
from pathlib import Path
from typing import Any

from benchmarks.memory import PeakMeter
from benchmarks.peers import PEERS, Context, Output, gnu_time


def _cpu_seconds() -> float:
    """User + system CPU time of this process and its waited-for children, in seconds."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _as_the_app() -> None:
    """Import kmeans_gui before NumPy, as the app and the CLI do: it sets their BLAS threads."""
    import kmeans_gui  # noqa: F401


def _threads() -> str | None:
    """The thread pools loaded in this process and their sizes, e.g. "openblas 1, openmp 2"."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return None
    pools = sorted({f"{p['internal_api']} {p['num_threads']}" for p in threadpool_info()})
    return ", ".join(pools) or "none"


def _runs_wanted(first_seconds: float, runs: int, once_above: float) -> int:
    """Runs to make: ``runs``, or just the first when it took more than ``once_above`` s."""
    return 1 if first_seconds > once_above else runs


def _save(output: Output, path: Path) -> str | None:
    if output.file is not None:
        return output.file
    import numpy as np

    np.savez(path, palette=output.palette, indices=output.indices)
    return str(path)


def measure(args: argparse.Namespace) -> dict[str, Any]:
    """Time a peer at every K (median of runs) and take the first run's peak memory."""
    peer = PEERS[args.peer]
    out = Path(args.out)
    workdir = out / f"{args.image}_{peer.name}"
    workdir.mkdir(parents=True, exist_ok=True)
    context = Context(
        png=Path(args.png) if args.png else None,
        workdir=workdir,
        gnu_time=gnu_time() if peer.name == "pngquant" else None,
    )
    rgb = None
    if peer.name == "ours":
        _as_the_app()
    if peer.name != "pngquant":
        import numpy as np

        rgb = np.load(args.array)
        crop = np.ascontiguousarray(rgb[:64, :64])
        peer.run(crop, min(4, crop.shape[0] * crop.shape[1]), context)  # load lazy code paths
    meter = PeakMeter()
    records = []
    for k in args.ks:
        record: dict[str, Any] = {"k": k}
        try:
            meter.start()
            cpu = _cpu_seconds()
            start = time.perf_counter()
            output = peer.run(rgb, k, context)
            seconds = [time.perf_counter() - start]
            cpu_seconds = [_cpu_seconds() - cpu]
            peak = output.extra.pop("child_peak_bytes", None)
            record["peak_bytes"] = int(peak) if peak is not None else meter.above_baseline()
            record["peak_method"] = (
                ("pngquant process, GNU time" if context.gnu_time else "pngquant process, wait4")
                if peak is not None
                else "VmHWM reset" if meter.resettable else "VmHWM, fresh process"
            )  # fmt: skip
            phases = {name: [value] for name, value in output.phases.items()}
            record["extra"] = output.extra
            record["result"] = _save(output, workdir / f"k{k}.npz")
            del output
            for _ in range(_runs_wanted(seconds[0], args.runs, args.once_above) - 1):
                cpu = _cpu_seconds()
                start = time.perf_counter()
                output = peer.run(rgb, k, context)
                seconds.append(time.perf_counter() - start)
                cpu_seconds.append(_cpu_seconds() - cpu)
                for name, value in output.phases.items():
                    phases[name].append(value)
                del output
            record["seconds"] = seconds
            record["median"] = statistics.median(seconds)
            record["cpu_seconds"] = statistics.median(cpu_seconds)
            record["phases"] = {name: statistics.median(v) for name, v in phases.items()}
        except Exception as exc:  # a failing peer is reported, the run goes on
            record["error"] = f"{type(exc).__name__}: {exc}"
            traceback.print_exc(file=sys.stderr)
        records.append(record)
    threads = _threads()
    for record in records:
        record["threads"] = threads
    return {"peer": peer.name, "image": args.image, "records": records}


def seeds(args: argparse.Namespace) -> dict[str, Any]:
    """MSE of a peer at every K with every seed, all in this process: nothing here is compared
    by time (each run's seconds are kept for information), so one process serves them all."""
    peer = PEERS[args.peer]
    if peer.name == "ours":
        _as_the_app()
    import numpy as np

    rgb = np.load(args.array)
    runs: list[dict[str, Any]] = []
    for k in args.ks:
        for seed in args.seeds:
            run: dict[str, Any] = {"k": k, "seed": seed}
            try:
                context = Context(png=None, workdir=Path(args.out), seed=seed)
                cpu = _cpu_seconds()
                start = time.perf_counter()
                output = peer.run(rgb, k, context)
                run["seconds"] = time.perf_counter() - start
                run["cpu_seconds"] = _cpu_seconds() - cpu
                if output.palette is None or output.indices is None:
                    raise ValueError(f"{peer.name} gives a file, not a palette and indices")
                # Imported once the peer has run: its libraries (NumPy, SciPy) have then read
                # their thread settings, which kmeans_gui's defaults must not change.
                from kmeans_gui import engine

                run["mse"] = engine.mse(rgb, output.palette[output.indices])
                if "iterations" in output.extra:
                    run["iterations"] = output.extra["iterations"]
            except Exception as exc:  # a failing run is reported, the others go on
                run["error"] = f"{type(exc).__name__}: {exc}"
                traceback.print_exc(file=sys.stderr)
            runs.append(run)
    return {"peer": peer.name, "image": args.image, "threads": _threads(), "runs": runs}


def sweep(args: argparse.Namespace) -> dict[str, Any]:
    """Analyse once, then quantize at each K: full-size indices and a preview for each.

    Per K: ``quantize`` (k-means on the cached analysis), ``map`` (``indexed_image``, every
    pixel), ``preview`` (the new palette mapped onto a preview-sized copy of the image made and
    analysed once beforehand, as a window would keep it), ``preview_nearest`` (the full-size
    indices shrunk by nearest neighbour instead) and, where the engine has
    ``find_palette(refine=False)``, ``quick_palette`` (that palette, without the last
    refinement on the exact colours) for a quick preview.
    """
    _as_the_app()
    import numpy as np
    from PIL import Image

    from benchmarks.images import preview
    from kmeans_gui import engine

    rgb = np.load(args.array)
    small = preview(rgb, args.preview_width)
    has_map = hasattr(engine, "map_to_palette")
    has_quick = hasattr(engine, "find_palette")
    small_analysis = engine.analyse(small) if has_map else None

    def to_preview(palette: np.ndarray) -> np.ndarray:
        if small_analysis is not None:
            return engine.map_to_palette(small_analysis, palette)[0]
        return engine.remap(small, palette)

    engine.quantize(engine.analyse(np.ascontiguousarray(rgb[:64, :64])), 2)  # warm up
    runs: list[dict[str, Any]] = []
    while True:
        start = time.perf_counter()
        analysis = engine.analyse(rgb)
        run: dict[str, Any] = {"analysis": time.perf_counter() - start, "per_k": {}}
        for k in args.ks:
            t0 = time.perf_counter()
            quantization = engine.quantize(analysis, k)
            t1 = time.perf_counter()
            indices, _ = engine.indexed_image(analysis, quantization)
            t2 = time.perf_counter()
            to_preview(quantization.palette)
            t3 = time.perf_counter()
            Image.fromarray(indices).resize(
                (small.shape[1], small.shape[0]), Image.Resampling.NEAREST
            )
            t4 = time.perf_counter()
            times = {
                "quantize": t1 - t0,
                "map": t2 - t1,
                "preview": t3 - t2,
                "preview_nearest": (t2 - t1) + (t4 - t3),
            }
            if has_quick:
                t5 = time.perf_counter()
                fit = engine.find_palette(analysis, k, refine=False)
                to_preview(fit.palette)
                times["quick_preview"] = time.perf_counter() - t5
            run["per_k"][str(k)] = times
        run["total"] = run["analysis"] + sum(
            v["quantize"] + v["map"] for v in run["per_k"].values()
        )
        runs.append(run)
        del analysis
        if len(runs) >= _runs_wanted(runs[0]["total"], args.runs, args.once_above):
            break
    return {
        "ks": args.ks,
        "threads": _threads(),
        "preview_shape": [int(small.shape[0]), int(small.shape[1])],
        "image_shape": [int(rgb.shape[0]), int(rgb.shape[1])],
        "preview_map": "engine.map_to_palette on the preview's cached analysis"
        if has_map
        else "engine.remap of the preview",
        "runs": runs,
    }


def compress_memory(args: argparse.Namespace) -> dict[str, Any]:
    """Decode the source files here, then measure analysis + quantize + map (and encode).

    Repeated ``args.repeat`` times in this process, as an app compressing the same photo again
    would: glibc raises its mmap threshold as large blocks are freed, so later runs keep more
    freed temporaries in the heap and can peak higher than the first.
    """
    _as_the_app()
    import numpy as np

    from kmeans_gui import engine
    from kmeans_gui.imaging import encode_indexed, load_image

    parts = [load_image(path).rgb for path in args.sources]
    rgb = parts[0] if len(parts) == 1 else np.concatenate(parts, axis=1)
    del parts
    meter = PeakMeter()
    runs = []
    for _ in range(args.repeat):
        meter.start()
        start = time.perf_counter()
        analysis = engine.analyse(rgb)
        quantization = engine.quantize(analysis, args.k)
        indices, _ = engine.indexed_image(analysis, quantization)
        seconds = time.perf_counter() - start
        peak_map = meter.above_baseline()
        encode_indexed(quantization.palette, indices, "png")
        runs.append(
            {
                "baseline_bytes": meter.baseline,
                "peak_map_bytes": peak_map,
                "peak_encode_bytes": meter.above_baseline(),
                "seconds": seconds,
            }
        )
        del analysis, quantization, indices
        if not meter.resettable:  # later runs cannot be measured apart from the first
            break
    return {
        "k": args.k,
        "pixels": int(rgb.shape[0] * rgb.shape[1]),
        "decoded_bytes": int(rgb.nbytes),
        "resettable": meter.resettable,
        **runs[0],
        "repeats": runs,
    }


def _ks(text: str) -> list[int]:
    return [int(k) for k in text.split(",") if k]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.worker")
    modes = parser.add_subparsers(dest="mode", required=True)
    m = modes.add_parser("measure")
    m.add_argument("--peer", required=True, choices=sorted(PEERS))
    m.add_argument("--image", required=True)
    m.add_argument("--array", required=True)
    m.add_argument("--png")
    m.add_argument("--out", required=True)
    m.add_argument("--ks", type=_ks, required=True)
    m.add_argument("--runs", type=int, default=3)
    m.add_argument("--once-above", type=float, default=5.0)
    s = modes.add_parser("sweep")
    s.add_argument("--array", required=True)
    s.add_argument("--ks", type=_ks, required=True)
    s.add_argument("--preview-width", type=int, default=1600)
    s.add_argument("--runs", type=int, default=3)
    s.add_argument("--once-above", type=float, default=5.0)
    d = modes.add_parser("seeds")
    d.add_argument("--peer", required=True, choices=sorted(PEERS))
    d.add_argument("--image", required=True)
    d.add_argument("--array", required=True)
    d.add_argument("--out", required=True)
    d.add_argument("--ks", type=_ks, required=True)
    d.add_argument("--seeds", type=_ks, required=True)
    c = modes.add_parser("compress-memory")
    c.add_argument("--sources", nargs="+", required=True)
    c.add_argument("--k", type=int, required=True)
    c.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args(argv)
    handler = {
        "measure": measure, "sweep": sweep, "compress-memory": compress_memory, "seeds": seeds,
    }[args.mode]  # fmt: skip
    print(json.dumps(handler(args)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
