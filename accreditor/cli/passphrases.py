"""The signing key's passphrase on the command line: `--passphrase-file`, ACCREDITOR_KEY_PASSPHRASE, or a prompt.

A command that signs (badges, print, token, gate-package, keys rotate) or upgrades an older event reads it
only when it needs it: `install_source` hands keys.py a function that finds it then.  A prompt is offered only
on a terminal; a script gives the file or the environment variable.  The passphrase is never echoed or logged.
"""

import argparse
import getpass
import os
import sys
from pathlib import Path

from accreditor import keys
from accreditor.cli.common import UsageError

PASSPHRASE_ENV = "ACCREDITOR_KEY_PASSPHRASE"
NEW_PASSPHRASE_ENV = "ACCREDITOR_NEW_KEY_PASSPHRASE"


def add_options(parser: argparse.ArgumentParser, *, default: object = None) -> None:
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        default=default,
        metavar="FILE",
        help=f"the signing key's passphrase, first line of FILE (or ${PASSPHRASE_ENV}, or a prompt)",
    )


def install_source(args: argparse.Namespace) -> keys.PassphraseSource | None:
    """Let keys.py ask this command line for the passphrase when something must be signed or sealed;
    returns the source it replaced, to put back when the command is done."""
    return keys.set_passphrase_source(lambda: given(args) or _prompt("Passphrase of the event's signing key: "))


def given(args: argparse.Namespace) -> str | None:
    """The passphrase from --passphrase-file or the environment, None when neither gives one."""
    path = getattr(args, "passphrase_file", None)
    if path is not None:
        return _read(path)
    return os.environ.get(PASSPHRASE_ENV) or None


def required(args: argparse.Namespace) -> str:
    """The current passphrase, for commands that cannot do without it."""
    passphrase = given(args) or _prompt("Passphrase of the event's signing key: ")
    if passphrase is None:
        raise UsageError(f"Give the signing key's passphrase with --passphrase-file or {PASSPHRASE_ENV}.")
    return passphrase


def new(args: argparse.Namespace, *, file_option: str, environment: str) -> str:
    """A passphrase being set: from a file option, the environment, or typed twice on a terminal."""
    path = getattr(args, file_option.removeprefix("--").replace("-", "_"), None)
    if path is not None:
        return _read(path)
    if os.environ.get(environment):
        return os.environ[environment]
    first = _prompt("New passphrase for the event's signing key: ")
    if first is None:
        raise UsageError(f"Give the new passphrase with {file_option} or {environment}.")
    if _prompt("The same passphrase again: ") != first:
        raise UsageError("The two passphrases differ; nothing was changed.")
    return first


def _read(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or "not UTF-8 text"
        raise UsageError(f"The passphrase file {path} cannot be read ({reason}).") from error
    passphrase = text.splitlines()[0] if text else ""
    if not passphrase:
        raise UsageError(f"The passphrase file {path} is empty.")
    return passphrase


def _prompt(question: str) -> str | None:
    if not sys.stdin.isatty():
        return None
    return getpass.getpass(question) or None
