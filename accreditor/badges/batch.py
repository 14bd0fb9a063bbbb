"""Batch badge PDFs: thousands of badges on both cores, in memory that does not grow with the batch.

The main process decides the run from a light query (who, which serial), then prepares one chunk
of whole sheets at a time — signed tokens and photos — and hands it to a worker process
(`worker.render_part`), keeping only a few chunks in flight.  Finished parts are appended to the
output in order by `PdfJoiner`, which writes each part's objects straight to disk.  Prints are
recorded only once the whole PDF is complete — or, when the PDF goes on to a print system, by the
caller once the job was accepted (`record=False`, then `record_batch` with `BatchReport.printed`).
"""

import multiprocessing
import os
import tempfile
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.exc import IntegrityError

from accreditor import organisations
from accreditor.badges import printing
from accreditor.badges.layout import load_layout
from accreditor.badges.pdf_join import PdfJoiner
from accreditor.badges.render import BadgeData, BadgeRenderer
from accreditor.badges.worker import render_part
from accreditor.errors import AccreditorError, WorkflowError
from accreditor.store import EventInfo, EventStore

# Sheets per chunk: small enough that a chunk's photos and pages stay a few MB, large enough
# that starting a chunk costs little.
_SHEETS_PER_CHUNK = 25
# Below this many badges a second process costs more than it saves.
_PARALLEL_FROM = 200

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class BatchCancelled(AccreditorError):
    """The organiser stopped the batch; nothing was marked printed."""


@dataclass
class BatchReport:
    out: str
    layout: str
    badges: int = 0
    pages: int = 0
    marked_printed: int = 0
    skipped: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # (guest id, serial) of every badge in the finished PDF, in its order: what to record once it is printed.
    # Not in `to_json`: the CLI's report names the skipped, and a 10,000-badge run would drown them.
    printed: list[tuple[int, int]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "out": self.out,
            "layout": self.layout,
            "badges": self.badges,
            "pages": self.pages,
            "marked_printed": self.marked_printed,
            "skipped": self.skipped,
            "warnings": self.warnings,
        }


def _badge_data(
    planned: Sequence[printing.PlannedBadge],
    event: EventInfo,
    categories: tuple[dict[str, str], dict[str, str]],
    photos: dict[int, bytes],
    short_names: dict[str, str],
) -> list[BadgeData]:
    names, colours = categories
    return [
        BadgeData(
            guest_id=badge.guest.id,
            variables=printing.badge_variables(badge.guest, badge.serial, event, names, short_names),
            category_colour=colours.get(badge.guest.fields.category, "#808080"),
            zones=badge.guest.zones,
            token=badge.token,
            photo=photos.get(badge.guest.id),
        )
        for badge in planned
    ]


class _ChunkSource:
    """Prepares one chunk at a time in the main process: tokens, badge texts and photos."""

    def __init__(self, store: EventStore, event: EventInfo, *, today: date) -> None:
        self._store, self._event, self._today = store, event, today
        with store.connect() as connection:
            self._categories = printing.category_lookup(connection)
            self._short_names = organisations.short_names(connection)

    def prepare(self, chunk: Sequence[tuple[int, int]]) -> list[BadgeData]:
        with self._store.connect() as connection:
            planned = printing.issue_badges(connection, self._event, chunk, today=self._today)
            photos = printing.photos_of(connection, [guest_id for guest_id, _serial in chunk])
        return _badge_data(planned, self._event, self._categories, photos, self._short_names)


def print_badges(
    store: EventStore,
    request: printing.PrintRequest,
    *,
    out: str | Path,
    layout: str,
    actor: str,
    station: str = "",
    workers: int | None = None,
    today: date | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    record: bool = True,
) -> BatchReport:
    """Render the requested badges into one PDF at `out`, and record them if asked.

    `record=False` leaves the recording to a caller who hands the PDF on to a print system, which may still
    refuse it: that caller records `report.printed` with `record_batch` once the job is accepted.
    """
    today = today or date.today()
    out = Path(out)
    badge_layout = load_layout(layout)  # fail on a bad layout before any work
    event = store.event_info()
    with store.connect() as connection:
        selection = printing.select_for_print(connection, request)
    report = BatchReport(out=str(out), layout=layout, badges=len(selection.printable), skipped=selection.skipped)
    if not selection.printable:
        return report
    size = badge_layout.badges_per_sheet * _SHEETS_PER_CHUNK
    chunks = [selection.printable[start : start + size] for start in range(0, len(selection.printable), size)]
    workers = workers or min(os.cpu_count() or 1, 2 if len(selection.printable) >= _PARALLEL_FROM else 1)
    source = _ChunkSource(store, event, today=today)
    with tempfile.TemporaryDirectory(prefix="accreditor-badges-", dir=out.parent) as folder:
        joined = Path(folder) / "joined.pdf"
        with PdfJoiner(joined) as joiner:
            done = 0
            for (pages, warnings), part, chunk in _render_in_order(
                chunks, source.prepare, layout, Path(folder), workers=workers, cancelled=cancelled
            ):
                joiner.add(part)
                part.unlink()
                report.pages += pages
                report.warnings.extend(warnings)
                done += len(chunk)
                if progress:
                    progress(done, len(selection.printable))
        os.replace(joined, out)
    report.printed = list(selection.printable)
    if record and (request.mark_printed or request.reprint):
        report.marked_printed = record_batch(store, report.printed, actor=actor, station=station, reason=request.reason)
    return report


def record_batch(
    store: EventStore, printed: Sequence[tuple[int, int]], *, actor: str, station: str = "", reason: str = ""
) -> int:
    """Record a finished batch's (guest id, serial) pairs as printed, all in one transaction or none.

    Serials are chosen when the run starts; if another desk printed one of these guests meanwhile, its serial
    is taken and nothing of the batch is recorded, so the organiser sees the clash rather than half a record.
    """
    try:
        with store.begin() as connection:
            return printing.record_serials(connection, printed, actor=actor, station=station, reason=reason)
    except IntegrityError as error:
        raise AccreditorError(
            "Another desk printed some of these badges meanwhile; nothing was marked printed — run the batch again."
        ) from error


def render_preview(
    store: EventStore, request: printing.PrintRequest, *, layout: str, out: str | Path, today: date | None = None
) -> int:
    """The first sheet of a run as a PDF at `out`, to look at before starting it; returns its badges (0: none).

    The badges are the run's first ones, in its order, drawn as they will print (signed tokens included); nothing
    is recorded, and with no badge to print no file is written.
    """
    badge_layout = load_layout(layout)
    with store.connect() as connection:
        first_sheet = printing.select_for_print(connection, request).printable[: badge_layout.badges_per_sheet]
    if not first_sheet:
        return 0
    source = _ChunkSource(store, store.event_info(), today=today or date.today())
    return BadgeRenderer(badge_layout).render(source.prepare(first_sheet), out).badges


Chunk = Sequence[tuple[int, int]]


def _render_in_order(
    chunks: Sequence[Chunk],
    prepare: Callable[[Chunk], list[BadgeData]],
    layout: str,
    folder: Path,
    *,
    workers: int,
    cancelled: Cancelled | None,
) -> Iterator[tuple[tuple[int, list[str]], Path, Chunk]]:
    """Render chunks, yielding (result, part file, chunk) in order with few chunks in memory at once."""

    def check_cancelled() -> None:
        if cancelled and cancelled():
            raise BatchCancelled("The batch was cancelled; no badge was marked printed.")

    parts = (folder / f"part-{index:05d}.pdf" for index in range(len(chunks)))
    if workers <= 1:
        for chunk, part in zip(chunks, parts, strict=False):
            check_cancelled()
            yield render_part(layout, prepare(chunk), str(part)), part, chunk
        return
    # Workers start fresh ("spawn"): safe from a GUI thread, and they import only the renderer.
    context = multiprocessing.get_context("spawn")
    in_flight: deque[tuple[Future[tuple[int, list[str]]], Path, Chunk]] = deque()
    pending = iter(zip(chunks, parts, strict=False))
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        try:
            while True:
                while len(in_flight) < workers + 1 and (following := next(pending, None)):
                    chunk, part = following
                    in_flight.append((pool.submit(render_part, layout, prepare(chunk), str(part)), part, chunk))
                if not in_flight:
                    return
                future, part, chunk = in_flight.popleft()
                check_cancelled()
                yield future.result(), part, chunk
        finally:
            for future, _part, _chunk in in_flight:
                future.cancel()


def render_guest_badge(
    store: EventStore,
    guest_id: int,
    *,
    out: str | Path,
    layout: str,
    reprint_reason: str = "",
    today: date | None = None,
) -> printing.PlannedBadge:
    """One guest's badge as a PDF at `out`, for a desk printing on the spot; nothing is recorded.

    A guest already printed needs `reprint_reason` (the new badge gets the next serial).  Record the
    print with `printing.record_prints` once the print system has accepted the job.
    """
    request = printing.PrintRequest(guest_ids=(guest_id,), reprint=bool(reprint_reason), reason=reprint_reason)
    event = store.event_info()
    with store.connect() as connection:
        plan = printing.plan_print(connection, event, request, today=today or date.today())
        categories = printing.category_lookup(connection)
        short_names = organisations.short_names(connection)
        photos = printing.photos_of(connection, [guest_id])
    if not plan.badges:
        raise WorkflowError(f"No badge for {plan.skipped[0]['name']}: {plan.skipped[0]['reason']}.")
    BadgeRenderer(load_layout(layout)).render(_badge_data(plan.badges, event, categories, photos, short_names), out)
    return plan.badges[0]
