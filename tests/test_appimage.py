"""The AppImage (``make package-appimage``), run by ``make package-test`` (marked ``packaged``).

It is started each way a user's machine may start it: mounted through FUSE (the usual, fast
way), unpacked for the run when asked (``APPIMAGE_EXTRACT_AND_RUN=1``), and unpacked because
FUSE fails (a mount namespace whose /dev/fuse is /dev/null).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from test_packaging import assert_passed, headless_env, run_self_test

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "build_scripts"))
from appimage import APPIMAGE, elf_size  # noqa: E402

pytestmark = pytest.mark.packaged


@pytest.fixture(scope="module")
def appimage() -> Path:
    assert APPIMAGE.is_file(), f"{APPIMAGE} is missing: run `make package-appimage` first"
    return APPIMAGE


@pytest.mark.parametrize("how", ["mounted", "extracted"])
def test_self_test_of_the_appimage(
    tmp_path: Path, appimage: Path, how: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    extracted = set(Path("/tmp").glob("appimage_extracted_*"))
    if how == "extracted":
        monkeypatch.setenv("APPIMAGE_EXTRACT_AND_RUN", "1")
    else:
        monkeypatch.delenv("APPIMAGE_EXTRACT_AND_RUN", raising=False)
    assert_passed(run_self_test([str(appimage)], tmp_path))
    # The runtime removes what it unpacked for the run; the FUSE server, told that the app
    # exited, unmounts and removes its mount point.
    assert set(Path("/tmp").glob("appimage_extracted_*")) == extracted
    deadline = time.monotonic() + 30
    while list(Path("/tmp").glob(".mount_kmeans-gui_*")) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not list(Path("/tmp").glob(".mount_kmeans-gui_*"))


def test_appimage_without_fuse_unpacks_itself(tmp_path: Path, appimage: Path) -> None:
    """Where FUSE fails, one line says so and the app runs unpacked."""
    namespace = ["unshare", "--mount"] + ([] if os.geteuid() == 0 else ["--map-root-user"])
    script = 'mount --bind /dev/null /dev/fuse && exec "$0" "$@"'
    done = run_self_test([*namespace, "sh", "-c", script, str(appimage)], tmp_path)
    report = f"exit {done.returncode}\nstdout:\n{done.stdout}\nstderr:\n{done.stderr}"
    assert done.returncode == 0, report
    assert done.stdout.count("\n") == 1 and done.stdout.startswith("self-test ok:"), report
    assert done.stderr.splitlines() == [
        f"{appimage}: cannot mount itself with FUSE (it needs libfuse3.so.3, fusermount3 and "
        "/dev/fuse): unpacking for this run instead"
    ], report


def compress(command: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    y, x = np.mgrid[0:60, 0:80]
    image = Image.fromarray(np.stack([x * 3, y * 4, (x + y) // 2], axis=-1).astype(np.uint8))
    photo = tmp_path / "photo ☀.png"
    image.save(photo)
    return subprocess.run(
        [*command, str(photo), "-k", "8", "-o", str(tmp_path / "out")],
        env=headless_env(tmp_path), capture_output=True, text=True, encoding="utf-8",
        timeout=300, cwd=tmp_path,
    )  # fmt: skip


@pytest.mark.parametrize("route", ["link", "first-argument"])
def test_command_line_in_the_appimage(tmp_path: Path, appimage: Path, route: str) -> None:
    """kmeans-compress, through a link of that name or as the first argument."""
    if route == "link":
        link = tmp_path / "kmeans-compress"
        link.symlink_to(appimage)
        command = [str(link)]
    else:
        command = [str(appimage), "kmeans-compress"]
    done = compress(command, tmp_path)
    report = f"exit {done.returncode}\nstdout:\n{done.stdout}\nstderr:\n{done.stderr}"
    assert done.returncode == 0, report
    assert "Oklab ΔE×100" in done.stdout.splitlines()[0], report
    with Image.open(tmp_path / "out" / "photo ☀_k8.png") as result:
        assert (result.mode, result.size) == ("P", (80, 60)), report
        assert len(result.getcolors()) <= 8, report
    missing = subprocess.run(
        [*command, str(tmp_path / "absent.png")], env=headless_env(tmp_path),
        capture_output=True, text=True, encoding="utf-8", timeout=300, cwd=tmp_path,
    )  # fmt: skip
    assert missing.returncode == 1, missing.stderr
    assert "absent.png" in missing.stderr


def tree(folder: Path) -> dict[str, tuple[int, str]]:
    """{relative path: (mode, content digest or link target)} of everything in `folder`."""
    entries = {}
    for path in sorted(folder.rglob("*")):
        mode = path.lstat().st_mode
        if path.is_symlink():
            content = os.readlink(path)
        elif path.is_file():
            content = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            content = ""
        entries[str(path.relative_to(folder))] = (mode, content)
    return entries


def test_appimage_contents(tmp_path: Path, appimage: Path) -> None:
    """A type-2 AppImage whose squashfs has the entry point, desktop entry, icon and valid
    AppStream metainfo; the runtime unpacks it as it was packed."""
    data = appimage.read_bytes()
    assert data[:4] == b"\x7fELF" and data[8:11] == b"AI\x02"
    runtime_size = elf_size(data)
    offset = subprocess.run(
        [str(appimage), "--appimage-offset"], capture_output=True, text=True, timeout=60
    )
    assert offset.stdout == f"{runtime_size}\n", offset
    assert data[runtime_size : runtime_size + 4] == b"hsqs"

    root, ours = tmp_path / "root", tmp_path / "ours"
    subprocess.run(
        ["unsquashfs", "-q", "-n", "-o", str(runtime_size), "-d", str(root), str(appimage)],
        check=True, capture_output=True,
    )  # fmt: skip
    subprocess.run(
        [str(appimage), "--appimage-extract", str(ours)], check=True, capture_output=True
    )
    assert tree(ours) == tree(root)
    for name in ("AppRun", "kmeans-gui", "kmeans-compress"):
        assert (root / name).stat().st_mode & 0o111, name
    assert (root / ".DirIcon").resolve() == (root / "kmeans-gui.png").resolve()
    with Image.open(root / "kmeans-gui.png") as icon:
        assert (icon.format, icon.size) == ("PNG", (512, 512))
    assert (root / "kmeans-gui.desktop").read_bytes() == (
        ROOT / "resources" / "kmeans-gui.desktop"
    ).read_bytes()
    metainfo = root / "usr" / "share" / "metainfo" / "kmeans-gui.appdata.xml"
    validated = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(metainfo)], capture_output=True, text=True
    )
    assert validated.returncode == 0, validated.stdout + validated.stderr
