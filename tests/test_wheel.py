"""The wheel and sdist a pip or pipx user gets: built, installed into a fresh venv, run there.

Marked ``packaged`` (run by ``make package-test``, which CI runs): it installs the app's
dependencies into a new venv, a minute or two from pip's cache.
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import venv
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest
from PIL import Image
from self_test_runs import assert_passed, headless_env

ROOT = Path(__file__).resolve().parent.parent
RUNTIME_DATA = [
    "kmeans_gui/data/icon.png",
    "kmeans_gui/data/samples/coffee.png",
    "kmeans_gui/data/samples/LICENSES.md",
    # The window's catalogues, compiled by `make qm` (make package-test does it first).
    *(f"kmeans_gui/data/translations/kmeans_gui_{lang}.qm" for lang in ("de", "en", "es", "fr")),
]


def run(command: list[str], cwd: Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=900,
        **kwargs,  # type: ignore[arg-type]
    )  # fmt: skip
    assert done.returncode == 0, f"{command}: exit {done.returncode}\n{done.stdout}{done.stderr}"
    return done


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(wheel, sdist), the wheel built from the sdist as `python -m build` does."""
    out = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)], cwd=out)
    (wheel,) = out.glob("*.whl")
    (sdist,) = out.glob("*.tar.gz")
    return wheel, sdist


@pytest.mark.packaged
def test_wheel_and_sdist_carry_the_runtime_data_and_metadata(built: tuple[Path, Path]) -> None:
    wheel, sdist = built
    with zipfile.ZipFile(wheel) as whl:
        names = set(whl.namelist())
        (metadata_name,) = (n for n in names if n.endswith(".dist-info/METADATA"))
        metadata = Parser().parsestr(whl.read(metadata_name).decode())
    assert set(RUNTIME_DATA) <= names
    assert not any(n.startswith(("resources/", "tests/")) for n in names)
    assert metadata["License-Expression"].startswith("MIT")
    assert "LICENSE" in metadata.get_all("License-File")
    assert "Topic :: Multimedia :: Graphics" in metadata.get_all("Classifier")
    assert "k-means" in metadata["Keywords"]
    with tarfile.open(sdist) as tar:
        top = tar.getnames()[0].split("/")[0]
        members = {name.removeprefix(top + "/") for name in tar.getnames()}
    assert set(RUNTIME_DATA) <= members
    assert {"LICENSE", "pyproject.toml", "resources/kmeans-gui.desktop"} <= members


@pytest.mark.packaged
def test_installed_wheel_runs_outside_the_source_tree(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    """What `pipx install kmeans-gui` gives: both commands work without the source tree."""
    wheel, _ = built
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / ("Scripts" if sys.platform == "win32" else "bin")
    python = bin_dir / "python"
    run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         str(wheel)], cwd=tmp_path)  # fmt: skip
    env = headless_env(tmp_path)
    env.pop("PYTHONPATH", None)
    where = run([str(python), "-c", "import kmeans_gui; print(kmeans_gui.__file__)"],
                cwd=tmp_path, env=env)  # fmt: skip
    assert Path(where.stdout.strip()).is_relative_to(env_dir), where.stdout

    done = subprocess.run(
        [str(bin_dir / "kmeans-gui"), "--self-test"], env=env, capture_output=True, text=True,
        encoding="utf-8", timeout=300, cwd=tmp_path,
    )  # fmt: skip
    assert_passed(done)

    photo = tmp_path / "photo.png"
    Image.new("RGB", (64, 48), (200, 120, 40)).save(photo)
    out = tmp_path / "out"
    run([str(bin_dir / "kmeans-compress"), str(photo), "-k", "4", "-o", str(out)],
        cwd=tmp_path, env=env)  # fmt: skip
    with Image.open(out / "photo_k4.png") as result:
        assert result.mode == "P"
        assert result.size == (64, 48)
