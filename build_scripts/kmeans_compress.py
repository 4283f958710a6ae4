"""Entry script of the bundled command line, ``kmeans-compress`` (the spec's second program)."""

import sys

from kmeans_gui.cli import main

sys.exit(main())
