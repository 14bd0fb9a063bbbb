"""The station's webcam: frames for the gate's QR reading and for a walk-in's photo at the desk.

QtMultimedia (PySide6-Addons) is imported the first time a camera is asked for, never at start, so the app
starts as fast as before; and where it cannot be loaded (a build without it, a system library missing) or
no camera is plugged in, `camera_problem()` says so in a sentence, the camera's buttons are disabled with
that sentence as their tooltip, and nothing else changes: USB scanners and photo files work as ever.

`FrameSource` is what the rest of the app sees: `start()`, `stop()` and a `frame(QImage)` signal.
`CameraSource` is one on a real camera (QCamera → QMediaCaptureSession → QVideoSink, at most `max_fps`
frames turned into images); tests replay recorded frames through the same signal.

`QrReader` reads badge codes from a source's frames: at most `max_fps` frames a second go to the app's
background pool (`ui.jobs`), where they become Pillow images and `accreditor.camera_scan.decode_frame` reads
them; a frame arriving while one is decoded is dropped, so a slow laptop reads fewer frames rather than
falling behind.  A code is `scanned` once while the badge is held up (`camera_scan.RepeatFilter`); the view
passes it to the same `handle_scan` a USB scanner's code goes to.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from PIL import Image
from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QLoggingCategory, QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui import jobs

QR_FPS = 8.0
"""Frames a second the gate decodes at most: a badge held up for half a second is read several times."""
PREVIEW_FPS = 15.0
"""Frames a second a camera source hands on (preview and decoding); the rest are never turned into images."""
CAPTURE_QUALITY = 95
"""JPEG quality of a captured photo: it is cropped and stored (re-encoded) afterwards like a loaded file."""
WANTED_RESOLUTION = QSize(1920, 1080)
"""The largest camera format used: enough for a badge photo, and a 4K stream would only load the laptop."""
# QtMultimedia's FFmpeg backend reports, on loading, each optional library it does without (PipeWire, VA-API
# hardware decoding) and its FFmpeg version: nothing a user can act on, and the app's error output stays clean.
QUIET_MULTIMEDIA = "qt.multimedia.symbolsresolver=false\nqt.multimedia.ffmpeg.info=false"


@dataclass(frozen=True, slots=True)
class CameraDevice:
    """A camera the system offers: its id (for QCamera) and its name (for people)."""

    id: bytes
    name: str


# -- what the system has (module functions, looked up at call time, so tests replace them) -------------------


@cache
def _multimedia() -> Any:
    """The QtMultimedia module, loaded once; None where it cannot be (PySide6-Addons or a library missing)."""
    QLoggingCategory.setFilterRules(QUIET_MULTIMEDIA)
    try:
        from PySide6 import QtMultimedia  # noqa: PLC0415 - loaded when a camera is first asked for, not at start
    except ImportError:
        return None
    return QtMultimedia


def cameras() -> list[CameraDevice]:
    """The cameras plugged in now (the default first); empty without QtMultimedia or a camera."""
    multimedia = _multimedia()
    if multimedia is None:
        return []
    inputs = multimedia.QMediaDevices.videoInputs()
    default = multimedia.QMediaDevices.defaultVideoInput()
    devices = sorted(inputs, key=lambda device: device.id() != default.id())
    return [CameraDevice(bytes(device.id().data()), device.description()) for device in devices]


def camera_problem() -> str | None:
    """Why the station cannot use a camera (a sentence for a tooltip or a notice), or None when it can."""
    if _multimedia() is None:
        return QCoreApplication.translate("camera", "No camera support: QtMultimedia is not installed")
    if not cameras():
        return QCoreApplication.translate("camera", "No camera found")
    return None


def open_camera(parent: QObject | None = None) -> "FrameSource | None":
    """A source on the system's default camera, not yet started; None when there is none (tests replace this)."""
    if camera_problem() is not None:
        return None
    return CameraSource(cameras()[0], parent)


# -- frame sources ----------------------------------------------------------------------------------------


class FrameSource(QObject):
    """Video frames as images: `frame(QImage)` after `start()`, until `stop()`; `failed(text)` on a camera error."""

    frame = Signal(QImage)
    failed = Signal(str)

    def start(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def is_active(self) -> bool:
        raise NotImplementedError


class CameraSource(FrameSource):
    """A real camera: QCamera into a QVideoSink; at most `max_fps` frames a second are turned into images."""

    def __init__(
        self,
        device: CameraDevice,
        parent: QObject | None = None,
        *,
        max_fps: float = PREVIEW_FPS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        multimedia = _multimedia()
        wanted = next(
            (found for found in multimedia.QMediaDevices.videoInputs() if bytes(found.id().data()) == device.id),
            multimedia.QMediaDevices.defaultVideoInput(),
        )
        self.device = device
        self._camera = multimedia.QCamera(wanted, self)
        camera_format = _best_format(wanted.videoFormats())
        if camera_format is not None:
            self._camera.setCameraFormat(camera_format)
        self._session = multimedia.QMediaCaptureSession(self)
        self._sink = multimedia.QVideoSink(self)
        self._session.setCamera(self._camera)
        self._session.setVideoSink(self._sink)
        self._interval = 1.0 / max_fps
        self._clock = clock
        self._last = -self._interval
        self._sink.videoFrameChanged.connect(self._on_frame)
        self._camera.errorOccurred.connect(lambda _error, text: self.failed.emit(text))

    def start(self) -> None:
        self._camera.start()

    def stop(self) -> None:
        self._camera.stop()

    def is_active(self) -> bool:
        return bool(self._camera.isActive())

    def _on_frame(self, video_frame: Any) -> None:
        now = self._clock()
        if now - self._last < self._interval or not video_frame.isValid():
            return
        self._last = now
        image = video_frame.toImage()
        if not image.isNull():
            self.frame.emit(image)


def _best_format(formats: list[Any]) -> Any:
    """The camera's largest format up to `WANTED_RESOLUTION` (the smallest one if all are larger)."""
    if not formats:
        return None

    def pixels(camera_format: Any) -> int:
        size = camera_format.resolution()
        return size.width() * size.height()

    limit = WANTED_RESOLUTION.width() * WANTED_RESOLUTION.height()
    fitting = [camera_format for camera_format in formats if pixels(camera_format) <= limit]
    return max(fitting, key=pixels) if fitting else min(formats, key=pixels)


# -- reading badge codes ----------------------------------------------------------------------------------


def frame_to_pil(image: QImage) -> Image.Image:
    """A frame as a greyscale Pillow image (the decoder reads grey), copied out of Qt's memory."""
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    size = (grey.width(), grey.height())
    return Image.frombuffer("L", size, bytes(grey.constBits()), "raw", "L", grey.bytesPerLine(), 1)


def _decode(image: QImage) -> list[str]:
    """Off the UI thread: the codes in one frame."""
    from accreditor.camera_scan import decode_frame  # noqa: PLC0415 - zxing-cpp loads with the first frame, not at start

    return decode_frame(frame_to_pil(image))


class QrReader(QObject):
    """Badge codes from a `FrameSource`: `scanned(text)` once per badge held up; `decoded(texts)` after every
    frame decoded (repeats too), for the view's status and for tests."""

    scanned = Signal(str)
    decoded = Signal(list)

    def __init__(
        self,
        source: FrameSource,
        parent: QObject | None = None,
        *,
        max_fps: float = QR_FPS,
        repeat_window_s: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        from accreditor.camera_scan import REPEAT_WINDOW_S, RepeatFilter  # noqa: PLC0415 - with the camera, not at start

        super().__init__(parent)
        self.source = source
        self._interval = 1.0 / max_fps if max_fps > 0 else 0.0
        self._clock = clock
        self._repeats = RepeatFilter(REPEAT_WINDOW_S if repeat_window_s is None else repeat_window_s, clock)
        self._busy = False
        self._last_start: float | None = None
        self.frames_seen = 0
        self.frames_decoded = 0
        source.frame.connect(self._on_frame)

    def start(self) -> None:
        self._repeats.forget()
        self.source.start()

    def stop(self) -> None:
        self.source.stop()

    def _on_frame(self, image: QImage) -> None:
        self.frames_seen += 1
        now = self._clock()
        if self._busy or (self._last_start is not None and now - self._last_start < self._interval):
            return  # still decoding, or too soon: this frame is dropped
        self._busy = True
        self._last_start = now
        frame = image.copy()  # the worker's own pixels: the source may reuse its buffer
        jobs.run_in_background(
            self, lambda _context: _decode(frame), success=self._decoded, failure=self._not_decoded, label=""
        )

    def _decoded(self, texts: list[str]) -> None:
        self._busy = False
        self.frames_decoded += 1
        for text in self._repeats.fresh(texts):
            self.scanned.emit(text)
        self.decoded.emit(texts)

    def _not_decoded(self, _error: BaseException) -> None:
        self._busy = False  # a frame the decoder choked on is a frame with no code


# -- showing frames -----------------------------------------------------------------------------------------


class CameraPreview(QWidget):
    """The last frame, fitted to the widget; with `frame_aspect`, the badge photo's frame drawn over it."""

    def __init__(self, parent: QWidget | None = None, *, frame_aspect: float | None = None) -> None:
        super().__init__(parent)
        self._image = QImage()
        self._frame_aspect = frame_aspect
        self._text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def show_frame(self, image: QImage) -> None:
        self._image = image
        self._text = ""
        self.update()

    def show_text(self, text: str) -> None:
        """A sentence instead of a picture (no camera, the camera failed)."""
        self._image = QImage()
        self._text = text
        self.update()

    def image(self) -> QImage:
        return self._image

    def text(self) -> str:
        return self._text

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#263238"))
        if self._image.isNull():
            painter.setPen(QColor("#CFD8DC"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._text)
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        size = self._image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRectF(0, 0, size.width(), size.height())
        target.moveCenter(QRectF(self.rect()).center())
        painter.drawImage(target, self._image)
        if self._frame_aspect:
            height = target.height() * 0.9
            guide = QRectF(0, 0, height * self._frame_aspect, height)
            guide.moveCenter(target.center())
            painter.setPen(QPen(QColor(255, 255, 255, 200), 2, Qt.PenStyle.DashLine))
            painter.drawRect(guide)


# -- taking a photo -------------------------------------------------------------------------------------------


def jpeg_bytes(image: QImage, quality: int = CAPTURE_QUALITY) -> bytes:
    """A frame as a JPEG file's bytes, which then goes where a loaded photo file goes."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.convertToFormat(QImage.Format.Format_RGB888).save(buffer, "JPEG", quality)
    return bytes(buffer.data().data())


class CameraPhotoDialog(QDialog):
    """The camera's live picture with the badge photo's frame over it; Capture takes the frame shown now.

    `photo` holds the captured frame as JPEG bytes once accepted; it still has to be framed and checked
    like any photo file (the photo editor does that).
    """

    def __init__(self, parent: QWidget | None = None, *, source: FrameSource | None = None) -> None:
        from accreditor.photo_import import FRAME_MM  # noqa: PLC0415 - Pillow's photo rules, loaded with the dialog

        super().__init__(parent)
        self.setWindowTitle(self.tr("Take a photo"))
        self.photo: bytes | None = None
        self.source = source if source is not None else open_camera(self)
        self.preview = CameraPreview(frame_aspect=FRAME_MM[0] / FRAME_MM[1])
        self.preview.setMinimumSize(480, 320)
        hint = QLabel(self.tr("Face the camera, fill the dashed frame with the face, then Capture."))
        hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.capture_button = self.buttons.addButton(self.tr("&Capture"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.capture_button.setEnabled(False)  # until a frame is shown
        self.capture_button.clicked.connect(self.capture)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, stretch=1)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.resize(720, 560)
        if self.source is None:
            self.preview.show_text(camera_problem() or self.tr("No camera found"))
            return
        self.source.frame.connect(self._show)
        self.source.failed.connect(self._failed)
        self.source.start()

    def _show(self, image: QImage) -> None:
        self.preview.show_frame(image)
        self.capture_button.setEnabled(True)

    def _failed(self, text: str) -> None:
        self.preview.show_text(self.tr("The camera stopped: {why}").format(why=text))
        self.capture_button.setEnabled(False)

    def capture(self) -> None:
        """Keep the frame shown now and close."""
        image = self.preview.image()
        if image.isNull():
            return
        self.photo = jpeg_bytes(image)
        self._stop()
        self.accept()

    def reject(self) -> None:
        self._stop()
        super().reject()

    def _stop(self) -> None:
        if self.source is not None:
            self.source.stop()

    @classmethod
    def take(cls, parent: QWidget | None) -> bytes | None:
        """A photo from the camera as JPEG bytes, or None when cancelled (tests replace this)."""
        dialog = cls(parent)
        try:
            return dialog.photo if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
