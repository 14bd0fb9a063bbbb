"""The designer's preview guests: the hardest cases of an event, and a guest's badge data exactly as printed."""

import io
from datetime import date

from PIL import Image

from accreditor import guests
from accreditor.badges import samples
from accreditor.badges.printing import current_token
from accreditor.badges.samples import STAND_IN_TOKEN, hardest_cases, preview_badge, sample_badge
from accreditor.badges.variables import VARIABLES, sample_context
from accreditor.palette import DEFAULT_PALETTE
from accreditor.tokens import MAX_TOKEN_LENGTH, TOKEN_PREFIX

TODAY = date(2027, 5, 3)


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (60, 80), (90, 120, 160)).save(out, "JPEG")
    return out.getvalue()


def test_an_event_without_guests_has_no_hard_cases(store) -> None:
    with store.connect() as connection:
        assert hardest_cases(connection) == []


def test_each_kind_is_its_longest_guest(store, add_guest) -> None:
    short_latin = add_guest("Li", given_name="Wu")
    longest = add_guest("Fernández de Córdoba y Martínez-Ruiz", given_name="María de los Ángeles")
    short_arabic = add_guest("داود", given_name="علي")
    long_arabic = add_guest("المطيري", given_name="عبد الرحمن بن محمد")
    chinese = add_guest("王", given_name="秀珍")
    longer_chinese = add_guest("欧阳", given_name="秀珍")
    with store.begin() as connection:
        for guest_id in (longest, short_arabic, long_arabic, chinese, longer_chinese):
            guests.set_photo(connection, guest_id, jpeg(), "t")
    with store.connect() as connection:
        cases = hardest_cases(connection)

    assert cases == [
        (samples.LONGEST_NAME, longest),
        (samples.ARABIC, long_arabic),
        (samples.CHINESE, longer_chinese),
        (samples.NO_PHOTO, short_latin),
    ]


def test_a_guest_who_is_several_hard_cases_is_listed_once_with_every_label(store, add_guest) -> None:
    arabic = add_guest("المطيري", given_name="عبد الرحمن بن محمد بن عبد الله")
    add_guest("Li", given_name="Wu")
    with store.begin() as connection:
        guests.set_photo(connection, arabic, jpeg(), "t")
    with store.connect() as connection:
        cases = hardest_cases(connection)

    assert cases[0] == (f"{samples.LONGEST_NAME} · {samples.ARABIC}", arabic)
    assert [label for label, _id in cases] == [f"{samples.LONGEST_NAME} · {samples.ARABIC}", samples.NO_PHOTO]


def test_ties_go_to_the_first_registered_guest(store, add_guest) -> None:
    first = add_guest("Smith", given_name="Anna")
    add_guest("Jones", given_name="Anna")
    with store.connect() as connection:
        assert hardest_cases(connection) == [(f"{samples.LONGEST_NAME} · {samples.NO_PHOTO}", first)]


def test_an_approved_guest_previews_with_the_badge_a_print_would_carry(store, add_guest_with_status) -> None:
    guest_id = add_guest_with_status(
        "approved", "Раҳмонов", given_name="Ҷамшед", organisation="MFA", country="TJ", category="HOD"
    )
    with store.begin() as connection:
        guests.set_photo(connection, guest_id, jpeg(), "t")
    event = store.event_info()
    with store.connect() as connection:
        badge = preview_badge(connection, event, guest_id, today=TODAY)
        token = current_token(connection, event, guest_id, today=TODAY)

    assert badge.guest_id == guest_id
    assert badge.variables["full_name"] == "Ҷамшед Раҳмонов"
    assert badge.variables["family_name_upper"] == "РАҲМОНОВ"
    assert badge.variables["category"] == "Head of Delegation"
    assert badge.variables["event_dates"] == "3–4 May 2027"
    assert badge.variables["badge_no"] == f"{guest_id:05d}-1"
    assert set(badge.variables) == set(VARIABLES)
    assert badge.category_colour == DEFAULT_PALETTE["HOD"]
    assert badge.zones == ("PLN", "VIP", "BIL")
    assert badge.token == token  # tokens are deterministic for the same claims and key
    assert badge.photo == jpeg()


def test_a_guest_not_yet_approved_previews_with_a_stand_in_token(store, add_guest) -> None:
    guest_id = add_guest("Smith", given_name="Anna")
    with store.connect() as connection:
        badge = preview_badge(connection, store.event_info(), guest_id, today=TODAY)

    assert badge.token == STAND_IN_TOKEN
    assert badge.photo is None
    assert badge.variables["full_name"] == "Anna Smith"


def test_the_stand_in_token_is_as_long_as_a_token_may_be() -> None:
    assert STAND_IN_TOKEN.startswith(TOKEN_PREFIX)
    assert len(STAND_IN_TOKEN) == MAX_TOKEN_LENGTH


def test_the_sample_badge_shows_every_sample_value() -> None:
    badge = sample_badge()
    assert badge.variables == sample_context()
    assert badge.zones == ("PLN", "VIP", "BIL")
    assert badge.category_colour == DEFAULT_PALETTE["HOD"]
    assert badge.token == STAND_IN_TOKEN
