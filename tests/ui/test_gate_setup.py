"""GateSetupDialog: zone, direction, name and anti-passback; a package trusted only with the organiser's key."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from accreditor import categories, keys
from accreditor.gate.package import fingerprint
from accreditor.store import EventStore
from ui.gate import gate_setup_dialog
from ui.gate.gate_setup_dialog import GateChoice, GateSetupDialog

ZONES = {"PLN": "Plenary hall", "VIP": "VIP lounge", "PRS": "Press centre"}


@pytest.fixture
def make_dialog(qtbot):
    def make(zones: dict[str, str], **options: object) -> GateSetupDialog:
        options.setdefault("allow_package", False)
        dialog = GateSetupDialog(None, zones, **options)
        qtbot.addWidget(dialog)
        return dialog

    return make


def other_events_pem(tmp_path: Path) -> bytes:
    """The public keys of another event: a package is not trusted with them."""
    with (
        EventStore.create(tmp_path / "other.accreditor", passphrase="test passphrase", name="Other") as store,
        store.begin() as connection,
    ):
        categories.install_standard(connection)
        return keys.export_public_pem(connection)


def accept_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """`exec` presses OK (the dialog's own accept runs, with its checks)."""

    def execute(dialog: GateSetupDialog) -> int:
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(GateSetupDialog, "exec", execute)


def test_an_event_gate_offers_the_event_zones_and_names_itself(make_dialog) -> None:
    dialog = make_dialog(ZONES)
    assert [dialog.zone_choice.itemData(index) for index in range(dialog.zone_choice.count())] == list(ZONES)
    assert dialog.package_box.isHidden()
    dialog.zone_choice.setCurrentIndex(1)
    dialog.direction_choice.setCurrentIndex(dialog.direction_choice.findData("out"))

    assert dialog.gate_name.placeholderText() == "VIP-out"
    assert not dialog.anti_passback.isEnabled()  # only an entry can flag a second entry
    assert dialog.choice() == GateChoice(zone="VIP", direction="out", gate_name="VIP-out", anti_passback=True)


def test_the_choice_makes_the_gate_context(make_dialog) -> None:
    dialog = make_dialog(ZONES)
    dialog.gate_name.setText("North door")
    dialog.anti_passback.setChecked(False)
    dialog.seconds.setValue(8)
    context = dialog.choice().context(station="laptop-3", operator="officer")
    assert (context.zone, context.direction, context.gate) == ("PLN", "in", "North door")
    assert (context.station, context.operator, context.anti_passback) == ("laptop-3", "officer", False)
    assert dialog.choice().verdict_seconds == 8


def test_the_answers_are_remembered_for_the_next_start(make_dialog, monkeypatch) -> None:
    accept_at_once(monkeypatch)
    first = make_dialog(ZONES)
    first.zone_choice.setCurrentIndex(2)
    first.direction_choice.setCurrentIndex(first.direction_choice.findData("both"))
    first.gate_name.setText("Press door")
    first.accept()

    chosen = GateSetupDialog.ask(None, ZONES, allow_package=False)
    assert chosen is not None
    assert (chosen.zone, chosen.direction, chosen.gate_name) == ("PRS", "both", "Press door")


def test_cancel_gives_none(monkeypatch) -> None:
    monkeypatch.setattr(GateSetupDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    assert GateSetupDialog.ask(None, ZONES, allow_package=False) is None


def test_a_package_trusted_with_the_public_key_file_offers_its_zones(make_dialog, gate_event, monkeypatch) -> None:
    package, key_file = gate_event.package(), gate_event.key_file()
    monkeypatch.setattr(gate_setup_dialog, "ask_package_file", lambda _parent, _start: package)
    monkeypatch.setattr(gate_setup_dialog, "ask_key_file", lambda _parent, _start: key_file)
    dialog = make_dialog({}, allow_package=True)
    assert not dialog.zone_choice.isEnabled()  # nothing to offer before the package is trusted

    dialog.browse_package_button.click()
    dialog.browse_key_button.click()

    assert dialog.package_status.text().startswith(f"Trusted: gate package of {gate_event.store.event_info().name}")
    assert dialog.zone_choice.isEnabled()
    assert dialog.zone_choice.itemData(0) == "PLN"
    chosen = dialog.choice()
    assert chosen.package_path == package
    assert chosen.package is not None and chosen.package.event_uid == chosen.anchor.event_uid


def test_a_package_trusted_with_the_fingerprint(make_dialog, gate_event) -> None:
    package = gate_event.package()
    with gate_event.store.connect() as connection:
        _key_id, private_key = keys.active_signing_key(connection)
    dialog = make_dialog({}, allow_package=True, package=package)
    dialog.key_edit.clear()
    dialog.fingerprint_edit.setText(fingerprint(private_key.public_key().public_bytes_raw()).upper())

    assert dialog.check_package()
    assert dialog.choice().package is not None


def test_a_wrong_key_file_is_refused_in_words(make_dialog, gate_event, tmp_path, monkeypatch) -> None:
    accept_at_once(monkeypatch)
    wrong = tmp_path / "other.pem"
    wrong.write_bytes(other_events_pem(tmp_path))
    dialog = make_dialog({}, allow_package=True, package=gate_event.package())
    dialog.key_edit.setText(str(wrong))

    assert not dialog.check_package()
    assert "but this gate trusts only the keys in the event's public-key file" in dialog.package_status.text()
    assert not dialog.zone_choice.isEnabled()
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.text() == "The gate package is not trusted yet: see above."
    assert dialog.choice().package is None


@pytest.mark.parametrize(
    ("key_file", "typed", "message"),
    [
        (False, "", "Give the event's public-key file or the signing key's fingerprint"),
        (True, "5647 5aa7", "Give either the event's public-key file or the fingerprint, not both."),
        (False, "5647 5aa7", "'5647 5aa7' is not a key fingerprint"),
    ],
)
def test_a_package_needs_exactly_one_anchor(make_dialog, gate_event, key_file, typed, message) -> None:
    dialog = make_dialog({}, allow_package=True, package=gate_event.package())
    dialog.key_edit.setText(str(gate_event.key_file()) if key_file else "")
    dialog.fingerprint_edit.setText(typed)
    assert not dialog.check_package()
    assert dialog.package_status.text().startswith(message)


def test_a_file_that_is_not_a_package_is_refused(make_dialog, gate_event, tmp_path) -> None:
    bogus = tmp_path / "notes.gatepkg"
    bogus.write_text("hello", encoding="utf-8")
    dialog = make_dialog({}, allow_package=True, package=bogus)
    dialog.key_edit.setText(str(gate_event.key_file()))
    assert not dialog.check_package()
    assert dialog.package_status.text() == "This file is not an Accreditor gate package."


def test_with_event_zones_a_package_is_optional(make_dialog, gate_event) -> None:
    dialog = make_dialog(ZONES, allow_package=True)
    assert dialog.package_box.isCheckable()
    assert not dialog.uses_package()
    assert dialog.check_package()  # nothing to check: the event is the source
    dialog.package_box.setChecked(True)
    assert dialog.uses_package()
    assert not dialog.zone_choice.isEnabled()
