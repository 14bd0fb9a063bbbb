"""What other stations changed, as it happens: the core of live refresh, without Qt.

`ChangeWatcher.wait(timeout)` returns the `Changes` other stations committed since the last call, as
soon as there are any:

- on PostgreSQL the database NOTIFYs every commit (triggers installed by `dialects`) and the watcher
  LISTENs on its own connection, so a change arrives in milliseconds;
- on SQLite (several apps on one laptop) it polls `PRAGMA data_version`, which moves when another
  connection commits, and reads what happened from the audit log and the scan log.

A watcher that loses its server says so (`connected`), keeps trying, and reports everything as changed
once it is back, since notifications sent meanwhile are lost.  `stations_online` counts the desks and
gates connected to an event server.
"""

import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import suppress
from pathlib import Path
from typing import Any, Protocol

from accreditor import dialects
from accreditor.changes import NOTHING, Changes, Topic
from accreditor.store import APPLICATION_NAME_PREFIX, DEFAULT_STATION, EventStore

# How often SQLite is asked whether another connection committed: well inside the 2 s a change may take.
SQLITE_POLL_S = 0.2
_RECONNECT_PAUSE_S = 1.0

# Audit actions → the topic a view refreshes for (by prefix; the longest prefix wins).
_AUDIT_TOPICS: dict[str, Topic] = {
    "guest.": Topic.GUESTS,
    "status.": Topic.GUESTS,
    "guest.checked_in": Topic.CHECK_INS,
    "guest.check_in_undone": Topic.CHECK_INS,
    "guest.photo_set": Topic.PHOTOS,
    "badge.": Topic.PRINTS,
    "category.": Topic.CATEGORIES,
    "zone.": Topic.CATEGORIES,
    "keys.": Topic.EVENT,
    "scans.": Topic.SCANS,
}


class ChangeWatcher(Protocol):
    @property
    def connected(self) -> bool: ...

    def wait(self, timeout: float) -> Changes:
        """Changes committed by others since the last call; waits up to `timeout` s for the first one."""
        ...

    def close(self) -> None: ...


def watch(store: EventStore) -> ChangeWatcher:
    """A watcher on the store's event, for the station the store was opened as."""
    if store.is_server:
        return _PostgresWatcher(store)
    return _SqliteWatcher(store)


def stations_online(store: EventStore) -> list[str]:
    """Names of the stations connected to the event server now (this one included); [] for a file."""
    if not store.is_server:
        return []
    with store.connect() as connection:
        names = dialects.application_names(connection, APPLICATION_NAME_PREFIX)
    return sorted({name.removeprefix(APPLICATION_NAME_PREFIX) for name in names})


def audit_changes(actions: list[tuple[str, int | None]]) -> Changes:
    """What audit entries (action, guest id) say was changed."""
    merged = NOTHING
    for action, guest_id in actions:
        prefix = max((key for key in _AUDIT_TOPICS if action.startswith(key)), key=len, default=None)
        if prefix is None:
            return Changes.everything()
        merged |= Changes.of(_AUDIT_TOPICS[prefix], guests=() if guest_id is None else (guest_id,))
    return merged


class _SqliteWatcher:
    """Polls PRAGMA data_version on a connection of its own; reads the new audit and scan rows."""

    def __init__(self, store: EventStore) -> None:
        self._path = store.location
        self._connection = self._open()
        self._version = self._data_version()
        self._last_audit, self._last_scan = self._watermarks()

    def _open(self) -> sqlite3.Connection:
        uri = Path(self._path).resolve().as_uri() + "?mode=ro"
        connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
        connection.isolation_level = None  # autocommit: each PRAGMA sees the newest commit
        return connection

    @property
    def connected(self) -> bool:
        return True

    def _data_version(self) -> int:
        return dialects.sqlite_data_version(self._connection)

    def _watermarks(self) -> tuple[int, int]:
        audit = self._connection.execute("SELECT coalesce(max(id), 0) FROM audit_log").fetchone()[0]
        scans = self._connection.execute("SELECT coalesce(max(id), 0) FROM scans").fetchone()[0]
        return int(audit), int(scans)

    def wait(self, timeout: float) -> Changes:
        deadline = time.monotonic() + timeout
        while True:
            try:
                version = self._data_version()
            except sqlite3.Error:
                return NOTHING  # the file is being replaced or locked for a moment: look again next time
            if version != self._version:
                self._version = version
                return self._what_changed()
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return NOTHING
            time.sleep(min(SQLITE_POLL_S, remaining))

    def _what_changed(self) -> Changes:
        entries = self._connection.execute(
            "SELECT id, action, guest_id FROM audit_log WHERE id > ? ORDER BY id", (self._last_audit,)
        ).fetchall()
        scanned = self._connection.execute(
            "SELECT id, guest_id FROM scans WHERE id > ? ORDER BY id", (self._last_scan,)
        ).fetchall()
        if not entries and not scanned:
            return Changes.everything()  # a change the logs do not describe (categories, layouts…)
        if entries:
            self._last_audit = entries[-1][0]
        if scanned:
            self._last_scan = scanned[-1][0]
        changes = audit_changes([(action, guest_id) for _id, action, guest_id in entries])
        if scanned:
            guests = [guest_id for _id, guest_id in scanned if guest_id is not None]
            changes |= Changes.of(Topic.SCANS, guests=guests)
        return changes

    def close(self) -> None:
        self._connection.close()


class _PostgresWatcher:
    """LISTENs on the event's notification channel with a psycopg connection of its own."""

    def __init__(self, store: EventStore) -> None:
        self._store = store
        self._own_station = store.station or DEFAULT_STATION
        self._connection: Any = None
        self._missed = False  # notifications may have been lost while disconnected
        self._connect()

    @property
    def connected(self) -> bool:
        return self._connection is not None and not self._connection.closed

    def _connect(self) -> bool:
        import psycopg  # noqa: PLC0415 - present wherever an event server is used

        url = self._store.engine.url
        try:
            self._connection = psycopg.connect(
                host=url.host,
                port=url.port,
                user=url.username,
                password=url.password,
                dbname=url.database,
                autocommit=True,
                connect_timeout=5,
                application_name=(APPLICATION_NAME_PREFIX + self._own_station)[:63],
            )
            self._connection.execute(dialects.listen_statement())
        except psycopg.Error:
            self._connection = None
            return False
        return True

    def wait(self, timeout: float) -> Changes:
        import psycopg  # noqa: PLC0415

        deadline = time.monotonic() + timeout
        if not self.connected:
            if not self._connect():
                time.sleep(min(_RECONNECT_PAUSE_S, max(timeout, 0)))
                return NOTHING
            self._missed = True
        merged = Changes.everything() if self._missed else NOTHING
        self._missed = False
        try:
            for notify in self._notifications(max(deadline - time.monotonic(), 0), stop_early=bool(merged)):
                change = self._decode(notify.payload)
                merged = merged | change if merged else change  # NOTHING | change would forget its origin
        except psycopg.Error:
            with suppress(psycopg.Error):
                self._connection.close()
            self._connection = None
            self._missed = True
        return merged

    def _notifications(self, timeout: float, *, stop_early: bool) -> Iterator[Any]:
        """The first notification within `timeout`, then whatever else is already waiting."""
        if not stop_early:
            yield from self._connection.notifies(timeout=timeout, stop_after=1)
        # The rest of a transaction's notifications arrive together: collect them without waiting long.
        yield from self._connection.notifies(timeout=0.01)

    def _decode(self, payload: str) -> Changes:
        try:
            message = json.loads(payload)
            topic = Topic(message["topic"])
            guests = [int(guest_id) for guest_id in message.get("guests", [])]
        except (ValueError, KeyError, TypeError):
            return Changes.everything()
        station = str(message.get("station", ""))
        station = station.removeprefix(APPLICATION_NAME_PREFIX)
        change = Changes.of(topic, guests=guests, all_guests=bool(message.get("all")))
        origin = "" if station == self._own_station else station
        return Changes(change.topics, change.guest_ids, change.all_guests, origin)

    def close(self) -> None:
        if self._connection is not None:
            with suppress(Exception):
                self._connection.close()
            self._connection = None


class WatcherThread:
    """Runs a watcher in a background thread and hands each batch of changes to `deliver`.

    `deliver` runs on the watcher's thread: the app passes a function that posts to its UI thread.
    """

    def __init__(self, watcher: ChangeWatcher, deliver: Callable[[Changes], None]) -> None:
        self._watcher = watcher
        self._deliver = deliver
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="accreditor-live", daemon=True)

    def start(self) -> "WatcherThread":
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.is_set():
            changes = self._watcher.wait(0.5)
            if changes and not self._stop.is_set():
                self._deliver(changes)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._watcher.close()
