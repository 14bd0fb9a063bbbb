"""`accreditor users …`, `init --user` and logging in on the command line: one sentence, exit 1, no password shown."""

import json
from pathlib import Path

import pytest

from accreditor import users
from tests.accreditor.test_cli import run

ANA_PASSWORD = "organiser password"
BOB_PASSWORD = "desk password 1"


@pytest.fixture
def event(tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "summit.accreditor"
    monkeypatch.setenv("ACCREDITOR_PASSWORD", ANA_PASSWORD)
    code, out, _err = run(capsys, "init", path, "--name", "Summit", "--user", "ana")
    assert code == 0
    assert "ana is its first user, an organiser" in out
    monkeypatch.setenv("ACCREDITOR_NEW_PASSWORD", BOB_PASSWORD)
    assert run(capsys, "users", "add", path, "bob", "--role", "desk", "--user", "ana")[0] == 0
    monkeypatch.delenv("ACCREDITOR_NEW_PASSWORD")
    return path


def test_an_event_without_users_says_so_and_needs_no_login(tmp_path: Path, capsys) -> None:
    path = tmp_path / "laptop.accreditor"
    code, out, _err = run(capsys, "init", path, "--name", "Laptop")
    assert code == 0 and "no users" in out

    code, out, _err = run(capsys, "users", "list", path)
    assert (code, out.strip()) == (0, users.NO_USERS_NOTE)
    assert "anyone with the file may do everything" in out
    code, out, _err = run(capsys, "users", "list", path, "--json")
    assert json.loads(out) == {"users": [], "one_laptop": True}
    nobody_pending = "accreditor: Name the guests by id, or use --all-pending.\n"
    assert run(capsys, "approve", path, "--all-pending")[2] == nobody_pending  # no login asked for


def test_users_are_listed_with_their_roles_and_no_password(event: Path, capsys) -> None:
    code, out, err = run(capsys, "users", "list", event, "--json", "--user", "ana")

    assert (code, err) == (0, "")
    listed = json.loads(out)["users"]
    roles = [(user["name"], user["role"], user["active"]) for user in listed]
    assert roles == [("ana", "organiser", True), ("bob", "desk", True)]
    assert ANA_PASSWORD not in out and BOB_PASSWORD not in out and "scrypt" not in out


def test_a_command_on_an_event_with_users_needs_the_password(event: Path, capsys, monkeypatch) -> None:
    monkeypatch.delenv("ACCREDITOR_PASSWORD")
    assert run(capsys, "guests", event, "--user", "bob") == (
        1,
        "",
        "accreditor: summit.accreditor has users: log in with --user and a password.\n",
    )
    monkeypatch.setenv("ACCREDITOR_PASSWORD", ANA_PASSWORD)
    code, _out, err = run(capsys, "guests", event, "--user", "bob")
    assert (code, err) == (1, "accreditor: Wrong user name or password for summit.accreditor.\n")
    assert ANA_PASSWORD not in err


def test_users_change_their_own_password(event: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("ACCREDITOR_PASSWORD", BOB_PASSWORD)
    (tmp_path / "new.txt").write_text("bob's new password\n", encoding="utf-8")

    code, out, err = run(
        capsys, "users", "password", event, "--user", "bob", "--new-password-file", tmp_path / "new.txt"
    )
    assert (code, out, err) == (0, "Changed the password of bob.\n", "")
    assert run(capsys, "guests", event, "--user", "bob")[0] == 1  # the old one no longer works
    monkeypatch.setenv("ACCREDITOR_PASSWORD", "bob's new password")
    assert run(capsys, "guests", event, "--user", "bob")[0] == 0


def test_a_disabled_user_is_told_so_and_the_last_organiser_stays(event: Path, capsys, monkeypatch) -> None:
    assert run(capsys, "users", "disable", event, "bob", "--user", "ana")[:2] == (0, "bob is disabled.\n")
    assert run(capsys, "users", "disable", event, "ana", "--user", "ana")[2] == (
        "accreditor: ana is the event's last active organiser and cannot be disabled.\n"
    )
    monkeypatch.setenv("ACCREDITOR_PASSWORD", BOB_PASSWORD)
    assert run(capsys, "guests", event, "--user", "bob")[2] == (
        "accreditor: The user bob is disabled; an organiser can enable them again.\n"
    )


def test_a_short_new_password_is_refused_before_anything_is_written(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("ACCREDITOR_PASSWORD", "short")
    path = tmp_path / "new.accreditor"

    code, _out, err = run(capsys, "init", path, "--name", "New", "--user", "ana")
    assert (code, err) == (1, "accreditor: A password needs at least 8 characters.\n")
    assert not path.exists()
