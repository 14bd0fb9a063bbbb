"""`accreditor check-in`: check guests in by id or by a scanned code, as a desk does."""

import argparse
from typing import Any

from accreditor import keys
from accreditor.cli.common import EXIT_OK, EXIT_REFUSED, Commands, print_json
from accreditor.errors import ServerUnreachableError
from accreditor.services import desk_queue
from accreditor.services.desk import DeskService
from accreditor.services.desk_queue import DeskQueue, QueuedCheckIn, SendReport
from accreditor.store import EventStore, display_name
from accreditor.vocabulary import CheckInResult


def cmd_check_in(args: argparse.Namespace) -> int:
    refused = False
    with EventStore.open(args.event) as store:
        desk = DeskService(store, station=args.station, user=args.user)
        for given in args.inputs:
            outcome = desk.check_in_input(given)
            refused = refused or outcome.result is CheckInResult.REFUSED
            if args.json:
                print_json(outcome.to_json(), one_line=True)
                continue
            detail = outcome.message
            if outcome.result is CheckInResult.ALREADY and outcome.at is not None:
                where = f" at {outcome.station}" if outcome.station else ""
                detail = f"{detail} ({outcome.at.astimezone():%Y-%m-%d %H:%M}{where})"
            who = f"guest {outcome.guest_id}" if outcome.guest_id is not None else given
            print(f"{who}: {detail}")
    return EXIT_REFUSED if refused else EXIT_OK


def _queues(args: argparse.Namespace) -> tuple[list[DeskQueue], EventStore | None]:
    """The event's queues on this computer (one station's with --station) and the event, if it can be reached.

    Without --send an event server that cannot be reached is not an error: its queues are found by its name."""
    try:
        store = EventStore.open(args.event, station=args.station or "")
    except ServerUnreachableError:
        if args.send:
            raise
        found = desk_queue.queues_of(display_name(args.event))
        store = None
    else:
        with store.connect() as connection:
            uid = keys.event_uid(connection)
        found = desk_queue.queues_of(store.display_name, event_uid=uid)
    if args.station:
        found = [queue for queue in found if queue.station == args.station]
    return found, store


def _line(entry: QueuedCheckIn) -> str:
    who = f"guest {entry.guest_id}" + (f" ({entry.guest_name})" if entry.guest_name else "")
    when = f"{entry.queued_at.astimezone():%Y-%m-%d %H:%M}"
    state = str(entry.state) + (" (acknowledged)" if entry.acknowledged_at else "")
    said = f": {entry.message}" if entry.message else ""
    return f"  {who}, checked in {when} by {entry.user}: {state}{said}"


def cmd_desk_queue(args: argparse.Namespace) -> int:
    queues, store = _queues(args)
    shown: list[dict[str, Any]] = []
    try:
        for queue in queues:
            report: SendReport | None = desk_queue.send(queue, store) if args.send and store is not None else None
            if args.acknowledge:
                queue.acknowledge()
            status = queue.status()
            shown.append(
                {
                    "station": queue.station,
                    "file": str(queue.path),
                    "waiting": len(status.waiting),
                    "conflicts": len(status.conflicts),
                    "entries": [entry.to_json() for entry in queue.entries()],
                    "sent": report.to_json() if report is not None else None,
                }
            )
            if args.json:
                continue
            print(f"{queue.station}: {len(status.waiting)} waiting to be sent, {len(status.conflicts)} conflicts")
            for entry in queue.entries():
                print(_line(entry))
            if report is not None and report.unreachable:
                print(f"  not all sent: {report.unreachable}")
    finally:
        if store is not None:
            store.close()
    if args.json:
        print_json({"event": display_name(args.event), "queues": shown})
    elif not queues:
        print("No check-ins were queued for this event on this computer.")
    unsent = any(queue["sent"] and queue["sent"]["unreachable"] for queue in shown)
    return EXIT_REFUSED if unsent or any(queue["conflicts"] for queue in shown) else EXIT_OK


def register(commands: Commands) -> None:
    command = commands.add_parser("check-in", help="check guests in by guest id or scanned code")
    command.add_argument("event")
    command.add_argument("inputs", nargs="+", metavar="GUEST_ID|CODE", help="guest ids, badge codes, references")
    command.add_argument("--station", default="", help="the station checking in, for the record")
    command.add_argument("--json", action="store_true", help="one JSON object per input")
    command.set_defaults(run=cmd_check_in)

    command = commands.add_parser(
        "desk-queue", help="check-ins a desk queued while the event server was out of reach; send them"
    )
    command.add_argument("event")
    command.add_argument("--station", default="", help="only this station's queue (default: every station here)")
    command.add_argument("--send", action="store_true", help="send the waiting check-ins to the event now")
    command.add_argument("--acknowledge", action="store_true", help="mark the conflicts as seen by staff")
    command.add_argument("--json", action="store_true", help="the queues as one JSON object")
    command.set_defaults(run=cmd_desk_queue)
