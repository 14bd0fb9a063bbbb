"""The badge designer: select, drag, resize, change properties, refuse what the core refuses, save and load back
unchanged, and preview real guests with the core renderer, hardest cases first."""

import json
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt

from accreditor.badges.layout import LineElement, QrElement, TextElement, load_layout
from accreditor.badges.samples import ARABIC, CHINESE, LONGEST_NAME, NO_PHOTO
from accreditor.badges.variables import VARIABLES
from accreditor.store import EventStore
from ui import jobs
from ui.organiser.designer import BadgeDesigner, designer_window, properties
from ui.organiser.designer.canvas import Corner, element_label, with_rect
from ui.organiser.designer.designer_window import LayoutDocument
from ui.organiser.designer.preview import BadgePreview

NAME = "{family_name_upper}"


@pytest.fixture
def discard_asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """`confirm_discard` answers "discard"; the layouts it was asked about are recorded."""
    asked: list[str] = []

    def confirm(_parent: object, name: str) -> bool:
        asked.append(name)
        return True

    monkeypatch.setattr(designer_window, "confirm_discard", confirm)
    return asked


@pytest.fixture
def designer(qtbot, event_store: EventStore, inline_jobs, discard_asked) -> BadgeDesigner:
    window = BadgeDesigner(event_store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def save_to(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Path]:
    """`ask_save_path` answers tmp_path/<layout>.json; the suggested paths are recorded."""
    suggested: list[Path] = []

    def ask(_parent: object, path: Path) -> Path:
        suggested.append(path)
        return tmp_path / "layouts" / "summit-card.json"

    (tmp_path / "layouts").mkdir()
    monkeypatch.setattr(designer_window, "ask_save_path", ask)
    return suggested


def index_of(window: BadgeDesigner, text: str, side: str = "front") -> int:
    elements = window.document.elements(side)
    return next(index for index, element in enumerate(elements) if getattr(element, "text", None) == text)


def view_point(window: BadgeDesigner, x_mm: float, y_mm: float) -> QPoint:
    return window.canvas.mapFromScene(QPointF(x_mm, y_mm))


def centre_of(window: BadgeDesigner, index: int) -> QPoint:
    return view_point(window, *_centre_mm(window, index))


def _centre_mm(window: BadgeDesigner, index: int) -> tuple[float, float]:
    rect = window.canvas.items_by_index[index].rect_mm()
    return rect.center().x(), rect.center().y()


def select(qtbot, window: BadgeDesigner, index: int) -> None:
    qtbot.mouseClick(window.canvas.viewport(), Qt.MouseButton.LeftButton, pos=centre_of(window, index))
    assert window.canvas.selected_index() == index


def drag(qtbot, window: BadgeDesigner, start: QPoint, end: QPoint) -> None:
    viewport = window.canvas.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    middle = (start + end) / 2
    qtbot.mouseMove(viewport, pos=QPoint(round(middle.x()), round(middle.y())))
    qtbot.mouseMove(viewport, pos=end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)


# -- canvas ------------------------------------------------------------------------------------------


def test_the_designer_opens_cr80_with_one_box_per_element(designer: BadgeDesigner) -> None:
    layout = load_layout("cr80")
    assert designer.current_layout == layout
    assert designer.layout_combo.currentText() == "cr80"
    assert len(designer.canvas.items_by_index) == len(layout.front)
    assert not designer.back_button.isEnabled()  # cr80 is single-sided
    assert designer.windowTitle() == "Badge designer — cr80"
    item = designer.canvas.items_by_index[index_of(designer, NAME)]
    assert item.rect_mm().getRect() == (25, 12.5, 31.5, 9.0)


def test_the_canvas_is_true_scale_at_100_percent(designer: BadgeDesigner) -> None:
    designer.zoom_combo.setCurrentIndex(designer.zoom_combo.findData(1.0))
    canvas = designer.canvas
    width_px = canvas.mapFromScene(QPointF(85.6, 0)).x() - canvas.mapFromScene(QPointF(0, 0)).x()
    assert width_px == pytest.approx(85.6 * canvas.pixels_per_mm(), abs=1)
    assert canvas.zoom() == pytest.approx(1.0)


def test_clicking_a_box_selects_its_element_and_shows_its_properties(qtbot, designer: BadgeDesigner) -> None:
    index = index_of(designer, NAME)
    select(qtbot, designer, index)

    panel = designer.properties
    assert panel.index == index
    assert panel.element == designer.current_layout.front[index]
    assert panel.editors["text"].line.text() == NAME
    assert panel.editors["font_size"].value() == 14
    assert panel.editors["font"].currentData() == "sans-bold"
    assert panel.editors["x"].value() == 25


def test_dragging_a_box_moves_its_element_in_half_millimetres(qtbot, designer: BadgeDesigner) -> None:
    index = index_of(designer, NAME)
    select(qtbot, designer, index)
    x, y = _centre_mm(designer, index)

    drag(qtbot, designer, view_point(designer, x, y), view_point(designer, x + 10, y + 3))

    moved = designer.current_layout.front[index]
    assert (moved.x, moved.y, moved.width, moved.height) == (35, 15.5, 31.5, 9.0)
    assert designer.document.modified
    assert designer.windowTitle() == "Badge designer — cr80 *"
    assert designer.properties.editors["x"].value() == 35  # the form follows the canvas
    assert designer.canvas.selected_index() == index  # and the element stays selected


def test_dragging_a_corner_resizes_the_element(qtbot, designer: BadgeDesigner) -> None:
    index = index_of(designer, NAME)
    select(qtbot, designer, index)

    drag(qtbot, designer, view_point(designer, 56.5, 21.5), view_point(designer, 58.0, 23.0))

    resized = designer.current_layout.front[index]
    assert (resized.x, resized.y, resized.width, resized.height) == (25, 12.5, 33.0, 10.5)


def test_a_moved_item_snaps_stays_inside_and_its_element_follows(designer: BadgeDesigner) -> None:
    index = index_of(designer, NAME)
    item = designer.canvas.items_by_index[index]

    item.setPos(QPointF(200, -7))  # far off the badge
    assert (item.pos().x(), item.pos().y()) == pytest.approx((85.6 - 31.5, 0))
    item.setPos(QPointF(10.26, 20.7))
    assert (item.pos().x(), item.pos().y()) == (10.5, 20.5)
    designer.canvas.commit_geometry()

    moved = designer.current_layout.front[index]
    assert (moved.x, moved.y) == (10.5, 20.5)


def test_arrow_keys_nudge_the_selected_element(qtbot, designer: BadgeDesigner) -> None:
    index = index_of(designer, NAME)
    designer.canvas.select(index)
    designer.canvas.setFocus()

    qtbot.keyClick(designer.canvas, Qt.Key.Key_Right)
    qtbot.keyClick(designer.canvas, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)

    moved = designer.current_layout.front[index]
    assert (moved.x, moved.y) == (25.5, 17.5)


def test_a_resized_qr_code_stays_square(designer: BadgeDesigner) -> None:
    index = next(i for i, element in enumerate(designer.current_layout.front) if isinstance(element, QrElement))
    item = designer.canvas.items_by_index[index]
    item.setSelected(True)

    item.resize_to(Corner.TOP_LEFT, QPointF(55.0, 11.0))
    designer.canvas.commit_geometry()

    qr = designer.current_layout.front[index]
    assert (qr.x, qr.y, qr.size) == pytest.approx((55.0, 9.6, 28.6))  # the corner (83.6, 38.2) stays put


def test_a_line_keeps_its_direction_when_its_box_changes() -> None:
    moved = with_rect(LineElement(x1=10, y1=20, x2=30, y2=10), QRectF(5, 5, 40, 20))
    assert (moved.x1, moved.y1, moved.x2, moved.y2) == (5, 25, 45, 5)
    flat = with_rect(LineElement(x1=3, y1=10, x2=80, y2=10), QRectF(3, 12, 70, 0))
    assert (flat.x1, flat.y1, flat.x2, flat.y2) == (3, 12, 73, 12)


def test_boxes_are_labelled_with_their_type_and_text() -> None:
    assert element_label(TextElement(0, 0, 10, 5, text=NAME, font_size=8)) == f"text {NAME}"
    assert element_label(TextElement(0, 0, 10, 5, text="VIP", font_size=8, rotation=90)) == "text VIP ↻90°"
    assert element_label(QrElement(0, 0, 22)) == "QR code"


# -- properties --------------------------------------------------------------------------------------


def test_changing_a_property_changes_the_element(qtbot, designer: BadgeDesigner) -> None:
    index = index_of(designer, NAME)
    select(qtbot, designer, index)
    panel = designer.properties

    panel.editors["font_size"].setValue(12.5)
    panel.editors["align"].activated.emit(panel.editors["align"].findData("centre"))
    panel.editors["rotation"].activated.emit(panel.editors["rotation"].findData(180))

    element = designer.current_layout.front[index]
    assert (element.font_size, element.align, element.rotation) == (12.5, "centre", 180)
    assert panel.error.isHidden()


def test_the_variable_picker_shows_samples_and_inserts_a_variable(qtbot, designer: BadgeDesigner) -> None:
    index = index_of(designer, "{given_name}")
    select(qtbot, designer, index)
    text = designer.properties.editors["text"]

    shown = [action.text() for action in text.menu.actions()]
    assert len(shown) == len(VARIABLES)
    assert "{full_name}  —  Ҷамшед Раҳмонов" in shown
    text.line.setCursorPosition(0)
    text.line.insert("{title} ")
    text.line.end(False)
    [family_name] = [action for action in text.menu.actions() if action.data() == "family_name"]
    family_name.trigger()

    assert designer.current_layout.front[index].text == "{title} {given_name}{family_name}"


def test_colours_come_from_the_dialog_or_the_category(qtbot, designer: BadgeDesigner, monkeypatch) -> None:
    monkeypatch.setattr(properties, "pick_colour", lambda _parent, current: "#FF8800" if current else None)
    index = index_of(designer, NAME)
    select(qtbot, designer, index)
    colour = designer.properties.editors["colour"]

    colour.choose()
    assert designer.current_layout.front[index].colour == "#FF8800"
    [on_category] = [action for action in colour.button.menu().actions() if "Readable" in action.text()]
    on_category.trigger()
    assert designer.current_layout.front[index].colour == "on-category"
    assert colour.line.text() == "on-category"


def test_an_unknown_variable_is_refused_and_the_layout_stays_valid(qtbot, designer: BadgeDesigner) -> None:
    index = index_of(designer, NAME)
    select(qtbot, designer, index)
    before = designer.current_layout
    text = designer.properties.editors["text"]

    text.line.setText("{nme}")
    text.line.editingFinished.emit()

    error = designer.properties.error
    assert error.isVisible()
    assert error.text().startswith("The badge layout cr80.json is invalid at $.front[4].text:")
    assert "unknown variable {nme}" in error.text()
    assert designer.current_layout == before
    assert not designer.document.modified
    assert text.line.text() == "{nme}"  # kept, to be corrected

    text.line.setText("{family_name}")
    text.line.editingFinished.emit()
    assert designer.current_layout.front[index].text == "{family_name}"
    assert error.isHidden()


def test_a_box_pushed_off_the_badge_by_a_number_is_refused(qtbot, designer: BadgeDesigner) -> None:
    index = index_of(designer, NAME)
    select(qtbot, designer, index)

    designer.properties.editors["width"].setValue(80)

    assert "outside the 85.6×54 mm badge" in designer.properties.error.text()
    assert designer.current_layout.front[index].width == 31.5
    assert designer.canvas.items_by_index[index].rect_mm().width() == 31.5


def test_a_canvas_edit_the_core_refuses_puts_the_box_back(qtbot, designer: BadgeDesigner) -> None:
    index = index_of(designer, NAME)  # 14 pt needs a box at least 6 mm tall
    item = designer.canvas.items_by_index[index]
    item.setSelected(True)

    item.resize_to(Corner.BOTTOM_RIGHT, QPointF(56.5, 14.0))
    designer.canvas.commit_geometry()

    assert "14 pt text needs 5.9 mm but its box is 1.5 mm tall" in designer.properties.error.text()
    assert designer.current_layout == load_layout("cr80")
    assert designer.canvas.items_by_index[index].rect_mm().height() == 9.0


def test_elements_can_be_added_and_deleted(qtbot, designer: BadgeDesigner) -> None:
    count = len(designer.current_layout.front)
    designer.add_element("Text")
    assert len(designer.current_layout.front) == count + 1
    assert designer.canvas.selected_index() == count
    assert designer.current_layout.front[count].text == "{full_name}"

    designer.delete_action.trigger()
    assert designer.current_layout.front == load_layout("cr80").front


# -- saving ------------------------------------------------------------------------------------------


def test_save_writes_a_new_layout_that_loads_back_equal(qtbot, designer: BadgeDesigner, save_to, tmp_path) -> None:
    index = index_of(designer, NAME)
    select(qtbot, designer, index)
    x, y = _centre_mm(designer, index)
    drag(qtbot, designer, view_point(designer, x, y), view_point(designer, x + 2, y + 1))
    designer.properties.editors["min_font_size"].setValue(8)

    assert designer.save()  # a shipped layout is saved as a new file

    saved = tmp_path / "layouts" / "summit-card.json"
    assert save_to == [Path(designer._default_folder()) / "cr80-custom.json"]
    assert load_layout(saved) == designer.current_layout
    assert designer.current_layout.name == "summit-card"
    assert designer.current_layout.front[index].min_font_size == 8
    assert designer.current_layout.front[index].x == 27
    assert not designer.document.modified
    assert designer.layout_combo.currentText() == "summit-card.json"
    assert load_layout("cr80") != designer.current_layout  # the shipped file is untouched

    designer.properties.editors["font_size"].setValue(13)
    save_to.clear()
    assert designer.save()  # now saved in place, without asking
    assert save_to == []
    assert load_layout(saved).front[index].font_size == 13


def test_text_typed_but_not_entered_is_saved(qtbot, designer: BadgeDesigner, save_to, tmp_path) -> None:
    index = index_of(designer, NAME)
    select(qtbot, designer, index)
    line = designer.properties.editors["text"].line
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    line.setText("{family_name}")

    assert designer.save()

    assert load_layout(tmp_path / "layouts" / "summit-card.json").front[index].text == "{family_name}"


def test_the_back_of_a_double_sided_layout_round_trips(qtbot, designer: BadgeDesigner, save_to, tmp_path) -> None:
    designer.layout_combo.activated.emit(designer.layout_combo.findData("a6-double"))
    assert designer.current_layout.sides == "double"
    assert designer.back_button.isEnabled()
    qtbot.mouseClick(designer.back_button, Qt.MouseButton.LeftButton)
    assert designer.side == "back"
    back = designer.current_layout.back
    assert len(designer.canvas.items_by_index) == len(back)
    index = next(i for i, element in enumerate(back) if isinstance(element, TextElement))
    designer.canvas.select(index)
    designer.properties.editors["colour"].line.setText("#123456")
    designer.properties.editors["colour"].line.editingFinished.emit()
    designer.canvas.items_by_index[index].setPos(QPointF(4, 6))
    designer.canvas.commit_geometry()

    assert designer.save_as()

    loaded = load_layout(tmp_path / "layouts" / "summit-card.json")
    assert loaded == designer.current_layout
    assert loaded.back[index] == replace(back[index], colour="#123456", x=4, y=6)
    assert loaded.front == load_layout("a6-double").front


def test_every_shipped_layout_round_trips_through_the_designer(tmp_path: Path) -> None:
    for name in designer_window.list_layouts():
        document = LayoutDocument.load(name)
        document.save(tmp_path / f"{name}.json")
        assert load_layout(tmp_path / f"{name}.json") == document.layout
        assert replace(document.layout, name=name) == load_layout(name)


def test_an_image_beside_the_layout_is_still_found_when_saved_elsewhere(tmp_path: Path) -> None:
    source, target = tmp_path / "source", tmp_path / "target"
    source.mkdir()
    target.mkdir()
    Image.new("RGB", (40, 20), (200, 30, 30)).save(source / "logo.png")
    data = load_layout("cr80").to_dict()
    data["front"].append({"type": "image", "x": 60, "y": 40, "width": 20, "height": 10, "path": "logo.png"})
    (source / "with-logo.json").write_text(json.dumps(data), encoding="utf-8")
    document = LayoutDocument.load(source / "with-logo.json")

    document.save(target / "copy.json")

    saved = load_layout(target / "copy.json")
    assert saved == document.layout
    assert saved.front[-1].path == str((source / "logo.png").resolve())


def test_a_failed_save_is_reported_and_nothing_is_marked_saved(qtbot, designer, monkeypatch, shown_errors, tmp_path):
    monkeypatch.setattr(designer_window, "ask_save_path", lambda _parent, _path: tmp_path / "missing" / "x.json")
    designer.add_element("Line")

    assert not designer.save()

    assert len(shown_errors) == 1
    assert shown_errors[0].text.startswith(f"The layout could not be saved to {tmp_path / 'missing' / 'x.json'}")
    assert designer.document.modified


def test_opening_another_layout_asks_before_discarding_changes(qtbot, designer, monkeypatch) -> None:
    answers = [False, True]
    asked: list[str] = []

    def confirm(_parent: object, name: str) -> bool:
        asked.append(name)
        return answers.pop(0)

    monkeypatch.setattr(designer_window, "confirm_discard", confirm)
    designer.add_element("Text")

    designer.layout_combo.activated.emit(designer.layout_combo.findData("a6"))
    assert asked == ["cr80"]
    assert designer.current_layout.name == "cr80"
    assert designer.layout_combo.currentText() == "cr80"

    designer.layout_combo.activated.emit(designer.layout_combo.findData("a6"))
    assert asked == ["cr80", "cr80"]
    assert designer.current_layout == load_layout("a6")
    assert not designer.document.modified
    designer.layout_combo.activated.emit(designer.layout_combo.findData("cr80"))
    assert asked == ["cr80", "cr80"]  # nothing to lose, nothing asked


def test_closing_with_unsaved_changes_asks_first(qtbot, designer, monkeypatch) -> None:
    monkeypatch.setattr(designer_window, "confirm_discard", lambda _parent, _name: False)
    designer.add_element("Photo")
    assert not designer.close()
    assert designer.isVisible()
    assert designer.preview.timer.isActive()  # the new photo frame is about to be previewed
    monkeypatch.setattr(designer_window, "confirm_discard", lambda _parent, _name: True)
    assert designer.close()
    assert not designer.preview.timer.isActive()  # a closed designer renders nothing more


def test_a_layout_file_is_opened_and_a_broken_one_refused(qtbot, designer, monkeypatch, shown_errors, tmp_path):
    good = tmp_path / "mine.json"
    good.write_text(load_layout("a7-fold").to_json(), encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text('{"version": 1, "name": "x"}', encoding="utf-8")
    monkeypatch.setattr(designer_window, "ask_layout_file", lambda _parent, _folder: good)

    designer.open_action.trigger()
    assert designer.current_layout == load_layout(good)
    assert designer.layout_combo.currentText() == "mine.json"
    assert designer.back_button.isEnabled()  # a folded badge has a back

    monkeypatch.setattr(designer_window, "ask_layout_file", lambda _parent, _folder: broken)
    designer.open_action.trigger()
    assert len(shown_errors) == 1
    assert "is invalid at $" in shown_errors[0].text
    assert designer.current_layout == load_layout(good)


# -- preview -----------------------------------------------------------------------------------------


def test_the_preview_renders_a_real_guest_with_the_core_renderer(qtbot, designer: BadgeDesigner) -> None:
    preview = designer.preview
    qtbot.waitUntil(lambda: bool(preview.pages), timeout=5000)  # once the edits (none yet) pause
    assert preview.current_case() is not None
    label, guest_id = preview.current_case()
    assert label == f"{LONGEST_NAME} · {NO_PHOTO}"
    assert preview.guest_label.text() == f"{label}: Ҷамшед Рахмонов (guest {guest_id})"
    pixmap = preview.image.pixmap()
    assert not pixmap.isNull()
    page = preview.pages[0]
    assert page.width() / page.height() == pytest.approx(85.6 / 54, rel=0.02)


def test_hard_cases_cycle_through_arabic_and_chinese_guests(qtbot, designer: BadgeDesigner) -> None:
    preview = designer.preview
    assert [label for label, _id in preview.cases()] == [f"{LONGEST_NAME} · {NO_PHOTO}", ARABIC, CHINESE]
    shown = []
    for _case in preview.cases():
        with qtbot.waitSignal(preview.rendered, timeout=5000):
            qtbot.mouseClick(preview.next_button, Qt.MouseButton.LeftButton)
        shown.append(preview.guest_label.text())

    assert shown[0].startswith(f"{ARABIC}: محمد الهاشمي")
    assert shown[1].startswith(f"{CHINESE}: 王伟")
    assert shown[2].startswith(LONGEST_NAME)


def test_edits_are_previewed_once_they_pause(qtbot, designer: BadgeDesigner) -> None:
    preview = designer.preview
    qtbot.waitUntil(lambda: bool(preview.pages), timeout=5000)
    preview.timer.stop()
    renders: list[None] = []
    preview.rendered.connect(lambda: renders.append(None))
    index = index_of(designer, NAME)
    designer.canvas.select(index)
    for size in (10, 11, 12):
        designer.properties.editors["font_size"].setValue(size)
    assert preview.timer.isActive() and renders == []

    qtbot.waitUntil(lambda: renders == [None], timeout=5000)


def test_a_preview_overtaken_by_a_later_edit_is_dropped(qtbot, designer: BadgeDesigner) -> None:
    preview = designer.preview
    preview.timer.stop()
    renders: list[str] = []
    preview.rendered.connect(lambda: renders.append(preview.guest_label.text()))
    jobs.set_synchronous(False)

    preview.render_now()
    preview.render_now()
    assert jobs.wait_for_jobs(10_000)

    assert len(renders) == 1


def test_the_preview_shows_one_badge_not_the_sheet(qtbot, event_store: EventStore, inline_jobs) -> None:
    preview = BadgePreview(event_store)
    qtbot.addWidget(preview)
    with qtbot.waitSignal(preview.rendered, timeout=5000):
        preview.show_layout(load_layout("a4-4up"))
    [page] = preview.pages
    assert page.width() / page.height() == pytest.approx(100 / 140, rel=0.02)  # a 100 × 140 mm badge, not A4


def test_an_event_without_guests_previews_the_sample_values(qtbot, tmp_path, inline_jobs) -> None:
    store = EventStore.create(tmp_path / "empty.accreditor", passphrase="test passphrase", name="Empty")
    try:
        preview = BadgePreview(store)
        qtbot.addWidget(preview)
        with qtbot.waitSignal(preview.rendered, timeout=5000):
            preview.show_layout(load_layout("a6-double"), back=True)
        assert preview.current_case() is None
        assert preview.guest_label.text() == "Sample data (the event has no guests yet)"
        assert not preview.next_button.isEnabled()
        assert len(preview.pages) == 2  # front and back; the back is shown
    finally:
        store.close()
