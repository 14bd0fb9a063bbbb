"""The app's print path: the core's CUPS sink where there is CUPS, Qt's print system elsewhere (Windows).

The CUPS sink itself, and the desk's badge through a real cups-pdf queue, are tested in the core
(tests/accreditor/test_print_sinks.py).  Here: the app chooses it, and the raster fallback through QPrinter —
which Qt's CUPS backend lets run here too — prints a badge whose QR code still scans.
"""

from collections.abc import Iterator
from pathlib import Path

import pytest
import zxingcpp

from accreditor.badges.batch import render_guest_badge
from accreditor.badges.layout import load_layout
from accreditor.print_sinks import PrintOutcome
from accreditor.store import EventStore
from accreditor.vocabulary import PrintStatus
from tests.accreditor.cups import QUEUE, output_files, printed_file, printouts_removed, raster, require_cups
from ui import printing
from ui.printing import StationSink, print_pdf

CR80 = load_layout("cr80")


@pytest.fixture(autouse=True)
def _remove_printouts() -> Iterator[None]:
    with printouts_removed():
        yield


def test_the_station_sink_prints_through_cups(badge_event: tuple[EventStore, int], tmp_path: Path) -> None:
    require_cups(QUEUE)
    store, guest_id = badge_event
    sent = tmp_path / "badge.pdf"
    render_guest_badge(store, guest_id, out=sent, layout="cr80")
    sink = StationSink(QUEUE)
    assert sink.problem() is None
    outcome = sink.send(sent, "Badge Rakhmonov", CR80.page_size)
    assert (outcome.accepted, outcome.status) == (True, PrintStatus.ACCEPTED)
    assert outcome.job_id.startswith(f"{QUEUE}-")
    assert QUEUE in printing.available_printers()


def test_the_raster_fallback_prints_through_qt(
    monkeypatch: pytest.MonkeyPatch, badge_event: tuple[EventStore, int], tmp_path: Path
) -> None:
    """Where there is no `lp` (Windows) pages are painted on a QPrinter; Qt's CUPS backend lets it run here too."""
    require_cups(QUEUE)
    store, guest_id = badge_event
    sent = tmp_path / "badge.pdf"
    planned = render_guest_badge(store, guest_id, out=sent, layout="cr80")
    monkeypatch.setattr(printing, "_uses_cups", lambda: False)
    earlier = output_files()
    outcome = print_pdf(sent, printer=QUEUE, title="Raster fallback", media_mm=CR80.page_size)
    assert outcome == PrintOutcome(True, "", f"Sent to {QUEUE}.", PrintStatus.ACCEPTED)
    printed = printed_file(earlier, title="Raster fallback")
    assert [result.text for result in zxingcpp.read_barcodes(raster(printed))] == [planned.token]


def test_the_qt_sink_refuses_a_printer_it_does_not_know(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(printing, "_uses_cups", lambda: False)
    pdf = tmp_path / "page.pdf"
    printing.write_test_page(pdf, "nowhere", CR80.page_size)
    outcome = StationSink("NoSuchQueue").send(pdf, "Test")
    assert outcome == PrintOutcome(False, "", "There is no printer called NoSuchQueue.", PrintStatus.UNKNOWN_PRINTER)


def test_a_missing_file_is_refused_before_the_print_system_is_asked(tmp_path: Path) -> None:
    outcome = print_pdf(tmp_path / "gone.pdf", printer=QUEUE)
    assert outcome == PrintOutcome(False, "", "The file to print, gone.pdf, is missing.", PrintStatus.MISSING_FILE)


def test_copies_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="copies"):
        print_pdf(tmp_path / "gone.pdf", copies=0)
