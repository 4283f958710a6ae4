"""The desktop window (Qt): main window, worker thread, views and panels, settings."""

from .window import MainWindow

__all__ = ["MainWindow"]
