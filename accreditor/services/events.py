"""Creating an event as File › New event does: the file, its signing key, and the standard categories and zones."""

from datetime import date
from pathlib import Path

from accreditor import categories
from accreditor.errors import AccreditorError
from accreditor.store import EventStore


def create_event(
    location: str | Path,
    *,
    name: str,
    passphrase: str,
    starts_on: date | None = None,
    ends_on: date | None = None,
    venue: str = "",
) -> EventStore:
    """The new event, open, its signing key locked with `passphrase` (and unlocked for this session);
    AccreditorError says why it cannot be made (and no half-made event stays open)."""
    store = EventStore.create(
        location, name=name, starts_on=starts_on, ends_on=ends_on, venue=venue, passphrase=passphrase
    )
    try:
        with store.begin() as connection:
            categories.install_standard(connection)
    except AccreditorError:
        store.close()
        raise
    return store
