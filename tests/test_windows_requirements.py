"""The Windows build installs its packages from a pinned list (build_scripts/
windows-requirements.txt), not from pyproject.toml: every runtime dependency must be on it,
or the Windows app fails at start with ModuleNotFoundError (as it did for `deflate`)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

REPO = Path(__file__).resolve().parent.parent


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0].strip().lower().replace("_", "-")


def test_every_runtime_dependency_is_pinned_for_the_windows_build():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    needed = {_name(r) for r in project["dependencies"]}
    lines = (REPO / "build_scripts" / "windows-requirements.txt").read_text().splitlines()
    pinned = {_name(line) for line in lines if line.strip() and not line.startswith("#")}
    assert needed - pinned == set()
    assert all("==" in line for line in lines if line.strip() and not line.startswith("#"))
