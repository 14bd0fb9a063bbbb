"""The printable evacuation list: everyone inside a zone, with photo, name, category, last gate and time.

A marshal checks people off at the assembly point, so each zone starts on a new page with its head
count, and every row shows the face and the name as the person writes it (any script: the bundled
fonts and Arabic shaping of the badge renderer) with the Latin spelling below it.
"""

import io
from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from accreditor.badges import fonts
from accreditor.badges.layout import MM
from accreditor.badges.render import Box, draw_lines, draw_placeholder, fit_text
from accreditor.gate.occupancy import EvacuationEntry

_MARGIN = 15 * MM
_PHOTO_W, _PHOTO_H = 18 * MM, 24 * MM
_ROW_H = 27 * MM
_HEADER_H = 24 * MM
_FOOTER_H = 10 * MM
_NAME_X = _MARGIN + _PHOTO_W + 4 * MM
_CATEGORY_X = 118 * MM
_ENTERED_X = 158 * MM
_CHECK_SIDE = 5 * MM
_CHECK_X = A4[0] - _MARGIN - _CHECK_SIDE  # a box to tick at the assembly point
_GREY = HexColor("#555555")
_RULE = HexColor("#BBBBBB")


def write_evacuation_pdf(
    entries: Iterable[EvacuationEntry],
    out: BinaryIO | str | Path,
    *,
    event_name: str,
    zones: Mapping[str, str],
    generated_at: datetime,
) -> int:
    """Write the list, one section per zone of `zones` (code → name, in order); returns the page count."""
    by_zone: dict[str, list[EvacuationEntry]] = {code: [] for code in zones}
    for entry in entries:
        by_zone.setdefault(entry.zone, []).append(entry)
    fonts.register_fonts()
    canvas = Canvas(out if not isinstance(out, Path) else str(out), pagesize=A4, pageCompression=1)
    canvas.setTitle(f"Evacuation list — {event_name}")
    page = _Pages(canvas, event_name, generated_at)
    for code, people in by_zone.items():
        page.start_zone(code, zones.get(code, code), len(people))
        for entry in people:
            page.row(entry)
    page.finish()
    canvas.save()
    return page.number


class _Pages:
    """Lays rows out page by page; a zone always starts on a new page under its own header."""

    def __init__(self, canvas: Canvas, event_name: str, generated_at: datetime) -> None:
        self.canvas = canvas
        self.event_name = event_name
        self.generated = f"{generated_at.astimezone():%Y-%m-%d %H:%M}"
        self.number = 0
        self.zone_title = ""
        self.y = 0.0
        self.open = False

    def start_zone(self, code: str, name: str, count: int) -> None:
        people = "nobody inside" if count == 0 else f"{count} {'person' if count == 1 else 'people'} inside"
        self.zone_title = f"{code} — {name}: {people}"
        self._new_page()

    def row(self, entry: EvacuationEntry) -> None:
        if self.y - _ROW_H < _MARGIN + _FOOTER_H:
            self._new_page(continued=True)
        canvas, top = self.canvas, self.y
        photo_box = Box(_MARGIN, top - _PHOTO_H - 1.5 * MM, _PHOTO_W, _PHOTO_H)
        if entry.photo:
            canvas.drawImage(ImageReader(io.BytesIO(entry.photo)), photo_box.x, photo_box.y, _PHOTO_W, _PHOTO_H)
        else:
            draw_placeholder(canvas, photo_box)
        _text(canvas, entry.name, Box(_NAME_X, top - 11 * MM, _CATEGORY_X - _NAME_X - 3 * MM, 8 * MM), 12, bold=True)
        if entry.name_latin and entry.name_latin != entry.name:
            _text(canvas, entry.name_latin, Box(_NAME_X, top - 18 * MM, _CATEGORY_X - _NAME_X - 3 * MM, 6 * MM), 9)
        _text(
            canvas, entry.category_name, Box(_CATEGORY_X, top - 11 * MM, _ENTERED_X - _CATEGORY_X - 3 * MM, 8 * MM), 10
        )
        entered = f"{entry.since.astimezone():%d %b %H:%M}"
        right = _CHECK_X - _ENTERED_X - 2 * MM
        _text(canvas, entered, Box(_ENTERED_X, top - 11 * MM, right, 8 * MM), 10)
        if entry.gate:
            _text(canvas, f"gate {entry.gate}", Box(_ENTERED_X, top - 18 * MM, right, 6 * MM), 9)
        canvas.setStrokeColor(_GREY)
        canvas.setLineWidth(0.6)
        canvas.rect(_CHECK_X, top - 11 * MM, _CHECK_SIDE, _CHECK_SIDE, stroke=1, fill=0)
        canvas.setStrokeColor(_RULE)
        canvas.setLineWidth(0.4)
        canvas.line(_MARGIN, top - _ROW_H, A4[0] - _MARGIN, top - _ROW_H)
        self.y = top - _ROW_H

    def finish(self) -> None:
        if not self.open:  # no zone at all: still a page that says so
            self.start_zone("—", "no zone", 0)
        self._footer()

    def _new_page(self, *, continued: bool = False) -> None:
        if self.open:
            self._footer()
            self.canvas.showPage()
        self.open = True
        self.number += 1
        width, height = A4
        canvas = self.canvas
        title = f"Evacuation list — {self.event_name}"
        _text(canvas, title, Box(_MARGIN, height - _MARGIN - 8 * MM, width - 2 * _MARGIN, 8 * MM), 15, bold=True)
        zone = self.zone_title + (" (continued)" if continued else "")
        _text(canvas, zone, Box(_MARGIN, height - _MARGIN - 15 * MM, width - 2 * _MARGIN, 7 * MM), 12, bold=True)
        labels = (
            (_MARGIN, "Photo"),
            (_NAME_X, "Name"),
            (_CATEGORY_X, "Category"),
            (_ENTERED_X, "Entered"),
            (_CHECK_X - 2 * MM, "Here"),
        )
        for x, label in labels:
            _text(canvas, label, Box(x, height - _MARGIN - _HEADER_H + 1 * MM, 30 * MM, 5 * MM), 8, grey=True)
        self.y = height - _MARGIN - _HEADER_H

    def _footer(self) -> None:
        text = f"As of {self.generated} (from the gate scans) · page {self.number}"
        _text(self.canvas, text, Box(_MARGIN, _MARGIN, A4[0] - 2 * _MARGIN, 5 * MM), 8, grey=True)


def _text(canvas: Canvas, text: str, box: Box, size: float, *, bold: bool = False, grey: bool = False) -> None:
    """One line in any script, shrunk to fit its box rather than running into the next column."""
    if not text:
        return
    role = fonts.SANS_BOLD if bold else fonts.SANS
    fitted = fit_text(text, role, size=size, min_size=min(6.0, size), width=box.width, height=box.height)
    canvas.setFillColor(_GREY if grey else HexColor("#000000"))
    draw_lines(canvas, fitted, box, "left", "middle")
