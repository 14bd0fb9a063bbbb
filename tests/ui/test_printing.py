"""Printing through a real CUPS queue: cups-pdf writes what the "printer" got back as a PDF, which we read.

`.ci/setup-cups` installs CUPS, starts it and adds the AccreditorPDF queue (plus a stopped one); without them the
CUPS tests skip here and fail in CI.  cups-pdf receives the job the way a real printer driver does (CUPS turns
the PDF into PostScript, cups-pdf distils that with Ghostscript), so the file it writes shows what survives
the print path.
"""

import contextlib
import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PIL import Image, ImageChops, ImageStat

from accreditor import guests, workflow
from accreditor.badges import printing as badge_printing
from accreditor.badges.batch import render_guest_badge
from accreditor.badges.layout import load_layout
from accreditor.guests import GuestFields
from accreditor.store import EventStore
from accreditor.verification import EventVerifier
from tests.ui.conftest import ACTOR, EVENT_DAYS, EVENT_NAME, TAJIK_GUEST
from ui import printing
from ui.printing import PrintOutcome, print_pdf, write_test_page

QUEUE = "AccreditorPDF"
STOPPED_QUEUE = "AccreditorStopped"
OUTPUT = Path(os.environ.get("ACCREDITOR_CUPS_PDF_DIR", "/var/spool/cups-pdf/accreditor"))
WAIT_S = 60
DPI = 300
MM_PER_INCH = 25.4
CR80 = load_layout("cr80")
FAMILY_NAME = next(element for element in CR80.front if getattr(element, "text", "") == "{family_name_upper}")


@pytest.fixture
def cups() -> None:
    if shutil.which("lp") is None or QUEUE not in printing.available_printers():
        pytest.skip(f"needs CUPS with the {QUEUE} cups-pdf queue: run .ci/setup-cups")


def output_files() -> set[Path]:
    return set(OUTPUT.glob("*.pdf"))


@pytest.fixture(autouse=True)
def _remove_printouts() -> Iterator[None]:
    """The files cups-pdf wrote for a test go with it."""
    earlier = output_files()
    yield
    for path in output_files() - earlier:
        with contextlib.suppress(OSError):
            path.unlink()


def queue_is_idle() -> bool:
    result = subprocess.run(["lpstat", "-o", QUEUE], capture_output=True, text=True, check=False)
    return result.returncode == 0 and not result.stdout.strip()


def printed_file(earlier: set[Path], *, job_id: str = "", title: str = "") -> Path:
    """The new PDF cups-pdf wrote for a job, once CUPS is done with it.

    cups-pdf names its files after the job title and number ("Badge_Rakhmonov…job_12.pdf"); a job sent through
    Qt's print system has no id to go by, so its title is what identifies it.
    """
    if job_id:
        pattern = re.compile(rf"(?<!\d)job_{job_id.rsplit('-', 1)[1]}(?!\d)")
    else:
        pattern = re.compile(re.escape(title.replace(" ", "_")))

    def finished() -> bool:
        return printing.job_state(job_id) == "completed" if job_id else queue_is_idle()

    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        found = [path for path in output_files() - earlier if pattern.search(path.name)]
        if found and finished():
            return found[0]
        time.sleep(0.2)  # an outside process: nothing to wait on but the clock
    pytest.fail(f"cups-pdf wrote no file for job {job_id or title!r} into {OUTPUT} within {WAIT_S} s")


def raster(pdf: Path, size: tuple[int, int] | None = None) -> Image.Image:
    """The first page at DPI in grey, resized to `size` when given (to lay two renderings over each other)."""
    document = pdfium.PdfDocument(str(pdf))
    try:
        image = document[0].render(scale=DPI / 72).to_pil().convert("L")
    finally:
        document.close()
    return image if size is None else image.resize(size, Image.Resampling.BOX)


def family_name_area(image: Image.Image) -> Image.Image:
    left, top, right, bottom = (round(mm / MM_PER_INCH * DPI) for mm in FAMILY_NAME.extent())
    return image.crop((left, top, right, bottom))


def difference(first: Image.Image, second: Image.Image) -> float:
    """Mean absolute grey-level difference, 0 for identical pictures, 255 for black against white."""
    return ImageStat.Stat(ImageChops.difference(first, second)).mean[0]


@pytest.fixture
def printed_badge(
    cups: None, badge_event: tuple[EventStore, int], tmp_path: Path
) -> Iterator[tuple[EventStore, badge_printing.PlannedBadge, Path, Path]]:
    """(store, planned badge, the PDF sent, the PDF cups-pdf wrote): the desk's flow."""
    store, guest_id = badge_event
    sent = tmp_path / "badge.pdf"
    planned = render_guest_badge(store, guest_id, out=sent, layout="cr80")
    earlier = output_files()
    outcome = print_pdf(sent, printer=QUEUE, title="Badge Rakhmonov", media_mm=CR80.page_size)
    assert outcome.accepted, outcome.message
    assert outcome.job_id.startswith(f"{QUEUE}-")
    with store.begin() as connection:  # what the desk does once the print system took the job
        badge_printing.record_prints(connection, [planned], actor=ACTOR, station="Desk 1")
    yield store, planned, sent, printed_file(earlier, job_id=outcome.job_id)


def test_the_printed_badge_has_the_card_size_and_the_latin_text(
    printed_badge: tuple[EventStore, badge_printing.PlannedBadge, Path, Path],
) -> None:
    _store, _planned, _sent, printed = printed_badge
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
    for expected in (EVENT_NAME, TAJIK_GUEST.name_latin(), "MFA", "Tajikistan", "Head of Delegation"):
        assert expected in text
    # The Cyrillic name is drawn but not extractable: CUPS's PDF-to-PostScript step drops ReportLab's ToUnicode
    # maps, so its glyphs come back as bare codes.  The next test checks it by its pixels instead.


def test_the_cyrillic_name_is_printed(
    printed_badge: tuple[EventStore, badge_printing.PlannedBadge, Path, Path], tmp_path: Path
) -> None:
    """The family-name area of the printout matches the badge sent, and not a badge with a similar name."""
    store, _planned, sent, printed = printed_badge
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


def test_the_printed_qr_code_scans_and_verifies(
    printed_badge: tuple[EventStore, badge_printing.PlannedBadge, Path, Path],
) -> None:
    store, planned, _sent, printed = printed_badge
    texts = [result.text for result in zxingcpp.read_barcodes(raster(printed))]
    assert texts == [planned.token]
    with store.connect() as connection:
        verdict = EventVerifier(connection).verify(texts[0], today=EVENT_DAYS[0])
    assert (verdict.valid, verdict.reason) == (True, "ok")


def test_a_printer_that_does_not_exist_refuses(cups: None, tmp_path: Path) -> None:
    pdf = tmp_path / "page.pdf"
    write_test_page(pdf, "nowhere", (85.6, 54))
    outcome = print_pdf(pdf, printer="NoSuchQueue")
    assert outcome == PrintOutcome(False, "", "There is no printer called NoSuchQueue.")


def test_a_stopped_printer_refuses(cups: None, tmp_path: Path) -> None:
    if STOPPED_QUEUE not in printing.available_printers():
        pytest.skip(f"needs the stopped {STOPPED_QUEUE} queue: run .ci/setup-cups")
    pdf = tmp_path / "page.pdf"
    write_test_page(pdf, STOPPED_QUEUE, (85.6, 54))
    outcome = print_pdf(pdf, printer=STOPPED_QUEUE)
    assert not outcome.accepted
    assert outcome.job_id == ""
    assert f"The printer {STOPPED_QUEUE} is stopped" in outcome.message


def test_the_test_page_prints(cups: None) -> None:
    earlier = output_files()
    outcome = printing.print_test_page(QUEUE, page_mm=CR80.page_size)
    assert outcome.accepted, outcome.message
    document = pdfium.PdfDocument(str(printed_file(earlier, job_id=outcome.job_id)))
    try:
        text = document[0].get_textpage().get_text_range()
    finally:
        document.close()
    assert "Accreditor test page" in text
    assert QUEUE in text


def test_the_raster_fallback_prints_through_qt(
    cups: None, monkeypatch: pytest.MonkeyPatch, badge_event: tuple[EventStore, int], tmp_path: Path
) -> None:
    """Where there is no `lp` (Windows) pages are painted on a QPrinter; Qt's CUPS backend lets it run here too."""
    store, guest_id = badge_event
    sent = tmp_path / "badge.pdf"
    planned = render_guest_badge(store, guest_id, out=sent, layout="cr80")
    monkeypatch.setattr(printing, "_uses_cups", lambda: False)
    earlier = output_files()
    outcome = print_pdf(sent, printer=QUEUE, title="Raster fallback", media_mm=CR80.page_size)
    assert outcome == PrintOutcome(True, "", f"Sent to {QUEUE}.")
    printed = printed_file(earlier, title="Raster fallback")
    assert [result.text for result in zxingcpp.read_barcodes(raster(printed))] == [planned.token]


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
    outcome = print_pdf(tmp_path / "gone.pdf", printer=QUEUE)
    assert outcome == PrintOutcome(False, "", "The file to print, gone.pdf, is missing.")


def test_copies_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="copies"):
        print_pdf(tmp_path / "gone.pdf", copies=0)
