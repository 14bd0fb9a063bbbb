"""Attendance reports: who was expected, who came, when they came, and the same per delegation, to XLSX and PDF.

One definition of the numbers serves the dashboard, the spreadsheet and the printout, so they never disagree:
a guest is *expected* when approved, and *checked in* when approved and checked in (a guest revoked after
arriving no longer attends).  So attendance never exceeds 100 %, and the arrivals timeline, built from the
same guests' check-in times, adds up to the checked-in number.  Every breakdown row also counts everyone
*registered* in its group, whatever their status, because "40 registered, 12 approved" is what an organiser
chases up.
"""

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any, NamedTuple

import xlsxwriter
import xlsxwriter.exceptions
from reportlab.graphics import renderPDF
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import ColumnElement, Connection, func, select

from accreditor import schema, vocabulary
from accreditor.badges import fonts
from accreditor.badges.layout import MM
from accreditor.badges.render import Box, FittedText, draw_lines, fit_text
from accreditor.categories import list_categories
from accreditor.clock import utc_now
from accreditor.countries import country_name
from accreditor.errors import AccreditorError
from accreditor.exporting import neutralise
from accreditor.guests import GuestFields
from accreditor.search import sort_key
from accreditor.vocabulary import GuestStatus

BREAKDOWNS: Mapping[str, str] = {
    "status": "Status",
    "category": "Category",
    "country": "Country",
    "organisation": "Organisation",
    "delegation": "Delegation",
}
"""The ways a summary splits the guests, key → what a column of that breakdown is called."""

STATUS_LABELS: Mapping[str, str] = {status: vocabulary.label(status) for status in GuestStatus}
_BLANK_LABELS = {"country": "No country", "organisation": "No organisation", "delegation": "No delegation"}


def percent_text(part: int, whole: int) -> str:
    """ "10%", or "—" when nobody is expected (0 of 0 is not 0 %)."""
    return f"{round(100 * part / whole)}%" if whole else "—"


def attendance_text(checked_in: int, expected: int) -> str:
    """The headline sentence every view of a report starts with."""
    return f"{checked_in} of {expected} checked in ({percent_text(checked_in, expected)})"


@dataclass(frozen=True, slots=True)
class BreakdownRow:
    """One group of a breakdown: `key` as stored (a code, "" for guests with none), `label` as read."""

    key: str
    label: str
    registered: int
    expected: int
    checked_in: int

    @property
    def percent(self) -> str:
        return percent_text(self.checked_in, self.expected)


@dataclass(frozen=True, slots=True)
class Summary:
    """The dashboard's numbers: totals, and one tuple of rows per key of `BREAKDOWNS`."""

    registered: int
    expected: int
    checked_in: int
    breakdowns: Mapping[str, tuple[BreakdownRow, ...]]

    @property
    def percent(self) -> str:
        return percent_text(self.checked_in, self.expected)


class Arrivals(NamedTuple):
    """Check-ins whose time falls in [start, start + bucket)."""

    start: datetime
    count: int


@dataclass(frozen=True, slots=True)
class AttendanceEntry:
    guest_id: int
    name: str  # as written, in any script
    name_latin: str
    organisation: str
    category: str  # the category's name
    status: str
    checked_in_at: datetime | None


@dataclass(frozen=True, slots=True)
class DelegationRow:
    """One delegation's guests in name order; `delegation` is "" for guests who belong to none."""

    delegation: str
    label: str
    guests: tuple[AttendanceEntry, ...]

    @property
    def expected(self) -> int:
        return sum(1 for guest in self.guests if guest.status == GuestStatus.APPROVED)

    @property
    def checked_in(self) -> int:
        return sum(
            1 for guest in self.guests if guest.status == GuestStatus.APPROVED and guest.checked_in_at is not None
        )


# -- computing ------------------------------------------------------------------------------------


def attendance_summary(connection: Connection) -> Summary:
    """Counts by status, category, country, organisation and delegation, each grouped in the database."""
    table = schema.guests
    category_names = {category.code: category.name for category in list_categories(connection)}
    by_status = _counts(connection, table.c.status)
    status_rows = tuple(_row(status, STATUS_LABELS[status], by_status.get(status)) for status in schema.STATUSES)
    by_category = _counts(connection, table.c.category_code)
    codes = [*category_names, *(code for code in by_category if code not in category_names)]
    breakdowns = {
        "status": status_rows,
        "category": tuple(_row(code, category_names.get(code, code), by_category.get(code)) for code in codes),
        "country": _free_rows(_counts(connection, table.c.country), "country", country_name),
        "organisation": _free_rows(_counts(connection, table.c.organisation), "organisation"),
        "delegation": _free_rows(_counts(connection, table.c.delegation), "delegation"),
    }
    return Summary(
        registered=sum(row.registered for row in status_rows),
        expected=sum(row.expected for row in status_rows),
        checked_in=sum(row.checked_in for row in status_rows),
        breakdowns=breakdowns,
    )


def _counts(connection: Connection, column: ColumnElement[Any]) -> dict[str, tuple[int, int, int]]:
    """(registered, expected, checked in) per value of `column`."""
    table = schema.guests
    arrived = table.c.checked_in_at.is_not(None)
    query = select(column, table.c.status, arrived, func.count()).group_by(column, table.c.status, arrived)
    counts: dict[str, tuple[int, int, int]] = {}
    for key, status, has_arrived, number in connection.execute(query):
        registered, expected, checked_in = counts.get(key or "", (0, 0, 0))
        approved = status == GuestStatus.APPROVED
        counts[key or ""] = (
            registered + number,
            expected + (number if approved else 0),
            checked_in + (number if approved and has_arrived else 0),
        )
    return counts


def _row(key: str, label: str, counts: tuple[int, int, int] | None) -> BreakdownRow:
    return BreakdownRow(key, label, *(counts or (0, 0, 0)))


def _free_rows(
    counts: Mapping[str, tuple[int, int, int]], breakdown: str, label_of: Callable[[str], str] = str
) -> tuple[BreakdownRow, ...]:
    """Rows of a free-text breakdown: most expected first, then by name; guests with no value last."""
    rows = [_row(key, label_of(key) if key else _BLANK_LABELS[breakdown], value) for key, value in counts.items()]
    return tuple(sorted(rows, key=lambda row: (not row.key, -row.expected, -row.registered, row.label.casefold())))


def arrivals_timeline(connection: Connection, bucket_minutes: int = 30, *, tz: tzinfo | None = None) -> list[Arrivals]:
    """Check-ins per bucket from the first to the last one, empty buckets included so gaps show as gaps.

    Buckets start on the clock in `tz` (default: this computer's zone), at whole multiples of
    `bucket_minutes` since midnight, which must divide a day.
    """
    if bucket_minutes < 1 or (24 * 60) % bucket_minutes:
        raise ValueError(f"a bucket of {bucket_minutes} minutes does not divide a day")
    table = schema.guests
    moments = connection.execute(
        select(table.c.checked_in_at).where(table.c.status == GuestStatus.APPROVED, table.c.checked_in_at.is_not(None))
    ).scalars()
    counts: dict[datetime, int] = {}
    for moment in moments:
        start = _bucket_start(moment.astimezone(tz), bucket_minutes)
        counts[start] = counts.get(start, 0) + 1
    if not counts:
        return []
    step = timedelta(minutes=bucket_minutes)
    first, last = min(counts), max(counts)
    timeline = []
    start = first
    while start <= last:
        timeline.append(Arrivals(start, counts.get(start, 0)))
        start = _bucket_start((start + step + timedelta(minutes=1)).astimezone(tz), bucket_minutes)
    return timeline


def chart_window(timeline: Sequence[Arrivals], bucket_minutes: int, minimum: int = 12) -> list[Arrivals]:
    """The timeline with empty buckets before it up to `minimum`, so one busy half hour is a bar, not a wall.

    True to the data: nobody had arrived before the first check-in.
    """
    if not timeline or len(timeline) >= minimum:
        return list(timeline)
    step = timedelta(minutes=bucket_minutes)
    first = timeline[0].start
    lead = [Arrivals(first - step * count, 0) for count in range(minimum - len(timeline), 0, -1)]
    return [*lead, *timeline]


def bucket_label(start: datetime) -> str:
    """How a bucket is named on a chart's axis: its clock time where it was counted."""
    return start.strftime("%H:%M")


def nice_step(highest: int, ticks: int = 5) -> int:
    """A round axis step (1, 2, 5, 10, 20…) giving about `ticks` gridlines up to `highest`; the charts share it."""
    raw = max(1, highest) / ticks
    magnitude = 1
    while magnitude * 10 <= raw:
        magnitude *= 10
    return next(factor * magnitude for factor in (1, 2, 5, 10) if factor * magnitude >= raw)


def axis_top(highest: int) -> int:
    """Where a count axis ends: the first whole step at or above the highest bar."""
    step = nice_step(highest)
    return max(step, -(-highest // step) * step)


def label_every(count: int, most: int) -> int:
    """Label every n-th bar so that at most `most` labels share an axis."""
    return max(1, -(-count // max(1, most)))


def _bucket_start(local: datetime, bucket_minutes: int) -> datetime:
    minutes = local.hour * 60 + local.minute
    minutes -= minutes % bucket_minutes
    return local.replace(hour=minutes // 60, minute=minutes % 60, second=0, microsecond=0)


def delegation_attendance(connection: Connection) -> list[DelegationRow]:
    """Every guest, whatever their status, grouped by delegation (by name; guests with none last)."""
    table = schema.guests
    category_names = {category.code: category.name for category in list_categories(connection)}
    rows = connection.execute(
        select(
            table.c.id,
            table.c.delegation,
            table.c.family_name,
            table.c.given_name,
            table.c.family_name_latin,
            table.c.given_name_latin,
            table.c.organisation,
            table.c.category_code,
            table.c.status,
            table.c.checked_in_at,
        )
    )
    grouped: dict[str, list[tuple[str, AttendanceEntry]]] = {}
    for row in rows:
        names = GuestFields(row.family_name, row.given_name, row.family_name_latin, row.given_name_latin)
        entry = AttendanceEntry(
            guest_id=row.id,
            name=names.full_name(),
            name_latin=names.name_latin(),
            organisation=row.organisation,
            category=category_names.get(row.category_code, row.category_code),
            status=row.status,
            checked_in_at=row.checked_in_at,
        )
        order = sort_key(row.family_name_latin, row.given_name_latin)
        grouped.setdefault(row.delegation or "", []).append((order, entry))
    return [
        DelegationRow(
            delegation,
            delegation or _BLANK_LABELS["delegation"],
            tuple(entry for _order, entry in sorted(entries, key=lambda item: (item[0], item[1].guest_id))),
        )
        for delegation, entries in sorted(grouped.items(), key=lambda item: (not item[0], item[0].casefold()))
    ]


# -- exporting ------------------------------------------------------------------------------------

_LIST_HEADERS = ("Name", "Name (Latin)", "Organisation", "Category", "Status", "Checked in")


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _writing(path: Path) -> AccreditorError:
    return AccreditorError(f"Cannot write {path.name}: check the folder exists and the file is not open elsewhere.")


def export_report_xlsx(
    summary: Summary,
    timeline: Sequence[Arrivals],
    delegations: Sequence[DelegationRow],
    path: str | Path,
    *,
    event_name: str = "",
    generated_at: datetime | None = None,
) -> None:
    """A workbook: the totals, one sheet per breakdown, the arrivals, and every delegation's guests.

    Text goes in with `write_string` and neutralised like every export (a name "=1+1" stays that text).
    """
    path = Path(path)
    workbook = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False})
    bold = workbook.add_format({"bold": True})
    share = workbook.add_format({"num_format": "0%"})
    when = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm", "align": "left"})

    def text(sheet: Any, row: int, column: int, value: str, style: Any = None) -> None:
        sheet.write_string(row, column, neutralise(value), style)

    def headers(sheet: Any, names: Iterable[str], widths: Iterable[int]) -> None:
        for column, (name, width) in enumerate(zip(names, widths, strict=True)):
            text(sheet, 0, column, name, bold)
            sheet.set_column(column, column, width)
        sheet.freeze_panes(1, 0)

    sheet = workbook.add_worksheet("Summary")
    sheet.set_column(0, 0, 22)
    sheet.set_column(1, 1, 40)
    moment = generated_at or utc_now()
    lines: list[tuple[str, str | int]] = [
        ("Event", event_name),
        ("As of", _local(moment)),
        ("Registered", summary.registered),
        ("Expected (approved)", summary.expected),
        ("Checked in", summary.checked_in),
    ]
    for row, (label, value) in enumerate(lines):
        text(sheet, row, 0, label, bold)
        if isinstance(value, int):
            sheet.write_number(row, 1, value)
        else:
            text(sheet, row, 1, value)
    text(sheet, len(lines), 0, "Attendance", bold)
    if summary.expected:
        sheet.write_number(len(lines), 1, summary.checked_in / summary.expected, share)

    for key, title in BREAKDOWNS.items():
        sheet = workbook.add_worksheet(f"By {key}")
        headers(sheet, (title, "Registered", "Expected", "Checked in", "Attendance"), (40, 12, 12, 12, 12))
        for row, item in enumerate(summary.breakdowns[key], start=1):
            text(sheet, row, 0, item.label)
            for column, number in enumerate((item.registered, item.expected, item.checked_in), start=1):
                sheet.write_number(row, column, number)
            if item.expected:
                sheet.write_number(row, 4, item.checked_in / item.expected, share)

    sheet = workbook.add_worksheet("Arrivals")
    headers(sheet, ("From", "Check-ins"), (20, 12))
    for row, bucket in enumerate(timeline, start=1):
        sheet.write_datetime(row, 0, bucket.start.replace(tzinfo=None), when)
        sheet.write_number(row, 1, bucket.count)

    sheet = workbook.add_worksheet("Delegations")
    headers(sheet, ("Delegation", *_LIST_HEADERS), (36, 30, 30, 30, 20, 12, 18))
    row = 1
    for delegation in delegations:
        for guest in delegation.guests:
            cells = (delegation.label, guest.name, guest.name_latin, guest.organisation, guest.category)
            for column, value in enumerate(cells):
                text(sheet, row, column, value)
            text(sheet, row, 5, STATUS_LABELS.get(guest.status, guest.status))
            if guest.checked_in_at is not None:
                sheet.write_datetime(row, 6, guest.checked_in_at.astimezone().replace(tzinfo=None), when)
            row += 1
    try:
        workbook.close()
    except (OSError, xlsxwriter.exceptions.FileCreateError) as error:
        raise _writing(path) from error


# PDF geometry (A4 portrait), in points.
_PAGE_W, _PAGE_H = A4
_MARGIN = 15 * MM
_WIDTH = _PAGE_W - 2 * _MARGIN
_FOOTER_H = 8 * MM
_ROW_H = 5.2 * MM
_NUMBER_W = 18 * MM
_CHART_H = 62 * MM
_MIN_SIZE = 7.0  # below this, text is cut with "…" rather than shrunk into a smudge
_LIST_WIDTHS_MM = (40, 36, 42, 26, 15)  # name, Latin name, organisation, category, status; the time takes the rest
_INK = HexColor("#000000")
_GREY = HexColor("#5F6368")
_RULE = HexColor("#C8C8C8")
_BAR = HexColor("#1A73E8")
_STATUS_INK = {"approved": HexColor("#1B5E20"), "pending": HexColor("#8A3B00")}
_REFUSED_INK = HexColor("#B71C1C")


def export_report_pdf(
    summary: Summary,
    timeline: Sequence[Arrivals],
    delegations: Sequence[DelegationRow],
    path: str | Path,
    *,
    event_name: str = "",
    generated_at: datetime | None = None,
    bucket_minutes: int = 30,
) -> int:
    """An A4 printout: headline, arrivals chart, every breakdown, then each delegation's list; returns pages.

    Names are drawn as the badges draw them (bundled fonts per script, Arabic shaped right to left).
    """
    path = Path(path)
    fonts.register_fonts()
    as_of = f"As of {_local(generated_at or utc_now())}"
    try:
        canvas = Canvas(str(path), pagesize=A4, pageCompression=1)
    except OSError as error:
        raise _writing(path) from error
    canvas.setTitle(f"Attendance — {event_name}" if event_name else "Attendance")
    pages = _Pages(canvas, as_of)
    pages.line("Attendance", 9 * MM, 16, bold=True)
    if event_name:
        pages.line(event_name, 11 * MM, 12, lines=2)
    pages.line(as_of, 6 * MM, 9, ink=_GREY)
    pages.skip(3 * MM)
    pages.line(f"Expected {summary.expected} · {attendance_text(summary.checked_in, summary.expected)}", 8 * MM, 13)
    pages.line(f"Registered {summary.registered}, in every status", 6 * MM, 9, ink=_GREY)
    pages.skip(3 * MM)
    pages.line(f"Arrivals per {bucket_minutes} minutes", 8 * MM, 12, bold=True)
    pages.chart(chart_window(timeline, bucket_minutes))
    for key, column in BREAKDOWNS.items():
        pages.breakdown(f"By {key}", column, summary.breakdowns[key])
    pages.delegations(delegations)
    pages.finish()
    try:
        canvas.save()
    except OSError as error:
        raise _writing(path) from error
    return pages.number


class _Pages:
    """A top-down cursor over A4 pages: asks for room before drawing and starts a new page when there is none."""

    def __init__(self, canvas: Canvas, footer: str) -> None:
        self.canvas = canvas
        self.footer = footer
        self.number = 1
        self.y = _PAGE_H - _MARGIN

    def need(self, height: float) -> bool:
        """Make room for `height`; True when that took a new page (so a list repeats its headings)."""
        if self.y - height >= _MARGIN + _FOOTER_H:
            return False
        self._footer()
        self.canvas.showPage()
        self.number += 1
        self.y = _PAGE_H - _MARGIN
        return True

    def skip(self, height: float) -> None:
        self.y -= height

    def line(
        self, text: str, height: float, size: float, *, bold: bool = False, ink: Color = _INK, lines: int = 1
    ) -> None:
        self.need(height)
        self.y -= height
        _text(self.canvas, text, Box(_MARGIN, self.y, _WIDTH, height), size, bold=bold, ink=ink, lines=lines)

    def chart(self, timeline: Sequence[Arrivals]) -> None:
        if not timeline:
            self.line("No check-ins yet.", 8 * MM, 10, ink=_GREY)
            return
        self.need(_CHART_H)
        self.y -= _CHART_H
        renderPDF.draw(_arrivals_drawing(timeline), self.canvas, _MARGIN, self.y)

    def breakdown(self, heading: str, first_column: str, rows: Sequence[BreakdownRow]) -> None:
        titles = (first_column, "Registered", "Expected", "Checked in", "Attendance")
        self.need(11 * MM + 3 * _ROW_H)  # a heading is never left alone at the foot of a page
        self.skip(3 * MM)
        self.line(heading, 8 * MM, 12, bold=True)
        self._table_row(titles[0], titles[1:], ink=_GREY, size=8, rule=True)
        for row in rows:
            if self.need(_ROW_H):
                self.line(f"{heading} (continued)", 8 * MM, 12, bold=True)
                self._table_row(titles[0], titles[1:], ink=_GREY, size=8, rule=True)
            cells = (str(row.registered), str(row.expected), str(row.checked_in), row.percent)
            self._table_row(row.label, cells)

    def delegations(self, delegations: Sequence[DelegationRow]) -> None:
        self.need(_PAGE_H)  # the lists start on a page of their own
        self.line("Delegations", 9 * MM, 14, bold=True)
        for delegation in delegations:
            heading = f"{delegation.label} — {attendance_text(delegation.checked_in, delegation.expected)}"
            self.need(10 * MM + 2 * _ROW_H)
            self.skip(2 * MM)
            self.line(heading, 8 * MM, 11, bold=True)
            self._list_row(_LIST_HEADERS, ink=_GREY, size=8, rule=True)
            for guest in delegation.guests:
                if self.need(_ROW_H):
                    self.line(f"{delegation.label} (continued)", 8 * MM, 11, bold=True)
                    self._list_row(_LIST_HEADERS, ink=_GREY, size=8, rule=True)
                latin = guest.name_latin if guest.name_latin != guest.name else ""  # no need to say it twice
                when = f"{guest.checked_in_at.astimezone():%d %b %H:%M}" if guest.checked_in_at else ""
                status = STATUS_LABELS.get(guest.status, guest.status)
                inks = (_INK, _INK, _INK, _INK, _STATUS_INK.get(guest.status, _REFUSED_INK), _INK)
                self._list_row((guest.name, latin, guest.organisation, guest.category, status, when), inks=inks)

    def _table_row(
        self, label: str, cells: Sequence[str], *, ink: Color = _INK, size: float = 9, rule: bool = False
    ) -> None:
        """A label and right-aligned numbers."""
        self.need(_ROW_H)
        self.y -= _ROW_H
        label_width = _WIDTH - len(cells) * _NUMBER_W
        _text(self.canvas, label, Box(_MARGIN, self.y, label_width - 2 * MM, _ROW_H), size, ink=ink)
        for index, cell in enumerate(cells):
            box = Box(_MARGIN + label_width + index * _NUMBER_W, self.y, _NUMBER_W - 1 * MM, _ROW_H)
            _text(self.canvas, cell, box, size, ink=ink, align="right")
        if rule:
            self._rule()

    def _list_row(
        self,
        cells: Sequence[str],
        *,
        ink: Color = _INK,
        inks: Sequence[Color] = (),
        size: float = 9,
        rule: bool = False,
    ) -> None:
        self.need(_ROW_H)
        self.y -= _ROW_H
        left = _MARGIN
        widths = [width * MM for width in _LIST_WIDTHS_MM]
        widths.append(_PAGE_W - _MARGIN - left - sum(widths))
        for index, (cell, width) in enumerate(zip(cells, widths, strict=True)):
            colour = inks[index] if inks else ink
            _text(self.canvas, cell, Box(left, self.y, width - 2 * MM, _ROW_H), size, ink=colour)
            left += width
        if rule:
            self._rule()

    def _rule(self) -> None:
        self.canvas.setStrokeColor(_RULE)
        self.canvas.setLineWidth(0.5)
        self.canvas.line(_MARGIN, self.y, _PAGE_W - _MARGIN, self.y)

    def _footer(self) -> None:
        footer = f"{self.footer} · page {self.number}"
        _text(self.canvas, footer, Box(_MARGIN, _MARGIN, _WIDTH, 5 * MM), 8, ink=_GREY)

    def finish(self) -> None:
        self._footer()


def _arrivals_drawing(timeline: Sequence[Arrivals]) -> Drawing:
    """Bars per bucket with clock-time labels, thinned so they never overlap."""
    sans = fonts.font_names(fonts.SANS)[0]
    drawing = Drawing(_WIDTH, _CHART_H)
    chart = VerticalBarChart()
    chart.x, chart.y = 10 * MM, 8 * MM
    chart.width, chart.height = _WIDTH - 12 * MM, _CHART_H - 12 * MM
    chart.data = [[bucket.count for bucket in timeline]]
    every = label_every(len(timeline), 16)
    chart.categoryAxis.categoryNames = [
        bucket_label(bucket.start) if index % every == 0 else "" for index, bucket in enumerate(timeline)
    ]
    chart.categoryAxis.labels.fontName = sans
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.dy = -2
    chart.categoryAxis.tickDown = 0
    step = nice_step(max(bucket.count for bucket in timeline))
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueStep = step
    chart.valueAxis.valueMax = axis_top(max(bucket.count for bucket in timeline))
    chart.valueAxis.labels.fontName = sans
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = _RULE
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.valueAxis.strokeColor = None
    chart.bars[0].fillColor = _BAR
    chart.bars[0].strokeColor = None
    chart.barSpacing = 1
    chart.groupSpacing = 3
    drawing.add(chart)
    return drawing


def _text(
    canvas: Canvas,
    text: str,
    box: Box,
    size: float,
    *,
    bold: bool = False,
    ink: Color = _INK,
    align: str = "left",
    lines: int = 1,
) -> None:
    """Text in any script in its box, shrunk a little, then cut with "…", rather than run into the next column."""
    if not text:
        return
    role = fonts.SANS_BOLD if bold else fonts.SANS
    minimum = min(_MIN_SIZE, size)

    def fitted(candidate: str) -> FittedText:
        return fit_text(
            candidate, role, size=size, min_size=minimum, width=box.width, height=box.height, max_lines=lines
        )

    result = fitted(text)
    if result.below_minimum:
        kept, longest = 0, len(text)  # the longest start of the text that fits with an ellipsis
        while kept < longest:
            middle = (kept + longest + 1) // 2
            if fitted(text[:middle].rstrip() + "…").below_minimum:
                longest = middle - 1
            else:
                kept = middle
        result = fitted(text[:kept].rstrip() + "…")
    canvas.setFillColor(ink)
    draw_lines(canvas, result, box, align, "middle")
