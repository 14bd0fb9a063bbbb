"""Sending a finished badge PDF to a printer.  Qt never draws the badge again: ReportLab's PDF is what prints.

With CUPS (Linux, macOS) the PDF itself is submitted with `lp`, so the print system's own PDF path (and the
printer's driver) handles it, exactly as when the organiser prints the file from a PDF viewer.  Elsewhere
(Windows) each page is rasterised with pdfium at 600 dpi and painted on a QPrinter.  Print-system trouble
(no such printer, a stopped queue, `lp` refusing) is an outcome with a one-sentence message, never an
exception: the desk shows it and carries on.
"""

import contextlib
import itertools
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRect, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.pdfgen.canvas import Canvas

from accreditor.badges import fonts
from ui.pdf_preview import iter_page_images

_TIMEOUT_S = 30
_PRINT_DPI = 600
MM_PER_INCH = 25.4
_REQUEST_ID = re.compile(r"request id is (\S+)")


@dataclass(frozen=True)
class PrintOutcome:
    accepted: bool
    job_id: str  # "QUEUE-123" with CUPS; "" when refused or when the print system gives no id
    message: str  # one sentence for the user


def _uses_cups() -> bool:
    return sys.platform != "win32" and shutil.which("lp") is not None


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    """A CUPS command in the C locale, so its answers can be parsed; raises OSError or TimeoutExpired."""
    environment = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    return subprocess.run(command, capture_output=True, text=True, timeout=_TIMEOUT_S, env=environment, check=False)


def _first_line(result: subprocess.CompletedProcess[str]) -> str:
    text = (result.stderr.strip() or result.stdout.strip()).splitlines()
    return text[0].removeprefix("lp: ").removeprefix("lpstat: ") if text else f"exit status {result.returncode}"


def available_printers() -> list[str]:
    """The print queues this computer can use, by name."""
    if not _uses_cups():
        return list(QPrinterInfo.availablePrinterNames())
    try:
        result = _run("lpstat", "-e")
    except (OSError, subprocess.TimeoutExpired):
        return []
    return [line.strip() for line in result.stdout.splitlines() if line.strip()] if result.returncode == 0 else []


def default_printer() -> str:
    """The system's default printer, "" when there is none."""
    if not _uses_cups():
        return QPrinterInfo.defaultPrinterName()
    try:
        result = _run("lpstat", "-d")
    except (OSError, subprocess.TimeoutExpired):
        return ""
    _, found, name = result.stdout.partition("system default destination:")
    return name.strip() if found else ""


def _queue_problem(printer: str) -> str:
    """Why `printer` cannot print now ("" when it can): lp would queue a job on a stopped printer silently."""
    try:
        result = _run("lpstat", "-p", printer)
    except subprocess.TimeoutExpired:
        return "The print system did not answer; check that CUPS is running."
    except OSError as error:
        return f"The print system cannot be asked about {printer} ({error.strerror})."
    if result.returncode != 0 or not result.stdout.strip():
        return f"There is no printer called {printer}."
    if " disabled since" in result.stdout:
        return f"The printer {printer} is stopped; start it again in the system's printer settings."
    return ""


def print_pdf(
    pdf: Path,
    *,
    printer: str = "",
    title: str = "Badge",
    copies: int = 1,
    media_mm: tuple[float, float] | None = None,
) -> PrintOutcome:
    """Submit `pdf` to `printer` ("" = the system default); `media_mm` (width, height) asks for that paper size."""
    if copies < 1:
        raise ValueError(f"copies must be at least 1, not {copies}")
    if not pdf.is_file():
        return PrintOutcome(False, "", f"The file to print, {pdf.name}, is missing.")
    if _uses_cups():
        return _print_with_cups(pdf.resolve(), printer, title, copies, media_mm)
    return _print_with_qt(pdf, printer, title, copies, media_mm)


def _print_with_cups(
    pdf: Path, printer: str, title: str, copies: int, media_mm: tuple[float, float] | None
) -> PrintOutcome:
    queue = printer or default_printer()
    if not queue:
        return PrintOutcome(False, "", "No printer is chosen and the system has no default printer.")
    problem = _queue_problem(queue)
    if problem:
        return PrintOutcome(False, "", problem)
    command = ["lp", "-d", queue, "-t", title, "-n", str(copies)]
    if media_mm is not None:
        command += ["-o", f"media=Custom.{media_mm[0]:g}x{media_mm[1]:g}mm"]
    try:
        result = _run(*command, str(pdf))
    except subprocess.TimeoutExpired:
        return PrintOutcome(False, "", f"The printer {queue} did not take the job within {_TIMEOUT_S} seconds.")
    except OSError as error:
        return PrintOutcome(False, "", f"The print command could not run ({error.strerror}).")
    found = _REQUEST_ID.search(result.stdout)
    if result.returncode != 0 or found is None:
        return PrintOutcome(False, "", f"The printer {queue} refused the job: {_first_line(result)}.")
    return PrintOutcome(True, found.group(1), f"Sent to {queue} (job {found.group(1)}).")


def _print_with_qt(
    pdf: Path, printer: str, title: str, copies: int, media_mm: tuple[float, float] | None
) -> PrintOutcome:
    """Windows: paint each page, rasterised by pdfium at 600 dpi, over a whole QPrinter page."""
    name = printer or QPrinterInfo.defaultPrinterName()
    if not name or name not in QPrinterInfo.availablePrinterNames():
        return PrintOutcome(False, "", f"There is no printer called {name}." if name else "There is no printer.")
    with contextlib.closing(iter_page_images(pdf, _PRINT_DPI)) as pages:
        return _paint_pages(pages, name, title, copies, media_mm)


def _paint_pages(
    pages: Iterator[QImage], name: str, title: str, copies: int, media_mm: tuple[float, float] | None
) -> PrintOutcome:
    first = next(pages, None)
    if first is None:
        return PrintOutcome(False, "", "The file to print has no pages.")
    width_mm, height_mm = media_mm or (
        first.width() * MM_PER_INCH / _PRINT_DPI,
        first.height() * MM_PER_INCH / _PRINT_DPI,
    )
    device = QPrinter(QPrinterInfo.printerInfo(name), QPrinter.PrinterMode.HighResolution)
    device.setDocName(title)
    device.setCopyCount(copies)
    device.setFullPage(True)
    device.setPageSize(QPageSize(QSizeF(width_mm, height_mm), QPageSize.Unit.Millimeter, title))
    device.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    painter = QPainter()
    if not painter.begin(device):
        return PrintOutcome(False, "", f"The printer {name} cannot be opened.")
    try:
        for index, image in enumerate(itertools.chain([first], pages)):
            if index:
                device.newPage()
            painter.drawImage(QRect(0, 0, device.width(), device.height()), image)
    finally:
        painter.end()
    return PrintOutcome(True, "", f"Sent to {name}.")


def job_state(job_id: str) -> str:
    """Where CUPS is with a job: "pending" while queued or printing, "completed" once done (or cancelled),
    "unknown" when CUPS does not know it (or there is no CUPS)."""
    if not _uses_cups() or not job_id:
        return "unknown"
    for which, state in (("not-completed", "pending"), ("completed", "completed")):
        try:
            result = _run("lpstat", "-W", which, "-o")
        except (OSError, subprocess.TimeoutExpired):
            return "unknown"
        if any(line.split(maxsplit=1)[:1] == [job_id] for line in result.stdout.splitlines()):
            return state
    return "unknown"


def print_test_page(printer: str = "", *, page_mm: tuple[float, float] | None = None) -> PrintOutcome:
    """A one-page PDF naming the printer and the date, with a sample QR code, sent like a badge.

    `page_mm` (width, height) makes it the size of the station's badges, so a card printer gets a card; A4 otherwise.
    """
    with tempfile.TemporaryDirectory(prefix="accreditor-test-page-") as folder:
        pdf = Path(folder) / "test-page.pdf"
        name = printer or default_printer() or "the system default printer"
        write_test_page(pdf, name, page_mm or (210, 297))
        return print_pdf(pdf, printer=printer, title="Accreditor test page", media_mm=page_mm)


def write_test_page(out: Path, printer: str, page_mm: tuple[float, float]) -> None:
    """Text scaled to the page, so the same page fits a CR80 card and an A4 sheet."""
    fonts.register_fonts()
    regular, bold = fonts.font_names(fonts.SANS)[0], fonts.font_names(fonts.SANS_BOLD)[0]
    width, height = (side * 72 / MM_PER_INCH for side in page_mm)
    unit = min(width, height) / 12  # about 12 lines on the short side
    canvas = Canvas(str(out), pagesize=(width, height))
    canvas.setTitle("Accreditor test page")
    lines = ((bold, "Accreditor test page"), (regular, printer), (regular, date.today().isoformat()))
    y = height - 1.5 * unit
    for font, text in lines:
        size = min(unit * 0.8, 0.9 * (width - 2 * unit) / max(1.0, canvas.stringWidth(text, font, 1)))
        canvas.setFont(font, size)
        canvas.drawString(unit, y, text)
        y -= 1.4 * unit
    qr_size = min(width - 2 * unit, y - unit, 6 * unit)
    widget = QrCodeWidget("ACCREDITOR TEST PAGE", barLevel="M")
    left, bottom, right, top = widget.getBounds()
    drawing = Drawing(qr_size, qr_size, transform=[qr_size / (right - left), 0, 0, qr_size / (top - bottom), 0, 0])
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, unit, unit)
    canvas.showPage()
    canvas.save()
