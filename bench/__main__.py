"""Run every benchmark and print its figures: `python -m bench` (or `make bench`)."""

import argparse
import csv
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import xlsxwriter

from accreditor import categories
from accreditor.importing.importer import import_file
from accreditor.search import SearchIndex
from accreditor.store import EventStore
from bench import badges_batch, badges_speed, gate_stream
from bench.synthetic import HEADER, rows


def _new_event(folder: Path, name: str) -> EventStore:
    store = EventStore.create(folder / f"{name}.accreditor", passphrase="bench passphrase", name=name)
    with store.begin() as connection:
        categories.install_standard(connection)
    return store


def _write_csv(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADER)
        writer.writerows(rows(count))


def _write_xlsx(path: Path, count: int) -> None:
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = workbook.add_worksheet("Guests")
    for row_index, row in enumerate([HEADER, *rows(count)]):
        for column, value in enumerate(row):
            sheet.write_string(row_index, column, value)
    workbook.close()


def _timed(label: str, action: Callable[[], object], target: float) -> float:
    started = time.perf_counter()
    action()
    seconds = time.perf_counter() - started
    verdict = "ok" if seconds < target else "SLOW"
    print(f"{label:<44} {seconds:7.2f} s   (target < {target:g} s) {verdict}")
    return seconds


def bench_imports(folder: Path, csv_rows: int, xlsx_rows: int) -> EventStore:
    xlsx = folder / "guests.xlsx"
    _write_xlsx(xlsx, xlsx_rows)
    store = _new_event(folder, "xlsx")
    _timed(f"import {xlsx_rows:,}-row XLSX", lambda: import_file(store, xlsx, actor="bench"), 2.0)
    store.close()

    big = folder / "guests.csv"
    _write_csv(big, csv_rows)
    store = _new_event(folder, "csv")
    _timed(f"import {csv_rows:,}-row CSV", lambda: import_file(store, big, actor="bench"), 5.0)
    _timed(f"re-import the same {csv_rows:,} rows (all unchanged)", lambda: import_file(store, big, actor="bench"), 5.0)
    return store


def bench_search(store: EventStore, queries: int) -> None:
    with store.connect() as connection:
        tracemalloc.start()
        started = time.perf_counter()
        index = SearchIndex.from_connection(connection)
        build = time.perf_counter() - started
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    print(f"build search index over {len(index):,} guests          {build:7.2f} s   peak {peak / 2**20:.0f} MiB")
    typed = [
        "ra",
        "rahm",
        "rahm jam",
        "рахм",
        "jamshed",
        "мухам",
        "moham",
        "mukhammad",
        "abdul",
        "wang",
        "unoct",
        "osce",
        "p0000123",
        "guest4711@example.org",
        "ghaf",
        "qodir",
        "yusuf",
        "iusuf",
        "mull",
        "ost",
    ]
    timings = []
    for number in range(queries):
        query = typed[number % len(typed)]
        started = time.perf_counter()
        index.search(query)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    verdict = "ok" if p95 < 20 else "SLOW"
    print(
        f"search {queries} queries: p50 {statistics.median(timings):.2f} ms, p95 {p95:.2f} ms, "
        f"max {timings[-1]:.2f} ms (target p95 < 20 ms) {verdict}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--csv-rows", type=int, default=100_000)
    parser.add_argument("--xlsx-rows", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--badges", type=int, default=1000, help="badges rendered for the speed figure")
    parser.add_argument("--batch", type=int, default=10_000, help="badges in the two-core batch")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = bench_imports(Path(folder), args.csv_rows, args.xlsx_rows)
        bench_search(store, args.queries)
        store.close()
    badges_speed.main(args.badges)
    badges_batch.run(args.batch, "a4-4up", workers=2)
    gate_stream.main()


if __name__ == "__main__":
    main()
