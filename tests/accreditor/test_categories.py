"""Categories and zones: the standard set, saving changes, and recognising typed category names."""

from collections.abc import Callable

import pytest

from accreditor import categories
from accreditor import guests as guest_store
from accreditor.categories import Category, CategoryMatcher, Zone
from accreditor.errors import NotFoundError, ValidationError
from accreditor.store import EventStore

STANDARD_CATEGORY_CODES = ["HOD", "DEL", "OBS", "VIP", "MED", "ORG", "STF", "SEC", "INT", "TEC"]
STANDARD_ZONE_CODES = ["PLN", "VIP", "PRS", "BIL", "SRV"]


def category_of(store: EventStore, code: str) -> Category:
    with store.connect() as connection:
        [found] = [category for category in categories.list_categories(connection) if category.code == code]
    return found


def save(store: EventStore, category: Category) -> None:
    with store.begin() as connection:
        categories.save_category(connection, category)


@pytest.fixture
def matcher(store: EventStore) -> CategoryMatcher:
    with store.connect() as connection:
        return CategoryMatcher(categories.list_categories(connection))


def test_install_standard_creates_the_ten_categories_in_order(store: EventStore) -> None:
    with store.connect() as connection:
        assert [category.code for category in categories.list_categories(connection)] == STANDARD_CATEGORY_CODES


def test_install_standard_creates_the_five_zones_in_order(store: EventStore) -> None:
    with store.connect() as connection:
        assert [zone.code for zone in categories.list_zones(connection)] == STANDARD_ZONE_CODES


def test_standard_categories_keep_their_zones_and_flags(store: EventStore) -> None:
    head = category_of(store, "HOD")
    assert head.name == "Head of Delegation"
    assert head.zones == ("PLN", "VIP", "BIL")
    assert "Глава делегации" in head.aliases
    assert category_of(store, "VIP").escort_required
    assert category_of(store, "ORG").zones == tuple(STANDARD_ZONE_CODES)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("HOD", "HOD"),
        ("hod", "HOD"),
        ("Head of Delegation", "HOD"),
        ("head of delegation", "HOD"),
        ("ГЛАВА ДЕЛЕГАЦИИ", "HOD"),
        ("Chef de délégation", "HOD"),
        ("délégué", "DEL"),
        ("DELEGUE", "DEL"),
        ("Делегат", "DEL"),
        ("Presse", "MED"),
        ("журналист", "MED"),
        ("Почетный гость", "VIP"),
        ("Interprète", "INT"),
        ("  interprete  ", "INT"),
    ],
)
def test_matcher_finds_codes_names_and_aliases_in_any_case_and_accent(
    matcher: CategoryMatcher, typed: str, code: str
) -> None:
    assert matcher.match(typed) == code


@pytest.mark.parametrize("typed", ["Astronaut", "", "   ", "XYZ"])
def test_matcher_returns_none_for_unknown_names(matcher: CategoryMatcher, typed: str) -> None:
    assert matcher.match(typed) is None


def test_matcher_lists_the_known_names(matcher: CategoryMatcher) -> None:
    known = matcher.known_names()

    assert "Head of Delegation (HOD)" in known
    assert "Technical (TEC)" in known


def test_save_category_adds_a_new_category(store: EventStore) -> None:
    save(store, Category("YTH", "Youth delegate", "#FF8800", ("PLN",), ("Молодёжный делегат",)))

    assert category_of(store, "YTH") == Category("YTH", "Youth delegate", "#FF8800", ("PLN",), ("Молодёжный делегат",))


def test_save_category_with_an_unknown_zone_raises(store: EventStore) -> None:
    with pytest.raises(NotFoundError, match="MARS"):
        save(store, Category("DEL", "Delegate", "#1565C0", ("PLN", "MARS")))


def test_save_category_with_an_unknown_zone_changes_nothing(store: EventStore) -> None:
    before = category_of(store, "DEL")

    with pytest.raises(NotFoundError):
        save(store, Category("DEL", "Renamed", "#000000", ("PLN", "MARS")))

    assert category_of(store, "DEL") == before


@pytest.mark.parametrize("code", ["", "   ", "WAY-TOO-LONG-A-CODE", "A B", "Д/Л"])
def test_save_category_refuses_a_bad_code(store: EventStore, code: str) -> None:
    with pytest.raises(ValidationError):
        save(store, Category(code, "Bad", "#000000", ()))


def test_save_zone_renames_an_existing_zone(store: EventStore) -> None:
    with store.begin() as connection:
        categories.save_zone(connection, Zone("PRS", "Media centre"))
        zones = categories.list_zones(connection)

    assert [zone.code for zone in zones] == STANDARD_ZONE_CODES
    assert Zone("PRS", "Media centre") in zones


def test_editing_a_categorys_zones_changes_its_guests_zones(store: EventStore, add_guest: Callable[..., int]) -> None:
    delegate = add_guest("Delegate", category="DEL")
    observer = add_guest("Observer", category="OBS")
    old = category_of(store, "DEL")

    save(store, Category(old.code, old.name, old.colour, ("PLN", "PRS"), old.aliases))

    with store.connect() as connection:
        assert guest_store.get_guest(connection, delegate).zones == ("PLN", "PRS")
        assert guest_store.get_guest(connection, observer).zones == ("PLN",)
