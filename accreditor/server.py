"""A PostgreSQL cluster of the system's own PostgreSQL, in a folder: the event server of a venue laptop.

`accreditor server init DIR --port P` uses it, and so do the tests and benchmarks, which start a
throwaway cluster in a temporary folder.  PostgreSQL refuses to run as root, so when we are root the
cluster belongs to (and its programs run as) an unprivileged user: `postgres` when the OS package made
one, `nobody` otherwise.
"""

import os
import shutil
import socket
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from accreditor.errors import AccreditorError

_SYSTEM_BINARIES = Path("/usr/lib/postgresql")  # Debian and Ubuntu: one folder per major version
_START_TIMEOUT_S = 60


class ServerError(AccreditorError):
    """The local PostgreSQL cluster cannot be made, started or stopped."""


def find_binaries() -> Path | None:
    """The folder holding `initdb` and `pg_ctl` of the newest installed PostgreSQL, or None."""
    candidates = sorted(
        (path for path in _SYSTEM_BINARIES.glob("*/bin") if (path / "initdb").exists()),
        key=lambda path: int(path.parent.name) if path.parent.name.isdigit() else 0,
    )
    if candidates:
        return candidates[-1]
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path and shutil.which("pg_ctl") else None


def free_port() -> int:
    """A TCP port nobody listens on at the moment (for throwaway clusters)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _unprivileged_user() -> str | None:
    """Whom to run PostgreSQL as: None (ourselves) unless we are root."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:  # Windows has no root (and no pwd module)
        return None
    import pwd  # noqa: PLC0415 - POSIX only

    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return name
    raise ServerError("PostgreSQL cannot run as root and this machine has neither a postgres nor a nobody user.")


@dataclass(frozen=True, slots=True)
class Cluster:
    """One PostgreSQL cluster in `data_dir`, listening on `host`:`port`."""

    data_dir: Path
    port: int
    host: str = "127.0.0.1"
    superuser: str = "postgres"

    @property
    def binaries(self) -> Path:
        found = find_binaries()
        if found is None:
            raise ServerError(
                "PostgreSQL is not installed (no initdb found); install it from the OS packages, "
                "e.g. apt-get install postgresql."
            )
        return found

    def _run(self, program: str, *arguments: str, password_file: Path | None = None) -> None:
        user = _unprivileged_user()
        command = [str(self.binaries / program), *arguments]
        if password_file is not None:
            command.append(f"--pwfile={password_file}")
        try:
            subprocess.run(
                command,
                check=True,
                capture_output=True,
                text=True,
                user=user,
                cwd=self.data_dir.parent,
                timeout=_START_TIMEOUT_S + 30,
            )
        except subprocess.CalledProcessError as error:
            detail = (error.stderr or error.stdout or "").strip().splitlines()
            raise ServerError(
                f"{program} failed ({detail[-1] if detail else f'exit status {error.returncode}'})."
            ) from error
        except subprocess.TimeoutExpired as error:
            raise ServerError(f"{program} did not finish within {error.timeout:.0f} s.") from error

    def initialise(self, *, password: str | None = None, listen: str = "127.0.0.1", durable: bool = True) -> None:
        """Make the cluster: with `password`, connections from the network need it (scram-sha-256).

        `durable=False` (throwaway test clusters) turns off fsync, which costs seconds per test run and
        protects nothing that a test keeps.
        """
        if (self.data_dir / "PG_VERSION").exists():
            raise ServerError(f"{self.data_dir} already holds a PostgreSQL cluster.")
        self.data_dir.mkdir(parents=True, exist_ok=True)
        user = _unprivileged_user()
        if user is not None:
            shutil.chown(self.data_dir, user)
        self.data_dir.chmod(0o700)
        password_file = None
        arguments = ["-D", str(self.data_dir), "-U", self.superuser, "-E", "UTF8", "--locale=C.UTF-8"]
        if password is None:
            arguments += ["-A", "trust"]
        else:
            arguments += ["--auth-local=peer", "--auth-host=scram-sha-256"]
            password_file = self.data_dir.parent / f".{self.data_dir.name}.pwfile"
            password_file.write_text(password + "\n", encoding="utf-8")
            password_file.chmod(0o600)
            if user is not None:
                shutil.chown(password_file, user)
        if not durable:
            arguments.append("--no-sync")
        try:
            self._run("initdb", *arguments, password_file=password_file)
        finally:
            if password_file is not None:
                password_file.unlink(missing_ok=True)
        settings = [
            f"listen_addresses = '{listen}'",
            f"port = {self.port}",
            f"unix_socket_directories = '{self.data_dir}'",
            "max_connections = 200",
        ]
        if not durable:
            settings += ["fsync = off", "synchronous_commit = off", "full_page_writes = off"]
        with (self.data_dir / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write("\n# Accreditor\n" + "\n".join(settings) + "\n")
        if password is not None and listen not in ("127.0.0.1", "localhost"):
            with (self.data_dir / "pg_hba.conf").open("a", encoding="utf-8") as hba:
                hba.write("# Accreditor: the stations on the venue network, with the password\n")
                hba.write("host all all 0.0.0.0/0 scram-sha-256\nhost all all ::/0 scram-sha-256\n")

    def start(self) -> None:
        log = self.data_dir / "server.log"
        self._run("pg_ctl", "-D", str(self.data_dir), "-l", str(log), "-w", "-t", str(_START_TIMEOUT_S), "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data_dir), "-m", "fast", "-w", "stop")

    def url(self, database: str, *, user: str | None = None, password: str | None = None) -> str:
        credentials = quote(user or self.superuser, safe="")
        if password:
            credentials += ":" + quote(password, safe="")
        return f"postgresql://{credentials}@{self.host}:{self.port}/{quote(database, safe='')}"

    def create_database(self, name: str, *, password: str | None = None, file_copy: bool = False) -> None:
        """An empty database for one event (owned by the superuser).

        `file_copy` copies the template's files instead of logging every page (PostgreSQL 15 and later):
        five times quicker for a cluster without fsync, as the tests' is; it costs a checkpoint elsewhere.
        """
        statement = f'CREATE DATABASE "{_identifier(name)}"'
        self._admin(statement, password, statement + " STRATEGY = FILE_COPY" if file_copy else None)

    def drop_database(self, name: str, *, password: str | None = None) -> None:
        """Remove a database, closing whoever is still connected to it."""
        self._admin(f'DROP DATABASE IF EXISTS "{_identifier(name)}" WITH (FORCE)', password)

    def _admin(self, statement: str, password: str | None, from_version_15: str | None = None) -> None:
        """Run `statement` as the superuser (or `from_version_15` instead, on a server that new)."""
        import psycopg  # noqa: PLC0415 - optional dependency, present wherever event servers are used

        try:
            with psycopg.connect(
                host=self.host,
                port=self.port,
                user=self.superuser,
                password=password,
                dbname="postgres",
                autocommit=True,
            ) as connection:
                if from_version_15 and connection.info.server_version >= 150000:
                    statement = from_version_15
                connection.execute(statement.encode())
        except psycopg.Error as error:
            raise ServerError(f"The server refused: {str(error).strip().splitlines()[0]}.") from error


def _identifier(name: str) -> str:
    if not name or '"' in name or "\x00" in name:
        raise ServerError(f"{name!r} cannot be a database name.")
    return name
