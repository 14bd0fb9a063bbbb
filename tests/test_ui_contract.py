"""ui/ holds no SQL and opens no transactions: widgets call core services, the core talks to the database.

Like the Qt-free core contract beside it, this reads the source: no module under ui/ imports
SQLAlchemy, and none calls `.connect()` or `.begin()` with no arguments (a store's or an engine's:
a signal's `connect` always takes a slot), `.execute()` or `.exec_driver_sql()`, or reaches for a
store's `.engine`.
"""

import ast
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[1] / "ui"
DATABASE_PACKAGES = ("sqlalchemy", "sqlite3", "psycopg")
OPENING_CALLS = ("connect", "begin")  # a transaction or connection when called with no arguments
RUNNING_CALLS = ("execute", "exec_driver_sql", "scalars", "scalar")

# Modules still to be moved onto core services, each expected to fail until it is (then taken off the list).
NOT_YET_MOVED: dict[str, str] = {}


def database_uses(path: Path) -> list[str]:
    """Each import of a database package and each database call in a module, as "line: what"."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [
                f"{node.lineno}: import {alias.name}"
                for alias in node.names
                if alias.name.split(".")[0] in DATABASE_PACKAGES
            ]
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in DATABASE_PACKAGES:
            found.append(f"{node.lineno}: from {node.module} import …")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            name = node.func.attr
            bare = not node.args and not node.keywords
            if (name in OPENING_CALLS and bare) or name in RUNNING_CALLS:
                found.append(f"{node.lineno}: .{name}()")
        elif isinstance(node, ast.Attribute) and node.attr == "engine":
            found.append(f"{node.lineno}: .engine")
    return found


def _modules() -> list[Path]:
    return sorted(UI.rglob("*.py"))


def _marks(path: Path) -> list[pytest.MarkDecorator]:
    reason = NOT_YET_MOVED.get(path.relative_to(UI).as_posix())
    return [pytest.mark.xfail(strict=True, reason=reason)] if reason else []


@pytest.mark.parametrize(
    "path",
    [pytest.param(path, marks=_marks(path), id=path.relative_to(UI).as_posix()) for path in _modules()],
)
def test_ui_module_holds_no_sql_and_opens_no_transaction(path: Path) -> None:
    assert database_uses(path) == []


def test_the_check_sees_what_it_looks_for(tmp_path: Path) -> None:
    sample = tmp_path / "widget.py"
    sample.write_text(
        "from sqlalchemy import select\n"
        "import sqlite3\n"
        "def load(store, button, slot):\n"
        "    button.clicked.connect(slot)\n"
        "    with store.connect() as connection:\n"
        "        connection.execute(select(1))\n"
        "    with store.begin() as connection:\n"
        "        pass\n"
        "    store.engine.dispose()\n",
        encoding="utf-8",
    )
    assert database_uses(sample) == [
        "1: from sqlalchemy import …",
        "2: import sqlite3",
        "5: .connect()",
        "6: .execute()",
        "7: .begin()",
        "9: .engine",
    ]


def test_every_module_not_yet_moved_exists() -> None:
    assert all((UI / module).is_file() for module in NOT_YET_MOVED)
