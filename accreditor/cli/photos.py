"""The photos command: a folder of photos matched to guests by file name and stored, with a report."""

import argparse
from pathlib import Path

from accreditor.cli.common import EXIT_OK, EXIT_REFUSED, Commands, print_json
from accreditor.photo_import import PhotoImportReport, import_photos, match_folder
from accreditor.store import EventStore

LISTED_WITHOUT_PHOTO = 20
"""Guests without a photo named in the text report; --json lists them all."""


def _print_report(report: PhotoImportReport) -> None:
    lines = [f"{report.folder}:"]
    for outcome in report.failed:
        lines.append(f"  {outcome.match.file.name} (guest {outcome.match.guest_id}): {outcome.reason}")
    for unmatched in report.unmatched:
        lines.append(f"  {unmatched.file.name} not matched: {unmatched.reason}")
    for outcome in report.skipped:
        lines.append(f"  {outcome.match.file.name} skipped, {outcome.match.name} {outcome.reason}")
    missing = report.guests_without_photo
    if missing:
        lines.append("  without a photo:")
        lines.extend(f"    {guest.guest_id} {guest.name} ({guest.status})" for guest in missing[:LISTED_WITHOUT_PHOTO])
        if len(missing) > LISTED_WITHOUT_PHOTO:
            lines.append(f"    … and {len(missing) - LISTED_WITHOUT_PHOTO} more (--json lists them all)")
    lines.append(report.summary())
    if any(outcome.reason == "already has a photo" for outcome in report.skipped):
        lines.append("Guests who had a photo kept it; --replace replaces it.")
    print("\n".join(lines))


def cmd_photos(args: argparse.Namespace) -> int:
    with EventStore.open(args.event) as store:
        with store.connect() as connection:
            plan = match_folder(connection, args.folder)
        report = import_photos(store, plan, args.user, replace_existing=args.replace, dry_run=args.dry_run)
    if args.json:
        print_json(report.to_json())
    else:
        _print_report(report)
    return EXIT_REFUSED if report.failed else EXIT_OK


def register(commands: Commands) -> None:
    photos = commands.add_parser(
        "photos",
        help="import a folder of photos named by passport number, reference, e-mail or name",
        description=(
            "Match each file in FOLDER to a guest by its name (passport number, reference, e-mail address or "
            "name) and store it, upright and sized for print. Exit status 1 if some matched photo could not be "
            "stored (too small for a badge, unreadable); the others are stored."
        ),
    )
    photos.add_argument("event")
    photos.add_argument("folder", type=Path)
    photos.add_argument("--replace", action="store_true", help="replace the photos guests already have")
    photos.add_argument("--dry-run", action="store_true", help="check every file and report, but store nothing")
    photos.add_argument("--json", action="store_true")
    photos.set_defaults(run=cmd_photos)
