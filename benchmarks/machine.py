"""The machine a run is measured on: CPU, cores, memory, OS, Python, NumPy, Pillow, commit."""

from __future__ import annotations

import os
import platform
import subprocess
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _first_line(path: str, prefix: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith(prefix):
                    return line.split(":", 1)[-1].split("=", 1)[-1].strip().strip('"')
    except OSError:
        return None
    return None


def _git(*args: str) -> str:
    done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
    return done.stdout.strip()


def machine() -> dict[str, Any]:
    """CPU, cores, memory, OS, Python and the engine's git commit."""
    mem = _first_line("/proc/meminfo", "MemTotal")

    info: dict[str, Any] = {
        "cpu": _first_line("/proc/cpuinfo", "model name") or platform.processor(),
        "cores": os.cpu_count(),
        "memory_gb": round(int(mem.split()[0]) / 1024**2, 1) if mem else None,
        "os": _first_line("/etc/os-release", "PRETTY_NAME") or platform.platform(),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "commit": _git("rev-parse", "--short", "HEAD"),
        "engine_changed_since_commit": bool(_git("status", "--porcelain", "kmeans_gui")),
    }
    try:
        import numpy
        from PIL import Image

        info["numpy"] = numpy.__version__
        info["pillow"] = Image.__version__
    except ImportError:  # pragma: no cover - both are dependencies of the app
        pass
    return info
