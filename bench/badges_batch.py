"""Benchmark: a 10,000-badge a4-4up batch on both cores — time, and memory that must not grow.

Memory is sampled from /proc every 20 ms while the batch runs: the resident set of this process
and of each worker it started (getrusage's figure for children is useless here: a spawned
worker is forked from this process first, so it reports this process's size; for the same reason a
child is sampled only once it runs the worker's program).
"""

import argparse
import os
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

from accreditor import categories, workflow
from accreditor import guests as guest_store
from accreditor.badges.batch import print_badges
from accreditor.badges.printing import PrintRequest
from accreditor.demo_data import portrait
from accreditor.guests import GuestFields
from accreditor.store import EventStore
from bench.synthetic import rows

_PORTRAITS = 64  # distinct photos, cycled: every guest still gets (and embeds) their own image


def build_event(folder: Path, count: int) -> EventStore:
    store = EventStore.create(
        folder / "batch.accreditor",
        passphrase="bench passphrase",
        name="Batch benchmark",
        starts_on=date(2027, 5, 3),
        ends_on=date(2027, 5, 4),
    )
    photos = [portrait(f"G{number}", number) for number in range(_PORTRAITS)]
    with store.begin() as connection:
        categories.install_standard(connection)
        people = [
            GuestFields(family_name=row[0], given_name=row[1], organisation=row[2], country="TJ", category="DEL")
            for row in rows(count)
        ]
        ids = guest_store.add_guests(connection, people, "bench")
        for guest_id in ids:
            guest_store.set_photo(connection, guest_id, photos[guest_id % _PORTRAITS], "bench")
        workflow.change_status(connection, ids, "approved", "bench")
    return store


def _resident_mib(pid: int, field: str = "VmRSS") -> float:
    """A memory figure of /proc/PID/status in MiB: VmRSS (all resident pages, shared libraries included) or
    RssAnon (the process's own memory)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _workers() -> list[int]:
    """The render workers this process started.  A child counts once it runs the worker's program: for a moment
    after the fork and before the exec it is a copy of this process, and its size is this process's."""
    me = str(os.getpid())
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                command = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if fields[1] == me and b"--multiprocessing-fork" in command:
                found.append(int(entry.name))
    return found


class MemorySampler(threading.Thread):
    """Largest resident set seen for this process and for any one child, while running."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.main_peak = self.worker_peak = self.worker_own_peak = 0.0
        self._stopping = threading.Event()

    def run(self) -> None:
        while not self._stopping.wait(0.02):
            self.main_peak = max(self.main_peak, _resident_mib(os.getpid()))
            for child in _workers():
                self.worker_peak = max(self.worker_peak, _resident_mib(child))
                self.worker_own_peak = max(self.worker_own_peak, _resident_mib(child, "RssAnon"))

    def stop(self) -> None:
        self._stopping.set()
        self.join()


def run(count: int, layout: str, *, workers: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = build_event(Path(folder), count)
        out = Path(folder) / "badges.pdf"
        before = _resident_mib(os.getpid())
        sampler = MemorySampler()
        sampler.start()
        started = time.perf_counter()
        report = print_badges(store, PrintRequest(), out=out, layout=layout, actor="bench", workers=workers)
        seconds = time.perf_counter() - started
        sampler.stop()
        store.close()
        main_peak, worker_peak, worker_own = sampler.main_peak, sampler.worker_peak, sampler.worker_own_peak
        size = out.stat().st_size / 2**20
    verdict = "ok" if seconds < 40 else "SLOW"
    print(
        f"{count:,}-badge {layout} batch on {workers} processes: {seconds:.1f} s ({count / seconds:.0f} badges/s, "
        f"target < 40 s) {verdict}; {report.pages} pages, {size:.0f} MiB PDF"
    )
    verdict = "ok" if worker_peak < 60 else "HIGH"
    print(
        f"  peak resident memory: main {main_peak:.0f} MiB (was {before:.0f} before the batch), "
        f"largest worker {worker_peak:.0f} MiB (target < 60 MiB per process) {verdict}, "
        f"of which its own (RssAnon, no shared libraries) {worker_own:.0f} MiB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--layout", default="a4-4up")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    run(args.count, args.layout, workers=args.workers)


if __name__ == "__main__":
    main()
