"""The gate's screen: "ready to scan", then the verdict over the whole screen in its colour, readable from two metres.

`Gate` (accreditor.gate.offline_gate) decides every scan and logs it before it answers; this view only shows
the answer: the colour over the whole screen and a word for it (colour is never the only signal), the photo
as large as the screen allows, the name as written and in Latin letters, the category in its colour, the
zones as boxes and the reason in words.  It goes back to "ready" after a few seconds or at the next scan.
F9 lets the holder of a refused or doubtful badge through, with a reason that is logged (`Gate.override`);
F8 shows who is inside.  Everything works from the keyboard: a gate has no mouse.

Scans come from a keyboard-wedge scanner through `ui.scanner.ScanDetector`, which the window owns (the gate
app's `GateWindow`, or the desk's main window in its gate mode) and which calls `handle_scan`.  F10 (or the
Camera button in the key strip) reads badges from the station's webcam instead, or as well: `ui.camera.QrReader`
decodes its frames off the UI thread, and each badge held up to it reaches the same `handle_scan` once.  A
small live picture on the ready screen shows what the camera sees.  Without a camera the button is disabled
and says so, F10 says so in the strip, and nothing else changes.  The camera is off while the view is hidden
(the desk's other modes) and comes back when it is shown again.
"""

from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from html import escape
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QHideEvent, QKeyEvent, QPainter, QPaintEvent, QPen, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from accreditor import vocabulary
from accreditor.errors import AccreditorError
from accreditor.gate.offline_gate import Gate, default_log_path, open_event_gate, open_offline_gate
from accreditor.gate.package import GatePackage, TrustAnchor
from accreditor.gate.verdicts import GREEN, ORANGE, RED, GateCategory, GateContext, GateVerdict
from accreditor.services.occupancy import EventGateLookups, EventInside, GateLogInside, InsideSource
from accreditor.store import EventStore
from accreditor.vocabulary import GateColour, GateReason
from ui import camera, i18n, jobs, sounds
from ui.desk import reason_dialog
from ui.desk.guest_card import MUTED, sized_label, text_colour_on
from ui.gate.inside_panel import InsidePanel, key_action

DEFAULT_VERDICT_SECONDS = 5.0
READY_COLOUR = "#263238"
STRIP_COLOUR = "#111111"
NO_CATEGORY_COLOUR = "#808080"
# The desk's green, orange and red: a colour means the same on every screen of the event.
VERDICT_COLOURS = {colour: vocabulary.TONE_COLOURS[vocabulary.tone(colour)] for colour in GateColour}
VERDICT_SOUNDS = {GREEN: "ok", ORANGE: "warning", RED: "error"}
DIRECTION_WORDS = {
    "in": QT_TRANSLATE_NOOP("GateView", "ENTRY"),
    "out": QT_TRANSLATE_NOOP("GateView", "EXIT"),
    "both": QT_TRANSLATE_NOOP("GateView", "ENTRY / EXIT"),
}
NOT_CHECKED = GateReason.NOT_CHECKED  # shown when the gate could not decide or log a scan; never a logged reason
OVERRIDE_REASONS = (
    QT_TRANSLATE_NOOP("GateView", "Escorted by protocol"),
    QT_TRANSLATE_NOOP("GateView", "Badge damaged, identity checked by hand"),
    QT_TRANSLATE_NOOP("GateView", "Left without scanning out"),
    QT_TRANSLATE_NOOP("GateView", "Supervisor's instruction"),
)
CAMERA_PREVIEW_SIZE = QSize(256, 144)  # small: the officer glances at it to hold the badge in view
PHOTO_SIZE = QSize(360, 480)  # 3:4, the badge photo's proportions; the height a 1366 × 768 screen leaves decides


class GateState(StrEnum):
    READY = "ready"
    VERDICT = "verdict"
    INSIDE = "inside"


# The keys that work in each state, named in the strip at the bottom: the keyboard is learnt by looking.
KEY_HINTS = {
    GateState.READY: (
        QT_TRANSLATE_NOOP("GateView", "F9  override the last scan"),
        QT_TRANSLATE_NOOP("GateView", "F8  who is inside"),
        QT_TRANSLATE_NOOP("GateView", "F10  camera"),
    ),
    GateState.VERDICT: (
        QT_TRANSLATE_NOOP("GateView", "Space  ready"),
        QT_TRANSLATE_NOOP("GateView", "F9  override (reason required)"),
        QT_TRANSLATE_NOOP("GateView", "F8  who is inside"),
    ),
    GateState.INSIDE: (
        QT_TRANSLATE_NOOP("GateView", "F8  back to ready"),
        QT_TRANSLATE_NOOP("GateView", "F5  refresh"),
        QT_TRANSLATE_NOOP("GateView", "Ctrl+P  evacuation list (PDF)"),
    ),
}


@dataclass(frozen=True, slots=True)
class _Checked:
    """A scan decided and logged in the background, with the photo to show (the full one, when live)."""

    verdict: GateVerdict
    photo: bytes | None
    missing: str


def _with_photo(verdict: GateVerdict, photo_of: Callable[[int], bytes | None] | None) -> _Checked:
    """The verdict with the photo to show: the full one from the event when live, else the verdict's thumbnail."""
    photo, missing = verdict.photo, QCoreApplication.translate("GateView", "No photo on file")
    if photo_of is not None and verdict.guest_id is not None and verdict.has_photo:
        try:
            photo = photo_of(verdict.guest_id)
        except AccreditorError:  # the scan is logged; the verdict must still show
            missing = QCoreApplication.translate("GateView", "Photo unavailable")
    return _Checked(verdict, photo, missing)


@dataclass(frozen=True, slots=True)
class LastScan:
    """The last scan, kept so F9 can override it: the text as scanned and what the gate said."""

    raw: str
    verdict: GateVerdict


def _label(point_size: int, *, bold: bool = False, wrap: bool = True) -> QLabel:
    """Kiosk type: large and not selectable."""
    return sized_label(point_size, bold=bold, wrap=wrap, selectable=False)


def _page(name: str) -> QWidget:
    page = QWidget()
    page.setObjectName(name)
    page.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    return page


class PhotoFrame(QWidget):
    """The holder's face, scaled at paint time to the room the screen gives it (a thumbnail or the full photo)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pixmap = QPixmap()
        self._text = ""
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setFixedWidth(PHOTO_SIZE.width())
        self.setMinimumHeight(PHOTO_SIZE.height() // 2)

    def set_photo(self, photo: bytes | None, *, missing: str = "") -> None:
        """Show `photo`; without one, say `missing` (or that the photo cannot be read)."""
        self._pixmap = QPixmap()
        loaded = bool(photo) and self._pixmap.loadFromData(photo)
        unreadable = QCoreApplication.translate("GateView", "Photo unreadable")
        self._text = "" if loaded else (unreadable if photo else missing or self.tr("No photo on file"))
        self.update()

    def pixmap(self) -> QPixmap:
        """The photo as loaded (null when there is none)."""
        return self._pixmap

    def text(self) -> str:
        """What the frame says instead of a photo ("" when it shows one)."""
        return self._text

    def sizeHint(self) -> QSize:
        return PHOTO_SIZE

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        room = self.rect()
        if self._pixmap.isNull():
            painter.fillRect(room, QColor("#ECEFF1"))
            painter.setPen(QColor(MUTED))
            font = QFont(self.font())
            font.setPointSize(18)
            painter.setFont(font)
            painter.drawText(room, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._text)
            painter.end()
            return
        scaled = self._pixmap.size().scaled(room.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRect(0, 0, scaled.width(), scaled.height())
        target.moveCenter(room.center())
        target.moveTop(room.top())
        painter.drawPixmap(target, self._pixmap)
        painter.setPen(QPen(QColor("#FFFFFF"), 4))
        painter.drawRect(target.adjusted(2, 2, -2, -2))
        painter.end()


@dataclass(frozen=True)
class OpenedEventGate:
    """A gate opened on an event's database with what it shows beside a verdict, before any widget exists."""

    gate: Gate
    lookups: EventGateLookups
    inside: EventInside


def open_gate_on_event(store: EventStore, context: GateContext) -> OpenedEventGate:
    """Open a gate on the event and read its categories and zones: database work, so the app calls it off the
    UI thread (`open_event_gate_view`); the gate is closed again if reading fails."""
    gate = open_event_gate(store.location, context)
    try:
        return OpenedEventGate(gate, EventGateLookups(store), EventInside(store, context.operator))
    except BaseException:
        gate.close()
        raise


def open_event_gate_view(
    parent: QWidget,
    store: EventStore,
    context: GateContext,
    *,
    success: Callable[["GateView"], None],
    failure: Callable[[BaseException], None],
    **options: Any,
) -> None:
    """Open a gate on the event in the background, then build its view on the UI thread and pass it to `success`;
    `failure` hears why it could not be opened.

    The job belongs to the application, not to `parent`: a gate opened for a `parent` closed meanwhile still
    reaches this function, which closes it rather than leave it holding the database."""

    def work(_context: jobs.JobContext) -> OpenedEventGate:
        return open_gate_on_event(store, context)

    def opened(gate: OpenedEventGate) -> None:
        if shiboken6.isValid(parent):
            success(GateView.on_opened_gate(gate, **options))
        else:
            gate.gate.close()

    def not_opened(error: BaseException) -> None:
        if shiboken6.isValid(parent):
            failure(error)

    owner = QCoreApplication.instance() or parent
    jobs.run_in_background(
        owner,
        work,
        success=opened,
        failure=not_opened,
        label=QCoreApplication.translate("GateView", "Cannot open the gate"),
    )


class GateView(QWidget):
    """One gate's screen over a `Gate`; `handle_scan(text)` takes what the scanner read.

    `categories` and `zones` name and colour what a verdict only codes; `photo_of(guest_id)` gives the
    full photo when the gate is live on the event (else the verdict's thumbnail is shown); `inside`
    feeds the F8 panel and the head count on the ready screen; `clock` gives each scan's time (None:
    the computer's clock; by default the gate context's fixed `now`, if it has one); `on_close` runs
    once, from `close_gate()`.  Build one with `for_event` or `for_package`.
    """

    verdict_shown = Signal(object)  # the GateVerdict just shown (already logged)

    def __init__(
        self,
        gate: Gate,
        *,
        categories: Mapping[str, GateCategory],
        zones: Mapping[str, str],
        photo_of: Callable[[int], bytes | None] | None = None,
        inside: InsideSource | None = None,
        verdict_seconds: float = DEFAULT_VERDICT_SECONDS,
        clock: Callable[[], datetime | None] | None = None,
        on_close: Callable[[], None] | None = None,
        camera_on: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.gate = gate
        self._categories = dict(categories)
        self._zones = dict(zones)
        self._photo_of = photo_of
        self._clock = clock or (lambda: gate.context.now)
        self._on_close = on_close
        self._closed = False
        self.inside = inside
        self.last: LastScan | None = None
        self._scan_number = 0  # counts scans, so an override asked before a newer scan is not applied to it
        self._waiting: deque[str] = deque()  # scans read while the gate was still deciding an earlier one
        self._deciding = False

        self.return_timer = QTimer(self)
        self.return_timer.setSingleShot(True)
        self.return_timer.setInterval(round(verdict_seconds * 1000))
        self.return_timer.timeout.connect(self.return_to_ready)

        self.stack = QStackedWidget()
        self.ready_page = self._build_ready_page()
        self.verdict_page = self._build_verdict_page()
        self.inside_panel = InsidePanel(inside, gate.context.zone, zones=zones) if inside is not None else None
        self.stack.addWidget(self.ready_page)
        self.stack.addWidget(self.verdict_page)
        if self.inside_panel is not None:
            self.stack.addWidget(self.inside_panel)

        self._window_keys: list[str] = []
        self.keys_label = _label(14, wrap=False)
        self.notice_label = _label(14, bold=True)
        self.notice_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        strip = _page("keys_strip")
        strip.setStyleSheet(
            f"#keys_strip {{ background: {STRIP_COLOUR}; }} QLabel {{ color: #FFFFFF; padding: 6px 12px; }}"
        )
        strip_row = QHBoxLayout(strip)
        strip_row.setContentsMargins(0, 0, 0, 0)
        strip_row.addWidget(self.keys_label)
        strip_row.addWidget(self.notice_label, stretch=1)
        self.camera_button = QToolButton()
        self.camera_button.setText(self.tr("Camera"))
        self.camera_button.setCheckable(True)
        self.camera_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the view keeps the keys
        self.camera_button.setToolTip(self.tr("Scan with camera (F10): hold a badge up to the webcam"))
        self.camera_button.clicked.connect(self.toggle_camera)
        strip_row.addWidget(self.camera_button)
        self.qr_reader: camera.QrReader | None = None
        self._camera_wanted = False  # on, or on again once the view is shown

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.stack, stretch=1)
        layout.addWidget(strip)

        self.override_action = key_action(self, self.tr("&Override the last scan…"), "F9", self.override_last)
        self.inside_action = key_action(self, self.tr("&Who is inside"), "F8", self.toggle_inside)
        self.camera_action = key_action(self, self.tr("Scan with &camera"), "F10", self.toggle_camera)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.return_to_ready()
        if camera_on:
            self.toggle_camera()
        else:  # once the view is up: finding cameras loads QtMultimedia
            QTimer.singleShot(0, self, self._check_camera)

    # -- construction ------------------------------------------------------------------------------

    @classmethod
    def for_event(cls, store: EventStore, context: GateContext, **options: Any) -> "GateView":
        """A gate live on an open event: it opens its own `Gate` on the same database and closes it in
        `close_gate()`; the store stays the caller's (it must stay open while the view lives).

        Opens the gate where it is called; the app opens it in the background (`open_event_gate_view`)."""
        return cls.on_opened_gate(open_gate_on_event(store, context), **options)

    @classmethod
    def on_opened_gate(cls, opened: "OpenedEventGate", **options: Any) -> "GateView":
        """The view of a gate `open_gate_on_event` opened; it closes the gate in `close_gate()`."""
        try:
            return cls(
                opened.gate,
                categories=opened.lookups.categories,
                zones=opened.lookups.zones,
                photo_of=opened.lookups.photo,
                inside=opened.inside,
                on_close=opened.gate.close,
                **options,
            )
        except BaseException:
            opened.gate.close()
            raise

    @classmethod
    def for_package(
        cls,
        package_path: Path,
        package: GatePackage,
        context: GateContext,
        *,
        anchor: TrustAnchor | None,
        log_path: Path | None = None,
        **options: Any,
    ) -> "GateView":
        """An offline gate on a package (`package` is it, as verified with `anchor`); its log is beside it."""
        gate = open_offline_gate(package_path, context, anchor=anchor, log_path=log_path)
        inside: GateLogInside | None = None

        def close() -> None:
            if inside is not None:
                inside.close()
            gate.close()

        try:
            inside = GateLogInside(log_path or default_log_path(package_path), package)
            return cls(
                gate, categories=package.categories, zones=package.zones, inside=inside, on_close=close, **options
            )
        except BaseException:
            close()
            raise

    def close_gate(self) -> None:
        """Stop for good: the gate (and what else the view opened) is closed.  Safe to call twice."""
        self.return_timer.stop()
        self._closed = True
        self._camera_wanted = False
        self._stop_camera()
        on_close, self._on_close = self._on_close, None
        if on_close is not None:
            on_close()

    @property
    def closed(self) -> bool:
        """Whether `close_gate` ran: the view must not take scans any more."""
        return self._closed

    # -- layout ------------------------------------------------------------------------------------

    def _build_ready_page(self) -> QWidget:
        page = _page("ready_page")
        page.setStyleSheet(f"#ready_page {{ background: {READY_COLOUR}; }} QLabel {{ color: #FFFFFF; }}")
        self.ready_label = _label(72, bold=True)
        self.ready_label.setText(self.tr("READY TO SCAN"))
        self.gate_label = _label(30, bold=True)
        self.count_label = _label(26)
        self.last_label = _label(18)
        self.last_label.setStyleSheet("color: #CFD8DC;")
        self.source_label = _label(13)
        self.source_label.setStyleSheet("color: #B0BEC5;")
        context = self.gate.context
        direction = self.tr(DIRECTION_WORDS[context.direction])
        gate_name = "   ·   " + self.tr("gate {gate}").format(gate=context.gate) if context.gate else ""
        self.gate_label.setText(f"{context.zone} — {self.gate.zone_name}   ·   {direction}{gate_name}")
        passback = context.direction == "in" and context.anti_passback
        source = self.tr("On the {source}").format(source=self.gate.description)
        self.source_label.setText(source + ("   ·   " + self.tr("anti-passback on") if passback else ""))
        column = QVBoxLayout(page)
        column.setContentsMargins(48, 32, 48, 24)
        column.addStretch(2)
        for label in (self.ready_label, self.gate_label, self.count_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column.addWidget(label)
            column.addSpacing(16)
        column.addStretch(3)
        self.camera_preview = camera.CameraPreview()
        self.camera_preview.setFixedSize(CAMERA_PREVIEW_SIZE)
        self.camera_preview.hide()
        column.addWidget(self.camera_preview, alignment=Qt.AlignmentFlag.AlignRight)
        column.addWidget(self.last_label)
        column.addWidget(self.source_label)
        return page

    def _build_verdict_page(self) -> QWidget:
        page = _page("verdict_page")
        self.word_label = _label(88, bold=True, wrap=False)
        self.direction_label = _label(34, bold=True, wrap=False)
        self.direction_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.headline_label = _label(34, bold=True)
        self.photo = PhotoFrame()
        self.name_label = _label(40, bold=True)
        self.latin_label = _label(26)
        self.category_label = _label(26, bold=True, wrap=False)
        self.category_label.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.zone_row = QHBoxLayout()
        self.zone_row.setSpacing(14)
        self.zone_row.addStretch(1)  # the boxes go before it, left-aligned
        self.zone_boxes: list[QLabel] = []
        self.message_label = _label(24)

        self.identity = QWidget()
        details = QVBoxLayout()
        details.setSpacing(10)
        details.addWidget(self.name_label)
        details.addWidget(self.latin_label)
        details.addSpacing(6)
        details.addWidget(self.category_label)
        details.addSpacing(6)
        details.addLayout(self.zone_row)
        details.addStretch(1)
        identity_row = QHBoxLayout(self.identity)
        identity_row.setContentsMargins(0, 0, 0, 0)
        identity_row.setSpacing(32)
        identity_row.addWidget(self.photo)
        identity_row.addLayout(details, stretch=1)

        grid = self._verdict_grid = QGridLayout(page)
        grid.setContentsMargins(40, 16, 40, 20)
        grid.setVerticalSpacing(10)
        grid.setHorizontalSpacing(40)
        grid.addWidget(self.word_label, 0, 0)
        grid.addWidget(self.headline_label, 0, 1)
        grid.addWidget(self.direction_label, 0, 2)
        grid.addWidget(self.identity, 1, 0, 1, 3)
        grid.addWidget(self.message_label, 2, 0, 1, 3)
        grid.setRowStretch(1, 1)
        grid.setColumnStretch(1, 1)
        return page

    # -- states ------------------------------------------------------------------------------------

    @property
    def state(self) -> GateState:
        current = self.stack.currentWidget()
        if current is self.verdict_page:
            return GateState.VERDICT
        return GateState.INSIDE if current is self.inside_panel else GateState.READY

    def handle_scan(self, text: str) -> None:
        """A badge was scanned: the gate decides and logs it in the background, then the verdict fills the screen.

        Scans are decided one at a time, in the order they were read."""
        if self._closed:
            return  # a view whose gate is closed is on its way out; it must not log with a closed gate
        self._scan_number += 1
        self._waiting.append(text)
        if not self._deciding:
            self._decide_next()

    def _decide_next(self) -> None:
        if self._closed or not self._waiting:
            return
        text = self._waiting.popleft()
        gate, now, photo_of = self.gate, self._clock(), self._photo_of

        def decide(_context: jobs.JobContext) -> _Checked:
            return _with_photo(gate.scan(text, now=now, with_photo=photo_of is None), photo_of)

        self._deciding = True
        jobs.run_in_background(
            self,
            decide,
            success=lambda checked: self._decided(text, checked),
            failure=self._not_decided,
            label=self.tr("Checking a badge"),
        )

    def _decided(self, text: str, checked: _Checked) -> None:
        self._deciding = False
        if self._closed:  # logged, but the view is on its way out: nothing to show
            return
        self.last = LastScan(text, checked.verdict)
        self._show_verdict(checked.verdict, checked.photo, checked.missing)
        self._decide_next()

    def _not_decided(self, error: BaseException) -> None:
        """Whatever went wrong (database locked, disk full, a bug), the officer gets a red screen that says so."""
        self._deciding = False
        if self._closed:
            return
        self._show_not_checked(error)
        self._decide_next()

    def return_to_ready(self) -> None:
        """Back to "ready to scan" (the timer's slot; Space does it at once)."""
        self.return_timer.stop()
        self._show_head_count()
        self._show_page(self.ready_page)

    def toggle_inside(self) -> None:
        """F8: who is inside, read afresh; F8 again goes back to ready."""
        if self.inside_panel is None:
            self.notify(self.tr("Who is inside is not available at this gate."))
            return
        if self.state == GateState.INSIDE:
            self.return_to_ready()
            return
        self.return_timer.stop()
        self._show_page(self.inside_panel)
        self.inside_panel.refresh()
        self.inside_panel.setFocus()

    def override_last(self) -> None:
        """F9: let the holder of the last orange or red badge through, with a reason the log keeps."""
        last = self.last
        if last is None or last.verdict.colour == GREEN or last.verdict.reason == "override":
            self.notify(self.tr("Nothing to override: F9 is for the last badge refused (red) or to check (orange)."))
            return
        self.return_timer.stop()
        asked_at = self._scan_number
        verdict = last.verdict
        who = verdict.name or self.tr("the holder of this code")
        prompt = self.tr(
            "Let {who} through although the gate said {verdict}: {message}\n\nWhy? The reason is logged with the scan."
        ).format(who=who, verdict=i18n.label(verdict.colour), message=_said(verdict))
        reasons = tuple(self.tr(reason) for reason in OVERRIDE_REASONS)
        reason = reason_dialog.ask_reason(self, self.tr("Override the verdict"), prompt, reasons)
        if self._scan_number != asked_at:
            self.notify(self.tr("Override NOT recorded: another badge was scanned meanwhile."))
            return
        if reason is None:
            if self.state == GateState.VERDICT:
                self.return_timer.start()
            return
        gate, now, photo_of = self.gate, self._clock(), self._photo_of

        def override(_context: jobs.JobContext) -> _Checked:
            return _with_photo(gate.override(last.raw, reason, now=now), photo_of)

        def overridden(checked: _Checked) -> None:
            self.last = LastScan(last.raw, checked.verdict)
            self._show_verdict(checked.verdict, checked.photo, checked.missing)

        jobs.run_in_background(
            self, override, success=overridden, failure=self._show_not_checked, label=self.tr("Overriding a verdict")
        )

    # -- the camera --------------------------------------------------------------------------------

    def toggle_camera(self) -> None:
        """F10: read badges from the webcam, or stop; without a camera, say so and change nothing."""
        if self.qr_reader is not None:
            self._camera_wanted = False
            self._stop_camera()
            self.notify(self.tr("Camera off"))
            return
        if self._start_camera():
            self._camera_wanted = True
            self.notify(self.tr("Camera on: hold a badge up to it"))

    def _check_camera(self) -> None:
        """Without a camera the Camera button is disabled and its tooltip says why."""
        problem = camera.camera_problem()
        if problem is not None and self.qr_reader is None:
            self.camera_button.setEnabled(False)
            self.camera_button.setToolTip(problem)

    def _start_camera(self) -> bool:
        source = None if self._closed else camera.open_camera(self)
        if source is None:
            problem = camera.camera_problem() or self.tr("No camera found")
            self.camera_button.setChecked(False)
            self.camera_button.setEnabled(False)
            self.camera_button.setToolTip(problem)
            self.notify(problem)
            return False
        reader = self.qr_reader = camera.QrReader(source, self)
        reader.scanned.connect(self.handle_scan)  # the same path as a USB scanner's code
        source.frame.connect(self.camera_preview.show_frame)
        source.failed.connect(self._camera_failed)
        self.camera_preview.show_text(self.tr("Starting the camera…"))
        self.camera_preview.show()
        self.camera_button.setChecked(True)
        reader.start()
        return True

    def _stop_camera(self) -> None:
        reader, self.qr_reader = self.qr_reader, None
        if reader is not None:
            reader.stop()
            reader.scanned.disconnect(self.handle_scan)
            reader.source.frame.disconnect(self.camera_preview.show_frame)
            reader.source.failed.disconnect(self._camera_failed)
            if reader.source.parent() is self:  # the camera this view opened: released now, not with the view
                reader.source.deleteLater()
            reader.deleteLater()
        self.camera_preview.hide()
        self.camera_button.setChecked(False)

    def _camera_failed(self, text: str) -> None:
        self._camera_wanted = False
        self._stop_camera()
        self.notify(self.tr("The camera stopped: {why}").format(why=text))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._camera_wanted and self.qr_reader is None:
            self._start_camera()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if not event.spontaneous():  # another page of the window, not the window minimised
            self._stop_camera()

    def notify(self, text: str) -> None:
        """A line in the key strip for the operator (nothing to override, and such)."""
        self.notice_label.setText(text)

    def add_key_hint(self, text: str) -> None:
        """A key the window adds (full screen, leave), named in the strip after the view's own."""
        self._window_keys.append(text)
        self._show_page(self.stack.currentWidget())

    def _show_page(self, page: QWidget) -> None:
        leaving_panel = self.inside_panel is not None and self.stack.currentWidget() is self.inside_panel
        self.stack.setCurrentWidget(page)
        if leaving_panel and page is not self.inside_panel:
            self.setFocus()  # the panel's table had it: F8 and F9 need it back in the view
        self.keys_label.setText(
            "   ·   ".join((*(self.tr(hint) for hint in KEY_HINTS[self.state]), *self._window_keys))
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state == GateState.VERDICT and event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.return_to_ready()
            event.accept()
            return
        super().keyPressEvent(event)

    # -- showing -----------------------------------------------------------------------------------

    def _show_verdict(self, verdict: GateVerdict, photo: bytes | None = None, missing: str = "") -> None:
        background = VERDICT_COLOURS[verdict.colour]
        ink = text_colour_on(background)
        self.verdict_page.setStyleSheet(f"#verdict_page {{ background: {background}; }} QLabel {{ color: {ink}; }}")
        self.word_label.setText(i18n.label(verdict.colour))
        self.direction_label.setText(self.tr(DIRECTION_WORDS[verdict.direction]) if verdict.accepted else "")
        self.headline_label.setText(i18n.label(verdict.reason))
        self.message_label.setText(_said(verdict))
        known = verdict.guest_id is not None
        self.identity.setVisible(known)
        # With no holder to show, the reason takes the room, in larger type, right under the verdict.
        self._verdict_grid.setRowStretch(1, 1 if known else 0)
        self._verdict_grid.setRowStretch(2, 0 if known else 1)
        message_font = QFont(self.message_label.font())
        message_font.setPointSize(24 if known else 32)
        self.message_label.setFont(message_font)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if known:
            self._show_holder(verdict, background, ink, photo, missing or self.tr("No photo on file"))
        self.notice_label.clear()
        self._show_page(self.verdict_page)
        self.last_label.setText(
            self.tr("Last scan: {verdict} — {who}").format(verdict=i18n.label(verdict.colour), who=self._who(verdict))
        )
        self.return_timer.start()
        sounds.play(VERDICT_SOUNDS[verdict.colour])
        self.verdict_shown.emit(verdict)

    def _show_holder(self, verdict: GateVerdict, background: str, ink: str, photo: bytes | None, missing: str) -> None:
        self.photo.set_photo(photo, missing=missing)
        self.name_label.setText(
            verdict.name or self.tr("Guest {id}: not on this gate's list").format(id=verdict.guest_id)
        )
        latin = verdict.name_latin if verdict.name_latin != verdict.name else ""
        self.latin_label.setText(latin)
        self.latin_label.setVisible(bool(latin))
        category = self._categories.get(verdict.category)
        colour = category.colour if category else NO_CATEGORY_COLOUR
        self.category_label.setText(verdict.category_name or verdict.category or self.tr("No category"))
        self.category_label.setStyleSheet(
            f"QLabel {{ background: {colour}; color: {text_colour_on(colour)}; border: 4px solid {ink};"
            " border-radius: 6px; padding: 6px 18px; }"
        )
        self._show_zones(verdict.zones, background, ink)

    def _show_zones(self, zones: tuple[str, ...], background: str, ink: str) -> None:
        """A box per zone of the badge; the one this gate opens is filled, so a match is seen at a glance."""
        for box in self.zone_boxes:
            self.zone_row.removeWidget(box)
            box.hide()  # at once: deleteLater waits for the event loop
            box.deleteLater()
        self.zone_boxes = []
        here = self.gate.context.zone
        for zone in zones or ("—",):
            box = QLabel()
            box.setTextFormat(Qt.TextFormat.RichText)
            box.setAlignment(Qt.AlignmentFlag.AlignCenter)
            name = escape(self._zones.get(zone, ""))
            box.setText(
                f"<div style='font-size:30pt; font-weight:bold'>{escape(zone)}</div>"
                f"<div style='font-size:12pt'>{name}</div>"
            )
            filled = zone == here
            box.setStyleSheet(
                f"QLabel {{ border: 4px solid {ink}; border-radius: 6px; padding: 4px 14px;"
                f" background: {ink if filled else 'transparent'};"
                f" color: {background if filled else ink}; }}"
            )
            box.setProperty("this_gate", filled)
            self.zone_row.insertWidget(len(self.zone_boxes), box)
            self.zone_boxes.append(box)

    def _show_not_checked(self, error: BaseException) -> None:
        """The gate could not decide or log the scan (its database unreachable, the disk full): refuse, say why."""
        self.last = None
        said = vocabulary.phrase(NOT_CHECKED, error=error)
        self._show_verdict(GateVerdict(RED, NOT_CHECKED, str(said), self.gate.context.direction, phrases=(said,)))

    def _show_head_count(self) -> None:
        """How many are inside this gate's zone, counted in the background."""
        inside = self.inside
        if inside is None:
            self.count_label.hide()
            return
        zone = self.gate.context.zone

        def shown(count: int) -> None:
            inside_now = (
                self.tr("1 person inside {zone} now") if count == 1 else self.tr("{count} people inside {zone} now")
            )
            inside_now = inside_now.format(zone=zone, count=i18n.number_text(count))
            self.count_label.setText(inside_now)
            self.count_label.show()

        def unavailable(_error: BaseException) -> None:
            self.count_label.setText(self.tr("Head count of {zone} unavailable").format(zone=zone))
            self.count_label.show()

        jobs.run_in_background(
            self,
            lambda _context: inside.counts().get(zone, 0),
            success=shown,
            failure=unavailable,
            label=self.tr("Counting who is inside"),
        )

    def _who(self, verdict: GateVerdict) -> str:
        if verdict.guest_id is None:
            return i18n.label(verdict.reason)
        name = verdict.name or self.tr("guest {id}").format(id=verdict.guest_id)
        return f"{name} ({i18n.label(verdict.reason).lower()})"


def _said(verdict: GateVerdict) -> str:
    """The verdict's sentences in the app's language (a verdict made without phrases as the core wrote it)."""
    return i18n.say_all(verdict.phrases) if verdict.phrases else verdict.message
