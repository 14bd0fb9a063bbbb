"""The app in Russian and Tajik: complete, current translations, loaded at start, and the core's words by code."""

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from accreditor import vocabulary
from accreditor.vocabulary import GateReason, GuestStatus, Phrase, TokenReason, phrase
from tools import update_translations
from ui import i18n, settings
from ui.settings import SettingsDialog, StationSettings

ROOT = Path(__file__).resolve().parents[2]
TRANSLATED = [language for language in i18n.LANGUAGES if language != "en"]
PLACEHOLDER = re.compile(r"\{\w*\}")
LRELEASE = Path(sys.executable).parent / "pyside6-lrelease"


def _messages(language: str) -> list[ElementTree.Element]:
    root = ElementTree.parse(ROOT / "resources" / "translations" / f"accreditor_{language}.ts").getroot()
    return list(root.iter("message"))


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_string_is_translated_and_none_is_obsolete(language: str) -> None:
    """`make update-translations` then a translator: nothing unfinished, vanished or left empty."""
    unfinished = [
        message.findtext("source")
        for message in _messages(language)
        if (translation := message.find("translation")) is None
        or translation.get("type") in ("unfinished", "obsolete", "vanished")
        or not (translation.text or "").strip()
    ]
    assert unfinished == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_the_placeholders_of_their_source(language: str) -> None:
    """`{name}` is filled in after translating: a translation that drops or renames one would fail at run time."""
    broken = [
        (message.findtext("source"), translation)
        for message in _messages(language)
        if sorted(PLACEHOLDER.findall(message.findtext("source") or ""))
        != sorted(PLACEHOLDER.findall(translation := message.findtext("translation") or ""))
    ]
    assert broken == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_sources_are_current_with_the_code(language: str, tmp_path: Path) -> None:
    """Every marked string of ui/ and every word of the vocabulary is in the .ts (run `make update-translations`)."""
    copy = tmp_path / f"accreditor_{language}.ts"
    shutil.copy(update_translations.ts_file(language), copy)
    original = update_translations.ts_file
    try:
        update_translations.ts_file = lambda _language: copy  # type: ignore[assignment]
        update_translations.update(language)
    finally:
        update_translations.ts_file = original  # type: ignore[assignment]
    keys = {(m.findtext("source"), m.findtext("comment")) for m in _messages(language)}
    fresh = {(m.findtext("source"), m.findtext("comment")) for m in ElementTree.parse(copy).getroot().iter("message")}
    assert fresh - keys == set(), "strings not yet in the .ts"
    assert keys - fresh == set(), "strings no longer in the code"


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_built_translation_is_the_one_of_the_source(language: str, tmp_path: Path) -> None:
    """The .qm the app loads is built from the .ts in the repository (`make translations`)."""
    built = i18n.qm_file(language)
    assert built.exists(), f"{built.name} is missing: run `make translations`"
    fresh = tmp_path / built.name
    source = ROOT / "resources" / "translations" / f"accreditor_{language}.ts"
    subprocess.run([str(LRELEASE), "-silent", str(source), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == built.read_bytes(), f"{built.name} is stale: run `make translations`"


def test_the_language_follows_the_setting_else_the_system() -> None:
    assert i18n.chosen_language("tg") == "tg"
    assert i18n.chosen_language("") == i18n.system_language()
    assert i18n.chosen_language("xx") == i18n.system_language()
    assert i18n.system_language() in i18n.LANGUAGES


def test_russian_labels_dates_and_numbers() -> None:
    assert i18n.apply_language("ru") == "ru"
    dialog = SettingsDialog(None, StationSettings())
    try:
        assert dialog.windowTitle() == "Настройки рабочего места"
    finally:
        dialog.deleteLater()
    assert i18n.label(GuestStatus.REVOKED) == "Отозван"
    assert i18n.label(vocabulary.GateColour.GREEN) == "ПРОПУСТИТЬ"
    assert i18n.date_text(date(2026, 12, 5)) == "5 декабря 2026"
    assert i18n.number_text(10000) == QLocale("ru_RU").toString(10000)
    assert i18n.country_text("TJ") == "Таджикистан"


def test_tajik_words_use_the_tajik_letters() -> None:
    assert i18n.apply_language("tg") == "tg"
    words = " ".join(i18n.label(code) for kind in vocabulary.VOCABULARIES for code in kind)
    assert set("ҳӯғқҷӣ") <= set(words.lower())
    assert i18n.label(vocabulary.GateColour.GREEN) == "ГУЗАРОНЕД"


def test_core_sentences_are_translated_by_code_then_filled_in() -> None:
    """The template is looked up by the code; the details (a date, a zone) are put in afterwards, in the locale."""
    expired = phrase(GateReason.EXPIRED, until=date(2026, 12, 5))
    assert str(expired) == "Badge expired: it was valid until 5 December 2026."
    i18n.apply_language("ru")
    russian = i18n.say(expired)
    assert russian.startswith("Срок бейджа истёк: действовал до 5 декабря 2026")
    assert i18n.say(phrase(TokenReason.BAD_SIGNATURE, vocabulary.LABEL)) == "Поддельный бейдж (неверная подпись)"
    nested = Phrase(GateReason.OVERRIDE, details={"reason": "протокол", "was": "red", "message": (expired,)})
    assert "Срок бейджа истёк" in i18n.say(nested)


def test_every_word_of_the_vocabulary_is_in_the_translation() -> None:
    """A new reason code in the core fails here until it is translated (by code, never by its English)."""
    i18n.apply_language("ru")
    for kind in vocabulary.VOCABULARIES:
        for code in kind:
            assert i18n.label(code) != vocabulary.label(code) or vocabulary.label(code) in ("ID",), code


def test_english_stays_english() -> None:
    assert i18n.apply_language("en") == "en"
    assert i18n.label(GuestStatus.PENDING) == "Pending"
    assert i18n.say(phrase(GateReason.OK, zone="PLN")) == "Valid for PLN."


def test_the_language_is_chosen_in_settings_and_applies_at_restart(qapp: QApplication) -> None:
    dialog = SettingsDialog(None, StationSettings())
    try:
        assert dialog.language.currentData() == ""  # the computer's language until one is chosen
        assert dialog.language_note.isHidden()
        dialog.language.setCurrentIndex(dialog.language.findData("tg"))
        assert not dialog.language_note.isHidden()
        assert dialog.settings().language == "tg"
        assert [dialog.language.itemText(index) for index in range(1, 4)] == ["English", "Русский", "Тоҷикӣ"]
    finally:
        dialog.deleteLater()
    settings.save_settings(StationSettings(language="ru"))
    assert settings.load_settings().language == "ru"
