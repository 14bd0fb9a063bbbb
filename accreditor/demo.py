"""The demo event: a realistic, deterministic event to try every screen and command on."""

from datetime import date, timedelta
from pathlib import Path

from accreditor import categories, checkin, workflow
from accreditor import guests as guest_store
from accreditor.demo_data import DemoGuest, demo_guests
from accreditor.guests import GuestFields
from accreditor.store import EventStore

DEMO_NAME = "High-Level International Conference on Countering Terrorism and Preventing Violent Extremism"
DEMO_VENUE = "Kokhi Navruz, Dushanbe"
DEMO_DAYS = 2
"""The demo event starts on the day it is created, so its badges scan green and the desk works that day."""
DEMO_ACTOR = "demo"
# The demo's signing key is locked like any event's; the README states this passphrase.
DEMO_PASSPHRASE = "demo passphrase"
# Every tenth approved guest has already arrived, so the desk and reports have something to show.
_CHECKED_IN_EVERY = 10


def _fields(guest: DemoGuest) -> GuestFields:
    return GuestFields(
        family_name=guest.family_name,
        given_name=guest.given_name,
        family_name_latin=guest.family_name_latin,
        given_name_latin=guest.given_name_latin,
        title=guest.title,
        position=guest.position,
        organisation=guest.organisation,
        delegation=guest.delegation,
        country=guest.country,
        category=guest.category,
        passport_no=guest.passport_no,
        email=guest.email,
        phone=guest.phone,
        external_ref=guest.external_ref,
        notes=guest.notes,
    )


def create_demo_event(
    path: str | Path, *, guest_count: int = 440, starts_on: date | None = None, passphrase: str = DEMO_PASSPHRASE
) -> EventStore:
    """The demo event, from `starts_on` (default: today on this computer's calendar) for two days."""
    people = demo_guests(guest_count)
    first_day = starts_on or date.today()
    last_day = first_day + timedelta(days=DEMO_DAYS - 1)
    store = EventStore.create(
        path, name=DEMO_NAME, starts_on=first_day, ends_on=last_day, venue=DEMO_VENUE, passphrase=passphrase
    )
    with store.begin() as connection:
        categories.install_standard(connection)
        ids = guest_store.add_guests(connection, [_fields(person) for person in people], DEMO_ACTOR, source="demo")
        for guest_id, person in zip(ids, people, strict=True):
            if person.photo:
                guest_store.set_photo(connection, guest_id, person.photo, DEMO_ACTOR)
        by_status: dict[str, list[tuple[int, DemoGuest]]] = {}
        for guest_id, person in zip(ids, people, strict=True):
            by_status.setdefault(person.status, []).append((guest_id, person))
        approved_first = by_status.get("approved", []) + by_status.get("revoked", [])
        workflow.change_status(connection, [guest_id for guest_id, _ in approved_first], "approved", DEMO_ACTOR)
        for status in ("rejected", "revoked"):
            for guest_id, person in by_status.get(status, []):
                workflow.change_status(connection, [guest_id], status, DEMO_ACTOR, person.status_reason)
        arrived = by_status.get("approved", [])[::_CHECKED_IN_EVERY]
        for number, (guest_id, _person) in enumerate(arrived):
            checkin.check_in(connection, guest_id, station=f"Desk {number % 2 + 1}", user=DEMO_ACTOR)
    return store
