"""The command line as a script uses it: exit codes, --json contracts, one-sentence errors."""

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from accreditor.cli import main

HEADER = ["Surname", "Given name", "Organisation", "Country", "Category", "Passport", "E-mail"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def event(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "conf.accreditor"
    code, _out, _err = run(
        capsys, "init", path, "--name", "Dushanbe conference", "--starts", "2027-05-03", "--ends", "2027-05-04"
    )
    assert code == 0
    return path


def guest_list(capsys: pytest.CaptureFixture[str], event: Path, *extra: str) -> list[dict]:
    code, out, _err = run(capsys, "guests", event, "--json", *extra)
    assert code == 0
    return json.loads(out)


def registration_file(tmp_path: Path, *rows: list[str]) -> Path:
    path = tmp_path / "list.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows([HEADER, *rows])
    return path


def test_import_json_contract(capsys, event: Path, tmp_path: Path) -> None:
    source = registration_file(
        tmp_path,
        ["Рахмонов", "Ҷамшед", "MFA", "Таджикистан", "Делегат", "A1111111", "j@example.org"],
        ["Rahmonov", "Jamshed", "MFA", "TJ", "Delegate", "A1111111", "j@example.org"],
    )
    code, out, _err = run(capsys, "import", event, source, "--json")

    report = json.loads(out)
    assert code == 0
    assert {"rows", "imported", "updated", "unchanged", "duplicates", "errors"} <= report.keys()
    assert (report["rows"], report["imported"]) == (2, 1)
    assert report["duplicates"] == [{"row": 3, "of": "row 2", "reason": "same e-mail"}]


def test_import_with_bad_row_exits_1_and_writes_nothing(capsys, event: Path, tmp_path: Path) -> None:
    source = registration_file(tmp_path, ["Karimov", "Bahrom", "MFA", "Narnia", "Delegate", "A1111111", ""])
    code, out, _err = run(capsys, "import", event, source, "--json")

    report = json.loads(out)
    assert code == 1
    assert report["errors"][0] | {"message": ""} == {"row": 2, "column": "Country", "value": "Narnia", "message": ""}
    assert guest_list(capsys, event) == []


def test_unreadable_file_exits_2_with_one_sentence(capsys, event: Path, tmp_path: Path) -> None:
    garbage = tmp_path / "list.csv"
    garbage.write_bytes(bytes(range(256)) * 40)
    code, out, err = run(capsys, "import", event, garbage)

    assert code == 2
    assert out == ""
    assert err.startswith("accreditor: ") and err.count("\n") == 1
    assert "Traceback" not in err


def test_not_an_event_exits_2(capsys, tmp_path: Path) -> None:
    not_event = tmp_path / "notes.accreditor"
    not_event.write_text("shopping list")
    code, _out, err = run(capsys, "guests", not_event)

    assert code == 2
    assert "not an Accreditor event file" in err
    assert not_event.read_text() == "shopping list"


def test_guests_json_and_workflow(capsys, event: Path, tmp_path: Path) -> None:
    source = registration_file(
        tmp_path,
        ["Рахмонов", "Ҷамшед", "MFA", "TJ", "HOD", "A1111111", ""],
        ["Smith", "Anna", "UNDP", "GB", "Observer", "B2222222", ""],
    )
    assert run(capsys, "import", event, source)[0] == 0

    listed = guest_list(capsys, event)
    required = {
        "id",
        "family_name",
        "given_name",
        "name_latin",
        "organisation",
        "country",
        "category",
        "status",
        "zones",
        "checked_in_at",
        "badge_serial",
    }
    assert all(required <= guest.keys() for guest in listed)
    assert {guest["status"] for guest in listed} == {"pending"}
    first = next(guest for guest in listed if guest["family_name"] == "Рахмонов")
    assert first["zones"] == ["PLN", "VIP", "BIL"]
    assert first["checked_in_at"] is None and first["badge_serial"] is None

    assert run(capsys, "approve", event, "--all-pending", "--reason", "cleared")[0] == 0
    assert {guest["status"] for guest in guest_list(capsys, event)} == {"approved"}
    code, _out, err = run(capsys, "reject", event, str(first["id"]), "--reason", "late")
    assert code == 1 and "approved guest can only be revoked" in err
    assert run(capsys, "revoke", event, str(first["id"]), "--reason", "badge lost")[0] == 0
    assert [g["status"] for g in guest_list(capsys, event, "--status", "revoked")] == ["revoked"]


def test_search_finds_cyrillic_guest_from_latin_query(capsys, event: Path, tmp_path: Path) -> None:
    source = registration_file(
        tmp_path, ["Рахмонов", "Ҷамшед", "MFA", "TJ", "", "", ""], ["Smith", "Anna", "UNDP", "GB", "", "", ""]
    )
    run(capsys, "import", event, source)

    found = guest_list(capsys, event, "--search", "rahm jam")
    assert [guest["family_name"] for guest in found] == ["Рахмонов"]


def test_export_csv(capsys, event: Path, tmp_path: Path) -> None:
    run(capsys, "import", event, registration_file(tmp_path, ["=HYPERLINK(1)", "Eve", "X", "FR", "", "", ""]))
    out = tmp_path / "guests.csv"
    assert run(capsys, "export", event, out)[0] == 0

    text = out.read_bytes()
    assert text.startswith(b"\xef\xbb\xbf")
    assert "'=HYPERLINK(1)" in text.decode("utf-8-sig")


def test_save_and_reuse_mapping(capsys, event: Path, tmp_path: Path) -> None:
    source = registration_file(tmp_path, ["Karimov", "Bahrom", "MFA", "TJ", "", "A1111111", ""])
    mapping = tmp_path / "mapping.json"
    assert run(capsys, "import", event, source, "--dry-run", "--save-mapping", mapping)[0] == 0
    saved = json.loads(mapping.read_text(encoding="utf-8"))
    assert saved["columns"]["Surname"] == "family_name"
    assert run(capsys, "import", event, source, "--mapping", mapping)[0] == 0
    assert len(guest_list(capsys, event)) == 1


def test_console_script_runs_without_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "accreditor.cli", "guests", str(tmp_path / "missing.accreditor")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "There is no event file" in result.stderr
    assert "Traceback" not in result.stderr


def _approved_guest_token(capsys, event: Path, tmp_path: Path) -> str:
    run(capsys, "import", event, registration_file(tmp_path, ["Karimov", "Bahrom", "MFA", "TJ", "", "A1111111", ""]))
    assert run(capsys, "approve", event, "--all-pending")[0] == 0
    code, out, _err = run(capsys, "token", event, "1")
    assert code == 0
    return out.strip()


def test_options_may_come_between_and_after_the_positionals(capsys, event: Path, tmp_path: Path) -> None:
    token = _approved_guest_token(capsys, event, tmp_path)

    code, out, err = run(capsys, "verify", event, "--json", token, token, "--on", "2027-05-03")
    assert (code, err) == (0, "")
    assert [json.loads(line)["reason"] for line in out.splitlines()] == ["ok", "ok"]

    code, _out, err = run(capsys, "revoke", event, "--reason", "badge lost", "1", "--user", "chief")
    assert (code, err) == (0, "")
    assert guest_list(capsys, event, "--status", "revoked", "--user", "chief")[0]["id"] == 1


def test_verify_without_event_or_public_key_is_a_usage_error(capsys, event: Path, tmp_path: Path) -> None:
    token = _approved_guest_token(capsys, event, tmp_path)
    for argv in (("verify", token), ("verify", token, token), ("verify", event)):
        code, out, err = run(capsys, *argv)

        assert (code, out) == (2, "")
        assert (
            err == "accreditor: verify needs the event file before the tokens, or --public-key PEM to verify offline.\n"
        )


def _command(*argv: object, stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    """The console script under a strict UTF-8 locale, where undecodable input used to abort the run."""
    return subprocess.run(
        [sys.executable, "-m", "accreditor.cli", *map(str, argv)],
        input=stdin,
        capture_output=True,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8:strict", "PYTHONUTF8": "1"},
    )


def test_a_line_that_is_not_utf8_is_one_malformed_verdict(capsys, event: Path, tmp_path: Path) -> None:
    token = _approved_guest_token(capsys, event, tmp_path)
    pem = tmp_path / "event.pem"
    assert run(capsys, "keys", "export-public", event, pem)[0] == 0

    result = _command(
        "verify",
        "--public-key",
        pem,
        "-",
        "--json",
        "--on",
        "2027-05-03",
        stdin=f"AC1:\xff\n{token}\n".encode("latin-1") + b"\xfe\xff garbage\n",
    )

    assert result.stderr == b""
    assert [json.loads(line)["reason"] for line in result.stdout.splitlines()] == ["malformed", "ok", "malformed"]
    assert result.returncode == 1  # not every token is valid


def test_a_gate_answers_a_line_that_is_not_utf8_like_any_other(event: Path) -> None:
    result = _command("gate", event, "--zone", "PLN", "--json", stdin=b"AC1:\xff\nnot a badge\n\xfe\xff\n")

    assert (result.returncode, result.stderr) == (0, b"")
    assert [json.loads(line)["reason"] for line in result.stdout.splitlines()] == ["malformed"] * 3


def test_merge_scans_merges_the_readable_logs_and_names_the_damaged_one(capsys, event: Path, tmp_path: Path) -> None:
    good = tmp_path / "gate.json"
    assert run(capsys, "export-scans", event, good)[0] == 0
    damaged = tmp_path / "damaged.json"
    damaged.write_bytes(b"\xff\xfe{")

    code, out, err = run(capsys, "merge-scans", event, damaged, "--json", good)

    assert code == 1
    assert [report["file"] for report in json.loads(out)] == ["gate.json"]
    assert err == "accreditor: damaged.json is not a scan log exported by Accreditor. It was not merged.\n"


def test_import_text_and_json_report_rows_imported_with_a_warning(capsys, event: Path, tmp_path: Path) -> None:
    source = registration_file(tmp_path, ["", "Rhys", "BBC", "Swaziland", "", "", ""])

    code, out, _err = run(capsys, "import", event, source, "--dry-run")
    assert code == 0
    assert "row 2, Surname: warning: Only one name: imported as the one-name guest 'Rhys'" in out
    assert "row 2, Country: warning: 'Swaziland' is a former name; read as Eswatini (SZ)." in out
    assert out.rstrip().endswith("rows with warnings 1")

    code, out, _err = run(capsys, "import", event, source, "--json")
    assert [(w["row"], w["column"]) for w in json.loads(out)["warnings"]] == [(2, "Surname"), (2, "Country")]
