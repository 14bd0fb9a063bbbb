"""The scan log: every scan recorded (refused ones too), never the code itself, append-only, exportable."""

import hashlib
import json
import sqlite3
from contextlib import closing
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy.exc import DBAPIError

from accreditor import schema
from accreditor.gate import scan_log
from accreditor.gate.offline_gate import default_log_path, read_gate_log
from accreditor.gate.scan_log import ScanFileError, code_hash, export_bytes, read_export
from accreditor.store import EventStore
from tests.accreditor.gate.conftest import GATE_TIME, OPERATOR, SOURCES, GateEvent, OpenGate, forged


def sqlite_rows(path: Path | str, sql: str) -> list[tuple]:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(sql).fetchall()


@pytest.mark.parametrize("source", SOURCES)
def test_every_scan_is_logged_with_its_context(gate_event: GateEvent, open_gate: OpenGate, source: str) -> None:
    gate = open_gate(source, station="laptop-3", direction="in", gate="North")
    token, fake = gate_event.token("delegate"), forged(gate_event.token("delegate"))

    gate.scan(token, now=GATE_TIME)
    gate.scan(fake, now=GATE_TIME + timedelta(seconds=5))
    gate.scan("garbage", now=GATE_TIME + timedelta(seconds=9))
    gate.override(gate_event.token("media"), "escorted by protocol", now=GATE_TIME + timedelta(seconds=20))

    records = gate.scans()
    assert [(r.colour, r.reason, r.guest_id) for r in records] == [
        ("green", "ok", gate_event.ids["delegate"]),
        ("red", "bad_signature", None),
        ("red", "malformed", None),
        ("orange", "override", gate_event.ids["media"]),
    ]
    first = records[0]
    assert (first.at, first.gate, first.zone, first.direction) == (GATE_TIME, "North", "PLN", "in")
    assert (first.station, first.operator, first.serial) == ("laptop-3", OPERATOR, 1)
    assert first.code_hash == hashlib.sha256(token.encode()).hexdigest()
    assert records[3].override_reason == "escorted by protocol"
    assert len({record.nonce for record in records}) == 4
    assert all(len(record.nonce) == 32 and int(record.nonce, 16) >= 0 for record in records)


@pytest.mark.sqlite_only  # reads the bytes of the event file
def test_the_scanned_code_itself_is_never_stored(gate_event: GateEvent, open_gate: OpenGate, tmp_path: Path) -> None:
    token = gate_event.token("delegate")
    for source in SOURCES:
        open_gate(source).scan(token, now=GATE_TIME)

    files = [path for path in tmp_path.iterdir() if path.name.startswith(("event.accreditor", "gate.pkg.scans"))]
    assert len(files) >= 4  # both databases and their write-ahead logs
    for path in files:
        assert token.encode() not in path.read_bytes()


def test_the_hash_is_of_the_code_not_of_the_scanner_noise() -> None:
    assert code_hash("]Q1AC1:ABC\r\n") == code_hash("AC1:ABC") == hashlib.sha256(b"AC1:ABC").hexdigest()
    assert len(code_hash("\ud800 lone surrogate")) == 64


def log_file(gate_event: GateEvent, source: str) -> Path:
    return Path(gate_event.store.location) if source == "event" else default_log_path(gate_event.folder / "gate.pkg")


@pytest.mark.parametrize("source", SOURCES)
def test_the_log_is_append_only(gate_event: GateEvent, open_gate: OpenGate, source: str) -> None:
    gate = open_gate(source)
    gate.scan(gate_event.token("revoked"), now=GATE_TIME)

    for statement in ("UPDATE scans SET colour = 'green'", "DELETE FROM scans"):
        with pytest.raises((sqlite3.IntegrityError, DBAPIError), match="the scan log is append-only"):
            if source == "event":  # the event's own log, on either engine
                with gate_event.store.begin() as connection:
                    connection.exec_driver_sql(statement)
            else:
                sqlite_rows(log_file(gate_event, source), statement)

    assert [record.reason for record in gate.scans()] == ["revoked"]


def test_an_offline_log_is_durable_sqlite_beside_the_package(gate_event: GateEvent, open_gate: OpenGate) -> None:
    gate = open_gate("package")
    gate.scan(gate_event.token("delegate"), now=GATE_TIME)
    log = log_file(gate_event, "package")

    assert sqlite_rows(log, "PRAGMA journal_mode") == [("wal",)]
    with gate._transaction() as connection:  # the gate's own connection: each commit is flushed to disk
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    uid, records = read_gate_log(log)
    assert (uid, records) == (gate.event_uid, gate.scans())


def test_export_round_trip(gate_event: GateEvent, open_gate: OpenGate) -> None:
    gate = open_gate("package")
    gate.scan_many([gate_event.token("delegate"), "x", gate_event.token("vip")], now=GATE_TIME)

    exported = read_export(gate.export(), "gate.json")

    assert exported.event_uid == gate.event_uid
    assert exported.records == tuple(gate.scans())
    assert "gate package of Dushanbe Water Conference" in exported.source


def test_an_empty_log_exports_too() -> None:
    exported = read_export(export_bytes([], event_uid="0123abcd", source="gate"), "empty.json")

    assert (exported.event_uid, exported.records) == ("0123abcd", ())


def damaged(change: str) -> bytes:
    record = {
        "nonce": "ab" * 16,
        "at": "2027-05-03T12:00:00+00:00",
        "gate": "G1",
        "zone": "PLN",
        "direction": "in",
        "station": "",
        "operator": "",
        "colour": "green",
        "reason": "ok",
        "guest_id": 1,
        "serial": 1,
        "code_hash": "cd" * 32,
        "override_reason": "",
    }
    field, _, value = change.partition("=")
    record[field] = json.loads(value)
    document = {
        "format": "accreditor-scan-log",
        "version": 1,
        "event_uid": "0123abcd",
        "source": "",
        "exported_at": "2027-05-03T12:00:00+00:00",
        "scans": [record],
    }
    return json.dumps(document).encode()


@pytest.mark.parametrize(
    "change",
    [
        'nonce="xyz"',
        'at="yesterday"',
        'at="2027-05-03T12:00:00"',
        'colour="blue"',
        'direction="up"',
        'reason="bribe"',
        'zone="pln"',
        "guest_id=true",
        'code_hash="00"',
        "gate=7",
    ],
)
def test_a_damaged_export_names_the_scan_and_the_problem(change: str) -> None:
    with pytest.raises(ScanFileError, match=r"^gate.json is damaged: scan 1 .*\.$"):
        read_export(damaged(change), "gate.json")


@pytest.mark.parametrize("data", [b"", b"\xff\xfe", b"[]", b'{"format": "accreditor-gate-package"}', bytes(range(256))])
def test_a_file_that_is_not_an_export_is_named_so(data: bytes) -> None:
    with pytest.raises(ScanFileError, match="is not a scan log exported by Accreditor"):
        read_export(data, "gate.json")


# -- the schema ----------------------------------------------------------------------------------------


def scans_ddl(path: Path | str) -> list[tuple]:
    return sqlite_rows(path, "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'scans' ORDER BY name")


def test_a_schema_2_event_gets_the_scan_log_when_opened(tmp_path: Path) -> None:
    old, new = tmp_path / "old.accreditor", tmp_path / "new.accreditor"
    EventStore.create(old, passphrase="test passphrase", name="Old").close()
    EventStore.create(new, passphrase="test passphrase", name="New").close()
    with closing(sqlite3.connect(old)) as connection:  # what Accreditor with schema 2 wrote
        connection.executescript(
            "DROP TRIGGER scans_no_update; DROP TRIGGER scans_no_delete; DROP TABLE scans;"
            "DROP TABLE organisation_short_names;"
            "DROP TABLE users; DROP TABLE audit_head; ALTER TABLE audit_log DROP COLUMN prev_hash;"
            "ALTER TABLE audit_log DROP COLUMN hash;"
            "ALTER TABLE signing_keys RENAME COLUMN sealed_private_key TO private_key;"
            "DROP TABLE station_scans; DROP TABLE gate_stations;"
            "DROP TABLE checkin_nonces;"
            "UPDATE meta SET value = '2' WHERE key = 'schema_version';"
        )
    assert scans_ddl(old) == []

    with EventStore.open(old) as store, store.connect() as connection:
        assert store.schema_version() == schema.SCHEMA_VERSION
        assert scan_log.list_scans(connection) == []

    assert scans_ddl(old) == scans_ddl(new)
    assert len(scans_ddl(new)) == 6  # table, 3 indexes, 2 triggers
    assert sqlite_rows(f"{old}.schema-2.bak", "SELECT value FROM meta WHERE key = 'schema_version'") == [("2",)]
