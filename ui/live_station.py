"""Live refresh between stations: what another desk or gate commits shows here within 2 seconds.

`LiveStation` runs the Qt-free change watcher (`accreditor.live`) of the open event on a thread of its
own and hands every batch of `Changes` it reports to the event's session (`SessionAdapter.apply`:
applied off the UI thread, then the one `changed` signal every view listens to).  It also keeps the
status bar's connection label true: connected / reconnecting, and how many stations are on the
event server, asked off the UI thread every few seconds.

The watcher is opened off the UI thread too, since reaching a server may take seconds; it is stopped
(and its connection closed) when the event closes or another one is opened.
"""

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QToolBar, QWidget

from accreditor import live
from accreditor.changes import Changes
from accreditor.errors import AccreditorError
from accreditor.store import EventStore
from ui import i18n, jobs
from ui.event_session import SessionAdapter

OFFLINE_TEXT = QT_TRANSLATE_NOOP(
    "live_station",
    "The event server cannot be reached. Guests are still found from this station's copy, and check-ins are "
    "kept at this desk and sent when it is back; prints and decisions wait for it. This station keeps trying.",
)

# How often the status bar asks the server who is online (a cheap query on pg_stat_activity).
STATUS_INTERVAL_MS = 3_000


@dataclass(frozen=True, slots=True)
class ConnectionState:
    """What the status bar says about the event's server."""

    server: bool  # False for an event file: there is nothing to lose a connection to
    connected: bool
    stations: tuple[str, ...] = ()

    def text(self) -> str:
        if not self.server:
            return QCoreApplication.translate("live_station", "Live: event file")
        if not self.connected:
            return QCoreApplication.translate("live_station", "Server: reconnecting…")
        count = len(self.stations)
        online = (
            QCoreApplication.translate("live_station", "Server: connected · 1 station online")
            if count == 1
            else QCoreApplication.translate("live_station", "Server: connected · {count} stations online")
        )
        return online.format(count=i18n.number_text(count))

    def tooltip(self) -> str:
        if not self.server:
            return QCoreApplication.translate(
                "live_station", "Other apps on this computer that open the same event file show each other's changes"
            )
        if not self.connected:
            return QCoreApplication.translate(
                "live_station", "The event server cannot be reached; this station keeps trying"
            )
        return QCoreApplication.translate("live_station", "Stations connected to the event server: {stations}").format(
            stations=", ".join(self.stations)
        )


def probe(store: EventStore, watcher: live.ChangeWatcher | None) -> ConnectionState:
    """The connection state now; asks the server only while the watcher is connected (else it would wait)."""
    if not store.is_server:
        return ConnectionState(server=False, connected=True)
    if watcher is None or not watcher.connected:
        return ConnectionState(server=True, connected=False)
    try:
        stations = tuple(live.stations_online(store))
    except AccreditorError:  # the server went away between the watcher's last word and this question
        return ConnectionState(server=True, connected=False)
    return ConnectionState(server=True, connected=True, stations=stations)


class LiveStation(QObject):
    """Watches the session's event for other stations' changes, and shows the connection in `status_label`."""

    _arrived = Signal(object)  # Changes, emitted on the watcher's thread; Qt queues it to the UI thread
    state_changed = Signal(object)  # ConnectionState
    offline_changed = Signal(bool)  # True while the banner shows: the event server was reached, then lost

    def __init__(self, session: SessionAdapter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._store: EventStore | None = None
        self._watcher: live.ChangeWatcher | None = None
        self._thread: live.WatcherThread | None = None
        self._generation = 0  # bumped when the event changes: a late watcher of the old event is closed unused
        self._probing = False
        self.offline = False
        self.state = ConnectionState(server=False, connected=True)
        self.status_label = QLabel()
        self.status_label.setContentsMargins(6, 0, 12, 0)
        self.banner = QToolBar(self.tr("Event server"))  # across the window, above the page, while the server is away
        self.banner.setObjectName("offline_banner")
        self.banner.setMovable(False)
        self.banner.toggleViewAction().setVisible(False)  # not for the toolbar menu: it shows when it must
        banner_text = QLabel(QCoreApplication.translate("live_station", OFFLINE_TEXT))
        banner_text.setWordWrap(True)
        banner_text.setStyleSheet("background: #C62828; color: white; font-weight: bold; padding: 6px;")
        self.banner.addWidget(banner_text)
        self.banner.setVisible(False)
        self._arrived.connect(self._deliver)
        self._timer = QTimer(self)
        self._timer.setInterval(STATUS_INTERVAL_MS)
        self._timer.timeout.connect(self.refresh_status)

    @property
    def watching(self) -> bool:
        """True once the watcher runs (it is opened in the background), until `stop`."""
        return self._thread is not None

    def follow(self, store: EventStore) -> None:
        """Watch `store`'s event (stopping the watcher of the previous one)."""
        self.stop()
        self._store = store
        self._generation += 1
        generation = self._generation
        self._show(ConnectionState(server=store.is_server, connected=not store.is_server))

        def opened(watcher: live.ChangeWatcher) -> None:
            if generation != self._generation:
                watcher.close()  # another event was opened (or the window closed) meanwhile
                return
            self._watcher = watcher
            self._thread = live.WatcherThread(watcher, self._arrived.emit).start()
            self.refresh_status()

        jobs.run_in_background(
            self, lambda _context: live.watch(store), success=opened, label=self.tr("Cannot watch the event")
        )
        self._timer.start()

    def stop(self) -> None:
        """Stop watching: the thread ends and the watcher's connection closes."""
        self._generation += 1
        self._timer.stop()
        thread, self._thread, self._watcher = self._thread, None, None
        if thread is not None:
            thread.stop()

    def refresh_status(self) -> None:
        """Ask the server who is online, off the UI thread; the label follows."""
        store, watcher, generation = self._store, self._watcher, self._generation
        if store is None or self._probing:
            return
        self._probing = True

        def shown(state: ConnectionState) -> None:
            self._probing = False
            if generation == self._generation:
                self._show(state)

        def failed(_error: BaseException) -> None:
            self._probing = False

        jobs.run_in_background(self, lambda _context: probe(store, watcher), success=shown, failure=failed)

    def _show(self, state: ConnectionState) -> None:
        changed = state != self.state
        self.state = state
        self.status_label.setText(state.text())
        self.status_label.setToolTip(state.tooltip())
        offline = state.server and not state.connected and self._watcher is not None
        self.banner.setVisible(offline)
        if offline != self.offline:
            self.offline = offline
            self.offline_changed.emit(offline)
        if changed:
            self.state_changed.emit(state)

    def _deliver(self, changes: Changes) -> None:
        """On the UI thread: the session applies the changes in the background, then says `changed`."""
        if self._thread is not None:
            self._session.apply(changes)
