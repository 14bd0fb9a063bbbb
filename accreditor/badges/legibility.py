"""Can a guard read it at arm's length? The legibility check of a badge layout, over real and hard badges.

The renderer keeps the rules as it draws (text wraps, takes the organisation's short form or is cut short
before it goes below its minimum; the name block keeps its hierarchy and its alignment); this check proves
it on a layout with the badges it will print, and reports every element that breaks a rule:

- no text below `FLOOR_PT` (nor below the element's own minimum);
- the Latin line of a non-Latin name at least `LATIN_TO_WRITTEN` of the written name's size, and the given
  name never larger than the written family name;
- every text that follows the script ("auto") aligned to the same side on a badge;
- every QR symbol (quiet zone excluded) at least `MIN_QR_SYMBOL_MM` a side;
- on sheets of several badges: gutters, bleed and crop marks.
"""

import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import Connection, select

from accreditor import schema
from accreditor.badges.layout import Layout, TextElement, ZonesElement
from accreditor.badges.printing import badge_variables
from accreditor.badges.render import LATIN_TO_WRITTEN, NAME_ROLES, BadgeData, BadgeRenderer, PrintedBadge
from accreditor.badges.samples import STAND_IN_TOKEN, preview_badge
from accreditor.guests import Guest, GuestFields
from accreditor.store import EventInfo

FLOOR_PT = 6.0
"""No text on a badge is printed smaller: below it a guard at arm's length reads nothing."""
MIN_QR_SYMBOL_MM = 22.0
"""The least side of a QR symbol that a phone or handheld scanner reads from a worn badge."""
_TOLERANCE = 1e-6


@dataclass(frozen=True, slots=True)
class Finding:
    """One rule a layout breaks: on a badge (`guest_id`) or in the layout itself (`guest_id` None)."""

    layout: str
    guest_id: int | None
    problem: str

    def __str__(self) -> str:
        where = f"{self.layout}, guest {self.guest_id}" if self.guest_id is not None else self.layout
        return f"{where}: {self.problem}"


def layout_findings(layout: Layout) -> list[Finding]:
    """What is wrong with the layout whatever the guest: minimums below the floor, zones as large as the name,
    sheets that do not cut cleanly."""
    found = []
    name_size = max(
        (
            element.font_size
            for _path, element in layout.elements()
            if isinstance(element, TextElement) and NAME_ROLES.get(element.text.strip("{}")) == "written"
        ),
        default=0.0,
    )
    for path, element in layout.elements():
        if isinstance(element, TextElement) and element.min_font_size < FLOOR_PT - _TOLERANCE:
            found.append(f"{path} ({element.text}) may print at {element.min_font_size:g} pt, below {FLOOR_PT:g} pt")
        if isinstance(element, ZonesElement) and element.font_size >= name_size:
            found.append(f"{path} zone codes at {element.font_size:g} pt compete with the name ({name_size:g} pt)")
    if layout.badges_per_sheet > 1:
        sheet = layout.sheet
        if not layout.crop_marks:
            found.append("a sheet of several badges has no crop marks")
        if layout.bleed <= 0:
            found.append("a sheet of several badges has no bleed: an off cut shows a sliver of the neighbour")
        gaps = [gap for gap, count in ((sheet.gap_x, sheet.columns), (sheet.gap_y, sheet.rows)) if count > 1]
        if (gaps and min(gaps) < 2 * layout.bleed - _TOLERANCE) or any(gap <= 0 for gap in gaps):
            found.append("the badges on the sheet touch: no gutter between them for their bleed")
    return [Finding(layout.name, None, problem) for problem in found]


def badge_findings(layout: Layout, badges: Iterable[BadgeData]) -> list[Finding]:
    """Render `badges` with `layout` (the PDF is thrown away) and report every printed element below its rule."""
    report = BadgeRenderer(layout).render(badges, io.BytesIO(), keep_printed=True)
    return [
        Finding(layout.name, printed.guest_id, problem) for printed in report.printed for problem in problems(printed)
    ]


def problems(badge: PrintedBadge) -> Iterator[str]:
    """What breaks a rule on one printed badge, in words."""
    for text in badge.texts:
        least = max(FLOOR_PT, text.min_size)
        if text.size < least - _TOLERANCE:
            yield f"“{text.text}” at {text.size:.1f} pt, below {least:g} pt"
    for text in badge.texts:
        written = max(
            (other.size for other in badge.texts if other.role == "written" and other.side == text.side), default=0
        )
        if written and text.role == "latin" and text.size < LATIN_TO_WRITTEN * written - _TOLERANCE:
            yield (
                f"the Latin name “{text.text}” at {text.size:.1f} pt is under {LATIN_TO_WRITTEN:.0%} "
                f"of the written name ({written:.1f} pt)"
            )
        if written and text.role == "given" and text.size > written + _TOLERANCE:
            yield f"the given name “{text.text}” ({text.size:.1f} pt) is larger than the family name"
    sides = {text.align for text in badge.texts if text.follows_script}
    if len(sides) > 1:
        yield f"the name block is aligned both {' and '.join(sorted(sides))}"
    for symbol in badge.qr_symbols:
        if symbol < MIN_QR_SYMBOL_MM - _TOLERANCE:
            yield f"the QR symbol is {symbol:.1f} mm, under {MIN_QR_SYMBOL_MM:g} mm"


def check(layout: Layout, badges: Iterable[BadgeData]) -> list[Finding]:
    """Every finding of the layout itself and of its badges for `badges`."""
    return layout_findings(layout) + badge_findings(layout, badges)


def event_badges(connection: Connection, event: EventInfo, *, today: date) -> list[BadgeData]:
    """The badge of every approved guest of an event, as a print today would have it."""
    table = schema.guests
    ids = connection.scalars(select(table.c.id).where(table.c.status == "approved").order_by(table.c.id))
    return [preview_badge(connection, event, guest_id, today=today) for guest_id in ids]


# -- the hard cases -------------------------------------------------------------------------------

_EVENT = EventInfo(
    "High-Level International Conference on Countering Terrorism and Preventing Violent Extremism",
    date(2027, 5, 3),
    date(2027, 5, 4),
    "Dushanbe",
)
_CATEGORY_NAMES = {"HOD": "Head of Delegation", "DEL": "Delegate", "MED": "Media", "TEC": "Technical"}
_LONG_ORGANISATION = (
    "Executive Committee of the Commonwealth of Independent States Anti-Terrorism Centre and "
    "Regional Counter-Terrorism Structure of the Shanghai Cooperation Organisation"
)
_LONG_POSITION = "Deputy Head of the Department for International Security Cooperation and Arms Control"

HARD_CASES: tuple[tuple[str, GuestFields, str], ...] = (
    (
        "longest Latin-script name",
        GuestFields(
            "Hadjipapadopoulou-Konstantinidou",
            "Maximiliane Alexandra Charlotte",
            organisation=_LONG_ORGANISATION,
            position=_LONG_POSITION,
            country="CD",
            category="HOD",
        ),
        "",
    ),
    (
        "longest Cyrillic name",
        GuestFields(
            "Абдулхакимова-Нурмухаммадова",
            "Мухаммадчон Абдурахмонович",
            organisation="Вазорати корҳои хориҷии Ҷумҳурии Тоҷикистон",
            position="Муовини якуми вазири корҳои хориҷӣ",
            country="TJ",
            category="HOD",
        ),
        "ВКХ ҶТ",
    ),
    (
        "longest organisation, with a short form",
        GuestFields("Kim", "Lee", organisation=_LONG_ORGANISATION, position=_LONG_POSITION, country="KR"),
        "CIS ATC / SCO RATS",
    ),
    (
        "Arabic",
        GuestFields(
            "أبو داوود",
            "عبد الرحمن",
            organisation="وزارة الخارجية وشؤون المغتربين",
            position="مستشار أول",
            country="JO",
            category="DEL",
        ),
        "",
    ),
    (
        "Persian",
        GuestFields("محمدی", "سید محمد", organisation="Ministry of Foreign Affairs", position="Adviser", country="IR"),
        "",
    ),
    (
        "Chinese",
        GuestFields("欧阳", "秀珍", organisation="中华人民共和国外交部", position="参赞", country="CN", category="DEL"),
        "",
    ),
    (
        "Japanese",
        GuestFields("中村", "幹", organisation="外務省", position="参事官", country="JP", category="MED"),
        "",
    ),
    (
        "Georgian",
        GuestFields(
            "ჯაყელი-ბერიძე",
            "ალექსანდრე",
            organisation="საქართველოს საგარეო საქმეთა სამინისტრო",
            country="GE",
            category="TEC",
        ),
        "",
    ),
    ("Korean", GuestFields("남궁", "서연", organisation="외교부", country="KR", category="DEL"), ""),
    ("no photo, short name", GuestFields("Li", "Yu", country="CN", category="DEL"), ""),
)
"""(what makes it hard, guest, organisation short form) for the badges most likely to break a layout."""


def hard_case_badges(*, with_photo: bytes | None = None) -> list[BadgeData]:
    """Badges of `HARD_CASES` (ids from 900001), the longest token a badge may carry and five zones; every
    case but the last has `with_photo`."""
    created = datetime(2027, 4, 1, tzinfo=UTC)
    badges = []
    for number, (_label, fields, short) in enumerate(HARD_CASES, start=900001):
        guest = Guest(
            id=number,
            fields=fields.with_latin(),
            status="approved",
            status_reason="",
            zones=("PLN", "VIP", "BIL", "PRS", "SRV"),
            checked_in_at=None,
            checked_in_station="",
            checked_in_by="",
            badge_serial=1,
            badge_printed_at=None,
            has_photo=with_photo is not None,
            created_at=created,
            updated_at=created,
        )
        badges.append(
            BadgeData(
                guest_id=number,
                variables=badge_variables(guest, 12, _EVENT, _CATEGORY_NAMES, {fields.organisation: short}),
                category_colour="#111111",
                zones=guest.zones,
                token=STAND_IN_TOKEN,
                photo=None if number == 900000 + len(HARD_CASES) else with_photo,
            )
        )
    return badges
