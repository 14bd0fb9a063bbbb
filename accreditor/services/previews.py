"""What the badge designer previews: the event's hardest guests to lay out, and one guest's badge data."""

from datetime import date

from accreditor.badges.render import BadgeData
from accreditor.badges.samples import hardest_cases, preview_badge
from accreditor.store import EventStore


def preview_cases(store: EventStore) -> list[tuple[str, int]]:
    """(label, guest id) of the guests whose badges are hardest to lay out (longest names, other scripts…)."""
    with store.connect() as connection:
        return hardest_cases(connection)


def guest_badge(store: EventStore, guest_id: int, *, today: date) -> BadgeData:
    """A guest's badge as it would print today (nothing recorded)."""
    event = store.event_info()
    with store.connect() as connection:
        return preview_badge(connection, event, guest_id, today=today)
