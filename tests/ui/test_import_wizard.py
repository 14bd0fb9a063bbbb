"""The import wizard driven like an organiser would: real sample files in, guests in a real event file out."""

import csv
import json
from pathlib import Path

import pytest
import xlsxwriter
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from accreditor import categories, guests
from accreditor.importing.importer import ImportReport
from accreditor.store import EventStore
from ui.organiser import import_wizard
from ui.organiser.import_wizard import (
    DUPLICATE_SWATCH,
    ERROR_SWATCH,
    HEADER_SWATCH,
    WARNING_SWATCH,
    ImportWizard,
    Page,
    PreviewModel,
)

RU_MAPPING = {
    "Фамилия": "family_name",
    "Имя": "given_name",
    "Организация": "organisation",
    "Страна": "country",
    "Категория": "category",
    "Паспорт": "passport_no",
    "E-mail": "email",
}
RU_ROWS = 60
RU_GOOD_ROWS = 58  # row 8 has a broken e-mail, row 6 repeats row 5


@pytest.fixture
def empty_event(tmp_path: Path) -> EventStore:
    store = EventStore.create(tmp_path / "import.accreditor", passphrase="test passphrase", name="Import test")
    with store.begin() as connection:
        categories.install_standard(connection)
    yield store
    store.close()


@pytest.fixture
def wizard(qtbot: QtBot, empty_event: EventStore) -> ImportWizard:
    shown = ImportWizard(empty_event, user="tester")
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


@pytest.fixture
def ru_csv(sample_exports: Path) -> Path:
    return sample_exports / "registration-ru.csv"


def click_next(qtbot: QtBot, wizard: ImportWizard) -> None:
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled(), f"Next is disabled on page {Page(wizard.currentId()).name}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def go_to(qtbot: QtBot, wizard: ImportWizard, page: Page) -> None:
    while wizard.currentId() != page:
        click_next(qtbot, wizard)


def guest_count(store: EventStore) -> int:
    with store.connect() as connection:
        return guests.count_guests(connection)


def mapped_fields(wizard: ImportWizard) -> dict[str, str | None]:
    page = wizard.mapping_page
    return {page.table.item(row, page.COLUMN).text(): combo.currentData() for row, combo in enumerate(page.combos)}


def preview_row(model: PreviewModel, number: int) -> int:
    row = model.row_of_number(number)
    assert row is not None, f"row {number} is not in the preview"
    return row


@pytest.mark.usefixtures("inline_jobs")
def test_russian_headers_are_mapped_without_help(qtbot: QtBot, wizard: ImportWizard, ru_csv: Path) -> None:
    wizard.file_page.load(ru_csv)
    assert "61 non-empty rows · UTF-8 · separated by semicolons" in wizard.file_page.info_label.text()

    click_next(qtbot, wizard)
    assert wizard.currentId() == Page.HEADER, "a CSV has no sheets to choose from"
    header = wizard.header_page.model
    assert header.header_number == 1
    assert header.data(header.index(0, 0), Qt.ItemDataRole.BackgroundRole) == HEADER_SWATCH.background
    assert header.data(header.index(1, 0), Qt.ItemDataRole.BackgroundRole) is None

    click_next(qtbot, wizard)
    assert mapped_fields(wizard) == RU_MAPPING
    assert not wizard.mapping_page.problem_label.isVisible()


@pytest.mark.usefixtures("inline_jobs")
def test_preview_marks_the_bad_email_and_the_duplicate_in_place(
    qtbot: QtBot, wizard: ImportWizard, ru_csv: Path, empty_event: EventStore
) -> None:
    wizard.file_page.load(ru_csv)
    go_to(qtbot, wizard, Page.PREVIEW)

    model = wizard.preview_page.model
    assert model.rowCount() == RU_ROWS
    email = 1 + list(RU_MAPPING).index("E-mail")  # after the outcome column
    bad = preview_row(model, 8)
    assert model.data(model.index(bad, 0)) == "Error in E-mail"
    assert model.data(model.index(bad, email)) == "broken@"
    assert model.data(model.index(bad, email), Qt.ItemDataRole.BackgroundRole) == ERROR_SWATCH.background
    assert "not a valid e-mail address" in model.data(model.index(bad, email), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(bad, 1), Qt.ItemDataRole.BackgroundRole) is None, "only the faulty cell"
    duplicate = preview_row(model, 6)
    assert model.data(model.index(duplicate, 0)) == "Duplicate of row 5 (same e-mail)"
    assert model.data(model.index(duplicate, 1), Qt.ItemDataRole.BackgroundRole) == DUPLICATE_SWATCH.background
    assert model.data(model.index(preview_row(model, 2), 0)) == "OK"
    summary = wizard.preview_page.summary_label.text()
    assert f"{RU_ROWS} rows: {RU_GOOD_ROWS} new guests" in summary
    assert "1 row with errors and 1 duplicate will be left out" in summary
    assert guest_count(empty_event) == 0, "the preview is a dry run"

    wizard.preview_page.only_problems.setChecked(True)
    assert [model.row_at(row).number for row in range(model.rowCount())] == [6, 8]


@pytest.mark.usefixtures("inline_jobs")
def test_skip_invalid_imports_the_good_rows(
    qtbot: QtBot, wizard: ImportWizard, ru_csv: Path, empty_event: EventStore
) -> None:
    wizard.file_page.load(ru_csv)
    go_to(qtbot, wizard, Page.IMPORT)
    page = wizard.import_page
    assert "leave out the 1 row with errors" in page.skip_button.text()
    page.skip_button.setChecked(True)

    with qtbot.waitSignal(wizard.imported) as imported:
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)

    report: ImportReport = imported.args[0]
    assert report is wizard.report
    assert (report.written, report.imported) == (True, RU_GOOD_ROWS)
    assert guest_count(empty_event) == RU_GOOD_ROWS
    assert f"{RU_GOOD_ROWS} new guests added" in page.result_label.text()
    assert page.lines_model.rowCount() == 2
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert not wizard.button(QWizard.WizardButton.BackButton).isVisible(), "no way back to import twice"
    assert not wizard.button(QWizard.WizardButton.CancelButton).isVisible(), "the guests are in: nothing to cancel"
    assert not page.import_button.isEnabled()


@pytest.mark.usefixtures("inline_jobs")
def test_all_or_nothing_writes_nothing_and_lets_the_organiser_choose_again(
    qtbot: QtBot, wizard: ImportWizard, ru_csv: Path, empty_event: EventStore
) -> None:
    wizard.file_page.load(ru_csv)
    go_to(qtbot, wizard, Page.IMPORT)
    page = wizard.import_page
    assert page.atomic_button.isChecked(), "all or nothing unless the organiser says otherwise"

    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert wizard.report is not None and not wizard.report.written
    assert guest_count(empty_event) == 0
    assert page.result_label.text().startswith("Nothing was written: 1 row has errors.")
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert wizard.button(QWizard.WizardButton.BackButton).isEnabled()

    page.skip_button.setChecked(True)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert guest_count(empty_event) == RU_GOOD_ROWS


@pytest.mark.usefixtures("inline_jobs")
@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("garbage.csv", bytes(range(256)) * 64, "garbage.csv"),
        ("empty.csv", b"", "empty"),
        ("scan.xlsx", b"%PDF-1.7 not a workbook", "scan.xlsx"),
        ("guests.xlsx", b"PK\x03\x04 broken zip", "guests.xlsx"),
    ],
)
def test_an_unreadable_file_is_explained_on_the_file_page(
    qtbot: QtBot, wizard: ImportWizard, tmp_path: Path, name: str, content: bytes, says: str
) -> None:
    hostile = tmp_path / name
    hostile.write_bytes(content)
    wizard.file_page.load(hostile)

    error = wizard.file_page.error_label
    assert error.isVisible()
    assert says in error.text()
    assert wizard.currentId() == Page.FILE
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


@pytest.mark.usefixtures("inline_jobs")
def test_another_file_can_be_chosen_after_an_unreadable_one(
    qtbot: QtBot, wizard: ImportWizard, tmp_path: Path, ru_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    garbage = tmp_path / "garbage.xlsx"
    garbage.write_bytes(b"\x00\xff" * 500)
    chosen = iter([garbage, ru_csv])
    monkeypatch.setattr(import_wizard, "ask_open_path", lambda *_args: next(chosen))

    qtbot.mouseClick(wizard.file_page.choose_button, Qt.MouseButton.LeftButton)
    assert wizard.file_page.error_label.isVisible()
    qtbot.mouseClick(wizard.file_page.choose_button, Qt.MouseButton.LeftButton)
    assert not wizard.file_page.error_label.isVisible()
    assert wizard.file_page.path_edit.text() == str(ru_csv)
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()


@pytest.mark.usefixtures("inline_jobs")
def test_a_title_block_above_the_header_is_passed_over(
    qtbot: QtBot, wizard: ImportWizard, sample_exports: Path
) -> None:
    wizard.file_page.load(sample_exports / "registration-title-block.xlsx")
    click_next(qtbot, wizard)
    assert wizard.currentId() == Page.HEADER, "a workbook with one sheet needs no choice"
    assert wizard.header_page.model.header_number == 4
    assert "row 4" in wizard.header_page.subTitle()

    click_next(qtbot, wizard)
    fields = mapped_fields(wizard)
    assert fields["#"] is None, "the running number is not a guest field"
    assert (fields["Nom"], fields["Prénom"], fields["Courriel"]) == ("family_name", "given_name", "email")


@pytest.mark.usefixtures("inline_jobs")
def test_clicking_another_row_makes_it_the_header(qtbot: QtBot, wizard: ImportWizard, sample_exports: Path) -> None:
    wizard.file_page.load(sample_exports / "registration-title-block.xlsx")
    click_next(qtbot, wizard)
    table = wizard.header_page.table

    def click_row(row: int) -> None:
        rect = table.visualRect(table.model().index(row, 0))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center()))

    click_row(0)  # "Registered participants": a title, not column names
    assert wizard.header_row == 1
    click_next(qtbot, wizard)
    assert mapped_fields(wizard) == {"Registered participants": None}
    assert "names or identifies a guest" in wizard.mapping_page.problem_label.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()

    qtbot.mouseClick(wizard.button(QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    click_row(2)  # the real header, row 4 of the sheet (row 3 is blank and not shown)
    assert wizard.header_row == 4
    click_next(qtbot, wizard)
    assert mapped_fields(wizard)["Nom"] == "family_name"


@pytest.mark.usefixtures("inline_jobs")
def test_a_field_chosen_twice_is_refused(qtbot: QtBot, wizard: ImportWizard, ru_csv: Path) -> None:
    wizard.file_page.load(ru_csv)
    go_to(qtbot, wizard, Page.MAPPING)
    page = wizard.mapping_page

    page.set_field(1, "family_name")
    assert "family_name is chosen for several" in page.problem_label.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    page.set_field(1, "given_name")
    assert not page.problem_label.isVisible()


@pytest.mark.usefixtures("inline_jobs")
def test_an_edited_mapping_is_what_the_preview_and_import_use(
    qtbot: QtBot, wizard: ImportWizard, ru_csv: Path, empty_event: EventStore
) -> None:
    wizard.file_page.load(ru_csv)
    go_to(qtbot, wizard, Page.MAPPING)
    wizard.mapping_page.set_field(list(RU_MAPPING).index("E-mail"), None)
    click_next(qtbot, wizard)

    preview = wizard.preview
    assert preview is not None
    assert preview.errors == [], "without the e-mail column, the broken address is not read"
    assert preview.unmapped_columns == ("E-mail",)
    assert "Columns not imported: E-mail." in wizard.preview_page.summary_label.text()

    click_next(qtbot, wizard)
    qtbot.mouseClick(wizard.import_page.import_button, Qt.MouseButton.LeftButton)
    with empty_event.connect() as connection:
        stored = guests.list_guests(connection)
    assert stored and all(guest.fields.email == "" for guest in stored)


@pytest.mark.usefixtures("inline_jobs")
def test_a_mapping_saved_as_preset_loads_back(
    qtbot: QtBot, wizard: ImportWizard, ru_csv: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    preset = tmp_path / "ministry.json"
    monkeypatch.setattr(import_wizard, "ask_save_path", lambda *_args: preset)
    monkeypatch.setattr(import_wizard, "ask_open_path", lambda *_args: preset)
    wizard.file_page.load(ru_csv)
    go_to(qtbot, wizard, Page.MAPPING)
    page = wizard.mapping_page
    page.set_field(list(RU_MAPPING).index("Паспорт"), None)

    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    saved = json.loads(preset.read_text(encoding="utf-8"))
    assert saved["header_row"] == 1
    assert saved["columns"]["Паспорт"] is None
    assert saved["columns"]["Фамилия"] == "family_name"

    page.set_field(list(RU_MAPPING).index("Паспорт"), "passport_no")
    page.set_field(0, "notes")
    qtbot.mouseClick(page.load_button, Qt.MouseButton.LeftButton)
    assert mapped_fields(wizard) == {**RU_MAPPING, "Паспорт": None}


@pytest.mark.usefixtures("inline_jobs")
def test_a_broken_preset_is_explained_and_changes_nothing(
    qtbot: QtBot, wizard: ImportWizard, ru_csv: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"columns": {"Фамилия": "surname"}}', encoding="utf-8")
    monkeypatch.setattr(import_wizard, "ask_open_path", lambda *_args: broken)
    wizard.file_page.load(ru_csv)
    go_to(qtbot, wizard, Page.MAPPING)

    qtbot.mouseClick(wizard.mapping_page.load_button, Qt.MouseButton.LeftButton)
    assert "broken.json is not a valid column-mapping file" in wizard.mapping_page.problem_label.text()
    assert mapped_fields(wizard) == RU_MAPPING


@pytest.mark.usefixtures("inline_jobs")
@pytest.mark.parametrize("suffix", [".json", ".csv"])
def test_the_report_can_be_saved(
    qtbot: QtBot, wizard: ImportWizard, ru_csv: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    out = tmp_path / f"report{suffix}"
    monkeypatch.setattr(import_wizard, "ask_save_path", lambda *_args: out)
    wizard.file_page.load(ru_csv)
    go_to(qtbot, wizard, Page.IMPORT)
    wizard.import_page.skip_button.setChecked(True)
    qtbot.mouseClick(wizard.import_page.import_button, Qt.MouseButton.LeftButton)

    qtbot.mouseClick(wizard.import_page.save_button, Qt.MouseButton.LeftButton)
    if suffix == ".json":
        saved = json.loads(out.read_text(encoding="utf-8"))
        assert saved == wizard.report.to_json()
    else:
        with out.open(encoding="utf-8-sig", newline="") as handle:
            lines = list(csv.reader(handle))
        assert lines[0] == ["row", "kind", "column", "value", "message"]
        assert [line[:4] for line in lines[1:]] == [["6", "duplicate", "", ""], ["8", "error", "E-mail", "broken@"]]


def write_workbook(path: Path, sheets: dict[str, list[list[str]]]) -> Path:
    workbook = xlsxwriter.Workbook(path)
    for name, rows in sheets.items():
        sheet = workbook.add_worksheet(name)
        for row, cells in enumerate(rows):
            for column, value in enumerate(cells):
                sheet.write_string(row, column, value)
    workbook.close()
    return path


@pytest.mark.usefixtures("inline_jobs")
def test_a_workbook_with_several_sheets_asks_which_one(qtbot: QtBot, wizard: ImportWizard, tmp_path: Path) -> None:
    workbook = write_workbook(
        tmp_path / "two-sheets.xlsx",
        {
            "Read me": [["Send back by 30 April"]],
            "Guests": [["Surname", "Given name", "E-mail"], ["Rahmonov", "Jamshed", "j@example.net"]],
        },
    )
    wizard.file_page.load(workbook)
    click_next(qtbot, wizard)
    assert wizard.currentId() == Page.SHEET
    page = wizard.sheet_page
    assert [page.sheet_combo.itemText(index) for index in range(page.sheet_combo.count())] == ["Read me", "Guests"]
    assert wizard.detected is None, "the first sheet has no header row"

    page.choose("Guests")
    assert wizard.table is not None and wizard.table.sheet == "Guests"
    click_next(qtbot, wizard)
    assert wizard.header_page.model.header_number == 1


def test_reading_runs_in_the_background(qtbot: QtBot, wizard: ImportWizard, ru_csv: Path) -> None:
    wizard.file_page.load(ru_csv)
    qtbot.waitUntil(wizard.file_page.isComplete)
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    qtbot.waitUntil(wizard.preview_page.isComplete)
    assert wizard.preview is not None and wizard.preview.rows == RU_ROWS


@pytest.mark.usefixtures("inline_jobs")
def test_the_wizard_models_follow_the_qt_rules(qtbot: QtBot, qtmodeltester, wizard: ImportWizard, ru_csv: Path) -> None:
    wizard.file_page.load(ru_csv)
    go_to(qtbot, wizard, Page.IMPORT)
    wizard.import_page.skip_button.setChecked(True)
    qtbot.mouseClick(wizard.import_page.import_button, Qt.MouseButton.LeftButton)

    qtmodeltester.check(wizard.header_page.model)
    qtmodeltester.check(wizard.preview_page.model)
    qtmodeltester.check(wizard.import_page.lines_model)


def test_a_file_chosen_while_another_is_read_replaces_it(
    qtbot: QtBot, wizard: ImportWizard, ru_csv: Path, tmp_path: Path
) -> None:
    garbage = tmp_path / "garbage.csv"
    garbage.write_bytes(bytes(range(256)) * 64)
    wizard.file_page.load(garbage)
    wizard.file_page.load(ru_csv)

    qtbot.waitUntil(wizard.file_page.isComplete)
    assert import_wizard.jobs.wait_for_jobs()
    assert wizard.path == ru_csv
    assert not wizard.file_page.error_label.isVisible(), "the first file's failure arrived too late to count"


@pytest.mark.usefixtures("inline_jobs")
def test_run_returns_the_report_of_the_import(
    qtbot: QtBot, empty_event: EventStore, ru_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def organiser_imports(self: ImportWizard) -> int:
        qtbot.addWidget(self)
        self.show()
        self.file_page.load(ru_csv)
        go_to(qtbot, self, Page.IMPORT)
        self.import_page.skip_button.setChecked(True)
        qtbot.mouseClick(self.import_page.import_button, Qt.MouseButton.LeftButton)
        return QWizard.DialogCode.Accepted.value

    monkeypatch.setattr(ImportWizard, "exec", organiser_imports)
    report = ImportWizard.run(None, empty_event)
    assert report is not None and report.imported == RU_GOOD_ROWS

    monkeypatch.setattr(ImportWizard, "exec", lambda _self: QWizard.DialogCode.Rejected.value)
    assert ImportWizard.run(None, empty_event) is None, "cancelled before importing"


def test_the_dry_run_reports_its_progress(qtbot: QtBot, wizard: ImportWizard, ru_csv: Path) -> None:
    shown: list[int] = []
    wizard.preview_page.progress.valueChanged.connect(shown.append)
    wizard.file_page.load(ru_csv)
    qtbot.waitUntil(wizard.file_page.isComplete)
    go_to(qtbot, wizard, Page.PREVIEW)

    qtbot.waitUntil(wizard.preview_page.isComplete)
    assert shown[-1] == RU_ROWS, "the importer counts every row it checked"
    assert not wizard.preview_page.progress.isVisible()


@pytest.mark.usefixtures("inline_jobs")
def test_rows_imported_with_a_change_to_check_are_shown_and_listed(
    qtbot: QtBot, wizard: ImportWizard, tmp_path: Path, empty_event: EventStore
) -> None:
    source = tmp_path / "mixed.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(
            [
                ["Surname", "Given name", "Country"],
                ["", "Rhys", "GB"],
                ["Karimov", "Bahrom", "Swaziland"],
                ["Li", "Wei", "CN"],
            ]
        )
    wizard.file_page.load(source)
    go_to(qtbot, wizard, Page.PREVIEW)

    model = wizard.preview_page.model
    single, former = preview_row(model, 2), preview_row(model, 3)
    assert "one-name guest 'Rhys'" in model.data(model.index(single, 0))
    assert model.data(model.index(single, 1), Qt.ItemDataRole.BackgroundRole) == WARNING_SWATCH.background
    assert model.data(model.index(single, 3), Qt.ItemDataRole.BackgroundRole) is None, "only the cell concerned"
    assert "former name" in model.data(model.index(former, 3), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(preview_row(model, 4), 0)) == "OK"
    assert "2 rows will be imported with a change to check" in wizard.preview_page.summary_label.text()

    go_to(qtbot, wizard, Page.IMPORT)
    with qtbot.waitSignal(wizard.imported):
        qtbot.mouseClick(wizard.import_page.import_button, Qt.MouseButton.LeftButton)

    lines = wizard.import_page.lines_model
    kinds = [lines.data(lines.index(row, 1)) for row in range(lines.rowCount())]
    assert kinds == ["Warning", "Warning"]
    assert guest_count(empty_event) == 3


@pytest.mark.usefixtures("inline_jobs")
def test_a_file_mixing_two_encodings_says_so_and_marks_the_rows(
    qtbot: QtBot, wizard: ImportWizard, tmp_path: Path
) -> None:
    source = tmp_path / "merged.csv"
    source.write_bytes(
        "Surname,Given name\nMüller,Jürgen\n".encode() + "Петров,Иван\n".encode("cp1251") + "Ли,Вэй\n".encode()
    )
    wizard.file_page.load(source)
    assert "UTF-8 · 1 row in CP1251" in wizard.file_page.info_label.text()

    go_to(qtbot, wizard, Page.PREVIEW)
    model = wizard.preview_page.model
    pasted = preview_row(model, 3)
    assert model.data(model.index(pasted, 1)) == "Петров"
    assert "Windows-1251" in model.data(model.index(pasted, 0))
    assert model.data(model.index(pasted, 2), Qt.ItemDataRole.BackgroundRole) == WARNING_SWATCH.background
