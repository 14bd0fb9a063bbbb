"""A gate at work: each scan decided, logged and on disk before its verdict is shown.

`Gate` works on the event database (`open_event_gate`, a gate on the venue LAN) or, with no network,
from a gate package alone (`open_offline_gate`).  An offline gate keeps its own small SQLite scan
log beside the package; anti-passback and two-way doors read it.  The log file also pins what the
gate trusts: the event, the keys of the last package it accepted (so an updated package needs no
anchor again, and a key dropped from the event is dropped here too) and that package's creation
time (so an older package, without the latest revocations, is refused).  Its export is signed line by
line with the key of the package's gate station (stations.py).

Durability: a verdict is shown only after its scan is committed, and commits reach the disk
(SQLite WAL, synchronous FULL).  Scans that arrive together — a stream, not a person at a door —
share one commit (`scan_many`), which keeps the gate fast without weakening that promise.

Speed: what a scan reads — the event's keys, categories and zones, a scanned guest, a guest's last
passage — is remembered from one transaction to the next for as long as no other connection has
committed to the database (`dialects.change_marker`); a revocation at a desk is a commit, so the
next scan reads the event anew.  A batch's scans are written with one statement at its end, and its
own accepted scans count for anti-passback at once.
"""

import json
from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, insert, select, update
from sqlalchemy.exc import SQLAlchemyError

from accreditor import dialects, keys, schema
from accreditor.clock import utc_now
from accreditor.errors import AccreditorError
from accreditor.gate import scan_log
from accreditor.gate.package import GatePackage, PackageError, TrustAnchor, load_package, read_package_file
from accreditor.gate.scan_log import ScanRecord
from accreditor.gate.stations import StationKey
from accreditor.gate.verdicts import EventSource, GateContext, GateSource, GateVerdict, Passage, decide, overridden
from accreditor.roles import Permission, require
from accreditor.store import EventStore

LOG_APPLICATION = "accreditor-gate-log"
LOG_VERSION = 1
LOG_SUFFIX = ".scans"
# Guests whose passages (and, at an event gate, records) a gate keeps in memory at most: past that it
# starts afresh, reading again whoever comes next; a day at the main door of a big event stays small.
_REMEMBER_AT_MOST = 20_000
_PINNED_KEYS = "trusted_keys"
_PINNED_PACKAGE_TIME = "package_created_at"


class GateLogError(AccreditorError):
    """A gate's scan log file that cannot be used: not one, or of another event."""


class Gate:
    """Decides and logs scans at one gate; the verdict returned is already on disk."""

    def __init__(
        self,
        engine: Engine,
        context: GateContext,
        source_for: Callable[[Connection, GateSource | None], GateSource],
        *,
        event_uid: str,
        description: str,
        close: Callable[[], None],
        station: StationKey | None = None,
    ) -> None:
        self.context = context
        self.event_uid = event_uid
        self.description = description  # "event X" / "package of event X, made …", for the operator
        self._engine = engine
        self._source_for = source_for
        self._close = close
        self._station = station  # an offline gate's: signs its exported log
        # Kept between transactions while the database is unchanged by others (see the module's docstring).
        self._marker: Hashable | None = None
        self._source: GateSource | None = None
        self._passages: dict[tuple[int, str], Passage | None] = {}
        with self._transaction() as connection:
            zone_name = self._current_source(connection).zone_name(context.zone)
        if zone_name is None:
            raise AccreditorError(f"The event has no zone {context.zone}.")
        self.zone_name = zone_name

    def scan(self, raw: str, *, now: datetime | None = None, with_photo: bool = False) -> GateVerdict:
        """One scan at a door: the verdict, with the guest's photo when asked (the gate view wants it)."""
        return self._run([raw], now, with_photo=with_photo)[0]

    def scan_many(self, raws: Sequence[str], *, now: datetime | None = None) -> list[GateVerdict]:
        """Scans that arrived together, in order, committed together (one disk flush for all)."""
        return self._run(raws, now)

    def override(self, raw: str, reason: str, *, now: datetime | None = None) -> GateVerdict:
        """The operator lets the holder of a refused (or doubtful) badge through: orange, logged with the reason."""
        return self._run([raw], now, override=reason)[0]

    def scans(self) -> list[ScanRecord]:
        """Everything this gate's log holds (for an event gate: every gate's scans in the event)."""
        with self._engine.connect() as connection:
            return scan_log.list_scans(connection)

    def export(self) -> bytes:
        """This gate's log as the file `merge-scans` takes back into the event (signed by an offline gate)."""
        return scan_log.export_bytes(
            self.scans(), event_uid=self.event_uid, source=self.description, station=self._station
        )

    def close(self) -> None:
        self._close()

    def __enter__(self) -> "Gate":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _run(
        self, raws: Sequence[str], now: datetime | None, *, with_photo: bool = False, override: str | None = None
    ) -> list[GateVerdict]:
        verdicts = []
        records = []
        try:
            with self._transaction() as connection:
                source = self._current_source(connection)
                presence = partial(self._last_passage, connection)
                for raw in raws:
                    context = replace(self.context, now=now or utc_now())
                    verdict = decide(raw, context, source, presence=presence, with_photo=with_photo)
                    if override is not None:
                        verdict = overridden(verdict, override)
                    record = scan_log.new_record(raw, verdict, context)
                    self._passed(record)
                    records.append(record)
                    verdicts.append(verdict)
                scan_log.record_many(connection, records)
        except BaseException:
            self._forget()  # what this batch added to the remembered passages was not committed
            raise
        return verdicts

    def _current_source(self, connection: Connection) -> GateSource:
        """The source for this transaction: the kept one while nobody else has changed the database."""
        marker = dialects.change_marker(connection)
        if marker is None or marker != self._marker or self._source is None or len(self._passages) > _REMEMBER_AT_MOST:
            self._forget()
            self._source = self._source_for(connection, None)
            self._marker = marker
        else:
            self._source = self._source_for(connection, self._source)
        return self._source

    def _forget(self) -> None:
        self._marker, self._source = None, None
        self._passages.clear()

    def _last_passage(self, connection: Connection, guest_id: int, zone: str) -> Passage | None:
        key = (guest_id, zone)
        if key not in self._passages:
            self._passages[key] = scan_log.last_passage(connection, guest_id, zone)
        return self._passages[key]

    def _passed(self, record: ScanRecord) -> None:
        """Remember an accepted scan as the holder's last passage, as `scan_log.last_passage` would find it."""
        if record.guest_id is None or not scan_log.is_passage(record):
            return
        key = (record.guest_id, record.zone)
        last = self._passages.get(key)
        if last is None or record.at >= last.at:  # on equal times the later row (higher id) is the last
            self._passages[key] = Passage(record.direction, record.at, record.gate)

    def _transaction(self) -> AbstractContextManager[Connection]:
        return _immediate(self._engine)


def open_event_gate(location: str | Path, context: GateContext) -> Gate:
    """A gate on the event database itself: live revocations, and the log is the event's own."""
    require(context.operator, Permission.OPERATE_GATE)
    store = EventStore.open(location, station=context.station)
    try:
        with store.connect() as connection:
            uid = keys.event_uid(connection)
        return Gate(
            store.engine,
            context,
            _event_source,
            event_uid=uid,
            description=f"event {store.display_name} ({uid})",
            close=store.close,
        )
    except BaseException:
        store.close()
        raise


def _event_source(connection: Connection, kept: GateSource | None) -> GateSource:
    return kept.bound_to(connection) if isinstance(kept, EventSource) else EventSource(connection)


def default_log_path(package_path: Path) -> Path:
    """The offline gate's log beside its package: `plenary.gatepkg` → `plenary.gatepkg.scans`."""
    return package_path.with_name(package_path.name + LOG_SUFFIX)


def open_offline_gate(
    package_path: Path, context: GateContext, *, anchor: TrustAnchor | None = None, log_path: Path | None = None
) -> Gate:
    """A gate running from a package alone, with its own log file (created on first use).

    `anchor` is needed the first time; afterwards the log remembers the keys of the last package
    accepted.  A given anchor replaces what the log remembers.
    """
    log_path = log_path or default_log_path(package_path)
    data = read_package_file(package_path)
    pins = _read_pins(log_path) if log_path.exists() else None
    package = load_package(data, anchor or (pins.anchor if pins else None))
    if pins is not None:
        pins.check(package, log_path)
    engine = _log_engine(log_path)
    try:
        _pin(engine, package, new=pins is None)
        dialects.enable_wal(engine)
        made = package.created_at.astimezone(UTC)
        return Gate(
            engine,
            context,
            lambda _connection, _kept: package,
            event_uid=package.event_uid,
            description=f"gate package of {package.event_name} ({package.event_uid}) made {made:%Y-%m-%d %H:%M} UTC",
            close=engine.dispose,
            station=package.station,
        )
    except BaseException:
        engine.dispose()
        raise


def export_gate_log(package_path: Path, log_path: Path, *, source: str) -> tuple[int, bytes]:
    """(scans, the export file) of an offline gate's log, signed with the key of its package's station.

    The package is checked as the gate checks it, against the keys the log remembers.
    """
    pins = _read_pins(log_path)
    package = load_package(read_package_file(package_path), pins.anchor)
    pins.check(package, log_path)
    _uid, records = read_gate_log(log_path)
    return len(records), scan_log.export_bytes(
        records, event_uid=pins.event_uid, source=source, station=package.station
    )


def read_gate_log(log_path: Path) -> tuple[str, list[ScanRecord]]:
    """(event uid, scans) of an offline gate's log, for `export-scans`."""
    pins = _read_pins(log_path)
    engine = _log_engine(log_path, read_only=True)
    try:
        with engine.connect() as connection:
            return pins.event_uid, scan_log.list_scans(connection)
    finally:
        engine.dispose()


# -- the log file -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Pins:
    """What an offline gate's log remembers of the packages it accepted."""

    event_uid: str
    fingerprints: frozenset[str]
    package_created_at: datetime

    @property
    def anchor(self) -> TrustAnchor:
        return TrustAnchor(self.fingerprints, self.event_uid, "the keys of the last package it used")

    def check(self, package: GatePackage, log_path: Path) -> None:
        if package.event_uid != self.event_uid:
            raise GateLogError(
                f"The scan log {log_path.name} belongs to event {self.event_uid}, the package to event "
                f"{package.event_uid}; give this gate its own log file."
            )
        if package.created_at < self.package_created_at:
            raise PackageError(
                f"This gate package was made {package.created_at:%Y-%m-%d %H:%M} UTC, before the one this gate "
                f"already used ({self.package_created_at:%Y-%m-%d %H:%M} UTC): it may lack recent revocations. "
                "Use the newest package."
            )


@contextmanager
def _immediate(engine: Engine) -> Iterator[Connection]:
    """A write transaction holding the lock from its start (see EventStore.begin)."""
    with engine.connect() as connection:
        connection.execution_options(**{dialects.SQLITE_IMMEDIATE: True})
        with connection.begin():
            yield connection


def _log_engine(path: Path, *, read_only: bool = False) -> Engine:
    if path.exists():
        _check_log_file(path)
    url = f"sqlite+pysqlite:///file:{path}?mode=ro&uri=true" if read_only else f"sqlite+pysqlite:///{path}"
    engine = create_engine(url)
    dialects.configure_sqlite(engine)
    return engine


def _check_log_file(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            magic = handle.read(len(dialects.SQLITE_MAGIC))
    except OSError as error:
        raise GateLogError(f"Cannot read the gate's scan log {path} ({error.strerror}).") from error
    if magic != dialects.SQLITE_MAGIC:
        raise GateLogError(f"{path.name} is not a gate scan log.")


def _read_pins(path: Path) -> _Pins:
    engine = _log_engine(path, read_only=True)
    try:
        with engine.connect() as connection:
            meta = dict(connection.execute(select(schema.meta.c.key, schema.meta.c.value)).all())
    except SQLAlchemyError as error:
        raise GateLogError(f"{path.name} is not a gate scan log.") from error
    finally:
        engine.dispose()
    if meta.get("application") != LOG_APPLICATION:
        raise GateLogError(f"{path.name} is not a gate scan log.")
    if meta.get("log_version") != str(LOG_VERSION):
        raise GateLogError(f"{path.name} was written by another version of Accreditor.")
    try:
        return _Pins(
            meta[keys.EVENT_UID_META_KEY],
            frozenset(json.loads(meta[_PINNED_KEYS])),
            datetime.fromisoformat(meta[_PINNED_PACKAGE_TIME]),
        )
    except (KeyError, ValueError, TypeError) as error:
        raise GateLogError(f"The gate's scan log {path.name} is damaged; start a new one.") from error


def _pin(engine: Engine, package: GatePackage, *, new: bool) -> None:
    """Remember the event, the package's keys and its creation time; a new log is made in the same step."""
    values = {
        keys.EVENT_UID_META_KEY: package.event_uid,
        _PINNED_KEYS: json.dumps(sorted(package.key_fingerprints())),
        _PINNED_PACKAGE_TIME: package.created_at.isoformat(),
    }
    meta = schema.meta
    with _immediate(engine) as connection:
        if new:
            meta.create(connection)
            schema.scans.create(connection)
            dialects.install_append_only_trigger(connection, "scans")
            values |= {"application": LOG_APPLICATION, "log_version": str(LOG_VERSION)}
            connection.execute(insert(meta), [{"key": key, "value": value} for key, value in values.items()])
        else:
            for key, value in values.items():
                connection.execute(update(meta).where(meta.c.key == key).values(value=value))
