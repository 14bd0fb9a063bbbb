"""Deterministic guest list for the demo event: a counter-terrorism conference in Dushanbe, 3–4 May.

Plain data only; another module writes it into an event database. What looks like the real world (names in
their own scripts, organisations, the category and status mix) lives in ``resources/demo/*.json``; this
module only draws from it with one seeded ``random.Random``, so the same count and seed give byte-identical
guests, photos included.
"""

from __future__ import annotations

import io
import json
import random
import re
import string
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from anyascii import anyascii
from PIL import Image, ImageDraw, ImageFont

CATEGORIES = ("HOD", "DEL", "OBS", "VIP", "MED", "ORG", "STF", "SEC", "INT", "TEC")
STATUSES = ("approved", "pending", "rejected", "revoked")

_WITH_DELEGATION = frozenset({"VIP", "HOD", "DEL", "OBS"})  # other categories serve the event, not a delegation
_VARIANT_SHARE = 0.12  # how often a name is registered under one of its other Latin spellings


@dataclass(frozen=True, slots=True)
class DemoGuest:
    """One registered guest, as an organiser would receive it (names in the guest's own script)."""

    external_ref: str
    title: str
    family_name: str
    given_name: str
    family_name_latin: str
    given_name_latin: str
    position: str
    organisation: str
    delegation: str
    country: str
    category: str
    status: str
    status_reason: str
    passport_no: str
    email: str
    phone: str
    notes: str
    photo: bytes | None


@dataclass(frozen=True, slots=True)
class _Place:
    """A seat at the event before a person is drawn for it."""

    category: str
    organisation: str
    delegation: str
    nationality: str
    position: str
    domain: str
    passport: bool
    name: dict[str, Any]  # fixed given/family/gender (the head of state, a woman VIP), else empty


@cache
def _data(name: str) -> dict[str, Any]:
    """Parsed JSON from resources/demo; cached because every call of demo_guests reads it."""
    return json.loads((files("resources") / "demo" / name).read_text(encoding="utf-8"))


def _apportion(total: int, shares: dict[str, float]) -> dict[str, int]:
    """Split total by shares with largest remainders, so small lists keep the mix and sum exactly."""
    raw = {key: total * share / sum(shares.values()) for key, share in shares.items()}
    counts = {key: int(value) for key, value in raw.items()}
    for key in sorted(raw, key=lambda k: counts[k] - raw[k])[: total - sum(counts.values())]:
        counts[key] += 1
    return counts


def _spell(entry: str, rng: random.Random | None = None) -> tuple[str, str]:
    """Split 'native|Latin|variant…'; with an rng, sometimes return a variant as real registrations do."""
    native, *latin = entry.split("|")
    latin = latin or [native]
    if rng is not None and len(latin) > 1 and rng.random() < _VARIANT_SHARE:
        return native, rng.choice(latin[1:])
    return native, latin[0]


def _feminine(name: str, rules: list[list[str]]) -> str:
    """Women's form of a family name (Раҳмонов → Раҳмонова, Kowalski → Kowalska)."""
    for suffix, female in rules:
        if name.endswith(suffix):
            return name[: -len(suffix)] + female
    return name


def _fill(pattern: str, rng: random.Random) -> str:
    """Expand a pattern: # is a digit, @ a capital letter, anything else is kept."""
    return "".join(
        str(rng.randrange(10)) if ch == "#" else rng.choice(string.ascii_uppercase) if ch == "@" else ch
        for ch in pattern
    )


def _slug(text: str) -> str:
    """ASCII letters and digits only, for e-mail addresses and initials (Fernández-Núñez → fernandeznunez)."""
    return re.sub(r"[^a-z0-9]+", "", anyascii(text).lower())


class _Event:
    """Turns the event description into places (who sits where) with one random stream."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.data = _data("event.json")
        self.countries: dict[str, dict[str, Any]] = self.data["countries"]
        self.organisations: dict[str, dict[str, Any]] = self.data["organisations"]

    def _country_orgs(self, code: str) -> dict[str, list[str]]:
        """Organisation names by type: the templates filled in, then the country's own names."""
        country = self.countries[code]
        the = country["name"] if " " not in country["name"] else f"the {country['name']}"
        orgs = {kind: [text.format(the=the)] for kind, text in self.data["org_templates"].items()}
        for kind, names in country.get("orgs", {}).items():
            orgs[kind] = [names] if isinstance(names, str) else names
        return {kind: names for kind, names in orgs.items() if names}

    def _affiliation(self, ref: str, org_type: str | None) -> tuple[str, str, str, str, str]:
        """(organisation, delegation, e-mail domain, language, org type) for a country or an organisation."""
        if ref in self.organisations:
            org = self.organisations[ref]
            return org["name"], org["name"], f"{ref.lower()}.example.org", org.get("lang", "en"), "io"
        orgs = self._country_orgs(ref)
        if org_type is None:
            weights = self.data["org_type_weights"]
            kinds = [kind for kind in orgs if weights.get(kind, 2) > 0]
            org_type = self.rng.choices(kinds, [weights.get(kind, 2) for kind in kinds])[0]
        country = self.countries[ref]
        domain = f"{org_type}.{ref.lower()}.example.net"
        return self.rng.choice(orgs[org_type]), country["name"], domain, country.get("lang", "en"), org_type

    def place(self, category: str, source: dict[str, Any]) -> _Place:
        """A place for one guest of category from a source entry (a 'ref' to a delegation, or a 'name')."""
        rng = self.rng
        if ref := source.get("ref"):
            organisation, delegation, domain, lang, org_type = self._affiliation(ref, source.get("org_type"))
            in_org = self.organisations.get(ref)
            nationalities = source.get("nationalities") or (in_org["nationalities"] if in_org else [ref])
        else:
            organisation = delegation = source["name"]
            domain = f"{source['key']}.example.{'com' if category == 'MED' else 'org'}"
            lang, org_type, nationalities = "en", "", source["nationalities"]
        lang = source.get("lang", lang)
        in_io = org_type == "io"
        kind = {"HOD": "io_head" if in_io else "hod", "DEL": org_type, "OBS": "io" if in_io else "obs"}.get(
            category, category.lower()
        )
        positions = self.data["positions"].get(source.get("positions", kind), {})
        return _Place(
            category=category,
            organisation=source.get("organisation", organisation),
            delegation=delegation if category in _WITH_DELEGATION or source.get("keep_delegation") else "",
            nationality=source.get("nationality") or rng.choice(nationalities),
            position=source.get("position") or rng.choice(positions.get(lang) or positions["en"]),
            domain=domain,
            passport=source.get("passport", True),
            name={key: source[key] for key in ("given", "family", "gender") if key in source},
        )

    def places(self, count: int) -> list[_Place]:
        """Places in the event's category mix; VIPs first, then everyone else in registration order."""
        rng, data = self.rng, self.data
        quota = _apportion(count, data["categories"])
        if count and not quota["VIP"]:  # however short the list, the head of state comes
            quota[max(quota, key=quota.__getitem__)] -= 1
            quota["VIP"] = 1
        vips = data["vips"][: quota["VIP"]]
        headed = [vip["ref"] for vip in vips if vip.get("heads")]
        hods = [ref for ref in data["delegations"] if ref not in headed][: quota["HOD"]]
        quota["DEL"] += quota["VIP"] - len(vips) + quota["HOD"] - len(hods)  # too few seats to fill: delegates
        attending = headed + hods
        weights = [(self.organisations.get(ref) or self.countries.get(ref, {})).get("weight", 1) for ref in attending]
        sources: list[tuple[str, dict[str, Any]]] = [("VIP", vip) for vip in vips]
        sources += [("HOD", {"ref": ref, "org_type": "mfa"}) for ref in hods]
        if quota["DEL"] and attending:
            sources += [("DEL", {"ref": ref}) for ref in rng.choices(attending, weights, k=quota["DEL"])]
        groups = {"OBS": data["observers"], "MED": data["media"], **data["services"]}
        for category, entries in groups.items():
            picks = rng.choices(entries, [entry.get("weight", 1) for entry in entries], k=quota[category])
            sources += [(category, entry) for entry in picks]
        rest = sources[len(vips) :]
        rng.shuffle(rest)
        return [self.place(category, source) for category, source in sources[: len(vips)] + rest]


class _People:
    """Draws unique people from the name pools; hard cases go to the first guest of their nationality."""

    def __init__(self, rng: random.Random, female_share: float) -> None:
        data = _data("people.json")
        self.rng, self.female_share, self.pools = rng, female_share, data["pools"]
        self.hard: dict[str, list[dict[str, str]]] = {}
        for case in data["hard_cases"]:
            self.hard.setdefault(case["country"], []).append(case)
        self.taken: set[tuple[str, str]] = set()

    def person(self, pool_names: str | list[str], nationality: str, fixed: dict[str, Any]) -> tuple[str, ...]:
        """(gender, family, given, family Latin, given Latin), never repeating a name in either script."""
        if not fixed and self.hard.get(nationality):
            fixed = self.hard[nationality].pop(0)
        if "family" in fixed:
            return self._keep(fixed["gender"], _spell(fixed["family"]), _spell(fixed["given"]))
        for _ in range(200):
            pool = self.pools[pool_names if isinstance(pool_names, str) else self.rng.choice(pool_names)]
            gender = fixed.get("gender") or ("f" if self.rng.random() < self.female_share else "m")
            given = _spell(self.rng.choice(pool["female" if gender == "f" else "male"]), self.rng)
            family = _spell(self.rng.choice(pool["family"]), self.rng)
            if self.rng.random() < pool.get("double_family", 0):
                second = _spell(self.rng.choice(pool["family"]))
                family = (f"{family[0]} {second[0]}", f"{family[1]} {second[1]}")
            if gender == "f":
                rules = pool.get("feminine", [])
                family = (_feminine(family[0], rules), _feminine(family[1], rules))
            if (family[0], given[0]) not in self.taken and (family[1], given[1]) not in self.taken:
                return self._keep(gender, family, given)
        raise ValueError(f"name pool {pool_names!r} is too small for this many guests")

    def _keep(self, gender: str, family: tuple[str, str], given: tuple[str, str]) -> tuple[str, ...]:
        self.taken.update({(family[0], given[0]), (family[1], given[1])})
        return gender, family[0], given[0], family[1], given[1]


def demo_guests(count: int = 440, seed: int = 2018) -> list[DemoGuest]:
    """The demo event's guest list: same count and seed give the same guests, byte for byte."""
    rng = random.Random(seed)
    event = _Event(rng)
    data = event.data
    places = event.places(count)
    people = _People(rng, data["female_share"])
    n_vip = sum(place.category == "VIP" for place in places)

    statuses = [status for status, n in _apportion(count, data["statuses"]).items() for _ in range(n)]
    for _ in range(n_vip):
        statuses.remove("approved")
    rng.shuffle(statuses)
    statuses = ["approved"] * n_vip + statuses
    notes = (data["notes"], data["notes"] + data["delegation_notes"])  # by whether the guest is in a delegation
    faceless = set(rng.sample(range(n_vip, count), min(round(count * data["no_photo_share"]), count - n_vip)))

    guests: list[DemoGuest] = []
    emails: set[str] = set()
    passports: set[str] = set()
    for index, (place, status) in enumerate(zip(places, statuses, strict=True)):
        country = event.countries[place.nationality]
        gender, family, given, family_latin, given_latin = people.person(country["pool"], place.nationality, place.name)
        passport = ""
        while place.passport and (not passport or passport in passports):
            passport = _fill(country.get("passport", "@#######"), rng)
        passports.add(passport)  # "" too: harmless, and keeps the loop above simple
        first = _slug(given_latin.split(" ")[0])
        local = ".".join(filter(None, [first[:1] if rng.random() < 0.25 else first, _slug(family_latin)]))
        email, n = f"{local}@{place.domain}", 1
        while email in emails:
            n += 1
            email = f"{local}{n}@{place.domain}"
        emails.add(email)
        photo_seed = rng.getrandbits(32)
        note = rng.choice(notes[place.category in _WITH_DELEGATION]) if rng.random() < data["notes_share"] else ""
        guests.append(
            DemoGuest(
                external_ref=f"REG-{index + 1:04d}",
                title=_title(place, gender, rng, data["excellency"]),
                family_name=family,
                given_name=given,
                family_name_latin=family_latin,
                given_name_latin=given_latin,
                position=place.position,
                organisation=place.organisation,
                delegation=place.delegation,
                country=place.nationality,
                category=place.category,
                status=status,
                status_reason=rng.choice(data["reasons"][status]) if status in data["reasons"] else "",
                passport_no=passport,
                email=email,
                phone="" if rng.random() < data["no_phone_share"] else _fill(country["phone"], rng),
                notes=note,
                photo=None if index in faceless else portrait(_initials(given_latin, family_latin), photo_seed),
            )
        )
    return guests


def _title(place: _Place, gender: str, rng: random.Random, excellency: list[str]) -> str:
    """Honorific as protocol would print it: H.E. for VIPs, ministers and ambassadors."""
    if place.category == "VIP" or any(word in place.position for word in excellency):
        return "H.E."
    roll = rng.random()
    if place.category in ("HOD", "DEL", "OBS") and roll < 0.15:
        return "Prof." if place.category == "OBS" and roll < 0.05 else "Dr"
    if place.category not in _WITH_DELEGATION and roll < 0.3:
        return ""
    return "Ms" if gender == "f" else "Mr"


def _initials(given_latin: str, family_latin: str) -> str:
    """Two ASCII capitals, so any portrait font has the glyphs (Łukasz Wójcik → LW)."""
    return "".join(_slug(part)[:1] for part in (given_latin, family_latin)).upper()


# Background gradients (top, bottom): calm, printable colours that keep white silhouettes readable.
_PALETTE = (
    ((0x1F, 0x4E, 0x79), (0x6F, 0xA8, 0xDC)),
    ((0x22, 0x6F, 0x68), (0x7C, 0xC6, 0xB4)),
    ((0x5B, 0x4B, 0x8A), (0xA9, 0x9C, 0xD6)),
    ((0x8E, 0x44, 0x4F), (0xE0, 0x9F, 0x9F)),
    ((0x3D, 0x5A, 0x3B), (0x9C, 0xC0, 0x8A)),
    ((0x8A, 0x5A, 0x1F), (0xE6, 0xB8, 0x6E)),
    ((0x37, 0x47, 0x4F), (0x9E, 0xAF, 0xB8)),
    ((0x1B, 0x5E, 0x8C), (0x8E, 0xD1, 0xD6)),
)


@cache
def _gradient(size: tuple[int, int]) -> Image.Image:
    """Top-to-bottom blend mask, made once per size."""
    return Image.linear_gradient("L").resize(size)


@cache
def _silhouette(size: tuple[int, int]) -> Image.Image:
    """Head-and-shoulders mask, drawn at 4× and scaled down so its edges are smooth; shared by all portraits."""
    w, h = size[0] * 4, size[1] * 4
    mask = Image.new("L", (w, h), 0)
    draw = ImageDraw.Draw(mask)
    draw.ellipse((w * 0.05, h * 0.63, w * 0.95, h * 1.3), fill=235)  # shoulders
    draw.rounded_rectangle((w * 0.40, h * 0.45, w * 0.60, h * 0.7), radius=w * 0.06, fill=235)  # neck
    draw.ellipse((w * 0.30, h * 0.14, w * 0.70, h * 0.56), fill=235)  # head
    return mask.resize(size, Image.Resampling.LANCZOS)


@cache
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """Pillow's bundled scalable font: no font file to ship for placeholder photos."""
    return ImageFont.load_default(size=size)


def portrait(initials: str, seed: int, size: tuple[int, int] = (300, 400)) -> bytes:
    """A placeholder passport photo (JPEG): gradient, silhouette and initials; the seed picks the colours."""
    top, bottom = random.Random(seed).choice(_PALETTE)
    image = Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), _gradient(size))
    light = tuple(round(c + (255 - c) * 0.85) for c in bottom)
    image = Image.composite(Image.new("RGB", size, light), image, _silhouette(size))
    w, h = size
    ImageDraw.Draw(image).text((w / 2, h * 0.86), initials, fill=top, font=_font(round(h * 0.15)), anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80, optimize=True)
    return buffer.getvalue()
