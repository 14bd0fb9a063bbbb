"""The importer end to end: real files in, guests in an event out (an SQLite file, then a PostgreSQL database)."""

import csv
import json
from pathlib import Path

import pytest
import xlsxwriter

from accreditor import categories
from accreditor import guests as guest_store
from accreditor.errors import ImportFileError
from accreditor.importing.importer import import_file, split_full_name
from accreditor.search import SearchIndex
from accreditor.store import EventStore

HEADER = ["Surname", "Given name", "Organisation", "Country", "Category", "Passport", "E-mail"]


@pytest.fixture
def event(event_location: str) -> EventStore:
    store = EventStore.create(event_location, passphrase="test passphrase", name="Import test")
    with store.begin() as connection:
        categories.install_standard(connection)
    yield store
    store.close()


def write_csv(path: Path, rows: list[list[str]], *, delimiter: str = ",", encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def all_guests(store: EventStore) -> list[guest_store.Guest]:
    with store.connect() as connection:
        return guest_store.list_guests(connection)


def test_english_sample_reports_bad_row_and_writes_nothing(event: EventStore, sample_exports: Path) -> None:
    report, _mapping = import_file(event, sample_exports / "registration-en.csv", actor="tester")

    bad_email = [error for error in report.errors if error.column == "Email"]
    assert [(error.row, error.value) for error in bad_email] == [(8, "broken@")]
    assert any(d.row == 6 and d.of == "row 5" for d in report.duplicates)
    assert report.written is False
    assert all_guests(event) == []


def test_skip_invalid_imports_the_good_rows_once(event: EventStore, sample_exports: Path) -> None:
    report, _mapping = import_file(event, sample_exports / "registration-en.csv", actor="tester", skip_invalid=True)

    bad_rows = {error.row for error in report.errors}
    assert report.imported == report.rows - len(bad_rows) - len(report.duplicates)
    stored = all_guests(event)
    assert len(stored) == report.imported
    assert len({guest.fields.email for guest in stored}) == len(stored)
    formula_like = [guest for guest in stored if guest.fields.family_name.startswith("+SUM")]
    assert len(formula_like) == 1, "a formula-looking name is kept as text, as written"


def test_reimporting_the_same_file_adds_nothing(event: EventStore, sample_exports: Path) -> None:
    first, _ = import_file(event, sample_exports / "registration-ru.csv", actor="tester", skip_invalid=True)
    second, _ = import_file(event, sample_exports / "registration-ru.csv", actor="tester", skip_invalid=True)

    assert first.imported > 0
    assert second.imported == 0
    assert second.updated == 0
    assert second.unchanged == first.imported
    assert len(all_guests(event)) == first.imported


def test_russian_headers_and_country_names_are_understood(event: EventStore, sample_exports: Path) -> None:
    report, mapping = import_file(event, sample_exports / "registration-ru.csv", actor="tester", skip_invalid=True)

    assert {"family_name", "given_name", "country", "category", "passport_no", "email"} <= set(mapping.columns.values())
    german = [g for g in all_guests(event) if g.fields.passport_no == "N0905850"]
    assert german[0].fields.country == "DE", "Германия is Germany"
    assert report.written


def test_title_block_workbook_imports_from_the_header_row(event: EventStore, sample_exports: Path) -> None:
    report, mapping = import_file(
        event, sample_exports / "registration-title-block.xlsx", actor="tester", skip_invalid=True
    )

    assert mapping.header_row == 4
    assert report.imported > 0
    assert all(error.row > 4 for error in report.errors)


def test_changed_row_updates_the_matched_guest(event: EventStore, tmp_path: Path) -> None:
    rows = [HEADER, ["Rahmonov", "Jamshed", "MFA", "TJ", "Delegate", "A123456", "j@example.org"]]
    import_file(event, write_csv(tmp_path / "v1.csv", rows), actor="tester")
    rows[1][2] = "Ministry of Foreign Affairs"
    report, _ = import_file(event, write_csv(tmp_path / "v2.csv", rows), actor="tester")

    assert (report.imported, report.updated, report.unchanged) == (0, 1, 0)
    assert report.updates[0].fields == ("organisation",)
    (guest,) = all_guests(event)
    assert guest.fields.organisation == "Ministry of Foreign Affairs"


def test_update_keeps_fields_the_file_does_not_have(event: EventStore, tmp_path: Path) -> None:
    full = [[*HEADER, "Phone"], ["Rahmonov", "Jamshed", "MFA", "TJ", "HOD", "A123456", "j@example.org", "+992 1234"]]
    import_file(event, write_csv(tmp_path / "full.csv", full), actor="tester")
    partial = [["Surname", "Given name", "E-mail", "Position"], ["Rahmonov", "Jamshed", "j@example.org", "Minister"]]
    report, _ = import_file(event, write_csv(tmp_path / "partial.csv", partial), actor="tester")

    assert report.updated == 1
    (guest,) = all_guests(event)
    assert (guest.fields.position, guest.fields.phone, guest.fields.category) == ("Minister", "+992 1234", "HOD")


def test_same_person_in_another_script_is_a_duplicate(event: EventStore, tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["РАХМОНОВ", "Ҷамшед", "MFA", "TJ", "", "", ""],
        ["Rahmonov", "Jamshed", "MFA", "TJ", "", "", ""],
        ["Рахмонов ", " Ҷамшед", "MFA", "TJ", "", "", ""],
        ["Rahmonov", "Jamshed", "UNDP", "TJ", "", "", ""],
    ]
    report, _ = import_file(event, write_csv(tmp_path / "names.csv", rows), actor="tester")

    assert [(d.row, d.of) for d in report.duplicates] == [(3, "row 2"), (4, "row 2")]
    assert report.imported == 2, "the same name in another organisation is another person"


def test_duplicate_of_a_guest_already_in_the_event_is_not_added(event: EventStore, tmp_path: Path) -> None:
    import_file(
        event, write_csv(tmp_path / "a.csv", [HEADER, ["Ivanov", "Ivan", "X", "RU", "", "P1111111", ""]]), actor="t"
    )
    rows = [HEADER, ["Иванов", "Иван", "Y", "RU", "", "P1111111", ""]]
    report, _ = import_file(event, write_csv(tmp_path / "b.csv", rows), actor="t")

    assert report.imported == 0
    assert len(all_guests(event)) == 1


def test_row_matching_two_existing_guests_is_reported_not_merged(event: EventStore, tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["Ivanov", "Ivan", "X", "RU", "", "P1111111", "a@example.org"],
        ["Petrov", "Petr", "X", "RU", "", "P2222222", ""],
    ]
    import_file(event, write_csv(tmp_path / "a.csv", rows), actor="t")
    clash = [HEADER, ["Sidorov", "Sidor", "X", "RU", "", "P2222222", "a@example.org"]]
    report, _ = import_file(event, write_csv(tmp_path / "b.csv", clash), actor="t")

    assert report.duplicates[0].of == "guest 1 and guest 2"
    assert (report.imported, report.updated) == (0, 0)


@pytest.mark.parametrize(
    ("column", "value", "needle"),
    [
        ("Country", "Tajikstan", "Tajikistan"),
        ("Category", "Minister", "Head of Delegation"),
        ("E-mail", "not-an-address", "e-mail"),
        ("Surname", "x" * 100_000, "characters long"),
    ],
)
def test_bad_values_are_row_errors_that_explain(event: EventStore, tmp_path: Path, column, value, needle) -> None:
    row = {
        "Surname": "Karimov",
        "Given name": "Bahrom",
        "Organisation": "MFA",
        "Country": "TJ",
        "Category": "Delegate",
        "Passport": "A1111111",
        "E-mail": "",
    }
    row[column] = value
    report, _ = import_file(event, write_csv(tmp_path / "bad.csv", [HEADER, [row[h] for h in HEADER]]), actor="t")

    (error,) = report.errors
    assert (error.row, error.column) == (2, column)
    assert needle in error.message
    assert all_guests(event) == []


def test_dry_run_reports_without_writing(event: EventStore, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "ok.csv", [HEADER, ["Karimov", "Bahrom", "MFA", "Таджикистан", "Делегат", "A1111111", ""]]
    )
    report, _ = import_file(event, path, actor="t", dry_run=True)

    assert (report.imported, report.written) == (1, False)
    assert all_guests(event) == []


def test_values_are_normalised(event: EventStore, tmp_path: Path) -> None:
    rows = [HEADER, ["  Kari\u0301mov  ", "Bah   rom", " mfa ", "usa", "délégué", " ab 12-34 ", "A.B@Example.ORG"]]
    import_file(event, write_csv(tmp_path / "messy.csv", rows), actor="t")

    (guest,) = all_guests(event)
    assert guest.fields.family_name == "Kar\u00edmov", "trimmed and composed to NFC"
    assert guest.fields.given_name == "Bah rom"
    assert (guest.fields.country, guest.fields.category) == ("US", "DEL")
    assert guest.fields.passport_no == "AB1234"
    assert guest.fields.email == "a.b@example.org"


def test_number_cell_passport_becomes_text(event: EventStore, tmp_path: Path) -> None:
    path = tmp_path / "numbers.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet()
    sheet.write_row(0, 0, HEADER)
    sheet.write_row(1, 0, ["Karimov", "Bahrom", "MFA", "TJ", "DEL"])
    sheet.write_number(1, 5, 1234567)
    workbook.close()
    import_file(event, path, actor="t")

    (guest,) = all_guests(event)
    assert guest.fields.passport_no == "1234567"


def test_imported_guests_are_searchable_across_scripts(event: EventStore, tmp_path: Path) -> None:
    rows = [HEADER, ["Рахмонов", "Джамшед", "MFA", "TJ", "", "", ""]]  # cp1251 has no Tajik letters
    import_file(event, write_csv(tmp_path / "cyr.csv", rows, delimiter=";", encoding="cp1251"), actor="t")
    with event.connect() as connection:
        found = SearchIndex.from_connection(connection).search("rahm jam")

    assert len(found) == 1


def test_cp1251_file_with_russian_headers(event: EventStore, tmp_path: Path) -> None:
    rows = [["Фамилия", "Имя", "Организация", "Страна", "Категория"], ["Иванов", "Пётр", "МИД", "Россия", "СМИ"]]
    import_file(event, write_csv(tmp_path / "ru.csv", rows, delimiter=";", encoding="cp1251"), actor="t")

    (guest,) = all_guests(event)
    assert (guest.fields.family_name, guest.fields.country, guest.fields.category) == ("Иванов", "RU", "MED")


def test_full_name_column_is_split(event: EventStore, tmp_path: Path) -> None:
    rows = [["ФИО", "Организация"], ["Каримов Бахром Саидович", "МИД"], ["John SMITH", "UN"]]
    import_file(event, write_csv(tmp_path / "fio.csv", rows), actor="t")

    names = {(g.fields.family_name, g.fields.given_name) for g in all_guests(event)}
    assert names == {("Каримов", "Бахром Саидович"), ("SMITH", "John")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("RAHMONOV Jamshed", ("RAHMONOV", "Jamshed")),
        ("Jamshed RAHMONOV", ("RAHMONOV", "Jamshed")),
        ("Рахмонов Ҷамшед", ("Рахмонов", "Ҷамшед")),
        ("Jamshed Rahmonov", ("Rahmonov", "Jamshed")),
        ("Madonna", ("Madonna", "")),
    ],
)
def test_split_full_name(text: str, expected: tuple[str, str]) -> None:
    assert split_full_name(text) == expected


def test_header_only_file_is_refused(event: EventStore, tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="no guests"):
        import_file(event, write_csv(tmp_path / "header.csv", [HEADER]), actor="t")


def test_mapping_preset_maps_unknown_headers(event: EventStore, tmp_path: Path) -> None:
    rows = [["Nom du délégué", "Code interne", "Pays"], ["Dupont", "X-1", "France"]]
    preset = {"columns": {"Nom du délégué": "family_name", "Code interne": None}}
    report, mapping = import_file(event, write_csv(tmp_path / "odd.csv", rows), actor="t", preset=preset)

    assert report.imported == 1
    assert mapping.to_json()["columns"]["Code interne"] is None
    assert json.dumps(mapping.to_json())


def _one_row(tmp_path: Path, **cells: str) -> Path:
    row = {"Surname": "Karimov", "Given name": "Bahrom", "Organisation": "MFA", "Country": "TJ"} | cells
    return write_csv(tmp_path / "list.csv", [list(row), list(row.values())])


def test_a_guest_with_one_name_is_imported_with_a_warning(event: EventStore, tmp_path: Path) -> None:
    report, _ = import_file(event, _one_row(tmp_path, **{"Surname": "", "Given name": "Rhys"}), actor="t")

    assert (report.imported, report.errors) == (1, [])
    (warning,) = report.to_json()["warnings"]
    assert warning | {"message": ""} == {"row": 2, "column": "Surname", "value": "Rhys", "message": ""}
    assert "one name" in warning["message"].lower()
    (guest,) = all_guests(event)
    assert (guest.fields.family_name, guest.fields.given_name) == ("Rhys", "")


@pytest.mark.parametrize(
    ("written", "code", "needle"),
    [("Swaziland", "SZ", "former name"), ("Бирма", "MM", "former name"), ("Phillipines", "PH", "spelling")],
)
def test_a_country_read_from_another_name_is_imported_with_a_warning(
    event: EventStore, tmp_path: Path, written: str, code: str, needle: str
) -> None:
    report, _ = import_file(event, _one_row(tmp_path, Country=written), actor="t")

    (warning,) = report.warnings
    assert (warning.row, warning.column, warning.value) == (2, "Country", written)
    assert needle in warning.message and f"({code})" in warning.message
    assert all_guests(event)[0].fields.country == code


def test_current_names_and_codes_give_no_warning(event: EventStore, tmp_path: Path) -> None:
    rows = [
        HEADER[:4],
        ["Karimov", "Bahrom", "MFA", "Tajikistan"],
        ["Smith", "Anna", "UN", "USA"],
        ["Li", "Wei", "UN", "CHN"],
    ]
    report, _ = import_file(event, write_csv(tmp_path / "plain.csv", rows), actor="t")

    assert (report.imported, report.warnings) == (3, [])


def test_notes_too_long_are_cut_to_fit_with_a_warning(event: EventStore, tmp_path: Path) -> None:
    report, _ = import_file(event, _one_row(tmp_path, Notes="word " * 1000), actor="t")

    (warning,) = report.warnings
    assert (warning.column, warning.value[:10]) == ("Notes", "word word ")
    assert "4,999 characters long" in warning.message
    notes = all_guests(event)[0].fields.notes
    assert len(notes) == 2000 and notes.endswith("…")


def test_reimporting_reports_no_warning_for_what_is_unchanged(event: EventStore, tmp_path: Path) -> None:
    source = _one_row(tmp_path, **{"Surname": "", "Given name": "Rhys", "Country": "Swaziland"})
    first, _ = import_file(event, source, actor="t")
    again, _ = import_file(event, source, actor="t")

    assert len(first.warnings) == 2
    assert (again.unchanged, again.warnings) == (1, [])


def test_the_report_quotes_a_huge_cell_by_its_start(event: EventStore, tmp_path: Path) -> None:
    huge = "@" * 5_000_000
    report, _ = import_file(event, _one_row(tmp_path, **{"E-mail": huge, "q" * 5_000_000: "x"}), actor="t")

    text = json.dumps(report.to_json(), ensure_ascii=False)
    assert len(text) < 5000
    assert {error.column for error in report.errors} == {"E-mail"}
    assert all(error.value.startswith("@@@") and len(error.value) <= 200 for error in report.errors)
    assert report.errors[0].value.endswith("…")
    assert [len(column) for column in report.unmapped_columns] == [200]


def test_lines_in_another_encoding_are_imported_readable_with_a_warning_each(event: EventStore, tmp_path: Path) -> None:
    path = tmp_path / "merged.csv"
    path.write_bytes(
        "Surname,Given name,Country\nMüller,Jürgen,DE\n".encode()
        + "Петров,Иван,Россия\n".encode("cp1251")
        + "Ахмедов,Шер,TJ\n".encode()
    )
    report, _ = import_file(event, path, actor="t")

    assert {guest.fields.family_name for guest in all_guests(event)} == {"Müller", "Петров", "Ахмедов"}
    (warning,) = report.to_json()["warnings"]
    assert (warning["row"], warning["column"], warning["value"]) == (3, "", "Петров | Иван | Россия")
    assert "Windows-1251" in warning["message"] and "UTF-8" in warning["message"]
