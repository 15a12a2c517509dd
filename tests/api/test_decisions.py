"""DESIGN.md's decision rules over HTTP: approve, override with a reason of substance,
countersignature by another lead, stale proposals refused."""

from __future__ import annotations

from tests.api.conftest import Service

GOOD_REASON = (
    "The February warning notice and the governors' minutes show leadership capacity is weaker "
    "than the report card suggests, so more support is needed this year."
)


def _propose(service: Service, urn: str, framework: str, person: str = "officer") -> dict:
    made = service[person].post(f"/api/schools/{urn}/proposals", json={"framework": framework})
    assert made.status_code == 201, made.text
    return made.json()


def test_approve_takes_the_proposed_category(service: Service) -> None:
    proposal = _propose(service, "900001", "bristol")
    other = service["officer"].post(
        f"/api/proposals/{proposal['id']}/decision",
        json={"action": "approve", "category": "developing"},
    )
    assert other.status_code == 422 and "override" in other.json()["detail"]
    approved = service["officer"].post(
        f"/api/proposals/{proposal['id']}/decision", json={"action": "approve"}
    )
    assert approved.status_code == 201
    assert approved.json()["category"] == proposal["proposal"]["category"]
    again = service["officer"].post(
        f"/api/proposals/{proposal['id']}/decision", json={"action": "approve"}
    )
    assert again.status_code == 409


def test_override_needs_a_reason_of_substance(service: Service) -> None:
    proposal = _propose(service, "900002", "surrey")
    url = f"/api/proposals/{proposal['id']}/decision"
    categories = [
        "light-touch",
        "light-touch-plus",
        "support-and-challenge",
        "support-and-challenge-plus",
    ]
    target = next(c for c in categories if c != proposal["proposal"]["category"])
    for reason in (
        "",
        "Disagree.",
        "I think this school is doing a lot better than the scores say and I know it well.",
    ):
        refused = service["officer"].post(
            url, json={"action": "override", "category": target, "reason": reason}
        )
        assert refused.status_code == 422, reason
        assert "reason" in refused.json()["detail"]
    missing = service["officer"].post(url, json={"action": "override", "reason": GOOD_REASON})
    assert missing.status_code == 422


def test_bottom_category_waits_for_another_leads_countersignature(service: Service) -> None:
    proposal = _propose(service, "900005", "bristol", person="lead")
    url = f"/api/proposals/{proposal['id']}"
    if proposal["proposal"]["category"] == "causing-concern":
        body = {"action": "approve"}
    else:
        body = {"action": "override", "category": "causing-concern", "reason": GOOD_REASON}
    decided = service["lead"].post(f"{url}/decision", json=body)
    assert decided.status_code == 201, decided.text
    assert decided.json()["status"] == "awaiting_countersign"
    own = service["lead"].post(f"{url}/countersign", json={"agree": True})
    assert own.status_code == 403 and "other than" in own.json()["detail"]
    officer = service["officer"].post(f"{url}/countersign", json={"agree": True})
    assert officer.status_code == 403
    signed = service["lead2"].post(f"{url}/countersign", json={"agree": True, "reason": "Agreed."})
    assert signed.status_code == 200 and signed.json()["status"] == "final"
    assert signed.json()["countersigner"] == "Lead2"
    view = service["school"].get("/api/schools/900005")
    assert view.status_code == 404  # the school user belongs to 900001 only


def test_a_stale_proposal_is_refused(service: Service) -> None:
    proposal = _propose(service, "900004", "buckinghamshire")
    note = b"NOTE OF VISIT\n\n3 March 2026\n\nAttendance has risen to 95.2% this term.\n"
    uploaded = service["officer"].post(
        "/api/schools/900004/documents",
        files={"file": ("visit-2026-03.txt", note, "text/plain")},
    )
    assert uploaded.status_code == 201
    fresh = service["officer"].get(f"/api/proposals/{proposal['id']}").json()
    assert fresh["out_of_date"] is True
    refused = service["officer"].post(
        f"/api/proposals/{proposal['id']}/decision", json={"action": "approve"}
    )
    assert refused.status_code == 409
    assert "propose again" in refused.json()["detail"]


def test_the_school_sees_only_its_decided_category(service: Service) -> None:
    proposal = _propose(service, "900001", "surrey")
    before = service["school"].get("/api/schools/900001").json()
    assert before["documents"] == []
    assert all(f["latest_proposal"] is None for f in before["frameworks"])
    assert service["school"].get(f"/api/proposals/{proposal['id']}").status_code == 404
    service["officer"].post(f"/api/proposals/{proposal['id']}/decision", json={"action": "approve"})
    after = service["school"].get("/api/schools/900001").json()
    surrey = next(f for f in after["frameworks"] if f["framework"] == "surrey")
    assert surrey["decided_category"] == proposal["proposal"]["category"]
    assert surrey["evidence_for"] is not None
    assert service["school"].get(f"/api/proposals/{proposal['id']}").status_code == 200
