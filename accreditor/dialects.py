"""The one place for SQL that only one database understands.

Everything else in the core is portable SQLAlchemy Core.  Here: SQLite connection pragmas
and transaction handling, and the triggers that keep the audit and scan logs append-only.
"""

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, event, func, insert, select

SQLITE_MAGIC = b"SQLite format 3\x00"
# Execution option: begin the transaction with the write lock taken (see EventStore.begin).
SQLITE_IMMEDIATE = "accreditor_sqlite_immediate"

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
        cursor.execute("PRAGMA busy_timeout = 10000")
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
    if engine.dialect.name != "sqlite":
        return
    raw = engine.raw_connection()
    try:
        raw.cursor().execute("PRAGMA journal_mode = WAL")
    finally:
        raw.close()


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

    On SQLite, SQLAlchemy's per-row parameter handling costs twice the insert itself for the
    100,000-row imports we promise in seconds, so the rows are converted with SQLAlchemy's own
    bind processors (same stored format) and handed to the driver's executemany directly.
    """
    if not rows:
        return
    if connection.dialect.name != "sqlite":
        connection.execute(insert(table), rows)
        return
    names = list(rows[0])
    # Column defaults are applied by SQLAlchemy, not by the database: fill them in here.
    defaults = {
        column.name: column.default.arg
        for column in table.columns
        if column.name not in rows[0] and column.default is not None and column.default.is_scalar
    }
    names += list(defaults)
    columns = ", ".join(f'"{name}"' for name in names)
    statement = f'INSERT INTO "{table.name}" ({columns}) VALUES ({", ".join("?" * len(names))})'
    converted = [[row[name] if name in row else defaults[name] for name in names] for row in rows]
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
    connection.exec_driver_sql(statement, [tuple(values) for values in converted])


def insert_many_returning_ids(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> list[int]:
    """Insert rows and return their new ids in the order of `rows`.

    SQLAlchemy can only return ids in parameter order from SQLite one row at a time.  Our SQLite
    write transactions hold the database's write lock (BEGIN IMMEDIATE), and SQLite gives a new
    row the largest rowid plus one, so a batch gets the consecutive ids after the current
    largest; the count is checked afterwards.
    """
    if connection.dialect.name != "sqlite":
        result = connection.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows)
        return list(result.scalars())
    before = connection.execute(select(func.max(table.c.id))).scalar() or 0
    insert_many(connection, table, rows)
    after = connection.execute(select(func.max(table.c.id))).scalar() or 0
    if after - before != len(rows):  # pragma: no cover - would mean another writer inside our lock
        raise RuntimeError("rows were inserted concurrently into a locked SQLite database")
    return list(range(before + 1, after + 1))
