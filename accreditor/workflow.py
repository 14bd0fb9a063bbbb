"""The accreditation workflow: pending → approved | rejected, approved → revoked.

Every transition records who, when and why, in the guest row and in the audit log.  A batch
is all-or-nothing: one guest who cannot make the transition stops the whole batch.

Safe when several stations decide at once: the guests' rows are locked before their status is read
(SELECT … FOR UPDATE on PostgreSQL; on SQLite the write transaction already holds the whole
database), and the UPDATE still names the status it expects, so a guest gets exactly one decision.
"""

from collections.abc import Sequence

from sqlalchemy import Connection, and_, select, update

from accreditor import audit, dialects, schema
from accreditor.clock import utc_now
from accreditor.errors import NotFoundError, WorkflowError
from accreditor.roles import Permission, require

ALLOWED = {
    "approved": ("pending",),
    "rejected": ("pending",),
    "revoked": ("approved",),
}
# Refusing or withdrawing accreditation must be explained to the guest and to security.
REASON_REQUIRED = frozenset({"rejected", "revoked"})

_VERB = {"approved": "approve", "rejected": "reject", "revoked": "revoke"}


def change_status(
    connection: Connection, guest_ids: Sequence[int], new_status: str, actor: str, reason: str = ""
) -> list[int]:
    """Move every guest in `guest_ids` to `new_status`; returns the ids changed."""
    if new_status not in ALLOWED:
        raise WorkflowError(f"{new_status!r} is not a status guests can be moved to.")
    require(actor, Permission.DECIDE, f"{_VERB[new_status]} guests")
    reason = reason.strip()
    if new_status in REASON_REQUIRED and not reason:
        raise WorkflowError(f"A reason is required to {_VERB[new_status]} a guest.")
    ids = list(dict.fromkeys(guest_ids))
    if not ids:
        return []
    table = schema.guests
    # Locked in id order, so two stations deciding on overlapping batches queue instead of deadlocking.
    current = dict(
        connection.execute(
            select(table.c.id, table.c.status)
            .where(dialects.one_of(connection, table.c.id, ids))
            .order_by(table.c.id)
            .with_for_update()
        ).all()
    )
    missing = [guest_id for guest_id in ids if guest_id not in current]
    if missing:
        raise NotFoundError(f"There is no guest with id {', '.join(map(str, missing))}.")
    blocked = [guest_id for guest_id in ids if current[guest_id] not in ALLOWED[new_status]]
    if blocked:
        first = blocked[0]
        others = f" (and {len(blocked) - 1} more)" if len(blocked) > 1 else ""
        raise WorkflowError(
            f"Guest {first}{others} cannot be {new_status}: a {current[first]} guest can only be "
            f"{_allowed_from(current[first])}; nothing was changed."
        )
    now = utc_now()
    changed = connection.execute(
        update(table)
        .where(and_(dialects.one_of(connection, table.c.id, ids), table.c.status.in_(ALLOWED[new_status])))
        .values(
            status=new_status,
            status_reason=reason,
            status_changed_at=now,
            status_changed_by=actor,
            updated_at=now,
        )
    ).rowcount
    if changed != len(ids):  # pragma: no cover - the rows are locked: nobody can have moved them since
        raise WorkflowError(f"Another station changed some of these guests meanwhile; nothing was {new_status}.")
    audit.record_many(
        connection,
        actor,
        f"status.{new_status}",
        [(guest_id, {"from": current[guest_id], "to": new_status, "reason": reason}) for guest_id in ids],
    )
    return ids


def _allowed_from(status: str) -> str:
    targets = [target for target, sources in ALLOWED.items() if status in sources]
    return " or ".join(targets) if targets else "left as it is"


def pending_ids(connection: Connection) -> list[int]:
    table = schema.guests
    return list(
        connection.execute(select(table.c.id).where(table.c.status == "pending").order_by(table.c.id)).scalars()
    )
