"""The real CUPS queues the printing tests use, and how to find what cups-pdf wrote for a job.

`.ci/setup-cups` installs CUPS, starts it and adds the AccreditorPDF queue (cups-pdf) and the stopped
AccreditorStopped; without them the CUPS tests skip here and fail in CI.  cups-pdf receives a job the way a
real printer driver does (CUPS turns the PDF into PostScript, cups-pdf distils that with Ghostscript), so the
file it writes shows what survives the print path.
"""

import contextlib
import os
import re
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image

from accreditor import print_sinks

QUEUE = "AccreditorPDF"
STOPPED_QUEUE = "AccreditorStopped"
OUTPUT = Path(os.environ.get("ACCREDITOR_CUPS_PDF_DIR", "/var/spool/cups-pdf/accreditor"))
WAIT_S = 60
DPI = 300


def require_cups(*queues: str) -> None:
    """Skip (fail in CI) unless CUPS is here with these queues."""
    available = print_sinks.available_printers() if print_sinks.cups_available() else []
    for queue in queues:
        if queue not in available:
            pytest.skip(f"needs CUPS with the {queue} queue: run .ci/setup-cups")


def output_files() -> set[Path]:
    return set(OUTPUT.glob("*.pdf"))


@contextlib.contextmanager
def printouts_removed() -> Iterator[None]:
    """The files cups-pdf writes meanwhile go afterwards."""
    earlier = output_files()
    try:
        yield
    finally:
        for path in output_files() - earlier:
            with contextlib.suppress(OSError):
                path.unlink()


def queue_is_idle() -> bool:
    result = subprocess.run(["lpstat", "-o", QUEUE], capture_output=True, text=True, check=False)
    return result.returncode == 0 and not result.stdout.strip()


def printed_file(earlier: set[Path], *, job_id: str = "", title: str = "") -> Path:
    """The new PDF cups-pdf wrote for a job, once CUPS is done with it.

    cups-pdf names its files after the job title and number ("Badge_Rakhmonov…job_12.pdf"); a job sent through
    Qt's print system has no id to go by, so its title is what identifies it.
    """
    if job_id:
        pattern = re.compile(rf"(?<!\d)job_{job_id.rsplit('-', 1)[1]}(?!\d)")
    else:
        pattern = re.compile(re.escape(title.replace(" ", "_")))

    def finished() -> bool:
        return print_sinks.job_state(job_id) == "completed" if job_id else queue_is_idle()

    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        found = [path for path in output_files() - earlier if pattern.search(path.name)]
        if found and finished():
            return found[0]
        time.sleep(0.2)  # an outside process: nothing to wait on but the clock
    pytest.fail(f"cups-pdf wrote no file for job {job_id or title!r} into {OUTPUT} within {WAIT_S} s")


def raster(pdf: Path, size: tuple[int, int] | None = None) -> Image.Image:
    """The first page at DPI in grey, resized to `size` when given (to lay two renderings over each other)."""
    document = pdfium.PdfDocument(str(pdf))
    try:
        image = document[0].render(scale=DPI / 72).to_pil().convert("L")
    finally:
        document.close()
    return image if size is None else image.resize(size, Image.Resampling.BOX)
