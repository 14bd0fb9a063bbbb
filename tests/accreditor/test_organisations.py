"""Organisations' short forms (schema 4): set by the organiser, audited, printed when the full name does not fit."""

import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from accreditor import audit, organisations, schema
from accreditor.badges.samples import preview_badge
from accreditor.cli import main
from accreditor.errors import ValidationError
from accreditor.guests import GuestFields, add_guest
from accreditor.store import EventStore

ORGANISATION = "Executive Committee of the Commonwealth of Independent States"


def test_a_short_form_is_set_changed_and_removed_with_an_audit_entry(store: EventStore) -> None:
    with store.begin() as connection:
        organisations.set_short_name(connection, f"  {ORGANISATION} ", "CIS EC", "officer")
    with store.begin() as connection:
        organisations.set_short_name(connection, ORGANISATION, "CIS Executive Committee", "officer")
    with store.connect() as connection:
        assert organisations.short_names(connection) == {ORGANISATION: "CIS Executive Committee"}
    with store.begin() as connection:
        organisations.set_short_name(connection, ORGANISATION, "", "officer")
    with store.connect() as connection:
        assert organisations.short_names(connection) == {}
        entries = [entry for entry in audit.history(connection) if entry.action == "organisation.short_name"]
    assert len(entries) == 3


@pytest.mark.parametrize(
    ("organisation", "short", "message"),
    [
        ("", "X", "Name the organisation"),
        ("OSCE", "OSCE Secretariat", "not shorter"),
        (ORGANISATION, "x" * 61, "at most"),
    ],
)
def test_a_bad_short_form_is_refused(store: EventStore, organisation: str, short: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message), store.begin() as connection:
        organisations.set_short_name(connection, organisation, short, "officer")


def test_a_badge_carries_its_organisations_short_form(store: EventStore) -> None:
    with store.begin() as connection:  # the fixture's event has the standard categories
        guest_id = add_guest(connection, GuestFields("Ivanov", "Ivan", organisation=ORGANISATION), "officer")
        organisations.set_short_name(connection, ORGANISATION, "CIS EC", "officer")
    with store.connect() as connection:
        badge = preview_badge(connection, store.event_info(), guest_id, today=date(2027, 5, 1))

    assert badge.variables["organisation"] == ORGANISATION
    assert badge.variables["organisation_short"] == "CIS EC"


def test_without_short_forms_a_badge_has_none(store: EventStore) -> None:
    with store.begin() as connection:
        guest_id = add_guest(connection, GuestFields("Ivanov", organisation=ORGANISATION), "officer")
    with store.connect() as connection:
        badge = preview_badge(connection, store.event_info(), guest_id, today=date(2027, 5, 1))

    assert badge.variables["organisation_short"] == ""


def test_a_schema_3_event_gets_the_short_forms_table_when_opened(tmp_path: Path) -> None:
    old = tmp_path / "old.accreditor"
    EventStore.create(old, passphrase="test passphrase", name="Old").close()
    with closing(sqlite3.connect(old)) as connection:  # what Accreditor with schema 3 wrote
        connection.executescript(
            "DROP TABLE organisation_short_names; DROP TABLE users; DROP TABLE audit_head;"
            "ALTER TABLE audit_log DROP COLUMN prev_hash; ALTER TABLE audit_log DROP COLUMN hash;"
            "ALTER TABLE signing_keys RENAME COLUMN sealed_private_key TO private_key;"
            "DROP TABLE station_scans; DROP TABLE gate_stations;"
            "DROP TABLE checkin_nonces;"
            "UPDATE meta SET value = '3' WHERE key = 'schema_version';"
        )

    with EventStore.open(old) as store:
        assert store.schema_version() == schema.SCHEMA_VERSION
        with store.begin() as connection:
            organisations.set_short_name(connection, ORGANISATION, "CIS EC", "officer")
        with store.connect() as connection:
            assert organisations.short_names(connection) == {ORGANISATION: "CIS EC"}

    with closing(sqlite3.connect(f"{old}.schema-3.bak")) as backup:
        tables = {row[0] for row in backup.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        version = backup.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    assert "organisation_short_names" not in tables
    assert version == ("3",)


@pytest.mark.sqlite_only  # the command is given the event's file path
def test_the_cli_sets_and_lists_short_forms(event_path: Path, store: EventStore, capsys) -> None:
    store.close()
    assert main(["short-name", str(event_path), ORGANISATION, "CIS EC"]) == 0
    assert capsys.readouterr().out == f"CIS EC\t{ORGANISATION}\n"
    assert main(["short-name", str(event_path), "OSCE", "Organization for Security and Co-operation"]) == 1
    assert "is not shorter than" in capsys.readouterr().err
    assert main(["short-name", str(event_path), "--json"]) == 0
    assert capsys.readouterr().out.strip() == '{\n  "CIS EC": "CIS EC"\n}'.replace(
        '"CIS EC": "CIS EC"', f'"{ORGANISATION}": "CIS EC"'
    )
