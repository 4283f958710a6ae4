"""Which PNG encoder for the app's palette images? Bytes and seconds of each option tried.

Each case is a palette image the app would write: the 12.3 MP photo (Autumn, ColorfulCups and
Kite side by side, 7680x1600) at K = 2, 4, ..., 256, and corpus photos at K = 4, 16, 64, 256
(target 6's photos and K), quantized once with the engine as ``compress()`` does. Every
option encodes the same palette and indices; every file is decoded back with Pillow and
checked pixel for pixel. Options:

- ``app``: ``imaging.encode_indexed(palette, indices, "png")`` as it is now;
- ``pillow-N``: Pillow's writer at ``compress_level=N`` (9 is ``optimize=True``); it filters
  packed (1, 2, 4-bit) rows adaptively and 8-bit palette rows not at all. For K <= 16 both
  packed and 8-bit rows are encoded and the smaller file kept, as the app did with Pillow;
  its seconds are both encodes;
- ``<deflater>-N``: our own chunk writer (IHDR, PLTE, IDAT, IEND), packed rows unfiltered,
  deflated by zlib (``zlib``, the standard library's), zlib-ng (``zlib-ng``), libdeflate
  (``libdeflate``, the `deflate` package) or ISA-L (``isal``) at level N, on one thread;
- ``... 2 strips``: the rows split in two halves deflated on two threads (pigz style: the
  second half primed with the first's last 32 KB, the first ended by a full flush) and joined
  into one zlib stream (libdeflate has no preset dictionary or flush: it cannot be split);
- ``zlib-ng-9 <filter>``: one PNG filter (sub, up, average, paeth) on every row;
- ``oxipng ...``: pyoxipng's ``RawImage`` (oxipng: chooses the bit depth itself, libdeflate
  inside, evaluates on several threads).

The libdeflate, ISA-L and oxipng options appear when their packages are installed
(``pip install deflate isal pyoxipng``); the app needs none of them. The cases are quantized
once and kept in /tmp/kmeans-png-cases.

    python benchmarks/png_encoders.py [--options a,b,...] [--cases big,photos] [--repeat N]
        [--json out.json]

Seconds are wall-clock (best of --repeat) in one process, one encode at a time, beside the CPU
seconds of all its threads; on a shared machine compare the options within one run. The load
average is printed with the results.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import struct
import sys
import time
import zlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import kmeans_gui  # noqa: E402,F401  (one BLAS thread, as the app runs)

# isort: split
import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

from kmeans_gui import engine  # noqa: E402
from kmeans_gui.imaging import encode_indexed, load_image, png  # noqa: E402

BIG_KS = (2, 4, 8, 16, 32, 64, 128, 256)
PHOTO_KS = (4, 16, 64, 256)
PHOTOS = ("EveningGlow", "DarkestHour", "OneStandsOut")
BIG = Path("/tmp/big.png")
CACHE = Path("/tmp/kmeans-png-cases")
CORPUS = Path(os.environ.get("KMEANS_CORPUS", Path.home() / ".cache" / "kmeans-gui-corpus"))


@dataclass(frozen=True)
class Case:
    name: str
    k: int
    palette: np.ndarray  # (n, 3) uint8
    indices: np.ndarray  # (H, W) uint8


def _quantized(name: str, rgb_of: Callable[[], np.ndarray], ks: tuple[int, ...]) -> list[Case]:
    cases = []
    rgb = None
    analysis = None
    for k in ks:
        cached = CACHE / f"{name}_k{k}.npz"
        if cached.exists():
            with np.load(cached) as data:
                cases.append(Case(name, k, data["palette"], data["indices"]))
            continue
        if analysis is None:
            rgb = rgb_of()
            analysis = engine.analyse(rgb)
        quantization = engine.quantize(analysis, k)
        indices, _ = engine.indexed_image(analysis, quantization)
        CACHE.mkdir(exist_ok=True)
        np.savez(cached, palette=quantization.palette, indices=indices)
        cases.append(Case(name, k, quantization.palette, indices))
    return cases


def load_cases(which: list[str]) -> list[Case]:
    cases: list[Case] = []
    if "big" in which:
        cases += _quantized("big", lambda: load_image(BIG).rgb, BIG_KS)
    if "photos" in which:
        for photo in PHOTOS:
            path = CORPUS / f"{photo}.jpg"
            cases += _quantized(photo, lambda p=path: load_image(p).rgb, PHOTO_KS)
    return cases


# -- rows ----------------------------------------------------------------------------------------
def filtered(indices: np.ndarray, bits: int, kind: int) -> bytes:
    """PNG scanlines of `indices` at `bits` per pixel, every row with filter `kind` (0..4)."""
    lines = png.scanlines(indices, bits)
    if kind == 0:
        return lines.tobytes()
    rows = lines[:, 1:].astype(np.int16)
    bpp = 1
    left = np.zeros_like(rows)
    left[:, bpp:] = rows[:, :-bpp]
    up = np.zeros_like(rows)
    up[1:] = rows[:-1]
    if kind == 1:
        out = rows - left
    elif kind == 2:
        out = rows - up
    elif kind == 3:
        out = rows - (left + up) // 2
    else:
        upleft = np.zeros_like(rows)
        upleft[1:, bpp:] = rows[:-1, :-bpp]
        p = left + up - upleft
        pa, pb, pc = np.abs(p - left), np.abs(p - up), np.abs(p - upleft)
        out = rows - np.where((pa <= pb) & (pa <= pc), left, np.where(pb <= pc, up, upleft))
    lines[:, 0] = kind
    lines[:, 1:] = (out & 0xFF).astype(np.uint8)
    return lines.tobytes()


def chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(data, zlib.crc32(kind))
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def png_file(palette: np.ndarray, width: int, height: int, bits: int, idat: bytes) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, bits, 3, 0, 0, 0)
    parts = [b"\x89PNG\r\n\x1a\n", chunk(b"IHDR", ihdr), chunk(b"PLTE", palette.tobytes())]
    step = 1 << 18
    parts += [chunk(b"IDAT", idat[i : i + step]) for i in range(0, len(idat), step)]
    parts.append(chunk(b"IEND", b""))
    return b"".join(parts)


# -- deflaters: raw scanlines -> zlib stream ----------------------------------------------------
def _deflaters() -> dict[str, Callable[[bytes, int], bytes]]:
    found: dict[str, Callable[[bytes, int], bytes]] = {"zlib": zlib.compress}
    try:
        import deflate

        found["libdeflate"] = lambda data, level: bytes(deflate.zlib_compress(data, level))
    except ImportError:
        pass
    try:
        from zlib_ng import zlib_ng

        found["zlib-ng"] = zlib_ng.compress
    except ImportError:
        pass
    try:
        from isal import isal_zlib

        found["isal"] = isal_zlib.compress
    except ImportError:
        pass
    return found


def two_strips(module_name: str, level: int, data: bytes) -> bytes:
    """One zlib stream deflated in two halves on two threads (pigz style)."""
    module = zlib
    if module_name == "zlib-ng":
        from zlib_ng import zlib_ng as module  # type: ignore[no-redef]
    half = len(data) // 2
    first, second = data[:half], data[half:]

    def head() -> bytes:
        c = module.compressobj(level, zlib.DEFLATED, -15)
        return c.compress(first) + c.flush(zlib.Z_FULL_FLUSH)

    def tail() -> bytes:
        c = module.compressobj(level, zlib.DEFLATED, -15, zdict=first[-32768:])
        return c.compress(second) + c.flush(zlib.Z_FINISH)

    with ThreadPoolExecutor(2) as pool:
        a, b = pool.submit(head), pool.submit(tail)
        body = a.result() + b.result()
    header = b"\x78\xda"
    return header + body + struct.pack(">I", zlib.adler32(data))


# -- options: case -> list of candidate files ----------------------------------------------------
Encoder = Callable[[np.ndarray, np.ndarray, int], bytes]  # palette, indices, bits -> file


def pillow(level: int) -> Encoder:
    def encode(palette: np.ndarray, indices: np.ndarray, bits: int) -> bytes:
        if bits == 8 and len(palette) <= 16:  # Pillow's bit depth follows the palette length
            palette = np.vstack([palette, np.repeat(palette[-1:], 17 - len(palette), axis=0)])
        im = Image.frombytes("P", indices.shape[::-1], indices.tobytes())
        im.putpalette(palette.tobytes(), rawmode="RGB")
        buffer = io.BytesIO()
        im.save(buffer, format="PNG", compress_level=level)
        return buffer.getvalue()

    return encode


def own(deflater: Callable[[bytes, int], bytes], level: int, kind: int = 0) -> Encoder:
    def encode(palette: np.ndarray, indices: np.ndarray, bits: int) -> bytes:
        lines = filtered(indices, bits, kind)
        return png_file(palette, indices.shape[1], indices.shape[0], bits, deflater(lines, level))

    return encode


def oxipng_raw(**kwargs: object) -> Encoder:
    import oxipng

    def encode(palette: np.ndarray, indices: np.ndarray, bits: int) -> bytes:
        raw = oxipng.RawImage(
            indices.tobytes(), indices.shape[1], indices.shape[0],
            color_type=oxipng.ColorType.indexed([(*c, 255) for c in palette.tolist()]),
            bit_depth=8,
        )  # fmt: skip
        return raw.create_optimized_png(**kwargs)

    return encode


def options() -> dict[str, tuple[Encoder, bool]]:
    """name -> (encoder, whether the caller tries packed and 8-bit rows for K <= 16)."""
    d = _deflaters()
    found: dict[str, tuple[Encoder, bool]] = {
        "app": (lambda p, i, b: encode_indexed(p, i, "png"), False),
    }
    for level in (9, 6):
        found[f"pillow-{level}"] = (pillow(level), True)
    levels = {
        "zlib": (9, 6),
        "zlib-ng": (9, 8, 7, 6),
        "libdeflate": (12, 11, 10, 9, 8, 6),
        "isal": (3,),
    }
    for name, deflater in d.items():
        for level in levels[name]:
            found[f"{name}-{level}"] = (own(deflater, level), False)
    for name in ("zlib", "zlib-ng"):
        if name in d:
            found[f"{name}-9 2 strips"] = (
                lambda p, i, b, n=name: png_file(
                    p, i.shape[1], i.shape[0], b, two_strips(n, 9, filtered(i, b, 0))
                ),
                False,
            )
    if "zlib-ng" in d:
        for kind, label in ((1, "sub"), (2, "up"), (3, "average"), (4, "paeth")):
            found[f"zlib-ng-9 {label}"] = (own(d["zlib-ng"], 9, kind), False)
    try:
        import oxipng

        found["oxipng noop libdeflate-12"] = (
            oxipng_raw(level=2, filter=[oxipng.RowFilter.NoOp],
                       deflate=oxipng.Deflaters.libdeflater(12), palette_reduction=False),
            False,
        )  # fmt: skip
        found["oxipng level 2 (4 filters)"] = (
            oxipng_raw(level=2, palette_reduction=False,
                       filter=[oxipng.RowFilter.NoOp, oxipng.RowFilter.MinSum,
                               oxipng.RowFilter.Entropy, oxipng.RowFilter.Bigrams]),
            False,
        )  # fmt: skip
    except ImportError:
        pass
    return found


def check(data: bytes, case: Case) -> None:
    with Image.open(io.BytesIO(data)) as im:
        im.load()
        rgb = np.asarray(im.convert("RGB"))
    if not np.array_equal(rgb, case.palette[case.indices]):
        raise SystemExit(f"{case.name} K={case.k}: decoded pixels differ")


def run_option(
    encoder: Encoder, both: bool, case: Case, repeat: int
) -> tuple[int, float, float, str]:
    """(bytes, wall seconds, CPU seconds of every thread, bit depth kept) of one option."""
    bits = png.bit_depth(len(case.palette))
    depths = [bits, 8] if both and bits < 8 else [bits]
    best: bytes | None = None
    wall = cpu = 0.0
    chosen = ""
    for depth in depths:
        runs = []
        for _ in range(repeat):
            start, start_cpu = time.perf_counter(), time.process_time()
            data = encoder(case.palette, case.indices, depth)
            runs.append((time.perf_counter() - start, time.process_time() - start_cpu))
        wall += min(r[0] for r in runs)
        cpu += min(r[1] for r in runs)
        if best is None or len(data) < len(best):
            best, chosen = data, f"{png_bit_depth(data)}-bit"
    assert best is not None
    check(best, case)
    return len(best), wall, cpu, chosen


def png_bit_depth(data: bytes) -> int:
    return data[24]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--options", help="comma-separated option names (default: all)")
    parser.add_argument("--cases", default="big,photos")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    available = options()
    names = args.options.split(",") if args.options else list(available)
    cases = load_cases(args.cases.split(","))
    results: list[dict[str, object]] = []
    load_before = os.getloadavg()
    for case in cases:
        for name in names:
            encoder, both = available[name]
            size, seconds, cpu, chosen = run_option(encoder, both, case, args.repeat)
            results.append(dict(case=case.name, k=case.k, option=name, bytes=size,
                                seconds=seconds, cpu=cpu, chosen=chosen))  # fmt: skip
            print(f"{case.name:13s} K={case.k:3d} {name:30s} {size:>10,d} B {seconds:7.3f} s "
                  f"(CPU {cpu:6.3f} s) {chosen}", flush=True)  # fmt: skip
    load_after = os.getloadavg()
    print(f"\nload average before {load_before[0]:.2f}, after {load_after[0]:.2f}")
    summarise(results, names)
    if args.json:
        args.json.write_text(json.dumps(dict(results=results, load=[load_before, load_after])))
    return 0


def summarise(results: list[dict[str, object]], names: list[str]) -> None:
    """A Markdown table: per option, the 12.3 MP photo's totals over its K and ratios to
    ``pillow-9`` (the app's writer before), geometric means over the cases."""
    by = {(r["case"], r["k"], r["option"]): r for r in results}
    keys = sorted({(r["case"], r["k"]) for r in results}, key=lambda t: (t[0] != "big", t))
    base = "pillow-9"

    def ratios(name: str, field: str, which: str) -> list[float]:
        return [
            float(by[c, k, name][field]) / float(by[c, k, base][field])  # type: ignore[arg-type]
            for c, k in keys
            if (c, k, base) in by and (c, k, name) in by and which in ("all", c == "big" and "big")
        ]

    print(
        "\n| option | 12.3 MP, all K: seconds | CPU seconds | bytes | bytes / pillow-9, 12.3 MP "
        "| bytes / pillow-9, photos | largest bytes / pillow-9 | seconds / pillow-9 |\n"
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    )
    for name in names:
        big = [by[c, k, name] for c, k in keys if c == "big" and (c, k, name) in by]
        photos = [
            float(by[c, k, name]["bytes"]) / float(by[c, k, base]["bytes"])  # type: ignore[arg-type]
            for c, k in keys
            if c != "big" and (c, k, base) in by and (c, k, name) in by
        ]
        every = ratios(name, "bytes", "all")
        print(
            f"| {name} | {sum(float(r['seconds']) for r in big):.2f} "  # type: ignore[arg-type]
            f"| {sum(float(r['cpu']) for r in big):.2f} "  # type: ignore[arg-type]
            f"| {sum(int(r['bytes']) for r in big):,d} "  # type: ignore[call-overload]
            f"| {_gm(ratios(name, 'bytes', 'big')):.3f} | {_gm(photos):.3f} "
            f"| {max(every, default=float('nan')):.3f} "
            f"| {_gm(ratios(name, 'seconds', 'all')):.3f} |"
        )


def _gm(values: list[float]) -> float:
    return statistics.geometric_mean(values) if values else float("nan")


if __name__ == "__main__":
    sys.exit(main())
