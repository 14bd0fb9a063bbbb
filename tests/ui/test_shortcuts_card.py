"""The printable shortcuts card and the guide's key pages (docs/guide/make_card.py) name the keys the app has.

Each key of the card is looked up among the shortcuts of the actions of the part of the app its section is
about: the main window, the desk, the gate window.  The few keys no action carries are key presses the views
handle themselves (their own tests press them); they are listed here, so a new key on the card must be one or
the other.
"""

import importlib.util
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from accreditor.store import EventStore
from ui.gate import gate_window
from ui.gate.gate_view import GateView
from ui.gate.gate_window import GateWindow
from ui.main_window import MainWindow

CARD_SCRIPT = Path(__file__).resolve().parents[2] / "docs" / "guide" / "make_card.py"
PORTABLE = QKeySequence.SequenceFormat.PortableText
# Keys the views handle as key presses rather than as actions, per section of the card.
KEY_PRESSES = {
    "At the desk": {"Enter", "Esc", "↓", "↑"},  # DeskView's search field: choose, start over, move
    "At the gate": {"Space"},  # GateView: back to ready
    "Anywhere in the app": set(),
}


def load_card() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_card", CARD_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def card_keys(title: str) -> list[str]:
    """The key sequences the card lists under `title` (rows of words, like "type or scan", have none)."""
    section = next(section for section in load_card().SECTIONS if section.en == title)
    return [sequence for key in section.keys if not key.words for sequence in key.keys.split()]


def portable(card_key: str) -> str:
    """A key as the card prints it, in Qt's words: keyboards say Enter where Qt says Return."""
    parts = ["Return" if part == "Enter" else part for part in card_key.split("+")]
    return QKeySequence("+".join(parts)).toString(PORTABLE)


def shortcuts(actions: Iterable[QAction]) -> set[str]:
    return {sequence.toString(PORTABLE) for action in actions for sequence in action.shortcuts()}


def missing_keys(title: str, widget: QWidget, *, direct_actions_only: bool = False) -> list[str]:
    options = (
        Qt.FindChildOption.FindDirectChildrenOnly if direct_actions_only else Qt.FindChildOption.FindChildrenRecursively
    )
    available = shortcuts(widget.findChildren(QAction, options=options))
    return [key for key in card_keys(title) if key not in KEY_PRESSES[title] and portable(key) not in available]


@pytest.fixture
def window(qtbot, event_store: EventStore, inline_jobs) -> MainWindow:
    created = MainWindow(event_store)
    qtbot.addWidget(created)
    return created


def test_the_window_keys_on_the_card_are_the_window_s(window: MainWindow) -> None:
    assert missing_keys("Anywhere in the app", window, direct_actions_only=True) == []


def test_the_desk_keys_on_the_card_are_the_desk_s(window: MainWindow) -> None:
    assert missing_keys("At the desk", window.desk_view) == []


def test_the_gate_keys_on_the_card_are_the_gate_s(qtbot, gate_event, inline_jobs, monkeypatch) -> None:
    monkeypatch.setattr(gate_window, "confirm_leave", lambda _parent: True)  # closing at teardown asks nobody
    view = GateView.for_event(gate_event.store, gate_event.context())
    gate = GateWindow(view)
    qtbot.addWidget(gate)
    assert missing_keys("At the gate", gate) == []


def test_a_key_the_app_does_not_have_is_caught(window: MainWindow) -> None:
    assert portable("Ctrl+Shift+F12") not in shortcuts(window.findChildren(QAction))
    assert portable("Ctrl+Enter") == QKeySequence("Ctrl+Return").toString(PORTABLE)
