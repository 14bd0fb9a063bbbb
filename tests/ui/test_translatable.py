"""Every string the app shows goes through Qt's translation system.

An AST check of `ui/`: a string literal or f-string handed to a call that puts text on screen (setText, QLabel,
QPushButton, QAction, setToolTip, message boxes, menus, form rows, table items and headers, painted text, the
one error dialog's AccreditorError…) fails, because it would stay English in Russian and Tajik.  So does one
that reaches such a call, or a model's `data()`, on the way: through a variable, a table (`LABELS.get(name)`,
`CHOICES[name]`), a loop over one, a function of the module that returns it, or a helper of the module that
hands its parameter on to the screen.  Two more kinds fail wherever they are: a table of labels at module or
class level (mark each with `QT_TRANSLATE_NOOP` and translate it where it is shown) and `"….".format()` on a
bare literal with words.  Wrap text in `self.tr()` in a QObject or `QCoreApplication.translate(context, …)`
elsewhere, and write placeholders as `{name}` filled in by `.format()` after translating (an f-string cannot
be translated).  The allow-lists hold the few texts that are the same in every language.
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
    "QStandardItem",
    "QTableWidgetItem",
    "QListWidgetItem",
    "QTreeWidgetItem",
    "addItems",
    "insertItem",
    "insertItems",
    "setItemText",
    "setHeaderData",
    "setTabToolTip",
    "getColor",
    "getItem",
    "getInt",
    "getDouble",
    "drawText",
    "showText",
    "AccreditorError",  # the one error dialog shows its sentence
    "LayoutError",
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
    "Section",
    "write_test_page",
}
# A model's answers to the view: what `data()` and `headerData()` return is on screen.
SHOWN_RETURNS = {"data", "headerData"}
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


CSS = re.compile(r"[\w-]+\s*:\s*[^;]*;")  # "font-weight: bold;"
IDENTIFIER = re.compile(r"[A-Z][A-Za-z0-9_]*[A-Z0-9_][A-Za-z0-9_]*|[A-Z]")  # GateView, MAX_RESULTS, JPEG, T
# Tables of words that stay as they are: sizing samples no one sees; each language named in itself.
TABLES_ALLOWED = {("guest_list.py", "_SAMPLE_TEXT"), ("i18n.py", "LANGUAGES")}
SCOPES = (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)


def _reads_as_words(text: str) -> bool:
    """A label or a sentence rather than a key, an icon's or object's name, a style or a date format.

    Stricter than `_needs_translation`: used where a string is not handed straight to the screen (a table, a
    variable), so only text with a capital letter or a space between words counts: "Left", "not matched".
    """
    text = text.strip()
    if text in ALLOWED or KEY_SEQUENCE.fullmatch(text) or CSS.search(text) or "%" in text:
        return False
    words = re.sub(r"\{[^{}]*\}", "", MARKUP.sub("", text)).strip()
    if not _has_words(words) or IDENTIFIER.fullmatch(words):
        return False
    return " " in words or words[:1].isupper()


class _Module:
    """One file of ui/: what each name is bound to in each scope, its functions, and the helpers that show text."""

    def __init__(self, tree: ast.Module) -> None:
        self.tree = tree
        self.parents: dict[ast.AST, ast.AST] = {}
        for node in ast.walk(tree):
            for child in ast.iter_child_nodes(node):
                self.parents[child] = node
        self.bindings: dict[tuple[ast.AST, str], list[ast.expr]] = {}
        self.functions: dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                self.functions.setdefault(node.name, []).append(node)
            elif isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign) and node.value is not None:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    self._bind(target, node.value, node)
            elif isinstance(node, ast.For | ast.comprehension):
                target, iterable = _items_of(node.target, node.iter)
                self._bind(target, iterable, node)  # a loop variable reads its table
        self.shows = self._helpers()

    def _bind(self, target: ast.expr, value: ast.expr, where: ast.AST) -> None:
        names = [target] if isinstance(target, ast.Name) else []
        if isinstance(target, ast.Tuple | ast.List):
            names = [item for item in target.elts if isinstance(item, ast.Name)]
        for name in names:
            self.bindings.setdefault((self.scope(where), name.id), []).append(value)

    def scope(self, node: ast.AST) -> ast.AST:
        node = self.parents.get(node, node)
        while not isinstance(node, SCOPES) and node in self.parents:
            node = self.parents[node]
        return node

    def values_of(self, name: ast.Name) -> list[ast.expr]:
        """What `name` may hold where it is used: its bindings in the nearest scope that has any."""
        scope: ast.AST = name
        while True:
            scope = self.scope(scope)
            found = self.bindings.get((scope, name.id))
            if found or isinstance(scope, ast.Module):
                return found or []

    def _helpers(self) -> dict[str, set[int | str]]:
        """The module's own functions that hand a parameter to a call that shows it: which positions, which names."""
        shows: dict[str, set[int | str]] = {}
        changed = True
        while changed:
            changed = False
            for name, definitions in self.functions.items():
                for function in definitions:
                    params = [arg.arg for arg in (*function.args.posonlyargs, *function.args.args)]
                    if params[:1] in (["self"], ["cls"]):
                        params = params[1:]
                    for call in ast.walk(function):
                        if not isinstance(call, ast.Call):
                            continue
                        for argument in self.shown(call, shows):
                            if isinstance(argument, ast.Name) and argument.id in params + [
                                arg.arg for arg in function.args.kwonlyargs
                            ]:
                                positions = shows.setdefault(name, set())
                                new = {argument.id, *([params.index(argument.id)] if argument.id in params else [])}
                                if not new <= positions:
                                    positions |= new
                                    changed = True
        return shows

    def shown(self, call: ast.Call, helpers: dict[str, set[int | str]] | None = None) -> list[ast.expr]:
        """The arguments of `call` that end up on screen."""
        helpers = self.shows if helpers is None else helpers
        name = _name(call)
        if name in VISIBLE_CALLS:
            if name in MESSAGE_BOX_CALLS and not _on_message_box(call):
                return []  # log.warning(…) is for the log file, not a person at the desk
            if name == "addItem" and len(call.args) >= 2 and _is_language_name(call.args[0]):
                return []
            return [*call.args, *(keyword.value for keyword in call.keywords if keyword.arg in VISIBLE_KEYWORDS)]
        positions = helpers.get(name, set())
        return [
            *(argument for index, argument in enumerate(call.args) if index in positions),
            *(keyword.value for keyword in call.keywords if keyword.arg in positions),
        ]

    def reaches_words(self, node: ast.expr, depth: int = 0) -> bool:
        """Whether text with words reaches the screen through `node`: a name, a table, a local function's result."""
        if depth > 6:
            return False
        deeper = depth + 1
        if isinstance(node, ast.Constant):
            return isinstance(node.value, str) and _reads_as_words(node.value)
        if isinstance(node, ast.JoinedStr):
            return _reads_as_words("".join(part.value for part in node.values if isinstance(part, ast.Constant)))
        if isinstance(node, ast.Name):
            return any(self.reaches_words(value, deeper) for value in self.values_of(node))
        if isinstance(node, ast.Subscript):  # LABELS[name]
            return self.reaches_words(node.value, deeper)
        if isinstance(node, ast.Dict):
            return any(self.reaches_words(value, deeper) for value in node.values)
        if isinstance(node, ast.List | ast.Tuple | ast.Set):
            return any(self.reaches_words(item, deeper) for item in node.elts)
        if isinstance(node, ast.Starred):
            return self.reaches_words(node.value, deeper)
        if isinstance(node, ast.GeneratorExp | ast.ListComp | ast.SetComp):
            return self.reaches_words(node.elt, deeper)
        if isinstance(node, ast.IfExp):
            return self.reaches_words(node.body, deeper) or self.reaches_words(node.orelse, deeper)
        if isinstance(node, ast.BoolOp):
            return any(self.reaches_words(value, deeper) for value in node.values)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return self.reaches_words(node.left, deeper) or self.reaches_words(node.right, deeper)
        if isinstance(node, ast.Call):
            return self._call_reaches_words(node, deeper)
        return False

    def _call_reaches_words(self, call: ast.Call, depth: int) -> bool:
        function = call.func
        if _name(call) in TRANSLATING_CALLS | {"QT_TRANSLATE_NOOP", "QT_TR_NOOP"}:
            return False
        if isinstance(function, ast.Attribute):
            if function.attr == "get" and isinstance(function.value, ast.Name):  # LABELS.get(name, default)
                return any(self.reaches_words(node, depth) for node in (function.value, *call.args[1:]))
            if function.attr in ("format", "join"):
                return self.reaches_words(function.value, depth) or any(
                    self.reaches_words(argument, depth) for argument in call.args
                )
            if function.attr in ("items", "values", "keys"):
                return self.reaches_words(function.value, depth)
        local = self.functions.get(_name(call), [])
        return any(
            self.reaches_words(found.value, depth)
            for definition in local
            for found in ast.walk(definition)
            if isinstance(found, ast.Return) and found.value is not None
        )


def _items_of(target: ast.expr, iterable: ast.expr) -> tuple[ast.expr, ast.expr]:
    """`for key, text in TABLE.items()`: `text` reads the table's values; the key is not shown."""
    function = iterable.func if isinstance(iterable, ast.Call) else None
    pairs = isinstance(target, ast.Tuple) and len(target.elts) == 2
    if pairs and isinstance(target, ast.Tuple) and isinstance(function, ast.Attribute) and function.attr == "items":
        values = ast.Attribute(value=function.value, attr="values")
        return target.elts[1], ast.Call(func=values, args=[], keywords=[])
    return target, iterable


def _tables(module: _Module, path: Path) -> list[ast.expr]:
    """Tables of labels at module or class level, each string of which must be marked."""
    found = []
    for node in ast.walk(module.tree):
        if not isinstance(node, ast.Assign | ast.AnnAssign) or node.value is None:
            continue
        if not isinstance(module.parents.get(node), ast.Module | ast.ClassDef):
            continue
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        names = {target.id for target in targets if isinstance(target, ast.Name)}
        if "__all__" in names or any((path.name, name) in TABLES_ALLOWED for name in names):
            continue
        if isinstance(node.value, ast.Dict | ast.List | ast.Tuple | ast.Set) and module.reaches_words(node.value):
            found.append(node.value)
    return found


def _formatted_literals(module: _Module) -> list[ast.expr]:
    """`"Badge {serial} printed".format(…)`: the literal should have gone through tr() first."""
    return [
        node.func.value
        for node in ast.walk(module.tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "format"
        and isinstance(node.func.value, ast.Constant)
        and isinstance(node.func.value.value, str)
        and _needs_translation(node.func.value)
    ]


def _unmarked(path: Path) -> list[str]:
    module = _Module(ast.parse(path.read_text(encoding="utf-8")))
    found: list[ast.expr] = []
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Call):
            for argument in module.shown(node):
                direct = _needs_translation(argument)
                if direct or (
                    not isinstance(argument, ast.Constant | ast.JoinedStr) and module.reaches_words(argument)
                ):
                    found.append(argument)
    for name in SHOWN_RETURNS:
        for function in module.functions.get(name, []):
            for node in ast.walk(function):
                if isinstance(node, ast.Return) and node.value is not None and module.reaches_words(node.value):
                    found.append(node.value)
    found += _tables(module, path) + _formatted_literals(module)
    unique = {(node.lineno, ast.unparse(node)[:70]): None for node in found}
    return [f"{path.relative_to(UI.parent)}:{line}: {text}" for line, text in sorted(unique)]


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


def test_the_check_follows_text_to_the_screen() -> None:
    """Tables, variables, loops, helpers and a model's data() are followed; keys, styles and icons are not words."""
    sample = UI / "_sample_for_test.py"
    code = """
LABELS = {"x": "Left", "y": QT_TRANSLATE_NOOP("Panel", "Top")}
STYLE = {"error": "QLabel { color: #B00020; }", "icon": "document-print"}
NAMES = ("GateView", "MAX_RESULTS")
def build(form, name):
    form.addRow(LABELS.get(name, name), None)
    for key, text in (("a", "b"), ("c", "d")):
        combo.addItem(text, key)
    note = "Matched" if name else "kept"
    table.setHorizontalHeaderLabels([note])
    busy("Reading photos…")
    setter.setText(summary())
def busy(text):
    label.setText(text)
def summary():
    return "Badge {serial} printed".format(serial=1)
def data(index, role):
    return f"Badge {index} printed"
"""
    try:
        sample.write_text(code)
        assert [line.split(": ", 1)[1] for line in _unmarked(sample)] == [
            "{'x': 'Left', 'y': QT_TRANSLATE_NOOP('Panel', 'Top')}",
            "LABELS.get(name, name)",
            "[note]",
            "'Reading photos…'",
            "summary()",
            "'Badge {serial} printed'",
            "f'Badge {index} printed'",
        ]
    finally:
        sample.unlink()
