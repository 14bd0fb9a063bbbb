"""The append-only, hash-chained audit log: who changed what, when and why.

Every entry carries the SHA-256 of the entry before it (`prev_hash`) and its own `hash`, computed over the
entry's canonical JSON (`entry_hash`).  The database's triggers refuse UPDATE and DELETE; the chain is what
still tells when someone dropped the triggers and edited, deleted or inserted rows: `verify` walks the
chain and names the first entry that is not what was recorded.  The chain head (`audit_head`, one row)
holds the last entry's id and hash and the number of entries: appending locks it, so two stations
appending at once never fork the chain, and entries cut from the end are found too.

Issuing a badge relies on the chain (`unbacked_approvals`): a guest whose status says approved but whose
last recorded decision is not an intact approval gets no token, so editing the status column is not enough.
"""

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from json.encoder import encode_basestring as _quote  # what json.dumps(ensure_ascii=False) quotes with
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update

from accreditor import dialects, schema
from accreditor.clock import utc_now
from accreditor.errors import AccreditorError

GENESIS = "0" * 64  # the `prev_hash` of the first entry
STATUS_ACTIONS = ("status.approved", "status.rejected", "status.revoked")
_IDS_PER_QUERY = 1000


class AuditChainError(AccreditorError):
    """The audit log cannot take an entry (its chain head is missing: the event file was altered)."""


@dataclass(frozen=True, slots=True)
class AuditEntry:
    at: datetime
    actor: str
    action: str
    guest_id: int | None
    details: dict[str, Any]


@dataclass(frozen=True, slots=True)
class ChainState:
    """What `verify` found: intact, or the first entry that was changed, removed or inserted."""

    entries: int
    head: str  # the last entry's hash: note it down to tell later that nothing was cut from the end
    problem: str = ""  # one sentence, empty when intact
    first_bad_entry: int | None = None

    @property
    def intact(self) -> bool:
        return not self.problem

    def sentence(self) -> str:
        if self.intact:
            return f"The audit log is intact: {self.entries} entries, head {self.head[:16]}."
        return self.problem

    def to_json(self) -> dict[str, Any]:
        return {
            "intact": self.intact,
            "entries": self.entries,
            "head": self.head,
            "first_bad_entry": self.first_bad_entry,
            "problem": self.problem,
        }


def entry_hash(prev_hash: str, *, at: datetime, actor: str, action: str, guest_id: int | None, details: str) -> str:
    """SHA-256 of the entry's canonical JSON: keys sorted, no spaces, UTF-8, `details` as the text stored.

    Written out field by field with the string encoder `json.dumps(..., ensure_ascii=False)` itself uses, so it is
    exactly `json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False)` (a test holds it to
    that) at a fraction of the cost: an import of 100,000 guests hashes 100,000 entries.
    """
    return _digest(_leading_fields(action, _quote(actor), _quote(at.isoformat()), details), guest_id, prev_hash)


def _leading_fields(action: str, quoted_actor: str, quoted_at: str, details: str) -> str:
    """The canonical JSON up to the guest id: shared by every entry of one bulk change, so built once for it."""
    return f'{{"action":{_quote(action)},"actor":{quoted_actor},"at":{quoted_at},"details":{_quote(details)},'


def _digest(leading: str, guest_id: int | None, prev_hash: str) -> str:
    guest = "null" if guest_id is None else str(int(guest_id))
    return hashlib.sha256(f'{leading}"guest_id":{guest},"prev_hash":{_quote(prev_hash)}}}'.encode()).hexdigest()


def start_chain(connection: Connection) -> None:
    """The head of a new event's empty chain."""
    connection.execute(insert(schema.audit_head).values(id=1, last_id=0, hash=GENESIS, entries=0))


def record(connection: Connection, actor: str, action: str, guest_id: int | None = None, **details: Any) -> None:
    """Add one entry inside the caller's transaction, so it commits or rolls back with the change."""
    _append(connection, actor, [(action, guest_id, _encode(details))])


def record_many(connection: Connection, actor: str, action: str, entries: list[tuple[int, dict[str, Any]]]) -> None:
    """One entry per guest in a single statement (bulk import, bulk approval)."""
    if not entries:
        return
    encoded: dict[int, str] = {}  # a bulk change shares one details dict among its entries: encode it once

    def encode(details: dict[str, Any]) -> str:
        if id(details) not in encoded:  # `entries` keeps every dict alive, so an id names one dict here
            encoded[id(details)] = _encode(details)
        return encoded[id(details)]

    _append(connection, actor, [(action, guest_id, encode(details)) for guest_id, details in entries])


def history(connection: Connection, guest_id: int | None = None) -> list[AuditEntry]:
    table = schema.audit_log
    query = select(table).order_by(table.c.id)
    if guest_id is not None:
        query = query.where(table.c.guest_id == guest_id)
    return [
        AuditEntry(row.at, row.actor, row.action, row.guest_id, json.loads(row.details))
        for row in connection.execute(query)
    ]


def verify(connection: Connection) -> ChainState:
    """Walk the whole chain in order; the first entry that was changed, removed or inserted is named."""
    table = schema.audit_log
    rows = connection.execute(
        select(
            table.c.id, table.c.at, table.c.actor, table.c.action, table.c.guest_id, table.c.details,
            table.c.prev_hash, table.c.hash,
        ).order_by(table.c.id)
    )  # fmt: skip
    expected_prev = GENESIS
    order: list[int] = []  # ids of the entries found intact, in chain order
    position_of: dict[str, int] = {GENESIS: -1}  # an intact entry's hash → its index in `order`
    suspect: int | None = None  # an entry whose own hash is wrong: changed, unless the next one links past it
    for entry_id, at, actor, action, guest_id, details, prev_hash, stored in rows:  # unpacked: 100,000s of rows
        if suspect is not None:
            if prev_hash == expected_prev:
                return _broken(len(order), f"Audit entry {suspect} was inserted: entry {entry_id} follows the "
                               f"entry before it.", suspect)  # fmt: skip
            return _broken(len(order), f"Audit entry {suspect} was changed after it was recorded.", suspect)
        leading = _leading_fields(action, _quote(actor), _quote(at.isoformat()), details)
        if _digest(leading, guest_id, prev_hash) != stored:
            suspect = entry_id
            continue
        if prev_hash != expected_prev:
            return _broken(len(order), *_misplaced(entry_id, prev_hash, order, position_of))
        position_of[stored] = len(order)
        order.append(entry_id)
        expected_prev = stored
    head = connection.execute(select(schema.audit_head).where(schema.audit_head.c.id == 1)).one_or_none()
    if suspect is not None:
        inserted_last = head is not None and head.hash == expected_prev and head.last_id < suspect
        what = "inserted" if inserted_last else "changed after it was recorded"
        return _broken(len(order), f"Audit entry {suspect} was {what}.", suspect)
    if head is None:
        return _broken(len(order), "The audit log's chain head is missing; the event file was altered.", None)
    if head.hash != expected_prev or head.entries != len(order):
        last = order[-1] if order else 0
        if head.entries > len(order):
            missing = head.entries - len(order)
            return _broken(
                len(order),
                f"{missing} audit {'entry was' if missing == 1 else 'entries were'} removed from the end "
                f"(the log ends at entry {last}; the chain head names entry {head.last_id}).",
                last + 1,
            )
        return _broken(len(order), f"The audit log's chain head does not match entry {last}; it was altered.", last)
    return ChainState(entries=len(order), head=expected_prev)


def unbacked_approvals(connection: Connection, guest_ids: Sequence[int]) -> list[int]:
    """Guests among `guest_ids` whose last recorded decision is not an intact approval in the audit log.

    Such a guest's status was set to approved outside Accreditor (raw SQL on a copied file): no token for them.
    """
    table = schema.audit_log
    last: dict[int, Any] = {}
    ids = list(dict.fromkeys(guest_ids))
    for start in range(0, len(ids), _IDS_PER_QUERY):
        rows = connection.execute(
            select(table)
            .where(table.c.guest_id.in_(ids[start : start + _IDS_PER_QUERY]), table.c.action.in_(STATUS_ACTIONS))
            .order_by(table.c.id)
        )
        for row in rows:
            last[row.guest_id] = row
    return [guest_id for guest_id in ids if not _is_intact_approval(last.get(guest_id))]


def _stored_hash(row: Any) -> str:
    """The hash an audit row's content and `prev_hash` call for (compare with its stored `hash`)."""
    return entry_hash(
        row.prev_hash, at=row.at, actor=row.actor, action=row.action, guest_id=row.guest_id, details=row.details
    )


def _is_intact_approval(row: Any) -> bool:
    if row is None or row.action != "status.approved":
        return False
    return _stored_hash(row) == row.hash


def _misplaced(entry_id: int, prev_hash: str, order: list[int], position_of: dict[str, int]) -> tuple[str, int]:
    """Why an intact entry does not follow the one before it (entries inserted before it, or one removed),
    and the first entry that is wrong."""
    linked = position_of.get(prev_hash)
    if linked is not None:  # it follows an earlier entry: those after that one were put in between
        first_inserted = order[linked + 1]
        return (
            f"Audit entry {first_inserted} was inserted: entry {entry_id} follows the entry before it.",
            first_inserted,
        )
    before = order[-1] if order else None
    if before is None:
        return f"An audit entry before entry {entry_id} was removed.", entry_id
    sentence = f"An audit entry between entries {before} and {entry_id} was removed, or entry {before} was changed."
    return sentence, entry_id


def _broken(entries: int, problem: str, first_bad: int | None) -> ChainState:
    return ChainState(entries=entries, head="", problem=problem, first_bad_entry=first_bad)


def _encode(details: dict[str, Any]) -> str:
    return json.dumps(details, ensure_ascii=False, default=str, sort_keys=True)


def _append(connection: Connection, actor: str, entries: Iterable[tuple[str, int | None, str]]) -> None:
    """Chain `entries` after the head, insert them and move the head, under the head's row lock."""
    head_table = schema.audit_head
    head = connection.execute(select(head_table).where(head_table.c.id == 1).with_for_update()).one_or_none()
    if head is None:
        raise AuditChainError(
            "The audit log has no chain head, so nothing can be recorded; the event file was altered."
        )
    now = utc_now()
    quoted_actor, quoted_at = _quote(actor), _quote(now.isoformat())
    leading: dict[tuple[str, str], str] = {}  # a bulk change repeats one action and details for every guest
    prev = head.hash
    rows = []
    for action, guest_id, details in entries:
        key = (action, details)
        if key not in leading:
            leading[key] = _leading_fields(action, quoted_actor, quoted_at, details)
        digest = _digest(leading[key], guest_id, prev)
        rows.append(
            {
                "at": now,
                "actor": actor,
                "action": action,
                "guest_id": guest_id,
                "details": details,
                "prev_hash": prev,
                "hash": digest,
            }
        )
        prev = digest
    ids = dialects.insert_many_returning_ids(connection, schema.audit_log, rows)
    connection.execute(
        update(head_table)
        .where(head_table.c.id == 1)
        .values(last_id=ids[-1], hash=prev, entries=head_table.c.entries + len(rows))
    )


def chain_existing(connection: Connection) -> None:
    """Hash every entry already in the log, oldest first, and set the head (an event made before the chain).

    The caller has lifted the append-only triggers for the duration (see migrations.py).
    """
    table = schema.audit_log
    rows = connection.execute(
        select(table.c.id, table.c.at, table.c.actor, table.c.action, table.c.guest_id, table.c.details).order_by(
            table.c.id
        )
    ).all()
    prev = GENESIS
    hashes = []
    for row in rows:
        digest = entry_hash(
            prev, at=row.at, actor=row.actor, action=row.action, guest_id=row.guest_id, details=row.details
        )
        hashes.append({"entry_id": row.id, "prev_hash": prev, "hash": digest})
        prev = digest
    if hashes:
        connection.execute(
            update(table)
            .where(table.c.id == bindparam("entry_id"))
            .values(prev_hash=bindparam("prev_hash"), hash=bindparam("hash")),
            hashes,
        )
    connection.execute(
        insert(schema.audit_head).values(id=1, last_id=rows[-1].id if rows else 0, hash=prev, entries=len(rows))
    )
