"""Who may do what: the five roles, what each may do, and the one check every service makes.

A service that writes or reads protected data calls `require(actor, Permission.…)` before it touches the
database; a refusal is one sentence ("Desk users may not approve guests.") and nothing is written.  The CLI
and the app only hand the services an `Actor` that `users.authenticate` made (or, for an event that has no
users yet, `Actor.unrestricted`); menus hide what a role cannot do, but this module decides.

An `Actor` is a `str` — the user's name — carrying its role: every layer that only records who acted
(audit entries, `printed_by`, `checked_in_by`, a gate's operator) keeps taking the name as it always did.  A
plain string is an event without users (one laptop, everyone trusted), so it is allowed everything.
"""

from enum import StrEnum

from accreditor.errors import AccreditorError


class Role(StrEnum):
    ORGANISER = "organiser"
    ACCREDITATION = "accreditation"
    DESK = "desk"
    SECURITY = "security"
    VIEWER = "viewer"


class Permission(StrEnum):
    """One thing a user may be allowed to do; its value completes "… users may not …"."""

    READ_GUESTS = "read the guest list"
    READ_REPORTS = "read the reports"
    EXPORT_GUESTS = "export the guest list"
    IMPORT_GUESTS = "import guest lists"
    DECIDE = "change guests' accreditation"
    EDIT_GUESTS = "edit guests"
    WALK_IN = "register walk-in guests"
    PHOTOS = "change guests' photos"
    CHECK_IN = "check guests in"
    PRINT_BADGES = "print badges"
    REPRINT_BADGES = "reprint badges"
    CONFIGURE_EVENT = "change the event's categories, zones or organisations' short forms"
    OPERATE_GATE = "operate a gate"
    SEE_INSIDE = "see who is inside"
    MERGE_SCANS = "merge gate scan logs"
    GATE_PACKAGE = "write gate packages"
    MANAGE_KEYS = "manage the signing keys"
    MANAGE_USERS = "manage users"
    COPY_EVENT = "copy the whole event"


_READ = {Permission.READ_GUESTS, Permission.READ_REPORTS}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ORGANISER: frozenset(Permission),
    Role.ACCREDITATION: frozenset(
        _READ
        | {
            Permission.EXPORT_GUESTS,
            Permission.IMPORT_GUESTS,
            Permission.DECIDE,
            Permission.EDIT_GUESTS,
            Permission.WALK_IN,
            Permission.PHOTOS,
            Permission.PRINT_BADGES,
            Permission.REPRINT_BADGES,
        }
    ),
    # The desk finds guests, checks them in, registers walk-ins (as pending) and prints approved guests' badges.
    Role.DESK: frozenset(
        {
            Permission.READ_GUESTS,
            Permission.CHECK_IN,
            Permission.WALK_IN,
            Permission.PRINT_BADGES,
            Permission.REPRINT_BADGES,
        }
    ),
    Role.SECURITY: frozenset({Permission.OPERATE_GATE, Permission.SEE_INSIDE, Permission.MERGE_SCANS}),
    Role.VIEWER: frozenset(_READ),
}


class PermissionDenied(AccreditorError):
    """The acting user's role does not allow what was asked; nothing was done."""


class Actor(str):
    """A user's name with the role they logged in with (see the module's note on why it is a `str`)."""

    role: Role
    authenticated: bool

    def __new__(cls, name: str, role: Role, *, authenticated: bool = True) -> "Actor":
        actor = super().__new__(cls, name)
        actor.role = Role(role)
        actor.authenticated = authenticated
        return actor

    def __getnewargs_ex__(self) -> tuple[tuple[str, Role], dict[str, bool]]:
        """Pickled whole (a batch's worker processes get the actor too), not as the bare name `str` would be."""
        return (self.name, self.role), {"authenticated": self.authenticated}

    @classmethod
    def unrestricted(cls, name: str) -> "Actor":
        """Whoever works on an event that has no users: everything is allowed, as on one trusted laptop."""
        return cls(name, Role.ORGANISER, authenticated=False)

    @property
    def name(self) -> str:
        return str.__str__(self)

    def __repr__(self) -> str:
        return f"Actor({self.name!r}, {self.role.value!r})"


def role_of(actor: str) -> Role:
    """The role an actor acts in; a plain name (an event without users) acts as organiser."""
    return actor.role if isinstance(actor, Actor) else Role.ORGANISER


def can(actor: str, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[role_of(actor)]


def require(actor: str, permission: Permission, doing: str | None = None) -> None:
    """Refuse with one sentence unless `actor` may do `permission`; `doing` words it more exactly ("approve guests")."""
    if not can(actor, permission):
        raise PermissionDenied(f"{role_of(actor).value.capitalize()} users may not {doing or permission.value}.")
