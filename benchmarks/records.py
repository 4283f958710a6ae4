"""The measured records of a run (results.json) and the figures taken from them."""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable
from typing import Any

MB = 1e6

Record = dict[str, Any]


def geomean(values: Iterable[float]) -> float | None:
    """Geometric mean of positive values; None for none."""
    logs = [math.log(v) for v in values if v is not None and v > 0]
    return math.exp(sum(logs) / len(logs)) if logs else None


def find(records: list[Record], image: str, peer: str, k: int) -> Record | None:
    for r in records:
        if r["image"] == image and r["peer"] == peer and r["k"] == k and "error" not in r:
            return r
    return None


def image_ids(results: dict[str, Any], kind: str) -> list[str]:
    return [im["id"] for im in results["images"] if im["kind"] == kind]


def ours_over_peer(
    results: dict[str, Any], peer: str, ks: Iterable[int], key: str, peer_key: str | None = None
) -> list[tuple[str, int, float]]:
    """(photo, K, ours/peer) for every corpus photo and K where both have the figure."""
    found = []
    for image in image_ids(results, "photo"):
        for k in ks:
            ours, other = (find(results["records"], image, p, k) for p in ("ours", peer))
            if ours and other and ours.get(key) and other.get(peer_key or key):
                found.append((image, k, ours[key] / other[peer_key or key]))
    return found


def coverage(found: list[tuple[str, int, float]]) -> str:
    by_k: dict[int, int] = {}
    for _, k, _ in found:
        by_k[k] = by_k.get(k, 0) + 1
    return ", ".join(f"K={k} on {n} photo{'s' * (n > 1)}" for k, n in sorted(by_k.items()))


TARGET_2_KS = (16, 64)
DETERMINISTIC = "libimagequant"  # target 2's other peer: one run, no seed


def seeded(results: dict[str, Any], image: str, peer: str, k: int) -> list[Record]:
    """The seeded runs (target 2) of a peer on an image at K, by seed."""
    runs = [
        r
        for r in results.get("seeded", [])
        if r["image"] == image and r["peer"] == peer and r["k"] == k
    ]
    return sorted(runs, key=lambda r: r["seed"])


def seed_mean(results: dict[str, Any], image: str, peer: str, k: int) -> float | None:
    """Mean MSE over a peer's seeded runs on an image at K; None unless every seed ran."""
    runs = seeded(results, image, peer, k)
    if not runs or any("mse" not in r for r in runs):
        return None
    return statistics.fmean(r["mse"] for r in runs)


def seeds_used(results: dict[str, Any]) -> list[int]:
    return sorted({r["seed"] for r in results.get("seeded", [])})
