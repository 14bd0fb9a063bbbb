"""Every string the app shows goes through Qt's translation system.

An AST check of `ui/`: a string literal or f-string handed straight to a call that puts text on screen
(setText, QLabel, QPushButton, QAction, setToolTip, setWindowTitle, message boxes, menus, form rows…) fails,
because it would stay English in Russian and Tajik.  Wrap it in `self.tr()` in a QObject or
`QCoreApplication.translate(context, …)` elsewhere, and write placeholders as `{name}` filled in by `.format()`
after translating (an f-string cannot be translated).  The allow-list holds the few texts that are the same in
every language.
"""

import ast
import re
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[2] / "ui"

# Calls whose string arguments are read by a person.
VISIBLE_CALLS = {
    "setText",
    "setToolTip",
    "setStatusTip",
    "setWhatsThis",
    "setWindowTitle",
    "setPlaceholderText",
    "setTitle",
    "setSubTitle",
    "setLabelText",
    "setButtonText",
    "setCancelButtonText",
    "setPrefix",
    "setSuffix",
    "setSpecialValueText",
    "setTabText",
    "setHorizontalHeaderLabels",
    "setHeaderLabels",
    "showMessage",
    "QLabel",
    "QPushButton",
    "QToolButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
    "QMessageBox",
    "QProgressDialog",
    "addAction",
    "addButton",
    "addMenu",
    "addToolBar",
    "addRow",
    "addTab",
    "insertTab",
    "addItem",
    "information",
    "warning",
    "critical",
    "question",
    "getText",
    "getOpenFileName",
    "getSaveFileName",
    "getExistingDirectory",
    "show_error",
    "show_info",
}
# The app's own helpers that put their text on screen.
VISIBLE_CALLS |= {
    "_action",
    "_mode_action",
    "key_action",
    "add_key_hint",
    "notify",
    "ask_reason",
    "ask_choice",
    "confirm",
    "_tell",
    "Notice",
    "_values_combo",
    "_yes_no_combo",
    "_switch_to",
    "_report_failure",
    "_export",
    "_done",
    "_say",
    "_refuse",
    "_set_status",
    "ask_open_path",
    "ask_save_path",
    "progress_dialog",
    "_Figure",
}
VISIBLE_KEYWORDS = {"label", "title", "text", "tooltip", "placeholder", "failed"}
TRANSLATING_CALLS = {"tr", "translate"}
# Texts that read the same in every language: symbols, units and names.
ALLOWED = {"#RRGGBB", "Accreditor", "×", "…", "—", "·", "+", "−", "mm", "%", "pt", "QR"}


def _name(call: ast.Call) -> str:
    function = call.func
    return function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")


KEY_SEQUENCE = re.compile(r"((Ctrl|Shift|Alt|Meta)\+)*(F\d{1,2}|Return|Enter|Esc|Space|Del|Backspace|[A-Z0-9,.])")
MARKUP = re.compile(r"<[^>]*>|&\w+;")


FILE_NAME = re.compile(r"[\w{}().-]*\.\w+")  # "badges.pdf", ".xlsx", "{stem}-import.json"


def _has_words(text: str) -> bool:
    """Letters outside markup and file names: "<div style=...>", ".xlsx" and "{full_name}" are not words."""
    return not FILE_NAME.fullmatch(text.strip()) and any(ch.isalpha() for ch in MARKUP.sub("", text))


MESSAGE_BOX_CALLS = {"information", "warning", "critical", "question"}


def _on_message_box(call: ast.Call) -> bool:
    function = call.func
    return (
        isinstance(function, ast.Attribute)
        and isinstance(function.value, ast.Name)
        and function.value.id == "QMessageBox"
    )


def _needs_translation(node: ast.expr) -> bool:
    if isinstance(node, ast.JoinedStr):
        constant = "".join(part.value for part in node.values if isinstance(part, ast.Constant))
        return _has_words(" ".join(word for word in constant.split() if word not in ALLOWED))
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value.strip()
        if text in ALLOWED or KEY_SEQUENCE.fullmatch(text):
            return False
        return _has_words(re.sub(r"\{\w*\}", "", text))  # a lone "{full_name}" is a layout's variable
    if isinstance(node, (ast.List, ast.Tuple)):
        return any(_needs_translation(item) for item in node.elts)
    if isinstance(node, ast.IfExp):  # "Save PDF…" if to_pdf else "Print"
        return _needs_translation(node.body) or _needs_translation(node.orelse)
    if isinstance(node, ast.BoolOp):  # name or "No category"
        return any(_needs_translation(value) for value in node.values)
    return False


def _unmarked(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or _name(node) not in VISIBLE_CALLS:
            continue
        if _name(node) in MESSAGE_BOX_CALLS and not _on_message_box(node):
            continue  # log.warning(…) is for the log file, not a person at the desk
        if _name(node) == "addItem" and len(node.args) >= 2 and _is_language_name(node.args[0]):
            continue
        shown = [*node.args, *(keyword.value for keyword in node.keywords if keyword.arg in VISIBLE_KEYWORDS)]
        for argument in shown:
            if _needs_translation(argument):
                found.append(f"{path.relative_to(UI.parent)}:{argument.lineno}: {ast.unparse(argument)[:70]}")
    return found


def _is_language_name(node: ast.expr) -> bool:
    """The language menu names each language in itself (`i18n.LANGUAGES`), untranslated on purpose."""
    return isinstance(node, ast.Name) and node.id == "name"


def _ui_files() -> list[Path]:
    return sorted(UI.rglob("*.py"))


@pytest.mark.parametrize("path", _ui_files(), ids=lambda path: str(path.relative_to(UI)))
def test_visible_strings_are_marked_for_translation(path: Path) -> None:
    assert _unmarked(path) == []


def test_the_check_catches_an_unmarked_label(tmp_path: Path) -> None:
    sample = UI / "_sample_for_test.py"
    try:
        sample.write_text('label = QLabel("Checked in")\nbutton.setText(f"Print {name}")\nok = QLabel(tr("Fine"))\n')
        assert [line.split(": ", 1)[1] for line in _unmarked(sample)] == ["'Checked in'", "f'Print {name}'"]
    finally:
        sample.unlink()
