"""Offline gate stations: one Ed25519 key pair per gate package, and the signed lines of their logs.

`gate-package` registers a station: its public key goes into the event (`gate_stations`), its
private key into the package alone.  When the gate's log is exported, every line is signed with
that key over the canonical JSON of the scan, the event uid and the station id, so `merge-scans`
takes only lines a station of this very event wrote, unaltered.  Lines are signed at export, not
at each scan: the key sits beside the log on the same laptop either way, and a gate stays as fast
as before.  A lost or stolen gate laptop is revoked: its lines are no longer merged, and the scans
it brought before stay, marked through `station_scans`.
"""

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import Connection, func, insert, select, update

from accreditor import audit, schema
from accreditor.clock import utc_now
from accreditor.errors import NotFoundError, WorkflowError

# Every signed message starts with this context, so a line's signature can never pass for a badge
# token's or a package's (those have contexts of their own).
LINE_CONTEXT = b"accreditor-scan-line\n"
SIGNATURE_BYTES = 64
MAX_NAME_LENGTH = 80

_TABLE = schema.gate_stations


@dataclass(frozen=True, slots=True)
class GateStation:
    """A station as the event knows it, with the scans its logs brought."""

    id: int
    name: str
    public_key: bytes
    created_at: datetime
    revoked_at: datetime | None
    merged_scans: int = 0

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None

    def verifier(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(self.public_key)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "created_at": self.created_at.isoformat(),
            "revoked_at": self.revoked_at.isoformat() if self.revoked_at else None,
            "merged_scans": self.merged_scans,
        }


@dataclass(frozen=True, slots=True)
class StationKey:
    """What a package carries of its station: who it is and the key that signs its log."""

    id: int
    name: str
    private_key: Ed25519PrivateKey


def station_name(text: str) -> str:
    """A station name as stored: spaces tidied; WorkflowError for an empty or endless one."""
    name = " ".join(text.split())
    if not name:
        raise WorkflowError("A gate station needs a name.")
    if len(name) > MAX_NAME_LENGTH:
        raise WorkflowError(f"A gate station's name has at most {MAX_NAME_LENGTH} characters.")
    return name


def create_station(connection: Connection, name: str, *, actor: str) -> StationKey:
    """A new station with a fresh key pair, inside the caller's transaction; the private key is returned, not kept."""
    name = station_name(name)
    private_key = Ed25519PrivateKey.generate()
    public_key = private_key.public_key().public_bytes_raw()
    result = connection.execute(insert(_TABLE).values(name=name, public_key=public_key, created_at=utc_now()))
    station_id = int(result.inserted_primary_key[0])
    audit.record(connection, actor, "gate_station.created", station=station_id, name=name)
    return StationKey(station_id, name, private_key)


def list_stations(connection: Connection) -> list[GateStation]:
    """Every station of the event, oldest first, with the number of scans merged from each."""
    links = schema.station_scans
    merged = dict(connection.execute(select(links.c.station_id, func.count()).group_by(links.c.station_id)).all())
    rows = connection.execute(select(_TABLE).order_by(_TABLE.c.id))
    return [
        GateStation(row.id, row.name, bytes(row.public_key), row.created_at, row.revoked_at, merged.get(row.id, 0))
        for row in rows
    ]


def revoke_station(connection: Connection, name: str, *, actor: str) -> list[GateStation]:
    """Revoke every key of the station with this name (one per package made for it); returns them.

    A conditional UPDATE, so two organisers revoking at once revoke once; refused when there is no
    such station or it is revoked already.
    """
    name = " ".join(name.split())
    now = utc_now()
    result = connection.execute(
        update(_TABLE).where(_TABLE.c.name == name, _TABLE.c.revoked_at.is_(None)).values(revoked_at=now)
    )
    stations = [station for station in list_stations(connection) if station.name == name]
    if result.rowcount == 0:
        if not stations:
            known = ", ".join(sorted({station.name for station in list_stations(connection)})) or "none yet"
            raise NotFoundError(f"The event has no gate station {name!r} (its stations: {known}).")
        since = max(station.revoked_at for station in stations if station.revoked_at is not None)
        raise WorkflowError(f"Gate station {name!r} was already revoked on {since:%Y-%m-%d %H:%M} UTC.")
    revoked = [station for station in stations if station.revoked_at == now]
    audit.record(connection, actor, "gate_station.revoked", name=name, stations=[station.id for station in revoked])
    return revoked


def station_keys(connection: Connection) -> dict[int, GateStation]:
    """The event's stations by id, for checking the lines of a log."""
    return {station.id: station for station in list_stations(connection)}


# -- signed lines ------------------------------------------------------------------------------------


def signed_message(line: Mapping[str, Any]) -> bytes:
    """What a line's signature covers: its fields but the signature, as canonical JSON (sorted, no spaces)."""
    fields = {key: value for key, value in line.items() if key != "signature"}
    return LINE_CONTEXT + json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def sign_line(line: Mapping[str, Any], key: Ed25519PrivateKey) -> str:
    return key.sign(signed_message(line)).hex()


def signature_valid(line: Mapping[str, Any], signature: bytes, public_key: Ed25519PublicKey) -> bool:
    try:
        public_key.verify(signature, signed_message(line))
    except InvalidSignature:
        return False
    return True
