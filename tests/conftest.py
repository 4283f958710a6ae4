"""Shared test setup: Qt runs headless; logs go to a temporary folder; the bad-input corpus."""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never write test logs into the real app-data folder (subprocesses inherit this too).
os.environ.setdefault("KMEANS_GUI_LOG_DIR", tempfile.mkdtemp(prefix="kmeans-gui-test-logs-"))
import pytest  # noqa: E402

import kmeans_gui  # noqa: E402,F401  (first: it sets the BLAS thread count before NumPy loads)


@pytest.fixture(scope="session")
def bad_corpus(tmp_path_factory):
    """The bad and awkward inputs of issue #7 (tests/make_bad_corpus.py), made once."""
    from make_bad_corpus import make_corpus

    return make_corpus(tmp_path_factory.mktemp("bad corpus"))
