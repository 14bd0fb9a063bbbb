"""The one path by which the app tells the user something (after qutebrowser's `utils/message.py`).

Every error, whether a core `AccreditorError`, a crash in a slot or a failure in a worker thread,
ends up in `show_error`, so there is one dialog to style, translate and replace in tests.  Tests
monkeypatch `show_error`/`show_info` (or `_open_message_box` below them): nothing modal blocks.
"""

import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from accreditor.errors import AccreditorError

UNEXPECTED_TITLE = QT_TRANSLATE_NOOP("messages", "Unexpected error")
UNEXPECTED_TEXT = QT_TRANSLATE_NOOP(
    "messages",
    "Accreditor hit an unexpected problem and the last action may not have finished. "
    "Everything already confirmed on screen is saved.",
)


def show_error(parent: QWidget | None, title: str, text: str, *, details: str = "") -> None:
    """Tell the user something failed; `text` is one sentence, `details` (a traceback) is folded away."""
    _open_message_box(parent, QMessageBox.Icon.Critical, title, text, details)


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user something worth an acknowledgement (not for routine progress: use the status bar)."""
    _open_message_box(parent, QMessageBox.Icon.Information, title, text, "")


def _open_message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, details: str) -> None:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent or _active_window())
    if details:
        box.setDetailedText(details)
    box.exec()


def _active_window() -> QWidget | None:
    return QApplication.activeWindow()


def describe(error: BaseException) -> tuple[str, str, str]:
    """(title, text, details) for an exception: a user error reads as itself, a bug as a plain apology."""
    if isinstance(error, AccreditorError):
        return QCoreApplication.translate("messages", "Error"), str(error), ""
    details = "".join(traceback.format_exception(error))
    translate = QCoreApplication.translate
    return translate("messages", UNEXPECTED_TITLE), translate("messages", UNEXPECTED_TEXT), details


class _Bridge(QObject):
    """Carries an error from any thread to the GUI thread, where a dialog may be shown."""

    error = Signal(str, str, str)

    @Slot(str, str, str)
    def present(self, title: str, text: str, details: str) -> None:
        # Looked up at call time so that a monkeypatched `show_error` is the one used.
        show_error(None, title, text, details=details)


def install_excepthook() -> Callable[[], None]:
    """Route uncaught exceptions (main and worker threads) to `show_error`; returns a function that undoes it.

    Call it with a QApplication running, from the GUI thread: the bridge must live there.
    """
    bridge = _Bridge()
    bridge.error.connect(bridge.present)
    previous_hook, previous_thread_hook = sys.excepthook, threading.excepthook

    def report(error: BaseException) -> None:
        bridge.error.emit(*describe(error))

    def excepthook(exc_type: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            previous_hook(exc_type, error, tb)
            return
        if not isinstance(error, AccreditorError):
            previous_hook(exc_type, error, tb)  # keep the traceback on stderr for bug reports
        report(error.with_traceback(tb))

    def thread_excepthook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            previous_thread_hook(args)
            return
        if not isinstance(args.exc_value, AccreditorError):
            previous_thread_hook(args)
        report(args.exc_value)

    sys.excepthook = excepthook
    threading.excepthook = thread_excepthook

    def restore() -> None:
        sys.excepthook, threading.excepthook = previous_hook, previous_thread_hook
        bridge.deleteLater()

    return restore
