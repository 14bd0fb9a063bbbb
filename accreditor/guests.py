"""Guests: the record of one person, reading guests back with their state, adding and updating them."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, replace
from datetime import datetime
from operator import attrgetter
from typing import Any

from sqlalchemy import Connection, Row, and_, func, insert, select, update

from accreditor import audit, dialects, schema
from accreditor.categories import list_categories
from accreditor.clock import utc_now
from accreditor.errors import NotFoundError
from accreditor.roles import Permission, require
from accreditor.search import search_text
from accreditor.text import is_east_asian, to_latin


@dataclass(frozen=True, slots=True)
class GuestFields:
    """What an organiser can set for a guest; every value is clean text ("" when unknown)."""

    family_name: str
    given_name: str = ""
    family_name_latin: str = ""
    given_name_latin: str = ""
    title: str = ""
    position: str = ""
    organisation: str = ""
    delegation: str = ""
    country: str = ""  # ISO 3166 alpha-2
    category: str = "DEL"  # category code
    passport_no: str = ""
    email: str = ""
    phone: str = ""
    external_ref: str = ""
    notes: str = ""

    def with_latin(self) -> "GuestFields":
        """Fill the Latin names from the names as written when the source gave none."""
        if (self.family_name_latin or not self.family_name) and (self.given_name_latin or not self.given_name):
            return self
        return replace(
            self,
            family_name_latin=self.family_name_latin or to_latin(self.family_name, self.country),
            given_name_latin=self.given_name_latin or to_latin(self.given_name, self.country),
        )

    def differences(self, other: "GuestFields") -> list[str]:
        mine, theirs = field_values(self), field_values(other)
        if mine == theirs:  # one tuple comparison: a list imported again is mostly unchanged
            return []
        return [name for name, old, new in zip(FIELD_NAMES, mine, theirs, strict=True) if old != new]

    def full_name(self) -> str:
        return join_name(self.given_name, self.family_name)

    def name_latin(self) -> str:
        if any(is_east_asian(char) for char in self.family_name + self.given_name):
            return f"{self.family_name_latin} {self.given_name_latin}".strip()  # pinyin keeps family first
        return join_name(self.given_name_latin, self.family_name_latin)


FIELD_NAMES = tuple(field.name for field in fields(GuestFields))
field_values = attrgetter(*FIELD_NAMES)
"""A guest's fields as a tuple in the order of FIELD_NAMES."""

# Column of the guests table for each field (the category is stored as a code).
_COLUMN_OF = {name: ("category_code" if name == "category" else name) for name in FIELD_NAMES}
_COLUMNS = tuple(_COLUMN_OF[name] for name in FIELD_NAMES)


def join_name(given: str, family: str) -> str:
    """Given name first, except in scripts that write the family name first (Chinese, Japanese, Korean)."""
    if any(is_east_asian(char) for char in family + given):
        return f"{family}{given}" if family and given else family or given
    return f"{given} {family}".strip()


@dataclass(frozen=True, slots=True)
class Guest:
    """A guest as the desk, the organiser and the exports see them."""

    id: int
    fields: GuestFields
    status: str
    status_reason: str
    zones: tuple[str, ...]
    checked_in_at: datetime | None
    checked_in_station: str
    checked_in_by: str
    badge_serial: int | None
    badge_printed_at: datetime | None
    has_photo: bool
    created_at: datetime
    updated_at: datetime

    @property
    def full_name(self) -> str:
        return self.fields.full_name()

    @property
    def name_latin(self) -> str:
        return self.fields.name_latin()


def _values(guest_fields: GuestFields) -> dict[str, Any]:
    values: dict[str, Any] = dict(zip(_COLUMNS, field_values(guest_fields), strict=True))
    values["search_text"] = search_text(guest_fields)
    return values


def add_guests(
    connection: Connection, new_guests: Sequence[GuestFields], actor: str, *, source: str = "manual"
) -> list[int]:
    """Insert guests (status pending) and audit each; returns their ids in order."""
    require(actor, Permission.WALK_IN, "add guests")
    if not new_guests:
        return []
    now = utc_now()
    table = schema.guests
    rows = []
    for guest in new_guests:
        values = _values(guest.with_latin())
        values["created_at"] = values["updated_at"] = now
        rows.append(values)
    ids = dialects.insert_many_returning_ids(connection, table, rows)
    details = {"source": source}
    audit.record_many(connection, actor, "guest.created", [(guest_id, details) for guest_id in ids])
    return ids


def add_guest(connection: Connection, guest: GuestFields, actor: str) -> int:
    return add_guests(connection, [guest], actor)[0]


def update_guest(
    connection: Connection, guest_id: int, new: GuestFields, actor: str, *, source: str = "manual"
) -> list[str]:
    """Save changed fields; returns their names (empty when nothing changed, and then nothing is written)."""
    require(actor, Permission.EDIT_GUESTS)
    old = get_guest(connection, guest_id).fields
    new = new.with_latin()
    changed = old.differences(new)
    if changed:
        update_guests(connection, [(guest_id, old, new)], actor, source=source)
    return changed


def update_guests(
    connection: Connection,
    changes: Sequence[tuple[int, GuestFields, GuestFields]],
    actor: str,
    *,
    source: str = "manual",
) -> None:
    """Write (guest id, old fields, new fields) triples and audit what changed in each."""
    require(actor, Permission.EDIT_GUESTS)
    if not changes:
        return
    now = utc_now()
    table = schema.guests
    for guest_id, _old, new in changes:
        connection.execute(update(table).where(table.c.id == guest_id).values(**_values(new), updated_at=now))
    audit.record_many(
        connection,
        actor,
        "guest.updated",
        [
            (
                guest_id,
                {
                    "source": source,
                    "changes": {name: [getattr(old, name), getattr(new, name)] for name in old.differences(new)},
                },
            )
            for guest_id, old, new in changes
        ],
    )


def load_fields(connection: Connection) -> dict[int, GuestFields]:
    """Every guest's fields by id, in one query (for matching a whole import against the event)."""
    table = schema.guests
    columns = [table.c.id, *(table.c[_COLUMN_OF[name]] for name in FIELD_NAMES)]
    # The columns are selected in the order of the fields, so each row's values go in positionally.
    return {row[0]: GuestFields(*row[1:]) for row in connection.execute(select(*columns))}


def set_photo(
    connection: Connection,
    guest_id: int,
    image: bytes,
    actor: str,
    media_type: str = "image/jpeg",
    *,
    permission: Permission = Permission.PHOTOS,
) -> None:
    """Store a guest's photo, audited.  `permission`: what the actor must be allowed (a walk-in registered at the
    desk comes with their photo under WALK_IN; changing anyone else's photo needs PHOTOS)."""
    require(actor, permission)
    get_guest(connection, guest_id)
    table = schema.guest_photos
    connection.execute(table.delete().where(table.c.guest_id == guest_id))
    connection.execute(
        insert(table).values(guest_id=guest_id, image=image, media_type=media_type, updated_at=utc_now())
    )
    audit.record(connection, actor, "guest.photo_set", guest_id, bytes=len(image))


def photo(connection: Connection, guest_id: int) -> bytes | None:
    table = schema.guest_photos
    return connection.execute(select(table.c.image).where(table.c.guest_id == guest_id)).scalar_one_or_none()


def get_guest(connection: Connection, guest_id: int) -> Guest:
    found = list_guests(connection, ids=[guest_id])
    if not found:
        raise NotFoundError(f"There is no guest with id {guest_id}.")
    return found[0]


def list_guests(
    connection: Connection,
    *,
    ids: Iterable[int] | None = None,
    status: str | None = None,
    category: str | None = None,
) -> list[Guest]:
    """Guests with their zones, check-in and badge state, in id order (or in the order of `ids`)."""
    table = schema.guests
    badges = schema.badges
    latest = select(badges.c.guest_id, func.max(badges.c.serial).label("serial")).group_by(badges.c.guest_id).subquery()
    printed = (
        select(badges.c.guest_id, badges.c.printed_at)
        .join(latest, and_(latest.c.guest_id == badges.c.guest_id, latest.c.serial == badges.c.serial))
        .subquery()
    )
    query = (
        select(
            table,
            latest.c.serial.label("badge_serial"),
            printed.c.printed_at.label("badge_printed_at"),
            schema.guest_photos.c.guest_id.label("photo_guest"),
        )
        .outerjoin(latest, latest.c.guest_id == table.c.id)
        .outerjoin(printed, printed.c.guest_id == table.c.id)
        .outerjoin(schema.guest_photos, schema.guest_photos.c.guest_id == table.c.id)
        .order_by(table.c.id)
    )
    id_list = None if ids is None else list(ids)
    if id_list is not None:
        query = query.where(dialects.one_of(connection, table.c.id, id_list))
    if status:
        query = query.where(table.c.status == status)
    if category:
        query = query.where(table.c.category_code == category.upper())
    rows = connection.execute(query).all()
    zones_of = effective_zones(connection, [row.id for row in rows] if id_list is not None else None)
    guests = [_guest_from_row(row, zones_of.get(row.id, ())) for row in rows]
    if id_list is not None:
        position = {guest_id: index for index, guest_id in enumerate(id_list)}
        guests.sort(key=lambda guest: position[guest.id])
    return guests


def _guest_from_row(row: Row[Any], zones: tuple[str, ...]) -> Guest:
    values = {name: getattr(row, _COLUMN_OF[name]) for name in FIELD_NAMES}
    return Guest(
        id=row.id,
        fields=GuestFields(**values),
        status=row.status,
        status_reason=row.status_reason,
        zones=zones,
        checked_in_at=row.checked_in_at,
        checked_in_station=row.checked_in_station,
        checked_in_by=row.checked_in_by,
        badge_serial=row.badge_serial,
        badge_printed_at=row.badge_printed_at,
        has_photo=row.photo_guest is not None,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def effective_zones(connection: Connection, guest_ids: list[int] | None) -> dict[int, tuple[str, ...]]:
    """Zones of each guest: their category's zones, plus granted and minus withdrawn overrides."""
    categories = {category.code: category.zones for category in list_categories(connection)}
    zone_order = {code: index for index, code in enumerate(_zone_codes(connection))}
    table = schema.guests
    query = select(table.c.id, table.c.category_code)
    overrides_query = select(schema.guest_zones)
    if guest_ids is not None:
        query = query.where(dialects.one_of(connection, table.c.id, guest_ids))
        overrides_query = overrides_query.where(dialects.one_of(connection, schema.guest_zones.c.guest_id, guest_ids))
    overrides: dict[int, list[tuple[str, bool]]] = {}
    for row in connection.execute(overrides_query):
        overrides.setdefault(row.guest_id, []).append((row.zone_code, row.granted))
    result: dict[int, tuple[str, ...]] = {}
    for guest_id, category_code in connection.execute(query):
        zones = set(categories.get(category_code, ()))
        for zone_code, granted in overrides.get(guest_id, ()):
            (zones.add if granted else zones.discard)(zone_code)
        result[guest_id] = tuple(sorted(zones, key=lambda code: zone_order.get(code, len(zone_order))))
    return result


def _zone_codes(connection: Connection) -> list[str]:
    return list(connection.execute(select(schema.zones.c.code).order_by(schema.zones.c.sort_order)).scalars())


def set_zone_override(connection: Connection, guest_id: int, zone_code: str, granted: bool | None, actor: str) -> None:
    """Grant (True) or withdraw (False) a zone for one guest, or return to the category default (None)."""
    require(actor, Permission.DECIDE, "change guests' zones")
    get_guest(connection, guest_id)
    zone_code = zone_code.upper()
    if zone_code not in _zone_codes(connection):
        raise NotFoundError(f"The event has no zone {zone_code}.")
    table = schema.guest_zones
    connection.execute(table.delete().where(and_(table.c.guest_id == guest_id, table.c.zone_code == zone_code)))
    if granted is not None:
        connection.execute(insert(table).values(guest_id=guest_id, zone_code=zone_code, granted=granted))
    audit.record(connection, actor, "guest.zone_override", guest_id, zone=zone_code, granted=granted)


def count_guests(connection: Connection) -> int:
    return connection.execute(select(func.count()).select_from(schema.guests)).scalar_one()
