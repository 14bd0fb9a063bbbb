"""Importing a registration list into an event: read, map columns, validate, de-duplicate, write.

The import is planned in full before anything is written.  By default one bad row means nothing
is written (the organiser fixes the file and imports again); `skip_invalid` writes the good rows.
A row that matches a guest already in the event updates that guest (only the columns the file
has) instead of adding a second one, so importing the same file twice adds nothing.
"""

import csv
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from accreditor import countries
from accreditor import guests as guest_store
from accreditor.categories import CategoryMatcher, list_categories
from accreditor.errors import ImportFileError
from accreditor.exporting import neutralise
from accreditor.guests import FIELD_NAMES, GuestFields
from accreditor.importing.columns import IDENTITY_FIELDS, ColumnMapping, detect_mapping
from accreditor.importing.reading import SourceRow, garbage_collection_paused, read_table
from accreditor.roles import Permission, require
from accreditor.store import EventStore
from accreditor.text import clean, fold, name_key
from accreditor.validation import MAX_LENGTH, validate

# Columns the importer reads but does not store as a guest field of the same name.
_DERIVED = frozenset({"full_name", "full_name_latin", "photo"})
# Free text cut to fit, with a warning; every other field too long is an error, as a cut name or organisation
# would print wrong on the badge.
_SHORTENED = ("notes",)
_NO_FIELDS = dict.fromkeys((*FIELD_NAMES, *_DERIVED), "")
_PROGRESS_EVERY = 500  # rows between progress reports: often enough for a bar, rare enough to cost nothing


ECHO_CHARS = 200
"""A value quoted in the report is cut to this many characters: a 50 MB cell must not make a 50 MB report."""


def echoed(text: str) -> str:
    """The text as the report quotes it: whole when short, else its start and an ellipsis."""
    return text if len(text) <= ECHO_CHARS else text[: ECHO_CHARS - 1] + "…"


@dataclass(frozen=True, slots=True)
class RowError:
    """A cell that keeps its row out of the import."""

    row: int
    column: str
    value: str
    message: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "value", echoed(self.value))  # whoever makes one, the report stays small

    def to_json(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "value": self.value, "message": self.message}


class RowWarning(RowError):
    """A row imported with a change the organiser should see: a single name, a country read from a former or
    misspelled name, a value shortened to fit."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Duplicate:
    row: int
    of: str  # "row 5" (earlier in the file) or "guest 12" (already in the event)
    reason: str


@dataclass(frozen=True, slots=True)
class Update:
    row: int
    guest: int
    fields: tuple[str, ...]


@dataclass
class ImportReport:
    file: str
    sheet: str | None
    rows: int = 0
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: list[Duplicate] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowWarning] = field(default_factory=list)
    updates: list[Update] = field(default_factory=list)
    unmapped_columns: tuple[str, ...] = ()
    written: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "sheet": self.sheet,
            "rows": self.rows,
            "imported": self.imported,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "duplicates": [{"row": d.row, "of": d.of, "reason": d.reason} for d in self.duplicates],
            "errors": [error.to_json() for error in self.errors],
            "warnings": [warning.to_json() for warning in self.warnings],
            "updates": [{"row": u.row, "guest": u.guest, "fields": list(u.fields)} for u in self.updates],
            "unmapped_columns": list(self.unmapped_columns),
            "written": self.written,
        }

    def save(self, path: str | Path) -> None:
        """Write the report to keep or send back to whoever sent the file: JSON (as `to_json`) or, for a
        .csv name, one line per problem or update that a spreadsheet opens (UTF-8 with BOM, for Excel)."""
        path = Path(path)
        try:
            if path.suffix.lower() == ".csv":
                with path.open("w", encoding="utf-8-sig", newline="") as handle:
                    writer = csv.writer(handle)
                    writer.writerow(("row", "kind", "column", "value", "message"))
                    for row, *texts in self.problem_lines():  # the file's own text may look like a formula
                        writer.writerow((row, *map(neutralise, texts)))
            else:
                path.write_text(json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        except OSError as error:
            raise ImportFileError(f"The import report cannot be saved as {path.name} ({error.strerror}).") from error

    def problem_lines(self) -> list[tuple[int, str, str, str, str]]:
        """(row, kind, column, value, message) per error, warning, duplicate and update, in file order."""
        lines = [(e.row, "error", e.column, e.value, e.message) for e in self.errors]
        lines += [(w.row, "warning", w.column, w.value, w.message) for w in self.warnings]
        lines += [(d.row, "duplicate", "", "", f"duplicate of {d.of} ({d.reason})") for d in self.duplicates]
        lines += [(u.row, "update", "", "", f"updates guest {u.guest}: {', '.join(u.fields)}") for u in self.updates]
        return sorted(lines, key=lambda line: line[0])


_Noted = tuple[str, RowWarning]  # (the field a warning is about, the warning)


@dataclass(frozen=True, slots=True)
class _Candidate:
    row: int
    fields: GuestFields


def split_full_name(text: str) -> tuple[str, str]:
    """(family, given) from a one-column name.

    Words in capitals are the family name ("RAHMONOV Jamshed Saidovich"); otherwise Cyrillic
    lists put the family name first (ФИО) and Latin ones last.
    """
    words = clean(text).split(" ")
    if len(words) < 2:
        return clean(text), ""
    capitals = [word for word in words if len(word) > 1 and word.isupper()]
    if capitals and len(capitals) < len(words):
        return " ".join(capitals), " ".join(word for word in words if word not in capitals)
    if any("\u0400" <= char <= "\u04ff" for char in text):
        return words[0], " ".join(words[1:])
    return words[-1], " ".join(words[:-1])


def _identity_keys(guest: GuestFields) -> list[tuple[str, str]]:
    """What makes two records the same person, strongest first, with the reason to report."""
    keys = []
    if guest.external_ref:
        keys.append((f"ref:{guest.external_ref.casefold()}", "same reference"))
    if guest.email:
        keys.append((f"email:{guest.email.casefold()}", "same e-mail"))
    if guest.passport_no:
        keys.append((f"passport:{guest.passport_no}", "same passport number"))
    names = [name_key(guest.family_name, guest.given_name)]
    if (guest.family_name_latin, guest.given_name_latin) != (guest.family_name, guest.given_name):
        names.append(name_key(guest.family_name_latin, guest.given_name_latin))  # Latin names usually are
    organisation = fold(guest.organisation)
    for key in dict.fromkeys(names):
        if key:
            keys.append((f"name:{key}|{organisation}", "same name and organisation"))
    return keys


class _Importer:
    def __init__(self, store: EventStore, *, default_category: str) -> None:
        with store.connect() as connection:
            self.matcher = CategoryMatcher(list_categories(connection))
            self.existing = guest_store.load_fields(connection)
        self.store = store
        self.default_category = default_category
        self.known: dict[str, tuple[int, str]] = {}  # identity key -> (guest id, reason)
        self.country_notes: dict[str, str] = {}  # country as written -> the warning it needs, or ""
        for guest_id, guest in self.existing.items():
            for key, reason in _identity_keys(guest):
                self.known.setdefault(key, (guest_id, reason))

    def raw_fields(self, row: SourceRow, mapping: ColumnMapping) -> dict[str, str]:
        raw = _NO_FIELDS.copy()
        cells = row.cells
        width = len(cells)
        for index, name in mapping.columns.items():
            if index < width:
                raw[name] = cells[index]
        if raw["full_name"] and not (raw["family_name"] or raw["given_name"]):
            raw["family_name"], raw["given_name"] = split_full_name(raw["full_name"])
        if raw["full_name_latin"] and not (raw["family_name_latin"] or raw["given_name_latin"]):
            raw["family_name_latin"], raw["given_name_latin"] = split_full_name(raw["full_name_latin"])
        return raw

    def shorten(self, raw: dict[str, str], row: int, header_of: Mapping[str, str]) -> list[_Noted]:
        """Cut free text that is too long to the length that fits, and say so; other fields are refused instead."""
        noted = []
        for name in _SHORTENED:
            limit = MAX_LENGTH[name]
            if len(raw[name]) <= limit:  # most rows stop here (should cleaning lengthen one, validation refuses it)
                continue
            value = clean(raw[name])
            if len(value) > limit:
                raw[name] = value[: limit - 1] + "…"
                message = f"The {name} are {len(value):,} characters long; the first {limit - 1:,} were kept."
                noted.append((name, RowWarning(row, header_of.get(name, name), value, message)))
        return noted

    def readings(
        self, raw: Mapping[str, str], guest: GuestFields, row: int, header_of: Mapping[str, str]
    ) -> list[_Noted]:
        """What the organiser should know about how the row was read: a single name, a country's other name."""
        noted = []
        if guest.family_name and not guest.given_name:
            family_given = not clean(raw["family_name"]) and clean(raw["given_name"])
            where = ("family_name", "given_name") if family_given else ("given_name", "full_name", "family_name")
            column = next((header_of[name] for name in where if name in header_of), "family_name")
            message = (
                f"Only one name: imported as the one-name guest {guest.family_name!r}; add the other if there is one."
            )
            noted.append(("family_name", RowWarning(row, column, guest.family_name, message)))
        message = self._country_note(raw["country"])
        if message:
            column = header_of.get("country", "country")
            noted.append(("country", RowWarning(row, column, clean(raw["country"]), message)))
        return noted

    def _country_note(self, text: str) -> str:
        """Why a country as written needs a look ("" when it is a current name, a code or empty)."""
        if text not in self.country_notes:  # a list repeats a few dozen countries thousands of times
            written = clean(text)
            reading = countries.read(written) if written else None
            if reading is None or reading.spelling == "current":
                self.country_notes[text] = ""
            else:
                name = f"{countries.country_name(reading.code)} ({reading.code})"
                self.country_notes[text] = (
                    f"{written!r} is a former name; read as {name}."
                    if reading.spelling == "former"
                    else f"{written!r} is read as {name}; check the spelling."
                )
        return self.country_notes[text]

    def merged(self, old: GuestFields, new: GuestFields, mapped: frozenset[str]) -> GuestFields:
        """The existing guest with only the columns the file has replaced."""
        values = {name: getattr(new, name) for name in FIELD_NAMES if name in mapped}
        for written, latin in (("family_name", "family_name_latin"), ("given_name", "given_name_latin")):
            if latin not in mapped and values.get(written, getattr(old, written)) == getattr(old, written):
                values.pop(latin, None)  # the name did not change: keep its Latin spelling
            elif latin not in mapped:
                values[latin] = getattr(new, latin)
        if all(getattr(old, name) == value for name, value in values.items()):
            return old  # the usual case when a list is imported again: no new record to build
        return replace(old, **values)


_CODEC_NAMES = {"utf-8": "UTF-8", "cp1251": "Windows-1251 (Cyrillic)", "cp1252": "Windows-1252 (Western)"}
_WHOLE_ROW = "*"  # a warning about the whole row rather than one field


def _other_encoding(row: SourceRow, codec: str, file_codec: str) -> _Noted:
    """The warning for a line pasted in from a list saved in another encoding than the rest of the file."""
    message = (
        f"This line is in {_CODEC_NAMES.get(codec, codec)}, the rest of the file in "
        f"{_CODEC_NAMES.get(file_codec, file_codec)}; it was read in its own encoding: check its names."
    )
    return _WHOLE_ROW, RowWarning(row.number, "", " | ".join(row.cells), message)


def _first_match(keys: list[tuple[str, str]], seen: Mapping[str, int]) -> tuple[int, str] | None:
    """(row, reason) of the first identity key an earlier row of the file had."""
    for key, reason in keys:
        if key in seen:
            return seen[key], reason
    return None


def _touches(noted_field: str, differences: list[str]) -> bool:
    """Whether an update changes what a warning is about (a name warning covers both names)."""
    if noted_field == _WHOLE_ROW:
        return True
    if noted_field == "family_name":
        return "family_name" in differences or "given_name" in differences
    return noted_field in differences


def mapping_problem(mapping: ColumnMapping) -> str | None:
    """Why a mapping the organiser edited cannot import, as one sentence; None when it can."""
    fields = list(mapping.columns.values())
    twice = sorted({name for name in fields if fields.count(name) > 1})
    if twice:
        return f"Each field can come from one column only; {', '.join(twice)} is chosen for several."
    if not IDENTITY_FIELDS & set(fields):
        return (
            "Choose at least one column that names or identifies a guest: family name, full name, "
            "reference, passport number or e-mail."
        )
    return None


@garbage_collection_paused()  # a 100,000-row import makes a million objects and frees none of them
def import_file(
    store: EventStore,
    path: str | Path,
    *,
    actor: str,
    sheet: str | None = None,
    preset: Mapping[str, Any] | None = None,
    dry_run: bool = False,
    skip_invalid: bool = False,
    default_category: str = "DEL",
    mapping: ColumnMapping | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[ImportReport, ColumnMapping]:
    """Import one registration file; raises ImportFileError when the file cannot be read at all.

    `mapping` (an organiser's reviewed mapping, e.g. from the import wizard) replaces detection and
    `preset`.  `progress(done, total)` is called as rows are checked; it may raise to abandon the import,
    which is safe until the rows have all been checked, as nothing is written before.
    """
    require(actor, Permission.IMPORT_GUESTS)
    table = read_table(path, sheet)
    if mapping is None:
        mapping = detect_mapping(table, preset=dict(preset) if preset else None)
    elif problem := mapping_problem(mapping):
        raise ImportFileError(problem)
    data_rows = [row for row in table.rows if row.number > mapping.header_row]
    if not data_rows:
        raise ImportFileError(f"{table.name} has a header row but no guests below it.")
    report = ImportReport(
        file=table.name,
        sheet=table.sheet,
        rows=len(data_rows),
        unmapped_columns=tuple(map(echoed, mapping.unmapped)),
    )
    importer = _Importer(store, default_category=default_category)
    mapped = frozenset(mapping.columns.values())
    if "full_name" in mapped:
        mapped |= {"family_name", "given_name"}
    if "full_name_latin" in mapped:
        mapped |= {"family_name_latin", "given_name_latin"}
    header_of = {name: mapping.headers[index] for index, name in mapping.columns.items()}

    new_guests: list[_Candidate] = []
    changed: list[tuple[int, GuestFields, GuestFields]] = []
    seen_in_file: dict[str, int] = {}  # identity key -> row number
    claimed_guests: dict[int, int] = {}  # existing guest id -> row number that matched it
    known, row_encodings = importer.known, table.row_encodings
    for done, row in enumerate(data_rows):
        if progress is not None and done % _PROGRESS_EVERY == 0:
            progress(done, len(data_rows))
        raw = importer.raw_fields(row, mapping)
        shortened = importer.shorten(raw, row.number, header_of)
        guest, problems = validate(raw, importer.matcher, default_category=default_category)
        if guest is None:
            report.errors.extend(
                RowError(row.number, header_of.get(p.field, p.field), p.value, p.message) for p in problems
            )
            continue
        noted = shortened + importer.readings(raw, guest, row.number, header_of)
        if row_encodings and row.number in row_encodings:
            noted.append(_other_encoding(row, row_encodings[row.number], table.encoding or ""))
        keys = _identity_keys(guest)
        earlier = _first_match(keys, seen_in_file)
        if earlier:
            report.duplicates.append(Duplicate(row.number, f"row {earlier[0]}", earlier[1]))
            continue
        matched_ids = {known[key][0] for key, _reason in keys if key in known}
        if len(matched_ids) > 1:
            ids = " and ".join(f"guest {guest_id}" for guest_id in sorted(matched_ids))
            report.duplicates.append(Duplicate(row.number, ids, "matches several guests already in the event"))
            continue
        for key, _reason in keys:
            seen_in_file[key] = row.number
        if not matched_ids:
            new_guests.append(_Candidate(row.number, guest))
            if noted:
                report.warnings.extend(warning for _field, warning in noted)
            continue
        guest_id = matched_ids.pop()
        if guest_id in claimed_guests:
            report.duplicates.append(Duplicate(row.number, f"row {claimed_guests[guest_id]}", "same guest"))
            continue
        claimed_guests[guest_id] = row.number
        old = importer.existing[guest_id]
        new = importer.merged(old, guest, mapped)
        differences = old.differences(new)
        if differences:
            changed.append((guest_id, old, new))
            report.updates.append(Update(row.number, guest_id, tuple(differences)))
            report.warnings.extend(warning for name, warning in noted if _touches(name, differences))
        else:
            report.unchanged += 1

    report.imported = len(new_guests)
    report.updated = len(changed)
    if progress is not None:
        progress(len(data_rows), len(data_rows))
    if dry_run or (report.errors and not skip_invalid):
        return report, mapping
    if new_guests or changed:
        source = f"import:{table.name}"
        with store.begin() as connection:
            guest_store.add_guests(connection, [c.fields for c in new_guests], actor, source=source)
            guest_store.update_guests(connection, changed, actor, source=source)
    report.written = True
    return report, mapping
