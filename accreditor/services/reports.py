"""The attendance report as the reports page shows and exports it: read in one go, so its parts agree."""

from dataclasses import dataclass
from datetime import datetime

from accreditor import audit
from accreditor.audit import ChainState
from accreditor.clock import utc_now
from accreditor.reports import (
    Arrivals,
    DelegationRow,
    Summary,
    arrivals_timeline,
    attendance_summary,
    delegation_attendance,
)
from accreditor.roles import Permission, require
from accreditor.store import EventStore

BUCKET_MINUTES = 30


@dataclass(frozen=True, slots=True)
class Report:
    """One load of everything the page shows (and exports)."""

    event_name: str
    loaded_at: datetime
    summary: Summary
    timeline: list[Arrivals]
    delegations: list[DelegationRow]
    audit: ChainState  # whether the audit log's hash chain is intact, read at the same moment


def load_report(store: EventStore, bucket_minutes: int = BUCKET_MINUTES, *, actor: str) -> Report:
    """Read the whole report in one connection, so its parts describe the same moment."""
    require(actor, Permission.READ_REPORTS)
    name = store.event_info().name
    with store.connect() as connection:
        return Report(
            event_name=name,
            loaded_at=utc_now(),
            summary=attendance_summary(connection),
            timeline=arrivals_timeline(connection, bucket_minutes),
            delegations=delegation_attendance(connection),
            audit=audit.verify(connection),
        )
