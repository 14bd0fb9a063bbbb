"""The gate commands as a kiosk or a script uses them: a verdict per scanned line, packages, logs, who is inside."""

import io
import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from accreditor.cli.gate import BATCH_LINES, MAX_LINE_BYTES, scan_batches
from tests.accreditor.gate.conftest import CLI_PROGRAM, GATE_TIME, GateEvent

VERDICT_KEYS = {"verdict", "reason", "guest", "name", "category", "zones"}
ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(autouse=True)
def _event_day(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line scans (and merges) at the clock's time: make that a time the badges are valid."""
    monkeypatch.setattr("accreditor.gate.offline_gate.utc_now", lambda: GATE_TIME)
    monkeypatch.setattr("accreditor.gate.merge.utc_now", lambda: GATE_TIME)


def json_lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


def package_and_keys(gate_event: GateEvent, cli) -> tuple[Path, Path]:
    package, pem = gate_event.folder / "plenary.gatepkg", gate_event.folder / "event.pem"
    pem.write_bytes(gate_event.pem)
    code, out, err = cli("gate-package", gate_event.store.location, package)
    assert (code, err) == (0, "")
    assert "fingerprint" in out
    return package, pem


@pytest.mark.parametrize("source", ["event", "package"])
def test_three_scanned_lines_give_three_json_verdicts(gate_event: GateEvent, cli, source: str) -> None:
    package, pem = package_and_keys(gate_event, cli)
    target = [gate_event.store.location] if source == "event" else [package, "--public-key", pem]
    token = gate_event.token("delegate")
    stdin = f"{token}\r\n\n]Q1{token}\nnot a badge".encode()  # blank lines are no scans; the last has no newline

    code, out, err = cli("gate", *target, "--zone", "pln", "--json", stdin=stdin)

    verdicts = json_lines(out)
    assert (code, err) == (0, "")
    assert [(verdict["verdict"], verdict["reason"]) for verdict in verdicts] == [
        ("green", "ok"),
        ("orange", "already_inside"),
        ("red", "malformed"),
    ]
    assert all(verdict.keys() >= VERDICT_KEYS for verdict in verdicts)
    assert [verdicts[0][key] for key in ("name", "category", "zones")] == ["Ҷамшед Раҳмонов", "DEL", ["PLN", "BIL"]]


def test_human_output_and_options(gate_event: GateEvent, cli) -> None:
    package, pem = package_and_keys(gate_event, cli)
    stdin = f"{gate_event.token('delegate')}\n{gate_event.token('delegate')}\n".encode()

    code, out, err = cli(
        "gate", package, "--zone", "PLN", "--public-key", pem, "--no-anti-passback", "--gate", "North", stdin=stdin
    )

    assert code == 0
    assert out.splitlines()[1].startswith("GREEN  Ҷамшед Раҳмонов · DEL · PLN BIL — Valid for PLN")
    assert err.startswith("Gate North (Plenary hall, in) on the gate package of Dushanbe Water Conference")


def test_a_tampered_package_is_refused_in_one_sentence(gate_event: GateEvent, cli) -> None:
    package, pem = package_and_keys(gate_event, cli)
    data = bytearray(package.read_bytes())
    data[len(data) // 2] ^= 0x01
    package.write_bytes(bytes(data))

    code, out, err = cli("gate", package, "--zone", "PLN", "--public-key", pem, "--json", stdin=b"x\n")

    assert (code, out) == (1, "")
    assert err == (
        "accreditor: The gate package has been altered or damaged since it was made (its signature does not "
        "match); get a fresh copy from the organiser.\n"
    )


def test_an_untrusted_package_shows_the_fingerprint_to_check(gate_event: GateEvent, cli) -> None:
    package, _pem = package_and_keys(gate_event, cli)
    _code, out, _err = cli("gate-package", gate_event.store.location, package, "--json")
    fingerprint = json.loads(out)["fingerprint"]

    code, _out, err = cli("gate", package, "--zone", "PLN", stdin=b"")
    assert code == 1 and fingerprint in err and err.count("\n") == 1

    code, _out, _err = cli("gate", package, "--zone", "PLN", "--fingerprint", fingerprint, stdin=b"")
    assert code == 0


def test_export_merge_twice_and_who_is_inside(gate_event: GateEvent, cli, tmp_path: Path) -> None:
    package, pem = package_and_keys(gate_event, cli)
    cli("gate", package, "--zone", "PLN", "--public-key", pem, stdin=f"{gate_event.token('vip')}\n".encode())
    exported = tmp_path / "north.json"

    assert cli("export-scans", package, exported)[:2] == (0, f"Exported 1 scans to {exported}.\n")
    first, second = (
        cli("merge-scans", gate_event.store.location, exported, "--json"),
        cli("merge-scans", gate_event.store.location, exported, "--json"),
    )
    _code, out, _err = cli("inside", gate_event.store.location, "--zone", "PLN", "--json")

    assert [(report["added"], report["already"]) for report in json.loads(first[1])] == [(1, 0)]
    assert [(report["added"], report["already"]) for report in json.loads(second[1])] == [(0, 1)]
    report = json.loads(out)
    assert report["zones"] == [{"zone": "PLN", "name": "Plenary hall", "inside": 1}]
    assert [(item["guest"], item["name"], item["gate"]) for item in report["inside"]] == [
        (gate_event.ids["vip"], "عبد الرحمن أبو داوود", "PLN-in")
    ]
    pdf = tmp_path / "evacuation.pdf"
    assert cli("inside", gate_event.store.location, "--pdf", pdf)[0] == 0
    assert pdf.read_bytes().startswith(b"%PDF")


def test_unknown_zone_and_missing_files_are_one_sentence(gate_event: GateEvent, cli, tmp_path: Path) -> None:
    code, _out, err = cli("gate", gate_event.store.location, "--zone", "XYZ", stdin=b"")
    assert (code, err) == (1, "accreditor: The event has no zone XYZ.\n")
    code, _out, err = cli("gate", tmp_path / "nowhere.pkg", "--zone", "PLN", stdin=b"")
    assert code == 2 and "no event file or gate package" in err
    code, _out, err = cli("merge-scans", gate_event.store.location, tmp_path / "nowhere.json")
    assert code == 1 and "Cannot read the scan log" in err


def test_batches_are_what_already_arrived_and_long_lines_are_cut() -> None:
    stream = io.BytesIO(b"\n".join([b"a"] * (BATCH_LINES + 3) + [b"x" * (3 * MAX_LINE_BYTES), b"b"]))

    batches = list(scan_batches(stream))

    assert [len(batch) for batch in batches] == [BATCH_LINES, 4, 1]  # the last line had no newline yet
    assert (batches[1][-1], batches[2]) == ("x" * MAX_LINE_BYTES, ["b"])


def test_each_verdict_is_flushed_before_the_next_scan_arrives(gate_event: GateEvent, cli) -> None:
    """A real pipe: the kiosk writes one scan and reads its verdict while stdin stays open."""
    package, pem = package_and_keys(gate_event, cli)
    today = date.today()
    days = (today - timedelta(days=1), today + timedelta(days=1))  # the child scans at the real time
    command = [
        sys.executable,
        "-c",
        CLI_PROGRAM,
        "gate",
        str(package),
        "--zone",
        "PLN",
        "--public-key",
        str(pem),
        "--json",
    ]
    with subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT) as gate:
        assert gate.stdin is not None and gate.stdout is not None
        for role, expected in (("delegate", "ok"), ("delegate", "already_inside"), ("revoked", "revoked")):
            gate.stdin.write(gate_event.token(role, days=days) + "\n")
            gate.stdin.flush()
            assert json.loads(gate.stdout.readline())["reason"] == expected
        gate.stdin.close()
        assert gate.wait(timeout=30) == 0


def test_gate_stations_are_listed_and_revoked(gate_event: GateEvent, cli, tmp_path: Path) -> None:
    package, pem = package_and_keys(gate_event, cli)
    code, out, _err = cli("gate-package", gate_event.store.location, tmp_path / "south.gatepkg", "--station", "South")
    assert code == 0 and "Gate station South (id 2, key " in out
    cli("gate", package, "--zone", "PLN", "--public-key", pem, stdin=f"{gate_event.token('vip')}\n".encode())
    exported = tmp_path / "plenary.json"
    cli("export-scans", package, exported)
    cli("merge-scans", gate_event.store.location, exported)

    code, out, _err = cli("gate-stations", gate_event.store.location, "--json")
    assert code == 0
    assert [(station["name"], station["merged_scans"], station["revoked_at"]) for station in json.loads(out)] == [
        ("plenary", 1, None),
        ("South", 0, None),
    ]
    code, out, err = cli("gate-stations", "revoke", gate_event.store.location, "plenary")
    assert (code, err) == (0, "")
    assert out.startswith("Revoked gate station plenary (1 key): lines signed by it are no longer merged")
    code, out, _err = cli("gate-stations", gate_event.store.location)
    assert code == 0 and "plenary  revoked " in out and "1 scans merged (kept, marked revoked)" in out
    assert "South  active  0 scans merged" in out

    code, _out, err = cli("gate-stations", "revoke", gate_event.store.location, "plenary")
    assert code == 1 and err.startswith("accreditor: Gate station 'plenary' was already revoked on ")
    code, _out, err = cli("gate-stations", "revoke", gate_event.store.location, "West")
    assert (code, err) == (1, "accreditor: The event has no gate station 'West' (its stations: South, plenary).\n")
    code, _out, err = cli("gate-stations", "revoke", gate_event.store.location)
    assert code == 2 and "Usage: gate-stations revoke EVENT NAME." in err


def test_merge_scans_reports_each_rejected_line_and_exits_1(gate_event: GateEvent, cli, tmp_path: Path) -> None:
    package, pem = package_and_keys(gate_event, cli)
    stdin = f"{gate_event.token('delegate')}\n{gate_event.token('vip')}\n".encode()
    cli("gate", package, "--zone", "PLN", "--public-key", pem, stdin=stdin)
    exported = tmp_path / "north.json"
    cli("export-scans", package, exported)
    lines = exported.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace('"colour": "orange"', '"colour": "green"')  # the escorted VIP's line, whitewashed
    assert '"colour": "green"' in lines[2]
    exported.write_text("\n".join(lines) + "\n", encoding="utf-8")

    code, out, err = cli("merge-scans", gate_event.store.location, exported)

    assert (code, err) == (1, "")
    source = json.loads(exported.read_text(encoding="utf-8"))["source"]
    assert out.splitlines() == [
        f"north.json: 1 scans added, 0 already in the event, 1 rejected ({source}).",
        "  line 3: bad_signature: FORGED or altered: the line's signature is not gate station plenary's.",
    ]
    code, out, _err = cli("merge-scans", gate_event.store.location, exported, "--json")
    [report] = json.loads(out)
    assert code == 1 and (report["added"], report["already"]) == (0, 1)
    assert [(item["line"], item["reason"]) for item in report["rejected"]] == [(3, "bad_signature")]
