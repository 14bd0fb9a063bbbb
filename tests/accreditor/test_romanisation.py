"""Latin names as passports print them: ICAO Doc 9303 for Cyrillic, Hepburn for Japanese, pinyin for Chinese."""

from pathlib import Path

import pytest

from accreditor import categories
from accreditor.guests import GuestFields, list_guests
from accreditor.importing.columns import field_for_header
from accreditor.importing.importer import import_file
from accreditor.search import IndexEntry, SearchIndex, search_text
from accreditor.store import EventStore
from accreditor.text import to_latin


@pytest.mark.parametrize(
    ("written", "passport"),
    [
        ("Яковлев", "Iakovlev"),  # Я → IA
        ("Хусейнов", "Khuseinov"),  # Х → KH, Й → I
        ("Цветкова", "Tsvetkova"),
        ("Щукин", "Shchukin"),
        ("Юлия", "Iuliia"),
        ("Ольга", "Olga"),  # Ь is omitted
        ("Подъячев", "Podieiachev"),  # Ъ → IE
        ("Раҳмонов", "Rahmonov"),  # Tajik letters as Tajik passports write them
        ("Ҷамшед", "Jamshed"),
        ("Қодирова", "Qodirova"),
        ("Ғафуров", "Ghafurov"),
        ("Шарифӣ", "Sharifi"),
        ("Ӯлмас", "Ulmas"),
        ("ПЕТРОВ-ВОДКИН", "Petrov-Vodkin"),
    ],
)
def test_cyrillic_follows_icao_9303(written: str, passport: str) -> None:
    assert to_latin(written) == passport


@pytest.mark.parametrize(
    ("written", "country", "passport"),
    [
        ("中村", "JP", "Nakamura"),
        ("幹", "JP", "Miki"),
        ("佐藤", "JP", "Sato"),  # passport Hepburn drops the long vowel (not "Satou")
        ("大野", "JP", "Ono"),
        ("さくら", "", "Sakura"),  # kana mark a name as Japanese whatever the country
    ],
)
def test_japanese_names_are_read_in_japanese(written: str, country: str, passport: str) -> None:
    assert to_latin(written, country) == passport


def test_a_japanese_guest_gets_hepburn_and_a_chinese_guest_pinyin() -> None:
    japanese = GuestFields(family_name="中村", given_name="幹", country="JP").with_latin()
    chinese = GuestFields(family_name="中村", given_name="幹", country="CN").with_latin()

    assert japanese.name_latin() == "Nakamura Miki"
    assert chinese.name_latin() == "Zhongcun Gan"


@pytest.mark.parametrize(("written", "passport"), [("高", "Gao"), ("秀珍", "Xiuzhen"), ("吕", "Lyu"), ("女", "Nyu")])
def test_chinese_is_pinyin_with_passport_yu(written: str, passport: str) -> None:
    assert to_latin(written, "CN") == passport


def test_chinese_name_in_latin_keeps_the_family_name_first() -> None:
    guest = GuestFields(family_name="胡", given_name="军", country="CN").with_latin()

    assert guest.name_latin() == "Hu Jun"


def test_georgian_latin_names_get_one_capital() -> None:
    assert to_latin("ნინო ბერიძე") == "Nino Beridze"


def test_a_latin_name_given_by_the_organiser_wins() -> None:
    guest = GuestFields(family_name="Яковлев", family_name_latin="Yakovlev").with_latin()

    assert guest.family_name_latin == "Yakovlev"


@pytest.mark.parametrize(
    "header", ["Name (Latin)", "Full name (Latin)", "as in passport", "Name as in passport", "ФИО (лат.)"]
)
def test_a_full_latin_name_column_is_recognised(header: str) -> None:
    assert field_for_header(header) == "full_name_latin"


def test_search_finds_every_spelling_of_one_name() -> None:
    guests = [
        GuestFields(family_name="Раҳмонов", given_name="Ҷамшед", country="TJ").with_latin(),
        GuestFields(family_name="Рахмонов", given_name="Алишер", country="RU").with_latin(),
        GuestFields(family_name="Smith", given_name="Anna"),
    ]
    index = SearchIndex(IndexEntry(number, search_text(guest), "") for number, guest in enumerate(guests))

    for spelling in ("Rakhmonov", "Rahmonov", "Rachmonow", "Раҳмонов"):
        assert set(index.search(spelling)) == {0, 1}, spelling


def test_a_full_latin_name_column_sets_the_latin_names(tmp_path: Path) -> None:
    source = tmp_path / "list.csv"
    source.write_text(
        "Фамилия;Имя;Name (Latin);Country\nЯковлев;Юрий;YAKOVLEV Yuriy;Russia\nПетров;Олег;;Russia\n",
        encoding="utf-8",
    )
    store = EventStore.create(tmp_path / "event.accreditor", passphrase="test passphrase", name="Test")
    with store.begin() as connection:
        categories.install_standard(connection)
    try:
        import_file(store, source, actor="test")
        with store.connect() as connection:
            latin = {guest.fields.family_name: guest.name_latin for guest in list_guests(connection)}
    finally:
        store.close()
    assert latin == {"Яковлев": "Yuriy YAKOVLEV", "Петров": "Oleg Petrov"}
