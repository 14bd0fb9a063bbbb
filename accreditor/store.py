"""Open, create and migrate an event database: one event, one SQLite file (or PostgreSQL URL).

Opening never changes a file it cannot fully understand: the file is checked (SQLite magic,
our application marker, schema version) through a read-only connection before anything is
written to it.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, inspect, select
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from accreditor import audit, dialects, keys, migrations, schema, sealing
from accreditor.clock import utc_now
from accreditor.errors import EventFileError
from accreditor.migrations import PassphraseRequiredError


@dataclass(frozen=True, slots=True)
class EventInfo:
    name: str
    starts_on: date | None
    ends_on: date | None
    venue: str


def _is_url(location: str) -> bool:
    return "://" in location


def _engine_url(location: str) -> str:
    if location.startswith("postgresql://"):
        return "postgresql+psycopg://" + location.removeprefix("postgresql://")
    return location


def _sqlite_engine(path: Path, *, read_only: bool = False) -> Engine:
    if read_only:
        engine = create_engine(f"sqlite+pysqlite:///file:{path}?mode=ro&uri=true")
    else:
        engine = create_engine(f"sqlite+pysqlite:///{path}")
    dialects.configure_sqlite(engine)
    return engine


def _display(location: str) -> str:
    if not _is_url(location):
        return Path(location).name
    head, _, tail = location.rpartition("@")
    return tail if head else location


def _read_schema_version(engine: Engine, name: str) -> int:
    """The schema version recorded in the database, or EventFileError if it is not an event."""
    try:
        with engine.connect() as connection:
            if not inspect(connection).has_table("meta"):
                raise EventFileError(f"{name} is not an Accreditor event file.")
            rows = dict(connection.execute(select(schema.meta.c.key, schema.meta.c.value)).all())
    except EventFileError:
        raise
    except (SQLAlchemyError, DBAPIError) as error:
        raise EventFileError(f"{name} cannot be read as an event database ({_reason(error)}).") from error
    if rows.get("application") != schema.APPLICATION_ID:
        raise EventFileError(f"{name} is not an Accreditor event file.")
    try:
        return int(rows["schema_version"])
    except (KeyError, ValueError) as error:
        raise EventFileError(f"{name} has no readable schema version; it may be damaged.") from error


def _reason(error: BaseException) -> str:
    original = getattr(error, "orig", None) or error
    return str(original).splitlines()[0]


class EventStore:
    """A connection to one event's database.  Use `EventStore.open` or `EventStore.create`."""

    def __init__(self, engine: Engine, location: str) -> None:
        self.engine = engine
        self.location = location
        self.display_name = _display(location)

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    def open(cls, location: str | Path, *, passphrase: str | None = None) -> "EventStore":
        """Open an event; one made by an older version is upgraded, which seals its signing key with
        `passphrase` (or the passphrase source's, see keys.set_passphrase_source): PassphraseRequiredError
        when there is none, and the file is left unchanged."""
        location = str(location)
        name = _display(location)
        if _is_url(location):
            engine = create_engine(_engine_url(location))
            version = _read_schema_version(engine, name)
        else:
            path = Path(location)
            _check_sqlite_file(path)
            probe = _sqlite_engine(path, read_only=True)
            try:
                version = _read_schema_version(probe, name)
            finally:
                probe.dispose()
            engine = _sqlite_engine(path)
        if version > schema.SCHEMA_VERSION:
            engine.dispose()
            raise EventFileError(
                f"{name} was made by a newer version of Accreditor (schema {version}; this version reads "
                f"up to {schema.SCHEMA_VERSION}); update Accreditor to open it."
            )
        store = cls(engine, location)
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
        passphrase: str,
    ) -> "EventStore":
        """A new, empty event (no categories yet: see `categories.install_standard`) with its uid and its
        signing key, sealed with `passphrase` and unlocked for this session."""
        location = str(location)
        sealing.check_new_passphrase(passphrase)
        if not name.strip():
            raise EventFileError("An event needs a name.")
        if starts_on and ends_on and ends_on < starts_on:
            raise EventFileError("The event cannot end before it starts.")
        if _is_url(location):
            engine = create_engine(_engine_url(location))
            with engine.connect() as connection:
                if inspect(connection).has_table("meta"):
                    engine.dispose()
                    raise EventFileError(f"{_display(location)} already holds an event.")
        else:
            path = Path(location)
            if path.exists():
                raise EventFileError(f"{path.name} already exists; choose another file name.")
            if not path.parent.is_dir():
                raise EventFileError(f"The folder {path.parent} does not exist.")
            engine = _sqlite_engine(path)
        with engine.begin() as connection:
            schema.metadata.create_all(connection)
            dialects.install_audit_triggers(connection)
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
        dialects.enable_wal(engine)
        return cls(engine, location)

    def _migrate(self, from_version: int, passphrase: str | None) -> None:
        backup = None if _is_url(self.location) else Path(f"{self.location}.schema-{from_version}.bak")
        if backup is not None:
            dialects.backup_sqlite(Path(self.location), backup)
        try:
            with self.engine.begin() as connection:
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
        """
        with self.engine.connect() as connection:
            connection.execution_options(**{dialects.SQLITE_IMMEDIATE: True})
            with connection.begin():
                yield connection

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A connection for reading."""
        with self.engine.connect() as connection:
            yield connection

    def event_info(self) -> EventInfo:
        with self.connect() as connection:
            row = connection.execute(select(schema.event).where(schema.event.c.id == 1)).one()
        return EventInfo(name=row.name, starts_on=row.starts_on, ends_on=row.ends_on, venue=row.venue)

    def schema_version(self) -> int:
        return _read_schema_version(self.engine, self.display_name)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "EventStore":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


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
