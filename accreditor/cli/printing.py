"""`accreditor print`: badges straight to a CUPS queue, recorded only once the queue accepted the job."""

import argparse

from accreditor.cli.badges import add_selection_options, layout_argument, print_report, print_request
from accreditor.cli.common import EXIT_OK, Commands, print_json
from accreditor.errors import AccreditorError
from accreditor.print_sinks import CupsSink, cups_available
from accreditor.services.issuing import IssuingService, PrintSinkError
from accreditor.store import EventStore


def cmd_print(args: argparse.Namespace) -> int:
    if not cups_available():
        raise PrintSinkError("This computer has no CUPS print system (no `lp` command) to print with.")
    request = print_request(args)
    sink = CupsSink(args.printer or "")
    with EventStore.open(args.event) as store:
        issued = IssuingService(store, user=args.user, station=args.station).issue_batch(
            request, sink, layout=layout_argument(args.layout), workers=args.workers
        )
    outcome = issued.outcome
    if outcome is not None and not outcome.accepted:
        raise PrintSinkError(f"{outcome.message} No badge was recorded as printed.")
    if issued.record_error:
        raise AccreditorError(f"The queue took the job, but {issued.record_error[:1].lower()}{issued.record_error[1:]}")
    if args.json:
        print_json(issued.report.to_json() | {"printer": issued.report.out, "job": outcome.job_id if outcome else None})
        return EXIT_OK
    print_report(issued, where=f"sent to {issued.report.out}" + (f" (job {outcome.job_id})" if outcome else ""))
    return EXIT_OK


def register(commands: Commands) -> None:
    printing = commands.add_parser("print", help="print badges on a CUPS queue and record what it accepted")
    printing.add_argument("event")
    printing.add_argument("--printer", metavar="QUEUE", help="the CUPS queue (default: the system's default)")
    add_selection_options(printing)
    printing.set_defaults(run=cmd_print)
