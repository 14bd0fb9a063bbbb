"""The main window: one open event, seen in modes — the front desk (F2), the guest list (F3), the
organiser's workspace (F6), the reports (F7) and a security gate (Ctrl+G).

Also the two steps every way of opening an event shares (the command line, the last event, the
Open menu): asking for a file and opening it with errors shown, so there is one of each.  The
window owns the station's scanner detector: a scan is recognised wherever the focus is, even in a
dialog, and goes to the desk.

Every view shares the event's one session (`ui.event_session.SessionAdapter`): the guests load in
the background once the window shows, and its `changed` signal refreshes the views that show what
changed (a hidden one when it is next shown).
"""

import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEventLoop, QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QProgressDialog,
    QStackedWidget,
    QStyle,
    QWidget,
)

from accreditor import users
from accreditor.acting_user import default_user
from accreditor.changes import Changes, Topic
from accreditor.migrations import PassphraseRequiredError
from accreditor.roles import Actor, Permission, Role, can, role_of
from accreditor.store import EventStore, display_name, is_server_url
from ui import i18n, jobs, messages, settings
from ui.desk.desk_controller import DeskController
from ui.desk.desk_view import DeskView
from ui.event_session import SessionAdapter
from ui.guest_list import GuestListWidget
from ui.guest_table_model import GuestTableModel
from ui.live_station import LiveStation
from ui.login_dialog import InactivityLock, LoginDialog
from ui.scanner import ScanDetector
from ui.server_dialog import ServerDialog
from ui.settings import StationSettings
from ui.unlock_dialog import ask_upgrade_passphrase

if TYPE_CHECKING:  # the gate, the organiser's pages and the dialogs are imported when first used, not at start
    from ui.gate.gate_view import GateView
    from ui.organiser.guests_page import OrganiserGuestsPage
    from ui.organiser.reports_page import ReportsPage

LAST_EVENT_KEY = "events/last"
RECENT_EVENTS_KEY = "events/recent"
RECENT_EVENTS_KEPT = 8
# Opening an event faster than this shows no "Opening …" dialog at all.
_OPENING_SHOWN_AFTER_MS = 400
# Prints still running when the window closes record themselves; give them this long.
_CLOSE_WAIT_MS = 15_000
# The roles' names in the status bar ("ana (desk)"), translated by the role's code.
ROLE_NAMES = {
    Role.ORGANISER: QT_TRANSLATE_NOOP("main_window", "organiser"),
    Role.ACCREDITATION: QT_TRANSLATE_NOOP("main_window", "accreditation"),
    Role.DESK: QT_TRANSLATE_NOOP("main_window", "desk"),
    Role.SECURITY: QT_TRANSLATE_NOOP("main_window", "security"),
    Role.VIEWER: QT_TRANSLATE_NOOP("main_window", "viewer"),
}


def last_event() -> str | None:
    """Where the event opened last time is (a file path or a database URL), if any."""
    value = QSettings().value(LAST_EVENT_KEY, "")
    return str(value) if value else None


def ask_event_file(parent: QWidget | None) -> str | None:
    """Let the user pick an event file (tests monkeypatch this); None when they cancel."""
    previous = last_event()
    folder = Path(previous).parent if previous and Path(previous).is_file() else Path.home()
    path, _selected = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("main_window", "Open event"), str(folder), event_file_filter()
    )
    return path or None


def open_event(
    parent: QWidget | None,
    location: str | Path,
    *,
    station: str = "",
    remember_as: str | Path | None = None,
    passphrase: str | None = None,
) -> "OpenedEvent | None":
    """Open an event as `station` and remember it for next start (as `remember_as`, a server's URL without its
    password, if given); on failure tell the user why and return None.  An event made by an older version is
    upgraded, which seals its signing key: the user is asked for a passphrase for it.

    The opening runs off the UI thread (checking or upgrading a file, or reaching a database server, may
    take a while) and the caller waits for it with the event loop running; "Opening …" is on screen, with
    Cancel, if it takes long enough to be noticed.  None also when the user cancels.
    """
    opened: list[OpenedEvent | None] = []
    needs_passphrase = False
    cancelled = False
    waiting = QEventLoop()
    progress = QProgressDialog(
        QCoreApplication.translate("main_window", "Opening {name}…").format(name=Path(str(location)).name),
        QCoreApplication.translate("main_window", "Cancel"),
        0,
        0,
        parent,
    )
    progress.setWindowTitle("Accreditor")
    progress.setMinimumDuration(_OPENING_SHOWN_AFTER_MS)

    def done(event: OpenedEvent | None) -> None:
        if cancelled and event is not None:
            event.store.close()  # opened after all, but the user has moved on
        opened.append(None if cancelled else event)
        waiting.quit()

    def failed(error: BaseException) -> None:
        nonlocal needs_passphrase
        needs_passphrase = isinstance(error, PassphraseRequiredError)
        if not cancelled and not needs_passphrase:
            _title, text, details = messages.describe(error)
            messages.show_error(
                parent, QCoreApplication.translate("main_window", "Cannot open the event"), text, details=details
            )
        done(None)

    def cancel() -> None:
        nonlocal cancelled
        cancelled = True
        waiting.quit()

    # The job belongs to the application: a store opened after a cancel still reaches `done`, which closes it.
    owner = QCoreApplication.instance() or progress
    jobs.run_in_background(
        owner,
        lambda _context: look_at(EventStore.open(location, station=station, passphrase=passphrase)),
        success=done,
        failure=failed,
    )
    progress.canceled.connect(cancel)
    if not opened and not cancelled:
        waiting.exec()
    progress.canceled.disconnect(cancel)
    progress.reset()
    progress.deleteLater()
    event = opened[0] if opened else None
    if needs_passphrase and not cancelled:  # an older event: upgrading it seals its key with a new passphrase
        chosen = ask_upgrade_passphrase(parent, display_name(str(location)))
        if chosen is None:
            return None
        return open_event(parent, location, station=station, remember_as=remember_as, passphrase=chosen)
    if event is not None:
        remember_event(remember_as or location)
    return event


@dataclass(frozen=True, slots=True)
class OpenedEvent:
    """An event just opened, with whether it has users: read in the opening's own background job, so the
    login that follows asks the database nothing on the UI thread."""

    store: EventStore
    has_users: bool


def look_at(store: EventStore) -> OpenedEvent:
    """`store` with whether it has users (off the UI thread); the store is closed if that cannot be read."""
    try:
        return OpenedEvent(store, users.event_has_users(store))
    except BaseException:
        store.close()
        raise


def remember_event(location: str | Path) -> None:
    """The event opens next time, and heads the File › Recent events list."""
    QSettings().setValue(LAST_EVENT_KEY, str(location))
    recent = [str(location), *(entry for entry in recent_events() if entry != str(location))]
    QSettings().setValue(RECENT_EVENTS_KEY, recent[:RECENT_EVENTS_KEPT])


def recent_events() -> list[str]:
    value = QSettings().value(RECENT_EVENTS_KEY, [])
    if isinstance(value, str):  # QSettings gives a single entry back as a plain string
        value = [value]
    return [str(entry) for entry in value or [] if entry]


def event_file_filter() -> str:
    return QCoreApplication.translate("main_window", "Accreditor events ({pattern});;All files (*)").format(
        pattern="*.accreditor"
    )


def window_title(event_name: str, station: str = "") -> str:
    """ "<event> — <station> — Accreditor": several desks' windows side by side tell themselves apart."""
    return " — ".join(part for part in (event_name, station, "Accreditor") if part)


class Mode(IntEnum):
    """The pages of the window, in the order of the stack."""

    DESK = 0
    GUESTS = 1
    ORGANISER = 2
    REPORTS = 3
    GATE = 4


class MainWindow(QMainWindow):
    """Owns the open `EventStore` and its session: closes it when the window closes or another event is opened."""

    def __init__(
        self,
        store: EventStore,
        parent: QWidget | None = None,
        *,
        station: StationSettings | None = None,
        scan_clock: Callable[[], float] = time.monotonic,
        actor: str | None = None,
    ) -> None:
        """`station` defaults to the saved settings; `scan_clock` times keystrokes (tests pass a fake one); `actor`
        is who logged in (`LoginDialog.ask`), by default anyone, unrestricted, as on an event without users."""
        super().__init__(parent)
        self._store = store
        self.station = station or settings.load_settings()
        self.actor = actor if actor is not None else Actor.unrestricted(default_user())
        self.event_session = SessionAdapter(store, self)
        self.model = GuestTableModel(self.event_session.session, self)
        self.guest_list = GuestListWidget(self.model)
        self.desk_controller = DeskController(
            store, self.station, user=self.actor, session=self.event_session.session, parent=self
        )
        self.desk_view = DeskView(self.desk_controller)
        self._organiser_page: OrganiserGuestsPage | None = None  # built when first shown
        self._reports_page: ReportsPage | None = None  # built when first shown
        self.stack = QStackedWidget()
        self.stack.insertWidget(Mode.DESK, self.desk_view)
        self.stack.insertWidget(Mode.GUESTS, self.guest_list)
        self.stack.insertWidget(Mode.ORGANISER, QWidget())  # a stand-in until the page is first shown
        self.stack.insertWidget(Mode.REPORTS, QWidget())
        self.gate_page = QStackedWidget()  # holds the gate view once the operator has set the gate up
        self.gate_view: GateView | None = None
        self._gate_opening = False  # a gate is being opened in the background
        self.stack.insertWidget(Mode.GATE, self.gate_page)
        self.setCentralWidget(self.stack)
        self._guest_list_stale = False  # the session changed while the guest list was hidden
        self._desk_echoes: list[Changes] = []  # what the desk wrote and showed, on its way through the session
        self._mode_group = QActionGroup(self)  # exclusive: one mode at a time

        self.new_action = self._action(self.tr("&New event…"), QKeySequence.StandardKey.New, self.new_event)
        self.new_action.setToolTip(self.tr("Create an event file with the standard categories and zones"))
        self.open_action = self._action(self.tr("&Open event…"), QKeySequence.StandardKey.Open, self.choose_event)
        self.open_action.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton))
        self.connect_action = self._action(self.tr("&Connect to event server…"), QKeySequence(), self.connect_to_server)
        self.connect_action.setToolTip(
            self.tr("Open an event on the venue's PostgreSQL server, shared by every station")
        )
        self.reload_action = self._action(self.tr("&Reload"), QKeySequence.StandardKey.Refresh, self.reload)
        self.reload_action.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_BrowserReload))
        self.reload_action.setToolTip(self.tr("Reload the guests (changes made at other desks)"))
        self.settings_action = self._action(self.tr("S&ettings…"), QKeySequence("Ctrl+,"), self.edit_settings)
        self.settings_action.setToolTip(self.tr("Station name, printer, badge layout, auto-print, sounds"))
        self.quit_action = self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        self.desk_mode_action = self._mode_action(self.tr("&Desk"), "F2", Mode.DESK)
        self.desk_mode_action.setToolTip(self.tr("Find, check in and print at the desk (F2)"))
        self.guests_mode_action = self._mode_action(self.tr("&Guests"), "F3", Mode.GUESTS)
        self.guests_mode_action.setToolTip(self.tr("The guest list (F3)"))
        self.organiser_mode_action = self._mode_action(self.tr("&Organiser"), "F6", Mode.ORGANISER)
        self.organiser_mode_action.setToolTip(
            self.tr("Accreditation: approve, reject, revoke, categories and zones (F6)")
        )
        self.reports_mode_action = self._mode_action(self.tr("&Reports"), "F7", Mode.REPORTS)
        self.reports_mode_action.setToolTip(self.tr("Attendance: expected and checked in, arrivals (F7)"))
        self.gate_mode_action = self._mode_action(self.tr("G&ate"), "Ctrl+G", Mode.GATE)
        self.gate_mode_action.setToolTip(self.tr("Scan badges at a door: green, orange or red (Ctrl+G)"))
        self._mode_actions = {
            Mode.DESK: self.desk_mode_action,
            Mode.GUESTS: self.guests_mode_action,
            Mode.ORGANISER: self.organiser_mode_action,
            Mode.REPORTS: self.reports_mode_action,
            Mode.GATE: self.gate_mode_action,
        }
        self.import_action = self._action(self.tr("&Import guest list…"), QKeySequence("Ctrl+I"), self.import_guests)
        self.import_action.setToolTip(self.tr("Import a registration list (CSV, Excel, OpenDocument)"))
        self.designer_action = self._action(
            self.tr("&Badge designer…"), QKeySequence("Ctrl+Shift+D"), self.open_designer
        )
        self.designer_action.setToolTip(self.tr("Design badge layouts with a live preview of real guests"))
        self.categories_action = self._action(self.tr("&Categories and zones…"), QKeySequence(), self.edit_categories)

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addActions([self.new_action, self.open_action, self.connect_action])
        self.recent_menu = file_menu.addMenu(self.tr("Recent &events"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addActions([self.import_action, self.reload_action, self.settings_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        tools_menu = self.menuBar().addMenu(self.tr("&Tools"))
        tools_menu.addActions([self.import_action, self.designer_action, self.categories_action])
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addActions(list(self._mode_actions.values()))
        toolbar = self.addToolBar(self.tr("Event"))
        toolbar.setObjectName("event_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions(list(self._mode_actions.values()))
        toolbar.addSeparator()
        toolbar.addActions([self.open_action, self.reload_action, self.settings_action])

        self.station_label = QLabel()
        self.file_label = QLabel()
        self.printer_label = QLabel()
        self.checkin_label = QLabel()
        self.counts_label = QLabel()  # the guest list's own counts, shown in Guests mode
        for label in (self.station_label, self.file_label, self.printer_label, self.counts_label, self.checkin_label):
            label.setContentsMargins(6, 0, 12, 0)
        self.station_label.setStyleSheet("font-weight: bold;")
        self.user_label = QLabel()
        self.user_label.setContentsMargins(6, 0, 12, 0)
        for label in (self.station_label, self.user_label, self.file_label, self.printer_label):
            self.statusBar().addWidget(label)
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().addPermanentWidget(self.checkin_label)
        self.live_station = LiveStation(self.event_session, self)  # other stations' changes, and the server's state
        self.statusBar().addPermanentWidget(self.live_station.status_label)
        self.addToolBarBreak()
        self.addToolBar(self.live_station.banner)
        self.model.modelReset.connect(self._show_counts)
        self.event_session.loaded.connect(self._session_loaded)
        self.event_session.changed.connect(self._session_changed)
        self.event_session.indexed.connect(self.guest_list.index_ready)
        self.desk_controller.changes_made.connect(self._desk_wrote)
        self.event_session.indexed.connect(self.desk_controller.session_ready)
        # While the server is away the desk queues its check-ins at once; once it is back it sends them.
        self.live_station.offline_changed.connect(self.desk_controller.set_offline)
        self.guest_list.guest_activated.connect(self.show_at_desk)

        self.scan_detector = ScanDetector(self, clock=scan_clock)
        self.scan_detector.scanned.connect(self.route_scan)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self.scan_detector.install(app)

        self.inactivity_lock = InactivityLock(0, self)
        self.inactivity_lock.locked.connect(self.lock)
        if isinstance(app, QApplication):
            app.installEventFilter(self.inactivity_lock)
        self._arm_lock()

        self._show_event()
        self.resize(1280, 760)
        self.set_mode(Mode.DESK)
        self.event_session.start()
        self.live_station.follow(store)

    def _action(
        self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey, slot: Callable[[], object]
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    def _mode_action(self, text: str, shortcut: str, mode: Mode) -> QAction:
        action = self._action(text, QKeySequence(shortcut), lambda: self.set_mode(mode))
        action.setCheckable(True)
        self._mode_group.addAction(action)
        return action

    @property
    def store(self) -> EventStore:
        return self._store

    @property
    def organiser_page(self) -> "OrganiserGuestsPage":
        """The organiser's workspace, built when first asked for: its dialogs bring badge rendering along."""
        if self._organiser_page is None:
            from ui.organiser.guests_page import OrganiserGuestsPage  # noqa: PLC0415 - see TYPE_CHECKING

            self._organiser_page = OrganiserGuestsPage(self.event_session, user=self.actor)
            self._put_page(Mode.ORGANISER, self._organiser_page)
        return self._organiser_page

    @property
    def reports_page(self) -> "ReportsPage":
        """The reports, built when first asked for: their PDF and workbook export bring ReportLab along."""
        if self._reports_page is None:
            from ui.organiser.reports_page import ReportsPage  # noqa: PLC0415 - see TYPE_CHECKING

            self._reports_page = ReportsPage(self._store)
            self._reports_page.actor = self.actor
            self._put_page(Mode.REPORTS, self._reports_page)
        return self._reports_page

    def _build_page(self, mode: Mode) -> None:
        """The organiser's and the reports' pages are built before they are first shown."""
        builders: dict[Mode, Callable[[], QWidget]] = {
            Mode.ORGANISER: lambda: self.organiser_page,
            Mode.REPORTS: lambda: self.reports_page,
        }
        if mode in builders:
            builders[mode]()

    def _put_page(self, mode: Mode, page: QWidget) -> None:
        """`page` takes the place of its stand-in in the stack (never the current page: see `set_mode`)."""
        stand_in = self.stack.widget(mode)
        self.stack.removeWidget(stand_in)
        stand_in.deleteLater()
        self.stack.insertWidget(mode, page)

    # -- modes ---------------------------------------------------------------------------------

    def mode(self) -> Mode:
        return Mode(self.stack.currentIndex())

    def set_mode(self, mode: Mode) -> None:
        if mode == Mode.GATE and self.gate_view is None:
            self._mode_actions[self.mode()].setChecked(True)
            self._set_up_gate()  # Gate mode follows once the gate is open
            return
        if mode == Mode.GUESTS and self._guest_list_stale:
            self._refresh_guest_list()
        self._build_page(mode)
        self.stack.setCurrentIndex(mode)
        self._mode_actions[mode].setChecked(True)
        self.counts_label.setVisible(mode == Mode.GUESTS)
        self.stack.currentWidget().setFocus()

    def route_scan(self, text: str) -> None:
        """A scan goes to the gate in Gate mode, and to the desk from any other mode or dialog."""
        if self.mode() == Mode.GATE and self.gate_view is not None:
            self.gate_view.handle_scan(text)
            return
        if self.mode() != Mode.DESK:
            self.set_mode(Mode.DESK)
        self.desk_view.handle_scan(text)

    def _set_up_gate(self) -> None:
        """Ask for the gate's zone and direction, then open the gate in the background and enter Gate mode;
        nothing happens when the operator cancels, and a gate that cannot be opened says why."""
        from ui.gate.gate_setup_dialog import GateSetupDialog  # noqa: PLC0415 - loaded when first used, so the window shows sooner
        from ui.gate.gate_view import open_event_gate_view  # noqa: PLC0415 - loaded when first used, so the window shows sooner

        if self._gate_opening:
            return
        zones = {zone.code: zone.name for zone in self.event_session.session.zones()}
        choice = GateSetupDialog.ask(self, zones, allow_package=False)
        if choice is None:
            return
        context = choice.context(station=self.station.station_name, operator=self.actor)
        store = self._store

        def opened(view: "GateView") -> None:
            self._gate_opened()
            if store is not self._store:  # another event was opened meanwhile: this gate is not wanted
                view.close_gate()
                view.deleteLater()
                return
            self.gate_view = view
            self.gate_page.addWidget(view)
            self.set_mode(Mode.GATE)

        def failed(error: BaseException) -> None:
            self._gate_opened()
            _title, text, details = messages.describe(error)
            messages.show_error(self, self.tr("Cannot open the gate"), text, details=details)

        self._gate_opening = True
        self.statusBar().showMessage(self.tr("Opening the gate…"))
        open_event_gate_view(
            self, store, context, success=opened, failure=failed, verdict_seconds=choice.verdict_seconds
        )

    def _gate_opened(self) -> None:
        self._gate_opening = False
        self.statusBar().clearMessage()

    def _close_gate(self) -> None:
        if self.gate_view is not None:
            self.gate_view.close_gate()
            self.gate_page.removeWidget(self.gate_view)
            self.gate_view.deleteLater()
            self.gate_view = None

    def show_at_desk(self, guest_id: int) -> None:
        self.set_mode(Mode.DESK)
        self.desk_view.show_guest(guest_id)

    # -- the event -----------------------------------------------------------------------------

    def choose_event(self) -> None:
        """Open another event in this window (the one open stays if the user cancels or it fails)."""
        location = ask_event_file(self)
        if location is not None:
            self.open_recent(location)

    def new_event(self) -> None:
        from ui.new_event_dialog import NewEventDialog, create_event  # noqa: PLC0415 - loaded when first used, so the window shows sooner

        chosen = NewEventDialog.ask(self)
        if chosen is not None:
            self._switch_to(lambda: create_event(chosen), chosen.path, self.tr("Cannot create the event"))

    def open_recent(self, location: str, passphrase: str | None = None) -> None:
        """A remembered event; a server's URL holds no password, so if it is refused the server dialog asks.
        One made by an older version is upgraded, after asking the passphrase to seal its key."""
        station = self.station.station_name

        def failed(error: BaseException) -> bool:
            if not is_server_url(location):
                return False
            self._show_open_error(error, self.tr("Cannot open the event"))
            self.connect_to_server(previous=location)
            return True

        self._switch_to(
            lambda: EventStore.open(location, station=station, passphrase=passphrase),
            location,
            self.tr("Cannot open the event"),
            on_failure=failed,
            reopen_with=lambda chosen: self.open_recent(location, chosen),
        )

    def connect_to_server(self, previous: str = "") -> None:
        """File › Connect to event server…: the event opens off the UI thread, remembered without its password."""
        last = last_event()
        if not previous and last is not None and is_server_url(last):
            previous = last
        chosen = ServerDialog.ask(self, previous=previous)
        if chosen is not None:
            self.open_server(chosen.open_with, chosen.remember_as)

    def open_server(self, open_with: str, remember_as: str, passphrase: str | None = None) -> None:
        station = self.station.station_name
        self._switch_to(
            lambda: EventStore.open(open_with, station=station, passphrase=passphrase),
            remember_as,
            self.tr("Cannot connect to the event server"),
            reopen_with=lambda chosen: self.open_server(open_with, remember_as, chosen),
        )

    def _switch_to(
        self,
        make_store: Callable[[], EventStore],
        location: str | Path,
        failure_title: str,
        *,
        on_failure: Callable[[BaseException], bool] | None = None,
        reopen_with: Callable[[str], None] | None = None,
    ) -> None:
        """Open (or create) the event off the UI thread, as checking or upgrading the file may take a while;
        the window shows it once it is open, and says why if it cannot be (unless `on_failure` took care of it).

        An event made by an older version must be upgraded, which seals its key: the user is asked for a
        passphrase and `reopen_with(passphrase)` opens it again."""

        def opened(event: OpenedEvent) -> None:
            store = event.store
            actor = LoginDialog.ask(self, store, station=self.station.station_name, has_users=event.has_users)
            if actor is None:  # nobody logged in to the other event: this one stays open
                store.close()
                return
            remember_event(location)
            self.set_store(store)
            self.set_actor(actor)
            self._arm_lock()

        def failed(error: BaseException) -> None:
            if isinstance(error, PassphraseRequiredError) and reopen_with is not None:
                chosen = ask_upgrade_passphrase(self, display_name(str(location)))
                if chosen is not None:
                    reopen_with(chosen)
                return
            if on_failure is not None and on_failure(error):
                return
            self._show_open_error(error, failure_title)

        jobs.run_in_background(
            self, lambda _context: look_at(make_store()), success=opened, failure=failed, label=failure_title
        )

    def _show_open_error(self, error: BaseException, failure_title: str) -> None:
        title, text, details = messages.describe(error)
        messages.show_error(self, failure_title or title, text, details=details)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for location in recent_events():
            action = self.recent_menu.addAction(location)
            action.triggered.connect(lambda _checked=False, chosen=location: self.open_recent(chosen))
        self.recent_menu.setEnabled(bool(recent_events()))

    def set_store(self, store: EventStore) -> None:
        if self.mode() == Mode.GATE:
            self.set_mode(Mode.DESK)
        self._close_gate()
        previous, self._store = self._store, store
        self.event_session.set_store(store)
        self.model.set_session(self.event_session.session)
        self.desk_controller.set_store(store, self.event_session.session)
        self.desk_view.start_over()
        if self._reports_page is not None:
            self._reports_page.set_store(store)
        self._guest_list_stale = False
        self.live_station.follow(store)  # stops the previous event's watcher before its store closes
        previous.close()
        self._show_event()

    def reload(self) -> None:
        """Read the event again: guests, check-ins and prints from other desks."""
        self.event_session.reload()

    def import_guests(self) -> None:
        """The import wizard; what it wrote shows everywhere at once."""
        from ui.organiser.import_wizard import ImportWizard  # noqa: PLC0415 - loaded when first used, so the window shows sooner

        report = ImportWizard.run(self, self._store)
        if report is not None and report.written:
            self.event_session.apply(Changes.of(Topic.GUESTS, all_guests=True))

    def open_designer(self) -> None:
        """The designer is a window of its own, so the desk stays usable beside it."""
        from ui.organiser.designer import BadgeDesigner  # noqa: PLC0415 - loaded when first used, so the window shows sooner

        designer = BadgeDesigner(self._store, parent=self, layout=self.station.layout)
        designer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        designer.show()

    def edit_categories(self) -> None:
        from ui.organiser.categories_editor import CategoriesEditorDialog  # noqa: PLC0415 - loaded when first used, so the window shows sooner

        if CategoriesEditorDialog.edit(self, self._store):
            self.event_session.apply(Changes.of(Topic.CATEGORIES))

    def _session_changed(self, changes: Changes) -> None:
        """One change signal for the whole window: each view refreshes what it shows, hidden ones when shown."""
        if changes in self._desk_echoes:
            self._desk_echoes.remove(changes)  # the desk made it and has shown it already
        else:  # approvals and revocations change what the desk may do: it reads them at once
            self.desk_controller.reload()
            self.desk_view.refresh()
        if self._reports_page is not None:
            self._reports_page.mark_stale()
        self._show_checkins()
        self._show_counts()
        self._guest_list_follows()

    def _session_loaded(self) -> None:
        """The event's guests are in memory: the title, the counts, and the guest list."""
        self._show_event()
        self._guest_list_follows()

    def _guest_list_follows(self) -> None:
        """The guest list shows the session's guests now if it is on screen, else when it is next shown."""
        if self.mode() == Mode.GUESTS:
            self._refresh_guest_list()
        else:
            self._guest_list_stale = True

    def _refresh_guest_list(self) -> None:
        self._guest_list_stale = False
        if self.model.session is not self.event_session.session:
            self.model.set_session(self.event_session.session)
        else:
            self.model.refresh()

    def _show_event(self) -> None:
        session = self.event_session.session
        name = session.event.name if session.is_loaded else self._store.display_name
        self.setWindowTitle(window_title(name, self.station.station_name))
        self.file_label.setText(self._store.display_name)
        # A database URL may hold a password: only a file's path is worth showing in full.
        location = self._store.location
        self.file_label.setToolTip(location if Path(location).is_file() else self._store.display_name)
        self._show_station()
        self._show_counts()
        self._show_checkins()

    def _show_station(self) -> None:
        # The words of `users.describe` and `users.NO_USERS_NOTE`, in the app's language.
        if not getattr(self.actor, "authenticated", True):
            self.user_label.setText(self.tr("{user} (no users: everything allowed)").format(user=self.actor))
            self.user_label.setToolTip(
                self.tr(
                    "This event has no users: anyone with the file may do everything (one-laptop use); "
                    "`accreditor users add EVENT NAME --role organiser` creates the first organiser."
                )
            )
        else:
            role = QCoreApplication.translate("main_window", ROLE_NAMES[role_of(self.actor)])
            self.user_label.setText(self.tr("{user} ({role})").format(user=self.actor, role=role))
            self.user_label.setToolTip(self.tr("Who is logged in, and their role"))
        self._enable_what_the_role_allows()
        self.station_label.setText(self.station.station_name)
        self.station_label.setToolTip(self.tr("This station's name, recorded with every check-in and print"))
        printer = self.station.printer or settings.system_default()
        self.printer_label.setText(self.tr("Printer: {printer}").format(printer=printer))

    def _show_counts(self) -> None:
        guests = self.model.guest_count()
        counts = (
            self.tr("1 guest · {checked_in} checked in")
            if guests == 1
            else self.tr("{guests} guests · {checked_in} checked in")
        ).format(guests=i18n.number_text(guests), checked_in=i18n.number_text(self.model.checked_in_count()))
        self.counts_label.setText(counts)

    def _show_checkins(self) -> None:
        if not self.event_session.is_loaded():
            self.checkin_label.setText(self.tr("Loading guests…"))
            return
        counts = self.event_session.session.counts()
        self.checkin_label.setText(
            self.tr("{checked_in} checked in / {expected} expected").format(
                checked_in=i18n.number_text(counts.checked_in), expected=i18n.number_text(counts.expected)
            )
        )

    def _desk_wrote(self, changes: Changes) -> None:
        """What the desk wrote (its services applied it to the shared session already) reaches every other
        view through the session's one `changed` signal; the desk itself has shown it."""
        self._desk_echoes.append(changes)
        self.event_session.announce(changes)

    # -- the station ---------------------------------------------------------------------------

    def edit_settings(self) -> None:
        chosen = settings.SettingsDialog.ask(self, self.station)
        if chosen is None:
            return
        settings.save_settings(chosen)
        self.station = chosen
        self.desk_controller.set_settings(chosen)
        self._arm_lock()
        self._show_event()

    # -- who works here --------------------------------------------------------------------------

    def _enable_what_the_role_allows(self) -> None:
        """Menus offer what the role may do; the core refuses the rest whatever a menu offers."""
        allowed = {
            self.desk_mode_action: Permission.READ_GUESTS,
            self.guests_mode_action: Permission.READ_GUESTS,
            self.organiser_mode_action: Permission.DECIDE,
            self.reports_mode_action: Permission.READ_REPORTS,
            self.gate_mode_action: Permission.OPERATE_GATE,
            self.import_action: Permission.IMPORT_GUESTS,
            self.categories_action: Permission.CONFIGURE_EVENT,
            self.designer_action: Permission.CONFIGURE_EVENT,
        }
        for action, permission in allowed.items():
            action.setEnabled(can(self.actor, permission))

    def _arm_lock(self) -> None:
        """Only a login can be locked: an event without users has nobody to log back in."""
        logged_in = isinstance(self.actor, Actor) and self.actor.authenticated
        self.inactivity_lock.set_minutes(self.station.lock_after_minutes if logged_in else 0)

    def lock(self) -> None:
        """Hide the event behind the login; whoever logs in works on (the window closes if nobody does)."""
        self.centralWidget().hide()
        actor = LoginDialog.ask(self, self._store, station=self.station.station_name)
        if actor is None:
            self.close()
            return
        self.set_actor(actor)
        self.centralWidget().show()
        self.inactivity_lock.resume()

    def set_actor(self, actor: str) -> None:
        self.actor = actor
        self.desk_controller.user = actor
        if self._organiser_page is not None:
            self._organiser_page.user = actor
        if self._reports_page is not None:
            self._reports_page.actor = actor
        self._show_station()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.scan_detector.uninstall()
        self.live_station.stop()
        jobs.wait_for_jobs(_CLOSE_WAIT_MS)
        self._close_gate()
        self._store.close()
        super().closeEvent(event)
