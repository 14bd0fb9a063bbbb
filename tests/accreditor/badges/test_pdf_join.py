"""Joining PDF parts: every page in order, a valid file, strings left alone."""

from pathlib import Path

import pikepdf
import pypdfium2
from reportlab.pdfgen.canvas import Canvas

from accreditor.badges.pdf_join import PdfJoiner


def make_part(path: Path, labels: list[str]) -> Path:
    canvas = Canvas(str(path))
    for label in labels:
        canvas.drawString(72, 720, label)
        canvas.showPage()
    canvas.save()
    return path


def page_texts(path: Path) -> list[str]:
    document = pypdfium2.PdfDocument(str(path))
    texts = [page.get_textpage().get_text_range().strip() for page in document]
    document.close()
    return texts


def test_parts_are_joined_page_by_page_in_order(tmp_path: Path) -> None:
    parts = [make_part(tmp_path / f"p{n}.pdf", [f"part {n} page {p}" for p in range(3)]) for n in range(4)]
    out = tmp_path / "joined.pdf"
    with PdfJoiner(out) as joiner:
        counts = [joiner.add(part) for part in parts]

    assert counts == [3, 3, 3, 3]
    assert page_texts(out) == [f"part {n} page {p}" for n in range(4) for p in range(3)]
    with pikepdf.open(out) as pdf:
        assert len(pdf.pages) == 12
        assert pdf.check_pdf_syntax() == []


def test_reference_lookalikes_inside_strings_are_not_renumbered(tmp_path: Path) -> None:
    part = tmp_path / "part.pdf"
    with pikepdf.new() as pdf:
        pdf.add_blank_page()
        pdf.pages[0].obj.Note = pikepdf.String("see 1 0 R (and 2 0 R)")
        pdf.save(part)
    make_part(tmp_path / "first.pdf", ["first"])
    out = tmp_path / "joined.pdf"
    with PdfJoiner(out) as joiner:
        joiner.add(tmp_path / "first.pdf")
        joiner.add(part)

    with pikepdf.open(out) as pdf:
        assert str(pdf.pages[1].obj.Note) == "see 1 0 R (and 2 0 R)"
