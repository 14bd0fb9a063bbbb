"""The desk service: the admission rule, check-in by id or by any code, and what each operation changed."""

from dataclasses import replace
from datetime import date

import pytest

from accreditor import guests, keys, workflow
from accreditor.badges.printing import current_token
from accreditor.changes import Topic
from accreditor.guests import GuestFields
from accreditor.roles import Actor, PermissionDenied, Role
from accreditor.services.desk import DeskService, standing, token_refusal
from accreditor.store import EventStore
from accreditor.tokens import BadgeClaims, issue_token
from accreditor.vocabulary import CheckInRefusal, CheckInResult, TokenReason, Tone

DAY = date(2027, 5, 3)


@pytest.fixture
def desk(store: EventStore) -> DeskService:
    return DeskService(store, station="Desk 1", user="anna", today=lambda: DAY)


def token_of(store: EventStore, guest_id: int) -> str:
    with store.connect() as connection:
        return current_token(connection, store.event_info(), guest_id, today=DAY)


def test_only_approved_guests_are_admissible_and_the_others_are_told_who_decides(store, add_guest_with_status) -> None:
    ids = {status: add_guest_with_status(status, status.title()) for status in ("approved", "pending", "revoked")}
    with store.connect() as connection:
        found = {status: standing(guests.get_guest(connection, guest_id)) for status, guest_id in ids.items()}
    assert [found[status].admissible for status in ("approved", "pending", "revoked")] == [True, False, False]
    assert found["pending"].sentence() == "Pending approval — ask the accreditation office (organiser)"
    assert found["revoked"].tone is Tone.ERROR
    assert found["revoked"].sentence() == "Revoked: test: revoked — do not admit; call the security supervisor"


def test_check_in_by_id_then_again_says_already_with_the_first_desk(desk, add_guest_with_status) -> None:
    guest_id = add_guest_with_status("approved")
    first = desk.check_in(guest_id)
    assert (first.result, first.station, first.reason) == (CheckInResult.CHECKED_IN, "Desk 1", None)
    assert first.changes.touches(Topic.CHECK_INS) and first.changes.concerns(guest_id)
    other = DeskService(desk.store, station="Desk 2", user="ben")
    second = other.check_in(guest_id)
    assert (second.result, second.station, second.user, second.at) == (
        CheckInResult.ALREADY,
        "Desk 1",
        "anna",
        first.at,
    )
    assert not second.changes


@pytest.mark.parametrize("status", ["pending", "rejected", "revoked"])
def test_a_guest_not_approved_is_refused_with_the_status_as_reason(desk, add_guest_with_status, status) -> None:
    guest_id = add_guest_with_status(status)
    outcome = desk.check_in(guest_id)
    assert (outcome.result, outcome.reason) == (CheckInResult.REFUSED, CheckInRefusal(status))
    assert outcome.message.startswith(f"Guest {guest_id} is {status}")
    assert outcome.message.endswith("and cannot be checked in.")
    assert not outcome.changes


def test_inputs_are_ids_badge_codes_references_or_passports(desk, store, add_guest_with_status) -> None:
    by_token = add_guest_with_status("approved", "Token")
    by_reference = add_guest_with_status("approved", "Reference", external_ref="REG-77")
    by_passport = add_guest_with_status("approved", "Passport", passport_no="N1234567")
    assert desk.check_in_input(f"]Q1{token_of(store, by_token)}\t").guest_id == by_token
    assert desk.check_in_input("reg-77").guest_id == by_reference
    assert desk.check_in_input("n 1234567").result is CheckInResult.CHECKED_IN
    assert desk.check_in_input("n 1234567").result is CheckInResult.ALREADY
    assert desk.check_in(by_passport).result is CheckInResult.ALREADY


def test_a_refused_badge_checks_nobody_in_and_names_the_token_reason(desk, store, add_guest_with_status) -> None:
    guest_id = add_guest_with_status("approved")
    with store.connect() as connection:
        key_id, private_key = keys.active_signing_key(connection)
        claims = BadgeClaims(keys.event_uid(connection), guest_id, 1, "DEL", ("PLN",), DAY, DAY)
    expired = issue_token(claims, key_id, private_key)
    later = DeskService(store, station="Desk 1", user="anna", today=lambda: date(2027, 5, 9))
    outcome = later.check_in_input(expired)
    assert (outcome.result, outcome.reason, outcome.guest_id) == (CheckInResult.REFUSED, TokenReason.EXPIRED, guest_id)
    assert outcome.message == "Badge expired (valid until 3 May 2027) — nobody was checked in."
    assert later.details(guest_id).guest.checked_in_at is None


def test_unknown_inputs_are_refused(desk) -> None:
    assert desk.check_in_input("999").reason is CheckInRefusal.UNKNOWN_GUEST
    unknown = desk.check_in_input("]C0 4006381333931")
    assert (unknown.reason, unknown.message) == (CheckInRefusal.UNKNOWN_CODE, "Unknown code: 4006381333931")
    assert desk.check_in_input("AC1:NOT-A-TOKEN").reason is TokenReason.MALFORMED


def test_the_json_object_has_the_documented_keys(desk, add_guest_with_status) -> None:
    guest_id = add_guest_with_status("approved")
    shown = desk.check_in(guest_id, given=str(guest_id)).to_json()
    assert list(shown) == ["input", "guest", "result", "reason", "at", "station"]
    assert (shown["input"], shown["guest"], shown["result"], shown["station"]) == (
        str(guest_id),
        guest_id,
        "checked_in",
        "Desk 1",
    )


def test_walk_ins_and_edits_are_found_and_say_what_changed(desk) -> None:
    details, changes = desk.add_walk_in(GuestFields("Каримова", "Нилуфар", organisation="UNICEF", country="TJ"))
    assert details.guest.status == "pending" and changes.touches(Topic.GUESTS)
    assert [guest.id for guest in desk.find("karimova")] == [details.guest.id]
    edited = desk.edit_guest(details.guest.id, replace(details.guest.fields, organisation="Water Council"))
    assert edited.fields == ("organisation",) and edited.changes.concerns(details.guest.id)
    assert [guest.id for guest in desk.find("water council")] == [details.guest.id]
    assert not desk.edit_guest(details.guest.id, edited.details.guest.fields).changes


def test_a_walk_in_comes_with_the_photo_the_desk_took_but_a_desk_user_changes_no_other_photo(store) -> None:
    desk_user = Actor("bob", Role.DESK)
    desk = DeskService(store, station="Desk 1", user=desk_user, today=lambda: DAY)
    photo = b"\xff\xd8 a framed JPEG"

    details, changes = desk.add_walk_in(GuestFields("Каримова", "Нилуфар", country="TJ"), photo)

    assert details.guest.has_photo and changes.touches(Topic.PHOTOS)
    with store.connect() as connection:
        assert guests.photo(connection, details.guest.id) == photo
    with pytest.raises(PermissionDenied):  # editing needs more than the desk's role, and a photo with it
        desk.edit_guest(details.guest.id, details.guest.fields, photo)


def test_an_edit_with_a_new_photo_says_so(desk) -> None:
    details, _changes = desk.add_walk_in(GuestFields("Каримова", "Нилуфар", country="TJ"))
    edited = desk.edit_guest(details.guest.id, details.guest.fields, b"\xff\xd8 new")
    assert edited.fields == ("photo",) and edited.changes.touches(Topic.PHOTOS)
    assert edited.details.guest.has_photo


def test_undo_needs_a_reason_and_counts_follow(desk, add_guest_with_status) -> None:
    guest_id = add_guest_with_status("approved")
    desk.check_in(guest_id)
    assert desk.counts() == (1, 1)
    with pytest.raises(Exception, match="reason"):
        desk.undo_check_in(guest_id, " ")
    assert desk.undo_check_in(guest_id, "wrong guest").touches(Topic.CHECK_INS)
    assert desk.counts() == (0, 1)


def test_a_revoked_guest_s_badge_says_who_to_call(desk, store, add_guest_with_status) -> None:
    guest_id = add_guest_with_status("approved")
    token = token_of(store, guest_id)
    with store.begin() as connection:
        workflow.change_status(connection, [guest_id], "revoked", "organiser", reason="Badge reported lost")
    scanned = desk.resolve(token)
    assert scanned.verdict is not None and scanned.verdict.reason is TokenReason.REVOKED
    text = token_refusal(scanned.verdict, desk.details(guest_id).guest)
    assert (
        text
        == "Badge revoked — nobody was checked in. Badge reported lost — do not admit; call the security supervisor."
    )


def test_what_another_station_wrote_is_learnt_when_it_refuses_or_already_did(store, add_guest_with_status) -> None:
    checked_elsewhere = add_guest_with_status("approved", "Elsewhere")
    revoked_meanwhile = add_guest_with_status("approved", "Revoked")
    desk = DeskService(store, station="Desk 1", user="anna")
    assert desk.find("elsewhere")  # the desk's memory is loaded now
    DeskService(store, station="Desk 2", user="ben").check_in(checked_elsewhere)
    with store.begin() as connection:
        workflow.change_status(connection, [revoked_meanwhile], "revoked", "organiser", reason="Badge reported lost")

    assert desk.check_in(checked_elsewhere).result is CheckInResult.ALREADY
    assert desk.details(checked_elsewhere).guest.checked_in_station == "Desk 2"
    assert desk.check_in(revoked_meanwhile).reason is CheckInRefusal.REVOKED
    assert not desk.details(revoked_meanwhile).standing.admissible
