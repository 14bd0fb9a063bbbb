"""The guest list: a search box and two filters over the guest table.

The widget only lays out and forwards what the user typed or picked to `GuestTableModel`, which
asks the event's session; it never filters or sorts rows itself.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from accreditor.vocabulary import GuestStatus
from ui import i18n
from ui.guest_table_model import STATUS_SWATCHES, Column, GuestFilter, GuestTableModel

SEARCH_PLACEHOLDER = QT_TRANSLATE_NOOP(
    "GuestListWidget", "Search by name in any script, organisation, passport, e-mail…"
)
# Shown for a query typed while the event's search index is still being built.
INDEXING_TEXT = QT_TRANSLATE_NOOP("GuestListWidget", "Indexing…")

# Typical content per column, to size columns from the font instead of measuring 100,000 rows.
_SAMPLE_TEXT = {
    Column.ID: "000000",
    Column.NAME: "Ҷамшед Рахмонов Шарифович",
    Column.NAME_LATIN: "Jamshed Rakhmonov Sharifovich",
    Column.ORGANISATION: "Ministry of Foreign Affairs",
    Column.COUNTRY: "United Kingdom",
    Column.CATEGORY: "Head of Delegation",
    Column.STATUS: "Approved",
    Column.CHECKED_IN: "28 Nov 14:05",
    Column.BADGE: "Badge",
}


def colour_icon(colour: QColor, size: int = 12) -> QIcon:
    """A plain square of colour, as a category or status marker in a combo box."""
    pixmap = QPixmap(size, size)
    pixmap.fill(colour)
    return QIcon(pixmap)


class GuestListWidget(QWidget):
    """Find guests as you type; emits `guest_activated(id)` on double-click or Enter in the table."""

    guest_activated = Signal(int)

    FILTER_DELAY_MS = 150

    def __init__(self, model: GuestTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model

        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(self.tr(SEARCH_PLACEHOLDER))
        self.search_box.setClearButtonEnabled(True)

        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("All statuses"), None)
        for status in GuestStatus:
            self.status_combo.addItem(colour_icon(STATUS_SWATCHES[status].foreground), i18n.label(status), status)

        self.category_combo = QComboBox()
        self.category_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._fill_categories()

        self.count_label = QLabel()
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # Room for the longest count, so the search box does not jump while the user types.
        self.count_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("Showing 000000 of 000000"))

        self.table = QTableView()
        self._set_up_table()

        filters = QHBoxLayout()
        filters.addWidget(self.search_box, stretch=1)
        filters.addWidget(self.status_combo)
        filters.addWidget(self.category_combo)
        filters.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(filters)
        layout.addWidget(self.table, stretch=1)

        # Searching on every keystroke of a fast typist (or a scanner) would redo work for nothing.
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(self.FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.search_box.textChanged.connect(self._filter_timer.start)
        self.search_box.returnPressed.connect(self.apply_filter)
        self.status_combo.currentIndexChanged.connect(self.apply_filter)
        self.category_combo.currentIndexChanged.connect(self.apply_filter)
        self.model.modelReset.connect(self._model_reset)
        self.table.activated.connect(self._activated)
        self.setFocusProxy(self.search_box)
        self._show_count()

    def _set_up_table(self) -> None:
        table = self.table
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setShowGrid(False)
        rows = table.verticalHeader()
        rows.hide()
        # Fixed row heights: the view never measures rows to lay them out.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        metrics = table.fontMetrics()
        icon = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        for column, sample in _SAMPLE_TEXT.items():
            decoration = icon + 6 if column == Column.CATEGORY else 0
            header.resizeSection(column, metrics.horizontalAdvance(sample) + decoration + 28)
        header.setSectionResizeMode(Column.ORGANISATION, QHeaderView.ResizeMode.Stretch)
        # No sort indicator at first: rows come best match first (or by id) until a header is clicked.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)

    def apply_filter(self) -> None:
        """Show the guests matching the search box and both filters now (typing waits `FILTER_DELAY_MS`)."""
        self._filter_timer.stop()
        self.model.set_filter(
            self.search_box.text(), self.status_combo.currentData(), self.category_combo.currentData()
        )

    def refresh(self) -> None:
        self.model.refresh()

    def index_ready(self) -> None:
        """The session can search now: a query typed while it indexed is answered."""
        if self.model.is_searching_unindexed() or self.model.guest_filter.query:
            self.model.refresh()

    def _fill_categories(self) -> None:
        """Rebuild the category choices, keeping the one picked if the event still has it."""
        combo = self.category_combo
        picked = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All categories"), None)
        for category in self.model.categories():
            combo.addItem(colour_icon(QColor(category.colour)), category.name, category.code)
        found = combo.findData(picked) if picked else 0
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)
        if picked and found < 0:
            self._filter_timer.start()  # the model still filters by a category that is gone

    def _model_reset(self) -> None:
        if self._category_codes() != [category.code for category in self.model.categories()]:
            self._fill_categories()
        self._show_count()

    def _category_codes(self) -> list[str]:
        return [self.category_combo.itemData(row) for row in range(1, self.category_combo.count())]

    def _show_count(self) -> None:
        if self.model.is_searching_unindexed():
            self.count_label.setText(self.tr(INDEXING_TEXT))
            return
        filtered = self.model.guest_filter != GuestFilter()
        shown, total = self.model.match_count(), self.model.guest_count()
        self.count_label.setText(
            self.tr("Showing {shown} of {total}").format(shown=i18n.number_text(shown), total=i18n.number_text(total))
            if filtered
            else ""
        )

    def _activated(self, index: QModelIndex) -> None:
        self.guest_activated.emit(self.model.guest_at(index.row()).id)
