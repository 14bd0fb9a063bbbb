"""Builders for registration files: every workbook a test needs is written in tmp_path, none is committed."""

import struct
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest
import xlsxwriter

Rows = Sequence[Sequence[Any]]
MakeXlsx = Callable[..., Path]
MakeOds = Callable[..., Path]
MakeXls = Callable[..., Path]

ODS_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)
ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" '
    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)
# What LibreOffice writes below the data: a million empty rows as one repeated row.
ODS_EMPTY_TAIL = (
    '<table:table-row table:number-rows-repeated="1048570">'
    '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
)


@pytest.fixture
def make_xlsx(tmp_path: Path) -> MakeXlsx:
    """make_xlsx(name, {"Sheet": rows}, hidden=("Sheet",), origin=(row, col)) writes a workbook with xlsxwriter."""

    def make(
        name: str, sheets: dict[str, Rows], *, hidden: Sequence[str] = (), origin: tuple[int, int] = (0, 0)
    ) -> Path:
        path = tmp_path / name
        workbook = xlsxwriter.Workbook(path, {"strings_to_numbers": False, "strings_to_formulas": False})
        date_format = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
        for sheet_name, rows in sheets.items():
            sheet = workbook.add_worksheet(sheet_name)
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    _write_cell(sheet, origin[0] + r, origin[1] + c, value, date_format)
            if sheet_name in hidden:
                sheet.hide()
        workbook.close()
        return path

    return make


def _write_cell(sheet: Any, row: int, column: int, value: Any, date_format: Any) -> None:
    if value is None:
        return
    if hasattr(value, "isoformat"):
        sheet.write_datetime(row, column, value, date_format)
    else:
        sheet.write(row, column, value)


@pytest.fixture
def make_ods(tmp_path: Path) -> MakeOds:
    """make_ods(name, {"Sheet": rows}, extra_rows_xml="") writes a minimal OpenDocument spreadsheet by hand.

    Each table ends like LibreOffice's do, with a million empty rows written as one repeated row.
    """

    def make(name: str, sheets: dict[str, Rows], *, extra_rows_xml: str = "") -> Path:
        tables = "".join(
            f'<table:table table:name="{escape(sheet)}">{"".join(_ods_row(row) for row in rows)}'
            f"{extra_rows_xml}{ODS_EMPTY_TAIL}</table:table>"
            for sheet, rows in sheets.items()
        )
        content = (
            f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NAMESPACES} office:version="1.2">'
            f"<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"
        )
        path = tmp_path / name
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
            archive.writestr("META-INF/manifest.xml", ODS_MANIFEST, compress_type=zipfile.ZIP_DEFLATED)
            archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        return path

    return make


def _ods_row(row: Sequence[Any]) -> str:
    return f"<table:table-row>{''.join(_ods_cell(value) for value in row)}</table:table-row>"


def _ods_cell(value: Any) -> str:
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, int | float):
        kind, text = f'office:value-type="float" office:value="{value}"', str(value)
    else:
        kind, text = 'office:value-type="string"', escape(value)
    return f"<table:table-cell {kind}><text:p>{text}</text:p></table:table-cell>"


@pytest.fixture(scope="session")
def zip_bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 4.5 MB .xlsx whose one part unpacks to 1 GB of zeros (built once: compressing 1 GB takes a second)."""
    path = tmp_path_factory.mktemp("bomb") / "bomb.xlsx"
    chunk = bytes(1 << 20)
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member,
    ):
        for _ in range(1024):
            member.write(chunk)
    return path


# --- Legacy .xls: BIFF8 records in an OLE2 compound file, written by hand -----------------------------

CFB_END_OF_CHAIN, CFB_FREE, CFB_FAT_SECTOR, CFB_NO_ENTRY = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF


def biff_record(kind: int, body: bytes = b"") -> bytes:
    return struct.pack("<HH", kind, len(body)) + body


def biff_cell(row: int, column: int, value: Any, strings: list[str]) -> bytes:
    if isinstance(value, str):
        return biff_record(0x00FD, struct.pack("<HHHI", row, column, 0, strings.index(value)))  # LABELSST
    return biff_record(0x0203, struct.pack("<HHHd", row, column, 0, float(value)))  # NUMBER


def biff_workbook(sheets: dict[str, Rows], *, dimensions: tuple[int, int, int, int] | None = None) -> bytes:
    """A BIFF8 Workbook stream; `dimensions` overrides the DIMENSIONS record (first/last row, first/last column)."""
    strings = list(dict.fromkeys(v for rows in sheets.values() for row in rows for v in row if isinstance(v, str)))
    sst = struct.pack("<II", len(strings), len(strings))
    sst += b"".join(struct.pack("<HB", len(s), 1) + s.encode("utf-16-le") for s in strings)
    bof = {kind: biff_record(0x0809, struct.pack("<HHHHII", 0x0600, kind, 0, 1997, 0, 6)) for kind in (5, 16)}

    def boundsheet(name: str, offset: int) -> bytes:
        return biff_record(0x0085, struct.pack("<IBBBB", offset, 0, 0, len(name), 1) + name.encode("utf-16-le"))

    head = bof[5] + biff_record(0x0042, struct.pack("<H", 1200))  # code page: UTF-16
    tail = biff_record(0x00FC, sst) + biff_record(0x000A)
    offset = len(head) + sum(len(boundsheet(name, 0)) for name in sheets) + len(tail)
    substreams = []
    for rows in sheets.values():
        width = max((len(row) for row in rows), default=0)
        dims = dimensions or (0, len(rows), 0, width)
        cells = b"".join(
            biff_cell(r, c, value, strings)
            for r, row in enumerate(rows)
            for c, value in enumerate(row)
            if value is not None
        )
        substreams.append(bof[16] + biff_record(0x0200, struct.pack("<IIHHH", *dims, 0)) + cells + biff_record(0x000A))
    offsets = [offset + sum(len(sub) for sub in substreams[:i]) for i in range(len(substreams))]
    globals_ = head + b"".join(boundsheet(name, at) for name, at in zip(sheets, offsets, strict=True)) + tail
    return globals_ + b"".join(substreams)


def compound_file(stream: bytes, name: str = "Workbook", *, directory_loops: bool = False) -> bytes:
    """A version-3 OLE2 file with one stream, padded past 4 KB so it stays out of the mini stream."""
    stream = stream + bytes(max(0, 4096 - len(stream)))
    count = -(-len(stream) // 512)
    assert count <= 126, "one FAT sector maps 128 sectors"
    fat = [CFB_FAT_SECTOR, 1 if directory_loops else CFB_END_OF_CHAIN]  # sector 0: FAT, 1: directory
    fat += [*range(3, 2 + count), CFB_END_OF_CHAIN]
    fat += [CFB_FREE] * (128 - len(fat))

    def entry(entry_name: str, kind: int, child: int, start: int, size: int) -> bytes:
        encoded = entry_name.encode("utf-16-le") + b"\0\0" if entry_name else b""
        return (
            encoded.ljust(64, b"\0")
            + struct.pack("<HBBIII", len(encoded), kind, 1, CFB_NO_ENTRY, CFB_NO_ENTRY, child)
            + bytes(36)
            + struct.pack("<IIi", start, size, 0)
        )

    directory = entry("Root Entry", 5, 1, CFB_END_OF_CHAIN, 0) + entry(name, 2, CFB_NO_ENTRY, 2, len(stream))
    directory += entry("", 0, CFB_NO_ENTRY, 0, 0) * 2
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
    header += bytes(6) + struct.pack("<9I", 0, 1, 1, 0, 4096, CFB_END_OF_CHAIN, 0, CFB_END_OF_CHAIN, 0)
    header += struct.pack("<109I", 0, *[CFB_FREE] * 108)
    return header + struct.pack("<128I", *fat) + directory + stream.ljust(count * 512, b"\0")


@pytest.fixture
def make_xls(tmp_path: Path) -> MakeXls:
    """make_xls(name, {"Sheet": rows}, dimensions=None) writes an Excel 97-2003 workbook.

    For broken files: stream=bytes replaces the workbook stream, stream_name renames it, and
    directory_loops=True makes the OLE2 directory chain point back at itself.
    """

    def make(
        name: str,
        sheets: dict[str, Rows] | None = None,
        *,
        dimensions: tuple[int, int, int, int] | None = None,
        stream: bytes | None = None,
        stream_name: str = "Workbook",
        directory_loops: bool = False,
    ) -> Path:
        if stream is None:
            stream = biff_workbook(sheets or {}, dimensions=dimensions)
        path = tmp_path / name
        path.write_bytes(compound_file(stream, stream_name, directory_loops=directory_loops))
        return path

    return make
