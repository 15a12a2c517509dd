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


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL of a PostgreSQL server (initdb, pg_ctl) started for this run, stopped after it."""
    bin_dir = _server_bin()
    if bin_dir is None:
        pytest.skip("PostgreSQL server binaries are not installed (apt-get install postgresql)")
    root = Path(tempfile.mkdtemp(prefix="triage-pg-"))
    if os.geteuid() == 0:
        shutil.chown(root, user="postgres")
    data, port = root / "data", free_port()
    subprocess.run(
        _as_postgres([str(bin_dir / "initdb"), "-D", str(data), "-U", "triage", "--auth=trust"]),
        check=True,
        capture_output=True,
    )
    options = f"-p {port} -k {root} -h 127.0.0.1 -c fsync=off"
    start = [str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-w", "-l", str(root / "log")]
    subprocess.run(_as_postgres([*start, "start"]), check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://triage@127.0.0.1:{port}"
    finally:
        stop = [str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]
        subprocess.run(_as_postgres(stop), check=False, capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


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
