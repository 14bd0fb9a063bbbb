"""The default category colours stay distinct for colour-blind eyes and carry readable text."""

import pytest
from reportlab.lib.colors import HexColor, black

from accreditor.badges.render import readable_on
from accreditor.categories import STANDARD_CATEGORIES, Category, colour_clash
from accreditor.palette import (
    DEFAULT_PALETTE,
    MIN_DISTANCE,
    MIN_TEXT_CONTRAST,
    VISIONS,
    clashes,
    contrast_ratio,
    distance,
    low_contrast,
)


def test_every_default_pair_is_distinct_in_every_vision() -> None:
    colours = dict(DEFAULT_PALETTE)
    worst = min(
        distance(first, second, vision)
        for vision in VISIONS
        for index, first in enumerate(colours.values())
        for second in list(colours.values())[index + 1 :]
    )

    assert clashes(colours) == []
    assert worst >= MIN_DISTANCE


def test_the_standard_categories_use_the_palette() -> None:
    assert {category.code: category.colour for category in STANDARD_CATEGORIES} == DEFAULT_PALETTE


@pytest.mark.parametrize("colour", DEFAULT_PALETTE.values())
def test_the_renderers_band_text_meets_wcag_on_every_default_colour(colour: str) -> None:
    ink = "#000000" if readable_on(HexColor(colour)) == black else "#FFFFFF"

    assert contrast_ratio(colour, ink) >= MIN_TEXT_CONTRAST
    assert low_contrast([colour]) == []


@pytest.mark.parametrize(
    ("first", "second", "vision"),
    [
        ("#B8860B", "#F9A825", "tritanopia"),  # the old VIP and Media
        ("#6D4C41", "#C62828", "protanopia"),  # the old Staff and Head of Delegation
    ],
)
def test_the_old_colours_that_were_confused_are_found(first: str, second: str, vision: str) -> None:
    clash = colour_clash(Category("NEW", "New", first, ()), [Category("OLD", "Old", second, ())])

    assert clash is not None
    assert distance(first, second, vision) < MIN_DISTANCE


def test_the_same_category_is_not_compared_with_itself() -> None:
    staff = next(category for category in STANDARD_CATEGORIES if category.code == "STF")

    assert colour_clash(staff, STANDARD_CATEGORIES) is None
