"""Sign-in: tokens expire, failures slow then lock (on the record), disabled users are out."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, update

from tests.api.conftest import PASSWORD, Service, email, open_service, sign_in
from triage.people.users import now
from triage.settings import ServiceSettings
from triage.store.people import Token, User


@pytest.fixture(scope="module")
def strict(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    data = tmp_path_factory.mktemp("auth") / "data"
    shutil.copytree(demo_template, data)
    service = ServiceSettings(login_slow_after=1, login_lock_after=3, login_delay_s=0.01)
    yield from open_service(data, service=service)


def test_failed_sign_ins_lock_the_account_and_are_logged(strict: Service) -> None:
    client = strict.anonymous
    for _ in range(2):
        assert sign_in(client, "officer2", "wrong password!").status_code == 401
    locked = sign_in(client, "officer2", "wrong password!")
    assert locked.status_code == 429 and "locked" in locked.json()["detail"]
    assert sign_in(client, "officer2", PASSWORD).status_code == 429
    unknown = sign_in(client, "nobody", "whatever")
    assert unknown.status_code == 401 and unknown.json()["detail"] == "wrong email or password"
    actions = [
        e["action"]
        for e in strict["lead"].get("/api/audit?limit=50").json()
        if e["actor"] == email("officer2")
    ]
    assert actions.count("signin.failed") == 3 and "signin.locked" in actions


def test_an_expired_token_stops_working(strict: Service) -> None:
    client = strict["lead2"]
    assert client.get("/api/auth/me").status_code == 200
    with strict.app.state.runtime.store.session() as session:
        lead2 = session.scalars(select(User).where(User.email == email("lead2"))).one()
        session.execute(update(Token).where(Token.user_id == lead2.id).values(expires_at=now()))
    assert client.get("/api/auth/me").status_code == 401


def test_a_disabled_users_token_stops_working(strict: Service) -> None:
    users = strict["admin"].get("/api/users").json()
    school = next(u for u in users if u["email"] == email("school"))
    assert strict["school"].get("/api/auth/me").status_code == 200
    assert strict["admin"].post(f"/api/users/{school['id']}/disable").status_code == 200
    assert strict["school"].get("/api/auth/me").status_code == 401
    assert sign_in(strict.anonymous, "school").status_code == 401


def test_a_new_user_sets_their_first_password_once(strict: Service) -> None:
    created = strict["admin"].post(
        "/api/users", json={"email": "new@council.example", "name": "New One", "role": "officer"}
    )
    assert created.status_code == 201
    token = created.json()["setup_token"]
    body = {"token": token, "password": "a long new password"}
    short = strict.anonymous.post("/api/auth/first-password", json={**body, "password": "short"})
    assert short.status_code == 422
    assert strict.anonymous.post("/api/auth/first-password", json=body).status_code == 204
    assert strict.anonymous.post("/api/auth/first-password", json=body).status_code == 401
    signed = strict.anonymous.post(
        "/api/auth/token",
        data={"username": "new@council.example", "password": "a long new password"},
    )
    assert signed.status_code == 200 and signed.json()["token_type"] == "bearer"
