"""The badge preview: pdfium's rendering of the very PDF that prints, in the right size and colours."""

from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from accreditor.badges import printing
from accreditor.badges.batch import render_guest_badge
from accreditor.store import EventStore
from ui.pdf_preview import PdfPreviewDialog, render_pages

MM_PER_INCH = 25.4


def qr_texts(image: QImage) -> list[str]:
    """zxing-cpp's own QImage support predates PySide6's enums: hand it the grey pixels instead."""
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    pixels = Image.frombytes(
        "L", (grey.width(), grey.height()), bytes(grey.constBits()), "raw", "L", grey.bytesPerLine()
    )
    return [result.text for result in zxingcpp.read_barcodes(pixels)]


@pytest.fixture
def badge_pdf(badge_event: tuple[EventStore, int], tmp_path: Path) -> tuple[Path, printing.PlannedBadge]:
    """The CR80 badge of the event's Tajik guest."""
    store, guest_id = badge_event
    out = tmp_path / "badge.pdf"
    return out, render_guest_badge(store, guest_id, out=out, layout="cr80")


def test_pages_render_at_the_dpi_asked_with_the_qr_code_readable(
    badge_pdf: tuple[Path, printing.PlannedBadge],
) -> None:
    pdf, planned = badge_pdf
    (page,) = render_pages(pdf, dpi=300)
    assert page.width() == pytest.approx(85.6 / MM_PER_INCH * 300, abs=1)  # pdfium rounds up to whole pixels
    assert page.height() == pytest.approx(54 / MM_PER_INCH * 300, abs=1)
    assert qr_texts(page) == [planned.token]


def test_colours_come_out_as_printed(
    badge_event: tuple[EventStore, int], badge_pdf: tuple[Path, printing.PlannedBadge]
) -> None:
    """Red stays red: pdfium's byte order and the QImage format agree."""
    pdf, planned = badge_pdf
    with badge_event[0].connect() as connection:
        _names, colours = printing.category_lookup(connection)
    dpi = 150
    (page,) = render_pages(pdf, dpi=dpi)
    # The cr80 layout's category band runs along the bottom edge; 1 mm in from the left there is only band.
    pixel = page.pixelColor(round(1 / MM_PER_INCH * dpi), round(52 / MM_PER_INCH * dpi))
    expected = QColor(colours[planned.guest.fields.category])
    assert abs(pixel.red() - expected.red()) <= 6
    assert abs(pixel.green() - expected.green()) <= 6
    assert abs(pixel.blue() - expected.blue()) <= 6


def test_every_page_is_shown_and_print_accepts(
    qtbot: QtBot, badge_event: tuple[EventStore, int], tmp_path: Path
) -> None:
    pdf = tmp_path / "double.pdf"
    render_guest_badge(*badge_event, out=pdf, layout="a6-double")
    dialog = PdfPreviewDialog(None, pdf, "Badge of Ҷамшед Рахмонов")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Badge of Ҷамшед Рахмонов"
    assert len(dialog.page_labels) == 2  # front and back
    assert all(not label.pixmap().isNull() for label in dialog.page_labels)
    dialog.print_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_ask_is_true_only_for_print(
    monkeypatch: pytest.MonkeyPatch, badge_pdf: tuple[Path, printing.PlannedBadge]
) -> None:
    pdf, _planned = badge_pdf
    monkeypatch.setattr(PdfPreviewDialog, "exec", lambda _self: QDialog.DialogCode.Rejected)
    assert PdfPreviewDialog.ask(None, pdf, "Badge") is False
    monkeypatch.setattr(PdfPreviewDialog, "exec", lambda _self: QDialog.DialogCode.Accepted)
    assert PdfPreviewDialog.ask(None, pdf, "Badge") is True
