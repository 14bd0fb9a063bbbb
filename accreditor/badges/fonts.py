"""The bundled fonts, registered with ReportLab once per process, and the font for each run of text.

ReportLab draws a string in one font and has no fallback, while a badge line may mix scripts
("Dr. عبد الرحمن", a Chinese name with a Latin title). So a line is split into runs, each in the
first font of the role's chain that has the glyphs: Noto Sans (Latin, Cyrillic incl. Tajik, Greek),
Noto Naskh Arabic, Noto Sans Armenian, Noto Sans Georgian, Droid Sans Fallback (Chinese, Japanese), then Nanum
Gothic (Korean).
Spaces and punctuation stay in the run they are in, so a name is not chopped into needless runs.
"""

import threading
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

SANS = "sans"
SANS_BOLD = "sans-bold"

# (registered name, file) per role, in fallback order.
_CHAINS: Mapping[str, tuple[tuple[str, str], ...]] = {
    SANS: (
        ("Accreditor-Sans", "NotoSans-Regular.ttf"),
        ("Accreditor-Arabic", "NotoNaskhArabic-Regular.ttf"),
        ("Accreditor-Armenian", "NotoSansArmenian-Regular.ttf"),
        ("Accreditor-Georgian", "NotoSansGeorgian-Regular.ttf"),
        ("Accreditor-CJK", "DroidSansFallbackFull.ttf"),
        ("Accreditor-Hangul", "NanumGothic.ttf"),
    ),
    SANS_BOLD: (
        ("Accreditor-Sans-Bold", "NotoSans-Bold.ttf"),
        ("Accreditor-Arabic-Bold", "NotoNaskhArabic-Bold.ttf"),
        ("Accreditor-Armenian-Bold", "NotoSansArmenian-Bold.ttf"),
        ("Accreditor-Georgian-Bold", "NotoSansGeorgian-Bold.ttf"),
        ("Accreditor-CJK", "DroidSansFallbackFull.ttf"),  # the CJK font has no bold
        ("Accreditor-Hangul", "NanumGothic.ttf"),
    ),
}
ROLES = tuple(_CHAINS)

_lock = threading.Lock()
_coverage: dict[str, frozenset[int]] = {}


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text drawn in one font; `width` is its advance at 1 pt."""

    text: str
    font: str
    width: float


def fonts_folder() -> Path:
    """The real folder of the bundled TTF files (ReportLab and Qt both need file paths)."""
    return Path(str(files("resources") / "fonts"))


def register_fonts() -> None:
    """Register every bundled font with ReportLab; cheap after the first call in a process."""
    if _coverage:
        return
    with _lock:
        if _coverage:
            return
        folder = fonts_folder()
        coverage: dict[str, frozenset[int]] = {}
        for chain in _CHAINS.values():
            for name, filename in chain:
                if name not in coverage:
                    font = TTFont(name, str(folder / filename))
                    pdfmetrics.registerFont(font)
                    coverage[name] = frozenset(font.face.charToGlyph)
        _coverage.update(coverage)


def font_names(role: str) -> tuple[str, ...]:
    """The registered font names of a role, in fallback order."""
    return tuple(name for name, _file in _CHAINS[role])


def _is_neutral(char: str) -> bool:
    """Spaces, digits and punctuation: drawn in whatever font the surrounding letters use."""
    return not char.isalpha() and not ("\u0300" <= char <= "\u036f")


@lru_cache(maxsize=8192)
def split_runs(text: str, role: str) -> tuple[Run, ...]:
    """Split text (already in visual order) into runs of one font each."""
    register_fonts()
    chain = font_names(role)
    primary = chain[0]
    if not text:
        return ()
    if text.isascii():
        return (Run(text, primary, pdfmetrics.stringWidth(text, primary, 1)),)
    pieces: list[tuple[str, list[str]]] = []
    for char in text:
        code = ord(char)
        current = pieces[-1][0] if pieces else None
        if current is not None and _is_neutral(char) and code in _coverage[current]:
            font = current
        else:
            font = next((name for name in chain if code in _coverage[name]), primary)
        if font == current:
            pieces[-1][1].append(char)
        else:
            pieces.append((font, [char]))
    return tuple(
        Run(run_text, font, pdfmetrics.stringWidth(run_text, font, 1))
        for font, chars in pieces
        if (run_text := "".join(chars))
    )


@lru_cache(maxsize=4096)
def missing_glyphs(text: str) -> str:
    """The characters of `text` that no bundled font can draw (they would print as boxes)."""
    register_fonts()
    if text.isascii():
        return ""
    names = font_names(SANS)
    return "".join(
        dict.fromkeys(
            char for char in text if char.isprintable() and all(ord(char) not in _coverage[name] for name in names)
        )
    )
