"""A real `chroma run` server on loopback for the tier-3 tests, stopped and started at will."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import free_port

CHROMA = Path(sys.executable).parent / "chroma"


class ChromaServer:
    """`chroma run` over a data folder of its own; restarting keeps the port and the data."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or Path(tempfile.mkdtemp(prefix="triage-chroma-"))
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [str(CHROMA), "run", "--path", str(self.path), "--host", "127.0.0.1"]
            + ["--port", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/api/v2/heartbeat", timeout=1)
                return
            except OSError:
                time.sleep(0.3)
        raise AssertionError("chroma run did not answer within 60 s")

    def kill(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait(10)
            self.process = None

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
            self.process = None

    def index_settings(self, **overrides: object) -> dict[str, object]:
        return {"chroma_mode": "http", "chroma_port": self.port, **overrides}


@pytest.fixture(scope="module")
def chroma_server() -> Iterator[ChromaServer]:
    """A `chroma run` server for the module's tests."""
    server = ChromaServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()
