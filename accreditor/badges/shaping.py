"""Arabic and Persian text in the form ReportLab can draw: joined letter forms, in visual order.

ReportLab places glyphs one after another, left to right, without OpenType shaping. So each line is
first reshaped (arabic_reshaper picks the initial/medial/final/isolated presentation form of every
letter and the lam-alef ligatures) and then reordered for display (python-bidi applies the Unicode
bidirectional algorithm, so Latin words and digits inside Arabic text keep their own order).
This is done per line, after wrapping, as the bidirectional algorithm works on a whole line.
Other scripts pass through untouched; Chinese, Japanese and Korean need no shaping.
"""

import re
import unicodedata
from functools import lru_cache

from arabic_reshaper import ArabicReshaper
from bidi import get_display

_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
# Harakat (short-vowel marks) are dropped: without OpenType mark positioning they would print in the
# wrong place, and names are written without them anyway.
_RESHAPER = ArabicReshaper(configuration={"delete_harakat": True, "support_ligatures": True})


def has_rtl(text: str) -> bool:
    """Whether the text has any right-to-left letters (Arabic, Persian, Hebrew)."""
    return _RTL.search(text) is not None


def is_rtl(text: str) -> bool:
    """Whether the text reads right to left: its first strong character is right-to-left."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


@lru_cache(maxsize=8192)
def visual(line: str) -> str:
    """One logical line in visual order with Arabic letters in their joined forms; others unchanged."""
    if not has_rtl(line):
        return line
    shaped = get_display(_RESHAPER.reshape(line))
    # Joiners and direction marks have done their work and have no glyph to print.
    return "".join(char for char in shaped if unicodedata.category(char) != "Cf")
