"""The desktop window (Qt): main window, worker thread, views and panels, settings."""

from .pyside_fixes import protect_none

protect_none()  # before any widget: PySide6 6.12.0 on Python < 3.12 (see pyside_fixes)

from .window import MainWindow  # noqa: E402

__all__ = ["MainWindow"]
