"""Goal seeking: the smallest K that meets a quality target, or the best K under a size limit.

Each K tried is compressed and measured for real (the encoded file read back), reusing one
analysis of the image. The search assumes quality and file size grow with K, which holds for
k-means palettes in practice but is not guaranteed; it returns a K that meets the goal while
K - 1 does not (quality goals) or K + 1 does not (size goals), and every K it measured.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from . import engine
from .compress import Options, Result, Stats, compress, with_effort
from .imaging import LoadedImage

_SIZE_UNITS = {
    "": 1, "b": 1, "k": 1000, "kb": 1000, "kib": 1024, "m": 1000**2, "mb": 1000**2,
    "mib": 1024**2, "g": 1000**3, "gb": 1000**3, "gib": 1024**3,
}  # fmt: skip


def parse_size(text: str) -> int:
    """Bytes from a size like ``200KB``, ``1.5 MB``, ``300KiB`` or ``5000``; KB = 1000 bytes."""
    match = re.fullmatch(r"\s*([0-9]*\.?[0-9]+)\s*([a-zA-Z]*)\s*", text)
    unit = match.group(2).lower() if match else None
    if match is None or unit not in _SIZE_UNITS:
        raise ValueError(f"size={text!r} is not a size like 200KB, 1.5MB or 5000")
    size = int(float(match.group(1)) * _SIZE_UNITS[unit])
    if size <= 0:
        raise ValueError(f"size={text!r} should be more than 0 bytes")
    return size


@dataclass(frozen=True)
class Goal:
    """Exactly one target: a minimum PSNR (dB), a maximum mean ΔE, a minimum SSIM, or a
    maximum file size."""

    min_psnr: float | None = None
    max_delta_e: float | None = None
    max_bytes: int | None = None
    min_ssim: float | None = None

    def __post_init__(self) -> None:
        targets = (self.min_psnr, self.max_delta_e, self.max_bytes, self.min_ssim)
        given = [v for v in targets if v is not None]
        if len(given) != 1:
            raise ValueError(
                "a goal needs exactly one of min_psnr, max_delta_e, max_bytes, min_ssim"
            )
        if self.min_ssim is not None and not -1.0 <= self.min_ssim <= 1.0:
            raise ValueError(f"min_ssim={self.min_ssim} should be within -1..1")
        if self.max_bytes is not None and self.max_bytes <= 0:
            raise ValueError(f"max_bytes={self.max_bytes} should be more than 0")
        if self.max_delta_e is not None and self.max_delta_e < 0:
            raise ValueError(f"max_delta_e={self.max_delta_e} should be >= 0")

    @property
    def is_size_goal(self) -> bool:
        """True for a file-size limit, where a larger K is better as long as it fits."""
        return self.max_bytes is not None

    def met_by(self, stats: Stats) -> bool:
        """Whether a measured result meets the goal."""
        if self.min_psnr is not None:
            return stats.psnr >= self.min_psnr
        if self.max_delta_e is not None:
            return stats.mean_delta_e <= self.max_delta_e
        if self.min_ssim is not None:
            return stats.ssim >= self.min_ssim  # False for NaN (an image below 11x11)
        assert self.max_bytes is not None
        return stats.output_bytes <= self.max_bytes

    def describe(self) -> str:
        """The goal in words, e.g. 'PSNR ≥ 35 dB'."""
        if self.min_psnr is not None:
            return f"PSNR ≥ {self.min_psnr:g} dB"
        if self.max_delta_e is not None:
            return f"mean ΔE ≤ {self.max_delta_e:g}"
        if self.min_ssim is not None:
            return f"SSIM ≥ {self.min_ssim:g}"
        return f"file ≤ {self.max_bytes} bytes"


@dataclass(frozen=True)
class GoalResult:
    """The chosen result; whether it meets the goal; every K measured on the way."""

    goal: Goal
    result: Result
    met: bool
    tried: dict[int, Stats] = field(default_factory=dict)

    @property
    def message(self) -> str:
        """One plain sentence for the user."""
        k = self.result.options.k
        if self.met:
            best = "smallest" if not self.goal.is_size_goal else "largest"
            return f"K={k} is the {best} K that meets {self.goal.describe()}"
        nearest = "largest" if not self.goal.is_size_goal else "smallest"
        return f"no K meets {self.goal.describe()}; kept the nearest, K={k} (the {nearest} K)"


def seek(
    image: LoadedImage,
    options: Options,
    goal: Goal,
    *,
    analysis: engine.Analysis | None = None,
    k_min: int = 2,
    k_max: int = engine.MAX_K,
    on_result: Callable[[Result], None] | None = None,
    should_stop: engine.StopCheck | None = None,
) -> GoalResult:
    """Find the K that meets ``goal`` by bisection over [k_min, k_max], measuring each K.

    Parameters
    ----------
    image : LoadedImage
    options : Options; its ``k`` is ignored, the other settings are used for every K
    goal : Goal
    analysis : engine.Analysis, optional, reused for every K (made once if not given)
    k_min, k_max : the K range searched, 1 <= k_min <= k_max <= 256
    on_result : callable(Result), optional, called after every K measured
    should_stop : callable() -> bool, optional; True makes the call raise ``engine.Cancelled``

    Returns
    -------
    GoalResult
    """
    if not 1 <= k_min <= k_max <= engine.MAX_K:
        raise ValueError(f"k_min={k_min}, k_max={k_max} should satisfy 1 <= k_min <= k_max <= 256")
    if analysis is None:
        analysis = engine.analyse(image.rgb, image.alpha)
    results: dict[int, Result] = {}
    # Quality does not depend on the save effort (same pixels): only size goals measure each
    # K at effort max; the others search at effort fast and rewrite the K chosen.
    measured = options if goal.is_size_goal else replace(options, effort="fast")

    def measure(k: int) -> Result:
        if k not in results:
            results[k] = compress(
                image, replace(measured, k=k), analysis=analysis, should_stop=should_stop
            )
            if on_result is not None:
                on_result(results[k])
        return results[k]

    def good(k: int) -> bool:
        return goal.met_by(measure(k).stats)

    # For quality goals "good" turns True as K grows; for size goals it turns False.
    if goal.is_size_goal:
        if not good(k_min):
            chosen, met = k_min, False
        elif good(k_max):
            chosen, met = k_max, True
        else:
            lo, hi = k_min, k_max  # good(lo), not good(hi)
            while hi - lo > 1:
                mid = (lo + hi) // 2
                lo, hi = (mid, hi) if good(mid) else (lo, mid)
            chosen, met = lo, True
    else:
        if not good(k_max):
            chosen, met = k_max, False
        elif good(k_min):
            chosen, met = k_min, True
        else:
            lo, hi = k_min, k_max  # not good(lo), good(hi)
            while hi - lo > 1:
                mid = (lo + hi) // 2
                lo, hi = (lo, mid) if good(mid) else (mid, hi)
            chosen, met = hi, True
    tried = {k: r.stats for k, r in sorted(results.items())}
    result = with_effort(results[chosen], options.effort, should_stop=should_stop)
    return GoalResult(goal=goal, result=result, met=met, tried=tried)
