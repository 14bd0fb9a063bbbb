"""Stage 1 of the guest-list import: any registration file organisers send → rows of text cells.

Organisers send Excel CSV in whatever code page their Windows uses, UTF-16 "Unicode text", semicolon or
tab separated files, workbooks with title blocks, and sometimes something that is not a spreadsheet at all.
Everything here is hostile input: each failure becomes one `ImportFileError` sentence naming the file, and
no file may hang the program or make a native library abort it.
"""

import csv
import datetime
import gc
import io
import os
import re
import stat
import struct
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from xml.etree import ElementTree

from python_calamine import CalamineSheet, CalamineWorkbook, PasswordError, SheetTypeEnum, SheetVisibleEnum

from accreditor.errors import ImportFileError

MAX_FILE_BYTES = 200 * 1024 * 1024
"""Larger files are refused before anything is read."""
MAX_UNZIPPED_BYTES = 300 * 1024 * 1024
"""A workbook that unpacks to more than this is refused (zip bomb guard)."""
MAX_COMPRESSION_RATIO = 200
"""A large workbook part compressed better than this is refused (zip bomb guard)."""
LARGE_PART_BYTES = 20 * 1024 * 1024
"""Parts up to this size may compress as well as they like (a sheet of empty cells does)."""
MAX_ROWS = 1_000_000
MAX_SHEET_CELLS = 5_000_000
"""calamine allocates every cell of a sheet's bounding box, so two far-apart cells can exhaust memory."""
MAX_ODS_SPACES = 10_000_000
"""ODS encodes runs of spaces as a count; calamine expands them."""

DELIMITERS = (",", ";", "\t", "|")
SNIFF_RECORDS = 100
"""Records parsed per candidate delimiter."""
_SNIFF_CHARS = 64 * 1024
_BINARY_SAMPLE_CHARS = 1024 * 1024
_MAX_CONTROL_SHARE = 0.01
_MIN_CONTROLS = 8  # a stray control character does not make a short file binary
_CODEPAGE_SAMPLE_BYTES = 1024 * 1024

_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_BOMS = (  # UTF-32 first: its little-endian BOM starts with the UTF-16 one
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_FOREIGN_MAGICS = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"{\\rtf", "an RTF document"),
)
_MARKUP_STARTS = ("<!doctype", "<html", "<table", "<?xml")
_ZIP_ONLY_SUFFIXES = {".xlsx", ".xlsm", ".xlsb", ".ods"}
_SPREADSHEET_SUFFIXES = {*_ZIP_ONLY_SUFFIXES, ".xls"}  # .xls is often HTML or TSV in disguise
_TAB_SUFFIXES = {".tsv", ".tab"}

# Control characters other than tab, LF and CR (C0, DEL and C1) mark binary data.
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Single-byte code pages: Russian words are runs of high bytes, Western words have accents between
# ASCII letters.
_HIGH_BYTE_RUN = re.compile(rb"[\x80-\xff]{2,}")
_ACCENT_IN_WORD = re.compile(rb"(?<=[A-Za-z])[\x80-\xff]|[\x80-\xff](?=[A-Za-z])")


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One record of the file, as text, numbered the way a spreadsheet program shows it."""

    number: int
    cells: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SourceTable:
    """The non-blank rows of one sheet or text file, plus what was detected, for messages and previews."""

    name: str
    sheet: str | None
    sheet_names: tuple[str, ...]
    encoding: str | None
    delimiter: str | None
    rows: tuple[SourceRow, ...]
    row_encodings: dict[int, str] = field(default_factory=dict)
    """Rows read in another encoding than `encoding` (lists pasted together from two sources): number → codec."""


@dataclass(frozen=True, slots=True)
class _Source:
    path: Path
    name: str
    kind: str  # "zip", "ole2" or "text", decided by content rather than by extension

    @property
    def description(self) -> str:
        """What the file claims to be, for messages."""
        if self.path.suffix.lower() == ".ods":
            return "OpenDocument spreadsheet"
        return "Excel workbook"

    @property
    def named_as_spreadsheet(self) -> bool:
        """Binary content is then a damaged workbook rather than a bad text file."""
        return self.path.suffix.lower() in _SPREADSHEET_SUFFIXES


def read_table(path: str | os.PathLike[str], sheet: str | None = None) -> SourceTable:
    """Read a CSV/TSV/TXT, XLSX, XLS or ODS file into text rows; `sheet` is ignored for text files."""
    source = _locate(path)
    table = _read_text(source) if source.kind == "text" else _read_workbook(source, sheet)
    if not table.rows:
        where = source.name if table.sheet is None else f"Sheet '{table.sheet}' in {source.name}"
        raise ImportFileError(f"{where} is empty.")
    return table


def list_sheets(path: str | os.PathLike[str]) -> list[str]:
    """Sheet names of a workbook, for a sheet picker; [] for text files."""
    source = _locate(path)
    if source.kind == "text":
        return []
    with _open_workbook(source) as workbook:
        return list(workbook.sheet_names)


# --- Messages used in several places -----------------------------------------------------------------


def _too_many_rows(name: str) -> ImportFileError:
    return ImportFileError(f"{name} has more than {MAX_ROWS:,} rows, which is too many to import.")


def _damaged(source: _Source) -> ImportFileError:
    return ImportFileError(f"{source.name} is damaged or is not a valid {source.description}.")


def _password_protected(name: str) -> ImportFileError:
    return ImportFileError(
        f"{name} is protected by a password; open it in Excel, remove the password and save it again."
    )


def _refused_for_safety(name: str) -> ImportFileError:
    return ImportFileError(
        f"{name} would unpack to far more data than a spreadsheet holds, so it was refused for safety."
    )


# --- The file itself ---------------------------------------------------------------------------------


@contextmanager
def _file_access(name: str) -> Iterator[None]:
    """Turn operating-system errors into sentences."""
    try:
        yield
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise ImportFileError(f"{name} does not exist.") from exc
    except IsADirectoryError as exc:
        raise ImportFileError(f"{name} is a folder, not a file.") from exc
    except PermissionError as exc:
        raise ImportFileError(f"{name} cannot be opened: permission denied.") from exc
    except OSError as exc:
        raise ImportFileError(f"{name} cannot be read ({exc.strerror or exc}).") from exc


def _locate(path: str | os.PathLike[str]) -> _Source:
    """Check that the path is a readable regular file of sensible size and sniff its format."""
    path = Path(path)
    name = path.name or str(path)
    with _file_access(name):
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise ImportFileError(f"{name} is a folder, not a file.")
        if not stat.S_ISREG(info.st_mode):  # a pipe or device could block or never end
            raise ImportFileError(f"{name} is not a regular file.")
        _check_size(info.st_size, name)
        with path.open("rb") as stream:
            head = stream.read(8)
    if head.startswith(_ZIP_MAGICS):
        kind = "zip"
    elif head.startswith(_OLE2_MAGIC):
        kind = "ole2"
    else:
        kind = "text"
    source = _Source(path, name, kind)
    if kind == "text" and path.suffix.lower() in _ZIP_ONLY_SUFFIXES:
        raise ImportFileError(f"{name} is not a valid {source.description} (it may be damaged).")
    return source


def _check_size(size: int, name: str) -> None:
    if size == 0:
        raise ImportFileError(f"{name} is empty.")
    if size > MAX_FILE_BYTES:
        raise ImportFileError(
            f"{name} is too large to import ({size // 2**20} MB; the limit is {MAX_FILE_BYTES // 2**20} MB)."
        )


def _read_bytes(source: _Source) -> bytes:
    with _file_access(source.name), source.path.open("rb") as stream:
        data = stream.read(MAX_FILE_BYTES + 1)  # the file may have grown since it was checked
    _check_size(len(data), source.name)
    return data


# --- Text files --------------------------------------------------------------------------------------


def _read_text(source: _Source) -> SourceTable:
    data = _read_bytes(source)
    _refuse_foreign_format(data, source.name)
    mixed = _decode_mixed(data)
    encoding, text = (mixed.encoding, mixed.text) if mixed else _decode(data, source)
    if not text.strip():
        raise ImportFileError(f"{source.name} is empty.")
    _refuse_markup(text, source.name)
    default = "\t" if source.path.suffix.lower() in _TAB_SUFFIXES else ","
    delimiter = _detect_delimiter(text, default)
    rows, row_encodings = _parse_delimited(text, delimiter, source.name, mixed)
    return SourceTable(source.name, None, (), encoding, delimiter, rows, row_encodings)


@dataclass(frozen=True, slots=True)
class _MixedText:
    """A file of UTF-8 lines and lines in a single-byte code page, each decoded in its own encoding."""

    text: str
    encoding: str  # "utf-8": the lines not listed in `other_lines`
    other_encoding: str
    other_lines: frozenset[int]  # physical line numbers, counted as the csv module counts them


_UTF8_BOM = b"\xef\xbb\xbf"
_WIDE_BOMS = tuple(bom for bom, encoding in _BOMS if encoding != "utf-8-sig")
_PHYSICAL_LINE = re.compile(rb"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def _decode_mixed(data: bytes) -> _MixedText | None:
    """Lists pasted together from two sources: some lines UTF-8, others Windows-1251 or -1252.

    Decoding the whole file in the code page would garble the UTF-8 lines ("MÃ¼ller"), so when the file has
    both UTF-8 lines with non-ASCII letters and lines that are not UTF-8, each line is decoded on its own.
    None when the file is not such a mix (plain UTF-8, a file wholly in one code page, UTF-16, binary).
    """
    data = data.removeprefix(_UTF8_BOM)
    if data.startswith(_WIDE_BOMS) or b"\x00" in data:  # UTF-16 or UTF-32, or binary
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return None
    lines = _PHYSICAL_LINE.findall(data)
    decoded: list[str | None] = []
    for line in lines:
        try:
            decoded.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            decoded.append(None)
    if not any(text is not None and not text.isascii() for text in decoded):
        return None  # wholly in one code page: the usual decoding reads it
    foreign = [line for line, text in zip(lines, decoded, strict=True) if text is None]
    codec = _western_or_cyrillic(b"".join(foreign)[:_CODEPAGE_SAMPLE_BYTES])
    try:
        text = "".join(
            text if text is not None else line.decode(codec) for line, text in zip(lines, decoded, strict=True)
        )
    except UnicodeDecodeError:  # a byte the code page leaves undefined: not a list saved by Windows
        return None
    if _looks_binary(text):
        return None  # the usual decoding refuses it in its words
    other = frozenset(number for number, text in enumerate(decoded, 1) if text is None)
    return _MixedText(text, "utf-8", codec, other)


def _refuse_foreign_format(data: bytes, name: str) -> None:
    """Name the common wrong attachments instead of calling them binary garbage."""
    for magic, what in _FOREIGN_MAGICS:
        if data.startswith(magic):
            raise ImportFileError(f"{name} is {what}, not a spreadsheet or CSV file.")


def _refuse_markup(text: str, name: str) -> None:
    """Web registration systems often save HTML or Excel-2003 XML under an .xls name."""
    if text.lstrip()[:16].lower().startswith(_MARKUP_STARTS):
        raise ImportFileError(
            f"{name} is a web page or XML document, not a spreadsheet or CSV file; "
            "open it in Excel and save it as .xlsx or .csv."
        )


def _decode(data: bytes, source: _Source) -> tuple[str, str]:
    """Return (encoding, text); the first candidate encoding that decodes strictly wins."""
    for encoding in _candidate_encodings(data):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not _looks_binary(text):
            return encoding, text
        break
    if source.named_as_spreadsheet:
        raise ImportFileError(f"{source.name} is not a valid {source.description} (it may be damaged).")
    raise ImportFileError(f"{source.name} is not a text file (it looks like binary data).")


def _candidate_encodings(data: bytes) -> list[str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return [encoding]
    utf16 = _utf16_without_bom(data)
    if utf16:
        return [utf16]
    if b"\x00" in data:
        return []
    return ["utf-8", _western_or_cyrillic(data[:_CODEPAGE_SAMPLE_BYTES]), "latin-1"]


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text has a NUL in the high byte of every ASCII character (delimiters, digits, newlines)."""
    sample = data[:4096]
    pairs = len(sample) // 2
    zeros_even = sample[0 : pairs * 2 : 2].count(0)
    zeros_odd = sample[1 : pairs * 2 : 2].count(0)
    if pairs and zeros_odd >= max(2, pairs // 10) and zeros_even * 20 <= zeros_odd:
        return "utf-16-le"
    if pairs and zeros_even >= max(2, pairs // 10) and zeros_odd * 20 <= zeros_even:
        return "utf-16-be"
    return None


def _western_or_cyrillic(sample: bytes) -> str:
    """Russian Excel saves cp1251, Western Excel cp1252; tell them apart by how high bytes cluster."""
    in_runs = sum(map(len, _HIGH_BYTE_RUN.findall(sample)))
    in_words = len(_ACCENT_IN_WORD.findall(sample))
    return "cp1251" if in_runs > in_words else "cp1252"


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:_BINARY_SAMPLE_CHARS]
    return len(_CONTROL_CHARS.findall(sample)) > max(_MIN_CONTROLS, len(sample) * _MAX_CONTROL_SHARE)


def _detect_delimiter(text: str, default: str) -> str:
    """The delimiter giving the most records of one width > 1, so a one-cell title block cannot win."""
    sample = text[:_SNIFF_CHARS]
    best, best_score = default, (0, 0)
    for delimiter in DELIMITERS:
        score = _width_consistency(sample, delimiter)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _width_consistency(sample: str, delimiter: str) -> tuple[int, int]:
    """(number of records sharing the most common width > 1, that width)."""
    _allow_huge_fields()
    reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
    try:
        records = list(islice(reader, SNIFF_RECORDS + 1))
    except csv.Error:
        return (0, 0)
    if len(records) > 1:
        records.pop()  # the sample may cut the last record short
    widths = Counter(len(record) for record in records if len(record) > 1)
    if not widths:
        return (0, 0)
    width, count = max(widths.items(), key=lambda item: (item[1], item[0]))
    return (count, width)


def _allow_huge_fields() -> None:
    """A 100,000-character cell must reach validation, which reports it as a row error."""
    if csv.field_size_limit() < MAX_FILE_BYTES:
        csv.field_size_limit(MAX_FILE_BYTES)


def _parse_delimited(
    text: str, delimiter: str, name: str, mixed: _MixedText | None = None
) -> tuple[tuple[SourceRow, ...], dict[int, str]]:
    """The rows, and for a file of mixed encodings which rows came (wholly or partly) from its other lines."""
    _allow_huge_fields()
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    row_encodings: dict[int, str] = {}

    def numbered(other: _MixedText) -> Iterator[tuple[int, list[str]]]:
        first_line = 1
        for number, cells in enumerate(reader, 1):
            if not other.other_lines.isdisjoint(range(first_line, reader.line_num + 1)):
                row_encodings[number] = other.other_encoding
            first_line = reader.line_num + 1
            yield number, cells

    try:
        rows = _collect_rows(enumerate(reader, 1) if mixed is None else numbered(mixed), name)
    except csv.Error as exc:
        raise ImportFileError(f"{name} could not be read as a CSV file ({exc}).") from exc
    kept = {row.number for row in rows} if row_encodings else set()
    return rows, {number: codec for number, codec in row_encodings.items() if number in kept}


def _collect_rows(numbered: Iterable[tuple[int, list[str]]], name: str) -> tuple[SourceRow, ...]:
    """Trim trailing empty cells and keep non-blank rows with their original numbers."""
    rows = []
    with garbage_collection_paused():
        for number, cells in numbered:
            if number > MAX_ROWS:
                raise _too_many_rows(name)
            while cells and not cells[-1].strip():
                cells.pop()
            if cells:
                rows.append(SourceRow(number, tuple(cells)))
    return tuple(rows)


@contextmanager
def garbage_collection_paused() -> Iterator[None]:
    """Hundreds of thousands of new rows trigger full collections that free nothing: in an app with a large
    heap that doubled the reading time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# --- Workbooks ---------------------------------------------------------------------------------------


@contextmanager
def _reported_as_damaged(source: _Source) -> Iterator[None]:
    """Any failure inside a spreadsheet library means the file is damaged or not what it claims."""
    try:
        yield
    except ImportFileError:
        raise
    except PasswordError as exc:
        raise _password_protected(source.name) from exc
    except Exception as exc:
        raise _damaged(source) from exc
    except BaseException as exc:  # a Rust panic inside calamine arrives as pyo3's PanicException
        if type(exc).__name__ != "PanicException":
            raise
        raise _damaged(source) from exc


def _open_workbook(source: _Source) -> CalamineWorkbook:
    """Vet the container first: calamine trusts it and would exhaust memory on a hostile one."""
    if source.kind == "zip":
        _vet_zip_workbook(source)
    else:
        _vet_ole2_workbook(source)
    with _reported_as_damaged(source):
        return CalamineWorkbook.from_path(source.path)


def _read_workbook(source: _Source, sheet: str | None) -> SourceTable:
    with _open_workbook(source) as workbook, _reported_as_damaged(source):
        names = tuple(workbook.sheet_names)
        chosen, data = _choose_sheet(workbook, names, sheet, source.name)
        rows = _sheet_rows(data, source.name)
    return SourceTable(source.name, chosen, names, None, None, rows)


def _choose_sheet(
    workbook: CalamineWorkbook, names: tuple[str, ...], sheet: str | None, name: str
) -> tuple[str, CalamineSheet]:
    """The requested sheet, else the first visible worksheet that has data."""
    if sheet is not None:
        chosen = _resolve_sheet_name(names, sheet, name)
        return chosen, workbook.get_sheet_by_name(chosen)
    for meta in workbook.sheets_metadata:
        if meta.visible != SheetVisibleEnum.Visible or meta.typ != SheetTypeEnum.WorkSheet:
            continue
        data = workbook.get_sheet_by_name(meta.name)
        if data.start is not None:
            return meta.name, data
    raise ImportFileError(f"{name} is empty (none of its visible sheets contains any data).")


def _resolve_sheet_name(names: tuple[str, ...], sheet: str, name: str) -> str:
    if sheet in names:
        return sheet
    loose = [candidate for candidate in names if candidate.strip().casefold() == sheet.strip().casefold()]
    if len(loose) == 1:
        return loose[0]
    listed = ", ".join(f"'{candidate}'" for candidate in names)
    raise ImportFileError(f"{name} has no sheet named '{sheet}'; its sheets are: {listed}.")


def _sheet_rows(data: CalamineSheet, name: str) -> tuple[SourceRow, ...]:
    if data.end is None:
        return ()
    last_row = data.end[0] + 1
    if last_row > MAX_ROWS:
        raise _too_many_rows(name)
    values = data.to_python(skip_empty_area=False)
    first = last_row - len(values) + 1  # whether or not calamine kept the empty rows above the data
    numbered = (
        (number, [cell if cell.__class__ is str else _cell_text(cell) for cell in row])
        for number, row in enumerate(values, first)
    )
    return _collect_rows(numbered, name)


def _cell_text(value: object) -> str:
    """A cell value as the text a person means by it: no "1234567.0" passport numbers."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return _number_text(value)
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return _duration_text(value)
    return str(value)


def _number_text(value: float) -> str:
    if value.is_integer() and abs(value) < 2**53:  # beyond that a float no longer holds every integer
        return str(int(value))
    return repr(value)


def _duration_text(value: datetime.timedelta) -> str:
    seconds = round(value.total_seconds())
    sign = "-" if seconds < 0 else ""
    hours, rest = divmod(abs(seconds), 3600)
    return f"{sign}{hours}:{rest // 60:02}:{rest % 60:02}"


# --- Vetting containers before calamine sees them ------------------------------------------------------
#
# calamine is fast but trusts what a file declares: it allocates a sheet's whole bounding box, expands ODS
# repeat counts, reserves what an XLS DIMENSIONS record or an XLSX uniqueCount asks for, and follows OLE2
# sector chains without looking for loops. A hostile file could make it abort the program or hang, so each
# container is measured here first, and every doubt counts against the file.


def _vet_zip_workbook(source: _Source) -> None:
    with _reported_as_damaged(source), zipfile.ZipFile(source.path) as archive:
        _refuse_zip_bomb(archive.infolist(), source.name)
        package = _package_kind(archive, source.name)
        if archive.testzip() is not None:  # a CRC mismatch also catches sizes that lie about a bomb
            raise _damaged(source)
        if package == "xlsx":
            _vet_xlsx_parts(archive, source.name)
        else:
            _vet_ods_content(archive, source.name)


def _package_kind(archive: zipfile.ZipFile, name: str) -> str:
    """Tell XLSX from ODS; other ZIP files (Word documents, .xlsb, plain archives) are refused."""
    names = set(archive.namelist())
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "content.xml" in names and ("mimetype" not in names or b"spreadsheet" in archive.read("mimetype")):
        return "ods"
    if "xl/workbook.bin" in names:
        raise ImportFileError(
            f"{name} is an Excel binary workbook (.xlsb), which cannot be imported; "
            "save it as .xlsx or .csv and import that."
        )
    raise ImportFileError(f"{name} is a ZIP archive, not an Excel or OpenDocument spreadsheet.")


def _refuse_zip_bomb(members: list[zipfile.ZipInfo], name: str) -> None:
    if sum(member.file_size for member in members) > MAX_UNZIPPED_BYTES:
        raise _refused_for_safety(name)
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > LARGE_PART_BYTES and ratio > MAX_COMPRESSION_RATIO:
            raise _refused_for_safety(name)


def _check_extent(rows: int, columns: int, name: str) -> None:
    if rows > MAX_ROWS:
        raise _too_many_rows(name)
    if rows * columns > MAX_SHEET_CELLS:
        raise ImportFileError(
            f"{name} has a sheet whose data spreads over {rows:,} rows and {columns:,} columns, which is too "
            "large to read; delete stray cells far below or to the right of the guest list and save again."
        )


def _bounded_number(digits: bytes | str) -> int:
    """A decimal number from a hostile file, capped so that a million digits cost nothing."""
    digits = digits.lstrip(b"0" if isinstance(digits, bytes) else "0")
    return int(digits) if 0 < len(digits) <= 12 else (10**12 if digits else 0)


def _column_number(letters: bytes) -> int:
    """1-based column number of an A1-style column name ("A" → 1, "XFD" → 16384)."""
    if len(letters) > 4:
        return 10**12
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number


def _local_name(name: str) -> str:
    """An ElementTree tag or attribute name without its namespace: calamine matches names, not namespaces."""
    return name.rpartition("}")[2]


# XLSX: a cell or row says where it is in an r="B7" attribute; without one it follows the previous one.
_XLSX_POSITION = re.compile(rb"(?<=[\s\"'])r\s*=\s*[\"']([A-Za-z]*)([0-9]*)")  # not xmlns:r=
_XLSX_UNPOSITIONED_TAG = re.compile(rb"<(?:[\w.-]+:)?(?:c|row)(?=[\s/>])(?![^>]*\sr\s*=)")
_XLSX_UNIQUE_COUNT = re.compile(rb"\buniqueCount\s*=\s*[\"']([^\"']*)")
_XLSX_RELATIONSHIPS = "xl/_rels/workbook.xml.rels"
_A1_POSITION = re.compile(r"([A-Za-z]*)([0-9]*)")


def _vet_xlsx_parts(archive: zipfile.ZipFile, name: str) -> None:
    """Measure every part calamine could read as a sheet, and the declared number of shared strings."""
    for part in sorted(_xlsx_parts(archive)):
        xml = archive.read(part)
        _check_extent(*_xlsx_extent(xml), name)
        declared = _XLSX_UNIQUE_COUNT.findall(xml)  # calamine reserves room for that many strings up front
        if any(_bounded_number(re.sub(rb"\D", b"", count)) > MAX_SHEET_CELLS for count in declared):
            raise _refused_for_safety(name)


def _xlsx_parts(archive: zipfile.ZipFile) -> set[str]:
    """The XML parts under xl/, plus sheets linked under other names (sheet → r:id → relationship target)."""
    names = set(archive.namelist())
    parts = {part for part in names if part.startswith("xl/") and part.endswith(".xml")}
    if _XLSX_RELATIONSHIPS not in names:
        return parts
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    sheet_ids = {
        value
        for element in workbook.iter()
        if _local_name(element.tag) == "sheet"
        for key, value in element.attrib.items()
        if _local_name(key) == "id"
    }
    links = ElementTree.fromstring(archive.read(_XLSX_RELATIONSHIPS))
    targets = {element.get("Target", "") for element in links.iter() if element.get("Id") in sheet_ids}
    return parts | ({_xlsx_part_path(target) for target in targets} & names)


def _xlsx_part_path(target: str) -> str:
    """A relationship target as calamine resolves it."""
    if target.startswith("/xl/"):
        return target[1:]
    return target if target.startswith("xl/") else f"xl/{target}"


def _xlsx_extent(xml: bytes) -> tuple[int, int]:
    """Bounding box of a sheet's cells; every position anywhere counts, even a duplicate attribute."""
    rows, columns = _extent_of_positions(_XLSX_POSITION.findall(xml))
    if _XLSX_UNPOSITIONED_TAG.search(xml):  # some rows or cells rely on their order instead
        walked_rows, walked_columns = _xlsx_extent_by_walking(xml)
        rows, columns = max(rows, walked_rows), max(columns, walked_columns)
    return rows, columns


def _extent_of_positions(positions: list[tuple[bytes, bytes]]) -> tuple[int, int]:
    rows = max((_bounded_number(digits) for digits in {digits for _, digits in positions}), default=0)
    columns = max((_column_number(letters) for letters in {letters for letters, _ in positions}), default=0)
    return rows, columns


def _xlsx_extent_by_walking(xml: bytes) -> tuple[int, int]:
    """Follow calamine's rule for rows and cells without a position; XML too malformed to parse is refused."""
    row = column = rows = columns = 0
    for event, element in ElementTree.iterparse(io.BytesIO(xml), events=("start", "end")):
        tag = _local_name(element.tag)
        if tag == "row" and event == "end":
            row, column = row + 1, 0
            element.clear()
        elif tag == "row":
            position_row, _ = _position(element.get("r", ""))
            row = position_row - 1 if position_row else row
        elif tag == "c" and event == "start":
            position_row, position_column = _position(element.get("r", ""))
            if position_row and position_column:
                cell_row, column = position_row - 1, position_column - 1
            else:
                cell_row = row
            rows, columns = max(rows, cell_row + 1), max(columns, column + 1)
            column += 1
    return rows, columns


def _position(value: str) -> tuple[int, int]:
    """(row, column) of an A1-style position, 0 for a missing part."""
    letters, digits = _A1_POSITION.match(value).groups()  # type: ignore[union-attr]  # it matches "" too
    return _bounded_number(digits), _column_number(letters.encode())


# ODS: a cell or row can be repeated any number of times, and a run of spaces is written as a count.
def _vet_ods_content(archive: zipfile.ZipFile, name: str) -> None:
    counter = _OdsExtents(name)
    with archive.open("content.xml") as stream:
        for event, element in ElementTree.iterparse(stream, events=("start", "end")):
            if event == "start":
                counter.start(element)
            else:
                counter.end(element)


class _OdsExtents:
    """Expand repeat counts the way calamine does, one table at a time."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.rows = self.columns = self.last_row = self.column = self.spaces = 0
        self.row_repeat = self.cell_repeat = 1

    def start(self, element: ElementTree.Element) -> None:
        tag, attributes = _local_name(element.tag), {_local_name(key): value for key, value in element.items()}
        if tag == "table-row":
            self.row_repeat, self.column = _ods_repeat(attributes.get("number-rows-repeated")), 0
        elif tag in ("table-cell", "covered-table-cell"):
            self.cell_repeat = _ods_repeat(attributes.get("number-columns-repeated"))
            self.column += self.cell_repeat
            if "value-type" in attributes or "formula" in attributes:
                self.columns, self.last_row = max(self.columns, self.column), self.rows + self.row_repeat
        elif tag == "s":
            self.spaces += _ods_repeat(attributes.get("c")) * self.cell_repeat * self.row_repeat
            if self.spaces > MAX_ODS_SPACES:
                raise _refused_for_safety(self.name)

    def end(self, element: ElementTree.Element) -> None:
        tag = _local_name(element.tag)
        if tag == "table-row":
            self.rows += self.row_repeat
            element.clear()  # keep memory flat on long sheets
        elif tag == "table":
            _check_extent(self.last_row, self.columns, self.name)
            self.rows = self.columns = self.last_row = 0


def _ods_repeat(value: str | None) -> int:
    repeat = 1 if value is None else _bounded_number(value.strip().lstrip("+"))
    if repeat < 1:
        raise ValueError(f"invalid repeat count {value!r}")
    return repeat


# XLS: an OLE2 compound file whose Workbook stream holds BIFF records.
_CFB_MARKERS = 0xFFFFFFFA  # sector numbers from here up mean "end of chain", "free" and the like
_CFB_MINI_STREAM_CUTOFF = 4096
_BIFF_EOF = 0x000A
_BIFF_BOUNDSHEET = 0x0085
_BIFF_DIMENSIONS = 0x0200
_BIFF_MULRK = 0x00BD
_BIFF_CELLS = frozenset({0x0006, 0x0203, 0x0204, 0x0205, 0x027E, 0x00FD})  # start with row and column


def _vet_ole2_workbook(source: _Source) -> None:
    with _reported_as_damaged(source):
        compound = _CompoundFile(_read_bytes(source))
        if compound.find("EncryptedPackage"):  # how Excel saves a password-protected .xlsx
            raise _password_protected(source.name)
        entry = compound.find("Workbook") or compound.find("Book")
        if entry is None:  # a Word document, say
            raise _damaged(source)
        stream = compound.stream(entry)
        for offset in _biff_sheet_offsets(stream):
            for rows, columns in _biff_sheet_extents(stream, offset):
                _check_extent(rows, columns, source.name)


def _words(data: bytes) -> tuple[int, ...]:
    return struct.unpack(f"<{len(data) // 4}I", data[: len(data) // 4 * 4])


@dataclass(frozen=True, slots=True)
class _CfbEntry:
    name: str
    start: int
    size: int


class _CompoundFile:
    """Just enough of [MS-CFB] to read one stream; a loop or a dangling sector number is an error."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        shift = struct.unpack_from("<H", data, 0x1E)[0]
        if shift not in (9, 12) or struct.unpack_from("<H", data, 0x20)[0] != 6:
            raise ValueError("unsupported sector size")
        self.sector_size = 1 << shift
        self.fat = tuple(word for index in self._fat_sectors() for word in _words(self.sector(index)))
        directory = self.chain(struct.unpack_from("<I", data, 0x30)[0], self.fat, self.sector)
        self.entries = [self._entry(directory[at : at + 128]) for at in range(0, len(directory) - 127, 128)]

    def sector(self, index: int) -> bytes:
        start = (index + 1) * self.sector_size  # the header fills the first sector
        block = self.data[start : start + self.sector_size]
        if len(block) != self.sector_size:
            raise ValueError(f"sector {index} is beyond the end of the file")
        return block

    def _fat_sectors(self) -> list[int]:
        """The sectors holding the allocation table: 109 listed in the header, the rest in a DIFAT chain."""
        listed = list(struct.unpack_from("<109I", self.data, 0x4C))
        index, seen = struct.unpack_from("<I", self.data, 0x44)[0], set()
        while index < _CFB_MARKERS:
            if index in seen:
                raise ValueError("the DIFAT chain loops")
            seen.add(index)
            *more, index = _words(self.sector(index))
            listed += more
        return [index for index in listed if index < _CFB_MARKERS]

    def _entry(self, raw: bytes) -> _CfbEntry:
        name = raw[:64].decode("utf-16-le", "replace").partition("\x00")[0]
        size_format = "<I" if self.sector_size == 512 else "<Q"
        return _CfbEntry(name, struct.unpack_from("<I", raw, 116)[0], struct.unpack_from(size_format, raw, 120)[0])

    def chain(self, index: int, table: tuple[int, ...], read: Callable[[int], bytes]) -> bytes:
        blocks, seen = [], set()
        while index < _CFB_MARKERS:
            if index in seen or index >= len(table):
                raise ValueError("a sector chain loops or leaves the allocation table")
            seen.add(index)
            blocks.append(read(index))
            index = table[index]
        return b"".join(blocks)

    def find(self, name: str) -> _CfbEntry | None:
        return next((entry for entry in self.entries if entry.name == name), None)

    def stream(self, entry: _CfbEntry) -> bytes:
        if entry.size >= _CFB_MINI_STREAM_CUTOFF:
            return self.chain(entry.start, self.fat, self.sector)[: entry.size]
        mini_stream = self.chain(self.entries[0].start, self.fat, self.sector)
        mini_fat = _words(self.chain(struct.unpack_from("<I", self.data, 0x3C)[0], self.fat, self.sector))

        def mini_sector(index: int) -> bytes:
            block = mini_stream[index * 64 : index * 64 + 64]
            if len(block) != 64:
                raise ValueError(f"mini sector {index} is beyond the mini stream")
            return block

        return self.chain(entry.start, mini_fat, mini_sector)[: entry.size]


def _biff_records(stream: bytes, offset: int) -> Iterator[tuple[int, bytes]]:
    """(type, body) of each record from offset up to and including the next EOF record."""
    while offset + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, offset)
        yield kind, stream[offset + 4 : offset + 4 + length]
        if kind == _BIFF_EOF:
            return
        offset += 4 + length


def _biff_sheet_offsets(stream: bytes) -> list[int]:
    records = _biff_records(stream, 0)
    return [struct.unpack_from("<I", body)[0] for kind, body in records if kind == _BIFF_BOUNDSHEET and len(body) >= 4]


def _biff_sheet_extents(stream: bytes, offset: int) -> list[tuple[int, int]]:
    """What calamine reserves for each DIMENSIONS record, and the box its cells span."""
    extents, rows, columns = [], 0, 0
    for kind, body in _biff_records(stream, offset):
        if kind == _BIFF_DIMENSIONS:
            extents.append(_biff_dimensions(body))
        elif kind in _BIFF_CELLS and len(body) >= 4:
            row, column = struct.unpack_from("<HH", body)
            rows, columns = max(rows, row + 1), max(columns, column + 1)
        elif kind == _BIFF_MULRK and len(body) >= 6:  # several cells of one row: first and last column
            row, first = struct.unpack_from("<HH", body)
            last = struct.unpack_from("<H", body, len(body) - 2)[0]
            rows, columns = max(rows, row + 1), max(columns, first + 1, last + 1)
    return [*extents, (rows, columns)]


def _biff_dimensions(body: bytes) -> tuple[int, int]:
    """Rows and columns as calamine computes them, unsigned 32-bit wrap-around included."""
    if len(body) == 14:
        first_row, last_row, first_column, last_column = struct.unpack_from("<IIHH", body)
    elif len(body) == 10:
        first_row, last_row, first_column, last_column = struct.unpack_from("<HHHH", body)
    else:
        return 0, 0  # calamine rejects the record
    if last_row < 1 or last_column < 1:
        return 1, 1
    return (last_row - first_row) % 2**32, (last_column - first_column) % 2**32
