"""Smaller stand-ins, made at build time, for two large Linux libraries the app barely uses.

``libicudata.so.NN`` (PySide6's ICU data: 32 MB, 12 MB compressed in the one-file app) holds all
of CLDR: every locale's names, units, currencies, time-zone names, break rules, transliterators,
number spell-out, 200+ legacy code pages. QtCore calls ICU for four things only (its imported
ICU functions say so): collation (QCollator; Qt's own file dialog sorts names with it), case
mapping (QLocale::toUpper; built into libicuuc, no data), legacy text codecs (QStringConverter
for names Qt does not handle itself) and time zones (QTimeZone's IDs and display names). The
rebuilt library keeps what the first three and the time-zone IDs need: all collation data, the
codec aliases and every single-byte code page (Windows-125x, ISO-8859-x, KOI8, DOS...). Gone:
multi-byte legacy codecs (Shift_JIS, GBK, Big5, EUC-KR: QStringDecoder reports them invalid)
and localized time-zone names (QTimeZone.displayName() gives "" or an offset), plus everything
Qt never asks ICU for. It has the same SONAME and data symbol, made with ICU's own tools
(icupkg, genccode from Debian's icu-devtools) and gcc, and is checked before use: QtCore must
sort, upper-case and decode exactly as with the original, without a warning.

``libx265`` (pillow-heif's HEVC *encoder*: 23 MB, 4 MB compressed) is replaced by a stub whose
``x265_api_get`` returns NULL, as libheif's x265 plugin allows: reading HEIC (libde265) works
as before, and writing HEIC, which the app never does, fails with "Bit depth not supported by
x265" instead of encoding.

Each function returns the path of the stand-in, or None after printing why it could not make
one here; the spec then bundles the original library, so the build never fails for it.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

# ICU data items kept (names inside the package, "*" at the end for a prefix). Single-byte code
# pages (.cnv with one byte per character at most) are kept too, found by reading their header.
ICU_KEEP = [
    "coll/*",  # collation: the root order (ucadata.icu) and every language's tailoring
    "keyTypeData.res",  # locale keywords (e.g. de@collation=phonebook) for ucol_open
    "cnvalias.icu",  # code page names and aliases: ucnv_open looks every name up here
    "zoneinfo64.res", "timezoneTypes.res",  # time-zone rules and IDs (ucal_open, canonical IDs)
]  # fmt: skip

_QT_ICU_CHECK = r"""
from functools import cmp_to_key
from PySide6.QtCore import QCollator, QLocale, QStringDecoder, QTimeZone
words = ["Äpfel", "apple", "Zebra", "öl", "ärm", "file10", "file9", "İstanbul", "ıi", "ch",
         "cz", "Ångström", "ħ", "été", "日本", "中文", "한국", "Ёлка", "ель", "ç", "c"]
result = []
for name in ("en_US", "de_DE", "sv_SE", "tr_TR", "cs_CZ", "fr_FR", "zh_CN", "ja_JP", "ko_KR",
             "ru_RU", "da_DK", "es_ES"):
    collator = QCollator(QLocale(name))
    collator.setNumericMode(True)
    result.append(sorted(words, key=cmp_to_key(collator.compare)))
result.append(QLocale("tr_TR").toUpper("istanbul ıi"))
result.append(QLocale("de_DE").toUpper("straße"))
result.append([QStringDecoder(n).isValid() for n in ("windows-1250", "ISO-8859-2", "KOI8-R")])
result.append(QTimeZone(b"Europe/Paris").isValid())
print(ascii(result))
"""


def _run(*args: str | Path) -> str:
    return subprocess.run([str(a) for a in args], check=True, capture_output=True, text=True).stdout


def _missing_tools(*names: str) -> list[str]:
    return [name for name in names if shutil.which(name) is None]


def _soname(lib: Path) -> str:
    match = re.search(r"\(SONAME\)\s+Library soname: \[(.+?)\]", _run("readelf", "-dW", lib))
    return match.group(1) if match else lib.name


def _data_symbol(lib: Path) -> tuple[str, int, int]:
    """(name, file offset, size) of ICU's data symbol, e.g. icudt73_dat, in `lib`."""
    sections = {}
    for line in _run("readelf", "-SW", lib).splitlines():
        m = re.match(r"\s*\[\s*(\d+)\]\s+\S+\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)", line)
        if m:
            sections[m.group(1)] = (int(m.group(2), 16), int(m.group(3), 16))
    for line in _run("readelf", "-sW", "--dyn-syms", lib).splitlines():
        fields = line.split()
        if len(fields) == 8 and re.fullmatch(r"icudt\d+_dat", fields[7]) and fields[6] in sections:
            address, offset = sections[fields[6]]
            return fields[7], int(fields[1], 16) - address + offset, int(fields[2], 0)
    raise ValueError(f"no icudtNN_dat symbol in {lib}")


def _is_single_byte_codepage(cnv: Path) -> bool:
    """Whether an ICU .cnv table maps at most one byte per character (UConverterStaticData)."""
    data = cnv.read_bytes()
    header_size = struct.unpack_from("<H", data, 0)[0]
    # structSize (4), name (60), codepage (4), platform, conversionType, min/maxBytesPerChar
    return data[header_size + 4 + 60 + 4 + 3] == 1


def _check_qt_icu(trimmed_dir: Path) -> str | None:
    """Compare QtCore's ICU results with the trimmed data against the original; None if equal."""
    env = {k: v for k, v in os.environ.items() if k != "LD_LIBRARY_PATH"}
    results = []
    for library_path in (None, trimmed_dir):
        if library_path is not None:
            env["LD_LIBRARY_PATH"] = str(library_path)  # before the wheel's RUNPATH $ORIGIN
        done = subprocess.run(
            [sys.executable, "-c", _QT_ICU_CHECK], env=env, capture_output=True, text=True
        )
        if done.returncode != 0 or done.stderr.strip():
            return f"the check failed: {done.stderr.strip()[-300:]}"
        results.append(done.stdout)
    return None if results[0] == results[1] else "QtCore sorts or converts differently with it"


def trim_icu_data(lib: Path, out_dir: Path) -> Path | None:
    """Return a libicudata with only the ICU data the app's QtCore uses (made in `out_dir`)."""
    missing = _missing_tools("icupkg", "genccode", "gcc", "readelf")
    if missing:
        print(
            f"slim_libs: {', '.join(missing)} not found, bundling the full ICU data (32 MB; "
            "on Debian/Ubuntu `apt-get install icu-devtools gcc` makes it 4 MB)"
        )
        return None
    try:
        symbol, offset, size = _data_symbol(lib)
        work = out_dir / "icu"
        shutil.rmtree(work, ignore_errors=True)
        (work / "items").mkdir(parents=True)
        with open(lib, "rb") as f:
            f.seek(offset)
            blob = f.read(size)
        # The package name (e.g. icudt73l: version, little-endian) prefixes its item names.
        package = re.search(rb"(icudt\d+[lbe])/", blob).group(1).decode()
        original = work / f"{package}.dat"
        original.write_bytes(blob)
        names = _run("icupkg", "-l", original).split()
        _run("icupkg", "-x", "*", "-d", work / "items", original)
        keep = [
            name for name in names
            if any(name == k or (k.endswith("*") and name.startswith(k[:-1])) for k in ICU_KEEP)
            or (name.endswith(".cnv") and _is_single_byte_codepage(work / "items" / name))
        ]  # fmt: skip
        (work / "keep.txt").write_text("\n".join(keep) + "\n")
        trimmed_dat = work / "trimmed" / f"{package}.dat"
        trimmed_dat.parent.mkdir()
        _run("icupkg", "-tl", "new", trimmed_dat, "-a", work / "keep.txt", "-s", work / "items")
        entry = symbol.removesuffix("_dat")
        _run("genccode", "-q", "-e", entry, "-a", "gcc", "-d", work, trimmed_dat)
        target = out_dir / lib.name
        soname = _soname(lib)
        _run("gcc", "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-o", target,
             work / f"{package}_dat.S")  # fmt: skip
        check_dir = work / "check"
        check_dir.mkdir()
        (check_dir / soname).symlink_to(target.resolve())
        problem = _check_qt_icu(check_dir)
    except (OSError, ValueError, AttributeError, subprocess.CalledProcessError) as exc:
        problem = f"{type(exc).__name__}: {exc}"
    if problem:
        print(f"slim_libs: bundling the full ICU data: the trimmed one failed ({problem})")
        return None
    print(
        f"slim_libs: {lib.name} {lib.stat().st_size / 1e6:.1f} MB -> "
        f"{target.stat().st_size / 1e6:.1f} MB ({len(keep)} of {len(names)} ICU data items)"
    )
    return target


_HEIF_CHECK = r"""
import sys
import numpy as np
import pillow_heif
from PIL import Image
pillow_heif.register_heif_opener()
path = sys.argv[2]
if sys.argv[1] == "write":
    y, x = np.mgrid[0:48, 0:64]
    rgb = np.stack([x * 4, y * 5, (x + y) * 2], axis=-1).astype(np.uint8)
    Image.fromarray(rgb).save(path, format="HEIF", quality=90)
else:
    try:
        Image.new("RGB", (64, 64)).save(path + ".new.heic", format="HEIF")
        print("the stub encoded a HEIC")
    except RuntimeError:
        pass
with Image.open(path) as im:
    print(im.format, im.size, np.asarray(im.convert("RGB")).sum())
"""


def _check_heif(stub: Path, lib: Path, work: Path) -> str | None:
    """Read a HEIC with pillow-heif using `stub` for `lib`; None if it reads as with `lib`."""
    import pillow_heif  # the build environment's: its folder and its .libs folder are copied

    package = Path(pillow_heif.__file__).parent
    site = work / "site"
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(package, site / package.name)
    shutil.copytree(lib.parent, site / lib.parent.name)
    for extension in package.parent.glob("_pillow_heif*"):
        shutil.copy2(extension, site)
    shutil.copy2(stub, site / lib.parent.name / lib.name)
    heic = str(work / "check.heic")
    answers = []
    for mode, env in (("write", dict(os.environ)), ("read", dict(os.environ, PYTHONPATH=site))):
        done = subprocess.run(
            [sys.executable, "-c", _HEIF_CHECK, mode, heic], env=env, capture_output=True, text=True
        )
        if done.returncode != 0 or done.stderr.strip():
            return f"{mode}: {done.stderr.strip()[-300:]}"
        answers.append(done.stdout)
    return None if answers[0] == answers[1] else f"{answers[1].strip()}, not {answers[0].strip()}"


def stub_x265(lib: Path, users: list[Path], out_dir: Path) -> Path | None:
    """Return a stand-in for pillow-heif's `lib` (libx265) with no encoder (made in `out_dir`).

    `users` are the libraries that link to it (libheif). The stub is made only when all they
    use of the x265 API is ``x265_api_get_<build>`` and ``x265_cleanup``, whose NULL answer
    and no-op libheif's x265 plugin handles, and kept only when pillow-heif reads a HEIC with
    it as it does with the original and refuses to write one.
    """
    missing = _missing_tools("gcc", "nm", "readelf")
    if missing:
        print(f"slim_libs: {', '.join(missing)} not found, bundling the HEVC encoder (23 MB)")
        return None
    try:
        imported = {
            name
            for user in users
            for name in _run("nm", "-D", "--undefined-only", "--format=just-symbols", user).split()
            if name.startswith("x265_")
        }
        api_get = [name for name in imported if re.fullmatch(r"x265_api_get_\d+", name)]
        if len(api_get) != 1 or imported != {api_get[0], "x265_cleanup"}:
            print(f"slim_libs: bundling the HEVC encoder: libheif uses {sorted(imported)} of it")
            return None
        work = out_dir / "x265"
        work.mkdir(parents=True, exist_ok=True)
        source = work / "x265_stub.c"
        source.write_text(
            "/* No HEVC encoder: libheif's x265 plugin reports one that is unavailable. */\n"
            f"const void *{api_get[0]}(int bit_depth) {{ (void)bit_depth; return 0; }}\n"
            "void x265_cleanup(void) {}\n"
        )
        target = out_dir / lib.name
        _run("gcc", "-shared", "-fPIC", "-O2", "-s", f"-Wl,-soname,{_soname(lib)}",
             "-o", target, source)  # fmt: skip
        problem = _check_heif(target, lib, work)
    except (OSError, ImportError, subprocess.CalledProcessError) as exc:
        problem = f"{type(exc).__name__}: {exc}"
    if problem:
        print(f"slim_libs: bundling the HEVC encoder: the stub failed ({problem})")
        return None
    print(f"slim_libs: {lib.name} {lib.stat().st_size / 1e6:.1f} MB -> stub without the encoder")
    return target
