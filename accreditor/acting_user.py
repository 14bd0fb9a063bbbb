"""Who is acting, for the audit log: the `ACCREDITOR_USER` environment variable, else the login name.

Its own small module because the CLI and the desktop app both need it, and the app must not import
the command line (its command modules pull in badge rendering and the whole import pipeline).
"""

import getpass
import os


def default_user() -> str:
    try:
        return os.environ.get("ACCREDITOR_USER") or getpass.getuser()
    except (KeyError, OSError):  # no login name in a container or service
        return "unknown"
