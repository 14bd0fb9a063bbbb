"""Accreditation categories and security zones: the standard set and matching typed names."""

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, Table, delete, func, insert, select

from accreditor import audit, schema
from accreditor.errors import AccreditorError, NotFoundError, ValidationError
from accreditor.palette import DEFAULT_PALETTE, Clash, closest_clash
from accreditor.roles import Permission, require
from accreditor.text import label_key

_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")


@dataclass(frozen=True, slots=True)
class Zone:
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class Category:
    code: str
    name: str
    colour: str
    zones: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    photo_required: bool = False
    escort_required: bool = False


STANDARD_ZONES = (
    Zone("PLN", "Plenary hall"),
    Zone("VIP", "VIP lounge"),
    Zone("PRS", "Press centre"),
    Zone("BIL", "Bilateral rooms"),
    Zone("SRV", "Service areas"),
)
_ALL_ZONES = tuple(zone.code for zone in STANDARD_ZONES)

# The categories of an intergovernmental conference, with the names registration offices use
# for them in Russian and French so that lists in those languages import without a mapping.
# Their colours stay distinct for colour-blind eyes (see palette.py); events made before keep theirs.
STANDARD_CATEGORIES = (
    Category(
        "HOD",
        "Head of Delegation",
        DEFAULT_PALETTE["HOD"],
        ("PLN", "VIP", "BIL"),
        ("Глава делегации", "Руководитель делегации", "Chef de délégation", "HoD"),
    ),
    Category(
        "DEL",
        "Delegate",
        DEFAULT_PALETTE["DEL"],
        ("PLN", "BIL"),
        ("Делегат", "Член делегации", "Délégué", "Déléguée", "Delegation member"),
    ),
    Category("OBS", "Observer", DEFAULT_PALETTE["OBS"], ("PLN",), ("Наблюдатель", "Observateur", "Observatrice")),
    Category(
        "VIP",
        "VIP",
        DEFAULT_PALETTE["VIP"],
        ("PLN", "VIP", "BIL"),
        ("ВИП", "Почётный гость", "Почетный гость", "Personnalité", "Distinguished guest"),
        escort_required=True,
    ),
    Category(
        "MED",
        "Media",
        DEFAULT_PALETTE["MED"],
        ("PRS",),
        ("СМИ", "Пресса", "Журналист", "Press", "Presse", "Médias", "Journalist", "Journaliste"),
    ),
    Category(
        "ORG",
        "Organiser",
        DEFAULT_PALETTE["ORG"],
        _ALL_ZONES,
        ("Организатор", "Оргкомитет", "Organisateur", "Organizer"),
    ),
    Category(
        "STF", "Staff", DEFAULT_PALETTE["STF"], ("PLN", "SRV"), ("Персонал", "Сотрудник", "Personnel", "Support staff")
    ),
    Category(
        "SEC",
        "Security",
        DEFAULT_PALETTE["SEC"],
        _ALL_ZONES,
        ("Охрана", "Безопасность", "Служба безопасности", "Sécurité"),
    ),
    Category(
        "INT",
        "Interpreter",
        DEFAULT_PALETTE["INT"],
        ("PLN", "BIL", "SRV"),
        ("Переводчик", "Синхронный переводчик", "Interprète", "Translator", "Traducteur"),
    ),
    Category(
        "TEC",
        "Technical",
        DEFAULT_PALETTE["TEC"],
        ("PLN", "PRS", "SRV"),
        ("Технический персонал", "Техник", "Technique", "Technicien", "Technician", "Tech"),
    ),
)


def install_standard(connection: Connection) -> None:
    """Give a new event the standard zones and categories (the organiser can change them later)."""
    for order, zone in enumerate(STANDARD_ZONES):
        save_zone(connection, zone, sort_order=order, new=True)
    for order, category in enumerate(STANDARD_CATEGORIES):
        save_category(connection, category, sort_order=order, new=True)


def save_zone(
    connection: Connection,
    zone: Zone,
    *,
    sort_order: int | None = None,
    actor: str | None = None,
    new: bool = False,
) -> None:
    """Add or rename a zone; with `actor` (an organiser's edit, not the standard set) it is audited.

    With `new` the zone is being added: a zone of that code already there is refused, not renamed.
    A new zone goes at `sort_order`, by default after the others; an existing one keeps its place.
    """
    if actor is not None:
        require(actor, Permission.CONFIGURE_EVENT)
    code = _check_code(zone.code, "zone")
    _check_name(zone.name, "zone", code)
    table = schema.zones
    if connection.execute(select(table.c.code).where(table.c.code == code)).first():
        if new:
            raise ValidationError(f"The event already has a zone {code}.")
        connection.execute(table.update().where(table.c.code == code).values(name=zone.name))
    else:
        order = _after_last(connection, table) if sort_order is None else sort_order
        connection.execute(insert(table).values(code=code, name=zone.name, sort_order=order))
    if actor is not None:
        audit.record(connection, actor, "zone.saved", code=code, name=zone.name)


def save_category(
    connection: Connection,
    category: Category,
    *,
    sort_order: int | None = None,
    actor: str | None = None,
    new: bool = False,
) -> None:
    """Add or change a category and its default zones; with `actor` (an organiser's edit) it is audited.

    With `new` the category is being added: a category of that code already there is refused, not
    overwritten.  A new category goes at `sort_order`, by default after the others; an existing one
    keeps its place.
    """
    if actor is not None:
        require(actor, Permission.CONFIGURE_EVENT)
    code = _check_code(category.code, "category")
    _check_name(category.name, "category", code)
    if not _COLOUR.fullmatch(category.colour):
        raise ValidationError(f"The colour of category {code} must be written #RRGGBB, not {category.colour!r}.")
    table = schema.categories
    values = {
        "name": category.name,
        "colour": category.colour,
        "aliases": json.dumps(list(category.aliases), ensure_ascii=False),
        "photo_required": category.photo_required,
        "escort_required": category.escort_required,
    }
    if connection.execute(select(table.c.code).where(table.c.code == code)).first():
        if new:
            raise ValidationError(f"The event already has a category {code}.")
        connection.execute(table.update().where(table.c.code == code).values(**values))
    else:
        order = _after_last(connection, table) if sort_order is None else sort_order
        connection.execute(insert(table).values(code=code, sort_order=order, **values))
    known_zones = {zone.code for zone in list_zones(connection)}
    unknown = sorted(set(category.zones) - known_zones)
    if unknown:
        raise NotFoundError(f"Category {code} names zones the event does not have: {', '.join(unknown)}.")
    connection.execute(delete(schema.category_zones).where(schema.category_zones.c.category_code == code))
    if category.zones:
        connection.execute(
            insert(schema.category_zones),
            [{"category_code": code, "zone_code": zone} for zone in category.zones],
        )
    if actor is not None:
        audit.record(
            connection,
            actor,
            "category.saved",
            code=code,
            name=category.name,
            colour=category.colour,
            zones=list(category.zones),
            photo_required=category.photo_required,
            escort_required=category.escort_required,
        )


def _after_last(connection: Connection, table: Table) -> int:
    last = connection.execute(select(func.max(table.c.sort_order))).scalar()
    return 0 if last is None else last + 1


def delete_category(connection: Connection, code: str, actor: str) -> None:
    """Delete a category nobody has; refused while a guest has it (their badges and history name it)."""
    require(actor, Permission.CONFIGURE_EVENT)
    code = code.strip().upper()
    table = schema.categories
    name = connection.execute(select(table.c.name).where(table.c.code == code)).scalar()
    if name is None:
        raise NotFoundError(f"The event has no category {code}.")
    holders = connection.execute(
        select(func.count()).select_from(schema.guests).where(schema.guests.c.category_code == code)
    ).scalar_one()
    if holders:
        raise AccreditorError(
            f"Category {name} ({code}) cannot be deleted: {_guests(holders)} {_have(holders)} it. "
            "Give them another category first."
        )
    connection.execute(delete(table).where(table.c.code == code))
    audit.record(connection, actor, "category.deleted", code=code, name=name)


def delete_zone(connection: Connection, code: str, actor: str) -> None:
    """Delete a zone no guest may enter; it also leaves the defaults of categories that list it.

    Refused while a guest has it, by their category or granted to them: their badges name it.
    """
    require(actor, Permission.CONFIGURE_EVENT)
    from accreditor.guests import list_guests  # noqa: PLC0415 - guests imports this module; its zone rule is the one

    code = code.strip().upper()
    table = schema.zones
    name = connection.execute(select(table.c.name).where(table.c.code == code)).scalar()
    if name is None:
        raise NotFoundError(f"The event has no zone {code}.")
    holders = sum(1 for guest in list_guests(connection) if code in guest.zones)
    if holders:
        raise AccreditorError(
            f"Zone {name} ({code}) cannot be deleted: {_guests(holders)} {_have(holders)} access to it. "
            "Remove it from their categories and zones first."
        )
    connection.execute(delete(table).where(table.c.code == code))
    audit.record(connection, actor, "zone.deleted", code=code, name=name)


def _guests(count: int) -> str:
    return f"{count} guest" if count == 1 else f"{count} guests"


def _have(count: int) -> str:
    return "has" if count == 1 else "have"


def _check_code(code: str, what: str) -> str:
    code = code.strip().upper()
    if not code or len(code) > 16 or not code.replace("-", "").replace("_", "").isalnum():
        raise ValidationError(f"A {what} code must be 1–16 letters or digits, not {code!r}.")
    return code


def _check_name(name: str, what: str, code: str) -> None:
    if not name.strip():
        raise ValidationError(f"The {what} {code} needs a name: badges and lists show it.")


def list_zones(connection: Connection) -> list[Zone]:
    table = schema.zones
    rows = connection.execute(select(table.c.code, table.c.name).order_by(table.c.sort_order, table.c.code))
    return [Zone(row.code, row.name) for row in rows]


def list_categories(connection: Connection) -> list[Category]:
    table = schema.categories
    zone_rows = connection.execute(
        select(schema.category_zones.c.category_code, schema.category_zones.c.zone_code)
        .join(schema.zones, schema.zones.c.code == schema.category_zones.c.zone_code)
        .order_by(schema.zones.c.sort_order)
    ).all()
    zones_of: dict[str, list[str]] = {}
    for category_code, zone_code in zone_rows:
        zones_of.setdefault(category_code, []).append(zone_code)
    rows = connection.execute(select(table).order_by(table.c.sort_order, table.c.code))
    return [
        Category(
            code=row.code,
            name=row.name,
            colour=row.colour,
            zones=tuple(zones_of.get(row.code, ())),
            aliases=tuple(json.loads(row.aliases)),
            photo_required=row.photo_required,
            escort_required=row.escort_required,
        )
        for row in rows
    ]


class CategoryMatcher:
    """Finds a category from what a registration list calls it: code, name or alias, any case."""

    def __init__(self, categories: Iterable[Category]) -> None:
        self.categories = tuple(categories)
        self._by_key: dict[str, str] = {}
        for category in self.categories:
            for label in (category.code, category.name, *category.aliases):
                self._by_key.setdefault(label_key(label), category.code)

    def match(self, text: str) -> str | None:
        return self._by_key.get(label_key(text)) if text.strip() else None

    def known_names(self) -> str:
        return ", ".join(f"{category.name} ({category.code})" for category in self.categories)


def colour_clash(category: Category, others: Iterable[Category]) -> Clash | None:
    """The category colour among `others` that `category`'s colour is too close to, for any eyes (see palette)."""
    return closest_clash(
        category.colour,
        {f"{other.name} ({other.colour})": other.colour for other in others if other.code != category.code},
    )
