"""The event's Ed25519 keys that sign badge tokens, and the public-key file a gate verifies with.

The private keys stay in the event database.  A gate gets `export_public_pem`'s file: public keys
only, each with the key id that tokens name it by.  Rotating adds a new active key and keeps the
older ones valid (badges already printed still scan); retiring a key makes its badges invalid.
"""

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, rsa, x448, x25519
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import Connection, Row, insert, select, update

from accreditor import audit, schema
from accreditor.clock import utc_now
from accreditor.errors import AccreditorError, NotFoundError
from accreditor.roles import Permission, require

EVENT_UID_META_KEY = "event_uid"
EVENT_UID_BYTES = 4
KEY_ID_BYTES = 4
PUBLIC_KEY_BYTES = 32

PEM_EVENT_HEADER = "Accreditor-Event:"
PEM_KEY_ID_HEADER = "Key-Id:"
_PEM_PUBLIC_LABEL = "PUBLIC KEY"
_PEM_BLOCK = re.compile(r"-----BEGIN ([^\r\n-]+)-----\r?\n(.*?)-----END \1-----", re.DOTALL)
_PEM_BEGIN = re.compile(r"-----BEGIN ")
_EVENT_UID = re.compile(rf"[0-9a-f]{{{2 * EVENT_UID_BYTES}}}")
_OTHER_ALGORITHMS: tuple[tuple[type, str], ...] = (
    (rsa.RSAPublicKey, "an RSA"),
    (ec.EllipticCurvePublicKey, "an elliptic-curve (ECDSA)"),
    (dsa.DSAPublicKey, "a DSA"),
    (ed448.Ed448PublicKey, "an Ed448"),
    (x25519.X25519PublicKey, "an X25519"),
    (x448.X448PublicKey, "an X448"),
)


class KeyFileError(AccreditorError):
    """A public-key file that cannot be used to verify badges."""


@dataclass(frozen=True, slots=True)
class KeyMaterial:
    """A freshly generated key pair in the raw form the database stores."""

    key_id: str
    seed: bytes
    public_key: bytes


@dataclass(frozen=True, slots=True)
class SigningKeyInfo:
    """What an organiser sees of a key (never the private part)."""

    key_id: str
    created_at: datetime
    active: bool
    retired_at: datetime | None


def key_id_for(public_key_raw: bytes) -> str:
    """Derived from the key itself, so a key id in a token or a file can always be re-checked."""
    if len(public_key_raw) != PUBLIC_KEY_BYTES:
        raise ValueError(f"an Ed25519 public key has {PUBLIC_KEY_BYTES} bytes, not {len(public_key_raw)}")
    return hashlib.sha256(public_key_raw).digest()[:KEY_ID_BYTES].hex()


def new_key_material() -> KeyMaterial:
    private_key = Ed25519PrivateKey.generate()
    public_raw = private_key.public_key().public_bytes_raw()
    return KeyMaterial(key_id_for(public_raw), private_key.private_bytes_raw(), public_raw)


def new_event_uid() -> str:
    """Random, so two events (even copies of one template) never accept each other's badges."""
    return secrets.token_hex(EVENT_UID_BYTES)


def create_signing_key(connection: Connection, *, now: datetime | None = None) -> str:
    """A new active key; the previously active one stays valid for the badges it signed."""
    table = schema.signing_keys
    taken = set(connection.execute(select(table.c.key_id)).scalars())
    material = new_key_material()
    while material.key_id in taken:  # a 32-bit id: a collision is rare, but must not end in an error
        material = new_key_material()
    connection.execute(update(table).where(table.c.active.is_(True)).values(active=False))
    connection.execute(
        insert(table).values(
            key_id=material.key_id,
            private_key=material.seed,
            public_key=material.public_key,
            created_at=now or utc_now(),
            active=True,
        )
    )
    return material.key_id


def rotate(connection: Connection, actor: str) -> str:
    """A new signing key for badges printed from now on, recorded in the audit log."""
    require(actor, Permission.MANAGE_KEYS, "rotate the signing key")
    table = schema.signing_keys
    previous = connection.execute(select(table.c.key_id).where(table.c.active.is_(True))).scalar_one_or_none()
    key_id = create_signing_key(connection)
    audit.record(connection, actor, "keys.rotated", key_id=key_id, previous_key_id=previous)
    return key_id


def retire(connection: Connection, key_id: str, actor: str) -> None:
    """Stop accepting every badge signed by `key_id` (a key that may have leaked)."""
    require(actor, Permission.MANAGE_KEYS, "retire signing keys")
    table = schema.signing_keys
    row = connection.execute(select(table).where(table.c.key_id == key_id)).one_or_none()
    if row is None:
        raise NotFoundError(f"The event has no signing key {key_id!r}.")
    if row.active:
        raise AccreditorError(f"Key {key_id} signs new badges; rotate to a new key before retiring it.")
    if row.retired_at is not None:
        raise AccreditorError(f"Key {key_id} was already retired on {row.retired_at:%Y-%m-%d %H:%M} UTC.")
    connection.execute(update(table).where(table.c.key_id == key_id).values(retired_at=utc_now()))
    audit.record(connection, actor, "keys.retired", key_id=key_id)


def signing_keys(connection: Connection) -> list[SigningKeyInfo]:
    """Every key of the event, oldest first."""
    table = schema.signing_keys
    rows = connection.execute(select(table).order_by(table.c.created_at, table.c.key_id))
    return [SigningKeyInfo(row.key_id, row.created_at, row.active, row.retired_at) for row in rows]


def active_signing_key(connection: Connection) -> tuple[str, Ed25519PrivateKey]:
    row = _active_row(connection)
    return row.key_id, Ed25519PrivateKey.from_private_bytes(row.private_key)


def keyring(connection: Connection) -> dict[str, Ed25519PublicKey]:
    """Every key whose badges are still accepted: all but the retired ones."""
    return {key_id: key for key_id, key in _valid_public_keys(connection)}


def event_uid(connection: Connection) -> str:
    value = connection.execute(
        select(schema.meta.c.value).where(schema.meta.c.key == EVENT_UID_META_KEY)
    ).scalar_one_or_none()
    if value is None or not _EVENT_UID.fullmatch(value):
        raise AccreditorError("The event has no valid event uid; the event file may be damaged.")
    return value


def export_public_pem(connection: Connection) -> bytes:
    """The file a gate verifies badges with: public keys only, safe to copy to any laptop."""
    lines = [
        "Accreditor badge verification keys: public keys only, safe to copy to the gates.",
        f"{PEM_EVENT_HEADER} {event_uid(connection)}",
        "",
    ]
    for key_id, key in _valid_public_keys(connection):
        pem = key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        lines += [f"{PEM_KEY_ID_HEADER} {key_id}", pem.decode("ascii").rstrip("\n"), ""]
    return "\n".join(lines).encode("ascii")


def load_public_pem(data: bytes) -> tuple[str | None, dict[str, Ed25519PublicKey]]:
    """(event uid if the file states one, keyring) from a file made by `export_public_pem`.

    Key ids are computed from the keys; a stated `Key-Id:` that disagrees means an edited file
    and is refused rather than ignored.
    """
    try:
        text = data.decode("ascii")
    except UnicodeDecodeError as error:
        raise KeyFileError("The key file is not a PEM text file.") from error
    blocks = list(_PEM_BLOCK.finditer(text))
    if len(_PEM_BEGIN.findall(text)) != len(blocks):
        raise KeyFileError("The key file has a PEM block without its END line; it may be truncated.")
    if not blocks:
        raise KeyFileError("The key file contains no PEM public key.")
    loaded: dict[str, Ed25519PublicKey] = {}
    text_before = 0
    for block in blocks:
        key = _load_public_block(block)
        key_id = key_id_for(key.public_bytes_raw())
        stated = _last_header(text[text_before : block.start()], PEM_KEY_ID_HEADER)
        if stated is not None and stated != key_id:
            raise KeyFileError(f"The key file states Key-Id {stated} for key {key_id}; the file has been altered.")
        loaded[key_id] = key
        text_before = block.end()
    return _stated_event_uid(text), loaded


def _active_row(connection: Connection) -> Row:
    table = schema.signing_keys
    row = connection.execute(select(table).where(table.c.active.is_(True), table.c.retired_at.is_(None))).one_or_none()
    if row is None:
        raise AccreditorError("The event has no active signing key; rotate to create one.")
    return row


def _valid_public_keys(connection: Connection) -> list[tuple[str, Ed25519PublicKey]]:
    table = schema.signing_keys
    rows = connection.execute(
        select(table.c.key_id, table.c.public_key)
        .where(table.c.retired_at.is_(None))
        .order_by(table.c.created_at, table.c.key_id)
    )
    return [(row.key_id, Ed25519PublicKey.from_public_bytes(row.public_key)) for row in rows]


def _load_public_block(block: re.Match[str]) -> Ed25519PublicKey:
    label = block.group(1)
    if "PRIVATE" in label:
        raise KeyFileError("The key file contains a private key; give the gates the exported public keys only.")
    if label != _PEM_PUBLIC_LABEL:
        raise KeyFileError(f"The key file contains a {label} block, not an Ed25519 public key.")
    try:
        key = serialization.load_pem_public_key(block.group(0).encode("ascii"))
    except (ValueError, UnsupportedAlgorithm) as error:
        raise KeyFileError("The key file contains a public key that cannot be read.") from error
    if not isinstance(key, Ed25519PublicKey):
        kind = next((name for cls, name in _OTHER_ALGORITHMS if isinstance(key, cls)), "another kind of")
        raise KeyFileError(f"The key file contains {kind} key; badge keys are Ed25519.")
    return key


def _header_values(text: str, header: str) -> list[str]:
    return [line.strip()[len(header) :].strip() for line in text.splitlines() if line.strip().startswith(header)]


def _last_header(text: str, header: str) -> str | None:
    values = _header_values(text, header)
    return values[-1] if values else None


def _stated_event_uid(text: str) -> str | None:
    stated = set(_header_values(text, PEM_EVENT_HEADER))
    if len(stated) > 1:
        raise KeyFileError("The key file names more than one event.")
    uid = stated.pop() if stated else None
    if uid is not None and not _EVENT_UID.fullmatch(uid):
        raise KeyFileError(
            f"The key file's event uid {uid!r} is not {2 * EVENT_UID_BYTES} lowercase hexadecimal digits."
        )
    return uid
