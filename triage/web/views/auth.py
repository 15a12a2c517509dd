"""Signing in and out with a session cookie, and setting a first password from an admin's link."""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import Form, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from triage.api.deps import SESSION_COOKIE, CurrentUser, RuntimeDep, SessionDep
from triage.api.errors import one_line
from triage.errors import TriageError
from triage.people.signin import WRONG, SignInResult, set_first_password, sign_in
from triage.people.tokens import revoke_token
from triage.runtime import Runtime
from triage.web.pages import page_router, redirect, render, safe_next, viewer

router = page_router()
FormText = Annotated[str, Form(max_length=1024)]


@router.get("/")
def home(user: CurrentUser) -> Response:
    """Where a signed-in user starts: their schools (an admin: the users)."""
    return redirect("/users" if user.role == "admin" else "/schools")


@router.get("/sign-in")
def sign_in_page(request: Request, next: Annotated[str, Query(max_length=500)] = "/") -> Response:
    if viewer(request) is not None:
        return redirect(safe_next(next))
    return render(request, "auth/sign_in.html", user=None, next=safe_next(next), errors={})


def _sign_in(runtime: Runtime, email: str, password: str) -> SignInResult:
    with runtime.store.session() as session:
        return sign_in(session, runtime.settings, email, password, kind="session")


@router.post("/sign-in")
async def sign_in_submit(
    request: Request,
    runtime: RuntimeDep,
    email: FormText = "",
    password: FormText = "",
    next: FormText = "/",
) -> Response:
    """Check the password; on success a session cookie, HttpOnly, SameSite=Lax, Secure on https."""
    errors = {}
    if not email.strip():
        errors["email"] = "Enter your email address"
    if not password:
        errors["password"] = "Enter your password"
    if not errors and (len(email) > 254 or not email.isprintable()):
        errors["email"] = WRONG
    if not errors:
        result = await run_in_threadpool(_sign_in, runtime, email, password)
        if result.delay_s:
            await asyncio.sleep(result.delay_s)
        if result.error is None and result.token is not None:
            response = redirect(safe_next(next))
            response.set_cookie(
                SESSION_COOKIE,
                result.token,
                max_age=runtime.settings.service.token_minutes * 60,
                httponly=True,
                samesite="lax",
                secure=request.url.scheme == "https",
            )
            return response
        errors["email"] = one_line(str(result.error))
    return render(
        request,
        "auth/sign_in.html",
        user=None,
        status_code=401 if "email" in errors and len(errors) == 1 else 422,
        next=safe_next(next),
        email=email,
        errors=errors,
    )


@router.post("/sign-out")
def sign_out(request: Request, user: CurrentUser, session: SessionDep) -> Response:
    """End this session: its token is revoked and the cookie removed."""
    revoke_token(session, request.cookies.get(SESSION_COOKIE, ""))
    response = redirect("/sign-in", notice="signed-out")
    response.delete_cookie(SESSION_COOKIE, httponly=True, samesite="lax")
    return response


@router.get("/set-password")
def set_password_page(
    request: Request, token: Annotated[str, Query(max_length=200)] = ""
) -> Response:
    return render(request, "auth/set_password.html", user=None, token=token, errors={})


@router.post("/set-password")
def set_password_submit(
    request: Request,
    session: SessionDep,
    runtime: RuntimeDep,
    token: FormText = "",
    password: FormText = "",
    confirm: FormText = "",
) -> Response:
    """A new user's first password, with the one-time link an admin gave them."""
    errors = {}
    if password != confirm:
        errors["confirm"] = "The two passwords are not the same"
    else:
        try:
            set_first_password(session, runtime.settings, token, password)
        except TriageError as exc:
            errors["password"] = one_line(str(exc))
    if errors:
        session.rollback()
        return render(
            request,
            "auth/set_password.html",
            user=None,
            status_code=422,
            token=token,
            errors=errors,
        )
    return redirect("/sign-in", notice="password-set")
