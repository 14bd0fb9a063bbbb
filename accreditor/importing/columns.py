"""Stage 2 of the guest-list import: find the header row and map its columns to guest fields.

Registration exports come in English, Russian and French, often with a title block above the header and
with headers decorated by required-field stars, accents or both languages at once ("Фамилия / Surname").
Headers are matched by a normalised key; a saved mapping file (a preset) overrides the built-in synonyms.
"""

import json
import os
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from accreditor.errors import ImportFileError
from accreditor.importing.reading import SourceRow, SourceTable

FIELDS: tuple[str, ...] = (
    "external_ref",
    "title",
    "family_name",
    "given_name",
    "full_name",
    "family_name_latin",
    "given_name_latin",
    "position",
    "organisation",
    "delegation",
    "country",
    "category",
    "passport_no",
    "email",
    "phone",
    "notes",
    "photo",
)
IDENTITY_FIELDS = frozenset({"family_name", "full_name", "external_ref", "passport_no", "email"})
"""A header row needs one of these: a name for new guests, or a key that finds the guest to update."""
MAPPING_VERSION = 1
_MAX_MAPPING_FILE_BYTES = 1024 * 1024

# Header texts per field, separated by "|"; matched by header_key, so case, accents and punctuation
# do not matter.
_SYNONYMS: dict[str, str] = {
    "external_ref": (
        "ID | Ref | Ref. | Reference | Reference number | Registration ID | Registration number | "
        "Registration No. | Reg. No. | Reg. number | Participant ID | № | Рег. номер | "
        "Регистрационный номер | Номер регистрации | Référence | Numéro d'inscription | N° d'inscription"
    ),
    "title": "Salutation | Honorific | Prefix | Mr/Ms | Обращение | Civilité | Titre | Titre de civilité",
    "family_name": "Surname | Last name | Lastname | Family name | Фамилия | Nom | Nom de famille",
    "given_name": (
        "Given name | Given names | First name | Firstname | Forename | Имя | Имя Отчество | Имя и отчество | "
        "Prénom | Prénoms"
    ),
    "full_name": (
        "Full name | Name | Participant | Participant name | Name of participant | Name and surname | ФИО | "
        "Ф.И.О. | Фамилия Имя Отчество | Фамилия, имя, отчество | Фамилия и имя | Фамилия Имя | Полное имя | "
        "Nom complet | Nom et prénom | Nom, prénom | Prénom et nom"
    ),
    "family_name_latin": (
        "Surname (Latin) | Surname in Latin | Last name (Latin) | Family name (Latin) | Фамилия (лат.) | "
        "Фамилия латиницей | Фамилия (латиницей) | Фамилия на латинице | Фамилия (англ.) | Nom (latin) | "
        "Nom en caractères latins"
    ),
    "given_name_latin": (
        "Given name (Latin) | Given name in Latin | First name (Latin) | Имя (лат.) | Имя латиницей | "
        "Имя (латиницей) | Имя на латинице | Имя (англ.) | Prénom (latin) | Prénom en caractères latins"
    ),
    "position": (
        "Position | Title | Job title | Job | Function | Designation | Должность | Fonction | Poste | Titre du poste"
    ),
    "organisation": (
        "Organisation | Organization | Agency | Institution | Company | Affiliation | Employer | "
        "Организация | Ведомство | Учреждение | Место работы | Organisme | Société | Entreprise"
    ),
    "delegation": "Delegation | Делегация | Délégation",
    "country": (
        "Country | Nationality | Citizenship | Country of citizenship | Страна | Гражданство | Pays | Nationalité"
    ),
    "category": (
        "Category | Type | Participant type | Participant category | Registration type | Категория | "
        "Тип участника | Catégorie | Type de participant"
    ),
    "passport_no": (
        "Passport | Passport No. | Passport No | Passport number | Passport # | Document | Document No. | "
        "Document number | ID number | ID No. | Паспорт | № паспорта | Номер паспорта | Паспорт № | "
        "Номер документа | Passeport | N° de passeport | Numéro de passeport"
    ),
    "email": (
        "E-mail | Email | Mail | Email address | E-mail address | Эл. почта | Электронная почта | "
        "Адрес электронной почты | Почта | Courriel | Adresse électronique | Adresse e-mail"
    ),
    "phone": (
        "Phone | Telephone | Mobile | Phone number | Mobile phone | Cell phone | Tel. | Телефон | "
        "Мобильный телефон | Моб. телефон | Téléphone | Portable | Numéro de téléphone"
    ),
    "notes": (
        "Notes | Note | Comment | Comments | Remarks | Примечание | Примечания | Комментарий | Комментарии | "
        "Remarque | Remarques | Commentaire | Commentaires | Observations"
    ),
    "photo": "Photo | Photograph | Picture | Фото | Фотография",
}
# Running-number columns: neither a field nor worth reporting as unmapped.
_RUNNING_NUMBER_HEADERS = ("#", "№ п/п", "п/п", "N° d'ordre")
_BILINGUAL_SEPARATORS = re.compile(r"[/|\n]")


_MAX_HEADER_CHARS = 300
"""No header is longer; a longer cell (a pasted document, a hostile 50 MB cell) is keyed by its start only."""
_NOT_ALPHANUMERIC = re.compile(r"[\W_]+")  # \w is exactly str.isalnum() plus "_"


def header_key(text: str) -> str:
    """Normalise a header cell so "Prénom*", "PRENOM" and "prénom:" match (ё→е happens by NFKD too)."""
    decomposed = unicodedata.normalize("NFKD", text[:_MAX_HEADER_CHARS]).casefold()
    return _NOT_ALPHANUMERIC.sub("", decomposed)


def _build_lookup() -> dict[str, str]:
    lookup: dict[str, str] = {}
    for field, synonyms in _SYNONYMS.items():
        for synonym in synonyms.split("|"):
            if lookup.setdefault(header_key(synonym), field) != field:
                raise ValueError(f"header synonym {synonym!r} is listed for two fields")
    return lookup


_LOOKUP = _build_lookup()
_RUNNING_NUMBER_KEYS = frozenset(header_key(text) for text in _RUNNING_NUMBER_HEADERS)


def field_for_header(text: str) -> str | None:
    """The field a header means, or None; "Фамилия / Surname" counts when its parts agree."""
    key = header_key(text)
    if key in _LOOKUP:
        return _LOOKUP[key]
    if key in _RUNNING_NUMBER_KEYS:
        return None
    parts = {_LOOKUP.get(header_key(part)) for part in _BILINGUAL_SEPARATORS.split(text)} - {None}
    return parts.pop() if len(parts) == 1 else None


@dataclass
class ColumnMapping:
    """Where the header is and which column holds which field."""

    header_row: int
    columns: dict[int, str]
    headers: tuple[str, ...]
    unmapped: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        """The mapping as a preset, so an organiser can fix it once and reuse it for the next export."""
        columns: dict[str, str | None] = {}
        for index, header in enumerate(self.headers):
            if header.strip():
                columns.setdefault(header, self.columns.get(index))
        return {"version": MAPPING_VERSION, "header_row": self.header_row, "columns": columns}


def detect_mapping(table: SourceTable, *, preset: Mapping[str, Any] | None = None, max_scan: int = 30) -> ColumnMapping:
    """Map the header row: the preset's row if it names one, else the best-matching of the first rows."""
    rules = _validated_preset(preset, "The column mapping preset is not valid") if preset else _empty_preset()
    overrides = {header_key(header): field for header, field in rules["columns"].items() if header_key(header)}
    if rules["header_row"] is not None:
        return _explicit_header(table, rules["header_row"], overrides)
    scored = [_map_row(row, overrides) for row in table.rows[:max_scan]]
    best = max(scored, key=lambda item: item[0], default=None)  # the earliest row wins a tie
    if best is None or not _looks_like_header(best[1]):
        raise ImportFileError(
            f"No header row found in {table.name}: expected columns such as Surname / Фамилия / Nom, "
            f"Given name / Имя / Prénom or Full name / ФИО / Nom complet in its first {max_scan} rows."
        )
    return best[1]


def _explicit_header(table: SourceTable, number: int, overrides: dict[str, str | None]) -> ColumnMapping:
    row = next((row for row in table.rows if row.number == number), None)
    if row is None:
        raise ImportFileError(f"Row {number} of {table.name}, given as the header row, is empty or missing.")
    mapping = _map_row(row, overrides)[1]
    if not IDENTITY_FIELDS & set(mapping.columns.values()):
        raise ImportFileError(
            f"Row {number} of {table.name}, given as the header row, has no column that names or identifies "
            "a guest (such as Surname, Full name, E-mail or Passport)."
        )
    return mapping


def _looks_like_header(mapping: ColumnMapping) -> bool:
    fields = set(mapping.columns.values())
    return len(fields) >= 2 and bool(IDENTITY_FIELDS & fields)


def _map_row(row: SourceRow, overrides: dict[str, str | None]) -> tuple[tuple[int, int], ColumnMapping]:
    """The row read as a header, scored by (preset headers found, distinct fields mapped)."""
    columns: dict[int, str] = {}
    unmapped: list[str] = []
    preset_hits = 0
    for index, header in enumerate(row.cells):
        key = header_key(header)
        if key in overrides:
            preset_hits += 1
            field = overrides[key]
            if field is None:  # the organiser chose to ignore this column
                continue
        elif not key or key in _RUNNING_NUMBER_KEYS:
            continue
        else:
            field = field_for_header(header)
        if field is None or field in columns.values():
            unmapped.append(header)
        else:
            columns[index] = field
    mapping = ColumnMapping(row.number, columns, row.cells, tuple(unmapped))
    return (preset_hits, len(columns)), mapping


# --- Mapping files -----------------------------------------------------------------------------------


def load_mapping_file(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Read and validate a saved mapping: {"version": 1, "header_row": N or None, "columns": {...}}."""
    path = Path(path)
    try:
        with path.open("rb") as stream:
            raw = stream.read(_MAX_MAPPING_FILE_BYTES + 1)
    except OSError as exc:
        raise ImportFileError(f"{path.name} cannot be read ({exc.strerror or exc}).") from exc
    invalid = f"{path.name} is not a valid column-mapping file"
    if len(raw) > _MAX_MAPPING_FILE_BYTES:
        raise ImportFileError(f"{invalid}: it is far too large.")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ImportFileError(f"{invalid}: it is not UTF-8 text.") from exc
    except json.JSONDecodeError as exc:
        raise ImportFileError(f"{invalid}: it is not valid JSON (line {exc.lineno}, column {exc.colno}).") from exc
    return _validated_preset(data, invalid)


def save_mapping_file(mapping: ColumnMapping, path: str | os.PathLike[str]) -> None:
    """Write the mapping as UTF-8 JSON that people can read and edit."""
    path = Path(path)
    text = json.dumps(mapping.to_json(), ensure_ascii=False, indent=2) + "\n"
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ImportFileError(f"The column mapping cannot be saved as {path.name} ({exc.strerror or exc}).") from exc


def _empty_preset() -> dict[str, Any]:
    return {"version": MAPPING_VERSION, "header_row": None, "columns": {}}


def _validated_preset(data: object, invalid: str) -> dict[str, Any]:
    """Check a preset's shape; `invalid` starts the message, e.g. "x.json is not a valid column-mapping file"."""
    problem = _preset_problem(data)
    if problem:
        raise ImportFileError(f"{invalid}: {problem}.")
    data = cast(Mapping[str, Any], data)
    return {"version": MAPPING_VERSION, "header_row": data.get("header_row"), "columns": dict(data["columns"])}


def _preset_problem(data: object) -> str | None:
    if not isinstance(data, Mapping):
        return "it must be a JSON object"
    unknown = sorted(set(data) - {"version", "header_row", "columns"})
    if unknown:
        return f"it has unknown entries ({', '.join(map(str, unknown))})"
    if data.get("version", MAPPING_VERSION) != MAPPING_VERSION:
        return f"it has version {data['version']!r}, but only version {MAPPING_VERSION} is supported"
    header_row = data.get("header_row")
    if header_row is not None and (type(header_row) is not int or header_row < 1):
        return "its header_row must be a row number (1 or more)"
    columns = data.get("columns")
    if not isinstance(columns, Mapping):
        return 'it needs a "columns" object mapping each header to a field'
    for header, field in columns.items():
        if not isinstance(header, str):
            return f"its column {header!r} is not a header text"
        if field is not None and field not in FIELDS:
            return f"it maps the column {header!r} to {field!r}, which is not one of the fields {', '.join(FIELDS)}"
    return None
