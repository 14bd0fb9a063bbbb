"""One guest's photo: load a file, frame the face in the badge's proportions, save.

The frame keeps the badge photo's proportions (`photo_import.FRAME_MM`, 25:32) and cannot be made
smaller than what prints sharply at 300 dpi; the core has the last word all the same
(`photo_import.crop_photo` refuses a photo or crop too small for print, with the size it needs),
and what it refuses is shown here and nothing is saved.  The crop is cut from the original file, not
from the screen-sized preview, so a face framed in a group photo keeps every pixel the camera gave it.

A photo comes from a file (a phone's, the registration form's) or from the station's webcam: "Take photo…"
(`ui.camera.CameraPhotoDialog`) hands the frame captured as JPEG bytes to `show_photo`, the same path as a
loaded file, so it is framed, checked and stored by the same rules.  Without a camera the button is disabled
and its tooltip says why.

`PhotoEditorDialog.frame_photo` is the same editor without a guest yet (the desk's walk-in form): Save then
only hands back the framed photo (`photo`), which the form stores with the guest.
"""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSettings, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from accreditor.acting_user import default_user
from accreditor.photo_import import (
    FRAME_MM,
    MIN_HEIGHT_PX,
    MIN_WIDTH_PX,
    PhotoError,
    crop_photo,
    initial_crop,
    photo_extensions,
    photo_preview,
    print_size_problem,
)
from accreditor.services import photos as photo_service
from accreditor.services.photos import GuestPhoto
from accreditor.store import EventStore
from ui import camera, jobs, messages

LAST_FOLDER_KEY = "photos/last_folder"
FRAME_ASPECT = FRAME_MM[0] / FRAME_MM[1]
BACKDROP = QColor("#37474F")
SHADE = QColor(0, 0, 0, 150)
ERROR_STYLE = "QLabel { color: #B71C1C; font-weight: bold; }"
HINT_STYLE = "QLabel { color: #5F6B73; }"
BADGE_PREVIEW_SIZE = QSize(100, 128)  # 25:32, about the size the photo prints on a card at screen resolution


# -- asking (module functions, looked up at call time, so tests replace them) ------------------------


def remembered_folder() -> str:
    """The folder photos were last taken from, else the home folder."""
    folder = str(QSettings().value(LAST_FOLDER_KEY, ""))
    return folder if folder and Path(folder).is_dir() else str(Path.home())


def remember_folder(folder: Path) -> None:
    QSettings().setValue(LAST_FOLDER_KEY, str(folder))


def ask_photo_file(parent: QWidget | None) -> Path | None:
    """A photo file to load, or None when the organiser cancels (tests monkeypatch this)."""
    patterns = " ".join(f"*{extension}" for extension in sorted(photo_extensions()))
    path, _selected = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("photo_editor", "Load a photo"),
        remembered_folder(),
        QCoreApplication.translate("photo_editor", "Photos ({patterns});;All files (*)").format(patterns=patterns),
    )
    if not path:
        return None
    remember_folder(Path(path).parent)
    return Path(path)


class PhotoLabel(QLabel):
    """A guest's photo as a side panel shows it: double-clicking it asks for the photo editor (`double_clicked`)."""

    double_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setToolTip(self.tr("Double-click to load or crop the photo"))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.double_clicked.emit()
            event.accept()
        else:
            super().mouseDoubleClickEvent(event)


# -- the frame ----------------------------------------------------------------------------------------


class CropView(QWidget):
    """The photo fitted to the widget, and a frame of fixed proportions to move (drag inside) and resize (corners).

    The frame is kept in the original photo's pixels, so its limits (inside the photo, at least the size
    that prints) are exact whatever the zoom.  Arrow keys move it, + and − resize it.
    """

    crop_changed = Signal()

    HANDLE = 9  # half the side of a corner handle, in screen pixels
    MARGIN = 12

    def __init__(self, aspect: float, min_size: tuple[float, float], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._aspect = aspect
        # A pixel more than the minimum: rounding the relative box back to pixels must not fall below it.
        self._min_width = max(min_size[0], min_size[1] * aspect) + 1
        self._pixmap = QPixmap()
        self._width = 0
        self._height = 0
        self._crop = QRectF()
        self._drag: tuple[str, QPointF] | None = None  # ("move", offset) or ("resize", fixed corner)
        self._grabbed_corner = QPointF()
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(360, 360)

    # -- what the dialog reads and sets ----------------------------------------------------------

    def set_photo(self, pixmap: QPixmap, width_px: int, height_px: int, box: tuple[float, float, float, float]) -> None:
        """Show a preview of a photo whose original is `width_px` × `height_px`, framed at `box` (0..1)."""
        self._pixmap = pixmap
        self._width, self._height = width_px, height_px
        self.set_crop_box(box)

    def has_photo(self) -> bool:
        return self._width > 0

    def photo_size(self) -> tuple[int, int]:
        """The original photo's width and height in pixels."""
        return self._width, self._height

    def crop_box(self) -> tuple[float, float, float, float]:
        """The frame as (left, top, right, bottom), each 0..1 of the photo's width or height."""
        if not self.has_photo():
            return (0.0, 0.0, 1.0, 1.0)
        crop = self._crop
        return (
            crop.left() / self._width,
            crop.top() / self._height,
            crop.right() / self._width,
            crop.bottom() / self._height,
        )

    def set_crop_box(self, box: tuple[float, float, float, float]) -> None:
        left, top, right, bottom = box
        self._crop = QRectF(
            left * self._width, top * self._height, (right - left) * self._width, (bottom - top) * self._height
        )
        self._changed()

    def crop_pixels(self) -> tuple[int, int]:
        """The frame's size in the original photo's pixels."""
        return round(self._crop.width()), round(self._crop.height())

    def frame_on_screen(self) -> QRectF:
        """Where the frame is drawn, in widget coordinates (tests drag its corners)."""
        return self._to_screen(self._crop)

    def cropped_preview(self, size: QSize) -> QPixmap:
        """The framed part of the preview, scaled to `size`: the photo as the badge will show it."""
        if self._pixmap.isNull():
            return QPixmap()
        factor = self._pixmap.width() / self._width
        part = QRectF(
            self._crop.left() * factor,
            self._crop.top() * factor,
            self._crop.width() * factor,
            self._crop.height() * factor,
        ).toRect()
        return self._pixmap.copy(part).scaled(
            size, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
        )

    # -- geometry --------------------------------------------------------------------------------

    def _image_rect(self) -> QRectF:
        """Where the photo is drawn: as large as fits, centred."""
        if not self.has_photo():
            return QRectF()
        area = QRectF(self.rect()).adjusted(self.MARGIN, self.MARGIN, -self.MARGIN, -self.MARGIN)
        scale = min(area.width() / self._width, area.height() / self._height)
        size_w, size_h = self._width * scale, self._height * scale
        return QRectF(area.center().x() - size_w / 2, area.center().y() - size_h / 2, size_w, size_h)

    def _scale(self) -> float:
        return self._image_rect().width() / self._width if self.has_photo() else 1.0

    def _to_screen(self, rect: QRectF) -> QRectF:
        image, scale = self._image_rect(), self._scale()
        return QRectF(
            image.left() + rect.left() * scale,
            image.top() + rect.top() * scale,
            rect.width() * scale,
            rect.height() * scale,
        )

    def _to_photo(self, point: QPointF) -> QPointF:
        image, scale = self._image_rect(), self._scale()
        return QPointF((point.x() - image.left()) / scale, (point.y() - image.top()) / scale)

    def _corners(self) -> list[QPointF]:
        crop = self._crop
        return [crop.topLeft(), crop.topRight(), crop.bottomRight(), crop.bottomLeft()]

    def _corner_at(self, position: QPointF) -> int | None:
        screen = [self._to_screen(QRectF(corner, corner)).topLeft() for corner in self._corners()]
        for index, corner in enumerate(screen):
            if abs(corner.x() - position.x()) <= self.HANDLE and abs(corner.y() - position.y()) <= self.HANDLE:
                return index
        return None

    def _move_to(self, top_left: QPointF) -> None:
        crop = QRectF(self._crop)
        crop.moveTo(
            min(max(top_left.x(), 0.0), self._width - crop.width()),
            min(max(top_left.y(), 0.0), self._height - crop.height()),
        )
        self._crop = crop
        self._changed()

    def _resize_from(self, fixed: QPointF, towards: QPointF) -> None:
        """Span the frame from the fixed corner towards a point, keeping its proportions and the photo's edges.

        The frame grows on the side of the corner grabbed, whatever side of the fixed corner the pointer is
        on: dragged past it, the frame just stays at its smallest.
        """
        right = self._grabbed_corner.x() >= fixed.x()
        down = self._grabbed_corner.y() >= fixed.y()
        room_w = self._width - fixed.x() if right else fixed.x()
        room_h = self._height - fixed.y() if down else fixed.y()
        reach_x = (towards.x() - fixed.x()) * (1 if right else -1)
        reach_y = (towards.y() - fixed.y()) * (1 if down else -1)
        width = min(max(reach_x, reach_y * self._aspect, self._min_width), room_w, room_h * self._aspect)
        height = width / self._aspect
        left = fixed.x() if right else fixed.x() - width
        top = fixed.y() if down else fixed.y() - height
        self._crop = QRectF(left, top, width, height)
        self._changed()

    def _scale_by(self, factor: float) -> None:
        """Grow or shrink the frame around its centre, within the photo and not below the printable size."""
        centre = self._crop.center()
        widest = min(self._width, self._height * self._aspect)
        width = min(max(self._crop.width() * factor, self._min_width), widest)
        crop = QRectF(0, 0, width, width / self._aspect)
        crop.moveCenter(centre)
        self._crop = crop
        self._move_to(crop.topLeft())

    def _changed(self) -> None:
        self.update()
        self.crop_changed.emit()

    # -- events ----------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not self.has_photo() or event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        position = event.position()
        corner = self._corner_at(position)
        if corner is not None:
            corners = self._corners()
            self._grabbed_corner = corners[corner]
            self._drag = ("resize", corners[(corner + 2) % 4])
        elif self.frame_on_screen().contains(position):
            self._drag = ("move", self._to_photo(position) - self._crop.topLeft())
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        position = event.position()
        if self._drag is None:
            self._set_cursor(position)
            return
        kind, point = self._drag
        if kind == "move":
            self._move_to(self._to_photo(position) - point)
        else:
            self._resize_from(point, self._to_photo(position))
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._drag = None
        self._set_cursor(event.position())
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.has_photo():
            super().keyPressEvent(event)
            return
        step = self._crop.width() * (0.1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 0.02)
        moves = {
            Qt.Key.Key_Left: QPointF(-step, 0),
            Qt.Key.Key_Right: QPointF(step, 0),
            Qt.Key.Key_Up: QPointF(0, -step),
            Qt.Key.Key_Down: QPointF(0, step),
        }
        key = Qt.Key(event.key())
        if key in moves:
            self._move_to(self._crop.topLeft() + moves[key])
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self._scale_by(1.05)
        elif key == Qt.Key.Key_Minus:
            self._scale_by(1 / 1.05)
        else:
            super().keyPressEvent(event)

    def _set_cursor(self, position: QPointF) -> None:
        corner = self._corner_at(position) if self.has_photo() else None
        if corner is not None:
            shape = Qt.CursorShape.SizeFDiagCursor if corner in (0, 2) else Qt.CursorShape.SizeBDiagCursor
        elif self.has_photo() and self.frame_on_screen().contains(position):
            shape = Qt.CursorShape.SizeAllCursor
        else:
            shape = Qt.CursorShape.ArrowCursor
        self.setCursor(shape)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), BACKDROP)
        if not self.has_photo():
            painter.setPen(QColor("#CFD8DC"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No photo yet: load a file."))
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        image = self._image_rect()
        painter.drawPixmap(image, self._pixmap, QRectF(self._pixmap.rect()))
        frame = self.frame_on_screen()
        shade = QPainterPath()
        shade.addRect(image)
        shade.addRect(frame)  # odd-even fill: everything but the frame
        painter.fillPath(shade, SHADE)
        painter.setPen(QPen(QColor(255, 255, 255, 110), 1, Qt.PenStyle.DashLine))
        for third in (1, 2):  # thirds, to place the eyes on the upper line
            x = frame.left() + frame.width() * third / 3
            y = frame.top() + frame.height() * third / 3
            painter.drawLine(QPointF(x, frame.top()), QPointF(x, frame.bottom()))
            painter.drawLine(QPointF(frame.left(), y), QPointF(frame.right(), y))
        painter.setPen(QPen(QColor("#FFFFFF"), 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(frame)
        painter.setPen(QPen(QColor("#263238"), 1))
        painter.setBrush(QColor("#FFFFFF"))
        side = self.HANDLE * 1.4
        for corner in (frame.topLeft(), frame.topRight(), frame.bottomRight(), frame.bottomLeft()):
            painter.drawRect(QRectF(corner.x() - side / 2, corner.y() - side / 2, side, side))


# -- the dialog ---------------------------------------------------------------------------------------


class PhotoEditorDialog(QDialog):
    """Load, frame and save one guest's photo; Save writes it (audited) and closes, refusals are shown in place."""

    def __init__(
        self, store: EventStore | None, guest_id: int | None, parent: QWidget | None = None, *, user: str | None = None
    ) -> None:
        """`store` None: no guest to read or write; Save keeps the framed photo in `photo` and closes."""
        super().__init__(parent)
        self._store = store
        self.guest_id = guest_id
        self.user = user or default_user()
        self.photo: bytes | None = None  # the framed photo, once saved without a store
        self._original: bytes | None = None
        self._unchanged: tuple[float, float, float, float] | None = None  # the frame of the photo as stored
        self.setWindowTitle(self.tr("Photo"))
        self.heading = heading = QLabel()
        heading.setStyleSheet("QLabel { font-size: large; font-weight: bold; }")

        self.crop_view = CropView(FRAME_ASPECT, (MIN_WIDTH_PX, MIN_HEIGHT_PX))
        self.badge_preview = QLabel()
        self.badge_preview.setFixedSize(BADGE_PREVIEW_SIZE)
        self.badge_preview.setStyleSheet("QLabel { background: #ECEFF1; border: 1px solid #C8CCD2; }")
        preview_caption = QLabel(self.tr("On the badge"))
        preview_caption.setStyleSheet(HINT_STYLE)
        self.load_button = QPushButton(self.tr("Load file…"))
        self.load_button.setToolTip(self.tr("A JPEG, PNG, WebP… from a phone, a camera or the registration form"))
        self.load_button.clicked.connect(self.load_file)
        self.camera_button = QPushButton(self.tr("Take photo…"))
        self.camera_button.setToolTip(self.tr("Take the photo with this computer's camera"))
        self.camera_button.clicked.connect(self.take_photo)
        self.whole_button = QPushButton(self.tr("Largest frame"))
        self.whole_button.setToolTip(self.tr("Frame as much of the photo as the badge's proportions allow"))
        self.whole_button.clicked.connect(self.reset_crop)

        side = QVBoxLayout()
        side.addWidget(preview_caption)
        side.addWidget(self.badge_preview)
        side.addSpacing(12)
        side.addWidget(self.load_button)
        side.addWidget(self.camera_button)
        side.addWidget(self.whole_button)
        side.addStretch(1)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        body = QHBoxLayout()
        body.addWidget(self.crop_view, stretch=1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(body, stretch=1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(720, 620)

        self.crop_view.crop_changed.connect(self._crop_changed)
        self._problem = ""
        self._crop_changed()
        problem = camera.camera_problem()
        if problem is not None:  # without a camera the button says why, and nothing else changes
            self.camera_button.setEnabled(False)
            self.camera_button.setToolTip(problem)
        if store is not None and guest_id is not None:
            jobs.run_in_background(
                self,
                lambda _context: photo_service.guest_photo(store, guest_id),
                success=self._guest_read,
                label=self.tr("Cannot read the guest's photo"),
            )

    def _guest_read(self, found: GuestPhoto) -> None:
        """The guest's name and stored photo, read in the background as the dialog opened."""
        guest = found.guest
        self.setWindowTitle(self.tr("Photo of {name}").format(name=guest.full_name))
        self.heading.setText(
            guest.full_name if guest.name_latin == guest.full_name else f"{guest.full_name} · {guest.name_latin}"
        )
        if found.photo is not None and self._original is None:  # not if a file was loaded meanwhile
            self.show_photo(found.photo, stored=True)

    # -- the photo -------------------------------------------------------------------------------

    def load_file(self) -> None:
        path = ask_photo_file(self)
        if path is None:
            return
        try:
            data = path.read_bytes()
        except OSError as error:
            self._refuse(self.tr("{file} cannot be read ({why}).").format(file=path.name, why=error.strerror or error))
            return
        self.show_photo(data, name=path.name)

    def take_photo(self) -> None:
        """A photo from the camera, framed like a loaded file."""
        data = camera.CameraPhotoDialog.take(self)
        if data is not None:
            self.show_photo(data, name=self.tr("Camera"))

    def show_photo(self, data: bytes, *, name: str = "", stored: bool = False) -> bool:
        """Show a photo to frame; a file that is no photo, or too small to print, is explained and not taken.

        `stored`: the guest's photo as it is, which Save only rewrites once its frame has been moved.
        """
        try:
            preview = photo_preview(data)
            problem = print_size_problem(preview.width_px, preview.height_px)
        except PhotoError as error:
            problem = str(error)
        if problem:
            self._refuse(f"{name}: {problem}" if name else problem)
            return False
        pixmap = QPixmap()
        if not pixmap.loadFromData(preview.jpeg):
            self._refuse(self.tr("The photo cannot be shown."))
            return False
        self._original = data
        box = initial_crop(preview.width_px, preview.height_px)
        self._unchanged = box if stored else None
        self.crop_view.set_photo(pixmap, preview.width_px, preview.height_px, box)
        self.crop_view.setFocus()
        return True

    def reset_crop(self) -> None:
        if self.crop_view.has_photo():
            self.crop_view.set_crop_box(initial_crop(*self.crop_view.photo_size()))

    def _crop_changed(self) -> None:
        has_photo = self._original is not None
        self.whole_button.setEnabled(has_photo)
        self.badge_preview.setPixmap(self.crop_view.cropped_preview(BADGE_PREVIEW_SIZE) if has_photo else QPixmap())
        if not has_photo:
            self._problem = ""
            self._say(self.tr("Load a photo file to frame the guest's face for the badge."), HINT_STYLE)
        else:
            width, height = self.crop_view.crop_pixels()
            self._problem = print_size_problem(width, height, what="crop") or ""
            if self._problem:
                self._say(self._problem, ERROR_STYLE)
            else:
                frame = self.tr(
                    "Frame: {width}×{height} pixels. Drag it to move it, drag its corners to resize it; "
                    "the face should fill most of it."
                ).format(width=width, height=height)
                now = "" if self._has_changes() else self.tr("This is the guest's photo now.") + " "
                self._say(now + frame, HINT_STYLE)
        self.save_button.setEnabled(self._has_changes() and not self._problem)

    def _has_changes(self) -> bool:
        """A photo to save: a file was loaded, or the stored photo's frame was moved."""
        if self._original is None:
            return False
        if self._unchanged is None:
            return True
        return any(abs(now - was) > 1e-6 for now, was in zip(self.crop_view.crop_box(), self._unchanged, strict=True))

    def _refuse(self, text: str) -> None:
        """Say why nothing can be saved; Save waits until the frame changes."""
        self._say(text, ERROR_STYLE)
        self.save_button.setEnabled(False)

    def _say(self, text: str, style: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(style)

    # -- saving ----------------------------------------------------------------------------------

    def save(self) -> None:
        """Crop the original and store it for the guest; what the core refuses is shown and nothing is written."""
        if self._original is None or not self._has_changes():
            return
        original, box, store, guest_id = self._original, self.crop_view.crop_box(), self._store, self.guest_id
        self.save_button.setEnabled(False)  # one save at a time

        def work(_context: jobs.JobContext) -> bytes:
            framed = crop_photo(original, box)
            if store is not None and guest_id is not None:
                photo_service.save_photo(store, guest_id, framed, self.user)
            return framed

        def saved(framed: bytes) -> None:
            self.photo = framed
            self.accept()

        def failed(error: BaseException) -> None:
            if isinstance(error, PhotoError):
                self._refuse(str(error))
                return
            _title, text, details = messages.describe(error)
            messages.show_error(self, self.tr("Cannot save the photo"), text, details=details)
            self.save_button.setEnabled(True)

        jobs.run_in_background(self, work, success=saved, failure=failed)

    @classmethod
    def frame_photo(cls, parent: QWidget | None, photo: bytes | None = None, *, take: bool = False) -> bytes | None:
        """Frame a photo for a guest not saved yet (`photo`, or taken with the camera first when `take`): the
        framed photo, or None when cancelled (tests replace this)."""
        dialog = cls(None, None, parent)
        try:
            dialog.setWindowTitle(dialog.tr("Photo"))
            if photo is not None:
                dialog.show_photo(photo)
            if take:
                dialog.take_photo()
                if dialog._original is None:  # cancelled at the camera: nothing to frame
                    return None
            return dialog.photo if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    @classmethod
    def edit(cls, parent: QWidget | None, store: EventStore, guest_id: int, *, user: str | None = None) -> bool:
        """Open the editor for one guest; True when a photo was saved (tests replace this)."""
        dialog = cls(store, guest_id, parent, user=user)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
