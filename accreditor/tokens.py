"""Signed badge tokens: the text in a badge's QR code, and the verdict a gate gives on any scan.

A token is `AC1:` + Base45(payload || Ed25519 signature over `AC1:` + payload); the byte layout
is in docs/badge-token.md.  It names the event, guest, badge serial, category, zones and validity
dates (what a gate decides on offline), never personal data.  Scans are hostile input:
`verify_token` returns a Verdict for every string and never raises for one.
"""

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from accreditor import base45
from accreditor.errors import AccreditorError
from accreditor.keys import EVENT_UID_BYTES, KEY_ID_BYTES, key_id_for
from accreditor.vocabulary import GuestStatus, TokenReason

TOKEN_PREFIX = "AC1:"  # version 1; every character is in the QR alphanumeric set
SIGNATURE_BYTES = 64
# A QR code of version 6 at error correction M has 108 data codewords: 4 mode bits, a 9-bit
# count and 11 bits per 2 characters leave room for 154 alphanumeric characters.  (178 is the
# capacity of version 7.)  Version 6 is the largest a 25 mm code can be and scan with any handheld
# scanner, so no token is longer, and a longer string is not a token.
MAX_TOKEN_LENGTH = 154
EPOCH = date(2020, 1, 1)
MAX_DAY = 0xFFFF  # valid_from is 2 bytes of days since EPOCH
MAX_VALID_DAYS = 0xFF  # valid_until is 1 byte of days after valid_from
MAX_GUEST_ID = 0xFFFFFFFF
MAX_SERIAL = 0xFFFF
MAX_CODE_LENGTH = 16
# Category and zone codes are packed 3 symbols to 2 bytes (40**3 < 65536), which is exactly as
# dense in Base45 as the codes written out in the QR code's alphanumeric mode.  Symbol 0 separates
# codes and pads the last group; symbol 39 is unassigned.
CODE_SYMBOLS = " 0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-_"
CODE_RADIX = 40

REASONS = tuple(TokenReason)  # the wire values of a verdict's reason, in the order they are checked

_PREFIX_BYTES = TOKEN_PREFIX.encode("ascii")
_CODE = re.compile(rf"[0-9A-Z_-]{{1,{MAX_CODE_LENGTH}}}")


@dataclass(frozen=True, slots=True)
class BadgeClaims:
    """What a badge asserts; everything a gate needs without the event database."""

    event_uid: str  # 8 lowercase hex digits
    guest_id: int
    serial: int  # badge serial, 1 for the first print
    category: str  # category code: 1 to 16 of A-Z 0-9 - _
    zones: tuple[str, ...]  # zone codes, same rule; kept in ascending order without repeats
    valid_from: date
    valid_until: date

    def __post_init__(self) -> None:
        # Zones are a set: one order (ascending) makes one set of claims one token, whatever order they came in.
        if isinstance(self.zones, tuple | list) and all(isinstance(zone, str) for zone in self.zones):
            object.__setattr__(self, "zones", tuple(sorted(set(self.zones))))


@dataclass(frozen=True, slots=True)
class GuestState:
    """What the event database knows of the guest now (a gate with the public key only has none)."""

    status: str  # pending / approved / rejected / revoked
    current_serial: int  # highest badge serial issued (0 if none)


@dataclass(frozen=True, slots=True)
class Verdict:
    """A gate's answer to one scan: `valid` only when the reason is "ok"."""

    valid: bool
    reason: TokenReason
    # The decoded claims once the signature verified (also when refused for dates or status, so a
    # gate can show who it is); None for malformed, bad_signature and unknown_key.
    claims: BadgeClaims | None
    # The key id the token names (None when malformed); authenticated only when claims is set.
    key_id: str | None


class TokenTooLongError(AccreditorError, ValueError):
    """Claims that would need a QR code too large to scan on a badge: the user must change them."""


class _Malformed(Exception):
    """Raised inside the parser only; verify_token turns it into a verdict."""


@dataclass(frozen=True, slots=True)
class _Parsed:
    key_id: str
    claims: BadgeClaims
    signed: bytes
    signature: bytes


def issue_token(claims: BadgeClaims, key_id: str, private_key: Ed25519PrivateKey) -> str:
    """The QR text of a badge; ValueError for claims the format cannot carry or a QR code too large."""
    if key_id_for(private_key.public_key().public_bytes_raw()) != key_id:
        raise ValueError(f"key id {key_id!r} does not belong to this private key")
    payload = _encode_payload(claims, key_id)
    signature = private_key.sign(_PREFIX_BYTES + payload)
    token = TOKEN_PREFIX + base45.encode(payload + signature)
    if len(token) > MAX_TOKEN_LENGTH:
        raise TokenTooLongError(
            f"The badge of guest {claims.guest_id} needs a {len(token)}-character token, more than the "
            f"{MAX_TOKEN_LENGTH} a version 6 QR code holds; give it fewer or shorter zone codes."
        )
    return token


def verify_token(
    text: str,
    keyring: Mapping[str, Ed25519PublicKey],
    *,
    event_uid: str | None,
    today: date,
    guest_state: Callable[[int], GuestState | None] | None = None,
) -> Verdict:
    """The gate's verdict on a scanned string, checked in the order of docs/badge-token.md.

    `event_uid` None skips the event check; `guest_state` None (a gate with the public keys only)
    skips the checks against the event database.
    """
    if not isinstance(text, str):
        raise TypeError(f"a token is a str, not {type(text).__name__}")
    try:
        parsed = _parse(text.strip())
    except _Malformed:
        return Verdict(False, TokenReason.MALFORMED, None, None)
    public_key = keyring.get(parsed.key_id)
    if public_key is None:
        return Verdict(False, TokenReason.UNKNOWN_KEY, None, parsed.key_id)
    try:
        public_key.verify(parsed.signature, parsed.signed)
    except InvalidSignature:
        return Verdict(False, TokenReason.BAD_SIGNATURE, None, parsed.key_id)
    reason = _judge(parsed.claims, event_uid, today, guest_state)
    return Verdict(reason is TokenReason.OK, reason, parsed.claims, parsed.key_id)


def _judge(
    claims: BadgeClaims,
    event_uid: str | None,
    today: date,
    guest_state: Callable[[int], GuestState | None] | None,
) -> TokenReason:
    """The reason for an authentic token: event, dates, then what the database knows now."""
    if event_uid is not None and claims.event_uid != event_uid:
        return TokenReason.WRONG_EVENT
    if today < claims.valid_from:
        return TokenReason.NOT_YET_VALID
    if today > claims.valid_until:
        return TokenReason.EXPIRED
    if guest_state is None:
        return TokenReason.OK
    state = guest_state(claims.guest_id)
    if state is None:
        return TokenReason.NOT_APPROVED
    if state.status == GuestStatus.REVOKED:
        return TokenReason.REVOKED
    if state.status != GuestStatus.APPROVED:
        return TokenReason.NOT_APPROVED
    if claims.serial < state.current_serial:
        return TokenReason.SUPERSEDED
    return TokenReason.OK


# -- the byte layout (docs/badge-token.md) ---------------------------------------------------------


def _encode_payload(claims: BadgeClaims, key_id: str) -> bytes:
    _check_hex(key_id, KEY_ID_BYTES, "key id")
    _check_hex(claims.event_uid, EVENT_UID_BYTES, "event uid")
    _check_range(claims.guest_id, 1, MAX_GUEST_ID, "guest id")
    _check_range(claims.serial, 1, MAX_SERIAL, "badge serial")
    valid_from = (claims.valid_from - EPOCH).days
    valid_days = (claims.valid_until - claims.valid_from).days
    if not 0 <= valid_from <= MAX_DAY:
        raise ValueError(f"a badge must become valid between {EPOCH} and {_day(MAX_DAY)}, not {claims.valid_from}")
    if not 0 <= valid_days <= MAX_VALID_DAYS:
        raise ValueError(f"a badge is valid for 1 to {MAX_VALID_DAYS + 1} days, not {valid_days + 1}")
    return b"".join(
        (
            bytes.fromhex(key_id),
            bytes.fromhex(claims.event_uid),
            _varint(claims.guest_id),
            _varint(claims.serial),
            valid_from.to_bytes(2, "big"),
            bytes([valid_days]),
            _pack_codes((claims.category, *claims.zones)),
        )
    )


def _parse(text: str) -> _Parsed:
    """The token's parts; _Malformed for anything `issue_token` cannot have produced."""
    if not text.startswith(TOKEN_PREFIX) or len(text) > MAX_TOKEN_LENGTH:
        raise _Malformed
    try:
        data = base45.decode(text[len(TOKEN_PREFIX) :])
    except ValueError as error:
        raise _Malformed from error
    payload, signature = data[:-SIGNATURE_BYTES], data[-SIGNATURE_BYTES:]
    reader = _Reader(payload)
    key_id = reader.take(KEY_ID_BYTES).hex()
    event_uid = reader.take(EVENT_UID_BYTES).hex()
    guest_id = reader.varint(MAX_GUEST_ID)
    serial = reader.varint(MAX_SERIAL)
    valid_from = _day(int.from_bytes(reader.take(2), "big"))
    valid_until = valid_from + timedelta(days=reader.take(1)[0])
    category, *zones = _unpack_codes(reader.rest())
    claims = BadgeClaims(event_uid, guest_id, serial, category, tuple(zones), valid_from, valid_until)
    return _Parsed(key_id, claims, _PREFIX_BYTES + payload, signature)


class _Reader:
    """Reads a payload front to back; running past its end is _Malformed, not an IndexError."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._offset = 0

    def take(self, count: int) -> bytes:
        end = self._offset + count
        if end > len(self._data):
            raise _Malformed
        chunk = self._data[self._offset : end]
        self._offset = end
        return chunk

    def varint(self, highest: int) -> int:
        """An unsigned LEB128 number from 1 to `highest`, in its one shortest encoding."""
        value = shift = 0
        while True:
            byte = self.take(1)[0]
            value |= (byte & 0x7F) << shift
            shift += 7
            if value > highest:
                raise _Malformed
            if not byte & 0x80:
                break
        if value == 0 or (byte == 0 and shift > 7):
            raise _Malformed
        return value

    def rest(self) -> bytes:
        return self.take(len(self._data) - self._offset)


def _varint(value: int) -> bytes:
    """Unsigned LEB128: 7 bits a byte, least significant first, high bit set on all but the last."""
    output = bytearray()
    while value > 0x7F:
        output.append(value & 0x7F | 0x80)
        value >>= 7
    output.append(value)
    return bytes(output)


def _pack_codes(codes: tuple[str, ...]) -> bytes:
    """The category and zone codes, joined by symbol 0 and padded with it, 3 symbols to 2 bytes."""
    for code in codes:
        if not isinstance(code, str) or not _CODE.fullmatch(code):
            raise ValueError(f"code {code!r} is not 1 to {MAX_CODE_LENGTH} characters of A-Z 0-9 - _")
    symbols = [CODE_SYMBOLS.index(character) for character in " ".join(codes)]
    symbols += [0] * (-len(symbols) % 3)
    return b"".join(
        ((a * CODE_RADIX + b) * CODE_RADIX + c).to_bytes(2, "big")
        for a, b, c in zip(symbols[::3], symbols[1::3], symbols[2::3], strict=True)
    )


def _unpack_codes(data: bytes) -> list[str]:
    if len(data) % 2:
        raise _Malformed
    symbols: list[int] = []
    for start in range(0, len(data), 2):
        word = int.from_bytes(data[start : start + 2], "big")
        if word >= CODE_RADIX**3:
            raise _Malformed
        symbols += (word // CODE_RADIX**2, word // CODE_RADIX % CODE_RADIX, word % CODE_RADIX)
    if any(symbol >= len(CODE_SYMBOLS) for symbol in symbols):
        raise _Malformed
    text = "".join(CODE_SYMBOLS[symbol] for symbol in symbols)
    joined = text.rstrip(" ")
    if len(text) - len(joined) >= 3:  # padding is only ever the 0 to 2 symbols that complete a group
        raise _Malformed
    codes = joined.split(" ")
    if not all(_CODE.fullmatch(code) for code in codes):  # also refuses an empty code (no category)
        raise _Malformed
    zones = codes[1:]
    if any(earlier >= later for earlier, later in pairwise(zones)):  # reordered or repeated
        raise _Malformed
    return codes


def _day(number: int) -> date:
    return EPOCH + timedelta(days=number)


def _check_range(value: int, lowest: int, highest: int, what: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not lowest <= value <= highest:
        raise ValueError(f"{what} must be a whole number from {lowest} to {highest}, not {value!r}")


def _check_hex(value: str, size: int, what: str) -> None:
    if not isinstance(value, str) or not re.fullmatch(f"[0-9a-f]{{{2 * size}}}", value):
        raise ValueError(f"{what} must be {2 * size} lowercase hexadecimal digits, not {value!r}")
