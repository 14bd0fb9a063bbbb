"""Write a small event file with whatever Accreditor is first on PYTHONPATH: an older version, checked out.

    git worktree add /tmp/v1 COMMIT
    PYTHONPATH=/tmp/v1 .venv/bin/python tests/data/migrations/make_fixture.py tests/data/migrations/schema-1.accreditor

Only the command line and core functions that every version since schema 1 has are used, so the
same script makes the file of each version: guests in several scripts imported from a CSV,
decisions (approved, rejected, revoked), a check-in with its undo and a second check-in, a photo,
and from schema 2 on printed and reprinted badges and a rotated key, from schema 3 on gate scans.
README.md beside this file says which commit made which file; test_migrations.py reads them.
"""

import io
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from PIL import Image

from accreditor import checkin, guests, schema
from accreditor.cli import main
from accreditor.store import EventStore

GUESTS_CSV = """\
Family name;Given name;Organisation;Country;Category;Passport;E-mail
Раҳмонов;Ҷамшед;Вазорати корҳои хориҷӣ;TJ;DEL;P1000001;rahmonov@example.org
أبو داوود;عبد الرحمن;وزارة الخارجية;Jordan;VIP;P1000002;abudawud@example.org
王;秀珍;外交部;CN;MED;P1000003;wang@example.org
Kozłowski;Łukasz;Ministerstwo Spraw Zagranicznych;Poland;DEL;P1000004;kozlowski@example.org
Ørsted;Søren;Udenrigsministeriet;DK;DEL;P1000005;orsted@example.org
Petrosyan;Aram;ԱԳՆ;AM;OBS;P1000006;petrosyan@example.org
"""


def run(*arguments: str) -> None:
    code = main(["--user", "organiser", *arguments])
    if code != 0:
        raise SystemExit(f"accreditor {' '.join(arguments)} failed with exit status {code}")


def small_photo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (90, 120), (90, 120, 160)).save(out, "JPEG", quality=70)
    return out.getvalue()


def make(event: Path) -> None:
    work = event.parent / f"{event.stem}-work"
    work.mkdir(exist_ok=True)
    csv = work / "guests.csv"
    csv.write_text(GUESTS_CSV, encoding="utf-8")
    run("init", str(event), "--name", "Migration summit", "--starts", "2027-05-03", "--ends", "2027-05-04")
    run("import", str(event), str(csv))
    run("approve", str(event), "1", "2", "3", "4", "6")
    run("reject", str(event), "5", "--reason", "no invitation")
    run("revoke", str(event), "4", "--reason", "accreditation withdrawn")
    with EventStore.open(event) as store, store.begin() as connection:
        checkin.check_in(connection, 1, station="desk-1", user="desk")
        checkin.undo_check_in(connection, 1, user="desk", reason="wrong guest")
        checkin.check_in(connection, 1, station="desk-2", user="desk")
        guests.set_photo(connection, 2, small_photo(), "organiser")
    if schema.SCHEMA_VERSION >= 2:
        run("badges", str(event), "--out", str(work / "badges.pdf"), "--layout", "cr80", "--mark-printed")
        reprint = ["--reprint", "--reason", "lost", "--guest", "2", "--mark-printed"]
        run("badges", str(event), "--out", str(work / "reprint.pdf"), "--layout", "cr80", *reprint)
        run("keys", "rotate", str(event))
    if schema.SCHEMA_VERSION >= 3:
        scan_at_the_gate(event)
    for leftover in work.iterdir():
        leftover.unlink()
    work.rmdir()


def scan_at_the_gate(event: Path) -> None:
    from accreditor.badges.printing import current_token  # noqa: PLC0415 - schema 3 and later only
    from accreditor.gate.offline_gate import open_event_gate  # noqa: PLC0415
    from accreditor.gate.verdicts import GateContext  # noqa: PLC0415

    with EventStore.open(event) as store, store.connect() as connection:
        tokens = [current_token(connection, store.event_info(), guest_id, today=date.today()) for guest_id in (1, 2, 3)]
    with open_event_gate(event, GateContext(zone="PLN", gate="PLN-in", station="gate-1")) as gate:
        gate.scan_many([*tokens, tokens[0], "not a badge"], now=datetime(2027, 5, 3, 9, 0, tzinfo=UTC))


if __name__ == "__main__":
    make(Path(sys.argv[1]).resolve())
