"""The guest history panel: audit entries worded for people, newest first, in local time."""

from datetime import UTC, datetime

import pytest

from accreditor import audit, bulk, guests
from accreditor.audit import AuditEntry
from accreditor.badges.printing import record_serials
from accreditor.store import EventStore
from ui.organiser.history_panel import GuestHistoryPanel, describe, when

AT = datetime(2027, 5, 3, 7, 30, tzinfo=UTC)


def entry(action: str, **details: object) -> AuditEntry:
    return AuditEntry(AT, "a.karimova", action, 1, details)


@pytest.mark.parametrize(
    ("action", "details", "text"),
    [
        ("guest.created", {"source": "manual"}, "Added"),
        ("guest.created", {"source": "import"}, "Added (import)"),
        ("guest.updated", {"changes": {"category": ["DEL", "HOD"]}}, "Changed category DEL → HOD"),
        (
            "guest.updated",
            {"changes": {"position": ["", "Minister"], "email": ["a@b.org", ""], "family_name": ["Ivanov", "Ivanova"]}},
            "Changed position set to Minister; e-mail cleared (was a@b.org); family name Ivanov → Ivanova",
        ),
        ("guest.zone_override", {"zone": "VIP", "granted": True}, "Zone VIP granted"),
        ("guest.zone_override", {"zone": "BIL", "granted": False}, "Zone BIL withdrawn"),
        ("guest.zone_override", {"zone": "BIL", "granted": None}, "Zone BIL back to the category default"),
        (
            "guest.zones_changed",
            {"added": ["VIP"], "removed": ["BIL"], "zones": ["PLN", "VIP"]},
            "Zones +VIP −BIL, now PLN VIP",
        ),
        ("guest.photo_set", {"bytes": 1234}, "Photo set"),
        ("guest.checked_in", {"station": "Desk 2"}, "Checked in at Desk 2"),
        ("guest.check_in_undone", {"reason": "wrong guest"}, "Check-in undone: wrong guest"),
        ("badge.printed", {"serial": 1, "station": "Print room", "reason": ""}, "Badge 1 printed at Print room"),
        ("badge.printed", {"serial": 2, "station": "", "reason": "lost"}, "Badge 2 reprinted: lost"),
        ("status.approved", {"from": "pending", "to": "approved", "reason": ""}, "Approved"),
        ("status.revoked", {"reason": "Security decision"}, "Revoked: Security decision"),
        ("status.rejected", {"reason": "Registration incomplete"}, "Rejected: Registration incomplete"),
        ("guest.merged", {"into": 7}, "guest.merged (into: 7)"),  # an action this version does not know
    ],
)
def test_entries_are_worded_for_people(action: str, details: dict[str, object], text: str) -> None:
    assert describe(entry(action, **details)) == text


def test_times_are_local() -> None:
    local = AT.astimezone()
    assert when(entry("status.approved")) in (local.strftime("%d %b %H:%M"), local.strftime("%d %b %Y %H:%M"))


def test_the_panel_lists_the_newest_first(qtbot) -> None:
    panel = GuestHistoryPanel()
    qtbot.addWidget(panel)
    entries = [entry("guest.created", source="import"), entry("status.approved", reason="")]

    panel.show_history(entries)

    assert [what for _when, _who, what in panel.lines()] == ["Approved", "Added (import)"]
    assert {who for _when, who, _what in panel.lines()} == {"a.karimova"}
    panel.clear()
    assert panel.lines() == []


def test_a_guests_real_history_reads_as_a_story(qtbot, event_store: EventStore) -> None:
    """The entries the core writes, through the panel: the wording keeps up with the actions."""
    with event_store.begin() as connection:
        (guest_id,) = [guest.id for guest in guests.list_guests(connection) if guest.fields.family_name == "Smith"]
        bulk.set_category(connection, [guest_id], "DEL", "a.karimova")
        bulk.change_zones(connection, [guest_id], add=["VIP"], actor="a.karimova")
        record_serials(connection, [(guest_id, 1)], actor="a.karimova", station="Print room")
        entries = audit.history(connection, guest_id)
    panel = GuestHistoryPanel()
    qtbot.addWidget(panel)

    panel.show_history(entries)

    assert [what for _when, _who, what in panel.lines()] == [
        "Badge 1 printed at Print room",
        "Zones +VIP, now PLN VIP BIL",
        "Changed category OBS → DEL",
        "Added",
    ]
