"""The signing key's passphrase on the command line: set at init, needed to sign, changed, and never guessed."""

from pathlib import Path

import pytest

from accreditor import keys
from accreditor.cli import main

ENV = "ACCREDITOR_KEY_PASSPHRASE"


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def approved_event(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Path:
    """An event whose passphrase came from a file, with one approved guest; nothing unlocked afterwards."""
    monkeypatch.delenv(ENV)
    keys.set_passphrase_source(None)
    secret = tmp_path / "passphrase.txt"
    secret.write_text("river of stars\n", encoding="utf-8")
    path = tmp_path / "conf.accreditor"
    assert run(capsys, "init", path, "--name", "Summit", "--passphrase-file", secret)[0] == 0
    names = tmp_path / "list.csv"
    names.write_text("Surname,Given name,Country,Category\nRahmonov,Jamshed,TJ,DEL\n", encoding="utf-8")
    assert run(capsys, "import", path, names)[0] == 0
    assert run(capsys, "approve", path, "1")[0] == 0
    keys.lock_all()
    return path


def test_init_without_a_passphrase_is_refused_and_makes_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENV)

    code, _out, err = run(capsys, "init", tmp_path / "conf.accreditor", "--name", "Summit")

    assert code == 2
    assert err.strip() == f"accreditor: Give the new passphrase with --passphrase-file or {ENV}."
    assert not (tmp_path / "conf.accreditor").exists()


def test_init_refuses_a_short_passphrase(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV, "short")

    code, _out, err = run(capsys, "init", tmp_path / "conf.accreditor", "--name", "Summit")

    assert code == 1
    assert "at least 8 characters" in err
    assert not (tmp_path / "conf.accreditor").exists()


def test_signing_needs_the_passphrase(
    approved_event: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = run(capsys, "token", approved_event, "1")
    assert (code, out) == (1, "")
    assert err.strip() == f"accreditor: {keys.LOCKED_MESSAGE}"

    monkeypatch.setenv(ENV, "not the passphrase")
    code, out, err = run(capsys, "token", approved_event, "1")
    assert (code, out) == (1, "")
    assert "does not unlock" in err

    monkeypatch.setenv(ENV, "river of stars")
    code, out, _err = run(capsys, "token", approved_event, "1")
    assert code == 0
    assert out.startswith("AC1:")


def test_the_passphrase_file_option_may_follow_the_command(
    approved_event: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(capsys, "token", approved_event, "1", "--passphrase-file", tmp_path / "passphrase.txt")

    assert code == 0
    assert out.startswith("AC1:")


def test_an_unreadable_passphrase_file_is_named(
    approved_event: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(capsys, "--passphrase-file", tmp_path / "missing.txt", "token", approved_event, "1")

    assert code == 2
    assert "The passphrase file" in err and "missing.txt cannot be read" in err


def test_keys_passphrase_changes_it_and_old_badges_stay_valid(
    approved_event: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV, "river of stars")
    _code, token, _err = run(capsys, "token", approved_event, "1")
    monkeypatch.setenv("ACCREDITOR_NEW_KEY_PASSPHRASE", "a sea of moons")

    code, out, _err = run(capsys, "keys", "passphrase", approved_event)
    keys.lock_all()

    assert code == 0
    assert "1 signing key changed" in out
    assert run(capsys, "verify", approved_event, token.strip())[0] == 0
    assert run(capsys, "token", approved_event, "1")[0] == 1  # the old passphrase no longer opens it
    monkeypatch.setenv(ENV, "a sea of moons")
    assert run(capsys, "keys", "rotate", approved_event)[0] == 0
    assert run(capsys, "verify", approved_event, token.strip())[0] == 0
    assert run(capsys, "audit", "verify", approved_event)[0] == 0
