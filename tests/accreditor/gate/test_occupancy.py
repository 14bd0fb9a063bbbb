"""Who is inside each zone, from entries and exits, and the printable evacuation list."""

import io
from datetime import timedelta
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from accreditor.gate.evacuation_pdf import write_evacuation_pdf
from accreditor.gate.occupancy import evacuation_list, occupancy, who_is_inside
from tests.accreditor.gate.conftest import GATE_TIME, GateEvent, OpenGate


def minutes(count: int):
    return GATE_TIME + timedelta(minutes=count)


@pytest.fixture
def plenary(gate_event: GateEvent, open_gate: OpenGate) -> GateEvent:
    """Through the plenary's doors: the delegate in and out, the VIP and the Chinese journalist in (a VIP room)."""
    entry, exit_ = open_gate("event", gate="North"), open_gate("event", direction="out", gate="South")
    entry.scan(gate_event.token("delegate"), now=minutes(0))
    entry.scan(gate_event.token("vip"), now=minutes(5))
    exit_.scan(gate_event.token("delegate"), now=minutes(30))
    entry.scan(gate_event.token("revoked"), now=minutes(31))  # refused: not inside
    entry.scan(gate_event.token("no_photo"), now=minutes(40))
    open_gate("event", zone="PRS", gate="Press").scan(gate_event.token("media"), now=minutes(45))
    return gate_event


def test_who_is_inside_follows_the_last_accepted_passage(plenary: GateEvent) -> None:
    ids = plenary.ids
    with plenary.store.connect() as connection:
        inside = who_is_inside(connection)
        plenary_only = who_is_inside(connection, "PLN")
        counts = occupancy(connection)

    assert [(item.zone, item.guest_id, item.since, item.gate) for item in inside] == [
        ("PLN", ids["vip"], minutes(5), "North"),
        ("PLN", ids["no_photo"], minutes(40), "North"),
        ("PRS", ids["media"], minutes(45), "Press"),
    ]
    assert plenary_only == inside[:2]
    assert counts == {"PLN": 2, "VIP": 0, "PRS": 1, "BIL": 0, "SRV": 0}


def test_an_entry_logged_late_with_an_earlier_time_does_not_undo_a_later_exit(
    gate_event: GateEvent, open_gate: OpenGate
) -> None:
    gate = open_gate("event", direction="out")
    gate.scan(gate_event.token("delegate"), now=minutes(60))
    open_gate("event", anti_passback=False).scan(gate_event.token("delegate"), now=minutes(10))  # merged later

    with gate_event.store.connect() as connection:
        assert who_is_inside(connection) == []


def test_evacuation_list_has_names_categories_and_photos(plenary: GateEvent) -> None:
    with plenary.store.connect() as connection:
        entries = evacuation_list(connection, "PLN", photos=True)

    assert [(entry.name, entry.name_latin, entry.category_name, entry.gate) for entry in entries] == [
        ("عبد الرحمن أبو داوود", "Abd Alrhmn Abu Dawud", "VIP", "North"),
        ("Łukasz Kozłowski", "Lukasz Kozlowski", "Delegate", "North"),
    ]
    assert entries[0].photo is not None and entries[1].photo is None
    assert entries[0].to_json()["since"] == minutes(5).isoformat()


def pdf_text(path: Path) -> list[str]:
    document = pdfium.PdfDocument(path)
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()


def test_evacuation_pdf_prints_every_zone_with_names_in_their_script(plenary: GateEvent, tmp_path: Path) -> None:
    out = tmp_path / "evacuation.pdf"
    with plenary.store.connect() as connection:
        entries = evacuation_list(connection, photos=True)

    pages = write_evacuation_pdf(
        entries,
        out,
        event_name="Dushanbe Water Conference",
        zones={"PLN": "Plenary hall", "PRS": "Press centre"},
        generated_at=GATE_TIME,
    )

    texts = pdf_text(out)
    assert pages == len(texts) == 2
    assert "PLN — Plenary hall: 2 people inside" in texts[0]
    assert "Łukasz Kozłowski" in texts[0] and "Abd Alrhmn Abu Dawud" in texts[0] and "North" in texts[0]
    assert "PRS — Press centre: 1 person inside" in texts[1] and "秀珍" in texts[1]


def test_a_long_list_continues_on_the_next_pages(tmp_path: Path, plenary: GateEvent) -> None:  # 8 rows a page
    with plenary.store.connect() as connection:
        one = evacuation_list(connection, "PLN", photos=True)[0]
    crowd = [one] * 25
    out = io.BytesIO()

    pages = write_evacuation_pdf(crowd, out, event_name="Summit", zones={"PLN": "Plenary hall"}, generated_at=GATE_TIME)

    path = tmp_path / "crowd.pdf"
    path.write_bytes(out.getvalue())
    texts = pdf_text(path)
    assert pages == len(texts) == 4
    assert "(continued)" in texts[1] and "page 4" in texts[3]


def test_an_empty_zone_says_nobody_is_inside(tmp_path: Path) -> None:
    out = tmp_path / "empty.pdf"

    write_evacuation_pdf([], out, event_name="Summit", zones={"VIP": "VIP lounge"}, generated_at=GATE_TIME)

    assert "VIP — VIP lounge: nobody inside" in pdf_text(out)[0]
