"""GuestTableModel: core-side search, filters and sorting, colours, and batching for large events."""

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableView

from accreditor import guests
from accreditor.categories import STANDARD_CATEGORIES
from accreditor.changes import Changes, Topic
from accreditor.guests import Guest, GuestFields
from accreditor.session import EventSession, open_session
from accreditor.store import EventStore
from ui.guest_table_model import STATUS_SWATCHES, Column, GuestTableModel

DISPLAY = Qt.ItemDataRole.DisplayRole


@pytest.fixture
def model(event_store: EventStore) -> GuestTableModel:
    return GuestTableModel(open_session(event_store))


def column_values(model: GuestTableModel, column: Column, role: int = DISPLAY) -> list[object]:
    return [model.data(model.index(row, column), role) for row in range(model.rowCount())]


def row_of(model: GuestTableModel, family_name: str) -> int:
    return next(row for row in range(model.rowCount()) if model.guest_at(row).fields.family_name == family_name)


def test_model_passes_the_model_tester(qtmodeltester, model: GuestTableModel) -> None:
    assert model.rowCount() == 6
    qtmodeltester.check(model, force_py=True)


def test_model_passes_the_model_tester_after_a_filter_and_a_sort(qtmodeltester, model: GuestTableModel) -> None:
    model.set_filter(status="approved")
    model.sort(Column.NAME_LATIN, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model, force_py=True)


def test_columns_have_their_headers(model: GuestTableModel) -> None:
    headers = [model.headerData(column, Qt.Orientation.Horizontal) for column in range(model.columnCount())]
    assert headers == [
        "ID",
        "Name (as written)",
        "Name (Latin)",
        "Organisation",
        "Country",
        "Category",
        "Status",
        "Checked in",
        "Badge",
    ]


def test_a_row_shows_the_guest_as_written_and_in_latin(model: GuestTableModel) -> None:
    row = row_of(model, "Рахмонов")
    cells = [model.data(model.index(row, column)) for column in Column]
    assert cells[Column.NAME] == "Ҷамшед Рахмонов"
    assert cells[Column.NAME_LATIN] == "Jamshed Rakhmonov"
    assert cells[Column.COUNTRY] == "Tajikistan"
    assert cells[Column.CATEGORY] == "Head of Delegation"
    assert cells[Column.STATUS] == "Approved"
    assert cells[Column.CHECKED_IN]  # a time
    assert model.data(model.index(row, Column.CHECKED_IN), Qt.ItemDataRole.ToolTipRole).endswith("at Desk 1 by tester")
    assert model.data(model.index(row, Column.ID), Qt.ItemDataRole.UserRole) == model.guest_at(row).id


def test_chinese_names_are_written_family_name_first(model: GuestTableModel) -> None:
    assert model.data(model.index(row_of(model, "王"), Column.NAME)) == "王伟"


@pytest.mark.parametrize("query", ["rahm", "jamshed", "Dzhamshed", "Рахмонов"])
def test_a_query_in_any_script_finds_the_tajik_guest(model: GuestTableModel, query: str) -> None:
    model.set_filter(query)
    assert column_values(model, Column.NAME) == ["Ҷамшед Рахмонов"]


def test_a_query_matches_the_organisation(model: GuestTableModel) -> None:
    model.set_filter("league arab")
    assert column_values(model, Column.NAME_LATIN) == [model.guest_at(0).name_latin]
    assert model.guest_at(0).fields.organisation == "League of Arab States"


def test_a_query_that_matches_nobody_leaves_an_empty_table(model: GuestTableModel) -> None:
    model.set_filter("zzzzqx")
    assert model.rowCount() == 0
    assert model.match_count() == 0


@pytest.mark.parametrize(
    ("status", "expected"), [("pending", 2), ("approved", 2), ("rejected", 1), ("revoked", 1), (None, 6)]
)
def test_the_status_filter_shows_only_that_status(model: GuestTableModel, status: str | None, expected: int) -> None:
    model.set_filter(status=status)
    assert model.rowCount() == expected
    if status:
        assert {model.guest_at(row).status for row in range(model.rowCount())} == {status}


def test_the_category_filter_combines_with_the_query(model: GuestTableModel) -> None:
    model.set_filter(category="DEL")
    assert model.rowCount() == 3
    model.set_filter("ivanova", category="DEL")
    assert column_values(model, Column.NAME) == ["Мария Иванова"]
    model.set_filter("ivanova", category="HOD")
    assert model.rowCount() == 0


def test_sorting_by_latin_name_both_ways_and_back_to_id_order(model: GuestTableModel) -> None:
    ids = column_values(model, Column.ID, Qt.ItemDataRole.UserRole)
    assert ids == sorted(ids)
    model.sort(Column.NAME_LATIN, Qt.SortOrder.AscendingOrder)
    families = [model.guest_at(row).fields.family_name_latin for row in range(model.rowCount())]
    assert families == sorted(families, key=str.casefold)
    assert families[0] == "Alhashmi"
    model.sort(Column.NAME_LATIN, Qt.SortOrder.DescendingOrder)
    assert [model.guest_at(row).fields.family_name_latin for row in range(6)] == families[::-1]
    model.sort(-1)
    assert column_values(model, Column.ID, Qt.ItemDataRole.UserRole) == ids


def test_sorting_by_name_as_written_orders_by_family_name(model: GuestTableModel) -> None:
    model.sort(Column.NAME, Qt.SortOrder.AscendingOrder)
    assert [model.guest_at(row).fields.family_name for row in range(6)] == [
        "Dubois",
        "Smith",
        "Иванова",
        "Рахмонов",
        "الهاشمي",
        "王",
    ]


def test_a_sort_survives_a_new_filter(model: GuestTableModel) -> None:
    model.sort(Column.NAME_LATIN, Qt.SortOrder.DescendingOrder)
    model.set_filter(status="pending")
    assert column_values(model, Column.NAME_LATIN) == ["Anna Smith", "Mariya Ivanova"]


def test_sorting_keeps_persistent_indexes_on_their_guest(model: GuestTableModel) -> None:
    row = row_of(model, "Smith")
    kept = QPersistentModelIndex(model.index(row, Column.NAME))
    model.sort(Column.NAME_LATIN, Qt.SortOrder.AscendingOrder)
    assert kept.isValid()
    assert kept.row() != row
    assert model.guest_at(kept.row()).fields.family_name == "Smith"


def test_the_status_cell_is_coloured_by_status(model: GuestTableModel) -> None:
    for row in range(model.rowCount()):
        status = model.guest_at(row).status
        index = model.index(row, Column.STATUS)
        assert model.data(index, Qt.ItemDataRole.BackgroundRole) == STATUS_SWATCHES[status].background
        assert model.data(index, Qt.ItemDataRole.ForegroundRole) == STATUS_SWATCHES[status].foreground
    assert model.data(model.index(0, Column.NAME), Qt.ItemDataRole.BackgroundRole) is None
    greens = STATUS_SWATCHES["approved"].background
    assert greens.green() > greens.red()


def test_the_category_cell_shows_the_category_colour(model: GuestTableModel) -> None:
    row = row_of(model, "Рахмонов")
    colour = model.data(model.index(row, Column.CATEGORY), Qt.ItemDataRole.DecorationRole)
    assert colour == QColor(next(c.colour for c in STANDARD_CATEGORIES if c.code == "HOD"))


def test_a_rejected_guest_shows_the_reason_on_the_status(model: GuestTableModel) -> None:
    row = row_of(model, "王")
    assert model.data(model.index(row, Column.STATUS), Qt.ItemDataRole.ToolTipRole) == "Registration incomplete"


def test_counts_for_the_status_bar(model: GuestTableModel) -> None:
    model.set_filter(status="pending")
    assert (model.guest_count(), model.checked_in_count(), model.match_count()) == (6, 1, 2)


def test_refresh_shows_what_the_session_was_told_changed(
    model: GuestTableModel, event_store: EventStore, qtbot
) -> None:
    model.set_filter("nazarov")
    assert model.rowCount() == 0
    with event_store.begin() as connection:
        added = guests.add_guest(connection, GuestFields("Назаров", "Фаридун", country="TJ"), actor="tester")
    assert model.session is not None
    model.session.apply(Changes.of(Topic.GUESTS, guests=[added]))
    with qtbot.waitSignal(model.modelReset):
        model.refresh()
    assert column_values(model, Column.NAME) == ["Фаридун Назаров"]
    assert model.guest_count() == 7


# -- a large event --------------------------------------------------------------------------------

LARGE = 100_000
STATUSES = ("pending", "approved", "rejected", "revoked")
CREATED = datetime(2027, 4, 1, tzinfo=UTC)


def synthetic_guests(count: int) -> list[Guest]:
    """Guest rows built in memory: as the model sees them, without 100,000 inserts into SQLite."""
    return [
        Guest(
            id=number,
            fields=GuestFields(
                family_name=f"Family{number:06d}",
                given_name="Given",
                family_name_latin=f"Family{number:06d}",
                given_name_latin="Given",
                organisation=f"Organisation {number % 300}",
                country="TJ",
                category="DEL",
            ),
            status=STATUSES[number % 4],
            status_reason="",
            zones=("PLN",),
            checked_in_at=CREATED if number % 10 == 0 else None,
            checked_in_station="",
            checked_in_by="",
            badge_serial=None,
            badge_printed_at=None,
            has_photo=False,
            created_at=CREATED,
            updated_at=CREATED,
        )
        for number in range(1, count + 1)
    ]


@pytest.fixture(scope="module")
def large_guests() -> list[Guest]:
    return synthetic_guests(LARGE)


def test_a_large_event_is_handed_to_views_in_batches(large_guests: list[Guest]) -> None:
    model = GuestTableModel()
    model.set_guests(large_guests, STANDARD_CATEGORIES)
    assert model.match_count() == LARGE
    assert model.rowCount() == GuestTableModel.BATCH_SIZE
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * GuestTableModel.BATCH_SIZE
    assert model.data(model.index(model.rowCount() - 1, Column.ID)) == str(2 * GuestTableModel.BATCH_SIZE)
    assert model.checked_in_count() == LARGE // 10


class RecordingModel(GuestTableModel):
    """Notes which rows a view asks about."""

    def __init__(self) -> None:
        super().__init__()
        self.asked_rows: set[int] = set()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> object:
        self.asked_rows.add(index.row())
        return super().data(index, role)


def test_a_view_on_a_large_event_fetches_only_what_it_shows(qtbot, large_guests: list[Guest]) -> None:
    model = RecordingModel()
    model.set_guests(large_guests, STANDARD_CATEGORIES)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(800, 600)
    view.show()
    qtbot.waitExposed(view)
    view.scrollToBottom()  # as far as fetched: the view fetches one more batch, not the whole event
    qtbot.wait(10)
    assert GuestTableModel.BATCH_SIZE < model.rowCount() < 5 * GuestTableModel.BATCH_SIZE
    assert 0 < len(model.asked_rows) < GuestTableModel.BATCH_SIZE


def test_a_large_event_sorts_and_filters_core_side(large_guests: list[Guest]) -> None:
    model = GuestTableModel()
    model.set_guests(large_guests, STANDARD_CATEGORIES)
    model.sort(Column.NAME_LATIN, Qt.SortOrder.DescendingOrder)
    assert model.guest_at(0).id == LARGE
    assert model.rowCount() == GuestTableModel.BATCH_SIZE
    model.set_filter(status="approved")
    assert model.match_count() == LARGE // 4
    assert model.guest_at(0).id == LARGE - 3  # the last approved: still sorted, descending


def test_a_query_waits_for_the_index(event_store: EventStore) -> None:
    session = EventSession(event_store)
    session.load()
    model = GuestTableModel(session)
    assert model.rowCount() == 6
    model.set_filter("smith")
    assert model.rowCount() == 0
    assert model.is_searching_unindexed()
    session.build_index()
    model.refresh()
    assert not model.is_searching_unindexed()
    assert column_values(model, Column.NAME) == ["Anna Smith"]


def test_rows_given_without_an_index_are_searchable(large_guests: list[Guest]) -> None:
    model = GuestTableModel()
    model.set_guests(large_guests[:2000])
    model.set_filter("family001234")
    assert [model.guest_at(row).id for row in range(model.rowCount())] == [1234]
