"""Tier 3: `triage serve` over a real PostgreSQL and a real `chroma run`, each stopped under it
and started again: while one is away every request that needs it gets a 503 saying which, and
nothing half-written; once it is back the same server process carries on, with no restart."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.pool import NullPool

from tests.chroma import ChromaServer
from tests.conftest import FIXTURES, free_port, make_settings
from tests.postgres import PostgresCluster, create_database, new_cluster
from triage.decide import audit
from triage.index.drift import find_drift, repair_drift
from triage.intake.ingestion import ingest_file
from triage.people.users import add_user, assign, set_password
from triage.runtime import open_runtime
from triage.settings import Settings
from triage.store.models import Document, ProposalRecord
from triage.store.record import AuditEntry

pytestmark = pytest.mark.real
PASSWORD = "a long enough password"
URN = "100001"


@dataclass
class Deployment:
    settings: Settings
    postgres: PostgresCluster
    chroma: ChromaServer
    server: subprocess.Popen[bytes]
    client: httpx.Client


@pytest.fixture(scope="module")
def deployment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    postgres, chroma = new_cluster(), ChromaServer()
    postgres.start()
    chroma.start()
    data = tmp_path_factory.mktemp("faults")
    settings = make_settings(
        data,
        database_url=create_database(postgres.url),
        index=chroma.index_settings(chroma_tenant="exampleshire"),
    )
    with open_runtime(settings) as runtime:
        ingest_file(runtime, FIXTURES / "ofsted.pdf", urn=URN)
        with runtime.store.session() as session:
            officer = add_user(session, email="jo@council.example", name="Jo", role="officer")
            set_password(session, officer, PASSWORD, settings=settings)
            assign(session, officer, [URN])
    port = free_port()
    env = {
        **os.environ,
        "TRIAGE_DATA_DIR": str(data),
        "TRIAGE_DATABASE_URL": settings.db_url,
        "TRIAGE_INDEX__CHROMA_MODE": "http",
        "TRIAGE_INDEX__CHROMA_PORT": str(chroma.port),
        "TRIAGE_INDEX__CHROMA_TENANT": "exampleshire",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "triage.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(base)
        token = httpx.post(
            f"{base}/api/auth/token", data={"username": "jo@council.example", "password": PASSWORD}
        ).json()["access_token"]
        with httpx.Client(
            base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=120
        ) as client:
            yield Deployment(settings, postgres, chroma, server, client)
    finally:
        server.terminate()
        server.wait(30)
        chroma.stop()
        postgres.remove()


def _wait_healthy(base: str) -> None:
    for _ in range(300):
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.3)
    raise AssertionError("triage serve did not start")


def record_engine(deployment: Deployment) -> Engine:
    """An engine that connects afresh each time, so a restarted server leaves it nothing stale."""
    return create_engine(deployment.settings.db_url, poolclass=NullPool)


@dataclass(frozen=True)
class Counts:
    documents: int
    proposals: int
    audit: int


def counts(engine: Engine) -> Counts:
    with engine.connect() as connection:
        return Counts(
            documents=connection.scalar(select(func.count()).select_from(Document)) or 0,
            proposals=connection.scalar(select(func.count()).select_from(ProposalRecord)) or 0,
            audit=connection.scalar(select(func.count()).select_from(AuditEntry)) or 0,
        )


def upload(client: httpx.Client, path: Path) -> httpx.Response:
    with path.open("rb") as handle:
        return client.post(
            f"/api/schools/{URN}/documents",
            files={"file": (path.name, handle)},
            data={"kind": "visit_note"},
        )


def test_the_database_going_away_gives_503s_and_its_return_needs_no_restart(
    deployment: Deployment,
) -> None:
    client, engine = (
        deployment.client,
        create_engine(deployment.settings.db_url, poolclass=NullPool),
    )
    try:
        assert client.get(f"/api/schools/{URN}").status_code == 200
        before = counts(engine)
        deployment.postgres.stop("immediate")
        for response in (
            client.get(f"/api/schools/{URN}"),
            client.post(f"/api/schools/{URN}/proposals", json={"framework": "bristol"}),
            upload(client, FIXTURES / "visit-note.txt"),
        ):
            assert response.status_code == 503, response.text
            assert "database is unreachable" in response.json()["detail"]
            assert "nothing was changed" in response.json()["detail"]
        deployment.postgres.start()
        assert client.get(f"/api/schools/{URN}").status_code == 200
        assert counts(engine) == before  # nothing half-written while it was away
        proposed = client.post(f"/api/schools/{URN}/proposals", json={"framework": "bristol"})
        assert proposed.status_code == 201
        # Gone in the middle of a proposal: it either finished whole, or left nothing.
        before = counts(engine)
        outcome = _stop_during(
            deployment.postgres.stop,
            lambda: client.post(f"/api/schools/{URN}/proposals", json={"framework": "surrey"}),
        )
        deployment.postgres.start()
        assert outcome.status_code in (201, 503)
        after = counts(engine)
        grew = 1 if outcome.status_code == 201 else 0
        assert (after.proposals, after.audit) == (before.proposals + grew, before.audit + grew)
        assert deployment.server.poll() is None  # the same process all along
        _assert_consistent(deployment.settings)
    finally:
        engine.dispose()


def test_the_chroma_server_going_away_gives_503s_and_its_return_needs_no_restart(
    deployment: Deployment,
) -> None:
    client, engine = (
        deployment.client,
        create_engine(deployment.settings.db_url, poolclass=NullPool),
    )
    files = deployment.settings.files_dir
    try:
        before, stored = counts(engine), sorted(files.rglob("*.*"))
        deployment.chroma.kill()
        for response in (
            upload(client, FIXTURES / "visit-note.txt"),
            client.post(f"/api/schools/{URN}/proposals", json={"framework": "bristol"}),
            client.post(f"/api/schools/{URN}/ask", json={"question": "How is attendance?"}),
        ):
            assert response.status_code == 503, response.text
            assert "Chroma server" in response.json()["detail"]
        assert counts(engine) == before and sorted(files.rglob("*.*")) == stored
        deployment.chroma.start()
        assert upload(client, FIXTURES / "visit-note.txt").status_code == 201
        assert client.post(f"/api/schools/{URN}/ask", json={"question": "Reading?"}).is_success
        # Killed in the middle of an upload: the document is there whole, or not at all.
        before = counts(engine)
        outcome = _stop_during(
            deployment.chroma.kill, lambda: upload(client, FIXTURES / "sef.docx")
        )
        deployment.chroma.start()
        assert outcome.status_code in (201, 503)
        grew = 1 if outcome.status_code == 201 else 0
        assert counts(engine).documents == before.documents + grew
        assert deployment.server.poll() is None
        _assert_consistent(deployment.settings)
    finally:
        engine.dispose()


def _stop_during(stop: object, request: object, delay: float = 0.3) -> httpx.Response:
    """Send the request, and stop the server under it a moment later."""
    timer = threading.Timer(delay, stop)  # type: ignore[arg-type]
    timer.start()
    try:
        return request()  # type: ignore[operator, no-any-return]
    finally:
        timer.join()


def _assert_consistent(settings: Settings) -> None:
    """The audit chain verifies; the index agrees with the database, or `triage doctor
    --repair` makes it (vectors written just before Chroma died cannot be taken back then)."""
    with open_runtime(settings) as runtime:
        drift = find_drift(runtime)
        if not drift.clean:
            assert not drift.missing_dense  # nothing the database holds is missing
            repair_drift(runtime, drift)
            assert find_drift(runtime).clean
        with runtime.store.session() as session:
            assert audit.verify(session).ok
