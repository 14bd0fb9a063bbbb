"""A secret sealed with a passphrase: scrypt derives a key from the passphrase, AES-256-GCM encrypts the secret.

The event's signing keys are stored only in this form (see keys.py), so a copy of the event file, or of its
backups, gives nobody a key that signs badges without the passphrase.  A sealed value carries its own scrypt
cost and salt, so a passphrase sealed today still opens after the default cost is raised; `context` (the key's
id) is authenticated with it, so a sealed value moved to another key's row does not open there.

Layout: magic (4) | log2 N (1) | r (1) | p (1) | salt (16) | nonce (12) | ciphertext with its 16-byte tag.
"""

import os
import struct

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from accreditor.errors import AccreditorError

MAGIC = b"ACS1"
# OWASP's recommended scrypt cost for secrets behind a passphrase (128 MiB, about half a second): paid once
# when a station unlocks the key, and by an attacker for every passphrase tried.
SCRYPT_LOG2_N = 17
SCRYPT_R = 8
SCRYPT_P = 1
MIN_PASSPHRASE_LENGTH = 8
_SALT_BYTES = 16
_NONCE_BYTES = 12
_HEADER = struct.Struct(f">4sBBB{_SALT_BYTES}s{_NONCE_BYTES}s")
_MAX_LOG2_N = 22  # a forged header must not make us allocate gigabytes


class WrongPassphraseError(AccreditorError):
    """The passphrase does not open the sealed secret (or the sealed value was damaged)."""


class WeakPassphraseError(AccreditorError):
    """A new passphrase too short to protect the event's signing key."""


def check_new_passphrase(passphrase: str) -> str:
    """The passphrase to seal with, or WeakPassphraseError saying why it will not do."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise WeakPassphraseError(
            f"The passphrase must have at least {MIN_PASSPHRASE_LENGTH} characters; it protects the badge signing key."
        )
    return passphrase


def is_sealed(value: bytes) -> bool:
    return value.startswith(MAGIC) and len(value) > _HEADER.size


def seal(secret: bytes, passphrase: str, context: bytes) -> bytes:
    salt, nonce = os.urandom(_SALT_BYTES), os.urandom(_NONCE_BYTES)
    header = _HEADER.pack(MAGIC, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P, salt, nonce)
    key = _derive(passphrase, salt, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P)
    return header + AESGCM(key).encrypt(nonce, secret, header + context)


def unseal(sealed: bytes, passphrase: str, context: bytes) -> bytes:
    if not is_sealed(sealed):
        raise WrongPassphraseError("The stored signing key is not in the sealed form; the event file may be damaged.")
    _magic, log2_n, r, p, salt, nonce = _HEADER.unpack_from(sealed)
    if not (1 <= log2_n <= _MAX_LOG2_N and 1 <= r <= 32 and 1 <= p <= 16):
        raise WrongPassphraseError("The stored signing key has impossible sealing parameters; it has been altered.")
    key = _derive(passphrase, salt, log2_n, r, p)
    try:
        return AESGCM(key).decrypt(nonce, sealed[_HEADER.size :], sealed[: _HEADER.size] + context)
    except InvalidTag as error:
        raise WrongPassphraseError("The passphrase does not unlock the event's signing key.") from error


def _derive(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=2**log2_n, r=r, p=p).derive(passphrase.encode("utf-8"))
