"""The command line with an event server: init, demo and every command take a postgresql:// URL; copy moves
a whole event between a file and a server; `server init` makes a venue laptop's server."""

import json
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from accreditor import guests, pgpass, schema, server
from accreditor.cli import main
from accreditor.clock import utc_now
from accreditor.guests import GuestFields
from accreditor.store import EventStore


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def with_password(url: str, password: str) -> str:
    scheme, _, rest = url.partition("://")
    user, _, host = rest.partition("@")
    return f"{scheme}://{user}:{password}@{host}"


def every_row(location: str) -> dict[str, list[tuple]]:
    with EventStore.open(location) as store, store.connect() as connection:
        return {
            table.name: [tuple(row) for row in connection.execute(select(table).order_by(*table.primary_key.columns))]
            for table in schema.metadata.sorted_tables
        }


def test_init_and_commands_work_on_a_url_and_never_print_the_password(
    capsys: pytest.CaptureFixture[str], postgres_url: str
) -> None:
    url = with_password(postgres_url, "Sup3r-secret")

    code, out, err = run(capsys, "init", url, "--name", "Dushanbe Water Conference", "--starts", "2027-05-03")
    assert (code, err) == (0, "")
    assert "Dushanbe Water Conference" in out and "Sup3r-secret" not in out and ":***@" in out

    code, out, err = run(capsys, "guests", url, "--json")
    assert (code, json.loads(out)) == (0, [])

    code, out, err = run(capsys, "init", url, "--name", "Again")
    assert code == 2
    assert err.count("\n") == 1 and "already holds an event" in err and "Sup3r-secret" not in err


def test_demo_fills_an_empty_database_and_refuses_one_with_other_data(
    capsys: pytest.CaptureFixture[str], postgres_url: str
) -> None:
    code, out, _err = run(capsys, "demo", postgres_url, "--guests", "40")
    assert code == 0 and "with 40 guests" in out

    code, _out, err = run(capsys, "demo", postgres_url)
    assert code == 2 and "already holds an event" in err

    code, out, _err = run(capsys, "approve", postgres_url, "--all-pending", "--reason", "cleared")
    assert code == 0


def test_copy_moves_every_row_from_a_file_to_a_server_and_back(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, postgres_url: str
) -> None:
    original = tmp_path / "demo.accreditor"
    assert run(capsys, "demo", original, "--guests", "60")[0] == 0
    with EventStore.open(original) as store, store.begin() as connection:  # prints, too
        connection.execute(schema.badges.insert().values(guest_id=1, serial=1, printed_at=utc_now(), station="D1"))

    code, out, err = run(capsys, "copy", original, postgres_url)
    assert (code, err) == (0, "")
    assert "60 guests" in out
    back = tmp_path / "back.accreditor"
    code, out, _err = run(capsys, "copy", postgres_url, back, "--json")
    assert code == 0
    assert json.loads(out)["rows"]["guests"] == 60

    source_rows = every_row(str(original))
    assert source_rows["guest_photos"] and source_rows["audit_log"] and source_rows["checkins"]
    assert source_rows["badges"] and source_rows["signing_keys"]
    assert every_row(postgres_url) == source_rows
    assert every_row(str(back)) == source_rows


def test_after_a_copy_new_rows_get_new_ids(capsys: pytest.CaptureFixture[str], tmp_path: Path, postgres_url) -> None:
    original = tmp_path / "demo.accreditor"
    assert run(capsys, "demo", original, "--guests", "30")[0] == 0
    assert run(capsys, "copy", original, postgres_url)[0] == 0

    with EventStore.open(postgres_url) as store, store.begin() as connection:
        new_id = guests.add_guest(connection, GuestFields(family_name="Walk-in"), "desk")

    assert new_id == 31


def test_copy_refuses_a_destination_that_is_not_empty(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, postgres_url: str
) -> None:
    original = tmp_path / "one.accreditor"
    assert run(capsys, "init", original, "--name", "One")[0] == 0
    assert run(capsys, "init", postgres_url, "--name", "Two")[0] == 0
    existing = tmp_path / "existing.accreditor"
    existing.write_bytes(b"keep me")

    code, _out, err = run(capsys, "copy", original, postgres_url)
    assert code == 2 and "already holds an event" in err
    code, _out, err = run(capsys, "copy", original, existing)
    assert code == 2 and "already exists" in err
    assert existing.read_bytes() == b"keep me"
    with EventStore.open(postgres_url) as store:
        assert store.event_info().name == "Two"


def test_stations_lists_who_is_connected(capsys: pytest.CaptureFixture[str], postgres_url: str) -> None:
    assert run(capsys, "init", postgres_url, "--name", "Summit")[0] == 0
    with EventStore.open(postgres_url, station="Gate North") as gate:
        gate.event_info()
        code, out, _err = run(capsys, "stations", postgres_url, "--station", "Control", "--json")

    assert code == 0
    assert json.loads(out) == {"stations": ["Control", "Gate North"]}


@pytest.fixture
def server_folder(postgres_cluster: server.Cluster) -> Iterator[Path]:
    """A folder the postgres user can enter (pytest's tmp_path is private to root)."""
    del postgres_cluster  # only to skip where PostgreSQL is missing
    folder = Path(tempfile.mkdtemp(prefix="accreditor-server-init-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_server_init_makes_a_password_protected_server_with_an_empty_event_database(
    capsys: pytest.CaptureFixture[str], server_folder: Path
) -> None:
    port = server.free_port()
    password_file = server_folder / "password"
    password_file.write_text("venue-lan-2027\n", encoding="utf-8")

    code, out, err = run(
        capsys, "server", "init", server_folder / "pg", "--port", port, "--listen", "127.0.0.1",
        "--password-file", password_file,
    )  # fmt: skip
    try:
        assert (code, err) == (0, "")
        assert "venue-lan-2027" not in out
        url = f"postgresql://postgres:venue-lan-2027@127.0.0.1:{port}/event"
        assert run(capsys, "init", url, "--name", "Summit")[0] == 0

        code, _out, err = run(capsys, "guests", url.replace("venue-lan-2027", "wrong-password"))
        assert code == 2
        assert err.startswith("accreditor: The event server refused to open event on 127.0.0.1:")
        assert "password authentication failed" in err and "wrong-password" not in err and err.count("\n") == 1

        # A station that keeps the password in PostgreSQL's password file connects with a URL without it.
        pgpass.remember_password(url, "venue-lan-2027")
        assert run(capsys, "guests", pgpass.without_password(url), "--json")[:2] == (0, "[]\n")
    finally:
        assert run(capsys, "server", "stop", server_folder / "pg")[0] == 0


def test_remember_password_replaces_the_servers_line_and_keeps_the_others(monkeypatch, tmp_path: Path) -> None:
    password_file = tmp_path / "pgpass"
    monkeypatch.setenv("PGPASSFILE", str(password_file))
    password_file.write_text("other:5432:*:someone:theirs\n", encoding="utf-8")

    pgpass.remember_password("postgresql://desk@10.0.0.2/summit", "first")
    pgpass.remember_password("postgresql://desk:ignored@10.0.0.2:5432/summit", "sec:ond")

    assert (
        password_file.read_text(encoding="utf-8")
        == "other:5432:*:someone:theirs\n10.0.0.2:5432:summit:desk:sec\\:ond\n"
    )
    assert (
        pgpass.without_password("postgresql://desk:pw@10.0.0.2:5432/summit") == "postgresql://desk@10.0.0.2:5432/summit"
    )
