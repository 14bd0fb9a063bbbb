"""Photos brought into the event: upright, big enough for print and no bigger, matched to guests by file name."""

import argparse
import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from accreditor import audit, guests
from accreditor.badges import photos
from accreditor.cli import photos as photos_cli
from accreditor.photo_import import (
    MIN_HEIGHT_PX,
    MIN_WIDTH_PX,
    PhotoError,
    PhotoMatchPlan,
    apply_photo_plan,
    crop_photo,
    import_photos,
    match_folder,
    normalise_photo,
    photo_preview,
    prepare_photos,
)
from accreditor.store import EventStore

from .conftest import ORGANISER, AddGuest

RED = (220, 20, 20)
BLUE = (20, 40, 200)
TOO_SMALL = "The photo is 200×260 pixels; a badge needs at least 295×378 (25×32 mm at 300 dpi)."


def encode(image: Image.Image, fmt: str = "JPEG", **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def portrait(size: tuple[int, int] = (500, 650)) -> Image.Image:
    """Red in its top quarter, blue below: which way is up is plain to see (and no bigger than stored photos are)."""
    image = Image.new("RGB", size, BLUE)
    image.paste(RED, (0, 0, size[0], size[1] // 4))
    return image


def decoded(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    assert (image.format, image.mode) == ("JPEG", "RGB")
    return image


def is_red(pixel: tuple[int, ...]) -> bool:
    return pixel[0] > 150 and pixel[2] < 100


# -- one photo ----------------------------------------------------------------------------------------


def test_exif_orientation_6_is_stored_upright() -> None:
    # A phone held upright stores the picture sideways and says so with orientation 6 (turn 90° clockwise).
    exif = Image.Exif()
    exif[0x0112] = 6
    data = encode(portrait().rotate(90, expand=True), exif=exif.tobytes())
    assert Image.open(io.BytesIO(data)).size == (650, 500)

    image = decoded(normalise_photo(data))

    assert image.size == (500, 650)
    assert is_red(image.getpixel((250, 10)))
    assert not is_red(image.getpixel((250, 640)))


def test_a_photo_too_small_for_print_is_refused_naming_its_size() -> None:
    with pytest.raises(PhotoError) as refused:
        normalise_photo(encode(portrait((200, 260)), "PNG"))

    assert str(refused.value) == TOO_SMALL


def test_the_smallest_photo_that_prints_is_kept_as_it_is() -> None:
    image = decoded(normalise_photo(encode(portrait((MIN_WIDTH_PX, MIN_HEIGHT_PX)))))

    assert image.size == (MIN_WIDTH_PX, MIN_HEIGHT_PX)


def test_the_minimum_size_can_be_asked_for() -> None:
    data = encode(portrait((200, 260)))

    assert decoded(normalise_photo(data, min_width_px=150, min_height_px=200)).size == (200, 260)


def test_a_camera_photo_is_scaled_down_to_twice_the_print_size_and_stays_small() -> None:
    camera = Image.effect_noise((4000, 3000), 30).convert("RGB")
    data = encode(camera, quality=95)

    stored = normalise_photo(data)

    # The frame-shaped crop of a 4:3 photo is 756 px high: twice the 378 px the frame needs.
    assert decoded(stored).size == (1008, 756)
    assert len(stored) < len(data) / 10


def test_a_transparent_png_becomes_rgb_on_white() -> None:
    image = Image.new("RGBA", (400, 500), (0, 0, 0, 0))

    stored = decoded(normalise_photo(encode(image, "PNG")))

    assert min(stored.getpixel((200, 250))) > 240


def test_an_image_claiming_more_pixels_than_a_camera_makes_is_refused_before_decoding(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(photos, "MAX_PHOTO_PIXELS", 100_000)

    with pytest.raises(PhotoError, match=r"500×650 pixels \(0 megapixels\); .* up to 0 megapixels"):
        normalise_photo(encode(portrait()))


def test_pillows_decompression_bomb_guard_gives_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100_000)

    with pytest.raises(PhotoError, match="too large to open safely"):
        normalise_photo(encode(portrait()))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"not an image at all", "not a photo Accreditor can read (JPEG, PNG, WebP"),
        (encode(portrait(), "PNG")[:-400], "damaged"),
        (b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 100 100\n", "not a photo"),  # never handed to Ghostscript
        (b"", "not a photo"),
    ],
    ids=["text", "truncated-png", "eps", "empty"],
)
def test_unreadable_files_are_refused_in_one_sentence(data: bytes, message: str) -> None:
    with pytest.raises(PhotoError, match=re.escape(message)):
        normalise_photo(data)


def test_crop_takes_the_box_of_the_upright_photo() -> None:
    image = Image.new("RGB", (1200, 800), BLUE)
    image.paste(RED, (600, 0, 1200, 800))  # the right half is red

    cropped = decoded(crop_photo(encode(image), (0.5, 0.0, 0.9, 0.75)))

    assert cropped.size == (480, 600)
    assert is_red(cropped.getpixel((5, 5)))
    assert is_red(cropped.getpixel((475, 595)))


def test_a_crop_too_small_for_print_is_refused_as_a_crop() -> None:
    with pytest.raises(PhotoError, match=r"^The crop is 125×162 pixels; a badge needs at least 295×378"):
        crop_photo(encode(portrait()), (0.0, 0.0, 0.25, 0.25))


def test_an_empty_crop_is_refused() -> None:
    with pytest.raises(PhotoError, match="empty"):
        crop_photo(encode(portrait()), (0.5, 0.5, 0.5, 0.9))


def test_preview_is_upright_and_screen_sized_and_knows_the_original_size() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6
    data = encode(portrait((1500, 2000)).rotate(90, expand=True), exif=exif.tobytes())

    preview = photo_preview(data, max_side=400)

    assert (preview.width_px, preview.height_px) == (1500, 2000)
    assert decoded(preview.jpeg).size == (300, 400)


# -- matching a folder ----------------------------------------------------------------------------------

AddStatus = Callable[..., int]


def write_photo(folder: Path, name: str, size: tuple[int, int] = (500, 650), fmt: str = "JPEG") -> Path:
    path = folder / name
    path.write_bytes(encode(portrait(size), fmt))
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "photos"
    path.mkdir()
    return path


def matched(plan: PhotoMatchPlan) -> dict[str, tuple[int, str]]:
    return {match.file.name: (match.guest_id, match.by) for match in plan.matched}


def unmatched(plan: PhotoMatchPlan) -> dict[str, str]:
    return {file.file.name: file.reason for file in plan.unmatched}


def plan_for(store: EventStore, folder: Path) -> PhotoMatchPlan:
    with store.connect() as connection:
        return match_folder(connection, folder)


def test_files_match_by_passport_reference_email_and_name(store: EventStore, add_guest: AddGuest, folder: Path) -> None:
    by_passport = add_guest("Rahmonov", given_name="Jamshed", passport_no="A1234567")
    by_reference = add_guest("Smith", given_name="Anna", external_ref="REG-0042")
    by_email = add_guest("Dubois", given_name="Claire", email="claire.dubois@lemonde.fr")
    by_email_name = add_guest("Ivanova", given_name="Maria", email="m.ivanova@mid.ru")
    by_name = add_guest("Рахмонова", given_name="Малика")
    by_name_reversed = add_guest("Kozłowski", given_name="Łukasz")
    for name in (
        "a 123-456.7.jpg",  # noise as a scanner or a spreadsheet leaves it
        "reg-0042.PNG",
        "Claire.Dubois@LeMonde.fr.jpeg",
        "m.ivanova.webp",
        "RAKHMONOVA_Malika.jpg",
        "lukasz-kozlowski.jpg",
    ):
        write_photo(folder, name, fmt="WEBP" if name.endswith(".webp") else "PNG" if ".PNG" in name else "JPEG")

    plan = plan_for(store, folder)

    assert matched(plan) == {
        "a 123-456.7.jpg": (by_passport, "passport"),
        "reg-0042.PNG": (by_reference, "reference"),
        "Claire.Dubois@LeMonde.fr.jpeg": (by_email, "e-mail"),
        "m.ivanova.webp": (by_email_name, "e-mail name"),
        "RAKHMONOVA_Malika.jpg": (by_name, "name"),
        "lukasz-kozlowski.jpg": (by_name_reversed, "name"),
    }
    assert plan.unmatched == ()
    assert {match.name for match in plan.matched} >= {"Малика Рахмонова", "Łukasz Kozłowski"}


def test_a_name_two_guests_share_is_ambiguous_and_says_who(
    store: EventStore, add_guest: AddGuest, folder: Path
) -> None:
    first = add_guest("Smith", given_name="Anna", organisation="UNDP")
    second = add_guest("Smith", given_name="Anna", organisation="UNICEF", passport_no="X9999999")
    write_photo(folder, "anna smith.jpg")
    write_photo(folder, "X9999999.jpg")

    plan = plan_for(store, folder)

    assert matched(plan) == {"X9999999.jpg": (second, "passport")}
    assert unmatched(plan) == {"anna smith.jpg": f"its name fits 2 guests ({first} Anna Smith, {second} Anna Smith)"}


def test_an_email_name_several_guests_share_is_not_used(store: EventStore, add_guest: AddGuest, folder: Path) -> None:
    add_guest("Karimov", email="info@mfa.tj")
    add_guest("Nazarov", email="info@mid.ru")
    info = add_guest("Info")  # a one-name guest: the name decides, not the shared e-mail name
    write_photo(folder, "info.jpg")
    write_photo(folder, "INFO@mfa.tj.jpg")

    plan = plan_for(store, folder)

    assert matched(plan)["info.jpg"] == (info, "name")
    assert matched(plan)["INFO@mfa.tj.jpg"][1] == "e-mail"


def test_files_that_fit_nobody_or_are_not_photos_are_explained(
    store: EventStore, add_guest: AddGuest, folder: Path
) -> None:
    add_guest("Smith", given_name="Anna")
    write_photo(folder, "John Doe.jpg")
    (folder / "IMG_0001.HEIC").write_bytes(b"\x00\x00\x00\x18ftypheic")
    (folder / "list.xlsx").write_bytes(b"PK\x03\x04")
    (folder / ".DS_Store").write_bytes(b"\x00")
    (folder / "._Anna Smith.jpg").write_bytes(b"\x00")  # macOS resource fork
    (folder / "Thumbs.db").write_bytes(b"\x00")
    (folder / "subfolder").mkdir()
    write_photo(folder / "subfolder", "Anna Smith.jpg")

    plan = plan_for(store, folder)

    assert plan.matched == ()
    assert unmatched(plan) == {
        "IMG_0001.HEIC": "HEIC photos cannot be read here; export them as JPEG (most phones and Photos apps can)",
        "John Doe.jpg": "it matches no guest's passport number, reference, e-mail or name",
        "list.xlsx": "not a photo file (JPEG, PNG, WebP, AVIF, TIFF or BMP)",
    }


def test_two_files_for_one_guest_keep_the_stronger_match(store: EventStore, add_guest: AddGuest, folder: Path) -> None:
    anna = add_guest("Smith", given_name="Anna", passport_no="P7654321")
    write_photo(folder, "Anna Smith.jpg")
    write_photo(folder, "P7654321.jpg")

    plan = plan_for(store, folder)

    assert matched(plan) == {"P7654321.jpg": (anna, "passport")}
    assert unmatched(plan) == {"Anna Smith.jpg": f"P7654321.jpg is the photo of Anna Smith (guest {anna}) already"}


def test_guests_without_photo_are_the_approved_then_pending_ones_the_folder_does_not_cover(
    store: EventStore, add_guest_with_status: AddStatus, folder: Path
) -> None:
    pending = add_guest_with_status("pending", "Pending")
    approved = add_guest_with_status("approved", "Approved")
    add_guest_with_status("rejected", "Rejected")
    add_guest_with_status("revoked", "Revoked")
    covered = add_guest_with_status("approved", "Covered")
    with_photo = add_guest_with_status("approved", "Pictured")
    with store.begin() as connection:
        guests.set_photo(connection, with_photo, encode(portrait()), ORGANISER)
    write_photo(folder, "covered.jpg")

    plan = plan_for(store, folder)

    assert matched(plan) == {"covered.jpg": (covered, "name")}
    assert [(guest.guest_id, guest.status) for guest in plan.guests_without_photo] == [
        (approved, "approved"),
        (pending, "pending"),
    ]


def test_a_missing_folder_is_an_unreadable_input(store: EventStore, tmp_path: Path) -> None:
    with pytest.raises(Exception, match="There is no folder at"):
        plan_for(store, tmp_path / "nowhere")


# -- storing a plan -------------------------------------------------------------------------------------


def stored_photo(store: EventStore, guest_id: int) -> bytes | None:
    with store.connect() as connection:
        return guests.photo(connection, guest_id)


def apply(store: EventStore, folder: Path, **options: bool) -> dict:
    plan = plan_for(store, folder)
    with store.begin() as connection:
        return apply_photo_plan(connection, plan, ORGANISER, **options).to_json()


def names(entries: list[dict]) -> list[str]:
    return [entry["file"] for entry in entries]


@pytest.fixture
def mixed_folder(store: EventStore, add_guest_with_status: AddStatus, folder: Path) -> dict[str, int]:
    """Two good photos, one too small, one damaged, one for nobody; and a guest the folder does not cover."""
    ids = {
        name: add_guest_with_status("approved", name) for name in ("Alpha", "Bravo", "Charlie", "Delta", "Uncovered")
    }
    write_photo(folder, "alpha.jpg")
    write_photo(folder, "bravo.png", size=(1000, 1000), fmt="PNG")
    write_photo(folder, "charlie.jpg", size=(200, 260))
    (folder / "delta.jpg").write_bytes(encode(portrait())[:2000])
    write_photo(folder, "zulu.jpg")
    return ids


def test_apply_stores_the_good_photos_and_reports_every_file(store: EventStore, mixed_folder: dict[str, int], folder):
    report = apply(store, folder)

    assert names(report["imported"]) == ["alpha.jpg", "bravo.png"]
    assert report["failed"] == [
        {"file": "charlie.jpg", "guest": mixed_folder["Charlie"], "name": "Charlie", "by": "name", "reason": TOO_SMALL},
        {
            "file": "delta.jpg",
            "guest": mixed_folder["Delta"],
            "name": "Delta",
            "by": "name",
            "reason": "The image is damaged and cannot be read.",
        },
    ]
    assert report["unmatched"] == [
        {"file": "zulu.jpg", "reason": "it matches no guest's passport number, reference, e-mail or name"}
    ]
    assert [guest["name"] for guest in report["guests_without_photo"]] == ["Charlie", "Delta", "Uncovered"]
    assert (report["skipped"], report["written"], report["stopped"]) == ([], True, False)
    assert decoded(stored_photo(store, mixed_folder["Bravo"]) or b"").size == (756, 756)
    assert stored_photo(store, mixed_folder["Charlie"]) is None
    with store.connect() as connection:
        entries = [entry for entry in audit.history(connection) if entry.action == "guest.photo_set"]
    assert sorted(entry.guest_id for entry in entries) == [mixed_folder["Alpha"], mixed_folder["Bravo"]]


def test_importing_a_folder_twice_changes_nothing(store: EventStore, mixed_folder: dict[str, int], folder) -> None:
    apply(store, folder)
    first = stored_photo(store, mixed_folder["Alpha"])

    again = apply(store, folder)
    replaced = apply(store, folder, replace_existing=True)

    assert again["imported"] == []
    assert [(entry["file"], entry["reason"]) for entry in again["skipped"]] == [
        ("alpha.jpg", "already has a photo"),
        ("bravo.png", "already has a photo"),
    ]
    assert replaced["imported"] == []
    assert {entry["reason"] for entry in replaced["skipped"]} == {"has this photo already"}
    assert stored_photo(store, mixed_folder["Alpha"]) == first
    with store.connect() as connection:
        assert sum(entry.action == "guest.photo_set" for entry in audit.history(connection)) == 2


def test_a_guest_with_a_photo_keeps_it_unless_replace(store: EventStore, add_guest: AddGuest, folder: Path) -> None:
    guest_id = add_guest("Alpha")
    old = normalise_photo(encode(portrait((400, 500))))
    with store.begin() as connection:
        guests.set_photo(connection, guest_id, old, ORGANISER)
    write_photo(folder, "alpha.jpg")

    kept = apply(store, folder)
    assert stored_photo(store, guest_id) == old
    replaced = apply(store, folder, replace_existing=True)

    assert (names(kept["imported"]), names(kept["skipped"])) == ([], ["alpha.jpg"])
    assert names(replaced["imported"]) == ["alpha.jpg"]
    assert decoded(stored_photo(store, guest_id) or b"").size == (500, 650)


def test_dry_run_checks_every_file_and_writes_nothing(store: EventStore, mixed_folder: dict[str, int], folder) -> None:
    plan = plan_for(store, folder)

    report = import_photos(store, plan, ORGANISER, dry_run=True)

    assert (len(report.imported), len(report.failed), report.written) == (2, 1 + 1, False)
    assert [guest.name for guest in report.guests_without_photo] == ["Charlie", "Delta", "Uncovered"]
    assert all(stored_photo(store, guest_id) is None for guest_id in mixed_folder.values())
    assert report.summary() == (
        "Would import 2 photos, 2 refused, 1 file not matched. 3 approved or pending guests still have no photo."
    )


def test_import_reports_progress_and_stops_when_asked(store: EventStore, mixed_folder: dict[str, int], folder) -> None:
    plan = plan_for(store, folder)
    seen: list[tuple[int, int]] = []

    report = import_photos(
        store, plan, ORGANISER, progress=lambda *done: seen.append(done), stop=lambda: len(seen) == 2
    )

    assert seen == [(1, 4), (2, 4)]
    assert report.stopped
    assert names([match.to_json() for match in report.imported]) == ["alpha.jpg", "bravo.png"]
    assert [outcome.reason for outcome in report.skipped] == ["the import was stopped before this file"] * 2
    assert report.summary().startswith("Stopped before the end. Imported 2 photos, 2 skipped")


def test_prepare_leaves_out_guests_who_keep_their_photo(store: EventStore, add_guest: AddGuest, folder: Path) -> None:
    guest_id = add_guest("Alpha")
    with store.begin() as connection:
        guests.set_photo(connection, guest_id, encode(portrait()), ORGANISER)
    write_photo(folder, "alpha.jpg")
    plan = plan_for(store, folder)

    assert prepare_photos(plan).photos == {}
    assert list(prepare_photos(plan, replace_existing=True).photos) == [folder / "alpha.jpg"]


# -- the command line -----------------------------------------------------------------------------------


def run_cli(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str]:
    """`accreditor photos …` through its own parser (the group is registered with the others in accreditor.cli)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--user", default=ORGANISER)
    photos_cli.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["photos", *map(str, argv)])
    code = args.run(args)
    return code, capsys.readouterr().out


def test_cli_json_contract_and_exit_status(capsys, store: EventStore, mixed_folder: dict[str, int], folder):
    code, out = run_cli(capsys, store.location, folder, "--json")

    report = json.loads(out)
    assert code == 1  # two matched photos could not be stored
    assert report.keys() == {
        "folder",
        "imported",
        "skipped",
        "failed",
        "unmatched",
        "guests_without_photo",
        "written",
        "stopped",
    }
    assert names(report["imported"]) == ["alpha.jpg", "bravo.png"]
    assert report["imported"][0] == {"file": "alpha.jpg", "guest": mixed_folder["Alpha"], "name": "Alpha", "by": "name"}


def test_cli_text_dry_run_and_replace(capsys, store: EventStore, add_guest: AddGuest, folder: Path) -> None:
    guest_id = add_guest("Alpha", passport_no="A1234567")
    write_photo(folder, "A1234567.jpg")

    dry_code, dry = run_cli(capsys, store.location, folder, "--dry-run")
    assert stored_photo(store, guest_id) is None
    code, out = run_cli(capsys, store.location, folder)
    again_code, again = run_cli(capsys, store.location, folder)

    assert (dry_code, code, again_code) == (0, 0, 0)
    assert dry.splitlines()[-1] == "Would import 1 photo. Every approved or pending guest has a photo."
    assert out.splitlines()[-1] == "Imported 1 photo. Every approved or pending guest has a photo."
    assert "A1234567.jpg skipped, Alpha already has a photo" in again
    assert again.splitlines()[-1] == "Guests who had a photo kept it; --replace replaces it."
