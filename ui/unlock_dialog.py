"""The signing key's passphrase, asked once per session: before the first badge is signed, or to upgrade an event.

The event's private key is stored sealed (accreditor/sealing.py); the app asks for the passphrase the first time
this session must sign a badge (a desk print, a batch, its preview) and keeps the key unlocked until the app
closes.  An event made by an older version is upgraded on opening, which seals its key: then the dialog asks
for a new passphrase, twice.  Tests monkeypatch `UnlockDialog.ask`.
"""

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from accreditor import sealing
from accreditor.errors import AccreditorError
from accreditor.services import signing
from accreditor.store import EventStore
from ui import jobs


class UnlockDialog(QDialog):
    """One passphrase field (two when a new passphrase is being set), and the reason it is asked for."""

    def __init__(self, parent: QWidget | None, *, event_name: str, new: bool, problem: str = "") -> None:
        super().__init__(parent)
        self.new = new
        self.setWindowTitle(self.tr("Set the key passphrase") if new else self.tr("Unlock the signing key"))
        intro = (
            self.tr(
                "{event} is being upgraded: its badge signing key will be locked with a passphrase. "
                "Whoever prints badges types it once per session; keep it safe — it cannot be recovered."
            )
            if new
            else self.tr(
                "Badges of {event} are signed with a locked key. Type the event's passphrase to unlock it "
                "for this session."
            )
        ).format(event=event_name)
        text = QLabel(intro)
        text.setWordWrap(True)
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.again_edit = QLineEdit()
        self.again_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel(problem)
        self.error_label.setStyleSheet("color: #C62828;")
        self.error_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Passphrase"), self.passphrase_edit)
        if new:
            form.addRow(self.tr("Passphrase again"), self.again_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(480, self.sizeHint().height())

    def problem(self) -> str:
        """What is wrong with the typed passphrase, or "" when it can be used."""
        passphrase = self.passphrase_edit.text()
        if not passphrase:
            return self.tr("Type the passphrase.")
        if self.new:
            try:
                sealing.check_new_passphrase(passphrase)
            except AccreditorError as error:
                return str(error)
            if self.again_edit.text() != passphrase:
                return self.tr("The two passphrases differ.")
        return ""

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.error_label.setText(problem)
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, *, event_name: str, new: bool = False, problem: str = "") -> str | None:
        """The passphrase typed, or None when the user cancels."""
        dialog = cls(parent, event_name=event_name, new=new, problem=problem)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.passphrase_edit.text()


def ensure_unlocked(parent: QWidget | None, store: EventStore) -> bool:
    """True once this session can sign the event's badges, asking for the passphrase until it is right;
    False when the user cancels (nothing is signed then)."""
    # Reading the key, and the key derivation that opens it, run off the UI thread.
    event_name = jobs.wait_for(lambda _context: None if signing.can_sign(store) else store.event_info().name)
    if event_name is None:  # unlocked already this session
        return True
    problem = ""
    while True:
        passphrase = UnlockDialog.ask(parent, event_name=event_name, problem=problem)
        if passphrase is None:
            return False
        try:
            jobs.wait_for(lambda _context, typed=passphrase: signing.unlock(store, typed))
        except sealing.WrongPassphraseError as error:
            problem = str(error)
            continue
        return True


def ask_upgrade_passphrase(parent: QWidget | None, event_name: str) -> str | None:
    """A new passphrase to seal an older event's key with while it is upgraded; None when the user cancels."""
    return UnlockDialog.ask(parent, event_name=event_name, new=True)
