"""The organiser's guest page: filters, bulk decisions that ask first, the selected guest's details and history."""

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

import pytest
from PySide6.QtCore import Qt

from accreditor import audit, categories, guests, workflow
from accreditor.badges.printing import current_token, record_serials
from accreditor.changes import Changes, Topic
from accreditor.guests import GuestFields
from accreditor.store import EventStore
from accreditor.verification import EventVerifier
from tests.ui.conftest import organiser_page
from ui.desk import reason_dialog
from ui.desk.guest_form import GuestFormDialog
from ui.guest_table_model import Column, GuestFilter
from ui.organiser import guests_page
from ui.organiser.categories_editor import CategoriesEditorDialog
from ui.organiser.guests_page import OrganiserGuestsPage

OFFICER = "a.karimova"


@dataclass
class Asked:
    """What the page asked the officer, and what the officer answers."""

    confirm: bool = True
    reason: str | None = "Security decision"
    choice: list[str] | None = None
    questions: list[tuple[str, str]] = field(default_factory=list)  # (title, text)

    def last(self) -> str:
        return self.questions[-1][1]


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> Asked:
    answers = Asked()

    def confirm(_parent: object, title: str, text: str) -> bool:
        answers.questions.append((title, text))
        return answers.confirm

    def ask_reason(_parent: object, title: str, prompt: str, _suggestions: Sequence[str] = ()) -> str | None:
        answers.questions.append((title, prompt))
        return answers.reason

    def ask_choice(
        _parent: object, title: str, prompt: str, choices: Sequence[guests_page.Choice], *, multiple: bool = False
    ) -> list[str] | None:
        answers.questions.append((title, prompt))
        assert all(value in [choice.value for choice in choices] for value in answers.choice or [])
        return answers.choice

    monkeypatch.setattr(guests_page, "confirm", confirm)
    monkeypatch.setattr(reason_dialog, "ask_reason", ask_reason)
    monkeypatch.setattr(guests_page, "ask_choice", ask_choice)
    return answers


@pytest.fixture
def page(qtbot, event_store: EventStore, inline_jobs) -> OrganiserGuestsPage:
    return organiser_page(qtbot, event_store, user=OFFICER)


def changed_elsewhere(page: OrganiserGuestsPage, *guest_ids: int) -> None:
    """Another station changed these guests: the session hears of it, as from a reload."""
    page.event_session.apply(Changes.of(Topic.GUESTS, Topic.PRINTS, Topic.PHOTOS, guests=guest_ids))


def guest_id(store: EventStore, family_name: str) -> int:
    with store.connect() as connection:
        return next(guest.id for guest in guests.list_guests(connection) if guest.fields.family_name == family_name)


def guest(store: EventStore, family_name: str) -> guests.Guest:
    with store.connect() as connection:
        return guests.get_guest(connection, guest_id(store, family_name))


def select(page: OrganiserGuestsPage, *family_names: str) -> None:
    page.select_guests([guest_id(page.store, name) for name in family_names])
    assert sorted(guest.fields.family_name for guest in page.selected_guests()) == sorted(family_names)


def shown(page: OrganiserGuestsPage) -> list[str]:
    return sorted(page.model.guest_at(row).fields.family_name for row in range(page.model.rowCount()))


def status_entries(store: EventStore) -> list[audit.AuditEntry]:
    with store.connect() as connection:
        return [
            entry
            for entry in audit.history(connection)
            if entry.action.startswith("status.") and entry.actor == OFFICER
        ]


# -- bulk decisions ---------------------------------------------------------------------------------


def test_bulk_approve_asks_with_the_count_and_approves_in_the_database(
    page: OrganiserGuestsPage, asked: Asked, event_store: EventStore
) -> None:
    select(page, "Smith", "Иванова", "Рахмонов")  # two pending, one approved already

    page.approve_action.trigger()

    assert asked.questions == [
        (
            "Approve 2 guests",
            "Approve 2 guests? They can then be checked in and get badges. "
            "The other guest selected is not pending and is left as they are.",
        )
    ]
    assert guest(event_store, "Smith").status == "approved"
    assert guest(event_store, "Иванова").status == "approved"
    assert [(entry.action, entry.guest_id) for entry in status_entries(event_store)] == [
        ("status.approved", guest_id(event_store, "Smith")),
        ("status.approved", guest_id(event_store, "Иванова")),
    ]
    assert page.notice.text() == "Approved 2 guests."
    assert sorted(guest.status for guest in page.selected_guests()) == ["approved"] * 3  # same guests, reloaded


def test_a_cancelled_confirmation_changes_nothing(
    page: OrganiserGuestsPage, asked: Asked, event_store: EventStore
) -> None:
    asked.confirm = False
    select(page, "Smith", "Иванова")

    page.approve()

    assert guest(event_store, "Smith").status == "pending"
    assert guest(event_store, "Иванова").status == "pending"
    assert status_entries(event_store) == []
    assert page.notice.isHidden()


def test_bulk_revoke_makes_the_badge_token_verify_as_revoked(
    page: OrganiserGuestsPage, asked: Asked, event_store: EventStore
) -> None:
    today = date.today()
    with event_store.connect() as connection:
        tokens = [
            current_token(connection, event_store.event_info(), guest_id(event_store, name), today=today)
            for name in ("Рахмонов", "الهاشمي")
        ]
        assert [EventVerifier(connection).verify(token, today=today).reason for token in tokens] == ["ok", "ok"]
    select(page, "Рахмонов", "الهاشمي")

    page.revoke_action.trigger()

    title, prompt = asked.questions[-1]
    assert title == "Revoke 2 guests"
    assert prompt.startswith("Revoke 2 guests? Their badges stop opening doors at every gate.")
    with event_store.connect() as connection:
        assert [EventVerifier(connection).verify(token, today=today).reason for token in tokens] == [
            "revoked",
            "revoked",
        ]
    assert guest(event_store, "Рахмонов").status_reason == "Security decision"
    assert page.notice.text() == "Revoked 2 guests."


def test_a_cancelled_reason_revokes_nobody(page: OrganiserGuestsPage, asked: Asked, event_store: EventStore) -> None:
    asked.reason = None
    select(page, "Рахмонов")

    page.revoke()

    assert guest(event_store, "Рахмонов").status == "approved"
    assert status_entries(event_store) == []


def test_bulk_reject_records_the_reason(page: OrganiserGuestsPage, asked: Asked, event_store: EventStore) -> None:
    asked.reason = "Registration incomplete"
    select(page, "Smith")

    page.reject()

    assert asked.last().startswith("Reject 1 guest? They get no badge")
    rejected = guest(event_store, "Smith")
    assert (rejected.status, rejected.status_reason) == ("rejected", "Registration incomplete")


def test_when_no_selected_guest_can_change_nothing_is_asked(
    page: OrganiserGuestsPage, asked: Asked, event_store: EventStore
) -> None:
    select(page, "王", "Dubois")  # rejected, revoked

    page.approve()

    assert asked.questions == []
    assert page.notice.text() == "Nobody was approved: only pending guests can be, and none of those selected is."


def test_a_refusal_of_the_core_is_shown_and_changes_nothing(
    page: OrganiserGuestsPage, asked: Asked, event_store: EventStore, shown_errors
) -> None:
    """Another desk rejected the guest after the page loaded: the whole batch is refused, nobody changes."""
    select(page, "Smith", "Иванова")
    with event_store.begin() as connection:
        workflow.change_status(connection, [guest_id(event_store, "Smith")], "rejected", "desk", reason="duplicate")

    page.approve()

    [error] = shown_errors
    assert error.title == "Cannot approve guests"
    assert "nothing was changed" in error.text
    assert guest(event_store, "Иванова").status == "pending"


def test_set_category_changes_the_category_and_the_zones(
    page: OrganiserGuestsPage, asked: Asked, event_store: EventStore
) -> None:
    asked.choice = ["HOD"]
    select(page, "Smith", "Иванова")

    page.category_action.trigger()

    assert asked.questions == [("Set category of 2 guests", "Give 2 guests the category:")]
    for name in ("Smith", "Иванова"):
        changed = guest(event_store, name)
        assert (changed.fields.category, changed.zones) == ("HOD", ("PLN", "VIP", "BIL"))
    row = next(row for row in range(page.model.rowCount()) if page.model.guest_at(row).fields.family_name == "Smith")
    assert page.model.data(page.model.index(row, Column.CATEGORY)) == "Head of Delegation"
    assert page.notice.text() == "Gave 2 guests the category Head of Delegation."


def test_cancelling_the_category_choice_changes_nothing(
    page: OrganiserGuestsPage, asked: Asked, event_store: EventStore
) -> None:
    asked.choice = None
    select(page, "Smith")

    page.set_category()

    assert guest(event_store, "Smith").fields.category == "OBS"


def test_adding_and_removing_zones_changes_the_effective_zones(
    page: OrganiserGuestsPage, asked: Asked, event_store: EventStore
) -> None:
    select(page, "Smith", "Иванова")  # observer PLN; delegate PLN BIL

    asked.choice = ["SRV", "BIL"]
    page.add_zones_action.trigger()
    assert asked.questions[-1] == ("Add zones to 2 guests", "Grant 2 guests access to:")
    assert guest(event_store, "Smith").zones == ("PLN", "BIL", "SRV")
    assert guest(event_store, "Иванова").zones == ("PLN", "BIL", "SRV")

    asked.choice = ["PLN"]
    page.remove_zones_action.trigger()
    assert guest(event_store, "Smith").zones == ("BIL", "SRV")
    assert page.notice.text() == "Withdrew PLN for 2 guests."


def test_a_change_that_outdates_a_printed_badge_lists_it(
    page: OrganiserGuestsPage, asked: Asked, event_store: EventStore
) -> None:
    rahmonov = guest_id(event_store, "Рахмонов")
    with event_store.begin() as connection:
        record_serials(connection, [(rahmonov, 1)], actor=OFFICER, station="Print room")
    page.refresh()
    asked.choice = ["DEL"]
    select(page, "Рахмонов", "Smith")

    page.set_category()

    assert page.reprint_list.isVisible()
    assert page.reprint_list.lines() == [
        f"Ҷамшед Рахмонов (guest {rahmonov}, badge 1) — category HOD → DEL; zones removed: VIP"
    ]


def test_bulk_actions_need_a_selection(page: OrganiserGuestsPage) -> None:
    page.table.clearSelection()
    assert not any(action.isEnabled() for action in page.bulk_actions)
    select(page, "Smith")
    assert all(action.isEnabled() for action in page.bulk_actions)
    assert page.edit_action.isEnabled()
    select(page, "Smith", "Иванова")
    assert not page.edit_action.isEnabled()


def test_the_table_offers_the_bulk_actions_on_right_click(page: OrganiserGuestsPage) -> None:
    assert page.table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    texts = [action.text() for action in page.table.actions() if not action.isSeparator()]
    assert texts == ["Approve", "Reject…", "Revoke…", "Set category…", "Add zones…", "Remove zones…", "Edit…"]


def test_several_rows_can_be_selected(page: OrganiserGuestsPage) -> None:
    table = page.table
    assert table.selectionMode() == table.SelectionMode.ExtendedSelection
    table.selectAll()
    assert len(page.selected_guests()) == 6


# -- filters ----------------------------------------------------------------------------------------


def pick(combo, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, f"{data!r} is not offered"
    combo.setCurrentIndex(index)


def test_the_country_filter_offers_the_guests_countries_by_name(page: OrganiserGuestsPage) -> None:
    combo = page.guest_list.country_combo
    assert [combo.itemText(row) for row in range(combo.count())] == [
        "All countries",
        "China",
        "Egypt",
        "France",
        "Russian Federation",
        "Tajikistan",
        "United Kingdom",
    ]
    pick(combo, "TJ")
    assert shown(page) == ["Рахмонов"]


def test_the_organisation_and_delegation_filters(page: OrganiserGuestsPage, event_store: EventStore) -> None:
    smith = guest(event_store, "Smith")
    with event_store.begin() as connection:
        guests.update_guest(connection, smith.id, replace(smith.fields, delegation="United Nations"), OFFICER)
    changed_elsewhere(page, smith.id)

    pick(page.guest_list.organisation_combo, "Le Monde")
    assert shown(page) == ["Dubois"]
    pick(page.guest_list.organisation_combo, None)
    pick(page.guest_list.delegation_combo, "United Nations")
    assert shown(page) == ["Smith"]


@pytest.mark.parametrize(
    ("combo", "value", "expected"),
    [
        ("checked_in_combo", True, ["Рахмонов"]),
        ("checked_in_combo", False, ["Dubois", "Smith", "Иванова", "الهاشمي", "王"]),
        ("printed_combo", True, ["الهاشمي"]),
        ("printed_combo", False, ["Dubois", "Smith", "Иванова", "Рахмонов", "王"]),
        ("photo_combo", True, ["Smith"]),
        ("photo_combo", False, ["Dubois", "Иванова", "Рахмонов", "الهاشمي", "王"]),
    ],
)
def test_the_yes_no_filters(
    page: OrganiserGuestsPage, event_store: EventStore, combo: str, value: bool, expected: list[str]
) -> None:
    with event_store.begin() as connection:
        record_serials(connection, [(guest_id(event_store, "الهاشمي"), 1)], actor=OFFICER)
        guests.set_photo(connection, guest_id(event_store, "Smith"), b"\xff\xd8 not really a jpeg", OFFICER)
    changed_elsewhere(page, guest_id(event_store, "الهاشمي"), guest_id(event_store, "Smith"))

    pick(getattr(page.guest_list, combo), value)

    assert shown(page) == expected


def test_filters_combine_with_the_search_and_the_status(page: OrganiserGuestsPage) -> None:
    listing = page.guest_list
    pick(listing.status_combo, "pending")
    assert shown(page) == ["Smith", "Иванова"]
    pick(listing.country_combo, "RU")
    assert shown(page) == ["Иванова"]
    assert listing.count_label.text() == "Showing 1 of 6"
    assert page.model.guest_filter == GuestFilter(status="pending", country="RU")


def test_a_filter_value_nobody_has_any_more_is_dropped(
    qtbot, page: OrganiserGuestsPage, event_store: EventStore
) -> None:
    pick(page.guest_list.organisation_combo, "Le Monde")
    dubois = guest(event_store, "Dubois")
    with event_store.begin() as connection:
        guests.update_guest(connection, dubois.id, replace(dubois.fields, organisation="Libération"), OFFICER)

    changed_elsewhere(page, dubois.id)

    qtbot.waitUntil(lambda: page.model.guest_filter.organisation is None)
    assert page.guest_list.organisation_combo.currentData() is None
    assert len(shown(page)) == 6


def test_the_filtered_model_passes_the_model_tester(qtmodeltester, page: OrganiserGuestsPage) -> None:
    page.model.set_guest_filter(GuestFilter(checked_in=False, printed=False, has_photo=False, country="RU"))
    assert shown(page) == ["Иванова"]
    qtmodeltester.check(page.model, force_py=True)


def test_the_organiser_sees_decisions_first(page: OrganiserGuestsPage) -> None:
    header = page.table.horizontalHeader()
    order = sorted(Column, key=header.visualIndex)
    assert order[:6] == [Column.ID, Column.NAME, Column.NAME_LATIN, Column.STATUS, Column.CATEGORY, Column.BADGE]


# -- the selected guest ------------------------------------------------------------------------------


def test_the_selected_guest_shows_with_their_history(page: OrganiserGuestsPage) -> None:
    select(page, "Рахмонов")

    text = page.details.text()
    assert "Ҷамшед Рахмонов" in text
    assert "Jamshed Rakhmonov" in text
    assert "zones PLN VIP BIL" in text
    whats = [what for _when, _who, what in page.history.lines()]
    assert whats == ["Checked in at Desk 1", "Approved", "Added"]
    assert {who for _when, who, _what in page.history.lines()} == {"tester"}


def test_several_selected_guests_show_a_count(page: OrganiserGuestsPage) -> None:
    select(page, "Smith", "Иванова")

    assert "2 guests selected." in page.details.text()
    assert page.history.isHidden()


def test_editing_a_guest_saves_and_shows_in_the_history(
    page: OrganiserGuestsPage, event_store: EventStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    def ask(_parent: object, _categories: object, initial: GuestFields | None = None) -> GuestFields:
        assert initial is not None
        return replace(initial, position="Minister")

    monkeypatch.setattr(GuestFormDialog, "ask", ask)
    select(page, "Рахмонов")

    page.edit_action.trigger()

    assert guest(event_store, "Рахмонов").fields.position == "Minister"
    assert page.history.lines()[0][1:] == (OFFICER, "Changed position set to Minister")
    assert page.notice.text() == "Saved Ҷамшед Рахмонов."


def test_every_write_is_announced(page: OrganiserGuestsPage, asked: Asked, qtbot) -> None:
    select(page, "Smith")
    with qtbot.waitSignal(page.event_session.changed) as heard:
        page.approve()
    [changes] = heard.args
    assert changes.guest_ids == {guest_id(page.store, "Smith")}


def test_the_categories_editor_opens_from_the_page(
    page: OrganiserGuestsPage, event_store: EventStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[EventStore] = []

    def edit(_parent: object, store: EventStore, *, user: str | None = None) -> bool:
        opened.append(store)
        assert user == OFFICER
        with store.begin() as connection:
            [observer] = [found for found in categories.list_categories(connection) if found.code == "OBS"]
            categories.save_category(connection, replace(observer, name="Watcher"), actor=OFFICER)
        return True

    monkeypatch.setattr(CategoriesEditorDialog, "edit", edit)

    page.categories_action.trigger()

    assert opened == [event_store]
    assert "Watcher" in [category.name for category in page.model.categories()]


# -- the choice dialog ---------------------------------------------------------------------------------


def test_the_choice_dialog_needs_a_choice_before_ok(qtbot) -> None:
    choices = [guests_page.Choice("VIP", "VIP — VIP lounge"), guests_page.Choice("BIL", "BIL — Bilateral rooms")]
    dialog = guests_page.ChoiceDialog(
        None, "Add zones to 2 guests", "Grant 2 guests access to:", choices, multiple=True
    )
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()

    dialog.list.item(1).setCheckState(Qt.CheckState.Checked)

    assert ok.isEnabled()
    assert dialog.chosen() == ["BIL"]


def test_the_single_choice_dialog_returns_the_selected_value(qtbot) -> None:
    choices = [guests_page.Choice("HOD", "Head of Delegation (HOD)", "#C62828"), guests_page.Choice("DEL", "Delegate")]
    dialog = guests_page.ChoiceDialog(None, "Set category", "Give 1 guest the category:", choices, multiple=False)
    qtbot.addWidget(dialog)

    dialog.list.setCurrentRow(0)

    assert dialog.chosen() == ["HOD"]
    assert not dialog.list.item(0).icon().isNull()
