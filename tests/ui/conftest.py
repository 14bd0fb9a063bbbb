"""Fixtures of the desktop-app tests: settings kept in tmp_path, no dialog ever blocking, a small event.

Every test here is marked `gui`, so `pytest -m "not gui"` runs the core alone.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from accreditor import categories, checkin, guests, workflow
from accreditor.guests import GuestFields
from accreditor.store import EventStore
from ui import main_window, messages
from ui.app import configure_application

HERE = Path(__file__).resolve().parent
EVENT_NAME = "Dushanbe Water Conference"
ACTOR = "tester"

# One guest per script the desk meets, in every status; the first is checked in.
GUESTS = (
    (GuestFields("Рахмонов", "Ҷамшед", organisation="MFA", country="TJ", category="HOD"), "approved"),
    (GuestFields("Smith", "Anna", organisation="UNDP", country="GB", category="OBS"), "pending"),
    (
        GuestFields("الهاشمي", "محمد", organisation="League of Arab States", country="EG", category="DEL"),
        "approved",
    ),
    (GuestFields("王", "伟", organisation="Ministry of Water Resources", country="CN", category="DEL"), "rejected"),
    (GuestFields("Dubois", "Claire", organisation="Le Monde", country="FR", category="MED"), "revoked"),
    (GuestFields("Иванова", "Мария", organisation="Росводресурсы", country="RU", category="DEL"), "pending"),
)
REASONS = {"rejected": "Registration incomplete", "revoked": "Badge reported lost"}


# Harmless: the offscreen platform cannot pass window size hints to a window manager it does not have.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.gui)
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def settings_path(qapp: QApplication, tmp_path: Path) -> Path:
    """QSettings() in the code under test reads and writes an INI file here, never the user's settings."""
    configure_application(qapp)
    folder = tmp_path / "settings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))
    return folder


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A dialog nobody expected fails the test instead of waiting for a click that never comes."""

    def refuse_message(*args: object) -> None:
        pytest.fail(f"unexpected message box: {args[2:4]}")

    def refuse_file_dialog(*_args: object) -> None:
        pytest.fail("unexpected file dialog")

    monkeypatch.setattr(messages, "_open_message_box", refuse_message)
    monkeypatch.setattr(main_window, "ask_event_file", refuse_file_dialog)


@dataclass(frozen=True)
class Shown:
    title: str
    text: str
    details: str


@pytest.fixture
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> list[Shown]:
    """Every `messages.show_error` call, recorded instead of shown."""
    shown: list[Shown] = []

    def record(_parent: object, title: str, text: str, *, details: str = "") -> None:
        shown.append(Shown(title, text, details))

    monkeypatch.setattr(messages, "show_error", record)
    return shown


def create_event(path: Path, name: str = EVENT_NAME) -> EventStore:
    """An event file with the guests of `GUESTS`, in their statuses, the first one checked in."""
    store = EventStore.create(path, name=name, venue="Dushanbe")
    with store.begin() as connection:
        categories.install_standard(connection)
        ids = guests.add_guests(connection, [fields for fields, _status in GUESTS], actor=ACTOR)
        by_status: dict[str, list[int]] = {}
        for guest_id, (_fields, status) in zip(ids, GUESTS, strict=True):
            by_status.setdefault(status, []).append(guest_id)
        approved = by_status.get("approved", []) + by_status.get("revoked", [])
        workflow.change_status(connection, approved, "approved", ACTOR)
        for status in ("rejected", "revoked"):
            workflow.change_status(connection, by_status[status], status, ACTOR, reason=REASONS[status])
        checkin.check_in(connection, ids[0], station="Desk 1", user=ACTOR)
    return store


MakeEvent = Callable[..., EventStore]


@pytest.fixture
def make_event(tmp_path: Path) -> Iterator[MakeEvent]:
    """`make_event(file_name, name=...)`: another event file like `event_store`'s, closed after the test."""
    made: list[EventStore] = []

    def make(file_name: str = "water.accreditor", name: str = EVENT_NAME) -> EventStore:
        made.append(create_event(tmp_path / file_name, name))
        return made[-1]

    yield make
    for store in made:
        store.close()


@pytest.fixture
def event_store(make_event: MakeEvent) -> EventStore:
    """A small event in Latin, Cyrillic (with Tajik letters), Arabic and Chinese, in every status."""
    return make_event()
