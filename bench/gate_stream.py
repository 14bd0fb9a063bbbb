"""Gate speed: verdicts per second from a scan stream against `verify` alone, and the latency of each verdict.

Run it alone with `python -m bench.gate_stream [--scans N] [--guests N]`.  Targets: a gate reads a
stream at least half as fast as `accreditor verify --public-key PEM -` checks the same codes (which
logs nothing), and paced at 1,000 scans/s each verdict comes within 10 ms (p99), its scan on disk.
The gate is the real command, `accreditor gate SOURCE --zone PLN --json`, in its own process, on
the event file itself (a gate on the venue LAN) and on an offline package, writing its scan log with
every commit flushed to disk.  The figures:

- verify: the same codes through `accreditor verify --public-key PEM --json -`: scans/s, its start-up
  (a run with one code) taken off;
- stream: all scans piped in as fast as possible (a benchmark harness or a replay): scans/s, and
  the ratio to verify;
- paced: scans arriving steadily at 1,000/s, each timed from the moment its line is written to the
  moment its verdict line is read: p50, p99, max;
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

TARGET_SHARE_OF_VERIFY = 0.5
PACED_RATE = 1000.0
TARGET_P99_MS = 10.0
ROOT = Path(__file__).resolve().parents[1]
_CATEGORIES = ("DEL", "DEL", "DEL", "HOD", "OBS", "VIP", "MED", "STF")


@dataclass
class Venue:
    """An event of `guests` guests, its package and public keys, and badge codes of every kind."""

    event: Path
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
        with store.begin() as connection:  # the package registers its gate station
            data, _summary = build_package(connection, store.event_info(), station="venue")
            pem = keys.export_public_pem(connection)
    (folder / "venue.gatepkg").write_bytes(data)
    (folder / "venue.pem").write_bytes(pem)
    return Venue(
        path,
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


def gate_command(venue: Venue, log: Path, *, on_event: bool = False) -> list[str]:
    """The gate on the event file itself (its log is the event's), or on the package with its own log file."""
    command = [sys.executable, "-m", "accreditor.cli", "gate"]
    if on_event:
        return [*command, str(venue.event), "--zone", "PLN", "--json"]
    options = ["--zone", "PLN", "--json", "--public-key", str(venue.pem), "--log", str(log)]
    return [*command, str(venue.package), *options]


def verify_rate(venue: Venue, lines: list[str]) -> float:
    """Codes per second through `accreditor verify --public-key PEM --json -`, its start-up taken off."""
    command = [sys.executable, "-m", "accreditor.cli", "verify", "--public-key", str(venue.pem), "--json", "-"]

    def seconds(codes: list[str]) -> float:
        started = time.perf_counter()
        lines = "".join(code + "\n" for code in codes)
        done = subprocess.run(command, check=False, input=lines, capture_output=True, text=True, cwd=ROOT)
        if done.returncode not in (0, 1) or len(done.stdout.splitlines()) != len(codes):
            raise RuntimeError(f"verify failed: {done.stderr.strip()}")
        return time.perf_counter() - started

    start_up = min(seconds(lines[:1]) for _ in range(3))
    return len(lines) / max(seconds(lines) - start_up, 1e-9)


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
        verified = verify_rate(venue, lines)
        print(f"verify --public-key from a stream: {scans:,} codes at {verified:,.0f} codes/s (start-up taken off)")
        for label, on_event in (("event file", True), ("offline package", False)):
            command = gate_command(venue, folder / f"stream-{on_event}.scans", on_event=on_event)
            seconds, _latencies = run_stream(command, lines, rate=None)
            rate = scans / seconds
            share = rate / verified
            verdict = "ok" if share >= TARGET_SHARE_OF_VERIFY else "SLOW"
            print(
                f"gate stream on the {label}: {scans:,} scans in {seconds:.2f} s = {rate:,.0f} scans/s, "
                f"{share:.2f} of verify (target >= {TARGET_SHARE_OF_VERIFY:.1f}) {verdict}"
            )
            command = gate_command(venue, folder / f"paced-{on_event}.scans", on_event=on_event)
            _seconds, paced = run_stream(command, lines[: int(PACED_RATE * 10)], rate=PACED_RATE)
            p99 = _percentile(paced, 0.99)
            verdict = "ok" if p99 < TARGET_P99_MS else "SLOW"
            print(
                f"gate paced at {PACED_RATE:,.0f}/s on the {label}: latency p50 {statistics.median(paced):.2f} ms, "
                f"p99 {p99:.2f} ms, max {max(paced):.2f} ms (target p99 < {TARGET_P99_MS:g} ms) {verdict}"
            )

        single = kiosk(venue, folder, lines[:2000])
        p99 = _percentile(single, 0.99)
        verdict = "ok" if p99 < TARGET_P99_MS else "SLOW"
        print(
            f"gate kiosk, one scan per commit: p50 {statistics.median(single):.2f} ms, p99 {p99:.2f} ms "
            f"(target p99 < {TARGET_P99_MS:g} ms) {verdict}"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scans", type=int, default=20_000)
    parser.add_argument("--guests", type=int, default=2_000)
    arguments = parser.parse_args()
    main(arguments.scans, arguments.guests)
