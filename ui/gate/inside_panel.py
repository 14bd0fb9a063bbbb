"""Who is inside: head counts per zone, the people with their photo, and the evacuation list for the marshals.

The core decides who is inside (`accreditor.services.occupancy`: a guest's last accepted passage in a zone
was an entry) and draws the printable list (`accreditor.gate.evacuation_pdf`); this panel shows them.  It
reads from an `InsideSource`: the event database (`EventInside`, every gate's scans, merged logs included) or
an offline gate's own log with its package (`GateLogInside`: only what this door saw, which the panel says).
Every read runs in the background (`ui.jobs`): reading photos makes thumbnails.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QAction, QFont, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from accreditor.clock import utc_now
from accreditor.gate.evacuation_pdf import write_evacuation_pdf
from accreditor.gate.occupancy import EvacuationEntry
from accreditor.print_sinks import PrintOutcome
from accreditor.services.occupancy import EventInside, GateLogInside, InsideSource
from ui import i18n, jobs, pdf_preview
from ui import printing as ui_printing
from ui.desk.guest_card import MUTED

ALL_ZONES = ""  # the zone filter's "every zone"
ROW_PHOTO = QSize(36, 48)  # 3:4, like the photo on the badge
PDF_FILTER = QT_TRANSLATE_NOOP("FileFilters", "PDF files (*.pdf)")
_INDEX = QModelIndex | QPersistentModelIndex

__all__ = ["EventInside", "GateLogInside", "InsidePanel", "InsideSource", "InsideTableModel", "key_action"]


# -- the table ----------------------------------------------------------------------------------------


class InsideTableModel(QAbstractTableModel):
    """The people inside, one row each: photo and name, Latin name, category, zone, since, gate."""

    HEADERS = (
        QT_TRANSLATE_NOOP("InsideTableModel", "Name"),
        QT_TRANSLATE_NOOP("InsideTableModel", "Latin name"),
        QT_TRANSLATE_NOOP("InsideTableModel", "Category"),
        QT_TRANSLATE_NOOP("InsideTableModel", "Zone"),
        QT_TRANSLATE_NOOP("InsideTableModel", "Inside since"),
        QT_TRANSLATE_NOOP("InsideTableModel", "Gate"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[EvacuationEntry] = []
        self._photos: dict[int, QPixmap] = {}

    def set_entries(self, entries: Sequence[EvacuationEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self._photos = {}
        for entry in self._entries:
            pixmap = QPixmap()
            if entry.photo and pixmap.loadFromData(entry.photo):
                self._photos[entry.guest_id] = pixmap.scaled(
                    ROW_PHOTO, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
        self.endResetModel()

    def entry_at(self, row: int) -> EvacuationEntry:
        return self._entries[row]

    def rowCount(self, parent: _INDEX = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _INDEX = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: _INDEX, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry, column = self._entries[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            since = entry.since.astimezone()
            values = (
                entry.name,
                entry.name_latin if entry.name_latin != entry.name else "",
                entry.category_name,
                entry.zone,
                f"{since:%d %b %H:%M}",
                entry.gate,
            )
            return values[column]
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return self._photos.get(entry.guest_id)
        if role == Qt.ItemDataRole.ToolTipRole and column == 3:
            return entry.zone_name
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section]) if 0 <= section < len(self.HEADERS) else None
        return None


# -- the panel ----------------------------------------------------------------------------------------


def key_action(
    owner: QWidget,
    text: str,
    shortcut: str,
    slot: Callable[[], object],
    context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetWithChildrenShortcut,
) -> QAction:
    """An action of `owner` bound to a key: a gate is worked from the keyboard, each screen with its own keys.

    By default the key works while the focus is in `owner`, so the gate's keys do not fire in the desk's
    other modes when the gate view is one page of the desk's window.
    """
    action = QAction(text, owner)
    action.setShortcut(QKeySequence(shortcut))
    action.setShortcutContext(context)
    action.triggered.connect(slot)
    owner.addAction(action)
    return action


def ask_pdf_path(parent: QWidget | None, suggested: Path) -> Path | None:
    """Where to write the evacuation list (tests monkeypatch this); None when the user cancels."""
    path, _selected = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("inside_panel", "Save the evacuation list"),
        str(suggested),
        QCoreApplication.translate("FileFilters", PDF_FILTER),
    )
    return Path(path) if path else None


@dataclass(frozen=True, slots=True)
class _Reading:
    counts: dict[str, int]
    entries: list[EvacuationEntry]


class InsidePanel(QWidget):
    """Head counts per zone, the people inside one zone (or all), and the evacuation list as a PDF.

    `zone` is the gate's own zone: counted first and shown at the start.  `refresh()` reads again.
    """

    def __init__(
        self,
        source: InsideSource,
        zone: str = ALL_ZONES,
        parent: QWidget | None = None,
        *,
        zones: Mapping[str, str] | None = None,
    ) -> None:
        """`zones` (code → name) when the caller has them already; else they are read from `source`."""
        super().__init__(parent)
        self.source = source
        self._zones = dict(zones) if zones is not None else source.zones()
        self.counts: dict[str, int] = {}  # as last read
        readable = QFont(self.font())
        readable.setPointSize(12)  # a supervisor reads it standing; the widgets below inherit it
        self.setFont(readable)

        self.title = QLabel(self.tr("Who is inside"))
        title_font = QFont(self.title.font())
        title_font.setPointSize(22)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.scope_label = QLabel(source.scope)
        self.scope_label.setWordWrap(True)
        self.scope_label.setStyleSheet(f"color: {MUTED}; font-size: 12pt;")  # a style sheet drops the inherited font
        self.count_boxes: dict[str, QLabel] = {}
        counts_row = QHBoxLayout()
        counts_row.setSpacing(10)
        for code, name in self._zones.items():
            box = QLabel()
            box.setToolTip(name)
            box.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box.setTextFormat(Qt.TextFormat.RichText)
            box.setMinimumWidth(120)
            outline = "#263238" if code == zone else "#B0BEC5"
            box.setStyleSheet(f"QLabel {{ border: 3px solid {outline}; border-radius: 6px; padding: 6px 12px; }}")
            self.count_boxes[code] = box
            counts_row.addWidget(box)
        counts_row.addStretch(1)

        self.zone_filter = QComboBox()
        self.zone_filter.addItem(self.tr("Every zone"), ALL_ZONES)
        for code, name in self._zones.items():
            self.zone_filter.addItem(f"{code} — {name}", code)
        self.zone_filter.setCurrentIndex(max(self.zone_filter.findData(zone), 0))
        self.refresh_action = key_action(self, self.tr("&Refresh"), "F5", self.refresh)
        self.pdf_action = key_action(self, self.tr("Evacuation list (&PDF)…"), "Ctrl+P", self.write_pdf)
        refresh_button = QPushButton(self.tr("Refresh (F5)"))
        refresh_button.clicked.connect(self.refresh_action.trigger)
        self.pdf_button = QPushButton(self.tr("Evacuation list (PDF)… (Ctrl+P)"))
        self.pdf_button.clicked.connect(self.pdf_action.trigger)
        for button in (refresh_button, self.pdf_button):
            button.setMinimumHeight(44)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys do it: F5, Ctrl+P
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Show")))
        controls.addWidget(self.zone_filter)
        controls.addStretch(1)
        controls.addWidget(refresh_button)
        controls.addWidget(self.pdf_button)

        self.model = InsideTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setIconSize(ROW_PHOTO)
        self.table.verticalHeader().setDefaultSectionSize(ROW_PHOTO.height() + 6)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        table_font = QFont(self.table.font())
        table_font.setPointSize(13)
        self.table.setFont(table_font)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(self.title)
        layout.addWidget(self.scope_label)
        layout.addLayout(counts_row)
        layout.addLayout(controls)
        layout.addWidget(self.table, stretch=1)
        layout.addWidget(self.status_label)
        self.zone_filter.currentIndexChanged.connect(self.refresh)
        self.setFocusProxy(self.table)

    def zone(self) -> str | None:
        """The zone the list shows, None for every zone."""
        return self.zone_filter.currentData() or None

    def refresh(self) -> None:
        """Read the counts and the people (with photos) again, in the background."""
        source, zone = self.source, self.zone()

        def read(_context: jobs.JobContext) -> _Reading:
            return _Reading(source.counts(), source.entries(zone, photos=True))

        self.status_label.setText(self.tr("Reading who is inside…"))
        jobs.run_in_background(self, read, success=self._show, label=self.tr("Who is inside"))

    def _show(self, reading: _Reading) -> None:
        self.counts = reading.counts
        for code, box in self.count_boxes.items():
            box.setText(
                f"<div style='font-size:13pt'>{code}</div><div style='font-size:24pt; font-weight:bold'>"
                f"{reading.counts.get(code, 0)}</div>"
            )
        self.model.set_entries(reading.entries)
        people, zone = len(reading.entries), self.zone()
        if zone:
            status = (
                self.tr("1 person in {zone}, as of {time}.")
                if people == 1
                else self.tr("{count} people in {zone}, as of {time}.")
            )
        else:
            status = (
                self.tr("1 person in every zone, as of {time}.")
                if people == 1
                else self.tr("{count} people in every zone, as of {time}.")
            )
        now = i18n.time_text(datetime.now())
        self.status_label.setText(status.format(zone=zone, count=i18n.number_text(people), time=now))

    def write_pdf(self) -> None:
        """Ask where, write the evacuation list of the zone shown (or all), then offer the preview to print it."""
        zone = self.zone()
        suggested = Path.home() / f"evacuation-{zone or 'all'}-{datetime.now():%Y%m%d-%H%M}.pdf"
        path = ask_pdf_path(self, suggested)
        if path is None:
            return
        source = self.source
        shown = {code: name for code, name in self._zones.items() if zone in (None, code)}

        def write(_context: jobs.JobContext) -> int:
            entries = source.entries(zone, photos=True)
            return write_evacuation_pdf(
                entries, path, event_name=source.event_name, zones=shown, generated_at=utc_now()
            )

        self.status_label.setText(self.tr("Writing the evacuation list…"))
        jobs.run_in_background(
            self, write, success=lambda pages: self._written(path, pages), label=self.tr("Evacuation list")
        )

    def _written(self, path: Path, pages: int) -> None:
        written = (
            self.tr("Evacuation list written to {path} (1 page).")
            if pages == 1
            else self.tr("Evacuation list written to {path} ({pages} pages).")
        )
        self.status_label.setText(written.format(path=path, pages=i18n.number_text(pages)))
        if pdf_preview.PdfPreviewDialog.ask(self, path, self.tr("Evacuation list")):
            self._print(path)

    def _print(self, path: Path) -> None:
        self.status_label.setText(self.tr("Sending the evacuation list to the printer…"))

        def send(_context: jobs.JobContext) -> PrintOutcome:
            return ui_printing.StationSink().send(path, "Evacuation list")  # the system's default (A4) printer

        jobs.run_in_background(
            self, send, success=lambda outcome: self.status_label.setText(outcome.message), label=self.tr("Printing")
        )
