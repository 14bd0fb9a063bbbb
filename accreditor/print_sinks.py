"""Where a finished badge PDF goes: a print queue (CUPS) or a file.  ReportLab's PDF is what prints.

A `PrintSink` takes a finished PDF and answers with a `PrintOutcome`: accepted (the queue took the job, the
file is saved) or not, with a one-sentence message from the vocabulary.  Print-system trouble (no such
printer, a stopped queue, `lp` refusing) is an outcome, never an exception: the caller shows it and records
nothing.  With CUPS (Linux, macOS) the PDF itself is submitted with `lp`, so the print system's own PDF path
and the printer's driver handle it, as when the organiser prints the file from a PDF viewer.  The desktop app
adds a Qt sink for Windows (`ui.printing`), which rasterises pages onto a QPrinter.
"""

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

from accreditor import vocabulary
from accreditor.vocabulary import PrintStatus

TIMEOUT_S = 30
MM_PER_INCH = 25.4
_REQUEST_ID = re.compile(r"request id is (\S+)")

Media = tuple[float, float]  # paper (width, height) in mm


@dataclass(frozen=True)
class PrintOutcome:
    accepted: bool
    job_id: str  # "QUEUE-123" with CUPS; "" when refused or when the print system gives no id
    message: str  # one sentence for the user
    status: PrintStatus | None = None  # the vocabulary's code (None from a sink that gives none)
    # `message` not yet put into words, for the app to say in its language
    phrase: vocabulary.Phrase | None = field(default=None, compare=False)

    @classmethod
    def of(cls, status: PrintStatus, *, job_id: str = "", variant: str = "", **details: object) -> "PrintOutcome":
        """An outcome worded by the vocabulary; accepted when the status is ACCEPTED or SAVED."""
        accepted = status in (PrintStatus.ACCEPTED, PrintStatus.SAVED)
        said = vocabulary.phrase(status, variant, job=job_id, **details)
        return cls(accepted, job_id, str(said), status, said)


class PrintSink(Protocol):
    """Something a finished PDF can be handed to."""

    @property
    def description(self) -> str:
        """Where the documents go, for messages: "AccreditorPDF", "badges.pdf"."""
        ...

    def problem(self) -> PrintOutcome | None:
        """Why nothing could be sent now (a stopped or unknown queue), asked before any badge is rendered."""
        ...

    def send(self, pdf: Path, title: str, media_mm: Media | None = None) -> PrintOutcome: ...


def cups_available() -> bool:
    """Whether this computer prints through CUPS's `lp` (Linux, macOS), rather than Windows' print system."""
    return sys.platform != "win32" and shutil.which("lp") is not None


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    """A CUPS command in the C locale, so its answers can be parsed; raises OSError or TimeoutExpired."""
    environment = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    return subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S, env=environment, check=False)


def _first_line(result: subprocess.CompletedProcess[str]) -> str:
    text = (result.stderr.strip() or result.stdout.strip()).splitlines()
    return text[0].removeprefix("lp: ").removeprefix("lpstat: ") if text else f"exit status {result.returncode}"


def available_printers() -> list[str]:
    """The CUPS queues this computer can use, by name ([] without CUPS)."""
    if not cups_available():
        return []
    try:
        result = _run("lpstat", "-e")
    except (OSError, subprocess.TimeoutExpired):
        return []
    return [line.strip() for line in result.stdout.splitlines() if line.strip()] if result.returncode == 0 else []


def default_printer() -> str:
    """The CUPS default destination, "" when there is none."""
    if not cups_available():
        return ""
    try:
        result = _run("lpstat", "-d")
    except (OSError, subprocess.TimeoutExpired):
        return ""
    _, found, name = result.stdout.partition("system default destination:")
    return name.strip() if found else ""


def queue_problem(queue: str) -> PrintOutcome | None:
    """Why `queue` cannot print now (None when it can): lp would queue a job on a stopped printer silently."""
    try:
        result = _run("lpstat", "-p", queue)
    except subprocess.TimeoutExpired:
        return PrintOutcome.of(PrintStatus.NO_ANSWER)
    except OSError as error:
        return PrintOutcome.of(PrintStatus.CANNOT_ASK, printer=queue, why=error.strerror)
    if result.returncode != 0 or not result.stdout.strip():
        return PrintOutcome.of(PrintStatus.UNKNOWN_PRINTER, printer=queue)
    if " disabled since" in result.stdout:
        return PrintOutcome.of(PrintStatus.STOPPED, printer=queue)
    return None


def job_state(job_id: str) -> str:
    """Where CUPS is with a job: "pending" while queued or printing, "completed" once done (or cancelled),
    "unknown" when CUPS does not know it (or there is no CUPS)."""
    if not cups_available() or not job_id:
        return "unknown"
    for which, state in (("not-completed", "pending"), ("completed", "completed")):
        try:
            result = _run("lpstat", "-W", which, "-o")
        except (OSError, subprocess.TimeoutExpired):
            return "unknown"
        if any(line.split(maxsplit=1)[:1] == [job_id] for line in result.stdout.splitlines()):
            return state
    return "unknown"


class CupsSink:
    """A CUPS queue ("" = the system's default), fed the PDF itself with `lp`."""

    def __init__(self, queue: str = "", *, copies: int = 1) -> None:
        if copies < 1:
            raise ValueError(f"copies must be at least 1, not {copies}")
        self.queue = queue
        self.copies = copies

    @property
    def description(self) -> str:
        return self.queue or default_printer() or "the default printer"

    def _resolved(self) -> str:
        return self.queue or default_printer()

    def problem(self) -> PrintOutcome | None:
        queue = self._resolved()
        if not queue:
            return PrintOutcome.of(PrintStatus.NO_PRINTER)
        return queue_problem(queue)

    def send(self, pdf: Path, title: str, media_mm: Media | None = None) -> PrintOutcome:
        if not pdf.is_file():
            return PrintOutcome.of(PrintStatus.MISSING_FILE, file=pdf.name)
        queue = self._resolved()
        problem = self.problem()
        if problem is not None:
            return problem
        command = ["lp", "-d", queue, "-t", title, "-n", str(self.copies)]
        if media_mm is not None:
            command += ["-o", f"media=Custom.{media_mm[0]:g}x{media_mm[1]:g}mm"]
        try:
            result = _run(*command, str(pdf.resolve()))
        except subprocess.TimeoutExpired:
            return PrintOutcome.of(PrintStatus.TIMED_OUT, printer=queue, seconds=TIMEOUT_S)
        except OSError as error:
            return PrintOutcome.of(PrintStatus.CANNOT_RUN, why=error.strerror)
        found = _REQUEST_ID.search(result.stdout)
        if result.returncode != 0 or found is None:
            return PrintOutcome.of(PrintStatus.REFUSED, printer=queue, why=_first_line(result))
        return PrintOutcome.of(PrintStatus.ACCEPTED, job_id=found.group(1), printer=queue)


class PdfFileSink:
    """A PDF file: "accepted" once the whole document is saved there."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    @property
    def description(self) -> str:
        return str(self.path)

    def problem(self) -> PrintOutcome | None:
        if not self.path.parent.is_dir():
            return PrintOutcome.of(PrintStatus.CANNOT_SAVE, path=self.path, why="no such folder")
        return None

    def send(self, pdf: Path, title: str, media_mm: Media | None = None) -> PrintOutcome:
        if not pdf.is_file():
            return PrintOutcome.of(PrintStatus.MISSING_FILE, file=pdf.name)
        try:
            shutil.move(pdf, self.path)
        except OSError as error:
            return PrintOutcome.of(PrintStatus.CANNOT_SAVE, path=self.path, why=error.strerror or error)
        return PrintOutcome.of(PrintStatus.SAVED, path=self.path)


def write_test_page(out: Path, printer: str, page_mm: Media, title: str = "Accreditor test page") -> None:
    """A one-page PDF naming the printer and the date, with a sample QR code; text scaled to the page, so the
    same page fits a CR80 card and an A4 sheet.  The app gives the `title` in its own language."""
    # ReportLab is loaded here, not with the sinks: the desktop app shows its window before it draws a page.
    from reportlab.graphics import renderPDF  # noqa: PLC0415
    from reportlab.graphics.barcode.qr import QrCodeWidget  # noqa: PLC0415
    from reportlab.graphics.shapes import Drawing  # noqa: PLC0415
    from reportlab.pdfgen.canvas import Canvas  # noqa: PLC0415

    from accreditor.badges import fonts  # noqa: PLC0415

    fonts.register_fonts()
    regular, bold = fonts.font_names(fonts.SANS)[0], fonts.font_names(fonts.SANS_BOLD)[0]
    width, height = (side * 72 / MM_PER_INCH for side in page_mm)
    unit = min(width, height) / 12  # about 12 lines on the short side
    canvas = Canvas(str(out), pagesize=(width, height))
    canvas.setTitle(title)
    lines = ((bold, title), (regular, printer), (regular, date.today().isoformat()))
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
