"""The issuing service: render, hand to a sink, record only what the sink accepted; two stations kept apart."""

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from accreditor import guests
from accreditor.badges import printing
from accreditor.badges.batch import BatchCancelled
from accreditor.badges.printing import PrintRequest
from accreditor.changes import Topic
from accreditor.print_sinks import PdfFileSink, PrintOutcome
from accreditor.services.issuing import IssuingClash, IssuingService, PrintSinkError
from accreditor.store import EventStore
from accreditor.vocabulary import PrintStatus


class RecordingSink:
    """A sink that keeps what it was sent and answers as told (the real CUPS queue has its own tests)."""

    description = "Test queue"

    def __init__(self, outcome: PrintOutcome | None = None, problem: PrintOutcome | None = None) -> None:
        self.outcome = outcome or PrintOutcome.of(PrintStatus.ACCEPTED, job_id="Test-1", printer="Test")
        self._problem = problem
        self.sent: list[tuple[bytes, str, tuple[float, float] | None]] = []
        self.before_send = lambda: None

    def problem(self) -> PrintOutcome | None:
        return self._problem

    def send(self, pdf: Path, title: str, media_mm: tuple[float, float] | None = None) -> PrintOutcome:
        self.before_send()
        self.sent.append((pdf.read_bytes(), title, media_mm))
        return self.outcome


def serial_of(store: EventStore, guest_id: int) -> int | None:
    with store.connect() as connection:
        return guests.get_guest(connection, guest_id).badge_serial


@pytest.fixture
def service(store: EventStore) -> IssuingService:
    return IssuingService(store, user="anna", station="Desk 1")


def test_one_badge_accepted_is_recorded_with_its_serial(service, store, add_guest_with_status) -> None:
    guest_id = add_guest_with_status("approved", "Nazarov")
    sink = RecordingSink()
    issued = service.issue_one(guest_id, sink, layout="cr80")
    assert issued.recorded and issued.changes.touches(Topic.PRINTS) and issued.changes.concerns(guest_id)
    pdf, title, media = sink.sent[0]
    assert pdf.startswith(b"%PDF") and title == f"Badge {guest_id}-1 Nazarov" and media == (85.6, 54)
    assert serial_of(store, guest_id) == 1


def test_a_refused_job_records_nothing(service, store, add_guest_with_status) -> None:
    guest_id = add_guest_with_status("approved")
    refused = PrintOutcome.of(PrintStatus.STOPPED, printer="Cards")
    issued = service.issue_one(guest_id, RecordingSink(refused), layout="cr80")
    assert not issued.recorded and issued.outcome.message.startswith("The printer Cards is stopped")
    assert serial_of(store, guest_id) is None


def test_a_reprint_needs_a_reason_and_raises_the_serial(service, store, add_guest_with_status) -> None:
    guest_id = add_guest_with_status("approved")
    service.issue_one(guest_id, RecordingSink(), layout="cr80")
    with pytest.raises(Exception, match="reprint"):
        service.issue_one(guest_id, RecordingSink(), layout="cr80")
    assert service.issue_one(guest_id, RecordingSink(), layout="cr80", reason="Lost").badge.serial == 2
    assert serial_of(store, guest_id) == 2


def test_a_badge_another_station_printed_meanwhile_is_not_sent(service, store, add_guest_with_status) -> None:
    """Between rendering and sending, another station (another computer) records the same serial."""
    guest_id = add_guest_with_status("approved", "Nazarov")
    sink = RecordingSink()
    check = service._check_serial_still_free

    def another_station_records_first(badge, name) -> None:
        with store.begin() as connection:
            printing.record_serials(connection, [(guest_id, 1)], actor="ben", station="Desk 2")
        check(badge, name)

    service._check_serial_still_free = another_station_records_first  # type: ignore[method-assign]
    with pytest.raises(IssuingClash, match="Another station printed badge 1 of Nazarov meanwhile"):
        service.issue_one(guest_id, sink, layout="cr80")
    assert sink.sent == []
    assert serial_of(store, guest_id) == 1


def test_a_serial_recorded_by_another_station_after_sending_is_a_clash_recorded_once(
    service, store, add_guest_with_status
) -> None:
    guest_id = add_guest_with_status("approved", "Nazarov")
    sink = RecordingSink()

    def another_station_records_while_this_one_prints() -> None:
        with store.begin() as connection:
            printing.record_serials(connection, [(guest_id, 1)], actor="ben", station="Desk 2")

    sink.before_send = another_station_records_while_this_one_prints
    with pytest.raises(IssuingClash, match="another station printed it meanwhile; it is recorded once"):
        service.issue_one(guest_id, sink, layout="cr80")
    with store.connect() as connection:
        assert printing.current_serial(connection, guest_id) == 1


def test_the_same_guest_is_not_printed_twice_at_once(service, add_guest_with_status) -> None:
    guest_id = add_guest_with_status("approved", "Nazarov")
    sink = RecordingSink()
    clashes: list[str] = []

    def second_print_while_the_first_is_sending() -> None:
        sink.before_send = lambda: None
        with pytest.raises(IssuingClash) as raised:
            service.issue_one(guest_id, RecordingSink(), layout="cr80")
        clashes.append(str(raised.value))

    sink.before_send = second_print_while_the_first_is_sending
    assert service.issue_one(guest_id, sink, layout="cr80").recorded
    assert clashes == ["The badge of Nazarov is already being printed; wait for it."]


def test_a_batch_to_a_pdf_file_records_only_when_asked(service, store, add_guest_with_status, tmp_path) -> None:
    approved = [add_guest_with_status("approved", name) for name in ("Alpha", "Beta", "Gamma")]
    pending = add_guest_with_status("pending", "Delta")
    out = tmp_path / "badges.pdf"
    issued = service.issue_batch(PrintRequest(), PdfFileSink(out), layout="a4-4up", record=False)
    assert issued.delivered and issued.report.badges == 3 and issued.report.out == str(out)
    assert [entry["guest"] for entry in issued.report.skipped] == [pending]
    assert len(pdfium.PdfDocument(str(out))) == 1
    assert not issued.changes and serial_of(store, approved[0]) is None
    recorded = service.issue_batch(PrintRequest(), PdfFileSink(out), layout="a4-4up")
    assert recorded.report.marked_printed == 3 and recorded.changes.concerns(approved[2])


def test_a_batch_the_sink_cannot_take_is_refused_before_rendering(service, add_guest_with_status) -> None:
    add_guest_with_status("approved")
    sink = RecordingSink(problem=PrintOutcome.of(PrintStatus.UNKNOWN_PRINTER, printer="Nowhere"))
    with pytest.raises(PrintSinkError, match=r"There is no printer called Nowhere\."):
        service.issue_batch(PrintRequest(), sink, layout="a4-4up")
    assert sink.sent == []


def test_a_cancelled_batch_sends_and_records_nothing(service, store, add_guest_with_status) -> None:
    guest_id = add_guest_with_status("approved")
    sink = RecordingSink()
    with pytest.raises(BatchCancelled):
        service.issue_batch(PrintRequest(), sink, layout="a4-4up", cancelled=lambda: True)
    assert sink.sent == [] and serial_of(store, guest_id) is None


def test_the_plan_and_the_preview_write_nothing(service, store, add_guest_with_status, tmp_path) -> None:
    guest_id = add_guest_with_status("approved")
    assert service.plan(PrintRequest()).printable == [(guest_id, 1)]
    assert service.preview(PrintRequest(), layout="cr80", out=tmp_path / "preview.pdf") == 1
    assert serial_of(store, guest_id) is None
