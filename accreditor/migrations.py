"""Forward migrations of the event schema.

`STEPS[n]` upgrades a database from schema version n to n + 1 inside the caller's
transaction.  A file from an older version is migrated when it is opened; the original is
kept beside it as a backup first (see store.py).
"""

from collections.abc import Callable

from sqlalchemy import Connection

from accreditor import schema

Step = Callable[[Connection], None]

STEPS: dict[int, Step] = {}


def migrate(connection: Connection, from_version: int, to_version: int | None = None) -> None:
    # The target is read when called (not bound as a default at import), so it is always the current version.
    target = schema.SCHEMA_VERSION if to_version is None else to_version
    for version in range(from_version, target):
        STEPS[version](connection)
    connection.execute(schema.meta.update().where(schema.meta.c.key == "schema_version").values(value=str(target)))
