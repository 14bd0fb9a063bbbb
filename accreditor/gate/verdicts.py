"""The verdict a gate gives on one scan: green (let in), orange (look twice) or red (refuse), and why.

`decide` turns a scanned string and the gate's context (zone, direction, time) into a `GateVerdict`
against a `GateSource`: what the gate knows of the event, either live from the event database
(`EventSource`) or from an offline gate package (`package.GatePackage`).  The token rules
(signature, event, dates, revoked, superseded, approved) are `tokens.verify_token`'s; here come the
zone, anti-passback, photo and escort rules.  Like the token parser, `decide` gives a verdict for any
string and never raises for one.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from typing import Any, Protocol

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import Connection, bindparam, exists, func, select

from accreditor import guests as guest_store
from accreditor import keys, schema
from accreditor.badges.photos import PreparedPhoto, prepare_photo
from accreditor.badges.printing import photos_of
from accreditor.categories import list_categories, list_zones
from accreditor.clock import utc_now
from accreditor.errors import WorkflowError
from accreditor.guests import GuestFields
from accreditor.scanning import MAX_SCAN_LENGTH, clean_scan
from accreditor.tokens import BadgeClaims, GuestState, verify_token
from accreditor.vocabulary import GateColour, GateReason, Phrase, phrase

GREEN, ORANGE, RED = GateColour.GREEN, GateColour.ORANGE, GateColour.RED
COLOURS = tuple(GateColour)
DIRECTIONS = ("in", "out", "both")  # "both": one door for entering and leaving; each scan toggles
# Orange reasons in the order a verdict names them: the first that applies is the verdict's reason.
ORANGE_REASONS = (GateReason.OVERRIDE, GateReason.ALREADY_INSIDE, GateReason.ESCORT_REQUIRED, GateReason.NO_PHOTO)
RED_REASONS = (
    GateReason.MALFORMED,
    GateReason.BAD_SIGNATURE,
    GateReason.UNKNOWN_KEY,
    GateReason.WRONG_EVENT,
    GateReason.REVOKED,
    GateReason.SUPERSEDED,
    GateReason.NOT_APPROVED,
    GateReason.ZONE_NOT_ALLOWED,
    GateReason.EXPIRED,
    GateReason.NOT_YET_VALID,
)
# The gate shows photos at about 3 × 4 cm on screen; 120 × 160 pixels keep the package small.
THUMBNAIL_PIXELS = (120, 160)
_THUMBNAIL_DPI = 100
_PHOTO_CHUNK = 200


@dataclass(frozen=True, slots=True)
class GateContext:
    """Where and when a scan happens: the gate's zone and direction, who operates it, and `now`.

    `now` (aware) is the time of the scan, None for "the clock now"; the badge's validity days are
    compared with its date on the gate's own clock, the venue's local time.
    """

    zone: str
    direction: str = "in"
    gate: str = ""
    station: str = ""
    operator: str = ""
    anti_passback: bool = True
    now: datetime | None = None

    def __post_init__(self) -> None:
        if self.direction not in DIRECTIONS:
            raise ValueError(f"a gate's direction is one of {', '.join(DIRECTIONS)}, not {self.direction!r}")
        if self.now is not None and self.now.tzinfo is None:
            raise ValueError("a gate's time must be an aware datetime")

    def at(self) -> datetime:
        return self.now or utc_now()


@dataclass(frozen=True, slots=True)
class GateGuest:
    """What a gate may know of a guest: name, category, zones, accreditation state; no personal data."""

    id: int
    name: str  # as written, any script
    name_latin: str
    category: str  # category code
    zones: tuple[str, ...]  # zones the guest has now (which may be fewer than their badge says)
    status: str  # approved / revoked / pending / rejected
    current_serial: int  # highest badge serial issued, 0 before the first print
    has_photo: bool


@dataclass(frozen=True, slots=True)
class GateCategory:
    code: str
    name: str
    colour: str
    escort_required: bool


@dataclass(frozen=True, slots=True)
class Passage:
    """A guest's last accepted scan in a zone: whether it was an entry or an exit, when and where."""

    direction: str  # in / out
    at: datetime
    gate: str


# (guest id, zone) → the last accepted passage, from the gate's scan log.
Presence = Callable[[int, str], Passage | None]


class GateSource(Protocol):
    """What a gate decides with: the event's keys and uid, and its guests, categories and zones."""

    @property
    def event_uid(self) -> str: ...

    @property
    def keyring(self) -> Mapping[str, Ed25519PublicKey]: ...

    def guest(self, guest_id: int) -> GateGuest | None: ...

    def category(self, code: str) -> GateCategory | None: ...

    def zone_name(self, code: str) -> str | None: ...

    def thumbnail(self, guest_id: int) -> bytes | None: ...


@dataclass(frozen=True, slots=True)
class GateVerdict:
    """The answer shown to the security officer, and logged."""

    colour: GateColour
    reason: GateReason  # OK, one of ORANGE_REASONS or one of RED_REASONS
    message: str  # one sentence for the officer, from the vocabulary
    direction: str  # in / out; the gate's own direction when the badge was refused before knowing who
    guest_id: int | None = None  # set once the badge's signature verified (also for most red verdicts)
    serial: int | None = None
    name: str = ""
    name_latin: str = ""
    category: str = ""
    category_name: str = ""
    zones: tuple[str, ...] = ()
    has_photo: bool = False
    photo: bytes | None = None  # the JPEG thumbnail, when asked for
    cautions: tuple[str, ...] = ()  # every orange reason that applies; `reason` is the first
    override_reason: str = ""
    phrases: tuple[Phrase, ...] = ()  # `message` not yet put into words, for the app to say in its language

    @property
    def accepted(self) -> bool:
        """Green or orange: the guest passes (orange after a second look)."""
        return self.colour != RED

    def to_json(self) -> dict[str, Any]:
        """The stable shape of `accreditor gate --json`, one object per scan."""
        known = self.guest_id is not None
        return {
            "verdict": self.colour,
            "reason": self.reason,
            "message": self.message,
            "guest": self.guest_id,
            "name": self.name if known else None,
            "name_latin": self.name_latin if known else None,
            "category": self.category or None,
            "category_name": self.category_name or None,
            "zones": list(self.zones),
            "serial": self.serial,
            "direction": self.direction,
            "has_photo": self.has_photo,
            "cautions": list(self.cautions),
            "override_reason": self.override_reason or None,
        }


def decide(
    scan: str,
    context: GateContext,
    source: GateSource,
    *,
    presence: Presence | None = None,
    with_photo: bool = False,
) -> GateVerdict:
    """The verdict on one scanned string.  `presence` (the gate's log) enables anti-passback and "both" doors."""
    now = context.at()
    code = clean_scan(scan) if isinstance(scan, str) else ""
    if len(code) > MAX_SCAN_LENGTH:
        code = ""
    looked_up: dict[int, GateGuest | None] = {}

    def guest_of(guest_id: int) -> GateGuest | None:
        if guest_id not in looked_up:
            looked_up[guest_id] = source.guest(guest_id)
        return looked_up[guest_id]

    def state_of(guest_id: int) -> GuestState | None:
        found = guest_of(guest_id)
        return None if found is None else GuestState(found.status, found.current_serial)

    today = now.astimezone().date()
    token = verify_token(code, source.keyring, event_uid=source.event_uid, today=today, guest_state=state_of)
    if token.claims is None:
        reason = GateReason(token.reason)
        said = phrase(reason)
        return GateVerdict(RED, reason, str(said), context.direction, phrases=(said,))
    claims = token.claims
    guest = guest_of(claims.guest_id)
    zone = context.zone
    # Known holder: the direction is settled even for a refusal, which an override may turn into a passage.
    last = presence(claims.guest_id, zone) if presence is not None else None
    inside = last is not None and last.direction == "in"
    direction = ("out" if inside else "in") if context.direction == "both" else context.direction
    shown = _shown(claims, guest, source, direction, with_photo)
    if not token.valid or guest is None:  # an "ok" token always names a guest the source knows
        reason = GateReason(token.reason) if not token.valid else GateReason.NOT_APPROVED
        said = _refusal(reason, claims, guest)
        return shown(RED, reason, str(said), phrases=(said,))
    if zone not in claims.zones or zone not in guest.zones:
        refused = GateReason.ZONE_NOT_ALLOWED
        said = _zone_refusal(zone, claims, guest, source)
        return shown(RED, refused, str(said), phrases=(said,))
    cautions: list[tuple[GateReason, Phrase]] = []
    if context.direction == "in" and context.anti_passback and inside and last is not None:
        cautions.append((GateReason.ALREADY_INSIDE, _already_inside(zone, last)))
    category = source.category(guest.category)
    if category is not None and category.escort_required:
        cautions.append((GateReason.ESCORT_REQUIRED, phrase(GateReason.ESCORT_REQUIRED, category=category.name)))
    if not guest.has_photo:
        cautions.append((GateReason.NO_PHOTO, phrase(GateReason.NO_PHOTO)))
    if not cautions:
        ok = GateReason.OK
        said = phrase(ok, zone=_zone_label(zone, source))
        return shown(GREEN, ok, str(said), phrases=(said,))
    phrases = tuple(said for _reason, said in cautions)
    return shown(
        ORANGE,
        cautions[0][0],
        " ".join(str(said) for said in phrases),
        cautions=tuple(reason for reason, _said in cautions),
        phrases=phrases,
    )


def overridden(verdict: GateVerdict, reason: str) -> GateVerdict:
    """The operator lets the holder through anyway, for a stated reason: orange, and logged as such."""
    reason = " ".join(reason.split())
    if not reason:
        raise WorkflowError("An override needs a reason (escorted by protocol, damaged badge checked by hand…).")
    was = f"{verdict.colour} ({verdict.reason})"
    override = GateReason.OVERRIDE
    said = phrase(override, reason=reason, was=was, message=verdict.phrases or verdict.message)
    return replace(
        verdict,
        colour=ORANGE,
        reason=override,
        message=str(said),
        cautions=(override, *(caution for caution in verdict.cautions if caution != override)),
        override_reason=reason,
        phrases=(said,),
    )


def thumbnail(photo: bytes) -> bytes | None:
    """The small JPEG a gate shows (about 120 × 160 pixels); None for a photo that cannot be read."""
    width, height = THUMBNAIL_PIXELS
    mm_per_pixel = 25.4 / _THUMBNAIL_DPI
    prepared = prepare_photo(photo, width * mm_per_pixel, height * mm_per_pixel, dpi=_THUMBNAIL_DPI)
    return prepared.jpeg if isinstance(prepared, PreparedPhoto) else None


def thumbnails_of(connection: Connection, guest_ids: Sequence[int]) -> tuple[dict[int, bytes], list[int]]:
    """Thumbnails of guests' photos, a few hundred originals in memory at a time; and whose photo is unusable."""
    made: dict[int, bytes] = {}
    unreadable: list[int] = []
    for start in range(0, len(guest_ids), _PHOTO_CHUNK):
        for guest_id, photo in sorted(photos_of(connection, guest_ids[start : start + _PHOTO_CHUNK]).items()):
            small = thumbnail(photo)
            if small is None:
                unreadable.append(guest_id)
            else:
                made[guest_id] = small
    return made, unreadable


_GUESTS, _BADGES, _PHOTOS = schema.guests, schema.badges, schema.guest_photos
_GUEST_QUERY = select(
    _GUESTS.c.id,
    _GUESTS.c.family_name,
    _GUESTS.c.given_name,
    _GUESTS.c.family_name_latin,
    _GUESTS.c.given_name_latin,
    _GUESTS.c.category_code,
    _GUESTS.c.status,
    select(func.max(_BADGES.c.serial)).where(_BADGES.c.guest_id == _GUESTS.c.id).scalar_subquery().label("serial"),
    exists().where(_PHOTOS.c.guest_id == _GUESTS.c.id).label("has_photo"),
).where(_GUESTS.c.id == bindparam("guest_id"))


_OVERRIDES = schema.guest_zones
_OVERRIDES_QUERY = select(_OVERRIDES.c.zone_code, _OVERRIDES.c.granted).where(
    _OVERRIDES.c.guest_id == bindparam("guest_id")
)
_ZONE_ORDER_QUERY = select(schema.zones.c.code).order_by(schema.zones.c.sort_order)


@dataclass(frozen=True, slots=True)
class _EventState:
    """What a gate reads of the event once and keeps while the event is unchanged: keys, categories, zones."""

    event_uid: str
    keyring: Mapping[str, Ed25519PublicKey]
    categories: Mapping[str, GateCategory]
    category_zones: Mapping[str, tuple[str, ...]]
    zone_names: Mapping[str, str]
    zone_order: Mapping[str, int]

    @classmethod
    def read(cls, connection: Connection) -> "_EventState":
        found = list_categories(connection)
        return cls(
            event_uid=keys.event_uid(connection),
            keyring=keys.keyring(connection),
            categories={
                category.code: GateCategory(category.code, category.name, category.colour, category.escort_required)
                for category in found
            },
            category_zones={category.code: category.zones for category in found},
            zone_names={zone.code: zone.name for zone in list_zones(connection)},
            zone_order={code: index for index, code in enumerate(connection.execute(_ZONE_ORDER_QUERY).scalars())},
        )


class EventSource:
    """The event database as a gate source: live, so a revocation at the desk counts at the next scan.

    Keys, categories and zones are read once; each scanned guest is read once and then remembered.
    That is only true while nothing else changes the event: `Gate` keeps a source across its
    transactions only while `dialects.change_marker` says no other connection committed, and
    otherwise builds a new one (`bound_to` carries a kept source over to the next transaction).
    """

    def __init__(self, connection: Connection, *, _kept: "EventSource | None" = None) -> None:
        self._connection = connection
        self._state = _kept._state if _kept else _EventState.read(connection)
        self._guests: dict[int, GateGuest | None] = _kept._guests if _kept else {}

    def bound_to(self, connection: Connection) -> "EventSource":
        """This source, with what it remembers, reading through `connection` (the event being unchanged)."""
        return EventSource(connection, _kept=self)

    @property
    def event_uid(self) -> str:
        return self._state.event_uid

    @property
    def keyring(self) -> Mapping[str, Ed25519PublicKey]:
        return self._state.keyring

    def guest(self, guest_id: int) -> GateGuest | None:
        if guest_id not in self._guests:
            self._guests[guest_id] = self._read_guest(guest_id)
        return self._guests[guest_id]

    def _read_guest(self, guest_id: int) -> GateGuest | None:
        """Two indexed lookups (`list_guests` would aggregate every badge of the event for each scan)."""
        row = self._connection.execute(_GUEST_QUERY, {"guest_id": guest_id}).first()
        if row is None:
            return None
        names = GuestFields(
            family_name=row.family_name,
            given_name=row.given_name,
            family_name_latin=row.family_name_latin,
            given_name_latin=row.given_name_latin,
        )
        return GateGuest(
            id=row.id,
            name=names.full_name(),
            name_latin=names.name_latin(),
            category=row.category_code,
            zones=self._zones_of(guest_id, row.category_code),
            status=row.status,
            current_serial=row.serial or 0,
            has_photo=bool(row.has_photo),
        )

    def _zones_of(self, guest_id: int, category: str) -> tuple[str, ...]:
        """The guest's zones as `guests.effective_zones` gives them, from the zones and categories already read."""
        zones = set(self._state.category_zones.get(category, ()))
        for zone_code, granted in self._connection.execute(_OVERRIDES_QUERY, {"guest_id": guest_id}):
            (zones.add if granted else zones.discard)(zone_code)
        order = self._state.zone_order
        return tuple(sorted(zones, key=lambda code: order.get(code, len(order))))

    def category(self, code: str) -> GateCategory | None:
        return self._state.categories.get(code)

    def zone_name(self, code: str) -> str | None:
        return self._state.zone_names.get(code)

    def thumbnail(self, guest_id: int) -> bytes | None:
        photo = guest_store.photo(self._connection, guest_id)
        return thumbnail(photo) if photo else None


# -- messages ----------------------------------------------------------------------------------------


def _shown(
    claims: BadgeClaims, guest: GateGuest | None, source: GateSource, direction: str, with_photo: bool
) -> Callable[..., GateVerdict]:
    """A verdict showing the holder (from the event's record, else from the badge itself), given colour, reason
    and message; built in one step (`dataclasses.replace` cost a gate a tenth of its time per scan)."""
    category = guest.category if guest else claims.category
    found = source.category(category)
    return partial(
        GateVerdict,
        direction=direction,
        guest_id=claims.guest_id,
        serial=claims.serial,
        name=guest.name if guest else "",
        name_latin=guest.name_latin if guest else "",
        category=category,
        category_name=found.name if found else category,
        zones=guest.zones if guest else claims.zones,
        has_photo=bool(guest and guest.has_photo),
        photo=source.thumbnail(claims.guest_id) if with_photo and guest and guest.has_photo else None,
    )


def _refusal(reason: GateReason, claims: BadgeClaims, guest: GateGuest | None) -> Phrase:
    if reason == GateReason.SUPERSEDED and guest is not None:
        return phrase(reason, serial=claims.serial, current=guest.current_serial)
    if reason == GateReason.EXPIRED:
        return phrase(reason, until=claims.valid_until)
    if reason == GateReason.NOT_YET_VALID:
        return phrase(reason, since=claims.valid_from)
    return phrase(reason)


def _zone_refusal(zone: str, claims: BadgeClaims, guest: GateGuest, source: GateSource) -> Phrase:
    label = _zone_label(zone, source)
    refused = GateReason.ZONE_NOT_ALLOWED
    if zone in guest.zones:  # granted after the badge was printed: the printed badge must not say less
        return phrase(refused, "reprint", zone=label, zones=" ".join(claims.zones) or "—")
    return phrase(refused, zone=label, zones=" ".join(guest.zones) or "—")


def _already_inside(zone: str, last: Passage) -> Phrase:
    if last.gate:
        return phrase(GateReason.ALREADY_INSIDE, "at_gate", zone=zone, since=last.at, gate=last.gate)
    return phrase(GateReason.ALREADY_INSIDE, zone=zone, since=last.at)


def _zone_label(code: str, source: GateSource) -> str:
    name = source.zone_name(code)
    return f"{code} ({name})" if name else code
