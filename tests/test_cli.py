"""`kmeans-compress` end to end: real files, real codecs, real exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from kmeans_gui.cli import main
from kmeans_gui.compress import palette_index_bytes

REPO = Path(__file__).resolve().parent.parent


def _photo(path: Path, size=(64, 48), seed=0) -> Path:
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0 : size[1], 0 : size[0]]
    rgb = np.stack([x * 4 % 256, y * 5 % 256, (x + y) * 3 % 256], axis=-1).astype(np.int16)
    rgb += rng.integers(-8, 9, rgb.shape, dtype=np.int16)
    Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8)).save(path)
    return path


def _json_lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_json_statistics_are_measured_from_the_written_file(tmp_path, capsys):
    src = _photo(tmp_path / "in.png")
    out_dir = tmp_path / "out"
    assert main([str(src), "-k", "8", "-o", str(out_dir), "--json"]) == 0
    (record,) = _json_lines(capsys.readouterr().out)
    written = out_dir / "in_k8.png"
    assert record["output"] == str(written)
    assert record["error"] is None
    assert record["output_bytes"] == written.stat().st_size
    assert record["input_bytes"] == src.stat().st_size
    assert record["raw_bytes"] == 64 * 48 * 3
    original = np.asarray(Image.open(src).convert("RGB")).astype(float)
    with Image.open(written) as im:
        assert im.mode == "P"
        decoded = np.asarray(im.convert("RGB")).astype(float)
    mse = float(np.mean((original - decoded) ** 2))
    assert record["mse"] == pytest.approx(mse, abs=1e-3)
    assert record["psnr"] == pytest.approx(10 * np.log10(255**2 / mse), abs=1e-2)
    assert record["colors"] == len(np.unique(decoded.reshape(-1, 3), axis=0)) <= 8
    assert record["palette_index_bytes"] == palette_index_bytes(64 * 48, record["colors"])
    for key in ("input", "width", "height", "k", "seconds"):
        assert key in record


@pytest.mark.parametrize("fmt", ["png", "gif", "webp"])
def test_every_format_writes_a_readable_file(tmp_path, fmt):
    src = _photo(tmp_path / "photo.jpg")
    assert main([str(src), "-k", "4", "-o", str(tmp_path), "--format", fmt]) == 0
    with Image.open(tmp_path / f"photo_k4.{fmt}") as im:
        colours = np.unique(np.asarray(im.convert("RGB")).reshape(-1, 3), axis=0)
    assert len(colours) <= 4


def test_folder_input_bad_files_and_exit_status(tmp_path, capsys):
    folder = tmp_path / "photos"
    folder.mkdir()
    _photo(folder / "good.png")
    (folder / "notes.txt").write_text("not an image")  # not an image extension: not picked up
    (folder / "empty.jpg").write_bytes(b"")
    truncated = _photo(tmp_path / "full.png", size=(200, 200)).read_bytes()
    (folder / "cut.png").write_bytes(truncated[: len(truncated) // 2])
    (folder / "fake.jpg").write_text("hello, I am text")
    out_dir = tmp_path / "out"
    status = main([str(folder), "-k", "4", "-o", str(out_dir), "--json"])
    captured = capsys.readouterr()
    records = {Path(r["input"]).name: r for r in _json_lines(captured.out)}
    assert status == 1
    assert set(records) == {"good.png", "empty.jpg", "cut.png", "fake.jpg"}
    assert records["good.png"]["error"] is None
    for name in ("empty.jpg", "cut.png", "fake.jpg"):
        assert records[name]["output"] is None
        assert records[name]["error"].startswith(name + ": ")
        assert f"error: {name}: " in captured.err
    assert "Traceback" not in captured.err
    assert sorted(p.name for p in out_dir.iterdir()) == ["good_k4.png"]


def test_never_overwrites_an_input_or_an_existing_file_unasked(tmp_path, capsys):
    src = _photo(tmp_path / "a.png")
    decoy = _photo(tmp_path / "a_k4.png", seed=1)  # an input named like the output
    before = decoy.read_bytes()
    assert main([str(src), str(decoy), "-k", "4", "-o", str(tmp_path), "--force"]) == 1
    assert decoy.read_bytes() == before
    assert "would replace an input" in capsys.readouterr().err
    other = tmp_path / "b.png"
    _photo(other)
    out = tmp_path / "out"
    out.mkdir()
    (out / "b_k4.png").write_bytes(b"keep me")
    assert main([str(other), "-k", "4", "-o", str(out)]) == 1
    assert (out / "b_k4.png").read_bytes() == b"keep me"
    assert "already exists" in capsys.readouterr().err
    assert main([str(other), "-k", "4", "-o", str(out), "--force"]) == 0
    assert (out / "b_k4.png").read_bytes() != b"keep me"


def test_no_partial_file_when_the_disk_fills(tmp_path, monkeypatch, capsys):
    import errno
    import os

    src = _photo(tmp_path / "a.png")
    out = tmp_path / "out"

    def full_disk(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)  # where a full disk reports the lost write
    assert main([str(src), "-k", "4", "-o", str(out)]) == 1
    assert "disk is full" in capsys.readouterr().err
    assert list(out.iterdir()) == []


def test_bad_arguments_are_usage_errors(tmp_path, capsys):
    src = _photo(tmp_path / "a.png")
    with pytest.raises(SystemExit) as exc:
        main([str(src), "-k", "300"])
    assert exc.value.code == 2
    assert "k=300" in capsys.readouterr().err


def test_console_script_runs_as_a_process(tmp_path):
    src = _photo(tmp_path / "a.png")
    proc = subprocess.run(
        [sys.executable, "-m", "kmeans_gui.cli", str(src), "-k", "2", "-o", str(tmp_path)],
        capture_output=True, text=True, cwd=REPO, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "a.png" in proc.stdout and "PSNR" in proc.stdout


def test_version_is_printed_and_read_only_when_asked(capsys):
    import kmeans_gui

    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out == f"kmeans-compress {kmeans_gui.__version__}\n"
    # Start-up: importing the command does not import importlib.metadata (30 ms)
    code = "import sys, kmeans_gui.cli; print('importlib.metadata' in sys.modules)"
    imported = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert imported.strip() == "False"


def test_effort_max_writes_the_same_pixels_no_larger_with_figures_of_its_file(tmp_path, capsys):
    src = _photo(tmp_path / "in.png", size=(300, 200))
    records = {}
    for effort in ("fast", "max"):
        out_dir = tmp_path / effort
        assert main([str(src), "-k", "16", "-o", str(out_dir), "--effort", effort, "--json"]) == 0
        (records[effort],) = _json_lines(capsys.readouterr().out)
    fast, best = (Path(records[e]["output"]) for e in ("fast", "max"))
    assert records["max"]["effort"] == "max" and best.stat().st_size < fast.stat().st_size
    assert records["max"]["output_bytes"] == best.stat().st_size
    with Image.open(fast) as a, Image.open(best) as b:
        np.testing.assert_array_equal(np.asarray(a.convert("RGB")), np.asarray(b.convert("RGB")))
    for figure in ("psnr", "ssim", "mean_delta_e_oklab", "colors"):
        assert records["max"][figure] == records["fast"][figure]
