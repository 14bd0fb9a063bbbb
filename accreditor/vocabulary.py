"""The one vocabulary of the event: statuses, verdicts and reasons, and what each is called.

Every code the core hands out — a guest's status, a gate's colour and reason, a token's verdict, a
check-in's result, a print's outcome — is a member of one of the enums below, and its words live in
one registry: a short `label`, a `tone` (ok, warning, error, info: the colour it is shown in) and a
`message`, a sentence that may name details (`{zone}`, `{printer}`…).  The CLI, the desk, the gate,
the organiser and the reports read their words here, keyed by the code, never by matching English
text; this is also the one place a translation will replace.  The enum values are the wire values
of `--json` and of the database, so they never change.
"""

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class Tone(StrEnum):
    """How a message looks and sounds: green, orange, red, or plain."""

    OK = "ok"
    WARNING = "warning"
    ERROR = "error"
    INFO = "info"


# The colour of each tone, the same on every screen of the event (text on them is white).
TONE_COLOURS: Mapping[Tone, str] = {
    Tone.OK: "#2E7D32",
    Tone.WARNING: "#EF6C00",
    Tone.ERROR: "#C62828",
    Tone.INFO: "#37474F",
}


class GuestStatus(StrEnum):
    """Where a guest's accreditation stands."""

    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    REVOKED = "revoked"


class GateColour(StrEnum):
    """A gate's verdict: let in, look twice, refuse."""

    GREEN = "green"
    ORANGE = "orange"
    RED = "red"


class GateReason(StrEnum):
    """Why a gate gave its verdict (the first orange reason that applies, or the red one)."""

    OK = "ok"
    OVERRIDE = "override"
    ALREADY_INSIDE = "already_inside"
    ESCORT_REQUIRED = "escort_required"
    NO_PHOTO = "no_photo"
    MALFORMED = "malformed"
    BAD_SIGNATURE = "bad_signature"
    UNKNOWN_KEY = "unknown_key"
    WRONG_EVENT = "wrong_event"
    REVOKED = "revoked"
    SUPERSEDED = "superseded"
    NOT_APPROVED = "not_approved"
    ZONE_NOT_ALLOWED = "zone_not_allowed"
    EXPIRED = "expired"
    NOT_YET_VALID = "not_yet_valid"
    NOT_CHECKED = "not_checked"  # shown when the gate could not decide or log a scan; never logged


class TokenReason(StrEnum):
    """A badge token's verdict, in the order docs/badge-token.md checks them."""

    OK = "ok"
    MALFORMED = "malformed"
    BAD_SIGNATURE = "bad_signature"
    UNKNOWN_KEY = "unknown_key"
    WRONG_EVENT = "wrong_event"
    EXPIRED = "expired"
    NOT_YET_VALID = "not_yet_valid"
    REVOKED = "revoked"
    SUPERSEDED = "superseded"
    NOT_APPROVED = "not_approved"


class CheckInResult(StrEnum):
    """What a check-in did: `accreditor check-in --json`'s "result"."""

    CHECKED_IN = "checked_in"
    ALREADY = "already"
    REFUSED = "refused"
    QUEUED = "queued"  # the event server was out of reach: kept at this desk, sent when it is back


class CheckInRefusal(StrEnum):
    """Why a check-in was refused, besides a refused badge token (then the reason is the `TokenReason`)."""

    UNKNOWN_GUEST = "unknown_guest"
    UNKNOWN_CODE = "unknown_code"
    PENDING = "pending"
    REJECTED = "rejected"
    REVOKED = "revoked"


class ScanRejection(StrEnum):
    """Why merge-scans left a line of a gate's log out of the event."""

    UNSIGNED = "unsigned"
    OTHER_EVENT = "other_event"
    UNKNOWN_STATION = "unknown_station"
    BAD_SIGNATURE = "bad_signature"
    STATION_REVOKED = "station_revoked"
    ALTERED = "altered"
    UNKNOWN_ZONE = "unknown_zone"
    UNKNOWN_GUEST = "unknown_guest"
    OUT_OF_DATES = "out_of_dates"


class PrintStatus(StrEnum):
    """What became of a document sent to a print sink."""

    ACCEPTED = "accepted"
    SAVED = "saved"
    NO_PRINTER = "no_printer"
    UNKNOWN_PRINTER = "unknown_printer"
    STOPPED = "stopped"
    REFUSED = "refused"
    NO_ANSWER = "no_answer"
    CANNOT_ASK = "cannot_ask"
    CANNOT_RUN = "cannot_run"
    TIMED_OUT = "timed_out"
    MISSING_FILE = "missing_file"
    NO_PAGES = "no_pages"
    CANNOT_OPEN = "cannot_open"
    CANNOT_SAVE = "cannot_save"


@dataclass(frozen=True, slots=True)
class Term:
    """The words for one code: a short label, a tone, a sentence (with `{named}` details), its variants."""

    label: str
    tone: Tone
    message: str = ""
    headline: str = ""  # a longer label where there is room (the desk card); the label when empty
    variants: Mapping[str, str] = field(default_factory=dict)  # other sentences for the same code


_NOT_APPROVED_ADVICE = "ask the accreditation office (organiser)"
_NOT_ADMITTED = "Guest {guest} is {status}{why} and cannot be checked in."
_TERMS: dict[type[StrEnum], dict[str, Term]] = {
    GuestStatus: {
        GuestStatus.PENDING: Term("Pending", Tone.WARNING, _NOT_APPROVED_ADVICE, headline="Pending approval"),
        GuestStatus.APPROVED: Term("Approved", Tone.OK),
        GuestStatus.REJECTED: Term("Rejected", Tone.ERROR, "do not admit; send the guest to the accreditation office"),
        GuestStatus.REVOKED: Term("Revoked", Tone.ERROR, "do not admit; call the security supervisor"),
    },
    GateColour: {
        GateColour.GREEN: Term("ADMIT", Tone.OK),
        GateColour.ORANGE: Term("CHECK", Tone.WARNING),
        GateColour.RED: Term("STOP", Tone.ERROR),
    },
    GateReason: {
        GateReason.OK: Term("Valid for this zone", Tone.OK, "Valid for {zone}."),
        GateReason.OVERRIDE: Term(
            "Let through by the operator",
            Tone.WARNING,
            "Let through by the operator: {reason}. The badge was {was}: {message}",
        ),
        GateReason.ALREADY_INSIDE: Term(
            "Already inside",
            Tone.WARNING,
            "Already inside {zone} since {since}: check the badge is not being passed back.",
            variants={
                "at_gate": "Already inside {zone} since {since} at {gate}: check the badge is not being passed back."
            },
        ),
        GateReason.ESCORT_REQUIRED: Term("Escort required", Tone.WARNING, "{category}: must be escorted."),
        GateReason.NO_PHOTO: Term("No photo on file", Tone.WARNING, "No photo on file: check an identity document."),
        GateReason.MALFORMED: Term(
            "Not a badge code",
            Tone.ERROR,
            "Not an Accreditor badge code (unreadable, damaged or something else): check by hand.",
        ),
        GateReason.BAD_SIGNATURE: Term("FORGED badge", Tone.ERROR, "FORGED: the badge's signature is not valid."),
        GateReason.UNKNOWN_KEY: Term(
            "Unknown signing key",
            Tone.ERROR,
            "Signed with a key this event does not accept (forged, withdrawn key or another system).",
        ),
        GateReason.WRONG_EVENT: Term("Badge of another event", Tone.ERROR, "A badge of another event."),
        GateReason.REVOKED: Term("Accreditation REVOKED", Tone.ERROR, "Accreditation REVOKED: do not let in."),
        GateReason.SUPERSEDED: Term(
            "OLD badge (replaced)",
            Tone.ERROR,
            "OLD BADGE: serial {serial} was replaced by serial {current} (reprinted or reported lost): do not let in.",
        ),
        GateReason.NOT_APPROVED: Term("Not accredited", Tone.ERROR, "Not accredited: the guest is not approved."),
        GateReason.ZONE_NOT_ALLOWED: Term(
            "Not allowed in this zone",
            Tone.ERROR,
            "Not allowed in {zone}: the badge is for {zones}.",
            variants={"reprint": "Not allowed in {zone} with this badge (it shows {zones}); reprint it."},
        ),
        GateReason.EXPIRED: Term("Badge expired", Tone.ERROR, "Badge expired: it was valid until {until}."),
        GateReason.NOT_YET_VALID: Term("Badge not valid yet", Tone.ERROR, "Badge not valid yet: it opens on {since}."),
        GateReason.NOT_CHECKED: Term(
            "Scan NOT checked",
            Tone.ERROR,
            "The gate could not check or record this badge ({error}). Check it by hand and call the supervisor.",
        ),
    },
    # The desk's words for a refused badge: what an operator can act on.
    TokenReason: {
        TokenReason.OK: Term("Valid badge", Tone.OK),
        TokenReason.MALFORMED: Term("Unreadable or forged code", Tone.ERROR),
        TokenReason.BAD_SIGNATURE: Term("Forged badge (bad signature)", Tone.ERROR),
        TokenReason.UNKNOWN_KEY: Term(
            "Badge of another event (signed with a key this event does not know)", Tone.ERROR
        ),
        TokenReason.WRONG_EVENT: Term("Badge of another event", Tone.ERROR),
        TokenReason.EXPIRED: Term("Badge expired", Tone.ERROR, "Badge expired (valid until {until})"),
        TokenReason.NOT_YET_VALID: Term("Badge not valid yet", Tone.ERROR, "Badge not valid yet (valid from {since})"),
        TokenReason.REVOKED: Term("Badge revoked", Tone.ERROR),
        TokenReason.SUPERSEDED: Term(
            "Old badge — a newer one was printed",
            Tone.ERROR,
            "Old badge — a newer one was printed (this is serial {serial}, the valid one is {current})",
        ),
        TokenReason.NOT_APPROVED: Term("Guest not approved", Tone.ERROR),
    },
    CheckInResult: {
        CheckInResult.CHECKED_IN: Term("Checked in", Tone.OK, "Checked in: {name}"),
        CheckInResult.ALREADY: Term("Already checked in", Tone.WARNING, "Already checked in at {when}"),
        CheckInResult.REFUSED: Term("Not checked in", Tone.ERROR, "Not checked in. {why}"),
        CheckInResult.QUEUED: Term(
            "Check-in queued",
            Tone.WARNING,
            "Checked in at this desk: {name}. The event server cannot be reached; the check-in waits here "
            "and is sent when it is back.",
        ),
    },
    CheckInRefusal: {
        CheckInRefusal.UNKNOWN_GUEST: Term("Unknown guest", Tone.ERROR, "There is no guest with id {guest}."),
        CheckInRefusal.UNKNOWN_CODE: Term("Unknown code", Tone.ERROR, "Unknown code: {code}"),
        CheckInRefusal.PENDING: Term("Pending", Tone.WARNING, _NOT_ADMITTED),
        CheckInRefusal.REJECTED: Term("Rejected", Tone.ERROR, _NOT_ADMITTED),
        CheckInRefusal.REVOKED: Term("Revoked", Tone.ERROR, _NOT_ADMITTED),
    },
    PrintStatus: {
        PrintStatus.ACCEPTED: Term(
            "Sent to the printer", Tone.OK, "Sent to {printer} (job {job}).", variants={"no_job": "Sent to {printer}."}
        ),
        PrintStatus.SAVED: Term("Saved", Tone.OK, "Saved to {path}."),
        PrintStatus.NO_PRINTER: Term(
            "No printer", Tone.ERROR, "No printer is chosen and the system has no default printer."
        ),
        PrintStatus.UNKNOWN_PRINTER: Term("No such printer", Tone.ERROR, "There is no printer called {printer}."),
        PrintStatus.STOPPED: Term(
            "Printer stopped",
            Tone.ERROR,
            "The printer {printer} is stopped; start it again in the system's printer settings.",
        ),
        PrintStatus.REFUSED: Term("Refused", Tone.ERROR, "The printer {printer} refused the job: {why}."),
        PrintStatus.NO_ANSWER: Term(
            "Print system silent", Tone.ERROR, "The print system did not answer; check that CUPS is running."
        ),
        PrintStatus.CANNOT_ASK: Term(
            "Print system unreachable", Tone.ERROR, "The print system cannot be asked about {printer} ({why})."
        ),
        PrintStatus.CANNOT_RUN: Term("Cannot print", Tone.ERROR, "The print command could not run ({why})."),
        PrintStatus.TIMED_OUT: Term(
            "Printer silent", Tone.ERROR, "The printer {printer} did not take the job within {seconds} seconds."
        ),
        PrintStatus.MISSING_FILE: Term("File missing", Tone.ERROR, "The file to print, {file}, is missing."),
        PrintStatus.NO_PAGES: Term("Nothing to print", Tone.ERROR, "The file to print has no pages."),
        PrintStatus.CANNOT_OPEN: Term("Printer unavailable", Tone.ERROR, "The printer {printer} cannot be opened."),
        PrintStatus.CANNOT_SAVE: Term("Not saved", Tone.ERROR, "The badges could not be saved to {path} ({why})."),
    },
    ScanRejection: {
        ScanRejection.UNSIGNED: Term(
            "Unsigned",
            Tone.ERROR,
            "The line is not signed by a gate station: export the log again on the gate, with its package.",
        ),
        ScanRejection.OTHER_EVENT: Term(
            "Another event's", Tone.ERROR, "The line was written for event {event}, not this one: a replay."
        ),
        ScanRejection.UNKNOWN_STATION: Term(
            "Unknown station",
            Tone.ERROR,
            "The line is signed as gate station {station}, which this event does not have.",
        ),
        ScanRejection.BAD_SIGNATURE: Term(
            "FORGED line", Tone.ERROR, "FORGED or altered: the line's signature is not gate station {name}'s."
        ),
        ScanRejection.STATION_REVOKED: Term(
            "Station revoked",
            Tone.ERROR,
            "Gate station {name} was revoked on {since}; lines signed by it are no longer merged.",
        ),
        ScanRejection.ALTERED: Term(
            "Altered", Tone.ERROR, "The event holds scan {nonce} with other details: the line was altered."
        ),
        ScanRejection.UNKNOWN_ZONE: Term("Unknown zone", Tone.ERROR, "The event has no zone {zone}."),
        ScanRejection.UNKNOWN_GUEST: Term("Unknown guest", Tone.ERROR, "The event has no guest {guest}."),
        ScanRejection.OUT_OF_DATES: Term(
            "Out of dates",
            Tone.ERROR,
            "The scan is dated {day}, outside the event's days ({first} to {last}, give or take a day).",
            variants={"future": "The scan is dated {day}, after tomorrow."},
        ),
    },
}


def term(code: StrEnum) -> Term:
    """The words for a code of this vocabulary (KeyError for anything else: a missing entry is a bug)."""
    return _TERMS[type(code)][code]


def label(code: StrEnum) -> str:
    return term(code).label


def headline(code: StrEnum) -> str:
    found = term(code)
    return found.headline or found.label


def tone(code: StrEnum) -> Tone:
    return term(code).tone


LABEL = "label"  # the variant that is the code's short label, whatever sentences it has


def message(code: StrEnum, variant: str = "", /, **details: object) -> str:
    """The code's sentence (or one of its variants) with its details filled in; the label when it has none."""
    found = term(code)
    if variant == LABEL:
        return found.label
    template = found.variants[variant] if variant else found.message
    return template.format(**details) if template else found.label


@dataclass(frozen=True, slots=True)
class Phrase:
    """A sentence of the vocabulary not yet put into words: its code, variant and details.

    The core hands phrases along with its English text so that the app can say the same thing in its
    own language (translating the template by code, then filling in the details); `str()` is the English.
    A detail may be a date (written "5 December 2026"), a datetime (written "14:05"), or another phrase.
    """

    code: StrEnum
    variant: str = ""
    details: Mapping[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        return message(self.code, self.variant, **{name: _english(value) for name, value in self.details.items()})


def phrase(code: StrEnum, variant: str = "", /, **details: object) -> Phrase:
    return Phrase(code, variant, details)


def _english(value: object) -> str:
    if isinstance(value, tuple):
        return " ".join(str(item) for item in value)
    if isinstance(value, datetime):
        return f"{value.astimezone():%H:%M}"
    if isinstance(value, date):
        return f"{value.day} {value:%B %Y}"
    return str(value)


def placeholders(code: StrEnum, variant: str = "") -> set[str]:
    """The details a code's sentence names, so a caller (or a test) can tell what it must supply."""
    found = term(code)
    template = found.variants[variant] if variant else found.message
    return {name for _text, name, _spec, _conversion in string.Formatter().parse(template) if name}


def status_label(status: str) -> str:
    """A guest status as read ("Pending"), whatever string the database holds (an unknown one as it is)."""
    try:
        return label(GuestStatus(status))
    except ValueError:
        return status


VOCABULARIES: tuple[type[StrEnum], ...] = tuple(_TERMS)
