"""What a front-desk computer remembers about itself: its name, printer, badge layout, and habits.

These belong to the station, not to the event (the same event is open at several desks), so they live in
QSettings rather than in the event file.
"""

from dataclasses import dataclass, fields, replace

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from accreditor.badges.layout import list_layouts, load_layout
from ui import i18n, jobs
from ui.printing import PrintOutcome, available_printers, print_test_page

_GROUP = "station"


def system_default() -> str:
    """The printer choice that means the system's default printer."""
    return QCoreApplication.translate("SettingsDialog", "System default")


@dataclass
class StationSettings:
    station_name: str = "Desk 1"
    printer: str = ""  # "" = the system's default printer
    layout: str = "cr80"
    auto_print: bool = False  # print the badge as soon as a guest is checked in
    sounds: bool = True
    lock_after_minutes: int = 10  # on an event with users: back to the login after this long idle (0: never)
    language: str = ""  # "en", "ru", "tg"; "" follows the computer's locale


def load_settings() -> StationSettings:
    """The saved settings; defaults for anything never saved."""
    store = QSettings()
    store.beginGroup(_GROUP)
    values = {
        item.name: store.value(item.name, item.default, type=type(item.default))
        for item in fields(StationSettings)
        if store.contains(item.name)
    }
    store.endGroup()
    return StationSettings(**values)


def save_settings(settings: StationSettings) -> None:
    store = QSettings()
    store.beginGroup(_GROUP)
    for item in fields(StationSettings):
        store.setValue(item.name, getattr(settings, item.name))
    store.endGroup()
    store.sync()


def _select(combo: QComboBox, value: str, missing_text: str) -> None:
    """Select the item whose data is `value`, adding it first if it is not offered (a printer since removed)."""
    index = combo.findData(value)
    if index < 0:
        combo.addItem(missing_text, value)
        index = combo.count() - 1
    combo.setCurrentIndex(index)


class SettingsDialog(QDialog):
    """Edits a StationSettings; OK only with a station name (it is written in the audit log of every print)."""

    def __init__(self, parent: QWidget | None, current: StationSettings) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Station settings"))
        self._current = current
        self.station_name = QLineEdit(current.station_name)
        self.station_name.setPlaceholderText(self.tr("e.g. Desk 1"))
        self.printer = QComboBox()
        self.printer.addItem(system_default(), "")
        for name in available_printers():
            self.printer.addItem(name, name)
        _select(self.printer, current.printer, self.tr("{printer} (not found)").format(printer=current.printer))
        self.layout_choice = QComboBox()
        for name in list_layouts():
            self.layout_choice.addItem(name, name)
        _select(self.layout_choice, current.layout, current.layout)
        self.language = QComboBox()
        self.language.addItem(
            self.tr("As the computer ({language})").format(language=i18n.LANGUAGES[i18n.system_language()]), ""
        )
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        _select(self.language, current.language, current.language)
        self.language_note = QLabel(self.tr("The new language is used when Accreditor is restarted."))
        self.language_note.setWordWrap(True)
        self.language_note.hide()
        self.language.currentIndexChanged.connect(
            lambda: self.language_note.setVisible(self.language.currentData() != current.language)
        )
        self.auto_print = QCheckBox(self.tr("Print the badge when a guest is checked in"))
        self.auto_print.setChecked(current.auto_print)
        self.sounds = QCheckBox(self.tr("Sound on scans and errors"))
        self.sounds.setChecked(current.sounds)
        self.lock_after = QSpinBox()
        self.lock_after.setRange(0, 24 * 60)
        self.lock_after.setSuffix(self.tr(" min"))
        self.lock_after.setSpecialValueText(self.tr("never"))
        self.lock_after.setValue(current.lock_after_minutes)
        self.lock_after.setToolTip(
            self.tr("On an event with users, ask for the login again after this long without use")
        )
        self.test_page_button = QPushButton(self.tr("Print test page"))
        self.test_page_button.clicked.connect(self._print_test_page)
        self.test_page_result = QLabel()
        self.test_page_result.setWordWrap(True)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()

        printer_row = QHBoxLayout()
        printer_row.addWidget(self.printer, 1)
        printer_row.addWidget(self.test_page_button)
        form = QFormLayout()
        form.addRow(self.tr("Station name"), self.station_name)
        form.addRow(self.tr("Printer"), printer_row)
        form.addRow("", self.test_page_result)
        form.addRow(self.tr("Badge layout"), self.layout_choice)
        form.addRow("", self.auto_print)
        form.addRow("", self.sounds)
        form.addRow(self.tr("Lock when idle for"), self.lock_after)
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", self.language_note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def settings(self) -> StationSettings:
        """The settings as the dialog shows them now."""
        return replace(
            self._current,
            station_name=self.station_name.text().strip(),
            printer=self.printer.currentData(),
            layout=self.layout_choice.currentData(),
            auto_print=self.auto_print.isChecked(),
            sounds=self.sounds.isChecked(),
            lock_after_minutes=self.lock_after.value(),
            language=self.language.currentData(),
        )

    def accept(self) -> None:
        if not self.station_name.text().strip():
            self.error.setText(self.tr("The station needs a name; it is recorded with every badge printed here."))
            self.error.show()
            self.station_name.setFocus()
            return
        super().accept()

    def _print_test_page(self) -> None:
        printer, layout = self.printer.currentData(), self.layout_choice.currentData()
        self.test_page_button.setEnabled(False)
        self.test_page_result.setText(self.tr("Sending a test page…"))

        def send(_context: jobs.JobContext) -> PrintOutcome:
            return print_test_page(printer, page_mm=load_layout(layout).page_size)

        jobs.run_in_background(
            self, send, success=self._show_test_result, failure=self._show_test_failure, label=self.tr("Test page")
        )

    def _show_test_result(self, outcome: PrintOutcome) -> None:
        self.test_page_button.setEnabled(True)
        self.test_page_result.setText(outcome.message)

    def _show_test_failure(self, error: BaseException) -> None:
        self.test_page_button.setEnabled(True)
        self.test_page_result.setText(self.tr("No test page: {error}").format(error=error))

    @classmethod
    def ask(cls, parent: QWidget | None, current: StationSettings) -> StationSettings | None:
        """The settings the user confirmed, or None if they cancelled.  Tests monkeypatch this."""
        dialog = cls(parent, current)
        try:
            return dialog.settings() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
