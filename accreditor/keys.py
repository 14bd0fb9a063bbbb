"""The event's Ed25519 keys that sign badge tokens, and the public-key file a gate verifies with.

The private keys stay in the event database, sealed with the event's passphrase (sealing.py): the database
holds no usable private key.  A station unlocks the active key once per session (`unlock`, or the passphrase
source a front end registers: the command line's --passphrase-file or ACCREDITOR_KEY_PASSPHRASE), and only an
unlocked key signs.  A gate gets `export_public_pem`'s file: public keys only, each with the key id that tokens
name it by.  Rotating adds a new active key and keeps the older ones valid (badges already printed still scan);
retiring a key makes its badges invalid; changing the passphrase re-seals every key and changes no public key.
"""

import hashlib
import re
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, rsa, x448, x25519
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import Connection, Row, insert, select, update

from accreditor import audit, dialects, schema, sealing
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


class KeyLockedError(AccreditorError):
    """The signing key is sealed and this session has not unlocked it: nothing can be signed."""


LOCKED_MESSAGE = (
    "The badge signing key is locked; unlock it with the event's passphrase "
    "(on the command line: --passphrase-file or ACCREDITOR_KEY_PASSPHRASE). Nothing was signed."
)

PassphraseSource = Callable[[], str | None]

# Private keys this process has unlocked, by (event uid, key id): the session's keys, never written anywhere.
_unlocked: dict[tuple[str, str], Ed25519PrivateKey] = {}
_unlocked_guard = threading.Lock()
_passphrase_source: PassphraseSource | None = None


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


def create_signing_key(connection: Connection, passphrase: str, *, now: datetime | None = None) -> str:
    """A new active key, sealed with `passphrase` and unlocked for this session; the previously active one
    stays valid for the badges it signed."""
    table = schema.signing_keys
    taken = set(connection.execute(select(table.c.key_id)).scalars())
    material = new_key_material()
    while material.key_id in taken:  # a 32-bit id: a collision is rare, but must not end in an error
        material = new_key_material()
    connection.execute(update(table).where(table.c.active.is_(True)).values(active=False))
    connection.execute(
        insert(table).values(
            key_id=material.key_id,
            sealed_private_key=seal_seed(material.seed, passphrase, material.key_id),
            public_key=material.public_key,
            created_at=now or utc_now(),
            active=True,
        )
    )
    _remember(event_uid(connection), material.key_id, Ed25519PrivateKey.from_private_bytes(material.seed))
    return material.key_id


def seal_seed(seed: bytes, passphrase: str, key_id: str) -> bytes:
    """A private key's seed as the database stores it: sealed, bound to its key id."""
    return sealing.seal(seed, passphrase, key_id.encode("ascii"))


def rotate(connection: Connection, actor: str, passphrase: str) -> str:
    """A new signing key for badges printed from now on, recorded in the audit log.

    The passphrase must open the current key: every key of an event is sealed with the same passphrase.
    """
    require(actor, Permission.MANAGE_KEYS, "rotate the signing key")
    table = schema.signing_keys
    previous = connection.execute(select(table).where(table.c.active.is_(True))).one_or_none()
    if previous is not None:
        _unseal_row(previous, passphrase)
    key_id = create_signing_key(connection, passphrase)
    audit.record(
        connection,
        actor,
        "keys.rotated",
        key_id=key_id,
        previous_key_id=previous.key_id if previous is not None else None,
    )
    return key_id


def change_passphrase(connection: Connection, actor: str, old: str, new: str) -> int:
    """Seal every key of the event with `new` instead of `old`; public keys (and so every badge) are unchanged.

    The old sealed values are overwritten on disk, not only marked free (see dialects.erase_freed_content).
    Returns how many keys were re-sealed.
    """
    require(actor, Permission.MANAGE_KEYS, "change the key passphrase")
    sealing.check_new_passphrase(new)
    table = schema.signing_keys
    rows = connection.execute(select(table).order_by(table.c.created_at, table.c.key_id)).all()
    seeds = {row.key_id: _unseal_row(row, old) for row in rows}  # all opened before anything is written
    dialects.erase_freed_content(connection)
    for key_id, seed in seeds.items():
        connection.execute(
            update(table).where(table.c.key_id == key_id).values(sealed_private_key=seal_seed(seed, new, key_id))
        )
    audit.record(connection, actor, "keys.passphrase_changed", keys=len(seeds))
    return len(seeds)


def set_passphrase_source(source: PassphraseSource | None) -> PassphraseSource | None:
    """Where a locked key's passphrase comes from when something must be signed (the command line's options
    and environment); None: only `unlock` opens keys (the desktop app asks its user once).  Returns the
    source it replaces."""
    global _passphrase_source
    previous, _passphrase_source = _passphrase_source, source
    return previous


def passphrase_from_source() -> str | None:
    return _passphrase_source() if _passphrase_source is not None else None


def unlock(connection: Connection, passphrase: str) -> str:
    """Open the active key with `passphrase` for this session; returns its key id.

    A wrong passphrase raises sealing.WrongPassphraseError and leaves the key locked.
    """
    row = _active_row(connection)
    private_key = Ed25519PrivateKey.from_private_bytes(_unseal_row(row, passphrase))
    _remember(event_uid(connection), row.key_id, private_key)
    return row.key_id


def lock_all() -> None:
    """Forget every unlocked key (a user logs out, a station is left alone)."""
    with _unlocked_guard:
        _unlocked.clear()


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
    with _unlocked_guard:
        _unlocked.pop((event_uid(connection), key_id), None)


def signing_keys(connection: Connection) -> list[SigningKeyInfo]:
    """Every key of the event, oldest first."""
    table = schema.signing_keys
    rows = connection.execute(select(table).order_by(table.c.created_at, table.c.key_id))
    return [SigningKeyInfo(row.key_id, row.created_at, row.active, row.retired_at) for row in rows]


def active_signing_key(connection: Connection) -> tuple[str, Ed25519PrivateKey]:
    """The key that signs new badges, unlocked (from the passphrase source if needed) or KeyLockedError."""
    row = _active_row(connection)
    uid = event_uid(connection)
    with _unlocked_guard:
        private_key = _unlocked.get((uid, row.key_id))
    if private_key is None:
        passphrase = passphrase_from_source()
        if passphrase is None:
            raise KeyLockedError(LOCKED_MESSAGE)
        unlock(connection, passphrase)
        with _unlocked_guard:
            private_key = _unlocked[(uid, row.key_id)]
    if private_key.public_key().public_bytes_raw() != row.public_key:
        raise AccreditorError(f"Signing key {row.key_id} no longer matches its public key; the event file was altered.")
    return row.key_id, private_key


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


def _remember(uid: str, key_id: str, private_key: Ed25519PrivateKey) -> None:
    with _unlocked_guard:
        _unlocked[(uid, key_id)] = private_key


def _unseal_row(row: Row, passphrase: str) -> bytes:
    """The seed of a `signing_keys` row; WrongPassphraseError when `passphrase` does not open it."""
    seed = sealing.unseal(row.sealed_private_key, passphrase, row.key_id.encode("ascii"))
    public = Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes_raw()
    if public != row.public_key:
        raise AccreditorError(f"Signing key {row.key_id} does not match its public key; the event file was altered.")
    return seed


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
