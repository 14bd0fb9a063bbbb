"""Issuing badges: serial, signed token, rendered PDF, handed to a print sink, recorded only when the sink accepted.

One service for every way a badge leaves the event: the desk printing one guest's badge on the spot, the
organiser's batch dialog, `accreditor badges` (a PDF file) and `accreditor print` (a CUPS queue).  The order is
always the same: choose who and which serial, render, hand the PDF to the sink, and record the prints only once
the sink said it took them — a refused job, a stopped queue or a cancelled batch records nothing.

Two stations printing the same guest at once are kept apart three ways: a guest already being printed by this
process is refused at once; the serial chosen when the badge was rendered is checked again just before the PDF
is sent (another station may have printed it meanwhile); and the record itself is guarded by the database's
unique serial per guest, so at worst the second station is told, and nothing is recorded twice.
"""

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from accreditor.badges import batch, printing
from accreditor.badges.batch import (
    BatchCancelled,
    BatchReport,
    print_badges,
    private_folder,
    render_guest_badge,
    render_preview,
)
from accreditor.badges.layout import load_layout
from accreditor.badges.printing import PlannedBadge, PrintRequest, Selection, select_for_print
from accreditor.changes import NOTHING, Changes, Topic
from accreditor.errors import AccreditorError
from accreditor.print_sinks import PrintOutcome, PrintSink
from accreditor.roles import Permission, require
from accreditor.services import guarded
from accreditor.store import EventStore

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class IssuingClash(AccreditorError):
    """Another station (or this one, in another window) printed or is printing the same badge."""


class PrintSinkError(AccreditorError):
    """The print sink cannot take anything now (a stopped or unknown queue): nothing was rendered or recorded."""


@dataclass(frozen=True, slots=True)
class Issued:
    """One guest's badge: what was rendered, what the sink said, and what was recorded."""

    badge: PlannedBadge
    outcome: PrintOutcome
    changes: Changes = NOTHING  # NOTHING when the sink refused: nothing was recorded

    @property
    def recorded(self) -> bool:
        return bool(self.changes)


@dataclass(slots=True)
class BatchIssued:
    """A run: the renderer's report (with `marked_printed`), the sink's answer, and what was recorded."""

    report: BatchReport
    outcome: PrintOutcome | None  # None when nobody got a badge, so nothing was sent
    record_error: str = ""  # delivered, but another station recorded some of these serials first
    changes: Changes = field(default=NOTHING)

    @property
    def delivered(self) -> bool:
        return self.outcome is not None and self.outcome.accepted


_claims_lock = threading.Lock()
_being_printed: set[tuple[str, int]] = set()


@contextmanager
def _printing_guest(store: EventStore, guest_id: int, name: str) -> Iterator[None]:
    key = (str(store.location), guest_id)
    with _claims_lock:
        if key in _being_printed:
            raise IssuingClash(f"The badge of {name} is already being printed; wait for it.")
        _being_printed.add(key)
    try:
        yield
    finally:
        with _claims_lock:
            _being_printed.discard(key)


class IssuingService:
    """Issues badges of one event as one user at one station."""

    def __init__(self, store: EventStore, *, user: str, station: str = "") -> None:
        self.store = store
        self.user = user
        self.station = station

    # -- looking before printing --------------------------------------------------------------------

    def plan(self, request: PrintRequest) -> Selection:
        """Who a run would print, with their new serials, and who is skipped and why; nothing is written."""
        with guarded("choosing the badges to print"), self.store.connect() as connection:
            return select_for_print(connection, request)

    def preview(self, request: PrintRequest, *, layout: str, out: Path, today: date | None = None) -> int:
        """The run's first sheet as a PDF at `out` (badges on it; 0 and no file when nobody gets one)."""
        with guarded("drawing the preview"):
            return render_preview(self.store, request, layout=layout, out=out, today=today)

    # -- one guest, at the desk ---------------------------------------------------------------------

    def issue_one(
        self, guest_id: int, sink: PrintSink, *, layout: str, reason: str = "", today: date | None = None
    ) -> Issued:
        """Render one guest's badge, hand it to `sink`, record it if the sink took it.

        A guest already printed needs `reason` (a reprint, with the next serial); one not approved is refused
        with the vocabulary's words, as is a guest some station is printing right now.
        """
        self._require(reprint=bool(reason.strip()))
        paper = load_layout(layout).page_size
        with private_folder() as folder:
            pdf = Path(folder) / f"badge-{guest_id}.pdf"
            with guarded("preparing the badge"):
                badge = render_guest_badge(
                    self.store, guest_id, out=pdf, layout=layout, reprint_reason=reason, today=today
                )
            name = badge.guest.name_latin or badge.guest.full_name
            with _printing_guest(self.store, guest_id, name):
                self._check_serial_still_free(badge, name)
                title = f"Badge {badge.guest.id}-{badge.serial} {name}"
                outcome = sink.send(pdf, title, paper)
                if not outcome.accepted:
                    return Issued(badge, outcome)
                return Issued(badge, outcome, self._record([(badge.guest.id, badge.serial)], reason, name))

    def _require(self, *, reprint: bool) -> None:
        """The user may print (or reprint): refused before a badge is drawn, so no signed token leaves."""
        require(self.user, Permission.REPRINT_BADGES if reprint else Permission.PRINT_BADGES)

    def _check_serial_still_free(self, badge: PlannedBadge, name: str) -> None:
        with guarded("checking the badge serial"), self.store.connect() as connection:
            current = printing.current_serial(connection, badge.guest.id)
        if current >= badge.serial:
            raise IssuingClash(
                f"Another station printed badge {current} of {name} meanwhile; nothing was printed here."
            )

    def _record(self, serials: list[tuple[int, int]], reason: str, name: str) -> Changes:
        with guarded("recording the print"):
            try:
                with self.store.begin() as connection:
                    printing.record_serials(connection, serials, actor=self.user, station=self.station, reason=reason)
            except (IntegrityError, printing.SerialTaken) as error:
                raise IssuingClash(_clash_message(name)) from error
        return Changes.of(Topic.PRINTS, guests=[guest_id for guest_id, _serial in serials])

    # -- a run of badges ----------------------------------------------------------------------------

    def issue_batch(
        self,
        request: PrintRequest,
        sink: PrintSink,
        *,
        layout: str,
        record: bool = True,
        workers: int | None = None,
        today: date | None = None,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> BatchIssued:
        """Render the run into one PDF, hand it to `sink`, and record every badge in it if `record` and the sink
        took it.  A sink that cannot take anything (`problem`) is refused before any badge is rendered
        (`PrintSinkError`); a cancel before the PDF reaches the sink raises `BatchCancelled`."""
        self._require(reprint=request.reprint)
        problem = sink.problem()
        if problem is not None:
            raise PrintSinkError(problem.message)
        layout_paper = load_layout(layout).page_size
        with private_folder() as folder:
            pdf = Path(folder) / "badges.pdf"
            with guarded("rendering the badges"):
                report = print_badges(
                    self.store,
                    request,
                    out=pdf,
                    layout=layout,
                    actor=self.user,
                    station=self.station,
                    workers=workers,
                    today=today,
                    progress=progress,
                    cancelled=cancelled,
                    record=False,
                )
            if not report.printed:
                report.out = sink.description
                return BatchIssued(report, None)
            if cancelled is not None and cancelled():  # after the last sheet, before the sink: nothing went out
                raise BatchCancelled("The batch was cancelled before it reached the printer.")
            title = f"Badges ({report.badges} {'badge' if report.badges == 1 else 'badges'}, {layout})"
            outcome = sink.send(pdf, title, layout_paper)
        report.out = sink.description
        issued = BatchIssued(report, outcome)
        if not outcome.accepted or not record:
            return issued
        try:
            with guarded("recording the prints"):
                report.marked_printed = batch.record_batch(
                    self.store, report.printed, actor=self.user, station=self.station, reason=request.reason
                )
        except AccreditorError as error:
            issued.record_error = str(error)
            return issued
        issued.changes = Changes.of(Topic.PRINTS, guests=[guest_id for guest_id, _serial in report.printed])
        return issued


def _clash_message(name: str) -> str:
    return (
        f"The badge of {name} was printed, but another station printed it meanwhile; it is recorded once — "
        "check which badge the guest holds."
    )
