"""The main window: one open event, its guest list, and the file actions.

Also the two steps every way of opening an event shares (the command line, the last event, the
Open menu): asking for a file and opening it with errors shown, so there is one of each.
"""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QStyle, QWidget

from accreditor.errors import AccreditorError
from accreditor.store import EventStore
from ui import messages
from ui.guest_list import GuestListWidget
from ui.guest_table_model import GuestTableModel

LAST_EVENT_KEY = "events/last"
EVENT_FILE_FILTER = "Accreditor events (*.accreditor);;All files (*)"


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
        store = EventStore.open(location)
    except AccreditorError as error:
        messages.show_error(parent, "Cannot open the event", str(error))
        return None
    QSettings().setValue(LAST_EVENT_KEY, str(location))
    return store


def window_title(event_name: str) -> str:
    return f"{event_name} — Accreditor"


class MainWindow(QMainWindow):
    """Owns the open `EventStore`: closes it when the window closes or another event is opened."""

    def __init__(self, store: EventStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.model = GuestTableModel(store, self)
        self.guest_list = GuestListWidget(self.model)
        self.setCentralWidget(self.guest_list)

        self.open_action = self._action("&Open event…", QKeySequence.StandardKey.Open, self.choose_event)
        self.open_action.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton))
        self.reload_action = self._action("&Reload", QKeySequence.StandardKey.Refresh, self.model.refresh)
        self.reload_action.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_BrowserReload))
        self.reload_action.setToolTip("Reload the guests (changes made at other desks)")
        self.quit_action = self._action("&Quit", QKeySequence.StandardKey.Quit, self.close)
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addActions([self.open_action, self.reload_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        toolbar = self.addToolBar("Event")
        toolbar.setObjectName("event_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.open_action, self.reload_action])

        self.file_label = QLabel()
        self.counts_label = QLabel()
        self.statusBar().addWidget(self.file_label)
        self.statusBar().addPermanentWidget(self.counts_label)
        self.model.modelReset.connect(self._show_counts)

        self._show_event()
        self.resize(1280, 760)
        self.guest_list.setFocus()

    def _action(self, text: str, shortcut: QKeySequence.StandardKey, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    @property
    def store(self) -> EventStore:
        return self._store

    def choose_event(self) -> None:
        """Open another event in this window (the one open stays if the user cancels or it fails)."""
        location = ask_event_file(self)
        if location is None:
            return
        store = open_event(self, location)
        if store is not None:
            self.set_store(store)

    def set_store(self, store: EventStore) -> None:
        previous, self._store = self._store, store
        self.model.set_store(store)
        previous.close()
        self._show_event()

    def _show_event(self) -> None:
        self.setWindowTitle(window_title(self._store.event_info().name))
        self.file_label.setText(self._store.display_name)
        # A database URL may hold a password: only a file's path is worth showing in full.
        location = self._store.location
        self.file_label.setToolTip(location if Path(location).is_file() else self._store.display_name)
        self._show_counts()

    def _show_counts(self) -> None:
        guests = self.model.guest_count()
        noun = "guest" if guests == 1 else "guests"
        self.counts_label.setText(f"{guests} {noun} · {self.model.checked_in_count()} checked in")

    def closeEvent(self, event: QCloseEvent) -> None:
        self._store.close()
        super().closeEvent(event)
