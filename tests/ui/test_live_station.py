"""Two stations on one event: what one commits shows in the other's window within 2 seconds, on an event
file shared by two apps and on an event server; the status bar says who is online; the server dialog
opens an event and Recent events remembers it without its password."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from accreditor import checkin, guests, server, workflow
from accreditor.changes import Changes, Topic
from accreditor.store import EventStore
from tests.ui.conftest import ACTOR, create_event
from ui import main_window
from ui.main_window import MainWindow
from ui.server_dialog import ServerDialog, ServerLocation
from ui.settings import StationSettings

ARRIVAL_LIMIT_MS = 2_000
ARABIC_GUEST = 3  # approved, not checked in (see GUESTS in conftest)


def station(name: str) -> StationSettings:
    return StationSettings(station_name=name, printer="Badges", layout="cr80", auto_print=False, sounds=False)


@pytest.fixture(params=["sqlite", "postgresql"])
def event_location(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The event both stations open: one file, then one database on the throwaway cluster."""
    location = str(tmp_path / "shared.accreditor")
    if request.param == "postgresql":
        location = request.getfixturevalue("postgres_url")
    create_event(location).close()  # type: ignore[arg-type]
    yield location


@pytest.fixture
def open_window(qtbot: QtBot) -> Iterator[Callable[[str, str], MainWindow]]:
    """`open_window(location, station_name)`: a main window of its own on the event, watching it, closed after."""
    opened: list[MainWindow] = []

    def open_at(location: str, name: str) -> MainWindow:
        window = MainWindow(EventStore.open(location, station=name), station=station(name))
        qtbot.addWidget(window)
        opened.append(window)
        qtbot.waitUntil(lambda: window.event_session.is_loaded() and window.live_station.watching, timeout=10_000)
        return window

    yield open_at
    for window in opened:
        window.close()


def write_at(window: MainWindow, change: Callable[[EventStore], Changes]) -> None:
    """What a station's desk or organiser does: an operation through its own session."""
    window.event_session.run_op(window, change)


def test_a_check_in_and_a_revocation_at_one_station_show_at_the_other_within_two_seconds(
    event_location: str, open_window: Callable[[str, str], MainWindow], qtbot: QtBot
) -> None:
    desk_1 = open_window(event_location, "Desk 1")
    desk_2 = open_window(event_location, "Desk 2")
    qtbot.waitUntil(lambda: "1 checked in" in desk_2.checkin_label.text())

    def check_in(store: EventStore) -> Changes:
        with store.begin() as connection:
            checkin.check_in(connection, ARABIC_GUEST, station="Desk 1", user=ACTOR)
        return Changes.of(Topic.CHECK_INS, guests=[ARABIC_GUEST])

    write_at(desk_1, check_in)
    qtbot.waitUntil(
        lambda: desk_2.event_session.session.guest(ARABIC_GUEST).checked_in_at is not None, timeout=ARRIVAL_LIMIT_MS
    )
    qtbot.waitUntil(lambda: "2 checked in" in desk_2.checkin_label.text(), timeout=ARRIVAL_LIMIT_MS)

    def revoke(store: EventStore) -> Changes:
        with store.begin() as connection:
            workflow.change_status(connection, [ARABIC_GUEST], "revoked", ACTOR, reason="Badge reported lost")
        return Changes.of(Topic.GUESTS, guests=[ARABIC_GUEST])

    write_at(desk_2, revoke)
    qtbot.waitUntil(
        lambda: desk_1.event_session.session.guest(ARABIC_GUEST).status == "revoked", timeout=ARRIVAL_LIMIT_MS
    )


def test_the_status_bar_counts_the_stations_on_the_server(
    postgres_url: str, open_window: Callable[[str, str], MainWindow], qtbot: QtBot
) -> None:
    create_event(postgres_url).close()  # type: ignore[arg-type]
    desk_1 = open_window(postgres_url, "Desk 1")
    qtbot.waitUntil(lambda: "1 station online" in desk_1.live_station.status_label.text(), timeout=10_000)
    open_window(postgres_url, "Gate North")

    qtbot.waitUntil(lambda: "2 stations online" in desk_1.live_station.status_label.text(), timeout=10_000)
    assert "connected" in desk_1.live_station.status_label.text()
    assert "Gate North" in desk_1.live_station.status_label.toolTip()


def test_an_event_file_says_so_and_its_watcher_stops_with_the_window(
    tmp_path: Path, open_window: Callable[[str, str], MainWindow]
) -> None:
    location = tmp_path / "alone.accreditor"
    create_event(location).close()
    window = open_window(str(location), "Desk 1")
    assert window.live_station.status_label.text() == "Live: event file"

    window.close()

    assert not window.live_station.watching


def test_connect_to_server_opens_the_event_as_this_station_and_remembers_it_without_the_password(
    postgres_url: str, qtbot: QtBot, make_event: Callable[..., EventStore], monkeypatch: pytest.MonkeyPatch
) -> None:
    create_event(postgres_url).close()  # type: ignore[arg-type]
    window = MainWindow(make_event(), station=station("Desk 3"))
    qtbot.addWidget(window)
    with_password = postgres_url.replace("postgres@", "postgres:desk-secret@", 1)  # the cluster trusts it anyway
    monkeypatch.setattr(
        ServerDialog, "ask", classmethod(lambda _cls, *_a, **_k: ServerLocation(with_password, postgres_url))
    )

    window.connect_to_server()

    qtbot.waitUntil(lambda: window.store.location == with_password, timeout=10_000)
    assert window.store.station == "Desk 3"
    assert main_window.recent_events()[0] == postgres_url
    assert not any("desk-secret" in entry for entry in main_window.recent_events())
    assert "desk-secret" not in (main_window.last_event() or "")
    qtbot.waitUntil(lambda: window.live_station.watching, timeout=10_000)
    window.close()


def test_a_station_says_reconnecting_while_the_server_is_down_and_catches_up_when_it_is_back(
    postgres_cluster: server.Cluster,
    postgres_url: str,
    open_window: Callable[[str, str], MainWindow],
    qtbot: QtBot,
) -> None:
    create_event(postgres_url).close()  # type: ignore[arg-type]
    desk_2 = open_window(postgres_url, "Desk 2")
    label = desk_2.live_station.status_label
    qtbot.waitUntil(lambda: "connected" in label.text() and "reconnecting" not in label.text(), timeout=10_000)

    postgres_cluster.stop()
    try:
        qtbot.waitUntil(lambda: "reconnecting" in label.text(), timeout=10_000)
        assert desk_2.live_station.banner.isVisibleTo(desk_2)
        assert desk_2.event_session.session.find("Рахмонов")  # guests are still found from the station's copy
    finally:
        postgres_cluster.start()
    # Another station checks a guest in as soon as the server is back, maybe before this one is reconnected.
    with EventStore.open(postgres_url, station="Desk 1") as desk_1, desk_1.begin() as connection:
        checkin.check_in(connection, ARABIC_GUEST, station="Desk 1", user=ACTOR)

    qtbot.waitUntil(lambda: "1 station online" in label.text(), timeout=15_000)
    assert not desk_2.live_station.banner.isVisibleTo(desk_2)
    qtbot.waitUntil(lambda: desk_2.event_session.session.guest(ARABIC_GUEST).checked_in_at is not None, timeout=10_000)


def test_a_desk_queues_check_ins_while_the_server_is_down_and_shows_a_refused_one_when_it_is_back(
    postgres_cluster: server.Cluster,
    postgres_url: str,
    open_window: Callable[[str, str], MainWindow],
    qtbot: QtBot,
) -> None:
    late_guest = 6  # pending in the event; approved below, then revoked while this desk is cut off
    create_event(postgres_url).close()  # type: ignore[arg-type]
    with EventStore.open(postgres_url, station="Office") as office, office.begin() as connection:
        workflow.change_status(connection, [late_guest], "approved", ACTOR)
    desk = open_window(postgres_url, "Desk 2")
    controller, panel = desk.desk_controller, desk.desk_view.queue_panel
    qtbot.waitUntil(lambda: not desk.live_station.offline and "connected" in desk.live_station.status_label.text())
    qtbot.waitUntil(lambda: controller.service.queue is not None, timeout=10_000)
    assert not panel.isVisibleTo(desk)

    postgres_cluster.stop()
    try:
        qtbot.waitUntil(lambda: desk.live_station.banner.isVisibleTo(desk), timeout=10_000)
        assert (
            "check-ins are kept at this desk"
            in desk.live_station.banner.widgetForAction(desk.live_station.banner.actions()[0]).text()
        )
        qtbot.waitUntil(lambda: controller.service.offline)
        for guest_id in (ARABIC_GUEST, late_guest):
            desk.show_at_desk(guest_id)
            qtbot.waitUntil(lambda guest_id=guest_id: desk.desk_view.card.guest_id == guest_id, timeout=5_000)
            with qtbot.waitSignal(controller.queue_changed, timeout=10_000):
                desk.desk_view.check_in()
        assert panel.isVisibleTo(desk)
        assert panel.waiting_label.text() == "Check-ins waiting to be sent to the event server: 2"
        assert "waiting to be sent" in desk.desk_view.card.checkin_label.text()
        assert "sent when it is back" in desk.desk_view.notice_label.text()
    finally:
        postgres_cluster.start()
    # The organiser revokes the second guest as soon as the server is back, before this desk's check-in arrives.
    with EventStore.open(postgres_url, station="Office") as office, office.begin() as connection:
        workflow.change_status(connection, [late_guest], "revoked", ACTOR, reason="Badge reported lost")

    qtbot.waitUntil(lambda: not desk.live_station.banner.isVisibleTo(desk), timeout=15_000)
    qtbot.waitUntil(lambda: controller.queue_status.conflicts != (), timeout=15_000)
    assert not panel.waiting_label.isVisibleTo(desk)
    assert panel.conflict_list.count() == 1
    assert "revoked" in panel.conflict_list.item(0).text()
    assert "1 —" in panel.conflict_label.text() or ": 1" in panel.conflict_label.text()
    with EventStore.open(postgres_url, station="Office") as office, office.connect() as connection:
        arrived = guests.get_guest(connection, ARABIC_GUEST)
        refused = guests.get_guest(connection, late_guest)
    assert arrived.checked_in_station == "Desk 2"  # the queued check-in is recorded
    assert refused.checked_in_at is None

    with qtbot.waitSignal(controller.queue_changed, timeout=5_000):
        panel.acknowledge_button.click()
    assert not panel.isVisibleTo(desk)
