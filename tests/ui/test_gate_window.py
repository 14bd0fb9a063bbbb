"""GateWindow and `accreditor-gate`: scanner bursts reach the gate, F11, Esc, and opening an event or a package."""

import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from accreditor.categories import STANDARD_ZONES
from accreditor.gate.package import TrustAnchor, load_package
from accreditor.roles import Actor, PermissionDenied, Role
from ui.gate import gate_window
from ui.gate.gate_setup_dialog import GateChoice, GateSetupDialog
from ui.gate.gate_view import GateState, GateView
from ui.gate.gate_window import LAST_SOURCE_KEY, GateWindow, build_window
from ui.login_dialog import LoginDialog

PROJECT = Path(__file__).resolve().parents[2]


class FakeClock:
    """Keystroke time for the window's scanner detector: a scan is fast whatever the machine's load."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, ms: float) -> None:
        self.now += ms / 1000


def scan(qtbot, clock: FakeClock, widget: QWidget, code: str) -> None:
    """What a USB scanner does: type `code` into whatever has focus, a few milliseconds a key, then Enter."""
    for character in code:
        clock.advance(4)
        qtbot.keyClick(widget, character)
    clock.advance(4)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


@dataclass
class LeaveQuestion:
    """ "Leave the gate?" as the operator answers it: yes, unless a test queues a no."""

    answers: list[bool] = field(default_factory=list)
    asked: int = 0

    def confirm(self, _parent: object) -> bool:
        self.asked += 1
        return self.answers.pop(0) if self.answers else True


@pytest.fixture
def leaving(monkeypatch: pytest.MonkeyPatch) -> LeaveQuestion:
    question = LeaveQuestion()
    monkeypatch.setattr(gate_window, "confirm_leave", question.confirm)
    return question


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def window(qtbot, gate_event, inline_jobs, leaving, clock, monkeypatch) -> Iterator[GateWindow]:
    monkeypatch.setattr("ui.sounds.play", lambda _kind: None)
    view = GateView.for_event(gate_event.store, gate_event.context())
    created = GateWindow(view, scan_clock=clock)
    qtbot.addWidget(created)
    created.show()
    with qtbot.waitActive(created):
        created.activateWindow()
    yield created


def test_a_scanner_burst_anywhere_reaches_the_gate(qtbot, window: GateWindow, gate_event, clock) -> None:
    elsewhere = QLineEdit()
    qtbot.addWidget(elsewhere)

    scan(qtbot, clock, elsewhere, gate_event.tokens["delegate"])

    assert elsewhere.text() == ""  # the field never saw the scan
    assert window.view.state == GateState.VERDICT
    assert window.view.word_label.text() == "ADMIT"
    assert [(record.colour, record.guest_id) for record in window.view.gate.scans()] == [
        ("green", gate_event.ids["delegate"])
    ]


def test_the_title_and_the_keys(window: GateWindow) -> None:
    assert window.windowTitle() == "Gate G1 — PLN Plenary hall — Accreditor"
    assert window.view.keys_label.text().endswith("F11  full screen   ·   Esc  leave")


def test_f11_toggles_full_screen(qtbot, window: GateWindow) -> None:
    qtbot.keyClick(window.view, Qt.Key.Key_F11)
    assert window.isFullScreen()
    qtbot.keyClick(window.view, Qt.Key.Key_F11)
    assert not window.isFullScreen()


def test_esc_asks_before_leaving(qtbot, window: GateWindow, leaving: LeaveQuestion, gate_event) -> None:
    leaving.answers.append(False)
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert window.isVisible()
    assert not window.view.closed
    window.view.handle_scan(gate_event.tokens["delegate"])  # still a working gate

    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert leaving.asked == 2
    assert not window.isVisible()
    assert window.view.closed


def test_a_closed_window_stops_listening_for_scans(qtbot, window: GateWindow, clock) -> None:
    window.close()
    elsewhere = QLineEdit()
    qtbot.addWidget(elsewhere)
    scan(qtbot, clock, elsewhere, "AC1:ABCD")
    assert elsewhere.text() == "AC1:ABCD"


# -- opening ----------------------------------------------------------------------------------------


def test_an_event_opens_live_with_its_zones(qtbot, gate_event, leaving, monkeypatch) -> None:
    asked: list[tuple[dict[str, str], bool]] = []

    def ask(_parent: object, zones: dict[str, str], *, allow_package: bool, package: Path | None = None) -> GateChoice:
        asked.append((zones, allow_package))
        return GateChoice(zone="PRS", direction="out", gate_name="Press exit")

    monkeypatch.setattr(GateSetupDialog, "ask", ask)
    created = build_window(["accreditor-gate", gate_event.store.location])
    assert created is not None
    qtbot.addWidget(created)

    assert asked == [({zone.code: zone.name for zone in STANDARD_ZONES}, False)]
    context = created.view.gate.context
    assert (context.zone, context.direction, context.gate, context.operator) == ("PRS", "out", "Press exit", "tester")
    assert created.view.gate.description.startswith("event gate.accreditor")
    assert QSettings().value(LAST_SOURCE_KEY) == gate_event.store.location
    created.close()


def test_a_package_opens_offline_with_the_trusted_anchor(qtbot, gate_event, leaving, monkeypatch) -> None:
    path = gate_event.package()
    anchor = TrustAnchor.from_public_key_file(gate_event.pem)
    choice = GateChoice(
        "PLN", "in", "G1", package_path=path, anchor=anchor, package=load_package(path.read_bytes(), anchor)
    )
    asked: list[Path | None] = []

    def ask(_parent: object, zones: dict[str, str], *, allow_package: bool, package: Path | None = None) -> GateChoice:
        assert (zones, allow_package) == ({}, True)
        asked.append(package)
        return choice

    monkeypatch.setattr(GateSetupDialog, "ask", ask)
    monkeypatch.setattr(gate_window, "last_source", lambda: str(path))
    created = build_window(["accreditor-gate"])  # no argument: the source used last
    assert created is not None
    qtbot.addWidget(created)

    assert asked == [path]
    assert created.view.gate.description.startswith("gate package of")
    assert created.view.inside_panel is not None
    created.close()


def test_a_gate_that_cannot_open_as_set_up_is_reported_and_asked_again(
    qtbot, gate_event, tmp_path, leaving, monkeypatch, shown_errors
) -> None:
    path = gate_event.package()
    anchor = TrustAnchor.from_public_key_file(gate_event.pem)
    package = load_package(path.read_bytes(), anchor)
    (tmp_path / "gate" / "plenary.gatepkg.scans").write_bytes(b"not a scan log")
    answers = [GateChoice("PLN", "in", "G1", package_path=path, anchor=anchor, package=package), None]
    monkeypatch.setattr(GateSetupDialog, "ask", lambda *_args, **_kwargs: answers.pop(0))

    assert build_window(["accreditor-gate", str(path)]) is None  # cancelled the second time

    assert [error.text for error in shown_errors] == ["plenary.gatepkg.scans is not a gate scan log."]
    assert answers == []


def test_a_source_that_is_not_an_event_is_reported_then_another_is_asked_for(
    tmp_path, monkeypatch, shown_errors
) -> None:
    bogus = tmp_path / "notes.accreditor"
    bogus.write_text("not a database", encoding="utf-8")
    monkeypatch.setattr(gate_window, "ask_source_file", lambda _parent: None)

    assert build_window(["accreditor-gate", str(bogus)]) is None

    assert [error.text for error in shown_errors] == ["notes.accreditor is not an Accreditor event file."]


def test_cancelling_the_setup_closes_the_event(gate_event, monkeypatch) -> None:
    monkeypatch.setattr(GateSetupDialog, "ask", lambda *_args, **_kwargs: None)
    assert build_window(["accreditor-gate", gate_event.store.location]) is None


def test_on_an_event_with_users_the_gate_is_run_by_a_login_that_may(qtbot, gate_event, leaving, monkeypatch) -> None:
    chosen = GateChoice(zone="PLN", direction="in", gate_name="North")
    monkeypatch.setattr(GateSetupDialog, "ask", lambda *_args, **_kwargs: chosen)
    shown_errors: list[str] = []
    monkeypatch.setattr(
        gate_window.messages, "show_error", lambda _parent, _title, text, **_: shown_errors.append(text)
    )

    monkeypatch.setattr(LoginDialog, "ask", classmethod(lambda *_args, **_kwargs: None))  # nobody logged in
    assert gate_window.open_gate_window(gate_event.store.location) is None

    monkeypatch.setattr(LoginDialog, "ask", classmethod(lambda *_args, **_kwargs: Actor("bob", Role.DESK)))
    with pytest.raises(PermissionDenied, match="Desk users may not operate a gate"):
        gate_window.open_gate_window(gate_event.store.location)

    farrukh = Actor("farrukh", Role.SECURITY)
    monkeypatch.setattr(LoginDialog, "ask", classmethod(lambda *_args, **_kwargs: farrukh))
    created = gate_window.open_gate_window(gate_event.store.location)
    assert created is not None
    qtbot.addWidget(created)
    assert created.view.gate.context.operator == farrukh
    created.close()


def test_the_gate_app_is_a_gui_script() -> None:
    project = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["gui-scripts"]["accreditor-gate"] == "ui.gate.gate_window:main"
