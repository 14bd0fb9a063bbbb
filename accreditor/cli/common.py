"""What every command shares: exit codes, the acting user, JSON output, argument types."""

import argparse
import getpass
import json
import os
import sys
from datetime import date
from typing import Any

EXIT_OK, EXIT_REFUSED, EXIT_UNREADABLE = 0, 1, 2

Commands = argparse._SubParsersAction  # the object add_subparsers() returns


def default_user() -> str:
    try:
        return os.environ.get("ACCREDITOR_USER") or getpass.getuser()
    except (KeyError, OSError):  # no login name in a container or service
        return "unknown"


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-05-03") from error


def print_json(value: Any, *, one_line: bool = False) -> None:
    """JSON on stdout; `one_line` for streams of objects (one per line, JSON Lines)."""
    json.dump(value, sys.stdout, ensure_ascii=False, indent=None if one_line else 2, default=str)
    sys.stdout.write("\n")
