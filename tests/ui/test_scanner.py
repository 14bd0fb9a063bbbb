"""ScanDetector: a scanner burst becomes `scanned`, whatever has focus; a person typing is not disturbed.

Time comes from a fake clock the tests move on, so "fast" and "slow" do not depend on the machine's speed.
"""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ui.scanner import ScanDetector

TOKEN = "AC1:XYZ123"


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now

    def advance(self, ms: float) -> None:
        self.now += ms / 1000


class KeyRecorder(QWidget):
    """A widget that writes down every key event it gets."""

    def __init__(self) -> None:
        super().__init__()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.events: list[tuple[str, str, Qt.KeyboardModifier]] = []

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.events.append(("press", event.text() or QKeySequence(event.key()).toString(), event.modifiers()))

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        self.events.append(("release", event.text() or QKeySequence(event.key()).toString(), event.modifiers()))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def detector(qapp: QApplication, clock: FakeClock) -> Iterator[ScanDetector]:
    detector = ScanDetector(clock=clock)
    detector.install(qapp)
    yield detector
    detector.uninstall()
    detector.deleteLater()


@pytest.fixture
def line_edit(qtbot: QtBot) -> Iterator[QLineEdit]:
    window = QWidget()  # held by this frame until teardown: qtbot keeps only a weak reference
    edit = QLineEdit(window)
    QVBoxLayout(window).addWidget(edit)
    qtbot.addWidget(window)
    window.show()
    edit.setFocus()
    yield edit


def shown_recorder(qtbot: QtBot) -> KeyRecorder:
    recorder = KeyRecorder()
    qtbot.addWidget(recorder)
    recorder.show()
    recorder.setFocus()
    return recorder


def type_slowly(qtbot: QtBot, widget: QWidget, clock: FakeClock, text: str) -> None:
    for char in text:
        clock.advance(180)  # a quick typist: well above a scanner's few milliseconds
        qtbot.keyClick(widget, char)


def test_a_burst_ended_by_enter_is_a_scan_and_types_nothing(
    qtbot: QtBot, detector: ScanDetector, line_edit: QLineEdit, clock: FakeClock
) -> None:
    returns: list[str] = []
    line_edit.returnPressed.connect(lambda: returns.append(line_edit.text()))
    with qtbot.waitSignal(detector.scanned) as blocker:
        for char in TOKEN:
            clock.advance(8)
            qtbot.keyClick(line_edit, char)
        clock.advance(8)
        qtbot.keyClick(line_edit, Qt.Key.Key_Return)
    assert blocker.args == [TOKEN]
    assert line_edit.text() == ""
    assert returns == []  # the Enter was the scanner's, not the user's


def test_a_scan_arriving_through_the_window_like_real_keys_is_recognised(
    qtbot: QtBot, detector: ScanDetector, line_edit: QLineEdit
) -> None:
    """Keys from the platform reach the QWindow first, which forwards them to the focused widget."""
    window = line_edit.window()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(detector.scanned) as blocker:
        for char in "4006381333931":
            qtbot.keyClick(window.windowHandle(), Qt.Key(ord(char)))
        qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Return)
    assert blocker.args == ["4006381333931"]
    assert line_edit.text() == ""


def test_a_burst_ended_by_tab_is_a_scan_and_keeps_the_focus(
    qtbot: QtBot, detector: ScanDetector, line_edit: QLineEdit
) -> None:
    other = QLineEdit(line_edit.window())
    line_edit.window().layout().addWidget(other)
    with qtbot.waitSignal(detector.scanned) as blocker:
        qtbot.keyClicks(line_edit, TOKEN)
        qtbot.keyClick(line_edit, Qt.Key.Key_Tab)
    assert blocker.args == [TOKEN]
    assert line_edit.text() == "" and other.text() == ""
    assert line_edit.hasFocus()


def test_slow_typing_reaches_the_line_edit_and_is_no_scan(
    qtbot: QtBot, detector: ScanDetector, line_edit: QLineEdit, clock: FakeClock
) -> None:
    returns: list[str] = []
    line_edit.returnPressed.connect(lambda: returns.append(line_edit.text()))
    with qtbot.assertNotEmitted(detector.scanned):
        type_slowly(qtbot, line_edit, clock, TOKEN)
        clock.advance(180)
        qtbot.keyClick(line_edit, Qt.Key.Key_Return)
    assert line_edit.text() == TOKEN
    assert returns == [TOKEN]


def test_a_burst_that_just_stops_is_delivered_after_the_interval(
    qtbot: QtBot, detector: ScanDetector, line_edit: QLineEdit
) -> None:
    with qtbot.assertNotEmitted(detector.scanned):
        qtbot.keyClicks(line_edit, "Anna")
        assert line_edit.text() == ""  # held for a few milliseconds…
        qtbot.waitUntil(lambda: line_edit.text() == "Anna", timeout=1000)  # …then typed


def test_a_short_burst_with_enter_is_typed_not_scanned(
    qtbot: QtBot, detector: ScanDetector, line_edit: QLineEdit
) -> None:
    returns: list[str] = []
    line_edit.returnPressed.connect(lambda: returns.append(line_edit.text()))
    with qtbot.assertNotEmitted(detector.scanned):
        qtbot.keyClicks(line_edit, "ab1")
        qtbot.keyClick(line_edit, Qt.Key.Key_Return)
    assert returns == ["ab1"]


def test_a_scan_in_a_modal_dialog_is_recognised_and_leaves_the_dialog_alone(
    qtbot: QtBot, detector: ScanDetector, line_edit: QLineEdit
) -> None:
    dialog = QDialog(line_edit.window())
    field = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(field)
    dialog.setModal(True)
    dialog.show()
    field.setFocus()
    with qtbot.waitSignal(detector.scanned) as blocker:
        qtbot.keyClicks(field, TOKEN)
        qtbot.keyClick(field, Qt.Key.Key_Enter)
    assert blocker.args == [TOKEN]
    assert field.text() == "" and line_edit.text() == ""
    assert dialog.isVisible()  # the scanner's Enter did not press the dialog's default button
    dialog.reject()


def test_key_releases_follow_their_presses(qtbot: QtBot, detector: ScanDetector, clock: FakeClock) -> None:
    recorder = shown_recorder(qtbot)
    type_slowly(qtbot, recorder, clock, "ab")
    detector.flush()
    assert [(kind, text) for kind, text, _ in recorder.events] == [
        ("press", "a"),
        ("release", "a"),
        ("press", "b"),
        ("release", "b"),
    ]
    recorder.events.clear()
    with qtbot.waitSignal(detector.scanned):
        qtbot.keyClicks(recorder, TOKEN)
        qtbot.keyClick(recorder, Qt.Key.Key_Return)
    assert recorder.events == []  # neither the presses nor the releases of a scan


def test_shortcuts_pass_at_once_after_the_keys_held_before_them(
    qtbot: QtBot, detector: ScanDetector, clock: FakeClock
) -> None:
    recorder = shown_recorder(qtbot)
    qtbot.keyClicks(recorder, "ab")
    qtbot.keyClick(recorder, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    # The Ctrl key on its own passes at once (it is no character); Ctrl+F comes after the held "ab".
    presses = [(text, modifiers) for kind, text, modifiers in recorder.events if kind == "press" and text != "Control"]
    assert [text for text, _ in presses[:2]] == ["a", "b"]
    assert presses[2][1] == Qt.KeyboardModifier.ControlModifier
    assert len(presses) == 3


def test_a_ctrl_f_shortcut_still_fires(qtbot: QtBot, detector: ScanDetector, line_edit: QLineEdit) -> None:
    shortcut = QShortcut(QKeySequence("Ctrl+F"), line_edit.window())
    with qtbot.waitSignal(shortcut.activated):
        qtbot.keyClick(line_edit, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)


def test_shift_around_capitals_does_not_break_a_burst(
    qtbot: QtBot, detector: ScanDetector, line_edit: QLineEdit
) -> None:
    """A scanner on a US layout holds Shift for capitals and ':'."""
    shift = Qt.KeyboardModifier.ShiftModifier
    with qtbot.waitSignal(detector.scanned) as blocker:
        for char in TOKEN:
            if char.isdigit():
                qtbot.keyClick(line_edit, char)
                continue
            qtbot.keyPress(line_edit, Qt.Key.Key_Shift)
            QApplication.sendEvent(line_edit, QKeyEvent(QEvent.Type.KeyPress, ord(char), shift, char))
            QApplication.sendEvent(line_edit, QKeyEvent(QEvent.Type.KeyRelease, ord(char), shift, char))
            qtbot.keyRelease(line_edit, Qt.Key.Key_Shift)
        qtbot.keyClick(line_edit, Qt.Key.Key_Return)
    assert blocker.args == [TOKEN]
    assert line_edit.text() == ""


def test_uninstalled_the_detector_sees_nothing(
    qtbot: QtBot, detector: ScanDetector, line_edit: QLineEdit, qapp: QApplication
) -> None:
    detector.uninstall()
    with qtbot.assertNotEmitted(detector.scanned):
        qtbot.keyClicks(line_edit, TOKEN)
        qtbot.keyClick(line_edit, Qt.Key.Key_Return)
    assert line_edit.text() == TOKEN
    detector.install(qapp)  # the fixture uninstalls
