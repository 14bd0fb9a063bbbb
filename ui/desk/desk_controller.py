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

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

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
    explains_standing,
    refusal,
    shorten,
    standing,
    token_phrase,
)
from accreditor.services.desk_queue import QueueStatus
from accreditor.session import EventSession
from accreditor.store import EventStore
from accreditor.tokens import Verdict
from accreditor.vocabulary import CheckInResult, GuestStatus, Tone, phrase
from ui import i18n, jobs, messages, printing
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
# While check-ins wait and the app does not know the server to be away, sending is tried this often (the desk
# may have found it unreachable itself, before the app's watcher noticed anything).
QUEUE_RETRY_MS = 15_000
Then = Callable[[GuestDetails | None], None]


@dataclass(frozen=True, slots=True)
class Notice:
    tone: Tone
    text: str


def check_in_text(at: datetime, station: str, user: str) -> str:
    """ "09:14 at Desk 2 by anna": when (local time), where and by whom."""
    when = format_moment(at)
    if station and user:
        return QCoreApplication.translate("DeskController", "{when} at {station} by {user}").format(
            when=when, station=station, user=user
        )
    if station:
        return QCoreApplication.translate("DeskController", "{when} at {station}").format(when=when, station=station)
    if user:
        return QCoreApplication.translate("DeskController", "{when} by {user}").format(when=when, user=user)
    return when


def badge_text(guest: Guest) -> str:
    if guest.badge_serial is None:
        return QCoreApplication.translate("DeskController", "not printed yet")
    serial = i18n.number_text(guest.badge_serial)
    if guest.badge_printed_at:
        return QCoreApplication.translate("DeskController", "printed {when}, serial {serial}").format(
            when=format_moment(guest.badge_printed_at), serial=serial
        )
    return QCoreApplication.translate("DeskController", "serial {serial}").format(serial=serial)


def standing_label(found: Standing) -> str:
    """ "Pending approval", "Revoked"… in the app's language (a status this version does not know as it is)."""
    return i18n.headline(found.status) if found.status is not None else found.label


def standing_explanation(found: Standing) -> str:
    """The organiser's reason (as they wrote it) and who to turn to, in the app's language."""
    advice = i18n.say(phrase(found.status or GuestStatus.PENDING)) if found.advice else ""
    return " — ".join(part for part in (found.reason, advice) if part)


def standing_sentence(found: Standing) -> str:
    """ "Revoked: Badge reported lost — do not admit; call the security supervisor" in the app's language."""
    label = standing_label(found)
    headline = (
        QCoreApplication.translate("DeskController", "{status}: {reason}").format(status=label, reason=found.reason)
        if found.reason
        else label
    )
    advice = i18n.say(phrase(found.status or GuestStatus.PENDING)) if found.advice else ""
    return f"{headline} — {advice}" if advice else headline


def token_refusal_text(verdict: Verdict, guest: Guest | None) -> str:
    """Why a scanned badge admits nobody (the core's `token_refusal`, in the app's language)."""
    refused = QCoreApplication.translate("DeskController", "{why} — nobody was checked in.").format(
        why=i18n.say(token_phrase(verdict, guest))
    )
    if explains_standing(verdict, guest) and guest is not None:
        explanation = standing_explanation(standing(guest))
        refused += f" {explanation[:1].upper()}{explanation[1:]}."
    return refused


def print_outcome_text(outcome: PrintOutcome) -> str:
    """A print sink's answer in the app's language."""
    if outcome.phrase is not None:
        return i18n.say(outcome.phrase)
    return outcome.message or QCoreApplication.translate("DeskController", "the printer refused the job")


@dataclass(frozen=True, slots=True)
class _Answer:
    """What a background desk operation found: the notices to give, the guest to show, what it changed."""

    notices: tuple[Notice, ...] = ()
    details: GuestDetails | None = None
    changes: Changes = NOTHING
    refresh: bool = False  # the card and the lists must show `details` anew (something was written, or may be)
    print_first_badge: bool = False
    queue: QueueStatus | None = None  # the station's queue of check-ins, when this operation changed it


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
    queue_changed = Signal(object)  # QueueStatus: check-ins waiting for the event server, and conflicts

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
        self._server_away = False
        self._retry = QTimer(self)
        self._retry.setInterval(QUEUE_RETRY_MS)
        self._retry.timeout.connect(self._retry_sending)
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
        self.queue_status = QueueStatus()
        self._sending = False
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
        renamed = self._desk.station != settings.station_name
        self._desk.station = settings.station_name
        if renamed and self._desk.queue is not None:  # each station has its own queue
            self.open_queue()

    @property
    def ready(self) -> bool:
        """Whether the event's guests are loaded and indexed (finding before that finds nobody)."""
        if self._shared is not None:
            return self._shared.is_loaded and self._shared.is_indexed
        return self._own_ready

    def session_ready(self) -> None:
        """The shared session's owner says its guests are loaded and indexed: what was typed can be found."""
        self.loaded.emit()
        self.open_queue()

    # -- check-ins queued while the event server is away -----------------------------------------

    def open_queue(self) -> None:
        """Open this station's queue for an event on a server (in the background) and send what waits in it."""
        desk = self._desk
        if not desk.store.is_server:  # an event file on this computer does not go out of reach
            return
        if desk.queue is not None and desk.queue.station == desk.station:
            return

        def opened(status: QueueStatus) -> None:
            if desk is self._desk:
                self._show_queue(status)
                if status.waiting:
                    self.send_queue()

        self._run(desk.open_queue, opened, label="Opening this desk's check-in queue")

    def set_offline(self, offline: bool) -> None:
        """The app's word on the event server: away (check-ins are queued at once) or back (send them)."""
        self._server_away = offline
        self._desk.offline = offline
        if not offline:
            self.send_queue()

    def _retry_sending(self) -> None:
        if not self._server_away and self.queue_status.waiting:
            self.send_queue()

    def send_queue(self) -> None:
        """Send the waiting check-ins in the background; conflicts stay listed until acknowledged."""
        desk = self._desk
        if self._sending or desk.queue is None:
            return
        self._sending = True

        def work() -> _Answer:
            report = desk.send_queue()
            status = desk.queue_status()
            notices = [
                Notice(
                    Tone.ERROR,
                    QCoreApplication.translate("DeskController", "Queued check-in of {name} refused: {why}").format(
                        name=entry.guest_name, why=entry.message
                    ),
                )
                for entry in report.conflicts
            ]
            if report.sent and not report.conflicts:
                sent = QCoreApplication.translate(
                    "DeskController", "Queued check-ins sent to the event server: {count}"
                ).format(count=len(report.sent))
                notices.append(Notice(Tone.OK, sent))
            return _Answer(tuple(notices), changes=report.changes, queue=status)

        def done(answer: _Answer) -> None:
            self._sending = False
            if desk is self._desk:
                self._answered(answer)

        def failed(error: BaseException) -> None:
            self._sending = False
            self._failed(error, "Queued check-ins not sent: ")

        jobs.run_in_background(self, lambda _context: work(), success=done, failure=failed, label="Sending check-ins")

    def acknowledge_conflicts(self) -> None:
        """Staff have seen the refused queued check-ins: they leave the list (the queue file keeps them)."""
        desk, nonces = self._desk, [entry.nonce for entry in self.queue_status.conflicts]
        self._run(lambda: desk.acknowledge_conflicts(nonces), self._show_queue, label="Acknowledging conflicts")

    def _show_queue(self, status: QueueStatus) -> None:
        self.queue_status = status
        if status.waiting:
            self._retry.start()
        else:
            self._retry.stop()
        self.queue_changed.emit(status)

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
                self.open_queue()

        jobs.run_in_background(
            self,
            lambda _context: desk.reload(),
            success=loaded,
            failure=self._failed,
            label=self.tr("Opening the event"),
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
        return self._run(lambda: desk.details(guest_id), then, label=self.tr("Reading the guest"))

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
        if answer.queue is not None:
            self._show_queue(answer.queue)
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
                text = token_refusal_text(result.verdict, details.guest if details else None)
                return _Answer((Notice(Tone.ERROR, text),), details)
            if result.kind == "guest" and result.guest_id is not None:
                details = desk.details(result.guest_id)
                found = QCoreApplication.translate("DeskController", "Found by code {code}: {name}").format(
                    code=code, name=display_name(details.guest)
                )
                return _Answer((Notice(Tone.INFO, found),), details)
            unknown = (
                QCoreApplication.translate("DeskController", "Unknown code: {code}").format(code=code)
                if code
                else QCoreApplication.translate("DeskController", "Unknown code (the scan was empty)")
            )
            return _Answer((Notice(Tone.ERROR, unknown),))

        return self._ask(work, label=self.tr("Reading the scan"), then=then)

    def check_in(
        self, guest_id: int, *, by_scan: bool = False, auto_print: bool | None = None, then: Then | None = None
    ) -> GuestDetails | None:
        """Check the guest in (committed before anything is shown), then print a first badge if `auto_print`
        (default: the station's setting).  The guest as now goes to `then`; None when they no longer exist."""
        desk = self._desk
        wanted = self._settings.auto_print if auto_print is None else auto_print
        return self._ask(
            lambda: _check_in(desk, guest_id, by_scan=by_scan, auto_print=wanted),
            label=self.tr("Checking in"),
            then=then,
        )

    def undo_check_in(self, guest_id: int, reason: str) -> GuestDetails | None:
        desk = self._desk

        def work() -> _Answer:
            changes = desk.undo_check_in(guest_id, reason)
            details = desk.details(guest_id)
            text = self.tr("Check-in of {name} undone ({reason})").format(
                name=display_name(details.guest), reason=reason.strip()
            )
            return _Answer((Notice(Tone.INFO, text),), details, changes, refresh=True)

        return self._ask(work, label=self.tr("Undoing the check-in"))

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
            self._tell(Tone.WARNING, self.tr("This badge is already being printed."))
            return False
        if not ensure_unlocked(None, self._desk.store):
            self._tell(Tone.WARNING, self.tr("The badge signing key is still locked; nothing was printed."))
            return False
        self._printing.add(guest_id)
        self._queue.append(_QueuedPrint(guest_id, reason))
        self.printing_changed.emit()
        waiting = len(self._queue) - 1 + (self._current is not None)
        printing_now = self.tr("Printing the badge…")
        if waiting:
            printing_now = self.tr("Printing the badge… ({count} before it)").format(count=i18n.number_text(waiting))
        self._tell(Tone.INFO, printing_now)
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
            label=self.tr("Printing a badge"),
        )

    def _printed(self, desk: DeskService, queued: _QueuedPrint, printed: _Printed) -> None:
        badge, outcome = printed.issued.badge, printed.issued.outcome
        name = display_name(badge.guest)
        if outcome.accepted:
            serial = i18n.number_text(badge.serial)
            sent = self.tr("Badge of {name} sent to the printer (serial {serial})").format(name=name, serial=serial)
            if outcome.job_id:
                sent = self.tr("Badge of {name} sent to the printer (serial {serial}, job {job})").format(
                    name=name, serial=serial, job=outcome.job_id
                )
            self._tell(Tone.OK, sent)
            self.changes_made.emit(printed.issued.changes)
        else:
            self._tell(
                Tone.ERROR,
                self.tr("Badge of {name} NOT printed: {why} — nothing was recorded.").format(
                    name=name, why=print_outcome_text(outcome)
                ),
            )
        self._finish_print(desk, queued, printed.details)

    def _print_failed(self, desk: DeskService, queued: _QueuedPrint, error: BaseException) -> None:
        title, text, details = messages.describe(error)
        if details:  # a bug, not a refusal: its traceback goes to the one error dialog
            messages.show_error(None, title, text, details=details)
        self._tell(Tone.ERROR, self.tr("Badge not printed: {why} Nothing was recorded.").format(why=text))
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

    def add_walk_in(
        self, fields: GuestFields, *, photo: bytes | None = None, then: Then | None = None
    ) -> GuestDetails | None:
        """Register someone who is not on the list (with their framed `photo`, if taken); they wait, pending, for
        an organiser's approval."""
        desk = self._desk

        def work() -> _Answer:
            details, changes = desk.add_walk_in(fields, photo)
            name = display_name(details.guest)
            text = self.tr("Walk-in {name} registered — pending until an organiser approves").format(name=name)
            return _Answer((Notice(Tone.WARNING, text),), details, changes, refresh=True)

        return self._ask(
            work, label=self.tr("Registering a walk-in"), then=then, failed=self.tr("Walk-in not registered: ")
        )

    def edit_guest(self, guest_id: int, fields: GuestFields, photo: bytes | None = None) -> GuestDetails | None:
        desk = self._desk

        def work() -> _Answer:
            edited = desk.edit_guest(guest_id, fields, photo)
            what = ", ".join(name.replace("_", " ") for name in edited.fields)
            text = self.tr("Saved: {fields}").format(fields=what) if edited.fields else self.tr("Nothing changed")
            return _Answer((Notice(Tone.INFO, text),), edited.details, edited.changes, refresh=True)

        return self._ask(work, label=self.tr("Saving the guest"), failed=self.tr("Not saved: "))

    def _tell(self, tone: Tone, text: str) -> None:
        self.notice.emit(Notice(tone, text))


def _check_in(desk: DeskService, guest_id: int, *, by_scan: bool, auto_print: bool) -> _Answer:
    """Check in, then read the guest as now; worded for the operator (runs off the UI thread)."""
    outcome = desk.check_in(guest_id)
    details = desk.details_if_any(guest_id)
    if details is None:  # the guest is gone
        return _Answer(
            (Notice(Tone.ERROR, QCoreApplication.translate("DeskController", "This guest is no longer in the event.")),)
        )
    # Refused or already in: the desk read the guest again (another station changed them); the views follow.
    learned = Changes.of(Topic.GUESTS, Topic.CHECK_INS, guests=[guest_id])
    if outcome.result is CheckInResult.REFUSED:  # another desk may have changed the status meanwhile
        why = standing_sentence(details.standing)
        notice = Notice(
            details.standing.tone, QCoreApplication.translate("DeskController", "Not checked in. {why}").format(why=why)
        )
        return _Answer((notice,), details, NOTHING if desk.offline else learned, refresh=True)
    if outcome.result is CheckInResult.QUEUED:  # the server is away: the guest is in, the check-in waits here
        return _Answer((Notice(Tone.WARNING, outcome.message),), details, refresh=True, queue=desk.queue_status())
    if outcome.result is CheckInResult.ALREADY:
        when = check_in_text(outcome.at, outcome.station or "", outcome.user or "") if outcome.at else ""
        already = Notice(
            Tone.WARNING, QCoreApplication.translate("DeskController", "Already checked in at {when}").format(when=when)
        )
        # Offline, nothing can be read again from the server now.
        return _Answer((already,), details, NOTHING if desk.offline else learned, refresh=True)
    name = display_name(details.guest)
    how = (
        QCoreApplication.translate("DeskController", "Checked in by scan: {name}")
        if by_scan
        else QCoreApplication.translate("DeskController", "Checked in: {name}")
    )
    notice = Notice(Tone.OK, how.format(name=name))
    first_badge = auto_print and details.guest.badge_serial is None
    return _Answer((notice,), details, outcome.changes, refresh=True, print_first_badge=first_badge)
