"""The app's login on an event with users, the menus a role gets, and the lock after the station sat idle."""

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog

from accreditor import users
from accreditor.roles import Actor, Role
from accreditor.store import EventStore
from ui import jobs
from ui.login_dialog import LAST_USER_KEY, InactivityLock, LoginDialog
from ui.main_window import MainWindow
from ui.settings import StationSettings

PASSWORD = "desk password 1"


@pytest.fixture
def secured_store(event_store: EventStore) -> EventStore:
    with event_store.begin() as connection:
        users.add_user(connection, Actor.unrestricted("ana"), "ana", Role.ORGANISER, "organiser password")
        users.add_user(connection, Actor("ana", Role.ORGANISER), "bob", Role.DESK, PASSWORD)
    return event_store


def test_a_wrong_password_is_told_and_forgotten_and_the_right_one_logs_in(qtbot, secured_store: EventStore) -> None:
    dialog = LoginDialog(secured_store, station="Desk 1")
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("bob")
    dialog.password_edit.setText("not it at all")

    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error_label.text() == "Wrong user name or password for water.accreditor."
    assert dialog.password_edit.text() == ""

    dialog.password_edit.setText(PASSWORD)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert (dialog.actor, dialog.actor.role) == ("bob", Role.DESK)
    assert dialog.password_edit.text() == ""


def test_the_station_remembers_the_last_name_never_the_password(
    qtbot, secured_store: EventStore, settings_path
) -> None:
    dialog = LoginDialog(secured_store)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("bob")
    dialog.password_edit.setText(PASSWORD)
    dialog.accept()

    again = LoginDialog(secured_store)
    qtbot.addWidget(again)
    assert QSettings().value(LAST_USER_KEY) == "bob"
    assert again.name_edit.text() == "bob"
    QSettings().sync()
    saved = "".join(path.read_text(encoding="utf-8") for path in settings_path.rglob("*.ini"))
    assert "bob" in saved
    assert PASSWORD not in saved


def test_an_event_without_users_needs_no_login(event_store: EventStore) -> None:
    actor = LoginDialog.ask(None, event_store)
    assert actor is not None and not actor.authenticated


def test_a_desk_login_gets_the_desk_and_no_organiser_menus(qtbot, secured_store: EventStore, inline_jobs) -> None:
    window = MainWindow(secured_store, actor=Actor("bob", Role.DESK))
    qtbot.addWidget(window)
    qtbot.waitUntil(window.event_session.is_indexed)
    jobs.wait_for_jobs()

    assert window.user_label.text() == "bob (desk)"
    assert window.desk_mode_action.isEnabled()
    for action in (window.organiser_mode_action, window.import_action, window.categories_action):
        assert not action.isEnabled()
    assert window.desk_controller.user.role is Role.DESK


def test_an_event_without_users_says_so_in_the_status_bar(qtbot, event_store: EventStore, inline_jobs) -> None:
    window = MainWindow(event_store)
    qtbot.addWidget(window)
    qtbot.waitUntil(window.event_session.is_indexed)
    jobs.wait_for_jobs()

    assert "no users" in window.user_label.text()
    assert window.user_label.toolTip() == users.NO_USERS_NOTE
    assert not window.inactivity_lock.is_armed()  # nobody to log back in


def test_an_idle_station_locks_back_to_the_login(
    qtbot, secured_store: EventStore, inline_jobs, monkeypatch: pytest.MonkeyPatch
) -> None:
    station = StationSettings(lock_after_minutes=5)
    window = MainWindow(secured_store, station=station, actor=Actor("bob", Role.DESK))
    qtbot.addWidget(window)
    qtbot.waitUntil(window.event_session.is_indexed)
    jobs.wait_for_jobs()
    assert window.inactivity_lock.is_armed()
    asked: list[bool] = []

    def log_in_as_ana(_parent: object, _store: EventStore, *, station: str = "") -> Actor:
        asked.append(window.centralWidget().isHidden())  # nothing of the event shows behind the login
        return Actor("ana", Role.ORGANISER)

    monkeypatch.setattr(LoginDialog, "ask", log_in_as_ana)
    window.inactivity_lock.locked.emit()

    assert asked == [True]
    assert window.user_label.text() == "ana (organiser)"
    assert window.organiser_mode_action.isEnabled()
    assert not window.centralWidget().isHidden()


def test_an_armed_lock_fires_when_its_time_is_up(qtbot) -> None:
    lock = InactivityLock(0)
    assert not lock.is_armed()
    lock.set_minutes(1)
    assert lock.is_armed()
    lock._timer.setInterval(50)  # a minute is too long to wait for in a test
    with qtbot.waitSignal(lock.locked, timeout=2000):
        pass
