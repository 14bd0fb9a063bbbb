"""The event database schema (SQLAlchemy Core), one definition for SQLite and PostgreSQL.

`SCHEMA_VERSION` is stored in the `meta` table; raise it together with a step in
`migrations.py` whenever a table changes.
"""

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)

SCHEMA_VERSION = 8
APPLICATION_ID = "accreditor-event"

STATUSES = ("pending", "approved", "rejected", "revoked")


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every backend (SQLite would otherwise hand back naive ones)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_name)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s",
        "pk": "pk_%(table_name)s",
    }
)

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

event = Table(
    "event",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("starts_on", Date),
    Column("ends_on", Date),
    Column("venue", Text, nullable=False, default=""),
    Column("created_at", UtcDateTime, nullable=False),
    CheckConstraint("id = 1", name="single_row"),
)

zones = Table(
    "zones",
    metadata,
    Column("code", String(16), primary_key=True),
    Column("name", Text, nullable=False),
    Column("sort_order", Integer, nullable=False, default=0),
)

categories = Table(
    "categories",
    metadata,
    Column("code", String(16), primary_key=True),
    Column("name", Text, nullable=False),
    Column("colour", String(7), nullable=False, default="#808080"),
    # Other names the category is known by in registration lists (Russian, French…), JSON list.
    Column("aliases", Text, nullable=False, default="[]"),
    Column("photo_required", Boolean, nullable=False, default=False),
    Column("escort_required", Boolean, nullable=False, default=False),
    Column("sort_order", Integer, nullable=False, default=0),
)

category_zones = Table(
    "category_zones",
    metadata,
    Column("category_code", ForeignKey("categories.code", ondelete="CASCADE"), primary_key=True),
    Column("zone_code", ForeignKey("zones.code", ondelete="CASCADE"), primary_key=True),
)

guests = Table(
    "guests",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("external_ref", Text, nullable=False, default=""),
    Column("title", Text, nullable=False, default=""),
    Column("family_name", Text, nullable=False),
    Column("given_name", Text, nullable=False, default=""),
    Column("family_name_latin", Text, nullable=False, default=""),
    Column("given_name_latin", Text, nullable=False, default=""),
    Column("position", Text, nullable=False, default=""),
    Column("organisation", Text, nullable=False, default=""),
    Column("delegation", Text, nullable=False, default=""),
    Column("country", String(2), nullable=False, default=""),
    Column("category_code", ForeignKey("categories.code", onupdate="CASCADE"), nullable=False),
    Column("status", String(16), nullable=False, default="pending"),
    Column("status_reason", Text, nullable=False, default=""),
    Column("status_changed_at", UtcDateTime),
    Column("status_changed_by", Text, nullable=False, default=""),
    Column("passport_no", Text, nullable=False, default=""),
    Column("email", Text, nullable=False, default=""),
    Column("phone", Text, nullable=False, default=""),
    Column("notes", Text, nullable=False, default=""),
    # Folded words of everything a guest can be found by; see search.py.
    Column("search_text", Text, nullable=False, default=""),
    Column("checked_in_at", UtcDateTime),
    Column("checked_in_station", Text, nullable=False, default=""),
    Column("checked_in_by", Text, nullable=False, default=""),
    Column("created_at", UtcDateTime, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    CheckConstraint("status IN ('pending', 'approved', 'rejected', 'revoked')", name="status"),
    Index("ix_guests_email", "email"),
    Index("ix_guests_passport_no", "passport_no"),
    Index("ix_guests_external_ref", "external_ref"),
    Index("ix_guests_status", "status"),
    Index("ix_guests_category_code", "category_code"),
)

guest_photos = Table(
    "guest_photos",
    metadata,
    Column("guest_id", ForeignKey("guests.id", ondelete="CASCADE"), primary_key=True),
    Column("image", LargeBinary, nullable=False),
    Column("media_type", String(32), nullable=False, default="image/jpeg"),
    Column("updated_at", UtcDateTime, nullable=False),
)

# Zones granted or withdrawn for one guest on top of the defaults of their category.
guest_zones = Table(
    "guest_zones",
    metadata,
    Column("guest_id", ForeignKey("guests.id", ondelete="CASCADE"), primary_key=True),
    Column("zone_code", ForeignKey("zones.code", ondelete="CASCADE"), primary_key=True),
    Column("granted", Boolean, nullable=False),
)

# One row per print of a badge; the highest serial of a guest is the only valid badge.
badges = Table(
    "badges",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("guest_id", ForeignKey("guests.id", ondelete="CASCADE"), nullable=False),
    Column("serial", Integer, nullable=False),
    Column("printed_at", UtcDateTime, nullable=False),
    Column("printed_by", Text, nullable=False, default=""),
    Column("station", Text, nullable=False, default=""),
    Column("copies", Integer, nullable=False, default=1),
    Column("reason", Text, nullable=False, default=""),
    UniqueConstraint("guest_id", "serial", name="uq_badges_guest_serial"),
)

checkins = Table(
    "checkins",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("guest_id", ForeignKey("guests.id", ondelete="CASCADE"), nullable=False),
    Column("at", UtcDateTime, nullable=False),
    Column("station", Text, nullable=False, default=""),
    Column("user", Text, nullable=False, default=""),
    Column("direction", String(3), nullable=False, default="in"),
    Column("undone_at", UtcDateTime),
    Column("undone_by", Text, nullable=False, default=""),
    Column("undo_reason", Text, nullable=False, default=""),
    CheckConstraint("direction IN ('in', 'out')", name="direction"),
    Index("ix_checkins_guest_id", "guest_id"),
)

# Append-only: rows are inserted by audit.record() and never updated or deleted
# (dialects.py installs triggers that refuse it).  Each entry carries the SHA-256 of the one before
# (`prev_hash`) and its own (`hash`, over its canonical JSON): `audit.verify` finds an entry changed,
# removed or inserted behind the triggers' back.
audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", UtcDateTime, nullable=False),
    Column("actor", Text, nullable=False),
    Column("action", String(64), nullable=False),
    Column("guest_id", Integer),
    Column("details", Text, nullable=False, default="{}"),
    Column("prev_hash", String(64), nullable=False, server_default=""),
    Column("hash", String(64), nullable=False, server_default=""),
    Index("ix_audit_log_guest_id", "guest_id"),
)

# The audit chain's head: one row with the last entry's id and hash and the number of entries.  Appending
# locks this row (on PostgreSQL; SQLite writers hold the file's write lock), so two stations appending at
# once never fork the chain; `audit.verify` also finds entries removed from the end by it.
audit_head = Table(
    "audit_head",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("last_id", Integer, nullable=False),
    Column("hash", String(64), nullable=False),
    Column("entries", Integer, nullable=False),
    CheckConstraint("id = 1", name="single_row"),
)

# The event's Ed25519 keys for badge tokens (see keys.py).  The private key is stored only sealed with
# the event's passphrase (sealing.py); a retired key no longer verifies, an inactive one still does
# (older printed badges).
signing_keys = Table(
    "signing_keys",
    metadata,
    Column("key_id", String(16), primary_key=True),
    Column("sealed_private_key", LargeBinary, nullable=False),
    Column("public_key", LargeBinary, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("active", Boolean, nullable=False, default=False),
    Column("retired_at", UtcDateTime),
)
# At most one active key: the database itself refuses a second one.
Index(
    "uq_signing_keys_active",
    signing_keys.c.active,
    unique=True,
    sqlite_where=signing_keys.c.active,
    postgresql_where=signing_keys.c.active,
)

# Every badge scan at a gate, accepted or refused (see accreditor/gate/scan_log.py).  Append-only like
# the audit log; the raw scanned text is never stored, only its SHA-256.  `nonce` identifies a scan
# wherever it was made, so logs carried back from offline gates merge once however often merged.
scans = Table(
    "scans",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("nonce", String(32), nullable=False),
    Column("at", UtcDateTime, nullable=False),
    Column("gate", Text, nullable=False, default=""),
    Column("zone", String(16), nullable=False),
    Column("direction", String(4), nullable=False),
    Column("station", Text, nullable=False, default=""),
    Column("operator", Text, nullable=False, default=""),
    Column("colour", String(6), nullable=False),
    Column("reason", String(32), nullable=False),
    Column("guest_id", Integer),
    Column("serial", Integer),
    Column("code_hash", String(64), nullable=False),
    Column("override_reason", Text, nullable=False, default=""),
    CheckConstraint("colour IN ('green', 'orange', 'red')", name="colour"),
    CheckConstraint("direction IN ('in', 'out', 'both')", name="direction"),
    Index("uq_scans_nonce", "nonce", unique=True),
    Index("ix_scans_guest_id", "guest_id"),
    Index("ix_scans_at", "at"),
)

# The offline gate stations: one Ed25519 key pair per gate package (see accreditor/gate/stations.py).  Only
# the public key is here; the private key is in the package alone, and signs every line of its gate's log.
# A revoked station's lines are no longer merged; what it brought before stays, marked by `revoked_at`.
gate_stations = Table(
    "gate_stations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("public_key", LargeBinary, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("revoked_at", UtcDateTime),
)

# Which station's signed log brought a merged scan.  Scans are never updated, so the scans of a station
# revoked later stay marked through this link (a scan made on the event itself has none).
station_scans = Table(
    "station_scans",
    metadata,
    Column("nonce", String(32), primary_key=True),
    Column("station_id", Integer, ForeignKey("gate_stations.id"), nullable=False),
    Index("ix_station_scans_station_id", "station_id"),
)

# The short form an organiser gives an organisation ("OSCE", "MFA Tajikistan"), printed on a badge when the
# organisation's full name would not fit at a legible size.  Keyed by the organisation as guests have it.
organisation_short_names = Table(
    "organisation_short_names",
    metadata,
    Column("organisation", Text, primary_key=True),
    Column("short_name", Text, nullable=False),
)

# The people who may open the event, each with one role (see roles.py and users.py).  No rows: the event is used
# on one trusted laptop and every command works without a login.  `password_hash` is a self-describing scrypt
# hash (parameters, salt, digest); the password itself is never stored.  Users are disabled, never deleted,
# so the audit log's names keep pointing at someone.
users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("role", String(16), nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", UtcDateTime, nullable=False),
    Column("password_changed_at", UtcDateTime, nullable=False),
    CheckConstraint("role IN ('organiser', 'accreditation', 'desk', 'security', 'viewer')", name="role"),
    Index("uq_users_name", "name", unique=True),
)


# Each check-in a desk sent with a nonce (see checkin.check_in_once): a desk that lost the event server
# queued it and sends it when the server is back, maybe twice; the second time finds the nonce here and
# changes nothing.  `result` is what the first sending got: checked_in, already, or refused with `reason`.
checkin_nonces = Table(
    "checkin_nonces",
    metadata,
    Column("nonce", String(32), primary_key=True),
    Column("guest_id", Integer, nullable=False),
    Column("station", Text, nullable=False),
    Column("user", Text, nullable=False),
    Column("queued_at", UtcDateTime, nullable=False),
    Column("applied_at", UtcDateTime, nullable=False),
    Column("result", String(16), nullable=False),
    Column("reason", String(32), nullable=False),
    CheckConstraint("result IN ('pending', 'checked_in', 'already', 'refused')", name="result"),
    Index("ix_checkin_nonces_guest_id", "guest_id"),
)
