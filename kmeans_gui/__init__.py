"""kmeans_gui: compress photos by K-means colour quantization."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kmeans-gui")
except PackageNotFoundError:  # running from a source tree or a frozen bundle without metadata
    __version__ = "0.1.0"
