"""What the front desk does, without widgets: find, resolve scans, check in, undo, print, walk-ins, edits.

The view asks and lays out; the controller calls the core and answers with `GuestDetails` to show
and `Notice`s to read.  Every write emits `guest_changed` (the card, the counts and the guest list
follow it) and says what happened through `notice` — a print finishes later, in the background,
so signals are the one way results come back.  Everything the desk tells the operator is worded
here, so a refusal reads the same on the card, in a notice and after a scan.
"""

import tempfile
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from accreditor import checkin, schema
from accreditor import guests as guest_store
from accreditor.badges import printing as badge_printing
from accreditor.badges.batch import render_guest_badge
from accreditor.badges.layout import load_layout
from accreditor.categories import Category, list_categories, list_zones
from accreditor.cli.common import default_user
from accreditor.errors import AccreditorError
from accreditor.guests import Guest, GuestFields
from accreditor.scanning import resolve_scan
from accreditor.search import SearchIndex
from accreditor.store import EventStore
from accreditor.tokens import Verdict
from ui import jobs, messages, printing
from ui.guest_table_model import format_moment, index_entries
from ui.settings import StationSettings

MIN_QUERY_LENGTH = 2
MAX_RESULTS = 50
_MAX_CODE_SHOWN = 40  # a scanned code longer than this is cut in messages


class Tone(StrEnum):
    """How a message should look and sound: green, orange, red, or plain."""

    OK = "ok"
    WARNING = "warning"
    ERROR = "error"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Notice:
    tone: Tone
    text: str


@dataclass(frozen=True, slots=True)
class Standing:
    """Whether the desk may admit a guest: a one-word status, the organiser's reason, who to turn to."""

    tone: Tone
    label: str  # "Approved", "Pending approval", "Rejected", "Revoked"
    reason: str = ""
    advice: str = ""

    @property
    def admissible(self) -> bool:
        return self.tone is Tone.OK

    def explanation(self) -> str:
        """The reason and the advice: "Badge reported lost — do not admit; call the security supervisor"."""
        return " — ".join(part for part in (self.reason, self.advice) if part)

    def sentence(self) -> str:
        """Everything in one line: "Revoked: Badge reported lost — do not admit; call the security supervisor"."""
        headline = f"{self.label}: {self.reason}" if self.reason else self.label
        return f"{headline} — {self.advice}" if self.advice else headline


PENDING_ADVICE = "ask the accreditation office (organiser)"
REJECTED_ADVICE = "do not admit; send the guest to the accreditation office"
REVOKED_ADVICE = "do not admit; call the security supervisor"


def standing(guest: Guest) -> Standing:
    """Only approved guests pass the desk; anyone else is told why and who decides."""
    reason = guest.status_reason
    match guest.status:
        case "approved":
            return Standing(Tone.OK, "Approved")
        case "pending":
            return Standing(Tone.WARNING, "Pending approval", reason, PENDING_ADVICE)
        case "rejected":
            return Standing(Tone.ERROR, "Rejected", reason, REJECTED_ADVICE)
        case "revoked":
            return Standing(Tone.ERROR, "Revoked", reason, REVOKED_ADVICE)
    return Standing(Tone.ERROR, guest.status.capitalize(), reason, PENDING_ADVICE)


def refusal(standing: Standing) -> str:
    """What the desk says when asked to check in someone it must not: short, the card has the rest."""
    return f"Cannot check in — {standing.label.lower()}: {standing.advice}"


def check_in_text(at: datetime, station: str, user: str) -> str:
    """ "09:14 at Desk 2 by anna": when (local time), where and by whom."""
    where = f" at {station}" if station else ""
    who = f" by {user}" if user else ""
    return f"{format_moment(at)}{where}{who}"


def badge_text(guest: Guest) -> str:
    if guest.badge_serial is None:
        return "not printed yet"
    when = f"printed {format_moment(guest.badge_printed_at)}, " if guest.badge_printed_at else ""
    return f"{when}serial {guest.badge_serial}"


def display_name(guest: Guest) -> str:
    """The name the operator reads aloud: Latin when the written name is in another script."""
    return guest.name_latin or guest.full_name


# What a refused badge token means, in the words an operator can act on.
TOKEN_REFUSALS = {
    "malformed": "Unreadable or forged code",
    "bad_signature": "Forged badge (bad signature)",
    "unknown_key": "Badge of another event (signed with a key this event does not know)",
    "wrong_event": "Badge of another event",
    "expired": "Badge expired",
    "not_yet_valid": "Badge not valid yet",
    "revoked": "Badge revoked",
    "superseded": "Old badge — a newer one was printed",
    "not_approved": "Guest not approved",
}


def token_refusal(verdict: Verdict, guest: Guest | None) -> str:
    """Why a scanned badge admits nobody, with who it names when the signature proved it."""
    words = TOKEN_REFUSALS.get(verdict.reason, f"Badge refused ({verdict.reason})")
    claims = verdict.claims
    if claims is not None and verdict.reason == "expired":
        words += f" (valid until {claims.valid_until:%d %b %Y})"
    elif claims is not None and verdict.reason == "not_yet_valid":
        words += f" (valid from {claims.valid_from:%d %b %Y})"
    elif claims is not None and verdict.reason == "superseded" and guest is not None:
        words += f" (this is serial {claims.serial}, the valid one is {guest.badge_serial})"
    refused = f"{words} — nobody was checked in."
    if guest is not None and verdict.reason in {"revoked", "not_approved"}:
        explanation = standing(guest).explanation()
        refused += f" {explanation[:1].upper()}{explanation[1:]}."
    return refused


def shorten(code: str) -> str:
    return code if len(code) <= _MAX_CODE_SHOWN else f"{code[: _MAX_CODE_SHOWN - 1]}…"


@dataclass(frozen=True, slots=True)
class GuestDetails:
    """Everything the guest card shows, read in one go."""

    guest: Guest
    category: Category | None
    zone_names: Mapping[str, str]
    photo: bytes | None

    @property
    def standing(self) -> Standing:
        return standing(self.guest)


@dataclass(frozen=True, slots=True)
class PrintResult:
    badge: badge_printing.PlannedBadge
    outcome: printing.PrintOutcome


def print_and_record(
    store: EventStore,
    guest_id: int,
    *,
    settings: StationSettings,
    user: str,
    reason: str = "",
    today: date | None = None,
) -> PrintResult:
    """Render one badge, hand it to the print system, and record it only if the job was accepted.

    Runs off the GUI thread.  A reprint needs `reason`; the core refuses it otherwise.  The print
    system is asked for the layout's own paper, so a card printer gets a card, not a letter page.
    """
    paper = load_layout(settings.layout).page_size
    with tempfile.TemporaryDirectory(prefix="accreditor-desk-") as folder:
        pdf = Path(folder) / f"badge-{guest_id}.pdf"
        badge = render_guest_badge(store, guest_id, out=pdf, layout=settings.layout, reprint_reason=reason, today=today)
        title = f"Badge {badge.guest.id}-{badge.serial} {display_name(badge.guest)}"
        outcome = printing.print_pdf(pdf, printer=settings.printer, title=title, media_mm=paper)
    if outcome.accepted:
        try:
            with store.begin() as connection:
                badge_printing.record_prints(
                    connection, [badge], actor=user, station=settings.station_name, reason=reason
                )
        except IntegrityError as error:
            raise AccreditorError(
                f"Badge {badge.serial} of {display_name(badge.guest)} was printed, but another desk printed it "
                "meanwhile; it is recorded once — check which badge the guest holds."
            ) from error
    return PrintResult(badge, outcome)


@dataclass(frozen=True, slots=True)
class _QueuedPrint:
    guest_id: int
    reason: str


class DeskController(QObject):
    """The desk of one station on one event; owns the search index of that event."""

    guest_changed = Signal(object)  # GuestDetails, after anything was written for that guest
    notice = Signal(object)  # Notice for the operator
    printing_changed = Signal()  # a print started or finished

    def __init__(
        self,
        store: EventStore,
        settings: StationSettings,
        *,
        user: str | None = None,
        today: Callable[[], date] = date.today,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._settings = settings
        self.user = user or default_user()
        self._today = today
        self._index = SearchIndex()  # built by `reload`, kept current by `_written` after the desk's writes
        self._categories: dict[str, Category] = {}
        self._zone_names: dict[str, str] = {}
        self._printing: set[int] = set()  # guests whose badge is queued or printing
        self._queue: deque[_QueuedPrint] = deque()
        self._current: _QueuedPrint | None = None
        self.reload()

    # -- the event and the station ---------------------------------------------------------------

    @property
    def store(self) -> EventStore:
        return self._store

    def set_store(self, store: EventStore) -> None:
        """Desk another event; a print already running finishes (and records) in the event it was for."""
        self._store = store
        self._printing.clear()
        self._queue.clear()
        self.reload()

    @property
    def settings(self) -> StationSettings:
        return self._settings

    def set_settings(self, settings: StationSettings) -> None:
        self._settings = settings

    def reload(self) -> None:
        """Read categories and zones again and rebuild the search index (guests added at other desks).

        The index is built here, as the event opens, not at the operator's first keystroke: over
        100,000 guests that takes most of a second.
        """
        with self._store.connect() as connection:
            self._categories = {category.code: category for category in list_categories(connection)}
            self._zone_names = {zone.code: zone.name for zone in list_zones(connection)}
            self._index = SearchIndex.from_connection(connection)

    def categories(self) -> list[Category]:
        return list(self._categories.values())

    def counts(self) -> tuple[int, int]:
        """(checked in, expected): everyone checked in, and every approved guest."""
        table = schema.guests
        with self._store.connect() as connection:
            checked_in = connection.execute(
                select(func.count()).select_from(table).where(table.c.checked_in_at.is_not(None))
            ).scalar_one()
            expected = connection.execute(
                select(func.count()).select_from(table).where(table.c.status == "approved")
            ).scalar_one()
        return checked_in, expected

    # -- finding ---------------------------------------------------------------------------------

    def find(self, query: str, limit: int = MAX_RESULTS) -> list[Guest]:
        """The best matches for what the operator typed (nothing below two characters: too many)."""
        text = query.strip()
        if len(text) < MIN_QUERY_LENGTH:
            return []
        ids = self._index.search(text, limit=limit)
        if not ids:
            return []
        with self._store.connect() as connection:
            return guest_store.list_guests(connection, ids=ids)

    def details(self, guest_id: int) -> GuestDetails:
        with self._store.connect() as connection:
            guest = guest_store.get_guest(connection, guest_id)
            photo = guest_store.photo(connection, guest_id) if guest.has_photo else None
        return GuestDetails(guest, self._categories.get(guest.fields.category), self._zone_names, photo)

    def scan(self, raw: str) -> GuestDetails | None:
        """Act on a scanned code: a valid badge checks its guest in at once; anything else only shows.

        Returns the guest to show (also for a refused badge whose signature names them), or None.
        """
        with self._store.connect() as connection:
            result = resolve_scan(connection, raw, today=self._today())
        code = shorten(result.code)
        if result.kind == "token" and result.verdict is not None:
            if result.verdict.valid and result.guest_id is not None:
                return self.check_in(result.guest_id, by_scan=True)
            details = self._details_if_any(result.guest_id if result.verdict.claims else None)
            self._tell(Tone.ERROR, token_refusal(result.verdict, details.guest if details else None))
            return details
        if result.kind == "guest" and result.guest_id is not None:
            details = self.details(result.guest_id)
            self._tell(Tone.INFO, f"Found by code {code}: {display_name(details.guest)}")
            return details
        self._tell(Tone.ERROR, f"Unknown code: {code}" if code else "Unknown code (the scan was empty)")
        return None

    def _details_if_any(self, guest_id: int | None) -> GuestDetails | None:
        if guest_id is None:
            return None
        try:
            return self.details(guest_id)
        except AccreditorError:  # a badge of a guest this event no longer has
            return None

    # -- checking in -----------------------------------------------------------------------------

    def check_in(self, guest_id: int, *, by_scan: bool = False, auto_print: bool | None = None) -> GuestDetails | None:
        """Check the guest in (committed before anything is shown), then print a first badge if
        `auto_print` (default: the station's setting).  None when the guest no longer exists."""
        try:
            with self._store.begin() as connection:
                result = checkin.check_in(connection, guest_id, station=self._settings.station_name, user=self.user)
        except AccreditorError as error:
            details = self._details_if_any(guest_id)
            if details is None:  # the guest is gone
                self._tell(Tone.ERROR, str(error))
                return None
            self.guest_changed.emit(details)  # another desk may have changed the status meanwhile
            self._tell(details.standing.tone, f"Not checked in. {details.standing.sentence()}")
            return details
        details = self.details(guest_id)
        self.guest_changed.emit(details)
        if not result.newly_checked_in:
            self._tell(Tone.WARNING, f"Already checked in at {check_in_text(result.at, result.station, result.user)}")
            return details
        how = "Checked in by scan" if by_scan else "Checked in"
        self._tell(Tone.OK, f"{how}: {display_name(details.guest)}")
        wanted = self._settings.auto_print if auto_print is None else auto_print
        if wanted and details.guest.badge_serial is None:
            self.print_badge(guest_id)
        return details

    def undo_check_in(self, guest_id: int, reason: str) -> GuestDetails | None:
        try:
            with self._store.begin() as connection:
                checkin.undo_check_in(connection, guest_id, user=self.user, reason=reason)
        except AccreditorError as error:
            self._tell(Tone.ERROR, str(error))
            return None
        details = self.details(guest_id)
        self.guest_changed.emit(details)
        self._tell(Tone.INFO, f"Check-in of {display_name(details.guest)} undone ({reason.strip()})")
        return details

    # -- printing --------------------------------------------------------------------------------

    @staticmethod
    def needs_reprint_reason(guest: Guest) -> bool:
        """A printed badge is only replaced for a reason, and the new serial voids the old badge."""
        return guest.badge_serial is not None

    def is_printing(self, guest_id: int) -> bool:
        """Queued or being printed."""
        return guest_id in self._printing

    def print_badge(self, guest_id: int, *, reason: str = "") -> bool:
        """Print in the background, after the badges asked for before; False if this one is already on its way.

        One print at a time, in the order asked: badges come out of the printer in the order the
        guests stand at the desk.
        """
        if guest_id in self._printing:
            self._tell(Tone.WARNING, "This badge is already being printed.")
            return False
        self._printing.add(guest_id)
        self._queue.append(_QueuedPrint(guest_id, reason))
        self.printing_changed.emit()
        waiting = len(self._queue) - 1 + (self._current is not None)
        self._tell(Tone.INFO, f"Printing the badge… ({waiting} before it)" if waiting else "Printing the badge…")
        if self._current is None:
            self._print_next()
        return True

    def _print_next(self) -> None:
        if not self._queue:
            return
        queued = self._current = self._queue.popleft()
        store, settings, user, today = self._store, self._settings, self.user, self._today()

        def work(_context: jobs.JobContext) -> PrintResult:
            return print_and_record(
                store, queued.guest_id, settings=settings, user=user, reason=queued.reason, today=today
            )

        jobs.run_in_background(
            self,
            work,
            success=lambda result: self._printed(store, queued, result),
            failure=lambda error: self._print_failed(store, queued, error),
            label="Printing a badge",
        )

    def _printed(self, store: EventStore, queued: _QueuedPrint, result: PrintResult) -> None:
        name = display_name(result.badge.guest)
        if result.outcome.accepted:
            job = f", job {result.outcome.job_id}" if result.outcome.job_id else ""
            self._tell(Tone.OK, f"Badge of {name} sent to the printer (serial {result.badge.serial}{job})")
        else:
            self._tell(
                Tone.ERROR,
                f"Badge of {name} NOT printed: {result.outcome.message or 'the printer refused the job'} "
                "— nothing was recorded.",
            )
        self._finish_print(store, queued)

    def _print_failed(self, store: EventStore, queued: _QueuedPrint, error: BaseException) -> None:
        title, text, details = messages.describe(error)
        if details:  # a bug, not a refusal: its traceback goes to the one error dialog
            messages.show_error(None, title, text, details=details)
        self._tell(Tone.ERROR, f"Badge not printed: {text} Nothing was recorded.")
        self._finish_print(store, queued)

    def _finish_print(self, store: EventStore, queued: _QueuedPrint) -> None:
        self._current = None
        if store is self._store:  # else another event was opened meanwhile, and its desk knows nothing of this
            self._printing.discard(queued.guest_id)
            self.printing_changed.emit()
            details = self._details_if_any(queued.guest_id)
            if details is not None:
                self.guest_changed.emit(details)
        self._print_next()

    # -- walk-ins and edits ----------------------------------------------------------------------

    def add_walk_in(self, fields: GuestFields) -> GuestDetails | None:
        """Register someone who is not on the list; they wait, pending, for an organiser's approval."""
        try:
            with self._store.begin() as connection:
                (guest_id,) = guest_store.add_guests(connection, [fields], self.user, source="walk-in")
        except AccreditorError as error:
            self._tell(Tone.ERROR, f"Walk-in not registered: {error}")
            return None
        details = self._written(guest_id)
        name = display_name(details.guest)
        self._tell(Tone.WARNING, f"Walk-in {name} registered — pending until an organiser approves")
        return details

    def edit_guest(self, guest_id: int, fields: GuestFields) -> GuestDetails | None:
        try:
            with self._store.begin() as connection:
                changed = guest_store.update_guest(connection, guest_id, fields, self.user, source="desk")
        except AccreditorError as error:
            self._tell(Tone.ERROR, f"Not saved: {error}")
            return None
        details = self._written(guest_id)
        what = ", ".join(name.replace("_", " ") for name in changed)
        self._tell(Tone.INFO, f"Saved: {what}" if changed else "Nothing changed")
        return details

    def _written(self, guest_id: int) -> GuestDetails:
        details = self.details(guest_id)
        for entry in index_entries([details.guest]):
            self._index.upsert(entry)
        self.guest_changed.emit(details)
        return details

    def _tell(self, tone: Tone, text: str) -> None:
        self.notice.emit(Notice(tone, text))
