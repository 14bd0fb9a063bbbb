"""Users and roles in the core: hashed passwords, logging in, the rules of adding and disabling, schema 4 → 5."""

import pickle
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import select

from accreditor import audit, schema, users
from accreditor.errors import AccreditorError, NotFoundError
from accreditor.roles import ROLE_PERMISSIONS, Actor, Permission, PermissionDenied, Role, can, require
from accreditor.store import EventStore
from accreditor.users import AuthenticationError

MIGRATION_FIXTURES = Path(__file__).resolve().parents[1] / "data" / "migrations"

ORGANISER_PASSWORD = "correct horse battery"
DESK_PASSWORD = "desk password 1"


@pytest.fixture
def organiser(store: EventStore) -> Actor:
    with store.begin() as connection:
        users.add_user(connection, Actor.unrestricted("ana"), "ana", Role.ORGANISER, ORGANISER_PASSWORD)
    return users.authenticate(store, "ana", ORGANISER_PASSWORD)


def stored_hashes(store: EventStore) -> list[str]:
    with store.connect() as connection:
        return list(connection.execute(select(schema.users.c.password_hash)).scalars())


def test_a_password_is_stored_only_as_a_salted_scrypt_hash() -> None:
    first, second = users.hash_password(DESK_PASSWORD), users.hash_password(DESK_PASSWORD)

    assert first != second  # a fresh salt each time
    assert first.startswith(f"scrypt${users.SCRYPT_N}${users.SCRYPT_R}${users.SCRYPT_P}$")
    assert DESK_PASSWORD not in first
    assert users.password_matches(first, DESK_PASSWORD)
    assert not users.password_matches(first, DESK_PASSWORD + " ")
    assert not users.password_matches(first, "")


@pytest.mark.parametrize("damaged", ["", "scrypt$1$2", "md5$x$y$z$a$b", "scrypt$16384$8$1$!!!$???", "scrypt$a$b$c$d$e"])
def test_a_damaged_hash_matches_no_password(damaged: str) -> None:
    assert not users.password_matches(damaged, DESK_PASSWORD)


def test_a_password_typed_in_another_unicode_form_still_matches() -> None:
    stored = users.hash_password("Ma\u0301laga-2027")  # a + combining acute
    assert users.password_matches(stored, "M\u00e1laga-2027")  # precomposed á


def test_short_and_absurdly_long_passwords_are_refused() -> None:
    with pytest.raises(AccreditorError, match="at least 8 characters"):
        users.hash_password("short")
    with pytest.raises(AccreditorError, match="at most 1024 characters"):
        users.hash_password("x" * 1025)


def test_an_event_without_users_acts_unrestricted(store: EventStore) -> None:
    actor = users.log_in(store, "anyone", None)

    assert not users.event_has_users(store)
    assert (actor, actor.role, actor.authenticated) == ("anyone", Role.ORGANISER, False)
    assert "no users" in users.describe(actor)


def test_the_first_user_must_be_an_organiser(store: EventStore) -> None:
    with pytest.raises(AccreditorError, match="first user must be an organiser"), store.begin() as connection:
        users.add_user(connection, Actor.unrestricted("bob"), "bob", Role.DESK, DESK_PASSWORD)
    assert not users.event_has_users(store)


def test_logging_in_gives_the_users_role_and_audits_failures(store: EventStore, organiser: Actor) -> None:
    with store.begin() as connection:
        users.add_user(connection, organiser, "bob", Role.DESK, DESK_PASSWORD)

    bob = users.log_in(store, "Bob", DESK_PASSWORD, station="desk-2")  # names are found whatever their case
    assert (bob.name, bob.role, bob.authenticated) == ("bob", Role.DESK, True)

    for name, password in (("bob", ORGANISER_PASSWORD), ("nobody", DESK_PASSWORD)):
        with pytest.raises(AuthenticationError) as refused:
            users.log_in(store, name, password, station="desk-2")
        assert str(refused.value) == f"Wrong user name or password for {store.display_name}."
    with pytest.raises(AuthenticationError, match="has users: log in"):
        users.log_in(store, "bob", None)

    with store.connect() as connection:
        failures = [entry for entry in audit.history(connection) if entry.action == "user.login_failed"]
    assert [(entry.actor, entry.details) for entry in failures] == [
        ("bob", {"reason": "wrong name or password", "station": "desk-2"}),
        ("nobody", {"reason": "wrong name or password", "station": "desk-2"}),
    ]
    with store.connect() as connection:
        assert all(DESK_PASSWORD not in entry.details.values() for entry in audit.history(connection))


def test_a_disabled_user_cannot_log_in_until_enabled(store: EventStore, organiser: Actor) -> None:
    with store.begin() as connection:
        users.add_user(connection, organiser, "bob", Role.DESK, DESK_PASSWORD)
        users.set_active(connection, organiser, "bob", active=False)

    with pytest.raises(AuthenticationError, match="bob is disabled"):
        users.authenticate(store, "bob", DESK_PASSWORD)

    with store.begin() as connection:
        users.set_active(connection, organiser, "bob", active=True)
    assert users.authenticate(store, "bob", DESK_PASSWORD).role is Role.DESK


def test_the_last_active_organiser_cannot_be_disabled(store: EventStore, organiser: Actor) -> None:
    with pytest.raises(AccreditorError, match="last active organiser"), store.begin() as connection:
        users.set_active(connection, organiser, "ana", active=False)

    with store.begin() as connection:
        users.add_user(connection, organiser, "carla", Role.ORGANISER, ORGANISER_PASSWORD)
        users.set_active(connection, organiser, "ana", active=False)
        assert [(user.name, user.active) for user in users.list_users(connection, organiser)] == [
            ("ana", False),
            ("carla", True),
        ]


def test_names_are_unique_whatever_their_case_and_must_be_printable(store: EventStore, organiser: Actor) -> None:
    for name, message in (("ANA", "already has a user"), ("  ", "needs a name"), ("bad\nname", "printable")):
        with pytest.raises(AccreditorError, match=message), store.begin() as connection:
            users.add_user(connection, organiser, name, Role.VIEWER, DESK_PASSWORD)
    with pytest.raises(AccreditorError, match="no role 'admin'"), store.begin() as connection:
        users.add_user(connection, organiser, "eve", "admin", DESK_PASSWORD)


def test_users_change_their_own_password_and_only_an_organiser_changes_others(
    store: EventStore, organiser: Actor
) -> None:
    with store.begin() as connection:
        users.add_user(connection, organiser, "bob", Role.DESK, DESK_PASSWORD)
        users.add_user(connection, organiser, "dina", Role.DESK, DESK_PASSWORD)
    bob = users.authenticate(store, "bob", DESK_PASSWORD)
    before = stored_hashes(store)

    refused = pytest.raises(PermissionDenied, match=r"^Desk users may not change other users' passwords\.$")
    with refused, store.begin() as connection:
        users.change_password(connection, bob, "dina", "bob knows it now")
    assert stored_hashes(store) == before

    with store.begin() as connection:
        users.change_password(connection, bob, "bob", "a new desk password")
        users.change_password(connection, organiser, "dina", "reset by ana")
    assert users.authenticate(store, "bob", "a new desk password")
    assert users.authenticate(store, "dina", "reset by ana")
    with pytest.raises(AuthenticationError):
        users.authenticate(store, "bob", DESK_PASSWORD)
    with pytest.raises(NotFoundError, match="no user 'zoe'"), store.begin() as connection:
        users.change_password(connection, organiser, "zoe", "whatever it is")


def test_the_roles_table_matches_what_each_role_is_for() -> None:
    desk = Actor("bob", Role.DESK)
    assert ROLE_PERMISSIONS[Role.ORGANISER] == frozenset(Permission)
    assert {p for p in Permission if can(desk, p)} == {
        Permission.READ_GUESTS,
        Permission.CHECK_IN,
        Permission.WALK_IN,
        Permission.PRINT_BADGES,
        Permission.REPRINT_BADGES,
    }
    assert not can(Actor("sam", Role.SECURITY), Permission.READ_GUESTS)
    assert can(Actor("sam", Role.SECURITY), Permission.OPERATE_GATE)
    assert not any(can(Actor("val", Role.VIEWER), p) for p in Permission if p not in ROLE_PERMISSIONS[Role.VIEWER])
    assert can(Actor("ada", Role.ACCREDITATION), Permission.DECIDE)
    assert not can(Actor("ada", Role.ACCREDITATION), Permission.MANAGE_USERS)
    with pytest.raises(PermissionDenied) as refused:
        require(desk, Permission.DECIDE, "approve guests")
    assert str(refused.value) == "Desk users may not approve guests."


def test_an_actor_is_its_name_wherever_a_name_is_recorded_and_survives_pickling() -> None:
    actor = Actor("bob", Role.DESK)

    assert actor == "bob" and f"{actor}" == "bob"
    assert pickle.loads(pickle.dumps(actor)).role is Role.DESK


def test_a_schema_4_event_gets_an_empty_users_table_and_keeps_working(tmp_path: Path) -> None:
    old = tmp_path / "old.accreditor"
    shutil.copyfile(MIGRATION_FIXTURES / "schema-4.accreditor", old)  # written by Accreditor with schema 4

    with EventStore.open(old) as store:
        assert store.schema_version() == schema.SCHEMA_VERSION
        assert not users.event_has_users(store)
        with store.begin() as connection:
            users.add_user(connection, Actor.unrestricted("ana"), "ana", Role.ORGANISER, ORGANISER_PASSWORD)
        assert users.authenticate(store, "ana", ORGANISER_PASSWORD).role is Role.ORGANISER

    with closing(sqlite3.connect(f"{old}.schema-4.bak")) as backup:
        tables = {row[0] for row in backup.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "users" not in tables
