"""The sealed form of a signing key: only the right passphrase, for the right key, opens it."""

import subprocess
import sys

import pytest

from accreditor import sealing


def test_a_sealed_secret_opens_with_its_passphrase_and_context() -> None:
    sealed = sealing.seal(b"\x01" * 32, "correct horse", b"k1")

    assert sealing.is_sealed(sealed)
    assert b"\x01" * 32 not in sealed
    assert sealing.unseal(sealed, "correct horse", b"k1") == b"\x01" * 32


@pytest.mark.parametrize(("passphrase", "context"), [("wrong horse", b"k1"), ("correct horse", b"k2")])
def test_another_passphrase_or_another_key_id_does_not_open_it(passphrase: str, context: bytes) -> None:
    sealed = sealing.seal(b"\x01" * 32, "correct horse", b"k1")

    with pytest.raises(sealing.WrongPassphraseError):
        sealing.unseal(sealed, passphrase, context)


def test_a_changed_byte_anywhere_is_refused() -> None:
    sealed = sealing.seal(b"\x01" * 32, "correct horse", b"k1")
    for index in range(4, len(sealed)):
        damaged = sealed[:index] + bytes([sealed[index] ^ 1]) + sealed[index + 1 :]
        with pytest.raises(sealing.WrongPassphraseError):
            sealing.unseal(damaged, "correct horse", b"k1")


def test_a_raw_key_is_not_taken_for_a_sealed_one() -> None:
    with pytest.raises(sealing.WrongPassphraseError, match="not in the sealed form"):
        sealing.unseal(b"\x01" * 32, "correct horse", b"k1")


def test_a_sealed_value_carries_its_own_cost(monkeypatch: pytest.MonkeyPatch) -> None:
    sealed = sealing.seal(b"\x02" * 32, "correct horse", b"k1")
    monkeypatch.setattr(sealing, "SCRYPT_LOG2_N", sealing.SCRYPT_LOG2_N + 1)

    assert sealing.unseal(sealed, "correct horse", b"k1") == b"\x02" * 32


def test_the_shipped_cost_is_owasps_scrypt_recommendation() -> None:
    # The suite seals with a cheaper cost (tests/conftest.py); a fresh interpreter sees the shipped one.
    shipped = subprocess.run(
        [sys.executable, "-c", "from accreditor import sealing as s; print(s.SCRYPT_LOG2_N, s.SCRYPT_R, s.SCRYPT_P)"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert shipped.stdout.split() == ["17", "8", "1"]


def test_a_short_new_passphrase_is_refused() -> None:
    with pytest.raises(sealing.WeakPassphraseError, match="at least 8 characters"):
        sealing.check_new_passphrase("short")
