"""GateView: the colour, word, photo, name, category, zones and reason of each verdict; the log; override; ready.

Everything real: the event on disk, badge tokens as printed, the gate logging each scan before the screen
shows it.  Only the reason dialog and the sounds are replaced (recorded).
"""

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import Qt
from sqlalchemy.exc import OperationalError

from accreditor.gate.package import TrustAnchor, load_package
from ui import sounds
from ui.desk import reason_dialog
from ui.gate.gate_view import GateState, GateView

GREEN, ORANGE, RED = "#2E7D32", "#EF6C00", "#C62828"


@pytest.fixture
def played(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every sound the view asked for, in order."""
    kinds: list[str] = []
    monkeypatch.setattr(sounds, "play", kinds.append)
    return kinds


@dataclass
class ReasonPrompt:
    """The reason dialog as the operator answers it: one answer per F9 (None: Cancel); the prompts shown."""

    answers: list[str | None] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)

    def ask(self, _parent: object, _title: str, prompt: str, _suggestions: object = ()) -> str | None:
        self.asked.append(prompt)
        return self.answers.pop(0)


@pytest.fixture
def reasons(monkeypatch: pytest.MonkeyPatch) -> ReasonPrompt:
    prompt = ReasonPrompt()
    monkeypatch.setattr(reason_dialog, "ask_reason", prompt.ask)
    return prompt


@pytest.fixture
def view(qtbot, gate_event, inline_jobs, played) -> Iterator[GateView]:
    created = GateView.for_event(gate_event.store, gate_event.context())
    qtbot.addWidget(created)
    created.resize(1366, 768)
    yield created
    created.close_gate()


def page_colour(view: GateView) -> str:
    return view.verdict_page.styleSheet().split("background: ")[1].split(";")[0]


def test_it_starts_ready_and_names_the_gate(view: GateView) -> None:
    assert view.state == GateState.READY
    assert view.ready_label.text() == "READY TO SCAN"
    assert view.gate_label.text() == "PLN — Plenary hall   ·   ENTRY   ·   gate G1"
    assert view.count_label.text() == "0 people inside PLN now"


def test_a_valid_badge_is_green_with_the_photo_and_is_logged(view: GateView, gate_event, played) -> None:
    view.handle_scan(gate_event.tokens["delegate"])

    assert view.state == GateState.VERDICT
    assert page_colour(view) == GREEN
    assert view.word_label.text() == "ADMIT"
    assert view.headline_label.text() == "Valid for this zone"
    assert view.direction_label.text() == "ENTRY"
    assert view.message_label.text() == "Valid for PLN (Plenary hall)."
    assert view.name_label.text() == "Ҷамшед Раҳмонов"
    assert view.latin_label.text() == "Jamshed Rahmonov"
    assert view.category_label.text() == "Delegate"
    assert "background: #1565C0" in view.category_label.styleSheet()
    assert [box.text().count(zone) for box, zone in zip(view.zone_boxes, ("PLN", "BIL"), strict=True)] == [1, 1]
    assert [box.property("this_gate") for box in view.zone_boxes] == [True, False]
    # Live on the event, the photo is the full one on file (600 × 800), not the package's thumbnail.
    assert (view.photo.pixmap().width(), view.photo.pixmap().height()) == (600, 800)
    assert played == ["ok"]

    (logged,) = view.gate.scans()
    assert (logged.colour, logged.reason, logged.guest_id) == ("green", "ok", gate_event.ids["delegate"])
    assert (logged.gate, logged.zone, logged.direction, logged.operator) == ("G1", "PLN", "in", "officer")


def test_a_second_entry_is_orange_already_inside(view: GateView, gate_event, played) -> None:
    view.handle_scan(gate_event.tokens["delegate"])
    view.handle_scan(gate_event.tokens["delegate"])

    assert page_colour(view) == ORANGE
    assert view.word_label.text() == "CHECK"
    assert view.headline_label.text() == "Already inside"
    assert view.message_label.text().startswith("Already inside PLN since ")
    assert not view.photo.pixmap().isNull()
    assert played == ["ok", "warning"]
    assert [(scan.colour, scan.reason) for scan in view.gate.scans()] == [("green", "ok"), ("orange", "already_inside")]


def test_a_revoked_guest_is_red_with_the_reason_and_the_face(view: GateView, gate_event, played) -> None:
    view.handle_scan(gate_event.tokens["revoked"])

    assert page_colour(view) == RED
    assert view.word_label.text() == "STOP"
    assert view.headline_label.text() == "Accreditation REVOKED"
    assert view.message_label.text() == "Accreditation REVOKED: do not let in."
    assert view.direction_label.text() == ""  # nobody passes
    assert view.name_label.text() == "Søren Ørsted"
    assert not view.photo.pixmap().isNull()  # who to look out for
    assert played == ["error"]
    (logged,) = view.gate.scans()
    assert (logged.colour, logged.reason, logged.guest_id) == ("red", "revoked", gate_event.ids["revoked"])


def test_a_forged_badge_is_red_and_shows_nobody(view: GateView, gate_event) -> None:
    view.handle_scan(gate_event.forged("delegate"))

    assert page_colour(view) == RED
    assert view.headline_label.text() == "FORGED badge"
    assert view.message_label.text() == "FORGED: the badge's signature is not valid."
    assert view.identity.isHidden()
    (logged,) = view.gate.scans()
    assert (logged.colour, logged.reason, logged.guest_id) == ("red", "bad_signature", None)


def test_a_guest_without_photo_is_orange_and_says_so(view: GateView, gate_event) -> None:
    view.handle_scan(gate_event.tokens["no_photo"])
    assert page_colour(view) == ORANGE
    assert view.headline_label.text() == "No photo on file"
    assert view.photo.pixmap().isNull()
    assert view.photo.text() == "No photo on file"


def test_a_badge_for_another_zone_is_red_and_shows_its_zones(view: GateView, gate_event) -> None:
    view.handle_scan(gate_event.tokens["media"])
    assert page_colour(view) == RED
    assert view.headline_label.text() == "Not allowed in this zone"
    assert [box.property("this_gate") for box in view.zone_boxes] == [False]
    assert "PRS" in view.zone_boxes[0].text()


def test_override_needs_a_reason_and_is_logged(view: GateView, gate_event, reasons, played) -> None:
    view.handle_scan(gate_event.tokens["revoked"])
    reasons.answers.extend([None, "Supervisor's instruction"])

    view.override_action.trigger()  # cancelled: nothing logged, the red verdict stays
    assert len(view.gate.scans()) == 1
    assert view.word_label.text() == "STOP"
    assert view.return_timer.isActive()

    view.override_action.trigger()
    assert reasons.asked[0].startswith("Let Søren Ørsted through although the gate said STOP")
    assert page_colour(view) == ORANGE
    assert view.headline_label.text() == "Let through by the operator"
    assert "Supervisor's instruction" in view.message_label.text()
    assert played == ["error", "warning"]
    last = view.gate.scans()[-1]
    assert (last.colour, last.reason, last.override_reason) == ("orange", "override", "Supervisor's instruction")
    assert last.guest_id == gate_event.ids["revoked"]

    view.override_action.trigger()  # an override is not overridden again
    assert view.notice_label.text().startswith("Nothing to override")
    assert len(view.gate.scans()) == 2


def test_f9_from_the_keyboard_overrides_the_last_scan(qtbot, view: GateView, gate_event, reasons) -> None:
    view.show()
    with qtbot.waitActive(view):
        view.activateWindow()
    view.setFocus()
    view.handle_scan(gate_event.tokens["media"])
    reasons.answers.append("Escorted by protocol")

    qtbot.keyClick(view, Qt.Key.Key_F9)

    assert view.gate.scans()[-1].override_reason == "Escorted by protocol"
    assert view.word_label.text() == "CHECK"


def test_a_green_verdict_has_nothing_to_override(view: GateView, gate_event, reasons) -> None:
    view.handle_scan(gate_event.tokens["delegate"])
    view.override_action.trigger()
    assert reasons.asked == []
    assert view.notice_label.text().startswith("Nothing to override")


def test_an_override_asked_before_a_newer_scan_is_not_applied(view: GateView, gate_event, monkeypatch) -> None:
    view.handle_scan(gate_event.tokens["revoked"])

    def scan_while_asking(*_args: object) -> str:
        view.handle_scan(gate_event.tokens["delegate"])  # the scanner fires while the dialog is open
        return "Escorted by protocol"

    monkeypatch.setattr(reason_dialog, "ask_reason", scan_while_asking)
    view.override_action.trigger()

    assert [scan.reason for scan in view.gate.scans()] == ["revoked", "ok"]
    assert view.word_label.text() == "ADMIT"
    assert view.notice_label.text() == "Override NOT recorded: another badge was scanned meanwhile."


def test_it_returns_to_ready_after_the_timeout(qtbot, gate_event, inline_jobs, played) -> None:
    view = GateView.for_event(gate_event.store, gate_event.context(), verdict_seconds=0.05)
    qtbot.addWidget(view)
    view.handle_scan(gate_event.tokens["delegate"])
    assert view.state == GateState.VERDICT

    qtbot.waitUntil(lambda: view.state == GateState.READY, timeout=2000)

    assert view.count_label.text() == "1 person inside PLN now"
    assert view.last_label.text() == "Last scan: ADMIT — Ҷамшед Раҳмонов (valid for this zone)"
    view.close_gate()


def test_the_next_scan_replaces_the_verdict_and_space_returns_to_ready(qtbot, view: GateView, gate_event) -> None:
    view.show()
    qtbot.waitExposed(view)
    view.handle_scan(gate_event.tokens["revoked"])
    view.handle_scan(gate_event.tokens["delegate"])
    assert view.word_label.text() == "ADMIT"
    assert view.return_timer.isActive()

    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert view.state == GateState.READY
    assert not view.return_timer.isActive()


def test_a_scan_the_gate_cannot_record_is_refused_on_screen(view: GateView, gate_event, monkeypatch) -> None:
    def unreachable(*_args: object, **_kwargs: object) -> None:
        raise OperationalError("INSERT INTO scans", {}, Exception("database is locked"))

    monkeypatch.setattr(view.gate, "scan", unreachable)
    view.handle_scan(gate_event.tokens["delegate"])

    assert page_colour(view) == RED
    assert view.headline_label.text() == "Scan NOT checked"
    assert "Check it by hand and call the supervisor" in view.message_label.text()
    assert view.last is None  # nothing to override: nothing was logged


def test_f8_shows_who_is_inside_and_back(view: GateView, gate_event) -> None:
    view.handle_scan(gate_event.tokens["delegate"])
    view.inside_action.trigger()
    assert view.state == GateState.INSIDE
    assert view.inside_panel is not None
    assert view.inside_panel.model.rowCount() == 1
    assert view.keys_label.text().startswith("F8  back to ready")
    view.inside_action.trigger()
    assert view.state == GateState.READY


def test_an_offline_gate_shows_the_package_thumbnail_and_logs_beside_it(qtbot, gate_event, inline_jobs) -> None:
    path = gate_event.package()
    anchor = TrustAnchor.from_public_key_file(gate_event.pem)
    package = load_package(path.read_bytes(), anchor)
    view = GateView.for_package(path, package, gate_event.context(), anchor=anchor)
    qtbot.addWidget(view)

    view.handle_scan(gate_event.tokens["delegate"])
    view.handle_scan(gate_event.tokens["revoked"])

    assert view.gate.description.startswith("gate package of")
    assert view.name_label.text() == "Søren Ørsted"
    assert view.photo.pixmap().width() <= 120  # the package holds thumbnails only
    assert [(scan.colour, scan.reason) for scan in view.gate.scans()] == [("green", "ok"), ("red", "revoked")]
    assert path.with_name(path.name + ".scans").is_file()
    view.return_to_ready()
    assert view.count_label.text() == "1 person inside PLN now"
    assert view.source_label.text().startswith("On the gate package of")
    view.close_gate()
    view.close_gate()  # twice is harmless


def test_the_keyboard_goes_to_who_is_inside_and_back(qtbot, view: GateView, gate_event) -> None:
    view.show()
    with qtbot.waitActive(view):
        view.activateWindow()
    view.setFocus()

    qtbot.keyClick(view, Qt.Key.Key_F8)
    assert view.state == GateState.INSIDE
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_F8)  # from the panel's table
    assert view.state == GateState.READY
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_F9)  # the keys still reach the view
    assert view.notice_label.text().startswith("Nothing to override")


def test_a_closed_gate_takes_no_more_scans(view: GateView, gate_event) -> None:
    view.close_gate()
    view.handle_scan(gate_event.tokens["delegate"])
    assert view.state == GateState.READY
    assert view.closed


def test_scans_are_decided_in_the_background_one_at_a_time_in_order(qtbot, gate_event, played) -> None:
    """With the real thread pool: a burst of scans is decided and logged in the order read, none lost."""
    created = GateView.for_event(gate_event.store, gate_event.context())
    qtbot.addWidget(created)
    shown: list[str] = []
    created.verdict_shown.connect(lambda verdict: shown.append(verdict.reason))
    try:
        for role in ("delegate", "revoked", "delegate"):
            created.handle_scan(gate_event.tokens[role])
        qtbot.waitUntil(lambda: len(shown) == 3, timeout=10_000)
        assert shown == ["ok", "revoked", "already_inside"]
        assert [record.reason for record in created.gate.scans()][-3:] == shown
    finally:
        created.close_gate()
