"""The desktop app's entry point: `accreditor-app [EVENT]`.

`main` is the only function that enters the event loop; `build_window` does everything before it,
so tests can start the app the way a user does without blocking.
"""

import argparse
import sys
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

import accreditor
from ui import fonts, i18n, main_window, messages, settings
from ui.login_dialog import LoginDialog
from ui.main_window import MainWindow

APP_NAME = "Accreditor"


def configure_application(app: QCoreApplication) -> None:
    """The names QSettings keys its files by (and the platform shows in menus and dialogs)."""
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(accreditor.__version__)


def parse_arguments(arguments: Sequence[str]) -> argparse.Namespace:
    """Our command line, from `QCoreApplication.arguments()` (Qt's own options already taken out)."""
    # The command line speaks English, like the `accreditor` CLI.
    parser = argparse.ArgumentParser(prog="accreditor-app", description="Accreditation and badge printing.")
    parser.add_argument(
        "event",
        nargs="?",
        help="the event file (*.accreditor) or event server URL to open; default: the one opened last",
    )
    return parser.parse_args(arguments[1:])


def build_window(arguments: Sequence[str]) -> MainWindow | None:
    """The main window on the event asked for, else the last one, else one the user picks; None if they cancel.

    Needs a QApplication.  Each event that fails to open is reported once, then the user is asked for another.
    """
    fonts.register_fonts()
    location = parse_arguments(arguments).event or main_window.last_event()
    station = settings.load_settings().station_name  # names this station to the others on an event server
    opened = main_window.open_event(None, location, station=station) if location else None
    while opened is None:
        location = main_window.ask_event_file(None)
        if location is None:
            return None
        opened = main_window.open_event(None, location, station=station)
    actor = LoginDialog.ask(None, opened.store, station=station, has_users=opened.has_users)
    if actor is None:  # the event has users and nobody logged in
        opened.store.close()
        return None
    return MainWindow(opened.store, actor=actor)


def run_window(
    argv: list[str] | None, build: Callable[[Sequence[str]], QWidget | None], *, full_screen: bool = False
) -> int:
    """Create the application, build its window and run until it closes; 1 when no window was built.

    The one event loop of every gui-script (`accreditor-app`, `accreditor-gate`).
    """
    argv = sys.argv if argv is None else argv
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    # Qt takes its own options (-platform, -style…) out of the arguments of an application it creates.
    arguments = argv if existing is not None else app.arguments()
    configure_application(app)
    # Before any window is built: the station's language (or the computer's), for every string and number.
    i18n.apply_language(i18n.chosen_language(settings.load_settings().language))
    restore_excepthook = messages.install_excepthook()
    try:
        window = build(arguments)
        if window is None:
            return 1
        if full_screen:
            window.showFullScreen()
        else:
            window.show()
        return app.exec()
    finally:
        restore_excepthook()


def main(argv: list[str] | None = None) -> int:
    """Run the app until its window closes; returns the exit code (1 when no event was opened)."""
    return run_window(argv, build_window)


if __name__ == "__main__":  # the PyInstaller build runs this file as its entry point
    import multiprocessing  # only the frozen app's entry point needs it, not the start-up of the window

    # A frozen app must let batch-printing worker processes start without opening another window.
    multiprocessing.freeze_support()
    sys.exit(main())
