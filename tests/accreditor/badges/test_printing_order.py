"""The order a print run comes out in: by id, Latin name, delegation, country or category, names in any script."""

from datetime import date
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp

from accreditor import guests as guest_store
from accreditor import workflow
from accreditor.badges.batch import print_badges, record_batch, render_preview
from accreditor.badges.printing import ORDERS, PrintRequest, select_for_print
from accreditor.errors import WorkflowError
from accreditor.guests import GuestFields
from accreditor.store import EventStore
from accreditor.verification import EventVerifier

TODAY = date(2027, 5, 3)

# Added in this order (their ids), which is no order at all; the Latin name is in the comment.
GUESTS = {
    "orsted": ("approved", GuestFields("Ørsted", "Søren", delegation="Denmark", country="DK", category="VIP")),
    "wang": ("approved", GuestFields("王", "秀珍", delegation="China", country="CN", category="MED")),  # Wang
    "rahmonov": ("approved", GuestFields("Раҳмонов", "Ҷамшед", delegation="Tajikistan", country="TJ", category="HOD")),
    "abu_dawud": ("approved", GuestFields("أبو داوود", "عبد الرحمن", country="JO", category="DEL")),  # Abu Dawud
    "kozlowski": ("approved", GuestFields("Kozłowski", "Łukasz", delegation="Poland", country="PL", category="DEL")),
    "abramov": ("approved", GuestFields("Абрамов", "Иван", delegation="Tajikistan", country="TJ", category="DEL")),
    "zimmermann": ("pending", GuestFields("Zimmermann", "Eva", delegation="Austria", country="AT", category="DEL")),
    "baker": ("approved", GuestFields("Baker", "Anna", category="STF")),  # no delegation, no country
}

EXPECTED = {
    "id": ["orsted", "wang", "rahmonov", "abu_dawud", "kozlowski", "abramov", "baker"],
    # Abramov, Abu Dawud, Baker, Kozlowski, Orsted, Rahmonov, Wang: one alphabet for every script.
    "name": ["abramov", "abu_dawud", "baker", "kozlowski", "orsted", "rahmonov", "wang"],
    # China, Denmark, Poland, Tajikistan (Abramov before Rahmonov), then those without a delegation.
    "delegation": ["wang", "orsted", "kozlowski", "abramov", "rahmonov", "abu_dawud", "baker"],
    # China, Denmark, Jordan, Poland, Tajikistan, then the guest without a country.
    "country": ["wang", "orsted", "abu_dawud", "kozlowski", "abramov", "rahmonov", "baker"],
    # The event's category order (Head of Delegation, Delegate, …, VIP, Media, …, Staff), names within each.
    "category": ["rahmonov", "abramov", "abu_dawud", "kozlowski", "orsted", "wang", "baker"],
}


@pytest.fixture
def people(store: EventStore) -> dict[str, int]:
    """Every guest of `GUESTS` by key, in their status."""
    with store.begin() as connection:
        ids = guest_store.add_guests(connection, [fields for _status, fields in GUESTS.values()], actor="t")
        by_key = dict(zip(GUESTS, ids, strict=True))
        approved = [by_key[key] for key, (status, _fields) in GUESTS.items() if status == "approved"]
        workflow.change_status(connection, approved, "approved", "t")
    return by_key


def selected_keys(store: EventStore, people: dict[str, int], request: PrintRequest) -> list[str]:
    key_of = {guest_id: key for key, guest_id in people.items()}
    with store.connect() as connection:
        selection = select_for_print(connection, request)
    return [key_of[guest_id] for guest_id, _serial in selection.printable]


def pdf_guests(store: EventStore, pdf: Path) -> list[int]:
    """The guest of every QR code in the PDF, page by page."""
    document = pypdfium2.PdfDocument(str(pdf))
    tokens = [result.text for page in document for result in zxingcpp.read_barcodes(page.render(scale=4).to_pil())]
    document.close()
    with store.connect() as connection:
        verifier = EventVerifier(connection)
        return [verifier.verify(token, today=TODAY).claims.guest_id for token in tokens]


@pytest.mark.parametrize("order", ORDERS)
def test_every_order(store, people, order) -> None:
    assert selected_keys(store, people, PrintRequest(order=order)) == EXPECTED[order]


def test_the_default_order_is_by_id(store, people) -> None:
    assert selected_keys(store, people, PrintRequest()) == EXPECTED["id"]


def test_order_applies_to_a_chosen_set_of_guests(store, people) -> None:
    chosen = [people[key] for key in ("wang", "baker", "abramov", "orsted")]
    request = PrintRequest(guest_ids=tuple(chosen), order="name")

    assert selected_keys(store, people, request) == ["abramov", "baker", "orsted", "wang"]


def test_skipped_guests_come_in_the_same_order(store, people) -> None:
    with store.connect() as connection:
        selection = select_for_print(connection, PrintRequest(order="name", only_unprinted=True))
    assert [skipped["guest"] for skipped in selection.skipped] == [people["zimmermann"]]
    record_batch(store, [(people["abu_dawud"], 1), (people["wang"], 1)], actor="t")
    with store.connect() as connection:
        selection = select_for_print(connection, PrintRequest(order="name", only_unprinted=True))
    skipped = [skipped["guest"] for skipped in selection.skipped]
    assert skipped == [people["abu_dawud"], people["wang"], people["zimmermann"]]


def test_an_unknown_order_is_refused(store, people) -> None:
    with store.connect() as connection, pytest.raises(WorkflowError, match="ordered by 'surname'"):
        select_for_print(connection, PrintRequest(order="surname"))


def test_ordering_keeps_the_serials(store, people) -> None:
    record_batch(store, [(people["orsted"], 1)], actor="t")
    with store.connect() as connection:
        selection = select_for_print(connection, PrintRequest(order="name", reprint=True, reason="lost"))
    assert dict(selection.printable)[people["orsted"]] == 2
    assert {serial for guest, serial in selection.printable if guest != people["orsted"]} == {1}


def test_more_guests_than_a_query_takes_parameters(store) -> None:
    with store.begin() as connection:
        fields = [GuestFields(f"Guest{number:04d}") for number in range(2500, 0, -1)]
        ids = guest_store.add_guests(connection, fields, actor="t")
        workflow.change_status(connection, ids, "approved", "t")
        selection = select_for_print(connection, PrintRequest(guest_ids=tuple(ids), order="name"))

    assert [guest_id for guest_id, _serial in selection.printable] == ids[::-1]


def test_the_pdf_comes_in_the_order_asked(store, people, tmp_path) -> None:
    out = tmp_path / "by-delegation.pdf"  # one card a page: the page order is the badge order
    report = print_badges(
        store, PrintRequest(order="delegation"), out=out, layout="cr80", actor="t", today=TODAY, workers=1
    )

    assert pdf_guests(store, out) == [guest_id for guest_id, _serial in report.printed]
    assert report.printed == [(people[key], 1) for key in EXPECTED["delegation"]]


def test_a_pdf_for_a_printer_is_recorded_by_the_caller(store, people, tmp_path) -> None:
    request = PrintRequest(order="country", mark_printed=True)
    report = print_badges(
        store, request, out=tmp_path / "for-printer.pdf", layout="cr80", actor="t", today=TODAY, record=False
    )

    assert report.marked_printed == 0
    with store.connect() as connection:
        assert all(guest.badge_serial is None for guest in guest_store.list_guests(connection))
    assert record_batch(store, report.printed, actor="desk", station="Desk 1") == 7
    with store.connect() as connection:
        printed = {guest.id for guest in guest_store.list_guests(connection) if guest.badge_serial == 1}
    assert printed == {people[key] for key in EXPECTED["country"]}


def test_preview_draws_the_first_sheet_and_records_nothing(store, people, tmp_path) -> None:
    out = tmp_path / "preview.pdf"
    shown = render_preview(store, PrintRequest(order="name"), layout="a4-4up", out=out, today=TODAY)

    assert shown == 4
    assert sorted(pdf_guests(store, out)) == sorted(people[key] for key in EXPECTED["name"][:4])
    with store.connect() as connection:
        assert all(guest.badge_serial is None for guest in guest_store.list_guests(connection))


def test_preview_of_a_run_with_nobody_writes_nothing(store, people, tmp_path) -> None:
    out = tmp_path / "nobody.pdf"
    request = PrintRequest(guest_ids=(people["zimmermann"],))

    assert render_preview(store, request, layout="cr80", out=out, today=TODAY) == 0
    assert not out.exists()
