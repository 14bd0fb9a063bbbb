"""Commands for an event shared by several stations: copy, stations, and a venue laptop's own server."""

import argparse
import getpass
import os
import sys
from pathlib import Path

from accreditor import live, server
from accreditor.cli.common import EXIT_OK, Commands, print_json
from accreditor.cli.events import LOCATION_HELP
from accreditor.copying import copy_event
from accreditor.errors import AccreditorError
from accreditor.store import EventStore

PASSWORD_VARIABLE = "ACCREDITOR_SERVER_PASSWORD"


def cmd_copy(args: argparse.Namespace) -> int:
    report = copy_event(args.source, args.destination)
    if args.json:
        print_json({"source": report.source, "destination": report.destination, "rows": report.rows})
        return EXIT_OK
    others = ", ".join(f"{count:,} {table}" for table, count in report.rows.items() if count and table != "guests")
    print(f"Copied the event from {report.source} to {report.destination}: {report.guests:,} guests ({others}).")
    return EXIT_OK


def cmd_stations(args: argparse.Namespace) -> int:
    with EventStore.open(args.event, station=args.station) as store:
        online = live.stations_online(store)
        if not store.is_server:
            raise AccreditorError(f"{store.display_name} is a file: only an event server has stations online.")
    if args.json:
        print_json({"stations": online})
    else:
        print("\n".join(online))
    return EXIT_OK


def _password(args: argparse.Namespace) -> str:
    """The password stations will connect with: from a file, the environment, or typed (twice)."""
    if args.password_file:
        try:
            password = args.password_file.read_text(encoding="utf-8").strip()
        except OSError as error:
            raise AccreditorError(f"Cannot read the password file {args.password_file} ({error.strerror}).") from error
    elif os.environ.get(PASSWORD_VARIABLE):
        password = os.environ[PASSWORD_VARIABLE]
    elif sys.stdin.isatty():
        password = getpass.getpass("Password the stations will connect with: ")
        if getpass.getpass("Again: ") != password:
            raise AccreditorError("The two passwords differ; nothing was made.")
    else:
        raise AccreditorError(f"Give the stations' password with --password-file or {PASSWORD_VARIABLE}.")
    if len(password) < 8:
        raise AccreditorError("The password needs at least 8 characters: the server will be open to the venue LAN.")
    return password


def cmd_server_init(args: argparse.Namespace) -> int:
    password = _password(args)
    cluster = server.Cluster(args.folder.resolve(), port=args.port, host="127.0.0.1")
    cluster.initialise(password=password, listen=args.listen)
    cluster.start()
    cluster.create_database(args.database, password=password)
    url = cluster.url(args.database, password="PASSWORD").replace("127.0.0.1", "THIS-LAPTOP")
    print(f"PostgreSQL is running in {cluster.data_dir}, port {args.port}, open to {args.listen}.")
    print(f"Create the event:  accreditor init {cluster.url(args.database, password='PASSWORD')} --name …")
    print(f"Stations connect to {url} (THIS-LAPTOP: this laptop's LAN address).")
    return EXIT_OK


def cmd_server_start(args: argparse.Namespace) -> int:
    server.Cluster(args.folder.resolve(), port=0).start()
    print(f"PostgreSQL is running in {args.folder}.")
    return EXIT_OK


def cmd_server_stop(args: argparse.Namespace) -> int:
    server.Cluster(args.folder.resolve(), port=0).stop()
    print(f"PostgreSQL in {args.folder} has stopped.")
    return EXIT_OK


def register(commands: Commands) -> None:
    copy = commands.add_parser("copy", help="copy a whole event, e.g. from a file to an event server")
    copy.add_argument("source", help="an event file or postgresql:// URL")
    copy.add_argument("destination", help="a new file, or " + LOCATION_HELP.removeprefix("an event file, or "))
    copy.add_argument("--json", action="store_true")
    copy.set_defaults(run=cmd_copy)

    stations = commands.add_parser("stations", help="the desks and gates connected to an event server")
    stations.add_argument("event", help="postgresql://user:password@host:5432/dbname")
    stations.add_argument("--station", default="", help="how this command shows among them")
    stations.add_argument("--json", action="store_true")
    stations.set_defaults(run=cmd_stations)

    group = commands.add_parser("server", help="a PostgreSQL event server in a folder of this laptop")
    actions = group.add_subparsers(dest="server_command", required=True, metavar="ACTION")
    init = actions.add_parser("init", help="make and start a server with an empty event database")
    init.add_argument("folder", type=Path, metavar="DIR")
    init.add_argument("--port", type=int, default=5432)
    init.add_argument("--listen", default="*", help="addresses to listen on (default: every network)")
    init.add_argument("--database", default="event", help="name of the event's database")
    init.add_argument("--password-file", type=Path, help=f"file holding the password (or set {PASSWORD_VARIABLE})")
    init.set_defaults(run=cmd_server_init)
    for name, run, help_text in (
        ("start", cmd_server_start, "start the server in DIR"),
        ("stop", cmd_server_stop, "stop it"),
    ):
        action = actions.add_parser(name, help=help_text)
        action.add_argument("folder", type=Path, metavar="DIR")
        action.set_defaults(run=run)
