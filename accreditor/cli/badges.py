"""Commands about badges: batch PDFs, tokens, verification and the event's signing keys."""

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from accreditor import keys
from accreditor.badges.printing import ORDERS, PrintRequest, current_token
from accreditor.cli import passphrases
from accreditor.cli.common import EXIT_OK, EXIT_REFUSED, Commands, UsageError, iso_date, print_json
from accreditor.errors import AccreditorError
from accreditor.print_sinks import PdfFileSink
from accreditor.services.issuing import BatchIssued, IssuingService, PrintSinkError
from accreditor.store import EventStore
from accreditor.tokens import TOKEN_PREFIX, Verdict
from accreditor.verification import EventVerifier, PublicKeyVerifier


def print_request(args: argparse.Namespace) -> PrintRequest:
    """The run the selection options ask for (shared by `badges` and `print`)."""
    return PrintRequest(
        category=args.category,
        guest_ids=tuple(args.guest or ()),
        only_unprinted=args.only_unprinted,
        mark_printed=getattr(args, "mark_printed", True),
        reprint=args.reprint,
        reason=args.reason or "",
        order=args.order,
    )


def layout_argument(value: str) -> str:
    """A shipped layout's name, or a layout file (made absolute: the workers start elsewhere)."""
    return str(Path(value).resolve()) if Path(value).suffix.lower() == ".json" else value


def print_report(issued: BatchIssued, *, where: str) -> None:
    """The run in a few lines: who was skipped and why, warnings, and the count."""
    report = issued.report
    for skipped in report.skipped:
        print(f"  skipped guest {skipped['guest']} ({skipped['name']}): {skipped['reason']}")
    for warning in report.warnings:
        print(f"  warning: {warning}")
    marked = f", {report.marked_printed} marked printed" if report.marked_printed else ""
    print(f"{report.badges} badges on {report.pages} pages {where}{marked}; {len(report.skipped)} skipped.")


def cmd_badges(args: argparse.Namespace) -> int:
    request = print_request(args)
    with EventStore.open(args.event) as store:
        issued = IssuingService(store, user=args.user, station=args.station).issue_batch(
            request,
            PdfFileSink(args.out),
            layout=layout_argument(args.layout),
            record=request.mark_printed or request.reprint,
            workers=args.workers,
        )
    if issued.outcome is not None and not issued.outcome.accepted:
        raise PrintSinkError(issued.outcome.message)
    if issued.record_error:
        raise AccreditorError(issued.record_error)
    if args.json:
        print_json(issued.report.to_json())
        return EXIT_OK
    print_report(issued, where=f"in {args.out}")
    return EXIT_OK


def add_selection_options(command: argparse.ArgumentParser) -> None:
    """Which guests a run prints, in which order and layout; whether it is a reprint."""
    command.add_argument("--layout", default="a4-4up", help="a shipped layout name or a layout .json file")
    command.add_argument("--category", help="only this category (code)")
    command.add_argument("--guest", type=int, action="append", metavar="ID", help="only these guests (repeatable)")
    command.add_argument("--order", choices=ORDERS, default="id", help="page order (default: guest id)")
    command.add_argument("--only-unprinted", action="store_true", help="skip guests whose badge was printed")
    command.add_argument("--reprint", action="store_true", help="new badges with a higher serial (needs --reason)")
    command.add_argument("--reason", help="why badges are reprinted")
    command.add_argument("--station", default="", help="the station printing, for the record")
    command.add_argument("--workers", type=int, help="processes to render with (default: both cores for big batches)")
    command.add_argument("--json", action="store_true")


def cmd_token(args: argparse.Namespace) -> int:
    with EventStore.open(args.event) as store, store.connect() as connection:
        print(current_token(connection, store.event_info(), args.guest_id, today=date.today()))
    return EXIT_OK


def _verdict_json(verdict: Verdict, name: str | None) -> dict[str, Any]:
    claims = verdict.claims
    return {
        "valid": verdict.valid,
        "reason": verdict.reason,
        "guest": claims.guest_id if claims else None,
        "name": name,
        "serial": claims.serial if claims else None,
        "category": claims.category if claims else None,
        "zones": list(claims.zones) if claims else [],
        "valid_from": claims.valid_from.isoformat() if claims else None,
        "valid_until": claims.valid_until.isoformat() if claims else None,
        "key_id": verdict.key_id,
    }


def _tokens_from(arguments: list[str]) -> list[str]:
    """Tokens given on the command line; "-" reads one token per line from standard input.

    Lines are decoded one by one with replacement characters, so a line of noise that is not UTF-8 becomes
    one `malformed` verdict among the others instead of stopping the run.
    """
    tokens: list[str] = []
    for argument in arguments:
        if argument == "-":
            lines = (line.decode("utf-8", "replace").strip() for line in sys.stdin.buffer)
            tokens.extend(line for line in lines if line)
        else:
            tokens.append(argument)
    return tokens


def cmd_verify(args: argparse.Namespace) -> int:
    today = args.on or date.today()
    verdicts: list[dict[str, Any]] = []
    if args.public_key:
        verifier = PublicKeyVerifier(args.public_key)
        verdicts = [_verdict_json(verifier.verify(token, today=today), None) for token in _tokens_from(args.items)]
    else:
        if len(args.items) < 2 or args.items[0].startswith(TOKEN_PREFIX):
            raise UsageError("verify needs the event file before the tokens, or --public-key PEM to verify offline.")
        from accreditor import guests as guest_store  # noqa: PLC0415 - only for names in the report

        with EventStore.open(args.items[0]) as store, store.connect() as connection:
            verifier = EventVerifier(connection)
            for token in _tokens_from(args.items[1:]):
                verdict = verifier.verify(token, today=today)
                name = None
                if verdict.claims and verifier.guest_state(verdict.claims.guest_id):
                    name = guest_store.get_guest(connection, verdict.claims.guest_id).full_name
                verdicts.append(_verdict_json(verdict, name))
    for verdict in verdicts:
        if args.json:
            print_json(verdict, one_line=True)
        else:
            mark = "VALID" if verdict["valid"] else "INVALID"
            who = f" guest {verdict['guest']} {verdict['name'] or ''}".rstrip() if verdict["guest"] else ""
            print(f"{mark} {verdict['reason']}{who}")
    return EXIT_OK if verdicts and all(verdict["valid"] for verdict in verdicts) else EXIT_REFUSED


def cmd_keys_export(args: argparse.Namespace) -> int:
    with EventStore.open(args.event) as store, store.connect() as connection:
        pem = keys.export_public_pem(connection)
    Path(args.out).write_bytes(pem)
    print(f"Wrote the event's public keys to {args.out}.")
    return EXIT_OK


def cmd_keys_rotate(args: argparse.Namespace) -> int:
    passphrase = passphrases.required(args)
    with EventStore.open(args.event) as store, store.begin() as connection:
        key_id = keys.rotate(connection, args.user, passphrase)
    print(f"New signing key {key_id}; badges signed with earlier keys stay valid.")
    return EXIT_OK


def cmd_keys_passphrase(args: argparse.Namespace) -> int:
    old = passphrases.required(args)
    new = passphrases.new(args, file_option="--new-passphrase-file", environment=passphrases.NEW_PASSPHRASE_ENV)
    with EventStore.open(args.event) as store, store.begin() as connection:
        count = keys.change_passphrase(connection, args.user, old, new)
    print(f"The passphrase of {count} signing {'key' if count == 1 else 'keys'} changed; every badge stays valid.")
    return EXIT_OK


def register(commands: Commands) -> None:
    badges = commands.add_parser("badges", help="render badges to a PDF (and record them as printed)")
    badges.add_argument("event")
    badges.add_argument("--out", required=True, type=Path, help="the PDF to write")
    badges.add_argument("--mark-printed", action="store_true", help="record the badges as printed")
    add_selection_options(badges)
    badges.set_defaults(run=cmd_badges)

    token = commands.add_parser("token", help="print a guest's current badge token")
    token.add_argument("event")
    token.add_argument("guest_id", type=int)
    token.set_defaults(run=cmd_token)

    verify = commands.add_parser("verify", help="verify badge tokens: EVENT TOKEN… or --public-key PEM TOKEN…")
    verify.add_argument("items", nargs="+", metavar="EVENT|TOKEN", help='tokens ("-" reads them from stdin)')
    verify.add_argument("--public-key", type=Path, help="verify offline with an exported public key file")
    verify.add_argument("--on", type=iso_date, metavar="YYYY-MM-DD", help="verify as of this day (default: today)")
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(run=cmd_verify)

    key_commands = commands.add_parser("keys", help="the event's signing keys").add_subparsers(
        dest="keys_command", required=True, metavar="ACTION"
    )
    export = key_commands.add_parser("export-public", help="write the public keys for gates")
    export.add_argument("event")
    export.add_argument("out", type=Path)
    export.set_defaults(run=cmd_keys_export)
    rotate = key_commands.add_parser("rotate", help="start signing with a new key (earlier badges stay valid)")
    rotate.add_argument("event")
    rotate.set_defaults(run=cmd_keys_rotate)
    passphrase = key_commands.add_parser("passphrase", help="change the passphrase the signing keys are locked with")
    passphrase.add_argument("event")
    passphrase.add_argument(
        "--new-passphrase-file", type=Path, metavar="FILE", help=f"or ${passphrases.NEW_PASSPHRASE_ENV}, or a prompt"
    )
    passphrase.set_defaults(run=cmd_keys_passphrase)
