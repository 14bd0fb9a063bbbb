"""Batch badge PDFs: thousands of badges on both cores, in memory that does not grow with the batch.

The main process plans the run (who, which serial, signed tokens) and hands chunks of whole
sheets to worker processes.  Each worker reads its guests' photos from the event itself (photos
never travel between processes or pile up in memory), renders its chunk to a part file, and the
parts are joined page by page with pikepdf.  Prints are recorded only once the PDF is complete.
"""

import os
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pikepdf
from sqlalchemy.exc import IntegrityError

from accreditor.badges import printing
from accreditor.badges.layout import load_layout
from accreditor.badges.render import BadgeData, BadgeRenderer
from accreditor.errors import AccreditorError, WorkflowError
from accreditor.store import EventStore

# Sheets per chunk: small enough that a worker's pages and photos stay a few MB, large enough
# that starting a chunk costs little.
_SHEETS_PER_CHUNK = 50
# Below this many badges a second process costs more than it saves.
_PARALLEL_FROM = 200

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class BatchCancelled(AccreditorError):
    """The organiser stopped the batch; nothing was marked printed."""


@dataclass(frozen=True, slots=True)
class ChunkItem:
    """One badge as sent to a worker: everything but the photo, which the worker reads itself."""

    guest_id: int
    variables: dict[str, str]
    category_colour: str
    zones: tuple[str, ...]
    token: str


@dataclass
class BatchReport:
    out: str
    layout: str
    badges: int = 0
    pages: int = 0
    marked_printed: int = 0
    skipped: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

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


def _render_chunk(location: str, layout_name: str, items: Sequence[ChunkItem], part: str) -> tuple[int, list[str]]:
    """Worker: render one chunk to `part`; returns (pages, warnings)."""
    from accreditor.badges.printing import photos_of  # noqa: PLC0415 - a worker process imports lazily

    with EventStore.open(location) as store, store.connect() as connection:
        photos = photos_of(connection, [item.guest_id for item in items])
    badges = [
        BadgeData(
            guest_id=item.guest_id,
            variables=item.variables,
            category_colour=item.category_colour,
            zones=item.zones,
            token=item.token,
            photo=photos.get(item.guest_id),
        )
        for item in items
    ]
    report = BadgeRenderer(load_layout(layout_name)).render(badges, part)
    return report.pages, list(report.warnings)


def _chunks(items: Sequence[ChunkItem], size: int) -> list[Sequence[ChunkItem]]:
    return [items[start : start + size] for start in range(0, len(items), size)]


def _merge(parts: Sequence[Path], out: Path) -> None:
    with pikepdf.new() as merged:
        sources = [pikepdf.open(part) for part in parts]
        try:
            for source in sources:
                merged.pages.extend(source.pages)
            merged.save(out, compress_streams=True)
        finally:
            for source in sources:
                source.close()


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
) -> BatchReport:
    """Render the requested badges into one PDF at `out`, and record them if asked."""
    today = today or date.today()
    out = Path(out)
    badge_layout = load_layout(layout)  # fail on a bad layout before any work
    event = store.event_info()
    with store.connect() as connection:
        plan = printing.plan_print(connection, event, request, today=today)
        names, colours = printing.category_lookup(connection)
    items = [
        ChunkItem(
            guest_id=badge.guest.id,
            variables=printing.badge_variables(badge.guest, badge.serial, event, names),
            category_colour=colours.get(badge.guest.fields.category, "#808080"),
            zones=badge.guest.zones,
            token=badge.token,
        )
        for badge in plan.badges
    ]
    report = BatchReport(out=str(out), layout=layout, badges=len(items), skipped=plan.skipped)
    if not items:
        return report
    chunk_size = badge_layout.badges_per_sheet * _SHEETS_PER_CHUNK
    chunks = _chunks(items, chunk_size)
    workers = workers or min(os.cpu_count() or 1, 2 if len(items) >= _PARALLEL_FROM else 1)
    with tempfile.TemporaryDirectory(prefix="accreditor-badges-", dir=out.parent) as folder:
        parts = [Path(folder) / f"part-{index:05d}.pdf" for index in range(len(chunks))]
        results = _run_chunks(
            store.location, layout, chunks, parts, workers=workers, progress=progress, cancelled=cancelled
        )
        for pages, warnings in results:
            report.pages += pages
            report.warnings.extend(warnings)
        if cancelled and cancelled():
            raise BatchCancelled("The batch was cancelled; no badge was marked printed.")
        _merge(parts, out)
    if request.mark_printed or request.reprint:
        try:
            with store.begin() as connection:
                report.marked_printed = printing.record_prints(
                    connection, plan.badges, actor=actor, station=station, reason=request.reason
                )
        except IntegrityError as error:
            raise AccreditorError(
                "Another desk printed some of these badges meanwhile; nothing was marked printed — run the batch again."
            ) from error
    return report


def _run_chunks(
    location: str,
    layout: str,
    chunks: Sequence[Sequence[ChunkItem]],
    parts: Sequence[Path],
    *,
    workers: int,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> list[tuple[int, list[str]]]:
    total = sum(len(chunk) for chunk in chunks)
    done = 0
    results: list[tuple[int, list[str]]] = []
    if workers <= 1:
        for chunk, part in zip(chunks, parts, strict=True):
            if cancelled and cancelled():
                raise BatchCancelled("The batch was cancelled; no badge was marked printed.")
            results.append(_render_chunk(location, layout, chunk, str(part)))
            done += len(chunk)
            if progress:
                progress(done, total)
        return results
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [
            pool.submit(_render_chunk, location, layout, chunk, str(part))
            for chunk, part in zip(chunks, parts, strict=True)
        ]
        for future, chunk in zip(futures, chunks, strict=True):
            if cancelled and cancelled():
                for pending in futures:
                    pending.cancel()
                raise BatchCancelled("The batch was cancelled; no badge was marked printed.")
            results.append(future.result())
            done += len(chunk)
            if progress:
                progress(done, total)
    return results


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
        names, colours = printing.category_lookup(connection)
        photos = printing.photos_of(connection, [guest_id])
    if not plan.badges:
        raise WorkflowError(f"No badge for {plan.skipped[0]['name']}: {plan.skipped[0]['reason']}.")
    (badge,) = plan.badges
    data = BadgeData(
        guest_id=guest_id,
        variables=printing.badge_variables(badge.guest, badge.serial, event, names),
        category_colour=colours.get(badge.guest.fields.category, "#808080"),
        zones=badge.guest.zones,
        token=badge.token,
        photo=photos.get(guest_id),
    )
    BadgeRenderer(load_layout(layout)).render([data], out)
    return badge
