"""Badge layouts: JSON files validated by a schema, loaded into frozen dataclasses.

A layout says how big a badge is, what is on it (elements positioned in mm from the badge's top-left
corner, y downwards, the way people measure a printed card) and how badges are imposed on sheets
(grid, gaps, margins, crop marks, single/double-sided/folded). Everything a layout can get wrong is
reported when it is loaded, as one sentence naming the file and the JSON path, so a print run never
fails halfway. `Layout.to_json()` writes the layout back with every default spelled out, which is the
form the designer saves and the form the shipped layouts are stored in.
"""

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Self

from accreditor.badges.variables import VARIABLES, TemplateError, compile_template
from accreditor.errors import AccreditorError

if TYPE_CHECKING:  # imported where a layout is checked: a render worker is handed checked layouts (8 MB less)
    import jsonschema

MM = 72 / 25.4
"""Points per millimetre."""

PAPER_MM: Mapping[str, tuple[float, float]] = {
    "A4": (210, 297),
    "A5": (148, 210),
    "A6": (105, 148),
    "A7": (74, 105),
    "Letter": (215.9, 279.4),
}
"""Portrait paper sizes in millimetres."""

CROP_MARK_OFFSET = 1.5
"""Gap in mm between the trim line and its crop mark, so a slightly off cut leaves no black edge."""
CROP_MARK_ROOM = 4.0
"""The least margin in mm that leaves room for a visible crop mark."""

LINE_EXTENT = 1.2
"""Height of one line of text as a multiple of its size: capitals with diacritics down to descenders."""
LEADING = 1.1
"""Baseline-to-baseline distance of wrapped lines as a multiple of the font size."""


class LayoutError(AccreditorError):
    """A badge layout that cannot be used: bad JSON, a schema violation or an impossible geometry."""


# -- elements ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Element:
    """Base of every element: `TYPE` is its "type" in JSON, the fields are its other keys."""

    TYPE: ClassVar[str] = ""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"type": self.TYPE}
        data.update((item.name, getattr(self, item.name)) for item in fields(self))
        return data

    def extent(self) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) in mm on the badge, to check that it fits."""
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class BoxElement(Element):
    x: float
    y: float
    width: float
    height: float

    def extent(self) -> tuple[float, float, float, float]:
        return (self.x, self.y, self.x + self.width, self.y + self.height)


@dataclass(frozen=True, slots=True)
class TextElement(BoxElement):
    """Text with variables; shrinks to the box width and wraps to `max_lines` before going below `min_font_size`.

    Text that does not fit at its minimum is replaced by `fallback` (such as the organisation's short
    form) when that fits better; what fits no way is cut short with an ellipsis rather than printed
    smaller than the minimum.
    """

    TYPE: ClassVar[str] = "text"
    text: str
    font_size: float
    font: str = "sans"
    min_font_size: float = 6
    colour: str = "#000000"
    align: str = "auto"
    valign: str = "middle"
    rotation: int = 0
    max_lines: int = 1
    show_if_non_latin: str = ""
    fallback: str = ""


@dataclass(frozen=True, slots=True)
class BandElement(BoxElement):
    """A rectangle in the category colour, with optional text (the category name) in a contrasting colour."""

    TYPE: ClassVar[str] = "band"
    fill: str = "category"
    text: str = ""
    font: str = "sans-bold"
    font_size: float = 14
    min_font_size: float = 6
    text_colour: str = "on-category"
    align: str = "centre"
    rotation: int = 0


@dataclass(frozen=True, slots=True)
class PhotoElement(BoxElement):
    """The guest's photo, cropped to the frame; a neutral placeholder when there is none."""

    TYPE: ClassVar[str] = "photo"
    border: str = "none"
    border_width: float = 0.5


@dataclass(frozen=True, slots=True)
class QrElement(Element):
    """The badge token as a vector QR code; `size` includes the quiet zone."""

    TYPE: ClassVar[str] = "qr"
    x: float
    y: float
    size: float

    def extent(self) -> tuple[float, float, float, float]:
        return (self.x, self.y, self.x + self.size, self.y + self.size)


@dataclass(frozen=True, slots=True)
class ZonesElement(BoxElement):
    """The guest's zone codes as filled boxes with large letters, for a guard to read at a glance."""

    TYPE: ClassVar[str] = "zones"
    fill: str = "#E8EAED"
    font_size: float = 16
    align: str = "left"
    gap: float = 1.5


@dataclass(frozen=True, slots=True)
class ImageElement(BoxElement):
    """A static picture such as the event logo; `optional` ones are left out when the file is missing."""

    TYPE: ClassVar[str] = "image"
    path: str
    optional: bool = False


@dataclass(frozen=True, slots=True)
class RectElement(BoxElement):
    """A decoration: filled and/or outlined rectangle, optionally with rounded corners."""

    TYPE: ClassVar[str] = "rect"
    fill: str = "none"
    stroke: str = "#000000"
    stroke_width: float = 0.5
    radius: float = 0


@dataclass(frozen=True, slots=True)
class LineElement(Element):
    """A decoration: a straight line, `stroke_width` in points."""

    TYPE: ClassVar[str] = "line"
    x1: float
    y1: float
    x2: float
    y2: float
    colour: str = "#000000"
    stroke_width: float = 0.5

    def extent(self) -> tuple[float, float, float, float]:
        return (min(self.x1, self.x2), min(self.y1, self.y2), max(self.x1, self.x2), max(self.y1, self.y2))


ELEMENT_TYPES: Mapping[str, type[Element]] = {
    cls.TYPE: cls
    for cls in (
        TextElement,
        BandElement,
        PhotoElement,
        QrElement,
        ZonesElement,
        ImageElement,
        RectElement,
        LineElement,
    )
}


# -- badge, sheet, layout ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BadgeSize:
    width: float
    height: float


@dataclass(frozen=True, slots=True)
class Sheet:
    """How badges are imposed on paper: a grid, centred unless margins are given."""

    paper: str = "badge"
    width: float | None = None
    height: float | None = None
    orientation: str = "portrait"
    columns: int = 1
    rows: int = 1
    gap_x: float = 0
    gap_y: float = 0
    margin_left: float | None = None
    margin_top: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: optional fields that are unset are left out rather than written as null."""
        return {item.name: value for item in fields(self) if (value := getattr(self, item.name)) is not None}


@dataclass(frozen=True, slots=True)
class Slot:
    """Where one badge sits on a page: bottom-left corner in mm from the page's bottom-left (PDF convention)."""

    x: float
    y: float


@dataclass(frozen=True, slots=True)
class Layout:
    name: str
    badge: BadgeSize
    front: tuple[Element, ...]
    version: int = 1
    description: str = ""
    sheet: Sheet = Sheet()
    crop_marks: bool = False
    bleed: float = 0
    """Colour that touches a badge's edge is printed this many mm beyond it, so an off cut shows no white."""
    sides: str = "single"
    back: tuple[Element, ...] = ()
    base_dir: Path | None = field(default=None, compare=False)
    """Folder of the layout file, against which image paths resolve; not part of the JSON."""

    # -- geometry --

    @property
    def badges_per_sheet(self) -> int:
        return self.sheet.columns * self.sheet.rows

    @property
    def cell_size(self) -> tuple[float, float]:
        """The printed area of one badge in mm: a foldable badge is twice as tall as it hangs."""
        factor = 2 if self.sides == "fold" else 1
        return (self.badge.width, self.badge.height * factor)

    @property
    def page_size(self) -> tuple[float, float]:
        """The sheet size in mm, in its orientation."""
        sheet = self.sheet
        if sheet.paper == "badge":
            return self.cell_size
        if sheet.paper == "custom":
            assert sheet.width is not None and sheet.height is not None  # the schema requires both
            width, height = sheet.width, sheet.height
        else:
            width, height = PAPER_MM[sheet.paper]
        if (sheet.orientation == "landscape") != (width > height):
            width, height = height, width
        return (width, height)

    @property
    def margins(self) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) margins in mm around the grid of badges."""
        sheet = self.sheet
        page_w, page_h = self.page_size
        cell_w, cell_h = self.cell_size
        grid_w = sheet.columns * cell_w + (sheet.columns - 1) * sheet.gap_x
        grid_h = sheet.rows * cell_h + (sheet.rows - 1) * sheet.gap_y
        left = (page_w - grid_w) / 2 if sheet.margin_left is None else sheet.margin_left
        top = (page_h - grid_h) / 2 if sheet.margin_top is None else sheet.margin_top
        return (left, top, page_w - grid_w - left, page_h - grid_h - top)

    def slots(self, *, back: bool = False) -> tuple[Slot, ...]:
        """Badge positions on a page in filling order (rows top to bottom, left to right).

        The back of a double-sided sheet is mirrored left-right, so that after a long-edge duplex
        flip each back lands behind its own front.
        """
        sheet = self.sheet
        page_w, page_h = self.page_size
        cell_w, cell_h = self.cell_size
        left, top, _right, _bottom = self.margins
        slots = []
        for row in range(sheet.rows):
            for column in range(sheet.columns):
                x = left + column * (cell_w + sheet.gap_x)
                y = page_h - top - row * (cell_h + sheet.gap_y) - cell_h
                slots.append(Slot(page_w - x - cell_w if back else x, y))
        return tuple(slots)

    def elements(self) -> Iterator[tuple[str, Element]]:
        """Every element with its JSON path, front first."""
        for side in ("front", "back"):
            for index, element in enumerate(getattr(self, side)):
                yield f"$.{side}[{index}]", element

    # -- JSON --

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "name": self.name,
            "description": self.description,
            "badge": {"width": self.badge.width, "height": self.badge.height},
            "sheet": self.sheet.to_dict(),
            "crop_marks": self.crop_marks,
            "bleed": self.bleed,
            "sides": self.sides,
            "front": [element.to_dict() for element in self.front],
            "back": [element.to_dict() for element in self.back],
        }

    def to_json(self) -> str:
        """The layout as JSON with every default written out (what the designer saves)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], base_dir: Path | None = None) -> Self:
        """Build a layout from JSON data that the schema has accepted (no further checks)."""
        return cls(
            name=data["name"],
            badge=BadgeSize(**data["badge"]),
            front=_elements(data.get("front", ())),
            version=data["version"],
            description=data.get("description", ""),
            sheet=Sheet(**data.get("sheet", {})),
            crop_marks=data.get("crop_marks", False),
            bleed=data.get("bleed", 0),
            sides=data.get("sides", "single"),
            back=_elements(data.get("back", ())),
            base_dir=base_dir,
        )


def _elements(items: Any) -> tuple[Element, ...]:
    return tuple(ELEMENT_TYPES[item["type"]](**{k: v for k, v in item.items() if k != "type"}) for item in items)


# -- loading and checking ------------------------------------------------------------------------


def _layouts_folder() -> Path:
    return Path(str(files("resources") / "layouts"))


@cache
def _validator() -> "jsonschema.protocols.Validator":
    import jsonschema  # noqa: PLC0415 - see the TYPE_CHECKING import

    schema = json.loads((_layouts_folder() / "layout.schema.json").read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def list_layouts() -> list[str]:
    """Names of the layouts shipped with Accreditor, for `load_layout(name)`."""
    return sorted(path.stem for path in _layouts_folder().glob("*.json") if not path.name.endswith(".schema.json"))


def load_layout(name_or_path: str | Path) -> Layout:
    """A shipped layout by name ("cr80") or any layout file by path, validated completely."""
    text = str(name_or_path)
    if isinstance(name_or_path, Path) or text.endswith(".json") or "/" in text or "\\" in text:
        path = Path(name_or_path)
    else:
        path = _layouts_folder() / f"{text}.json"
        if not path.is_file():
            raise LayoutError(
                f"There is no shipped badge layout named “{text}” (shipped: {', '.join(list_layouts())})."
            )
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise LayoutError(f"The badge layout {path} cannot be read: {error.strerror or error}.") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise LayoutError(f"The badge layout {path} is not valid JSON: {error}.") from None
    return parse_layout(data, source=path)


def parse_layout(data: Any, source: Path | str = "<layout>") -> Layout:
    """Validate JSON data (schema, variables, geometry) and build the layout; `source` names it in errors."""
    import jsonschema  # noqa: PLC0415 - see the TYPE_CHECKING import

    error = jsonschema.exceptions.best_match(_validator().iter_errors(data))
    if error is not None:
        raise LayoutError(
            f"The badge layout {source} is invalid at {_json_path(error.absolute_path)}: {_describe(error)}."
        )
    base_dir = Path(source).parent if isinstance(source, Path) else None
    layout = Layout.from_dict(data, base_dir=base_dir)
    problem = next(_problems(layout), None)
    if problem is not None:
        path, message = problem
        raise LayoutError(f"The badge layout {source} is invalid at {path}: {message}.")
    return layout


def _describe(error: "jsonschema.ValidationError") -> str:
    """The schema error in words; a regular expression means nothing to someone fixing a colour."""
    if error.validator == "pattern" and str(error.validator_value).startswith("^#"):
        return f"{error.instance!r} is not a colour: write #RRGGBB, “category” or “on-category”"
    return error.message


def _json_path(parts: Any) -> str:
    return "$" + "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in parts)


def resolve_image(layout: Layout, path: str) -> Path | None:
    """The file an image element names: relative to the layout's folder, then to the shipped resources."""
    candidate = Path(path)
    bases = [] if candidate.is_absolute() else [layout.base_dir, Path(str(files("resources")))]
    for base in bases:
        if base is not None and (base / candidate).is_file():
            return base / candidate
    return candidate if candidate.is_absolute() and candidate.is_file() else None


def _problems(layout: Layout) -> Iterator[tuple[str, str]]:
    """What the schema cannot express: variables, boxes inside the badge, text that fits, paper that fits."""
    if layout.sides == "double" and not layout.back:
        yield "$.back", "a double-sided layout needs back elements"
    if layout.sides == "single" and layout.back:
        yield "$.sides", "back elements are printed only when sides is “double” or “fold”"
    width, height = layout.badge.width, layout.badge.height
    for path, element in layout.elements():
        _left, _top, right, bottom = element.extent()
        if right > width + 1e-6 or bottom > height + 1e-6:
            yield path, f"the {element.TYPE} reaches {right:g}×{bottom:g} mm, outside the {width:g}×{height:g} mm badge"
        yield from ((f"{path}.{key}", message) for key, message in _element_problems(layout, element))
    yield from _sheet_problems(layout)


def _element_problems(layout: Layout, element: Element) -> Iterator[tuple[str, str]]:
    if isinstance(element, TextElement | BandElement):
        try:
            compile_template(element.text)
        except TemplateError as error:
            yield "text", str(error)
    if isinstance(element, TextElement) and element.fallback:
        try:
            compile_template(element.fallback)
        except TemplateError as error:
            yield "fallback", str(error)
    if isinstance(element, TextElement | BandElement):
        if element.min_font_size > element.font_size:
            yield "min_font_size", f"{element.min_font_size:g} pt is larger than the font size {element.font_size:g} pt"
        lines = element.max_lines if isinstance(element, TextElement) else 1
        across = element.height if element.rotation in (0, 180) else element.width
        needed = element.font_size * LINE_EXTENT / MM
        if needed > across + 1e-6:
            yield "font_size", f"{element.font_size:g} pt text needs {needed:.1f} mm but its box is {across:g} mm tall"
        elif lines > 1 and element.min_font_size * (LINE_EXTENT + (lines - 1) * LEADING) / MM > across + 1e-6:
            count = {2: "two", 3: "three"}[lines]
            yield "max_lines", f"{count} lines of {element.min_font_size:g} pt text do not fit a {across:g} mm box"
    if isinstance(element, TextElement) and element.show_if_non_latin not in ("", *VARIABLES):
        yield "show_if_non_latin", f"“{element.show_if_non_latin}” is not a badge variable"
    if isinstance(element, ImageElement) and not element.optional and resolve_image(layout, element.path) is None:
        yield "path", f"the image file “{element.path}” does not exist"


def _sheet_problems(layout: Layout) -> Iterator[tuple[str, str]]:
    sheet = layout.sheet
    if sheet.paper == "badge" and layout.badges_per_sheet > 1:
        yield "$.sheet.paper", "a sheet the size of one badge holds one badge; choose a paper for a grid"
    margins = layout.margins
    if min(margins) < -1e-6:
        page_w, page_h = layout.page_size
        yield (
            "$.sheet",
            f"{layout.badges_per_sheet} badges with these gaps and margins do not fit on {page_w:g}×{page_h:g} mm",
        )
    elif layout.crop_marks and min(margins) < (room := crop_mark_offset(layout) + CROP_MARK_ROOM - CROP_MARK_OFFSET):
        yield "$.crop_marks", f"crop marks need margins of at least {room:g} mm (the least is {min(margins):.1f})"
    if layout.bleed and layout.badges_per_sheet > 1:
        gaps = [gap for gap, count in ((sheet.gap_x, sheet.columns), (sheet.gap_y, sheet.rows)) if count > 1]
        if gaps and min(gaps) < 2 * layout.bleed - 1e-6:
            yield "$.bleed", f"a {layout.bleed:g} mm bleed needs gaps of at least {2 * layout.bleed:g} mm"


def crop_mark_offset(layout: Layout) -> float:
    """Gap in mm between a trim line and its crop mark: outside the bleed, so the mark never touches colour."""
    return max(CROP_MARK_OFFSET, layout.bleed + 1.0)


def crop_mark_length(margin: float, offset: float = CROP_MARK_OFFSET) -> float:
    """Length in mm of a crop mark in a margin: up to 5 mm, keeping 0.5 mm from the paper's edge."""
    return max(0.0, min(5.0, margin - offset - 0.5))
