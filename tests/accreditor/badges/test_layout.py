"""Badge layouts: the shipped ones load, bad ones are refused with the file and JSON path, JSON round-trips."""

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from accreditor.badges.layout import (
    MM,
    LayoutError,
    TextElement,
    list_layouts,
    load_layout,
    parse_layout,
)
from accreditor.badges.variables import VARIABLES, TemplateError, format_text, sample_context
from accreditor.errors import AccreditorError

LAYOUTS_FOLDER = Path(__file__).resolve().parents[3] / "resources" / "layouts"
SHIPPED = ("a4-4up", "a6", "a6-double", "a7-8up", "a7-fold", "cr80", "letter-4up")

MINIMAL: dict[str, Any] = {
    "version": 1,
    "name": "minimal",
    "badge": {"width": 90, "height": 60},
    "front": [
        {"type": "text", "x": 5, "y": 5, "width": 80, "height": 12, "text": "{family_name_upper}", "font_size": 20},
        {"type": "qr", "x": 5, "y": 20, "size": 25},
    ],
}


def minimal(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(MINIMAL)
    data.update(changes)
    return data


def with_text(**fields: Any) -> dict[str, Any]:
    """The minimal layout with its text element changed (a field set to None is removed)."""
    data = minimal()
    element = data["front"][0]
    element.update(fields)
    for key in [key for key, value in fields.items() if value is None]:
        del element[key]
    return data


# -- shipped layouts ------------------------------------------------------------------------------


def test_list_layouts_names_every_shipped_layout() -> None:
    assert tuple(list_layouts()) == SHIPPED


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_layout_loads_and_validates(name: str) -> None:
    layout = load_layout(name)

    assert layout.name == name
    assert layout.front
    page_w, page_h = layout.page_size
    assert min(layout.margins) >= (4 if layout.crop_marks else 0)
    assert all(slot.x >= 0 and slot.x + layout.cell_size[0] <= page_w + 1e-6 for slot in layout.slots())
    assert all(slot.y >= 0 and slot.y + layout.cell_size[1] <= page_h + 1e-6 for slot in layout.slots())


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_layout_is_stored_as_to_json_writes_it(name: str) -> None:
    path = LAYOUTS_FOLDER / f"{name}.json"

    assert json.loads(load_layout(path).to_json()) == json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_layout_has_a_qr_code_of_at_least_22_mm_and_a_category_band(name: str) -> None:
    layout = load_layout(name)
    elements = [element.to_dict() for element in layout.front]

    assert [element["size"] for element in elements if element["type"] == "qr"] >= [22]
    assert any(element["type"] == "band" for element in elements)


def test_double_sided_back_page_is_mirrored_for_long_edge_duplex() -> None:
    layout = load_layout("a6-double")
    page_w, _page_h = layout.page_size
    badge_w = layout.badge.width

    for front, back in zip(layout.slots(), layout.slots(back=True), strict=True):
        assert back.x == pytest.approx(page_w - front.x - badge_w)
        assert back.y == pytest.approx(front.y)


def test_foldable_layout_prints_each_badge_twice_as_tall() -> None:
    layout = load_layout("a7-fold")

    assert layout.cell_size == (layout.badge.width, 2 * layout.badge.height)


# -- loading --------------------------------------------------------------------------------------


def test_load_layout_reads_a_file_by_path(write_layout) -> None:
    layout = load_layout(write_layout(MINIMAL))

    assert layout.name == "minimal"
    assert layout.badges_per_sheet == 1
    assert layout.page_size == (90, 60)


def test_unknown_layout_name_lists_the_shipped_ones() -> None:
    with pytest.raises(LayoutError, match=r"no shipped badge layout named “a5-gala”.*cr80"):
        load_layout("a5-gala")


def test_bad_json_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"version": 1,', encoding="utf-8")

    with pytest.raises(AccreditorError, match=r"broken\.json is not valid JSON"):
        load_layout(path)


def test_layout_error_is_one_sentence_for_the_user(write_layout) -> None:
    with pytest.raises(AccreditorError) as caught:
        load_layout(write_layout(with_text(font_size="big")))

    message = str(caught.value)
    assert message.count("\n") == 0
    assert message.endswith(".")


@pytest.mark.parametrize(
    ("data", "path", "words"),
    [
        (with_text(font_size=None), r"\$\.front\[0\]", "'font_size' is a required property"),
        (with_text(font_size="big"), r"\$\.front\[0\]\.font_size", "'big' is not of type 'number'"),
        (with_text(align="justify"), r"\$\.front\[0\]\.align", "'justify' is not one of"),
        (with_text(colour="red"), r"\$\.front\[0\]\.colour", "'red' is not a colour: write #RRGGBB"),
        (with_text(shadow=True), r"\$\.front\[0\]", "'shadow' was unexpected"),
        (with_text(text="{fullname}"), r"\$\.front\[0\]\.text", r"unknown variable \{fullname\}"),
        (with_text(text="{full_name:>20}"), r"\$\.front\[0\]\.text", r"unknown variable \{full_name\}"),
        (with_text(text="{full_name"), r"\$\.front\[0\]\.text", "unbalanced braces"),
        (with_text(x=20), r"\$\.front\[0\]", "reaches 100×17 mm, outside the 90×60 mm badge"),
        (with_text(font_size=40), r"\$\.front\[0\]\.font_size", "40 pt text needs 16.9 mm but its box is 12 mm"),
        (with_text(min_font_size=30), r"\$\.front\[0\]\.min_font_size", "larger than the font size"),
        (
            with_text(show_if_non_latin="nickname"),
            r"\$\.front\[0\]\.show_if_non_latin",
            "“nickname” is not a badge variable",
        ),
        (minimal(badge={"width": 90}), r"\$\.badge", "'height' is a required property"),
        (minimal(version=2), r"\$\.version", "1 was expected"),
        (minimal(sides="double"), r"\$\.back", "a double-sided layout needs back elements"),
        (minimal(sides="triple"), r"\$\.sides", "'triple' is not one of"),
        (minimal(back=[{"type": "qr", "x": 0, "y": 0, "size": 25}]), r"\$\.sides", "only when sides is"),
        (minimal(sheet={"paper": "A4", "columns": 3, "rows": 5}), r"\$\.sheet", "15 badges .* do not fit on 210×297"),
        (
            minimal(badge={"width": 103, "height": 60}, sheet={"paper": "A4", "columns": 2}, crop_marks=True),
            r"\$\.crop_marks",
            r"at least 4 mm \(the least is 2\.0\)",
        ),
        (minimal(sheet={"paper": "badge", "columns": 2}), r"\$\.sheet\.paper", "holds one badge"),
        (minimal(sheet={"paper": "custom", "width": 100}), r"\$\.sheet", "'height' is a required property"),
        (minimal(sheet={"paper": "A4", "width": 100}), r"\$\.sheet", "should not be valid"),
    ],
)
def test_invalid_layout_is_refused_naming_file_and_json_path(write_layout, data: Any, path: str, words: str) -> None:
    with pytest.raises(LayoutError, match=rf"layout\.json is invalid at {path}: .*{words}"):
        load_layout(write_layout(data))


def test_qr_code_smaller_than_22_mm_is_refused(write_layout) -> None:
    data = minimal()
    data["front"][1]["size"] = 20

    with pytest.raises(LayoutError, match=r"\$\.front\[1\]\.size: 20 is less than the minimum of 22"):
        load_layout(write_layout(data))


def test_missing_image_is_refused_unless_optional(write_layout, tmp_path: Path) -> None:
    logo = {"type": "image", "x": 60, "y": 5, "width": 25, "height": 10, "path": "logo.png"}

    with pytest.raises(LayoutError, match=r"\$\.front\[2\]\.path: the image file “logo\.png” does not exist"):
        load_layout(write_layout(minimal(front=[*MINIMAL["front"], logo])))
    assert load_layout(write_layout(minimal(front=[*MINIMAL["front"], {**logo, "optional": True}])))


def test_two_lines_must_fit_the_box_at_the_minimum_size(write_layout) -> None:
    with pytest.raises(LayoutError, match=r"\$\.front\[0\]\.max_lines: two lines of 16 pt"):
        load_layout(write_layout(with_text(max_lines=2, min_font_size=16)))


# -- JSON round trip ----------------------------------------------------------------------------------


def test_to_json_writes_the_input_with_every_default_spelled_out(write_layout) -> None:
    layout = load_layout(write_layout(MINIMAL))

    assert json.loads(layout.to_json()) == {
        "version": 1,
        "name": "minimal",
        "description": "",
        "badge": {"width": 90, "height": 60},
        "sheet": {"paper": "badge", "orientation": "portrait", "columns": 1, "rows": 1, "gap_x": 0, "gap_y": 0},
        "crop_marks": False,
        "bleed": 0,
        "sides": "single",
        "front": [
            {
                **MINIMAL["front"][0],
                "font": "sans",
                "min_font_size": 6,
                "colour": "#000000",
                "align": "auto",
                "valign": "middle",
                "rotation": 0,
                "max_lines": 1,
                "show_if_non_latin": "",
                "fallback": "",
            },
            MINIMAL["front"][1],
        ],
        "back": [],
    }


@pytest.mark.parametrize("name", SHIPPED)
def test_to_json_loads_back_to_an_equal_layout(name: str) -> None:
    layout = load_layout(name)

    assert parse_layout(json.loads(layout.to_json())) == layout


def test_elements_are_typed_dataclasses(write_layout) -> None:
    layout = load_layout(write_layout(MINIMAL))

    assert isinstance(layout.front[0], TextElement)
    assert layout.front[0].font_size == 20


def test_mm_is_points_per_millimetre() -> None:
    assert pytest.approx(595.2756, abs=1e-3) == 210 * MM


# -- variables ------------------------------------------------------------------------------------


def test_registry_has_every_badge_variable_with_a_description_and_a_sample() -> None:
    expected = {
        "full_name",
        "given_name",
        "family_name",
        "family_name_upper",
        "name_latin",
        "title",
        "position",
        "organisation",
        "organisation_short",
        "delegation",
        "country_name",
        "country_code",
        "category",
        "event_name",
        "event_dates",
        "badge_no",
        "zones",
    }

    assert set(VARIABLES) == expected
    assert all(variable.description and variable.sample for variable in VARIABLES.values())
    assert set(sample_context()) == expected


def test_format_text_substitutes_variables() -> None:
    context = {"title": "Dr.", "full_name": "Søren Ørsted"}

    assert format_text("{title} {full_name}", context) == "Dr. Søren Ørsted"


def test_format_text_leaves_no_dangling_separator_or_space_for_empty_values() -> None:
    context = {"organisation": "", "country_name": "Tajikistan", "title": ""}

    assert format_text("{organisation} · {country_name}", context) == "Tajikistan"
    assert format_text("{title} {country_name}", context) == "Tajikistan"


def test_format_text_keeps_literal_text_and_escaped_braces() -> None:
    assert format_text("No. {badge_no} {{copy}}", {"badge_no": "00012-2"}) == "No. 00012-2 {copy}"


def test_format_text_refuses_unknown_variables() -> None:
    with pytest.raises(TemplateError, match=r"unknown variable \{surname\}"):
        format_text("{surname}", {"surname": "Doe"})
