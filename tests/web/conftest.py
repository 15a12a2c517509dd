"""The pages over the real app: the demo corpus copied per module, users of every role, and a
browser-like client per person, signed in through the sign-in form (session cookie)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.api.conftest import PASSWORD, PEOPLE, add_people, email, service_settings
from triage.api.app import create_app
from triage.settings import Settings
from triage.web.csrf import COOKIE, FIELD


def token(client: TestClient) -> str:
    """The form token a page gives this browser now (it changes when the session does)."""
    page = client.get("/no-such-page")  # every page carries it, a 404 page too
    found = re.search(r'<meta name="csrf-token" content="([^"]+)"', page.text)
    assert found is not None and COOKIE in client.cookies
    return found.group(1)


def post_form(
    client: TestClient, path: str, data: dict[str, Any] | None = None, **kw: Any
) -> httpx.Response:
    """A form post as a page sends it: the token first, then the fields."""
    return client.post(path, data={FIELD: token(client), **(data or {})}, **kw)


def sign_in(client: TestClient, person: str, password: str = PASSWORD) -> httpx.Response:
    return post_form(
        client, "/sign-in", {"email": email(person), "password": password, "next": "/"}
    )


@dataclass
class Pages:
    """The app over its own data dir, and a signed-in browser per person."""

    app: FastAPI
    settings: Settings
    browsers: dict[str, TestClient] = field(default_factory=dict)

    def __getitem__(self, person: str) -> TestClient:
        return self.browsers[person]

    def anonymous(self, **kw: Any) -> TestClient:
        kw.setdefault("follow_redirects", False)
        return TestClient(self.app, raise_server_exceptions=False, **kw)


@pytest.fixture(scope="module")
def pages(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pages]:
    data = tmp_path_factory.mktemp("web") / "data"
    shutil.copytree(demo_template, data)
    settings = service_settings(data)
    add_people(settings)
    app = create_app(settings)
    with TestClient(app, raise_server_exceptions=False):  # runs the app's lifespan
        found = Pages(app=app, settings=settings)
        for person in PEOPLE:
            browser = found.anonymous()
            signed = sign_in(browser, person)
            assert signed.status_code == 303, signed.text
            found.browsers[person] = browser
        yield found
