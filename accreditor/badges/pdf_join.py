"""Joining PDF parts into one document in memory that does not grow with the document.

qpdf (through pikepdf) holds every copied page of every part until it saves, so joining the
parts of a 10,000-badge batch took more memory than rendering it.  Here each part is opened on
its own, its objects are written straight to the output with new numbers, and only the page
numbers and byte offsets are kept; a page tree, catalogue and cross-reference table close the
file.
"""

import re
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

import pikepdf

# A reference "12 0 R" outside strings; string literals and hex strings are matched first so
# that text inside them is left alone.
_REFERENCE_OR_STRING = re.compile(rb"\((?:\\.|[^\\)])*\)|<(?!<)[0-9A-Fa-f\s]*>|(\d+) (\d+) R")


class PdfJoiner:
    """`with PdfJoiner(out) as joiner: joiner.add(part)…` writes one PDF with every part's pages in order."""

    def __init__(self, out: str | Path) -> None:
        self._out: BinaryIO = Path(out).open("wb")  # noqa: SIM115 - closed by close() or __exit__
        self._offsets: list[int] = []  # byte offset of object n + 1
        self._pages: list[int] = []
        self._out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        self._pages_root = self._reserve()

    def _reserve(self) -> int:
        self._offsets.append(0)
        return len(self._offsets)

    def _write_object(self, number: int, body: bytes) -> None:
        self._offsets[number - 1] = self._out.tell()
        self._out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))

    def add(self, part: str | Path) -> int:
        """Append every page of `part`; returns how many."""
        with pikepdf.open(part) as pdf:
            skipped = {pdf.Root.objgen, pdf.Root.Pages.objgen}
            if "/Info" in pdf.trailer:
                skipped.add(pdf.trailer.Info.objgen)
            numbers = {obj.objgen: self._reserve() for obj in pdf.objects if obj.objgen not in skipped}
            numbers[pdf.Root.Pages.objgen] = self._pages_root

            def renumber(source: bytes) -> bytes:
                def replace(match: re.Match[bytes]) -> bytes:
                    if match.group(1) is None:
                        return match.group(0)
                    target = numbers.get((int(match.group(1)), int(match.group(2))))
                    return b"%d 0 R" % target if target else b"null"

                return _REFERENCE_OR_STRING.sub(replace, source)

            for page in pdf.pages:  # every page hangs directly from the joined page tree
                page.obj.Parent = pdf.Root.Pages
            for obj in pdf.objects:
                if obj.objgen in skipped:
                    continue
                number = numbers[obj.objgen]
                if obj._type_code == pikepdf.ObjectType.stream:
                    data = obj.read_raw_bytes()
                    header = obj.stream_dict
                    header.Length = len(data)
                    body = renumber(header.unparse(resolved=True)) + b"\nstream\n" + data + b"\nendstream"
                else:
                    body = renumber(obj.unparse(resolved=True))
                self._write_object(number, body)
            self._pages.extend(numbers[page.obj.objgen] for page in pdf.pages)
            return len(pdf.pages)

    def close(self) -> None:
        kids = b" ".join(b"%d 0 R" % page for page in self._pages)
        self._write_object(self._pages_root, b"<< /Type /Pages /Count %d /Kids [ %s ] >>" % (len(self._pages), kids))
        catalog = self._reserve()
        self._write_object(catalog, b"<< /Type /Catalog /Pages %d 0 R >>" % self._pages_root)
        xref = self._out.tell()
        self._out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(self._offsets) + 1))
        self._out.writelines(b"%010d 00000 n \n" % offset for offset in self._offsets)
        self._out.write(
            b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(self._offsets) + 1, catalog, xref)
        )
        self._out.close()

    def __enter__(self) -> "PdfJoiner":
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if kind is None:
            self.close()
        else:
            self._out.close()
