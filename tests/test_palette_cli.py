"""Given, locked and shared palettes and dither strength (#19) through the pipeline and the
command line: real palette files, real output files read back."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from kmeans_gui import engine
from kmeans_gui.cli import main
from kmeans_gui.compress import Options, compress
from kmeans_gui.imaging import dither_indices, load_image
from kmeans_gui.palette_files import PaletteFileError, encode_palette, load_palette

PALETTE = np.array(
    [[200, 30, 30], [20, 160, 60], [40, 60, 200], [240, 240, 230], [15, 15, 20], [250, 200, 40]],
    np.uint8,
)


def _photo(path: Path, size=(64, 48), seed=0) -> Path:
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0 : size[1], 0 : size[0]]
    rgb = np.stack([x * 4 % 256, y * 5 % 256, (x + y) * 3 % 256], axis=-1).astype(np.int16)
    rgb += rng.integers(-8, 9, rgb.shape, dtype=np.int16)
    Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8)).save(path)
    return path


def _written(path: Path) -> np.ndarray:
    with Image.open(path) as im:
        assert im.mode == "P"
        return np.asarray(im.convert("RGB"))


def _nearest(rgb: np.ndarray, palette: np.ndarray) -> np.ndarray:
    """Brute force: every pixel's nearest palette colour (lowest index on ties)."""
    pixels = rgb.reshape(-1, 1, 3).astype(np.int64)
    d2 = ((pixels - palette[None].astype(np.int64)) ** 2).sum(axis=2)
    return palette[d2.argmin(axis=1)].reshape(rgb.shape)


@pytest.mark.parametrize("ext", ["gpl", "act", "json", "txt", "hex"])
def test_every_palette_format_maps_the_image_exactly(tmp_path, ext):
    src = _photo(tmp_path / "in.png")
    pal = tmp_path / f"colours.{ext}"
    pal.write_bytes(encode_palette(PALETTE, "txt" if ext == "hex" else ext))
    assert main([str(src), "--palette", str(pal), "-o", str(tmp_path / "out"), "-q"]) == 0
    (out,) = (tmp_path / "out").iterdir()
    assert out.name == "in_k6.png"  # K is the palette's size
    written = _written(out)
    original = np.asarray(Image.open(src).convert("RGB"))
    used = {tuple(c) for c in np.unique(written.reshape(-1, 3), axis=0).tolist()}
    assert used <= {tuple(c) for c in PALETTE.tolist()}
    assert np.array_equal(written, _nearest(original, PALETTE))


def test_locked_palette_colours_are_in_every_output(tmp_path):
    a, b = _photo(tmp_path / "a.png"), _photo(tmp_path / "b.png", (40, 30), seed=3)
    pal = tmp_path / "lock.gpl"
    pal.write_bytes(encode_palette(PALETTE[:2], "gpl"))
    assert main([str(a), str(b), "--lock-palette", str(pal), "-k", "8", "-o",
                 str(tmp_path / "out"), "-q"]) == 0  # fmt: skip
    for out in (tmp_path / "out").iterdir():
        with Image.open(out) as im:
            entries = np.array(im.getpalette()[: 3 * len(im.getcolors())]).reshape(-1, 3)
            rows = {tuple(c) for c in np.array(im.getpalette()).reshape(-1, 3).tolist()}
        assert entries.shape[0] <= 8
        assert {tuple(c) for c in PALETTE[:2].tolist()} <= rows


def test_shared_palette_is_kmeans_on_all_the_inputs_together(tmp_path, capsys):
    paths = [_photo(tmp_path / f"p{i}.png", (40 + 8 * i, 30), seed=i) for i in range(3)]
    out = tmp_path / "out"
    assert main([*map(str, paths), "--shared-palette", "-k", "12", "-o", str(out), "--json"]) == 0
    analyses = [engine.analyse(load_image(p).rgb) for p in paths]
    shared = engine.shared_palette(analyses, 12).palette
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted(r["input"] for r in records) == sorted(map(str, paths))
    assert all(r["k"] == 12 for r in records)
    for path in paths:
        written = _written(out / f"{path.stem}_k12.png")
        assert np.array_equal(written, _nearest(np.asarray(Image.open(path).convert("RGB")),
                                                shared))  # fmt: skip


def test_dither_strength_zero_is_none_and_full_is_pillows_dithering(tmp_path):
    image = load_image(_photo(tmp_path / "in.png"))
    plain = compress(image, Options(k=6))
    none = compress(image, Options(k=6, dither=0))
    full = compress(image, Options(k=6, dither=100))
    half = compress(image, Options(k=6, dither=50))
    assert np.array_equal(none.decoded, plain.decoded)
    palette = engine.quantize(engine.analyse(image.rgb), 6).palette
    assert np.array_equal(full.decoded, palette[dither_indices(image.rgb, palette)])
    assert Options(k=6, dither=True) == full.options  # the old on/off flag means full strength
    assert not np.array_equal(half.decoded, full.decoded)
    assert not np.array_equal(half.decoded, plain.decoded)
    assert half.stats.colors <= 6


def test_dither_flag_alone_is_full_strength(tmp_path):
    src = _photo(tmp_path / "in.png")
    assert main([str(src), "-k", "6", "-o", str(tmp_path / "a"), "--dither", "-q"]) == 0
    assert main([str(src), "-k", "6", "-o", str(tmp_path / "b"), "--dither", "100", "-q"]) == 0
    assert np.array_equal(_written(tmp_path / "a/in_k6.png"), _written(tmp_path / "b/in_k6.png"))


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.gpl", b"GIMP Palette\nName: x\n#\n", "holds no colours"),
        ("notgimp.gpl", b"JASC-PAL\n", "first line is not 'GIMP Palette'"),
        ("big.gpl", b"GIMP Palette\n#\n300 0 0\n", "300 is not a whole number in 0..255"),
        ("short.act", b"\0" * 700, "768 or 772 bytes"),
        ("bad.json", b"{not json", "not JSON"),
        ("nolist.json", b'{"name": "x"}', 'no "colors" list'),
        ("bad.hex", b"ff0000\nbanana\n", "'banana' is not a hex colour"),
        ("many.txt", "".join(f"{i:06x}\n" for i in range(300)).encode(), "300 colours"),
        ("pal.png", b"\x89PNG", "its extension is not one of"),
    ],
)
def test_bad_palette_files_get_one_line_naming_file_and_reason(tmp_path, capsys, name, content,
                                                                 reason):  # fmt: skip
    pal = tmp_path / name
    pal.write_bytes(content)
    with pytest.raises(PaletteFileError, match=reason) as caught:
        load_palette(pal)
    assert str(caught.value).startswith(f"{name}: ")
    with pytest.raises(SystemExit) as exit_:
        main([str(_photo(tmp_path / "in.png")), "--palette", str(pal), "-o", str(tmp_path)])
    assert exit_.value.code == 2
    (line,) = [ln for ln in capsys.readouterr().err.splitlines() if "error:" in ln]
    assert name in line and reason.split("'")[0] in line
    assert not (tmp_path / "in_k6.png").exists()


def test_a_missing_palette_file_and_alpha_palettes_are_named(tmp_path, capsys):
    src = str(_photo(tmp_path / "in.png"))
    with pytest.raises(SystemExit):
        main([src, "--palette", str(tmp_path / "none.gpl")])
    assert "none.gpl: cannot be read" in capsys.readouterr().err
    rgba = tmp_path / "alpha.txt"
    rgba.write_text("#ff000080\n#00ff00\n")
    with pytest.raises(SystemExit):
        main([src, "--lock-palette", str(rgba)])
    assert "alpha.txt: holds colours that are not opaque" in capsys.readouterr().err


def test_a_partly_transparent_image_with_a_given_palette_fails_on_one_line(tmp_path, capsys):
    rgba = np.zeros((20, 20, 4), np.uint8)
    rgba[..., 0] = 200
    rgba[..., 3] = 128
    Image.fromarray(rgba).save(tmp_path / "glass.png")
    pal = tmp_path / "p.gpl"
    pal.write_bytes(encode_palette(PALETTE, "gpl"))
    assert (
        main([str(tmp_path / "glass.png"), "--palette", str(pal), "-o", str(tmp_path / "o")]) == 1
    )
    err = capsys.readouterr().err
    assert "glass.png: has partly transparent pixels" in err and "unexpected" not in err


def test_goals_do_not_go_with_a_given_palette(tmp_path, capsys):
    pal = tmp_path / "p.gpl"
    pal.write_bytes(encode_palette(PALETTE, "gpl"))
    with pytest.raises(SystemExit):
        main([str(_photo(tmp_path / "in.png")), "--palette", str(pal), "--target-psnr", "30"])
    assert "cannot be used with --palette" in capsys.readouterr().err


# ---------------------------------------------------------------------------------------------
# Palette edits as options (the window's undoable commands apply these)


def test_edits_give_options_whose_compression_makes_the_edited_palette(tmp_path):
    from kmeans_gui import palette_edits as edits

    image = load_image(_photo(tmp_path / "in.png"))
    first = compress(image, Options(k=8))
    palette, counts = first.palette, first.counts
    colours = edits.colours_of(palette)

    locked = edits.toggle_lock(first.options, palette, [0, 2])
    assert set(locked.palette) == {colours[0], colours[2]} and locked.k == 8
    relocked = compress(image, locked)
    assert {colours[0], colours[2]} <= set(edits.colours_of(relocked.palette))
    assert edits.toggle_lock(locked, palette, [0, 2]).palette == ()  # unlocked again

    deleted = compress(image, edits.delete(locked, relocked.palette, [5]))
    assert deleted.palette.shape[0] == 7 and deleted.options.k == 7
    assert {colours[0], colours[2]} <= set(edits.colours_of(deleted.palette))

    merged_options = edits.merge(first.options, palette, counts, [1, 3])
    weights = counts[[1, 3]].astype(float)
    mean = np.rint(weights @ palette[[1, 3]].astype(float) / weights.sum()).astype(int)
    assert tuple(mean) in merged_options.start and merged_options.k == 7

    changed = compress(image, edits.set_colour(first.options, palette, 4, (1, 2, 3)))
    assert (1, 2, 3) in edits.colours_of(changed.palette)

    added = compress(image, edits.add(first.options, palette, (250, 0, 250)))
    assert (250, 0, 250) in edits.colours_of(added.palette) and added.options.k == 9

    exact = edits.imported(first.options, PALETTE, exact=True)
    mapped = compress(image, exact)
    assert set(edits.colours_of(mapped.palette)) <= set(edits.colours_of(PALETTE))
    assert edits.delete(exact, PALETTE, [0]).palette == tuple(edits.colours_of(PALETTE[1:]))
    with pytest.raises(ValueError, match="at least 2"):
        edits.delete(first.options, palette[:2], [0])
    assert edits.for_new_k(locked, 12) == Options(k=12, palette=locked.palette)
