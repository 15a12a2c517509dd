"""The pages in a real browser: Debian's Chromium, driven by Playwright, over `triage serve` on
loopback. The officer's whole job, a lead's countersignature, access and CSRF refusals,
axe-core on every page at two widths (screenshots in docs/screenshots/), the keyboard alone,
and the school page's timings with four frameworks proposed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.api.conftest import MISSING_SCHOOL, OTHER_SCHOOL
from tests.conftest import FIXTURES
from tests.web import browser as b

pytestmark = pytest.mark.browser
SCHOOL = "900001"
REASON = (
    "The visit note records attendance falling and leaders not yet acting on it, so the school "
    "needs the most support until the next visit shows the plan working."
)


@pytest.fixture(scope="module")
def base(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    b.require_browser()
    data = b.prepare(demo_template, tmp_path_factory.mktemp("browser"))
    with b.served(data) as url:
        yield url


@pytest.fixture(scope="module")
def chromium(base: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(b.CHROMIUM), headless=True, args=b.CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture
def context_for(chromium: Any) -> Iterator[Any]:
    """New browser contexts (a person each), closed after the test."""
    opened: list[Any] = []

    def make(size: str = "desktop", **options: Any) -> Any:
        context = chromium.new_context(viewport=b.WIDTHS[size], accept_downloads=True, **options)
        context.set_default_timeout(60_000)
        opened.append(context)
        return context

    yield make
    for context in opened:
        context.close()


def _school_link(page: Any) -> None:
    page.get_by_role("link", name="Ashcombe Park Primary School").first.click()
    page.wait_for_url(f"**/schools/{SCHOOL}")


def test_an_officer_does_the_whole_job_and_a_lead_countersigns(base: str, context_for: Any) -> None:
    page = context_for().new_page()
    page.goto(f"{base}/schools")
    assert "/sign-in" in page.url  # not signed in: sent to sign in, and back after
    b.sign_in(page, base, "officer")
    assert page.get_by_role("heading", name="My schools").is_visible()
    _school_link(page)

    # Upload two files at once: one good, one refused with its one-line reason.
    page.set_input_files("#files", [str(FIXTURES / "minutes.md"), str(FIXTURES / "not-a-pdf.pdf")])
    page.get_by_role("button", name="Upload", exact=True).click()
    progress = page.locator(".app-upload__progress")
    progress.get_by_text("stored, 1 refused").wait_for()
    assert "minutes.md: ingested" in progress.inner_text()
    assert "not-a-pdf.pdf:" in progress.locator(".app-upload__error").inner_text()
    progress.get_by_role("link", name="Show the documents now stored").click()
    assert page.get_by_role("link", name="minutes.md").is_visible()

    # Propose under every framework; the four stand side by side.
    page.get_by_label("Propose a category under").select_option("all")
    page.get_by_role("button", name="Propose", exact=True).click()
    page.get_by_text("The proposals are made.").wait_for()
    table = page.get_by_role("region", name="Proposals under each framework")
    assert table.get_by_role("link", name=re.compile("Evidence and decision")).count() == 4

    timings = {"school page, four frameworks": b.navigation_timing(page, page.url, runs=7)}
    b.record_timings(timings)

    # Open a citation: the viewer marks the passage on its page.
    page.get_by_role(
        "link", name="Evidence and decision under Bristol School Improvement Framework"
    ).click()
    proposal_url = page.url
    quote_link = page.locator(".app-aspect .app-quote a").first
    cited = quote_link.locator("xpath=ancestor::blockquote").locator("p").inner_text().strip("“”")
    quote_link.click()
    mark = page.locator("mark#cited")
    mark.wait_for()
    assert " ".join(
        mark.inner_text()
        .replace("Cited passage starts.", "")
        .replace("Cited passage ends.", "")
        .split()
    ) == " ".join(cited.split())
    assert re.search(r"Page \d+ of \d+|Unpaged document", page.locator("#page-number").inner_text())
    page.go_back()

    # Override with a reason: the bottom category waits for a lead.
    page.get_by_label("Category", exact=True).select_option(label="Causing Concern")
    page.get_by_label("Reason", exact=True).fill(REASON)
    page.get_by_role("button", name="Override", exact=True).click()
    page.get_by_text("Your decision is recorded.").wait_for()
    assert page.locator("#decision ~ dl").get_by_text("Awaiting countersign").is_visible()

    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("Download the note of visit")).click()
    note = Path(download.value.path())
    assert download.value.suggested_filename.endswith(".docx") and note.read_bytes()[:2] == b"PK"

    page.get_by_role("button", name="Sign out").click()
    page.get_by_text("You have signed out.").wait_for()
    page.goto(proposal_url)
    assert "/sign-in" in page.url

    lead = context_for().new_page()
    b.sign_in(lead, base, "lead")
    lead.goto(proposal_url)
    lead.get_by_label("Yes, countersign it").check()
    lead.get_by_role("button", name="Record countersignature").click()
    lead.get_by_text("Your countersignature is recorded.").wait_for()
    assert lead.get_by_text("Countersigned", exact=True).is_visible()
    lead.goto(f"{base}/schools")
    assert lead.get_by_role("heading", name="Changes this term").is_visible()
    assert (
        lead.get_by_role("region", name="Changes this term").get_by_text("Causing Concern").count()
    )


def test_an_officer_cannot_reach_another_officers_school(base: str, context_for: Any) -> None:
    page = context_for().new_page()
    b.sign_in(page, base, "officer")
    theirs = page.goto(f"{base}/schools/{OTHER_SCHOOL}")
    theirs_text = page.locator("main").inner_text()
    missing = page.goto(f"{base}/schools/{MISSING_SCHOOL}")
    assert theirs is not None and missing is not None
    assert theirs.status == missing.status == 404
    assert theirs_text == page.locator("main").inner_text()
    assert page.get_by_role("heading", name="Page not found").is_visible()


def test_form_posts_without_their_token_are_refused(base: str, context_for: Any) -> None:
    context = context_for()
    page = context.new_page()
    b.sign_in(page, base, "officer")
    page.goto(f"{base}/schools/{SCHOOL}")
    token = page.locator('meta[name="csrf-token"]').get_attribute("content")
    bare = context.request.post(f"{base}/schools/{SCHOOL}/proposals", form={"framework": "surrey"})
    assert bare.status == 403 and "security token" in bare.text()
    forged = context.request.post(
        f"{base}/schools/{SCHOOL}/proposals", form={"csrftoken": "x" + token, "framework": "surrey"}
    )
    assert forged.status == 403
    api = page.evaluate(
        """async (url) => (await fetch(url, {method: 'POST', headers: {'Content-Type':
        'application/json'}, body: JSON.stringify({question: 'How is attendance?'})})).status""",
        f"{base}/api/schools/{SCHOOL}/ask",
    )
    assert api == 403
    other = context_for().new_page()
    b.sign_in(other, base, "lead")
    stolen = other.context.request.post(
        f"{base}/schools/{SCHOOL}/proposals", form={"csrftoken": token, "framework": "surrey"}
    )
    assert stolen.status == 403  # a token is good only with the session it was made for


def _open(page: Any, base: str, framework: str) -> str:
    """The proposal page of `framework` for the school, proposing first if there is none."""
    page.goto(f"{base}/schools/{SCHOOL}")
    link = page.get_by_role("link", name=re.compile(f"Evidence and decision under {framework}"))
    if link.count() == 0:
        page.get_by_label("Propose a category under").select_option(label=framework)
        page.get_by_role("button", name="Propose", exact=True).click()
        page.get_by_text("The proposals are made.").wait_for()
    link.first.click()
    return str(page.url)


@pytest.fixture(scope="module")
def every_page(base: str, chromium: Any) -> list[tuple[str, str, str]]:
    """(name, person, url) of every page, in each state a form shows, found by following
    the pages' own links: an open proposal (the decision forms), one awaiting countersignature
    (the lead's form), a decided one, a cited page, an answer."""
    context = chromium.new_context(viewport=b.WIDTHS["desktop"])
    context.set_default_timeout(60_000)
    page = context.new_page()
    b.sign_in(page, base, "officer")
    decided = _open(page, base, "Bristol")
    page.locator(".app-aspect .app-quote a").first.click()
    viewer = page.url
    awaiting = _open(page, base, "Staffordshire")
    if page.get_by_role("button", name="Override", exact=True).count():
        page.get_by_label("Category", exact=True).select_option(label="Category 4 – Inadequate")
        page.get_by_label("Reason", exact=True).fill(REASON)
        page.get_by_role("button", name="Override", exact=True).click()
        page.get_by_text("Your decision is recorded.").wait_for()
    open_ = _open(page, base, "Surrey")
    page.goto(f"{base}/schools/{SCHOOL}/ask")
    page.get_by_label("Your question").fill("How is attendance?")
    page.get_by_role("button", name="Ask").click()
    page.wait_for_url("**/answers/*")
    answer = page.url
    context.close()
    return [
        ("sign-in", "", f"{base}/sign-in"),
        ("schools-officer", "officer", f"{base}/schools"),
        ("schools-lead", "lead", f"{base}/schools"),
        ("school", "officer", f"{base}/schools/{SCHOOL}"),
        ("proposal", "officer", open_),
        ("proposal-decided", "officer", decided),
        ("proposal-countersign", "lead", awaiting),
        ("viewer", "officer", viewer),
        ("ask", "officer", f"{base}/schools/{SCHOOL}/ask"),
        ("answer", "officer", answer),
        ("audit", "lead", f"{base}/audit"),
        ("audit-school", "lead", f"{base}/audit?school={SCHOOL}"),
        ("users", "admin", f"{base}/users"),
        ("user", "admin", f"{base}/users/4"),
        ("school-own", "school", f"{base}/schools/{SCHOOL}"),
        ("not-found", "officer", f"{base}/schools/{OTHER_SCHOOL}"),
    ]


def test_every_page_passes_axe_at_two_widths_and_is_photographed(
    base: str, context_for: Any, every_page: list[tuple[str, str, str]]
) -> None:
    problems: dict[str, list[str]] = {}
    for size in b.WIDTHS:
        pages: dict[str, Any] = {}
        for name, person, url in every_page:
            if person not in pages:
                pages[person] = context_for(size).new_page()
                if person:
                    b.sign_in(pages[person], base, person)
            page = pages[person]
            page.goto(url)
            found = b.serious_violations(page)
            if found:
                problems[f"{name} ({size})"] = found
            b.shoot(page, f"{name}-{size}")
    assert not problems, problems


def test_every_page_can_be_used_by_keyboard_alone(
    base: str, context_for: Any, every_page: list[tuple[str, str, str]]
) -> None:
    pages: dict[str, Any] = {}
    missed: dict[str, list[str]] = {}
    for name, person, url in every_page:
        if person not in pages:
            pages[person] = context_for().new_page()
            if person:
                b.sign_in(pages[person], base, person)
        page = pages[person]
        page.goto(url)
        wanted, unreached = b.tab_walk(page)
        assert wanted, f"{name} has nothing to reach by keyboard"
        if unreached:
            missed[name] = unreached
    assert not missed, missed


def test_the_main_flow_by_keyboard_alone(
    base: str, context_for: Any, every_page: list[tuple[str, str, str]]
) -> None:
    page = context_for().new_page()
    page.goto(f"{base}/sign-in")
    b.tab_to(page, "Skip to main content")
    b.tab_to(page, "Email address")
    page.keyboard.type("officer@council.example")
    b.tab_to(page, "Password")
    page.keyboard.type("correct horse battery staple")
    page.keyboard.press("Enter")
    page.wait_for_url("**/schools")
    b.tab_to(page, "Ashcombe Park Primary School")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/schools/{SCHOOL}")
    b.tab_to(page, "under Surrey")
    page.keyboard.press("Enter")
    page.wait_for_url("**/proposals/*")
    proposal_url = page.url
    b.tab_to(page, "open the cited passage")  # the first citation link
    page.keyboard.press("Enter")
    page.locator("mark#cited").wait_for()
    page.go_back()
    page.wait_for_url(proposal_url)
    if page.locator("#approve").count():
        b.tab_to(page, "Approve ")
        page.keyboard.press("Enter")
        page.get_by_text("Your decision is recorded.").wait_for()
    b.tab_to(page, "Sign out")
    page.keyboard.press("Enter")
    page.get_by_text("You have signed out.").wait_for()
