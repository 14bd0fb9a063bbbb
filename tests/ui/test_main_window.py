"""MainWindow: title, status bar, and opening another event from the File menu."""

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from accreditor import guests
from accreditor.guests import GuestFields
from accreditor.store import EventStore
from ui import main_window
from ui.main_window import LAST_EVENT_KEY, MainWindow


@pytest.fixture
def window(qtbot, event_store: EventStore) -> MainWindow:
    created = MainWindow(event_store)
    qtbot.addWidget(created)
    return created


def test_the_title_names_the_event(window: MainWindow) -> None:
    assert window.windowTitle() == "Dushanbe Water Conference — Accreditor"


def test_the_status_bar_shows_the_file_and_the_counts(window: MainWindow) -> None:
    assert window.file_label.text() == "water.accreditor"
    assert window.counts_label.text() == "6 guests · 1 checked in"


def test_the_guest_list_is_the_central_widget(window: MainWindow) -> None:
    assert window.centralWidget() is window.guest_list
    assert window.guest_list.model.rowCount() == 6


def test_reload_shows_guests_added_elsewhere(window: MainWindow, event_store: EventStore) -> None:
    with event_store.begin() as connection:
        guests.add_guest(connection, GuestFields("Nazarov", "Faridun"), actor="desk 2")
    window.reload_action.trigger()
    assert window.counts_label.text() == "7 guests · 1 checked in"


def test_open_event_replaces_the_event_and_remembers_it(
    window: MainWindow, make_event, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = make_event("summit.accreditor", name="Summit")
    other.close()
    monkeypatch.setattr(main_window, "ask_event_file", lambda _parent: other.location)
    window.open_action.trigger()
    assert window.windowTitle() == "Summit — Accreditor"
    assert window.file_label.text() == "summit.accreditor"
    assert window.store.location == other.location
    assert QSettings().value(LAST_EVENT_KEY) == other.location


def test_a_file_that_is_not_an_event_is_reported_and_the_event_stays(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown_errors
) -> None:
    bogus = tmp_path / "notes.accreditor"
    bogus.write_text("not a database", encoding="utf-8")
    monkeypatch.setattr(main_window, "ask_event_file", lambda _parent: str(bogus))
    window.open_action.trigger()
    assert [error.text for error in shown_errors] == ["notes.accreditor is not an Accreditor event file."]
    assert window.windowTitle() == "Dushanbe Water Conference — Accreditor"
    assert QSettings().value(LAST_EVENT_KEY) is None


def test_cancelling_the_file_dialog_changes_nothing(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(main_window, "ask_event_file", lambda _parent: None)
    window.open_action.trigger()
    assert window.windowTitle() == "Dushanbe Water Conference — Accreditor"


def test_quit_closes_the_window(qtbot, window: MainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.quit_action.trigger()
    assert not window.isVisible()
