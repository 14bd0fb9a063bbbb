"""Finding guests as the desk types: any script, any word order, forgiving spellings, ranked."""

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from accreditor import guests as guest_store
from accreditor import schema
from accreditor.guests import GuestFields
from accreditor.search import IndexEntry, SearchIndex, search_text, sort_key
from accreditor.store import EventStore

AddGuest = Callable[..., int]


def index_of(store: EventStore) -> SearchIndex:
    with store.connect() as connection:
        return SearchIndex.from_connection(connection)


def entry_of(store: EventStore, guest_id: int) -> IndexEntry:
    """The index entry of a guest as stored (what the app hands to `upsert` after a save)."""
    table = schema.guests
    with store.connect() as connection:
        row = connection.execute(select(table).where(table.c.id == guest_id)).one()
    return IndexEntry(guest_id, row.search_text, sort_key(row.family_name_latin, row.given_name_latin))


@pytest.fixture
def people(store: EventStore, add_guest: AddGuest) -> dict[str, int]:
    """An event with guests written in Latin, Cyrillic (with Tajik letters), Arabic and Chinese."""
    return {
        "rahmonov_cyrillic": add_guest(
            "Рахмонов",
            given_name="Ҷамшед",
            organisation="Ministry of Foreign Affairs",
            passport_no="A 1234567",
            email="j.rahmonov@mfa.tj",
            external_ref="REG-0042",
        ),
        "rahmonov_latin": add_guest("Rahmonov", given_name="Farrukh", organisation="Tojikiston Bank"),
        "ivanov": add_guest("Ivanov", given_name="Sergei", organisation="OSCE"),
        "dawud": add_guest("داوود", given_name="أحمد"),
        "gao": add_guest("高", given_name="秀珍", organisation="Shanghai Cooperation Organisation"),
        "dzhamshedov": add_guest("Dzhamshedov", given_name="Bahrom"),
        "iusuf": add_guest("Iusuf", given_name="Amir"),
        "mohammed": add_guest("Mohammed", given_name="Salah"),
    }


@pytest.fixture
def index(store: EventStore, people: dict[str, int]) -> SearchIndex:
    return index_of(store)


# -- any script, any order -----------------------------------------------------------------------


def test_latin_query_finds_a_cyrillic_name(index: SearchIndex, people: dict[str, int]) -> None:
    assert index.search("rahm jam") == [people["rahmonov_cyrillic"]]


def test_word_order_does_not_matter(index: SearchIndex) -> None:
    assert index.search("jam rahm") == index.search("rahm jam")


def test_every_query_word_must_match(index: SearchIndex, people: dict[str, int]) -> None:
    assert people["rahmonov_latin"] not in index.search("rahm jam")


def test_each_query_word_matches_as_a_prefix(index: SearchIndex, people: dict[str, int]) -> None:
    assert index.search("iva ser") == [people["ivanov"]]


def test_cyrillic_query_finds_a_latin_only_guest(index: SearchIndex, people: dict[str, int]) -> None:
    assert index.search("Иванов Сергей") == [people["ivanov"]]


def test_query_with_tajik_letters_finds_the_guest_first(index: SearchIndex, people: dict[str, int]) -> None:
    assert index.search("Ҷамшед")[0] == people["rahmonov_cyrillic"]


def test_latin_query_finds_an_arabic_name(index: SearchIndex, people: dict[str, int]) -> None:
    assert index.search("dawud") == [people["dawud"]]


def test_arabic_query_finds_the_arabic_name(index: SearchIndex, people: dict[str, int]) -> None:
    assert index.search("داوود") == [people["dawud"]]


def test_pinyin_query_finds_a_chinese_name(index: SearchIndex, people: dict[str, int]) -> None:
    assert index.search("gao xiuzhen") == [people["gao"]]


def test_chinese_query_finds_the_chinese_name(index: SearchIndex, people: dict[str, int]) -> None:
    assert index.search("秀珍") == [people["gao"]]


# -- forgiving spellings -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "who"),
    [
        ("Rakhmonov", "rahmonov_latin"),
        ("Dzhamshed", "rahmonov_cyrillic"),
        ("Jamshedov", "dzhamshedov"),
        ("Yusuf", "iusuf"),
        ("Muhammad", "mohammed"),
    ],
)
def test_spelling_variants_find_the_guest(index: SearchIndex, people: dict[str, int], query: str, who: str) -> None:
    assert people[who] in index.search(query)


def test_spelling_variant_does_not_find_a_different_name(index: SearchIndex, people: dict[str, int]) -> None:
    assert people["ivanov"] not in index.search("Rakhmonov")


# -- other things a guest is found by ------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    ["foreign affairs", "Ministry", "A1234567", "A 1234567", "1234567", "j.rahmonov@mfa.tj", "REG-0042", "reg 0042"],
)
def test_finds_by_organisation_passport_email_and_reference(
    index: SearchIndex, people: dict[str, int], query: str
) -> None:
    assert index.search(query) == [people["rahmonov_cyrillic"]]


def test_query_is_case_insensitive(index: SearchIndex, people: dict[str, int]) -> None:
    assert index.search("OSCE") == index.search("osce") == [people["ivanov"]]


@pytest.mark.parametrize("query", ["", "   ", "!!!", "—"])
def test_empty_query_finds_nothing(index: SearchIndex, query: str) -> None:
    assert index.search(query) == []


def test_query_without_a_match_finds_nothing(index: SearchIndex) -> None:
    assert index.search("zzyzx") == []


# -- ranking -------------------------------------------------------------------------------------


def test_exact_before_prefix_before_substring_before_sound(store: EventStore, add_guest: AddGuest) -> None:
    # Added, and alphabetically ordered, differently from the expected ranking.
    sound = add_guest("Kerim")
    substring = add_guest("Abdulkarim")
    prefix = add_guest("Karimov")
    exact = add_guest("Karim")

    assert index_of(store).search("karim") == [exact, prefix, substring, sound]


def test_guest_matching_more_words_exactly_ranks_first(store: EventStore, add_guest: AddGuest) -> None:
    prefix_and_exact = add_guest("Karim", given_name="Alisher")
    exact_and_exact = add_guest("Karim", given_name="Ali")

    assert index_of(store).search("ali karim") == [exact_and_exact, prefix_and_exact]


def test_equal_matches_are_ordered_by_latin_name(store: EventStore, add_guest: AddGuest) -> None:
    zafar = add_guest("Karim", given_name="Zafar")
    ahmed = add_guest("Karim", given_name="Ahmed")

    assert index_of(store).search("karim") == [ahmed, zafar]


def test_short_query_words_match_no_substrings(store: EventStore, add_guest: AddGuest) -> None:
    add_guest("Abdulkarim")

    assert index_of(store).search("ka") == []


def test_limit_keeps_the_best_results(store: EventStore, add_guest: AddGuest) -> None:
    add_guest("Kerim")
    add_guest("Abdulkarim")
    prefix = add_guest("Karimov")
    exact = add_guest("Karim")

    assert index_of(store).search("karim", limit=2) == [exact, prefix]


# -- keeping the index current -------------------------------------------------------------------


def test_upsert_indexes_a_new_guest(store: EventStore, index: SearchIndex, add_guest: AddGuest) -> None:
    size = len(index)
    newcomer = add_guest("Nazarova", given_name="Dilnoza")

    index.upsert(entry_of(store, newcomer))

    assert index.search("nazarova dil") == [newcomer]
    assert len(index) == size + 1


def test_upsert_replaces_the_words_of_a_changed_guest(
    store: EventStore, index: SearchIndex, people: dict[str, int]
) -> None:
    guest_id = people["ivanov"]
    with store.begin() as connection:
        old = guest_store.get_guest(connection, guest_id).fields
        guest_store.update_guest(
            connection, guest_id, GuestFields(family_name="Petrov", given_name="Sergei", category=old.category), "desk"
        )

    index.upsert(entry_of(store, guest_id))

    assert index.search("petrov") == [guest_id]
    assert index.search("ivanov") == []
    assert index.search("osce") == []


def test_remove_drops_a_guest(index: SearchIndex, people: dict[str, int]) -> None:
    size = len(index)

    index.remove(people["ivanov"])

    assert index.search("ivanov") == []
    assert index.search("sergei") == []
    assert len(index) == size - 1


def test_remove_keeps_other_guests_with_the_same_words(index: SearchIndex, people: dict[str, int]) -> None:
    index.remove(people["rahmonov_cyrillic"])

    assert index.search("rahmonov") == [people["rahmonov_latin"]]


def test_removing_an_unknown_guest_is_harmless(index: SearchIndex) -> None:
    size = len(index)

    index.remove(4242)

    assert len(index) == size


def test_index_after_upserts_answers_like_a_rebuilt_one(
    store: EventStore, index: SearchIndex, add_guest: AddGuest
) -> None:
    for name in ("Karim", "Karimova", "Abdulkarim"):
        index.upsert(entry_of(store, add_guest(name)))

    rebuilt = index_of(store)
    for query in ("karim", "kar", "rahm jam", "arim"):
        assert index.search(query) == rebuilt.search(query)


# -- robustness ----------------------------------------------------------------------------------


def _fields(family: str, given: str = "", **values: str) -> GuestFields:
    return GuestFields(family_name=family, given_name=given, **values).with_latin()


_SAMPLE_INDEX = SearchIndex(
    IndexEntry(number, search_text(fields), sort_key(fields.family_name_latin, fields.given_name_latin))
    for number, fields in enumerate(
        [
            _fields("Рахмонов", "Ҷамшед", email="j.rahmonov@mfa.tj"),
            _fields("高", "秀珍"),
            _fields("داوود", "أحمد"),
            _fields("O'Brien", "Seán", passport_no="X 12 34"),
        ],
        start=1,
    )
)


@given(st.text())
def test_search_never_raises_for_any_text(query: str) -> None:
    assert all(isinstance(guest_id, int) for guest_id in _SAMPLE_INDEX.search(query))
