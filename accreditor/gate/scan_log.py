"""The scan log: every scan at every gate, accepted or refused, for security review and for who is inside.

One row per scan in the `scans` table: of the event database for a gate working on it, of the gate's
own log file for an offline gate (offline_gate.py).  Rows are only ever added (triggers refuse
changes).  The scanned text itself is never stored, only the SHA-256 of the code as the scanner read
it, so a review can find every attempt with a given badge without the log holding any badge.  Each
scan has a random nonce: a log exported from an offline gate merges into the event once, however
often it is merged (merge.py).  An offline gate signs each line of its export with its station's
key (stations.py); merge-scans checks every line.
"""

import hashlib
import json
import re
import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select

from accreditor import dialects, schema
from accreditor.clock import utc_now
from accreditor.errors import AccreditorError
from accreditor.gate.stations import SIGNATURE_BYTES, StationKey, sign_line
from accreditor.gate.verdicts import (
    COLOURS,
    DIRECTIONS,
    ORANGE_REASONS,
    RED,
    RED_REASONS,
    GateContext,
    GateVerdict,
    Passage,
)
from accreditor.scanning import clean_scan

NONCE_BYTES = 16
EXPORT_FORMAT = "accreditor-scan-log"
EXPORT_VERSION = 2  # 2: lines signed by the gate station; version 1 files are read, their lines unsigned
READ_VERSIONS = (1, EXPORT_VERSION)
SEAL_FIELDS = ("event", "gate_station", "signature")  # what a signed line adds to a scan's fields
REASONS = ("ok", *ORANGE_REASONS, *RED_REASONS)

_HEX = re.compile(r"[0-9a-f]+")
_EVENT_UID = re.compile(r"[0-9a-f]{8}")
_ZONE = re.compile(r"[0-9A-Z_-]{1,16}")
_TABLE = schema.scans
_INSERT = insert(_TABLE)
_LAST_PASSAGE = (
    select(_TABLE.c.direction, _TABLE.c.at, _TABLE.c.gate)
    .where(
        _TABLE.c.guest_id == bindparam("guest_id"),
        _TABLE.c.zone == bindparam("zone"),
        _TABLE.c.colour != RED,
        _TABLE.c.direction != "both",
    )
    .order_by(_TABLE.c.at.desc(), _TABLE.c.id.desc())
    .limit(1)
)


class ScanFileError(AccreditorError):
    """An exported scan log that cannot be merged: not one, damaged, or of another event."""


@dataclass(frozen=True, slots=True)
class ScanRecord:
    """One logged scan, as stored and as exported; equal records are the same scan."""

    nonce: str  # 32 lowercase hex digits, random
    at: datetime  # aware UTC
    gate: str
    zone: str
    direction: str  # in / out / both (both: refused before the holder was known at a two-way door)
    station: str
    operator: str
    colour: str
    reason: str
    guest_id: int | None
    serial: int | None
    code_hash: str  # SHA-256 hex of the scanned code
    override_reason: str = ""

    def row(self) -> dict[str, Any]:
        """The values of its `scans` row (dataclasses.asdict deep-copies: too slow for every scan)."""
        return {name: getattr(self, name) for name in _FIELDS}

    def to_json(self) -> dict[str, Any]:
        return {**self.row(), "at": self.at.isoformat()}


_FIELDS = tuple(ScanRecord.__dataclass_fields__)


@dataclass(frozen=True, slots=True)
class ExportedScan:
    """One line of an exported log: the scan, and what its gate station signed about it.

    `fields` is the line as read (what the signature covers); `event_uid`, `station_id` and
    `signature` are None on an unsigned line.
    """

    record: ScanRecord
    line: int | None  # of the file, when it has the layout export_bytes writes
    position: int  # 1 for the log's first scan
    fields: Mapping[str, Any]
    event_uid: str | None = None
    station_id: int | None = None
    signature: bytes | None = None

    @property
    def where(self) -> str:
        return f"line {self.line}" if self.line is not None else f"scan {self.position}"


@dataclass(frozen=True, slots=True)
class ScanExport:
    """A log carried from a gate: which event, from where, and its scans."""

    event_uid: str
    source: str
    exported_at: datetime
    scans: tuple[ExportedScan, ...]

    @property
    def records(self) -> tuple[ScanRecord, ...]:
        return tuple(scan.record for scan in self.scans)


def code_hash(scan: str) -> str:
    """SHA-256 of the code as the badge holds it (scanner prefixes and control characters removed)."""
    return hashlib.sha256(clean_scan(scan).encode("utf-8", "surrogatepass")).hexdigest()


def new_record(scan: str, verdict: GateVerdict, context: GateContext) -> ScanRecord:
    """The log entry of a scan just decided at `context.now`."""
    return ScanRecord(
        nonce=secrets.token_hex(NONCE_BYTES),
        at=context.at().astimezone(UTC),
        gate=context.gate,
        zone=context.zone,
        direction=verdict.direction,
        station=context.station,
        operator=context.operator,
        colour=verdict.colour,
        reason=verdict.reason,
        guest_id=verdict.guest_id,
        serial=verdict.serial,
        code_hash=code_hash(scan),
        override_reason=verdict.override_reason,
    )


def record(connection: Connection, entry: ScanRecord) -> None:
    """Add one scan inside the caller's transaction (the gate commits before showing the verdict)."""
    connection.execute(_INSERT, entry.row())


def record_many(connection: Connection, entries: Sequence[ScanRecord]) -> None:
    dialects.insert_many(connection, _TABLE, [entry.row() for entry in entries])


def is_passage(entry: ScanRecord) -> bool:
    """Whether a scan moved its holder in or out (what `last_passage` looks for)."""
    return entry.colour != RED and entry.direction != "both"


def last_passage(connection: Connection, guest_id: int, zone: str) -> Passage | None:
    """The guest's last accepted entry or exit in a zone: anti-passback and two-way doors decide on it."""
    row = connection.execute(_LAST_PASSAGE, {"guest_id": guest_id, "zone": zone}).first()
    return None if row is None else Passage(row.direction, row.at, row.gate)


def list_scans(connection: Connection, *, nonces: Iterable[str] | None = None) -> list[ScanRecord]:
    """Logged scans in the order they happened (or those with the given nonces)."""
    query = select(_TABLE).order_by(_TABLE.c.at, _TABLE.c.id)
    if nonces is not None:
        query = query.where(dialects.one_of(connection, _TABLE.c.nonce, list(nonces)))
    return [ScanRecord(**{name: row._mapping[name] for name in _FIELDS}) for row in connection.execute(query)]


# -- the export file --------------------------------------------------------------------------------


def export_bytes(
    records: Iterable[ScanRecord],
    *,
    event_uid: str,
    source: str,
    exported_at: datetime | None = None,
    station: StationKey | None = None,
) -> bytes:
    """The file `export-scans` writes: JSON, one scan per line, readable in any editor.

    With a gate station's key every line is signed (an offline gate's log); an event's own scans go
    out unsigned, as they need no merging into it.
    """
    header = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "event_uid": event_uid,
        "source": source,
        "exported_at": (exported_at or utc_now()).isoformat(),
    }
    lines = [json.dumps(_line(entry, event_uid, station), ensure_ascii=False, sort_keys=True) for entry in records]
    opening = json.dumps(header, ensure_ascii=False)[:-1]
    body = ",\n".join(lines)
    return f'{opening}, "scans": [\n{body}\n]}}\n'.encode()


def _line(entry: ScanRecord, event_uid: str, station: StationKey | None) -> dict[str, Any]:
    line = entry.to_json()
    if station is not None:
        line |= {"event": event_uid, "gate_station": station.id}
        line["signature"] = sign_line(line, station.private_key)
    return line


def read_export(data: bytes, name: str) -> ScanExport:
    """The scans of an exported log; ScanFileError naming the first problem of anything else."""
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise ScanFileError(f"{name} is not a scan log exported by Accreditor.") from error
    if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
        raise ScanFileError(f"{name} is not a scan log exported by Accreditor.")
    if document.get("version") not in READ_VERSIONS:
        raise ScanFileError(
            f"{name} is a scan log of format version {document.get('version')!r}; this Accreditor reads "
            f"version {EXPORT_VERSION}."
        )
    try:
        event_uid = _text(document, "event_uid")
        if not _EVENT_UID.fullmatch(event_uid):
            raise ValueError("has an event uid that is not 8 hexadecimal digits")
        source, exported_at = _text(document, "source"), _time(_text(document, "exported_at"))
        scans = document.get("scans")
        if not isinstance(scans, list):
            raise ValueError("has no list of scans")
    except ValueError as error:
        raise ScanFileError(f"{name} is damaged: it {error}.") from error
    in_layout = data.count(b"\n") == len(scans) + 2  # export_bytes's layout: scan n on line n + 1
    found = []
    for number, item in enumerate(scans, start=1):
        try:
            found.append(_scan_from_json(item, number, number + 1 if in_layout else None))
        except ValueError as error:
            raise ScanFileError(f"{name} is damaged: scan {number} {error}.") from error
    return ScanExport(event_uid, source, exported_at, tuple(found))


def _scan_from_json(item: object, position: int, line: int | None) -> ExportedScan:
    if not isinstance(item, dict):
        raise ValueError("does not have the fields of a scan")
    record = _record_from_json({key: value for key, value in item.items() if key not in SEAL_FIELDS})
    scan = ExportedScan(record, line, position, item)
    if not any(key in item for key in SEAL_FIELDS):
        return scan
    event, station, signature = item.get("event"), item.get("gate_station"), item.get("signature")
    if not isinstance(event, str) or not _EVENT_UID.fullmatch(event):
        raise ValueError("has an invalid event uid")
    if not isinstance(signature, str) or len(signature) != 2 * SIGNATURE_BYTES or not _HEX.fullmatch(signature):
        raise ValueError("has an invalid signature")
    return replace(
        scan, event_uid=event, station_id=_number(station, "gate_station"), signature=bytes.fromhex(signature)
    )


def _record_from_json(item: dict[str, Any]) -> ScanRecord:
    if set(item) != set(_FIELDS):
        raise ValueError("does not have the fields of a scan")
    nonce, hashed = _text(item, "nonce"), _text(item, "code_hash")
    if len(nonce) != 2 * NONCE_BYTES or not _HEX.fullmatch(nonce):
        raise ValueError(f"has an invalid nonce {nonce!r}")
    if len(hashed) != 64 or not _HEX.fullmatch(hashed):
        raise ValueError("has an invalid code hash")
    zone = _text(item, "zone")
    checks = (
        (_ZONE.fullmatch(zone), f"has an invalid zone {zone!r}"),
        (item["direction"] in DIRECTIONS, f"has an invalid direction {item['direction']!r}"),
        (item["colour"] in COLOURS, f"has an invalid colour {item['colour']!r}"),
        (item["reason"] in REASONS, f"has an unknown reason {item['reason']!r}"),
    )
    for passed, problem in checks:
        if not passed:
            raise ValueError(problem)
    return ScanRecord(
        nonce=nonce,
        at=_time(_text(item, "at")),
        gate=_text(item, "gate"),
        zone=zone,
        direction=item["direction"],
        station=_text(item, "station"),
        operator=_text(item, "operator"),
        colour=item["colour"],
        reason=item["reason"],
        guest_id=_optional_number(item, "guest_id"),
        serial=_optional_number(item, "serial"),
        code_hash=hashed,
        override_reason=_text(item, "override_reason"),
    )


def _text(item: dict[str, Any], key: str) -> str:
    value = item.get(key)
    if not isinstance(value, str):
        raise ValueError(f"has no text field {key!r}")
    return value


def _optional_number(item: dict[str, Any], key: str) -> int | None:
    value = item.get(key)
    return None if value is None else _number(value, key)


def _number(value: object, key: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 2**32:
        raise ValueError(f"has an invalid {key} {value!r}")
    return value


def _time(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as error:
        raise ValueError(f"has an invalid time {text!r}") from error
    if moment.tzinfo is None:
        raise ValueError(f"has a time without a time zone {text!r}")
    return moment.astimezone(UTC)
