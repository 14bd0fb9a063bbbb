"""MainWindow: title, status bar, modes, scans routed to the desk, settings, and opening another event."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QWidget

from accreditor import guests, workflow
from accreditor.badges.printing import current_token
from accreditor.categories import list_categories
from accreditor.changes import Changes, Topic
from accreditor.guests import GuestFields
from accreditor.importing.importer import ImportReport
from accreditor.store import EventStore
from ui import jobs, main_window, new_event_dialog, settings
from ui.gate import gate_setup_dialog
from ui.gate.gate_setup_dialog import GateChoice
from ui.gate.gate_view import GateState
from ui.main_window import LAST_EVENT_KEY, MainWindow, Mode
from ui.new_event_dialog import NewEvent, NewEventDialog
from ui.organiser import import_wizard
from ui.organiser.designer import BadgeDesigner
from ui.settings import StationSettings


def wait_loaded(qtbot, window: MainWindow) -> None:
    """The event's session loads and indexes on the thread pool once the window is built."""
    qtbot.waitUntil(window.event_session.is_indexed)
    jobs.wait_for_jobs()


@pytest.fixture
def window(qtbot, event_store: EventStore, inline_jobs) -> MainWindow:
    created = MainWindow(event_store)
    qtbot.addWidget(created)
    wait_loaded(qtbot, created)
    return created


def test_the_window_is_usable_before_the_guests_are_loaded(qtbot, event_store: EventStore) -> None:
    created = MainWindow(event_store)
    qtbot.addWidget(created)
    assert created.windowTitle() == "water.accreditor — Desk 1 — Accreditor"
    assert created.checkin_label.text() == "Loading guests…"
    with qtbot.waitSignal(created.event_session.loaded):
        pass
    assert created.windowTitle() == "Dushanbe Water Conference — Desk 1 — Accreditor"
    wait_loaded(qtbot, created)


def test_the_title_names_the_event_and_the_station(window: MainWindow) -> None:
    assert window.windowTitle() == "Dushanbe Water Conference — Desk 1 — Accreditor"


def test_the_status_bar_shows_station_file_printer_and_the_counts(window: MainWindow) -> None:
    assert window.station_label.text() == "Desk 1"
    assert window.file_label.text() == "water.accreditor"
    assert window.printer_label.text() == "Printer: System default"
    assert window.checkin_label.text() == "1 checked in / 2 expected"
    assert window.counts_label.text() == "6 guests · 1 checked in"


def test_the_guest_list_is_the_guests_mode(window: MainWindow) -> None:
    window.guests_mode_action.trigger()
    assert window.centralWidget() is window.stack
    assert window.stack.currentWidget() is window.guest_list
    assert window.guest_list.model.rowCount() == 6


def test_reload_shows_guests_added_elsewhere(qtbot, window: MainWindow, event_store: EventStore) -> None:
    with event_store.begin() as connection:
        guests.add_guest(connection, GuestFields("Nazarov", "Faridun"), actor="desk 2")
    with qtbot.waitSignal(window.event_session.changed):
        window.reload_action.trigger()
    assert window.counts_label.text() == "7 guests · 1 checked in"


def test_open_event_replaces_the_event_and_remembers_it(
    qtbot, window: MainWindow, make_event, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = make_event("summit.accreditor", name="Summit")
    other.close()
    monkeypatch.setattr(main_window, "ask_event_file", lambda _parent: other.location)
    with qtbot.waitSignal(window.event_session.loaded):
        window.open_action.trigger()
    wait_loaded(qtbot, window)
    assert window.windowTitle() == "Summit — Desk 1 — Accreditor"
    assert window.file_label.text() == "summit.accreditor"
    assert window.store.location == other.location
    assert QSettings().value(LAST_EVENT_KEY) == other.location


def test_a_file_that_is_not_an_event_is_reported_and_the_event_stays(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown_errors
) -> None:
    bogus = tmp_path / "notes.accreditor"
    bogus.write_text("not a database", encoding="utf-8")
    monkeypatch.setattr(main_window, "ask_event_file", lambda _parent: str(bogus))
    window.open_action.trigger()
    jobs.wait_for_jobs()  # the file is checked in the background
    assert [error.text for error in shown_errors] == ["notes.accreditor is not an Accreditor event file."]
    assert window.windowTitle() == "Dushanbe Water Conference — Desk 1 — Accreditor"
    assert QSettings().value(LAST_EVENT_KEY) is None


def test_cancelling_the_file_dialog_changes_nothing(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(main_window, "ask_event_file", lambda _parent: None)
    window.open_action.trigger()
    assert window.windowTitle() == "Dushanbe Water Conference — Desk 1 — Accreditor"


def test_quit_closes_the_window(qtbot, window: MainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.quit_action.trigger()
    assert not window.isVisible()


# -- modes, the desk, scans, settings ------------------------------------------------------------------

HASHIMI, SMITH = 3, 2


class FakeClock:
    """Keystroke time for the window's scanner detector: a scan is fast whatever the machine's load."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, ms: float) -> None:
        self.now += ms / 1000


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def desk_window(qtbot, event_store: EventStore, desk_station, inline_jobs, clock: FakeClock) -> MainWindow:
    created = MainWindow(event_store, station=desk_station, scan_clock=clock)
    qtbot.addWidget(created)
    created.show()
    qtbot.waitExposed(created)
    return created


def scan(qtbot, clock: FakeClock, widget: QWidget, code: str, end: Qt.Key = Qt.Key.Key_Return) -> None:
    """What a USB scanner does: type `code` into whatever has focus, a few milliseconds a key, then Enter."""
    for character in code:
        clock.advance(4)
        qtbot.keyClick(widget, character)
    clock.advance(4)
    qtbot.keyClick(widget, end)


def token_of(store: EventStore, guest_id: int) -> str:
    with store.connect() as connection:
        return current_token(connection, store.event_info(), guest_id, today=date.today())


def checked_in_at(store: EventStore, guest_id: int) -> str | None:
    with store.connect() as connection:
        guest = guests.get_guest(connection, guest_id)
    return guest.checked_in_station if guest.checked_in_at else None


def test_the_window_opens_at_the_desk_and_switches_modes(desk_window: MainWindow) -> None:
    assert desk_window.mode() == Mode.DESK
    assert desk_window.stack.currentWidget() is desk_window.desk_view
    assert desk_window.desk_mode_action.isChecked()
    assert (
        desk_window.desk_mode_action.shortcut().toString(),
        desk_window.guests_mode_action.shortcut().toString(),
    ) == (
        "F2",
        "F3",
    )
    assert desk_window.settings_action.shortcut().toString() == "Ctrl+,"

    desk_window.guests_mode_action.trigger()
    assert desk_window.stack.currentWidget() is desk_window.guest_list
    assert desk_window.guests_mode_action.isChecked()
    assert desk_window.counts_label.isVisible()
    desk_window.desk_mode_action.trigger()
    assert desk_window.mode() == Mode.DESK
    assert not desk_window.counts_label.isVisible()


def test_f3_and_f2_switch_modes_from_the_keyboard(qtbot, desk_window: MainWindow) -> None:
    desk_window.activateWindow()
    qtbot.waitActive(desk_window)
    qtbot.keyClick(desk_window.desk_view.field, Qt.Key.Key_F3)
    assert desk_window.mode() == Mode.GUESTS
    qtbot.keyClick(desk_window.guest_list.search_box, Qt.Key.Key_F2)
    assert desk_window.mode() == Mode.DESK


def test_a_scan_into_an_open_dialog_checks_the_guest_in_at_the_desk(
    qtbot, desk_window: MainWindow, event_store: EventStore, clock: FakeClock
) -> None:
    dialog = QDialog(desk_window)
    note = QLineEdit(dialog)
    dialog.setModal(True)
    dialog.show()
    qtbot.waitExposed(dialog)
    note.setFocus()

    scan(qtbot, clock, note, token_of(event_store, HASHIMI))

    assert note.text() == ""  # the dialog never saw the scan
    assert dialog.isVisible()
    assert checked_in_at(event_store, HASHIMI) == "Desk 2"
    assert desk_window.desk_view.card.guest_id == HASHIMI
    assert desk_window.desk_view.notice_label.text() == "Checked in by scan: Mhmd Alhashmi"
    assert desk_window.checkin_label.text() == "2 checked in / 2 expected"
    dialog.reject()


def test_a_scan_in_the_guest_list_goes_to_the_desk(
    qtbot, desk_window: MainWindow, event_store: EventStore, clock: FakeClock
) -> None:
    desk_window.guests_mode_action.trigger()
    box = desk_window.guest_list.search_box

    scan(qtbot, clock, box, "]Q1" + token_of(event_store, HASHIMI), end=Qt.Key.Key_Tab)

    assert box.text() == ""
    assert desk_window.mode() == Mode.DESK
    assert checked_in_at(event_store, HASHIMI) == "Desk 2"


def test_a_scanned_invalid_badge_checks_nobody_in(
    qtbot, desk_window: MainWindow, event_store: EventStore, clock: FakeClock
) -> None:
    field = desk_window.desk_view.field
    scan(qtbot, clock, field, "AC1:FORGED-CODE-1234")

    assert field.text() == ""
    assert desk_window.checkin_label.text() == "1 checked in / 2 expected"
    assert desk_window.desk_view.notice_label.text() == "Unreadable or forged code — nobody was checked in."


def test_a_check_in_at_the_desk_reaches_the_counts_and_the_guest_list(desk_window: MainWindow) -> None:
    desk_window.desk_view.show_guest(HASHIMI)
    desk_window.desk_view.check_in_action.trigger()
    assert desk_window.checkin_label.text() == "2 checked in / 2 expected"

    desk_window.guests_mode_action.trigger()
    assert desk_window.counts_label.text() == "6 guests · 2 checked in"


def test_what_the_desk_writes_reaches_the_views_once_through_the_session(desk_window: MainWindow) -> None:
    heard: list[Changes] = []
    desk_window.event_session.changed.connect(heard.append)
    desk_window.desk_view.show_guest(HASHIMI)
    assert heard == [], "showing a guest writes nothing"

    desk_window.desk_view.check_in_action.trigger()

    assert heard == [Changes.of(Topic.CHECK_INS, guests=[HASHIMI])], "the desk's own changes, once"
    assert desk_window.event_session.session.guest(HASHIMI).checked_in_station == desk_window.station.station_name


def test_a_check_in_refused_for_a_revocation_elsewhere_shows_it_in_every_view(
    desk_window: MainWindow, event_store: EventStore
) -> None:
    with event_store.begin() as connection:  # another station revokes the guest; this one has not heard yet
        workflow.change_status(connection, [HASHIMI], "revoked", "organiser", "lost badge")
    heard: list[Changes] = []
    desk_window.event_session.changed.connect(heard.append)

    desk_window.desk_controller.check_in(HASHIMI)

    assert checked_in_at(event_store, HASHIMI) is None
    assert heard == [Changes.of(Topic.GUESTS, Topic.CHECK_INS, guests=[HASHIMI])], "what the desk learned"
    assert desk_window.event_session.session.guest(HASHIMI).status == "revoked"


def test_a_guest_opened_in_the_list_is_shown_at_the_desk(desk_window: MainWindow) -> None:
    desk_window.guests_mode_action.trigger()
    desk_window.guest_list.guest_activated.emit(SMITH)
    assert desk_window.mode() == Mode.DESK
    assert desk_window.desk_view.card.guest_id == SMITH


def test_settings_are_saved_and_shown(desk_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    chosen = StationSettings(station_name="Desk 7", printer="Zebra ZC300", layout="a6", auto_print=True, sounds=False)
    offered: list[StationSettings] = []
    monkeypatch.setattr(settings.SettingsDialog, "ask", lambda _parent, current: offered.append(current) or chosen)

    desk_window.settings_action.trigger()

    assert offered[0].station_name == "Desk 2"
    assert desk_window.windowTitle() == "Dushanbe Water Conference — Desk 7 — Accreditor"
    assert desk_window.station_label.text() == "Desk 7"
    assert desk_window.printer_label.text() == "Printer: Zebra ZC300"
    assert desk_window.desk_controller.settings == chosen
    assert settings.load_settings() == chosen


def test_cancelled_settings_change_nothing(desk_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings.SettingsDialog, "ask", lambda _parent, _current: None)
    desk_window.settings_action.trigger()
    assert desk_window.windowTitle() == "Dushanbe Water Conference — Desk 2 — Accreditor"
    assert settings.load_settings() == StationSettings()


def test_a_closed_window_stops_listening_for_scans(qtbot, desk_window: MainWindow, clock: FakeClock) -> None:
    desk_window.close()
    elsewhere = QLineEdit()
    qtbot.addWidget(elsewhere)
    scan(qtbot, clock, elsewhere, "AC1:ABCD")
    assert elsewhere.text() == "AC1:ABCD"


def test_f6_and_f7_open_the_organiser_and_the_reports(qtbot, desk_window: MainWindow) -> None:
    desk_window.activateWindow()
    qtbot.waitActive(desk_window)
    qtbot.keyClick(desk_window.desk_view.field, Qt.Key.Key_F6)
    assert desk_window.stack.currentWidget() is desk_window.organiser_page
    assert desk_window.organiser_mode_action.isChecked()
    qtbot.keyClick(desk_window.organiser_page, Qt.Key.Key_F7)
    assert desk_window.stack.currentWidget() is desk_window.reports_page
    qtbot.waitUntil(lambda: desk_window.reports_page.report is not None)
    with desk_window.store.connect() as connection:
        approved = len(guests.list_guests(connection, status="approved"))
    assert desk_window.reports_page.report.summary.expected == approved


def test_a_revocation_in_the_organiser_reaches_the_desk(desk_window: MainWindow, event_store: EventStore) -> None:
    with event_store.connect() as connection:
        approved = next(g for g in guests.list_guests(connection) if g.status == "approved" and not g.checked_in_at)
    with event_store.begin() as connection:
        workflow.change_status(connection, [approved.id], "revoked", "organiser", "lost badge")
    desk_window.event_session.apply(Changes.of(Topic.GUESTS, guests=[approved.id]))

    details = desk_window.desk_controller.details(approved.id)
    assert details.guest.status == "revoked"
    desk_window.desk_controller.check_in(approved.id)
    assert checked_in_at(event_store, approved.id) is None


def test_the_import_action_opens_the_wizard_and_reloads_after_an_import(
    desk_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    heard: list[Changes] = []
    monkeypatch.setattr(import_wizard.ImportWizard, "run", classmethod(lambda cls, parent, store: _written_report()))
    desk_window.event_session.changed.connect(heard.append)
    desk_window.import_action.trigger()

    assert desk_window.import_action.shortcut().toString() == "Ctrl+I"
    assert [changes.all_guests for changes in heard] == [True]


def _written_report() -> ImportReport:
    return ImportReport(file="list.csv", sheet=None, rows=1, imported=1, written=True)


def test_gate_mode_sends_scans_to_the_gate_not_the_desk(
    qtbot, desk_window: MainWindow, event_store: EventStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    choice = GateChoice(zone="PLN", direction="in", gate_name="PLN-in")
    monkeypatch.setattr(gate_setup_dialog.GateSetupDialog, "ask", classmethod(lambda cls, parent, zones, **_: choice))
    with event_store.connect() as connection:
        guest = next(g for g in guests.list_guests(connection, status="approved") if not g.checked_in_at)
    desk_window.gate_mode_action.trigger()
    assert desk_window.mode() == Mode.GATE

    with qtbot.waitSignal(desk_window.gate_view.verdict_shown) as shown:
        desk_window.route_scan(token_of(event_store, guest.id))

    assert shown.args[0].colour != "red", shown.args[0].reason  # orange when the guest has no photo on file
    assert checked_in_at(event_store, guest.id) is None, "a gate scan is not a desk check-in"
    assert len(desk_window.gate_view.gate.scans()) == 1


def test_in_gate_mode_f8_shows_who_is_inside_and_f6_still_opens_the_organiser(
    qtbot, desk_window: MainWindow, monkeypatch
) -> None:
    choice = GateChoice(zone="PLN", direction="in", gate_name="PLN-in")
    monkeypatch.setattr(gate_setup_dialog.GateSetupDialog, "ask", classmethod(lambda cls, parent, zones, **_: choice))
    desk_window.activateWindow()
    qtbot.waitActive(desk_window)
    desk_window.gate_mode_action.trigger()
    gate_view = desk_window.gate_view
    gate_view.setFocus()

    qtbot.keyClick(gate_view, Qt.Key.Key_F8)
    assert gate_view.state == GateState.INSIDE
    qtbot.keyClick(gate_view.focusWidget(), Qt.Key.Key_F6)
    assert desk_window.stack.currentWidget() is desk_window.organiser_page, "one key, one meaning in every mode"


def test_a_gate_that_cannot_open_says_why_and_the_window_stays_in_its_mode(
    desk_window: MainWindow, event_store: EventStore, monkeypatch, shown_errors, tmp_path: Path
) -> None:
    choice = GateChoice(zone="PLN", direction="in", gate_name="PLN-in")
    monkeypatch.setattr(gate_setup_dialog.GateSetupDialog, "ask", classmethod(lambda cls, parent, zones, **_: choice))
    event_file = Path(event_store.location)
    moved = event_file.rename(tmp_path / "elsewhere.accreditor")  # the file went away under the window
    try:
        desk_window.gate_mode_action.trigger()
    finally:
        moved.rename(event_file)

    assert [error.title for error in shown_errors] == ["Cannot open the gate"]
    assert desk_window.mode() == Mode.DESK
    assert desk_window.desk_mode_action.isChecked()
    assert desk_window.gate_view is None
    assert desk_window.statusBar().currentMessage() == ""


def test_cancelled_gate_set_up_stays_in_the_mode_it_was(desk_window: MainWindow, monkeypatch) -> None:
    monkeypatch.setattr(gate_setup_dialog.GateSetupDialog, "ask", classmethod(lambda cls, parent, zones, **_: None))
    desk_window.gate_mode_action.trigger()

    assert desk_window.mode() == Mode.DESK
    assert desk_window.desk_mode_action.isChecked()
    assert desk_window.gate_view is None


def test_new_event_is_created_with_the_standard_categories_and_opened(
    desk_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "summit.accreditor"
    new = NewEvent(path, "Summit", date(2027, 6, 1), date(2027, 6, 2), "Dushanbe", "test passphrase")
    monkeypatch.setattr(new_event_dialog.NewEventDialog, "ask", classmethod(lambda cls, parent: new))
    desk_window.new_action.trigger()

    assert desk_window.store.event_info().name == "Summit"
    with desk_window.store.connect() as connection:
        assert [category.code for category in list_categories(connection)][:2] == ["HOD", "DEL"]
    assert main_window.recent_events()[0] == str(path)
    assert QSettings().value(LAST_EVENT_KEY) == str(path)


def test_recent_events_list_the_last_opened_first_without_repeats(tmp_path: Path) -> None:
    for name in ("a", "b", "a", "c"):
        main_window.remember_event(tmp_path / f"{name}.accreditor")

    assert main_window.recent_events() == [str(tmp_path / f"{name}.accreditor") for name in ("c", "a", "b")]


def test_new_event_dialog_refuses_a_missing_name_or_file(qtbot, tmp_path: Path, monkeypatch) -> None:
    dialog = NewEventDialog()
    qtbot.addWidget(dialog)
    assert dialog.choice() == "Give the event a name."
    dialog.name_edit.setText("Summit")
    assert dialog.choice() == "Choose the file the event is saved in."
    monkeypatch.setattr(new_event_dialog, "ask_new_event_path", lambda parent, suggested: tmp_path / suggested)
    dialog.path_button.click()
    assert dialog.choice() == "The key passphrase needs at least 8 characters."
    dialog.passphrase_edit.setText("test passphrase")
    assert dialog.choice() == "The two passphrases differ."
    dialog.passphrase_again_edit.setText("test passphrase")
    assert dialog.choice().path == tmp_path / "summit.accreditor"


def test_the_badge_designer_opens_beside_the_desk(qtbot, desk_window: MainWindow) -> None:
    desk_window.designer_action.trigger()

    designers = [child for child in desk_window.findChildren(BadgeDesigner) if child.isVisible()]
    assert len(designers) == 1
    assert desk_window.mode() == Mode.DESK
    designers[0].close()
