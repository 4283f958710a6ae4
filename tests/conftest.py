"""Shared test setup: Qt runs headless; small helpers to make images on disk."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
import kmeans_gui  # noqa: E402,F401  (first: it sets the BLAS thread count before NumPy loads)
