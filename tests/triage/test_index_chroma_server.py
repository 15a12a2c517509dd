"""The scaled-out index: a real `chroma run` server on loopback, chosen by settings alone."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, free_port, make_settings
from triage.index.retrieval import retrieve_passages
from triage.intake.ingestion import ingest_file
from triage.runtime import open_runtime

pytestmark = pytest.mark.real


@pytest.fixture(scope="module")
def chroma_port(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    port = free_port()
    chroma = Path(sys.executable).parent / "chroma"
    path = tmp_path_factory.mktemp("chroma-server")
    server = subprocess.Popen(
        [str(chroma), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("chroma run did not answer within 60 s")
        yield port
    finally:
        server.terminate()
        server.wait(10)


def test_ingest_and_school_filtered_retrieval_through_a_chroma_server(
    chroma_port: int, tmp_path: Path
) -> None:
    index = {"chroma_mode": "http", "chroma_port": chroma_port}
    with open_runtime(make_settings(tmp_path / "data", index=index)) as runtime:
        ingest_file(runtime, FIXTURES / "ofsted.pdf", urn="A")
        ingest_file(runtime, FIXTURES / "visit-note.txt", urn="B")
        assert runtime.index.dense_ids("A") and runtime.index.dense_ids("B")
        found = retrieve_passages(runtime, "A", "attendance below national", k=10, mode="dense")
        assert found and {p.document for p in found} == {"ofsted.pdf"}
