"""The append-only audit log: who changed what, when and why."""

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select

from accreditor import dialects, schema
from accreditor.clock import utc_now


@dataclass(frozen=True, slots=True)
class AuditEntry:
    at: datetime
    actor: str
    action: str
    guest_id: int | None
    details: dict[str, Any]


def record(connection: Connection, actor: str, action: str, guest_id: int | None = None, **details: Any) -> None:
    """Add one entry inside the caller's transaction, so it commits or rolls back with the change."""
    connection.execute(
        insert(schema.audit_log).values(
            at=utc_now(),
            actor=actor,
            action=action,
            guest_id=guest_id,
            details=json.dumps(details, ensure_ascii=False, default=str, sort_keys=True),
        )
    )


def record_many(connection: Connection, actor: str, action: str, entries: list[tuple[int, dict[str, Any]]]) -> None:
    """One entry per guest in a single statement (bulk import, bulk approval)."""
    if not entries:
        return
    now = utc_now()
    encoded: dict[int, str] = {}  # a bulk change shares one details dict among its entries: encode it once

    def encode(details: dict[str, Any]) -> str:
        if id(details) not in encoded:  # `entries` keeps every dict alive, so an id names one dict here
            encoded[id(details)] = json.dumps(details, ensure_ascii=False, default=str, sort_keys=True)
        return encoded[id(details)]

    dialects.insert_many(
        connection,
        schema.audit_log,
        [
            {"at": now, "actor": actor, "action": action, "guest_id": guest_id, "details": encode(details)}
            for guest_id, details in entries
        ],
    )


def history(connection: Connection, guest_id: int | None = None) -> list[AuditEntry]:
    table = schema.audit_log
    query = select(table).order_by(table.c.id)
    if guest_id is not None:
        query = query.where(table.c.guest_id == guest_id)
    return [
        AuditEntry(row.at, row.actor, row.action, row.guest_id, json.loads(row.details))
        for row in connection.execute(query)
    ]
