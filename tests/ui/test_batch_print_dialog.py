"""Batch printing from the organiser's page: count, preview, order, print or save, cancel — and what gets recorded.

The proof the issue asks for: a batch cancelled half-way marks nobody printed and leaves no PDF, a refused
printer job marks nobody, and a saved PDF marks exactly the badges in it (read back with pypdfium2 + zxing-cpp).
"""

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from PySide6.QtCore import Qt

from accreditor import categories, guests, workflow
from accreditor.badges.batch import BatchReport, record_batch
from accreditor.badges.printing import ORDERS
from accreditor.guests import GuestFields
from accreditor.store import EventStore
from accreditor.verification import EventVerifier
from tests.ui.conftest import ACTOR, EVENT_DAYS, EVENT_NAME, FakePrinter, organiser_page
from ui import jobs
from ui import printing as ui_printing
from ui.guest_table_model import GuestFilter
from ui.organiser import batch_print_dialog
from ui.organiser.batch_print_dialog import BatchOutcome, BatchPrintDialog, Destination, summary_text
from ui.organiser.guests_page import OrganiserGuestsPage
from ui.settings import StationSettings

# key: (family, given, delegation, country, category, status); Latin names: Rahmonov, Wang, Kozlowski, Orsted,
# Abramov, Baker — each badge in its own script.
PEOPLE = {
    "rahmonov": ("Раҳмонов", "Ҷамшед", "Tajikistan", "TJ", "HOD", "approved"),
    "wang": ("王", "秀珍", "China", "CN", "MED", "approved"),
    "kozlowski": ("Kozłowski", "Łukasz", "Poland", "PL", "DEL", "approved"),
    "orsted": ("Ørsted", "Søren", "Denmark", "DK", "VIP", "approved"),
    "abramov": ("Абрамов", "Иван", "Tajikistan", "TJ", "DEL", "approved"),
    "baker": ("Baker", "Anna", "", "", "STF", "approved"),
    "smith": ("Smith", "John", "United Kingdom", "GB", "OBS", "pending"),
    "dubois": ("Dubois", "Claire", "", "FR", "MED", "rejected"),
    "ivanova": ("Иванова", "Мария", "Russia", "RU", "DEL", "approved"),  # printed before the batch
}
APPROVED_UNPRINTED = ("rahmonov", "wang", "kozlowski", "orsted", "abramov", "baker")
BY_LATIN_NAME = ("abramov", "baker", "kozlowski", "orsted", "rahmonov", "wang")
BY_CATEGORY = ("rahmonov", "abramov", "kozlowski", "orsted", "wang", "baker")  # HOD, DEL, VIP, MED, STF


@dataclass
class PrintEvent:
    store: EventStore
    ids: dict[str, int]

    def serials(self) -> dict[str, int | None]:
        with self.store.connect() as connection:
            serial_of = {guest.id: guest.badge_serial for guest in guests.list_guests(connection)}
        return {key: serial_of[guest_id] for key, guest_id in self.ids.items()}

    def printed(self) -> set[str]:
        return {key for key, serial in self.serials().items() if serial is not None} - {"ivanova"}

    def keys_of(self, guest_ids: list[int]) -> list[str]:
        key_of = {guest_id: key for key, guest_id in self.ids.items()}
        return [key_of[guest_id] for guest_id in guest_ids]


def make_print_event(path: Path, extra_approved: int = 0) -> PrintEvent:
    start, end = EVENT_DAYS
    store = EventStore.create(path, passphrase="test passphrase", name=EVENT_NAME, starts_on=start, ends_on=end)
    with store.begin() as connection:
        categories.install_standard(connection)
        fields = [
            GuestFields(family, given, delegation=delegation, country=country, category=category)
            for family, given, delegation, country, category, _status in PEOPLE.values()
        ]
        fields += [GuestFields(f"Guest{number:02d}", "Extra", category="DEL") for number in range(extra_approved)]
        added = guests.add_guests(connection, fields, actor=ACTOR)
        ids = dict(zip(PEOPLE, added, strict=False))
        extra = added[len(PEOPLE) :]
        approved = [ids[key] for key, person in PEOPLE.items() if person[5] == "approved"] + extra
        workflow.change_status(connection, approved, "approved", ACTOR)
        workflow.change_status(connection, [ids["dubois"]], "rejected", ACTOR, reason="Registration incomplete")
    record_batch(store, [(ids["ivanova"], 1)], actor=ACTOR, station="Desk 1")
    return PrintEvent(store, ids)


@pytest.fixture
def event(tmp_path: Path) -> Iterator[PrintEvent]:
    """A dated event: six approved guests in five scripts, one pending, one rejected, one already printed."""
    made = make_print_event(tmp_path / "batch.accreditor")
    yield made
    made.store.close()


@pytest.fixture
def crowd(tmp_path: Path) -> Iterator[PrintEvent]:
    """The same with 30 more approved guests: 36 cards are two chunks (a chunk is 25 sheets), so a cancel can fall
    between them."""
    made = make_print_event(tmp_path / "crowd.accreditor", extra_approved=30)
    yield made
    made.store.close()


@pytest.fixture
def printers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The print queues the dialog offers, whatever this computer has."""
    names = ["Badges", "Office"]
    monkeypatch.setattr(ui_printing, "available_printers", lambda: list(names))
    return names


@pytest.fixture
def pdf_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Where "Save as PDF…" saves: a folder of its own, so a test can see nothing else was left there."""
    folder = tmp_path / "saved"
    folder.mkdir()
    path = folder / "badges.pdf"
    monkeypatch.setattr(batch_print_dialog, "ask_pdf_path", lambda _parent, _suggested: path)
    return path


def open_dialog(qtbot, event: PrintEvent, station: StationSettings, guest_ids: list[int] | None = None):
    dialog = BatchPrintDialog(event.store, guest_ids, station, user=ACTOR)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: not dialog.is_counting())  # the dry run counts in the background
    return dialog


def choose(combo, value: str) -> None:
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def pdf_guests(store: EventStore, pdf: Path | bytes) -> list[int]:
    """The guest of each badge's QR code, in page order (the tests print one card a page)."""
    document = pypdfium2.PdfDocument(pdf)
    tokens = [result.text for page in document for result in zxingcpp.read_barcodes(page.render(scale=4).to_pil())]
    document.close()
    with store.connect() as connection:
        verifier = EventVerifier(connection)
        verdicts = [verifier.verify(token, today=EVENT_DAYS[0]) for token in tokens]
    assert all(verdict.reason == "ok" for verdict in verdicts)
    return [verdict.claims.guest_id for verdict in verdicts]


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


# -- counting before printing ---------------------------------------------------------------------------------


def test_dry_run_counts_and_lists_the_skipped_with_reasons(qtbot, event, desk_station, printers) -> None:
    dialog = open_dialog(qtbot, event, desk_station)

    assert dialog.heading.text() == "Badges for all 9 guests of the event"
    assert dialog.count_label.text() == "6 badges to print on 6 sheets; 3 guests skipped:"
    rows = [dialog.skipped_list.topLevelItem(row) for row in range(dialog.skipped_list.topLevelItemCount())]
    reasons = {item.text(0): item.text(1) for item in rows}
    assert reasons == {
        "John Smith": "pending: only approved guests get badges",
        "Claire Dubois": "rejected (Registration incomplete): only approved guests get badges",
        "Мария Иванова": "already printed (serial 1)",
    }

    choose(dialog.layout_choice, "a4-4up")
    assert dialog.count_label.text() == "6 badges to print on 2 sheets; 3 guests skipped:"
    assert "A4" in dialog.layout_description.text()


def test_every_order_the_core_knows_is_offered(qtbot, event, desk_station, printers) -> None:
    dialog = open_dialog(qtbot, event, desk_station)

    offered = [dialog.order_choice.itemData(row) for row in range(dialog.order_choice.count())]
    assert offered == list(ORDERS)
    assert set(batch_print_dialog.ORDER_LABELS) == set(ORDERS)


def test_the_station_printer_and_layout_are_chosen(qtbot, event, desk_station, printers) -> None:
    dialog = open_dialog(qtbot, event, desk_station)

    assert (dialog.destination_printer(), dialog.layout_name()) == ("Badges", "cr80")
    assert dialog.start_button.text() == "Print"
    dialog.to_pdf.setChecked(True)
    assert dialog.start_button.text() == "Save PDF…"


def test_only_the_guests_handed_over_are_counted(qtbot, event, desk_station, printers) -> None:
    chosen = [event.ids[key] for key in ("wang", "smith", "baker")]
    dialog = open_dialog(qtbot, event, desk_station, chosen)

    assert dialog.heading.text() == "Badges for 3 guests"
    assert dialog.count_label.text() == "2 badges to print on 2 sheets; 1 guest skipped:"


def test_an_empty_selection_prints_nobody(qtbot, event, desk_station, printers) -> None:
    dialog = open_dialog(qtbot, event, desk_station, [])

    assert dialog.count_label.text() == "There is nobody to print."
    assert not dialog.start_button.isEnabled()
    assert not dialog.preview_button.isEnabled()


def test_a_reprint_waits_for_its_reason(qtbot, event, desk_station, printers, pdf_path, inline_jobs) -> None:
    dialog = open_dialog(qtbot, event, desk_station, [event.ids["ivanova"], event.ids["wang"]])
    assert dialog.count_label.text() == "1 badge to print on 1 sheet; 1 guest skipped:"

    dialog.reprint.setChecked(True)
    assert dialog.count_label.text() == "2 badges to print on 2 sheets."
    assert not dialog.start_button.isEnabled()
    dialog.reason_edit.setText("Badge lost")
    dialog.to_pdf.setChecked(True)
    click(qtbot, dialog.start_button)

    assert event.serials()["ivanova"] == 2
    assert event.serials()["wang"] == 1


# -- preview -------------------------------------------------------------------------------------------------


def test_preview_shows_the_first_page(qtbot, event, desk_station, printers, inline_jobs) -> None:
    dialog = open_dialog(qtbot, event, desk_station)
    choose(dialog.layout_choice, "a4-4up")
    click(qtbot, dialog.preview_button)

    pixmap = dialog.preview.pixmap()
    assert not pixmap.isNull()
    assert pixmap.width() <= dialog.preview.width() and pixmap.height() <= dialog.preview.height()
    assert pixmap.height() / pixmap.width() == pytest.approx(297 / 210, rel=0.02), "an A4 page"
    image = pixmap.toImage()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)}
    assert len(colours) > 20, "badges are drawn on the page"
    assert event.printed() == set(), "a preview records nothing"

    choose(dialog.order_choice, "name")
    assert dialog.preview.pixmap().isNull(), "a preview of other options is not shown as theirs"


# -- saving and printing -------------------------------------------------------------------------------------


def test_saving_a_pdf_marks_exactly_the_badges_in_it(qtbot, event, desk_station, printers, pdf_path, inline_jobs):
    dialog = open_dialog(qtbot, event, desk_station)
    dialog.to_pdf.setChecked(True)
    click(qtbot, dialog.start_button)

    in_pdf = event.keys_of(pdf_guests(event.store, pdf_path))
    assert sorted(in_pdf) == sorted(APPROVED_UNPRINTED)
    assert event.printed() == set(APPROVED_UNPRINTED)
    assert event.serials()["ivanova"] == 1, "skipped, not reprinted"
    assert dialog.report is not None and dialog.report.marked_printed == 6
    summary = dialog.summary.toPlainText()
    assert f"Saved 6 badges on 6 pages to {pdf_path}." in summary
    assert "6 badges marked printed." in summary
    assert "Skipped 3:" in summary
    assert "John Smith — pending: only approved guests get badges" in summary
    assert "Claire Dubois — rejected (Registration incomplete): only approved guests get badges" in summary
    assert "Мария Иванова — already printed (serial 1)" in summary
    assert dialog.count_label.text() == "None of these 9 guests gets a badge:", "the dry run sees them printed"
    assert list(pdf_path.parent.iterdir()) == [pdf_path]


@pytest.mark.parametrize(("order", "expected"), [("name", BY_LATIN_NAME), ("category", BY_CATEGORY)])
def test_the_order_chosen_is_the_order_of_the_pdf(
    qtbot, event, desk_station, printers, pdf_path, inline_jobs, order, expected
) -> None:
    dialog = open_dialog(qtbot, event, desk_station)
    choose(dialog.order_choice, order)
    dialog.to_pdf.setChecked(True)
    click(qtbot, dialog.start_button)

    assert event.keys_of(pdf_guests(event.store, pdf_path)) == list(expected)


def test_an_accepted_printer_job_is_recorded(
    qtbot, event, desk_station, printers, fake_printer: FakePrinter, inline_jobs
) -> None:
    dialog = open_dialog(qtbot, event, desk_station)
    choose(dialog.printer_choice, "Office")
    choose(dialog.order_choice, "name")
    click(qtbot, dialog.start_button)

    (job,) = fake_printer.jobs
    assert job.printer == "Office"
    assert job.media_mm == pytest.approx((85.6, 54))
    assert event.keys_of(pdf_guests(event.store, job.pdf)) == list(BY_LATIN_NAME)
    assert event.printed() == set(APPROVED_UNPRINTED)
    assert dialog.summary.toPlainText().startswith("Printed 6 badges on 6 pages on Office. Sent (job badges-7).")


def test_a_refused_printer_job_marks_nothing(
    qtbot, event, desk_station, printers, fake_printer: FakePrinter, inline_jobs
) -> None:
    fake_printer.refuse("The printer Badges is stopped; start it again in the system's printer settings.")
    dialog = open_dialog(qtbot, event, desk_station)
    click(qtbot, dialog.start_button)

    assert len(fake_printer.jobs) == 1
    assert event.printed() == set()
    assert dialog.report is None
    assert dialog.summary.toPlainText().startswith(
        "Nothing was printed: The printer Badges is stopped; start it again in the system's printer settings. "
        "No badge was marked printed."
    )
    assert dialog.start_button.isEnabled(), "the organiser can start the printer and try again"


# -- cancelling ------------------------------------------------------------------------------------------------


@pytest.fixture
def cancel_after_first_chunk(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The organiser cancels as soon as the first chunk is reported: jobs run inline, so the cancel flips then."""
    reported: list[int] = []
    monkeypatch.setattr(jobs.JobContext, "report_progress", lambda _context, done, _total: reported.append(done))
    monkeypatch.setattr(jobs.JobContext, "cancelled", lambda _context: bool(reported))
    return reported


def test_a_pdf_cancelled_half_way_marks_nothing_and_leaves_no_file(
    qtbot, crowd, desk_station, printers, pdf_path, inline_jobs, cancel_after_first_chunk
) -> None:
    dialog = open_dialog(qtbot, crowd, desk_station)
    dialog.to_pdf.setChecked(True)
    click(qtbot, dialog.start_button)

    assert cancel_after_first_chunk == [25], "one chunk was rendered, then the run stopped"
    assert crowd.printed() == set()
    assert list(pdf_path.parent.iterdir()) == []
    assert dialog.report is None
    assert dialog.summary.toPlainText() == "Cancelled: no badge was printed or marked printed."


def test_a_print_cancelled_half_way_sends_nothing(
    qtbot, crowd, desk_station, printers, fake_printer, inline_jobs, cancel_after_first_chunk
) -> None:
    dialog = open_dialog(qtbot, crowd, desk_station)
    click(qtbot, dialog.start_button)

    assert fake_printer.jobs == []
    assert crowd.printed() == set()


def test_the_cancel_button_stops_a_running_batch(
    qtbot, crowd, desk_station, printers, pdf_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Real threads: the worker holds after its first chunk until the organiser has pressed Cancel."""
    resume = threading.Event()
    report_progress = jobs.JobContext.report_progress

    def report_then_hold(context: jobs.JobContext, done: int, total: int) -> None:
        report_progress(context, done, total)
        resume.wait(10)

    monkeypatch.setattr(jobs.JobContext, "report_progress", report_then_hold)
    dialog = open_dialog(qtbot, crowd, desk_station)
    dialog.to_pdf.setChecked(True)
    click(qtbot, dialog.start_button)
    try:
        qtbot.waitUntil(lambda: dialog.progress.value() == 25)
        assert dialog.status.text() == "Rendered 25 of 36 badges…"
        assert not dialog.start_button.isEnabled() and not dialog.layout_choice.isEnabled()
        click(qtbot, dialog.cancel_button)
    finally:
        resume.set()
    qtbot.waitUntil(lambda: not dialog.is_running())

    assert dialog.summary.toPlainText() == "Cancelled: no badge was printed or marked printed."
    assert crowd.printed() == set()
    assert list(pdf_path.parent.iterdir()) == []
    assert dialog.start_button.isEnabled()


def test_escape_while_running_cancels_instead_of_closing(
    qtbot, crowd, desk_station, printers, fake_printer, monkeypatch: pytest.MonkeyPatch
) -> None:
    resume = threading.Event()
    report_progress = jobs.JobContext.report_progress

    def report_then_hold(context: jobs.JobContext, done: int, total: int) -> None:
        report_progress(context, done, total)
        resume.wait(10)

    monkeypatch.setattr(jobs.JobContext, "report_progress", report_then_hold)
    dialog = open_dialog(qtbot, crowd, desk_station)
    click(qtbot, dialog.start_button)
    try:
        qtbot.waitUntil(lambda: dialog.progress.value() == 25)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert dialog.isVisible()
    finally:
        resume.set()
    qtbot.waitUntil(lambda: not dialog.is_running())

    assert fake_printer.jobs == []
    assert crowd.printed() == set()


# -- the summary ---------------------------------------------------------------------------------------------


def test_the_summary_names_every_skipped_guest_and_warning() -> None:
    skipped = [{"guest": number, "name": f"Guest {number}", "reason": "pending"} for number in range(20)]
    report = BatchReport(out="x.pdf", layout="cr80", badges=2, pages=1, skipped=skipped, printed=[(1, 1), (2, 1)])
    report.marked_printed = 2
    report.warnings = ["Guest 3: the photo cannot be read; a placeholder is printed"]
    text = summary_text(BatchOutcome(report, Destination(printer="Badges"), delivered=True, message="Sent."))

    lines = text.splitlines()
    assert lines[:3] == ["Printed 2 badges on 1 page on Badges. Sent.", "2 badges marked printed.", "Skipped 20:"]
    assert lines[3:23] == [f"• Guest {number} — pending" for number in range(20)]
    assert lines[-2:] == ["Warnings:", "• Guest 3: the photo cannot be read; a placeholder is printed"]


def test_a_clash_with_another_desk_is_said(tmp_path) -> None:
    report = BatchReport(out="x.pdf", layout="cr80", badges=1, pages=1, printed=[(1, 1)])
    outcome = BatchOutcome(
        report, Destination(pdf=tmp_path / "b.pdf"), delivered=True, record_error="Another desk printed some."
    )

    assert summary_text(outcome).splitlines()[1] == "They are not marked printed: Another desk printed some."


# -- from the organiser's page ---------------------------------------------------------------------------------


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[list[int] | None]:
    """The guests each "Print badges…" handed to the dialog (which is not shown)."""
    handed: list[list[int] | None] = []

    def run(_parent, _store, guest_ids, _station, *, user=None) -> BatchReport | None:
        handed.append(guest_ids)
        return None

    monkeypatch.setattr(BatchPrintDialog, "run", run)
    return handed


@pytest.fixture
def page(qtbot, event: PrintEvent, desk_station: StationSettings, inline_jobs) -> OrganiserGuestsPage:
    return organiser_page(qtbot, event.store, user=ACTOR, station=desk_station)


def test_the_page_prints_the_selected_guests(page, event, opened) -> None:
    page.select_guests([event.ids["wang"], event.ids["baker"]])
    page.print_action.trigger()

    assert opened == [[event.ids["wang"], event.ids["baker"]]]


def test_with_nothing_selected_the_page_prints_what_the_filters_show(page, event, opened) -> None:
    page.model.set_guest_filter(GuestFilter(country="TJ"))
    page.print_action.trigger()
    page.model.set_guest_filter(GuestFilter())
    page.print_action.trigger()

    assert opened == [[event.ids["rahmonov"], event.ids["abramov"]], None]


def test_filters_that_show_nobody_print_nothing(page, opened) -> None:
    page.model.set_guest_filter(GuestFilter(country="ZW"))
    page.print_action.trigger()

    assert opened == []
    assert page.notice.text() == "No guest matches the filters: there is no badge to print."


def test_the_page_shows_the_badges_printed(page, event, monkeypatch: pytest.MonkeyPatch) -> None:
    def run(_parent, store, guest_ids, _station, *, user=None) -> BatchReport:
        record_batch(store, [(guest_ids[0], 1)], actor=user)
        return BatchReport(out="x.pdf", layout="cr80", badges=1, pages=1, marked_printed=1, printed=[(guest_ids[0], 1)])

    monkeypatch.setattr(BatchPrintDialog, "run", run)
    changed: list[bool] = []
    page.event_session.changed.connect(lambda _changes: changed.append(True))
    page.select_guests([event.ids["wang"]])
    page.print_action.trigger()

    assert changed == [True]
    assert page.notice.text() == "Badges of 1 guest recorded as printed."
    assert page.selected_guests()[0].badge_serial == 1
