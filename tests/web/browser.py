"""Helpers for the browser tests: `triage serve` on loopback over a prepared data dir, Debian's
Chromium driven by Playwright, accessibility with axe-core, keyboard walks and screenshots."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.api.conftest import PASSWORD, add_people, email
from tests.conftest import free_port
from triage.settings import Settings

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).parents[2]
SCREENSHOTS = ROOT / "docs" / "screenshots"
STATIC = ROOT / "triage" / "web" / "static"
AUTHORITY = "Exampleshire County Council"
# Headless, and quiet: no updates, sync, reporting or lookups; nothing resolves but loopback.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
    "--no-first-run",
    "--no-default-browser-check",
    "--no-proxy-server",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "mobile": {"width": 375, "height": 812}}


def require_browser() -> None:
    """Without Chromium or the built front end: fail in CI, skip on a developer's machine."""
    missing = []
    if not CHROMIUM.exists():
        missing.append(f"{CHROMIUM} (apt-get install chromium)")
    if not (STATIC / "app.css").exists():
        missing.append("the built front end (make web)")
    if missing:
        message = "the browser tests need " + " and ".join(missing)
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@contextmanager
def served(data: Path) -> Iterator[str]:
    """`triage serve` on a free loopback port over `data`; its log goes to data/../serve.log."""
    env = {
        **os.environ,
        "TRIAGE_DATA_DIR": str(data),
        "TRIAGE_SERVICE__AUTHORITY": AUTHORITY,
    }
    port = free_port()
    log = (data.parent / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "triage.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            assert server.poll() is None, (data.parent / "serve.log").read_text()[-3000:]
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "triage serve did not answer within 180 s"
            time.sleep(0.5)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def prepare(demo_template: Path, folder: Path) -> Path:
    """The demo corpus and users of every role, in a data dir of the browser tests' own."""
    data = folder / "data"
    shutil.copytree(demo_template, data)
    add_people(Settings(data_dir=data))  # type: ignore[call-arg]
    return data


def sign_in(page: Any, base: str, person: str) -> None:
    page.goto(f"{base}/sign-in")
    page.get_by_label("Email address").fill(email(person))
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/sign-in" not in url)


def serious_violations(page: Any) -> list[str]:
    """axe-core's serious and critical violations on the page, one line each."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    found = []
    for violation in results.response["violations"]:
        if violation.get("impact") in ("serious", "critical"):
            targets = [n["target"] for n in violation["nodes"][:3]]
            found.append(
                f"{violation['id']} ({violation['impact']}): {violation['help']} {targets}"
            )
    return found


def shoot(page: Any, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


# What Tab should reach: a group of radios is one stop (its checked radio, else its first;
# arrow keys move within it).
TABBABLE = """() => Array.from(document.querySelectorAll(
  'a[href], button, input, select, textarea, summary, [tabindex]'
)).filter(e => !e.disabled && e.tabIndex >= 0 && e.type !== 'hidden'
  && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden'
  && !e.closest('[inert], [hidden]'))
  .filter(e => {
    if (e.type !== 'radio') return true;
    const group = Array.from(document.querySelectorAll(`input[type=radio][name="${e.name}"]`));
    return e === (group.find(r => r.checked) || group[0]);
  })
  .map(e => e.outerHTML.slice(0, 120))"""


def tab_walk(page: Any) -> tuple[list[str], list[str]]:
    """Press Tab through the whole page from the top: every element a keyboard user should
    reach, and those the walk did not reach (empty when nothing is missed or trapped)."""
    wanted = page.evaluate(TABBABLE)
    page.evaluate("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }")
    page.keyboard.press("Tab")  # into the page from the address bar's side
    seen: list[str] = []
    for _ in range(len(wanted) + 5):
        current = page.evaluate(
            "() => document.activeElement && document.activeElement !== document.body"
            " ? document.activeElement.outerHTML.slice(0, 120) : null"
        )
        if current is not None and current not in seen:
            seen.append(current)
        page.keyboard.press("Tab")
    return wanted, [w for w in wanted if w not in seen]


def tab_to(page: Any, text: str, *, limit: int = 400) -> None:
    """Press Tab until the focused element's text or label contains `text`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => { const e = document.activeElement;"
            " if (!e || e === document.body || e.getAttribute('role') === 'region') return '';"
            " const label = e.labels && e.labels[0] ? e.labels[0].innerText : '';"
            " return (e.innerText || e.value || '') + ' ' + label; }"
        )
        if text in focused:
            return
    raise AssertionError(f"Tab never reached {text!r}")


def navigation_timing(page: Any, url: str, *, runs: int) -> dict[str, float]:
    """Median time to first byte and to the load event of `url`, over `runs` loads, in ms."""
    ttfb, load = [], []
    for _ in range(runs):
        page.goto(url, wait_until="load")
        entry = page.evaluate(
            "() => { const n = performance.getEntriesByType('navigation')[0];"
            " return {ttfb: n.responseStart - n.requestStart, load: n.loadEventEnd - n.startTime,"
            " bytes: n.transferSize}; }"
        )
        if not entry["load"]:
            page.wait_for_function(
                "() => performance.getEntriesByType('navigation')[0].loadEventEnd > 0"
            )
            entry = page.evaluate(
                "() => { const n = performance.getEntriesByType('navigation')[0];"
                " return {ttfb: n.responseStart - n.requestStart,"
                " load: n.loadEventEnd - n.startTime, bytes: n.transferSize}; }"
            )
        ttfb.append(entry["ttfb"])
        load.append(entry["load"])
    return {
        "runs": runs,
        "ttfb_ms_median": round(statistics.median(ttfb), 1),
        "load_ms_median": round(statistics.median(load), 1),
        "ttfb_ms_max": round(max(ttfb), 1),
        "load_ms_max": round(max(load), 1),
    }


def record_timings(timings: dict[str, Any]) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / "timings.json").write_text(json.dumps(timings, indent=2) + "\n")
    print(f"\npage timings: {json.dumps(timings)}")
