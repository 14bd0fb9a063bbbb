"""Checking a guest in at a desk, safely when several desks share one event.

The guest row is claimed with one conditional UPDATE (`checked_in_at IS NULL`), so two desks
checking in the same guest at once record one check-in; the second is told who did it and when.

A desk that may have to queue its check-ins (the event server out of reach) sends each with a nonce
(`check_in_once`): the nonce is claimed first, in the same transaction, so the same check-in sent
again — twice from a queue, or by two copies of one — changes nothing and gets the first answer.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, and_, insert, select, update

from accreditor import audit, dialects, schema, vocabulary
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


def check_in(
    connection: Connection, guest_id: int, *, station: str, user: str, at: datetime | None = None, **details: str
) -> CheckInResult:
    """Check the guest in, as of `at` (now by default); `details` go to the audit entry."""
    require(user, Permission.CHECK_IN)
    table = schema.guests
    row = connection.execute(select(table.c.status, table.c.status_reason).where(table.c.id == guest_id)).first()
    if row is None:
        raise NotFoundError(vocabulary.message(CheckInRefusal.UNKNOWN_GUEST, guest=guest_id))
    if row.status != GuestStatus.APPROVED:
        raise NotAdmissibleError(guest_id, row.status, row.status_reason)
    now = at or utc_now()
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
    audit.record(connection, user, "guest.checked_in", guest_id, station=station, **details)
    return CheckInResult(guest_id, True, now, station, user)


@dataclass(frozen=True, slots=True)
class NonceResult:
    """What a check-in sent with a nonce got: `result` is checked_in, already or refused (then `reason`)."""

    nonce: str
    guest_id: int
    result: str  # a vocabulary.CheckInResult value
    reason: str  # a CheckInRefusal value when refused, else ""
    message: str  # one sentence; for a replay, what the first sending was told
    replayed: bool  # True: this nonce had been applied before; nothing was changed now
    done: CheckInResult | None = None  # who checked the guest in and when (checked_in, already)


def check_in_once(
    connection: Connection, guest_id: int, *, nonce: str, station: str, user: str, queued_at: datetime | None = None
) -> NonceResult:
    """Check the guest in unless this nonce was applied already; a refusal is an answer too, never raised.

    `queued_at` is when the desk checked the guest in, if it had to queue the check-in: the check-in is
    recorded as of then.  Whatever the answer, it is kept with the nonce, so sending it again repeats it.
    """
    table = schema.checkin_nonces
    now = utc_now()
    claimed = dialects.insert_if_absent(
        connection,
        table,
        {
            "nonce": nonce,
            "guest_id": guest_id,
            "station": station,
            "user": user,
            "queued_at": queued_at or now,
            "applied_at": now,
            "result": "pending",
            "reason": "",
        },
    )
    if not claimed:
        return _replayed(connection, nonce, guest_id)
    details = {"nonce": nonce, "queued_at": queued_at.isoformat()} if queued_at else {"nonce": nonce}
    done: CheckInResult | None = None
    reason = ""
    try:
        done = check_in(connection, guest_id, station=station, user=user, at=queued_at, **details)
    except NotAdmissibleError as error:
        reason, message = str(error.status), error.sentence
    except NotFoundError as error:
        reason, message = str(CheckInRefusal.UNKNOWN_GUEST), str(error)
    except WorkflowError as error:  # revoked at another station between the read and the claim
        reason, message = _status_now(connection, guest_id), str(error)
    if done is None:
        result = vocabulary.CheckInResult.REFUSED
    elif done.newly_checked_in:
        result, message = vocabulary.CheckInResult.CHECKED_IN, vocabulary.label(vocabulary.CheckInResult.CHECKED_IN)
    else:
        result, message = vocabulary.CheckInResult.ALREADY, vocabulary.label(vocabulary.CheckInResult.ALREADY)
    connection.execute(update(table).where(table.c.nonce == nonce).values(result=str(result), reason=reason))
    return NonceResult(nonce, guest_id, str(result), reason, message, replayed=False, done=done)


def _status_now(connection: Connection, guest_id: int) -> str:
    status = connection.execute(select(schema.guests.c.status).where(schema.guests.c.id == guest_id)).scalar()
    return status if status in set(CheckInRefusal) else str(CheckInRefusal.PENDING)


def _replayed(connection: Connection, nonce: str, guest_id: int) -> NonceResult:
    """The answer a nonce got when it was first applied; nothing is written."""
    table = schema.checkin_nonces
    row = connection.execute(select(table).where(table.c.nonce == nonce)).one()
    guests = schema.guests
    now = connection.execute(
        select(guests.c.checked_in_at, guests.c.checked_in_station, guests.c.checked_in_by).where(
            guests.c.id == row.guest_id
        )
    ).first()
    done = None
    if now is not None and now.checked_in_at is not None:
        done = CheckInResult(row.guest_id, False, now.checked_in_at, now.checked_in_station, now.checked_in_by)
    if row.result == vocabulary.CheckInResult.REFUSED:
        message = vocabulary.message(CheckInRefusal(row.reason), guest=row.guest_id, status=row.reason, why="")
    else:
        message = vocabulary.label(vocabulary.CheckInResult(row.result))
    if row.guest_id != guest_id:
        message = f"Nonce {nonce} was already used for guest {row.guest_id}; nothing was changed."
    return NonceResult(nonce, row.guest_id, row.result, row.reason, message, replayed=True, done=done)


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
