"""Fixtures of the badge tests: guests in every script, photos, tokens, and reading PDFs back with pypdfium2."""

import io
import json
import random
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PIL import Image, ImageDraw

from accreditor.badges.legibility import event_badges
from accreditor.badges.render import BadgeData
from accreditor.badges.variables import sample_context
from accreditor.demo import create_demo_event

TOKEN_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"

# (given, family, family upper, Latin, organisation, country)
PEOPLE = (
    ("Ҷамшед", "Раҳмонов", "РАҲМОНОВ", "Jamshed Rahmonov", "Вазорати корҳои хориҷӣ", "Tajikistan"),
    ("Łukasz", "Kozłowski", "KOZŁOWSKI", "Lukasz Kozlowski", "Ministerstwo Spraw Zagranicznych", "Poland"),
    ("عبد الرحمن", "أبو داوود", "أبو داوود", "Abd al-Rahman Abu Dawud", "وزارة الخارجية", "Jordan"),
    ("秀珍", "王", "王", "Wang Xiuzhen", "外交部", "China"),
    ("Søren", "Ørsted", "ØRSTED", "Soren Orsted", "Udenrigsministeriet", "Denmark"),
    ("Արամ", "Պետրոսյան", "ՊԵՏՐՈՍՅԱՆ", "Aram Petrosyan", "ԱԳՆ", "Armenia"),
    ("ნინო", "ბერიძე", "ბერიძე", "Nino Beridze", "საგარეო საქმეთა სამინისტრო", "Georgia"),
)


def token(index: int, length: int = 140) -> str:
    """A QR-alphanumeric token like the signed ones (Base45 with a prefix), distinct per index."""
    rng = random.Random(index)
    return "AC1:" + "".join(rng.choice(TOKEN_ALPHABET) for _ in range(length - 4))


def portrait_jpeg(size: tuple[int, int] = (600, 800), colour: tuple[int, int, int] = (90, 120, 160)) -> bytes:
    image = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    width, height = size
    draw.ellipse((width * 0.3, height * 0.15, width * 0.7, height * 0.55), fill=(230, 190, 160))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def badge(index: int, *, person: int | None = None, photo: bytes | None = None, **overrides: Any) -> BadgeData:
    given, family, upper, latin, organisation, country = PEOPLE[index % len(PEOPLE) if person is None else person]
    variables = {
        **sample_context(),
        "given_name": given,
        "family_name": family,
        "family_name_upper": upper,
        "full_name": f"{given} {family}",
        "name_latin": latin,
        "organisation": organisation,
        "country_name": country,
        "badge_no": f"{index:05d}-1",
    }
    fields: dict[str, Any] = {
        "guest_id": index,
        "variables": variables,
        "category_colour": ("#C62828", "#1565C0", "#F9A825", "#00838F")[index % 4],
        "zones": (("PLN", "VIP", "BIL"), ("PLN",), ("PRS",), ())[index % 4],
        "token": token(index),
        "photo": photo,
    }
    fields.update(overrides)
    return BadgeData(**fields)


@pytest.fixture
def make_badge() -> Callable[..., BadgeData]:
    """`make_badge(index, person=…, photo=…, **fields)`: one guest's badge data."""
    return badge


@pytest.fixture
def make_token() -> Callable[..., str]:
    return token


@pytest.fixture
def make_jpeg() -> Callable[..., bytes]:
    """`make_jpeg(size, colour)`: a portrait-like JPEG."""
    return portrait_jpeg


@pytest.fixture
def make_badges() -> Callable[..., list[BadgeData]]:
    """`make_badges(count)`: guests 1…count in turn from every script, each with a photo and a token."""
    photo = portrait_jpeg()

    def make(count: int, **overrides: Any) -> list[BadgeData]:
        return [badge(index, **{"photo": photo, **overrides}) for index in range(1, count + 1)]

    return make


@pytest.fixture
def write_layout(tmp_path: Path) -> Callable[[dict[str, Any]], Path]:
    """`write_layout(data)`: the layout written as a JSON file in tmp_path."""

    def write(data: dict[str, Any], name: str = "layout.json") -> Path:
        path = tmp_path / name
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return path

    return write


class PdfPages:
    """A rendered PDF read back: page sizes, text, rasters and the QR codes on each page."""

    def __init__(self, path: Path | bytes) -> None:
        self._pdf = pdfium.PdfDocument(path)

    def __len__(self) -> int:
        return len(self._pdf)

    def size(self, index: int) -> tuple[float, float]:
        return self._pdf[index].get_size()

    def text(self, index: int) -> str:
        return self._pdf[index].get_textpage().get_text_range()

    def chars(self, index: int) -> Iterator[tuple[str, tuple[float, float, float, float]]]:
        """Each character with its box (left, bottom, right, top) in points."""
        textpage = self._pdf[index].get_textpage()
        for position in range(textpage.count_chars()):
            char = textpage.get_text_range(position, 1)
            if char.strip():
                yield char, textpage.get_charbox(position)

    def image(self, index: int, scale: float = 4) -> Image.Image:
        return self._pdf[index].render(scale=scale).to_pil()

    def qr_texts(self, index: int, scale: float = 4) -> list[str]:
        return sorted(result.text for result in zxingcpp.read_barcodes(self.image(index, scale)))

    def close(self) -> None:
        self._pdf.close()


@pytest.fixture
def read_pdf() -> Iterator[Callable[[Path | bytes], PdfPages]]:
    opened: list[PdfPages] = []

    def read(path: Path | bytes) -> PdfPages:
        pages = PdfPages(path)
        opened.append(pages)
        return pages

    yield read
    for pages in opened:
        pages.close()


@pytest.fixture(scope="session")
def demo_badges(tmp_path_factory: pytest.TempPathFactory) -> list[BadgeData]:
    """Every approved guest's badge of the demo event (330 guests in every script), as a print would have it."""
    store = create_demo_event(tmp_path_factory.mktemp("demo") / "demo.accreditor", passphrase="test passphrase")
    try:
        with store.connect() as connection:
            return event_badges(connection, store.event_info(), today=date(2027, 5, 1))
    finally:
        store.close()
