"""The organiser's edits of an event's categories and zones: one transaction each, and what they changed.

A category decides the default zones of every guest who has it, so every edit here reports
`Changes.of(Topic.CATEGORIES)`: the session then re-reads every guest's zones.  Saving a
category also lists the printed badges of its guests that no longer say what they may do.
"""

from dataclasses import dataclass, field

from sqlalchemy import select

from accreditor import bulk, categories, schema
from accreditor.bulk import ReprintNeed
from accreditor.categories import Category, Zone
from accreditor.changes import Changes, Topic
from accreditor.store import EventStore

CHANGED = Changes.of(Topic.CATEGORIES)


@dataclass(frozen=True, slots=True)
class EventCategories:
    categories: list[Category]
    zones: list[Zone]


@dataclass(frozen=True, slots=True)
class CategoryEdit:
    """An edit made: the badges it outdated (saving a category), and the change every view hears of."""

    reprint_needs: list[ReprintNeed] = field(default_factory=list)
    changes: Changes = CHANGED


def read(store: EventStore) -> EventCategories:
    with store.connect() as connection:
        return EventCategories(categories.list_categories(connection), categories.list_zones(connection))


def save_category(store: EventStore, category: Category, actor: str, *, new: bool = False) -> CategoryEdit:
    """Add (`new`: a code in use is refused) or change a category; lists its guests' badges now out of date."""
    guests = schema.guests
    with store.begin() as connection:
        categories.save_category(connection, category, actor=actor, new=new)
        code = category.code.strip().upper()
        holders = connection.execute(select(guests.c.id).where(guests.c.category_code == code)).scalars().all()
        return CategoryEdit(bulk.badges_needing_reprint(connection, holders))


def delete_category(store: EventStore, code: str, actor: str) -> CategoryEdit:
    with store.begin() as connection:
        categories.delete_category(connection, code, actor)
    return CategoryEdit()


def save_zone(store: EventStore, zone: Zone, actor: str, *, new: bool = False) -> CategoryEdit:
    """Add (`new`: a code in use is refused) or rename a zone."""
    with store.begin() as connection:
        categories.save_zone(connection, zone, actor=actor, new=new)
    return CategoryEdit()


def delete_zone(store: EventStore, code: str, actor: str) -> CategoryEdit:
    with store.begin() as connection:
        categories.delete_zone(connection, code, actor)
    return CategoryEdit()
