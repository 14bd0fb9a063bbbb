"""Attendance reports: the numbers from a real event file, the arrivals timeline, and the XLSX and PDF exports."""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pypdfium2
import pytest
from python_calamine import CalamineWorkbook
from sqlalchemy import update

from accreditor import checkin, reports, schema
from accreditor.errors import AccreditorError
from accreditor.reports import (
    Arrivals,
    arrivals_timeline,
    attendance_summary,
    delegation_attendance,
    export_report_pdf,
    export_report_xlsx,
    nice_step,
    percent_text,
)
from accreditor.store import EventStore

DUSHANBE = timezone(timedelta(hours=5))
MORNING = datetime(2027, 5, 3, 3, 55, tzinfo=UTC)  # 08:55 in Dushanbe

TAJIK = {"country": "TJ", "delegation": "Tajikistan"}

# (status, family name, fields, minutes after MORNING the guest checked in, or None)
GUESTS: tuple[tuple[str, str, dict[str, str], int | None], ...] = (
    ("approved", "Рахмонов", {"given_name": "Ҷамшед", "category": "HOD", **TAJIK}, 0),
    ("approved", "Саидов", {"given_name": "Умед", "category": "DEL", **TAJIK}, 10),
    ("approved", "Каримова", {"given_name": "Нигина", "category": "DEL", **TAJIK}, None),
    ("approved", "الهاشمي", {"given_name": "محمد", "country": "EG", "category": "DEL", "organisation": "LAS"}, 70),
    ("approved", "王", {"given_name": "伟", "country": "CN", "category": "DEL", "delegation": "China"}, None),
    ("pending", "Smith", {"given_name": "Anna", "country": "GB", "category": "OBS", "organisation": "UNDP"}, None),
    ("rejected", "Dubois", {"given_name": "Claire", "country": "FR", "category": "MED"}, None),
    ("revoked", "+SUM(A1:A9)", {"category": "DEL", **TAJIK}, 20),
)


@pytest.fixture
def report_event(
    store: EventStore, add_guest_with_status: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> EventStore:
    """An event with guests in every status, some checked in at known times (one later revoked)."""
    for status, family_name, fields, minutes in GUESTS:
        guest_id = add_guest_with_status("approved" if minutes is not None else status, family_name, **fields)
        if minutes is None:
            continue
        monkeypatch.setattr(checkin, "utc_now", lambda minutes=minutes: MORNING + timedelta(minutes=minutes))
        with store.begin() as connection:
            checkin.check_in(connection, guest_id, station="Desk 1", user="tester")
            if status != "approved":  # revoked after arriving
                connection.execute(update(schema.guests).where(schema.guests.c.id == guest_id).values(status=status))
    return store


def by_key(rows: tuple[reports.BreakdownRow, ...]) -> dict[str, tuple[int, int, int]]:
    return {row.key: (row.registered, row.expected, row.checked_in) for row in rows}


def test_headline_counts_expected_and_arrived_approved_guests(report_event: EventStore) -> None:
    with report_event.connect() as connection:
        summary = attendance_summary(connection)

    assert (summary.registered, summary.expected, summary.checked_in) == (8, 5, 3)
    assert summary.percent == "60%"


def test_every_breakdown_adds_up_to_the_headline(report_event: EventStore) -> None:
    with report_event.connect() as connection:
        summary = attendance_summary(connection)

    assert set(summary.breakdowns) == set(reports.BREAKDOWNS)
    for rows in summary.breakdowns.values():
        totals = tuple(sum(values) for values in zip(*by_key(rows).values(), strict=True))
        assert totals == (summary.registered, summary.expected, summary.checked_in)


def test_status_breakdown_lists_every_status_in_workflow_order(report_event: EventStore) -> None:
    with report_event.connect() as connection:
        rows = attendance_summary(connection).breakdowns["status"]

    assert [row.label for row in rows] == ["Pending", "Approved", "Rejected", "Revoked"]
    assert by_key(rows)["revoked"] == (1, 0, 0), "revoked after arriving: no longer counted as attending"


def test_free_text_breakdowns_put_the_biggest_first_and_the_blank_group_last(report_event: EventStore) -> None:
    with report_event.connect() as connection:
        breakdowns = attendance_summary(connection).breakdowns

    delegations = breakdowns["delegation"]
    assert [row.label for row in delegations] == ["Tajikistan", "China", "No delegation"]
    assert by_key(delegations)["Tajikistan"] == (4, 3, 2)
    countries = {row.key: row.label for row in breakdowns["country"]}
    assert countries["TJ"] == "Tajikistan" and countries["EG"] == "Egypt"


def test_category_breakdown_names_the_event_categories_in_their_order(report_event: EventStore) -> None:
    with report_event.connect() as connection:
        rows = attendance_summary(connection).breakdowns["category"]

    assert [row.label for row in rows[:3]] == ["Head of Delegation", "Delegate", "Observer"]
    assert by_key(rows)["DEL"] == (5, 4, 2)
    assert by_key(rows)["VIP"] == (0, 0, 0), "a category nobody is in yet still shows"
    assert rows[0].percent == "100%"
    assert rows[3].percent == percent_text(0, 0) == "—", "0 of 0 is not 0 %"


def test_timeline_counts_check_ins_per_half_hour_on_the_local_clock(report_event: EventStore) -> None:
    with report_event.connect() as connection:
        timeline = arrivals_timeline(connection, tz=DUSHANBE)

    assert [(bucket.start.strftime("%H:%M"), bucket.count) for bucket in timeline] == [
        ("08:30", 1),
        ("09:00", 1),
        ("09:30", 0),  # a gap stays visible
        ("10:00", 1),
    ]
    assert all(bucket.start.utcoffset() == timedelta(hours=5) for bucket in timeline)


def test_timeline_adds_up_to_the_checked_in_number(report_event: EventStore) -> None:
    with report_event.connect() as connection:
        timeline = arrivals_timeline(connection, bucket_minutes=60, tz=DUSHANBE)
        summary = attendance_summary(connection)

    assert sum(bucket.count for bucket in timeline) == summary.checked_in
    assert [bucket.start.strftime("%H:%M") for bucket in timeline] == ["08:00", "09:00", "10:00"]


def test_timeline_of_an_event_nobody_has_reached_is_empty(store: EventStore) -> None:
    with store.connect() as connection:
        assert arrivals_timeline(connection) == []


@pytest.mark.parametrize("minutes", [0, 7, -30, 1441])
def test_timeline_refuses_buckets_that_do_not_divide_a_day(store: EventStore, minutes: int) -> None:
    with store.connect() as connection, pytest.raises(ValueError, match="divide a day"):
        arrivals_timeline(connection, bucket_minutes=minutes)


def test_delegation_lists_group_every_guest_by_name(report_event: EventStore) -> None:
    with report_event.connect() as connection:
        delegations = delegation_attendance(connection)

    assert [row.label for row in delegations] == ["China", "Tajikistan", "No delegation"]
    tajikistan = delegations[1]
    assert [guest.name_latin for guest in tajikistan.guests] == [
        "Nigina Karimova",
        "Jamshed Rakhmonov",
        "Umed Saidov",
        "+SUM(A1:A9)",
    ]
    assert (tajikistan.expected, tajikistan.checked_in) == (3, 2)
    assert tajikistan.guests[1].name == "Ҷамшед Рахмонов"
    assert tajikistan.guests[1].category == "Head of Delegation"
    assert tajikistan.guests[1].checked_in_at == MORNING
    assert delegations[0].guests[0].name == "王伟"


@pytest.mark.parametrize(("highest", "step"), [(0, 1), (3, 1), (7, 2), (12, 5), (33, 10), (230, 50)])
def test_axis_steps_are_round_numbers(highest: int, step: int) -> None:
    assert nice_step(highest) == step


def build(store: EventStore) -> tuple[reports.Summary, list[Arrivals], list[reports.DelegationRow]]:
    with store.connect() as connection:
        return attendance_summary(connection), arrivals_timeline(connection), delegation_attendance(connection)


def test_xlsx_export_has_a_sheet_per_breakdown_and_keeps_formulas_as_text(
    report_event: EventStore, tmp_path: Path
) -> None:
    out = tmp_path / "attendance.xlsx"
    export_report_xlsx(*build(report_event), out, event_name="Water Conference")

    workbook = CalamineWorkbook.from_path(str(out))
    assert workbook.sheet_names == [
        "Summary",
        "By status",
        "By category",
        "By country",
        "By organisation",
        "By delegation",
        "Arrivals",
        "Delegations",
    ]
    summary = workbook.get_sheet_by_name("Summary").to_python()
    assert summary[0][1] == "Water Conference"
    assert [row[1] for row in summary[2:5]] == [8, 5, 3]
    assert summary[5][1] == pytest.approx(0.6)
    status = workbook.get_sheet_by_name("By status").to_python()
    assert status[0] == ["Status", "Registered", "Expected", "Checked in", "Attendance"]
    assert status[2][:4] == ["Approved", 5, 5, 3]
    arrivals = workbook.get_sheet_by_name("Arrivals").to_python()
    assert sum(row[1] for row in arrivals[1:]) == 3
    listed = workbook.get_sheet_by_name("Delegations").to_python()
    assert ["Tajikistan", "Ҷамшед Рахмонов"] in [row[:2] for row in listed]
    assert ["Tajikistan", "'+SUM(A1:A9)"] in [row[:2] for row in listed], "a formula-looking name is neutralised"


def test_pdf_export_draws_names_in_their_scripts(report_event: EventStore, tmp_path: Path) -> None:
    out = tmp_path / "attendance.pdf"
    pages = export_report_pdf(*build(report_event), out, event_name="Water Conference")

    document = pypdfium2.PdfDocument(str(out))
    try:
        assert len(document) == pages >= 2, "the delegation lists start on their own page"
        text = "\n".join(document[index].get_textpage().get_text_range() for index in range(len(document)))
    finally:
        document.close()
    assert "Attendance\r\nWater Conference" in text
    assert "3 of 5 checked in (60%)" in text
    assert "Ҷамшед Рахмонов" in text
    assert "王伟" in text
    assert "Tajikistan — 2 of 3 checked in (67%)" in text


def test_pdf_export_of_an_empty_event_says_so(store: EventStore, tmp_path: Path) -> None:
    out = tmp_path / "empty.pdf"
    export_report_pdf(*build(store), out)

    document = pypdfium2.PdfDocument(str(out))
    try:
        text = document[0].get_textpage().get_text_range()
    finally:
        document.close()
    assert "No check-ins yet." in text
    assert "0 of 0 checked in (—)" in text


@pytest.mark.parametrize("export", [export_report_xlsx, export_report_pdf])
def test_export_to_a_missing_folder_is_one_clear_error(
    report_event: EventStore, tmp_path: Path, export: Callable[..., object]
) -> None:
    with pytest.raises(AccreditorError, match="Cannot write attendance"):
        export(*build(report_event), tmp_path / "missing" / "attendance.out")


def test_a_short_timeline_is_padded_before_its_first_arrival() -> None:
    noon = datetime(2027, 5, 3, 12, 0, tzinfo=DUSHANBE)
    window = reports.chart_window([Arrivals(noon, 4)], 30, minimum=4)

    assert [(bucket.start.strftime("%H:%M"), bucket.count) for bucket in window] == [
        ("10:30", 0),
        ("11:00", 0),
        ("11:30", 0),
        ("12:00", 4),
    ]
    long = [Arrivals(noon + timedelta(minutes=30 * index), 1) for index in range(5)]
    assert reports.chart_window(long, 30, minimum=4) == long
    assert reports.chart_window([], 30) == []


@pytest.mark.parametrize(("highest", "top"), [(0, 1), (1, 1), (33, 40), (40, 40), (101, 150)])
def test_the_count_axis_ends_on_a_whole_step(highest: int, top: int) -> None:
    assert reports.axis_top(highest) == top


@pytest.mark.parametrize(("count", "most", "every"), [(10, 16, 1), (48, 16, 3), (49, 16, 4), (5, 0, 5)])
def test_bar_labels_are_thinned_to_fit(count: int, most: int, every: int) -> None:
    assert reports.label_every(count, most) == every
