"""Benchmark the engine against its peers and write RESULTS.md, results.json and results.png.

Usage (from the repository root; ``make bench`` installs the bench extra first)::

    python benchmarks/run.py            # the full run, about 15-20 minutes on 2 cores
    python benchmarks/run.py --quick    # one photo, one run each, smaller budgets
    python benchmarks/run.py --image a.png --peers ours,mediancut --out /tmp/b   # any files

Phases: decode every image once (the app's loader) into arrays; measure each peer on each image
in its own worker process (times, peak memory, the palette and indices it produced); the
re-quantize / K-sweep / memory targets on the large image; target 2's runs of ours and
scikit-learn with several seeds on every corpus photo (MSE only, one worker per photo and
peer); then quality and file size of every measured result, in parallel since nothing is timed
there; then the report.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

# The environment as the user started the harness, before kmeans_gui (imported just below)
# sets its thread defaults in it: workers start from this one, so that each peer runs with its
# own defaults and ours with the app's (its worker imports kmeans_gui first).
USER_ENVIRONMENT = dict(os.environ)
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make `benchmarks` and `kmeans_gui` importable
    sys.path.insert(0, str(ROOT))

from benchmarks import images as bench_images  # noqa: E402
from benchmarks import machine, plot, report, targets  # noqa: E402
from benchmarks.peers import PEERS, Peer  # noqa: E402

DEFAULT_KS = (4, 16, 64, 256)
SWEEP_KS = (2, 4, 8, 16, 32, 64, 128, 256)
MEMORY_KS = (16, 256)
# pixels x K caps (see --sklearn-budget, --original-budget): full run and --quick.
SKLEARN_BUDGET = (66e6, 17e6)
ORIGINAL_BUDGET = (16e6, 4e6)
# Target 2: ours and scikit-learn with each of these seeds on every corpus photo at these K,
# whatever --sklearn-budget says (full run and --quick).
TARGET_2_SEEDS = (0, 1, 2)
TARGET_2_KS = ((16, 64), (16,))
SEEDED_PEERS = ("ours", "sklearn")


def _parse(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="benchmarks/run.py", description=__doc__.split("\n")[0])
    p.add_argument("--quick", action="store_true", help="one photo, one run, smaller budgets")
    p.add_argument("--corpus", help="folder of the corpus photos (default: what corpus.sh prints)")
    p.add_argument(
        "--photos", help="corpus photos, comma-separated, or 'all' "
        f"(default: {','.join(bench_images.DEFAULT_PHOTOS)}; --quick: the first)",
    )  # fmt: skip
    p.add_argument("--image", action="append", help="measure this file instead of the corpus")
    p.add_argument("--no-large", action="store_true", help="without the 12.3 MP image")
    p.add_argument("--no-small", action="store_true", help="without the 1 MP image")
    p.add_argument("--peers", default=",".join(PEERS), help="comma-separated: %(default)s")
    p.add_argument("--ks", default=",".join(map(str, DEFAULT_KS)))
    p.add_argument("--sweep-ks", default=",".join(map(str, SWEEP_KS)))
    p.add_argument("--memory-ks", default=",".join(map(str, MEMORY_KS)))
    p.add_argument(
        "--seeds", default=",".join(map(str, TARGET_2_SEEDS)),
        help="target 2: seeds of ours and scikit-learn, each run on every corpus photo at every "
        "--seed-ks; empty: no such runs (default %(default)s)",
    )  # fmt: skip
    p.add_argument(
        "--seed-ks",
        help="target 2: K of the seeded runs (default "
        f"{','.join(map(str, TARGET_2_KS[0]))}; quick: {','.join(map(str, TARGET_2_KS[1]))})",
    )  # fmt: skip
    p.add_argument("--runs", type=int, help="timed runs per configuration (default 3; quick 1)")
    p.add_argument(
        "--once-above", type=float, default=3.0,
        help="a configuration whose first run takes longer than this many seconds is not "
        "repeated (default %(default)s)",
    )  # fmt: skip
    p.add_argument(
        "--sklearn-budget", type=float,
        help=f"run scikit-learn only where pixels x K <= this (default {SKLEARN_BUDGET[0]:g})",
    )  # fmt: skip
    p.add_argument(
        "--original-budget", type=float,
        help=f"the original method only where pixels x K <= this (default {ORIGINAL_BUDGET[0]:g})",
    )  # fmt: skip
    p.add_argument("--preview-width", type=int, default=1600)
    p.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    p.add_argument("--out", default=str(ROOT / "benchmarks"), help="folder for the outputs")
    p.add_argument("--workdir", help="keep the arrays and results here (default: a temp folder)")
    p.add_argument("--no-plot", action="store_true")
    p.add_argument(
        "--from-json", metavar="RESULTS_JSON",
        help="measure nothing: write RESULTS.md and the plot again from a results.json (after "
        "editing TRIED.md, say)",
    )  # fmt: skip
    args = p.parse_args(argv)
    args.ks = _ints(args.ks)
    args.sweep_ks = _ints(args.sweep_ks)
    args.memory_ks = _ints(args.memory_ks)
    args.seeds = _ints(args.seeds)
    if args.seed_ks is None:
        args.seed_ks = list(TARGET_2_KS[args.quick])
    else:
        args.seed_ks = _ints(args.seed_ks)
    args.peers = [name for name in args.peers.split(",") if name]
    unknown = [name for name in args.peers if name not in PEERS]
    if unknown:
        p.error(f"unknown peers {unknown}; known: {', '.join(PEERS)}")
    if args.runs is None:
        args.runs = 1 if args.quick else 3
    if args.sklearn_budget is None:
        args.sklearn_budget = SKLEARN_BUDGET[args.quick]
    if args.original_budget is None:
        args.original_budget = ORIGINAL_BUDGET[args.quick]
    if args.photos == "all":
        args.photos = list(bench_images.CORPUS_PHOTOS)
    elif args.photos:
        args.photos = args.photos.split(",")
    else:
        args.photos = list(bench_images.DEFAULT_PHOTOS[: 1 if args.quick else None])
    return args


def _ints(text: str) -> list[int]:
    return [int(v) for v in text.split(",") if v]


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _worker(arguments: list[str]) -> dict[str, Any]:
    """Run ``python -m benchmarks.worker ARGUMENTS`` and return its JSON."""
    env = dict(USER_ENVIRONMENT)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.worker", *arguments],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0 or not done.stdout.strip():
        tail = done.stderr.strip().splitlines()[-3:]
        raise RuntimeError(f"worker exited with {done.returncode}: {' | '.join(tail)}")
    if done.stderr.strip():
        _log("    worker: " + done.stderr.strip().replace("\n", "\n    worker: "))
    return json.loads(done.stdout.strip().splitlines()[-1])


# The 1 MP image is there for the original method; ours and scikit-learn run beside it (the
# only place scikit-learn reaches K=64 within its budget). Other peers skip it to save time.
SMALL_IMAGE_PEERS = ("ours", "sklearn", "original")


def _skip_reason(peer: Peer, image: bench_images.BenchImage, k: int, args: Any) -> str | None:
    """Why a peer is not run on an image at K (the same words for every case alike), or None."""
    if peer.max_pixels is not None and image.pixels > peer.max_pixels:
        return f"runs only on images of at most {peer.max_pixels / 1e6:g} MP"
    if image.kind == "small" and peer.name not in SMALL_IMAGE_PEERS:
        return "the 1 MP image is for the original method, with ours and scikit-learn beside it"
    if peer.budget is not None and image.pixels * k > getattr(args, peer.budget):
        option = "--" + peer.budget.replace("_", "-")
        return f"pixels x K above {option} {getattr(args, peer.budget) / 1e6:g}M"
    if peer.name == "pngquant" and k < 2:
        return "pngquant needs K >= 2"
    return None


# Target 1 compares these two on the large image at K=16: always the full number of runs.
TARGET_1 = (("ours", 16), ("libimagequant", 16))


def _once_above(peer: Peer, image: bench_images.BenchImage, k: int, args: Any) -> float:
    if image.kind == "large" and (peer.name, k) in TARGET_1:
        return math.inf
    return args.once_above


def _measure_all(
    images: list[bench_images.BenchImage], peers: list[Peer], args: Any, workdir: Path
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Every peer on every image at every K, each in a fresh worker process.

    A fresh process per K keeps the peak memory figures comparable: in a process that has
    already run a large computation, glibc keeps more freed memory in its heap (its mmap
    threshold has grown), and the next run peaks higher (see the target 5 repeats).
    """
    records, skipped = [], []
    for image in images:
        for peer in peers:
            ks = []
            for k in args.ks:
                reason = _skip_reason(peer, image, k, args)
                if reason:
                    skipped.append({"image": image.id, "peer": peer.name, "k": k, "reason": reason})
                else:
                    ks.append(k)
            start = time.perf_counter()
            found = []
            for k in ks:
                once_above = _once_above(peer, image, k, args)
                arguments = [
                    "measure", "--peer", peer.name, "--image", image.id,
                    "--array", str(image.array), "--out", str(workdir), "--ks", str(k),
                    "--runs", str(args.runs), "--once-above", str(once_above),
                ]  # fmt: skip
                if image.png is not None:
                    arguments += ["--png", str(image.png)]
                try:
                    found += _worker(arguments)["records"]
                except RuntimeError as exc:
                    found.append({"k": k, "error": str(exc)})
            for record in found:
                record.update(image=image.id, peer=peer.name)
                records.append(record)
            if found:
                times = ", ".join(
                    f"K={r['k']}: {r['median']:.2f}s x{len(r['seconds'])}"
                    if "median" in r else f"K={r['k']}: {r.get('error')}"
                    for r in found
                )  # fmt: skip
                took = time.perf_counter() - start
                _log(f"  {image.id:>14} {peer.name:<13} {times}  [{took:.0f}s]")
    return records, skipped


def _seeded(
    images: list[bench_images.BenchImage], peers: list[Peer], args: Any, workdir: Path
) -> list[dict[str, Any]]:
    """Target 2: ours and scikit-learn at every --seed-ks with every --seeds on each corpus
    photo, one worker process per photo and peer; one record (image, peer, k, seed, mse,
    seconds) per run. No budget applies: target 2 needs scikit-learn at K=64 too."""
    records: list[dict[str, Any]] = []
    seeded = [peer for peer in peers if peer.name in SEEDED_PEERS]
    if not args.seeds or not args.seed_ks or "ours" not in {peer.name for peer in seeded}:
        return records
    for image in images:
        if image.kind != "photo":
            continue
        for peer in seeded:
            start = time.perf_counter()
            arguments = [
                "seeds", "--peer", peer.name, "--image", image.id, "--array", str(image.array),
                "--out", str(workdir), "--ks", ",".join(map(str, args.seed_ks)),
                "--seeds", ",".join(map(str, args.seeds)),
            ]  # fmt: skip
            try:
                runs = _worker(arguments)["runs"]
            except RuntimeError as exc:
                runs = [
                    {"k": k, "seed": seed, "error": str(exc)}
                    for k in args.seed_ks
                    for seed in args.seeds
                ]
            for run in runs:
                records.append({"image": image.id, "peer": peer.name, **run})
            figures = "; ".join(
                f"K={k}: "
                + " ".join(
                    f"{r['mse']:.2f}" if "mse" in r else "error" for r in runs if r["k"] == k
                )
                for k in args.seed_ks
            )
            took = time.perf_counter() - start
            _log(f"  {image.id:>14} {peer.name:<13} MSE with seeds {args.seeds}: {figures}  "
                 f"[{took:.0f}s]")  # fmt: skip
    return records


def _evaluate(job: tuple[str, str, bool]) -> dict[str, Any]:
    from benchmarks.metrics import evaluate

    array, result, max_effort = job
    return evaluate(array, result, max_effort=max_effort)


def _add_metrics(
    records: list[dict[str, Any]], images: dict[str, bench_images.BenchImage], jobs: int
) -> None:
    todo = [r for r in records if r.get("result")]
    # Ours also with save effort max (issue #20's target 7), on the corpus photos.
    work = [
        (str(images[r["image"]].array), r["result"],
         r["peer"] == "ours" and images[r["image"]].kind == "photo")
        for r in todo
    ]  # fmt: skip
    with ProcessPoolExecutor(max_workers=max(1, jobs)) as pool:
        for record, figures in zip(todo, pool.map(_evaluate, work), strict=True):
            record.update(figures)


def _special(large: bench_images.BenchImage, args: Any) -> dict[str, Any]:
    """Targets 3, 4 (sweep on the analysed large image) and 5 (peak memory, decoded here)."""
    found: dict[str, Any] = {"image": large.id}
    _log(f"  sweep K={args.sweep_ks} on {large.id} ...")
    try:
        found["sweep"] = _worker(
            [
                "sweep", "--array", str(large.array),
                "--ks", ",".join(map(str, args.sweep_ks)), "--runs", str(args.runs),
                "--once-above", str(args.once_above), "--preview-width", str(args.preview_width),
            ]
        )  # fmt: skip
    except RuntimeError as exc:
        found["sweep"] = {"error": str(exc)}
    found["memory"] = []
    for k in args.memory_ks:
        _log(f"  compress-memory K={k} on {large.id} ...")
        try:
            found["memory"].append(
                _worker(["compress-memory", "--k", str(k), "--sources", *large.sources])
            )
        except RuntimeError as exc:
            found["memory"].append({"k": k, "error": str(exc)})
    return found


def _finite(value: Any) -> Any:
    """JSON has no infinity: PSNR of a lossless result becomes null."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return value


def _write_report(results: dict[str, Any], out: Path, with_plot: bool) -> None:
    message = plot.plot(results, out / "results.png") if with_plot else None
    if message is not None:
        _log(message)
    path = out / "RESULTS.md"
    existing = path.read_text(encoding="utf-8") if path.exists() else None
    path.write_text(report.merge(existing, report.markdown(results)), encoding="utf-8")
    for target in results["targets"]:
        _log(f"target {target['id']}: {target['measured']} -> {target['verdict']}")
    _log(f"wrote {out / 'RESULTS.md'} (run of {results['seconds'] / 60:.1f} min)")


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    if args.from_json:
        results = json.loads(Path(args.from_json).read_text(encoding="utf-8"))
        results["targets"] = _finite(targets.targets(results))
        Path(args.out).mkdir(parents=True, exist_ok=True)
        _write_report(results, Path(args.out), not args.no_plot)
        return 0
    started = time.time()
    load_before = os.getloadavg() if hasattr(os, "getloadavg") else None
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    peers, missing = [], {}
    for name in args.peers:
        peer = PEERS[name]
        reason = peer.missing()
        if reason:
            missing[name] = reason
            _log(f"skipping {peer.label}: {reason}")
        else:
            peers.append(peer)
    workdir = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="kmeans-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        with_png = any(peer.name == "pngquant" for peer in peers)
        _log("decoding images ...")
        if args.image:
            images = bench_images.prepare_files(args.image, workdir, with_png)
            large = max(images, key=lambda im: im.pixels)
        else:
            folder = bench_images.corpus_folder(args.corpus)
            images = bench_images.prepare_corpus(
                folder, args.photos, not args.no_large, not args.no_small, workdir, with_png
            )
            large = max(images, key=lambda im: (im.kind == "large", im.pixels))
        phases = {"decode": time.time() - started}
        _log(f"measuring {len(peers)} peers on {len(images)} images ...")
        records, skipped = _measure_all(images, peers, args, workdir)
        phases["measure"] = time.time() - started - sum(phases.values())
        special = _special(large, args) if "ours" in args.peers else {}
        phases["targets 3-5"] = time.time() - started - sum(phases.values())
        _log(f"target 2: MSE of {', '.join(SEEDED_PEERS)} with seeds {args.seeds} ...")
        seeded = _seeded(images, peers, args, workdir)
        phases["target 2 seeds"] = time.time() - started - sum(phases.values())
        _log("quality and file size of every result ...")
        _add_metrics(records, {im.id: im for im in images}, args.jobs)
        phases["quality"] = time.time() - started - sum(phases.values())
        results = {
            "started": time.strftime("%Y-%m-%d %H:%M:%S %Z", time.localtime(started)),
            "seconds": None,
            "phase_seconds": phases,
            "command": " ".join(
                ["benchmarks/run.py", *(argv if argv is not None else sys.argv[1:])]
            ),
            "options": {
                k: v
                for k, v in vars(args).items()
                if k not in ("out", "workdir", "image", "corpus")
            },
            "machine": machine.machine(),
            "load_average_before": list(load_before) if load_before else None,
            "versions": {peer.name: peer.version() for peer in peers},
            "peers": {p.name: {"label": p.label, "note": p.note} for p in PEERS.values()},
            "missing": missing,
            "images": [
                {
                    "id": im.id,
                    "label": im.label,
                    "kind": im.kind,
                    "width": im.width,
                    "height": im.height,
                }
                for im in images
            ],  # fmt: skip
            "records": [{k: v for k, v in r.items() if k != "result"} for r in records],
            "skipped": skipped,
            "special": special,
            "seeded": seeded,
        }
        results["seconds"] = time.time() - started
        if hasattr(os, "getloadavg"):
            results["load_average_after"] = list(os.getloadavg())
        results["targets"] = targets.targets(results)
        results = _finite(results)
        (out / "results.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
        _write_report(results, out, not args.no_plot)
    finally:
        if not args.workdir:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
