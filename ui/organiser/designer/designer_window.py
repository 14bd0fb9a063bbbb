"""The badge designer: choose a layout, move and change its elements, see the real badge, save it as JSON.

Three views of one `LayoutDocument`: the canvas (where things are, at true scale), the properties of the
selected element (what it shows and how), and the preview (what the printer will get, drawn by the core
renderer for real guests). Views only propose edits; the document has the whole layout validated by the
core (`parse_layout`), so the designer can never hold, show or save a layout that `load_layout` would refuse,
and a refused edit leaves the last valid layout in place with the core's one-sentence reason on screen.
Layouts are saved with `Layout.to_json`, every default spelled out, and load back equal.
"""

import os
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from accreditor.badges.layout import (
    BadgeSize,
    BandElement,
    Element,
    ImageElement,
    Layout,
    LayoutError,
    LineElement,
    PhotoElement,
    QrElement,
    RectElement,
    TextElement,
    ZonesElement,
    list_layouts,
    load_layout,
    parse_layout,
    resolve_image,
)
from accreditor.errors import AccreditorError
from accreditor.store import EventStore
from ui import messages
from ui.organiser.designer.canvas import BadgeCanvas
from ui.organiser.designer.preview import BadgePreview
from ui.organiser.designer.properties import PropertiesPanel

LAYOUT_FILTER = QT_TRANSLATE_NOOP("FileFilters", "Badge layouts (*.json)")
LAST_FOLDER_KEY = "designer/last_folder"
SIDES = ("front", "back")
NEW_ELEMENTS = (
    QT_TRANSLATE_NOOP("BadgeDesigner", "Text"),
    QT_TRANSLATE_NOOP("BadgeDesigner", "Band"),
    QT_TRANSLATE_NOOP("BadgeDesigner", "Photo"),
    QT_TRANSLATE_NOOP("BadgeDesigner", "QR code"),
    QT_TRANSLATE_NOOP("BadgeDesigner", "Zones"),
    QT_TRANSLATE_NOOP("BadgeDesigner", "Rectangle"),
    QT_TRANSLATE_NOOP("BadgeDesigner", "Line"),
)
"""The kinds the Add menu offers, by their English names (what `new_element` takes)."""


# -- dialogs (tests replace these) -----------------------------------------------------------------


def _last_folder(fallback: Path) -> Path:
    return Path(str(QSettings().value(LAST_FOLDER_KEY, "")) or fallback)


def ask_layout_file(parent: QWidget | None, folder: Path) -> Path | None:
    """A layout file to open, or None when cancelled."""
    path, _selected = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("designer_window", "Open badge layout"),
        str(_last_folder(folder)),
        QCoreApplication.translate("FileFilters", LAYOUT_FILTER),
    )
    if not path:
        return None
    QSettings().setValue(LAST_FOLDER_KEY, str(Path(path).parent))
    return Path(path)


def ask_save_path(parent: QWidget | None, suggested: Path) -> Path | None:
    """Where to save the layout as a new JSON file, or None when cancelled."""
    start = _last_folder(suggested.parent) / suggested.name
    path, _selected = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("designer_window", "Save badge layout as"),
        str(start),
        QCoreApplication.translate("FileFilters", LAYOUT_FILTER),
    )
    if not path:
        return None
    QSettings().setValue(LAST_FOLDER_KEY, str(Path(path).parent))
    return Path(path) if path.lower().endswith(".json") else Path(f"{path}.json")


def confirm_discard(parent: QWidget | None, name: str) -> bool:
    """Whether unsaved changes to the layout `name` may be thrown away."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("designer_window", "Unsaved changes"),
        QCoreApplication.translate(
            "designer_window", "The changes to the layout {name} are not saved. Discard them?"
        ).format(name=name),
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard


# -- the document ------------------------------------------------------------------------------------


def new_element(kind: str, badge: BadgeSize) -> Element:
    """An element of `kind` (one of NEW_ELEMENTS) at the badge's top-left corner, small enough to fit."""
    width, height = badge.width - 4, badge.height - 4
    match kind:
        case "Text":
            return TextElement(
                x=2,
                y=2,
                width=min(40, width),
                height=8,
                text="{full_name}",
                font_size=12,
            )
        case "Band":
            return BandElement(
                x=0,
                y=badge.height - 10,
                width=badge.width,
                height=10,
                text="{category}",
            )
        case "Photo":
            return PhotoElement(x=2, y=2, width=min(20, width), height=min(25, height))
        case "QR code":
            return QrElement(x=2, y=2, size=22)
        case "Zones":
            return ZonesElement(x=2, y=2, width=min(30, width), height=7)
        case "Rectangle":
            return RectElement(x=2, y=2, width=min(20, width), height=min(10, height))
        case "Line":
            return LineElement(x1=2, y1=2, x2=2 + min(40, width), y2=2)
    raise ValueError(f"no element kind {kind!r}")


def relocated(layout: Layout, folder: Path) -> Layout:
    """The layout as saved in `folder`: image paths that only resolve from its old folder become absolute."""
    moved = replace(layout, base_dir=folder)

    def fixed(element: Element) -> Element:
        if isinstance(element, ImageElement):
            before, after = resolve_image(layout, element.path), resolve_image(moved, element.path)
            if before is not None and before != after:
                return replace(element, path=str(before.resolve()))
        return element

    return replace(moved, front=tuple(map(fixed, layout.front)), back=tuple(map(fixed, layout.back)))


class LayoutDocument(QObject):
    """The layout being designed: always one that `parse_layout` accepted, where it lives, and whether it is saved.

    `path` is the file it was loaded from or last saved to; a shipped layout (`shipped`) is never overwritten:
    saving it asks for a new file.
    """

    changed = Signal()

    def __init__(self, layout: Layout, path: Path, *, shipped: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.layout = layout
        self.path = path
        self.shipped = shipped
        self.modified = False

    @classmethod
    def load(cls, name_or_path: str | Path, parent: QObject | None = None) -> "LayoutDocument":
        """A shipped layout by name or a layout file; raises LayoutError."""
        layout = load_layout(name_or_path)
        shipped = isinstance(name_or_path, str) and name_or_path in list_layouts()
        if shipped:
            assert layout.base_dir is not None  # load_layout read it from the shipped folder
            path = layout.base_dir / f"{name_or_path}.json"
        else:
            path = Path(name_or_path)
        return cls(layout, path, shipped=shipped, parent=parent)

    def elements(self, side: str) -> tuple[Element, ...]:
        return self.layout.front if side == "front" else self.layout.back

    # -- editing --

    def edit(self, side: str, changes: Mapping[int, Element]) -> None:
        """Replace elements of a side by index; raises LayoutError (and changes nothing) if the layout refuses."""
        data = self.layout.to_dict()
        for index, element in changes.items():
            data[side][index] = element.to_dict()
        self._accept(data)

    def add(self, side: str, element: Element) -> int:
        """Put a new element on top of a side; returns its index."""
        data = self.layout.to_dict()
        data[side].append(element.to_dict())
        self._accept(data)
        return len(data[side]) - 1

    def remove(self, side: str, index: int) -> None:
        data = self.layout.to_dict()
        del data[side][index]
        self._accept(data)

    def _accept(self, data: dict[str, object]) -> None:
        self.layout = self._parse(data, self.path)
        self.modified = True
        self.changed.emit()

    @staticmethod
    def _parse(data: dict[str, object], path: Path) -> Layout:
        """The core's verdict on the whole layout; its message names the file, not the folder it is in."""
        try:
            return parse_layout(data, source=path)
        except LayoutError as error:
            raise LayoutError(str(error).replace(str(path), path.name)) from None

    # -- saving --

    def save(self, path: Path) -> None:
        """Write the layout to `path` with every default spelled out; saved elsewhere, it takes the file's name.

        It is validated where it will live (relative image paths), written to a temporary file and moved into
        place, so a failed save never leaves half a layout behind.
        """
        layout = self.layout
        if path != self.path:
            layout = replace(relocated(layout, path.parent), name=path.stem[:80] or layout.name)
        layout = self._parse(layout.to_dict(), path)
        partial = path.with_name(f".{path.name}.partial")
        try:
            partial.write_text(layout.to_json(), encoding="utf-8")
            os.replace(partial, path)
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise AccreditorError(
                QCoreApplication.translate("designer_window", "The layout could not be saved to {path}: {why}.").format(
                    path=path, why=error.strerror or error
                )
            ) from None
        self.layout, self.path, self.shipped, self.modified = layout, path, False, False
        self.changed.emit()


# -- the window --------------------------------------------------------------------------------------


class BadgeDesigner(QMainWindow):
    """The designer window for one event (whose guests the preview shows); opens on the layout `layout`."""

    def __init__(self, store: EventStore, parent: QWidget | None = None, *, layout: str = "cr80") -> None:
        super().__init__(parent)
        self._store = store
        self.side = "front"
        self.document: LayoutDocument | None = None

        self.canvas = BadgeCanvas()
        self.properties = PropertiesPanel()
        self.preview = BadgePreview(store)
        self.canvas.selection_changed.connect(self._selected)
        self.canvas.elements_edited.connect(self._canvas_edited)
        self.properties.edited.connect(lambda element: self._apply({self.properties.index: element}))

        self._build_toolbar()
        self.setCentralWidget(self._build_panes())
        self.file_label = QLabel()
        self.statusBar().addWidget(self.file_label, stretch=1)
        self.resize(1360, 820)
        self.open_layout(layout)

    # -- building ---------------------------------------------------------------------------------

    def _build_toolbar(self) -> None:
        toolbar = self.addToolBar(self.tr("Layout"))
        toolbar.setObjectName("designer_toolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(QLabel(self.tr(" Layout ")))
        self.layout_combo = QComboBox()
        self.layout_combo.setMinimumContentsLength(14)
        for name in list_layouts():
            self.layout_combo.addItem(name, name)
        self.layout_combo.activated.connect(lambda row: self._choose(self.layout_combo.itemData(row)))
        toolbar.addWidget(self.layout_combo)
        self.open_action = QAction(self.tr("Open layout file…"), self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.open_file)
        toolbar.addAction(self.open_action)
        toolbar.addSeparator()

        self.side_buttons = QButtonGroup(self)
        for side in SIDES:
            button = QToolButton()
            button.setText(side.capitalize())
            button.setCheckable(True)
            button.setToolTip(self.tr("Design the {side} of the badge").format(side=side))
            self.side_buttons.addButton(button, SIDES.index(side))
            toolbar.addWidget(button)
        self.front_button, self.back_button = self.side_buttons.buttons()
        self.front_button.setChecked(True)
        self.side_buttons.idClicked.connect(lambda index: self.show_side(SIDES[index]))
        toolbar.addSeparator()

        toolbar.addWidget(QLabel(self.tr(" Zoom ")))
        self.zoom_combo = QComboBox()
        self.zoom_combo.addItem(self.tr("Fit"), None)
        for zoom in BadgeCanvas.ZOOMS:
            percent = f"{zoom:.0%}"
            self.zoom_combo.addItem(self.tr("{zoom} (true size)").format(zoom=percent) if zoom == 1 else percent, zoom)
        self.zoom_combo.currentIndexChanged.connect(lambda row: self.canvas.set_zoom(self.zoom_combo.itemData(row)))
        toolbar.addWidget(self.zoom_combo)
        toolbar.addSeparator()

        self.add_button = QToolButton()
        self.add_button.setText(self.tr("Add"))
        self.add_button.setToolTip(self.tr("Put a new element on the badge"))
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        add_menu = QMenu(self.add_button)
        for kind in NEW_ELEMENTS:
            add_menu.addAction(self.tr(kind), lambda kind=kind: self.add_element(kind))
        self.add_button.setMenu(add_menu)
        toolbar.addWidget(self.add_button)
        self.delete_action = QAction(self.tr("Delete"), self)
        self.delete_action.setToolTip(self.tr("Remove the selected element (Del)"))
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_element)
        self.canvas.addAction(self.delete_action)  # Del in a text field deletes text, not the element
        toolbar.addAction(self.delete_action)
        toolbar.addSeparator()

        self.save_action = QAction(self.tr("Save"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.save)
        self.save_as_action = QAction(self.tr("Save as…"), self)
        self.save_as_action.setShortcut(QKeySequence.StandardKey.SaveAs)
        self.save_as_action.triggered.connect(self.save_as)
        toolbar.addActions([self.save_action, self.save_as_action])

    def _build_panes(self) -> QWidget:
        preview_box = QGroupBox(self.tr("Preview: the badge as printed"))
        preview_column = QVBoxLayout(preview_box)
        preview_column.addWidget(self.preview)
        properties_scroll = QScrollArea()
        properties_scroll.setWidget(self.properties)
        properties_scroll.setWidgetResizable(True)
        properties_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        properties_box = QGroupBox(self.tr("Properties"))
        properties_column = QVBoxLayout(properties_box)
        properties_column.setContentsMargins(4, 4, 4, 4)
        properties_column.addWidget(properties_scroll)
        # The outline and the printed badge side by side for a portrait badge, one above the other for a
        # landscape one: either way both are as large as the window allows, and easy to compare.
        self.canvas_box = QGroupBox()
        canvas_column = QVBoxLayout(self.canvas_box)
        canvas_column.addWidget(self.canvas)
        self.views = QSplitter()
        self._views_orientation: Qt.Orientation | None = None  # set by the first layout shown
        self.views.addWidget(self.canvas_box)
        self.views.addWidget(preview_box)
        self.views.setChildrenCollapsible(False)
        panes = QSplitter(Qt.Orientation.Horizontal)
        panes.addWidget(self.views)
        panes.addWidget(properties_box)
        panes.setStretchFactor(0, 1)
        panes.setSizes([940, 420])
        return panes

    # -- layouts ----------------------------------------------------------------------------------

    @property
    def current_layout(self) -> Layout:
        """The layout as designed now (the last valid one)."""
        assert self.document is not None
        return self.document.layout

    def open_layout(self, name_or_path: str | Path) -> bool:
        """Show a shipped layout (by name) or a layout file; False if it was refused or the user kept their edits."""
        if self.document is not None and self.document.modified and not confirm_discard(self, self.current_layout.name):
            self._show_chooser()
            return False
        try:
            document = LayoutDocument.load(name_or_path, self)
        except LayoutError as error:
            messages.show_error(self, self.tr("Badge layout"), str(error))
            self._show_chooser()
            return False
        self.document = document
        document.changed.connect(self._show_title)
        self.side = "front"
        self.front_button.setChecked(True)
        self._show_chooser()
        self._show_title()
        self._show_layout()
        return True

    def _choose(self, data: str) -> None:
        self.open_layout(data if data in list_layouts() else Path(data))

    def open_file(self) -> None:
        path = ask_layout_file(self, self._default_folder())
        if path is not None:
            self.open_layout(path)

    def _show_chooser(self) -> None:
        """The combo shows the layout open now; a file opened or saved joins the shipped names."""
        if self.document is None:
            return
        key = self.current_layout.name if self.document.shipped else str(self.document.path)
        row = self.layout_combo.findData(key)
        if row < 0:
            self.layout_combo.addItem(self.document.path.name, key)
            row = self.layout_combo.count() - 1
        self.layout_combo.setCurrentIndex(row)

    def _show_title(self) -> None:
        document = self.document
        if document is None:
            return
        star = " *" if document.modified else ""
        self.setWindowTitle(self.tr("Badge designer — {name}{star}").format(name=document.layout.name, star=star))
        where = "shipped with Accreditor: Save asks for a new file" if document.shipped else str(document.path)
        badge = document.layout.badge
        self.file_label.setText(f"{document.layout.name} · {badge.width:g} × {badge.height:g} mm · {where}")

    def show_side(self, side: str) -> None:
        """Design the front or the back (only layouts printed on both sides, or folded, have one)."""
        self.side = side if side == "front" or self.current_layout.sides != "single" else "front"
        self.side_buttons.button(SIDES.index(self.side)).setChecked(True)
        self._show_layout()

    def _show_layout(self, selected: int = -1) -> None:
        layout = self.current_layout
        self.back_button.setEnabled(layout.sides != "single")
        badge = layout.badge
        self.canvas_box.setTitle(f"{self.side.capitalize()} · {badge.width:g} × {badge.height:g} mm")
        landscape = layout.badge.width > layout.badge.height
        orientation = Qt.Orientation.Vertical if landscape else Qt.Orientation.Horizontal
        if self._views_orientation != orientation:
            self._views_orientation = orientation
            self.views.setOrientation(orientation)
            self.views.setSizes([1000, 1000])  # proportions: half each
        self.canvas.show_elements(layout.badge, self.document.elements(self.side) if self.document else (), selected)
        self.preview.show_layout(layout, back=self.side == "back")

    # -- editing ----------------------------------------------------------------------------------

    def _selected(self, index: int) -> None:
        elements = self.document.elements(self.side) if self.document else ()
        self.properties.show_element(index, elements[index] if 0 <= index < len(elements) else None)
        self.delete_action.setEnabled(index >= 0)

    def _apply(self, changes: Mapping[int, Element]) -> bool:
        """Offer edited elements of the side shown to the document; a refusal is shown and changes nothing."""
        assert self.document is not None
        try:
            self.document.edit(self.side, changes)
        except LayoutError as error:
            self.properties.show_error(str(error))
            return False
        self.properties.show_error("")
        self._show_layout(self.canvas.selected_index())
        return True

    def _canvas_edited(self, changes: Mapping[int, Element]) -> None:
        if not self._apply(changes):
            self._show_layout(self.canvas.selected_index())  # the boxes go back where the layout has them

    def add_element(self, kind: str) -> None:
        assert self.document is not None
        try:
            index = self.document.add(self.side, new_element(kind, self.current_layout.badge))
        except LayoutError as error:
            self.properties.show_error(str(error))
            return
        self._show_layout(index)

    def delete_element(self) -> None:
        index = self.canvas.selected_index()
        if self.document is None or index < 0:
            return
        try:
            self.document.remove(self.side, index)
        except LayoutError as error:  # e.g. the last element of a double-sided layout's back
            self.properties.show_error(str(error))
            return
        self._show_layout()

    # -- saving -----------------------------------------------------------------------------------

    def _default_folder(self) -> Path:
        """The event file's folder: layouts made for an event are kept beside it."""
        location = Path(self._store.location)
        return location.parent if "://" not in self._store.location and location.parent.is_dir() else Path.home()

    def _finish_typing(self) -> None:
        """Offer what is typed but not yet entered in the properties (Ctrl+S straight after typing)."""
        self.canvas.setFocus()

    def save(self) -> bool:
        """Save to the file the layout came from; a shipped layout is saved as a new file instead."""
        assert self.document is not None
        self._finish_typing()
        if self.document.shipped:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        assert self.document is not None
        self._finish_typing()
        name = self.current_layout.name if not self.document.shipped else f"{self.current_layout.name}-custom"
        path = ask_save_path(self, self._default_folder() / f"{name}.json")
        return path is not None and self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        assert self.document is not None
        try:
            self.document.save(path)
        except AccreditorError as error:
            messages.show_error(self, self.tr("Save badge layout"), str(error))
            return False
        self._show_chooser()
        self._show_title()
        self.statusBar().showMessage(self.tr("Saved to {path}").format(path=path), 8000)
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.document is not None and self.document.modified and not confirm_discard(self, self.current_layout.name):
            event.ignore()
            return
        super().closeEvent(event)
