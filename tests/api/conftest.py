"""The real app over a real data dir: the demo corpus ingested once, copied per module, users
of every role, and httpx clients signed in as each."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.conftest import DEMO, make_settings
from triage.api.app import create_app
from triage.people.users import add_user, assign, set_password
from triage.runtime import open_runtime
from triage.settings import ServiceSettings, Settings

PASSWORD = "correct horse battery staple"
# Each person, their role, and their schools (an officer sees only theirs; a lead sees all).
PEOPLE: dict[str, tuple[str, list[str]]] = {
    "admin": ("admin", []),
    "lead": ("lead", []),
    "lead2": ("lead", []),
    "officer": ("officer", ["900001", "900002", "900004", "900005"]),
    "officer2": ("officer", ["900003"]),
    "school": ("school", ["900001"]),
}
OTHER_SCHOOL = "900003"  # exists, but `officer` and `school` may not see it
MISSING_SCHOOL = "999999"


def email(person: str) -> str:
    return f"{person}@council.example"


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir with the demo corpus ingested, closed; modules copy it."""
    from triage.intake.batch import ingest_corpus

    data = tmp_path_factory.mktemp("api-demo") / "data"
    with open_runtime(make_settings(data)) as runtime:
        ingest_corpus(runtime, DEMO)
    return data


def service_settings(data: Path, **overrides: object) -> Settings:
    overrides.setdefault(
        "service", ServiceSettings(login_delay_s=0.01, authority="Exampleshire County Council")
    )
    return make_settings(data, **overrides)


def add_people(settings: Settings) -> None:
    with open_runtime(settings) as runtime, runtime.store.session() as session:
        for person, (role, schools) in PEOPLE.items():
            user = add_user(session, email=email(person), name=person.title(), role=role)
            set_password(session, user, PASSWORD, settings=settings)
            if schools:
                assign(session, user, schools)


@dataclass
class Service:
    """The app over its own data dir, and a signed-in client per person."""

    app: FastAPI
    settings: Settings
    anonymous: TestClient
    clients: dict[str, TestClient] = field(default_factory=dict)

    def __getitem__(self, person: str) -> TestClient:
        return self.clients[person]


def sign_in(client: TestClient, person: str, password: str = PASSWORD) -> httpx.Response:
    return client.post("/api/auth/token", data={"username": email(person), "password": password})


def open_service(data: Path, **overrides: object) -> Iterator[Service]:
    settings = service_settings(data, **overrides)
    add_people(settings)
    app = create_app(settings)
    with TestClient(app, raise_server_exceptions=False) as anonymous:
        service = Service(app=app, settings=settings, anonymous=anonymous)
        for person in PEOPLE:
            token = sign_in(anonymous, person).json()["access_token"]
            client = TestClient(app, raise_server_exceptions=False)
            client.headers["Authorization"] = f"Bearer {token}"
            service.clients[person] = client
        yield service


@pytest.fixture(scope="module")
def service(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    """The demo corpus and every role, in a data dir of this module's own."""
    data = tmp_path_factory.mktemp("api") / "data"
    shutil.copytree(demo_template, data)
    yield from open_service(data)
