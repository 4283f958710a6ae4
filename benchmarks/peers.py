"""The quantizers compared, each from the same decoded RGB array to a palette and indices.

Every peer is a function ``run(rgb, k, context) -> Output`` whose whole call is timed. Input
conversions a peer needs (float32 pixels for scikit-learn, RGBA bytes for libimagequant, a
Pillow image) happen inside the call, so they count in its time and memory, as they would for
a user starting from the decoded array. pngquant is the exception by nature: it is a separate
program that reads a PNG file written beforehand and writes its own PNG, and its time includes
that PNG input and output.

Imports of NumPy and of the peers' libraries happen inside the functions: the pngquant worker
then stays a small process, which keeps the peak memory figure of its child process honest
(a child inherits its parent's peak at ``exec``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

# The original write-up's method: pixel count limit and its fixed number of iterations.
ORIGINAL_MAX_PIXELS = 1_000_000
ORIGINAL_ITERATIONS = 10


@dataclass
class Context:
    """What a peer may need besides the array: the same pixels as a PNG file, a work folder,
    GNU time to read a child process's own peak memory, and the random seed of a peer that
    draws one (ours: ``engine.quantize(seed=)``, scikit-learn: ``random_state``)."""

    png: Path | None
    workdir: Path
    gnu_time: str | None = None
    seed: int = 0


@dataclass
class Output:
    """One peer call's result.

    palette : ndarray of shape (n, 3), uint8, or None when the peer wrote a file instead
    indices : ndarray of shape (height, width), uint8, or None
    file : path of the PNG the peer wrote itself (pngquant), or None
    phases : seconds of named parts of the call (ours: "analysis" and "requantize")
    extra : other figures, e.g. "iterations"; "child_peak_bytes" for a separate process
    """

    palette: np.ndarray | None = None
    indices: np.ndarray | None = None
    file: str | None = None
    phases: dict[str, float] = field(default_factory=dict)
    extra: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Peer:
    """A quantizer under test.

    name : id used on the command line and in results.json
    label : name in tables and plots
    note : one line on how it is called
    module : Python module it needs, or None
    program : executable it needs, or None
    max_pixels : images above this many pixels are not given to it (None: no limit)
    budget : name of the harness option that caps pixels x K for it (None: no cap)
    """

    name: str
    label: str
    note: str
    run: Callable[[Any, int, Context], Output]
    version: Callable[[], str]
    module: str | None = None
    program: str | None = None
    max_pixels: int | None = None
    budget: str | None = None

    def missing(self) -> str | None:
        """Why the peer cannot run here, or None when it can."""
        if self.module is not None and find_spec(self.module) is None:
            return f"Python module {self.module!r} is not installed (pip install -e '.[bench]')"
        if self.program is not None and shutil.which(self.program) is None:
            return (
                f"program {self.program!r} is not on PATH (Debian: apt-get install {self.program})"
            )
        return None


def _dist_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "?"


# ---------------------------------------------------------------------------------------------
# ours
# ---------------------------------------------------------------------------------------------


def _ours(rgb: np.ndarray, k: int, context: Context) -> Output:
    from kmeans_gui import engine

    start = time.perf_counter()
    analysis = engine.analyse(rgb)
    analysed = time.perf_counter()
    quantization = engine.quantize(analysis, k, seed=context.seed)
    indices, _ = engine.indexed_image(analysis, quantization)
    end = time.perf_counter()
    return Output(
        palette=quantization.palette,
        indices=indices,
        phases={"analysis": analysed - start, "requantize": end - analysed},
        extra={"iterations": quantization.iterations},
    )


def _ours_version() -> str:
    return "kmeans_gui " + _dist_version("kmeans-gui")


# ---------------------------------------------------------------------------------------------
# scikit-learn
# ---------------------------------------------------------------------------------------------


def _sklearn(rgb: np.ndarray, k: int, context: Context) -> Output:
    import warnings

    import numpy as np
    from sklearn.cluster import KMeans

    pixels = rgb.reshape(-1, 3).astype(np.float32)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "fewer distinct points than clusters" on tiny images
        fit = KMeans(n_clusters=k, init="k-means++", n_init=1, random_state=context.seed).fit(
            pixels
        )
    palette = np.clip(np.rint(fit.cluster_centers_), 0, 255).astype(np.uint8)
    indices = fit.labels_.astype(np.uint8).reshape(rgb.shape[:2])
    return Output(palette=palette, indices=indices, extra={"iterations": int(fit.n_iter_)})


# ---------------------------------------------------------------------------------------------
# libimagequant (imagequant package) and pngquant
# ---------------------------------------------------------------------------------------------


def _libimagequant(rgb: np.ndarray, k: int, context: Context) -> Output:
    import imagequant
    import numpy as np

    height, width = rgb.shape[:2]
    rgba = np.empty((height, width, 4), dtype=np.uint8)
    rgba[..., :3] = rgb
    rgba[..., 3] = 255
    data, palette = imagequant.quantize_raw_rgba_bytes(
        rgba.tobytes(), width, height, dithering_level=0.0, max_colors=k
    )
    return Output(
        palette=np.array(palette, dtype=np.uint8).reshape(-1, 4)[:, :3],
        indices=np.frombuffer(data, dtype=np.uint8).reshape(height, width),
    )


def _libimagequant_version() -> str:
    from imagequant import lib

    v = int(lib.liq_version())
    liq = f"{v // 10000}.{v // 100 % 100}.{v % 100}"
    return f"imagequant {_dist_version('imagequant')} (libimagequant {liq})"


def gnu_time() -> str | None:
    """GNU time's path when it is installed and works, else None."""
    path = shutil.which("time")
    if path is None:
        return None
    probe = [path, "-f", "%M", "-o", os.devnull, "true"]
    try:
        ok = subprocess.run(probe, capture_output=True, check=False).returncode == 0
    except OSError:
        return None
    return path if ok else None


def _pngquant(rgb: Any, k: int, context: Context) -> Output:
    """pngquant on the PNG file; its peak memory from GNU time if installed, else wait4.

    GNU time starts pngquant from its own tiny process, so the figure is pngquant's own peak;
    through wait4 directly it cannot be below this worker's (small: no NumPy) resident size.
    """
    if context.png is None:
        raise ValueError("pngquant needs the image as a PNG file")
    out = context.workdir / f"pngquant_k{k}.png"
    peak_file = context.workdir / "pngquant.maxrss"
    command = [
        "pngquant",
        "--nofs",
        "--force",
        "--output",
        str(out),
        str(k),
        "--",
        str(context.png),
    ]
    if context.gnu_time:
        command = [context.gnu_time, "-f", "%M", "-o", str(peak_file), *command]
    with open(context.workdir / "pngquant.log", "w+b") as log:
        process = subprocess.Popen(command, stdout=log, stderr=log)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            log.seek(0)
            message = log.read().decode(errors="replace").strip()
            raise RuntimeError(f"pngquant exited with {process.returncode}: {message}")
    if context.gnu_time:
        peak_kb = int(peak_file.read_text(encoding="ascii").split()[-1])
    else:
        peak_kb = usage.ru_maxrss
    return Output(file=str(out), extra={"child_peak_bytes": peak_kb * 1024})


def _pngquant_version() -> str:
    done = subprocess.run(["pngquant", "--version"], capture_output=True, text=True, check=False)
    return "pngquant " + (done.stdout.strip() or done.stderr.strip())


# ---------------------------------------------------------------------------------------------
# Pillow
# ---------------------------------------------------------------------------------------------


def _pillow(method_name: str) -> Callable[[Any, int, Context], Output]:
    def run(rgb: np.ndarray, k: int, context: Context) -> Output:
        import numpy as np
        from PIL import Image

        method = getattr(Image.Quantize, method_name)
        quantized = Image.fromarray(rgb).quantize(colors=k, method=method, dither=Image.Dither.NONE)
        indices = np.asarray(quantized, dtype=np.uint8)
        palette = np.asarray(quantized.getpalette("RGB"), dtype=np.uint8).reshape(-1, 3)[:256]
        return Output(palette=palette, indices=indices)

    return run


# ---------------------------------------------------------------------------------------------
# The original write-up's method
# ---------------------------------------------------------------------------------------------


def _original(rgb: np.ndarray, k: int, context: Context) -> Output:
    """Random initial centroids among the pixels, all pixels x K x 3 broadcast distances in
    float64 (NumPy's default), a fixed number of iterations, each pixel to its last cluster."""
    import numpy as np

    pixels = rgb.reshape(-1, 3).astype(np.float64)
    rng = np.random.default_rng(0)
    centroids = pixels[rng.choice(pixels.shape[0], size=k, replace=False)]
    labels = np.zeros(pixels.shape[0], dtype=np.intp)
    for _ in range(ORIGINAL_ITERATIONS):
        distances = np.sqrt(((pixels[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2))
        labels = distances.argmin(axis=1)
        del distances
        for j in range(k):
            members = pixels[labels == j]
            if members.shape[0]:
                centroids[j] = members.mean(axis=0)
    palette = np.clip(np.rint(centroids), 0, 255).astype(np.uint8)
    return Output(palette=palette, indices=labels.astype(np.uint8).reshape(rgb.shape[:2]))


def _numpy_version() -> str:
    return "numpy " + _dist_version("numpy")


PEERS: dict[str, Peer] = {
    peer.name: peer
    for peer in (
        Peer(
            "ours", "ours",
            "engine.analyse + engine.quantize + engine.indexed_image (app defaults: RGB, seed 0; "
            "seeds 0, 1, 2 for target 2)",
            _ours, _ours_version,
        ),
        Peer(
            "sklearn", "scikit-learn KMeans",
            'KMeans(n_clusters=K, init="k-means++", n_init=1, random_state=0) on all pixels, '
            "float32 (random_state 0, 1, 2 for target 2); palette = rounded centres, "
            "indices = labels_",
            _sklearn, lambda: "scikit-learn " + _dist_version("scikit-learn"),
            module="sklearn", budget="sklearn_budget",
        ),
        Peer(
            "libimagequant", "libimagequant",
            "imagequant.quantize_raw_rgba_bytes(dithering_level=0, max_colors=K), default "
            "speed 4; RGBA bytes made inside the call",
            _libimagequant, _libimagequant_version, module="imagequant",
        ),
        Peer(
            "pngquant", "pngquant (incl. PNG I/O)",
            "pngquant --nofs K from a PNG file of the same pixels; its time and memory are the "
            "whole process: PNG decode, quantize, PNG encode",
            _pngquant, _pngquant_version, program="pngquant",
        ),
        Peer(
            "mediancut", "Pillow MEDIANCUT",
            "Image.quantize(K, method=MEDIANCUT, dither=NONE)",
            _pillow("MEDIANCUT"), lambda: "Pillow " + _dist_version("Pillow"),
        ),
        Peer(
            "fastoctree", "Pillow FASTOCTREE",
            "Image.quantize(K, method=FASTOCTREE, dither=NONE)",
            _pillow("FASTOCTREE"), lambda: "Pillow " + _dist_version("Pillow"),
        ),
        Peer(
            "original", "original write-up",
            f"random pixels as initial centroids, N x K x 3 float64 broadcast distances, "
            f"{ORIGINAL_ITERATIONS} fixed iterations; images <= 1 MP only",
            _original, _numpy_version,
            max_pixels=ORIGINAL_MAX_PIXELS, budget="original_budget",
        ),
    )
}  # fmt: skip
