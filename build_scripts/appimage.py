"""Pack the one-folder Linux build into an AppImage: ``make package-appimage``.

    python build_scripts/appimage.py    # dist/kmeans-gui-dir/ -> dist/kmeans-gui-x86_64.AppImage

An AppImage is a small ELF program, the *runtime* (``AI\\x02`` at byte 8), with a squashfs
image of the app appended. Started, the runtime mounts the squashfs read-only through FUSE and
runs its ``AppRun``: nothing is unpacked, unlike the one-file build at each start. Where FUSE
cannot be used it unpacks the image to a temporary folder for that run instead.

The runtime is ours, ``appimage_runtime.c``, built here with Debian's libsquashfuse (BSD-2)
and libzstd (BSD-3) linked in; it loads the machine's libfuse 3 when it runs. The official
runtime is in no registry package (PyPI and npm packages download it from GitHub), and
AppImageKit's older one, found inside a PyPI wheel, needs libfuse 2 and stops where FUSE is
missing (README, "Linux AppImage"). The squashfs (Debian's ``squashfs-tools``) holds the one
folder with ``AppRun`` (``build_scripts/AppRun``: the window, or ``kmeans-compress`` when
started through a link of that name or with ``kmeans-compress`` as first argument), the
desktop entry, the icon and the AppStream metainfo, checked with ``desktop-file-validate``
and ``appstreamcli``.

Needs ``gcc``, ``libsquashfuse-dev``, ``libfuse3-dev``, ``libzstd-dev``, ``zlib1g-dev``,
``squashfs-tools``, ``appstream`` and ``desktop-file-utils`` (Debian).
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
ONE_FOLDER = ROOT / "dist" / "kmeans-gui-dir"
APPIMAGE = ROOT / "dist" / "kmeans-gui-x86_64.AppImage"
WORK = ROOT / "build" / "appimage"
APP = "kmeans-gui"

RUNTIME_SOURCE = HERE / "appimage_runtime.c"
APPIMAGE_MAGIC = b"AI\x02"  # type 2, at byte 8 (ELF header padding)
TOOLS = ["gcc", "mksquashfs", "appstreamcli", "desktop-file-validate"]


def step(message: str) -> None:
    print(f"appimage: {message}", flush=True)


def elf_size(elf: bytes) -> int:
    """The size of a 64-bit little-endian ELF file at the head of `elf`: its section header
    table is its last part, so this is where an AppImage's squashfs starts."""
    if elf[:4] != b"\x7fELF" or elf[4] != 2 or elf[5] != 1:
        raise SystemExit("appimage: the runtime is not a 64-bit little-endian ELF program")
    (table,) = struct.unpack_from("<Q", elf, 0x28)
    entry_size, count = struct.unpack_from("<HH", elf, 0x3A)
    return table + entry_size * count


def build_runtime() -> bytes:
    """appimage_runtime.c compiled, with the AppImage magic."""
    runtime = WORK / "runtime"
    WORK.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["gcc", "-O2", "-Wall", "-Wextra", "-Werror", "-DFUSE_USE_VERSION=32",
         "-I/usr/include/fuse3", "-o", str(runtime), str(RUNTIME_SOURCE), "-no-pie",
         "-Wl,-Bstatic", "-lsquashfuse_ll", "-lsquashfuse", "-lzstd", "-Wl,-Bdynamic", "-lz",
         "-ldl"],
        capture_output=True, text=True,
    )  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(
            f"appimage: the runtime did not compile (Debian: gcc libsquashfuse-dev "
            f"libfuse3-dev libzstd-dev zlib1g-dev):\n{done.stderr}"
        )
    elf = bytearray(runtime.read_bytes())
    if elf_size(bytes(elf)) != len(elf):
        raise SystemExit("appimage: the runtime's section headers are not at its end")
    elf[8 : 8 + len(APPIMAGE_MAGIC)] = APPIMAGE_MAGIC
    return bytes(elf)


def link_or_copy(source: str, target: str) -> None:
    """Hard links where the file system allows (the one folder is 130 MB), else copies."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def make_appdir() -> Path:
    """The AppDir: the one folder, AppRun, desktop entry, icon and metainfo; checked."""
    if not (ONE_FOLDER / APP).is_file() or not (ONE_FOLDER / "kmeans-compress").is_file():
        raise SystemExit(f"appimage: {ONE_FOLDER} is not built: run `make package` first")
    appdir = WORK / "AppDir"
    shutil.rmtree(appdir, ignore_errors=True)
    shutil.copytree(ONE_FOLDER, appdir, symlinks=True, copy_function=link_or_copy)
    shutil.copy(HERE / "AppRun", appdir / "AppRun")
    (appdir / "AppRun").chmod(0o755)
    desktop = ROOT / "resources" / f"{APP}.desktop"
    icon = ROOT / "kmeans_gui" / "data" / "icon.png"
    share = appdir / "usr" / "share"
    for folder, source, name in (
        (appdir, desktop, desktop.name),
        (share / "applications", desktop, desktop.name),
        (appdir, icon, f"{APP}.png"),
        (share / "icons" / "hicolor" / "512x512" / "apps", icon, f"{APP}.png"),
        # appimagetool's name for it: the desktop file's name with .appdata.xml
        (share / "metainfo", ROOT / "resources" / f"{APP}.metainfo.xml", f"{APP}.appdata.xml"),
    ):
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, folder / name)
    (appdir / ".DirIcon").symlink_to(f"{APP}.png")
    for command in (
        ["desktop-file-validate", str(appdir / desktop.name)],
        ["appstreamcli", "validate", "--no-net", str(share / "metainfo" / f"{APP}.appdata.xml")],
    ):
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0 or "error:" in done.stdout.lower():
            raise SystemExit(f"appimage: {' '.join(command)} failed:\n{done.stdout}{done.stderr}")
    return appdir


def build() -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        raise SystemExit(
            f"appimage: missing {', '.join(missing)} (Debian: gcc, squashfs-tools, appstream, "
            "desktop-file-utils)"
        )
    runtime = build_runtime()
    appdir = make_appdir()
    squashfs = WORK / "app.squashfs"
    squashfs.unlink(missing_ok=True)
    # zstd: smaller than gzip (58 against 64 MB) and quicker to unpack at each start (TRIED.md).
    subprocess.run(
        ["mksquashfs", str(appdir), str(squashfs), "-root-owned", "-noappend", "-comp", "zstd",
         "-Xcompression-level", "19", "-quiet", "-no-progress"],
        check=True,
    )  # fmt: skip
    image = runtime + squashfs.read_bytes()
    # Written beside its place and renamed: a failed build leaves no half AppImage there.
    part = APPIMAGE.with_name(APPIMAGE.name + ".part")
    part.write_bytes(image)
    part.chmod(0o755)
    part.replace(APPIMAGE)
    step(f"{APPIMAGE.relative_to(ROOT)}: {len(image) / 1e6:.1f} MB")


if __name__ == "__main__":
    build()
