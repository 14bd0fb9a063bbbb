"""Reading registration files into text rows: real exports, every encoding and delimiter, hostile files."""

import csv
import datetime
import io
import os
import random
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accreditor.errors import ImportFileError
from accreditor.importing import reading
from accreditor.importing.reading import SourceRow, list_sheets, read_table

HEADER = ["Surname", "Given name", "Organisation", "Passport"]


def write_bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def write_text(path: Path, text: str, encoding: str) -> Path:
    return write_bytes(path, text.encode(encoding))


def cells_by_number(table: reading.SourceTable) -> dict[int, tuple[str, ...]]:
    return {row.number: row.cells for row in table.rows}


# --- The real sample exports -------------------------------------------------------------------------


def test_english_sample_is_utf8_comma_separated(sample_exports: Path) -> None:
    table = read_table(sample_exports / "registration-en.csv")

    assert (table.name, table.sheet, table.sheet_names) == ("registration-en.csv", None, ())
    assert (table.encoding, table.delimiter) == ("utf-8", ",")
    assert table.rows[0] == SourceRow(
        1, ("Surname", "Given name", "Organization", "Country", "Category", "Passport", "Email")
    )
    assert table.rows[1].cells[:2] == ("أبو داوود", "سرور")
    assert not any(cell.endswith("\r") for row in table.rows for cell in row.cells)


def test_russian_sample_is_utf8_with_bom_and_semicolons(sample_exports: Path) -> None:
    table = read_table(sample_exports / "registration-ru.csv")

    assert (table.encoding, table.delimiter) == ("utf-8-sig", ";")
    assert table.rows[0].cells[:3] == ("Фамилия", "Имя", "Организация")  # no BOM glued to the first header
    assert cells_by_number(table)[5][:2] == ("Саидов", "Ӯмед")


def test_title_block_workbook_keeps_excel_row_numbers(sample_exports: Path) -> None:
    table = read_table(sample_exports / "registration-title-block.xlsx")

    assert (table.sheet, table.sheet_names, table.encoding, table.delimiter) == ("Guests", ("Guests",), None, None)
    rows = cells_by_number(table)
    assert rows[1] == ("Registered participants",)
    assert 3 not in rows  # the blank row is skipped but still counted
    assert rows[4] == ("#", "Nom", "Prénom", "Organisation", "Pays", "Catégorie", "Passeport", "Courriel")
    assert rows[5][:3] == ("1", "أبو داوود", "سرور")  # the running number typed as a number has no ".0"


# --- Encodings ---------------------------------------------------------------------------------------


def test_utf16_with_bom_and_tabs(tmp_path: Path) -> None:
    text = "Фамилия\tИмя\tOrganisation\r\nДюпон\tÉlodie\tUNESCO\r\n"
    table = read_table(write_bytes(tmp_path / "unicode.txt", b"\xff\xfe" + text.encode("utf-16-le")))

    assert (table.encoding, table.delimiter) == ("utf-16", "\t")
    assert table.rows[1] == SourceRow(2, ("Дюпон", "Élodie", "UNESCO"))


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(tmp_path: Path, encoding: str) -> None:
    table = read_table(write_text(tmp_path / "guests.csv", "Surname;Given name\nМюллер;Jürgen\n", encoding))

    assert (table.encoding, table.delimiter) == (encoding, ";")
    assert table.rows[1].cells == ("Мюллер", "Jürgen")


def test_utf32_with_bom(tmp_path: Path) -> None:
    table = read_table(write_text(tmp_path / "guests.csv", "Surname,Name\nÖztürk,Ayşe\n", "utf-32"))

    assert table.encoding == "utf-32"
    assert table.rows[1].cells == ("Öztürk", "Ayşe")


def test_cp1251_russian_csv(tmp_path: Path) -> None:
    text = (
        "Фамилия;Имя;Организация;Должность\r\n"
        "Иванов;Пётр;Министерство иностранных дел;Заместитель министра\r\n"
        "Щербакова;Юлия;Посольство в Душанбе;Советник по вопросам культуры\r\n"
    )
    table = read_table(write_text(tmp_path / "участники.csv", text, "cp1251"))

    assert (table.encoding, table.delimiter) == ("cp1251", ";")
    assert table.rows[2].cells == ("Щербакова", "Юлия", "Посольство в Душанбе", "Советник по вопросам культуры")


def test_cp1252_french_csv(tmp_path: Path) -> None:
    text = "Nom;Prénom;Société\r\nLefèvre;Hélène;Société Générale\r\nMüller;Jörg;Crédit Agricole\r\n"
    table = read_table(write_text(tmp_path / "inscrits.csv", text, "cp1252"))

    assert (table.encoding, table.delimiter) == ("cp1252", ";")
    assert table.rows[0].cells == ("Nom", "Prénom", "Société")
    assert table.rows[2].cells == ("Müller", "Jörg", "Crédit Agricole")


def test_lists_pasted_together_in_utf8_and_cp1251_read_each_line_in_its_own_encoding(tmp_path: Path) -> None:
    path = tmp_path / "merged.csv"
    path.write_bytes(
        "\ufeffSurname;Given name;Note\r\nMüller;Jürgen;first list\r\n".encode()
        + 'Петров;Иван;"second\r\nlist"\r\nЩукина;Юлия;\r\n'.encode("cp1251")
        + "Ҷалолов;Ӯмед;first list again\r\n".encode()
    )
    table = read_table(path)

    assert [row.cells[:2] for row in table.rows] == [
        ("Surname", "Given name"),
        ("Müller", "Jürgen"),
        ("Петров", "Иван"),
        ("Щукина", "Юлия"),
        ("Ҷалолов", "Ӯмед"),
    ]
    assert table.rows[2].cells[2] == "second\r\nlist"
    assert table.encoding == "utf-8"
    assert table.row_encodings == {3: "cp1251", 4: "cp1251"}


@pytest.mark.parametrize(
    "noise",
    [bytes(range(1, 256)), bytes(byte for byte in range(1, 256) if byte != 0x98)],  # 0x98: undefined in cp1251
    ids=["every byte", "bytes cp1251 defines"],
)
def test_binary_data_with_some_utf8_lines_is_still_refused_as_binary(tmp_path: Path, noise: bytes) -> None:
    path = tmp_path / "guests.csv"
    path.write_bytes((noise + "\nMüller;Jürgen\n".encode()) * 40)

    with pytest.raises(ImportFileError, match="not a text file"):
        read_table(path)


def test_a_file_wholly_in_one_code_page_is_no_mix(tmp_path: Path) -> None:
    table = read_table(write_text(tmp_path / "ru.csv", "Фамилия;Имя\nПетров;Иван\nIvanov;Ivan\n", "cp1251"))

    assert (table.encoding, table.row_encodings) == ("cp1251", {})


@pytest.mark.parametrize(
    ("sentence", "encoding"),
    [
        ("Делегация прибыла в Душанбе в понедельник утром", "cp1251"),
        ("Съезд участников конференции по водным ресурсам", "cp1251"),
        ("Ёжик в тумане, ёлка и щёлочь", "cp1251"),
        ("Le délégué a été reçu à l'hôtel après la séance plénière", "cp1252"),
        ("Die Größe der Delegation überrascht die Straßenbahnfahrer in Zürich", "cp1252"),
        ("Ça coûte très cher, garçon — où est la fenêtre?", "cp1252"),
    ],
)
def test_single_byte_code_page_is_told_apart(tmp_path: Path, sentence: str, encoding: str) -> None:
    table = read_table(write_text(tmp_path / "note.csv", f"Notes\n{sentence}\n", encoding))

    assert table.encoding == encoding
    assert ",".join(table.rows[1].cells) == sentence


def test_undefined_cp1252_bytes_fall_back_to_latin1(tmp_path: Path) -> None:
    table = read_table(write_bytes(tmp_path / "odd.csv", b"Surname,Given name\nCaf\xe9,R\x81\xe9my\n"))

    assert table.encoding == "latin-1"
    assert table.rows[1].cells == ("Café", "R\x81émy")


@pytest.mark.parametrize("newline", ["\r\n", "\n", "\r"])
def test_line_endings(tmp_path: Path, newline: str) -> None:
    text = newline.join(["Surname,Given name", "Rahmonov,Jamshed", "", "Karimov,Bahrom", ""])
    table = read_table(write_text(tmp_path / "guests.csv", text, "utf-8"))

    assert [(row.number, row.cells) for row in table.rows] == [
        (1, ("Surname", "Given name")),
        (2, ("Rahmonov", "Jamshed")),
        (4, ("Karimov", "Bahrom")),
    ]


# --- Delimiters and quoting --------------------------------------------------------------------------


def test_pipe_delimited(tmp_path: Path) -> None:
    text = "Surname|Given name|Organisation\nDupont|Jean|UN, Geneva office\nSmith|Anna|OSCE\n"
    table = read_table(write_text(tmp_path / "export.txt", text, "utf-8"))

    assert table.delimiter == "|"
    assert table.rows[1].cells == ("Dupont", "Jean", "UN, Geneva office")


def test_title_block_does_not_fool_delimiter_detection(tmp_path: Path) -> None:
    lines = ["Registered participants, all delegations", "as of 30 April", "", "Surname;Given name;Organisation"]
    lines += [f"Name{i};Given{i};Ministry of Foreign Affairs, Protocol" for i in range(10)]
    table = read_table(write_text(tmp_path / "guests.csv", "\r\n".join(lines), "utf-8"))

    assert table.delimiter == ";"
    assert table.rows[0] == SourceRow(1, ("Registered participants, all delegations",))
    assert table.rows[2] == SourceRow(4, ("Surname", "Given name", "Organisation"))


def test_tsv_extension_defaults_to_tab_for_single_column(tmp_path: Path) -> None:
    assert read_table(write_text(tmp_path / "names.tsv", "Name\nAnna Smith\n", "utf-8")).delimiter == "\t"
    assert read_table(write_text(tmp_path / "names.csv", "Name\nAnna Smith\n", "utf-8")).delimiter == ","


def test_quoted_newlines_and_doubled_quotes_keep_row_numbers(tmp_path: Path) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows(
        [
            ["Surname", "Given name", "Notes"],
            ["Rahmonov", "Jamshed", 'Arrives Monday\r\nneeds a "wheelchair"'],
            [],
            ["Karimov", "Bahrom", "Line one\nline two\nline three"],
            ["Smith", "Anna", ""],
        ]
    )
    table = read_table(write_text(tmp_path / "guests.csv", buffer.getvalue(), "utf-8"))

    assert cells_by_number(table) == {
        1: ("Surname", "Given name", "Notes"),
        2: ("Rahmonov", "Jamshed", 'Arrives Monday\r\nneeds a "wheelchair"'),
        4: ("Karimov", "Bahrom", "Line one\nline two\nline three"),
        5: ("Smith", "Anna"),  # trailing empty cells are trimmed
    }


def test_cell_of_100000_characters_is_read(tmp_path: Path) -> None:
    huge = "x" * 100_000
    text = f'Surname,Notes\nSmith,"{huge}"\nJones,short\n'
    table = read_table(write_text(tmp_path / "guests.csv", text, "utf-8"))

    assert table.rows[1].cells == ("Smith", huge)
    assert table.rows[2] == SourceRow(3, ("Jones", "short"))


def test_whitespace_only_rows_are_blank_and_cells_are_not_stripped(tmp_path: Path) -> None:
    text = "Surname;Given name\n ; \n  Smith ; Anna  ;  \n"
    table = read_table(write_text(tmp_path / "guests.csv", text, "utf-8"))

    assert [(row.number, row.cells) for row in table.rows] == [
        (1, ("Surname", "Given name")),
        (3, ("  Smith ", " Anna  ")),
    ]


def test_header_only_file_is_read(tmp_path: Path) -> None:
    table = read_table(write_text(tmp_path / "header.csv", ",".join(HEADER) + "\r\n", "utf-8"))

    assert table.rows == (SourceRow(1, tuple(HEADER)),)


# --- Workbooks ---------------------------------------------------------------------------------------


def test_xlsx_cells_become_text_the_way_excel_shows_them(make_xlsx) -> None:
    rows = [
        ["Surname", "Passport", "Score", "VIP", "Arrival", "Born", None, None],
        ["Rahmonov", 1234567, 1.5, True, datetime.datetime(2026, 5, 3, 9, 15), datetime.date(1970, 1, 2)],
        [],
        ["Karimov", -0.0, 1e-7, False, datetime.time(9, 15), None, None, ""],
    ]
    table = read_table(make_xlsx("guests.xlsx", {"Guests": rows}, origin=(4, 2)))

    assert cells_by_number(table) == {
        5: ("", "", "Surname", "Passport", "Score", "VIP", "Arrival", "Born"),
        6: ("", "", "Rahmonov", "1234567", "1.5", "TRUE", "2026-05-03T09:15:00", "1970-01-02"),
        8: ("", "", "Karimov", "0", "1e-07", "FALSE", "09:15:00"),
    }


def test_default_sheet_is_first_visible_sheet_with_data(make_xlsx) -> None:
    sheets = {"Empty": [], "Secret": [["Surname"], ["Hidden"]], "Guests": [["Surname"], ["Visible"]]}
    path = make_xlsx("book.xlsx", sheets, hidden=("Secret",))

    table = read_table(path)
    assert (table.sheet, table.sheet_names) == ("Guests", ("Empty", "Secret", "Guests"))
    assert read_table(path, sheet="Secret").rows[1].cells == ("Hidden",)
    assert read_table(path, sheet=" guests ").sheet == "Guests"  # a loosely typed name still finds the sheet
    assert list_sheets(path) == ["Empty", "Secret", "Guests"]


def test_unknown_sheet_lists_the_sheets(make_xlsx) -> None:
    path = make_xlsx("book.xlsx", {"Guests": [["Surname"]], "Staff": [["Surname"]]})

    with pytest.raises(
        ImportFileError, match=r"book\.xlsx has no sheet named 'Gäste'; its sheets are: 'Guests', 'Staff'"
    ):
        read_table(path, sheet="Gäste")


def test_empty_sheet_and_empty_workbook(make_xlsx) -> None:
    path = make_xlsx("book.xlsx", {"Notes": [], "Guests": [["Surname"]]})
    with pytest.raises(ImportFileError, match=r"Sheet 'Notes' in book\.xlsx is empty"):
        read_table(path, sheet="Notes")
    with pytest.raises(ImportFileError, match=r"empty\.xlsx is empty"):
        read_table(make_xlsx("empty.xlsx", {"Sheet1": []}))


def test_list_sheets_of_text_file_is_empty(tmp_path: Path) -> None:
    assert list_sheets(write_text(tmp_path / "guests.csv", "Surname\nSmith\n", "utf-8")) == []


def test_ods_is_read_with_row_numbers(make_ods) -> None:
    rows = [[], ["Participants"], [], ["Nom", "Prénom", "Passeport"], ["Dupont", "Hélène", 1234567]]
    table = read_table(make_ods("inscrits.ods", {"Feuille 1": rows, "Vide": []}))

    assert (table.sheet, table.sheet_names) == ("Feuille 1", ("Feuille 1", "Vide"))
    assert cells_by_number(table) == {
        2: ("Participants",),
        4: ("Nom", "Prénom", "Passeport"),
        5: ("Dupont", "Hélène", "1234567"),
    }


def test_xlsx_without_cell_positions_is_read(make_xlsx, tmp_path: Path) -> None:
    """Some writers omit the optional r="A1" attributes; rows and cells then follow one another."""
    original = make_xlsx("positions.xlsx", {"Guests": [["Surname", "Given name"], [], ["Smith", "Anna"]]})
    stripped = rewrite_xlsx_sheet(
        original, tmp_path / "no-positions.xlsx", lambda xml: re.sub(rb' r="[A-Z]+\d+"', b"", xml)
    )

    assert read_table(stripped).rows == read_table(original).rows


def rewrite_xlsx_sheet(source: Path, target: Path, change) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for member in old.infolist():
            data = old.read(member)
            new.writestr(member.filename, change(data) if member.filename == "xl/worksheets/sheet1.xml" else data)
    return target


# --- Hostile and broken files ------------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"   \r\n\t\r\n  ", b"\xef\xbb\xbf", b";;;\r\n;;\r\n"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    with pytest.raises(ImportFileError, match=r"^guests\.csv is empty\.$"):
        read_table(write_bytes(tmp_path / "guests.csv", content))


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match=r"^nowhere\.csv does not exist\.$"):
        read_table(tmp_path / "nowhere.csv")
    (tmp_path / "export.csv").mkdir()
    with pytest.raises(ImportFileError, match=r"^export\.csv is a folder, not a file\.$"):
        read_table(tmp_path / "export.csv")
    file_as_folder = write_text(tmp_path / "notes.txt", "x", "utf-8") / "guests.csv"
    with pytest.raises(ImportFileError, match=r"^guests\.csv does not exist\.$"):
        read_table(file_as_folder)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.csv")
    with pytest.raises(ImportFileError, match="not a regular file"):
        read_table(tmp_path / "pipe.csv")


def test_file_over_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 1024 * 1024)
    path = write_bytes(tmp_path / "big.csv", b"Surname\n" + b"Smith\n" * 200_000)
    with pytest.raises(ImportFileError, match=r"big\.csv is too large to import \(1 MB; the limit is 1 MB\)"):
        read_table(path)


def test_too_many_rows(tmp_path: Path, make_xlsx, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "MAX_ROWS", 10)
    csv_path = write_text(tmp_path / "long.csv", "Surname\n" + "Smith\n" * 10, "utf-8")
    xlsx_path = make_xlsx("long.xlsx", {"Guests": [["Surname"]] + [["Smith"]] * 10})
    for path in (csv_path, xlsx_path):
        with pytest.raises(ImportFileError, match=rf"{path.name} has more than 10 rows"):
            read_table(path)


def test_random_binary_named_csv(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "registration.csv", random.Random(20260503).randbytes(64 * 1024))
    with pytest.raises(
        ImportFileError, match=r"^registration\.csv is not a text file \(it looks like binary data\)\.$"
    ):
        read_table(path)


def test_binary_without_nul_bytes_is_still_binary(tmp_path: Path) -> None:
    noise = bytes(b for b in random.Random(7).randbytes(20_000) if b)
    with pytest.raises(ImportFileError, match="not a text file"):
        read_table(write_bytes(tmp_path / "noise.csv", noise))


def test_text_with_nul_bytes_is_binary(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="not a text file"):
        read_table(write_bytes(tmp_path / "guests.csv", b"Surname,Given name\nSmith\x00,Anna\n"))


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("guests.xlsx", random.Random(1).randbytes(4096), r"guests\.xlsx is not a valid Excel workbook"),
        ("guests.xlsx", b"Surname,Given name\nSmith,Anna\n", r"guests\.xlsx is not a valid Excel workbook"),
        ("guests.ods", b"Surname,Given name\n", r"guests\.ods is not a valid OpenDocument spreadsheet"),
        ("guests.xls", random.Random(2).randbytes(4096), r"guests\.xls is not a valid Excel workbook"),
        ("guests.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), r"guests\.xls is damaged or is not a valid"),
        ("guests.xlsx", b"PK\x03\x04" + random.Random(3).randbytes(4096), r"guests\.xlsx is damaged or is not a valid"),
        ("guests.csv", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", r"guests\.csv is a PDF document, not a spreadsheet"),
        ("guests.xls", b"<html><body><table><tr><td>Surname</td></tr></table>", r"guests\.xls is a web page"),
    ],
)
def test_files_that_are_not_what_they_claim(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    with pytest.raises(ImportFileError, match=message):
        read_table(write_bytes(tmp_path / name, content))


def test_tab_separated_text_saved_as_xls_is_read(tmp_path: Path) -> None:
    table = read_table(write_text(tmp_path / "export.xls", "Surname\tGiven name\nSmith\tAnna\n", "utf-8"))
    assert (table.delimiter, table.rows[1].cells) == ("\t", ("Smith", "Anna"))


def test_truncated_xlsx(make_xlsx, tmp_path: Path) -> None:
    whole = make_xlsx(
        "whole.xlsx", {"Guests": [["Surname", "Given name"]] + [[f"Name{i}", "Anna"] for i in range(500)]}
    )
    data = whole.read_bytes()
    with pytest.raises(ImportFileError, match=r"^cut\.xlsx is damaged or is not a valid Excel workbook\.$"):
        read_table(write_bytes(tmp_path / "cut.xlsx", data[: len(data) // 2]))


def test_xlsx_with_a_corrupted_part(make_xlsx, tmp_path: Path) -> None:
    data = bytearray(
        make_xlsx("whole.xlsx", {"Guests": [["Surname"]] + [[f"Name{i}"] for i in range(500)]}).read_bytes()
    )
    start = data.index(b"xl/worksheets/sheet1.xml") + len("xl/worksheets/sheet1.xml")
    data[start + 40 : start + 60] = bytes(20)  # inside the compressed sheet
    with pytest.raises(ImportFileError, match="damaged"):
        read_table(write_bytes(tmp_path / "bad.xlsx", bytes(data)))


def test_zip_that_is_not_a_spreadsheet(tmp_path: Path) -> None:
    path = tmp_path / "letter.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(ImportFileError, match=r"letter\.xlsx is a ZIP archive, not an Excel or OpenDocument"):
        read_table(path)


def test_zip_bomb_is_refused_before_unpacking(zip_bomb: Path) -> None:
    with pytest.raises(ImportFileError, match=r"bomb\.xlsx would unpack to far more data than a spreadsheet holds"):
        read_table(zip_bomb)
    with pytest.raises(ImportFileError, match="refused for safety"):
        list_sheets(zip_bomb)


def test_absurdly_compressed_part_is_refused(make_xlsx, tmp_path: Path) -> None:
    """50 MB is within the size limit, but no real sheet compresses 1000:1."""
    path = make_xlsx("guests.xlsx", {"Guests": [["Surname"], ["Smith"]]})
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.bin", bytes(50 * 1024 * 1024))
    with pytest.raises(ImportFileError, match="refused for safety"):
        read_table(path)


WIDE_ROW_WITHOUT_POSITIONS = b'<row r="1000">' + b'<c t="inlineStr"><is><t>x</t></is></c>' * 6000 + b"</row>"
FOREIGN_POSITIONS = b'<row r="1000">' + b'<c xmlns:x="urn:x" x:r="A1000"><v>1</v></c>' * 6000 + b"</row>"


@pytest.mark.parametrize(
    ("extra_rows", "message"),
    [
        (b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>', r"has more than 1,000,000 rows"),
        (b'<row r="1000"><c r="XFD1000"><v>1</v></c></row>', r"spreads over 1,000 rows and 16,384 columns"),
        (b'<row r="3"><c r="A3" t="n"r="XFD1000"><v>1</v></c></row>', r"1,000 rows and 16,384 columns"),
        (WIDE_ROW_WITHOUT_POSITIONS, r"spreads over 1,000 rows and 6,000 columns"),
        (FOREIGN_POSITIONS, r"spreads over 1,000 rows and 6,000 columns"),
    ],
    ids=["far", "wide", "duplicate-attribute", "unpositioned", "namespaced-attribute"],
)
def test_far_apart_cells_are_refused_instead_of_exhausting_memory(
    make_xlsx, tmp_path: Path, extra_rows: bytes, message: str
) -> None:
    """calamine allocates the whole box between the farthest cells: A1 to XFD1048576 would abort the program."""
    original = make_xlsx("book.xlsx", {"Guests": [["Surname"], ["Smith"]]})
    path = rewrite_xlsx_sheet(
        original, tmp_path / "far.xlsx", lambda xml: xml.replace(b"</sheetData>", extra_rows + b"</sheetData>")
    )
    with pytest.raises(ImportFileError, match=rf"^far\.xlsx .*{message}"):
        read_table(path)


def test_absurd_shared_string_count_is_refused(make_xlsx, tmp_path: Path) -> None:
    """calamine reserves room for the declared number of strings before reading any."""
    original = make_xlsx("book.xlsx", {"Guests": [["Surname"], ["Smith"]]})
    path = tmp_path / "strings.xlsx"
    with zipfile.ZipFile(original) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for member in old.infolist():
            data = old.read(member)
            if member.filename == "xl/sharedStrings.xml":
                data = re.sub(rb'uniqueCount="\d+"', b'uniqueCount="4000000000"', data)
            new.writestr(member.filename, data)
    with pytest.raises(ImportFileError, match="refused for safety"):
        read_table(path)


@pytest.mark.parametrize(
    "bomb_row",
    [
        '<table:table-cell table:number-columns-repeated="100000000" office:value-type="string">'
        "<text:p>x</text:p></table:table-cell>",
        '<table:table-cell office:value-type="string">'
        '<text:p>x<text:s text:c="2000000000"/></text:p></table:table-cell>',
    ],
)
def test_ods_repeat_counts_cannot_exhaust_memory(make_ods, bomb_row: str) -> None:
    path = make_ods("bomb.ods", {"Feuille": [["Nom"]]}, extra_rows_xml=f"<table:table-row>{bomb_row}</table:table-row>")
    with pytest.raises(ImportFileError, match=r"bomb\.ods .*(too large|refused for safety)"):
        read_table(path)


def test_password_protected_workbook(make_xls) -> None:
    """Excel saves an encrypted .xlsx as an OLE2 container with an EncryptedPackage stream."""
    path = make_xls("secret.xlsx", stream=bytes(5000), stream_name="EncryptedPackage")
    with pytest.raises(ImportFileError, match=r"^secret\.xlsx is protected by a password; open it in Excel"):
        read_table(path)


def test_ole2_file_without_a_workbook(make_xls) -> None:
    path = make_xls("letter.xls", stream=bytes(5000), stream_name="WordDocument")
    with pytest.raises(ImportFileError, match=r"^letter\.xls is damaged or is not a valid Excel workbook\.$"):
        read_table(path)


def test_xls_is_read(make_xls) -> None:
    sheets = {
        "Guests": [["Surname", "Passport", "Score"], ["Smith", 1234567, 7.5], [], ["Jones", 42]],
        "Staff": [["X"]],
    }
    path = make_xls("legacy.xls", sheets)

    table = read_table(path)
    assert (table.sheet, table.sheet_names, table.encoding) == ("Guests", ("Guests", "Staff"), None)
    assert cells_by_number(table) == {
        1: ("Surname", "Passport", "Score"),
        2: ("Smith", "1234567", "7.5"),
        4: ("Jones", "42"),
    }
    assert read_table(path, sheet="Staff").rows == (SourceRow(1, ("X",)),)
    assert list_sheets(path) == ["Guests", "Staff"]


@pytest.mark.parametrize(
    ("sheets", "dimensions", "message"),
    [
        ({"G": [["Surname"]]}, (0, 1_000_000_000, 0, 256), r"has more than 1,000,000 rows"),
        ({"G": [["Surname"]]}, (0, 60_000, 0, 200), r"spreads over 60,000 rows and 200 columns"),
        (
            {"G": [["Surname"], *[[None]] * 65_534, [*[None] * 300, 1]]},
            (0, 1, 0, 1),
            r"spreads over 65,536 rows and 301",
        ),
    ],
)
def test_xls_that_would_exhaust_memory_is_refused(make_xls, sheets, dimensions, message: str) -> None:
    """calamine reserves what DIMENSIONS says and allocates the box between the farthest cells."""
    with pytest.raises(ImportFileError, match=message):
        read_table(make_xls("huge.xls", sheets, dimensions=dimensions))


def test_xls_with_a_looping_directory_is_refused_instead_of_hanging(make_xls) -> None:
    path = make_xls("loop.xls", {"Guests": [["Surname"], ["Smith"]]}, directory_loops=True)
    with pytest.raises(ImportFileError, match=r"^loop\.xls is damaged or is not a valid Excel workbook\.$"):
        read_table(path)


# --- Property: nothing but a table or a sentence -----------------------------------------------------


MAGICS = [b"", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(magic=st.sampled_from(MAGICS), body=st.binary(max_size=2048))
def test_any_bytes_give_a_table_or_an_import_error(tmp_path: Path, magic: bytes, body: bytes) -> None:
    path = write_bytes(tmp_path / "anything.csv", magic + body)
    try:
        table = read_table(path)
    except ImportFileError as error:
        assert str(error).startswith("anything.csv ")
    else:
        assert table.rows and all(row.cells for row in table.rows)
