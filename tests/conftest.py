"""Shared test setup: Qt runs headless; small helpers to make images on disk."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
