"""Names in Latin letters the way passports print them, so a guard can compare badge and passport.

- Cyrillic follows ICAO Doc 9303, part 3 (the machine-readable-zone table every passport office uses):
  Я → IA, Х → KH, Ц → TS, Й → I, Ь omitted.  ICAO lists no Tajik letters; for those the spelling of
  Tajik passports is used (Ҷ → J, Ҳ → H, Қ → Q, Ғ → GH, Ӣ → I, Ӯ → U).
- Japanese (a guest from Japan, or kana in the name) is read with cutlet (MeCab and UniDic, which know
  given-name readings: 幹 → Miki) and written in passport Hepburn, which drops long vowels
  (Satou → Sato, Oono → Ono).
- Chinese is written in pinyin without tones, one word per name part (高 秀珍 → Gao Xiuzhen), ü as
  "yu" as Chinese passports do (吕 → Lyu).

The readers load their dictionaries on first use: nothing is paid by a process that never meets
a Japanese or Chinese name (a badge worker, the gate).
"""

import re
from functools import cache, lru_cache
from typing import Any

# ICAO Doc 9303 part 3, table of Cyrillic transliteration (lower case; capitals are restored per word).
ICAO_CYRILLIC: dict[str, str] = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "ґ": "g",
    "ѓ": "g",
    "д": "d",
    "ђ": "d",
    "е": "e",
    "ё": "e",
    "є": "ie",
    "ж": "zh",
    "з": "z",
    "ѕ": "dz",
    "и": "i",
    "і": "i",
    "ї": "i",
    "й": "i",
    "ј": "j",
    "к": "k",
    "ќ": "k",
    "л": "l",
    "љ": "lj",
    "м": "m",
    "н": "n",
    "њ": "nj",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "ћ": "c",
    "у": "u",
    "ў": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "џ": "dz",
    "ш": "sh",
    "щ": "shch",
    "ъ": "ie",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "iu",
    "я": "ia",
}
TAJIK_PASSPORT: dict[str, str] = {"ғ": "gh", "ӣ": "i", "қ": "q", "ӯ": "u", "ҳ": "h", "ҷ": "j"}
"""Tajik letters, which ICAO does not list, as Tajik passports spell them."""

_CYRILLIC_TABLE = {**ICAO_CYRILLIC, **TAJIK_PASSPORT}
_CYRILLIC = re.compile("[\u0400-\u04ff\u0500-\u052f]")
_KANA = re.compile("[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Passport Hepburn (Japan's Ministry of Foreign Affairs) writes long vowels as one letter.
_LONG_VOWELS = (("ou", "o"), ("oo", "o"), ("uu", "u"))


def has_cyrillic(text: str) -> bool:
    return _CYRILLIC.search(text) is not None


def has_kana(text: str) -> bool:
    return _KANA.search(text) is not None


def has_han(text: str) -> bool:
    return _HAN.search(text) is not None


def _capitalised_like(latin: str, written: str) -> str:
    """One capital per word part, as on a badge: "РАХМОНОВ" and "Рахмонов" both give "Rakhmonov"."""
    parts = latin.split("-")
    sources = written.split("-")
    if len(parts) != len(sources):
        return latin.capitalize()
    return "-".join(
        part.capitalize() if source[:1].isupper() else part for part, source in zip(parts, sources, strict=True)
    )


def icao_cyrillic(word: str) -> str:
    """A Cyrillic word by ICAO Doc 9303 (Tajik letters as Tajik passports); other characters pass through."""
    latin = "".join(_CYRILLIC_TABLE.get(char, char) for char in word.lower())
    return _capitalised_like(latin, word)


@cache
def _japanese_reader() -> Any:
    import cutlet  # noqa: PLC0415 - a large dictionary, loaded only for Japanese names

    reader = cutlet.Cutlet("hepburn")
    reader.use_foreign_spelling = False
    return reader


@lru_cache(maxsize=4096)
def japanese(name_part: str) -> str:
    """One part of a Japanese name (family or given) in passport Hepburn: "中村" → "Nakamura"."""
    latin = "".join(_japanese_reader().romaji(name_part).split()).lower()
    latin = re.sub(r"[^a-z-]", "", latin)
    for long, short in _LONG_VOWELS:
        latin = latin.replace(long, short)
    return latin.capitalize()


@lru_cache(maxsize=4096)
def pinyin(name_part: str) -> str:
    """One part of a Chinese name in toneless pinyin, syllables joined: "秀珍" → "Xiuzhen", "吕" → "Lyu"."""
    from pypinyin import Style, lazy_pinyin  # noqa: PLC0415 - its dictionary is loaded only when needed

    syllables = lazy_pinyin(name_part, style=Style.NORMAL, errors="default")
    # pypinyin writes ü as v; passports of the PRC write "yu" after l and n (Lyu, Nyu) and "u" elsewhere.
    spelled = [re.sub(r"^([ln])v", r"\1yu", syllable).replace("v", "u") for syllable in syllables]
    return "".join(spelled).capitalize()
