"""Rules for guest data as typed or imported: the same rules for the importer and the guest form.

`validate` takes raw text per field and returns clean `GuestFields` or the field errors, each
saying what is wrong in one sentence and, where it helps, what would be right.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass

from email_validator import EmailNotValidError, validate_email

from accreditor import countries
from accreditor.categories import CategoryMatcher
from accreditor.guests import FIELD_NAMES, GuestFields
from accreditor.text import clean, to_latin

# Longest text accepted per field: enough for any real value, small enough that a pasted
# document or a hostile 100,000-character cell is refused rather than stored and printed.
MAX_LENGTH = {"notes": 2000, "organisation": 300, "delegation": 300, "position": 300}
DEFAULT_MAX_LENGTH = 150
_SHORTEST_LIMIT = min(DEFAULT_MAX_LENGTH, *MAX_LENGTH.values())

# Plain ASCII addresses (nearly all of them) are certainly valid when they match this; only the
# rest pay for the full check.
_PLAIN_EMAIL = re.compile(
    r"^[A-Za-z0-9_%+-]+(\.[A-Za-z0-9_%+-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,63}$"
)
_PHONE = re.compile(r"^\+?[0-9 ()./-]{5,30}$")
_PASSPORT = re.compile(r"^[A-Z0-9<-]{3,20}$")
# Spreadsheet programs strip leading zeros and add ".0" to numbers; registration systems add noise.
_PASSPORT_NOISE = re.compile(r"[\s./-]")


@dataclass(frozen=True, slots=True)
class FieldError:
    field: str
    value: str
    message: str


def _check_email(value: str) -> tuple[str, str | None]:
    if not value:
        return "", None
    if len(value) <= 254 and _PLAIN_EMAIL.match(value):
        return value.lower(), None
    try:
        checked = validate_email(value, check_deliverability=False, test_environment=True)
    except EmailNotValidError as error:
        return value, f"{value!r} is not a valid e-mail address: {error}"
    return checked.normalized.lower(), None


def _check_passport(value: str) -> tuple[str, str | None]:
    number = _PASSPORT_NOISE.sub("", value).upper()
    if number.endswith(".0") and number[:-2].isdigit():
        number = number[:-2]
    if number and not _PASSPORT.match(number):
        return value, f"{value!r} does not look like a passport or ID number (3–20 letters and digits)."
    return number, None


def _check_phone(value: str) -> tuple[str, str | None]:
    if value and not _PHONE.match(value):
        return value, f"{value!r} is not a phone number."
    return value, None


def _check_country(value: str) -> tuple[str, str | None]:
    if not value:
        return "", None
    code = countries.resolve(value)
    if code:
        return code, None
    close = countries.suggestions(value)
    hint = f"; did you mean {' or '.join(close)}?" if close else "; use the country name or its ISO code."
    return value, f"Unknown country {value!r}{hint}"


def validate(
    raw: Mapping[str, str], matcher: CategoryMatcher, *, default_category: str = "DEL"
) -> tuple[GuestFields | None, list[FieldError]]:
    """Clean and check one guest's fields; returns (fields, []) or (None, errors)."""
    values = {name: clean(text) if (text := raw.get(name)) else "" for name in FIELD_NAMES}  # most are empty
    errors: list[FieldError] = []

    def fail(field: str, message: str) -> None:
        errors.append(FieldError(field, values[field], message))

    if max(map(len, values.values())) > _SHORTEST_LIMIT:  # nearly every row stops here, in one pass at C speed
        for name, value in values.items():
            limit = MAX_LENGTH.get(name, DEFAULT_MAX_LENGTH)
            if len(value) > limit:
                fail(name, f"The {name.replace('_', ' ')} is {len(value):,} characters long; at most {limit} fit.")
                values[name] = value[:limit]
    if not values["family_name"] and not values["given_name"]:
        fail("family_name", "The guest has no name.")
    elif not values["family_name"]:
        # One-name people (common in Indonesia, Afghanistan) are written as a family name.
        values["family_name"], values["given_name"] = values["given_name"], ""

    for field, check in (
        ("email", _check_email),
        ("passport_no", _check_passport),
        ("phone", _check_phone),
        ("country", _check_country),
    ):
        values[field], problem = check(values[field])
        if problem:
            fail(field, problem)

    category = values["category"]
    code = matcher.match(category) if category else default_category
    if code is None:
        fail("category", f"Unknown category {category!r}; the event has {matcher.known_names()}.")
    else:
        values["category"] = code

    if errors:
        return None, errors
    for written, latin in (("family_name", "family_name_latin"), ("given_name", "given_name_latin")):
        values[latin] = values[latin] or to_latin(values[written], values["country"])
    return GuestFields(**values), []
