"""The occupancy service: who is inside from the event's scans, or from one offline gate's own log."""

from datetime import timedelta

import pytest

from accreditor.gate.offline_gate import default_log_path
from accreditor.gate.package import load_package
from accreditor.roles import Actor, PermissionDenied, Role
from accreditor.services.occupancy import EventGateLookups, EventInside, GateLogInside
from tests.accreditor.gate.conftest import GATE_TIME, GateEvent, OpenGate


def test_the_event_source_counts_every_gate(gate_event: GateEvent, open_gate: OpenGate) -> None:
    entry = open_gate("event", gate="North")
    entry.scan(gate_event.token("delegate"), now=GATE_TIME)
    entry.scan(gate_event.token("vip"), now=GATE_TIME + timedelta(minutes=1))
    open_gate("event", direction="out").scan(gate_event.token("delegate"), now=GATE_TIME + timedelta(minutes=2))
    inside = EventInside(gate_event.store, "organiser")
    assert inside.counts()["PLN"] == 1
    (entry_shown,) = inside.entries("PLN", photos=False)
    assert (entry_shown.guest_id, entry_shown.gate) == (gate_event.ids["vip"], "North")
    assert "PLN" in inside.zones() and inside.event_name == gate_event.store.event_info().name


def test_an_offline_gate_knows_only_its_own_log(gate_event: GateEvent, open_gate: OpenGate) -> None:
    gate = open_gate("package", gate="Side")
    gate.scan(gate_event.token("delegate"), now=GATE_TIME)
    path, data = gate_event.package()
    inside = GateLogInside(default_log_path(path), load_package(data, gate_event.anchor()))
    try:
        assert inside.counts()["PLN"] == 1
        assert [entry.guest_id for entry in inside.entries(None, photos=True)] == [gate_event.ids["delegate"]]
        assert "own log" in inside.scope
    finally:
        inside.close()
    assert EventInside(gate_event.store, "organiser").counts()["PLN"] == 0  # not merged yet


def test_a_live_gate_gets_colours_zone_names_and_photos(gate_event: GateEvent) -> None:
    lookups = EventGateLookups(gate_event.store)
    assert {"PLN"} <= set(lookups.zones) and lookups.categories
    assert lookups.photo(gate_event.ids["delegate"]) is not None
    assert lookups.photo(gate_event.ids["no_photo"]) is None


def test_who_is_inside_is_read_only_by_roles_that_may_see_it(gate_event: GateEvent, open_gate: OpenGate) -> None:
    open_gate("event").scan(gate_event.token("delegate"), now=GATE_TIME)

    desk = EventInside(gate_event.store, Actor("bob", Role.DESK))
    with pytest.raises(PermissionDenied, match="Desk users may not see who is inside"):
        desk.counts()
    with pytest.raises(PermissionDenied, match="Desk users may not see who is inside"):
        desk.entries(None, photos=False)
    assert EventInside(gate_event.store, Actor("farrukh", Role.SECURITY)).counts()["PLN"] == 1
