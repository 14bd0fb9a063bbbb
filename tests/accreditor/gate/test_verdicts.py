"""The verdict matrix: one scan for every reason, against the event database and against the offline package."""

import io
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PIL import Image

from accreditor import guests, workflow
from accreditor.errors import WorkflowError
from accreditor.gate.offline_gate import Gate
from accreditor.gate.verdicts import ORANGE_REASONS, RED_REASONS, GateVerdict
from tests.accreditor.gate.conftest import GATE_TIME, SOURCES, GateEvent, OpenGate, forged

Case = Callable[[GateEvent, OpenGate, str], GateVerdict]


def scan(role: str, **token: object) -> Case:
    """A case: the guest's badge (as `token` describes it) scanned once at the plenary's entry."""
    return lambda event, open_gate, source: open_gate(source).scan(event.token(role, **token), now=GATE_TIME)


def scan_text(text: str) -> Case:
    return lambda _event, open_gate, source: open_gate(source).scan(text, now=GATE_TIME)


def scan_forged(_event: GateEvent, open_gate: OpenGate, source: str) -> GateVerdict:
    return open_gate(source).scan(forged(_event.token("delegate")), now=GATE_TIME)


def scan_twice(event: GateEvent, open_gate: OpenGate, source: str) -> GateVerdict:
    gate = open_gate(source)
    gate.scan(event.token("delegate"), now=GATE_TIME)
    return gate.scan(event.token("delegate"), now=GATE_TIME + timedelta(minutes=3))


def override_zone(event: GateEvent, open_gate: OpenGate, source: str) -> GateVerdict:
    return open_gate(source).override(event.token("media"), "escorted by protocol", now=GATE_TIME)


MATRIX: dict[str, tuple[str, Case]] = {
    "ok": ("green", scan("delegate")),
    "already_inside": ("orange", scan_twice),
    "no_photo": ("orange", scan("no_photo")),
    "escort_required": ("orange", scan("vip")),
    "override": ("orange", override_zone),
    "malformed": ("red", scan_text("WIFI:S:venue;P:secret;;")),
    "bad_signature": ("red", scan_forged),
    "unknown_key": ("red", scan("delegate", private_key=Ed25519PrivateKey.from_private_bytes(bytes(range(32))))),
    "wrong_event": ("red", scan("delegate", event_uid="0badc0de")),
    "revoked": ("red", scan("revoked")),
    "superseded": ("red", scan("reprinted", serial=1)),
    "not_approved": ("red", scan("pending")),
    "zone_not_allowed": ("red", scan("media")),
    "expired": ("red", scan("delegate", days=(date(2027, 5, 1), date(2027, 5, 2)))),
    "not_yet_valid": ("red", scan("delegate", days=(date(2027, 5, 4), date(2027, 5, 5)))),
}


def test_the_matrix_covers_every_reason() -> None:
    assert set(MATRIX) == {"ok", *ORANGE_REASONS, *RED_REASONS}


@pytest.mark.parametrize("source", SOURCES)
@pytest.mark.parametrize("reason", list(MATRIX))
def test_verdict_matrix(gate_event: GateEvent, open_gate: OpenGate, source: str, reason: str) -> None:
    colour, case = MATRIX[reason]

    verdict = case(gate_event, open_gate, source)

    assert (verdict.colour, verdict.reason) == (colour, reason), verdict.message
    assert verdict.message.endswith(".")


@pytest.mark.parametrize("source", SOURCES)
def test_rejected_guest_is_not_approved(gate_event: GateEvent, open_gate: OpenGate, source: str) -> None:
    verdict = open_gate(source).scan(gate_event.token("rejected"), now=GATE_TIME)

    assert (verdict.colour, verdict.reason) == ("red", "not_approved")


@pytest.mark.parametrize("source", SOURCES)
def test_green_verdict_shows_who_it_is(gate_event: GateEvent, open_gate: OpenGate, source: str) -> None:
    verdict = open_gate(source).scan(gate_event.token("delegate"), now=GATE_TIME, with_photo=True)

    assert verdict.to_json() | {"message": ""} == {
        "verdict": "green",
        "reason": "ok",
        "message": "",
        "guest": gate_event.ids["delegate"],
        "name": "Ҷамшед Раҳмонов",
        "name_latin": "Jamshed Rahmonov",
        "category": "DEL",
        "category_name": "Delegate",
        "zones": ["PLN", "BIL"],
        "serial": 1,
        "direction": "in",
        "has_photo": True,
        "cautions": [],
        "override_reason": None,
    }
    assert verdict.photo is not None
    assert Image.open(io.BytesIO(verdict.photo)).size == (120, 160)


@pytest.mark.parametrize("source", SOURCES)
def test_a_revoked_badge_still_shows_whose_it_is(gate_event: GateEvent, open_gate: OpenGate, source: str) -> None:
    verdict = open_gate(source).scan(gate_event.token("revoked"), now=GATE_TIME)

    assert (verdict.name, verdict.guest_id, verdict.has_photo) == ("Søren Ørsted", gate_event.ids["revoked"], True)
    assert "REVOKED" in verdict.message


@pytest.mark.parametrize("source", SOURCES)
def test_several_cautions_are_all_named(gate_event: GateEvent, open_gate: OpenGate, source: str) -> None:
    with gate_event.store.begin() as connection:
        connection.execute(guests.schema.guest_photos.delete())
    gate = open_gate(source)

    verdict = gate.scan(gate_event.token("vip"), now=GATE_TIME)

    assert (verdict.colour, verdict.reason, verdict.cautions) == (
        "orange",
        "escort_required",
        ("escort_required", "no_photo"),
    )
    assert "escorted" in verdict.message and "photo" in verdict.message


@pytest.mark.parametrize("source", SOURCES)
def test_override_keeps_the_reason_and_what_the_badge_was(
    gate_event: GateEvent, open_gate: OpenGate, source: str
) -> None:
    verdict = open_gate(source).override(gate_event.token("media"), "  escorted by   protocol ", now=GATE_TIME)

    assert verdict.override_reason == "escorted by protocol"
    assert "red (zone_not_allowed)" in verdict.message
    with pytest.raises(WorkflowError, match="needs a reason"):
        open_gate(source).override(gate_event.token("media"), "   ", now=GATE_TIME)


@pytest.mark.parametrize("source", SOURCES)
def test_anti_passback_can_be_switched_off_per_gate(gate_event: GateEvent, open_gate: OpenGate, source: str) -> None:
    gate = open_gate(source, anti_passback=False)
    token = gate_event.token("delegate")

    verdicts = [gate.scan(token, now=GATE_TIME), gate.scan(token, now=GATE_TIME + timedelta(minutes=1))]

    assert [verdict.colour for verdict in verdicts] == ["green", "green"]


@pytest.mark.parametrize("source", SOURCES)
def test_leaving_and_coming_back_is_not_a_passback(gate_event: GateEvent, open_gate: OpenGate, source: str) -> None:
    entry, exit_ = open_gate(source), open_gate(source, direction="out", gate="G2")
    token = gate_event.token("delegate")

    entry.scan(token, now=GATE_TIME)
    exit_.scan(token, now=GATE_TIME + timedelta(minutes=30))
    again = entry.scan(token, now=GATE_TIME + timedelta(minutes=40))

    assert (again.colour, again.reason) == ("green", "ok")


@pytest.mark.parametrize("source", SOURCES)
def test_a_two_way_door_alternates_entry_and_exit(gate_event: GateEvent, open_gate: OpenGate, source: str) -> None:
    gate = open_gate(source, direction="both")
    token = gate_event.token("delegate")

    directions = [gate.scan(token, now=GATE_TIME + timedelta(minutes=step)).direction for step in range(3)]

    assert directions == ["in", "out", "in"]


@pytest.mark.parametrize("source", SOURCES)
def test_refused_scans_do_not_count_as_entries(gate_event: GateEvent, open_gate: OpenGate, source: str) -> None:
    gate = open_gate(source, zone="PRS")
    token = gate_event.token("delegate", zones=("PRS",))  # the badge says PRS, the guest no longer has it

    first = gate.scan(token, now=GATE_TIME)
    second = gate.scan(token, now=GATE_TIME + timedelta(minutes=1))

    assert (first.reason, second.reason) == ("zone_not_allowed", "zone_not_allowed")
    assert "PLN BIL" in first.message


@pytest.mark.parametrize("source", SOURCES)
def test_a_zone_granted_after_printing_needs_a_new_badge(
    gate_event: GateEvent, open_gate: OpenGate, source: str
) -> None:
    old_badge = gate_event.token("delegate")  # PLN BIL
    with gate_event.store.begin() as connection:
        guests.set_zone_override(connection, gate_event.ids["delegate"], "VIP", True, "organiser")

    verdict = open_gate(source, zone="VIP").scan(old_badge, now=GATE_TIME)

    assert verdict.reason == "zone_not_allowed"
    assert "reprint" in verdict.message


@pytest.mark.parametrize("source", SOURCES)
def test_scanner_prefix_and_line_noise_are_ignored(gate_event: GateEvent, open_gate: OpenGate, source: str) -> None:
    verdict = open_gate(source).scan(f"]Q1{gate_event.token('delegate')}\r\t", now=GATE_TIME)

    assert verdict.reason == "ok"


def test_the_event_gate_sees_a_revocation_at_the_next_scan(gate_event: GateEvent, open_gate: OpenGate) -> None:
    gate = open_gate("event")
    token = gate_event.token("delegate")
    assert gate.scan(token, now=GATE_TIME).colour == "green"

    with gate_event.store.begin() as connection:
        workflow.change_status(connection, [gate_event.ids["delegate"]], "revoked", "organiser", reason="security")

    assert gate.scan(token, now=GATE_TIME + timedelta(minutes=5)).reason == "revoked"


def test_an_offline_gate_knows_what_its_package_knew(gate_event: GateEvent, open_gate: OpenGate) -> None:
    gate = open_gate("package")
    with gate_event.store.begin() as connection:
        workflow.change_status(connection, [gate_event.ids["delegate"]], "revoked", "organiser", reason="security")

    assert gate.scan(gate_event.token("delegate"), now=GATE_TIME).reason == "ok"
    assert open_gate("package").scan(gate_event.token("delegate"), now=GATE_TIME).reason == "revoked"


@pytest.mark.parametrize("source", SOURCES)
def test_a_batch_of_scans_sees_its_own_entries(gate_event: GateEvent, open_gate: OpenGate, source: str) -> None:
    gate: Gate = open_gate(source)
    token = gate_event.token("delegate")

    verdicts = gate.scan_many([token, "nonsense", token], now=GATE_TIME)

    assert [verdict.reason for verdict in verdicts] == ["ok", "malformed", "already_inside"]
