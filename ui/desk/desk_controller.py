"""The front desk without widgets: it asks the core's desk and issuing services and reports what they answered.

The rules — who may be checked in or get a badge, how a refusal is worded, render → print → record — are the
core's (`accreditor.services.desk`, `accreditor.services.issuing`, the vocabulary).  This controller runs every
service call that reads or writes the database off the UI thread (`ui.jobs`), and answers with signals:
`guest_changed` after anything was written for a guest (the card, the counts and the guest list follow it),
`changes_made` with the core's `Changes` for the app's one refresh signal, and `notice` for the operator.
Finding reads the event session's memory, so it stays on the UI thread and never touches the database.

The methods that start background work also return their result when it is already there — always in tests,
which run jobs synchronously — and otherwise None; the view passes `then` callbacks instead.
"""

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal

from accreditor.acting_user import default_user
from accreditor.categories import Category
from accreditor.changes import NOTHING, Changes, Topic
from accreditor.guests import Guest, GuestFields
from accreditor.print_sinks import PrintOutcome
from accreditor.services.desk import (
    MAX_RESULTS,
    MIN_QUERY_LENGTH,
    DeskService,
    GuestDetails,
    Standing,
    display_name,
    refusal,
    shorten,
    standing,
    token_refusal,
)
from accreditor.session import EventSession
from accreditor.store import EventStore
from accreditor.vocabulary import CheckInResult, Tone
from ui import jobs, messages, printing
from ui.guest_table_model import format_moment
from ui.settings import StationSettings
from ui.unlock_dialog import ensure_unlocked

if TYPE_CHECKING:  # badge rendering is imported with the first print, not before the desk can show
    from accreditor.services.issuing import Issued

__all__ = [
    "MAX_RESULTS",
    "MIN_QUERY_LENGTH",
    "DeskController",
    "GuestDetails",
    "Notice",
    "Standing",
    "Tone",
    "badge_text",
    "check_in_text",
    "display_name",
    "refusal",
    "standing",
]

T = TypeVar("T")
Then = Callable[[GuestDetails | None], None]


@dataclass(frozen=True, slots=True)
class Notice:
    tone: Tone
    text: str


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


@dataclass(frozen=True, slots=True)
class _Answer:
    """What a background desk operation found: the notices to give, the guest to show, what it changed."""

    notices: tuple[Notice, ...] = ()
    details: GuestDetails | None = None
    changes: Changes = NOTHING
    refresh: bool = False  # the card and the lists must show `details` anew (something was written, or may be)
    print_first_badge: bool = False


@dataclass(frozen=True, slots=True)
class _QueuedPrint:
    guest_id: int
    reason: str


@dataclass(frozen=True, slots=True)
class _Printed:
    issued: "Issued"
    details: GuestDetails | None


class DeskController(QObject):
    """The desk of one station on one event; shares the event's session (or opens its own)."""

    guest_changed = Signal(object)  # GuestDetails, after anything was written for that guest
    changes_made = Signal(object)  # Changes: what a desk operation wrote, for every view that shows it
    notice = Signal(object)  # Notice for the operator
    printing_changed = Signal()  # a print started or finished
    loaded = Signal()  # the event's guests are in memory: finding works

    def __init__(
        self,
        store: EventStore,
        settings: StationSettings,
        *,
        user: str | None = None,
        today: Callable[[], date] = date.today,
        session: EventSession | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self.user = user or default_user()
        self._today = today
        self._printing: set[int] = set()  # guests whose badge is queued or printing
        self._queue: deque[_QueuedPrint] = deque()
        self._current: _QueuedPrint | None = None
        self._open(store, session)

    # -- the event and the station ---------------------------------------------------------------

    def _open(self, store: EventStore, session: EventSession | None) -> None:
        """Desk `store`; with the app's shared `session` its owner loads it (and calls `session_ready`), else
        the desk opens one of its own in the background."""
        self._store = store
        self._shared = session
        self._desk = DeskService(
            store, station=self._settings.station_name, user=self.user, today=self._today, session=session
        )
        self._own_ready = False
        if session is None:
            self.reload()

    @property
    def store(self) -> EventStore:
        return self._store

    @property
    def service(self) -> DeskService:
        return self._desk

    def set_store(self, store: EventStore, session: EventSession | None = None) -> None:
        """Desk another event; a print already running finishes (and records) in the event it was for."""
        self._printing.clear()
        self._queue.clear()
        self._open(store, session)

    @property
    def settings(self) -> StationSettings:
        return self._settings

    def set_settings(self, settings: StationSettings) -> None:
        self._settings = settings
        self._desk.station = settings.station_name

    @property
    def ready(self) -> bool:
        """Whether the event's guests are loaded and indexed (finding before that finds nobody)."""
        if self._shared is not None:
            return self._shared.is_loaded and self._shared.is_indexed
        return self._own_ready

    def session_ready(self) -> None:
        """The shared session's owner says its guests are loaded and indexed: what was typed can be found."""
        self.loaded.emit()

    def reload(self) -> None:
        """Read every guest, category and zone again, in the background (guests added at other desks).

        A shared session is its owner's to reload: the desk reads it as it is."""
        if self._shared is not None:
            return
        desk = self._desk

        def loaded(_nothing: None) -> None:
            if desk is self._desk:
                self._own_ready = True
                self.loaded.emit()

        jobs.run_in_background(
            self, lambda _context: desk.reload(), success=loaded, failure=self._failed, label="Opening the event"
        )

    def categories(self) -> list[Category]:
        return self._desk.session.categories() if self.ready else []

    def counts(self) -> tuple[int, int]:
        """(checked in, expected): everyone checked in, and every approved guest; from memory."""
        return self._desk.counts() if self.ready else (0, 0)

    # -- finding ---------------------------------------------------------------------------------

    def find(self, query: str, limit: int = MAX_RESULTS) -> list[Guest]:
        """The best matches for what the operator typed; memory only, nothing before the event is loaded."""
        return self._desk.find(query, limit) if self.ready else []

    def details(self, guest_id: int) -> GuestDetails:
        """The card of a guest, read now (the photo comes from the database): for background work and tests."""
        return self._desk.details(guest_id)

    def fetch_details(self, guest_id: int, then: Callable[[GuestDetails], None]) -> GuestDetails | None:
        """Read a guest's card in the background and hand it to `then` on the UI thread."""
        desk = self._desk
        return self._run(lambda: desk.details(guest_id), then, label="Reading the guest")

    # -- running the services --------------------------------------------------------------------

    def _run(self, work: Callable[[], T], then: Callable[[T], None], *, label: str) -> T | None:
        """`work` off the UI thread, `then(result)` on it; the result itself when the job is already over."""
        done: list[T] = []

        def success(result: T) -> None:
            done.append(result)
            then(result)

        jobs.run_in_background(self, lambda _context: work(), success=success, failure=self._failed, label=label)
        return done[0] if done else None

    def _answered(self, answer: _Answer, then: Then | None = None) -> GuestDetails | None:
        if answer.details is not None and answer.refresh:
            self.guest_changed.emit(answer.details)
        if answer.changes:
            self.changes_made.emit(answer.changes)
        for notice in answer.notices:
            self.notice.emit(notice)
        if answer.print_first_badge and answer.details is not None:
            self.print_badge(answer.details.guest.id)
        if then is not None:
            then(answer.details)
        return answer.details

    def _ask(
        self, work: Callable[[], _Answer], *, label: str, then: Then | None = None, failed: str = ""
    ) -> GuestDetails | None:
        """Run a desk operation in the background; a refusal is told as `failed` + the core's sentence."""
        done: list[_Answer] = []

        def success(answer: _Answer) -> None:
            done.append(answer)
            self._answered(answer, then)

        jobs.run_in_background(
            self,
            lambda _context: work(),
            success=success,
            failure=lambda error: self._failed(error, failed),
            label=label,
        )
        return done[0].details if done else None

    def _failed(self, error: BaseException, prefix: str = "") -> None:
        title, text, details = messages.describe(error)
        if details:  # a bug, not a refusal: its traceback goes to the one error dialog
            messages.show_error(None, title, text, details=details)
        self._tell(Tone.ERROR, f"{prefix}{text}")

    # -- checking in -----------------------------------------------------------------------------

    def scan(self, raw: str, *, then: Then | None = None) -> GuestDetails | None:
        """Act on a scanned code: a valid badge checks its guest in at once; anything else only shows.

        The guest to show (also for a refused badge whose signature names them), or None, goes to `then`.
        """
        desk, wanted = self._desk, self._settings.auto_print

        def work() -> _Answer:
            result = desk.resolve(raw)
            code = shorten(result.code)
            if result.kind == "token" and result.verdict is not None:
                if result.verdict.valid and result.guest_id is not None:
                    return _check_in(desk, result.guest_id, by_scan=True, auto_print=wanted)
                known = result.guest_id if result.verdict.claims else None
                if known is not None:
                    desk.learn(known)  # the badge was refused on what the database says: show the same
                details = desk.details_if_any(known)
                text = token_refusal(result.verdict, details.guest if details else None)
                return _Answer((Notice(Tone.ERROR, text),), details)
            if result.kind == "guest" and result.guest_id is not None:
                details = desk.details(result.guest_id)
                return _Answer((Notice(Tone.INFO, f"Found by code {code}: {display_name(details.guest)}"),), details)
            unknown = f"Unknown code: {code}" if code else "Unknown code (the scan was empty)"
            return _Answer((Notice(Tone.ERROR, unknown),))

        return self._ask(work, label="Reading the scan", then=then)

    def check_in(
        self, guest_id: int, *, by_scan: bool = False, auto_print: bool | None = None, then: Then | None = None
    ) -> GuestDetails | None:
        """Check the guest in (committed before anything is shown), then print a first badge if `auto_print`
        (default: the station's setting).  The guest as now goes to `then`; None when they no longer exist."""
        desk = self._desk
        wanted = self._settings.auto_print if auto_print is None else auto_print
        return self._ask(
            lambda: _check_in(desk, guest_id, by_scan=by_scan, auto_print=wanted), label="Checking in", then=then
        )

    def undo_check_in(self, guest_id: int, reason: str) -> GuestDetails | None:
        desk = self._desk

        def work() -> _Answer:
            changes = desk.undo_check_in(guest_id, reason)
            details = desk.details(guest_id)
            text = f"Check-in of {display_name(details.guest)} undone ({reason.strip()})"
            return _Answer((Notice(Tone.INFO, text),), details, changes, refresh=True)

        return self._ask(work, label="Undoing the check-in")

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
        if not ensure_unlocked(None, self._desk.store):
            self._tell(Tone.WARNING, "The badge signing key is still locked; nothing was printed.")
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
        from accreditor.services.issuing import IssuingService  # noqa: PLC0415 - see the TYPE_CHECKING import

        desk, settings, today = self._desk, self._settings, self._today()
        issuing = IssuingService(desk.store, user=self.user, station=settings.station_name)

        def work(_context: jobs.JobContext) -> _Printed:
            sink = printing.StationSink(settings.printer)
            issued = issuing.issue_one(queued.guest_id, sink, layout=settings.layout, reason=queued.reason, today=today)
            desk.applied(issued.changes)
            return _Printed(issued, desk.details_if_any(queued.guest_id))

        jobs.run_in_background(
            self,
            work,
            success=lambda printed: self._printed(desk, queued, printed),
            failure=lambda error: self._print_failed(desk, queued, error),
            label="Printing a badge",
        )

    def _printed(self, desk: DeskService, queued: _QueuedPrint, printed: _Printed) -> None:
        badge, outcome = printed.issued.badge, printed.issued.outcome
        name = display_name(badge.guest)
        if outcome.accepted:
            job = f", job {outcome.job_id}" if outcome.job_id else ""
            self._tell(Tone.OK, f"Badge of {name} sent to the printer (serial {badge.serial}{job})")
            self.changes_made.emit(printed.issued.changes)
        else:
            self._tell(Tone.ERROR, f"Badge of {name} NOT printed: {_refused_words(outcome)} — nothing was recorded.")
        self._finish_print(desk, queued, printed.details)

    def _print_failed(self, desk: DeskService, queued: _QueuedPrint, error: BaseException) -> None:
        title, text, details = messages.describe(error)
        if details:  # a bug, not a refusal: its traceback goes to the one error dialog
            messages.show_error(None, title, text, details=details)
        self._tell(Tone.ERROR, f"Badge not printed: {text} Nothing was recorded.")
        self._finish_print(desk, queued, None)
        if desk is self._desk:  # the card shows the guest as now (another desk may have printed meanwhile)
            self.fetch_details(queued.guest_id, self.guest_changed.emit)

    def _finish_print(self, desk: DeskService, queued: _QueuedPrint, details: GuestDetails | None) -> None:
        self._current = None
        if desk is self._desk:  # else another event was opened meanwhile, and its desk knows nothing of this
            self._printing.discard(queued.guest_id)
            self.printing_changed.emit()
            if details is not None:
                self.guest_changed.emit(details)
        self._print_next()

    # -- walk-ins and edits ----------------------------------------------------------------------

    def add_walk_in(self, fields: GuestFields, *, then: Then | None = None) -> GuestDetails | None:
        """Register someone who is not on the list; they wait, pending, for an organiser's approval."""
        desk = self._desk

        def work() -> _Answer:
            details, changes = desk.add_walk_in(fields)
            name = display_name(details.guest)
            text = f"Walk-in {name} registered — pending until an organiser approves"
            return _Answer((Notice(Tone.WARNING, text),), details, changes, refresh=True)

        return self._ask(work, label="Registering a walk-in", then=then, failed="Walk-in not registered: ")

    def edit_guest(self, guest_id: int, fields: GuestFields) -> GuestDetails | None:
        desk = self._desk

        def work() -> _Answer:
            edited = desk.edit_guest(guest_id, fields)
            what = ", ".join(name.replace("_", " ") for name in edited.fields)
            text = f"Saved: {what}" if edited.fields else "Nothing changed"
            return _Answer((Notice(Tone.INFO, text),), edited.details, edited.changes, refresh=True)

        return self._ask(work, label="Saving the guest", failed="Not saved: ")

    def _tell(self, tone: Tone, text: str) -> None:
        self.notice.emit(Notice(tone, text))


def _check_in(desk: DeskService, guest_id: int, *, by_scan: bool, auto_print: bool) -> _Answer:
    """Check in, then read the guest as now; worded for the operator (runs off the UI thread)."""
    outcome = desk.check_in(guest_id)
    details = desk.details_if_any(guest_id)
    if details is None:  # the guest is gone
        return _Answer((Notice(Tone.ERROR, outcome.message),))
    # Refused or already in: the desk read the guest again (another station changed them); the views follow.
    learned = Changes.of(Topic.GUESTS, Topic.CHECK_INS, guests=[guest_id])
    if outcome.result is CheckInResult.REFUSED:  # another desk may have changed the status meanwhile
        notice = Notice(details.standing.tone, f"Not checked in. {details.standing.sentence()}")
        return _Answer((notice,), details, learned, refresh=True)
    if outcome.result is CheckInResult.ALREADY:
        when = check_in_text(outcome.at, outcome.station or "", outcome.user or "") if outcome.at else ""
        return _Answer((Notice(Tone.WARNING, f"Already checked in at {when}"),), details, learned, refresh=True)
    how = "Checked in by scan" if by_scan else "Checked in"
    notice = Notice(Tone.OK, f"{how}: {display_name(details.guest)}")
    first_badge = auto_print and details.guest.badge_serial is None
    return _Answer((notice,), details, outcome.changes, refresh=True, print_first_badge=first_badge)


def _refused_words(outcome: PrintOutcome) -> str:
    return outcome.message or "the printer refused the job"
