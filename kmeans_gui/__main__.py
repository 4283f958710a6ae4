"""`python -m kmeans_gui`: start the desktop window (``python -m kmeans_gui.cli`` for the CLI)."""

import sys

from kmeans_gui.app.main import main

sys.exit(main())
