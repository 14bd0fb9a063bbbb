"""Merging offline gate logs back into the event: once, whatever happens, and only the event's own."""

import dataclasses
from datetime import timedelta

import pytest
from sqlalchemy import select

from accreditor import audit, schema
from accreditor.gate import scan_log
from accreditor.gate.merge import merge_scans
from accreditor.gate.occupancy import who_is_inside
from accreditor.gate.offline_gate import Gate, open_offline_gate
from accreditor.gate.scan_log import ScanExport, ScanFileError, read_export
from accreditor.gate.verdicts import GateContext
from accreditor.store import EventStore
from tests.accreditor.gate.conftest import GATE_TIME, GateEvent


@pytest.fixture(autouse=True)
def _event_day(monkeypatch: pytest.MonkeyPatch) -> None:
    """Logs are merged on the event's day (a scan after tomorrow is refused)."""
    monkeypatch.setattr("accreditor.gate.merge.utc_now", lambda: GATE_TIME)


def offline_gate(gate_event: GateEvent, name: str, **context: object) -> Gate:
    """A gate on its own laptop: its own copy of the package and its own log."""
    path, _data = gate_event.package(f"{name}.pkg")
    return open_offline_gate(path, GateContext(zone="PLN", gate=name, **context), anchor=gate_event.anchor())


def merge(gate_event: GateEvent, export: ScanExport, file: str = "north.json"):
    with gate_event.store.begin() as connection:
        return merge_scans(connection, export, file=file, actor="organiser")


def dump(store: EventStore) -> dict[str, list[str]]:
    """Every row of the event, table by table (on either engine)."""
    with store.connect() as connection:
        return {
            table.name: sorted(repr(tuple(row)) for row in connection.execute(select(table)))
            for table in schema.metadata.sorted_tables
        }


def scan_rows(gate_event: GateEvent) -> list[str]:
    """The scans and their stations as stored, row by row."""
    rows = dump(gate_event.store)
    return rows["scans"] + rows["station_scans"]


def test_merging_the_same_log_twice_changes_nothing(gate_event: GateEvent) -> None:
    with offline_gate(gate_event, "north") as gate:
        gate.scan_many([gate_event.token("delegate"), "garbage", gate_event.token("revoked")], now=GATE_TIME)
        export = read_export(gate.export(), "north.json")

    first = merge(gate_event, export)
    after_first = dump(gate_event.store)
    second = merge(gate_event, export)

    assert (first.scans, first.added, first.already) == (3, 3, 0)
    assert (second.scans, second.added, second.already) == (3, 0, 3)
    assert dump(gate_event.store) == after_first
    with gate_event.store.connect() as connection:
        assert scan_log.list_scans(connection) == list(export.records)
        assert [entry.action for entry in audit.history(connection)].count("scans.merged") == 1


def test_two_offline_gates_make_the_history_complete(gate_event: GateEvent) -> None:
    token = gate_event.token("delegate")
    with offline_gate(gate_event, "north") as entry, offline_gate(gate_event, "south", direction="out") as exit_:
        entry.scan(token, now=GATE_TIME)
        exit_.scan(token, now=GATE_TIME + timedelta(hours=1))
        entry.scan(gate_event.token("vip"), now=GATE_TIME + timedelta(hours=2))
        entries, exits = read_export(entry.export(), "north.json"), read_export(exit_.export(), "south.json")

    merge(gate_event, exits, "south.json")  # the exit gate's log comes back first: order does not matter
    merge(gate_event, entries)

    with gate_event.store.connect() as connection:
        inside = who_is_inside(connection)
    assert [(presence.guest_id, presence.gate) for presence in inside] == [(gate_event.ids["vip"], "north")]


def test_a_log_of_another_event_is_refused(gate_event: GateEvent) -> None:
    with offline_gate(gate_event, "north") as gate:
        gate.scan(gate_event.token("delegate"), now=GATE_TIME)
        export = dataclasses.replace(read_export(gate.export(), "north.json"), event_uid="0badc0de")

    with pytest.raises(ScanFileError, match="event 0badc0de, not of this event"):
        merge(gate_event, export)


def test_a_scan_merged_before_and_altered_since_is_rejected(gate_event: GateEvent) -> None:
    with offline_gate(gate_event, "north") as gate:
        gate.scan_many([gate_event.token("revoked"), gate_event.token("vip")], now=GATE_TIME)
        export = read_export(gate.export(), "north.json")
    merge(gate_event, dataclasses.replace(export, scans=export.scans[:1]))
    first = export.scans[0]
    whitewashed = dataclasses.replace(first, record=dataclasses.replace(first.record, colour="green", reason="ok"))
    before = scan_rows(gate_event)

    report = merge(gate_event, dataclasses.replace(export, scans=(whitewashed,)))

    assert (report.added, report.already) == (0, 0)
    assert [(rejection.line, rejection.reason) for rejection in report.rejected] == [(2, "altered")]
    assert scan_rows(gate_event) == before


def test_a_scan_twice_in_one_log_is_merged_once(gate_event: GateEvent) -> None:
    with offline_gate(gate_event, "north") as gate:
        gate.scan(gate_event.token("delegate"), now=GATE_TIME)
        export = read_export(gate.export(), "north.json")
    doubled = dataclasses.replace(export, scans=export.scans * 2)

    report = merge(gate_event, doubled)

    assert (report.scans, report.added, report.already) == (2, 1, 0)
    first = export.scans[0]
    altered = dataclasses.replace(first, record=dataclasses.replace(first.record, gate="elsewhere"))
    with pytest.raises(ScanFileError, match="two different scans"):
        merge(gate_event, dataclasses.replace(export, scans=(*export.scans, altered)))


def test_many_scans_merge_in_chunks(gate_event: GateEvent) -> None:
    with offline_gate(gate_event, "north", anti_passback=False) as gate:
        gate.scan_many([gate_event.token("delegate")] * 1200, now=GATE_TIME)
        export = read_export(gate.export(), "north.json")

    assert merge(gate_event, export).added == 1200
    assert merge(gate_event, export).already == 1200
