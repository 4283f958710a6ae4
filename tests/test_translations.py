"""Translations: the catalogues hold every string of the window, translated; the language
follows the setting, else the system; numbers use the locale's separators; in German the
window's menus and dialogs, Qt's own buttons included, have no English left."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QWidget,
)

from kmeans_gui.app import dialogs, i18n, settings

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = ROOT / "translations"
LANGUAGES = ("de", "fr", "es")


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> <message> of a .ts file."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


@pytest.fixture(autouse=True)
def settings_file(tmp_path):
    settings.use_file(tmp_path / "settings.ini")
    yield
    settings.use_file(None)


@pytest.fixture
def language(qapp):
    """``language(code)`` installs a language; English again afterwards."""
    yield i18n.install
    i18n.install("en")


def test_catalogues_hold_every_string_of_the_window_translated(tmp_path):
    """A string added to the window without `make translations` (or left untranslated) fails."""
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    assert lupdate, "pyside6-lupdate comes with the PySide6 wheel"
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "kmeans_gui" / "app").glob("*.py"))
    subprocess.run([lupdate, "-silent", "-locations", "none", *sources, "-ts", str(fresh)],
                   check=True)  # fmt: skip
    wanted = set(messages(fresh))
    assert len(wanted) > 300
    for language in LANGUAGES:
        catalogue = messages(CATALOGUES / f"kmeans_gui_{language}.ts")
        assert set(catalogue) == wanted, f"{language}: run `make translations`"
        for (_, source), message in catalogue.items():
            translation = message.find("translation")
            assert translation is not None and translation.get("type") is None, (language, source)
            forms = [f.text or "" for f in translation.iter("numerusform")] or [
                translation.text or ""
            ]
            for form in forms:
                assert form, (language, source)
                # The same {placeholders} and at most one & (a menu's mnemonic).
                assert sorted(re.findall(r"\{\w*\}", form)) == sorted(
                    re.findall(r"\{\w*\}", source)
                ), (language, source, form)
                assert form.count("&") <= 1, (language, form)
    plural = {k for k, m in messages(CATALOGUES / "kmeans_gui_en.ts").items()}
    assert plural == {k for k, m in messages(fresh).items() if m.get("numerus") == "yes"}


def test_mnemonics_of_each_menu_differ(language, qtbot):
    from kmeans_gui.app.window import MainWindow

    for code in ("en", *LANGUAGES):
        language(code)
        window = MainWindow()
        qtbot.addWidget(window)
        for menu in window.menuBar().findChildren(QMenu):
            keys = [
                match.group(1).lower()
                for action in menu.actions()
                if (match := re.search(r"&(\w)", action.text()))
            ]
            assert len(keys) == len(set(keys)), (code, menu.title(), keys)
        bar = [re.search(r"&(\w)", a.text()) for a in window.menuBar().actions()]
        assert len({m.group(1).lower() for m in bar if m}) == len(bar), code
        window.close()


def test_language_follows_the_setting_else_the_system(qapp):
    settings.LANGUAGE.set("fr")
    assert i18n.chosen_locale().language() == QLocale.Language.French
    settings.LANGUAGE.set("")
    assert i18n.chosen_locale() == QLocale.system()
    assert i18n.chosen_locale("es").language() == QLocale.Language.Spanish


@pytest.mark.parametrize("code", LANGUAGES)
def test_qt_dialog_buttons_are_translated_too(language, code):
    language(code)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") != "Cancel"
    assert i18n.translate("Actions", "&File") != "&File"


def test_numbers_and_sizes_use_the_locale(language):
    language("de")
    assert i18n.size_text(1_234_567) == "1,23 MB"
    assert i18n.integer(1_234_567) == "1.234.567"
    assert i18n.number(31.25, 2) == "31,25"
    assert i18n.tr("%n file(s) already exist:", "", 1) == "1 Datei existiert bereits:"
    assert i18n.tr("%n file(s) already exist:", "", 2) == "2 Dateien existieren bereits:"
    language("fr")
    french = QLocale(QLocale.Language.French)
    assert i18n.size_text(45_600) == "45,6 ko"
    assert i18n.integer(1_234_567) == f"1{french.groupSeparator()}234{french.groupSeparator()}567"
    language("en")
    assert i18n.size_text(999) == "999 B"
    assert i18n.size_text(45_600) == "45.6 KB"
    assert i18n.tr("%n file(s) already exist:", "", 1) == "1 file already exists:"


# -- the window in German ----------------------------------------------------------------------
ENGLISH_WORDS = """the and of to with for from file files open save saved cancel image images
colour colours folder folders yes no name type look directory quit help view edit zoom fit size
recent clear more fewer find goal export paste language behind black white remove list about
smallest larger replace keep would than are already exist exists every done waiting compressed
choose new back forward detail cancelled stop"""
ENGLISH = set(ENGLISH_WORDS.split())  # common English words that are no German ones
ALLOWED = {"png", "gif", "webp", "k", "psnr", "ssim", "oklab", "rgb", "json", "act", "gpl"}


def english_words(text: str) -> set[str]:
    words = set(re.findall(r"[a-z']+", text.replace("&", "").lower()))
    return (words & ENGLISH) - ALLOWED


def texts_of(widget: QWidget) -> list[str]:
    """Every text a person reads in a dialog: title, labels, buttons, fields, lists."""
    found = [widget.windowTitle()]
    for child in widget.findChildren(QWidget):
        if not child.isVisible():
            continue
        if isinstance(child, (QLabel, QAbstractButton)):
            found.append(child.text())
        elif isinstance(child, QLineEdit):
            found.append(child.placeholderText())
        elif isinstance(child, QComboBox):
            found += [child.itemText(i) for i in range(child.count())]
    return [t for t in found if t]


def read_modal(seen: list[str], answer=None):
    """When a modal dialog opens: note its texts, then close it (or call `answer`)."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, look)
            return
        seen.extend(texts_of(dialog))
        (answer or dialog.reject)()

    QTimer.singleShot(20, look)


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")  # offscreen's limits
def test_the_window_in_german_has_no_english_in_menus_and_dialogs(language, qtbot, tmp_path):
    from kmeans_gui.app.window import MainWindow

    language("de")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    seen: list[str] = []
    for menu in [window.menuBar(), *window.menuBar().findChildren(QMenu)]:
        if isinstance(menu, QMenu):
            menu.aboutToShow.emit()  # Open Recent fills itself when it opens
            seen.append(menu.title())
        for action in menu.actions():
            seen += [action.text(), action.toolTip(), action.statusTip()]
    seen += texts_of(window)  # the controls, views and panels on screen
    window.show_goal_panel()
    seen += texts_of(window.goal_panel())
    window.goal_panel().close()
    # Every dialog the window opens, with Qt's own parts (file dialogs, Yes/No buttons).
    target = tmp_path / "a.png"
    target.write_bytes(b"")
    for run in (
        lambda: dialogs.open_files(window, str(tmp_path)),
        lambda: dialogs.open_folder(window, str(tmp_path)),
        lambda: dialogs.save_file(window, str(target), "png"),
        lambda: dialogs.save_palette_file(window, str(tmp_path / "p.gpl")),
        lambda: dialogs.save_original_file(window, str(target), ".png"),
        lambda: dialogs.choose_folder(window, str(tmp_path)),
        lambda: dialogs.confirm_overwrite(window, target),
        lambda: dialogs.confirm_overwrite_many(window, [f"{i}.png" for i in range(12)]),
        lambda: dialogs.ask_keep_original(window, "a.png", 2000, 1000),
        lambda: dialogs.ask_keep_originals(window, ["a.png", "b.png"]),
        lambda: dialogs.error(window, window.tr("x"), "a.png"),
    ):
        read_modal(seen)
        run()
    read_modal(seen)
    window.about()  # its box: the buttons are Qt's
    assert len(seen) > 150
    # The dialogs were read, Qt's own parts in German too (its file dialog, its buttons).
    assert {"Bilder öffnen", "Datei ersetzen?", "Über kmeans-gui"} <= set(seen)
    assert {"&Ja", "&Nein", "Abbrechen"} & set(seen) and any(
        "Dateiname" in t.replace("&", "") for t in seen
    )
    shown = [text for text in seen if str(tmp_path) not in text and not text.startswith("/")]
    left = {text: english_words(text) for text in shown if english_words(text)}
    assert not left, sorted(left)


def test_view_language_menu_stores_the_choice_for_the_next_start(qtbot):
    from kmeans_gui.app.window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    (menu,) = [m for m in window.menuBar().findChildren(QMenu) if m.title() == "&Language"]
    entries = {action.text(): action for action in menu.actions()}
    assert list(entries) == ["System Language", "English", "Deutsch", "Français", "Español"]
    assert entries["System Language"].isChecked()
    entries["Deutsch"].trigger()
    assert settings.LANGUAGE.get() == "de" and entries["Deutsch"].isChecked()
    assert "started again" in window.statusBar().currentMessage()
    assert i18n.chosen_locale().language() == QLocale.Language.German
    window.close()
