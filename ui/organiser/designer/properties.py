"""The properties of the selected element, one editor per field of its dataclass.

The form is built from the element's own fields, so every element type (and any field a layout version adds)
gets an editor without a form per type. Each change is offered to the window as a whole new element
(`edited`); the window has the complete layout re-validated by the core (`parse_layout`) and either shows
the result everywhere or hands the one-sentence refusal back to `show_error`, keeping the last valid layout.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import fields, replace
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from accreditor.badges.layout import Element
from accreditor.badges.variables import VARIABLES
from accreditor.categories import STANDARD_CATEGORIES

MM_FIELDS = frozenset({"x", "y", "width", "height", "size", "x1", "y1", "x2", "y2", "gap", "radius"})
PT_FIELDS = frozenset({"font_size", "min_font_size", "border_width", "stroke_width"})
COLOUR_FIELDS = frozenset({"colour", "text_colour", "fill", "stroke", "border"})
PAINT_FIELDS = frozenset({("rect", "fill"), ("rect", "stroke"), ("photo", "border")})
"""Colour fields that may also be "none" (nothing drawn)."""
GEOMETRY_FIELDS = MM_FIELDS - {"gap", "radius"}

CATEGORY_COLOURS = {
    "category": QT_TRANSLATE_NOOP("PropertiesPanel", "Category colour"),
    "on-category": QT_TRANSLATE_NOOP("PropertiesPanel", "Readable on the category colour"),
}
NO_PAINT = QT_TRANSLATE_NOOP("PropertiesPanel", "None (not drawn)")

CHOICES: Mapping[str, Sequence[tuple[Any, str]]] = {
    "font": (
        ("sans", QT_TRANSLATE_NOOP("PropertiesPanel", "Sans")),
        ("sans-bold", QT_TRANSLATE_NOOP("PropertiesPanel", "Sans bold")),
    ),
    "align": (
        ("auto", QT_TRANSLATE_NOOP("PropertiesPanel", "Auto (by script)")),
        ("left", QT_TRANSLATE_NOOP("PropertiesPanel", "Left")),
        ("centre", QT_TRANSLATE_NOOP("PropertiesPanel", "Centre")),
        ("right", QT_TRANSLATE_NOOP("PropertiesPanel", "Right")),
    ),
    "valign": (
        ("top", QT_TRANSLATE_NOOP("PropertiesPanel", "Top")),
        ("middle", QT_TRANSLATE_NOOP("PropertiesPanel", "Middle")),
        ("bottom", QT_TRANSLATE_NOOP("PropertiesPanel", "Bottom")),
    ),
    "rotation": ((0, "0°"), (90, "90°"), (180, "180°"), (270, "270°")),
    "show_if_non_latin": (
        ("", QT_TRANSLATE_NOOP("PropertiesPanel", "Always")),
        *((name, QT_TRANSLATE_NOOP("PropertiesPanel", "When {variable} is not Latin")) for name in VARIABLES),
    ),
}
"""The values a field can take where the schema lists them, with their names in the form (translated where shown;
"When {variable} is not Latin" is filled in with the variable's name)."""

LABELS = {
    "x": QT_TRANSLATE_NOOP("PropertiesPanel", "Left"),
    "y": QT_TRANSLATE_NOOP("PropertiesPanel", "Top"),
    "x1": QT_TRANSLATE_NOOP("PropertiesPanel", "Start left"),
    "y1": QT_TRANSLATE_NOOP("PropertiesPanel", "Start top"),
    "x2": QT_TRANSLATE_NOOP("PropertiesPanel", "End left"),
    "y2": QT_TRANSLATE_NOOP("PropertiesPanel", "End top"),
    "width": QT_TRANSLATE_NOOP("PropertiesPanel", "Width"),
    "height": QT_TRANSLATE_NOOP("PropertiesPanel", "Height"),
    "size": QT_TRANSLATE_NOOP("PropertiesPanel", "Size"),
    "text": QT_TRANSLATE_NOOP("PropertiesPanel", "Text"),
    "font": QT_TRANSLATE_NOOP("PropertiesPanel", "Font"),
    "font_size": QT_TRANSLATE_NOOP("PropertiesPanel", "Font size"),
    "min_font_size": QT_TRANSLATE_NOOP("PropertiesPanel", "Shrink to at least"),
    "max_lines": QT_TRANSLATE_NOOP("PropertiesPanel", "Lines"),
    "colour": QT_TRANSLATE_NOOP("PropertiesPanel", "Colour"),
    "text_colour": QT_TRANSLATE_NOOP("PropertiesPanel", "Text colour"),
    "fill": QT_TRANSLATE_NOOP("PropertiesPanel", "Fill"),
    "stroke": QT_TRANSLATE_NOOP("PropertiesPanel", "Outline"),
    "border": QT_TRANSLATE_NOOP("PropertiesPanel", "Border"),
    "border_width": QT_TRANSLATE_NOOP("PropertiesPanel", "Border width"),
    "stroke_width": QT_TRANSLATE_NOOP("PropertiesPanel", "Line width"),
    "align": QT_TRANSLATE_NOOP("PropertiesPanel", "Alignment"),
    "valign": QT_TRANSLATE_NOOP("PropertiesPanel", "Vertical alignment"),
    "rotation": QT_TRANSLATE_NOOP("PropertiesPanel", "Rotation"),
    "show_if_non_latin": QT_TRANSLATE_NOOP("PropertiesPanel", "Print"),
    "radius": QT_TRANSLATE_NOOP("PropertiesPanel", "Corner radius"),
    "gap": QT_TRANSLATE_NOOP("PropertiesPanel", "Gap"),
    "path": QT_TRANSLATE_NOOP("PropertiesPanel", "Image file"),
    "optional": QT_TRANSLATE_NOOP("PropertiesPanel", "Optional"),
    "fallback": QT_TRANSLATE_NOOP("PropertiesPanel", "Fallback"),
}
"""Every field's name in the form."""

TYPE_NAMES = {
    "text": QT_TRANSLATE_NOOP("PropertiesPanel", "Text"),
    "band": QT_TRANSLATE_NOOP("PropertiesPanel", "Band"),
    "photo": QT_TRANSLATE_NOOP("PropertiesPanel", "Photo"),
    "qr": QT_TRANSLATE_NOOP("PropertiesPanel", "QR code"),
    "zones": QT_TRANSLATE_NOOP("PropertiesPanel", "Zones"),
    "image": QT_TRANSLATE_NOOP("PropertiesPanel", "Image"),
    "rect": QT_TRANSLATE_NOOP("PropertiesPanel", "Rectangle"),
    "line": QT_TRANSLATE_NOOP("PropertiesPanel", "Line"),
}


def pick_colour(parent: QWidget | None, current: str) -> str | None:
    """A colour chosen as #RRGGBB, or None when cancelled (tests replace this)."""
    start = QColor(current) if current.startswith("#") else QColor("#000000")
    colour = QColorDialog.getColor(start, parent, QCoreApplication.translate("PropertiesPanel", "Colour"))
    return colour.name().upper() if colour.isValid() else None


def colour_icon(value: str) -> QIcon:
    """A swatch: the colour itself, the standard category colours in quarters for "category", black and white
    for "on-category" (whichever reads best on it), a struck-out square for "none"."""
    side = 16
    pixmap = QPixmap(side, side)
    pixmap.fill(QColor(value) if value.startswith("#") else QColor("#FFFFFF"))
    painter = QPainter(pixmap)
    half = side // 2
    if value == "category":
        for quarter, category in enumerate(STANDARD_CATEGORIES[:4]):
            painter.fillRect((quarter % 2) * half, (quarter // 2) * half, half, half, QColor(category.colour))
    elif value == "on-category":
        painter.fillRect(0, 0, half, side, QColor("#000000"))
    elif value == "none":
        painter.setPen(QPen(QColor("#B00020"), 2))
        painter.drawLine(0, side, side, 0)
    painter.setPen(QColor("#80868B"))
    painter.drawRect(0, 0, side - 1, side - 1)
    painter.end()
    return QIcon(pixmap)


class TextTemplateEdit(QWidget):
    """A text template with a menu to insert variables, each shown with its sample value."""

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit()
        self.line.setPlaceholderText(self.tr("Text, with {variables}"))
        self.line.editingFinished.connect(self._finished)
        self.menu = QMenu(self)
        for variable in VARIABLES.values():
            action = self.menu.addAction(f"{{{variable.name}}}  —  {variable.sample}")
            action.setToolTip(variable.description)
            action.setData(variable.name)
            action.triggered.connect(lambda _checked=False, name=variable.name: self.insert_variable(name))
        self.menu.setToolTipsVisible(True)
        self.button = QToolButton()
        self.button.setText("{ }")
        self.button.setToolTip(self.tr("Insert a variable"))
        self.button.setMenu(self.menu)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.line, stretch=1)
        row.addWidget(self.button)
        self._last = ""

    def set_value(self, value: str) -> None:
        self._last = value
        if self.line.text() != value:
            self.line.setText(value)

    def insert_variable(self, name: str) -> None:
        """Put `{name}` at the cursor and offer the text at once."""
        self.line.insert(f"{{{name}}}")
        self._finished()

    def _finished(self) -> None:
        # editingFinished also fires on focus loss with nothing changed: offer only a real change.
        if self.line.text() != self._last:
            self._last = self.line.text()
            self.committed.emit(self.line.text())


class ColourEdit(QWidget):
    """#RRGGBB typed or chosen in the colour dialog, or the guest's category colour (or "none" where allowed)."""

    committed = Signal(str)

    def __init__(self, allow_none: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit()
        self.line.setPlaceholderText("#RRGGBB")
        self.line.editingFinished.connect(lambda: self._offer(self.line.text().strip()))
        self.button = QToolButton()
        self.button.setToolTip(self.tr("Choose a colour"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.button.clicked.connect(self.choose)
        menu = QMenu(self)
        menu.addAction(self.tr("Choose colour…"), self.choose)
        keywords = {**CATEGORY_COLOURS, **({"none": NO_PAINT} if allow_none else {})}
        for value, text in keywords.items():
            menu.addAction(
                colour_icon(value),
                QCoreApplication.translate("PropertiesPanel", text),
                lambda value=value: self._offer(value),
            )
        self.button.setMenu(menu)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.line, stretch=1)
        row.addWidget(self.button)
        self._value = ""

    def set_value(self, value: str) -> None:
        self._value = value
        self.line.setText(value)
        self.button.setIcon(colour_icon(value))

    def choose(self) -> None:
        chosen = pick_colour(self, self._value)
        if chosen is not None:
            self._offer(chosen)

    def _offer(self, value: str) -> None:
        if value != self._value:
            self.set_value(value)
            self.committed.emit(value)


class PropertiesPanel(QWidget):
    """The form of the selected element; `edited` carries the element with one field changed."""

    edited = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("Select an element on the badge to change it."))
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold;")
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("QLabel { color: #B00020; }")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.hint = QLabel(
            self.tr(
                "Drag a box on the badge to move it and a corner to resize it; the arrow keys nudge it by 0.5 mm "
                "(with Shift by 5 mm). Positions are in mm from the badge's top-left corner, font sizes in points."
            )
        )
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("QLabel { color: #5F6368; }")
        column = QVBoxLayout(self)
        column.addWidget(self.title)
        column.addWidget(self.form_host)
        column.addWidget(self.error)
        column.addStretch(1)
        column.addWidget(self.hint)
        self.element: Element | None = None
        self.index = -1
        self.editors: dict[str, QWidget] = {}
        self._setters: dict[str, Callable[[Any], None]] = {}

    # -- showing ----------------------------------------------------------------------------------

    def show_element(self, index: int, element: Element | None) -> None:
        """Show `element` (None: nothing selected). The same element again only refreshes the values, so the
        editor being typed in keeps its focus."""
        same = element is not None and self.element is not None and index == self.index
        same = same and type(element) is type(self.element)
        self.element, self.index = element, index
        if not same:
            self.show_error("")
            self._build()
        elif element is not None:
            for name, setter in self._setters.items():
                setter(getattr(element, name))

    def show_error(self, message: str) -> None:
        """The core's refusal of the last change ("" clears it)."""
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def _build(self) -> None:
        for editor in self.editors.values():
            editor.blockSignals(True)  # one losing its focus as it goes must not edit the element shown next
        while self.form.rowCount():
            self.form.removeRow(0)
        self.editors, self._setters = {}, {}
        element = self.element
        if element is None:
            self.title.setText(self.tr("Select an element on the badge to change it."))
            return
        self.title.setText(
            self.tr("{kind} (element {number})").format(
                kind=self.tr(TYPE_NAMES.get(element.TYPE, element.TYPE.capitalize())), number=self.index + 1
            )
        )
        names = [item.name for item in fields(element)]
        # What the element shows first, where it sits last: the boxes are mostly placed on the canvas.
        for name in sorted(names, key=lambda name: name in GEOMETRY_FIELDS):
            editor, setter = self._editor(element, name)
            setter(getattr(element, name))
            self.editors[name] = editor
            self._setters[name] = setter
            self.form.addRow(self.tr(LABELS[name]) if name in LABELS else name, editor)

    # -- editors ----------------------------------------------------------------------------------

    def _offer(self, name: str, value: Any) -> None:
        if self.element is not None and getattr(self.element, name) != value:
            self.edited.emit(replace(self.element, **{name: value}))  # type: ignore[type-var]

    def _editor(self, element: Element, name: str) -> tuple[QWidget, Callable[[Any], None]]:
        """The editor for one field and the function that shows a value in it without offering it."""
        value = getattr(element, name)
        if name == "text":
            text = TextTemplateEdit()
            text.committed.connect(lambda value: self._offer(name, value))
            return text, text.set_value
        if name in COLOUR_FIELDS:
            colour = ColourEdit(allow_none=(element.TYPE, name) in PAINT_FIELDS)
            colour.committed.connect(lambda value: self._offer(name, value))
            return colour, colour.set_value
        if name in CHOICES:
            choices = CHOICES[name]
            if name == "align" and element.TYPE == "zones":
                choices = [choice for choice in choices if choice[0] != "auto"]
            return self._combo(name, choices)
        if isinstance(value, bool):
            check = QCheckBox()
            check.toggled.connect(lambda checked: self._offer(name, checked))
            return check, lambda shown: _quietly(check, check.setChecked, bool(shown))
        if isinstance(value, int) and name not in MM_FIELDS | PT_FIELDS:
            spin = QSpinBox()
            spin.setRange(1 if name == "max_lines" else 0, 2 if name == "max_lines" else 1000)
            spin.valueChanged.connect(lambda number: self._offer(name, number))
            return spin, lambda shown: _quietly(spin, spin.setValue, int(shown))
        if isinstance(value, int | float):
            return self._number(name)
        line = QLineEdit()
        line.editingFinished.connect(lambda: self._offer(name, line.text()))
        return line, lambda shown: _quietly(line, line.setText, str(shown))

    def _combo(self, name: str, choices: Sequence[tuple[Any, str]]) -> tuple[QWidget, Callable[[Any], None]]:
        combo = QComboBox()
        for data, text in choices:
            combo.addItem(self.tr(text).format(variable=f"{{{data}}}"), data)
        combo.activated.connect(lambda row: self._offer(name, combo.itemData(row)))

        def show(value: Any) -> None:
            if combo.findData(value) < 0:  # a value the form does not offer still shows as it is
                combo.addItem(str(value), value)
            _quietly(combo, combo.setCurrentIndex, combo.findData(value))

        return combo, show

    def _number(self, name: str) -> tuple[QWidget, Callable[[Any], None]]:
        spin = QDoubleSpinBox()
        millimetres = name in MM_FIELDS
        spin.setDecimals(2 if millimetres else 1)
        spin.setRange(0, 1000 if millimetres else 200)
        spin.setSingleStep(0.5)
        spin.setSuffix(" mm" if millimetres else " pt")
        spin.setKeyboardTracking(False)  # typed numbers are offered when complete, not digit by digit
        spin.setAccelerated(True)
        spin.valueChanged.connect(lambda number: self._offer(name, number))

        def show(value: Any) -> None:
            # The spin box rounds to its decimals: 34.599999999999994 must not count as a change of 34.6.
            if round(spin.value(), spin.decimals()) != round(float(value), spin.decimals()):
                _quietly(spin, spin.setValue, float(value))

        return spin, show


def _quietly(widget: QWidget, setter: Callable[[Any], None], value: Any) -> None:
    """Show a value without the widget offering it back as an edit."""
    blocked = widget.blockSignals(True)
    try:
        setter(value)
    finally:
        widget.blockSignals(blocked)
