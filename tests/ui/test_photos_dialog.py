"""A folder of photos: the plan shown before anything is stored, the import in the background, then the report."""

import io
from pathlib import Path

import pytest
from PIL import Image

from accreditor import guests
from accreditor.photo_import import PhotoImportReport
from accreditor.store import EventStore
from tests.ui.conftest import organiser_page
from ui.organiser import photos_dialog
from ui.organiser.photos_dialog import PhotoImportDialog

OFFICER = "a.karimova"
TOO_SMALL = "The photo is 200×260 pixels; a badge needs at least 295×378 (25×32 mm at 300 dpi)."
NO_MATCH = "it matches no guest's passport number, reference, e-mail or name"


def jpeg(size: tuple[int, int] = (400, 520), colour: tuple[int, int, int] = (90, 120, 160)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "JPEG", quality=90)
    return out.getvalue()


def guest_id(store: EventStore, family_name: str) -> int:
    with store.connect() as connection:
        return next(guest.id for guest in guests.list_guests(connection) if guest.fields.family_name == family_name)


def photo_of(store: EventStore, family_name: str) -> bytes | None:
    with store.connect() as connection:
        return guests.photo(connection, guest_id(store, family_name))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Photos for the event's guests, named as delegations name them; one too small, two for nobody."""
    path = tmp_path / "photos"
    path.mkdir()
    (path / "SMITH_Anna.jpg").write_bytes(jpeg())
    (path / "rakhmonov-jamshed.jpg").write_bytes(jpeg())  # Рахмонов Ҷамшед, in Latin letters
    (path / "Maria Ivanova.jpg").write_bytes(jpeg((200, 260)))
    (path / "John Doe.jpg").write_bytes(jpeg())
    (path / "list.xlsx").write_bytes(b"PK\x03\x04")
    return path


@pytest.fixture
def chosen_folder(monkeypatch: pytest.MonkeyPatch, folder: Path) -> list[Path | None]:
    """The folders the organiser picks, in turn (`ask_folder` replaced); the photo folder by default."""
    answers: list[Path | None] = [folder]
    monkeypatch.setattr(photos_dialog, "ask_folder", lambda _parent: answers.pop(0) if answers else None)
    return answers


@pytest.fixture
def dialog(qtbot, inline_jobs: None, event_store: EventStore, chosen_folder: list[Path | None]) -> PhotoImportDialog:
    widget = PhotoImportDialog(event_store, user=OFFICER)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_choosing_a_folder_shows_the_plan_and_writes_nothing(
    dialog: PhotoImportDialog, folder: Path, event_store: EventStore
) -> None:
    assert not dialog.import_button.isEnabled()

    assert dialog.choose_folder()

    assert dialog.folder_label.text() == str(folder)
    assert dialog.summary.text() == (
        "Files in photos: 5; matched to guests: 3. Not matched: 2. "
        "Approved or pending guests still without a photo after the import: 1."
    )
    assert dialog.section_rows("Matched") == [
        ("Maria Ivanova.jpg", "Мария Иванова (6)", "name", ""),
        ("rakhmonov-jamshed.jpg", "Ҷамшед Рахмонов (1)", "name", ""),
        ("SMITH_Anna.jpg", "Anna Smith (2)", "name", ""),
    ]
    assert dialog.section_rows("Not matched") == [
        ("John Doe.jpg", NO_MATCH),
        ("list.xlsx", "not a photo file (JPEG, PNG, WebP, AVIF, TIFF or BMP)"),
    ]
    assert dialog.section_rows("Still without photo") == [("3", "محمد الهاشمي", "Approved")]
    assert dialog.import_button.isEnabled()
    assert photo_of(event_store, "Smith") is None


def test_import_stores_the_good_photos_and_reports_every_file(
    dialog: PhotoImportDialog, event_store: EventStore
) -> None:
    dialog.choose_folder()

    dialog.import_button.click()

    report = dialog.report
    assert report is not None
    assert dialog.summary.text() == (
        "Photos imported: 2. Refused: 1. Files not matched: 2. Approved or pending guests still without a photo: 2."
    )
    assert report.summary() == (
        "Imported 2 photos, 1 refused, 2 files not matched. 2 approved or pending guests still have no photo."
    )
    assert dialog.section_rows("Imported") == [
        ("rakhmonov-jamshed.jpg", "Ҷамшед Рахмонов (1)", "name"),
        ("SMITH_Anna.jpg", "Anna Smith (2)", "name"),
    ]
    assert dialog.section_rows("Refused") == [("Maria Ivanova.jpg", "Мария Иванова (6)", TOO_SMALL)]
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "Refused (1)"  # the problems first
    assert photo_of(event_store, "Smith") is not None
    assert photo_of(event_store, "Иванова") is None
    assert not dialog.import_button.isEnabled()  # this plan is done; another folder makes another
    assert dialog.close_button.isEnabled()
    assert not dialog.progress_bar.isVisible()


def test_a_guest_who_has_a_photo_keeps_it_unless_replace_is_ticked(
    dialog: PhotoImportDialog, event_store: EventStore
) -> None:
    old = jpeg((400, 520), (10, 200, 10))
    with event_store.begin() as connection:
        guests.set_photo(connection, guest_id(event_store, "Smith"), old, OFFICER)
    dialog.choose_folder()
    assert dialog.section_rows("Matched")[2] == ("SMITH_Anna.jpg", "Anna Smith (2)", "name", "has one: kept")

    dialog.replace_box.setChecked(True)
    assert dialog.section_rows("Matched")[2][3] == "has one: replaced"
    dialog.import_button.click()

    assert photo_of(event_store, "Smith") not in (None, old)
    assert [row[0] for row in dialog.section_rows("Imported")] == ["rakhmonov-jamshed.jpg", "SMITH_Anna.jpg"]


def test_without_replace_the_file_of_a_guest_with_a_photo_is_skipped(
    dialog: PhotoImportDialog, event_store: EventStore
) -> None:
    old = jpeg((400, 520), (10, 200, 10))
    with event_store.begin() as connection:
        guests.set_photo(connection, guest_id(event_store, "Smith"), old, OFFICER)
    dialog.choose_folder()

    dialog.import_button.click()

    assert dialog.section_rows("Skipped") == [("SMITH_Anna.jpg", "Anna Smith (2)", "already has a photo")]
    assert photo_of(event_store, "Smith") == old


def test_a_folder_that_cannot_be_read_is_said_in_place(
    dialog: PhotoImportDialog, chosen_folder: list[Path | None], tmp_path: Path
) -> None:
    chosen_folder[:] = [tmp_path / "gone"]

    dialog.choose_folder()

    assert dialog.summary.text() == f"There is no folder at {tmp_path / 'gone'}."
    assert not dialog.import_button.isEnabled()
    assert dialog.folder_button.isEnabled()


def test_cancelling_the_folder_opens_nothing(
    monkeypatch: pytest.MonkeyPatch, event_store: EventStore, chosen_folder: list[Path | None]
) -> None:
    chosen_folder[:] = [None]
    monkeypatch.setattr(PhotoImportDialog, "exec", lambda _self: pytest.fail("the dialog was shown"))

    assert PhotoImportDialog.run(None, event_store, user=OFFICER) is None


def test_run_returns_the_report_of_the_import(
    monkeypatch: pytest.MonkeyPatch, inline_jobs: None, event_store: EventStore, chosen_folder: list[Path | None]
) -> None:
    def import_and_close(dialog: PhotoImportDialog) -> int:
        dialog.import_button.click()
        dialog.close_button.click()
        return dialog.result()

    monkeypatch.setattr(PhotoImportDialog, "exec", import_and_close)

    report = PhotoImportDialog.run(None, event_store, user=OFFICER)

    assert isinstance(report, PhotoImportReport)
    assert [match.file.name for match in report.imported] == ["rakhmonov-jamshed.jpg", "SMITH_Anna.jpg"]


def test_the_import_runs_in_the_background_and_the_dialog_waits_for_it(
    qtbot, event_store: EventStore, chosen_folder: list[Path | None]
) -> None:
    dialog = PhotoImportDialog(event_store, user=OFFICER)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.plan_ready, timeout=10_000):
        dialog.choose_folder()

    with qtbot.waitSignal(dialog.import_finished, timeout=10_000) as finished:
        dialog.import_button.click()
        assert not dialog.close_button.isEnabled()
        assert not dialog.import_button.isEnabled()
        assert dialog.stop_button.isVisibleTo(dialog)
        assert dialog.progress_label.text() == "Reading photos…"

    (report,) = finished.args
    assert len(report.imported) == 2
    assert dialog.close_button.isEnabled()
    assert not dialog.stop_button.isVisibleTo(dialog)


# -- from the organiser's guest page -------------------------------------------------------------------


def test_the_photos_action_imports_and_the_page_shows_the_result(
    qtbot, monkeypatch: pytest.MonkeyPatch, inline_jobs: None, event_store: EventStore, chosen_folder
) -> None:
    def import_and_close(dialog: PhotoImportDialog) -> int:
        dialog.import_button.click()
        return dialog.result()

    monkeypatch.setattr(PhotoImportDialog, "exec", import_and_close)
    page = organiser_page(qtbot, event_store, user=OFFICER)
    page.select_guests([guest_id(event_store, "Smith")])
    assert page.photo.text() == "No photo"

    page.photos_action.trigger()

    assert page.notice.text().startswith("Imported 2 photos, 1 refused")
    assert page.photo.pixmap() is not None and not page.photo.pixmap().isNull()
