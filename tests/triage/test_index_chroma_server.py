"""The scaled-out index: a real `chroma run` server on loopback, chosen by settings alone, with
each authority in a tenant and database of its own, made on first use."""

from __future__ import annotations

from pathlib import Path

import chromadb
import pytest
from chromadb.config import Settings as ChromaSettings

from tests.chroma import ChromaServer
from tests.conftest import FIXTURES, make_settings
from triage.index.retrieval import retrieve_passages
from triage.intake.ingestion import ingest_file
from triage.runtime import open_runtime

pytestmark = pytest.mark.real


def test_ingest_and_school_filtered_retrieval_through_a_chroma_server(
    chroma_server: ChromaServer, tmp_path: Path
) -> None:
    index = chroma_server.index_settings()
    with open_runtime(make_settings(tmp_path / "data", index=index)) as runtime:
        ingest_file(runtime, FIXTURES / "ofsted.pdf", urn="A")
        ingest_file(runtime, FIXTURES / "visit-note.txt", urn="B")
        assert runtime.index.dense_ids("A") and runtime.index.dense_ids("B")
        found = retrieve_passages(runtime, "A", "attendance below national", k=10, mode="dense")
        assert found and {p.document for p in found} == {"ofsted.pdf"}


def test_each_authority_gets_its_own_tenant_and_database_made_on_first_use(
    chroma_server: ChromaServer, tmp_path: Path
) -> None:
    admin = chromadb.AdminClient(
        ChromaSettings(
            chroma_api_impl="chromadb.api.fastapi.FastAPI",
            chroma_server_host="127.0.0.1",
            chroma_server_http_port=chroma_server.port,
            anonymized_telemetry=False,
        )
    )
    with pytest.raises(chromadb.errors.NotFoundError):
        admin.get_tenant("bristol")
    bristol = chroma_server.index_settings(chroma_tenant="bristol", chroma_database="schools")
    surrey = chroma_server.index_settings(chroma_tenant="surrey", chroma_database="schools")
    with open_runtime(make_settings(tmp_path / "bristol", index=bristol)) as runtime:
        ingest_file(runtime, FIXTURES / "ofsted.pdf", urn="100001")
        held = runtime.index.dense_ids()
    assert admin.get_tenant("bristol")["name"] == "bristol"
    assert admin.get_database("schools", tenant="bristol")["name"] == "schools"
    # Another authority on the same server sees none of Bristol's vectors, even for the URN.
    with open_runtime(make_settings(tmp_path / "surrey", index=surrey)) as runtime:
        assert runtime.index.dense_ids() == set()
        assert runtime.index.dense_ids("100001") == set()
    # A second process of the same authority finds the tenant made, and the vectors in it.
    with open_runtime(make_settings(tmp_path / "bristol-2", index=bristol)) as runtime:
        assert runtime.index.dense_ids("100001") == held and held
