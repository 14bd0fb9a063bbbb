"""Commands about guests: import, list and search, accreditation decisions, export."""

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from accreditor import guests as guest_store
from accreditor import workflow
from accreditor.cli.common import EXIT_OK, EXIT_REFUSED, Commands, print_json
from accreditor.errors import AccreditorError
from accreditor.exporting import export_guests
from accreditor.guests import Guest
from accreditor.importing.columns import load_mapping_file, save_mapping_file
from accreditor.importing.importer import ImportReport, import_file
from accreditor.search import SearchIndex
from accreditor.store import EventStore
from accreditor.vocabulary import GuestStatus


def _print_import_report(report: ImportReport, dry_run: bool) -> None:
    lines = [f"{report.file}: {report.rows} rows"]
    for row_error in report.errors:
        lines.append(f"  row {row_error.row}, {row_error.column}: {row_error.message}")
    for warning in report.warnings:
        where = f"row {warning.row}, {warning.column}" if warning.column else f"row {warning.row}"
        lines.append(f"  {where}: warning: {warning.message}")
    for duplicate in report.duplicates:
        lines.append(f"  row {duplicate.row} is a duplicate of {duplicate.of} ({duplicate.reason}); skipped")
    for change in report.updates:
        lines.append(f"  row {change.row} updates guest {change.guest}: {', '.join(change.fields)}")
    if report.unmapped_columns:
        lines.append(f"  columns not imported: {', '.join(report.unmapped_columns)}")
    verb = "would import" if dry_run or not report.written else "imported"
    lines.append(
        f"{verb} {report.imported}, updated {report.updated}, unchanged {report.unchanged}, "
        f"duplicates {len(report.duplicates)}, rows with errors {len({e.row for e in report.errors})}"
        + (f", rows with warnings {len({w.row for w in report.warnings})}" if report.warnings else "")
    )
    if report.errors and not report.written and not dry_run:
        lines.append("Nothing was written: fix the rows above, or use --skip-invalid to import the good rows.")
    print("\n".join(lines))


def cmd_import(args: argparse.Namespace) -> int:
    preset = load_mapping_file(args.mapping) if args.mapping else None
    with EventStore.open(args.event) as store:
        report, mapping = import_file(
            store,
            args.file,
            actor=args.user,
            sheet=args.sheet,
            preset=preset,
            dry_run=args.dry_run,
            skip_invalid=args.skip_invalid,
            default_category=args.default_category,
        )
    if args.save_mapping:
        save_mapping_file(mapping, args.save_mapping)
    if args.json:
        print_json(report.to_json())
    else:
        _print_import_report(report, args.dry_run)
    return EXIT_REFUSED if report.errors and not args.skip_invalid else EXIT_OK


def guest_json(guest: Guest) -> dict[str, Any]:
    fields = guest.fields
    return {
        "id": guest.id,
        "external_ref": fields.external_ref,
        "title": fields.title,
        "family_name": fields.family_name,
        "given_name": fields.given_name,
        "family_name_latin": fields.family_name_latin,
        "given_name_latin": fields.given_name_latin,
        "full_name": guest.full_name,
        "name_latin": guest.name_latin,
        "position": fields.position,
        "organisation": fields.organisation,
        "delegation": fields.delegation,
        "country": fields.country,
        "category": fields.category,
        "status": guest.status,
        "status_reason": guest.status_reason,
        "zones": list(guest.zones),
        "email": fields.email,
        "has_photo": guest.has_photo,
        "checked_in_at": guest.checked_in_at.isoformat() if guest.checked_in_at else None,
        "checked_in_station": guest.checked_in_station or None,
        "badge_serial": guest.badge_serial,
    }


def _select_guests(store: EventStore, args: argparse.Namespace) -> list[Guest]:
    with store.connect() as connection:
        ids = None
        if args.search:
            ids = SearchIndex.from_connection(connection).search(args.search, limit=args.limit)
        return guest_store.list_guests(connection, ids=ids, status=args.status, category=args.category)


def cmd_guests(args: argparse.Namespace) -> int:
    with EventStore.open(args.event) as store:
        found = _select_guests(store, args)
    if args.json:
        print_json([guest_json(guest) for guest in found])
        return EXIT_OK
    for guest in found:
        checked = "checked in" if guest.checked_in_at else ""
        print(
            f"{guest.id:>6}  {guest.full_name:<32.32}  {guest.name_latin:<28.28}  "
            f"{guest.fields.organisation:<28.28}  {guest.fields.country:<2}  {guest.fields.category:<4}  "
            f"{guest.status:<8}  {checked}".rstrip()
        )
    print(f"{len(found)} guests")
    return EXIT_OK


def _status_command(new_status: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        with EventStore.open(args.event) as store, store.begin() as connection:
            ids = list(args.guest_ids)
            if args.all_pending:
                ids += workflow.pending_ids(connection)
            if not ids:
                raise AccreditorError("Name the guests by id, or use --all-pending.")
            changed = workflow.change_status(connection, ids, new_status, args.user, args.reason or "")
        print(f"{len(changed)} guests {new_status}.")
        return EXIT_OK

    return run


def cmd_export(args: argparse.Namespace) -> int:
    with EventStore.open(args.event) as store, store.connect() as connection:
        found = guest_store.list_guests(connection)
    export_guests(found, args.out)
    print(f"Exported {len(found)} guests to {args.out}.")
    return EXIT_OK


def register(commands: Commands) -> None:
    importing = commands.add_parser("import", help="import a registration list (CSV, TSV, XLSX, XLS, ODS)")
    importing.add_argument("event")
    importing.add_argument("file", type=Path)
    importing.add_argument("--sheet")
    importing.add_argument("--mapping", type=Path, help="JSON column mapping to use")
    importing.add_argument("--save-mapping", type=Path, help="write the column mapping used to this JSON file")
    importing.add_argument("--dry-run", action="store_true", help="report only, write nothing")
    importing.add_argument("--skip-invalid", action="store_true", help="import the good rows even if some are bad")
    importing.add_argument("--default-category", default="DEL", help="category for rows that give none")
    importing.add_argument("--json", action="store_true")
    importing.set_defaults(run=cmd_import)

    listing = commands.add_parser("guests", help="list or search guests")
    listing.add_argument("event")
    listing.add_argument("--search")
    listing.add_argument("--status", choices=tuple(GuestStatus))
    listing.add_argument("--category")
    listing.add_argument("--limit", type=int, default=50, help="most search results to show")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(run=cmd_guests)

    for verb, status in (("approve", "approved"), ("reject", "rejected"), ("revoke", "revoked")):
        command = commands.add_parser(verb, help=f"{verb} guests' accreditation")
        command.add_argument("event")
        command.add_argument("guest_ids", type=int, nargs="*", metavar="GUEST_ID")
        command.add_argument("--all-pending", action="store_true")
        command.add_argument("--reason", required=status in workflow.REASON_REQUIRED)
        command.set_defaults(run=_status_command(status))

    export = commands.add_parser("export", help="export guests to .csv or .xlsx")
    export.add_argument("event")
    export.add_argument("out", type=Path)
    export.set_defaults(run=cmd_export)
