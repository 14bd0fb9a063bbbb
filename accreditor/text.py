"""Text rules shared by import, search and badges: cleaning, Latin transliteration, folding.

Names are kept as written (any script); everything that must compare names across scripts goes
through `fold` (one lower-case ASCII form) and `phonetic` (which also forgives the usual
variations of Latin spellings: Rakhmonov/Rahmonov, Dzhamshed/Jamshed, Yusuf/Iusuf,
Mohammed/Muhammad).
"""

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

from accreditor import romanisation
from accreditor.romanisation import has_cyrillic, has_han, has_kana, icao_cyrillic

_NOT_WORD = re.compile(r"[^a-z0-9]+")


def clean(value: object) -> str:
    """Trim, collapse inner whitespace and compose to NFC; `None` becomes ``""``."""
    if not value:
        return ""
    text = str(value)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return " ".join(text.split())


# Arabic script (Arabic, Persian) is written without short vowels, so a letter-by-letter
# transliteration gives unreadable skeletons ("dwwd" for داوود).  Long vowels and the
# glide letters are spelled out the way passports usually do; other letters go to anyascii.
_ARABIC_ALIF = {
    "ا": "a",
    "أ": "a",
    "إ": "i",
    "آ": "a",
    "ٱ": "a",
    "ى": "a",
    "ة": "a",
    "ء": "",
    "ئ": "i",
    "ؤ": "u",
}
_ARABIC_GLIDES = {"و": ("w", "u"), "ي": ("y", "i"), "ی": ("y", "i")}
_ARABIC_ALIFS = frozenset("اأإآٱ")
_ARABIC_VOWEL_LETTERS = frozenset("اأإآٱىوي" + "ی")
_NOT_LETTER = re.compile(r"[^A-Za-z]")


def _arabic_word(word: str) -> str:
    out: list[str] = []
    for index, char in enumerate(word):
        if char == "ع":  # ayn: passports spell it as the vowel it carries at the start (Ali, Abdullah)
            out.append("a" if index == 0 else "")
        elif char in _ARABIC_ALIF:
            out.append(_ARABIC_ALIF[char])
        elif char in _ARABIC_GLIDES:
            consonant, vowel = _ARABIC_GLIDES[char]
            before = word[index - 1] if index else ""
            after = word[index + 1] if index + 1 < len(word) else ""
            glide = not before or before in _ARABIC_ALIFS or after in _ARABIC_VOWEL_LETTERS
            out.append(consonant if glide else vowel)
        else:
            out.append(_NOT_LETTER.sub("", anyascii(char)))
    return "".join(out)


_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufeff]")


def _is_arabic(text: str) -> bool:
    return _ARABIC_SCRIPT.search(text) is not None


def is_east_asian(char: str) -> bool:
    """Chinese, Japanese or Korean characters: scripts that write the family name first."""
    return "\u3040" <= char <= "\u9fff" or "\uac00" <= char <= "\ud7af" or "\uf900" <= char <= "\ufaff"


def _latin_word(word: str, *, japanese: bool) -> str:
    if _is_arabic(word):
        latin = _arabic_word(word)
        return latin[:1].upper() + latin[1:]
    if has_cyrillic(word):
        return anyascii(icao_cyrillic(word))
    if japanese and (has_han(word) or has_kana(word)):
        return romanisation.japanese(word)
    if has_han(word):
        return romanisation.pinyin(word)
    latin = anyascii(word)
    # anyascii joins syllables with capitals ("SeoYeon"); a badge writes one capital per word, also for
    # Georgian, whose everyday letters count as lower case (ნინო -> Nino).
    if (len(word) > 1 and word.isupper()) or any(is_east_asian(char) or "\u10d0" <= char <= "\u10ff" for char in word):
        return latin.capitalize()
    return latin


@lru_cache(maxsize=65536)
def to_latin(text: str, country: str = "") -> str:
    """The Latin form of a name as a passport prints it (see `romanisation`): "Ҷамшед" -> "Jamshed",
    "Яковлев" -> "Iakovlev", "高 秀珍" -> "Gao Xiuzhen", and with `country` "JP" "中村" -> "Nakamura"
    (kana in the name also marks it Japanese)."""
    text = clean(text)
    if text.isascii():
        return text
    japanese = country == "JP" or has_kana(text)
    return " ".join(_latin_word(word, japanese=japanese) for word in text.split(" ")).strip()


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case ASCII words separated by single spaces: the form every comparison uses."""
    if text.isascii():
        latin = text
    elif _is_arabic(text):
        latin = to_latin(text)
    else:
        latin = anyascii(unicodedata.normalize("NFC", text))
    return _NOT_WORD.sub(" ", latin.lower().replace("'", "")).strip()


# Ordered rewrites: the longer spellings first so "dzh" is not eaten by "zh".  German spellings
# of Russian names write Ч as "tsch" and Ш as "sch" (Rachmonow, Tschernow, Schukow).
_PHONETIC_REWRITES = (
    ("shch", "sh"),
    ("tsch", "ch"),
    ("sch", "sh"),
    ("dzh", "j"),
    ("dj", "j"),
    ("zh", "j"),
    ("kh", "h"),
    ("gh", "g"),
    ("ph", "f"),
    ("ck", "k"),
    ("ch", "c"),
    ("ts", "c"),
    ("yu", "u"),
    ("iu", "u"),
    ("ju", "u"),
    ("ya", "a"),
    ("ia", "a"),
    ("yo", "o"),
    ("ou", "u"),
    ("w", "v"),
    ("q", "k"),
    ("x", "ks"),
    ("y", "i"),
)
_ENGLISH_CH = re.compile(r"(?<!s)ch")  # not the "sch" and "tsch" of German spellings
_DOUBLED = re.compile(r"([a-z])\1+")
_VOWELS_AFTER_FIRST = re.compile(r"(?<=.)[aeiou]")


@lru_cache(maxsize=131072)
def phonetic(word: str) -> str:
    """A coarse sound key of one folded word: spelling variants of one name share it.

    After the rewrites, doubled letters collapse and vowels after the first letter drop, so
    Mohammed, Muhammad and Mukhammad all become "mhmd".  Digits pass through untouched.
    """
    if not word or word.isdigit():
        return word
    key = word
    for old, new in _PHONETIC_REWRITES:
        key = key.replace(old, new)
    key = _DOUBLED.sub(r"\1", key)
    return _VOWELS_AFTER_FIRST.sub("", key)


def sound_keys(word: str) -> tuple[str, ...]:
    """Every sound key of one folded word: "ch" is read both as in English (Chernov) and as the German
    and Polish spelling of Х (Rachmonow = Rakhmonov), so either spelling finds the other."""
    key = phonetic(word)
    as_kh = _ENGLISH_CH.sub("kh", word)
    if as_kh == word or (german := phonetic(as_kh)) == key:
        return (key,)
    return (key, german)


def name_key(*parts: str) -> str:
    """Order-free key of a person's name for duplicate detection.

    ``РАХМОНОВ Ҷамшед``, ``Rahmonov Jamshed`` and ``Jamshed  Rakhmonov`` give one key.
    """
    return " ".join(sorted(map(phonetic, fold(" ".join(parts)).split())))


@lru_cache(maxsize=4096)
def label_key(text: str) -> str:
    """Key for matching labels typed by people (headers, category names): no case, accents or punctuation.

    Cyrillic and other scripts stay as they are (only their accents go), so "Катего́рия",
    "категория" and "КАТЕГОРИЯ" share a key, and so do "Prénom" and "prenom".
    """
    decomposed = unicodedata.normalize("NFKD", text.replace("ё", "е").replace("Ё", "Е"))
    kept = "".join(char for char in decomposed if char.isalnum())
    return kept.casefold()
