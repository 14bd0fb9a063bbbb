"""Checking a guest in at a desk, safely when several desks share one event.

The guest row is claimed with one conditional UPDATE (`checked_in_at IS NULL`), so two desks
checking in the same guest at once record one check-in; the second is told who did it and when.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, and_, insert, select, update

from accreditor import audit, schema, vocabulary
from accreditor.clock import utc_now
from accreditor.errors import NotFoundError, WorkflowError
from accreditor.roles import Permission, require
from accreditor.vocabulary import CheckInRefusal, GuestStatus


class NotAdmissibleError(WorkflowError):
    """A guest who is not approved: `status` says which state, the message says it in a sentence."""

    def __init__(self, guest_id: int, status: str, reason: str) -> None:
        why = f" ({reason})" if reason else ""
        refusal = CheckInRefusal(status) if status in set(CheckInRefusal) else CheckInRefusal.PENDING
        self.status = refusal
        self.sentence = vocabulary.message(refusal, guest=guest_id, status=status, why=why)
        super().__init__(self.sentence)


@dataclass(frozen=True, slots=True)
class CheckInResult:
    guest_id: int
    newly_checked_in: bool  # False: someone had already checked the guest in
    at: datetime
    station: str
    user: str


def check_in(connection: Connection, guest_id: int, *, station: str, user: str) -> CheckInResult:
    require(user, Permission.CHECK_IN)
    table = schema.guests
    row = connection.execute(select(table.c.status, table.c.status_reason).where(table.c.id == guest_id)).first()
    if row is None:
        raise NotFoundError(vocabulary.message(CheckInRefusal.UNKNOWN_GUEST, guest=guest_id))
    if row.status != GuestStatus.APPROVED:
        raise NotAdmissibleError(guest_id, row.status, row.status_reason)
    now = utc_now()
    # The status is part of the claim: a guest revoked at another station since the read above stays out.
    claimed = connection.execute(
        update(table)
        .where(and_(table.c.id == guest_id, table.c.checked_in_at.is_(None), table.c.status == "approved"))
        .values(checked_in_at=now, checked_in_station=station, checked_in_by=user)
    ).rowcount
    if not claimed:
        done = connection.execute(
            select(table.c.status, table.c.checked_in_at, table.c.checked_in_station, table.c.checked_in_by).where(
                table.c.id == guest_id
            )
        ).one()
        if done.checked_in_at is None:
            raise WorkflowError(
                f"Guest {guest_id} was just made {done.status} at another station and cannot be checked in."
            )
        return CheckInResult(guest_id, False, done.checked_in_at, done.checked_in_station, done.checked_in_by)
    connection.execute(insert(schema.checkins).values(guest_id=guest_id, at=now, station=station, user=user))
    audit.record(connection, user, "guest.checked_in", guest_id, station=station)
    return CheckInResult(guest_id, True, now, station, user)


def undo_check_in(connection: Connection, guest_id: int, *, user: str, reason: str) -> None:
    require(user, Permission.CHECK_IN, "undo check-ins")
    if not reason.strip():
        raise WorkflowError("A reason is required to undo a check-in.")
    table = schema.guests
    now = utc_now()
    undone = connection.execute(
        update(table)
        .where(and_(table.c.id == guest_id, table.c.checked_in_at.is_not(None)))
        .values(checked_in_at=None, checked_in_station="", checked_in_by="")
    ).rowcount
    if not undone:
        raise WorkflowError(f"Guest {guest_id} is not checked in.")
    checkins = schema.checkins
    latest = connection.execute(
        select(checkins.c.id)
        .where(and_(checkins.c.guest_id == guest_id, checkins.c.undone_at.is_(None)))
        .order_by(checkins.c.id.desc())
    ).scalar()
    if latest is not None:
        connection.execute(
            update(checkins).where(checkins.c.id == latest).values(undone_at=now, undone_by=user, undo_reason=reason)
        )
    audit.record(connection, user, "guest.check_in_undone", guest_id, reason=reason)
