"""Starting the app: which event opens, errors at startup, the error hook, and the bundled fonts."""

import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QProgressDialog, QPushButton

from accreditor.errors import EventFileError
from accreditor.store import EventStore
from ui import app, fonts, jobs, main_window, messages
from ui.main_window import LAST_EVENT_KEY, MainWindow

PROGRAM = "accreditor-app"


@pytest.fixture
def built(qtbot):
    """build_window(arguments), with the window it makes closed after the test."""
    windows: list[MainWindow] = []

    def build(*arguments: str) -> MainWindow | None:
        window = app.build_window([PROGRAM, *arguments])
        if window is not None:
            qtbot.addWidget(window)
            windows.append(window)
        return window

    return build


@pytest.fixture
def not_an_event(tmp_path: Path) -> Path:
    path = tmp_path / "guests.accreditor"
    path.write_bytes(b"PK\x03\x04 a spreadsheet, renamed")
    return path


def test_the_event_on_the_command_line_opens(qtbot, built, event_store: EventStore) -> None:
    window = built(event_store.location)
    qtbot.waitUntil(window.event_session.is_indexed)  # the guests load in the background
    jobs.wait_for_jobs()
    assert window.windowTitle() == "Dushanbe Water Conference — Desk 1 — Accreditor"
    assert window.counts_label.text() == "6 guests · 1 checked in"
    assert QSettings().value(LAST_EVENT_KEY) == event_store.location


def test_without_arguments_the_last_event_opens(built, event_store: EventStore) -> None:
    QSettings().setValue(LAST_EVENT_KEY, event_store.location)
    assert built().store.location == event_store.location


def test_without_any_event_the_user_is_asked(built, event_store: EventStore, monkeypatch) -> None:
    asked: list[object] = []
    monkeypatch.setattr(main_window, "ask_event_file", lambda parent: asked.append(parent) or event_store.location)
    assert built().store.location == event_store.location
    assert asked == [None]


def test_a_file_that_is_not_an_event_shows_one_error_then_asks(
    built, not_an_event: Path, monkeypatch, shown_errors
) -> None:
    monkeypatch.setattr(main_window, "ask_event_file", lambda _parent: None)
    assert built(str(not_an_event)) is None
    assert len(shown_errors) == 1
    assert shown_errors[0].text == "guests.accreditor is not an Accreditor event file."
    assert QSettings().value(LAST_EVENT_KEY) is None


def test_after_an_error_the_event_picked_instead_opens(
    built, not_an_event: Path, event_store: EventStore, monkeypatch, shown_errors
) -> None:
    monkeypatch.setattr(main_window, "ask_event_file", lambda _parent: event_store.location)
    assert built(str(not_an_event)).store.location == event_store.location
    assert len(shown_errors) == 1


def test_main_returns_1_when_no_event_opens_and_leaves_the_hooks_as_they_were(
    tmp_path: Path, monkeypatch, shown_errors
) -> None:
    monkeypatch.setattr(main_window, "ask_event_file", lambda _parent: None)
    hooks = (sys.excepthook, threading.excepthook)
    assert app.main([PROGRAM, str(tmp_path / "missing.accreditor")]) == 1
    assert [error.text for error in shown_errors] == [f"There is no event file at {tmp_path / 'missing.accreditor'}."]
    assert (sys.excepthook, threading.excepthook) == hooks


def test_the_event_is_opened_off_the_ui_thread(built, event_store: EventStore, monkeypatch) -> None:
    opened_on: list[threading.Thread] = []
    real_open = EventStore.open

    def open_and_note_the_thread(cls: type[EventStore], location: str, **options: str) -> EventStore:
        opened_on.append(threading.current_thread())
        return real_open(location, **options)

    monkeypatch.setattr(EventStore, "open", classmethod(open_and_note_the_thread))
    assert built(event_store.location).store.location == event_store.location
    assert len(opened_on) == 1
    assert opened_on[0] is not threading.main_thread()


def test_a_slow_opening_says_so_and_can_be_cancelled(qtbot, built, event_store: EventStore, monkeypatch) -> None:
    release = threading.Event()
    opened: list[EventStore] = []
    real_open = EventStore.open

    def open_slowly(cls: type[EventStore], location: str, **options: str) -> EventStore:
        release.wait(10)
        opened.append(real_open(location, **options))
        return opened[-1]

    def cancel_when_shown() -> None:
        [progress] = [widget for widget in QApplication.topLevelWidgets() if isinstance(widget, QProgressDialog)]
        assert progress.labelText() == f"Opening {Path(event_store.location).name}…"
        [cancel] = progress.findChildren(QPushButton)
        cancel.click()

    closed: list[EventStore] = []
    real_close = EventStore.close

    def close_and_note(store: EventStore) -> None:
        closed.append(store)
        real_close(store)

    monkeypatch.setattr(EventStore, "open", classmethod(open_slowly))
    monkeypatch.setattr(EventStore, "close", close_and_note)
    monkeypatch.setattr(main_window, "ask_event_file", lambda _parent: None)
    QTimer.singleShot(main_window._OPENING_SHOWN_AFTER_MS + 300, cancel_when_shown)

    assert built(event_store.location) is None, "cancelled, and no other event chosen"
    release.set()
    assert jobs.wait_for_jobs(10_000)
    [late] = opened
    assert late in closed, "the store opened after the cancel is closed, not left holding the file"
    assert QSettings().value(LAST_EVENT_KEY) is None


# Libraries the window does not need before an event is on screen: the command line (which imports every
# command, badge rendering and the import pipeline with it), PDF drawing, PDF reading, QR codes, workbooks, and
# the camera's QtMultimedia (loaded when a camera is first asked for).
NOT_AT_START = ("accreditor.cli", "reportlab", "pypdfium2", "zxingcpp", "pikepdf", "xlsxwriter", "python_calamine")
NOT_AT_START_QT = ("PySide6.QtMultimedia", "PySide6.QtMultimediaWidgets")

SHOW_THE_WINDOW = """
import json, sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from ui import app

application = QApplication([sys.argv[0], "-platform", "offscreen"])
app.configure_application(application)
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
window = app.build_window(["accreditor-app", sys.argv[1]])
window.show()
application.processEvents()
print(json.dumps(sorted(sys.modules)))
window.close()
"""


def test_the_app_shows_an_event_without_the_command_line_or_pdf_libraries(
    event_store: EventStore, tmp_path: Path
) -> None:
    shown = subprocess.run(
        [sys.executable, "-c", SHOW_THE_WINDOW, event_store.location, str(tmp_path / "settings")],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        cwd=Path(__file__).resolve().parents[2],
    )
    imported = json.loads(shown.stdout.strip().splitlines()[-1])
    assert "ui.main_window" in imported
    assert [name for name in imported if name.split(".")[0] in NOT_AT_START or name.startswith("accreditor.cli")] == []
    assert [name for name in imported if name in NOT_AT_START_QT] == []


def test_the_command_line_takes_one_optional_event() -> None:
    assert app.parse_arguments([PROGRAM]).event is None
    assert app.parse_arguments([PROGRAM, "x.accreditor"]).event == "x.accreditor"


def test_the_application_is_named_for_its_settings(qapp) -> None:
    app.configure_application(qapp)
    assert (qapp.applicationName(), qapp.organizationName()) == ("Accreditor", "Accreditor")


def test_qt_calls_do_not_leak_references_to_none(qapp) -> None:
    """PySide6 6.12.0 drops a reference to None on every void call, which aborts Python 3.11 after
    some thousands of calls; the pinned PySide6 must not."""
    label, combo = QLabel(), QComboBox()
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
        combo.currentData()
    assert sys.getrefcount(None) - before < 100


# -- the error hook ---------------------------------------------------------------------------------


@pytest.fixture
def hook():
    restore = messages.install_excepthook()
    yield
    restore()


def raised(error: BaseException) -> BaseException:
    try:
        raise error
    except BaseException as caught:
        return caught


def test_an_error_for_the_user_reaches_one_dialog_as_it_is(hook, shown_errors) -> None:
    error = raised(EventFileError("The event file is locked by another program."))
    sys.excepthook(type(error), error, error.__traceback__)
    assert [(shown.text, shown.details) for shown in shown_errors] == [
        ("The event file is locked by another program.", "")
    ]


@pytest.mark.qt_no_exception_capture  # the hook passes bugs on to the previous hook, which is pytest-qt's
def test_a_bug_reaches_one_dialog_with_the_traceback_folded_away(hook, shown_errors, capsys) -> None:
    error = raised(KeyError("badge_serial"))
    sys.excepthook(type(error), error, error.__traceback__)
    [shown] = shown_errors
    assert (shown.title, shown.text) == (messages.UNEXPECTED_TITLE, messages.UNEXPECTED_TEXT)
    assert "KeyError: 'badge_serial'" in shown.details
    assert "KeyError" in capsys.readouterr().err  # and on stderr, for the bug report


def test_an_error_raised_in_a_slot_reaches_the_dialog(qtbot, hook, shown_errors) -> None:
    def fail() -> None:
        raise EventFileError("The event file was moved while it was open.")

    button = QPushButton("Check in")
    qtbot.addWidget(button)
    button.clicked.connect(fail)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert [shown.text for shown in shown_errors] == ["The event file was moved while it was open."]


def test_an_error_in_a_worker_thread_reaches_the_dialog_on_the_gui_thread(qtbot, hook, shown_errors) -> None:
    def fail() -> None:
        raise EventFileError("The database server stopped answering.")

    worker = threading.Thread(target=fail)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(shown_errors) == 1)
    assert shown_errors[0].text == "The database server stopped answering."


# -- fonts ------------------------------------------------------------------------------------------


def test_register_fonts_adds_every_ttf_in_the_folder(tmp_path: Path) -> None:
    dejavu = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not dejavu.exists():
        pytest.skip("needs the DejaVu fonts (fonts-dejavu-core), which .ci/run installs")
    (tmp_path / "latin").mkdir()
    shutil.copy(dejavu, tmp_path / "latin" / "Face.ttf")
    (tmp_path / "OFL.txt").write_text("licence", encoding="utf-8")
    families = fonts.register_fonts(tmp_path)
    assert families == ["DejaVu Sans"]
    assert "DejaVu Sans" in QFontDatabase.families()


def test_register_fonts_without_fonts_registers_nothing(tmp_path: Path) -> None:
    assert fonts.register_fonts(tmp_path) == []


def test_the_bundled_fonts_register_once(qapp) -> None:
    registered = fonts.register_fonts()
    assert set(registered) <= set(QFontDatabase.families())
    assert fonts.register_fonts() == registered
