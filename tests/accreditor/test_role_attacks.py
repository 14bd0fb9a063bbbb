"""A desk login tries every organiser command, through the command line and through the core API.

Each attempt must fail with one sentence naming what the role may not do, exit 1, leave no output file, and
change nothing: the whole database is dumped before and after and compared.
"""

import io
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from accreditor import bulk, categories, checkin, guests, keys, organisations, users, workflow
from accreditor.categories import Category, Zone
from accreditor.cli import main
from accreditor.cli.login import COMMAND_PERMISSIONS, CREATES_EVENT
from accreditor.gate.merge import merge_scans
from accreditor.gate.offline_gate import open_event_gate
from accreditor.gate.scan_log import export_bytes, read_export
from accreditor.gate.verdicts import GateContext
from accreditor.guests import GuestFields
from accreditor.importing.importer import import_file
from accreditor.photo_import import import_photos, match_folder
from accreditor.roles import Actor, PermissionDenied, Role
from accreditor.services import accreditation
from accreditor.services import categories as category_service
from accreditor.services.desk import DeskService
from accreditor.services.issuing import IssuingService
from accreditor.services.reports import load_report
from accreditor.store import EventStore

ORGANISER_PASSWORD = "organiser password"
DESK_PASSWORD = "desk password 1"
ORGANISATION = "Ministry of Foreign Affairs"


def dump(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as connection:
        return list(connection.iterdump())


@pytest.fixture
def secured_event(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """An event with an organiser (ana), a desk user (bob), a pending guest 1 and an approved guest 2."""
    event = tmp_path / "secured.accreditor"
    (tmp_path / "ana.txt").write_text(ORGANISER_PASSWORD + "\n", encoding="utf-8")
    (tmp_path / "bob.txt").write_text(DESK_PASSWORD + "\n", encoding="utf-8")
    as_ana = ("--user", "ana", "--password-file", tmp_path / "ana.txt")
    assert main(["init", str(event), "--name", "Summit", *map(str, as_ana)]) == 0
    add_bob = ["users", "add", str(event), "bob", "--role", "desk", "--new-password-file", str(tmp_path / "bob.txt")]
    assert main([*add_bob, *map(str, as_ana)]) == 0
    with EventStore.open(event) as store, store.begin() as connection:
        ana = Actor("ana", Role.ORGANISER)
        guests.add_guest(connection, GuestFields(family_name="Pending", organisation=ORGANISATION), ana)
        approved = guests.add_guest(connection, GuestFields(family_name="Approved", organisation=ORGANISATION), ana)
        workflow.change_status(connection, [approved], "approved", ana)
    capsys.readouterr()
    return event


def organiser_commands(event: Path, tmp_path: Path) -> list[list[str]]:
    """Every command a desk user may not run, with arguments that would succeed for an organiser."""
    registration = tmp_path / "list.csv"
    registration.write_text("Surname;Given name;Country\nNew;Guest;TJ\n", encoding="utf-8")
    (tmp_path / "photos").mkdir()
    (tmp_path / "scans.json").write_bytes(b"{}")
    (tmp_path / "new.txt").write_text("a new password\n", encoding="utf-8")
    new_password = ["--new-password-file", str(tmp_path / "new.txt")]
    out = tmp_path / "out"
    e = str(event)
    return [
        ["import", e, str(registration)],
        ["import", e, str(registration), "--dry-run"],
        ["approve", e, "1"],
        ["approve", e, "--all-pending"],
        ["reject", e, "1", "--reason", "no invitation"],
        ["revoke", e, "2", "--reason", "badge lost"],
        ["export", e, f"{out}.csv"],
        ["keys", "rotate", e],
        ["short-name", e, ORGANISATION, "MFA"],
        ["gate-package", e, f"{out}.package"],
        ["gate", e, "--zone", "MAIN"],
        ["export-scans", e, f"{out}.scans"],
        ["merge-scans", e, str(tmp_path / "scans.json")],
        ["inside", e, "--pdf", f"{out}.pdf"],
        ["photos", e, str(tmp_path / "photos")],
        ["users", "list", e],
        ["users", "add", e, "eve", "--role", "organiser", *new_password],
        ["users", "disable", e, "ana"],
        ["users", "enable", e, "ana"],
        ["users", "password", e, "ana", *new_password],
    ]


def test_every_organiser_command_refuses_a_desk_login_and_changes_nothing(
    secured_event: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"")))  # the gate would read scans from here
    before = dump(secured_event)
    commands = organiser_commands(secured_event, tmp_path)
    files_before = sorted(tmp_path.iterdir())
    as_bob = ["--user", "bob", "--password-file", str(tmp_path / "bob.txt")]

    for argv in commands:
        code = main([*argv, *as_bob])
        captured = capsys.readouterr()

        assert code == 1, argv
        assert captured.out == "", argv
        assert captured.err.startswith("accreditor: Desk users may not "), argv
        assert captured.err.count("\n") == 1 and captured.err.endswith(".\n"), argv
        assert dump(secured_event) == before, argv
    assert sorted(tmp_path.iterdir()) == files_before  # no export, package, PDF or scan log was written


def test_a_refused_approval_names_the_act(secured_event: Path, tmp_path: Path, capsys) -> None:
    code = main(["approve", str(secured_event), "1", "--user", "bob", "--password-file", str(tmp_path / "bob.txt")])

    assert (code, capsys.readouterr().err) == (1, "accreditor: Desk users may not approve guests.\n")


def test_what_the_desk_may_do_it_does(secured_event: Path, tmp_path: Path, capsys) -> None:
    as_bob = ["--user", "bob", "--password-file", str(tmp_path / "bob.txt")]

    assert main(["check-in", str(secured_event), "2", *as_bob]) == 0
    assert main(["guests", str(secured_event), "--json", *as_bob]) == 0
    assert "bob" in [row[0] for row in _checkins(secured_event)]


def test_a_wrong_password_or_none_at_all_runs_nothing(secured_event: Path, tmp_path: Path, capsys) -> None:
    (tmp_path / "wrong.txt").write_text("not the password\n", encoding="utf-8")
    # A failed login is audited: the log and its chain's head grow, nothing else changes.
    before = [line for line in dump(secured_event) if "audit_log" not in line and "audit_head" not in line]

    for login in (["--user", "bob", "--password-file", str(tmp_path / "wrong.txt")], ["--user", "bob"]):
        code = main(["check-in", str(secured_event), "2", *login])
        err = capsys.readouterr().err
        assert code == 1
        assert err in (
            "accreditor: Wrong user name or password for secured.accreditor.\n",
            "accreditor: secured.accreditor has users: log in with --user and a password.\n",
        )
    assert [line for line in dump(secured_event) if "audit_log" not in line and "audit_head" not in line] == before
    assert _checkins(secured_event) == []


def test_every_command_declares_what_it_needs() -> None:
    from accreditor.cli import build_parser  # noqa: PLC0415 - the parser is what lists the commands

    commands = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    names = set()
    for name, parser in commands.items():
        nested = parser._subparsers._group_actions[0].choices if parser._subparsers else None  # type: ignore[union-attr]
        names |= {f"{name} {action}" for action in nested} if nested else {name}
    assert names - CREATES_EVENT == set(COMMAND_PERMISSIONS)


def _checkins(event: Path) -> list[tuple[str]]:
    with closing(sqlite3.connect(event)) as connection:
        return connection.execute('SELECT "user" FROM checkins').fetchall()


# -- the core API ------------------------------------------------------------------------------------------


def core_attempts(store: EventStore, desk: Actor, tmp_path: Path) -> dict[str, Callable[[], object]]:
    """Every organiser operation of the core, called by a desk user as the services would call it."""
    registration = tmp_path / "list.csv"
    registration.write_text("Surname;Given name;Country\nNew;Guest;TJ\n", encoding="utf-8")
    (tmp_path / "photos").mkdir(exist_ok=True)
    delegate = Category("DEL", "Delegate", "#123456", ("MAIN",))

    def in_transaction(operation: Callable[..., object], *args: object, **kwargs: object) -> Callable[[], object]:
        def run() -> object:
            with store.begin() as connection:
                return operation(connection, *args, **kwargs)

        return run

    def scans_export() -> object:
        with store.connect() as connection:
            uid = keys.event_uid(connection)
        export = read_export(export_bytes([], event_uid=uid, source="gate"), "scans.json")
        return in_transaction(merge_scans, export, file="scans.json", actor=desk)()

    def photo_folder() -> object:
        with store.connect() as connection:
            plan = match_folder(connection, tmp_path / "photos")
        return import_photos(store, plan, desk)

    return {
        "approve": in_transaction(workflow.change_status, [1], "approved", desk),
        "revoke": in_transaction(workflow.change_status, [2], "revoked", desk, "lost"),
        "approve (service)": lambda: accreditation.change_status(store, [1], "approved", desk),
        "set category": in_transaction(bulk.set_category, [1], "VIP", desk),
        "change zones": lambda: accreditation.change_zones(store, [2], add=["VIP"], actor=desk),
        "zone override": in_transaction(guests.set_zone_override, 2, "VIP", True, desk),
        "edit guest": lambda: accreditation.update_guest(store, 2, GuestFields(family_name="Changed"), desk),
        "edit at the desk": lambda: DeskService(store, station="d", user=desk).edit_guest(2, GuestFields("Changed")),
        "photo": in_transaction(guests.set_photo, 2, b"\xff\xd8not a photo", desk),
        "photo folder": photo_folder,
        "import": lambda: import_file(store, registration, actor=desk),
        "import dry run": lambda: import_file(store, registration, actor=desk, dry_run=True),
        "save category": lambda: category_service.save_category(store, delegate, desk),
        "delete category": lambda: category_service.delete_category(store, "PRESS", desk),
        "save zone": lambda: category_service.save_zone(store, Zone("NEW", "New zone"), desk, new=True),
        "delete zone": in_transaction(categories.delete_zone, "VIP", desk),
        "short name": in_transaction(organisations.set_short_name, ORGANISATION, "MFA", desk),
        "rotate key": in_transaction(keys.rotate, desk, "test passphrase"),
        "change the key passphrase": in_transaction(keys.change_passphrase, desk, "test passphrase", "new passphrase"),
        "retire key": in_transaction(keys.retire, "nope", desk),
        "merge scans": scans_export,
        "gate": lambda: open_event_gate(store.location, GateContext(zone="MAIN", operator=desk)),
        "add user": in_transaction(users.add_user, desk, "eve", Role.ORGANISER, "eve's password"),
        "disable user": in_transaction(users.set_active, desk, "ana", active=False),
        "list users": in_transaction(users.list_users, desk),
        "another's password": in_transaction(users.change_password, desk, "ana", "taken over!"),
        "reports": lambda: load_report(store, actor=desk),
    }


def test_every_organiser_operation_of_the_core_refuses_a_desk_user(secured_event: Path, tmp_path: Path) -> None:
    before = dump(secured_event)
    with EventStore.open(secured_event) as store:
        desk = users.authenticate(store, "bob", DESK_PASSWORD)
        for name, attempt in core_attempts(store, desk, tmp_path).items():
            with pytest.raises(PermissionDenied, match=r"^Desk users may not [^.]+\.$"):
                attempt()
            assert dump(secured_event) == before, name


@pytest.mark.parametrize("role", [Role.SECURITY, Role.VIEWER])
def test_security_and_viewers_cannot_check_in_or_print(secured_event: Path, role: Role) -> None:
    before = dump(secured_event)
    actor = Actor("someone", role)
    with EventStore.open(secured_event) as store:
        refused = pytest.raises(PermissionDenied, match=f"{role.value.capitalize()} users may not")
        with refused, store.begin() as connection:
            checkin.check_in(connection, 2, station="s", user=actor)
        with pytest.raises(PermissionDenied, match="may not print badges"):
            IssuingService(store, user=actor).issue_one(2, None, layout="cr80")  # type: ignore[arg-type]
    assert dump(secured_event) == before
