"""The one place for SQL that only one database understands.

Everything else in the core is portable SQLAlchemy Core.  Here: SQLite connection pragmas
and transaction handling, the triggers that keep the audit and scan logs append-only, membership
tests of any length, and how each driver says "locked", "unreachable" or "try again".
"""

import json
import sqlite3
from collections.abc import Callable, Collection
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Connection,
    Engine,
    Table,
    any_,
    bindparam,
    event,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError

SQLITE_MAGIC = b"SQLite format 3\x00"
# Execution option: begin the transaction with the write lock taken (see EventStore.begin).
SQLITE_IMMEDIATE = "accreditor_sqlite_immediate"
SQLITE_BUSY_TIMEOUT_MS = 2000

# Tables whose rows are only ever inserted, with the sentence a refused change fails with.
APPEND_ONLY_TABLES: dict[str, str] = {
    "audit_log": "the audit log is append-only",
    "scans": "the scan log is append-only",
}


def _append_only_statements(dialect: str, table: str) -> tuple[str, ...]:
    """Triggers that refuse UPDATE and DELETE on `table` (a no-op on databases we do not know)."""
    message = APPEND_ONLY_TABLES[table]
    if dialect == "sqlite":
        return tuple(
            f"CREATE TRIGGER IF NOT EXISTS {table}_no_{verb} BEFORE {verb.upper()} ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
            for verb in ("update", "delete")
        )
    if dialect == "postgresql":
        return (
            f"CREATE OR REPLACE FUNCTION {table}_append_only() RETURNS trigger AS $$ "
            f"BEGIN RAISE EXCEPTION '{message}'; END; $$ LANGUAGE plpgsql",
            f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}",
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {table}_append_only()",
        )
    return ()


def configure_sqlite(engine: Engine) -> None:
    """Foreign keys on, wait for a busy file instead of failing, and explicit transactions.

    pysqlite's own transaction handling starts transactions late and never for DDL; taking
    it over (the SQLAlchemy-documented recipe) makes migrations and imports truly atomic.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        # A writer waits this long for another's lock inside SQLite; EventStore.begin retries beyond it.
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        # Each commit reaches the disk before it returns (SQLite's usual default, stated here because
        # a scan a gate has shown or a check-in a desk has confirmed must survive a power cut).
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        immediate = connection.get_execution_options().get(SQLITE_IMMEDIATE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def enable_wal(engine: Engine) -> None:
    """Write-ahead logging lets a desk read while another writes; a no-op on other databases.

    SQLite refuses the switch inside a transaction, so it goes through the driver directly.
    """
    _outside_transactions(engine, "PRAGMA journal_mode = WAL")


def change_marker(connection: Connection) -> tuple[int, int] | None:
    """A value that changes whenever another connection commits to the database; None where there is none.

    Read inside a transaction: a cache built under one marker is still true under the same marker
    (SQLite's `PRAGMA data_version` counts the commits of other connections, this one's own are not
    counted, and it is per connection — hence the connection's identity in the marker).
    """
    if connection.dialect.name != "sqlite":
        return None
    version = connection.exec_driver_sql("PRAGMA data_version").scalar_one()
    return id(connection.connection.dbapi_connection), int(version)


def backup_sqlite(path: Path, backup: Path) -> None:
    """A consistent copy of an SQLite event, including changes still in its write-ahead log."""
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    target = sqlite3.connect(backup)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()


# -- live changes between stations (PostgreSQL) --------------------------------------------------------

CHANGES_CHANNEL = "accreditor_changes"
# Past this many guests a notification says "all guests" (a NOTIFY payload must stay under 8,000 bytes).
NOTIFY_MAX_GUESTS = 200

# table -> (topic, column naming the guest, or None).  Topic names are those of changes.Topic.
NOTIFYING_TABLES: dict[str, tuple[str, str | None]] = {
    "guests": ("guests", "id"),
    "guest_zones": ("guests", "guest_id"),
    "checkins": ("check_ins", "guest_id"),
    "badges": ("prints", "guest_id"),
    "guest_photos": ("photos", "guest_id"),
    "scans": ("scans", "guest_id"),
    "categories": ("categories", None),
    "zones": ("categories", None),
    "category_zones": ("categories", None),
    "event": ("event", None),
    "signing_keys": ("event", None),
    "organisation_short_names": ("guests", None),  # what badges print for a long organisation
}

_NOTIFY_FUNCTIONS = (
    # Row tables: one notification per statement with the distinct guest ids it touched.
    f"""CREATE OR REPLACE FUNCTION accreditor_notify_rows() RETURNS trigger AS $$
DECLARE
    ids text[];
    payload jsonb;
BEGIN
    IF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT to_jsonb(r) ->> TG_ARGV[1]) FILTER (WHERE to_jsonb(r) ->> TG_ARGV[1] IS NOT NULL)
            INTO ids FROM old_rows r;
    ELSE
        SELECT array_agg(DISTINCT to_jsonb(r) ->> TG_ARGV[1]) FILTER (WHERE to_jsonb(r) ->> TG_ARGV[1] IS NOT NULL)
            INTO ids FROM new_rows r;
    END IF;
    payload := jsonb_build_object('topic', TG_ARGV[0], 'station', current_setting('application_name'));
    IF coalesce(array_length(ids, 1), 0) > {NOTIFY_MAX_GUESTS} THEN
        payload := payload || jsonb_build_object('all', true);
    ELSE
        payload := payload || jsonb_build_object('guests', coalesce(ids, '{{}}'::text[]));
    END IF;
    PERFORM pg_notify('{CHANGES_CHANNEL}', payload::text);
    RETURN NULL;
END $$ LANGUAGE plpgsql""",
    # Tables without guests (categories, zones, the event): the topic alone.
    f"""CREATE OR REPLACE FUNCTION accreditor_notify_topic() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('{CHANGES_CHANNEL}', jsonb_build_object(
        'topic', TG_ARGV[0], 'station', current_setting('application_name'), 'guests', '{{}}'::text[])::text);
    RETURN NULL;
END $$ LANGUAGE plpgsql""",
)


def _notify_trigger_statements(table: str) -> list[str]:
    topic, column = NOTIFYING_TABLES[table]
    if column is None:
        return [
            f"CREATE TRIGGER {table}_notify AFTER INSERT OR UPDATE OR DELETE ON {table} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION accreditor_notify_topic('{topic}')"
        ]
    # A trigger with a transition table serves one kind of statement only.
    return [
        f"CREATE TRIGGER {table}_notify_{verb.lower()} AFTER {verb} ON {table} "
        f"REFERENCING {'OLD' if verb == 'DELETE' else 'NEW'} TABLE AS {'old_rows' if verb == 'DELETE' else 'new_rows'} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION accreditor_notify_rows('{topic}', '{column}')"
        for verb in ("INSERT", "UPDATE", "DELETE")
        if not (table in APPEND_ONLY_TABLES and verb != "INSERT")
    ]


def install_change_notifications(connection: Connection) -> None:
    """On PostgreSQL, every committed change NOTIFYs the other stations (a no-op elsewhere).

    Statement-level triggers send `{"topic", "station", "guests" | "all"}` on CHANGES_CHANNEL; the
    database delivers them at commit, to every station that LISTENs (see live.py).  Installed when an
    event is created or copied, or when it is opened without them; tables are not changed.
    """
    if connection.dialect.name != "postgresql":
        return
    for statement in _NOTIFY_FUNCTIONS:
        connection.exec_driver_sql(statement)
    for table in NOTIFYING_TABLES:
        for statement in _notify_trigger_statements(table):
            connection.exec_driver_sql(statement)


def listen_statement() -> str:
    """What a station's own connection sends to receive the notifications of every commit."""
    return f"LISTEN {CHANGES_CHANNEL}"


def application_names(connection: Connection, prefix: str) -> list[str]:
    """The distinct application names starting with `prefix` connected to this database now (PostgreSQL)."""
    query = text(
        "SELECT DISTINCT application_name FROM pg_stat_activity "
        "WHERE datname = current_database() AND starts_with(application_name, :prefix) ORDER BY application_name"
    )
    return list(connection.execute(query, {"prefix": prefix}).scalars())


def sqlite_data_version(connection: sqlite3.Connection) -> int:
    """A number SQLite changes whenever another connection commits to the file."""
    return int(connection.execute("PRAGMA data_version").fetchone()[0])


def has_change_notifications(connection: Connection) -> bool:
    if connection.dialect.name != "postgresql":
        return True
    found = connection.exec_driver_sql("SELECT 1 FROM pg_proc WHERE proname = 'accreditor_notify_rows'").first()
    return found is not None


def erase_freed_content(connection: Connection) -> None:
    """From now on this connection overwrites what it deletes or replaces, instead of leaving it in free pages.

    Used before a signing key's stored form is replaced: a copy of the file must not hold the old one.
    PostgreSQL's dead row versions are another matter (VACUUM); this is a no-op there.
    """
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("PRAGMA secure_delete = ON")


def flush_write_ahead_log(engine: Engine) -> None:
    """Copy the write-ahead log into the SQLite file and empty it, so no older page versions stay in it."""
    _outside_transactions(engine, "PRAGMA wal_checkpoint(TRUNCATE)")


def _outside_transactions(engine: Engine, pragma: str) -> None:
    """An SQLite pragma that refuses to run inside a transaction, through the driver; a no-op elsewhere."""
    if engine.dialect.name != "sqlite":
        return
    raw = engine.raw_connection()
    try:
        raw.cursor().execute(pragma)
    finally:
        raw.close()


def rewrite_sqlite_file(path: Path, rewrite: Callable[[sqlite3.Connection], None]) -> None:
    """Run `rewrite` on an SQLite file (a backup) in one transaction, then overwrite and compact what it replaced."""
    database = sqlite3.connect(path, isolation_level=None)
    try:
        database.execute("PRAGMA secure_delete = ON")
        database.execute("BEGIN IMMEDIATE")
        try:
            rewrite(database)
        except BaseException:
            database.execute("ROLLBACK")
            raise
        database.execute("COMMIT")
        database.execute("VACUUM")
    finally:
        database.close()


def drop_append_only_trigger(connection: Connection, table: str) -> None:
    """Lift a table's append-only triggers inside a migration that must fill a new column of old rows."""
    if connection.dialect.name == "sqlite":
        for verb in ("update", "delete"):
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {table}_no_{verb}")
    elif connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")


def install_audit_triggers(connection: Connection) -> None:
    """Make every append-only table of a new event database refuse updates and deletes."""
    for table in APPEND_ONLY_TABLES:
        install_append_only_trigger(connection, table)


def install_append_only_trigger(connection: Connection, table: str) -> None:
    """One table's triggers: for a migration that adds the table, or a gate's own scan log file."""
    for statement in _append_only_statements(connection.dialect.name, table):
        connection.exec_driver_sql(statement)


def insert_many(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert many rows at the driver's speed.

    SQLAlchemy's per-row parameter handling costs more than the insert itself for the 100,000-row
    imports we promise in seconds, so the rows are converted with SQLAlchemy's own bind processors
    (same stored format) and handed to the driver directly: SQLite's executemany, PostgreSQL's COPY
    (an INSERT per row over the network would take a minute for 70,000 guests).
    """
    if not rows:
        return
    if connection.dialect.name == "postgresql" and len(rows) >= _COPY_FROM_ROWS:
        names, converted = _driver_rows(connection, table, rows)
        columns = ", ".join(f'"{name}"' for name in names)
        cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        with cursor.copy(f'COPY "{table.name}" ({columns}) FROM STDIN') as copy:
            for values in converted:
                copy.write_row(values)
        return
    if connection.dialect.name != "sqlite":
        connection.execute(insert(table), rows)
        return
    names, converted = _driver_rows(connection, table, rows)
    columns = ", ".join(f'"{name}"' for name in names)
    statement = f'INSERT INTO "{table.name}" ({columns}) VALUES ({", ".join("?" * len(names))})'
    connection.exec_driver_sql(statement, [tuple(values) for values in converted])


def insert_if_absent(connection: Connection, table: Table, values: dict[str, Any]) -> bool:
    """Insert one row unless its primary key is taken; True if this call inserted it.

    `INSERT … ON CONFLICT DO NOTHING` on both databases: a second station inserting the same key at the
    same moment waits for the first to commit and then inserts nothing, where a plain INSERT would fail.
    """
    dialect_insert = postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert
    statement = dialect_insert(table).values(**values).on_conflict_do_nothing()
    # The row count of such an INSERT is not reliable across drivers; the row it returns (or not) is.
    return connection.execute(statement.returning(*table.primary_key.columns)).first() is not None


# Below this many rows a plain INSERT is as quick as COPY on PostgreSQL.
_COPY_FROM_ROWS = 50


def _driver_rows(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> tuple[list[str], list[list[Any]]]:
    """Column names and the rows' values as the driver takes them (defaults filled, bind processors applied).

    Every row has the keys of the first, as for any executemany.
    """
    names = list(rows[0])
    # Column defaults are applied by SQLAlchemy, not by the database: fill them in here.
    defaults = {
        column.name: column.default.arg
        for column in table.columns
        if column.name not in rows[0] and column.default is not None and column.default.is_scalar
    }
    given = itemgetter(*names) if len(names) > 1 else lambda row: (row[names[0]],)
    filled = tuple(defaults.values())
    converted = [[*given(row), *filled] for row in rows]  # one C call per row rather than a lookup per cell
    names += list(defaults)
    for index, name in enumerate(names):
        process = table.c[name].type._cached_bind_processor(connection.dialect)
        if process is None:
            continue
        done: dict[Any, Any] = {}  # timestamps repeat across a batch: convert each once
        for values in converted:
            value = values[index]
            if value not in done:
                done[value] = process(value)
            values[index] = done[value]
    return names, converted


def continue_ids_after_copy(connection: Connection, tables: list[Table]) -> None:
    """After rows were inserted with their ids, new rows must get ids above them.

    SQLite takes the largest rowid plus one by itself; a PostgreSQL identity column counts on its
    own sequence, which inserts with explicit ids do not move.
    """
    if connection.dialect.name != "postgresql":
        return
    for table in tables:
        connection.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), coalesce(max(id), 0) + 1, false) "
            f"FROM {table.name}"
        )


def insert_many_returning_ids(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> list[int]:
    """Insert rows and return their new ids in the order of `rows`.

    SQLAlchemy can only return ids in parameter order from SQLite one row at a time.  Our SQLite
    write transactions hold the database's write lock (BEGIN IMMEDIATE), and SQLite gives a new
    row the largest rowid plus one, so a batch gets the consecutive ids after the current
    largest; the count is checked afterwards.
    """
    if connection.dialect.name == "postgresql":
        # The ids are drawn from the table's own sequence first (safe with other stations inserting at
        # the same moment), then the rows go in with them at COPY speed.
        ids = list(
            connection.exec_driver_sql(
                f"SELECT nextval(pg_get_serial_sequence('{table.name}', 'id')) FROM generate_series(1, {len(rows)})"
            ).scalars()
        )
        insert_many(connection, table, [{"id": new_id, **row} for new_id, row in zip(ids, rows, strict=True)])
        return ids
    if connection.dialect.name != "sqlite":
        result = connection.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows)
        return list(result.scalars())
    before = connection.execute(select(func.max(table.c.id))).scalar() or 0
    insert_many(connection, table, rows)
    after = connection.execute(select(func.max(table.c.id))).scalar() or 0
    if after - before != len(rows):  # pragma: no cover - would mean another writer inside our lock
        raise RuntimeError("rows were inserted concurrently into a locked SQLite database")
    return list(range(before + 1, after + 1))


def one_of(connection: Connection, column: ColumnElement[Any], values: Collection[Any]) -> ColumnElement[bool]:
    """`column IN values` with ONE bound parameter, however many values.

    A plain IN sends one parameter per value, and PostgreSQL refuses a statement with more than
    65,535 of them (SQLite: 32,766).  PostgreSQL takes the values as an array (`= ANY(:values)`),
    SQLite as a JSON list it unpacks itself (`IN (SELECT value FROM json_each(:values))`); both use
    the column's index.
    """
    values = list(values)
    if connection.dialect.name == "postgresql":
        return column == any_(bindparam(None, values, type_=ARRAY(column.type)))
    if connection.dialect.name == "sqlite":
        unpacked = func.json_each(json.dumps(values)).table_valued("value")
        return column.in_(select(unpacked.c.value))
    return column.in_(values)


# -- what a driver error means ---------------------------------------------------------------------

# SQLSTATEs after which the same transaction, run again from the start, can succeed.
_POSTGRES_RETRYABLE = {
    "40001",  # serialization_failure
    "40P01",  # deadlock_detected
    "55P03",  # lock_not_available
    "57P01",  # admin_shutdown (the server restarts)
    "57P03",  # cannot_connect_now (the server is starting)
}


def is_locked(error: BaseException) -> bool:
    """Another writer holds the database (SQLite's lock, PostgreSQL's deadlock or serialisation failure)."""
    original = getattr(error, "orig", error)
    if isinstance(original, sqlite3.OperationalError):
        text = str(original).lower()
        return "locked" in text or "busy" in text
    return getattr(original, "sqlstate", None) in _POSTGRES_RETRYABLE


def is_unreachable(error: BaseException) -> bool:
    """The database server cannot be reached, or the connection to it was lost."""
    if isinstance(error, DBAPIError) and error.connection_invalidated:
        return True
    original = getattr(error, "orig", error)
    if isinstance(original, sqlite3.Error):
        return False
    sqlstate = getattr(original, "sqlstate", None)
    if sqlstate is not None:
        return sqlstate.startswith("08")  # connection_exception and its kinds
    # psycopg reports a failed connection attempt without a SQLSTATE: the server may be out of reach
    # (refused, timed out, unknown host), or it answered and refused us (password, role, database).
    return type(original).__name__ == "OperationalError" and not is_refused_by_server(error)


def is_refused_by_server(error: BaseException) -> bool:
    """The server answered a connection attempt with a refusal: wrong password, unknown role or database."""
    text = str(getattr(error, "orig", error))
    return "FATAL:" in text or "fe_sendauth" in text


def connection_problem(error: BaseException) -> str:
    """The driver's first line about a failed connection, without anything that could hold a password."""
    original = getattr(error, "orig", error)
    text = str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__
    # psycopg starts with 'connection failed: connection to server at "host" (addr), port N failed: why'.
    reason = text.rsplit("failed: ", 1)[-1].strip() or text
    return reason.removeprefix("FATAL:").strip()
