"""Open, create and migrate an event database: an SQLite file, or a PostgreSQL database given by URL.

Opening never changes a file it cannot fully understand: the file is checked (SQLite magic,
our application marker, schema version) through a read-only connection before anything is
written to it.

A PostgreSQL event lives in its own database (`postgresql://user:password@host:5432/dbname`), shared
by every desk and gate of the venue.  Messages name it as `dbname on host:port`: a password never
appears in anything we print.  A database that is locked by another station's long change, or a
server that cannot be reached, is tried again with growing pauses before the user is told, in one
sentence, that nothing was written.
"""

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar

from sqlalchemy import URL, Connection, Engine, RootTransaction, create_engine, inspect, make_url, select
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError

from accreditor import audit, dialects, keys, migrations, schema, sealing
from accreditor.clock import utc_now
from accreditor.errors import DatabaseBusyError, EventFileError, ServerUnreachableError
from accreditor.migrations import PassphraseRequiredError

T = TypeVar("T")

SERVER_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
DEFAULT_STATION = "accreditor"
# Every connection to an event server is named `accreditor:<station>`: `live.stations_online` counts them.
APPLICATION_NAME_PREFIX = "accreditor:"
_CONNECT_TIMEOUT_S = 5
_LOCK_TIMEOUT_MS = 5_000
_IDLE_TIMEOUT_MS = 300_000


@dataclass(frozen=True, slots=True)
class EventInfo:
    name: str
    starts_on: date | None
    ends_on: date | None
    venue: str


@dataclass(frozen=True, slots=True)
class Patience:
    """How long to keep trying before telling the user: for a lock another station holds, and for the server."""

    locked_s: float = 30.0
    unreachable_s: float = 10.0
    first_pause_s: float = 0.05
    longest_pause_s: float = 1.0


def is_server_url(location: str | Path) -> bool:
    return isinstance(location, str) and "://" in location


def _server_url(location: str) -> URL:
    """The SQLAlchemy URL of a PostgreSQL event location; refuses other URLs without echoing a password."""
    try:
        url = make_url(location)
    except (ArgumentError, ValueError) as error:
        raise EventFileError(f"{redacted(location)} is not a valid PostgreSQL URL.") from error
    if url.drivername not in SERVER_SCHEMES:
        raise EventFileError(
            f"{redacted(location)} is neither an event file nor a postgresql:// URL; Accreditor opens only those."
        )
    if not url.database:
        raise EventFileError(f"{redacted(location)} names no database; add it at the end: …:5432/dbname.")
    return url.set(drivername="postgresql+psycopg")


def redacted(location: str) -> str:
    """The location as it may be shown: a URL's password replaced by ***."""
    if not is_server_url(location):
        return location
    scheme, _, rest = location.partition("://")
    credentials, at, host = rest.rpartition("@")
    if not at:
        return location
    user, colon, _password = credentials.partition(":")
    return f"{scheme}://{user}{':***' if colon else ''}@{host}"


def display_name(location: str) -> str:
    """How messages and the title bar name an event: the file's name, or `dbname on host:port`."""
    if not is_server_url(location):
        return Path(location).name
    try:
        url = make_url(location)
    except (ArgumentError, ValueError):
        return redacted(location)
    return f"{url.database} on {url.host or 'localhost'}:{url.port or 5432}"


def _sqlite_engine(path: Path, *, read_only: bool = False) -> Engine:
    if read_only:
        engine = create_engine(f"sqlite+pysqlite:///file:{path}?mode=ro&uri=true")
    else:
        engine = create_engine(f"sqlite+pysqlite:///{path}")
    dialects.configure_sqlite(engine)
    return engine


def _server_engine(location: str, station: str) -> Engine:
    url = _server_url(location)
    try:
        import psycopg  # noqa: F401, PLC0415 - an optional dependency, needed only for event servers
    except ImportError as error:
        raise EventFileError(
            "PostgreSQL support is not installed; install Accreditor with its postgres extra "
            "(pip install 'accreditor[postgres]')."
        ) from error
    return create_engine(
        url,
        pool_pre_ping=True,  # a connection dropped by a server restart or a LAN outage is replaced, not used
        connect_args={
            "connect_timeout": _CONNECT_TIMEOUT_S,
            "application_name": (APPLICATION_NAME_PREFIX + (station or DEFAULT_STATION))[:63],
            # A station that vanished with the LAN is noticed in seconds (TCP keepalives) and cannot hold
            # locks for long: a lock wait gives up after a while (and is retried, see Patience), and a
            # transaction left idle is ended by the server.
            "keepalives": 1,
            "keepalives_idle": 10,
            "keepalives_interval": 5,
            "keepalives_count": 3,
            "options": " ".join(
                f"-c {setting}={value}"
                for setting, value in (
                    ("lock_timeout", _LOCK_TIMEOUT_MS),
                    ("idle_in_transaction_session_timeout", _IDLE_TIMEOUT_MS),
                    # The server's side of the keepalives: it ends a vanished station's session, and its locks.
                    ("tcp_keepalives_idle", 10),
                    ("tcp_keepalives_interval", 5),
                    ("tcp_keepalives_count", 3),
                )
            ),
        },
    )


def _read_schema_version(engine: Engine, name: str) -> int:
    """The schema version recorded in the database, or EventFileError if it is not an event."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("meta"):
            raise EventFileError(f"{name} is not an Accreditor event file.")
        rows = dict(connection.execute(select(schema.meta.c.key, schema.meta.c.value)).all())
    if rows.get("application") != schema.APPLICATION_ID:
        raise EventFileError(f"{name} is not an Accreditor event file.")
    try:
        return int(rows["schema_version"])
    except (KeyError, ValueError) as error:
        raise EventFileError(f"{name} has no readable schema version; it may be damaged.") from error


def _reason(error: BaseException) -> str:
    original = getattr(error, "orig", None) or error
    return str(original).splitlines()[0]


def _pauses(patience: Patience) -> Iterator[float]:
    pause = patience.first_pause_s
    while True:
        yield pause
        pause = min(pause * 2, patience.longest_pause_s)


def _unavailable(error: DBAPIError, name: str, waited_s: float) -> EventFileError:
    """The one sentence for a database we could not use, or a plain EventFileError for other driver failures."""
    if dialects.is_locked(error):
        return DatabaseBusyError(
            f"{name} is busy: another station kept it locked for {waited_s:.0f} s; nothing was changed, "
            "try again in a moment."
        )
    if dialects.is_unreachable(error):
        return ServerUnreachableError(
            f"The event server {name} cannot be reached ({dialects.connection_problem(error)}); "
            f"tried for {waited_s:.0f} s, nothing was changed. Check the network and that the server is running."
        )
    if dialects.is_refused_by_server(error):
        return EventFileError(f"The event server refused to open {name} ({dialects.connection_problem(error)}).")
    return EventFileError(f"{name} cannot be used as an event database ({_reason(error)}).")


def _retrying(operation: Callable[[], T], name: str, patience: Patience) -> T:
    """Run `operation`, again after a pause while the database is locked or unreachable, up to `patience`."""
    started = time.monotonic()
    for pause in _pauses(patience):
        try:
            return operation()
        except DBAPIError as error:
            waited = time.monotonic() - started
            limit = patience.locked_s if dialects.is_locked(error) else patience.unreachable_s
            if not (dialects.is_locked(error) or dialects.is_unreachable(error)) or waited >= limit:
                raise _unavailable(error, name, waited) from error
            time.sleep(min(pause, limit - waited))
    raise AssertionError("unreachable")  # pragma: no cover - _pauses never ends


class EventStore:
    """A connection to one event's database.  Use `EventStore.open` or `EventStore.create`."""

    def __init__(self, engine: Engine, location: str, *, station: str = "", patience: Patience | None = None) -> None:
        self.engine = engine
        self.location = location
        self.station = station
        self.display_name = display_name(location)
        self.patience = patience or Patience()

    @property
    def is_server(self) -> bool:
        """True for an event on a PostgreSQL server shared by several stations."""
        return self.engine.dialect.name == "postgresql"

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        location: str | Path,
        *,
        station: str = "",
        patience: Patience | None = None,
        passphrase: str | None = None,
    ) -> "EventStore":
        """Open an event file or an event on a server; `station` names this desk or gate to the other stations.

        An event made by an older version is upgraded, which seals its signing key with `passphrase` (or the
        passphrase source's, see keys.set_passphrase_source): PassphraseRequiredError when there is none, and
        the event is left unchanged."""
        location = str(location)
        name = display_name(location)
        patience = patience or Patience()
        if is_server_url(location):
            engine = _server_engine(location, station)
            try:
                version = _checked_version(engine, name, patience)
            except BaseException:
                engine.dispose()
                raise
        else:
            path = Path(location)
            _check_sqlite_file(path)
            probe = _sqlite_engine(path, read_only=True)
            try:
                version = _checked_version(probe, name, patience)
            finally:
                probe.dispose()
            engine = _sqlite_engine(path)
        if version > schema.SCHEMA_VERSION:
            engine.dispose()
            raise EventFileError(
                f"{name} was made by a newer version of Accreditor (schema {version}; this version reads "
                f"up to {schema.SCHEMA_VERSION}); update Accreditor to open it."
            )
        store = cls(engine, location, station=station, patience=patience)
        if version < schema.SCHEMA_VERSION:
            if version < migrations.SEALED_KEYS_VERSION and passphrase is None:
                passphrase = keys.passphrase_from_source()
                if passphrase is None:
                    engine.dispose()
                    raise PassphraseRequiredError(
                        f"{name} must be upgraded, which locks its badge signing key with a passphrase: give one "
                        "(on the command line: --passphrase-file or ACCREDITOR_KEY_PASSPHRASE); the file is unchanged."
                    )
            try:
                store._migrate(version, passphrase)
            except EventFileError:
                engine.dispose()
                raise
        if store.is_server:
            store._install_change_notifications()
        dialects.enable_wal(engine)
        return store

    @classmethod
    def create(
        cls,
        location: str | Path,
        *,
        name: str,
        starts_on: date | None = None,
        ends_on: date | None = None,
        venue: str = "",
        station: str = "",
        passphrase: str,
    ) -> "EventStore":
        """A new, empty event (no categories yet: see `categories.install_standard`) with its uid and its
        signing key, sealed with `passphrase` and unlocked for this session.

        A file must not exist yet; a server database must exist and be empty.
        """
        location = str(location)
        sealing.check_new_passphrase(passphrase)
        if not name.strip():
            raise EventFileError("An event needs a name.")
        if starts_on and ends_on and ends_on < starts_on:
            raise EventFileError("The event cannot end before it starts.")
        store = cls.empty(location, station=station)
        with store.begin() as connection:
            create_tables(connection)
            connection.execute(
                schema.meta.insert(),
                [
                    {"key": "application", "value": schema.APPLICATION_ID},
                    {"key": "schema_version", "value": str(schema.SCHEMA_VERSION)},
                    {"key": keys.EVENT_UID_META_KEY, "value": keys.new_event_uid()},
                ],
            )
            audit.start_chain(connection)
            keys.create_signing_key(connection, passphrase)
            connection.execute(
                schema.event.insert().values(
                    id=1,
                    name=name.strip(),
                    starts_on=starts_on,
                    ends_on=ends_on,
                    venue=venue,
                    created_at=utc_now(),
                )
            )
        dialects.enable_wal(store.engine)
        return store

    @classmethod
    def empty(cls, location: str | Path, *, station: str = "") -> "EventStore":
        """A store on a new file or an empty server database, with no tables yet (see `create`, `copying`)."""
        location = str(location)
        if is_server_url(location):
            engine = _server_engine(location, station)
            try:
                _require_empty_database(engine, display_name(location))
            except BaseException:
                engine.dispose()
                raise
        else:
            path = Path(location)
            if path.exists():
                raise EventFileError(f"{path.name} already exists; choose another file name.")
            if not path.parent.is_dir():
                raise EventFileError(f"The folder {path.parent} does not exist.")
            engine = _sqlite_engine(path)
        return cls(engine, location, station=station)

    def _install_change_notifications(self) -> None:
        """Events made before stations were told of each other's changes get the triggers once."""
        with self.connect() as connection:
            if dialects.has_change_notifications(connection):
                return
        with self.begin() as connection:
            dialects.install_change_notifications(connection)

    def _migrate(self, from_version: int, passphrase: str | None) -> None:
        backup = None if self.is_server else Path(f"{self.location}.schema-{from_version}.bak")
        if backup is not None:
            dialects.backup_sqlite(Path(self.location), backup)
        try:
            with self.begin() as connection:
                migrations.migrate(connection, from_version, passphrase=passphrase)
                if passphrase is not None:
                    keys.unlock(connection, passphrase)
        except Exception as error:  # any failure leaves the file as it was: the transaction rolls back
            raise EventFileError(
                f"{self.display_name} could not be upgraded from schema {from_version} ({_reason(error)}); "
                "the file is unchanged."
            ) from error
        # Neither the upgraded file's log nor the backup may keep the raw key the upgrade sealed.
        dialects.flush_write_ahead_log(self.engine)
        if backup is not None and passphrase is not None:
            migrations.seal_backup_keys(backup, passphrase)

    # -- use -----------------------------------------------------------------------------------

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        """A transaction: committed when the block ends, rolled back if it raises.

        On SQLite it takes the write lock at once (BEGIN IMMEDIATE): a transaction that reads and
        then writes would otherwise fail with "database is locked" when another desk wrote meanwhile.
        Getting the connection and the lock is retried while another station holds the database or
        the server is out of reach; a failure inside the block is not (the block cannot be run twice:
        see `run`), but it too reaches the caller as one sentence.
        """
        yield from self._transaction(time.monotonic())

    def run(self, operation: Callable[[Connection], T]) -> T:
        """`operation` in a transaction, run again from the start if a lock conflict or a lost connection
        undid it (a PostgreSQL deadlock between two bulk changes, a server restart); it must be safe to
        repeat, as every guarded write is."""
        started = time.monotonic()
        for pause in _pauses(self.patience):
            try:
                with self._transaction_context(started) as connection:
                    return operation(connection)
            except _Retryable as retry:
                waited = time.monotonic() - started
                if waited >= retry.limit_s:
                    raise retry.error from retry.error.__cause__
                time.sleep(min(pause, retry.limit_s - waited))
        raise AssertionError("unreachable")  # pragma: no cover - _pauses never ends

    @contextmanager
    def _transaction_context(self, started: float) -> Iterator[Connection]:
        """`begin` for `run`: a conflict inside the block comes out as _Retryable instead of the sentence."""
        yield from self._transaction(started, retryable=True)

    def _transaction(self, started: float, *, retryable: bool = False) -> Iterator[Connection]:
        connection, transaction = _retrying(self._begin_locked, self.display_name, self.patience)
        try:
            yield connection
            transaction.commit()
        except DBAPIError as error:
            with suppress(SQLAlchemyError):
                transaction.rollback()
            failure = self._failure(error, started, retryable=retryable)
            if failure is error:
                raise
            raise failure from error
        except BaseException:
            with suppress(SQLAlchemyError):
                transaction.rollback()
            raise
        finally:
            with suppress(SQLAlchemyError):
                connection.close()

    def _begin_locked(self) -> tuple[Connection, RootTransaction]:
        connection = self.engine.connect()
        try:
            connection.execution_options(**{dialects.SQLITE_IMMEDIATE: True})
            return connection, connection.begin()
        except BaseException:
            with suppress(SQLAlchemyError):
                connection.close()
            raise

    def _failure(self, error: DBAPIError, started: float, *, retryable: bool) -> BaseException:
        """What a driver error inside a transaction becomes: the user's sentence, or _Retryable for `run`."""
        if not (dialects.is_locked(error) or dialects.is_unreachable(error)):
            return error  # a bug or a constraint the caller did not check for: not the user's to read
        unavailable = _unavailable(error, self.display_name, time.monotonic() - started)
        if retryable:
            limit = self.patience.locked_s if dialects.is_locked(error) else self.patience.unreachable_s
            return _Retryable(unavailable, limit)
        return unavailable

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A connection for reading."""
        connection = _retrying(self.engine.connect, self.display_name, self.patience)
        try:
            yield connection
        except DBAPIError as error:
            failure = self._failure(error, time.monotonic(), retryable=False)
            if failure is error:
                raise
            raise failure from error
        finally:
            with suppress(SQLAlchemyError):
                connection.close()

    def event_info(self) -> EventInfo:
        with self.connect() as connection:
            row = connection.execute(select(schema.event).where(schema.event.c.id == 1)).one()
        return EventInfo(name=row.name, starts_on=row.starts_on, ends_on=row.ends_on, venue=row.venue)

    def schema_version(self) -> int:
        return _checked_version(self.engine, self.display_name, self.patience)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "EventStore":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def create_tables(connection: Connection) -> None:
    """The tables of a new event, its append-only triggers, and on PostgreSQL its change notifications."""
    schema.metadata.create_all(connection)
    dialects.install_audit_triggers(connection)
    dialects.install_change_notifications(connection)


class _Retryable(Exception):
    """Inside `EventStore.run`: the transaction was undone by a conflict or a lost connection; try again."""

    def __init__(self, error: EventFileError, limit_s: float) -> None:
        super().__init__(str(error))
        self.error = error
        self.limit_s = limit_s


def _checked_version(engine: Engine, name: str, patience: Patience) -> int:
    try:
        return _retrying(lambda: _read_schema_version(engine, name), name, patience)
    except (SQLAlchemyError, DBAPIError) as error:  # e.g. a file that is not a database at all
        raise EventFileError(f"{name} cannot be read as an event database ({_reason(error)}).") from error


def _require_empty_database(engine: Engine, name: str) -> None:
    """A new event goes into an empty database only: never beside another event or another application's data."""

    def tables() -> list[str]:
        with engine.connect() as connection:
            return inspect(connection).get_table_names()

    found = _retrying(tables, name, Patience())
    if "meta" in found:
        raise EventFileError(f"{name} already holds an event; choose an empty database.")
    if found:
        shown = ", ".join(sorted(found)[:3]) + (" …" if len(found) > 3 else "")
        raise EventFileError(f"{name} is not empty (it has tables {shown}); an event needs an empty database.")


def _check_sqlite_file(path: Path) -> None:
    if not path.exists():
        raise EventFileError(f"There is no event file at {path}.")
    if path.is_dir():
        raise EventFileError(f"{path} is a folder, not an event file.")
    try:
        with path.open("rb") as handle:
            magic = handle.read(len(dialects.SQLITE_MAGIC))
    except OSError as error:
        raise EventFileError(f"{path.name} cannot be read ({error.strerror}).") from error
    if magic != dialects.SQLITE_MAGIC:
        raise EventFileError(f"{path.name} is not an Accreditor event file.")
