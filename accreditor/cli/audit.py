"""`accreditor audit verify EVENT`: is the audit log's hash chain intact?"""

import argparse

from accreditor import audit
from accreditor.cli.common import EXIT_OK, EXIT_REFUSED, Commands, print_json
from accreditor.store import EventStore


def cmd_audit_verify(args: argparse.Namespace) -> int:
    with EventStore.open(args.event) as store, store.connect() as connection:
        state = audit.verify(connection)
    if args.json:
        print_json(state.to_json())
    else:
        print(state.sentence())
    return EXIT_OK if state.intact else EXIT_REFUSED


def register(commands: Commands) -> None:
    audit_commands = commands.add_parser("audit", help="the event's audit log").add_subparsers(
        dest="audit_command", required=True, metavar="ACTION"
    )
    verify = audit_commands.add_parser(
        "verify", help="check the audit log's hash chain; names the first entry changed, removed or inserted"
    )
    verify.add_argument("event")
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(run=cmd_audit_verify)
