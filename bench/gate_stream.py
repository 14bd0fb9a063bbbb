"""Gate speed: verdicts per second from a scan stream, and the latency of each verdict including its log write.

Run it alone with `python -m bench.gate_stream [--scans N] [--guests N]`.  Targets: at least 2,000
scans/s from a stream, and a p99 under 10 ms per verdict.  The gate is the real command,
`accreditor gate PACKAGE --zone PLN --json`, in its own process on an offline package, writing its
scan log with every commit flushed to disk.  Three figures:

- stream: all scans piped in as fast as possible (a benchmark harness or a replay): scans/s;
- paced: scans arriving steadily at the target rate, each timed from the moment its line is written
  to the moment its verdict line is read: p50, p99, max;
- kiosk: one scan at a time in this process (`Gate.scan`, one commit and disk flush each): p50, p99.

The scans mix first entries, repeated scans (anti-passback), forged, revoked, superseded and garbage codes.
"""

import argparse
import io
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PIL import Image

from accreditor import categories, guests, keys, workflow
from accreditor.badges.printing import issue_badges, record_serials
from accreditor.gate.offline_gate import open_offline_gate
from accreditor.gate.package import TrustAnchor, build_package
from accreditor.gate.verdicts import GateContext
from accreditor.guests import GuestFields
from accreditor.store import EventStore
from accreditor.tokens import TOKEN_PREFIX

TARGET_RATE = 2000.0
TARGET_P99_MS = 10.0
ROOT = Path(__file__).resolve().parents[1]
_CATEGORIES = ("DEL", "DEL", "DEL", "HOD", "OBS", "VIP", "MED", "STF")


@dataclass
class Venue:
    """An event of `guests` guests, its package and public keys, and badge codes of every kind."""

    package: Path
    pem: Path
    valid: list[str]
    revoked: list[str]
    superseded: list[str]


def _photo(index: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (240, 320), (index % 256, 120, 160)).save(out, "JPEG", quality=85)
    return out.getvalue()


def make_venue(folder: Path, guest_count: int) -> Venue:
    path = folder / "venue.accreditor"
    with EventStore.create(path, passphrase="bench passphrase", name="Bench summit") as store:
        with store.begin() as connection:
            categories.install_standard(connection)
            people = [
                GuestFields(family_name=f"Guest{number}", given_name="Bench", category=_CATEGORIES[number % 8])
                for number in range(guest_count)
            ]
            ids = guests.add_guests(connection, people, "bench")
            workflow.change_status(connection, ids, "approved", "bench")
            for guest_id in ids[::2]:
                guests.set_photo(connection, guest_id, _photo(guest_id), "bench")
            badges = issue_badges(
                connection, store.event_info(), [(guest_id, 1) for guest_id in ids], today=date.today()
            )
            record_serials(connection, [(guest_id, 1) for guest_id in ids], actor="bench")
            tokens = {badge.guest.id: badge.token for badge in badges}
            revoked, reprinted = ids[-40:-20], ids[-20:]
            workflow.change_status(connection, revoked, "revoked", "bench", reason="bench")
            record_serials(connection, [(guest_id, 2) for guest_id in reprinted], actor="bench", reason="lost")
        with store.connect() as connection:
            data, _summary = build_package(connection, store.event_info())
            pem = keys.export_public_pem(connection)
    (folder / "venue.gatepkg").write_bytes(data)
    (folder / "venue.pem").write_bytes(pem)
    return Venue(
        folder / "venue.gatepkg",
        folder / "venue.pem",
        [tokens[guest_id] for guest_id in ids[:-40]],
        [tokens[guest_id] for guest_id in revoked],
        [tokens[guest_id] for guest_id in reprinted],
    )


def scan_mix(venue: Venue, count: int, seed: int = 2027) -> list[str]:
    """First entries, repeats, forgeries, revoked and superseded badges, and garbage, shuffled as at a door."""
    rng = random.Random(seed)
    valid = iter(venue.valid * (count // len(venue.valid) + 1))
    seen: list[str] = []
    lines = []
    for _ in range(count):
        pick = rng.random()
        if pick < 0.55 or not seen:
            seen.append(next(valid))
            lines.append(seen[-1])
        elif pick < 0.75:
            lines.append(rng.choice(seen))
        elif pick < 0.85:
            token = rng.choice(venue.valid)
            lines.append(token[:-2] + ("00" if token[-2:] != "00" else "11"))
        elif pick < 0.90:
            lines.append(rng.choice(venue.revoked))
        elif pick < 0.95:
            lines.append(rng.choice(venue.superseded))
        else:
            lines.append(TOKEN_PREFIX + "".join(rng.choice("0123456789ABCDEF") for _ in range(rng.randrange(200))))
    return lines


def gate_command(venue: Venue, log: Path) -> list[str]:
    options = ["--zone", "PLN", "--json", "--public-key", str(venue.pem), "--log", str(log)]
    return [sys.executable, "-m", "accreditor.cli", "gate", str(venue.package), *options]


def run_stream(command: list[str], lines: list[str], rate: float | None) -> tuple[float, list[float]]:
    """(seconds from the first write to the last verdict, per-verdict latencies in ms) for a gate process."""
    sent = [0.0] * len(lines)
    with subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=ROOT, text=True, encoding="utf-8"
    ) as gate:
        assert gate.stdin is not None and gate.stdout is not None
        gate.stdin.write("warm-up\n")  # the clock starts once the gate has loaded its package and answered
        gate.stdin.flush()
        gate.stdout.readline()
        start = time.perf_counter()

        def write() -> None:
            assert gate.stdin is not None
            for index, line in enumerate(lines):
                if rate is not None:
                    delay = start + index / rate - time.perf_counter()
                    if delay > 0:
                        time.sleep(delay)
                sent[index] = time.perf_counter()
                gate.stdin.write(line + "\n")
                if rate is not None:
                    gate.stdin.flush()
            gate.stdin.close()

        writer = threading.Thread(target=write)
        writer.start()
        latencies = []
        for index in range(len(lines)):
            if not gate.stdout.readline():
                raise RuntimeError(f"the gate stopped after {index} verdicts")
            latencies.append((time.perf_counter() - sent[index]) * 1000)
        elapsed = time.perf_counter() - start
        writer.join()
    return elapsed, latencies


def kiosk(venue: Venue, folder: Path, lines: list[str]) -> list[float]:
    """One scan at a time through `Gate.scan`, each committed and flushed before the next."""
    context = GateContext(zone="PLN", gate="kiosk")
    anchor = TrustAnchor.from_public_key_file(venue.pem.read_bytes())
    timings = []
    with open_offline_gate(venue.package, context, anchor=anchor, log_path=folder / "kiosk.scans") as gate:
        for line in lines:
            started = time.perf_counter()
            gate.scan(line)
            timings.append((time.perf_counter() - started) * 1000)
    return timings


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def main(scans: int = 20_000, guest_count: int = 2_000) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        venue = make_venue(folder, guest_count)
        lines = scan_mix(venue, scans)
        seconds, _latencies = run_stream(gate_command(venue, folder / "stream.scans"), lines, rate=None)
        rate = scans / seconds
        verdict = "ok" if rate >= TARGET_RATE else "SLOW"
        print(f"gate stream: {scans:,} scans in {seconds:.2f} s = {rate:,.0f} scans/s (target >= 2,000) {verdict}")

        _seconds, paced = run_stream(gate_command(venue, folder / "paced.scans"), lines, rate=TARGET_RATE)
        p99 = _percentile(paced, 0.99)
        verdict = "ok" if p99 < TARGET_P99_MS else "SLOW"
        print(
            f"gate paced at {TARGET_RATE:,.0f}/s: latency p50 {statistics.median(paced):.2f} ms, p99 {p99:.2f} ms, "
            f"max {max(paced):.2f} ms (target p99 < 10 ms) {verdict}"
        )

        single = kiosk(venue, folder, lines[:2000])
        p99 = _percentile(single, 0.99)
        verdict = "ok" if p99 < TARGET_P99_MS else "SLOW"
        print(
            f"gate kiosk, one scan per commit: p50 {statistics.median(single):.2f} ms, p99 {p99:.2f} ms "
            f"(target p99 < 10 ms) {verdict}"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scans", type=int, default=20_000)
    parser.add_argument("--guests", type=int, default=2_000)
    arguments = parser.parse_args()
    main(arguments.scans, arguments.guests)
