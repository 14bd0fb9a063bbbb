"""DeskController: what the desk writes to the event and what it tells the operator, without any widget.

The event is the conftest's: 1 Рахмонов (approved, checked in at Desk 1 by tester), 2 Smith (pending),
3 الهاشمي (approved), 4 王 (rejected), 5 Dubois (revoked), 6 Иванова (pending).  Jobs run inline and
the print system is a fake that records what it was sent.
"""

from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from accreditor import audit, base45, keys, schema
from accreditor.badges.printing import current_token
from accreditor.guests import GuestFields, get_guest
from accreditor.session import EventSession
from accreditor.store import EventStore
from accreditor.tokens import BadgeClaims, issue_token
from ui import jobs
from ui import printing as ui_printing
from ui.desk.desk_controller import (
    DeskController,
    GuestDetails,
    Notice,
    Tone,
    check_in_text,
    standing,
)
from ui.guest_table_model import format_moment

RAKHMONOV, SMITH, HASHIMI, WANG, DUBOIS, IVANOVA = range(1, 7)
USER = "anna"


@pytest.fixture
def controller(event_store: EventStore, desk_station, inline_jobs) -> DeskController:
    return DeskController(event_store, desk_station, user=USER)


@pytest.fixture
def notices(controller: DeskController) -> list[Notice]:
    heard: list[Notice] = []
    controller.notice.connect(heard.append)
    return heard


@pytest.fixture
def changed(controller: DeskController) -> list[GuestDetails]:
    heard: list[GuestDetails] = []
    controller.guest_changed.connect(heard.append)
    return heard


def guest(store: EventStore, guest_id: int):
    with store.connect() as connection:
        return get_guest(connection, guest_id)


def badge_rows(store: EventStore, guest_id: int) -> list[tuple[int, str, str]]:
    table = schema.badges
    with store.connect() as connection:
        rows = connection.execute(
            select(table.c.serial, table.c.station, table.c.reason).where(table.c.guest_id == guest_id)
        )
        return [tuple(row) for row in rows]


def token(store: EventStore, guest_id: int, *, serial: int = 1, days: tuple[int, int] = (-1, 1)) -> str:
    """A badge token as the event would sign it, for any guest, serial and validity around today."""
    with store.connect() as connection:
        key_id, private_key = keys.active_signing_key(connection)
        claims = BadgeClaims(
            event_uid=keys.event_uid(connection),
            guest_id=guest_id,
            serial=serial,
            category="DEL",
            zones=("PLN",),
            valid_from=date.today() + timedelta(days=days[0]),
            valid_until=date.today() + timedelta(days=days[1]),
        )
    return issue_token(claims, key_id, private_key)


# -- the card's wording ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("guest_id", "tone", "sentence"),
    [
        (HASHIMI, Tone.OK, "Approved"),
        (SMITH, Tone.WARNING, "Pending approval — ask the accreditation office (organiser)"),
        (
            WANG,
            Tone.ERROR,
            "Rejected: Registration incomplete — do not admit; send the guest to the accreditation office",
        ),
        (DUBOIS, Tone.ERROR, "Revoked: Badge reported lost — do not admit; call the security supervisor"),
    ],
)
def test_the_standing_says_why_and_who_to_call(event_store, guest_id, tone, sentence) -> None:
    found = standing(guest(event_store, guest_id))
    assert (found.tone, found.sentence(), found.admissible) == (tone, sentence, tone is Tone.OK)


# -- finding -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("rahm", RAKHMONOV),  # Latin prefix of a Cyrillic name
        ("Ҷамшед", RAKHMONOV),  # as written, Tajik letters
        ("jamshed rakhmonov", RAKHMONOV),
        ("league arab", HASHIMI),  # organisation
        ("Alhashmi", HASHIMI),  # transliterated Arabic
        ("le monde", DUBOIS),
    ],
)
def test_find_matches_any_script_and_the_organisation(controller, query, expected) -> None:
    assert [found.id for found in controller.find(query)][:1] == [expected]


def test_find_waits_for_two_characters(controller) -> None:
    assert controller.find("r") == []
    assert controller.find("  ") == []


def test_find_by_passport_number(controller) -> None:
    new_id = controller.add_walk_in(GuestFields("Nazarov", "Faridun", passport_no="N1234567")).guest.id
    assert [found.id for found in controller.find("n1234567")] == [new_id]


# -- checking in -------------------------------------------------------------------------------------


def test_check_in_is_committed_with_station_and_user(controller, event_store, notices, changed) -> None:
    details = controller.check_in(HASHIMI)

    stored = guest(event_store, HASHIMI)
    assert (stored.checked_in_station, stored.checked_in_by) == ("Desk 2", USER)
    assert details.guest.checked_in_at == stored.checked_in_at
    assert notices == [Notice(Tone.OK, "Checked in: Mhmd Alhashmi")]
    assert [item.guest.id for item in changed] == [HASHIMI]


def test_a_second_check_in_says_who_did_it_and_when(controller, event_store, notices) -> None:
    first = guest(event_store, RAKHMONOV)

    controller.check_in(RAKHMONOV)

    assert notices == [
        Notice(Tone.WARNING, f"Already checked in at {format_moment(first.checked_in_at)} at Desk 1 by tester")
    ]
    assert guest(event_store, RAKHMONOV).checked_in_at == first.checked_in_at


@pytest.mark.parametrize("guest_id", [SMITH, WANG, DUBOIS])
def test_a_guest_not_approved_is_not_checked_in_and_told_why(controller, event_store, notices, guest_id) -> None:
    details = controller.check_in(guest_id)

    assert guest(event_store, guest_id).checked_in_at is None
    assert notices == [Notice(details.standing.tone, f"Not checked in. {details.standing.sentence()}")]
    assert notices[0].tone in (Tone.WARNING, Tone.ERROR)


def test_check_in_text_is_local_time_station_and_user(event_store) -> None:
    first = guest(event_store, RAKHMONOV)
    local = first.checked_in_at.astimezone().strftime("%H:%M")
    assert check_in_text(first.checked_in_at, "Desk 1", "tester") == f"{local} at Desk 1 by tester"


def test_undo_needs_a_reason_and_is_audited(controller, event_store, notices) -> None:
    controller.undo_check_in(RAKHMONOV, "  ")
    assert guest(event_store, RAKHMONOV).checked_in_at is not None
    assert notices[-1] == Notice(Tone.ERROR, "A reason is required to undo a check-in.")

    controller.undo_check_in(RAKHMONOV, "Wrong guest checked in")

    assert guest(event_store, RAKHMONOV).checked_in_at is None
    assert notices[-1].text == "Check-in of Jamshed Rakhmonov undone (Wrong guest checked in)"
    with event_store.connect() as connection:
        undone = [entry for entry in audit.history(connection, RAKHMONOV) if entry.action == "guest.check_in_undone"]
    assert [(entry.actor, entry.details["reason"]) for entry in undone] == [(USER, "Wrong guest checked in")]


# -- printing ----------------------------------------------------------------------------------------


def test_a_print_accepted_by_the_print_system_is_recorded(controller, event_store, fake_printer, notices) -> None:
    assert controller.print_badge(HASHIMI)

    [job] = fake_printer.jobs
    assert job.pdf.startswith(b"%PDF")
    assert (job.printer, job.media_mm) == ("Badges", pytest.approx((85.6, 54)))
    assert badge_rows(event_store, HASHIMI) == [(1, "Desk 2", "")]
    assert notices[-1] == Notice(Tone.OK, "Badge of Mhmd Alhashmi sent to the printer (serial 1, job badges-7)")
    assert not controller.is_printing(HASHIMI)


def test_a_print_the_print_system_refused_is_not_recorded(controller, event_store, fake_printer, notices) -> None:
    fake_printer.refuse("The printer Badges is stopped; start it again in the system's printer settings.")

    controller.print_badge(HASHIMI)

    assert len(fake_printer.jobs) == 1
    assert badge_rows(event_store, HASHIMI) == []
    assert notices[-1].tone is Tone.ERROR
    assert "NOT printed: The printer Badges is stopped" in notices[-1].text
    assert notices[-1].text.endswith("nothing was recorded.")


def test_a_reprint_needs_a_reason_and_raises_the_serial(controller, event_store, fake_printer, notices) -> None:
    controller.print_badge(HASHIMI)
    assert controller.needs_reprint_reason(guest(event_store, HASHIMI))

    controller.print_badge(HASHIMI)  # no reason: refused before anything is printed
    assert len(fake_printer.jobs) == 1
    assert notices[-1].tone is Tone.ERROR
    assert "already printed" in notices[-1].text

    controller.print_badge(HASHIMI, reason="Lost")
    assert len(fake_printer.jobs) == 2
    assert badge_rows(event_store, HASHIMI) == [(1, "Desk 2", ""), (2, "Desk 2", "Lost")]
    assert guest(event_store, HASHIMI).badge_serial == 2


def test_a_guest_not_approved_gets_no_badge(controller, event_store, fake_printer, notices) -> None:
    controller.print_badge(DUBOIS)
    assert fake_printer.jobs == []
    assert badge_rows(event_store, DUBOIS) == []
    assert notices[-1].tone is Tone.ERROR


def test_auto_print_prints_a_first_badge_on_check_in_only(controller, event_store, fake_printer, desk_station) -> None:
    controller.set_settings(replace(desk_station, auto_print=True))

    controller.check_in(HASHIMI)
    assert badge_rows(event_store, HASHIMI) == [(1, "Desk 2", "")]

    controller.check_in(HASHIMI)  # already checked in: nothing printed again
    controller.undo_check_in(HASHIMI, "test")
    controller.check_in(HASHIMI)  # already has a badge: a reprint needs a person and a reason
    assert len(fake_printer.jobs) == 1


def test_check_in_can_skip_auto_print(controller, event_store, fake_printer, desk_station) -> None:
    controller.set_settings(replace(desk_station, auto_print=True))
    controller.check_in(HASHIMI, auto_print=False)
    assert fake_printer.jobs == []


# -- scanning ----------------------------------------------------------------------------------------


def test_a_valid_badge_checks_its_guest_in_at_once(controller, event_store, notices) -> None:
    with event_store.connect() as connection:
        code = current_token(connection, event_store.event_info(), HASHIMI, today=date.today())

    details = controller.scan(f"]Q1{code}\t")

    assert details.guest.id == HASHIMI
    assert guest(event_store, HASHIMI).checked_in_station == "Desk 2"
    assert notices == [Notice(Tone.OK, "Checked in by scan: Mhmd Alhashmi")]


def test_a_valid_badge_of_a_guest_already_in_says_who_and_when(controller, event_store, notices) -> None:
    details = controller.scan(token(event_store, RAKHMONOV))
    assert details.guest.id == RAKHMONOV
    assert notices[-1].tone is Tone.WARNING
    assert notices[-1].text.startswith("Already checked in at ")


def forged(code: str) -> str:
    """The same token with one bit of its signature flipped."""
    raw = bytearray(base45.decode(code.removeprefix("AC1:")))
    raw[-1] ^= 1
    return "AC1:" + base45.encode(bytes(raw))


@pytest.mark.parametrize(
    ("make_code", "words", "shows_guest"),
    [
        (lambda store: "AC1:NOT A TOKEN", "Unreadable or forged code", False),
        (lambda store: forged(token(store, HASHIMI)), "Forged badge (bad signature)", False),
        (lambda store: token(store, HASHIMI, days=(-9, -2)), "Badge expired (valid until", True),
        (lambda store: token(store, HASHIMI, days=(2, 3)), "Badge not valid yet (valid from", True),
        (lambda store: token(store, DUBOIS), "Badge revoked — nobody was checked in. Badge reported lost — do", True),
        (lambda store: token(store, SMITH), "Guest not approved — nobody was checked in. Ask the accreditation", True),
    ],
    ids=["malformed", "bad_signature", "expired", "not_yet_valid", "revoked", "not_approved"],
)
def test_a_refused_badge_checks_nobody_in_and_says_why(
    controller, event_store, notices, make_code, words, shows_guest
) -> None:
    before = controller.counts()

    details = controller.scan(make_code(event_store))

    assert controller.counts() == before
    [notice] = notices
    assert notice.tone is Tone.ERROR
    assert notice.text.startswith(words)
    assert "nobody was checked in." in notice.text
    assert (details is not None) == shows_guest


def test_an_old_badge_after_a_reprint_is_superseded(controller, event_store, fake_printer, notices) -> None:
    old = token(event_store, HASHIMI, serial=1)
    controller.print_badge(HASHIMI)
    controller.print_badge(HASHIMI, reason="Lost")

    controller.scan(old)

    assert guest(event_store, HASHIMI).checked_in_at is None
    assert notices[-1].text == (
        "Old badge — a newer one was printed (this is serial 1, the valid one is 2) — nobody was checked in."
    )


def test_a_badge_of_another_event_is_refused(controller, event_store, make_event, notices) -> None:
    other = make_event("other.accreditor", name="Other")  # its guest 3 is approved too, under its own key

    controller.scan(token(other, HASHIMI))

    assert guest(event_store, HASHIMI).checked_in_at is None
    assert notices[-1].tone is Tone.ERROR
    assert notices[-1].text.startswith("Badge of another event")


def test_a_registration_reference_or_passport_shows_the_guest_without_checking_in(controller, event_store, notices):
    walk_in = controller.add_walk_in(GuestFields("Nazarov", "Faridun", passport_no="N1234567")).guest.id
    notices.clear()

    details = controller.scan("n 1234567\r")

    assert details.guest.id == walk_in
    assert notices == [Notice(Tone.INFO, "Found by code n 1234567: Faridun Nazarov")]
    assert guest(event_store, walk_in).checked_in_at is None


def test_an_unknown_code_says_so(controller, notices) -> None:
    assert controller.scan("]C0 4006381333931\t") is None
    assert notices == [Notice(Tone.ERROR, "Unknown code: 4006381333931")]


# -- walk-ins, edits, counts -------------------------------------------------------------------------


def test_a_walk_in_is_pending_findable_and_audited_as_a_walk_in(controller, event_store, notices) -> None:
    details = controller.add_walk_in(GuestFields("Каримова", "Нилуфар", organisation="UNICEF", country="TJ"))

    assert details.guest.status == "pending"
    assert details.guest.fields.family_name_latin == "Karimova"
    assert [found.id for found in controller.find("karimova")] == [details.guest.id]
    assert notices == [
        Notice(Tone.WARNING, "Walk-in Nilufar Karimova registered — pending until an organiser approves")
    ]
    with event_store.connect() as connection:
        [created] = audit.history(connection, details.guest.id)
    assert (created.action, created.actor, created.details) == ("guest.created", USER, {"source": "walk-in"})


def test_an_edit_is_saved_and_found_by_its_new_words(controller, event_store, notices) -> None:
    before = guest(event_store, HASHIMI).fields
    controller.edit_guest(HASHIMI, replace(before, organisation="Arab Water Council", position="Adviser"))

    stored = guest(event_store, HASHIMI)
    assert (stored.fields.organisation, stored.fields.position) == ("Arab Water Council", "Adviser")
    assert notices == [Notice(Tone.INFO, "Saved: position, organisation")]
    assert [found.id for found in controller.find("water council")] == [HASHIMI]
    assert controller.find("league arab") == []


def test_counts_are_checked_in_and_approved(controller) -> None:
    assert controller.counts() == (1, 2)
    controller.check_in(HASHIMI)
    assert controller.counts() == (2, 2)


def test_badges_print_one_at_a_time_in_the_order_asked(qtbot, event_store, desk_station, fake_printer, monkeypatch):
    """With real background jobs: the second badge waits for the first, so they leave the printer in queue order."""
    jobs.set_synchronous(False)
    controller = DeskController(event_store, desk_station, user=USER)
    running: list[int] = []
    overlaps: list[int] = []
    submit = ui_printing.print_pdf

    def one_at_a_time(pdf, **options):
        running.append(1)
        if len(running) > 1:
            overlaps.append(len(running))
        try:
            return submit(pdf, **options)
        finally:
            running.pop()

    monkeypatch.setattr(ui_printing, "print_pdf", one_at_a_time)

    assert controller.print_badge(HASHIMI)
    assert controller.print_badge(RAKHMONOV)
    assert not controller.print_badge(HASHIMI)  # already on its way
    qtbot.waitUntil(lambda: not controller.is_printing(HASHIMI) and not controller.is_printing(RAKHMONOV))

    assert [job.title.split()[1] for job in fake_printer.jobs] == ["3-1", "1-1"]
    assert overlaps == []
    assert badge_rows(event_store, HASHIMI) == [(1, "Desk 2", "")]
    assert badge_rows(event_store, RAKHMONOV) == [(1, "Desk 2", "")]
    assert jobs.wait_for_jobs()


def test_with_real_threads_the_desk_opens_and_writes_in_the_background(qtbot, event_store, desk_station) -> None:
    """Nothing the desk reads from or writes to the database runs on the UI thread: answers come by signal."""
    jobs.set_synchronous(False)
    controller = DeskController(event_store, desk_station, user=USER)
    with qtbot.waitSignal(controller.loaded, timeout=10_000):
        pass
    assert controller.ready and [found.id for found in controller.find("rahm")] == [RAKHMONOV]

    with qtbot.waitSignal(controller.guest_changed, timeout=10_000) as changed:
        assert controller.check_in(HASHIMI) is None  # the answer is not there yet: it comes by signal
    assert changed.args[0].guest.id == HASHIMI
    assert guest(event_store, HASHIMI).checked_in_station == "Desk 2"
    assert controller.counts() == (2, 2)
    assert jobs.wait_for_jobs()


def test_a_shared_session_is_read_as_its_owner_loads_it(event_store, desk_station, inline_jobs) -> None:
    session = EventSession(event_store)
    controller = DeskController(event_store, desk_station, user=USER, session=session)
    assert not controller.ready and controller.find("rahm") == [] and controller.counts() == (0, 0)
    session.load()
    session.build_index()
    heard: list[bool] = []
    controller.loaded.connect(lambda: heard.append(True))
    controller.session_ready()
    assert heard == [True]
    assert [found.id for found in controller.find("rahm")] == [RAKHMONOV]
    controller.check_in(HASHIMI)
    assert session.guest(HASHIMI).checked_in_station == "Desk 2"  # the write reached the shared memory
