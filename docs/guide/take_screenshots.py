"""Take the user guide's screenshots: `QT_QPA_PLATFORM=offscreen .venv/bin/python docs/guide/take_screenshots.py`.

Everything happens offscreen on a fresh demo event in a temporary folder, with settings kept there too, so the
pictures show what a user sees on the morning of the event and nobody's configuration is touched.  The gate's
clock is set to the event's first morning, when the demo badges are valid.  Images go to docs/guide/images/.
"""

import os
import sys
import tempfile
from collections.abc import Callable
from datetime import datetime, time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402 - the checkout must be importable first
from PySide6.QtWidgets import QApplication, QDialog, QWidget  # noqa: E402

from accreditor import workflow  # noqa: E402
from accreditor.badges.printing import current_token  # noqa: E402
from accreditor.categories import list_categories, list_zones  # noqa: E402
from accreditor.demo import create_demo_event  # noqa: E402
from accreditor.gate.verdicts import GateContext  # noqa: E402
from accreditor.guests import Guest, list_guests  # noqa: E402
from accreditor.store import EventStore  # noqa: E402
from ui import fonts, jobs  # noqa: E402
from ui.app import configure_application  # noqa: E402
from ui.desk.guest_form import GuestFormDialog  # noqa: E402
from ui.gate.gate_setup_dialog import GateSetupDialog  # noqa: E402
from ui.gate.gate_view import GateView  # noqa: E402
from ui.main_window import MainWindow, Mode  # noqa: E402
from ui.organiser.batch_print_dialog import BatchPrintDialog  # noqa: E402
from ui.settings import SettingsDialog, StationSettings  # noqa: E402

IMAGES = Path(__file__).resolve().parent / "images"
WINDOW_SIZE = (1280, 800)
GATE_SIZE = (1366, 768)  # a typical gate laptop, full screen
GATE_ZONE = "PLN"


def settle(app: QApplication) -> None:
    """Let layouts, timers and posted events run before a grab."""
    for _ in range(5):
        app.processEvents()


def save(widget: QWidget, name: str, app: QApplication) -> None:
    settle(app)
    path = IMAGES / f"{name}.png"
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"wrote {path.relative_to(ROOT)}")


def shoot_dialog(dialog: QDialog, name: str, app: QApplication, prepare: Callable[[], None] | None = None) -> None:
    dialog.show()
    if prepare:
        prepare()
    save(dialog, name, app)
    dialog.reject()
    dialog.deleteLater()


def guests_by(store: EventStore, accept: Callable[[Guest], bool]) -> list[Guest]:
    with store.connect() as connection:
        return [guest for guest in list_guests(connection) if accept(guest)]


def desk_shots(app: QApplication, window: MainWindow, store: EventStore) -> None:
    desk = window.desk_view
    window.set_mode(Mode.DESK)
    save(window, "desk-ready", app)

    guest = guests_by(
        store,
        lambda g: g.status == "approved" and g.checked_in_at is None and g.has_photo and "Rahmonov" in g.name_latin,
    )[0]
    desk.field.setText(guest.fields.family_name_latin.lower())
    desk.search_now()
    desk.show_guest(guest.id)
    save(window, "desk-found", app)
    desk.check_in()
    save(window, "desk-checked-in", app)

    pending = guests_by(store, lambda g: g.status == "pending" and g.has_photo)[0]
    desk.start_over()
    desk.field.setText(pending.name_latin)
    desk.search_now()
    desk.show_guest(pending.id)
    desk.enter()
    save(window, "desk-refused-pending", app)
    desk.start_over()

    with store.connect() as connection:
        categories = list_categories(connection)
    shoot_dialog(GuestFormDialog(window, categories, with_photo=True), "desk-walk-in", app)
    shoot_dialog(SettingsDialog(window, window.station), "desk-settings", app)


def gate_shots(app: QApplication, window: MainWindow, store: EventStore) -> None:
    with store.connect() as connection:
        zones = {zone.code: zone.name for zone in list_zones(connection)}
    setup = GateSetupDialog(window, zones, allow_package=False)
    setup.zone_choice.setCurrentIndex(max(setup.zone_choice.findData(GATE_ZONE), 0))
    setup.gate_name.setText("Plenary hall, north door")
    shoot_dialog(setup, "gate-setup", app)

    event = store.event_info()
    morning = datetime.combine(event.starts_on, time(9, 30)).astimezone()
    context = GateContext(
        zone=GATE_ZONE,
        direction="in",
        gate="Plenary hall, north door",
        station="Gate 1",
        operator="officer",
        now=morning,
    )
    admitted, returning, revoked, elsewhere = [
        guest
        for guest in guests_by(store, lambda g: g.status == "approved" and g.has_photo)
        if GATE_ZONE in guest.zones
    ][:4]
    outsider = guests_by(store, lambda g: g.status == "approved" and g.has_photo and GATE_ZONE not in g.zones)[0]
    with store.connect() as connection:
        tokens = {
            guest.id: current_token(connection, event, guest.id, today=morning.date())
            for guest in (admitted, returning, revoked, elsewhere, outsider)
        }
    with store.begin() as connection:
        workflow.change_status(connection, [revoked.id], "revoked", "organiser", "Badge reported lost")

    gate = GateView.for_event(store, context, verdict_seconds=60)
    gate.resize(*GATE_SIZE)
    gate.show()
    try:
        save(gate, "gate-ready", app)
        gate.handle_scan(tokens[admitted.id])
        save(gate, "gate-admit", app)
        gate.handle_scan(tokens[returning.id])
        gate.handle_scan(tokens[returning.id])
        save(gate, "gate-check", app)
        gate.handle_scan(tokens[revoked.id])
        save(gate, "gate-stop-revoked", app)
        gate.handle_scan(tokens[outsider.id])
        save(gate, "gate-stop-zone", app)
        gate.handle_scan(tokens[elsewhere.id])
        gate.toggle_inside()
        jobs.wait_for_jobs()
        save(gate, "gate-inside", app)
    finally:
        gate.close_gate()
        gate.close()


def organiser_shots(app: QApplication, window: MainWindow, store: EventStore) -> None:
    window.reload()  # the gate revoked a badge behind the window's back
    window.set_mode(Mode.ORGANISER)
    pending = guests_by(store, lambda g: g.status == "pending" and g.has_photo)[1]
    window.organiser_page.select_guests([pending.id])
    save(window, "organiser-guests", app)
    window.set_mode(Mode.REPORTS)
    jobs.wait_for_jobs()
    save(window, "organiser-reports", app)
    approved = [guest.id for guest in guests_by(store, lambda g: g.status == "approved")][:40]
    dialog = BatchPrintDialog(store, approved, window.station, window)
    shoot_dialog(dialog, "organiser-batch-print", app, dialog.preview_button.click)
    window.set_mode(Mode.DESK)


def main() -> int:
    IMAGES.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="accreditor-guide-") as folder:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(QSettings.Format.IniFormat, scope, folder)
        os.environ["ACCREDITOR_USER"] = "anna.k"
        app = QApplication([sys.argv[0]])
        configure_application(app)
        fonts.register_fonts()
        jobs.set_synchronous(True)  # backgrounds loads finish before each grab
        store = create_demo_event(Path(folder) / "demo.accreditor")
        window = MainWindow(store, station=StationSettings(station_name="Desk 2"))
        window.resize(*WINDOW_SIZE)
        window.show()
        try:
            desk_shots(app, window, store)
            gate_shots(app, window, store)
            organiser_shots(app, window, store)
        finally:
            window.close()
            jobs.wait_for_jobs()
    return 0


if __name__ == "__main__":
    sys.exit(main())
