"""The text variables a badge layout may use, and the `{variable}` templates that use them.

The registry is the contract between the data side (which fills in a value for every variable) and
layouts (which may only name registered variables), so a typo in a layout fails when it is loaded,
not halfway through a print run. Each variable has a sample value for the designer's preview.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from string import Formatter

from accreditor.errors import AccreditorError
from accreditor.text import clean


@dataclass(frozen=True, slots=True)
class Variable:
    name: str
    description: str
    sample: str


VARIABLES: Mapping[str, Variable] = {
    variable.name: variable
    for variable in (
        Variable("full_name", "The name as written, given name first, in its own script", "Ҷамшед Раҳмонов"),
        Variable("given_name", "Given name(s) as written", "Ҷамшед"),
        Variable("family_name", "Family name as written", "Раҳмонов"),
        Variable("family_name_upper", "Family name in capitals, for the large name line", "РАҲМОНОВ"),
        Variable("name_latin", "The full name in Latin letters (passport spelling)", "Jamshed Rahmonov"),
        Variable("title", "Honorific or rank (H.E., Dr., Prof.)", "H.E."),
        Variable("position", "Job title or function", "Deputy Minister of Foreign Affairs"),
        Variable("organisation", "Organisation, ministry or media outlet", "Ministry of Foreign Affairs"),
        Variable(
            "organisation_short",
            "The organisation's short form the organiser set, for when the full name does not fit",
            "MFA",
        ),
        Variable("delegation", "The delegation the guest belongs to", "Republic of Tajikistan"),
        Variable("country_name", "Country name in English", "Tajikistan"),
        Variable("country_code", "ISO 3166 alpha-3 country code", "TJK"),
        Variable("category", "Accreditation category name", "Head of Delegation"),
        Variable("event_name", "The event's name", "High-Level Conference on Countering Terrorism"),
        Variable("event_dates", "The event's dates, ready to print", "3–4 May 2027"),
        Variable("badge_no", "Badge number with its reprint serial", "000412-1"),
        Variable("zones", "Zone codes, space separated", "PLN VIP BIL"),
    )
}

# Separators a template puts between values ("{organisation} · {country_name}") that must not dangle
# when one of the values is empty.
_DANGLING = " ·•,;|/–—-"


class TemplateError(AccreditorError):
    """A text template with bad syntax or a variable the registry does not know."""


@dataclass(frozen=True, slots=True)
class Template:
    """A parsed template: literal text and variable names, alternating, ready to fill many times."""

    source: str
    parts: tuple[tuple[str, str | None], ...]

    @property
    def variables(self) -> tuple[str, ...]:
        return tuple(name for _literal, name in self.parts if name is not None)

    @property
    def is_constant(self) -> bool:
        return not self.variables

    def render(self, context: Mapping[str, str]) -> str:
        """Fill in the values (a missing value prints as nothing) and tidy spaces and dangling separators."""
        text = clean("".join(literal + (context.get(name, "") if name else "") for literal, name in self.parts))
        return text if self.is_constant else text.strip(_DANGLING)


@lru_cache(maxsize=512)
def compile_template(source: str) -> Template:
    """Parse `source`; raise TemplateError for bad braces, format specs or unknown variables."""
    try:
        pieces = list(Formatter().parse(source))
    except ValueError as error:
        raise TemplateError(f"the text “{source}” has unbalanced braces ({error}); write {{{{ for a brace") from None
    parts: list[tuple[str, str | None]] = []
    for literal, name, spec, conversion in pieces:
        if name is not None and (spec or conversion or name not in VARIABLES):
            known = ", ".join(VARIABLES)
            raise TemplateError(f"the text “{source}” uses an unknown variable {{{name}}} (known: {known})")
        parts.append((literal, name))
    return Template(source, tuple(parts))


def format_text(template: str, context: Mapping[str, str]) -> str:
    """Substitute `{variable}` placeholders in `template` with values from `context`."""
    return compile_template(template).render(context)


def sample_context() -> dict[str, str]:
    """A value for every variable, for previews and tests."""
    return {name: variable.sample for name, variable in VARIABLES.items()}
