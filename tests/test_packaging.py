"""The self-test, from source and from the PyInstaller build; the packaging files themselves.

The tests marked ``packaged`` start ``dist/kmeans-gui``: ``make package-test`` builds it and
runs them (``pytest -m packaged``); ``make test`` leaves them out (``-m "not packaged"``).
"""

from __future__ import annotations

import configparser
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from self_test_runs import OK_LINE, assert_passed, headless_env, run_self_test

from kmeans_gui.app import selftest
from kmeans_gui.resources import resource_path

ROOT = Path(__file__).resolve().parent.parent
PACKAGED = ROOT / "dist" / ("kmeans-gui.exe" if sys.platform == "win32" else "kmeans-gui")


def test_self_test_from_source(tmp_path: Path) -> None:
    assert_passed(run_self_test([sys.executable, "-m", "kmeans_gui"], tmp_path))


def test_self_test_report_file_through_a_cp1252_pipe(tmp_path: Path) -> None:
    """A Windows test harness: stdout a cp1252 pipe, the result also read from a file."""
    report = tmp_path / "report.txt"
    done = run_self_test(
        [sys.executable, "-m", "kmeans_gui"], tmp_path, "--self-test-report", str(report),
        encoding="cp1252",
    )  # fmt: skip
    assert_passed(done)
    assert report.read_text(encoding="utf-8") == done.stdout


def test_self_test_fails_with_status_1_and_an_unencodable_reason(tmp_path: Path) -> None:
    """A report that cannot be written fails the self-test; its name has no cp1252 form."""
    report = tmp_path / "no such folder" / "report ☀.txt"
    done = run_self_test(
        [sys.executable, "-m", "kmeans_gui"], tmp_path, "--self-test-report", str(report),
        encoding="cp1252",
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert OK_LINE.match(done.stdout.rstrip("\n")), done.stdout  # the test itself passed
    last = done.stderr.splitlines()[-1]
    assert last.startswith("self-test FAILED: cannot write the report: "), done.stderr
    assert "report \\u2600.txt" in last, done.stderr
    assert "Traceback" not in done.stderr


PACKAGED_DIR = ROOT / "dist" / "kmeans-gui-dir" / PACKAGED.name


@pytest.mark.packaged
@pytest.mark.parametrize("program", [PACKAGED, PACKAGED_DIR], ids=["one-file", "one-folder"])
def test_self_test_of_the_built_program(tmp_path: Path, program: Path) -> None:
    assert program.is_file(), f"{program} is missing: run `make package` first"
    assert_passed(run_self_test([str(program)], tmp_path))


PACKAGED_CLI = PACKAGED_DIR.with_name(
    "kmeans-compress.exe" if sys.platform == "win32" else "kmeans-compress"
)


@pytest.mark.packaged
def test_command_line_of_the_one_folder_build(tmp_path: Path) -> None:
    """kmeans-compress beside the window: a photo and a HEIC one, its table, its exit status.

    (A frozen program ignores PYTHONIOENCODING; the cp1252 pipe is tried on the Windows build,
    tests/test_windows_build.py.)"""
    import pillow_heif

    assert PACKAGED_CLI.is_file(), f"{PACKAGED_CLI} is missing: run `make package` first"
    pillow_heif.register_heif_opener()
    y, x = np.mgrid[0:90, 0:120]
    image = Image.fromarray(np.stack([x * 2, y * 2, (x + y) // 2], axis=-1).astype(np.uint8))
    photos = [tmp_path / "plain.png", tmp_path / "phone ☀.heic"]
    image.save(photos[0])
    image.save(photos[1], format="HEIF", quality=90)
    env = headless_env(tmp_path)
    done = subprocess.run(
        [str(PACKAGED_CLI), *map(str, photos), "-k", "8", "-o", str(tmp_path / "out")],
        env=env, capture_output=True, text=True, encoding="utf-8", timeout=300, cwd=tmp_path,
    )  # fmt: skip
    report = f"exit {done.returncode}\nstdout:\n{done.stdout}\nstderr:\n{done.stderr}"
    assert done.returncode == 0, report
    assert "Oklab ΔE×100" in done.stdout.splitlines()[0], report
    assert [line.split()[0] for line in done.stdout.splitlines()[2:]] == ["plain.png", "phone"]
    for name in ("plain_k8.png", "phone ☀_k8.png"):
        with Image.open(tmp_path / "out" / name) as result:
            assert (result.mode, result.size) == ("P", (120, 90)), name
    missing = subprocess.run(
        [str(PACKAGED_CLI), str(tmp_path / "absent.png")], env=env, capture_output=True,
        text=True, encoding="utf-8", timeout=300, cwd=tmp_path,
    )  # fmt: skip
    assert missing.returncode == 1, missing.stderr
    assert "absent.png" in missing.stderr


@pytest.mark.packaged
@pytest.mark.parametrize("program", [PACKAGED, PACKAGED_DIR], ids=["one-file", "one-folder"])
def test_built_program_opens_heic_and_avif_with_non_ascii_names(
    tmp_path: Path, program: Path
) -> None:
    """The slimmed bundle (trimmed ICU data, no HEVC encoder) still reads HEIC and AVIF photos.

    Each photo is given on the command line; ``--screenshot`` quits once its compressed
    preview is shown, so a screenshot means the photo was decoded and compressed.
    """
    import pillow_heif

    pillow_heif.register_heif_opener()
    y, x = np.mgrid[0:120, 0:160]
    image = Image.fromarray(np.stack([x, y * 2, (x + y) // 2], axis=-1).astype(np.uint8))
    photos = [tmp_path / "été à Zürich.heic", tmp_path / "日本の写真.avif"]
    image.save(photos[0], format="HEIF", quality=90)
    image.save(photos[1], format="AVIF", quality=90)
    for photo in photos:
        shot = tmp_path / f"{photo.suffix[1:]}.png"
        done = subprocess.run(
            [str(program), "--settings", str(tmp_path / "settings.ini"),
             "--screenshot", str(shot), str(photo)],
            env=headless_env(tmp_path), capture_output=True, text=True, encoding="utf-8",
            timeout=120, cwd=tmp_path,
        )  # fmt: skip
        report = f"{photo.name}: exit {done.returncode}\n{done.stdout}{done.stderr}"
        assert done.returncode == 0, report
        assert shot.is_file(), report


def test_check_output_refuses_more_colours_than_k(tmp_path: Path) -> None:
    sample = resource_path("samples", selftest.SAMPLE)
    with Image.open(sample) as im:
        size = im.size
    indices = (np.arange(size[0] * size[1]) % 16).astype(np.uint8)
    image = Image.frombytes("P", size, indices.tobytes())
    image.putpalette(bytes(range(48)))
    path = tmp_path / "sixteen.png"
    image.save(path)
    with pytest.raises(selftest.SelfTestError, match="K=8: sixteen.png has 16 palette colours"):
        selftest._check_output(sample, 8, path)


def test_desktop_entry() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(ROOT / "resources" / "kmeans-gui.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"] == "kmeans-gui %F"
    assert desktop["Icon"] == "kmeans-gui"
    assert "image/jpeg" in desktop["MimeType"].split(";")
    assert "image/png" in desktop["MimeType"].split(";")


def test_icon_source() -> None:
    """The one image every icon is made from (build_scripts/make_icon.py draws it)."""
    with Image.open(ROOT / "kmeans_gui" / "data" / "icon.png") as icon:
        assert icon.format == "PNG"
        assert icon.mode == "RGBA"
        assert icon.size == (512, 512)


def test_release_workflow() -> None:
    """The release workflow (not run here) parses, builds on each platform, self-tests each."""
    import yaml

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "release.yml").read_text())
    build = workflow["jobs"]["build"]
    systems = {entry["os"].split("-")[0] for entry in build["strategy"]["matrix"]["include"]}
    assert systems == {"ubuntu", "windows", "macos"}
    for system in ("Linux", "Windows", "macOS"):
        scripts = [
            step.get("name", "") + "\n" + step["run"]
            for step in build["steps"]
            if step.get("if") == f"runner.os == '{system}'"
        ]
        assert any("self-test" in script for script in scripts), system
        assert any("kmeans-compress" in script or "package-test" in script for script in scripts)
    assert workflow["jobs"]["release"]["needs"] == "build"
