"""Who runs a command: the password, the login, and what each command needs the user's role to allow.

On an event without users every command runs as before, unrestricted.  Once the event has users, every command
on it needs `--user` and that user's password (`--password-file`, `ACCREDITOR_PASSWORD` or typed at the
prompt); a wrong password or a disabled user stops the command before it reads anything (exit 1, audited).
The command's permission is checked here before it starts, and the core services check again before they
write: the command line cannot do what the core refuses.
"""

import argparse
import getpass
import os
import sys
from pathlib import Path

from accreditor import dialects
from accreditor.acting_user import default_user
from accreditor.errors import AccreditorError, EventFileError
from accreditor.roles import Actor, Permission, require
from accreditor.store import EventStore, is_server_url
from accreditor.tokens import TOKEN_PREFIX
from accreditor.users import AuthenticationError, log_in

PASSWORD_VARIABLE = "ACCREDITOR_PASSWORD"
NEW_PASSWORD_VARIABLE = "ACCREDITOR_NEW_PASSWORD"

# What each command on an existing event needs; None: any user of the event.  The core checks again before it
# writes, with the exact action ("Desk users may not approve guests.").  A command missing here is a test failure.
COMMAND_PERMISSIONS: dict[str, Permission | tuple[Permission, str] | None] = {
    "import": Permission.IMPORT_GUESTS,
    "guests": Permission.READ_GUESTS,
    "approve": (Permission.DECIDE, "approve guests"),
    "reject": (Permission.DECIDE, "reject guests"),
    "revoke": (Permission.DECIDE, "revoke guests"),
    "export": Permission.EXPORT_GUESTS,
    "badges": Permission.PRINT_BADGES,
    "print": Permission.PRINT_BADGES,
    "token": Permission.PRINT_BADGES,  # a token is a badge: it is signed with the event's key
    "verify": None,
    "keys export-public": None,
    "keys rotate": Permission.MANAGE_KEYS,
    "keys passphrase": Permission.MANAGE_KEYS,
    "audit verify": Permission.READ_REPORTS,
    "copy": Permission.COPY_EVENT,  # everything goes with it: users' password hashes and the sealed keys
    "stations": None,
    "server init": None,  # the server commands work on a folder of this laptop, not on an event
    "server start": None,
    "server stop": None,
    "check-in": Permission.CHECK_IN,
    "desk-queue": Permission.CHECK_IN,  # sending a station's queued check-ins; listing them needs no login
    "short-name": Permission.READ_GUESTS,  # setting one is checked by the core (CONFIGURE_EVENT)
    "gate-package": Permission.GATE_PACKAGE,
    "gate-stations": Permission.GATE_PACKAGE,  # listing or revoking the stations that sign offline gates' logs
    "gate": Permission.OPERATE_GATE,
    "export-scans": Permission.SEE_INSIDE,
    "merge-scans": Permission.MERGE_SCANS,
    "inside": Permission.SEE_INSIDE,
    "photos": Permission.PHOTOS,
    "users list": None,  # users.list_users checks MANAGE_USERS itself; its note on an event without users is for all
    "users add": None,
    "users disable": None,
    "users enable": None,
    "users password": None,  # one's own password; someone else's is checked by users.change_password
}
# Commands that make a new event: nobody can log in to it yet.
CREATES_EVENT = frozenset({"init", "demo"})


def command_name(args: argparse.Namespace) -> str:
    for group in ("keys_command", "users_command", "audit_command", "server_command"):
        if getattr(args, group, None):
            return f"{args.command} {getattr(args, group)}"
    return str(args.command)


def event_location(args: argparse.Namespace) -> str | None:
    """The existing event a command works on, or None (a gate package, verifying with a public key, a new event)."""
    if args.command in CREATES_EVENT:
        return None
    if args.command == "verify":
        usage_error = len(args.items) < 2 or args.items[0].startswith(TOKEN_PREFIX)  # the command explains it
        return None if args.public_key or usage_error else args.items[0]
    if args.command == "desk-queue" and not args.send:  # this computer's own queue files, read while the server
        return None  # may be out of reach; sending them needs a login
    if args.command == "copy":
        return str(args.source)
    if args.command == "gate-stations":  # EVENT, or revoke EVENT NAME
        words: list[str] = args.words
        return words[1] if words[0] == "revoke" and len(words) > 1 else words[0]
    if args.command in ("gate", "export-scans"):
        source = str(args.source)
        return source if is_server_url(source) or _is_sqlite_file(Path(source)) else None
    event = getattr(args, "event", None)
    return None if event is None else str(event)


def _is_sqlite_file(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(dialects.SQLITE_MAGIC)) == dialects.SQLITE_MAGIC
    except OSError:
        return False  # the command itself says what is wrong with it


def read_secret(file: Path | None, variable: str, prompt: str, *, confirm: bool = False) -> str | None:
    """A password from a file (its first line), the environment, or the terminal; None when there is none.

    Never echoed: the prompt reads from the terminal with echo off.
    """
    if file is not None:
        try:
            lines = file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise EventFileError(f"The password file {file} cannot be read.") from error
        return lines[0] if lines else ""
    if variable in os.environ:
        return os.environ[variable]
    if not sys.stdin.isatty():
        return None
    secret = getpass.getpass(prompt)
    if confirm and getpass.getpass("Again: ") != secret:
        raise AccreditorError("The two passwords differ; nothing was changed.")
    return secret


def actor_for(args: argparse.Namespace) -> str:
    """The acting user: authenticated on an event with users, checked against the command's permission."""
    name = args.user or default_user()
    location = event_location(args)
    if location is None:
        return name
    with EventStore.open(location, station=getattr(args, "station", "") or "") as store:
        password = read_secret(args.password_file, PASSWORD_VARIABLE, f"Password for {name}: ")
        actor: Actor = log_in(store, name, password, station=getattr(args, "station", "") or "")
    needed = COMMAND_PERMISSIONS[command_name(args)]
    if isinstance(needed, tuple):
        require(actor, *needed)
    elif needed is not None:
        require(actor, needed)
    return actor


def new_password(args: argparse.Namespace, whose: str) -> str:
    """The password a command sets (a new user's, a changed one): from a file, the environment or typed twice."""
    secret = read_secret(args.new_password_file, NEW_PASSWORD_VARIABLE, f"New password for {whose}: ", confirm=True)
    if secret is None:
        raise AuthenticationError(
            f"Give {whose}'s new password with --new-password-file or {NEW_PASSWORD_VARIABLE}, or type it in."
        )
    return secret
