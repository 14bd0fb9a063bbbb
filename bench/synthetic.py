"""Synthetic registration lists of any size, in the mix of scripts a real event has."""

import random
from collections.abc import Iterator

FAMILY = (
    "Rahmonov",
    "Раҳимов",
    "Ҷалолов",
    "Қодиров",
    "Ғафуров",
    "Smith",
    "Müller",
    "Dubois",
    "Иванов",
    "Петрова",
    "Назаров",
    "Ёқубов",
    "الحسيني",
    "الهاشمي",
    "عبد الله",
    "王",
    "李",
    "张",
    "Kowalski",
    "García",
    "Nakamura",
    "Ким",
    "Yusupov",
    "Karimova",
    "Hasanov",
    "Østergaard",
    "Çelik",
    "O'Brien",
    "Nuñez",
    "Абдуллоев",
)
GIVEN = (
    "Jamshed",
    "Ҷаҳонгир",
    "Ӯмед",
    "Ҳусейн",
    "Anna",
    "Pierre",
    "Olga",
    "Дилноза",
    "Фаррух",
    "أحمد",
    "فاطمة",
    "伟",
    "秀英",
    "John",
    "Maria",
    "Shirin",
    "Bahrom",
    "Zarina",
    "Луиза",
    "Максим",
    "Yusuf",
    "Mohammed",
)
ORGANISATIONS = (
    "UNOCT",
    "OSCE Programme Office in Dushanbe",
    "SCO RATS",
    "CIS ATC",
    "UNODC",
    "UNDP",
    "European Union",
    "Interpol",
    "Ministry of Foreign Affairs",
    "Министерство иностранных дел",
    "Asia-Plus",
    "Xinhua",
)
COUNTRIES = (
    "Tajikistan",
    "TJ",
    "Russia",
    "Россия",
    "KGZ",
    "United States",
    "France",
    "Germany",
    "China",
    "Uzbekistan",
    "Kazakhstan",
    "Türkiye",
    "Afghanistan",
    "Iran",
    "Pakistan",
    "India",
    "Japan",
)
# Second given names (patronymics, middle names) make every generated person distinct.
MIDDLE = (
    "Saidovich",
    "Сафарович",
    "Rustamovna",
    "Ҷалолович",
    "Ali",
    "Nadia",
    "Петрович",
    "Ивановна",
    "bin Salman",
    "James",
    "Kwon",
    "Karimovich",
    "Ҳасанович",
    "Ines",
    "Paul",
    "Sofia",
    "Farhod",
    "Нуриддинович",
    "Elena",
    "Omar",
    "Викторовна",
    "Davlat",
    "Bakhtiyor",
    "Hope",
    "Ruth",
    "Timur",
    "Азиз",
    "Nodir",
    "Kamol",
    "Lola",
    "Zahra",
    "Ибрагим",
    "Hugo",
    "Chloé",
    "Jonas",
    "Emma",
    "Noah",
    "Mia",
    "Zayd",
    "Amina",
)
CATEGORIES = ("Delegate", "Head of Delegation", "Observer", "Media", "Делегат", "Staff", "Interpreter")
HEADER = ("Surname", "Given name", "Organisation", "Country", "Category", "Passport", "E-mail")


def rows(count: int, seed: int = 7) -> Iterator[tuple[str, ...]]:
    """`count` distinct guests (unique name, passport and e-mail), deterministic for a seed.

    Name and organisation are read off the guest's number in mixed radix, so no two guests share
    them (up to 316,800 guests); the rest is drawn at random.
    """
    pick = random.Random(seed).choice
    for number in range(count):
        family = FAMILY[number % len(FAMILY)]
        rest = number // len(FAMILY)
        given = GIVEN[rest % len(GIVEN)]
        rest //= len(GIVEN)
        organisation = ORGANISATIONS[rest % len(ORGANISATIONS)]
        middle = MIDDLE[(rest // len(ORGANISATIONS)) % len(MIDDLE)]
        yield (
            family,
            f"{given} {middle}",
            organisation,
            pick(COUNTRIES),
            pick(CATEGORIES),
            f"P{number:08d}",
            f"guest{number}@example.org",
        )
