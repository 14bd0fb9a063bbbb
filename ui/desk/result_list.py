"""The matches listed under the desk's search field, best first, at most a screenful.

The list never takes focus: the operator keeps typing in the field and moves through the matches
with the arrow keys there, so a scan or the next name can follow without a click.
"""

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from accreditor.categories import Category
from accreditor.guests import Guest
from accreditor.vocabulary import GuestStatus
from ui import i18n

ModelIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
GUEST_ID_ROLE = Qt.ItemDataRole.UserRole


def result_lines(guest: Guest) -> str:
    """Two lines: the name as written (and in Latin when different), then their state and where they come from.

    The state comes first on its line: a long organisation is cut at the right edge, never the state.
    """
    name = guest.full_name
    latin = guest.name_latin
    first = f"{name}   ({latin})" if latin and latin != name else name
    state = [] if guest.status == GuestStatus.APPROVED else [i18n.status_label(guest.status).upper()]
    if guest.checked_in_at is not None:
        state.append(QCoreApplication.translate("ResultListModel", "✔ checked in"))
    fields = guest.fields
    second = " · ".join(part for part in (*state, fields.organisation, i18n.country_text(fields.country)) if part)
    return f"{first}\n{second}" if second else first


class ResultListModel(QAbstractListModel):
    """Search results as rows; `GUEST_ID_ROLE` gives a row's guest id."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._guests: list[Guest] = []
        self._colours: dict[str, QColor] = {}

    def set_results(self, guests: Sequence[Guest], categories: Mapping[str, Category] | None = None) -> None:
        self.beginResetModel()
        self._guests = list(guests)
        if categories is not None:
            self._colours = {code: QColor(category.colour) for code, category in categories.items()}
        self.endResetModel()

    def clear(self) -> None:
        self.set_results([])

    def guest_at(self, row: int) -> Guest:
        return self._guests[row]

    def row_of(self, guest_id: int) -> int | None:
        return next((row for row, guest in enumerate(self._guests) if guest.id == guest_id), None)

    def update_guest(self, guest: Guest) -> None:
        """Show a guest's new state (checked in, edited) where they are listed."""
        row = self.row_of(guest.id)
        if row is None:
            return
        self._guests[row] = guest
        changed = self.index(row, 0)
        self.dataChanged.emit(changed, changed)

    def rowCount(self, parent: ModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._guests)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._guests) or index.column() != 0:
            return None
        guest = self._guests[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return result_lines(guest)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._colours.get(guest.fields.category)
        if role == Qt.ItemDataRole.ToolTipRole:
            reason = f": {guest.status_reason}" if guest.status_reason else ""
            return f"{i18n.status_label(guest.status)}{reason}"
        if role == GUEST_ID_ROLE:
            return guest.id
        return None


class ResultList(QListView):
    """The view of a `ResultListModel`, moved from the search field; emits `clicked` for the mouse."""

    def __init__(self, model: ResultListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setUniformItemSizes(True)  # rows are never measured one by one
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSpacing(2)
        font = QFont(self.font())
        font.setPointSize(13)
        self.setFont(font)

    def result_model(self) -> ResultListModel:
        model = self.model()
        assert isinstance(model, ResultListModel)
        return model

    def current_guest_id(self) -> int | None:
        index = self.currentIndex()
        return index.data(GUEST_ID_ROLE) if index.isValid() else None

    def select_row(self, row: int) -> None:
        count = self.result_model().rowCount()
        if count == 0:
            return
        index = self.result_model().index(max(0, min(row, count - 1)), 0)
        self.setCurrentIndex(index)
        self.scrollTo(index)

    def move_current(self, rows: int) -> None:
        """Up/Down (±1) or a page (±n) from the field; the first move from nothing lands on the first row."""
        current = self.currentIndex()
        self.select_row(current.row() + rows if current.isValid() else 0)
