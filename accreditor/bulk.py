"""Changes an organiser makes to many guests at once, and the printed badges those changes outdate.

Each operation is all-or-nothing (one unknown guest, category or zone and nothing is written) and
leaves one audit entry per guest it changed, so a guest's history reads the same whether they were
changed alone or with 300 others.  Status changes in bulk are `workflow.change_status`, which
already works on many guests.

A badge carries its category and zones in the signed token, so a gate keeps honouring what was
printed until the badge is reprinted.  `badges_needing_reprint` compares what each valid badge
was printed with (recorded in the audit entry of the print, see `printing.record_serials`) with
what the guest has now.
"""

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import Connection, and_, delete, insert, select

from accreditor import audit, dialects, schema
from accreditor import guests as guest_store
from accreditor.categories import list_categories, list_zones
from accreditor.errors import NotFoundError, ValidationError
from accreditor.guests import Guest
from accreditor.roles import Permission, require

ZONES_CHANGED = "guest.zones_changed"


@dataclass(frozen=True, slots=True)
class ReprintNeed:
    """A valid printed badge that no longer says what the guest may do, and how it differs."""

    guest_id: int
    name: str
    serial: int
    reason: str  # e.g. "category DEL → HOD; zones added: VIP"


def _guests_or_fail(connection: Connection, guest_ids: Iterable[int]) -> list[Guest]:
    """The guests, or NotFoundError naming every id the event does not have (so nothing is half done)."""
    ids = list(dict.fromkeys(guest_ids))
    found = guest_store.list_guests(connection, ids=ids) if ids else []
    missing = sorted(set(ids) - {guest.id for guest in found})
    if missing:
        raise NotFoundError(f"There is no guest with id {', '.join(map(str, missing))}; nothing was changed.")
    return found


def set_category(connection: Connection, guest_ids: Sequence[int], code: str, actor: str) -> list[int]:
    """Give every guest the category `code`; returns the ids that had another one (and were changed).

    Zones granted or withdrawn for a guest stay granted or withdrawn on top of the new category's
    defaults.
    """
    require(actor, Permission.DECIDE, "change guests' categories")
    code = code.strip().upper()
    if code not in {category.code for category in list_categories(connection)}:
        raise NotFoundError(f"The event has no category {code}; nothing was changed.")
    changes = [
        (guest.id, guest.fields, replace(guest.fields, category=code))
        for guest in _guests_or_fail(connection, guest_ids)
        if guest.fields.category != code
    ]
    guest_store.update_guests(connection, changes, actor, source="bulk")
    return [guest_id for guest_id, _old, _new in changes]


def change_zones(
    connection: Connection,
    guest_ids: Sequence[int],
    *,
    add: Iterable[str] = (),
    remove: Iterable[str] = (),
    actor: str,
) -> list[int]:
    """Grant the zones in `add` and withdraw those in `remove`; returns the ids whose zones changed.

    Like `guests.set_zone_override`, a guest's zones are kept as differences from their category's
    defaults: adding a zone the category already gives just drops a withdrawal, so a later change of
    the category's defaults still reaches the guest.
    """
    require(actor, Permission.DECIDE, "change guests' zones")
    added, removed = {code.strip().upper() for code in add}, {code.strip().upper() for code in remove}
    order = {zone.code: position for position, zone in enumerate(list_zones(connection))}
    unknown = sorted((added | removed) - order.keys())
    if unknown:
        raise NotFoundError(f"The event has no zone {', '.join(unknown)}; nothing was changed.")
    both = sorted(added & removed, key=order.__getitem__)
    if both:
        raise ValidationError(f"Zone {', '.join(both)} cannot be both added and removed; nothing was changed.")
    guests = _guests_or_fail(connection, guest_ids)
    touched = added | removed
    if not touched:
        return []
    defaults = {category.code: set(category.zones) for category in list_categories(connection)}

    def ordered(zones: Iterable[str]) -> list[str]:
        return sorted(zones, key=order.__getitem__)

    overrides: list[dict[str, object]] = []
    entries: list[tuple[int, dict[str, object]]] = []
    for guest in guests:
        before = set(guest.zones)
        after = (before | added) - removed
        if after == before:
            continue
        default = defaults.get(guest.fields.category, set())
        overrides.extend(
            {"guest_id": guest.id, "zone_code": zone, "granted": zone in after}
            for zone in touched
            if (zone in after) != (zone in default)
        )
        entries.append(
            (guest.id, {"added": ordered(after - before), "removed": ordered(before - after), "zones": ordered(after)})
        )
    changed = [guest_id for guest_id, _details in entries]
    if not changed:
        return []
    table = schema.guest_zones
    connection.execute(
        delete(table).where(
            and_(dialects.one_of(connection, table.c.guest_id, changed), table.c.zone_code.in_(touched))
        )
    )
    if overrides:
        connection.execute(insert(table), overrides)
    audit.record_many(connection, actor, ZONES_CHANGED, entries)
    return changed


def badges_needing_reprint(connection: Connection, guest_ids: Iterable[int] | None = None) -> list[ReprintNeed]:
    """Approved guests whose valid badge was printed with another category or other zones than they have now.

    Only prints recorded with their category and zones count (every print since this was added);
    a badge printed before cannot be judged and is not listed.
    """
    ids = None if guest_ids is None else list(dict.fromkeys(guest_ids))
    if ids == []:
        return []
    printed = [guest for guest in guest_store.list_guests(connection, ids=ids, status="approved") if guest.badge_serial]
    contents = _printed_contents(connection, [guest.id for guest in printed] if ids is not None else None)
    needs = []
    for guest in printed:
        serial = guest.badge_serial or 0
        content = contents.get((guest.id, serial))
        if content is None:
            continue
        category, zones = content
        reason = _difference(category, zones, guest)
        if reason:
            needs.append(ReprintNeed(guest.id, guest.full_name, serial, reason))
    return needs


def _printed_contents(
    connection: Connection, guest_ids: list[int] | None
) -> dict[tuple[int, int], tuple[str, tuple[str, ...]]]:
    """(category, zones) each (guest, serial) was printed with, from the audit entries of the prints."""
    table = schema.audit_log
    query = select(table.c.guest_id, table.c.details).where(table.c.action == "badge.printed").order_by(table.c.id)
    if guest_ids is not None:
        query = query.where(dialects.one_of(connection, table.c.guest_id, guest_ids))
    contents = {}
    for guest_id, details in connection.execute(query):
        printed = json.loads(details)
        if "category" in printed and "zones" in printed:
            contents[(guest_id, printed["serial"])] = (printed["category"], tuple(printed["zones"]))
    return contents


def _difference(category: str, zones: Sequence[str], guest: Guest) -> str:
    """How the badge differs from the guest, in the words of the reprint list ("" when it does not)."""
    parts = []
    if category != guest.fields.category:
        parts.append(f"category {category} → {guest.fields.category}")
    gained = [zone for zone in guest.zones if zone not in zones]
    lost = [zone for zone in zones if zone not in guest.zones]
    if gained:
        parts.append(f"zones added: {' '.join(gained)}")
    if lost:
        parts.append(f"zones removed: {' '.join(lost)}")
    return "; ".join(parts)
