"""Refresh the translation sources: `make update-translations` (then translate what is unfinished).

`pyside6-lupdate` collects every `tr()`, `QCoreApplication.translate()` and `QT_TRANSLATE_NOOP()` of `ui/`
into `resources/translations/accreditor_<language>.ts`, keeping what is already translated.  The core's
vocabulary (`accreditor/vocabulary.py`) is added as the context "vocabulary": each label, headline, sentence
and variant with a comment naming its code ("GateReason.expired message"), which is what `ui.i18n` asks Qt
for.  Strings that left the code are dropped, so a `.ts` never carries obsolete entries.
"""

import subprocess
import sys
from enum import StrEnum
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from accreditor import vocabulary  # noqa: E402 - after the path is set for a run from a checkout
from ui.i18n import LANGUAGES, VOCABULARY_CONTEXT, key_of  # noqa: E402

TRANSLATIONS = ROOT / "resources" / "translations"
Key = tuple[str, str, str]
LUPDATE = str(Path(sys.executable).parent / "pyside6-lupdate")


def ts_file(language: str) -> Path:
    return TRANSLATIONS / f"accreditor_{language}.ts"


def vocabulary_messages() -> list[tuple[str, str]]:
    """(source text, comment) for every word of the vocabulary, in the order the vocabulary lists them."""
    found: list[tuple[str, str]] = []
    for kind in vocabulary.VOCABULARIES:
        for code in kind:
            found.extend(_words_of(code))
    return found


def _words_of(code: StrEnum) -> list[tuple[str, str]]:
    term = vocabulary.term(code)
    words = [(term.label, key_of(code, "label"))]
    if term.headline:
        words.append((term.headline, key_of(code, "headline")))
    if term.message:
        words.append((term.message, key_of(code, "message")))
    words.extend((text, key_of(code, f"variant {name}")) for name, text in term.variants.items())
    return words


def read_translations(path: Path) -> dict[Key, ElementTree.Element]:
    """Each message's <translation> element by (context, source, comment)."""
    if not path.exists():
        return {}
    found = {}
    for context in ElementTree.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None:
                found[(name, message.findtext("source", ""), message.findtext("comment", ""))] = translation
    return found


def update(language: str) -> None:
    path = ts_file(language)
    before = read_translations(path)
    sources = sorted(str(file.relative_to(ROOT)) for file in (ROOT / "ui").rglob("*.py"))
    subprocess.run(
        [LUPDATE, "-silent", "-no-obsolete", "-locations", "none", *sources, "-ts", str(path)],
        cwd=ROOT,
        check=True,
    )
    tree = ElementTree.parse(path)
    root = tree.getroot()
    for context in root.findall("context"):
        if context.findtext("name") == VOCABULARY_CONTEXT:
            root.remove(context)
    context = ElementTree.SubElement(root, "context")
    ElementTree.SubElement(context, "name").text = VOCABULARY_CONTEXT
    for source, comment in vocabulary_messages():
        message = ElementTree.SubElement(context, "message")
        ElementTree.SubElement(message, "source").text = source
        ElementTree.SubElement(message, "comment").text = comment
        kept = before.get((VOCABULARY_CONTEXT, source, comment))
        if kept is not None:
            message.append(kept)
        else:
            ElementTree.SubElement(message, "translation", type="unfinished")
    write_ts(tree, path)


def write_ts(tree: ElementTree.ElementTree, path: Path) -> None:
    ElementTree.indent(tree, space="    ")
    body = ElementTree.tostring(tree.getroot(), encoding="unicode")
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8")


def main() -> None:
    for language in LANGUAGES:
        if language != "en":
            update(language)
            print(f"updated {ts_file(language).relative_to(ROOT)}")


if __name__ == "__main__":
    main()
