"""What every command shares: exit codes, JSON output, argument types (the acting user is `accreditor.acting_user`)."""

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from typing import Any

EXIT_OK, EXIT_REFUSED, EXIT_UNREADABLE = 0, 1, 2
EXIT_USAGE = 2  # what argparse exits with for a command line it cannot parse

Commands = argparse._SubParsersAction  # the object add_subparsers() returns


class UsageError(Exception):
    """A command line that names the wrong things; exit 2 like argparse's own usage errors."""


class OptionsAnywhereParser(argparse.ArgumentParser):
    """A command's parser that takes its options anywhere: `verify EVENT --json T1 T2` as well as before EVENT.

    argparse alone stops a list of positionals (TOKEN…, GUEST_ID…) at the first option and calls what follows
    unrecognised; parse_known_intermixed_args parses options first and then the positionals that remain.
    It refuses parsers with subcommands, which keep argparse's order (their subcommands are of this class).
    """

    _intermixing = False

    def parse_known_args(  # type: ignore[override]  # same signature, typeshed spells it with overloads
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        if self._intermixing or self._subparsers is not None:
            return super().parse_known_args(args, namespace)
        self._intermixing = True  # parse_known_intermixed_args calls parse_known_args twice itself
        try:
            return self.parse_known_intermixed_args(args, namespace)
        finally:
            self._intermixing = False


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-05-03") from error


def print_json(value: Any, *, one_line: bool = False) -> None:
    """JSON on stdout; `one_line` for streams of objects (one per line, JSON Lines)."""
    json.dump(value, sys.stdout, ensure_ascii=False, indent=None if one_line else 2, default=str)
    sys.stdout.write("\n")
