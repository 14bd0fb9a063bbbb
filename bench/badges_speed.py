"""Badge rendering speed: badges per second for the CR80 layout (photo, QR, three text lines), one process.

Run it alone with `python -m bench.badges_speed [count]`; the target is at least 300 badges/s.
Each guest gets a distinct 600×800 JPEG (what registration forms usually deliver), so photo
preparation and embedding are measured too, not deduplicated away.
"""

import io
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from PIL import Image, ImageDraw

from accreditor.badges.layout import load_layout
from accreditor.badges.render import BadgeData, BadgeRenderer
from accreditor.badges.variables import sample_context

TARGET = 300.0
_NAMES = (
    ("Jamshed", "Rahmonov"),
    ("Ҷамшед", "Раҳмонов"),
    ("Łukasz", "Kozłowski"),
    ("عبد الرحمن", "أبو داوود"),
    ("秀珍", "王"),
    ("Søren", "Ørsted"),
)
_TOKEN_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"


def _photos(count: int) -> list[bytes]:
    """Distinct portrait-sized JPEGs: a shared base with a per-guest mark, encoded separately."""
    base = Image.new("RGB", (600, 800), (96, 120, 160))
    draw = ImageDraw.Draw(base)
    draw.ellipse((180, 120, 420, 440), fill=(230, 190, 160))
    draw.ellipse((60, 440, 540, 1040), fill=(40, 50, 80))
    photos = []
    for index in range(count):
        image = base.copy()
        ImageDraw.Draw(image).rectangle((0, 0, 40 + index % 500, 30), fill=(index % 256, 80, 40))
        out = io.BytesIO()
        image.save(out, "JPEG", quality=88)
        photos.append(out.getvalue())
    return photos


def _token(index: int) -> str:
    body = "".join(_TOKEN_ALPHABET[(index * 7 + step * 13) % len(_TOKEN_ALPHABET)] for step in range(136))
    return f"AC1:{body}"


def badges(count: int, photos: list[bytes]) -> Iterator[BadgeData]:
    context = sample_context()
    for index in range(count):
        given, family = _NAMES[index % len(_NAMES)]
        variables = {
            **context,
            "given_name": given,
            "family_name": family,
            "family_name_upper": family.upper(),
            "full_name": f"{given} {family}",
            "badge_no": f"{index + 1:06d}-1",
        }
        yield BadgeData(index + 1, variables, "#1565C0", ("PLN", "BIL"), _token(index), photos[index])


def main(count: int = 1000) -> float:
    photos = _photos(count)
    layout = load_layout("cr80")
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "badges.pdf"
        started = time.perf_counter()
        renderer = BadgeRenderer(layout)
        report = renderer.render(badges(count, photos), out)
        seconds = time.perf_counter() - started
        size = out.stat().st_size
    rate = report.badges / seconds
    verdict = "ok" if rate >= TARGET else "SLOW"
    print(
        f"render {report.badges:,} CR80 badges (photo, QR, 3 text lines)  {seconds:7.2f} s   "
        f"{rate:,.0f} badges/s (target ≥ {TARGET:g}) {verdict}   PDF {size / 2**20:.1f} MiB"
    )
    return rate


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
