"""Merging scan logs carried back from offline gates into the event, once each.

A scan is identified by its nonce, so merging a log twice, or two copies of it, adds nothing the
second time; entry and exit history becomes complete whatever order the logs come back in.  A scan
whose nonce is already in the event with different content means an altered log: the merge is
refused as a whole, as it is for a log of another event.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection

from accreditor import audit, keys
from accreditor.gate import scan_log
from accreditor.gate.scan_log import ScanExport, ScanFileError, ScanRecord
from accreditor.roles import Permission, require

_LOOKUP_CHUNK = 500  # nonces per query: well under every database's limit on bound parameters


@dataclass(frozen=True, slots=True)
class MergeReport:
    """What one merged log brought: `added` new scans; `already` ones the event had."""

    file: str
    source: str
    scans: int
    added: int
    already: int

    def to_json(self) -> dict[str, object]:
        return {
            "file": self.file,
            "source": self.source,
            "scans": self.scans,
            "added": self.added,
            "already": self.already,
        }


def merge_scans(connection: Connection, export: ScanExport, *, file: str, actor: str) -> MergeReport:
    """Add the log's scans the event does not have yet, inside the caller's transaction."""
    require(actor, Permission.MERGE_SCANS)
    uid = keys.event_uid(connection)
    if export.event_uid != uid:
        raise ScanFileError(f"{file} holds the scans of event {export.event_uid}, not of this event ({uid}).")
    incoming = _unique(export.records, file)
    known = _known(connection, list(incoming))
    for nonce, record in incoming.items():
        if nonce in known and known[nonce] != record:
            raise ScanFileError(
                f"{file} has scan {nonce} with other details than the event already holds for it; the log has "
                "been altered, nothing was merged."
            )
    new = [record for nonce, record in incoming.items() if nonce not in known]
    scan_log.record_many(connection, new)
    report = MergeReport(file, export.source, len(export.records), len(new), len(incoming) - len(new))
    if new:
        audit.record(connection, actor, "scans.merged", **report.to_json())
    return report


def _unique(records: Sequence[ScanRecord], file: str) -> dict[str, ScanRecord]:
    """The log's scans by nonce; a nonce twice is harmless if both are the same scan."""
    found: dict[str, ScanRecord] = {}
    for record in records:
        if found.setdefault(record.nonce, record) != record:
            raise ScanFileError(f"{file} holds two different scans with nonce {record.nonce}; it has been altered.")
    return found


def _known(connection: Connection, nonces: list[str]) -> dict[str, ScanRecord]:
    known: dict[str, ScanRecord] = {}
    for start in range(0, len(nonces), _LOOKUP_CHUNK):
        for record in scan_log.list_scans(connection, nonces=nonces[start : start + _LOOKUP_CHUNK]):
            known[record.nonce] = record
    return known
