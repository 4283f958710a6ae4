"""The engine imports neither Qt nor Pillow: checked in a fresh interpreter."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FORBIDDEN = ("PySide6", "shiboken6", "PIL", "pillow_heif")

SCRIPT = f"""
import json, sys
import numpy as np
import kmeans_gui.engine as engine
from kmeans_gui.engine import measure, measure_alpha, measure_ssim
assert engine.__file__.startswith({str(REPO)!r}), engine.__file__
rgb = np.random.default_rng(0).integers(0, 256, (16, 16, 3), dtype=np.uint8)
alpha = np.full((16, 16), 255, dtype=np.uint8)
alpha[0] = 0
analysis = engine.analyse(rgb, alpha)
for space in engine.COLOR_SPACES:
    q = engine.quantize(analysis, 4, color_space=space)
    indices, _ = engine.indexed_image(analysis, q)
    output = q.palette[engine.remap(rgb, q.palette, space)]
    engine.mse(rgb, output), engine.mean_delta_e_ok(rgb, output)
    engine.mean_ssim(engine.luma(rgb), engine.luma(output))
    palette = q.palette[:, :3]
    decoded = measure.palette_pixels(palette, indices)
    measure.figures_by_pixel(rgb, alpha, analysis, palette, decoded)
    measure_ssim.file_ssim(analysis, None, decoded)
    measure_alpha.entries_of_values(analysis.histogram, q.color_labels, None, indices, indices)
forbidden = {FORBIDDEN!r}
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in forbidden)))
"""


def test_engine_imports_no_qt_and_no_pillow() -> None:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(REPO)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else [])
    )
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert loaded == [], f"the engine pulled in {loaded}"
