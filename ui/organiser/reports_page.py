"""The reports page: how many of the expected guests have come, split every useful way, and when they came.

Everything shown comes from one load of `accreditor.reports` (in the background: 100,000 guests take a
moment), and the exports write exactly what is on screen, so a printout never disagrees with the dashboard.
The page loads when first shown and on Refresh; it does not poll, as other desks' check-ins arrive in the
shared database whenever they like and the organiser decides when to look.
"""

from collections.abc import Callable, Sequence
from datetime import datetime
from enum import IntEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from accreditor.acting_user import default_user
from accreditor.audit import ChainState
from accreditor.reports import (
    BREAKDOWNS,
    AttendanceEntry,
    BreakdownRow,
    DelegationRow,
    attendance_text,
    export_report_pdf,
    export_report_xlsx,
)
from accreditor.services.reports import BUCKET_MINUTES, Report, load_report
from accreditor.store import EventStore
from ui import i18n, jobs, messages
from ui.guest_table_model import STATUS_SWATCHES, format_moment
from ui.jobs import JobContext
from ui.organiser.timeline_chart import TimelineChart
from ui.rows_model import RowsModel

ModelIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LAST_FOLDER_KEY = "reports/last_folder"


def ask_export_path(parent: QWidget | None, caption: str, file_filter: str, suggested_name: str) -> Path | None:
    """Where to write an export, or None when the user cancels (tests monkeypatch this)."""
    folder = str(QSettings().value(LAST_FOLDER_KEY, "")) or str(Path.home())
    path, _selected = QFileDialog.getSaveFileName(parent, caption, str(Path(folder) / suggested_name), file_filter)
    if not path:
        return None
    QSettings().setValue(LAST_FOLDER_KEY, str(Path(path).parent))
    return Path(path)


# -- models --------------------------------------------------------------------------------------


class BreakdownColumn(IntEnum):
    LABEL = 0
    REGISTERED = 1
    EXPECTED = 2
    CHECKED_IN = 3
    ATTENDANCE = 4


# What each breakdown's first column is called (the core's BREAKDOWNS, by key), for translation.
BREAKDOWN_TITLES = {
    "status": QT_TRANSLATE_NOOP("ReportsPage", "Status"),
    "category": QT_TRANSLATE_NOOP("ReportsPage", "Category"),
    "country": QT_TRANSLATE_NOOP("ReportsPage", "Country"),
    "organisation": QT_TRANSLATE_NOOP("ReportsPage", "Organisation"),
    "delegation": QT_TRANSLATE_NOOP("ReportsPage", "Delegation"),
}


def breakdown_title(key: str) -> str:
    return QCoreApplication.translate("ReportsPage", BREAKDOWN_TITLES.get(key, BREAKDOWNS.get(key, key)))


class BreakdownModel(RowsModel):
    """One breakdown of the summary: a group per row with its registered, expected and checked-in counts."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.title = breakdown_title("status")

    def set_breakdown(self, title: str, rows: Sequence[BreakdownRow]) -> None:
        self.title = title
        self.set_rows(rows)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(BreakdownColumn) - 1)

    def headers(self) -> tuple[str, ...]:
        return (self.title, self.tr("Registered"), self.tr("Expected"), self.tr("Checked in"), self.tr("Attendance"))

    def cell(self, row: BreakdownRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            values = (row.label, str(row.registered), str(row.expected), str(row.checked_in), row.percent)
            return values[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column != BreakdownColumn.LABEL:
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and column == BreakdownColumn.ATTENDANCE:
            return attendance_text(row.checked_in, row.expected)
        return None

    def sort_key(self, column: int) -> Callable[[BreakdownRow], Any]:
        match column:
            case BreakdownColumn.LABEL:
                return lambda row: row.label.casefold()
            case BreakdownColumn.REGISTERED:
                return lambda row: row.registered
            case BreakdownColumn.EXPECTED:
                return lambda row: row.expected
            case BreakdownColumn.CHECKED_IN:
                return lambda row: row.checked_in
        return lambda row: (row.expected > 0, row.checked_in / row.expected if row.expected else 0.0)


class AttendanceColumn(IntEnum):
    NAME = 0
    NAME_LATIN = 1
    ORGANISATION = 2
    CATEGORY = 3
    STATUS = 4
    CHECKED_IN = 5


class AttendanceModel(RowsModel):
    """The guests of one delegation with their status and when they checked in."""

    HEADERS = (
        QT_TRANSLATE_NOOP("AttendanceModel", "Name (as written)"),
        QT_TRANSLATE_NOOP("AttendanceModel", "Name (Latin)"),
        QT_TRANSLATE_NOOP("AttendanceModel", "Organisation"),
        QT_TRANSLATE_NOOP("AttendanceModel", "Category"),
        QT_TRANSLATE_NOOP("AttendanceModel", "Status"),
        QT_TRANSLATE_NOOP("AttendanceModel", "Checked in"),
    )

    def cell(self, guest: AttendanceEntry, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                guest.name,
                guest.name_latin,
                guest.organisation,
                guest.category,
                i18n.status_label(guest.status),
                format_moment(guest.checked_in_at),
            )
            return values[column]
        swatch = STATUS_SWATCHES.get(guest.status)
        if column == AttendanceColumn.STATUS and swatch is not None:
            if role == Qt.ItemDataRole.BackgroundRole:
                return swatch.background
            if role == Qt.ItemDataRole.ForegroundRole:
                return swatch.foreground
        if role == Qt.ItemDataRole.UserRole:
            return guest.guest_id
        return None

    def sort_key(self, column: int) -> Callable[[AttendanceEntry], Any]:
        if column == AttendanceColumn.CHECKED_IN:
            return lambda guest: (guest.checked_in_at is None, guest.checked_in_at or datetime.min)
        return lambda guest: str(self.cell(guest, column, Qt.ItemDataRole.DisplayRole)).casefold()


# -- the page ------------------------------------------------------------------------------------


class _Figure(QFrame):
    """A headline number with its caption under it."""

    def __init__(self, caption: str) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value_label = QLabel("–")
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.value_label.setFont(font)
        self.caption_label = QLabel(caption)
        self.caption_label.setStyleSheet("color: #5F6368;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.setSpacing(0)
        layout.addWidget(self.value_label)
        layout.addWidget(self.caption_label)

    def set_value(self, value: str, caption: str | None = None) -> None:
        self.value_label.setText(value)
        if caption is not None:
            self.caption_label.setText(caption)


def _set_up_table(table: QTableView, model: RowsModel) -> None:
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setShowGrid(False)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.horizontalHeader().setHighlightSections(False)
    table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    table.setSortingEnabled(True)


class ReportsPage(QWidget):
    """The attendance dashboard of one event; emits `loaded` each time fresh numbers are on screen."""

    loaded = Signal()

    def __init__(
        self, store: EventStore, parent: QWidget | None = None, *, bucket_minutes: int = BUCKET_MINUTES
    ) -> None:
        super().__init__(parent)
        self.actor: str = default_user()  # who reads; the main window sets who logged in
        self.store = store
        self.bucket_minutes = bucket_minutes
        self.report: Report | None = None
        self._loading = False

        self.expected_figure = _Figure(self.tr("expected (approved guests)"))
        self.checked_in_figure = _Figure(self.tr("checked in"))
        self.attendance_figure = _Figure(self.tr("attendance"))
        self.registered_label = QLabel()
        self.registered_label.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Read the numbers again (check-ins at other desks since)"))
        self.refresh_button.clicked.connect(self.refresh)
        self.xlsx_button = QPushButton(self.tr("Export XLSX…"))
        self.xlsx_button.clicked.connect(self.export_xlsx)
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        self.pdf_button.clicked.connect(self.export_pdf)
        self.status_label = QLabel()
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # Whether the audit log's hash chain is intact (accreditor/audit.py), checked with every load.
        self.audit_label = QLabel()
        self.audit_label.setWordWrap(True)

        self.breakdown_combo = QComboBox()
        for key in BREAKDOWNS:
            self.breakdown_combo.addItem(self.tr("By {dimension}").format(dimension=breakdown_title(key).lower()), key)
        self.breakdown_combo.setCurrentIndex(self.breakdown_combo.findData("category"))  # status is in the figures
        self.breakdown_combo.currentIndexChanged.connect(self._show_breakdown)
        self.breakdown_model = BreakdownModel(self)
        self.breakdown_table = QTableView()
        _set_up_table(self.breakdown_table, self.breakdown_model)
        header = self.breakdown_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # numbers: as wide as their title
        header.setSectionResizeMode(BreakdownColumn.LABEL, QHeaderView.ResizeMode.Stretch)

        self.chart = TimelineChart()
        self.delegation_combo = QComboBox()
        self.delegation_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.delegation_combo.setMinimumContentsLength(48)
        self.delegation_combo.currentIndexChanged.connect(self._show_delegation)
        self.attendance_model = AttendanceModel(self)
        self.attendance_table = QTableView()
        _set_up_table(self.attendance_table, self.attendance_model)
        columns = self.attendance_table.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (AttendanceColumn.NAME, AttendanceColumn.NAME_LATIN, AttendanceColumn.ORGANISATION):
            columns.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)  # names share what is left

        self._lay_out()
        self._set_enabled()

    def _lay_out(self) -> None:
        figures = QHBoxLayout()
        for figure in (self.expected_figure, self.checked_in_figure, self.attendance_figure):
            figures.addWidget(figure)
        figures.addWidget(self.registered_label, stretch=1)
        actions = QVBoxLayout()
        buttons = QHBoxLayout()
        for button in (self.refresh_button, self.xlsx_button, self.pdf_button):
            buttons.addWidget(button)
        actions.addLayout(buttons)
        actions.addWidget(self.status_label)
        figures.addLayout(actions)

        breakdown = QGroupBox(self.tr("Breakdown"))
        breakdown_layout = QVBoxLayout(breakdown)
        breakdown_layout.addWidget(self.breakdown_combo, alignment=Qt.AlignmentFlag.AlignLeft)
        breakdown_layout.addWidget(self.breakdown_table)
        self.arrivals_box = QGroupBox(self.tr("Arrivals per {minutes} minutes").format(minutes=self.bucket_minutes))
        QVBoxLayout(self.arrivals_box).addWidget(self.chart)
        delegations = QGroupBox(self.tr("Delegation attendance"))
        delegation_layout = QVBoxLayout(delegations)
        delegation_layout.addWidget(self.delegation_combo, alignment=Qt.AlignmentFlag.AlignLeft)
        delegation_layout.addWidget(self.attendance_table)

        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.arrivals_box)
        right.addWidget(delegations)
        right.setStretchFactor(0, 2)
        right.setStretchFactor(1, 3)
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(breakdown)
        body.addWidget(right)
        body.setStretchFactor(0, 2)
        body.setStretchFactor(1, 3)
        body.setSizes([500, 750])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(figures)
        layout.addWidget(self.audit_label)
        layout.addWidget(body, stretch=1)

    # -- loading -------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.report is None and not self._loading:
            self.refresh()

    def set_store(self, store: EventStore) -> None:
        self.store = store
        self.mark_stale()

    def mark_stale(self) -> None:
        """The numbers changed elsewhere: read them now if on screen, else when next shown."""
        if self.isVisible():
            self.refresh()
        elif not self._loading:
            self.report = None

    def refresh(self) -> None:
        """Read the numbers again in the background; they replace the old ones when ready."""
        if self._loading:
            return
        self._loading = True
        self._set_enabled()
        self.status_label.setText(self.tr("Reading…"))
        store, minutes = self.store, self.bucket_minutes

        def loaded(report: Report) -> None:
            self._loading = False
            self.show_report(report)
            self._set_enabled()

        def failed(error: BaseException) -> None:
            self._loading = False
            self._set_enabled()
            self._report_failure(self.tr("Cannot read the reports"), error)

        actor = self.actor
        jobs.run_in_background(
            self, lambda _context: load_report(store, minutes, actor=actor), success=loaded, failure=failed
        )

    def show_report(self, report: Report) -> None:
        """Put a loaded report on screen, keeping the breakdown and delegation the organiser was looking at."""
        self.report = report
        summary = report.summary
        self.expected_figure.set_value(str(summary.expected))
        self.checked_in_figure.set_value(str(summary.checked_in))
        self.attendance_figure.set_value(summary.percent)
        waiting = {row.key: row.registered for row in summary.breakdowns["status"]}
        self.registered_label.setText(
            self.tr(
                "{registered} registered: {pending} awaiting a decision, {rejected} rejected, {revoked} revoked."
            ).format(
                registered=i18n.number_text(summary.registered),
                pending=i18n.number_text(waiting.get("pending", 0)),
                rejected=i18n.number_text(waiting.get("rejected", 0)),
                revoked=i18n.number_text(waiting.get("revoked", 0)),
            )
        )
        self.status_label.setText(self.tr("As of {when}").format(when=format_moment(report.loaded_at)))
        self._show_audit_state(report.audit)
        self._show_breakdown()
        self.chart.set_timeline(report.timeline, self.bucket_minutes)
        self._fill_delegations(report.delegations)
        self.loaded.emit()

    def _show_audit_state(self, state: ChainState) -> None:
        colour = "#1B5E20" if state.intact else "#C62828"
        self.audit_label.setStyleSheet(f"color: {colour};")
        if state.intact:
            text = self.tr("The audit log is intact: {entries} entries, head {head}.").format(
                entries=i18n.number_text(state.entries), head=state.head[:16]
            )
        else:  # the core's sentence naming the entry, as `accreditor audit verify` prints it
            text = self.tr("Audit log altered: {problem}").format(problem=state.problem)
        self.audit_label.setText(text)

    def _show_breakdown(self) -> None:
        key = self.breakdown_combo.currentData()
        if self.report is not None and key is not None:
            self.breakdown_model.set_breakdown(breakdown_title(key), self.report.summary.breakdowns[key])

    def _fill_delegations(self, delegations: Sequence[DelegationRow]) -> None:
        combo = self.delegation_combo
        picked = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for delegation in delegations:
            combo.addItem(
                self.tr("{label} — {checked_in} of {expected}").format(
                    label=delegation.label, checked_in=delegation.checked_in, expected=delegation.expected
                ),
                delegation.delegation,
            )
        found = combo.findData(picked) if picked is not None else -1
        combo.setCurrentIndex(found if found >= 0 else 0)
        combo.blockSignals(False)
        self._show_delegation()

    def _show_delegation(self) -> None:
        index = self.delegation_combo.currentIndex()
        delegations = self.report.delegations if self.report else []
        self.attendance_model.set_rows(delegations[index].guests if 0 <= index < len(delegations) else ())

    def _set_enabled(self) -> None:
        self.refresh_button.setEnabled(not self._loading)
        for button in (self.xlsx_button, self.pdf_button):
            button.setEnabled(self.report is not None)

    # -- exporting -----------------------------------------------------------------------------------

    def export_xlsx(self) -> None:
        self._export(self.tr("Export the report"), self.tr("Excel workbooks (*.xlsx)"), ".xlsx", export_report_xlsx)

    def export_pdf(self) -> None:
        self._export(self.tr("Print the report to PDF"), self.tr("PDF documents (*.pdf)"), ".pdf", export_report_pdf)

    def _export(self, caption: str, file_filter: str, suffix: str, write: Callable[..., object]) -> None:
        """Write what is on screen (not a fresh read: the file must match the dashboard it came from)."""
        report = self.report
        if report is None:
            return
        suggested = f"attendance-{report.loaded_at.astimezone():%Y-%m-%d-%H%M}{suffix}"
        path = ask_export_path(self, caption, file_filter, suggested)
        if path is None:
            return
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        options: dict[str, Any] = {"event_name": report.event_name, "generated_at": report.loaded_at}
        if write is export_report_pdf:
            options["bucket_minutes"] = self.bucket_minutes

        def op(_context: JobContext) -> Path:
            write(report.summary, report.timeline, report.delegations, path, **options)
            return path

        self.status_label.setText(self.tr("Writing {name}…").format(name=path.name))
        job = jobs.run_in_background(
            self,
            op,
            success=lambda written: self.status_label.setText(self.tr("Saved {name}").format(name=written.name)),
            failure=lambda error: self._report_failure(self.tr("Cannot write {name}").format(name=path.name), error),
        )
        jobs.progress_dialog(job, self, self.tr("Writing {name}…").format(name=path.name))

    def _report_failure(self, title: str, error: BaseException) -> None:
        """Through the app's one error dialog; the status line stops claiming work is under way."""
        self.status_label.clear()
        _title, text, details = messages.describe(error)
        messages.show_error(self.window(), title, text, details=details)
