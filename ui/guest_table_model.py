"""The guest table: a Qt model over the open event's session, filtered and ordered core-side.

A `QSortFilterProxyModel` would ask for every cell of 100,000 rows to sort or filter them; here
the session (`accreditor.session`) finds text with its index and filters and sorts its rows in
memory, the model keeps the ids it answered, and views are handed rows in batches (`fetchMore`)
so a view only ever asks about what it shows.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from accreditor.categories import Category
from accreditor.countries import country_name
from accreditor.guests import Guest
from accreditor.search import IndexEntry, search_text, sort_key
from accreditor.session import EventSession, GuestFilter, SortBy
from ui import i18n

ModelIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class Column(IntEnum):
    ID = 0
    NAME = 1
    NAME_LATIN = 2
    ORGANISATION = 3
    COUNTRY = 4
    CATEGORY = 5
    STATUS = 6
    CHECKED_IN = 7
    BADGE = 8


HEADERS = {
    Column.ID: QT_TRANSLATE_NOOP("GuestTableModel", "ID"),
    Column.NAME: QT_TRANSLATE_NOOP("GuestTableModel", "Name (as written)"),
    Column.NAME_LATIN: QT_TRANSLATE_NOOP("GuestTableModel", "Name (Latin)"),
    Column.ORGANISATION: QT_TRANSLATE_NOOP("GuestTableModel", "Organisation"),
    Column.COUNTRY: QT_TRANSLATE_NOOP("GuestTableModel", "Country"),
    Column.CATEGORY: QT_TRANSLATE_NOOP("GuestTableModel", "Category"),
    Column.STATUS: QT_TRANSLATE_NOOP("GuestTableModel", "Status"),
    Column.CHECKED_IN: QT_TRANSLATE_NOOP("GuestTableModel", "Checked in"),
    Column.BADGE: QT_TRANSLATE_NOOP("GuestTableModel", "Badge"),
}

# Accreditation statuses in workflow order, as the user reads them.


@dataclass(frozen=True, slots=True)
class Swatch:
    background: QColor
    foreground: QColor


def _swatch(background: str, foreground: str) -> Swatch:
    return Swatch(QColor(background), QColor(foreground))


# Light fills with dark text of the same hue: readable whatever the theme paints around them.
STATUS_SWATCHES = {
    "approved": _swatch("#C8E6C9", "#1B5E20"),
    "pending": _swatch("#FFE0B2", "#8A3B00"),
    "rejected": _swatch("#FFCDD2", "#B71C1C"),
    "revoked": _swatch("#FFCDD2", "#B71C1C"),
}

_NUMERIC = frozenset({Column.ID, Column.BADGE})
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def format_moment(moment: datetime | None) -> str:
    """A time in the desk's local zone: the clock time today, the date too on other days."""
    if moment is None:
        return ""
    local = moment.astimezone()
    today = datetime.now().astimezone().date()
    return local.strftime("%H:%M") if local.date() == today else local.strftime("%d %b %H:%M")


def index_entries(guests: Iterable[Guest]) -> Iterable[IndexEntry]:
    """Search index entries for guests held in memory (the store builds them from its own columns)."""
    for guest in guests:
        fields = guest.fields
        yield IndexEntry(guest.id, search_text(fields), sort_key(fields.family_name_latin, fields.given_name_latin))


_SORT_BY = {
    Column.ID: SortBy.ID,
    Column.NAME: SortBy.NAME,
    Column.NAME_LATIN: SortBy.NAME_LATIN,
    Column.ORGANISATION: SortBy.ORGANISATION,
    Column.COUNTRY: SortBy.COUNTRY,
    Column.CATEGORY: SortBy.CATEGORY,
    Column.STATUS: SortBy.STATUS,
    Column.CHECKED_IN: SortBy.CHECKED_IN,
    Column.BADGE: SortBy.BADGE,
}


class GuestTableModel(QAbstractTableModel):
    """The guests of the open event's session that `guest_filter` admits, in `sort` order.

    The model holds ids only; the session holds the guests.  `refresh()` selects again from the
    session's memory (after its `changed`): no database work, on any thread.
    """

    BATCH_SIZE = 500

    def __init__(self, session: EventSession | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._filter = GuestFilter()
        self._ids: list[int] = []  # guests passing the filter, in the order shown
        self._guests: dict[int, Guest] = {}  # made from the session's rows as views ask for them
        self._categories: dict[str, Category] = {}
        self._loaded = 0  # how many of the rows views have been given so far
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        if session is not None:
            self.refresh()

    # -- the session -----------------------------------------------------------------------------

    @property
    def session(self) -> EventSession | None:
        return self._session

    def set_session(self, session: EventSession) -> None:
        self._session = session
        self.refresh()

    def set_guests(self, guests: Sequence[Guest], categories: Iterable[Category] = ()) -> None:
        """Show guests held in memory (a preview, a test) as a session of their own."""
        self.set_session(EventSession.of_guests(guests, categories))

    def refresh(self) -> None:
        """Select again from the session (after it changed); the filter and the sort stay."""
        self.beginResetModel()
        self._select()
        self.endResetModel()

    # -- filtering and ordering ----------------------------------------------------------------

    @property
    def guest_filter(self) -> GuestFilter:
        return self._filter

    def set_filter(self, query: str = "", status: str | None = None, category: str | None = None) -> None:
        self.set_guest_filter(GuestFilter(query.strip(), status or None, category or None))

    def set_guest_filter(self, wanted: GuestFilter) -> None:
        """Show the guests `wanted` admits (every part of the filter at once: one reset, not one per part)."""
        if wanted == self._filter:
            return
        self.beginResetModel()
        self._filter = wanted
        self._select()
        self.endResetModel()

    def _select(self) -> None:
        """Recompute the rows from the filter and sort; callers wrap it in a model reset."""
        self._guests.clear()
        session = self._session
        if session is None or not session.is_loaded:
            self._ids, self._categories = [], {}
        else:
            self._categories = {category.code: category for category in session.categories()}
            self._ids = self._ordered_ids()
        self._loaded = min(self.BATCH_SIZE, len(self._ids))

    def _ordered_ids(self) -> list[int]:
        assert self._session is not None
        sort_by = _SORT_BY.get(Column(self._sort_column)) if 0 <= self._sort_column < len(Column) else None
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        return self._session.select(self._filter, sort_by, descending=descending)

    def is_searching_unindexed(self) -> bool:
        """A text query the session cannot answer yet: its index is still being built."""
        return bool(self._filter.query) and self._session is not None and not self._session.is_indexed

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by a column; column -1 returns to the natural order (best match, else id)."""
        self._sort_column, self._sort_order = column, order
        if self._session is None or not self._session.is_loaded:
            return
        self._reorder(self._ordered_ids())

    def _reorder(self, ids: list[int]) -> None:
        """Show the same rows in a new order, keeping selections and the current row on their guests."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        moved_ids = [self._ids[index.row()] for index in persistent]
        self._ids = ids
        if persistent:
            row_of = {guest_id: row for row, guest_id in enumerate(ids)}
            self.changePersistentIndexList(
                persistent,
                [
                    self.index(row_of[guest_id], index.column()) if row_of[guest_id] < self._loaded else _ROOT
                    for guest_id, index in zip(moved_ids, persistent, strict=True)
                ],
            )
        self.layoutChanged.emit()

    # -- what the status bar and the filters need ------------------------------------------------

    def guest_count(self) -> int:
        return len(self._session) if self._session is not None else 0

    def checked_in_count(self) -> int:
        return self._session.counts().checked_in if self._session is not None else 0

    def match_count(self) -> int:
        """Rows passing the filter, including those not yet fetched by a view."""
        return len(self._ids)

    def categories(self) -> list[Category]:
        return list(self._categories.values())

    def field_values(self, name: str) -> list[str]:
        """The different non-empty values guests have in a `GuestFields` field: the choices of a filter."""
        return self._session.field_values(name) if self._session is not None and self._session.is_loaded else []

    def guest_at(self, row: int) -> Guest:
        guest_id = self._ids[row]
        guest = self._guests.get(guest_id)
        if guest is None:
            assert self._session is not None
            guest = self._guests[guest_id] = self._session.guest(guest_id)
        return guest

    def matched_ids(self) -> list[int]:
        """Every guest passing the filter, in the order shown (also those no view has fetched yet)."""
        return list(self._ids)

    def row_of(self, guest_id: int) -> int | None:
        """The row showing a guest, if the filter admits them (rows beyond those fetched count too)."""
        try:
            return self._ids.index(guest_id)
        except ValueError:
            return None

    # -- QAbstractTableModel ---------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else self._loaded

    def columnCount(self, parent: ModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(Column)

    def canFetchMore(self, parent: ModelIndex = _ROOT) -> bool:
        return not parent.isValid() and self._loaded < len(self._ids)

    def fetchMore(self, parent: ModelIndex = _ROOT) -> None:
        count = min(self.BATCH_SIZE, len(self._ids) - self._loaded)
        if parent.isValid() or count <= 0:
            return
        self.beginInsertRows(_ROOT, self._loaded, self._loaded + count - 1)
        self._loaded += count
        self.endInsertRows()

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Not super().headerData(): all it adds is row numbers, at the price of a call into C++ per role
        # per section per paint.
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return self.tr(HEADERS[Column(section)]) if 0 <= section < len(Column) else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._loaded:
            return None
        guest = self.guest_at(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(guest, column)
        if column == Column.STATUS and role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            swatch = STATUS_SWATCHES.get(guest.status)
            if swatch is None:
                return None
            return swatch.background if role == Qt.ItemDataRole.BackgroundRole else swatch.foreground
        if role == Qt.ItemDataRole.DecorationRole and column == Column.CATEGORY:
            category = self._categories.get(guest.fields.category)
            return QColor(category.colour) if category else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMERIC:
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(guest, column) or None
        if role == Qt.ItemDataRole.UserRole:
            return guest.id
        return None

    def _display(self, guest: Guest, column: int) -> str:
        """Text, numbers too: a number would be shown with the locale's group separators ("1,234")."""
        fields = guest.fields
        match column:
            case Column.ID:
                return str(guest.id)
            case Column.NAME:
                return guest.full_name
            case Column.NAME_LATIN:
                return guest.name_latin
            case Column.ORGANISATION:
                return fields.organisation
            case Column.COUNTRY:
                return country_name(fields.country)
            case Column.CATEGORY:
                category = self._categories.get(fields.category)
                return category.name if category else fields.category
            case Column.STATUS:
                return i18n.status_label(guest.status)
            case Column.CHECKED_IN:
                return format_moment(guest.checked_in_at)
            case Column.BADGE:
                return "" if guest.badge_serial is None else str(guest.badge_serial)
        return ""

    def _tooltip(self, guest: Guest, column: int) -> str:
        fields = guest.fields
        match column:
            case Column.NAME | Column.NAME_LATIN:
                return "\n".join(part for part in (fields.title, fields.position, fields.delegation) if part)
            case Column.COUNTRY:
                return fields.country
            case Column.CATEGORY:
                if not guest.zones:
                    return fields.category
                return self.tr("{category}: zones {zones}").format(
                    category=fields.category, zones=" ".join(guest.zones)
                )
            case Column.STATUS:
                return guest.status_reason
            case Column.CHECKED_IN if guest.checked_in_at is not None:
                when = f"{guest.checked_in_at.astimezone():%Y-%m-%d %H:%M}"
                by = self.tr(" by {user}").format(user=guest.checked_in_by) if guest.checked_in_by else ""
                station = self.tr(" at {station}").format(station=guest.checked_in_station)
                return when + (station if guest.checked_in_station else "") + by
            case Column.BADGE if guest.badge_printed_at is not None:
                return self.tr("Badge {serial} printed {when}").format(
                    serial=guest.badge_serial, when=f"{guest.badge_printed_at.astimezone():%Y-%m-%d %H:%M}"
                )
        return ""
