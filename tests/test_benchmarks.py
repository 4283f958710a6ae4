"""The benchmark harness (benchmarks/run.py) end to end on one small image, so it cannot rot.

Nothing is timed and no speed is asserted: the run must write results.json and RESULTS.md with
a row for every peer and K, finite quality figures, target 2's seeded runs, and skip a peer that
is not installed with a message. It needs neither the bench extra (GPL libimagequant,
scikit-learn, matplotlib) nor the corpus nor a network, and uses what of it is installed.
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from kmeans_gui import engine

REPO = Path(__file__).resolve().parent.parent


def _photo(path: Path, size=(48, 40), seed=0) -> Path:
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0 : size[1], 0 : size[0]]
    rgb = np.stack([x * 5 % 256, y * 6 % 256, (x + y) * 3 % 256], axis=-1).astype(np.int16)
    rgb += rng.integers(-8, 9, rgb.shape, dtype=np.int16)
    Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8)).save(path)
    return path


# Peers of the bench extra, each with the module it needs: run where installed.
OPTIONAL_PEERS = {"sklearn": "sklearn", "libimagequant": "imagequant"}


def test_the_harness_runs_end_to_end_on_a_small_image(tmp_path):
    src = _photo(tmp_path / "small.png")
    out = tmp_path / "out"
    peers = ["ours", "mediancut", "fastoctree", *OPTIONAL_PEERS]
    done = subprocess.run(
        [
            sys.executable, str(REPO / "benchmarks" / "run.py"), "--image", str(src),
            "--peers", ",".join(peers), "--ks", "4,16", "--sweep-ks", "2,4,8",
            "--memory-ks", "4", "--seed-ks", "16", "--runs", "1", "--jobs", "1",
            "--out", str(out),
        ],
        capture_output=True, text=True, timeout=600, check=False,
        # Nothing is timed: scikit-learn's OpenMP threads only slow it down on a busy machine.
        env={**os.environ, "OMP_NUM_THREADS": "1"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))

    installed = {peer for peer, module in OPTIONAL_PEERS.items() if find_spec(module)}
    ran = [peer for peer in peers if peer not in OPTIONAL_PEERS or peer in installed]
    assert {(r["peer"], r["k"]) for r in results["records"]} == {
        (peer, k) for peer in ran for k in (4, 16)
    }
    for peer in set(OPTIONAL_PEERS) - installed:
        assert f"skipping {results['peers'][peer]['label']}" in done.stderr
        assert peer in results["missing"]
    for r in results["records"]:
        assert "error" not in r, r
        assert math.isfinite(r["mse"]) and r["mse"] >= 0
        assert math.isfinite(r["delta_e"]) and r["delta_e"] >= 0
        assert r["png_bytes"] > 0 and 1 <= r["colors"] <= r["k"]
        assert len(r["seconds"]) == 1 and r["peak_bytes"] >= 0

    # Target 2: ours and scikit-learn with seeds 0, 1, 2 at K=16; each seed's own MSE.
    seeded = [p for p in ("ours", "sklearn") if p in ran]
    assert sorted((r["peer"], r["k"], r["seed"]) for r in results["seeded"]) == [
        (peer, 16, seed) for peer in seeded for seed in (0, 1, 2)
    ]
    for r in results["seeded"]:
        assert "error" not in r, r
        assert math.isfinite(r["mse"]) and r["mse"] > 0 and r["seconds"] > 0
    ours_seed_0 = next(r for r in results["seeded"] if r["peer"] == "ours" and r["seed"] == 0)
    ours_k16 = next(r for r in results["records"] if r["peer"] == "ours" and r["k"] == 16)
    assert math.isclose(ours_seed_0["mse"], ours_k16["mse"])  # the same call as the timed run

    targets = {t["id"]: t for t in results["targets"]}
    assert sorted(targets) == [1, 2, 3, 4, 5, 6, 7]
    for measured in (3, 4, 5):  # ours alone: the sweep and the memory measurement
        assert targets[measured]["verdict"] in ("met", "not met")
    assert targets[6]["verdict"] == "not measured"  # pngquant was not asked for
    assert targets[7]["verdict"] == "not measured"
    # ours on the photo also with save effort max: the same pixels, never a larger file
    for r in results["records"]:
        if r["peer"] == "ours" and "png_bytes" in r:
            assert 0 < r["png_bytes_max"] <= r["png_bytes"]
    if installed:
        assert targets[2]["verdict"] in ("met", "not met", "met where measured")
        assert "mean over seeds 0, 1, 2; K=16 on 1 photo" in targets[2]["measured"]

    report = (out / "RESULTS.md").read_text(encoding="utf-8")
    assert "## Targets" in report and "## Method" in report
    for label in ("ours", "Pillow MEDIANCUT", "Pillow FASTOCTREE"):
        for k in (4, 16):
            assert f"| {k} | {label} |" in report
    assert "## Target 2: MSE over seeds 0, 1, 2" in report
    assert "**small.png, K=16** (MSE)" in report and "| **mean** |" in report


def _seeded_runs(image: str, peer: str, k: int, mses: list[float]) -> list[dict]:
    return [
        {"image": image, "peer": peer, "k": k, "seed": seed, "mse": mse, "seconds": 1.0}
        for seed, mse in enumerate(mses)
    ]


def test_target_2_divides_the_means_over_seeds(monkeypatch):
    monkeypatch.syspath_prepend(str(REPO))
    from benchmarks.targets import targets

    seeded, records = [], []
    for image, ours, sklearn, liq in (("a", [9, 10, 11], [10, 12, 14], 11.0),
                                      ("b", [4, 4, 4], [3, 6, 3], 5.0)):  # fmt: skip
        for k in (16, 64):
            seeded += _seeded_runs(image, "ours", k, ours) + _seeded_runs(
                image, "sklearn", k, sklearn
            )
            records.append({"image": image, "peer": "libimagequant", "k": k, "mse": liq})
    results = {
        "images": [{"id": i, "label": i, "kind": "photo"} for i in ("a", "b")],
        "records": records, "seeded": seeded, "special": {},
    }  # fmt: skip
    target = next(t for t in targets(results) if t["id"] == 2)
    # Per photo, both K alike: ours/sklearn a 10/12, b 4/4 (seed 0 alone would say 4/3);
    # ours/libimagequant a 10/11, b 4/5. The ratio shown is the worse of the two.
    vs_sklearn, vs_liq = math.sqrt(10 / 12 * 4 / 4), math.sqrt(10 / 11 * 4 / 5)
    assert math.isclose(target["ratio"], max(vs_sklearn, vs_liq))
    assert target["verdict"] == "met"
    assert (
        f"ours/sklearn {vs_sklearn:.3f} (means over seeds 0, 1, 2; K=16 on 2 photos, K=64 on 2 "
        f"photos); ours/libimagequant {vs_liq:.3f} (ours: mean over seeds 0, 1, 2;"
    ) in target["measured"]


def test_a_peer_that_is_not_installed_says_why(monkeypatch):
    monkeypatch.syspath_prepend(str(REPO))
    from benchmarks.peers import PEERS

    peer = PEERS["libimagequant"]
    no_module = dataclasses.replace(peer, module="no_such_module_for_kmeans_gui")
    assert "is not installed" in (no_module.missing() or "")
    no_program = dataclasses.replace(PEERS["pngquant"], program="no-such-program-for-kmeans-gui")
    assert "is not on PATH" in (no_program.missing() or "")


def test_mean_delta_e_over_colour_pairs_equals_the_per_pixel_mean(monkeypatch):
    monkeypatch.syspath_prepend(str(REPO))
    from benchmarks.metrics import mean_delta_e

    rng = np.random.default_rng(1)
    rgb = rng.integers(0, 256, (30, 40, 3), dtype=np.uint8)
    rgb[:10] = rgb[10:20]  # repeated colours: pairs with several pixels
    palette = rng.integers(0, 256, (7, 3), dtype=np.uint8)
    indices = rng.integers(0, 7, (30, 40), dtype=np.uint8)
    indices[:10] = indices[10:20]
    hist = engine.build_histogram(rgb)
    fast = mean_delta_e(hist.colors, hist.inverse, palette, indices)
    assert math.isclose(fast, engine.mean_delta_e_ok(rgb, palette[indices]), rel_tol=1e-9)


def test_results_md_keeps_the_sections_written_by_hand(monkeypatch):
    monkeypatch.syspath_prepend(str(REPO))
    from benchmarks.report import merge

    by_hand = "## K grid\n\nmeasured by another script\n"
    first = merge(by_hand, "# Benchmarks\n\nrun 1\n")
    assert first.index("run 1") < first.index("## K grid") and first.endswith(by_hand)
    second = merge("Intro.\n" + first, "# Benchmarks\n\nrun 2\n")
    assert "run 1" not in second and "run 2" in second
    assert second.startswith("Intro.\n") and second.endswith(by_hand)


def test_rgba_bench_measures_every_peer_and_writes_its_section(tmp_path, monkeypatch):
    """benchmarks/rgba_bench.py on small drawings: a row per image and K with the app's
    composited figure for ours, pngquant and libimagequant where installed, and its section
    written into a RESULTS.md (replaced, not repeated, on a second run)."""
    from benchmarks import rgba_bench, rgba_images

    monkeypatch.setattr(rgba_bench, "IMAGES", {"logo": lambda: rgba_images.logo(120, 60)})
    markdown = tmp_path / "RESULTS.md"
    markdown.write_text("# Results\n\nkept text\n", encoding="utf-8")
    for _ in range(2):
        assert (
            rgba_bench.main(
                ["--repeat", "1", "--out", str(tmp_path / "r.json"), "--markdown", str(markdown)]
            )
            == 0
        )
    payload = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert [row["k"] for row in payload["rows"]] == list(rgba_bench.KS)
    for row in payload["rows"]:
        assert math.isfinite(row["ours"]["mse"]) and row["ours"]["bytes"] > 0
        assert row["ours"]["mse"] == pytest.approx(row["ours"]["figure_mse"], rel=1e-9)
    text = markdown.read_text(encoding="utf-8")
    assert text.startswith("# Results\n\nkept text\n")
    assert text.count(rgba_bench.BEGIN) == 1 and "| logo (120×60) | 16 |" in text
