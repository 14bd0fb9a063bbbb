"""Real guests to try a badge layout on: the hardest cases of the event, and any guest's badge as printed.

A layout that looks right for "Anna Smith" can still cut the longest family name of the event, break an
Arabic name (shaped, right to left) or a Chinese one (no spaces to wrap at), or leave an odd hole where a
photo is missing. The designer's preview therefore cycles through the guests most likely to break it, and
draws each with exactly the data a print run would use (`printing.badge_variables`, category colour,
zones, photo, token), so that what the designer sees is what the printer gets.
"""

import unicodedata
from datetime import date

from sqlalchemy import Connection, select

from accreditor import guests as guest_store
from accreditor import schema
from accreditor.badges.printing import badge_variables, category_lookup, current_token
from accreditor.badges.render import BadgeData
from accreditor.badges.variables import sample_context
from accreditor.categories import STANDARD_CATEGORIES
from accreditor.guests import join_name
from accreditor.organisations import short_names
from accreditor.store import EventInfo
from accreditor.tokens import MAX_TOKEN_LENGTH, TOKEN_PREFIX

LONGEST_NAME = "Longest name"
ARABIC = "Arabic script"
CHINESE = "Chinese characters"
NO_PHOTO = "No photo"
KINDS = (LONGEST_NAME, ARABIC, CHINESE, NO_PHOTO)
"""The hard cases in the order the designer cycles through them."""

STAND_IN_TOKEN = (TOKEN_PREFIX + "PREVIEW-NOT-A-BADGE-" * 8)[:MAX_TOKEN_LENGTH]
"""The QR text of a preview for a guest who has no badge token (not approved) or for sample data: as long as a
token may be, so the preview shows the densest QR code a badge can carry. Gates refuse it as malformed."""

_UNKNOWN_CATEGORY_COLOUR = "#808080"


def _is_arabic_script(name: str) -> bool:
    return any(unicodedata.name(char, "").startswith("ARABIC") for char in name)


def _has_chinese_characters(name: str) -> bool:
    return any(unicodedata.name(char, "").startswith(("CJK UNIFIED", "CJK COMPATIBILITY IDEOGRAPH")) for char in name)


def hardest_cases(connection: Connection) -> list[tuple[str, int]]:
    """(label, guest id) of the guests most likely to break a layout, in the order of `KINDS`.

    For each kind the guest with the longest name (as the badge writes it) is chosen, the lowest id on a
    tie, since the longest is the one that must shrink or wrap. A guest who is the hardest case of several
    kinds appears once, labelled with all of them ("Longest name · Arabic script"). Guests of every status
    count: the designer prepares badges before the approvals are done. An event without guests has none.
    """
    guests, photos = schema.guests, schema.guest_photos
    query = (
        select(guests.c.id, guests.c.family_name, guests.c.given_name, photos.c.guest_id.label("photo"))
        .outerjoin(photos, photos.c.guest_id == guests.c.id)
        .order_by(guests.c.id)
    )
    best: dict[str, tuple[int, int]] = {}  # kind: (name length, guest id)
    for row in connection.execute(query):
        name = join_name(row.given_name, row.family_name)
        kinds = [LONGEST_NAME]
        if _is_arabic_script(name):
            kinds.append(ARABIC)
        if _has_chinese_characters(name):
            kinds.append(CHINESE)
        if row.photo is None:
            kinds.append(NO_PHOTO)
        for kind in kinds:
            if kind not in best or len(name) > best[kind][0]:
                best[kind] = (len(name), row.id)
    labels: dict[int, list[str]] = {}
    for kind in KINDS:
        if kind in best:
            labels.setdefault(best[kind][1], []).append(kind)
    return [(" · ".join(kinds), guest_id) for guest_id, kinds in labels.items()]


def preview_badge(connection: Connection, event: EventInfo, guest_id: int, *, today: date) -> BadgeData:
    """One guest's badge data as a print today would have it; a guest not approved gets `STAND_IN_TOKEN`.

    The serial is the guest's current one (1 before the first print), like `printing.current_token`.
    """
    guest = guest_store.get_guest(connection, guest_id)
    names, colours = category_lookup(connection)
    token = current_token(connection, event, guest_id, today=today) if guest.status == "approved" else STAND_IN_TOKEN
    return BadgeData(
        guest_id=guest.id,
        variables=badge_variables(guest, guest.badge_serial or 1, event, names, short_names(connection)),
        category_colour=colours.get(guest.fields.category, _UNKNOWN_CATEGORY_COLOUR),
        zones=guest.zones,
        token=token,
        photo=guest_store.photo(connection, guest_id),
    )


def sample_badge() -> BadgeData:
    """A badge from the variables' sample values (a Tajik head of delegation), for an event with no guests yet."""
    context = sample_context()
    head_of_delegation = next(category for category in STANDARD_CATEGORIES if category.code == "HOD")
    return BadgeData(
        guest_id=0,
        variables=context,
        category_colour=head_of_delegation.colour,
        zones=tuple(context["zones"].split()),
        token=STAND_IN_TOKEN,
        photo=None,
    )
