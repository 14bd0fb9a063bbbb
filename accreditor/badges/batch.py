"""Batch badge PDFs: thousands of badges on both cores, in memory that does not grow with the batch.

The main process decides the run from a light query (who, which serial), then prepares one chunk
of whole sheets at a time — signed tokens and photos — and hands it to a worker process
(`worker.render_part`), keeping only a few chunks in flight.  Finished parts are appended to the
output in order by `PdfJoiner`, which writes each part's objects straight to disk.  Prints are
recorded only once the whole PDF is complete — or, when the PDF goes on to a print system, by the
caller once the job was accepted (`record=False`, then `record_batch` with `BatchReport.printed`).

Parts hold signed badge codes, so they live in a private temporary folder (readable by this user
alone, named after this process) that is removed when the batch ends however it ends: a SIGTERM
is turned into an orderly exit, the workers end with their parent even when it is killed
(worker.py), and folders left by a process that was killed outright are removed by the next batch.
"""

import errno
import os
import re
import shutil
import signal
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select
from sqlalchemy.exc import IntegrityError

from accreditor import organisations, schema
from accreditor.badges import printing
from accreditor.badges.layout import Layout, load_layout
from accreditor.badges.pdf_join import PdfJoiner
from accreditor.badges.render import BadgeData, BadgeRenderer
from accreditor.badges.worker import WORKER_CONTEXT, render_part, start_worker
from accreditor.errors import AccreditorError, WorkflowError
from accreditor.store import EventInfo, EventStore

# Sheets per chunk: small enough that a chunk's photos and pages stay a few MB, large enough
# that starting a chunk costs little.
_SHEETS_PER_CHUNK = 25
# A chunk's photos travel to a worker and stay in its memory while it renders; stored photos weigh up
# to a few hundred kB each, so a chunk also ends (on a whole sheet) before this many bytes of them.
_PHOTO_BYTES_PER_CHUNK = 4 * 2**20
# Below this many badges a second process costs more than it saves.
_PARALLEL_FROM = 200
_IDS_PER_QUERY = 900  # below SQLite's older limit of 999 parameters a statement
# The private folder of one batch's parts: accreditor-badges-PID-RANDOM in the system's temporary folder.
_FOLDER_PREFIX = "accreditor-badges-"
_FOLDER_NAME = re.compile(re.escape(_FOLDER_PREFIX) + r"(\d+)-")
# Where a process cannot be asked whether it is alive, a folder this old is taken as left behind.
_STALE_AFTER_SECONDS = 24 * 3600

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
    with store.connect() as connection:
        photo_sizes = _photo_sizes(connection, [guest_id for guest_id, _serial in selection.printable])
    chunks = plan_chunks(selection.printable, badge_layout.badges_per_sheet, photo_sizes)
    workers = workers or min(os.cpu_count() or 1, 2 if len(selection.printable) >= _PARALLEL_FROM else 1)
    _check_writable(out)
    source = _ChunkSource(store, event, today=today)
    with private_folder() as folder:
        joined = Path(folder) / "joined.pdf"
        with PdfJoiner(joined) as joiner:
            done = 0
            for (pages, warnings), part, chunk in _render_in_order(
                chunks, source.prepare, badge_layout, Path(folder), workers=workers, cancelled=cancelled
            ):
                joiner.add(part)
                part.unlink()
                report.pages += pages
                report.warnings.extend(warnings)
                done += len(chunk)
                if progress:
                    progress(done, len(selection.printable))
        _move_into_place(joined, out)
    report.printed = list(selection.printable)
    if record and (request.mark_printed or request.reprint):
        report.marked_printed = record_batch(store, report.printed, actor=actor, station=station, reason=request.reason)
    return report


def plan_chunks(
    printable: Sequence[tuple[int, int]], badges_per_sheet: int, photo_sizes: Mapping[int, int]
) -> list[Sequence[tuple[int, int]]]:
    """Whole sheets per chunk, at most `_SHEETS_PER_CHUNK` of them and `_PHOTO_BYTES_PER_CHUNK` of photos."""
    chunks: list[Sequence[tuple[int, int]]] = []
    start, weight = 0, 0
    for end in range(0, len(printable), badges_per_sheet):
        sheet = printable[end : end + badges_per_sheet]
        sheet_weight = sum(photo_sizes.get(guest_id, 0) for guest_id, _serial in sheet)
        full = end - start >= badges_per_sheet * _SHEETS_PER_CHUNK or weight + sheet_weight > _PHOTO_BYTES_PER_CHUNK
        if end > start and full:
            chunks.append(printable[start:end])
            start, weight = end, 0
        weight += sheet_weight
    if start < len(printable):
        chunks.append(printable[start:])
    return chunks


def _photo_sizes(connection: Connection, guest_ids: Sequence[int]) -> dict[int, int]:
    """The stored size of each guest's photo in bytes, without reading the photos."""
    table = schema.guest_photos
    sizes: dict[int, int] = {}
    for start in range(0, len(guest_ids), _IDS_PER_QUERY):
        chosen = table.c.guest_id.in_(guest_ids[start : start + _IDS_PER_QUERY])
        rows = connection.execute(select(table.c.guest_id, func.length(table.c.image)).where(chosen))
        sizes.update((guest_id, size) for guest_id, size in rows)
    return sizes


@contextmanager
def private_folder() -> Iterator[Path]:
    """A folder only this user can read, for badge files on their way to the output or the printer.

    Badge files carry signed codes, so they never wait beside the output: the folder is removed when the block
    ends (also on SIGTERM), and a folder left by a process killed outright is removed at the next batch's start.
    Nested calls share the outer folder, so one job leaves at most one folder behind.
    """
    if _open_folder.path is not None:
        yield _open_folder.path
        return
    remove_stale_folders()
    with _terminated_as_exit(), tempfile.TemporaryDirectory(prefix=f"{_FOLDER_PREFIX}{os.getpid()}-") as folder:
        _open_folder.path = Path(folder)
        try:
            yield _open_folder.path
        finally:
            _open_folder.path = None


class _OpenFolder(threading.local):
    path: Path | None = None


_open_folder = _OpenFolder()


def remove_stale_folders(parent: Path | None = None) -> list[Path]:
    """Remove the part folders of batches whose process is gone (killed before it could clean up); returns them."""
    removed = []
    for folder in Path(parent or tempfile.gettempdir()).glob(f"{_FOLDER_PREFIX}*"):
        found = _FOLDER_NAME.match(folder.name)
        if found and folder.is_dir() and _left_behind(folder, int(found.group(1))):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _left_behind(folder: Path, pid: int) -> bool:
    try:
        details = folder.lstat()
    except OSError:
        return False
    if os.name != "posix":
        return time.time() - details.st_mtime > _STALE_AFTER_SECONDS
    if details.st_uid != os.getuid() or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, another user's
        return False
    return False


@contextmanager
def _terminated_as_exit() -> Iterator[None]:
    """While a batch runs, SIGTERM ends the process as an exit (cleanup included) rather than on the spot.

    Only where this process had left SIGTERM to its default and the batch runs in the main thread (Python
    handles signals there); an application with its own handler keeps it.
    """
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGTERM) != signal.SIG_DFL:
        yield
        return

    def exit_now(number: int, _frame: object) -> None:
        raise SystemExit(128 + number)

    signal.signal(signal.SIGTERM, exit_now)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _check_writable(out: Path) -> None:
    """Refuse an output the PDF could not be written to before rendering anything, not after."""
    try:
        with tempfile.TemporaryFile(dir=out.parent):
            pass
    except OSError as error:
        raise AccreditorError(f"Cannot write the PDF to {out} ({error.strerror or error}).") from error


def _move_into_place(finished: Path, out: Path) -> None:
    """Put the finished PDF at `out` in one step (a copy beside it first when the folders are on two disks)."""
    try:
        os.replace(finished, out)
    except OSError as error:
        if error.errno != errno.EXDEV:
            raise
        beside = out.with_name(f".{out.name}.{os.getpid()}.partial")
        try:
            shutil.copyfile(finished, beside)
            os.replace(beside, out)
        finally:
            beside.unlink(missing_ok=True)


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
    layout: Layout,
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
    # Workers start fresh and lean, and end with this process (worker.py).
    in_flight: deque[tuple[Future[tuple[int, list[str]]], Path, Chunk]] = deque()
    pending = iter(zip(chunks, parts, strict=False))
    with ProcessPoolExecutor(max_workers=workers, mp_context=WORKER_CONTEXT, initializer=start_worker) as pool:
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
