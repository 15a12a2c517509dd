"""Shared fixtures: a guard against any network address outside loopback, a run free of the
developer's own TRIAGE_* settings, data dirs, and in-process llama.cpp tests run in a child."""

from __future__ import annotations

import ipaddress
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from triage.frameworks.schema import Framework
from triage.runtime import Runtime, open_runtime
from triage.settings import Settings

# The PostgreSQL fixtures (postgres_server, new_postgres_database) and the Chroma server
# (chroma_server) for the tier-3 tests.
pytest_plugins = ["tests.postgres", "tests.chroma"]

FIXTURES = Path(__file__).parent / "fixtures" / "files"
DEMO = Path(__file__).parent.parent / "eval" / "corpora" / "demo"

_real_connect = socket.socket.connect
ROOT = Path(__file__).parent.parent
# Set in the child pytest that runs one in-process llama.cpp test (see pytest_pyfunc_call).
LLAMA_CHILD = "TESTS_LLAMA_CHILD"


@pytest.fixture(autouse=True, scope="session")
def _no_developer_settings() -> Iterator[None]:
    """Tests see the defaults, not the TRIAGE_* variables of whoever runs them."""
    with pytest.MonkeyPatch.context() as patch:
        for name in [n for n in os.environ if n.startswith("TRIAGE_")]:
            patch.delenv(name)
        yield


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


def edited_framework(framework: Framework, section: str, **values: object) -> Framework:
    """The framework with values of one section changed, as an edited file would give."""
    data = framework.model_dump()
    data[section] = {**data[section], **values}
    return Framework.model_validate(data)


@pytest.fixture
def runtime(tmp_path: Path) -> Iterator[Runtime]:
    """Empty database and index in a fresh data dir."""
    with open_runtime(make_settings(tmp_path / "data")) as opened:
        yield opened


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir with the demo corpus ingested, closed; the service's tests copy it."""
    from triage.intake.batch import ingest_corpus

    data = tmp_path_factory.mktemp("service-demo") / "data"
    with open_runtime(make_settings(data)) as runtime:
        ingest_corpus(runtime, DEMO)
    return data


@pytest.fixture(scope="session")
def demo_runtime(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runtime]:
    """The demo corpus ingested once per test session (read-only for the tests that use it)."""
    from triage.intake.batch import ingest_corpus

    data = tmp_path_factory.mktemp("demo-data")
    with open_runtime(make_settings(data)) as opened:
        ingest_corpus(opened, DEMO)
        yield opened


def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run a test marked `llama_in_process` in a child pytest: a crash inside llama.cpp (a
    segfault in `decode`, as llama-cpp-python 0.3.36 did on the packaged model) then fails that
    test with a message instead of killing the whole run."""
    marker = pyfuncitem.get_closest_marker("llama_in_process")
    params = getattr(pyfuncitem, "callspec", None)
    provider = params.params.get("provider", "llamacpp") if params else "llamacpp"
    if marker is None or provider != "llamacpp" or os.environ.get(LLAMA_CHILD):
        return None
    child = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", pyfuncitem.nodeid],
        cwd=ROOT,
        env={**os.environ, LLAMA_CHILD: "1"},
        capture_output=True,
        text=True,
        timeout=900,
    )
    if child.returncode < 0:
        name = signal.Signals(-child.returncode).name
        pytest.fail(
            f"llama.cpp crashed the process running this test ({name}); the installed "
            "llama-cpp-python build cannot run the packaged model: check its version against "
            "the pin in pyproject.toml and rebuild it (make test LLM_PIP_OPTS=--no-cache-dir)",
            pytrace=False,
        )
    if child.returncode != 0:
        pytest.fail(
            f"in a child process:\n{child.stdout[-6000:]}{child.stderr[-2000:]}", pytrace=False
        )
    return True
