"""What a scanned code means: a badge token, a registration reference or passport, or nothing known.

Keyboard-wedge scanners type what they read and press Enter; some add a symbology prefix such as
`]Q1` (AIM identifier) or a trailing tab.  `clean_scan` removes that noise; `resolve_scan` finds
what the code refers to in the event.
"""

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, func, select

from accreditor import schema
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
    code = clean_scan(raw)
    if not code or len(code) > MAX_SCAN_LENGTH:
        return ScanResult("unknown", code[:MAX_SCAN_LENGTH])
    if code.startswith(TOKEN_PREFIX):
        verdict = EventVerifier(connection).verify(code, today=today)
        guest_id = verdict.claims.guest_id if verdict.claims else None
        return ScanResult("token", code, guest_id, verdict)
    guest_id = _guest_by_code(connection, code)
    return ScanResult("guest", code, guest_id) if guest_id is not None else ScanResult("unknown", code)


def _guest_by_code(connection: Connection, code: str) -> int | None:
    """A guest whose registration reference or passport number is exactly this code (any case)."""
    guests = schema.guests
    folded = code.casefold()
    passport = code.replace(" ", "").upper()
    for condition in (func.lower(guests.c.external_ref) == folded, guests.c.passport_no == passport):
        found = connection.execute(select(guests.c.id).where(condition).order_by(guests.c.id).limit(2)).scalars()
        ids = list(found)
        if len(ids) == 1:
            return ids[0]
    return None
