"""Exporting the guest list to CSV (UTF-8 with BOM, so Excel opens it right) and XLSX.

Every text cell that a spreadsheet could take for a formula is neutralised as OWASP advises
for CSV injection: a leading ``=``, ``+``, ``-``, ``@``, tab or carriage return gets a ``'``
in front, so a guest called ``=HYPERLINK(...)`` stays text.
"""

import csv
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

import xlsxwriter

from accreditor.countries import country_name
from accreditor.errors import AccreditorError
from accreditor.guests import Guest

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def _when(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else ""


COLUMNS: tuple[tuple[str, Callable[[Guest], str | int | None]], ...] = (
    ("ID", lambda g: g.id),
    ("Reference", lambda g: g.fields.external_ref),
    ("Title", lambda g: g.fields.title),
    ("Family name", lambda g: g.fields.family_name),
    ("Given name", lambda g: g.fields.given_name),
    ("Family name (Latin)", lambda g: g.fields.family_name_latin),
    ("Given name (Latin)", lambda g: g.fields.given_name_latin),
    ("Position", lambda g: g.fields.position),
    ("Organisation", lambda g: g.fields.organisation),
    ("Delegation", lambda g: g.fields.delegation),
    ("Country", lambda g: country_name(g.fields.country)),
    ("Country code", lambda g: g.fields.country),
    ("Category", lambda g: g.fields.category),
    ("Status", lambda g: g.status),
    ("Status reason", lambda g: g.status_reason),
    ("Zones", lambda g: " ".join(g.zones)),
    ("Passport", lambda g: g.fields.passport_no),
    ("E-mail", lambda g: g.fields.email),
    ("Phone", lambda g: g.fields.phone),
    ("Badge serial", lambda g: g.badge_serial),
    ("Badge printed", lambda g: _when(g.badge_printed_at)),
    ("Checked in", lambda g: _when(g.checked_in_at)),
    ("Checked in at", lambda g: g.checked_in_station),
    ("Notes", lambda g: g.fields.notes),
)


def _cells(guest: Guest) -> list[str | int]:
    cells: list[str | int] = []
    for _header, value_of in COLUMNS:
        value = value_of(guest)
        cells.append("" if value is None else value if isinstance(value, int) else neutralise(value))
    return cells


def export_csv(guests: Sequence[Guest], path: Path) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([header for header, _value_of in COLUMNS])
        writer.writerows(_cells(guest) for guest in guests)


def export_xlsx(guests: Sequence[Guest], path: Path) -> None:
    workbook = xlsxwriter.Workbook(
        str(path), {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    )
    sheet = workbook.add_worksheet("Guests")
    bold = workbook.add_format({"bold": True})
    for column, (header, _value_of) in enumerate(COLUMNS):
        sheet.write_string(0, column, header, bold)
    for row, guest in enumerate(guests, start=1):
        for column, value in enumerate(_cells(guest)):
            if isinstance(value, int):
                sheet.write_number(row, column, value)
            else:
                sheet.write_string(row, column, value)
    sheet.freeze_panes(1, 0)
    workbook.close()


def export_guests(guests: Sequence[Guest], path: str | Path) -> None:
    """Write guests to `path`; the format follows the extension (.csv or .xlsx)."""
    path = Path(path)
    writers = {".csv": export_csv, ".xlsx": export_xlsx}
    writer = writers.get(path.suffix.lower())
    if writer is None:
        raise AccreditorError(f"Cannot export to {path.name}: use a .csv or .xlsx file name.")
    try:
        writer(guests, path)
    except OSError as error:
        raise AccreditorError(f"Cannot write {path.name} ({error.strerror}).") from error
