"""The renderer: every layout, every script, QR codes that scan, text that fits, bad data that only warns."""

import dataclasses
import io
import math
from pathlib import Path
from typing import Any

import pikepdf
import pypdfium2
import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from accreditor.badges import fonts
from accreditor.badges.layout import LEADING, LINE_EXTENT, MM, list_layouts, load_layout
from accreditor.badges.render import BadgeRenderer, crop_marks, fit_text, readable_on, shape_line, shrunk_below
from accreditor.badges.shaping import visual
from accreditor.errors import AccreditorError

CR80_NAME_BOX = (31.5 * MM, 9 * MM)  # the family-name box of cr80.json, in points


def render(layout: Any, badges: list, tmp_path: Path, name: str = "badges.pdf"):
    out = tmp_path / name
    report = BadgeRenderer(layout if not isinstance(layout, str) else load_layout(layout)).render(badges, out)
    return out, report


def expected_pages(layout_name: str, count: int) -> int:
    layout = load_layout(layout_name)
    return math.ceil(count / layout.badges_per_sheet) * (2 if layout.sides == "double" else 1)


# -- sheets ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list_layouts())
def test_every_layout_renders_the_right_pages_of_the_right_size(name, make_badges, read_pdf, tmp_path) -> None:
    layout = load_layout(name)
    count = 2 * layout.badges_per_sheet + 1 if layout.badges_per_sheet > 1 else 3
    out, report = render(layout, make_badges(count), tmp_path)

    pdf = read_pdf(out)
    assert len(pdf) == report.pages == expected_pages(name, count)
    assert report.badges == count
    width, height = layout.page_size
    for page in range(len(pdf)):
        assert pdf.size(page) == pytest.approx((width * MM, height * MM), abs=0.01)


def test_nine_badges_four_up_make_three_sheets(make_badges, read_pdf, tmp_path) -> None:
    out, report = render("a4-4up", make_badges(9), tmp_path)

    assert report.pages == len(read_pdf(out)) == 3


def test_double_sided_layout_prints_a_back_page_after_each_front(make_badges, read_pdf, tmp_path) -> None:
    out, report = render("a6-double", make_badges(9), tmp_path)

    pdf = read_pdf(out)
    assert report.pages == len(pdf) == 6
    assert all("ACCESS ZONES" not in pdf.text(page) for page in (0, 2, 4))
    assert all("ACCESS ZONES" in pdf.text(page) for page in (1, 3, 5))


@pytest.mark.parametrize("name", list_layouts())
def test_every_qr_code_on_every_sheet_scans_to_its_token(name, make_badges, read_pdf, tmp_path) -> None:
    layout = load_layout(name)
    badges = make_badges(layout.badges_per_sheet + 1)
    out, _report = render(layout, badges, tmp_path)

    pdf = read_pdf(out)
    fronts = range(0, len(pdf), 2 if layout.sides == "double" else 1)
    found = [text for page in fronts for text in pdf.qr_texts(page)]
    assert sorted(found) == sorted(badge.token for badge in badges)


def test_empty_token_leaves_the_qr_code_out(make_badges, read_pdf, tmp_path) -> None:
    out, report = render("cr80", make_badges(1, token=""), tmp_path)

    assert read_pdf(out).qr_texts(0) == []
    assert report.warnings == []


def test_renders_into_a_binary_stream(make_badges, read_pdf) -> None:
    out = io.BytesIO()

    report = BadgeRenderer(load_layout("a6")).render(make_badges(2), out)

    assert report.pages == len(read_pdf(out.getvalue())) == 2


def test_no_badges_at_all_is_an_error_not_an_empty_pdf(tmp_path) -> None:
    with pytest.raises(AccreditorError, match="no badges to print"):
        render("cr80", [], tmp_path)
    assert not (tmp_path / "badges.pdf").exists()


def test_crop_marks_stay_in_the_margins_and_off_every_badge() -> None:
    for name in ("a4-4up", "a7-8up", "letter-4up", "a6-double", "a7-fold"):
        layout = load_layout(name)
        cuts, folds = crop_marks(layout)
        cell_w, cell_h = (value * MM for value in layout.cell_size)
        page_w, page_h = (value * MM for value in layout.page_size)
        assert cuts
        assert bool(folds) == (layout.sides == "fold")
        for x1, y1, x2, y2 in cuts + folds:
            assert min(x1, x2) >= 0 and max(x1, x2) <= page_w
            assert min(y1, y2) >= 0 and max(y1, y2) <= page_h
            for slot in layout.slots():
                left, bottom = slot.x * MM, slot.y * MM
                inside_x = max(x1, x2) > left + 0.01 and min(x1, x2) < left + cell_w - 0.01
                inside_y = max(y1, y2) > bottom + 0.01 and min(y1, y2) < bottom + cell_h - 0.01
                assert not (inside_x and inside_y), f"{name}: crop mark over a badge"


def test_foldable_badge_has_its_back_half_upside_down_above_the_front(read_pdf, write_layout, make_badge, tmp_path):
    data = {
        "version": 1,
        "name": "fold",
        "badge": {"width": 70, "height": 100},
        "sides": "fold",
        "front": [{"type": "text", "x": 5, "y": 40, "width": 60, "height": 10, "text": "FRONT", "font_size": 20}],
        "back": [{"type": "text", "x": 5, "y": 40, "width": 60, "height": 10, "text": "BACK", "font_size": 20}],
    }
    out, _report = render(load_layout(write_layout(data)), [make_badge(1)], tmp_path)

    chars = list(read_pdf(out).chars(0))
    front = [box for char, box in chars if char in "FRONT"]
    back = [(char, box) for char, box in chars if char in "BACK"]
    middle = 100 * MM
    assert all(box[3] < middle for box in front)
    assert all(box[1] > middle for _char, box in back)
    lefts = [box[0] for _char, box in back]
    assert lefts == sorted(lefts, reverse=True), "turned 180°, BACK runs right to left on the sheet"


# -- scripts ----------------------------------------------------------------------------------------


def test_names_in_every_script_come_out_as_text(make_badge, read_pdf, tmp_path) -> None:
    badges = [make_badge(index, person=index) for index in range(7)]
    out, report = render("a6-double", badges, tmp_path)

    pdf = read_pdf(out)
    fronts = "".join(pdf.text(page) for page in (0, 2))
    backs = "".join(pdf.text(page) for page in (1, 3))
    assert "РАҲМОНОВ" in fronts and "Ҷамшед" in fronts
    assert "Ҷамшед Раҳмонов" in backs
    assert "Вазорати корҳои хориҷӣ" in fronts
    assert "KOZŁOWSKI" in fronts and "Łukasz" in fronts and "Søren Ørsted" in backs
    assert "王" in fronts and "秀珍" in fronts and "外交部" in fronts
    assert "Պետրոսյան" in backs and "ნინო ბერიძე" in backs
    # pdfium maps the Arabic presentation forms back to letters and reorders the line logically:
    # getting the name back proves the right glyphs were drawn in the right visual order.
    assert "أبو داوود" in fronts and "عبد الرحمن" in fronts and "عبد الرحمن أبو داوود" in backs
    assert report.warnings == []


def test_latin_name_is_printed_under_non_latin_names_only(make_badge, read_pdf, tmp_path) -> None:
    out, _report = render("cr80", [make_badge(1, person=0), make_badge(2, person=1)], tmp_path)

    pdf = read_pdf(out)
    assert "Jamshed Rahmonov" in pdf.text(0)
    assert "Lukasz Kozlowski" not in pdf.text(1)


def test_arabic_is_shaped_and_in_visual_order() -> None:
    shaped = visual("عبد")

    assert shaped == "\ufeaa\ufe92\ufecb"  # final dal, medial beh, initial ain: read right to left
    assert visual("Dr. عبد") == "Dr. \ufeaa\ufe92\ufecb"
    assert visual("Łukasz") == "Łukasz"


def test_mixed_line_is_split_into_runs_by_font() -> None:
    runs = shape_line("Dr. عبد 王", fonts.SANS).runs

    assert [run.font for run in runs] == ["Accreditor-Sans", "Accreditor-Arabic", "Accreditor-CJK"]
    assert "".join(run.text for run in runs).replace(" ", "") == "Dr.\ufeaa\ufe92\ufecb王"


def text_boxes(pdf, page: int, wanted: str) -> list[tuple[float, float, float, float]]:
    return [box for char, box in pdf.chars(page) if char in wanted]


def test_auto_alignment_puts_right_to_left_text_on_the_right(read_pdf, write_layout, make_badge, tmp_path) -> None:
    element = {"type": "text", "x": 10, "y": 10, "width": 70, "height": 10, "text": "{family_name}", "font_size": 14}
    data = {"version": 1, "name": "align", "badge": {"width": 90, "height": 30}, "front": [element]}
    layout = load_layout(write_layout(data))
    out, _report = render(layout, [make_badge(1, person=2), make_badge(2, person=1)], tmp_path)

    pdf = read_pdf(out)
    arabic = text_boxes(pdf, 0, "أبو داوود")
    latin = text_boxes(pdf, 1, "Kozłowski")
    assert max(box[2] for box in arabic) == pytest.approx(80 * MM, abs=1.5)
    assert min(box[0] for box in latin) == pytest.approx(10 * MM, abs=1.5)


def test_character_no_font_has_is_reported(make_badge, tmp_path) -> None:
    ethiopic = make_badge(5, person=1)  # Ge'ez script: no bundled font has it
    ethiopic = dataclasses.replace(ethiopic, variables={**ethiopic.variables, "given_name": "ሰላም"})

    _out, report = render("cr80", [ethiopic], tmp_path)

    assert report.warnings == ["guest 5: no bundled font has ሰ ላ ም, printed as empty boxes"]


def test_korean_names_print_with_the_hangul_font(make_badge, tmp_path) -> None:
    korean = make_badge(5, person=1)
    korean = dataclasses.replace(korean, variables={**korean.variables, "given_name": "민준"})

    out, report = render("cr80", [korean], tmp_path)

    assert report.warnings == []
    document = pypdfium2.PdfDocument(str(out))
    assert "민준" in document[0].get_textpage().get_text_range()


# -- fitting ---------------------------------------------------------------------------------------


def line_width(fitted) -> float:
    return max(sum(stringWidth(run.text, run.font, fitted.size) for run in line.runs) for line in fitted.lines)


def test_sixty_character_name_fits_its_box() -> None:
    name = "MAXIMILIANUS-ALEXANDROS KONSTANTINOPOULOS-WEISSENBERGERS VON"
    assert len(name) == 60
    width, height = CR80_NAME_BOX

    fitted = fit_text(name, fonts.SANS_BOLD, size=14, min_size=7, width=width, height=height, max_lines=2)

    assert line_width(fitted) <= width + 1e-6
    assert line_width(fitted) == pytest.approx(fitted.width)
    assert fitted.size * (LINE_EXTENT + LEADING * (len(fitted.lines) - 1)) <= height + 1e-6


def test_long_name_wraps_to_two_lines_before_shrinking_below_the_minimum() -> None:
    name = "KONSTANTINOPOULOS WEISSENBERGER"
    width, height = CR80_NAME_BOX
    one_line = width / stringWidth(name, "Accreditor-Sans-Bold", 1)
    assert one_line < 7, "this name would need less than the minimum on one line"

    fitted = fit_text(name, fonts.SANS_BOLD, size=14, min_size=7, width=width, height=height, max_lines=2)

    assert [line.text for line in fitted.lines] == ["KONSTANTINOPOULOS", "WEISSENBERGER"]
    assert fitted.size >= 7
    assert not fitted.below_minimum
    assert line_width(fitted) <= width + 1e-6


def test_name_that_fits_on_one_line_above_the_minimum_stays_on_one_line() -> None:
    width, height = CR80_NAME_BOX

    fitted = fit_text("RAHMONOV", fonts.SANS_BOLD, size=14, min_size=7, width=width, height=height, max_lines=2)

    assert len(fitted.lines) == 1
    assert fitted.size == 14


def test_text_that_fits_no_way_is_shrunk_below_the_minimum_rather_than_overflowing() -> None:
    text = "Ministry of Foreign Affairs and International Cooperation of the Republic"

    fitted = fit_text(text, fonts.SANS, size=10, min_size=7, width=20 * MM, height=5 * MM, max_lines=1)

    assert fitted.below_minimum
    assert line_width(fitted) <= 20 * MM + 1e-6


def test_text_shrunk_below_its_minimum_is_reported(make_badge, tmp_path) -> None:
    long = make_badge(7, person=1)
    long = dataclasses.replace(long, variables={**long.variables, "country_name": "Country " * 12})

    _out, report = render("cr80", [long], tmp_path)

    assert len(report.warnings) == 1
    assert report.warnings[0].startswith("guest 7: “Country Country")
    assert "below its 5 pt minimum" in report.warnings[0]


@pytest.mark.parametrize(("size", "shown"), [(6.96, "6.9 pt"), (6.999, "6.9 pt"), (4.25, "4.2 pt")])
def test_the_size_below_the_minimum_is_never_shown_as_the_minimum(size: float, shown: str) -> None:
    assert shrunk_below(size, 7) == f"printed at {shown}, below its 7 pt minimum"


def test_chinese_wraps_between_characters() -> None:
    fitted = fit_text(
        "中华人民共和国外交部", fonts.SANS, size=12, min_size=9, width=25 * MM, height=12 * MM, max_lines=2
    )

    assert [line.text for line in fitted.lines] == ["中华人民共", "和国外交部"]


def test_text_on_a_category_colour_is_black_or_white_whichever_reads_better() -> None:
    from reportlab.lib.colors import HexColor, black, white  # noqa: PLC0415 - only this test needs it

    assert readable_on(HexColor("#C62828")) == white
    assert readable_on(HexColor("#1565C0")) == white
    assert readable_on(HexColor("#F9A825")) == black
    assert readable_on(HexColor("#FFFFFF")) == black


# -- photos ----------------------------------------------------------------------------------------


def test_unreadable_photo_prints_a_placeholder_and_warns(make_badge, read_pdf, tmp_path) -> None:
    badges = [make_badge(12, photo=b"\xff\xd8\xff garbage"), make_badge(13, photo=None)]

    out, report = render("cr80", badges, tmp_path)

    assert len(read_pdf(out)) == 2
    assert report.warnings == ["guest 12: photo unreadable (not an image), placeholder printed"]


def count_images(path: Path) -> int:
    """Image XObjects in the file, not counting the soft masks that carry a PNG's transparency."""
    with pikepdf.open(path) as pdf:
        images = [obj for obj in pdf.objects if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image"]
        masks = {image.SMask.objgen for image in images if "/SMask" in image}
        return sum(1 for image in images if image.objgen not in masks)


def test_photo_is_embedded_once_per_guest_even_on_both_sides(write_layout, make_jpeg, make_badge, tmp_path) -> None:
    photo = {"type": "photo", "x": 5, "y": 5, "width": 30, "height": 40}
    data = {
        "version": 1,
        "name": "both sides",
        "badge": {"width": 90, "height": 60},
        "sides": "double",
        "front": [photo],
        "back": [photo],
    }
    badges = [make_badge(index, photo=make_jpeg(colour=(40 * index, 90, 160))) for index in range(1, 4)]

    out, report = render(load_layout(write_layout(data)), badges, tmp_path)

    assert report.pages == 6
    assert count_images(out) == 3


def test_photo_prints_at_its_frame(make_badge, make_jpeg, read_pdf, tmp_path) -> None:
    out, _report = render("cr80", [make_badge(1, photo=make_jpeg(colour=(200, 30, 30)))], tmp_path)

    image = read_pdf(out).image(0, scale=2).convert("RGB")
    scale = 2 * MM  # pixels per mm
    red, green, blue = image.getpixel((round(5 * scale), round(14 * scale)))  # inside the frame at 3, 12.5 mm
    assert red > 150 and green < 80 and blue < 80


# -- other elements ---------------------------------------------------------------------------------


def test_logo_is_drawn_and_embedded_once_for_the_whole_batch(write_layout, make_badges, read_pdf, tmp_path) -> None:
    from PIL import Image  # noqa: PLC0415 - only this test draws a logo

    Image.new("RGBA", (200, 80), (20, 120, 60, 255)).save(tmp_path / "logo.png")
    data = {
        "version": 1,
        "name": "logo",
        "badge": {"width": 90, "height": 60},
        "front": [{"type": "image", "x": 5, "y": 5, "width": 40, "height": 16, "path": "logo.png"}],
    }

    out, report = render(load_layout(write_layout(data)), make_badges(3, photo=None), tmp_path)

    assert report.pages == 3
    assert count_images(out) == 1
    pixel = read_pdf(out).image(2, scale=2).convert("RGB").getpixel((round(25 * 2 * MM), round(13 * 2 * MM)))
    assert pixel[1] > 100 and pixel[0] < 60  # the logo's green


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_rotated_text_stays_in_its_box(rotation, write_layout, make_badge, read_pdf, tmp_path) -> None:
    box = (
        {"x": 70, "y": 5, "width": 12, "height": 50}
        if rotation != 180
        else {"x": 5, "y": 40, "width": 80, "height": 12}
    )
    element = {"type": "text", **box, "text": "{family_name_upper}", "font_size": 20, "rotation": rotation}
    data = {"version": 1, "name": "rotated", "badge": {"width": 90, "height": 60}, "front": [element]}

    out, _report = render(load_layout(write_layout(data)), [make_badge(1, person=1)], tmp_path)

    chars = list(read_pdf(out).chars(0))
    assert "".join(char for char, _box in chars) in ("KOZŁOWSKI", "IKSWOŁZOK")
    left, top = box["x"] * MM, (60 - box["y"]) * MM
    right, bottom = left + box["width"] * MM, top - box["height"] * MM
    for _char, (char_left, char_bottom, char_right, char_top) in chars:
        assert left - 0.5 <= char_left and char_right <= right + 0.5
        assert bottom - 0.5 <= char_bottom and char_top <= top + 0.5


def test_bad_category_colour_prints_grey_and_warns(make_badge, tmp_path) -> None:
    _out, report = render("cr80", [make_badge(3, category_colour="red")], tmp_path)

    assert report.warnings == ["guest 3: category colour “red” is not #RRGGBB, printed grey"]
