"""Accreditation decisions as the organiser's page asks for them: one operation, one transaction, what changed.

Each function opens its own transaction on the event, runs the audited core operation
(`workflow.change_status`, `bulk.set_category`, `bulk.change_zones`, `guests.update_guest`), and
returns a `Decision`: the guests changed, the printed badges that no longer say what their
guests may do, and the `Changes` every view refreshes from.  A refusal raises and writes nothing.
Reading one guest's record (history and photo) is here too, so a widget never opens the database.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from accreditor import audit, bulk, workflow
from accreditor import guests as guest_store
from accreditor.audit import AuditEntry
from accreditor.bulk import ReprintNeed
from accreditor.changes import NOTHING, Changes, Topic
from accreditor.guests import GuestFields
from accreditor.roles import Permission, require
from accreditor.store import EventStore


@dataclass(frozen=True, slots=True)
class Decision:
    """What a decision changed: the guests, the badges now out of date, and the topics views refresh."""

    changed: list[int]
    reprint_needs: list[ReprintNeed] = field(default_factory=list)
    changed_fields: list[str] = field(default_factory=list)  # one guest edited: the fields that differ

    @property
    def changes(self) -> Changes:
        return Changes.of(Topic.GUESTS, guests=self.changed) if self.changed else NOTHING


def change_status(store: EventStore, guest_ids: Sequence[int], status: str, actor: str, reason: str = "") -> Decision:
    """Approve, reject or revoke: every guest or none (`workflow.change_status`)."""
    with store.begin() as connection:
        return Decision(workflow.change_status(connection, guest_ids, status, actor, reason))


def set_category(store: EventStore, guest_ids: Sequence[int], code: str, actor: str) -> Decision:
    with store.begin() as connection:
        changed = bulk.set_category(connection, guest_ids, code, actor)
        return Decision(changed, bulk.badges_needing_reprint(connection, changed))


def change_zones(
    store: EventStore, guest_ids: Sequence[int], *, add: Iterable[str] = (), remove: Iterable[str] = (), actor: str
) -> Decision:
    with store.begin() as connection:
        changed = bulk.change_zones(connection, guest_ids, add=add, remove=remove, actor=actor)
        return Decision(changed, bulk.badges_needing_reprint(connection, changed))


def update_guest(
    store: EventStore, guest_id: int, fields: GuestFields, actor: str, *, source: str = "organiser"
) -> Decision:
    """Save one guest's fields (audited with what changed); nothing is written when nothing differs."""
    with store.begin() as connection:
        changed_fields = guest_store.update_guest(connection, guest_id, fields, actor, source=source)
        changed = [guest_id] if changed_fields else []
        return Decision(changed, bulk.badges_needing_reprint(connection, changed), changed_fields)


@dataclass(frozen=True, slots=True)
class GuestRecord:
    """What the organiser's side panel shows beyond the guest's row: the history and the photo."""

    history: list[AuditEntry]
    photo: bytes | None


def guest_record(store: EventStore, guest_id: int, *, actor: str, with_photo: bool = True) -> GuestRecord:
    require(actor, Permission.READ_GUESTS, "read guests' records")
    with store.connect() as connection:
        entries = audit.history(connection, guest_id)
        photo = guest_store.photo(connection, guest_id) if with_photo else None
    return GuestRecord(entries, photo)
