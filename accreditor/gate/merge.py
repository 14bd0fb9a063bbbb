"""Merging scan logs carried back from offline gates into the event: once each, and only what a gate wrote.

Every line must be signed by a gate station of this event that is not revoked (stations.py), name
the event, a zone and a guest it has, and be dated within its days (give or take a day, for time
zones and a night shift); any other line is left out and reported with its line and reason, while
the log's good lines merge.  So a forged line cannot mark a revoked guest green, nor a scan dated
2099 keep someone "inside" for good.

A scan is identified by its nonce, so merging a log twice, or two copies of it, adds nothing the
second time (a line identical to a stored scan counts as already there, even an event's own unsigned
export); entry and exit history becomes complete whatever order the logs come back in.  A signed
scan whose nonce the event already holds with other details is reported as altered.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import Connection, select

from accreditor import audit, dialects, keys, schema
from accreditor.categories import list_zones
from accreditor.clock import utc_now
from accreditor.gate import scan_log
from accreditor.gate.scan_log import ExportedScan, ScanExport, ScanFileError, ScanRecord
from accreditor.gate.stations import GateStation, signature_valid, station_keys
from accreditor.roles import Permission, require
from accreditor.vocabulary import ScanRejection, message

_LOOKUP_CHUNK = 500  # ids per query: well under every database's limit on bound parameters
_SLACK = timedelta(days=1)  # scans a day before or after the event's days still count


@dataclass(frozen=True, slots=True)
class Rejection:
    """A line left out of the event, and why."""

    where: str  # "line 7" (or "scan 6" in a file not laid out as exported)
    line: int | None
    nonce: str
    reason: ScanRejection
    message: str

    def to_json(self) -> dict[str, object]:
        return {"line": self.line, "nonce": self.nonce, "reason": str(self.reason), "message": self.message}


@dataclass(frozen=True, slots=True)
class MergeReport:
    """What one merged log brought: `added` new scans; `already` ones the event had; `rejected` lines left out."""

    file: str
    source: str
    scans: int
    added: int
    already: int
    rejected: tuple[Rejection, ...] = ()

    def to_json(self) -> dict[str, object]:
        return {
            "file": self.file,
            "source": self.source,
            "scans": self.scans,
            "added": self.added,
            "already": self.already,
            "rejected": [rejection.to_json() for rejection in self.rejected],
        }


@dataclass(frozen=True, slots=True)
class _Event:
    """What a line is checked against."""

    uid: str
    stations: dict[int, GateStation]
    verifiers: dict[int, Ed25519PublicKey]  # the stations' keys, loaded once for all the lines
    zones: frozenset[str]
    first_day: date | None
    last_day: date | None
    tomorrow: date


def merge_scans(connection: Connection, export: ScanExport, *, file: str, actor: str) -> MergeReport:
    """Add the log's good scans the event does not have yet, inside the caller's transaction."""
    require(actor, Permission.MERGE_SCANS)
    event = _event(connection)
    if export.event_uid != event.uid:
        raise ScanFileError(f"{file} holds the scans of event {export.event_uid}, not of this event ({event.uid}).")
    incoming = _unique(export.scans, file)
    known = _known(connection, list(incoming))
    guests = _known_guests(connection, {scan.record.guest_id for scan in incoming.values()})
    new, rejected, already = [], [], 0
    for nonce, scan in incoming.items():
        refusal = _refusal(scan, event, guests, known.get(nonce))
        if refusal is not None:
            reason, text = refusal
            rejected.append(Rejection(scan.where, scan.line, nonce, reason, text))
        elif nonce in known:
            already += 1
        else:
            new.append(scan)
    scan_log.record_many(connection, [scan.record for scan in new])
    dialects.insert_many(
        connection, schema.station_scans, [{"nonce": scan.record.nonce, "station_id": scan.station_id} for scan in new]
    )
    report = MergeReport(file, export.source, len(export.scans), len(new), already, tuple(rejected))
    if new or rejected:
        audit.record(
            connection,
            actor,
            "scans.merged",
            file=file,
            source=export.source,
            scans=report.scans,
            added=report.added,
            already=report.already,
            rejected=len(rejected),
        )
    return report


def _refusal(
    scan: ExportedScan, event: _Event, guests: set[int], known: ScanRecord | None
) -> tuple[ScanRejection, str] | None:
    """Why the line may not join the event, with the sentence saying so; None when it may."""
    record = scan.record
    if known == record:  # the event holds this very scan: merging it again changes nothing, signed or not
        return None
    if scan.signature is None or scan.station_id is None:
        return _why(ScanRejection.UNSIGNED)
    if scan.event_uid != event.uid:
        return _why(ScanRejection.OTHER_EVENT, event=scan.event_uid)
    station = event.stations.get(scan.station_id)
    if station is None:
        return _why(ScanRejection.UNKNOWN_STATION, station=scan.station_id)
    if not signature_valid(scan.fields, scan.signature, event.verifiers[station.id]):
        return _why(ScanRejection.BAD_SIGNATURE, name=station.name)
    if station.revoked_at is not None:
        return _why(ScanRejection.STATION_REVOKED, name=station.name, since=f"{station.revoked_at:%Y-%m-%d %H:%M} UTC")
    if known is not None and known != record:
        return _why(ScanRejection.ALTERED, nonce=record.nonce)
    if record.zone not in event.zones:
        return _why(ScanRejection.UNKNOWN_ZONE, zone=record.zone)
    if record.guest_id is not None and record.guest_id not in guests:
        return _why(ScanRejection.UNKNOWN_GUEST, guest=record.guest_id)
    return _dates_refusal(record, event)


def _dates_refusal(record: ScanRecord, event: _Event) -> tuple[ScanRejection, str] | None:
    day = record.at.date()
    if day > event.tomorrow:
        return _why(ScanRejection.OUT_OF_DATES, "future", day=day)
    if event.first_day is None or event.last_day is None:
        return None
    if event.first_day - _SLACK <= day <= event.last_day + _SLACK:
        return None
    return _why(ScanRejection.OUT_OF_DATES, day=day, first=event.first_day, last=event.last_day)


def _why(reason: ScanRejection, variant: str = "", /, **details: object) -> tuple[ScanRejection, str]:
    return reason, message(reason, variant, **details)


def _event(connection: Connection) -> _Event:
    row = connection.execute(select(schema.event.c.starts_on, schema.event.c.ends_on)).one()
    first, last = row.starts_on, row.ends_on
    stations = station_keys(connection)
    return _Event(
        uid=keys.event_uid(connection),
        stations=stations,
        verifiers={station_id: station.verifier() for station_id, station in stations.items()},
        zones=frozenset(zone.code for zone in list_zones(connection)),
        first_day=first or last,  # an event with one date known lasts that day
        last_day=last or first,
        tomorrow=utc_now().date() + _SLACK,
    )


def _unique(scans: Sequence[ExportedScan], file: str) -> dict[str, ExportedScan]:
    """The log's scans by nonce; a nonce twice is harmless if both are the same scan."""
    found: dict[str, ExportedScan] = {}
    for scan in scans:
        if found.setdefault(scan.record.nonce, scan).record != scan.record:
            raise ScanFileError(
                f"{file} holds two different scans with nonce {scan.record.nonce}; it has been altered."
            )
    return found


def _known(connection: Connection, nonces: list[str]) -> dict[str, ScanRecord]:
    known: dict[str, ScanRecord] = {}
    for start in range(0, len(nonces), _LOOKUP_CHUNK):
        for record in scan_log.list_scans(connection, nonces=nonces[start : start + _LOOKUP_CHUNK]):
            known[record.nonce] = record
    return known


def _known_guests(connection: Connection, guest_ids: set[int | None]) -> set[int]:
    wanted = sorted(guest_id for guest_id in guest_ids if guest_id is not None)
    guests = schema.guests.c.id
    found: set[int] = set()
    for start in range(0, len(wanted), _LOOKUP_CHUNK):
        found.update(
            connection.execute(select(guests).where(guests.in_(wanted[start : start + _LOOKUP_CHUNK]))).scalars()
        )
    return found
