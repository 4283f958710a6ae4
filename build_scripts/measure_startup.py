"""Measure start-up: run ``<program> --self-test`` a few times and report the median times.

    python build_scripts/measure_startup.py dist/kmeans-gui
    python build_scripts/measure_startup.py dist/kmeans-gui-dir/kmeans-gui
    python build_scripts/measure_startup.py -- python -m kmeans_gui

Each run gets ``KMEANS_GUI_LAUNCHED_AT`` (the time just before the process is started), so the
self-test counts its times from the launch: "window shown" is launch to the main window on
screen, "first preview" launch to the first compressed preview of the sample photo. "total" is
the whole self-test run, to the process exit. The first run (cold caches; the one-file
program's first unpacking) is reported apart and left out of the medians.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time

_TIMES = re.compile(r"window shown ([\d.]+) s, first preview ([\d.]+) s after launch")


def run_once(command: list[str]) -> tuple[float, float, float]:
    """Return (window shown, first preview, total) in seconds for one self-test run."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    launched = time.time()
    env["KMEANS_GUI_LAUNCHED_AT"] = repr(launched)
    done = subprocess.run(
        [*command, "--self-test"], env=env, capture_output=True, text=True, timeout=300
    )
    total = time.time() - launched
    match = _TIMES.search(done.stdout)
    if done.returncode != 0 or match is None:
        raise SystemExit(f"{' '.join(command)} --self-test failed:\n{done.stdout}{done.stderr}")
    return float(match[1]), float(match[2]), total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", nargs="+", help="the program (and its first arguments)")
    parser.add_argument("-n", "--runs", type=int, default=5, help="runs after the first")
    args = parser.parse_args(argv)
    first = run_once(args.command)
    runs = [run_once(args.command) for _ in range(args.runs)]
    median = [statistics.median(r[i] for r in runs) for i in range(3)]
    print(
        f"{' '.join(args.command)}: window shown {median[0]:.2f} s, first preview "
        f"{median[1]:.2f} s, total {median[2]:.2f} s (median of {args.runs}); "
        f"first run {first[0]:.2f} / {first[1]:.2f} / {first[2]:.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
