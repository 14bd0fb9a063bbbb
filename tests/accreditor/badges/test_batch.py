"""Print runs end to end: plan, render a real PDF, decode every QR, record serials, verify tokens."""

import json
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp

from accreditor import categories, workflow
from accreditor import guests as guest_store
from accreditor.badges.batch import (
    BatchCancelled,
    plan_chunks,
    print_badges,
    remove_stale_folders,
    render_guest_badge,
)
from accreditor.badges.printing import PrintRequest, current_token, event_dates_text, record_prints, validity
from accreditor.cli import main
from accreditor.errors import AccreditorError, WorkflowError
from accreditor.guests import GuestFields
from accreditor.store import EventInfo, EventStore
from accreditor.verification import EventVerifier

TODAY = date(2027, 5, 3)


def decoded_tokens(pdf: Path, scale: float = 4) -> list[str]:
    document = pypdfium2.PdfDocument(str(pdf))
    texts: list[str] = []
    for page in document:
        image = page.render(scale=scale).to_pil()
        texts.extend(result.text for result in zxingcpp.read_barcodes(image))
    document.close()
    return texts


def verdicts(store: EventStore, tokens: list[str]) -> list[str]:
    with store.connect() as connection:
        verifier = EventVerifier(connection)
        return [verifier.verify(token, today=TODAY).reason for token in tokens]


@pytest.fixture
def approved_guests(add_guest_with_status) -> list[int]:
    return [
        add_guest_with_status("approved", "Раҳмонов", given_name="Ҷамшед", organisation="MFA", country="TJ"),
        add_guest_with_status("approved", "Kozłowski", given_name="Łukasz", organisation="EU", country="PL"),
        add_guest_with_status("approved", "王", given_name="秀珍", organisation="SCO", country="CN", category="MED"),
    ]


def test_batch_pdf_has_a_verifying_qr_per_badge(store, approved_guests, add_guest_with_status, tmp_path) -> None:
    pending = add_guest_with_status("pending", "Waiting")
    out = tmp_path / "badges.pdf"
    report = print_badges(store, PrintRequest(), out=out, layout="a4-4up", actor="t", today=TODAY, workers=1)

    assert (report.badges, report.pages) == (3, 1)
    assert [skipped["guest"] for skipped in report.skipped] == [pending]
    tokens = decoded_tokens(out)
    assert len(tokens) == 3
    assert verdicts(store, tokens) == ["ok", "ok", "ok"]
    assert report.marked_printed == 0


def test_marking_printed_records_serial_one(store, approved_guests, tmp_path) -> None:
    request = PrintRequest(mark_printed=True)
    report = print_badges(store, request, out=tmp_path / "b.pdf", layout="cr80", actor="desk", today=TODAY, workers=1)

    assert report.marked_printed == 3
    with store.connect() as connection:
        serials = {guest.id: guest.badge_serial for guest in guest_store.list_guests(connection)}
    assert serials == dict.fromkeys(approved_guests, 1)


def test_printed_guests_are_skipped_without_reprint(store, approved_guests, tmp_path) -> None:
    print_badges(store, PrintRequest(mark_printed=True), out=tmp_path / "1.pdf", layout="cr80", actor="t", workers=1)
    again = print_badges(store, PrintRequest(), out=tmp_path / "2.pdf", layout="cr80", actor="t", workers=1)

    assert again.badges == 0
    assert all("already printed" in skipped["reason"] for skipped in again.skipped)


def test_reprint_needs_a_reason(store, approved_guests, tmp_path) -> None:
    with pytest.raises(WorkflowError, match="reason"):
        print_badges(store, PrintRequest(reprint=True), out=tmp_path / "r.pdf", layout="cr80", actor="t")


def test_reprint_raises_serial_and_supersedes_the_old_badge(store, approved_guests, tmp_path) -> None:
    first_pdf, second_pdf = tmp_path / "first.pdf", tmp_path / "second.pdf"
    guest = approved_guests[0]
    print_badges(
        store, PrintRequest(guest_ids=(guest,), mark_printed=True), out=first_pdf, layout="cr80", actor="t", today=TODAY
    )
    request = PrintRequest(guest_ids=(guest,), reprint=True, reason="lost")
    report = print_badges(store, request, out=second_pdf, layout="cr80", actor="t", today=TODAY)

    assert report.marked_printed == 1
    (old,), (new,) = decoded_tokens(first_pdf), decoded_tokens(second_pdf)
    assert verdicts(store, [old, new]) == ["superseded", "ok"]


def test_revoked_guest_badge_is_refused(store, approved_guests, tmp_path) -> None:
    pdf = tmp_path / "b.pdf"
    print_badges(store, PrintRequest(guest_ids=(approved_guests[1],)), out=pdf, layout="cr80", actor="t", today=TODAY)
    with store.begin() as connection:
        workflow.change_status(connection, [approved_guests[1]], "revoked", "t", "badge reported stolen")

    assert verdicts(store, decoded_tokens(pdf)) == ["revoked"]


def test_parallel_batch_keeps_every_badge_in_order(store, add_guest_with_status, tmp_path, monkeypatch) -> None:
    ids = [add_guest_with_status("approved", f"Guest{number:03d}") for number in range(9)]
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "parallel.pdf"
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    report = print_badges(store, PrintRequest(), out=out, layout="a4-4up", actor="t", today=TODAY, workers=2)

    assert (report.badges, report.pages) == (9, 3)
    assert list((tmp_path / "out").iterdir()) == [out]  # the parts were elsewhere, and are gone
    assert not list(tmp_path.glob("accreditor-badges-*"))
    tokens = decoded_tokens(out)
    with store.connect() as connection:
        verifier = EventVerifier(connection)
        guests_in_pdf = sorted(verifier.verify(token, today=TODAY).claims.guest_id for token in tokens)
    assert guests_in_pdf == ids


def test_cancelled_batch_marks_nothing(store, approved_guests, tmp_path) -> None:
    with pytest.raises(BatchCancelled):
        print_badges(
            store,
            PrintRequest(mark_printed=True),
            out=tmp_path / "c.pdf",
            layout="cr80",
            actor="t",
            workers=1,
            cancelled=lambda: True,
        )
    with store.connect() as connection:
        assert all(guest.badge_serial is None for guest in guest_store.list_guests(connection))
    assert not (tmp_path / "c.pdf").exists()


def test_token_command_refuses_unapproved_guest(store, add_guest_with_status) -> None:
    pending = add_guest_with_status("pending", "Later")
    with store.connect() as connection, pytest.raises(WorkflowError, match="pending"):
        current_token(connection, store.event_info(), pending, today=TODAY)


@pytest.mark.parametrize(
    ("starts", "ends", "text"),
    [
        (date(2027, 5, 3), date(2027, 5, 4), "3–4 May 2027"),
        (date(2027, 4, 30), date(2027, 5, 2), "30 April – 2 May 2027"),
        (date(2027, 5, 3), date(2027, 5, 3), "3 May 2027"),
        (None, None, ""),
    ],
)
def test_event_dates_text(starts, ends, text) -> None:
    assert event_dates_text(EventInfo("E", starts, ends, "")) == text


def test_cli_badges_token_and_verify(store, approved_guests, tmp_path, capsys) -> None:
    event = store.location
    out = tmp_path / "cli.pdf"
    assert main(["badges", event, "--out", str(out), "--layout", "cr80", "--mark-printed", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["badges"], report["marked_printed"]) == (3, 3)

    assert main(["token", event, str(approved_guests[0])]) == 0
    token = capsys.readouterr().out.strip()
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    code = main(["verify", event, token, tampered, "--json", "--on", "2027-05-03"])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 1
    assert [line["valid"] for line in lines] == [True, False]
    assert lines[0]["guest"] == approved_guests[0] and lines[0]["serial"] == 1

    pem = tmp_path / "event.pem"
    assert main(["keys", "export-public", event, str(pem)]) == 0
    capsys.readouterr()
    assert main(["verify", "--public-key", str(pem), token, "--on", "2027-05-03"]) == 0
    assert main(["keys", "rotate", event]) == 0
    capsys.readouterr()
    assert main(["verify", event, token, "--on", "2027-05-04"]) == 0, "a badge signed before a key rotation stays valid"
    assert main(["verify", event, token, "--on", "2027-05-05"]) == 1, "expired after the event"


def test_single_badge_for_the_desk_then_recorded(store, approved_guests, tmp_path) -> None:
    out = tmp_path / "one.pdf"
    badge = render_guest_badge(store, approved_guests[0], out=out, layout="cr80", today=TODAY)
    with store.begin() as connection:
        record_prints(connection, [badge], actor="desk", station="Desk 1")

    (token,) = decoded_tokens(out)
    assert verdicts(store, [token]) == ["ok"]
    with pytest.raises(WorkflowError, match="already printed"):
        render_guest_badge(store, approved_guests[0], out=out, layout="cr80", today=TODAY)
    again = render_guest_badge(store, approved_guests[0], out=out, layout="cr80", reprint_reason="damaged", today=TODAY)
    assert again.serial == 2


@pytest.mark.parametrize(
    ("starts", "ends", "expected"),
    [
        (date(2027, 5, 3), date(2027, 5, 4), (date(2027, 5, 3), date(2027, 5, 4))),
        (None, None, (TODAY, date(2028, 1, 13))),
        (date(2027, 1, 1), date(2028, 12, 31), (date(2027, 1, 1), date(2027, 9, 13))),
    ],
)
def test_badge_validity_fits_what_a_token_can_carry(starts, ends, expected) -> None:
    assert validity(EventInfo("E", starts, ends, ""), TODAY) == expected


def test_an_undated_event_prints_badges(tmp_path) -> None:
    store = EventStore.create(tmp_path / "undated.accreditor", passphrase="test passphrase", name="Undated")
    with store.begin() as connection:
        categories.install_standard(connection)
        (guest,) = guest_store.add_guests(connection, [guest_store.GuestFields(family_name="Doe")], "t")
        workflow.change_status(connection, [guest], "approved", "t")
    out = tmp_path / "undated.pdf"
    render_guest_badge(store, guest, out=out, layout="cr80", today=TODAY)

    assert verdicts(store, decoded_tokens(out)) == ["ok"]
    store.close()


# -- a batch that is stopped from outside ---------------------------------------------------------------

_WORKER_MODULES = """
import json, sys
from concurrent.futures import ProcessPoolExecutor
import accreditor.cli  # a main script that imports the whole command line, as `accreditor` does
from accreditor.badges.layout import load_layout
from accreditor.badges.worker import WORKER_CONTEXT, render_part, start_worker
from tests.accreditor.badges.conftest import badge, portrait_jpeg

if __name__ == "__main__":
    with ProcessPoolExecutor(1, mp_context=WORKER_CONTEXT, initializer=start_worker) as pool:
        badges = [badge(number, photo=portrait_jpeg()) for number in range(7)]  # every script
        pages, _warnings = pool.submit(render_part, load_layout("a4-4up"), badges, sys.argv[1]).result()
        modules = pool.submit(eval, "sorted(__import__('sys').modules)").result()
    print(json.dumps({"pages": pages, "modules": modules}))
"""


def test_a_worker_imports_the_renderer_alone(tmp_path) -> None:
    """Not the main script's command line, not the database layer, not the layout checker (its memory)."""
    script = tmp_path / "main_script.py"
    script.write_text(_WORKER_MODULES, encoding="utf-8")
    root = Path(__file__).resolve().parents[3]
    env = {**os.environ, "PYTHONPATH": str(root)}
    command = [sys.executable, str(script), str(tmp_path / "part.pdf")]
    done = subprocess.run(command, capture_output=True, text=True, cwd=root, env=env, check=True)

    result = json.loads(done.stdout)
    assert result["pages"] == 2
    modules = set(result["modules"])
    assert "accreditor.badges.render" in modules
    assert not {"accreditor.cli", "accreditor.store", "sqlalchemy", "jsonschema", "PySide6", "tests"} & modules


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
        except (OSError, ValueError, IndexError):
            continue
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its exit status is left to collect


def _wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def _event_of(path: Path, count: int) -> EventStore:
    store = EventStore.create(path, passphrase="test passphrase", name="Big summit", starts_on=TODAY, ends_on=TODAY)
    with store.begin() as connection:
        categories.install_standard(connection)
        people = [GuestFields(family_name=f"Guest{number:04d}", given_name="Kill") for number in range(count)]
        ids = guest_store.add_guests(connection, people, "t")
        workflow.change_status(connection, ids, "approved", "t")
    return store


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc (Linux)")
@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_a_killed_batch_leaves_no_workers_and_no_badge_files(tmp_path, how: signal.Signals) -> None:
    store = _event_of(tmp_path / "big.accreditor", 2400)
    store.close()
    temporary, output = tmp_path / "tmp", tmp_path / "out"
    temporary.mkdir()
    output.mkdir()
    script = Path(sys.executable).with_name("accreditor")  # the installed command, as a user runs it
    command = [str(script)] if script.exists() else [sys.executable, "-m", "accreditor.cli"]
    command += ["badges", str(tmp_path / "big.accreditor"), "--out", str(output / "all.pdf"), "--mark-printed"]
    batch = subprocess.Popen(
        command, env={**os.environ, "TMPDIR": str(temporary)}, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        rendering = _wait_for(lambda: len(_children(batch.pid)) >= 2 and any(temporary.glob("*/part-*")), 60)
        workers = _children(batch.pid)
        batch.send_signal(how)
        _out, errors = batch.communicate(timeout=30)
    finally:
        batch.kill()
        batch.wait()

    assert rendering, "the batch never got its workers rendering"
    assert b"Traceback" not in errors
    assert _wait_for(lambda: not any(_alive(worker) for worker in workers), 5), "workers outlived their parent"
    assert list(output.iterdir()) == []  # neither the PDF nor any part of it
    if how == signal.SIGTERM:
        assert list(temporary.iterdir()) == []
    else:  # killed outright: the private folder stays until the next batch starts
        (folder,) = temporary.iterdir()
        assert folder.stat().st_mode & 0o777 == 0o700
        assert remove_stale_folders(temporary) == [folder]
        assert list(temporary.iterdir()) == []
    with EventStore.open(tmp_path / "big.accreditor") as store, store.connect() as connection:
        assert all(guest.badge_serial is None for guest in guest_store.list_guests(connection))


def test_only_folders_of_ended_processes_are_removed(tmp_path) -> None:
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    left_behind = tmp_path / f"accreditor-badges-{ended.pid}-x1"
    running = tmp_path / f"accreditor-badges-{os.getppid()}-x2"  # pytest's parent: alive
    ours = tmp_path / f"accreditor-badges-{os.getpid()}-x3"
    unrelated = tmp_path / f"accreditor-badges-notapid-{ended.pid}"
    for folder in (left_behind, running, ours, unrelated):
        folder.mkdir(mode=0o700)
        (folder / "part-00000.pdf").write_bytes(b"%PDF-")

    assert remove_stale_folders(tmp_path) == [left_behind]
    assert sorted(tmp_path.iterdir()) == sorted([running, ours, unrelated])


def test_an_output_folder_that_cannot_be_written_is_refused_before_rendering(store, approved_guests, tmp_path) -> None:
    out = tmp_path / "no such folder" / "badges.pdf"
    with pytest.raises(AccreditorError, match=r"Cannot write the PDF to .*badges\.pdf"):
        print_badges(store, PrintRequest(mark_printed=True), out=out, layout="cr80", actor="t", workers=1)
    with store.connect() as connection:
        assert all(guest.badge_serial is None for guest in guest_store.list_guests(connection))


def test_chunks_are_whole_sheets_and_end_before_too_many_photo_bytes() -> None:
    printable = [(guest_id, 1) for guest_id in range(1, 1001)]
    no_photos = plan_chunks(printable, 4, {})
    assert [len(chunk) for chunk in no_photos] == [100] * 10  # 25 sheets of 4

    heavy = {guest_id: 300_000 for guest_id in range(101, 201)}  # guests 101-200 have big photos
    chunks = plan_chunks(printable, 4, heavy)
    assert [badge for chunk in chunks for badge in chunk] == printable
    assert all(len(chunk) % 4 == 0 for chunk in chunks)
    assert all(sum(heavy.get(guest_id, 0) for guest_id, _serial in chunk) <= 4 * 2**20 for chunk in chunks)
    assert len(chunks) > len(no_photos)
    assert plan_chunks(printable[:6], 4, {1: 10 * 2**20}) == [printable[:4], printable[4:6]]  # one sheet is never split
