"""The bundled fonts, loaded into Qt from the same TTF files ReportLab draws badges with.

Badges are printed by ReportLab; if the screen used the system's fonts instead, a name that fits
on screen could be cut on the badge, and a script the system lacks would show as boxes.
"""

import functools
import importlib.resources
import logging
from importlib.resources.abc import Traversable
from pathlib import Path

from PySide6.QtGui import QFontDatabase

log = logging.getLogger(__name__)


def fonts_folder() -> Traversable | None:
    """resources/fonts, or None while the app ships without fonts."""
    try:
        folder = importlib.resources.files("resources") / "fonts"
    except ModuleNotFoundError:
        return None
    return folder if folder.is_dir() else None


def register_fonts(folder: Traversable | None = None) -> list[str]:
    """Register every .ttf under `folder` (default: resources/fonts) with Qt; returns the families added.

    Needs a QGuiApplication.  The default folder is registered once however often this is called.
    """
    if folder is None:
        return list(_register_bundled())
    return list(_register(folder))


@functools.cache
def _register_bundled() -> tuple[str, ...]:
    folder = fonts_folder()
    return () if folder is None else _register(folder)


def _register(folder: Traversable) -> tuple[str, ...]:
    families: list[str] = []
    for font_file in _ttf_files(folder):
        if isinstance(font_file, Path):
            font_id = QFontDatabase.addApplicationFont(str(font_file))
        else:  # inside a zip: Qt cannot read it by path
            font_id = QFontDatabase.addApplicationFontFromData(font_file.read_bytes())
        if font_id < 0:
            log.warning("Qt could not load the font %s", font_file.name)
            continue
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in families:
                families.append(family)
    return tuple(families)


def _ttf_files(folder: Traversable) -> list[Traversable]:
    found: list[Traversable] = []
    for entry in sorted(folder.iterdir(), key=lambda entry: entry.name):
        if entry.is_dir():
            found.extend(_ttf_files(entry))
        elif entry.name.lower().endswith(".ttf"):
            found.append(entry)
    return found
