"""Fonts load when a text needs them: Latin and Cyrillic badges never read the large CJK and Korean files."""

import json
import subprocess
import sys
from pathlib import Path

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
