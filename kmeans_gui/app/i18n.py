"""The window's language: Qt translators for the app and for Qt's own dialogs, and numbers and
sizes written with the locale's separators.

Every visible string goes through :func:`translate`, :func:`tr` (texts with a count) or, in
tables, :func:`QT_TRANSLATE_NOOP`: the names ``pyside6-lupdate`` looks for. The catalogues are
``translations/kmeans_gui_<lang>.ts`` (``make translations`` collects the strings into them),
compiled by ``make qm`` to ``kmeans_gui/data/translations/*.qm``. The language follows the
system locale unless the Language setting names one (it applies at the next start).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..resources import resource_path
from . import settings

logger = logging.getLogger(__name__)

CATALOGUE = "kmeans_gui"
LANGUAGES = {"en": "English", "de": "Deutsch", "fr": "Français", "es": "Español"}
"""The languages shipped, each named in itself (as language menus do)."""
assert tuple(LANGUAGES) == settings.LANGUAGE_CODES

_installed: list[QTranslator] = []


def translate(context: str, text: str, disambiguation: str = "") -> str:
    """`text` in the window's language."""
    return QCoreApplication.translate(context, text, disambiguation or None)


def tr(text: str, disambiguation: str = "", n: int = -1) -> str:
    """A text with a count: ``%n`` becomes `n`, in the plural form the language needs.

    The name and the empty context are lupdate's: its Python parser finds plural forms in
    bare ``tr(text, disambiguation, n)`` calls (filed under the empty context), but not in
    ``translate()`` calls whose count is a variable.
    """
    return QCoreApplication.translate("", text, disambiguation or None, n)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for translation in `context` where it is defined (a table entry); it is
    translated where shown, with ``translate(context, text)``."""
    return text


def chosen_locale(language: str | None = None) -> QLocale:
    """The locale of a language code ("" or None: the Language setting, else the system's)."""
    code = settings.LANGUAGE.get() if language is None else language
    return QLocale(code) if code else QLocale.system()


def install(language: str | None = None) -> QLocale:
    """Load the app's and Qt's translations for a language into the running application,
    replacing those installed before, and make its locale the default; returns the locale.

    English needs no catalogue but the app's plural forms; a language with no catalogue
    stays English, with its locale's number formats.
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("i18n.install needs a QCoreApplication")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    locale = chosen_locale(language)
    QLocale.setDefault(locale)
    for name, folders in ((CATALOGUE, [str(resource_path("translations"))]), ("qtbase", _qt())):
        translator = QTranslator(app)
        # Tries the locale's UI languages in turn (de_AT -> de ...); False when none is there.
        if any(translator.load(locale, name, "_", folder) for folder in folders):
            app.installTranslator(translator)
            _installed.append(translator)
        elif locale.language() not in (QLocale.Language.English, QLocale.Language.C):
            logger.info("no %s translation for %s in %s", name, locale.name(), folders)
    return locale


def _qt() -> list[str]:
    """Where Qt's own catalogues are: where Qt says, else beside the PySide6 package."""
    import PySide6

    return [
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        str(Path(PySide6.__file__).parent / "Qt" / "translations"),
    ]


def language_name(code: str) -> str:
    """The menu text of a language code ("" is the system's)."""
    if not code:
        return translate("Language", "System Language")
    return LANGUAGES.get(code, code)


# -- numbers ------------------------------------------------------------------------------------
def number(value: float, decimals: int) -> str:
    """A fixed-point number with the locale's decimal separator, e.g. "31,25" in German."""
    return QLocale().toString(float(value), "f", decimals)


def integer(value: int) -> str:
    """A whole number with the locale's digit grouping, e.g. "1.234.567" in German."""
    return QLocale().toString(int(value))


def size_text(n: int) -> str:
    """Bytes in B/KB/MB/GB (powers of 1000, three significant digits) in the locale's
    format: the window's form of ``files.human_bytes``."""
    value = float(n)
    units = (
        translate("Units", "{0} B"),
        translate("Units", "{0} KB"),
        translate("Units", "{0} MB"),
        translate("Units", "{0} GB"),
    )
    for unit in units[:3]:
        if value < 1000:
            return unit.format(integer(n) if unit is units[0] else _three_digits(value))
        value /= 1000
    return units[3].format(_three_digits(value))


def _three_digits(value: float) -> str:
    """Three significant digits, trailing zeros dropped (as ``{:.3g}``): 1.2, 12.3, 123."""
    decimals = 2 if value < 10 else 1 if value < 100 else 0
    text = number(value, decimals)
    point = QLocale().decimalPoint()
    return text.rstrip("0").rstrip(point) if point in text else text
