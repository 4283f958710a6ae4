"""The desktop window (Qt): main window, worker thread, views and panels, settings."""

import os

# Qt's raster engine hands every fill of 96 or more spans (the busy progress bar's stripes,
# the scaled preview, group box frames) to a pool of threads and blocks the GUI thread until
# they are done. While the cores are busy (the worker, other programs) those threads wait for
# a core, and so does the window: on the 2-core test machine under load, single paints of the
# busy progress bar took up to 32 ms, and during a 12-megapixel compression the GUI thread
# stood blocked for up to 65 ms at a time. Painted by the GUI thread alone, the same fills
# take under 1 ms. Qt reads this at its first threaded fill, so it must be set before
# anything is painted; any value disables the pool.
os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")

from .window import MainWindow

__all__ = ["MainWindow"]
