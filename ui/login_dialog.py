"""The login of an event with users, and the lock that brings it back after the station sat idle.

The core decides (`accreditor.users.log_in`): the dialog only asks for the name and the password and shows the
core's sentence when it refuses.  The station remembers the last user name in its settings, never the password;
the password field is cleared after every attempt.
"""

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from accreditor.acting_user import default_user
from accreditor.errors import AccreditorError
from accreditor.roles import Actor
from accreditor.store import EventStore
from accreditor.users import event_has_users, log_in
from ui import jobs

LAST_USER_KEY = "login/last_user"


class LoginDialog(QDialog):
    """Name and password for `store`; `actor` is set once the core accepted them."""

    def __init__(self, store: EventStore, parent: QWidget | None = None, *, station: str = "") -> None:
        super().__init__(parent)
        self._store = store
        self._station = station
        self.actor: Actor | None = None
        self._checking = False
        self.setWindowTitle(self.tr("Log in — {event}").format(event=store.display_name))
        self.name_edit = QLineEdit(str(QSettings().value(LAST_USER_KEY, "") or ""))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&User:"), self.name_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("This event has users: log in to work on it.")))
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        (self.password_edit if self.name_edit.text() else self.name_edit).setFocus()

    def accept(self) -> None:
        if self._checking:  # a second Enter while the first login is checked
            return
        name, password = self.name_edit.text().strip(), self.password_edit.text()
        self.password_edit.clear()  # never kept, whatever the answer
        self._checking = True
        self.setEnabled(False)
        try:
            # scrypt and the users table, off the UI thread: the window keeps painting meanwhile
            self.actor = jobs.wait_for(lambda _context: log_in(self._store, name, password, station=self._station))
        except AccreditorError as error:
            self.error_label.setText(str(error))
            self.password_edit.setFocus()
            return
        finally:
            self._checking = False
            self.setEnabled(True)
        QSettings().setValue(LAST_USER_KEY, self.actor.name)
        super().accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, store: EventStore, *, station: str = "", has_users: bool | None = None
    ) -> Actor | None:
        """Who works on `store`: anyone, unrestricted, on an event without users; else the user who logged in,
        or None if they cancelled.  `has_users`, when the caller read it off the UI thread, spares a query.
        Tests monkeypatch this."""
        if has_users is None:
            has_users = jobs.wait_for(lambda _context: event_has_users(store))
        if not has_users:
            return Actor.unrestricted(default_user())
        dialog = cls(store, parent, station=station)
        return dialog.actor if dialog.exec() == QDialog.DialogCode.Accepted else None


class InactivityLock(QObject):
    """Says `locked` after `minutes` without a key press or a mouse click anywhere in the application.

    0 minutes: never.  It watches the application's events (an event filter), so a scan or typing in any window
    or dialog counts as activity.
    """

    locked = Signal()
    _ACTIVITY = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel})

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.locked)
        self._minutes = 0
        self.set_minutes(minutes)

    def set_minutes(self, minutes: int) -> None:
        self._minutes = max(0, minutes)
        self._timer.stop()
        if self._minutes:
            self._timer.setInterval(self._minutes * 60_000)
            self._timer.start()

    def is_armed(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self._ACTIVITY and self._timer.isActive():
            self._timer.start()  # restart the countdown
        return False

    def resume(self) -> None:
        """Start counting again after the user logged back in."""
        if self._minutes:
            self._timer.start()
