"""A real PostgreSQL for the tier-3 tests: its own cluster on loopback, one database per test."""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from tests.conftest import free_port

NewDatabase = Callable[[], str]


def _server_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _as_postgres(args: list[str]) -> list[str]:
    """initdb refuses to run as root; run the server as the postgres user when we are root."""
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


class PostgresCluster:
    """A PostgreSQL cluster of its own (initdb), on loopback; stopped and started at will, on
    the same port and data, as the fault tests need."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="triage-pg-"))
        if os.geteuid() == 0:
            shutil.chown(self.root, user="postgres")
        self.data, self.port = self.root / "data", free_port()
        subprocess.run(
            _as_postgres(
                [str(bin_dir / "initdb"), "-D", str(self.data), "-U", "triage", "--auth=trust"]
            ),
            check=True,
            capture_output=True,
        )

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://triage@127.0.0.1:{self.port}"

    def start(self) -> None:
        options = f"-p {self.port} -k {self.root} -h 127.0.0.1 -c fsync=off"
        start = [str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-o", options, "-w"]
        start += ["-l", str(self.root / "log"), "start"]
        subprocess.run(_as_postgres(start), check=True, capture_output=True)

    def stop(self, mode: str = "fast") -> None:
        """Stop the server; `immediate` is the nearest to pulling the plug."""
        stop = [str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop"]
        subprocess.run(_as_postgres(stop), check=False, capture_output=True)

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)


def new_cluster() -> PostgresCluster:
    bin_dir = _server_bin()
    if bin_dir is None:
        pytest.skip("PostgreSQL server binaries are not installed (apt-get install postgresql)")
    return PostgresCluster(bin_dir)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL of a PostgreSQL server (initdb, pg_ctl) started for this run, stopped after it."""
    cluster = new_cluster()
    cluster.start()
    try:
        yield cluster.url
    finally:
        cluster.remove()


_numbers = itertools.count(1)


def create_database(server: str) -> str:
    """An empty database on the server; returns its URL."""
    name = f"triage_{os.getpid()}_{next(_numbers)}"
    admin = create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    finally:
        admin.dispose()
    return f"{server}/{name}"


@pytest.fixture
def new_postgres_database(postgres_server: str) -> NewDatabase:
    """Creates an empty database on the server and returns its URL, once per call."""
    return lambda: create_database(postgres_server)
