"""Fonts load when a text needs them: Latin and Cyrillic badges never read the large CJK and Korean files."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from accreditor.badges import fonts

_LOADED_AFTER = """
import json
from reportlab.pdfbase import pdfmetrics
from accreditor.badges import fonts

loaded = {}
for text in ("Jamshed Rahmonov", "Ҷамшед Раҳмонов", "Łukasz Ørsted", "عبد الرحمن", "王秀珍", "김민준"):
    fonts.split_runs(text, fonts.SANS)
    loaded[text] = sorted(name for name in pdfmetrics.getRegisteredFontNames() if name.startswith("Accreditor-"))
print(json.dumps(loaded))
"""


def test_fonts_load_in_chain_order_as_texts_need_them() -> None:
    root = Path(__file__).resolve().parents[3]
    done = subprocess.run([sys.executable, "-c", _LOADED_AFTER], capture_output=True, text=True, cwd=root, check=True)
    loaded = json.loads(done.stdout)

    primaries = ["Accreditor-Sans", "Accreditor-Sans-Bold"]
    assert loaded["Jamshed Rahmonov"] == primaries
    assert loaded["Łukasz Ørsted"] == primaries  # Latin and Cyrillic need nothing more
    assert loaded["عبد الرحمن"] == ["Accreditor-Arabic", *primaries]
    chain_to_cjk = ["Accreditor-Arabic", "Accreditor-Armenian", "Accreditor-CJK", "Accreditor-Georgian", *primaries]
    assert loaded["王秀珍"] == chain_to_cjk  # every font before CJK in the chain is asked first
    assert loaded["김민준"] == [*chain_to_cjk[:3], "Accreditor-Georgian", "Accreditor-Hangul", *primaries]


_TRACED_FOR_CJK = """
import tracemalloc
from accreditor.badges import fonts

fonts.split_runs("Jamshed", fonts.SANS)
tracemalloc.start()
fonts.split_runs("王秀珍", fonts.SANS)
print(tracemalloc.get_traced_memory()[0])
"""


def test_the_cjk_font_is_kept_in_a_few_megabytes_of_memory() -> None:
    """A render worker holds every font its batch needs; as ReportLab reads it, the CJK font alone keeps ~14 MB."""
    root = Path(__file__).resolve().parents[3]
    done = subprocess.run([sys.executable, "-c", _TRACED_FOR_CJK], capture_output=True, text=True, cwd=root, check=True)
    assert int(done.stdout) < 3 * 2**20


def test_compact_font_tables_answer_as_reportlab_read_them() -> None:
    for name in ("Accreditor-Sans", "Accreditor-CJK"):
        as_read = TTFont(name, str(fonts.fonts_folder() / fonts._FILES[name])).face
        fonts._covered(name)
        compact = pdfmetrics.getFont(name).face
        assert dict(compact.charToGlyph) == as_read.charToGlyph
        assert dict(compact.charWidths) == as_read.charWidths
        assert list(compact.glyphPos) == as_read.glyphPos
        assert [(int(aw), lsb) for aw, lsb in compact.hmetrics] == [(int(aw), lsb) for aw, lsb in as_read.hmetrics]
        assert compact.charWidths.get(0x10FFFF, -1) == -1 and 0x10FFFF not in compact.charToGlyph
        with pytest.raises(KeyError):
            compact.charToGlyph[0x10FFFF]
        subset = sorted(as_read.charToGlyph)[:200]
        assert compact.makeSubset(subset) == as_read.makeSubset(subset)  # the font file a PDF embeds
