"""kmeans_gui: compress photos by K-means colour quantization."""

import os

# The engine's matrix products are skinny (an inner dimension of 3 colour channels), where
# OpenBLAS's threads cost more than they give: on this project's 2-core machine one BLAS thread
# ran the nearest-centre search 4x faster than the default, and it leaves the other core to the
# window. This takes effect only if NumPy is imported after this package; users can override it.
for _variable in ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

from importlib.metadata import PackageNotFoundError, version  # noqa: E402

try:
    __version__ = version("kmeans-gui")
except PackageNotFoundError:  # running from a source tree or a frozen bundle without metadata
    __version__ = "0.1.0"
