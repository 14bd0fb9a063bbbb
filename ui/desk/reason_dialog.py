"""Asking why: a reprint or an undone check-in is audited with the operator's reason, never an empty one.

Callers use the module function `ask_reason` (looked up at call time), so tests replace it.
"""

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget


class ReasonDialog(QDialog):
    """A prompt and one line of text; OK stays disabled until the reason says something."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str, suggestions: Sequence[str] = ()) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.prompt_label = QLabel(prompt)
        self.prompt_label.setWordWrap(True)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("Reason (required)"))
        if suggestions:
            completer = QCompleter(list(suggestions), self.reason_edit)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
            self.reason_edit.setCompleter(completer)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason_edit.textChanged.connect(self._enable_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt_label)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self._enable_ok()

    def reason(self) -> str:
        return " ".join(self.reason_edit.text().split())

    def accept(self) -> None:
        if self.reason():  # Enter in the field must not get round the disabled button
            super().accept()

    def _enable_ok(self) -> None:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        button.setEnabled(bool(self.reason()))


def ask_reason(parent: QWidget | None, title: str, prompt: str, suggestions: Sequence[str] = ()) -> str | None:
    """The reason the operator typed, or None when they cancelled."""
    dialog = ReasonDialog(parent, title, prompt, suggestions)
    try:
        return dialog.reason() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
