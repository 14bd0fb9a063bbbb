"""Fixtures of the core tests: a real event, with the standard categories and zones, on both engines.

`store` (and `event_location`) run each test twice: on an SQLite file in tmp_path and on a fresh
database of a throwaway PostgreSQL cluster that the session starts once (see `postgres_cluster`).
"""

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


ENGINES = ("sqlite", "postgresql")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only: the test is about SQLite files; it runs on SQLite alone")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test that uses an event runs on each engine, unless it is marked `sqlite_only`."""
    if "engine" in metafunc.fixturenames:
        sqlite_only = metafunc.definition.get_closest_marker("sqlite_only") is not None
        metafunc.parametrize("engine", ENGINES[:1] if sqlite_only else ENGINES)


@pytest.fixture
def event_location(request: pytest.FixtureRequest, engine: str, event_path: Path) -> str:
    """Where a test's event lives: an SQLite file, then (second run) a database on the test cluster."""
    if engine == "sqlite":
        return str(event_path)
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def store(event_location: str) -> Iterator[EventStore]:
    """A new event with the standard zones and categories, on each engine in turn."""
    event_store = EventStore.create(
        event_location,
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
