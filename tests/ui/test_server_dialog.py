"""File › Connect to event server…: the URL to open and the URL to remember, which never holds the password."""

import stat
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ui.server_dialog import ServerDialog, ServerLocation

pytestmark = pytest.mark.gui


def filled(qtbot: QtBot, *, password: str = "desk pass:1", remember: bool = True, previous: str = "") -> ServerDialog:
    dialog = ServerDialog(None, previous=previous)
    qtbot.addWidget(dialog)
    dialog.host_edit.setText("192.168.10.5")
    dialog.port_edit.setValue(5433)
    dialog.database_edit.setText("summit2027")
    dialog.user_edit.setText("desk")
    dialog.password_edit.setText(password)
    dialog.remember_box.setChecked(remember)
    return dialog


def test_a_remembered_password_goes_to_the_password_file_and_no_url_holds_it(qtbot: QtBot) -> None:
    dialog = filled(qtbot)

    dialog.accept()

    url = "postgresql://desk@192.168.10.5:5433/summit2027"
    assert dialog.location == ServerLocation(open_with=url, remember_as=url)
    password_file = Path.home() / ".pgpass"  # HOME is the test's own folder
    assert password_file.read_text(encoding="utf-8") == "192.168.10.5:5433:summit2027:desk:desk pass\\:1\n"
    assert stat.S_IMODE(password_file.stat().st_mode) == 0o600


def test_a_password_not_remembered_is_used_for_this_connection_only(qtbot: QtBot) -> None:
    dialog = filled(qtbot, password="s3cret", remember=False)

    dialog.accept()

    assert dialog.location == ServerLocation(
        open_with="postgresql://desk:s3cret@192.168.10.5:5433/summit2027",
        remember_as="postgresql://desk@192.168.10.5:5433/summit2027",
    )
    assert not (Path.home() / ".pgpass").exists()


def test_missing_fields_are_named_and_the_dialog_stays_open(qtbot: QtBot) -> None:
    dialog = filled(qtbot)
    dialog.database_edit.clear()
    dialog.user_edit.clear()

    dialog.accept()

    assert dialog.location is None
    assert dialog.error_label.text() == "Fill in the event database and the user."


def test_a_remembered_event_fills_everything_but_the_password(qtbot: QtBot) -> None:
    dialog = ServerDialog(None, previous="postgresql://gate%20north@10.0.0.2:6543/expo")
    qtbot.addWidget(dialog)

    assert (dialog.host_edit.text(), dialog.port_edit.value()) == ("10.0.0.2", 6543)
    assert (dialog.database_edit.text(), dialog.user_edit.text(), dialog.password_edit.text()) == (
        "expo",
        "gate north",
        "",
    )
