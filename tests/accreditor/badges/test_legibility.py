"""Legibility as a rule: the check over the demo event and the hard cases, and the rules it proves."""

import copy
import io
import json
from importlib.resources import files
from typing import Any

import pytest

from accreditor.badges.layout import LayoutError, list_layouts, load_layout, parse_layout
from accreditor.badges.legibility import (
    FLOOR_PT,
    HARD_CASES,
    MIN_QR_SYMBOL_MM,
    badge_findings,
    check,
    hard_case_badges,
    layout_findings,
    problems,
)
from accreditor.badges.printing import upper_name
from accreditor.badges.render import LATIN_TO_WRITTEN, BadgeData, BadgeRenderer, PrintedBadge, PrintedText

from .conftest import portrait_jpeg


def shipped(name: str) -> dict[str, Any]:
    return json.loads((files("resources") / "layouts" / f"{name}.json").read_text(encoding="utf-8"))


def printed(layout: str, badges: list[BadgeData]) -> list[PrintedBadge]:
    return BadgeRenderer(load_layout(layout)).render(badges, io.BytesIO(), keep_printed=True).printed


def texts(badge: PrintedBadge, role: str) -> list[PrintedText]:
    return [text for text in badge.texts if text.role == role]


@pytest.fixture(scope="module")
def hard_cases() -> list[BadgeData]:
    return hard_case_badges(with_photo=portrait_jpeg())


@pytest.mark.parametrize("name", list_layouts())
def test_every_shipped_layout_passes_over_the_demo_event_and_the_hard_cases(
    name: str, demo_badges: list[BadgeData], hard_cases: list[BadgeData]
) -> None:
    assert len(demo_badges) == 330
    findings = check(load_layout(name), demo_badges + hard_cases)

    assert [str(finding) for finding in findings] == []


def test_the_hard_cases_cover_every_kind_of_trouble(hard_cases: list[BadgeData]) -> None:
    labels = " ".join(label for label, _fields, _short in HARD_CASES)

    for kind in ("longest", "organisation", "Arabic", "Chinese", "Japanese", "Georgian", "no photo"):
        assert kind in labels
    assert hard_cases[-1].photo is None


def test_the_check_finds_what_the_old_card_got_wrong(hard_cases: list[BadgeData]) -> None:
    data = shipped("cr80")
    for element in data["front"]:
        if element.get("text") == "{name_latin}":
            element.update(font_size=6.5, min_font_size=4.5, max_lines=1)  # the old grey Latin line
        if element.get("text") == "{organisation}":
            element.update(min_font_size=3.8, fallback="")
    layout = parse_layout(data)

    found = [finding.problem for finding in check(layout, hard_cases)]

    assert any(problem.startswith("$.front") and "below 6 pt" in problem for problem in found)


def test_a_small_latin_line_makes_the_renderer_set_the_written_name_smaller(make_badge) -> None:
    data = shipped("cr80")
    for element in data["front"]:
        if element.get("text") == "{name_latin}":
            element.update(font_size=6.5, min_font_size=6, max_lines=1)  # the old Latin line, at the floor
    chinese = make_badge(3, person=3)

    report = BadgeRenderer(parse_layout(data)).render([chinese], io.BytesIO(), keep_printed=True)

    badge = report.printed[0]
    assert texts(badge, "written")[0].size <= 6.5 / LATIN_TO_WRITTEN + 1e-6
    assert list(problems(badge)) == []


def test_the_check_reports_a_latin_line_too_small_and_a_given_name_too_large() -> None:
    def text(role: str, size: float, align: str = "left") -> PrintedText:
        return PrintedText(role, role, size, 6, align, True, "front")

    badge = PrintedBadge(1, (text("written", 14), text("given", 15), text("latin", 8, "right")), (18.0,))

    found = list(problems(badge))

    assert any("the Latin name" in problem and f"{LATIN_TO_WRITTEN:.0%}" in problem for problem in found)
    assert any("larger than the family name" in problem for problem in found)
    assert any("aligned both left and right" in problem for problem in found)
    assert any(f"under {MIN_QR_SYMBOL_MM:g} mm" in problem for problem in found)


def test_the_check_finds_touching_sheets_without_bleed_or_marks() -> None:
    data = shipped("a7-8up")
    data["sheet"].update(gap_x=0, gap_y=0)
    data.update(bleed=0, crop_marks=False)

    found = {finding.problem for finding in layout_findings(parse_layout(data))}

    assert found == {
        "a sheet of several badges has no crop marks",
        "a sheet of several badges has no bleed: an off cut shows a sliver of the neighbour",
        "the badges on the sheet touch: no gutter between them for their bleed",
    }


def test_the_check_finds_a_small_qr_code(hard_cases: list[BadgeData]) -> None:
    data = shipped("a6")
    qr = next(element for element in data["front"] if element["type"] == "qr")
    qr["size"] = 22  # the old a7 size: quiet zone included, the symbol is about 18 mm

    found = [finding.problem for finding in badge_findings(parse_layout(data), hard_cases[:1])]

    assert found and all(f"under {MIN_QR_SYMBOL_MM:g} mm" in problem for problem in found)


@pytest.mark.parametrize("name", list_layouts())
def test_every_shipped_text_keeps_to_the_floor(name: str) -> None:
    layout = load_layout(name)

    assert all(
        element.min_font_size >= FLOOR_PT for _path, element in layout.elements() if hasattr(element, "min_font_size")
    )


def test_a_long_family_name_never_ends_smaller_than_the_given_name(make_badge) -> None:
    base = make_badge(21, person=1)
    long = BadgeData(
        21,
        {**base.variables, "family_name_upper": "ABDULKHAKIMOVA-NURMUKHAMMADOVA", "given_name": "Ali"},
        base.category_colour,
        base.zones,
        base.token,
        None,
    )

    for layout in ("cr80", "a6", "a7-8up"):
        badge = printed(layout, [long])[0]
        assert texts(badge, "given")[0].size <= texts(badge, "written")[0].size


def test_the_latin_line_is_at_least_seventy_percent_of_the_written_name(make_badge) -> None:
    chinese = make_badge(3, person=3)  # 王 秀珍, Wang Xiuzhen

    for layout in list_layouts():
        badge = printed(layout, [chinese])[0]
        front = [text for text in badge.texts if text.side == "front"]
        written = max(text.size for text in front if text.role == "written")
        latin = next(text for text in front if text.role == "latin")
        assert latin.size >= LATIN_TO_WRITTEN * written - 1e-6, layout


def test_an_arabic_badge_aligns_the_whole_name_block_right(make_badge) -> None:
    arabic = make_badge(2, person=2)
    arabic = BadgeData(
        2, {**arabic.variables, "position": "Senior Adviser"}, arabic.category_colour, (), arabic.token, None
    )

    for layout in ("cr80", "a6", "a4-4up"):
        following = [text for text in printed(layout, [arabic])[0].texts if text.follows_script]
        assert {text.align for text in following} == {"right"}, layout
        assert any(text.text == "Senior Adviser" for text in following)


def test_an_organisation_too_long_to_fit_prints_its_short_form(make_badge) -> None:
    base = make_badge(5, person=4)
    long = " ".join(["Intergovernmental Coordination Council for Regional Security Cooperation"] * 3)
    badge = BadgeData(
        5,
        {**base.variables, "organisation": long, "organisation_short": "ICCRSC"},
        base.category_colour,
        base.zones,
        base.token,
        None,
    )

    organisation = next(text for text in printed("cr80", [badge])[0].texts if text.text in (long, "ICCRSC"))

    assert organisation.text == "ICCRSC"
    assert organisation.size >= FLOOR_PT


def test_georgian_family_names_are_not_set_in_mtavruli() -> None:
    assert upper_name("ბერიძე") == "ბერიძე"
    assert upper_name("Раҳмонов") == "РАҲМОНОВ"


def test_a_bleed_needs_gutters_wide_enough() -> None:
    data = copy.deepcopy(shipped("a4-4up"))
    data["sheet"].update(gap_x=2, gap_y=2)

    with pytest.raises(LayoutError, match="bleed needs gaps of at least 4 mm"):
        parse_layout(data)
