"""The main flow over HTTP: sign in, upload, propose, decide, countersign, the letter, audit."""

from __future__ import annotations

import io

import docx

from tests.api.conftest import Service
from tests.conftest import FIXTURES


def test_officer_uploads_proposes_and_approves(service: Service) -> None:
    officer = service["officer"]
    with (FIXTURES / "visit-note.txt").open("rb") as handle:
        uploaded = officer.post(
            "/api/schools/900002/documents",
            files={"file": ("visit-note.txt", handle, "text/plain")},
            data={"kind": "visit_note", "date": "2026-01-14"},
        )
    assert uploaded.status_code == 201, uploaded.text
    assert uploaded.json()["status"] == "ingested"

    made = officer.post("/api/schools/900002/proposals", json={"framework": "bristol"})
    assert made.status_code == 201, made.text
    proposal = made.json()
    assert proposal["status"] == "proposed" and not proposal["out_of_date"]

    decided = officer.post(f"/api/proposals/{proposal['id']}/decision", json={"action": "approve"})
    assert decided.status_code == 201, decided.text
    category = proposal["proposal"]["category"]
    assert decided.json()["category"] == category

    school = officer.get("/api/schools/900002").json()
    bristol = next(f for f in school["frameworks"] if f["framework"] == "bristol")
    assert bristol["evidence_changed_since_decision"] is False
    if decided.json()["status"] == "final":
        assert bristol["decided_category"] == category
    assert any(d["source"] == "visit-note.txt" for d in school["documents"])


def test_note_of_visit_opens_with_its_citations(service: Service) -> None:
    officer = service["officer"]
    proposal = officer.post("/api/schools/900001/proposals", json={"framework": "surrey"}).json()
    note = officer.get(f"/api/proposals/{proposal['id']}/note.docx")
    assert note.status_code == 200
    word = docx.Document(io.BytesIO(note.content))
    text = "\n".join(p.text for p in word.paragraphs)
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    assert "Exampleshire County Council" in text
    quotes = [e["quote"] for e in proposal["proposal"]["evidence"]]
    assert quotes, "the demo school has cited evidence"
    for quote in quotes[:5]:
        assert f"\u201c{quote}\u201d" in cells
    documents = {e["document"] for e in proposal["proposal"]["evidence"]}
    assert documents <= set(cells)
