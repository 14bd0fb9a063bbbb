"""Guest photos brought into the event: checked, turned upright, sized for print, matched to guests.

Registration rarely delivers photos with the list: a delegation sends a folder of files named after
passport numbers, a ministry after e-mail addresses, a photographer after names.  `match_folder`
pairs each file with a guest by whatever its name says (passport number, reference, e-mail, name)
and explains every file it cannot pair; `apply_photo_plan` stores the matched photos, collecting
per-file failures without stopping the batch.

Every photo stored goes through `normalise_photo` (or `crop_photo`), so the event file only holds
upright RGB JPEGs that are big enough to print a badge at 300 dpi and no bigger than twice that: a
camera photo of several megabytes becomes 100–200 KB.  Decoding reuses the badge renderer's guards
(`accreditor.badges.photos`): images claiming more than `MAX_PHOTO_PIXELS` are refused before their
pixels are decoded, and only the photo formats below are opened at all (Pillow also reads formats
such as EPS that hand the file to external programs).
"""

import io
import math
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from PIL import ExifTags, Image, ImageOps, features
from sqlalchemy import Connection, select

from accreditor import guests as guest_store
from accreditor import schema
from accreditor.badges import photos as badge_photos
from accreditor.badges.photos import PRINT_DPI
from accreditor.errors import AccreditorError, ImportFileError
from accreditor.guests import Guest
from accreditor.roles import Permission, require
from accreditor.store import EventStore
from accreditor.text import clean, name_key
from accreditor.validation import _check_passport  # the importer's rule, so a file name matches the stored number

FRAME_MM = (25.0, 32.0)
"""The badge photo frame a stored photo must fill at print resolution.

The shipped layouts' frames are 20×25 to 34×43 mm, all close to 25:32 (0.78–0.80), so a photo cropped
to 25:32 loses at most 2 % more to the renderer's own crop to its frame.
"""
MM_PER_INCH = 25.4
MIN_WIDTH_PX = round(FRAME_MM[0] / MM_PER_INCH * PRINT_DPI)  # 295
MIN_HEIGHT_PX = round(FRAME_MM[1] / MM_PER_INCH * PRINT_DPI)  # 378
STORED_SCALE = 2
"""Stored photos keep twice the print resolution of the frame: room to crop closer, and sharp on any layout."""
STORED_QUALITY = 88
"""JPEG quality of stored photos; the renderer re-encodes for print, so this one must not lose much."""
PHOTO_FORMATS = ("JPEG", "PNG", "WEBP", "AVIF", "TIFF", "BMP")
"""What cameras, phones and scanners produce (JPEG includes MPO, a phone's multi-picture JPEG); nothing else is
opened."""
READABLE_FORMATS = "JPEG, PNG, WebP, AVIF, TIFF or BMP"


class PhotoError(AccreditorError):
    """A photo that cannot be stored: unreadable, too small for print, or too large to open safely."""


# -- one photo ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PhotoPreview:
    """An upright, screen-sized JPEG of a photo and the size of the upright original (to crop it in)."""

    jpeg: bytes
    width_px: int
    height_px: int


def normalise_photo(data: bytes, *, min_width_px: int = MIN_WIDTH_PX, min_height_px: int = MIN_HEIGHT_PX) -> bytes:
    """The photo as the event stores it (upright RGB JPEG, at most twice print size), or PhotoError saying why not."""
    return crop_photo(data, (0.0, 0.0, 1.0, 1.0), min_width_px=min_width_px, min_height_px=min_height_px)


def crop_photo(
    data: bytes,
    box: tuple[float, float, float, float],
    *,
    min_width_px: int = MIN_WIDTH_PX,
    min_height_px: int = MIN_HEIGHT_PX,
) -> bytes:
    """Crop the upright photo to `box` (left, top, right, bottom, 0..1 of its width and height), then normalise.

    The box is relative so that a view can crop on a screen-sized preview; the pixels cut are the
    original's, so a face cut from a group photo keeps all the resolution the camera gave it.
    """
    left, top, right, bottom = (min(max(value, 0.0), 1.0) for value in box)
    if right <= left or bottom <= top:
        raise PhotoError("The crop is empty; draw a frame around the face.")
    with _decoding():
        image = _open(data)
        width, height = _upright_size(image)
        pixels = (round(left * width), round(top * height), round(right * width), round(bottom * height))
        crop_w, crop_h = pixels[2] - pixels[0], pixels[3] - pixels[1]
        what = "photo" if (crop_w, crop_h) == (width, height) else "crop"
        problem = print_size_problem(crop_w, crop_h, what=what, min_width_px=min_width_px, min_height_px=min_height_px)
        if problem:
            raise PhotoError(problem)
        scale = min(1.0, STORED_SCALE * max(min_width_px / crop_w, min_height_px / crop_h))
        image = _load_upright(image, scale)
        # draft() may have decoded at 1/2, 1/4 or 1/8 of the size: crop in the pixels actually decoded.
        x_factor, y_factor = image.width / width, image.height / height
        image = image.crop(
            (
                round(pixels[0] * x_factor),
                round(pixels[1] * y_factor),
                round(pixels[2] * x_factor),
                round(pixels[3] * y_factor),
            )
        )
        wanted = (max(1, round(crop_w * scale)), max(1, round(crop_h * scale)))
        if image.size != wanted:
            image = image.resize(wanted, Image.Resampling.LANCZOS, reducing_gap=3.0)
        return _jpeg(image, STORED_QUALITY)


def photo_preview(data: bytes, *, max_side: int = 1200) -> PhotoPreview:
    """A JPEG of the upright photo no longer than `max_side` on either side, for a screen to show and crop on."""
    with _decoding():
        image = _open(data)
        width, height = _upright_size(image)
        scale = min(1.0, max_side / max(width, height))
        image = _load_upright(image, scale)
        wanted = (max(1, round(width * scale)), max(1, round(height * scale)))
        if image.size != wanted:
            image = image.resize(wanted, Image.Resampling.BILINEAR, reducing_gap=2.0)
        return PhotoPreview(_jpeg(image, 90), width, height)


def initial_crop(width_px: int, height_px: int) -> tuple[float, float, float, float]:
    """Where to frame a photo at first: the largest box of the frame's proportions, as the renderer would crop it
    (centred across, nearer the top than the bottom, where faces are), relative to the photo's size."""
    aspect = FRAME_MM[0] / FRAME_MM[1]
    left, top, right, bottom = badge_photos._crop_box(width_px, height_px, aspect)  # the renderer's own rule
    return (left / width_px, top / height_px, right / width_px, bottom / height_px)


def print_size_problem(
    width_px: int,
    height_px: int,
    *,
    what: str = "photo",
    min_width_px: int = MIN_WIDTH_PX,
    min_height_px: int = MIN_HEIGHT_PX,
) -> str | None:
    """The sentence refusing a photo (or crop) of this size, or None when it is big enough for the badge frame."""
    if width_px >= min_width_px and height_px >= min_height_px:
        return None
    frame_w, frame_h = (round(size / PRINT_DPI * MM_PER_INCH) for size in (min_width_px, min_height_px))
    return (
        f"The {what} is {width_px}×{height_px} pixels; a badge needs at least {min_width_px}×{min_height_px} "
        f"({frame_w}×{frame_h} mm at {PRINT_DPI} dpi)."
    )


@contextmanager
def _decoding() -> Iterator[None]:
    """Turn every way a decoder fails on hostile or damaged input into one PhotoError sentence."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            yield
    except AccreditorError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise PhotoError("The image is too large to open safely.") from error
    except Image.UnidentifiedImageError as error:
        raise PhotoError(f"The file is not a photo Accreditor can read ({READABLE_FORMATS}).") from error
    except Exception as error:  # decoders fail on damaged files in many ways (OSError, ValueError, SyntaxError…)
        raise PhotoError("The image is damaged and cannot be read.") from error


def _open(data: bytes) -> Image.Image:
    """Open (not yet decode) a photo, refusing what claims more pixels than any camera photo needs."""
    image = Image.open(io.BytesIO(data), formats=PHOTO_FORMATS)
    width, height = image.size
    limit = badge_photos.MAX_PHOTO_PIXELS  # looked up now, so a test can lower it
    if width * height > limit:
        raise PhotoError(
            f"The photo is {width}×{height} pixels ({width * height / 1e6:.0f} megapixels); "
            f"Accreditor opens photos of up to {limit / 1e6:.0f} megapixels."
        )
    return image


def _upright_size(image: Image.Image) -> tuple[int, int]:
    """Width and height once the EXIF orientation is applied (orientations 5–8 turn the picture a quarter)."""
    turned = image.getexif().get(ExifTags.Base.Orientation, 1) in (5, 6, 7, 8)
    return (image.height, image.width) if turned else image.size


def _load_upright(image: Image.Image, scale: float) -> Image.Image:
    """Decode upright RGB on white; a JPEG decoder may skip pixels as long as `scale` of them are kept.

    Most of the cost of a camera photo is decoding pixels that are then thrown away: `draft` lets the
    decoder scale by 1/2, 1/4 or 1/8 while decoding (a no-op for other formats).
    """
    if scale < 1.0:
        image.draft("RGB", (math.ceil(image.width * scale), math.ceil(image.height * scale)))
    image = ImageOps.exif_transpose(image)
    return badge_photos._flatten(image)  # the renderer's rule: transparent areas print white


def _jpeg(image: Image.Image, quality: int) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=True)
    return out.getvalue()


@cache
def photo_extensions() -> frozenset[str]:
    """File name endings of the photo formats this Pillow can read (".jpg", ".png", ".webp"…)."""
    Image.init()
    readable = {fmt for fmt in (*PHOTO_FORMATS, "MPO") if fmt not in ("WEBP", "AVIF") or features.check(fmt.lower())}
    return frozenset(ext for ext, fmt in Image.registered_extensions().items() if fmt in readable)


# -- a folder of photos ------------------------------------------------------------------------------

# The keys a file name is tried against, strongest first; the first that fits exactly one guest decides.
BY_PASSPORT = "passport"
BY_REFERENCE = "reference"
BY_EMAIL = "e-mail"
BY_EMAIL_NAME = "e-mail name"  # the part before the @, used only where a single guest has it
BY_NAME = "name"
MATCH_KEYS = (BY_PASSPORT, BY_REFERENCE, BY_EMAIL, BY_EMAIL_NAME, BY_NAME)
_KEY_WORDS = {
    BY_PASSPORT: "passport number",
    BY_REFERENCE: "reference",
    BY_EMAIL: "e-mail address",
    BY_EMAIL_NAME: "e-mail name",
    BY_NAME: "name",
}
NEEDS_PHOTO = ("approved", "pending")
"""The statuses whose guests will need a badge, so a missing photo is worth listing."""
_SYSTEM_FILES = frozenset({"thumbs.db", "desktop.ini"})


@dataclass(frozen=True, slots=True)
class PhotoMatch:
    """A file and the guest it was matched to, by which key; `had_photo` as the guest was when matched."""

    file: Path
    guest_id: int
    name: str
    by: str
    had_photo: bool

    def to_json(self) -> dict[str, Any]:
        return {"file": self.file.name, "guest": self.guest_id, "name": self.name, "by": self.by}


@dataclass(frozen=True, slots=True)
class UnmatchedFile:
    file: Path
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {"file": self.file.name, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class GuestWithoutPhoto:
    guest_id: int
    name: str
    status: str

    def to_json(self) -> dict[str, Any]:
        return {"guest": self.guest_id, "name": self.name, "status": self.status}


@dataclass(frozen=True, slots=True)
class PhotoMatchPlan:
    """What a folder holds for the event: files matched to guests, files that fit nobody (and why), and the
    approved or pending guests who would still have no photo after the import."""

    folder: Path
    matched: tuple[PhotoMatch, ...]
    unmatched: tuple[UnmatchedFile, ...]
    guests_without_photo: tuple[GuestWithoutPhoto, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "folder": str(self.folder),
            "matched": [match.to_json() | {"has_photo": match.had_photo} for match in self.matched],
            "unmatched": [file.to_json() for file in self.unmatched],
            "guests_without_photo": [guest.to_json() for guest in self.guests_without_photo],
        }


def passport_key(text: str) -> str:
    """A passport number as the importer stores it: upper case, without spaces, dots or dashes."""
    number, _problem = _check_passport(clean(text))
    return number


def _text_key(text: str) -> str:
    return clean(text).casefold()


def _guest_keys(guest: Guest) -> Iterator[tuple[str, str]]:
    fields = guest.fields
    yield BY_PASSPORT, passport_key(fields.passport_no)
    yield BY_REFERENCE, _text_key(fields.external_ref)
    email = _text_key(fields.email)
    yield BY_EMAIL, email
    yield BY_EMAIL_NAME, email.partition("@")[0] if "@" in email else ""
    yield BY_NAME, name_key(fields.family_name, fields.given_name)
    yield BY_NAME, name_key(fields.family_name_latin, fields.given_name_latin)


def _file_keys(stem: str) -> dict[str, str]:
    text = _text_key(stem)
    return {
        BY_PASSPORT: passport_key(stem),
        BY_REFERENCE: text,
        BY_EMAIL: text,
        BY_EMAIL_NAME: text,
        BY_NAME: name_key(stem),  # fold() reads _ - . as spaces, and the key ignores the order of the words
    }


class _GuestIndex:
    """Every guest by each key, so a folder of 400 files is matched against 10,000 guests in one pass."""

    def __init__(self, guests: Sequence[Guest]) -> None:
        self.names = {guest.id: guest.full_name for guest in guests}
        self.ids: dict[str, dict[str, list[int]]] = {by: {} for by in MATCH_KEYS}
        for guest in guests:
            for by, key in _guest_keys(guest):
                holders = self.ids[by].setdefault(key, []) if key else []
                if key and guest.id not in holders:
                    holders.append(guest.id)

    def match(self, stem: str) -> tuple[int, str] | str:
        """(guest id, key) for the first key that fits exactly one guest, else why the file fits nobody.

        A key that fits several guests decides nothing (two guests named Anna Smith, a shared
        info@ address); a later key may still single one out, and if none does that is the reason given.
        """
        ambiguous = ""
        for by, key in _file_keys(stem).items():
            holders = self.ids[by].get(key, []) if key else []
            if len(holders) == 1:
                return holders[0], by
            if holders and not ambiguous:
                ambiguous = f"its {_KEY_WORDS[by]} fits {len(holders)} guests ({self._list(holders)})"
        return ambiguous or "it matches no guest's passport number, reference, e-mail or name"

    def _list(self, guest_ids: Sequence[int], shown: int = 4) -> str:
        listed = ", ".join(f"{guest_id} {self.names[guest_id]}" for guest_id in guest_ids[:shown])
        return listed + (f" and {len(guest_ids) - shown} more" if len(guest_ids) > shown else "")


def _photo_files(folder: Path) -> list[Path]:
    """The files directly in the folder (not its subfolders), without hidden and system files, by name."""
    try:
        entries = [path for path in folder.iterdir() if path.is_file()]
    except OSError as error:
        raise ImportFileError(f"The folder {folder} cannot be read ({error.strerror or error}).") from error
    wanted = [path for path in entries if not path.name.startswith(".") and path.name.lower() not in _SYSTEM_FILES]
    return sorted(wanted, key=lambda path: (path.name.casefold(), path.name))


def _not_a_photo(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in photo_extensions():
        return None
    if suffix in (".heic", ".heif"):
        return "HEIC photos cannot be read here; export them as JPEG (most phones and Photos apps can)"
    return f"not a photo file ({READABLE_FORMATS})"


def _without_photo(guests: Sequence[Guest], covered: set[int]) -> tuple[GuestWithoutPhoto, ...]:
    """Approved, then pending, guests who have no photo and get none from `covered`."""
    missing = [guest for guest in guests if guest.status in NEEDS_PHOTO and not guest.has_photo]
    missing = [guest for guest in missing if guest.id not in covered]
    missing.sort(key=lambda guest: (NEEDS_PHOTO.index(guest.status), guest.id))
    return tuple(GuestWithoutPhoto(guest.id, guest.full_name, guest.status) for guest in missing)


def match_folder(connection: Connection, folder: Path) -> PhotoMatchPlan:
    """Pair each file in `folder` with a guest by its name (without the extension); explain every file left over.

    A file is tried as a passport number (as the importer normalises them), a reference (any case), an
    e-mail address, the part of an address before the @ (only where one guest has it), then a name in
    either order and any script or spelling ("RAHMONOV_Jamshed", "jamshed-rahmonov", "Раҳмонов Ҷамшед").
    When several files fit one guest, the one matched by the strongest key (then the first by name) is kept.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise ImportFileError(f"There is no folder at {folder}.")
    guests = guest_store.list_guests(connection)
    index = _GuestIndex(guests)
    had_photo = {guest.id for guest in guests if guest.has_photo}
    unmatched: list[UnmatchedFile] = []
    candidates: list[PhotoMatch] = []
    for path in _photo_files(folder):
        problem = _not_a_photo(path)
        found = problem or index.match(path.stem)
        if isinstance(found, str):
            unmatched.append(UnmatchedFile(path, found))
            continue
        guest_id, by = found
        candidates.append(PhotoMatch(path, guest_id, index.names[guest_id], by, guest_id in had_photo))
    kept: dict[int, PhotoMatch] = {}
    for match in sorted(candidates, key=lambda match: MATCH_KEYS.index(match.by)):  # stable: file order in a key
        first = kept.setdefault(match.guest_id, match)
        if first is not match:
            reason = f"{first.file.name} is the photo of {match.name} (guest {match.guest_id}) already"
            unmatched.append(UnmatchedFile(match.file, reason))
    matched = tuple(match for match in candidates if kept[match.guest_id] is match)
    unmatched.sort(key=lambda file: (file.file.name.casefold(), file.file.name))
    return PhotoMatchPlan(folder, matched, tuple(unmatched), _without_photo(guests, set(kept)))


# -- storing the photos of a plan ----------------------------------------------------------------------

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class PreparedPhotos:
    """The stored form of each matched file (bytes) or why it cannot be stored (a sentence).

    `stopped` when the user stopped the import before every file was read.
    """

    photos: Mapping[Path, bytes | str]
    stopped: bool = False


@dataclass(frozen=True, slots=True)
class PhotoOutcome:
    """A matched file that was not stored, and why."""

    match: PhotoMatch
    reason: str

    def to_json(self) -> dict[str, Any]:
        return self.match.to_json() | {"reason": self.reason}


@dataclass(frozen=True, slots=True)
class PhotoImportReport:
    """What an import did (or, when not `written`, would do) with each file of the folder."""

    folder: Path
    imported: tuple[PhotoMatch, ...]
    skipped: tuple[PhotoOutcome, ...]
    failed: tuple[PhotoOutcome, ...]
    unmatched: tuple[UnmatchedFile, ...]
    guests_without_photo: tuple[GuestWithoutPhoto, ...]
    written: bool
    stopped: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "folder": str(self.folder),
            "imported": [match.to_json() for match in self.imported],
            "skipped": [outcome.to_json() for outcome in self.skipped],
            "failed": [outcome.to_json() for outcome in self.failed],
            "unmatched": [file.to_json() for file in self.unmatched],
            "guests_without_photo": [guest.to_json() for guest in self.guests_without_photo],
            "written": self.written,
            "stopped": self.stopped,
        }

    def summary(self) -> str:
        """The report in one or two sentences, for the command line and the dialog alike."""
        verb = "Imported" if self.written else "Would import"
        parts = [f"{verb} {_count(len(self.imported), 'photo')}"]
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped")
        if self.failed:
            parts.append(f"{len(self.failed)} refused")
        if self.unmatched:
            parts.append(f"{_count(len(self.unmatched), 'file')} not matched")
        text = ", ".join(parts) + "."
        if self.stopped:
            text = "Stopped before the end. " + text
        missing = len(self.guests_without_photo)
        if missing:
            have = "has" if missing == 1 else "have"
            text += f" {_count(missing, 'approved or pending guest')} still {have} no photo."
        else:
            text += " Every approved or pending guest has a photo."
        return text


def _count(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _read_photo(path: Path) -> bytes | str:
    try:
        return normalise_photo(path.read_bytes())
    except OSError as error:
        return f"The file cannot be read ({error.strerror or error})."
    except PhotoError as error:
        return str(error)


def prepare_photos(
    plan: PhotoMatchPlan,
    *,
    replace_existing: bool = False,
    progress: Progress | None = None,
    stop: Callable[[], bool] | None = None,
) -> PreparedPhotos:
    """Read and normalise the files an import will store: the slow part, done without the database.

    Kept apart from `apply_photo_plan` so that a caller can do this outside its write transaction,
    which then holds the event's write lock (other desks wait) only for the writes.
    """
    todo = [match for match in plan.matched if replace_existing or not match.had_photo]
    photos: dict[Path, bytes | str] = {}
    for done, match in enumerate(todo):
        if stop is not None and stop():
            return PreparedPhotos(photos, stopped=True)
        photos[match.file] = _read_photo(match.file)
        if progress is not None:
            progress(done + 1, len(todo))
    return PreparedPhotos(photos)


def apply_photo_plan(
    connection: Connection,
    plan: PhotoMatchPlan,
    actor: str,
    *,
    replace_existing: bool = False,
    prepared: PreparedPhotos | None = None,
    dry_run: bool = False,
) -> PhotoImportReport:
    """Store each matched photo (normalised) for its guest, in the caller's transaction; nothing when `dry_run`.

    A guest who has a photo now keeps it unless `replace_existing` (and is left alone when it is the
    same photo, so importing a folder twice changes nothing).  A file that cannot be stored (too small
    for print, unreadable) is reported and the others are stored.  `prepared` is what
    `prepare_photos` made of the files; without it they are read here.
    """
    if prepared is None:
        prepared = prepare_photos(plan, replace_existing=replace_existing)
    with_photo = _guests_with_photo(connection, [match.guest_id for match in plan.matched])
    imported: list[PhotoMatch] = []
    skipped: list[PhotoOutcome] = []
    failed: list[PhotoOutcome] = []
    for match in plan.matched:
        has_photo = match.guest_id in with_photo
        if has_photo and not replace_existing:
            skipped.append(PhotoOutcome(match, "already has a photo"))
            continue
        if match.file not in prepared.photos and prepared.stopped:
            skipped.append(PhotoOutcome(match, "the import was stopped before this file"))
            continue
        photo = prepared.photos.get(match.file) or _read_photo(match.file)
        if isinstance(photo, str):
            failed.append(PhotoOutcome(match, photo))
        elif has_photo and guest_store.photo(connection, match.guest_id) == photo:
            skipped.append(PhotoOutcome(match, "has this photo already"))
        else:
            if not dry_run:
                guest_store.set_photo(connection, match.guest_id, photo, actor)
            imported.append(match)
    guests = [guest for status in NEEDS_PHOTO for guest in guest_store.list_guests(connection, status=status)]
    covered = set() if not dry_run else {match.guest_id for match in imported}
    return PhotoImportReport(
        folder=plan.folder,
        imported=tuple(imported),
        skipped=tuple(skipped),
        failed=tuple(failed),
        unmatched=plan.unmatched,
        guests_without_photo=_without_photo(guests, covered),
        written=not dry_run,
        stopped=prepared.stopped,
    )


def import_photos(
    store: EventStore,
    plan: PhotoMatchPlan,
    actor: str,
    *,
    replace_existing: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
    stop: Callable[[], bool] | None = None,
) -> PhotoImportReport:
    """The whole import as the command line and the app run it: read the files first, then write them in one
    short transaction (all the photos of the plan, or none if the database refuses)."""
    require(actor, Permission.PHOTOS)
    prepared = prepare_photos(plan, replace_existing=replace_existing, progress=progress, stop=stop)
    with store.connect() if dry_run else store.begin() as connection:
        return apply_photo_plan(
            connection, plan, actor, replace_existing=replace_existing, prepared=prepared, dry_run=dry_run
        )


def _guests_with_photo(connection: Connection, guest_ids: Sequence[int]) -> set[int]:
    table = schema.guest_photos
    found: set[int] = set()
    ids = list(dict.fromkeys(guest_ids))
    for start in range(0, len(ids), 500):  # stay under every database's limit of bound parameters
        query = select(table.c.guest_id).where(table.c.guest_id.in_(ids[start : start + 500]))
        found.update(connection.execute(query).scalars())
    return found
