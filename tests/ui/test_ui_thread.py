"""No database work on the UI thread: the main window used through its main paths, with the real thread pool.

Every SQL statement any engine runs is caught (`before_cursor_execute` on SQLAlchemy's Engine
class, so an engine opened on the way is caught too).  A statement run on the Qt main thread is a
freeze waiting to happen at 100,000 guests; each is recorded with the ui/ module that asked for it.
"""

import threading
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import event
from sqlalchemy.engine import Engine

from accreditor import keys, users
from accreditor.roles import Actor, Role
from accreditor.store import EventStore
from tests.ui.conftest import GUESTS, MakeEvent
from tests.ui.test_main_window import token_of
from ui import jobs, main_window
from ui.gate.gate_setup_dialog import GateChoice, GateSetupDialog
from ui.gate.gate_view import GateState
from ui.login_dialog import LoginDialog
from ui.main_window import MainWindow, Mode
from ui.organiser import guests_page
from ui.settings import StationSettings
from ui.unlock_dialog import UnlockDialog, ensure_unlocked

UI = Path(__file__).resolve().parents[2] / "ui"


@dataclass
class Statement:
    sql: str
    asked_by: str  # the innermost ui/ frame, "module.py:line in function"; "" when no ui/ code asked


@dataclass
class UiThreadStatements:
    """Statements run on the UI thread while recording, tagged with the path being walked."""

    path: str = ""  # "" while not recording (the test setting up its events)
    seen: dict[str, list[Statement]] = field(default_factory=dict)

    def record(self, sql: str) -> None:
        frames = [frame for frame in traceback.extract_stack() if frame.filename.startswith(str(UI))]
        asked_by = ""
        if frames:
            frame = frames[-1]
            asked_by = f"{Path(frame.filename).relative_to(UI.parent).as_posix()}:{frame.lineno} in {frame.name}"
        self.seen.setdefault(self.path, []).append(Statement(" ".join(sql.split())[:80], asked_by))


@pytest.fixture
def ui_thread_statements() -> Iterator[UiThreadStatements]:
    recorded = UiThreadStatements()

    def before_cursor_execute(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if recorded.path and threading.current_thread() is threading.main_thread():
            recorded.record(statement)

    event.listen(Engine, "before_cursor_execute", before_cursor_execute)
    try:
        yield recorded
    finally:
        event.remove(Engine, "before_cursor_execute", before_cursor_execute)


def settle(qtbot: QtBot) -> None:
    """Let every background job end and its outcome reach the UI thread."""
    assert jobs.wait_for_jobs(10_000)
    qtbot.wait(20)


def walk_the_main_paths(
    qtbot: QtBot,
    store: EventStore,
    recorded: UiThreadStatements,
    monkeypatch: pytest.MonkeyPatch,
    other_event: EventStore,
) -> MainWindow:
    """Open the event, search and check in at the desk, use the guest list, the organiser page and the reports,
    keep a gate (enter Gate mode, scan a badge, see who is inside), then open another event from the File menu."""
    recorded.path = "open the event"
    station = StationSettings(station_name="Desk 2", printer="", layout="cr80", auto_print=False, sounds=False)
    window = MainWindow(store, station=station)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.event_session.is_indexed)
    settle(qtbot)

    recorded.path = "search at the desk"
    qtbot.keyClicks(window.desk_view.field, "smith")
    window.desk_view.search_now()
    settle(qtbot)

    recorded.path = "check in at the desk"
    hashimi = 3  # approved, not checked in
    window.desk_view.show_guest(hashimi)
    settle(qtbot)  # the card is read in the background, as the operator waits to see it
    window.desk_view.check_in_action.trigger()
    settle(qtbot)
    assert window.event_session.session.guest(hashimi).checked_in_station == "Desk 2"

    recorded.path = "guest list"
    window.set_mode(Mode.GUESTS)
    listing = window.guest_list
    qtbot.keyClicks(listing.search_box, "rahmonov")
    listing.apply_filter()
    listing.status_combo.setCurrentIndex(listing.status_combo.findData("approved"))
    listing.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    settle(qtbot)
    shown = [listing.model.guest_at(row).fields.family_name for row in range(listing.model.rowCount())]
    assert "Рахмонов" in shown

    recorded.path = "organiser filter and decision"
    window.set_mode(Mode.ORGANISER)
    page = window.organiser_page
    page.guest_list.country_combo.setCurrentIndex(page.guest_list.country_combo.findData("GB"))
    settle(qtbot)
    [smith] = [page.model.guest_at(row) for row in range(page.model.rowCount())]
    page.select_guests([smith.id])
    settle(qtbot)
    monkeypatch.setattr(guests_page, "confirm", lambda *_args: True)
    page.approve()
    settle(qtbot)
    assert page.notice.text() == "Approved 1 guest."

    recorded.path = "reports"
    window.set_mode(Mode.REPORTS)
    qtbot.waitUntil(lambda: window.reports_page.report is not None)
    settle(qtbot)

    recorded.path = ""  # the test's own reading of the badge's token is not the app's
    admitted = token_of(store, hashimi)
    gate_choice = GateChoice(zone="PLN", direction="in", gate_name="PLN-in")
    monkeypatch.setattr(GateSetupDialog, "ask", classmethod(lambda _cls, _parent, _zones, **_options: gate_choice))
    recorded.path = "enter Gate mode"
    window.set_mode(Mode.GATE)
    qtbot.waitUntil(lambda: window.mode() == Mode.GATE)
    settle(qtbot)
    gate = window.gate_view
    assert gate is not None

    recorded.path = "scan a badge at the gate"
    with qtbot.waitSignal(gate.verdict_shown) as shown:
        window.route_scan(admitted)
    settle(qtbot)
    assert shown.args[0].colour != "red", shown.args[0].reason

    recorded.path = "who is inside at the gate"
    gate.toggle_inside()
    settle(qtbot)
    assert gate.state == GateState.INSIDE
    assert gate.inside_panel is not None
    assert gate.inside_panel.model.rowCount() == 1

    recorded.path = "open another event"
    window.set_mode(Mode.GUESTS)
    monkeypatch.setattr(main_window, "ask_event_file", lambda _parent: other_event.location)
    window.open_action.trigger()
    qtbot.waitUntil(lambda: window.store.location == other_event.location)
    qtbot.waitUntil(window.event_session.is_indexed)
    settle(qtbot)
    assert window.windowTitle().startswith("Summit")
    return window


def summit(make_event: MakeEvent) -> EventStore:
    other = make_event("summit.accreditor", name="Summit")
    other.close()  # the window opens it itself
    return other


def test_main_paths_run_no_statement_on_the_ui_thread(
    qtbot: QtBot, event_store: EventStore, make_event: MakeEvent, ui_thread_statements: UiThreadStatements, monkeypatch
) -> None:
    window = walk_the_main_paths(qtbot, event_store, ui_thread_statements, monkeypatch, summit(make_event))
    assert window.event_session.session.counts().guests == len(GUESTS)
    assert ui_thread_statements.seen == {}


def test_logging_in_and_unlocking_the_key_run_no_statement_on_the_ui_thread(
    qtbot: QtBot, event_store: EventStore, ui_thread_statements: UiThreadStatements, monkeypatch
) -> None:
    """The password's scrypt and the key's unsealing take a noticeable moment: they must not freeze the window."""
    with event_store.begin() as connection:
        users.add_user(connection, Actor.unrestricted("ana"), "ana", Role.ORGANISER, "organiser password")
    keys.lock_all()
    keys.set_passphrase_source(None)  # as in the app: the key opens only with what the user types

    ui_thread_statements.path = "log in"
    monkeypatch.setattr(LoginDialog, "exec", lambda dialog: dialog.accept() or dialog.result())
    monkeypatch.setattr(LoginDialog, "__init__", _typing_ana(LoginDialog.__init__))
    actor = LoginDialog.ask(None, event_store, station="Desk 2")
    assert isinstance(actor, Actor) and actor.role is Role.ORGANISER

    ui_thread_statements.path = "unlock the signing key"
    monkeypatch.setattr(UnlockDialog, "ask", classmethod(lambda _cls, _parent, **_options: "test passphrase"))
    assert ensure_unlocked(None, event_store)
    ui_thread_statements.path = ""

    assert ui_thread_statements.seen == {}


def _typing_ana(init: Callable[..., None]) -> Callable[..., None]:
    """The login dialog as ana left it: her name and password typed in."""

    def typed(dialog: LoginDialog, *args: object, **kwargs: object) -> None:
        init(dialog, *args, **kwargs)
        dialog.name_edit.setText("ana")
        dialog.password_edit.setText("organiser password")

    return typed
