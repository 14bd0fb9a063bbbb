"""The app asks once per session for the signing key's passphrase, and upgrades an older event with a new one;
the reports page says whether the audit log's chain is intact."""

import importlib.util
import sqlite3
from contextlib import closing
from pathlib import Path
from types import ModuleType

import pytest
from pytestqt.qtbot import QtBot

from accreditor import keys
from accreditor.store import EventStore
from ui import main_window
from ui.desk.desk_controller import DeskController
from ui.organiser.reports_page import ReportsPage
from ui.unlock_dialog import UnlockDialog, ensure_unlocked

HERE = Path(__file__).resolve().parent
HASHIMI = 3  # approved, never printed (the conftest's event)


def core_tests(name: str) -> ModuleType:
    """A module of the core tests, for the old event files they know how to build."""
    spec = importlib.util.spec_from_file_location(name.removesuffix(".py"), HERE.parent / "accreditor" / name)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def typed(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """What the user types in the dialog, one answer per time it opens; None cancels."""
    answers: list[str | None] = []
    asked: list[dict[str, object]] = []

    def ask(_parent: object, **options: object) -> str | None:
        asked.append(options)
        return answers.pop(0)

    monkeypatch.setattr(UnlockDialog, "ask", classmethod(lambda _cls, parent, **options: ask(parent, **options)))
    return answers


@pytest.fixture
def locked(event_store: EventStore) -> EventStore:
    keys.lock_all()
    keys.set_passphrase_source(None)  # the app has none: its user types the passphrase
    return event_store


def test_a_wrong_passphrase_asks_again_and_the_right_one_unlocks(locked: EventStore, typed: list) -> None:
    typed += ["wrong passphrase", "test passphrase"]

    assert ensure_unlocked(None, locked)
    assert typed == []
    assert ensure_unlocked(None, locked)  # asked once per session: no answer left, none needed


def test_cancelling_leaves_the_key_locked(locked: EventStore, typed: list) -> None:
    typed.append(None)

    assert not ensure_unlocked(None, locked)
    with locked.connect() as connection, pytest.raises(keys.KeyLockedError):
        keys.active_signing_key(connection)


def test_the_desk_prints_nothing_while_the_key_stays_locked(
    locked: EventStore, typed: list, desk_station, inline_jobs, fake_printer
) -> None:
    controller = DeskController(locked, desk_station, user="anna")
    typed.append(None)

    assert not controller.print_badge(HASHIMI)
    assert fake_printer.jobs == []

    typed.append("test passphrase")
    assert controller.print_badge(HASHIMI)
    assert len(fake_printer.jobs) == 1


def test_the_dialog_wants_a_new_passphrase_twice_and_long_enough(qtbot: QtBot) -> None:
    dialog = UnlockDialog(None, event_name="Summit", new=True)
    qtbot.addWidget(dialog)

    dialog.passphrase_edit.setText("short")
    assert "at least 8 characters" in dialog.problem()
    dialog.passphrase_edit.setText("long enough now")
    dialog.again_edit.setText("long enough")
    assert dialog.problem() == "The two passphrases differ."
    dialog.again_edit.setText("long enough now")
    assert dialog.problem() == ""


def test_an_older_event_is_upgraded_with_the_passphrase_typed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown_errors: list
) -> None:
    path = tmp_path / "old.accreditor"
    core_tests("test_key_secrecy.py").make_schema_5_event(path)
    keys.set_passphrase_source(None)
    monkeypatch.setattr(main_window, "ask_upgrade_passphrase", lambda *_args: "a new passphrase")

    opened = main_window.open_event(None, path)

    assert opened is not None and shown_errors == []
    store = opened.store
    with store.connect() as connection:
        keys.lock_all()
        keys.unlock(connection, "a new passphrase")
    store.close()


def test_the_reports_page_says_whether_the_audit_log_is_intact(
    qtbot: QtBot, event_store: EventStore, inline_jobs: None
) -> None:
    page = ReportsPage(event_store)
    qtbot.addWidget(page)
    page.refresh()
    assert page.audit_label.text().startswith("The audit log is intact:")

    path = Path(str(event_store.location))
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("DROP TRIGGER audit_log_no_update")
        connection.execute("UPDATE audit_log SET actor = 'someone else' WHERE id = 2")
        connection.commit()
    page.refresh()

    assert page.audit_label.text() == "Audit log altered: Audit entry 2 was changed after it was recorded."


def test_the_window_opens_an_older_event_after_asking_a_passphrase_to_upgrade_it(
    qtbot: QtBot, event_store: EventStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown_errors: list
) -> None:
    path = tmp_path / "old.accreditor"
    core_tests("test_key_secrecy.py").make_schema_5_event(path)
    keys.set_passphrase_source(None)
    asked: list[str] = []
    monkeypatch.setattr(main_window, "ask_upgrade_passphrase", lambda _parent, name: asked.append(name) or "new words")
    window = main_window.MainWindow(event_store)
    qtbot.addWidget(window)

    window.open_recent(str(path))

    qtbot.waitUntil(lambda: window.store.location == str(path), timeout=10_000)
    assert asked == ["old.accreditor"] and shown_errors == []
    with window.store.connect() as connection:
        keys.lock_all()
        keys.unlock(connection, "new words")
    window.close()
