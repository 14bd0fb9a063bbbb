"""Scanned codes: scanner noise removed, tokens verified, references and passports found."""

from datetime import date

import pytest

from accreditor.badges.printing import current_token
from accreditor.scanning import clean_scan, resolve_scan

TODAY = date(2027, 5, 3)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("]Q1AC1:ABC\t", "AC1:ABC"),
        ("]C0REG-0001\r\n", "REG-0001"),
        ("  N1234567 ", "N1234567"),
        ("\x02REG-7\x03", "REG-7"),
        ("", ""),
    ],
)
def test_clean_scan_removes_scanner_noise(raw: str, clean: str) -> None:
    assert clean_scan(raw) == clean


def test_a_badge_token_is_verified(store, add_guest_with_status) -> None:
    guest = add_guest_with_status("approved", "Rahmonov")
    with store.connect() as connection:
        token = current_token(connection, store.event_info(), guest, today=TODAY)
        result = resolve_scan(connection, "]Q1" + token + "\t", today=TODAY)

    assert (result.kind, result.guest_id, result.verdict.reason) == ("token", guest, "ok")


def test_a_forged_token_is_a_token_with_a_refusing_verdict(store, add_guest_with_status) -> None:
    guest = add_guest_with_status("approved", "Rahmonov")
    with store.connect() as connection:
        token = current_token(connection, store.event_info(), guest, today=TODAY)
        forged = token[:-1] + ("B" if token[-1] == "A" else "A")
        result = resolve_scan(connection, forged, today=TODAY)

    assert result.kind == "token"
    assert not result.verdict.valid
    assert result.guest_id is None


def test_reference_and_passport_find_the_guest(store, add_guest) -> None:
    guest = add_guest("Karimov", external_ref="REG-0042", passport_no="N7654321")
    with store.connect() as connection:
        by_reference = resolve_scan(connection, "reg-0042", today=TODAY)
        by_passport = resolve_scan(connection, "N7654321\r", today=TODAY)

    assert (by_reference.kind, by_reference.guest_id) == ("guest", guest)
    assert (by_passport.kind, by_passport.guest_id) == ("guest", guest)


@pytest.mark.parametrize("raw", ["nothing-like-this", "AC1", "x" * 5000, "\t\r\n"])
def test_anything_else_is_unknown(store, add_guest, raw: str) -> None:
    add_guest("Karimov", external_ref="REG-0042")
    with store.connect() as connection:
        assert resolve_scan(connection, raw, today=TODAY).kind == "unknown"
