"""File › Connect to event server…: the address of the event's PostgreSQL database, and its password.

The password never goes into the app's settings.  Ticked "Remember", it goes into PostgreSQL's own
password file (owner-only, see `accreditor.pgpass`) and the event is remembered by a URL without it;
unticked, it is used for this session only and the remembered URL still has none, so opening the
event again from Recent events asks for it here.
"""

from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from accreditor import pgpass
from accreditor.errors import AccreditorError

DEFAULT_PORT = 5432


@dataclass(frozen=True, slots=True)
class ServerLocation:
    """`open_with` is given to EventStore.open; `remember_as` (never with a password) to Recent events."""

    open_with: str
    remember_as: str


def server_url(host: str, port: int, database: str, user: str, password: str = "") -> str:
    credentials = quote(user, safe="") + (":" + quote(password, safe="") if password else "")
    return f"postgresql://{credentials}@{host}:{port}/{quote(database, safe='')}"


class ServerDialog(QDialog):
    """Server address, port, event database, user and password; OK gives a `ServerLocation`."""

    def __init__(self, parent: QWidget | None = None, *, previous: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to event server"))
        self.host_edit = QLineEdit()
        self.host_edit.setPlaceholderText(self.tr("e.g. 192.168.10.5"))
        self.port_edit = QSpinBox()
        self.port_edit.setRange(1, 65535)
        self.port_edit.setValue(DEFAULT_PORT)
        self.database_edit = QLineEdit()
        self.database_edit.setPlaceholderText(self.tr("the event's database, e.g. summit2027"))
        self.user_edit = QLineEdit("accreditor")
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_box = QCheckBox(self.tr("Remember the password on this computer (in PostgreSQL's password file)"))
        self.remember_box.setChecked(True)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #C62828;")
        self.error_label.setWordWrap(True)
        self.location: ServerLocation | None = None
        if previous:
            self._fill_from(previous)

        form = QFormLayout()
        form.addRow(self.tr("Server"), self.host_edit)
        form.addRow(self.tr("Port"), self.port_edit)
        form.addRow(self.tr("Event database"), self.database_edit)
        form.addRow(self.tr("User"), self.user_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Connect"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.remember_box)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def _fill_from(self, url: str) -> None:
        """Pre-fill from a remembered URL (Recent events), so only the password may be missing."""
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError:
            return
        self.host_edit.setText(parts.hostname or "")
        self.port_edit.setValue(port or DEFAULT_PORT)
        self.database_edit.setText(unquote(parts.path.lstrip("/")))
        self.user_edit.setText(unquote(parts.username or ""))

    def accept(self) -> None:
        host, database, user = (edit.text().strip() for edit in (self.host_edit, self.database_edit, self.user_edit))
        fields = (
            (self.tr("server", "a field to fill in"), host),
            (self.tr("event database", "a field to fill in"), database),
            (self.tr("user", "a field to fill in"), user),
        )
        missing = [name for name, value in fields if not value]
        if missing:
            self.error_label.setText(
                self.tr("Fill in the {fields}.").format(fields=self.tr(" and the ", "between fields").join(missing))
            )
            return
        password = self.password_edit.text()
        remember_as = server_url(host, self.port_edit.value(), database, user)
        open_with = server_url(host, self.port_edit.value(), database, user, password)
        if password and self.remember_box.isChecked():
            try:
                pgpass.remember_password(remember_as, password)
            except (AccreditorError, OSError) as error:
                self.error_label.setText(
                    self.tr("The password could not be kept ({error}); untick Remember to go on.").format(error=error)
                )
                return
            open_with = remember_as  # the driver finds the password in the file
        self.location = ServerLocation(open_with=open_with, remember_as=remember_as)
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None = None, *, previous: str = "") -> ServerLocation | None:
        """The server the user chose, or None if they cancelled (tests replace this)."""
        dialog = cls(parent, previous=previous)
        return dialog.location if dialog.exec() == QDialog.DialogCode.Accepted else None
