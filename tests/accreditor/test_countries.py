"""Countries as registration lists write them, resolved to ISO 3166 alpha-2 codes."""

import pytest

from accreditor.countries import country_name, resolve, suggestions


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Tajikistan", "TJ"),
        ("Germany", "DE"),
        ("Japan", "JP"),
        ("Таджикистан", "TJ"),
        ("Германия", "DE"),
        ("Китай", "CN"),
        ("Tadjikistan", "TJ"),
        ("Allemagne", "DE"),
        ("Chine", "CN"),
        ("Royaume-Uni", "GB"),
    ],
)
def test_resolves_english_russian_and_french_names(written: str, code: str) -> None:
    assert resolve(written) == code


@pytest.mark.parametrize("written", ["de", "DE", "De", "deu", "DEU", "Deu"])
def test_resolves_alpha_2_and_alpha_3_in_any_case(written: str) -> None:
    assert resolve(written) == "DE"


@pytest.mark.parametrize("written", ["USA", "U.S.A.", "United States", "США", "États-Unis"])
def test_resolves_the_usual_names_of_the_united_states(written: str) -> None:
    assert resolve(written) == "US"


@pytest.mark.parametrize("written", ["Türkiye", "Turkiye", "Turkey", "Турция", "Turquie"])
def test_resolves_turkey_old_and_new(written: str) -> None:
    assert resolve(written) == "TR"


@pytest.mark.parametrize("written", ["Россия", "Российская Федерация", "Russia", "Russian Federation", "РФ"])
def test_resolves_russia(written: str) -> None:
    assert resolve(written) == "RU"


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Russie, Fédération de", "RU"),
        ("Fédération de Russie", "RU"),
        ("Corée, République de", "KR"),
        ("République de Corée", "KR"),
        ("Tanzanie, République unie de", "TZ"),
        ("République unie de Tanzanie", "TZ"),
        ("République islamique d'Iran", "IR"),
    ],
)
def test_resolves_iso_french_names_as_written_and_uninverted(written: str, code: str) -> None:
    assert resolve(written) == code


@pytest.mark.parametrize(("written", "code"), [("Swaziland", "SZ"), ("Eswatini", "SZ"), ("Burma", "MM")])
def test_resolves_former_names(written: str, code: str) -> None:
    assert resolve(written) == code


def test_ignores_case_accents_and_surrounding_spaces() -> None:
    assert resolve("  cote d'ivoire ") == resolve("CÔTE D’IVOIRE") == "CI"


@pytest.mark.parametrize("written", ["Narnia", "", "XX", "Tajikstan"])
def test_unknown_country_resolves_to_none(written: str) -> None:
    assert resolve(written) is None


def test_suggestions_for_a_typo_include_the_intended_country() -> None:
    assert "Tajikistan" in suggestions("Tajikstan")


def test_suggestions_for_a_russian_typo_include_the_intended_country() -> None:
    assert "Kazakhstan" in suggestions("Казахстн")


def test_suggestions_respect_the_limit() -> None:
    assert len(suggestions("Stan", limit=2)) <= 2


@pytest.mark.parametrize(
    ("code", "language", "name"),
    [
        ("TJ", "en", "Tajikistan"),
        ("TJ", "ru", "Таджикистан"),
        ("TJ", "fr", "Tadjikistan"),
        ("DE", "en", "Germany"),
        ("DE", "ru", "Германия"),
        ("DE", "fr", "Allemagne"),
    ],
)
def test_country_name_in_english_russian_and_french(code: str, language: str, name: str) -> None:
    assert country_name(code, language) == name


def test_country_name_prefers_the_common_name() -> None:
    assert country_name("IR") == "Iran"


def test_country_name_of_no_code_is_empty() -> None:
    assert country_name("") == ""


@pytest.mark.parametrize("code", ["TJ", "RU", "FR", "CN", "US", "KR"])
@pytest.mark.parametrize("language", ["en", "ru", "fr"])
def test_country_name_resolves_back_to_its_code(code: str, language: str) -> None:
    assert resolve(country_name(code, language)) == code
