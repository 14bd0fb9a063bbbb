"""Station settings: kept in QSettings (in tmp_path here), edited in a dialog that insists on a station name."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from accreditor.badges.layout import list_layouts, load_layout
from ui import settings
from ui.printing import PrintOutcome
from ui.settings import SettingsDialog, StationSettings, load_settings, save_settings

PRINTERS = ["Front desk", "Card printer"]
EDITED = StationSettings(station_name="Gate B desk", printer="Card printer", layout="a6", auto_print=True, sounds=False)


@pytest.fixture(autouse=True)
def printers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setattr(settings, "available_printers", lambda: PRINTERS)
    return PRINTERS


@pytest.fixture
def dialog(qtbot: QtBot) -> SettingsDialog:
    dialog = SettingsDialog(None, StationSettings())
    qtbot.addWidget(dialog)
    return dialog


def test_nothing_saved_gives_the_defaults() -> None:
    assert load_settings() == StationSettings()


def test_saved_settings_come_back_with_their_types(settings_path: Path) -> None:
    save_settings(EDITED)
    assert load_settings() == EDITED
    assert any(settings_path.rglob("*.ini"))  # in the test's folder, not the user's


def test_the_dialog_shows_the_current_settings_and_returns_the_edits(qtbot: QtBot) -> None:
    dialog = SettingsDialog(None, EDITED)
    qtbot.addWidget(dialog)
    assert dialog.settings() == EDITED
    assert [dialog.printer.itemText(index) for index in range(dialog.printer.count())] == [
        settings.system_default(),
        *PRINTERS,
    ]
    assert [dialog.layout_choice.itemData(index) for index in range(dialog.layout_choice.count())] == list_layouts()
    dialog.station_name.setText("  Desk 3 ")
    dialog.printer.setCurrentIndex(0)
    dialog.layout_choice.setCurrentIndex(dialog.layout_choice.findData("cr80"))
    dialog.auto_print.setChecked(False)
    dialog.sounds.setChecked(True)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.settings() == StationSettings(station_name="Desk 3", printer="", layout="cr80")


def test_a_printer_that_went_away_is_kept_and_marked(qtbot: QtBot) -> None:
    dialog = SettingsDialog(None, StationSettings(printer="Old laser"))
    qtbot.addWidget(dialog)
    assert dialog.printer.currentText() == "Old laser (not found)"
    assert dialog.settings().printer == "Old laser"


def test_a_station_needs_a_name(dialog: SettingsDialog) -> None:
    dialog.show()
    dialog.station_name.setText("   ")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.isVisibleTo(dialog)
    assert "name" in dialog.error.text()


def test_the_test_page_goes_to_the_chosen_printer_in_the_badge_size(
    inline_jobs: None, monkeypatch: pytest.MonkeyPatch, dialog: SettingsDialog
) -> None:
    sent: list[tuple[str, tuple[float, float] | None]] = []

    def print_test_page(printer: str = "", *, page_mm: tuple[float, float] | None = None) -> PrintOutcome:
        sent.append((printer, page_mm))
        return PrintOutcome(True, "Card_printer-3", "Sent to Card printer (job Card_printer-3).")

    monkeypatch.setattr(settings, "print_test_page", print_test_page)
    dialog.printer.setCurrentIndex(dialog.printer.findData("Card printer"))
    dialog.test_page_button.click()
    assert sent == [("Card printer", load_layout("cr80").page_size)]
    assert dialog.test_page_result.text() == "Sent to Card printer (job Card_printer-3)."
    assert dialog.test_page_button.isEnabled()


def test_a_refused_test_page_says_why(
    inline_jobs: None, monkeypatch: pytest.MonkeyPatch, dialog: SettingsDialog
) -> None:
    refusal = PrintOutcome(False, "", "There is no printer called Front desk.")
    monkeypatch.setattr(settings, "print_test_page", lambda *_args, **_kwargs: refusal)
    dialog.test_page_button.click()
    assert dialog.test_page_result.text() == refusal.message


def test_ask_returns_the_edits_or_none(monkeypatch: pytest.MonkeyPatch) -> None:
    def edit_and_ok(self: SettingsDialog) -> int:
        self.station_name.setText("Desk 9")
        self.accept()
        return self.result()

    monkeypatch.setattr(SettingsDialog, "exec", edit_and_ok)
    assert SettingsDialog.ask(None, StationSettings()) == StationSettings(station_name="Desk 9")
    monkeypatch.setattr(SettingsDialog, "exec", lambda _self: QDialog.DialogCode.Rejected)
    assert SettingsDialog.ask(None, StationSettings()) is None
