"""The guest table: a Qt model over the core's guest list, filtered and ordered core-side.

A `QSortFilterProxyModel` would ask for every cell of 100,000 rows to sort or filter them; here
the guests are loaded once as `Guest` objects, the `SearchIndex` finds text, status and category
are plain comparisons on those objects, and views are handed rows in batches (`fetchMore`) so a
view only ever asks about what it shows.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from accreditor import vocabulary
from accreditor.categories import Category, list_categories
from accreditor.countries import country_name
from accreditor.guests import Guest, list_guests
from accreditor.search import IndexEntry, SearchIndex, search_text, sort_key
from accreditor.store import EventStore
from accreditor.vocabulary import GuestStatus

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
    Column.ID: "ID",
    Column.NAME: "Name (as written)",
    Column.NAME_LATIN: "Name (Latin)",
    Column.ORGANISATION: "Organisation",
    Column.COUNTRY: "Country",
    Column.CATEGORY: "Category",
    Column.STATUS: "Status",
    Column.CHECKED_IN: "Checked in",
    Column.BADGE: "Badge",
}

# Accreditation statuses in workflow order, as the user reads them.
STATUS_LABELS = {status: vocabulary.label(status) for status in GuestStatus}


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


@dataclass(frozen=True, slots=True)
class GuestFilter:
    """What the user asked to see; empty or None parts do not filter.

    Text parts match exactly (the choices come from the guests themselves); the yes/no parts ask
    whether the guest has a printed badge, has checked in, has a photo.
    """

    query: str = ""
    status: str | None = None
    category: str | None = None
    country: str | None = None  # ISO 3166 alpha-2
    organisation: str | None = None
    delegation: str | None = None
    printed: bool | None = None
    checked_in: bool | None = None
    has_photo: bool | None = None

    def admits(self, guest: Guest) -> bool:
        fields = guest.fields
        return (
            _matches(self.status, guest.status)
            and _matches(self.category, fields.category)
            and _matches(self.country, fields.country)
            and _matches(self.organisation, fields.organisation)
            and _matches(self.delegation, fields.delegation)
            and _matches(self.printed, guest.badge_serial is not None)
            and _matches(self.checked_in, guest.checked_in_at is not None)
            and _matches(self.has_photo, guest.has_photo)
        )


def _matches(wanted: object, value: object) -> bool:
    return wanted is None or wanted == value


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


class GuestTableModel(QAbstractTableModel):
    """Every guest of one event, of which views see those matching `guest_filter`, in `sort` order."""

    BATCH_SIZE = 500

    def __init__(self, store: EventStore | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._guests: list[Guest] = []  # every guest, in id order
        self._by_id: dict[int, Guest] = {}
        self._categories: dict[str, Category] = {}
        self._index: SearchIndex | None = None
        self._filter = GuestFilter()
        self._matches: list[Guest] = []  # guests passing the filter: best match first, else by id
        self._rows: list[Guest] = []  # the matches in the order the user sorted them
        self._loaded = 0  # how many of the rows views have been given so far
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        if store is not None:
            self.refresh()

    # -- loading -------------------------------------------------------------------------------

    @property
    def store(self) -> EventStore | None:
        return self._store

    def set_store(self, store: EventStore) -> None:
        self._store = store
        self.refresh()

    def refresh(self) -> None:
        """Reload every guest (after an import, or another desk's changes); the search index follows on demand."""
        if self._store is None:
            return
        with self._store.connect() as connection:
            guests = list_guests(connection)
            categories = list_categories(connection)
        self.set_guests(guests, categories)

    def set_guests(
        self, guests: Sequence[Guest], categories: Iterable[Category] = (), index: SearchIndex | None = None
    ) -> None:
        """Show these guests (the store's, or rows built directly); without `index` one is built on first search."""
        self.beginResetModel()
        self._guests = list(guests)
        self._by_id = {guest.id: guest for guest in self._guests}
        self._categories = {category.code: category for category in categories}
        self._index = index
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
        if self._filter.query:
            found = self._search_index().search(self._filter.query, limit=len(self._by_id))
            candidates: Iterable[Guest] = (self._by_id[guest_id] for guest_id in found if guest_id in self._by_id)
        else:
            candidates = self._guests
        self._matches = [guest for guest in candidates if self._filter.admits(guest)]
        self._rows = self._ordered(self._matches)
        self._loaded = min(self.BATCH_SIZE, len(self._rows))

    def _search_index(self) -> SearchIndex:
        """Built at the first text search after a load: a second of work at 100,000 guests, not paid by
        views nobody searches in."""
        if self._index is None:
            if self._store is not None:
                with self._store.connect() as connection:
                    self._index = SearchIndex.from_connection(connection)
            else:
                self._index = SearchIndex(index_entries(self._guests))
        return self._index

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by a column; column -1 returns to the natural order (best match, else id)."""
        self._sort_column, self._sort_order = column, order
        self._reorder(self._ordered(self._matches))

    def _ordered(self, guests: list[Guest]) -> list[Guest]:
        if not 0 <= self._sort_column < len(Column):
            return list(guests)
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        return sorted(guests, key=self._sort_key(Column(self._sort_column)), reverse=descending)

    def _sort_key(self, column: Column) -> Callable[[Guest], Any]:
        """Names sort by family name; numbers and times as such; everything else as displayed."""
        match column:
            case Column.ID:
                return lambda guest: guest.id
            case Column.NAME:
                return lambda guest: (guest.fields.family_name.casefold(), guest.fields.given_name.casefold())
            case Column.NAME_LATIN:
                return lambda guest: sort_key(guest.fields.family_name_latin, guest.fields.given_name_latin)
            case Column.CHECKED_IN:
                return lambda guest: (guest.checked_in_at is None, guest.checked_in_at or datetime.min)
            case Column.BADGE:
                return lambda guest: (guest.badge_serial is None, guest.badge_serial or 0)
        return lambda guest: self._display(guest, column).casefold()

    def _reorder(self, rows: list[Guest]) -> None:
        """Show the same rows in a new order, keeping selections and the current row on their guests."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        moved_ids = [self._rows[index.row()].id for index in persistent]
        self._rows = rows
        if persistent:
            row_of = {guest.id: row for row, guest in enumerate(rows)}
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
        return len(self._guests)

    def checked_in_count(self) -> int:
        return sum(1 for guest in self._guests if guest.checked_in_at is not None)

    def match_count(self) -> int:
        """Rows passing the filter, including those not yet fetched by a view."""
        return len(self._rows)

    def categories(self) -> list[Category]:
        return list(self._categories.values())

    def field_values(self, name: str) -> list[str]:
        """The different non-empty values guests have in a `GuestFields` field: the choices of a filter."""
        return sorted({value for guest in self._guests if (value := getattr(guest.fields, name))}, key=str.casefold)

    def guest_at(self, row: int) -> Guest:
        return self._rows[row]

    # -- QAbstractTableModel ---------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else self._loaded

    def columnCount(self, parent: ModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(Column)

    def canFetchMore(self, parent: ModelIndex = _ROOT) -> bool:
        return not parent.isValid() and self._loaded < len(self._rows)

    def fetchMore(self, parent: ModelIndex = _ROOT) -> None:
        count = min(self.BATCH_SIZE, len(self._rows) - self._loaded)
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
        return HEADERS[Column(section)] if 0 <= section < len(Column) else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._loaded:
            return None
        guest = self._rows[index.row()]
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
                return STATUS_LABELS.get(guest.status, guest.status)
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
                return f"{fields.category}: zones {' '.join(guest.zones)}" if guest.zones else fields.category
            case Column.STATUS:
                return guest.status_reason
            case Column.CHECKED_IN if guest.checked_in_at is not None:
                by = f" by {guest.checked_in_by}" if guest.checked_in_by else ""
                station = f" at {guest.checked_in_station}" if guest.checked_in_station else ""
                return f"{guest.checked_in_at.astimezone():%Y-%m-%d %H:%M}{station}{by}"
            case Column.BADGE if guest.badge_printed_at is not None:
                return f"Badge {guest.badge_serial} printed {guest.badge_printed_at.astimezone():%Y-%m-%d %H:%M}"
        return ""
