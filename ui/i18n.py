"""The app's languages: which one to speak, loading its translations, and the core's words in it.

Every visible string of `ui/` goes through Qt's translation system (`self.tr()` in a QObject,
`QCoreApplication.translate(context, text)` elsewhere); `pyside6-lupdate` collects them into
`resources/translations/accreditor_<language>.ts` (`make translations`), and `pyside6-lrelease` builds the
`.qm` files this module loads.  The core's words (statuses, verdicts, reasons, refusals) live in one
vocabulary (`accreditor/vocabulary.py`); the app translates them by their code through `label`,
`headline` and `say` below, and only then fills in the details, so no English sentence is ever matched.
The CLI and `--json` stay English whatever the app speaks.
"""

import importlib.resources
from collections.abc import Iterable
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLibraryInfo, QLocale, QTime, QTranslator

from accreditor import vocabulary
from accreditor.countries import country_name
from accreditor.vocabulary import Phrase

TRANSLATIONS_DIR = Path(str(importlib.resources.files("resources") / "translations"))  # a folder: Qt loads by path
# The languages offered, each named in itself so that a reader finds their own whatever the app speaks.
LANGUAGES: dict[str, str] = {"en": "English", "ru": "Русский", "tg": "Тоҷикӣ"}
# Qt ships no Tajik words for its own buttons (OK, Cancel…); people in Tajikistan read Russian ones.
_QT_FALLBACK = {"tg": "ru"}
VOCABULARY_CONTEXT = "vocabulary"

_installed: list[QTranslator] = []
_spoken = ["en"]


def system_language() -> str:
    """The language of the computer's locale if the app speaks it, else English."""
    for name in QLocale.system().uiLanguages():
        code = name.split("-")[0].split("_")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


def chosen_language(setting: str) -> str:
    """The language a station setting asks for: "" (or anything unknown) follows the system."""
    return setting if setting in LANGUAGES else system_language()


def qm_file(language: str) -> Path:
    return TRANSLATIONS_DIR / f"accreditor_{language}.qm"


def apply_language(language: str) -> str:
    """Speak `language` from now on (windows built after this call): translators, and QLocale for numbers and dates.

    Returns the language spoken: English when the translation was not built (`make translations`).
    """
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    spoken = language if language in LANGUAGES else "en"
    if spoken != "en":
        ours = QTranslator()
        if not ours.load(str(qm_file(spoken))):
            spoken = "en"
        else:
            _installed.append(ours)
            qt_own = QTranslator()
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt_own.load(f"qtbase_{_QT_FALLBACK.get(spoken, spoken)}", qt_dir):
                _installed.append(qt_own)
    if app is not None:
        for translator in _installed:
            app.installTranslator(translator)
    QLocale.setDefault(QLocale(_LOCALE_NAMES[spoken]))
    _spoken[0] = spoken
    return spoken


def spoken_language() -> str:
    """The language the app speaks now ("en", "ru", "tg")."""
    return _spoken[0]


def country_text(code: str) -> str:
    """A country's usual name in the app's language, from an ISO code."""
    return country_name(code, spoken_language())


_LOCALE_NAMES = {"en": "en_GB", "ru": "ru_RU", "tg": "tg_TJ"}


# -- the core's vocabulary, translated by code --------------------------------------------------------------


def key_of(code: StrEnum, part: str) -> str:
    """The disambiguation that tells translators (and Qt) which code a source text belongs to."""
    return f"{type(code).__name__}.{code.value} {part}"


def translate_vocabulary(text: str, key: str) -> str:
    return QCoreApplication.translate(VOCABULARY_CONTEXT, text, key) if text else text


def label(code: StrEnum) -> str:
    """The code's short label in the app's language ("Pending", "ADMIT"…)."""
    return translate_vocabulary(vocabulary.label(code), key_of(code, "label"))


def headline(code: StrEnum) -> str:
    found = vocabulary.term(code)
    if not found.headline:
        return label(code)
    return translate_vocabulary(found.headline, key_of(code, "headline"))


def status_label(status: str) -> str:
    """A guest status as read in the app's language, whatever string the database holds."""
    try:
        return label(vocabulary.GuestStatus(status))
    except ValueError:
        return status


def say(phrase: Phrase) -> str:
    """A core sentence in the app's language: its template translated by code, then the details filled in."""
    found = vocabulary.term(phrase.code)
    if phrase.variant == vocabulary.LABEL:
        return label(phrase.code)
    template = found.variants[phrase.variant] if phrase.variant else found.message
    if not template:
        return label(phrase.code)
    part = f"variant {phrase.variant}" if phrase.variant else "message"
    translated = translate_vocabulary(template, key_of(phrase.code, part))
    return translated.format(**{name: _detail(value) for name, value in phrase.details.items()})


def say_all(phrases: Iterable[Phrase]) -> str:
    return " ".join(say(phrase) for phrase in phrases)


def _detail(value: object) -> str:
    if isinstance(value, Phrase):
        return say(value)
    if isinstance(value, tuple) and all(isinstance(item, Phrase) for item in value):
        return say_all(value)
    if isinstance(value, StrEnum):
        try:
            return label(value)
        except KeyError:
            return str(value)
    if isinstance(value, datetime):
        return time_text(value)
    if isinstance(value, date):
        return date_text(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return number_text(value)
    return str(value)


# -- dates, times and numbers in the chosen locale -----------------------------------------------------------


def date_text(day: date) -> str:
    """A day with the month in words ("5 December 2026", "5 декабря 2026"): no weekday, so it fits a sentence."""
    return QLocale().toString(QDate(day.year, day.month, day.day), "d MMMM yyyy")


def time_text(moment: datetime) -> str:
    """A time of day (local time) as the locale writes it, without seconds."""
    local = moment.astimezone() if moment.tzinfo else moment
    return QLocale().toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)


def date_time_text(moment: datetime) -> str:
    """A day and time (local time) in the locale's short form."""
    local = moment.astimezone() if moment.tzinfo else moment
    qt_moment = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
    return QLocale().toString(qt_moment, QLocale.FormatType.ShortFormat)


def number_text(number: float) -> str:
    """A count or amount with the locale's digit grouping (10,000 / 10 000)."""
    if isinstance(number, int):
        return QLocale().toString(number)
    return QLocale().toString(number, "f", 1)
