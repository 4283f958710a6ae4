"""kmeans_gui: compress photos by K-means colour quantization."""

import os

# The engine's matrix products are skinny (an inner dimension of 3 colour channels), where
# OpenBLAS's threads cost more than they give: on this project's 2-core machine one BLAS thread
# ran the nearest-centre search 4x faster than the default, and it leaves the other core to the
# window. This takes effect only if NumPy is imported after this package; users can override it.
for _variable in ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")


def __getattr__(name: str) -> str:
    """``__version__``, read from the installed metadata when first asked for: importing
    importlib.metadata took 30 ms of the command line's start-up, which needs it only for
    ``--version``."""
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        value = version("kmeans-gui")
    except PackageNotFoundError:  # running from a source tree or a frozen bundle without metadata
        value = "0.1.0"
    globals()["__version__"] = value
    return value
