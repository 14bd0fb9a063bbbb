"""Benchmark: a 10,000-badge a4-4up batch on both cores — time, and memory that must not grow.

Peak memory is the resident set of the busiest process (ru_maxrss of this process and of the
largest worker), since the batch runs in one main process and two workers.
"""

import argparse
import resource
import tempfile
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
        folder / "batch.accreditor", name="Batch benchmark", starts_on=date(2027, 5, 3), ends_on=date(2027, 5, 4)
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


def _max_rss_mib(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def run(count: int, layout: str, *, workers: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = build_event(Path(folder), count)
        out = Path(folder) / "badges.pdf"
        before = _max_rss_mib(resource.RUSAGE_SELF)
        started = time.perf_counter()
        report = print_badges(store, PrintRequest(), out=out, layout=layout, actor="bench", workers=workers)
        seconds = time.perf_counter() - started
        store.close()
        main_peak = _max_rss_mib(resource.RUSAGE_SELF)
        worker_peak = _max_rss_mib(resource.RUSAGE_CHILDREN)
        size = out.stat().st_size / 2**20
    verdict = "ok" if seconds < 40 else "SLOW"
    print(
        f"{count:,}-badge {layout} batch on {workers} processes: {seconds:.1f} s ({count / seconds:.0f} badges/s, "
        f"target < 40 s) {verdict}; {report.pages} pages, {size:.0f} MiB PDF"
    )
    print(
        f"  peak resident memory: main {main_peak:.0f} MiB (was {before:.0f} before the batch), "
        f"largest worker {worker_peak:.0f} MiB (target < 60 MiB per process)"
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
