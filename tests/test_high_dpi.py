"""High-DPI: at 200 % display scaling (QT_SCALE_FACTOR=2, offscreen), 100% shows one image
pixel per device pixel in the side-by-side pair, the split view and the K grid.

Qt reads the scale factor when the application starts, so the check runs in a child process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import json
    import numpy as np
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from kmeans_gui.app.kgrid import KGrid
    from kmeans_gui.app.qimage import array_to_qimage, qimage_to_array
    from kmeans_gui.app.splitview import SplitView
    from kmeans_gui.app.views import ImagePair

    yy, xx = np.mgrid[0:240, 0:320]
    checker = np.zeros((240, 320, 3), np.uint8)
    checker[(xx + yy) % 2 == 0] = 255  # one-pixel checkerboard: any resampling shows
    image = array_to_qimage(checker)

    def runs(view):
        # Lengths of equal-value runs along the middle row of the viewport, in device pixels.
        shot = qimage_to_array(view.viewport().grab().toImage())
        row = shot[shot.shape[0] // 2, shot.shape[1] // 4 : 3 * shot.shape[1] // 4, 0]
        edges = np.flatnonzero(np.diff(row.astype(int)) != 0)
        return sorted(set(np.diff(edges).tolist())), view.device_scale(), view.devicePixelRatioF()

    out = {}
    pair = ImagePair()
    pair.resize(900, 500)
    pair.show()
    for view in pair.views():
        view.set_image(image)
    app.processEvents()
    out["fit_device_scale"] = pair.original.device_scale()
    pair.actual_size()
    app.processEvents()
    out["pair"] = runs(pair.compressed)
    pair.original.set_scale(1.0)  # one image pixel per logical pixel: two device pixels
    app.processEvents()
    out["logical"] = runs(pair.original)

    split = SplitView()
    split.resize(600, 400)
    split.show()
    split.set_images(image, image)
    split.actual_size()
    app.processEvents()
    out["split"] = runs(split)

    grid = KGrid()
    grid.set_ks((2, 4))
    grid.resize(1000, 500)
    grid.show()
    app.processEvents()
    for k in (2, 4):
        grid.set_cell(k, image, f"K = {k}", True)
    grid.actual_size()
    app.processEvents()
    out["grid"] = runs(grid.cell(4).view)
    print(json.dumps(out))
    """
)


def test_100_percent_is_one_image_pixel_per_device_pixel_at_200_percent_scaling():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR="2")
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout.strip().splitlines()[-1])
    for name in ("pair", "split", "grid"):
        run_lengths, device_scale, ratio = out[name]
        assert ratio == 2.0, name
        assert device_scale == 1.0, name
        assert run_lengths == [1], f"{name}: runs of {run_lengths} device pixels at 100%"
    assert out["logical"][0] == [2]  # the old "100%": every image pixel drawn 2 x 2
    assert out["fit_device_scale"] <= 1.0  # fitting never enlarges past 100%
