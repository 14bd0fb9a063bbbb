"""What a scanned code means: a badge token, a registration reference or passport, or nothing known.

Keyboard-wedge scanners type what they read and press Enter; some add a symbology prefix such as
`]Q1` (AIM identifier) or a trailing tab.  `clean_scan` removes that noise; `resolve_scan` finds
what the code refers to in the event.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, func, select

from accreditor import schema
from accreditor.guests import Guest
from accreditor.tokens import TOKEN_PREFIX, Verdict
from accreditor.verification import EventVerifier

# AIM symbology identifiers: "]" + a code letter + a modifier character (ISO/IEC 15424).
_SYMBOLOGY_PREFIX = re.compile(r"^\][A-Za-z][0-9A-Za-z]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
MAX_SCAN_LENGTH = 512  # a longer burst is not a code we issue; refuse before doing any work


@dataclass(frozen=True, slots=True)
class ScanResult:
    """`kind` is "token" (with its verdict), "guest" (found by reference or passport) or "unknown"."""

    kind: str
    code: str
    guest_id: int | None = None
    verdict: Verdict | None = None


def clean_scan(raw: str) -> str:
    """The code as the scanner read it, without symbology prefix, control characters or padding."""
    text = _CONTROL.sub("", raw).strip()
    return _SYMBOLOGY_PREFIX.sub("", text, count=1).strip()


def resolve_scan(connection: Connection, raw: str, *, today: date) -> ScanResult:
    """What a scanned code is, as the event database says."""
    verifier = EventVerifier(connection)
    return resolve_code(
        raw,
        verify=lambda code: verifier.verify(code, today=today),
        guest_by_code=lambda code: _guest_by_code(connection, code),
    )


def resolve_code(
    raw: str, *, verify: Callable[[str], Verdict], guest_by_code: Callable[[str], int | None]
) -> ScanResult:
    """What a scanned code is, from whatever knows the event: its database, or a desk's copy while the event
    server is out of reach (`verify` a badge token, `guest_by_code` a registration reference or passport)."""
    code = clean_scan(raw)
    if not code or len(code) > MAX_SCAN_LENGTH:
        return ScanResult("unknown", code[:MAX_SCAN_LENGTH])
    if code.startswith(TOKEN_PREFIX):
        verdict = verify(code)
        guest_id = verdict.claims.guest_id if verdict.claims else None
        return ScanResult("token", code, guest_id, verdict)
    guest_id = guest_by_code(code)
    return ScanResult("guest", code, guest_id) if guest_id is not None else ScanResult("unknown", code)


def reference_and_passport(code: str) -> tuple[str, str]:
    """A code as a registration reference (compared whatever the case) and as a passport number."""
    return code.casefold(), code.replace(" ", "").upper()


def guest_by_code_in(guests: Iterable[Guest], code: str) -> int | None:
    """`_guest_by_code` over guests held in memory: the one guest whose reference, else passport, is `code`."""
    reference, passport = reference_and_passport(code)
    listed = list(guests)
    for matches in (
        lambda guest: guest.fields.external_ref.casefold() == reference,
        lambda guest: guest.fields.passport_no == passport,
    ):
        ids = [guest.id for guest in listed if matches(guest)]
        if len(ids) == 1:
            return ids[0]
    return None


def _guest_by_code(connection: Connection, code: str) -> int | None:
    """A guest whose registration reference or passport number is exactly this code (any case)."""
    guests = schema.guests
    folded, passport = reference_and_passport(code)
    for condition in (func.lower(guests.c.external_ref) == folded, guests.c.passport_no == passport):
        found = connection.execute(select(guests.c.id).where(condition).order_by(guests.c.id).limit(2)).scalars()
        ids = list(found)
        if len(ids) == 1:
            return ids[0]
    return None
