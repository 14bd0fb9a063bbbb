"""Badge print runs: who gets a badge, with which serial, and the record of what was printed.

A first print has serial 1.  A reprint needs a reason and raises the serial, so the old badge
(lost, damaged, wrong) verifies as `superseded` at every gate.  Prints are recorded only after
the PDF was written, so nothing is marked printed that was not produced.

A run comes out in the order the organiser hands badges out in (`ORDERS`): by delegation for
delegation desks, by country, by category for colour-sorted trays, by Latin name for one
alphabetical queue; names in any script sort by their Latin transliteration, as the guest list does.
"""

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, Row, func, select

from accreditor import audit, dialects, keys, schema
from accreditor import guests as guest_store
from accreditor.categories import list_categories
from accreditor.clock import utc_now
from accreditor.countries import country_name
from accreditor.errors import WorkflowError
from accreditor.guests import Guest, join_name
from accreditor.roles import Permission, require
from accreditor.search import sort_key
from accreditor.store import EventInfo
from accreditor.text import fold
from accreditor.tokens import MAX_VALID_DAYS, BadgeClaims, issue_token
from accreditor.vocabulary import GuestStatus

# The longest validity a token can carry (its "valid days" field is one byte).
_LONGEST_VALIDITY = timedelta(days=MAX_VALID_DAYS)

# The orders a print run can come out in; every one ends with the guest id, so a run is reproducible.
ORDERS = ("id", "name", "delegation", "country", "category")
# Guest ids per query: a statement takes a bounded number of parameters (SQLite's limit, PostgreSQL's).
_IDS_PER_QUERY = 1000


@dataclass(frozen=True, slots=True)
class PrintRequest:
    """What the organiser asked for (the CLI's and the batch dialog's options)."""

    category: str | None = None
    guest_ids: tuple[int, ...] = ()
    only_unprinted: bool = False
    mark_printed: bool = False
    reprint: bool = False
    reason: str = ""
    order: str = "id"  # one of ORDERS


@dataclass(frozen=True, slots=True)
class PlannedBadge:
    guest: Guest
    serial: int
    token: str


@dataclass
class PrintPlan:
    badges: list[PlannedBadge] = field(default_factory=list)
    skipped: list[dict[str, Any]] = field(default_factory=list)  # {"guest": id, "name": …, "reason": …}


def validity(event: EventInfo, today: date) -> tuple[date, date]:
    """The days a badge opens doors: the event's dates, or from today on while it has none.

    A token carries at most 256 days, so longer spans (and undated events) end there.
    """
    start = event.starts_on or today
    end = event.ends_on or start + _LONGEST_VALIDITY
    return start, min(end, start + _LONGEST_VALIDITY)


@dataclass
class Selection:
    """Who gets a badge in a print run: (guest id, new serial) in the run's order, and who is skipped and why."""

    printable: list[tuple[int, int]] = field(default_factory=list)
    skipped: list[dict[str, Any]] = field(default_factory=list)


# A guest whose status column says approved without an intact approval in the audit chain (set by raw SQL).
UNBACKED_APPROVAL = "approved outside Accreditor: the audit log records no approval, so no badge is issued"


def _refuse_unbacked(connection: Connection, guest_ids: Sequence[int]) -> None:
    unbacked = audit.unbacked_approvals(connection, guest_ids)
    if unbacked:
        raise WorkflowError(f"Guest {unbacked[0]} was {UNBACKED_APPROVAL}.")


def select_for_print(connection: Connection, request: PrintRequest) -> Selection:
    """Decide the run from a light query (ids, names, status, serials, what it is ordered by), whatever its size.

    Both lists come in `request.order`, so a batch renders its chunks in that order and the skipped read
    in the order the organiser expects to find those guests.
    """
    if request.reprint and not request.reason.strip():
        raise WorkflowError("A reprint needs a reason (lost, damaged, details changed…).")
    if request.order not in ORDERS:
        raise WorkflowError(f"Badges cannot be ordered by {request.order!r}; choose one of {', '.join(ORDERS)}.")
    ids = list(dict.fromkeys(request.guest_ids))
    rows = _print_rows(connection, request, ids)
    if ids:
        missing = sorted(set(ids) - {row.id for row in rows})
        if missing:
            raise WorkflowError(f"There is no guest with id {', '.join(map(str, missing))}.")
    rows.sort(key=_ORDER_KEYS[request.order])
    unbacked = set(audit.unbacked_approvals(connection, [row.id for row in rows if row.status == GuestStatus.APPROVED]))
    selection = Selection()
    for row in rows:
        printed = row.serial
        reason = ""
        if row.status != GuestStatus.APPROVED:
            why = f" ({row.status_reason})" if row.status_reason else ""
            reason = f"{row.status}{why}: only approved guests get badges"
        elif row.id in unbacked:
            reason = UNBACKED_APPROVAL
        elif printed and request.only_unprinted:
            reason = f"already printed (serial {printed})"
        elif printed and not request.reprint:
            reason = f"already printed (serial {printed}); a new badge needs a reprint with a reason"
        if reason:
            name = join_name(row.given_name, row.family_name)
            selection.skipped.append({"guest": row.id, "name": name, "reason": reason})
        else:
            selection.printable.append((row.id, (printed or 0) + 1))
    return selection


def _print_rows(connection: Connection, request: PrintRequest, ids: Sequence[int]) -> list[Row[Any]]:
    """The guests a run considers, one light row each: whole records (photos, zones) are read per chunk later."""
    guests, badges, categories = schema.guests, schema.badges, schema.categories
    latest = select(badges.c.guest_id, func.max(badges.c.serial).label("serial")).group_by(badges.c.guest_id)
    latest_serials = latest.subquery()
    query = (
        select(
            guests.c.id,
            guests.c.family_name,
            guests.c.given_name,
            guests.c.family_name_latin,
            guests.c.given_name_latin,
            guests.c.delegation,
            guests.c.country,
            guests.c.status,
            guests.c.status_reason,
            categories.c.sort_order.label("category_order"),
            guests.c.category_code,
            latest_serials.c.serial,
        )
        .join(categories, categories.c.code == guests.c.category_code)
        .outerjoin(latest_serials, latest_serials.c.guest_id == guests.c.id)
        .order_by(guests.c.id)
    )
    if request.category:
        query = query.where(guests.c.category_code == request.category.upper())
    if not ids:
        return list(connection.execute(query).all())
    return [
        row
        for start in range(0, len(ids), _IDS_PER_QUERY)
        for row in connection.execute(query.where(guests.c.id.in_(ids[start : start + _IDS_PER_QUERY]))).all()
    ]


def _latin_name(row: Row[Any]) -> str:
    """Family name then given name in Latin, folded: one alphabet for guests written in any script."""
    return sort_key(row.family_name_latin, row.given_name_latin)


def _unnamed_last(text: str) -> tuple[bool, str, str]:
    """Guests without a delegation (or country) after everyone who has one; equal folds kept apart as written."""
    return (not text, fold(text), text)


_ORDER_KEYS: dict[str, Callable[[Row[Any]], Any]] = {
    "id": lambda row: row.id,
    "name": lambda row: (_latin_name(row), row.id),
    "delegation": lambda row: (_unnamed_last(row.delegation), _latin_name(row), row.id),
    "country": lambda row: (_unnamed_last(country_name(row.country)), _latin_name(row), row.id),
    "category": lambda row: (row.category_order, row.category_code, _latin_name(row), row.id),
}


def issue_badges(
    connection: Connection, event: EventInfo, printable: Sequence[tuple[int, int]], *, today: date
) -> list[PlannedBadge]:
    """Signed tokens for (guest id, serial) pairs, with the guests as the renderer needs them."""
    _refuse_unbacked(connection, [guest_id for guest_id, _serial in printable])
    key_id, private_key = keys.active_signing_key(connection)
    event_uid = keys.event_uid(connection)
    valid_from, valid_until = validity(event, today)
    serial_of = dict(printable)
    planned = []
    for guest in guest_store.list_guests(connection, ids=[guest_id for guest_id, _serial in printable]):
        claims = BadgeClaims(
            event_uid=event_uid,
            guest_id=guest.id,
            serial=serial_of[guest.id],
            category=guest.fields.category,
            zones=guest.zones,
            valid_from=valid_from,
            valid_until=valid_until,
        )
        planned.append(PlannedBadge(guest, serial_of[guest.id], issue_token(claims, key_id, private_key)))
    return planned


def plan_print(connection: Connection, event: EventInfo, request: PrintRequest, *, today: date) -> PrintPlan:
    """Choose the guests, their serials and tokens for a small run; nothing is written."""
    selection = select_for_print(connection, request)
    badges = issue_badges(connection, event, selection.printable, today=today)
    return PrintPlan(badges=badges, skipped=selection.skipped)


def current_serial(connection: Connection, guest_id: int) -> int:
    """The highest serial issued to a guest, 0 before the first print."""
    table = schema.badges
    return connection.execute(select(func.max(table.c.serial)).where(table.c.guest_id == guest_id)).scalar() or 0


def current_token(connection: Connection, event: EventInfo, guest_id: int, *, today: date) -> str:
    """The token of the guest's valid badge (the one to print first when none was printed yet)."""
    guest = guest_store.get_guest(connection, guest_id)
    if guest.status != GuestStatus.APPROVED:
        raise WorkflowError(f"Guest {guest_id} is {guest.status}; only approved guests have a badge token.")
    _refuse_unbacked(connection, [guest_id])
    key_id, private_key = keys.active_signing_key(connection)
    valid_from, valid_until = validity(event, today)
    claims = BadgeClaims(
        event_uid=keys.event_uid(connection),
        guest_id=guest.id,
        serial=guest.badge_serial or 1,
        category=guest.fields.category,
        zones=guest.zones,
        valid_from=valid_from,
        valid_until=valid_until,
    )
    return issue_token(claims, key_id, private_key)


def record_prints(
    connection: Connection, printed: Iterable[PlannedBadge], *, actor: str, station: str = "", reason: str = ""
) -> int:
    """Record badges as printed (after the PDF or the print job was accepted)."""
    serials = [(badge.guest.id, badge.serial) for badge in printed]
    return record_serials(connection, serials, actor=actor, station=station, reason=reason)


def record_serials(
    connection: Connection, serials: Sequence[tuple[int, int]], *, actor: str, station: str = "", reason: str = ""
) -> int:
    """Record (guest id, serial) pairs as printed; a serial another desk recorded first fails the whole call."""
    require(actor, Permission.REPRINT_BADGES if reason.strip() else Permission.PRINT_BADGES)
    if not serials:
        return 0
    _refuse_serials_taken_meanwhile(connection, serials)
    now = utc_now()
    rows = [
        {
            "guest_id": guest_id,
            "serial": serial,
            "printed_at": now,
            "printed_by": actor,
            "station": station,
            "copies": 1,
            "reason": reason,
        }
        for guest_id, serial in serials
    ]
    connection.execute(schema.badges.insert(), rows)
    # What the badge says (its token's category and zones), so bulk.badges_needing_reprint can tell when
    # a later change makes it wrong.  Loaded in slices: a query takes a bounded number of parameters.
    ids = list(dict.fromkeys(guest_id for guest_id, _serial in serials))
    per_query = 1000
    printed = {
        guest.id: guest
        for start in range(0, len(ids), per_query)
        for guest in guest_store.list_guests(connection, ids=ids[start : start + per_query])
    }
    audit.record_many(
        connection,
        actor,
        "badge.printed",
        [
            (
                guest_id,
                {
                    "serial": serial,
                    "reason": reason,
                    "station": station,
                    "category": printed[guest_id].fields.category,
                    "zones": list(printed[guest_id].zones),
                },
            )
            for guest_id, serial in serials
        ],
    )
    return len(rows)


class SerialTaken(WorkflowError):
    """Another station recorded a print of the guest after this run chose its serial."""


def _refuse_serials_taken_meanwhile(connection: Connection, serials: Sequence[tuple[int, int]]) -> None:
    """Each serial must still be above the guest's latest: another desk may have printed the guest since the
    run was planned.  The guests' rows are locked first (on SQLite the write transaction holds the whole
    database), so no desk can record a serial between this check and our insert."""
    ids = sorted({guest_id for guest_id, _serial in serials})
    guests, badges = schema.guests, schema.badges
    connection.execute(
        select(guests.c.id).where(dialects.one_of(connection, guests.c.id, ids)).order_by(guests.c.id).with_for_update()
    ).all()
    latest = dict(
        connection.execute(
            select(badges.c.guest_id, func.max(badges.c.serial))
            .where(dialects.one_of(connection, badges.c.guest_id, ids))
            .group_by(badges.c.guest_id)
        ).all()
    )
    for guest_id, serial in serials:
        if serial <= latest.get(guest_id, 0):
            raise SerialTaken(
                f"Guest {guest_id}'s badge was printed meanwhile at another station (serial {latest[guest_id]}); "
                "nothing was recorded: print the badge again."
            )


def event_dates_text(event: EventInfo) -> str:
    """ "3–4 May 2027", "30 April – 2 May 2027" or "" when the event has no dates."""
    start, end = event.starts_on, event.ends_on
    if not start:
        return ""
    if not end or end == start:
        return f"{start.day} {start:%B %Y}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {end:%B %Y}"
    if start.year == end.year:
        return f"{start.day} {start:%B} – {end.day} {end:%B %Y}"
    return f"{start.day} {start:%B %Y} – {end.day} {end:%B %Y}"


def badge_variables(
    guest: Guest,
    serial: int,
    event: EventInfo,
    category_names: Mapping[str, str],
    short_names: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """The values of every layout variable for one guest's badge; `short_names` are the organisations' short
    forms (see `organisations.short_names`)."""
    fields = guest.fields
    return {
        "full_name": guest.full_name,
        "given_name": fields.given_name,
        "family_name": fields.family_name,
        "family_name_upper": upper_name(fields.family_name),
        "name_latin": guest.name_latin,
        "title": fields.title,
        "position": fields.position,
        "organisation": fields.organisation,
        "organisation_short": (short_names or {}).get(fields.organisation, ""),
        "delegation": fields.delegation,
        "country_name": country_name(fields.country),
        "country_code": fields.country,
        "category": category_names.get(fields.category, fields.category),
        "event_name": event.name,
        "event_dates": event_dates_text(event),
        "badge_no": f"{guest.id:05d}-{serial}",
        "zones": " ".join(guest.zones),
    }


def upper_name(name: str) -> str:
    """A family name in capitals, as badges print it, except in Georgian: its capitals (Mtavruli) are
    for headings, never for a person's name."""
    return name if any("\u10a0" <= char <= "\u10ff" for char in name) else name.upper()


def category_lookup(connection: Connection) -> tuple[dict[str, str], dict[str, str]]:
    """(names, colours) of the event's categories by code."""
    found = list_categories(connection)
    return {c.code: c.name for c in found}, {c.code: c.colour for c in found}


def photos_of(connection: Connection, guest_ids: Sequence[int]) -> dict[int, bytes]:
    table = schema.guest_photos
    rows = connection.execute(
        select(table.c.guest_id, table.c.image).where(dialects.one_of(connection, table.c.guest_id, guest_ids))
    )
    return {guest_id: image for guest_id, image in rows}
