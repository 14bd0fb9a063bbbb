"""The live preview: the layout being designed, drawn by the core renderer for a real guest of the event.

Qt does not imitate the badge: the same `BadgeRenderer` that prints writes a one-badge PDF in the background
and pdfium rasterises it (on the UI thread, as pdfium must never run on two threads at once), so a name that
shrinks, wraps or overflows here does so on the card. Edits arrive
faster than a badge renders, so rendering waits until the edits pause (`DEBOUNCE_MS`) and a result that a
later edit has overtaken is dropped. "Next hard case" cycles through the guests most likely to break the
layout (`samples.hardest_cases`: the longest name, Arabic script, Chinese characters, no photo); an event with
no guests yet shows the variables' sample values.
"""

import io
import tempfile
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QImage, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from accreditor.badges.layout import Layout, Sheet
from accreditor.badges.render import BadgeRenderer
from accreditor.badges.samples import sample_badge
from accreditor.errors import AccreditorError
from accreditor.services.previews import guest_badge, preview_cases
from accreditor.store import EventStore
from ui import jobs, messages
from ui.jobs import JobContext
from ui.pdf_preview import render_pages

DEBOUNCE_MS = 300
MM_PER_INCH = 25.4
MIN_DPI, MAX_DPI = 72, 600


@dataclass(frozen=True, slots=True)
class Rendered:
    """One finished preview: which edit it shows, for whom, the PDF and what the renderer warned about."""

    generation: int
    name: str
    pdf: bytes
    dpi: int  # at which it fills the pane as it was when the render began
    warnings: list[str]


def single_badge(layout: Layout) -> Layout:
    """The layout on a sheet of one badge without crop marks: the preview shows the badge, not the A4 sheet."""
    return replace(layout, sheet=Sheet(), crop_marks=False)


class Picture(QLabel):
    """An image scaled to fit at once (smoothly), with `resized` to ask for a sharp one at the new size."""

    resized = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image = QImage()
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(240, 150)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)  # the picture follows the pane
        self.setStyleSheet("QLabel { background: #D5D9DF; }")

    def set_image(self, image: QImage) -> None:
        self._image = image
        self._fit()

    def _fit(self) -> None:
        if self._image.isNull():
            self.setPixmap(QPixmap())
            return
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap.fromImage(self._image)
        if pixmap.width() > self.width() * ratio or pixmap.height() > self.height() * ratio:
            pixmap = pixmap.scaled(
                self.size() * ratio, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        pixmap.setDevicePixelRatio(ratio)
        self.setPixmap(pixmap)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()
        self.resized.emit()


class BadgePreview(QWidget):
    """The badge as printed for one guest; `rendered` is emitted each time a new picture is shown."""

    rendered = Signal()

    def __init__(self, store: EventStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._layout: Layout | None = None
        self._back = False
        self._cases: list[tuple[str, int]] = []
        self._case = -1  # index in _cases; -1 with no cases: the sample badge
        self._generation = 0
        self.pages: list[QImage] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.render_now)

        self.image = Picture()
        self.image.resized.connect(self._resized)
        self.guest_label = QLabel(self.tr("Loading the guests…"))
        self.guest_label.setWordWrap(True)
        self.guest_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("QLabel { color: #8A3B00; }")
        self.warning_label.hide()
        self.next_button = QPushButton(self.tr("Next hard case ▸"))
        self.next_button.setToolTip(self.tr("Cycle through the guests most likely to break the layout"))
        self.next_button.clicked.connect(self.next_case)
        self.next_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.guest_label, stretch=1)
        row.addWidget(self.next_button, alignment=Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.image, stretch=1)
        column.addLayout(row)
        column.addWidget(self.warning_label)
        jobs.run_in_background(self, self._load_cases, success=self._cases_loaded, label=self.tr("Preview guests"))

    # -- guests -----------------------------------------------------------------------------------

    def _load_cases(self, _context: JobContext) -> list[tuple[str, int]]:
        return preview_cases(self._store)

    def _cases_loaded(self, cases: list[tuple[str, int]]) -> None:
        self._cases = cases
        self._case = 0 if cases else -1
        self.next_button.setEnabled(len(cases) > 1)
        self.render_now()

    def cases(self) -> list[tuple[str, int]]:
        return list(self._cases)

    def current_case(self) -> tuple[str, int] | None:
        """(label, guest id) shown now, None for the sample badge."""
        return self._cases[self._case] if self._case >= 0 else None

    def next_case(self) -> None:
        if self._cases:
            self._case = (self._case + 1) % len(self._cases)
            self.render_now()

    # -- rendering --------------------------------------------------------------------------------

    def show_layout(self, layout: Layout, *, back: bool = False) -> None:
        """Preview `layout` (its back side if `back`) once edits pause."""
        self._layout, self._back = layout, back
        self.timer.start()

    def render_now(self) -> None:
        """Render at once (a guest chosen, the pane resized); any render still running is overtaken."""
        self.timer.stop()
        if self._layout is None:
            return
        self._generation += 1
        generation, layout, case = self._generation, single_badge(self._layout), self.current_case()
        store, today, dpi = self._store, date.today(), self._dpi(layout)

        def render(_context: JobContext) -> Rendered:
            if case is None:
                badge, name = sample_badge(), "Sample data (the event has no guests yet)"
            else:
                label, guest_id = case
                badge = guest_badge(store, guest_id, today=today)
                name = f"{label}: {badge.variables['full_name']} (guest {guest_id})"
            pdf = io.BytesIO()
            report = BadgeRenderer(layout).render([badge], pdf)
            return Rendered(generation, name, pdf.getvalue(), dpi, report.warnings)

        jobs.run_in_background(
            self,
            render,
            success=self._show,
            failure=lambda error: self._failed(generation, error),
            label=self.tr("Badge preview"),
        )

    def _dpi(self, layout: Layout) -> int:
        """Resolution at which the badge fills the pane in device pixels: sharp, and no bigger than needed."""
        width_mm, height_mm = layout.page_size
        ratio = self.devicePixelRatioF()
        fit = min(self.image.width() / width_mm, self.image.height() / height_mm) * MM_PER_INCH * ratio
        return int(min(max(fit * 0.96, MIN_DPI), MAX_DPI))

    def _show(self, result: Rendered) -> None:
        if result.generation != self._generation:
            return  # a later edit or guest is on its way
        self.pages = _rasterise(result.pdf, result.dpi)
        self.image.set_image(self.pages[1 if self._back and len(self.pages) > 1 else 0])
        self.guest_label.setText(result.name)
        self.warning_label.setText("\n".join(result.warnings))
        self.warning_label.setVisible(bool(result.warnings))
        self.rendered.emit()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        if not isinstance(error, AccreditorError):
            title, text, details = messages.describe(error)
            messages.show_error(self.window(), title, text, details=details)
            return
        self.image.set_image(QImage())
        self.image.setText(str(error))

    def hideEvent(self, event: QHideEvent) -> None:
        """A closed designer renders nothing more: the pending render is cancelled and one under way dropped."""
        super().hideEvent(event)
        self.timer.stop()
        self._generation += 1

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._layout is not None:
            self.timer.start()

    def _resized(self) -> None:
        if self._layout is not None:
            self.timer.start()  # a sharp picture for the new size once the resizing stops


def _rasterise(pdf: bytes, dpi: int) -> list[QImage]:
    """The pages of a PDF as images, by pdfium on the UI thread: pdfium must never run on two threads at once,
    and the desk's printing may use it from a worker."""
    with tempfile.TemporaryDirectory(prefix="accreditor-preview-") as folder:
        path = Path(folder) / "preview.pdf"
        path.write_bytes(pdf)
        return render_pages(path, dpi)
