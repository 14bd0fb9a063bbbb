"""An organiser's edits of categories and zones: audited, appended in order, and no deletion of what guests use."""

import pytest
from sqlalchemy import select

from accreditor import audit, bulk, categories, guests, schema
from accreditor.categories import Category, Zone
from accreditor.errors import AccreditorError, NotFoundError, ValidationError
from accreditor.store import EventStore

OFFICER = "accreditation.officer"


def category_codes(store: EventStore) -> list[str]:
    with store.connect() as connection:
        return [category.code for category in categories.list_categories(connection)]


def zone_codes(store: EventStore) -> list[str]:
    with store.connect() as connection:
        return [zone.code for zone in categories.list_zones(connection)]


def actions(store: EventStore) -> list[tuple[str, dict[str, object]]]:
    with store.connect() as connection:
        return [(entry.action, entry.details) for entry in audit.history(connection)]


def delete_category(store: EventStore, code: str) -> None:
    with store.begin() as connection:
        categories.delete_category(connection, code, OFFICER)


def delete_zone(store: EventStore, code: str) -> None:
    with store.begin() as connection:
        categories.delete_zone(connection, code, OFFICER)


def test_a_new_category_and_zone_go_after_the_others(store: EventStore) -> None:
    with store.begin() as connection:
        categories.save_zone(connection, Zone("DIN", "Dining hall"), actor=OFFICER)
        categories.save_category(connection, Category("YTH", "Youth", "#FF8800", ("PLN", "DIN")), actor=OFFICER)

    assert zone_codes(store)[-1] == "DIN"
    assert category_codes(store)[-1] == "YTH"


def test_saving_with_an_actor_is_audited(store: EventStore) -> None:
    with store.begin() as connection:
        categories.save_zone(connection, Zone("PRS", "Media centre"), actor=OFFICER)
        categories.save_category(connection, Category("OBS", "Observer", "#00838F", ("PLN", "PRS")), actor=OFFICER)

    assert actions(store) == [
        ("zone.saved", {"code": "PRS", "name": "Media centre"}),
        (
            "category.saved",
            {
                "code": "OBS",
                "name": "Observer",
                "colour": "#00838F",
                "zones": ["PLN", "PRS"],
                "photo_required": False,
                "escort_required": False,
            },
        ),
    ]


@pytest.mark.parametrize("colour", ["", "red", "#12345", "#GGGGGG"])
def test_a_category_colour_must_be_hex(store: EventStore, colour: str) -> None:
    with pytest.raises(ValidationError, match="#RRGGBB"), store.begin() as connection:
        categories.save_category(connection, Category("OBS", "Observer", colour, ("PLN",)))


def test_a_category_and_a_zone_need_a_name(store: EventStore) -> None:
    with pytest.raises(ValidationError, match="needs a name"), store.begin() as connection:
        categories.save_zone(connection, Zone("DIN", "  "))
    with pytest.raises(ValidationError, match="needs a name"), store.begin() as connection:
        categories.save_category(connection, Category("YTH", "", "#FF8800", ()))


def test_an_unused_category_is_deleted_and_audited(store: EventStore) -> None:
    delete_category(store, "tec")

    assert "TEC" not in category_codes(store)
    assert actions(store) == [("category.deleted", {"code": "TEC", "name": "Technical"})]


def test_a_category_a_guest_has_is_not_deleted(store: EventStore, add_guest) -> None:
    add_guest("A", category="MED")
    add_guest("B", category="MED")

    with pytest.raises(AccreditorError, match=r"Media \(MED\) cannot be deleted: 2 guests have it"):
        delete_category(store, "MED")

    assert "MED" in category_codes(store)


def test_deleting_an_unknown_category_or_zone_says_so(store: EventStore) -> None:
    with pytest.raises(NotFoundError, match="no category XYZ"):
        delete_category(store, "XYZ")
    with pytest.raises(NotFoundError, match="no zone XYZ"):
        delete_zone(store, "XYZ")


def test_a_zone_nobody_has_is_deleted_and_leaves_the_categories(store: EventStore, add_guest) -> None:
    """Service areas: defaults of Organiser, Staff, Security, Interpreter, Technical, none of whom is a guest."""
    add_guest("A", category="DEL")

    with store.begin() as connection:
        categories.delete_zone(connection, "SRV", OFFICER)
        zones_by_category = {category.code: category.zones for category in categories.list_categories(connection)}

    assert "SRV" not in zone_codes(store)
    assert not any("SRV" in zones for zones in zones_by_category.values())
    assert ("zone.deleted", {"code": "SRV", "name": "Service areas"}) in actions(store)


def test_a_zone_withdrawn_from_its_only_holder_can_be_deleted(store: EventStore, add_guest) -> None:
    guest_id = add_guest("A", category="MED")
    with store.begin() as connection:
        bulk.change_zones(connection, [guest_id], remove=("PRS",), actor=OFFICER)
        categories.delete_zone(connection, "PRS", OFFICER)
        overrides = connection.execute(select(schema.guest_zones)).all()

    assert overrides == []


@pytest.mark.parametrize(("category", "granted"), [("DEL", False), ("OBS", True)])
def test_a_zone_a_guest_has_is_not_deleted(store: EventStore, add_guest, category: str, granted: bool) -> None:
    """Through the guest's category (Delegate: bilateral rooms) or granted to them (an observer)."""
    guest_id = add_guest("A", category=category)
    if granted:
        with store.begin() as connection:
            guests.set_zone_override(connection, guest_id, "BIL", True, OFFICER)

    with pytest.raises(AccreditorError, match=r"Bilateral rooms \(BIL\) cannot be deleted: 1 guest has access"):
        delete_zone(store, "BIL")

    assert "BIL" in zone_codes(store)
