"""The pages through a browser-like client: signing in and out, the session cookie, CSRF, the
same 404 for another officer's school as for none, each role's pages, and the decision flow."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from tests.api.conftest import MISSING_SCHOOL, OTHER_SCHOOL, PASSWORD, email
from tests.conftest import FIXTURES
from tests.web.conftest import Pages, post_form, sign_in, token
from triage.api.deps import SESSION_COOKIE
from triage.people.tokens import issue_token
from triage.people.users import find_user
from triage.store.models import Document, ProposalRecord
from triage.web.csrf import FIELD

OVERRIDE_REASON = (
    "The visit note of November records attendance falling well below national, so the "
    "school needs more support than the data alone suggests."
)


def _proposal_id(pages: Pages, person: str, urn: str, framework: str) -> int:
    made = post_form(pages[person], f"/schools/{urn}/proposals", {"framework": framework})
    assert made.status_code == 303, made.text
    runtime = pages.app.state.runtime
    with runtime.store.session() as session:
        record = (
            session.query(ProposalRecord)
            .filter_by(school_urn=urn, framework=framework)
            .order_by(ProposalRecord.id.desc())
            .first()
        )
        assert record is not None
        return record.id


def test_pages_need_a_session_and_send_you_back_after_signing_in(pages: Pages) -> None:
    browser = pages.anonymous()
    sent = browser.get("/schools/900001")
    assert sent.status_code == 303
    assert sent.headers["location"] == "/sign-in?next=%2Fschools%2F900001"
    signed = post_form(
        browser,
        "/sign-in",
        {"email": email("officer"), "password": PASSWORD, "next": "/schools/900001"},
    )
    assert signed.status_code == 303 and signed.headers["location"] == "/schools/900001"
    assert browser.get("/schools/900001").status_code == 200


def test_the_session_cookie_is_httponly_lax_and_secure_over_https(pages: Pages) -> None:
    for base, secure in (("http://testserver", False), ("https://testserver", True)):
        browser = pages.anonymous(base_url=base)
        response = sign_in(browser, "officer")
        cookie = next(
            c for c in response.headers.get_list("set-cookie") if c.startswith(SESSION_COOKIE)
        )
        attributes = {a.strip().split("=")[0].lower() for a in cookie.split(";")}
        assert {"httponly", "max-age", "path"} <= attributes
        assert "samesite=lax" in cookie.lower()
        assert ("secure" in attributes) is secure
        max_age = int(re.search(r"Max-Age=(\d+)", cookie).group(1))  # type: ignore[union-attr]
        assert max_age == pages.settings.service.token_minutes * 60


def test_a_wrong_password_is_said_plainly(pages: Pages) -> None:
    browser = pages.anonymous()
    refused = sign_in(browser, "lead2", password="not the password at all")
    assert refused.status_code == 401
    assert "There is a problem" in refused.text and "wrong email or password" in refused.text
    assert SESSION_COOKIE not in browser.cookies


def test_signing_out_ends_the_session_and_an_expired_one_asks_again(pages: Pages) -> None:
    browser = pages.anonymous()
    sign_in(browser, "officer")
    session_token = browser.cookies[SESSION_COOKIE]
    out = post_form(browser, "/sign-out")
    assert out.status_code == 303 and out.headers["location"] == "/sign-in?notice=signed-out"
    assert SESSION_COOKIE not in browser.cookies
    stale = pages.anonymous()
    stale.cookies.set(SESSION_COOKIE, session_token)
    again = stale.get("/schools")
    assert again.status_code == 303 and "notice=session-ended" in again.headers["location"]
    runtime = pages.app.state.runtime
    with runtime.store.session() as session:
        user = find_user(session, email("officer"))
        assert user is not None
        expired = issue_token(session, user, kind="session", lifetime=dt.timedelta(seconds=-1))
    stale.cookies.set(SESSION_COOKIE, expired)
    assert stale.get("/schools").status_code == 303
    shown = stale.get("/sign-in?notice=session-ended")
    assert "Your session has ended" in shown.text


def test_a_form_without_its_token_is_refused_and_changes_nothing(pages: Pages) -> None:
    officer = pages["officer"]
    runtime = pages.app.state.runtime

    def proposals() -> int:
        with runtime.store.session() as session:
            return session.query(ProposalRecord).count()

    before = proposals()
    bare = officer.post("/schools/900002/proposals", data={"framework": "bristol"})
    assert bare.status_code == 403 and "security token" in bare.text
    forged = officer.post(
        "/schools/900002/proposals", data={FIELD: "not-the-token", "framework": "bristol"}
    )
    assert forged.status_code == 403
    upload = officer.post(
        "/schools/900002/documents",
        files={"files": ("note.txt", b"A visit note.", "text/plain")},
    )
    assert upload.status_code == 403
    assert proposals() == before
    # Signing in is checked even with no cookies, so no site can sign a browser in as itself.
    fresh = pages.anonymous()
    blind = fresh.post("/sign-in", data={"email": email("officer"), "password": PASSWORD})
    assert blind.status_code == 403 and SESSION_COOKIE not in fresh.cookies
    # The API's cookie-less clients (bearer tokens) are not forms and are not asked for one.
    api = pages.anonymous()
    bearer = api.post("/api/auth/token", data={"username": email("lead"), "password": PASSWORD})
    assert bearer.status_code == 200


def test_the_api_asks_a_cookie_signed_in_browser_for_the_token_too(pages: Pages) -> None:
    officer = pages["officer"]
    body = {"question": "How is attendance?"}
    bare = officer.post("/api/schools/900001/ask", json=body)
    assert bare.status_code == 403 and "security token" in bare.json()["detail"]
    sent = officer.post(
        "/api/schools/900001/ask", json=body, headers={"x-csrftoken": token(officer)}
    )
    assert sent.status_code == 200
    other = pages["lead"]
    stolen = other.post(
        "/api/schools/900001/ask", json=body, headers={"x-csrftoken": token(officer)}
    )
    assert stolen.status_code == 403  # a token is good only with the session it was made for


def test_another_officers_school_looks_exactly_like_no_school(pages: Pages) -> None:
    officer = pages["officer"]
    theirs = officer.get(f"/schools/{OTHER_SCHOOL}")
    missing = officer.get(f"/schools/{MISSING_SCHOOL}")
    assert theirs.status_code == missing.status_code == 404
    assert theirs.text == missing.text
    assert officer.get(f"/schools/{OTHER_SCHOOL}/ask").text == missing.text
    runtime = pages.app.state.runtime
    with runtime.store.session() as session:
        other_doc = session.query(Document).filter_by(school_urn=OTHER_SCHOOL).first()
        assert other_doc is not None
        other_doc_id = other_doc.id
    hidden = officer.get(f"/documents/{other_doc_id}")
    assert hidden.status_code == 404 and "Page not found" in hidden.text
    assert officer.get("/documents/99999999").text == hidden.text
    assert officer.get("/schools/not a urn!").status_code == 404
    other_proposal = _proposal_id(pages, "officer2", OTHER_SCHOOL, "surrey")
    assert officer.get(f"/proposals/{other_proposal}").status_code == 404
    assert pages["officer2"].get(f"/proposals/{other_proposal}").status_code == 200


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/schools", {"officer": 200, "lead": 200, "admin": 403, "school": 303}),
        ("/schools/900001", {"officer": 200, "lead": 200, "admin": 404, "school": 200}),
        ("/schools/900001/ask", {"officer": 200, "lead": 200, "admin": 404, "school": 403}),
        ("/audit", {"officer": 403, "lead": 200, "admin": 200, "school": 403}),
        ("/audit?school=900001", {"officer": 403, "lead": 200, "admin": 200, "school": 403}),
        ("/users", {"officer": 403, "lead": 403, "admin": 200, "school": 403}),
        ("/", {"officer": 303, "lead": 303, "admin": 303, "school": 303}),
    ],
)
def test_each_role_meets_its_pages(pages: Pages, path: str, expected: dict[str, int]) -> None:
    for person, status in expected.items():
        response = pages[person].get(path)
        assert response.status_code == status, (person, path, response.text[:300])
        if status == 200:
            assert response.headers["content-type"].startswith("text/html")


def test_the_lead_sees_the_authoritys_counts_and_an_officer_only_theirs(pages: Pages) -> None:
    lead = pages["lead"].get("/schools")
    assert "Categories decided" in lead.text and "Changes this term" in lead.text
    assert "Showing 5 of 5 schools" in lead.text
    officer = pages["officer"].get("/schools")
    assert "Categories decided" not in officer.text
    assert "Showing 4 of 4 schools" in officer.text and OTHER_SCHOOL not in officer.text
    found = pages["officer"].get("/schools?q=ashcombe&sort=name")
    assert "Showing 1 of 4 schools" in found.text


def test_decide_override_countersign_and_the_note(pages: Pages) -> None:
    officer, lead = pages["officer"], pages["lead"]
    proposal_id = _proposal_id(pages, "officer", "900001", "bristol")
    page = officer.get(f"/proposals/{proposal_id}")
    assert page.status_code == 200 and "Evidence for each aspect" in page.text
    assert 'href="/documents/' in page.text and "#cited" in page.text
    thin = post_form(
        officer,
        f"/proposals/{proposal_id}/decision",
        {"action": "override", "category": "causing-concern", "reason": "Officer judgement."},
    )
    assert thin.status_code == 422 and "reason of substance" in thin.text
    assert 'href="#reason"' in thin.text  # the error summary links to the field
    decided = post_form(
        officer,
        f"/proposals/{proposal_id}/decision",
        {"action": "override", "category": "causing-concern", "reason": OVERRIDE_REASON},
    )
    assert decided.status_code == 303
    shown = officer.get(decided.headers["location"])
    assert "Your decision is recorded" in shown.text and "Awaiting countersign" in shown.text
    assert "Do you agree with this decision?" not in shown.text  # not for the officer
    lead_view = lead.get(f"/proposals/{proposal_id}")
    assert "Do you agree with this decision?" in lead_view.text
    signed = post_form(lead, f"/proposals/{proposal_id}/countersign", {"agree": "yes"})
    assert signed.status_code == 303
    final = lead.get(f"/proposals/{proposal_id}")
    assert "Countersigned" in final.text
    note = officer.get(f"/api/proposals/{proposal_id}/note.docx")
    assert note.status_code == 200 and note.content[:2] == b"PK"
    school = officer.get("/schools/900001")
    assert "countersigned by Lead" in school.text


def test_several_files_upload_and_each_bad_one_says_why(pages: Pages) -> None:
    officer = pages["officer"]
    response = post_form(
        officer,
        "/schools/900005/documents",
        files=[
            ("files", ("visit-note.txt", (FIXTURES / "visit-note.txt").read_bytes(), "text/plain")),
            (
                "files",
                ("not-a-pdf.pdf", (FIXTURES / "not-a-pdf.pdf").read_bytes(), "application/pdf"),
            ),
            ("files", ("tool.exe", b"MZ", "application/octet-stream")),
        ],
    )
    assert response.status_code == 200, response.text[:500]
    assert "Uploaded" in response.text and "visit-note.txt: ingested" in response.text
    summary = response.text.split("govuk-error-summary__list", 1)[1].split("</ul>", 1)[0]
    assert "not-a-pdf.pdf:" in summary and "tool.exe:" in summary
    none = post_form(
        officer,
        "/schools/900005/documents",
        files=[("files", ("", b"", "application/octet-stream"))],
    )
    assert none.status_code == 422 and "Choose one or more files" in none.text


def test_the_viewer_marks_the_cited_passage_on_its_page(pages: Pages) -> None:
    officer = pages["officer"]
    runtime = pages.app.state.runtime
    with runtime.store.session() as session:
        document = session.query(Document).filter_by(school_urn="900001", format="pdf").first()
        assert document is not None
        page = document.pages[0]
        quote = " ".join(page.text.split()[5:14])
        document_id = page.document_id
    shown = officer.get(f"/documents/{document_id}", params={"page": page.number, "quote": quote})
    assert shown.status_code == 200
    assert '<mark id="cited"' in shown.text and f"Page {page.number} of" in shown.text
    absent = officer.get(
        f"/documents/{document_id}", params={"page": 1, "quote": "zebra crossings"}
    )
    assert "not on this page" in absent.text
    assert officer.get(f"/documents/{document_id}", params={"page": 999}).status_code == 404


def test_asking_without_javascript_gives_a_cited_answer_page(pages: Pages) -> None:
    officer = pages["officer"]
    short = post_form(officer, "/schools/900001/ask", {"question": "?"})
    assert short.status_code == 422 and "Enter a question" in short.text
    asked = post_form(officer, "/schools/900001/ask", {"question": "How is attendance?"})
    assert asked.status_code == 303 and asked.headers["location"].startswith("/answers/")
    answer = officer.get(asked.headers["location"])
    assert answer.status_code == 200 and "Citations" in answer.text
    assert 'href="#citation-1"' in answer.text and 'href="/documents/' in answer.text
    assert pages["officer2"].get(asked.headers["location"]).status_code == 404


def test_an_admin_adds_a_user_who_sets_a_password_and_signs_in(pages: Pages) -> None:
    admin = pages["admin"]
    refused = post_form(admin, "/users", {"email": "not an email", "name": "X", "role": "officer"})
    assert refused.status_code == 422 and "not an email address" in refused.text
    added = post_form(
        admin, "/users", {"email": "new@council.example", "name": "Nia New", "role": "officer"}
    )
    assert added.status_code == 200 and "User added" in added.text
    link = re.search(r"set-password\?token=([\w-]+)", added.text)
    assert link is not None
    runtime = pages.app.state.runtime
    with runtime.store.session() as session:
        new = find_user(session, "new@council.example")
        assert new is not None
        new_id = new.id
    assigned = post_form(admin, f"/users/{new_id}/schools", {"schools": "900002, 900005"})
    assert assigned.status_code == 303
    assert "URN 900005" in admin.get(f"/users/{new_id}").text
    browser = pages.anonymous()
    mismatch = post_form(
        browser,
        "/set-password",
        {"token": link.group(1), "password": "a" * 14, "confirm": "b" * 14},
    )
    assert mismatch.status_code == 422
    set_ok = post_form(
        browser,
        "/set-password",
        {
            "token": link.group(1),
            "password": "a new long password",
            "confirm": "a new long password",
        },
    )
    assert set_ok.status_code == 303
    signed = post_form(
        browser, "/sign-in", {"email": "new@council.example", "password": "a new long password"}
    )
    assert signed.status_code == 303
    assert "Showing 2 of 2 schools" in browser.get("/schools").text
    disabled = post_form(admin, f"/users/{new_id}/disable")
    assert disabled.status_code == 303
    assert browser.get("/schools").status_code == 303  # the session ended with the account


def test_unknown_addresses_are_pages_for_people_and_json_for_the_api(pages: Pages) -> None:
    officer = pages["officer"]
    page = officer.get("/no-such-page")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    api = officer.get("/api/no-such-thing")
    assert api.status_code == 404 and api.json() == {"detail": "Not Found"}


def test_the_pages_carry_the_authority_and_nothing_of_govuk_itself(pages: Pages) -> None:
    for path in ("/schools", "/schools/900001", "/audit"):
        html = pages["lead"].get(path).text
        assert "Exampleshire County Council" in html
        for govuk_only in (
            "govuk-logo",
            "govuk-header__logotype",
            "crown",
            "GDS Transport",
            "Crown copyright",
        ):
            assert govuk_only not in html, (path, govuk_only)
    sign_in_page = pages.anonymous().get("/sign-in").text
    assert "Exampleshire County Council" in sign_in_page and "crown" not in sign_in_page.lower()
    static = Path(__file__).parents[2] / "triage" / "web" / "static"
    if (static / "app.css").exists():
        css = (static / "app.css").read_text()
        assert "GDS Transport" not in css and "system-ui" in css
        assert not (static / "images").exists() and not (static / "fonts").exists()


def test_proposing_for_every_school_is_a_job_its_owner_can_watch(pages: Pages) -> None:
    lead = pages["lead"]
    started = post_form(lead, "/jobs", {"framework": "buckinghamshire"})
    assert started.status_code == 303 and started.headers["location"].startswith("/jobs/")
    page = lead.get(started.headers["location"])
    assert page.status_code == 200 and "of 5 schools done" in page.text
    assert pages["officer"].get(started.headers["location"]).status_code == 404
    unknown = post_form(lead, "/jobs", {"framework": "atlantis"})
    assert unknown.status_code == 422 and "atlantis" in unknown.text
