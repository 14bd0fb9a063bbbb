"""The categories and zones editor: round trips through the core, refusals shown, badges to reprint listed."""

import pytest

from accreditor import audit, categories, guests
from accreditor.badges.printing import record_serials
from accreditor.categories import Category, Zone
from accreditor.store import EventStore
from ui.organiser import categories_editor
from ui.organiser.categories_editor import CategoriesEditorDialog

OFFICER = "a.karimova"


@pytest.fixture
def editor(qtbot, event_store: EventStore, inline_jobs: None) -> CategoriesEditorDialog:
    dialog = CategoriesEditorDialog(event_store, user=OFFICER)
    qtbot.addWidget(dialog)
    return dialog


@pytest.fixture
def picked_colours(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The colour dialog answers "#FF8800"; the colours it was opened with are recorded."""
    opened: list[str] = []

    def pick(_parent: object, current: str) -> str:
        opened.append(current)
        return "#FF8800"

    monkeypatch.setattr(categories_editor, "pick_colour", pick)
    return opened


def stored_categories(store: EventStore) -> dict[str, Category]:
    with store.connect() as connection:
        return {category.code: category for category in categories.list_categories(connection)}


def stored_zones(store: EventStore) -> dict[str, Zone]:
    with store.connect() as connection:
        return {zone.code: zone for zone in categories.list_zones(connection)}


def select_code(table, code: str) -> None:
    [row] = [row for row in range(table.rowCount()) if table.item(row, 0).text() == code]
    table.selectRow(row)


def table_codes(table) -> list[str]:
    return [table.item(row, 0).text() for row in range(table.rowCount())]


def test_the_editor_lists_the_categories_and_zones(editor: CategoriesEditorDialog) -> None:
    assert table_codes(editor.category_table) == ["HOD", "DEL", "OBS", "VIP", "MED", "ORG", "STF", "SEC", "INT", "TEC"]
    assert table_codes(editor.zone_table) == ["PLN", "VIP", "PRS", "BIL", "SRV"]
    vip_row = table_codes(editor.category_table).index("VIP")
    assert editor.category_table.item(vip_row, 2).text() == "PLN VIP BIL"
    assert editor.category_table.item(vip_row, 4).text() == "✔"  # escort required
    assert list(editor.zone_boxes) == ["PLN", "VIP", "PRS", "BIL", "SRV"]


def test_a_new_category_round_trip(
    editor: CategoriesEditorDialog, event_store: EventStore, picked_colours: list[str]
) -> None:
    editor.new_category_button.click()
    editor.code_edit.setText("yth")
    editor.name_edit.setText("  Youth   delegate ")
    editor.colour_button.click()
    editor.zone_boxes["PLN"].setChecked(True)
    editor.zone_boxes["PRS"].setChecked(True)
    editor.photo_box.setChecked(True)
    editor.aliases_edit.setText("Молодёжный делегат, Jeune délégué")

    editor.save_category_button.click()

    assert picked_colours == [categories_editor.NEW_COLOUR]
    assert stored_categories(event_store)["YTH"] == Category(
        "YTH", "Youth delegate", "#FF8800", ("PLN", "PRS"), ("Молодёжный делегат", "Jeune délégué"), True, False
    )
    assert table_codes(editor.category_table)[-1] == "YTH"
    assert editor.selected_category_code() == "YTH"
    assert not editor.code_edit.isEnabled()  # saved: its code is now fixed
    assert editor.status.text() == "Saved the category Youth delegate (YTH)."
    with event_store.connect() as connection:
        assert [entry.action for entry in audit.history(connection)][-1] == "category.saved"


def test_editing_a_category_fills_the_form_and_saves_in_place(
    editor: CategoriesEditorDialog, event_store: EventStore
) -> None:
    select_code(editor.category_table, "DEL")
    assert (editor.code_edit.text(), editor.name_edit.text()) == ("DEL", "Delegate")
    assert editor.ticked_zones() == ("PLN", "BIL")
    assert not editor.code_edit.isEnabled()

    editor.name_edit.setText("Delegation member")
    editor.escort_box.setChecked(True)
    editor.save_category()

    saved = stored_categories(event_store)["DEL"]
    assert (saved.name, saved.escort_required, saved.colour) == ("Delegation member", True, "#1565C0")
    assert list(stored_categories(event_store)).index("DEL") == 1  # kept its place


def test_a_new_category_with_a_code_in_use_is_refused(
    editor: CategoriesEditorDialog, event_store: EventStore, shown_errors
) -> None:
    editor.new_category()
    editor.code_edit.setText("del")
    editor.name_edit.setText("Impostor")

    editor.save_category()

    [error] = shown_errors
    assert error.text == "The event already has a category DEL."
    assert stored_categories(event_store)["DEL"].name == "Delegate"


def test_a_category_the_core_refuses_is_not_saved(
    editor: CategoriesEditorDialog, event_store: EventStore, shown_errors
) -> None:
    editor.new_category()
    editor.code_edit.setText("YTH")

    editor.save_category()

    [error] = shown_errors
    assert error.title == "Cannot save the category"
    assert "needs a name" in error.text
    assert "YTH" not in stored_categories(event_store)


def test_an_unused_category_is_deleted(editor: CategoriesEditorDialog, event_store: EventStore) -> None:
    select_code(editor.category_table, "TEC")

    editor.delete_category_button.click()

    assert "TEC" not in stored_categories(event_store)
    assert "TEC" not in table_codes(editor.category_table)
    assert editor.status.text() == "Deleted the category TEC."


def test_deleting_a_category_guests_have_is_refused(
    editor: CategoriesEditorDialog, event_store: EventStore, shown_errors
) -> None:
    select_code(editor.category_table, "DEL")

    editor.delete_category()

    [error] = shown_errors
    assert error.text.startswith("Category Delegate (DEL) cannot be deleted: 3 guests have it.")
    assert "DEL" in stored_categories(event_store)


def test_a_zone_round_trip_reaches_the_category_form(editor: CategoriesEditorDialog, event_store: EventStore) -> None:
    editor.tabs.setCurrentIndex(1)
    editor.new_zone_button.click()
    editor.zone_code_edit.setText("din")
    editor.zone_name_edit.setText("Dining hall")
    editor.save_zone_button.click()

    assert stored_zones(event_store)["DIN"] == Zone("DIN", "Dining hall")
    assert table_codes(editor.zone_table)[-1] == "DIN"
    assert editor.zone_boxes["DIN"].text() == "DIN — Dining hall"

    select_code(editor.zone_table, "DIN")
    editor.zone_name_edit.setText("Restaurant")
    editor.save_zone()
    assert stored_zones(event_store)["DIN"] == Zone("DIN", "Restaurant")
    assert editor.zone_boxes["DIN"].text() == "DIN — Restaurant"


def test_a_new_zone_with_a_code_in_use_is_refused(
    editor: CategoriesEditorDialog, event_store: EventStore, shown_errors
) -> None:
    editor.new_zone()
    editor.zone_code_edit.setText("VIP")
    editor.zone_name_edit.setText("Very important place")

    editor.save_zone()

    [error] = shown_errors
    assert error.text == "The event already has a zone VIP."
    assert stored_zones(event_store)["VIP"].name == "VIP lounge"


def test_deleting_a_zone_guests_have_is_refused(
    editor: CategoriesEditorDialog, event_store: EventStore, shown_errors
) -> None:
    select_code(editor.zone_table, "BIL")

    editor.delete_zone_button.click()

    [error] = shown_errors
    assert error.title == "Cannot delete the zone"
    assert error.text.startswith("Zone Bilateral rooms (BIL) cannot be deleted: 4 guests have access to it.")
    assert "BIL" in stored_zones(event_store)


def test_an_unused_zone_is_deleted_and_leaves_the_form(editor: CategoriesEditorDialog, event_store: EventStore) -> None:
    select_code(editor.zone_table, "SRV")  # Staff, Security, Organiser…: nobody in this event

    editor.delete_zone()

    assert "SRV" not in stored_zones(event_store)
    assert "SRV" not in editor.zone_boxes
    assert "SRV" not in stored_categories(event_store)["STF"].zones


def test_changing_a_categorys_zones_lists_the_printed_badges_to_reprint(
    editor: CategoriesEditorDialog, event_store: EventStore
) -> None:
    with event_store.begin() as connection:
        delegates = {guest.fields.family_name: guest.id for guest in guests.list_guests(connection, category="DEL")}
        record_serials(connection, [(delegates["الهاشمي"], 1)], actor=OFFICER, station="Print room")
    select_code(editor.category_table, "DEL")
    editor.zone_boxes["PRS"].setChecked(True)
    editor.zone_boxes["BIL"].setChecked(False)

    editor.save_category()

    assert editor.reprint_list.isVisibleTo(editor)
    assert editor.reprint_list.title.text() == "1 printed badge no longer matches what its guest may do: reprint it."
    assert editor.reprint_list.lines() == [
        f"محمد الهاشمي (guest {delegates['الهاشمي']}, badge 1) — zones added: PRS; zones removed: BIL"
    ]


def test_a_change_no_printed_badge_shows_lists_nothing(editor: CategoriesEditorDialog) -> None:
    select_code(editor.category_table, "OBS")  # Smith, pending and never printed
    editor.zone_boxes["PRS"].setChecked(True)

    editor.save_category()

    assert not editor.reprint_list.isVisibleTo(editor)
