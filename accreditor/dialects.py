"""The one place for SQL that only one database understands.

Everything else in the core is portable SQLAlchemy Core.  Here: SQLite connection pragmas
and transaction handling, and the triggers that keep the audit log append-only.
"""

import sqlite3
from typing import Any

from sqlalchemy import Connection, Engine, event

SQLITE_MAGIC = b"SQLite format 3\x00"

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
        connection.exec_driver_sql("BEGIN")


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


def install_audit_triggers(connection: Connection) -> None:
    for statement in _AUDIT_TRIGGERS.get(connection.dialect.name, ()):
        connection.exec_driver_sql(statement)
