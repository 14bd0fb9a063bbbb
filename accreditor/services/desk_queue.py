"""A desk's check-ins while the event server is out of reach: kept in a small file, sent when it is back.

Each station keeps one queue per event: an SQLite file in the user's data folder (`queue_folder`),
named by the event's uid and the station's name, so it survives a restart of the app or of the
computer.  A queued check-in has a nonce of its own; the server records every nonce it applied
(`checkin.check_in_once`), so sending the queue again — after a crash half-way, or from a copy of
the file — changes nothing.

What sending finds is kept with each entry: checked in, `already` (another desk checked the guest
in first: not a problem, the guest is in), or a `conflict` — the guest was revoked, rejected or
is unknown by the time the check-in arrived.  A conflict is never dropped: it stays in the queue,
shown to staff, until someone acknowledges it.
"""

import os
import re
import sqlite3
import sys
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from hashlib import sha256
from pathlib import Path
from typing import Any

from accreditor import checkin
from accreditor.changes import NOTHING, Changes, Topic
from accreditor.errors import AccreditorError, DatabaseUnavailableError
from accreditor.store import EventStore
from accreditor.vocabulary import CheckInResult

QUEUE_FOLDER_ENV = "ACCREDITOR_DESK_QUEUES"
_FORMAT = "1"


class QueueState(StrEnum):
    """Where a queued check-in stands: `accreditor desk-queue --json`'s "state"."""

    WAITING = "waiting"  # not sent yet
    CHECKED_IN = "checked_in"  # sent: the guest is checked in as of when the desk queued it
    ALREADY = "already"  # sent: another station had checked the guest in first
    CONFLICT = "conflict"  # sent and refused (revoked, rejected, unknown meanwhile): staff must look


class QueueError(AccreditorError):
    """A queue file that cannot be used (another event's, damaged, not writable)."""


def new_nonce() -> str:
    return uuid.uuid4().hex


def queue_folder() -> Path:
    """Where this computer keeps its desks' queues: $ACCREDITOR_DESK_QUEUES, else the user's data folder."""
    chosen = os.environ.get(QUEUE_FOLDER_ENV)
    if chosen:
        return Path(chosen)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "accreditor" / "desk-queues"


def queue_path(event_uid: str, station: str, folder: Path | None = None) -> Path:
    """The queue file of `station` on the event `event_uid`: readable, and distinct for any two names."""
    readable = re.sub(r"[^A-Za-z0-9._-]+", "-", station).strip("-.")[:40] or "station"
    digest = sha256(station.encode("utf-8")).hexdigest()[:8]
    return (folder or queue_folder()) / f"{event_uid}--{readable}-{digest}.queue"


@dataclass(frozen=True, slots=True)
class QueuedCheckIn:
    """One check-in made at this desk while the server was away, and what became of it."""

    nonce: str
    guest_id: int
    guest_name: str
    station: str
    user: str
    queued_at: datetime
    state: QueueState
    message: str = ""  # what sending was told; the refusal's sentence for a conflict
    reason: str = ""  # for a conflict: revoked, rejected, pending, unknown_guest
    sent_at: datetime | None = None
    acknowledged_at: datetime | None = None

    @property
    def waiting(self) -> bool:
        return self.state is QueueState.WAITING

    @property
    def open_conflict(self) -> bool:
        return self.state is QueueState.CONFLICT and self.acknowledged_at is None

    def to_json(self) -> dict[str, Any]:
        return {
            "nonce": self.nonce,
            "guest": self.guest_id,
            "name": self.guest_name,
            "station": self.station,
            "user": self.user,
            "queued_at": self.queued_at.isoformat(),
            "state": str(self.state),
            "reason": self.reason or None,
            "message": self.message,
            "sent_at": self.sent_at.isoformat() if self.sent_at else None,
            "acknowledged": self.acknowledged_at is not None,
        }


_TABLES = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE IF NOT EXISTS checkins (
        seq INTEGER PRIMARY KEY,
        nonce TEXT NOT NULL UNIQUE,
        guest_id INTEGER NOT NULL,
        guest_name TEXT NOT NULL,
        station TEXT NOT NULL,
        user TEXT NOT NULL,
        queued_at TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('waiting', 'checked_in', 'already', 'conflict')),
        message TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL DEFAULT '',
        sent_at TEXT,
        acknowledged_at TEXT
    )""",
)
_COLUMNS = "nonce, guest_id, guest_name, station, user, queued_at, state, message, reason, sent_at, acknowledged_at"


def _moment(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _entry(row: tuple[Any, ...]) -> QueuedCheckIn:
    nonce, guest_id, name, station, user, queued_at, state, message, reason, sent_at, acknowledged_at = row
    queued = _moment(queued_at)
    assert queued is not None
    return QueuedCheckIn(
        nonce,
        guest_id,
        name,
        station,
        user,
        queued,
        QueueState(state),
        message,
        reason,
        _moment(sent_at),
        _moment(acknowledged_at),
    )


class DeskQueue:
    """The queue file of one station on one event.  Every change is committed to disk before it returns.

    Safe to use from several threads: each call opens its own short connection.
    """

    def __init__(self, path: Path, *, event_uid: str, event_name: str, station: str) -> None:
        self.path = path
        self.event_uid = event_uid
        self.event_name = event_name
        self.station = station

    @classmethod
    def open(cls, path: Path, *, event_uid: str, event_name: str = "", station: str = "") -> "DeskQueue":
        """Open the queue file, creating it (and its folder) the first time; refuses another event's file."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with closing(sqlite3.connect(path)) as connection, connection:
                for statement in _TABLES:
                    connection.execute(statement)
                found = dict(connection.execute("SELECT key, value FROM meta").fetchall())
                if found and found.get("event_uid") != event_uid:
                    raise QueueError(f"{path} is the check-in queue of another event; it was left as it is.")
                if not found:
                    connection.executemany(
                        "INSERT INTO meta (key, value) VALUES (?, ?)",
                        [("format", _FORMAT), ("event_uid", event_uid), ("event", event_name), ("station", station)],
                    )
                elif event_name and found.get("event") != event_name:
                    connection.execute("UPDATE meta SET value = ? WHERE key = 'event'", (event_name,))
        except (sqlite3.Error, OSError) as error:
            raise QueueError(f"The check-in queue {path} cannot be used ({error}).") from error
        return cls(path, event_uid=event_uid, event_name=event_name or found.get("event", ""), station=station)

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        try:
            with closing(sqlite3.connect(self.path, timeout=10)) as connection, connection:
                yield connection
        except sqlite3.Error as error:
            raise QueueError(f"The check-in queue {self.path} cannot be used ({error}).") from error

    # -- writing ---------------------------------------------------------------------------------

    def add(
        self, guest_id: int, *, user: str, guest_name: str = "", nonce: str = "", at: datetime | None = None
    ) -> QueuedCheckIn:
        """Queue a check-in of the guest by this station, as of `at` (now); kept on disk before it returns."""
        entry = QueuedCheckIn(
            nonce or new_nonce(), guest_id, guest_name, self.station, user, at or datetime.now(UTC), QueueState.WAITING
        )
        with self._connection() as connection:
            connection.execute(
                "INSERT INTO checkins (nonce, guest_id, guest_name, station, user, queued_at, state) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (entry.nonce, guest_id, guest_name, entry.station, user, entry.queued_at.isoformat(), "waiting"),
            )
        return entry

    def record(self, nonce: str, answer: checkin.NonceResult) -> QueuedCheckIn:
        """What the server answered to a queued check-in."""
        if answer.result == CheckInResult.CHECKED_IN:
            state = QueueState.CHECKED_IN
        elif answer.result == CheckInResult.ALREADY:
            state = QueueState.ALREADY
        else:
            state = QueueState.CONFLICT
        message = answer.message
        if state is QueueState.ALREADY and answer.done is not None:
            where = f" at {answer.done.station}" if answer.done.station else ""
            when = f"{answer.done.at.astimezone():%H:%M}"
            message = f"Already checked in{where} ({when}) before this desk's check-in arrived"
        with self._connection() as connection:
            connection.execute(
                "UPDATE checkins SET state = ?, message = ?, reason = ?, sent_at = ? WHERE nonce = ?",
                (str(state), message, answer.reason, datetime.now(UTC).isoformat(), nonce),
            )
        return self.entry(nonce)

    def acknowledge(self, nonces: list[str] | None = None) -> int:
        """Staff have seen these conflicts (all open ones when None); how many were acknowledged."""
        now = datetime.now(UTC).isoformat()
        with self._connection() as connection:
            if nonces is None:
                return connection.execute(
                    "UPDATE checkins SET acknowledged_at = ? WHERE state = 'conflict' AND acknowledged_at IS NULL",
                    (now,),
                ).rowcount
            return sum(
                connection.execute(
                    "UPDATE checkins SET acknowledged_at = ? "
                    "WHERE nonce = ? AND state = 'conflict' AND acknowledged_at IS NULL",
                    (now, nonce),
                ).rowcount
                for nonce in nonces
            )

    # -- reading ---------------------------------------------------------------------------------

    def entries(self) -> list[QueuedCheckIn]:
        """Every check-in this station queued on the event, oldest first."""
        with self._connection() as connection:
            rows = connection.execute(f"SELECT {_COLUMNS} FROM checkins ORDER BY seq").fetchall()
        return [_entry(row) for row in rows]

    def entry(self, nonce: str) -> QueuedCheckIn:
        with self._connection() as connection:
            row = connection.execute(f"SELECT {_COLUMNS} FROM checkins WHERE nonce = ?", (nonce,)).fetchone()
        if row is None:
            raise QueueError(f"There is no queued check-in {nonce}.")
        return _entry(row)

    def waiting(self) -> list[QueuedCheckIn]:
        return [entry for entry in self.entries() if entry.waiting]

    def conflicts(self) -> list[QueuedCheckIn]:
        """Queued check-ins the server refused that staff have not acknowledged yet."""
        return [entry for entry in self.entries() if entry.open_conflict]

    def waiting_for(self, guest_id: int) -> QueuedCheckIn | None:
        """The guest's check-in waiting here to be sent, if any (the desk must not queue a second one)."""
        return next((entry for entry in self.waiting() if entry.guest_id == guest_id), None)

    def status(self) -> "QueueStatus":
        entries = self.entries()
        return QueueStatus(
            waiting=tuple(entry for entry in entries if entry.waiting),
            conflicts=tuple(entry for entry in entries if entry.open_conflict),
        )


@dataclass(frozen=True, slots=True)
class QueueStatus:
    """What the desk shows: the check-ins waiting to be sent, and the conflicts staff must look at."""

    waiting: tuple[QueuedCheckIn, ...] = ()
    conflicts: tuple[QueuedCheckIn, ...] = ()


@dataclass(frozen=True, slots=True)
class SendReport:
    """What sending a queue did: each entry sent (with its new state), and why it stopped if it did."""

    sent: tuple[QueuedCheckIn, ...] = ()
    still_waiting: int = 0
    unreachable: str = ""  # the sentence of the failure that stopped the sending; "" when all were sent
    changes: Changes = field(default=NOTHING)

    @property
    def conflicts(self) -> tuple[QueuedCheckIn, ...]:
        return tuple(entry for entry in self.sent if entry.state is QueueState.CONFLICT)

    def to_json(self) -> dict[str, Any]:
        return {
            "sent": [entry.to_json() for entry in self.sent],
            "still_waiting": self.still_waiting,
            "unreachable": self.unreachable or None,
        }


def send(queue: DeskQueue, store: EventStore) -> SendReport:
    """Send the waiting check-ins, oldest first, each in its own transaction; stop at the first that cannot
    reach the server (the rest wait for the next try).  Sending again changes nothing already applied."""
    sent: list[QueuedCheckIn] = []
    waiting = queue.waiting()
    guests: list[int] = []
    for position, entry in enumerate(waiting):
        try:
            with store.begin() as connection:
                answer = checkin.check_in_once(
                    connection,
                    entry.guest_id,
                    nonce=entry.nonce,
                    station=entry.station,
                    user=entry.user,
                    queued_at=entry.queued_at,
                )
        except DatabaseUnavailableError as error:
            changes = Changes.of(Topic.GUESTS, Topic.CHECK_INS, guests=guests) if guests else NOTHING
            return SendReport(tuple(sent), len(waiting) - position, str(error), changes)
        sent.append(queue.record(entry.nonce, answer))
        guests.append(entry.guest_id)
    changes = Changes.of(Topic.GUESTS, Topic.CHECK_INS, guests=guests) if guests else NOTHING
    return SendReport(tuple(sent), 0, "", changes)


def queues_of(event_name: str, folder: Path | None = None, *, event_uid: str = "") -> list[DeskQueue]:
    """The queues of every station on this computer for one event: by its uid when the event could be read,
    else by the name it was last opened under (its file name, or `dbname on host:port`)."""
    found = []
    pattern = f"{event_uid}--*.queue" if event_uid else "*.queue"
    for path in sorted((folder or queue_folder()).glob(pattern)):
        try:
            with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
                meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.Error:
            continue
        if meta.get("event_uid") == event_uid if event_uid else meta.get("event") == event_name:
            found.append(
                DeskQueue(path, event_uid=meta["event_uid"], event_name=meta.get("event", ""), station=meta["station"])
            )
    return found
