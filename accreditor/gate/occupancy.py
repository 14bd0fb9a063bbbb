"""Who is inside each zone, from the scan log: a guest is inside when their last passage there was an entry.

Only accepted scans (green or orange) count, ordered by when they happened rather than by when they
reached the event, so logs merged late from offline gates fall into place.  The evacuation list adds
what a marshal needs to find and recognise each person: name, photo, category, last gate and time.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select

from accreditor import guests as guest_store
from accreditor import schema
from accreditor.badges.printing import category_lookup
from accreditor.categories import list_zones
from accreditor.gate.verdicts import RED, thumbnails_of


@dataclass(frozen=True, slots=True)
class Presence:
    """A guest inside a zone since their last entry."""

    guest_id: int
    zone: str
    since: datetime
    gate: str
    station: str


@dataclass(frozen=True, slots=True)
class EvacuationEntry:
    guest_id: int
    name: str  # as written
    name_latin: str
    category: str
    category_name: str
    zone: str
    zone_name: str
    since: datetime
    gate: str
    photo: bytes | None  # thumbnail JPEG

    def to_json(self) -> dict[str, Any]:
        return {
            "guest": self.guest_id,
            "name": self.name,
            "name_latin": self.name_latin,
            "category": self.category,
            "category_name": self.category_name,
            "zone": self.zone,
            "since": self.since.isoformat(),
            "gate": self.gate,
        }


def who_is_inside(connection: Connection, zone: str | None = None) -> list[Presence]:
    """Everyone inside (one zone or all), by zone then time of entry."""
    scans = schema.scans
    ranked = select(
        scans.c.guest_id,
        scans.c.zone,
        scans.c.direction,
        scans.c.at,
        scans.c.gate,
        scans.c.station,
        func.row_number()
        .over(partition_by=(scans.c.guest_id, scans.c.zone), order_by=(scans.c.at.desc(), scans.c.id.desc()))
        .label("recency"),
    ).where(scans.c.guest_id.is_not(None), scans.c.colour != RED, scans.c.direction != "both")
    if zone:
        ranked = ranked.where(scans.c.zone == zone)
    latest = ranked.subquery()
    rows = connection.execute(
        select(latest)
        .where(latest.c.recency == 1, latest.c.direction == "in")
        .order_by(latest.c.zone, latest.c.at, latest.c.guest_id)
    )
    return [Presence(row.guest_id, row.zone, row.at, row.gate, row.station) for row in rows]


def occupancy(connection: Connection) -> dict[str, int]:
    """How many people are inside each zone of the event (zones nobody entered count 0)."""
    counts = {zone.code: 0 for zone in list_zones(connection)}
    for presence in who_is_inside(connection):
        counts[presence.zone] = counts.get(presence.zone, 0) + 1
    return counts


def evacuation_list(connection: Connection, zone: str | None = None, *, photos: bool = False) -> list[EvacuationEntry]:
    """Everyone inside, with what a marshal needs; sorted by zone, then name in Latin letters."""
    inside = who_is_inside(connection, zone)
    guests = {guest.id: guest for guest in guest_store.list_guests(connection, ids={item.guest_id for item in inside})}
    zone_names = {found.code: found.name for found in list_zones(connection)}
    category_names, _colours = category_lookup(connection)
    pictures: dict[int, bytes] = {}
    if photos:
        pictures, _unreadable = thumbnails_of(connection, [guest.id for guest in guests.values() if guest.has_photo])
    entries = []
    for item in inside:
        guest = guests.get(item.guest_id)
        name = guest.full_name if guest else f"guest {item.guest_id}"
        category = guest.fields.category if guest else ""
        entries.append(
            EvacuationEntry(
                guest_id=item.guest_id,
                name=name,
                name_latin=guest.name_latin if guest else name,
                category=category,
                category_name=category_names.get(category, category),
                zone=item.zone,
                zone_name=zone_names.get(item.zone, item.zone),
                since=item.since,
                gate=item.gate,
                photo=pictures.get(item.guest_id),
            )
        )
    entries.sort(key=lambda entry: (entry.zone, entry.name_latin.casefold(), entry.guest_id))
    return entries
