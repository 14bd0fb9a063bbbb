"""The guest form: a walk-in registered at the desk, or a guest's details corrected there.

The rules are the importer's (`accreditor.validation.validate`), so a guest typed at the desk is
as clean as one imported; each problem is shown under its field and the dialog stays open.

At the desk the form also takes the guest's photo (`ask_with_photo`): "Take photo…" captures a frame from
the webcam and "Photo file…" loads one, and either is framed in the photo editor by the rules of a loaded
file (badge proportions, big enough for print) before the form keeps it (`photo`).  Without a camera
"Take photo…" is disabled and its tooltip says why.
"""

import functools
from collections.abc import Sequence

import pycountry
from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from accreditor.categories import Category, CategoryMatcher
from accreditor.countries import country_name, resolve
from accreditor.guests import GuestFields
from accreditor.text import to_latin
from accreditor.validation import validate
from ui import camera
from ui.desk.guest_card import show_photo

ERROR_COLOUR = "#C62828"

# (field, label) in the order of the form; the Latin names follow the names as written.
TEXT_FIELDS = (
    ("family_name", QT_TRANSLATE_NOOP("GuestFormDialog", "Family name")),
    ("given_name", QT_TRANSLATE_NOOP("GuestFormDialog", "Given name")),
    ("family_name_latin", QT_TRANSLATE_NOOP("GuestFormDialog", "Family name (Latin, as in passport)")),
    ("given_name_latin", QT_TRANSLATE_NOOP("GuestFormDialog", "Given name (Latin, as in passport)")),
    ("title", QT_TRANSLATE_NOOP("GuestFormDialog", "Title")),
    ("position", QT_TRANSLATE_NOOP("GuestFormDialog", "Position")),
    ("organisation", QT_TRANSLATE_NOOP("GuestFormDialog", "Organisation")),
    ("delegation", QT_TRANSLATE_NOOP("GuestFormDialog", "Delegation")),
)
CONTACT_FIELDS = (
    ("passport_no", QT_TRANSLATE_NOOP("GuestFormDialog", "Passport / ID no.")),
    ("email", QT_TRANSLATE_NOOP("GuestFormDialog", "E-mail")),
    ("phone", QT_TRANSLATE_NOOP("GuestFormDialog", "Phone")),
)
LATIN_OF = {"family_name": "family_name_latin", "given_name": "given_name_latin"}
DEFAULT_CATEGORY = "DEL"
PHOTO_THUMBNAIL = QSize(75, 96)  # 25:32, the badge photo's proportions


@functools.cache
def country_names() -> tuple[str, ...]:
    return tuple(sorted({country_name(country.alpha_2) for country in pycountry.countries}, key=str.casefold))


Editor = QLineEdit | QComboBox | QPlainTextEdit


class GuestFormDialog(QDialog):
    """Edit `initial` (None: a new walk-in); `fields` holds the validated result once accepted."""

    def __init__(
        self,
        parent: QWidget | None,
        categories: Sequence[Category],
        initial: GuestFields | None = None,
        *,
        with_photo: bool = False,
    ) -> None:
        super().__init__(parent)
        self._initial = initial
        self._categories = tuple(categories)
        self.fields: GuestFields | None = None
        self.photo: bytes | None = None  # a new photo, framed (with_photo only)
        self.editors: dict[str, Editor] = {}
        self.error_labels: dict[str, QLabel] = {}
        # A Latin name follows its written name until the operator types their own spelling.
        self._latin_follows = {latin: True for latin in LATIN_OF.values()}
        self.setWindowTitle(
            self.tr("New walk-in")
            if initial is None
            else self.tr("Edit guest — {name}").format(name=initial.full_name())
        )

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for name, label in TEXT_FIELDS:
            self._add_row(form, name, label, QLineEdit())
        self._add_row(form, "country", QT_TRANSLATE_NOOP("GuestFormDialog", "Country"), self._country_combo())
        self._add_row(form, "category", QT_TRANSLATE_NOOP("GuestFormDialog", "Category"), self._category_combo())
        for name, label in CONTACT_FIELDS:
            self._add_row(form, name, label, QLineEdit())
        notes = QPlainTextEdit()
        notes.setTabChangesFocus(True)
        notes.setFixedHeight(notes.fontMetrics().lineSpacing() * 3 + 12)
        self._add_row(form, "notes", QT_TRANSLATE_NOOP("GuestFormDialog", "Notes"), notes)
        if with_photo:
            form.addRow(self.tr("Photo"), self._photo_row())

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.general_error = QLabel()  # a problem with a field the form does not show
        self.general_error.setWordWrap(True)
        self.general_error.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.general_error.hide()
        layout = QVBoxLayout(self)
        if initial is None:
            intro = QLabel(
                self.tr("A walk-in stays pending — no check-in, no badge — until an organiser approves them.")
            )
            intro.setWordWrap(True)
            layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

        self._fill(initial or GuestFields(family_name="", category=self._default_category()))
        for written, latin in LATIN_OF.items():
            self._line(written).textChanged.connect(lambda text, latin=latin: self._suggest_latin(latin, text))
            self._line(latin).textEdited.connect(lambda text, latin=latin: self._latin_edited(latin, text))

    # -- building ------------------------------------------------------------------------------

    def _add_row(self, form: QFormLayout, name: str, label: str, editor: Editor) -> None:
        error = QLabel()
        error.setWordWrap(True)
        error.setStyleSheet(f"color: {ERROR_COLOUR};")
        error.hide()
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(editor)
        column.addWidget(error)
        form.addRow(self.tr(label), cell)
        self.editors[name] = editor
        self.error_labels[name] = error

    def _photo_row(self) -> QWidget:
        self.photo_label = QLabel()
        self.photo_label.setFixedSize(PHOTO_THUMBNAIL)
        self.photo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        show_photo(self.photo_label, None)
        self.take_photo_button = QPushButton(self.tr("Take photo…"))
        self.take_photo_button.setToolTip(self.tr("Take the guest's photo with this computer's camera"))
        self.take_photo_button.clicked.connect(lambda: self.choose_photo(take=True))
        self.photo_file_button = QPushButton(self.tr("Photo file…"))
        self.photo_file_button.setToolTip(self.tr("Load the guest's photo from a file"))
        self.photo_file_button.clicked.connect(lambda: self.choose_photo(take=False))
        problem = camera.camera_problem()
        if problem is not None:  # without a camera: the button says why, and the form works as before
            self.take_photo_button.setEnabled(False)
            self.take_photo_button.setToolTip(problem)
        cell = QWidget()
        row = QHBoxLayout(cell)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.photo_label)
        row.addWidget(self.take_photo_button, alignment=Qt.AlignmentFlag.AlignBottom)
        row.addWidget(self.photo_file_button, alignment=Qt.AlignmentFlag.AlignBottom)
        row.addStretch(1)
        return cell

    def choose_photo(self, *, take: bool) -> None:
        """The guest's photo from the camera (`take`) or a file, framed in the photo editor; kept once saved there."""
        from ui.organiser.photo_editor import PhotoEditorDialog  # noqa: PLC0415 - Pillow's photo rules, when first used

        framed = PhotoEditorDialog.frame_photo(self, take=take)
        if framed is not None:
            self.photo = framed
            show_photo(self.photo_label, framed)

    @staticmethod
    def _country_combo() -> QComboBox:
        combo = QComboBox()
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItems(list(country_names()))
        completer = combo.completer()
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        return combo

    def _category_combo(self) -> QComboBox:
        combo = QComboBox()
        for category in self._categories:
            combo.addItem(f"{category.name} ({category.code})", category.code)
        return combo

    def _default_category(self) -> str:
        codes = [category.code for category in self._categories]
        return DEFAULT_CATEGORY if DEFAULT_CATEGORY in codes or not codes else codes[0]

    def _fill(self, fields: GuestFields) -> None:
        for name in self.editors:
            value = getattr(fields, name)
            self.set_value(name, country_name(value) if name == "country" else value)
        for written, latin in LATIN_OF.items():
            value = getattr(fields, latin)
            self._latin_follows[latin] = not value or value == to_latin(getattr(fields, written), fields.country)

    # -- values --------------------------------------------------------------------------------

    def _line(self, name: str) -> QLineEdit:
        editor = self.editors[name]
        assert isinstance(editor, QLineEdit)
        return editor

    def value(self, name: str) -> str:
        editor = self.editors[name]
        if isinstance(editor, QLineEdit):
            return editor.text()
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText()
        if editor.isEditable():
            return editor.currentText()
        return str(editor.currentData() or "")

    def set_value(self, name: str, value: str) -> None:
        editor = self.editors[name]
        if isinstance(editor, QLineEdit):
            editor.setText(value)
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(value)
        elif editor.isEditable():
            editor.setCurrentText(value)
        else:
            editor.setCurrentIndex(max(editor.findData(value), 0))

    def _suggest_latin(self, latin: str, written: str) -> None:
        if self._latin_follows[latin]:
            # Passport spelling: a Japanese guest's kanji are read as Japanese, not as Chinese.
            self._line(latin).setText(to_latin(written, resolve(self.value("country")) or ""))

    def _latin_edited(self, latin: str, text: str) -> None:
        self._latin_follows[latin] = not text.strip()

    # -- validating ----------------------------------------------------------------------------

    def raw_values(self) -> dict[str, str]:
        """What the form holds, plus the fields it does not show (kept as they were)."""
        raw = {"external_ref": self._initial.external_ref if self._initial else ""}
        raw.update({name: self.value(name) for name in self.editors})
        return raw

    def accept(self) -> None:
        fields, errors = validate(self.raw_values(), CategoryMatcher(self._categories))
        for label in (*self.error_labels.values(), self.general_error):
            label.hide()
        if errors:
            for error in errors:
                label = self.error_labels.get(error.field, self.general_error)
                label.setText(error.message)
                label.show()
            first = self.editors.get(errors[0].field)
            if first is not None:
                first.setFocus()
            return
        self.fields = fields
        super().accept()

    @classmethod
    def ask_with_photo(
        cls, parent: QWidget | None, categories: Sequence[Category], initial: GuestFields | None = None
    ) -> tuple[GuestFields, bytes | None] | None:
        """The desk's form: the validated fields and a new framed photo (None: no new photo), or None when the
        operator cancelled (tests replace this)."""
        dialog = cls(parent, categories, initial, with_photo=True)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.fields is None:
                return None
            return dialog.fields, dialog.photo
        finally:
            dialog.deleteLater()

    @classmethod
    def ask(
        cls, parent: QWidget | None, categories: Sequence[Category], initial: GuestFields | None = None
    ) -> GuestFields | None:
        """The validated fields, or None when the operator cancelled (tests replace this)."""
        dialog = cls(parent, categories, initial)
        try:
            return dialog.fields if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
