"""Access as a contract: every route that names a school, document, proposal, answer or job has a
per-school access dependency, and each role meets the status the table says on each route."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.routing import APIRoute

from tests.api.conftest import MISSING_SCHOOL, OTHER_SCHOOL, PEOPLE, Service
from tests.routes import app_routes, assert_access_checked
from triage.jobs.queue import create_job
from triage.store.models import Document
from triage.store.people import User

PUBLIC = {"/healthz", "/api/auth/token", "/api/auth/first-password"}
ROLES = list(PEOPLE)


def _routes(service: Service) -> list[APIRoute]:
    """The API's routes (the pages' are walked the same way in tests/web)."""
    api = [r for r in app_routes(service.app) if r.path.startswith("/api/") or r.path == "/healthz"]
    assert len(api) > 20, "the walk found too few routes to mean anything"
    return api


def test_every_route_naming_a_school_thing_checks_access(service: Service) -> None:
    assert_access_checked(_routes(service), PUBLIC)


@pytest.fixture(scope="module")
def ids(service: Service) -> dict[str, Any]:
    """A proposal, a decided proposal, a document, an answer and a job in school 900001."""
    officer = service["officer"]
    open_ = officer.post("/api/schools/900001/proposals", json={"framework": "bristol"}).json()
    decided = officer.post("/api/schools/900001/proposals", json={"framework": "staffordshire"})
    decided_id = decided.json()["id"]
    approved = officer.post(f"/api/proposals/{decided_id}/decision", json={"action": "approve"})
    assert approved.json()["status"] == "final", approved.text
    answer = officer.post("/api/schools/900001/ask", json={"question": "How is attendance?"})
    runtime = service.app.state.runtime
    with runtime.store.session() as session:
        document = session.query(Document).filter_by(school_urn="900001").first()
        owner = session.query(User).filter_by(email="officer@council.example").one()
        job = create_job(session, kind="propose_batch", owner=owner, params={}, total=0)
        document_id, job_id = document.id, job.id
    return {
        "proposal": open_["id"],
        "decided": decided_id,
        "document": document_id,
        "answer": answer.json()["id"],
        "job": job_id,
    }


# (method, path, json body or "empty-file"); expected status per role:
# officer, officer2, lead, lead2, admin, school.
MATRIX: list[tuple[str, str, Any, dict[str, int]]] = []


def row(method: str, path: str, body: Any, *statuses: int) -> None:
    people = ("officer", "officer2", "lead", "lead2", "admin", "school")
    MATRIX.append((method, path, body, dict(zip(people, statuses, strict=True))))


row("GET", "/api/schools", None, 200, 200, 200, 200, 200, 200)
row("GET", "/api/auth/me", None, 200, 200, 200, 200, 200, 200)
row("GET", "/api/schools/900001", None, 200, 404, 200, 200, 404, 200)
row("GET", f"/api/schools/{OTHER_SCHOOL}", None, 404, 200, 200, 200, 404, 404)
row("POST", "/api/schools/900001/documents", "empty-file", 422, 404, 422, 422, 404, 403)
row("POST", "/api/schools/900001/proposals", {"framework": "nope"}, 422, 404, 422, 422, 404, 403)
row("GET", "/api/proposals/{proposal}", None, 200, 404, 200, 200, 404, 404)
row("GET", "/api/proposals/{decided}", None, 200, 404, 200, 200, 404, 200)
row(
    "POST",
    "/api/proposals/{proposal}/decision",
    {"action": "override"},
    422,
    404,
    422,
    422,
    404,
    404,
)
row("POST", "/api/proposals/{proposal}/countersign", {"agree": True}, 403, 404, 409, 409, 404, 404)
row("GET", "/api/proposals/{proposal}/note.docx", None, 200, 404, 200, 200, 404, 404)
row("GET", "/api/proposals/{decided}/note.docx", None, 200, 404, 200, 200, 404, 200)
row("POST", "/api/schools/900001/ask", {"question": "reading?"}, 200, 404, 200, 200, 404, 403)
row("GET", "/api/answers/{answer}", None, 200, 404, 200, 200, 404, 403)
row("GET", "/api/documents/{document}", None, 200, 404, 200, 200, 404, 403)
row("POST", "/api/proposals/batch", {"framework": "nope"}, 422, 422, 422, 422, 403, 403)
row("GET", "/api/jobs/{job}", None, 200, 404, 404, 404, 404, 404)
row("GET", "/api/audit", None, 403, 403, 200, 200, 200, 403)
row("GET", "/api/audit/verify", None, 403, 403, 200, 200, 200, 403)
row("GET", "/api/users", None, 403, 403, 403, 403, 200, 403)
row("POST", "/api/users", {"email": "x", "name": "y", "role": "nope"}, 403, 403, 403, 403, 422, 403)
row("POST", "/api/users/999/disable", None, 403, 403, 403, 403, 404, 403)
row("POST", "/api/users/999/schools", {"schools": ["900001"]}, 403, 403, 403, 403, 404, 403)
row("DELETE", "/api/users/999/schools/900001", None, 403, 403, 403, 403, 404, 403)


def _send(client: Any, method: str, path: str, body: Any) -> Any:
    if body == "empty-file":
        return client.post(path, files={"file": ("empty.txt", b"", "text/plain")})
    return client.request(method, path, json=body)


@pytest.mark.parametrize(
    ("method", "path", "body", "expected"), MATRIX, ids=[f"{m} {p}" for m, p, _, _ in MATRIX]
)
def test_route_by_role(
    service: Service,
    ids: dict[str, Any],
    method: str,
    path: str,
    body: Any,
    expected: dict[str, int],
) -> None:
    url = path.format(**ids)
    got = {person: _send(service[person], method, url, body).status_code for person in expected}
    assert got == expected
    assert _send(service.anonymous, method, url, body).status_code == 401


def test_the_matrix_covers_every_route(service: Service) -> None:
    covered = {(m, p.split("{")[0].rstrip("/")) for m, p, _, _ in MATRIX}
    for route in _routes(service):
        if route.path in PUBLIC or route.path == "/api/auth/logout":
            continue
        for method in route.methods:
            prefix = route.path.split("{")[0].rstrip("/")
            assert any(m == method and p.startswith(prefix) for m, p in covered), (
                f"{method} {route.path} is not in the route x role matrix"
            )


def test_an_unseen_school_looks_exactly_like_a_missing_one(service: Service) -> None:
    officer = service["officer"]
    unseen = officer.get(f"/api/schools/{OTHER_SCHOOL}")
    missing = officer.get(f"/api/schools/{MISSING_SCHOOL}")
    assert unseen.status_code == missing.status_code == 404
    assert unseen.json()["detail"].replace(OTHER_SCHOOL, "X") == missing.json()["detail"].replace(
        MISSING_SCHOOL, "X"
    )
    assert unseen.headers.keys() == missing.headers.keys()
    for path in ("/api/proposals/{}", "/api/documents/{}", "/api/answers/{}"):
        assert officer.get(path.format(10**9)).json()["detail"].startswith("no ")


def test_refusals_are_on_the_record(service: Service) -> None:
    service["officer"].get(f"/api/schools/{OTHER_SCHOOL}")
    entries = service["lead"].get("/api/audit").json()
    assert any(
        e["action"] == "access.refused" and e["subject"] == f"school:{OTHER_SCHOOL}"
        for e in entries
    )
