"""QR codes: small enough at level M, drawn as one vector path that scanners read back."""

import io
import re

import pytest
from reportlab.pdfgen.canvas import Canvas

from accreditor.badges.layout import MM
from accreditor.badges.qr import QUIET_ZONE, QrError, draw_qr, qr_matrix, qr_path, qr_version


def test_150_character_alphanumeric_token_fits_version_6_at_level_m(make_token) -> None:
    matrix = qr_matrix(make_token(1, length=150))

    assert qr_version(matrix) <= 6
    assert all(len(row) == len(matrix) for row in matrix)
    assert set(b"".join(matrix)) == {0, 1}


def test_matrix_has_the_finder_pattern_in_its_top_left_corner(make_token) -> None:
    matrix = qr_matrix(make_token(2))

    assert matrix[0][:7] == b"\x01" * 7
    assert matrix[1][:7] == b"\x01" + b"\x00" * 5 + b"\x01"


def test_path_covers_exactly_the_dark_modules_with_one_rectangle_per_run(make_token) -> None:
    matrix = qr_matrix(make_token(3))
    size = len(matrix)
    painted = [bytearray(size) for _ in range(size)]

    rectangles = re.findall(r"^(\d+) (\d+) (\d+) 1 re$", qr_path(matrix), flags=re.MULTILINE)
    for x, y, width in rectangles:
        row = painted[size - 1 - int(y)]
        assert not any(row[int(x) : int(x) + int(width)]), "runs must not overlap"
        row[int(x) : int(x) + int(width)] = b"\x01" * int(width)

    assert [bytes(row) for row in painted] == list(matrix)
    assert len(rectangles) == sum(len(re.findall(b"\x01+", row)) for row in matrix)


def test_text_too_long_for_any_qr_code_is_a_qr_error() -> None:
    with pytest.raises(QrError, match="cannot be encoded"):
        qr_matrix("A" * 5000)


def test_vector_qr_code_scans_back(make_token, read_pdf) -> None:
    text = make_token(4)
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(40 * MM, 40 * MM))
    version = draw_qr(canvas, text, 7.5 * MM, 7.5 * MM, 25 * MM)
    canvas.save()

    assert version <= 6
    assert read_pdf(out.getvalue()).qr_texts(0) == [text]


def test_quiet_zone_stays_inside_the_requested_size(make_token, read_pdf) -> None:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(25 * MM, 25 * MM))
    canvas.setFillColorRGB(0.8, 0.1, 0.1)
    canvas.rect(0, 0, 25 * MM, 25 * MM, stroke=0, fill=1)  # a coloured badge background
    draw_qr(canvas, make_token(5), 0, 0, 25 * MM)
    canvas.save()

    image = read_pdf(out.getvalue()).image(0, scale=4).convert("L")
    quiet = round(QUIET_ZONE * image.width / (len(qr_matrix(make_token(5))) + 2 * QUIET_ZONE))
    corner = image.crop((1, 1, quiet - 1, quiet - 1))
    assert corner.getextrema()[0] > 240  # white, not the red background
