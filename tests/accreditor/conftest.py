"""Fixtures of the core tests: a real event file in tmp_path, with the standard categories and zones."""

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from accreditor import categories, guests, workflow
from accreditor.guests import GuestFields
from accreditor.store import EventStore

EVENT_NAME = "Dushanbe Water Conference"
EVENT_START = date(2027, 5, 3)
EVENT_END = date(2027, 5, 4)
EVENT_VENUE = "Kokhi Navruz, Dushanbe"
ORGANISER = "organiser"

AddGuest = Callable[..., int]


@pytest.fixture
def event_path(tmp_path: Path) -> Path:
    return tmp_path / "event.accreditor"


@pytest.fixture
def store(event_path: Path) -> Iterator[EventStore]:
    """A new event on disk with the standard zones and categories."""
    event_store = EventStore.create(
        event_path,
        passphrase="test passphrase",
        name=EVENT_NAME,
        starts_on=EVENT_START,
        ends_on=EVENT_END,
        venue=EVENT_VENUE,
    )
    with event_store.begin() as connection:
        categories.install_standard(connection)
    yield event_store
    event_store.close()


@pytest.fixture
def add_guest(store: EventStore) -> AddGuest:
    """`add_guest(family_name, **fields)` adds one pending guest and returns the id."""

    def add(family_name: str = "Doe", **values: str) -> int:
        with store.begin() as connection:
            return guests.add_guest(connection, GuestFields(family_name=family_name, **values), ORGANISER)

    return add


@pytest.fixture
def add_guest_with_status(store: EventStore, add_guest: AddGuest) -> Callable[..., int]:
    """`add_guest_with_status(status, family_name, **fields)`: a guest taken through the workflow to `status`."""

    def add(status: str, family_name: str = "Doe", **values: str) -> int:
        guest_id = add_guest(family_name, **values)
        steps = {"pending": [], "approved": ["approved"], "rejected": ["rejected"], "revoked": ["approved", "revoked"]}
        with store.begin() as connection:
            for step in steps[status]:
                workflow.change_status(connection, [guest_id], step, ORGANISER, reason=f"test: {step}")
        return guest_id

    return add
