"""The plot of a run: time and MSE against K, ours and every peer (results.png)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from benchmarks.records import find, geomean, image_ids


def plot(results: dict[str, Any], path: Path) -> str | None:
    """Time and MSE against K, ours and every peer: corpus photos and the 12.3 MP photo.

    Returns None on success, or a message when matplotlib is not installed.
    """
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return "no plot: matplotlib is not installed (pip install -e '.[bench]')"
    records = results["records"]
    panels = [("photo", "corpus photos (geometric mean)")]
    panels += [(im["id"], f"{im['label']} ({im['width']}x{im['height']})")
               for im in results["images"] if im["kind"] in ("large", "small")]  # fmt: skip
    fig, axes = plt.subplots(2, len(panels), figsize=(5.2 * len(panels), 9), squeeze=False)
    colors = plt.get_cmap("tab10").colors
    handles: dict[str, Any] = {}
    for col, (which, title) in enumerate(panels):
        ids = image_ids(results, "photo") if which == "photo" else [which]
        for i, (peer, info) in enumerate(results["peers"].items()):
            ks, times, mses = [], [], []
            for k in sorted({r["k"] for r in records}):
                found = [r for r in (find(records, i, peer, k) for i in ids) if r]
                if len(found) != len(ids) or not found:
                    continue
                ks.append(k)
                times.append(geomean(r["median"] for r in found))
                mses.append(geomean(r.get("mse") for r in found))
            if not ks:
                continue
            style = {"linewidth": 3, "color": "black"} if peer == "ours" else {"linewidth": 1.3}
            style.setdefault("color", colors[i % len(colors)])
            (handles[info["label"]],) = axes[0][col].plot(ks, times, marker="o", **style)
            axes[1][col].plot(ks, mses, marker="o", **style)
        axes[0][col].set_title(title, fontsize=10)
        for row, ylabel in ((0, "seconds (median)"), (1, "MSE (0-255 RGB)")):
            ax = axes[row][col]
            ax.set_xscale("log", base=2)
            ax.set_yscale("log")
            ax.set_xlabel("K")
            ax.set_ylabel(ylabel)
            ax.grid(True, which="both", alpha=0.3)
    fig.legend(handles.values(), handles.keys(), loc="lower center", ncol=4, fontsize=9)
    fig.suptitle(f"kmeans_gui engine vs peers — {results['started']}", fontsize=11)
    fig.tight_layout(rect=(0, 0.07, 1, 1))
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return None
