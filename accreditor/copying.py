"""Copy a whole event between a file and a server (or file to file, server to server).

Everything moves: the event and its keys, categories and zones, guests and their photos and zones,
prints, check-ins, the audit log and the gate's scans, each row with its id, so badge tokens, audit
entries and scan logs keep pointing at the same guests.  The destination must be empty (a new file, or
an empty database), and the copy is one transaction: it appears whole or not at all.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, func, select

from accreditor import dialects, schema
from accreditor.errors import EventFileError
from accreditor.store import EventStore, create_tables, display_name, is_server_url

_ROWS_PER_BATCH = 1000  # photos are up to a few hundred kB each: batches stay small in memory

Progress = Callable[[str, int], None]  # (table, rows copied so far)


@dataclass(frozen=True, slots=True)
class CopyReport:
    source: str
    destination: str
    rows: dict[str, int]  # table -> rows copied

    @property
    def guests(self) -> int:
        return self.rows.get("guests", 0)


def copy_event(source: str, destination: str, *, progress: Progress | None = None) -> CopyReport:
    """Copy the event at `source` into `destination`, which must be a new file or an empty database."""
    if (
        not is_server_url(source)
        and not is_server_url(destination)
        and Path(source).resolve() == Path(destination).resolve()
    ):
        raise EventFileError("The source and the destination are the same file.")
    with EventStore.open(source) as origin:
        target = EventStore.empty(destination, station="copy")
        try:
            rows = _copy_all(origin, target, progress)
        except BaseException:
            target.close()
            if not is_server_url(destination):
                _remove_partial_file(Path(destination))
            raise
        target.close()
    return CopyReport(display_name(source), display_name(destination), rows)


def _copy_all(origin: EventStore, target: EventStore, progress: Progress | None) -> dict[str, int]:
    counts: dict[str, int] = {}
    with origin.connect() as reading, target.begin() as writing:
        create_tables(writing)
        for table in schema.metadata.sorted_tables:  # parents before children: foreign keys hold at every row
            copied = 0
            for batch in _batches(reading, table):
                dialects.insert_many(writing, table, batch)
                copied += len(batch)
                if progress is not None:
                    progress(table.name, copied)
            counts[table.name] = copied
        dialects.continue_ids_after_copy(writing, [table for table in schema.metadata.sorted_tables if "id" in table.c])
        for table in schema.metadata.sorted_tables:
            stored = writing.execute(select(func.count()).select_from(table)).scalar()
            if stored != counts[table.name]:  # pragma: no cover - would mean a driver lost rows silently
                raise EventFileError(f"The copy of {table.name} is incomplete; nothing was copied.")
    dialects.enable_wal(target.engine)
    return counts


def _batches(connection: Connection, table: Table) -> Iterator[list[dict[str, Any]]]:
    key = list(table.primary_key.columns) or list(table.columns)
    result = connection.execution_options(yield_per=_ROWS_PER_BATCH).execute(select(table).order_by(*key))
    for partition in result.partitions():
        yield [dict(row._mapping) for row in partition]


def _remove_partial_file(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)
