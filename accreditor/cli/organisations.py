"""`accreditor short-name`: the short form a badge prints when an organisation's full name does not fit."""

import argparse

from accreditor import organisations
from accreditor.cli.common import EXIT_OK, Commands, print_json
from accreditor.store import EventStore


def cmd_short_name(args: argparse.Namespace) -> int:
    with EventStore.open(args.event) as store:
        if args.organisation is not None:
            with store.begin() as connection:
                organisations.set_short_name(connection, args.organisation, args.short_name or "", args.user)
        with store.connect() as connection:
            short_names = organisations.short_names(connection)
    if args.json:
        print_json(short_names)
    else:
        print("\n".join(f"{short}\t{organisation}" for organisation, short in sorted(short_names.items())))
    return EXIT_OK


def register(commands: Commands) -> None:
    command = commands.add_parser(
        "short-name",
        help="set or list organisations' short forms for badges",
        description=(
            "Badges print an organisation's short form when its full name would not fit at a legible size. "
            "With ORGANISATION and SHORT_NAME, set it (an empty SHORT_NAME removes it); then list them all."
        ),
    )
    command.add_argument("event")
    command.add_argument("organisation", nargs="?", help="the organisation exactly as guests have it")
    command.add_argument("short_name", nargs="?", metavar="SHORT_NAME")
    command.add_argument("--json", action="store_true")
    command.set_defaults(run=cmd_short_name)
