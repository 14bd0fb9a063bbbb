"""One event session per open event: the guests every view shows, loaded once and kept current.

The desk, the guest list and the organiser page all read the same `EventSession`: the guests
(every field a view shows, not photos), the categories and zones, a search index over the guests,
and the counts the status bar shows.  Reading it is memory only; what reads the database —
`load`, `build_index`, `apply` — is meant to run off the UI thread.

A core operation returns a `Changes`; `apply(changes)` re-reads only the guests it concerns (or
everything, after an import or a change of categories) and updates the index.

Lean at 100,000 guests: a guest is one compact tuple of column values (repeated values such as
organisations, countries and import timestamps shared, times kept as the database gave them), and
a `Guest` object is made only when someone asks for that guest.  Readers never lock the guests:
`apply` builds a new mapping and swaps it in, so a view iterating the old one is never disturbed.
The search index is updated in place, so searches and updates take turns on a lock.
"""

import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, Final

from sqlalchemy import Connection, Text, and_, func, select, type_coerce

from accreditor import dialects, schema
from accreditor.categories import Category, Zone, list_categories, list_zones
from accreditor.changes import Changes, Topic
from accreditor.countries import country_name
from accreditor.errors import NotFoundError
from accreditor.guests import FIELD_NAMES, Guest, GuestFields
from accreditor.search import IndexEntry, SearchIndex, search_text, sort_key
from accreditor.store import EventInfo, EventStore

# -- the compact guest row --------------------------------------------------------------------------

# Positions in a row tuple: the id, the `GuestFields` in their declared order, then the guest's state.
ID: Final = 0
_FIELDS_START: Final = 1
_FIELDS_END: Final = _FIELDS_START + len(FIELD_NAMES)
STATUS: Final = _FIELDS_END
STATUS_REASON: Final = STATUS + 1
ZONES: Final = STATUS + 2
CHECKED_IN_AT: Final = STATUS + 3
CHECKED_IN_STATION: Final = STATUS + 4
CHECKED_IN_BY: Final = STATUS + 5
BADGE_SERIAL: Final = STATUS + 6
BADGE_PRINTED_AT: Final = STATUS + 7
HAS_PHOTO: Final = STATUS + 8
CREATED_AT: Final = STATUS + 9
UPDATED_AT: Final = STATUS + 10

Row = tuple[Any, ...]
_NO_BADGE = (None, None)


def field_position(name: str) -> int:
    """Where a `GuestFields` field sits in a row."""
    return _FIELDS_START + FIELD_NAMES.index(name)


# Columns whose values repeat across guests (an organisation, a country, the time of one import):
# one string object per distinct value instead of one per guest.
_SHARED_FIELDS = frozenset({"title", "position", "organisation", "delegation", "country", "category", "notes", "phone"})
_SHARED_POSITIONS = frozenset(field_position(name) for name in _SHARED_FIELDS) | {
    STATUS,
    STATUS_REASON,
    CHECKED_IN_STATION,
    CHECKED_IN_BY,
    CREATED_AT,
    UPDATED_AT,
}

_UTC_DATETIME = schema.UtcDateTime()


def _moment(raw: object) -> datetime | None:
    """A stored time as an aware UTC datetime (rows keep what the database returned; parsing waits)."""
    return _UTC_DATETIME.process_result_value(raw, None)  # type: ignore[arg-type]


def guest_of(row: Row) -> Guest:
    return Guest(
        id=row[ID],
        fields=GuestFields(*row[_FIELDS_START:_FIELDS_END]),
        status=row[STATUS],
        status_reason=row[STATUS_REASON],
        zones=row[ZONES],
        checked_in_at=_moment(row[CHECKED_IN_AT]),
        checked_in_station=row[CHECKED_IN_STATION],
        checked_in_by=row[CHECKED_IN_BY],
        badge_serial=row[BADGE_SERIAL],
        badge_printed_at=_moment(row[BADGE_PRINTED_AT]),
        has_photo=row[HAS_PHOTO],
        created_at=_moment(row[CREATED_AT]),  # type: ignore[arg-type]  # never NULL
        updated_at=_moment(row[UPDATED_AT]),  # type: ignore[arg-type]
    )


@dataclass(frozen=True, slots=True)
class Counts:
    """What the status bar shows: every guest, those checked in, and those expected (approved)."""

    guests: int = 0
    checked_in: int = 0
    expected: int = 0


def _count(rows: Iterable[Row]) -> Counts:
    guests = checked_in = expected = 0
    for row in rows:
        guests += 1
        checked_in += row[CHECKED_IN_AT] is not None
        expected += row[STATUS] == "approved"
    return Counts(guests, checked_in, expected)


# -- reading rows from the database ---------------------------------------------------------------


def _field_columns() -> list[Any]:
    table = schema.guests
    return [table.c["category_code" if name == "category" else name] for name in FIELD_NAMES]


def _raw(column: Any) -> Any:
    """A time column as the driver returns it: no per-row conversion while 100,000 rows load."""
    return type_coerce(column, Text)


class _RowReader:
    """Reads guests into compact rows; one per load or apply (it holds the shared-value table)."""

    def __init__(self, connection: Connection, categories: Sequence[Category], zones: Sequence[Zone]) -> None:
        self._connection = connection
        self._shared: dict[object, object] = {}
        self._category_zones = {category.code: frozenset(category.zones) for category in categories}
        self._zone_order = {zone.code: index for index, zone in enumerate(zones)}
        self._zones_of_category: dict[str, tuple[str, ...]] = {}

    def read(self, ids: Sequence[int] | None = None) -> Iterator[tuple[Row, str]]:
        """(row, search text) of the guests with these ids (every guest when None), in id order."""
        table = schema.guests
        query = select(
            table.c.id,
            *_field_columns(),
            table.c.status,
            table.c.status_reason,
            _raw(table.c.checked_in_at),
            table.c.checked_in_station,
            table.c.checked_in_by,
            _raw(table.c.created_at),
            _raw(table.c.updated_at),
            table.c.search_text,
        ).order_by(table.c.id)
        if ids is not None:
            query = query.where(dialects.one_of(self._connection, table.c.id, ids))
        badges = self._badges(ids)
        photos = self._photos(ids)
        overrides = self._overrides(ids)
        shared = self._shared.setdefault
        shared_fields = sorted(position for position in _SHARED_POSITIONS if position < _FIELDS_END)
        category_position = field_position("category")
        for values in self._values(query):
            head = list(values[:_FIELDS_END])
            for position in shared_fields:
                value = head[position]
                head[position] = shared(value, value)
            guest_id = head[ID]
            status, reason, checked_in_at, station, by, created, updated, text = values[_FIELDS_END:]
            serial, printed_at = badges.get(guest_id, _NO_BADGE)
            row = (
                *head,
                shared(status, status),
                shared(reason, reason),
                self._zones(head[category_position], overrides.get(guest_id, ())),
                checked_in_at,
                shared(station, station),
                shared(by, by),
                serial,
                printed_at,
                guest_id in photos,
                shared(created, created),
                shared(updated, updated),
            )
            yield row, text

    def _values(self, query: Any) -> Iterator[Sequence[Any]]:
        """Result rows fetched in batches: one call per row costs a third of a 100,000-guest load."""
        for batch in self._connection.execute(query).partitions(2000):
            yield from batch

    def _share(self, value: object) -> object:
        return self._shared.setdefault(value, value)

    def _zones(self, category: str, overrides: Sequence[tuple[str, bool]]) -> tuple[str, ...]:
        """The category's zones plus granted minus withdrawn, in the event's zone order; equal tuples shared."""
        if not overrides and (known := self._zones_of_category.get(category)) is not None:
            return known
        zones = set(self._category_zones.get(category, ()))
        for zone_code, granted in overrides:
            (zones.add if granted else zones.discard)(zone_code)
        ordered = tuple(sorted(zones, key=lambda code: self._zone_order.get(code, len(self._zone_order))))
        if not overrides:
            self._zones_of_category[category] = ordered
        return self._share(ordered)  # type: ignore[return-value]

    def _badges(self, ids: Sequence[int] | None) -> dict[int, tuple[int, object]]:
        """(latest serial, when it was printed) per guest that has a badge."""
        badges = schema.badges
        latest = select(badges.c.guest_id, func.max(badges.c.serial).label("serial")).group_by(badges.c.guest_id)
        if ids is not None:
            latest = latest.where(dialects.one_of(self._connection, badges.c.guest_id, ids))
        latest_query = latest.subquery()
        query = select(badges.c.guest_id, badges.c.serial, _raw(badges.c.printed_at)).join(
            latest_query, and_(latest_query.c.guest_id == badges.c.guest_id, latest_query.c.serial == badges.c.serial)
        )
        return {guest_id: (serial, printed_at) for guest_id, serial, printed_at in self._connection.execute(query)}

    def _photos(self, ids: Sequence[int] | None) -> set[int]:
        photos = schema.guest_photos
        query = select(photos.c.guest_id)
        if ids is not None:
            query = query.where(dialects.one_of(self._connection, photos.c.guest_id, ids))
        return set(self._connection.execute(query).scalars())

    def _overrides(self, ids: Sequence[int] | None) -> dict[int, list[tuple[str, bool]]]:
        table = schema.guest_zones
        query = select(table.c.guest_id, table.c.zone_code, table.c.granted)
        if ids is not None:
            query = query.where(dialects.one_of(self._connection, table.c.guest_id, ids))
        overrides: dict[int, list[tuple[str, bool]]] = {}
        for guest_id, zone_code, granted in self._connection.execute(query):
            overrides.setdefault(guest_id, []).append((zone_code, bool(granted)))
        return overrides


# -- filtering and ordering -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GuestFilter:
    """What the user asked to see; empty or None parts do not filter.

    Text parts match exactly (the choices come from the guests themselves); the yes/no parts ask
    whether the guest has a printed badge, has checked in, has a photo.
    """

    query: str = ""
    status: str | None = None
    category: str | None = None
    country: str | None = None  # ISO 3166 alpha-2
    organisation: str | None = None
    delegation: str | None = None
    printed: bool | None = None
    checked_in: bool | None = None
    has_photo: bool | None = None

    def admits(self, guest: Guest) -> bool:
        """The same test on a `Guest` (a row made elsewhere, or a guest just read)."""
        return self._admits_row(_row_of(guest))

    def _admits_row(self, row: Row) -> bool:
        return all(test(row) for test in self._tests())

    def _tests(self) -> list[Callable[[Row], bool]]:
        """One small test per part that filters: a 100,000-row pass pays only for what was asked."""
        tests: list[Callable[[Row], bool]] = []
        for wanted, position in (
            (self.status, STATUS),
            (self.category, field_position("category")),
            (self.country, field_position("country")),
            (self.organisation, field_position("organisation")),
            (self.delegation, field_position("delegation")),
        ):
            if wanted is not None:
                tests.append(lambda row, wanted=wanted, position=position: row[position] == wanted)
        for flag, position in (
            (self.printed, BADGE_SERIAL),
            (self.checked_in, CHECKED_IN_AT),
        ):
            if flag is not None:
                tests.append(lambda row, flag=flag, position=position: (row[position] is not None) == flag)
        if self.has_photo is not None:
            tests.append(lambda row, flag=self.has_photo: row[HAS_PHOTO] == flag)
        return tests


def _row_of(guest: Guest) -> Row:
    """A `Guest` as a row (only the parts filters and sorting read need be exact)."""
    fields = guest.fields
    return (
        guest.id,
        *(getattr(fields, name) for name in FIELD_NAMES),
        guest.status,
        guest.status_reason,
        guest.zones,
        guest.checked_in_at,
        guest.checked_in_station,
        guest.checked_in_by,
        guest.badge_serial,
        guest.badge_printed_at,
        guest.has_photo,
        guest.created_at,
        guest.updated_at,
    )


class SortBy(StrEnum):
    """What a guest table can be ordered by; names by family name, times and numbers as such."""

    ID = "id"
    NAME = "name"
    NAME_LATIN = "name_latin"
    ORGANISATION = "organisation"
    COUNTRY = "country"
    CATEGORY = "category"
    STATUS = "status"
    CHECKED_IN = "checked_in"
    BADGE = "badge"


_FAMILY, _GIVEN = field_position("family_name"), field_position("given_name")
_FAMILY_LATIN, _GIVEN_LATIN = field_position("family_name_latin"), field_position("given_name_latin")
_ORGANISATION, _COUNTRY, _CATEGORY = (
    field_position("organisation"),
    field_position("country"),
    field_position("category"),
)


# -- the session ----------------------------------------------------------------------------------


def _index_of(rows: dict[int, Row], texts: dict[int, str]) -> SearchIndex:
    return SearchIndex(
        IndexEntry(guest_id, texts[guest_id], sort_key(row[_FAMILY_LATIN], row[_GIVEN_LATIN]))
        for guest_id, row in rows.items()
    )


@dataclass(frozen=True, slots=True)
class _Event:
    """Everything but the guests: swapped in one piece."""

    info: EventInfo
    categories: tuple[Category, ...]
    zones: tuple[Zone, ...]


class EventSession:
    """The open event's guests, categories, zones and search index, in memory.

    `load()` (and then `build_index()`, a second of work at 100,000 guests) before use; `load()` and
    `apply()` read the database: call them off the UI thread.  Everything else reads memory and is
    safe on any thread.
    """

    def __init__(self, store: EventStore) -> None:
        self._store = store
        self._event: _Event | None = None
        self._rows: dict[int, Row] = {}  # id order; replaced, never mutated in place
        self._counts = Counts()
        self._index: SearchIndex | None = None
        self._index_lock = threading.Lock()  # searches and in-place index updates take turns
        self._write_lock = threading.Lock()  # one load or apply at a time
        self._pending_index: dict[int, IndexEntry | None] | None = None  # updates made while the index builds
        self._unindexed: tuple[dict[int, Row], dict[int, str]] | None = None  # loaded, waiting for the index
        self._generation = 0  # counts the loads, so an index of an older one is never installed

    @classmethod
    def of_guests(
        cls, guests: Iterable[Guest], categories: Iterable[Category] = (), zones: Iterable[Zone] = ()
    ) -> "EventSession":
        """A loaded, indexed session over guests already in memory, with no event behind it (a
        preview of guests not saved, tests of views at 100,000 guests); `apply` is not for it."""
        session = cls(None)  # type: ignore[arg-type]
        guests = list(guests)
        rows = {guest.id: _row_of(guest) for guest in guests}
        session._event = _Event(EventInfo("", None, None, ""), tuple(categories), tuple(zones))
        session._rows = rows
        session._counts = _count(rows.values())
        session._index = _index_of(rows, {guest.id: search_text(guest.fields) for guest in guests})
        return session

    @property
    def store(self) -> EventStore:
        return self._store

    # -- loading ---------------------------------------------------------------------------------

    def load(self) -> None:
        """Read every guest, the categories and the zones (the index follows with `build_index`)."""
        with self._write_lock:
            event, rows, texts = self._read_everything()
            self._event, self._rows, self._counts = event, rows, _count(rows.values())
            with self._index_lock:
                self._generation += 1
                self._index = None
                self._pending_index = {}  # changes applied from now on are replayed onto the index
                self._unindexed = (rows, texts)

    def _read_everything(self) -> tuple[_Event, dict[int, Row], dict[int, str]]:
        """The event, every guest's row and every guest's search words (for the index)."""
        with self._store.connect() as connection:
            event = self._read_event(connection)
            rows: dict[int, Row] = {}
            texts: dict[int, str] = {}
            for row, text in _RowReader(connection, event.categories, event.zones).read():
                rows[row[ID]] = row
                texts[row[ID]] = text
        return event, rows, texts

    def _reload_everything(self) -> None:
        """Read everything again while searches go on in what was loaded; swap both in at once."""
        with self._write_lock:  # other changes wait: they would be read again anyway
            event, rows, texts = self._read_everything()
            index = _index_of(rows, texts)
            with self._index_lock:
                self._generation += 1  # an index still being built from the previous load is dropped
                self._event, self._rows, self._counts = event, rows, _count(rows.values())
                self._index = index
                self._pending_index = None
                self._unindexed = None

    def build_index(self) -> None:
        """Index the loaded guests for `find` (memory only); guests changed since the load are indexed as
        they now are."""
        with self._index_lock:
            loaded, self._unindexed = self._unindexed, None
            generation = self._generation
        if loaded is None:
            return  # indexed already, or not loaded
        index = _index_of(*loaded)
        with self._index_lock:
            if generation != self._generation:
                return  # everything was read again meanwhile, and indexed with it
            for guest_id, entry in (self._pending_index or {}).items():
                if entry is None:
                    index.remove(guest_id)
                else:
                    index.upsert(entry)
            self._pending_index = None
            self._index = index

    @staticmethod
    def _read_event(connection: Connection) -> _Event:
        row = connection.execute(select(schema.event).where(schema.event.c.id == 1)).one()
        info = EventInfo(name=row.name, starts_on=row.starts_on, ends_on=row.ends_on, venue=row.venue)
        return _Event(info, tuple(list_categories(connection)), tuple(list_zones(connection)))

    @property
    def is_loaded(self) -> bool:
        return self._event is not None

    @property
    def is_indexed(self) -> bool:
        return self._index is not None

    # -- keeping current -------------------------------------------------------------------------

    def apply(self, changes: Changes) -> None:
        """Bring memory up to date with what an operation changed (reads the database)."""
        if not changes or not self.is_loaded:
            return
        if changes.all_guests or changes.touches(Topic.CATEGORIES):
            # Categories decide every guest's zones; an import touches too many guests to list.
            self._reload_everything()
            return
        if changes.touches(Topic.EVENT):
            with self._write_lock, self._store.connect() as connection:
                self._event = self._read_event(connection)
        if changes.guest_ids and changes.touches(Topic.GUESTS, Topic.CHECK_INS, Topic.PRINTS, Topic.PHOTOS):
            self._reread(sorted(changes.guest_ids))

    def _reread(self, ids: list[int]) -> None:
        assert self._event is not None
        with self._write_lock:
            with self._store.connect() as connection:
                reader = _RowReader(connection, self._event.categories, self._event.zones)
                found = {row[ID]: (row, text) for row, text in reader.read(ids)}
            rows = dict(self._rows)
            for guest_id in ids:
                if guest_id in found:
                    rows[guest_id] = found[guest_id][0]
                else:
                    rows.pop(guest_id, None)  # deleted meanwhile
            if any(guest_id not in self._rows for guest_id in found):
                rows = dict(sorted(rows.items()))  # keep id order when new guests arrived out of order
            self._rows = rows
            self._counts = _count(rows.values())
            entries: dict[int, IndexEntry | None] = dict.fromkeys(ids)
            for guest_id, (row, text) in found.items():
                entries[guest_id] = IndexEntry(guest_id, text, sort_key(row[_FAMILY_LATIN], row[_GIVEN_LATIN]))
            with self._index_lock:
                if self._pending_index is not None:
                    self._pending_index.update(entries)
                if self._index is not None:
                    for guest_id, entry in entries.items():
                        if entry is None:
                            self._index.remove(guest_id)
                        else:
                            self._index.upsert(entry)

    # -- reading ---------------------------------------------------------------------------------

    @property
    def event(self) -> EventInfo:
        return self._loaded_event().info

    def _loaded_event(self) -> _Event:
        if self._event is None:
            raise RuntimeError("The event session is not loaded yet.")
        return self._event

    def categories(self) -> list[Category]:
        return list(self._loaded_event().categories) if self._event else []

    def category(self, code: str) -> Category | None:
        return next((category for category in self.categories() if category.code == code), None)

    def zones(self) -> list[Zone]:
        return list(self._loaded_event().zones) if self._event else []

    def counts(self) -> Counts:
        return self._counts

    def __len__(self) -> int:
        return len(self._rows)

    def __contains__(self, guest_id: object) -> bool:
        return guest_id in self._rows

    def guest(self, guest_id: int) -> Guest:
        row = self._rows.get(guest_id)
        if row is None:
            raise NotFoundError(f"There is no guest with id {guest_id}.")
        return guest_of(row)

    def guests(self, ids: Iterable[int] | None = None) -> list[Guest]:
        """These guests in this order (unknown ids left out), or every guest in id order."""
        rows = self._rows
        if ids is None:
            return [guest_of(row) for row in rows.values()]
        return [guest_of(row) for guest_id in ids if (row := rows.get(guest_id)) is not None]

    def row(self, guest_id: int) -> Row | None:
        """The compact row of a guest (positions are this module's constants), for tables that show many."""
        return self._rows.get(guest_id)

    def find(self, query: str, limit: int = 50) -> list[Guest]:
        """The best matches for `query`, best first; [] until the index is built (see `is_indexed`)."""
        return self.guests(self.search(query, limit))

    def search(self, query: str, limit: int = 50) -> list[int]:
        """Ids of the best matches, best first; [] until the index is built."""
        with self._index_lock:
            if self._index is None:
                return []
            found = self._index.search(query, limit=limit)
        return [guest_id for guest_id in found if guest_id in self._rows]

    def select(self, wanted: GuestFilter, sort_by: SortBy | None = None, *, descending: bool = False) -> list[int]:
        """Ids of the guests `wanted` admits: best match first when it has a query, else in id order,
        unless `sort_by` orders them.  A query before the index is built matches nobody yet."""
        rows = self._rows
        if wanted.query:
            candidates: Iterable[Row] = (rows[guest_id] for guest_id in self.search(wanted.query, len(rows)))
        else:
            candidates = rows.values()
        tests = wanted._tests()
        matches = [row for row in candidates if all(test(row) for test in tests)] if tests else list(candidates)
        if sort_by is not None:
            matches.sort(key=self._sort_key(sort_by), reverse=descending)
        return [row[ID] for row in matches]

    def _sort_key(self, sort_by: SortBy) -> Callable[[Row], Any]:
        match sort_by:
            case SortBy.ID:
                return lambda row: row[ID]
            case SortBy.NAME:
                return lambda row: (row[_FAMILY].casefold(), row[_GIVEN].casefold())
            case SortBy.NAME_LATIN:
                return lambda row: sort_key(row[_FAMILY_LATIN], row[_GIVEN_LATIN])
            case SortBy.ORGANISATION:
                return lambda row: row[_ORGANISATION].casefold()
            case SortBy.COUNTRY:
                names: dict[str, str] = {}
                return lambda row: (
                    names.get(row[_COUNTRY]) or names.setdefault(row[_COUNTRY], country_name(row[_COUNTRY]).casefold())
                )
            case SortBy.CATEGORY:
                category_names = {category.code: category.name.casefold() for category in self.categories()}
                return lambda row: category_names.get(row[_CATEGORY], row[_CATEGORY].casefold())
            case SortBy.STATUS:
                return lambda row: row[STATUS]
            case SortBy.CHECKED_IN:
                return lambda row: (row[CHECKED_IN_AT] is None, _moment(row[CHECKED_IN_AT]) or datetime.min)
            case SortBy.BADGE:
                return lambda row: (row[BADGE_SERIAL] is None, row[BADGE_SERIAL] or 0)
        raise ValueError(sort_by)

    def field_values(self, name: str) -> list[str]:
        """The different non-empty values guests have in a `GuestFields` field: the choices of a filter."""
        position = field_position(name)
        return sorted({value for row in self._rows.values() if (value := row[position])}, key=str.casefold)


def open_session(store: EventStore, *, index: bool = True) -> EventSession:
    """A loaded (and by default indexed) session, for the command line, scripts and tests."""
    session = EventSession(store)
    session.load()
    if index:
        session.build_index()
    return session
