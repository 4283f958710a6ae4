"""Running the app's self-test headless (from source, the built program, the installed wheel)
and checking it passed: exit status 0, exactly its one line on stdout, nothing on stderr."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

OK_LINE = re.compile(
    r"^self-test ok: coffee\.png K=8 -> [\d.]+ KiB PSNR [\d.]+ dB, "
    r"K=32 -> [\d.]+ KiB PSNR [\d.]+ dB; window shown [\d.]+ s, first preview [\d.]+ s "
    r"after the self-test started \(offscreen\)$"
)


def headless_env(tmp_path: Path) -> dict[str, str]:
    """The environment for running the app headless, with a clean runtime folder of its own."""
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(runtime))
    env.pop("KMEANS_GUI_LAUNCHED_AT", None)
    return env


def run_self_test(
    command: list[str], tmp_path: Path, *options: str, encoding: str = "utf-8"
) -> subprocess.CompletedProcess[str]:
    """Run ``command --self-test`` headless, with a clean runtime folder of its own.

    `encoding` is the one the program's stdout and stderr get (PYTHONIOENCODING), as a pipe
    on Windows gets the ANSI code page.
    """
    env = dict(headless_env(tmp_path), PYTHONIOENCODING=encoding)
    return subprocess.run(
        [*command, *(options or ["--self-test"])], env=env, capture_output=True, text=True,
        encoding=encoding, timeout=300, cwd=tmp_path,
    )  # fmt: skip


def assert_passed(done: subprocess.CompletedProcess[str]) -> None:
    """Exit status 0, exactly the one line on stdout, nothing on stderr."""
    report = f"exit {done.returncode}\nstdout:\n{done.stdout}\nstderr:\n{done.stderr}"
    assert done.returncode == 0, report
    assert OK_LINE.match(done.stdout.rstrip("\n")), report
    assert done.stdout.count("\n") == 1, report
    assert done.stderr == "", report
