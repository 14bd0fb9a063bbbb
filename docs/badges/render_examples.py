"""Render the reference badges of this folder: one A6 badge per script, rasterised at 150 dpi.

Run from the project root with `.venv/bin/python docs/badges/render_examples.py`; look at the PNGs
after any change to fonts, shaping or the shipped layouts.
"""

import io
import tempfile
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw

from accreditor.badges.layout import load_layout
from accreditor.badges.render import BadgeData, BadgeRenderer
from accreditor.badges.variables import sample_context

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
        "#1565C0",
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
        "#C62828",
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
        "#00838F",
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
        "#F9A825",
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
        "#1565C0",
        ("PLN", "BIL"),
    ),
}


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
        "family_name_upper": upper,
        "full_name": f"{given} {family}",
        "name_latin": latin,
        "position": position,
        "organisation": organisation,
        "country_name": country,
        "category": category,
        "zones": " ".join(zones),
        "badge_no": f"{index + 412:05d}-1",
    }
    token = f"AC1:EXAMPLE{index:03d}" + "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:" * 3
    photo = None if example[0] == "秀珍" else portrait(index)  # one badge shows the placeholder
    return BadgeData(index + 1, variables, colour, zones, token, photo)


def main() -> None:
    renderer = BadgeRenderer(load_layout("a6"))
    with tempfile.TemporaryDirectory() as folder:
        for index, (name, example) in enumerate(EXAMPLES.items()):
            pdf_path = Path(folder) / f"{name}.pdf"
            report = renderer.render([badge(index, example)], pdf_path)
            pdf = pdfium.PdfDocument(pdf_path)
            pdf[0].render(scale=DPI / 72).to_pil().save(FOLDER / f"{name}.png", optimize=True)
            pdf.close()
            print(name, report.warnings or "ok")


if __name__ == "__main__":
    main()
