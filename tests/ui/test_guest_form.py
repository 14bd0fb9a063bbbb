"""GuestFormDialog (walk-ins and edits) and the reason dialog: the import's rules, errors beside their fields."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from accreditor.categories import STANDARD_CATEGORIES
from accreditor.guests import GuestFields
from ui.desk.guest_form import GuestFormDialog
from ui.desk.reason_dialog import ReasonDialog, ask_reason


def form(qtbot, initial: GuestFields | None = None) -> GuestFormDialog:
    dialog = GuestFormDialog(None, STANDARD_CATEGORIES, initial)
    qtbot.addWidget(dialog)
    return dialog


def test_a_walk_in_gets_latin_names_suggested_and_clean_fields(qtbot) -> None:
    dialog = form(qtbot)
    assert dialog.windowTitle() == "New walk-in"
    assert dialog.value("category") == "DEL"

    dialog.set_value("family_name", "Каримова")
    dialog.set_value("given_name", "Нилуфар")
    assert (dialog.value("family_name_latin"), dialog.value("given_name_latin")) == ("Karimova", "Nilufar")
    dialog.set_value("country", "Таджикистан")
    dialog.set_value("category", "OBS")
    dialog.set_value("email", "N.Karimova@Unicef.org")
    dialog.set_value("passport_no", "n 123-4567")

    dialog.accept()

    assert dialog.result() == GuestFormDialog.DialogCode.Accepted
    fields = dialog.fields
    assert (fields.family_name, fields.family_name_latin, fields.country, fields.category) == (
        "Каримова",
        "Karimova",
        "TJ",
        "OBS",
    )
    assert (fields.email, fields.passport_no) == ("n.karimova@unicef.org", "N1234567")


def test_a_latin_spelling_typed_by_the_operator_is_kept(qtbot) -> None:
    dialog = form(qtbot)
    dialog.set_value("family_name", "Рахмонов")
    dialog.editors["family_name_latin"].setText("")
    qtbot.keyClicks(dialog.editors["family_name_latin"], "Rahmonov")  # the passport's spelling
    dialog.set_value("family_name", "Раҳмонов")
    assert dialog.value("family_name_latin") == "Rahmonov"


def test_errors_are_shown_beside_their_fields_and_the_dialog_stays_open(qtbot) -> None:
    dialog = form(qtbot)
    dialog.set_value("email", "broken@")
    dialog.set_value("country", "Atlantis")

    dialog.accept()

    assert dialog.fields is None
    assert dialog.result() != GuestFormDialog.DialogCode.Accepted
    shown = {name: label.text() for name, label in dialog.error_labels.items() if not label.isHidden()}
    assert set(shown) == {"family_name", "email", "country"}
    assert shown["family_name"] == "The guest has no name."
    assert shown["email"].startswith("'broken@' is not a valid e-mail address")
    assert shown["country"].startswith("Unknown country 'Atlantis'")

    dialog.set_value("family_name", "Nazarov")
    dialog.set_value("email", "")
    dialog.set_value("country", "Tajikistan")
    dialog.accept()
    assert dialog.fields is not None
    assert all(label.isHidden() for label in dialog.error_labels.values())


def test_an_edit_starts_from_the_guest_and_keeps_what_the_form_does_not_show(qtbot) -> None:
    initial = GuestFields(
        "Dubois",
        "Claire",
        "Dubois",
        "Claire",
        organisation="Le Monde",
        country="FR",
        category="MED",
        external_ref="REG-0042",
        notes="Needs a parking pass",
    )
    dialog = form(qtbot, initial)
    assert dialog.windowTitle() == "Edit guest — Claire Dubois"
    assert (dialog.value("country"), dialog.value("category"), dialog.value("notes")) == (
        "France",
        "MED",
        "Needs a parking pass",
    )

    dialog.set_value("organisation", "Agence France-Presse")
    dialog.accept()

    assert dialog.fields.organisation == "Agence France-Presse"
    assert dialog.fields.external_ref == "REG-0042"
    assert initial.differences(dialog.fields) == ["organisation"]


def test_the_country_box_completes_any_part_of_a_name(qtbot) -> None:
    dialog = form(qtbot)
    completer = dialog.editors["country"].completer()
    completer.setCompletionPrefix("kist")
    matches = [completer.completionModel().index(row, 0).data() for row in range(completer.completionCount())]
    assert "Tajikistan" in matches
    assert "Pakistan" in matches


def test_ask_returns_the_fields_or_none(qtbot) -> None:
    def fill_and(button: QDialogButtonBox.StandardButton) -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, GuestFormDialog)
        dialog.set_value("family_name", "Nazarov")
        dialog.buttons.button(button).click()

    QTimer.singleShot(0, lambda: fill_and(QDialogButtonBox.StandardButton.Save))
    assert GuestFormDialog.ask(None, STANDARD_CATEGORIES, None).family_name == "Nazarov"
    QTimer.singleShot(0, lambda: fill_and(QDialogButtonBox.StandardButton.Cancel))
    assert GuestFormDialog.ask(None, STANDARD_CATEGORIES, None) is None


# -- the reason dialog --------------------------------------------------------------------------------


def test_the_reason_dialog_refuses_an_empty_reason(qtbot) -> None:
    dialog = ReasonDialog(None, "Reprint badge", "Why?")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.reason_edit.setText("   ")
    assert not ok.isEnabled()
    dialog.accept()  # Enter in the field goes here even while OK is disabled
    assert dialog.result() != ReasonDialog.DialogCode.Accepted

    dialog.reason_edit.setText("  Lost   at the  hotel ")
    assert ok.isEnabled()
    assert dialog.reason() == "Lost at the hotel"


def test_ask_reason_returns_the_reason_or_none(qtbot) -> None:
    def answer(text: str | None) -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ReasonDialog)
        assert dialog.windowTitle() == "Undo check-in"
        if text is None:
            dialog.reject()
        else:
            dialog.reason_edit.setText(text)
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, lambda: answer("Wrong guest"))
    assert ask_reason(None, "Undo check-in", "Why?") == "Wrong guest"
    QTimer.singleShot(0, lambda: answer(None))
    assert ask_reason(None, "Undo check-in", "Why?", ["Wrong guest"]) is None
