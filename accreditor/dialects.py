"""The one place for SQL that only one database understands.

Everything else in the core is portable SQLAlchemy Core.  Here: SQLite connection pragmas
and transaction handling, and the triggers that keep the audit log append-only.
"""

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, event, func, insert, select

SQLITE_MAGIC = b"SQLite format 3\x00"
# Execution option: begin the transaction with the write lock taken (see EventStore.begin).
SQLITE_IMMEDIATE = "accreditor_sqlite_immediate"

_AUDIT_TRIGGERS: dict[str, tuple[str, ...]] = {
    "sqlite": (
        "CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
        "CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
    ),
    "postgresql": (
        "CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$ "
        "BEGIN RAISE EXCEPTION 'the audit log is append-only'; END; $$ LANGUAGE plpgsql",
        "DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log",
        "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
        "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
    ),
}


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
    for statement in _AUDIT_TRIGGERS.get(connection.dialect.name, ()):
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
