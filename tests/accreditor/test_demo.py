"""The demo event works on the day it is made: its badges scan green at the gate today."""

from datetime import date, timedelta
from pathlib import Path

from accreditor import guests as guest_store
from accreditor.badges.printing import current_token
from accreditor.demo import create_demo_event
from accreditor.verification import EventVerifier


def test_the_demo_starts_today_and_its_badges_verify_today(tmp_path: Path) -> None:
    today = date.today()
    with create_demo_event(tmp_path / "demo.accreditor", guest_count=25) as store, store.connect() as connection:
        event = store.event_info()
        approved = [guest.id for guest in guest_store.list_guests(connection, status="approved")]
        verifier = EventVerifier(connection)
        reasons = {
            verifier.verify(current_token(connection, event, guest_id, today=today), today=today).reason
            for guest_id in approved
        }

    assert (event.starts_on, event.ends_on) == (today, today + timedelta(days=1))
    assert approved
    assert reasons == {"ok"}


def test_the_demo_can_be_dated_for_a_rehearsal(tmp_path: Path) -> None:
    first_day = date(2030, 1, 31)
    with create_demo_event(tmp_path / "demo.accreditor", guest_count=7, starts_on=first_day) as store:
        event = store.event_info()

    assert (event.starts_on, event.ends_on) == (first_day, date(2030, 2, 1))
