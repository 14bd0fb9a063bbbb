"""Render the reference badges of this folder: one A6 badge per script, a card and a sheet, at 150 dpi.

Run from the project root with `.venv/bin/python docs/badges/render_examples.py`; look at the PNGs
after any change to fonts, shaping or the shipped layouts.
"""

import io
import tempfile
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw

from accreditor.badges.layout import load_layout
from accreditor.badges.printing import upper_name
from accreditor.badges.render import BadgeData, BadgeRenderer
from accreditor.badges.variables import sample_context
from accreditor.palette import DEFAULT_PALETTE

FOLDER = Path(__file__).resolve().parent
DPI = 150
EVENT = {
    "event_name": "High-Level International Conference on Countering Terrorism and Preventing Violent Extremism",
    "event_dates": "3–4 May 2018",
}

# file: (given, family, family upper, Latin, position, organisation, country, category, colour, zones)
EXAMPLES = {
    "latin": (
        "Łukasz",
        "Kozłowski",
        "KOZŁOWSKI",
        "Lukasz Kozlowski",
        "Counsellor, Counter-Terrorism Unit",
        "Ministerstwo Spraw Zagranicznych",
        "Poland",
        "Delegate",
        DEFAULT_PALETTE["DEL"],
        ("PLN", "BIL"),
    ),
    "cyrillic-tajik": (
        "Ҷамшед",
        "Раҳмонов",
        "РАҲМОНОВ",
        "Jamshed Rahmonov",
        "Муовини вазир",
        "Вазорати корҳои хориҷии Ҷумҳурии Тоҷикистон",
        "Tajikistan",
        "Head of Delegation",
        DEFAULT_PALETTE["HOD"],
        ("PLN", "VIP", "BIL"),
    ),
    "arabic": (
        "عبد الرحمن",
        "أبو داوود",
        "أبو داوود",
        "Abd al-Rahman Abu Dawud",
        "مستشار",
        "وزارة الخارجية وشؤون المغتربين",
        "Jordan",
        "Observer",
        DEFAULT_PALETTE["OBS"],
        ("PLN",),
    ),
    "chinese": (
        "秀珍",
        "王",
        "王",
        "Wang Xiuzhen",
        "记者",
        "新华通讯社",
        "China",
        "Media",
        DEFAULT_PALETTE["MED"],
        ("PRS",),
    ),
    "armenian-georgian": (
        "Արամ",
        "Պետրոսյան",
        "ՊԵՏՐՈՍՅԱՆ",
        "Aram Petrosyan",
        "",
        "საქართველოს საგარეო საქმეთა სამინისტრო",
        "Georgia",
        "Delegate",
        DEFAULT_PALETTE["DEL"],
        ("PLN", "BIL"),
    ),
    "japanese": (
        "幹",
        "中村",
        "中村",
        "Nakamura Miki",
        "参事官",
        "外務省",
        "Japan",
        "VIP",
        DEFAULT_PALETTE["VIP"],
        ("PLN", "VIP", "BIL"),
    ),
}
CARD = ("cr80-arabic", "arabic")
"""A CR80 card of the Arabic guest: the whole name block right-aligned, the Latin line large."""
SHEET = "sheet-a7-8up"
"""One A7 sheet of eight badges: gutters between them, colour bleeding past each cut, crop marks outside."""


def portrait(seed: int) -> bytes:
    """A stand-in photo (no real person's picture in the repository)."""
    image = Image.new("RGB", (600, 800), (70 + 30 * seed, 110, 150))
    draw = ImageDraw.Draw(image)
    draw.ellipse((190, 130, 410, 430), fill=(224, 186, 152))
    draw.ellipse((60, 450, 540, 1100), fill=(38, 48, 78))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def badge(index: int, example: tuple) -> BadgeData:
    given, family, upper, latin, position, organisation, country, category, colour, zones = example
    variables = {
        **sample_context(),
        **EVENT,
        "given_name": given,
        "family_name": family,
        "family_name_upper": upper_name(upper),
        "full_name": f"{given} {family}",
        "name_latin": latin,
        "position": position,
        "organisation": organisation,
        "organisation_short": "",
        "country_name": country,
        "category": category,
        "zones": " ".join(zones),
        "badge_no": f"{index + 412:05d}-1",
    }
    token = f"AC1:EXAMPLE{index:03d}" + "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:" * 3
    photo = None if example[0] == "秀珍" else portrait(index)  # one badge shows the placeholder
    return BadgeData(index + 1, variables, colour, zones, token, photo)


def render_png(layout: str, badges: list[BadgeData], name: str, folder: Path) -> None:
    pdf_path = folder / f"{name}.pdf"
    report = BadgeRenderer(load_layout(layout)).render(badges, pdf_path)
    pdf = pdfium.PdfDocument(pdf_path)
    pdf[0].render(scale=DPI / 72).to_pil().save(FOLDER / f"{name}.png", optimize=True)
    pdf.close()
    print(name, report.warnings or "ok")


def main() -> None:
    examples = [badge(index, example) for index, example in enumerate(EXAMPLES.values())]
    with tempfile.TemporaryDirectory() as folder:
        for name, example in zip(EXAMPLES, examples, strict=True):
            render_png("a6", [example], name, Path(folder))
        card_name, example_name = CARD
        render_png("cr80", [examples[list(EXAMPLES).index(example_name)]], card_name, Path(folder))
        render_png("a7-8up", (examples + examples)[:8], SHEET, Path(folder))


if __name__ == "__main__":
    main()
