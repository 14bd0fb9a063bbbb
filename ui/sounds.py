"""Audible feedback at the desk, so staff need not look at the screen after every scan.

The sounds are the system beep: one for a scan or success, two for a warning, three for an error.  (QtMultimedia,
now bundled for the camera, could play sound files; the beeps need no files and no audio stack, and stay.)
Silent when the station turned sounds off, and under the offscreen platform (tests).
"""

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from ui.settings import load_settings

BEEPS = {"ok": 1, "scan": 1, "warning": 2, "error": 3}
_GAP_MS = 180


def play(kind: str) -> None:
    """Beep for `kind`: "ok", "scan", "warning" or "error"."""
    beeps = BEEPS[kind]  # an unknown kind is a bug: KeyError
    if QGuiApplication.platformName() == "offscreen" or not load_settings().sounds:
        return
    QApplication.beep()
    for index in range(1, beeps):
        QTimer.singleShot(index * _GAP_MS, QApplication.beep)
