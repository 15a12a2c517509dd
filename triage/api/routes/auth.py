"""Sign-in (OAuth2 password form), sign-out, first password, and who am I."""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import OAuth2PasswordRequestForm

from triage.api.deps import CurrentUser, RuntimeDep, SessionDep, oauth2
from triage.api.schemas.auth import FirstPassword, Me, TokenPublic
from triage.errors import AuthenticationError
from triage.people.access import visible_urns
from triage.people.signin import SignInResult, set_first_password, sign_in
from triage.people.tokens import revoke_token
from triage.runtime import Runtime

router = APIRouter(prefix="/api/auth", tags=["auth"])


def _sign_in(runtime: Runtime, email: str, password: str) -> SignInResult:
    with runtime.store.session() as session:
        return sign_in(session, runtime.settings, email, password)


@router.post("/token", response_model=TokenPublic)
async def token(
    form: Annotated[OAuth2PasswordRequestForm, Depends()], runtime: RuntimeDep
) -> TokenPublic:
    """Exchange email and password for a bearer token; failures are slowed, then locked."""
    if len(form.username) > 254 or not form.username.isprintable():
        raise AuthenticationError("wrong email or password")
    result = await run_in_threadpool(_sign_in, runtime, form.username, form.password)
    if result.delay_s:
        await asyncio.sleep(result.delay_s)
    if result.error is not None:
        raise result.error
    assert result.token is not None
    return TokenPublic(
        access_token=result.token, expires_in=runtime.settings.service.token_minutes * 60
    )


@router.post("/logout", status_code=204)
def logout(
    user: CurrentUser, session: SessionDep, bearer: Annotated[str | None, Depends(oauth2)]
) -> None:
    """Revoke the token used for this request."""
    if bearer:
        revoke_token(session, bearer)


@router.post("/first-password", status_code=204)
def first_password(body: FirstPassword, session: SessionDep, runtime: RuntimeDep) -> None:
    """Set a new user's first password with the one-time token an admin was given."""
    set_first_password(session, runtime.settings, body.token, body.password)


@router.get("/me", response_model=Me)
def me(user: CurrentUser, session: SessionDep, request: Request) -> Me:
    return Me(email=user.email, name=user.name, role=user.role, schools=visible_urns(session, user))
