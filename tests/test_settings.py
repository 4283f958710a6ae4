"""Settings declared once: defaults, round trips, bad values, writes off the calling thread,
recent files."""

from __future__ import annotations

import os
import threading

import pytest
from PySide6.QtCore import QByteArray, QSettings

from kmeans_gui.app import settings

pytestmark = pytest.mark.usefixtures("settings_file")


# -- settings --------------------------------------------------------------------------------
def test_settings_defaults_round_trip_and_bad_values(settings_file):
    assert settings.K.get() == 16
    assert settings.RECENT_FILES.get() == []
    assert settings.DITHER.get() == 0
    settings.K.set(40)
    settings.DITHER.set(60)
    settings.RECENT_FILES.set(["/a.png"])
    settings.GEOMETRY.set(QByteArray(b"\x01\x02"))
    store = settings.store()
    store.sync()
    assert settings.K.get() == 40
    assert settings.DITHER.get() == 60
    assert settings.RECENT_FILES.get() == ["/a.png"]
    assert bytes(settings.GEOMETRY.get().data()) == b"\x01\x02"
    store.setValue(settings.K.key, 999)
    store.setValue(settings.COLOR_SPACE.key, "hsv")
    store.setValue(settings.DITHER.key, 150)
    assert settings.DITHER.get(store) == 0
    assert settings.K.get(store) == 16
    assert settings.COLOR_SPACE.get(store) == "rgb"
    assert settings_file.exists()


def test_settings_are_written_off_the_calling_thread_and_read_back_at_once(
    settings_file, monkeypatch
):
    # QSettings syncs every write with fdatasync: not on the window's thread.
    writers = []
    write = settings._Writer._write

    def spy(self, *args):
        writers.append(threading.current_thread())
        write(self, *args)

    monkeypatch.setattr(settings._Writer, "_write", spy)
    settings.K.set(40)
    settings.add_recent_files(["/a.png", "/b.png"])
    assert settings.K.get() == 40  # before or after the write: the same answer
    assert settings.RECENT_FILES.get() == ["/a.png", "/b.png"]
    settings.flush()
    assert writers and all(t is not threading.current_thread() for t in writers)
    on_disk = QSettings(str(settings_file), QSettings.Format.IniFormat)
    assert settings.K.get(on_disk) == 40
    assert settings.RECENT_FILES.get(on_disk) == ["/a.png", "/b.png"]


def test_store_comes_after_the_background_writes(settings_file):
    for k in range(20, 40):
        settings.K.set(k)
    store = settings.store()  # waits: what it writes is not overwritten by an older value
    settings.K.set(50, store)
    del store
    assert settings.K.get() == 50
    settings.flush()
    assert settings.K.get() == 50


def test_every_key_is_declared_once_and_groups_are_apart():
    keys = [s.key for s in settings.PREFERENCES + settings.WINDOW]
    assert len(keys) == len(set(keys))
    assert all(k.startswith("preferences/") for k in (s.key for s in settings.PREFERENCES))
    assert all(k.startswith("window/") for k in (s.key for s in settings.WINDOW))


def test_recent_files_most_recent_first_without_duplicates():
    for name in ["a", "b", "a"] + [f"f{i}" for i in range(12)]:
        files = settings.add_recent_files([f"/x/{name}.png"])
    assert len(files) == settings.MAX_RECENT_FILES
    assert files[0] == "/x/f11.png"
    assert len(set(files)) == len(files)


def test_the_old_dithering_checkbox_setting_becomes_full_strength(settings_file, qtbot):
    from kmeans_gui.app import MainWindow

    store = settings.store()
    store.setValue(settings.OLD_DITHER.key, True)
    store.sync()
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.options().dither == 100
    window.close()


def test_names_that_are_not_utf8_are_not_remembered_as_another_file(settings_file):
    """Qt dropped the odd bytes of ``café.png`` in Latin-1: Open Recent offered ``caf.png``."""
    odd = os.fsdecode(b"/photos/caf\xe9.png")
    settings.OPEN_FOLDER.set("/photos")
    settings.add_recent_files(["/photos/a.png"])
    settings.add_recent_files([odd, "/photos/b.png"])
    settings.OPEN_FOLDER.set(os.fsdecode(b"/caf\xe9"))
    settings.flush()
    stored = QSettings(str(settings_file), QSettings.Format.IniFormat)
    assert settings.RECENT_FILES.get(stored) == ["/photos/b.png", "/photos/a.png"]
    assert settings.OPEN_FOLDER.get(stored) == "/photos"
