"""Tier 3: `triage serve` on loopback against a real PostgreSQL, the main flow over HTTP, and
the audit table append-only for the application's own role."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DatabaseError

from tests.conftest import FIXTURES, free_port
from tests.postgres import create_database

pytestmark = pytest.mark.real
PASSWORD = "a long enough password"


def _triage(*args: str, env: dict[str, str], stdin: str | None = None) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "triage.cli", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def postgres_url(postgres_server: str) -> str:
    """One database on the test run's PostgreSQL for this module's server."""
    return create_database(postgres_server)


@pytest.fixture(scope="module")
def served(postgres_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    env = {
        **os.environ,
        "TRIAGE_DATA_DIR": str(tmp_path_factory.mktemp("serve")),
        "TRIAGE_DATABASE_URL": postgres_url,
    }
    for person, role in (("lead", "lead"), ("lead2", "lead"), ("officer", "officer")):
        _triage(
            "users",
            "add",
            f"{person}@council.example",
            "--role",
            role,
            "--name",
            person.title(),
            "--password-stdin",
            env=env,
            stdin=PASSWORD + "\n",
        )
    _triage(
        "ingest",
        str(FIXTURES / "ofsted.pdf"),
        str(FIXTURES / "sef.docx"),
        "--school",
        "100001",
        env=env,
    )
    _triage("users", "assign", "officer@council.example", "100001", env=env)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "triage.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(os.environ.get("TRIAGE_SERVE_LOG", os.devnull), "w"),
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.5)
        else:
            pytest.fail("triage serve did not start")
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)
    _triage("audit", "verify", env=env)


def _client(base: str, person: str) -> httpx.Client:
    token = httpx.post(
        f"{base}/api/auth/token",
        data={"username": f"{person}@council.example", "password": PASSWORD},
    ).json()["access_token"]
    return httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=120)


def test_main_flow_over_http_on_postgresql(served: str) -> None:
    officer, lead, lead2 = (_client(served, p) for p in ("officer", "lead", "lead2"))
    assert [s["urn"] for s in officer.get("/api/schools").json()] == ["100001"]
    note = ("visit.txt", b"NOTE OF VISIT\n\n2 February 2026\n\nAttendance has risen to 95%.\n")
    assert officer.post("/api/schools/100001/documents", files={"file": note}).status_code == 201
    proposal = officer.post("/api/schools/100001/proposals", json={"framework": "bristol"}).json()
    body = {
        "action": "override",
        "category": "causing-concern",
        "reason": (
            "The Ofsted report finds attendance below national and too many pupils persistently "
            "absent, which outweighs the SEF's own view."
        ),
    }
    if proposal["proposal"]["category"] == "causing-concern":
        body = {"action": "approve"}
    decided = officer.post(f"/api/proposals/{proposal['id']}/decision", json=body)
    assert decided.status_code == 201 and decided.json()["status"] == "awaiting_countersign"
    signed = lead.post(f"/api/proposals/{proposal['id']}/countersign", json={"agree": True})
    assert signed.json()["status"] == "final"
    assert lead2.get(f"/api/proposals/{proposal['id']}/note.docx").status_code == 200
    answer = officer.post("/api/schools/100001/ask", json={"question": "How is attendance?"})
    assert answer.status_code == 200 and answer.json()["citations"]
    job = officer.post("/api/proposals/batch", json={"framework": "surrey"}).json()
    for _ in range(240):
        state = officer.get(f"/api/jobs/{job['id']}").json()
        if state["status"] in ("done", "failed"):
            break
        time.sleep(0.5)
    assert state["status"] == "done" and state["done"] == 1
    verdict = lead.get("/api/audit/verify").json()
    assert verdict["ok"] is True and verdict["entries"] > 10


def test_the_audit_table_is_append_only_for_the_application(
    served: str,
    postgres_url: str,
) -> None:
    engine = create_engine(postgres_url)
    try:
        for statement in (
            "UPDATE audit_entries SET actor = 'x'",
            "DELETE FROM audit_entries",
            "TRUNCATE audit_entries",
        ):
            with pytest.raises(DatabaseError, match="append-only"):
                with engine.begin() as connection:
                    connection.execute(text(statement))
    finally:
        engine.dispose()
