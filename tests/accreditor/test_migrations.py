"""Event files written by every earlier schema version open, migrate, and end up as a new event's schema.

The files in tests/data/migrations were written by the code of each version (README.md there says
how).  Each is copied, opened with today's code (which migrates it), and then compared with an event
created today: tables, columns and their types, defaults, keys, constraints, indexes and triggers.
Every row the old file held is still there, unchanged, and the migrated event works: signed badges,
verification, check-in, gate scans, an append-only log.
"""

import re
import shutil
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.exc import DatabaseError

from accreditor import checkin, keys, schema, sealing
from accreditor import guests as guest_store
from accreditor.badges.printing import current_token
from accreditor.gate.offline_gate import open_event_gate
from accreditor.gate.verdicts import GateContext
from accreditor.store import EventStore
from accreditor.verification import EventVerifier

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "migrations"
EARLIER_VERSIONS = range(1, schema.SCHEMA_VERSION)
# The earlier versions, and the current one's file too once it exists (made by the last code of the version before
# a later one is added): opened unchanged, it shows today's new event is still what that code made.
FILE_VERSIONS = [
    version for version in range(1, schema.SCHEMA_VERSION + 1) if (FIXTURES / f"schema-{version}.accreditor").exists()
]
DURING_THE_EVENT = datetime(2027, 5, 3, 10, 0, tzinfo=UTC)
TEST_PASSPHRASE = "test passphrase"  # what the suite's passphrase source gives an upgrade (tests/conftest.py)


def fixture(version: int) -> Path:
    return FIXTURES / f"schema-{version}.accreditor"


def _normalised(sql: str | None) -> str:
    """SQL text with the layout taken out: spacing, line breaks and quotes around names."""
    text = re.sub(r"\s+", " ", (sql or "").replace('"', "")).strip()
    return re.sub(r"\s*([(),])\s*", r"\1", text)


def _checks(table_sql: str) -> list[str]:
    """The CHECK constraints of a CREATE TABLE statement, named or not."""
    text = _normalised(table_sql)
    found = []
    for match in re.finditer(r"(?:CONSTRAINT (\w+) )?CHECK\(", text):
        depth, end = 1, match.end()
        while depth:
            depth += {"(": 1, ")": -1}.get(text[end], 0)
            end += 1
        found.append(f"{match.group(1) or ''}:{text[match.end() : end - 1]}")
    return sorted(found)


def structure(path: Path) -> dict[str, Any]:
    """Everything of an SQLite database's schema that matters, in a form two databases can be compared in."""
    database = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        objects = database.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
        ).fetchall()
        tables: dict[str, Any] = {}
        for kind, name, _table, sql in objects:
            if kind != "table":
                continue
            indexes = {}
            for _seq, index, unique, origin, partial in database.execute(f"PRAGMA index_list('{name}')"):
                columns = [row[2] for row in database.execute(f"PRAGMA index_info('{index}')")]
                key = index if not index.startswith("sqlite_autoindex") else f"auto:{','.join(columns)}"
                indexes[key] = (bool(unique), origin, bool(partial), columns)
            tables[name] = {
                "columns": [row[1:] for row in database.execute(f"PRAGMA table_xinfo('{name}')")],
                "foreign_keys": sorted(row[2:] for row in database.execute(f"PRAGMA foreign_key_list('{name}')")),
                "checks": _checks(sql),
                "indexes": indexes,
            }
        return {
            "tables": tables,
            "index_sql": {name: _normalised(sql) for kind, name, _t, sql in objects if kind == "index" and sql},
            "triggers": {name: (table, _normalised(sql)) for kind, name, table, sql in objects if kind == "trigger"},
            "views": {name: _normalised(sql) for kind, name, _t, sql in objects if kind == "view"},
            "meta_keys": sorted(key for (key,) in database.execute("SELECT key FROM meta")),
        }
    finally:
        database.close()


def _unsealed_keys(columns: list[str], rows: list[tuple[Any, ...]]) -> tuple[list[str], list[tuple[Any, ...]]]:
    stored = "sealed_private_key" if "sealed_private_key" in columns else "private_key"
    at, key_id = columns.index(stored), columns.index("key_id")
    opened = [
        tuple(
            sealing.unseal(value, TEST_PASSPHRASE, row[key_id].encode()) if index == at and sealing.is_sealed(value)
            else value
            for index, value in enumerate(row)
        )
        for row in rows
    ]  # fmt: skip
    return [("private_key" if column == stored else column) for column in columns], opened


def rows_of(path: Path, *, unsealed: bool = False) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    """Every table's columns and rows (meta aside: its version changes by design).

    `unsealed`: the signing keys as their raw seeds, under the name earlier versions gave the column (from
    schema 6 on the private keys are stored sealed with the event's passphrase, the backup's too).
    """
    database = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [row[0] for row in database.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        found = {}
        for name in names:
            if name == "meta" or name.startswith("sqlite_"):
                continue
            columns = [row[1] for row in database.execute(f"PRAGMA table_info('{name}')")]
            rows = database.execute(f"SELECT * FROM {name} ORDER BY rowid").fetchall()
            if unsealed and name == "signing_keys":
                columns, rows = _unsealed_keys(columns, rows)
            found[name] = (columns, rows)
        return found
    finally:
        database.close()


def schema_version_of(path: Path) -> int:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as database:
        return int(database.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0])


@pytest.fixture
def fresh(tmp_path: Path) -> Path:
    """An event created by today's code: the schema every migrated file must end up with."""
    path = tmp_path / "fresh.accreditor"
    EventStore.create(
        path, passphrase="test passphrase", name="Fresh", starts_on=date(2027, 5, 3), ends_on=date(2027, 5, 4)
    ).close()
    return path


@pytest.fixture(params=FILE_VERSIONS, ids=lambda version: f"schema-{version}")
def migrated(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[int, Path, Path]:
    """(version, the untouched fixture copy, the copy opened and migrated by today's code)."""
    version: int = request.param
    original, copy = tmp_path / "original.accreditor", tmp_path / "event.accreditor"
    shutil.copyfile(fixture(version), original)
    shutil.copyfile(fixture(version), copy)
    EventStore.open(copy).close()
    return version, original, copy


def test_every_earlier_schema_version_has_a_fixture_made_by_its_own_code() -> None:
    assert [schema_version_of(fixture(version)) for version in EARLIER_VERSIONS] == list(EARLIER_VERSIONS)
    readme = (FIXTURES / "README.md").read_text(encoding="utf-8")
    for version in EARLIER_VERSIONS:
        assert f"schema-{version}.accreditor" in readme, f"README.md does not say how schema {version} was made"


def test_a_migrated_file_has_the_schema_of_a_new_event(migrated: tuple[int, Path, Path], fresh: Path) -> None:
    version, _original, copy = migrated
    assert schema_version_of(copy) == schema.SCHEMA_VERSION

    got, expected = structure(copy), structure(fresh)

    assert sorted(got["tables"]) == sorted(expected["tables"]), f"tables after migrating schema {version}"
    for table, shape in expected["tables"].items():
        assert got["tables"][table] == shape, f"table {table} after migrating schema {version}"
    for part in ("index_sql", "triggers", "views", "meta_keys"):
        assert got[part] == expected[part], f"{part} after migrating schema {version}"


def test_migration_keeps_every_row_and_a_backup_of_the_file(migrated: tuple[int, Path, Path]) -> None:
    version, original, copy = migrated
    before, after = rows_of(original, unsealed=True), rows_of(copy, unsealed=True)

    for table, (columns, rows) in before.items():
        now_columns, now_rows = after[table]
        kept = [now_columns.index(column) for column in columns]  # a migration may add columns, never drop
        assert [tuple(row[index] for index in kept) for row in now_rows] == rows, f"{table} of schema {version}"
    backup = Path(f"{copy}.schema-{version}.bak")
    if version == schema.SCHEMA_VERSION:  # nothing to migrate, nothing to back up
        assert not backup.exists()
        return
    assert schema_version_of(backup) == version
    assert rows_of(backup, unsealed=True) == before


def test_the_old_events_data_reads_as_it_was_written(migrated: tuple[int, Path, Path]) -> None:
    _version, _original, copy = migrated
    with EventStore.open(copy) as store, store.connect() as connection:
        people = {guest.id: guest for guest in guest_store.list_guests(connection)}
        photo = guest_store.photo(connection, 2)
    assert {guest_id: guest.full_name for guest_id, guest in people.items()} == {
        1: "Ҷамшед Раҳмонов",
        2: "عبد الرحمن أبو داوود",
        3: "王秀珍",  # family name first, as Chinese names are written
        4: "Łukasz Kozłowski",
        5: "Søren Ørsted",
        6: "Aram Petrosyan",
    }
    assert {guest_id: guest.status for guest_id, guest in people.items()} == {
        1: "approved",
        2: "approved",
        3: "approved",
        4: "revoked",
        5: "rejected",
        6: "approved",
    }
    assert people[1].checked_in_station == "desk-2"
    assert photo is not None and photo.startswith(b"\xff\xd8")


def test_a_migrated_event_signs_verifies_checks_in_and_scans(migrated: tuple[int, Path, Path]) -> None:
    version, _original, copy = migrated
    with EventStore.open(copy) as store:
        with store.connect() as connection:
            assert len(keys.event_uid(connection)) == 8, f"schema {version} got an event uid"
            token = current_token(connection, store.event_info(), 6, today=DURING_THE_EVENT.date())
            assert EventVerifier(connection).verify(token, today=DURING_THE_EVENT.date()).reason == "ok"
        with store.begin() as connection:
            assert checkin.check_in(connection, 6, station="desk-9", user="desk").newly_checked_in
        with store.connect() as connection, pytest.raises(DatabaseError, match="append-only"):
            connection.exec_driver_sql("DELETE FROM audit_log")
    with open_event_gate(copy, GateContext(zone="PLN", gate="PLN-in")) as gate:
        verdict = gate.scan(token, now=DURING_THE_EVENT)
        assert (verdict.guest_id, verdict.serial) == (6, 1)
        assert verdict.reason not in {"malformed", "bad_signature", "unknown_key", "wrong_event", "superseded"}
        assert gate.scans()[-1].guest_id == 6
