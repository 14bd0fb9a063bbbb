"""The desktop app's print sink: the core's CUPS sink where there is CUPS, Qt's print system elsewhere (Windows).

Qt never draws the badge again: ReportLab's PDF is what prints.  With CUPS (Linux, macOS) the core's
`accreditor.print_sinks.CupsSink` submits the PDF itself.  Elsewhere each page is rasterised with pdfium at
600 dpi and painted on a QPrinter (`QtPrinterSink`).  `StationSink` is what the desk, the batch dialog and
the gate's evacuation list hand to the core's issuing service: it prints through `print_pdf`, so whichever
print system the computer has is used.
"""

import contextlib
import itertools
import tempfile
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRect, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from accreditor import print_sinks
from accreditor.print_sinks import CupsSink, Media, PrintOutcome, write_test_page
from accreditor.vocabulary import PrintStatus
from ui.pdf_preview import iter_page_images

__all__ = [
    "PrintOutcome",
    "QtPrinterSink",
    "StationSink",
    "available_printers",
    "default_printer",
    "job_state",
    "print_pdf",
    "print_test_page",
    "write_test_page",
]

_PRINT_DPI = 600
MM_PER_INCH = print_sinks.MM_PER_INCH
job_state = print_sinks.job_state


def _uses_cups() -> bool:
    return print_sinks.cups_available()


def available_printers() -> list[str]:
    """The print queues this computer can use, by name."""
    if not _uses_cups():
        return list(QPrinterInfo.availablePrinterNames())
    return print_sinks.available_printers()


def default_printer() -> str:
    """The system's default printer, "" when there is none."""
    if not _uses_cups():
        return QPrinterInfo.defaultPrinterName()
    return print_sinks.default_printer()


def print_pdf(
    pdf: Path,
    *,
    printer: str = "",
    title: str = "Badge",
    copies: int = 1,
    media_mm: Media | None = None,
) -> PrintOutcome:
    """Submit `pdf` to `printer` ("" = the system default); `media_mm` (width, height) asks for that paper size."""
    if copies < 1:
        raise ValueError(f"copies must be at least 1, not {copies}")
    if not pdf.is_file():
        return PrintOutcome.of(PrintStatus.MISSING_FILE, file=pdf.name)
    if _uses_cups():
        return CupsSink(printer, copies=copies).send(pdf, title, media_mm)
    return QtPrinterSink(printer, copies=copies).send(pdf, title, media_mm)


class StationSink:
    """The station's printer ("" = the system default) through whatever print system this computer has."""

    def __init__(self, printer: str = "") -> None:
        self.printer = printer

    @property
    def description(self) -> str:
        return self.printer or default_printer() or QCoreApplication.translate("printing", "the default printer")

    def problem(self) -> PrintOutcome | None:
        if _uses_cups():
            return CupsSink(self.printer).problem()
        return QtPrinterSink(self.printer).problem()

    def send(self, pdf: Path, title: str, media_mm: Media | None = None) -> PrintOutcome:
        return print_pdf(pdf, printer=self.printer, title=title, media_mm=media_mm)


class QtPrinterSink:
    """Windows: paint each page, rasterised by pdfium at 600 dpi, over a whole QPrinter page."""

    def __init__(self, printer: str = "", *, copies: int = 1) -> None:
        self.printer = printer
        self.copies = copies

    @property
    def description(self) -> str:
        return (
            self.printer
            or QPrinterInfo.defaultPrinterName()
            or QCoreApplication.translate("printing", "the default printer")
        )

    def problem(self) -> PrintOutcome | None:
        name = self.printer or QPrinterInfo.defaultPrinterName()
        if not name:
            return PrintOutcome.of(PrintStatus.NO_PRINTER)
        if name not in QPrinterInfo.availablePrinterNames():
            return PrintOutcome.of(PrintStatus.UNKNOWN_PRINTER, printer=name)
        return None

    def send(self, pdf: Path, title: str, media_mm: Media | None = None) -> PrintOutcome:
        problem = self.problem()
        if problem is not None:
            return problem
        name = self.printer or QPrinterInfo.defaultPrinterName()
        with contextlib.closing(iter_page_images(pdf, _PRINT_DPI)) as pages:
            return self._paint_pages(pages, name, title, media_mm)

    def _paint_pages(self, pages: Iterator[QImage], name: str, title: str, media_mm: Media | None) -> PrintOutcome:
        first = next(pages, None)
        if first is None:
            return PrintOutcome.of(PrintStatus.NO_PAGES)
        width_mm, height_mm = media_mm or (
            first.width() * MM_PER_INCH / _PRINT_DPI,
            first.height() * MM_PER_INCH / _PRINT_DPI,
        )
        device = QPrinter(QPrinterInfo.printerInfo(name), QPrinter.PrinterMode.HighResolution)
        device.setDocName(title)
        device.setCopyCount(self.copies)
        device.setFullPage(True)
        device.setPageSize(QPageSize(QSizeF(width_mm, height_mm), QPageSize.Unit.Millimeter, title))
        device.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
        painter = QPainter()
        if not painter.begin(device):
            return PrintOutcome.of(PrintStatus.CANNOT_OPEN, printer=name)
        try:
            for index, image in enumerate(itertools.chain([first], pages)):
                if index:
                    device.newPage()
                painter.drawImage(QRect(0, 0, device.width(), device.height()), image)
        finally:
            painter.end()
        return PrintOutcome.of(PrintStatus.ACCEPTED, variant="no_job", printer=name)


def print_test_page(printer: str = "", *, page_mm: Media | None = None) -> PrintOutcome:
    """A one-page PDF naming the printer and the date, with a sample QR code, sent like a badge.

    `page_mm` (width, height) makes it the size of the station's badges, so a card printer gets a card; A4 otherwise.
    """
    with tempfile.TemporaryDirectory(prefix="accreditor-test-page-") as folder:
        pdf = Path(folder) / "test-page.pdf"
        name = printer or default_printer() or QCoreApplication.translate("printing", "the system default printer")
        title = QCoreApplication.translate("printing", "Accreditor test page")
        write_test_page(pdf, name, page_mm or (210, 297), title)
        return print_pdf(pdf, printer=printer, title=title, media_mm=page_mm)
