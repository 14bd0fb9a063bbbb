"""GuestListWidget: searching as you type, the filters, header sorting and activating a guest."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QTableView

from accreditor.session import open_session
from accreditor.store import EventStore
from ui.guest_list import SEARCH_PLACEHOLDER, GuestListWidget
from ui.guest_table_model import Column, GuestTableModel


@pytest.fixture
def guest_list(qtbot, event_store: EventStore) -> GuestListWidget:
    widget = GuestListWidget(GuestTableModel(open_session(event_store)))
    qtbot.addWidget(widget)
    widget.resize(1100, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shown_names(widget: GuestListWidget) -> list[str]:
    model = widget.model
    return [model.data(model.index(row, Column.NAME)) for row in range(model.rowCount())]


def click_header(qtbot, table: QTableView, column: Column) -> None:
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def test_the_search_box_says_what_it_searches(guest_list: GuestListWidget) -> None:
    assert guest_list.search_box.placeholderText() == SEARCH_PLACEHOLDER
    assert len(shown_names(guest_list)) == 6


@pytest.mark.parametrize("query", ["rahm", "jamshed"])
def test_typing_a_latin_query_lists_the_cyrillic_guest(qtbot, guest_list: GuestListWidget, query: str) -> None:
    qtbot.keyClicks(guest_list.search_box, query)
    qtbot.waitUntil(lambda: shown_names(guest_list) == ["Ҷамшед Рахмонов"])


def test_typing_waits_for_a_pause_before_searching(qtbot, guest_list: GuestListWidget) -> None:
    qtbot.keyClicks(guest_list.search_box, "smith")
    assert guest_list.model.guest_filter.query == ""  # not yet: the user may still be typing
    qtbot.waitUntil(lambda: guest_list.model.guest_filter.query == "smith")
    assert shown_names(guest_list) == ["Anna Smith"]


def test_enter_searches_at_once(qtbot, guest_list: GuestListWidget) -> None:
    qtbot.keyClicks(guest_list.search_box, "league")
    qtbot.keyClick(guest_list.search_box, Qt.Key.Key_Return)
    assert shown_names(guest_list) == ["محمد الهاشمي"]


def test_clearing_the_search_shows_everyone_again(qtbot, guest_list: GuestListWidget) -> None:
    guest_list.search_box.setText("wang")
    guest_list.apply_filter()
    assert shown_names(guest_list) == ["王伟"]
    assert guest_list.count_label.text() == "Showing 1 of 6"
    guest_list.search_box.clear()
    guest_list.apply_filter()
    assert len(shown_names(guest_list)) == 6
    assert guest_list.count_label.text() == ""


def test_the_status_filter_shows_only_that_status(guest_list: GuestListWidget) -> None:
    combo = guest_list.status_combo
    assert [combo.itemText(row) for row in range(combo.count())] == [
        "All statuses",
        "Pending",
        "Approved",
        "Rejected",
        "Revoked",
    ]
    combo.setCurrentIndex(combo.findData("approved"))
    assert sorted(shown_names(guest_list)) == ["Ҷамшед Рахмонов", "محمد الهاشمي"]
    model = guest_list.model
    assert {model.guest_at(row).status for row in range(model.rowCount())} == {"approved"}
    combo.setCurrentIndex(0)
    assert len(shown_names(guest_list)) == 6


def test_the_category_filter_lists_the_event_categories(guest_list: GuestListWidget) -> None:
    combo = guest_list.category_combo
    assert combo.itemText(0) == "All categories"
    assert combo.itemText(1) == "Head of Delegation"
    assert not combo.itemIcon(1).isNull()
    combo.setCurrentIndex(combo.findData("DEL"))
    assert sorted(shown_names(guest_list)) == ["Мария Иванова", "محمد الهاشمي", "王伟"]


def test_search_and_filters_combine(qtbot, guest_list: GuestListWidget) -> None:
    guest_list.category_combo.setCurrentIndex(guest_list.category_combo.findData("DEL"))
    guest_list.status_combo.setCurrentIndex(guest_list.status_combo.findData("pending"))
    qtbot.keyClicks(guest_list.search_box, "mariya")
    qtbot.waitUntil(lambda: shown_names(guest_list) == ["Мария Иванова"])


def test_clicking_a_header_sorts_by_that_column(qtbot, guest_list: GuestListWidget) -> None:
    table = guest_list.table
    assert table.horizontalHeader().sortIndicatorSection() == -1  # id order until asked
    click_header(qtbot, table, Column.NAME_LATIN)
    model = guest_list.model
    latin = [model.data(model.index(row, Column.NAME_LATIN)) for row in range(model.rowCount())]
    family = [model.guest_at(row).fields.family_name_latin for row in range(model.rowCount())]
    assert family == sorted(family)
    assert latin[0] == "Mhmd Alhashmi"
    click_header(qtbot, table, Column.NAME_LATIN)
    assert [model.guest_at(row).fields.family_name_latin for row in range(model.rowCount())] == family[::-1]


def test_enter_on_a_row_activates_that_guest(qtbot, guest_list: GuestListWidget) -> None:
    table = guest_list.table
    table.setFocus()
    table.setCurrentIndex(guest_list.model.index(1, Column.NAME))
    with qtbot.waitSignal(guest_list.guest_activated) as activated:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert activated.args == [guest_list.model.guest_at(1).id]


def test_the_category_choice_survives_a_refresh(guest_list: GuestListWidget) -> None:
    combo = guest_list.category_combo
    combo.setCurrentIndex(combo.findData("DEL"))
    guest_list.refresh()
    assert combo.currentData() == "DEL"
    assert len(shown_names(guest_list)) == 3
