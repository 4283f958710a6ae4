"""Issue #13 through the loader, the writer and the command line: hostile and odd files.

Each test builds its own input. Beside its own assertions, each checks that the original is
unchanged and that no stray file is left.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from kmeans_gui import files, imaging
from kmeans_gui.cli import main
from kmeans_gui.compress import Options, compress
from kmeans_gui.files import ImageLoadError, ImageSaveError, shown_name, write_atomic
from kmeans_gui.formats import (
    IMAGE_EXTENSIONS,
    MAX_SIDE,
    READ_FORMATS,
    format_limit_problem,
)
from kmeans_gui.imaging import load_image

REPO = Path(__file__).resolve().parent.parent


def photo(path: Path, size: tuple[int, int] = (48, 32), seed: int = 0) -> Path:
    rng = np.random.default_rng(seed)
    Image.fromarray(rng.integers(0, 256, (size[1], size[0], 3), dtype=np.uint8)).save(path)
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_cli(*args: str | os.PathLike[str], **kwargs) -> subprocess.CompletedProcess:
    """``kmeans-compress`` as a separate process (bytes file names pass through)."""
    return subprocess.run(
        [sys.executable, "-m", "kmeans_gui.cli", *map(os.fsencode, args)],
        capture_output=True, timeout=kwargs.pop("timeout", 300), cwd=kwargs.pop("cwd", None),
        **kwargs,
    )  # fmt: skip


# -- security: only raster formats decoded in the process ----------------------------------
POSTSCRIPT = b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\n{ } loop\n"


@pytest.fixture
def no_helper_programs(monkeypatch):
    """Fail the test if anything starts a process (Pillow's EPS plugin runs Ghostscript)."""

    def refuse(*args, **kwargs):
        pytest.fail(f"a helper program was started: {args[:1]}")

    monkeypatch.setattr(subprocess, "Popen", refuse)
    for name in ("posix_spawn", "posix_spawnp", "fork", "system"):
        if hasattr(os, name):
            monkeypatch.setattr(os, name, refuse)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("logo.png", POSTSCRIPT),
        ("photo.jpg", b"%!PS-Adobe-3.0\n{ } loop\n"),
        ("scan.tif", b"\xc5\xd0\xd3\xc6" + bytes(28) + POSTSCRIPT),  # DOS EPS binary header
    ],
)
def test_postscript_is_refused_without_starting_anything(
    tmp_path, no_helper_programs, capsys, name, content
):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImageLoadError) as info:
        load_image(path)
    assert str(info.value) == f"{name}: is an EPS file, which is not read"
    assert main([str(path), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert f"error: {name}: is an EPS file, which is not read" in err.splitlines()
    assert path.read_bytes() == content
    assert not (tmp_path / "out").exists()


def test_the_read_formats_are_pillow_raster_formats_and_never_a_helper_program():
    imaging.plugins.register_heif()  # HEIF's opener is pillow-heif's (alone, this test ran first)
    Image.init()
    assert set(READ_FORMATS) <= set(Image.OPEN)
    for refused in ("EPS", "PDF", "WMF", "MPEG", "FITS"):
        assert refused not in READ_FORMATS
    for fmt, extensions in READ_FORMATS.items():
        assert extensions and all(ext in IMAGE_EXTENSIONS for ext in extensions), fmt
    assert ".eps" not in IMAGE_EXTENSIONS and ".ps" not in IMAGE_EXTENSIONS
    # PSD and PFM, which the window used to refuse, are in the one list.
    assert {".psd", ".pfm"} <= IMAGE_EXTENSIONS


def test_an_image_pillow_knows_but_the_app_does_not_read_is_named(tmp_path):
    path = tmp_path / "frame.png"
    Image.new("1", (8, 8)).save(path, format="MSP")  # Microsoft Paint 1: not on the list
    with pytest.raises(ImageLoadError) as info:
        load_image(path)
    assert str(info.value) == "frame.png: is a file in the MSP format, which is not read"


# -- a time limit on every decode ----------------------------------------------------------
def test_a_decode_over_its_time_limit_is_abandoned_with_a_message(slow_jpeg2000):
    before = digest(slow_jpeg2000)
    started = time.perf_counter()
    with pytest.raises(ImageLoadError) as info:
        load_image(slow_jpeg2000, timeout=0.3)
    assert time.perf_counter() - started < 4  # the whole decode takes longer
    assert str(info.value) == "slow.jp2: took longer than 0.3 s to decode and was abandoned"
    assert digest(slow_jpeg2000) == before


def flat_png(path: Path, width: int, height: int) -> Path:
    """A black RGB PNG of `width` x `height`, written row by row (a few hundred KB)."""
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    deflate, row, idat = zlib.compressobj(9), bytes(1 + 3 * width), []
    idat += [deflate.compress(row) for _ in range(height)]
    idat.append(deflate.flush())
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", b"".join(idat))
        + chunk(b"IEND", b"")
    )
    return path


def test_a_decode_in_a_thread_is_abandoned_at_its_limit_too(tmp_path):
    """PNG decodes in a thread (its decoder lets other threads run); the limit holds there."""
    path = flat_png(tmp_path / "flat.png", 8000, 6000)  # 48 megapixels: a second or more
    started = time.perf_counter()
    with pytest.raises(ImageLoadError) as info:
        load_image(path, timeout=0.05)
    assert time.perf_counter() - started < 0.5
    assert str(info.value) == "flat.png: took longer than 0.05 s to decode and was abandoned"
    assert load_image(path).rgb.shape == (6000, 8000, 3)  # with time, it decodes


def test_the_cli_moves_on_after_a_decode_over_its_limit(slow_jpeg2000, tmp_path, monkeypatch,
                                                        capsys):  # fmt: skip
    good = photo(tmp_path / "good.png")
    monkeypatch.setattr(imaging.limits, "DECODE_SECONDS", 0.3)  # in this process: -j 1
    out = tmp_path / "out"
    assert main([str(slow_jpeg2000), str(good), "-o", str(out), "-k", "4", "-j", "1"]) == 1
    err = capsys.readouterr().err
    assert "error: slow.jp2: took longer than 0.3 s to decode and was abandoned" in err
    assert sorted(p.name for p in out.iterdir()) == ["good_k4.png"]


# -- long names ----------------------------------------------------------------------------
def test_an_input_name_near_the_file_system_limit_is_written(tmp_path):
    limit = os.pathconf(tmp_path, "PC_NAME_MAX")
    stem = "a" * (limit - len("_k4.png"))  # the output name fills the limit exactly
    source = photo(tmp_path / f"{stem}.png")
    out = tmp_path / "out"
    done = run_cli(source, "-o", out, "-k", "4")
    assert done.returncode == 0, done.stderr
    assert [len(p.name) for p in out.iterdir()] == [limit]
    assert [p.name for p in out.iterdir()] == [f"{stem}_k4.png"]


def test_an_input_name_whose_output_name_is_too_long_is_written_shortened(tmp_path):
    """Two inputs of 254-byte names (é is two bytes): their outputs' names would be longer than
    the file system takes, so the stems are cut (on a character boundary) with a note."""
    limit = os.pathconf(tmp_path, "PC_NAME_MAX")
    stem = "é" * ((limit - 4) // 2)
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
    sources = [photo(tmp_path / folder / f"{stem}.png") for folder in ("a", "b")]
    before = [digest(s) for s in sources]
    out = tmp_path / "out"
    done = run_cli(*sources, "-o", out, "-k", "4", "--format", "webp")
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 2 and all(len(os.fsencode(n)) <= limit for n in names)
    assert names[0].endswith("é-2_k4.webp") and names[1].endswith("é_k4.webp"), names
    assert names[1][: -len("_k4.webp")] in stem
    assert f"note: written as {names[1]} (the name was too long".encode() in done.stderr
    assert [digest(s) for s in sources] == before
    assert compress_name_fits(stem)


def compress_name_fits(stem: str) -> bool:
    """The window's Save suggestion is shortened the same way."""
    from kmeans_gui.compress import output_name

    name = output_name(Path(f"{stem}.png"), 256, "webp")
    return len(os.fsencode(name)) <= 255 and name.endswith("é_k256.webp")


# -- format limits -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("fmt", "size", "reason"),
    [
        ("webp", (16_384, 2),
         "WebP holds at most 16,383 pixels per side and this image is 16,384 x 2; "
         "save it as PNG or GIF"),
        ("gif", (2, 65_536),
         "GIF holds at most 65,535 pixels per side and this image is 2 x 65,536; "
         "save it as PNG"),
    ],
)  # fmt: skip
def test_format_limits_are_named_before_encoding(tmp_path, fmt, size, reason):
    source = photo(tmp_path / "wide.png", size)
    before = digest(source)
    out = tmp_path / "out"
    done = run_cli(source, "-o", out, "--format", fmt)
    assert done.returncode == 1
    assert done.stderr.decode().strip().splitlines()[-1] == f"error: wide.png: {reason}"
    assert "unexpected" not in done.stderr.decode()
    assert digest(source) == before
    assert not out.exists() or list(out.iterdir()) == []
    assert format_limit_problem("png", *size) is None
    assert MAX_SIDE[fmt] < max(size)


def test_compress_refuses_a_format_that_cannot_hold_the_image_before_any_work(tmp_path):
    image = load_image(photo(tmp_path / "wide.png", (16_384, 1)))
    with pytest.raises(ImageSaveError, match="WebP holds at most 16,383 pixels per side"):
        compress(image, Options(k=4, fmt="webp"))
    assert compress(image, Options(k=4, fmt="gif")).stats.width == 16_384


# -- argument validation -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--seed", "-1"], "-1 should be 0 or more"),
        (["--seed", "1.5"], "'1.5' is not a whole number"),
        (["--target-psnr", "nan"], "'nan' is not a finite number"),
        (["--target-psnr", "inf"], "'inf' is not a finite number"),
        (["--max-delta-e", "NaN"], "'NaN' is not a finite number"),
        (["--max-delta-e=-inf"], "'-inf' is not a finite number"),
    ],
)
def test_bad_numbers_are_usage_errors_before_any_work(tmp_path, args, message, capsys):
    source = photo(tmp_path / "p.png")
    out = tmp_path / "out"
    with pytest.raises(SystemExit) as info:
        main([str(source), "-o", str(out), *args])
    assert info.value.code == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


# -- names that are not UTF-8, or hold control characters ----------------------------------
@pytest.mark.skipif(sys.platform != "linux", reason="Linux file names are bytes")
def test_names_that_are_not_utf8_reach_the_table_messages_and_reports(tmp_path):
    folder = os.fsencode(tmp_path)
    good = os.path.join(folder, b"caf\xe9.png")
    bad = os.path.join(folder, b"br\xffken.png")
    photo(Path(os.fsdecode(good)))
    Path(os.fsdecode(bad)).write_bytes(b"not an image at all")
    reports = {}
    for suffix in ("csv", "json"):
        report = tmp_path / f"report.{suffix}"
        done = run_cli(os.fsdecode(good), os.fsdecode(bad), "-o", tmp_path / "out", "-k", "4",
                       "--force", "--report", report)  # fmt: skip
        assert done.returncode == 1
        err, table = done.stderr.decode(), done.stdout.decode()
        assert "error: br\ufffdken.png: is not an image Pillow can read" in err
        assert "caf\ufffd.png" in table
        reports[suffix] = report.read_bytes().decode("utf-8")  # valid UTF-8
    rows = list(csv.DictReader(io.StringIO(reports["csv"])))  # in the order files finished
    assert sorted(Path(r["input"]).name for r in rows) == ["br\ufffdken.png", "caf\ufffd.png"]
    records = {Path(r["input"]).name: r for r in json.loads(reports["json"])}
    assert records["br\ufffdken.png"]["error"].startswith(
        "br\ufffdken.png: is not an image Pillow can read"
    )
    assert (tmp_path / "out").exists() and len(os.listdir(os.fsencode(tmp_path / "out"))) == 1


def test_control_characters_in_names_are_escaped_in_human_output(tmp_path):
    good = photo(tmp_path / "line\nbreak.png")
    bad = tmp_path / "bell\a\x1b[31m.png"
    bad.write_bytes(b"")
    done = run_cli(good, bad, "-o", tmp_path / "out", "-k", "4")
    assert done.returncode == 1
    err = done.stderr.decode().splitlines()
    assert "error: bell\\x07\\x1b[31m.png: is empty (0 bytes)" in err
    table = done.stdout.decode().splitlines()
    assert len(table) == 3 and table[2].startswith("line\\nbreak.png ")
    assert shown_name(Path("a\tb.png")) == "a\\tb.png"
    assert str(ImageLoadError(Path("x\ny.png"), "is empty")) == "x\\ny.png: is empty"


# -- temporary files -----------------------------------------------------------------------
def test_nothing_is_visible_in_the_folder_until_the_file_is_whole(tmp_path, monkeypatch):
    seen: list[list[str]] = []
    real_fsync = os.fsync

    def look(fd):  # called when the data are written, before the file is named
        seen.append(sorted(os.listdir(tmp_path)))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", look)
    write_atomic(tmp_path / "new.png", b"data")
    (tmp_path / "old.png").write_bytes(b"old")
    write_atomic(tmp_path / "old.png", b"new data")
    assert seen[0] == [] and seen[-1] == ["new.png", "old.png"]
    assert sorted(os.listdir(tmp_path)) == ["new.png", "old.png"]


@pytest.mark.parametrize("overwrite", [False, True])
def test_a_killed_writer_leaves_no_file(tmp_path, overwrite):
    """SIGKILL (as a power cut) in the middle of a write: nothing is left in the folder."""
    script = textwrap.dedent(f"""
        import os, signal
        from kmeans_gui.files import write_atomic
        os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGKILL)
        write_atomic({str(tmp_path / "out.png")!r}, b"x" * 1_000_000, overwrite={overwrite})
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO, timeout=60)
    assert done.returncode == -signal.SIGKILL
    assert os.listdir(tmp_path) == []


def test_stale_temporary_files_of_ours_are_removed(tmp_path, monkeypatch):
    stale = tmp_path / ".kmeans-0123456789ab.tmp"
    fresh = tmp_path / ".kmeans-ba9876543210.tmp"  # perhaps another process writing now
    other = tmp_path / ".photo.jpg.abcdefgh.tmp"  # not ours: never touched
    for path in (stale, fresh, other):
        path.write_bytes(b"partial")
    old = time.time() - files.STALE_SECONDS - 60
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    # Where the file system has no unnamed files, the named way is used (and cleans up too).
    monkeypatch.delattr(os, "O_TMPFILE", raising=False)
    write_atomic(tmp_path / "out.png", b"data", overwrite=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([fresh.name, other.name, "out.png"])


# -- high bit depths -----------------------------------------------------------------------
def _ppm(magic: bytes, maxval: int, values: np.ndarray) -> bytes:
    height, width = values.shape[:2]
    if magic in (b"P3", b"P2"):
        body = b" ".join(str(int(v)).encode() for v in values.ravel())
    else:
        body = values.astype(">u2" if maxval > 255 else "u1").tobytes()
    return magic + b" %d %d %d\n" % (width, height, maxval) + body


@pytest.mark.parametrize(
    ("magic", "maxval", "channels"),
    [(b"P6", 65535, 3), (b"P3", 65535, 3), (b"P6", 1023, 3), (b"P5", 65535, 1),
     (b"P2", 4095, 1)],
)  # fmt: skip
def test_deep_ppm_and_pgm_get_the_notice(tmp_path, magic, maxval, channels):
    rng = np.random.default_rng(1)
    values = rng.integers(0, maxval + 1, (6, 5, channels)).squeeze()
    path = tmp_path / "deep.pnm"
    path.write_bytes(_ppm(magic, maxval, values))
    loaded = load_image(path)
    assert imaging.DEEP_NOTICE in loaded.notices
    expected = np.rint(values * 255 / maxval)
    assert np.abs(loaded.rgb[..., 0].astype(int) - expected.reshape(6, 5, -1)[..., 0]).max() <= 1
    eight = tmp_path / "eight.ppm"
    eight.write_bytes(_ppm(b"P6", 255, rng.integers(0, 256, (6, 5, 3))))
    assert imaging.DEEP_NOTICE not in load_image(eight).notices


def test_ten_bit_heif_gets_the_notice(tmp_path):
    pillow_heif = pytest.importorskip("pillow_heif")
    values = np.random.default_rng(2).integers(0, 65536, (16, 16, 3), dtype=np.uint16)
    heif = pillow_heif.from_bytes(mode="RGB;16", size=(16, 16), data=values.tobytes())
    path = tmp_path / "phone.heic"
    heif.save(path, quality=-1)
    assert imaging.DEEP_NOTICE in load_image(path).notices


# -- folders, bombs, interruption ----------------------------------------------------------
def test_an_empty_folder_as_the_only_input_is_named(tmp_path, capsys):
    empty = tmp_path / "holiday photos"
    empty.mkdir()
    with pytest.raises(SystemExit) as info:
        main([str(empty), "-o", str(tmp_path / "out")])
    assert info.value.code == 2
    assert "no image files found in holiday photos/" in capsys.readouterr().err


@pytest.mark.parametrize("chunk", ["text", "icc"])
def test_zlib_bombs_in_png_chunks_are_named(tmp_path, chunk):
    from PIL import PngImagePlugin

    path = tmp_path / "bomb.png"
    image = Image.new("RGB", (4, 4))
    if chunk == "text":
        info = PngImagePlugin.PngInfo()
        info.add_text("Comment", "x" * 50_000_000, zip=True)
        image.save(path, pnginfo=info)
    else:
        image.save(path, icc_profile=bytes(50_000_000))
    assert path.stat().st_size < 200_000
    if chunk == "text":  # metadata: the chunk is dropped, the image loads (issue #15)
        notices = load_image(path).notices
        assert any("(a decompression bomb), not kept" in notice for notice in notices)
        return
    with pytest.raises(ImageLoadError) as error:
        load_image(path)
    assert "(a decompression bomb)" in str(error.value)
    assert "truncated" not in str(error.value)


def test_ctrl_c_writes_the_report_rows_of_what_finished(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(40):
        photo(folder / f"p{i:02}.png", (400, 300), seed=i)
    out, report = tmp_path / "out", tmp_path / "report.csv"
    process = subprocess.Popen(
        [sys.executable, "-m", "kmeans_gui.cli", str(folder), "-o", str(out), "-k", "64",
         "--report", str(report)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    deadline = time.monotonic() + 120
    while not (out.exists() and len(list(out.glob("*.png"))) >= 2):
        assert time.monotonic() < deadline and process.poll() is None
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    rows = list(csv.DictReader(report.open(encoding="utf-8")))
    written = sorted(p.name for p in out.iterdir())
    assert 2 <= len(rows) < 40
    assert sorted(Path(r["output"]).name for r in rows) == written  # exactly what finished
    assert all(r["error"] == "" for r in rows)


def test_the_time_limit_grows_with_the_declared_size():
    assert imaging.decode_seconds(None) == 10  # until the header is read
    assert imaging.decode_seconds(64 * 48) == pytest.approx(10.006, abs=1e-3)
    assert imaging.decode_seconds(16_000_000) == 42
    assert imaging.decode_seconds(100_000_000) == imaging.limits.DECODE_SECONDS == 120


def test_partly_transparent_images_have_a_lower_limit(tmp_path):
    """RGBA palettes take far more memory: above 16 MP, partial alpha is refused by name."""
    width, height = 4200, 4000  # 16.8 megapixels
    rgba = np.zeros((height, width, 4), dtype=np.uint8)
    rgba[..., :3] = (40, 90, 200)
    rgba[..., 3] = 255
    rgba[: height // 2, : width // 2, 3] = 0  # a cut-out: fine at any size
    cut_out = tmp_path / "cut out.png"
    Image.fromarray(rgba).save(cut_out, compress_level=1)
    assert load_image(cut_out).alpha is not None
    rgba[-10:, -10:, 3] = 128  # a few partly transparent pixels
    shadow = tmp_path / "shadow.png"
    Image.fromarray(rgba).save(shadow, compress_level=1)
    with pytest.raises(ImageLoadError) as info:
        load_image(shadow)
    assert str(info.value) == (
        "shadow.png: is 16.8 megapixels with partly transparent pixels; the limit for such "
        "images is 16 megapixels (their RGBA palettes need far more memory than opaque ones)"
    )


# -- found by the sweep over tests/hostile_corpus.py --------------------------------------
@pytest.mark.parametrize("content", [b"\x89", b"\xff\xd8", b"B", b"GIF8"])
def test_a_file_of_a_few_bytes_is_too_small_not_a_text_file(tmp_path, content):
    path = tmp_path / "tiny.png"
    path.write_bytes(content)
    with pytest.raises(ImageLoadError) as caught:
        load_image(path)
    size = f"{len(content)} byte{'s' if len(content) > 1 else ''}"
    assert str(caught.value) == f"tiny.png: is too small to be an image ({size})"
    assert path.read_bytes() == content


def test_a_colour_pfm_is_named(tmp_path):
    path = tmp_path / "hdr.pfm"
    path.write_bytes(b"PF\n4 2\n-1.0\n" + np.linspace(0, 1, 24, dtype="<f4").tobytes())
    with pytest.raises(ImageLoadError) as caught:
        load_image(path)
    assert caught.value.reason == (
        "is a colour PFM (floating-point) image, which is not read; greyscale PFM is"
    )


def test_a_16_bit_bmp_gets_no_deep_colour_notice(tmp_path):
    """BMP's 16 bits a pixel (5-6-5) are fewer than 8 a channel: nothing was reduced."""
    rgb = np.random.default_rng(0).integers(0, 256, (6, 8, 3), dtype=np.uint8)
    packed = (rgb[..., 0].astype(np.uint16) >> 3 << 11 | rgb[..., 1].astype(np.uint16) >> 2 << 5
              | rgb[..., 2].astype(np.uint16) >> 3)  # fmt: skip
    rows = packed[::-1].astype("<u2").tobytes()
    masks = np.array([0xF800, 0x07E0, 0x001F], "<u4").tobytes()
    info = np.array([52, 8, 6], "<i4").tobytes() + np.array([1, 16], "<u2").tobytes()
    info += np.array([3, len(rows), 2835, 2835, 0, 0], "<u4").tobytes() + masks
    header = b"BM" + np.array([14 + len(info) + len(rows), 0, 14 + len(info)], "<u4").tobytes()
    path = tmp_path / "565.bmp"
    path.write_bytes(header + info + rows)
    image = load_image(path)
    assert image.rgb.shape == (6, 8, 3)
    assert not any("8 bits" in n for n in image.notices), image.notices
    assert np.abs(image.rgb.astype(int) - rgb).max() <= 8  # 5 and 6 bits kept


def test_a_windows_cursor_is_read(tmp_path):
    ico = io.BytesIO()
    Image.new("RGB", (32, 32), (200, 10, 10)).save(ico, "ICO", sizes=[(32, 32)],
                                                   bitmap_format="bmp")  # fmt: skip
    data = bytearray(ico.getvalue())
    data[2:4] = b"\x02\x00"  # type 2: a cursor
    path = tmp_path / "pointer.cur"
    path.write_bytes(bytes(data))
    image = load_image(path)
    assert image.format == "CUR" and image.rgb.shape == (32, 32, 3)
    assert tuple(image.rgb[5, 5]) == (200, 10, 10)


def test_a_named_pipe_among_the_inputs_does_not_hold_up_the_batch(tmp_path):
    """The batch's memory estimate read each input's header: a pipe waited for a writer."""
    good = photo(tmp_path / "good.png")
    pipe = tmp_path / "pipe.png"
    os.mkfifo(pipe)
    out = tmp_path / "out"
    done = run_cli(good, pipe, "-o", out, "-k", "4", "-j", "2", timeout=60)
    assert done.returncode == 1
    assert b"error: pipe.png: is not a regular file\n" in done.stderr
    assert sorted(p.name for p in out.iterdir()) == ["good_k4.png"]


def test_an_empty_input_name_is_a_usage_error_not_the_current_folder(tmp_path, capsys,
                                                                     monkeypatch):  # fmt: skip
    """``kmeans-compress "$PHOTO"`` with PHOTO unset compressed every image of the folder."""
    photo(tmp_path / "holiday.png")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as caught:
        main(["", "-k", "4"])
    assert caught.value.code == 2
    assert "an INPUT is an empty name (an unset shell variable?)" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["holiday.png"]  # no output folder


def test_a_file_named_twice_is_compressed_once(tmp_path):
    """``a.png ./a.png photos`` (photos holding a.png) made a_k4, a-2_k4 and a-3_k4."""
    folder = tmp_path / "photos"
    folder.mkdir()
    source = photo(folder / "a.png")
    out = tmp_path / "out"
    done = run_cli("photos/a.png", "./photos/a.png", "photos", "-o", out, "-k", "4", "--json",
                   cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == ["a_k4.png"]
    assert [json.loads(line)["input"] for line in done.stdout.splitlines()] == ["photos/a.png"]
    assert source.exists()


def test_json_lines_are_valid_utf8_like_the_reports(tmp_path):
    """--json wrote a name's undecodable bytes as lone surrogates (\\udce9), which strict JSON
    readers refuse; it now writes U+FFFD as --report does."""
    source = photo(Path(os.fsdecode(os.path.join(os.fsencode(tmp_path), b"caf\xe9.png"))))
    done = run_cli(source, "-o", tmp_path / "out", "-k", "4", "--json")
    assert done.returncode == 0, done.stderr
    assert b"\\udc" not in done.stdout
    record = json.loads(done.stdout.decode("utf-8"))
    assert Path(record["input"]).name == "caf\ufffd.png"
    assert Path(record["output"]).name == "caf\ufffd_k4.png"


def test_a_reader_that_leaves_the_pipe_does_not_stop_the_batch(tmp_path):
    """``kmeans-compress photos --json | head -1`` printed a BrokenPipeError traceback and
    left the other photos undone."""
    for i in range(4):
        photo(tmp_path / f"p{i}.png", seed=i)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "kmeans_gui.cli", str(tmp_path), "-o", str(out), "-k", "4",
               "--json", "-j", "1"]  # fmt: skip
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as run:
        assert run.stdout is not None and run.stderr is not None
        first = json.loads(run.stdout.readline())
        run.stdout.close()  # the reader leaves, as head -1 does
        err = run.stderr.read()
        assert run.wait(timeout=120) == 0, err
    assert first["status"] == "done"
    assert b"Traceback" not in err and b"BrokenPipe" not in err, err
    assert sorted(p.name for p in out.iterdir()) == [f"p{i}_k4.png" for i in range(4)]
