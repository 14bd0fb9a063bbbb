"""On PostgreSQL, the app's roles again as database roles, so raw SQL cannot do what the role may not.

A station on the venue's server connects with its user's own database login; what that login may touch is
granted here per role (group roles `<database>_<role>`, one login `<database>_<user>` per user).  A desk's
login cannot change a guest's status (it may update only the check-in columns, and add guests only as
pending — row-level security), cannot read the signing key's private half, cannot touch users, categories or
scans.  SQLite has no such thing: there the file is the boundary and `roles.require` the rule.

Everything here is PostgreSQL's own SQL (like `dialects.py`); it runs only on a PostgreSQL event.
"""

from sqlalchemy import Connection, text

from accreditor import schema
from accreditor.errors import AccreditorError
from accreditor.roles import Role

# Every column of signing_keys but the private key: enough to verify badges, not to sign them.
_PUBLIC_KEY_COLUMNS = "key_id, public_key, created_at, active, retired_at"
_EVERY_TABLE = tuple(table.name for table in schema.metadata.sorted_tables)
_READABLE = tuple(name for name in _EVERY_TABLE if name != "signing_keys")

# role → (table, privileges) granted on top of reading every table but the private key.
_WRITES: dict[Role, tuple[tuple[str, str], ...]] = {
    Role.ORGANISER: (),  # granted everything below
    Role.ACCREDITATION: (
        ("guests", "INSERT, UPDATE"),
        ("guest_zones", "INSERT, UPDATE, DELETE"),
        ("guest_photos", "INSERT, UPDATE, DELETE"),
        ("badges", "INSERT"),
        ("checkins", "INSERT"),
        ("checkin_nonces", "INSERT, UPDATE"),  # a queued check-in's nonce and what it got
        ("audit_log", "INSERT"),
        ("audit_head", "UPDATE"),  # each entry moves the chain's head
        ("signing_keys", "SELECT"),  # it prints badges: it signs them
    ),
    Role.DESK: (
        ("guests", "INSERT, UPDATE (checked_in_at, checked_in_station, checked_in_by)"),
        ("checkins", "INSERT, UPDATE (undone_at, undone_by, undo_reason)"),
        ("checkin_nonces", "INSERT, UPDATE"),
        ("badges", "INSERT"),
        ("audit_log", "INSERT"),
        ("audit_head", "UPDATE"),
    ),
    Role.SECURITY: (
        ("scans", "INSERT"),
        ("station_scans", "INSERT"),  # merged lines and the gate station that signed them
        ("audit_log", "INSERT"),
        ("audit_head", "UPDATE"),
    ),
    Role.VIEWER: (),
}


def group_role(database: str, role: Role) -> str:
    return f"{database}_{role.value}"


def login_role(database: str, user: str) -> str:
    return f"{database}_{user}".lower()


def _identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _database(connection: Connection) -> str:
    return str(connection.exec_driver_sql("SELECT current_database()").scalar_one())


def install(connection: Connection) -> None:
    """Create the event's group roles (if missing) and grant each what its app role needs; safe to repeat."""
    database = _database(connection)
    run = connection.exec_driver_sql
    for role in Role:
        group = _identifier(group_role(database, role))
        run(f"DO $$ BEGIN CREATE ROLE {group} NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$")
        run(f"GRANT CONNECT ON DATABASE {_identifier(database)} TO {group}")
        run(f"GRANT USAGE ON SCHEMA public TO {group}")
        run(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {group}")
        if role is Role.ORGANISER:
            run(f"GRANT ALL PRIVILEGES ON ALL TABLES IN SCHEMA public TO {group}")
            continue
        run(f"GRANT SELECT ON {', '.join(_READABLE)} TO {group}")
        run(f"GRANT SELECT ({_PUBLIC_KEY_COLUMNS}) ON signing_keys TO {group}")
        for table, privileges in _WRITES[role]:
            run(f"GRANT {privileges} ON {table} TO {group}")
    _guard_guest_rows(connection, database)


def _guard_guest_rows(connection: Connection, database: str) -> None:
    """A desk adds walk-ins only as pending guests; every other role sees and writes guests as its grants say."""
    run = connection.exec_driver_sql
    run("ALTER TABLE guests ENABLE ROW LEVEL SECURITY")  # the owner (the server's admin) is not bound by it
    others = ", ".join(_identifier(group_role(database, role)) for role in Role if role is not Role.DESK)
    desk = _identifier(group_role(database, Role.DESK))
    for name, clause in (
        ("guests_by_grant", f"FOR ALL TO {others} USING (true) WITH CHECK (true)"),
        ("guests_desk_reads", f"FOR SELECT TO {desk} USING (true)"),
        ("guests_desk_walk_ins", f"FOR INSERT TO {desk} WITH CHECK (status = 'pending')"),
        ("guests_desk_check_ins", f"FOR UPDATE TO {desk} USING (true) WITH CHECK (true)"),
    ):
        run(f"DROP POLICY IF EXISTS {name} ON guests")
        run(f"CREATE POLICY {name} ON guests {clause}")


def add_login(connection: Connection, user: str, role: Role, password: str) -> str:
    """The database login of an app user, in their role's group; returns its name (what the station connects as)."""
    database = _database(connection)
    install(connection)
    login = login_role(database, user)
    statement = (
        f"CREATE ROLE {_identifier(login)} LOGIN PASSWORD {_literal(password)} "
        f"IN ROLE {_identifier(group_role(database, role))}"
    )
    try:
        with connection.begin_nested():
            connection.exec_driver_sql(statement.replace("%", "%%"))
    except Exception as error:  # no CREATEROLE, or a login of that name elsewhere on the server
        cause = str(getattr(error, "orig", error)).splitlines()[0]
        raise AccreditorError(f"The database login {login} could not be created ({cause}).") from error
    return login


def _login_exists(connection: Connection, login: str) -> bool:
    query = text("SELECT 1 FROM pg_roles WHERE rolname = :login")
    return connection.execute(query, {"login": login}).first() is not None


def set_login_active(connection: Connection, user: str, *, active: bool) -> None:
    """Let the user's database login connect again, or not (a disabled user's station is shut out too)."""
    login = login_role(_database(connection), user)
    if _login_exists(connection, login):
        connection.exec_driver_sql(f"ALTER ROLE {_identifier(login)} {'LOGIN' if active else 'NOLOGIN'}")


def set_login_password(connection: Connection, user: str, password: str) -> None:
    login = login_role(_database(connection), user)
    if _login_exists(connection, login):
        connection.exec_driver_sql(f"ALTER ROLE {_identifier(login)} PASSWORD {_literal(password)}".replace("%", "%%"))
