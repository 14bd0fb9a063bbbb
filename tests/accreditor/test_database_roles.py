"""On PostgreSQL a desk's own database login cannot do with raw SQL what its role may not (a real cluster)."""

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Executable, create_engine, insert, make_url, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from accreditor import categories, database_roles, guests, schema, users, workflow
from accreditor.guests import GuestFields
from accreditor.roles import Actor, Role
from accreditor.store import EventStore

DESK_PASSWORD = "desk password 1"


@pytest.fixture
def postgres_event(request: pytest.FixtureRequest) -> Iterator[EventStore]:
    """An event on the throwaway cluster with an organiser, a desk user (bob), a pending and an approved guest."""
    try:
        url = request.getfixturevalue("postgres_url")
    except pytest.FixtureLookupError:
        pytest.skip("this tree has no throwaway PostgreSQL cluster fixture (postgres_url)")
    store = EventStore.create(url, passphrase="test passphrase", name="Summit")
    with store.begin() as connection:
        categories.install_standard(connection)
        ana = Actor.unrestricted("ana")
        users.add_user(connection, ana, "ana", Role.ORGANISER, "organiser password")
        users.add_user(connection, Actor("ana", Role.ORGANISER), "bob", Role.DESK, DESK_PASSWORD)
        guests.add_guest(connection, GuestFields(family_name="Pending"), ana)
        approved = guests.add_guest(connection, GuestFields(family_name="Approved"), ana)
        workflow.change_status(connection, [approved], "approved", ana)
    yield store
    store.close()


def login_engine(store: EventStore, user: str, password: str) -> Engine:
    with store.connect() as connection:
        login = database_roles.login_role(connection.exec_driver_sql("SELECT current_database()").scalar_one(), user)
    return create_engine(store.engine.url.set(username=login, password=password))


def walk_in(status: str) -> Executable:
    """A guest added as the desk's own code would (every column's default filled in), in `status`."""
    now = datetime.now(UTC)
    return insert(schema.guests).values(
        family_name="Walk-in", category_code="DEL", status=status, created_at=now, updated_at=now
    )


def refused(engine: Engine, statement: str | Executable) -> str:
    """The database's refusal of `statement` run as `engine`'s login, or "" if it ran (then rolled back)."""
    with engine.connect() as connection:
        try:
            connection.execute(text(statement) if isinstance(statement, str) else statement)
        except DBAPIError as error:
            return str(error.orig).splitlines()[0]
        finally:
            connection.rollback()
    return ""


def test_a_desk_login_cannot_change_statuses_or_read_the_signing_key(postgres_event: EventStore) -> None:
    desk = login_engine(postgres_event, "bob", DESK_PASSWORD)
    try:
        for statement in (
            "UPDATE guests SET status = 'approved' WHERE id = 1",
            "UPDATE guests SET status = 'revoked', status_reason = 'x' WHERE id = 2",
            "SELECT sealed_private_key FROM signing_keys",
            "SELECT * FROM signing_keys",
            "UPDATE users SET role = 'organiser' WHERE name = 'bob'",
            "INSERT INTO zones (code, name, sort_order) VALUES ('X', 'X', 9)",
            "DELETE FROM guests WHERE id = 1",
            "INSERT INTO scans (nonce, at, gate, zone, direction, station, operator, colour, reason, code_hash, "
            "override_reason) VALUES ('n', now(), '', 'MAIN', 'in', '', '', 'green', 'ok', '', '')",
        ):
            assert "permission denied" in refused(desk, statement), statement
        assert "row-level security" in refused(desk, walk_in("approved"))

        # What the desk does is allowed: read guests and public keys, check in, add a walk-in (all rolled back).
        assert refused(desk, "SELECT key_id, public_key FROM signing_keys") == ""
        assert refused(desk, "UPDATE guests SET checked_in_at = now() WHERE id = 2") == ""
        assert refused(desk, walk_in("pending")) == ""
    finally:
        desk.dispose()
    with postgres_event.connect() as connection:
        statuses = dict(connection.execute(text("SELECT id, status FROM guests ORDER BY id")).all())
    assert statuses == {1: "pending", 2: "approved"}


def test_a_disabled_users_database_login_cannot_connect(postgres_event: EventStore) -> None:
    with postgres_event.begin() as connection:
        users.set_active(connection, Actor("ana", Role.ORGANISER), "bob", active=False)
    desk = login_engine(postgres_event, "bob", DESK_PASSWORD)
    try:
        with pytest.raises(DBAPIError, match="not permitted to log in"), desk.connect():
            pass
    finally:
        desk.dispose()
    assert make_url(str(postgres_event.engine.url)).database  # the organiser's own connection is untouched
