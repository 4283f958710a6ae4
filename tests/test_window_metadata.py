"""Issue #15 in the window: the Metadata choice and Keep dates, remembered; the statistics say
what the file keeps; Save and Save All write it. Headless, real worker thread, dialogs patched."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from camera_photos import MODEL, XMP, camera_photo
from PIL import ExifTags, Image
from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from kmeans_gui.app import MainWindow, settings
from kmeans_gui.compress import Options

TAKEN_NS = 1_400_000_000_000_000_000  # 2014
TIMEOUT = 60_000

pytestmark = pytest.mark.usefixtures("settings_file")


def wait_idle(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(window.is_idle, timeout=TIMEOUT)


def wait_result(qtbot, window: MainWindow, path: Path, k: int) -> None:
    """Wait until the result of (path, k) with the window's current options is on screen."""
    qtbot.waitUntil(
        lambda: (r := window.shown_result()) is not None
        and r.source == path and r.options == window.options() and r.options.k == k,
        timeout=TIMEOUT,
    )  # fmt: skip


def metadata_box(window: MainWindow) -> QComboBox:
    return window.findChild(QComboBox, "metadataBox")


def keep_dates_box(window: MainWindow) -> QCheckBox:
    return window.findChild(QCheckBox, "keepDatesCheckBox")


def test_metadata_and_keep_dates_are_remembered(qtbot, window):
    assert window.options().metadata == "no-location"  # the default
    assert not keep_dates_box(window).isChecked()
    metadata_box(window).setCurrentIndex(metadata_box(window).findData("strip"))
    keep_dates_box(window).setChecked(True)
    assert window.options().metadata == "strip"
    window.close()
    assert settings.METADATA.get() == "strip" and settings.KEEP_DATES.get() is True
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.options() == Options(metadata="strip")
    assert keep_dates_box(again).isChecked()
    again.close()


def test_statistics_say_what_is_kept_and_follow_the_choice(qtbot, window, tmp_path):
    src = camera_photo(tmp_path / "photo.jpg", xmp=XMP)
    window.open_paths([src])
    wait_result(qtbot, window, src, 16)
    values = window.findChild(QWidget, "statsPanel").values()
    assert values["metadata"] == "EXIF, XMP; GPS location removed"
    metadata_box(window).setCurrentIndex(metadata_box(window).findData("keep"))
    wait_result(qtbot, window, src, 16)
    assert window.findChild(QWidget, "statsPanel").values()["metadata"] == "EXIF, XMP"
    assert window.shown_result().options.metadata == "keep"


def test_save_and_save_all_keep_metadata_and_dates(qtbot, window, tmp_path, dialog_calls):
    src = camera_photo(tmp_path / "photo.jpg")
    os.utime(src, ns=(TAKEN_NS, TAKEN_NS))
    keep_dates_box(window).setChecked(True)
    window.open_paths([src])
    wait_result(qtbot, window, src, 16)
    target = tmp_path / "saved.png"
    dialog_calls["answers"]["save_file"] = (str(target), "png")
    window.save_action.trigger()  # at effort max (the default): rewritten by the worker
    wait_idle(qtbot, window)
    assert target.stat().st_mtime_ns == TAKEN_NS
    with Image.open(target) as im:
        exif = im.getexif()
        assert exif[ExifTags.Base.Model] == MODEL and exif[ExifTags.Base.Orientation] == 1
        assert exif.get_ifd(ExifTags.IFD.GPSInfo) == {}  # the default leaves the location out
    webp = tmp_path / "saved.webp"  # another format: encoded and saved by the worker
    dialog_calls["answers"]["save_file"] = (str(webp), "webp")
    window.save_action.trigger()
    wait_idle(qtbot, window)
    assert webp.stat().st_mtime_ns == TAKEN_NS
    folder = tmp_path / "all"
    folder.mkdir()
    dialog_calls["answers"]["choose_folder"] = str(folder)
    keep_dates_box(window).setChecked(False)
    window.save_all_action.trigger()
    wait_idle(qtbot, window)
    assert (folder / "photo_k16.png").stat().st_mtime_ns != TAKEN_NS
    with Image.open(folder / "photo_k16.png") as im:
        assert im.getexif()[ExifTags.Base.Model] == MODEL
