"""The event session: guests read once into memory, found and filtered there, kept current by `apply`."""

from collections.abc import Callable, Iterable
from dataclasses import replace

import pytest

from accreditor import bulk, categories, checkin, guests, workflow
from accreditor import session as session_module
from accreditor.changes import NOTHING, Changes, Topic
from accreditor.demo_data import portrait
from accreditor.errors import NotFoundError
from accreditor.guests import GuestFields
from accreditor.search import IndexEntry, SearchIndex
from accreditor.session import EventSession, GuestFilter, SortBy, open_session
from accreditor.store import EventStore
from tests.accreditor.conftest import EVENT_NAME, ORGANISER, AddGuest


def _fresh(store: EventStore, guest_id: int) -> guests.Guest:
    with store.connect() as connection:
        return guests.get_guest(connection, guest_id)


def test_a_loaded_session_holds_every_guest_as_the_store_reads_them(
    store: EventStore, add_guest_with_status: Callable[..., int]
) -> None:
    approved = add_guest_with_status("approved", "Rahmonov", given_name="Jamshed", organisation="OSCE")
    pending = add_guest_with_status("pending", "Иванова", given_name="Ольга", country="RU", category="HOD")
    with store.begin() as connection:
        checkin.check_in(connection, approved, station="Desk 1", user=ORGANISER)
        guests.set_photo(connection, pending, portrait("OI", 1), ORGANISER)
        guests.set_zone_override(connection, pending, "PRS", True, ORGANISER)

    session = open_session(store)

    assert session.guests() == [_fresh(store, approved), _fresh(store, pending)]
    assert session.guest(pending).zones == ("PLN", "VIP", "PRS", "BIL")
    assert session.guest(pending).has_photo
    assert session.event.name == EVENT_NAME
    assert [category.code for category in session.categories()][:2] == ["HOD", "DEL"]
    assert [zone.code for zone in session.zones()] == ["PLN", "VIP", "PRS", "BIL", "SRV"]
    counts = session.counts()
    assert (counts.guests, counts.checked_in, counts.expected) == (2, 1, 1)


def test_an_unknown_guest_is_a_clear_error(store: EventStore) -> None:
    session = open_session(store)
    with pytest.raises(NotFoundError, match="no guest with id 7"):
        session.guest(7)


def test_find_matches_any_script_and_says_nothing_before_the_index_is_built(
    store: EventStore, add_guest: AddGuest
) -> None:
    rahmonov = add_guest("Раҳмонов", given_name="Ҷамшед")
    add_guest("Smith", given_name="Anna")
    session = EventSession(store)
    session.load()
    assert not session.is_indexed
    assert session.find("rahmonov") == []

    session.build_index()

    assert session.is_indexed
    assert [guest.id for guest in session.find("rahmonov jamshed")] == [rahmonov]
    assert [guest.id for guest in session.find("Раҳмонов")] == [rahmonov]


def test_apply_rereads_only_the_guests_a_change_concerns(store: EventStore, add_guest: AddGuest) -> None:
    first, second = add_guest("Rahmonov"), add_guest("Smith")
    session = open_session(store)
    with store.begin() as connection:
        guests.update_guest(connection, first, GuestFields(family_name="Nazarov"), ORGANISER)
        guests.update_guest(connection, second, GuestFields(family_name="Jones"), ORGANISER)

    session.apply(Changes.of(Topic.GUESTS, guests=[first]))

    assert session.guest(first).fields.family_name == "Nazarov"
    assert session.guest(second).fields.family_name == "Smith"  # not said to have changed: not re-read
    assert [guest.id for guest in session.find("nazarov")] == [first]
    assert session.find("rahmonov") == []


def test_apply_sees_new_and_deleted_guests(store: EventStore, add_guest: AddGuest) -> None:
    kept = add_guest("Rahmonov")
    session = open_session(store)
    added = add_guest("Qodirov")

    session.apply(Changes.of(Topic.GUESTS, guests=[added, 999]))

    assert [guest.id for guest in session.guests()] == [kept, added]
    assert [guest.id for guest in session.find("qodirov")] == [added]
    assert session.counts().guests == 2


def test_apply_follows_check_ins_prints_and_status_in_the_counts(
    store: EventStore, add_guest_with_status: Callable[..., int]
) -> None:
    guest_id = add_guest_with_status("pending", "Rahmonov")
    session = open_session(store)
    with store.begin() as connection:
        workflow.change_status(connection, [guest_id], "approved", ORGANISER)
    session.apply(Changes.of(Topic.GUESTS, guests=[guest_id]))
    assert session.counts().expected == 1
    with store.begin() as connection:
        checkin.check_in(connection, guest_id, station="Desk 2", user=ORGANISER)
    session.apply(Changes.of(Topic.CHECK_INS, guests=[guest_id]))
    assert session.guest(guest_id).checked_in_station == "Desk 2"
    assert session.counts().checked_in == 1


def test_a_category_change_reaches_every_guests_zones(store: EventStore, add_guest: AddGuest) -> None:
    guest_id = add_guest("Rahmonov", category="OBS")
    session = open_session(store)
    with store.begin() as connection:
        observer = next(category for category in categories.list_categories(connection) if category.code == "OBS")
        categories.save_category(connection, replace(observer, zones=("PLN", "PRS")))

    session.apply(Changes.of(Topic.CATEGORIES))

    assert session.guest(guest_id).zones == ("PLN", "PRS")
    assert session.is_indexed
    assert [guest.id for guest in session.find("rahmonov")] == [guest_id]


def test_bulk_changes_show_after_apply(store: EventStore, add_guest: AddGuest) -> None:
    ids = [add_guest("Rahmonov"), add_guest("Smith")]
    session = open_session(store)
    with store.begin() as connection:
        changed = bulk.set_category(connection, ids, "MED", ORGANISER)
    session.apply(Changes.of(Topic.GUESTS, guests=changed))
    assert {guest.fields.category for guest in session.guests()} == {"MED"}
    assert {guest.zones for guest in session.guests()} == {("PRS",)}


def test_nothing_changed_reads_nothing(store: EventStore, add_guest: AddGuest) -> None:
    add_guest("Rahmonov")
    session = open_session(store)
    store.close()  # a read would fail now
    session.apply(NOTHING)
    session.apply(Changes.of(Topic.SCANS, Topic.LAYOUTS))
    assert len(session) == 1


def test_select_filters_and_orders_in_memory(store: EventStore, add_guest_with_status: Callable[..., int]) -> None:
    zulu = add_guest_with_status("approved", "Zulu", country="TJ", organisation="OSCE")
    alpha = add_guest_with_status("pending", "Alpha", country="FR", organisation="OSCE")
    mike = add_guest_with_status("approved", "Mike", country="DE", organisation="UNDP")
    session = open_session(store)

    assert session.select(GuestFilter()) == [zulu, alpha, mike]
    assert session.select(GuestFilter(status="approved")) == [zulu, mike]
    assert session.select(GuestFilter(organisation="OSCE"), SortBy.NAME) == [alpha, zulu]
    assert session.select(GuestFilter(), SortBy.COUNTRY) == [alpha, mike, zulu]  # France, Germany, Tajikistan
    assert session.select(GuestFilter(), SortBy.NAME_LATIN, descending=True) == [zulu, mike, alpha]
    assert session.select(GuestFilter(query="mike")) == [mike]
    assert session.select(GuestFilter(checked_in=True)) == []
    assert session.field_values("organisation") == ["OSCE", "UNDP"]
    assert GuestFilter(status="pending").admits(session.guest(alpha))
    assert not GuestFilter(status="pending", country="DE").admits(session.guest(alpha))


def test_changes_made_between_the_load_and_the_index_are_indexed(store: EventStore, add_guest: AddGuest) -> None:
    guest_id = add_guest("Rahmonov")
    session = EventSession(store)
    session.load()
    with store.begin() as connection:
        guests.update_guest(connection, guest_id, GuestFields(family_name="Nazarov"), ORGANISER)
    session.apply(Changes.of(Topic.GUESTS, guests=[guest_id]))

    session.build_index()

    assert [guest.id for guest in session.find("nazarov")] == [guest_id]
    assert session.find("rahmonov") == []


def test_changes_made_while_the_index_builds_are_not_lost(
    store: EventStore, add_guest: AddGuest, monkeypatch: pytest.MonkeyPatch
) -> None:
    guest_id = add_guest("Rahmonov")
    session = EventSession(store)
    session.load()

    class IndexBuiltWhileAnotherStationRenames(SearchIndex):
        def __init__(self, entries: Iterable[IndexEntry]) -> None:
            super().__init__(entries)  # the guests as loaded: Rahmonov
            with store.begin() as connection:
                guests.update_guest(connection, guest_id, GuestFields(family_name="Nazarov"), ORGANISER)
            session.apply(Changes.of(Topic.GUESTS, guests=[guest_id]))

    monkeypatch.setattr(session_module, "SearchIndex", IndexBuiltWhileAnotherStationRenames)
    session.build_index()

    assert [guest.id for guest in session.find("nazarov")] == [guest_id]
    assert session.find("rahmonov") == []


def test_a_reload_while_the_first_index_builds_wins(
    store: EventStore, add_guest: AddGuest, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = add_guest("Rahmonov")
    session = EventSession(store)
    session.load()
    imported: list[int] = []

    class IndexBuiltWhileAnImportLands(SearchIndex):
        def __init__(self, entries: Iterable[IndexEntry]) -> None:
            super().__init__(entries)
            if not imported:  # the first index, of the first load: an import lands and is applied meanwhile
                imported.append(add_guest("Qodirov"))
                session.apply(Changes.of(Topic.GUESTS, all_guests=True))

    monkeypatch.setattr(session_module, "SearchIndex", IndexBuiltWhileAnImportLands)
    session.build_index()

    assert [guest.id for guest in session.find("qodirov")] == imported
    assert [guest.id for guest in session.find("rahmonov")] == [first]
    assert len(session) == 2


def test_searches_keep_answering_while_everything_is_read_again(store: EventStore, add_guest: AddGuest) -> None:
    guest_id = add_guest("Rahmonov")
    session = open_session(store)
    session.apply(Changes.of(Topic.GUESTS, all_guests=True))
    assert session.is_indexed
    assert [guest.id for guest in session.find("rahmonov")] == [guest_id]
