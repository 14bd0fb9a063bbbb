"""Organisations' short forms: what a badge prints when an organisation's full name would not fit legibly.

"Executive Committee of the Commonwealth of Independent States" does not fit a card at 6 pt; the organiser
says it is "CIS Executive Committee" once, and every badge of that organisation that needs it prints that.
"""

from sqlalchemy import Connection, delete, insert, select

from accreditor import audit, schema
from accreditor.errors import ValidationError
from accreditor.roles import Permission, require
from accreditor.text import clean

MAX_SHORT_NAME = 60


def short_names(connection: Connection) -> dict[str, str]:
    """Every short form the organiser set, by organisation as guests have it."""
    table = schema.organisation_short_names
    return {row.organisation: row.short_name for row in connection.execute(select(table))}


def set_short_name(connection: Connection, organisation: str, short_name: str, actor: str) -> None:
    require(actor, Permission.CONFIGURE_EVENT)
    """Set (or with an empty `short_name`, remove) an organisation's short form; audited."""
    organisation, short_name = clean(organisation), clean(short_name)
    if not organisation:
        raise ValidationError("Name the organisation whose short form this is.")
    if len(short_name) > MAX_SHORT_NAME:
        raise ValidationError(f"A short form has at most {MAX_SHORT_NAME} characters; “{short_name}” is longer.")
    if short_name and len(short_name) >= len(organisation):
        raise ValidationError(f"“{short_name}” is not shorter than “{organisation}”.")
    table = schema.organisation_short_names
    connection.execute(delete(table).where(table.c.organisation == organisation))
    if short_name:
        connection.execute(insert(table).values(organisation=organisation, short_name=short_name))
    audit.record(connection, actor, "organisation.short_name", organisation=organisation, short_name=short_name)
