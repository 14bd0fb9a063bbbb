"""The bundled fonts, registered with ReportLab once per process, and the font for each run of text.

ReportLab draws a string in one font and has no fallback, while a badge line may mix scripts
("Dr. عبد الرحمن", a Chinese name with a Latin title). So a line is split into runs, each in the
first font of the role's chain that has the glyphs: Noto Sans (Latin, Cyrillic incl. Tajik, Greek),
Noto Naskh Arabic, Noto Sans Armenian, Noto Sans Georgian, Droid Sans Fallback (Chinese, Japanese), then Nanum
Gothic (Korean).
Spaces and punctuation stay in the run they are in, so a name is not chopped into needless runs.

Fonts load when a text first needs them, in chain order: a batch of Latin and Cyrillic names never
reads the 4 MB CJK and Korean files (a render worker stays small), and since a character is looked
up in each font of the chain in turn, loading on demand gives the same runs as loading everything.
"""

import mmap
import threading
from array import array
from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any, TypeVar

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

_Value = TypeVar("_Value", int, float)

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
# Registered font name → its code points (ReportLab's own map, not a copy: the CJK one has 28,000).
_coverage: dict[str, Mapping[int, int]] = {}
_FILES = {name: filename for chain in _CHAINS.values() for name, filename in chain}


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
    """Register the first font of every role with ReportLab (the others load when a text needs them); cheap after."""
    for chain in _CHAINS.values():
        _covered(chain[0][0])


def _covered(name: str) -> Mapping[int, int]:
    """The code points font `name` can draw, registering it with ReportLab the first time it is asked for."""
    found = _coverage.get(name)
    if found is not None:
        return found
    with _lock:
        if name not in _coverage:
            font = TTFont(name, _MappedFile(fonts_folder() / _FILES[name]))  # type: ignore[arg-type]
            _compact(font.face)
            pdfmetrics.registerFont(font)
            _coverage[name] = font.face.charToGlyph
        return _coverage[name]


class _MappedFile:
    """A font file as ReportLab reads it, mapped rather than copied into memory.

    ReportLab keeps the whole file to cut subsets from when it writes a PDF; mapped, only the pages it
    reads (the tables it parses, the glyphs the badges use: see `_GlyphSlices`) become resident, and they
    are the system's file cache, shared by every process that maps the file, rather than a copy in each.
    """

    def __init__(self, path: Path) -> None:
        self.name = str(path)  # ReportLab names the font file by it, as when given the path itself

    def read(self) -> mmap.mmap:
        with open(self.name, "rb") as handle:
            return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)


class _GlyphSlices:
    """A font's glyph table as ReportLab's subsetting reads it, one glyph's slice at a time.

    ReportLab copies the whole table (3.5 MB for CJK) to cut a few glyphs out of it on every PDF it saves,
    and the copy reads every page of the mapped file; this copies the slices asked for, nothing more.
    """

    __slots__ = ("_data", "_length", "_start")

    def __init__(self, data: bytes | mmap.mmap, start: int, length: int) -> None:
        self._data, self._start, self._length = data, start, length

    def __getitem__(self, part: slice) -> bytes:
        start, stop, _step = part.indices(self._length)
        return self._data[self._start + start : self._start + max(start, stop)]


class _CompactFace(TTFontFace):
    """A font face whose tables `_compact` has made compact (an instance is made one, not created one)."""

    def get_table(self, tag: str) -> Any:
        if tag != "glyf":
            return super().get_table(tag)
        start, length = self.get_table_pos(tag)
        return _GlyphSlices(self._ttf_data, start, length)


class _Metrics(Sequence[tuple[float, int]]):
    """ReportLab's per-glyph (advance width, left side bearing) list, in two arrays of numbers.

    ReportLab reads the pair only to write a subset's metrics, as `int(advance), int(bearing)`; the
    advances stay floats because the glyphs after the font's last full metric repeat its scaled width.
    """

    __slots__ = ("_advances", "_bearings")

    def __init__(self, metrics: Sequence[tuple[float, int]]) -> None:
        self._advances = array("d", (advance for advance, _bearing in metrics))
        self._bearings = array("H", (bearing for _advance, bearing in metrics))

    def __len__(self) -> int:
        return len(self._advances)

    def __getitem__(self, glyph: int) -> tuple[float, int]:  # type: ignore[override]
        return self._advances[glyph], self._bearings[glyph]


class _ByCode(Mapping[int, _Value]):
    """A read-only map from code points, as two arrays: the sorted code points and their values."""

    __slots__ = ("_codes", "_values")

    def __init__(self, mapping: Mapping[int, _Value], typecode: str) -> None:
        codes = sorted(mapping)
        self._codes = array("L", codes)
        self._values = array(typecode, [mapping[code] for code in codes])

    def _index(self, code: int) -> int:
        index = bisect_left(self._codes, code)
        return index if index < len(self._codes) and self._codes[index] == code else -1

    def __getitem__(self, code: int) -> _Value:
        index = self._index(code)
        if index < 0:
            raise KeyError(code)
        return self._values[index]

    def get(self, code: int, default: Any = None) -> Any:  # ReportLab's string widths call this per character
        index = self._index(code)
        return default if index < 0 else self._values[index]

    def __contains__(self, code: object) -> bool:
        return isinstance(code, int) and self._index(code) >= 0

    def __iter__(self) -> Iterator[int]:
        return iter(self._codes)

    def __len__(self) -> int:
        return len(self._codes)


def _compact(face: Any) -> None:
    """Keep a font's tables in the least memory ReportLab can use them in; it reads them and never changes them.

    As read, the tables are dicts and lists of Python numbers: 14 MB for the CJK font in every render worker,
    and more while it is read, left behind as scattered free memory. In arrays they take 1 MB. The glyph →
    characters map is built only to work out the widths, then kept (5 MB for CJK): dropped.
    """
    vars(face).pop("glyphToChar", None)
    face.__class__ = _CompactFace
    face.hmetrics = _Metrics(face.hmetrics)
    face.glyphPos = array("L", face.glyphPos)
    face.charToGlyph = _ByCode(face.charToGlyph, "L")
    face.charWidths = _ByCode(face.charWidths, "d")


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
        if current is not None and _is_neutral(char) and code in _covered(current):
            font = current
        else:
            font = next((name for name in chain if code in _covered(name)), primary)
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
            char for char in text if char.isprintable() and all(ord(char) not in _covered(name) for name in names)
        )
    )
