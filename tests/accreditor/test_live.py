"""Live stations: what one station commits reaches a watcher at another within 2 seconds, on both engines."""

import threading
import time
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import text, update

from accreditor import checkin, dialects, live, schema, workflow
from accreditor.badges.printing import record_serials
from accreditor.changes import NOTHING, Changes, Topic
from accreditor.store import EventStore

ARRIVAL_LIMIT_S = 2.0
AddWithStatus = Callable[..., int]


@pytest.fixture
def other_station(store: EventStore) -> Iterator[EventStore]:
    """The same event opened by a second station, as a desk on another laptop would."""
    with EventStore.open(store.location, station="Desk 2") as other:
        yield other


@pytest.fixture
def watcher(other_station: EventStore) -> Iterator[live.ChangeWatcher]:
    watching = live.watch(other_station)
    yield watching
    watching.close()


def changes_within(watcher: live.ChangeWatcher, seconds: float, wanted: Callable[[Changes], bool]) -> Changes:
    """Everything the watcher reports until `wanted` holds for it, or `seconds` have passed."""
    deadline = time.monotonic() + seconds
    seen = NOTHING
    while not wanted(seen) and (remaining := deadline - time.monotonic()) > 0:
        change = watcher.wait(remaining)
        seen = seen | change if seen else change
    return seen


def test_a_check_in_at_one_station_reaches_another_within_two_seconds(
    store: EventStore, add_guest_with_status: AddWithStatus, watcher: live.ChangeWatcher
) -> None:
    guest_id = add_guest_with_status("approved", "Rahmonov")
    watcher.wait(0.3)  # what came before watching started does not matter here
    started = time.monotonic()

    with store.begin() as connection:
        checkin.check_in(connection, guest_id, station="Desk 1", user="desk1")
    seen = changes_within(watcher, ARRIVAL_LIMIT_S, lambda changes: changes.touches(Topic.CHECK_INS))

    assert time.monotonic() - started < ARRIVAL_LIMIT_S
    assert seen.touches(Topic.CHECK_INS)
    assert seen.concerns(guest_id)


def test_a_revocation_and_a_print_reach_the_other_station_with_their_guests(
    store: EventStore, add_guest_with_status: AddWithStatus, watcher: live.ChangeWatcher
) -> None:
    revoked, printed, untouched = (add_guest_with_status("approved", name) for name in ("Revoked", "Printed", "Else"))
    watcher.wait(0.3)

    with store.begin() as connection:
        workflow.change_status(connection, [revoked], "revoked", "officer", reason="security")
    with store.begin() as connection:
        record_serials(connection, [(printed, 1)], actor="desk", station="Desk 1")
    seen = changes_within(watcher, ARRIVAL_LIMIT_S, lambda changes: changes.touches(Topic.PRINTS))

    assert seen.touches(Topic.GUESTS) and seen.touches(Topic.PRINTS)
    assert {revoked, printed} <= seen.guest_ids
    assert untouched not in seen.guest_ids and not seen.all_guests


def test_nothing_is_reported_when_nothing_changed(watcher: live.ChangeWatcher) -> None:
    watcher.wait(0.3)

    assert watcher.wait(0.5) == NOTHING


def test_a_change_outside_the_logs_reloads_everything(store: EventStore, watcher: live.ChangeWatcher) -> None:
    watcher.wait(0.3)

    with store.begin() as connection:
        connection.execute(update(schema.event).values(venue="Kokhi Navruz, hall B"))
    seen = changes_within(watcher, ARRIVAL_LIMIT_S, lambda changes: changes.touches(Topic.EVENT))

    assert seen.touches(Topic.EVENT)


# -- PostgreSQL: who made the change, who is online, and a lost connection ----------------------------


def open_station(location: str, station: str) -> EventStore:
    return EventStore.open(location, station=station)


def test_changes_name_the_station_that_made_them(postgres_url: str) -> None:
    EventStore.create(postgres_url, passphrase="test passphrase", name="Summit").close()
    with open_station(postgres_url, "Desk 1") as desk1, open_station(postgres_url, "Desk 2") as desk2:
        watcher = live.watch(desk2)
        try:
            with desk1.begin() as connection:
                connection.execute(update(schema.event).values(venue="Hall A"))
            from_desk1 = changes_within(watcher, ARRIVAL_LIMIT_S, bool)
            with desk2.begin() as connection:
                connection.execute(update(schema.event).values(venue="Hall B"))
            own = changes_within(watcher, ARRIVAL_LIMIT_S, bool)
        finally:
            watcher.close()

    assert from_desk1.origin == "Desk 1"
    assert own.origin == ""  # this station's own change


def test_stations_online_are_the_connected_desks_and_gates(postgres_url: str) -> None:
    EventStore.create(postgres_url, passphrase="test passphrase", name="Summit").close()
    with open_station(postgres_url, "Desk 1") as desk, open_station(postgres_url, "Gate North") as gate:
        gate.event_info()  # a connection is made on first use
        assert live.stations_online(desk) == ["Desk 1", "Gate North"]
    with open_station(postgres_url, "Desk 1") as desk:
        deadline = time.monotonic() + 5
        while live.stations_online(desk) != ["Desk 1"] and time.monotonic() < deadline:
            time.sleep(0.1)
        assert live.stations_online(desk) == ["Desk 1"]


def test_stations_online_of_a_file_is_empty(event_path) -> None:
    EventStore.create(event_path, passphrase="test passphrase", name="Summit").close()
    with EventStore.open(event_path) as store:
        assert live.stations_online(store) == []


def test_a_watcher_that_lost_its_connection_comes_back_and_reloads_everything(postgres_url: str) -> None:
    EventStore.create(postgres_url, passphrase="test passphrase", name="Summit").close()
    with open_station(postgres_url, "Desk 1") as desk, open_station(postgres_url, "Desk 2") as other:
        watcher = live.watch(other)
        try:
            with desk.begin() as connection:  # as a server restart or a LAN outage would
                connection.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE application_name = 'accreditor:Desk 2' AND query LIKE 'LISTEN%'"
                    )
                )
            after = changes_within(watcher, 5, lambda changes: changes.all_guests)
            assert after == Changes.everything()
            assert watcher.connected
            with desk.begin() as connection:
                connection.execute(update(schema.event).values(venue="Hall C"))
            assert changes_within(watcher, ARRIVAL_LIMIT_S, bool).touches(Topic.EVENT)
        finally:
            watcher.close()


def test_a_watcher_thread_hands_each_change_to_the_app_until_stopped(
    store: EventStore, other_station: EventStore, add_guest_with_status: AddWithStatus
) -> None:
    guest_id = add_guest_with_status("approved", "Rahmonov")
    delivered: list[Changes] = []
    arrived = threading.Event()

    def deliver(changes: Changes) -> None:  # the app posts this to its UI thread
        delivered.append(changes)
        arrived.set()

    thread = live.WatcherThread(live.watch(other_station), deliver).start()
    try:
        time.sleep(0.3)
        with store.begin() as connection:
            checkin.check_in(connection, guest_id, station="Desk 1", user="desk1")
        assert arrived.wait(ARRIVAL_LIMIT_S)
    finally:
        thread.stop()

    assert any(changes.concerns(guest_id) and changes.touches(Topic.CHECK_INS) for changes in delivered)


def test_every_table_a_station_shows_announces_its_changes() -> None:
    """A table added to the schema must say which topic its changes touch, or other stations never hear of them."""
    # The schema marker; the audit log and its chain head follow the change they record, as a station's link
    # to a merged scan follows the scan and a check-in nonce the check-in (announced) or refusal (which changes
    # nothing a station shows); users are read at each login and gate stations listed on demand, shown by no
    # station's view.
    silent = {"meta", "audit_log", "audit_head", "users", "station_scans", "gate_stations", "checkin_nonces"}
    assert set(schema.metadata.tables) - silent == set(dialects.NOTIFYING_TABLES)
