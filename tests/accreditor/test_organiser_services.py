"""The organiser's services: accreditation decisions and category edits, each one transaction reporting what changed."""

from collections.abc import Callable

import pytest

from accreditor import audit, categories, guests
from accreditor.badges.printing import record_serials
from accreditor.categories import Category, Zone
from accreditor.changes import Topic
from accreditor.errors import ValidationError, WorkflowError
from accreditor.guests import GuestFields
from accreditor.services import accreditation
from accreditor.services import categories as category_service
from accreditor.store import EventStore
from tests.accreditor.conftest import ORGANISER, AddGuest


def _status(store: EventStore, guest_id: int) -> str:
    with store.connect() as connection:
        return guests.get_guest(connection, guest_id).status


def test_a_decision_names_the_guests_it_changed(store: EventStore, add_guest: AddGuest) -> None:
    ids = [add_guest("Rahmonov"), add_guest("Smith")]
    decision = accreditation.change_status(store, ids, "approved", ORGANISER)
    assert decision.changed == ids
    assert decision.changes.touches(Topic.GUESTS)
    assert decision.changes.guest_ids == frozenset(ids)
    assert {_status(store, guest_id) for guest_id in ids} == {"approved"}


def test_a_refused_decision_writes_nothing(store: EventStore, add_guest_with_status: Callable[..., int]) -> None:
    pending = add_guest_with_status("pending", "Rahmonov")
    rejected = add_guest_with_status("rejected", "Smith")
    with pytest.raises(WorkflowError, match="nothing was changed"):
        accreditation.change_status(store, [pending, rejected], "revoked", ORGANISER, "Security decision")
    assert _status(store, pending) == "pending"


def test_a_category_change_lists_the_badges_it_outdated(
    store: EventStore, add_guest_with_status: Callable[..., int]
) -> None:
    guest_id = add_guest_with_status("approved", "Rahmonov", category="DEL")
    with store.begin() as connection:
        record_serials(connection, [(guest_id, 1)], actor=ORGANISER)
    decision = accreditation.set_category(store, [guest_id], "MED", ORGANISER)
    assert decision.changed == [guest_id]
    [need] = decision.reprint_needs
    assert need.guest_id == guest_id
    assert "DEL → MED" in need.reason


def test_an_edit_that_changes_nothing_reports_no_change(store: EventStore, add_guest: AddGuest) -> None:
    guest_id = add_guest("Rahmonov", given_name="Jamshed")
    with store.connect() as connection:
        fields = guests.get_guest(connection, guest_id).fields
    unchanged = accreditation.update_guest(store, guest_id, fields, ORGANISER)
    assert not unchanged.changes
    changed = accreditation.update_guest(store, guest_id, GuestFields("Nazarov", "Jamshed"), ORGANISER)
    assert changed.changed_fields[0] == "family_name"
    assert changed.changes.concerns(guest_id)


def test_the_guest_record_holds_the_history_and_the_photo(store: EventStore, add_guest: AddGuest) -> None:
    guest_id = add_guest("Rahmonov")
    accreditation.change_status(store, [guest_id], "approved", ORGANISER)
    record = accreditation.guest_record(store, guest_id, actor=ORGANISER)
    assert [entry.action for entry in record.history] == ["guest.created", "status.approved"]
    assert record.photo is None


def test_adding_a_category_with_a_code_in_use_is_refused_and_changes_nothing(store: EventStore) -> None:
    with pytest.raises(ValidationError, match="already has a category DEL"):
        category_service.save_category(store, Category("del", "Impostor", "#000000", ()), ORGANISER, new=True)
    with store.connect() as connection:
        delegate = next(found for found in categories.list_categories(connection) if found.code == "DEL")
        assert delegate.name == "Delegate"
        assert "category.saved" not in [entry.action for entry in audit.history(connection)]


def test_adding_a_zone_with_a_code_in_use_is_refused(store: EventStore) -> None:
    with pytest.raises(ValidationError, match="already has a zone PLN"):
        category_service.save_zone(store, Zone("PLN", "Another plenary"), ORGANISER, new=True)
    assert category_service.read(store).zones[0] == Zone("PLN", "Plenary hall")


def test_saving_an_existing_category_changes_it_in_place(store: EventStore) -> None:
    before = category_service.read(store).categories
    observer = next(found for found in before if found.code == "OBS")
    edit = category_service.save_category(store, Category("OBS", "Watcher", observer.colour, ("PLN",)), ORGANISER)
    assert edit.changes.touches(Topic.CATEGORIES)
    after = category_service.read(store).categories
    assert [found.code for found in after] == [found.code for found in before]
    assert next(found for found in after if found.code == "OBS").name == "Watcher"
