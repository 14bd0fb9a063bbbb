"""Showing a badge PDF before it prints, rendered by pdfium (PySide6-Essentials has no QtPdf).

The preview is the PDF the printer will get, drawn by the same engine a print on Windows rasterises it with,
so what the desk sees is what prints.
"""

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

if TYPE_CHECKING:  # pdfium is loaded with the first preview, not before the app can show its window
    import pypdfium2

_POINTS_PER_INCH = 72
_MAX_PAGE_WIDTH = 720  # screen pixels: an A4 sheet at 150 dpi is scaled down to this, a card is not


# pdfium is not thread-safe: previews render in background jobs while another window (the designer)
# renders on the UI thread, so every call into it in the app goes through this lock.
_PDFIUM = threading.Lock()


def iter_page_images(pdf: Path, dpi: int = 150) -> Iterator[QImage]:
    """Each page as a white-backed image at `dpi`, one at a time (a 600 dpi A4 page is 140 MB)."""
    import pypdfium2  # noqa: PLC0415 - see the TYPE_CHECKING import

    with _PDFIUM:
        document = pypdfium2.PdfDocument(str(pdf))
        pages = len(document)
    try:
        for index in range(pages):
            with _PDFIUM:
                image = _page_image(document, index, dpi)
            yield image
    finally:
        with _PDFIUM:
            document.close()


def _page_image(document: "pypdfium2.PdfDocument", index: int, dpi: int) -> QImage:
    page = document[index]
    try:
        bitmap = page.render(scale=dpi / _POINTS_PER_INCH, rev_byteorder=True, prefer_bgrx=True)
        pixels = memoryview(bitmap.buffer).cast("B")
        image = QImage(pixels, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGBX8888)
        image.setDotsPerMeterX(round(dpi / 0.0254))
        image.setDotsPerMeterY(round(dpi / 0.0254))
        copy = image.copy()  # the QImage above only borrows pdfium's memory
        bitmap.close()
        return copy
    finally:
        page.close()


def render_pages(pdf: Path, dpi: int = 150) -> list[QImage]:
    """All pages of `pdf` as images at `dpi`."""
    return list(iter_page_images(pdf, dpi))


class PdfPreviewDialog(QDialog):
    """The pages of a PDF, one under the other, with Print and Cancel."""

    def __init__(self, parent: QWidget | None, pdf: Path, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        pages = QWidget()
        column = QVBoxLayout(pages)
        column.setSpacing(12)
        self.page_labels: list[QLabel] = []
        for image in render_pages(pdf):
            label = QLabel()
            pixmap = QPixmap.fromImage(image)
            if pixmap.width() > _MAX_PAGE_WIDTH:
                pixmap = pixmap.scaledToWidth(_MAX_PAGE_WIDTH, Qt.TransformationMode.SmoothTransformation)
            label.setPixmap(pixmap)
            label.setFrameShape(QFrame.Shape.Box)  # the page edge, where a card will be cut
            column.addWidget(label, alignment=Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
        scroll = QScrollArea()
        scroll.setWidget(pages)
        scroll.setWidgetResizable(True)
        scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.print_button = buttons.addButton(self.tr("Print"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.print_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        widest = max((label.pixmap().width() for label in self.page_labels), default=300)
        tallest = sum(label.pixmap().height() + 12 for label in self.page_labels)
        self.resize(widest + 60, min(tallest, 800) + 90)

    @classmethod
    def ask(cls, parent: QWidget | None, pdf: Path, title: str) -> bool:
        """Show the preview; True if the user chose Print.  Tests monkeypatch this."""
        dialog = cls(parent, pdf, title)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
