"""Suite-wide fixtures: tests never touch the user's files or settings; a throwaway PostgreSQL cluster."""

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from accreditor import keys, sealing, server

TEST_PASSPHRASE = "test passphrase"


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("ACCREDITOR_USER", "tester")
    monkeypatch.delenv("ACCREDITOR_PASSWORD", raising=False)  # a developer's own login must not leak into tests
    monkeypatch.delenv("ACCREDITOR_NEW_PASSWORD", raising=False)
    monkeypatch.setenv("ACCREDITOR_KEY_PASSPHRASE", TEST_PASSPHRASE)


@pytest.fixture(autouse=True)
def _locked_keys(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts with no key unlocked, and a locked key finds the test passphrase as the command line
    finds it in ACCREDITOR_KEY_PASSPHRASE (tests of locking set no source).  Sealing uses a cheap scrypt cost,
    as the full cost (128 MiB, half a second per event made or unlocked) would dominate the suite."""
    monkeypatch.setattr(sealing, "SCRYPT_LOG2_N", 12)
    keys.lock_all()
    keys.set_passphrase_source(lambda: TEST_PASSPHRASE)
    yield
    keys.lock_all()
    keys.set_passphrase_source(None)


SAMPLE_EXPORTS = Path(__file__).resolve().parent / "data"
"""Registration exports in the shapes organisers send, kept in the repository so a fresh clone tests fully."""


@pytest.fixture
def sample_exports() -> Path:
    """The folder of sample registration exports (tests/data)."""
    return SAMPLE_EXPORTS


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[server.Cluster]:
    """A PostgreSQL cluster of the system's PostgreSQL, in a temporary folder, for the whole test session.

    As root the server runs as the `postgres` user (PostgreSQL refuses root), so the folder is made
    outside pytest's private tmp_path, which that user could not enter.
    """
    if server.find_binaries() is None:
        pytest.skip("PostgreSQL is not installed (no initdb in /usr/lib/postgresql/*/bin or on PATH)")
    pytest.importorskip("psycopg", reason="psycopg is not installed (the postgres extra)")
    folder = Path(tempfile.mkdtemp(prefix="accreditor-test-pg-"))
    folder.chmod(0o755)
    cluster = server.Cluster(folder / "data", port=server.free_port())
    try:
        cluster.initialise(durable=False)
        cluster.start()
    except server.ServerError:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    yield cluster
    try:
        cluster.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_cluster: server.Cluster) -> Iterator[str]:
    """The URL of a new, empty database on the test cluster, dropped after the test."""
    name = f"event_{uuid.uuid4().hex[:12]}"
    postgres_cluster.create_database(name, file_copy=True)
    yield postgres_cluster.url(name)
    postgres_cluster.drop_database(name)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):
    """With ACCREDITOR_STRICT_SKIPS=1 (set by .ci/run) a skipped test fails: CI must run everything."""
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("ACCREDITOR_STRICT_SKIPS") == "1" and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        reason = report.longrepr[-1] if isinstance(report.longrepr, tuple) else report.longrepr
        report.longrepr = f"skipped in CI, where every test must run: {reason}"
