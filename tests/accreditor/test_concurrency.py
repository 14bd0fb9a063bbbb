"""Several stations acting on the same guests at the same moment, as real processes, on both engines.

Each station is its own process with its own connection (bench/stations.py), and they start together
at a barrier.  However they interleave, each guest gets one decision, one check-in, and badge serials
that only ever go up.
"""

import random
from collections import Counter

from sqlalchemy import select

from accreditor import audit, schema
from accreditor.store import EventStore
from bench.stations import (
    check_in_rows,
    desk_checking_in,
    desk_reprinting,
    new_event,
    officer_deciding,
    run_stations,
)


def shuffled(ids: list[int], seed: int) -> list[int]:
    copy = list(ids)
    random.Random(seed).shuffle(copy)
    return copy


def test_officers_approving_and_rejecting_the_same_guests_decide_each_guest_once(event_location: str) -> None:
    ids = new_event(event_location, 150, approved=False)
    officers = [
        (event_location, "Officer A", ids, "approved"),
        (event_location, "Officer B", ids[::-1], "rejected"),
        (event_location, "Officer C", shuffled(ids, 1), "approved"),
        (event_location, "Officer D", shuffled(ids, 2), "rejected"),
    ]

    decided = run_stations(officer_deciding, officers)

    assert Counter(guest for officer in decided for guest in officer) == Counter(ids)  # each exactly once
    with EventStore.open(event_location) as store, store.connect() as connection:
        decisions = [entry for entry in audit.history(connection) if entry.action in ("status.rejected",)]
        decisions += [entry for entry in audit.history(connection) if entry.action == "status.approved"]
        status = dict(connection.execute(select(schema.guests.c.id, schema.guests.c.status)).all())
    assert Counter(entry.guest_id for entry in decisions) == Counter(ids)  # the audit agrees: no double decision
    for (_location, officer, _ids, verdict), guests in zip(officers, decided, strict=True):
        assert {status[guest] for guest in guests} <= {verdict}, officer


def test_four_desks_checking_in_the_same_guests_record_one_check_in_each(event_location: str) -> None:
    ids = new_event(event_location, 100)
    desks = [(event_location, f"Desk {number}", shuffled(ids, number)) for number in range(1, 5)]

    results = run_stations(desk_checking_in, desks)

    newly = Counter(guest for desk in results for guest, new, *_timing in desk if new)
    assert newly == Counter(ids)  # exactly one desk checked each guest in
    assert check_in_rows(event_location) == dict.fromkeys(ids, 1)  # one check-in record per guest
    assert all(len(desk) == len(ids) for desk in results)  # every other desk was told, none failed


def test_desks_reprinting_one_badge_at_once_record_strictly_increasing_serials(event_location: str) -> None:
    [guest_id] = new_event(event_location, 1)
    desks = [(event_location, f"Desk {number}", guest_id, 15) for number in range(1, 5)]

    recorded = run_stations(desk_reprinting, desks)

    with EventStore.open(event_location) as store, store.connect() as connection:
        table = schema.badges
        in_order = list(connection.execute(select(table.c.serial).order_by(table.c.id)).scalars())
    assert in_order == list(range(1, len(in_order) + 1))  # strictly increasing, no serial twice, none skipped
    assert sorted(serial for desk in recorded for serial in desk) == in_order  # each desk's claims are the rows
