"""Every badge of every shipped layout scans from a phone photo, and sheets cut cleanly.

The photo is simulated the way a guard's phone sees a badge at arm's length: the page rasterised at
150 dpi, Gaussian blur (σ 1.2 px), sensor noise (σ 8 grey levels) and JPEG at quality 60. With these, the
old 22 mm codes of the A7 layouts (an 18 mm symbol) lose about two badges in three; every shipped layout
must lose none.
"""

import dataclasses
import io
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
import zxingcpp
from PIL import Image, ImageFilter

from accreditor.badges.layout import MM, QrElement, list_layouts, load_layout
from accreditor.badges.render import BadgeData, BadgeRenderer, crop_marks

DPI = 150
BLUR_PX = 1.2
NOISE = 8.0
JPEG_QUALITY = 60


def phone_photo(page: Image.Image, rng: np.random.Generator) -> Image.Image:
    grey = page.convert("L").filter(ImageFilter.GaussianBlur(BLUR_PX))
    noisy = np.asarray(grey, dtype=np.float32) + rng.normal(0, NOISE, (grey.height, grey.width))
    out = io.BytesIO()
    Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8)).save(out, "JPEG", quality=JPEG_QUALITY)
    out.seek(0)
    return Image.open(out)


def decoded(pdf_path: Path, *, every: int = 1) -> list[str]:
    """The QR texts found on every `every`-th page (2: the fronts of a double-sided run)."""
    rng = np.random.default_rng(13)
    pdf = pdfium.PdfDocument(pdf_path)
    try:
        texts = []
        for index in range(0, len(pdf), every):
            photo = phone_photo(pdf[index].render(scale=DPI / 72, grayscale=True).to_pil(), rng)
            texts += [found.text for found in zxingcpp.read_barcodes(photo, formats=zxingcpp.BarcodeFormat.QRCode)]
        return texts
    finally:
        pdf.close()


@pytest.mark.parametrize("name", list_layouts())
def test_every_demo_badge_decodes_from_a_phone_photo(name: str, demo_badges: list[BadgeData], tmp_path: Path) -> None:
    out = tmp_path / f"{name}.pdf"
    layout = load_layout(name)
    BadgeRenderer(layout).render(demo_badges, out)

    found = decoded(out, every=2 if layout.sides == "double" else 1)

    # zxing may also "find" a short number in a noisy photo or portrait; what matters is that every badge's
    # code reads back whole, once.
    assert sorted(text for text in found if text.startswith("AC1:")) == sorted(badge.token for badge in demo_badges)


def test_the_simulated_photo_defeats_an_eighteen_millimetre_symbol(
    demo_badges: list[BadgeData], tmp_path: Path
) -> None:
    layout = load_layout("a7-8up")
    small = dataclasses.replace(
        layout,
        front=tuple(
            dataclasses.replace(element, size=22) if isinstance(element, QrElement) else element
            for element in layout.front
        ),
    )
    out = tmp_path / "small.pdf"
    BadgeRenderer(small).render(demo_badges[:48], out)

    assert len(decoded(out)) < 40  # the simulation is hard enough to tell a small code from a large one


@pytest.mark.parametrize("name", [name for name in list_layouts() if load_layout(name).badges_per_sheet > 1])
def test_sheets_have_gutters_bleed_and_crop_marks_outside_the_bleed(name: str) -> None:
    layout = load_layout(name)
    cell_w, cell_h = layout.cell_size
    slots = layout.slots()
    cuts, _folds = crop_marks(layout)

    assert layout.bleed > 0 and layout.crop_marks
    assert min(layout.sheet.gap_x, layout.sheet.gap_y) >= 2 * layout.bleed
    for x1, y1, x2, y2 in cuts:
        for slot in slots:
            # Every mark stays clear of each badge grown by its bleed (and 0.5 mm more).
            grow = layout.bleed + 0.5
            left, bottom = (slot.x - grow) * MM, (slot.y - grow) * MM
            right, top = (slot.x + cell_w + grow) * MM, (slot.y + cell_h + grow) * MM
            overlaps_x = min(x1, x2) < right and max(x1, x2) > left
            overlaps_y = min(y1, y2) < top and max(y1, y2) > bottom
            assert not (overlaps_x and overlaps_y)


def test_colour_bands_bleed_past_the_cut_but_not_into_the_neighbour(make_badges, tmp_path: Path) -> None:
    layout = load_layout("a4-4up")
    out = tmp_path / "sheet.pdf"
    BadgeRenderer(layout).render(make_badges(4, category_colour="#334488"), out)
    pdf = pdfium.PdfDocument(out)
    image = pdf[0].render(scale=DPI / 72).to_pil().convert("RGB")
    pdf.close()
    page_h = layout.page_size[1]
    first, second = layout.slots()[0], layout.slots()[1]
    band_y = page_h - (first.y + 3)  # 3 mm above the badge's bottom edge, inside the band, from the top

    def pixel(x_mm: float) -> tuple[int, int, int]:
        return image.getpixel((round(x_mm / 25.4 * DPI), round(band_y / 25.4 * DPI)))

    right_edge = first.x + layout.badge.width
    assert pixel(right_edge + layout.bleed / 2) == pytest.approx((0x33, 0x44, 0x88), abs=8)  # bleed past the cut
    gutter_middle = (right_edge + second.x) / 2
    assert pixel(gutter_middle) == (255, 255, 255)  # the gutter itself stays white
