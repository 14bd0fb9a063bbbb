"""Bulk changes (category, zones) and the printed badges they outdate."""

from collections.abc import Callable

import pytest
from sqlalchemy import select

from accreditor import audit, bulk, categories, guests, schema, workflow
from accreditor.badges.printing import record_serials
from accreditor.bulk import ReprintNeed
from accreditor.categories import Category
from accreditor.clock import utc_now
from accreditor.errors import NotFoundError, ValidationError
from accreditor.store import EventStore

OFFICER = "accreditation.officer"

AddWithStatus = Callable[..., int]


def zones_of(store: EventStore, guest_id: int) -> tuple[str, ...]:
    with store.connect() as connection:
        return guests.get_guest(connection, guest_id).zones


def category_of(store: EventStore, guest_id: int) -> str:
    with store.connect() as connection:
        return guests.get_guest(connection, guest_id).fields.category


def overrides(store: EventStore, guest_id: int) -> dict[str, bool]:
    table = schema.guest_zones
    with store.connect() as connection:
        rows = connection.execute(select(table.c.zone_code, table.c.granted).where(table.c.guest_id == guest_id))
        return {zone: granted for zone, granted in rows}


def entries(store: EventStore, action: str) -> list[audit.AuditEntry]:
    with store.connect() as connection:
        return [entry for entry in audit.history(connection) if entry.action == action]


def set_category(store: EventStore, guest_ids: list[int], code: str) -> list[int]:
    with store.begin() as connection:
        return bulk.set_category(connection, guest_ids, code, OFFICER)


def change_zones(store: EventStore, guest_ids: list[int], add: tuple[str, ...] = (), remove: tuple[str, ...] = ()):
    with store.begin() as connection:
        return bulk.change_zones(connection, guest_ids, add=add, remove=remove, actor=OFFICER)


def print_badges(store: EventStore, *guest_ids: int, serial: int = 1) -> None:
    with store.begin() as connection:
        record_serials(connection, [(guest_id, serial) for guest_id in guest_ids], actor=OFFICER, reason="")


def reprint_needs(store: EventStore, guest_ids: list[int] | None = None) -> list[ReprintNeed]:
    with store.connect() as connection:
        return bulk.badges_needing_reprint(connection, guest_ids)


def edit_category(store: EventStore, code: str, **changes: object) -> None:
    with store.begin() as connection:
        [category] = [found for found in categories.list_categories(connection) if found.code == code]
        fields = {name: getattr(category, name) for name in Category.__slots__}
        categories.save_category(connection, Category(**{**fields, **changes}), actor=OFFICER)


# -- set_category ---------------------------------------------------------------------------------


def test_set_category_changes_every_guest_and_returns_those_changed(store: EventStore, add_guest) -> None:
    first, second, already = add_guest("A"), add_guest("B"), add_guest("C", category="HOD")

    changed = set_category(store, [first, second, already], "hod")

    assert changed == [first, second]
    assert [category_of(store, guest_id) for guest_id in (first, second, already)] == ["HOD"] * 3
    assert zones_of(store, first) == ("PLN", "VIP", "BIL")


def test_set_category_is_audited_once_per_changed_guest(store: EventStore, add_guest) -> None:
    first, already = add_guest("A"), add_guest("C", category="HOD")

    set_category(store, [first, already], "HOD")

    [entry] = entries(store, "guest.updated")
    assert (entry.guest_id, entry.actor) == (first, OFFICER)
    assert entry.details == {"source": "bulk", "changes": {"category": ["DEL", "HOD"]}}


def test_set_category_keeps_zones_granted_to_the_guest(store: EventStore, add_guest) -> None:
    guest_id = add_guest("A")
    change_zones(store, [guest_id], add=("SRV",))

    set_category(store, [guest_id], "OBS")

    assert zones_of(store, guest_id) == ("PLN", "SRV")


def test_set_category_to_an_unknown_category_changes_nothing(store: EventStore, add_guest) -> None:
    guest_id = add_guest("A")

    with pytest.raises(NotFoundError, match="no category XYZ"):
        set_category(store, [guest_id], "XYZ")

    assert category_of(store, guest_id) == "DEL"


def test_set_category_with_an_unknown_guest_changes_nobody(store: EventStore, add_guest) -> None:
    guest_id = add_guest("A")

    with pytest.raises(NotFoundError, match="no guest with id 999"):
        set_category(store, [guest_id, 999], "HOD")

    assert category_of(store, guest_id) == "DEL"
    assert entries(store, "guest.updated") == []


# -- change_zones ---------------------------------------------------------------------------------


def test_adding_a_zone_grants_it_on_top_of_the_category(store: EventStore, add_guest) -> None:
    delegate, organiser = add_guest("A"), add_guest("B", category="ORG")

    changed = change_zones(store, [delegate, organiser], add=("vip",))

    assert changed == [delegate]  # an organiser has every zone already
    assert zones_of(store, delegate) == ("PLN", "VIP", "BIL")
    assert overrides(store, delegate) == {"VIP": True}
    assert overrides(store, organiser) == {}


def test_removing_a_zone_withdraws_it_from_the_category_defaults(store: EventStore, add_guest) -> None:
    guest_id = add_guest("A")

    change_zones(store, [guest_id], remove=("BIL",))

    assert zones_of(store, guest_id) == ("PLN",)
    assert overrides(store, guest_id) == {"BIL": False}


def test_adding_back_a_withdrawn_zone_returns_to_the_category_default(store: EventStore, add_guest) -> None:
    """No override is left behind, so a later change of the category's zones still reaches the guest."""
    guest_id = add_guest("A")
    change_zones(store, [guest_id], remove=("BIL",))

    change_zones(store, [guest_id], add=("BIL",))
    assert overrides(store, guest_id) == {}

    edit_category(store, "DEL", zones=("PLN",))
    assert zones_of(store, guest_id) == ("PLN",)


def test_removing_a_granted_zone_drops_the_grant(store: EventStore, add_guest) -> None:
    guest_id = add_guest("A")
    change_zones(store, [guest_id], add=("SRV", "PRS"))

    change_zones(store, [guest_id], remove=("SRV",))

    assert zones_of(store, guest_id) == ("PLN", "PRS", "BIL")
    assert overrides(store, guest_id) == {"PRS": True}


def test_adding_and_removing_at_once(store: EventStore, add_guest) -> None:
    guest_id = add_guest("A")

    change_zones(store, [guest_id], add=("VIP",), remove=("BIL",))

    assert zones_of(store, guest_id) == ("PLN", "VIP")


def test_a_zone_change_is_audited_once_per_changed_guest(store: EventStore, add_guest) -> None:
    changed, unchanged = add_guest("A"), add_guest("B", category="ORG")

    change_zones(store, [changed, unchanged], add=("SRV", "VIP"))
    change_zones(store, [changed], remove=("BIL",))

    first, second = entries(store, bulk.ZONES_CHANGED)
    assert (first.guest_id, first.actor) == (changed, OFFICER)
    assert first.details == {"added": ["VIP", "SRV"], "removed": [], "zones": ["PLN", "VIP", "BIL", "SRV"]}
    assert second.details == {"added": [], "removed": ["BIL"], "zones": ["PLN", "VIP", "SRV"]}


def test_an_unknown_zone_changes_nothing(store: EventStore, add_guest) -> None:
    guest_id = add_guest("A")

    with pytest.raises(NotFoundError, match="no zone MARS"):
        change_zones(store, [guest_id], add=("VIP", "MARS"))

    assert zones_of(store, guest_id) == ("PLN", "BIL")


def test_a_zone_both_added_and_removed_is_refused(store: EventStore, add_guest) -> None:
    guest_id = add_guest("A")

    with pytest.raises(ValidationError, match="VIP cannot be both added and removed"):
        change_zones(store, [guest_id], add=("VIP",), remove=("VIP",))


def test_a_zone_change_with_an_unknown_guest_changes_nobody(store: EventStore, add_guest) -> None:
    guest_id = add_guest("A")

    with pytest.raises(NotFoundError, match="999"):
        change_zones(store, [guest_id, 999], add=("VIP",))

    assert zones_of(store, guest_id) == ("PLN", "BIL")
    assert entries(store, bulk.ZONES_CHANGED) == []


def test_no_zones_to_change_changes_nothing(store: EventStore, add_guest) -> None:
    assert change_zones(store, [add_guest("A")]) == []


# -- badges_needing_reprint -----------------------------------------------------------------------


def test_a_print_records_what_the_badge_says(store: EventStore, add_guest_with_status: AddWithStatus) -> None:
    guest_id = add_guest_with_status("approved", "A")

    print_badges(store, guest_id)

    [entry] = entries(store, "badge.printed")
    assert entry.details["category"] == "DEL"
    assert entry.details["zones"] == ["PLN", "BIL"]


def test_a_badge_matching_its_guest_needs_no_reprint(store: EventStore, add_guest_with_status) -> None:
    print_badges(store, add_guest_with_status("approved", "A"))

    assert reprint_needs(store) == []


def test_a_new_category_outdates_the_printed_badge(store: EventStore, add_guest_with_status) -> None:
    printed, unprinted = add_guest_with_status("approved", "Printed"), add_guest_with_status("approved", "Unprinted")
    print_badges(store, printed)

    set_category(store, [printed, unprinted], "HOD")

    assert reprint_needs(store) == [
        ReprintNeed(printed, "Printed", 1, "category DEL → HOD; zones added: VIP"),
    ]


def test_a_changed_category_default_outdates_its_printed_badges(store: EventStore, add_guest_with_status) -> None:
    delegate, observer = add_guest_with_status("approved", "D"), add_guest_with_status("approved", "O", category="OBS")
    print_badges(store, delegate, observer)

    edit_category(store, "DEL", zones=("PLN", "PRS"))

    assert reprint_needs(store) == [ReprintNeed(delegate, "D", 1, "zones added: PRS; zones removed: BIL")]


def test_a_zone_change_outdates_the_printed_badge(store: EventStore, add_guest_with_status) -> None:
    guest_id = add_guest_with_status("approved", "A")
    print_badges(store, guest_id)

    change_zones(store, [guest_id], remove=("BIL",))

    assert reprint_needs(store) == [ReprintNeed(guest_id, "A", 1, "zones removed: BIL")]


def test_a_reprint_satisfies_the_need(store: EventStore, add_guest_with_status) -> None:
    guest_id = add_guest_with_status("approved", "A")
    print_badges(store, guest_id)
    set_category(store, [guest_id], "OBS")

    print_badges(store, guest_id, serial=2)

    assert reprint_needs(store) == []


def test_changing_back_satisfies_the_need(store: EventStore, add_guest_with_status) -> None:
    guest_id = add_guest_with_status("approved", "A")
    print_badges(store, guest_id)
    set_category(store, [guest_id], "OBS")

    set_category(store, [guest_id], "DEL")

    assert reprint_needs(store) == []


def test_revoked_guests_need_no_reprint(store: EventStore, add_guest_with_status) -> None:
    """Their badge is refused at every gate anyway."""
    guest_id = add_guest_with_status("approved", "A")
    print_badges(store, guest_id)
    set_category(store, [guest_id], "OBS")
    with store.begin() as connection:
        workflow.change_status(connection, [guest_id], "revoked", OFFICER, reason="left the delegation")

    assert reprint_needs(store) == []


def test_reprint_needs_can_be_asked_for_some_guests(store: EventStore, add_guest_with_status) -> None:
    first, second = add_guest_with_status("approved", "A"), add_guest_with_status("approved", "B")
    print_badges(store, first, second)
    set_category(store, [first, second], "OBS")

    assert [need.guest_id for need in reprint_needs(store, [second])] == [second]
    assert reprint_needs(store, []) == []


def test_a_print_recorded_without_its_contents_is_not_judged(store: EventStore, add_guest_with_status) -> None:
    """Badges printed before prints recorded their category and zones: nothing to compare them with."""
    guest_id = add_guest_with_status("approved", "A")
    with store.begin() as connection:
        connection.execute(
            schema.badges.insert().values(guest_id=guest_id, serial=1, printed_at=utc_now(), printed_by="old")
        )
        audit.record(connection, "old", "badge.printed", guest_id, serial=1, reason="", station="")
    set_category(store, [guest_id], "OBS")

    assert reprint_needs(store) == []
