"""GuestCard: each part of a guest's card, its status colours, local times and the photo."""

import io
import time
from dataclasses import replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from PIL import Image

from accreditor.categories import STANDARD_CATEGORIES, STANDARD_ZONES
from accreditor.guests import Guest, GuestFields
from accreditor.palette import DEFAULT_PALETTE
from ui.desk.desk_controller import GuestDetails
from ui.desk.guest_card import TONE_COLOURS, GuestCard, text_colour_on

CATEGORIES = {category.code: category for category in STANDARD_CATEGORIES}
ZONE_NAMES = {zone.code: zone.name for zone in STANDARD_ZONES}
GREEN, ORANGE, RED = "#2E7D32", "#EF6C00", "#C62828"


def a_guest(**changes: object) -> Guest:
    fields = GuestFields(
        "Рахмонов",
        "Ҷамшед",
        "Rakhmonov",
        "Jamshed",
        title="H.E.",
        position="Minister of Energy and Water Resources",
        organisation="Government of Tajikistan",
        country="TJ",
        category="HOD",
    )
    guest = Guest(
        id=1,
        fields=fields,
        status="approved",
        status_reason="",
        zones=("PLN", "VIP", "BIL"),
        checked_in_at=None,
        checked_in_station="",
        checked_in_by="",
        badge_serial=None,
        badge_printed_at=None,
        has_photo=False,
        created_at=datetime(2027, 5, 1, tzinfo=UTC),
        updated_at=datetime(2027, 5, 1, tzinfo=UTC),
    )
    return replace(guest, **changes)


def details(guest: Guest, photo: bytes | None = None) -> GuestDetails:
    return GuestDetails(guest, CATEGORIES.get(guest.fields.category), ZONE_NAMES, photo)


@pytest.fixture
def card(qtbot) -> GuestCard:
    shown = GuestCard()
    qtbot.addWidget(shown)
    return shown


@pytest.fixture
def dushanbe_time(monkeypatch: pytest.MonkeyPatch):
    """The desk's clock in Dushanbe (UTC+5, no daylight saving), whatever the test machine's zone."""
    monkeypatch.setenv("TZ", "Asia/Dushanbe")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_an_empty_card_asks_for_a_name_or_a_scan(card: GuestCard) -> None:
    assert card.guest_id is None
    assert card.content.isHidden()
    assert "scan" in card.placeholder.text()


def test_the_card_shows_who_it_is_in_both_scripts(card: GuestCard) -> None:
    card.show_guest(details(a_guest()))

    assert card.guest_id == 1
    assert card.name_label.text() == "Ҷамшед Рахмонов"
    assert card.latin_label.text() == "Jamshed Rakhmonov"
    assert card.position_label.text() == "H.E. · Minister of Energy and Water Resources"
    assert card.organisation_label.text() == "Government of Tajikistan"
    assert card.country_label.text() == "Tajikistan"
    assert card.band.text() == "Head of Delegation"
    assert DEFAULT_PALETTE["HOD"] in card.band.styleSheet()  # the head of delegation's category colour
    assert [zone in card.zones_label.text() for zone in ("PLN", "VIP", "BIL")] == [True] * 3
    assert card.zones_label.toolTip() == "PLN: Plenary hall\nVIP: VIP lounge\nBIL: Bilateral rooms"


def test_a_latin_name_is_not_repeated(card: GuestCard) -> None:
    fields = GuestFields("Dubois", "Claire", "Dubois", "Claire", country="FR", category="MED")
    card.show_guest(details(a_guest(fields=fields)))
    assert card.name_label.text() == "Claire Dubois"
    assert card.latin_label.isHidden()
    assert text_colour_on(CATEGORIES["MED"].colour) == "#000000"  # black on the yellow Media band
    assert "color: #000000" in card.band.styleSheet()


@pytest.mark.parametrize(
    ("status", "reason", "colour", "headline", "advice"),
    [
        ("approved", "", GREEN, "APPROVED", ""),
        ("pending", "", ORANGE, "PENDING APPROVAL", "Ask the accreditation office (organiser)"),
        (
            "rejected",
            "Registration incomplete",
            RED,
            "REJECTED",
            "Registration incomplete — do not admit; send the guest to the accreditation office",
        ),
        (
            "revoked",
            "Badge reported lost",
            RED,
            "REVOKED",
            "Badge reported lost — do not admit; call the security supervisor",
        ),
    ],
)
def test_the_status_is_large_coloured_and_says_who_to_call(card, status, reason, colour, headline, advice) -> None:
    card.show_guest(details(a_guest(status=status, status_reason=reason)))

    assert card.status_label.text() == headline
    assert f"background: {colour}" in card.status_label.styleSheet()
    assert card.status_label.font().pointSize() >= 20
    assert card.advice_label.text() == advice
    assert card.advice_label.isHidden() == (not advice)


def test_the_tone_colours_are_the_desk_colours() -> None:
    assert (TONE_COLOURS["ok"], TONE_COLOURS["warning"], TONE_COLOURS["error"]) == (GREEN, ORANGE, RED)


def test_check_in_and_badge_are_shown_in_local_time(card, dushanbe_time) -> None:
    dushanbe = ZoneInfo("Asia/Dushanbe")
    today = datetime.now(dushanbe)
    # Stored in UTC, as the core writes them: 04:14 and 03:55 UTC are 09:14 and 08:55 at the desk.
    checked_in = today.replace(hour=9, minute=14).astimezone(UTC)
    printed = today.replace(hour=8, minute=55).astimezone(UTC)
    guest = a_guest(
        checked_in_at=checked_in,
        checked_in_station="Desk 2",
        checked_in_by="anna",
        badge_serial=2,
        badge_printed_at=printed,
    )

    card.show_guest(details(guest))

    assert card.checkin_label.text() == "✔ Checked in 09:14 at Desk 2 by anna"
    assert card.badge_label.text() == "Badge: printed 08:55, serial 2"


def test_a_guest_not_yet_arrived_and_without_badge(card: GuestCard) -> None:
    card.show_guest(details(a_guest()))
    assert card.checkin_label.text() == "Not checked in yet"
    assert card.badge_label.text() == "Badge: not printed yet"


def jpeg(width: int = 300, height: int = 400) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (120, 140, 160)).save(buffer, "JPEG")
    return buffer.getvalue()


def test_the_photo_fits_its_frame(card: GuestCard) -> None:
    card.show_guest(details(a_guest(has_photo=True), photo=jpeg()))
    pixmap = card.photo.pixmap()
    assert not pixmap.isNull()
    assert (pixmap.width(), pixmap.height()) == (180, 240)


@pytest.mark.parametrize(("photo", "text"), [(None, "No photo"), (b"not an image", "Photo unreadable")])
def test_without_a_readable_photo_the_frame_says_so(card: GuestCard, photo, text) -> None:
    card.show_guest(details(a_guest(), photo=photo))
    assert card.photo.pixmap().isNull()
    assert card.photo.text() == text


def test_clear_returns_to_the_prompt(card: GuestCard) -> None:
    card.show_guest(details(a_guest()))
    card.clear()
    assert card.guest_id is None
    assert card.content.isHidden()
