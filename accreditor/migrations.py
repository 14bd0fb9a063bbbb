"""Forward migrations of the event schema.

`STEPS[n]` upgrades a database from schema version n to n + 1 inside the caller's
transaction.  A file from an older version is migrated when it is opened; the original is
kept beside it as a backup first (see store.py).

A step creates tables from its own frozen definition, not from schema.py: schema.py describes
the newest version, and a later change to a table must not change what an earlier step builds.
"""

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Connection,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    column,
    insert,
    select,
    table,
    update,
)

from accreditor import audit, dialects, keys, schema, sealing
from accreditor.clock import utc_now
from accreditor.errors import AccreditorError, EventFileError

Step = Callable[[Connection], None]


class PassphraseRequiredError(EventFileError):
    """The event must be upgraded, which seals its signing key, and no passphrase was given for it."""


# -- 1 → 2: signed badge tokens ------------------------------------------------------------------

_V2 = MetaData(naming_convention=schema.metadata.naming_convention)
_V2_SIGNING_KEYS = Table(
    "signing_keys",
    _V2,
    Column("key_id", String(16), primary_key=True),
    Column("private_key", LargeBinary, nullable=False),
    Column("public_key", LargeBinary, nullable=False),
    Column("created_at", schema.UtcDateTime, nullable=False),
    Column("active", Boolean, nullable=False),
    Column("retired_at", schema.UtcDateTime),
)
Index(
    "uq_signing_keys_active",
    _V2_SIGNING_KEYS.c.active,
    unique=True,
    sqlite_where=_V2_SIGNING_KEYS.c.active,
    postgresql_where=_V2_SIGNING_KEYS.c.active,
)


def _add_signing_keys(connection: Connection) -> None:
    """The event uid and a first Ed25519 key, so an existing event can print signed badges."""
    _V2_SIGNING_KEYS.create(connection)
    connection.execute(insert(schema.meta).values(key=keys.EVENT_UID_META_KEY, value=keys.new_event_uid()))
    material = keys.new_key_material()
    connection.execute(
        insert(_V2_SIGNING_KEYS).values(
            key_id=material.key_id,
            private_key=material.seed,
            public_key=material.public_key,
            created_at=utc_now(),
            active=True,
        )
    )


# -- 2 → 3: the gate scan log ---------------------------------------------------------------------

_V3 = MetaData(naming_convention=schema.metadata.naming_convention)
_V3_SCANS = Table(
    "scans",
    _V3,
    Column("id", Integer, primary_key=True),
    Column("nonce", String(32), nullable=False),
    Column("at", schema.UtcDateTime, nullable=False),
    Column("gate", Text, nullable=False),
    Column("zone", String(16), nullable=False),
    Column("direction", String(4), nullable=False),
    Column("station", Text, nullable=False),
    Column("operator", Text, nullable=False),
    Column("colour", String(6), nullable=False),
    Column("reason", String(32), nullable=False),
    Column("guest_id", Integer),
    Column("serial", Integer),
    Column("code_hash", String(64), nullable=False),
    Column("override_reason", Text, nullable=False),
    CheckConstraint("colour IN ('green', 'orange', 'red')", name="colour"),
    CheckConstraint("direction IN ('in', 'out', 'both')", name="direction"),
    Index("uq_scans_nonce", "nonce", unique=True),
    Index("ix_scans_guest_id", "guest_id"),
    Index("ix_scans_at", "at"),
)


def _add_scans(connection: Connection) -> None:
    """An empty, append-only scan log: the event's gates record every scan from now on."""
    _V3_SCANS.create(connection)
    dialects.install_append_only_trigger(connection, "scans")


# -- 3 → 4: organisations' short forms for badges ----------------------------------------------------

_V4 = MetaData(naming_convention=schema.metadata.naming_convention)
_V4_ORGANISATION_SHORT_NAMES = Table(
    "organisation_short_names",
    _V4,
    Column("organisation", Text, primary_key=True),
    Column("short_name", Text, nullable=False),
)


def _add_organisation_short_names(connection: Connection) -> None:
    """An empty table of short forms: badges print full organisation names until the organiser sets some."""
    _V4_ORGANISATION_SHORT_NAMES.create(connection)


# -- 4 → 5: users and their roles ------------------------------------------------------------------------

_V5 = MetaData(naming_convention=schema.metadata.naming_convention)
_V5_USERS = Table(
    "users",
    _V5,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("role", String(16), nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("active", Boolean, nullable=False),
    Column("created_at", schema.UtcDateTime, nullable=False),
    Column("password_changed_at", schema.UtcDateTime, nullable=False),
    CheckConstraint("role IN ('organiser', 'accreditation', 'desk', 'security', 'viewer')", name="role"),
    Index("uq_users_name", "name", unique=True),
)


def _add_users(connection: Connection) -> None:
    """An empty users table: the event keeps working without logins until an organiser adds the first user."""
    _V5_USERS.create(connection)


# -- 5 → 6: signing keys sealed with a passphrase, the audit log chained ----------------------------------

# The version from which the signing keys are sealed: upgrading an older event needs a passphrase.
SEALED_KEYS_VERSION = 6

_V6 = MetaData(naming_convention=schema.metadata.naming_convention)
_V6_AUDIT_HEAD = Table(
    "audit_head",
    _V6,
    Column("id", Integer, primary_key=True),
    Column("last_id", Integer, nullable=False),
    Column("hash", String(64), nullable=False),
    Column("entries", Integer, nullable=False),
    CheckConstraint("id = 1", name="single_row"),
)
_V6_SIGNING_KEYS = table(
    "signing_keys", column("key_id"), column("sealed_private_key", LargeBinary), column("public_key", LargeBinary)
)


def _seal_keys_and_chain_audit(connection: Connection, passphrase: str) -> None:
    """Seal every raw private key with `passphrase` (overwriting the raw bytes), and chain the audit log.

    A key already sealed (a backup whose keys were sealed when its event was upgraded) must open with
    `passphrase`; it is kept as it is.
    """
    dialects.erase_freed_content(connection)
    connection.exec_driver_sql("ALTER TABLE signing_keys RENAME COLUMN private_key TO sealed_private_key")
    for row in connection.execute(select(_V6_SIGNING_KEYS)).all():
        sealed = seal_raw_key(row.key_id, row.sealed_private_key, row.public_key, passphrase)
        if sealed != row.sealed_private_key:
            connection.execute(
                update(_V6_SIGNING_KEYS)
                .where(_V6_SIGNING_KEYS.c.key_id == row.key_id)
                .values(sealed_private_key=sealed)
            )
    for name in ("prev_hash", "hash"):
        connection.exec_driver_sql(f"ALTER TABLE audit_log ADD COLUMN {name} VARCHAR(64) NOT NULL DEFAULT ''")
    _V6_AUDIT_HEAD.create(connection)
    dialects.drop_append_only_trigger(connection, "audit_log")
    audit.chain_existing(connection)
    dialects.install_append_only_trigger(connection, "audit_log")


def seal_raw_key(key_id: str, stored: bytes, public_key: bytes, passphrase: str) -> bytes:
    """The sealed form of a stored private key: sealed now if it was raw, checked against `passphrase` if not."""
    if sealing.is_sealed(stored):
        sealing.unseal(stored, passphrase, key_id.encode("ascii"))
        return stored
    sealing.check_new_passphrase(passphrase)
    if Ed25519PrivateKey.from_private_bytes(stored).public_key().public_bytes_raw() != public_key:
        raise AccreditorError(f"Signing key {key_id} does not match its public key; the event file was altered.")
    return keys.seal_seed(stored, passphrase, key_id)


# -- 6 → 7: signed logs of offline gate stations ---------------------------------------------------------

_V7 = MetaData(naming_convention=schema.metadata.naming_convention)
_V7_GATE_STATIONS = Table(
    "gate_stations",
    _V7,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("public_key", LargeBinary, nullable=False),
    Column("created_at", schema.UtcDateTime, nullable=False),
    Column("revoked_at", schema.UtcDateTime),
)
_V7_STATION_SCANS = Table(
    "station_scans",
    _V7,
    Column("nonce", String(32), primary_key=True),
    Column("station_id", Integer, ForeignKey("gate_stations.id"), nullable=False),
    Index("ix_station_scans_station_id", "station_id"),
)


def _add_gate_stations(connection: Connection) -> None:
    """No stations yet: packages made before had no station key, so their logs must be exported by a new package."""
    _V7.create_all(connection)


# -- 7 → 8: the nonces of check-ins a desk queued while the event server was out of reach --------

_V8 = MetaData(naming_convention=schema.metadata.naming_convention)
_V8_CHECKIN_NONCES = Table(
    "checkin_nonces",
    _V8,
    Column("nonce", String(32), primary_key=True),
    Column("guest_id", Integer, nullable=False),
    Column("station", Text, nullable=False),
    Column("user", Text, nullable=False),
    Column("queued_at", schema.UtcDateTime, nullable=False),
    Column("applied_at", schema.UtcDateTime, nullable=False),
    Column("result", String(16), nullable=False),
    Column("reason", String(32), nullable=False),
    CheckConstraint("result IN ('pending', 'checked_in', 'already', 'refused')", name="result"),
    Index("ix_checkin_nonces_guest_id", "guest_id"),
)


def _add_checkin_nonces(connection: Connection) -> None:
    """An empty table of applied check-in nonces: a queued check-in sent twice is recorded once."""
    _V8_CHECKIN_NONCES.create(connection)


@dataclass(frozen=True, slots=True)
class NeedsPassphrase:
    """A step that seals secrets: it runs with the passphrase the user gave for the upgrade."""

    upgrade: Callable[[Connection, str], None]


STEPS: dict[int, Step | NeedsPassphrase] = {
    1: _add_signing_keys,
    2: _add_scans,
    3: _add_organisation_short_names,
    4: _add_users,
    5: NeedsPassphrase(_seal_keys_and_chain_audit),
    6: _add_gate_stations,
    7: _add_checkin_nonces,
}


def migrate(
    connection: Connection, from_version: int, to_version: int | None = None, *, passphrase: str | None = None
) -> None:
    """Upgrade step by step; `passphrase` seals the signing keys (needed from before SEALED_KEYS_VERSION)."""
    # The target is read when called (not bound as a default at import), so it is always the current version.
    target = schema.SCHEMA_VERSION if to_version is None else to_version
    for version in range(from_version, target):
        step = STEPS[version]
        if isinstance(step, NeedsPassphrase):
            if passphrase is None:
                raise PassphraseRequiredError("Upgrading this event seals its signing key: a passphrase is needed.")
            step.upgrade(connection, passphrase)
        else:
            step(connection)
    connection.execute(schema.meta.update().where(schema.meta.c.key == "schema_version").values(value=str(target)))


def seal_backup_keys(backup: Path, passphrase: str) -> None:
    """Seal the raw private keys in a backup made before the upgrade, so no copy of the event holds one.

    The backup keeps its schema version; this version of Accreditor opens it (its step 5 → 6 accepts keys
    already sealed with the same passphrase).
    """

    def rewrite(database: sqlite3.Connection) -> None:
        has_keys = database.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'signing_keys'"
        ).fetchone()
        if has_keys is None:
            return
        for key_id, stored, public_key in database.execute(
            "SELECT key_id, private_key, public_key FROM signing_keys"
        ).fetchall():
            sealed = seal_raw_key(key_id, stored, public_key, passphrase)
            database.execute("UPDATE signing_keys SET private_key = ? WHERE key_id = ?", (sealed, key_id))

    dialects.rewrite_sqlite_file(backup, rewrite)
