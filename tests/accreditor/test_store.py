"""Opening, creating and migrating event files: the store never damages a file it does not understand."""

import hashlib
import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Connection, insert
from sqlalchemy.exc import IntegrityError

from accreditor import migrations, schema
from accreditor.clock import utc_now
from accreditor.errors import EventFileError
from accreditor.store import EventInfo, EventStore


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def raw_query(path: Path, sql: str) -> list[tuple]:
    """Read the file with the plain sqlite3 module, bypassing everything the store sets up."""
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(sql).fetchall()


def raw_execute(path: Path, *statements: str) -> None:
    with closing(sqlite3.connect(path)) as connection:
        for statement in statements:
            connection.execute(statement)
        connection.commit()


def new_event(path: Path) -> Path:
    EventStore.create(path, passphrase="test passphrase", name="Old event", starts_on=date(2026, 1, 1)).close()
    return path


def stored_schema_version(path: Path) -> int:
    return int(raw_query(path, "SELECT value FROM meta WHERE key = 'schema_version'")[0][0])


def guest_columns(path: Path) -> list[str]:
    return [row[1] for row in raw_query(path, "PRAGMA table_info(guests)")]


# -- create and open ---------------------------------------------------------------------------


def test_created_event_opens_with_its_name_dates_and_venue(tmp_path: Path) -> None:
    path = tmp_path / "summit.accreditor"
    EventStore.create(
        path,
        passphrase="test passphrase",
        name="  Summit  ",
        starts_on=date(2027, 5, 3),
        ends_on=date(2027, 5, 4),
        venue="Dushanbe",
    ).close()

    with EventStore.open(path) as store:
        assert store.event_info() == EventInfo("Summit", date(2027, 5, 3), date(2027, 5, 4), "Dushanbe")
        assert store.schema_version() == schema.SCHEMA_VERSION


def test_event_without_dates_opens_with_none_dates(tmp_path: Path) -> None:
    path = tmp_path / "undated.accreditor"
    EventStore.create(path, passphrase="test passphrase", name="Undated").close()

    with EventStore.open(path) as store:
        assert store.event_info() == EventInfo("Undated", None, None, "")


def test_created_file_is_in_wal_mode(event_path: Path) -> None:
    EventStore.create(event_path, passphrase="test passphrase", name="Summit").close()

    assert raw_query(event_path, "PRAGMA journal_mode") == [("wal",)]


def test_opening_switches_a_file_to_wal_mode(event_path: Path) -> None:
    new_event(event_path)
    raw_execute(event_path, "PRAGMA journal_mode = DELETE")
    assert raw_query(event_path, "PRAGMA journal_mode") == [("delete",)]

    EventStore.open(event_path).close()

    assert raw_query(event_path, "PRAGMA journal_mode") == [("wal",)]


def test_foreign_keys_are_enforced(store: EventStore) -> None:
    now = utc_now()
    with pytest.raises(IntegrityError, match="FOREIGN KEY"), store.begin() as connection:
        connection.execute(
            insert(schema.guests).values(family_name="Doe", category_code="NOPE", created_at=now, updated_at=now)
        )


def test_a_failed_transaction_is_rolled_back(store: EventStore) -> None:
    now = utc_now()
    with pytest.raises(IntegrityError), store.begin() as connection:
        connection.execute(
            insert(schema.guests).values(family_name="Kept?", category_code="DEL", created_at=now, updated_at=now)
        )
        connection.execute(
            insert(schema.guests).values(family_name="Doe", category_code="NOPE", created_at=now, updated_at=now)
        )

    assert raw_query(store.location, "SELECT count(*) FROM guests") == [(0,)]


# -- files that are not ours are refused and left alone -----------------------------------------


def make_text_file(path: Path) -> Path:
    path.write_text("family;given\nRahmonov;Jamshed\n", encoding="utf-8")
    return path


def make_plain_sqlite(path: Path) -> Path:
    raw_execute(path, "CREATE TABLE people (name TEXT)", "INSERT INTO people VALUES ('Jamshed')")
    return path


def make_foreign_meta_table(path: Path) -> Path:
    raw_execute(
        path,
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)",
        "INSERT INTO meta VALUES ('application', 'someone-else'), ('schema_version', '1')",
    )
    return path


def make_newer_event(path: Path) -> Path:
    new_event(path)
    raw_execute(path, f"UPDATE meta SET value = '{schema.SCHEMA_VERSION + 1}' WHERE key = 'schema_version'")
    return path


def make_event_without_version(path: Path) -> Path:
    new_event(path)
    raw_execute(path, "DELETE FROM meta WHERE key = 'schema_version'")
    return path


@pytest.mark.parametrize(
    ("make_file", "message"),
    [
        (make_text_file, "not an Accreditor event file"),
        (make_plain_sqlite, "not an Accreditor event file"),
        (make_foreign_meta_table, "not an Accreditor event file"),
        (make_newer_event, "newer version of Accreditor"),
        (make_event_without_version, "no readable schema version"),
    ],
    ids=["text file", "plain sqlite", "other application", "newer schema", "no schema version"],
)
def test_open_refuses_a_file_and_leaves_its_bytes_unchanged(
    event_path: Path, make_file: Callable[[Path], Path], message: str
) -> None:
    make_file(event_path)
    before = sha256(event_path)

    with pytest.raises(EventFileError, match=message):
        EventStore.open(event_path)

    assert sha256(event_path) == before


def test_open_refuses_a_missing_file_without_creating_it(tmp_path: Path) -> None:
    missing = tmp_path / "missing.accreditor"

    with pytest.raises(EventFileError, match="no event file"):
        EventStore.open(missing)

    assert not missing.exists()


def test_open_refuses_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "folder.accreditor"
    folder.mkdir()

    with pytest.raises(EventFileError, match="is a folder"):
        EventStore.open(folder)

    assert list(folder.iterdir()) == []


def test_refusal_of_a_newer_file_names_both_versions(event_path: Path) -> None:
    make_newer_event(event_path)

    with pytest.raises(EventFileError) as refused:
        EventStore.open(event_path)

    assert f"schema {schema.SCHEMA_VERSION + 1}" in str(refused.value)
    assert f"up to {schema.SCHEMA_VERSION}" in str(refused.value)


def test_create_refuses_an_existing_file_and_leaves_it_unchanged(event_path: Path) -> None:
    make_text_file(event_path)
    before = sha256(event_path)

    with pytest.raises(EventFileError, match="already exists"):
        EventStore.create(event_path, passphrase="test passphrase", name="Summit")

    assert sha256(event_path) == before


def test_create_refuses_an_event_that_ends_before_it_starts(event_path: Path) -> None:
    with pytest.raises(EventFileError, match="end before it starts"):
        EventStore.create(
            event_path,
            passphrase="test passphrase",
            name="Summit",
            starts_on=date(2027, 5, 4),
            ends_on=date(2027, 5, 3),
        )

    assert not event_path.exists()


def test_create_accepts_a_one_day_event(event_path: Path) -> None:
    with EventStore.create(
        event_path, passphrase="test passphrase", name="Summit", starts_on=date(2027, 5, 3), ends_on=date(2027, 5, 3)
    ) as store:
        assert store.event_info().ends_on == date(2027, 5, 3)


def test_create_refuses_a_blank_name(event_path: Path) -> None:
    with pytest.raises(EventFileError, match="needs a name"):
        EventStore.create(event_path, passphrase="test passphrase", name="   ")

    assert not event_path.exists()


def test_create_refuses_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(EventFileError, match="does not exist"):
        EventStore.create(tmp_path / "nowhere" / "event.accreditor", passphrase="test passphrase", name="Summit")


# -- migrating forward ---------------------------------------------------------------------------


OLD_VERSION = schema.SCHEMA_VERSION
NEW_VERSION = OLD_VERSION + 1


@pytest.fixture
def old_event(event_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An event file of today's schema, opened by an Accreditor that reads one version more."""
    new_event(event_path)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", NEW_VERSION)
    return event_path


def add_badge_note_column(connection: Connection) -> None:
    connection.exec_driver_sql("ALTER TABLE guests ADD COLUMN badge_note TEXT NOT NULL DEFAULT ''")


def add_column_then_fail(connection: Connection) -> None:
    add_badge_note_column(connection)
    connection.exec_driver_sql("UPDATE no_such_table SET x = 1")


def test_opening_an_older_file_migrates_it_forward(old_event: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(migrations.STEPS, OLD_VERSION, add_badge_note_column)

    with EventStore.open(old_event) as store:
        assert store.schema_version() == NEW_VERSION

    assert stored_schema_version(old_event) == NEW_VERSION
    assert "badge_note" in guest_columns(old_event)


def dump(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def test_migration_keeps_a_backup_with_the_original_content(old_event: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(migrations.STEPS, OLD_VERSION, add_badge_note_column)
    original = dump(old_event)

    EventStore.open(old_event).close()

    backup = old_event.with_name(f"{old_event.name}.schema-{OLD_VERSION}.bak")
    assert dump(backup) == original, "every table, row and trigger of the old file"
    assert dump(old_event) != original


def test_backup_includes_changes_still_in_the_write_ahead_log(old_event: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(migrations.STEPS, OLD_VERSION, add_badge_note_column)
    writer = sqlite3.connect(old_event)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE event SET venue = 'changed in the log'")
    writer.commit()  # committed, but only in the -wal file while this connection stays open

    EventStore.open(old_event).close()
    writer.close()

    backup = old_event.with_name(f"{old_event.name}.schema-{OLD_VERSION}.bak")
    rows = sqlite3.connect(backup).execute("SELECT venue FROM event").fetchall()
    assert rows == [("changed in the log",)]


def test_a_failing_migration_leaves_the_file_unchanged(old_event: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(migrations.STEPS, OLD_VERSION, add_column_then_fail)
    before = sha256(old_event)

    with pytest.raises(EventFileError, match=f"could not be upgraded from schema {OLD_VERSION}"):
        EventStore.open(old_event)

    assert sha256(old_event) == before
    assert stored_schema_version(old_event) == OLD_VERSION
    assert "badge_note" not in guest_columns(old_event)


def test_a_failed_migration_can_be_retried_once_fixed(old_event: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(migrations.STEPS, OLD_VERSION, add_column_then_fail)
    with pytest.raises(EventFileError):
        EventStore.open(old_event)

    monkeypatch.setitem(migrations.STEPS, OLD_VERSION, add_badge_note_column)
    EventStore.open(old_event).close()

    assert stored_schema_version(old_event) == NEW_VERSION
    assert "badge_note" in guest_columns(old_event)
