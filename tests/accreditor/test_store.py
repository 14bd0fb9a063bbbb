"""Opening, creating and migrating event files: the store never damages a file it does not understand."""

import hashlib
import sqlite3
import threading
import time
from collections.abc import Callable
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Connection, create_engine, func, insert, select, update
from sqlalchemy.exc import IntegrityError, OperationalError

from accreditor import migrations, schema
from accreditor.clock import utc_now
from accreditor.errors import DatabaseBusyError, EventFileError, ServerUnreachableError
from accreditor.server import free_port
from accreditor.store import EventInfo, EventStore, Patience


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
    with pytest.raises(IntegrityError, match=r"(?i)foreign key"), store.begin() as connection:
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

    with store.connect() as connection:
        assert connection.execute(select(func.count()).select_from(schema.guests)).scalar() == 0


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


# -- events on a PostgreSQL server ---------------------------------------------------------------


def with_password(url: str, password: str) -> str:
    scheme, _, rest = url.partition("://")
    user, _, host = rest.partition("@")
    return f"{scheme}://{user}:{password}@{host}"


def test_an_event_on_a_server_opens_with_its_details(postgres_url: str) -> None:
    EventStore.create(
        postgres_url, passphrase="test passphrase", name="Summit", starts_on=date(2027, 5, 3), venue="Dushanbe"
    ).close()

    with EventStore.open(postgres_url, station="Desk 1") as store:
        assert store.is_server
        assert store.event_info() == EventInfo("Summit", date(2027, 5, 3), None, "Dushanbe")
        assert store.schema_version() == schema.SCHEMA_VERSION
        port_and_database = postgres_url.rsplit(":", maxsplit=1)[1]
        port, database = port_and_database.split("/")
        assert store.display_name == f"{database} on 127.0.0.1:{port}"


def test_create_refuses_a_database_that_already_holds_an_event(postgres_url: str) -> None:
    EventStore.create(postgres_url, passphrase="test passphrase", name="First").close()

    with pytest.raises(EventFileError, match="already holds an event; choose an empty database"):
        EventStore.create(postgres_url, passphrase="test passphrase", name="Second")

    with EventStore.open(postgres_url) as store:
        assert store.event_info().name == "First"


def test_create_refuses_a_database_with_other_data_and_leaves_it_alone(postgres_url: str) -> None:
    other_application = create_engine(postgres_url.replace("://", "+psycopg://", 1))
    with other_application.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE invoices (number integer)")
        connection.exec_driver_sql("INSERT INTO invoices VALUES (7)")
    other_application.dispose()

    with pytest.raises(EventFileError, match=r"is not empty \(it has tables invoices\)"):
        EventStore.create(postgres_url, passphrase="test passphrase", name="Summit")
    with pytest.raises(EventFileError, match="is not an Accreditor event"):
        EventStore.open(postgres_url)


def test_a_password_never_appears_in_a_message(postgres_url: str) -> None:
    url = with_password(postgres_url, "s3cret-Pa55")
    EventStore.create(url, passphrase="test passphrase", name="Summit").close()

    with pytest.raises(EventFileError) as refused:
        EventStore.create(url, passphrase="test passphrase", name="Again")
    with pytest.raises(EventFileError) as bad_url:
        EventStore.open(url.replace("postgresql://", "mysql://"))
    with pytest.raises(EventFileError) as no_database:
        EventStore.open(url.rsplit("/", 1)[0] + "/")

    for error in (refused.value, bad_url.value, no_database.value):
        assert "s3cret" not in str(error)
    assert "mysql://postgres:***@" in str(bad_url.value)


def test_an_unreachable_server_is_one_sentence_after_trying_again() -> None:
    url = f"postgresql://desk:hunter2@127.0.0.1:{free_port()}/event"
    started = time.monotonic()

    with pytest.raises(ServerUnreachableError) as unreachable:
        EventStore.open(url, patience=Patience(unreachable_s=1.5))

    assert time.monotonic() - started >= 1.0  # it kept trying before giving up
    message = str(unreachable.value)
    assert message.startswith("The event server event on 127.0.0.1:")
    assert "cannot be reached" in message and "nothing was changed" in message
    assert "hunter2" not in message and "\n" not in message


@pytest.mark.sqlite_only
def test_a_write_waits_for_another_stations_long_transaction_then_succeeds(store: EventStore) -> None:
    """Like a check-in during a long import: the lock is held longer than SQLite's own wait."""
    with closing(sqlite3.connect(store.location, isolation_level=None, check_same_thread=False)) as importer:
        importer.execute("BEGIN IMMEDIATE")
        release = threading.Timer(3.5, importer.execute, args=("COMMIT",))
        release.start()
        started = time.monotonic()
        with store.begin() as connection:
            connection.execute(update(schema.event).values(venue="Kokhi Navruz"))
        waited = time.monotonic() - started
        release.join()

    assert waited >= 3.0
    assert store.event_info().venue == "Kokhi Navruz"


@pytest.mark.sqlite_only
def test_a_lock_held_too_long_is_one_sentence_and_changes_nothing(event_path: Path) -> None:
    new_event(event_path)
    store = EventStore.open(event_path)
    store.patience = Patience(locked_s=1.0)
    with closing(sqlite3.connect(event_path, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")
        with (
            pytest.raises(DatabaseBusyError, match=r"is busy: another station kept it locked for \d+ s; nothing"),
            store.begin() as connection,
        ):
            connection.execute(update(schema.event).values(venue="changed"))
        other.execute("COMMIT")
    assert store.event_info().venue == ""
    store.close()


def test_run_repeats_a_transaction_undone_by_a_deadlock(store: EventStore) -> None:
    attempts = []

    def operation(connection: Connection) -> str:
        attempts.append(1)
        if len(attempts) == 1:  # what the driver raises when the server picked this transaction as the victim
            raise OperationalError("UPDATE guests", {}, _deadlock(store))
        connection.execute(update(schema.event).values(venue="second try"))
        return "done"

    assert store.run(operation) == "done"
    assert len(attempts) == 2
    assert store.event_info().venue == "second try"


def _deadlock(store: EventStore) -> Exception:
    if store.is_server:
        return pytest.importorskip("psycopg").errors.DeadlockDetected("deadlock detected")
    return sqlite3.OperationalError("database is locked")
