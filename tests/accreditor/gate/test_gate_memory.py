"""A gate remembers the event between scans for speed; every change made elsewhere still counts at the next scan.

The event gate keeps keys, categories, zones, scanned guests and their last passages from one
transaction to the next while no other connection has committed.  These tests change the event
through other connections — a desk, an organiser, a second gate — between two scans, and check
that the long-lived gate answers exactly as a gate opened afresh for each scan does.
"""

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from accreditor import categories, dialects, guests, keys, workflow
from accreditor.gate.offline_gate import Gate, open_event_gate, open_offline_gate
from accreditor.gate.verdicts import GateContext, GateVerdict
from accreditor.store import EventStore
from tests.accreditor.gate.conftest import GATE_TIME, OPERATOR, GateEvent, OpenGate


def test_a_category_change_counts_at_the_next_scan(gate_event: GateEvent, open_gate: OpenGate) -> None:
    gate = open_gate("event")
    token = gate_event.token("delegate")
    assert gate.scan(token, now=GATE_TIME).reason == "ok"

    with gate_event.store.begin() as connection:
        delegates = next(category for category in categories.list_categories(connection) if category.code == "DEL")
        categories.save_category(connection, replace(delegates, escort_required=True), actor="organiser")

    verdict = gate.scan(token, now=GATE_TIME + timedelta(minutes=5))
    assert verdict.cautions == ("already_inside", "escort_required")


def test_a_zone_withdrawn_at_the_desk_counts_at_the_next_scan(gate_event: GateEvent, open_gate: OpenGate) -> None:
    gate = open_gate("event", anti_passback=False)
    token = gate_event.token("delegate")
    assert gate.scan(token, now=GATE_TIME).reason == "ok"

    with gate_event.store.begin() as connection:
        guests.set_zone_override(connection, gate_event.ids["delegate"], "PLN", False, "organiser")

    assert gate.scan(token, now=GATE_TIME).reason == "zone_not_allowed"


def test_a_retired_key_counts_at_the_next_scan(gate_event: GateEvent, open_gate: OpenGate) -> None:
    gate = open_gate("event", anti_passback=False)
    token = gate_event.token("delegate")
    assert gate.scan(token, now=GATE_TIME).reason == "ok"

    with gate_event.store.begin() as connection:
        old_key = keys.active_signing_key(connection)[0]
        keys.rotate(connection, "organiser", "test passphrase")
        keys.retire(connection, old_key, "organiser")

    assert gate.scan(token, now=GATE_TIME).reason == "unknown_key"


@pytest.mark.parametrize("source", ["event", "package"])
def test_an_entry_at_another_gate_counts_at_the_next_scan(
    gate_event: GateEvent, open_gate: OpenGate, source: str
) -> None:
    """Two gates on one event (or two processes on one offline log): each sees the other's entries."""
    here, there = open_gate(source), open_gate(source, gate="G2")
    token = gate_event.token("delegate")
    assert here.scan(token, now=GATE_TIME).reason == "ok"  # the guest's passages are now remembered here
    exit_gate = open_gate(source, direction="out", gate="G3")
    assert exit_gate.scan(token, now=GATE_TIME + timedelta(minutes=1)).direction == "out"

    assert here.scan(token, now=GATE_TIME + timedelta(minutes=2)).reason == "ok"  # left, so not a passback
    assert there.scan(token, now=GATE_TIME + timedelta(minutes=3)).reason == "already_inside"


def _verdicts(event: Path, ids: dict[str, int], tokens: list[str], *, fresh: bool) -> list[tuple[object, ...]]:
    """Scan `tokens` at a plenary entry while desks and other gates change the event; one gate, or one per scan."""
    context = GateContext(zone="PLN", gate="G1", operator=OPERATOR)
    store = EventStore.open(event)
    gates: list[Gate] = []

    def gate() -> Gate:
        if fresh or not gates:
            gates.append(open_event_gate(event, context))
        return gates[-1]

    changes = {
        3: lambda connection: workflow.change_status(connection, [ids["delegate"]], "revoked", "desk", reason="lost"),
        5: lambda connection: guests.set_zone_override(connection, ids["media"], "PLN", True, "organiser"),
        7: lambda connection: guests.set_photo(connection, ids["no_photo"], b"not a photo at all", "desk"),
    }
    verdicts: list[GateVerdict] = []
    try:
        for number, token in enumerate(tokens):
            if number in changes:
                with store.begin() as connection:
                    changes[number](connection)
            if number == 9:  # the guest leaves through another door: the next entry is no passback
                with open_event_gate(event, GateContext(zone="PLN", direction="out", gate="G2")) as other:
                    other.scan(tokens[0], now=GATE_TIME + timedelta(minutes=number))
            verdicts.append(gate().scan(token, now=GATE_TIME + timedelta(minutes=number, seconds=30)))
    finally:
        for opened in gates:
            opened.close()
        store.close()
    return [(verdict.colour, verdict.reason, verdict.message, verdict.zones, verdict.direction) for verdict in verdicts]


@pytest.mark.sqlite_only  # compares with a copy of the event file; on PostgreSQL a gate keeps nothing between scans
def test_a_long_lived_gate_answers_as_a_fresh_gate_for_each_scan(gate_event: GateEvent, tmp_path: Path) -> None:
    roles = ["vip", "delegate", "media", "delegate", "media", "media", "no_photo", "no_photo", "vip", "vip", "vip"]
    tokens = [gate_event.token(role) for role in roles]
    copy = tmp_path / "copy.accreditor"
    dialects.backup_sqlite(Path(gate_event.store.location), copy)

    kept = _verdicts(Path(gate_event.store.location), gate_event.ids, tokens, fresh=False)
    fresh = _verdicts(copy, gate_event.ids, tokens, fresh=True)

    assert kept == fresh
    reasons = [reason for _colour, reason, *_rest in kept]
    assert reasons[:4] == ["escort_required", "ok", "zone_not_allowed", "revoked"]
    assert reasons[8:] == ["already_inside", "escort_required", "already_inside"]  # out through G2 before 9


def test_an_offline_gate_reopened_on_its_log_remembers_nothing_stale(gate_event: GateEvent) -> None:
    package, _data = gate_event.package()
    token = gate_event.token("delegate")
    context = GateContext(zone="PLN", gate="G1")
    with open_offline_gate(package, context, anchor=gate_event.anchor()) as first:
        assert first.scan(token, now=GATE_TIME).reason == "ok"
    with open_offline_gate(package, context) as second:
        assert second.scan(token, now=GATE_TIME + timedelta(minutes=1)).reason == "already_inside"


@pytest.mark.parametrize("source", ["event", "package"])
def test_a_gate_that_forgets_for_memory_reads_the_log_again(
    gate_event: GateEvent, open_gate: OpenGate, source: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("accreditor.gate.offline_gate._REMEMBER_AT_MOST", 1)
    gate = open_gate(source)
    delegate, vip = gate_event.token("delegate"), gate_event.token("vip")
    assert gate.scan(delegate, now=GATE_TIME).reason == "ok"
    assert gate.scan(vip, now=GATE_TIME).reason == "escort_required"

    assert gate.scan(delegate, now=GATE_TIME + timedelta(minutes=1)).reason == "already_inside"
    assert gate.scan(vip, now=GATE_TIME + timedelta(minutes=1)).cautions == ("already_inside", "escort_required")
