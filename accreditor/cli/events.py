"""Commands that make events: init and demo, in a new file or an empty PostgreSQL database."""

import argparse

from accreditor import categories
from accreditor import guests as guest_store
from accreditor.cli import passphrases
from accreditor.cli.common import EXIT_OK, Commands, iso_date
from accreditor.cli.login import PASSWORD_VARIABLE, read_secret
from accreditor.roles import Actor, Role
from accreditor.store import EventStore, redacted
from accreditor.users import NO_USERS_NOTE, AuthenticationError, add_user, check_password_rules

# An event location is a file path or a postgresql:// URL: kept as text, since a Path would fold "//" into "/".
LOCATION_HELP = "an event file, or postgresql://user:password@host:5432/dbname of an empty database"


def cmd_init(args: argparse.Namespace) -> int:
    organiser, password = args.given_user, None
    if organiser:  # asked before the file exists, so a cancelled prompt leaves nothing behind
        password = read_secret(args.password_file, PASSWORD_VARIABLE, f"Password for {organiser}: ", confirm=True)
        if password is None:
            raise AuthenticationError(f"Give {organiser}'s password with --password-file or {PASSWORD_VARIABLE}.")
        check_password_rules(password)
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
        if organiser and password is not None:
            add_user(connection, Actor.unrestricted(organiser), organiser, Role.ORGANISER, password)
    print(f"Created event {args.name!r} in {redacted(args.event)}; its signing key is locked with your passphrase.")
    if organiser:
        print(f"{organiser} is its first user, an organiser; every command on it now needs --user and a password.")
    else:
        print(NO_USERS_NOTE)
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from accreditor.demo import DEMO_PASSPHRASE, create_demo_event  # noqa: PLC0415 - Pillow drawing only here

    with (
        create_demo_event(args.event, guest_count=args.guests, starts_on=args.starts) as store,
        store.connect() as connection,
    ):
        count = guest_store.count_guests(connection)
    print(
        f"Created the demo event in {redacted(args.event)} with {count} guests; "
        f"its key passphrase is {DEMO_PASSPHRASE!r}."
    )
    return EXIT_OK


def register(commands: Commands) -> None:
    init = commands.add_parser("init", help="create a new event (file or server database)")
    init.add_argument("event", help=LOCATION_HELP)
    init.add_argument("--name", required=True)
    init.add_argument("--starts", type=iso_date)
    init.add_argument("--ends", type=iso_date)
    init.add_argument("--venue", default="")
    init.set_defaults(run=cmd_init)

    demo = commands.add_parser("demo", help="create the demo event")
    demo.add_argument("event", help=LOCATION_HELP)
    demo.add_argument("--guests", type=int, default=440, help=argparse.SUPPRESS)
    demo.add_argument("--starts", type=iso_date, help="first of the two event days (default: today)")
    demo.set_defaults(run=cmd_demo)
