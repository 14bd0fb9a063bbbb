"""Commands that make events: init and demo."""

import argparse
from pathlib import Path

from accreditor import categories
from accreditor import guests as guest_store
from accreditor.cli import passphrases
from accreditor.cli.common import EXIT_OK, Commands, iso_date
from accreditor.store import EventStore


def cmd_init(args: argparse.Namespace) -> int:
    with (
        EventStore.create(
            args.event,
            name=args.name,
            starts_on=args.starts,
            ends_on=args.ends,
            venue=args.venue,
            passphrase=passphrases.new(args, file_option="--passphrase-file", environment=passphrases.PASSPHRASE_ENV),
        ) as store,
        store.begin() as connection,
    ):
        categories.install_standard(connection)
    print(f"Created event {args.name!r} in {args.event}; its signing key is locked with your passphrase.")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from accreditor.demo import DEMO_PASSPHRASE, create_demo_event  # noqa: PLC0415 - Pillow drawing only here

    with (
        create_demo_event(args.event, guest_count=args.guests, starts_on=args.starts) as store,
        store.connect() as connection,
    ):
        count = guest_store.count_guests(connection)
    print(f"Created the demo event in {args.event} with {count} guests; its key passphrase is {DEMO_PASSPHRASE!r}.")
    return EXIT_OK


def register(commands: Commands) -> None:
    init = commands.add_parser("init", help="create a new event file")
    init.add_argument("event", type=Path)
    init.add_argument("--name", required=True)
    init.add_argument("--starts", type=iso_date)
    init.add_argument("--ends", type=iso_date)
    init.add_argument("--venue", default="")
    init.set_defaults(run=cmd_init)

    demo = commands.add_parser("demo", help="create the demo event")
    demo.add_argument("event", type=Path)
    demo.add_argument("--guests", type=int, default=440, help=argparse.SUPPRESS)
    demo.add_argument("--starts", type=iso_date, help="first of the two event days (default: today)")
    demo.set_defaults(run=cmd_demo)
