"""Commands of the security gate: the offline package, the scan stream, logs back and forth, who is inside."""

import argparse
import json
import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from accreditor import dialects
from accreditor.categories import list_zones
from accreditor.cli.common import EXIT_OK, EXIT_REFUSED, Commands, UsageError, print_json
from accreditor.clock import utc_now
from accreditor.errors import AccreditorError, EventFileError, NotFoundError
from accreditor.gate.evacuation_pdf import write_evacuation_pdf
from accreditor.gate.merge import merge_scans
from accreditor.gate.occupancy import evacuation_list, occupancy
from accreditor.gate.offline_gate import (
    Gate,
    GateLogError,
    default_log_path,
    export_gate_log,
    open_event_gate,
    open_offline_gate,
)
from accreditor.gate.package import TrustAnchor, build_package, fingerprint
from accreditor.gate.scan_log import ScanFileError, export_bytes, list_scans, read_export
from accreditor.gate.stations import GateStation, list_stations, revoke_station
from accreditor.gate.verdicts import DIRECTIONS, GateContext, GateVerdict
from accreditor.keys import event_uid
from accreditor.store import EventStore, is_server_url

MAX_LINE_BYTES = 4096  # a scanner line is at most a few hundred characters; more is noise
BATCH_LINES = 64  # scans already waiting are decided together and committed at once (one disk flush)
_READ_BYTES = 65536


# -- the scan stream ------------------------------------------------------------------------------------


def scan_batches(stream: BinaryIO) -> Iterator[list[str]]:
    """Non-blank lines as they arrive, in batches of what is already waiting (one line for a person at a door).

    `read1` returns what the pipe or terminal holds without waiting for more, so a kiosk's single scan is
    answered at once while a fast stream is batched, and one fsync covers a whole batch.
    """
    pending = b""
    while chunk := stream.read1(_READ_BYTES):
        *lines, pending = (pending + chunk).split(b"\n")
        pending = pending[: MAX_LINE_BYTES + 1]
        texts = [_text(line) for line in lines if line.strip()]
        for start in range(0, len(texts), BATCH_LINES):
            yield texts[start : start + BATCH_LINES]
    if pending.strip():
        yield [_text(pending)]


def serve(gate: Gate, stream: BinaryIO, out: TextIO, *, as_json: bool) -> int:
    """Answer every scanned line with one verdict line, flushed as soon as its scan is logged; returns the count."""
    count = 0
    for batch in scan_batches(stream):
        verdicts = gate.scan_many(batch)
        out.write("".join(_line(verdict, as_json=as_json) + "\n" for verdict in verdicts))
        out.flush()
        count += len(verdicts)
    return count


def _text(line: bytes) -> str:
    return line[:MAX_LINE_BYTES].decode("utf-8", "replace").rstrip("\r")


def _line(verdict: GateVerdict, *, as_json: bool) -> str:
    if as_json:
        return json.dumps(verdict.to_json(), ensure_ascii=False)
    who = ""
    if verdict.guest_id is not None:
        name = verdict.name or f"guest {verdict.guest_id}"
        who = f"{name} · {verdict.category} · {' '.join(verdict.zones)} — "
    return f"{verdict.colour.upper():<6} {who}{verdict.message}"


# -- commands -------------------------------------------------------------------------------------------


def cmd_gate_package(args: argparse.Namespace) -> int:
    out: Path = args.out
    partial = out.with_name(out.name + ".partial")
    with EventStore.open(args.event) as store, store.begin() as connection:
        data, summary = build_package(connection, store.event_info(), station=args.station or out.stem, actor=args.user)
        partial.write_bytes(data)  # the station is recorded only if its package could be written
    partial.replace(out)  # a gate never finds half a package
    if args.json:
        print_json({**summary.to_json(), "file": str(out)})
        return EXIT_OK
    print(
        f"Wrote the gate package of {summary.event_name} to {out}: {summary.guests} guests "
        f"({summary.photos} with photo), {summary.revoked} revoked, {summary.superseded} reprinted badges."
    )
    for guest_id in summary.unreadable_photos:
        print(f"  warning: guest {guest_id}'s photo cannot be read; the gate will show no photo.")
    print(f"Signed with key {summary.key_id}, fingerprint {summary.fingerprint}.")
    print(
        f"Gate station {summary.station_name} (id {summary.station_id}, key {summary.station_fingerprint}) signs "
        "this gate's log; keep the package safe, or revoke the station with gate-stations revoke."
    )
    print("Gates trust it with --public-key (from `keys export-public`) or --fingerprint with that fingerprint.")
    return EXIT_OK


def cmd_gate(args: argparse.Namespace) -> int:
    direction = args.direction
    context = GateContext(
        zone=args.zone.upper(),
        direction=direction,
        gate=args.gate or f"{args.zone.upper()}-{direction}",
        station=args.station,
        operator=args.user,
        anti_passback=not args.no_anti_passback,
    )
    with _open_gate(args, context) as gate:
        if not args.json:
            print(f"Gate {context.gate} ({gate.zone_name}, {direction}) on the {gate.description}.", file=sys.stderr)
        serve(gate, sys.stdin.buffer, sys.stdout, as_json=args.json)
    return EXIT_OK


def _open_gate(args: argparse.Namespace, context: GateContext) -> Gate:
    source = args.source
    if _is_event_file(source):
        if args.public_key or args.fingerprint or args.log:
            raise AccreditorError("--public-key, --fingerprint and --log are for a gate package, not an event file.")
        return open_event_gate(source, context)
    anchor = None
    if args.public_key:
        anchor = TrustAnchor.from_public_key_file(_read(args.public_key, "public-key file"))
    elif args.fingerprint:
        anchor = TrustAnchor.from_fingerprint(args.fingerprint)
    return open_offline_gate(Path(source), context, anchor=anchor, log_path=args.log)


def _is_event_file(location: str) -> bool:
    """True for an event (a file or a server URL), False for a gate package."""
    if is_server_url(location):
        return True
    path = Path(location)
    if not path.is_file():
        raise EventFileError(f"There is no event file or gate package at {path}.")
    with path.open("rb") as handle:
        return handle.read(len(dialects.SQLITE_MAGIC)) == dialects.SQLITE_MAGIC


def _read(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise EventFileError(f"Cannot read the {what} {path} ({error.strerror}).") from error


def cmd_export_scans(args: argparse.Namespace) -> int:
    source = args.source
    if _is_event_file(source):
        with EventStore.open(source) as store, store.connect() as connection:
            uid, records = event_uid(connection), list_scans(connection)
        data, count = export_bytes(records, event_uid=uid, source=f"event {store.display_name}"), len(records)
    else:
        log = args.log or default_log_path(Path(source))
        if not log.exists():
            raise GateLogError(f"This gate has no scan log at {log} yet.")
        count, data = export_gate_log(Path(source), log, source=f"gate log {log.name} on {socket.gethostname()}")
    args.out.write_bytes(data)
    print(f"Exported {count} scans to {args.out}.")
    return EXIT_OK


def cmd_merge_scans(args: argparse.Namespace) -> int:
    exports, unreadable = [], []
    for path in args.logs:  # one damaged log is reported on its own; the others still merge
        try:
            exports.append((path, read_export(_read_log(path), path.name)))
        except ScanFileError as error:
            unreadable.append(error)
            print(f"accreditor: {error} It was not merged.", file=sys.stderr)
    with EventStore.open(args.event) as store, store.begin() as connection:
        reports = [merge_scans(connection, export, file=path.name, actor=args.user) for path, export in exports]
    status = EXIT_REFUSED if unreadable or any(report.rejected for report in reports) else EXIT_OK
    if args.json:
        print_json([report.to_json() for report in reports])
        return status
    for report in reports:
        rejected = f", {len(report.rejected)} rejected" if report.rejected else ""
        print(
            f"{report.file}: {report.added} scans added, {report.already} already in the event{rejected} "
            f"({report.source})."
        )
        for rejection in report.rejected:
            print(f"  {rejection.where}: {rejection.reason}: {rejection.message}")
    return status


def _read_log(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise ScanFileError(f"Cannot read the scan log {path} ({error.strerror}).") from error


def cmd_inside(args: argparse.Namespace) -> int:
    with EventStore.open(args.event) as store, store.connect() as connection:
        zones = {zone.code: zone.name for zone in list_zones(connection)}
        zone = args.zone.upper() if args.zone else None
        if zone is not None and zone not in zones:
            raise NotFoundError(f"The event has no zone {zone}; its zones are {', '.join(zones)}.")
        counts = occupancy(connection)
        entries = evacuation_list(connection, zone, photos=args.pdf is not None)
        event_name = store.event_info().name
    shown = {code: name for code, name in zones.items() if zone in (None, code)}
    if args.pdf is not None:
        pages = write_evacuation_pdf(entries, args.pdf, event_name=event_name, zones=shown, generated_at=utc_now())
        if not args.json:
            print(f"Wrote the evacuation list ({len(entries)} people, {pages} pages) to {args.pdf}.")
    if args.json:
        print_json(
            {
                "zones": [{"zone": code, "name": name, "inside": counts.get(code, 0)} for code, name in shown.items()],
                "inside": [entry.to_json() for entry in entries],
            }
        )
    elif args.pdf is None:
        for code, name in shown.items():
            print(f"{code} {name}: {counts.get(code, 0)} inside")
            for entry in (entry for entry in entries if entry.zone == code):
                latin = f" ({entry.name_latin})" if entry.name_latin != entry.name else ""
                gate = f" at {entry.gate}" if entry.gate else ""
                print(f"  {entry.name}{latin} · {entry.category_name} · since {entry.since.astimezone():%H:%M}{gate}")
    return EXIT_OK


def cmd_gate_stations(args: argparse.Namespace) -> int:
    words: list[str] = args.words
    if words[0] == "revoke":
        if len(words) != 3:
            raise UsageError("Usage: gate-stations revoke EVENT NAME.")
        with EventStore.open(words[1]) as store, store.begin() as connection:
            revoked = revoke_station(connection, words[2], actor=args.user)
        if args.json:
            print_json([_station_json(station) for station in revoked])
        else:
            print(
                f"Revoked gate station {revoked[0].name} ({len(revoked)} key{'s' if len(revoked) > 1 else ''}): "
                "lines signed by it are no longer merged; the scans it brought before stay, marked."
            )
        return EXIT_OK
    if len(words) != 1:
        raise UsageError("Usage: gate-stations EVENT, or gate-stations revoke EVENT NAME.")
    with EventStore.open(words[0]) as store, store.connect() as connection:
        stations = list_stations(connection)
    if args.json:
        print_json([_station_json(station) for station in stations])
        return EXIT_OK
    if not stations:
        print("The event has no gate stations yet: gate-package makes one for each offline gate.")
    for station in stations:
        state = f"revoked {station.revoked_at:%Y-%m-%d %H:%M} UTC" if station.revoked_at else "active"
        merged = f"{station.merged_scans} scans merged" + (" (kept, marked revoked)" if station.revoked_at else "")
        print(
            f"{station.id:>4}  {station.name}  {state}  {merged}  made {station.created_at:%Y-%m-%d %H:%M} UTC  "
            f"key {fingerprint(station.public_key)}"
        )
    return EXIT_OK


def _station_json(station: GateStation) -> dict[str, object]:
    return {**station.to_json(), "fingerprint": fingerprint(station.public_key)}


def register(commands: Commands) -> None:
    package = commands.add_parser("gate-package", help="write the signed offline package for gates")
    package.add_argument("event")
    package.add_argument("out", type=Path)
    package.add_argument("--station", help="the gate station's name (default: the package's file name)")
    package.add_argument("--json", action="store_true")
    package.set_defaults(run=cmd_gate_package)

    gate = commands.add_parser(
        "gate", help="a gate: verdicts for badge codes read from stdin, one per line (EVENT or PACKAGE)"
    )
    gate.add_argument("source", metavar="EVENT|PACKAGE")
    gate.add_argument("--zone", required=True, help="the zone this gate opens (code)")
    gate.add_argument("--direction", choices=DIRECTIONS, default="in", help="entry, exit or a two-way door")
    gate.add_argument("--gate", default="", help="the gate's name in the log (default ZONE-DIRECTION)")
    gate.add_argument("--station", default=socket.gethostname(), help="this computer, for the log")
    trust = gate.add_mutually_exclusive_group()
    trust.add_argument("--public-key", type=Path, metavar="PEM", help="trust the package signed by these keys")
    trust.add_argument("--fingerprint", help="trust the package signed by the key with this fingerprint")
    gate.add_argument("--log", type=Path, help="the offline gate's scan log (default: PACKAGE.scans)")
    gate.add_argument("--no-anti-passback", action="store_true", help="do not flag a second entry")
    gate.add_argument("--json", action="store_true", help="one JSON verdict per line")
    gate.set_defaults(run=cmd_gate)

    export = commands.add_parser("export-scans", help="write a scan log to a file for merge-scans")
    export.add_argument("source", metavar="EVENT|PACKAGE")
    export.add_argument("out", type=Path)
    export.add_argument("--log", type=Path, help="the offline gate's scan log (default: PACKAGE.scans)")
    export.set_defaults(run=cmd_export_scans)

    merge = commands.add_parser("merge-scans", help="merge exported gate logs into the event (idempotent)")
    merge.add_argument("event")
    merge.add_argument("logs", nargs="+", type=Path, metavar="LOG")
    merge.add_argument("--json", action="store_true")
    merge.set_defaults(run=cmd_merge_scans)

    stations = commands.add_parser(
        "gate-stations", help="list the offline gate stations (EVENT), or revoke one (revoke EVENT NAME)"
    )
    stations.add_argument("words", nargs="+", metavar="EVENT | revoke EVENT NAME")
    stations.add_argument("--json", action="store_true")
    stations.set_defaults(run=cmd_gate_stations)

    inside = commands.add_parser("inside", help="who is inside each zone, and the evacuation list")
    inside.add_argument("event")
    inside.add_argument("--zone", help="one zone (code)")
    inside.add_argument("--pdf", type=Path, metavar="OUT", help="write the printable evacuation list")
    inside.add_argument("--json", action="store_true")
    inside.set_defaults(run=cmd_inside)
