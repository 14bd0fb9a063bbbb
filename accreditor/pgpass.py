"""Event server passwords kept where PostgreSQL itself looks for them, never in settings or URLs.

A station remembers the URL without its password (`postgresql://desk@192.168.10.5:5432/summit`), and
the password goes into the PostgreSQL password file, readable by its owner alone: `~/.pgpass` (or
`%APPDATA%\\postgresql\\pgpass.conf` on Windows, or the file PGPASSFILE names).  The driver reads it on
every connection, so the app, the CLI and a gate all find it, and PostgreSQL's own tools too.
"""

import os
import sys
from pathlib import Path
from urllib.parse import unquote

from sqlalchemy import make_url
from sqlalchemy.exc import ArgumentError

from accreditor.errors import EventFileError


def password_file() -> Path:
    """Where libpq looks for passwords on this computer."""
    if os.environ.get("PGPASSFILE"):
        return Path(os.environ["PGPASSFILE"])
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home())) / "postgresql" / "pgpass.conf"
    return Path.home() / ".pgpass"


def without_password(url: str) -> str:
    """The URL with its password left out (what a station remembers)."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as error:
        raise EventFileError("That is not a valid postgresql:// URL.") from error
    return parsed._replace(password=None).render_as_string(hide_password=False)  # set() ignores None


def _escaped(field: str) -> str:
    return field.replace("\\", "\\\\").replace(":", "\\:")


def remember_password(url: str, password: str) -> Path:
    """Keep `password` for the server, database and user of `url` in the password file (mode 0600).

    An earlier line for the same server, port, database and user is replaced; other lines are kept.
    """
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as error:
        raise EventFileError("That is not a valid postgresql:// URL.") from error
    key = [
        _escaped(parsed.host or "localhost"),
        str(parsed.port or 5432),
        _escaped(unquote(parsed.database or "")),
        _escaped(unquote(parsed.username or "")),
    ]
    prefix = ":".join(key) + ":"
    path = password_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    kept = []
    if path.exists():
        kept = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith(prefix)]
    # Created unreadable by others before the password is written into it (libpq ignores a laxer file).
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write("\n".join([*kept, prefix + _escaped(password)]) + "\n")
    if sys.platform != "win32":
        path.chmod(0o600)
    return path
