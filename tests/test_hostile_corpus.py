"""The sweep: the command line over a few hundred odd and hostile files (tests/hostile_corpus.py)
in every output format, with every kind of report.

Each run must end in time with exit code 0 or 1 and no traceback; every input gets one result:
an output that decodes, whose reported size, dimensions, colours and figures are those of the
file read back, or a one-line message naming the file and the reason. The originals are left
unchanged and nothing but the outputs and the report is written. The window's sweep is in
test_window_hostile_corpus.py.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hostile_corpus import ERROR, OK, Case, make_corpus
from PIL import Image

from kmeans_gui.engine import composited_errors, mse
from kmeans_gui.files import ImageLoadError, shown_name
from kmeans_gui.imaging import decode_output, load_image

K = 8
RUN_SECONDS = 600


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, list[Case]]:
    root = tmp_path_factory.mktemp("hostile")
    return root, make_corpus(root / "corpus")


def tree_state(root: Path) -> dict[str, str]:
    """Every file and folder under `root` (names as bytes-safe text) with its content's hash."""
    state = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames:
            state[os.path.join(dirpath, name)] = "dir"
        for name in filenames:
            path = os.path.join(dirpath, name)
            if os.path.islink(path):
                state[path] = "link to " + os.readlink(path)
            elif os.path.isfile(path):
                state[path] = hashlib.sha256(Path(path).read_bytes()).hexdigest()
            else:
                state[path] = "other"  # the pipe
    return state


def run_cli(*args: object, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "kmeans_gui.cli", *map(str, args)]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True,
                          errors="surrogateescape", timeout=RUN_SECONDS)  # fmt: skip


def reported_figures_match(row: dict, case: Case, output: Path) -> None:
    """The reported dimensions, size, colours and MSE are those of the output read back."""
    data = output.read_bytes()
    assert row["output_bytes"] == len(data), case.path
    with Image.open(output) as written:
        assert written.size == (row["width"], row["height"]), case.path
    decoded, decoded_alpha = decode_output(data)
    alpha = np.full(decoded.shape[:2], 255, np.uint8) if decoded_alpha is None else decoded_alpha
    values = np.unique(np.dstack([decoded, alpha]).reshape(-1, 4), axis=0).shape[0]
    # "colors" leaves out the fully transparent entry
    assert values - 1 <= row["colors"] <= min(values, K), (case.path, values)
    original = load_image(case.path)
    assert decoded.shape == original.rgb.shape, case.path
    if original.alpha is None and decoded_alpha is None:
        measured = mse(original.rgb, decoded)
    else:
        opaque = np.full(decoded.shape[:2], 255, np.uint8)
        measured, _ = composited_errors(
            original.rgb.reshape(-1, 3),
            (opaque if original.alpha is None else original.alpha).ravel(),
            decoded.reshape(-1, 3),
            (opaque if decoded_alpha is None else decoded_alpha).ravel(),
        )
    assert math.isclose(row["mse"], measured, rel_tol=1e-3, abs_tol=1e-3), (case.path, measured)


@pytest.mark.parametrize("fmt, report", [("png", "report.csv"), ("gif", "report.json"),
                                         ("webp", "report.jsonl")])  # fmt: skip
def test_the_cli_over_the_hostile_corpus(corpus, tmp_path, fmt, report):
    root, cases = corpus
    folder = root / "corpus"
    named = [c for c in cases if not c.scanned and c.path.name != "._resource fork.png"]
    before = tree_state(folder)
    out = tmp_path / "out"
    run = run_cli("-k", K, "--format", fmt, "-o", out, "--json", "--report", tmp_path / report,
                  "-j", 2, "--", folder, *(c.path for c in named), cwd=tmp_path)  # fmt: skip
    assert run.returncode == 1, run.stderr[-3000:]  # some inputs must fail; no crash code
    assert "Traceback" not in run.stderr and "Logging error" not in run.stderr, run.stderr
    assert tree_state(folder) == before  # originals unchanged, nothing written beside them

    rows = [json.loads(line) for line in run.stdout.splitlines()]
    by_input = {row["input"]: row for row in rows}
    # a folder named on the command line is scanned like any folder (this one holds no image)
    rows_for = [c for c in named if not c.path.is_dir()]
    expected = [c for c in cases if c.scanned and c.path.name != "._resource fork.png"] + rows_for
    assert len(rows) == len(by_input) == len(expected)
    outputs = {replaced(str(p)): p for p in out.iterdir()}
    written = set()
    for case in expected:
        row = by_input[replaced(str(case.path))]  # undecodable bytes are U+FFFD in --json
        if row["status"] == "failed":
            assert case.expect != OK, (case.path, row["error"])
            message = row["error"]
            assert message.startswith(f"{shown_name(case.path)}: "), message
            assert "\n" not in message and "unexpected" not in message, message
            with pytest.raises(ImageLoadError):
                load_image(case.path)
        else:
            assert row["status"] in ("done", "larger") and case.expect != ERROR, (case.path, row)
            output = outputs[row["output"]]
            assert output.parent == out and output.suffix == f".{fmt}"
            reported_figures_match(row, case, output)
            written.add(output.name)
    assert {p.name for p in out.iterdir()} == written  # no stray (temporary) files

    report_path = tmp_path / report
    if report.endswith(".csv"):
        with report_path.open(newline="", encoding="utf-8") as stream:
            report_rows = list(csv.DictReader(stream))
    elif report.endswith(".jsonl"):
        report_rows = [json.loads(line) for line in report_path.read_text("utf-8").splitlines()]
    else:
        report_rows = json.loads(report_path.read_text("utf-8"))
    assert sorted(r["input"] for r in report_rows) == sorted(by_input)


def replaced(text: str) -> str:
    """`text` as the reports write it: bytes that are not UTF-8 as U+FFFD."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
