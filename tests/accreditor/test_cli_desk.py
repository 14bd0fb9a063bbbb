"""`accreditor check-in` and `accreditor print` as a script uses them: JSON per input, exit codes, real queues."""

import json
from datetime import date
from pathlib import Path

import pytest

from accreditor import categories, guests, workflow
from accreditor.badges.printing import current_token
from accreditor.cli import main
from accreditor.guests import GuestFields
from accreditor.store import EventStore
from tests.accreditor.cups import QUEUE, STOPPED_QUEUE, output_files, printed_file, printouts_removed, require_cups

ACTOR = "organiser"


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def event(tmp_path: Path) -> Path:
    """An undated event (badges valid from today): 1 approved, 2 pending, 3 approved with reference REG-3."""
    path = tmp_path / "desk.accreditor"
    store = EventStore.create(path, passphrase="test passphrase", name="Desk test")
    with store.begin() as connection:
        categories.install_standard(connection)
        ids = guests.add_guests(
            connection,
            [
                GuestFields("Nazarov", "Faridun"),
                GuestFields("Smith", "Anna"),
                GuestFields("Dubois", "Claire", external_ref="REG-3"),
            ],
            actor=ACTOR,
        )
        workflow.change_status(connection, [ids[0], ids[2]], "approved", ACTOR)
    store.close()
    return path


def token(event: Path, guest_id: int) -> str:
    with EventStore.open(event) as store, store.connect() as connection:
        return current_token(connection, store.event_info(), guest_id, today=date.today())


def lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


def test_check_in_by_id_and_code_one_json_object_per_input(capsys, event: Path) -> None:
    code, out, err = run(capsys, "check-in", event, "1", token(event, 3), "--station", "Desk 9", "--json")
    assert (code, err) == (0, "")
    first, second = lines(out)
    assert list(first) == ["input", "guest", "result", "reason", "at", "station"]
    assert (first["input"], first["guest"], first["result"], first["reason"], first["station"]) == (
        "1",
        1,
        "checked_in",
        None,
        "Desk 9",
    )
    assert (second["guest"], second["result"]) == (3, "checked_in")
    code, out, _err = run(capsys, "check-in", event, "REG-3", "--station", "Desk 2", "--json")
    (again,) = lines(out)
    assert code == 0
    assert (again["result"], again["station"], again["at"]) == ("already", "Desk 9", second["at"])


def test_any_refusal_exits_1_and_the_others_are_still_checked_in(capsys, event: Path) -> None:
    code, out, err = run(capsys, "check-in", event, "2", "1", "42", "AC1:BROKEN", "nonsense", "--json")
    assert code == 1 and err == ""
    results = [(item["guest"], item["result"], item["reason"]) for item in lines(out)]
    assert results == [
        (2, "refused", "pending"),
        (1, "checked_in", None),
        (None, "refused", "unknown_guest"),
        (None, "refused", "malformed"),
        (None, "refused", "unknown_code"),
    ]


def test_check_in_in_words(capsys, event: Path) -> None:
    code, out, _err = run(capsys, "check-in", event, "1", "2")
    assert code == 1
    assert out.splitlines() == ["guest 1: Checked in", "guest 2: Guest 2 is pending and cannot be checked in."]


def test_print_records_what_the_queue_accepted(capsys, event: Path) -> None:
    require_cups(QUEUE)
    with printouts_removed():
        earlier = output_files()
        code, out, err = run(capsys, "print", event, "--printer", QUEUE, "--layout", "cr80", "--json")
        assert (code, err) == (0, "")
        report = json.loads(out)
        assert (report["printer"], report["badges"], report["marked_printed"]) == (QUEUE, 2, 2)
        assert [entry["guest"] for entry in report["skipped"]] == [2]
        printed_file(earlier, job_id=report["job"])
    listed = {guest["id"]: guest["badge_serial"] for guest in json.loads(run(capsys, "guests", event, "--json")[1])}
    assert listed == {1: 1, 2: None, 3: 1}


def test_print_on_a_stopped_or_unknown_queue_is_one_sentence_and_records_nothing(capsys, event: Path) -> None:
    require_cups(QUEUE, STOPPED_QUEUE)
    for queue, words in ((STOPPED_QUEUE, f"The printer {STOPPED_QUEUE} is stopped"), ("NoSuchQueue", "There is no")):
        code, out, err = run(capsys, "print", event, "--printer", queue, "--guest", "1")
        assert (code, out) == (1, "")
        assert err.startswith(f"accreditor: {words}") and err.count("\n") == 1
    listed = json.loads(run(capsys, "guests", event, "--json")[1])
    assert all(guest["badge_serial"] is None for guest in listed)


def test_a_reprint_needs_a_reason(capsys, event: Path) -> None:
    require_cups(QUEUE)
    code, _out, err = run(capsys, "print", event, "--printer", QUEUE, "--reprint")
    assert code == 1 and "reprint needs a reason" in err


def test_badges_to_a_pdf_keep_their_json_contract(capsys, event: Path, tmp_path: Path) -> None:
    out = tmp_path / "badges.pdf"
    code, printed, _err = run(capsys, "badges", event, "--out", out, "--layout", "cr80", "--json")
    report = json.loads(printed)
    assert code == 0 and out.is_file()
    assert list(report) == ["out", "layout", "badges", "pages", "marked_printed", "skipped", "warnings"]
    assert (report["out"], report["badges"], report["marked_printed"]) == (str(out), 2, 0)
    code, _printed, err = run(capsys, "badges", event, "--out", tmp_path / "missing" / "b.pdf")
    assert code == 1 and err.startswith("accreditor: The badges could not be saved to")
