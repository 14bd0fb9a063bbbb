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
from enum import IntEnum
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMainWindow, QStackedWidget, QStyle, QWidget

from accreditor.changes import Changes, Topic
from accreditor.cli.common import default_user
from accreditor.errors import AccreditorError
from accreditor.migrations import PassphraseRequiredError
from accreditor.store import EventStore
from ui import jobs, messages, settings
from ui.desk.desk_controller import DeskController, GuestDetails
from ui.desk.desk_view import DeskView
from ui.event_session import SessionAdapter
from ui.gate.gate_setup_dialog import GateSetupDialog
from ui.gate.gate_view import GateView
from ui.guest_list import GuestListWidget
from ui.guest_table_model import GuestTableModel
from ui.new_event_dialog import NewEventDialog, create_event
from ui.organiser.categories_editor import CategoriesEditorDialog
from ui.organiser.designer import BadgeDesigner
from ui.organiser.guests_page import OrganiserGuestsPage
from ui.organiser.import_wizard import ImportWizard
from ui.organiser.reports_page import ReportsPage
from ui.scanner import ScanDetector
from ui.settings import StationSettings
from ui.unlock_dialog import ask_upgrade_passphrase

LAST_EVENT_KEY = "events/last"
RECENT_EVENTS_KEY = "events/recent"
RECENT_EVENTS_KEPT = 8
EVENT_FILE_FILTER = "Accreditor events (*.accreditor);;All files (*)"
SYSTEM_DEFAULT_PRINTER = "System default"
# Prints still running when the window closes record themselves; give them this long.
_CLOSE_WAIT_MS = 15_000


def last_event() -> str | None:
    """Where the event opened last time is (a file path or a database URL), if any."""
    value = QSettings().value(LAST_EVENT_KEY, "")
    return str(value) if value else None


def ask_event_file(parent: QWidget | None) -> str | None:
    """Let the user pick an event file (tests monkeypatch this); None when they cancel."""
    previous = last_event()
    folder = Path(previous).parent if previous and Path(previous).is_file() else Path.home()
    path, _selected = QFileDialog.getOpenFileName(parent, "Open event", str(folder), EVENT_FILE_FILTER)
    return path or None


def open_event(parent: QWidget | None, location: str | Path) -> EventStore | None:
    """Open an event and remember it for next start; on failure tell the user why and return None."""
    try:
        try:
            store = EventStore.open(location)
        except PassphraseRequiredError:  # an older event: upgrading it seals its key with a new passphrase
            passphrase = ask_upgrade_passphrase(parent, Path(location).name)
            if passphrase is None:
                return None
            store = EventStore.open(location, passphrase=passphrase)
    except AccreditorError as error:
        messages.show_error(parent, "Cannot open the event", str(error))
        return None
    remember_event(location)
    return store


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
    ) -> None:
        """`station` defaults to the saved settings; `scan_clock` times keystrokes (tests pass a fake one)."""
        super().__init__(parent)
        self._store = store
        self.station = station or settings.load_settings()
        self.event_session = SessionAdapter(store, self)
        self.model = GuestTableModel(self.event_session.session, self)
        self.guest_list = GuestListWidget(self.model)
        self.desk_controller = DeskController(store, self.station, session=self.event_session.session, parent=self)
        self.desk_view = DeskView(self.desk_controller)
        self.organiser_page = OrganiserGuestsPage(self.event_session)
        self.reports_page = ReportsPage(store)
        self.stack = QStackedWidget()
        self.stack.insertWidget(Mode.DESK, self.desk_view)
        self.stack.insertWidget(Mode.GUESTS, self.guest_list)
        self.stack.insertWidget(Mode.ORGANISER, self.organiser_page)
        self.stack.insertWidget(Mode.REPORTS, self.reports_page)
        self.gate_page = QStackedWidget()  # holds the gate view once the operator has set the gate up
        self.gate_view: GateView | None = None
        self.stack.insertWidget(Mode.GATE, self.gate_page)
        self.setCentralWidget(self.stack)
        self._guest_list_stale = False  # the session changed while the guest list was hidden
        self._desk_echoes: list[Changes] = []  # what the desk wrote and showed, on its way through the session
        self._mode_group = QActionGroup(self)  # exclusive: one mode at a time

        self.new_action = self._action("&New event…", QKeySequence.StandardKey.New, self.new_event)
        self.new_action.setToolTip("Create an event file with the standard categories and zones")
        self.open_action = self._action("&Open event…", QKeySequence.StandardKey.Open, self.choose_event)
        self.open_action.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton))
        self.reload_action = self._action("&Reload", QKeySequence.StandardKey.Refresh, self.reload)
        self.reload_action.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_BrowserReload))
        self.reload_action.setToolTip("Reload the guests (changes made at other desks)")
        self.settings_action = self._action("S&ettings…", QKeySequence("Ctrl+,"), self.edit_settings)
        self.settings_action.setToolTip("Station name, printer, badge layout, auto-print, sounds")
        self.quit_action = self._action("&Quit", QKeySequence.StandardKey.Quit, self.close)
        self.desk_mode_action = self._mode_action("&Desk", "F2", Mode.DESK)
        self.desk_mode_action.setToolTip("Find, check in and print at the desk (F2)")
        self.guests_mode_action = self._mode_action("&Guests", "F3", Mode.GUESTS)
        self.guests_mode_action.setToolTip("The guest list (F3)")
        self.organiser_mode_action = self._mode_action("&Organiser", "F6", Mode.ORGANISER)
        self.organiser_mode_action.setToolTip("Accreditation: approve, reject, revoke, categories and zones (F6)")
        self.reports_mode_action = self._mode_action("&Reports", "F7", Mode.REPORTS)
        self.reports_mode_action.setToolTip("Attendance: expected and checked in, arrivals (F7)")
        self.gate_mode_action = self._mode_action("G&ate", "Ctrl+G", Mode.GATE)
        self.gate_mode_action.setToolTip("Scan badges at a door: green, orange or red (Ctrl+G)")
        self._mode_actions = {
            Mode.DESK: self.desk_mode_action,
            Mode.GUESTS: self.guests_mode_action,
            Mode.ORGANISER: self.organiser_mode_action,
            Mode.REPORTS: self.reports_mode_action,
            Mode.GATE: self.gate_mode_action,
        }
        self.import_action = self._action("&Import guest list…", QKeySequence("Ctrl+I"), self.import_guests)
        self.import_action.setToolTip("Import a registration list (CSV, Excel, OpenDocument)")
        self.designer_action = self._action("&Badge designer…", QKeySequence("Ctrl+Shift+D"), self.open_designer)
        self.designer_action.setToolTip("Design badge layouts with a live preview of real guests")
        self.categories_action = self._action("&Categories and zones…", QKeySequence(), self.edit_categories)

        file_menu = self.menuBar().addMenu("&File")
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = file_menu.addMenu("Recent &events")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addActions([self.import_action, self.reload_action, self.settings_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        tools_menu = self.menuBar().addMenu("&Tools")
        tools_menu.addActions([self.import_action, self.designer_action, self.categories_action])
        view_menu = self.menuBar().addMenu("&View")
        view_menu.addActions(list(self._mode_actions.values()))
        toolbar = self.addToolBar("Event")
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
        for label in (self.station_label, self.file_label, self.printer_label):
            self.statusBar().addWidget(label)
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().addPermanentWidget(self.checkin_label)
        self.model.modelReset.connect(self._show_counts)
        self.event_session.loaded.connect(self._session_loaded)
        self.event_session.changed.connect(self._session_changed)
        self.event_session.indexed.connect(self.guest_list.index_ready)
        self.desk_controller.guest_changed.connect(self._desk_wrote)
        self.event_session.indexed.connect(self.desk_controller.session_ready)
        self.guest_list.guest_activated.connect(self.show_at_desk)

        self.scan_detector = ScanDetector(self, clock=scan_clock)
        self.scan_detector.scanned.connect(self.route_scan)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self.scan_detector.install(app)

        self._show_event()
        self.resize(1280, 760)
        self.set_mode(Mode.DESK)
        self.event_session.start()

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

    # -- modes ---------------------------------------------------------------------------------

    def mode(self) -> Mode:
        return Mode(self.stack.currentIndex())

    def set_mode(self, mode: Mode) -> None:
        if mode == Mode.GATE and self.gate_view is None and not self._set_up_gate():
            self._mode_actions[self.mode()].setChecked(True)
            return
        if mode == Mode.GUESTS and self._guest_list_stale:
            self._refresh_guest_list()
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

    def _set_up_gate(self) -> bool:
        """Ask for the gate's zone and direction; False when the operator cancels."""
        zones = {zone.code: zone.name for zone in self.event_session.session.zones()}
        choice = GateSetupDialog.ask(self, zones, allow_package=False)
        if choice is None:
            return False
        context = choice.context(station=self.station.station_name, operator=default_user())
        self.gate_view = GateView.for_event(self._store, context, verdict_seconds=choice.verdict_seconds)
        self.gate_page.addWidget(self.gate_view)
        return True

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
        chosen = NewEventDialog.ask(self)
        if chosen is not None:
            self._switch_to(lambda: create_event(chosen), chosen.path, "Cannot create the event")

    def open_recent(self, location: str, passphrase: str | None = None) -> None:
        """Open an event; one made by an older version is upgraded, after asking the passphrase to seal its key."""

        def needs_passphrase(error: BaseException) -> None:
            if not isinstance(error, PassphraseRequiredError):
                _title, text, details = messages.describe(error)
                messages.show_error(self, "Cannot open the event", text, details=details)
                return
            chosen = ask_upgrade_passphrase(self, Path(location).name)
            if chosen is not None:
                self.open_recent(location, chosen)

        self._switch_to(
            lambda: EventStore.open(location, passphrase=passphrase),
            location,
            "Cannot open the event",
            failure=needs_passphrase,
        )

    def _switch_to(
        self,
        make_store: Callable[[], EventStore],
        location: str | Path,
        failure_title: str,
        failure: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Open (or create) the event off the UI thread, as checking or upgrading the file may take a while;
        the window shows it once it is open, and says why if it cannot be."""

        def opened(store: EventStore) -> None:
            remember_event(location)
            self.set_store(store)

        jobs.run_in_background(
            self, lambda _context: make_store(), success=opened, failure=failure, label=failure_title
        )

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
        self.reports_page.set_store(store)
        self._guest_list_stale = False
        previous.close()
        self._show_event()

    def reload(self) -> None:
        """Read the event again: guests, check-ins and prints from other desks."""
        self.event_session.reload()

    def import_guests(self) -> None:
        """The import wizard; what it wrote shows everywhere at once."""
        report = ImportWizard.run(self, self._store)
        if report is not None and report.written:
            self.event_session.apply(Changes.of(Topic.GUESTS, all_guests=True))

    def open_designer(self) -> None:
        """The designer is a window of its own, so the desk stays usable beside it."""
        designer = BadgeDesigner(self._store, parent=self, layout=self.station.layout)
        designer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        designer.show()

    def edit_categories(self) -> None:
        if CategoriesEditorDialog.edit(self, self._store):
            self.event_session.apply(Changes.of(Topic.CATEGORIES))

    def _session_changed(self, changes: Changes) -> None:
        """One change signal for the whole window: each view refreshes what it shows, hidden ones when shown."""
        if changes in self._desk_echoes:
            self._desk_echoes.remove(changes)  # the desk made it and has shown it already
        else:  # approvals and revocations change what the desk may do: it reads them at once
            self.desk_controller.reload()
            self.desk_view.refresh()
        self.reports_page.mark_stale()
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
        self.station_label.setText(self.station.station_name)
        self.station_label.setToolTip("This station's name, recorded with every check-in and print")
        self.printer_label.setText(f"Printer: {self.station.printer or SYSTEM_DEFAULT_PRINTER}")

    def _show_counts(self) -> None:
        guests = self.model.guest_count()
        noun = "guest" if guests == 1 else "guests"
        self.counts_label.setText(f"{guests} {noun} · {self.model.checked_in_count()} checked in")

    def _show_checkins(self) -> None:
        if not self.event_session.is_loaded():
            self.checkin_label.setText("Loading guests…")
            return
        counts = self.event_session.session.counts()
        self.checkin_label.setText(f"{counts.checked_in} checked in / {counts.expected} expected")

    def _desk_wrote(self, details: GuestDetails) -> None:
        """What the desk wrote reaches the session, and through it every other view."""
        changes = Changes.of(Topic.GUESTS, Topic.CHECK_INS, Topic.PRINTS, guests=[details.guest.id])
        self._desk_echoes.append(changes)
        self.event_session.apply(changes)

    # -- the station ---------------------------------------------------------------------------

    def edit_settings(self) -> None:
        chosen = settings.SettingsDialog.ask(self, self.station)
        if chosen is None:
            return
        settings.save_settings(chosen)
        self.station = chosen
        self.desk_controller.set_settings(chosen)
        self._show_event()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.scan_detector.uninstall()
        jobs.wait_for_jobs(_CLOSE_WAIT_MS)
        self._close_gate()
        self._store.close()
        super().closeEvent(event)
