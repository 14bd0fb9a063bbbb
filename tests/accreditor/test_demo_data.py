"""The demo guest list: deterministic, varied enough to exercise badges and search, and well-formed."""

from __future__ import annotations

import io
import re
import unicodedata
from collections import Counter, defaultdict

import pycountry
import pytest
from PIL import Image

from accreditor.demo_data import CATEGORIES, STATUSES, DemoGuest, demo_guests, portrait


@pytest.fixture(scope="module")
def guests() -> list[DemoGuest]:
    return demo_guests()


def _names(guest: DemoGuest) -> str:
    return f"{guest.family_name} {guest.given_name}"


def test_same_count_and_seed_give_identical_guests(guests):
    assert demo_guests() == guests
    assert demo_guests(60, seed=7) == demo_guests(60, seed=7)
    assert demo_guests(60, seed=7) != demo_guests(60, seed=8)


def test_size_and_spread(guests):
    assert len(guests) == 440
    assert len({g.country for g in guests}) >= 50
    assert len({g.organisation for g in guests}) >= 30
    assert len(demo_guests(420)) == 420


@pytest.mark.parametrize("count", [1, 7, 25])
def test_smaller_lists_still_have_the_head_of_state(count):
    small = demo_guests(count, seed=1)
    assert len(small) == count
    assert small[0].family_name_latin == "Rahmon"
    assert demo_guests(0) == []


def test_names_come_in_their_own_scripts(guests):
    names = " ".join(_names(g) for g in guests)
    assert re.search("[ҳӯғқҷӣҲӮҒҚҶӢ]", names), "Tajik Cyrillic letters"
    assert re.search("[\u0600-\u06ff]", names), "Arabic script"
    assert re.search("[\u4e00-\u9fff]", names), "Chinese characters"
    assert re.search("[\uac00-\ud7af]", names), "Hangul"
    assert re.search("[ÀÉÍÑÓÖØÜßÇŁŚŻąćęłńóśźżöüçğışø]", names), "Latin with diacritics"
    assert all(g.family_name_latin.isascii() or g.family_name_latin == g.family_name for g in guests)


def test_hard_cases_for_badges_and_search(guests):
    assert max(len(_names(g)) for g in guests) >= 45
    assert any(len(g.family_name) == 1 for g in guests)
    assert any("'" in _names(g) or "ʼ" in _names(g) for g in guests)
    assert any("-" in g.family_name for g in guests)
    assert any(g.family_name_latin.endswith("zoda") for g in guests)
    assert any(not g.given_name for g in guests), "a mononym (Indonesian style)"


def test_some_family_names_have_several_latin_spellings(guests):
    spellings: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for guest in guests:
        spellings[guest.family_name][guest.family_name_latin] += 1
    varied = {name: seen for name, seen in spellings.items() if len(seen) > 1}
    assert varied
    off_main = sum(sum(seen.values()) - max(seen.values()) for seen in varied.values())
    assert off_main < 0.1 * len(guests)


def test_no_two_guests_are_the_same_person(guests):
    assert len({(g.family_name, g.given_name) for g in guests}) == len(guests)
    assert len({(g.family_name_latin, g.given_name_latin) for g in guests}) == len(guests)


def test_identifiers_are_unique(guests):
    refs = [g.external_ref for g in guests]
    assert len(set(refs)) == len(refs) and all(re.fullmatch(r"REG-\d{4}", ref) for ref in refs)
    emails = [g.email for g in guests]
    assert len(set(emails)) == len(emails)
    passports = [g.passport_no for g in guests if g.passport_no]
    assert len(set(passports)) == len(passports)
    assert 0 < len(guests) - len(passports) < len(guests) / 4, "staff without passports, but only a few"


def test_emails_stay_on_example_domains(guests):
    for guest in guests:
        assert guest.email == guest.email.lower()
        assert re.fullmatch(r"[a-z0-9.]+@([a-z0-9-]+\.)+example\.(org|net|com)", guest.email), guest.email


def test_codes_are_valid(guests):
    assert all(pycountry.countries.get(alpha_2=g.country) for g in guests)
    assert {g.category for g in guests} == set(CATEGORIES)
    assert {g.status for g in guests} == set(STATUSES)


def test_category_mix_looks_like_a_real_event(guests):
    share = Counter(g.category for g in guests)
    expected = {"HOD": 10, "DEL": 40, "OBS": 8, "VIP": 3, "MED": 12, "ORG": 8, "STF": 7, "SEC": 4, "INT": 5, "TEC": 3}
    for category, percent in expected.items():
        assert share[category] / len(guests) * 100 == pytest.approx(percent, abs=1.5), category


def test_delegations(guests):
    for guest in guests:
        if guest.category in ("MED", "STF", "TEC", "INT", "ORG"):
            assert guest.delegation == ""
        if guest.category in ("HOD", "DEL", "VIP"):
            assert guest.delegation
    kazakhs = [g for g in guests if g.delegation == "Republic of Kazakhstan"]
    assert kazakhs and all(g.country == "KZ" for g in kazakhs)


def test_head_of_state_is_present_and_approved(guests):
    (president,) = [g for g in guests if g.position == "President of the Republic of Tajikistan"]
    assert (president.given_name, president.family_name) == ("Эмомалӣ", "Раҳмон")
    assert (president.given_name_latin, president.family_name_latin) == ("Emomali", "Rahmon")
    assert (president.category, president.status, president.title) == ("VIP", "approved", "H.E.")
    assert president.country == "TJ"
    assert all(g.status == "approved" for g in guests if g.category == "VIP")


def test_status_mix_and_reasons(guests):
    share = Counter(g.status for g in guests)
    assert share["approved"] / len(guests) == pytest.approx(0.75, abs=0.02)
    assert share["pending"] / len(guests) == pytest.approx(0.18, abs=0.02)
    assert share["rejected"] and share["revoked"]
    for guest in guests:
        assert bool(guest.status_reason) == (guest.status in ("rejected", "revoked")), guest


def test_photos_are_small_portrait_jpegs(guests):
    photos = [g.photo for g in guests if g.photo is not None]
    assert len(guests) - len(photos) == pytest.approx(0.1 * len(guests), abs=2)
    for photo in photos[:40]:
        with Image.open(io.BytesIO(photo)) as image:
            assert (image.format, image.size, image.mode) == ("JPEG", (300, 400), "RGB")
    assert max(len(photo) for photo in photos) < 15_000


def test_portrait_depends_only_on_its_arguments():
    assert portrait("ER", 1) == portrait("ER", 1)
    assert portrait("ER", 1) != portrait("EM", 1)
    with Image.open(io.BytesIO(portrait("LW", 3, size=(150, 200)))) as image:
        assert image.size == (150, 200)


def test_text_fields_are_clean(guests):
    for guest in guests:
        for value in (guest.family_name, guest.given_name, guest.position, guest.organisation, guest.notes):
            assert value == value.strip() and "  " not in value
            assert unicodedata.is_normalized("NFC", value)
        assert guest.family_name
        assert guest.title in ("H.E.", "Mr", "Ms", "Dr", "Prof.", "")
