"""A small read-only table of rows held in memory: the one base of the app's little tables."""

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

ModelIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class RowsModel(QAbstractTableModel):
    """A small read-only table of rows held in memory, sortable by a key per column (reports have hundreds of
    rows at most, so sorting here is instant).  Subclasses say what a cell shows and how a column sorts."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._natural: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._natural = list(rows)
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def headers(self) -> tuple[str, ...]:
        # The subclasses mark their headers with QT_TRANSLATE_NOOP under their own class name.
        return tuple(QCoreApplication.translate(type(self).__name__, header) for header in self.HEADERS)

    def rowCount(self, parent: ModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers())

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        headers = self.headers()
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self.cell(self._rows[index.row()], index.column(), role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        if 0 <= column < len(self.headers()):
            key = self.sort_key(column)
            self._rows = sorted(self._natural, key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        else:
            self._rows = list(self._natural)
        self.layoutChanged.emit()

    def cell(self, row: Any, column: int, role: int) -> Any:
        raise NotImplementedError

    def sort_key(self, column: int) -> Callable[[Any], Any]:
        raise NotImplementedError
