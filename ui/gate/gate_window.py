"""The gate laptop's app, `accreditor-gate [EVENT|PACKAGE]`: one full-screen window around a `GateView`.

It opens the event database (a gate on the venue LAN, live) or an offline gate package, asks how the gate
is set up (`GateSetupDialog`), and owns the scanner: its own `ScanDetector` catches every scanner burst
wherever the focus is, even in the override dialog, and hands it to the view.  F11 toggles full screen;
Esc (or closing the window) asks before leaving, since a gate that quits by a stray key stops checking
badges.  In the desk app the main window owns the scanner instead and builds the view with
`GateView.for_event`.
"""

import argparse
import socket
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMessageBox, QWidget

from accreditor.acting_user import default_user
from accreditor.errors import AccreditorError
from accreditor.gate.package import is_gate_package
from accreditor.roles import Permission, require
from accreditor.services.occupancy import EventInside
from accreditor.store import EventStore
from ui import fonts, jobs, messages
from ui.app import run_window
from ui.gate.gate_setup_dialog import GateChoice, GateSetupDialog
from ui.gate.gate_view import GateView
from ui.gate.inside_panel import key_action
from ui.login_dialog import LoginDialog
from ui.scanner import ScanDetector

LAST_SOURCE_KEY = "gate/last_source"
SOURCE_FILTER = QT_TRANSLATE_NOOP(
    "FileFilters", "Events and gate packages (*.accreditor *.gatepkg *.pkg);;All files (*)"
)
OPEN_ERROR_TITLE = QT_TRANSLATE_NOOP("gate_window", "Cannot open the gate")
# Prints and PDFs still being written when the window closes finish first; give them this long.
_CLOSE_WAIT_MS = 15_000
_WINDOW = Qt.ShortcutContext.WindowShortcut  # F11 and Esc work wherever the focus is in the window


def last_source() -> str | None:
    """The event or package this gate station used last time, if any."""
    value = QSettings().value(LAST_SOURCE_KEY, "")
    return str(value) if value else None


def ask_source_file(parent: QWidget | None) -> str | None:
    """Let the operator pick an event file or a gate package (tests monkeypatch this); None when they cancel."""
    path, _selected = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("gate_window", "Open an event or a gate package"),
        "",
        QCoreApplication.translate("FileFilters", SOURCE_FILTER),
    )
    return path or None


def confirm_leave(parent: QWidget | None) -> bool:
    """Whether the operator really wants to stop this gate (tests monkeypatch this)."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("gate_window", "Leave the gate"),
        QCoreApplication.translate("gate_window", "Stop checking badges at this gate? Every scan so far is saved."),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class GateWindow(QMainWindow):
    """A full-screen gate: the view, the scanner detector, F11 and Esc.  Closes the gate (and `store`) on close."""

    def __init__(
        self,
        view: GateView,
        *,
        store: EventStore | None = None,
        scan_clock: Callable[[], float] = time.monotonic,
        parent: QWidget | None = None,
    ) -> None:
        """`store` is the event the window opened for the view, closed with it; `scan_clock` times keystrokes."""
        super().__init__(parent)
        self.view = view
        self._store = store
        self.setCentralWidget(view)
        context = view.gate.context
        gate = self.tr("Gate {gate}").format(gate=context.gate)
        self.setWindowTitle(f"{gate} — {context.zone} {view.gate.zone_name} — Accreditor")

        self.full_screen_action = key_action(self, self.tr("&Full screen"), "F11", self.toggle_full_screen, _WINDOW)
        self.leave_action = key_action(self, self.tr("&Leave the gate"), "Esc", self.close, _WINDOW)
        view.add_key_hint(self.tr("F11  full screen"))
        view.add_key_hint(self.tr("Esc  leave"))

        self.scan_detector = ScanDetector(self, clock=scan_clock)
        self.scan_detector.scanned.connect(view.handle_scan)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self.scan_detector.install(app)
        self.resize(1366, 768)
        view.setFocus()

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not confirm_leave(self):
            event.ignore()
            return
        self.scan_detector.uninstall()
        jobs.wait_for_jobs(_CLOSE_WAIT_MS)
        self.view.close_gate()
        if self._store is not None:
            self._store.close()
            self._store = None
        super().closeEvent(event)


# -- opening ------------------------------------------------------------------------------------------


def parse_arguments(arguments: Sequence[str]) -> argparse.Namespace:
    """Our command line, from `QCoreApplication.arguments()` (Qt's own options already taken out)."""
    parser = argparse.ArgumentParser(prog="accreditor-gate", description="A security gate: scan badges at a door.")
    parser.add_argument(
        "source",
        nargs="?",
        metavar="EVENT|PACKAGE",
        help="the event (file or database URL) or the offline gate package; default: the one used last",
    )
    return parser.parse_args(arguments[1:])


def open_view(
    choice: GateChoice, store: EventStore | None, *, now: datetime | None = None, operator: str | None = None
) -> GateView:
    """The gate the operator set up: live on `store`, or offline on the verified package of `choice`;
    `operator` is who logged in to an event with users (by default this computer's user)."""
    context = choice.context(station=socket.gethostname(), operator=operator or default_user(), now=now)
    options = {"verdict_seconds": choice.verdict_seconds}
    if store is not None:
        return GateView.for_event(store, context, **options)
    if choice.package_path is None or choice.package is None:
        raise AccreditorError(QCoreApplication.translate("GateWindow", "No gate package was chosen."))
    return GateView.for_package(choice.package_path, choice.package, context, anchor=choice.anchor, **options)


def open_gate_window(location: str, *, now: datetime | None = None) -> GateWindow | None:
    """A gate on `location` (event or package) set up by the operator; None if they cancel the setup.

    A source that cannot be opened raises; a gate that cannot open as set up (a package older than the one
    this gate used, a log of another event…) is reported and the setup asked again.
    """
    package = Path(location) if is_gate_package(Path(location)) else None
    store = None if package is not None else EventStore.open(location, station=socket.gethostname())
    try:
        zones: dict[str, str] = {}
        operator: str | None = None
        if store is not None:
            # On an event with users the gate is run by someone who logged in (security or an organiser).
            operator = LoginDialog.ask(None, store, station=socket.gethostname())
            if operator is None:
                store.close()
                return None
            require(operator, Permission.OPERATE_GATE)
            # Before the window exists: nothing to keep responsive yet.
            zones = EventInside(store, operator).zones()
        while True:
            choice = GateSetupDialog.ask(None, zones, allow_package=store is None, package=package)
            if choice is None:
                if store is not None:
                    store.close()
                return None
            try:
                view = open_view(choice, store, now=now, operator=operator)
            except AccreditorError as error:
                messages.show_error(None, QCoreApplication.translate("gate_window", OPEN_ERROR_TITLE), str(error))
                continue
            QSettings().setValue(LAST_SOURCE_KEY, str(choice.package_path or location))
            return GateWindow(view, store=store)
    except BaseException:
        if store is not None:
            store.close()
        raise


def build_window(arguments: Sequence[str]) -> GateWindow | None:
    """The gate window on the source asked for, else the last one, else one the operator picks; None if they cancel.

    Needs a QApplication.  A source that fails to open is reported once, then the operator is asked for another.
    """
    fonts.register_fonts()
    location = parse_arguments(arguments).source or last_source()
    while True:
        if location is None:
            location = ask_source_file(None)
            if location is None:
                return None
        try:
            return open_gate_window(location)
        except AccreditorError as error:
            messages.show_error(None, QCoreApplication.translate("gate_window", OPEN_ERROR_TITLE), str(error))
            location = None


def main(argv: list[str] | None = None) -> int:
    """Run the gate full screen until the operator leaves; returns the exit code (1 when no gate was opened)."""
    return run_window(argv, build_window, full_screen=True)
