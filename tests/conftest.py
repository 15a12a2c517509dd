"""Shared fixtures: a guard against any network address outside loopback, and data dirs."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from triage.runtime import Runtime, open_runtime
from triage.settings import Settings

# The PostgreSQL fixtures (postgres_server, new_postgres_database) and the Chroma server
# (chroma_server) for the tier-3 tests.
pytest_plugins = ["tests.postgres", "tests.chroma"]

FIXTURES = Path(__file__).parent / "fixtures" / "files"
DEMO = Path(__file__).parent.parent / "eval" / "corpora" / "demo"

_real_connect = socket.socket.connect


def _is_local(address: object) -> bool:
    if not isinstance(address, tuple):
        return True  # unix sockets
    host = str(address[0])
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def _loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any test that reaches a network address outside loopback."""

    def guarded(self: socket.socket, address: object) -> object:
        if not _is_local(address):
            raise AssertionError(f"test tried to reach {address!r}; only loopback is allowed")
        return _real_connect(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", guarded)


def free_port() -> int:
    """A free TCP port on loopback for a server a test starts."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def make_settings(data_dir: Path, **overrides: object) -> Settings:
    return Settings(data_dir=data_dir, **overrides)  # type: ignore[arg-type]


@pytest.fixture
def runtime(tmp_path: Path) -> Iterator[Runtime]:
    """Empty database and index in a fresh data dir."""
    with open_runtime(make_settings(tmp_path / "data")) as opened:
        yield opened


@pytest.fixture(scope="session")
def demo_runtime(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runtime]:
    """The demo corpus ingested once per test session (read-only for the tests that use it)."""
    from triage.intake.ingestion import ingest_corpus

    data = tmp_path_factory.mktemp("demo-data")
    with open_runtime(make_settings(data)) as opened:
        ingest_corpus(opened, DEMO)
        yield opened
