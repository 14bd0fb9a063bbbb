"""Guests: adding, reading, updating, zones, photos, badge state and the audit trail."""

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import insert, select, text
from sqlalchemy.exc import DBAPIError

from accreditor import audit, schema
from accreditor import guests as guest_store
from accreditor.clock import utc_now
from accreditor.errors import NotFoundError
from accreditor.guests import Guest, GuestFields
from accreditor.store import EventStore

EDITOR = "editor"
AddGuest = Callable[..., int]


def get(store: EventStore, guest_id: int) -> Guest:
    with store.connect() as connection:
        return guest_store.get_guest(connection, guest_id)


def listed(store: EventStore, **filters: object) -> list[int]:
    with store.connect() as connection:
        return [guest.id for guest in guest_store.list_guests(connection, **filters)]


def update(store: EventStore, guest_id: int, new: GuestFields) -> list[str]:
    with store.begin() as connection:
        return guest_store.update_guest(connection, guest_id, new, EDITOR)


def history(store: EventStore, guest_id: int) -> list[audit.AuditEntry]:
    with store.connect() as connection:
        return audit.history(connection, guest_id)


def set_zone(store: EventStore, guest_id: int, zone: str, granted: bool | None) -> None:
    with store.begin() as connection:
        guest_store.set_zone_override(connection, guest_id, zone, granted, EDITOR)


def print_badge(store: EventStore, guest_id: int, serial: int, printed_at_offset: timedelta) -> None:
    with store.begin() as connection:
        connection.execute(
            insert(schema.badges).values(guest_id=guest_id, serial=serial, printed_at=utc_now() + printed_at_offset)
        )


# -- adding and reading --------------------------------------------------------------------------


def test_added_guest_reads_back_with_its_fields(store: EventStore) -> None:
    fields = GuestFields(
        family_name="Rahmonov",
        given_name="Jamshed",
        title="H.E.",
        position="Minister",
        organisation="Ministry of Foreign Affairs",
        delegation="Tajikistan",
        country="TJ",
        category="HOD",
        passport_no="A1234567",
        email="j.rahmonov@mfa.tj",
        phone="+992 37 221 1808",
        external_ref="REG-0001",
        notes="Arrives on 2 May",
    )
    with store.begin() as connection:
        guest_id = guest_store.add_guest(connection, fields, EDITOR)

    guest = get(store, guest_id)
    assert guest.fields == replace(fields, family_name_latin="Rahmonov", given_name_latin="Jamshed")
    assert guest.status == "pending"
    assert guest.checked_in_at is None
    assert not guest.has_photo


def test_add_guests_returns_ids_in_the_order_given(store: EventStore) -> None:
    names = ["Zhou", "Abbas", "Martin"]
    with store.begin() as connection:
        ids = guest_store.add_guests(connection, [GuestFields(family_name=name) for name in names], EDITOR)

    assert [get(store, guest_id).fields.family_name for guest_id in ids] == names


def test_adding_a_guest_is_audited_with_its_source(store: EventStore) -> None:
    with store.begin() as connection:
        [guest_id] = guest_store.add_guests(connection, [GuestFields(family_name="Doe")], EDITOR, source="import")

    [entry] = history(store, guest_id)
    assert (entry.action, entry.actor, entry.details) == ("guest.created", EDITOR, {"source": "import"})


def test_unknown_guest_raises_not_found(store: EventStore) -> None:
    with pytest.raises(NotFoundError, match="4242"):
        get(store, 4242)


def test_list_guests_is_in_id_order(store: EventStore, add_guest: AddGuest) -> None:
    ids = [add_guest(name) for name in ("Zhou", "Abbas", "Martin")]

    assert listed(store) == sorted(ids)


def test_list_guests_by_ids_keeps_the_order_asked(store: EventStore, add_guest: AddGuest) -> None:
    first, second, third = (add_guest(name) for name in ("Zhou", "Abbas", "Martin"))

    assert listed(store, ids=[third, first, second]) == [third, first, second]


def test_list_guests_filters_by_status(store: EventStore, add_guest_with_status: Callable[..., int]) -> None:
    approved = [add_guest_with_status("approved", f"Approved{number}") for number in range(2)]
    add_guest_with_status("pending", "Waiting")
    add_guest_with_status("rejected", "Refused")

    assert listed(store, status="approved") == approved


@pytest.mark.parametrize("category", ["MED", "med"])
def test_list_guests_filters_by_category_code_in_any_case(
    store: EventStore, add_guest: AddGuest, category: str
) -> None:
    journalists = [add_guest("Press1", category="MED"), add_guest("Press2", category="MED")]
    add_guest("Delegate", category="DEL")

    assert listed(store, category=category) == journalists


def test_count_guests(store: EventStore, add_guest: AddGuest) -> None:
    for name in ("A", "B", "C"):
        add_guest(name)

    with store.connect() as connection:
        assert guest_store.count_guests(connection) == 3


# -- Latin names ---------------------------------------------------------------------------------


def test_latin_names_are_derived_when_absent(store: EventStore, add_guest: AddGuest) -> None:
    guest = get(store, add_guest("РАХМОНОВ", given_name="Ҷамшед"))

    assert guest.fields.family_name == "РАХМОНОВ"
    assert guest.fields.family_name_latin == "Rakhmonov"
    assert guest.fields.given_name_latin == "Jamshed"
    assert guest.name_latin == "Jamshed Rakhmonov"


def test_latin_names_given_by_the_source_are_kept(store: EventStore, add_guest: AddGuest) -> None:
    guest = get(store, add_guest("Рахмонов", given_name="Ҷамшед", family_name_latin="Rahmonov"))

    assert guest.fields.family_name_latin == "Rahmonov"
    assert guest.fields.given_name_latin == "Jamshed"


def test_chinese_names_put_the_family_name_first(store: EventStore, add_guest: AddGuest) -> None:
    guest = get(store, add_guest("高", given_name="秀珍"))

    assert guest.full_name == "高秀珍"
    assert guest.name_latin.split() == [guest.fields.family_name_latin, guest.fields.given_name_latin]


def test_other_names_put_the_given_name_first(store: EventStore, add_guest: AddGuest) -> None:
    assert get(store, add_guest("Martin", given_name="Claire")).full_name == "Claire Martin"


# -- updating ------------------------------------------------------------------------------------


def test_update_returns_the_changed_fields(store: EventStore, add_guest: AddGuest) -> None:
    guest_id = add_guest("Martin", given_name="Claire", organisation="OSCE")
    old = get(store, guest_id).fields
    new = replace(old, organisation="UNODC", email="claire.martin@un.org")

    assert sorted(update(store, guest_id, new)) == ["email", "organisation"]
    assert get(store, guest_id).fields == new


def test_update_audits_old_and_new_values(store: EventStore, add_guest: AddGuest) -> None:
    guest_id = add_guest("Martin", organisation="OSCE")
    old = get(store, guest_id).fields

    update(store, guest_id, replace(old, organisation="UNODC"))

    entry = history(store, guest_id)[-1]
    assert entry.action == "guest.updated"
    assert entry.actor == EDITOR
    assert entry.details["changes"] == {"organisation": ["OSCE", "UNODC"]}


def test_unchanged_update_writes_nothing(store: EventStore, add_guest: AddGuest) -> None:
    guest_id = add_guest("Martin", organisation="OSCE")
    before = get(store, guest_id)
    audited_before = history(store, guest_id)

    assert update(store, guest_id, before.fields) == []

    assert history(store, guest_id) == audited_before
    assert get(store, guest_id).updated_at == before.updated_at


def test_update_keeps_the_search_text_current(store: EventStore, add_guest: AddGuest) -> None:
    guest_id = add_guest("Martin", organisation="OSCE")
    old = get(store, guest_id).fields

    update(store, guest_id, replace(old, organisation="UNODC"))

    with store.connect() as connection:
        words = connection.execute(select(schema.guests.c.search_text)).scalar_one().split()
    assert "unodc" in words
    assert "osce" not in words


def test_update_of_an_unknown_guest_raises_not_found(store: EventStore) -> None:
    with pytest.raises(NotFoundError):
        update(store, 4242, GuestFields(family_name="Nobody"))


# -- zones ---------------------------------------------------------------------------------------


def test_zones_are_the_category_defaults(store: EventStore, add_guest: AddGuest) -> None:
    assert get(store, add_guest("Delegate", category="DEL")).zones == ("PLN", "BIL")
    assert get(store, add_guest("Journalist", category="MED")).zones == ("PRS",)


def test_granted_zone_is_added_in_zone_order(store: EventStore, add_guest: AddGuest) -> None:
    guest_id = add_guest("Delegate", category="DEL")

    set_zone(store, guest_id, "VIP", granted=True)

    assert get(store, guest_id).zones == ("PLN", "VIP", "BIL")


def test_withdrawn_zone_is_removed(store: EventStore, add_guest: AddGuest) -> None:
    guest_id = add_guest("Delegate", category="DEL")

    set_zone(store, guest_id, "BIL", granted=False)

    assert get(store, guest_id).zones == ("PLN",)


def test_reset_zone_returns_to_the_category_default(store: EventStore, add_guest: AddGuest) -> None:
    guest_id = add_guest("Delegate", category="DEL")
    set_zone(store, guest_id, "BIL", granted=False)
    set_zone(store, guest_id, "VIP", granted=True)

    set_zone(store, guest_id, "bil", granted=None)
    set_zone(store, guest_id, "VIP", granted=None)

    assert get(store, guest_id).zones == ("PLN", "BIL")


def test_zone_override_affects_only_that_guest(store: EventStore, add_guest: AddGuest) -> None:
    changed, other = add_guest("Changed", category="DEL"), add_guest("Other", category="DEL")

    set_zone(store, changed, "VIP", granted=True)

    assert get(store, other).zones == ("PLN", "BIL")
    with store.connect() as connection:
        zones_of = {guest.id: guest.zones for guest in guest_store.list_guests(connection)}
    assert zones_of == {changed: ("PLN", "VIP", "BIL"), other: ("PLN", "BIL")}


def test_zone_override_is_audited(store: EventStore, add_guest: AddGuest) -> None:
    guest_id = add_guest("Delegate")

    set_zone(store, guest_id, "VIP", granted=True)

    entry = history(store, guest_id)[-1]
    assert (entry.action, entry.details) == ("guest.zone_override", {"zone": "VIP", "granted": True})


def test_override_of_an_unknown_zone_raises_not_found(store: EventStore, add_guest: AddGuest) -> None:
    guest_id = add_guest("Delegate")

    with pytest.raises(NotFoundError, match="no zone XYZ"):
        set_zone(store, guest_id, "XYZ", granted=True)


# -- photos and badges ---------------------------------------------------------------------------


def test_guest_has_no_photo_at_first(store: EventStore, add_guest: AddGuest) -> None:
    guest_id = add_guest("Doe")

    with store.connect() as connection:
        assert guest_store.photo(connection, guest_id) is None
    assert not get(store, guest_id).has_photo


def test_photo_set_reads_back_and_is_reported(store: EventStore, add_guest: AddGuest) -> None:
    guest_id = add_guest("Doe")
    image = b"\xff\xd8\xff\xe0 not really a jpeg \x00\x01"

    with store.begin() as connection:
        guest_store.set_photo(connection, guest_id, image, EDITOR)

    with store.connect() as connection:
        assert guest_store.photo(connection, guest_id) == image
    assert get(store, guest_id).has_photo


def test_setting_a_photo_again_replaces_it(store: EventStore, add_guest: AddGuest) -> None:
    guest_id = add_guest("Doe")
    with store.begin() as connection:
        guest_store.set_photo(connection, guest_id, b"first", EDITOR)
        guest_store.set_photo(connection, guest_id, b"second", EDITOR)

    with store.connect() as connection:
        assert guest_store.photo(connection, guest_id) == b"second"


def test_photo_for_an_unknown_guest_raises_not_found(store: EventStore) -> None:
    with pytest.raises(NotFoundError), store.begin() as connection:
        guest_store.set_photo(connection, 4242, b"image", EDITOR)


def test_badge_serial_is_none_before_any_badge(store: EventStore, add_guest: AddGuest) -> None:
    guest = get(store, add_guest("Doe"))

    assert guest.badge_serial is None
    assert guest.badge_printed_at is None


def test_badge_serial_is_the_latest_printed(store: EventStore, add_guest: AddGuest) -> None:
    guest_id, other = add_guest("Doe"), add_guest("Other")
    print_badge(store, guest_id, serial=2, printed_at_offset=timedelta(hours=1))
    print_badge(store, guest_id, serial=1, printed_at_offset=timedelta(hours=0))
    print_badge(store, other, serial=7, printed_at_offset=timedelta(hours=2))

    guest = get(store, guest_id)
    assert guest.badge_serial == 2
    with store.connect() as connection:
        second_print = connection.execute(
            select(schema.badges.c.printed_at).where(schema.badges.c.guest_id == guest_id, schema.badges.c.serial == 2)
        ).scalar_one()
    assert guest.badge_printed_at == second_print


# -- the audit log is append-only ----------------------------------------------------------------


@pytest.mark.parametrize(
    "statement",
    ["UPDATE audit_log SET actor = 'someone else'", "DELETE FROM audit_log"],
    ids=["update", "delete"],
)
def test_audit_log_refuses_changes(store: EventStore, add_guest: AddGuest, statement: str) -> None:
    guest_id = add_guest("Doe")
    audited_before = history(store, guest_id)

    with pytest.raises(DBAPIError, match="append-only"), store.begin() as connection:
        connection.execute(text(statement))

    assert history(store, guest_id) == audited_before
