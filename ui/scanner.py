"""Recognising a USB barcode scanner anywhere in the app, even with a dialog open.

A scanner is a keyboard that types very fast: a burst of characters a few milliseconds apart, then Enter
(some are set to end with Tab).  `ScanDetector` sits in front of every widget as an application event filter.
It holds each character key press for at most `max_interval_ms`: if the next one follows that quickly, the
burst goes on; when Enter or Tab ends a burst of at least `min_length` characters, the burst was a scan, its
keys are dropped and `scanned(text)` is emitted.  Otherwise (a person typing, or a burst that just stops) the
held keys are sent on, in order and unchanged, to the widgets they were meant for, so a person typing notices
nothing but a delay below what anyone can see.  Key releases follow their presses: held with them, replayed
with them, or dropped with them.  Keys with Ctrl, Alt or Meta (shortcuts) and keys that type nothing (arrows,
Escape, F-keys) pass at once, after whatever was held before them; modifier keys pressed on their own (Shift,
Ctrl…) pass at once too, and do not end a burst, since scanners press Shift for capitals.
"""

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

_KEY_EVENTS = frozenset({QEvent.Type.KeyPress, QEvent.Type.KeyRelease})
_ENDING_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab})
# Pressed by a scanner around its characters (Shift for capitals, AltGr on some layouts): never break a burst.
_MODIFIER_KEYS = frozenset(
    {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_AltGr, Qt.Key.Key_Meta, Qt.Key.Key_CapsLock}
)
_COMMAND = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
# Windows reports AltGr (how many layouts type characters) as Ctrl+Alt.
_ALT_GR = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


@dataclass(frozen=True, slots=True)
class _HeldKey:
    receiver: QWidget
    event: QKeyEvent  # a copy: Qt deletes the original when its delivery ends


def _types_character(event: QKeyEvent) -> bool:
    """A key that types a visible character (what a scanner sends), not a shortcut or a control key."""
    text = event.text()
    command = event.modifiers() & _COMMAND
    return bool(text) and text.isprintable() and command in (Qt.KeyboardModifier.NoModifier, _ALT_GR)


def _ends_scan(event: QKeyEvent) -> bool:
    return event.key() in _ENDING_KEYS and not event.modifiers() & _COMMAND


class ScanDetector(QObject):
    """Emits `scanned(text)` for each scanner burst, which then never reaches a widget."""

    scanned = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        max_interval_ms: int = 35,
        min_length: int = 4,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._max_interval = max_interval_ms / 1000
        self._min_length = min_length
        self._clock = clock
        self._app: QApplication | None = None
        self._held: list[_HeldKey] = []
        self._characters: list[str] = []
        self._last_press: float | None = None  # clock time of the last held character
        self._unreleased: Counter[int] = Counter()  # held presses whose release is not held yet
        self._dropped: Counter[int] = Counter()  # presses dropped with a scan: drop their releases too
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max_interval_ms)
        self._timer.timeout.connect(self.flush)

    def install(self, app: QApplication) -> None:
        """Watch every key event of the application (all windows, modal dialogs included)."""
        if self._app is None:
            self._app = app
            app.installEventFilter(self)

    def uninstall(self) -> None:
        """Stop watching; keys held at that moment are delivered."""
        if self._app is not None:
            self._app.removeEventFilter(self)
            self._app = None
        self.flush()

    def flush(self) -> None:
        """Deliver the held keys now, in order, to the widgets they were meant for."""
        held = self._held
        self._held = []
        self._characters.clear()
        self._unreleased.clear()
        self._last_press = None
        self._timer.stop()
        self._replaying = True  # our own copies must pass the filter untouched
        try:
            for key in held:
                if shiboken6.isValid(key.receiver):
                    QCoreApplication.sendEvent(key.receiver, key.event)
        finally:
            self._replaying = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in _KEY_EVENTS or self._replaying or not isinstance(watched, QWidget):
            return False  # a key event first reaches the window, which forwards it to a widget: act there
        assert isinstance(event, QKeyEvent)
        if event.type() == QEvent.Type.KeyRelease:
            return self._on_release(watched, event)
        return self._on_press(watched, event)

    def _on_press(self, receiver: QWidget, event: QKeyEvent) -> bool:
        key = event.key()
        self._dropped.pop(key, None)  # pressed again, so its last release happened, wherever it went
        if key in _MODIFIER_KEYS:
            return False
        now = self._clock()
        fast = self._last_press is not None and now - self._last_press <= self._max_interval
        if _ends_scan(event) and fast and len(self._characters) >= self._min_length and not event.isAutoRepeat():
            self._drop_scan(key)
            return True
        if not _types_character(event) or event.isAutoRepeat():
            self.flush()
            return False
        if not fast:
            self.flush()  # a new burst, or a person typing: what was held goes first
        self._hold(receiver, event)
        self._characters.append(event.text())
        self._unreleased[key] += 1
        self._last_press = now
        self._timer.start()
        return True

    def _on_release(self, receiver: QWidget, event: QKeyEvent) -> bool:
        key = event.key()
        if self._dropped[key] > 0:
            self._dropped[key] -= 1
            return True
        if self._unreleased[key] > 0 and not event.isAutoRepeat():
            self._unreleased[key] -= 1
            self._hold(receiver, event)
            return True
        return False

    def _hold(self, receiver: QWidget, event: QKeyEvent) -> None:
        copy = event.clone()
        assert isinstance(copy, QKeyEvent)
        self._held.append(_HeldKey(receiver, copy))

    def _drop_scan(self, ending_key: int) -> None:
        text = "".join(self._characters)
        self._dropped.update(+self._unreleased)
        self._dropped[ending_key] += 1
        self._held.clear()
        self.flush()  # nothing left to deliver: resets the burst
        self.scanned.emit(text)
