"""The designer's canvas: one side of a badge at true scale, its elements as boxes to select, drag and resize.

The scene is measured in millimetres, as layouts are, and the view scales it so that at 100 % a millimetre on
screen is a millimetre on the card. Elements are drawn as labelled outlines, not imitated: what the badge
really looks like comes from the preview pane, which the core renderer draws. A drag or a resize snaps to
0.5 mm, stays inside the badge and, once the mouse is released, is offered to the window as edited elements
(`elements_edited`); the window has the whole layout validated and shows the sides again, so the canvas
never holds a state the layout does not.
"""

from collections.abc import Mapping, Sequence
from dataclasses import replace
from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QResizeEvent,
    QTransform,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from accreditor.badges.layout import (
    BadgeSize,
    BandElement,
    BoxElement,
    Element,
    ImageElement,
    LineElement,
    QrElement,
    TextElement,
)

SNAP_MM = 0.5
"""Positions and sizes snap to this grid: fine enough for a card, coarse enough to line things up by eye."""
MIN_SIZE_MM = 1.0
GRID_MM = 5.0
HANDLE_PX = 8
"""Side of a resize handle in screen pixels, whatever the zoom."""
HIT_MARGIN_MM = 1.0
"""How far around a thin element (a line) a click still picks it."""
MM_PER_INCH = 25.4

TYPE_COLOURS: Mapping[str, str] = {
    "text": "#1E6FD9",
    "band": "#D9730D",
    "photo": "#2E9D4F",
    "qr": "#7B3FC4",
    "zones": "#0F8A8A",
    "image": "#8D6E63",
    "rect": "#607D8B",
    "line": "#607D8B",
}
SELECTED_COLOUR = "#E0245E"
SELECTED_Z = 10_000


def snap(value: float) -> float:
    return round(value / SNAP_MM) * SNAP_MM


def element_rect(element: Element) -> QRectF:
    """The element's box on the badge in mm (a line's bounding box, a QR code's square)."""
    match element:
        case BoxElement():  # the sizes as they are: right - left would add rounding noise to a moved element
            return QRectF(element.x, element.y, element.width, element.height)
        case QrElement():
            return QRectF(element.x, element.y, element.size, element.size)
        case _:
            left, top, right, bottom = element.extent()
            return QRectF(left, top, right - left, bottom - top)


def _tidy(new: float, old: float) -> float:
    """A changed coordinate to the micrometre (no 54.099999999999994 in the JSON); an unchanged one as it was."""
    return old if new == old else round(new, 3)


def with_rect(element: Element, rect: QRectF) -> Element:
    """The element moved and resized to `rect` (mm); a line keeps its direction, a QR code stays square."""
    match element:
        case QrElement():
            size = min(rect.width(), rect.height())
            return replace(
                element,
                x=_tidy(rect.x(), element.x),
                y=_tidy(rect.y(), element.y),
                size=_tidy(size, element.size),
            )
        case LineElement():
            old = element_rect(element)

            def across(value: float, start: float, length: float, new_start: float, new_length: float) -> float:
                if length == new_length:
                    return _tidy(value + new_start - start, value)
                return _tidy(new_start + ((value - start) / length * new_length if length else 0.0), value)

            return replace(
                element,
                x1=across(element.x1, old.x(), old.width(), rect.x(), rect.width()),
                x2=across(element.x2, old.x(), old.width(), rect.x(), rect.width()),
                y1=across(element.y1, old.y(), old.height(), rect.y(), rect.height()),
                y2=across(element.y2, old.y(), old.height(), rect.y(), rect.height()),
            )
        case BoxElement():
            old = element_rect(element)
            return replace(
                element,
                x=_tidy(rect.x(), old.x()),
                y=_tidy(rect.y(), old.y()),
                width=_tidy(rect.width(), old.width()),
                height=_tidy(rect.height(), old.height()),
            )
    raise TypeError(f"the designer cannot place a {element.TYPE} element")


OUTLINE_KINDS = {
    "text": QT_TRANSLATE_NOOP("BadgeCanvas", "text"),
    "band": QT_TRANSLATE_NOOP("BadgeCanvas", "band"),
    "photo": QT_TRANSLATE_NOOP("BadgeCanvas", "photo"),
    "qr": QT_TRANSLATE_NOOP("BadgeCanvas", "QR code"),
    "zones": QT_TRANSLATE_NOOP("BadgeCanvas", "zones"),
    "image": QT_TRANSLATE_NOOP("BadgeCanvas", "image"),
    "rect": QT_TRANSLATE_NOOP("BadgeCanvas", "rect"),
    "line": QT_TRANSLATE_NOOP("BadgeCanvas", "line"),
}
"""The element types as the outline names them, lower case."""


def element_label(element: Element) -> str:
    """What the outline says: the element's type and what it shows ("text {family_name_upper}")."""
    kind = QCoreApplication.translate("BadgeCanvas", OUTLINE_KINDS.get(element.TYPE, element.TYPE))
    match element:
        case TextElement() | BandElement() if element.text:
            turned = f" ↻{element.rotation}°" if element.rotation else ""
            return f"{kind} {element.text}{turned}"
        case ImageElement():
            return f"{kind} {element.path}"
        case _:
            return kind


class Corner(Enum):
    TOP_LEFT = (0, 0)
    TOP_RIGHT = (1, 0)
    BOTTOM_LEFT = (0, 1)
    BOTTOM_RIGHT = (1, 1)


class ElementItem(QGraphicsItem):
    """One element as an outline at its place in mm: selectable, movable, resizable by its corners."""

    def __init__(self, index: int, element: Element, badge: BadgeSize) -> None:
        super().__init__()
        self.index = index
        self.element = element
        self._badge = badge
        rect = element_rect(element)
        self._size = rect.size()
        self.setPos(rect.topLeft())
        self._resizing: Corner | None = None
        self._anchor = QPointF()  # the corner opposite the one dragged
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)  # after setPos: no snap on loading
        self.setAcceptHoverEvents(True)
        self.setToolTip(element_label(element))

    # -- geometry ---------------------------------------------------------------------------------

    def rect_mm(self) -> QRectF:
        """Where the item is now, in mm on the badge."""
        return QRectF(self.pos(), self._size)

    def edited_element(self) -> Element | None:
        """The element at the item's current place, or None when it was not moved or resized."""
        if self.rect_mm() == element_rect(self.element):
            return None
        return with_rect(self.element, self.rect_mm())

    def boundingRect(self) -> QRectF:
        # Room for the handles and the hit margin; both are small against a card in mm.
        margin = 2 * HIT_MARGIN_MM
        return QRectF(QPointF(0, 0), self._size).adjusted(-margin, -margin, margin, margin)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        rect = QRectF(QPointF(0, 0), self._size)
        if rect.width() < 2 * HIT_MARGIN_MM or rect.height() < 2 * HIT_MARGIN_MM:
            rect = rect.adjusted(-HIT_MARGIN_MM, -HIT_MARGIN_MM, HIT_MARGIN_MM, HIT_MARGIN_MM)
        path.addRect(rect)
        if self.isSelected():
            for corner in Corner:
                path.addRect(self._handle_rect(corner, self._mm_per_px()))
        return path

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionChange and isinstance(value, QPointF):
            return self._clamped(QPointF(snap(value.x()), snap(value.y())))
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            # The selected box comes to the front, so its handles win over a neighbour sharing its edge.
            self.setZValue(SELECTED_Z if value else self.index)
        return super().itemChange(change, value)

    def _clamped(self, point: QPointF) -> QPointF:
        """The top-left corner kept so that the whole element stays on the badge."""
        x = min(max(point.x(), 0.0), max(self._badge.width - self._size.width(), 0.0))
        y = min(max(point.y(), 0.0), max(self._badge.height - self._size.height(), 0.0))
        return QPointF(x, y)

    def _mm_per_px(self) -> float:
        views = self.scene().views() if self.scene() else []
        scale = views[0].transform().m11() if views else 1.0
        return 1.0 / scale if scale else 1.0

    def _corner_point(self, corner: Corner) -> QPointF:
        column, row = corner.value
        return QPointF(column * self._size.width(), row * self._size.height())

    def _handle_rect(self, corner: Corner, mm_per_px: float) -> QRectF:
        side = HANDLE_PX * mm_per_px
        centre = self._corner_point(corner)
        return QRectF(centre.x() - side / 2, centre.y() - side / 2, side, side)

    def _corner_at(self, point: QPointF) -> Corner | None:
        if not self.isSelected():
            return None
        mm_per_px = self._mm_per_px()
        return next((corner for corner in Corner if self._handle_rect(corner, mm_per_px).contains(point)), None)

    # -- resizing ---------------------------------------------------------------------------------

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        corner = self._corner_at(event.pos())
        if corner is not None and event.button() == Qt.MouseButton.LeftButton:
            column, row = corner.value
            self._resizing = corner
            self._anchor = self.pos() + self._corner_point(Corner((1 - column, 1 - row)))
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._resizing is None:
            super().mouseMoveEvent(event)
            return
        self.resize_to(self._resizing, event.scenePos())

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._resizing is not None:
            self._resizing = None
            event.accept()
        super().mouseReleaseEvent(event)

    def resize_to(self, corner: Corner, point: QPointF) -> None:
        """Drag `corner` to `point` (mm, snapped and kept on the badge); the opposite corner stays put."""
        if self._resizing is None:  # called directly (keyboard, tests): the opposite corner is the anchor
            column, row = corner.value
            self._anchor = self.pos() + self._corner_point(Corner((1 - column, 1 - row)))
        x = min(max(snap(point.x()), 0.0), self._badge.width)
        y = min(max(snap(point.y()), 0.0), self._badge.height)
        rect = QRectF(self._anchor, QPointF(x, y)).normalized()
        flat_wide, flat_tall = self._flat()
        width = 0.0 if flat_wide else min(max(rect.width(), MIN_SIZE_MM), self._badge.width)
        height = 0.0 if flat_tall else min(max(rect.height(), MIN_SIZE_MM), self._badge.height)
        if isinstance(self.element, QrElement):
            width = height = min(max(width, height), self._badge.width, self._badge.height)
        left = self._anchor.x() - width if x < self._anchor.x() else self._anchor.x()
        top = self._anchor.y() - height if y < self._anchor.y() else self._anchor.y()
        left = min(max(left, 0.0), self._badge.width - width)
        top = min(max(top, 0.0), self._badge.height - height)
        self.prepareGeometryChange()
        self._size = QSizeF(width, height)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges, False)  # already snapped and kept in
        self.setPos(left, top)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)

    def _flat(self) -> tuple[bool, bool]:
        """A horizontal or vertical line stays one: it has no height (or width) to resize."""
        if isinstance(self.element, LineElement):
            return self.element.x1 == self.element.x2, self.element.y1 == self.element.y2
        return False, False

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        corner = self._corner_at(event.pos())
        if corner in (Corner.TOP_LEFT, Corner.BOTTOM_RIGHT):
            self.setCursor(Qt.CursorShape.SizeFDiagCursor)
        elif corner is not None:
            self.setCursor(Qt.CursorShape.SizeBDiagCursor)
        else:
            self.setCursor(Qt.CursorShape.SizeAllCursor)
        super().hoverMoveEvent(event)

    # -- drawing ----------------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        """Drawn in screen pixels (crisp one-pixel lines and a readable label at any zoom)."""
        device = painter.worldTransform().mapRect(QRectF(QPointF(0, 0), self._size))
        colour = QColor(SELECTED_COLOUR if self.isSelected() else TYPE_COLOURS.get(self.element.TYPE, "#607D8B"))
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        fill = QColor(colour)
        fill.setAlpha(46 if self.isSelected() else 22)
        pen = QPen(colour, 2 if self.isSelected() else 1)
        pen.setCosmetic(True)
        if isinstance(self.element, LineElement):
            start, end = self._line_points(device)
            pen.setWidth(3 if self.isSelected() else 2)
            painter.setPen(pen)
            painter.drawLine(start, end)
        else:
            painter.setPen(pen)
            painter.setBrush(QBrush(fill))
            painter.drawRect(device.adjusted(0, 0, -1, -1))
            self._draw_label(painter, device, colour)
        if self.isSelected():
            painter.setPen(QPen(QColor(SELECTED_COLOUR), 1))
            painter.setBrush(QBrush(QColor("#FFFFFF")))
            for corner in Corner:
                column, row = corner.value
                centre = QPointF(device.left() + column * device.width(), device.top() + row * device.height())
                painter.drawRect(QRectF(centre.x() - HANDLE_PX / 2, centre.y() - HANDLE_PX / 2, HANDLE_PX, HANDLE_PX))
        painter.restore()

    def _line_points(self, device: QRectF) -> tuple[QPointF, QPointF]:
        line = self.element
        assert isinstance(line, LineElement)
        left_to_right = (line.x1 <= line.x2) == (line.y1 <= line.y2)
        if left_to_right:
            return device.topLeft(), device.bottomRight()
        return device.bottomLeft(), device.topRight()

    def _draw_label(self, painter: QPainter, device: QRectF, colour: QColor) -> None:
        font = QFont(painter.font())
        font.setPixelSize(11)
        metrics = QFontMetrics(font)
        inner = device.adjusted(3, 1, -3, -1)
        if inner.height() < metrics.height() * 0.7 or inner.width() < 12:
            return
        painter.setFont(font)
        painter.setPen(colour.darker(150))
        text = metrics.elidedText(element_label(self.element), Qt.TextElideMode.ElideRight, int(inner.width()))
        # A band or a rectangle usually has other elements on it: its label keeps out of their corner.
        across = Qt.AlignmentFlag.AlignRight if self.element.TYPE in ("band", "rect") else Qt.AlignmentFlag.AlignLeft
        flags = across | Qt.AlignmentFlag.AlignTop
        painter.drawText(inner, int(flags), text)


class _BadgeItem(QGraphicsItem):
    """The card itself: white, with a faint 5 mm grid to line elements up by."""

    def __init__(self, badge: BadgeSize) -> None:
        super().__init__()
        self._rect = QRectF(0, 0, badge.width, badge.height)
        self.setZValue(-1)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.fillRect(self._rect, QColor("#FFFFFF"))
        grid = QPen(QColor("#E6E9EE"), 0)  # width 0: one pixel at any zoom
        painter.setPen(grid)
        steps_x = int(self._rect.width() // GRID_MM)
        steps_y = int(self._rect.height() // GRID_MM)
        for step in range(1, steps_x + 1):
            painter.drawLine(QPointF(step * GRID_MM, 0), QPointF(step * GRID_MM, self._rect.height()))
        for step in range(1, steps_y + 1):
            painter.drawLine(QPointF(0, step * GRID_MM), QPointF(self._rect.width(), step * GRID_MM))
        edge = QPen(QColor("#8A93A0"), 0)
        painter.setPen(edge)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self._rect)


class BadgeCanvas(QGraphicsView):
    """One side of the badge at a zoom where 100 % is true size; emits edits, never changes the layout itself."""

    selection_changed = Signal(int)
    """The index of the selected element on the side shown, -1 for none."""
    elements_edited = Signal(object)
    """{index: element} moved or resized by the user, to be validated and applied by the window."""

    ZOOMS = (1.0, 1.5, 2.0, 3.0, 4.0)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setBackgroundBrush(QColor("#D5D9DF"))
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.items_by_index: dict[int, ElementItem] = {}
        self._badge = BadgeSize(85.6, 54)
        self._zoom: float | None = None  # None: fit the window
        self._showing = False
        self.scene().selectionChanged.connect(self._selection_changed)

    # -- content ----------------------------------------------------------------------------------

    def show_elements(self, badge: BadgeSize, elements: Sequence[Element], selected: int = -1) -> None:
        """Show a side's elements (replacing what was shown), with the element `selected` selected."""
        self._showing = True
        try:
            scene = self.scene()
            scene.clear()
            self.items_by_index = {}
            self._badge = badge
            scene.addItem(_BadgeItem(badge))
            margin = max(badge.width, badge.height) * 0.04
            scene.setSceneRect(QRectF(0, 0, badge.width, badge.height).adjusted(-margin, -margin, margin, margin))
            for index, element in enumerate(elements):
                item = ElementItem(index, element, badge)
                item.setZValue(index)
                scene.addItem(item)
                self.items_by_index[index] = item
            if selected in self.items_by_index:
                self.items_by_index[selected].setSelected(True)
        finally:
            self._showing = False
        self._apply_zoom()
        self.selection_changed.emit(self.selected_index())

    def selected_index(self) -> int:
        chosen = [item for item in self.scene().selectedItems() if isinstance(item, ElementItem)]
        return chosen[0].index if len(chosen) == 1 else -1

    def select(self, index: int) -> None:
        self.scene().clearSelection()
        if index in self.items_by_index:
            self.items_by_index[index].setSelected(True)

    def _selection_changed(self) -> None:
        if not self._showing:
            self.selection_changed.emit(self.selected_index())

    def commit_geometry(self) -> None:
        """Offer every moved or resized element to the window (on mouse release and after a nudge)."""
        edited = {index: element for index, item in self.items_by_index.items() if (element := item.edited_element())}
        if edited:
            self.elements_edited.emit(edited)

    # -- zoom -------------------------------------------------------------------------------------

    def pixels_per_mm(self) -> float:
        """Screen pixels per millimetre at 100 %, from the screen's logical resolution."""
        screen = self.screen()
        dpi = screen.logicalDotsPerInchX() if screen is not None else 96.0
        return dpi / MM_PER_INCH

    def set_zoom(self, zoom: float | None) -> None:
        """`zoom` 1.0 shows the badge at true size; None fits it to the view."""
        self._zoom = zoom
        self._apply_zoom()

    def zoom(self) -> float:
        """The zoom shown now (1.0 = true size), also when fitting."""
        return self.transform().m11() / self.pixels_per_mm()

    def _apply_zoom(self) -> None:
        if self._zoom is None:
            self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        else:
            scale = self._zoom * self.pixels_per_mm()
            self.setTransform(QTransform.fromScale(scale, scale))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._zoom is None:
            self._apply_zoom()

    # -- input ------------------------------------------------------------------------------------

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        self.commit_geometry()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Arrow keys nudge the selected element by one snap step (Shift: by 5 mm)."""
        steps = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        item = self.items_by_index.get(self.selected_index())
        step = steps.get(Qt.Key(event.key()))
        if item is None or step is None:
            super().keyPressEvent(event)
            return
        distance = GRID_MM if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else SNAP_MM
        item.setPos(item.pos() + QPointF(step[0] * distance, step[1] * distance))
        self.commit_geometry()
