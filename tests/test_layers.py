"""The import-linter contracts of pyproject.toml (run by `make lint`) cover every module."""

from __future__ import annotations

import pkgutil
import sys
from pathlib import Path

import kmeans_gui

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

REPO = Path(__file__).resolve().parent.parent


def test_every_module_outside_the_app_is_held_to_the_qt_contract():
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = {c["name"]: c for c in config["tool"]["importlinter"]["contracts"]}
    qt = contracts["Qt stays in kmeans_gui.app"]
    modules = {
        f"kmeans_gui.{info.name}"
        for info in pkgutil.iter_modules(kmeans_gui.__path__)
        if info.name not in ("app", "__main__")
    }
    assert modules == set(qt["source_modules"])
    assert {"PySide6", "kmeans_gui.app"} <= set(qt["forbidden_modules"])
