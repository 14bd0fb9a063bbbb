"""The hash-chained audit log, attacked with raw SQL behind the triggers' back, and appended to by several
processes at once; and the badge a raw-SQL approval does not get."""

import hashlib
import json
import multiprocessing
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import text

from accreditor import audit, categories, guests, schema, workflow
from accreditor.badges.printing import PrintRequest, current_token, select_for_print
from accreditor.cli import main
from accreditor.errors import WorkflowError
from accreditor.guests import GuestFields
from accreditor.store import EventStore

from .conftest import EVENT_END


@pytest.fixture
def event_file(event_path: Path) -> Iterator[EventStore]:
    """An event in an SQLite file, which these attacks edit directly (whatever engine `store` runs on)."""
    event_store = EventStore.create(event_path, passphrase="test passphrase", name="Chain test")
    with event_store.begin() as connection:
        categories.install_standard(connection)
    yield event_store
    event_store.close()


def make_history(store: EventStore) -> list[int]:
    """Six guests, three approved, one of them revoked: ten chained entries."""
    with store.begin() as connection:
        ids = guests.add_guests(
            connection,
            [GuestFields(f"Guest{number}", "Test", country="TJ", category="DEL") for number in range(6)],
            actor="importer",
        )
        workflow.change_status(connection, ids[:3], "approved", "officer")
        workflow.change_status(connection, [ids[0]], "revoked", "officer", "lost badge")
    return ids


def raw_sqlite(path: Path, *statements: str) -> None:
    """What an attacker with the file does: drop the triggers, change rows, put the triggers back."""
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("DROP TRIGGER audit_log_no_update")
        connection.execute("DROP TRIGGER audit_log_no_delete")
        for statement in statements:
            connection.execute(statement)
        connection.execute(
            "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
        )
        connection.execute(
            "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
        )
        connection.commit()


def file_digest(path: Path) -> str:
    wal = Path(f"{path}-wal")
    return hashlib.sha256(path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")).hexdigest()


def verify_cli(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["audit", "verify", str(path)])
    captured = capsys.readouterr()
    return code, (captured.out + captured.err).strip()


def test_an_intact_log_verifies(event_file: EventStore, event_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_history(event_file)
    with event_file.connect() as connection:
        state = audit.verify(connection)

    assert (state.intact, state.entries, state.first_bad_entry) == (True, 10, None)
    assert verify_cli(event_path, capsys) == (0, state.sentence())
    assert main(["audit", "verify", str(event_path), "--json"]) == 0
    assert '"intact": true' in capsys.readouterr().out


def test_the_triggers_still_refuse_updates_and_deletes(event_file: EventStore, event_path: Path) -> None:
    make_history(event_file)
    with closing(sqlite3.connect(event_path)) as connection:
        for statement in ("UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log"):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                connection.execute(statement)


ATTACKS: dict[str, tuple[tuple[str, ...], str, int]] = {
    "edited": (("UPDATE audit_log SET actor = 'someone else' WHERE id = 5",), "Audit entry 5 was changed", 5),
    "edited details": (
        ("UPDATE audit_log SET details = '{\"from\": \"pending\", \"reason\": \"\", \"to\": \"approved\"}' "
         "WHERE id = 10",),
        "Audit entry 10 was changed",
        10,
    ),
    "deleted": (("DELETE FROM audit_log WHERE id = 4",), "between entries 3 and 5 was removed", 5),
    "deleted first": (("DELETE FROM audit_log WHERE id = 1",), "before entry 2 was removed", 2),
    "deleted last": (("DELETE FROM audit_log WHERE id = 10",), "1 audit entry was removed from the end", 10),
    "inserted": (
        ("UPDATE audit_log SET id = id + 100 WHERE id > 6",
         "INSERT INTO audit_log (id, at, actor, action, guest_id, details, prev_hash, hash) "
         "SELECT 7, at, 'intruder', 'status.approved', 4, '{}', hash, 'f00d' FROM audit_log WHERE id = 6"),
        "Audit entry 7 was inserted",
        7,
    ),
    "inserted at the end": (
        ("INSERT INTO audit_log (at, actor, action, guest_id, details, prev_hash, hash) "
         "SELECT at, 'intruder', 'status.approved', 4, '{}', hash, 'f00d' FROM audit_log WHERE id = 10",),
        "Audit entry 11 was inserted",
        11,
    ),
}  # fmt: skip


@pytest.mark.parametrize("attack", ATTACKS, ids=list(ATTACKS))
def test_verify_names_the_first_entry_changed_removed_or_inserted(
    attack: str, event_file: EventStore, event_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    statements, sentence, first_bad = ATTACKS[attack]
    make_history(event_file)
    event_file.close()
    raw_sqlite(event_path, *statements)
    before = file_digest(event_path)

    code, said = verify_cli(event_path, capsys)
    with EventStore.open(event_path) as reopened, reopened.connect() as connection:
        state = audit.verify(connection)

    assert code == 1
    assert sentence in said
    assert said.count("\n") == 0  # one sentence
    assert state.first_bad_entry == first_bad
    assert file_digest(event_path) == before  # verifying changes nothing


def test_an_entry_forged_with_a_correct_hash_in_the_middle_is_named_as_inserted(
    event_file: EventStore, event_path: Path
) -> None:
    make_history(event_file)
    with event_file.connect() as connection:
        sixth = connection.execute(schema.audit_log.select().where(schema.audit_log.c.id == 6)).one()
    event_file.close()
    # The forger knows the format as well as we do: the entry's hash matches its content and follows entry 6.
    forged = audit.entry_hash(
        sixth.hash, at=sixth.at, actor="intruder", action="status.approved", guest_id=5, details="{}"
    )
    raw_sqlite(
        event_path,
        "UPDATE audit_log SET id = id + 100 WHERE id > 6",
        "INSERT INTO audit_log (id, at, actor, action, guest_id, details, prev_hash, hash) "
        f"SELECT 7, at, 'intruder', 'status.approved', 5, '{{}}', hash, '{forged}' FROM audit_log WHERE id = 6",
    )

    with EventStore.open(event_path) as reopened, reopened.connect() as connection:
        state = audit.verify(connection)

    assert state.problem == "Audit entry 7 was inserted: entry 107 follows the entry before it."
    assert state.first_bad_entry == 7


# -- a badge minted by editing the status column --------------------------------------------------------


def test_a_guest_approved_by_raw_sql_gets_no_token(
    event_file: EventStore, event_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = make_history(event_file)
    minted = ids[4]
    with closing(sqlite3.connect(event_path)) as connection:
        connection.execute(f"UPDATE guests SET status = 'approved' WHERE id = {minted}")
        connection.commit()

    with event_file.connect() as connection:
        with pytest.raises(WorkflowError, match="approved outside Accreditor"):
            current_token(connection, event_file.event_info(), minted, today=EVENT_END)
        selection = select_for_print(connection, PrintRequest(guest_ids=(minted, ids[1])))
        assert current_token(connection, event_file.event_info(), ids[1], today=EVENT_END).startswith("AC1:")

    assert [skipped["guest"] for skipped in selection.skipped] == [minted]
    assert "approved outside Accreditor" in selection.skipped[0]["reason"]
    assert [guest_id for guest_id, _serial in selection.printable] == [ids[1]]
    assert main(["token", str(event_path), str(minted)]) == 1
    assert "approved outside Accreditor" in capsys.readouterr().err


def test_an_approval_entry_edited_into_the_log_does_not_back_a_token(event_file: EventStore, event_path: Path) -> None:
    ids = make_history(event_file)
    minted = ids[4]
    event_file.close()
    with closing(sqlite3.connect(event_path)) as connection:
        connection.execute(f"UPDATE guests SET status = 'approved' WHERE id = {minted}")
        connection.commit()
    raw_sqlite(
        event_path,
        "INSERT INTO audit_log (at, actor, action, guest_id, details, prev_hash, hash) "
        f"SELECT at, 'officer', 'status.approved', {minted}, details, hash, hash FROM audit_log WHERE id = 10",
    )

    with EventStore.open(event_path) as reopened, reopened.connect() as connection:
        assert audit.unbacked_approvals(connection, [minted, ids[1]]) == [minted]


# -- several stations appending at once ---------------------------------------------------------------


def _append_entries(location: str, worker: int, count: int) -> None:
    with EventStore.open(location) as store:
        for number in range(count):
            with store.begin() as connection:
                audit.record(connection, f"station {worker}", "test.appended", number=number)


def append_from_processes(location: str, workers: int, count: int) -> None:
    context = multiprocessing.get_context("spawn")
    processes = [context.Process(target=_append_entries, args=(location, worker, count)) for worker in range(workers)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=240)
    assert [process.exitcode for process in processes] == [0] * workers


def test_several_processes_appending_at_once_never_fork_the_chain(store: EventStore) -> None:
    make_history(store)

    append_from_processes(str(store.location), workers=4, count=25)

    with store.connect() as connection:
        state = audit.verify(connection)
        prev_hashes = connection.execute(text("SELECT prev_hash FROM audit_log")).scalars().all()
    assert (state.intact, state.entries) == (True, 110)
    assert len(set(prev_hashes)) == len(prev_hashes)  # no two entries follow the same one: no fork


# -- the canonical form ------------------------------------------------------------------------------------


@given(
    text=st.text(alphabet=st.characters(exclude_categories=("Cs",))),
    guest_id=st.none() | st.integers(min_value=-(2**63), max_value=2**63 - 1),
    moment=st.datetimes(timezones=st.just(UTC)),
)
def test_the_entry_hash_is_sha256_of_the_sorted_compact_json_of_the_entry(
    text: str, guest_id: int | None, moment: datetime
) -> None:
    entry = {"action": text, "actor": text, "at": moment.isoformat(), "details": text, "guest_id": guest_id,
             "prev_hash": audit.GENESIS}  # fmt: skip
    canonical = json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False)

    assert (
        audit.entry_hash(audit.GENESIS, at=moment, actor=text, action=text, guest_id=guest_id, details=text)
        == hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    )
