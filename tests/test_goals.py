"""Goal seeking against a brute-force scan; size parsing; goals and reports on the command line."""

from __future__ import annotations

import csv
import json

import numpy as np
import pytest
from PIL import Image

from kmeans_gui import engine
from kmeans_gui.cli import main
from kmeans_gui.compress import Options, compress
from kmeans_gui.goals import Goal, parse_size, seek
from kmeans_gui.imaging import load_image
from kmeans_gui.resources import resource_path


@pytest.fixture(scope="module")
def photo(tmp_path_factory):
    """A small crop of a bundled photo: a known image whose quality rises steadily with K."""
    path = tmp_path_factory.mktemp("goal") / "smooth.png"
    with Image.open(resource_path("samples", "coffee.png")) as im:
        im.convert("RGB").resize((120, 80), Image.Resampling.LANCZOS).save(path)
    return load_image(path)


K_RANGE = (2, 24)


@pytest.fixture(scope="module")
def scan(photo):
    """Every K of the range, compressed and measured: the brute-force reference."""
    analysis = engine.analyse(photo.rgb)
    return {
        k: compress(photo, Options(k=k), analysis=analysis).stats
        for k in range(K_RANGE[0], K_RANGE[1] + 1)
    }


def _pick_between(values):
    """A threshold strictly between two measured values, so the answer is unambiguous."""
    ordered = sorted(set(values))
    mid = len(ordered) // 2
    return (ordered[mid - 1] + ordered[mid]) / 2


def test_quality_rises_with_k_on_the_known_image(scan):
    """The precondition that makes "smallest K meeting a PSNR goal" well defined here.

    k-means minimises the squared RGB error, so PSNR rises with K. Mean ΔE, which it does not
    optimise, falls overall but may tick up between neighbouring K (by under 0.05 here): the ΔE
    test below checks the precondition for its own threshold.
    """
    psnr = [scan[k].psnr for k in sorted(scan)]
    delta_e = [scan[k].mean_delta_e for k in sorted(scan)]
    assert all(np.diff(psnr) > 0)
    assert delta_e[-1] < delta_e[0] / 2


def test_min_psnr_goal_gives_the_smallest_k_a_scan_finds(photo, scan):
    target = _pick_between([s.psnr for s in scan.values()])
    found = seek(photo, Options(), Goal(min_psnr=target), k_min=K_RANGE[0], k_max=K_RANGE[1])
    expected = min(k for k, s in scan.items() if s.psnr >= target)
    assert found.met
    assert found.result.options.k == expected
    assert found.result.stats.psnr >= target
    assert len(found.tried) < len(scan)  # bisection, not a scan


def test_max_delta_e_goal_gives_the_smallest_k_a_scan_finds(photo, scan):
    target = _pick_between([s.mean_delta_e for s in scan.values()])
    meeting = [k for k, s in scan.items() if s.mean_delta_e <= target]
    # Bisection's precondition for this threshold: every K above the smallest one meets it.
    assert meeting == list(range(min(meeting), K_RANGE[1] + 1))
    found = seek(photo, Options(), Goal(max_delta_e=target), k_min=K_RANGE[0], k_max=K_RANGE[1])
    assert found.result.options.k == min(meeting)


def test_min_ssim_goal_gives_the_smallest_k_a_scan_finds(photo, scan):
    target = _pick_between([s.ssim for s in scan.values()])
    meeting = [k for k, s in scan.items() if s.ssim >= target]
    # Bisection's precondition for this threshold: every K above the smallest one meets it.
    assert meeting == list(range(min(meeting), K_RANGE[1] + 1))
    found = seek(photo, Options(), Goal(min_ssim=target), k_min=K_RANGE[0], k_max=K_RANGE[1])
    assert found.met
    assert found.result.options.k == min(meeting)
    assert found.result.stats.ssim >= target
    assert found.tried[min(meeting)].ssim == scan[min(meeting)].ssim
    assert "SSIM ≥" in found.goal.describe()


def test_quality_goal_at_effort_max_measures_at_fast_and_saves_the_k_found_at_max(photo, scan):
    target = _pick_between([s.psnr for s in scan.values()])
    options = Options(effort="max")
    found = seek(photo, options, Goal(min_psnr=target), k_min=K_RANGE[0], k_max=K_RANGE[1])
    k = found.result.options.k
    assert k == min(k for k, s in scan.items() if s.psnr >= target)
    assert found.result.options.effort == "max"
    assert found.result.stats.output_bytes == len(found.result.encoded)
    assert found.result.stats.output_bytes <= scan[k].output_bytes
    assert all(s.effort == "fast" for s in found.tried.values())


def test_max_size_goal_gives_a_k_that_fits_while_the_next_does_not(photo, scan):
    # File size is not strictly monotonic in K (PNG bit depth and zlib), so the promise is a
    # boundary: the chosen K fits, K + 1 does not, and the measurements agree with the scan.
    limit = int(_pick_between([s.output_bytes for s in scan.values()]))
    found = seek(photo, Options(), Goal(max_bytes=limit), k_min=K_RANGE[0], k_max=K_RANGE[1])
    k = found.result.options.k
    assert found.met
    assert len(found.result.encoded) == scan[k].output_bytes <= limit
    assert scan[k + 1].output_bytes > limit
    for tried_k, stats in found.tried.items():
        assert stats.output_bytes == scan[tried_k].output_bytes


def test_unreachable_goals_keep_the_nearest_result_and_say_so(photo):
    too_good = seek(photo, Options(), Goal(min_psnr=200.0), k_min=2, k_max=8)
    assert not too_good.met and too_good.result.options.k == 8
    assert "no K meets PSNR ≥ 200 dB" in too_good.message
    too_small = seek(photo, Options(), Goal(max_bytes=10), k_min=2, k_max=8)
    assert not too_small.met and too_small.result.options.k == 2


@pytest.mark.parametrize(
    "text, expected",
    [("200KB", 200_000), ("200 kb", 200_000), ("1.5MB", 1_500_000), ("300KiB", 307_200),
     ("5000", 5000)],
)  # fmt: skip
def test_parse_size(text, expected):
    assert parse_size(text) == expected


@pytest.mark.parametrize("text", ["", "KB", "-3KB", "12 parsecs", "0"])
def test_parse_size_rejects_nonsense_naming_it(text):
    with pytest.raises(ValueError, match="size="):
        parse_size(text)


def test_goal_needs_exactly_one_target():
    with pytest.raises(ValueError, match="exactly one"):
        Goal()
    with pytest.raises(ValueError, match="exactly one"):
        Goal(min_psnr=30, max_bytes=1000)


def test_cli_target_psnr_and_report(tmp_path, photo, scan, capsys):
    target = _pick_between([s.psnr for s in scan.values()])
    out = tmp_path / "out"
    report = tmp_path / "report.csv"
    argv = [str(photo.path), "--target-psnr", str(target), "-o", str(out), "--report", str(report)]
    assert main(argv) == 0
    expected_k = min(k for k, s in scan.items() if s.psnr >= target)
    assert (out / f"smooth_k{expected_k}.png").exists()
    assert "smallest K that meets" in capsys.readouterr().err
    (row,) = list(csv.DictReader(report.open()))
    assert int(row["k"]) == expected_k
    assert row["goal_met"] == "True"
    assert float(row["psnr"]) >= target


def test_cli_target_ssim_effort_max_and_json(tmp_path, photo, scan, capsys):
    target = _pick_between([s.ssim for s in scan.values()])
    out = tmp_path / "out"
    argv = [str(photo.path), "--target-ssim", str(target), "--effort", "max", "-o", str(out),
            "--json"]  # fmt: skip
    assert main(argv) == 0
    expected_k = min(k for k, s in scan.items() if s.ssim >= target)
    record = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert record["k"] == expected_k and record["goal_met"] is True
    assert record["ssim"] >= round(target, 5) - 1e-5
    written = out / f"smooth_k{expected_k}.png"
    assert record["output_bytes"] == written.stat().st_size
    assert record["effort"] in ("max", "fast")
    assert record["effort"] == "max" or record["output_bytes"] == scan[expected_k].output_bytes


def test_cli_json_report_has_a_row_per_image_including_failures(tmp_path, photo):
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"nope")
    report = tmp_path / "r.json"
    status = main([str(photo.path), str(bad), "-k", "4", "-o", str(tmp_path / "o"),
                   "--report", str(report)])  # fmt: skip
    assert status == 1
    rows = sorted(json.loads(report.read_text()), key=lambda r: r["input"] == str(bad))
    assert [r["error"] is None for r in rows] == [True, False]
    assert rows[0]["k"] == 4 and rows[0]["output_bytes"] > 0
