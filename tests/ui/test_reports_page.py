"""The reports page: its numbers against the database, its models, the arrivals chart, and both exports."""

from pathlib import Path

import pypdfium2
import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from python_calamine import CalamineWorkbook
from sqlalchemy import func, select

from accreditor import checkin, schema
from accreditor.reports import BREAKDOWNS
from accreditor.store import EventStore
from tests.ui.conftest import Shown
from ui.organiser import reports_page
from ui.organiser.reports_page import AttendanceColumn, BreakdownColumn, ReportsPage
from ui.organiser.timeline_chart import TimelineChart


@pytest.fixture
def page(qtbot: QtBot, event_store: EventStore, inline_jobs: None) -> ReportsPage:
    shown = ReportsPage(event_store)
    qtbot.addWidget(shown)
    shown.resize(1280, 760)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


@pytest.fixture
def export_to(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Path]:
    """Paths the export dialog will answer, in order; a test appends what it wants."""
    answers: list[Path] = []
    monkeypatch.setattr(reports_page, "ask_export_path", lambda *_args: answers.pop(0))
    return answers


def counted(store: EventStore) -> tuple[int, int]:
    """(approved, approved and checked in), counted straight from the guests table."""
    guests = schema.guests
    with store.connect() as connection:
        approved = connection.execute(select(func.count()).where(guests.c.status == "approved")).scalar_one()
        arrived = connection.execute(
            select(func.count()).where(guests.c.status == "approved", guests.c.checked_in_at.is_not(None))
        ).scalar_one()
    return approved, arrived


def test_the_figures_are_the_database_counts(page: ReportsPage, event_store: EventStore) -> None:
    approved, arrived = counted(event_store)

    assert (approved, arrived) == (2, 1), "the fixture event: two approved guests, one checked in"
    assert page.expected_figure.value_label.text() == str(approved)
    assert page.checked_in_figure.value_label.text() == str(arrived)
    assert page.attendance_figure.value_label.text() == "50%"
    assert page.registered_label.text().startswith("6 registered: 2 awaiting a decision, 1 rejected, 1 revoked")


def test_refresh_shows_check_ins_made_since(qtbot: QtBot, page: ReportsPage, event_store: EventStore) -> None:
    with event_store.connect() as connection:
        arabic = connection.execute(
            select(schema.guests.c.id).where(schema.guests.c.family_name == "الهاشمي")
        ).scalar_one()
    with event_store.begin() as connection:
        checkin.check_in(connection, arabic, station="Desk 2", user="tester")

    with qtbot.waitSignal(page.loaded):
        qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
    assert page.checked_in_figure.value_label.text() == "2"
    assert page.attendance_figure.value_label.text() == "100%"
    assert sum(bar.count for bar in page.chart.bars()) == 2


def test_the_page_loads_in_the_background_when_first_shown(qtbot: QtBot, event_store: EventStore) -> None:
    shown = ReportsPage(event_store)
    qtbot.addWidget(shown)
    assert shown.report is None and not shown.xlsx_button.isEnabled()

    with qtbot.waitSignal(shown.loaded):
        shown.show()
    assert shown.expected_figure.value_label.text() == "2"
    assert shown.xlsx_button.isEnabled()


def test_each_breakdown_can_be_chosen(page: ReportsPage) -> None:
    model = page.breakdown_model
    for key, title in BREAKDOWNS.items():
        page.breakdown_combo.setCurrentIndex(page.breakdown_combo.findData(key))
        assert model.headerData(BreakdownColumn.LABEL, Qt.Orientation.Horizontal) == title
        expected = sum(int(model.data(model.index(row, BreakdownColumn.EXPECTED))) for row in range(model.rowCount()))
        assert expected == 2, f"the {key} breakdown adds up to the expected guests"

    page.breakdown_combo.setCurrentIndex(page.breakdown_combo.findData("status"))
    rows = {model.data(model.index(row, 0)): model.data(model.index(row, 4)) for row in range(model.rowCount())}
    assert rows == {"Pending": "—", "Approved": "50%", "Rejected": "—", "Revoked": "—"}


def test_breakdown_rows_sort_by_a_clicked_column(page: ReportsPage) -> None:
    page.breakdown_combo.setCurrentIndex(page.breakdown_combo.findData("country"))
    model = page.breakdown_model
    page.breakdown_table.sortByColumn(BreakdownColumn.LABEL, Qt.SortOrder.AscendingOrder)

    labels = [model.data(model.index(row, 0)) for row in range(model.rowCount())]
    assert labels == sorted(labels, key=str.casefold)


def test_delegation_list_shows_each_guest_and_arrival(page: ReportsPage) -> None:
    assert page.delegation_combo.currentText() == "No delegation — 1 of 2"
    model = page.attendance_model
    names = {model.data(model.index(row, AttendanceColumn.NAME)): row for row in range(model.rowCount())}
    assert len(names) == 6
    tajik = names["Ҷамшед Рахмонов"]
    assert model.data(model.index(tajik, AttendanceColumn.CHECKED_IN)) != ""
    assert model.data(model.index(tajik, AttendanceColumn.STATUS)) == "Approved"
    assert model.data(model.index(names["Anna Smith"], AttendanceColumn.CHECKED_IN)) == ""


def test_the_models_follow_the_qt_rules(page: ReportsPage, qtmodeltester) -> None:
    for key in BREAKDOWNS:
        page.breakdown_combo.setCurrentIndex(page.breakdown_combo.findData(key))
        qtmodeltester.check(page.breakdown_model)
    qtmodeltester.check(page.attendance_model)


def test_the_chart_draws_the_check_ins_and_names_a_bar(page: ReportsPage) -> None:
    bars = page.chart.bars()
    assert len(bars) == 12, "one busy half hour is padded so it reads as a bar"
    assert sum(bar.count for bar in bars) == 1
    assert page.chart.describe(len(bars) - 1).endswith(" — check-ins: 1")
    assert not page.chart.grab().isNull()


def test_pointing_at_a_bar_explains_it(qtbot: QtBot, page: ReportsPage, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(reports_page.TimelineChart, "describe", lambda self, index: f"bar {index}")
    monkeypatch.setattr("PySide6.QtWidgets.QToolTip.showText", lambda _pos, text, *_args: shown.append(text))
    chart = page.chart
    x = chart.width() - 20  # over the last bar

    QApplication.sendEvent(chart, QHelpEvent(QEvent.Type.ToolTip, QPoint(x, chart.height() // 2), QPoint(0, 0)))
    assert shown == [f"bar {len(chart.bars()) - 1}"]


def test_an_empty_chart_has_no_bars(qtbot: QtBot) -> None:
    chart = TimelineChart()
    qtbot.addWidget(chart)
    chart.set_timeline([], 30)
    assert chart.bars() == []
    assert chart.bar_at(10) is None
    assert not chart.grab().isNull()


def test_xlsx_export_writes_what_is_on_screen(
    qtbot: QtBot, page: ReportsPage, export_to: list[Path], tmp_path: Path
) -> None:
    export_to.append(tmp_path / "attendance")  # the suffix is added when the user leaves it out
    qtbot.mouseClick(page.xlsx_button, Qt.MouseButton.LeftButton)

    out = tmp_path / "attendance.xlsx"
    assert page.status_label.text() == "Saved attendance.xlsx"
    workbook = CalamineWorkbook.from_path(str(out))
    summary = workbook.get_sheet_by_name("Summary").to_python()
    assert summary[0][1] == "Dushanbe Water Conference"
    assert [row[1] for row in summary[2:5]] == [6, 2, 1]
    listed = workbook.get_sheet_by_name("Delegations").to_python()
    assert "Ҷамшед Рахмонов" in [row[1] for row in listed]


def test_pdf_export_prints_names_in_their_script(
    qtbot: QtBot, page: ReportsPage, export_to: list[Path], tmp_path: Path
) -> None:
    export_to.append(tmp_path / "attendance.pdf")
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)

    document = pypdfium2.PdfDocument(str(tmp_path / "attendance.pdf"))
    try:
        text = "\n".join(document[index].get_textpage().get_text_range() for index in range(len(document)))
    finally:
        document.close()
    assert "Ҷамшед Рахмонов" in text
    assert "1 of 2 checked in (50%)" in text


def test_an_export_that_cannot_be_written_says_why(
    qtbot: QtBot, page: ReportsPage, export_to: list[Path], tmp_path: Path, shown_errors: list[Shown]
) -> None:
    export_to.append(tmp_path / "missing" / "attendance.xlsx")
    qtbot.mouseClick(page.xlsx_button, Qt.MouseButton.LeftButton)

    assert [error.title for error in shown_errors] == ["Cannot write attendance.xlsx"]
    assert "Cannot write attendance.xlsx" in shown_errors[0].text
    assert page.status_label.text() == ""


def test_cancelling_the_export_dialog_writes_nothing(
    qtbot: QtBot, page: ReportsPage, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(reports_page, "ask_export_path", lambda *_args: None)
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    assert list(tmp_path.glob("*.pdf")) == []
    assert page.status_label.text().startswith("As of")
