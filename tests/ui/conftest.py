"""Fixtures of the desktop-app tests: settings kept in tmp_path, no dialog ever blocking, a small event.

Every test here is marked `gui`, so `pytest -m "not gui"` runs the core alone.
"""

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from accreditor import base45, categories, checkin, guests, keys, workflow
from accreditor.badges.printing import current_token
from accreditor.gate.package import build_package
from accreditor.gate.verdicts import GateContext
from accreditor.guests import GuestFields
from accreditor.store import EventStore
from ui import i18n, jobs, main_window, messages
from ui import printing as ui_printing
from ui.app import configure_application
from ui.event_session import SessionAdapter
from ui.organiser.guests_page import OrganiserGuestsPage
from ui.printing import PrintOutcome
from ui.settings import StationSettings

HERE = Path(__file__).resolve().parent
EVENT_NAME = "Dushanbe Water Conference"
ACTOR = "tester"

# One guest per script the desk meets, in every status; the first is checked in.
GUESTS = (
    (GuestFields("Рахмонов", "Ҷамшед", organisation="MFA", country="TJ", category="HOD"), "approved"),
    (GuestFields("Smith", "Anna", organisation="UNDP", country="GB", category="OBS"), "pending"),
    (
        GuestFields("الهاشمي", "محمد", organisation="League of Arab States", country="EG", category="DEL"),
        "approved",
    ),
    (GuestFields("王", "伟", organisation="Ministry of Water Resources", country="CN", category="DEL"), "rejected"),
    (GuestFields("Dubois", "Claire", organisation="Le Monde", country="FR", category="MED"), "revoked"),
    (GuestFields("Иванова", "Мария", organisation="Росводресурсы", country="RU", category="DEL"), "pending"),
)
REASONS = {"rejected": "Registration incomplete", "revoked": "Badge reported lost"}


# Harmless: the offscreen platform cannot pass window size hints to a window manager it does not have.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.gui)
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def settings_path(qapp: QApplication, tmp_path: Path) -> Path:
    """QSettings() in the code under test reads and writes an INI file here, never the user's settings."""
    configure_application(qapp)
    folder = tmp_path / "settings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))
    return folder


@pytest.fixture(autouse=True)
def english(qapp: QApplication) -> Iterator[None]:
    """Tests read the English words and British dates whatever the machine's locale (and a test that
    switches the app to another language cannot leak it into the next)."""
    i18n.apply_language("en")
    yield
    i18n.apply_language("en")


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A dialog nobody expected fails the test instead of waiting for a click that never comes."""

    def refuse_message(*args: object) -> None:
        pytest.fail(f"unexpected message box: {args[2:4]}")

    def refuse_file_dialog(*_args: object) -> None:
        pytest.fail("unexpected file dialog")

    monkeypatch.setattr(messages, "_open_message_box", refuse_message)
    monkeypatch.setattr(main_window, "ask_event_file", refuse_file_dialog)


@dataclass(frozen=True)
class Shown:
    title: str
    text: str
    details: str


@pytest.fixture
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> list[Shown]:
    """Every `messages.show_error` call, recorded instead of shown."""
    shown: list[Shown] = []

    def record(_parent: object, title: str, text: str, *, details: str = "") -> None:
        shown.append(Shown(title, text, details))

    monkeypatch.setattr(messages, "show_error", record)
    return shown


def create_event(path: Path, name: str = EVENT_NAME) -> EventStore:
    """An event file with the guests of `GUESTS`, in their statuses, the first one checked in."""
    store = EventStore.create(path, passphrase="test passphrase", name=name, venue="Dushanbe")
    with store.begin() as connection:
        categories.install_standard(connection)
        ids = guests.add_guests(connection, [fields for fields, _status in GUESTS], actor=ACTOR)
        by_status: dict[str, list[int]] = {}
        for guest_id, (_fields, status) in zip(ids, GUESTS, strict=True):
            by_status.setdefault(status, []).append(guest_id)
        approved = by_status.get("approved", []) + by_status.get("revoked", [])
        workflow.change_status(connection, approved, "approved", ACTOR)
        for status in ("rejected", "revoked"):
            workflow.change_status(connection, by_status[status], status, ACTOR, reason=REASONS[status])
        checkin.check_in(connection, ids[0], station="Desk 1", user=ACTOR)
    return store


MakeEvent = Callable[..., EventStore]


@pytest.fixture
def make_event(tmp_path: Path) -> Iterator[MakeEvent]:
    """`make_event(file_name, name=...)`: another event file like `event_store`'s, closed after the test."""
    made: list[EventStore] = []

    def make(file_name: str = "water.accreditor", name: str = EVENT_NAME) -> EventStore:
        made.append(create_event(tmp_path / file_name, name))
        return made[-1]

    yield make
    for store in made:
        store.close()


@pytest.fixture
def event_store(make_event: MakeEvent) -> EventStore:
    """A small event in Latin, Cyrillic (with Tajik letters), Arabic and Chinese, in every status."""
    return make_event()


# -- the front desk ---------------------------------------------------------------------------------


@pytest.fixture
def inline_jobs() -> Iterator[None]:
    """Background jobs run inline, their callbacks before `run_in_background` returns: no waiting."""
    jobs.set_synchronous(True)
    yield
    jobs.set_synchronous(False)


@dataclass(frozen=True)
class PrintJob:
    pdf: bytes  # read while the job was submitted: the file is temporary
    printer: str
    title: str
    media_mm: tuple[float, float] | None


@dataclass
class FakePrinter:
    """The print system as the desk sees it: records every job; accepts them until told to refuse."""

    outcome: PrintOutcome = field(default_factory=lambda: PrintOutcome(True, "badges-7", "Sent (job badges-7)."))
    jobs: list[PrintJob] = field(default_factory=list)

    def refuse(self, message: str) -> None:
        self.outcome = PrintOutcome(False, "", message)


@pytest.fixture
def fake_printer(monkeypatch: pytest.MonkeyPatch) -> FakePrinter:
    """`ui.printing.print_pdf` replaced (the real CUPS path has its own tests)."""
    fake = FakePrinter()

    def print_pdf(
        pdf: Path,
        *,
        printer: str = "",
        title: str = "Badge",
        copies: int = 1,
        media_mm: tuple[float, float] | None = None,
    ) -> PrintOutcome:
        fake.jobs.append(PrintJob(pdf.read_bytes(), printer, title, media_mm))
        return fake.outcome

    monkeypatch.setattr(ui_printing, "print_pdf", print_pdf)
    monkeypatch.setattr(ui_printing.StationSink, "problem", lambda _sink: None)  # the fake answers when sent to
    return fake


@pytest.fixture
def desk_station() -> StationSettings:
    """A station other than the one the event fixture checked its first guest in at, and silent."""
    return StationSettings(station_name="Desk 2", printer="Badges", layout="cr80", auto_print=False, sounds=False)


@pytest.fixture(autouse=True)
def _no_job_left_running() -> Iterator[None]:
    """A background job must end within its test: its callbacks would otherwise run in the next one."""
    yield
    assert jobs.wait_for_jobs(10_000), "a background job was still running when the test ended"


EVENT_DAYS = (date(2027, 5, 3), date(2027, 5, 4))
TAJIK_GUEST = GuestFields("Рахмонов", "Ҷамшед", organisation="MFA", country="TJ", category="HOD")


@pytest.fixture
def badge_event(tmp_path: Path) -> Iterator[tuple[EventStore, int]]:
    """A dated event (badge tokens carry validity dates) with one approved, never printed Tajik guest: (store, id)."""
    start, end = EVENT_DAYS
    store = EventStore.create(
        tmp_path / "badges.accreditor", passphrase="test passphrase", name=EVENT_NAME, starts_on=start, ends_on=end
    )
    with store.begin() as connection:
        categories.install_standard(connection)
        (guest_id,) = guests.add_guests(connection, [TAJIK_GUEST], actor=ACTOR)
        workflow.change_status(connection, [guest_id], "approved", ACTOR)
    yield store, guest_id
    store.close()


@pytest.fixture(autouse=True)
def _no_modal_window_left(qapp: QApplication) -> Iterator[None]:
    """A modal dialog a test leaves open (one that failed halfway, say) would block the keys of every later test."""
    yield
    for widget in qapp.topLevelWidgets():
        if widget.isVisible() and widget.isModal():
            widget.hide()


# -- the security gate ------------------------------------------------------------------------------

# Noon UTC on the event's first day (3–4 May 2027) is that day on any gate's local clock.
GATE_TIME = datetime(2027, 5, 3, 12, 0, tzinfo=UTC)


def portrait(colour: tuple[int, int, int] = (90, 120, 160)) -> bytes:
    """A face-like JPEG, big enough to become the gate's thumbnail."""
    image = Image.new("RGB", (600, 800), colour)
    ImageDraw.Draw(image).ellipse((180, 120, 420, 440), fill=(230, 190, 160))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def forged(token: str) -> str:
    """The token with one bit of its signature changed: same key id, invalid signature."""
    data = bytearray(base45.decode(token.removeprefix("AC1:")))
    data[-1] ^= 0x01
    return "AC1:" + base45.encode(bytes(data))


@dataclass
class GateEvent:
    """A dated event with a guest for each verdict, their badge tokens and the event's public-key file."""

    store: EventStore
    folder: Path
    ids: dict[str, int]
    tokens: dict[str, str]
    pem: bytes

    def package(self, name: str = "plenary.gatepkg") -> Path:
        """The event's gate package as it is now, written beside the event."""
        with self.store.begin() as connection:  # the package registers its gate station
            data, _summary = build_package(connection, self.store.event_info(), station=Path(name).stem)
        path = self.folder / name
        path.write_bytes(data)
        return path

    def forged(self, role: str) -> str:
        """The role's badge token with its signature altered."""
        return forged(self.tokens[role])

    def key_file(self, name: str = "event.pem") -> Path:
        path = self.folder / name
        path.write_bytes(self.pem)
        return path

    def context(self, zone: str = "PLN", **values: object) -> GateContext:
        """A gate's context at GATE_TIME (inside the badges' days): gate G1, entry, operator "officer"."""
        return replace(GateContext(zone=zone, gate="G1", operator="officer", now=GATE_TIME), **values)


# role: (family name, given name, category, photo?, final status); tokens are made while all are approved.
GATE_GUESTS = {
    "delegate": ("Раҳмонов", "Ҷамшед", "DEL", True, "approved"),
    "no_photo": ("Kozłowski", "Łukasz", "DEL", False, "approved"),
    "vip": ("أبو داوود", "عبد الرحمن", "VIP", True, "approved"),
    "media": ("王", "秀珍", "MED", True, "approved"),
    "revoked": ("Ørsted", "Søren", "DEL", True, "revoked"),
}


@pytest.fixture
def gate_event(tmp_path: Path) -> Iterator[GateEvent]:
    """The gate's event: a delegate (green in PLN), one without photo, a VIP (escorted), media (not PLN), a revoked
    delegate; the badge tokens as printed (`current_token`, valid on the event's days); the public-key file."""
    start, end = EVENT_DAYS
    folder = tmp_path / "gate"
    folder.mkdir()
    store = EventStore.create(
        folder / "gate.accreditor", passphrase="test passphrase", name=EVENT_NAME, starts_on=start, ends_on=end
    )
    with store.begin() as connection:
        categories.install_standard(connection)
        fields = [GuestFields(guest[0], guest[1], category=guest[2]) for guest in GATE_GUESTS.values()]
        ids = dict(zip(GATE_GUESTS, guests.add_guests(connection, fields, actor=ACTOR), strict=True))
        workflow.change_status(connection, list(ids.values()), "approved", ACTOR)
        for role, (_family, _given, _category, has_photo, _status) in GATE_GUESTS.items():
            if has_photo:
                guests.set_photo(connection, ids[role], portrait(), ACTOR)
        tokens = {
            role: current_token(connection, store.event_info(), guest_id, today=GATE_TIME.date())
            for role, guest_id in ids.items()
        }
        revoked = [ids[role] for role, guest in GATE_GUESTS.items() if guest[4] == "revoked"]
        workflow.change_status(connection, revoked, "revoked", ACTOR, reason="Badge reported stolen")
        pem = keys.export_public_pem(connection)
    yield GateEvent(store, folder, ids, tokens, pem)
    store.close()


# -- the event session ------------------------------------------------------------------------------


def loaded_session(qtbot, store: EventStore) -> SessionAdapter:
    """The app's session of `store`, loaded and indexed (inline under `inline_jobs`, else on the thread pool)."""
    session = SessionAdapter(store)
    session.start()
    qtbot.waitUntil(session.is_indexed)
    jobs.wait_for_jobs()
    return session


def organiser_page(qtbot, store: EventStore, **options: object) -> OrganiserGuestsPage:
    """The organiser's page over a loaded session of `store`, shown (a hidden page refreshes only when shown)."""
    session = loaded_session(qtbot, store)
    page = OrganiserGuestsPage(session, **options)  # type: ignore[arg-type]
    session.setParent(page)
    qtbot.addWidget(page)
    page.resize(1400, 700)
    page.show()
    qtbot.waitExposed(page)
    return page
