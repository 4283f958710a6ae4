"""Shared test setup: Qt runs headless; logs go to a temporary folder; the bad-input corpus;
the window with its settings in a temporary file and every dialog answered by the test."""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never write test logs into the real app-data folder (subprocesses inherit this too).
os.environ.setdefault("KMEANS_GUI_LOG_DIR", tempfile.mkdtemp(prefix="kmeans-gui-test-logs-"))
import pytest

import kmeans_gui  # noqa: F401  (first: it sets the BLAS thread count before NumPy loads)


@pytest.fixture(scope="session")
def qapp(qapp):
    """pytest-qt's application, in English with the app's catalogue loaded, as a user with an
    English system sees it (its plural forms, "1 file" and "2 files", come from the catalogue).
    The catalogues are compiled first if `make qm` has not (the PySide6 wheel's lrelease)."""
    from kmeans_gui.app import i18n

    compile_translations()
    i18n.install("en")
    return qapp


def compile_translations() -> None:
    """translations/*.ts -> kmeans_gui/data/translations/*.qm where missing or out of date."""
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    for ts in sorted((root / "translations").glob("*.ts")):
        qm = root / "kmeans_gui" / "data" / "translations" / f"{ts.stem}.qm"
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            assert lrelease, "pyside6-lrelease (from the PySide6 wheel) is needed"
            qm.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=True)


@pytest.fixture(scope="session")
def bad_corpus(tmp_path_factory):
    """The bad and awkward inputs of issue #7 (tests/make_bad_corpus.py), made once."""
    from make_bad_corpus import make_corpus

    return make_corpus(tmp_path_factory.mktemp("bad corpus"))


@pytest.fixture(scope="session")
def slow_jpeg2000(tmp_path_factory):
    """A 6-megapixel noise JPEG 2000: its decode takes seconds here (the slowest decoder)."""
    import numpy as np
    from PIL import Image

    path = tmp_path_factory.mktemp("slow") / "slow.jp2"
    rng = np.random.default_rng(0)
    Image.fromarray(rng.integers(0, 256, (2000, 3000, 3), dtype=np.uint8)).save(path)
    return path


@pytest.fixture
def refuse_new_files(monkeypatch):
    """``refuse(folder, error)``: make os.open fail with `error` for new files in `folder`,
    named ones (O_CREAT) and unnamed ones (O_TMPFILE, opened on the folder itself), as the OS
    does for an unwritable folder (tests may run as root, whom permissions do not stop)."""
    import os
    from pathlib import Path

    real = os.open
    tmpfile = getattr(os, "O_TMPFILE", 0)
    refused: dict[Path, OSError] = {}

    def fake(path, flags, *args, **kwargs):
        target = Path(os.fsdecode(path))
        for folder, error in refused.items():
            new_named = target.parent == folder and flags & os.O_CREAT
            new_unnamed = tmpfile and target == folder and flags & tmpfile == tmpfile
            if new_named or new_unnamed:
                raise error
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", fake)
    return lambda folder, error: refused.__setitem__(Path(folder), error)


# -- the window's fixtures -------------------------------------------------------------------
@pytest.fixture
def settings_file(tmp_path):
    """The app's settings in a file of the test's own, never the user's (app tests use it)."""
    from kmeans_gui.app import settings

    settings.use_file(tmp_path / "settings.ini")
    yield tmp_path / "settings.ini"
    settings.use_file(None)


@pytest.fixture
def dialog_calls(monkeypatch):
    """Replace every dialog; record the calls. Tests set answers in the returned dict."""
    from kmeans_gui.app import dialogs

    calls: dict[str, list] = {}
    answers: dict[str, object] = {
        "save_file": ("", ""),
        "choose_folder": "",
        "confirm_overwrite": False,
        "confirm_overwrite_many": None,
        "open_files": [],
        "open_folder": "",
    }

    def fake(name):
        def record(*args):
            calls.setdefault(name, []).append(args[1:])
            return answers.get(name)

        return record

    for name in ("open_files", "open_folder", "save_file", "choose_folder", "confirm_overwrite",
                 "confirm_overwrite_many", "error", "notify", "about"):  # fmt: skip
        monkeypatch.setattr(dialogs, name, fake(name))
    calls["answers"] = answers  # type: ignore[assignment]
    return calls


@pytest.fixture
def window(qtbot, settings_file, dialog_calls):
    """The main window, not shown; closed after the test, its worker thread stopped."""
    from kmeans_gui.app import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    yield w
    w.close()
    assert not w.worker_thread.isRunning()


@pytest.fixture
def log_dir(tmp_path, monkeypatch):
    """The log written into a folder of the test's own; the handler closed after it."""
    import logging

    from kmeans_gui import logs

    folder = tmp_path / "logs"
    monkeypatch.setenv(logs.ENV_FOLDER, str(folder))
    yield folder
    logging.getLogger("kmeans_gui").handlers[:] = [
        h for h in logging.getLogger("kmeans_gui").handlers if h is not logs._handler
    ]
    if logs._handler is not None:
        logs._handler.close()
    logs._handler = None
