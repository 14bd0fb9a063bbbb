"""Exporting the guest list: CSV for Excel (BOM, every script intact) and XLSX, never a live formula."""

import csv
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

import pytest
from python_calamine import CalamineWorkbook

from accreditor import exporting
from accreditor import guests as guest_store
from accreditor.errors import AccreditorError
from accreditor.guests import Guest
from accreditor.store import EventStore

AddGuest = Callable[..., int]
SPREADSHEET_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
HEADER = [header for header, _value_of in exporting.COLUMNS]
NAMES = [
    ("Рахмонов", "Ҷамшед"),
    ("داوود", "أحمد"),
    ("高", "秀珍"),
    ("Müller", "Renée"),
    ("O'Brien", "Seán"),
]
FORMULAS = ['=HYPERLINK("x")', "+SUM(A1)", "-1+2", "@cmd", "\tcmd", "\r=1"]


def all_guests(store: EventStore) -> list[Guest]:
    with store.connect() as connection:
        return guest_store.list_guests(connection)


def export(store: EventStore, path: Path) -> Path:
    exporting.export_guests(all_guests(store), path)
    return path


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def read_xlsx(path: Path) -> list[list[str]]:
    """Every cell as the text a spreadsheet shows (whole numbers without ".0")."""
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Guests").to_python()
    return [[_shown(cell) for cell in row] for row in rows]


def _shown(cell: object) -> str:
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell)


def column(rows: list[list[str]], header: str) -> list[str]:
    index = rows[0].index(header)
    return [row[index] for row in rows[1:]]


@pytest.fixture
def named_guests(add_guest: AddGuest) -> list[int]:
    return [add_guest(family, given_name=given, country="TJ") for family, given in NAMES]


@pytest.fixture
def formula_guests(add_guest: AddGuest) -> list[int]:
    return [add_guest(value, organisation=value, notes=value) for value in FORMULAS]


# -- CSV -----------------------------------------------------------------------------------------


def test_csv_starts_with_the_utf8_bom(store: EventStore, named_guests: list[int], tmp_path: Path) -> None:
    path = export(store, tmp_path / "guests.csv")

    assert path.read_bytes().startswith(b"\xef\xbb\xbf")


def test_csv_has_the_header_and_one_row_per_guest(store: EventStore, named_guests: list[int], tmp_path: Path) -> None:
    rows = read_csv(export(store, tmp_path / "guests.csv"))

    assert rows[0] == HEADER
    assert column(rows, "ID") == [str(guest_id) for guest_id in named_guests]


def test_csv_keeps_names_in_every_script(store: EventStore, named_guests: list[int], tmp_path: Path) -> None:
    rows = read_csv(export(store, tmp_path / "guests.csv"))

    assert list(zip(column(rows, "Family name"), column(rows, "Given name"), strict=True)) == NAMES


def test_csv_of_no_guests_has_only_the_header(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    exporting.export_guests([], path)

    assert read_csv(path) == [HEADER]


@pytest.mark.parametrize("column_name", ["Family name", "Organisation", "Notes"])
def test_csv_neutralises_formula_looking_values(
    store: EventStore, formula_guests: list[int], tmp_path: Path, column_name: str
) -> None:
    rows = read_csv(export(store, tmp_path / "guests.csv"))

    assert column(rows, column_name) == ["'" + value for value in FORMULAS]


def test_csv_leaves_ordinary_values_alone(store: EventStore, add_guest: AddGuest, tmp_path: Path) -> None:
    add_guest("Smith-Jones", organisation="A=B Consulting", notes="1+1")

    rows = read_csv(export(store, tmp_path / "guests.csv"))

    assert (column(rows, "Family name"), column(rows, "Organisation"), column(rows, "Notes")) == (
        ["Smith-Jones"],
        ["A=B Consulting"],
        ["1+1"],
    )


def test_csv_writes_country_name_and_code(store: EventStore, named_guests: list[int], tmp_path: Path) -> None:
    rows = read_csv(export(store, tmp_path / "guests.csv"))

    assert set(column(rows, "Country")) == {"Tajikistan"}
    assert set(column(rows, "Country code")) == {"TJ"}


# -- XLSX ----------------------------------------------------------------------------------------


def test_xlsx_keeps_names_in_every_script(store: EventStore, named_guests: list[int], tmp_path: Path) -> None:
    rows = read_xlsx(export(store, tmp_path / "guests.xlsx"))

    assert rows[0] == HEADER
    assert column(rows, "ID") == [str(guest_id) for guest_id in named_guests]
    assert list(zip(column(rows, "Family name"), column(rows, "Given name"), strict=True)) == NAMES


def test_xlsx_shows_the_same_text_as_the_csv(
    store: EventStore, named_guests: list[int], formula_guests: list[int], tmp_path: Path
) -> None:
    csv_rows = read_csv(export(store, tmp_path / "guests.csv"))

    assert read_xlsx(export(store, tmp_path / "guests.xlsx")) == csv_rows


def test_xlsx_has_no_formula_cells(store: EventStore, formula_guests: list[int], tmp_path: Path) -> None:
    path = export(store, tmp_path / "guests.xlsx")

    with zipfile.ZipFile(path) as workbook:
        sheet = ElementTree.fromstring(workbook.read("xl/worksheets/sheet1.xml"))
    assert sheet.findall(f".//{SPREADSHEET_NS}c")
    assert sheet.findall(f".//{SPREADSHEET_NS}f") == []


# -- choosing the format -------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["GUESTS.CSV", "Guests.Xlsx"])
def test_extension_is_matched_in_any_case(
    store: EventStore, named_guests: list[int], tmp_path: Path, name: str
) -> None:
    path = export(store, tmp_path / name)

    assert path.stat().st_size > 0


@pytest.mark.parametrize("name", ["guests.pdf", "guests.xls", "guests"])
def test_unknown_extension_is_refused(store: EventStore, named_guests: list[int], tmp_path: Path, name: str) -> None:
    with pytest.raises(AccreditorError, match=r"\.csv or \.xlsx"):
        export(store, tmp_path / name)

    assert not (tmp_path / name).exists()


def test_unwritable_place_raises_accreditor_error(store: EventStore, named_guests: list[int], tmp_path: Path) -> None:
    with pytest.raises(AccreditorError, match="Cannot write"):
        export(store, tmp_path / "no such folder" / "guests.csv")
