"""The README is the front door: what it says about keys, defaults and setup matches the code."""

import re
from pathlib import Path

from accreditor.cli import build_parser

REPOSITORY = Path(__file__).resolve().parents[1]
README = (REPOSITORY / "README.md").read_text(encoding="utf-8")
# What Qt's xcb platform plugin links besides the offscreen libraries: a real window needs them.
X11_PACKAGES = (
    "libxcb-cursor0",
    "libxkbcommon-x11-0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-image0",
    "libxcb-render-util0",
    "libxcb-shape0",
)


def _source(relative: str) -> str:
    return (REPOSITORY / relative).read_text(encoding="utf-8")


def test_the_readme_names_the_layout_badges_uses_by_default() -> None:
    commands = next(action for action in build_parser()._subparsers._group_actions)
    layout = next(action for action in commands.choices["badges"]._actions if action.dest == "layout")

    assert f"uses `{layout.default}` unless `--layout`" in README


def test_who_is_inside_and_the_organiser_have_one_key_each_as_the_readme_says() -> None:
    # The menu words are wrapped in tr() for translation: tr("&Organiser"), "F6".
    inside_key = re.search(r'"&Who is inside"\)?, "(F\d+)"', _source("ui/gate/gate_view.py"))
    organiser_key = re.search(r'"&Organiser"\)?, "(F\d+)"', _source("ui/main_window.py"))
    assert inside_key and organiser_key
    assert inside_key.group(1) != organiser_key.group(1)

    assert f"{inside_key.group(1)} shows who is inside" in README
    assert f"**Organiser** mode ({organiser_key.group(1)})" in README


def test_the_readme_names_what_a_stock_debian_needs() -> None:
    flat = " ".join(README.split())
    assert all(package in flat for package in X11_PACKAGES)
    assert "python3-venv" in flat
    assert "python3-venv" in _source(".ci/run")
