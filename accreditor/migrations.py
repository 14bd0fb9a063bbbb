"""Forward migrations of the event schema.

`STEPS[n]` upgrades a database from schema version n to n + 1 inside the caller's
transaction.  A file from an older version is migrated when it is opened; the original is
kept beside it as a backup first (see store.py).

A step creates tables from its own frozen definition, not from schema.py: schema.py describes
the newest version, and a later change to a table must not change what an earlier step builds.
"""

from collections.abc import Callable

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Connection,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    insert,
)

from accreditor import dialects, keys, schema
from accreditor.clock import utc_now

Step = Callable[[Connection], None]

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


STEPS: dict[int, Step] = {
    1: _add_signing_keys,
    2: _add_scans,
    3: _add_organisation_short_names,
    4: _add_users,
}


def migrate(connection: Connection, from_version: int, to_version: int | None = None) -> None:
    # The target is read when called (not bound as a default at import), so it is always the current version.
    target = schema.SCHEMA_VERSION if to_version is None else to_version
    for version in range(from_version, target):
        STEPS[version](connection)
    connection.execute(schema.meta.update().where(schema.meta.c.key == "schema_version").values(value=str(target)))
