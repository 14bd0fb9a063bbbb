"""Errors the core raises for the user to read.

Every message is one clear sentence: the CLI prints it to stderr as it is and the
desktop app shows it in a dialog, so it must make sense without a traceback.
"""


class AccreditorError(Exception):
    """Base class of every error meant for the user."""


class EventFileError(AccreditorError):
    """The event database cannot be opened, created or migrated."""


class WorkflowError(AccreditorError):
    """An accreditation status change that the workflow does not allow."""


class NotFoundError(AccreditorError):
    """A guest, category or zone that the event does not have."""


class ImportFileError(AccreditorError):
    """A registration file that cannot be read at all (as opposed to bad rows in it)."""


class ValidationError(AccreditorError):
    """Guest data that breaks a field rule; carries the field-level errors."""


class DatabaseUnavailableError(EventFileError):
    """The event database cannot be used right now (locked by a long change, or the server is unreachable),
    even after waiting and trying again; nothing was written."""


class DatabaseBusyError(DatabaseUnavailableError):
    """Another station held the database for longer than we waited."""


class ServerUnreachableError(DatabaseUnavailableError):
    """The PostgreSQL event server cannot be reached, or the connection to it was lost."""
