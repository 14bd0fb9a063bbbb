"""Creating a new event from the app: name, dates, venue and the file it lives in."""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from accreditor import sealing
from accreditor.services import events
from accreditor.store import EventStore
from ui import i18n

EVENT_SUFFIX = ".accreditor"


@dataclass(frozen=True)
class NewEvent:
    path: Path
    name: str
    starts_on: date | None
    ends_on: date | None
    venue: str
    passphrase: str


def ask_new_event_path(parent: QWidget | None, suggested: str) -> Path | None:
    """Where to save the new event (tests replace this)."""
    path, _selected = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("new_event_dialog", "New event"),
        str(Path.home() / suggested),
        QCoreApplication.translate("new_event_dialog", "Accreditor events ({pattern})").format(
            pattern=f"*{EVENT_SUFFIX}"
        ),
    )
    if not path:
        return None
    chosen = Path(path)
    return chosen if chosen.suffix == EVENT_SUFFIX else chosen.with_name(chosen.name + EVENT_SUFFIX)


def _file_name_for(event_name: str) -> str:
    stem = "".join(char if char.isalnum() else "-" for char in event_name.strip().lower()).strip("-")
    return f"{stem[:40] or 'event'}{EVENT_SUFFIX}"


class NewEventDialog(QDialog):
    """Name (required), optional dates and venue, and a file; the event gets the standard categories."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New event"))
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. High-Level Conference on Countering Terrorism, Dushanbe"))
        self.venue_edit = QLineEdit()
        self.dated = QCheckBox(self.tr("The dates are known"))
        self.dated.setChecked(True)
        today = QDate.currentDate()
        self.starts_edit = QDateEdit(today)
        self.ends_edit = QDateEdit(today.addDays(1))
        for edit in (self.starts_edit, self.ends_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.dated.toggled.connect(self.starts_edit.setEnabled)
        self.dated.toggled.connect(self.ends_edit.setEnabled)
        self.path_label = QLabel(self.tr("No file chosen"))
        self.path_button = QPushButton(self.tr("Choose file…"))
        self.path_button.clicked.connect(self._choose_path)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #C62828;")
        self.error_label.setWordWrap(True)
        self.path: Path | None = None
        # The badge signing key is sealed with this passphrase; whoever prints badges types it once per session.
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_again_edit = QLineEdit()
        self.passphrase_again_edit.setEchoMode(QLineEdit.EchoMode.Password)

        form = QFormLayout()
        form.addRow(self.tr("Event name"), self.name_edit)
        form.addRow("", self.dated)
        form.addRow(self.tr("Starts"), self.starts_edit)
        form.addRow(self.tr("Ends"), self.ends_edit)
        form.addRow(self.tr("Venue"), self.venue_edit)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_label, stretch=1)
        file_row.addWidget(self.path_button)
        form.addRow(self.tr("File"), file_row)
        form.addRow(self.tr("Key passphrase"), self.passphrase_edit)
        form.addRow(self.tr("Passphrase again"), self.passphrase_again_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def _choose_path(self) -> None:
        chosen = ask_new_event_path(self, _file_name_for(self.name_edit.text()))
        if chosen is not None:
            self.path = chosen
            self.path_label.setText(str(chosen))

    def choice(self) -> NewEvent | str:
        """The new event, or the sentence saying what is missing."""
        name = self.name_edit.text().strip()
        if not name:
            return self.tr("Give the event a name.")
        if self.path is None:
            return self.tr("Choose the file the event is saved in.")
        starts = ends = None
        if self.dated.isChecked():
            starts, ends = self.starts_edit.date().toPython(), self.ends_edit.date().toPython()
            if ends < starts:
                return self.tr("The event cannot end before it starts.")
        passphrase = self.passphrase_edit.text()
        if len(passphrase) < sealing.MIN_PASSPHRASE_LENGTH:
            return self.tr("The key passphrase needs at least {count} characters.").format(
                count=i18n.number_text(sealing.MIN_PASSPHRASE_LENGTH)
            )
        if self.passphrase_again_edit.text() != passphrase:
            return self.tr("The two passphrases differ.")
        return NewEvent(self.path, name, starts, ends, self.venue_edit.text().strip(), passphrase)

    def accept(self) -> None:
        chosen = self.choice()
        if isinstance(chosen, str):
            self.error_label.setText(chosen)
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None) -> NewEvent | None:
        dialog = cls(parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        chosen = dialog.choice()
        return chosen if isinstance(chosen, NewEvent) else None


def create_event(new: NewEvent) -> EventStore:
    """The event file with the standard categories and zones (AccreditorError says why it cannot be)."""
    return events.create_event(
        new.path,
        name=new.name,
        starts_on=new.starts_on,
        ends_on=new.ends_on,
        venue=new.venue,
        passphrase=new.passphrase,
    )
