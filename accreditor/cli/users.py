"""`accreditor users …`: the event's users and their roles (add, list, disable, enable, change a password)."""

import argparse
from collections.abc import Callable
from pathlib import Path

from accreditor import users
from accreditor.cli.common import EXIT_OK, Commands, print_json
from accreditor.cli.login import NEW_PASSWORD_VARIABLE, new_password
from accreditor.roles import Actor, Role
from accreditor.store import EventStore


def cmd_list(args: argparse.Namespace) -> int:
    with EventStore.open(args.event) as store, store.connect() as connection:
        found = users.list_users(connection, args.user) if users.has_users(connection) else []
    if args.json:
        print_json({"users": [user.to_json() for user in found], "one_laptop": not found})
        return EXIT_OK
    if not found:
        print(users.NO_USERS_NOTE)
        return EXIT_OK
    for user in found:
        state = "" if user.active else "  disabled"
        print(f"{user.name:<24}  {user.role.value:<13}  password set {user.password_changed_at:%Y-%m-%d}{state}")
    return EXIT_OK


def cmd_add(args: argparse.Namespace) -> int:
    password = new_password(args, args.name)
    with EventStore.open(args.event) as store, store.begin() as connection:
        user = users.add_user(connection, args.user, args.name, args.role, password)
    print(f"Added {user.name} ({user.role.value}) to {store.display_name}.")
    return EXIT_OK


def _set_active(active: bool) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        with EventStore.open(args.event) as store, store.begin() as connection:
            user = users.set_active(connection, args.user, args.name, active=active)
        print(f"{user.name} is {'enabled' if active else 'disabled'}.")
        return EXIT_OK

    return run


def cmd_password(args: argparse.Namespace) -> int:
    name = args.name or str(args.user)
    password = new_password(args, name)
    with EventStore.open(args.event) as store, store.begin() as connection:
        users.change_password(connection, args.user, name, password)
    print(f"Changed the password of {name}.")
    return EXIT_OK


def add_new_password_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--new-password-file",
        type=Path,
        metavar="FILE",
        help=f"the new password (first line of FILE; or {NEW_PASSWORD_VARIABLE}, or typed twice)",
    )


def first_organiser(store: EventStore, name: str, password: str) -> None:
    """`init --user NAME`: the new event's first user, an organiser."""
    with store.begin() as connection:
        users.add_user(connection, Actor.unrestricted(name), name, Role.ORGANISER, password)


def register(commands: Commands) -> None:
    group = commands.add_parser("users", help="the event's users and their roles").add_subparsers(
        dest="users_command", required=True, metavar="ACTION"
    )
    listing = group.add_parser("list", help="list users, their roles and whether they are disabled")
    listing.add_argument("event")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(run=cmd_list)

    add = group.add_parser("add", help="add a user (the first one must be an organiser)")
    add.add_argument("event")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=tuple(Role))
    add_new_password_option(add)
    add.set_defaults(run=cmd_add)

    for verb, active in (("disable", False), ("enable", True)):
        command = group.add_parser(verb, help=f"{verb} a user (users are never deleted: the audit log names them)")
        command.add_argument("event")
        command.add_argument("name")
        command.set_defaults(run=_set_active(active))

    password = group.add_parser("password", help="change your password (an organiser: anyone's)")
    password.add_argument("event")
    password.add_argument("name", nargs="?", help="whose password (default: yours)")
    add_new_password_option(password)
    password.set_defaults(run=cmd_password)
