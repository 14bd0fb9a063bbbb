"""A desk that loses the event server keeps checking guests in: each check-in waits in the station's queue
with a nonce and is sent when the server is back; sending twice changes nothing; a guest revoked meanwhile
is a conflict kept for staff, never dropped.  On PostgreSQL the throwaway cluster is really stopped."""

import json
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest
from sqlalchemy import func, select

from accreditor import checkin, schema, server, workflow
from accreditor.badges.printing import current_token
from accreditor.cli import main
from accreditor.services import desk_queue
from accreditor.services.desk import DeskService
from accreditor.services.desk_queue import DeskQueue, QueueError, QueueState
from accreditor.store import EventStore, Patience
from accreditor.vocabulary import CheckInResult
from tests.accreditor.conftest import EVENT_START, ORGANISER

Outage = Callable[[], AbstractContextManager[None]]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "queues"


@pytest.fixture
def desk(store: EventStore, folder: Path) -> DeskService:
    store.patience = Patience(unreachable_s=0.5, first_pause_s=0.05, longest_pause_s=0.2)  # an outage is told fast
    service = DeskService(store, station="Desk 1", user="anna")
    service.open_queue(folder)
    return service


@pytest.fixture
def outage_of(request: pytest.FixtureRequest, engine: str) -> Callable[[DeskService], Outage]:
    """`with outage_of(desk)():` the event server is away.  A file cannot vanish like a server, so on SQLite
    the desk is told it is offline, as the app tells it when its watcher loses the server."""

    def for_desk(desk: DeskService) -> Outage:
        @contextmanager
        def away() -> Iterator[None]:
            if engine == "sqlite":
                desk.offline = True
                yield
                return
            cluster: server.Cluster = request.getfixturevalue("postgres_cluster")
            cluster.stop()
            try:
                yield
            finally:
                cluster.start()

        return away

    return for_desk


@pytest.fixture
def outage(outage_of: Callable[[DeskService], Outage], desk: DeskService) -> Outage:
    return outage_of(desk)


def checkins_of(store: EventStore, guest_id: int) -> int:
    with store.connect() as connection:
        return connection.execute(
            select(func.count()).select_from(schema.checkins).where(schema.checkins.c.guest_id == guest_id)
        ).scalar_one()


def audit_entries(store: EventStore) -> int:
    with store.connect() as connection:
        return connection.execute(select(func.count()).select_from(schema.audit_log)).scalar_one()


def test_check_ins_during_an_outage_are_queued_and_sent_when_the_server_is_back(
    desk: DeskService, outage: Outage, add_guest_with_status: Callable[..., int], store: EventStore
) -> None:
    first, second = add_guest_with_status("approved", "Rahmonov"), add_guest_with_status("approved", "Nazarova")
    desk.reload()

    with outage():
        queued = desk.check_in(first)
        again = desk.check_in(first)
        desk.check_in(second)
        status = desk.queue_status()

    assert queued.result is CheckInResult.QUEUED and queued.station == "Desk 1"
    assert "Rahmonov" in queued.message and "sent when it is back" in queued.message
    assert again.result is CheckInResult.ALREADY and "waiting to be sent" in again.message
    assert [entry.guest_id for entry in status.waiting] == [first, second]
    assert len({entry.nonce for entry in status.waiting}) == 2

    report = desk.send_queue()

    assert [entry.state for entry in report.sent] == [QueueState.CHECKED_IN, QueueState.CHECKED_IN]
    assert not report.unreachable and not desk.offline and not desk.queue_status().waiting
    assert report.changes.concerns(first) and report.changes.concerns(second)
    with store.connect() as connection:
        row = connection.execute(select(schema.guests).where(schema.guests.c.id == first)).one()
    assert row.checked_in_station == "Desk 1" and row.checked_in_by == "anna"
    assert row.checked_in_at == queued.at  # recorded as of when the guest stood at the desk, not when it was sent
    assert desk.session.guest(first).checked_in_at is not None  # the desk's memory follows
    assert checkins_of(store, first) == 1


def test_sending_a_queued_check_in_twice_records_one_check_in(
    desk: DeskService, outage: Outage, add_guest_with_status: Callable[..., int], store: EventStore
) -> None:
    guest_id = add_guest_with_status("approved")
    with outage():
        entry = desk.check_in(guest_id)
    assert entry.result is CheckInResult.QUEUED
    assert desk.queue is not None
    (waiting,) = desk.queue.waiting()

    desk.send_queue()
    logged = audit_entries(store)
    # The same check-in arrives again: a copy of the queue, or a desk that crashed before noting it was sent.
    with store.begin() as connection:
        replay = checkin.check_in_once(
            connection, guest_id, nonce=waiting.nonce, station="Desk 1", user="anna", queued_at=waiting.queued_at
        )

    assert replay.replayed and replay.result == CheckInResult.CHECKED_IN
    assert checkins_of(store, guest_id) == 1
    assert audit_entries(store) == logged  # nothing at all was written


def test_a_check_in_the_server_got_before_the_desk_noted_it_is_not_doubled(
    desk: DeskService, add_guest_with_status: Callable[..., int], store: EventStore
) -> None:
    guest_id = add_guest_with_status("approved")
    assert desk.queue is not None
    waiting = desk.queue.add(guest_id, user="anna", guest_name="Doe")
    with store.begin() as connection:  # it arrived, but the answer was lost with the connection
        checkin.check_in_once(connection, guest_id, nonce=waiting.nonce, station="Desk 1", user="anna")

    report = desk.send_queue()

    assert [entry.state for entry in report.sent] == [QueueState.CHECKED_IN]
    assert checkins_of(store, guest_id) == 1


def test_a_guest_revoked_meanwhile_is_a_conflict_kept_until_staff_acknowledge_it(
    desk: DeskService, outage: Outage, add_guest_with_status: Callable[..., int], store: EventStore
) -> None:
    revoked, fine = add_guest_with_status("approved", "Revoked"), add_guest_with_status("approved", "Fine")
    desk.reload()
    with outage():
        desk.check_in(revoked)
        desk.check_in(fine)
    with store.begin() as connection:  # the organiser acted on the server before the desk's check-ins arrived
        workflow.change_status(connection, [revoked], "revoked", ORGANISER, reason="Badge reported lost")

    report = desk.send_queue()

    assert [(entry.guest_id, entry.state) for entry in report.sent] == [
        (revoked, QueueState.CONFLICT),
        (fine, QueueState.CHECKED_IN),
    ]
    (conflict,) = desk.queue_status().conflicts
    assert (conflict.guest_id, conflict.reason) == (revoked, "revoked")
    assert "revoked" in conflict.message and conflict.guest_name == "Revoked"
    assert checkins_of(store, revoked) == 0
    assert desk.send_queue().sent == ()  # a conflict is not sent again

    status = desk.acknowledge_conflicts([conflict.nonce])

    assert status.conflicts == ()
    assert desk.queue is not None
    assert [entry.state for entry in desk.queue.entries()] == [QueueState.CONFLICT, QueueState.CHECKED_IN]


def test_a_guest_another_desk_checked_in_meanwhile_is_already_in(
    desk: DeskService, outage: Outage, add_guest_with_status: Callable[..., int], store: EventStore
) -> None:
    guest_id = add_guest_with_status("approved")
    desk.reload()
    with outage():
        desk.check_in(guest_id)
    DeskService(store, station="Desk 2", user="ben").check_in(guest_id)

    (sent,) = desk.send_queue().sent

    assert sent.state is QueueState.ALREADY and "Desk 2" in sent.message
    assert desk.queue_status().conflicts == ()
    assert checkins_of(store, guest_id) == 1


def test_the_queue_survives_a_restart_of_the_desk(
    desk: DeskService, outage: Outage, add_guest_with_status: Callable[..., int], store: EventStore, folder: Path
) -> None:
    guest_id = add_guest_with_status("approved")
    with outage():
        desk.check_in(guest_id)

    restarted = DeskService(store, station="Desk 1", user="anna")
    status = restarted.open_queue(folder)

    assert [entry.guest_id for entry in status.waiting] == [guest_id]
    assert [entry.state for entry in restarted.send_queue().sent] == [QueueState.CHECKED_IN]
    other_station = DeskService(store, station="Desk 2", user="ben")
    assert other_station.open_queue(folder).waiting == ()  # each station has its own queue


def test_a_desk_refuses_on_its_copy_what_the_server_would_refuse(
    desk: DeskService, outage: Outage, add_guest_with_status: Callable[..., int]
) -> None:
    pending = add_guest_with_status("pending")
    desk.reload()
    with outage():
        outcome = desk.check_in(pending)
    assert outcome.result is CheckInResult.REFUSED
    assert desk.queue_status().waiting == ()


@pytest.mark.sqlite_only
def test_a_queue_file_of_another_event_is_refused(tmp_path: Path, engine: str) -> None:
    path = desk_queue.queue_path("aaaa1111", "Desk 1", tmp_path)
    DeskQueue.open(path, event_uid="aaaa1111", station="Desk 1")
    with pytest.raises(QueueError, match="another event"):
        DeskQueue.open(path, event_uid="bbbb2222", station="Desk 1")
    assert desk_queue.queue_path("e", "Desk/1", tmp_path) != desk_queue.queue_path("e", "Desk 1", tmp_path)


def test_the_command_line_shows_a_stations_queue_and_sends_it(
    desk: DeskService,
    outage: Outage,
    add_guest_with_status: Callable[..., int],
    store: EventStore,
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv(desk_queue.QUEUE_FOLDER_ENV, str(folder))
    arrived, revoked = add_guest_with_status("approved", "Arrived"), add_guest_with_status("approved", "Revoked")
    desk.reload()
    with outage():
        desk.check_in(arrived)
        desk.check_in(revoked)
    with store.begin() as connection:
        workflow.change_status(connection, [revoked], "revoked", ORGANISER, reason="Badge reported lost")
    capsys.readouterr()

    assert main(["desk-queue", store.location, "--station", "Desk 1", "--json"]) == 0
    (shown,) = json.loads(capsys.readouterr().out)["queues"]
    assert (shown["station"], shown["waiting"], shown["conflicts"]) == ("Desk 1", 2, 0)

    assert main(["desk-queue", store.location, "--send"]) == 1  # a conflict for staff: not a clean exit
    out = capsys.readouterr().out
    assert "0 waiting to be sent, 1 conflicts" in out and "conflict" in out and "Revoked" in out
    assert checkins_of(store, arrived) == 1

    assert main(["desk-queue", store.location, "--send", "--acknowledge", "--json"]) == 0
    (again,) = json.loads(capsys.readouterr().out)["queues"]
    assert again["sent"]["sent"] == [] and again["conflicts"] == 0  # sending again changes nothing
    assert checkins_of(store, arrived) == 1


def test_a_badge_scanned_during_an_outage_is_read_from_the_desks_copy(
    store: EventStore, folder: Path, outage_of: Callable[[DeskService], Outage], add_guest_with_status
) -> None:
    """The desk checks the badge's signature with the event's public keys and the guest as it last knew them."""
    approved = add_guest_with_status("approved", "Rahmonov")
    revoked = add_guest_with_status("approved", "Nazarova")
    by_passport = add_guest_with_status("approved", "Karimov", passport_no="P7654321", external_ref="REG-77")
    with store.connect() as connection:
        tokens = {
            guest_id: current_token(connection, store.event_info(), guest_id, today=EVENT_START)
            for guest_id in (approved, revoked)
        }
    with store.begin() as connection:
        workflow.change_status(connection, [revoked], "revoked", ORGANISER, "badge lost")
    store.patience = Patience(unreachable_s=0.5, first_pause_s=0.05, longest_pause_s=0.2)
    desk = DeskService(store, station="Desk 1", user="anna", today=lambda: EVENT_START)
    desk.open_queue(folder)
    desk.reload()
    forged = tokens[approved][:-6] + ("AAAAAA" if not tokens[approved].endswith("AAAAAA") else "BBBBBB")

    with outage_of(desk)():
        scanned = desk.check_in_input(tokens[approved])
        refused = desk.check_in_input(tokens[revoked])
        fake = desk.check_in_input(forged)
        passport = desk.check_in_input("p 7654321")
        unknown = desk.check_in_input("REG-00")

    assert (scanned.result, scanned.guest_id) == (CheckInResult.QUEUED, approved)
    assert (refused.result, refused.reason) == (CheckInResult.REFUSED, "revoked")
    assert fake.result is CheckInResult.REFUSED and fake.reason in {"bad_signature", "malformed"}
    assert (passport.result, passport.guest_id) == (CheckInResult.QUEUED, by_passport)
    assert (unknown.result, unknown.reason) == (CheckInResult.REFUSED, "unknown_code")
    assert [entry.guest_id for entry in desk.queue_status().waiting] == [approved, by_passport]
    assert checkins_of(store, approved) == 0  # nothing reached the server while it was away
