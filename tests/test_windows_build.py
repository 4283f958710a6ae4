"""The Windows builds (``make package-windows``), run under Wine: ``make package-windows-test``.

Wine's own Visual C++ runtime is left out of the prefix (build_scripts/wine_windows.py), so a
DLL the bundle lacks fails here as on a PC without that runtime. The windowed programs have no
console: their self-test is judged by the exit status and ``--self-test-report``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "build_scripts"))
import wine_windows  # noqa: E402
from wine_windows import DIST, windows_path, wine, wine_env  # noqa: E402

pytestmark = pytest.mark.windows

ONE_FILE = DIST / "kmeans-gui.exe"
ONE_FOLDER = DIST / "kmeans-gui-dir" / "kmeans-gui.exe"
CLI = DIST / "kmeans-gui-dir" / "kmeans-compress.exe"
FONTS = Path("/usr/share/fonts/truetype/dejavu")  # fonts-dejavu-core
SELF_TEST_TIMEOUT = 240  # s; a self-test takes 20-30 s under Wine on a busy 2-core machine


def ok_line(platform: str) -> re.Pattern[str]:
    return re.compile(
        r"^self-test ok: coffee\.png K=8 -> [\d.]+ KiB PSNR [\d.]+ dB, K=32 -> [\d.]+ KiB PSNR "
        rf"[\d.]+ dB; window shown [\d.]+ s, first preview [\d.]+ s after the self-test started "
        rf"\({platform}\)\n$"
    )


@pytest.fixture(scope="module")
def x_display() -> Iterator[str]:
    """An X server (Xvfb) for every Wine program here; the Wine server restarted to use it.

    A Wine session started without a display keeps making windows without one.
    """
    subprocess.run(["wineserver", "-k"], env=wine_env(), check=False)
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(write)
    with open(read) as numbers:
        display = f":{numbers.readline().strip()}"
    try:
        yield display
    finally:
        server.terminate()
        server.wait(timeout=30)


def run_self_test(
    program: Path, tmp_path: Path, platform: str, display: str
) -> tuple[int, str, str]:
    """(exit status, report file, Wine's output) of ``program --self-test-report``."""
    assert program.is_file(), f"{program} is missing: run `make package-windows` first"
    report = tmp_path / "report.txt"
    if platform == "offscreen":
        qt = {"QT_QPA_PLATFORM": "offscreen", "QT_QPA_FONTDIR": windows_path(FONTS)}
    else:
        qt = {"QT_QPA_PLATFORM": platform}
    env = dict(wine_env(**qt), DISPLAY=display)
    # A bundle that cannot start shows a message box (PyInstaller's windowed bootloader) and
    # waits for a click that never comes: the timeout is the failure then.
    done = wine([windows_path(program), "--self-test-report", windows_path(report)], env=env,
                check=False, timeout=SELF_TEST_TIMEOUT)  # fmt: skip
    text = report.read_text(encoding="utf-8") if report.is_file() else ""
    return done.returncode, text, done.stdout + done.stderr


@pytest.mark.parametrize("program", [ONE_FILE, ONE_FOLDER], ids=["one-file", "one-folder"])
def test_self_test_offscreen(program: Path, tmp_path: Path, x_display: str) -> None:
    status, report, output = run_self_test(program, tmp_path, "offscreen", x_display)
    assert status == 0, f"exit {status}\n{report}\n{output}"
    assert ok_line("offscreen").match(report), report


@pytest.mark.parametrize("program", [ONE_FILE, ONE_FOLDER], ids=["one-file", "one-folder"])
def test_self_test_on_the_windows_platform(program: Path, tmp_path: Path, x_display: str) -> None:
    status, report, output = run_self_test(program, tmp_path, "windows", x_display)
    assert status == 0, f"exit {status}\n{report}\n{output}"
    assert ok_line("windows").match(report), report


def test_command_line(tmp_path: Path, x_display: str) -> None:
    """kmeans-compress.exe on a PNG and a HEIC photo; its table through a pipe, which a
    Windows Python writes in the ANSI code page (cp1252: no ΔE)."""
    import pillow_heif

    assert CLI.is_file(), f"{CLI} is missing: run `make package-windows` first"
    pillow_heif.register_heif_opener()
    y, x = np.mgrid[0:90, 0:120]
    image = Image.fromarray(np.stack([x * 2, y * 2, (x + y) // 2], axis=-1).astype(np.uint8))
    photos = [tmp_path / "plain.png", tmp_path / "phone ☀.heic"]
    image.save(photos[0])
    image.save(photos[1], format="HEIF", quality=90)
    out = tmp_path / "out"
    env = dict(wine_env(), DISPLAY=x_display)
    done = wine([windows_path(CLI), *map(windows_path, photos), "-k", "8", "-o",
                 windows_path(out)], env=env, check=False)  # fmt: skip
    report = f"exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    assert done.returncode == 0, report
    assert "Oklab \\u0394E" in done.stdout, report
    for name in ("plain_k8.png", "phone ☀_k8.png"):
        with Image.open(out / name) as result:
            assert (result.mode, result.size) == ("P", (120, 90)), name
    missing = wine([windows_path(CLI), windows_path(tmp_path / "absent.png")], env=env,
                   check=False)  # fmt: skip
    assert missing.returncode == 1, missing.stderr
    assert "absent.png" in missing.stderr


@pytest.mark.parametrize(
    ("program", "description"),
    [(ONE_FILE, "K-means Photo Compressor"), (CLI, "kmeans-compress")],
    ids=["window", "command-line"],
)
def test_icon_and_version_resource(program: Path, description: str) -> None:
    sys.path.insert(0, str(wine_windows.PYTHON_DIR / "Lib" / "site-packages"))
    import pefile

    pe = pefile.PE(str(program))
    kinds = {entry.id for entry in pe.DIRECTORY_ENTRY_RESOURCE.entries}
    assert pefile.RESOURCE_TYPE["RT_GROUP_ICON"] in kinds
    strings = {
        key.decode(): value.decode()
        for info in pe.FileInfo[0]
        if info.Key == b"StringFileInfo"
        for table in info.StringTable
        for key, value in table.entries.items()
    }
    assert strings["FileDescription"] == description
    assert strings["ProductVersion"] == wine_windows.project_version()


def registry_value(key: str, name: str | None, env: dict[str, str]) -> str | None:
    """A REG_SZ value of the prefix's registry (name None: the key's default), or None."""
    done = wine(["reg", "query", key, *(["/v", name] if name else ["/ve"])], env=env,
                check=False, timeout=120)  # fmt: skip
    for line in done.stdout.splitlines():
        parts = line.split("REG_SZ", 1)
        if len(parts) == 2:  # only the one value asked for is listed
            value = parts[1].strip()
            return None if value == "(value not set)" else value
    return None


def test_installer_registers_open_with_and_uninstalls(tmp_path: Path, x_display: str) -> None:
    """kmeans-gui-setup.exe /S: the app runs from where it was installed, is offered in
    "Open with" for images (not made their default), and its uninstaller removes it all."""
    installer = DIST / "kmeans-gui-setup.exe"
    assert installer.is_file(), f"{installer} is missing: run `make package-windows` first"
    env = dict(wine_env(), DISPLAY=x_display)
    target = tmp_path / "installed-app"  # NSIS takes /D= unquoted: no spaces
    done = wine([windows_path(installer), "/S", f"/D={windows_path(target)}"], env=env,
                check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    exe = target / "kmeans-gui.exe"
    classes = r"HKCU\Software\Classes"
    try:
        command = registry_value(rf"{classes}\Applications\kmeans-gui.exe\shell\open\command",
                                 None, env)  # fmt: skip
        assert command == f'"{windows_path(exe)}" "%1"'
        for ext in (".png", ".jpg", ".heic", ".webp"):
            assert registry_value(rf"{classes}\{ext}\OpenWithProgids", "KMeansGui.Image",
                                  env) == ""  # fmt: skip
            assert registry_value(rf"{classes}\{ext}", None, env) is None  # no default taken
        status, report, output = run_self_test(exe, tmp_path, "offscreen", x_display)
        assert status == 0, f"exit {status}\n{report}\n{output}"
        assert ok_line("offscreen").match(report), report
    finally:
        wine([windows_path(target / "uninstall.exe"), "/S"], env=env, check=False)
    # The uninstaller copies itself to a temporary folder and returns at once.
    for _ in range(60):
        if not target.exists():
            break
        time.sleep(1)
    assert not target.exists()
    assert registry_value(rf"{classes}\.png\OpenWithProgids", "KMeansGui.Image", env) is None
    assert registry_value(rf"{classes}\KMeansGui.Image", None, env) is None
