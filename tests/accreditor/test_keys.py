"""The event's signing keys: creation with the event, rotation, retirement, the public-key file, migration."""

import base64
import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from accreditor import audit, keys, schema
from accreditor.clock import utc_now
from accreditor.errors import AccreditorError, NotFoundError
from accreditor.store import EventStore
from accreditor.tokens import BadgeClaims, issue_token, verify_token

VECTOR_SEED = bytes(range(32))  # the seed of docs/badge-token.md's test vector


def raw_public(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes_raw()


def raw_keyring(keyring: dict[str, Ed25519PublicKey]) -> dict[str, bytes]:
    """Keys compare by identity; their raw bytes compare by value."""
    return {key_id: raw_public(key) for key_id, key in keyring.items()}


def pem_of(key: object) -> bytes:
    return key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


# -- key ids ---------------------------------------------------------------------------------------


def test_key_id_is_the_first_four_bytes_of_the_public_keys_sha256() -> None:
    public = Ed25519PrivateKey.from_private_bytes(VECTOR_SEED).public_key().public_bytes_raw()

    assert keys.key_id_for(public) == "56475aa7"
    assert keys.key_id_for(public) == keys.key_id_for(bytes(public))


def test_different_keys_have_different_ids() -> None:
    ids = {keys.key_id_for(keys.new_key_material().public_key) for _ in range(20)}

    assert len(ids) == 20
    assert all(len(key_id) == 8 and key_id == key_id.lower() for key_id in ids)


def test_key_id_refuses_anything_but_a_raw_public_key() -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        keys.key_id_for(b"\x00" * 31)


def test_new_key_material_holds_a_matching_pair() -> None:
    material = keys.new_key_material()

    private = Ed25519PrivateKey.from_private_bytes(material.seed)
    assert private.public_key().public_bytes_raw() == material.public_key
    assert keys.key_id_for(material.public_key) == material.key_id


# -- keys of an event ------------------------------------------------------------------------------


def test_a_new_event_has_a_uid_and_one_active_key(store: EventStore) -> None:
    with store.connect() as connection:
        uid = keys.event_uid(connection)
        key_id, private = keys.active_signing_key(connection)
        keyring = keys.keyring(connection)
        listed = keys.signing_keys(connection)

    assert len(uid) == 2 * keys.EVENT_UID_BYTES and int(uid, 16) >= 0 and uid == uid.lower()
    assert keys.key_id_for(private.public_key().public_bytes_raw()) == key_id
    assert raw_keyring(keyring) == {key_id: private.public_key().public_bytes_raw()}
    assert [(info.key_id, info.active, info.retired_at) for info in listed] == [(key_id, True, None)]


def test_two_events_never_share_a_uid_or_a_key(tmp_path: Path) -> None:
    def uid_and_key(name: str) -> tuple[str, str]:
        with (
            EventStore.create(tmp_path / name, passphrase="test passphrase", name=name) as event,
            event.connect() as connection,
        ):
            return keys.event_uid(connection), keys.active_signing_key(connection)[0]

    first, second = uid_and_key("a.accreditor"), uid_and_key("b.accreditor")

    assert first[0] != second[0]
    assert first[1] != second[1]


def test_rotate_makes_a_new_active_key_and_keeps_the_old_one_valid(store: EventStore) -> None:
    with store.begin() as connection:
        old_id, _ = keys.active_signing_key(connection)
        new_id = keys.rotate(connection, "security officer", "test passphrase")
    with store.connect() as connection:
        active_id, _ = keys.active_signing_key(connection)
        keyring = keys.keyring(connection)
        entries = audit.history(connection)

    assert new_id != old_id
    assert active_id == new_id
    assert set(keyring) == {old_id, new_id}
    assert [(entry.actor, entry.action, entry.details) for entry in entries] == [
        ("security officer", "keys.rotated", {"key_id": new_id, "previous_key_id": old_id})
    ]


def test_the_database_refuses_a_second_active_key(store: EventStore) -> None:
    material = keys.new_key_material()

    with pytest.raises(IntegrityError), store.begin() as connection:
        connection.execute(
            insert(schema.signing_keys).values(
                key_id=material.key_id,
                sealed_private_key=keys.seal_seed(material.seed, "test passphrase", material.key_id),
                public_key=material.public_key,
                created_at=utc_now(),
                active=True,
            )
        )


def test_a_retired_key_leaves_the_keyring_and_the_public_file(store: EventStore) -> None:
    with store.begin() as connection:
        old_id, _ = keys.active_signing_key(connection)
        new_id = keys.rotate(connection, "officer", "test passphrase")
        keys.retire(connection, old_id, "officer")
    with store.connect() as connection:
        keyring = keys.keyring(connection)
        _, loaded = keys.load_public_pem(keys.export_public_pem(connection))
        retired = {info.key_id: info.retired_at for info in keys.signing_keys(connection)}
        last = audit.history(connection)[-1]

    assert set(keyring) == set(loaded) == {new_id}
    assert retired[old_id] is not None and retired[new_id] is None
    assert (last.action, last.details) == ("keys.retired", {"key_id": old_id})


def test_retire_refuses_the_active_key(store: EventStore) -> None:
    with store.begin() as connection:
        active_id, _ = keys.active_signing_key(connection)
        with pytest.raises(AccreditorError, match="rotate to a new key"):
            keys.retire(connection, active_id, "officer")


def test_retire_refuses_an_unknown_or_already_retired_key(store: EventStore) -> None:
    with store.begin() as connection:
        old_id, _ = keys.active_signing_key(connection)
        keys.rotate(connection, "officer", "test passphrase")
        keys.retire(connection, old_id, "officer")
        with pytest.raises(AccreditorError, match="already retired"):
            keys.retire(connection, old_id, "officer")
        with pytest.raises(NotFoundError, match="no signing key"):
            keys.retire(connection, "00000000", "officer")


def test_create_signing_key_records_the_given_time(store: EventStore) -> None:
    moment = utc_now().replace(microsecond=0)
    with store.begin() as connection:
        key_id = keys.create_signing_key(connection, "test passphrase", now=moment)
        created = {info.key_id: info.created_at for info in keys.signing_keys(connection)}

    assert created[key_id] == moment


# -- the public-key file -----------------------------------------------------------------------------


def test_public_file_round_trips_uid_and_every_valid_key(store: EventStore) -> None:
    with store.begin() as connection:
        keys.rotate(connection, "officer", "test passphrase")
    with store.connect() as connection:
        pem = keys.export_public_pem(connection)
        expected = (keys.event_uid(connection), raw_keyring(keys.keyring(connection)))

    uid, loaded = keys.load_public_pem(pem)

    assert (uid, raw_keyring(loaded)) == expected
    assert len(loaded) == 2
    text = pem.decode("ascii")
    assert f"Accreditor-Event: {uid}\n" in text
    assert all(f"Key-Id: {key_id}\n-----BEGIN PUBLIC KEY-----" in text for key_id in loaded)


def test_public_file_never_contains_a_private_key(store: EventStore) -> None:
    with store.connect() as connection:
        pem = keys.export_public_pem(connection)
        _, private = keys.active_signing_key(connection)
    seed = private.private_bytes_raw()
    pkcs8 = private.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )

    assert b"PRIVATE" not in pem
    assert seed not in pem
    assert seed.hex().encode() not in pem
    assert base64.b64encode(seed) not in pem
    assert base64.b64encode(pkcs8)[:40] not in pem


def test_a_plain_openssl_public_key_loads_without_an_event_uid() -> None:
    public = Ed25519PrivateKey.from_private_bytes(VECTOR_SEED).public_key()

    uid, loaded = keys.load_public_pem(pem_of(public))

    assert uid is None
    assert raw_keyring(loaded) == {"56475aa7": public.public_bytes_raw()}


def test_key_ids_come_from_the_keys_and_a_disagreeing_label_is_refused() -> None:
    pem = b"Key-Id: 00000000\n" + pem_of(Ed25519PrivateKey.generate().public_key())

    with pytest.raises(keys.KeyFileError, match="states Key-Id 00000000"):
        keys.load_public_pem(pem)


def rsa_public() -> bytes:
    return pem_of(rsa.generate_private_key(public_exponent=65537, key_size=2048).public_key())


def ec_public() -> bytes:
    return pem_of(ec.generate_private_key(ec.SECP256R1()).public_key())


def ed25519_private() -> bytes:
    return Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def valid_file() -> bytes:
    return b"Accreditor-Event: 01234567\n" + pem_of(Ed25519PrivateKey.generate().public_key())


@pytest.mark.parametrize(
    ("make_file", "message"),
    [
        (rsa_public, "an RSA key; badge keys are Ed25519"),
        (ec_public, "an elliptic-curve .* key; badge keys are Ed25519"),
        (ed25519_private, "contains a private key"),
        (lambda: b"", "no PEM public key"),
        (lambda: b"hello, gate\n", "no PEM public key"),
        (lambda: bytes(range(256)), "not a PEM text file"),
        (lambda: b"Accreditor-Event: \xc3\xa9\n", "not a PEM text file"),
        (lambda: b"-----BEGIN PUBLIC KEY-----\nnot base64!!\n-----END PUBLIC KEY-----\n", "cannot be read"),
        (lambda: b"-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n", "cannot be read"),
        (lambda: b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "CERTIFICATE block"),
        (lambda: valid_file()[:-30], "without its END line"),
        (lambda: valid_file() + valid_file().replace(b"0123", b"4567"), "more than one event"),
        (lambda: valid_file().replace(b"01234567", b"0123456A"), "not 8 lowercase"),
        (lambda: valid_file() + b"-----BEGIN PUBLIC KEY-----\n", "without its END line"),
    ],
    ids=[
        "rsa",
        "ecdsa",
        "private key",
        "empty",
        "text only",
        "binary",
        "not ascii",
        "bad base64",
        "not a key",
        "certificate",
        "truncated",
        "two events",
        "bad uid",
        "dangling begin",
    ],
)
def test_load_refuses_a_file_that_is_not_our_public_keys(make_file, message: str) -> None:
    with pytest.raises(keys.KeyFileError, match=message):
        keys.load_public_pem(make_file())


@given(st.binary(max_size=400) | st.builds(lambda head, tail: head + valid_file() + tail, st.binary(), st.binary()))
def test_load_gives_keys_or_a_clear_error_for_any_bytes(data: bytes) -> None:
    try:
        uid, loaded = keys.load_public_pem(data)
    except keys.KeyFileError as error:
        assert str(error).endswith(".")
        return
    assert uid is None or len(uid) == 2 * keys.EVENT_UID_BYTES
    assert all(isinstance(key, Ed25519PublicKey) for key in loaded.values())


# -- migration from schema 1 ------------------------------------------------------------------------

# The event file exactly as Accreditor with schema 1 wrote it (SQLite DDL), frozen here so the test
# keeps opening a real schema-1 file whatever schema.py becomes.
SCHEMA_1_DDL = """
CREATE TABLE meta ("key" VARCHAR(64) NOT NULL, value TEXT NOT NULL, CONSTRAINT pk_meta PRIMARY KEY ("key"));
CREATE TABLE event (id INTEGER NOT NULL, name TEXT NOT NULL, starts_on DATE, ends_on DATE, venue TEXT NOT NULL,
    created_at DATETIME NOT NULL, CONSTRAINT pk_event PRIMARY KEY (id), CONSTRAINT ck_event_single_row CHECK (id = 1));
CREATE TABLE zones (code VARCHAR(16) NOT NULL, name TEXT NOT NULL, sort_order INTEGER NOT NULL,
    CONSTRAINT pk_zones PRIMARY KEY (code));
CREATE TABLE categories (code VARCHAR(16) NOT NULL, name TEXT NOT NULL, colour VARCHAR(7) NOT NULL,
    aliases TEXT NOT NULL, photo_required BOOLEAN NOT NULL, escort_required BOOLEAN NOT NULL,
    sort_order INTEGER NOT NULL, CONSTRAINT pk_categories PRIMARY KEY (code));
CREATE TABLE audit_log (id INTEGER NOT NULL, at DATETIME NOT NULL, actor TEXT NOT NULL, action VARCHAR(64) NOT NULL,
    guest_id INTEGER, details TEXT NOT NULL, CONSTRAINT pk_audit_log PRIMARY KEY (id));
CREATE INDEX ix_audit_log_guest_id ON audit_log (guest_id);
CREATE TABLE category_zones (category_code VARCHAR(16) NOT NULL, zone_code VARCHAR(16) NOT NULL,
    CONSTRAINT pk_category_zones PRIMARY KEY (category_code, zone_code),
    CONSTRAINT fk_category_zones_category_code FOREIGN KEY(category_code) REFERENCES categories (code)
        ON DELETE CASCADE,
    CONSTRAINT fk_category_zones_zone_code FOREIGN KEY(zone_code) REFERENCES zones (code) ON DELETE CASCADE);
CREATE TABLE guests (id INTEGER NOT NULL, external_ref TEXT NOT NULL, title TEXT NOT NULL, family_name TEXT NOT NULL,
    given_name TEXT NOT NULL, family_name_latin TEXT NOT NULL, given_name_latin TEXT NOT NULL, position TEXT NOT NULL,
    organisation TEXT NOT NULL, delegation TEXT NOT NULL, country VARCHAR(2) NOT NULL,
    category_code VARCHAR(16) NOT NULL, status VARCHAR(16) NOT NULL, status_reason TEXT NOT NULL,
    status_changed_at DATETIME, status_changed_by TEXT NOT NULL, passport_no TEXT NOT NULL, email TEXT NOT NULL,
    phone TEXT NOT NULL, notes TEXT NOT NULL, search_text TEXT NOT NULL, checked_in_at DATETIME,
    checked_in_station TEXT NOT NULL, checked_in_by TEXT NOT NULL, created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL, CONSTRAINT pk_guests PRIMARY KEY (id),
    CONSTRAINT ck_guests_status CHECK (status IN ('pending', 'approved', 'rejected', 'revoked')),
    CONSTRAINT fk_guests_category_code FOREIGN KEY(category_code) REFERENCES categories (code) ON UPDATE CASCADE);
CREATE INDEX ix_guests_category_code ON guests (category_code);
CREATE INDEX ix_guests_email ON guests (email);
CREATE INDEX ix_guests_passport_no ON guests (passport_no);
CREATE INDEX ix_guests_status ON guests (status);
CREATE INDEX ix_guests_external_ref ON guests (external_ref);
CREATE TABLE guest_photos (guest_id INTEGER NOT NULL, image BLOB NOT NULL, media_type VARCHAR(32) NOT NULL,
    updated_at DATETIME NOT NULL, CONSTRAINT pk_guest_photos PRIMARY KEY (guest_id),
    CONSTRAINT fk_guest_photos_guest_id FOREIGN KEY(guest_id) REFERENCES guests (id) ON DELETE CASCADE);
CREATE TABLE guest_zones (guest_id INTEGER NOT NULL, zone_code VARCHAR(16) NOT NULL, granted BOOLEAN NOT NULL,
    CONSTRAINT pk_guest_zones PRIMARY KEY (guest_id, zone_code),
    CONSTRAINT fk_guest_zones_guest_id FOREIGN KEY(guest_id) REFERENCES guests (id) ON DELETE CASCADE,
    CONSTRAINT fk_guest_zones_zone_code FOREIGN KEY(zone_code) REFERENCES zones (code) ON DELETE CASCADE);
CREATE TABLE badges (id INTEGER NOT NULL, guest_id INTEGER NOT NULL, serial INTEGER NOT NULL,
    printed_at DATETIME NOT NULL, printed_by TEXT NOT NULL, station TEXT NOT NULL, copies INTEGER NOT NULL,
    reason TEXT NOT NULL, CONSTRAINT pk_badges PRIMARY KEY (id),
    CONSTRAINT uq_badges_guest_serial UNIQUE (guest_id, serial),
    CONSTRAINT fk_badges_guest_id FOREIGN KEY(guest_id) REFERENCES guests (id) ON DELETE CASCADE);
CREATE TABLE checkins (id INTEGER NOT NULL, guest_id INTEGER NOT NULL, at DATETIME NOT NULL, station TEXT NOT NULL,
    user TEXT NOT NULL, direction VARCHAR(3) NOT NULL, undone_at DATETIME, undone_by TEXT NOT NULL,
    undo_reason TEXT NOT NULL, CONSTRAINT pk_checkins PRIMARY KEY (id),
    CONSTRAINT ck_checkins_direction CHECK (direction IN ('in', 'out')),
    CONSTRAINT fk_checkins_guest_id FOREIGN KEY(guest_id) REFERENCES guests (id) ON DELETE CASCADE);
CREATE INDEX ix_checkins_guest_id ON checkins (guest_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

INSERT INTO meta VALUES ('application', 'accreditor-event'), ('schema_version', '1');
INSERT INTO event VALUES (1, 'Water Conference 2026', '2026-06-01', '2026-06-02', 'Dushanbe',
    '2026-01-10 09:00:00.000000+00:00');
INSERT INTO zones VALUES ('PLN', 'Plenary hall', 1);
INSERT INTO categories VALUES ('DEL', 'Delegate', '#1565C0', '[]', 0, 0, 1);
INSERT INTO guests VALUES (1, '', '', 'Rahmonov', 'Jamshed', 'Rahmonov', 'Jamshed', '', '', '', 'TJ', 'DEL',
    'approved', '', NULL, '', '', '', '', '', 'rahmonov jamshed', NULL, '', '', '2026-01-10 09:00:00.000000+00:00',
    '2026-01-10 09:00:00.000000+00:00');
"""


def sqlite_rows(path: Path, sql: str) -> list[tuple]:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(sql).fetchall()


@pytest.fixture
def schema_1_event(tmp_path: Path) -> Path:
    path = tmp_path / "old.accreditor"
    with closing(sqlite3.connect(path)) as connection:
        connection.executescript(SCHEMA_1_DDL)
    return path


def signing_keys_ddl(path: Path) -> list[tuple]:
    return sqlite_rows(
        path,
        "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'signing_keys' AND sql IS NOT NULL ORDER BY name",
    )


def test_a_schema_1_file_opens_with_a_uid_and_a_first_key(schema_1_event: Path) -> None:
    with EventStore.open(schema_1_event) as store, store.connect() as connection:
        assert store.schema_version() == schema.SCHEMA_VERSION
        uid = keys.event_uid(connection)
        key_id, private = keys.active_signing_key(connection)
        keyring = keys.keyring(connection)
        family_name = connection.execute(select(schema.guests.c.family_name)).scalar_one()

    assert len(uid) == 2 * keys.EVENT_UID_BYTES
    assert raw_keyring(keyring) == {key_id: private.public_key().public_bytes_raw()}
    assert family_name == "Rahmonov"


def test_migration_keeps_the_schema_1_file_as_a_backup(schema_1_event: Path) -> None:
    connection = sqlite3.connect(schema_1_event)
    original = list(connection.iterdump())
    connection.close()

    EventStore.open(schema_1_event).close()

    backup = schema_1_event.with_name(f"{schema_1_event.name}.schema-1.bak")
    connection = sqlite3.connect(backup)
    assert list(connection.iterdump()) == original
    connection.close()
    assert sqlite_rows(backup, "SELECT value FROM meta WHERE key = 'schema_version'") == [("1",)]
    assert signing_keys_ddl(backup) == []


def test_a_migrated_file_has_the_signing_keys_table_of_a_new_one(schema_1_event: Path, tmp_path: Path) -> None:
    EventStore.open(schema_1_event).close()
    EventStore.create(tmp_path / "new.accreditor", passphrase="test passphrase", name="New").close()

    assert signing_keys_ddl(schema_1_event) == signing_keys_ddl(tmp_path / "new.accreditor")
    assert len(signing_keys_ddl(schema_1_event)) == 2  # the table and its one-active-key index


def test_a_migrated_event_signs_badges_its_gates_accept(schema_1_event: Path) -> None:
    with EventStore.open(schema_1_event) as store, store.connect() as connection:
        uid = keys.event_uid(connection)
        key_id, private = keys.active_signing_key(connection)
        keyring = keys.keyring(connection)
    claims = BadgeClaims(uid, 1, 1, "DEL", ("PLN",), date(2026, 6, 1), date(2026, 6, 2))

    verdict = verify_token(issue_token(claims, key_id, private), keyring, event_uid=uid, today=date(2026, 6, 1))

    assert (verdict.reason, verdict.claims) == ("ok", claims)
