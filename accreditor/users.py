"""The event's users: add, list, disable, change a password, and log in.

Passwords are hashed with scrypt (memory-hard, in Python's standard library through OpenSSL) with OWASP's
parameters: N=2^15, r=8, p=3, 32 MiB per hash.  The stored hash names its parameters, so a later version can
raise them and still check older hashes.  A password is compared in constant time, an unknown name costs
the same hash as a known one, and no password is ever logged, echoed or put in an error message.

An event without users is one trusted laptop: every command works as before and acts unrestricted
(`roles.Actor.unrestricted`).  The first user an organiser adds must be an organiser, so nobody is locked out.
"""

import base64
import hashlib
import hmac
import os
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, func, insert, select, update

from accreditor import audit, database_roles, schema
from accreditor.clock import utc_now
from accreditor.errors import AccreditorError, NotFoundError
from accreditor.roles import Actor, Permission, Role, require, role_of
from accreditor.store import EventStore

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 3
_SCRYPT_MAX_MEMORY = 256 * 1024 * 1024  # room above the 32 MiB these parameters use (OpenSSL's default is 32)
_SALT_BYTES, _DIGEST_BYTES = 16, 32
MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 1024
MAX_NAME_LENGTH = 64

NO_USERS_NOTE = (
    "This event has no users: anyone with the file may do everything (one-laptop use); "
    "`accreditor users add EVENT NAME --role organiser` creates the first organiser."
)


class AuthenticationError(AccreditorError):
    """A wrong name or password, or a disabled user: nothing is done."""


@dataclass(frozen=True, slots=True)
class User:
    id: int
    name: str
    role: Role
    active: bool
    created_at: datetime
    password_changed_at: datetime

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "role": self.role.value,
            "active": self.active,
            "created_at": self.created_at.isoformat(),
            "password_changed_at": self.password_changed_at.isoformat(),
        }


# -- passwords ----------------------------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    secret = unicodedata.normalize("NFC", password).encode("utf-8")  # the same password typed on any keyboard
    return hashlib.scrypt(secret, salt=salt, n=n, r=r, p=p, maxmem=_SCRYPT_MAX_MEMORY, dklen=_DIGEST_BYTES)


def hash_password(password: str) -> str:
    """`scrypt$N$r$p$salt$digest` (salt and digest in Base64): everything needed to check a password later."""
    check_password_rules(password)
    salt = os.urandom(_SALT_BYTES)
    digest = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def password_matches(stored: str, password: str) -> bool:
    """Whether `password` is the one `stored` was made from; a damaged hash matches nothing."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt" or len(password) > MAX_PASSWORD_LENGTH:
            return False
        expected = base64.b64decode(digest, validate=True)
        computed = _scrypt(password, base64.b64decode(salt, validate=True), int(n), int(r), int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(computed, expected)


# A hash of nothing anyone can type: checked against when the name is unknown, so both cost the same time.
_DECOY_HASH = f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(bytes(_SALT_BYTES))}${_b64(bytes(_DIGEST_BYTES))}"


def check_password_rules(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccreditorError(f"A password needs at least {MIN_PASSWORD_LENGTH} characters.")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise AccreditorError(f"A password may have at most {MAX_PASSWORD_LENGTH} characters.")


# -- reading --------------------------------------------------------------------------------------------


def has_users(connection: Connection) -> bool:
    return connection.execute(select(func.count()).select_from(schema.users)).scalar_one() > 0


def event_has_users(store: EventStore) -> bool:
    with store.connect() as connection:
        return has_users(connection)


def _user_from_row(row: Row[Any]) -> User:
    return User(
        id=row.id,
        name=row.name,
        role=Role(row.role),
        active=bool(row.active),
        created_at=row.created_at,
        password_changed_at=row.password_changed_at,
    )


def list_users(connection: Connection, actor: str) -> list[User]:
    require(actor, Permission.MANAGE_USERS, "list users")
    rows = connection.execute(select(schema.users).order_by(schema.users.c.name)).all()
    return [_user_from_row(row) for row in rows]


def _find(connection: Connection, name: str) -> Row[Any] | None:
    users = schema.users
    return connection.execute(select(users).where(func.lower(users.c.name) == name.strip().lower())).first()


def _get(connection: Connection, name: str) -> Row[Any]:
    row = _find(connection, name)
    if row is None:
        raise NotFoundError(f"The event has no user {name!r}.")
    return row


# -- changing -------------------------------------------------------------------------------------------


def _check_name(name: str) -> str:
    name = unicodedata.normalize("NFC", name.strip())
    if not name:
        raise AccreditorError("A user needs a name.")
    if len(name) > MAX_NAME_LENGTH or any(unicodedata.category(char)[0] == "C" for char in name):
        raise AccreditorError(f"A user name has at most {MAX_NAME_LENGTH} printable characters.")
    return name


def add_user(connection: Connection, actor: str, name: str, role: Role | str, password: str) -> User:
    """A new, active user; the event's first must be an organiser (and needs no permission: nobody has any yet)."""
    try:
        role = Role(role)
    except ValueError as error:
        raise AccreditorError(f"There is no role {role!r}; the roles are {', '.join(Role)}.") from error
    if has_users(connection):
        require(actor, Permission.MANAGE_USERS, "add users")
    elif role is not Role.ORGANISER:
        raise AccreditorError("The event's first user must be an organiser, so someone can manage the others.")
    name = _check_name(name)
    if _find(connection, name) is not None:
        raise AccreditorError(f"The event already has a user named {name!r}.")
    now = utc_now()
    user_id = connection.execute(
        insert(schema.users).values(
            name=name,
            role=role.value,
            password_hash=hash_password(password),
            active=True,
            created_at=now,
            password_changed_at=now,
        )
    ).inserted_primary_key[0]
    if connection.dialect.name == "postgresql":  # the station's own database login, with the role's grants
        database_roles.add_login(connection, name, role, password)
    audit.record(connection, actor, "user.added", user=name, role=role.value)
    return User(user_id, name, role, True, now, now)


def set_active(connection: Connection, actor: str, name: str, *, active: bool) -> User:
    """Disable (or enable again) a user; the last active organiser cannot be disabled."""
    require(actor, Permission.MANAGE_USERS, "disable or enable users" if not active else "enable users")
    row = _get(connection, name)
    user = _user_from_row(row)
    if not active and user.role is Role.ORGANISER and user.active and _active_organisers(connection) == 1:
        raise AccreditorError(f"{user.name} is the event's last active organiser and cannot be disabled.")
    connection.execute(update(schema.users).where(schema.users.c.id == user.id).values(active=active))
    if connection.dialect.name == "postgresql":
        database_roles.set_login_active(connection, user.name, active=active)
    audit.record(connection, actor, "user.enabled" if active else "user.disabled", user=user.name)
    return User(user.id, user.name, user.role, active, user.created_at, user.password_changed_at)


def _active_organisers(connection: Connection) -> int:
    users = schema.users
    query = select(func.count()).where(users.c.role == Role.ORGANISER.value, users.c.active.is_(True))
    return connection.execute(query).scalar_one()


def change_password(connection: Connection, actor: str, name: str, new_password: str) -> None:
    """Users change their own password; an organiser may set anyone's."""
    row = _get(connection, name)
    user = _user_from_row(row)
    if not (isinstance(actor, Actor) and actor.authenticated and actor.lower() == user.name.lower()):
        require(actor, Permission.MANAGE_USERS, "change other users' passwords")
    connection.execute(
        update(schema.users)
        .where(schema.users.c.id == user.id)
        .values(password_hash=hash_password(new_password), password_changed_at=utc_now())
    )
    if connection.dialect.name == "postgresql":
        database_roles.set_login_password(connection, user.name, new_password)
    audit.record(connection, actor, "user.password_changed", user=user.name)


# -- logging in -----------------------------------------------------------------------------------------


def authenticate(store: EventStore, name: str, password: str, *, station: str = "") -> Actor:
    """The user `name` as an `Actor` with their role, or AuthenticationError (the failure is audited)."""
    with store.connect() as connection:
        row = _find(connection, name)
    matches = password_matches(row.password_hash if row is not None else _DECOY_HASH, password)
    if row is not None and matches and row.active:
        return Actor(row.name, Role(row.role))
    disabled = row is not None and matches
    with store.begin() as connection:
        audit.record(
            connection,
            name.strip()[:MAX_NAME_LENGTH] or "?",
            "user.login_failed",
            reason="disabled" if disabled else "wrong name or password",
            station=station,
        )
    if disabled:
        raise AuthenticationError(f"The user {row.name} is disabled; an organiser can enable them again.")
    raise AuthenticationError(f"Wrong user name or password for {store.display_name}.")


def log_in(store: EventStore, name: str, password: str | None, *, station: str = "") -> Actor:
    """Who acts on this event: anyone, unrestricted, on an event without users; else the authenticated user."""
    if not event_has_users(store):
        return Actor.unrestricted(name)
    if password is None:
        raise AuthenticationError(f"{store.display_name} has users: log in with --user and a password.")
    return authenticate(store, name, password, station=station)


def describe(actor: str) -> str:
    """ "ana (desk)" — who is logged in, for status lines."""
    if isinstance(actor, Actor) and not actor.authenticated:
        return f"{actor} (no users: everything allowed)"
    return f"{actor} ({role_of(actor).value})"
