"""The offline gate package: what a gate needs to decide with no network, and nothing more.

One file: the event's public keys, zones and categories, the revocation list (revoked guests and the
current serial of every reprinted badge) and minimal data of the guests who may be at a door (name as
written and in Latin letters, category, zones, a small photo) — no private key of the event, passport
number, e-mail, phone or notes. It does hold its own gate station's private key (stations.py), made for
this package alone: it signs the lines of this gate's log and nothing else. The package is signed with
the event's active Ed25519 key over its exact bytes, so a gate detects any change. A signature alone
proves nothing (anyone can sign with a key of their own), so a gate also needs a `TrustAnchor`: the
event's public-key file or the signing key's fingerprint, obtained from the organiser by another way
than the package. Format and trust rules:
docs/gate-package.md.
"""

import base64
import binascii
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import Connection

from accreditor import guests as guest_store
from accreditor import keys
from accreditor.categories import list_categories, list_zones
from accreditor.clock import utc_now
from accreditor.errors import AccreditorError
from accreditor.gate.stations import StationKey, create_station
from accreditor.gate.verdicts import GateCategory, GateGuest, thumbnails_of
from accreditor.store import EventInfo

PACKAGE_FORMAT = "accreditor-gate-package"
PACKAGE_VERSION = 2
FIRST_LINE_START = b"Accreditor gate package, format "
FIRST_LINE = (
    b"Accreditor gate package, format 2: public keys, revocation list and minimal guest data for offline "
    b"gates. Signed with the event key: any change makes it unusable."
)
# The first lines of earlier formats, so a gate can say "make a new package" rather than "not a package".
EARLIER_FIRST_LINES = (FIRST_LINE.replace(b"format 2", b"format 1"),)
# The signed message starts with this context, so no package signature can pass for a badge
# token's (those sign "AC1:" + payload) or anything else the event key signs.
SIGNING_CONTEXT = b"accreditor-gate-package\n"
SIGNATURE_PREFIX = b"accreditor-signature ed25519"
FINGERPRINT_BYTES = 16  # 128 bits: a key id's 32 bits could be matched by an attacker's key
MAX_PACKAGE_BYTES = 1 << 30
GATE_STATUSES = ("approved", "revoked")  # who is in the package: those who may, or may no longer, enter

_SIGNATURE_LINE = re.compile(re.escape(SIGNATURE_PREFIX) + rb" ([0-9a-f]{8}) ([0-9a-f]{128})\n")
_EVENT_UID = re.compile(r"[0-9a-f]{8}")
_CODE = re.compile(r"[0-9A-Z_-]{1,16}")
_ALTERED = (
    "The gate package has been altered or damaged since it was made (its signature does not match); "
    "get a fresh copy from the organiser."
)


class PackageError(AccreditorError):
    """A gate package that cannot be used: unreadable, altered, untrusted, older or of another event."""


class UntrustedPackageError(PackageError):
    """Validly signed, but by a key the gate has no reason to trust; `fingerprint` is that key's."""

    def __init__(self, message: str, fingerprint: str) -> None:
        super().__init__(message)
        self.fingerprint = fingerprint


def fingerprint(public_key_raw: bytes) -> str:
    """A key's fingerprint as people compare it: 32 hex digits in groups of 4 (it starts with the key id)."""
    digits = hashlib.sha256(public_key_raw).hexdigest()[: 2 * FINGERPRINT_BYTES]
    return " ".join(digits[start : start + 4] for start in range(0, len(digits), 4))


def parse_fingerprint(text: str) -> str:
    """A fingerprint as typed (any case, spaces, colons or dashes) in the form `fingerprint` writes."""
    digits = re.sub(r"[\s:-]", "", text).lower()
    if not re.fullmatch(f"[0-9a-f]{{{2 * FINGERPRINT_BYTES}}}", digits):
        raise PackageError(
            f"{text.strip()!r} is not a key fingerprint: it has {2 * FINGERPRINT_BYTES} hexadecimal digits "
            "like '5647 5aa7 …'."
        )
    return " ".join(digits[start : start + 4] for start in range(0, len(digits), 4))


@dataclass(frozen=True, slots=True)
class TrustAnchor:
    """The keys a gate trusts to sign its package, learnt from the organiser apart from the package."""

    fingerprints: frozenset[str]
    event_uid: str | None = None
    origin: str = "the keys it was given"  # for messages: "this gate trusts only {origin}"

    @classmethod
    def from_public_key_file(cls, data: bytes) -> "TrustAnchor":
        """From `keys export-public`'s file: its keys and, if it names one, its event."""
        uid, keyring = keys.load_public_pem(data)
        found = frozenset(fingerprint(key.public_bytes_raw()) for key in keyring.values())
        return cls(found, uid, "the keys in the event's public-key file")

    @classmethod
    def from_fingerprint(cls, text: str) -> "TrustAnchor":
        return cls(frozenset({parse_fingerprint(text)}), None, "the key with the fingerprint it was given")


@dataclass(frozen=True, slots=True)
class PackageSummary:
    """What `gate-package` tells the organiser, including the fingerprint to give the gates."""

    event_uid: str
    event_name: str
    created_at: datetime
    key_id: str
    fingerprint: str
    station_id: int
    station_name: str
    station_fingerprint: str
    guests: int
    revoked: int
    superseded: int
    photos: int
    unreadable_photos: tuple[int, ...]  # guests whose photo could not be made into a thumbnail
    size: int

    def to_json(self) -> dict[str, Any]:
        return {
            "event_uid": self.event_uid,
            "event_name": self.event_name,
            "created_at": self.created_at.isoformat(),
            "key_id": self.key_id,
            "fingerprint": self.fingerprint,
            "station": {"id": self.station_id, "name": self.station_name, "fingerprint": self.station_fingerprint},
            "guests": self.guests,
            "revoked": self.revoked,
            "superseded": self.superseded,
            "photos": self.photos,
            "unreadable_photos": list(self.unreadable_photos),
            "bytes": self.size,
        }


@dataclass(frozen=True, eq=False)
class GatePackage:
    """A verified package, loaded: a `GateSource` for an offline gate."""

    event_uid: str
    event_name: str
    starts_on: date | None
    ends_on: date | None
    created_at: datetime
    signed_by: str  # key id
    signer_fingerprint: str
    keyring: Mapping[str, Ed25519PublicKey]
    zones: Mapping[str, str]  # code → name
    categories: Mapping[str, GateCategory]
    guests: Mapping[int, GateGuest]
    thumbnails: Mapping[int, bytes]
    revoked: frozenset[int]
    superseded: Mapping[int, int]  # guest id → current serial (older serials are refused)
    station: StationKey  # this gate's station: its key signs the exported log

    def guest(self, guest_id: int) -> GateGuest | None:
        return self.guests.get(guest_id)

    def category(self, code: str) -> GateCategory | None:
        return self.categories.get(code)

    def zone_name(self, code: str) -> str | None:
        return self.zones.get(code)

    def thumbnail(self, guest_id: int) -> bytes | None:
        return self.thumbnails.get(guest_id)

    def key_fingerprints(self) -> frozenset[str]:
        """Every key the package vouches for (an offline gate pins them for the next package)."""
        return frozenset(fingerprint(key.public_bytes_raw()) for key in self.keyring.values())


# -- building -----------------------------------------------------------------------------------------


def build_package(
    connection: Connection,
    event: EventInfo,
    *,
    station: str = "gate",
    actor: str = "",
    now: datetime | None = None,
) -> tuple[bytes, PackageSummary]:
    """The signed package of the event as it is now, and its summary.

    It registers a new gate station named `station` in the event (a write: call it in a transaction
    that commits), whose private key only the package holds.
    """
    created_at = now or utc_now()
    key_id, private_key = keys.active_signing_key(connection)
    station_key = create_station(connection, station, actor=actor)
    uid = keys.event_uid(connection)
    gate_guests = [guest for guest in guest_store.list_guests(connection) if guest.status in GATE_STATUSES]
    photos, unreadable = thumbnails_of(connection, [guest.id for guest in gate_guests if guest.has_photo])
    revoked = sorted(guest.id for guest in gate_guests if guest.status == "revoked")
    superseded = [
        {"guest": guest.id, "serial": guest.badge_serial}
        for guest in gate_guests
        if guest.badge_serial is not None and guest.badge_serial > 1
    ]
    body = {
        "format": PACKAGE_FORMAT,
        "version": PACKAGE_VERSION,
        "event": {
            "uid": uid,
            "name": event.name,
            "starts_on": event.starts_on.isoformat() if event.starts_on else None,
            "ends_on": event.ends_on.isoformat() if event.ends_on else None,
        },
        "created_at": created_at.isoformat(),
        "signed_by": key_id,
        "station": {
            "id": station_key.id,
            "name": station_key.name,
            "private_key": _b64(station_key.private_key.private_bytes_raw()),
        },
        "keys": [
            {"key_id": ring_id, "public_key": _b64(key.public_bytes_raw())}
            for ring_id, key in keys.keyring(connection).items()
        ],
        "zones": [{"code": zone.code, "name": zone.name} for zone in list_zones(connection)],
        "categories": [
            {
                "code": category.code,
                "name": category.name,
                "colour": category.colour,
                "escort_required": category.escort_required,
            }
            for category in list_categories(connection)
        ],
        "revoked": revoked,
        "superseded": superseded,
        "guests": [
            {
                "id": guest.id,
                "name": guest.full_name,
                "name_latin": guest.name_latin,
                "category": guest.fields.category,
                "zones": list(guest.zones),
                "photo": _b64(photos[guest.id]) if guest.id in photos else None,
            }
            for guest in gate_guests
        ],
    }
    body_line = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    signature = private_key.sign(_signed_message(body_line))
    data = b"".join(
        (FIRST_LINE, b"\n", body_line, b"\n", SIGNATURE_PREFIX, f" {key_id} {signature.hex()}\n".encode("ascii"))
    )
    summary = PackageSummary(
        event_uid=uid,
        event_name=event.name,
        created_at=created_at,
        key_id=key_id,
        fingerprint=fingerprint(private_key.public_key().public_bytes_raw()),
        station_id=station_key.id,
        station_name=station_key.name,
        station_fingerprint=fingerprint(station_key.private_key.public_key().public_bytes_raw()),
        guests=len(gate_guests),
        revoked=len(revoked),
        superseded=len(superseded),
        photos=len(photos),
        unreadable_photos=tuple(unreadable),
        size=len(data),
    )
    return data, summary


def _signed_message(body_line: bytes) -> bytes:
    return SIGNING_CONTEXT + FIRST_LINE + b"\n" + body_line + b"\n"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


# -- loading ------------------------------------------------------------------------------------------


def is_gate_package(path: Path) -> bool:
    """Whether a file looks like a gate package (says nothing of its signature)."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(FIRST_LINE_START)) == FIRST_LINE_START
    except OSError:
        return False


def read_package_file(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_PACKAGE_BYTES:
            raise PackageError(f"{path.name} is too large to be a gate package.")
        return path.read_bytes()
    except OSError as error:
        raise PackageError(f"Cannot read the gate package {path} ({error.strerror}).") from error


def load_package(data: bytes, anchor: TrustAnchor | None) -> GatePackage:
    """The package, once its signature verified and its signing key is one the anchor trusts.

    Every failure is a PackageError with one sentence for the operator: not a package, altered
    (any byte changed), signed by an untrusted key (re-signed by someone else), or of another event.
    """
    if not data.startswith(FIRST_LINE + b"\n"):
        if data.startswith(EARLIER_FIRST_LINES):
            raise PackageError(
                "This gate package was made by another version of Accreditor; make a new one with gate-package."
            )
        raise PackageError("This file is not an Accreditor gate package.")
    body_line, newline, signature_line = data[len(FIRST_LINE) + 1 :].partition(b"\n")
    signature_match = _SIGNATURE_LINE.fullmatch(signature_line)
    if not newline or signature_match is None:
        raise PackageError(_ALTERED)
    key_id = signature_match.group(1).decode("ascii")
    signature = bytes.fromhex(signature_match.group(2).decode("ascii"))
    try:
        body = json.loads(body_line.decode("utf-8"))
        keyring = _keyring(body)
    except (UnicodeDecodeError, ValueError, _Damaged) as error:
        raise PackageError(_ALTERED) from error
    signing_key = keyring.get(key_id)
    if signing_key is None:
        raise PackageError(_ALTERED)
    try:
        signing_key.verify(signature, _signed_message(body_line))
    except InvalidSignature as error:
        raise PackageError(_ALTERED) from error
    signer = fingerprint(signing_key.public_bytes_raw())
    _check_signer(signer, key_id, anchor)
    try:
        package = _package(body, keyring, key_id, signer)
    except (_Damaged, ValueError) as error:  # signed by a trusted key yet unreadable: another Accreditor version
        raise PackageError(f"The gate package cannot be read by this version of Accreditor ({error}).") from error
    if anchor is not None and anchor.event_uid is not None and anchor.event_uid != package.event_uid:
        raise PackageError(
            f"The gate package is for event {package.event_uid}, but this gate was set up for event {anchor.event_uid}."
        )
    return package


def _check_signer(signer: str, key_id: str, anchor: TrustAnchor | None) -> None:
    """Refuse a package whose (valid) signature is by a key the gate did not learn from the organiser."""
    signed = f"The gate package is signed by key {key_id} (fingerprint {signer})"
    if anchor is None or not anchor.fingerprints:
        raise UntrustedPackageError(
            f"{signed}, and this gate has not been told which key to trust: give it the event's public-key "
            "file (keys export-public) or check this fingerprint with the organiser.",
            signer,
        )
    if signer not in anchor.fingerprints:
        raise UntrustedPackageError(
            f"{signed}, but this gate trusts only {anchor.origin}: the package was not made by the organiser, "
            "or the event's keys were rotated since (then export the public keys again).",
            signer,
        )


class _Damaged(Exception):
    """Inside the loader only: a field missing or of the wrong kind."""


def _keyring(body: object) -> dict[str, Ed25519PublicKey]:
    ring: dict[str, Ed25519PublicKey] = {}
    for entry in _field(body, "keys", list):
        raw = _bytes(_field(entry, "public_key", str))
        if len(raw) != keys.PUBLIC_KEY_BYTES:
            raise _Damaged("a public key is not an Ed25519 key")
        key_id = keys.key_id_for(raw)
        if _field(entry, "key_id", str) != key_id:
            raise _Damaged(f"key {key_id} is listed under another id")
        ring[key_id] = Ed25519PublicKey.from_public_bytes(raw)
    return ring


def _package(body: object, keyring: dict[str, Ed25519PublicKey], key_id: str, signer: str) -> GatePackage:
    if _field(body, "format", str) != PACKAGE_FORMAT:
        raise _Damaged("it is not a gate package")
    if _field(body, "version", int) != PACKAGE_VERSION:
        raise _Damaged(f"it has format version {_field(body, 'version', int)}; this version reads {PACKAGE_VERSION}")
    if _field(body, "signed_by", str) != key_id:
        raise _Damaged("the key it names as signer is not the one that signed it")
    event = _field(body, "event", dict)
    uid = _field(event, "uid", str)
    if not _EVENT_UID.fullmatch(uid):
        raise _Damaged("its event uid is invalid")
    revoked = frozenset(_number(item) for item in _field(body, "revoked", list))
    superseded = {
        _number(_field(entry, "guest", int)): _number(_field(entry, "serial", int))
        for entry in _field(body, "superseded", list)
    }
    thumbnails: dict[int, bytes] = {}
    guests: dict[int, GateGuest] = {}
    for entry in _field(body, "guests", list):
        guest_id = _number(_field(entry, "id", int))
        photo = _field(entry, "photo", str | None)
        if photo is not None:
            thumbnails[guest_id] = _bytes(photo)
        guests[guest_id] = GateGuest(
            id=guest_id,
            name=_field(entry, "name", str),
            name_latin=_field(entry, "name_latin", str),
            category=_code(_field(entry, "category", str)),
            zones=tuple(_code(zone) for zone in _field(entry, "zones", list)),
            status="revoked" if guest_id in revoked else "approved",
            current_serial=superseded.get(guest_id, 0),
            has_photo=photo is not None,
        )
    return GatePackage(
        event_uid=uid,
        event_name=_field(event, "name", str),
        starts_on=_day(_field(event, "starts_on", str | None)),
        ends_on=_day(_field(event, "ends_on", str | None)),
        created_at=_time(_field(body, "created_at", str)),
        signed_by=key_id,
        signer_fingerprint=signer,
        keyring=keyring,
        zones={_code(_field(zone, "code", str)): _field(zone, "name", str) for zone in _field(body, "zones", list)},
        categories={category.code: category for category in map(_category, _field(body, "categories", list))},
        guests=guests,
        thumbnails=thumbnails,
        revoked=revoked,
        superseded=superseded,
        station=_station(_field(body, "station", dict)),
    )


def _station(entry: object) -> StationKey:
    seed = _bytes(_field(entry, "private_key", str))
    if len(seed) != keys.PUBLIC_KEY_BYTES:  # an Ed25519 private key is a 32-byte seed, as long as a public key
        raise _Damaged("the station key is not an Ed25519 key")
    name = _field(entry, "name", str)
    return StationKey(_number(_field(entry, "id", int)), name, Ed25519PrivateKey.from_private_bytes(seed))


def _category(entry: object) -> GateCategory:
    return GateCategory(
        _code(_field(entry, "code", str)),
        _field(entry, "name", str),
        _field(entry, "colour", str),
        _field(entry, "escort_required", bool),
    )


def _field(item: object, key: str, kind: Any) -> Any:
    if not isinstance(item, dict) or key not in item:
        raise _Damaged(f"{key!r} is missing")
    value = item[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise _Damaged(f"{key!r} is not of the expected kind")
    return value


def _number(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 2**32:
        raise _Damaged(f"{value!r} is not a valid id or serial")
    return value


def _code(value: object) -> str:
    if not isinstance(value, str) or not _CODE.fullmatch(value):
        raise _Damaged(f"{value!r} is not a zone or category code")
    return value


def _bytes(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except binascii.Error as error:
        raise _Damaged("binary data is not valid Base64") from error


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _time(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise _Damaged("its creation time has no time zone")
    return moment
