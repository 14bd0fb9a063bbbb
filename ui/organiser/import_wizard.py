"""The import wizard: a registration list from file to guests, with every decision shown before anything is written.

File → sheet (workbooks with several) → header row → column mapping → preview → import.  The core does all
the work (`reading`, `columns`, `importer.import_file`); the pages only show what it found and collect what
the organiser changed.  Reading, the dry run and the import run in the background (`ui.jobs`), so a
100,000-row workbook does not freeze the window, and a file that cannot be read at all is explained on the
file page, where the organiser can pick another.  The preview is a real dry run of the importer with the
mapping as edited, so what it shows is exactly what the import will do.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from accreditor.acting_user import default_user
from accreditor.errors import AccreditorError
from accreditor.importing.columns import FIELDS, ColumnMapping, detect_mapping, load_mapping_file, save_mapping_file
from accreditor.importing.importer import ImportReport, RowError, import_file, mapping_problem
from accreditor.importing.reading import SourceRow, SourceTable, list_sheets, read_table
from accreditor.store import EventStore
from ui import i18n, jobs, messages
from ui.desk.guest_form import CONTACT_FIELDS, ERROR_COLOUR, TEXT_FIELDS
from ui.guest_table_model import Swatch
from ui.jobs import Job, JobContext
from ui.rows_model import RowsModel

T = TypeVar("T")
ModelIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

REGISTRATION_FILTER = QT_TRANSLATE_NOOP(
    "FileFilters", "Registration lists (*.csv *.tsv *.tab *.txt *.xlsx *.xlsm *.xls *.ods);;All files (*)"
)
PRESET_FILTER = QT_TRANSLATE_NOOP("FileFilters", "Column mappings (*.json);;All files (*)")
REPORT_FILTER = QT_TRANSLATE_NOOP("FileFilters", "Report as JSON (*.json);;Report as CSV (*.csv)")
LAST_FOLDER_KEY = "import/last_folder"
HEADER_SEARCH_ROWS = 30
"""Rows offered to find the header row in: the core looks for it in as many."""
IGNORE_LABEL = QT_TRANSLATE_NOOP("MappingPage", "(ignore)")
SIZING_ROWS = 50
"""Rows measured to size a column: measuring 100,000 would take seconds."""
QUIET = QColor("#5F6368")

# The guest fields as the guest form names them, plus those only an import has.
FIELD_LABELS = {
    **dict(TEXT_FIELDS),
    **dict(CONTACT_FIELDS),
    "external_ref": QT_TRANSLATE_NOOP("GuestFormDialog", "Reference"),
    "full_name": QT_TRANSLATE_NOOP("GuestFormDialog", "Full name (split in two)"),
    "country": QT_TRANSLATE_NOOP("GuestFormDialog", "Country"),
    "category": QT_TRANSLATE_NOOP("GuestFormDialog", "Category"),
    "notes": QT_TRANSLATE_NOOP("GuestFormDialog", "Notes"),
    "photo": QT_TRANSLATE_NOOP("GuestFormDialog", "Photo"),
}


def _swatch(background: str, foreground: str) -> Swatch:
    return Swatch(QColor(background), QColor(foreground))


# Light fills with dark text of the same hue, as in the guest list.
HEADER_SWATCH = _swatch("#C8E6C9", "#1B5E20")
ERROR_SWATCH = _swatch("#FFCDD2", "#B71C1C")
DUPLICATE_SWATCH = _swatch("#FFE0B2", "#8A3B00")
UPDATE_SWATCH = _swatch("#BBDEFB", "#0D47A1")
WARNING_SWATCH = _swatch("#FFF59D", "#5D4200")
_KIND_SWATCHES = {
    "error": ERROR_SWATCH,
    "warning": WARNING_SWATCH,
    "duplicate": DUPLICATE_SWATCH,
    "update": UPDATE_SWATCH,
}
_CELL_SWATCHES = (ERROR_SWATCH, WARNING_SWATCH)
"""Verdicts about particular cells: they mark those cells rather than the whole row."""


# -- dialogs tests replace -----------------------------------------------------------------------


def _start_folder() -> str:
    folder = str(QSettings().value(LAST_FOLDER_KEY, ""))
    return folder if folder and Path(folder).is_dir() else str(Path.home())


def ask_open_path(parent: QWidget | None, caption: str, file_filter: str) -> Path | None:
    """A file to read, or None when the user cancels (tests monkeypatch this)."""
    path, _selected = QFileDialog.getOpenFileName(parent, caption, _start_folder(), file_filter)
    if not path:
        return None
    QSettings().setValue(LAST_FOLDER_KEY, str(Path(path).parent))
    return Path(path)


def ask_save_path(parent: QWidget | None, caption: str, file_filter: str, suggested_name: str) -> Path | None:
    """A file to write, or None when the user cancels (tests monkeypatch this)."""
    suggested = str(Path(_start_folder()) / suggested_name)
    path, _selected = QFileDialog.getSaveFileName(parent, caption, suggested, file_filter)
    return Path(path) if path else None


# -- what the pages share ------------------------------------------------------------------------


class Page(IntEnum):
    FILE = 0
    SHEET = 1
    HEADER = 2
    MAPPING = 3
    PREVIEW = 4
    IMPORT = 5


@dataclass(frozen=True, slots=True)
class _Loaded:
    """A file as read: its sheets ([] for text files) and the table of the sheet in use."""

    sheets: list[str]
    table: SourceTable


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet(f"color: {ERROR_COLOUR};")
    label.hide()
    return label


def _show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def _explain(error: BaseException, parent: QWidget) -> str:
    """The sentence to show on the page; a bug also goes to the one error dialog, with its traceback."""
    title, text, details = messages.describe(error)
    if not isinstance(error, AccreditorError):
        messages.show_error(parent.window(), title, text, details=details)
    return text


def _set_up_table(table: QTableView) -> None:
    """Read-only rows of a file, fixed heights (a view never measures 100,000 rows), no word wrap."""
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    rows = table.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
    columns = table.horizontalHeader()
    columns.setResizeContentsPrecision(SIZING_ROWS)
    columns.setStretchLastSection(True)


def _fit_columns(table: QTableView) -> None:
    """Columns as wide as their first rows need, within reason (an address column must not push the rest away)."""
    table.resizeColumnsToContents()
    columns = table.horizontalHeader()
    widest = table.fontMetrics().horizontalAdvance("M" * 16)
    for section in range(columns.count()):
        columns.resizeSection(section, min(columns.sectionSize(section) + 8, widest))


# "1 row" and "{count} rows" for each thing counted, in the app's language.
_COUNTED = {
    "row": (QT_TRANSLATE_NOOP("ImportWizard", "1 row"), QT_TRANSLATE_NOOP("ImportWizard", "{count} rows")),
    "new guest": (
        QT_TRANSLATE_NOOP("ImportWizard", "1 new guest"),
        QT_TRANSLATE_NOOP("ImportWizard", "{count} new guests"),
    ),
    "duplicate": (
        QT_TRANSLATE_NOOP("ImportWizard", "1 duplicate"),
        QT_TRANSLATE_NOOP("ImportWizard", "{count} duplicates"),
    ),
    "non-empty row": (
        QT_TRANSLATE_NOOP("ImportWizard", "1 non-empty row"),
        QT_TRANSLATE_NOOP("ImportWizard", "{count} non-empty rows"),
    ),
}


def _tr(text: str) -> str:
    """Words marked with QT_TRANSLATE_NOOP("ImportWizard", …) where they are written, in the app's language."""
    return QCoreApplication.translate("ImportWizard", text)


def _plural(count: int, thing: str) -> str:
    one, many = _COUNTED[thing]
    return _tr(one if count == 1 else many).format(count=i18n.number_text(count))


def describe_report(report: ImportReport, *, preview: bool) -> str:
    """One paragraph on what an import did (or, for the preview, would do)."""
    error_rows = len({error.row for error in report.errors})
    problems = []
    if error_rows:
        problems.append(
            _tr(QT_TRANSLATE_NOOP("ImportWizard", "{rows} with errors")).format(rows=_plural(error_rows, "row"))
        )
    if report.duplicates:
        problems.append(_plural(len(report.duplicates), "duplicate"))
    counts = _tr(
        QT_TRANSLATE_NOOP("ImportWizard", "{new}, {updated} to update, {unchanged} unchanged")
        if preview
        else QT_TRANSLATE_NOOP("ImportWizard", "{new} added, {updated} updated, {unchanged} unchanged")
    ).format(
        new=_plural(report.imported, "new guest"),
        updated=i18n.number_text(report.updated),
        unchanged=i18n.number_text(report.unchanged),
    )
    text = _tr(QT_TRANSLATE_NOOP("ImportWizard", "{rows}: {counts}.")).format(
        rows=_plural(report.rows, "row"), counts=counts
    )
    if problems:
        listed = _tr(QT_TRANSLATE_NOOP("ImportWizard", " and ")).join(problems)
        listed = listed[:1].upper() + listed[1:]
        left_out = (
            QT_TRANSLATE_NOOP("ImportWizard", "{problems} will be left out.")
            if preview
            else QT_TRANSLATE_NOOP("ImportWizard", "{problems} were left out.")
        )
        text += " " + _tr(left_out).format(problems=listed)
    if not preview and not report.written:
        nothing = (
            QT_TRANSLATE_NOOP(
                "ImportWizard",
                "Nothing was written: 1 row has errors. "
                "Fix the file and import it again, or choose to skip invalid rows.",
            )
            if error_rows == 1
            else QT_TRANSLATE_NOOP(
                "ImportWizard",
                "Nothing was written: {count} rows have errors. "
                "Fix the file and import it again, or choose to skip invalid rows.",
            )
        )
        text = _tr(nothing).format(count=i18n.number_text(error_rows))
    warning_rows = len({warning.row for warning in report.warnings})
    if warning_rows and (preview or report.written):
        imported = (
            QT_TRANSLATE_NOOP("ImportWizard", "{rows} will be imported with a change to check (in yellow).")
            if preview
            else QT_TRANSLATE_NOOP("ImportWizard", "{rows} were imported with a change to check (in yellow).")
        )
        text += " " + _tr(imported).format(rows=_plural(warning_rows, "row"))
    if report.unmapped_columns:
        text += " " + _tr(QT_TRANSLATE_NOOP("ImportWizard", "Columns not imported: {columns}.")).format(
            columns=", ".join(report.unmapped_columns)
        )
    return text


# -- models --------------------------------------------------------------------------------------


class SourceRowsModel(QAbstractTableModel):
    """Rows of a file as cells of text, numbered as a spreadsheet program numbers them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: Sequence[SourceRow] = ()
        self._headers: Sequence[str] = ()
        self._width = 0

    def set_rows(self, rows: Sequence[SourceRow], headers: Sequence[str] = ()) -> None:
        self.beginResetModel()
        self._rows = rows
        self._headers = headers
        self._width = max([len(headers), *(len(row.cells) for row in rows)]) if rows or headers else 0
        self.endResetModel()

    def row_at(self, row: int) -> SourceRow:
        return self._rows[row]

    def row_of_number(self, number: int) -> int | None:
        """The model row showing the file's row `number`, if shown."""
        return next((index for index, row in enumerate(self._rows) if row.number == number), None)

    def rowCount(self, parent: ModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else self._width

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(self._rows[section].number) if 0 <= section < len(self._rows) else None
        if 0 <= section < len(self._headers) and self._headers[section].strip():
            return self._headers[section]
        return _column_letters(section) if 0 <= section < self._width else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            cells = self._rows[index.row()].cells
            return cells[index.column()] if index.column() < len(cells) else ""
        return self.mark(self._rows[index.row()], index.column(), role)

    def mark(self, row: SourceRow, column: int, role: int) -> Any:
        """Colours, fonts and tooltips of a cell; plain here."""
        return None


def _column_letters(index: int) -> str:
    """A, B, … Z, AA: what a spreadsheet calls a column that has no header."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


class HeaderRowsModel(SourceRowsModel):
    """The first rows of a file with the header row (detected or picked) highlighted."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.header_number: int | None = None
        self._bold = QFont()
        self._bold.setBold(True)

    def set_header(self, number: int | None) -> None:
        self.header_number = number
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, max(0, self.columnCount() - 1)))

    def mark(self, row: SourceRow, column: int, role: int) -> Any:
        if row.number != self.header_number:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return HEADER_SWATCH.background
        if role == Qt.ItemDataRole.ForegroundRole:
            return HEADER_SWATCH.foreground
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        return None


@dataclass(frozen=True, slots=True)
class _RowOutcome:
    """What the dry run said about one row: the cells at fault (column → message) and the row's own note."""

    swatch: Swatch | None
    note: str
    cells: dict[int, str]


class PreviewModel(SourceRowsModel):
    """The data rows with the dry run's verdict in place: cells with errors, duplicate rows, updates.

    The first column says what happens to the row; a cell's tooltip says what is wrong with it.
    """

    OUTCOME_COLUMN = 0

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: Sequence[SourceRow] = ()
        self._outcomes: dict[int, _RowOutcome] = {}
        self._only_problems = False
        self._mapping_headers: Sequence[str] = ()

    def set_preview(self, rows: Sequence[SourceRow], mapping: ColumnMapping, report: ImportReport) -> None:
        self._all = rows
        self._mapping_headers = mapping.headers
        self._outcomes = _outcomes(mapping, report)
        self._show()

    def set_only_problems(self, only: bool) -> None:
        self._only_problems = only
        self._show()

    def problem_rows(self) -> list[int]:
        """File row numbers with an error or a duplicate (not updates: those are fine)."""
        return sorted(number for number, outcome in self._outcomes.items() if outcome.swatch is not UPDATE_SWATCH)

    def _show(self) -> None:
        problems = set(self.problem_rows())
        rows = [row for row in self._all if row.number in problems] if self._only_problems else self._all
        # The outcome goes first, so the cells shift one column right.
        shifted = [SourceRow(row.number, ("", *row.cells)) for row in rows]
        self.set_rows(shifted, ("Outcome", *self._mapping_headers))

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == self.OUTCOME_COLUMN and role == Qt.ItemDataRole.DisplayRole:
            outcome = self._outcomes.get(self.row_at(index.row()).number)
            return outcome.note if outcome else "OK"
        return super().data(index, role)

    def mark(self, row: SourceRow, column: int, role: int) -> Any:
        outcome = self._outcomes.get(row.number)
        if outcome is None or outcome.swatch is None:
            quiet = column == self.OUTCOME_COLUMN and role == Qt.ItemDataRole.ForegroundRole
            return QUIET if quiet else None
        at_fault = column - 1 in outcome.cells
        # An error or warning marks its cells; a row-level verdict (duplicate, update, a missing field) the whole row.
        whole_row = outcome.swatch not in _CELL_SWATCHES or not outcome.cells or column == self.OUTCOME_COLUMN
        if not (at_fault or whole_row):
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return outcome.swatch.background
        if role == Qt.ItemDataRole.ForegroundRole:
            return outcome.swatch.foreground
        if role == Qt.ItemDataRole.ToolTipRole:
            return outcome.cells.get(column - 1) or "\n".join(outcome.cells.values()) or outcome.note
        return None


def _outcomes(mapping: ColumnMapping, report: ImportReport) -> dict[int, _RowOutcome]:
    """Row number → verdict, from the report; an error names its column by header (or by field when unmapped)."""
    column_of = {mapping.headers[index]: index for index in mapping.columns}
    outcomes: dict[int, _RowOutcome] = {}
    for update in report.updates:
        note = _tr(QT_TRANSLATE_NOOP("ImportWizard", "Updates guest {guest}: {fields}")).format(
            guest=update.guest, fields=", ".join(update.fields)
        )
        outcomes[update.row] = _RowOutcome(UPDATE_SWATCH, note, {})
    for number, found in _by_row(report.warnings, column_of).items():  # imported, with a change to see
        cells = _cell_messages(found)
        notes = [outcomes[number].note] if number in outcomes else []  # an update with a warning
        outcomes[number] = _RowOutcome(WARNING_SWATCH, "; ".join([*notes, *(message for _, message in found)]), cells)
    for duplicate in report.duplicates:
        note = _tr(QT_TRANSLATE_NOOP("ImportWizard", "Duplicate of {other} ({why})")).format(
            other=duplicate.of, why=duplicate.reason
        )
        outcomes[duplicate.row] = _RowOutcome(DUPLICATE_SWATCH, note, {})
    for number, found in _by_row(report.errors, column_of).items():
        cells = _cell_messages(found)
        columns = ", ".join(mapping.headers[column] for column in cells)
        notes = [_tr(QT_TRANSLATE_NOOP("ImportWizard", "Error in {columns}")).format(columns=columns)] if cells else []
        notes += [message for column, message in found if column is None]  # e.g. a required field not mapped
        outcomes[number] = _RowOutcome(ERROR_SWATCH, "; ".join(notes), cells)
    return outcomes


def _by_row(messages: Sequence[RowError], column_of: dict[str, int]) -> dict[int, list[tuple[int | None, str]]]:
    """Row number → (column index or None, message) of each error or warning, in report order."""
    rows: dict[int, list[tuple[int | None, str]]] = {}
    for message in messages:
        rows.setdefault(message.row, []).append((column_of.get(message.column), message.message))
    return rows


def _cell_messages(found: list[tuple[int | None, str]]) -> dict[int, str]:
    """Column index → its messages, one per line."""
    cells: dict[int, str] = {}
    for column, message in found:
        if column is not None:
            cells[column] = f"{cells[column]}\n{message}" if column in cells else message
    return cells


class ReportLinesModel(RowsModel):
    """The import report's errors, warnings, duplicates and updates, one line each, as saved to CSV."""

    HEADERS = (
        QT_TRANSLATE_NOOP("ReportLinesModel", "Row"),
        QT_TRANSLATE_NOOP("ReportLinesModel", "What"),
        QT_TRANSLATE_NOOP("ReportLinesModel", "Column"),
        QT_TRANSLATE_NOOP("ReportLinesModel", "Value"),
        QT_TRANSLATE_NOOP("ReportLinesModel", "Message"),
    )

    def set_report(self, report: ImportReport | None) -> None:
        self.set_rows(report.problem_lines() if report else [])

    def cell(self, line: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return str(line[0]) if column == 0 else line[column].capitalize() if column == 1 else line[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 4:
            return line[4]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        swatch = _KIND_SWATCHES.get(line[1])
        if swatch is not None and column == 1 and role == Qt.ItemDataRole.BackgroundRole:
            return swatch.background
        if swatch is not None and column == 1 and role == Qt.ItemDataRole.ForegroundRole:
            return swatch.foreground
        return None

    def sort_key(self, column: int) -> Callable[[Any], Any]:
        return lambda line: line[column]


# -- pages ---------------------------------------------------------------------------------------


class _WizardPage(QWizardPage):
    """A page that can run work in the background and says it is incomplete meanwhile.

    Only the latest job of a page counts: a file chosen while another is still being read replaces it,
    and the older one's result, arriving later, is dropped.
    """

    def __init__(self, owner: "ImportWizard") -> None:
        super().__init__()
        self.owner = owner
        self.busy = False
        self._generation = 0  # of the latest job
        self._running: Job[Any] | None = None

    def run(
        self,
        op: Callable[[JobContext], T],
        success: Callable[[T], None],
        failure: Callable[[BaseException], None],
        progress: QProgressBar | None = None,
    ) -> Job[T]:
        if self._running is not None and not self._running.is_finished():
            self._running.cancel()
        self._generation += 1
        generation = self._generation
        self.busy = True
        self.completeChanged.emit()
        if progress is not None:
            progress.setRange(0, 0)
            progress.show()

        def done(then: Callable[[], None]) -> None:
            if generation != self._generation:
                return  # a newer job replaced this one
            self.busy = False
            if progress is not None:
                progress.hide()
            then()  # before completeChanged: whether the page is complete depends on what it records
            self.completeChanged.emit()

        def succeeded(result: T) -> None:
            done(lambda: success(result))

        def failed(error: BaseException) -> None:
            done(lambda: failure(error))

        job = jobs.run_in_background(self, op, success=succeeded, failure=failed, label=self.title())
        if progress is not None:

            def advance(value: int, total: int) -> None:
                progress.setRange(0, max(total, 1))
                progress.setValue(value)

            job.progressed.connect(advance)
        self._running = job
        self.owner.track(job)
        return job


def _progress_bar() -> QProgressBar:
    bar = QProgressBar()
    bar.setTextVisible(False)
    bar.setMaximumHeight(10)
    bar.hide()
    return bar


class FilePage(_WizardPage):
    def __init__(self, owner: "ImportWizard") -> None:
        super().__init__(owner)
        self.setTitle(self.tr("Choose the registration list"))
        self.setSubTitle(self.tr("A CSV, TSV or text export in any common encoding, or an XLSX, XLS or ODS workbook."))
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("No file chosen"))
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.clicked.connect(self.choose)
        self.info_label = QLabel()
        self.info_label.setWordWrap(True)
        self.error_label = _error_label()
        self.progress = _progress_bar()
        row = QHBoxLayout()
        row.addWidget(self.path_edit, stretch=1)
        row.addWidget(self.choose_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.info_label)
        layout.addWidget(self.error_label)
        layout.addStretch(1)

    def choose(self) -> None:
        path = ask_open_path(
            self, self.tr("Import a registration list"), QCoreApplication.translate("FileFilters", REGISTRATION_FILTER)
        )
        if path is not None:
            self.load(path)

    def load(self, path: Path) -> None:
        """Read the file in the background; the page completes once it is read, or says why it cannot be."""
        self.path_edit.setText(str(path))
        self.info_label.clear()
        _show_error(self.error_label, "")
        self.owner.set_loaded(None, None)

        def read(_context: JobContext) -> _Loaded:
            sheets = list_sheets(path)
            return _Loaded(sheets, read_table(path))

        def loaded(result: _Loaded) -> None:
            self.owner.set_loaded(path, result)
            self.info_label.setText(_table_summary(result.table))

        def failed(error: BaseException) -> None:
            _show_error(self.error_label, _explain(error, self))

        self.run(read, loaded, failed, self.progress)

    def isComplete(self) -> bool:
        return not self.busy and self.owner.table is not None

    def nextId(self) -> int:
        return Page.SHEET if len(self.owner.sheets) > 1 else Page.HEADER


def _table_summary(table: SourceTable) -> str:
    parts = [table.name]
    if table.sheet is not None:
        parts.append(_tr(QT_TRANSLATE_NOOP("ImportWizard", "sheet “{sheet}”")).format(sheet=table.sheet))
    parts.append(_plural(len(table.rows), "non-empty row"))
    if table.encoding:
        parts.append(table.encoding.removesuffix("-sig").upper())
    for codec in sorted(set(table.row_encodings.values())):  # lists pasted together from two sources
        count = sum(1 for other in table.row_encodings.values() if other == codec)
        parts.append(
            _tr(QT_TRANSLATE_NOOP("ImportWizard", "{rows} in {encoding}")).format(
                rows=_plural(count, "row"), encoding=codec.upper()
            )
        )
    if table.delimiter:
        separated = {
            "\t": QT_TRANSLATE_NOOP("ImportWizard", "separated by tabs"),
            ",": QT_TRANSLATE_NOOP("ImportWizard", "separated by commas"),
            ";": QT_TRANSLATE_NOOP("ImportWizard", "separated by semicolons"),
        }.get(table.delimiter)
        parts.append(
            _tr(separated)
            if separated
            else _tr(QT_TRANSLATE_NOOP("ImportWizard", "separated by {delimiter}")).format(delimiter=table.delimiter)
        )
    return " · ".join(parts)


class SheetPage(_WizardPage):
    def __init__(self, owner: "ImportWizard") -> None:
        super().__init__(owner)
        self.setTitle(self.tr("Choose the sheet"))
        self.sheet_combo = QComboBox()
        self.sheet_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sheet_combo.activated.connect(self._sheet_chosen)
        self.info_label = QLabel()
        self.error_label = _error_label()
        self.progress = _progress_bar()
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Sheet:")))
        row.addWidget(self.sheet_combo)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.info_label)
        layout.addWidget(self.error_label)
        layout.addStretch(1)

    def initializePage(self) -> None:
        table = self.owner.table
        self.setSubTitle(
            self.tr("{file} has several sheets: pick the one with the guests.").format(file=table.name)
            if table
            else self.tr("The workbook has several sheets: pick the one with the guests.")
        )
        self.sheet_combo.clear()
        self.sheet_combo.addItems(self.owner.sheets)
        if table is not None and table.sheet is not None:
            self.sheet_combo.setCurrentText(table.sheet)
            self.info_label.setText(_table_summary(table))
        _show_error(self.error_label, "")

    def choose(self, sheet: str) -> None:
        self.sheet_combo.setCurrentText(sheet)
        self._sheet_chosen()

    def _sheet_chosen(self) -> None:
        path, sheet = self.owner.path, self.sheet_combo.currentText()
        if path is None:
            return
        _show_error(self.error_label, "")
        self.info_label.clear()

        def loaded(table: SourceTable) -> None:
            self.owner.set_loaded(path, _Loaded(self.owner.sheets, table))
            self.info_label.setText(_table_summary(table))

        def failed(error: BaseException) -> None:
            self.owner.set_loaded(path, None)
            _show_error(self.error_label, _explain(error, self))

        self.run(lambda _context: read_table(path, sheet), loaded, failed, self.progress)

    def isComplete(self) -> bool:
        return not self.busy and self.owner.table is not None


class HeaderPage(_WizardPage):
    def __init__(self, owner: "ImportWizard") -> None:
        super().__init__(owner)
        self.setTitle(self.tr("Find the header row"))
        self.model = HeaderRowsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        _set_up_table(self.table)
        # No selection colour: it would hide the highlight; clicking (or arrowing to) a row picks it.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.selectionModel().currentRowChanged.connect(self._row_picked)
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.table, stretch=1)

    def initializePage(self) -> None:
        table = self.owner.table
        if table is None:
            return
        wanted = self.owner.header_row  # before the reset, which clears the view's current row
        self.model.set_rows(table.rows[:HEADER_SEARCH_ROWS])
        _fit_columns(self.table)
        detected = self.owner.detected
        self.setSubTitle(
            self.tr(
                "The row with the column names is highlighted: row {row}, found by its names. "
                "If it is another one, click it."
            ).format(row=detected.header_row)
            if detected
            else self.tr(
                "No row looks like column names (such as Surname / Фамилия / Nom). Click the row that has them."
            )
        )
        self.pick(wanted)

    def pick(self, number: int | None) -> None:
        """Make file row `number` the header row (as a click on it does)."""
        row = self.model.row_of_number(number) if number is not None else None
        if row is None:
            self._set(None)
            return
        self.table.setCurrentIndex(self.model.index(row, 0))
        self.table.scrollTo(self.model.index(row, 0))
        self._set(number)

    def _row_picked(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._set(self.model.row_at(current.row()).number if current.isValid() else None)

    def _set(self, number: int | None) -> None:
        self.model.set_header(number)
        self.owner.set_header_row(number)
        self.hint_label.setText(
            self.tr("Header row: {row}. The guests are read from the rows below it.").format(row=number)
            if number
            else self.tr("No header row chosen.")
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.owner.header_row is not None


class MappingPage(_WizardPage):
    COLUMN, SAMPLE, FIELD = range(3)

    def __init__(self, owner: "ImportWizard") -> None:
        super().__init__(owner)
        self.setTitle(self.tr("Map the columns"))
        self.setSubTitle(
            self.tr("Each column of the file goes into one guest field, or is ignored. Recognised names are filled in.")
        )
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("First values"), self.tr("Guest field")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.SAMPLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.FIELD, QHeaderView.ResizeMode.ResizeToContents)
        self.problem_label = _error_label()
        self.load_button = QPushButton(self.tr("Load preset…"))
        self.load_button.setToolTip(self.tr("Use a column mapping saved earlier for lists shaped like this one"))
        self.load_button.clicked.connect(self.load_preset)
        self.save_button = QPushButton(self.tr("Save as preset…"))
        self.save_button.setToolTip(self.tr("Keep this mapping (a JSON file) for the next list from the same sender"))
        self.save_button.clicked.connect(self.save_preset)
        self.combos: list[QComboBox] = []
        buttons = QHBoxLayout()
        buttons.addWidget(self.load_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, stretch=1)
        layout.addWidget(self.problem_label)
        layout.addLayout(buttons)

    def initializePage(self) -> None:
        self.show_mapping(self.owner.mapping_for_header())

    def show_mapping(self, mapping: ColumnMapping) -> None:
        """One row per column of the header row, its combo set to the mapped field."""
        self.owner.set_mapping(mapping)
        table = self.owner.table
        below = [row for row in table.rows if row.number > mapping.header_row][:3] if table else []
        self.table.setRowCount(len(mapping.headers))
        self.combos = []
        for index, header in enumerate(mapping.headers):
            name = QTableWidgetItem(
                header.strip() or self.tr("(column {letters})").format(letters=_column_letters(index))
            )
            samples = " · ".join(row.cells[index] for row in below if index < len(row.cells) and row.cells[index])
            self.table.setItem(index, self.COLUMN, name)
            sample = QTableWidgetItem(samples)
            sample.setToolTip(samples)
            self.table.setItem(index, self.SAMPLE, sample)
            combo = QComboBox()
            combo.addItem(self.tr(IGNORE_LABEL), None)
            for field in FIELDS:
                combo.addItem(QCoreApplication.translate("GuestFormDialog", FIELD_LABELS.get(field, field)), field)
            combo.setCurrentIndex(max(combo.findData(mapping.columns.get(index)), 0))
            combo.currentIndexChanged.connect(self._edited)
            self.table.setCellWidget(index, self.FIELD, combo)
            self.combos.append(combo)
        self.table.resizeColumnToContents(self.FIELD)
        self._edited()

    def set_field(self, column: int, field: str | None) -> None:
        """Map column `column` to `field` (None: ignore it), as choosing in its combo does."""
        combo = self.combos[column]
        combo.setCurrentIndex(combo.findData(field) if field else 0)

    def current_mapping(self) -> ColumnMapping:
        columns = {index: combo.currentData() for index, combo in enumerate(self.combos) if combo.currentData()}
        return self.owner.edited_mapping(columns)

    def _edited(self) -> None:
        mapping = self.current_mapping()
        self.owner.set_mapping(mapping)
        _show_error(self.problem_label, mapping_problem(mapping) or "")
        self.completeChanged.emit()

    def load_preset(self) -> None:
        path = ask_open_path(
            self, self.tr("Load a column mapping"), QCoreApplication.translate("FileFilters", PRESET_FILTER)
        )
        if path is None:
            return
        try:
            preset = load_mapping_file(path)
            mapping = self.owner.mapping_from_preset(preset)
        except AccreditorError as error:
            _show_error(self.problem_label, str(error))
            return
        self.show_mapping(mapping)

    def save_preset(self) -> None:
        table = self.owner.table
        suggested = f"{Path(table.name).stem if table else 'mapping'}-columns.json"
        path = ask_save_path(
            self,
            self.tr("Save the column mapping"),
            QCoreApplication.translate("FileFilters", PRESET_FILTER),
            suggested,
        )
        if path is None:
            return
        try:
            save_mapping_file(self.current_mapping(), path)
        except AccreditorError as error:
            _show_error(self.problem_label, str(error))

    def isComplete(self) -> bool:
        return bool(self.combos) and mapping_problem(self.current_mapping()) is None


class PreviewPage(_WizardPage):
    def __init__(self, owner: "ImportWizard") -> None:
        super().__init__(owner)
        self.setTitle(self.tr("Check the rows"))
        self.setSubTitle(
            self.tr(
                "Nothing is written yet. Errors are red, changes to check yellow, duplicates orange, updates of guests "
                "already in the event blue: point at a cell to see why."
            )
        )
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.error_label = _error_label()
        self.progress = _progress_bar()
        self.model = PreviewModel(self)
        self.only_problems = QCheckBox(self.tr("Show only rows with errors, warnings or duplicates"))
        self.only_problems.toggled.connect(self.model.set_only_problems)
        self.table = QTableView()
        self.table.setModel(self.model)
        _set_up_table(self.table)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.only_problems)
        layout.addWidget(self.table, stretch=1)

    def initializePage(self) -> None:
        self.owner.preview = None
        self.summary_label.setText(self.tr("Checking every row…"))
        _show_error(self.error_label, "")
        self.model.set_rows(())
        mapping = self.owner.mapping
        if mapping is None:
            return

        def checked(report: ImportReport) -> None:
            self.owner.preview = report
            table = self.owner.table
            rows = [row for row in table.rows if row.number > mapping.header_row] if table else []
            self.model.set_preview(rows, mapping, report)
            _fit_columns(self.table)
            self.table.resizeColumnToContents(PreviewModel.OUTCOME_COLUMN)  # the verdict in full
            self.summary_label.setText(describe_report(report, preview=True))
            self.only_problems.setEnabled(bool(self.model.problem_rows()))

        def failed(error: BaseException) -> None:
            self.summary_label.clear()
            _show_error(self.error_label, _explain(error, self))

        self.run(self.owner.import_op(dry_run=True), checked, failed, self.progress)

    def isComplete(self) -> bool:
        return not self.busy and self.owner.preview is not None


class ImportPage(_WizardPage):
    def __init__(self, owner: "ImportWizard") -> None:
        super().__init__(owner)
        self.setTitle(self.tr("Import"))
        self.setSubTitle(self.tr("Choose what happens to rows with errors, then import."))
        self.atomic_button = QRadioButton(self.tr("All or nothing: import only if every row is valid"))
        self.skip_button = QRadioButton(self.tr("Skip invalid rows: import the good rows and leave the others out"))
        self.atomic_button.setChecked(True)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        self.progress = _progress_bar()
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setStyleSheet("font-weight: bold;")
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label = _error_label()
        self.save_button = QPushButton(self.tr("Save report…"))
        self.save_button.setToolTip(
            self.tr("Every error, duplicate and update, to send back with the file (JSON or CSV)")
        )
        self.save_button.clicked.connect(self.save_report)
        self.save_button.setEnabled(False)
        self.lines_model = ReportLinesModel(self)
        self.lines_table = QTableView()
        self.lines_table.setModel(self.lines_model)
        _set_up_table(self.lines_table)
        self.lines_table.verticalHeader().hide()
        self.lines_table.hide()
        actions = QHBoxLayout()
        actions.addWidget(self.import_button)
        actions.addWidget(self.save_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.atomic_button)
        layout.addWidget(self.skip_button)
        layout.addSpacing(8)
        layout.addLayout(actions)
        layout.addWidget(self.progress)
        layout.addWidget(self.result_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.lines_table, stretch=1)
        self.spacer = QWidget()  # takes the room while there is no list of problems
        layout.addWidget(self.spacer, stretch=1)

    def _show_lines(self, report: ImportReport | None) -> None:
        self.lines_model.set_report(report)
        shown = self.lines_model.rowCount() > 0
        self.lines_table.setVisible(shown)
        self.spacer.setVisible(not shown)
        if shown:
            _fit_columns(self.lines_table)

    def initializePage(self) -> None:
        self._show_lines(None)
        self.owner.report = None  # an import not written (all or nothing, with errors) can be tried again
        self.save_button.setEnabled(False)
        _show_error(self.error_label, "")
        self._set_editable(True)
        preview = self.owner.preview
        error_rows = len({error.row for error in preview.errors}) if preview else 0
        self.skip_button.setEnabled(error_rows > 0)
        if error_rows:
            skip = (
                self.tr("Skip invalid rows: import the good rows and leave out the 1 row with errors")
                if error_rows == 1
                else self.tr("Skip invalid rows: import the good rows and leave out the {count} rows with errors")
            )
            self.skip_button.setText(skip.format(count=i18n.number_text(error_rows)))
        else:
            self.atomic_button.setChecked(True)
        self.result_label.setText(describe_report(preview, preview=True) if preview else "")

    def start_import(self) -> None:
        _show_error(self.error_label, "")
        self._set_editable(False)

        def imported(report: ImportReport) -> None:
            self.owner.finish_import(report)
            self.result_label.setText(describe_report(report, preview=False))
            self._show_lines(report)
            self.save_button.setEnabled(True)
            self._set_editable(not report.written)

        def failed(error: BaseException) -> None:
            _show_error(self.error_label, _explain(error, self))
            self._set_editable(True)

        skip = self.skip_button.isChecked()
        self.run(self.owner.import_op(dry_run=False, skip_invalid=skip), imported, failed, self.progress)

    def _set_editable(self, editable: bool) -> None:
        for widget in (self.atomic_button, self.skip_button, self.import_button):
            widget.setEnabled(editable)
        if editable and self.owner.preview and not self.owner.preview.errors:
            self.skip_button.setEnabled(False)

    def save_report(self) -> None:
        report = self.owner.report
        if report is None:
            return
        path = ask_save_path(
            self,
            self.tr("Save the import report"),
            QCoreApplication.translate("FileFilters", REPORT_FILTER),
            f"{Path(report.file).stem}-import.json",
        )
        if path is None:
            return
        try:
            report.save(path)
        except AccreditorError as error:
            _show_error(self.error_label, str(error))

    def isComplete(self) -> bool:
        """Finish once something was written; until then Back stays open to fix the mapping."""
        return not self.busy and self.owner.report is not None and self.owner.report.written


# -- the wizard ----------------------------------------------------------------------------------


class ImportWizard(QWizard):
    """Holds what the pages found and chose; emits `imported(report)` after an import ran (written or not)."""

    imported = Signal(object)

    def __init__(self, store: EventStore, parent: QWidget | None = None, *, user: str | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.user = user or default_user()
        self.path: Path | None = None
        self.sheets: list[str] = []
        self.table: SourceTable | None = None
        self.detected: ColumnMapping | None = None  # what the core found on its own, if anything
        self.header_row: int | None = None
        self.mapping: ColumnMapping | None = None
        self.preview: ImportReport | None = None  # the dry run of `mapping`
        self.report: ImportReport | None = None  # the import, once it ran
        self._jobs: list[Job[Any]] = []

        self.setWindowTitle(self.tr("Import guests"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.file_page = FilePage(self)
        self.sheet_page = SheetPage(self)
        self.header_page = HeaderPage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.import_page = ImportPage(self)
        pages: tuple[QWizardPage, ...] = (
            self.file_page,
            self.sheet_page,
            self.header_page,
            self.mapping_page,
            self.preview_page,
            self.import_page,
        )
        for page_id, page in zip(Page, pages, strict=True):
            self.setPage(page_id, page)
        self.setStartId(Page.FILE)
        self.resize(1080, 680)

    @classmethod
    def run(cls, parent: QWidget | None, store: EventStore) -> ImportReport | None:
        """Show the wizard modally; the report of the import if one ran, else None."""
        wizard = cls(store, parent)
        try:
            wizard.exec()
            return wizard.report
        finally:
            wizard.deleteLater()

    # -- state the pages share ---------------------------------------------------------------------

    def set_loaded(self, path: Path | None, loaded: _Loaded | None) -> None:
        """A file (or sheet) was read, or is being read again: everything chosen from the old table goes."""
        self.path = path
        self.sheets = loaded.sheets if loaded else []
        self.table = loaded.table if loaded else None
        self.detected = None
        if self.table is not None:
            try:
                self.detected = detect_mapping(self.table, max_scan=HEADER_SEARCH_ROWS)
            except AccreditorError:
                self.detected = None  # the organiser points at the header row
        self.header_row = self.detected.header_row if self.detected else None
        self.mapping = None
        self.preview = None

    def set_header_row(self, number: int | None) -> None:
        if number != self.header_row:
            self.mapping = None
        self.header_row = number

    def set_mapping(self, mapping: ColumnMapping) -> None:
        self.mapping = mapping

    def mapping_for_header(self) -> ColumnMapping:
        """The mapping to start the mapping page with: the one being edited, else what the core recognises."""
        if self.mapping is not None and self.mapping.header_row == self.header_row:
            return self.mapping
        if self.detected is not None and self.detected.header_row == self.header_row:
            return self.detected
        return self.mapping_from_preset({"columns": {}})

    def mapping_from_preset(self, preset: dict[str, Any]) -> ColumnMapping:
        """The core's mapping of the header row under a preset (whose own header row, if any, wins)."""
        if self.table is None or self.header_row is None:
            raise AccreditorError(self.tr("Choose a file and its header row first."))
        rules = {**preset, "header_row": preset.get("header_row") or self.header_row}
        try:
            mapping = detect_mapping(self.table, preset=rules)
        except AccreditorError:
            if preset.get("header_row"):
                raise
            row = next(row for row in self.table.rows if row.number == self.header_row)
            mapping = ColumnMapping(self.header_row, {}, row.cells, ())  # nothing recognised: all to choose
        self.header_row = mapping.header_row
        return mapping

    def edited_mapping(self, columns: dict[int, str]) -> ColumnMapping:
        """The mapping with the fields the organiser chose; columns left out are reported as not imported,
        except those the core passes over silently (running numbers, blank headers)."""
        base = self.mapping_for_header()
        silent = {
            index
            for index, header in enumerate(base.headers)
            if index not in base.columns and header not in base.unmapped
        }
        unmapped = tuple(
            header
            for index, header in enumerate(base.headers)
            if header.strip() and index not in columns and index not in silent
        )
        return ColumnMapping(base.header_row, dict(columns), base.headers, unmapped)

    def import_op(self, *, dry_run: bool, skip_invalid: bool = False) -> Callable[[JobContext], ImportReport]:
        """The importer as a background op, with the file, sheet and mapping as chosen now."""
        store, path, user, mapping = self.store, self.path, self.user, self.mapping
        sheet = self.table.sheet if self.table else None
        if path is None or mapping is None:
            raise AccreditorError(self.tr("Choose a file and map its columns first."))
        cancelled = self.tr("The import was cancelled; nothing was written.")

        def op(context: JobContext) -> ImportReport:
            def progress(done: int, total: int) -> None:
                if context.cancelled():
                    raise AccreditorError(cancelled)
                context.report_progress(done, total)

            report, _mapping = import_file(
                store,
                path,
                actor=user,
                sheet=sheet,
                mapping=mapping,
                dry_run=dry_run,
                skip_invalid=skip_invalid,
                progress=progress,
            )
            return report

        return op

    def finish_import(self, report: ImportReport) -> None:
        self.report = report
        if report.written:  # going back to change the mapping now would only confuse: Finish is all that is left
            self.setButtonLayout([QWizard.WizardButton.Stretch, QWizard.WizardButton.FinishButton])
        self.imported.emit(report)

    # -- background jobs ---------------------------------------------------------------------------

    def track(self, job: Job[Any]) -> None:
        self._jobs = [running for running in self._jobs if not running.is_finished()]
        if not job.is_finished():
            self._jobs.append(job)

    def reject(self) -> None:
        """Closing the wizard stops a dry run or an import still checking rows (nothing is written before)."""
        for job in self._jobs:
            job.cancel()
        super().reject()
