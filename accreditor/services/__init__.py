"""Application services: every rule of the desk, of issuing badges and of the gate's occupancy, in one place.

The CLI and the desktop app are two thin front ends over these services (Anki's collection operations are the
model).  Each operation that writes returns an `accreditor.changes.Changes` saying what it touched; each
failure is an `AccreditorError` with one sentence for the user — a database error never leaves a service as
itself (`guarded`).
"""

import contextlib
from collections.abc import Iterator

from sqlalchemy.exc import SQLAlchemyError

from accreditor.errors import AccreditorError


class DatabaseError(AccreditorError):
    """The event database could not be read or written (disk full, server gone, file locked)."""


@contextlib.contextmanager
def guarded(doing: str) -> Iterator[None]:
    """Turn a database error while `doing` ("checking the guest in") into one sentence for the user."""
    try:
        yield
    except SQLAlchemyError as error:
        cause = str(getattr(error, "orig", None) or type(error).__name__).splitlines()[0]
        raise DatabaseError(f"The event database failed while {doing} ({cause}); nothing was changed.") from error
