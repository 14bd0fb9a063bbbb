"""The one renderer that draws every badge layout into a print-ready PDF.

A layout is compiled once into drawing steps with their geometry already in points; each badge then
only fills in its texts, fits them (cached: event names and categories repeat on every badge), and
draws its photo and QR code. Badges are imposed on sheets as the layout says: single-sided, double-
sided (the back page mirrored for long-edge duplex) or foldable (the back half turned 180°), with
crop marks in the margins. Problems with one guest's data (an unreadable photo, a name too long for
its box, a character no bundled font has) never stop the run: they come back as warnings.
"""

import io
import math
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import BinaryIO

from reportlab import rl_config
from reportlab.lib.colors import Color, HexColor, black, white
from reportlab.pdfgen.canvas import Canvas

from accreditor.badges import fonts
from accreditor.badges.layout import (
    CROP_MARK_OFFSET,
    LEADING,
    LINE_EXTENT,
    MM,
    BandElement,
    Element,
    ImageElement,
    Layout,
    LineElement,
    PhotoElement,
    QrElement,
    RectElement,
    Slot,
    TextElement,
    ZonesElement,
    crop_mark_length,
    resolve_image,
)
from accreditor.badges.photos import PhotoProblem, PreparedPhoto, prepare_photo
from accreditor.badges.qr import MAX_VERSION, QrError, draw_qr
from accreditor.badges.shaping import is_rtl, visual
from accreditor.badges.variables import Template, compile_template
from accreditor.errors import AccreditorError

# Vertical metrics as multiples of the font size, for placing baselines in a box.
_CAP_HEIGHT = 0.714  # Noto Sans capitals: centring on them looks centred to the eye
_ASCENT = 0.95  # capitals with diacritics (Ä, Ў)
_DESCENT = 0.25
_CROP_MARK_WIDTH = 0.3  # pt: hairline, as printers expect


@dataclass(frozen=True, slots=True)
class BadgeData:
    """Everything one badge shows; `photo` holds the original image bytes (prepared here, once)."""

    guest_id: int
    variables: Mapping[str, str]
    category_colour: str
    zones: tuple[str, ...]
    token: str
    photo: bytes | None


@dataclass(slots=True)
class RenderReport:
    """What a run produced: page and badge counts, and one line per problem with a guest's data."""

    pages: int
    badges: int
    warnings: list[str] = field(default_factory=list)


# -- fitting text ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Line:
    """One line ready to draw: font runs in visual order; `width` is its advance at 1 pt."""

    text: str
    runs: tuple[fonts.Run, ...]
    width: float


@dataclass(frozen=True, slots=True)
class FittedText:
    """Lines and the font size that makes them fit; `below_minimum` when even that needed less than the minimum."""

    lines: tuple[Line, ...]
    size: float
    below_minimum: bool

    @property
    def width(self) -> float:
        """The widest line at the fitted size, in points."""
        return max((line.width for line in self.lines), default=0.0) * self.size


@lru_cache(maxsize=16384)
def shape_line(text: str, font: str) -> Line:
    """A logical line shaped (Arabic joined, visual order) and split into font runs."""
    runs = fonts.split_runs(visual(text), font)
    return Line(text, runs, sum(run.width for run in runs))


def _is_cjk(char: str) -> bool:
    return "\u2e80" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" or "\uac00" <= char <= "\ud7af"


def _breaks(text: str) -> Iterator[tuple[str, str]]:
    """Where a line may wrap: at spaces, after hyphens, and between CJK characters (which use no spaces)."""
    for index in range(1, len(text)):
        before, char = text[index - 1], text[index]
        if char == " ":
            yield text[:index], text[index + 1 :]
        elif before == "-" or (_is_cjk(before) and _is_cjk(char)):
            yield text[:index], text[index:]


@lru_cache(maxsize=16384)
def fit_text(
    text: str, font: str, *, size: float, min_size: float, width: float, height: float, max_lines: int = 1
) -> FittedText:
    """Choose lines and size for a box of `width` × `height` points.

    One line shrinks from `size` towards `min_size` (both in points); if it would have to go below, and two
    lines are allowed, the text wraps at the most balanced break instead. Text that fits no way at the
    minimum still fits the box at a smaller size (and says so), so nothing ever overflows.
    """
    one = shape_line(text, font)
    one_size = min(size, height / LINE_EXTENT, width / one.width if one.width else size)
    if one_size >= min_size or max_lines == 1:
        return FittedText((one,), one_size, one_size < min_size - 1e-9)
    pairs = [(shape_line(first, font), shape_line(second, font)) for first, second in _breaks(text)]
    if pairs:
        first, second = min(pairs, key=lambda pair: max(pair[0].width, pair[1].width))
        widest = max(first.width, second.width)
        two_size = min(size, height / (LINE_EXTENT + LEADING), width / widest if widest else size)
        if two_size > one_size:
            return FittedText((first, second), two_size, two_size < min_size - 1e-9)
    return FittedText((one,), one_size, True)


def shrunk_below(size: float, minimum: float) -> str:
    """The legibility warning's words; the size is rounded down, as 6.96 pt rounded would read "7.0 pt, below
    its 7 pt minimum"."""
    return f"printed at {math.floor(size * 10) / 10:.1f} pt, below its {minimum:g} pt minimum"


def _has_non_latin_letters(text: str) -> bool:
    return any(char.isalpha() and not unicodedata.name(char, "").startswith("LATIN") for char in text)


# -- colours --------------------------------------------------------------------------------------


def _luminance(colour: Color) -> float:
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.red) + 0.7152 * linear(colour.green) + 0.0722 * linear(colour.blue)


def readable_on(background: Color) -> Color:
    """Black or white, whichever contrasts clearly more with the background (WCAG contrast ratio).

    Near a tie white wins: white lettering on a coloured band is the convention, and it stays legible.
    """
    luminance = _luminance(background)
    return black if (luminance + 0.05) / 0.05 > 1.2 * 1.05 / (luminance + 0.05) else white


@lru_cache(maxsize=256)
def _hex(value: str) -> Color:
    return HexColor(value)


# -- one badge's data while it is drawn -------------------------------------------------------------


class _Badge:
    """A badge being drawn: its texts' values, colours, photo (prepared once per frame size) and warnings."""

    def __init__(self, data: BadgeData, warnings: list[str]) -> None:
        self.data = data
        self.variables = {"zones": " ".join(data.zones), **data.variables}
        self._warnings = warnings
        self._warned: set[str] = set()
        self._photos: dict[tuple[float, float], PreparedPhoto | None] = {}
        try:
            self.category = _hex(data.category_colour)
        except (ValueError, TypeError):
            self.category = _hex("#808080")
            self.warn(f"category colour “{data.category_colour}” is not #RRGGBB, printed grey")
        self.on_category = readable_on(self.category)

    def warn(self, message: str) -> None:
        """Report a problem once per badge, even when both sides or several elements run into it."""
        if message not in self._warned:
            self._warned.add(message)
            self._warnings.append(f"guest {self.data.guest_id}: {message}")

    def paint(self, value: str) -> Color | None:
        if value == "category":
            return self.category
        if value == "on-category":
            return self.on_category
        return None if value == "none" else _hex(value)

    def photo(self, width_mm: float, height_mm: float) -> PreparedPhoto | None:
        key = (width_mm, height_mm)
        if key not in self._photos:
            prepared = None if self.data.photo is None else prepare_photo(self.data.photo, width_mm, height_mm)
            if isinstance(prepared, PhotoProblem):
                self.warn(f"{prepared.reason}, placeholder printed")
                prepared = None
            self._photos[key] = prepared
        return self._photos[key]


# -- drawing steps ----------------------------------------------------------------------------------

Step = Callable[[Canvas, _Badge], None]


@dataclass(frozen=True, slots=True)
class Box:
    """A box in points on the badge, origin at the badge's bottom-left, y up."""

    x: float
    y: float
    width: float
    height: float

    @classmethod
    def of(cls, element: Element, badge_height: float) -> "Box":
        left, top, right, bottom = element.extent()
        return cls(left * MM, (badge_height - bottom) * MM, (right - left) * MM, (bottom - top) * MM)


@dataclass(frozen=True, slots=True)
class _TextStep:
    box: Box
    template: Template
    font: str
    font_size: float
    min_font_size: float
    colour: str
    align: str
    valign: str
    rotation: int
    max_lines: int
    show_if_non_latin: str = ""

    def __call__(self, canvas: Canvas, badge: _Badge) -> None:
        text = self.template.render(badge.variables)
        original = badge.variables.get(self.show_if_non_latin, "") if self.show_if_non_latin else ""
        if not text or (self.show_if_non_latin and not _has_non_latin_letters(original)):
            return
        # "auto" follows the text's own direction; a Latin name under an Arabic one lines up with it.
        align = self.align if self.align != "auto" else "right" if is_rtl(original or text) else "left"
        box = self.box
        across, tall = (box.width, box.height) if self.rotation in (0, 180) else (box.height, box.width)
        fitted = fit_text(
            text,
            self.font,
            size=self.font_size,
            min_size=self.min_font_size,
            width=across,
            height=tall,
            max_lines=self.max_lines,
        )
        if fitted.below_minimum:
            badge.warn(f"“{text}” {shrunk_below(fitted.size, self.min_font_size)}")
        if missing := fonts.missing_glyphs(text):
            badge.warn(f"no bundled font has {' '.join(missing)}, printed as empty boxes")
        canvas.setFillColor(badge.paint(self.colour))
        if self.rotation:
            canvas.saveState()
            canvas.translate(box.x + box.width / 2, box.y + box.height / 2)
            canvas.rotate(self.rotation)
            draw_lines(canvas, fitted, Box(-across / 2, -tall / 2, across, tall), align, self.valign)
            canvas.restoreState()
        else:
            draw_lines(canvas, fitted, box, align, self.valign)


def draw_lines(canvas: Canvas, fitted: FittedText, box: Box, align: str, valign: str) -> None:
    """Draw fitted lines in the box, in the canvas's current fill colour."""
    x, y, width, height = box.x, box.y, box.width, box.height
    size = fitted.size
    count = len(fitted.lines)
    if valign == "top":
        baseline = y + height - _ASCENT * size
    elif valign == "bottom":
        baseline = y + _DESCENT * size + (count - 1) * LEADING * size
    else:
        block = _CAP_HEIGHT * size + (count - 1) * LEADING * size
        baseline = y + (height + block) / 2 - _CAP_HEIGHT * size
    for line in fitted.lines:
        advance = line.width * size
        if align == "centre":
            start = x + (width - advance) / 2
        elif align == "right":
            start = x + width - advance
        else:
            start = x
        text = canvas.beginText(start, baseline)
        for run in line.runs:
            text.setFont(run.font, size)
            text.textOut(run.text)
        canvas.drawText(text)
        baseline -= LEADING * size


@dataclass(frozen=True, slots=True)
class _RectStep:
    box: Box
    fill: str
    stroke: str = "none"
    stroke_width: float = 0
    radius: float = 0

    def __call__(self, canvas: Canvas, badge: _Badge) -> None:
        fill, stroke = badge.paint(self.fill), badge.paint(self.stroke)
        if fill is None and stroke is None:
            return
        if fill is not None:
            canvas.setFillColor(fill)
        if stroke is not None:
            canvas.setStrokeColor(stroke)
            canvas.setLineWidth(self.stroke_width)
        box, flags = self.box, {"stroke": int(stroke is not None), "fill": int(fill is not None)}
        if self.radius:
            canvas.roundRect(box.x, box.y, box.width, box.height, self.radius * MM, **flags)
        else:
            canvas.rect(box.x, box.y, box.width, box.height, **flags)


@dataclass(frozen=True, slots=True)
class _LineStep:
    x1: float
    y1: float
    x2: float
    y2: float
    colour: str
    stroke_width: float

    def __call__(self, canvas: Canvas, badge: _Badge) -> None:
        canvas.setStrokeColor(badge.paint(self.colour))
        canvas.setLineWidth(self.stroke_width)
        canvas.line(self.x1, self.y1, self.x2, self.y2)


class _JpegSource:
    """A prepared JPEG as ReportLab's drawImage takes it, named by its content hash.

    drawImage names an image by hashing its decoded pixels when given an ImageReader, which means
    decoding every photo again on every draw; a source with `jpeg_fh` and a stable `str()` is named
    by that string instead, and its JPEG is embedded as it is (DCTDecode), once per document.
    """

    __slots__ = ("_photo",)

    def __init__(self, photo: PreparedPhoto) -> None:
        self._photo = photo

    def __str__(self) -> str:
        return f"accreditor-photo-{self._photo.key}"

    def jpeg_fh(self) -> io.BytesIO:
        return io.BytesIO(self._photo.jpeg)


@dataclass(frozen=True, slots=True)
class _PhotoStep:
    box: Box
    width_mm: float
    height_mm: float
    border: str
    border_width: float

    def __call__(self, canvas: Canvas, badge: _Badge) -> None:
        box = self.box
        photo = badge.photo(self.width_mm, self.height_mm)
        if photo is None:
            draw_placeholder(canvas, box)
        else:
            canvas.drawImage(_JpegSource(photo), box.x, box.y, box.width, box.height)  # type: ignore[arg-type]
        border = badge.paint(self.border)
        if border is not None and self.border_width > 0:
            canvas.setStrokeColor(border)
            canvas.setLineWidth(self.border_width)
            canvas.rect(box.x, box.y, box.width, box.height, stroke=1, fill=0)


def draw_placeholder(canvas: Canvas, box: Box) -> None:
    """A neutral head-and-shoulders silhouette on light grey, where a photo is missing or unusable."""
    canvas.saveState()
    canvas.setFillColor(_hex("#E4E7EB"))
    canvas.rect(box.x, box.y, box.width, box.height, stroke=0, fill=1)
    clip = canvas.beginPath()
    clip.rect(box.x, box.y, box.width, box.height)
    canvas.clipPath(clip, stroke=0, fill=0)
    canvas.setFillColor(_hex("#B3BAC4"))
    centre, unit = box.x + box.width / 2, min(box.width, box.height * 0.8)
    head = unit * 0.2
    canvas.circle(centre, box.y + box.height * 0.6, head, stroke=0, fill=1)
    canvas.ellipse(
        centre - unit * 0.42,
        box.y - box.height * 0.28,
        centre + unit * 0.42,
        box.y + box.height * 0.38,
        stroke=0,
        fill=1,
    )
    canvas.restoreState()


@dataclass(frozen=True, slots=True)
class _QrStep:
    x: float
    y: float
    size: float

    def __call__(self, canvas: Canvas, badge: _Badge) -> None:
        if not badge.data.token:
            return
        try:
            version = draw_qr(canvas, badge.data.token, self.x, self.y, self.size)
        except QrError as error:
            badge.warn(f"QR code not printed: {error}")
            return
        if version > MAX_VERSION:
            badge.warn(f"the QR code needs version {version} (over {MAX_VERSION}) and may not scan at this size")


@dataclass(frozen=True, slots=True)
class _ZonesStep:
    box: Box
    fill: str
    font_size: float
    align: str
    gap: float

    def __call__(self, canvas: Canvas, badge: _Badge) -> None:
        zones = badge.data.zones
        if not zones:
            return
        box, count = self.box, len(zones)
        cell = min(box.height * 1.5, (box.width - (count - 1) * self.gap) / count)
        used = count * cell + (count - 1) * self.gap
        x = box.x + {"left": 0.0, "centre": (box.width - used) / 2, "right": box.width - used}[self.align]
        fill = badge.paint(self.fill) or black
        ink = readable_on(fill)
        for code in zones:
            canvas.setFillColor(fill)
            canvas.rect(x, box.y, cell, box.height, stroke=0, fill=1)
            fitted = fit_text(
                code, fonts.SANS_BOLD, size=self.font_size, min_size=4, width=cell * 0.86, height=box.height * 0.9
            )
            canvas.setFillColor(ink)
            draw_lines(canvas, fitted, Box(x, box.y, cell, box.height), "centre", "middle")
            x += cell + self.gap


@dataclass(frozen=True, slots=True)
class _ImageStep:
    box: Box
    path: str

    def __call__(self, canvas: Canvas, badge: _Badge) -> None:
        box = self.box
        canvas.drawImage(self.path, box.x, box.y, box.width, box.height, mask="auto", preserveAspectRatio=True)


def compile_side(layout: Layout, elements: Iterable[Element]) -> tuple[Step, ...]:
    """Turn a side's elements into drawing steps with their geometry in points."""
    height = layout.badge.height
    steps: list[Step] = []
    for element in elements:
        box = Box.of(element, height)
        match element:
            case TextElement():
                steps.append(
                    _TextStep(
                        box,
                        compile_template(element.text),
                        element.font,
                        element.font_size,
                        element.min_font_size,
                        element.colour,
                        element.align,
                        element.valign,
                        element.rotation,
                        element.max_lines,
                        element.show_if_non_latin,
                    )
                )
            case BandElement():
                steps.append(_RectStep(box, element.fill))
                if element.text:
                    steps.append(
                        _TextStep(
                            box,
                            compile_template(element.text),
                            element.font,
                            element.font_size,
                            element.min_font_size,
                            element.text_colour,
                            element.align,
                            "middle",
                            element.rotation,
                            1,
                        )
                    )
            case PhotoElement():
                steps.append(_PhotoStep(box, element.width, element.height, element.border, element.border_width))
            case QrElement():
                steps.append(_QrStep(box.x, box.y, box.width))
            case ZonesElement():
                steps.append(_ZonesStep(box, element.fill, element.font_size, element.align, element.gap * MM))
            case ImageElement():
                path = resolve_image(layout, element.path)
                if path is not None:
                    steps.append(_ImageStep(box, str(path)))
            case RectElement():
                steps.append(_RectStep(box, element.fill, element.stroke, element.stroke_width, element.radius))
            case LineElement():
                y1, y2 = (height - element.y1) * MM, (height - element.y2) * MM
                steps.append(_LineStep(element.x1 * MM, y1, element.x2 * MM, y2, element.colour, element.stroke_width))
    return tuple(steps)


# -- sheets ---------------------------------------------------------------------------------------


class BadgeRenderer:
    """Draws badges with one layout; build it once and render as many batches as needed."""

    def __init__(self, layout: Layout) -> None:
        fonts.register_fonts()
        self.layout = layout
        self._front = compile_side(layout, layout.front)
        self._back = compile_side(layout, layout.back) if layout.back else self._front
        self._slots = layout.slots()
        self._back_slots = layout.slots(back=True)
        self._page = (layout.page_size[0] * MM, layout.page_size[1] * MM)
        self._cut_marks, self._fold_marks = crop_marks(layout) if layout.crop_marks else ([], [])

    def render(self, badges: Iterable[BadgeData], out: BinaryIO | str | Path) -> RenderReport:
        """Write one PDF with every badge; raises AccreditorError when there is no badge at all."""
        source = iter(badges)
        sheet = list(islice(source, len(self._slots)))
        if not sheet:
            raise AccreditorError("There are no badges to print.")
        with _binary_streams():
            return self._render(sheet, source, out)

    def _render(self, sheet: list[BadgeData], source: Iterator[BadgeData], out: BinaryIO | str | Path) -> RenderReport:
        report = RenderReport(pages=0, badges=0)
        canvas = Canvas(
            str(out) if isinstance(out, str | Path) else out, pagesize=self._page, pageCompression=1, invariant=1
        )
        canvas.setTitle(f"Badges ({self.layout.name})")
        canvas.setCreator("Accreditor")
        while sheet:
            drawn = [_Badge(data, report.warnings) for data in sheet]
            self._page_of(canvas, drawn, back=False)
            if self.layout.sides == "double":
                self._page_of(canvas, drawn, back=True)
            report.pages += 2 if self.layout.sides == "double" else 1
            report.badges += len(sheet)
            sheet = list(islice(source, len(self._slots)))
        canvas.save()
        return report

    def _page_of(self, canvas: Canvas, badges: list[_Badge], *, back: bool) -> None:
        slots = self._back_slots if back else self._slots
        for slot, badge in zip(slots, badges, strict=False):
            self._draw_badge(canvas, slot, badge, back=back)
        if self.layout.crop_marks and not back:
            self._crop_marks(canvas)
        canvas.showPage()

    def _draw_badge(self, canvas: Canvas, slot: Slot, badge: _Badge, *, back: bool) -> None:
        canvas.saveState()
        canvas.translate(slot.x * MM, slot.y * MM)
        if self.layout.sides == "fold":
            # The front hangs below the fold; the back half is turned so it reads upright once folded.
            _run(self._front, canvas, badge)
            width, height = self.layout.badge.width * MM, self.layout.badge.height * MM
            canvas.translate(width, 2 * height)
            canvas.rotate(180)
            _run(self._back, canvas, badge)
        else:
            _run(self._back if back else self._front, canvas, badge)
        canvas.restoreState()

    def _crop_marks(self, canvas: Canvas) -> None:
        canvas.saveState()
        canvas.setStrokeColor(black)
        canvas.setLineWidth(_CROP_MARK_WIDTH)
        canvas.lines(self._cut_marks)
        if self._fold_marks:
            canvas.setDash(1.5, 1.5)
            canvas.lines(self._fold_marks)
        canvas.restoreState()


def crop_marks(layout: Layout) -> tuple[list[tuple[float, ...]], list[tuple[float, ...]]]:
    """(cut marks, fold marks) as line segments in points: hairlines in the margins on every cut line
    (and fold line), never over a badge."""
    cell_w, cell_h = layout.cell_size
    page_w, page_h = layout.page_size
    left, top, right, bottom = layout.margins
    slots = layout.slots()

    def across(y: float) -> list[tuple[float, ...]]:
        start, end = left - CROP_MARK_OFFSET, page_w - right + CROP_MARK_OFFSET
        return [(start, y, start - crop_mark_length(left), y), (end, y, end + crop_mark_length(right), y)]

    def down(x: float) -> list[tuple[float, ...]]:
        start, end = bottom - CROP_MARK_OFFSET, page_h - top + CROP_MARK_OFFSET
        return [(x, start, x, start - crop_mark_length(bottom)), (x, end, x, end + crop_mark_length(top))]

    cuts = [
        *(line for x in sorted({edge for slot in slots for edge in (slot.x, slot.x + cell_w)}) for line in down(x)),
        *(line for y in sorted({edge for slot in slots for edge in (slot.y, slot.y + cell_h)}) for line in across(y)),
    ]
    folds = [line for y in sorted({slot.y + layout.badge.height for slot in slots}) for line in across(y)]
    in_points = [[tuple(value * MM for value in line) for line in group] for group in (cuts, folds)]
    return in_points[0], in_points[1] if layout.sides == "fold" else []


@contextmanager
def _binary_streams() -> Iterator[None]:
    """Write PDF streams as binary rather than ASCII85 while rendering.

    ReportLab still defaults to ASCII85 (7-bit-clean PDFs, a 1990s concern), which without its
    optional C accelerator costs more than the rest of a badge put together and makes every photo 25 %
    larger. The setting is global to ReportLab, so it is restored afterwards.
    """
    previous = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = previous


def _run(steps: tuple[Step, ...], canvas: Canvas, badge: _Badge) -> None:
    for step in steps:
        step(canvas, badge)
