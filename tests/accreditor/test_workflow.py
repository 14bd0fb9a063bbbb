"""The accreditation workflow: pending → approved | rejected, approved → revoked, and nothing else."""

from collections.abc import Callable
from datetime import datetime

import pytest
from sqlalchemy import Row, select

from accreditor import audit, guests, schema, workflow
from accreditor.clock import utc_now
from accreditor.errors import NotFoundError, WorkflowError
from accreditor.guests import GuestFields
from accreditor.store import EventStore

OFFICER = "accreditation.officer"
STATUSES = ("pending", "approved", "rejected", "revoked")
LEGAL = {("pending", "approved"), ("pending", "rejected"), ("approved", "revoked")}
ILLEGAL = [(old, new) for old in STATUSES for new in STATUSES if (old, new) not in LEGAL]

AddWithStatus = Callable[..., int]


def change(store: EventStore, guest_ids: list[int], new_status: str, reason: str = "") -> list[int]:
    with store.begin() as connection:
        return workflow.change_status(connection, guest_ids, new_status, OFFICER, reason)


def guest_row(store: EventStore, guest_id: int) -> Row:
    with store.connect() as connection:
        return connection.execute(select(schema.guests).where(schema.guests.c.id == guest_id)).one()


def status_entries(store: EventStore) -> list[audit.AuditEntry]:
    with store.connect() as connection:
        return [entry for entry in audit.history(connection) if entry.action.startswith("status.")]


@pytest.mark.parametrize(("old", "new"), sorted(LEGAL))
def test_legal_transition_changes_the_status(
    store: EventStore, add_guest_with_status: AddWithStatus, old: str, new: str
) -> None:
    guest_id = add_guest_with_status(old)

    assert change(store, [guest_id], new, reason="checked by the officer") == [guest_id]

    assert guest_row(store, guest_id).status == new


@pytest.mark.parametrize(("old", "new"), ILLEGAL)
def test_illegal_transition_raises_and_changes_nothing(
    store: EventStore, add_guest_with_status: AddWithStatus, old: str, new: str
) -> None:
    guest_id = add_guest_with_status(old)
    before = guest_row(store, guest_id)

    with pytest.raises(WorkflowError):
        change(store, [guest_id], new, reason="some reason")

    assert guest_row(store, guest_id) == before


@pytest.mark.parametrize(("old", "new"), [pair for pair in ILLEGAL if pair[1] != "pending"], ids=lambda status: status)
def test_illegal_transition_message_names_the_guest_and_both_statuses(
    store: EventStore, add_guest_with_status: AddWithStatus, old: str, new: str
) -> None:
    guest_id = add_guest_with_status(old)

    with pytest.raises(WorkflowError) as refused:
        change(store, [guest_id], new, reason="some reason")

    message = str(refused.value)
    assert f"Guest {guest_id}" in message
    assert f"cannot be {new}" in message
    assert f"a {old} guest" in message
    assert "nothing was changed" in message


def test_moving_back_to_pending_is_not_a_transition(store: EventStore, add_guest_with_status: AddWithStatus) -> None:
    guest_id = add_guest_with_status("approved")

    with pytest.raises(WorkflowError, match="'pending' is not a status"):
        change(store, [guest_id], "pending")


@pytest.mark.parametrize("new_status", ["rejected", "revoked"])
@pytest.mark.parametrize("reason", ["", "   "], ids=["empty", "blank"])
def test_reject_and_revoke_require_a_reason(
    store: EventStore, add_guest_with_status: AddWithStatus, new_status: str, reason: str
) -> None:
    guest_id = add_guest_with_status("pending" if new_status == "rejected" else "approved")
    before = guest_row(store, guest_id)

    with pytest.raises(WorkflowError, match="reason is required"):
        change(store, [guest_id], new_status, reason)

    assert guest_row(store, guest_id) == before


def test_approval_needs_no_reason(store: EventStore, add_guest_with_status: AddWithStatus) -> None:
    guest_id = add_guest_with_status("pending")

    change(store, [guest_id], "approved")

    assert guest_row(store, guest_id).status == "approved"


def test_who_when_and_why_are_stored_on_the_guest(store: EventStore, add_guest_with_status: AddWithStatus) -> None:
    guest_id = add_guest_with_status("pending")
    before = utc_now()

    change(store, [guest_id], "rejected", reason="  Registration closed  ")

    row = guest_row(store, guest_id)
    assert row.status_changed_by == OFFICER
    assert row.status_reason == "Registration closed"
    assert isinstance(row.status_changed_at, datetime)
    assert before <= row.status_changed_at <= utc_now()


def test_who_when_and_why_are_in_the_audit_history(store: EventStore, add_guest_with_status: AddWithStatus) -> None:
    guest_id = add_guest_with_status("approved")
    before = utc_now()

    change(store, [guest_id], "revoked", reason="Lost badge reported stolen")

    entry = status_entries(store)[-1]
    assert entry.action == "status.revoked"
    assert entry.actor == OFFICER
    assert entry.guest_id == guest_id
    assert entry.details == {"from": "approved", "to": "revoked", "reason": "Lost badge reported stolen"}
    assert before <= entry.at <= utc_now()


def test_batch_approval_changes_every_guest_and_audits_each(
    store: EventStore, add_guest_with_status: AddWithStatus
) -> None:
    ids = [add_guest_with_status("pending", f"Guest{number}") for number in range(3)]

    assert change(store, ids, "approved") == ids

    assert [guest_row(store, guest_id).status for guest_id in ids] == ["approved"] * 3
    assert sorted(entry.guest_id for entry in status_entries(store) if entry.action == "status.approved") == (
        sorted(ids)
    )


def test_batch_with_one_illegal_guest_changes_nothing(store: EventStore, add_guest_with_status: AddWithStatus) -> None:
    pending = [add_guest_with_status("pending", f"Guest{number}") for number in range(3)]
    rejected = add_guest_with_status("rejected", "Refused")
    audited_before = status_entries(store)

    with pytest.raises(WorkflowError, match=f"Guest {rejected}"):
        change(store, [*pending, rejected], "approved")

    assert [guest_row(store, guest_id).status for guest_id in pending] == ["pending"] * 3
    assert status_entries(store) == audited_before


def test_batch_message_counts_the_other_blocked_guests(store: EventStore, add_guest_with_status: AddWithStatus) -> None:
    blocked = [add_guest_with_status("rejected", f"Refused{number}") for number in range(3)]

    with pytest.raises(WorkflowError, match=r"and 2 more"):
        change(store, blocked, "approved")


def test_a_guest_listed_twice_is_changed_once(store: EventStore, add_guest_with_status: AddWithStatus) -> None:
    guest_id = add_guest_with_status("pending")

    assert change(store, [guest_id, guest_id], "approved") == [guest_id]
    assert len([entry for entry in status_entries(store) if entry.action == "status.approved"]) == 1


def test_empty_batch_changes_nothing(store: EventStore) -> None:
    assert change(store, [], "approved") == []


def test_unknown_guest_raises_not_found(store: EventStore) -> None:
    with pytest.raises(NotFoundError, match="9999"):
        change(store, [9999], "approved")


def test_batch_with_an_unknown_guest_changes_nothing(store: EventStore, add_guest_with_status: AddWithStatus) -> None:
    guest_id = add_guest_with_status("pending")

    with pytest.raises(NotFoundError, match="9999"):
        change(store, [guest_id, 9999], "approved")

    assert guest_row(store, guest_id).status == "pending"


def test_pending_ids_lists_only_pending_guests_in_id_order(
    store: EventStore, add_guest_with_status: AddWithStatus
) -> None:
    first = add_guest_with_status("pending", "First")
    add_guest_with_status("approved", "Approved")
    second = add_guest_with_status("pending", "Second")

    with store.connect() as connection:
        assert workflow.pending_ids(connection) == [first, second]


def test_a_batch_beyond_every_parameter_limit_is_decided_whole(store: EventStore) -> None:
    """PostgreSQL refuses a statement with more than 65,535 parameters (SQLite: 32,766): ids go as one."""
    count = 70_000
    with store.begin() as connection:
        ids = guests.add_guests(connection, [GuestFields(family_name=f"Guest{n}") for n in range(count)], OFFICER)

    assert len(change(store, ids, "approved")) == count

    with store.connect() as connection:
        listed = guests.list_guests(connection, ids=ids[::-1])
        assert [guest.id for guest in listed] == ids[::-1]
        assert {guest.status for guest in listed} == {"approved"}
        assert len(guests.effective_zones(connection, ids)) == count
    assert len([entry for entry in status_entries(store) if entry.action == "status.approved"]) == count
