"""The headless command line: `accreditor COMMAND EVENT …`.

`--json` output is a stable contract for scripts.  Errors are one sentence on stderr and a
non-zero exit: 1 when the request was refused (bad rows, illegal transition…), 2 when an input
file or the event cannot be read at all.  Each module here registers one group of commands.
"""

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from accreditor import keys
from accreditor.cli import (
    audit,
    badges,
    checkin,
    events,
    gate,
    guests,
    login,
    organisations,
    passphrases,
    photos,
    printing,
    server,
    users,
)
from accreditor.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_UNREADABLE,
    EXIT_USAGE,
    Commands,
    OptionsAnywhereParser,
    UsageError,
)
from accreditor.errors import AccreditorError, EventFileError, ImportFileError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="accreditor", description="Conference accreditation, offline.")
    parser.add_argument("--user", default=None, help=USER_HELP)
    parser.add_argument("--password-file", type=Path, metavar="FILE", help=PASSWORD_HELP)
    passphrases.add_options(parser)
    commands = parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND", parser_class=OptionsAnywhereParser
    )
    for group in (events, guests, badges, printing, checkin, gate, photos, organisations, server, users, audit):
        group.register(commands)
    _accept_login_anywhere(commands)
    return parser


USER_HELP = "who is acting (on an event with users: the user logging in; default ACCREDITOR_USER or your login)"
PASSWORD_HELP = f"the user's password, first line of FILE (or {login.PASSWORD_VARIABLE}, or typed at the prompt)"


def _accept_login_anywhere(commands: Commands) -> None:
    """`--user` and `--password-file` after the command too; SUPPRESS keeps a value given before it."""
    for command in dict.fromkeys(commands.choices.values()):  # aliases map to the same parser
        if command._subparsers is None:
            command.add_argument("--user", default=argparse.SUPPRESS, help=USER_HELP)
            if "--password-file" not in command._option_string_actions:  # `server init` has its own: the server's
                command.add_argument(
                    "--password-file", type=Path, metavar="FILE", default=argparse.SUPPRESS, help=PASSWORD_HELP
                )
            passphrases.add_options(command, default=argparse.SUPPRESS)
            continue
        for action in command._subparsers._group_actions:
            if isinstance(action, argparse._SubParsersAction):
                _accept_login_anywhere(action)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    previous_source = passphrases.install_source(args)
    try:
        args.given_user = args.user  # `init --user NAME` makes NAME the first organiser
        args.user = login.actor_for(args)
        return int(args.run(args))
    except UsageError as error:
        print(f"accreditor: {error}", file=sys.stderr)
        return EXIT_USAGE
    except (EventFileError, ImportFileError) as error:
        print(f"accreditor: {error}", file=sys.stderr)
        return EXIT_UNREADABLE
    except AccreditorError as error:
        print(f"accreditor: {error}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader (`| head`) stopped reading: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as error:  # the promise is one sentence, never a traceback
        print(f"accreditor: unexpected error ({type(error).__name__}: {error}); please report it.", file=sys.stderr)
        return 3
    finally:
        keys.set_passphrase_source(previous_source)
