"""Attacks on the signing key: a copied event file, its upgrade backup, every column of every table.

Whoever copies an event file (or its backup) must get nothing that signs a badge the event's public key
accepts; only the passphrase opens the key, and changing the passphrase or rotating keeps old badges valid.
"""

import base64
import binascii
import hashlib
import importlib.util
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing, suppress
from datetime import date
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import create_engine, inspect, text

from accreditor import audit, dialects, keys, migrations, schema, sealing, workflow
from accreditor.migrations import PassphraseRequiredError
from accreditor.store import EventStore
from accreditor.tokens import BadgeClaims, issue_token, verify_token

PASSPHRASE = "test passphrase"


def schema_1_ddl() -> str:
    """The schema-1 event test_keys.py builds its upgrade tests from (one guest, the append-only triggers)."""
    spec = importlib.util.spec_from_file_location("schema_1_source", Path(__file__).with_name("test_keys.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.SCHEMA_1_DDL


def candidate_keys(value: object) -> Iterator[bytes]:
    """Every 32-byte seed an attacker could read out of one stored value: raw, hex, base64, PEM or DER."""
    blobs: list[bytes] = []
    if isinstance(value, bytes | bytearray | memoryview):
        blobs.append(bytes(value))
    elif isinstance(value, str):
        blobs.append(value.encode("utf-8", "surrogatepass"))
        for decode in (bytes.fromhex, base64.b64decode, base64.urlsafe_b64decode):
            with suppress(ValueError, binascii.Error):
                blobs.append(decode(value.strip()))
    for blob in blobs:
        for load in (serialization.load_der_private_key, serialization.load_pem_private_key):
            try:
                key = load(blob, None)
            except (ValueError, TypeError):
                continue
            if isinstance(key, Ed25519PrivateKey):
                yield key.private_bytes_raw()
        if len(blob) <= 4096:  # any 32 bytes inside a short value
            yield from (blob[start : start + 32] for start in range(len(blob) - 31))


def usable_keys_in_rows(rows: Iterator[tuple[object, ...]], public_keys: set[bytes]) -> list[bytes]:
    found = []
    for row in rows:
        for value in row:
            for seed in candidate_keys(value):
                private = Ed25519PrivateKey.from_private_bytes(seed)
                if private.public_key().public_bytes_raw() in public_keys:
                    found.append(seed)
    return found


def every_value(path: Path) -> Iterator[tuple[object, ...]]:
    with closing(sqlite3.connect(path)) as connection:
        tables = [name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            yield from connection.execute(f'SELECT * FROM "{table}"').fetchall()


def every_value_in(store: EventStore) -> list[tuple[object, ...]]:
    """Every row of every table of the event's database, whatever the engine."""
    with store.connect() as connection:
        names = inspect(connection).get_table_names()
        return [tuple(row) for name in names for row in connection.execute(text(f'SELECT * FROM "{name}"'))]


def public_keys_of(path: Path) -> set[bytes]:
    with closing(sqlite3.connect(path)) as connection:
        return {bytes(raw) for (raw,) in connection.execute("SELECT public_key FROM signing_keys")}


def public_keys_in(store: EventStore) -> set[bytes]:
    with store.connect() as connection:
        return {bytes(key.public_bytes_raw()) for key in keys.keyring(connection).values()}


def file_bytes(path: Path) -> bytes:
    """The file and its write-ahead log, as a copy of the folder would hold them."""
    wal = Path(f"{path}-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def digest(path: Path) -> str:
    return hashlib.sha256(file_bytes(path)).hexdigest()


def make_schema_5_event(path: Path) -> bytes:
    """A real schema-5 event (schema 1 moved forward by the real steps 1 → 5) with an audit entry; its raw key."""
    with closing(sqlite3.connect(path)) as connection:
        connection.executescript(schema_1_ddl())
        connection.execute(
            "INSERT INTO audit_log (at, actor, action, guest_id, details) VALUES "
            "('2026-05-01 09:00:00.000000', 'officer', 'status.approved', 1, '{\"from\": \"pending\"}')"
        )
        connection.commit()
    engine = create_engine(f"sqlite+pysqlite:///{path}")
    dialects.configure_sqlite(engine)
    with engine.begin() as connection:
        migrations.migrate(connection, 1, 5)
    dialects.enable_wal(engine)
    engine.dispose()
    with closing(sqlite3.connect(path)) as connection:
        (seed,) = connection.execute("SELECT private_key FROM signing_keys").fetchone()
    assert len(seed) == 32  # schema 5 stored the key raw: what the upgrade must get rid of
    return bytes(seed)


@pytest.fixture
def schema_5_event(tmp_path: Path) -> tuple[Path, bytes]:
    path = tmp_path / "old.accreditor"
    return path, make_schema_5_event(path)


# -- a new event -----------------------------------------------------------------------------------


def test_no_value_in_a_new_event_is_a_usable_private_key(store: EventStore) -> None:
    with store.begin() as connection:
        first = keys.active_signing_key(connection)[1].private_bytes_raw()
        keys.rotate(connection, "officer", PASSPHRASE)  # two keys, one inactive
        seeds = [first, keys.active_signing_key(connection)[1].private_bytes_raw()]

    assert len(public_keys_in(store)) == 2
    assert usable_keys_in_rows(iter(every_value_in(store)), public_keys_in(store)) == []
    if store.engine.dialect.name == "sqlite":
        store.close()
        assert all(seed not in file_bytes(Path(str(store.location))) for seed in seeds)


def test_a_copied_event_file_gives_no_signing_key(event_path: Path, tmp_path: Path) -> None:
    EventStore.create(event_path, passphrase=PASSPHRASE, name="Summit").close()
    copy = tmp_path / "copied.accreditor"
    shutil.copy(event_path, copy)
    keys.lock_all()  # the attacker's process never unlocked anything
    keys.set_passphrase_source(None)
    before = digest(copy)

    with EventStore.open(copy) as stolen, stolen.connect() as connection:
        with pytest.raises(keys.KeyLockedError, match="locked"):
            keys.active_signing_key(connection)
        with pytest.raises(sealing.WrongPassphraseError, match="does not unlock"):
            keys.unlock(connection, "a good guess")
    assert digest(copy) == before


# -- an event made before the keys were sealed ---------------------------------------------------------


def test_upgrading_seals_the_key_in_the_file_its_log_and_its_backup(schema_5_event: tuple[Path, bytes]) -> None:
    path, seed = schema_5_event
    public_keys = public_keys_of(path)
    with closing(sqlite3.connect(path)) as connection:
        (uid,) = connection.execute("SELECT value FROM meta WHERE key = 'event_uid'").fetchone()
        (key_id,) = connection.execute("SELECT key_id FROM signing_keys").fetchone()
    old_badge = issue_token(
        BadgeClaims(uid, 1, 1, "DEL", ("PLN",), date(2026, 6, 1), date(2026, 6, 2)),
        key_id,
        Ed25519PrivateKey.from_private_bytes(seed),
    )

    with EventStore.open(path, passphrase=PASSPHRASE) as store, store.connect() as connection:
        keyring = keys.keyring(connection)
    backup = Path(f"{path}.schema-5.bak")

    for copy in (path, backup):
        assert seed not in file_bytes(copy)
        assert usable_keys_in_rows(every_value(copy), public_keys) == []
    assert verify_token(old_badge, keyring, event_uid=uid, today=date(2026, 6, 1)).reason == "ok"
    keys.lock_all()
    keys.set_passphrase_source(None)
    with EventStore.open(path) as store, store.connect() as connection:
        with pytest.raises(keys.KeyLockedError):
            keys.active_signing_key(connection)
        keys.unlock(connection, PASSPHRASE)
        assert keys.active_signing_key(connection)[1].private_bytes_raw() == seed


def test_the_upgrade_backup_opens_with_the_same_passphrase(schema_5_event: tuple[Path, bytes], tmp_path: Path) -> None:
    path, seed = schema_5_event
    EventStore.open(path, passphrase=PASSPHRASE).close()
    restored = tmp_path / "restored.accreditor"
    shutil.copy(Path(f"{path}.schema-5.bak"), restored)
    keys.lock_all()

    with EventStore.open(restored, passphrase=PASSPHRASE) as store, store.connect() as connection:
        assert keys.active_signing_key(connection)[1].private_bytes_raw() == seed
        assert audit.verify(connection).intact


def test_upgrading_without_a_passphrase_is_refused_and_changes_nothing(schema_5_event: tuple[Path, bytes]) -> None:
    path, _seed = schema_5_event
    keys.set_passphrase_source(None)
    before = digest(path)

    with pytest.raises(PassphraseRequiredError, match=r"must be upgraded.*passphrase.*unchanged"):
        EventStore.open(path)

    assert digest(path) == before
    assert not Path(f"{path}.schema-5.bak").exists()


def test_upgrading_with_a_too_short_passphrase_is_refused_and_changes_nothing(
    schema_5_event: tuple[Path, bytes],
) -> None:
    path, _seed = schema_5_event
    before = digest(path)

    with pytest.raises(Exception, match="at least 8 characters"):
        EventStore.open(path, passphrase="short")

    assert digest(path) == before


def test_upgrading_chains_the_existing_audit_entries(schema_5_event: tuple[Path, bytes]) -> None:
    path, _seed = schema_5_event

    with EventStore.open(path, passphrase=PASSPHRASE) as store:
        with store.begin() as connection:
            workflow.change_status(connection, [1], "revoked", "officer", "lost")
        with store.connect() as connection:
            state = audit.verify(connection)
            version = store.schema_version()

    assert version == schema.SCHEMA_VERSION
    assert (state.intact, state.entries) == (True, 2)


# -- changing the passphrase, rotating -------------------------------------------------------------------


def test_a_new_passphrase_opens_the_keys_and_old_badges_stay_valid(store: EventStore) -> None:
    with store.begin() as connection:
        uid = keys.event_uid(connection)
        key_id, private = keys.active_signing_key(connection)
        badge = issue_token(
            BadgeClaims(uid, 1, 1, "DEL", ("PLN",), date(2026, 6, 1), date(2026, 6, 2)), key_id, private
        )
        count = keys.change_passphrase(connection, "officer", PASSPHRASE, "a new passphrase")
    keys.lock_all()
    keys.set_passphrase_source(None)

    with store.connect() as connection:
        with pytest.raises(sealing.WrongPassphraseError):
            keys.unlock(connection, PASSPHRASE)
        assert keys.unlock(connection, "a new passphrase") == key_id
        keyring = keys.keyring(connection)
        history = audit.history(connection)
    assert count == 1
    assert (history[-1].action, history[-1].details) == ("keys.passphrase_changed", {"keys": 1})
    assert verify_token(badge, keyring, event_uid=uid, today=date(2026, 6, 1)).reason == "ok"


def test_changing_the_passphrase_needs_the_old_one_and_changes_nothing_without_it(store: EventStore) -> None:
    with store.connect() as connection:
        before = connection.execute(schema.signing_keys.select()).all()

    with pytest.raises(sealing.WrongPassphraseError), store.begin() as connection:
        keys.change_passphrase(connection, "officer", "not the passphrase", "a new passphrase")

    with store.connect() as connection:
        assert connection.execute(schema.signing_keys.select()).all() == before


def test_rotating_needs_the_passphrase(store: EventStore) -> None:
    with pytest.raises(sealing.WrongPassphraseError), store.begin() as connection:
        keys.rotate(connection, "officer", "not the passphrase")

    with store.connect() as connection:
        assert len(keys.signing_keys(connection)) == 1
