"""Countries as ISO 3166 alpha-2 codes, recognised from what registration lists write.

Accepted: alpha-2 and alpha-3 codes, English, Russian and French names (short, common and
official, from pycountry's ISO data and translations), and the common or former names people
keep using (USA, Turkey, Россия, Swaziland…).
"""

import difflib
import gettext
from dataclasses import dataclass
from functools import cache

import pycountry

from accreditor.text import label_key

LANGUAGES = ("en", "ru", "fr")

# Names ISO does not list but registration lists use; values are alpha-2 codes.
_COMMON_NAMES = {
    "USA": "US",
    "U.S.A.": "US",
    "U.S.": "US",
    "America": "US",
    "United States": "US",
    "США": "US",
    "Соединённые Штаты Америки": "US",
    "Etats-Unis": "US",
    "Amérique": "US",
    "UK": "GB",
    "U.K.": "GB",
    "Great Britain": "GB",
    "Britain": "GB",
    "England": "GB",
    "Scotland": "GB",
    "Великобритания": "GB",
    "Англия": "GB",
    "Royaume-Uni": "GB",
    "Grande-Bretagne": "GB",
    "Russia": "RU",
    "Россия": "RU",
    "РФ": "RU",
    "Russie": "RU",
    "Turkey": "TR",
    "Turkiye": "TR",
    "Турция": "TR",
    "Турецкая Республика": "TR",
    "Iran": "IR",
    "Иран": "IR",
    "South Korea": "KR",
    "Korea": "KR",
    "Republic of Korea": "KR",
    "Южная Корея": "KR",
    "Корея": "KR",
    "Corée du Sud": "KR",
    "North Korea": "KP",
    "КНДР": "KP",
    "Северная Корея": "KP",
    "China": "CN",
    "PRC": "CN",
    "КНР": "CN",
    "Китай": "CN",
    "Chine": "CN",
    "Vietnam": "VN",
    "Вьетнам": "VN",
    "Laos": "LA",
    "Syria": "SY",
    "Сирия": "SY",
    "Syrie": "SY",
    "Moldova": "MD",
    "Молдавия": "MD",
    "Молдова": "MD",
    "Bolivia": "BO",
    "Venezuela": "VE",
    "Tanzania": "TZ",
    "Kyrgyzstan": "KG",
    "Киргизия": "KG",
    "Кыргызстан": "KG",
    "Kirghizstan": "KG",
    "Belarus": "BY",
    "Белоруссия": "BY",
    "Беларусь": "BY",
    "Biélorussie": "BY",
    "Tajikistan": "TJ",
    "Таджикистан": "TJ",
    "Тоҷикистон": "TJ",
    "Tadjikistan": "TJ",
    "Uzbekistan": "UZ",
    "Узбекистан": "UZ",
    "Ouzbékistan": "UZ",
    "Kazakhstan": "KZ",
    "Казахстан": "KZ",
    "Turkmenistan": "TM",
    "Туркменистан": "TM",
    "Туркмения": "TM",
    "Afghanistan": "AF",
    "Афганистан": "AF",
    "UAE": "AE",
    "U.A.E.": "AE",
    "Emirates": "AE",
    "ОАЭ": "AE",
    "EAU": "AE",
    "Holland": "NL",
    "The Netherlands": "NL",
    "Голландия": "NL",
    "Czech Republic": "CZ",
    "Czechia": "CZ",
    "Чехия": "CZ",
    "Tchéquie": "CZ",
    "Ivory Coast": "CI",
    "Cote d'Ivoire": "CI",
    "Кот-д'Ивуар": "CI",
    "DR Congo": "CD",
    "DRC": "CD",
    "Vatican": "VA",
    "Holy See": "VA",
    "Palestine": "PS",
    "Палестина": "PS",
    "Cape Verde": "CV",
    "East Timor": "TL",
    "Brunei": "BN",
    "Micronesia": "FM",
}


# Names of countries that have since been renamed: still accepted, but an importer says how it read them.
FORMER_NAMES = {
    "Swaziland": "SZ",
    "Свазиленд": "SZ",
    "Burma": "MM",
    "Бирма": "MM",
    "Zaire": "CD",
    "Заир": "CD",
    "Macedonia": "MK",
    "Македония": "MK",
    "Macédoine": "MK",
    "Byelorussia": "BY",
    "Belorussia": "BY",
    "Ceylon": "LK",
    "Цейлон": "LK",
}
# Misspellings seen in registration lists often enough to read them, with a word to check; any other unknown
# name stays an error with suggestions, as a guess could put a guest under the wrong flag.
MISSPELLINGS = {
    "Kyrgystan": "KG",
    "Kirgizstan": "KG",
    "Kazakstan": "KZ",
    "Khazakstan": "KZ",
    "Uzbekstan": "UZ",
    "Phillipines": "PH",
    "Philipines": "PH",
    "Columbia": "CO",
    "Luxemburg": "LU",
    "Azerbajan": "AZ",
    "Argentinia": "AR",
}


@dataclass(frozen=True, slots=True)
class CountryLookup:
    by_key: dict[str, str]
    display: dict[str, str]  # key -> the name to suggest for it
    spelling: dict[str, str]  # key -> "former" or "misspelled" for names that are not the country's own


@dataclass(frozen=True, slots=True)
class CountryReading:
    """How a written country was understood: its code, and whether the text was a former or misspelled name."""

    code: str
    spelling: str  # "current", "former" or "misspelled"


def _translations(language: str) -> gettext.NullTranslations:
    if language == "en":
        return gettext.NullTranslations()
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True)


def _names(country: object) -> list[str]:
    return [
        name for attribute in ("name", "common_name", "official_name") if (name := getattr(country, attribute, None))
    ]


def _inverted(name: str) -> str | None:
    """ISO writes some names inverted ("Russie, Fédération de"); people write "Fédération de Russie"."""
    head, comma, tail = name.partition(", ")
    return f"{tail} {head}" if comma else None


@cache
def _lookup() -> CountryLookup:
    by_key: dict[str, str] = {}
    display: dict[str, str] = {}

    def add(label: str, code: str) -> None:
        key = label_key(label)
        if key and key not in by_key:
            by_key[key] = code
            display[key] = label

    for country in pycountry.countries:
        code = country.alpha_2
        add(code, code)
        add(country.alpha_3, code)
        for language in LANGUAGES:
            translate = _translations(language).gettext
            for name in _names(country):
                local = translate(name)
                add(local, code)
                if inverted := _inverted(local):
                    add(inverted, code)
    for label, code in _COMMON_NAMES.items():
        add(label, code)
    spelling: dict[str, str] = {}
    for kind, names in (("former", FORMER_NAMES), ("misspelled", MISSPELLINGS)):
        for label, code in names.items():
            if label_key(label) not in by_key:
                add(label, code)
                spelling[label_key(label)] = kind
    return CountryLookup(by_key, display, spelling)


def resolve(text: str) -> str | None:
    """The alpha-2 code for a country as written, or None when it is not recognised."""
    return _lookup().by_key.get(label_key(text))


def read(text: str) -> CountryReading | None:
    """Like `resolve`, and says whether the text was a former name or a known misspelling of the country."""
    lookup, key = _lookup(), label_key(text)
    code = lookup.by_key.get(key)
    return None if code is None else CountryReading(code, lookup.spelling.get(key, "current"))


def suggestions(text: str, limit: int = 3) -> list[str]:
    """Country names closest to an unrecognised one, for the error message."""
    lookup = _lookup()
    keys = [key for key in lookup.by_key if len(key) > 3]
    close = difflib.get_close_matches(label_key(text), keys, n=limit * 3, cutoff=0.6)
    names: list[str] = []
    for key in close:
        name = country_name(lookup.by_key[key])
        if name not in names:
            names.append(name)
    return names[:limit]


@cache
def country_name(code: str, language: str = "en") -> str:
    """The usual name of a country in English, Russian or French ("" for an empty code)."""
    if not code:
        return ""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    name = getattr(country, "common_name", None) or country.name
    return _translations(language).gettext(name)
