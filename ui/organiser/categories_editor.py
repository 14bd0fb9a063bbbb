"""The categories and zones of an event: what each category is called, its colour, its default zones and rules.

Every save is one audited core service (`accreditor.services.categories`); the core refuses a bad
code or colour, a code already in use when adding, and deleting what a guest still has.  A badge
carries its category and zones, so after a category's zones change the dialog lists the printed
badges that no longer say what their guests may do.  `edit` says whether anything was saved, so
the event's views re-read the guests' zones only then.
"""

from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from accreditor import categories
from accreditor.acting_user import default_user
from accreditor.bulk import ReprintNeed
from accreditor.categories import Category, Zone
from accreditor.palette import MIN_DISTANCE, Clash
from accreditor.services import categories as category_service
from accreditor.services.categories import CategoryEdit, EventCategories
from accreditor.store import EventStore
from ui import jobs
from ui.guest_list import colour_icon

NEW_COLOUR = "#607D8B"
WARNING_STYLE = "QLabel { color: #8A3B00; font-weight: bold; }"
_YES = "✔"


def pick_colour(parent: QWidget | None, current: str) -> str | None:
    """The colour chosen as #RRGGBB, or None when the officer cancelled (tests replace this)."""
    colour = QColorDialog.getColor(
        QColor(current), parent, QCoreApplication.translate("CategoriesEditor", "Category colour")
    )
    return colour.name().upper() if colour.isValid() else None


def reprint_line(need: ReprintNeed) -> str:
    return QCoreApplication.translate("CategoriesEditor", "{name} (guest {guest}, badge {serial}) — {reason}").format(
        name=need.name, guest=need.guest_id, serial=need.serial, reason=need.reason
    )


class ReprintList(QWidget):
    """Printed badges that no longer say what their guests may do; hidden while there are none."""

    VISIBLE_ROWS = 5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet(WARNING_STYLE)
        self.list = QListWidget()
        self.list.setUniformItemSizes(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list)
        self.needs: list[ReprintNeed] = []
        self.hide()

    def show_needs(self, needs: Sequence[ReprintNeed]) -> None:
        self.needs = list(needs)
        self.list.clear()
        self.list.addItems([reprint_line(need) for need in needs])
        count = len(needs)
        if count == 1:
            self.title.setText(self.tr("1 printed badge no longer matches what its guest may do: reprint it."))
        else:
            self.title.setText(
                self.tr("{count} printed badges no longer match what their guests may do: reprint them.").format(
                    count=count
                )
            )
        # As tall as the list, up to a few lines: it is a warning above the work, not the work.
        rows = min(max(count, 1), self.VISIBLE_ROWS)
        self.list.setFixedHeight(rows * max(self.list.sizeHintForRow(0), 1) + 2 * self.list.frameWidth())
        self.setVisible(bool(needs))

    def lines(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]


def clash_text(colour_name: str, clash: Clash) -> str:
    """`Clash.describe` in the app's language."""
    return QCoreApplication.translate(
        "CategoriesEditorDialog",
        "{colour} is hard to tell from {other} with {vision} (ΔE {distance}, at least {minimum} is needed).",
    ).format(
        colour=colour_name,
        other=clash.other,
        vision=clash.vision,
        distance=QLocale().toString(clash.distance, "f", 1),
        minimum=QLocale().toString(float(MIN_DISTANCE), "g"),
    )


def _table(headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels([QCoreApplication.translate("CategoriesEditorDialog", text) for text in headers])
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setHighlightSections(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def _cell(text: str, *, centred: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if centred:
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    return item


def _heading() -> QLabel:
    label = QLabel()
    label.setStyleSheet("font-weight: bold; font-size: large;")
    return label


def _code_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setMaxLength(16)
    edit.setPlaceholderText(QCoreApplication.translate("categories_editor", "e.g. YTH"))
    edit.setToolTip(
        QCoreApplication.translate(
            "categories_editor", "Chosen once: printed badges, gates and guests' records know it by its code"
        )
    )
    return edit


class CategoriesEditorDialog(QDialog):
    """Two tabs, categories and zones, each a list and the form of the one selected (or a new one)."""

    CATEGORY_HEADERS = (
        QT_TRANSLATE_NOOP("CategoriesEditorDialog", "Code"),
        QT_TRANSLATE_NOOP("CategoriesEditorDialog", "Name"),
        QT_TRANSLATE_NOOP("CategoriesEditorDialog", "Default zones"),
        QT_TRANSLATE_NOOP("CategoriesEditorDialog", "Photo"),
        QT_TRANSLATE_NOOP("CategoriesEditorDialog", "Escort"),
    )
    ZONE_HEADERS = (
        QT_TRANSLATE_NOOP("CategoriesEditorDialog", "Code"),
        QT_TRANSLATE_NOOP("CategoriesEditorDialog", "Name"),
    )

    def __init__(self, store: EventStore, parent: QWidget | None = None, *, user: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Categories and zones"))
        self._store = store
        self.user = user or default_user()
        self._categories: list[Category] = []
        self._zones: list[Zone] = []
        self._colour = NEW_COLOUR
        # Whether the forms hold a new category / zone (added) or an existing one (saved in place).
        self._adding_category = True
        self._adding_zone = True
        self.saved = False  # anything saved since the editor opened: the guests' zones may have changed

        self.tabs = QTabWidget()
        self.tabs.addTab(self._categories_tab(), self.tr("Categories"))
        self.tabs.addTab(self._zones_tab(), self.tr("Zones"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.reprint_list = ReprintList()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, stretch=1)
        layout.addWidget(self.status)
        layout.addWidget(self.reprint_list)
        layout.addWidget(buttons)
        self.resize(880, 560)
        self.load()
        self.new_category()
        self.new_zone()
        self.category_table.setFocus()  # the list first: most visits change a category, not add one

    # -- building ------------------------------------------------------------------------------

    def _categories_tab(self) -> QWidget:
        self.category_table = _table(self.CATEGORY_HEADERS)
        self.category_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.category_table.itemSelectionChanged.connect(self._category_picked)
        self.new_category_button = QPushButton(self.tr("New category"))
        self.new_category_button.clicked.connect(self.new_category)
        self.delete_category_button = QPushButton(self.tr("Delete"))
        self.delete_category_button.clicked.connect(self.delete_category)

        self.category_heading = _heading()
        self.code_edit = _code_edit()
        self.name_edit = QLineEdit()
        self.colour_button = QPushButton()
        self.colour_button.clicked.connect(self.choose_colour)
        self.zones_box = QGroupBox(self.tr("Default zones"))
        self.zones_grid = QGridLayout(self.zones_box)
        self.zone_boxes: dict[str, QCheckBox] = {}
        self.photo_box = QCheckBox(self.tr("Photo required on the badge"))
        self.escort_box = QCheckBox(self.tr("Escort required"))
        self.aliases_edit = QLineEdit()
        self.aliases_edit.setPlaceholderText(self.tr("Other names in registration lists, comma-separated"))
        self.save_category_button = QPushButton(self.tr("Save category"))
        self.save_category_button.setDefault(True)
        self.save_category_button.clicked.connect(self.save_category)

        form = QFormLayout()
        form.addRow(self.category_heading)
        form.addRow(self.tr("Code"), self.code_edit)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Colour"), self.colour_button)
        form.addRow(self.tr("Also called"), self.aliases_edit)
        form.addRow("", self.photo_box)
        form.addRow("", self.escort_box)
        return self._tab(
            self.category_table,
            (self.new_category_button, self.delete_category_button),
            form,
            self.zones_box,
            self.save_category_button,
        )

    def _zones_tab(self) -> QWidget:
        self.zone_table = _table(self.ZONE_HEADERS)
        self.zone_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.zone_table.itemSelectionChanged.connect(self._zone_picked)
        self.new_zone_button = QPushButton(self.tr("New zone"))
        self.new_zone_button.clicked.connect(self.new_zone)
        self.delete_zone_button = QPushButton(self.tr("Delete"))
        self.delete_zone_button.clicked.connect(self.delete_zone)
        self.zone_heading = _heading()
        self.zone_code_edit = _code_edit()
        self.zone_name_edit = QLineEdit()
        self.save_zone_button = QPushButton(self.tr("Save zone"))
        self.save_zone_button.clicked.connect(self.save_zone)
        form = QFormLayout()
        form.addRow(self.zone_heading)
        form.addRow(self.tr("Code"), self.zone_code_edit)
        form.addRow(self.tr("Name"), self.zone_name_edit)
        hint = QLabel(self.tr("Badges and gates show zones by code; the name is for people."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5F6B73;")
        return self._tab(
            self.zone_table, (self.new_zone_button, self.delete_zone_button), form, hint, self.save_zone_button
        )

    @staticmethod
    def _tab(
        table: QTableWidget, list_buttons: Sequence[QPushButton], form: QFormLayout, extra: QWidget, save: QPushButton
    ) -> QWidget:
        """A list with its buttons on the left, the form of the selected entry on the right."""
        left = QVBoxLayout()
        left.addWidget(table, stretch=1)
        row = QHBoxLayout()
        for button in list_buttons:
            row.addWidget(button)
        row.addStretch(1)
        left.addLayout(row)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(extra)
        right.addStretch(1)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(save)
        right.addLayout(save_row)
        tab = QWidget()
        layout = QHBoxLayout(tab)
        layout.addLayout(left, stretch=3)
        layout.addLayout(right, stretch=2)
        return tab

    # -- reading -------------------------------------------------------------------------------

    def load(self) -> None:
        """Read the categories and zones again (in the background), keeping the entries selected."""
        store = self._store
        jobs.run_in_background(
            self,
            lambda _context: category_service.read(store),
            success=self._show_categories,
            label=self.tr("Cannot read the categories"),
        )

    def _show_categories(self, found: EventCategories) -> None:
        self._categories, self._zones = found.categories, found.zones
        zone_names = {zone.code: zone.name for zone in self._zones}
        picked_category, picked_zone = self.selected_category_code(), self.selected_zone_code()
        table = self.category_table
        table.blockSignals(True)
        table.setRowCount(len(self._categories))
        for row, category in enumerate(self._categories):
            code = _cell(category.code)
            code.setIcon(colour_icon(QColor(category.colour)))
            zones = _cell(" ".join(category.zones))
            zones.setToolTip("\n".join(f"{zone}: {zone_names.get(zone, zone)}" for zone in category.zones))
            for column, item in enumerate(
                (
                    code,
                    _cell(category.name),
                    zones,
                    _cell(_YES if category.photo_required else "", centred=True),
                    _cell(_YES if category.escort_required else "", centred=True),
                )
            ):
                table.setItem(row, column, item)
        table.blockSignals(False)
        self._fill_zone_table()
        self._build_zone_boxes()
        self._select_code(self.category_table, picked_category)
        self._select_code(self.zone_table, picked_zone)

    def _fill_zone_table(self) -> None:
        table = self.zone_table
        table.blockSignals(True)
        table.setRowCount(len(self._zones))
        for row, zone in enumerate(self._zones):
            table.setItem(row, 0, _cell(zone.code))
            table.setItem(row, 1, _cell(zone.name))
        table.blockSignals(False)

    def _build_zone_boxes(self) -> None:
        """One checkbox per zone of the event, keeping what the form had ticked."""
        ticked = self.ticked_zones()
        for box in self.zone_boxes.values():
            self.zones_grid.removeWidget(box)
            box.deleteLater()
        self.zone_boxes = {}
        for position, zone in enumerate(self._zones):
            box = QCheckBox(f"{zone.code} — {zone.name}")
            box.setChecked(zone.code in ticked)
            self.zones_grid.addWidget(box, position // 2, position % 2)
            self.zone_boxes[zone.code] = box

    @staticmethod
    def _select_code(table: QTableWidget, code: str | None) -> None:
        rows = [row for row in range(table.rowCount()) if code and table.item(row, 0).text() == code]
        if rows:
            table.selectRow(rows[0])
        else:
            table.clearSelection()

    @staticmethod
    def _selected_code(table: QTableWidget) -> str | None:
        rows = {index.row() for index in table.selectionModel().selectedRows()}
        return table.item(min(rows), 0).text() if rows else None

    def selected_category_code(self) -> str | None:
        return self._selected_code(self.category_table)

    def selected_zone_code(self) -> str | None:
        return self._selected_code(self.zone_table)

    def ticked_zones(self) -> tuple[str, ...]:
        return tuple(code for code, box in self.zone_boxes.items() if box.isChecked())

    # -- the category form ------------------------------------------------------------------------

    def _category_picked(self) -> None:
        code = self.selected_category_code()
        category = next((found for found in self._categories if found.code == code), None)
        self.delete_category_button.setEnabled(category is not None)
        if category is not None:
            self._show_category(category, new=False)

    def new_category(self) -> None:
        self.category_table.clearSelection()
        self.delete_category_button.setEnabled(False)
        self._show_category(Category("", "", NEW_COLOUR, ()), new=True)
        self.code_edit.setFocus()

    def _show_category(self, category: Category, *, new: bool) -> None:
        self._adding_category = new
        self.code_edit.setText(category.code)
        self.code_edit.setEnabled(new)  # a code is in printed badges and guests' records: it stays
        self.name_edit.setText(category.name)
        self._set_colour(category.colour)
        for code, box in self.zone_boxes.items():
            box.setChecked(code in category.zones)
        self.photo_box.setChecked(category.photo_required)
        self.escort_box.setChecked(category.escort_required)
        self.aliases_edit.setText(", ".join(category.aliases))
        self.aliases_edit.setCursorPosition(0)
        self.category_heading.setText(self.tr("New category") if new else f"{category.name} ({category.code})")
        self.save_category_button.setText(self.tr("Add category") if new else self.tr("Save category"))

    def _set_colour(self, colour: str) -> None:
        self._colour = colour
        self.colour_button.setIcon(colour_icon(QColor(colour), 16))
        self.colour_button.setText(f" {colour.upper()}")

    def choose_colour(self) -> None:
        colour = pick_colour(self, self._colour)
        if colour is not None:
            self._set_colour(colour)
            clash = categories.colour_clash(self.category_in_form(), self._categories)
            self.status.setText(
                clash_text(self.tr("The colour {colour}").format(colour=colour), clash) if clash else ""
            )

    def category_in_form(self) -> Category:
        aliases = tuple(alias.strip() for alias in self.aliases_edit.text().split(",") if alias.strip())
        return Category(
            code=self.code_edit.text().strip().upper(),
            name=" ".join(self.name_edit.text().split()),
            colour=self._colour,
            zones=self.ticked_zones(),
            aliases=aliases,
            photo_required=self.photo_box.isChecked(),
            escort_required=self.escort_box.isChecked(),
        )

    def save_category(self) -> None:
        """Save the form; then list the printed badges of the category that no longer match."""
        category = self.category_in_form()
        adding = self._adding_category

        def saved(edit: CategoryEdit) -> None:
            self._select_code(self.category_table, category.code)
            self._done(
                self.tr("Saved the category {name} ({code}).").format(name=category.name, code=category.code),
                edit.reprint_needs,
            )

        self._write(
            "save the category",
            lambda store: category_service.save_category(store, category, self.user, new=adding),
            saved,
        )

    def delete_category(self) -> None:
        code = self.selected_category_code()
        if code is None:
            return

        def deleted(_edit: CategoryEdit) -> None:
            self.new_category()
            self._done(self.tr("Deleted the category {code}.").format(code=code))

        self._write(
            "delete the category", lambda store: category_service.delete_category(store, code, self.user), deleted
        )

    # -- the zone form --------------------------------------------------------------------------------

    def _zone_picked(self) -> None:
        code = self.selected_zone_code()
        zone = next((found for found in self._zones if found.code == code), None)
        self.delete_zone_button.setEnabled(zone is not None)
        if zone is not None:
            self._show_zone(zone, new=False)

    def new_zone(self) -> None:
        self.zone_table.clearSelection()
        self.delete_zone_button.setEnabled(False)
        self._show_zone(Zone("", ""), new=True)

    def _show_zone(self, zone: Zone, *, new: bool) -> None:
        self._adding_zone = new
        self.zone_code_edit.setText(zone.code)
        self.zone_code_edit.setEnabled(new)
        self.zone_name_edit.setText(zone.name)
        self.zone_heading.setText(self.tr("New zone") if new else f"{zone.name} ({zone.code})")
        self.save_zone_button.setText(self.tr("Add zone") if new else self.tr("Save zone"))

    def save_zone(self) -> None:
        zone = Zone(self.zone_code_edit.text().strip().upper(), " ".join(self.zone_name_edit.text().split()))
        adding = self._adding_zone

        def saved(_edit: CategoryEdit) -> None:
            self._select_code(self.zone_table, zone.code)
            self._done(self.tr("Saved the zone {name} ({code}).").format(name=zone.name, code=zone.code))

        self._write(
            "save the zone", lambda store: category_service.save_zone(store, zone, self.user, new=adding), saved
        )

    def delete_zone(self) -> None:
        code = self.selected_zone_code()
        if code is None:
            return

        def deleted(_edit: CategoryEdit) -> None:
            self.new_zone()
            self._done(self.tr("Deleted the zone {code}.").format(code=code))

        self._write("delete the zone", lambda store: category_service.delete_zone(store, code, self.user), deleted)

    # -- writing ------------------------------------------------------------------------------------

    def _write(
        self, what: str, operation: Callable[[EventStore], CategoryEdit], done: Callable[[CategoryEdit], None]
    ) -> None:
        """Run one core edit in the background and read the categories back; then show them and call `done`.
        A refusal reaches the one error dialog and changes nothing."""
        store = self._store

        def work(_context: jobs.JobContext) -> tuple[CategoryEdit, EventCategories]:
            edit = operation(store)
            return edit, category_service.read(store)

        def succeeded(outcome: tuple[CategoryEdit, EventCategories]) -> None:
            edit, found = outcome
            self.saved = True
            self._show_categories(found)
            done(edit)

        jobs.run_in_background(self, work, success=succeeded, label=f"Cannot {what}")

    def _done(self, text: str, needs: Sequence[ReprintNeed] = ()) -> None:
        self.status.setText(text)
        self.reprint_list.show_needs(needs)

    @classmethod
    def edit(cls, parent: QWidget | None, store: EventStore, *, user: str | None = None) -> bool:
        """Open the editor until the officer closes it; True if anything was saved (tests replace this)."""
        dialog = cls(store, parent, user=user)
        try:
            dialog.exec()
            return dialog.saved
        finally:
            dialog.deleteLater()
