"""The gate's side of the event: who is inside (from the scan log), and what a live gate shows beside a verdict.

A guest is inside a zone when their last accepted passage there was an entry (`accreditor.gate.occupancy`).
The list is read from an `InsideSource`: the event database (`EventInside`: every gate's scans, merged logs
of offline gates included) or one offline gate's own log with its package (`GateLogInside`: only what this
door saw, which it says).  `EventGateLookups` gives a gate live on the event the categories, zone names and
full photos its screen shows.
"""

from collections import Counter
from pathlib import Path
from typing import Protocol

from sqlalchemy import Engine, create_engine

from accreditor import dialects
from accreditor import guests as guest_store
from accreditor.categories import list_categories, list_zones
from accreditor.gate.occupancy import EvacuationEntry, evacuation_list, occupancy, who_is_inside
from accreditor.gate.package import GatePackage
from accreditor.gate.verdicts import GateCategory
from accreditor.roles import Permission, require
from accreditor.services import guarded
from accreditor.store import EventStore


class InsideSource(Protocol):
    """Who is inside, read from somewhere: the event database or one offline gate's log."""

    @property
    def event_name(self) -> str: ...

    @property
    def scope(self) -> str:
        """One sentence for the operator: whose scans the list is made of."""
        ...

    def zones(self) -> dict[str, str]:
        """code → name, in the event's order."""
        ...

    def counts(self) -> dict[str, int]:
        """How many people are inside each zone."""
        ...

    def entries(self, zone: str | None, *, photos: bool) -> list[EvacuationEntry]:
        """Everyone inside (one zone or all), by zone then name in Latin letters."""
        ...


class EventInside:
    """The event database: every gate's scans, including the logs of offline gates merged back."""

    scope = "From the scans of every gate of the event (offline gates once their logs are merged)."

    def __init__(self, store: EventStore, actor: str) -> None:
        """`actor` reads the list: who is inside is for roles that may see it (security, organisers)."""
        self._store = store
        self._actor = actor
        self._event_name = store.event_info().name

    @property
    def event_name(self) -> str:
        return self._event_name

    def zones(self) -> dict[str, str]:
        with guarded("reading the zones"), self._store.connect() as connection:
            return {zone.code: zone.name for zone in list_zones(connection)}

    def counts(self) -> dict[str, int]:
        require(self._actor, Permission.SEE_INSIDE)
        with guarded("counting who is inside"), self._store.connect() as connection:
            return occupancy(connection)

    def entries(self, zone: str | None, *, photos: bool) -> list[EvacuationEntry]:
        require(self._actor, Permission.SEE_INSIDE)
        with guarded("reading who is inside"), self._store.connect() as connection:
            return evacuation_list(connection, zone, photos=photos)


class GateLogInside:
    """An offline gate: who its own log says is inside, named from its (verified) package.

    The core's `who_is_inside` reads the log's `scans` table as it reads the event's; the package
    supplies what the event database would (names, categories, zone names, thumbnails).  It knows
    only the passages through this door, and says so.
    """

    scope = (
        "From this gate's own log only: people who came in or left through another door are not "
        "known here until the logs are merged into the event."
    )

    def __init__(self, log_path: Path, package: GatePackage) -> None:
        self._package = package
        self._engine: Engine = create_engine(f"sqlite+pysqlite:///{log_path}")
        dialects.configure_sqlite(self._engine)

    @property
    def event_name(self) -> str:
        return self._package.event_name

    def zones(self) -> dict[str, str]:
        return dict(self._package.zones)

    def counts(self) -> dict[str, int]:
        with guarded("counting who is inside"), self._engine.connect() as connection:
            inside = Counter(presence.zone for presence in who_is_inside(connection))
        return {code: inside.get(code, 0) for code in self._package.zones} | dict(inside)

    def entries(self, zone: str | None, *, photos: bool) -> list[EvacuationEntry]:
        with guarded("reading who is inside"), self._engine.connect() as connection:
            inside = who_is_inside(connection, zone)
        package, entries = self._package, []
        for presence in inside:
            guest = package.guest(presence.guest_id)
            category = package.category(guest.category) if guest else None
            name = guest.name if guest else f"guest {presence.guest_id}"
            entries.append(
                EvacuationEntry(
                    guest_id=presence.guest_id,
                    name=name,
                    name_latin=guest.name_latin if guest else name,
                    category=guest.category if guest else "",
                    category_name=category.name if category else (guest.category if guest else ""),
                    zone=presence.zone,
                    zone_name=package.zone_name(presence.zone) or presence.zone,
                    since=presence.since,
                    gate=presence.gate,
                    photo=package.thumbnail(presence.guest_id) if photos else None,
                )
            )
        entries.sort(key=lambda entry: (entry.zone, entry.name_latin.casefold(), entry.guest_id))
        return entries

    def close(self) -> None:
        self._engine.dispose()


class EventGateLookups:
    """What a gate live on the event shows beside a verdict: category colours, zone names, the full photo."""

    def __init__(self, store: EventStore) -> None:
        self._store = store
        with guarded("reading the categories and zones"), store.connect() as connection:
            self.categories = {
                found.code: GateCategory(found.code, found.name, found.colour, found.escort_required)
                for found in list_categories(connection)
            }
            self.zones = {zone.code: zone.name for zone in list_zones(connection)}

    def photo(self, guest_id: int) -> bytes | None:
        with guarded("reading the photo"), self._store.connect() as connection:
            return guest_store.photo(connection, guest_id)
