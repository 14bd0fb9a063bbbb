"""Text rules: cleaning, Latin transliteration, folding, sound keys and label keys."""

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accreditor.text import clean, fold, label_key, name_key, phonetic, to_latin

FOLDED = re.compile(r"([a-z0-9]+( [a-z0-9]+)*)?")


# -- clean ---------------------------------------------------------------------------------------


def test_clean_trims_and_collapses_whitespace() -> None:
    assert clean("  Jamshed \t\n  Rahmonov  ") == "Jamshed Rahmonov"


def test_clean_composes_to_nfc() -> None:
    decomposed = "Rene\u0301e"
    assert unicodedata.is_normalized("NFD", decomposed)

    assert clean(decomposed) == "Ren\u00e9e"


def test_clean_turns_none_into_empty_text() -> None:
    assert clean(None) == ""


def test_clean_turns_other_values_into_text() -> None:
    assert clean(2027) == "2027"


# -- to_latin ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "latin"),
    [
        ("Ҷамшед", "Jamshed"),
        ("Рахмонов", "Rakhmonov"),
        ("Иванов Иван", "Ivanov Ivan"),
        ("Łukasz Żółć", "Lukasz Zolc"),
    ],
)
def test_to_latin_transliterates_names(written: str, latin: str) -> None:
    assert to_latin(written) == latin


def test_to_latin_writes_an_upper_case_name_with_one_capital() -> None:
    latin = to_latin("РАХМОНОВ")

    assert latin == "Rakhmonov"
    assert "Kh" not in latin


def test_to_latin_leaves_latin_text_as_written_but_clean() -> None:
    assert to_latin("  Claire   O'Brien ") == "Claire O'Brien"


def test_to_latin_gives_readable_arabic() -> None:
    latin = to_latin("أبو داوود")

    assert "Abu" in latin.split()
    assert latin.isascii()


def test_to_latin_spells_the_ayn_at_the_start_as_a_vowel() -> None:
    assert to_latin("علي") == "Ali"


@pytest.mark.parametrize(("written", "pinyin"), [("高 秀珍", "Gao Xiuzhen"), ("王 小明", "Wang Xiaoming")])
def test_to_latin_gives_chinese_pinyin(written: str, pinyin: str) -> None:
    assert to_latin(written) == pinyin


def test_to_latin_capitalises_each_chinese_word_once() -> None:
    words = to_latin("高 秀珍").split()

    assert len(words) == 2
    assert all(word.isascii() and word == word.capitalize() for word in words)


# -- fold ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("РАХМОНОВ Ҷамшед", "rakhmonov jamshed"),
        ("O'Brien", "obrien"),
        ("Müller-Lüdenscheidt", "muller ludenscheidt"),
        ("  UN-Women, New York  ", "un women new york"),
        ("Passport A 123", "passport a 123"),
    ],
)
def test_fold_gives_lower_case_ascii_words(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_fold_treats_decomposed_and_composed_accents_alike() -> None:
    assert fold("Rene\u0301e") == fold("Ren\u00e9e") == "renee"


def test_fold_of_arabic_uses_the_readable_latin() -> None:
    assert fold("أبو داوود").split()[0] == "abu"


@given(st.text())
def test_fold_of_any_text_is_ascii_lower_case_words(text: str) -> None:
    assert FOLDED.fullmatch(fold(text))


# -- phonetic ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("rakhmonov", "rahmonov"),
        ("dzhamshed", "jamshed"),
        ("yusuf", "iusuf"),
        ("mohammed", "muhammad"),
        ("mukhammad", "muhammad"),
    ],
)
def test_spelling_variants_share_a_sound_key(one: str, other: str) -> None:
    assert phonetic(one) == phonetic(other)


@pytest.mark.parametrize(("one", "other"), [("rahmonov", "rahimov"), ("jamshed", "jamal"), ("yusuf", "yunus")])
def test_different_names_have_different_sound_keys(one: str, other: str) -> None:
    assert phonetic(one) != phonetic(other)


@pytest.mark.parametrize("word", ["", "2027", "007"])
def test_phonetic_leaves_digits_and_empty_words_alone(word: str) -> None:
    assert phonetic(word) == word


# -- name_key ------------------------------------------------------------------------------------


def test_name_key_is_the_same_in_any_script_case_and_spacing() -> None:
    assert name_key("РАХМОНОВ", "Ҷамшед") == name_key("Rahmonov", "Jamshed") == name_key("Рахмонов ", " Ҷамшед")


def test_name_key_ignores_word_order() -> None:
    assert name_key("Jamshed  Rakhmonov") == name_key("Rahmonov", "Jamshed")


def test_name_key_tells_different_people_apart() -> None:
    assert name_key("Rahmonov", "Jamshed") != name_key("Rahmonov", "Farrukh")


# -- label_key -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "variants",
    [
        ("Катего́рия", "категория", "КАТЕГОРИЯ"),
        ("Prénom", "prenom", "PRÉNOM", "Pre\u0301nom"),
        ("Ёлка", "елка"),
        ("E-mail", "email", "E mail"),
    ],
)
def test_label_key_ignores_case_accents_and_punctuation(variants: tuple[str, ...]) -> None:
    assert len({label_key(variant) for variant in variants}) == 1


def test_label_key_keeps_cyrillic_as_cyrillic() -> None:
    assert label_key("Категория") != label_key("Kategoriya")
