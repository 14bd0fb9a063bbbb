"""Finding the header row and mapping its columns to guest fields, and mapping files."""

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from accreditor.errors import ImportFileError
from accreditor.importing.columns import (
    FIELDS,
    ColumnMapping,
    detect_mapping,
    field_for_header,
    header_key,
    load_mapping_file,
    save_mapping_file,
)
from accreditor.importing.reading import SourceRow, SourceTable, read_table


def table_of(rows: Sequence[Sequence[str]], *, first: int = 1, name: str = "guests.csv") -> SourceTable:
    """A table as the reader would give it: blank rows dropped, numbers kept."""
    numbered = tuple(SourceRow(number, tuple(cells)) for number, cells in enumerate(rows, first) if cells)
    return SourceTable(name, None, (), "utf-8", ",", numbered)


# --- Header keys and synonyms ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Prénom*", "prenom"),
        ("  Given   Name: ", "givenname"),
        ("E-MAIL", "email"),
        ("Ёлка", "елка"),
        ("Катего́рия", "категория"),
        ("Ф.И.О.", "фио"),
        ("#", ""),
    ],
)
def test_header_key(text: str, key: str) -> None:
    assert header_key(text) == key


@pytest.mark.parametrize(
    ("header", "field"),
    [
        # English
        ("Surname", "family_name"),
        ("Last name", "family_name"),
        ("Family Name *", "family_name"),
        ("First name", "given_name"),
        ("Given name", "given_name"),
        ("Name", "full_name"),
        ("Full name", "full_name"),
        ("Organization", "organisation"),
        ("Agency", "organisation"),
        ("Institution", "organisation"),
        ("Delegation", "delegation"),
        ("Nationality", "country"),
        ("Citizenship", "country"),
        ("Type", "category"),
        ("Passport No.", "passport_no"),
        ("Passport number", "passport_no"),
        ("Document", "passport_no"),
        ("ID number", "passport_no"),
        ("ID", "external_ref"),
        ("Registration ID", "external_ref"),
        ("Registration number", "external_ref"),
        ("Ref", "external_ref"),
        ("E-mail", "email"),
        ("Mail", "email"),
        ("Mobile", "phone"),
        ("Telephone", "phone"),
        ("Job title", "position"),
        ("Title", "position"),
        ("Salutation", "title"),
        ("Honorific", "title"),
        ("Remarks", "notes"),
        ("Photo", "photo"),
        ("Surname (Latin)", "family_name_latin"),
        ("Given name (Latin)", "given_name_latin"),
        # Russian
        ("Фамилия", "family_name"),
        ("Имя", "given_name"),
        ("ФИО", "full_name"),
        ("Ф.И.О.", "full_name"),
        ("Организация", "organisation"),
        ("Ведомство", "organisation"),
        ("Делегация", "delegation"),
        ("Страна", "country"),
        ("Гражданство", "country"),
        ("Катего́рия", "category"),
        ("Паспорт", "passport_no"),
        ("№ паспорта", "passport_no"),
        ("Номер паспорта", "passport_no"),
        ("Эл. почта", "email"),
        ("Электронная почта", "email"),
        ("Телефон", "phone"),
        ("Должность", "position"),
        ("Обращение", "title"),
        ("№", "external_ref"),
        ("Рег. номер", "external_ref"),
        ("Примечание", "notes"),
        ("Комментарий", "notes"),
        ("Фото", "photo"),
        ("Фамилия (лат.)", "family_name_latin"),
        ("Фамилия латиницей", "family_name_latin"),
        ("Имя (лат.)", "given_name_latin"),
        # French
        ("Nom", "family_name"),
        ("Nom de famille", "family_name"),
        ("Prénom", "given_name"),
        ("PRENOM", "given_name"),
        ("Nom complet", "full_name"),
        ("Organisme", "organisation"),
        ("Société", "organisation"),
        ("Délégation", "delegation"),
        ("Pays", "country"),
        ("Nationalité", "country"),
        ("Catégorie", "category"),
        ("Passeport", "passport_no"),
        ("N° de passeport", "passport_no"),
        ("Courriel", "email"),
        ("Adresse électronique", "email"),
        ("Téléphone", "phone"),
        ("Fonction", "position"),
        ("Poste", "position"),
        ("Civilité", "title"),
        ("Titre", "title"),
        ("Référence", "external_ref"),
        ("Remarque", "notes"),
        ("Nom (latin)", "family_name_latin"),
        # Bilingual headers count when their parts agree
        ("Фамилия / Surname", "family_name"),
        ("Имя / First name / Prénom", "given_name"),
        ("Телефон / Phone / Fax", "phone"),
    ],
)
def test_field_for_header(header: str, field: str) -> None:
    assert field_for_header(header) == field


@pytest.mark.parametrize("header", ["#", "№ п/п", "", "T-shirt size", "Name / Имя", "Hotel", "Отчество"])
def test_headers_without_a_field(header: str) -> None:
    assert field_for_header(header) is None


# --- Header row detection ----------------------------------------------------------------------------


def test_samples_map_every_column(sample_exports: Path) -> None:
    expected = ["family_name", "given_name", "organisation", "country", "category", "passport_no", "email"]
    for name in ("registration-en.csv", "registration-ru.csv"):
        mapping = detect_mapping(read_table(sample_exports / name))
        assert (mapping.header_row, list(mapping.columns.values()), mapping.unmapped) == (1, expected, ())

    mapping = detect_mapping(read_table(sample_exports / "registration-title-block.xlsx"))
    assert mapping.header_row == 4
    assert mapping.columns == dict(enumerate(expected, start=1))  # the "#" running number is left out
    assert mapping.headers[:3] == ("#", "Nom", "Prénom")
    assert mapping.unmapped == ()


def test_title_block_above_the_header_is_skipped() -> None:
    rows = [
        ["Registered participants"],
        ["as of 30 April"],
        [],
        ["№ п/п", "Фамилия", "Имя", "Страна", "Примечание"],
        ["1", "Иванов", "Пётр", "Россия", ""],
    ]
    mapping = detect_mapping(table_of(rows))

    assert mapping.header_row == 4
    assert mapping.columns == {1: "family_name", 2: "given_name", 3: "country", 4: "notes"}


def test_second_column_for_the_same_field_is_reported() -> None:
    mapping = detect_mapping(table_of([["Surname", "Given name", "Family name", "T-shirt size", ""]]))

    assert mapping.columns == {0: "family_name", 1: "given_name"}
    assert mapping.unmapped == ("Family name", "T-shirt size")


def test_row_with_most_fields_wins() -> None:
    rows = [["Name", "Date"], ["Surname", "Given name", "Organisation", "Country"], ["Smith", "Anna", "UN", "FR"]]
    assert detect_mapping(table_of(rows)).header_row == 2


def test_update_file_keyed_by_email_has_a_header() -> None:
    """A file that only updates guests may identify them by e-mail, passport or reference instead of name."""
    mapping = detect_mapping(table_of([["E-mail", "Position"], ["j@example.org", "Minister"]]))
    assert mapping.columns == {0: "email", 1: "position"}


@pytest.mark.parametrize(
    "rows",
    [
        [],
        [["Registered participants"], ["Smith", "Anna"]],
        [["Surname"], ["Smith"]],  # one field is not enough to be sure
        [["Organisation", "Country"], ["UN", "FR"]],  # nothing says who the guest is
    ],
)
def test_no_header_row(rows: list[list[str]]) -> None:
    with pytest.raises(ImportFileError, match=r"^No header row found in guests\.csv: expected columns such as Surname"):
        detect_mapping(table_of(rows))


def test_header_beyond_the_scan_limit() -> None:
    rows = [[f"Note {i}"] for i in range(40)] + [["Surname", "Given name"], ["Smith", "Anna"]]
    with pytest.raises(ImportFileError, match="header row"):
        detect_mapping(table_of(rows))
    assert detect_mapping(table_of(rows), max_scan=50).header_row == 41


# --- Presets -----------------------------------------------------------------------------------------


def test_preset_overrides_synonyms_and_ignores_columns() -> None:
    rows = [["Name", "Nom du délégué", "Code interne", "Pays", "Hotel"], ["Anna", "Dupont", "X-1", "France", "Hilton"]]
    preset = {"columns": {"NAME": "given_name", "Nom du délégué": "family_name", "code interne": None}}
    mapping = detect_mapping(table_of(rows), preset=preset)

    assert mapping.columns == {0: "given_name", 1: "family_name", 3: "country"}
    assert mapping.unmapped == ("Hotel",)  # ignored on purpose is not reported, unknown is


def test_preset_headers_find_the_header_row() -> None:
    rows = [["Liste des délégués", "Surname"], ["Nom du délégué", "Prénom du délégué"], ["Dupont", "Anne"]]
    preset = {"columns": {"Nom du délégué": "family_name", "Prénom du délégué": "given_name"}}

    assert detect_mapping(table_of(rows), preset=preset).header_row == 2


def test_preset_header_row_is_used_as_given() -> None:
    rows = [["Surname", "Given name"], ["Nom", "Prénom"], ["Dupont", "Anne"]]
    mapping = detect_mapping(table_of(rows), preset={"header_row": 2, "columns": {}})

    assert (mapping.header_row, mapping.headers) == (2, ("Nom", "Prénom"))


@pytest.mark.parametrize(
    ("preset", "message"),
    [
        ({"header_row": 3, "columns": {}}, r"^Row 3 of guests\.csv, given as the header row, is empty or missing\."),
        ({"header_row": 2, "columns": {}}, r"^Row 2 of guests\.csv, given as the header row, has no column"),
        ({"columns": {"Surname": "surname"}}, r"^The column mapping preset is not valid: it maps the column 'Surname'"),
    ],
)
def test_unusable_preset(preset: dict, message: str) -> None:
    rows = [["Surname", "Given name"], ["Smith", "Anna"], [], ["Tail"]]
    with pytest.raises(ImportFileError, match=message):
        detect_mapping(table_of(rows), preset=preset)


# --- Mapping files -----------------------------------------------------------------------------------


def test_to_json_lists_every_header_as_written() -> None:
    mapping = detect_mapping(table_of([["Registered"], ["#", "Фамилия", "Имя", "Имя", "Hotel", ""]]))

    assert mapping.to_json() == {
        "version": 1,
        "header_row": 2,
        "columns": {"#": None, "Фамилия": "family_name", "Имя": "given_name", "Hotel": None},
    }


def test_mapping_file_round_trip(tmp_path: Path) -> None:
    table = table_of([["Title block"], ["Фамилия", "Имя", "Hotel", "Pays"], ["Иванов", "Пётр", "Hilton", "RU"]])
    original = detect_mapping(table)
    path = tmp_path / "mapping.json"

    save_mapping_file(original, path)
    assert "Фамилия" in path.read_text(encoding="utf-8")  # readable, not \\u escapes
    preset = load_mapping_file(path)
    again = detect_mapping(table, preset=preset)

    assert preset == original.to_json()
    assert (again.header_row, again.columns, again.headers) == (original.header_row, original.columns, original.headers)
    assert again.unmapped == ()  # the saved mapping says to ignore "Hotel"


def test_mapping_file_saved_by_hand_with_bom_and_without_version(tmp_path: Path) -> None:
    path = tmp_path / "preset.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"columns": {"Nom": "family_name"}}).encode())

    assert load_mapping_file(path) == {"version": 1, "header_row": None, "columns": {"Nom": "family_name"}}


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"{not json", r"it is not valid JSON \(line 1, column 2\)"),
        (b"\xff\xfe{}", "it is not UTF-8 text"),
        (b"[1, 2]", "it must be a JSON object"),
        (b'{"columns": {}, "sheet": "x"}', r"it has unknown entries \(sheet\)"),
        (b'{"version": 2, "columns": {}}', "it has version 2, but only version 1 is supported"),
        (b'{"header_row": "4", "columns": {}}', "its header_row must be a row number"),
        (b'{"header_row": 0, "columns": {}}', "its header_row must be a row number"),
        (b'{"header_row": true, "columns": {}}', "its header_row must be a row number"),
        (b'{"header_row": 1}', 'it needs a "columns" object'),
        (b'{"columns": ["Surname"]}', 'it needs a "columns" object'),
        (b'{"columns": {"Surname": "surname"}}', "it maps the column 'Surname' to 'surname', which is not one of"),
        (b'{"columns": {"Surname": 3}}', "it maps the column 'Surname' to 3, which is not one of"),
    ],
)
def test_bad_mapping_file(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "mapping.json"
    path.write_bytes(content)

    with pytest.raises(ImportFileError, match=rf"^mapping\.json is not a valid column-mapping file: {problem}"):
        load_mapping_file(path)


def test_missing_mapping_file(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match=r"^nowhere\.json cannot be read"):
        load_mapping_file(tmp_path / "nowhere.json")


def test_mapping_cannot_be_saved_into_a_missing_folder(tmp_path: Path) -> None:
    mapping = ColumnMapping(1, {0: "family_name"}, ("Surname",), ())
    with pytest.raises(ImportFileError, match=r"^The column mapping cannot be saved as mapping\.json"):
        save_mapping_file(mapping, tmp_path / "missing" / "mapping.json")


def test_every_field_has_a_synonym() -> None:
    examples = {
        "external_ref": "Reference",
        "title": "Civilité",
        "family_name": "Surname",
        "given_name": "Prénom",
        "full_name": "ФИО",
        "family_name_latin": "Фамилия (лат.)",
        "given_name_latin": "Prénom (latin)",
        "position": "Position",
        "organisation": "Organisation",
        "delegation": "Делегация",
        "country": "Country",
        "category": "Category",
        "passport_no": "Passport",
        "email": "Email",
        "phone": "Phone",
        "notes": "Notes",
        "photo": "Photo",
    }
    assert tuple(examples) == FIELDS
    assert {field: field_for_header(header) for field, header in examples.items()} == {f: f for f in FIELDS}
