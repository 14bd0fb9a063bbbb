"""Fixtures of the gate tests: an event with a guest for every verdict, its tokens, package and public keys.

Everything is real: the event file on disk, tokens signed with the event's key, the package signed
and written to a file, offline gates with their own log files.
"""

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PIL import Image, ImageDraw

from accreditor import base45, guests, keys
from accreditor import cli as accreditor_cli
from accreditor.badges.printing import record_serials
from accreditor.gate.offline_gate import Gate, open_event_gate, open_offline_gate
from accreditor.gate.package import TrustAnchor, build_package
from accreditor.gate.verdicts import GateContext
from accreditor.store import EventStore
from accreditor.tokens import BadgeClaims, issue_token

# Noon UTC on the event's first day (conftest: 3–4 May 2027) is that day on any gate's local clock.
GATE_TIME = datetime(2027, 5, 3, 12, 0, tzinfo=UTC)
EVENT_DAYS = (date(2027, 5, 3), date(2027, 5, 4))
OPERATOR = "officer"
SOURCES = ("event", "package")


def portrait(colour: tuple[int, int, int] = (90, 120, 160)) -> bytes:
    image = Image.new("RGB", (600, 800), colour)
    ImageDraw.Draw(image).ellipse((180, 120, 420, 440), fill=(230, 190, 160))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


@dataclass
class GateEvent:
    """The event of the gate tests: guest ids by role, and how to make tokens and gates for it."""

    store: EventStore
    folder: Path
    ids: dict[str, int]
    pem: bytes

    def token(
        self,
        role: str,
        *,
        serial: int = 1,
        days: tuple[date, date] = EVENT_DAYS,
        zones: tuple[str, ...] | None = None,
        event_uid: str | None = None,
        private_key: Ed25519PrivateKey | None = None,
    ) -> str:
        """A badge token of a guest, signed with the event key unless another is given."""
        with self.store.connect() as connection:
            guest = guests.get_guest(connection, self.ids[role])
            _key_id, event_key = keys.active_signing_key(connection)
            uid = keys.event_uid(connection)
        key = private_key or event_key
        claims = BadgeClaims(
            event_uid=event_uid or uid,
            guest_id=guest.id,
            serial=serial,
            category=guest.fields.category,
            zones=guest.zones if zones is None else zones,
            valid_from=days[0],
            valid_until=days[1],
        )
        return issue_token(claims, keys.key_id_for(key.public_key().public_bytes_raw()), key)

    def package(self, name: str = "gate.pkg") -> tuple[Path, bytes]:
        """The event's package as it is now, written to a file."""
        with self.store.begin() as connection:  # the package registers its gate station
            data, _summary = build_package(connection, self.store.event_info(), station=Path(name).stem)
        path = self.folder / name
        path.write_bytes(data)
        return path, data

    def anchor(self) -> TrustAnchor:
        return TrustAnchor.from_public_key_file(self.pem)


def forged(token: str) -> str:
    """The token with one bit of its signature changed: same key id, invalid signature."""
    data = bytearray(base45.decode(token.removeprefix("AC1:")))
    data[-1] ^= 0x01
    return "AC1:" + base45.encode(bytes(data))


@pytest.fixture
def gate_event(store: EventStore, add_guest_with_status: Callable[..., int], tmp_path: Path) -> GateEvent:
    """Guests for every verdict: approved with photo, without photo, escorted, media, revoked, reprinted…"""
    roles = {
        "delegate": ("approved", "Раҳмонов", {"given_name": "Ҷамшед", "category": "DEL", "passport_no": "P7654321"}),
        "no_photo": ("approved", "Kozłowski", {"given_name": "Łukasz", "category": "DEL"}),
        "vip": ("approved", "أبو داوود", {"given_name": "عبد الرحمن", "category": "VIP"}),
        "media": ("approved", "王", {"given_name": "秀珍", "category": "MED", "email": "wang@example.org"}),
        "revoked": ("revoked", "Ørsted", {"given_name": "Søren", "category": "DEL"}),
        "reprinted": ("approved", "Petrosyan", {"given_name": "Aram", "category": "DEL"}),
        "pending": ("pending", "Beridze", {"given_name": "Nino", "category": "DEL"}),
        "rejected": ("rejected", "Mullo", {"given_name": "Yusuf", "category": "DEL"}),
    }
    ids = {role: add_guest_with_status(status, family, **fields) for role, (status, family, fields) in roles.items()}
    with store.begin() as connection:
        for role in ("delegate", "vip", "media", "revoked", "reprinted"):
            guests.set_photo(connection, ids[role], portrait(), "organiser")
        record_serials(connection, [(ids["reprinted"], 1)], actor="organiser")
        record_serials(connection, [(ids["reprinted"], 2)], actor="organiser", reason="lost")
        pem = keys.export_public_pem(connection)
    return GateEvent(store, tmp_path, ids, pem)


OpenGate = Callable[..., Gate]


@pytest.fixture
def open_gate(gate_event: GateEvent) -> Iterator[OpenGate]:
    """`open_gate(source, zone="PLN", **context)`: a gate on the event database or on the package of now.

    Offline gates opened here share one laptop: one package file (rewritten as the event is when the
    gate opens) and the log file beside it.
    """
    opened: list[Gate] = []

    def open_one(source: str, zone: str = "PLN", **context: object) -> Gate:
        gate_context = replace(GateContext(zone=zone, gate="G1", operator=OPERATOR), **context)
        if source == "event":
            gate = open_event_gate(gate_event.store.location, gate_context)
        else:
            path, _data = gate_event.package()
            gate = open_offline_gate(path, gate_context, anchor=gate_event.anchor())
        opened.append(gate)
        return gate

    yield open_one
    for gate in opened:
        gate.close()


# -- the command line ---------------------------------------------------------------------------------


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """`cli(*argv, stdin=b"")` runs `accreditor …` in this process: (exit status, stdout, stderr)."""

    def run(*argv: object, stdin: bytes = b"") -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        code = accreditor_cli.main([str(arg) for arg in argv])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


# Runs `accreditor` in a child process (for real pipes).
CLI_PROGRAM = "import sys\nfrom accreditor import cli\nsys.exit(cli.main(sys.argv[1:]))\n"
