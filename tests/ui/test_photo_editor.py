"""One guest's photo: loaded from a file, framed in the badge's proportions, refused when too small, saved audited."""

import io
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QDialog

from accreditor import audit, guests
from accreditor.photo_import import FRAME_MM, MIN_HEIGHT_PX, MIN_WIDTH_PX
from accreditor.store import EventStore
from tests.ui.conftest import organiser_page
from ui.organiser import photo_editor
from ui.organiser.guests_page import OrganiserGuestsPage
from ui.organiser.photo_editor import PhotoEditorDialog

OFFICER = "a.karimova"
RED = (220, 20, 20)
BLUE = (20, 40, 200)
ASPECT = FRAME_MM[0] / FRAME_MM[1]


def write_photo(path: Path, size: tuple[int, int] = (1200, 900), *, exif_orientation: int = 1) -> Path:
    """A photo whose left half is red and right half blue (before any EXIF turn)."""
    image = Image.new("RGB", size, BLUE)
    image.paste(RED, (0, 0, size[0] // 2, size[1]))
    exif = Image.Exif()
    if exif_orientation != 1:
        exif[0x0112] = exif_orientation
    out = io.BytesIO()
    image.save(out, "JPEG", quality=92, exif=exif.tobytes())
    path.write_bytes(out.getvalue())
    return path


def smith(store: EventStore) -> int:
    with store.connect() as connection:
        return next(guest.id for guest in guests.list_guests(connection) if guest.fields.family_name == "Smith")


def stored(store: EventStore, guest_id: int) -> Image.Image | None:
    with store.connect() as connection:
        data = guests.photo(connection, guest_id)
    return None if data is None else Image.open(io.BytesIO(data))


@pytest.fixture
def chosen(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files the organiser picks, in turn (`ask_photo_file` replaced)."""
    files: list[Path] = []
    monkeypatch.setattr(photo_editor, "ask_photo_file", lambda _parent: files.pop(0) if files else None)
    return files


@pytest.fixture
def editor(qtbot, event_store: EventStore, inline_jobs: None) -> PhotoEditorDialog:
    dialog = PhotoEditorDialog(event_store, smith(event_store), user=OFFICER)
    qtbot.addWidget(dialog)
    dialog.resize(800, 640)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def load(editor: PhotoEditorDialog, chosen: list[Path], path: Path) -> None:
    chosen.append(path)
    editor.load_button.click()


def test_a_guest_without_photo_is_asked_for_a_file_and_cannot_save_yet(editor: PhotoEditorDialog) -> None:
    assert editor.windowTitle() == "Photo of Anna Smith"
    assert not editor.crop_view.has_photo()
    assert not editor.save_button.isEnabled()
    assert "Load a photo file" in editor.status.text()


def test_a_loaded_photo_is_framed_in_the_badge_proportions_and_saved_cropped(
    editor: PhotoEditorDialog, chosen: list[Path], tmp_path: Path, event_store: EventStore
) -> None:
    load(editor, chosen, write_photo(tmp_path / "desk.jpg"))

    width, height = editor.crop_view.crop_pixels()
    assert height == 900  # the largest 25:32 frame of a landscape photo is as high as the photo, and centred
    assert width == pytest.approx(900 * ASPECT, abs=1)
    assert editor.save_button.isEnabled()
    assert editor.status.text().startswith(f"Frame: {width}×{height} pixels.")

    editor.crop_view.set_crop_box((0.0, 0.0, 0.3, 0.3 * 1200 / 900 / ASPECT))  # the red half's left part
    editor.save_button.click()

    assert editor.result() == QDialog.DialogCode.Accepted
    photo = stored(event_store, smith(event_store))
    assert photo is not None
    assert photo.size == (360, 461)
    assert photo.getpixel((10, 10))[0] > 150  # red: cut from the left half
    with event_store.connect() as connection:
        (entry,) = [entry for entry in audit.history(connection) if entry.action == "guest.photo_set"]
    assert (entry.actor, entry.guest_id) == (OFFICER, smith(event_store))


def test_dragging_inside_moves_the_frame_and_it_stays_on_the_photo(
    qtbot, editor: PhotoEditorDialog, chosen: list[Path], tmp_path: Path
) -> None:
    load(editor, chosen, write_photo(tmp_path / "desk.jpg"))
    view = editor.crop_view
    before = view.crop_box()
    start = view.frame_on_screen().center().toPoint()

    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view, start + QPoint(40, 0))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=start + QPoint(40, 0))

    after = view.crop_box()
    assert after[0] > before[0]
    assert after[2] - after[0] == pytest.approx(before[2] - before[0])

    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=view.frame_on_screen().center().toPoint())
    qtbot.mouseMove(view, QPoint(view.width() - 1, view.height() - 1))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(view.width() - 1, view.height() - 1))

    assert view.crop_box()[2] == pytest.approx(1.0)
    assert view.crop_box()[3] == pytest.approx(1.0)


def test_dragging_a_corner_resizes_keeping_the_proportions_and_never_below_print_size(
    qtbot, editor: PhotoEditorDialog, chosen: list[Path], tmp_path: Path
) -> None:
    load(editor, chosen, write_photo(tmp_path / "desk.jpg", (2400, 1800)))
    view = editor.crop_view
    corner = view.frame_on_screen().bottomRight().toPoint()
    inward = corner - QPoint(100, 20)

    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=corner)
    qtbot.mouseMove(view, inward)
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=inward)

    width, height = view.crop_pixels()
    assert 600 < width < 1800 * ASPECT
    assert width / height == pytest.approx(ASPECT, abs=0.01)

    top_left = view.frame_on_screen().topLeft()
    fixed = (top_left.x(), top_left.y())
    beyond = QPoint(1, 1)  # past the fixed corner (QPoint(0, 0) would mean the centre to QTest)
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=view.frame_on_screen().bottomRight().toPoint())
    qtbot.mouseMove(view, beyond)
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=beyond)

    width, height = view.crop_pixels()
    assert (width, height) >= (MIN_WIDTH_PX, MIN_HEIGHT_PX)
    assert width < MIN_WIDTH_PX + 3
    assert (view.frame_on_screen().left(), view.frame_on_screen().top()) == pytest.approx(fixed)
    assert editor.save_button.isEnabled()


def test_keys_move_and_resize_the_frame(qtbot, editor: PhotoEditorDialog, chosen: list[Path], tmp_path: Path) -> None:
    load(editor, chosen, write_photo(tmp_path / "desk.jpg", (2400, 1800)))
    view = editor.crop_view
    start_width, _height = view.crop_pixels()

    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Left)

    assert view.crop_pixels()[0] < start_width
    left = view.crop_box()[0]
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.crop_box()[0] > left


def test_a_phone_photo_turned_by_exif_is_framed_upright(
    editor: PhotoEditorDialog, chosen: list[Path], tmp_path: Path
) -> None:
    load(editor, chosen, write_photo(tmp_path / "phone.jpg", (1600, 1200), exif_orientation=6))

    assert editor.crop_view.photo_size() == (1200, 1600)


def test_a_photo_too_small_for_print_is_refused_with_its_size_and_nothing_is_saved(
    editor: PhotoEditorDialog, chosen: list[Path], tmp_path: Path, event_store: EventStore
) -> None:
    load(editor, chosen, write_photo(tmp_path / "thumb.jpg", (200, 260)))

    assert editor.status.text() == (
        "thumb.jpg: The photo is 200×260 pixels; a badge needs at least 295×378 (25×32 mm at 300 dpi)."
    )
    assert not editor.crop_view.has_photo()
    assert not editor.save_button.isEnabled()
    editor.save()
    assert stored(event_store, smith(event_store)) is None


def test_a_file_that_is_no_photo_is_explained(editor: PhotoEditorDialog, chosen: list[Path], tmp_path: Path) -> None:
    notes = tmp_path / "notes.jpg"
    notes.write_text("not a photo", encoding="utf-8")

    load(editor, chosen, notes)

    assert editor.status.text().startswith("notes.jpg: The file is not a photo Accreditor can read")
    assert not editor.save_button.isEnabled()


def test_a_crop_too_small_is_refused_by_the_core_and_nothing_is_saved(
    editor: PhotoEditorDialog, chosen: list[Path], tmp_path: Path, event_store: EventStore
) -> None:
    load(editor, chosen, write_photo(tmp_path / "desk.jpg"))

    editor.crop_view.set_crop_box((0.1, 0.1, 0.2, 0.2))  # as no drag can make it: the core still refuses

    assert editor.status.text() == "The crop is 120×90 pixels; a badge needs at least 295×378 (25×32 mm at 300 dpi)."
    assert not editor.save_button.isEnabled()
    editor.save()
    assert editor.result() != QDialog.DialogCode.Accepted
    assert editor.status.text().startswith("The crop is 120×90 pixels")
    assert stored(event_store, smith(event_store)) is None


def test_the_guests_current_photo_is_shown_to_crop_again(
    qtbot, event_store: EventStore, tmp_path: Path, inline_jobs: None
) -> None:
    guest_id = smith(event_store)
    with event_store.begin() as connection:
        guests.set_photo(connection, guest_id, write_photo(tmp_path / "old.jpg", (600, 800)).read_bytes(), OFFICER)

    dialog = PhotoEditorDialog(event_store, guest_id, user=OFFICER)
    qtbot.addWidget(dialog)

    assert dialog.crop_view.photo_size() == (600, 800)
    assert not dialog.badge_preview.pixmap().isNull()
    assert dialog.status.text().startswith("This is the guest's photo now. Frame: 600×768 pixels.")
    assert not dialog.save_button.isEnabled()  # saving it unchanged would only re-encode it

    dialog.crop_view.set_crop_box((0.0, 0.0, 0.8, 0.8 * 600 / 800 / ASPECT))

    assert dialog.save_button.isEnabled()


def test_edit_says_whether_a_photo_was_saved(
    monkeypatch: pytest.MonkeyPatch, event_store: EventStore, chosen: list[Path], tmp_path: Path, inline_jobs: None
) -> None:
    def load_and_save(dialog: PhotoEditorDialog) -> int:
        dialog.load_file()
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(PhotoEditorDialog, "exec", load_and_save)
    chosen.append(write_photo(tmp_path / "desk.jpg"))

    assert PhotoEditorDialog.edit(None, event_store, smith(event_store), user=OFFICER)
    # Now the guest has that photo: with no file chosen and the frame left alone, there is nothing to save.
    assert not PhotoEditorDialog.edit(None, event_store, smith(event_store), user=OFFICER)


def test_the_editor_offers_the_webcam_beside_the_file(qtbot, event_store: EventStore) -> None:
    # The camera's own behaviour (capture, framing, no camera) is tested in test_camera.py with recorded frames.
    dialog = PhotoEditorDialog(event_store, smith(event_store), user=OFFICER)
    qtbot.addWidget(dialog)
    assert dialog.camera_button.text() == "Take photo…"
    assert "Take photo" in (photo_editor.__doc__ or "")


# -- from the organiser's guest page -------------------------------------------------------------------


@pytest.fixture
def page(qtbot, event_store: EventStore) -> OrganiserGuestsPage:
    return organiser_page(qtbot, event_store, user=OFFICER)


@pytest.fixture
def edited(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[int]:
    """The guests the editor was opened for; it saves a photo each time."""
    opened: list[int] = []
    photo = write_photo(tmp_path / "saved.jpg", (600, 800)).read_bytes()

    def edit(_parent: object, store: EventStore, guest_id: int, *, user: str | None = None) -> bool:
        opened.append(guest_id)
        with store.begin() as connection:
            guests.set_photo(connection, guest_id, photo, user or "")
        return True

    monkeypatch.setattr(PhotoEditorDialog, "edit", edit)
    return opened


def test_change_photo_opens_the_editor_for_the_one_guest_selected_and_shows_the_result(
    qtbot, page: OrganiserGuestsPage, edited: list[int], event_store: EventStore
) -> None:
    page.select_guests([])
    assert not page.change_photo_action.isEnabled()
    page.select_guests([smith(event_store)])
    assert page.photo.text() == "No photo"

    page.change_photo_action.trigger()

    assert edited == [smith(event_store)]
    assert page.notice.text() == "Saved the photo of Anna Smith."
    qtbot.waitUntil(lambda: page.photo.pixmap() is not None and not page.photo.pixmap().isNull())
    assert [guest.id for guest in page.selected_guests()] == [smith(event_store)]


def test_double_clicking_the_photo_opens_the_editor(
    qtbot, page: OrganiserGuestsPage, edited: list[int], event_store: EventStore
) -> None:
    page.select_guests([smith(event_store)])

    qtbot.mouseDClick(page.photo, Qt.MouseButton.LeftButton, pos=QPointF(10, 10).toPoint())

    assert edited == [smith(event_store)]
