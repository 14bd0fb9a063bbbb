"""Checking guests in at the desk, including two desks checking in the same guest at once."""

import threading
from collections.abc import Callable

import pytest
from sqlalchemy import Row, select

from accreditor import audit, checkin, schema
from accreditor.checkin import CheckInResult
from accreditor.clock import utc_now
from accreditor.errors import NotFoundError, WorkflowError
from accreditor.store import EventStore

AddWithStatus = Callable[..., int]


def check_in(store: EventStore, guest_id: int, station: str = "Desk 1", user: str = "anna") -> CheckInResult:
    with store.begin() as connection:
        return checkin.check_in(connection, guest_id, station=station, user=user)


def undo(store: EventStore, guest_id: int, reason: str, user: str = "supervisor") -> None:
    with store.begin() as connection:
        checkin.undo_check_in(connection, guest_id, user=user, reason=reason)


def checkin_rows(store: EventStore, guest_id: int) -> list[Row]:
    with store.connect() as connection:
        table = schema.checkins
        return connection.execute(select(table).where(table.c.guest_id == guest_id).order_by(table.c.id)).all()


def guest_row(store: EventStore, guest_id: int) -> Row:
    with store.connect() as connection:
        return connection.execute(select(schema.guests).where(schema.guests.c.id == guest_id)).one()


def actions(store: EventStore, guest_id: int) -> list[str]:
    with store.connect() as connection:
        return [entry.action for entry in audit.history(connection, guest_id)]


@pytest.fixture
def approved(add_guest_with_status: AddWithStatus) -> int:
    return add_guest_with_status("approved", "Rahmonov", given_name="Jamshed")


def test_approved_guest_is_checked_in(store: EventStore, approved: int) -> None:
    before = utc_now()

    result = check_in(store, approved, station="Desk 1", user="anna")

    assert result.newly_checked_in
    assert (result.guest_id, result.station, result.user) == (approved, "Desk 1", "anna")
    assert before <= result.at <= utc_now()
    row = guest_row(store, approved)
    assert (row.checked_in_at, row.checked_in_station, row.checked_in_by) == (result.at, "Desk 1", "anna")


def test_check_in_records_one_checkins_row_and_an_audit_entry(store: EventStore, approved: int) -> None:
    result = check_in(store, approved, station="Desk 1", user="anna")

    [row] = checkin_rows(store, approved)
    assert (row.at, row.station, row.user, row.direction, row.undone_at) == (result.at, "Desk 1", "anna", "in", None)
    assert actions(store, approved)[-1] == "guest.checked_in"


def test_second_check_in_reports_the_first_desk(store: EventStore, approved: int) -> None:
    first = check_in(store, approved, station="Desk 1", user="anna")

    second = check_in(store, approved, station="Desk 2", user="boris")

    assert not second.newly_checked_in
    assert (second.station, second.user, second.at) == ("Desk 1", "anna", first.at)
    assert len(checkin_rows(store, approved)) == 1


@pytest.mark.parametrize("status", ["pending", "rejected", "revoked"])
def test_guest_who_is_not_approved_is_refused(
    store: EventStore, add_guest_with_status: AddWithStatus, status: str
) -> None:
    guest_id = add_guest_with_status(status)

    with pytest.raises(WorkflowError, match=f"is {status}"):
        check_in(store, guest_id)

    assert checkin_rows(store, guest_id) == []
    assert guest_row(store, guest_id).checked_in_at is None


def test_refusal_of_a_revoked_guest_gives_the_reason(store: EventStore, add_guest_with_status: AddWithStatus) -> None:
    guest_id = add_guest_with_status("revoked")
    reason = guest_row(store, guest_id).status_reason

    with pytest.raises(WorkflowError) as refused:
        check_in(store, guest_id)

    assert reason
    assert reason in str(refused.value)


def test_unknown_guest_raises_not_found(store: EventStore) -> None:
    with pytest.raises(NotFoundError, match="4242"):
        check_in(store, 4242)


@pytest.mark.parametrize("reason", ["", "  "], ids=["empty", "blank"])
def test_undo_requires_a_reason(store: EventStore, approved: int, reason: str) -> None:
    check_in(store, approved)

    with pytest.raises(WorkflowError, match="reason is required"):
        undo(store, approved, reason)

    assert guest_row(store, approved).checked_in_at is not None
    assert checkin_rows(store, approved)[-1].undone_at is None


def test_undo_clears_the_check_in_and_records_who_and_why(store: EventStore, approved: int) -> None:
    check_in(store, approved)
    before = utc_now()

    undo(store, approved, "Checked in the wrong Rahmonov", user="supervisor")

    row = guest_row(store, approved)
    assert (row.checked_in_at, row.checked_in_station, row.checked_in_by) == (None, "", "")
    [undone] = checkin_rows(store, approved)
    assert (undone.undone_by, undone.undo_reason) == ("supervisor", "Checked in the wrong Rahmonov")
    assert before <= undone.undone_at <= utc_now()


def test_undo_is_audited_with_its_reason(store: EventStore, approved: int) -> None:
    check_in(store, approved)

    undo(store, approved, "Wrong guest")

    with store.connect() as connection:
        entry = audit.history(connection, approved)[-1]
    assert (entry.action, entry.actor, entry.details) == (
        "guest.check_in_undone",
        "supervisor",
        {"reason": "Wrong guest"},
    )


def test_guest_can_be_checked_in_again_after_an_undo(store: EventStore, approved: int) -> None:
    check_in(store, approved, station="Desk 1")
    undo(store, approved, "Wrong guest")

    again = check_in(store, approved, station="Desk 2")

    assert again.newly_checked_in
    assert [(row.station, row.undone_at is None) for row in checkin_rows(store, approved)] == [
        ("Desk 1", False),
        ("Desk 2", True),
    ]


def test_undo_of_a_guest_not_checked_in_is_refused(store: EventStore, approved: int) -> None:
    with pytest.raises(WorkflowError, match="not checked in"):
        undo(store, approved, "Wrong guest")


def check_in_from_two_desks_at_once(location: str, guest_id: int) -> tuple[list[CheckInResult], list[BaseException]]:
    """Two desks, each with its own connection to the event, check the same guest in at the same moment."""
    start = threading.Barrier(2)
    results: list[CheckInResult] = []
    errors: list[BaseException] = []

    def desk(station: str) -> None:
        try:
            with EventStore.open(location) as desk_store:
                start.wait(timeout=30)
                results.append(check_in(desk_store, guest_id, station=station, user=station.lower()))
        except BaseException as error:  # reported by the test
            errors.append(error)

    threads = [threading.Thread(target=desk, args=(f"Desk {number}",)) for number in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


def test_two_desks_checking_in_one_guest_at_once_record_one_check_in(
    store: EventStore, add_guest_with_status: AddWithStatus
) -> None:
    # Several guests, each contested by two desks, so the desks really do collide.
    for number in range(5):
        guest_id = add_guest_with_status("approved", f"Contested{number}")

        results, errors = check_in_from_two_desks_at_once(store.location, guest_id)

        assert errors == []
        assert sorted(result.newly_checked_in for result in results) == [False, True]
        [winner] = [result for result in results if result.newly_checked_in]
        [loser] = [result for result in results if not result.newly_checked_in]
        assert (loser.station, loser.user, loser.at) == (winner.station, winner.user, winner.at)
        assert len(checkin_rows(store, guest_id)) == 1
