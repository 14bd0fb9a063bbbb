"""`accreditor check-in`: check guests in by id or by a scanned code, as a desk does."""

import argparse

from accreditor.cli.common import EXIT_OK, EXIT_REFUSED, Commands, print_json
from accreditor.services.desk import DeskService
from accreditor.store import EventStore
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


def register(commands: Commands) -> None:
    command = commands.add_parser("check-in", help="check guests in by guest id or scanned code")
    command.add_argument("event")
    command.add_argument("inputs", nargs="+", metavar="GUEST_ID|CODE", help="guest ids, badge codes, references")
    command.add_argument("--station", default="", help="the station checking in, for the record")
    command.add_argument("--json", action="store_true", help="one JSON object per input")
    command.set_defaults(run=cmd_check_in)
