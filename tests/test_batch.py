"""Batches (issue #18): reports that survive, output layout, resumable runs, -j, progress."""

from __future__ import annotations

import csv
import json
import os
import pty
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from make_bad_corpus import photo_array
from PIL import Image

from kmeans_gui.batch_report import columns
from kmeans_gui.cli import main
from kmeans_gui.compress import Options, compress_file
from kmeans_gui.report import RESULT_COLUMNS, result_record
from kmeans_gui.workers import WorkerPool


def _photos(folder: Path, n: int, size=(400, 300)) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"p{i:02}.png"
        Image.fromarray(photo_array(*size, seed=i)).save(path)
        paths.append(path)
    return paths


def _start(*args, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "kmeans_gui.cli", *map(str, args)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, **kwargs,
    )  # fmt: skip


def _wait_for_outputs(process: subprocess.Popen, out: Path, n: int) -> None:
    deadline = time.monotonic() + 180
    while not (out.exists() and len(list(out.glob("*.png"))) >= n):
        assert time.monotonic() < deadline and process.poll() is None
        time.sleep(0.02)


def _group_gone(pgid: int, seconds: float = 60) -> bool:
    """Whether every process of the group (the command and its workers) has ended."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


def test_report_columns_are_every_key_of_a_result_record(tmp_path):
    path = _photos(tmp_path, 1, (40, 30))[0]
    assert tuple(result_record(compress_file(path, Options(k=4)))) == RESULT_COLUMNS
    assert columns(False)[:4] == ["input", "output", "status", "k"]


@pytest.mark.parametrize("kind", ["csv", "jsonl", "json"])
def test_report_and_json_lines_survive_a_sigkill_of_the_parent(tmp_path, kind):
    inputs = _photos(tmp_path / "in", 30)
    out, report = tmp_path / "out", tmp_path / f"report.{kind}"
    process = _start(tmp_path / "in", "-o", out, "-k", "64", "-j", "2", "--json",
                     "--report", report)  # fmt: skip
    _wait_for_outputs(process, out, 3)
    time.sleep(0.3)  # let a row be written after its file
    process.kill()
    stdout, _ = process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL
    assert _group_gone(process.pid), "a worker outlived the killed command"
    text = report.read_text(encoding="utf-8")
    if kind == "csv":
        rows = list(csv.DictReader(text.splitlines()))
    elif kind == "jsonl":
        rows = [json.loads(line) for line in text.splitlines()]
    else:  # rewritten whole at most once a second: valid, perhaps a second behind
        rows = json.loads(text)
    assert text.endswith("\n" if kind != "json" else "]")  # no partial row
    written = {p.name for p in out.glob("*.png")}
    reported = {Path(r["output"]).name for r in rows}
    assert all(r["status"] == "done" for r in rows)
    assert reported <= written and len(written) < len(inputs)
    if kind != "json":
        # A kill can fall between an output's save and its row: one output may lack its row.
        assert len(rows) >= 3 and len(written - reported) <= 1
    lines = [json.loads(line) for line in stdout.decode().splitlines()]
    printed = {Path(r["output"]).name for r in lines}  # as each finished
    assert reported <= printed <= written and len(written - printed) <= 1


def test_sigint_then_skip_existing_does_exactly_the_rest(tmp_path):
    inputs = _photos(tmp_path / "in", 24)
    out, first, second = tmp_path / "out", tmp_path / "first.csv", tmp_path / "second.json"
    process = _start(tmp_path / "in", "-o", out, "-k", "64", "-j", "2", "--report", first)
    _wait_for_outputs(process, out, 3)
    os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl+C: the whole group
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert _group_gone(process.pid)
    rows = list(csv.DictReader(first.open(encoding="utf-8")))
    done_first = sorted(p.name for p in out.iterdir())
    assert sorted(Path(r["output"]).name for r in rows) == done_first  # exactly what finished
    assert 3 <= len(done_first) < len(inputs)
    times = {name: (out / name).stat().st_mtime_ns for name in done_first}

    again = _start(tmp_path / "in", "-o", out, "-k", "64", "-j", "2", "--skip-existing",
                   "--report", second)  # fmt: skip
    _, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    records = json.loads(second.read_text(encoding="utf-8"))
    skipped = sorted(Path(r["output"]).name for r in records if r["status"] == "skipped")
    done = sorted(Path(r["output"]).name for r in records if r["status"] == "done")
    assert skipped == done_first
    assert sorted(done + skipped) == sorted(f"{p.stem}_k64.png" for p in inputs)
    assert {name: (out / name).stat().st_mtime_ns for name in done_first} == times  # untouched
    n = len(inputs)
    summary = f"{n - len(done_first)} done, {len(done_first)} skipped, 0 larger, 0 failed"
    assert err.decode().strip().splitlines()[-1] == f"kmeans-compress: {summary}"


def test_two_processes_write_the_same_bytes_as_one(tmp_path):
    _photos(tmp_path / "in", 4, (300, 200))
    (tmp_path / "in" / "big.png").write_bytes(b"")  # and a failure among them
    for jobs in ("1", "2"):
        assert main([str(tmp_path / "in"), "-o", str(tmp_path / jobs), "-k", "32", "--seed",
                     "7", "-j", jobs, "--quiet", "--color-space", "oklab"]) == 1  # fmt: skip
    one, two = sorted((tmp_path / "1").iterdir()), sorted((tmp_path / "2").iterdir())
    assert [p.name for p in one] == [p.name for p in two] and len(one) == 4
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(one, two, strict=True))


def test_keep_tree_mirrors_folders_and_numbers_clashes(tmp_path, capsys):
    src = tmp_path / "photos"
    for sub in ("", "2024", "2024/june"):
        _photos(src / sub, 1, (40, 30))
    Image.fromarray(photo_array(40, 30)).save(src / "2024" / "p00.jpg")  # same stem, same folder
    loose = _photos(tmp_path / "loose", 1, (40, 30))[0]  # a file given as such
    out = tmp_path / "out"
    argv = [str(src), str(loose), "-o", str(out), "-k", "4", "--keep-tree", "-j", "1"]
    assert main([*argv, "--suffix=-{k}c.{format}"]) == 0
    found = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert found == [
        "2024/june/p00-4c.png.png", "2024/p00-2-4c.png.png", "2024/p00-4c.png.png",
        "p00-2-4c.png.png", "p00-4c.png.png",
    ]  # fmt: skip
    err = capsys.readouterr().err
    assert "p00.png: note: written as p00-2-4c.png.png (another input has the same name)" in err


def test_in_place_dir_writes_beside_each_input_and_leaves_earlier_outputs_out(tmp_path, capsys):
    a, b = _photos(tmp_path / "a", 1, (40, 30))[0], _photos(tmp_path / "a" / "b", 1, (40, 30))[0]
    argv = [str(tmp_path / "a"), "-k", "4", "--in-place-dir", "-j", "1"]
    assert main(argv) == 0
    assert (a.parent / "p00_k4.png").exists() and (b.parent / "p00_k4.png").exists()
    capsys.readouterr()
    assert main([*argv, "--skip-existing"]) == 0  # the outputs are not taken as inputs
    err = capsys.readouterr().err
    assert "note: 2 files left out: they are the outputs of other inputs" in err
    assert err.strip().endswith("0 done, 2 skipped, 0 larger, 0 failed")
    assert main([str(a), "-k", "4", "--in-place-dir", "--suffix", ""]) == 1  # never the input
    assert "p00.png: the output would replace an input file" in capsys.readouterr().err


def test_outputs_inside_an_input_folder_are_not_taken_as_inputs_next_time(tmp_path, capsys):
    _photos(tmp_path / "photos", 2, (40, 30))
    argv = [str(tmp_path / "photos"), "-o", str(tmp_path / "photos" / "small"), "-k", "4"]
    assert main([*argv, "--keep-tree", "-j", "1"]) == 0
    assert main([*argv, "--keep-tree", "-j", "1", "--skip-existing"]) == 0
    err = capsys.readouterr().err
    assert "note: 2 files left out: they are the outputs of other inputs" in err
    assert err.strip().endswith("0 done, 2 skipped, 0 larger, 0 failed")
    assert sorted(p.name for p in (tmp_path / "photos" / "small").iterdir()) == [
        "p00_k4.png", "p01_k4.png"
    ]  # fmt: skip


@pytest.mark.parametrize(
    "args, message",
    [(["--suffix", "_{size}"], "unknown field {size}"),
     (["--suffix", "/x"], "cannot hold a folder separator"),
     (["--in-place-dir", "-o", "x"], "give no -o"),
     (["-j", "0"], "should be 1 or more")],
)  # fmt: skip
def test_bad_batch_arguments_are_usage_errors(tmp_path, capsys, args, message):
    with pytest.raises(SystemExit) as exit_:
        main([str(tmp_path), *args])
    assert exit_.value.code == 2 and message in capsys.readouterr().err


def test_progress_is_one_line_per_file_in_a_log_and_nothing_when_quiet(tmp_path):
    _photos(tmp_path / "in", 3, (40, 30))
    done = subprocess.run([sys.executable, "-m", "kmeans_gui.cli", str(tmp_path / "in"), "-o",
                           str(tmp_path / "o"), "-k", "4", "-j", "2"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    lines = done.stderr.splitlines()
    assert [line[:6] for line in lines[:3]] == ["[1/3] ", "[2/3] ", "[3/3] "]
    assert all("_k4.png, " in line and " -> " in line for line in lines[:3])
    assert lines[3:] == ["kmeans-compress: 3 done, 0 skipped, 0 larger, 0 failed"]
    assert "\r" not in done.stderr
    quiet = subprocess.run([sys.executable, "-m", "kmeans_gui.cli", str(tmp_path / "in"), "-o",
                            str(tmp_path / "q"), "-k", "4", "--quiet"],
                           capture_output=True, text=True, check=True)  # fmt: skip
    assert quiet.stderr == "" and quiet.stdout == ""


def test_progress_rewrites_one_line_on_a_terminal(tmp_path):
    _photos(tmp_path / "in", 3, (40, 30))
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "kmeans_gui.cli", str(tmp_path / "in"), "-o", str(tmp_path / "o"),
         "-k", "4", "-j", "1"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=follower,
    )  # fmt: skip
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed: the command ended
            break
        if not chunk:
            break
        seen += chunk
    assert process.wait(timeout=60) == 0
    os.close(leader)
    text = seen.decode()
    assert "\r[3/3] 100%" in text and "elapsed" in text
    assert "\x1b[K" in text and "[1/3] p00.png:" not in text  # rewritten, not one per file
    assert (
        text.replace("\r\n", "\n")
        .rstrip("\n")
        .endswith("\r\x1b[Kkmeans-compress: 3 done, 0 skipped, 0 larger, 0 failed")
    )


def test_a_job_starts_only_when_its_memory_fits_the_budget():
    pool = WorkerPool(2, abs, lambda job, code: None)
    try:
        for budget, together in ((10, 1), (20, 2)):
            started = []
            results = pool.run([-1, -2, -3], lambda job: 10, budget, started.append)
            first = next(results)
            assert len(started) == together  # started before the first result came back
            assert sorted([first, *results]) == [1, 2, 3]
    finally:
        pool.close()


def test_a_worker_killed_by_the_system_fails_its_file_and_the_rest_goes_on(tmp_path):
    inputs = _photos(tmp_path / "in", 12)
    out = tmp_path / "out"
    process = _start(tmp_path / "in", "-o", out, "-k", "64", "-j", "2", "--json")
    _wait_for_outputs(process, out, 1)
    workers = [
        int(entry) for entry in os.listdir("/proc") if entry.isdigit()
        and Path(f"/proc/{entry}/stat").exists()
        and Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1] == str(process.pid)
        and b"spawn_main" in Path(f"/proc/{entry}/cmdline").read_bytes()  # not the tracker
    ]  # fmt: skip
    os.kill(workers[0], signal.SIGKILL)  # as the kernel's out-of-memory killer would
    stdout, err = process.communicate(timeout=300)
    records = [json.loads(line) for line in stdout.decode().splitlines()]
    failed = [r for r in records if r["status"] == "failed"]
    assert len(records) == len(inputs) and len(failed) <= 1  # it may have been between files
    assert process.returncode == len(failed), err
    assert all("the worker process ended (signal 9)" in r["error"] for r in failed)
    assert len(list(out.iterdir())) == len(inputs) - len(failed)
