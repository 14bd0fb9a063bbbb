"""QR codes drawn as vectors: sharp at any printer resolution and a few hundred bytes each.

The module matrix comes from zxing-cpp's encoder (its C++ mask selection costs microseconds, where a
pure-Python encoder spends milliseconds per code). Dark modules are merged into horizontal runs and
emitted as one filled path of unit rectangles under a scaling transform, so a version-6 code is a
single PDF path of a few hundred short `re` operators.
"""

import re

import zxingcpp
from reportlab.pdfgen.canvas import Canvas

from accreditor.errors import AccreditorError

QUIET_ZONE = 4
"""Light modules around the symbol, required by ISO/IEC 18004 for reliable scanning."""
MAX_VERSION = 6
"""Tokens are designed to fit version 6 at level M, whose modules stay large enough at 25 mm."""

_DARK_TO_ONE = bytes([1] + [0] * 255)  # zxing-cpp's image: 0 = dark module, 255 = light
_RUN = re.compile(b"\x01+")


class QrError(AccreditorError):
    """Text that cannot be encoded as a QR code (too long, or not encodable)."""


def qr_matrix(text: str) -> tuple[bytes, ...]:
    """The module matrix at error correction M, one `bytes` per row from the top: 1 = dark, 0 = light."""
    try:
        barcode = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
        image = memoryview(barcode.to_image(scale=1, add_quiet_zones=False))
    except (ValueError, RuntimeError) as error:
        raise QrError(f"the text cannot be encoded as a QR code ({error})") from None
    size = image.shape[0]
    cells = image.tobytes().translate(_DARK_TO_ONE)
    return tuple(cells[row * size : (row + 1) * size] for row in range(size))


def qr_version(matrix: tuple[bytes, ...]) -> int:
    """The QR version of a matrix: version v has 17 + 4v modules a side."""
    return (len(matrix) - 17) // 4


def qr_path(matrix: tuple[bytes, ...]) -> str:
    """PDF path operators filling the dark modules, one rectangle per horizontal run, in module units, y up."""
    last = len(matrix) - 1
    return "\n".join(
        f"{run.start()} {last - row} {run.end() - run.start()} 1 re"
        for row, cells in enumerate(matrix)
        for run in _RUN.finditer(cells)
    )


def draw_qr(canvas: Canvas, text: str, x: float, y: float, size: float) -> int:
    """Draw `text` as a QR code whose square, quiet zone included, has its bottom-left at (x, y), in points.

    Returns the QR version, so the caller can warn about codes too dense for their printed size.
    """
    matrix = qr_matrix(text)
    module = size / (len(matrix) + 2 * QUIET_ZONE)
    canvas.saveState()
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.translate(x + QUIET_ZONE * module, y + QUIET_ZONE * module)
    canvas.scale(module, module)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.addLiteral(qr_path(matrix) + "\nf")
    canvas.restoreState()
    return qr_version(matrix)
