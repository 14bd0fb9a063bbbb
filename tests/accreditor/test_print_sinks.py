"""Print sinks: the CUPS queue (a real cups-pdf queue, whose output PDF we read back) and the PDF file.

The desk's flow through the issuing service: render a Tajik guest's card badge, send it to AccreditorPDF,
record it once the queue accepted, then read what cups-pdf wrote: the card size, the Latin text, the Cyrillic
name by its pixels, and the QR code, decoded at 300 dpi and verified.
"""

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PIL import Image, ImageChops, ImageStat

from accreditor import guests, workflow
from accreditor.badges.batch import render_guest_badge
from accreditor.badges.layout import load_layout
from accreditor.guests import GuestFields
from accreditor.print_sinks import CupsSink, PdfFileSink, PrintOutcome, write_test_page
from accreditor.services.issuing import Issued, IssuingService
from accreditor.store import EventStore
from accreditor.verification import EventVerifier
from accreditor.vocabulary import PrintStatus
from tests.accreditor.cups import (
    DPI,
    QUEUE,
    STOPPED_QUEUE,
    output_files,
    printed_file,
    printouts_removed,
    raster,
    require_cups,
)

ACTOR = "tester"
EVENT_DAYS = (date(2027, 5, 3), date(2027, 5, 4))
TAJIK_GUEST = GuestFields("Рахмонов", "Ҷамшед", organisation="MFA", country="TJ", category="HOD")
MM_PER_INCH = 25.4
CR80 = load_layout("cr80")
FAMILY_NAME = next(element for element in CR80.front if getattr(element, "text", "") == "{family_name_upper}")


@pytest.fixture(autouse=True)
def _remove_printouts() -> Iterator[None]:
    with printouts_removed():
        yield


@pytest.fixture
def cups() -> None:
    require_cups(QUEUE)


@pytest.fixture
def badge_event(store: EventStore, add_guest_with_status) -> tuple[EventStore, int]:
    """The dated event of the core tests with one approved, never printed Tajik guest: (store, id)."""
    fields = {name: getattr(TAJIK_GUEST, name) for name in ("given_name", "organisation", "country", "category")}
    return store, add_guest_with_status("approved", TAJIK_GUEST.family_name, **fields)


class KeepingSink:
    """A CUPS sink that keeps a copy of every PDF it sends, to compare with what the queue printed."""

    def __init__(self, queue: str, folder: Path) -> None:
        self._sink = CupsSink(queue)
        self.sent = folder / "sent.pdf"
        self.description = queue

    def problem(self) -> PrintOutcome | None:
        return self._sink.problem()

    def send(self, pdf: Path, title: str, media_mm: tuple[float, float] | None = None) -> PrintOutcome:
        self.sent.write_bytes(pdf.read_bytes())
        return self._sink.send(pdf, title, media_mm)


@pytest.fixture
def printed_badge(
    cups: None, badge_event: tuple[EventStore, int], tmp_path: Path
) -> tuple[EventStore, Issued, Path, Path]:
    """(store, what was issued, the PDF sent, the PDF cups-pdf wrote)."""
    store, guest_id = badge_event
    sink = KeepingSink(QUEUE, tmp_path)
    earlier = output_files()
    issued = IssuingService(store, user=ACTOR, station="Desk 1").issue_one(
        guest_id, sink, layout="cr80", today=EVENT_DAYS[0]
    )
    assert issued.outcome.accepted, issued.outcome.message
    assert issued.outcome.job_id.startswith(f"{QUEUE}-")
    assert issued.recorded
    return store, issued, sink.sent, printed_file(earlier, job_id=issued.outcome.job_id)


def test_the_printed_badge_has_the_card_size_and_the_latin_text(printed_badge) -> None:
    _store, issued, _sent, printed = printed_badge
    document = pdfium.PdfDocument(str(printed))
    try:
        assert len(document) == 1
        width, height = (side / 72 * MM_PER_INCH for side in document[0].get_size())
        text = document[0].get_textpage().get_text_range()
    finally:
        document.close()
    # Ghostscript rounds the page to whole points: 85.6 x 54 mm comes back as 85.37 x 53.97 mm.
    assert width == pytest.approx(85.6, abs=0.5)
    assert height == pytest.approx(54, abs=0.5)
    for expected in ("Dushanbe Water Conference", TAJIK_GUEST.name_latin(), "MFA", "Tajikistan", "Head of Delegation"):
        assert expected in text
    assert issued.badge.serial == 1
    # The Cyrillic name is drawn but not extractable: CUPS's PDF-to-PostScript step drops ReportLab's ToUnicode
    # maps, so its glyphs come back as bare codes.  The next test checks it by its pixels instead.


def family_name_area(image: Image.Image) -> Image.Image:
    left, top, right, bottom = (round(mm / MM_PER_INCH * DPI) for mm in FAMILY_NAME.extent())
    return image.crop((left, top, right, bottom))


def difference(first: Image.Image, second: Image.Image) -> float:
    """Mean absolute grey-level difference, 0 for identical pictures, 255 for black against white."""
    return ImageStat.Stat(ImageChops.difference(first, second)).mean[0]


def test_the_cyrillic_name_is_printed(printed_badge, tmp_path: Path) -> None:
    """The family-name area of the printout matches the badge sent, and not a badge with a similar name."""
    store, _issued, sent, printed = printed_badge
    with store.begin() as connection:
        similar = GuestFields("Рахимов", "Ҷамшед", organisation="MFA", country="TJ", category="HOD")
        (other_id,) = guests.add_guests(connection, [similar], actor=ACTOR)
        workflow.change_status(connection, [other_id], "approved", ACTOR)
    other = tmp_path / "other.pdf"
    render_guest_badge(store, other_id, out=other, layout="cr80")
    original = raster(sent)
    sent_name = family_name_area(original)
    printed_name = family_name_area(raster(printed, original.size))
    other_name = family_name_area(raster(other, original.size))
    assert 255 - ImageStat.Stat(sent_name).mean[0] > 10  # there is ink to compare
    assert difference(printed_name, sent_name) < difference(printed_name, other_name) / 3


def test_the_printed_qr_code_scans_and_verifies(printed_badge) -> None:
    store, issued, _sent, printed = printed_badge
    texts = [result.text for result in zxingcpp.read_barcodes(raster(printed))]
    assert texts == [issued.badge.token]
    with store.connect() as connection:
        verdict = EventVerifier(connection).verify(texts[0], today=EVENT_DAYS[0])
    assert (verdict.valid, verdict.reason) == (True, "ok")


def test_a_printer_that_does_not_exist_refuses(cups: None, tmp_path: Path) -> None:
    pdf = tmp_path / "page.pdf"
    write_test_page(pdf, "nowhere", (85.6, 54))
    outcome = CupsSink("NoSuchQueue").send(pdf, "Test")
    expected = PrintOutcome(False, "", "There is no printer called NoSuchQueue.", PrintStatus.UNKNOWN_PRINTER)
    assert outcome == expected
    assert CupsSink("NoSuchQueue").problem() == expected


def test_a_stopped_printer_refuses(tmp_path: Path) -> None:
    require_cups(QUEUE, STOPPED_QUEUE)
    pdf = tmp_path / "page.pdf"
    write_test_page(pdf, STOPPED_QUEUE, (85.6, 54))
    outcome = CupsSink(STOPPED_QUEUE).send(pdf, "Test")
    assert (outcome.accepted, outcome.job_id, outcome.status) == (False, "", PrintStatus.STOPPED)
    assert f"The printer {STOPPED_QUEUE} is stopped" in outcome.message


def test_a_badge_the_queue_refused_is_not_recorded(badge_event: tuple[EventStore, int]) -> None:
    require_cups(QUEUE, STOPPED_QUEUE)
    store, guest_id = badge_event
    issued = IssuingService(store, user=ACTOR).issue_one(guest_id, CupsSink(STOPPED_QUEUE), layout="cr80")
    assert not issued.outcome.accepted
    assert not issued.recorded
    with store.connect() as connection:
        assert guests.get_guest(connection, guest_id).badge_serial is None


def test_the_test_page_prints(cups: None, tmp_path: Path) -> None:
    pdf = tmp_path / "test-page.pdf"
    write_test_page(pdf, QUEUE, CR80.page_size)
    earlier = output_files()
    outcome = CupsSink(QUEUE).send(pdf, "Accreditor test page", CR80.page_size)
    assert outcome.accepted, outcome.message
    document = pdfium.PdfDocument(str(printed_file(earlier, job_id=outcome.job_id)))
    try:
        text = document[0].get_textpage().get_text_range()
    finally:
        document.close()
    assert "Accreditor test page" in text
    assert QUEUE in text


# -- without CUPS ---------------------------------------------------------------------------------------------


def test_the_test_page_names_the_printer_and_the_day_and_has_a_qr_code(tmp_path: Path) -> None:
    pdf = tmp_path / "test-page.pdf"
    write_test_page(pdf, "Card printer", CR80.page_size)
    document = pdfium.PdfDocument(str(pdf))
    try:
        page = document[0]
        width, height = (side / 72 * MM_PER_INCH for side in page.get_size())
        text = page.get_textpage().get_text_range()
        image = page.render(scale=DPI / 72).to_pil()
    finally:
        document.close()
    assert (width, height) == (pytest.approx(85.6), pytest.approx(54))
    for expected in ("Accreditor test page", "Card printer", date.today().isoformat()):
        assert expected in text
    assert [result.text for result in zxingcpp.read_barcodes(image)] == ["ACCREDITOR TEST PAGE"]


def test_a_missing_file_is_refused_before_the_print_system_is_asked(tmp_path: Path) -> None:
    outcome = CupsSink(QUEUE).send(tmp_path / "gone.pdf", "Gone")
    assert outcome == PrintOutcome(False, "", "The file to print, gone.pdf, is missing.", PrintStatus.MISSING_FILE)


def test_copies_must_be_positive() -> None:
    with pytest.raises(ValueError, match="copies"):
        CupsSink(QUEUE, copies=0)


def test_the_pdf_file_sink_saves_the_whole_document(tmp_path: Path) -> None:
    made = tmp_path / "made.pdf"
    write_test_page(made, "file", CR80.page_size)
    content = made.read_bytes()
    target = tmp_path / "out" / "badges.pdf"
    assert PdfFileSink(target).problem() is not None  # no such folder: refused before anything is rendered
    target.parent.mkdir()
    outcome = PdfFileSink(target).send(made, "Badges")
    assert (outcome.accepted, outcome.status) == (True, PrintStatus.SAVED)
    assert target.read_bytes() == content
