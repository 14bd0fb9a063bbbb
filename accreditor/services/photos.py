"""Guests' photos as the organiser's dialogs handle them: match a folder, load one guest's, save a framed one."""

from dataclasses import dataclass
from pathlib import Path

from accreditor import guests as guest_store
from accreditor.changes import Changes, Topic
from accreditor.guests import Guest
from accreditor.photo_import import PhotoImportReport, PhotoMatchPlan, match_folder
from accreditor.store import EventStore


def match_photo_folder(store: EventStore, folder: Path) -> PhotoMatchPlan:
    """Pair a folder's files with the event's guests (nothing is written)."""
    with store.connect() as connection:
        return match_folder(connection, folder)


def import_changes(report: PhotoImportReport) -> Changes:
    """What a photo import changed: the photos of the guests it wrote."""
    if not report.written or not report.imported:
        return Changes()
    return Changes.of(Topic.PHOTOS, guests=[match.guest_id for match in report.imported])


@dataclass(frozen=True, slots=True)
class GuestPhoto:
    guest: Guest
    photo: bytes | None


def guest_photo(store: EventStore, guest_id: int) -> GuestPhoto:
    """A guest and their stored photo (None without one); NotFoundError for an unknown guest."""
    with store.connect() as connection:
        guest = guest_store.get_guest(connection, guest_id)
        return GuestPhoto(guest, guest_store.photo(connection, guest_id) if guest.has_photo else None)


def save_photo(store: EventStore, guest_id: int, image: bytes, actor: str) -> Changes:
    """Store a guest's (already framed) photo, audited; the change the views refresh from."""
    with store.begin() as connection:
        guest_store.set_photo(connection, guest_id, image, actor)
    return Changes.of(Topic.PHOTOS, guests=[guest_id])
