"""Several stations on one event at once: real processes, each with its own connection.

`python -m bench.stations` starts a throwaway PostgreSQL cluster and measures:

- 4 desks × 1,000 check-ins at once, every guest wanted by two desks: check-ins per second, p50/p99
  latency of one check-in (its own transaction), and the doubles (must be 0);
- how long a change takes to reach another station through the live watcher (target p95 < 2 s),
  on PostgreSQL (LISTEN/NOTIFY) and on an SQLite file (data_version polling);
- a desk checking in on an event file while another process imports 200,000 rows into it: the
  longest a check-in waited, and how many were refused (the desk waits out the import's lock).

The station functions are also what the concurrency tests run (tests/accreditor/test_concurrency.py):
they must be importable by a spawned process, so they live here rather than in a test module.
"""

import argparse
import csv
import multiprocessing
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from multiprocessing.synchronize import Barrier
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from accreditor import categories, checkin, guests, live, schema, server, workflow
from accreditor.badges.printing import current_serial, record_serials
from accreditor.errors import AccreditorError, WorkflowError
from accreditor.guests import GuestFields
from accreditor.store import EventStore
from bench.synthetic import HEADER
from bench.synthetic import rows as synthetic_rows

_START_TIMEOUT_S = 120  # spawned interpreters import the core on a busy 2-core machine


# -- what each station does (run in its own process) --------------------------------------------------


def desk_checking_in(location: str, station: str, guest_ids: Sequence[int]) -> list[tuple]:
    """Check each guest in, one transaction each: (guest id, newly checked in, seconds, finished at) per guest."""
    results = []
    with EventStore.open(location, station=station) as store:
        _wait_for_the_others()
        for guest_id in guest_ids:
            began = time.perf_counter()
            result = store.run(
                lambda connection, guest_id=guest_id: checkin.check_in(
                    connection, guest_id, station=station, user=station.lower()
                )
            )
            results.append((guest_id, result.newly_checked_in, time.perf_counter() - began, time.time()))
    return results


def officer_deciding(location: str, station: str, guest_ids: Sequence[int], status: str) -> list[int]:
    """Approve (or reject) each guest on its own, as an officer clicking through a list: the ids it decided."""
    decided = []
    with EventStore.open(location, station=station) as store:
        _wait_for_the_others()
        for guest_id in guest_ids:
            try:
                store.run(
                    lambda connection, guest_id=guest_id: workflow.change_status(
                        connection, [guest_id], status, station, reason=f"decided at {station}"
                    )
                )
            except WorkflowError:  # another officer decided first: refused, nothing written
                continue
            decided.append(guest_id)
    return decided


def desk_reprinting(location: str, station: str, guest_id: int, prints: int) -> list[int]:
    """Print the guest's badge again and again, each time with the next serial: the serials recorded."""
    recorded = []
    with EventStore.open(location, station=station) as store:
        _wait_for_the_others()
        for _ in range(prints):
            with store.connect() as connection:
                serial = current_serial(connection, guest_id) + 1  # planned, then "printed", then recorded
            try:
                store.run(
                    lambda connection, serial=serial: record_serials(
                        connection, [(guest_id, serial)], actor=station, station=station, reason="lost"
                    )
                )
            except WorkflowError:  # another desk printed this serial first
                continue
            recorded.append(serial)
    return recorded


_start: Barrier | None = None  # in a station process: the barrier all stations start at


def _join(start: Barrier) -> None:
    global _start  # noqa: PLW0603 - set once per station process, by the pool's initializer
    _start = start


def _wait_for_the_others() -> None:
    if _start is not None:
        _start.wait(_START_TIMEOUT_S)


def run_stations(station: Callable[..., Any], arguments: Sequence[tuple]) -> list[Any]:
    """Run `station` once per argument tuple, each in its own process, all starting at the same moment.

    One task per process: a station blocks at the start barrier, so no process can take a second one.
    """
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(len(arguments))
    with context.Pool(len(arguments), initializer=_join, initargs=(start,)) as pool:
        pending = [pool.apply_async(station, args) for args in arguments]
        return [result.get(timeout=600) for result in pending]


# -- setting up an event ----------------------------------------------------------------------------


def new_event(location: str, guest_count: int, *, approved: bool = True) -> list[int]:
    """A new event with `guest_count` guests (approved, or pending); their ids."""
    with (
        EventStore.create(location, passphrase="bench passphrase", name="Stations") as store,
        store.begin() as connection,
    ):
        categories.install_standard(connection)
        ids = guests.add_guests(
            connection,
            [GuestFields(family_name=f"Guest{number:05d}", given_name="Test") for number in range(guest_count)],
            "bench",
            source="bench",
        )
        if approved:
            workflow.change_status(connection, ids, "approved", "bench")
    return ids


def check_in_rows(location: str) -> dict[int, int]:
    """Check-in records per guest (more than one would be a double check-in)."""
    with EventStore.open(location) as store, store.connect() as connection:
        table = schema.checkins
        return dict(connection.execute(select(table.c.guest_id, func.count()).group_by(table.c.guest_id)).all())


# -- benchmarks -------------------------------------------------------------------------------------


def bench_desks(location: str, desks: int, per_desk: int) -> None:
    guest_ids = new_event(location, (desks + 1) // 2 * per_desk)
    rng = random.Random(7)
    plans = []
    for number in range(desks):  # desks pair up: both of a pair want the same guests, each in its own order
        share = guest_ids[number // 2 * per_desk :][:per_desk]
        rng.shuffle(share)
        plans.append((location, f"Desk {number + 1}", share))
    results = run_stations(desk_checking_in, plans)
    # From the first check-in's start to the last one's end, across the desks (not counting process start-up).
    elapsed = max(end for desk in results for *_rest, end in desk) - min(
        end - seconds for desk in results for _guest, _new, seconds, end in desk
    )
    latencies = sorted(seconds for desk in results for _guest, _new, seconds, _end in desk)
    attempts = len(latencies)
    newly = sum(1 for desk in results for _guest, new, _seconds, _end in desk if new)
    doubles = sum(count - 1 for count in check_in_rows(location).values() if count > 1)
    p99 = latencies[int(len(latencies) * 0.99) - 1]
    print(
        f"{desks} desks × {per_desk:,} check-ins at once      {attempts / elapsed:7.0f} check-ins/s   "
        f"p50 {statistics.median(latencies) * 1000:5.1f} ms  p99 {p99 * 1000:5.1f} ms   "
        f"{newly:,} guests checked in, {doubles} doubles {'ok' if doubles == 0 else 'FAILED'}"
    )


def bench_watcher(location: str, changes: int, label: str) -> None:
    """Desk A checks guests in; a watcher on its own connection (station B) times each arrival."""
    guest_ids = new_event(location, changes)
    arrivals: dict[int, float] = {}
    with EventStore.open(location, station="Desk A") as desk, EventStore.open(location, station="Desk B") as other:
        watcher = live.watch(other)
        stop = threading.Event()

        def listen() -> None:
            while not stop.is_set():
                seen = watcher.wait(0.2)
                now = time.perf_counter()
                for guest_id in seen.guest_ids:
                    arrivals.setdefault(guest_id, now)

        listener = threading.Thread(target=listen)
        listener.start()
        committed: dict[int, float] = {}
        for guest_id in guest_ids:
            with desk.begin() as connection:
                checkin.check_in(connection, guest_id, station="Desk A", user="a")
            committed[guest_id] = time.perf_counter()
            time.sleep(0.02)
        deadline = time.monotonic() + 5
        while len(arrivals) < len(committed) and time.monotonic() < deadline:
            time.sleep(0.05)
        stop.set()
        listener.join()
        watcher.close()
    delays = sorted(arrivals[guest_id] - committed[guest_id] for guest_id in committed if guest_id in arrivals)
    missing = len(committed) - len(delays)
    p95 = delays[int(len(delays) * 0.95) - 1] if delays else float("inf")
    verdict = "ok" if p95 < 2.0 and not missing else "SLOW"
    print(
        f"change reaches another station ({label:<10})   p50 {statistics.median(delays) * 1000:6.1f} ms  "
        f"p95 {p95 * 1000:6.1f} ms  max {delays[-1] * 1000:6.1f} ms  ({len(delays)} changes, {missing} missed; "
        f"target p95 < 2 s) {verdict}"
    )


def bench_check_ins_during_import(folder: Path, import_rows: int) -> None:
    """A desk checks guests in on an event file while another process imports a big list into it."""
    location = str(folder / "import.accreditor")
    guest_ids = new_event(location, 200)
    registration = folder / "registration.csv"
    with registration.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADER)
        writer.writerows(synthetic_rows(import_rows))
    importer = subprocess.Popen(
        [sys.executable, "-m", "accreditor.cli", "import", location, str(registration), "--skip-invalid"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    waits, failures = [], []
    with EventStore.open(location, station="Desk 1") as desk:
        for guest_id in guest_ids:
            if importer.poll() is not None:
                break
            began = time.perf_counter()
            try:
                with desk.begin() as connection:
                    checkin.check_in(connection, guest_id, station="Desk 1", user="desk")
            except AccreditorError as error:
                failures.append(str(error))
            waits.append(time.perf_counter() - began)
            time.sleep(0.25)
    _out, errors = importer.communicate()
    print(
        f"check-ins during a {import_rows:,}-row import (SQLite)  {len(waits)} check-ins, longest wait "
        f"{max(waits, default=0):5.1f} s, {len(failures)} refused{': ' + failures[0] if failures else ''}; "
        f"import exit {importer.returncode}{' ' + errors.strip() if importer.returncode else ''}"
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--desks", type=int, default=4)
    parser.add_argument("--check-ins", type=int, default=1000, help="check-ins per desk")
    parser.add_argument("--changes", type=int, default=200, help="changes timed through the watcher")
    parser.add_argument("--import-rows", type=int, default=200_000, help="rows imported while a desk checks in")
    args = parser.parse_args(argv)
    if server.find_binaries() is None:
        print("stations: skipped, PostgreSQL is not installed (apt-get install postgresql)")
        return
    folder = Path(tempfile.mkdtemp(prefix="accreditor-bench-pg-"))
    folder.chmod(0o755)
    cluster = server.Cluster(folder / "data", port=server.free_port())
    try:
        cluster.initialise()  # durable, like a venue's server: every commit reaches the disk
        cluster.start()
        try:
            cluster.create_database("desks")
            bench_desks(cluster.url("desks"), args.desks, args.check_ins)
            cluster.create_database("watcher")
            bench_watcher(cluster.url("watcher"), args.changes, "PostgreSQL")
            bench_watcher(str(folder / "watcher.accreditor"), args.changes, "SQLite")
            bench_check_ins_during_import(folder, args.import_rows)
        finally:
            cluster.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
