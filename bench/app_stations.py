"""Live refresh between two app stations: from one station's commit to the other's window having it.

`python -m bench.app_stations` (offscreen Qt) opens two main windows of the app in one process, on a
throwaway PostgreSQL cluster and then on one SQLite file, as Desk A and Desk B.  Desk A checks guests in
one at a time; each is timed from its commit until Desk B's session says `changed` with the guest checked
in (the views refresh on that signal).  Target: p95 < 2 s on both.
"""

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QApplication

from accreditor import checkin, server
from accreditor.changes import Changes
from accreditor.store import EventStore
from bench.stations import new_event
from ui import jobs
from ui.app import configure_application
from ui.main_window import MainWindow
from ui.settings import StationSettings

P95_TARGET_S = 2.0
ARRIVAL_WAIT_S = 5.0


def spin_until(done: object, seconds: float) -> bool:
    """Run the event loop until `done()` holds or `seconds` have passed."""
    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:  # type: ignore[operator]
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    return bool(done())  # type: ignore[operator]


def window_at(location: str, name: str) -> MainWindow:
    settings = StationSettings(station_name=name, printer="", layout="cr80", auto_print=False, sounds=False)
    window = MainWindow(EventStore.open(location, station=name), station=settings)
    if not spin_until(lambda: window.event_session.is_loaded() and window.live_station.watching, 30):
        raise SystemExit(f"{name} did not open the event within 30 s")
    return window


def bench_app_stations(location: str, changes: int, label: str) -> None:
    guest_ids = new_event(location, changes)
    desk_a, desk_b = window_at(location, "Desk A"), window_at(location, "Desk B")
    arrivals: dict[int, float] = {}

    def heard(seen: Changes) -> None:
        now = time.perf_counter()
        session = desk_b.event_session.session
        for guest_id in seen.guest_ids or guest_ids:
            if guest_id not in arrivals and session.guest(guest_id).checked_in_at is not None:
                arrivals[guest_id] = now

    desk_b.event_session.changed.connect(heard)
    delays = []
    try:
        for guest_id in guest_ids:
            with desk_a.store.begin() as connection:
                checkin.check_in(connection, guest_id, station="Desk A", user="a")
            committed = time.perf_counter()
            if spin_until(lambda guest_id=guest_id: guest_id in arrivals, ARRIVAL_WAIT_S):
                delays.append(arrivals[guest_id] - committed)
            spin_until(lambda: False, 0.05)  # stations do not check in back to back
    finally:
        for window in (desk_a, desk_b):
            window.close()
        jobs.wait_for_jobs(10_000)
    missing = len(guest_ids) - len(delays)
    delays.sort()
    p95 = delays[max(int(len(delays) * 0.95) - 1, 0)] if delays else float("inf")
    verdict = "ok" if p95 < P95_TARGET_S and not missing else "SLOW"
    print(
        f"check-in reaches another app station ({label:<10})  p50 {statistics.median(delays or [0]) * 1000:6.1f} ms"
        f"  p95 {p95 * 1000:6.1f} ms  max {(delays or [0])[-1] * 1000:6.1f} ms  ({len(delays)} changes, "
        f"{missing} missed; target p95 < {P95_TARGET_S:.0f} s) {verdict}"
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--changes", type=int, default=50, help="check-ins timed from one window to the other")
    args = parser.parse_args(argv)
    application = QApplication([sys.argv[0], "-platform", "offscreen"])
    configure_application(application)
    folder = Path(tempfile.mkdtemp(prefix="accreditor-bench-app-"))
    folder.chmod(0o755)  # as root the server runs as `postgres`, which must enter the folder
    try:
        if server.find_binaries() is None:
            print("app stations on a server: skipped, PostgreSQL is not installed (apt-get install postgresql)")
        else:
            cluster = server.Cluster(folder / "data", port=server.free_port())
            cluster.initialise()
            cluster.start()
            try:
                cluster.create_database("stations")
                bench_app_stations(cluster.url("stations"), args.changes, "PostgreSQL")
            finally:
                cluster.stop()
        bench_app_stations(str(folder / "stations.accreditor"), args.changes, "SQLite")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
