"""DeskView: the keyboard flow of the desk, its refusals, scans, prints, undo, walk-ins and edits.

The event is the conftest's (1 Рахмонов approved and checked in, 2 Smith pending, 3 الهاشمي approved,
4 王 rejected, 5 Dubois revoked, 6 Иванова pending).  Jobs run inline, dialogs are replaced through
their `ask` functions and the print system is a fake.
"""

from dataclasses import dataclass, field, replace
from datetime import date

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from accreditor import checkin, schema
from accreditor.badges.printing import current_token
from accreditor.guests import GuestFields, get_guest
from accreditor.store import EventStore
from ui import sounds
from ui.desk import guest_form, reason_dialog
from ui.desk.desk_controller import DeskController, Tone
from ui.desk.desk_view import DeskView
from ui.desk.guest_card import TONE_COLOURS
from ui.desk.result_list import GUEST_ID_ROLE

RAKHMONOV, SMITH, HASHIMI, WANG, DUBOIS, IVANOVA = range(1, 7)


@pytest.fixture
def desk(qtbot, event_store: EventStore, desk_station, inline_jobs) -> DeskView:
    view = DeskView(DeskController(event_store, desk_station, user="anna"))
    qtbot.addWidget(view)
    view.resize(1200, 760)
    view.show()
    qtbot.waitExposed(view)
    return view


@dataclass
class Reasons:
    """Stands in for `ask_reason`: answers from `answers` (None = Cancel), records (title, prompt) in `asked`."""

    answers: list[str | None] = field(default_factory=list)
    asked: list[tuple[str, str]] = field(default_factory=list)

    def __call__(self, _parent, title: str, prompt: str, _suggestions=()) -> str | None:
        self.asked.append((title, prompt))
        return self.answers.pop(0)


@pytest.fixture
def reasons(monkeypatch: pytest.MonkeyPatch) -> Reasons:
    fake = Reasons()
    monkeypatch.setattr(reason_dialog, "ask_reason", fake)
    return fake


def stored(store: EventStore, guest_id: int):
    with store.connect() as connection:
        return get_guest(connection, guest_id)


def serials(store: EventStore, guest_id: int) -> list[tuple[int, str]]:
    table = schema.badges
    with store.connect() as connection:
        rows = connection.execute(select(table.c.serial, table.c.reason).where(table.c.guest_id == guest_id))
        return [tuple(row) for row in rows]


def type_query(qtbot, desk: DeskView, text: str) -> None:
    """Type like a person and wait for the matches to be listed (the search waits for a pause).

    QTest can only type ASCII keys; other scripts arrive as an input method would deliver them.
    """
    if text.isascii():
        qtbot.keyClicks(desk.field, text)
    else:
        desk.field.insert(text)
    qtbot.waitUntil(lambda: not desk.search_pending())


def press(qtbot, desk: DeskView, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(desk.field, key, modifier)


def listed(desk: DeskView) -> list[int]:
    model = desk.results_model
    return [model.index(row, 0).data(GUEST_ID_ROLE) for row in range(model.rowCount())]


def open_card(qtbot, desk: DeskView, query: str, guest_id: int) -> None:
    type_query(qtbot, desk, query)
    assert guest_id in listed(desk)
    desk.results.select_row(listed(desk).index(guest_id))
    press(qtbot, desk, Qt.Key.Key_Return)
    assert desk.card.guest_id == guest_id


# -- typing, choosing, checking in ---------------------------------------------------------------------


def test_typing_finds_the_cyrillic_guest_arrow_enter_shows_enter_checks_in(qtbot, desk, event_store) -> None:
    with event_store.begin() as connection:  # the fixture's guest has not arrived yet in this story
        checkin.undo_check_in(connection, RAKHMONOV, user="tester", reason="test")

    type_query(qtbot, desk, "rahm")
    assert listed(desk) == [RAKHMONOV]
    assert desk.results_model.index(0, 0).data().startswith("Ҷамшед Рахмонов   (Jamshed Rakhmonov)")
    assert desk.card.guest_id is None  # nothing chosen yet

    press(qtbot, desk, Qt.Key.Key_Down)
    press(qtbot, desk, Qt.Key.Key_Return)
    assert desk.card.guest_id == RAKHMONOV
    assert desk.card.name_label.text() == "Ҷамшед Рахмонов"
    assert stored(event_store, RAKHMONOV).checked_in_at is None  # showing is not checking in
    assert desk.field.hasFocus()

    press(qtbot, desk, Qt.Key.Key_Return)
    guest = stored(event_store, RAKHMONOV)
    assert (guest.checked_in_station, guest.checked_in_by) == ("Desk 2", "anna")
    assert desk.last_notice.tone is Tone.OK
    assert desk.card.checkin_label.text().startswith("✔ Checked in ")
    assert desk.results_model.index(0, 0).data().endswith("\n✔ checked in · MFA · Tajikistan")
    assert desk.field.selectedText() == "rahm"  # the next name replaces the query


def test_enter_on_a_guest_already_checked_in_says_who_and_when(qtbot, desk, event_store) -> None:
    at = stored(event_store, RAKHMONOV).checked_in_at.astimezone().strftime("%H:%M")
    open_card(qtbot, desk, "rahm", RAKHMONOV)

    press(qtbot, desk, Qt.Key.Key_Return)

    assert desk.last_notice.tone is Tone.WARNING
    assert desk.notice_label.text() == f"Already checked in at {at} at Desk 1 by tester"
    assert TONE_COLOURS[Tone.WARNING] in desk.notice_label.styleSheet()
    assert stored(event_store, RAKHMONOV).checked_in_station == "Desk 1"


@pytest.mark.parametrize(
    ("query", "guest_id", "tone", "status", "refusal"),
    [
        (
            "smith",
            SMITH,
            Tone.WARNING,
            "PENDING APPROVAL",
            "pending approval: ask the accreditation office (organiser)",
        ),
        ("dubois", DUBOIS, Tone.ERROR, "REVOKED", "revoked: do not admit; call the security supervisor"),
        ("wang", WANG, Tone.ERROR, "REJECTED", "rejected: do not admit; send the guest to the accreditation office"),
    ],
)
def test_a_guest_not_approved_cannot_be_checked_in_or_printed(
    qtbot, desk, event_store, fake_printer, query, guest_id, tone, status, refusal
) -> None:
    open_card(qtbot, desk, query, guest_id)
    assert desk.card.status_label.text() == status
    assert TONE_COLOURS[tone] in desk.card.status_label.styleSheet()
    for action in (desk.check_in_action, desk.check_in_print_action, desk.print_action, desk.undo_action):
        assert not action.isEnabled()
    assert desk.edit_action.isEnabled()

    press(qtbot, desk, Qt.Key.Key_Return)
    desk.check_in_action.trigger()  # a disabled action does nothing, even triggered directly
    desk.print_badge()

    assert stored(event_store, guest_id).checked_in_at is None
    assert fake_printer.jobs == []
    assert desk.last_notice.tone is tone
    assert desk.last_notice.text == f"Cannot check in — {refusal}"
    assert TONE_COLOURS[tone] in desk.notice_label.styleSheet()


def test_enter_searches_new_text_before_it_checks_anyone_in(qtbot, desk, event_store) -> None:
    open_card(qtbot, desk, "alhashmi", HASHIMI)
    qtbot.keyClicks(desk.field, " x")  # typed, and Enter pressed before the pause that searches

    press(qtbot, desk, Qt.Key.Key_Return)

    assert stored(event_store, HASHIMI).checked_in_at is None
    assert listed(desk) == []
    assert desk.count_label.text() == "No guest matches “alhashmi x”"


def test_enter_shows_a_different_highlighted_match_before_checking_in(qtbot, desk, event_store) -> None:
    open_card(qtbot, desk, "alhashmi", HASHIMI)
    desk.field.clear()
    type_query(qtbot, desk, "иванова")

    press(qtbot, desk, Qt.Key.Key_Return)

    assert desk.card.guest_id == IVANOVA
    assert stored(event_store, HASHIMI).checked_in_at is None


def test_arrow_keys_move_through_the_matches_and_the_focus_stays_in_the_field(qtbot, desk) -> None:
    type_query(qtbot, desk, "of")  # League of Arab States, Ministry of Water Resources
    rows = listed(desk)
    assert rows == [HASHIMI, WANG]
    assert desk.results.current_guest_id() == rows[0]  # the best match is highlighted at once

    press(qtbot, desk, Qt.Key.Key_Down)
    assert desk.results.current_guest_id() == rows[1]
    press(qtbot, desk, Qt.Key.Key_Up)
    press(qtbot, desk, Qt.Key.Key_Up)  # stays on the first
    assert desk.results.current_guest_id() == rows[0]
    assert desk.field.hasFocus()


def test_one_character_lists_nothing_and_escape_starts_over(qtbot, desk) -> None:
    open_card(qtbot, desk, "smith", SMITH)
    desk.field.setText("s")
    assert listed(desk) == []

    press(qtbot, desk, Qt.Key.Key_Escape)

    assert desk.field.text() == ""
    assert desk.card.guest_id is None
    assert desk.notice_label.text() == ""
    assert desk.last_notice is None
    assert not desk.edit_action.isEnabled()


def test_a_click_on_a_match_shows_its_card(qtbot, desk) -> None:
    type_query(qtbot, desk, "иванова")
    rect = desk.results.visualRect(desk.results_model.index(0, 0))
    qtbot.mouseClick(desk.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert desk.card.guest_id == IVANOVA
    assert desk.field.hasFocus()


def test_ctrl_enter_checks_in(qtbot, desk, event_store) -> None:
    open_card(qtbot, desk, "alhashmi", HASHIMI)
    desk.activateWindow()
    qtbot.waitActive(desk)
    press(qtbot, desk, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert stored(event_store, HASHIMI).checked_in_station == "Desk 2"


def test_every_action_has_a_shortcut_that_works_from_the_field(qtbot, desk, fake_printer, reasons, monkeypatch):
    monkeypatch.setattr(guest_form.GuestFormDialog, "ask_with_photo", lambda *_args: None)
    reasons.answers.extend([None, None])  # the reprint and the undo are cancelled
    open_card(qtbot, desk, "rahm", RAKHMONOV)  # approved and checked in: every action is enabled
    desk.activateWindow()
    qtbot.waitActive(desk)
    actions = (
        desk.check_in_action,
        desk.check_in_print_action,
        desk.print_action,
        desk.undo_action,
        desk.edit_action,
        desk.walk_in_action,
    )
    for action in actions:
        keys = action.shortcut()
        assert not keys.isEmpty(), action.text()
        with qtbot.waitSignal(action.triggered, timeout=1000):
            qtbot.keyClick(desk.field, keys[0].key(), keys[0].keyboardModifiers())
    assert len(fake_printer.jobs) == 1  # check in & print; then the reprint was cancelled
    assert [title for title, _prompt in reasons.asked] == ["Reprint badge", "Undo check-in"]


# -- scans ---------------------------------------------------------------------------------------------


def test_a_scanned_badge_checks_in_with_zero_keystrokes(qtbot, desk, event_store) -> None:
    with event_store.connect() as connection:
        token = current_token(connection, event_store.event_info(), HASHIMI, today=date.today())

    desk.handle_scan(f"]Q1{token}\t")

    assert stored(event_store, HASHIMI).checked_in_station == "Desk 2"
    assert desk.card.guest_id == HASHIMI
    assert desk.notice_label.text() == "Checked in by scan: Mhmd Alhashmi"
    assert TONE_COLOURS[Tone.OK] in desk.notice_label.styleSheet()


def test_an_invalid_badge_checks_nobody_in_and_says_why_in_red(qtbot, desk, event_store) -> None:
    open_card(qtbot, desk, "alhashmi", HASHIMI)  # a card on screen must not be the one Enter then checks in

    desk.handle_scan("AC1:THIS IS NOT SIGNED")

    assert desk.notice_label.text() == "Unreadable or forged code — nobody was checked in."
    assert TONE_COLOURS[Tone.ERROR] in desk.notice_label.styleSheet()
    assert desk.card.guest_id is None
    press(qtbot, desk, Qt.Key.Key_Return)
    assert stored(event_store, HASHIMI).checked_in_at is None


def test_an_unknown_code_says_so(qtbot, desk) -> None:
    desk.handle_scan("4006381333931")
    assert desk.notice_label.text() == "Unknown code: 4006381333931"
    assert desk.last_notice.tone is Tone.ERROR


# -- printing ------------------------------------------------------------------------------------------


def test_a_reprint_asks_for_a_reason_and_raises_the_serial(qtbot, desk, event_store, fake_printer, reasons) -> None:
    open_card(qtbot, desk, "alhashmi", HASHIMI)
    desk.print_action.trigger()  # the first badge needs no reason
    assert serials(event_store, HASHIMI) == [(1, "")]
    assert desk.card.badge_label.text().endswith("serial 1")
    assert reasons.asked == []

    reasons.answers.append(None)  # Cancel: nothing happens
    desk.print_action.trigger()
    assert len(fake_printer.jobs) == 1
    title, prompt = reasons.asked[-1]
    assert title == "Reprint badge"
    assert "already has a badge (printed" in prompt

    reasons.answers.append("Lost")
    desk.print_action.trigger()
    assert len(fake_printer.jobs) == 2
    assert serials(event_store, HASHIMI) == [(1, ""), (2, "Lost")]
    assert desk.card.badge_label.text().endswith("serial 2")
    assert desk.last_notice.text == "Badge of Mhmd Alhashmi sent to the printer (serial 2, job badges-7)"


def test_a_print_failure_is_shown_in_red_and_nothing_is_recorded(qtbot, desk, event_store, fake_printer) -> None:
    fake_printer.refuse("There is no printer called Badges.")
    open_card(qtbot, desk, "alhashmi", HASHIMI)

    desk.print_action.trigger()

    assert serials(event_store, HASHIMI) == []
    assert desk.card.badge_label.text() == "Badge: not printed yet"
    assert desk.last_notice.tone is Tone.ERROR
    assert "NOT printed: There is no printer called Badges." in desk.notice_label.text()
    assert desk.print_action.isEnabled()  # try again once the printer is fixed


def test_check_in_and_print_does_both(qtbot, desk, event_store, fake_printer) -> None:
    open_card(qtbot, desk, "alhashmi", HASHIMI)
    desk.check_in_print_action.trigger()
    assert stored(event_store, HASHIMI).checked_in_station == "Desk 2"
    assert serials(event_store, HASHIMI) == [(1, "")]


def test_auto_print_prints_on_a_check_in_by_enter(qtbot, desk, event_store, fake_printer, desk_station) -> None:
    desk.controller.set_settings(replace(desk_station, auto_print=True))
    open_card(qtbot, desk, "alhashmi", HASHIMI)
    press(qtbot, desk, Qt.Key.Key_Return)
    assert serials(event_store, HASHIMI) == [(1, "")]


# -- undo, edit, walk-in -------------------------------------------------------------------------------


def test_undo_needs_a_reason(qtbot, desk, event_store, reasons) -> None:
    open_card(qtbot, desk, "rahm", RAKHMONOV)
    assert desk.undo_action.isEnabled()

    reasons.answers.append(None)
    desk.undo_action.trigger()
    assert stored(event_store, RAKHMONOV).checked_in_at is not None

    reasons.answers.append("Wrong guest checked in")
    desk.undo_action.trigger()
    assert stored(event_store, RAKHMONOV).checked_in_at is None
    assert reasons.asked[-1][0] == "Undo check-in"
    assert desk.card.checkin_label.text() == "Not checked in yet"
    assert not desk.undo_action.isEnabled()


def test_a_walk_in_is_created_pending(qtbot, desk, event_store, monkeypatch) -> None:
    asked: list[object] = []

    def ask(_parent, categories, initial):
        asked.append((len(categories), initial))
        return GuestFields("Каримова", "Нилуфар", organisation="UNICEF", country="TJ", category="OBS"), None

    monkeypatch.setattr(guest_form.GuestFormDialog, "ask_with_photo", ask)
    desk.walk_in_action.trigger()

    assert asked == [(10, None)]
    guest_id = desk.card.guest_id
    guest = stored(event_store, guest_id)
    assert (guest.status, guest.fields.family_name_latin, guest.fields.category) == ("pending", "Karimova", "OBS")
    assert desk.card.status_label.text() == "PENDING APPROVAL"
    assert not desk.check_in_action.isEnabled()
    desk.field.clear()
    type_query(qtbot, desk, "karimova")
    assert listed(desk) == [guest_id]


def test_edit_saves_the_changes(qtbot, desk, event_store, monkeypatch) -> None:
    open_card(qtbot, desk, "alhashmi", HASHIMI)
    before = stored(event_store, HASHIMI).fields
    asked: list[GuestFields | None] = []

    def ask(_parent, _categories, initial):
        asked.append(initial)
        return replace(initial, position="Adviser", organisation="Arab Water Council"), None

    monkeypatch.setattr(guest_form.GuestFormDialog, "ask_with_photo", ask)
    desk.edit_action.trigger()

    assert asked == [before]
    after = stored(event_store, HASHIMI).fields
    assert (after.position, after.organisation) == ("Adviser", "Arab Water Council")
    assert desk.card.organisation_label.text() == "Arab Water Council"
    assert desk.notice_label.text() == "Saved: position, organisation"


def test_a_cancelled_edit_changes_nothing(qtbot, desk, event_store, monkeypatch) -> None:
    open_card(qtbot, desk, "alhashmi", HASHIMI)
    before = stored(event_store, HASHIMI)
    monkeypatch.setattr(guest_form.GuestFormDialog, "ask_with_photo", lambda *_args: None)
    desk.edit_action.trigger()
    assert stored(event_store, HASHIMI) == before


# -- feedback -----------------------------------------------------------------------------------------


def test_notices_sound_when_the_station_wants_sounds(qtbot, desk, desk_station, monkeypatch) -> None:
    played: list[str] = []
    monkeypatch.setattr(sounds, "play", played.append)
    desk.handle_scan("4006381333931")
    desk.controller.set_settings(replace(desk_station, sounds=True))
    desk.handle_scan("4006381333931")
    assert played == ["error"]


def test_the_result_model_passes_the_model_tester(qtbot, qtmodeltester, desk) -> None:
    type_query(qtbot, desk, "of")
    qtmodeltester.check(desk.results_model, force_py=True)
    desk.results_model.clear()
    qtmodeltester.check(desk.results_model, force_py=True)
