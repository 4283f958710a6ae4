"""Issue #7 through the loader, the pipeline and the command line: bad, big and awkward inputs,
failing saves. Nothing crashes, every error names the file and the reason on one line,
originals are never touched, and no partial or temporary file is left behind.

The corpus comes from tests/make_bad_corpus.py (the session fixture ``bad_corpus``).
"""

from __future__ import annotations

import errno
import hashlib
import io
import os
import pathlib
import stat
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from make_bad_corpus import make_unreadable
from PIL import Image

from kmeans_gui import imaging
from kmeans_gui.cli import main
from kmeans_gui.compress import Options, compress, save
from kmeans_gui.files import ImageLoadError, ImageSaveError
from kmeans_gui.imaging import load_image
from kmeans_gui.transparency import GIF_ALPHA_NOTICE

REPO = Path(__file__).resolve().parent.parent


# -- helpers ---------------------------------------------------------------------------------
def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` (names included) and its hash: to prove nothing changed."""
    return {str(p.relative_to(folder)): digest(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


def one_line(text: str) -> bool:
    return "\n" not in text.strip() and "Traceback" not in text


@pytest.fixture
def corpus_state(bad_corpus):
    """The corpus folder's content before the test; checked unchanged after it."""
    folder = next(iter(bad_corpus.values())).path.parent
    before = snapshot(folder)
    yield folder
    assert snapshot(folder) == before, "an original was changed, or a file appeared beside it"


# -- loading ---------------------------------------------------------------------------------
def test_bad_inputs_are_refused_with_the_file_and_the_reason(bad_corpus, monkeypatch):
    make_unreadable(monkeypatch, bad_corpus["unreadable"].path)
    refused = [c for c in bad_corpus.values() if not c.loads]
    assert len(refused) >= 10
    for case in refused:
        with pytest.raises(ImageLoadError) as info:
            load_image(case.path)
        message = str(info.value)
        expected = case.error or "permission denied"
        assert message.startswith(f"{case.path.name}: "), case.key
        assert expected in info.value.reason, (case.key, message)
        assert one_line(message), case.key


def test_awkward_inputs_load_upright_as_rgb(bad_corpus, corpus_state):
    for case in (c for c in bad_corpus.values() if c.loads):
        image = load_image(case.path)
        width, height = case.size
        assert image.rgb.shape == (height, width, 3) and image.rgb.dtype == np.uint8, case.key
        assert image.rgb.flags.c_contiguous, case.key
        assert (image.alpha is not None) == case.alpha, case.key
        assert (image.icc_profile is not None) == case.icc, case.key
        if case.notice and case.notice != "partly transparent":
            assert any(case.notice in n for n in image.notices), (case.key, image.notices)
        if case.colors is not None:
            assert len(np.unique(image.rgb.reshape(-1, 3), axis=0)) == case.colors, case.key


def test_wrong_extensions_are_read_by_content(bad_corpus):
    assert load_image(bad_corpus["png_named_jpg"].path).format == "PNG"
    assert load_image(bad_corpus["jpeg_named_png"].path).format == "JPEG"


@pytest.mark.parametrize("key", ["exif6", "exif8"])
def test_exif_rotated_photos_are_shown_and_saved_upright(bad_corpus, key, tmp_path):
    image = load_image(bad_corpus[key].path)
    # The red mark of the stored top-left corner: top-right after orientation 6 (turned
    # clockwise), bottom-left after 8 (counter-clockwise).
    corner = (0, -1) if key == "exif6" else (-1, 0)
    assert image.rgb[corner][0] > 200 and image.rgb[corner][1:].max() < 60
    result = compress(image, Options(k=64))
    target = save(result, tmp_path / result.default_name)
    with Image.open(target) as written:
        assert written.size == (30, 40)  # portrait, as shown
        assert written.getexif().get(0x0112) in (None, 1)
        rgb = np.asarray(written.convert("RGB"))
    assert rgb[corner][0] > 200 and rgb[corner][1:].max() < 60


def test_the_pixel_limit_is_named_and_may_be_lowered(bad_corpus):
    for key in ("bomb", "huge"):
        with pytest.raises(ImageLoadError, match="the limit is 100 megapixels"):
            load_image(bad_corpus[key].path)
    big = bad_corpus["big"].path
    with pytest.raises(ImageLoadError) as info:
        load_image(big, max_pixels=1_000_000)
    assert info.value.reason == ("is 1600 x 1200 pixels, 1.9 megapixels; the limit is 1 megapixels")
    assert load_image(big).width == 1600  # within the app's limit


def test_a_file_above_the_size_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    big = tmp_path / "video.jpg"
    with open(big, "wb") as sparse:  # no disk space used
        sparse.truncate(imaging.MAX_FILE_BYTES + 200_000_000)

    def never(self):
        raise AssertionError("the file was read")

    monkeypatch.setattr(pathlib.Path, "read_bytes", never)
    with pytest.raises(ImageLoadError) as info:
        load_image(big)
    assert str(info.value) == "video.jpg: is 1.2 GB; the limit for an image file is 1 GB"


# -- compressing -----------------------------------------------------------------------------
def test_every_loadable_case_compresses(bad_corpus, corpus_state, tmp_path):
    for case in (c for c in bad_corpus.values() if c.loads):
        image = load_image(case.path)
        k = 8 if case.key == "big" else 16
        result = compress(image, Options(k=k))
        width, height = case.size
        assert result.decoded.shape == (height, width, 3), case.key
        assert 1 <= result.stats.colors <= min(k, case.colors or k), case.key
        assert result.stats.width == width and result.stats.height == height
        assert np.isfinite(result.stats.mean_delta_e), case.key
        target = save(result, tmp_path / f"{case.key}.png")
        with Image.open(target) as written:
            assert written.size == (width, height) and written.mode == "P", case.key
    assert temp_files(tmp_path) == []


@pytest.mark.parametrize(("key", "k"), [("1x1", 256), ("single_colour", 16),
                                         ("three_colours", 64), ("Nx1", 256)])  # fmt: skip
def test_k_larger_than_the_number_of_colours(bad_corpus, key, k):
    result = compress(load_image(bad_corpus[key].path), Options(k=k, color_space="oklab"))
    colours = bad_corpus[key].colors or 40
    assert result.palette.shape[0] == result.stats.colors <= colours
    assert result.stats.mse == pytest.approx(0.0, abs=1e-9) if colours <= k else True


def test_transparency_kept_and_partial_transparency_kept(bad_corpus):
    palette = compress(load_image(bad_corpus["palette_transparent"].path), Options(k=8))
    assert palette.transparent_index is not None
    assert GIF_ALPHA_NOTICE not in palette.notices
    image = load_image(bad_corpus["semi_transparent"].path)
    semi = compress(image, Options(k=32))
    assert GIF_ALPHA_NOTICE not in semi.notices
    with Image.open(io.BytesIO(semi.encoded)) as written:
        alpha = np.array(written.convert("RGBA"))[..., 3]
    assert np.all(alpha[image.alpha == 0] == 0)  # the fully transparent first column stays so
    error = np.abs(alpha.astype(int) - image.alpha)
    assert error.mean() < 6 and error.max() <= 24  # a ramp of 64 levels: partial alpha kept
    gif = compress(image, Options(k=8, fmt="gif"))
    assert gif.notices.count(GIF_ALPHA_NOTICE) == 1


def test_icc_profile_is_kept_in_the_output(bad_corpus):
    image = load_image(bad_corpus["icc"].path)
    result = compress(image, Options(k=16))
    with Image.open(io.BytesIO(result.encoded)) as written:
        assert written.info.get("icc_profile") == image.icc_profile


def test_animations_use_the_first_frame_with_a_notice(bad_corpus):
    for key in ("animated_gif", "animated_webp", "animated_png"):
        result = compress(load_image(bad_corpus[key].path), Options(k=4))
        assert any("first of 3 frames" in n for n in result.notices), key
        assert result.stats.colors == 1 and tuple(result.palette[0]) == (220, 40, 40), key


# -- saving ----------------------------------------------------------------------------------
@pytest.fixture
def result(bad_corpus):
    return compress(load_image(bad_corpus["non_ascii"].path), Options(k=8))


def test_unwritable_folder(result, tmp_path, refuse_new_files, corpus_state):
    refuse_new_files(tmp_path, PermissionError(errno.EACCES, "Permission denied"))
    with pytest.raises(ImageSaveError) as info:
        save(result, tmp_path / "out.png")
    assert str(info.value) == "out.png: the folder is not writable"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("existing", [False, True])
def test_full_disk_keeps_the_previous_file_and_leaves_nothing(result, tmp_path, monkeypatch,
                                                               existing):  # fmt: skip
    target = tmp_path / "out.png"
    if existing:
        target.write_bytes(b"previous")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ImageSaveError, match="out.png: the disk is full"):
        save(result, target, overwrite=existing)
    assert sorted(p.name for p in tmp_path.iterdir()) == (["out.png"] if existing else [])
    if existing:
        assert target.read_bytes() == b"previous"


@pytest.mark.parametrize("hard_links", [True, False])
def test_a_file_that_appears_during_the_save_is_kept(result, tmp_path, monkeypatch, hard_links):
    """Decided: refuse rather than clobber. The name is taken only if still free at the end."""
    target = tmp_path / "out.png"
    real_fsync = os.fsync

    def someone_else_saves(fd):  # between save()'s existence check and the publication
        if not target.exists():
            target.write_bytes(b"theirs")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", someone_else_saves)
    if not hard_links:  # FAT, exFAT, some network shares: the O_EXCL placeholder path

        def no_link(src, dst, **kwargs):
            raise OSError(errno.EPERM, "Operation not permitted")

        monkeypatch.setattr(os, "link", no_link)
    with pytest.raises(ImageSaveError) as info:
        save(result, target)
    assert str(info.value) == "out.png: a file with this name already exists"
    assert target.read_bytes() == b"theirs"
    assert [p.name for p in tmp_path.iterdir()] == ["out.png"]
    # Asked to overwrite, it does; and without the race, the no-clobber path writes normally.
    save(result, target, overwrite=True)
    assert target.read_bytes() == result.encoded
    monkeypatch.setattr(os, "fsync", real_fsync)
    fresh = save(result, tmp_path / "fresh.png")
    assert fresh.read_bytes() == result.encoded
    assert oct(fresh.stat().st_mode & 0o777) == oct(0o666 & ~_umask())
    assert temp_files(tmp_path) == []


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_the_source_is_never_the_target(bad_corpus, tmp_path, corpus_state):
    source = tmp_path / "photo.png"
    source.write_bytes(bad_corpus["non_ascii"].path.read_bytes())
    before = digest(source)
    result = compress(load_image(source), Options(k=4))
    alias = tmp_path / "alias.png"
    os.link(source, alias)
    link = tmp_path / "link.png"
    link.symlink_to(source)
    for target in (source, alias, link, tmp_path / "." / "photo.png"):
        for overwrite in (False, True):
            with pytest.raises(ImageSaveError, match="this is the original image"):
                save(result, target, overwrite=overwrite)
    assert digest(source) == before
    assert temp_files(tmp_path) == []


# -- the command line ------------------------------------------------------------------------
def _error_lines(err: str) -> dict[str, str]:
    """stderr "error: NAME: reason" lines by NAME."""
    lines = {}
    for line in err.splitlines():
        if line.startswith("error: "):
            name, _, reason = line[len("error: ") :].partition(": ")
            lines[name] = reason
    return lines


def test_cli_on_the_whole_corpus(bad_corpus, corpus_state, tmp_path, monkeypatch, capsys):
    make_unreadable(monkeypatch, bad_corpus["unreadable"].path)
    out = tmp_path / "out"
    paths = [str(c.path) for c in bad_corpus.values() if c.key != "big"]
    # -j 1: the unreadable file is faked in this process, which worker processes do not see
    assert main([*paths, "-k", "8", "-o", str(out), "-j", "1"]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    errors = _error_lines(captured.err)
    refused = [c for c in bad_corpus.values() if not c.loads]
    assert len(errors) == len(refused)
    for case in refused:
        expected = "is a folder" if case.key == "folder" else case.error or "permission denied"
        assert expected in errors[case.path.name], case.key
    written = sorted(p.name for p in out.iterdir())
    loadable = [c for c in bad_corpus.values() if c.loads and c.key != "big"]
    assert len(written) == len(loadable)  # the rest is still written
    # Three inputs are called "animated": the later ones get a new name, not an error.
    assert {"animated_k8.png", "animated-2_k8.png", "animated-3_k8.png"} <= set(written)
    assert "written as animated-2_k8.png" in captured.err
    assert "été 2024 ☀_k8.png" in written
    assert "note: animated GIF: first of 3 frames used" in captured.err
    assert temp_files(out) == []


def test_cli_keeps_going_after_a_failed_save(bad_corpus, tmp_path, monkeypatch, capsys):
    names = ["1x1", "three_colours", "grey"]
    out = tmp_path / "out"
    out.mkdir()
    real_fsync = os.fsync
    calls = []

    def second_fills_the_disk(fd):
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # the folder's entry list
            return real_fsync(fd)
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", second_fills_the_disk)
    # -j 1: "the second save" needs the files saved in the order given
    status = main([str(bad_corpus[n].path) for n in names] + ["-k", "4", "-o", str(out), "-j", "1"])
    assert status == 1
    err = capsys.readouterr().err
    assert _error_lines(err) == {"three colours_k4.png": "the disk is full"}
    assert sorted(p.name for p in out.iterdir()) == ["1x1_k4.png", "grey_k4.png"]


def test_cli_refuses_an_output_folder_it_cannot_create(bad_corpus, tmp_path, capsys):
    blocker = tmp_path / "out"
    blocker.write_bytes(b"a file where the folder should go")
    assert main([str(bad_corpus["1x1"].path), "-o", str(blocker)]) == 1
    assert _error_lines(capsys.readouterr().err) == {"out": "is a file, not a folder"}
    assert blocker.read_bytes() == b"a file where the folder should go"


def test_cli_as_a_process_with_a_console_that_cannot_encode_the_names(bad_corpus, tmp_path):
    cases = [bad_corpus[k] for k in ("text", "truncated_png", "bomb", "non_ascii", "cmyk")]
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONIOENCODING": "ascii"}
    done = subprocess.run(
        [sys.executable, "-m", "kmeans_gui.cli", *(str(c.path) for c in cases),
         "-k", "4", "-o", str(tmp_path)],
        capture_output=True, text=True, encoding="ascii", errors="strict", env=env,
        cwd=REPO, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    errors = _error_lines(done.stderr)
    assert errors["notes.txt"].endswith("(it is a text file)")
    assert errors["cut.png"].startswith("is truncated or corrupt")
    assert errors["bomb.png"].endswith("the limit is 100 megapixels")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cmyk_k4.png", "été 2024 ☀_k4.png"]
    assert "\\xe9t\\xe9 2024 \\u2600.png" in done.stdout  # escaped, not a crash


def test_cli_interrupted_leaves_no_partial_file(bad_corpus, tmp_path, monkeypatch, capsys):
    def interrupt(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    assert main([str(bad_corpus["grey"].path), "-o", str(tmp_path / "out")]) == 130
    assert "interrupted" in capsys.readouterr().err
    assert list((tmp_path / "out").iterdir()) == []


# -- the log ---------------------------------------------------------------------------------
def test_errors_are_one_line_for_the_user_and_a_traceback_in_the_log(bad_corpus, log_dir, capsys):
    assert main([str(bad_corpus["truncated_jpeg"].path), "-o", str(log_dir.parent / "o")]) == 1
    err = capsys.readouterr().err
    assert err.strip() == "error: cut.jpg: is truncated or corrupt"
    text = (log_dir / "kmeans-gui.log").read_text(encoding="utf-8")
    assert "WARNING kmeans_gui.cli" in text and str(bad_corpus["truncated_jpeg"].path) in text
    assert "Traceback (most recent call last)" in text
    assert "OSError" in text  # Pillow's own words, for whoever debugs it


def test_an_unexpected_error_is_one_line_and_the_rest_is_written(
    bad_corpus, log_dir, monkeypatch, capsys
):
    from kmeans_gui import batch

    real = batch.compress_file

    def buggy(path, options):
        if Path(path).name == "grey.jpg":
            raise RuntimeError("a bug\nover two lines")
        return real(path, options)

    monkeypatch.setattr(batch, "compress_file", buggy)  # in this process: -j 1
    out = log_dir.parent / "out"
    paths = [str(bad_corpus[k].path) for k in ("grey", "1x1")]
    assert main([*paths, "-o", str(out), "-j", "1"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    (line,) = [line for line in err.splitlines() if line.startswith("error:")]
    assert line == (
        "error: grey.jpg: unexpected error (RuntimeError: a bug over two lines); "
        f"details in {log_dir / 'kmeans-gui.log'}"
    )
    assert [p.name for p in out.iterdir()] == ["1x1_k16.png"]
    text = (log_dir / "kmeans-gui.log").read_text(encoding="utf-8")
    assert "ERROR kmeans_gui.cli" in text and "RuntimeError: a bug" in text
    assert "Traceback (most recent call last)" in text
