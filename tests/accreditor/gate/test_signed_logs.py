"""Signed gate logs under attack: forged, replayed, cross-event and out-of-date lines are merged.

Each attack works on the exported file as an attacker would (the JSON text), is merged by the real
merge, and must be rejected with its line and a clear reason while the event's scans stay exactly
as they were.  Some attackers hold a gate package (a stolen laptop): they can sign, so the checks of
content (guest, zone, dates, event) must hold on their own, and revoking the station must stop them.
"""

import json
import secrets
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from accreditor import audit, categories, keys, schema
from accreditor.gate.merge import MergeReport, merge_scans
from accreditor.gate.occupancy import evacuation_list, who_is_inside
from accreditor.gate.offline_gate import open_event_gate, open_offline_gate
from accreditor.gate.package import PackageError, TrustAnchor, build_package, load_package
from accreditor.gate.scan_log import ScanFileError, read_export
from accreditor.gate.stations import list_stations, revoke_station, sign_line
from accreditor.gate.verdicts import GateContext
from accreditor.store import EventStore
from tests.accreditor.gate.conftest import GATE_TIME, GateEvent


@pytest.fixture(autouse=True)
def _event_day(monkeypatch: pytest.MonkeyPatch) -> None:
    """Logs are merged on the event's day, as at the venue."""
    monkeypatch.setattr("accreditor.gate.merge.utc_now", lambda: GATE_TIME)


def scan_rows(gate_event: GateEvent) -> list[tuple[Any, ...]]:
    """Every stored scan and its station link, column by column: what an attack must not change."""
    with gate_event.store.connect() as connection:
        return [
            *(tuple(row) for row in connection.execute(select(schema.scans).order_by(schema.scans.c.id))),
            *(
                tuple(row)
                for row in connection.execute(select(schema.station_scans).order_by(schema.station_scans.c.nonce))
            ),
        ]


def genuine_log(gate_event: GateEvent, name: str = "north") -> tuple[dict[str, Any], Ed25519PrivateKey]:
    """A real offline gate's exported log (the delegate and the VIP admitted), and its station's key."""
    path, data = gate_event.package(f"{name}.pkg")
    with open_offline_gate(path, GateContext(zone="PLN", gate=name), anchor=gate_event.anchor()) as gate:
        gate.scan_many([gate_event.token("delegate"), gate_event.token("vip")], now=GATE_TIME)
        exported = gate.export()
    return json.loads(exported), load_package(data, gate_event.anchor()).station.private_key


def laid_out(document: dict[str, Any]) -> bytes:
    """The document in the layout `export-scans` writes (one scan per line), so lines can be named."""
    header = {key: value for key, value in document.items() if key != "scans"}
    lines = ",\n".join(json.dumps(line, ensure_ascii=False, sort_keys=True) for line in document["scans"])
    return f'{json.dumps(header, ensure_ascii=False)[:-1]}, "scans": [\n{lines}\n]}}\n'.encode()


def merge(gate_event: GateEvent, document: dict[str, Any]) -> MergeReport:
    export = read_export(laid_out(document), "north.json")
    with gate_event.store.begin() as connection:
        return merge_scans(connection, export, file="north.json", actor="organiser")


def a_line(template: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """A new scan (fresh nonce) made from a genuine line, with the signature it had."""
    return template | {"nonce": secrets.token_hex(16)} | changes


def resigned(line: dict[str, Any], key: Ed25519PrivateKey) -> dict[str, Any]:
    unsigned = {name: value for name, value in line.items() if name != "signature"}
    return unsigned | {"signature": sign_line(unsigned, key)}


def rejected(report: MergeReport) -> list[tuple[int | None, str]]:
    return [(rejection.line, rejection.reason) for rejection in report.rejected]


def test_a_genuine_signed_log_merges_once_with_its_station(gate_event: GateEvent) -> None:
    document, _key = genuine_log(gate_event)
    assert all(len(line["signature"]) == 128 and line["gate_station"] for line in document["scans"])

    first, second = merge(gate_event, document), merge(gate_event, document)

    assert (first.added, first.already, first.rejected) == (2, 0, ())
    assert (second.added, second.already, second.rejected) == (0, 2, ())
    with gate_event.store.connect() as connection:
        [station] = list_stations(connection)
    assert (station.name, station.merged_scans, station.revoked) == ("north", 2, False)


def test_forged_lines_change_nothing(gate_event: GateEvent) -> None:
    document, _key = genuine_log(gate_event)
    merge(gate_event, document)
    before = scan_rows(gate_event)
    genuine = document["scans"][0]
    revoked_green = a_line(genuine, guest_id=gate_event.ids["revoked"], colour="green", reason="ok")
    own_key = resigned(a_line(genuine, guest_id=gate_event.ids["revoked"]), Ed25519PrivateKey.generate())
    unsigned = {name: value for name, value in a_line(genuine).items() if name not in ("signature", "event")}
    unsigned.pop("gate_station")
    no_station = a_line(genuine, gate_station=99)
    attack = document | {"scans": [revoked_green, own_key, unsigned, no_station]}

    report = merge(gate_event, attack)

    assert rejected(report) == [
        (2, "bad_signature"),
        (3, "bad_signature"),
        (4, "unsigned"),
        (5, "unknown_station"),
    ]
    assert report.rejected[0].message == "FORGED or altered: the line's signature is not gate station north's."
    assert report.rejected[2].message.startswith("The line is not signed by a gate station")
    assert report.added == 0
    assert scan_rows(gate_event) == before


def test_a_log_of_the_old_unsigned_format_is_rejected_line_by_line(gate_event: GateEvent) -> None:
    document, _key = genuine_log(gate_event)
    old = document | {
        "version": 1,
        "scans": [
            {name: value for name, value in line.items() if name not in ("event", "gate_station", "signature")}
            for line in document["scans"]
        ],
    }

    report = merge(gate_event, old)

    assert rejected(report) == [(2, "unsigned"), (3, "unsigned")]
    assert scan_rows(gate_event) == []


def other_event(tmp_path: Path) -> tuple[EventStore, Path, TrustAnchor]:
    store = EventStore.create(
        tmp_path / "other.accreditor", passphrase="test passphrase", name="Other", starts_on=GATE_TIME.date()
    )
    with store.begin() as connection:
        categories.install_standard(connection)
        data, _summary = build_package(connection, store.event_info(), station="north")
        anchor = TrustAnchor.from_public_key_file(keys.export_public_pem(connection))
    path = tmp_path / "other.pkg"
    path.write_bytes(data)
    return store, path, anchor


def test_a_log_replayed_from_another_event_is_rejected(gate_event: GateEvent, tmp_path: Path) -> None:
    store, package, anchor = other_event(tmp_path)
    with store, open_offline_gate(package, GateContext(zone="PLN", gate="north"), anchor=anchor) as gate:
        gate.scan("garbage", now=GATE_TIME)  # a red scan names no guest: only the event and station differ
        foreign = json.loads(gate.export())
    ours, _key = genuine_log(gate_event)

    with pytest.raises(ScanFileError, match=r"holds the scans of event [0-9a-f]{8}, not of this event"):
        merge(gate_event, foreign)
    report = merge(gate_event, foreign | {"event_uid": ours["event_uid"]})  # the header changed to pass

    assert rejected(report) == [(2, "other_event")]
    assert (
        report.rejected[0].message == f"The line was written for event {foreign['event_uid']}, not this one: a replay."
    )
    assert scan_rows(gate_event) == []


def test_a_line_moved_to_this_event_keeps_the_other_events_signature(gate_event: GateEvent, tmp_path: Path) -> None:
    store, package, anchor = other_event(tmp_path)
    with store, open_offline_gate(package, GateContext(zone="PLN", gate="north"), anchor=anchor) as gate:
        gate.scan("garbage", now=GATE_TIME)
        foreign = json.loads(gate.export())
    ours, _key = genuine_log(gate_event)  # this event has a station 1 too, with another key
    moved = [line | {"event": ours["event_uid"]} for line in foreign["scans"]]

    report = merge(gate_event, ours | {"scans": moved})

    assert rejected(report) == [(2, "bad_signature")]
    assert scan_rows(gate_event) == []


def test_a_stolen_package_cannot_add_unknown_guests_zones_or_far_dates(gate_event: GateEvent) -> None:
    document, key = genuine_log(gate_event)
    genuine = document["scans"][0]
    vip = gate_event.ids["vip"]
    lines = [
        resigned(a_line(genuine, guest_id=999), key),
        resigned(a_line(genuine, zone="ROOF"), key),
        resigned(a_line(genuine, guest_id=vip, at="2099-01-01T09:00:00+00:00"), key),
        resigned(a_line(genuine, guest_id=vip, at="2027-04-20T09:00:00+00:00"), key),
        resigned(a_line(genuine, guest_id=vip, at="2027-05-02T06:00:00+00:00"), key),  # a day before: kept
    ]

    report = merge(gate_event, document | {"scans": lines})

    assert rejected(report) == [
        (2, "unknown_guest"),
        (3, "unknown_zone"),
        (4, "out_of_dates"),
        (5, "out_of_dates"),
    ]
    assert report.rejected[0].message == "The event has no guest 999."
    assert report.rejected[1].message == "The event has no zone ROOF."
    assert report.rejected[2].message == "The scan is dated 2099-01-01, after tomorrow."
    assert report.rejected[3].message == (
        "The scan is dated 2027-04-20, outside the event's days (2027-05-03 to 2027-05-04, give or take a day)."
    )
    assert report.added == 1


def test_a_2099_scan_no_longer_keeps_anyone_inside(gate_event: GateEvent) -> None:
    document, key = genuine_log(gate_event)
    genuine = document["scans"][0]
    media = gate_event.ids["media"]
    forever = resigned(a_line(genuine, guest_id=media, at="2099-06-01T09:00:00+00:00"), key)

    merge(gate_event, document | {"scans": [*document["scans"], forever]})

    with gate_event.store.connect() as connection:
        inside = {presence.guest_id for presence in who_is_inside(connection, "PLN")}
        listed = {entry.guest_id for entry in evacuation_list(connection, "PLN")}
    assert inside == listed == {gate_event.ids["delegate"], gate_event.ids["vip"]}


def test_a_revoked_station_merges_nothing_more_and_what_it_brought_stays_marked(gate_event: GateEvent) -> None:
    document, key = genuine_log(gate_event)
    merge(gate_event, document | {"scans": document["scans"][:1]})
    with gate_event.store.begin() as connection:
        [revoked] = revoke_station(connection, "north", actor="organiser")
    before = scan_rows(gate_event)
    later = resigned(a_line(document["scans"][0], at=(GATE_TIME + timedelta(hours=1)).isoformat()), key)

    report = merge(gate_event, document | {"scans": [document["scans"][1], later]})

    assert rejected(report) == [(2, "station_revoked"), (3, "station_revoked")]
    assert report.rejected[0].message.startswith("Gate station north was revoked on ")
    assert scan_rows(gate_event) == before
    with gate_event.store.connect() as connection:
        [station] = list_stations(connection)
        assert [entry.action for entry in audit.history(connection)][-3:] == [
            "scans.merged",
            "gate_station.revoked",
            "scans.merged",
        ]
    assert (station.id, station.merged_scans, station.revoked_at) == (revoked.id, 1, revoked.revoked_at)
    assert station.revoked_at is not None and station.revoked_at <= datetime.now(UTC)


def test_revoking_refuses_an_unknown_or_already_revoked_station(gate_event: GateEvent) -> None:
    gate_event.package("north.pkg")
    gate_event.package("north.pkg")  # a fresh package for the same gate: a second key under its name
    with gate_event.store.begin() as connection:
        assert len(revoke_station(connection, " north ", actor="organiser")) == 2
    with gate_event.store.begin() as connection, pytest.raises(Exception, match="already revoked on"):
        revoke_station(connection, "north", actor="organiser")
    with gate_event.store.begin() as connection, pytest.raises(Exception, match=r"no gate station 'south' \(its"):
        revoke_station(connection, "south", actor="organiser")


def test_the_package_holds_its_stations_private_key_and_the_event_only_the_public_one(gate_event: GateEvent) -> None:
    _path, data = gate_event.package("north.pkg")
    station = load_package(data, gate_event.anchor()).station
    with gate_event.store.connect() as connection:
        [registered] = list_stations(connection)
        stored = b"".join(row[0] for row in connection.exec_driver_sql("SELECT public_key FROM gate_stations"))

    assert (registered.id, registered.name) == (station.id, station.name) == (1, "north")
    assert registered.public_key == station.private_key.public_key().public_bytes_raw() == stored
    event_file = Path(gate_event.store.location)
    written = [event_file, event_file.with_name(event_file.name + "-wal")]
    assert not any(station.private_key.private_bytes_raw() in path.read_bytes() for path in written if path.exists())


def test_a_package_of_the_format_before_stations_asks_for_a_new_one(gate_event: GateEvent) -> None:
    _path, data = gate_event.package()
    older = data.replace(b"Accreditor gate package, format 2:", b"Accreditor gate package, format 1:", 1)

    with pytest.raises(PackageError, match="made by another version of Accreditor; make a new one with gate-package"):
        load_package(older, gate_event.anchor())


def test_an_events_own_unsigned_export_merges_back_as_already_there(gate_event: GateEvent) -> None:
    with open_event_gate(gate_event.store.location, GateContext(zone="PLN", gate="hall")) as gate:
        gate.scan(gate_event.token("delegate"), now=GATE_TIME)
        document = json.loads(gate.export())
    before = scan_rows(gate_event)
    assert "signature" not in document["scans"][0]

    report = merge(gate_event, document)

    assert (report.added, report.already, report.rejected) == (0, 1, ())
    assert scan_rows(gate_event) == before
